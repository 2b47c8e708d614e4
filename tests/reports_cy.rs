//! The plan's own texts in the language a report asks for, on the
//! Welsh-first example (examples/bilingual): `--lang cy` prints the Welsh
//! titles and notes, `--lang en` their English twins; a text with no twin
//! is shown as written and marked, never passed off as a translation; a
//! bilingual report's each part holds its own language's texts; the Welsh
//! HTML report passes the same accessibility checks as the English.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2025-03-31";

fn plan_on(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(dir)
        .args(["--as-of", AS_OF, "--color", "never"])
        .args(args)
        .env("COLUMNS", "400")
        .env_remove("PLAN_DIR")
        .output()
        .unwrap()
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = plan_on(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A copy of the example, with `edit` made to its street card.
fn example_with(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(Path::new("examples/bilingual"), dir.path());
    let card = dir.path().join("cards/strydoedd.toml");
    let text = fs::read_to_string(&card).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changed nothing");
    fs::write(card, edited).unwrap();
    dir
}

/// The example with a progress note, in both languages, on the amber task
/// (the report quotes a red or amber task's latest note).
fn with_note() -> tempfile::TempDir {
    example_with(|text| {
        text.replacen(
            "updated = 2024-11-15\n",
            "updated = 2024-11-15\nnote = \"Aros am benderfyniad y grant.\"\nnote_en = \"Waiting for the grant decision.\"\n",
            1,
        )
    })
}

/// The example with one English twin taken out: the LED lighting task's.
fn without_one_twin() -> tempfile::TempDir {
    example_with(|text| {
        text.replace(
            "text_en = \"Install new LED lighting on Bridge Street and Market Road\"\n",
            "",
        )
    })
}

const WELSH: [&str; 4] = [
    "Cynllun Cymunedau Mwy Diogel Trefynydd 2024–2026",
    "Canol y dref yn fwy diogel",
    "Gosod goleuadau LED newydd ar Stryd y Bont a Heol y Farchnad",
    "Aros am benderfyniad y grant.",
];

const ENGLISH: [&str; 4] = [
    "Trefynydd Safer Communities Plan 2024–2026",
    "A safer town centre",
    "Install new LED lighting on Bridge Street and Market Road",
    "Waiting for the grant decision.",
];

#[test]
fn the_report_in_welsh_has_the_welsh_texts_and_in_english_their_twins() {
    let dir = with_note();
    let welsh = stdout(dir.path(), &["report", "--lang", "cy"]);
    let english = stdout(dir.path(), &["report", "--lang", "en"]);
    for (cy, en) in WELSH.iter().zip(ENGLISH) {
        assert!(welsh.contains(cy), "Welsh report lacks {cy:?}:\n{welsh}");
        assert!(!welsh.contains(en), "Welsh report has {en:?}");
        assert!(
            english.contains(en),
            "English report lacks {en:?}:\n{english}"
        );
        assert!(!english.contains(cy), "English report has {cy:?}");
    }
    // The reason a task is on hold, in each.
    assert!(welsh.contains("Mae’r gwaith wedi’i ohirio nes bydd cyllid grant"));
    assert!(english.contains("The work is on hold until grant funding is confirmed."));
    // Neither is marked: every text has its twin.
    for report in [&welsh, &english] {
        assert!(!report.contains("only)") && !report.contains("yn unig)"));
    }
}

#[test]
fn show_and_the_terminal_reports_use_the_language_asked_for() {
    let dir = Path::new("examples/bilingual");
    let en = stdout(dir, &["show", "SD-1.1.a", "--lang", "en"]);
    assert!(en.contains("The rota has been agreed"), "{en}");
    assert!(en.contains("A safer town centre"), "{en}");
    let cy = stdout(dir, &["show", "SD-1.1.a", "--lang", "cy"]);
    assert!(cy.contains("Mae’r amserlen wedi’i chytuno"), "{cy}");
    assert!(!cy.contains("The rota has been agreed"), "{cy}");
    let rag = stdout(dir, &["rag", "--lang", "en"]);
    assert!(rag.contains("A safer town centre"), "{rag}");
    // JSON keeps the plan's texts as written, whatever the language.
    let json_en = stdout(dir, &["tasks", "--format", "json", "--lang", "en"]);
    let json_cy = stdout(dir, &["tasks", "--format", "json", "--lang", "cy"]);
    assert_eq!(json_en, json_cy);
    assert!(json_en.contains(WELSH[2]) && !json_en.contains(ENGLISH[2]));
}

#[test]
fn a_text_with_no_twin_is_shown_as_written_and_marked() {
    let dir = without_one_twin();
    let md = stdout(dir.path(), &["report", "--lang", "en"]);
    assert!(
        md.contains(&format!("{} (in Welsh only)", WELSH[2])),
        "{md}"
    );
    let html = stdout(dir.path(), &["report", "--lang", "en", "--format", "html"]);
    assert!(
        html.contains(&format!(
            "<bdi lang=\"cy\">{}</bdi> (in Welsh only)",
            WELSH[2]
        )),
        "{html}"
    );
    let show = stdout(dir.path(), &["show", "SD-1.2.a", "--lang", "en"]);
    assert!(show.contains("(in Welsh only)"), "{show}");
    assert!(show.contains("Gosod goleuadau LED"), "{show}");
    // In Welsh the text is the plan's own, and not marked.
    let welsh = stdout(dir.path(), &["report", "--lang", "cy"]);
    assert!(welsh.contains(WELSH[2]) && !welsh.contains("yn unig)"));
}

#[test]
fn a_bilingual_report_puts_the_welsh_part_first_each_with_its_own_texts() {
    let dir = with_note();
    let both = stdout(
        dir.path(),
        &["report", "--lang", "cy,en", "--format", "html"],
    );
    assert!(both.contains("<html lang=\"cy\">"), "{both}");
    let (welsh, english) = both
        .split_once("<div lang=\"en\">")
        .expect("the English part in its own lang");
    for (cy, en) in WELSH.iter().zip(ENGLISH) {
        assert!(
            welsh.contains(cy) && !welsh.contains(en),
            "Welsh part: {cy:?} / {en:?}"
        );
        assert!(
            english.contains(en) && !english.contains(cy),
            "English part: {en:?} / {cy:?}"
        );
    }
}

/// The Welsh HTML report, and a bilingual one with a marked fallback,
/// pass axe-core and the Nu HTML Checker as the English one does
/// (tests/report.rs).
#[test]
fn the_welsh_html_report_passes_axe_and_the_validator() {
    const TEST: &str = "the_welsh_html_report_passes_axe_and_the_validator";
    let Some((browser, script)) = common::axe_tools(TEST) else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let fallback = without_one_twin();
    let mut pages: Vec<PathBuf> = Vec::new();
    for (name, dir, lang) in [
        ("cy", Path::new("examples/bilingual"), "cy"),
        ("cy-en", fallback.path(), "cy,en"),
    ] {
        let page = work.path().join(format!("{name}.html"));
        let out = plan_on(
            dir,
            &[
                "report",
                "--lang",
                lang,
                "--format",
                "html",
                "-o",
                page.to_str().unwrap(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        pages.push(page);
    }
    let reports = common::axe(&browser, &script, &pages);
    let failures = common::axe_failures(&reports, Path::new("/none"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if let Some(errors) = common::validator_errors(TEST, &pages) {
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}
