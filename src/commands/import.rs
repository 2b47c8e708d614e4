//! `plan import FILE... --out DIR`: a plan directory made from action-plan
//! tables in Word, Excel, OpenDocument or CSV files, then checked, so the
//! findings show what is left to mend.

use crate::cli::DiagnosticFormat;
use crate::cli::ImportArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::import::{self, Imported, MappedTable, Options, When, leads::Registry, write};
use crate::open::{self, Location};
use crate::render::diagnostics;
use crate::render::escape::line;
use crate::words::count;
use std::io::Write;
use std::path::PathBuf;

pub fn run(
    ctx: &Context,
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let options = Options {
        files: args.files.clone(),
        out: args.out.clone(),
        sheet: args.sheet.clone(),
        maps: args.map.clone(),
        agencies: args.agencies.clone(),
        start: args.start,
        end: args.end,
        decided: args.decided,
        title: args.title.clone(),
        as_kind: args.as_kind,
        dry_run: args.dry_run,
        force: args.force,
    };
    let (imported, mapped) = import::read_all(&options, ctx.as_of, err)?;
    let mut registry = Registry::new(options.agencies.as_deref())?;
    let cells: Vec<&str> = imported.tasks().map(|t| t.lead.as_str()).collect();
    registry.learn(&cells);
    if options.dry_run {
        dry_run(out, &imported, &mapped)?;
        return Ok(Exit::Success);
    }
    let files = write::files(&options, &imported, &mut registry, ctx.as_of)?;
    for warning in &registry.warnings {
        writeln!(err, "warning: {}", line(warning))?;
    }
    let inputs: Vec<PathBuf> = options
        .files
        .iter()
        .chain(&options.agencies)
        .cloned()
        .collect();
    write::write_plan(
        "plan import",
        &options.out,
        &files,
        options.force,
        &inputs,
        err,
    )?;
    writeln!(out, "{}", summary(&options, &imported, &registry))?;
    let opened = open::open(Location::WorkTree(&options.out))?;
    DiagnosticFormat::Human.render(out, &opened.sources, &opened.diagnostics, ctx.colour)?;
    let tally = opened.tally();
    let tasks = opened.plan.as_ref().map(|plan| plan.tasks().count());
    writeln!(
        out,
        "{}",
        diagnostics::summary(tally, opened.sources.files.len(), tasks)
    )?;
    Ok(Exit::findings_if(tally.errors > 0))
}

fn summary(options: &Options, imported: &Imported, registry: &Registry) -> String {
    let tasks = imported.tasks().count();
    let columns = imported
        .columns
        .iter()
        .map(|(heading, field)| format!("{} -> {field}", line(heading)))
        .collect::<Vec<_>>()
        .join(", ");
    let cards = imported
        .cards
        .iter()
        .filter(|c| c.tasks().next().is_some())
        .count();
    format!(
        "imported {} into {} in {}, {}, to {}; columns: {columns}",
        count(imported.rows, "row"),
        count(tasks, "task"),
        count(cards, "card"),
        count(registry.agencies.len(), "new agency"),
        line(&options.out.display().to_string()),
    )
}

fn dry_run(out: &mut dyn Write, imported: &Imported, mapped: &[MappedTable]) -> anyhow::Result<()> {
    for m in mapped {
        if m.mapping.continued {
            writeln!(
                out,
                "{}: no header row; goes on under the previous table's",
                line(&m.table.name)
            )?;
            continue;
        }
        writeln!(
            out,
            "{}: header in row {}",
            line(&m.table.name),
            m.mapping.row + 1
        )?;
        for (c, (heading, field)) in m.mapping.columns.iter().enumerate() {
            let field = field.map_or("(left out)", |f| f.name());
            let heading = import::header::label(heading, c);
            writeln!(out, "  \"{}\" -> {field}", line(&heading))?;
        }
    }
    writeln!(
        out,
        "first tasks read ({}, {} in all):",
        count(imported.rows, "row"),
        count(imported.tasks().count(), "task")
    )?;
    for task in imported.tasks().take(5) {
        let due = match &task.due {
            Some(When::Text(t)) => line(t).into_owned(),
            Some(When::Date(d)) => d.to_string(),
            None => "-".into(),
        };
        let text: String = task.text.chars().take(60).collect();
        writeln!(
            out,
            "  \"{}\" | lead: \"{}\" | due: {due}",
            line(&text),
            line(&task.lead)
        )?;
    }
    writeln!(out, "(dry run: nothing written)")?;
    Ok(())
}
