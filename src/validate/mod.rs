//! Raw files to the model (SPEC sections 3 to 6): merges the files, checks
//! every id, lead, date and reference, and pushes each problem it meets into
//! the list of findings instead of stopping at the first. What is wrong is
//! left out of the model (a duplicate task, an unknown lead), so the model
//! that comes out is always consistent, though it is only to be trusted
//! when no error was found.

mod references;

use crate::dates::{self, Calendar, Interval, TargetDate};
use crate::diag::{Code, Diagnostic};
use crate::leads::Registry;
use crate::model::*;
use crate::raw::*;
use crate::source::{FileId, Loc};
use chrono::{Months, NaiveDate};
use std::cell::RefCell;
use std::collections::HashMap;

/// Every raw file, with the file it came from, in path order.
pub fn validate(files: Vec<(FileId, RawFile)>, diagnostics: &mut Vec<Diagnostic>) -> Plan {
    let mut v = Validator { diagnostics };
    let first_file = files.first().map(|(id, _)| *id).unwrap_or(0);

    let mut plans = Vec::new();
    let mut raw_agencies = Vec::new();
    let mut raw_measures = Vec::new();
    let mut raw_recommendations = Vec::new();
    let mut raw_cards = Vec::new();
    for (_, raw) in files {
        plans.extend(raw.plan);
        raw_agencies.extend(raw.agencies);
        raw_measures.extend(raw.measures);
        raw_recommendations.extend(raw.recommendations);
        match raw.card {
            Some(card) => raw_cards.push((card, raw.priorities)),
            None => {
                for priority in &raw.priorities {
                    v.report(
                        Diagnostic::new(
                            Code::MissingKey,
                            priority.loc,
                            "`[[priority]]` in a file with no `[card]`",
                        )
                        .with_help(
                            "a card's priorities follow its `[card]` table in the same file",
                        ),
                    );
                }
            }
        }
    }

    let plan_known = !plans.is_empty();
    let meta = v.plan_meta(plans, first_file);
    let calendar = meta.calendar();
    let (agencies, part_of) = v.agencies(raw_agencies);
    let (registry, clashes) = Registry::new(&agencies);
    v.report_clashes(&agencies, clashes);
    let agencies = v.resolve_parts(agencies, part_of, &registry);
    let measures = references::measures(&mut v, raw_measures, &calendar);

    let mut cards_seen = Seen::new("card");
    let mut cards = Vec::new();
    let mut after_refs = Vec::new();
    let ctx = TaskContext {
        calendar: &calendar,
        meta: &meta,
        registry: &registry,
        agencies: &agencies,
        plan_known,
        leads_seen: RefCell::default(),
        dates_seen: RefCell::default(),
    };
    for (raw, priorities) in raw_cards {
        if !v.well_formed_id(&raw.id, "card")
            || !cards_seen.first(&mut v, &raw.id.value, raw.id.loc)
        {
            continue;
        }
        let card_index = cards.len();
        cards.push(v.card(card_index, raw, priorities, &ctx, &mut after_refs));
    }

    drop(ctx);
    let mut plan = Plan {
        meta,
        agencies,
        cards,
        recommendations: Vec::new(),
        measures,
    };
    references::check(&mut v, &mut plan, raw_recommendations, after_refs);
    plan
}

pub(crate) struct Validator<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// What a task needs to know of the rest of the plan.
struct TaskContext<'a> {
    calendar: &'a Calendar,
    meta: &'a PlanMeta,
    registry: &'a Registry,
    agencies: &'a [Agency],
    /// False when there is no `[plan]`, so no start or end to compare with.
    plan_known: bool,
    /// Plans write the same leads and target dates again and again: each
    /// distinct text is resolved once.
    leads_seen: RefCell<HashMap<String, Option<Lead>>>,
    dates_seen: RefCell<HashMap<String, Result<TargetDate, dates::DateError>>>,
}

impl TaskContext<'_> {
    fn resolve_lead(&self, text: &str) -> Option<Lead> {
        if let Some(lead) = self.leads_seen.borrow().get(text) {
            return *lead;
        }
        let lead = self.registry.resolve(text);
        self.leads_seen.borrow_mut().insert(text.to_string(), lead);
        lead
    }

    fn parse_date(&self, text: &str) -> Result<TargetDate, dates::DateError> {
        if let Some(parsed) = self.dates_seen.borrow().get(text) {
            return parsed.clone();
        }
        let parsed = dates::parse(text, self.calendar);
        self.dates_seen
            .borrow_mut()
            .insert(text.to_string(), parsed.clone());
        parsed
    }
}

/// A task due "after" another: the task, where it sits in the model
/// (card, priority, action, task indices), the id it names, and where.
pub(crate) struct AfterRef {
    task: String,
    at: [usize; 4],
    names: String,
    loc: Loc,
}

/// Ids met so far among siblings, to report the second of two.
pub(crate) struct Seen {
    what: &'static str,
    first: HashMap<String, Loc>,
}

impl Seen {
    pub(crate) fn new(what: &'static str) -> Seen {
        Seen {
            what,
            first: HashMap::new(),
        }
    }

    /// True the first time an id (ignoring case) is met; reports the others.
    pub(crate) fn first(&mut self, v: &mut Validator, id: &str, loc: Loc) -> bool {
        match self.first.get(&id.to_lowercase()) {
            Some(&first) => {
                v.report(
                    Diagnostic::new(
                        Code::DuplicateId,
                        loc,
                        format!("duplicate {} id `{id}`", self.what),
                    )
                    .with_label(first, "first defined here")
                    .with_help("ids must be unique among siblings (ignoring case)"),
                );
                false
            }
            None => {
                self.first.insert(id.to_lowercase(), loc);
                true
            }
        }
    }
}

impl Validator<'_> {
    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn plan_meta(&mut self, plans: Vec<RawPlan>, first_file: FileId) -> PlanMeta {
        let mut plans = plans.into_iter();
        let Some(raw) = plans.next() else {
            self.report(
                Diagnostic::new(
                    Code::MissingPlan,
                    Loc::new(first_file, 0..0),
                    "no file holds the `[plan]` table",
                )
                .with_help("add a plan.toml with [plan] title, start and end"),
            );
            let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
            return PlanMeta {
                title: String::new(),
                owner: None,
                start: epoch,
                end: epoch,
                asap_days: 30,
                year_start: 4,
                review_days: 92,
            };
        };
        for extra in plans {
            self.report(
                Diagnostic::new(Code::DuplicatePlan, extra.loc, "a second `[plan]` table")
                    .with_label(raw.loc, "the first `[plan]`")
                    .with_help("a plan directory holds exactly one [plan]"),
            );
        }
        if raw.end.value < raw.start.value {
            self.report(Diagnostic::new(
                Code::BadValue,
                raw.end.loc,
                format!(
                    "the plan ends ({}) before it starts ({})",
                    raw.end.value, raw.start.value
                ),
            ));
        }
        let asap_days = self.ranged(raw.asap_days.as_ref(), "asap_days", 0..=3660, 30);
        let year_start = self.ranged(raw.year_start.as_ref(), "year_start", 1..=12, 4);
        let review_days = self.ranged(raw.review_days.as_ref(), "review_days", 1..=3660, 92);
        PlanMeta {
            title: raw.title.value,
            owner: raw.owner.map(|o| o.value),
            start: raw.start.value,
            end: raw.end.value,
            asap_days,
            year_start,
            review_days,
        }
    }

    fn ranged(
        &mut self,
        value: Option<&Spanned<i64>>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
        default: u32,
    ) -> u32 {
        let Some(value) = value else {
            return default;
        };
        if range.contains(&value.value) {
            return value.value as u32;
        }
        self.report(Diagnostic::new(
            Code::BadValue,
            value.loc,
            format!(
                "`{key}` must be from {} to {}, not {}",
                range.start(),
                range.end(),
                value.value
            ),
        ));
        default
    }

    /// Card and task ids become parts of full ids: no dots, dashes or spaces.
    fn well_formed_id(&mut self, id: &Spanned<String>, what: &str) -> bool {
        let ok = !id.value.is_empty() && id.value.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ok {
            self.report(
                Diagnostic::new(
                    Code::BadValue,
                    id.loc,
                    format!("`{}` is not a valid {what} id", id.value),
                )
                .with_help("use letters, digits and `_` only: ids are joined into `EJ-1.1.a`"),
            );
        }
        ok
    }

    /// The registry, and each agency's `part_of` as written (resolved later).
    fn agencies(&mut self, raw: Vec<RawAgency>) -> (Vec<Agency>, Vec<Option<Spanned<String>>>) {
        let mut seen = Seen::new("agency");
        let mut agencies = Vec::with_capacity(raw.len());
        for agency in raw {
            if agency.id.value.trim().is_empty() {
                self.report(Diagnostic::new(
                    Code::BadValue,
                    agency.id.loc,
                    "an agency id is empty",
                ));
                continue;
            }
            if !seen.first(self, &agency.id.value, agency.id.loc) {
                continue;
            }
            let kind = match &agency.kind {
                None => AgencyKind::Organisation,
                Some(kind) => AgencyKind::parse(&kind.value).unwrap_or_else(|| {
                    self.report(Diagnostic::new(
                        Code::BadValue,
                        kind.loc,
                        format!(
                            "`{}` is not a kind of agency: use {}",
                            kind.value,
                            AgencyKind::NAMES
                        ),
                    ));
                    AgencyKind::Organisation
                }),
            };
            agencies.push((agency, kind));
        }
        let part_of = agencies
            .iter()
            .map(|(raw, _)| raw.part_of.clone())
            .collect();
        let agencies = agencies
            .into_iter()
            .map(|(raw, kind)| Agency {
                id: raw.id.value,
                name: raw.name.value,
                kind,
                aliases: raw.aliases.into_iter().map(|a| a.value).collect(),
                // Resolved by `resolve_parts` once every agency is known.
                part_of: None,
                loc: raw.loc,
            })
            .collect();
        (agencies, part_of)
    }

    /// Resolves `part_of`; a loop of agencies each part of the next is an error.
    fn resolve_parts(
        &mut self,
        mut agencies: Vec<Agency>,
        part_of: Vec<Option<Spanned<String>>>,
        registry: &Registry,
    ) -> Vec<Agency> {
        for (idx, written) in part_of.iter().enumerate() {
            let Some(written) = written else { continue };
            match registry.resolve(&written.value) {
                Some(Lead::Agency(whole)) if whole != idx => agencies[idx].part_of = Some(whole),
                Some(Lead::Agency(_)) => self.report(Diagnostic::new(
                    Code::DependencyCycle,
                    written.loc,
                    format!("agency `{}` is part of itself", agencies[idx].id),
                )),
                _ => self.report(
                    Diagnostic::new(
                        Code::UnknownReference,
                        written.loc,
                        format!(
                            "`part_of` names `{}`, which is no agency of the plan",
                            written.value
                        ),
                    )
                    .with_help("part_of takes the id of another [[agency]]"),
                ),
            }
        }
        for idx in 0..agencies.len() {
            let mut at = agencies[idx].part_of;
            for _ in 0..agencies.len() {
                match at {
                    Some(a) if a == idx => {
                        let loc = part_of[idx]
                            .as_ref()
                            .map(|p| p.loc)
                            .unwrap_or(agencies[idx].loc);
                        self.report(Diagnostic::new(
                            Code::DependencyCycle,
                            loc,
                            format!(
                                "agency `{}` is, through `part_of`, part of itself",
                                agencies[idx].id
                            ),
                        ));
                        agencies[idx].part_of = None;
                        break;
                    }
                    Some(a) => at = agencies[a].part_of,
                    None => break,
                }
            }
        }
        agencies
    }

    fn report_clashes(&mut self, agencies: &[Agency], clashes: Vec<crate::leads::Clash>) {
        for (name, earlier, agency) in clashes {
            let diagnostic = match earlier {
                Some(earlier) => Diagnostic::new(
                    Code::DuplicateId,
                    agencies[agency].loc,
                    format!(
                        "agency `{}` is also called `{name}`, which already names `{}`",
                        agencies[agency].id, agencies[earlier].id
                    ),
                )
                .with_label(agencies[earlier].loc, "the agency already called so"),
                None => Diagnostic::new(
                    Code::DuplicateId,
                    agencies[agency].loc,
                    format!(
                        "agency `{}` is called `{name}`, a reserved word for leads",
                        agencies[agency].id
                    ),
                ),
            };
            self.report(diagnostic.with_help("an agency's id, name and aliases must name only it"));
        }
    }

    fn card(
        &mut self,
        card_index: usize,
        raw: RawCard,
        raw_priorities: Vec<RawPriority>,
        ctx: &TaskContext,
        after_refs: &mut Vec<AfterRef>,
    ) -> Card {
        let card_id = raw.id.value;
        let mut seen = Seen::new("priority");
        let mut priorities = Vec::new();
        for rp in raw_priorities {
            if !seen.first(self, &rp.id.value.to_string(), rp.id.loc) {
                continue;
            }
            let priority_id = format!("{card_id}-{}", rp.id.value);
            let mut seen_actions = Seen::new("action");
            let mut actions = Vec::new();
            for ra in rp.actions {
                if !seen_actions.first(self, &ra.id.value.to_string(), ra.id.loc) {
                    continue;
                }
                let action_id = format!("{priority_id}.{}", ra.id.value);
                let mut seen_tasks = Seen::new("task");
                let mut tasks = Vec::new();
                for rt in ra.tasks {
                    if !self.well_formed_id(&rt.id, "task")
                        || !seen_tasks.first(self, &rt.id.value, rt.id.loc)
                    {
                        continue;
                    }
                    let id = format!("{action_id}.{}", rt.id.value);
                    let at = [card_index, priorities.len(), actions.len(), tasks.len()];
                    tasks.push(self.task(id, at, rt, ctx, after_refs));
                }
                actions.push(Action {
                    id: action_id,
                    title: ra.title.value,
                    tasks,
                    loc: ra.loc,
                });
            }
            priorities.push(Priority {
                id: priority_id,
                title: rp.title.value,
                actions,
                loc: rp.loc,
            });
        }
        Card {
            id: card_id,
            title: raw.title.value,
            outcomes: values(raw.outcomes),
            area: raw.area.map(|a| a.value),
            measures: raw.measures.into_iter().map(|m| m.value).collect(),
            story: raw.story.map(|s| s.value),
            challenges: values(raw.challenges),
            main_actions: values(raw.main_actions),
            priorities,
            loc: raw.loc,
        }
    }

    fn task(
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
        let target = match &due.value {
            RawWhen::Date(d) => TargetDate::Dated(Interval { from: *d, to: *d }),
            RawWhen::Text(text) => match ctx.parse_date(text) {
                Ok(target) => target,
                Err(err) => {
                    self.report(
                        Diagnostic::new(Code::BadDate, due.loc, err.to_string())
                            .with_help(format!("a target date is {}", dates::ACCEPTED_FORMS)),
                    );
                    return TargetDate::Unset;
                }
            },
        };
        if target == TargetDate::Unset {
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

fn values(list: Vec<Spanned<String>>) -> Vec<String> {
    list.into_iter().map(|s| s.value).collect()
}
