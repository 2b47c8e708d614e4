//! The canonical layout of a plan file (`plan fmt`): keys in the order the
//! SPEC shows them, `key = value` with single spaces, one blank line before
//! each table and never two in a row, `lead` always an array, a `due` that
//! is a plain date written as a TOML date. Comments stay where they are.
//! Formatting a formatted file changes nothing.

use crate::error::Error;
use crate::file_format::{self, Shape, TableFormat};
use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// The format of the table under `key` of a table of `format`, if the file
/// format declares one there.
fn child(format: Option<&'static TableFormat>, key: &str) -> Option<&'static TableFormat> {
    match format?.key(key)?.shape {
        Shape::Table(table) | Shape::Tables(table) => Some(table),
        _ => None,
    }
}

/// The text in canonical layout.
pub fn format_text(text: &str) -> Result<String, Error> {
    let mut doc: DocumentMut = text.parse().map_err(Error::NotToml)?;
    let first = first_header(doc.as_table(), None);
    tidy_table(doc.as_table_mut(), Some(&file_format::FILE), first);
    let trailing = doc.trailing().as_str().unwrap_or("").to_string();
    doc.set_trailing(tidy_lines(&trailing, false));
    let mut out = doc.to_string();
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    Ok(crate::line_ends::keep(text, &out))
}

/// The smallest position of a table with a header: it gets no blank line before it.
fn first_header(table: &Table, mut first: Option<isize>) -> Option<isize> {
    for (_, item) in table.iter() {
        let tables: Vec<&Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter().collect(),
            _ => continue,
        };
        for t in tables {
            if let (false, Some(p)) = (t.is_implicit(), t.position()) {
                first = Some(first.map_or(p, |f| f.min(p)));
            }
            first = first_header(t, first);
        }
    }
    first
}

fn tidy_table(table: &mut Table, format: Option<&'static TableFormat>, first: Option<isize>) {
    // Keys in the order the file format declares them, each twin
    // (`title_cy`) right after its key; others follow, as they were.
    let rank = |key: &str| format.map_or((0, 0), |f| f.rank(key));
    table.sort_values_by(|k1, _, k2, _| rank(k1.get()).cmp(&rank(k2.get())));

    if format.is_some_and(|f| f.name == file_format::TASK.name) {
        if let Some(Item::Value(lead @ Value::String(_))) = table.get_mut("lead") {
            let decor = lead.decor().clone();
            let mut array = Array::new();
            array.push(lead.clone());
            if let Some(Value::String(s)) = array.get_mut(0) {
                s.decor_mut().clear();
            }
            *lead = Value::Array(array);
            *lead.decor_mut() = decor;
        }
        if let Some(Item::Value(due)) = table.get_mut("due")
            && let Some(date) = plain_date(due)
        {
            let decor = due.decor().clone();
            *due = date;
            *due.decor_mut() = decor;
        }
    }

    if !table.is_implicit() && table.position().is_some() {
        let prefix = decor_text(table.decor().prefix());
        let blank_before = table.position() != first;
        table
            .decor_mut()
            .set_prefix(tidy_lines(&prefix, blank_before));
    }

    for (mut key, item) in table.iter_mut() {
        let name = key.get().to_string();
        match item {
            Item::Value(value) => {
                let prefix = decor_text(key.leaf_decor().prefix());
                key.leaf_decor_mut().set_prefix(tidy_lines(&prefix, false));
                key.leaf_decor_mut().set_suffix(" ");
                value.decor_mut().set_prefix(" ");
                let suffix = decor_text(value.decor().suffix());
                let comment = suffix.trim();
                value.decor_mut().set_suffix(if comment.is_empty() {
                    String::new()
                } else {
                    format!(" {comment}")
                });
            }
            Item::Table(sub) => tidy_table(sub, child(format, &name), first),
            Item::ArrayOfTables(tables) => {
                for sub in tables.iter_mut() {
                    tidy_table(sub, child(format, &name), first);
                }
            }
            Item::None => {}
        }
    }
}

fn decor_text(raw: Option<&toml_edit::RawString>) -> String {
    raw.and_then(|r| r.as_str()).unwrap_or("").to_string()
}

/// Lines before a key or header: trailing spaces cut, no blank line first,
/// never two blank lines in a row; with `blank_before`, one blank line first.
fn tidy_lines(text: &str, blank_before: bool) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        let blank = line.is_empty();
        if blank && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    let mut out = String::new();
    if blank_before {
        out.push('\n');
    }
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A `due` written as the text "2012-10-15": the TOML date 2012-10-15.
pub(crate) fn plain_date(value: &Value) -> Option<Value> {
    let text = value.as_str()?.trim();
    crate::dates::parse_day(text).ok()?;
    text.parse::<toml_edit::Datetime>().ok().map(Value::from)
}

#[cfg(test)]
mod tests {
    use super::format_text;

    #[test]
    fn a_messy_task_is_laid_out() {
        let messy = "# The card\n[card]\ntitle=\"T\"\nid  =   \"EJ\"\n\n\n\n[[priority]]\nid=1\ntitle = \"P\"\n[[priority.action]]\ntitle=\"A\"\nid=1\n[[priority.action.task]]\nrag = \"green\"   # checked\nlead = \"SWP\"\n\n\n# when\ndue = \"2012-10-15\"\nid = \"a\"\ntext = \"t\"\n\n\n";
        let tidy = "# The card\n[card]\nid = \"EJ\"\ntitle = \"T\"\n\n[[priority]]\nid = 1\ntitle = \"P\"\n\n[[priority.action]]\nid = 1\ntitle = \"A\"\n\n[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\n# when\ndue = 2012-10-15\nrag = \"green\" # checked\n";
        assert_eq!(format_text(messy).unwrap(), tidy);
        assert_eq!(format_text(tidy).unwrap(), tidy);
    }

    #[test]
    fn each_twin_follows_its_key() {
        let messy = "[[agency]]\nname_en = \"Trefynydd Police\"\nemail = \"a@example.org\"\nname = \"Heddlu Trefynydd\"\nid = \"HT\"\nname_cy = \"x\"\n";
        let tidy = "[[agency]]\nid = \"HT\"\nname = \"Heddlu Trefynydd\"\nname_cy = \"x\"\nname_en = \"Trefynydd Police\"\nemail = \"a@example.org\"\n";
        assert_eq!(format_text(messy).unwrap(), tidy);
        assert_eq!(format_text(tidy).unwrap(), tidy);
    }

    #[test]
    fn windows_line_ends_stay() {
        let crlf = "[plan]\r\ntitle=\"T\"\r\n\r\n\r\n[[agency]]\r\nid = \"SWP\"\r\n";
        let tidy = format_text(crlf).unwrap();
        assert_eq!(
            tidy,
            "[plan]\r\ntitle = \"T\"\r\n\r\n[[agency]]\r\nid = \"SWP\"\r\n"
        );
        assert_eq!(format_text(&tidy).unwrap(), tidy);
    }

    #[test]
    fn a_byte_order_mark_and_each_line_s_end_stay() {
        let text = "\u{feff}[plan]\ntitle = \"T\"\r\nstart = 2012-04-01\n";
        assert_eq!(format_text(text).unwrap(), text);
        let messy = "\u{feff}[plan]\ntitle=\"T\"\r\nstart = 2012-04-01\n";
        assert_eq!(format_text(messy).unwrap(), text);
    }

    #[test]
    fn comments_and_single_blank_lines_stay() {
        let text = "[plan]\ntitle = \"T\" # the title\n# the start\nstart = 2012-04-01\nend = 2013-03-31\n\n# ---- Agencies ----\n\n[[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n# trailing note\n";
        assert_eq!(format_text(text).unwrap(), text);
    }
}
