//! Hostile files from outside the plan, crafted here (raw zip and XML
//! written with the `zip` crate, nothing read from elsewhere), each given to
//! `plan import` under a 3 GB address-space limit (`prlimit --as`) and a
//! 20 s time limit: refused with a clear message, or read right; never an
//! exit 101, an abort, a hang, or anything written on refusal.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SPREADSHEET: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOCUMENT_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip of the parts (name, text), deflated or stored.
fn zip(parts: &[(&str, &str)], deflate: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An .xlsx of one sheet named `name`: its `sheetData` rows and what
/// follows them (merges), plus any other parts.
pub fn xlsx(name: &str, rows: &str, after: &str, more: &[(&str, &str)], deflate: bool) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = format!(
        r#"<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{DOCUMENT_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<workbook xmlns="{SPREADSHEET}" xmlns:r="{DOCUMENT_RELS}"><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let workbook_rels = format!(
        r#"<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{DOCUMENT_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
    );
    let sheet = format!(
        r#"<worksheet xmlns="{SPREADSHEET}"><dimension ref="A1:XFD1048576"/><sheetData>{rows}</sheetData>{after}</worksheet>"#
    );
    let mut parts = vec![
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels.as_str()),
        ("xl/workbook.xml", workbook.as_str()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_str()),
        ("xl/worksheets/sheet1.xml", sheet.as_str()),
    ];
    parts.extend_from_slice(more);
    zip(&parts, deflate)
}

/// A cell of text at `at` (`B3`).
pub fn text_cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The header row and one task, at A1:C2.
fn a_plan_table() -> String {
    format!(
        "<row r=\"1\">{}{}{}</row><row r=\"2\">{}{}{}</row>",
        text_cell("A1", "Action"),
        text_cell("B1", "Lead"),
        text_cell("C1", "Target date"),
        text_cell("A2", "Open the hub"),
        text_cell("B2", "SWP"),
        text_cell("C2", "March 2013"),
    )
}

/// A .docx of a body (only `word/document.xml`: all `plan` reads of it).
fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip(&[("word/document.xml", &xml)], true)
}

fn word_cell(text: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

/// `plan ARGS` in `dir`, under 3 GB of address space, killed after 20 s.
fn bounded(dir: &Path, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new("timeout")
        .args(["-s", "KILL", "20", "prlimit", "--as=3000000000", "--"])
        .arg(env!("CARGO_BIN_EXE_plan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("timeout and prlimit (coreutils, util-linux) are installed");
    (out, start.elapsed())
}

/// Imports `file` (written into a new directory) and checks the outcome:
/// `Some(words)`: refused, exit 2, the message holding `words`, nothing
/// written; `None`: read (exit 0 or 1). Returns stdout and the directory.
fn import(name: &str, bytes: &[u8], refused: Option<&str>) -> (String, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(name), bytes).unwrap();
    import_path(tmp, name, refused)
}

#[allow(clippy::print_stderr)] // each file's exit and time, for the record (--nocapture)
fn import_path(
    tmp: tempfile::TempDir,
    name: &str,
    refused: Option<&str>,
) -> (String, tempfile::TempDir) {
    let (out, took) = bounded(tmp.path(), &["import", name, "--out", "out"]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!(
        "{name}: exit {:?} in {took:.2?}: {stderr}",
        out.status.code()
    );
    assert!(took < Duration::from_secs(20), "{name} took {took:?}");
    match refused {
        Some(words) => {
            assert_eq!(out.status.code(), Some(2), "{name}: {stdout}{stderr}");
            assert!(stderr.contains(words), "{name}: {stderr}");
            assert!(!tmp.path().join("out").exists(), "{name}: nothing written");
        }
        None => assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {stdout}{stderr}"
        ),
    }
    (stdout, tmp)
}

fn written(dir: &Path) -> String {
    let mut all = String::new();
    for entry in walk(&dir.join("out")) {
        all.push_str(&std::fs::read_to_string(entry).unwrap());
    }
    all
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_cell_at_the_last_column_and_row_is_refused_not_allocated() {
    let rows = format!(
        "{}<row r=\"1048576\">{}</row>",
        a_plan_table(),
        text_cell("XFD1048576", "far")
    );
    let file = xlsx("Plan", &rows, "", &[], true);
    assert!(file.len() < 4_000, "{} bytes", file.len());
    import("far.xlsx", &file, Some("A1 to XFD1048576"));
}

#[test]
fn a_table_far_down_the_sheet_is_read_from_its_own_cells() {
    let rows = format!(
        "<row r=\"1048570\">{}{}</row><row r=\"1048571\">{}{}</row>",
        text_cell("XFB1048570", "Action"),
        text_cell("XFC1048570", "Lead"),
        text_cell("XFB1048571", "Open the hub"),
        text_cell("XFC1048571", "SWP"),
    );
    let (_, tmp) = import("corner.xlsx", &xlsx("Plan", &rows, "", &[], true), None);
    assert!(written(tmp.path()).contains("Open the hub"));
}

#[test]
fn a_shared_string_count_past_the_limit_is_refused_before_it_is_reserved() {
    let strings = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>Action</t></si></sst>"#;
    let file = xlsx(
        "Plan",
        &a_plan_table(),
        "",
        &[("xl/sharedStrings.xml", strings)],
        true,
    );
    import("strings.xlsx", &file, Some("declares 4000000000 strings"));
}

#[test]
fn more_cells_than_the_limit_are_refused() {
    // 520 rows of 1,000 numbers: 7.5 MB stored, under the 20 MiB file limit.
    let row = format!("<row>{}</row>", "<c><v>1</v></c>".repeat(1_000));
    let rows = format!("{}{}", a_plan_table(), row.repeat(520));
    let file = xlsx("Plan", &rows, "", &[], false);
    import("cells.xlsx", &file, Some("more cells with a value"));
}

#[test]
fn merges_over_the_whole_sheet_are_clipped_to_the_table() {
    let merges = "<mergeCells count=\"3\"><mergeCell ref=\"C2:XFD1048576\"/><mergeCell ref=\"C2:XFD1048576\"/><mergeCell ref=\"C2:XFD1048576\"/></mergeCells>";
    let file = xlsx("Plan", &a_plan_table(), merges, &[], true);
    let (_, tmp) = import("merged.xlsx", &file, None);
    assert!(written(tmp.path()).contains("Open the hub"));
}

#[test]
fn merged_area_past_the_limit_is_refused() {
    let rows = format!(
        "{}<row r=\"1000\">{}</row>",
        a_plan_table(),
        text_cell("ALL1000", "corner")
    );
    let merge = "<mergeCell ref=\"A2:ALL1000\"/>";
    let merges = format!("<mergeCells>{}</mergeCells>", merge.repeat(3));
    let file = xlsx("Plan", &rows, &merges, &[], true);
    import("merges.xlsx", &file, Some("merged cells cover more"));
}

#[test]
fn a_word_span_wider_than_the_table_is_an_error_naming_the_cell() {
    for span in [
        "100000000",
        "18446744073709551615",
        "99999999999999999999999",
    ] {
        let body = format!(
            "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl>",
            word_cell("Action", ""),
            word_cell("Lead", ""),
            word_cell("Wide", &format!("<w:gridSpan w:val=\"{span}\"/>")),
        );
        import(
            "span.docx",
            &docx(&body),
            Some("table 1, row 2, cell 1: its w:gridSpan"),
        );
    }
}

#[test]
fn a_megabyte_cell_merged_down_two_thousand_rows_is_shared_not_copied() {
    let big = "word ".repeat(200_000);
    let mut body = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr>",
        word_cell("Action", ""),
        word_cell("Task", ""),
        word_cell(&big, "<w:vMerge w:val=\"restart\"/>"),
        word_cell("Task 1", ""),
    );
    for n in 2..=2_000 {
        body.push_str(&format!(
            "<w:tr>{}{}</w:tr>",
            word_cell("", "<w:vMerge/>"),
            word_cell(&format!("Task {n}"), "")
        ));
    }
    body.push_str("</w:tbl>");
    let (stdout, _) = import("merged.docx", &docx(&body), None);
    assert!(stdout.contains("2000 tasks"), "{stdout}");
}

#[test]
fn a_csv_of_600000_columns_is_refused_at_once() {
    let mut csv = String::from("Action,Lead,Target date");
    csv.push_str(&",x".repeat(600_000));
    csv.push_str("\nOpen the hub,SWP,March 2013\n");
    import("wide.csv", csv.as_bytes(), Some("600003 columns"));
}

#[test]
fn an_unclosed_quote_is_an_error_at_its_line() {
    let csv = "Action,Lead\nOpen the hub,SWP\n\"Train staff,SWP\nMore,SW\n";
    import(
        "quote.csv",
        csv.as_bytes(),
        Some("line 3: a quote opens a cell"),
    );
}

#[test]
fn excel_unicode_text_is_read() {
    let text = "Action\tLead\tTarget date\r\nOuvrir le café\tSWP\tMarch 2013\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (_, tmp) = import("unicode.txt", &bytes, None);
    assert!(written(tmp.path()).contains("Ouvrir le café"));
}

#[test]
fn a_fifo_and_a_link_to_dev_zero_are_refused_unopened() {
    let tmp = tempfile::tempdir().unwrap();
    let made = Command::new("mkfifo")
        .arg(tmp.path().join("pipe.csv"))
        .status()
        .unwrap();
    assert!(made.success());
    let (_, tmp) = import_path(tmp, "pipe.csv", Some("not a regular file"));
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("zero.xlsx")).unwrap();
    import_path(tmp, "zero.xlsx", Some("not a regular file"));
}

#[test]
fn names_with_line_breaks_stay_data() {
    let evil =
        "Plan&#10;[[agency]]&#10;id = &quot;EVIL&quot;&#10;email = &quot;x@evil.example&quot;";
    let (_, tmp) = import(
        "sheet.xlsx",
        &xlsx(evil, &a_plan_table(), "", &[], true),
        None,
    );
    assert_eq!(agency_ids(tmp.path()), ["SWP"]);

    let name = "plan\n[[agency]]\nid = \"EVIL\"\n.csv";
    let csv = "Action,Lead\nOpen the hub,SWP\n";
    let (_, tmp) = import(name, csv.as_bytes(), None);
    assert_eq!(agency_ids(tmp.path()), ["SWP"]);
}

/// The id of every `[[agency]]` in every file written.
fn agency_ids(dir: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    // The plan files: not `.plan-import`, the list of what import wrote.
    let plan_files = walk(&dir.join("out"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "toml"));
    for file in plan_files {
        let text = std::fs::read_to_string(&file).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        for agency in table
            .get("agency")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            ids.push(agency["id"].as_str().unwrap().to_string());
        }
    }
    ids
}

#[test]
fn headings_reach_the_terminal_escaped() {
    let csv = "Action,\x1b]0;owned\x07Lead \x1b[2J\nOpen the hub,SWP\n";
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("esc.csv"), csv).unwrap();
    for extra in [&["--dry-run"][..], &[]] {
        let mut args = vec!["import", "esc.csv", "--out", "out"];
        args.extend(extra);
        let (out, _) = bounded(tmp.path(), &args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{stdout}");
        assert!(
            !stdout.contains('\x1b') && !stdout.contains('\x07'),
            "{stdout:?}"
        );
    }
}

// ---- returned sheets: `plan apply` ----

/// A copy of the partners fixture plan, under git.
fn plan_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/apply/plan");
    common::copy_dir(&fixture, dir.path());
    common::git_on(dir.path(), None, &["init", "-q"]);
    common::git_on(dir.path(), None, &["add", "-A"]);
    common::git_on(dir.path(), None, &["commit", "-qm", "plan"]);
    dir
}

/// A return sheet for SWP: task EJ-1.1.a with `done` (the cell's XML
/// inside `<c r="D2" s="1">`, a date format), and any more rows.
fn a_return(done: &str, more: &str, date1904: bool) -> Vec<u8> {
    let styles = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
    let rows = format!(
        "<row r=\"1\">{}{}{}{}</row><row r=\"2\">{}<c r=\"D2\" s=\"1\">{done}</c></row>{more}",
        text_cell("A1", "Id"),
        text_cell("B1", "New RAG"),
        text_cell("C1", "Progress note"),
        text_cell("D1", "Done on"),
        text_cell("A2", "EJ-1.1.a"),
    );
    let mut book = xlsx("Return", &rows, "", &[("xl/styles.xml", styles)], true);
    if date1904 {
        book = with_1904(&book);
    }
    book
}

/// The same workbook in the 1904 date system (`workbookPr date1904`).
fn with_1904(book: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text).unwrap();
        let text = text.replace("<sheets>", "<workbookPr date1904=\"1\"/><sheets>");
        parts.push((part.name().unwrap().to_string(), text));
    }
    let parts: Vec<(&str, &str)> = parts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    zip(&parts, true)
}

/// `plan apply SWP.xlsx --agency SWP --force` with the bytes given (a
/// crafted sheet carries neither a signature nor fingerprints); the plan's
/// card after it.
fn apply(book: &[u8], code: i32, words: &str) -> String {
    let dir = plan_copy();
    let card = dir.path().join("card.toml");
    let before = std::fs::read_to_string(&card).unwrap();
    std::fs::write(dir.path().join("SWP.xlsx"), book).unwrap();
    let args = ["--dir", ".", "--as-of", "2012-12-03", "apply", "SWP.xlsx"];
    let (out, took) = bounded(
        dir.path(),
        &[&args[..], &["--agency", "SWP", "--force"]].concat(),
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert_eq!(out.status.code(), Some(code), "{all}");
    assert!(all.contains(words), "{all}");
    let after = std::fs::read_to_string(&card).unwrap();
    if code != 0 {
        assert_eq!(before, after, "the plan is unchanged");
    }
    after
}

#[test]
fn a_return_with_a_cell_at_the_last_column_and_row_is_not_read() {
    let far = format!("<row r=\"1048576\">{}</row>", text_cell("XFD1048576", "x"));
    apply(
        &a_return("<v>41246</v>", &far, false),
        2,
        "it is not a return sheet",
    );
}

#[test]
fn a_1904_return_records_the_right_day() {
    // 2012-12-03 is day 41246 counted from 1900, day 39784 from 1904.
    let card = apply(&a_return("<v>39784</v>", "", true), 0, "done 2012-12-03");
    assert!(card.contains("done = 2012-12-03"), "{card}");
    let card = apply(&a_return("<v>41246</v>", "", false), 0, "done 2012-12-03");
    assert!(card.contains("done = 2012-12-03"), "{card}");
}

#[test]
fn a_date_cell_that_is_no_day_is_refused_at_its_cell() {
    apply(
        &a_return("<v>NaN</v>", "", false),
        1,
        "cell D2: `a date cell that holds no number`",
    );
    apply(
        &a_return("<v>3000000</v>", "", false),
        1,
        "cell D2: `date serial 3000000: after 9999-12-31`",
    );
    apply(&a_return("<v>1e308</v>", "", false), 1, "after 9999-12-31");
}

#[test]
fn a_done_date_of_1900_01_01_is_warned_of() {
    let card = apply(
        &a_return("<v>1</v>", "", false),
        0,
        "warning: EJ-1.1.a: done on 1900-01-01",
    );
    assert!(card.contains("done = 1900-01-01"), "{card}");
}

#[test]
fn a_fifo_given_to_apply_is_refused_unopened() {
    let dir = plan_copy();
    let fifo = dir.path().join("SWP.xlsx");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (out, took) = bounded(dir.path(), &["--dir", ".", "apply", "SWP.xlsx"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(took < Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

#[test]
fn an_ods_whose_repeats_expand_past_the_limit_is_refused_before_calamine() {
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Plan"><table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let file = zip(
        &[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content),
        ],
        true,
    );
    import(
        "repeats.ods",
        &file,
        Some("100000 rows of 1000 columns: more than plan reads"),
    );
}

/// An import table whose task's target date is a date cell (`<c r="C2">`
/// in a date format) holding `serial`.
fn dated_plan(serial: &str, date1904: bool) -> Vec<u8> {
    let styles = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
    let rows = format!(
        "<row r=\"1\">{}{}{}</row><row r=\"2\">{}{}<c r=\"C2\" s=\"1\"><v>{serial}</v></c></row>",
        text_cell("A1", "Action"),
        text_cell("B1", "Lead"),
        text_cell("C1", "Target date"),
        text_cell("A2", "Open the hub"),
        text_cell("B2", "SWP"),
    );
    let book = xlsx("Plan", &rows, "", &[("xl/styles.xml", styles)], true);
    if date1904 { with_1904(&book) } else { book }
}

#[test]
fn imported_dates_know_the_1904_system_and_a_date_past_9999_is_a_finding() {
    let (_, tmp) = import("1904.xlsx", &dated_plan("39784", true), None);
    assert!(written(tmp.path()).contains("due = 2012-12-03"));
    let (_, tmp) = import("1900.xlsx", &dated_plan("41246", false), None);
    assert!(written(tmp.path()).contains("due = 2012-12-03"));
    for (serial, text) in [
        ("3000000", "date serial 3000000: after 9999-12-31"),
        ("NaN", "a date cell that holds no number"),
    ] {
        let (stdout, tmp) = import("far.xlsx", &dated_plan(serial, false), None);
        let all = written(tmp.path());
        assert!(all.contains(&format!("due = \"{text}\"")), "{all}");
        assert!(
            stdout.contains(&format!("error[bad-date]: `{text}`")),
            "{stdout}"
        );
    }
}

#[test]
fn an_agencies_file_that_is_a_fifo_is_refused_unopened() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("plan.csv"),
        "Action,Lead\nOpen the hub,SWP\n",
    )
    .unwrap();
    let fifo = tmp.path().join("agencies.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (out, took) = bounded(
        tmp.path(),
        &[
            "import",
            "plan.csv",
            "--out",
            "out",
            "--agencies",
            "agencies.toml",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(took < Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("agencies.toml: not a regular file"),
        "{stderr}"
    );
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn an_xls_declaring_millions_of_rows_is_refused_before_calamine_reserves_them() {
    // LibreOffice's .xls fixture with one byte of its first sheet's
    // DIMENSIONS record changed (as a mutation run found): 6,946,825 rows
    // of 9 columns, which calamine reserved (2.5 GB) before reading a cell.
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/sheet-libreoffice.xls");
    let mut bytes = std::fs::read(fixture).unwrap();
    let at = bytes
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .expect("a DIMENSIONS record");
    bytes[at + 10] = 106;
    import(
        "rows.xls",
        &bytes,
        Some("a sheet declares 6946825 rows of 9 columns"),
    );
}

#[test]
fn grids_of_all_sheets_and_tables_count_together() {
    // Two sheets, each two cells 3,000,000 grid cells apart: 6,000,000 in all.
    let sheet = |n: usize| {
        format!(
            r#"<worksheet xmlns="{SPREADSHEET}"><sheetData><row r="1">{}</row><row r="3000">{}</row></sheetData></worksheet>"#,
            text_cell("A1", &format!("Sheet {n}")),
            text_cell("ALL3000", "far"),
        )
    };
    let (one, two) = (sheet(1), sheet(2));
    let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let rels = format!(
        r#"<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{DOCUMENT_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<workbook xmlns="{SPREADSHEET}" xmlns:r="{DOCUMENT_RELS}"><sheets><sheet name="One" sheetId="1" r:id="rId1"/><sheet name="Two" sheetId="2" r:id="rId2"/></sheets></workbook>"#
    );
    let workbook_rels = format!(
        r#"<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{DOCUMENT_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DOCUMENT_RELS}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#
    );
    let book = zip(
        &[
            ("[Content_Types].xml", types),
            ("_rels/.rels", &rels),
            ("xl/workbook.xml", &workbook),
            ("xl/_rels/workbook.xml.rels", &workbook_rels),
            ("xl/worksheets/sheet1.xml", &one),
            ("xl/worksheets/sheet2.xml", &two),
        ],
        true,
    );
    import(
        "sheets.xlsx",
        &book,
        Some("sheet \"Two\": its cells run from A1 to ALL3000"),
    );

    // Two Word tables of 1,500 rows under a 2,000-column heading: 6,000,000.
    let grid = "<w:gridCol/>".repeat(2_000);
    let table = format!(
        "<w:tbl><w:tblGrid>{grid}</w:tblGrid><w:tr>{}</w:tr>{}</w:tbl>",
        word_cell("Heading", "<w:gridSpan w:val=\"2000\"/>"),
        format!("<w:tr>{}</w:tr>", word_cell("x", "")).repeat(1_500)
    );
    let body = format!("{table}<w:p/>{table}");
    import(
        "tables.docx",
        &docx(&body),
        Some("table 2, 1501 rows of 2000 columns"),
    );
}

#[test]
fn an_xls_with_cells_at_opposite_corners_past_column_256_is_refused() {
    // Two LabelSst records of the fixture moved: one to column 65,536, one
    // to row 65,536. calamine made a grid from the first cell to the last:
    // 137 GB asked for, an abort.
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/sheet-libreoffice.xls");
    let mut bytes = std::fs::read(fixture).unwrap();
    let labels: Vec<usize> = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == [0xFD, 0x00, 0x0A, 0x00])
        .map(|(i, _)| i)
        .take(2)
        .collect();
    bytes[labels[0] + 6..labels[0] + 8].copy_from_slice(&[0xFF, 0xFF]);
    bytes[labels[1] + 4..labels[1] + 6].copy_from_slice(&[0xFF, 0xFF]);
    import(
        "corner.xls",
        &bytes,
        Some("a cell in column 65536 (record at byte"),
    );
}
