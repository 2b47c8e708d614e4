//! The site's front page: what the plan is, its headline figures (those of
//! the Highlight Report), a tile per report card, and a link to every other
//! page and download.

use super::{File, Site, names, rag_summary};
use crate::model::{Card, Rag};
use crate::query::{RagCounts, State};
use crate::render::document::Text;
use crate::render::page::{Item, Link, Page, Row, Table};
use crate::render::report::Cell;
use crate::view;

pub(super) fn page(site: &Site) -> File {
    let plan = site.plan;
    let mut page = site.page(names::INDEX, &site.name);
    let mut about = match &plan.meta.owner {
        Some(owner) => Text::quoted(owner).and("'s action plan"),
        None => Text::ours("The action plan"),
    };
    if site.name.plain() != plan.meta.title {
        about = about.and(" ").and_quoted(&plan.meta.title);
    }
    page.paragraph(&Item::Text(about.and(format!(
        ", from {} to {}, as it stands on {}.",
        plan.meta.start, plan.meta.end, site.query.as_of
    ))));
    headline(site, &mut page);
    page.heading(2, None, &Item::text("Report cards"));
    page.open("ul", "tiles");
    for (i, card) in plan.cards.iter().enumerate() {
        tile(site, &mut page, i, card);
    }
    page.close("ul");
    every_page(site, &mut page);
    Site::file(names::INDEX, page)
}

fn headline(site: &Site, page: &mut Page) {
    let h = &site.highlight.headline;
    let quarter = &site.highlight.quarter.label;
    let int = |n: usize| Item::Cell(Cell::Int(n as i64));
    page.heading(2, None, &Item::text("Headline figures"));
    page.facts(&[
        ("Tasks", int(h.tasks)),
        ("Rated", int(h.rag.rated())),
        (
            "On track (of those rated)",
            Item::Cell(Cell::Percent(h.rag.on_track())),
        ),
        ("Overdue now", int(h.overdue)),
        ("Ongoing, not reviewed", int(h.stale)),
        ("Waiting for another task or an event", int(h.waiting)),
        ("Completed this quarter", int(h.completed_in_quarter)),
        (
            "Became overdue this quarter",
            int(h.became_overdue_in_quarter),
        ),
    ]);
    page.paragraph(&Item::Text(
        Text::ours("This quarter is ").and_quoted(quarter).and(format!(
            ". Recommendations: {} in all, {} accepted (or partially), {} of them with actions that deliver them.",
            h.recommendations, h.accepted, h.tracked
        )),
    ));
    let row = |rag: Option<Rag>, n: usize| {
        Row::new(vec![
            Item::Cell(view::rag(crate::catalogue::Catalogue::english(), rag)),
            int(n),
        ])
    };
    let mut rows: Vec<Row> = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue]
        .into_iter()
        .zip([h.rag.red, h.rag.amber, h.rag.green, h.rag.blue])
        .map(|(rag, n)| row(Some(rag), n))
        .collect();
    rows.push(row(None, h.rag.not_rated));
    rows.push(Row::new(vec![Item::text("All tasks"), int(h.tasks)]));
    page.table(&Table {
        caption: Text::ours("Tasks by RAG status (blue is complete)"),
        headers: vec!["RAG", "Tasks"],
        rows,
        empty: "",
    });
}

/// A report card's tile: its outcomes, its roll-up, a small chart per measure.
fn tile(site: &Site, page: &mut Page, i: usize, card: &Card) {
    page.open("li", "tile");
    let title = Text::quoted(&card.title);
    page.heading(3, None, &Item::Link(site.card_link(i, None, title)));
    let counts = RagCounts::of(card.tasks().map(|t| t.rag));
    let overdue = card
        .tasks()
        .filter(|t| site.query.status(t).state == State::Overdue)
        .count();
    page.facts(&[
        ("RAG", rag_summary(&counts)),
        ("Overdue", Item::Cell(Cell::Int(overdue as i64))),
    ]);
    if !card.outcomes.is_empty() {
        page.paragraph(&Item::text("Outcomes:"));
        let outcomes: Vec<Item> = card.outcomes.iter().map(Item::quoted).collect();
        page.list(&outcomes);
    }
    for id in &card.measures {
        let Some(m) = site.names.measure(id) else {
            continue;
        };
        let measure = &site.plan.measures[m];
        page.heading(4, None, &Item::Link(site.measure_link(m)));
        site.curve(page, measure, false);
        if !measure.values.is_empty() {
            page.paragraph(&Item::quoted(super::describe(measure)));
        }
    }
    page.close("li");
}

/// A link to every page and download.
fn every_page(site: &Site, page: &mut Page) {
    let plan = site.plan;
    page.heading(2, None, &Item::text("Every page"));
    page.heading(3, None, &Item::text("Report cards"));
    let cards: Vec<Item> = (0..plan.cards.len())
        .map(|i| {
            let card = &plan.cards[i];
            let text = Text::quoted(&card.title);
            Item::Link(site.card_link(i, None, text))
        })
        .collect();
    page.list(&cards);
    page.heading(3, None, &Item::text("Measures"));
    let measures: Vec<Item> = (0..plan.measures.len())
        .map(|m| Item::Link(site.measure_link(m)))
        .collect();
    page.list(&measures);
    page.heading(3, None, &Item::text("Agencies"));
    page.paragraph(&Item::Link(Link::new(
        names::AGENCIES,
        "Every agency, with its tasks".into(),
    )));
    let agencies: Vec<Item> = (0..plan.agencies.len())
        .map(|a| {
            Item::Items(vec![
                Item::Link(site.agency_link(a)),
                Item::quoted(&plan.agencies[a].name),
            ])
        })
        .collect();
    page.list(&agencies);
    page.heading(3, None, &Item::text("Recommendations"));
    page.paragraph(&Item::Link(Link::new(
        names::RECOMMENDATIONS,
        "The scrutiny recommendations, the Cabinet's responses and their progress".into(),
    )));
    page.heading(3, None, &Item::text("Downloads"));
    page.list(&[
        Item::Link(Link::new(
            names::TASKS_CSV,
            "tasks.csv: every task with every field, for a spreadsheet".into(),
        )),
        Item::Link(Link::new(
            names::CALENDAR,
            "plan.ics: the open tasks' deadlines, for a calendar".into(),
        )),
    ]);
}
