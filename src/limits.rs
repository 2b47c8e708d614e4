//! The budget for every file that comes from outside the plan: a document
//! to import, a partner's returned sheet, an `--agencies` registry. One
//! table of limits (written out in docs/robustness.md), one check that the
//! path is a regular file (a FIFO would block, a device or a link to
//! `/dev/zero` would never end), one guard against zip bombs, and one catch
//! for a panic inside a reader crate. Each limit is checked before the
//! memory it guards is asked for.

use anyhow::{Context, bail};
use std::io::{Read, Seek};
use std::path::Path;

/// A plan's own TOML file (read by `load`), at most.
pub const PLAN_FILE_BYTES: u64 = 32 << 20;
/// A file from outside (document, return sheet, `--agencies`), on disk.
pub const FILE_BYTES: u64 = 20 << 20;
/// What the parts of a zipped file (docx, xlsx, ods) unpack to, together.
pub const UNZIPPED_BYTES: u64 = 64 << 20;
/// Cells that hold a value, in all the tables of one file.
pub const CELLS: usize = 500_000;
/// Cells of one table's grid (rows × columns from its first to its last
/// cell with a value), empty ones included.
pub const GRID_CELLS: u64 = 4_000_000;
/// Columns of one table.
pub const COLUMNS: usize = 16_384;
/// Cells covered by merges (Excel merges, Word `vMerge`), in one file.
pub const MERGED_CELLS: u64 = 1_000_000;

/// Refuses a path that is not a regular file (a FIFO, a device, a
/// directory, or a link to one) before it is opened, and one over `max`
/// bytes; returns the file's size.
pub fn regular_file(path: &Path, max: u64) -> anyhow::Result<u64> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a pipe, a device or a socket)"
        };
        bail!("{}: {what}; plan reads only regular files", path.display());
    }
    if meta.len() > max {
        bail!(
            "{} is {} MiB: plan reads files of up to {} MiB from outside the plan; not read",
            path.display(),
            meta.len() >> 20,
            max >> 20
        );
    }
    Ok(meta.len())
}

/// The bytes of a regular file of at most `max` bytes, read through that
/// limit (a file that grows while it is read stops there).
pub fn read(path: &Path, max: u64) -> anyhow::Result<Vec<u8>> {
    let size = regular_file(path, max)?;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    // Checked again on what was opened: a path swapped for a device
    // between the two looks is still refused.
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        bail!(
            "{}: not a regular file; plan reads only regular files",
            path.display()
        );
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > max {
        bail!(
            "{} grew past {} MiB while read; not read",
            path.display(),
            max >> 20
        );
    }
    Ok(bytes)
}

/// The text of a regular file (UTF-8) of at most `max` bytes.
pub fn read_text(path: &Path, max: u64) -> anyhow::Result<String> {
    String::from_utf8(read(path, max)?)
        .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", path.display()))
}

/// Unpacks every part of a zip, counting, before any reader opens it: a zip
/// bomb stops at [`UNZIPPED_BYTES`] whatever sizes its directory claims.
pub fn check_zip(zip: impl Read + Seek) -> anyhow::Result<()> {
    let mut archive = zip::ZipArchive::new(zip).context("not a zip archive")?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let part = archive.by_index(i)?;
        let unpacked = std::io::copy(
            &mut part.take(UNZIPPED_BYTES + 1 - total),
            &mut std::io::sink(),
        )?;
        total += unpacked;
        if total > UNZIPPED_BYTES {
            bail!(
                "its parts unpack to over {} MiB (a zip bomb, or far larger than a plan's table): not read",
                UNZIPPED_BYTES >> 20
            );
        }
    }
    Ok(())
}

/// A workbook's shared-string table declares how many strings it holds, and
/// calamine reserves room for that many before reading one: a count past
/// [`CELLS`] is refused before it is asked for.
pub fn check_xlsx_strings(zip: &[u8]) -> anyhow::Result<()> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(zip)).context("not a zip archive")?;
    let Ok(part) = archive.by_name("xl/sharedStrings.xml") else {
        return Ok(());
    };
    let mut head = Vec::new();
    part.take(64 << 10).read_to_end(&mut head)?;
    let head = String::from_utf8_lossy(&head);
    let Some(at) = head.find("uniqueCount=") else {
        return Ok(());
    };
    let digits: String = head[at + "uniqueCount=".len()..]
        .chars()
        .skip(1)
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return Ok(());
    }
    let count = digits.parse::<u64>().unwrap_or(u64::MAX);
    within(count, CELLS as u64, || {
        format!("its shared-string table declares {digits} strings")
    })
}

/// Runs a reader crate's code; a panic in it becomes "the file is damaged"
/// (and its message is not printed: the file is at fault, not `plan`).
pub fn catch<T>(path: &Path, read: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    match result {
        Ok(result) => result,
        Err(_) => bail!(
            "{}: the file is damaged (its reader failed on it); nothing read from it",
            path.display()
        ),
    }
}

/// A count against its limit: an error naming what is too many.
pub fn within(count: u64, limit: u64, what: impl FnOnce() -> String) -> anyhow::Result<()> {
    if count > limit {
        bail!("{}: more than plan reads ({limit}); not read", what());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_reader_is_a_damaged_file() {
        let path = Path::new("book.xls");
        let read = || -> anyhow::Result<()> {
            let cells: Vec<u8> = Vec::new();
            // What calamine's .xls reader did on a crafted file: a slice
            // index out of range.
            let index = cells.len() + 3;
            let _ = &cells[..index];
            Ok(())
        };
        let err = catch(path, read).unwrap_err();
        assert_eq!(
            err.to_string(),
            "book.xls: the file is damaged (its reader failed on it); nothing read from it"
        );
        assert_eq!(catch(path, || Ok(7)).unwrap(), 7);
    }

    #[test]
    fn counts_past_their_limit_name_what() {
        assert!(within(CELLS as u64, CELLS as u64, || unreachable!()).is_ok());
        let err = within(5, 4, || "sheet \"S\": 5 cells".into()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "sheet \"S\": 5 cells: more than plan reads (4); not read"
        );
    }
}
