//! The command line: global flags and one variant per subcommand.

use crate::diag::Diagnostic;
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
    #[arg(long, global = true, env = "PLAN_AS_OF", value_name = "DATE", value_parser = parse_day)]
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
    Agencies(FormatArgs),
    /// Every task, filtered by lead, card, RAG or state
    Tasks(TasksArgs),
    /// The scrutiny recommendations, the response and their actions' progress
    Recs(FormatArgs),
    /// Everything about one card, priority, action, task, agency, recommendation or measure
    Show(ShowArgs),
    /// The measures (curves to turn): latest value, change, and whether it goes the better way
    Measures(FormatArgs),
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
    /// Rewrite plan files in the canonical layout (key order, spacing), keeping comments
    Fmt(FmtArgs),
    /// What changed in the plan between two git revisions (or a revision and the work tree)
    Diff(DiffArgs),
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
}

#[derive(Debug, clap::Args)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// Exit 1 when any task is overdue (for CI gates)
    #[arg(long)]
    pub fail_if_any: bool,
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
    #[arg(long, value_enum)]
    pub rag: Option<RagFilter>,

    /// Only tasks in this state
    #[arg(long, value_enum)]
    pub state: Option<StateFilter>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateFilter {
    Overdue,
    Stale,
    Waiting,
    Open,
    Done,
}

impl StateFilter {
    pub fn state(self) -> State {
        match self {
            StateFilter::Overdue => State::Overdue,
            StateFilter::Stale => State::Stale,
            StateFilter::Waiting => State::Waiting,
            StateFilter::Open => State::Open,
            StateFilter::Done => State::Done,
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
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print the findings
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,

    /// Fail (exit 1) on warnings too
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2012-12-01"))
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true)
    .args(["rag", "clear_rag", "note", "done", "due", "lead"])))]
pub struct SetArgs {
    /// The task's full id, e.g. EJ-1.1.a (any case)
    pub task: String,

    /// The new RAG status
    #[arg(long, value_enum, conflicts_with = "clear_rag")]
    pub rag: Option<RagArg>,

    /// Take the RAG status away (not yet rated)
    #[arg(long)]
    pub clear_rag: bool,

    /// The note: what happened, what is next
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// The day the task was completed (YYYY-MM-DD); also sets the RAG to blue unless --rag says otherwise
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub done: Option<NaiveDate>,

    /// A new target date, in the date grammar ("Summer 2013 & On-going", "2013-01-31" ...)
    #[arg(long, value_name = "TEXT")]
    pub due: Option<String>,

    /// The new lead(s): agency ids, names or aliases, or TBC
    #[arg(long, value_name = "AGENCY", num_args = 1..)]
    pub lead: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RagArg {
    Red,
    Amber,
    Green,
    /// Complete
    #[value(alias = "complete")]
    Blue,
}

impl RagArg {
    pub fn rag(self) -> Rag {
        match self {
            RagArg::Red => Rag::Red,
            RagArg::Amber => Rag::Amber,
            RagArg::Green => Rag::Green,
            RagArg::Blue => Rag::Blue,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct HighlightArgs {
    /// The quarter, e.g. "Q2 2012-13" (any period of the date grammar) [default: the quarter of the as-of day]
    #[arg(long, value_name = "PERIOD")]
    pub quarter: Option<String>,

    /// Markdown, or one self-contained HTML file
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: DocumentFormat,

    /// Write the report to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    Markdown,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// ics: an iCalendar entry per open task with a deadline; csv: every task, every field;
    /// xlsx: an Excel workbook (needs -o FILE)
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
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
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub on: Option<NaiveDate>,

    /// Take rows for tasks that another agency than the sheet's leads
    #[arg(long)]
    pub any_lead: bool,

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
