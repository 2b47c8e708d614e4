//! The measures: an index of the curves to turn, and a page per measure
//! with its chart, its values in a table beside it, which way is better,
//! its target and the report cards that list it.

use super::{File, Site, names};
use crate::model::Measure;
use crate::render::document::Text;
use crate::render::number::number;
use crate::render::page::{Item, Row, Table};

pub(super) fn index(site: &Site) -> File {
    let mut page = site.page(names::MEASURES, &Text::ours(site.msg("site-measures")));
    page.paragraph(&site.words("site-measures-about"));
    let rows = site
        .plan
        .measures
        .iter()
        .enumerate()
        .map(|(m, measure)| {
            Row::new(vec![
                Item::Link(site.measure_link(m)),
                latest(site, measure),
                target(site, measure),
                Item::text(site.better(measure)),
                cards(site, measure),
            ])
        })
        .collect();
    page.table(&Table {
        caption: site.words("site-measures-caption"),
        headers: [
            "site-column-measure",
            "site-column-latest",
            "site-column-target-value",
            "site-column-better",
            "site-column-report-cards",
        ]
        .map(|key| site.msg(key))
        .to_vec(),
        rows,
        empty: site.msg("site-no-measures"),
    });
    Site::file(names::MEASURES, page)
}

pub(super) fn page(site: &Site, m: usize) -> File {
    let measure = &site.plan.measures[m];
    let file = &site.names.measures[m];
    let (title, mark) = site.pick(&measure.translations, "title", &measure.title);
    let mut page = site.page_marked(file, &Text::quoted(title), mark);
    let mut facts = vec![
        (
            site.msg("site-fact-better"),
            Item::text(site.better(measure)),
        ),
        (site.msg("site-fact-latest"), latest(site, measure)),
        (site.msg("site-fact-target"), target(site, measure)),
    ];
    if let Some(unit) = &measure.unit {
        facts.push((site.msg("site-fact-unit"), site.as_written(unit)));
    }
    if let [.., before, last] = measure.values.as_slice() {
        let change = last.value - before.value;
        let verdict = if measure.better.is_better(change) {
            site.msg("site-change-better")
        } else if change == 0.0 {
            site.msg("site-change-none")
        } else {
            site.msg("site-change-worse")
        };
        let sign = if change > 0.0 { "+" } else { "" };
        let change = format!("{sign}{}", number(change));
        facts.push((
            site.msg("site-fact-change"),
            Item::text(site.msg_with(
                "site-change",
                &[
                    ("change", change.as_str().into()),
                    ("verdict", verdict.into()),
                ],
            )),
        ));
    }
    facts.push((site.msg("site-fact-report-cards"), cards(site, measure)));
    page.facts(&facts);
    page.heading(2, None, &site.words("site-the-curve"));
    site.curve(&mut page, measure, true);
    Site::file(file, page)
}

fn latest(site: &Site, measure: &Measure) -> Item {
    match measure.values.last() {
        Some(v) => site.sentence(
            "site-latest",
            vec![("value", number(v.value).as_str().into())],
            vec![("period", Item::quoted(&v.period))],
        ),
        None => site.words("site-latest-none"),
    }
}

fn target(site: &Site, measure: &Measure) -> Item {
    match &measure.target {
        Some(t) => site.sentence(
            "site-target",
            vec![("value", number(t.value).as_str().into())],
            vec![("period", Item::quoted(&t.period))],
        ),
        None => site.words("site-target-none"),
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
        .map(|(i, _)| Item::Link(site.card_title_link(i)))
        .collect();
    if cards.is_empty() {
        site.words("site-cards-none")
    } else {
        Item::Items(cards)
    }
}
