//! The plan file format, declared once: each table with its keys, and each
//! key with its shape, whether it is required and what it means. The
//! reader's unknown- and missing-key checks (read.rs), `plan schema`
//! (schema.rs) and `plan fmt`'s key order (format.rs) all come from here, so
//! a key added here is known to all three.

use crate::lang::Lang;
use crate::model::{AgencyKind, Better, Rag, Response, TaskStatus, UpdateKind};
use crate::words::Words;

/// What a key's value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    /// An array of text.
    Texts,
    /// Text or a non-empty array of text (a task's `lead`).
    TextOrTexts,
    /// A TOML date, `2012-10-15`.
    Date,
    /// Text in the date grammar, or a TOML date (`due`, `period`).
    When,
    /// A whole number from `min` up (to `max`, where there is one).
    Count {
        min: i64,
        max: Option<i64>,
    },
    /// Any number.
    Number,
    /// A task's own letters: the last part of `EJ-1.1.a`.
    TaskLetters,
    /// One of a fixed set of words.
    OneOf(&'static [&'static str]),
    /// A table of this format (`[plan]`).
    Table(&'static TableFormat),
    /// An array of tables of this format (`[[agency]]`).
    Tables(&'static TableFormat),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
    pub description: &'static str,
    /// Text people read, written in the plan's first language: in a plan
    /// that declares `languages`, `KEY_xx` is its twin in language xx
    /// (docs/format.md, "Languages").
    pub translatable: bool,
}

impl Key {
    /// The same key, with twins in the plan's other languages.
    const fn translated(mut self) -> Key {
        self.translatable = true;
        self
    }
}

const fn required(name: &'static str, shape: Shape, description: &'static str) -> Key {
    Key {
        name,
        shape,
        required: true,
        description,
        translatable: false,
    }
}

const fn optional(name: &'static str, shape: Shape, description: &'static str) -> Key {
    Key {
        name,
        shape,
        required: false,
        description,
        translatable: false,
    }
}

/// A kind of table, and its keys in the canonical order (`plan fmt` sorts
/// keys by it and `plan schema` offers them in it).
#[derive(Debug, PartialEq, Eq)]
pub struct TableFormat {
    /// Its name in the schema's definitions.
    pub name: &'static str,
    /// How a person names it in a message: `[[priority.action.task]]`.
    pub header: &'static str,
    pub description: &'static str,
    pub keys: &'static [Key],
}

impl TableFormat {
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }

    pub fn key_names(&self) -> impl Iterator<Item = &'static str> {
        self.keys.iter().map(|k| k.name)
    }

    /// A key written as a twin, `title_cy`: the key of this table it is
    /// the twin of, and the language code written after it (not checked:
    /// the plan's languages are known only once every file is read). Any
    /// key of the table, translatable or not, so that `id_cy` is reported
    /// as what it is. `None` for a key that has no such form.
    pub fn twin<'n>(&self, name: &'n str) -> Option<(&'static Key, &'n str)> {
        let (base, code) = name.rsplit_once('_')?;
        let looks_like_a_code = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
        if !looks_like_a_code {
            return None;
        }
        Some((self.key(base)?, code))
    }

    /// Where `plan fmt` puts a key: the declared keys in their order, each
    /// twin right after its key (in the order `plan` lists languages);
    /// other keys after them all.
    pub fn rank(&self, name: &str) -> (usize, usize) {
        let position = |key: &str| self.keys.iter().position(|k| k.name == key);
        if let Some(at) = position(name) {
            return (at, 0);
        }
        match self.twin(name) {
            Some((base, code)) => {
                let lang = Lang::ALL.iter().position(|l| l.code() == code);
                let at = position(base.name).unwrap_or(self.keys.len());
                (at, 1 + lang.unwrap_or(Lang::ALL.len()))
            }
            None => (self.keys.len(), 0),
        }
    }

    /// The keys of this table that have twins.
    pub fn translatable(&self) -> impl Iterator<Item = &'static Key> {
        self.keys.iter().filter(|k| k.translatable)
    }
}

use Shape::*;

/// A plan file: any of these tables, in any file.
pub static FILE: TableFormat = TableFormat {
    name: "file",
    header: "the file",
    description: "A file of a multi-agency action plan kept with `plan`; a plan is a directory of such files.",
    keys: &[
        optional(
            "plan",
            Table(&PLAN),
            "The plan itself: exactly one file holds it",
        ),
        optional("agency", Tables(&AGENCY), "The registry of leads"),
        optional("card", Table(&CARD), "A report card"),
        optional(
            "priority",
            Tables(&PRIORITY),
            "The card's priorities (\"We will ...\")",
        ),
        optional(
            "recommendation",
            Tables(&RECOMMENDATION),
            "The scrutiny recommendations and the responses",
        ),
        optional("measure", Tables(&MEASURE), "The curves to turn"),
        optional(
            "event",
            Tables(&EVENT),
            "Things target dates count from: a decision, a publication, a notification",
        ),
        optional(
            "check",
            Table(&CHECK),
            "How seriously `plan check` takes each code of a warning",
        ),
    ],
};

pub static EVENT: TableFormat = TableFormat {
    name: "event",
    header: "[[event]]",
    description: "An event that target dates count from (`6 months after exec-decision`)",
    keys: &[
        required(
            "id",
            Text,
            "Unique id, used after `after` in a target date (e.g. \"exec-decision\")",
        ),
        required("title", Text, "What the event is").translated(),
        optional(
            "date",
            Date,
            "The day it happened; until then, the tasks counted from it wait",
        ),
    ],
};

/// The plan's own levels for `plan check`'s codes (src/levels.rs); the
/// command line's `--allow`, `--warn`, `--deny` win over them.
pub static CHECK: TableFormat = TableFormat {
    name: "check",
    header: "[check]",
    description: "Levels of plan check's warning codes: allowed findings are counted, not shown; denied ones fail the check",
    keys: &[
        optional(
            "allow",
            Texts,
            "Warning codes whose findings are accepted: counted, not shown (e.g. [\"unassigned-lead\"])",
        ),
        optional("warn", Texts, "Codes reported as warnings (the default)"),
        optional(
            "deny",
            Texts,
            "Warning codes whose findings fail the check as errors (e.g. [\"no-target-date\"])",
        ),
    ],
};

pub static PLAN: TableFormat = TableFormat {
    name: "plan",
    header: "[plan]",
    description: "The plan itself: exactly one file holds it",
    keys: &[
        required("title", Text, "The plan's title").translated(),
        optional(
            "owner",
            Text,
            "Who owns the plan, e.g. the partnership forum",
        ),
        optional(
            "languages",
            Texts,
            "The languages the plan is written in, the first placed first (e.g. [\"cy\", \"en\"]): the unsuffixed keys hold the first's text, `KEY_xx` the others' (default: English only)",
        ),
        required(
            "start",
            Date,
            "First day of the plan: relative target dates (\"6 months\", \"ASAP\") count from it",
        ),
        required("end", Date, "Last day of the plan"),
        optional(
            "asap_days",
            Count {
                min: 0,
                max: Some(3660),
            },
            "Deadline of \"ASAP\"/\"Immediate\" = start + asap_days (default 30)",
        ),
        optional(
            "year_start",
            Count {
                min: 1,
                max: Some(12),
            },
            "First month of the financial year (default 4, April)",
        ),
        optional(
            "review_days",
            Count {
                min: 1,
                max: Some(3660),
            },
            "An ongoing task not reviewed for this many days is stale (default 92)",
        ),
        optional(
            "max_revisions",
            Count {
                min: 0,
                max: Some(1000),
            },
            "A task whose target date was revised more often than this is a warning (default 2)",
        ),
        optional(
            "accountability_threshold",
            Count {
                min: 0,
                max: Some(100),
            },
            "The Highlight Report lists agencies and cards whose accountability score is below this (default 50)",
        ),
    ],
};

pub static AGENCY: TableFormat = TableFormat {
    name: "agency",
    header: "[[agency]]",
    description: "An agency, team, person or role that leads tasks",
    keys: &[
        required("id", Text, "Unique id, used in `lead` (e.g. \"SWP\")"),
        required("name", Text, "The agency's name").translated(),
        optional(
            "kind",
            OneOf(<AgencyKind as Words>::WORDS),
            "What kind of lead it is (default organisation)",
        ),
        optional(
            "aliases",
            Texts,
            "Other spellings of the agency in `lead`, matched ignoring case",
        ),
        optional(
            "part_of",
            Text,
            "Id of the agency this one belongs to: its tasks count for that one too",
        ),
        optional(
            "email",
            TextOrTexts,
            "Where the update round's requests go: an address, or an array of them",
        ),
        optional(
            "contact",
            Text,
            "The person or role the requests are addressed to (\"Dear ...\")",
        ),
        optional(
            "language",
            OneOf(&Lang::CODES),
            "The language the agency's requests go in: \"cy\" or \"en\" (default: every language of the plan)",
        ),
    ],
};

pub static CARD: TableFormat = TableFormat {
    name: "card",
    header: "[card]",
    description: "A report card",
    keys: &[
        required(
            "id",
            Text,
            "Short unique code, used in task ids (e.g. \"EJ\")",
        ),
        required("title", Text, "The report card's theme").translated(),
        optional("outcomes", Texts, "The population outcomes the card serves").translated(),
        optional("area", Text, "Neighbourhood management area"),
        optional("measures", Texts, "Ids of the [[measure]] curves to turn"),
        optional("main_actions", Texts, "\"What are our main actions?\"").translated(),
        optional("story", Text, "The story behind the curve").translated(),
        optional("challenges", Texts, "The challenges to address").translated(),
        optional(
            "sponsor",
            Text,
            "Political owner: an agency or a person's role (e.g. \"Cabinet Member for Communities\")",
        ),
    ],
};

pub static PRIORITY: TableFormat = TableFormat {
    name: "priority",
    header: "[[priority]]",
    description: "A priority: \"We will ...\"",
    keys: &[
        required(
            "id",
            Count { min: 1, max: None },
            "Number of the priority within its card",
        ),
        required("title", Text, "\"We will ...\"").translated(),
        optional(
            "sponsor",
            Text,
            "Political owner: an agency or a person's role (e.g. \"Cabinet Member for Communities\")",
        ),
        optional("action", Tables(&ACTION), "The actions of this priority"),
    ],
};

pub static ACTION: TableFormat = TableFormat {
    name: "action",
    header: "[[priority.action]]",
    description: "An action of a priority",
    keys: &[
        required(
            "id",
            Count { min: 1, max: None },
            "Number of the action within its priority",
        ),
        required("title", Text, "What the action is").translated(),
        optional(
            "sponsor",
            Text,
            "Political owner: an agency or a person's role (e.g. \"Cabinet Member for Communities\")",
        ),
        optional("task", Tables(&TASK), "The tasks of this action"),
    ],
};

pub static TASK: TableFormat = TableFormat {
    name: "task",
    header: "[[priority.action.task]]",
    description: "A task of an action",
    keys: &[
        required(
            "id",
            TaskLetters,
            "Letter(s) of the task within its action: the full id is CARD-PRIORITY.ACTION.TASK",
        ),
        optional(
            "ref",
            Text,
            "The source document's own reference for the task (\"1.1a\", \"SR (25/26) 01\"), kept as text",
        ),
        required("text", Text, "What is to be done").translated(),
        required(
            "lead",
            TextOrTexts,
            "Lead agencies: ids, names or aliases; \"TBC\" for none yet; \"all\" for every organisation",
        ),
        optional(
            "due",
            When,
            "Target date: a date, or text such as \"Summer 2012 & On-going\", \"6 months\", \"ASAP\", \"By end of March 2013\", \"6 months after EJ-4.3.a\", \"TBC\"",
        ),
        optional("resources", Text, "Resources required"),
        optional(
            "rag",
            OneOf(<Rag as Words>::ACCEPTED),
            "RAG status: red off track, amber at risk, green on track, blue complete; absent = not yet rated",
        ),
        optional(
            "done",
            Date,
            "Day the task was completed (with rag = \"blue\")",
        ),
        optional("updated", Date, "Day of the last review"),
        optional("note", Text, "Progress note").translated(),
        optional(
            "original_due",
            When,
            "The first target date, kept when `due` is revised (`plan set --due` writes it once)",
        ),
        optional(
            "due_revisions",
            Count { min: 0, max: None },
            "How many times the target date was revised",
        ),
        optional(
            "status",
            OneOf(<TaskStatus as Words>::WORDS),
            "active (default), on-hold, withdrawn or carried-forward",
        ),
        optional(
            "status_reason",
            Text,
            "Why the task is on hold, withdrawn or carried forward (required with those)",
        )
        .translated(),
        optional(
            "status_date",
            Date,
            "Day the status took effect (default: the last update)",
        ),
        optional(
            "carried_to",
            Text,
            "The later plan a carried-forward task moved to",
        ),
        optional(
            "next_review",
            Date,
            "For a done task: the day its result is to be reviewed",
        ),
        optional(
            "update",
            Tables(&UPDATE),
            "The task's update history, one entry a review",
        ),
    ],
};

pub static UPDATE: TableFormat = TableFormat {
    name: "update",
    header: "[[priority.action.task.update]]",
    description: "A dated update of a task",
    keys: &[
        required("date", Date, "Day of the update"),
        optional(
            "kind",
            OneOf(<UpdateKind as Words>::WORDS),
            "review (the default): how the task stands, its RAG, note and last review; correction: a correction of the record (a misread target), shown but no review",
        ),
        optional(
            "rag",
            OneOf(<Rag as Words>::ACCEPTED),
            "The RAG status given in this update",
        ),
        optional("note", Text, "Progress note").translated(),
        optional(
            "by",
            Text,
            "The agency that gave the update: an id, name or alias",
        ),
        optional("evidence", Text, "Evidence of progress: text or a URL"),
        optional(
            "sheet",
            Text,
            "The return sheet it came from, as `plan apply` records it: the sheet's fingerprint and row",
        ),
    ],
};

pub static RECOMMENDATION: TableFormat = TableFormat {
    name: "recommendation",
    header: "[[recommendation]]",
    description: "A scrutiny recommendation",
    keys: &[
        required("id", Text, "Unique id, e.g. \"R1\""),
        required("text", Text, "The recommendation").translated(),
        required(
            "response",
            OneOf(<Response as Words>::WORDS),
            "The response to it",
        ),
        optional("response_text", Text, "The response in full").translated(),
        optional("owner", Text, "Who owns the response"),
        optional(
            "actions",
            Texts,
            "Full ids of the actions (or tasks) that deliver it, e.g. \"EJ-1.1\"",
        ),
    ],
};

pub static MEASURE: TableFormat = TableFormat {
    name: "measure",
    header: "[[measure]]",
    description: "A measure: a curve to turn",
    keys: &[
        required("id", Text, "Unique id, e.g. \"M3\""),
        required("title", Text, "The curve to turn").translated(),
        required(
            "better",
            OneOf(<Better as Words>::WORDS),
            "Which way the curve should turn",
        ),
        optional("unit", Text, "Unit of the values"),
        optional("values", Tables(&MEASURE_VALUE), "The time series"),
        optional(
            "target",
            Table(&MEASURE_VALUE),
            "The value aimed at, and by when",
        ),
    ],
};

pub static MEASURE_VALUE: TableFormat = TableFormat {
    name: "measure_value",
    header: "a measure's value",
    description: "A value of a measure in a period",
    keys: &[
        required("period", When, "A date or a period such as \"Q1 2012-13\""),
        required("value", Number, "The value"),
        optional("note", Text, "About this value"),
    ],
};

/// Every kind of table, the file first.
pub static TABLES: [&TableFormat; 13] = [
    &FILE,
    &PLAN,
    &AGENCY,
    &CARD,
    &PRIORITY,
    &ACTION,
    &TASK,
    &UPDATE,
    &RECOMMENDATION,
    &MEASURE,
    &MEASURE_VALUE,
    &EVENT,
    &CHECK,
];
