//! The Highlight Report laid out as a document: what `plan report` prints,
//! as Markdown or HTML.

use super::{CardSection, Highlight, History, TaskLine, rag_change};
use crate::catalogue::Catalogue;
use crate::lang::Lang;
use crate::model::{Better, Measure};
use crate::plan_texts::PlanTexts;
use crate::render::chart::{self, Point, sparkline};
use crate::render::document::{Block, DocTable, Text};
use crate::render::number::number;
use crate::render::report::Cell;
use crate::view;

/// The report in one language, `lang`: every word of `plan`'s own from
/// its catalogue, and the plan's texts in it where the plan has them.
pub fn blocks(lang: Lang, report: &Highlight) -> Vec<Block> {
    let cat = Catalogue::of(lang);
    let t = PlanTexts::new(report.plan, lang);
    let mut blocks = opening(cat, t, report);
    blocks.extend(super::history_layout::quiet(cat, t, report));

    for section in &report.cards {
        card_blocks(cat, t, section, report.as_of, &mut blocks);
    }

    blocks.push(Block::Part(cat.msg("part-recommendations").into()));
    blocks.push(Block::Table(DocTable {
        headers: vec![
            cat.msg("heading-id"),
            cat.msg("heading-recommendation"),
            cat.msg("heading-response"),
            cat.msg("heading-tasks"),
            cat.msg("heading-done"),
            cat.msg("heading-overdue"),
            cat.msg("heading-rag"),
        ],
        rows: report
            .recommendations
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.recommendation.id),
                    t.cell(
                        &r.recommendation.translations,
                        "text",
                        &r.recommendation.text,
                    ),
                    Cell::text(view::response(cat, r.recommendation.response)),
                    Cell::Int(r.tasks as i64),
                    Cell::Int(r.done as i64),
                    Cell::Int(r.overdue as i64),
                    view::rollup(cat, &r.counts),
                ]
            })
            .collect(),
        empty: cat.msg("no-recommendation").into(),
    }));
    blocks
}

/// The title, the quarter, the headline figures and the recommendations' sum.
fn opening(cat: &'static Catalogue, t: PlanTexts, report: &Highlight) -> Vec<Block> {
    let plan = report.plan;
    let q = &report.quarter;
    let h = &report.headline;
    let (from, to, as_of) = (
        q.interval.from.to_string(),
        q.interval.to.to_string(),
        report.as_of.to_string(),
    );
    // Each language's message takes the days as ISO dates or in words.
    let in_words = [q.interval.from, q.interval.to, report.as_of].map(|d| cat.day_in_words(d));
    vec![
        Block::Title(title(cat, t, report)),
        Block::Paragraph(
            match &plan.meta.owner {
                Some(owner) => Text::quoted(owner).and(". "),
                None => Text::default(),
            }
            .and(cat.msg_with(
                "quarter-span",
                &[
                    ("from", from.as_str().into()),
                    ("to", to.as_str().into()),
                    ("day", as_of.as_str().into()),
                    ("from_words", in_words[0].as_str().into()),
                    ("to_words", in_words[1].as_str().into()),
                    ("day_words", in_words[2].as_str().into()),
                ],
            )),
        ),
        Block::Heading(cat.msg("headline-figures").into()),
        Block::Facts(vec![
            (cat.msg("fact-tasks"), Cell::Int(h.tasks as i64)),
            (cat.msg("fact-on-track"), Cell::Percent(h.rag.on_track())),
            (cat.msg("fact-rated"), Cell::text(basis(cat, &h.rag))),
            (
                cat.msg("completed-this-quarter"),
                Cell::Int(h.completed_in_quarter as i64),
            ),
            (
                cat.msg("became-overdue-this-quarter"),
                Cell::Int(h.became_overdue_in_quarter as i64),
            ),
            (cat.msg("fact-overdue-now"), Cell::Int(h.overdue as i64)),
            (cat.msg("fact-not-reviewed"), Cell::Int(h.stale as i64)),
            (cat.msg("fact-waiting"), Cell::Int(h.waiting as i64)),
        ]),
        Block::Table(DocTable {
            headers: vec![
                cat.msg("heading-red"),
                cat.msg("heading-amber"),
                cat.msg("heading-green"),
                cat.msg("heading-blue"),
                cat.msg("heading-not-rated"),
                cat.msg("heading-total"),
            ],
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
            "{} {}",
            cat.msg_with(
                "recommendations-summary",
                &[
                    ("all", h.recommendations.into()),
                    ("accepted", h.accepted.into()),
                    ("tracked", h.tracked.into()),
                ],
            ),
            history_text(cat, &report.history)
        ))),
    ]
}

/// "17 of 19 rated": what a roll-up rests on.
fn basis(cat: &Catalogue, counts: &crate::query::RagCounts) -> String {
    cat.msg_with(
        "rated-basis",
        &[
            ("rated", counts.rated().into()),
            ("total", counts.total().into()),
        ],
    )
}

/// One report card's part: its facts, its tasks by what the board must
/// know of them, and its measures.
fn card_blocks(
    cat: &'static Catalogue,
    t: PlanTexts,
    section: &CardSection,
    as_of: chrono::NaiveDate,
    blocks: &mut Vec<Block>,
) {
    let card = section.card;
    blocks.push(Block::Part(t.quoted_after(
        &format!("{} ", card.id),
        &card.translations,
        "title",
        &card.title,
    )));
    let mut facts = Vec::new();
    if !card.outcomes.is_empty() {
        let outcomes = t.list(&card.translations, "outcomes", &card.outcomes);
        facts.push((cat.msg("fact-outcomes"), Cell::text(outcomes.join("; "))));
    }
    facts.push((cat.msg("heading-rag"), view::rollup(cat, &section.counts)));
    facts.push((
        cat.msg("fact-rated"),
        Cell::text(basis(cat, &section.counts)),
    ));
    facts.push((
        cat.msg("fact-on-track"),
        Cell::Percent(section.counts.on_track()),
    ));
    facts.push((
        cat.msg("fact-since-previous-quarter"),
        Cell::text(rag_change(cat, section.rag, section.previous_rag)),
    ));
    // The rated count is said above; the sponsors come from the history.
    facts.extend(super::history_layout::card_facts(cat, section));
    blocks.push(Block::Facts(facts));
    task_sections(cat, t, section, blocks);
    blocks.extend(super::history_layout::card_blocks(cat, t, section, as_of));
    if !section.measures.is_empty() {
        blocks.push(Block::Heading(cat.msg("turning-the-curve").into()));
        // A chart only where there are values: a blank box says nothing.
        for measure in &section.measures {
            blocks.push(curve(cat, t, measure));
        }
    }
}

/// A card's tasks by what the board must know of them.
fn task_sections(
    cat: &'static Catalogue,
    t: PlanTexts,
    section: &CardSection,
    blocks: &mut Vec<Block>,
) {
    let columns = |last: &'static str| {
        [
            cat.msg("heading-task"),
            cat.msg("heading-what"),
            cat.msg("heading-leads"),
            cat.msg(last),
        ]
    };
    blocks.push(Block::Heading(cat.msg("completed-this-quarter").into()));
    blocks.push(task_table(
        &section.completed,
        &columns("heading-done"),
        |l| Cell::Date(l.task.done),
        cat.msg("completed-none"),
        cat,
        t,
    ));
    blocks.push(Block::Heading(
        cat.msg("became-overdue-this-quarter").into(),
    ));
    blocks.push(task_table(
        &section.became_overdue,
        &columns("heading-days-overdue"),
        |l| Cell::opt_int(l.status.days_overdue),
        cat.msg("became-overdue-none"),
        cat,
        t,
    ));
    blocks.push(Block::Heading(cat.msg("still-overdue").into()));
    blocks.push(task_table(
        &section.still_overdue,
        &columns("heading-days-overdue"),
        |l| Cell::opt_int(l.status.days_overdue),
        cat.msg("still-overdue-none"),
        cat,
        t,
    ));
    if !section.rated_but_overdue.is_empty() {
        blocks.push(Block::Heading(cat.msg("rated-but-overdue-heading").into()));
        blocks.push(task_table(
            &section.rated_but_overdue,
            &columns("heading-rated-yet-overdue"),
            |l| {
                Cell::text(view::rated_but_overdue(
                    cat,
                    l.task.rag,
                    l.status.days_overdue,
                ))
            },
            "",
            cat,
            t,
        ));
    }
    blocks.push(Block::Heading(cat.msg("red-and-amber").into()));
    blocks.push(Block::Table(DocTable {
        headers: vec![
            cat.msg("heading-task"),
            cat.msg("heading-what"),
            cat.msg("heading-leads"),
            cat.msg("heading-rag"),
            cat.msg("heading-note"),
        ],
        rows: section
            .red_and_amber
            .iter()
            .map(|l| {
                vec![
                    Cell::text(&l.task.id),
                    super::history_layout::what(cat, t, l),
                    Cell::List(l.leads.clone()),
                    view::rag(cat, l.task.rag),
                    super::history_layout::words(t, l),
                ]
            })
            .collect(),
        empty: cat.msg("red-and-amber-none").into(),
    }));
}

/// `"<plan title>: Highlight Report, <quarter>"`, the title quoted.
pub fn title(cat: &Catalogue, t: PlanTexts, report: &Highlight) -> Text {
    let meta = &report.plan.meta;
    t.quoted(&meta.translations, "title", &meta.title)
        .and(cat.msg("report-title"))
        .and_quoted(quarter_label(cat, &report.quarter.label))
}

/// "Q3 2012-13" as the language writes it: "Ch3 2012-13" in Welsh. A
/// label of another form (a period of the date grammar) is the plan's.
fn quarter_label(cat: &Catalogue, label: &str) -> String {
    let quarter = label
        .strip_prefix('Q')
        .and_then(|rest| rest.split_once(' '))
        .filter(|(n, _)| matches!(*n, "1" | "2" | "3" | "4"));
    match quarter {
        Some((n, years)) => {
            cat.msg_with("quarter-label", &[("n", n.into()), ("years", years.into())])
        }
        None => label.to_string(),
    }
}

fn history_text(cat: &Catalogue, history: &History) -> String {
    let short = |id: &String| id[..id.len().min(10)].to_string();
    match history {
        History::Commit { id, day } => cat.msg_with(
            "history-commit",
            &[
                ("day", day.to_string().as_str().into()),
                ("id", short(id).as_str().into()),
            ],
        ),
        History::NotInGit => cat.msg("history-not-in-git").into(),
        History::NoCommitBefore(day) => cat.msg_with(
            "history-no-commit-before",
            &[("day", day.to_string().as_str().into())],
        ),
        History::HadErrors { id, day, errors } => cat.msg_with(
            "history-had-errors",
            &[
                ("day", day.to_string().as_str().into()),
                ("id", short(id).as_str().into()),
                ("errors", (*errors).into()),
            ],
        ),
        History::NoGit => cat.msg("history-no-git").into(),
        // git's words, its lines joined: the report is paragraphs.
        History::GitFailed(said) => cat.msg_with(
            "history-git-failed",
            &[(
                "said",
                said.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str()
                    .into(),
            )],
        ),
    }
}

fn task_table(
    lines: &[TaskLine],
    headers: &[&'static str],
    last: impl Fn(&TaskLine) -> Cell,
    empty: &str,
    cat: &'static Catalogue,
    t: PlanTexts,
) -> Block {
    Block::Table(DocTable {
        headers: headers.to_vec(),
        rows: lines
            .iter()
            .map(|l| {
                vec![
                    Cell::text(&l.task.id),
                    super::history_layout::what(cat, t, l),
                    Cell::List(l.leads.clone()),
                    last(l),
                ]
            })
            .collect(),
        empty: empty.into(),
    })
}

/// A measure as a turn-the-curve chart, with a line of text for Markdown.
fn curve(cat: &Catalogue, t: PlanTexts, measure: &Measure) -> Block {
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
    let title = format!(
        "{} {}",
        measure.id,
        t.text(&measure.translations, "title", &measure.title)
    );
    let values: Vec<String> = measure
        .values
        .iter()
        .map(|v| format!("{} {}", v.period, number(v.value)))
        .collect();
    let better = match higher {
        true => cat.msg("higher-is-better"),
        false => cat.msg("lower-is-better"),
    };
    let mut text = format!("{title} ({better}): ");
    if values.is_empty() {
        text.push_str(cat.msg("no-values-yet"));
    } else {
        let spark: Vec<f64> = measure.values.iter().map(|v| v.value).collect();
        text.push_str(&format!("{} {}", sparkline(&spark), values.join(", ")));
    }
    if let Some(t) = &measure.target {
        let value = number(t.value);
        text.push_str(&cat.msg_with(
            "measure-target",
            &[
                ("value", value.as_str().into()),
                ("period", (&t.period).into()),
            ],
        ));
    }
    text.push('.');
    if measure.values.is_empty() {
        return Block::Paragraph(Text::quoted(text));
    }
    let mut caption = t.quoted_after(
        &format!("{} ", measure.id),
        &measure.translations,
        "title",
        &measure.title,
    );
    if let Some(unit) = &measure.unit {
        caption = caption.and(" (").and_quoted(unit).and(")");
    }
    Block::Chart {
        svg: chart::svg(
            &title,
            &points,
            target,
            higher,
            chart::ChartWords {
                higher: cat.msg("higher-is-better"),
                lower: cat.msg("lower-is-better"),
                no_values: cat.msg("no-values-recorded"),
                target: cat.msg("chart-target"),
            },
        ),
        caption,
        text,
    }
}
