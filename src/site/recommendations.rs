//! The recommendations page: each scrutiny recommendation, the Cabinet's
//! response, the actions that deliver it (linked to their place on their
//! card's page) and how their tasks stand.

use super::names::{self, anchor};
use super::{File, Site};
use crate::model::id_key;
use crate::render::document::Text;
use crate::render::page::{Item, Link, Row, Table};
use crate::render::report::Cell;
use crate::view;
use std::collections::HashMap;

pub(super) fn page(site: &Site) -> File {
    let mut page = site.page(
        names::RECOMMENDATIONS,
        &Text::ours("Recommendations and the Cabinet's responses"),
    );
    let lines = &site.highlight.recommendations;
    let int = |n: usize| Item::Cell(Cell::Int(n as i64));
    let anchors: Vec<String> = lines
        .iter()
        .map(|l| anchor("rec", &l.recommendation.id))
        .collect();
    let rows = lines
        .iter()
        .zip(&anchors)
        .map(|(line, at)| {
            let r = line.recommendation;
            Row::new(vec![
                Item::Link(Link::new(format!("#{at}"), Text::quoted(&r.id))),
                Item::text(r.response.as_str()),
                int(line.tasks),
                int(line.done),
                int(line.overdue),
                Item::Cell(view::rag(crate::catalogue::Catalogue::english(), line.rag)),
            ])
        })
        .collect();
    page.table(&Table {
        caption: Text::ours("Every recommendation's response and progress"),
        headers: vec![
            "Recommendation",
            "Response",
            "Tasks",
            "Done",
            "Overdue",
            "RAG",
        ],
        rows,
        empty: "The plan records no recommendation.",
    });
    let places = places(site);
    for (line, at) in lines.iter().zip(&anchors) {
        let r = line.recommendation;
        page.heading(2, Some(at), &Item::quoted(&r.id));
        page.paragraph(&Item::quoted(&r.text));
        let mut facts = vec![("Response", Item::text(r.response.as_str()))];
        if let Some(owner) = &r.owner {
            facts.push(("Owner", Item::quoted(owner)));
        }
        facts.push((
            "Progress",
            Item::Phrase(vec![
                Item::Cell(view::rag(crate::catalogue::Catalogue::english(), line.rag)),
                Item::text(format!(
                    "{}, {} done, {} overdue",
                    crate::words::count(line.tasks, "task"),
                    line.done,
                    line.overdue
                )),
            ]),
        ));
        page.facts(&facts);
        if let Some(response) = &r.response_text {
            page.heading(3, None, &Item::text("The response"));
            page.paragraph(&Item::quoted(response));
        }
        page.heading(3, None, &Item::text("Delivered by"));
        let delivering: Vec<Item> = r
            .actions
            .iter()
            .map(|id| match places.get(&id_key(id)) {
                Some((card, at, title)) => {
                    Item::Link(site.card_link(*card, Some(at), title.clone()))
                }
                None => Item::quoted(id),
            })
            .collect();
        if delivering.is_empty() {
            page.paragraph(&Item::text("No action of the plan delivers it."));
        } else {
            page.list(&delivering);
        }
    }
    Site::file(names::RECOMMENDATIONS, page)
}

/// Where each card, priority, action and task is (by id in lower case): its
/// card, its anchor there, and its id and title.
fn places(site: &Site) -> HashMap<String, (usize, String, Text)> {
    let mut places = HashMap::new();
    let titled = |id: &str, title: &str| Text::quoted(id).and(" ").and_quoted(title);
    for (c, card) in site.plan.cards.iter().enumerate() {
        let at = |kind: &str, id: &str| anchor(kind, id);
        places.insert(
            id_key(&card.id),
            (c, "main".to_string(), Text::quoted(&card.title)),
        );
        for p in &card.priorities {
            let text = titled(&p.id, &p.title);
            places.insert(id_key(&p.id), (c, at("priority", &p.id), text));
            for a in &p.actions {
                let text = titled(&a.id, &a.title);
                places.insert(id_key(&a.id), (c, at("action", &a.id), text));
                for t in &a.tasks {
                    let text = titled(&t.id, &t.text);
                    places.insert(id_key(&t.id), (c, at("task", &t.id), text));
                }
            }
        }
    }
    places
}
