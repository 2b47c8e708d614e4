//! Any bytes as a CSV given to `plan import`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plan_fuzz::quiet_caught_panics();
    plan::fuzzing::import("csv", data);
});
