//! `plan check`: every finding in one pass, errors first; exit 1 on errors
//! (or on warnings with `--deny warnings`). Each code's level comes from
//! the plan's `[check]` table and `--allow`/`--warn`/`--deny` (src/levels.rs).

use crate::cli::CheckArgs;
use crate::cli::DiagnosticFormat;
use crate::context::Context;
use crate::diag::Tally;
use crate::render::diagnostics;
use std::io::Write;

pub fn run(ctx: &Context, args: &CheckArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    if let Some(name) = &args.explain {
        return explain(name, out);
    }
    let command_line = args.levels().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut opened = ctx.open()?;
    if let Some(plan) = &opened.plan {
        opened
            .diagnostics
            .extend(crate::validate::as_of::check(plan, ctx.as_of));
        opened
            .diagnostics
            .sort_by_key(|d| (d.loc.file(), d.loc.start(), d.loc.end()));
    }
    let levels = opened.levels.clone().overridden_by(&command_line);
    let leveled = levels.apply(&opened.diagnostics);
    args.format
        .render(out, &opened.sources, &leveled.shown, ctx.colour)?;
    let tally = Tally::of(&leveled.shown);
    if args.format == DiagnosticFormat::Human {
        let mut summary = diagnostics::summary(
            tally,
            opened.sources.files.len(),
            opened.plan.as_ref().map(|plan| plan.all_tasks().count()),
        );
        if leveled.allowed > 0 {
            summary.push_str(&format!(
                "; {} allowed, not shown",
                crate::words::count(leveled.allowed, "finding")
            ));
        }
        writeln!(out, "{summary}")?;
    }
    let failed = tally.errors > 0 || (args.deny_warnings() && tally.warnings > 0);
    Ok(if failed { 1 } else { 0 })
}

/// `plan check --explain CODE`: the code's severity and meaning; for
/// `bad-date`, the whole list of the forms a target date may take.
fn explain(name: &str, out: &mut dyn Write) -> anyhow::Result<i32> {
    let code = crate::codes::code_named(name).map_err(|e| anyhow::anyhow!("{e}"))?;
    writeln!(
        out,
        "{} ({}): {}",
        code.name(),
        code.severity().as_str(),
        code.description()
    )?;
    if code == crate::codes::Code::BadDate {
        writeln!(
            out,
            "\nA target date is {}.\n\ndocs/dates.md has a table of every form with examples.",
            crate::dates::ACCEPTED_FORMS
        )?;
    }
    Ok(0)
}
