//! A task's history (docs/history.md): its dated updates, its original and
//! revised target dates, and its status beyond RAG. The task's own `rag`,
//! `note` and `updated` are the latest entry's values; a task with only the
//! old single `note`/`updated` reads as one entry.

use super::{TaskContext, Validator};
use crate::dates::TargetDate;
use crate::diag::{Diagnostic, Finding};
use crate::file_format;
use crate::model::*;
use crate::raw::*;
use crate::words::Words;
use chrono::NaiveDate;

/// What the history keys of one task come to.
pub(super) struct History {
    pub rag: Option<Rag>,
    pub updated: Option<NaiveDate>,
    /// The task's own `note`, where no entry holds one.
    pub own_note: Option<String>,
    pub updates: Vec<Update>,
    pub original_due: Option<String>,
    pub original_target: Option<TargetDate>,
    pub due_revisions: u32,
    pub status: TaskStatus,
}

/// The RAG the entries of `day` give: each agency's last word that day, and
/// of those the worst (co-leads who disagree leave the task at the worse).
fn latest_rag(updates: &[Update], day: NaiveDate) -> Option<Rag> {
    let mut last_by: Vec<(Option<AgencyIdx>, Rag)> = Vec::new();
    for u in updates
        .iter()
        .filter(|u| u.is_review() && u.date == Some(day))
    {
        if let Some(rag) = u.rag {
            last_by.retain(|(by, _)| *by != u.by);
            last_by.push((u.by, rag));
        }
    }
    last_by.into_iter().map(|(_, rag)| rag).min()
}

impl Validator<'_> {
    /// Reads and checks a task's history; `rag` is its own `rag`, checked.
    pub(super) fn history(
        &mut self,
        id: &str,
        raw: &mut RawTask,
        written: &RawTaskDetails,
        rag: Option<Rag>,
        ctx: &TaskContext,
        task_twins: &mut Translations,
    ) -> History {
        let mut updates = self.updates(id, std::mem::take(&mut raw.updates), ctx);
        let mut own_note = raw.note.take().map(|n| n.value);
        if updates.is_empty() && (raw.updated.is_some() || own_note.is_some()) {
            // Room for this one entry alone (a push would make room for four).
            updates.reserve_exact(1);
            updates.push(Update {
                date: raw.updated.as_ref().map(|u| u.value),
                rag,
                note: own_note.take(),
                by: None,
                evidence: None,
                sheet: None,
                kind: UpdateKind::Review,
                loc: raw.updated.as_ref().map_or(raw.loc, |u| u.loc),
                // The note's twins go with it.
                translations: task_twins.take("note"),
            });
        }
        // A correction is shown, but says nothing of how the task stands.
        let last = updates.iter().rfind(|u| u.is_review());
        let own_updated = raw.updated.as_ref().map(|u| u.value);
        let latest = updates
            .iter()
            .filter(|u| u.is_review())
            .filter_map(|u| u.date)
            .max();
        // An entry dated before another never moves the last review back.
        let updated = own_updated.max(latest);
        // The latest note is an entry's where one has a note (Task::note);
        // a `note` written beside entries stays, shown beside theirs.
        // The RAG is the entries' where they are newer than the task's own
        // `updated` (an entry written by hand, `rag` not kept in step).
        let newer = latest.filter(|day| own_updated.is_none_or(|own| *day > own));
        let rag = newer
            .and_then(|day| latest_rag(&updates, day))
            .or(rag)
            .or(last.and_then(|u| u.rag));
        let (original_due, original_target) = match &written.original_due {
            Some(when) => (
                Some(match &when.value {
                    RawWhen::Text(t) => t.clone(),
                    RawWhen::Date(d) => d.to_string(),
                }),
                self.parse_when(when, ctx).map(|(target, _)| target),
            ),
            None => (None, None),
        };
        let due_revisions = self.revisions(id, written, ctx);
        let status = self.status(id, written);
        History {
            rag,
            updated,
            own_note,
            updates,
            original_due,
            original_target,
            due_revisions,
            status,
        }
    }

    /// The entries of `[[priority.action.task.update]]`, checked: a known
    /// RAG, a `by` that is an agency, date order, none before the plan.
    fn updates(&mut self, id: &str, raw: Vec<RawUpdate>, ctx: &TaskContext) -> Vec<Update> {
        let mut updates: Vec<Update> = Vec::with_capacity(raw.len());
        for entry in raw {
            let date = entry.date.value;
            if let Some(previous) = updates.iter().filter_map(|u| u.date).max()
                && date < previous
            {
                self.report(Diagnostic::new(
                    Finding::UpdateOutOfOrder {
                        task: id.to_string(),
                        date,
                        previous,
                    },
                    entry.date.loc,
                ));
            }
            if ctx.known.plan_known && date < ctx.known.meta.start {
                self.report(Diagnostic::new(
                    Finding::UpdateBeforeStart {
                        task: id.to_string(),
                        date,
                        start: ctx.known.meta.start,
                    },
                    entry.date.loc,
                ));
            }
            let kind = entry
                .kind
                .as_ref()
                .map_or(UpdateKind::Review, |k| self.kind(k));
            let rag = entry.rag.as_ref().and_then(|r| self.rag(r));
            let by = entry.by.as_ref().and_then(|by| self.by(by, ctx));
            let note = [("note", entry.note.as_ref().map(|n| n.loc))];
            let languages = &ctx.known.meta.languages;
            let translations =
                self.translations(languages, entry.twins, &file_format::UPDATE, &note);
            updates.push(Update {
                date: Some(date),
                rag,
                note: entry.note.map(|n| n.value),
                by,
                evidence: entry.evidence.map(|e| e.value),
                sheet: entry.sheet.map(|s| s.value),
                kind,
                loc: entry.date.loc,
                translations,
            });
        }
        updates
    }

    /// A RAG word, or `None` reported.
    pub(super) fn rag(&mut self, rag: &Spanned<String>) -> Option<Rag> {
        let parsed = Rag::parse(&rag.value);
        if parsed.is_none() {
            self.report(Diagnostic::new(
                Finding::BadRag {
                    rag: rag.value.clone(),
                    names: <Rag as Words>::WORDS,
                },
                rag.loc,
            ));
        }
        parsed
    }

    /// An entry's `kind`, a review where it is no kind (reported).
    fn kind(&mut self, kind: &Spanned<String>) -> UpdateKind {
        UpdateKind::parse(&kind.value).unwrap_or_else(|| {
            self.report(Diagnostic::new(
                Finding::BadUpdateKind {
                    kind: kind.value.clone(),
                    names: <UpdateKind as Words>::WORDS,
                },
                kind.loc,
            ));
            UpdateKind::Review
        })
    }

    /// The agency an update is `by`, checked as a lead is.
    fn by(&mut self, by: &Spanned<String>, ctx: &TaskContext) -> Option<AgencyIdx> {
        match ctx.resolve_lead(&by.value) {
            Some(Lead::Agency(idx)) => Some(idx),
            _ => {
                let nearest = ctx.known.registry.suggest(&by.value).map(|near| {
                    let agency = &ctx.known.agencies[near];
                    (agency.id.clone(), agency.name.clone())
                });
                self.report(Diagnostic::new(
                    Finding::UnknownLead {
                        lead: by.value.clone(),
                        nearest,
                        several: Vec::new(),
                    },
                    by.loc,
                ));
                None
            }
        }
    }

    /// `due_revisions`, warned past `[plan] max_revisions`.
    fn revisions(&mut self, id: &str, raw: &RawTaskDetails, ctx: &TaskContext) -> u32 {
        let revisions = self.ranged(
            raw.due_revisions.as_ref(),
            "due_revisions",
            0..=i64::from(u32::MAX),
            0,
        );
        if let Some(written) = &raw.due_revisions
            && revisions > ctx.known.meta.max_revisions
        {
            self.report(Diagnostic::new(
                Finding::ManyRevisions {
                    task: id.to_string(),
                    revisions,
                    max: ctx.known.meta.max_revisions,
                },
                written.loc,
            ));
        }
        revisions
    }

    /// `status`, with the `status_reason` every status but active needs.
    fn status(&mut self, id: &str, raw: &RawTaskDetails) -> TaskStatus {
        let Some(written) = &raw.status else {
            return TaskStatus::Active;
        };
        let Some(status) = TaskStatus::parse(&written.value) else {
            self.report(Diagnostic::new(
                Finding::BadStatus {
                    status: written.value.clone(),
                    names: <TaskStatus as Words>::WORDS,
                },
                written.loc,
            ));
            return TaskStatus::Active;
        };
        if status != TaskStatus::Active && raw.status_reason.is_none() {
            self.report(Diagnostic::new(
                Finding::StatusWithoutReason {
                    task: id.to_string(),
                    status: status.as_str(),
                },
                written.loc,
            ));
        }
        status
    }
}
