//! The agencies: an index of them all with their counts, and a page per
//! agency with what it leads and co-leads, by report card (the rule of
//! `query::tasks_by_agency`: its own tasks, its parts', and for an
//! organisation those led by "all").

use super::names::{self, anchor};
use super::{File, Site};
use crate::model::{AgencyKind, Lead, Task};
use crate::query::{RagCounts, State, tasks_by_agency};
use crate::render::document::Text;
use crate::render::page::{Item, Row, Table};
use crate::render::report::Cell;
use crate::view;
use std::collections::HashMap;

/// The agencies index.
pub(super) fn index(site: &Site, agencies: &Agencies) -> File {
    let plan = site.plan;
    let by_agency = &agencies.by_agency;
    let mut page = site.page(names::AGENCIES, &Text::ours(site.msg("site-agencies")));
    page.paragraph(&site.words("site-agencies-about"));
    let rows = plan
        .agencies
        .iter()
        .enumerate()
        .map(|(a, agency)| {
            let tasks = &by_agency[a];
            let counts = RagCounts::of(tasks.iter().map(|t| t.rag));
            let overdue = count_overdue(site, tasks);
            Row::new(vec![
                Item::Link(site.agency_link(a)),
                site.plan_text(&agency.translations, "name", &agency.name),
                kind(site, agency.kind),
                agency
                    .part_of
                    .map_or(Item::text(""), |p| Item::Link(site.agency_link(p))),
                Item::Cell(Cell::Int(tasks.len() as i64)),
                Item::Cell(Cell::Int(overdue as i64)),
                Item::Cell(view::rag(site.cat, counts.rollup())),
                Item::Cell(Cell::Int(counts.rated() as i64)),
            ])
        })
        .collect();
    page.table(&Table {
        caption: site.words("site-agencies-caption"),
        headers: [
            "site-column-agency",
            "site-column-name",
            "site-column-kind",
            "site-column-part-of",
            "site-column-tasks",
            "site-column-overdue",
            "site-column-rag",
            "site-column-rated",
        ]
        .map(|key| site.msg(key))
        .to_vec(),
        rows,
        empty: site.msg("site-no-agencies"),
    });
    Site::file(names::AGENCIES, page)
}

/// A kind of agency in the pages' language.
fn kind(site: &Site, kind: AgencyKind) -> Item {
    match view::kind_cell(site.cat, kind) {
        Cell::Word { shown, .. } => Item::text(shown),
        other => Item::Cell(other),
    }
}

fn count_overdue(site: &Site, tasks: &[&Task]) -> usize {
    tasks
        .iter()
        .filter(|t| site.query.status(t).state == State::Overdue)
        .count()
}

/// What the agency pages share: each agency's tasks, each task's card, each agency's parts.
pub(super) struct Agencies<'p> {
    by_agency: Vec<Vec<&'p Task>>,
    card_of: HashMap<&'p str, usize>,
    parts: Vec<Vec<usize>>,
}

impl<'p> Agencies<'p> {
    pub(super) fn new(site: &Site<'p>) -> Agencies<'p> {
        let plan = site.plan;
        let mut parts: Vec<Vec<usize>> = vec![Vec::new(); plan.agencies.len()];
        for (a, agency) in plan.agencies.iter().enumerate() {
            if let Some(whole) = agency.part_of {
                parts[whole].push(a);
            }
        }
        Agencies {
            by_agency: tasks_by_agency(plan, plan.tasks()),
            card_of: plan
                .cards
                .iter()
                .enumerate()
                .flat_map(|(i, card)| card.tasks().map(move |t| (t.id.as_str(), i)))
                .collect(),
            parts,
        }
    }

    /// The page of agency `a`.
    pub(super) fn page(&self, site: &Site, a: usize) -> File {
        page(site, a, &self.by_agency[a], &self.parts[a], &self.card_of)
    }
}

fn page(
    site: &Site,
    a: usize,
    tasks: &[&Task],
    parts: &[usize],
    card_of: &HashMap<&str, usize>,
) -> File {
    let agency = &site.plan.agencies[a];
    let file = &site.names.agencies[a];
    let (name, mark) = site.pick(&agency.translations, "name", &agency.name);
    let mut page = site.page_marked(file, &Text::quoted(name), mark);
    let mut facts = vec![(site.msg("site-fact-kind"), kind(site, agency.kind))];
    if let Some(whole) = agency.part_of {
        facts.push((
            site.msg("site-fact-part-of"),
            Item::Link(site.agency_link(whole)),
        ));
    }
    if !parts.is_empty() {
        let links = parts.iter().map(|p| Item::Link(site.agency_link(*p)));
        facts.push((site.msg("site-fact-parts"), Item::Items(links.collect())));
    }
    if !agency.aliases.is_empty() {
        let aliases = agency.aliases.iter().map(|a| site.as_written(a));
        facts.push((
            site.msg("site-fact-aliases"),
            Item::Items(aliases.collect()),
        ));
    }
    facts.push((
        site.msg("site-fact-tasks"),
        Item::Cell(Cell::Int(tasks.len() as i64)),
    ));
    let overdue = count_overdue(site, tasks);
    facts.push((
        site.msg("site-fact-overdue"),
        Item::Cell(Cell::Int(overdue as i64)),
    ));
    let counts = RagCounts::of(tasks.iter().map(|t| t.rag));
    facts.push((site.msg("site-fact-rag"), site.rag_summary(&counts)));
    page.facts(&facts);
    if tasks.is_empty() {
        page.paragraph(&site.words("site-leads-none"));
    }
    // The tasks come in plan order, so each card's are together.
    let mut at = 0;
    while at < tasks.len() {
        let c = card_of[tasks[at].id.as_str()];
        let end = at + tasks[at..].partition_point(|t| card_of[t.id.as_str()] == c);
        let card = &site.plan.cards[c];
        page.heading(2, None, &Item::Link(site.card_title_link(c)));
        let rows = site
            .ordered(tasks[at..end].iter().copied())
            .into_iter()
            .map(|(task, status)| {
                let link =
                    site.card_link(c, Some(&anchor("task", &task.id)), Text::quoted(&task.id));
                site.task_row(task, &status, Item::Link(link), vec![role(site, a, task)])
            })
            .collect();
        page.table(&Table {
            caption: site.sentence(
                "site-agency-caption",
                vec![],
                vec![
                    (
                        "card",
                        site.plan_text(&card.translations, "title", &card.title),
                    ),
                    (
                        "agency",
                        site.plan_text(&agency.translations, "name", &agency.name),
                    ),
                ],
            ),
            headers: [
                "site-column-task",
                "site-column-what",
                "site-column-role",
                "site-column-target",
                "site-column-deadline",
                "site-column-state",
                "site-column-rag",
            ]
            .map(|key| site.msg(key))
            .to_vec(),
            rows,
            empty: "",
        });
        at = end;
    }
    Site::file(file, page)
}

/// How a task counts for an agency: it leads it (the first lead named) or
/// co-leads it, itself or through one of its parts; or all partners lead it.
fn role(site: &Site, agency: usize, task: &Task) -> Item {
    let plan = site.plan;
    let word = |n: usize| match n {
        0 => site.msg("site-role-lead"),
        _ => site.msg("site-role-co-lead"),
    };
    let through = |n: usize| match n {
        0 => site.msg("site-role-lead-through"),
        _ => site.msg("site-role-co-lead-through"),
    };
    for (n, lead) in task.leads.iter().enumerate() {
        if *lead == Lead::Agency(agency) {
            return Item::text(word(n));
        }
    }
    for (n, lead) in task.leads.iter().enumerate() {
        if let Lead::Agency(part) = lead
            && plan.agency_and_parents(*part).any(|p| p == agency)
        {
            return Item::Phrase(vec![
                Item::text(through(n)),
                Item::Link(site.agency_link(*part)),
            ]);
        }
    }
    site.words("site-role-all")
}
