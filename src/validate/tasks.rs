//! One task: its leads, its target date, its RAG status and `done` date.

use super::{AfterRef, TaskContext, Validator};
use crate::dates::{self, Interval, Note, TargetDate};
use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::raw::*;
use chrono::Months;

impl Validator<'_> {
    pub(super) fn task(
        &mut self,
        id: String,
        at: [usize; 4],
        raw: RawTask,
        ctx: &TaskContext,
        after_refs: &mut Vec<AfterRef>,
    ) -> Task {
        let leads = self.leads(&id, &raw, ctx);
        let target = self.target_date(&id, &raw, ctx);
        if let TargetDate::After { task, .. } = &target {
            after_refs.push(AfterRef {
                task: id.clone(),
                at,
                names: task.clone(),
                loc: raw.due.as_ref().map(|d| d.loc).unwrap_or(raw.loc),
            });
        }
        let rag = raw.rag.as_ref().and_then(|rag| {
            let parsed = Rag::parse(&rag.value);
            if parsed.is_none() {
                self.report(Diagnostic::new(
                    Code::BadRag,
                    rag.loc,
                    format!("`{}` is not a RAG status: use {}", rag.value, Rag::NAMES),
                ));
            }
            parsed
        });
        match (&raw.rag, rag, &raw.done) {
            (Some(rag_value), Some(Rag::Blue), None) => self.report(
                Diagnostic::new(
                    Code::BlueWithoutDone,
                    rag_value.loc,
                    format!("task {id} is blue (complete) but has no `done` date"),
                )
                .with_help("add done = YYYY-MM-DD, the day it was completed"),
            ),
            (_, Some(r), Some(done)) if r != Rag::Blue => self.report(
                Diagnostic::new(
                    Code::DoneNotBlue,
                    done.loc,
                    format!("task {id} has a `done` date but is {}", r.as_str()),
                )
                .with_help("a completed task is rag = \"blue\""),
            ),
            (None, _, Some(done)) => self.report(
                Diagnostic::new(
                    Code::DoneNotBlue,
                    done.loc,
                    format!("task {id} has a `done` date but no RAG status"),
                )
                .with_help("a completed task is rag = \"blue\""),
            ),
            _ => {}
        }
        Task {
            id,
            text: raw.text.value,
            leads,
            due_text: raw.due.map(|d| match d.value {
                RawWhen::Text(t) => t,
                RawWhen::Date(d) => d.to_string(),
            }),
            target,
            resources: raw.resources.map(|r| r.value),
            rag,
            done: raw.done.map(|d| d.value),
            updated: raw.updated.map(|u| u.value),
            note: raw.note.map(|n| n.value),
            loc: raw.loc,
        }
    }

    fn leads(&mut self, id: &str, raw: &RawTask, ctx: &TaskContext) -> Vec<Lead> {
        let registry = ctx.registry;
        let Some(written) = &raw.lead else {
            self.report(
                Diagnostic::new(
                    Code::MissingKey,
                    raw.loc,
                    format!("task {id} has no `lead`"),
                )
                .with_help("name the lead agency, or write lead = [\"TBC\"] until one is found"),
            );
            return Vec::new();
        };
        if written.value.is_empty() {
            self.report(
                Diagnostic::new(
                    Code::MissingKey,
                    written.loc,
                    format!("task {id} has an empty `lead`"),
                )
                .with_help("name the lead agency, or write lead = [\"TBC\"] until one is found"),
            );
        }
        let mut leads = Vec::new();
        for lead in &written.value {
            match ctx.resolve_lead(&lead.value) {
                Some(resolved) => {
                    if resolved == Lead::Unassigned {
                        self.report(
                            Diagnostic::new(
                                Code::UnassignedLead,
                                lead.loc,
                                format!("task {id} has no lead agency yet (`{}`)", lead.value),
                            )
                            .with_help("name the agency that leads it once it is agreed"),
                        );
                    }
                    if !leads.contains(&resolved) {
                        leads.push(resolved);
                    }
                }
                None => {
                    let mut diagnostic = Diagnostic::new(
                        Code::UnknownLead,
                        lead.loc,
                        format!("`{}` is not an agency of the plan", lead.value),
                    );
                    diagnostic = match registry.suggest(&lead.value) {
                        Some(near) => diagnostic.with_help(format!(
                            "did you mean `{}` ({})?",
                            ctx.agencies[near].id, ctx.agencies[near].name
                        )),
                        None => diagnostic.with_help(
                            "declare it as an [[agency]] (with `aliases` for other spellings), or write \"TBC\"",
                        ),
                    };
                    self.report(diagnostic);
                }
            }
        }
        leads
    }

    fn target_date(&mut self, id: &str, raw: &RawTask, ctx: &TaskContext) -> TargetDate {
        let Some(due) = &raw.due else {
            self.report(
                Diagnostic::new(
                    Code::NoTargetDate,
                    raw.loc,
                    format!("task {id} has no `due`"),
                )
                .with_help("add a target date, or due = \"TBC\" until one is agreed"),
            );
            return TargetDate::Unset;
        };
        let (target, notes) = match &due.value {
            RawWhen::Date(d) => (TargetDate::Dated(Interval { from: *d, to: *d }), Vec::new()),
            RawWhen::Text(text) => match ctx.parse_date(text) {
                Ok(reading) => (reading.target, reading.notes),
                Err(err) => {
                    let help = match &err.help {
                        Some(help) => help.clone(),
                        None => format!("a target date is {}", dates::ACCEPTED_FORMS),
                    };
                    self.report(
                        Diagnostic::new(Code::BadDate, due.loc, err.to_string()).with_help(help),
                    );
                    return TargetDate::Unset;
                }
            },
        };
        let status = notes.iter().any(|n| matches!(n, Note::Status(_)));
        for note in &notes {
            self.report(date_note(id, note, due.loc));
        }
        if target == TargetDate::Unset && !status {
            self.report(
                Diagnostic::new(
                    Code::NoTargetDate,
                    due.loc,
                    format!("task {id} has no target date yet"),
                )
                .with_help("replace TBC with a target date once it is agreed"),
            );
        }
        if let (Some(deadline), true) = (target.deadline(), ctx.plan_known) {
            let latest = ctx
                .meta
                .end
                .checked_add_months(Months::new(12))
                .unwrap_or(ctx.meta.end);
            if deadline < ctx.meta.start || deadline > latest {
                let when = if deadline < ctx.meta.start {
                    format!("before the plan starts ({})", ctx.meta.start)
                } else {
                    format!("over a year after the plan ends ({})", ctx.meta.end)
                };
                self.report(Diagnostic::new(
                    Code::DueOutsidePlan,
                    due.loc,
                    format!("task {id} is due by {deadline}, {when}"),
                ));
            }
        }
        target
    }
}

/// The warning for what the date grammar guessed to read a `due`.
fn date_note(id: &str, note: &Note, loc: crate::source::Loc) -> Diagnostic {
    match note {
        Note::InWords { read } => {
            let parts: Vec<String> = read.iter().map(|r| format!("`{r}`")).collect();
            let message = match parts.as_slice() {
                [one] => format!("task {id}: the target date is read from the words as {one}"),
                [.., last] => format!(
                    "task {id}: the words hold {} dates ({}): the deadline is the last, {last}",
                    parts.len(),
                    parts.join(", ")
                ),
                [] => format!("task {id}: the target date is read from the words"),
            };
            Diagnostic::new(Code::DateInWords, loc, message)
                .with_help("write only the date in `due`, and the rest in `note`")
        }
        Note::YearAssumed { written, interval } => Diagnostic::new(
            Code::YearAssumed,
            loc,
            format!(
                "task {id}: `{written}` has no year: year {} assumed, inside the plan's period ({} – {})",
                interval.to.format("%Y"),
                interval.from,
                interval.to
            ),
        )
        .with_help(format!("write the year: `{written} {}`", interval.to.format("%Y"))),
        Note::Status(_) => Diagnostic::new(
            Code::StatusInDue,
            loc,
            format!("task {id}: `due` holds a status, not a target date: no deadline is read"),
        )
        .with_help("write rag = \"blue\" and done = DATE (the day it was completed), and keep `due` for the target date"),
        Note::RangeEndAssumed {
            written,
            end,
            calendar_end,
        } => Diagnostic::new(
            Code::RangeEndAssumed,
            loc,
            format!(
                "task {id}: `{written}` is read as financial years, ending {end} (not {calendar_end})"
            ),
        )
        .with_help(format!("write `By {end}` to say so, or the last day meant")),
    }
}
