//! The sheet dimensions an `.xls` file declares, checked before calamine
//! reads it: its reader reserves room for the rows × columns of each sheet's
//! DIMENSIONS record before it reads a cell, so one changed byte made an
//! 8 KB file ask for 2.5 GB. A BIFF8 sheet holds at most 65,536 rows of 256
//! columns (a reservation calamine can make); a declared area past that is
//! no real sheet and is refused. The records are looked for in the file's
//! bytes as they lie (the workbook stream's sectors are not followed), so
//! this is a guard for the usual layout, not a parse.

use crate::limits;

/// The most cells a real `.xls` sheet can declare: 65,536 rows × 256 columns.
const MOST: u64 = 65_536 * 256;

/// Refuses a file with a DIMENSIONS record declaring more than [`MOST`].
pub fn check(bytes: &[u8]) -> anyhow::Result<()> {
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
    fn a_declared_area_past_a_real_sheet_is_refused() {
        assert!(check(&dimensions(9, 9)).is_ok());
        assert!(check(&dimensions(65_536, 256)).is_ok());
        let err = check(&dimensions(6_946_825, 9)).unwrap_err().to_string();
        assert!(err.contains("declares 6946825 rows of 9 columns"), "{err}");
    }
}
