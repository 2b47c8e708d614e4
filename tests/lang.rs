//! `--lang`: the reports in Welsh, in English, or both in one document.
//! Welsh reports must hold none of the English catalogue's own words (the
//! test reads the catalogue, not a hand list); a bilingual report puts the
//! first language first; an unknown language is refused with the known.

use std::path::Path;
use std::process::{Command, Output};

fn plan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--dir", "plans", "--as-of", "2013-03-01"])
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "400")
        .env_remove("PLAN_DIR")
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = plan(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every `.ftl` file of a language, as one text.
fn catalogue(lang: &str) -> String {
    let mut text = String::new();
    let dir = Path::new("i18n").join(lang);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        text.push_str(&std::fs::read_to_string(file).unwrap());
    }
    text
}

/// The literal words of each message (placeables and variant keys taken
/// out), e.g. "Days overdue", "slipped", "day", "days".
fn fragments(ftl: &str) -> Vec<String> {
    let mut body = String::new();
    for line in ftl.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let value = match line.split_once(" = ") {
            Some((id, value)) if !id.starts_with(' ') => value,
            _ => line,
        };
        body.push_str(value);
        body.push('\n');
    }
    // Placeables, innermost first, become breaks; so do variant keys.
    let mut text = body;
    while let Some(end) = text.find('}') {
        let start = text[..end].rfind('{').unwrap();
        text.replace_range(start..=end, "\n");
    }
    let keys = regex_free_keys(&text);
    keys.split(['\n', ':', ';', '(', ')', ',', '.', '=', '/', '"', '`', '+'])
        .map(str::trim)
        .filter(|f| f.chars().any(char::is_alphabetic))
        .map(str::to_string)
        .collect()
}

/// `[one] day` → ` day`: variant keys out.
fn regex_free_keys(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        rest = match rest[open..].find(']') {
            Some(close) => &rest[open + close + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out.replace('*', "\n")
}

/// Whether `word` stands in `text` as a whole word (or phrase).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The bundled plan's own text, printed as it is written (in English).
fn plan_text() -> String {
    fn read(dir: &Path, text: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                read(&path, text);
            } else {
                text.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let mut text = String::new();
    read(Path::new("plans"), &mut text);
    text
}

/// The English catalogue's own words that the Welsh does not share and
/// the plan's text does not hold: none may show in a Welsh report.
fn english_only_words() -> Vec<String> {
    let welsh = catalogue("cy");
    let plan = plan_text();
    let mut words: Vec<String> = fragments(&catalogue("en"))
        .into_iter()
        .filter(|f| !has_word(&welsh, f) && !has_word(&plan, f))
        .collect();
    words.sort();
    words.dedup();
    words
}

fn english_in(output: &str) -> Vec<String> {
    english_only_words()
        .into_iter()
        .filter(|word| has_word(output, word))
        .collect()
}

#[test]
fn the_test_knows_the_english_words() {
    let words = english_only_words();
    for word in [
        "Headline figures",
        "Days overdue",
        "never reviewed",
        "not rated",
    ] {
        assert!(words.iter().any(|w| w == word), "{word} not in {words:?}");
    }
    // It can fail: the English report is full of them.
    assert!(!english_in(&stdout(&["report"])).is_empty());
}

#[test]
fn a_welsh_highlight_report_names_no_english_word_of_plans_own() {
    for format in ["markdown", "html"] {
        let report = stdout(&["report", "--lang", "cy", "--format", format]);
        assert_eq!(english_in(&report), Vec::<String>::new(), "{format}");
        assert!(report.contains("Adroddiad Uchafbwyntiau, Ch4 2012-13"));
        assert!(
            report.contains("1 Mawrth 2013"),
            "a day in words, the Welsh way"
        );
    }
    let html = stdout(&["report", "--lang", "cy", "--format", "html"]);
    assert!(html.contains("<html lang=\"cy\">"));
}

#[test]
fn a_welsh_overdue_report_names_no_english_word_of_plans_own() {
    for format in ["table", "markdown"] {
        let report = stdout(&["overdue", "--lang", "cy", "--format", format]);
        assert_eq!(english_in(&report), Vec::<String>::new(), "{format}");
        assert!(report.contains("Yn hwyr (30)"), "{report}");
        assert!(report.contains("heb ei asesu"), "{report}");
    }
    let markdown = stdout(&["overdue", "--lang", "cy", "--format", "markdown"]);
    assert!(markdown.contains("| Diwrnodau’n hwyr |"), "{markdown}");
}

/// JSON and CSV are for programs: the same keys and values in every
/// language (`show`'s sentences, such as `read_as`, are the exception).
#[test]
fn programs_get_the_same_json_in_every_language() {
    for args in [
        &["overdue"][..],
        &["tasks"],
        &["recs"],
        &["agencies"],
        &["rag"],
    ] {
        let json = |lang| stdout(&[args, &["--format", "json", "--lang", lang]].concat());
        assert_eq!(json("cy"), json("en"), "{args:?}");
    }
}

#[test]
fn every_report_takes_lang() {
    for args in [
        &["due", "--within", "60"][..],
        &["rag"],
        &["rag", "--by", "agency"],
        &["agency", "SWP"],
        &["agencies"],
        &["tasks"],
        &["recs"],
        &["measures"],
        &["show", "EJ"],
        &["show", "EJ-1.1.a"],
        &["show", "R1"],
        &["show", "SWP"],
    ] {
        let welsh = stdout(&[args, &["--lang", "cy"]].concat());
        let english = stdout(args);
        assert_ne!(welsh, english, "{args:?}");
        assert_eq!(english_in(&welsh), Vec::<String>::new(), "{args:?}");
        assert!(welsh.contains(" ar 2013-03-01"), "{args:?}: {welsh}");
    }
}

#[test]
fn a_bilingual_report_puts_the_first_language_first() {
    let both = stdout(&["report", "--lang", "cy,en"]);
    let welsh = both.find("Adroddiad Uchafbwyntiau").expect("the Welsh");
    let english = both.find("Highlight Report").expect("the English");
    assert!(welsh < english);
    assert_eq!(
        both.matches("\n# ").count() + usize::from(both.starts_with("# ")),
        2
    );
    let html = stdout(&["report", "--lang", "cy,en", "--format", "html"]);
    assert!(html.contains("<html lang=\"cy\">"));
    let half = html
        .find("<div lang=\"en\">")
        .expect("the English half marked");
    assert!(html[half..].contains("Highlight Report"));
    assert!(!html[..half].contains("Highlight Report"));
    let other_way = stdout(&["report", "--lang", "en,cy"]);
    assert!(other_way.find("Highlight Report") < other_way.find("Adroddiad Uchafbwyntiau"));
}

#[test]
fn an_unknown_language_is_refused_with_the_known() {
    for args in [
        &["report", "--lang", "fr"][..],
        &["overdue", "--lang", "fr"],
        &["report", "--lang", "cy,fr"],
    ] {
        let out = plan(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("`fr` is no language plan knows"), "{err}");
        assert!(err.contains("cy, en"), "{err}");
    }
}
