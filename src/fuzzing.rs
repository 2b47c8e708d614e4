//! Entry points for the fuzz targets in `fuzz/` (and nothing else): the
//! readers of files from outside, each given bytes as a file of its kind,
//! as `plan import` and `plan apply` read them. Not part of the interface.

use std::path::Path;

/// The bytes as a file named `name` in a directory of its own, read by
/// `read`; its result is dropped (a refusal is as good as a reading: only a
/// panic, an abort or a hang is a finding).
fn as_file(name: &str, bytes: &[u8], read: impl FnOnce(&Path)) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join(name);
    if std::fs::write(&path, bytes).is_ok() {
        read(&path);
    }
}

/// `plan import FILE.ext` of the bytes: `docx`, `xlsx`, `ods`, `xls`, `csv`.
pub fn import(ext: &str, bytes: &[u8]) {
    as_file(&format!("fuzz.{ext}"), bytes, |path| {
        let _ = crate::import::read_file(path, None);
    });
}

/// `plan apply SWP.xlsx` of the bytes, the reading of the file only (its
/// rows are the plan's question): a workbook or a CSV, told by its bytes.
pub fn returned(bytes: &[u8]) {
    as_file("SWP.xlsx", bytes, |path| {
        let _ = crate::partners::returns::read(path, 1_000);
    });
}
