//! `plan report`: the quarterly Highlight Report for the Partnership Board.
//! The previous quarter's RAG comes from git: the plan as it stood at the
//! last commit before that quarter ended.

use super::shared;
use crate::cli::{DocumentFormat, HighlightArgs};
use crate::context::Context;
use crate::dates::{self, Quarter, TargetDate};
use crate::git::Repository;
use crate::highlight::{self, History};
use crate::render::{document, highlight as layout};
use anyhow::{Context as _, bail};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &HighlightArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let dir = ctx.plan_dir()?;
    let Some(opened) = shared::open_plan(ctx, err)? else {
        return Ok(1);
    };
    let plan = &opened.plan;
    let quarter = match &args.quarter {
        Some(text) => match dates::parse(text, &plan.meta.calendar()) {
            Ok(TargetDate::Dated(interval)) => Quarter {
                label: text.trim().to_string(),
                interval,
            },
            _ => bail!("`{text}` is not a period: give a quarter such as \"Q2 2012-13\""),
        },
        None => dates::quarter_of(ctx.as_of, plan.meta.year_start),
    };
    let as_of = if ctx.as_of_given {
        ctx.as_of
    } else {
        quarter.interval.to
    };

    let previous_end = quarter
        .interval
        .from
        .pred_opt()
        .unwrap_or(quarter.interval.from);
    let (previous, history) = match Repository::of(&dir) {
        Err(_) => (None, History::NotInGit),
        Ok(repo) => match repo.commit_before(previous_end) {
            None => (None, History::NoCommitBefore(previous_end)),
            Some(id) => match (repo.open_at(&id), repo.day(&id)) {
                (Ok(old), Ok(day)) => (Some(old), History::Commit { id, day }),
                _ => (None, History::NoCommitBefore(previous_end)),
            },
        },
    };
    let report = highlight::build(
        plan,
        quarter,
        as_of,
        previous.as_ref().map(|o| &o.plan),
        history,
    );
    let blocks = layout::blocks(&report);
    let text = match args.format {
        DocumentFormat::Markdown => document::markdown(&blocks),
        DocumentFormat::Html => document::html(&blocks),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(0)
}
