//! Any bytes as a plan file beside a valid plan.toml: loading, checking and
//! printing the findings in every format never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::render::diagnostics::{DiagnosticFormat, render};

const PLAN: &[u8] = b"[plan]\ntitle = \"Fuzz\"\nstart = 2012-04-01\nend = 2013-03-31\n\n[[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n";

fuzz_target!(|data: &[u8]| {
    let opened = plan::open::from_bytes(vec![
        ("plan.toml".to_string(), PLAN.to_vec()),
        ("fuzz.toml".to_string(), data.to_vec()),
    ]);
    for format in [
        DiagnosticFormat::Human,
        DiagnosticFormat::Short,
        DiagnosticFormat::Json,
        DiagnosticFormat::Github,
        DiagnosticFormat::Sarif,
    ] {
        let mut sink = Vec::new();
        render(&mut sink, format, &opened.sources, &opened.diagnostics, false).unwrap();
    }
});
