//! `plan requests -o DIR`: the update round's outgoing half. For each agency
//! that leads an open task (or `--lead`), DIR/ID.xlsx, its return sheet, and
//! DIR/ID.eml, a draft message with the sheet attached (or DIR/ID.md, the
//! message's text).

use super::shared;
use crate::cli::{RequestFormat, RequestsArgs};
use crate::context::Context;
use crate::error::Error;
use crate::exit::Exit;
use crate::partners::signature::{self, Key};
use crate::partners::{mail, requests};
use crate::query::Query;
use crate::render::escape;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &RequestsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let only = match &args.lead {
        Some(text) => Some(shared::find_agency(&plan, text)?),
        None => None,
    };
    if let Some(from) = &args.from
        && crate::address::parse(from).is_none()
    {
        anyhow::bail!(
            "`--from {from}` is not an e-mail address: write name@example.org or \"Name <name@example.org>\""
        );
    }
    let key = plan_key(&ctx.plan_dir()?, err)?;
    let query = Query::new(&plan, ctx.as_of);
    let made = requests::Made {
        plan: &plan,
        as_of: ctx.as_of,
        reply_by: args.reply_by.unwrap_or(ctx.as_of + chrono::Days::new(14)),
        key: &key,
    };
    let dir = &args.output;
    std::fs::create_dir_all(dir).map_err(|source| Error::CannotCreate {
        dir: dir.to_path_buf(),
        source,
    })?;
    let all = requests::requests(&query, only, args.within);
    let ids: Vec<&str> = all
        .iter()
        .map(|r| plan.agencies[r.agency].id.as_str())
        .collect();
    let names = file_names(&ids);
    note_renamed(&ids, &names, err)?;
    let jobs: Vec<(&requests::Request, &String)> = all.iter().zip(&names).collect();
    // Each agency's sheet and message, made on every core, then written.
    let make = |job: &(&requests::Request, &String)| -> anyhow::Result<(String, Vec<u8>, Vec<u8>)> {
        let (request, name) = *job;
        let name = name.clone();
        let sheet = requests::workbook(&made, request)?;
        let sheet_name = format!("{name}.xlsx");
        let message = match args.format {
            RequestFormat::Eml => {
                let from = args.from.as_deref();
                mail::message(&made, request, from, &sheet_name, sheet.clone())?
            }
            RequestFormat::Markdown => mail::body(&made, request, &sheet_name, true).into_bytes(),
        };
        Ok((name, sheet, message))
    };
    let made_files = crate::parallel::each(&jobs, make);
    let extension = match args.format {
        RequestFormat::Eml => "eml",
        RequestFormat::Markdown => "md",
    };
    let mut written = 0;
    for made_file in made_files {
        let (name, sheet, message) = made_file?;
        write(&dir.join(format!("{name}.xlsx")), &sheet)?;
        write(&dir.join(format!("{name}.{extension}")), &message)?;
        written += 1;
    }
    let no_email: Vec<&str> = all
        .iter()
        .map(|r| &plan.agencies[r.agency])
        .filter(|a| a.email.is_empty())
        .map(|a| a.id.as_str())
        .collect();
    writeln!(
        out,
        "{} written to {}",
        crate::words::count(written, "request"),
        escape::line(&dir.display().to_string())
    )?;
    if !no_email.is_empty() && args.format == RequestFormat::Eml {
        writeln!(
            err,
            "note: no `email` for {}: their messages have no To: (add email = \"...\" to the [[agency]])",
            escape::line(&no_email.join(", "))
        )?;
    }
    Ok(Exit::Success)
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

/// The plan's key for signing the sheets, made (and git-ignored) the first
/// time, saying so.
fn plan_key(plan_dir: &std::path::Path, err: &mut dyn Write) -> anyhow::Result<Key> {
    let (key, made_key) = Key::load_or_make(plan_dir)?;
    if made_key {
        let ignored = signature::ignore_key(plan_dir)?;
        writeln!(
            err,
            "note: made {}, the key that signs the return sheets: keep it; without it `plan apply` cannot check them{}",
            escape::line(&plan_dir.join(signature::KEY_FILE).display().to_string()),
            match ignored {
                Some(path) => format!(" (added to {})", escape::line(&path.display().to_string())),
                None => String::new(),
            }
        )?;
    }
    Ok(key)
}

/// A note for each agency whose files are numbered.
fn note_renamed(ids: &[&str], names: &[String], err: &mut dyn Write) -> std::io::Result<()> {
    for (id, name) in ids.iter().zip(names) {
        if *name != file_name(id) {
            writeln!(
                err,
                "note: {}'s files are named {} ({} is another agency's too)",
                escape::line(id),
                escape::line(name),
                escape::line(&file_name(id))
            )?;
        }
    }
    Ok(())
}

/// Each agency's file name, one per agency whatever the file system: ids
/// that make the same name (`A.B` and `A_B`, or `ab` and `AB` where case
/// is not told apart) are numbered after the first, `A_B-2`, skipping any
/// name another agency's id makes.
fn file_names(ids: &[&str]) -> Vec<String> {
    let key = |name: &str| name.to_lowercase();
    let mut taken: std::collections::HashSet<String> =
        ids.iter().map(|id| key(&file_name(id))).collect();
    let mut first: std::collections::HashSet<String> = std::collections::HashSet::new();
    ids.iter()
        .map(|id| {
            let base = file_name(id);
            if first.insert(key(&base)) {
                return base;
            }
            let name = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|name| !taken.contains(&key(name)))
                .unwrap_or_default();
            taken.insert(key(&name));
            name
        })
        .collect()
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), Error> {
    crate::safe_write::write_output(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_whose_ids_make_one_name_get_one_each() {
        assert_eq!(
            file_names(&["A.B", "A_B", "a-b", "ab", "AB", "A_B-2"]),
            ["A_B", "A_B-3", "a-b", "ab", "AB-2", "A_B-2"]
        );
        assert_eq!(file_names(&["SWP", "SW"]), ["SWP", "SW"]);
    }
}
