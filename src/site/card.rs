//! A report card's page: its outcomes, area, story behind the curve and
//! challenges, each measure as a turn-the-curve chart with its values
//! beside it, and every priority, action and task, overdue tasks first
//! within each action.

use super::names::anchor;
use super::{File, Site};
use crate::model::{Action, Card};
use crate::query::RagCounts;
use crate::render::document::Text;
use crate::render::page::{Item, Page, Table};

pub(super) fn page(site: &Site, i: usize) -> File {
    let card = &site.plan.cards[i];
    let file = &site.names.cards[i];
    let (title, mark) = site.pick(&card.translations, "title", &card.title);
    let mut page = site.page_marked(file, &Text::quoted(title), mark);
    let mut facts = vec![(
        site.msg("site-fact-rag"),
        site.rag_summary(&RagCounts::of(card.tasks().map(|t| t.rag))),
    )];
    if let Some(area) = &card.area {
        facts.push((site.msg("site-fact-area"), site.as_written(area)));
    }
    page.facts(&facts);
    about(site, &mut page, card);
    if !card.measures.is_empty() {
        page.heading(2, None, &site.words("site-turning-the-curve"));
        for id in &card.measures {
            match site.names.measure(id) {
                Some(m) => {
                    page.heading(3, None, &Item::Link(site.measure_link(m)));
                    site.curve(&mut page, &site.plan.measures[m], true);
                }
                None => page.paragraph(&site.sentence(
                    "site-no-measure",
                    vec![],
                    vec![("id", Item::quoted(id))],
                )),
            }
        }
    }
    page.heading(2, None, &site.words("site-priorities"));
    for priority in &card.priorities {
        let title = site.plan_text(&priority.translations, "title", &priority.title);
        let title = site.sentence(
            "site-we-will",
            vec![],
            vec![("id", Item::quoted(&priority.id)), ("title", title)],
        );
        let id = anchor("priority", &priority.id);
        page.heading(3, Some(&id), &title);
        for action in &priority.actions {
            action_tasks(site, &mut page, action);
        }
    }
    Site::file(file, page)
}

/// Outcomes, main actions, the story behind the curve, challenges.
fn about(site: &Site, page: &mut Page, card: &Card) {
    let lists = [
        ("site-outcomes", "outcomes", &card.outcomes),
        ("site-main-actions", "main_actions", &card.main_actions),
    ];
    for (heading, key, items) in lists {
        if !items.is_empty() {
            page.heading(2, None, &site.words(heading));
            page.list(&site.plan_texts(&card.translations, key, items));
        }
    }
    if let Some(story) = &card.story {
        page.heading(2, None, &site.words("site-story"));
        let (story, mark) = site.pick(&card.translations, "story", story);
        for paragraph in story.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let text = Text::quoted(paragraph.trim());
            page.paragraph(&match mark {
                Some(mark) => Item::Untranslated(text, mark),
                None => Item::Text(text),
            });
        }
    }
    if !card.challenges.is_empty() {
        page.heading(2, None, &site.words("site-challenges"));
        page.list(&site.plan_texts(&card.translations, "challenges", &card.challenges));
    }
}

/// An action's heading and the table of its tasks, overdue first.
fn action_tasks(site: &Site, page: &mut Page, action: &Action) {
    let id = anchor("action", &action.id);
    let title = Item::Run(vec![
        Item::quoted(&action.id),
        Item::text(" "),
        site.plan_text(&action.translations, "title", &action.title),
    ]);
    page.heading(4, Some(&id), &title);
    let rows = site
        .ordered(action.tasks.iter())
        .into_iter()
        .map(|(task, status)| {
            let mut row = site.task_row(
                task,
                &status,
                Item::quoted(&task.id),
                vec![site.leads(task)],
            );
            row.cells.push(site.last_update(task));
            row.id = Some(anchor("task", &task.id));
            row
        })
        .collect();
    page.table(&Table {
        caption: site.sentence(
            "site-action-caption",
            vec![],
            vec![("id", Item::quoted(&action.id))],
        ),
        headers: [
            "site-column-task",
            "site-column-what",
            "site-column-leads",
            "site-column-target",
            "site-column-deadline",
            "site-column-state",
            "site-column-rag",
            "site-column-last-update",
        ]
        .map(|key| site.msg(key))
        .to_vec(),
        rows,
        empty: site.msg("site-action-no-tasks"),
    });
}
