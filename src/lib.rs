//! `plan`: a multi-agency action plan kept in TOML files, checked, and
//! reported on. Data flows one way: load (files) -> read (raw, with spans)
//! -> validate (model + findings) -> query -> render.
//!
//! Public are only the modules the binary, the tests, the examples and the
//! fuzz targets use (and `error`, the type of their errors); the rest is
//! the crate's own, so that rustc reports what nothing uses.
//! (`dates::describe` and `open::from_bytes` are used by the tests and the
//! fuzz targets alone, `error::Bug` by the binary.)

pub(crate) mod address;
pub(crate) mod catalogue;
pub mod cli;
pub(crate) mod codes;
pub(crate) mod commands;
pub(crate) mod compare;
pub(crate) mod context;
pub mod dates;
pub mod diag;
pub(crate) mod edit;
pub mod error;
pub(crate) mod excel_day;
pub mod exit;
pub(crate) mod file_format;
pub(crate) mod findings;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod git;
pub(crate) mod hidden;
pub(crate) mod highlight;
pub(crate) mod import;
pub mod lang;
pub(crate) mod language_findings;
pub(crate) mod leads;
pub(crate) mod levels;
pub(crate) mod limits;
pub(crate) mod line_ends;
pub mod load;
pub mod model;
pub mod open;
pub(crate) mod output_dir;
pub(crate) mod parallel;
pub(crate) mod partners;
pub(crate) mod plan_texts;
pub(crate) mod query;
pub(crate) mod raw;
pub(crate) mod read;
pub mod render;
pub(crate) mod safe_write;
pub(crate) mod schema;
pub(crate) mod scripts;
pub(crate) mod site;
pub(crate) mod source;
pub(crate) mod suggest;
pub mod translations;
pub(crate) mod validate;
pub(crate) mod view;
pub(crate) mod words;

use cli::{Cli, Command};
use exit::Exit;
use std::io::Write;

/// Runs one command, printing its answer to `out` and the plan's errors to
/// `err`; the result is how it ended (success or findings). Fatal errors
/// (no plan, unreadable files, an unknown agency) come back as `Err`:
/// `Exit::Failure`.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let ctx = context::Context::from_cli(cli);
    let code = match &cli.command {
        Command::Check(args) => commands::check::run(&ctx, args, out)?,
        Command::Overdue(args) => commands::overdue::run(&ctx, args, out, err)?,
        Command::Due(args) => commands::due::run(&ctx, args, out, err)?,
        Command::Rag(args) => commands::rag::run(&ctx, args, out, err)?,
        Command::Agency(args) => commands::agency::run(&ctx, args, out, err)?,
        Command::Agencies(args) => commands::agencies::run(&ctx, args, out, err)?,
        Command::Tasks(args) => commands::tasks::run(&ctx, args, out, err)?,
        Command::Recs(args) => commands::recs::run(&ctx, args, out, err)?,
        Command::Show(args) => commands::show::run(&ctx, args, out, err)?,
        Command::Measures(args) => commands::measures::run(&ctx, args, out, err)?,
        Command::Report(args) => commands::report::run(&ctx, args, out, err)?,
        Command::Export(args) => commands::export::run(&ctx, args, out, err)?,
        Command::Set(args) => commands::set::run(&ctx, args, out, err)?,
        Command::Event(args) => commands::event::run(&ctx, args, out, err)?,
        Command::Record(args) => commands::record::run(&ctx, args, out, err)?,
        Command::Requests(args) => commands::requests::run(&ctx, args, out, err)?,
        Command::Apply(args) => commands::apply::run(&ctx, args, out, err)?,
        Command::Fmt(args) => commands::fmt::run(&ctx, args, out, err)?,
        Command::Diff(args) => commands::diff::run(&ctx, args, out, err)?,
        Command::Import(args) => commands::import::run(&ctx, args, out, err)?,
        Command::Init(args) => commands::init::run(&ctx, args, out)?,
        Command::Site(args) => commands::site::run(&ctx, args, out, err)?,
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "plan", out);
            Exit::Success
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            Exit::Success
        }
        Command::Schema => {
            serde_json::to_writer_pretty(&mut *out, &schema::schema())?;
            writeln!(out)?;
            Exit::Success
        }
    };
    out.flush()?;
    Ok(code)
}
