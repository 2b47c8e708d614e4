//! `plan`: a multi-agency action plan kept in TOML files, checked, and
//! reported on. Data flows one way: load (files) -> read (raw, with spans)
//! -> validate (model + findings) -> query -> render.

pub mod cli;
pub mod codes;
pub mod commands;
pub mod compare;
pub mod context;
pub mod dates;
pub mod diag;
pub mod edit;
pub mod excel_day;
pub mod file_format;
pub mod findings;
pub mod format;
pub mod git;
pub mod hidden;
pub mod highlight;
pub mod import;
pub mod leads;
pub mod levels;
pub mod limits;
pub mod line_ends;
pub mod load;
pub mod model;
pub mod open;
pub mod parallel;
pub mod partners;
pub mod query;
pub mod raw;
pub mod read;
pub mod render;
pub mod safe_write;
pub mod schema;
pub mod scripts;
pub mod site;
pub mod source;
pub mod suggest;
pub mod validate;
pub mod view;
pub mod words;

use cli::{Cli, Command};
use std::io::Write;

/// Runs one command, printing its answer to `out` and the plan's errors to
/// `err`; the result is the exit code (0 ok, 1 findings). Fatal errors (no
/// plan, unreadable files, an unknown agency) come back as `Err`: exit 2.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
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
            0
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            0
        }
        Command::Schema => {
            serde_json::to_writer_pretty(&mut *out, &schema::schema())?;
            writeln!(out)?;
            0
        }
    };
    out.flush()?;
    Ok(code)
}
