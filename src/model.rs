//! The validated plan: report cards, priorities ("We will ..."), actions and
//! tasks, the agencies that lead them, the scrutiny recommendations and the
//! measures. Every reference in here has been checked; queries can trust it.

use crate::dates::{Calendar, Interval, TargetDate};
use crate::lang::Lang;
use crate::source::Loc;
pub use crate::translations::Translations;
use crate::words::words;
use chrono::NaiveDate;

#[derive(Debug, Default)]
pub struct Plan {
    pub meta: PlanMeta,
    pub agencies: Vec<Agency>,
    pub cards: Vec<Card>,
    pub recommendations: Vec<Recommendation>,
    pub measures: Vec<Measure>,
    pub events: Vec<Event>,
}

/// Something target dates count from: a decision, a publication.
#[derive(Debug)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// The day it happened; `None` while it has not (its tasks wait).
    pub date: Option<NaiveDate>,
    pub loc: Loc,
    /// The twins of its texts in the plan's other languages.
    pub translations: Translations,
}

#[derive(Debug, Clone, Default)]
pub struct PlanMeta {
    pub title: String,
    pub owner: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub asap_days: u32,
    pub year_start: u32,
    pub review_days: u32,
    /// Revisions of a task's target date past which `check` warns.
    pub max_revisions: u32,
    /// Accountability score (0-100) below which the Highlight Report lists an agency or card.
    pub accountability_threshold: u32,
    /// The languages the plan is written in, the first placed first; empty: English only.
    pub languages: Vec<Lang>,
    /// The twins of its title.
    pub translations: Translations,
}

impl PlanMeta {
    /// The language of the plan's unsuffixed texts: the first it declares,
    /// English where it declares none.
    pub fn first_language(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::En)
    }

    pub fn calendar(&self) -> Calendar {
        Calendar {
            start: self.start,
            end: self.end,
            asap_days: self.asap_days,
            year_start: self.year_start,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    Organisation,
    Team,
    Person,
    Role,
}

words!(AgencyKind {
    Organisation => "organisation" | "organization",
    Team => "team",
    Person => "person",
    Role => "role",
});

/// Index of an agency in [`Plan::agencies`].
pub type AgencyIdx = usize;

#[derive(Debug)]
pub struct Agency {
    pub id: String,
    pub name: String,
    pub kind: AgencyKind,
    pub aliases: Vec<String>,
    pub part_of: Option<AgencyIdx>,
    /// Where the update round's requests go (none: the request is a draft with no `To:`).
    pub email: Vec<String>,
    /// The person or role a request is addressed to.
    pub contact: Option<String>,
    pub loc: Loc,
    pub translations: Translations,
    /// The language its requests go in; `None`: every language of the plan.
    pub language: Option<Lang>,
}

/// The words a plan uses for "nobody yet", each shown as the plan's
/// source wrote it (RH-1.6.a's "Not identified" is no `TBC`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unassigned {
    Tbc,
    NotIdentified,
    Unassigned,
}

impl Unassigned {
    /// Each word, lowercase, as leads are matched.
    pub const ALL: [(&'static str, Unassigned); 3] = [
        ("tbc", Unassigned::Tbc),
        ("not identified", Unassigned::NotIdentified),
        ("unassigned", Unassigned::Unassigned),
    ];

    /// The word as reports show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Unassigned::Tbc => "TBC",
            Unassigned::NotIdentified => "Not identified",
            Unassigned::Unassigned => "unassigned",
        }
    }
}

/// Who leads a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    Agency(AgencyIdx),
    /// `TBC`, "Not identified": nobody yet, with the word the plan used.
    Unassigned(Unassigned),
    /// "Each Partners agency": every organisation in the registry.
    All,
}

#[derive(Debug)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub outcomes: Vec<String>,
    pub area: Option<String>,
    pub measures: Vec<String>,
    pub story: Option<String>,
    pub challenges: Vec<String>,
    pub main_actions: Vec<String>,
    /// The political owner: an agency or a person's role.
    pub sponsor: Option<String>,
    pub priorities: Vec<Priority>,
    pub translations: Translations,
}

/// "We will ...".
#[derive(Debug)]
pub struct Priority {
    pub id: String,
    pub title: String,
    pub sponsor: Option<String>,
    pub actions: Vec<Action>,
    pub translations: Translations,
}

#[derive(Debug)]
pub struct Action {
    pub id: String,
    pub title: String,
    pub sponsor: Option<String>,
    pub tasks: Vec<Task>,
    pub translations: Translations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Red,
    Amber,
    Green,
    Blue,
}

words!(Rag {
    Red => "red",
    Amber => "amber",
    Green => "green",
    Blue => "blue" | "complete",
});

#[derive(Debug)]
pub struct Task {
    /// The full id, `EJ-1.1.a`.
    pub id: String,
    pub text: String,
    pub leads: Vec<Lead>,
    /// The `due` as written, for people; `None` when absent.
    pub due_text: Option<String>,
    pub target: TargetDate,
    pub resources: Option<String>,
    pub rag: Option<Rag>,
    pub done: Option<NaiveDate>,
    /// The day of the last review: the later of `updated` and the last entry's date.
    pub updated: Option<NaiveDate>,
    /// The task's own `note` where it has update entries too (a task with
    /// only `note`/`updated` reads as one entry): the latest note is an
    /// entry's where one has a note (see [`Task::note`]), this one is shown
    /// beside it (`query::latest_words`).
    pub own_note: Option<String>,
    /// The update history in the order written (date order once checked);
    /// a task with only `note`/`updated` reads as one entry.
    pub updates: Vec<Update>,
    pub status: TaskStatus,
    /// What few tasks have; `None` when the task has none of it. Kept
    /// apart so that a plan of 100,000 tasks does not carry it 100,000 times.
    pub details: Option<Box<TaskDetails>>,
    pub loc: Loc,
    /// The twins of `text`, `status_reason` and `own_note` (a task's `note`
    /// read as its one entry takes its twins with it, to [`Update`]).
    pub translations: Translations,
}

/// A task's keys that most tasks do not have: see [`Task::details`].
#[derive(Debug, Default)]
pub struct TaskDetails {
    /// The source document's own reference (`ref`, e.g. "1.1a"), as written.
    pub reference: Option<String>,
    /// The first target date, as written, where it was revised.
    pub original_due: Option<String>,
    pub original_target: Option<TargetDate>,
    pub due_revisions: u32,
    pub status_reason: Option<String>,
    /// The day the status took effect, where written.
    pub status_date: Option<NaiveDate>,
    pub carried_to: Option<String>,
    /// For a done task: when its result is to be reviewed.
    pub next_review: Option<NaiveDate>,
}

/// The details of a task that has none.
static NO_DETAILS: TaskDetails = TaskDetails {
    reference: None,
    original_due: None,
    original_target: None,
    due_revisions: 0,
    status_reason: None,
    status_date: None,
    carried_to: None,
    next_review: None,
};

impl TaskDetails {
    /// `Some` when any of it is there.
    pub fn boxed(self) -> Option<Box<TaskDetails>> {
        let empty = self.reference.is_none()
            && self.original_due.is_none()
            && self.original_target.is_none()
            && self.due_revisions == 0
            && self.status_reason.is_none()
            && self.status_date.is_none()
            && self.carried_to.is_none()
            && self.next_review.is_none();
        (!empty).then(|| Box::new(self))
    }
}

impl Task {
    /// The latest review of the update history (a correction is none).
    /// The latest by date; of one day's, the last written.
    pub fn last_update(&self) -> Option<&Update> {
        latest(self.reviews())
    }

    /// The entries of the update history that are reviews, as written.
    pub fn reviews(&self) -> impl DoubleEndedIterator<Item = &Update> {
        self.updates.iter().filter(|u| u.is_review())
    }

    /// The latest progress note: the latest entry's that has one (by date;
    /// of one day's, the last written), else the task's `note`.
    pub fn note(&self) -> Option<&str> {
        latest(self.reviews().filter(|u| u.note.is_some()))
            .and_then(|u| u.note.as_deref())
            .or(self.own_note.as_deref())
    }

    /// The day of the latest note: its entry's date (a review with no note
    /// since does not move it), else the last review's.
    pub fn note_day(&self) -> Option<NaiveDate> {
        self.note()?;
        latest(self.reviews().filter(|u| u.note.is_some()))
            .and_then(|u| u.date)
            .or(self.updated)
    }

    /// Its source reference, revised target, status reason ... (empty for most tasks).
    pub fn details(&self) -> &TaskDetails {
        self.details.as_deref().unwrap_or(&NO_DETAILS)
    }

    /// False for a withdrawn or carried-forward task: it is out of every
    /// count and roll-up.
    pub fn counts(&self) -> bool {
        self.status.counts()
    }

    /// The day the status took effect: `status_date`, else the last update.
    pub fn status_since(&self) -> Option<NaiveDate> {
        self.details().status_date.or(self.updated)
    }
}

/// The latest of some entries by date, the last written of a day.
fn latest<'u>(updates: impl Iterator<Item = &'u Update>) -> Option<&'u Update> {
    updates
        .enumerate()
        .max_by_key(|(i, u)| (u.date, *i))
        .map(|(_, u)| u)
}

/// One dated entry of a task's update history.
#[derive(Debug, Clone)]
pub struct Update {
    /// `None` only for the one entry read from a task's old `note` with no `updated`.
    pub date: Option<NaiveDate>,
    pub rag: Option<Rag>,
    pub note: Option<String>,
    /// The agency that gave it.
    pub by: Option<AgencyIdx>,
    pub evidence: Option<String>,
    /// The return sheet it came from, as `plan apply` records it:
    /// "FINGERPRINT row N" (see `partners::returns::Returned::fingerprint`).
    pub sheet: Option<String>,
    /// A review (the default) or a correction of the record.
    pub kind: UpdateKind,
    pub loc: Loc,
    pub translations: Translations,
}

impl Update {
    /// True for a review: an entry that says how the task stands. A
    /// correction (of a misread target) is shown, but moves nothing.
    pub fn is_review(&self) -> bool {
        self.kind == UpdateKind::Review
    }
}

/// What an entry of the update history is: a review of the task (its RAG,
/// its note, its last review), or a correction of the record, which is
/// shown to the board and counts as no review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpdateKind {
    #[default]
    Review,
    Correction,
}

words!(UpdateKind {
    Review => "review",
    Correction => "correction",
});

/// Where a task stands beyond its RAG.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    #[default]
    Active,
    OnHold,
    Withdrawn,
    CarriedForward,
}

words!(TaskStatus {
    Active => "active",
    OnHold => "on-hold",
    Withdrawn => "withdrawn",
    CarriedForward => "carried-forward",
});

impl TaskStatus {
    /// False for withdrawn and carried-forward tasks.
    pub fn counts(self) -> bool {
        matches!(self, TaskStatus::Active | TaskStatus::OnHold)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    Accepted,
    PartiallyAccepted,
    NotAccepted,
    Noted,
}

impl Response {
    /// True when the Cabinet took the recommendation on, so some action
    /// must deliver it.
    pub fn delivers(self) -> bool {
        matches!(self, Response::Accepted | Response::PartiallyAccepted)
    }
}

words!(Response {
    Accepted => "accepted",
    PartiallyAccepted => "partially-accepted",
    NotAccepted => "not-accepted",
    Noted => "noted",
});

#[derive(Debug)]
pub struct Recommendation {
    pub id: String,
    pub text: String,
    pub response: Response,
    pub response_text: Option<String>,
    pub owner: Option<String>,
    /// Full ids of the actions (or tasks) that deliver it.
    pub actions: Vec<String>,
    pub translations: Translations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
}

words!(Better {
    Higher => "higher",
    Lower => "lower",
});

impl Better {
    /// True when a change of `change` turns the curve the right way.
    pub fn is_better(self, change: f64) -> bool {
        match self {
            Better::Higher => change > 0.0,
            Better::Lower => change < 0.0,
        }
    }
}

#[derive(Debug)]
pub struct Measure {
    pub id: String,
    pub title: String,
    pub better: Better,
    pub unit: Option<String>,
    pub values: Vec<MeasureValue>,
    pub target: Option<MeasureValue>,
    pub loc: Loc,
    pub translations: Translations,
}

#[derive(Debug)]
pub struct MeasureValue {
    pub period: String,
    pub interval: Interval,
    pub value: f64,
    pub note: Option<String>,
}

/// A task's full id taken apart: `EJ-1.1.a` is card `EJ`, priority 1,
/// action 1, task `a`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPath {
    pub card: String,
    pub priority: i64,
    pub action: i64,
    pub task: String,
}

impl TaskPath {
    pub fn parse(id: &str) -> Option<TaskPath> {
        let (card, rest) = id.split_once('-')?;
        let mut parts = rest.splitn(3, '.');
        let priority = parts.next()?.parse().ok()?;
        let action = parts.next()?.parse().ok()?;
        let task = parts.next()?.to_string();
        Some(TaskPath {
            card: card.to_string(),
            priority,
            action,
            task,
        })
    }
}

/// An agency and each agency it is `part_of`, up the chain. The chain is
/// acyclic after validation; the walk is bounded all the same.
pub fn agency_and_parents(
    agencies: &[Agency],
    agency: AgencyIdx,
) -> impl Iterator<Item = AgencyIdx> + '_ {
    std::iter::successors(Some(agency), |&at| agencies[at].part_of).take(agencies.len())
}

/// Whether two ids are the same ignoring case, for every letter (`dŵr-1.1.a`
/// is `DŴR-1.1.a`), not only ASCII ones.
pub fn same_id(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    // Compared letter by letter: ids are compared often (finding a task by
    // its path), and lower-casing both into new strings costs an allocation.
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// An id as the key of a map: two ids that are [`same_id`] have one key.
pub fn id_key(id: &str) -> String {
    id.chars().flat_map(char::to_lowercase).collect()
}

impl Card {
    /// Every task of the card that counts (not withdrawn or carried
    /// forward), in plan order.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.priorities.iter().flat_map(Priority::tasks)
    }

    /// Every task of the card, withdrawn and carried-forward ones too.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.priorities
            .iter()
            .flat_map(|p| p.actions.iter().flat_map(|a| &a.tasks))
    }
}

impl Priority {
    /// Every task of the priority that counts, in plan order.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.actions
            .iter()
            .flat_map(|a| &a.tasks)
            .filter(|t| t.counts())
    }
}

impl Plan {
    /// Every task that counts (not withdrawn or carried forward), in plan order.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.cards.iter().flat_map(Card::tasks)
    }

    /// Every task, withdrawn and carried-forward ones too, in plan order.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.cards.iter().flat_map(Card::all_tasks)
    }

    /// An agency and each agency it is `part_of`: see [`agency_and_parents`].
    pub fn agency_and_parents(&self, agency: AgencyIdx) -> impl Iterator<Item = AgencyIdx> + '_ {
        agency_and_parents(&self.agencies, agency)
    }

    /// Every task that counts with the card, priority and action it belongs to.
    pub fn task_paths(&self) -> impl Iterator<Item = (&Card, &Priority, &Action, &Task)> {
        self.all_task_paths().filter(|(_, _, _, t)| t.counts())
    }

    /// Every task, withdrawn and carried-forward ones too, with its card, priority and action.
    pub fn all_task_paths(&self) -> impl Iterator<Item = (&Card, &Priority, &Action, &Task)> {
        self.cards.iter().flat_map(|c| {
            c.priorities.iter().flat_map(move |p| {
                p.actions
                    .iter()
                    .flat_map(move |a| a.tasks.iter().map(move |t| (c, p, a, t)))
            })
        })
    }

    /// The task with this full id (any case), found by walking its path.
    pub fn find_task(&self, id: &str) -> Option<&Task> {
        let path = TaskPath::parse(id)?;
        let card = self.cards.iter().find(|c| same_id(&c.id, &path.card))?;
        let priority_id = format!("{}-{}", card.id, path.priority);
        let priority = card.priorities.iter().find(|p| p.id == priority_id)?;
        let action_id = format!("{priority_id}.{}", path.action);
        let action = priority.actions.iter().find(|a| a.id == action_id)?;
        let task_id = format!("{action_id}.{}", path.task);
        action.tasks.iter().find(|t| same_id(&t.id, &task_id))
    }

    /// The ids of the cards that list a measure.
    pub fn cards_listing(&self, measure: &str) -> Vec<String> {
        self.cards
            .iter()
            .filter(|c| c.measures.iter().any(|m| same_id(m, measure)))
            .map(|c| c.id.clone())
            .collect()
    }

    /// A task's target as people read it: as written, but with the title
    /// of the event it counts from in place of the event's id ("6 months
    /// after completion of first pilot", not "... after
    /// first-pilot-completed").
    pub fn due_words<'t>(&self, task: &'t Task) -> Option<std::borrow::Cow<'t, str>> {
        let due = task.due_text.as_deref()?;
        let TargetDate::AfterEvent { event, .. } = &task.target else {
            return Some(due.into());
        };
        let title = self
            .events
            .iter()
            .find(|e| &e.id == event)
            .map(|e| &e.title);
        // Ids are ASCII, so the lowercase text has the same byte offsets.
        let at = due.to_ascii_lowercase().rfind(&event.to_ascii_lowercase());
        match (title, at) {
            (Some(title), Some(at)) => {
                Some(format!("{}{title}{}", &due[..at], &due[at + event.len()..]).into())
            }
            _ => Some(due.into()),
        }
    }

    /// The id (and name) of a task's leads as a report shows them.
    pub fn lead_ids(&self, task: &Task) -> Vec<String> {
        task.leads
            .iter()
            .map(|lead| match lead {
                Lead::Agency(i) => self.agencies[*i].id.clone(),
                Lead::Unassigned(word) => word.as_str().to_string(),
                Lead::All => "all".to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_compare_and_key_alike_in_any_case_of_any_letter() {
        let pairs = [
            ("EJ-1.1.a", "ej-1.1.A", true),
            ("dŵr-1.1.a", "DŴR-1.1.A", true),
            ("ΣΕΑ-1", "σεα-1", true),
            ("EJ-1.1.a", "EJ-1.1.b", false),
            ("straße", "STRASSE", false),
        ];
        for (a, b, same) in pairs {
            assert_eq!(same_id(a, b), same, "{a} {b}");
            assert_eq!(id_key(a) == id_key(b), same, "{a} {b}");
        }
    }
}
