//! `plan report`: the quarterly Highlight Report for the Partnership Board.
//! The previous quarter's RAG comes from git: the plan as it stood at the
//! last commit before that quarter ended.

use super::shared;
use crate::cli::{DocumentFormat, HighlightArgs};
use crate::context::Context;
use crate::dates::{self, Quarter, TargetDate};
use crate::error::{Error, GitError};
use crate::exit::Exit;
use crate::git::Repository;
use crate::highlight::layout;
use crate::highlight::{self, History};
use crate::model::Plan;
use crate::open::{self, Location};
use crate::render::document;
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;

pub fn run(
    ctx: &Context,
    args: &HighlightArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let dir = ctx.plan_dir()?;
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let quarter = match &args.quarter {
        Some(text) => match dates::parse(text, &plan.meta.calendar()) {
            Ok(TargetDate::Dated(interval)) => Quarter {
                label: text.trim().to_string(),
                interval,
            },
            _ => Err(Error::NotAQuarter { text: text.clone() })?,
        },
        None => dates::quarter_of(ctx.as_of, plan.meta.year_start),
    };
    // The current quarter is judged as of today, never a day to come; a
    // past quarter as of its last day.
    let as_of = if ctx.as_of_given {
        ctx.as_of
    } else {
        ctx.as_of.min(quarter.interval.to)
    };

    let previous_end = quarter
        .interval
        .from
        .pred_opt()
        .unwrap_or(quarter.interval.from);
    let (previous, history) = previous_quarter(&dir, previous_end)?;
    let report = highlight::build(plan, quarter, as_of, previous.as_ref(), history);
    let blocks = layout::blocks(&report);
    let text = match args.format {
        DocumentFormat::Markdown => document::markdown(&blocks),
        DocumentFormat::Html => document::html(&blocks),
    };
    match &args.output {
        Some(path) => crate::safe_write::write_output(path, text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Exit::Success)
}

/// The plan as it stood when the previous quarter ended (`end`), read from
/// git through the same loader as the work tree; or why it cannot be had.
fn previous_quarter(dir: &Path, end: NaiveDate) -> anyhow::Result<(Option<Plan>, History)> {
    let failed = |err: GitError| History::GitFailed(err.to_string());
    let repo = match Repository::of(dir) {
        Ok(repo) => repo,
        Err(GitError::NotInstalled) => return Ok((None, History::NoGit)),
        Err(GitError::NotARepository { .. }) => return Ok((None, History::NotInGit)),
        Err(err) => return Ok((None, failed(err))),
    };
    let id = match repo.commit_before(end) {
        Ok(Some(id)) => id,
        Ok(None) => return Ok((None, History::NoCommitBefore(end))),
        Err(err) => return Ok((None, failed(err))),
    };
    let day = repo.day(&id)?;
    Ok(match open::open_valid(Location::Commit(&repo, &id))? {
        Ok(plan) => (Some(plan), History::Commit { id, day }),
        Err(opened) => (
            None,
            History::HadErrors {
                id,
                day,
                errors: opened.tally().errors,
            },
        ),
    })
}
