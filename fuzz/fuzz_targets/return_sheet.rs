//! Any bytes as a returned sheet given to `plan apply` (a workbook or a
//! CSV, told apart by its bytes).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plan_fuzz::quiet_caught_panics();
    plan::fuzzing::returned(data);
});
