//! The Highlight Report as a Word document, read by the programs a council
//! officer's paper goes through: python-docx (as Word's own object model
//! names things: headings, tables, pictures) and LibreOffice, which turns
//! it into the PDF the committee system publishes.

mod common;

use common::{inked, python_has, skip};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TITLE: &str = "Highlight Report, Q4 2012-13";

fn plan(args: &[&str]) -> Output {
    plan_of(Path::new("examples/quarterly"), args)
}

fn plan_of(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(dir)
        .args(["--as-of", "2013-03-31", "report", "--quarter", "Q4 2012-13"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PLAN_DIR")
        .output()
        .unwrap()
}

/// The example's report written as `report.docx` in `dir`.
fn word_report(dir: &Path) -> PathBuf {
    word_report_of(Path::new("examples/quarterly"), dir)
}

/// The report of the plan in `plan` written as `report.docx` in `dir`.
fn word_report_of(plan: &Path, dir: &Path) -> PathBuf {
    let file = dir.join("report.docx");
    let out = plan_of(plan, &["--format", "docx", "-o", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    file
}

fn installed(program: &str) -> bool {
    Command::new("which")
        .arg(program)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_word_document_is_never_written_to_a_terminal() {
    let out = plan(&["--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("give -o FILE"), "{err}");
}

/// What python-docx finds: each paragraph's style and text, each table's
/// first two rows and whether its first row repeats, a red cell's shading,
/// each picture's alt text, the document's language, and the file's
/// title and language.
const READ: &str = r#"
import docx, json, sys
d = docx.Document(sys.argv[1])
ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
W = "{%s}" % ns["w"]
def shading(cell):
    shd = cell._tc.find("w:tcPr/w:shd", ns)
    return None if shd is None else shd.get(W + "fill")
out = {
    "paragraphs": [[p.style.name if p.style is not None else None, p.text] for p in d.paragraphs],
    "tables": [{
        "header": [c.text for c in t.rows[0].cells],
        "first": [[c.text, shading(c)] for c in t.rows[1].cells],
        "repeats": [r._tr.find("w:trPr/w:tblHeader", ns) is not None for r in t.rows],
    } for t in d.tables],
    "alt": [e.get("descr") for e in d.element.body.iter("{%s}docPr" % ns["wp"])],
    "lang": [e.get(W + "val") for e in d.styles.element.iter(W + "lang")],
    "properties": [d.core_properties.title, d.core_properties.language],
}
print(json.dumps(out))
"#;

/// What python-docx reads in `file` (see [`READ`]).
fn python_docx(file: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .args(["-c", READ])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn python_docx_reads_its_headings_tables_pictures_and_language() {
    if !python_has(&["docx"]) {
        return skip("python_docx_reads_its_headings", "python-docx");
    }
    let dir = tempfile::tempdir().unwrap();
    let read = python_docx(&word_report(dir.path()));
    let styled = |style: &str| -> Vec<String> {
        read["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p[0] == style)
            .map(|p| p[1].as_str().unwrap().to_string())
            .collect()
    };
    let titles = styled("Heading 1");
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(titles[0].ends_with(TITLE), "{titles:?}");
    assert_eq!(
        styled("Heading 2"),
        ["SS Safer Streets", "YP Young People", "Recommendations"]
    );
    assert!(styled("Heading 3").contains(&"Headline figures".to_string()));
    assert!(styled("Normal").iter().any(|p| p == "Tasks: 15"));

    let tables = read["tables"].as_array().unwrap();
    assert!(tables.len() > 5);
    // The header row repeats on each page, and no other.
    assert!(
        tables.iter().all(|t| {
            let repeats = t["repeats"].as_array().unwrap();
            repeats[0] == true && repeats[1..].iter().all(|r| r == false)
        }),
        "{tables:?}"
    );
    // The red and amber tasks of Safer Streets: the status a word on its colour.
    let rag = tables
        .iter()
        .find(|t| t["header"].as_array().unwrap().iter().any(|h| h == "RAG"))
        .expect("a table of RAG ratings");
    let first = &rag["first"];
    assert_eq!(first[0][0], "SS-1.1.c");
    assert!(
        first
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["red", "C0392B"])),
        "{first}"
    );

    let alt = read["alt"].as_array().unwrap();
    assert_eq!(alt.len(), 3, "a picture for each measure with values");
    assert!(
        alt[0].as_str().unwrap().starts_with(
            "M1 Reports of anti-social behaviour in the town centre (lower is better): Q1 2012-13 140"
        ),
        "{alt:?}"
    );
    assert_eq!(read["lang"], serde_json::json!(["en-GB"]));
    assert!(
        read["properties"][0].as_str().unwrap().ends_with(TITLE),
        "{}",
        read["properties"]
    );
    assert_eq!(read["properties"][1], "en-GB");
}

#[test]
fn hostile_text_stays_text_in_word() {
    if !python_has(&["docx"]) {
        return skip("hostile_text_stays_text_in_word", "python-docx");
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    std::fs::create_dir(&plan).unwrap();
    common::copy_dir(Path::new("examples/quarterly"), &plan);
    let edit = |file: &str, from: &str, to: &str| {
        let path = plan.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    };
    edit(
        "cards/safer-streets.toml",
        r#"title = "Safer Streets""#,
        r#"title = "Safer <w:t>\u0001 & \u202e Streets""#,
    );
    edit(
        "cards/safer-streets.toml",
        r#"note = "Refused by the magistrates in January; re-applying with new evidence""#,
        r#"note = "line one\nline \"two\" <b>&amp;</b>""#,
    );
    edit(
        "measures.toml",
        r#"title = "Reports of anti-social behaviour in the town centre""#,
        r#"title = "Reports \"of\" <anti> & social""#,
    );
    let read = python_docx(&word_report_of(&plan, dir.path()));
    let parts: Vec<&str> = read["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p[0] == "Heading 2")
        .map(|p| p[1].as_str().unwrap())
        .collect();
    assert_eq!(parts[0], r"SS Safer <w:t>\u{1} & \u{202e} Streets");
    let rag = read["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["header"].as_array().unwrap().iter().any(|h| h == "RAG"))
        .unwrap();
    let note = rag["first"].as_array().unwrap().last().unwrap()[0].clone();
    assert_eq!(note, "line one\nline \"two\" <b>&amp;</b>");
    assert!(
        read["alt"][0]
            .as_str()
            .unwrap()
            .starts_with(r#"M1 Reports "of" <anti> & social (lower is better)"#)
    );
}

/// The first page of `pdf` on which `text` stands (from 1), by pdftotext.
fn page_with(pdf: &Path, text: &str) -> Option<u32> {
    (1..=20).find(|page| {
        let out = Command::new("pdftotext")
            .args(["-f", &page.to_string(), "-l", &page.to_string()])
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).contains(text)
    })
}

/// Page `page` of `pdf` as a PNG at 50 dots an inch: its file.
fn picture_of(pdf: &Path, page: u32) -> PathBuf {
    let prefix = pdf.with_file_name(format!("page-{page}"));
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-singlefile"])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .unwrap();
    assert!(out.status.success());
    prefix.with_extension("png")
}

/// Whether a picture holds the chart's blue curve (#1f618d).
fn has_curve(png: &Path) -> bool {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let channels = info.color_type.samples();
    pixels[..info.buffer_size()].chunks(channels).any(|p| {
        (20..=45).contains(&p[0]) && (85..=108).contains(&p[1]) && (128..=152).contains(&p[2])
    })
}

#[test]
fn libreoffice_turns_it_into_a_pdf_with_its_title_and_charts() {
    for program in ["soffice", "pdftoppm", "pdftotext"] {
        if !installed(program) {
            return skip("libreoffice_turns_it_into_a_pdf", program);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = word_report(dir.path());
    // A profile of its own, so that another LibreOffice running does not
    // take the conversion over.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !said.contains("Error"), "{said}");
    let pdf = dir.path().join("report.pdf");
    assert!(pdf.exists(), "{said}");

    assert_eq!(page_with(&pdf, TITLE), Some(1));
    // The footer's page numbers, which Word and LibreOffice fill in.
    assert_eq!(page_with(&pdf, "Page 2 of "), Some(2));
    let first = picture_of(&pdf, 1);
    let (ink, _) = inked(&first);
    assert!(ink > 0.02, "the first page is nearly blank ({ink})");
    assert!(!has_curve(&first), "a curve's blue where there is no chart");
    // Safer Streets starts a page of its own, its red task shaded red.
    let card = page_with(&pdf, "SS Safer Streets").expect("the Safer Streets card");
    assert!(card > 1);
    assert!(inked(&picture_of(&pdf, card)).1, "no red status cell");
    let charts = page_with(&pdf, "Turning the curve").expect("a chart");
    assert!(
        has_curve(&picture_of(&pdf, charts)) || has_curve(&picture_of(&pdf, charts + 1)),
        "no curve drawn near \"Turning the curve\" (page {charts})"
    );
}

/// A Welsh report is a Welsh document: Word, a screen reader and the
/// spelling checker take its language from the file (cy-GB), and its own
/// words are Welsh.
#[test]
fn a_welsh_word_document_says_it_is_welsh() {
    if !python_has(&["docx"]) {
        return skip("a_welsh_word_document_says_it_is_welsh", "python-docx");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("adroddiad.docx");
    let out = plan(&[
        "--lang",
        "cy",
        "--format",
        "docx",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = python_docx(&file);
    assert_eq!(read["lang"], serde_json::json!(["cy-GB"]));
    assert_eq!(read["properties"][1], "cy-GB");
    assert!(
        read["properties"][0]
            .as_str()
            .unwrap()
            .ends_with("Adroddiad Uchafbwyntiau, Ch4 2012-13"),
        "{}",
        read["properties"]
    );
    let paragraphs = read["paragraphs"].to_string();
    assert!(paragraphs.contains("Ffigurau allweddol"), "{paragraphs}");
    assert!(!paragraphs.contains("Headline figures"), "{paragraphs}");
}
