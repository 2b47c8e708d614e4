//! `plan check`: every finding in one pass, errors first; exit 1 on errors
//! (or on warnings with `--deny warnings`). Each code's level comes from
//! the plan's `[check]` table and `--allow`/`--warn`/`--deny` (src/levels.rs).

use crate::cli::CheckArgs;
use crate::cli::DiagnosticFormat;
use crate::context::Context;
use crate::diag::Tally;
use crate::error::Error;
use crate::exit::Exit;
use crate::render::diagnostics;
use crate::source::Sources;
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Context, args: &CheckArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    if let Some(name) = &args.explain {
        return explain(name, out);
    }
    let command_line = args.levels().map_err(Error::Level)?;
    let mut opened = ctx.open()?;
    if let Some(plan) = &opened.plan {
        opened
            .diagnostics
            .extend(crate::validate::as_of::check(plan, ctx.as_of));
        opened
            .diagnostics
            .sort_by_key(|d| (d.loc.file(), d.loc.start(), d.loc.end()));
    }
    if matches!(
        args.format,
        DiagnosticFormat::Github | DiagnosticFormat::Sarif
    ) {
        name_from_repository_root(ctx, &mut opened.sources);
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
    Ok(Exit::findings_if(failed))
}

/// SARIF and GitHub's annotations place a file by its path from the
/// repository root, as code scanning resolves them: the git top level, or
/// the working directory outside git. A file outside that root keeps the
/// name people see.
fn name_from_repository_root(ctx: &Context, sources: &mut Sources) {
    let root = ctx
        .plan_dir()
        .ok()
        .and_then(|dir| crate::git::Repository::of(&dir).ok())
        .map(|repository| repository.root().to_path_buf())
        .or_else(|| std::env::current_dir().ok());
    let Some(root) = root.and_then(|root| root.canonicalize().ok()) else {
        return;
    };
    for file in &mut sources.files {
        // The directory is resolved, the file itself not: a plan file that
        // is a link is placed where the plan has it.
        let (Some(dir), Some(name)) = (file.path.parent(), file.path.file_name()) else {
            continue;
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let Ok(dir) = dir.canonicalize() else {
            continue;
        };
        if let Ok(relative) = dir.join(name).strip_prefix(&root) {
            file.name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
        }
    }
}

/// `plan check --explain CODE`: the code's severity and meaning; for
/// `bad-date`, the whole list of the forms a target date may take.
fn explain(name: &str, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let code = crate::codes::code_named(name).map_err(Error::Level)?;
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
    Ok(Exit::Success)
}
