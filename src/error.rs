//! The fatal errors a command stops at (exit 2), each a kind with its
//! fields, and all their wording in the one `Display` below, as
//! `findings.rs` keeps the wording of the plan's findings.
//!
//! Commands still return `anyhow::Result`: an `Error` goes into it with `?`
//! and can be had back with `downcast_ref::<Error>()`. What stays plain
//! `anyhow` is the unexpected (a write to the terminal failing, a reader
//! crate's own error) and, for now, the errors of the modules being
//! reworked: `edit.rs`'s, which only a file changed under `plan` between
//! its check and its edit could meet. A file from outside that is refused
//! is a `FileError`.
//! An I/O failure keeps its cause as `source()`, so the message reads
//! "cannot read DIR: Permission denied (os error 13)".

use crate::levels::LevelError;
use std::fmt;
use std::io;
use std::path::PathBuf;

/// A fatal error: the command could not do what it was asked.
#[derive(Debug)]
pub enum Error {
    // Finding and reading the plan directory.
    /// `--dir` names something that cannot be looked at.
    UnusablePlanDir { dir: PathBuf, source: io::Error },
    /// `--dir` names a file.
    PlanDirNotADirectory { dir: PathBuf },
    /// `--dir` names a repository's root whose `plans/` holds the plan.
    PlanIsInPlans { dir: PathBuf, plans: PathBuf },
    /// No `plan.toml` at or above the working directory.
    NoPlanFound { cwd: PathBuf },
    /// A directory or file of the plan cannot be read.
    CannotRead { path: PathBuf, source: io::Error },
    /// A link leads back to a directory that holds it.
    DirectoryLoop { dir: PathBuf, holder: PathBuf },
    /// Directories nested deeper than `max` (`load::MAX_DEPTH`).
    TooDeep { dir: PathBuf, max: usize },
    /// A `*.toml` that is a FIFO or a device.
    NotARegularFile { path: PathBuf },
    /// The plan directory holds no plan file.
    NoPlanFiles { dir: PathBuf },
    /// The plan directory held no plan file at a commit.
    NoPlanFilesAt { prefix: String, commit: String },
    /// The plan's history could not be read.
    Git(GitError),

    // A plan that cannot be edited.
    /// Some plan file cannot be read, so none is edited.
    PlanUnreadable,
    /// Returns are applied only to a plan with no errors.
    PlanHasErrorsForApply,
    /// A file `plan fmt` was given is not TOML.
    NotToml(toml_edit::TomlError),

    // Who a returned sheet belongs to (`partners/signature.rs`).
    /// A signed sheet whose signature does not verify for the agency it names.
    ReturnNotSigned {
        file: String,
        agency: String,
        why: &'static str,
    },
    /// A sheet with no signature (a CSV, an About sheet deleted) and no `--agency`.
    ReturnUnsigned { file: String },
    /// `--agency` names another agency than the sheet's signature.
    ReturnOtherAgency {
        file: String,
        signed: String,
        given: String,
    },
    /// A signed sheet, and no key in the plan directory to check it with.
    NoPlanKey { file: String, dir: PathBuf },
    /// The plan's key file holds no key `plan` made.
    BadPlanKey { path: PathBuf },

    // What the command line names.
    /// No agency by that id, name or alias (with the nearest, id and name).
    NoAgency {
        text: String,
        near: Option<(String, String)>,
    },
    /// `None`, `All` and such name no agency.
    ReservedWord { text: String },
    /// No report card with that id.
    NoCard { text: String, ids: Vec<String> },
    /// No task with that id.
    NoTask { id: String },
    /// The id is of a card, priority or action; `example` is a task in it.
    NotATask {
        id: String,
        kind: &'static str,
        example: Option<String>,
    },
    /// An id without all four parts.
    NotAFullTaskId { id: String },
    /// `--note-cy` for a plan whose `languages` do not name Welsh.
    NoteLanguageNotDeclared {
        lang: crate::lang::Lang,
        declared: Vec<crate::lang::Lang>,
    },
    /// `--note` and `--note-cy` together where Welsh is the first
    /// language: both are the entry's `note`.
    NoteGivenTwice { lang: crate::lang::Lang },
    /// `plan show` knows no such id.
    NoSuchId { id: String },
    /// No measure with that id.
    NoMeasure { id: String },
    /// No event with that id; `ids` are the plan's events.
    NoEvent { id: String, ids: Vec<String> },
    /// `plan record`'s period is no date, month, quarter or year.
    NotAPeriod { text: String },
    /// `plan report --quarter` is no quarter.
    NotAQuarter { text: String },
    /// `plan report --quarter Q3` in a plan of several years: `first` and
    /// `last` are its first and last years ("2012-13").
    QuarterWithoutYear {
        text: String,
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
        first: String,
        last: String,
    },
    /// `plan record --value` is NaN or infinite.
    NotANumber { flag: &'static str },
    /// A finding's code, or a level for one, that does not exist.
    Level(LevelError),
    /// `plan export --format xlsx` to the terminal.
    XlsxNeedsAFile,
    /// `plan report --format docx` without `-o`.
    DocxNeedsAFile,
    /// `plan import --map` without `=`.
    MapWithoutEquals { map: String },
    /// `plan import --map` naming no field; `fields` lists them.
    MapNoSuchField {
        map: String,
        field: String,
        fields: &'static str,
    },

    // Where output goes.
    /// `plan site -o` names the plan's directory or one holding it.
    SiteWouldHoldPlan { output: PathBuf, plan_dir: PathBuf },
    /// `plan site -o` names a directory with a plan file (`file`) in it.
    SiteDirHoldsPlanFiles { output: PathBuf, file: PathBuf },
    /// `plan site -o` names a directory too full to look through.
    SiteDirTooFull { output: PathBuf, looked_at: usize },
    /// A directory for output cannot be made.
    CannotCreate { dir: PathBuf, source: io::Error },
    /// The working directory cannot be known.
    NoWorkingDirectory(io::Error),

    // Writing files and directories (`safe_write`, `output_dir`).
    /// A file cannot be written.
    CannotWrite { path: PathBuf, source: io::Error },
    /// A directory cannot be opened (to lock it).
    CannotOpen { path: PathBuf, source: io::Error },
    /// The lock file (where a directory cannot be locked) cannot be made.
    CannotCreateLockFile { path: PathBuf, source: io::Error },
    /// The lock of a plan directory cannot be taken.
    CannotLock { dir: PathBuf, source: io::Error },
    /// A directory of the output cannot be made.
    CannotMake { dir: PathBuf, source: io::Error },
    /// A written file cannot be renamed into its place.
    CannotPutInPlace { path: PathBuf, source: io::Error },
    /// The file changed between its reading and its writing.
    ChangedOnDisk { path: PathBuf },
    /// The output directory is a file.
    NotADirectory { path: PathBuf },
    /// A file name `plan` made is not a plain relative path.
    NotAPlainName { name: String },
    /// `plan` would write one name twice.
    WrittenTwice { name: String },
    /// A non-empty directory `who` never wrote, without `--force`.
    NotOurDirectory {
        dir: PathBuf,
        who: &'static str,
        manifest: &'static str,
    },
    /// A directory `who` wrote before, without `--force` where it is needed.
    NotEmpty {
        dir: PathBuf,
        who: &'static str,
        manifest: &'static str,
    },
    /// A file the writer would write is one of its inputs.
    WouldOverwriteInput { path: PathBuf, who: &'static str },
    /// A directory where the writer writes a file.
    DirectoryInTheWay { path: PathBuf, who: &'static str },
    /// A file there that the writer did not write.
    NotOurFile {
        path: PathBuf,
        who: &'static str,
        manifest: &'static str,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnusablePlanDir { dir, .. } => {
                write!(f, "cannot use plan directory {}", dir.display())
            }
            Error::PlanDirNotADirectory { dir } => {
                write!(f, "plan directory {} is not a directory", dir.display())
            }
            Error::PlanIsInPlans { dir, plans } => write!(
                f,
                "plan directory {} holds no plan.toml, but {} does: that looks like the plan; use --dir {}",
                dir.display(),
                plans.display(),
                plans.display()
            ),
            Error::NoPlanFound { cwd } => write!(
                f,
                "no plan found: looked for plan.toml and plans/plan.toml in {} and every directory above it; \
                 name the plan directory with --dir DIR or PLAN_DIR",
                cwd.display()
            ),
            Error::CannotRead { path, .. } => write!(f, "cannot read {}", path.display()),
            Error::DirectoryLoop { dir, holder } => write!(
                f,
                "directory loop: {} leads back to {}, which holds it",
                dir.display(),
                holder.display()
            ),
            Error::TooDeep { dir, max } => write!(
                f,
                "{} is more than {max} directories deep in the plan directory; \
                 not read (no plan is nested so deep)",
                dir.display()
            ),
            Error::NotARegularFile { path } => write!(
                f,
                "{} is not a regular file (a FIFO or device?)",
                path.display()
            ),
            Error::NoPlanFiles { dir } => {
                write!(f, "no *.toml files in plan directory {}", dir.display())
            }
            Error::NoPlanFilesAt { prefix, commit } => write!(
                f,
                "the plan directory `{prefix}` holds no *.toml files at {commit}"
            ),
            Error::Git(err) => write!(f, "{err}"),
            Error::PlanUnreadable => f.write_str(
                "the plan's files cannot all be read (`plan check` says where): mend them before editing it",
            ),
            Error::PlanHasErrorsForApply => f.write_str(
                "the plan has errors (`plan check` lists them): mend them before applying returns",
            ),
            Error::NotToml(_) => f.write_str("not valid TOML"),
            Error::ReturnNotSigned { .. }
            | Error::ReturnUnsigned { .. }
            | Error::ReturnOtherAgency { .. }
            | Error::NoPlanKey { .. }
            | Error::BadPlanKey { .. } => self.fmt_returns(f),
            Error::SiteWouldHoldPlan { output, plan_dir } => write!(
                f,
                "{} holds the plan ({}): the site is never written there; give another directory",
                output.display(),
                plan_dir.display()
            ),
            Error::SiteDirHoldsPlanFiles { output, file } => write!(
                f,
                "{} holds plan files ({}): the site is never written there; give another directory",
                output.display(),
                file.display()
            ),
            Error::SiteDirTooFull { output, looked_at } => write!(
                f,
                "{} holds over {looked_at} files: too many to check for plan files; give a directory for the site",
                output.display()
            ),
            Error::CannotCreate { dir, .. } => write!(f, "cannot create {}", dir.display()),
            Error::NoWorkingDirectory(_) => f.write_str("cannot know the working directory"),
            _ => self.fmt_named(f),
        }
    }
}

impl Error {
    /// The wording of the errors about whose return a sheet is.
    fn fmt_returns(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ReturnNotSigned { file, agency, why } => write!(
                f,
                "{file}: this sheet was not made by `plan requests` for {agency}, or was changed: {why}; nothing was applied"
            ),
            Error::ReturnUnsigned { file } => write!(
                f,
                "{file} carries no signature of `plan requests` (a CSV, or a sheet whose hidden About sheet was deleted or that an older plan made): give --agency ID to say which agency returned it"
            ),
            Error::ReturnOtherAgency {
                file,
                signed,
                given,
            } => write!(
                f,
                "{file} was made by `plan requests` for {signed}, not for {given} (--agency)"
            ),
            Error::NoPlanKey { file, dir } => write!(
                f,
                "{file} is signed, but the plan directory {} has no key (.plan-key) to check it with: apply it in the copy of the plan that made the requests",
                dir.display()
            ),
            Error::BadPlanKey { path } => write!(
                f,
                "{} holds no key `plan requests` made (64 hex digits): put the one that signed the sheets back",
                path.display()
            ),
            _ => Ok(()),
        }
    }

    /// The wording of the errors about what the command line names.
    fn fmt_named(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HOW: &str = "give a task's full id, CARD-PRIORITY.ACTION.TASK";
        match self {
            Error::NoAgency {
                text,
                near: Some((id, name)),
            } => write!(
                f,
                "no agency `{text}` in the plan; did you mean `{id}` ({name})?"
            ),
            Error::NoAgency { text, near: None } => write!(
                f,
                "no agency `{text}` in the plan; `plan agencies` lists them"
            ),
            Error::ReservedWord { text } => {
                write!(f, "`{text}` is a reserved word, not an agency")
            }
            Error::NoCard { text, ids } => write!(
                f,
                "no report card `{text}` in the plan; the cards are {}",
                ids.join(", ")
            ),
            Error::NoTask { id } => {
                write!(f, "no task `{id}` in the plan: {HOW}, such as EJ-1.1.a")
            }
            Error::NotATask { id, kind, example } => {
                write!(f, "{id} is {kind}, not a task: {HOW}")?;
                match example {
                    Some(task) => write!(f, ", such as {task}"),
                    None => Ok(()),
                }
            }
            Error::NotAFullTaskId { id } => write!(f, "`{id}` is not a full task id"),
            Error::NoteLanguageNotDeclared { .. } | Error::NoteGivenTwice { .. } => {
                self.fmt_languages(f)
            }
            Error::NoSuchId { id } => write!(
                f,
                "nothing in the plan has the id `{id}`: give a card (EJ), priority (EJ-1), action (EJ-1.1), \
                 task (EJ-1.1.a), agency, recommendation (R1) or measure (M3)"
            ),
            Error::NoMeasure { id } => write!(
                f,
                "no measure `{id}` in the plan; `plan measures` lists them"
            ),
            Error::NoEvent { id, ids } => {
                write!(f, "no event `{id}` in the plan")?;
                if !ids.is_empty() {
                    write!(f, " (the events are {})", ids.join(", "))?;
                }
                f.write_str("; declare it as [[event]] id = \"...\" title = \"...\"")
            }
            Error::NotAPeriod { text } => write!(
                f,
                "`{text}` is not a period: give a date, month, quarter or year, such as \"Q3 2012-13\""
            ),
            Error::NotAQuarter { text } => write!(
                f,
                "`{text}` is not a period: give a quarter such as \"Q2 2012-13\""
            ),
            Error::QuarterWithoutYear {
                text,
                start,
                end,
                first,
                last,
            } => write!(
                f,
                "`{text}` names no year, and the plan runs from {start} to {end} ({first} to {last}): \
                 say which, such as \"{text} {last}\""
            ),
            Error::NotANumber { flag } => write!(f, "`{flag}` must be a number"),
            Error::Level(err) => write!(f, "{err}"),
            Error::XlsxNeedsAFile => {
                f.write_str("an xlsx workbook is written to a file: give -o FILE")
            }
            Error::DocxNeedsAFile => {
                f.write_str("a Word document is written to a file, not to a terminal: give -o FILE")
            }
            Error::MapWithoutEquals { map } => write!(
                f,
                "--map {map:?}: write it as \"Heading=field\", e.g. --map \"Timescale=due\""
            ),
            Error::MapNoSuchField { map, field, fields } => write!(
                f,
                "--map {map:?}: `{field}` is no field; the fields are {fields}"
            ),
            _ => self.fmt_writing(f),
        }
    }
}

impl Error {
    /// A note given in a language the plan does not take it in.
    fn fmt_languages(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoteLanguageNotDeclared { lang, declared } => {
                write!(
                    f,
                    "--note-{lang} gives the note in {}, but ",
                    lang.own_name()
                )?;
                match declared.as_slice() {
                    [] => write!(
                        f,
                        "the plan declares no languages: give the note with --note, or add languages = [...] to [plan]"
                    ),
                    _ => {
                        let codes: Vec<&str> = declared.iter().map(|l| l.code()).collect();
                        write!(
                            f,
                            "the plan's languages are {}: add {lang} to [plan] languages first",
                            codes.join(", ")
                        )
                    }
                }
            }
            Error::NoteGivenTwice { lang } => write!(
                f,
                "--note and --note-{lang} both give the note: {} is the plan's first language, written in `note`; give one of them",
                lang.own_name()
            ),
            _ => Ok(()),
        }
    }

    /// The wording of the errors of writing files and directories.
    fn fmt_writing(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::CannotWrite { path, .. } => write!(f, "cannot write {}", path.display()),
            Error::CannotOpen { path, .. } => write!(f, "cannot open {}", path.display()),
            Error::CannotCreateLockFile { path, .. } => {
                write!(f, "cannot create the lock file {}", path.display())
            }
            Error::CannotLock { dir, .. } => {
                write!(f, "cannot lock the plan directory {}", dir.display())
            }
            Error::CannotMake { dir, .. } => write!(f, "cannot make {}", dir.display()),
            Error::CannotPutInPlace { path, .. } => {
                write!(f, "cannot put {} in place", path.display())
            }
            Error::ChangedOnDisk { path } => write!(
                f,
                "{} changed on disk while it was being edited; nothing was written: run the command again",
                path.display()
            ),
            Error::NotADirectory { path } => {
                write!(f, "{} exists and is not a directory", path.display())
            }
            Error::NotAPlainName { name } => write!(
                f,
                "`{name}` is not a name `plan` writes in a directory (a bug in `plan`)"
            ),
            Error::WrittenTwice { name } => {
                write!(f, "`{name}` would be written twice (a bug in `plan`)")
            }
            _ => self.fmt_refused(f),
        }
    }

    /// The wording of an output directory's refusals.
    fn fmt_refused(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotOurDirectory { dir, who, manifest } => write!(
                f,
                "{} is not empty, and `{who}` did not write there (it has no {manifest}): \
                 name a new or empty directory, or add --force to write beside what is there \
                 (nothing `{who}` did not write is ever replaced or removed)",
                dir.display()
            ),
            Error::NotEmpty { dir, who, manifest } => write!(
                f,
                "{} is not empty: name a new directory, or add --force to replace what \
                 `{who}` wrote there before (the files {manifest} lists; nothing else is touched)",
                dir.display()
            ),
            Error::WouldOverwriteInput { path, who } => write!(
                f,
                "{} is a file `{who}` reads: it is never written over; write to another directory",
                path.display()
            ),
            Error::DirectoryInTheWay { path, who } => write!(
                f,
                "{} is a directory; `{who}` writes a file of that name there: move it away",
                path.display()
            ),
            Error::NotOurFile {
                path,
                who,
                manifest,
            } => write!(
                f,
                "{} is there and `{who}` did not write it (it is not in {manifest}): \
                 move it away, or write to another directory; nothing was written",
                path.display()
            ),
            // The other kinds are worded by `Display::fmt`, `fmt_named` and
            // `fmt_writing`, which send only these here.
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::UnusablePlanDir { source, .. }
            | Error::CannotRead { source, .. }
            | Error::CannotCreate { dir: _, source }
            | Error::NoWorkingDirectory(source)
            | Error::CannotWrite { source, .. }
            | Error::CannotOpen { source, .. }
            | Error::CannotCreateLockFile { source, .. }
            | Error::CannotLock { source, .. }
            | Error::CannotMake { source, .. }
            | Error::CannotPutInPlace { source, .. } => Some(source),
            Error::NotToml(err) => Some(err),
            // Its own wording is the whole message; its cause follows it.
            Error::Git(err) => err.source(),
            _ => None,
        }
    }
}

/// Why git could not answer, in git's own words where it gave some.
#[derive(Debug)]
pub enum GitError {
    /// There is no `git` program to run.
    NotInstalled,
    /// git could not be started, or its pipes failed.
    CannotRun(io::Error),
    /// git says the directory is not in a repository.
    NotARepository { dir: PathBuf },
    /// `git rev-parse --verify` found no such commit.
    NoRevision { rev: String, root: PathBuf },
    /// A revision that would read as an option.
    NotARevision { rev: String },
    /// git ran and failed: what it printed on its error stream.
    Failed { command: String, said: String },
    /// git answered something `plan` cannot read.
    Unreadable { what: String },
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::NotInstalled => {
                write!(
                    f,
                    "git is not installed: the plan's history is read with it"
                )
            }
            GitError::CannotRun(err) => write!(f, "cannot run git: {err}"),
            GitError::NotARepository { dir } => {
                write!(f, "{} is not in a git repository", dir.display())
            }
            GitError::NoRevision { rev, root } => write!(
                f,
                "no revision `{rev}` in the repository at {}",
                root.display()
            ),
            GitError::NotARevision { rev } => write!(f, "`{rev}` is not a revision"),
            GitError::Failed { command, said } => write!(f, "`{command}` failed: {said}"),
            GitError::Unreadable { what } => f.write_str(what),
        }
    }
}

impl std::error::Error for GitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GitError::CannotRun(err) => Some(err),
            _ => None,
        }
    }
}

/// A file from outside (a document to import, a returned sheet) that
/// `plan` does not read: what it is not, and where. Every one exits 2 and
/// writes nothing.
#[derive(Debug)]
pub enum FileError {
    /// A CSV quote that opens a cell and is never closed, at `line`.
    UnclosedQuote { path: PathBuf, line: usize },
    /// More table cells in a Word document than one file may hold.
    TooManyCells { path: PathBuf, limit: usize },
    /// A Word table that cannot be laid out (`table` from 1).
    InTable {
        path: PathBuf,
        table: usize,
        error: String,
    },
    /// A Word document with no table.
    NoTableInDocument { path: PathBuf },
    /// A file of a kind `plan import` does not read.
    NotAnImportFormat { path: PathBuf },
    /// No task below any header row; `files` lists the files read.
    NoTaskFound { files: String },
    /// No table in a file.
    NoTableFound { path: PathBuf },
    /// No header row recognised in `table`; `seen` are its first cells.
    NoHeaderRow {
        path: PathBuf,
        table: String,
        seen: Vec<String>,
    },
    /// A check of the file's parts failed (a zip bomb, too many strings).
    Refused { path: PathBuf, why: String },
    /// An encrypted or old binary office file.
    PasswordOrOldFormat { path: PathBuf },
    /// A password-protected workbook.
    PasswordWorkbook { path: PathBuf },
    /// A file that is not the office file its name says (`why`: the reader's words).
    Corrupt { path: PathBuf, why: String },
    /// `--sheet` naming no sheet of the workbook; `sheets` lists them.
    NoSuchSheet {
        path: PathBuf,
        name: String,
        sheets: String,
    },
    /// An `.xls` cell past its 256 columns (`column` from 1).
    XlsColumn { column: u32, at: usize },
    /// A compound file (`.xls`) whose directory or a stream runs round a
    /// loop of sectors (`sector`: where the chain starts).
    XlsSectorLoop { sector: u32 },
    /// A return that is neither a workbook nor a CSV file (`name` as shown).
    NeitherWorkbookNorCsv { name: String },
    /// A workbook none of whose sheets has the return sheet's header.
    NoReturnSheet,
    /// A return sheet without the `Id` and `New RAG` header row.
    NoReturnHeader { name: String },
    /// A return sheet without a column it must have.
    NoReturnColumn { name: String, column: String },
    /// A return sheet with more rows than any request of this plan.
    TooManyReturnRows {
        name: String,
        rows: usize,
        most: usize,
    },
}

/// What to do with a returned file `plan apply` cannot read.
pub const SAVE_AS: &str = "open it in Excel or LibreOffice, save it as Excel Workbook (.xlsx) or CSV UTF-8, and apply that";

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FileError as E;
        match self {
            E::UnclosedQuote { path, line } => write!(
                f,
                "{}: line {line}: a quote opens a cell and is never closed (the rest of the file would be one cell); close it or remove it",
                path.display()
            ),
            E::TooManyCells { path, limit } => write!(
                f,
                "{}: more table cells than plan reads from one file ({limit}); not read",
                path.display()
            ),
            E::InTable { path, table, error } => {
                write!(f, "{}: table {table}, {error}", path.display())
            }
            E::NoTableInDocument { path } => write!(
                f,
                "{}: the document has no table: `plan import` reads an action plan laid out as a table",
                path.display()
            ),
            E::NotAnImportFormat { path } => write!(
                f,
                "{}: `plan import` reads .docx, .xlsx, .xls, .ods, .csv and .tsv files",
                path.display()
            ),
            E::NoTaskFound { files } => {
                write!(f, "no task found below the header row in {files}")
            }
            E::NoTableFound { path } => write!(
                f,
                "{}: no table found (a document's tables, a workbook's sheets or a CSV file's rows are read)",
                path.display()
            ),
            E::NoHeaderRow { path, table, seen } => write!(
                f,
                "{}: no header row recognised in {table} (looked for headings such as Action, Lead, Target date, Timescale, RAG, Resources); \
                 the first rows hold: {}; name the columns with --map, e.g. --map \"{}=task\" --map \"Lead Officer=lead\"",
                path.display(),
                seen.iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                seen.first().map(String::as_str).unwrap_or("Action")
            ),
            E::Refused { path, why } => write!(f, "{}: {why}", path.display()),
            _ => self.fmt_office(f),
        }
    }
}

impl FileError {
    /// The wording of the office files' and the returns' errors.
    fn fmt_office(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FileError as E;
        match self {
            E::PasswordOrOldFormat { path } => write!(
                f,
                "{}: the file is password-protected (encrypted) or an old binary format: open it, remove the password (or save it as .docx/.xlsx) and import that",
                path.display()
            ),
            E::PasswordWorkbook { path } => write!(
                f,
                "{}: the workbook is password-protected: open it, remove the password and import that",
                path.display()
            ),
            E::Corrupt { path, why } => write!(
                f,
                "{}: the file is corrupt or not what its name says ({why})",
                path.display()
            ),
            E::NoSuchSheet { path, name, sheets } => {
                write!(
                    f,
                    "{}: no sheet {name:?}; its sheets are {sheets}",
                    path.display()
                )
            }
            E::XlsSectorLoop { sector } => write!(
                f,
                "its chain of sectors from sector {sector} runs round a loop: the file is damaged; not read"
            ),
            E::XlsColumn { column, at } => write!(
                f,
                "a cell in column {column} (record at byte {at}), past the 256 columns an .xls sheet has; not read"
            ),
            E::NeitherWorkbookNorCsv { name } => {
                write!(f, "{name} is neither a workbook nor a CSV file: {SAVE_AS}")
            }
            E::NoReturnSheet => {
                f.write_str("no sheet has the return sheet's header row (`Id`, `New RAG` ...)")
            }
            E::NoReturnHeader { name } => write!(
                f,
                "{name} has no header row with `Id` and `New RAG`: it is not a return sheet"
            ),
            E::NoReturnColumn { name, column } => {
                write!(
                    f,
                    "{name} has no `{column}` column: it is not a return sheet"
                )
            }
            E::TooManyReturnRows { name, rows, most } => write!(
                f,
                "{name} has {rows} rows below its header, more than a return sheet of this plan has (at most {most}): it is not a return sheet"
            ),
            _ => unreachable!("worded in Display::fmt"),
        }
    }
}

impl std::error::Error for FileError {}

/// A panic: a bug in `plan`, never the user's doing. Says so, and where to
/// report it (`main.rs` prints it from its panic hook; exit 101).
#[derive(Debug)]
pub struct Bug {
    /// `file:line` of the panic, when known.
    pub place: Option<String>,
    /// The panic's message.
    pub what: String,
}

impl fmt::Display for Bug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "this is a bug in `plan` {}, not a problem with your plan: please report it, \
             with the command you ran and this message, to the issue tracker of the \
             repository `plan` came from\n  panicked",
            env!("CARGO_PKG_VERSION")
        )?;
        if let Some(place) = &self.place {
            write!(f, " at {place}")?;
        }
        write!(f, ": {}", self.what)
    }
}

impl From<GitError> for Error {
    fn from(err: GitError) -> Self {
        Error::Git(err)
    }
}

impl From<LevelError> for Error {
    fn from(err: LevelError) -> Self {
        Error::Level(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording_with_and_without_its_optional_parts() {
        let not_a_task = |example: Option<&str>| Error::NotATask {
            id: "EJ-1".into(),
            kind: "a priority",
            example: example.map(String::from),
        };
        assert_eq!(
            not_a_task(Some("EJ-1.1.a")).to_string(),
            "EJ-1 is a priority, not a task: give a task's full id, \
             CARD-PRIORITY.ACTION.TASK, such as EJ-1.1.a"
        );
        assert!(
            not_a_task(None)
                .to_string()
                .ends_with("CARD-PRIORITY.ACTION.TASK")
        );
        let event = |ids: &[&str]| Error::NoEvent {
            id: "launch".into(),
            ids: ids.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(
            event(&[]).to_string(),
            "no event `launch` in the plan; declare it as [[event]] id = \"...\" title = \"...\""
        );
        assert!(
            event(&["a", "b"])
                .to_string()
                .contains("(the events are a, b);")
        );
        let agency = Error::NoAgency {
            text: "polce".into(),
            near: Some(("POLICE".into(), "Police".into())),
        };
        assert_eq!(
            agency.to_string(),
            "no agency `polce` in the plan; did you mean `POLICE` (Police)?"
        );
    }

    #[test]
    fn a_panic_says_it_is_a_bug_and_where_to_report_it() {
        let bug = Bug {
            place: Some("src/import/build.rs:96".into()),
            what: "byte index 43 is out of bounds".into(),
        }
        .to_string();
        assert!(bug.starts_with("this is a bug in `plan` "), "{bug}");
        assert!(bug.contains("please report it"), "{bug}");
        assert!(
            bug.ends_with("panicked at src/import/build.rs:96: byte index 43 is out of bounds"),
            "{bug}"
        );
    }

    #[test]
    fn an_io_failure_keeps_its_cause_for_the_chain() {
        let err = anyhow::Error::new(Error::CannotRead {
            path: "plans".into(),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        });
        assert_eq!(format!("{err:#}"), "cannot read plans: permission denied");
        assert!(err.downcast_ref::<Error>().is_some());
    }
}
