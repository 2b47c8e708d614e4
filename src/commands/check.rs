//! `plan check`: every finding in one pass; exit 1 on errors (or on
//! warnings with `--deny warnings`).

use crate::cli::DiagnosticFormat;
use crate::cli::{CheckArgs, Deny};
use crate::context::Context;
use crate::render::diagnostics;
use std::io::Write;

pub fn run(ctx: &Context, args: &CheckArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    let mut opened = ctx.open()?;
    if let Some(plan) = &opened.plan {
        opened
            .diagnostics
            .extend(crate::validate::as_of::check(plan, ctx.as_of));
        opened
            .diagnostics
            .sort_by_key(|d| (d.loc.file(), d.loc.start(), d.loc.end()));
    }
    args.format
        .render(out, &opened.sources, &opened.diagnostics, ctx.colour)?;
    let tally = opened.tally();
    if args.format == DiagnosticFormat::Human {
        writeln!(
            out,
            "{}",
            diagnostics::summary(
                tally,
                opened.sources.files.len(),
                opened.plan.as_ref().map(|plan| plan.all_tasks().count())
            )
        )?;
    }
    let failed = tally.errors > 0 || (args.deny == Some(Deny::Warnings) && tally.warnings > 0);
    Ok(if failed { 1 } else { 0 })
}
