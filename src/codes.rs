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
    BadDate => "bad-date", Error, "a `due` or period that fits no form of the date grammar";
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
    NoContact => "no-contact", Warning, "an agency that leads an open task has no `email`, in a plan where other agencies have one";
}
