//! The command line: global flags and one variant per subcommand.

use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::model::Rag;
use crate::query::State;
use crate::render::report::{Report, Style};
use crate::render::{report, terminal};
use crate::source::Sources;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;

/// Keep a multi-agency action plan in TOML files, check it, and report on it.
#[derive(Debug, Parser)]
#[command(name = "plan", version, about, max_term_width = 100)]
pub struct Cli {
    /// The plan directory [default: the nearest directory upwards holding
    /// plan.toml, also looking in a plans/ sub-directory]
    #[arg(long, global = true, env = "PLAN_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The day to report as of (YYYY-MM-DD) [default: today]
    #[arg(long, global = true, env = "PLAN_AS_OF", value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub as_of: Option<NaiveDate>,

    /// When to colour the output
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every plan file and report every problem found
    Check(CheckArgs),
    /// Overdue tasks, most overdue first; then stale and waiting tasks
    Overdue(OverdueArgs),
    /// Tasks whose deadline falls within the next DAYS days
    Due(DueArgs),
    /// RAG counts and roll-up per card, priority or agency
    Rag(RagArgs),
    /// Every task one agency (or a part of it) leads or co-leads
    Agency(AgencyArgs),
    /// Every agency with its number of tasks, overdue, red and not rated
    Agencies(AgenciesArgs),
    /// Every task, filtered by lead, card, RAG or state
    Tasks(TasksArgs),
    /// The scrutiny recommendations, the response and their actions' progress
    Recs(ListArgs),
    /// Everything about one card, priority, action, task, agency, recommendation or measure
    Show(ShowArgs),
    /// The measures (curves to turn): latest value, change, and whether it goes the better way
    Measures(ListArgs),
    /// The quarterly Highlight Report for the Partnership Board (Markdown or HTML)
    Report(HighlightArgs),
    /// Export the tasks: deadlines as a calendar (ics), or every task as a spreadsheet (csv, xlsx)
    Export(ExportArgs),
    /// The update round: a return sheet and a draft message per lead agency
    Requests(RequestsArgs),
    /// Apply returned update sheets (xlsx or csv) to the plan, checked, in one locked write per file
    Apply(ApplyArgs),
    /// Update a task in place (RAG, note, dates, leads), keeping the file's layout and comments
    Set(SetArgs),
    /// Record the day an event happened, so the tasks counted from it get their deadlines
    Event(EventArgs),
    /// Record a measure's value for a period (adds it, or replaces that period's)
    Record(RecordArgs),
    /// Rewrite plan files in the canonical layout (key order, spacing), keeping comments
    Fmt(FmtArgs),
    /// What changed in the plan between two git revisions (or a revision and the work tree)
    Diff(DiffArgs),
    /// Make a plan directory from action-plan tables in Word, Excel, OpenDocument or CSV files
    Import(ImportArgs),
    /// Write a small, valid starter plan to begin from
    Init(InitArgs),
    /// Write the whole plan as a static website: a public scorecard
    Site(SiteArgs),
    /// Print a JSON Schema of the plan files, for editors
    Schema,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): plan man > plan.1
    Man,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older revision (a commit, tag, branch, HEAD~1 ...)
    pub from: String,

    /// The newer revision [default: the work tree]
    pub to: Option<String>,

    #[command(flatten)]
    pub output: FormatArgs,
}

#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// The directory to write the site to (only the files the last build wrote are replaced)
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    /// The site's name [default: the plan's title]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Write into DIR even when it holds files `plan site` did not write (they are left as they are)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Change nothing; list the files that would change and exit 1 if any would
    #[arg(long)]
    pub check: bool,

    /// The files to format [default: every file of the plan]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct FormatArgs {
    /// How to print the report
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// The language of a report's own words (headings, columns, states).
#[derive(Debug, Clone, clap::Args)]
pub struct LangArgs {
    /// The language of the report's own words: cy (Cymraeg) or en (English); plan text stays as written
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
}

/// A report in a fixed format, in either language (`recs`, `measures`).
#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub output: FormatArgs,

    #[command(flatten)]
    pub lang: LangArgs,
}

/// A language `plan` knows, by its code; an unknown one names the known.
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        format!(
            "`{}` is no language plan knows: write one of {}",
            text.trim(),
            Lang::known()
        )
    })
}

/// The languages of a document, the first placed first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Langs(pub Vec<Lang>);

/// One language or two, first first: "cy", "cy,en".
fn parse_langs(text: &str) -> Result<Langs, String> {
    let mut langs = Vec::new();
    for code in text.split(',') {
        let lang = parse_lang(code)?;
        if langs.contains(&lang) {
            return Err(format!("`{}` is named twice", lang.code()));
        }
        langs.push(lang);
    }
    Ok(Langs(langs))
}

/// The flags every task report shares.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub output: FormatArgs,

    /// Only tasks this agency, or one part of it, leads (an id, name or alias; TBC for none)
    #[arg(long, value_name = "AGENCY")]
    pub lead: Option<String>,

    /// Only tasks of this report card (its id, e.g. EJ)
    #[arg(long, value_name = "CARD")]
    pub card: Option<String>,

    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// The measure's id, e.g. M3 (any case)
    pub measure: String,

    /// The period: a date, month, quarter or year, e.g. "Q3 2012-13"
    #[arg(long, value_name = "PERIOD")]
    pub period: String,

    /// The value
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true)]
    pub value: f64,

    /// A note on the value
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct AgenciesArgs {
    #[command(flatten)]
    pub output: FormatArgs,

    /// Order of the agencies: as declared, or lowest accountability score first
    #[arg(long, value_enum, default_value = "plan")]
    pub sort: AgencySort,

    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgencySort {
    /// As the plan declares them.
    Plan,
    /// Lowest accountability score first: who has gone quiet.
    Score,
}

#[derive(Debug, clap::Args)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Exit 1 when any task is overdue (for CI gates)
    #[arg(long)]
    pub fail_if_any: bool,

    /// Judge each task against its original target date, where it was revised
    #[arg(long)]
    pub original: bool,
    /// Show each task's last note in the table (JSON and CSV always carry it)
    #[arg(long)]
    pub notes: bool,
}

#[derive(Debug, clap::Args)]
pub struct DueArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// How many days ahead of the as-of day to look
    #[arg(long, value_name = "DAYS")]
    pub within: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Card,
    Priority,
    Agency,
}

#[derive(Debug, clap::Args)]
pub struct RagArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// What to count by
    #[arg(long, value_enum, default_value = "card")]
    pub by: GroupBy,
}

#[derive(Debug, clap::Args)]
pub struct AgencyArgs {
    /// The agency: its id, name or an alias (any case)
    pub agency: String,

    #[command(flatten)]
    pub output: FormatArgs,

    /// Only tasks of this report card
    #[arg(long, value_name = "CARD")]
    pub card: Option<String>,

    /// Show each task's last note in the table (JSON and CSV always carry it)
    #[arg(long)]
    pub notes: bool,

    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RagFilter {
    Red,
    Amber,
    Green,
    Blue,
    /// Not yet rated
    None,
}

impl RagFilter {
    pub fn rag(self) -> Option<Rag> {
        match self {
            RagFilter::Red => Some(Rag::Red),
            RagFilter::Amber => Some(Rag::Amber),
            RagFilter::Green => Some(Rag::Green),
            RagFilter::Blue => Some(Rag::Blue),
            RagFilter::None => None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct TasksArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Only tasks with this RAG status
    #[arg(long, value_enum, ignore_case = true)]
    pub rag: Option<RagFilter>,

    /// Only tasks in this state
    #[arg(long, value_enum)]
    pub state: Option<StateFilter>,

    /// Show each task's last note in the table (JSON and CSV always carry it)
    #[arg(long)]
    pub notes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateFilter {
    Overdue,
    Stale,
    Waiting,
    Open,
    Done,
    OnHold,
}

impl StateFilter {
    pub fn state(self) -> State {
        match self {
            StateFilter::Overdue => State::Overdue,
            StateFilter::Stale => State::Stale,
            StateFilter::Waiting => State::Waiting,
            StateFilter::Open => State::Open,
            StateFilter::Done => State::Done,
            StateFilter::OnHold => State::OnHold,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// A card (EJ), priority (EJ-1), action (EJ-1.1), task (EJ-1.1.a),
    /// agency (SWP), recommendation (R1) or measure (M3)
    pub id: String,

    #[command(flatten)]
    pub output: FormatArgs,

    #[command(flatten)]
    pub lang: LangArgs,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print the findings
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,

    /// Accept a warning code's findings: count them, do not show them (repeatable)
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,

    /// Report a code's findings as warnings, whatever the plan's `[check]` says (repeatable)
    #[arg(long, value_name = "CODE")]
    pub warn: Vec<String>,

    /// Fail (exit 1) on a warning code's findings, or on every warning with `warnings` (repeatable)
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,

    /// Say what a code means (and, for bad-date, every form a target date may take); reads no plan
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

impl CheckArgs {
    /// The levels the command line gives: the strictest where a code is named twice.
    pub fn levels(&self) -> Result<crate::levels::Levels, crate::levels::LevelError> {
        use crate::levels::Level;
        let mut levels = crate::levels::Levels::default();
        for (names, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            for name in names.iter().filter(|n| !self.is_all_warnings(n)) {
                levels.set(name, level)?;
            }
        }
        Ok(levels)
    }

    /// `--deny warnings`: every warning fails the check.
    pub fn deny_warnings(&self) -> bool {
        self.deny.iter().any(|n| self.is_all_warnings(n))
    }

    fn is_all_warnings(&self, name: &str) -> bool {
        name.trim().eq_ignore_ascii_case("warnings")
    }
}

/// A RAG status in any case, as the plan files accept it (`Green`, `complete`).
fn parse_rag(text: &str) -> Result<Rag, String> {
    Rag::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is no RAG status: write {}",
            crate::words::either(<Rag as crate::words::Words>::WORDS)
        )
    })
}

#[derive(Debug, clap::Args)]
pub struct EventArgs {
    /// The event's id, as in its `[[event]]` table (any case)
    pub event: String,

    /// The day it happened (YYYY-MM-DD)
    #[arg(value_name = "DATE", value_parser = crate::dates::parse_day, required_unless_present = "clear")]
    pub date: Option<NaiveDate>,

    /// Take the date away: the event has not happened after all
    #[arg(long, conflicts_with = "date")]
    pub clear: bool,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true)
    .args(["rag", "clear_rag", "note", "note_cy", "note_en", "done", "due", "lead"])))]
pub struct SetArgs {
    /// The task's full id, e.g. EJ-1.1.a (any case)
    pub task: String,

    /// The new RAG status: red, amber, green or blue (complete), in any case
    #[arg(long, value_name = "RAG", value_parser = parse_rag, conflicts_with = "clear_rag")]
    pub rag: Option<Rag>,

    /// Take the RAG status away (not yet rated)
    #[arg(long)]
    pub clear_rag: bool,

    /// The note: what happened, what is next
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// The note in Welsh, in a plan whose languages (plan.toml) name cy (written as `note_cy`, or as `note` where Welsh is the first language)
    #[arg(long, value_name = "TEXT")]
    pub note_cy: Option<String>,

    /// The note in English, in a plan whose languages (plan.toml) name en (written as `note_en`, or as `note` where English is the first language)
    #[arg(long, value_name = "TEXT")]
    pub note_en: Option<String>,

    /// The day the task was completed (YYYY-MM-DD); also sets the RAG to blue unless --rag says otherwise
    #[arg(long, value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub done: Option<NaiveDate>,

    /// A new target date, in the date grammar ("Summer 2013 & On-going", "2013-01-31" ...)
    #[arg(long, value_name = "TEXT")]
    pub due: Option<String>,

    /// With --due: the target was misread (an import error, a typo); correct it, counting no revision
    #[arg(long, requires = "due")]
    pub correct: bool,

    /// The new lead(s): agency ids, names or aliases, or TBC
    #[arg(long, value_name = "AGENCY", num_args = 1..)]
    pub lead: Option<Vec<String>>,
}

#[derive(Debug, clap::Args)]
pub struct HighlightArgs {
    /// The quarter, e.g. "Q2 2012-13" (any period of the date grammar) [default: the quarter of the as-of day]
    #[arg(long, value_name = "PERIOD")]
    pub quarter: Option<String>,

    /// Markdown, one self-contained HTML file, or a Word document (docx: needs -o FILE)
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: DocumentFormat,

    /// Write the report to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The language of the report's own words: cy, en, or both in one document, the first first (cy,en)
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_langs)]
    pub lang: Langs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    Markdown,
    Html,
    Docx,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// ics: an iCalendar entry per open task with a deadline; csv: every task, every field;
    /// xlsx: an Excel workbook (needs -o FILE)
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// Write to FILE instead of standard output (a CSV file starts with a
    /// UTF-8 byte-order mark, so spreadsheets read every letter right)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only tasks this agency, or one part of it, leads (an id, name or alias; TBC for none)
    #[arg(long, value_name = "AGENCY")]
    pub lead: Option<String>,

    /// Only tasks of this report card (its id, e.g. EJ)
    #[arg(long, value_name = "CARD")]
    pub card: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ics,
    Csv,
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct RequestsArgs {
    /// Only this agency (an id, name or alias) [default: every agency that leads an open task]
    #[arg(long, value_name = "AGENCY")]
    pub lead: Option<String>,

    /// Tasks due within this many days are asked about before the rest
    #[arg(long, value_name = "DAYS", default_value_t = 45)]
    pub within: u32,

    /// The day the answers are wanted by (YYYY-MM-DD) [default: 14 days after the as-of day]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub reply_by: Option<NaiveDate>,

    /// The sender's address for the messages' From: [default: none; the mail program fills it]
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,

    /// eml: a draft message with the sheet attached; markdown: the message's text as ID.md
    #[arg(long, value_enum, default_value = "eml")]
    pub format: RequestFormat,

    /// The directory to write ID.xlsx and ID.eml (or ID.md) into
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RequestFormat {
    Eml,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct ApplyArgs {
    /// The returned sheets: .xlsx (as `plan requests` wrote them, saved by any spreadsheet) or .csv
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Check everything and say what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// The day the sheets came back, the progress notes' date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub on: Option<NaiveDate>,

    /// Take rows for tasks that another agency than the sheet's leads
    #[arg(long)]
    pub any_lead: bool,

    /// The agency that returned the files with no signature of `plan requests` (a CSV); a signed sheet must be that agency's
    #[arg(long, value_name = "ID")]
    pub agency: Option<String>,

    /// Take rows for tasks that changed in the plan since the sheet was made
    #[arg(long)]
    pub force: bool,

    /// Write nothing when any row is refused
    #[arg(long)]
    pub all_or_nothing: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// A JSON array of objects, for jq and scripts
    Json,
    /// Comma-separated values with a header row, for spreadsheets
    Csv,
    /// GitHub-flavoured Markdown tables
    Markdown,
}

impl Format {
    /// Writes a report in this format.
    pub fn render(self, out: &mut dyn Write, report: &Report, style: Style) -> io::Result<()> {
        match self {
            Format::Table => terminal::render(out, report, style),
            Format::Json => report::json_rows(out, report),
            Format::Csv => report::csv_rows(out, report),
            Format::Markdown => report::markdown(out, report),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// An excerpt of the file with a caret under the place, and a help line.
    Human,
    /// One line each: `path:line:col: severity[code]: message`.
    Short,
    /// A JSON array of objects.
    Json,
    /// GitHub Actions workflow commands (`::error file=...`).
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

impl DiagnosticFormat {
    /// Writes findings in this format.
    pub fn render(
        self,
        out: &mut dyn Write,
        sources: &Sources,
        diagnostics: &[Diagnostic],
        colour: bool,
    ) -> io::Result<()> {
        use crate::render::diagnostics as d;
        match self {
            DiagnosticFormat::Human => d::human(out, sources, diagnostics, colour),
            DiagnosticFormat::Short => d::short(out, sources, diagnostics),
            DiagnosticFormat::Json => d::json(out, sources, diagnostics),
            DiagnosticFormat::Github => d::github(out, sources, diagnostics),
            DiagnosticFormat::Sarif => d::sarif(out, sources, diagnostics),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// clap's own checks of the definition (conflicting flags, bad defaults ...).
    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}

/// What a table of recommendations is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportAs {
    Recommendations,
    Actions,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The files to read: .docx (its tables), .xlsx, .xls, .ods (every sheet), .csv, .tsv
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// The plan directory to write (new or empty; see --force)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Read only this sheet of a workbook
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Say what a column holds: "Heading=field" (ref, priority, action, task, lead, due, resources, rag, note, outcome, ignore)
    #[arg(long, value_name = "HEADING=FIELD")]
    pub map: Vec<String>,

    /// An agency registry (a plan's agencies.toml) to resolve leads against first
    #[arg(long, value_name = "FILE")]
    pub agencies: Option<PathBuf>,

    /// The plan's first day [default: from the title's years, else the earliest date seen]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub start: Option<NaiveDate>,

    /// The plan's last day [default: as for --start]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub end: Option<NaiveDate>,

    /// The day of the decision that targets such as "6 months" count from (an event `decision`)
    #[arg(long, value_name = "DATE", value_parser = crate::dates::parse_day)]
    pub decided: Option<NaiveDate>,

    /// The plan's title [default: the text above the first table, else the file's name]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Read a Recommendation table as recommendations (with their responses) or as actions [default: recommendations when it has a Response, Accepted, Cabinet Member or Portfolio Holder column]
    #[arg(long = "as", value_name = "KIND")]
    pub as_kind: Option<ImportAs>,

    /// Print the columns found and the first tasks read; write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Write into a non-empty --out directory: replaces only the files an earlier import wrote there
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The directory to write (new or empty)
    #[arg(default_value = "plans")]
    pub dir: PathBuf,
}
