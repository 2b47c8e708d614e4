//! `plan fmt [--check] [FILES]`: the canonical layout of plan files.

use crate::cli::FmtArgs;
use crate::context::Context;
use crate::format::format_text;
use crate::load::{display_name, plan_file_paths};
use crate::safe_write::{self, PlanLock};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &FmtArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let files = if args.files.is_empty() {
        plan_file_paths(&ctx.plan_dir()?)?
    } else {
        args.files.clone()
    };
    // Writers of the plan take turns (see `plan set`); a check only reads.
    let _lock = match (args.check, ctx.plan_dir()) {
        (false, Ok(dir)) => Some(PlanLock::acquire(&dir)?),
        _ => None,
    };
    let (mut unformatted, mut failed) = (0, 0);
    for path in &files {
        // A file's name may hold a new line or an escape: one line, shown.
        let name = crate::render::escape::line(&display_name(path)).into_owned();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                writeln!(err, "{name}: cannot read it: {e}")?;
                failed += 1;
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
    Ok(if failed > 0 || check_failed { 1 } else { 0 })
}
