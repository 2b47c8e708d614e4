#![allow(clippy::print_stderr)] // it says which rows it could not read, and how many it read
//! Welsh target-date cells copied from the pages of Welsh public bodies,
//! each with its English twin where the page had one, how a reader takes it,
//! the document's year and where it was found
//! (tests/fixtures/realworld/welsh-dates.tsv, a copy of the project's shared
//! real-world material, so a clone alone runs this test). Every row must be
//! read that way, save the few listed in `DISAGREE` with the reason; and a
//! Welsh cell whose English twin reads must read as its twin does.

mod common;

use chrono::{Days, NaiveDate};
use plan::dates::{Calendar, TargetDate, read};
use std::path::Path;

const TSV: &str = "tests/fixtures/realworld/welsh-dates.tsv";

/// Rows the grammar reads otherwise than the page's reader, and why.
const DISAGREE: &[(&str, &str)] = &[
    (
        "heb fod yn hwyrach na 20 Rhagfyr yn y flwyddyn cyn y flwyddyn y bydd y cynllun yn cael effaith ynddi",
        "a yearly rule counted from each plan's first year: the grammar reads `no later than \
         20 December` in the plan's period and warns that the rest is words",
    ),
    (
        "cyn gynted â phosibl",
        "`as soon as possible` is a documented form in English and Welsh alike: plan start + asap_days",
    ),
    (
        "cyn gynted ag sy’n bosibl",
        "`as soon as possible` is a documented form in English and Welsh alike: plan start + asap_days",
    ),
    (
        "cyn gynted ag y bo’n rhesymol ymarferol",
        "`as soon as reasonably practicable` is no form in English either: a bad-date error",
    ),
    (
        "o leiaf bob 4 blynedd",
        "a cadence longer than a year (`every 4 years`) is no form in English either",
    ),
    (
        "yn ystod chwarter 4 ac 1 o’r flwyddyn newydd",
        "`quarter 4 and 1 of the new year` names the next year in words: only Q4 is read, with a warning",
    ),
    (
        "erbyn diwedd eleni",
        "`eleni` (this year) needs the document's date; the grammar has only the plan's calendar",
    ),
    (
        "camau gweithredu ar unwaith",
        "`actions immediately`: `immediately` inside words is not read in English either (an error)",
    ),
];

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Each page's period: a school year for term tables, the financial year
/// holding a scorecard, otherwise the financial year of the document's year.
fn calendar(source: &str, doc_year: &str) -> Calendar {
    const PAGES: &[(&str, &str, &str)] = &[
        ("ysgolteilosant", "2024-09-01", "2025-08-31"),
        ("ch3-18-19", "2018-04-01", "2019-03-31"),
        ("dyddiadau-tymor-ysgol-2022", "2022-09-01", "2023-08-31"),
    ];
    let (start, end) = match PAGES.iter().find(|(key, _, _)| source.contains(key)) {
        Some((_, start, end)) => (day(start), day(end)),
        None => {
            let year: i32 = doc_year.parse().unwrap_or(2024);
            (
                NaiveDate::from_ymd_opt(year, 4, 1).unwrap(),
                NaiveDate::from_ymd_opt(year + 1, 3, 31).unwrap(),
            )
        }
    };
    Calendar {
        start,
        end,
        asap_days: 30,
        year_start: 4,
    }
}

/// What a row's reading column expects.
#[derive(Debug)]
enum Expected {
    /// The deadline (`near`: within a month after an approximate day, `~`).
    Dated {
        to: NaiveDate,
        near: bool,
    },
    From(NaiveDate),
    Recurring {
        months: Vec<u32>,
        cadence: Option<&'static str>,
    },
    Ongoing,
    /// Counted from an event or a day outside the plan: never from the plan start.
    Event,
    /// A first delivery by that day, then ongoing.
    Milestone(NaiveDate),
    /// A reading this test cannot turn into a target: the row is reported.
    Unknown,
}

fn iso_dates(text: &str) -> Vec<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = |i: usize| {
        (0..10).all(|k| match k {
            4 | 7 => bytes[i + k] == b'-',
            _ => bytes[i + k].is_ascii_digit(),
        })
    };
    (0..text.len().saturating_sub(9))
        .filter(|&i| shape(i))
        .filter_map(|i| NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d").ok())
        .collect()
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn months_named(reading: &str) -> Vec<u32> {
    reading
        .split(|c: char| !c.is_alphabetic())
        .filter_map(|w| MONTHS.iter().position(|n| w.starts_with(n)))
        .map(|at| at as u32 + 1)
        .collect()
}

fn month_end(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.unwrap().pred_opt().unwrap()
}

/// `Month YYYY` or `Qn YYYY` after `~` (or `from`/`until`): the end of it.
fn named_end(text: &str) -> Option<NaiveDate> {
    let mut words = text.split([' ', ';', ')', '(']).filter(|w| !w.is_empty());
    let name = words.next()?;
    let year: i32 = words.next()?.parse().ok()?;
    if let Some(q) = name.strip_prefix('Q') {
        return Some(month_end(year, 3 * q.parse::<u32>().ok()?));
    }
    let month = MONTHS.iter().position(|m| name.starts_with(m))? as u32 + 1;
    Some(month_end(year, month))
}

fn expected(reading: &str, calendar: &Calendar) -> Expected {
    let cadence = ["weekly", "monthly", "quarterly"]
        .into_iter()
        .find(|c| reading.contains(c));
    if reading.starts_with("recurring") {
        return Expected::Recurring {
            months: months_named(reading.split('(').next().unwrap()),
            cadence,
        };
    }
    if reading.starts_with("relative") || reading.starts_with("after") {
        return Expected::Event;
    }
    if reading.starts_with("no deadline") {
        return Expected::Ongoing;
    }
    if reading.starts_with("immediate") {
        let to = calendar.start + Days::new(u64::from(calendar.asap_days));
        return Expected::Dated { to, near: false };
    }
    if let Some(rest) = reading.strip_prefix("from ") {
        return NaiveDate::parse_from_str(
            &format!("{}-01", rest.get(..7).unwrap_or("")),
            "%Y-%m-%d",
        )
        .map_or(Expected::Unknown, Expected::From);
    }
    if let Some(rest) = reading.strip_prefix("until ") {
        return named_end(rest).map_or(Expected::Unknown, |to| Expected::Dated { to, near: false });
    }
    dated(reading)
}

/// A reading that names a day: its deadline (`deadline D`, the day after
/// `..`, or the first day named), or an approximate one after `~`; a
/// financial year `YYYY/YY` ends on 31 March.
fn dated(reading: &str) -> Expected {
    let milestone = ["then ongoing", "and ongoing", "& ongoing"]
        .iter()
        .any(|m| reading.contains(m));
    let dates = iso_dates(reading);
    let marked = |mark: &str| {
        reading
            .find(mark)
            .and_then(|at| iso_dates(&reading[at..]).first().copied())
    };
    if let Some(to) = marked("deadline").or_else(|| marked("..")) {
        return Expected::Dated { to, near: false };
    }
    if let Some(at) = reading.find('~') {
        let after = &reading[at + 1..];
        let near = iso_dates(after)
            .first()
            .copied()
            .or_else(|| named_end(after));
        if let Some(to) = near
            && dates
                .first()
                .is_none_or(|d| iso_dates(after).first() == Some(d))
        {
            return Expected::Dated { to, near: true };
        }
    }
    if let Some(to) = dates.first().copied() {
        return if milestone {
            Expected::Milestone(to)
        } else {
            Expected::Dated { to, near: false }
        };
    }
    let financial = reading
        .strip_prefix("financial year ")
        .and_then(|rest| rest.get(..4)?.parse::<i32>().ok());
    financial.map_or(Expected::Unknown, |y| Expected::Dated {
        to: NaiveDate::from_ymd_opt(y + 1, 3, 31).unwrap(),
        near: false,
    })
}

fn reads_right(text: &str, expected: &Expected, calendar: &Calendar) -> Result<(), String> {
    let got = read(text, calendar);
    let target = got.as_ref().map(|r| &r.target);
    let ok = match (expected, target) {
        (Expected::Event, Err(_)) => true,
        (Expected::Event, Ok(t)) => t.interval().is_none_or(|i| i.from != calendar.start),
        (Expected::Dated { to, near: false }, Ok(TargetDate::Dated(i))) => i.to == *to,
        (Expected::Dated { to, near: true }, Ok(TargetDate::Dated(i))) => {
            i.to >= *to && (i.to - *to).num_days() <= 31
        }
        (Expected::From(first), Ok(TargetDate::OngoingFrom(day))) => day == first,
        (Expected::Milestone(to), Ok(TargetDate::MilestoneThenOngoing(i))) => i.to == *to,
        (Expected::Recurring { months, cadence }, Ok(TargetDate::Recurring(r))) => {
            common::occurs(r, months, *cadence)
        }
        (Expected::Ongoing, Ok(TargetDate::Ongoing | TargetDate::OngoingFrom(_))) => true,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{text:?}: expected {expected:?}, got {got:?}"))
    }
}

/// A Welsh cell whose English twin reads must read to the same target.
fn reads_as_twin(text: &str, twin: &str, calendar: &Calendar) -> Result<(), String> {
    let Ok(english) = read(twin, calendar) else {
        return Ok(());
    };
    match read(text, calendar) {
        Ok(welsh) if welsh.target == english.target => Ok(()),
        welsh => Err(format!(
            "{text:?} reads {welsh:?}, its twin {twin:?} reads {english:?}"
        )),
    }
}

#[test]
fn welsh_target_dates_read_as_their_pages_mean() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TSV);
    let tsv = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()));
    let (mut right, mut wrong, mut total) = (0, Vec::new(), 0);
    let mut twins = Vec::new();
    let mut header = true;
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        if std::mem::take(&mut header) {
            assert_eq!(
                cols[..],
                ["text", "english_twin", "reading", "doc_year", "source_url"],
                "the TSV's columns changed"
            );
            continue;
        }
        let [text, twin, reading, doc_year, source] = cols[..] else {
            panic!("a row without five columns: {line:?}");
        };
        total += 1;
        let calendar = calendar(source, doc_year);
        match reads_right(text, &expected(reading, &calendar), &calendar) {
            Ok(()) => right += 1,
            Err(why) => wrong.push((text.to_string(), why)),
        }
        if !twin.is_empty()
            && let Err(why) = reads_as_twin(text, twin, &calendar)
        {
            twins.push(why);
        }
    }
    common::misreadings("Welsh target dates", right, total, &wrong, DISAGREE);
    assert!(twins.is_empty(), "read unlike their twins: {twins:#?}");
    assert!(total >= 40, "only {total} rows in {}", path.display());
}
