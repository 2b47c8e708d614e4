#![allow(clippy::print_stderr)] // it says what it could not check, and how many cells it read
//! Target-date cells copied from published UK action plans, each with how a
//! reader of that plan takes it and where it was found
//! (tests/fixtures/realworld/target-dates.tsv, a copy of the project's shared
//! real-world material, so a clone alone runs this test). Every row must be
//! read that way, save the few listed in `DISAGREE` with the reason.

mod common;

use chrono::{Months, NaiveDate};
use plan::dates::{Calendar, TargetDate, read};
use std::path::Path;

const TSV: &str = "tests/fixtures/realworld/target-dates.tsv";

/// Rows the grammar reads otherwise than the plan's reader, and why.
const DISAGREE: &[(&str, &str)] = &[(
    "Immediate",
    "a documented form (plan start + asap_days); the cell cannot say that its \
     procedure counts from a child's death, not from a plan start",
)];

/// Rows whose reading column refers to another row (`as above`).
const READING_OF: &[(&str, &str)] = &[("March 2015.", "2015-03-01 .. 2015-03-31")];

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Each source plan's period (financial years from April). Where a plan
/// gives no period (a SCRAIP, a procedure), it runs a year from its paper.
fn calendar(source: &str) -> Calendar {
    const PLANS: &[(&str, &str, &str)] = &[
        ("s34613", "2014-01-07", "2015-01-06"),
        ("s16759", "2011-10-11", "2012-10-10"),
        ("s14889", "2011-06-09", "2012-06-08"),
        ("16040941", "2008-04-01", "2011-03-31"),
        ("16035632", "2002-06-13", "2005-03-31"),
        // HSE paper of 6 March 2002: the project's period is not published.
        ("hse.gov.uk", "2001-10-01", "2002-09-30"),
        ("hscchildcare", "2024-01-01", "2024-12-31"),
        ("title-of-report", "2007-04-01", "2008-03-31"),
        ("moray", "2009-04-01", "2010-03-31"),
        ("lincolnshire", "2020-04-01", "2024-03-31"),
        ("7208521", "2014-04-01", "2015-03-31"),
        ("devon", "2015-04-01", "2016-03-31"),
        ("expydoc", "2014-04-01", "2015-03-31"),
        ("stockton", "2017-12-01", "2018-11-30"),
        ("8168699", "2012-04-01", "2013-03-31"),
        ("doncaster", "2017-04-01", "2021-03-31"),
        ("sheffield", "2010-04-01", "2013-03-31"),
        ("warwickshire", "2019-04-01", "2021-03-31"),
        ("s16913", "2011-06-28", "2012-06-27"),
        ("s16919", "2011-09-27", "2012-09-26"),
        ("equality-scheme", "2023-04-01", "2027-03-31"),
        ("15421611", "2012-04-01", "2016-03-31"),
        ("disability-action-plan", "2023-04-01", "2027-03-31"),
        ("scambs", "2005-04-01", "2006-03-31"),
    ];
    let (_, start, end) = PLANS
        .iter()
        .find(|(key, _, _)| source.to_lowercase().contains(key))
        .unwrap_or_else(|| panic!("no plan period for the source {source}"));
    Calendar {
        start: day(start),
        end: day(end),
        asap_days: 30,
        year_start: 4,
    }
}

/// What a row's reading column expects.
#[derive(Debug)]
enum Expected {
    /// The deadline, and the first day when the reading gives it.
    Dated {
        from: Option<NaiveDate>,
        to: NaiveDate,
    },
    MilestoneThenOngoing(NaiveDate),
    Recurring {
        milestone: Option<NaiveDate>,
        /// The months the reading names: every occurrence ends in one.
        months: Vec<u32>,
        /// `weekly`, `monthly`, `quarterly` when the reading says so.
        cadence: Option<&'static str>,
    },
    Ongoing,
    /// Counted from an event outside the plan: never a deadline from the plan start.
    Event,
}

fn iso_dates(text: &str) -> Vec<(usize, NaiveDate)> {
    let bytes = text.as_bytes();
    let shape = |i: usize| {
        (0..10).all(|k| match k {
            4 | 7 => bytes[i + k] == b'-',
            _ => bytes[i + k].is_ascii_digit(),
        })
    };
    (0..bytes.len().saturating_sub(9))
        .filter(|&i| shape(i))
        .filter_map(|i| {
            Some((
                i,
                NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d").ok()?,
            ))
        })
        .collect()
}

/// The months a reading names (`every April`, `Jan-Mar`, `31 August`).
fn months_named(reading: &str) -> Vec<u32> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let words = reading.split(|c: char| !c.is_alphabetic());
    let mut months: Vec<u32> = words
        .filter_map(|w| NAMES.iter().position(|n| w.starts_with(n)))
        .map(|at| at as u32 + 1)
        .collect();
    months.dedup();
    months
}

fn expected(reading: &str, calendar: &Calendar) -> Expected {
    let dates = iso_dates(reading);
    let cadence = ["weekly", "monthly", "quarterly"]
        .into_iter()
        .find(|c| reading.contains(c));
    if reading.starts_with("milestone by") {
        return Expected::Recurring {
            milestone: dates.first().map(|d| d.1),
            months: Vec::new(),
            cadence,
        };
    }
    if reading.starts_with("recurring") {
        return Expected::Recurring {
            milestone: None,
            months: months_named(reading),
            cadence,
        };
    }
    if reading.contains("event") {
        return Expected::Event;
    }
    if reading.starts_with("no deadline") {
        return Expected::Ongoing;
    }
    if reading.starts_with("immediately") {
        let to = calendar.start + chrono::Days::new(u64::from(calendar.asap_days));
        return Expected::Dated {
            from: Some(calendar.start),
            to,
        };
    }
    if let Some(rest) = reading.strip_prefix("plan start + ") {
        let months: u32 = rest.split(' ').next().unwrap().parse().unwrap();
        let to = calendar
            .start
            .checked_add_months(Months::new(months))
            .unwrap();
        return Expected::MilestoneThenOngoing(to);
    }
    if let Some(at) = reading.find(" .. ") {
        let to = dates.iter().find(|d| d.0 > at).expect("a date after ..").1;
        let before = &reading[..at];
        let from = if before.ends_with("plan start") {
            Some(calendar.start)
        } else {
            dates.iter().rev().find(|d| d.0 < at).map(|d| d.1)
        };
        return Expected::Dated { from, to };
    }
    let to = dates
        .first()
        .unwrap_or_else(|| panic!("no date in {reading:?}"))
        .1;
    Expected::Dated { from: None, to }
}

fn reads_right(text: &str, expected: &Expected, calendar: &Calendar) -> Result<(), String> {
    let got = read(text, calendar);
    let target = got.as_ref().map(|r| &r.target);
    let ok = match (expected, target) {
        (Expected::Event, Err(_)) => true,
        (Expected::Event, Ok(t)) => t.interval().is_none_or(|i| i.from != calendar.start),
        (Expected::Dated { from, to }, Ok(TargetDate::Dated(i))) => {
            i.to == *to && from.is_none_or(|f| i.from == f)
        }
        (Expected::MilestoneThenOngoing(to), Ok(TargetDate::MilestoneThenOngoing(i))) => {
            i.to == *to
        }
        (
            Expected::Recurring {
                milestone,
                months,
                cadence,
            },
            Ok(TargetDate::Recurring(r)),
        ) => r.milestone.map(|m| m.to) == *milestone && common::occurs(r, months, *cadence),
        (Expected::Ongoing, Ok(TargetDate::Ongoing | TargetDate::OngoingFrom(_))) => true,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{text:?}: expected {expected:?}, got {got:?}"))
    }
}

#[test]
fn real_target_dates_read_as_their_plans_mean() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TSV);
    let tsv = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()));
    let (mut right, mut wrong, mut total) = (0, Vec::new(), 0);
    let mut header = true;
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        if std::mem::take(&mut header) {
            assert_eq!(cols[..2], ["text", "reading"], "the TSV's columns changed");
            continue;
        }
        let [text, reading, source] = cols[..] else {
            panic!("a row without three columns: {line:?}");
        };
        total += 1;
        let calendar = calendar(source);
        let reading = READING_OF
            .iter()
            .find(|(t, _)| *t == text)
            .map_or(reading, |(_, r)| r);
        match reads_right(text, &expected(reading, &calendar), &calendar) {
            Ok(()) => right += 1,
            Err(why) => wrong.push((text.to_string(), why)),
        }
    }
    common::misreadings("real target dates", right, total, &wrong, DISAGREE);
    assert!(total >= 40, "only {total} rows in {}", path.display());
}
