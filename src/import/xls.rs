//! What an `.xls` file asks calamine to allocate, checked before calamine
//! reads it. Its reader reserves room for the rows × columns of each sheet's
//! DIMENSIONS record before it reads a cell (one changed byte made an 8 KB
//! file ask for 2.5 GB), and makes each sheet's grid from its first cell to
//! its last (a cell moved to column 65,536 and another to row 65,536 asked
//! for 137 GB). A BIFF8 sheet holds at most 65,536 rows of 256 columns: a
//! declared area past that, or a cell past the 256th column, is no real
//! sheet and is refused. The workbook stream is found by following the
//! compound file's sector chains (a chain longer than the file's sectors is
//! refused as a loop); a file whose chains cannot be followed has only its
//! bytes searched for DIMENSIONS records, and calamine then reports it.

use crate::error::FileError;
use crate::limits;

/// The most cells a real `.xls` sheet can declare: 65,536 rows × 256 columns.
const MOST: u64 = 65_536 * 256;

/// Refuses a file with a DIMENSIONS record declaring more than 65,536 × 256 cells,
/// or a cell past a real sheet's 256th column (calamine would make a grid
/// as wide as the widest cell: 65,536 × 65,536 cells from two records).
pub fn check(bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(sector) = looping_chain(bytes) {
        return Err(FileError::XlsSectorLoop { sector }.into());
    }
    match workbook_stream(bytes) {
        Some(stream) => check_records(&stream),
        None => check_dimensions(bytes),
    }
}

/// Walks the workbook stream's records: each DIMENSIONS, and each cell's
/// column.
fn check_records(stream: &[u8]) -> anyhow::Result<()> {
    let mut at = 0;
    while let Some(head) = stream.get(at..at + 4) {
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let Some(data) = stream.get(at..at + 4 + len) else {
            break;
        };
        if typ == 0x0200 {
            check_dimensions(data)?;
        }
        let u16_at = |i: usize| data.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
        // Cell records start with a row and a column; MulRk and MulBlank
        // end with their last column.
        let column = match typ {
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 | 0x0201 => u16_at(6),
            0x00BD | 0x00BE => u16_at(4 + len - 2),
            _ => None,
        };
        if let Some(column) = column.filter(|&c| c > 255) {
            return Err(FileError::XlsColumn {
                column: u32::from(column) + 1,
                at,
            }
            .into());
        }
        at += 4 + len;
    }
    Ok(())
}

/// Each DIMENSIONS record found in `bytes` (a record, a stream, or the
/// whole file when its sectors cannot be followed).
fn check_dimensions(bytes: &[u8]) -> anyhow::Result<()> {
    for at in 0..bytes.len().saturating_sub(4) {
        // Record type 0x0200, then its length: 14 (BIFF8), 16, or 10 (BIFF5).
        if bytes[at..at + 2] != [0x00, 0x02] || bytes[at + 3] != 0 {
            continue;
        }
        let len = usize::from(bytes[at + 2]);
        let Some(data) = bytes.get(at + 4..at + 4 + len) else {
            continue;
        };
        let u16_at = |i: usize| u64::from(u16::from_le_bytes([data[i], data[i + 1]]));
        let u32_at = |i: usize| {
            u64::from(u32::from_le_bytes([
                data[i],
                data[i + 1],
                data[i + 2],
                data[i + 3],
            ]))
        };
        let (first_row, last_row, first_col, last_col) = match len {
            14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
            10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
            _ => continue,
        };
        // The record's last row and column are one past the sheet's last.
        let rows = last_row.saturating_sub(first_row);
        let cols = last_col.saturating_sub(first_col);
        limits::within(rows.saturating_mul(cols), MOST, || {
            format!("a sheet declares {rows} rows of {cols} columns (at byte {at})")
        })?;
    }
    Ok(())
}

/// Where a chain of a compound file starts that runs round a loop, as
/// calamine follows it: the directory's (which calamine reads to its end,
/// however long) or a stream's (which it reads to the length its entry
/// declares, up to 4 GiB), its buffer growing each time round. A chain
/// longer than the file has sectors loops. Its FAT is calamine's: every
/// sector the header and DIFAT list. A chain that leaves the file or the
/// FAT is left to calamine, which reports it.
fn looping_chain(file: &[u8]) -> Option<u32> {
    let u16_at = |i: usize| Some(u16::from_le_bytes(file.get(i..i + 2)?.try_into().ok()?));
    let u32_at = |i: usize| Some(u32::from_le_bytes(file.get(i..i + 4)?.try_into().ok()?));
    if file.get(..8)? != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        return None;
    }
    let shift = u32::from(u16_at(0x1E)?);
    if !(7..=16).contains(&shift) {
        return None;
    }
    let size = 1usize << shift;
    let sectors = file.len() / size;
    let sector = |n: u32| file.get((n as usize + 1) * size..(n as usize + 2) * size);
    let words = |s: &[u8]| -> Vec<u32> {
        s.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    };
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(0x4C + 4 * i)).collect();
    let mut next = u32_at(0x44)?;
    for _ in 0..u32_at(0x48)?.min(sectors as u32) {
        let mut listed = words(sector(next)?);
        next = listed.pop()?;
        difat.extend(listed);
    }
    let mut fat = Vec::new();
    for &s in difat.iter().filter(|&&s| s < 0xFFFF_FFFC) {
        fat.extend(words(sector(s)?));
    }
    // Whether the chain from `start` loops before `most` bytes are read.
    let loops = |start: u32, most: u64| {
        let (mut at, mut read) = (start, 0u64);
        for _ in 0..=sectors {
            if at == 0xFFFF_FFFE || sector(at).is_none() || read >= most {
                return false;
            }
            read += size as u64;
            match fat.get(at as usize) {
                Some(&n) => at = n,
                None => return false,
            }
        }
        true
    };
    let start = u32_at(0x30)?;
    if loops(start, u64::MAX) {
        return Some(start);
    }
    let mut directory = Vec::new();
    let mut at = start;
    while let (true, Some(s)) = (at != 0xFFFF_FFFE, sector(at)) {
        directory.extend_from_slice(s);
        at = *fat.get(at as usize)?;
    }
    let cutoff = u64::from(u32_at(0x38)?);
    directory.chunks_exact(128).find_map(|e| {
        let start = u32::from_le_bytes(e[116..120].try_into().ok()?);
        let len = u64::from_le_bytes(e[120..128].try_into().ok()?);
        let big = e[66] == 5 || (e[66] == 2 && len >= cutoff);
        (big && loops(start, len)).then_some(start)
    })
}

/// The workbook stream of a compound file (`Workbook`, or `Book` in BIFF5),
/// read by following its sector chain; `None` when the file is not laid
/// out as a compound file should be (calamine then says so).
fn workbook_stream(file: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |i: usize| Some(u16::from_le_bytes(file.get(i..i + 2)?.try_into().ok()?));
    let u32_at = |i: usize| Some(u32::from_le_bytes(file.get(i..i + 4)?.try_into().ok()?));
    if file.get(..8)? != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        return None;
    }
    let shift = u32::from(u16_at(0x1E)?);
    let mini_shift = u32::from(u16_at(0x20)?);
    if !(7..=16).contains(&shift) || mini_shift >= shift {
        return None;
    }
    let size = 1usize << shift;
    let sector = |n: u32| file.get((n as usize + 1) * size..(n as usize + 2) * size);
    // The FAT's own sectors: 109 listed in the header, the rest in DIFAT sectors.
    let mut fat_sectors: Vec<u32> = (0..109).filter_map(|i| u32_at(0x4C + 4 * i)).collect();
    let mut difat = u32_at(0x44)?;
    for _ in 0..u32_at(0x48)?.min(file.len() as u32) {
        let s = sector(difat)?;
        let words: Vec<u32> = s
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        fat_sectors.extend(&words[..words.len() - 1]);
        difat = *words.last()?;
    }
    let count = u32_at(0x2C)? as usize;
    let mut fat = Vec::new();
    for &s in fat_sectors.iter().filter(|&&s| s < 0xFFFF_FFFA).take(count) {
        fat.extend(
            sector(s)?
                .chunks(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        );
    }
    // A chain longer than the sectors there are repeats itself: a loop, or
    // a file that would be read many times over.
    let chain = |start: u32, table: &[u32], most: usize| -> Option<Vec<u32>> {
        let mut out = Vec::new();
        let mut at = start;
        while at < 0xFFFF_FFFA {
            if out.len() > table.len().min(most) {
                return None; // a loop
            }
            out.push(at);
            at = *table.get(at as usize)?;
        }
        Some(out)
    };
    let read = |start: u32| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for s in chain(start, &fat, file.len() / size)? {
            out.extend_from_slice(sector(s)?);
        }
        Some(out)
    };
    let directory = read(u32_at(0x30)?)?;
    let entry = |name: &str| {
        directory.chunks(128).find(|e| {
            let len = usize::from(u16::from_le_bytes([e[64], e[65]])).min(64);
            let units: Vec<u16> = e[..len.saturating_sub(2)]
                .chunks(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units) == name && e[66] == 2
        })
    };
    let found = entry("Workbook").or_else(|| entry("Book"))?;
    let start = u32::from_le_bytes(found[116..120].try_into().ok()?);
    let length = u32::from_le_bytes(found[120..124].try_into().ok()?) as usize;
    let mut stream = if length < u32_at(0x38)? as usize {
        let root = directory.get(..128)?;
        let mini = read(u32::from_le_bytes(root[116..120].try_into().ok()?))?;
        let mini_fat: Vec<u32> = read(u32_at(0x3C)?)?
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let small = 1usize << mini_shift;
        let mut out = Vec::new();
        for s in chain(start, &mini_fat, mini.len() / small)? {
            out.extend_from_slice(mini.get(s as usize * small..(s as usize + 1) * small)?);
        }
        out
    } else {
        read(start)?
    };
    stream.truncate(length);
    Some(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dimensions(rows: u32, cols: u16) -> Vec<u8> {
        let mut record = vec![0xD0, 0xCF, 0x00, 0x02, 14, 0];
        record.extend(0u32.to_le_bytes());
        record.extend(rows.to_le_bytes());
        record.extend(0u16.to_le_bytes());
        record.extend(cols.to_le_bytes());
        record.extend([0, 0, 0x55]);
        record
    }

    #[test]
    fn the_workbook_stream_of_libreoffice_s_xls_is_found_and_passes() {
        let file = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/sheet-libreoffice.xls"
        ))
        .unwrap();
        let stream = workbook_stream(&file).expect("a compound file");
        assert_eq!(stream[..2], [0x09, 0x08], "it starts with a BOF record");
        assert!(check(&file).is_ok());
        // A Number record at row 0, column 300.
        let mut wide = stream.clone();
        wide.extend([0x03, 0x02, 14, 0, 0, 0, 44, 1, 0, 0]);
        wide.extend(1f64.to_le_bytes());
        let err = check_records(&wide).unwrap_err().to_string();
        assert!(err.contains("a cell in column 301"), "{err}");
    }

    #[test]
    fn a_chain_of_sectors_that_loops_is_refused() {
        let mut file = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/sheet-libreoffice.xls"
        ))
        .unwrap();
        assert_eq!(looping_chain(&file), None);
        // The directory's first sector made to follow itself in the FAT.
        let u32_at = |f: &[u8], i: usize| u32::from_le_bytes(f[i..i + 4].try_into().unwrap());
        let size = 1usize << u16::from_le_bytes([file[0x1E], file[0x1F]]);
        let dir = u32_at(&file, 0x30);
        let fat = u32_at(&file, 0x4C) as usize;
        let at = (fat + 1) * size + 4 * dir as usize;
        file[at..at + 4].copy_from_slice(&dir.to_le_bytes());
        assert_eq!(looping_chain(&file), Some(dir));
        let err = check(&file).unwrap_err().to_string();
        assert!(err.contains("runs round a loop"), "{err}");
    }

    #[test]
    fn a_declared_area_past_a_real_sheet_is_refused() {
        assert!(check(&dimensions(9, 9)).is_ok());
        assert!(check(&dimensions(65_536, 256)).is_ok());
        let err = check(&dimensions(6_946_825, 9)).unwrap_err().to_string();
        assert!(err.contains("declares 6946825 rows of 9 columns"), "{err}");
    }
}
