//! `plan site`: the whole plan as a static website (the pages of `site`),
//! with the task export (`tasks.csv`) and the deadlines calendar
//! (`plan.ics`) beside them, put in place all at once.

use super::shared::TaskFilter;
use super::{export, shared};
use crate::cli::SiteArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::git::Repository;
use crate::query::Query;
use crate::site::{self, File, names, write};
use anyhow::bail;
use std::io::Write;
use std::path::Path;

pub fn run(
    ctx: &Context,
    args: &SiteArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let dir = ctx.plan_dir()?;
    refuse_to_replace_the_plan(&args.output, &dir)?;
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let options = site::Options {
        as_of: ctx.as_of,
        title: args.title.clone(),
        commit: commit_of(&dir),
    };
    let mut files = site::pages(&plan, &options);
    let pages = files.len();
    let query = Query::new(&plan, ctx.as_of);
    files.push(File {
        name: names::TASKS_CSV.into(),
        bytes: export::csv(&plan, &query, &TaskFilter::new(&plan, None, None)?)?,
    });
    files.push(File {
        name: names::CALENDAR.into(),
        bytes: export::calendar(&plan, &query, &TaskFilter::new(&plan, None, None)?, err)?
            .into_bytes(),
    });
    write::write(&args.output, &files, args.force)?;
    writeln!(
        out,
        "wrote {pages} pages, {} and {} to {}",
        names::TASKS_CSV,
        names::CALENDAR,
        args.output.display()
    )?;
    Ok(Exit::Success)
}

/// The commit the plan's repository is at (`git rev-parse HEAD`), if it is in one.
fn commit_of(dir: &Path) -> Option<String> {
    Repository::of(dir).ok()?.resolve("HEAD").ok()
}

/// The site replaces its directory whole, so it must not hold the plan.
fn refuse_to_replace_the_plan(output: &Path, plan_dir: &Path) -> anyhow::Result<()> {
    let (Ok(output), Ok(plan_dir)) = (output.canonicalize(), plan_dir.canonicalize()) else {
        return Ok(());
    };
    if plan_dir.starts_with(&output) {
        bail!(
            "{} holds the plan ({}): the site replaces its directory whole, so give another",
            output.display(),
            plan_dir.display()
        );
    }
    Ok(())
}
