//! `plan requests -o DIR`: the update round's outgoing half. For each agency
//! that leads an open task (or `--lead`), DIR/ID.xlsx, its return sheet, and
//! DIR/ID.eml, a draft message with the sheet attached (or DIR/ID.md, the
//! message's text).

use super::shared;
use crate::cli::{RequestFormat, RequestsArgs};
use crate::context::Context;
use crate::partners::{mail, requests};
use crate::query::Query;
use crate::render::escape;
use anyhow::Context as _;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &RequestsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(1);
    };
    let only = match &args.lead {
        Some(text) => Some(shared::find_agency(&plan, text)?),
        None => None,
    };
    let query = Query::new(&plan, ctx.as_of);
    let made = requests::Made {
        plan: &plan,
        as_of: ctx.as_of,
        reply_by: args.reply_by.unwrap_or(ctx.as_of + chrono::Days::new(14)),
    };
    let dir = &args.output;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let all = requests::requests(&query, only, args.within);
    let mut no_email = Vec::new();
    for request in &all {
        let agency = &plan.agencies[request.agency];
        let name = file_name(&agency.id);
        let sheet = requests::workbook(&made, request)?;
        let sheet_name = format!("{name}.xlsx");
        write(&dir.join(&sheet_name), &sheet)?;
        let (message, extension) = match args.format {
            RequestFormat::Eml => (
                mail::message(&made, request, args.from.as_deref(), &sheet_name, sheet)?,
                "eml",
            ),
            RequestFormat::Markdown => (
                mail::body(&made, request, &sheet_name, true).into_bytes(),
                "md",
            ),
        };
        write(&dir.join(format!("{name}.{extension}")), &message)?;
        if agency.email.is_empty() {
            no_email.push(agency.id.as_str());
        }
    }
    writeln!(
        out,
        "{} request{} written to {}",
        all.len(),
        if all.len() == 1 { "" } else { "s" },
        escape::line(&dir.display().to_string())
    )?;
    if !no_email.is_empty() && args.format == RequestFormat::Eml {
        writeln!(
            err,
            "note: no `email` for {}: their messages have no To: (add email = \"...\" to the [[agency]])",
            escape::line(&no_email.join(", "))
        )?;
    }
    Ok(0)
}

/// An agency id as a file name: only letters, digits, `-` and `_` kept.
fn file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() {
        "agency".into()
    } else {
        name
    }
}

fn write(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
