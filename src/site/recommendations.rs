//! The recommendations page: each scrutiny recommendation, the Cabinet's
//! response, the actions that deliver it (linked to their place on their
//! card's page) and how their tasks stand.

use super::names::{self, anchor};
use super::{File, Site};
use crate::model::{Response, Translations, id_key};
use crate::render::document::Text;
use crate::render::page::{Item, Link, Row, Table, Untranslated};
use crate::render::report::Cell;
use crate::view;
use std::collections::HashMap;

pub(super) fn page(site: &Site) -> File {
    let mut page = site.page(
        names::RECOMMENDATIONS,
        &Text::ours(site.msg("site-recommendations-title")),
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
                response(site, r.response),
                int(line.tasks),
                int(line.done),
                int(line.overdue),
                Item::Cell(view::rag(site.cat, line.rag)),
            ])
        })
        .collect();
    page.table(&Table {
        caption: site.words("site-recommendations-caption"),
        headers: [
            "site-column-recommendation",
            "site-column-response",
            "site-column-tasks",
            "site-column-done",
            "site-column-overdue",
            "site-column-rag",
        ]
        .map(|key| site.msg(key))
        .to_vec(),
        rows,
        empty: site.msg("site-no-recommendations"),
    });
    let places = places(site);
    for (line, at) in lines.iter().zip(&anchors) {
        let r = line.recommendation;
        page.heading(2, Some(at), &Item::quoted(&r.id));
        page.paragraph(&site.plan_text(&r.translations, "text", &r.text));
        let mut facts = vec![(site.msg("site-fact-response"), response(site, r.response))];
        if let Some(owner) = &r.owner {
            facts.push((site.msg("site-fact-owner"), site.as_written(owner)));
        }
        let progress = site.msg_with(
            "site-progress",
            &[
                ("tasks", line.tasks.into()),
                ("done", line.done.into()),
                ("overdue", line.overdue.into()),
            ],
        );
        facts.push((
            site.msg("site-fact-progress"),
            Item::Phrase(vec![
                Item::Cell(view::rag(site.cat, line.rag)),
                Item::text(progress),
            ]),
        ));
        page.facts(&facts);
        if let Some(text) = &r.response_text {
            page.heading(3, None, &site.words("site-the-response"));
            page.paragraph(&site.plan_text(&r.translations, "response_text", text));
        }
        page.heading(3, None, &site.words("site-delivered-by"));
        let delivering: Vec<Item> = r
            .actions
            .iter()
            .map(|id| match places.get(&id_key(id)) {
                Some((card, at, (title, mark))) => {
                    Item::Link(site.card_link(*card, Some(at), title.clone()).marked(*mark))
                }
                None => Item::quoted(id),
            })
            .collect();
        if delivering.is_empty() {
            page.paragraph(&site.words("site-delivered-by-none"));
        } else {
            page.list(&delivering);
        }
    }
    Site::file(names::RECOMMENDATIONS, page)
}

/// A response in the pages' language, as a table's cell writes it.
fn response(site: &Site, response: Response) -> Item {
    match view::response_cell(site.cat, response) {
        Cell::Word { shown, .. } => Item::text(shown),
        other => Item::Cell(other),
    }
}

/// A link's text: an id and a title in the pages' language, and the
/// title's mark where it is in another.
type Titled = (Text, Option<Untranslated>);

/// Where each card, priority, action and task is (by id in lower case): its
/// card, its anchor there, and its id and title.
fn places(site: &Site) -> HashMap<String, (usize, String, Titled)> {
    let mut places = HashMap::new();
    let titled = |id: &str, t: &Translations, key: &str, title: &str| {
        let (title, mark) = site.pick(t, key, title);
        (Text::quoted(id).and(" ").and_quoted(title), mark)
    };
    for (c, card) in site.plan.cards.iter().enumerate() {
        let at = |kind: &str, id: &str| anchor(kind, id);
        let (title, mark) = site.pick(&card.translations, "title", &card.title);
        places.insert(
            id_key(&card.id),
            (c, "main".to_string(), (Text::quoted(title), mark)),
        );
        for p in &card.priorities {
            let text = titled(&p.id, &p.translations, "title", &p.title);
            places.insert(id_key(&p.id), (c, at("priority", &p.id), text));
            for a in &p.actions {
                let text = titled(&a.id, &a.translations, "title", &a.title);
                places.insert(id_key(&a.id), (c, at("action", &a.id), text));
                for t in &a.tasks {
                    let text = titled(&t.id, &t.translations, "text", &t.text);
                    places.insert(id_key(&t.id), (c, at("task", &t.id), text));
                }
            }
        }
    }
    places
}
