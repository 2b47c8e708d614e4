//! The grammar as a table: text in, interval out.

use super::*;

fn calendar() -> Calendar {
    Calendar {
        start: day("2012-04-01"),
        asap_days: 30,
        year_start: 4,
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn dated(from: &str, to: &str) -> TargetDate {
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
        "Summer",
        "Q5 2012",
        "Q0 2012",
        "2012-14",
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
