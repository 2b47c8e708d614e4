//! The update round in Welsh and English (issue 26): an agency's
//! `language` picks the language of its request sheet and message, an
//! agency with none in a bilingual plan gets one message in both (Welsh
//! first), the message says its language in `Content-Language`, and
//! `plan apply` reads a return written in Welsh or in both. The plan is
//! `examples/bilingual/`; the sheets are filled with openpyxl and re-saved
//! by LibreOffice, the messages read by Python's `email` (each skipped,
//! loudly, where it is missing).

mod common;

use common::{copy_dir, git_on, ok};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2025-02-10";
const ON: &str = "2025-02-15";

/// A git repository holding a copy of the bilingual example, and the
/// requests of a round made on [`AS_OF`] in its `sent/`.
fn round() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bilingual");
    copy_dir(&example, repo.path());
    git_on(repo.path(), None, &["init", "-q"]);
    git_on(repo.path(), None, &["add", "-A"]);
    git_on(repo.path(), None, &["commit", "-qm", "plan"]);
    let sent = repo.path().join("sent");
    ok(&plan(
        repo.path(),
        AS_OF,
        &["requests", "-o", sent.to_str().unwrap()],
    ));
    repo
}

fn plan(repo: &Path, as_of: &str, args: &[&str]) -> Output {
    common::plan_at(repo, as_of, args)
}

/// A draft as Python's `email` reads it: its subject, `Content-Language`,
/// plain-text body and attachment's name; `None` (said) without python3.
fn read_email(eml: &Path) -> Option<serde_json::Value> {
    let script = r#"
import email, json, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
body = message.get_body(preferencelist=("plain",)).get_content()
names = [p.get_filename() for p in message.iter_attachments()]
print(json.dumps({"subject": str(message["Subject"]), "language": str(message["Content-Language"]), "body": body, "attachments": names}))
"#;
    let Ok(out) = Command::new("python3")
        .args(["-c", script])
        .arg(eml)
        .output()
    else {
        common::skip("a request read by Python's email", "python3");
        return None;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn a_welsh_agencys_request_is_in_welsh_and_says_so() {
    let repo = round();
    let Some(mail) = read_email(&repo.path().join("sent/CBST.eml")) else {
        return;
    };
    assert_eq!(mail["language"], "cy", "{mail}");
    let subject = mail["subject"].as_str().unwrap();
    assert!(
        // Days in words, the Welsh way.
        subject.contains("eich diweddariad ar gyfer CBST erbyn 24 Chwefror 2025"),
        "{subject}"
    );
    assert!(!subject.contains("your update"), "{subject}");
    let body = mail["body"].as_str().unwrap();
    assert!(body.starts_with("Annwyl "), "{body}");
    assert!(body.contains("Beth i’w wneud"), "{body}");
    assert!(body.contains("Agor clwb ieuenctid"), "{body}");
    assert!(body.contains("diwrnod yn hwyr"), "{body}");
    assert!(body.contains("erbyn 24 Chwefror 2025"), "{body}");
    assert!(!body.contains("2025-02-24"), "an ISO day in Welsh: {body}");
    for english in ["Dear", "What to do", "Open a youth club", "overdue"] {
        assert!(!body.contains(english), "{english} in {body}");
    }
    assert_eq!(mail["attachments"], serde_json::json!(["CBST.xlsx"]));
    // The police asked for English: all of its message is.
    let Some(mail) = read_email(&repo.path().join("sent/HT.eml")) else {
        return;
    };
    assert_eq!(mail["language"], "en", "{mail}");
    let body = mail["body"].as_str().unwrap();
    assert!(body.starts_with("Dear Trefynydd Police,"), "{body}");
    assert!(!body.contains("Annwyl"), "{body}");
}

#[test]
fn an_agency_with_no_language_gets_one_message_in_both_welsh_first() {
    let repo = round();
    let Some(mail) = read_email(&repo.path().join("sent/BIT.eml")) else {
        return;
    };
    assert_eq!(mail["language"], "cy, en", "{mail}");
    let subject = mail["subject"].as_str().unwrap();
    let (cy, en) = (
        subject.find("eich diweddariad").unwrap(),
        subject.find("your update").unwrap(),
    );
    assert!(cy < en, "{subject}");
    let body = mail["body"].as_str().unwrap();
    let (cy, en) = (body.find("Annwyl").unwrap(), body.find("Dear").unwrap());
    assert!(cy < en, "{body}");
    assert!(body.contains("Cyfeirio pobl ifanc"), "{body}");
    assert!(body.contains("Refer young people"), "{body}");
    assert_eq!(mail["attachments"], serde_json::json!(["BIT.xlsx"]));
}

const FILL: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
want = json.loads(sys.argv[3])
assert want["not"] not in " ".join(header), header
col = {}
for i, name in enumerate(header):
    for word in ("Id", want["new_rag"], want["progress"]):
        if name == word or name.startswith(word + " / "):
            col[word] = i + 1
rows = {ws.cell(r, col["Id"]).value: r for r in range(2, ws.max_row + 1)}
for task, rag, note in want["rows"]:
    ws.cell(rows[task], col[want["new_rag"]]).value = rag
    ws.cell(rows[task], col[want["progress"]]).value = note
wb.save(sys.argv[2])
print("ok")
"#;

/// The sheet `sent` filled as a partner would, by its Welsh headings, with
/// openpyxl (its header must not hold `not`), then saved again by
/// LibreOffice; `None` (said) without them.
fn filled(sent: &Path, not: &str, rows: &[(&str, &str, &str)]) -> Option<PathBuf> {
    if !common::python_has(&["openpyxl"]) {
        common::skip("a Welsh return filled by openpyxl", "Python's openpyxl");
        return None;
    }
    let work = sent.parent().unwrap().join("filled");
    fs::create_dir_all(&work).unwrap();
    let name = sent.file_name().unwrap();
    let out = work.join(name);
    let want = serde_json::json!({
        "new_rag": "RAG newydd",
        "progress": "Nodyn cynnydd",
        "not": not,
        "rows": rows,
    });
    let python = Command::new("python3")
        .args(["-c", FILL])
        .arg(sent)
        .arg(&out)
        .arg(want.to_string())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&python.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    common::resaved_by_libreoffice("a Welsh return re-saved by LibreOffice", &work, &out)
}

fn card(repo: &Path, name: &str) -> String {
    fs::read_to_string(repo.join("cards").join(name)).unwrap()
}

#[test]
fn a_welsh_return_with_ambr_and_a_welsh_note_applies() {
    let repo = round();
    let note = "Mae’r clwb ar agor ar nos Wener ers 10 Ionawr";
    let rows = [("PI-1.1.a", "Ambr", note)];
    let Some(sheet) = filled(&repo.path().join("sent/CBST.xlsx"), "New RAG", &rows) else {
        return;
    };
    let out = ok(&plan(
        repo.path(),
        ON,
        &["apply", sheet.to_str().unwrap(), "--on", ON],
    ));
    assert!(out.contains("1 task changed"), "{out}");
    let text = card(repo.path(), "pobl-ifanc.toml");
    assert!(text.contains(&format!("note = \"{note}\"")), "{text}");
    assert!(text.contains("by = \"CBST\""), "{text}");
    assert!(text.contains("rag = \"amber\""), "{text}");
    // The review is recorded: the task is amber, reviewed that day.
    let tasks = ok(&plan(repo.path(), ON, &["tasks", "--format", "json"]));
    let tasks: serde_json::Value = serde_json::from_str(&tasks).unwrap();
    let task = tasks
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "PI-1.1.a")
        .unwrap();
    assert_eq!(task["rag"], "amber", "{task}");
    assert_eq!(task["last_update"]["date"], ON, "{task}");
    assert_eq!(task["last_update"]["by"], "CBST", "{task}");
    ok(&plan(repo.path(), ON, &["check"]));
    ok(&plan(repo.path(), ON, &["fmt", "--check"]));
}

#[test]
fn a_bilingual_return_applies() {
    let repo = round();
    let rows = [(
        "PI-1.1.b",
        "Gwyrdd / Green",
        "Cytunwyd ar y llwybr atgyfeirio / Referral route agreed",
    )];
    // The sheet's headings are in both: the Welsh first.
    let Some(sheet) = filled(&repo.path().join("sent/BIT.xlsx"), "New RAG /", &rows) else {
        return;
    };
    let out = ok(&plan(
        repo.path(),
        ON,
        &["apply", sheet.to_str().unwrap(), "--on", ON],
    ));
    assert!(out.contains("1 task changed"), "{out}");
    let text = card(repo.path(), "pobl-ifanc.toml");
    assert!(text.contains("by = \"BIT\""), "{text}");
    assert!(text.contains("Referral route agreed"), "{text}");
    assert!(text.contains("rag = \"green\""), "{text}");
}
