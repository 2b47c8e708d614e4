//! Properties of the date grammar over generated texts: every valid form
//! parses to an interval that runs forwards; an interval written back as
//! text parses to itself; and no text at all makes the parser panic.

use chrono::NaiveDate;
use plan::dates::{Calendar, TargetDate, describe, parse};
use proptest::prelude::*;

fn calendar() -> Calendar {
    Calendar {
        start: NaiveDate::from_ymd_opt(2012, 4, 1).unwrap(),
        end: NaiveDate::from_ymd_opt(2013, 3, 31).unwrap(),
        asap_days: 30,
        year_start: 4,
    }
}

const MONTHS: &[&str] = &[
    "Jan",
    "January",
    "Feb",
    "February",
    "Mar",
    "March",
    "Apr",
    "April",
    "May",
    "Jun",
    "June",
    "Jul",
    "July",
    "Aug",
    "August",
    "Sep",
    "Sept",
    "September",
    "Oct",
    "October",
    "Nov",
    "November",
    "Dec",
    "December",
];
const SEASONS: &[&str] = &["Spring", "Summer", "Autumn", "Winter"];
const DASHES: &[&str] = &["-", " - ", "–", " – ", "—", " — "];

/// Random capitals: the grammar ignores case.
fn any_case(text: String) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<bool>(), text.len()).prop_map(move |upper| {
        text.chars()
            .zip(upper.iter().chain(std::iter::repeat(&false)))
            .map(|(c, up)| {
                if *up {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// A period with its year: month, season, quarter, year or financial year.
fn period() -> impl Strategy<Value = String> {
    let year = 2000..2099i32;
    prop_oneof![
        (proptest::sample::select(MONTHS), year.clone()).prop_map(|(m, y)| format!("{m} {y}")),
        (proptest::sample::select(SEASONS), year.clone()).prop_map(|(s, y)| format!("{s} {y}")),
        (1..=4u32, year.clone()).prop_map(|(q, y)| format!("Q{q} {y}")),
        (
            1..=4u32,
            year.clone(),
            proptest::sample::select(&["-", "/"][..])
        )
            .prop_map(|(q, y, sep)| format!("Q{q} {y}{sep}{:02}", (y + 1) % 100)),
        year.clone().prop_map(|y| y.to_string()),
        (year.clone(), proptest::sample::select(DASHES))
            .prop_map(|(y, d)| format!("{y}{d}{:02}", (y + 1) % 100)),
        (year, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
}

/// Any form of the grammar that has an interval.
fn dated_form() -> impl Strategy<Value = String> {
    prop_oneof![
        period(),
        period().prop_map(|p| format!("End of {p}")),
        period().prop_map(|p| format!("By end of {p}")),
        period().prop_map(|p| format!("By {p}")),
        period().prop_map(|p| format!("{p} & On-going")),
        period().prop_map(|p| format!("{p} and ongoing")),
        (
            proptest::sample::select(MONTHS),
            proptest::sample::select(DASHES),
            proptest::sample::select(MONTHS),
            2000..2099i32
        )
            .prop_map(|(a, d, b, y)| format!("{a}{d}{b} {y}")),
        (
            proptest::sample::select(SEASONS),
            proptest::sample::select(&["/", " / ", " – "][..]),
            proptest::sample::select(SEASONS),
            2000..2099i32
        )
            .prop_map(|(a, d, b, y)| format!("{a}{d}{b} {y}")),
        (
            1..60u32,
            proptest::sample::select(&["days", "weeks", "months", "years", "month", "week"][..])
        )
            .prop_map(|(n, unit)| format!("{n} {unit}")),
        (1..12u32, 1..12u32).prop_map(|(a, b)| format!("Within {a}-{b} months")),
        proptest::sample::select(&["ASAP", "Immediate", "Immediately"][..])
            .prop_map(str::to_string),
    ]
    .prop_flat_map(any_case)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn every_valid_form_parses_and_runs_forwards(text in dated_form()) {
        let parsed = parse(&text, &calendar());
        let interval = match parsed {
            Ok(TargetDate::Dated(i) | TargetDate::MilestoneThenOngoing(i)) => i,
            other => return Err(TestCaseError::fail(format!("{text:?} gave {other:?}"))),
        };
        prop_assert!(interval.from <= interval.to, "{text:?} gave {interval:?}");
    }

    #[test]
    fn an_interval_written_back_parses_to_itself(text in dated_form()) {
        let Ok(TargetDate::Dated(interval) | TargetDate::MilestoneThenOngoing(interval)) = parse(&text, &calendar()) else {
            return Err(TestCaseError::fail(format!("{text:?} did not parse")));
        };
        // Only intervals from the plan start or of whole days and months can
        // be written back; `describe` says None for the others.
        if let Some(written) = describe(interval, &calendar()) {
            prop_assert_eq!(parse(&written, &calendar()), Ok(TargetDate::Dated(interval)), "{} -> {}", text, written);
        } else {
            prop_assert!(interval.from != calendar().start, "{} gave {:?}", text, interval);
        }
    }

    #[test]
    fn no_text_makes_the_parser_panic(text in any::<String>()) {
        let _ = parse(&text, &calendar());
    }

    #[test]
    fn no_grammar_like_text_makes_it_panic(text in "[0-9a-zA-Z &/\\-–—.,]{0,40}") {
        let _ = parse(&text, &calendar());
    }
}
