//! The Highlight Report's parts about the plan's history (docs/history.md),
//! laid out: who has gone quiet, each card's rated count and sponsors, its
//! tasks on hold and those withdrawn or carried forward, and how far a
//! task's target slipped.

use super::history::{correction_text, slip_text};
use super::{CardSection, Highlight, TaskLine};
use crate::catalogue::Catalogue;
use crate::plan_texts::PlanTexts;
use crate::render::document::{Block, DocTable, Text};
use crate::render::report::Cell;
use chrono::NaiveDate;

/// "Not updated this quarter": agencies and cards below the threshold.
pub fn quiet(cat: &'static Catalogue, t: PlanTexts, report: &Highlight) -> Vec<Block> {
    let threshold = report.plan.meta.accountability_threshold;
    vec![
        Block::Heading(cat.msg("not-updated").into()),
        Block::Table(DocTable {
            headers: vec![
                cat.msg("heading-who"),
                cat.msg("heading-score"),
                cat.msg("heading-days-since-update"),
            ],
            rows: report
                .quiet
                .iter()
                .map(|q| {
                    let key = if q.card { "title" } else { "name" };
                    let who = format!("{} {}", q.id, t.text(q.translations, key, q.name));
                    vec![
                        Cell::text(match q.card {
                            true => cat.msg_with("quiet-card", &[("who", who.as_str().into())]),
                            false => who,
                        }),
                        Cell::Int(i64::from(q.score)),
                        Cell::opt_int(q.days_since_update),
                    ]
                })
                .collect(),
            empty: cat.msg_with("not-updated-none", &[("threshold", threshold.into())]),
        }),
        Block::Paragraph(Text::ours(cat.msg_with(
            "score-means",
            &[
                ("days", report.plan.meta.review_days.into()),
                ("threshold", threshold.into()),
            ],
        ))),
    ]
}

/// The card's facts after its RAG: its sponsors.
pub fn card_facts(cat: &'static Catalogue, section: &CardSection) -> Vec<(&'static str, Cell)> {
    let story = &section.story;
    let mut facts = Vec::new();
    if let Some(sponsor) = &section.card.sponsor {
        facts.push((cat.msg("fact-sponsor"), Cell::text(sponsor)));
    }
    if !story.sponsors.is_empty() {
        let sponsors: Vec<&str> = story.sponsors.iter().map(String::as_str).collect();
        facts.push((cat.msg("fact-sponsors"), Cell::text(sponsors.join("; "))));
    }
    facts
}

/// A task's text, with how far its target slipped where it was revised,
/// and its latest correction where its target was corrected.
pub fn what(cat: &Catalogue, t: PlanTexts, line: &TaskLine) -> Cell {
    let mut cell = t.cell(&line.task.translations, "text", &line.task.text);
    let text = match &mut cell {
        Cell::Text(text) => text,
        Cell::PlanText(text) => match &mut text.fell_back {
            Some((_, marker)) => marker,
            None => &mut text.shown,
        },
        _ => unreachable!("a plan text is a text"),
    };
    for more in [
        slip_text(cat, line.task, line.status.deadline),
        correction_text(line.task),
    ]
    .into_iter()
    .flatten()
    {
        text.push_str(&format!("; {more}"));
    }
    cell
}

/// The co-leads' latest words on a task (`TaskLine::words`), or its latest
/// note, in the report's language where the plan has it.
pub fn words(t: PlanTexts, line: &TaskLine) -> Cell {
    let Some(words) = &line.words else {
        return Cell::Empty;
    };
    match t.note(line.task) {
        // One note: in the report's language. Co-leads' words side by
        // side stay as written.
        Some(_) if line.task.note() == Some(words.as_str()) => t.note_cell(line.task),
        _ => Cell::text(words.as_str()),
    }
}

/// "On hold" and "Withdrawn or carried forward", each where there is any.
pub fn card_blocks(
    cat: &'static Catalogue,
    t: PlanTexts,
    section: &CardSection,
    as_of: NaiveDate,
) -> Vec<Block> {
    let story = &section.story;
    let mut blocks = Vec::new();
    let reason = |task: &crate::model::Task| match task.details().status_reason.as_deref() {
        Some(reason) => t.cell(&task.translations, "status_reason", reason),
        None => Cell::Empty,
    };
    if !story.on_hold.is_empty() {
        blocks.push(Block::Heading(cat.msg("on-hold").into()));
        blocks.push(Block::Table(DocTable {
            headers: vec![
                cat.msg("heading-task"),
                cat.msg("heading-what"),
                cat.msg("heading-reason"),
                cat.msg("heading-on-hold-since"),
                cat.msg("heading-days"),
            ],
            rows: story
                .on_hold
                .iter()
                .map(|(task, _)| {
                    let since = task.status_since();
                    vec![
                        Cell::text(&task.id),
                        t.cell(&task.translations, "text", &task.text),
                        reason(task),
                        Cell::Date(since),
                        Cell::opt_int(since.map(|d| (as_of - d).num_days())),
                    ]
                })
                .collect(),
            empty: String::new(),
        }));
    }
    if !story.dropped.is_empty() {
        blocks.push(Block::Heading(cat.msg("dropped").into()));
        blocks.push(Block::Table(DocTable {
            headers: vec![
                cat.msg("heading-task"),
                cat.msg("heading-what"),
                cat.msg("heading-status"),
                cat.msg("heading-reason"),
                cat.msg("heading-since"),
                cat.msg("heading-carried-to"),
            ],
            rows: story
                .dropped
                .iter()
                .map(|task| {
                    vec![
                        Cell::text(&task.id),
                        t.cell(&task.translations, "text", &task.text),
                        Cell::text(task_status(cat, task.status)),
                        reason(task),
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

/// A task's status as the report's language says it: "withdrawn".
fn task_status(cat: &'static Catalogue, status: crate::model::TaskStatus) -> &'static str {
    use crate::model::TaskStatus;
    match status {
        TaskStatus::Active => cat.msg("status-active"),
        TaskStatus::OnHold => cat.msg("status-on-hold"),
        TaskStatus::Withdrawn => cat.msg("status-withdrawn"),
        TaskStatus::CarriedForward => cat.msg("status-carried-forward"),
    }
}
