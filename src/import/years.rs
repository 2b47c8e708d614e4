//! Years for an imported plan: the plan's period (from the title's words,
//! else from every date read) and the year of each target written without
//! one ("Oct 12th"), taken from the nearest evidence: the row's section
//! heading or the table's heading, then the document's dates, then the
//! plan's period. A year is never guessed before 1990, and each guess is a
//! `year-assumed` warning naming its evidence.

use super::{Imported, NewTask, Options, When};
use crate::dates::{self, Calendar, Interval, Note};
use chrono::{Datelike, Duration, NaiveDate};

/// What a year may come from: a span of days and the words that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub words: String,
}

/// The words of a target with no year, the days the import read them as,
/// and the words with the year written in, when the grammar reads them back
/// (assumed.rs writes the `due` from them once the period is settled).
#[derive(Debug, Clone, PartialEq)]
pub struct Assumed {
    pub written: String,
    pub read: Interval,
    pub exact: Option<String>,
}

/// The plan's first and last days, and the comment saying where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub why: String,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// A piece of a title or heading, with where it is (char offsets).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Year(i32),
    /// A financial year written `2012-13`, `2008/09`, `2012/2013`.
    Financial(i32),
    Month(u32),
    Day(u32),
    Dash,
    Other,
}

fn plausible(y: i32) -> bool {
    (1990..2100).contains(&y)
}

/// The pieces of a text: years, financial years, months, days, dashes.
fn pieces(text: &str) -> Vec<(Piece, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let value: i64 = digits.parse().unwrap_or(-1);
            let piece = if digits.len() == 4 && plausible(value as i32) {
                let y = value as i32;
                match financial_tail(&chars, i, y) {
                    Some(end) => {
                        i = end;
                        Piece::Financial(y)
                    }
                    None => Piece::Year(y),
                }
            } else if digits.len() <= 2 && (1..=31).contains(&value) {
                // "12th": the suffix belongs to the day.
                let rest: String = chars[i..].iter().take(2).collect::<String>().to_lowercase();
                if ["st", "nd", "rd", "th"].contains(&rest.as_str())
                    && chars.get(i + 2).is_none_or(|c| !c.is_alphabetic())
                {
                    i += 2;
                }
                Piece::Day(value as u32)
            } else {
                Piece::Other
            };
            out.push((piece, start, i));
        } else if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let piece = match month(&word) {
                Some(m) => Piece::Month(m),
                None if word.eq_ignore_ascii_case("to") => Piece::Dash,
                None => Piece::Other,
            };
            out.push((piece, start, i));
        } else {
            i += 1;
            if matches!(c, '-' | '–' | '—') {
                out.push((Piece::Dash, start, i));
            }
        }
    }
    out
}

/// After a year at `at`: `-13`, `/09`, `/2013` naming the next year, right
/// against it; where that ends.
fn financial_tail(chars: &[char], at: usize, year: i32) -> Option<usize> {
    let sep = *chars.get(at)?;
    if !matches!(sep, '-' | '/' | '–') {
        return None;
    }
    let mut end = at + 1;
    while end < chars.len() && chars[end].is_ascii_digit() {
        end += 1;
    }
    let digits: String = chars[at + 1..end].iter().collect();
    let next: i32 = digits.parse().ok()?;
    let names_next = match digits.len() {
        2 => next == (year + 1) % 100,
        4 => next == year + 1,
        _ => false,
    };
    names_next.then_some(end)
}

/// One end of a range: (first day, last day) of what it names.
fn side(p: &[Piece]) -> Option<(NaiveDate, NaiveDate, usize)> {
    match p {
        [Piece::Month(m), Piece::Year(y), ..] => Some((ymd(*y, *m, 1)?, month_end(*y, *m)?, 2)),
        [Piece::Month(m), Piece::Financial(y), ..] => {
            let y = if *m >= 4 { *y } else { y + 1 };
            Some((ymd(y, *m, 1)?, month_end(y, *m)?, 2))
        }
        [Piece::Financial(y), ..] => Some((ymd(*y, 4, 1)?, ymd(y + 1, 3, 31)?, 1)),
        [Piece::Year(y), ..] => Some((ymd(*y, 4, 1)?, ymd(y + 1, 3, 31)?, 1)),
        _ => None,
    }
}

/// The period a title or heading names: a range of years ("2005 – 2008",
/// "January 2008 – December 2010", "2008/09 to 2010/11"), or one financial
/// year ("2012-13", "2012/2013"); with the words it used.
pub fn title_period(text: &str) -> Option<Evidence> {
    let all = pieces(text);
    let kinds: Vec<Piece> = all.iter().map(|p| p.0).collect();
    let chars: Vec<char> = text.chars().collect();
    let words = |from: usize, to: usize| -> String {
        chars[all[from].1..all[to].2].iter().collect::<String>()
    };
    for i in 0..kinds.len() {
        let Some((start, first_end, n)) = side(&kinds[i..]) else {
            continue;
        };
        if kinds.get(i + n) == Some(&Piece::Dash)
            && let Some((_, mut end, m)) = side(&kinds[i + n + 1..])
        {
            // "2005 – 2008": financial years, the last ending in March 2008;
            // "2012 – 2013" is the one financial year 2012/13.
            if let (Piece::Year(y1), Piece::Year(y2)) = (kinds[i], kinds[i + n + 1]) {
                end = ymd(y2, 3, 31)?;
                if y2 <= y1 {
                    continue;
                }
            }
            if end > start {
                return Some(Evidence {
                    start,
                    end,
                    words: words(i, i + n + m),
                });
            }
        }
        if let Piece::Financial(_) = kinds[i] {
            return Some(Evidence {
                start,
                end: first_end,
                words: words(i, i),
            });
        }
    }
    None
}

/// A day a heading writes in full ("23 August 2011", "March 5th 2012").
pub fn day_in(text: &str) -> Option<(NaiveDate, String)> {
    if text.len() > 1_000 {
        return None;
    }
    let all = pieces(text);
    let kinds: Vec<Piece> = all.iter().map(|p| p.0).collect();
    let chars: Vec<char> = text.chars().collect();
    (0..kinds.len()).find_map(|i| {
        let day = match kinds[i..] {
            [Piece::Day(d), Piece::Month(m), Piece::Year(y), ..]
            | [Piece::Month(m), Piece::Day(d), Piece::Year(y), ..] => ymd(y, m, d),
            _ => None,
        }?;
        Some((day, chars[all[i].1..all[i + 2].2].iter().collect()))
    })
}

/// The year a heading gives: a period it names, else a day it names (a
/// meeting's date: targets fall in the year from it), else a year alone.
pub fn heading_evidence(text: &str) -> Option<Evidence> {
    if text.len() > 1_000 {
        return None;
    }
    if let Some(period) = title_period(text) {
        return Some(period);
    }
    if let Some((day, words)) = day_in(text) {
        return Some(Evidence {
            start: day,
            end: day + Duration::days(364),
            words,
        });
    }
    let all = pieces(text);
    let chars: Vec<char> = text.chars().collect();
    all.iter().find_map(|(p, from, to)| match p {
        Piece::Year(y) => Some(Evidence {
            start: ymd(*y, 1, 1)?,
            end: ymd(*y, 12, 31)?,
            words: chars[*from..*to].iter().collect(),
        }),
        _ => None,
    })
}

pub(super) fn calendar(start: NaiveDate, end: NaiveDate) -> Calendar {
    Calendar {
        start,
        end,
        asap_days: 30,
        year_start: 4,
    }
}

/// The interval a text names when its year is taken from `evidence`, when
/// the text has no year of its own.
pub(super) fn yearless(text: &str, evidence: &Evidence) -> Option<Interval> {
    let reading = dates::read(text, &calendar(evidence.start, evidence.end)).ok()?;
    reading
        .notes
        .iter()
        .any(|n| matches!(n, Note::YearAssumed { .. }))
        .then(|| reading.target.interval())?
}

/// The days a target names by itself: none when it has no year or counts
/// from the plan's start ("6 months").
fn written_days(text: &str) -> Option<Interval> {
    let one = calendar(ymd(2000, 4, 1)?, ymd(2001, 3, 31)?);
    let two = calendar(ymd(2010, 4, 1)?, ymd(2011, 3, 31)?);
    let a = dates::read(text, &one).ok()?;
    if a.notes
        .iter()
        .any(|n| matches!(n, Note::YearAssumed { .. }))
    {
        return None;
    }
    let a = a.target.interval()?;
    let b = dates::parse(text, &two).ok()?.interval()?;
    // "By May 2012" runs from the plan's start: only its deadline is written.
    let from = if a.from == b.from { a.from } else { a.to };
    (a.to == b.to && from.year() >= 1990).then_some(Interval { from, to: a.to })
}

/// A day read, and the words that gave it.
type DayRead = (NaiveDate, String);

/// Every day the document names with its year, and the words naming it.
fn dates_read(imported: &Imported) -> Vec<DayRead> {
    let mut days = Vec::new();
    for task in imported.tasks() {
        match &task.due {
            Some(When::Date(d)) if d.year() >= 1990 => days.push((*d, d.to_string())),
            Some(When::Text(t)) => {
                if let Some(i) = written_days(t) {
                    days.push((i.from, t.clone()));
                    days.push((i.to, t.clone()));
                }
            }
            _ => {}
        }
    }
    days
}

/// The first and last of `days`, with their words.
fn span(days: &[DayRead]) -> Option<(&DayRead, &DayRead)> {
    Some((
        days.iter().min_by_key(|d| d.0)?,
        days.iter().max_by_key(|d| d.0)?,
    ))
}

/// The plan's period, and the year of each target written without one.
pub fn settle(imported: &mut Imported, options: &Options, today: NaiveDate) -> Period {
    let title_lines: Vec<String> = match &options.title {
        Some(t) => vec![t.clone()],
        None => imported.title_lines.clone(),
    };
    let from_title = title_lines.iter().find_map(|l| title_period(l));
    let read = dates_read(imported);
    let document = span(&read).map(|(first, last)| Evidence {
        start: first.0,
        end: last.0.max(first.0 + Duration::days(364)),
        words: format!(
            "the dates the document gives, {} ({:?}) to {} ({:?})",
            first.0, first.1, last.0, last.1
        ),
    });
    let fallback = from_title.clone().unwrap_or_else(|| this_year(today));
    let mut assumed = Vec::new();
    for task in tasks_mut(imported) {
        if let Some(found) = assume_year(task, document.as_ref(), &fallback) {
            assumed.push(found);
        }
    }
    // The years just assumed count among the dates read, when any is written.
    let read = if read.is_empty() || assumed.is_empty() {
        read
    } else {
        dates_read(imported)
    };
    let guessed = match (&from_title, span(&read)) {
        (Some(t), _) => Period {
            start: t.start,
            end: t.end,
            why: format!("From the title's words {:?}.", t.words),
        },
        (None, Some((first, last))) => Period {
            start: first.0,
            end: last.0.max(first.0),
            why: format!(
                "No years in the title: the earliest and latest dates read, {} ({:?}) and {} ({:?}).",
                first.0, first.1, last.0, last.1
            ),
        },
        (None, None) => Period {
            start: fallback.start,
            end: fallback.end,
            why: "No years in the title and no dates in the table: this financial year.".into(),
        },
    };
    imported.warnings.extend(assumed);
    with_flags(options, guessed)
}

fn this_year(today: NaiveDate) -> Evidence {
    let year = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    Evidence {
        start: ymd(year, 4, 1).unwrap_or(today),
        end: ymd(year + 1, 3, 31).unwrap_or(today),
        words: "this financial year (no year is written in the file)".into(),
    }
}

pub(super) fn tasks_mut(imported: &mut Imported) -> impl Iterator<Item = &mut NewTask> {
    imported
        .cards
        .iter_mut()
        .flat_map(|c| c.priorities.iter_mut())
        .flat_map(|p| p.actions.iter_mut())
        .flat_map(|a| a.tasks.iter_mut())
}

/// A target with no year of its own gets one, from the heading over its
/// row, else the document's dates, else the plan's period: written into
/// `due` with the words as written kept in the note; the warning to print.
fn assume_year(task: &mut NewTask, document: Option<&Evidence>, plan: &Evidence) -> Option<String> {
    // A date cell of 1900 (a day and month typed where the sheet took the
    // year as 1900) is a day with no year: read as its day and month.
    let mut cell_year = None;
    if let Some(When::Date(d)) = task.due
        && d.year() < 1990
        && d > ymd(1900, 1, 1)?
    {
        cell_year = Some(d);
        let month = MONTHS[d.month0() as usize];
        let month = month[..1].to_uppercase() + &month[1..];
        task.due = Some(When::Text(format!("{} {month}", d.day())));
    }
    let Some(When::Text(text)) = &task.due else {
        return None;
    };
    let (evidence, whose) = match (&task.heading, document) {
        (Some(h), _) => (h.as_ref(), format!("the heading's words {:?}", h.words)),
        (None, Some(d)) => (d, d.words.clone()),
        (None, None) => (plan, format!("the plan's period ({})", plan.words)),
    };
    let interval = yearless(text, evidence)?;
    let written = text.clone();
    let exact = with_year(&written, interval).or_else(|| as_text(interval));
    if let Some(exact) = &exact {
        task.due = Some(When::Text(exact.clone()));
    }
    task.assumed = Some(Assumed {
        written: written.clone(),
        read: interval,
        exact,
    });
    let written = match cell_year {
        Some(d) => format!("date cell {d}"),
        None => format!("target {written:?}"),
    };
    Some(format!(
        "year-assumed: {}: the {written} has no year: read as {} to {}, the year from {whose}",
        task.place, interval.from, interval.to
    ))
}

/// The words as written with the year after them ("End of May 2012"),
/// when the date grammar reads that as the same deadline.
fn with_year(written: &str, i: Interval) -> Option<String> {
    let text = format!(
        "{} {}",
        written.trim().trim_end_matches(['.', ',', ';']),
        i.to.year()
    );
    (written_days(&text).map(|d| d.to) == Some(i.to)).then_some(text)
}

/// An interval written so the date grammar reads it back: a day or a month.
fn as_text(i: Interval) -> Option<String> {
    let name = |d: NaiveDate| {
        let m = MONTHS[d.month0() as usize];
        let mut c = m.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    if i.from == i.to {
        return Some(format!(
            "{} {} {}",
            i.from.day(),
            name(i.from),
            i.from.year()
        ));
    }
    (i.from.day() == 1 && month_end(i.from.year(), i.from.month()) == Some(i.to))
        .then(|| format!("{} {}", name(i.from), i.from.year()))
}

/// `--start` and `--end` over what was guessed.
fn with_flags(options: &Options, guessed: Period) -> Period {
    match (options.start, options.end) {
        (Some(start), Some(end)) => Period {
            start,
            end,
            why: "As --start and --end say.".into(),
        },
        (Some(start), None) => Period {
            start,
            why: format!("The start as --start says; the end: {}", guessed.why),
            ..guessed
        },
        (None, Some(end)) => Period {
            end,
            why: format!("The end as --end says; the start: {}", guessed.why),
            ..guessed
        },
        (None, None) => Period {
            why: format!("A guess, to check: {}", guessed.why),
            ..guessed
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        ymd(y, m, day).unwrap()
    }

    fn period(text: &str) -> Option<(NaiveDate, NaiveDate, String)> {
        title_period(text).map(|e| (e.start, e.end, e.words))
    }

    #[test]
    fn periods_in_titles() {
        let fy = Some((d(2012, 4, 1), d(2013, 3, 31), "2012 – 2013".to_string()));
        assert_eq!(period("Street Sex Work Action Plan 2012 – 2013"), fy);
        assert_eq!(period("Action Plan 2012-13").unwrap().1, d(2013, 3, 31));
        assert_eq!(period("Plan 2012/2013").unwrap().0, d(2012, 4, 1));
        assert_eq!(
            period("Community Safety Action Plan 2005 – 2008"),
            Some((d(2005, 4, 1), d(2008, 3, 31), "2005 – 2008".into()))
        );
        assert_eq!(
            period("Plan for January 2008 – December 2010 (draft)"),
            Some((
                d(2008, 1, 1),
                d(2010, 12, 31),
                "January 2008 – December 2010".into()
            ))
        );
        assert_eq!(
            period("Delivery plan 2008/09 to 2010/11"),
            Some((d(2008, 4, 1), d(2011, 3, 31), "2008/09 to 2010/11".into()))
        );
        assert_eq!(period("No years"), None);
        assert_eq!(period("Plan 2012"), None);
        assert_eq!(period("Version 2 – 2012"), None);
    }

    #[test]
    fn headings_give_a_year() {
        let e = heading_evidence("Meeting Date: 23 August 2011").unwrap();
        assert_eq!(
            (e.start, e.words.as_str()),
            (d(2011, 8, 23), "23 August 2011")
        );
        let e = heading_evidence("Cabinet, 5th March 2012").unwrap();
        assert_eq!(e.start, d(2012, 3, 5));
        assert_eq!(heading_evidence("Priority 1: safer streets"), None);
        assert_eq!(heading_evidence("Update 1899").map(|e| e.start), None);
    }

    #[test]
    fn a_day_without_a_year_takes_the_heading_s() {
        let e = heading_evidence("Meeting Date: 23 August 2011").unwrap();
        let i = yearless("Due Oct 12th.", &e).unwrap();
        assert_eq!(i.to, d(2011, 10, 12));
        let i = yearless("End of May", &e).unwrap();
        assert_eq!(i.to, d(2012, 5, 31));
        assert_eq!(yearless("October 2011", &e), None);
        assert_eq!(written_days("6 months"), None);
        assert_eq!(written_days("Oct 12th"), None);
        assert_eq!(
            written_days("October 2011").map(|i| i.to),
            Some(d(2011, 10, 31))
        );
    }
}
