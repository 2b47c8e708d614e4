//! Periods: the dates, months, seasons, quarters, years and ranges of the
//! grammar, with `By`/`End of` before them, and the forms spreadsheets and
//! letters add (day-first numbers, `Mar-13`, `Mid 2013`, plan years).

use super::*;

/// A period, an `End of`/`By` period, or a range of periods.
pub(super) fn parse_when(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<Interval> {
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    // `w/c 12 November 2012`, `week commencing 12 November 2012`: that week.
    let week = match words.as_slice() {
        ["w", "", "c", ..] => Some(3),
        ["week", "commencing" | "beginning" | "starting", ..] | ["w", "c", ..] => Some(2),
        ["wc", ..] => Some(1),
        _ => None,
    };
    if let Some(n) = week {
        let from = parse_range_or_period(&tokens[n..], calendar, notes)?.from;
        let to = add_days(from, 6)?;
        return Some(Interval { from, to });
    }
    // `Between April and June 2012` is the range.
    if let [Token::Word(between), rest @ ..] = tokens
        && between == "between"
    {
        return parse_range_or_period(rest, calendar, notes);
    }
    // `March 2013 at the latest` is `By March 2013`.
    if let [period @ .., _, _, _] = tokens
        && words.ends_with(&["at", "the", "latest"])
        && !period.is_empty()
    {
        let by = [&[Token::Word("by".into())], period].concat();
        return parse_when(&by, calendar, notes);
    }
    let prefix = match words.as_slice() {
        ["by", "the", "end", "of", ..] | ["before", "the", "end", "of", ..] => Some(4),
        ["by", "end", "of", ..] | ["the", "end", "of", ..] | ["before", "end", "of", ..] => Some(3),
        ["no" | "not", "later", "than", ..] => Some(3),
        ["end", "of", ..] | ["by", "end", ..] => Some(2),
        ["by", ..] | ["before", ..] | ["end", ..] | ["until", ..] => Some(1),
        _ => None,
    };
    if let Some(n) = prefix {
        let period = parse_range_or_period(&tokens[n..], calendar, notes)?;
        let from = if calendar.start <= period.to {
            calendar.start
        } else {
            period.from
        };
        return Some(Interval {
            from,
            to: period.to,
        });
    }
    parse_range_or_period(tokens, calendar, notes)
}

pub(super) fn parse_range_or_period(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<Interval> {
    if let Some(period) = parse_period(tokens, calendar) {
        return Some(period.interval);
    }
    // `From September 2012 to March 2013` is the range.
    if let [Token::Word(from), rest @ ..] = tokens
        && from == "from"
        && has_separator(rest)
    {
        return parse_range_or_period(rest, calendar, notes);
    }
    if let Some(interval) = multi_year(tokens, calendar, notes) {
        return Some(interval);
    }
    if let Some(interval) = yearless(tokens, calendar, notes) {
        return Some(interval);
    }
    for (at, token) in tokens.iter().enumerate() {
        if !is_separator(token) || at == 0 {
            continue;
        }
        let (first, last) = (&tokens[..at], &tokens[at + 1..]);
        let Some(last) = parse_period(last, calendar) else {
            continue;
        };
        let first = match parse_period(first, calendar) {
            Some(first) => first.interval,
            None => {
                // `Q3 & Q4 2012/13`: a financial quarter when the last is one.
                let financial = tokens[at + 1..].len() == 5;
                let same_year = parse_yearless(first, last.year, financial, calendar)?;
                if same_year.from > last.interval.from {
                    parse_yearless(first, last.year - 1, financial, calendar)?
                } else {
                    same_year
                }
            }
        };
        if first.from > last.interval.to {
            return None;
        }
        return Some(Interval {
            from: first.from,
            to: last.interval.to,
        });
    }
    None
}

/// What joins the two periods of a range: `–`, `/`, `to`, `until`, `&`.
pub(super) fn is_separator(token: &Token) -> bool {
    matches!(token, Token::Dash | Token::Slash | Token::And)
        || matches!(token.word(), "to" | "until" | "till")
}

pub(super) fn has_separator(tokens: &[Token]) -> bool {
    tokens.iter().skip(1).any(is_separator)
}

/// A period and the year it names (for a yearless first part of a range).
pub(super) struct Period {
    pub(super) interval: Interval,
    pub(super) year: i32,
}

pub(super) fn parse_period(tokens: &[Token], calendar: &Calendar) -> Option<Period> {
    use Token::{Dash, Number, Slash, Word};
    let interval = match tokens {
        [
            Number {
                value: y,
                digits: 4,
            },
        ] => year(*y as i32)?,
        [
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
        ] if is_next_year(*y, *next, *digits) => financial_year(*y as i32, calendar)?,
        [
            Number {
                value: y,
                digits: 4,
            },
            Dash,
            Number {
                value: m,
                digits: 1..=2,
            },
            Dash,
            Number {
                value: d,
                digits: 1..=2,
            },
        ] => {
            let day = NaiveDate::from_ymd_opt(*y as i32, *m, *d)?;
            Interval { from: day, to: day }
        }
        [
            Number {
                value: d,
                digits: 1..=2,
            },
            Word(m),
            Number {
                value: y,
                digits: 4,
            },
        ] => {
            let day = NaiveDate::from_ymd_opt(*y as i32, month_number(m)?, *d)?;
            Interval { from: day, to: day }
        }
        [
            Word(q),
            Number { value: n, .. },
            Number {
                value: y,
                digits: 4,
            },
        ] if q == "q" => calendar_quarter(*y as i32, *n)?,
        [
            Word(q),
            Number { value: n, .. },
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
        ] if q == "q" && is_next_year(*y, *next, *digits) => {
            financial_quarter(*y as i32, *n, calendar)?
        }
        [
            Word(name),
            Number {
                value: y,
                digits: 4,
            },
        ] if month_number(name).is_some() || third(name).is_none() => {
            named_period(name, *y as i32)?
        }
        _ => more_periods(tokens, calendar)?,
    };
    let year = match interval_label_year(tokens) {
        0 => interval.from.year(),
        year => year,
    };
    Some(Period { interval, year })
}

/// The forms spreadsheets and letters add: `31/03/2013`, `Mar-13`,
/// `March 31st 2013`, `Mid 2013`, `mid-March 2013`, `financial year 2012/13`.
pub(super) fn more_periods(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    use Token::{Dash, Number, Slash, Word};
    let day = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).map(|day| Interval { from: day, to: day })
    };
    match tokens {
        [Word(f), Word(y), rest @ ..] if f == "financial" && y == "year" => {
            parse_period(rest, calendar).map(|p| p.interval)
        }
        [
            d @ Number { .. },
            Dash | Slash,
            m @ Number { .. },
            Dash | Slash,
            y @ Number { .. },
        ]
        | [d @ Number { .. }, m @ Number { .. }, y @ Number { .. }] => {
            let (d, m, y) = day_month_year(d, m, y)?;
            day(y, m, d)
        }
        [
            Word(part),
            Dash,
            Number {
                value: y,
                digits: 4,
            },
        ]
        | [
            Word(part),
            Number {
                value: y,
                digits: 4,
            },
        ] if third(part).is_some() => months(*y as i32, 4 * third(part)? + 1, 4),
        [
            Word(m),
            Dash,
            Number {
                value: y,
                digits: 2 | 4,
            },
        ]
        | [
            Word(m),
            Number {
                value: y,
                digits: 2,
            },
        ] => named_period(m, full_year(*y)).filter(|_| month_number(m).is_some()),
        [
            Word(m),
            Number {
                value: d,
                digits: 1..=2,
            },
            Number {
                value: y,
                digits: 4,
            },
        ] => day(*y as i32, month_number(m)?, *d),
        [
            Word(part),
            Dash,
            Word(m),
            Number {
                value: y,
                digits: 4,
            },
        ]
        | [
            Word(part),
            Word(m),
            Number {
                value: y,
                digits: 4,
            },
        ] if month_number(m).is_some() => part_of_month(third(part)?, *y as i32, month_number(m)?),
        _ => year_forms(tokens, calendar),
    }
}

/// Years written other ways: `12/13`, `Q4 12/13`, `Year 2`, `Winter 2012/13`.
fn year_forms(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    use Token::{Dash, Number, Slash, Word};
    match tokens {
        // `12/13`, `Q4 12/13`: a financial year written with two-digit years.
        [
            Number {
                value: a,
                digits: 2,
            },
            Dash | Slash,
            Number {
                value: b,
                digits: 2,
            },
        ] if *b == (a + 1) % 100 => financial_year(full_year(*a), calendar),
        [
            Word(q),
            Number { value: n, .. },
            Number {
                value: a,
                digits: 2,
            },
            Dash | Slash,
            Number {
                value: b,
                digits: 2,
            },
        ] if q == "q" && *b == (a + 1) % 100 => financial_quarter(full_year(*a), *n, calendar),
        // `Year 2`, `Years 1-2`: the plan's own years, the first holding its start.
        [
            Word(y),
            Number {
                value: n,
                digits: 1,
            },
        ] if y == "year" => plan_years(*n, *n, calendar),
        [
            Word(y),
            Number {
                value: a,
                digits: 1,
            },
            sep,
            Number {
                value: b,
                digits: 1,
            },
        ] if y == "years" && is_separator(sep) => plan_years(*a, *b, calendar),
        // `2012-13 Q2`: the quarter after its financial year.
        [
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
            Word(q),
            Number { value: n, .. },
        ] if q == "q" && is_next_year(*y, *next, *digits) => {
            financial_quarter(*y as i32, *n, calendar)
        }
        // `31 March 13`: a two-digit year after a day and a month.
        [
            Number {
                value: d,
                digits: 1..=2,
            },
            Word(m),
            Number {
                value: y,
                digits: 2,
            },
        ] => {
            let day = NaiveDate::from_ymd_opt(full_year(*y), month_number(m)?, *d)?;
            Some(Interval { from: day, to: day })
        }
        // `Winter 2012/13`: the winter that starts in 2012.
        [
            Word(s),
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
        ] if s == "winter" && is_next_year(*y, *next, *digits) => named_period(s, *y as i32),
        _ => season_forms(tokens),
    }
}

/// School terms and parts of seasons: `Autumn term 2022` (September to
/// December), `Spring term 2018` (January to March), `Summer term 2018`
/// (April to July); `Mid spring 2024`, `Early spring term 2018` (the first,
/// middle or last month of it).
fn season_forms(tokens: &[Token]) -> Option<Interval> {
    use Token::{Number, Word};
    let (part, rest) = match tokens {
        [Word(part), rest @ ..] if third(part).is_some() => (third(part), rest),
        _ => (None, tokens),
    };
    let (season, year) = match rest {
        [
            Word(s),
            Number {
                value: y,
                digits: 4,
            },
        ] if part.is_some() => (named_period(s, *y as i32)?, *y as i32),
        [
            Word(s),
            Word(term),
            Number {
                value: y,
                digits: 4,
            },
        ] if term == "term" => (school_term(s, *y as i32)?, *y as i32),
        _ => return None,
    };
    let Some(part) = part else {
        return Some(season);
    };
    // Seasons and terms are whole months; a month is no season.
    let first = season.from.month0() as i32 + 12 * (season.from.year() - year);
    let count = (season.to.year() - season.from.year()) * 12 + season.to.month() as i32
        - season.from.month() as i32
        + 1;
    if count < 3 {
        return None;
    }
    let (skip, take) = match part {
        0 => (0, 1),
        1 => (1, count - 2),
        _ => (count - 1, 1),
    };
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?
        .checked_add_months(Months::new((first + skip) as u32))?;
    months(start.year(), start.month(), take as u32)
}

/// The school terms of England and Wales, by their months.
fn school_term(name: &str, year: i32) -> Option<Interval> {
    let (first, count) = match name {
        "autumn" => (9, 4),
        "spring" => (1, 3),
        "summer" => (4, 4),
        _ => return None,
    };
    months(year, first, count)
}

/// Plan years `first` to `last` (1 = the financial year holding the plan start).
pub(super) fn plan_years(first: u32, last: u32, calendar: &Calendar) -> Option<Interval> {
    if !(1..=9).contains(&first) || first > last || last > 9 {
        return None;
    }
    let start = calendar.start;
    let first_year = if start.month() >= calendar.year_start {
        start.year()
    } else {
        start.year() - 1
    };
    Some(Interval {
        from: financial_year(first_year + first as i32 - 1, calendar)?.from,
        to: financial_year(first_year + last as i32 - 1, calendar)?.to,
    })
}

/// A numeric date, day first: `31/03/2013`, `7/7/11` (two-digit years are 20YY).
pub(super) fn day_month_year(d: &Token, m: &Token, y: &Token) -> Option<(u32, u32, i32)> {
    match (d, m, y) {
        (
            Token::Number {
                value: d,
                digits: 1..=2,
            },
            Token::Number {
                value: m,
                digits: 1..=2,
            },
            Token::Number {
                value: y,
                digits: 2 | 4,
            },
        ) => Some((*d, *m, full_year(*y))),
        _ => None,
    }
}

pub(super) fn full_year(y: u32) -> i32 {
    if y < 100 { 2000 + y as i32 } else { y as i32 }
}

/// `early`, `mid`, `late`: the first, middle or last third (0, 1, 2).
pub(super) fn third(word: &str) -> Option<u32> {
    Some(match word {
        "early" | "beginning" | "start" => 0,
        "mid" | "middle" => 1,
        "late" => 2,
        _ => return None,
    })
}

/// `mid-March 2013`: days 11-20; early 1-10; late 21 to the month's end.
pub(super) fn part_of_month(third: u32, year: i32, month: u32) -> Option<Interval> {
    let whole = months(year, month, 1)?;
    let from = NaiveDate::from_ymd_opt(year, month, 1 + 10 * third)?;
    let to = match third {
        2 => whole.to,
        _ => NaiveDate::from_ymd_opt(year, month, 10 + 10 * third)?,
    };
    Some(Interval { from, to })
}

/// `2023-2027`: more than one year. With a financial year it ends at the end
/// of the last financial year (31 March 2027), and a note says so.
pub(super) fn multi_year(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<Interval> {
    let (first, last) = match tokens {
        [
            Token::Number {
                value: a,
                digits: 4,
            },
            sep,
            Token::Number { value: b, digits },
        ] if matches!(sep, Token::Dash | Token::Slash) || sep.word() == "to" => {
            let b = match digits {
                4 => *b,
                2 => a - a % 100 + b + if *b < a % 100 { 100 } else { 0 },
                _ => return None,
            };
            (*a as i32, b as i32)
        }
        _ => return None,
    };
    if !(first + 2..=first + 20).contains(&last) {
        return None;
    }
    if calendar.year_start == 1 {
        return Some(Interval {
            from: year(first)?.from,
            to: year(last)?.to,
        });
    }
    let interval = Interval {
        from: financial_year(first, calendar)?.from,
        to: financial_year(last - 1, calendar)?.to,
    };
    notes.push(Note::RangeEndAssumed {
        written: show(tokens),
        end: interval.to,
        calendar_end: year(last)?.to,
    });
    Some(interval)
}

/// A date with no year (`21 January`, `End of March`, `Q4`): the occurrence
/// inside the plan's period, with a note saying which year was taken.
/// A yearless date or period, or a range of two (`January – March`), in `year`;
/// a range that would run backwards starts the year before.
fn yearless_range_in(tokens: &[Token], year: i32, calendar: &Calendar) -> Option<Interval> {
    if let Some(interval) = yearless_in(tokens, year, calendar) {
        return Some(interval);
    }
    let at = (1..tokens.len()).find(|&at| is_separator(&tokens[at]))?;
    let last = yearless_in(&tokens[at + 1..], year, calendar)?;
    let first = yearless_in(&tokens[..at], year, calendar)
        .filter(|first| first.from <= last.from)
        .or_else(|| yearless_in(&tokens[..at], year - 1, calendar))?;
    (first.from <= last.to).then_some(Interval {
        from: first.from,
        to: last.to,
    })
}

/// A date or period written without its year, in `year`.
fn yearless_in(tokens: &[Token], y: i32, calendar: &Calendar) -> Option<Interval> {
    use Token::{Dash, Number, Word};
    match tokens {
        [Word(name)] => named_period(name, y),
        [
            Number {
                value: d,
                digits: 1..=2,
            },
            Word(m),
        ] => {
            let day = NaiveDate::from_ymd_opt(y, month_number(m)?, *d)?;
            Some(Interval { from: day, to: day })
        }
        [
            Word(q),
            Number {
                value: n,
                digits: 1,
            },
        ] if q == "q" => {
            if calendar.year_start == 1 {
                calendar_quarter(y, *n)
            } else {
                financial_quarter(y, *n, calendar)
            }
        }
        [Word(part), Dash, Word(m)] | [Word(part), Word(m)] if third(part).is_some() => {
            part_of_month(third(part)?, y, month_number(m)?)
        }
        // `March 5th`, `March 5`: a one-digit number after a month is a day.
        [
            Word(m),
            Number {
                value: d,
                digits: 1,
            },
        ] => {
            let day = NaiveDate::from_ymd_opt(y, month_number(m)?, *d)?;
            Some(Interval { from: day, to: day })
        }
        [Word(f), Word(year)] if f == "financial" && year == "year" => financial_year(y, calendar),
        _ => None,
    }
}

pub(super) fn yearless(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<Interval> {
    let in_year = |y: i32| yearless_range_in(tokens, y, calendar);
    let candidates: Vec<Interval> = (calendar.start.year() - 1
        ..=calendar.end.year().max(calendar.start.year()) + 1)
        .filter_map(in_year)
        .collect();
    let inside = candidates
        .iter()
        .find(|i| i.from >= calendar.start && i.to <= calendar.end)
        .or_else(|| candidates.iter().find(|i| i.to >= calendar.start))?;
    notes.push(Note::YearAssumed {
        written: show(tokens),
        interval: *inside,
    });
    Some(*inside)
}

pub(super) fn is_next_year(year: u32, next: u32, digits: usize) -> bool {
    (digits == 4 && next == year + 1) || (digits == 2 && next == (year + 1) % 100)
}

/// The first four-digit number in the tokens: the year a period names.
pub(super) fn interval_label_year(tokens: &[Token]) -> i32 {
    tokens
        .iter()
        .find_map(|t| match t {
            Token::Number { value, digits: 4 } => Some(*value as i32),
            _ => None,
        })
        .unwrap_or(0)
}

/// A month, season or quarter with its year left out, as in
/// `Autumn – December 2012` or `Q3 – Q4 2012/13`.
pub(super) fn parse_yearless(
    tokens: &[Token],
    year: i32,
    financial: bool,
    calendar: &Calendar,
) -> Option<Interval> {
    match tokens {
        [Token::Word(name)] => named_period(name, year),
        // `Between late March and April 2023`.
        [Token::Word(part), Token::Word(m)] if third(part).is_some() => {
            part_of_month(third(part)?, year, month_number(m)?)
        }
        // `Between 3 April and 14 May 2023`.
        [
            Token::Number {
                value: d,
                digits: 1..=2,
            },
            Token::Word(m),
        ] => {
            let day = NaiveDate::from_ymd_opt(year, month_number(m)?, *d)?;
            Some(Interval { from: day, to: day })
        }
        [
            Token::Word(q),
            Token::Number {
                value: n,
                digits: 1,
            },
        ] if q == "q" && financial => financial_quarter(year, *n, calendar),
        [
            Token::Word(q),
            Token::Number {
                value: n,
                digits: 1,
            },
        ] if q == "q" => calendar_quarter(year, *n),
        _ => None,
    }
}

pub(super) fn named_period(name: &str, year: i32) -> Option<Interval> {
    if let Some(month) = month_number(name) {
        return months(year, month, 1);
    }
    let first_month = match name {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    months(year, first_month, 3)
}

pub(super) fn month_number(name: &str) -> Option<u32> {
    Some(match name {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// `count` whole months starting with `month` of `year`.
pub(super) fn months(year: i32, month: u32, count: u32) -> Option<Interval> {
    let from = NaiveDate::from_ymd_opt(year, month, 1)?;
    let to = from.checked_add_months(Months::new(count))?.pred_opt()?;
    Some(Interval { from, to })
}

pub(super) fn year(year: i32) -> Option<Interval> {
    months(year, 1, 12)
}

pub(super) fn calendar_quarter(year: i32, quarter: u32) -> Option<Interval> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    months(year, 3 * (quarter - 1) + 1, 3)
}

pub(super) fn financial_year(year: i32, calendar: &Calendar) -> Option<Interval> {
    months(year, calendar.year_start, 12)
}

pub(super) fn financial_quarter(year: i32, quarter: u32, calendar: &Calendar) -> Option<Interval> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let first = months(year, calendar.year_start, 1)?.from;
    let from = first.checked_add_months(Months::new(3 * (quarter - 1)))?;
    months(from.year(), from.month(), 3)
}
