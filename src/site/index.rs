//! The site's front page: what the plan is, its headline figures (those of
//! the Highlight Report), a tile per report card, and a link to every other
//! page and download.

use super::{File, Site, names};
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
        Some(owner) => site.sentence(
            "site-about-owner",
            vec![],
            vec![("owner", site.as_written(owner))],
        ),
        None => site.words("site-about"),
    };
    let (title, _) = site.pick(&plan.meta.translations, "title", &plan.meta.title);
    if site.name.plain() != title {
        let title = site.plan_text(&plan.meta.translations, "title", &plan.meta.title);
        about = site.sentence(
            "site-about-titled",
            vec![],
            vec![("about", about), ("title", title)],
        );
    }
    let (start, end, day) = (
        plan.meta.start.to_string(),
        plan.meta.end.to_string(),
        site.query.as_of.to_string(),
    );
    page.paragraph(&site.sentence(
        "site-intro",
        vec![
            ("start", start.as_str().into()),
            ("end", end.as_str().into()),
            ("day", day.as_str().into()),
        ],
        vec![("about", about)],
    ));
    headline(site, &mut page);
    page.heading(2, None, &site.words("site-report-cards"));
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
    let quarter = quarter_label(site, &site.highlight.quarter.label);
    let int = |n: usize| Item::Cell(Cell::Int(n as i64));
    page.heading(2, None, &site.words("site-headline"));
    page.facts(&[
        (site.msg("site-fact-tasks"), int(h.tasks)),
        (site.msg("site-fact-rated"), int(h.rag.rated())),
        (
            site.msg("site-fact-on-track"),
            Item::Cell(Cell::Percent(h.rag.on_track())),
        ),
        (site.msg("site-fact-overdue-now"), int(h.overdue)),
        (site.msg("site-fact-stale"), int(h.stale)),
        (site.msg("site-fact-waiting"), int(h.waiting)),
        (site.msg("site-fact-completed"), int(h.completed_in_quarter)),
        (
            site.msg("site-fact-became-overdue"),
            int(h.became_overdue_in_quarter),
        ),
    ]);
    page.paragraph(&site.sentence(
        "site-quarter",
        vec![
            ("recommendations", h.recommendations.into()),
            ("accepted", h.accepted.into()),
            ("tracked", h.tracked.into()),
        ],
        vec![("quarter", Item::quoted(quarter))],
    ));
    let row =
        |rag: Option<Rag>, n: usize| Row::new(vec![Item::Cell(view::rag(site.cat, rag)), int(n)]);
    let mut rows: Vec<Row> = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue]
        .into_iter()
        .zip([h.rag.red, h.rag.amber, h.rag.green, h.rag.blue])
        .map(|(rag, n)| row(Some(rag), n))
        .collect();
    rows.push(row(None, h.rag.not_rated));
    rows.push(Row::new(vec![site.words("site-all-tasks"), int(h.tasks)]));
    page.table(&Table {
        caption: site.words("site-rag-caption"),
        headers: vec![site.msg("site-column-rag"), site.msg("site-column-tasks")],
        rows,
        empty: "",
    });
}

/// "Q3 2012-13" as the language writes it ("Ch3 2012-13"), with the
/// Highlight Report's message; a label of another form is the plan's.
fn quarter_label(site: &Site, label: &str) -> String {
    let quarter = label
        .strip_prefix('Q')
        .and_then(|rest| rest.split_once(' '))
        .filter(|(n, _)| matches!(*n, "1" | "2" | "3" | "4"));
    match quarter {
        Some((n, years)) => {
            site.msg_with("quarter-label", &[("n", n.into()), ("years", years.into())])
        }
        None => label.to_string(),
    }
}

/// A report card's tile: its outcomes, its roll-up, a small chart per measure.
fn tile(site: &Site, page: &mut Page, i: usize, card: &Card) {
    page.open("li", "tile");
    page.heading(3, None, &Item::Link(site.card_title_link(i)));
    let counts = RagCounts::of(card.tasks().map(|t| t.rag));
    let overdue = card
        .tasks()
        .filter(|t| site.query.status(t).state == State::Overdue)
        .count();
    page.facts(&[
        (site.msg("site-fact-rag"), site.rag_summary(&counts)),
        (
            site.msg("site-fact-overdue"),
            Item::Cell(Cell::Int(overdue as i64)),
        ),
    ]);
    if !card.outcomes.is_empty() {
        page.paragraph(&site.words("site-outcomes-colon"));
        page.list(&site.plan_texts(&card.translations, "outcomes", &card.outcomes));
    }
    for id in &card.measures {
        let Some(m) = site.names.measure(id) else {
            continue;
        };
        let measure = &site.plan.measures[m];
        page.heading(4, None, &Item::Link(site.measure_link(m)));
        site.curve(page, measure, false);
        if !measure.values.is_empty() {
            page.paragraph(&Item::quoted(site.describe(measure)));
        }
    }
    page.close("li");
}

/// A link to every page and download.
fn every_page(site: &Site, page: &mut Page) {
    let plan = site.plan;
    page.heading(2, None, &site.words("site-every-page"));
    page.heading(3, None, &site.words("site-report-cards"));
    let cards: Vec<Item> = (0..plan.cards.len())
        .map(|i| Item::Link(site.card_title_link(i)))
        .collect();
    page.list(&cards);
    page.heading(3, None, &site.words("site-measures"));
    let measures: Vec<Item> = (0..plan.measures.len())
        .map(|m| Item::Link(site.measure_link(m)))
        .collect();
    page.list(&measures);
    page.heading(3, None, &site.words("site-agencies"));
    let ours = |href: String, key| Item::Link(Link::new(href, Text::ours(site.msg(key))));
    page.paragraph(&ours(names::AGENCIES.into(), "site-every-agency"));
    let agencies: Vec<Item> = (0..plan.agencies.len())
        .map(|a| {
            let agency = &plan.agencies[a];
            Item::Items(vec![
                Item::Link(site.agency_link(a)),
                site.plan_text(&agency.translations, "name", &agency.name),
            ])
        })
        .collect();
    page.list(&agencies);
    page.heading(3, None, &site.words("site-recommendations"));
    page.paragraph(&ours(
        names::RECOMMENDATIONS.into(),
        "site-every-recommendation",
    ));
    page.heading(3, None, &site.words("site-downloads"));
    // The downloads are written once, at the root.
    let up = site.up();
    page.list(&[
        ours(format!("{up}{}", names::TASKS_CSV), "site-download-tasks"),
        ours(format!("{up}{}", names::CALENDAR), "site-download-calendar"),
    ]);
}
