//! Any text as a `due`: the grammar answers Ok or Err, never panics; what it
//! accepts is an interval that runs forwards, and a recurring deadline has
//! its occurrences in order around any day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::dates::{Calendar, TargetDate, read};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let calendar = Calendar {
        start: chrono::NaiveDate::from_ymd_opt(2012, 4, 1).unwrap(),
        end: chrono::NaiveDate::from_ymd_opt(2013, 3, 31).unwrap(),
        asap_days: 30,
        year_start: 4,
    };
    let Ok(reading) = read(text, &calendar) else {
        return;
    };
    match reading.target {
        TargetDate::Dated(i) | TargetDate::MilestoneThenOngoing(i) => {
            assert!(i.from <= i.to, "{text:?} gave {i:?}");
        }
        TargetDate::Recurring(r) => {
            for as_of in [calendar.start, calendar.end] {
                let (last, next) = r.around(as_of);
                assert!(last.is_none_or(|l| l.from <= l.to && l.to < as_of), "{text:?}");
                assert!(next.is_none_or(|n| n.from <= n.to && n.to >= as_of), "{text:?}");
            }
        }
        _ => {}
    }
});
