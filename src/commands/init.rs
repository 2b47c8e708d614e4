//! `plan init [DIR]`: a small, valid starter plan to change into one's own
//! (one card, one priority, one action, two tasks, two agencies), every key
//! explained in a comment, then the next commands to run.

use crate::cli::InitArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::import::write::write_plan;
use chrono::{Datelike, NaiveDate};
use std::io::Write;
use std::path::PathBuf;

const PLAN: &str = r#"# The plan: its title, owner and dates. Exactly one [plan] in the directory.
# Every *.toml file here is read (in sorted order) and merged.

[plan]
title = "Community Safety Action Plan {FY}" # shown at the top of every report
owner = "Community Safety Partnership"      # who owns the plan (optional)
start = {START}                          # first day; "6 months", "ASAP" count from it
end = {END}                            # last day
asap_days = 30                              # "ASAP"/"Immediate" = start + this many days (default 30)
year_start = 4                              # first month of the financial year (default 4, April)
review_days = 92                            # an on-going task not reviewed for this long is stale (default 92)
"#;

const AGENCIES: &str = r#"# The registry of leads: every agency, team, person or role that leads a
# task. A task's `lead` names one by its id, name or an alias (any case).
# Two words need no entry: "TBC" (nobody yet) and "all" (every organisation).

[[agency]]
id = "POL"                     # short id used in `lead`: letters, digits, _
name = "Police"                # the full name
kind = "organisation"          # organisation | team | person | role (default organisation)
aliases = ["Local Police"]     # other spellings matched in `lead` (optional)

[[agency]]
id = "CSO"
name = "Community Safety Officer"
kind = "role"
# part_of = "POL"  would make this role part of another agency: its tasks
# would count for that agency too (optional)
"#;

const CARD: &str = r#"# One report card per file: its outcomes, then what "we will" do.
# Full ids: card CS, priority CS-1, action CS-1.1, task CS-1.1.a.

[card]
id = "CS"                                      # letters, digits, _
title = "Safer Streets"
outcomes = ["People feel safe in their neighbourhood"] # the outcomes the card serves (optional)
area = "City wide"                             # where (optional)
# Also optional: measures = ["M1"] (ids of [[measure]] tables), main_actions,
# story (the story behind the curve), challenges.

[[priority]] # "We will ..."
id = 1
title = "Reduce anti-social behaviour in the city centre"

[[priority.action]]
id = 1
title = "Run joint patrols at the times residents report most trouble"

# Target dates (`due`): a TOML date (2012-10-15) or text, any case:
#   15 October 2012 | Oct 2012 | Summer 2012 (UK seasons) | Q3 2012 | Q1 2012-13 (financial)
#   2012 | 2012-13 (financial year) | End of 2012 | By March 2013 | end of Q2 2012-13
#   December 2012 – March 2013 | Summer/Autumn 2012 | 6 months | Within 3-6 months
#   ASAP | Immediate | On-going | Summer 2012 & On-going | 6 months after CS-1.1.a | TBC

[[priority.action.task]]
id = "a"                                       # the task's letter(s) within its action
text = "Agree the patrol times from the last quarter's reports"
lead = ["CSO"]                                 # agency ids, names or aliases; "TBC"; "all"
due = "{DUE_A}"                          # the date grammar above
resources = "Officer time"                     # what it needs (optional)
rag = "green"                                  # red | amber | green | blue (complete); absent = not rated
updated = {START}                        # the last review (optional)
note = "Reports gathered"                      # progress, in a sentence (optional)

[[priority.action.task]]
id = "b"
text = "Patrol on Friday and Saturday nights and report back to the partnership"
lead = ["POL", "CSO"]
due = "6 months"
# done = {DONE}  (the day it was completed, with rag = "blue")
"#;

/// The files of the starter plan for the financial year holding `today`.
pub fn starter_files(today: NaiveDate) -> Vec<(PathBuf, String)> {
    let year = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    let fill = |text: &str| {
        text.replace("{FY}", &format!("{year}-{:02}", (year + 1) % 100))
            .replace("{START}", &format!("{year}-04-01"))
            .replace("{END}", &format!("{}-03-31", year + 1))
            .replace("{DUE_A}", &format!("June {year}"))
            .replace("{DONE}", &format!("{year}-10-01"))
    };
    // Written aligned for reading here; laid out as `plan fmt` would.
    let tidy =
        |text: &str| crate::format::format_text(&fill(text)).expect("the starter plan is TOML");
    vec![
        (PathBuf::from("plan.toml"), tidy(PLAN)),
        (PathBuf::from("agencies.toml"), tidy(AGENCIES)),
        (PathBuf::from("cards/safer-streets.toml"), tidy(CARD)),
    ]
}

pub fn run(ctx: &Context, args: &InitArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    // A new or empty directory: no other writer to wait for, nothing to say.
    let quiet = &mut std::io::sink();
    let files = starter_files(ctx.as_of);
    write_plan("plan init", &args.dir, &files, false, &[], quiet)?;
    let dir = args.dir.display();
    writeln!(
        out,
        "wrote a starter plan to {dir}: plan.toml, agencies.toml, cards/safer-streets.toml"
    )?;
    writeln!(out, "next:")?;
    writeln!(
        out,
        "  plan --dir {dir} check             # check it (change it into your own plan first)"
    )?;
    writeln!(
        out,
        "  plan --dir {dir} tasks             # every task, with its state"
    )?;
    writeln!(
        out,
        "  plan --dir {dir} set CS-1.1.a --rag amber --note \"...\"   # record progress"
    )?;
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_plan_is_valid_and_formatted() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let files = starter_files(today);
        for (path, text) in &files {
            assert_eq!(
                &crate::format::format_text(text).unwrap(),
                text,
                "{}",
                path.display()
            );
        }
        let opened = crate::open::from_bytes(
            files
                .into_iter()
                .map(|(p, t)| (p.display().to_string(), t.into_bytes()))
                .collect(),
        );
        assert!(opened.plan.is_some());
        assert_eq!(opened.diagnostics.len(), 0, "{:?}", opened.diagnostics);
        assert_eq!(opened.plan.as_ref().unwrap().tasks().count(), 2);
    }
}
