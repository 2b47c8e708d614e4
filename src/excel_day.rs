//! A spreadsheet's date cell as a calendar day, by calamine's conversion
//! (it knows whether the workbook counts from 1900 or from 1904). The serials
//! that conversion would quietly turn into a wrong day are refused instead:
//! one that is no number (NaN), one before the calendar's first day, one past
//! 9999-12-31 (which a TOML date cannot hold). Used by `plan import` and by
//! `plan apply`'s return sheets alike.

use calamine::ExcelDateTime;
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A date cell that is no day.
#[derive(Debug, Clone, PartialEq)]
pub enum NoDay {
    NotANumber,
    TooEarly(f64),
    PastYear9999(f64),
}

impl fmt::Display for NoDay {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            NoDay::NotANumber => write!(f, "a date cell that holds no number"),
            NoDay::TooEarly(serial) => {
                write!(f, "date serial {serial}: before the workbook's first day")
            }
            NoDay::PastYear9999(serial) => write!(f, "date serial {serial}: after 9999-12-31"),
        }
    }
}

/// The day of a date cell (its time of day dropped).
pub fn day(cell: &ExcelDateTime) -> Result<NaiveDate, NoDay> {
    let serial = cell.as_f64();
    if !serial.is_finite() {
        return Err(NoDay::NotANumber);
    }
    // Past any day chrono or a TOML file can hold: not converted at all.
    if serial >= 3_000_000.0 {
        return Err(NoDay::PastYear9999(serial));
    }
    if serial < 0.0 {
        return Err(NoDay::TooEarly(serial));
    }
    let day = cell
        .as_datetime()
        .map(|t| t.date())
        .ok_or(NoDay::PastYear9999(serial))?;
    match day.year() {
        ..1900 => Err(NoDay::TooEarly(serial)),
        10_000.. => Err(NoDay::PastYear9999(serial)),
        _ => Ok(day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType::DateTime;

    fn at(serial: f64, is_1904: bool) -> Result<NaiveDate, NoDay> {
        day(&ExcelDateTime::new(serial, DateTime, is_1904))
    }

    #[test]
    fn days_of_both_date_systems() {
        let day = NaiveDate::from_ymd_opt(2012, 12, 3).unwrap();
        assert_eq!(at(41246.0, false), Ok(day));
        assert_eq!(at(41246.0 - 1462.0, true), Ok(day));
        assert_eq!(at(41246.75, false), Ok(day));
        assert_eq!(
            at(1.0, false),
            NaiveDate::from_ymd_opt(1900, 1, 1).ok_or(NoDay::NotANumber)
        );
        assert_eq!(at(f64::NAN, false), Err(NoDay::NotANumber));
        assert_eq!(at(-3.0, false), Err(NoDay::TooEarly(-3.0)));
        assert_eq!(at(0.0, false), Err(NoDay::TooEarly(0.0)));
        assert_eq!(
            at(2_958_466.0, false),
            Err(NoDay::PastYear9999(2_958_466.0))
        );
        assert_eq!(at(1e300, false), Err(NoDay::PastYear9999(1e300)));
        assert_eq!(
            at(2_958_465.0, false),
            NaiveDate::from_ymd_opt(9999, 12, 31).ok_or(NoDay::NotANumber)
        );
    }
}
