//! Any text as a `due`: the grammar answers Ok or Err, never panics, and
//! what it accepts is an interval that runs forwards.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::dates::{Calendar, TargetDate, parse};

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
    if let Ok(TargetDate::Dated(i) | TargetDate::MilestoneThenOngoing(i)) = parse(text, &calendar) {
        assert!(i.from <= i.to, "{text:?} gave {i:?}");
    }
});
