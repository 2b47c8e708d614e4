//! One task: its leads, its target date, its RAG status and `done` date.

use super::{AfterRef, TaskContext, Validator};
use crate::dates::{self, Interval, Note, TargetDate};
use crate::diag::{Diagnostic, Finding};
use crate::file_format;
use crate::model::*;
use crate::raw::*;
use chrono::Months;

impl Validator<'_> {
    pub(super) fn task(
        &mut self,
        id: String,
        at: [usize; 4],
        mut raw: RawTask,
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
        let rag = raw.rag.as_ref().and_then(|rag| self.rag(rag));
        match (&raw.rag, rag, &raw.done) {
            (Some(rag_value), Some(Rag::Blue), None) => self.report(Diagnostic::new(
                Finding::BlueWithoutDone { task: id.clone() },
                rag_value.loc,
            )),
            (_, Some(r), Some(done)) if r != Rag::Blue => self.report(Diagnostic::new(
                Finding::DoneNotBlue {
                    task: id.clone(),
                    rag: Some(r.as_str()),
                },
                done.loc,
            )),
            (None, _, Some(done)) => self.report(Diagnostic::new(
                Finding::DoneNotBlue {
                    task: id.clone(),
                    rag: None,
                },
                done.loc,
            )),
            _ => {}
        }
        let written = raw.details.take().map(|d| *d).unwrap_or_default();
        let mut translations = self.task_translations(&mut raw, &written, ctx);
        let history = self.history(&id, &mut raw, &written, rag, ctx, &mut translations);
        let details = TaskDetails {
            reference: written.reference.map(|r| r.value),
            original_due: history.original_due,
            original_target: history.original_target,
            due_revisions: history.due_revisions,
            status_reason: written.status_reason.map(|r| r.value),
            status_date: written.status_date.map(|d| d.value),
            carried_to: written.carried_to.map(|c| c.value),
            next_review: written.next_review.map(|n| n.value),
        };
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
            rag: history.rag,
            done: raw.done.map(|d| d.value),
            updated: history.updated,
            own_note: history.own_note,
            updates: history.updates,
            status: history.status,
            details: details.boxed(),
            loc: raw.loc,
            translations,
        }
    }

    /// The twins of a task's text, note and status reason, checked.
    fn task_translations(
        &mut self,
        raw: &mut RawTask,
        written: &RawTaskDetails,
        ctx: &TaskContext,
    ) -> Translations {
        let bases = [
            ("text", Some(raw.text.loc)),
            ("note", raw.note.as_ref().map(|n| n.loc)),
            (
                "status_reason",
                written.status_reason.as_ref().map(|r| r.loc),
            ),
        ];
        let twins = std::mem::take(&mut raw.twins);
        let languages = &ctx.known.meta.languages;
        self.translations(languages, twins, &file_format::TASK, &bases)
    }

    fn leads(&mut self, id: &str, raw: &RawTask, ctx: &TaskContext) -> Vec<Lead> {
        let Some(written) = &raw.lead else {
            self.report(Diagnostic::new(
                Finding::MissingLead {
                    task: id.to_string(),
                },
                raw.loc,
            ));
            return Vec::new();
        };
        if written.value.is_empty() {
            self.report(Diagnostic::new(
                Finding::EmptyLead {
                    task: id.to_string(),
                },
                written.loc,
            ));
        }
        let mut leads = Vec::with_capacity(written.value.len());
        for lead in &written.value {
            match ctx.resolve_lead(&lead.value) {
                Some(resolved) => {
                    if matches!(resolved, Lead::Unassigned(_)) {
                        self.report(Diagnostic::new(
                            Finding::UnassignedLead {
                                task: id.to_string(),
                                written: lead.value.clone(),
                            },
                            lead.loc,
                        ));
                    }
                    if !leads.contains(&resolved) {
                        leads.push(resolved);
                    }
                }
                None => {
                    let nearest = ctx.suggest_lead(&lead.value).map(|near| {
                        let agency = &ctx.known.agencies[near];
                        (agency.id.clone(), agency.name.clone())
                    });
                    let several = several_leads(&lead.value, ctx.known.registry);
                    self.report(Diagnostic::new(
                        Finding::UnknownLead {
                            lead: lead.value.clone(),
                            nearest,
                            several,
                        },
                        lead.loc,
                    ));
                }
            }
        }
        leads
    }

    /// The target date of a `due` (or `original_due`) as written; `None`
    /// (reported) when it fits no form.
    pub(super) fn parse_when(
        &mut self,
        when: &Spanned<RawWhen>,
        ctx: &TaskContext,
    ) -> Option<(TargetDate, Vec<Note>)> {
        match &when.value {
            RawWhen::Date(d) => {
                Some((TargetDate::Dated(Interval { from: *d, to: *d }), Vec::new()))
            }
            RawWhen::Text(text) => match ctx.parse_date(text) {
                Ok(reading) => Some((reading.target, reading.notes)),
                Err(err) => {
                    self.report(Diagnostic::new(
                        Finding::BadDate {
                            reason: err.to_string(),
                            help: err.help.clone(),
                            forms: dates::ACCEPTED_FORMS,
                        },
                        when.loc,
                    ));
                    None
                }
            },
        }
    }

    fn target_date(&mut self, id: &str, raw: &RawTask, ctx: &TaskContext) -> TargetDate {
        let Some(due) = &raw.due else {
            self.report(Diagnostic::new(
                Finding::NoDue {
                    task: id.to_string(),
                },
                raw.loc,
            ));
            return TargetDate::Unset;
        };
        let Some((target, notes)) = self.parse_when(due, ctx) else {
            return TargetDate::Unset;
        };
        let status = notes.iter().any(|n| matches!(n, Note::Status(_)));
        for note in notes {
            self.report(Diagnostic::new(
                Finding::DateRead {
                    task: id.to_string(),
                    note,
                },
                due.loc,
            ));
        }
        if target == TargetDate::Unset && !status {
            self.report(Diagnostic::new(
                Finding::DueTbc {
                    task: id.to_string(),
                },
                due.loc,
            ));
        }
        if let (Some(deadline), true) = (target.deadline(), ctx.known.plan_known) {
            let latest = ctx
                .known
                .meta
                .end
                .checked_add_months(Months::new(12))
                .unwrap_or(ctx.known.meta.end);
            if deadline < ctx.known.meta.start || deadline > latest {
                self.report(Diagnostic::new(
                    Finding::DueOutsidePlan {
                        task: id.to_string(),
                        deadline,
                        start: ctx.known.meta.start,
                        end: ctx.known.meta.end,
                    },
                    due.loc,
                ));
            }
        }
        target
    }
}

/// The agencies a lead names when it is several in one text ("SWP, SL",
/// "SWP & SL", "SWP / SL"): each part must name one. Empty otherwise.
fn several_leads(text: &str, registry: &crate::leads::Registry) -> Vec<String> {
    let parts: Vec<&str> = text
        .split([',', ';', '&', '/', '+'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| registry.resolve(p).is_none()) {
        return Vec::new();
    }
    parts.into_iter().map(str::to_string).collect()
}
