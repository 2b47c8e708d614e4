//! Properties of the date grammar over generated texts: every valid form
//! parses to an interval that runs forwards; an interval written back as
//! text parses to itself; and no text at all makes the parser panic.

use chrono::NaiveDate;
use plan::dates::{Calendar, Note, TargetDate, describe, parse, read};
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

/// The forms spreadsheets and letters write: day-first numbers, `Mar-13`,
/// ordinals, weekdays, parts of a year or a month, number words.
fn written_form() -> impl Strategy<Value = String> {
    let year = 2000..2099i32;
    const ORDINALS: &[&str] = &["st", "nd", "rd", "th", ""];
    const WEEKDAYS: &[&str] = &["Monday ", "Friday ", "Sunday ", ""];
    const NUMBERS: &[&str] = &["one", "two", "six", "twelve", "a"];
    prop_oneof![
        (
            1..=28u32,
            1..=12u32,
            year.clone(),
            proptest::sample::select(&["/", ".", "-"][..])
        )
            .prop_map(|(d, m, y, s)| format!("{d:02}{s}{m:02}{s}{y}")),
        (1..=28u32, 1..=12u32, 0..99u32).prop_map(|(d, m, y)| format!("{d}/{m}/{y:02}")),
        (
            proptest::sample::select(MONTHS),
            0..99u32,
            proptest::sample::select(&["-", " "][..])
        )
            .prop_map(|(m, y, s)| format!("{m}{s}{y:02}")),
        (
            proptest::sample::select(WEEKDAYS),
            1..=28u32,
            proptest::sample::select(ORDINALS),
            proptest::sample::select(MONTHS),
            year.clone()
        )
            .prop_map(|(w, d, o, m, y)| format!("{w}{d}{o} {m} {y}")),
        (
            proptest::sample::select(MONTHS),
            1..=28u32,
            proptest::sample::select(ORDINALS),
            year.clone()
        )
            .prop_map(|(m, d, o, y)| format!("{m} {d}{o} {y}")),
        (
            proptest::sample::select(&["Early", "Mid", "Late", "mid-"][..]),
            year.clone()
        )
            .prop_map(|(p, y)| format!("{p} {y}")),
        (
            proptest::sample::select(&["early", "mid-", "late"][..]),
            proptest::sample::select(MONTHS),
            year
        )
            .prop_map(|(p, m, y)| format!("{p} {m} {y}")),
        (
            proptest::sample::select(NUMBERS),
            proptest::sample::select(&["months", "weeks", "years", "month"][..])
        )
            .prop_map(|(n, u)| format!("{n} {u}")),
        (1..60u32).prop_map(|n| format!("{n} working days")),
    ]
}

/// Any form of the grammar that has an interval.
fn dated_form() -> impl Strategy<Value = String> {
    prop_oneof![
        written_form(),
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
    fn a_period_inside_words_is_read_with_a_note(
        before in proptest::sample::select(&["Strategy agreed", "Report to Cabinet –", "Launch", ""][..]),
        period in period(),
        after in proptest::sample::select(&["(subject to funding)", "as per the strategy", ""][..]),
    ) {
        prop_assume!(!(before.is_empty() && after.is_empty()));
        let text = format!("{before} {period} {after}");
        let reading = read(&text, &calendar());
        let Ok(reading) = reading else {
            return Err(TestCaseError::fail(format!("{text:?} gave {reading:?}")));
        };
        prop_assert!(matches!(reading.notes.as_slice(), [Note::InWords { .. }, ..]), "{:?}", reading);
        prop_assert_eq!(reading.target, parse(&period, &calendar()).unwrap());
    }

    #[test]
    fn a_recurring_task_has_a_last_and_a_next_occurrence_in_order(
        cadence in proptest::sample::select(&[
            "Weekly", "Monthly", "Quarterly", "Annually", "Twice a year", "Biannually",
            "Every 6 months", "Ongoing, quarterly", "Annually in April", "April annually",
            "31 August (annually)", "June and November annually", "January – March annually",
            "every 2 weeks", "By April 2013 and updated monthly",
        ][..]),
        days in 0..3000u64,
    ) {
        let Ok(TargetDate::Recurring(recurrence)) = parse(cadence, &calendar()) else {
            return Err(TestCaseError::fail(format!("{cadence:?} is not recurring")));
        };
        let as_of = calendar().start + chrono::Days::new(days);
        let (last, next) = recurrence.around(as_of);
        if let Some(last) = last {
            prop_assert!(last.from <= last.to && last.to < as_of, "{cadence}: {last:?}");
        }
        let next = next.expect("a run with no end always has a next occurrence");
        prop_assert!(next.from <= next.to && next.to >= as_of, "{cadence}: {next:?}");
        if recurrence.milestone.is_none_or(|m| m.to < as_of) {
            prop_assert!((next.to - as_of).num_days() <= 366, "{cadence}: {next:?}");
        }
    }

    #[test]
    fn no_dateish_words_make_it_panic(
        words in proptest::collection::vec(proptest::sample::select(&[
            "by", "from", "onwards", "annually", "quarterly", "every", "twice", "a", "year",
            "and", "updated", "monthly", "within", "of", "the", "plan", "mid", "early", "q",
            "march", "31st", "2013", "13", "31", "/", "-", "–", "(", ")", "working", "days",
            "six", "ongoing", "completed", "end", "to", "until", "commencement", "7", "0",
        ][..]), 0..16),
    ) {
        let _ = read(&words.join(" "), &calendar());
        let _ = read(&words.concat(), &calendar());
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
