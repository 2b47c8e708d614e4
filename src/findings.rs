//! Every situation `plan check` can find, as data, and all of their wording:
//! the checks say *what* they found (a kind and its fields); this file says
//! how it reads (message, help, the labels of other places) and which code
//! it is reported under. Tests match on these kinds, not on the words.

use crate::codes::Code;
use crate::dates::Note;
use crate::file_format::{Key, TableFormat};
use crate::hidden::code_point;
use crate::scripts::Script;
use crate::source::Loc;
use crate::words::either;
use chrono::NaiveDate;

/// What a check found. Each kind is reported under one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    // ---- reading a file's bytes ----
    NotUtf8,
    BinaryFile,
    FileTooLarge {
        limit_mib: u64,
    },
    /// A plan file that is a link to nothing.
    DanglingLink {
        target: String,
    },
    UnreadableFile {
        error: String,
    },

    /// Text holding a character that does not show as itself.
    ControlCharacter {
        ch: char,
        /// How many more the same text holds.
        more: usize,
    },

    // ---- the shape of a file ----
    TomlSyntax {
        message: String,
    },
    EmptyFile,
    UnknownKey {
        key: String,
        table: &'static TableFormat,
    },
    MissingKey {
        key: &'static Key,
        table: &'static TableFormat,
    },
    WrongType {
        key: String,
        wanted: String,
        found: &'static str,
    },
    /// A date key written as quoted text.
    DateAsText {
        key: String,
        text: String,
    },
    /// A whole number too large for any use (`asap_days = 99999999999999999999`).
    NumberTooLarge {
        key: String,
        text: String,
    },
    /// A priority or action number of 0 or less.
    NotANumberId {
        key: String,
        value: i64,
    },

    // ---- the plan table ----
    MissingPlan,
    DuplicatePlan {
        first: Loc,
    },
    PlanEndsBeforeStart {
        start: NaiveDate,
        end: NaiveDate,
    },
    OutOfRange {
        key: &'static str,
        min: i64,
        max: i64,
        value: i64,
    },

    // ---- ids and agencies ----
    DuplicateId {
        what: &'static str,
        id: String,
        first: Loc,
    },
    BadId {
        what: &'static str,
        id: String,
    },
    EmptyAgencyId,
    /// An id holding a character that does not show.
    HiddenInId {
        what: &'static str,
        id: String,
        ch: char,
    },
    MixedScriptId {
        what: &'static str,
        id: String,
        main: Script,
        other: Script,
        odd: Vec<char>,
    },
    /// An id that reads the same as another once look-alike letters are
    /// taken as the Latin ones (`skeleton`).
    ConfusableId {
        what: &'static str,
        id: String,
        skeleton: String,
        first: Loc,
    },
    BadAgencyKind {
        kind: String,
        names: &'static [&'static str],
    },
    AgencyNameTaken {
        agency: String,
        name: String,
        earlier: String,
        earlier_loc: Loc,
    },
    AgencyNameReserved {
        agency: String,
        name: String,
    },
    AgencyPartOfItself {
        agency: String,
    },
    AgencyLoop {
        agency: String,
    },
    UnknownPartOf {
        name: String,
    },
    /// An `email` that is neither `addr` nor `Name <addr>`.
    BadEmail {
        agency: String,
        email: String,
    },
    /// An agency leading open tasks that no update request can reach.
    NoContact {
        agency: String,
        open_tasks: usize,
    },
    PriorityWithoutCard,

    // ---- tasks ----
    BadRag {
        rag: String,
        names: &'static [&'static str],
    },
    BlueWithoutDone {
        task: String,
    },
    DoneNotBlue {
        task: String,
        rag: Option<&'static str>,
    },
    MissingLead {
        task: String,
    },
    EmptyLead {
        task: String,
    },
    UnassignedLead {
        task: String,
        written: String,
    },
    UnknownLead {
        lead: String,
        nearest: Option<(String, String)>,
        /// The agencies it names when it is several in one text ("SWP, SL").
        several: Vec<String>,
    },
    NoDue {
        task: String,
    },
    DueTbc {
        task: String,
    },
    BadDate {
        reason: String,
        /// The nearest form, where the grammar can name one.
        help: Option<String>,
        forms: &'static str,
    },
    /// A target date read by a guess the coordinator should confirm.
    DateRead {
        task: String,
        note: Note,
    },
    DueOutsidePlan {
        task: String,
        deadline: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
    UnknownAfterTask {
        task: String,
        names: String,
    },
    DependencyCycle {
        cycle: Vec<String>,
        waits: Vec<Loc>,
    },

    // ---- cards, recommendations, measures ----
    UnknownMeasure {
        card: String,
        measure: String,
    },
    MeasureWithoutCard {
        measure: String,
    },
    BadResponse {
        response: String,
        names: &'static [&'static str],
    },
    UnknownDeliverable {
        recommendation: String,
        name: String,
    },
    UntrackedRecommendation {
        recommendation: String,
        response: &'static str,
    },
    BadBetter {
        better: String,
    },
    DuplicatePeriod {
        measure: String,
        from: NaiveDate,
        to: NaiveDate,
        period: String,
        first: Loc,
    },
    BadPeriod {
        text: String,
    },

    // ---- update history, revised targets, status (docs/history.md) ----
    UpdateInFuture {
        task: String,
        date: NaiveDate,
        as_of: NaiveDate,
    },
    UpdateOutOfOrder {
        task: String,
        date: NaiveDate,
        previous: NaiveDate,
    },
    UpdateBeforeStart {
        task: String,
        date: NaiveDate,
        start: NaiveDate,
    },
    ManyRevisions {
        task: String,
        revisions: u32,
        max: u32,
    },
    BadStatus {
        status: String,
        names: &'static [&'static str],
    },
    BadUpdateKind {
        kind: String,
        names: &'static [&'static str],
    },
    StatusWithoutReason {
        task: String,
        status: &'static str,
    },
    MixedPeriods {
        measure: String,
        period: String,
        kind: &'static str,
        others: &'static str,
    },
    /// A TOML date that is no day of the calendar; the file was read with
    /// the nearest real day in its place.
    NoSuchDay {
        written: String,
        nearest: String,
    },
    /// A `[check]` level for no code, or for an error code.
    BadLevel {
        error: crate::codes::LevelError,
    },
    /// About the plan's languages and translations (src/language_findings.rs).
    Language(crate::language_findings::LanguageFinding),
}

impl Finding {
    /// The code it is reported under.
    pub fn code(&self) -> Code {
        use Finding as F;
        match self {
            F::NotUtf8 => Code::NotUtf8,
            F::BinaryFile => Code::BinaryFile,
            F::FileTooLarge { .. } => Code::FileTooLarge,
            F::DanglingLink { .. } | F::UnreadableFile { .. } => Code::UnreadableFile,
            F::ControlCharacter { .. } => Code::ControlCharacter,
            F::MixedScriptId { .. } => Code::MixedScriptId,
            F::ConfusableId { .. } => Code::ConfusableId,
            F::TomlSyntax { .. } => Code::TomlSyntax,
            F::EmptyFile => Code::EmptyFile,
            F::BadId { .. } => Code::BadId,
            F::UnknownKey { .. } => Code::UnknownKey,
            F::MissingKey { .. } | F::MissingLead { .. } => Code::MissingKey,
            F::WrongType { .. } | F::DateAsText { .. } => Code::WrongType,
            F::NumberTooLarge { .. }
            | F::NotANumberId { .. }
            | F::OutOfRange { .. }
            | F::EmptyAgencyId
            | F::HiddenInId { .. }
            | F::BadAgencyKind { .. }
            | F::BadBetter { .. }
            | F::BadLevel { .. } => Code::BadValue,
            F::MissingPlan => Code::MissingPlan,
            F::DuplicatePlan { .. } => Code::DuplicatePlan,
            F::PlanEndsBeforeStart { .. } => Code::PlanEndsBeforeStart,
            F::DuplicateId { .. } => Code::DuplicateId,
            F::AgencyNameTaken { .. } => Code::DuplicateName,
            F::AgencyNameReserved { .. } => Code::ReservedName,
            F::AgencyPartOfItself { .. } | F::AgencyLoop { .. } => Code::AgencyLoop,
            F::UnknownPartOf { .. }
            | F::UnknownAfterTask { .. }
            | F::UnknownMeasure { .. }
            | F::UnknownDeliverable { .. } => Code::UnknownReference,
            F::PriorityWithoutCard => Code::PriorityWithoutCard,
            F::NoContact { .. } => Code::NoContact,
            F::BadEmail { .. } => Code::BadEmail,
            F::BadRag { .. } => Code::BadRag,
            F::BlueWithoutDone { .. } => Code::BlueWithoutDone,
            F::DoneNotBlue { .. } => Code::DoneNotBlue,
            F::EmptyLead { .. } => Code::EmptyLead,
            F::UnassignedLead { .. } => Code::UnassignedLead,
            F::UnknownLead { .. } => Code::UnknownLead,
            F::NoDue { .. } | F::DueTbc { .. } => Code::NoTargetDate,
            F::BadDate { .. } | F::BadPeriod { .. } | F::NoSuchDay { .. } => Code::BadDate,
            F::DateRead { note, .. } => match note {
                Note::InWords { .. } => Code::DateInWords,
                Note::YearAssumed { .. } => Code::YearAssumed,
                Note::Status(_) => Code::StatusInDue,
                Note::RangeEndAssumed { .. } => Code::RangeEndAssumed,
            },
            F::DueOutsidePlan { .. } => Code::DueOutsidePlan,
            F::DependencyCycle { .. } => Code::DependencyCycle,
            F::MeasureWithoutCard { .. } => Code::MeasureWithoutCard,
            F::BadResponse { .. } => Code::BadResponse,
            F::UntrackedRecommendation { .. } => Code::UntrackedRecommendation,
            F::DuplicatePeriod { .. } => Code::DuplicatePeriod,
            F::UpdateInFuture { .. } => Code::UpdateInFuture,
            F::UpdateOutOfOrder { .. } => Code::UpdatesOutOfOrder,
            F::UpdateBeforeStart { .. } => Code::UpdateBeforeStart,
            F::ManyRevisions { .. } => Code::ManyRevisions,
            F::BadStatus { .. } | F::BadUpdateKind { .. } => Code::BadValue,
            F::StatusWithoutReason { .. } => Code::MissingKey,
            F::MixedPeriods { .. } => Code::MixedPeriods,
            F::Language(finding) => finding.code(),
        }
    }

    /// The one line that says what is wrong.
    pub fn message(&self) -> String {
        use Finding as F;
        match self {
            F::NotUtf8 => "file is not UTF-8 text".into(),
            F::BinaryFile => "file holds a NUL byte: it is binary, not a plan file".into(),
            F::FileTooLarge { limit_mib } => format!("file is over {limit_mib} MiB; not read"),
            F::DanglingLink { target } => {
                format!("a link to {target}, which is not there: the file cannot be read")
            }
            F::UnreadableFile { error } => format!("cannot read the file: {error}"),
            F::ControlCharacter { ch, more: 0 } => {
                format!("the text holds {}, which does not show", code_point(*ch))
            }
            F::ControlCharacter { ch, more } => format!(
                "the text holds {}, which does not show, and {more} more such",
                code_point(*ch)
            ),
            F::HiddenInId { what, id, ch } => {
                format!(
                    "{what} id `{id}` holds {}, which does not show",
                    code_point(*ch)
                )
            }
            F::MixedScriptId {
                what,
                id,
                main,
                other,
                odd,
            } => format!(
                "{what} id `{id}` mixes {} with {}: {}",
                main.name(),
                other.name(),
                code_points(odd)
            ),
            F::ConfusableId {
                what, id, skeleton, ..
            } => {
                let odd: Vec<char> = id.chars().filter(|c| !c.is_ascii()).collect();
                let mut message =
                    format!("{what} id `{id}` reads the same as another {what} id (`{skeleton}`");
                if !odd.is_empty() {
                    message.push_str(&format!(
                        " in Latin letters; not Latin: {}",
                        code_points(&odd)
                    ));
                }
                message.push(')');
                message
            }
            F::TomlSyntax { message } => format!("invalid TOML: {message}"),
            F::EmptyFile => "file defines nothing".into(),
            F::UnknownKey { key, table } => format!("unknown key `{key}` in {}", table.header),
            F::MissingKey { key, table } => format!("{} has no `{}`", table.header, key.name),
            F::WrongType { key, wanted, found } => format!("`{key}` must be {wanted}, not {found}"),
            F::DateAsText { key, text } => {
                format!("`{key}` must be a date such as 2012-10-15, not the text \"{text}\"")
            }
            F::NumberTooLarge { key, text } => format!("`{key}` is too large a number ({text})"),
            F::NotANumberId { key, value } => {
                format!("`{key}` must be a whole number from 1 up, not {value}")
            }
            F::MissingPlan => "no file holds the `[plan]` table".into(),
            F::DuplicatePlan { .. } => "a second `[plan]` table".into(),
            F::PlanEndsBeforeStart { start, end } => {
                format!("the plan ends ({end}) before it starts ({start})")
            }
            F::OutOfRange {
                key,
                min,
                max,
                value,
            } => {
                format!("`{key}` must be from {min} to {max}, not {value}")
            }
            F::DuplicateId { what, id, .. } => format!("duplicate {what} id `{id}`"),
            F::BadId { what, id } => format!("`{id}` is not a valid {what} id"),
            F::EmptyAgencyId => "an agency id is empty".into(),
            F::BadAgencyKind { kind, names } => {
                format!("`{kind}` is not a kind of agency: use {}", either(names))
            }
            F::AgencyNameTaken {
                agency,
                name,
                earlier,
                ..
            } => {
                format!(
                    "agency `{agency}` is also called `{name}`, which already names `{earlier}`"
                )
            }
            F::AgencyNameReserved { agency, name } => {
                format!("agency `{agency}` is called `{name}`, a reserved word for leads")
            }
            _ => self.plan_message(),
        }
    }

    /// The message of a finding about tasks, cards, recommendations and measures.
    fn plan_message(&self) -> String {
        use Finding as F;
        match self {
            F::AgencyPartOfItself { agency } => format!("agency `{agency}` is part of itself"),
            F::AgencyLoop { agency } => {
                format!("agency `{agency}` is, through `part_of`, part of itself")
            }
            F::UnknownPartOf { name } => {
                format!("`part_of` names `{name}`, which is no agency of the plan")
            }
            F::PriorityWithoutCard => "`[[priority]]` in a file with no `[card]`".into(),
            F::BadEmail { agency, email } => {
                format!("agency `{agency}`'s email `{email}` is not an e-mail address")
            }
            F::NoContact { agency, open_tasks } => format!(
                "agency `{agency}` leads {} but has no `email`",
                crate::words::count(open_tasks, "open task")
            ),
            F::BadRag { rag, names } => {
                format!("`{rag}` is not a RAG status: use {}", either(names))
            }
            F::BlueWithoutDone { task } => {
                format!("task {task} is blue (complete) but has no `done` date")
            }
            F::DoneNotBlue {
                task,
                rag: Some(rag),
            } => {
                format!("task {task} has a `done` date but is {rag}")
            }
            F::DoneNotBlue { task, rag: None } => {
                format!("task {task} has a `done` date but no RAG status")
            }
            F::MissingLead { task } => format!("task {task} has no `lead`"),
            F::EmptyLead { task } => format!("task {task} has an empty `lead`"),
            F::UnassignedLead { task, written } => {
                format!("task {task} has no lead agency yet (`{written}`)")
            }
            F::UnknownLead { lead, .. } => format!("`{lead}` is not an agency of the plan"),
            F::NoDue { task } => format!("task {task} has no `due`"),
            F::DueTbc { task } => format!("task {task} has no target date yet"),
            F::BadDate { reason, .. } => reason.clone(),
            F::DateRead { task, note } => date_read(task, note),
            F::DueOutsidePlan {
                task,
                deadline,
                start,
                ..
            } if deadline < start => {
                format!("task {task} is due by {deadline}, before the plan starts ({start})")
            }
            F::DueOutsidePlan {
                task,
                deadline,
                end,
                ..
            } => {
                format!("task {task} is due by {deadline}, over a year after the plan ends ({end})")
            }
            F::UnknownAfterTask { task, names } => {
                format!("task {task} is due after `{names}`, which is no task or event of the plan")
            }
            F::DependencyCycle { cycle, .. } => format!(
                "tasks wait for one another in a loop: {} -> {}",
                cycle.join(" -> "),
                cycle.first().map_or("", String::as_str)
            ),
            _ => self.reference_message(),
        }
    }
    /// The message of a finding about cards, recommendations and measures.
    fn reference_message(&self) -> String {
        use Finding as F;
        match self {
            F::UnknownMeasure { card, measure } => {
                format!("card {card} lists measure `{measure}`, which the plan does not define")
            }
            F::MeasureWithoutCard { measure } => {
                format!("measure {measure} is listed by no report card")
            }
            F::BadResponse { response, names } => {
                format!("`{response}` is not a response: use {}", either(names))
            }
            F::UnknownDeliverable {
                recommendation,
                name,
            } => format!(
                "recommendation {recommendation} names `{name}`, which is no action or task of the plan"
            ),
            F::UntrackedRecommendation {
                recommendation,
                response,
            } => {
                format!("recommendation {recommendation} is {response} but no action delivers it")
            }
            F::BadBetter { better } => {
                format!("`better` must be \"higher\" or \"lower\", not \"{better}\"")
            }
            F::DuplicatePeriod {
                measure,
                from,
                to,
                period,
                ..
            } => {
                format!("measure {measure} has a second value for {from} to {to} (`{period}`)")
            }
            F::BadPeriod { text } => format!("`{text}` is not a period"),
            F::UpdateInFuture { .. }
            | F::UpdateOutOfOrder { .. }
            | F::UpdateBeforeStart { .. }
            | F::ManyRevisions { .. }
            | F::BadStatus { .. }
            | F::BadUpdateKind { .. }
            | F::StatusWithoutReason { .. }
            | F::MixedPeriods { .. } => self.history_message(),
            F::BadLevel { error } => error.to_string(),
            F::NoSuchDay { written, .. } => format!("{written} is not a day of the calendar"),
            F::Language(finding) => finding.message(),
            _ => unreachable!("`message` and `plan_message` word the other findings"),
        }
    }

    /// What to do about it, where there is something useful to say.
    pub fn help(&self) -> Option<String> {
        use Finding as F;
        let text: String = match self {
            F::NotUtf8 => "save the file as UTF-8".into(),
            F::FileTooLarge { .. } => "split the plan into one file per report card".into(),
            F::DanglingLink { .. } => "mend the link, or remove it".into(),
            F::UnreadableFile { .. } => "give the file read permission, or remove it".into(),
            F::EmptyFile => "add plan data to it or delete it".into(),
            F::ControlCharacter { .. } => {
                "delete it, or write what it stands for: a character that does not show makes text read other than it is".into()
            }
            F::HiddenInId { .. } => "delete it: an id must be typed as it is seen".into(),
            F::MixedScriptId { .. } => {
                "write an id in one script: a look-alike letter makes an id no one can type".into()
            }
            F::ConfusableId { .. } => {
                "rename one: ids that look the same are mistaken for one another".into()
            }
            F::UnknownKey { key, table } => match crate::suggest::nearest(key, table.key_names()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the keys here are: {}",
                    table.key_names().collect::<Vec<_>>().join(", ")
                ),
            },
            F::MissingKey { key, .. } => format!("`{}`: {}", key.name, key.description),
            F::DateAsText { key, .. } => format!("write {key} = 2012-10-15, without quotes"),
            F::NumberTooLarge { .. } => "write a whole number of a sensible size".into(),
            F::MissingPlan => "add a plan.toml with [plan] title, start and end".into(),
            F::DuplicatePlan { .. } => "a plan directory holds exactly one [plan]".into(),
            F::PlanEndsBeforeStart { .. } => "swap `start` and `end`, or correct one".into(),
            F::DuplicateId { .. } => "ids must be unique among siblings (ignoring case)".into(),
            F::BadId { what: "agency", .. } => {
                "an agency id may hold letters, digits, `-`, `_` and `.`: it names the agency's \
                 request file and web page"
                    .into()
            }
            F::BadId { .. } => {
                "use letters, digits and `_` only: ids are joined into `EJ-1.1.a`".into()
            }
            F::AgencyNameTaken { .. } | F::AgencyNameReserved { .. } => {
                "an agency's id, name and aliases must name only it".into()
            }
            F::AgencyPartOfItself { .. } | F::AgencyLoop { .. } => {
                "`part_of` names the larger body an agency belongs to; take one link out".into()
            }
            F::UnknownPartOf { .. } => "part_of takes the id of another [[agency]]".into(),
            F::BadEmail { .. } => {
                "write an address, \"name@example.org\", or a name and an address, \"Safer Wales <name@example.org>\"; several go in an array"
                    .into()
            }
            F::NoContact { .. } => {
                "add email = \"name@example.org\" so `plan requests` can address its update request"
                    .into()
            }
            F::PriorityWithoutCard => {
                "a card's priorities follow its `[card]` table in the same file".into()
            }
            F::UpdateInFuture { .. }
            | F::UpdateOutOfOrder { .. }
            | F::UpdateBeforeStart { .. }
            | F::ManyRevisions { .. }
            | F::StatusWithoutReason { .. }
            | F::MixedPeriods { .. } => return self.history_help(),
            F::NoSuchDay { nearest, .. } => {
                format!("the nearest day is {nearest}; the rest of the file was checked as if it said so")
            }
            F::Language(finding) => return finding.help(),
            F::BadLevel { .. } => {
                "`[check]` lists warning codes: `allow` accepts their findings, `deny` fails on them".into()
            }
            F::WrongType { wanted, found, .. }
                if *found == "a table" && wanted.starts_with("an array of tables") =>
            {
                "write the header with double brackets, `[[...]]`: each such table adds one more to a list (of tasks, actions ...), where `[...]` is a single table".into()
            }
            F::BinaryFile
            | F::TomlSyntax { .. }
            | F::WrongType { .. }
            | F::NotANumberId { .. }
            | F::OutOfRange { .. }
            | F::EmptyAgencyId
            | F::BadAgencyKind { .. }
            | F::BadRag { .. }
            | F::DueOutsidePlan { .. }
            | F::BadResponse { .. }
            | F::BadBetter { .. }
            | F::BadStatus { .. }
            | F::BadUpdateKind { .. } => return None,
            _ => return self.task_help(),
        };
        Some(text)
    }
    /// The help of a finding about tasks, cards, recommendations and measures.
    fn task_help(&self) -> Option<String> {
        use Finding as F;
        let text: String = match self {
            F::BlueWithoutDone { .. } => "add done = YYYY-MM-DD, the day it was completed".into(),
            F::DoneNotBlue { .. } => "a completed task is rag = \"blue\"".into(),
            F::MissingLead { .. } | F::EmptyLead { .. } => {
                "name the lead agency, or write lead = [\"TBC\"] until one is found".into()
            }
            F::UnassignedLead { .. } => "name the agency that leads it once it is agreed".into(),
            F::UnknownLead { several, .. } if !several.is_empty() => {
                let items: Vec<String> = several.iter().map(|s| format!("\"{s}\"")).collect();
                format!("one agency a text: write lead = [{}]", items.join(", "))
            }
            F::UnknownLead {
                nearest: Some((id, name)),
                ..
            } => {
                format!("did you mean `{id}` ({name})?")
            }
            F::UnknownLead { nearest: None, .. } => {
                "declare it as an [[agency]] (with `aliases` for other spellings), or write \"TBC\""
                    .into()
            }
            F::NoDue { .. } => "add a target date, or due = \"TBC\" until one is agreed".into(),
            F::DueTbc { .. } => "replace TBC with a target date once it is agreed".into(),
            F::BadDate {
                help: Some(help), ..
            } => help.clone(),
            F::BadDate { forms, .. } => format!("a target date is {forms}"),
            F::DateRead { note, .. } => date_read_help(note),
            F::UnknownAfterTask { .. } => {
                "name a task by its full id, such as EJ-4.3.a, or declare an [[event]] with that id"
                    .into()
            }
            F::DependencyCycle { .. } => "one of them must have a date of its own".into(),
            F::UnknownMeasure { .. } => {
                "define it as a [[measure]], or take it out of `measures`".into()
            }
            F::MeasureWithoutCard { .. } => "add its id to a card's `measures`".into(),
            F::UnknownDeliverable { .. } => {
                "name an action (EJ-1.1) or a task (EJ-1.1.a) by its full id".into()
            }
            F::UntrackedRecommendation { .. } => {
                "list the actions that deliver it in `actions`".into()
            }
            F::DuplicatePeriod { .. } => "one value a period: keep one of them".into(),
            F::BadPeriod { .. } => {
                "a period is a date, month, quarter or year, such as \"Q1 2012-13\"".into()
            }
            _ => return None,
        };
        Some(text)
    }

    /// The other places it points at, each with what it is.
    pub fn labels(&self) -> Vec<(Loc, String)> {
        use Finding as F;
        match self {
            F::DuplicatePlan { first } => vec![(*first, "the first `[plan]`".into())],
            F::DuplicateId { first, .. } => vec![(*first, "first defined here".into())],
            F::ConfusableId { first, .. } => vec![(*first, "the id it looks like".into())],
            F::AgencyNameTaken { earlier_loc, .. } => {
                vec![(*earlier_loc, "the agency already called so".into())]
            }
            F::DuplicatePeriod { first, .. } => {
                vec![(*first, "the first value for that period".into())]
            }
            F::DependencyCycle { cycle, waits } => cycle
                .iter()
                .skip(1)
                .zip(waits)
                .map(|(task, loc)| (*loc, format!("{task} waits here")))
                .collect(),
            F::Language(finding) => finding.labels(),
            _ => Vec::new(),
        }
    }
}

/// What was read by a guess, for the coordinator to confirm.
fn date_read(task: &str, note: &Note) -> String {
    match note {
        Note::InWords { read } => {
            let parts: Vec<String> = read.iter().map(|r| format!("`{r}`")).collect();
            match parts.as_slice() {
                [one] => format!("task {task}: the target date is read from the words as {one}"),
                [.., last] => format!(
                    "task {task}: the words hold {} dates ({}): the deadline is the last, {last}",
                    parts.len(),
                    parts.join(", ")
                ),
                [] => format!("task {task}: the target date is read from the words"),
            }
        }
        Note::YearAssumed { written, interval } => format!(
            "task {task}: `{written}` has no year: year {} assumed, inside the plan's period ({} – {})",
            interval.to.format("%Y"),
            interval.from,
            interval.to
        ),
        Note::Status(_) => {
            format!("task {task}: `due` holds a status, not a target date: no deadline is read")
        }
        Note::RangeEndAssumed {
            written,
            end,
            calendar_end,
        } => format!(
            "task {task}: `{written}` is read as financial years, ending {end} (not {calendar_end})"
        ),
    }
}

fn date_read_help(note: &Note) -> String {
    match note {
        Note::InWords { .. } => "write only the date in `due`, and the rest in `note`".into(),
        Note::YearAssumed { written, interval } => {
            format!("write the year: `{written} {}`", interval.to.format("%Y"))
        }
        Note::Status(_) => "write rag = \"blue\" and done = DATE (the day it was completed), and keep `due` for the target date".into(),
        Note::RangeEndAssumed { end, .. } => {
            format!("write `By {end}` to say so, or the last day meant")
        }
    }
}

impl Finding {
    /// The message of a finding about a task's history (docs/history.md).
    fn history_message(&self) -> String {
        use Finding as F;
        match self {
            F::UpdateInFuture { task, date, as_of } => {
                format!("task {task} has an update dated {date}, after {as_of}")
            }
            F::UpdateOutOfOrder {
                task,
                date,
                previous,
            } => format!("task {task}'s update of {date} comes after one of {previous}"),
            F::UpdateBeforeStart { task, date, start } => {
                format!("task {task} has an update dated {date}, before the plan starts ({start})")
            }
            F::ManyRevisions {
                task,
                revisions,
                max,
            } => {
                format!("task {task}'s target date was revised {revisions} times (more than {max})")
            }
            F::BadStatus { status, names } => {
                format!("`{status}` is not a task status: {}", either(names))
            }
            F::BadUpdateKind { kind, names } => {
                format!("`{kind}` is not a kind of update entry: {}", either(names))
            }
            F::StatusWithoutReason { task, status } => {
                format!("task {task} is {status} but has no `status_reason`")
            }
            F::MixedPeriods {
                measure,
                period,
                kind,
                others,
            } => format!("measure {measure}'s value for `{period}` is a {kind} among {others}s"),
            _ => unreachable!("not a finding about a task's history"),
        }
    }

    /// The help of a finding about a task's history.
    fn history_help(&self) -> Option<String> {
        use Finding as F;
        let text = match self {
            F::UpdateInFuture { .. } => "date an update on the day it was given".into(),
            F::UpdateOutOfOrder { .. } => "keep a task's updates oldest first".into(),
            F::UpdateBeforeStart { .. } => "an update belongs to the plan's own years".into(),
            F::ManyRevisions { .. } => {
                "a target moved this often needs the board's attention; raise [plan] max_revisions if the plan allows more".into()
            }
            F::StatusWithoutReason { .. } => {
                "add status_reason = \"...\": the board sees why it was stopped".into()
            }
            F::MixedPeriods { .. } => {
                "record a measure's values for periods of one kind, so its curve compares like with like".into()
            }
            _ => return None,
        };
        Some(text)
    }
}

/// `U+0430, U+0435`: each character by its code point.
fn code_points(chars: &[char]) -> String {
    let shown: Vec<String> = chars.iter().map(|c| code_point(*c)).collect();
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::open;

    fn findings(text: &str) -> Vec<(Finding, String)> {
        let opened = open::from_bytes(vec![("plan.toml".into(), text.as_bytes().to_vec())]);
        opened
            .diagnostics
            .iter()
            .map(|d| {
                let at = &opened.sources.get(d.loc.file()).text[d.loc.start()..d.loc.end()];
                (d.finding.clone(), at.to_string())
            })
            .collect()
    }

    const PLAN: &str = "[plan]\ntitle = \"T\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
        [[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n\n\
        [card]\nid = \"EJ\"\ntitle = \"Exit\"\nmeasures = [\"M1\", \"M9\"]\n\n\
        [[measure]]\nid = \"M1\"\ntitle = \"Reports\"\nbetter = \"higher\"\n";

    #[test]
    fn an_unknown_measure_is_found_where_the_card_names_it() {
        let found = findings(PLAN);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(&found[0].0, Finding::UnknownMeasure { measure, .. } if measure == "M9"));
        assert_eq!(found[0].1, "\"M9\"");
    }

    #[test]
    fn a_number_too_large_is_said_so_once() {
        let text = PLAN
            .replace(
                "end = 2013-03-31",
                "end = 2013-03-31\nasap_days = 99999999999999999999",
            )
            .replace("measures = [\"M1\", \"M9\"]", "measures = [\"M1\"]")
            + "values = [{ period = \"Q1 2012-13\", value = 0xfffffffffffffffff }]\n";
        let found = findings(&text);
        let kinds: Vec<&Finding> = found.iter().map(|(f, _)| f).collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert!(
            kinds
                .iter()
                .all(|f| matches!(f, Finding::NumberTooLarge { .. }))
        );
        assert!(!found[0].0.message().contains("not a whole number"));
    }

    #[test]
    fn each_situation_has_its_own_code() {
        let looped = PLAN.replace(
            "name = \"South Wales Police\"",
            "name = \"South Wales Police\"\npart_of = \"SWP\"",
        );
        let found = findings(&looped);
        assert!(
            found.iter().any(|(f, _)| f.code() == Code::AgencyLoop),
            "{found:?}"
        );
        let backwards = PLAN.replace("end = 2013-03-31", "end = 2011-03-31");
        let found = findings(&backwards);
        assert!(
            found
                .iter()
                .any(|(f, _)| f.code() == Code::PlanEndsBeforeStart),
            "{found:?}"
        );
    }
}
