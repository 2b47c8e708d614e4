//! `plan site`: the whole plan as a static website, a public scorecard. An
//! index with the headline figures and a tile per report card; a page per
//! card, agency and measure; the agencies and measures indexes; the
//! recommendations with the Cabinet's responses. Every page is
//! self-contained HTML (`render::page`); the same plan on the same as-of
//! day gives the same bytes. This module knows the plan and decides what
//! each page says; `write` puts the files in place.

mod agency;
mod card;
mod index;
mod measure;
pub mod names;
mod recommendations;

use crate::dates::{self, TargetDate};
use crate::highlight::{self, Highlight, History};
use crate::lang::Lang;
use crate::model::{Lead, Measure, Plan, Task};
use crate::query::{Query, RagCounts, State, Status};
use crate::render::chart::{self, Point};
use crate::render::document::Text;
use crate::render::number::number;
use crate::render::page::{ENGLISH_SHELL, Item, Link, Page, Row, Shell, Table, Version};
use crate::view;
use chrono::NaiveDate;
use names::Names;

/// What the site is built from, besides the plan.
pub struct Options {
    pub as_of: NaiveDate,
    /// The site's name [default: the plan's title].
    pub title: Option<String>,
    /// The commit of the plan's repository it is built from (`None`: not in git).
    pub commit: Option<String>,
    /// Whether the plan's files differ from that commit (changed, or new
    /// and not yet committed): the footer says so.
    pub uncommitted: bool,
    /// The plan's languages, the first placed first: its pages at the
    /// root, each other language's in a folder named by its code (`en/`).
    /// Empty or one: a site of one language, as before.
    pub languages: Vec<Lang>,
}

/// One file of the site: a name with no directory in it, and its bytes.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A page to make.
enum Job {
    Index,
    Agencies,
    Recommendations,
    Measures,
    Card(usize),
    Agency(usize),
    Measure(usize),
}

/// Every page of the site, in each of its languages, in a fixed order
/// (made on every core).
pub fn pages(plan: &Plan, options: &Options) -> Vec<File> {
    let languages = match options.languages.as_slice() {
        [] => vec![Lang::En],
        some => some.to_vec(),
    };
    let mut files = Vec::new();
    for lang in &languages {
        let site = Site::new(plan, options, *lang, &languages);
        files.extend(pages_in(&site).into_iter().map(|file| File {
            name: format!("{}{}", site.folder, file.name),
            bytes: file.bytes,
        }));
    }
    files
}

/// The folder of a language's pages: the first language's are at the root.
fn folder(lang: Lang, languages: &[Lang]) -> String {
    if languages.first() == Some(&lang) {
        String::new()
    } else {
        format!("{}/", lang.code())
    }
}

/// The pages of one language.
fn pages_in(site: &Site) -> Vec<File> {
    let plan = site.plan;
    let agencies = agency::Agencies::new(site);
    let mut jobs = vec![
        Job::Index,
        Job::Agencies,
        Job::Recommendations,
        Job::Measures,
    ];
    jobs.extend((0..plan.cards.len()).map(Job::Card));
    jobs.extend((0..plan.agencies.len()).map(Job::Agency));
    jobs.extend((0..plan.measures.len()).map(Job::Measure));
    crate::parallel::each(&jobs, |job| match job {
        Job::Index => index::page(site),
        Job::Agencies => agency::index(site, &agencies),
        Job::Recommendations => recommendations::page(site),
        Job::Measures => measure::index(site),
        Job::Card(i) => card::page(site, *i),
        Job::Agency(a) => agencies.page(site, *a),
        Job::Measure(m) => measure::page(site, *m),
    })
}

/// What every page builder shares: the plan, its answers on the as-of
/// day, the file names, and the shell of a page.
struct Site<'p> {
    plan: &'p Plan,
    query: Query<'p>,
    names: Names,
    highlight: Highlight<'p>,
    name: Text,
    nav: Vec<Link>,
    footer: Text,
    /// The language of these pages, the site's languages, and this
    /// language's folder (`""` or `"en/"`).
    lang: Lang,
    languages: Vec<Lang>,
    folder: String,
}

impl<'p> Site<'p> {
    fn new(plan: &'p Plan, options: &Options, lang: Lang, languages: &[Lang]) -> Site<'p> {
        let folder = folder(lang, languages);
        // The downloads are written once, at the root.
        let up = if folder.is_empty() { "" } else { "../" };
        let as_of = options.as_of;
        let quarter = dates::quarter_of(as_of, plan.meta.year_start);
        let built_from = match &options.commit {
            Some(id) if options.uncommitted => {
                format!("built from commit {id} of the plan's repository, with uncommitted changes")
            }
            Some(id) => format!("built from commit {id} of the plan's repository"),
            None => "built from a plan not in git".to_string(),
        };
        Site {
            plan,
            query: Query::new(plan, as_of),
            names: Names::new(plan),
            highlight: highlight::build(plan, quarter, as_of, None, History::NotInGit),
            name: Text::quoted(options.title.as_deref().unwrap_or(&plan.meta.title)),
            nav: vec![
                Link::new(names::INDEX, "Scorecard".into()),
                Link::new(names::AGENCIES, "Agencies".into()),
                Link::new(names::RECOMMENDATIONS, "Recommendations".into()),
                Link::new(names::MEASURES, "Measures".into()),
                Link::new(format!("{up}{}", names::TASKS_CSV), "Tasks (CSV)".into()),
                Link::new(
                    format!("{up}{}", names::CALENDAR),
                    "Deadlines (calendar)".into(),
                ),
            ],
            footer: Text::ours(format!(
                "As of {as_of}; {built_from}. Made with plan {}.",
                env!("CARGO_PKG_VERSION")
            )),
            lang,
            languages: languages.to_vec(),
            folder,
        }
    }

    /// This page in every language of a bilingual site, as links from this
    /// language's folder; none on a site of one language.
    fn versions(&self, file: &str) -> Vec<Version> {
        if self.languages.len() < 2 {
            return Vec::new();
        }
        let up = if self.folder.is_empty() { "" } else { "../" };
        self.languages
            .iter()
            .map(|lang| Version {
                lang: *lang,
                href: format!("{up}{}{file}", folder(*lang, &self.languages)),
            })
            .collect()
    }

    /// A page with this site's shell, up to and with its `h1`.
    fn page(&self, file: &str, title: &Text) -> Page {
        Page::new(&Shell {
            lang: self.lang,
            versions: &self.versions(file),
            words: &ENGLISH_SHELL,
            site: &self.name,
            nav: &self.nav,
            file,
            title,
            footer: &self.footer,
        })
    }

    fn file(name: &str, page: Page) -> File {
        File {
            name: name.to_string(),
            bytes: page.finish().into_bytes(),
        }
    }

    /// A link to a card's page (or a place in it).
    fn card_link(&self, card: usize, anchor: Option<&str>, text: Text) -> Link {
        let file = &self.names.cards[card];
        match anchor {
            Some(anchor) => Link::new(format!("{file}#{anchor}"), text),
            None => Link::new(file.clone(), text),
        }
    }

    fn agency_link(&self, agency: usize) -> Link {
        Link::new(
            self.names.agencies[agency].clone(),
            Text::quoted(&self.plan.agencies[agency].name),
        )
    }

    fn measure_link(&self, measure: usize) -> Link {
        let m = &self.plan.measures[measure];
        Link::new(self.names.measures[measure].clone(), Text::quoted(&m.title))
    }

    /// A task's leads, each agency a link to its page.
    fn leads(&self, task: &Task) -> Item {
        Item::Items(
            task.leads
                .iter()
                .map(|lead| match lead {
                    Lead::Agency(i) => Item::Link(self.agency_link(*i)),
                    Lead::Unassigned(word) => Item::text(word.as_str()),
                    Lead::All => Item::text("all partners"),
                })
                .collect(),
        )
    }

    /// Tasks with their status, overdue first (most overdue first), the rest in plan order.
    fn ordered<'t>(&self, tasks: impl Iterator<Item = &'t Task>) -> Vec<(&'t Task, Status)> {
        let mut tasks: Vec<(&Task, Status)> =
            tasks.map(|task| (task, self.query.status(task))).collect();
        tasks.sort_by_key(|(_, status)| match status.state {
            State::Overdue => -status.days_overdue.unwrap_or(0) - 1,
            _ => 0,
        });
        tasks
    }

    /// The row of a task: its id (and anchor), what, then `middle`, then
    /// its target as written, the deadline it was read as, its state and RAG.
    fn task_row(&self, task: &Task, status: &Status, first: Item, middle: Vec<Item>) -> Row {
        let mut cells = vec![first, Item::quoted(&task.text)];
        cells.extend(middle);
        cells.extend([
            Item::Text(match self.plan.due_words(task) {
                Some(due) => Text::quoted(due.as_ref()),
                None => Text::ours("not set"),
            }),
            deadline(task, status),
            state(status),
            Item::Cell(view::rag(crate::catalogue::Catalogue::english(), task.rag)),
        ]);
        Row {
            id: None,
            alert: status.state == State::Overdue,
            cells,
        }
    }

    /// A measure's chart with the table of its values beside it; a measure
    /// with no values yet gets a sentence, not an empty frame.
    fn curve(&self, page: &mut Page, measure: &Measure, with_values: bool) {
        if measure.values.is_empty() {
            page.paragraph(&Item::Text(Text::ours("No figures recorded yet.")));
            return;
        }
        let id = page.fresh_id();
        let svg = chart::described_svg(
            &id,
            &measure.title,
            &describe(measure),
            &points(measure),
            measure
                .target
                .as_ref()
                .map(|t| (t.period.as_str(), t.value)),
            measure.better == crate::model::Better::Higher,
        );
        let mut caption = Text::quoted(&measure.title);
        if let Some(unit) = &measure.unit {
            caption = caption.and(" (").and_quoted(unit).and(")");
        }
        let values = with_values.then(|| values_table(measure));
        page.chart(&svg, &caption, values.as_ref());
    }
}

/// The roll-up of some tasks in words: "amber (12 of 20 tasks rated)".
fn rag_summary(counts: &RagCounts) -> Item {
    Item::Phrase(vec![
        Item::Cell(view::rag(
            crate::catalogue::Catalogue::english(),
            counts.rollup(),
        )),
        Item::text(format!(
            "({} of {} rated)",
            counts.rated(),
            crate::words::count(counts.total(), "task")
        )),
    ])
}

/// The deadline a task's target was read as, or why it has none.
fn deadline(task: &Task, status: &Status) -> Item {
    match (status.deadline, &task.target) {
        (Some(day), _) => Item::text(day.to_string()),
        (None, TargetDate::Ongoing) => Item::text("none: ongoing"),
        (None, TargetDate::After { task, .. }) => {
            Item::Text(Text::ours("when ").and_quoted(task).and(" is done"))
        }
        (None, _) => Item::text("none"),
    }
}

/// A task's state in words, overdue made to stand out.
fn state(status: &Status) -> Item {
    match (status.state, status.days_overdue, status.last_review) {
        (State::Overdue, Some(days), _) => Item::Alert(Text::ours(format!(
            "overdue by {}",
            crate::words::count(days, "day")
        ))),
        (State::Stale, _, Some(day)) => Item::text(format!("stale: last reviewed {day}")),
        (State::Stale, _, None) => Item::text("stale: never reviewed"),
        (state, _, _) => Item::text(state.as_str()),
    }
}

/// A task's last update: the day of its last review, when it was done, its note.
fn last_update(plan: &Plan, task: &Task) -> Item {
    let mut lines = Vec::new();
    if let Some(done) = task.done {
        lines.push(Item::text(format!("done {done}")));
    }
    match task.updated {
        Some(day) => lines.push(Item::text(format!("reviewed {day}"))),
        None if task.note().is_none() && task.done.is_none() => {
            lines.push(Item::text("none recorded"))
        }
        None => {}
    }
    if let Some(words) = crate::query::latest_words(plan, task) {
        lines.extend(words.lines().map(Item::quoted));
    }
    Item::Lines(lines)
}

fn points(measure: &Measure) -> Vec<Point<'_>> {
    measure
        .values
        .iter()
        .map(|v| Point {
            label: &v.period,
            value: v.value,
        })
        .collect()
}

/// "latest value 4 reports (Q1 2012-13); target 20 by 2012-13; higher is better".
fn describe(measure: &Measure) -> String {
    let unit = measure
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let mut text = match measure.values.last() {
        Some(v) => format!("latest value {}{unit} ({})", number(v.value), v.period),
        None => "no values recorded yet".to_string(),
    };
    if let Some(t) = &measure.target {
        text.push_str(&format!(
            "; target {}{unit} by {}",
            number(t.value),
            t.period
        ));
    }
    text.push_str(&format!("; {} is better", measure.better.as_str()));
    text
}

/// A measure's values (and its target) as a table.
fn values_table(measure: &Measure) -> Table {
    let mut rows: Vec<Row> = measure
        .values
        .iter()
        .map(|v| {
            Row::new(vec![
                Item::quoted(&v.period),
                Item::Cell(crate::render::report::Cell::Number(v.value)),
                v.note.as_deref().map_or(Item::text(""), Item::quoted),
            ])
        })
        .collect();
    if let Some(t) = &measure.target {
        rows.push(Row::new(vec![
            Item::Text(Text::ours("Target for ").and_quoted(&t.period)),
            Item::Cell(crate::render::report::Cell::Number(t.value)),
            t.note.as_deref().map_or(Item::text(""), Item::quoted),
        ]));
    }
    Table {
        caption: Text::ours("Values of ").and_quoted(&measure.title),
        headers: vec!["Period", "Value", "Note"],
        rows,
        empty: "No values recorded yet.",
    }
}
