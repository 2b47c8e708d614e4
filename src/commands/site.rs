//! `plan site`: the whole plan as a static website (the pages of `site`),
//! with the task export (`tasks.csv`) and the deadlines calendar
//! (`plan.ics`) beside them, written by `output_dir` (which replaces only
//! the files the last build wrote, and leaves every other file alone).

use super::shared::TaskFilter;
use super::{export, shared};
use crate::cli::SiteArgs;
use crate::context::Context;
use crate::error::Error;
use crate::exit::Exit;
use crate::git::Repository;
use crate::output_dir::{self, Rules};
use crate::query::Query;
use crate::site::{self, File, names};
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
        uncommitted: Repository::of(&dir).is_ok_and(|repo| repo.changed_under(&dir)),
        languages: plan.meta.languages.clone(),
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
    let named: Vec<(String, &[u8])> = files
        .iter()
        .map(|f| (f.name.clone(), f.bytes.as_slice()))
        .collect();
    let rules = Rules {
        who: "plan site",
        manifest: MANIFEST,
        force: args.force,
        rewrite_own: true,
        inputs: &[],
    };
    output_dir::write(&args.output, &named, &rules, err)?;
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

/// The list `plan site` keeps of the files it wrote in its directory.
pub const MANIFEST: &str = ".plan-site";

/// How many entries of the output directory are looked at for plan files.
const LOOKED_AT: usize = 100_000;

/// The site is never written where a plan is: not in a directory holding
/// the plan's, nor in one holding a plan file (`*.toml`) at any depth, so a
/// mistyped `-o plans/cards` cannot touch a card, `--force` or not.
fn refuse_to_replace_the_plan(output: &Path, plan_dir: &Path) -> Result<(), Error> {
    let (Ok(output), Ok(plan_dir)) = (output.canonicalize(), plan_dir.canonicalize()) else {
        return Ok(());
    };
    if plan_dir.starts_with(&output) {
        return Err(Error::SiteWouldHoldPlan { output, plan_dir });
    }
    let mut pending = vec![output.clone()];
    let mut seen = 0;
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > LOOKED_AT {
                return Err(Error::SiteDirTooFull {
                    output,
                    looked_at: LOOKED_AT,
                });
            }
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = entry.path();
            if name.ends_with(".toml") {
                return Err(Error::SiteDirHoldsPlanFiles { output, file: path });
            }
            // Hidden directories (`.git`) hold no plan file; links are not followed.
            if !name.starts_with('.') && entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push(path);
            }
        }
    }
    Ok(())
}
