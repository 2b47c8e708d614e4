//! Welsh target dates as a table: each form, its English twin, and the one
//! target both give.

use super::*;

// The plan year 2012-13 and its days, as the English table has them.
use super::tests::{calendar, dated, day};

/// Welsh, its English twin, and the target both must read as.
fn check(cases: &[(&str, &str, TargetDate)]) {
    for (welsh, english, expected) in cases {
        let cal = calendar();
        assert_eq!(
            parse(english, &cal).as_ref(),
            Ok(expected),
            "due = {english:?}"
        );
        assert_eq!(parse(welsh, &cal).as_ref(), Ok(expected), "due = {welsh:?}");
    }
}

#[test]
fn months_with_their_mutations() {
    check(&[
        (
            "Ionawr 2013",
            "January 2013",
            dated("2013-01-01", "2013-01-31"),
        ),
        (
            "Chwefror 2013",
            "February 2013",
            dated("2013-02-01", "2013-02-28"),
        ),
        (
            "mis Mawrth 2013",
            "March 2013",
            dated("2013-03-01", "2013-03-31"),
        ),
        (
            "ym mis Ebrill 2012",
            "April 2012",
            dated("2012-04-01", "2012-04-30"),
        ),
        ("Mai 2012", "May 2012", dated("2012-05-01", "2012-05-31")),
        (
            "ym Mehefin 2012",
            "June 2012",
            dated("2012-06-01", "2012-06-30"),
        ),
        (
            "Gorffennaf 2012",
            "July 2012",
            dated("2012-07-01", "2012-07-31"),
        ),
        (
            "Awst 2012",
            "August 2012",
            dated("2012-08-01", "2012-08-31"),
        ),
        (
            "Medi 2012",
            "September 2012",
            dated("2012-09-01", "2012-09-30"),
        ),
        (
            "Hydref 2012",
            "October 2012",
            dated("2012-10-01", "2012-10-31"),
        ),
        (
            "mis Hydref 2012",
            "October 2012",
            dated("2012-10-01", "2012-10-31"),
        ),
        (
            "Tachwedd 2012",
            "November 2012",
            dated("2012-11-01", "2012-11-30"),
        ),
        (
            "Rhagfyr 2012",
            "December 2012",
            dated("2012-12-01", "2012-12-31"),
        ),
        (
            "yng Ngorffennaf 2012",
            "July 2012",
            dated("2012-07-01", "2012-07-31"),
        ),
        (
            "yn Nhachwedd 2012",
            "November 2012",
            dated("2012-11-01", "2012-11-30"),
        ),
    ]);
    let cal = calendar();
    let from = |text: &str| parse(text, &cal);
    assert_eq!(from("o Orffennaf 2012"), from("From July 2012"));
    assert_eq!(
        from("o fis Mawrth 2013"),
        Ok(TargetDate::OngoingFrom(day("2013-03-01")))
    );
    assert_eq!(from("o Ragfyr 2012"), from("From December 2012"));
    assert_eq!(from("o Fedi 2012"), from("From September 2012"));
    assert_eq!(from("o Fai 2012"), from("From May 2012"));
    assert_eq!(from("o Dachwedd 2012"), from("From November 2012"));
}

#[test]
fn days_ordinals_and_weekdays() {
    check(&[
        (
            "20fed o Ragfyr 2012",
            "20th December 2012",
            dated("2012-12-20", "2012-12-20"),
        ),
        (
            "1af Ebrill 2012",
            "1st April 2012",
            dated("2012-04-01", "2012-04-01"),
        ),
        (
            "3ydd Mai 2012",
            "3rd May 2012",
            dated("2012-05-03", "2012-05-03"),
        ),
        (
            "Hydref 4ydd 2012",
            "October 4th 2012",
            dated("2012-10-04", "2012-10-04"),
        ),
        (
            "11eg Mehefin 2012",
            "11th June 2012",
            dated("2012-06-11", "2012-06-11"),
        ),
        (
            "21ain Medi 2012",
            "21st September 2012",
            dated("2012-09-21", "2012-09-21"),
        ),
        (
            "2il Awst 2012",
            "2nd August 2012",
            dated("2012-08-02", "2012-08-02"),
        ),
        (
            "dydd Mawrth 6 Tachwedd 2012",
            "Tuesday 6 November 2012",
            dated("2012-11-06", "2012-11-06"),
        ),
        (
            "ddydd Llun 31 Rhagfyr 2012",
            "Monday 31 December 2012",
            dated("2012-12-31", "2012-12-31"),
        ),
    ]);
}

#[test]
fn seasons_and_hydref() {
    check(&[
        (
            "Gwanwyn 2013",
            "Spring 2013",
            dated("2013-03-01", "2013-05-31"),
        ),
        ("Haf 2012", "Summer 2012", dated("2012-06-01", "2012-08-31")),
        (
            "yr Hydref 2012",
            "Autumn 2012",
            dated("2012-09-01", "2012-11-30"),
        ),
        (
            "Hydref (tymor) 2012",
            "Autumn 2012",
            dated("2012-09-01", "2012-11-30"),
        ),
        (
            "Gaeaf 2012",
            "Winter 2012",
            dated("2012-12-01", "2013-02-28"),
        ),
        (
            "canol y gwanwyn 2013",
            "Mid spring 2013",
            dated("2013-04-01", "2013-04-30"),
        ),
        (
            "ar ddechrau’r gwanwyn 2013",
            "Early spring 2013",
            dated("2013-03-01", "2013-03-31"),
        ),
        (
            "ar ddechrau'r haf 2012",
            "Early summer 2012",
            dated("2012-06-01", "2012-06-30"),
        ),
        (
            "tymor yr hydref 2012",
            "Autumn term 2012",
            dated("2012-09-01", "2012-12-31"),
        ),
        (
            "Tymor y Gwanwyn 2013",
            "Spring term 2013",
            dated("2013-01-01", "2013-03-31"),
        ),
        (
            "tymor yr haf 2012",
            "Summer term 2012",
            dated("2012-04-01", "2012-07-31"),
        ),
        (
            "ar ddechrau tymor y gwanwyn 2013",
            "Early spring term 2013",
            dated("2013-01-01", "2013-01-31"),
        ),
    ]);
}

#[test]
fn deadlines_bounds_and_ranges() {
    check(&[
        (
            "erbyn diwedd mis Mawrth 2013",
            "By end of March 2013",
            dated("2012-04-01", "2013-03-31"),
        ),
        (
            "erbyn Mawrth 2013",
            "By March 2013",
            dated("2012-04-01", "2013-03-31"),
        ),
        (
            "ddiwedd mis Hydref 2012",
            "End of October 2012",
            dated("2012-04-01", "2012-10-31"),
        ),
        (
            "heb fod yn hwyrach na 20 Ionawr 2013",
            "No later than 20 January 2013",
            dated("2012-04-01", "2013-01-20"),
        ),
        (
            "hyd at Ebrill 2013",
            "Until April 2013",
            dated("2012-04-01", "2013-04-30"),
        ),
        (
            "tan fis Hydref 2012",
            "Until October 2012",
            dated("2012-04-01", "2012-10-31"),
        ),
        (
            "rhwng Ebrill a Mehefin 2012",
            "Between April and June 2012",
            dated("2012-04-01", "2012-06-30"),
        ),
        (
            "rhwng mis Hydref a mis Mawrth 2013",
            "Between October and March 2013",
            dated("2012-10-01", "2013-03-31"),
        ),
        (
            "rhwng 3 Ebrill ac 14 Mai 2012",
            "Between 3 April and 14 May 2012",
            dated("2012-04-03", "2012-05-14"),
        ),
        (
            "rhwng diwedd mis Mawrth a mis Ebrill 2013",
            "Between late March and April 2013",
            dated("2013-03-21", "2013-04-30"),
        ),
        (
            "ar ddechrau 2013",
            "Early 2013",
            dated("2013-01-01", "2013-04-30"),
        ),
        ("canol 2012", "Mid 2012", dated("2012-05-01", "2012-08-31")),
        (
            "diwedd 2012",
            "End of 2012",
            dated("2012-04-01", "2012-12-31"),
        ),
        (
            "yn gynnar yn 2013",
            "Early 2013",
            dated("2013-01-01", "2013-04-30"),
        ),
        (
            "yn ddiweddarach yn 2012",
            "Late 2012",
            dated("2012-09-01", "2012-12-31"),
        ),
        (
            "cyn 1 Hydref 2012",
            "Before 1 October 2012",
            dated("2012-04-01", "2012-10-01"),
        ),
        (
            "Mawrth 2013 fan bellaf",
            "March 2013 at the latest",
            dated("2012-04-01", "2013-03-31"),
        ),
        (
            "wythnos yn dechrau 15 Hydref 2012",
            "Week commencing 15 October 2012",
            dated("2012-10-15", "2012-10-21"),
        ),
        (
            "blwyddyn ariannol 2012/13",
            "Financial year 2012/13",
            dated("2012-04-01", "2013-03-31"),
        ),
    ]);
    let cal = calendar();
    assert_eq!(
        parse("o fis Mawrth 2013", &cal),
        Ok(TargetDate::OngoingFrom(day("2013-03-01")))
    );
}

#[test]
fn quarters_and_financial_years() {
    check(&[
        (
            "Chwarter 3 2012-13",
            "Q3 2012-13",
            dated("2012-10-01", "2012-12-31"),
        ),
        (
            "Ch4 2012/13",
            "Q4 2012/13",
            dated("2013-01-01", "2013-03-31"),
        ),
        ("2012/13", "2012/13", dated("2012-04-01", "2013-03-31")),
        (
            "2012 i 2013",
            "2012/2013",
            dated("2012-04-01", "2013-03-31"),
        ),
    ]);
    let cal = calendar();
    assert_eq!(parse("Ch4", &cal), parse("Q4", &cal));
    assert_eq!(
        read("yn ystod 2012/13", &cal).map(|r| r.target),
        read("During 2012/13", &cal).map(|r| r.target)
    );
}

#[test]
fn spans_immediate_ongoing_and_cadences() {
    check(&[
        (
            "o fewn 6 mis",
            "Within 6 months",
            dated("2012-04-01", "2012-10-01"),
        ),
        (
            "o fewn chwe mis",
            "Within six months",
            dated("2012-04-01", "2012-10-01"),
        ),
        (
            "ar unwaith",
            "Immediately",
            dated("2012-04-01", "2012-05-01"),
        ),
        (
            "cyn gynted â phosibl",
            "As soon as possible",
            dated("2012-04-01", "2012-05-01"),
        ),
        ("parhaus", "Ongoing", TargetDate::Ongoing),
        ("yn parhau", "Ongoing", TargetDate::Ongoing),
    ]);
    let cal = calendar();
    let same = |welsh: &str, english: &str| {
        let (w, e) = (parse(welsh, &cal), parse(english, &cal));
        assert!(e.is_ok(), "due = {english:?}: {e:?}");
        assert_eq!(w, e, "due = {welsh:?}");
    };
    same("Haf 2012 ac yn parhau", "Summer 2012 & On-going");
    same("yn flynyddol ym mis Ebrill", "Annually in April");
    same("yn chwarterol", "Quarterly");
    // Counted from a task or an event: "ar ôl" (after).
    same(
        "6 mis ar ôl cymeradwyo-cabinet",
        "6 months after cymeradwyo-cabinet",
    );
    same("3 mis ar ol EJ-4.3.a", "3 months after EJ-4.3.a");
    same("yn fisol", "Monthly");
    same("bob chwe mis", "Every six months");
    same("erbyn 31 Hydref bob blwyddyn", "31 October every year");
    same("10 niwrnod gwaith", "10 working days");
    same("o Ebrill 2012 ymlaen", "April 2012 onwards");
    same("erbyn mis Mawrth eleni", "By March");
    same("ym mis Hydref eleni", "October");
    same(
        "Heb fod yn hwyrach na 30 Tachwedd ar ôl diwedd pob blwyddyn ariannol",
        "No later than 30 November every year",
    );
}

/// A year read alone after a word the grammar does not know is no deadline.
#[test]
fn a_year_alone_after_an_unknown_month_is_an_error() {
    let cal = calendar();
    for text in [
        "Juin 2013",
        "by end of Juin 2013",
        "Mehefn 2013",
        "Fevrier 2013",
        // A day, a word the grammar does not know, a year: that word is
        // a month (misspelt, or another language's), not words around a year.
        "31 Foo 2013",
        "by 31 Marhc 2013",
    ] {
        let got = read(text, &cal);
        assert!(got.is_err(), "due = {text:?} read as {got:?}");
    }
    // English cells with a year alone after their own words still read.
    for text in [
        "During 2012",
        "Strategy agreed by 2013",
        "2012/13 (subject to funding)",
        "Phase 2 review 2013",
        "31 March 2013 (revised)",
    ] {
        assert!(read(text, &cal).is_ok(), "due = {text:?}");
    }
}

#[test]
fn apostrophes_inside_welsh_words() {
    let cal = calendar();
    for text in ["ar ddechrau’r gwanwyn 2013", "ar ddechrau'r gwanwyn 2013"] {
        assert_eq!(
            parse(text, &cal),
            Ok(dated("2013-03-01", "2013-03-31")),
            "{text}"
        );
    }
    assert!(read("I’w adolygu Medi 2012", &cal).is_ok());
}
