//! Working days: Monday to Friday less the bank holidays of England and
//! Wales, computed by rule (Easter included) with the one-off changes listed.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A day as (year, month, day).
type Ymd = (i32, u32, u32);

/// Bank holidays moved by proclamation: (the day the rule gives, the day kept).
const MOVED: &[(Ymd, Ymd)] = &[
    // Early May moved to VE Day (50th and 75th anniversaries).
    ((1995, 5, 1), (1995, 5, 8)),
    ((2020, 5, 4), (2020, 5, 8)),
    // Spring bank holiday moved beside the Golden, Diamond and Platinum Jubilees.
    ((2002, 5, 27), (2002, 6, 4)),
    ((2012, 5, 28), (2012, 6, 4)),
    ((2022, 5, 30), (2022, 6, 2)),
];

/// One-off bank holidays.
const EXTRA: &[Ymd] = &[
    (1999, 12, 31), // Millennium
    (2002, 6, 3),   // Golden Jubilee
    (2011, 4, 29),  // Royal wedding
    (2012, 6, 5),   // Diamond Jubilee
    (2022, 6, 3),   // Platinum Jubilee
    (2022, 9, 19),  // State funeral of Queen Elizabeth II
    (2023, 5, 8),   // Coronation of King Charles III
];

fn ymd((y, m, d): Ymd) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Easter Sunday (Gregorian; the anonymous algorithm of 1876).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let h = (19 * a + b - b / 4 - (8 * b + 13) / 25 + 15).rem_euclid(30);
    let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4).rem_euclid(7);
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19).rem_euclid(32);
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn nth_monday(year: i32, month: u32, last: bool) -> Option<NaiveDate> {
    if last {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let end = next.pred_opt()?;
        let back = end.weekday().num_days_from_monday();
        end.checked_sub_days(Days::new(u64::from(back)))
    } else {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let ahead = (7 - first.weekday().num_days_from_monday()) % 7;
        first.checked_add_days(Days::new(u64::from(ahead)))
    }
}

/// The bank holidays of England and Wales in `year`, in order.
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    // New Year, Christmas and Boxing Day on a weekend are kept on the next
    // weekday not already a holiday (the substitute days).
    for fixed in [(year, 1, 1), (year, 12, 25), (year, 12, 26)] {
        let Some(mut day) = ymd(fixed) else { continue };
        while is_weekend(day) || days.contains(&day) {
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
        days.push(day);
    }
    if let Some(sunday) = easter(year) {
        days.extend(sunday.checked_sub_days(Days::new(2)));
        days.extend(sunday.checked_add_days(Days::new(1)));
    }
    for (month, last) in [(5, false), (5, true), (8, true)] {
        let Some(day) = nth_monday(year, month, last) else {
            continue;
        };
        let moved = MOVED
            .iter()
            .find(|(rule, _)| ymd(*rule) == Some(day))
            .and_then(|(_, kept)| ymd(*kept));
        days.push(moved.unwrap_or(day));
    }
    days.extend(EXTRA.iter().filter(|d| d.0 == year).filter_map(|d| ymd(*d)));
    days.sort();
    days
}

/// Monday to Friday and no bank holiday (asked only by the tests: the
/// counting is `add_working_days`).
#[cfg(test)]
fn is_working_day(day: NaiveDate) -> bool {
    !is_weekend(day) && !bank_holidays(day.year()).contains(&day)
}

/// The day `count` working days after `from`.
pub fn add_working_days(from: NaiveDate, count: u32) -> Option<NaiveDate> {
    // A span of more than a few years is no working-day count.
    if count > 10_000 {
        return None;
    }
    let mut day = from;
    let mut left = count;
    let mut holidays = bank_holidays(day.year());
    while left > 0 {
        let next = day.succ_opt()?;
        if next.year() != day.year() {
            holidays = bank_holidays(next.year());
        }
        day = next;
        if !is_weekend(day) && !holidays.contains(&day) {
            left -= 1;
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(list: &[&str]) -> Vec<NaiveDate> {
        list.iter()
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap())
            .collect()
    }

    /// As published on gov.uk/bank-holidays (and its archives).
    const PUBLISHED: &[(i32, &[&str])] = &[
        (
            2012,
            &[
                "2012-01-02",
                "2012-04-06",
                "2012-04-09",
                "2012-05-07",
                "2012-06-04",
                "2012-06-05",
                "2012-08-27",
                "2012-12-25",
                "2012-12-26",
            ],
        ),
        (
            2016,
            &[
                "2016-01-01",
                "2016-03-25",
                "2016-03-28",
                "2016-05-02",
                "2016-05-30",
                "2016-08-29",
                "2016-12-26",
                "2016-12-27",
            ],
        ),
        (
            2020,
            &[
                "2020-01-01",
                "2020-04-10",
                "2020-04-13",
                "2020-05-08",
                "2020-05-25",
                "2020-08-31",
                "2020-12-25",
                "2020-12-28",
            ],
        ),
        (
            2021,
            &[
                "2021-01-01",
                "2021-04-02",
                "2021-04-05",
                "2021-05-03",
                "2021-05-31",
                "2021-08-30",
                "2021-12-27",
                "2021-12-28",
            ],
        ),
        (
            2022,
            &[
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-06-02",
                "2022-06-03",
                "2022-08-29",
                "2022-09-19",
                "2022-12-26",
                "2022-12-27",
            ],
        ),
        (
            2023,
            &[
                "2023-01-02",
                "2023-04-07",
                "2023-04-10",
                "2023-05-01",
                "2023-05-08",
                "2023-05-29",
                "2023-08-28",
                "2023-12-25",
                "2023-12-26",
            ],
        ),
        (
            2026,
            &[
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28",
            ],
        ),
        (
            2027,
            &[
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28",
            ],
        ),
    ];

    #[test]
    fn the_published_bank_holidays() {
        for (year, expected) in PUBLISHED {
            assert_eq!(bank_holidays(*year), days(expected), "{year}");
        }
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let [from, to] = days(&["2012-12-21", "2013-01-07"]).try_into().unwrap();
        // Fri 21 Dec 2012: Mon 24, Thu 27, Fri 28, Mon 31, Wed 2, Thu 3, Fri 4, Mon 7.
        assert_eq!(add_working_days(from, 8), Some(to));
        let [from, to] = days(&["2012-06-01", "2012-06-15"]).try_into().unwrap();
        // The Jubilee: Mon 4 and Tue 5 June 2012 were holidays.
        assert_eq!(add_working_days(from, 8), Some(to));
        assert!(!is_working_day(days(&["2012-06-05"])[0]));
        assert!(is_working_day(days(&["2012-05-28"])[0]));
    }
}
