//! Any bytes as a Word document given to `plan import`: refused or read,
//! never a panic outside the reader's catch, an abort or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plan_fuzz::quiet_caught_panics();
    plan::fuzzing::import("docx", data);
});
