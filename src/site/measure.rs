//! The measures: an index of the curves to turn, and a page per measure
//! with its chart, its values in a table beside it, which way is better,
//! its target and the report cards that list it.

use super::{File, Site, names};
use crate::model::Measure;
use crate::render::document::Text;
use crate::render::number::number;
use crate::render::page::{Item, Row, Table};

pub(super) fn index(site: &Site) -> File {
    let mut page = site.page(names::MEASURES, &Text::ours("Measures"));
    page.paragraph(&Item::text(
        "The curves the plan sets out to turn: each measure's latest value and target.",
    ));
    let rows = site
        .plan
        .measures
        .iter()
        .enumerate()
        .map(|(m, measure)| {
            Row::new(vec![
                Item::Link(site.measure_link(m)),
                latest(measure),
                target(measure),
                Item::text(format!("{} is better", measure.better.as_str())),
                cards(site, measure),
            ])
        })
        .collect();
    page.table(&Table {
        caption: Text::ours("Every measure"),
        headers: vec!["Measure", "Latest", "Target", "Better", "Report cards"],
        rows,
        empty: "The plan has no measures.",
    });
    Site::file(names::MEASURES, page)
}

pub(super) fn page(site: &Site, m: usize) -> File {
    let measure = &site.plan.measures[m];
    let file = &site.names.measures[m];
    let title = Text::quoted(&measure.title);
    let mut page = site.page(file, &title);
    let mut facts = vec![
        (
            "Which way is better",
            Item::text(format!("{} is better", measure.better.as_str())),
        ),
        ("Latest", latest(measure)),
        ("Target", target(measure)),
    ];
    if let Some(unit) = &measure.unit {
        facts.push(("Unit", Item::quoted(unit)));
    }
    if let [.., before, last] = measure.values.as_slice() {
        let change = last.value - before.value;
        let verdict = if measure.better.is_better(change) {
            "the better way"
        } else if change == 0.0 {
            "no change"
        } else {
            "the worse way"
        };
        let sign = if change > 0.0 { "+" } else { "" };
        facts.push((
            "Change since the period before",
            Item::text(format!("{sign}{}: {verdict}", number(change))),
        ));
    }
    facts.push(("Report cards", cards(site, measure)));
    page.facts(&facts);
    page.heading(2, None, &Item::text("The curve"));
    site.curve(&mut page, measure, true);
    Site::file(file, page)
}

fn latest(measure: &Measure) -> Item {
    match measure.values.last() {
        Some(v) => Item::Text(
            Text::ours(number(v.value))
                .and(" (")
                .and_quoted(&v.period)
                .and(")"),
        ),
        None => Item::text("no values recorded yet"),
    }
}

fn target(measure: &Measure) -> Item {
    match &measure.target {
        Some(t) => Item::Text(
            Text::ours(number(t.value))
                .and(" by ")
                .and_quoted(&t.period),
        ),
        None => Item::text("none set"),
    }
}

/// The report cards that list a measure, linked.
fn cards(site: &Site, measure: &Measure) -> Item {
    let cards: Vec<Item> = site
        .plan
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.measures
                .iter()
                .any(|id| crate::model::same_id(id, &measure.id))
        })
        .map(|(i, c)| Item::Link(site.card_link(i, None, Text::quoted(&c.title))))
        .collect();
    if cards.is_empty() {
        Item::text("none")
    } else {
        Item::Items(cards)
    }
}
