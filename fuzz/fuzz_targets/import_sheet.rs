//! Any bytes as a spreadsheet given to `plan import` (calamine through
//! plan's reader): `.xlsx` or `.ods` for a zip, `.xls` otherwise.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plan_fuzz::quiet_caught_panics();
    let ext = if !data.starts_with(b"PK") {
        "xls"
    } else if data.windows(8).any(|w| w == b"content.") {
        "ods"
    } else {
        "xlsx"
    };
    plan::fuzzing::import(ext, data);
});
