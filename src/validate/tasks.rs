//! One task: its leads, its target date, its RAG status and `done` date.

use super::{AfterRef, TaskContext, Validator};
use crate::dates::{self, Interval, TargetDate};
use crate::diag::{Diagnostic, Finding};
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
                    Finding::BadRag {
                        rag: rag.value.clone(),
                        names: Rag::NAMES,
                    },
                    rag.loc,
                ));
            }
            parsed
        });
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
        let mut leads = Vec::new();
        for lead in &written.value {
            match ctx.resolve_lead(&lead.value) {
                Some(resolved) => {
                    if resolved == Lead::Unassigned {
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
                        let agency = &ctx.agencies[near];
                        (agency.id.clone(), agency.name.clone())
                    });
                    self.report(Diagnostic::new(
                        Finding::UnknownLead {
                            lead: lead.value.clone(),
                            nearest,
                        },
                        lead.loc,
                    ));
                }
            }
        }
        leads
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
        let target = match &due.value {
            RawWhen::Date(d) => TargetDate::Dated(Interval { from: *d, to: *d }),
            RawWhen::Text(text) => match ctx.parse_date(text) {
                Ok(target) => target,
                Err(err) => {
                    self.report(Diagnostic::new(
                        Finding::BadDate {
                            reason: err.to_string(),
                            forms: dates::ACCEPTED_FORMS,
                        },
                        due.loc,
                    ));
                    return TargetDate::Unset;
                }
            },
        };
        if target == TargetDate::Unset {
            self.report(Diagnostic::new(
                Finding::DueTbc {
                    task: id.to_string(),
                },
                due.loc,
            ));
        }
        if let (Some(deadline), true) = (target.deadline(), ctx.plan_known) {
            let latest = ctx
                .meta
                .end
                .checked_add_months(Months::new(12))
                .unwrap_or(ctx.meta.end);
            if deadline < ctx.meta.start || deadline > latest {
                self.report(Diagnostic::new(
                    Finding::DueOutsidePlan {
                        task: id.to_string(),
                        deadline,
                        start: ctx.meta.start,
                        end: ctx.meta.end,
                    },
                    due.loc,
                ));
            }
        }
        target
    }
}
