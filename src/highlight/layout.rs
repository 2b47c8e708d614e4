//! The Highlight Report laid out as a document: what `plan report` prints,
//! as Markdown or HTML.

use super::{CardSection, Highlight, History, TaskLine, rag_change};
use crate::model::{Better, Measure};
use crate::render::chart::{self, Point, sparkline};
use crate::render::document::{Block, DocTable, Text};
use crate::render::number::number;
use crate::render::report::Cell;
use crate::view;

pub fn blocks(report: &Highlight) -> Vec<Block> {
    let plan = report.plan;
    let q = &report.quarter;
    let h = &report.headline;
    let mut blocks = vec![
        Block::Title(title(report)),
        Block::Paragraph(
            match &plan.meta.owner {
                Some(owner) => Text::quoted(owner).and(". "),
                None => Text::default(),
            }
            .and(format!(
                "The quarter {} to {}, as of {}.",
                q.interval.from, q.interval.to, report.as_of
            )),
        ),
        Block::Heading("Headline figures".into()),
        Block::Facts(vec![
            ("Tasks", Cell::Int(h.tasks as i64)),
            ("On track", Cell::Percent(h.rag.on_track())),
            ("Rated", Cell::text(h.rag.basis())),
            (
                "Completed this quarter",
                Cell::Int(h.completed_in_quarter as i64),
            ),
            (
                "Became overdue this quarter",
                Cell::Int(h.became_overdue_in_quarter as i64),
            ),
            ("Overdue now", Cell::Int(h.overdue as i64)),
            ("Ongoing, not reviewed", Cell::Int(h.stale as i64)),
            (
                "Waiting for another task or an event",
                Cell::Int(h.waiting as i64),
            ),
        ]),
        Block::Table(DocTable {
            headers: vec!["Red", "Amber", "Green", "Blue", "Not rated", "Total"],
            rows: vec![
                [
                    h.rag.red,
                    h.rag.amber,
                    h.rag.green,
                    h.rag.blue,
                    h.rag.not_rated,
                    h.tasks,
                ]
                .iter()
                .map(|n| Cell::Int(*n as i64))
                .collect(),
            ],
            empty: String::new(),
        }),
        Block::Paragraph(Text::ours(format!(
            "Recommendations: {} in all, {} accepted (or partially), {} of them with actions that deliver them. {}",
            h.recommendations,
            h.accepted,
            h.tracked,
            history_text(&report.history)
        ))),
    ];
    blocks.extend(super::history_layout::quiet(report));

    for section in &report.cards {
        card_blocks(section, report.as_of, &mut blocks);
    }

    blocks.push(Block::Part("Recommendations".into()));
    blocks.push(Block::Table(DocTable {
        headers: vec![
            "Id",
            "Recommendation",
            "Response",
            "Tasks",
            "Done",
            "Overdue",
            "RAG",
        ],
        rows: report
            .recommendations
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.recommendation.id),
                    Cell::text(&r.recommendation.text),
                    Cell::text(view::response(r.recommendation.response)),
                    Cell::Int(r.tasks as i64),
                    Cell::Int(r.done as i64),
                    Cell::Int(r.overdue as i64),
                    view::rollup(&r.counts),
                ]
            })
            .collect(),
        empty: "The plan records no recommendation.".into(),
    }));
    blocks
}

/// One report card's part: its facts, its tasks by what the board must
/// know of them, and its measures.
fn card_blocks(section: &CardSection, as_of: chrono::NaiveDate, blocks: &mut Vec<Block>) {
    let card = section.card;
    blocks.push(Block::Part(Text::quoted(format!(
        "{} {}",
        card.id, card.title
    ))));
    let mut facts = Vec::new();
    if !card.outcomes.is_empty() {
        facts.push(("Outcomes", Cell::text(card.outcomes.join("; "))));
    }
    facts.push(("RAG", view::rollup(&section.counts)));
    facts.push(("Rated", Cell::text(section.counts.basis())));
    facts.push(("On track", Cell::Percent(section.counts.on_track())));
    facts.push((
        "Since the end of the previous quarter",
        Cell::text(rag_change(section.rag, section.previous_rag)),
    ));
    // The rated count is said above; the sponsors come from the history.
    facts.extend(
        super::history_layout::card_facts(section)
            .into_iter()
            .filter(|(label, _)| *label != "Rated"),
    );
    blocks.push(Block::Facts(facts));

    blocks.push(Block::Heading("Completed this quarter".into()));
    blocks.push(task_table(
        &section.completed,
        &["Task", "What", "Leads", "Done"],
        |l| Cell::Date(l.task.done),
        "No task was completed this quarter.",
    ));
    blocks.push(Block::Heading("Became overdue this quarter".into()));
    blocks.push(task_table(
        &section.became_overdue,
        &["Task", "What", "Leads", "Days overdue"],
        |l| Cell::opt_int(l.status.days_overdue),
        "No task became overdue this quarter.",
    ));
    blocks.push(Block::Heading("Still overdue from earlier quarters".into()));
    blocks.push(task_table(
        &section.still_overdue,
        &["Task", "What", "Leads", "Days overdue"],
        |l| Cell::opt_int(l.status.days_overdue),
        "No task is overdue from an earlier quarter.",
    ));
    if !section.rated_but_overdue.is_empty() {
        blocks.push(Block::Heading("Rated on track but overdue".into()));
        blocks.push(task_table(
            &section.rated_but_overdue,
            &["Task", "What", "Leads", "Rated, yet overdue"],
            |l| Cell::text(view::rated_but_overdue(l.task.rag, l.status.days_overdue)),
            "",
        ));
    }
    blocks.push(Block::Heading("Red and amber tasks".into()));
    blocks.push(Block::Table(DocTable {
        headers: vec!["Task", "What", "Leads", "RAG", "Note"],
        rows: section
            .red_and_amber
            .iter()
            .map(|l| {
                vec![
                    Cell::text(&l.task.id),
                    super::history_layout::what(l),
                    Cell::List(l.leads.clone()),
                    view::rag(l.task.rag),
                    Cell::opt_text(l.words.as_deref()),
                ]
            })
            .collect(),
        empty: "No task is red or amber.".into(),
    }));
    blocks.extend(super::history_layout::card_blocks(section, as_of));
    if !section.measures.is_empty() {
        blocks.push(Block::Heading("Turning the curve".into()));
        // A chart only where there are values: a blank box says nothing.
        for measure in &section.measures {
            blocks.push(curve(measure));
        }
    }
}

/// `"<plan title>: Highlight Report, <quarter>"`, the title quoted.
pub fn title(report: &Highlight) -> Text {
    Text::quoted(&report.plan.meta.title)
        .and(": Highlight Report, ")
        .and_quoted(&report.quarter.label)
}

fn history_text(history: &History) -> String {
    match history {
        History::Commit { id, day } => format!(
            "The previous quarter's RAG is the plan as committed on {day} ({}).",
            &id[..id.len().min(10)]
        ),
        History::NotInGit => "No history: the plan is not in a git repository, so the previous quarter's RAG is not known.".into(),
        History::NoCommitBefore(day) => format!("No history: no commit of the plan from before {day}."),
        History::HadErrors { id, day, errors } => format!(
            "No history: the plan as committed on {day} ({}) had {}, so the previous quarter's RAG is not compared; `plan diff` on that commit says more.",
            &id[..id.len().min(10)],
            crate::words::count(errors, "error")
        ),
        History::NoGit => "No history: git is not installed, so the previous quarter's RAG is not known.".into(),
        // git's words, its lines joined: the report is paragraphs.
        History::GitFailed(said) => format!(
            "No history: git could not read the plan's history, so the previous quarter's RAG is not known: {}",
            said.split_whitespace().collect::<Vec<_>>().join(" ")
        ),
    }
}

fn task_table(
    lines: &[TaskLine],
    headers: &[&'static str],
    last: impl Fn(&TaskLine) -> Cell,
    empty: &str,
) -> Block {
    Block::Table(DocTable {
        headers: headers.to_vec(),
        rows: lines
            .iter()
            .map(|l| {
                vec![
                    Cell::text(&l.task.id),
                    super::history_layout::what(l),
                    Cell::List(l.leads.clone()),
                    last(l),
                ]
            })
            .collect(),
        empty: empty.into(),
    })
}

/// A measure as a turn-the-curve chart, with a line of text for Markdown.
fn curve(measure: &Measure) -> Block {
    let points: Vec<Point> = measure
        .values
        .iter()
        .map(|v| Point {
            label: &v.period,
            value: v.value,
        })
        .collect();
    let higher = measure.better == Better::Higher;
    let target = measure
        .target
        .as_ref()
        .map(|t| (t.period.as_str(), t.value));
    let title = format!("{} {}", measure.id, measure.title);
    let values: Vec<String> = measure
        .values
        .iter()
        .map(|v| format!("{} {}", v.period, number(v.value)))
        .collect();
    let mut text = format!(
        "{title} ({} is better): ",
        if higher { "higher" } else { "lower" }
    );
    if values.is_empty() {
        text.push_str("no values recorded yet");
    } else {
        let spark: Vec<f64> = measure.values.iter().map(|v| v.value).collect();
        text.push_str(&format!("{} {}", sparkline(&spark), values.join(", ")));
    }
    if let Some(t) = &measure.target {
        text.push_str(&format!("; target {} by {}", number(t.value), t.period));
    }
    text.push('.');
    if measure.values.is_empty() {
        return Block::Paragraph(Text::quoted(text));
    }
    let mut caption = Text::quoted(&title);
    if let Some(unit) = &measure.unit {
        caption = caption.and(" (").and_quoted(unit).and(")");
    }
    Block::Chart {
        svg: chart::svg(&title, &points, target, higher),
        caption,
        text,
    }
}
