//! The Highlight Report's parts about the plan's history (docs/history.md),
//! laid out: who has gone quiet, each card's rated count and sponsors, its
//! tasks on hold and those withdrawn or carried forward, and how far a
//! task's target slipped.

use super::history::{correction_text, slip_text};
use super::{CardSection, Highlight, TaskLine};
use crate::render::document::{Block, DocTable, Text};
use crate::render::report::Cell;
use chrono::NaiveDate;

/// "Not updated this quarter": agencies and cards below the threshold.
pub fn quiet(report: &Highlight) -> Vec<Block> {
    let threshold = report.plan.meta.accountability_threshold;
    vec![
        Block::Heading("Not updated this quarter".into()),
        Block::Table(DocTable {
            headers: vec!["Who", "Score", "Days since last update"],
            rows: report
                .quiet
                .iter()
                .map(|q| {
                    vec![
                        Cell::text(&q.who),
                        Cell::Int(i64::from(q.score)),
                        Cell::opt_int(q.days_since_update),
                    ]
                })
                .collect(),
            empty: format!("Every agency and card scores at least {threshold}."),
        }),
        Block::Paragraph(Text::ours(format!(
            "Score: the mean of the shares of open tasks rated, reviewed within {} and given a progress note in the last 3 months (0 to 100); listed below {threshold}.",
            crate::words::count(report.plan.meta.review_days, "day")
        ))),
    ]
}

/// The card's facts after its RAG: how many tasks are rated, its sponsors.
pub fn card_facts(section: &CardSection) -> Vec<(&'static str, Cell)> {
    let story = &section.story;
    let mut facts = vec![(
        "Rated",
        Cell::text(format!(
            "{} of {}",
            story.rated,
            crate::words::count(story.tasks, "task")
        )),
    )];
    if let Some(sponsor) = &section.card.sponsor {
        facts.push(("Sponsor", Cell::text(sponsor)));
    }
    if !story.sponsors.is_empty() {
        facts.push((
            "Sponsors of its priorities and actions",
            Cell::text(story.sponsors.join("; ")),
        ));
    }
    facts
}

/// A task's text, with how far its target slipped where it was revised,
/// and its latest correction where its target was corrected.
pub fn what(line: &TaskLine) -> Cell {
    let mut text = line.task.text.clone();
    for more in [
        slip_text(line.task, line.status.deadline),
        correction_text(line.task),
    ]
    .into_iter()
    .flatten()
    {
        text.push_str(&format!("; {more}"));
    }
    Cell::text(text)
}

/// "On hold" and "Withdrawn or carried forward", each where there is any.
pub fn card_blocks(section: &CardSection, as_of: NaiveDate) -> Vec<Block> {
    let story = &section.story;
    let mut blocks = Vec::new();
    if !story.on_hold.is_empty() {
        blocks.push(Block::Heading("On hold".into()));
        blocks.push(Block::Table(DocTable {
            headers: vec!["Task", "What", "Reason", "On hold since", "Days"],
            rows: story
                .on_hold
                .iter()
                .map(|(task, _)| {
                    let since = task.status_since();
                    vec![
                        Cell::text(&task.id),
                        Cell::text(&task.text),
                        Cell::opt_text(task.details().status_reason.as_deref()),
                        Cell::Date(since),
                        Cell::opt_int(since.map(|d| (as_of - d).num_days())),
                    ]
                })
                .collect(),
            empty: String::new(),
        }));
    }
    if !story.dropped.is_empty() {
        blocks.push(Block::Heading("Withdrawn or carried forward".into()));
        blocks.push(Block::Table(DocTable {
            headers: vec!["Task", "What", "Status", "Reason", "Since", "Carried to"],
            rows: story
                .dropped
                .iter()
                .map(|task| {
                    vec![
                        Cell::text(&task.id),
                        Cell::text(&task.text),
                        Cell::text(task.status.as_str()),
                        Cell::opt_text(task.details().status_reason.as_deref()),
                        Cell::Date(task.status_since()),
                        Cell::opt_text(task.details().carried_to.as_deref()),
                    ]
                })
                .collect(),
            empty: String::new(),
        }));
    }
    blocks
}
