//! `plan show ID`: everything about one card, priority, action, task,
//! agency, recommendation or measure.

use super::shared;
use crate::catalogue::Catalogue;
use crate::cli::Format;
use crate::cli::ShowArgs;
use crate::context::Context;
use crate::error::Error;
use crate::exit::Exit;
use crate::query::Query;
use crate::render::report::{Cell, Column, Report, Table};
use serde_json::{Map, Value};
use std::io::Write;

mod history;
mod views;

pub fn run(
    ctx: &Context,
    args: &ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.lang.lang);
    let query = Query::new(plan, ctx.as_of);
    let Some(found) = views::find(plan, args.id.trim()) else {
        return Err(Error::NoSuchId {
            id: args.id.clone(),
        }
        .into());
    };
    let (what, fields) = views::view(cat, plan, &query, found);
    if args.output.format == Format::Json {
        let object: Map<String, Value> = fields
            .iter()
            .filter(|(key, _, _)| !key.is_empty())
            .map(|(key, _, cell)| (key.to_string(), cell.json()))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &Value::Object(object))?;
        writeln!(out)?;
        return Ok(Exit::Success);
    }
    let mut table = Table::new(vec![
        Column::new("field", cat.msg("column-field")),
        Column::prose("value", cat.msg("column-value")),
    ]);
    for (_, label, cell) in fields {
        if cell.is_blank() || label.is_empty() {
            continue;
        }
        // Values read as text here: a number is not lined up in a column.
        let value = match cell {
            Cell::Int(n) => Cell::text(n.to_string()),
            other => other,
        };
        table.rows.push(vec![Cell::text(label), value]);
    }
    let report = Report {
        heading: shared::heading(cat, plan, what, ctx.as_of, None),
        tables: vec![table],
        notes: Vec::new(),
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}
