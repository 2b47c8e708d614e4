//! Writing an edited file back in its own layout of bytes: toml_edit reads
//! a leading byte order mark and "\r\n" line ends but writes neither, so
//! without this an edit of one task would show every line of the file as
//! changed. Each line the edit kept keeps its own line end; a changed line
//! keeps the end of the line it replaces; an added line takes the end its
//! neighbours share, else the file's most common one.

use similar::{Algorithm, DiffOp};
use std::time::{Duration, Instant};

const BOM: char = '\u{feff}';

/// `edited` (the text toml_edit wrote for `original`) with `original`'s
/// byte order mark, if it had one, and its line ends.
pub fn keep(original: &str, edited: &str) -> String {
    // Neither has a mark or a "\r": nothing to restore, and no diff to make.
    let plain = |text: &str| !text.starts_with(BOM) && !text.contains('\r');
    if plain(original) && plain(edited) {
        return edited.to_string();
    }
    let (bom, original) = match original.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, original),
    };
    let edited = edited.strip_prefix(BOM).unwrap_or(edited);
    let old = lines(original);
    let new = lines(edited);
    let ends = ends_for(&old, &new);
    let mut out = String::with_capacity(edited.len() + new.len() + 3);
    if bom {
        out.push(BOM);
    }
    for (line, end) in new.iter().zip(ends) {
        out.push_str(line.text);
        if !line.end.is_empty() {
            out.push_str(end);
        }
    }
    out
}

/// One line: its text, and how it ends ("\n", "\r\n", or "" for a last
/// line with no end).
#[derive(Clone, Copy)]
struct Line<'t> {
    text: &'t str,
    end: &'t str,
}

impl PartialEq for Line<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Line<'_> {}

impl std::hash::Hash for Line<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    text.split_inclusive('\n')
        .map(|line| {
            let text = line
                .strip_suffix("\r\n")
                .or_else(|| line.strip_suffix('\n'))
                .unwrap_or(line);
            Line {
                text,
                end: &line[text.len()..],
            }
        })
        .collect()
}

/// The line end for each of `new`'s lines, from the lines of `old` they
/// match (in a line diff).
fn ends_for<'t>(old: &[Line<'t>], new: &[Line<'_>]) -> Vec<&'t str> {
    let crlf = old.iter().filter(|l| l.end == "\r\n").count();
    let lf = old.iter().filter(|l| l.end == "\n").count();
    let common: &'t str = if crlf > lf { "\r\n" } else { "\n" };
    // A line with no end (the last) lends none.
    let end_of = |i: usize| Some(old.get(i)?.end).filter(|e| !e.is_empty());
    // An added line between old lines `i - 1` and `i`.
    let added = |i: usize| match (i.checked_sub(1).and_then(end_of), end_of(i)) {
        (Some(before), Some(after)) if before == after => before,
        (Some(only), None) | (None, Some(only)) => only,
        _ => common,
    };
    let mut ends = Vec::with_capacity(new.len());
    // A large rewrite (`plan fmt` of a messy file) gets a rougher diff
    // rather than a long wait.
    let deadline = Instant::now() + Duration::from_secs(1);
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, old, new, Some(deadline));
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                ends.extend((old_index..old_index + len).map(|i| end_of(i).unwrap_or(common)));
            }
            DiffOp::Delete { .. } => {}
            DiffOp::Insert {
                old_index, new_len, ..
            } => ends.extend(std::iter::repeat_n(added(old_index), new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_len,
                ..
            } => {
                let replaced = (0..new_len.min(old_len)).map(|k| end_of(old_index + k));
                ends.extend(replaced.map(|end| end.unwrap_or(common)));
                let extra = new_len.saturating_sub(old_len);
                ends.extend(std::iter::repeat_n(added(old_index + old_len), extra));
            }
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::keep;

    #[test]
    fn one_kind_of_line_end_throughout() {
        assert_eq!(keep("a\nb\n", "a\nc\nd\n"), "a\nc\nd\n");
        assert_eq!(keep("a\r\nb\r\n", "a\nc\nd\n"), "a\r\nc\r\nd\r\n");
        assert_eq!(keep("a\r\nb", "a\nb"), "a\r\nb");
    }

    #[test]
    fn each_kept_line_keeps_its_own_end() {
        let original = "[card]\r\nid = 1\ntitle = \"T\"\n\nlast = 2\r\n";
        let edited = "[card]\nid = 1\ntitle = \"U\"\nnote = \"n\"\n\nlast = 2\n";
        assert_eq!(
            keep(original, edited),
            "[card]\r\nid = 1\ntitle = \"U\"\nnote = \"n\"\n\nlast = 2\r\n"
        );
    }

    #[test]
    fn a_changed_line_keeps_the_end_of_the_line_it_replaces() {
        let original = "a\nb\r\nc\n";
        assert_eq!(keep(original, "a\nB\nc\n"), "a\nB\r\nc\n");
        // Added between two "\r\n" lines: "\r\n", though most are "\n".
        let original = "a\r\nb\r\nc\nd\ne\n";
        assert_eq!(
            keep(original, "a\nx\nb\nc\nd\ne\n"),
            "a\r\nx\r\nb\r\nc\nd\ne\n"
        );
    }

    #[test]
    fn a_byte_order_mark_stays() {
        assert_eq!(keep("\u{feff}a\nb\n", "a\nc\n"), "\u{feff}a\nc\n");
        assert_eq!(keep("\u{feff}a\n", "\u{feff}a\n"), "\u{feff}a\n");
        assert_eq!(keep("a\n", "a\n"), "a\n");
    }
}
