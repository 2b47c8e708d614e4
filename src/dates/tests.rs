//! The grammar as a table: text in, interval out.

use super::*;

pub(super) fn calendar() -> Calendar {
    Calendar {
        start: day("2012-04-01"),
        end: day("2013-03-31"),
        asap_days: 30,
        year_start: 4,
    }
}

pub(super) fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub(super) fn dated(from: &str, to: &str) -> TargetDate {
    TargetDate::Dated(Interval {
        from: day(from),
        to: day(to),
    })
}

fn milestone(from: &str, to: &str) -> TargetDate {
    TargetDate::MilestoneThenOngoing(Interval {
        from: day(from),
        to: day(to),
    })
}

fn check(cases: &[(&str, TargetDate)]) {
    for (text, expected) in cases {
        let got = parse(text, &calendar());
        assert_eq!(got.as_ref(), Ok(expected), "due = {text:?}");
    }
}

#[test]
fn every_form_of_the_spec_table() {
    check(&[
        ("2012-10-15", dated("2012-10-15", "2012-10-15")),
        ("15 October 2012", dated("2012-10-15", "2012-10-15")),
        ("Oct 2012", dated("2012-10-01", "2012-10-31")),
        ("October 2012", dated("2012-10-01", "2012-10-31")),
        ("Sept 2012", dated("2012-09-01", "2012-09-30")),
        ("Spring 2013", dated("2013-03-01", "2013-05-31")),
        ("Summer 2012", dated("2012-06-01", "2012-08-31")),
        ("Autumn 2012", dated("2012-09-01", "2012-11-30")),
        ("Winter 2012", dated("2012-12-01", "2013-02-28")),
        ("Q3 2012", dated("2012-07-01", "2012-09-30")),
        ("Q1 2012-13", dated("2012-04-01", "2012-06-30")),
        ("Q1 2012/13", dated("2012-04-01", "2012-06-30")),
        ("Q4 2012-13", dated("2013-01-01", "2013-03-31")),
        ("2012", dated("2012-01-01", "2012-12-31")),
        ("2012-13", dated("2012-04-01", "2013-03-31")),
        ("2012/13", dated("2012-04-01", "2013-03-31")),
        ("2012/2013", dated("2012-04-01", "2013-03-31")),
        ("End of 2012", dated("2012-04-01", "2012-12-31")),
        ("By end of March 2013", dated("2012-04-01", "2013-03-31")),
        ("By March 2013", dated("2012-04-01", "2013-03-31")),
        (
            "by the end of March 2013",
            dated("2012-04-01", "2013-03-31"),
        ),
        ("end of Q2 2012-13", dated("2012-04-01", "2012-09-30")),
        ("Autumn – December 2012", dated("2012-09-01", "2012-12-31")),
        (
            "December 2012 – March 2013",
            dated("2012-12-01", "2013-03-31"),
        ),
        ("Summer/Autumn 2012", dated("2012-06-01", "2012-11-30")),
        ("6 months", dated("2012-04-01", "2012-10-01")),
        ("3 months", dated("2012-04-01", "2012-07-01")),
        ("1 year", dated("2012-04-01", "2013-04-01")),
        ("2 weeks", dated("2012-04-01", "2012-04-15")),
        ("90 days", dated("2012-04-01", "2012-06-30")),
        ("Within 6 months", dated("2012-04-01", "2012-10-01")),
        ("Within 3-6 months", dated("2012-04-01", "2012-10-01")),
        ("Immediate", dated("2012-04-01", "2012-05-01")),
        ("Immediately", dated("2012-04-01", "2012-05-01")),
        ("ASAP", dated("2012-04-01", "2012-05-01")),
        ("On-going", TargetDate::Ongoing),
        ("Ongoing", TargetDate::Ongoing),
        ("Continuous", TargetDate::Ongoing),
        (
            "Summer 2012 & On-going",
            milestone("2012-06-01", "2012-08-31"),
        ),
        (
            "April 2012 and on-going",
            milestone("2012-04-01", "2012-04-30"),
        ),
        ("June 2012 & ongoing", milestone("2012-06-01", "2012-06-30")),
        ("TBC", TargetDate::Unset),
        ("", TargetDate::Unset),
    ]);
}

#[test]
fn waiting_on_another_task() {
    check(&[
        (
            "6 months after EJ-4.3.a",
            TargetDate::After {
                span: Span {
                    amount: 6,
                    unit: Unit::Month,
                },
                task: "EJ-4.3.a".into(),
            },
        ),
        (
            "2 weeks after RH-1.3.a",
            TargetDate::After {
                span: Span {
                    amount: 2,
                    unit: Unit::Week,
                },
                task: "RH-1.3.a".into(),
            },
        ),
    ]);
}

/// Every target date written in the source document, as the plan transcribes it.
#[test]
fn every_target_date_of_the_source_document() {
    check(&[
        (
            "Summer 2012 & On-going",
            milestone("2012-06-01", "2012-08-31"),
        ),
        (
            "June 2012 & On-going",
            milestone("2012-06-01", "2012-06-30"),
        ),
        ("On-going", TargetDate::Ongoing),
        ("On-Going", TargetDate::Ongoing),
        (
            "April 2012 and on-going",
            milestone("2012-04-01", "2012-04-30"),
        ),
        ("Immediate", dated("2012-04-01", "2012-05-01")),
        ("6 months", dated("2012-04-01", "2012-10-01")),
        ("ASAP", dated("2012-04-01", "2012-05-01")),
        ("Ongoing", TargetDate::Ongoing),
        ("Autumn – December 2012", dated("2012-09-01", "2012-12-31")),
        ("Oct 2012", dated("2012-10-01", "2012-10-31")),
        ("Within 3-6 months", dated("2012-04-01", "2012-10-01")),
        ("By end of March 2013", dated("2012-04-01", "2013-03-31")),
        ("Summer 2012", dated("2012-06-01", "2012-08-31")),
        ("Autumn 2012", dated("2012-09-01", "2012-11-30")),
        (
            "Summer 2012 & on-going",
            milestone("2012-06-01", "2012-08-31"),
        ),
        ("1 year", dated("2012-04-01", "2013-04-01")),
        ("April 2013", dated("2013-04-01", "2013-04-30")),
        ("3 months", dated("2012-04-01", "2012-07-01")),
        (
            "March 2012 & On-going",
            milestone("2012-03-01", "2012-03-31"),
        ),
        ("May 2012", dated("2012-05-01", "2012-05-31")),
        ("Summer/Autumn 2012", dated("2012-06-01", "2012-11-30")),
        ("End of 2012", dated("2012-04-01", "2012-12-31")),
        ("Dec 2012", dated("2012-12-01", "2012-12-31")),
        ("TBC", TargetDate::Unset),
    ]);
}

#[test]
fn edge_cases() {
    check(&[
        // Winter runs into the next year, and February knows leap years.
        ("Winter 2011", dated("2011-12-01", "2012-02-29")),
        ("Winter 2012", dated("2012-12-01", "2013-02-28")),
        ("29 February 2012", dated("2012-02-29", "2012-02-29")),
        // A first part without a year takes the last part's year ...
        ("Summer – Autumn 2012", dated("2012-06-01", "2012-11-30")),
        // ... or the year before, where that would run backwards.
        ("December – March 2013", dated("2012-12-01", "2013-03-31")),
        ("Winter - March 2013", dated("2012-12-01", "2013-03-31")),
        ("Nov/Dec 2012", dated("2012-11-01", "2012-12-31")),
        // Case, and every kind of dash with or without spaces.
        ("SUMMER 2012", dated("2012-06-01", "2012-08-31")),
        (
            "summer 2012 & ON-GOING",
            milestone("2012-06-01", "2012-08-31"),
        ),
        ("Autumn—December 2012", dated("2012-09-01", "2012-12-31")),
        ("Autumn-December 2012", dated("2012-09-01", "2012-12-31")),
        (
            "Autumn  –  December 2012",
            dated("2012-09-01", "2012-12-31"),
        ),
        ("Q1 2012–13", dated("2012-04-01", "2012-06-30")),
        ("Within 3 – 6 months", dated("2012-04-01", "2012-10-01")),
        ("on going", TargetDate::Ongoing),
        ("  ASAP  ", dated("2012-04-01", "2012-05-01")),
        ("by end of q4 2012/13", dated("2012-04-01", "2013-03-31")),
    ]);
}

#[test]
fn months_keep_the_day_clamped_to_the_month_end() {
    let six_months = Span {
        amount: 6,
        unit: Unit::Month,
    };
    assert_eq!(
        six_months.add_to(day("2012-08-31")),
        Some(day("2013-02-28"))
    );
    assert_eq!(
        six_months.add_to(day("2011-08-31")),
        Some(day("2012-02-29"))
    );
    assert_eq!(
        six_months.add_to(day("2012-01-15")),
        Some(day("2012-07-15"))
    );
}

#[test]
fn the_financial_year_follows_year_start() {
    let january = Calendar {
        year_start: 1,
        ..calendar()
    };
    assert_eq!(
        parse("2012-13", &january),
        Ok(dated("2012-01-01", "2012-12-31"))
    );
    assert_eq!(
        parse("Q2 2012-13", &january),
        Ok(dated("2012-04-01", "2012-06-30"))
    );
}

#[test]
fn texts_that_are_no_target_date() {
    for text in [
        "March 2012 &",
        "6 months after completion of first pilot",
        "after EJ-1.1.a",
        "Soon",
        "Q5 2012",
        "Q0 2012",
        "2012-02-30",
        "31 February 2012",
        "Smarch 2012",
        "December 2013 – March 2013",
        "6 fortnights",
        "& On-going",
        "12345678901234 months",
        "Summer 2012!",
        "2012-13-01",
    ] {
        let err = parse(text, &calendar()).expect_err(text);
        assert_eq!(err.text, text);
        assert!(err.to_string().contains(text), "{err}");
    }
}

#[test]
fn the_financial_quarter_of_a_day() {
    let q = quarter_of(day("2012-12-01"), 4);
    assert_eq!(q.label, "Q3 2012-13");
    assert_eq!(
        q.interval,
        Interval {
            from: day("2012-10-01"),
            to: day("2012-12-31")
        }
    );
    let q = quarter_of(day("2013-02-28"), 4);
    assert_eq!(q.label, "Q4 2012-13");
    assert_eq!(
        q.interval,
        Interval {
            from: day("2013-01-01"),
            to: day("2013-03-31")
        }
    );
    assert_eq!(quarter_of(day("2012-04-01"), 4).label, "Q1 2012-13");
    assert_eq!(quarter_of(day("2012-03-31"), 4).label, "Q4 2011-12");
    assert_eq!(quarter_of(day("2012-05-05"), 1).label, "Q2 2012");
    // Its label parses back to the same interval.
    let q = quarter_of(day("2012-08-15"), 4);
    assert_eq!(
        parse(&q.label, &calendar()),
        Ok(TargetDate::Dated(q.interval))
    );
}

fn reading(text: &str) -> Reading {
    read(text, &calendar()).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn help(text: &str) -> String {
    let err = read(text, &calendar()).expect_err(text);
    err.help.unwrap_or_default()
}

#[test]
fn day_first_numeric_dates() {
    check(&[
        ("31/03/2013", dated("2013-03-31", "2013-03-31")),
        ("31.03.2013", dated("2013-03-31", "2013-03-31")),
        ("31-03-2013", dated("2013-03-31", "2013-03-31")),
        ("7/7/11", dated("2011-07-07", "2011-07-07")),
        ("1/4/2012", dated("2012-04-01", "2012-04-01")),
    ]);
    assert!(
        help("03/31/2013").contains("day first"),
        "{}",
        help("03/31/2013")
    );
    assert!(help("31/13/2013").contains("no month 13"));
    assert!(help("31/02/2013").contains("February 2013 has no day 31"));
}

#[test]
fn spreadsheet_months_ordinals_and_weekdays() {
    check(&[
        ("Mar-13", dated("2013-03-01", "2013-03-31")),
        ("Mar 13", dated("2013-03-01", "2013-03-31")),
        ("March-2013", dated("2013-03-01", "2013-03-31")),
        ("31st March 2013", dated("2013-03-31", "2013-03-31")),
        ("March 31st 2013", dated("2013-03-31", "2013-03-31")),
        ("Friday 31 March 2013", dated("2013-03-31", "2013-03-31")),
        ("2nd May 2012", dated("2012-05-02", "2012-05-02")),
    ]);
}

#[test]
fn number_words_for_spans() {
    check(&[
        ("six months", dated("2012-04-01", "2012-10-01")),
        ("one year", dated("2012-04-01", "2013-04-01")),
        ("twelve weeks", dated("2012-04-01", "2012-06-24")),
        ("a month", dated("2012-04-01", "2012-05-01")),
        ("Within six months", dated("2012-04-01", "2012-10-01")),
        (
            "within 6 months of commencement of the Action Plan",
            dated("2012-04-01", "2012-10-01"),
        ),
    ]);
}

#[test]
fn parts_of_a_year_and_of_a_month() {
    check(&[
        ("Early 2013", dated("2013-01-01", "2013-04-30")),
        ("Mid 2013", dated("2013-05-01", "2013-08-31")),
        ("Late 2013", dated("2013-09-01", "2013-12-31")),
        ("mid-March 2013", dated("2013-03-11", "2013-03-20")),
        ("early March 2013", dated("2013-03-01", "2013-03-10")),
        ("late February 2013", dated("2013-02-21", "2013-02-28")),
    ]);
}

#[test]
fn open_starts() {
    check(&[
        (
            "From April 2012",
            TargetDate::OngoingFrom(day("2012-04-01")),
        ),
        (
            "April 2012 onwards",
            TargetDate::OngoingFrom(day("2012-04-01")),
        ),
        (
            "From 1 June 2012 onwards",
            TargetDate::OngoingFrom(day("2012-06-01")),
        ),
        (
            "Immediate and ongoing",
            milestone("2012-04-01", "2012-05-01"),
        ),
        (
            "Immediately and on-going",
            milestone("2012-04-01", "2012-05-01"),
        ),
        ("With immediate effect.", dated("2012-04-01", "2012-05-01")),
    ]);
}

#[test]
fn a_date_inside_words_is_read_with_a_note() {
    let cases = [
        (
            "Strategy agreed by June 2013",
            dated("2012-04-01", "2013-06-30"),
            "by June 2013",
        ),
        (
            "Report to Cabinet – 12 October 2012",
            dated("2012-10-12", "2012-10-12"),
            "12 October 2012",
        ),
        (
            "Launch July 2013",
            dated("2013-07-01", "2013-07-31"),
            "July 2013",
        ),
        (
            "September 2013 (subject to funding)",
            dated("2013-09-01", "2013-09-30"),
            "September 2013",
        ),
        (
            "Complete by May 2013",
            dated("2012-04-01", "2013-05-31"),
            "by May 2013",
        ),
        (
            "In place by May 2013",
            dated("2012-04-01", "2013-05-31"),
            "by May 2013",
        ),
        (
            "During 2012/13",
            dated("2012-04-01", "2013-03-31"),
            "2012/13",
        ),
        (
            "Across financial year 2012/13",
            dated("2012-04-01", "2013-03-31"),
            "financial year 2012/13",
        ),
    ];
    for (text, expected, part) in cases {
        let r = reading(text);
        assert_eq!(r.target, expected, "{text}");
        assert_eq!(
            r.notes,
            vec![Note::InWords {
                read: vec![part.into()]
            }],
            "{text}"
        );
    }
    // Two dates: the deadline is the last one, and the note names both.
    let r = reading("Draft by May 2012, final report March 2013");
    assert_eq!(r.target, dated("2012-04-01", "2013-03-31"));
    assert_eq!(
        r.notes,
        vec![Note::InWords {
            read: vec!["by May 2012".into(), "March 2013".into()]
        }]
    );
    // A number among the words is theirs ...
    let r = reading("Phase 2 by March 2013");
    assert_eq!(r.target, dated("2012-04-01", "2013-03-31"));
    // ... but one glued to a date, or a misspelt month, is a date written wrong.
    for text in [
        "Smarch 2012",
        "Summer 2012!",
        "Phase 1 – April 2012",
        "Report 31 February 2012",
        "Report Q5 2012",
        "Report 2012-13-01",
    ] {
        assert!(read(text, &calendar()).is_err(), "{text}");
    }
}

#[test]
fn a_date_without_its_year_falls_in_the_plan() {
    let cases = [
        ("21 January", dated("2013-01-21", "2013-01-21")),
        ("1st April", dated("2012-04-01", "2012-04-01")),
        ("End of March", dated("2012-04-01", "2013-03-31")),
        ("End Q3", dated("2012-04-01", "2012-12-31")),
        ("Q4", dated("2013-01-01", "2013-03-31")),
        ("September", dated("2012-09-01", "2012-09-30")),
    ];
    for (text, expected) in cases {
        let r = reading(text);
        assert_eq!(r.target, expected, "{text}");
        assert!(
            matches!(r.notes.as_slice(), [Note::YearAssumed { .. }]),
            "{text}: {:?}",
            r.notes
        );
    }
}

#[test]
fn statuses_and_unknowns_in_the_date_column() {
    for text in [
        "Completed",
        "Complete",
        "Done",
        "In place",
        "Achieved",
        "Complete.",
    ] {
        let r = reading(text);
        assert_eq!(r.target, TargetDate::Unset, "{text}");
        assert!(matches!(r.notes.as_slice(), [Note::Status(_)]), "{text}");
    }
    for text in [
        "To be confirmed by the board",
        "To be confirmed …",
        "No timetable at present",
        "No timetable at present – depends on funding",
        "Not yet known",
        "TBC (awaiting funding)",
        "Dates to be confirmed",
        "Date TBC",
        "Timescale not yet agreed",
    ] {
        let r = reading(text);
        assert_eq!(r.target, TargetDate::Unset, "{text}");
        assert!(r.notes.is_empty(), "{text}");
    }
}

fn recurrence(text: &str) -> Recurrence {
    match reading(text).target {
        TargetDate::Recurring(r) => r,
        other => panic!("{text:?} gave {other:?}"),
    }
}

/// The last occurrence before `as_of` and the next one, as (from, to) texts.
/// An occurrence as (first day, last day).
type Shown = Option<(String, String)>;

fn around(text: &str, as_of: &str) -> (Shown, Shown) {
    let show = |i: Option<Interval>| i.map(|i| (i.from.to_string(), i.to.to_string()));
    let (last, next) = recurrence(text).around(day(as_of));
    (show(last), show(next))
}

fn pair(from: &str, to: &str) -> Shown {
    Some((from.to_string(), to.to_string()))
}

#[test]
fn recurring_deadlines() {
    let q2 = (
        pair("2012-04-01", "2012-06-30"),
        pair("2012-07-01", "2012-09-30"),
    );
    for text in [
        "Quarterly",
        "Ongoing, quarterly",
        "Every quarter",
        "every 3 months",
    ] {
        assert_eq!(around(text, "2012-07-15"), q2, "{text}");
    }
    // Before the first quarter ends there is nothing missed.
    assert_eq!(around("Quarterly", "2012-05-01").0, None);
    let half = (
        pair("2012-04-01", "2012-09-30"),
        pair("2012-10-01", "2013-03-31"),
    );
    for text in [
        "Twice a year",
        "Biannually",
        "Every 6 months",
        "six-monthly",
    ] {
        assert_eq!(around(text, "2012-11-01"), half, "{text}");
    }
    assert_eq!(
        around("Monthly", "2012-11-01"),
        (
            pair("2012-10-01", "2012-10-31"),
            pair("2012-11-01", "2012-11-30")
        )
    );
    assert_eq!(
        around("Weekly", "2012-04-10"),
        (
            pair("2012-04-01", "2012-04-07"),
            pair("2012-04-08", "2012-04-14")
        )
    );
    assert_eq!(
        around("Annually", "2012-11-01"),
        (None, pair("2012-04-01", "2013-03-31"))
    );
    let april = (
        pair("2012-04-01", "2012-04-30"),
        pair("2013-04-01", "2013-04-30"),
    );
    for text in ["Annually in April", "April annually", "April each year"] {
        assert_eq!(around(text, "2012-11-01"), april, "{text}");
    }
    assert_eq!(
        around("31 August (annually)", "2012-11-01"),
        (
            pair("2012-08-31", "2012-08-31"),
            pair("2013-08-31", "2013-08-31")
        )
    );
    assert_eq!(
        around("June and November annually", "2012-12-01"),
        (
            pair("2012-11-01", "2012-11-30"),
            pair("2013-06-01", "2013-06-30")
        )
    );
    assert_eq!(
        around("January – March annually", "2012-12-01"),
        (None, pair("2013-01-01", "2013-03-31"))
    );
    // With a period: no occurrence after it.
    assert_eq!(
        around("2012-2015 Quarterly", "2015-06-01"),
        (pair("2015-01-01", "2015-03-31"), None)
    );
    // A first milestone, then the cadence.
    let r = recurrence("By April 2013 and updated monthly");
    assert_eq!(
        r.milestone,
        Some(Interval {
            from: day("2012-04-01"),
            to: day("2013-04-30")
        })
    );
    assert_eq!(
        around("By April 2013 and updated monthly", "2013-04-15"),
        (None, pair("2012-04-01", "2013-04-30"))
    );
    assert_eq!(
        around("By April 2013 and updated monthly", "2013-06-15"),
        (
            pair("2013-05-01", "2013-05-31"),
            pair("2013-06-01", "2013-06-30")
        )
    );
}

#[test]
fn working_days_skip_bank_holidays() {
    // Sunday 1 April 2012; Good Friday 6 and Easter Monday 9 April.
    check(&[
        ("10 working days", dated("2012-04-01", "2012-04-17")),
        ("ten working days", dated("2012-04-01", "2012-04-17")),
        ("Within 5 working days", dated("2012-04-01", "2012-04-10")),
    ]);
}

#[test]
fn ranges_of_years() {
    check(&[
        ("2023-2024", dated("2023-04-01", "2024-03-31")),
        ("2023/24", dated("2023-04-01", "2024-03-31")),
    ]);
    let r = reading("2023-2027");
    assert_eq!(r.target, dated("2023-04-01", "2027-03-31"));
    assert_eq!(
        r.notes,
        vec![Note::RangeEndAssumed {
            written: "2023-2027".into(),
            end: day("2027-03-31"),
            calendar_end: day("2027-12-31"),
        }]
    );
    let january = Calendar {
        year_start: 1,
        ..calendar()
    };
    assert_eq!(
        parse("2023-2027", &january),
        Ok(dated("2023-01-01", "2027-12-31"))
    );
}

#[test]
fn case_punctuation_and_spacing() {
    check(&[
        ("March 2013.", dated("2013-03-01", "2013-03-31")),
        ("March  2013", dated("2013-03-01", "2013-03-31")),
        (
            "OCTOBER 2012 TO MARCH 2013",
            dated("2012-10-01", "2013-03-31"),
        ),
        (
            "October 2012 until March 2013",
            dated("2012-10-01", "2013-03-31"),
        ),
        (
            "October 2012 — March 2013",
            dated("2012-10-01", "2013-03-31"),
        ),
    ]);
}

#[test]
fn help_names_the_nearest_form() {
    assert_eq!(help("Sumer 2012"), "did you mean `Summer 2012`?");
    assert_eq!(help("Setpember 2012"), "did you mean `September 2012`?");
    assert_eq!(
        help("The committee will decide"),
        "write the target date, or `TBC` if none is agreed"
    );
}

/// Spans from an event the plan does not date are never counted from the plan start.
#[test]
fn events_are_not_the_plan_start() {
    for text in [
        "within six months of the Executive decision",
        "Within one month of receipt of notification",
        "Within six months of new Council.",
        "3 months from the start of phase two",
    ] {
        let err = read(text, &calendar()).expect_err(text);
        assert!(err.help.unwrap_or_default().contains("event"), "{text}");
    }
    assert!(matches!(
        parse("6 months after exec-decision", &calendar()),
        Ok(TargetDate::After { .. })
    ));
}

#[test]
fn more_ways_plans_write_the_same_forms() {
    check(&[
        (
            "April 2012 - ongoing",
            milestone("2012-04-01", "2012-04-30"),
        ),
        (
            "March 2013 and then ongoing",
            milestone("2013-03-01", "2013-03-31"),
        ),
        ("Quarter 2 2012/13", dated("2012-07-01", "2012-09-30")),
        ("Q3 & Q4 2012/13", dated("2012-10-01", "2013-03-31")),
        ("Winter 2012/13", dated("2012-12-01", "2013-02-28")),
        (
            "From September 2012 to March 2013",
            dated("2012-09-01", "2013-03-31"),
        ),
        ("Apr-12 onwards", TargetDate::OngoingFrom(day("2012-04-01"))),
        (
            "March 2013 at the latest",
            dated("2012-04-01", "2013-03-31"),
        ),
        (
            "no later than 31 March 2013",
            dated("2012-04-01", "2013-03-31"),
        ),
        (
            "Before the end of March 2013",
            dated("2012-04-01", "2013-03-31"),
        ),
    ]);
    for text in [
        "Completed March 2012",
        "Completed in March 2012",
        "Completed 31/03/2012",
        "Complete - see note",
        "Done - see note",
        "Done.",
    ] {
        let r = reading(text);
        assert_eq!(r.target, TargetDate::Unset, "{text}");
        assert!(matches!(r.notes.as_slice(), [Note::Status(_)]), "{text}");
    }
    assert!(read("Delivered through partnership meetings", &calendar()).is_err());
    // `Done by`, `Complete by` are deadlines.
    assert_eq!(
        reading("Done by May 2012").target,
        dated("2012-04-01", "2012-05-31")
    );
    // A milestone joined to a cadence by `then`, `review`, `and ... thereafter`.
    for (text, first) in [
        ("End of June 2012 then quarterly", "2012-06-30"),
        ("March 2013 – review annually", "2013-03-31"),
        ("April 2013 and annually thereafter", "2013-04-30"),
    ] {
        assert_eq!(
            recurrence(text).milestone.map(|m| m.to),
            Some(day(first)),
            "{text}"
        );
    }
    let r = recurrence("Quarterly from April 2012");
    assert_eq!((r.from, r.until), (day("2012-04-01"), None));
    // An adjective is no cadence; a month left over was not understood.
    assert_eq!(
        reading("Annual report March 2013").target,
        dated("2013-03-01", "2013-03-31")
    );
    assert!(read("Autumn session 2012", &calendar()).is_err());
    // A school term is a form: September to December.
    assert_eq!(
        reading("Autumn term 2012").target,
        dated("2012-09-01", "2012-12-31")
    );
}

#[test]
fn days_weeks_and_years_written_other_ways() {
    check(&[
        ("w/c 12 November 2012", dated("2012-11-12", "2012-11-18")),
        (
            "Week commencing 12 November 2012",
            dated("2012-11-12", "2012-11-18"),
        ),
        ("December 12th 2012", dated("2012-12-12", "2012-12-12")),
        ("Dec 12", dated("2012-12-01", "2012-12-31")),
        ("March '13", dated("2013-03-01", "2013-03-31")),
        ("12/13", dated("2012-04-01", "2013-03-31")),
        ("Q4 12/13", dated("2013-01-01", "2013-03-31")),
        ("Year 1", dated("2012-04-01", "2013-03-31")),
        ("Year 2", dated("2013-04-01", "2014-03-31")),
        ("Years 1-2", dated("2012-04-01", "2014-03-31")),
    ]);
    // An ordinal after a month is a day, and its year is assumed.
    for (text, expected) in [
        ("December 12th", dated("2012-12-12", "2012-12-12")),
        ("March 31st", dated("2013-03-31", "2013-03-31")),
        ("End of financial year", dated("2012-04-01", "2013-03-31")),
    ] {
        let r = reading(text);
        assert_eq!(r.target, expected, "{text}");
        assert!(
            matches!(r.notes.as_slice(), [Note::YearAssumed { .. }]),
            "{text}"
        );
    }
    for text in ["Reviewed annually", "Ongoing - reported quarterly"] {
        let r = reading(text);
        assert!(matches!(r.target, TargetDate::Recurring(_)), "{text}");
        assert!(r.notes.is_empty(), "{text}");
    }
}

#[test]
fn cadences_written_other_ways() {
    for (text, expected) in [
        (
            "Each April",
            (
                pair("2012-04-01", "2012-04-30"),
                pair("2013-04-01", "2013-04-30"),
            ),
        ),
        (
            "Every April",
            (
                pair("2012-04-01", "2012-04-30"),
                pair("2013-04-01", "2013-04-30"),
            ),
        ),
        (
            "Quarterly, ongoing",
            (
                pair("2013-01-01", "2013-03-31"),
                pair("2013-04-01", "2013-06-30"),
            ),
        ),
        (
            "Half-yearly",
            (
                pair("2012-10-01", "2013-03-31"),
                pair("2013-04-01", "2013-09-30"),
            ),
        ),
        (
            "Once a year",
            (
                pair("2012-04-01", "2013-03-31"),
                pair("2013-04-01", "2014-03-31"),
            ),
        ),
    ] {
        assert_eq!(around(text, "2013-04-01"), expected, "{text}");
    }
    check(&[(
        "Between April and June 2012",
        dated("2012-04-01", "2012-06-30"),
    )]);
    assert!(help("2 weeks before Cabinet").contains("event"));
}

#[test]
fn a_range_without_its_year_falls_in_the_plan() {
    for (text, expected) in [
        ("January – March", dated("2013-01-01", "2013-03-31")),
        ("December - February", dated("2012-12-01", "2013-02-28")),
        ("October to December", dated("2012-10-01", "2012-12-31")),
        ("Q3 - Q4", dated("2012-10-01", "2013-03-31")),
    ] {
        let r = reading(text);
        assert_eq!(r.target, expected, "{text}");
        assert!(
            matches!(r.notes.as_slice(), [Note::YearAssumed { .. }]),
            "{text}"
        );
    }
    let r = reading("Mar-13 (subject to funding)");
    assert_eq!(
        r.notes,
        vec![Note::InWords {
            read: vec!["Mar-13".into()]
        }]
    );
}

#[test]
fn yet_more_ways() {
    check(&[
        ("2012-13 Q2", dated("2012-07-01", "2012-09-30")),
        ("31 March 13", dated("2013-03-31", "2013-03-31")),
        ("In 6 months", dated("2012-04-01", "2012-10-01")),
    ]);
    assert_eq!(
        around("Bi-monthly", "2012-07-15"),
        (
            pair("2012-04-01", "2012-05-31"),
            pair("2012-06-01", "2012-07-31")
        )
    );
    assert_eq!(
        around("End of each quarter", "2012-07-15"),
        (
            pair("2012-04-01", "2012-06-30"),
            pair("2012-07-01", "2012-09-30")
        )
    );
    let r = reading("Bimonthly meetings");
    assert_eq!(
        r.notes,
        vec![Note::InWords {
            read: vec!["bimonthly".into()]
        }]
    );
}

#[test]
fn a_paragraph_is_refused_unread() {
    let paragraph = "Summer 2012 ".repeat(500);
    let err = read(&paragraph, &calendar()).expect_err("a paragraph");
    assert!(err.reason.contains("bytes long"), "{}", err.reason);
    assert_eq!(err.help, None);
}

#[test]
fn a_day_is_read_as_iso_only_and_the_error_says_how_to_write_one() {
    assert_eq!(parse_day(" 2012-12-01 "), Ok(day("2012-12-01")));
    assert_eq!(
        parse_day("2012-02-30"),
        Err("2012-02-30 is not a day of the calendar".to_string())
    );
    for text in ["01/12/2012", "1 Dec 2012", "tomorrow", ""] {
        let error = parse_day(text).unwrap_err();
        assert!(error.contains("write it as YYYY-MM-DD"), "{text}: {error}");
    }
}
