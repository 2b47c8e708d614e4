//! A plain mirror of the plan files, one struct per kind of TOML table (SPEC
//! section 3), with every value that can be wrong kept beside the place it
//! was written. `read.rs` fills these from the TOML; `validate.rs` turns them
//! into the model. Nothing here knows what a value means.

use crate::source::Loc;
use chrono::NaiveDate;

/// A value and the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub loc: Loc,
}

/// A key written as a twin of another (`title_cy`), as read: which key it
/// names, the language code after it, and its text. The language is
/// checked against the plan's once every file is read.
#[derive(Debug)]
pub struct RawTwin {
    pub key: &'static crate::file_format::Key,
    /// The code as written, at the twin's key.
    pub code: Spanned<String>,
    pub text: crate::translations::TwinText,
}

/// The twins written in one table; in most, none: a null pointer, one word
/// where a `Vec` would be three on each of a plan's many tasks and updates.
#[derive(Debug, Default)]
#[allow(clippy::box_collection)]
pub struct RawTwins(Option<Box<Vec<RawTwin>>>);

impl RawTwins {
    pub fn push(&mut self, twin: RawTwin) {
        self.0.get_or_insert_with(Box::default).push(twin);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn into_vec(self) -> Vec<RawTwin> {
        self.0.map(|twins| *twins).unwrap_or_default()
    }
}

/// Everything one file defines.
#[derive(Debug, Default)]
pub struct RawFile {
    pub plan: Option<RawPlan>,
    pub agencies: Vec<RawAgency>,
    pub card: Option<RawCard>,
    pub priorities: Vec<RawPriority>,
    pub recommendations: Vec<RawRecommendation>,
    pub measures: Vec<RawMeasure>,
    pub events: Vec<RawEvent>,
    /// The `[check]` table's levels, those that name a code that can have one.
    pub check: Option<crate::levels::Levels>,
}

/// `[[event]]`: something target dates count from.
#[derive(Debug)]
pub struct RawEvent {
    pub loc: Loc,
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub date: Option<Spanned<NaiveDate>>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawPlan {
    pub loc: Loc,
    pub title: Spanned<String>,
    pub owner: Option<Spanned<String>>,
    pub start: Spanned<NaiveDate>,
    pub end: Spanned<NaiveDate>,
    pub asap_days: Option<Spanned<i64>>,
    pub year_start: Option<Spanned<i64>>,
    pub review_days: Option<Spanned<i64>>,
    pub max_revisions: Option<Spanned<i64>>,
    pub accountability_threshold: Option<Spanned<i64>>,
    /// `languages`, each code as written.
    pub languages: Option<Spanned<Vec<Spanned<String>>>>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawAgency {
    pub loc: Loc,
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub kind: Option<Spanned<String>>,
    pub aliases: Vec<Spanned<String>>,
    pub part_of: Option<Spanned<String>>,
    pub email: Vec<Spanned<String>>,
    pub contact: Option<Spanned<String>>,
    pub language: Option<Spanned<String>>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawCard {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub outcomes: Vec<Spanned<String>>,
    pub area: Option<Spanned<String>>,
    pub measures: Vec<Spanned<String>>,
    pub story: Option<Spanned<String>>,
    pub challenges: Vec<Spanned<String>>,
    pub main_actions: Vec<Spanned<String>>,
    pub sponsor: Option<Spanned<String>>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawPriority {
    pub loc: Loc,
    pub id: Spanned<u32>,
    pub title: Spanned<String>,
    pub sponsor: Option<Spanned<String>>,
    pub actions: Vec<RawAction>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawAction {
    pub id: Spanned<u32>,
    pub title: Spanned<String>,
    pub sponsor: Option<Spanned<String>>,
    pub tasks: Vec<RawTask>,
    pub twins: RawTwins,
}

/// A `due` or a measure's `period`: text in the date grammar, or a TOML date.
#[derive(Debug, Clone, PartialEq)]
pub enum RawWhen {
    Text(String),
    Date(NaiveDate),
}

#[derive(Debug)]
pub struct RawTask {
    pub loc: Loc,
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    /// The `lead` key's value place, and each lead written.
    pub lead: Option<Spanned<Vec<Spanned<String>>>>,
    pub due: Option<Spanned<RawWhen>>,
    pub resources: Option<Spanned<String>>,
    pub rag: Option<Spanned<String>>,
    pub done: Option<Spanned<NaiveDate>>,
    pub updated: Option<Spanned<NaiveDate>>,
    pub note: Option<Spanned<String>>,
    pub updates: Vec<RawUpdate>,
    /// The keys few tasks have; `None` when it has none of them (a plan of
    /// 100,000 tasks need not carry room for them 100,000 times).
    pub details: Option<Box<RawTaskDetails>>,
    pub twins: RawTwins,
}

/// A task's keys that most tasks do not have: its source reference, a
/// revised target, a status beyond RAG.
#[derive(Debug, Default)]
pub struct RawTaskDetails {
    /// The source document's own reference (`ref`), kept as text.
    pub reference: Option<Spanned<String>>,
    pub original_due: Option<Spanned<RawWhen>>,
    pub due_revisions: Option<Spanned<i64>>,
    pub status: Option<Spanned<String>>,
    pub status_reason: Option<Spanned<String>>,
    pub status_date: Option<Spanned<NaiveDate>>,
    pub carried_to: Option<Spanned<String>>,
    pub next_review: Option<Spanned<NaiveDate>>,
}

impl RawTaskDetails {
    /// `Some` when any key of it was written.
    pub fn boxed(self) -> Option<Box<RawTaskDetails>> {
        let empty = self.reference.is_none()
            && self.original_due.is_none()
            && self.due_revisions.is_none()
            && self.status.is_none()
            && self.status_reason.is_none()
            && self.status_date.is_none()
            && self.carried_to.is_none()
            && self.next_review.is_none();
        (!empty).then(|| Box::new(self))
    }
}

/// One `[[priority.action.task.update]]`.
#[derive(Debug)]
pub struct RawUpdate {
    pub date: Spanned<NaiveDate>,
    /// `review` (absent) or `correction`.
    pub kind: Option<Spanned<String>>,
    pub rag: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    pub by: Option<Spanned<String>>,
    pub evidence: Option<Spanned<String>>,
    /// The return sheet it came from (`plan apply`): "FINGERPRINT row N".
    pub sheet: Option<Spanned<String>>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawRecommendation {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    pub response: Spanned<String>,
    pub response_text: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub actions: Vec<Spanned<String>>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawMeasure {
    pub loc: Loc,
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub better: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub values: Vec<RawMeasureValue>,
    pub target: Option<RawMeasureValue>,
    pub twins: RawTwins,
}

#[derive(Debug)]
pub struct RawMeasureValue {
    pub period: Spanned<RawWhen>,
    pub value: Spanned<f64>,
    pub note: Option<Spanned<String>>,
}
