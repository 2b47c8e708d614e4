//! `plan fmt [--check] [FILES]`: the canonical layout of plan files.

use crate::cli::FmtArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::format::format_text;
use crate::load::{display_name, plan_file_paths};
use crate::safe_write::{self, PlanLock};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

pub fn run(
    ctx: &Context,
    args: &FmtArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let files = if args.files.is_empty() {
        plan_file_paths(&ctx.plan_dir()?)?
    } else {
        args.files.clone()
    };
    // Writers of a plan take turns (see `plan set`): the plan holding each
    // file is locked, wherever it is and whatever the current directory. A
    // file whose directory cannot be read is reported below. A check only reads.
    let _lock = if args.check {
        None
    } else {
        // Each directory once: a plan may have thousands of files in a few.
        let parents: BTreeSet<&Path> = files
            .iter()
            .map(|f| f.parent().filter(|d| !d.as_os_str().is_empty()))
            .map(|d| d.unwrap_or(Path::new(".")))
            .collect();
        let dirs = parents
            .into_iter()
            .filter_map(|d| safe_write::plan_lock_dir(d).ok());
        Some(PlanLock::acquire(dirs, err)?)
    };
    let (mut unformatted, mut failed, mut unreadable) = (0, 0, 0);
    for path in &files {
        // A file's name may hold a new line or an escape: one line, shown.
        let name = crate::render::escape::line(&display_name(path)).into_owned();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                writeln!(err, "error: cannot read {name}: {e}")?;
                unreadable += 1;
                continue;
            }
        };
        let formatted = match format_text(&text) {
            Ok(formatted) => formatted,
            Err(e) => {
                writeln!(
                    err,
                    "{name}: cannot format it: {e:#} (`plan check` says where)"
                )?;
                failed += 1;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if args.check {
            writeln!(out, "would reformat {name}")?;
        } else {
            safe_write::replace(path, &text, &formatted)?;
            writeln!(out, "formatted {name}")?;
        }
    }
    let check_failed = args.check && unformatted > 0;
    // A file that cannot be read is an I/O failure (exit 2), as elsewhere;
    // the others are still formatted.
    Ok(if unreadable > 0 {
        Exit::Failure
    } else {
        Exit::findings_if(failed > 0 || check_failed)
    })
}
