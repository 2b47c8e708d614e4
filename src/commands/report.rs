//! `plan report`: the quarterly Highlight Report for the Partnership Board.
//! The previous quarter's RAG comes from git: the plan as it stood at the
//! last commit before that quarter ended.

use super::shared;
use crate::catalogue::Catalogue;
use crate::cli::{DocumentFormat, HighlightArgs};
use crate::context::Context;
use crate::dates::{self, Quarter, TargetDate};
use crate::error::{Error, GitError};
use crate::exit::Exit;
use crate::git::Repository;
use crate::highlight::layout;
use crate::highlight::{self, History};
use crate::lang::Lang;
use crate::model::Plan;
use crate::open::{self, Location};
use crate::render::document::Block;
use crate::render::{document, docx};
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;

pub fn run(
    ctx: &Context,
    args: &HighlightArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    if args.format == DocumentFormat::Docx && args.output.is_none() {
        return Err(Error::DocxNeedsAFile.into());
    }
    let dir = ctx.plan_dir()?;
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let quarter = match &args.quarter {
        Some(text) => quarter_named(plan, text)?,
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
    let langs = &args.lang.0;
    let first = langs.first().copied().unwrap_or(Lang::En);
    // Two languages: two whole halves, the first language first (docs/report.md says why).
    let mut blocks = Vec::new();
    for (i, lang) in langs.iter().enumerate() {
        if i > 0 {
            blocks.push(Block::Language(*lang));
        }
        blocks.extend(layout::blocks(*lang, &report));
    }
    let bytes = match args.format {
        DocumentFormat::Markdown => document::markdown(&blocks).into_bytes(),
        DocumentFormat::Html => document::html(&blocks, first).into_bytes(),
        DocumentFormat::Docx => {
            let cat = Catalogue::of(first);
            let words = docx::DocxWords {
                lang: first,
                page: cat.msg("footer-page"),
                of: cat.msg("footer-of"),
            };
            docx::docx(&blocks, &words)?
        }
    };
    match &args.output {
        Some(path) => crate::safe_write::write_output(path, &bytes)?,
        None => out.write_all(&bytes)?,
    }
    Ok(Exit::Success)
}

/// The period `--quarter` names. One written without its year ("Q3") is
/// the plan's own when the plan runs a single year, and named with its year
/// in the report; in a plan of several years it is refused with the years
/// to choose from, never silently the first.
fn quarter_named(plan: &Plan, text: &str) -> Result<Quarter, Error> {
    let not_a_quarter = || Error::NotAQuarter {
        text: text.to_string(),
    };
    let reading = dates::read(text, &plan.meta.calendar()).map_err(|_| not_a_quarter())?;
    let TargetDate::Dated(interval) = reading.target else {
        return Err(not_a_quarter());
    };
    if !reading
        .notes
        .iter()
        .any(|note| matches!(note, dates::Note::YearAssumed { .. }))
    {
        return Ok(Quarter {
            label: text.trim().to_string(),
            interval,
        });
    }
    let year_start = plan.meta.year_start;
    let first = dates::quarter_of(plan.meta.start, year_start);
    let last = dates::quarter_of(plan.meta.end, year_start);
    let years = |q: &Quarter| {
        q.label
            .rsplit_once(' ')
            .map_or(q.label.clone(), |(_, y)| y.to_string())
    };
    if years(&first) != years(&last) {
        return Err(Error::QuarterWithoutYear {
            text: text.trim().to_string(),
            start: plan.meta.start,
            end: plan.meta.end,
            first: years(&first),
            last: years(&last),
        });
    }
    let named = dates::quarter_of(interval.from, year_start);
    Ok(if named.interval == interval {
        named
    } else {
        Quarter {
            label: format!("{} {}", text.trim(), years(&first)),
            interval,
        }
    })
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
