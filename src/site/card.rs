//! A report card's page: its outcomes, area, story behind the curve and
//! challenges, each measure as a turn-the-curve chart with its values
//! beside it, and every priority, action and task, overdue tasks first
//! within each action.

use super::names::anchor;
use super::{File, Site, last_update, rag_summary};
use crate::model::{Action, Card};
use crate::query::RagCounts;
use crate::render::document::Text;
use crate::render::page::{Item, Page, Table};

pub(super) fn page(site: &Site, i: usize) -> File {
    let card = &site.plan.cards[i];
    let file = &site.names.cards[i];
    let mut page = site.page(file, &Text::quoted(&card.title));
    let mut facts = vec![(
        "RAG",
        rag_summary(&RagCounts::of(card.tasks().map(|t| t.rag))),
    )];
    if let Some(area) = &card.area {
        facts.push(("Area", Item::quoted(area)));
    }
    page.facts(&facts);
    about(&mut page, card);
    if !card.measures.is_empty() {
        page.heading(2, None, &Item::text("Turning the curve"));
        for id in &card.measures {
            match site.names.measure(id) {
                Some(m) => {
                    page.heading(3, None, &Item::Link(site.measure_link(m)));
                    site.curve(&mut page, &site.plan.measures[m], true);
                }
                None => page.paragraph(&Item::Text(
                    Text::ours("No measure ")
                        .and_quoted(id)
                        .and(" in the plan."),
                )),
            }
        }
    }
    page.heading(2, None, &Item::text("Priorities, actions and tasks"));
    for priority in &card.priorities {
        let title = Text::quoted(&priority.id)
            .and(" We will: ")
            .and_quoted(&priority.title);
        let id = anchor("priority", &priority.id);
        page.heading(3, Some(&id), &Item::Text(title));
        for action in &priority.actions {
            action_tasks(site, &mut page, action);
        }
    }
    Site::file(file, page)
}

/// Outcomes, main actions, the story behind the curve, challenges.
fn about(page: &mut Page, card: &Card) {
    let lists = [
        ("Outcomes", &card.outcomes),
        ("Main actions", &card.main_actions),
    ];
    for (heading, items) in lists {
        if !items.is_empty() {
            page.heading(2, None, &Item::text(heading));
            page.list(&items.iter().map(Item::quoted).collect::<Vec<_>>());
        }
    }
    if let Some(story) = &card.story {
        page.heading(2, None, &Item::text("The story behind the curve"));
        for paragraph in story.split("\n\n").filter(|p| !p.trim().is_empty()) {
            page.paragraph(&Item::quoted(paragraph.trim()));
        }
    }
    if !card.challenges.is_empty() {
        page.heading(2, None, &Item::text("Challenges"));
        page.list(&card.challenges.iter().map(Item::quoted).collect::<Vec<_>>());
    }
}

/// An action's heading and the table of its tasks, overdue first.
fn action_tasks(site: &Site, page: &mut Page, action: &Action) {
    let id = anchor("action", &action.id);
    let title = Text::quoted(&action.id).and(" ").and_quoted(&action.title);
    page.heading(4, Some(&id), &Item::Text(title));
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
            row.cells.push(last_update(site.plan, task));
            row.id = Some(anchor("task", &task.id));
            row
        })
        .collect();
    page.table(&Table {
        caption: Text::ours("Tasks of action ")
            .and_quoted(&action.id)
            .and(", overdue first"),
        headers: vec![
            "Task",
            "What",
            "Leads",
            "Target (as written)",
            "Deadline (as read)",
            "State",
            "RAG",
            "Last update",
        ],
        rows,
        empty: "This action has no tasks.",
    });
}
