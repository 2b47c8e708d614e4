//! The partners' update round: the plan as an Excel workbook (`plan export
//! --format xlsx`), one return sheet and one ready-to-send message per lead
//! agency (`plan requests`), and the returned sheets read back and applied
//! (`plan apply`). What the written and the read sheets share lives here:
//! the columns of a return sheet and the fingerprint of a task.

pub mod apply;
pub mod mail;
pub mod record;
pub mod requests;
pub mod returns;
pub mod signature;
pub mod words;
pub mod workbook;

use crate::model::Task;

/// The hidden sheet that says what a return sheet was made from.
pub const ABOUT_SHEET: &str = "About";

/// The columns of a return sheet, by header; `plan apply` finds them by
/// these words wherever they stand, so moving a column does no harm.
pub mod column {
    pub const ID: &str = "Id";
    pub const TASK: &str = "Task";
    pub const DUE: &str = "Due";
    pub const DEADLINE: &str = "Deadline";
    pub const STATE: &str = "State";
    pub const RAG: &str = "Current RAG";
    pub const NOTE: &str = "Last note";
    pub const NOTE_DAY: &str = "Note written";
    pub const NEW_RAG: &str = "New RAG";
    pub const PROGRESS: &str = "Progress note";
    pub const DONE_ON: &str = "Done on";
    pub const FINGERPRINT: &str = "Fingerprint";

    /// In the order `plan requests` writes them.
    pub const ALL: [&str; 12] = [
        ID,
        TASK,
        DUE,
        DEADLINE,
        STATE,
        RAG,
        NOTE,
        NOTE_DAY,
        NEW_RAG,
        PROGRESS,
        DONE_ON,
        FINGERPRINT,
    ];

    /// Each column's heading in the catalogue, in the order of [`ALL`]:
    /// `plan requests` writes it in the request's languages, `plan apply`
    /// reads it in any (or the English above).
    pub const KEYS: [&str; 12] = [
        "partners-col-id",
        "partners-col-task",
        "partners-col-due",
        "partners-col-deadline",
        "partners-col-state",
        "partners-col-rag",
        "partners-col-note",
        "partners-col-note-day",
        "partners-col-new-rag",
        "partners-col-progress",
        "partners-col-done-on",
        "partners-col-fingerprint",
    ];
}

/// True for "No change", the New RAG choice that says "reviewed, nothing
/// moved", in any language (any case, any spacing): "Dim newid".
pub fn is_no_change(text: &str) -> bool {
    words::is_no_change(text)
}

/// The longest progress note `plan apply` takes, in characters.
pub const MAX_NOTE: usize = 2_000;

/// A task as it stood when a sheet was made: a hash of what a returned row
/// may change or depends on (RAG, note, done, due, updated). Stable across
/// runs and machines (FNV-1a, 64 bits, as 16 hex digits).
pub fn fingerprint(task: &Task) -> String {
    fnv([
        task.rag.map(|r| r.as_str().to_string()),
        task.note().map(str::to_string),
        task.done.map(|d| d.to_string()),
        task.due_text.clone(),
        task.updated.map(|d| d.to_string()),
    ])
}

/// Fields hashed one after the other, as 16 hex digits.
fn fnv(fields: impl IntoIterator<Item = Option<String>>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for field in fields {
        // A marker per field, so ("a", None) and (None, "a") differ.
        let bytes = match &field {
            Some(text) => [&[1u8][..], text.as_bytes(), &[0xff]].concat(),
            None => vec![0u8],
        };
        for byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::open;

    #[test]
    fn a_fingerprint_changes_with_what_a_row_may_change() {
        let text = "[plan]\ntitle = \"T\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
            [card]\nid = \"EJ\"\ntitle = \"E\"\n\n[[priority]]\nid = 1\ntitle = \"P\"\n\n\
            [[priority.action]]\nid = 1\ntitle = \"A\"\n\n\
            [[priority.action.task]]\nid = \"a\"\ntext = \"T\"\nlead = \"TBC\"\nrag = \"red\"\n";
        let plan = |text: &str| {
            open::from_bytes(vec![("plan.toml".into(), text.as_bytes().to_vec())])
                .plan
                .unwrap()
        };
        let print = |text: &str| fingerprint(plan(text).tasks().next().unwrap());
        let red = print(text);
        assert_eq!(red, print(text), "stable");
        assert_eq!(red.len(), 16);
        assert_ne!(red, print(&text.replace("red", "amber")));
        assert_ne!(red, print(&format!("{text}note = \"n\"\n")));
        assert_eq!(
            red,
            print(&text.replace("text = \"T\"", "text = \"Other\""))
        );
    }
}
