//! Raw files to the model (SPEC sections 3 to 6): merges the files, checks
//! every id, lead, date and reference, and pushes each problem it meets into
//! the list of findings instead of stopping at the first. What is wrong is
//! left out of the model (a duplicate task, an unknown lead), so the model
//! that comes out is always consistent, though it is only to be trusted
//! when no error was found.

mod agencies;
pub mod as_of;
mod history;
mod languages;
mod references;
mod tasks;

use crate::dates::{self, Calendar};
use crate::diag::{Diagnostic, Finding};
use crate::file_format;
use crate::lang::Lang;
use crate::leads::Registry;
use crate::model::*;
use crate::raw::*;
use crate::scripts;
use crate::source::{FileId, Loc};
use chrono::NaiveDate;
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
    let mut raw_events = Vec::new();
    let mut raw_cards = Vec::new();
    for (_, raw) in files {
        raw_events.extend(raw.events);
        plans.extend(raw.plan);
        raw_agencies.extend(raw.agencies);
        raw_measures.extend(raw.measures);
        raw_recommendations.extend(raw.recommendations);
        match raw.card {
            Some(card) => raw_cards.push((card, raw.priorities)),
            None => {
                for priority in &raw.priorities {
                    v.report(Diagnostic::new(Finding::PriorityWithoutCard, priority.loc));
                }
            }
        }
    }

    let plan_known = !plans.is_empty();
    let meta = v.plan_meta(plans, first_file);
    let calendar = meta.calendar();
    let (agencies, part_of) = v.agencies(raw_agencies, &meta.languages);
    let (registry, clashes) = Registry::new(&agencies);
    v.report_clashes(&agencies, clashes);
    let agencies = v.resolve_parts(agencies, part_of, &registry);
    let measures = references::measures(&mut v, raw_measures, &calendar, &meta.languages);

    let mut cards_seen = Seen::new("card");
    let mut kept = Vec::with_capacity(raw_cards.len());
    for (raw, priorities) in raw_cards {
        if v.well_formed_id(&raw.id, "card") && cards_seen.first(&mut v, &raw.id.value, raw.id.loc)
        {
            kept.push((raw, priorities));
        }
    }
    let known = Known {
        calendar: &calendar,
        meta: &meta,
        registry: &registry,
        agencies: &agencies,
        measures: &measures,
        plan_known,
    };
    let (cards, after_refs) = v.cards(kept, known);

    let mut plan = Plan {
        meta,
        agencies,
        cards,
        recommendations: Vec::new(),
        measures,
        events: Vec::new(),
    };
    plan.events = references::events(&mut v, raw_events, &plan.meta.languages);
    references::check(&mut v, &mut plan, raw_recommendations, after_refs);
    v.contacts(&plan);
    plan
}

impl Validator<'_> {
    /// The cards, checked on every core when there are many tasks (each
    /// thread with its own findings), in plan order; and the tasks due
    /// "after" another, to resolve once all are known.
    fn cards(
        &mut self,
        kept: Vec<(RawCard, Vec<RawPriority>)>,
        known: Known,
    ) -> (Vec<Card>, Vec<AfterRef>) {
        let task_count = |(_, priorities): &(RawCard, Vec<RawPriority>)| {
            let actions = priorities.iter().flat_map(|p| &p.actions);
            actions.map(|a| a.tasks.len()).sum::<usize>()
        };
        let shares = crate::parallel::in_order(kept, 2_000, task_count, |first, run| {
            let mut found = Vec::new();
            let mut v = Validator {
                diagnostics: &mut found,
            };
            let ctx = TaskContext::new(known);
            let mut after_refs = Vec::new();
            let cards: Vec<Card> = (first..)
                .zip(run)
                .map(|(index, (raw, priorities))| {
                    v.card(index, raw, priorities, &ctx, &mut after_refs)
                })
                .collect();
            (cards, after_refs, found)
        });
        let mut cards = Vec::new();
        let mut after_refs = Vec::new();
        for (some, refs, found) in shares {
            cards.extend(some);
            after_refs.extend(refs);
            self.diagnostics.extend(found);
        }
        (cards, after_refs)
    }

    /// The measures a card lists, each checked where it is written.
    fn measures_named(
        &mut self,
        card: &str,
        named: Vec<Spanned<String>>,
        measures: &[Measure],
    ) -> Vec<String> {
        for id in &named {
            if !measures
                .iter()
                .any(|m| crate::model::same_id(&m.id, &id.value))
            {
                self.report(Diagnostic::new(
                    Finding::UnknownMeasure {
                        card: card.to_string(),
                        measure: id.value.clone(),
                    },
                    id.loc,
                ));
            }
        }
        named.into_iter().map(|m| m.value).collect()
    }
}

pub(crate) struct Validator<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// What a task needs to know of the rest of the plan, shared by every
/// thread that checks cards.
#[derive(Clone, Copy)]
struct Known<'a> {
    calendar: &'a Calendar,
    meta: &'a PlanMeta,
    registry: &'a Registry,
    agencies: &'a [Agency],
    measures: &'a [Measure],
    /// False when there is no `[plan]`, so no start or end to compare with.
    plan_known: bool,
}

/// What one thread checking cards knows: the rest of the plan, and its
/// memory of the texts it has read already.
struct TaskContext<'a> {
    known: Known<'a>,
    /// Plans write the same leads and target dates again and again: each
    /// distinct text is resolved once.
    leads_seen: RefCell<HashMap<String, Option<Lead>>>,
    /// The agency suggested for each unknown lead, likewise once.
    suggested: RefCell<HashMap<String, Option<AgencyIdx>>>,
    dates_seen: RefCell<HashMap<String, Result<dates::Reading, dates::DateError>>>,
}

impl<'a> TaskContext<'a> {
    fn new(known: Known<'a>) -> TaskContext<'a> {
        TaskContext {
            known,
            leads_seen: RefCell::default(),
            suggested: RefCell::default(),
            dates_seen: RefCell::default(),
        }
    }

    fn resolve_lead(&self, text: &str) -> Option<Lead> {
        if let Some(lead) = self.leads_seen.borrow().get(text) {
            return *lead;
        }
        let lead = self.known.registry.resolve(text);
        self.leads_seen.borrow_mut().insert(text.to_string(), lead);
        lead
    }

    fn suggest_lead(&self, text: &str) -> Option<AgencyIdx> {
        if let Some(near) = self.suggested.borrow().get(text) {
            return *near;
        }
        let near = self.known.registry.suggest(text);
        self.suggested.borrow_mut().insert(text.to_string(), near);
        near
    }

    fn parse_date(&self, text: &str) -> Result<dates::Reading, dates::DateError> {
        if let Some(parsed) = self.dates_seen.borrow().get(text) {
            return parsed.clone();
        }
        let parsed = dates::read(text, self.known.calendar);
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

/// Ids met so far among siblings, to report the second of two, or of two
/// that only look alike.
pub(crate) struct Seen {
    what: &'static str,
    first: HashMap<String, Loc>,
    /// Ids whose skeleton (src/scripts.rs) is not their lower case, by skeleton.
    skeletons: HashMap<String, Loc>,
}

impl Seen {
    pub(crate) fn new(what: &'static str) -> Seen {
        Seen {
            what,
            first: HashMap::new(),
            skeletons: HashMap::new(),
        }
    }

    /// True the first time an id (ignoring case) is met; reports the others.
    /// An id holding a character that does not show is reported and false.
    pub(crate) fn first(&mut self, v: &mut Validator, id: &str, loc: Loc) -> bool {
        if !v.readable_id(self.what, id, loc) {
            return false;
        }
        let lower = crate::model::id_key(id);
        if let Some(&first) = self.first.get(&lower) {
            v.report(Diagnostic::new(
                Finding::DuplicateId {
                    what: self.what,
                    id: id.to_string(),
                    first,
                },
                loc,
            ));
            return false;
        }
        let skeleton = (!id.is_ascii()).then(|| scripts::skeleton(&lower));
        let own = skeleton.as_deref().unwrap_or(&lower);
        let like = match &skeleton {
            Some(skeleton) => self.skeletons.get(skeleton).or(self.first.get(skeleton)),
            None if self.skeletons.is_empty() => None,
            None => self.skeletons.get(&lower),
        };
        if let Some(&first) = like {
            v.report(Diagnostic::new(
                Finding::ConfusableId {
                    what: self.what,
                    id: id.to_string(),
                    skeleton: own.to_string(),
                    first,
                },
                loc,
            ));
        }
        if let Some(skeleton) = skeleton.filter(|s| *s != lower) {
            self.skeletons.entry(skeleton).or_insert(loc);
        }
        self.first.insert(lower, loc);
        true
    }
}

impl Validator<'_> {
    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn plan_meta(&mut self, plans: Vec<RawPlan>, first_file: FileId) -> PlanMeta {
        let mut plans = plans.into_iter();
        let Some(raw) = plans.next() else {
            self.report(Diagnostic::new(
                Finding::MissingPlan,
                Loc::new(first_file, 0..0),
            ));
            let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
            return PlanMeta {
                title: String::new(),
                owner: None,
                start: epoch,
                end: epoch,
                asap_days: 30,
                year_start: 4,
                review_days: 92,
                max_revisions: 2,
                accountability_threshold: 50,
                languages: Vec::new(),
                translations: Translations::default(),
            };
        };
        for extra in plans {
            self.report(Diagnostic::new(
                Finding::DuplicatePlan { first: raw.loc },
                extra.loc,
            ));
        }
        if raw.end.value < raw.start.value {
            self.report(Diagnostic::new(
                Finding::PlanEndsBeforeStart {
                    start: raw.start.value,
                    end: raw.end.value,
                },
                raw.end.loc,
            ));
        }
        let asap_days = self.ranged(raw.asap_days.as_ref(), "asap_days", 0..=3660, 30);
        let year_start = self.ranged(raw.year_start.as_ref(), "year_start", 1..=12, 4);
        let review_days = self.ranged(raw.review_days.as_ref(), "review_days", 1..=3660, 92);
        let max_revisions = self.ranged(raw.max_revisions.as_ref(), "max_revisions", 0..=1000, 2);
        let accountability_threshold = self.ranged(
            raw.accountability_threshold.as_ref(),
            "accountability_threshold",
            0..=100,
            50,
        );
        let languages = self.languages(raw.languages);
        let title = [("title", Some(raw.title.loc))];
        let translations = self.translations(&languages, raw.twins, &file_format::PLAN, &title);
        PlanMeta {
            languages,
            translations,
            title: raw.title.value,
            owner: raw.owner.map(|o| o.value),
            start: raw.start.value,
            end: raw.end.value,
            asap_days,
            year_start,
            review_days,
            max_revisions,
            accountability_threshold,
        }
    }

    fn ranged(
        &mut self,
        value: Option<&Spanned<i64>>,
        key: &'static str,
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
            Finding::OutOfRange {
                key,
                min: *range.start(),
                max: *range.end(),
                value: value.value,
            },
            value.loc,
        ));
        default
    }

    /// Ids with a character that does not show are refused; ids mixing
    /// scripts are reported (and kept: they are ids all the same).
    fn readable_id(&mut self, what: &'static str, id: &str, loc: Loc) -> bool {
        if let Some((_, ch, _)) = crate::hidden::find(id) {
            self.report(Diagnostic::new(
                Finding::HiddenInId {
                    what,
                    id: id.to_string(),
                    ch,
                },
                loc,
            ));
            return false;
        }
        if let Some((main, other, odd)) = scripts::mixed(id) {
            self.report(Diagnostic::new(
                Finding::MixedScriptId {
                    what,
                    id: id.to_string(),
                    main,
                    other,
                    odd,
                },
                loc,
            ));
        }
        true
    }

    /// Card and task ids become parts of full ids: no dots, dashes or spaces.
    fn well_formed_id(&mut self, id: &Spanned<String>, what: &'static str) -> bool {
        let ok = !id.value.is_empty() && id.value.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ok {
            self.report(Diagnostic::new(
                Finding::BadId {
                    what,
                    id: id.value.clone(),
                },
                id.loc,
            ));
        }
        ok
    }

    fn card(
        &mut self,
        card_index: usize,
        mut raw: RawCard,
        raw_priorities: Vec<RawPriority>,
        ctx: &TaskContext,
        after_refs: &mut Vec<AfterRef>,
    ) -> Card {
        let languages = &ctx.known.meta.languages;
        let translations = self.card_translations(languages, &mut raw);
        let card_id = raw.id.value;
        let mut seen = Seen::new("priority");
        let mut priorities = Vec::with_capacity(raw_priorities.len());
        for rp in raw_priorities {
            if !seen.first(self, &rp.id.value.to_string(), rp.id.loc) {
                continue;
            }
            let priority_id = format!("{card_id}-{}", rp.id.value);
            let mut seen_actions = Seen::new("action");
            let mut actions = Vec::with_capacity(rp.actions.len());
            for ra in rp.actions {
                if !seen_actions.first(self, &ra.id.value.to_string(), ra.id.loc) {
                    continue;
                }
                let action_id = format!("{priority_id}.{}", ra.id.value);
                let mut seen_tasks = Seen::new("task");
                let mut tasks = Vec::with_capacity(ra.tasks.len());
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
                let title = [("title", Some(ra.title.loc))];
                let translations =
                    self.translations(languages, ra.twins, &file_format::ACTION, &title);
                actions.push(Action {
                    translations,
                    id: action_id,
                    title: ra.title.value,
                    sponsor: ra.sponsor.map(|s| s.value),
                    tasks,
                });
            }
            let title = [("title", Some(rp.title.loc))];
            let translations =
                self.translations(languages, rp.twins, &file_format::PRIORITY, &title);
            priorities.push(Priority {
                translations,
                id: priority_id,
                title: rp.title.value,
                sponsor: rp.sponsor.map(|s| s.value),
                actions,
            });
        }
        let measures = self.measures_named(&card_id, raw.measures, ctx.known.measures);
        Card {
            id: card_id,
            title: raw.title.value,
            outcomes: values(raw.outcomes),
            area: raw.area.map(|a| a.value),
            measures,
            story: raw.story.map(|s| s.value),
            challenges: values(raw.challenges),
            main_actions: values(raw.main_actions),
            sponsor: raw.sponsor.map(|s| s.value),
            priorities,
            translations,
        }
    }

    /// The twins of a card's texts, checked.
    fn card_translations(&mut self, languages: &[Lang], raw: &mut RawCard) -> Translations {
        let bases = [
            ("title", Some(raw.title.loc)),
            ("outcomes", languages::list_loc(&raw.outcomes)),
            ("main_actions", languages::list_loc(&raw.main_actions)),
            ("story", raw.story.as_ref().map(|s| s.loc)),
            ("challenges", languages::list_loc(&raw.challenges)),
        ];
        let twins = std::mem::take(&mut raw.twins);
        self.translations(languages, twins, &file_format::CARD, &bases)
    }
}

fn values(list: Vec<Spanned<String>>) -> Vec<String> {
    list.into_iter().map(|s| s.value).collect()
}
