//! The codes of `plan check`'s findings, each with its severity and a line
//! on when it is reported: the table CI scripts, SARIF rules and
//! `--allow`/`--deny` name. The findings themselves are in findings.rs.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $name:literal, $severity:ident, $description:literal;)*) => {
        /// Every kind of finding `plan check` can report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name CI scripts match on.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line on when the code is reported.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $description,)* }
            }
        }
    };
}

codes! {
    TomlSyntax => "toml-syntax", Error, "the file is not valid TOML";
    NotUtf8 => "not-utf8", Error, "the file is not UTF-8 text";
    BinaryFile => "binary-file", Error, "the file holds NUL bytes: it is binary, not a plan file";
    FileTooLarge => "file-too-large", Error, "the file is larger than a plan file can be (32 MiB)";
    UnreadableFile => "unreadable-file", Error, "a plan file that cannot be read (a dangling link, no permission)";
    EmptyFile => "empty-file", Error, "the file defines nothing";
    UnknownKey => "unknown-key", Error, "a key the plan format does not have (often a typo)";
    MissingKey => "missing-key", Error, "a required key is absent";
    WrongType => "wrong-type", Error, "a value of the wrong TOML type (a number where text is wanted ...)";
    BadId => "bad-id", Error, "an id with characters an id may not hold (ids are joined into task ids and name files and web pages)";
    BadValue => "bad-value", Error, "a value outside what its key allows (an empty id, a month 13 ...)";
    MissingPlan => "missing-plan", Error, "no file holds the `[plan]` table";
    DuplicatePlan => "duplicate-plan", Error, "more than one `[plan]` table";
    DuplicateId => "duplicate-id", Error, "two siblings share an id";
    DuplicateName => "duplicate-name", Error, "two agencies share a name or alias";
    ReservedName => "reserved-name", Error, "an agency called by a word reserved for leads (all, TBC ...)";
    DuplicatePeriod => "duplicate-period", Error, "two values of one measure for the same period";
    PriorityWithoutCard => "priority-without-card", Error, "`[[priority]]` in a file with no `[card]`";
    EmptyLead => "empty-lead", Error, "a task's `lead` is an empty list";
    PlanEndsBeforeStart => "plan-ends-before-start", Error, "the plan's `end` is before its `start`";
    AgencyLoop => "agency-loop", Error, "an agency that is, through `part_of`, part of itself";
    UnknownLead => "unknown-lead", Error, "a lead that is no agency id, alias or reserved word";
    UnknownReference => "unknown-reference", Error, "an id that names nothing in the plan";
    BadDate => "bad-date", Error, "a `due` or period that fits no form of the date grammar, or a date that is no day of the calendar";
    BadRag => "bad-rag", Error, "a RAG status other than red, amber, green or blue";
    BadResponse => "bad-response", Error, "a response other than accepted, partially-accepted, not-accepted or noted";
    DependencyCycle => "dependency-cycle", Error, "tasks due \"after\" one another in a loop";
    UnassignedLead => "unassigned-lead", Warning, "a task's lead is TBC / Not identified";
    NoTargetDate => "no-target-date", Warning, "a task's `due` is TBC or absent";
    DueOutsidePlan => "due-outside-plan", Warning, "a deadline before the plan starts or over a year after it ends";
    BlueWithoutDone => "blue-without-done", Warning, "a task is blue (complete) but has no `done` date";
    DoneNotBlue => "done-not-blue", Warning, "a task has a `done` date but is not blue";
    UntrackedRecommendation => "untracked-recommendation", Warning, "an accepted recommendation that no action delivers";
    MeasureWithoutCard => "measure-without-card", Warning, "a measure that no report card lists";
    DateInWords => "date-in-words", Warning, "a `due` whose date was read out of words around it";
    YearAssumed => "year-assumed", Warning, "a `due` with no year, read in the plan's period";
    StatusInDue => "status-in-due", Warning, "a status such as `Completed` written as the `due`";
    RangeEndAssumed => "range-end-assumed", Warning, "a range of years read as financial years";
    UpdateInFuture => "update-in-future", Warning, "a task's update dated after the as-of day";
    UpdatesOutOfOrder => "updates-out-of-order", Warning, "a task's updates not in date order";
    UpdateBeforeStart => "update-before-start", Warning, "a task's update dated before the plan starts";
    ManyRevisions => "many-revisions", Warning, "a task's target date revised more often than [plan] max_revisions";
    MixedScriptId => "mixed-script-id", Error, "an id mixing Latin, Greek or Cyrillic letters";
    ConfusableId => "confusable-id", Error, "an id that looks the same as another (a Cyrillic `а` for a Latin `a` ...)";
    ControlCharacter => "control-character", Warning, "text holding a control, bidi or zero-width character, which does not show as itself";
    MixedPeriods => "mixed-periods", Warning, "a measure's values for periods of different kinds (a month among quarters)";
    BadEmail => "bad-email", Warning, "an agency's `email` that is no e-mail address (write `name@example.org` or `Name <name@example.org>`)";
    BadLanguage => "bad-language", Error, "a language `plan` does not know (cy, en) in `languages` or an agency's `language`, a language named twice, or `languages = []`";
    BadTwin => "bad-twin", Error, "a translation (`title_cy`) into a language the plan does not declare, into its first language, or of a key that has none";
    MissingTranslation => "missing-translation", Warning, "a text people read with no translation into one of the plan's languages";
    NoContact => "no-contact", Warning, "an agency that leads an open task has no `email`, in a plan where other agencies have one";
}

// ---- levels (src/levels.rs applies them) ----

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// Why a code cannot be given a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelError {
    /// No such code; the nearest one, if any is near.
    Unknown {
        name: String,
        near: Option<&'static str>,
    },
    /// An error code given a level below deny.
    ErrorCode { code: Code, level: Level },
}

impl std::fmt::Display for LevelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LevelError::Unknown { name, near } => {
                write!(f, "`{name}` is no code of plan check")?;
                match near {
                    Some(near) => write!(f, "; did you mean `{near}`?"),
                    None => write!(f, " (docs/check.md lists them with what each means)"),
                }
            }
            LevelError::ErrorCode { code, level } => write!(
                f,
                "`{}` is an error and cannot be set to {}: every report refuses a plan with errors, so only warning codes can be allowed",
                code.name(),
                level.as_str()
            ),
        }
    }
}

/// The code a name names, exactly (the names are lower case).
pub fn code_named(name: &str) -> Result<Code, LevelError> {
    let name = name.trim();
    Code::ALL
        .iter()
        .copied()
        .find(|c| c.name().eq_ignore_ascii_case(name))
        .ok_or_else(|| LevelError::Unknown {
            name: name.to_string(),
            near: crate::suggest::nearest(name, Code::ALL.iter().map(|c| c.name())),
        })
}
