//! The plan's files as read from disk: their names and text, and the map
//! from a byte offset to the line and column a person sees.

use std::sync::OnceLock;

/// Which file, by its index in [`Sources`].
pub type FileId = usize;

/// A place in a file: a byte range of its text. Kept small (every value
/// read from a plan carries one): files are at most 32 MiB, so offsets fit
/// in 32 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    file: u32,
    start: u32,
    end: u32,
}

impl Loc {
    pub fn new(file: FileId, span: std::ops::Range<usize>) -> Loc {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Loc {
            file: narrow(file),
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }

    pub fn file(&self) -> FileId {
        self.file as FileId
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// A line and a column, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to people: relative to the current directory where it can be.
    pub name: String,
    pub path: std::path::PathBuf,
    /// The file's text; empty when it could not be taken as text.
    pub text: String,
    line_starts: OnceLock<Vec<usize>>,
    /// The number of characters before each [`BLOCK`] of bytes, built for the
    /// first column asked for far into a long line: counting from the line's
    /// start each time made 100,000 findings on a 1 MB line quadratic.
    char_marks: OnceLock<Vec<usize>>,
}

const BLOCK: usize = 256;

/// Characters in UTF-8 bytes: every byte that is not a continuation byte.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    pub fn new(name: String, path: std::path::PathBuf, text: String) -> SourceFile {
        SourceFile {
            name,
            path,
            text,
            line_starts: OnceLock::new(),
            char_marks: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let column = self.chars_between(starts[line], offset) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The characters in `from..to`, in time independent of how far apart they are.
    fn chars_between(&self, from: usize, to: usize) -> usize {
        let bytes = self.text.as_bytes();
        if to - from <= BLOCK {
            return count_chars(&bytes[from..to]);
        }
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut before = 0;
            marks.push(0);
            for block in bytes.chunks(BLOCK) {
                before += count_chars(block);
                marks.push(before);
            }
            marks
        });
        let before = |at: usize| marks[at / BLOCK] + count_chars(&bytes[at / BLOCK * BLOCK..at]);
        before(to) - before(from)
    }

    /// The byte range of the whole lines that `start..end` touches.
    pub fn line_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let starts = self.line_starts();
        let first = starts.partition_point(|&s| s <= start.min(self.text.len())) - 1;
        let last = starts.partition_point(|&s| s <= end.min(self.text.len())) - 1;
        let from = starts[first];
        let mut to = starts
            .get(last + 1)
            .map(|&s| s.saturating_sub(1))
            .unwrap_or(self.text.len());
        // A Windows line end is "\r\n": the "\r" is not part of the line.
        if to > from && self.text.as_bytes()[to - 1] == b'\r' {
            to -= 1;
        }
        from..to.max(from)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Every file of a plan, in the order they were read.
#[derive(Debug, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Frees the files' text once nothing will quote it (names stay).
    pub fn forget_texts(&mut self) {
        for file in &mut self.files {
            file.text = String::new();
            file.line_starts = OnceLock::new();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let file = SourceFile::new(
            "a.toml".into(),
            "a.toml".into(),
            "a = 1\nb = \"é x\"\n".into(),
        );
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(6), LineCol { line: 2, column: 1 });
        // "é" is two bytes but one column.
        let x = file.text.find('x').unwrap();
        assert_eq!(file.line_col(x), LineCol { line: 2, column: 8 });
        assert_eq!(file.line_range(7, 8), 6..16);
    }

    #[test]
    fn columns_far_into_a_long_line() {
        let line = "\u{e9}a".repeat(10_000);
        let file = SourceFile::new("x".into(), "x".into(), format!("x\n{line}"));
        for offset in [2, 4, 5, 257, 259, 4097, 4099, 9_002, 20_003, 30_002] {
            let want = file.text[2..offset].chars().count() + 1;
            assert_eq!(file.line_col(offset).column, want, "{offset}");
        }
    }

    #[test]
    fn a_windows_line_end_is_not_part_of_the_line() {
        let file = SourceFile::new(
            "a.toml".into(),
            "a.toml".into(),
            "a = 1\r\nb = 2\r\n".into(),
        );
        assert_eq!(&file.text[file.line_range(0, 1)], "a = 1");
        assert_eq!(&file.text[file.line_range(7, 8)], "b = 2");
        assert_eq!(file.line_col(7), LineCol { line: 2, column: 1 });
    }
}
