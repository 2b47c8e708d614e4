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

use crate::catalogue::{Arg, Catalogue};
use crate::dates::{self, TargetDate};
use crate::highlight::{self, Highlight, History};
use crate::lang::Lang;
use crate::model::{Lead, Measure, Plan, Task};
use crate::query::{Query, RagCounts, State, Status};
use crate::render::chart::{self, Point};
use crate::render::document::Text;
use crate::render::number::number;
use crate::render::page::{Item, Link, Page, Row, Shell, ShellWords, Table, Untranslated, Version};
use crate::translations::Translations;
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
    /// The words of the pages' language, and the language the plan's
    /// unsuffixed texts are written in.
    cat: &'static Catalogue,
    first: Lang,
}

impl<'p> Site<'p> {
    fn new(plan: &'p Plan, options: &Options, lang: Lang, languages: &[Lang]) -> Site<'p> {
        let folder = folder(lang, languages);
        let cat = Catalogue::of(lang);
        let as_of = options.as_of;
        let quarter = dates::quarter_of(as_of, plan.meta.year_start);
        let first = plan.meta.first_language();
        let title = plan
            .meta
            .translations
            .pick("title", lang, &plan.meta.title, first);
        let mut site = Site {
            plan,
            query: Query::new(plan, as_of),
            names: Names::new(plan),
            highlight: highlight::build(plan, quarter, as_of, None, History::NotInGit),
            name: Text::quoted(options.title.as_deref().unwrap_or(title.text)),
            nav: Vec::new(),
            footer: footer(cat, options),
            lang,
            languages: languages.to_vec(),
            folder,
            cat,
            first,
        };
        site.nav = site.nav();
        site
    }

    /// The site's main links. The downloads are written once, at the root.
    fn nav(&self) -> Vec<Link> {
        let up = self.up();
        let link = |href: String, key| Link::new(href, Text::ours(self.cat.msg(key)));
        vec![
            link(names::INDEX.into(), "site-nav-scorecard"),
            link(names::AGENCIES.into(), "site-nav-agencies"),
            link(names::RECOMMENDATIONS.into(), "site-nav-recommendations"),
            link(names::MEASURES.into(), "site-nav-measures"),
            link(format!("{up}{}", names::TASKS_CSV), "site-nav-tasks-csv"),
            link(format!("{up}{}", names::CALENDAR), "site-nav-calendar"),
        ]
    }

    /// From this language's folder to the root: `""` or `"../"`.
    fn up(&self) -> &'static str {
        if self.folder.is_empty() { "" } else { "../" }
    }

    /// A message of the site's words, in the pages' language.
    fn msg(&self, key: &'static str) -> &'static str {
        self.cat.msg(key)
    }

    /// A message of the site's words as an item.
    fn words(&self, key: &'static str) -> Item {
        Item::text(self.cat.msg(key))
    }

    /// A message with its variables.
    fn msg_with(&self, key: &'static str, args: &[(&str, Arg)]) -> String {
        self.cat.msg_with(key, args)
    }

    /// A sentence of the site's words around items (plan texts, links):
    /// the message is formatted with a placeholder for each item, then
    /// cut there, so a language may put them in its own order.
    fn sentence(
        &self,
        key: &'static str,
        args: Vec<(&str, Arg)>,
        items: Vec<(&str, Item)>,
    ) -> Item {
        let marks: Vec<String> = (0..items.len())
            .map(|n| {
                char::from_u32(PLACEHOLDER + n as u32)
                    .unwrap_or('\u{fffd}')
                    .to_string()
            })
            .collect();
        let mut all = args;
        all.extend(
            items
                .iter()
                .zip(&marks)
                .map(|((name, _), mark)| (*name, mark.into())),
        );
        let text = self.cat.msg_with(key, &all);
        let mut items: Vec<Option<Item>> = items.into_iter().map(|(_, item)| Some(item)).collect();
        let mut parts = Vec::new();
        let mut ours = String::new();
        for c in text.chars() {
            let at = (c as u32).checked_sub(PLACEHOLDER).map(|n| n as usize);
            match at.and_then(|n| items.get_mut(n)).and_then(Option::take) {
                Some(item) => {
                    if !ours.is_empty() {
                        parts.push(Item::text(std::mem::take(&mut ours)));
                    }
                    parts.push(item);
                }
                None => ours.push(c),
            }
        }
        if !ours.is_empty() {
            parts.push(Item::text(ours));
        }
        Item::Run(parts)
    }

    /// The text of a plan's `key` in the pages' language, and its mark
    /// where none was written in it (the first language's is shown).
    fn pick<'t>(
        &self,
        translations: &'t Translations,
        key: &str,
        base: &'t str,
    ) -> (&'t str, Option<Untranslated>) {
        let picked = translations.pick(key, self.lang, base, self.first);
        (picked.text, self.mark(picked.lang, picked.fell_back))
    }

    fn mark(&self, lang: Lang, fell_back: bool) -> Option<Untranslated> {
        fell_back.then(|| Untranslated {
            lang,
            marker: match lang {
                Lang::Cy => self.msg("site-only-cy"),
                Lang::En => self.msg("site-only-en"),
            },
        })
    }

    /// A plan text as an item, marked where it is in another language.
    fn plan_text(&self, translations: &Translations, key: &str, base: &str) -> Item {
        match self.pick(translations, key, base) {
            (text, Some(mark)) => Item::Untranslated(Text::quoted(text), mark),
            (text, None) => Item::quoted(text),
        }
    }

    /// A list key's texts (a card's outcomes), each marked where they are in another language.
    fn plan_texts(&self, translations: &Translations, key: &str, base: &[String]) -> Vec<Item> {
        let picked = translations.pick_list(key, self.lang, base, self.first);
        let mark = self.mark(picked.lang, picked.fell_back);
        picked
            .text
            .iter()
            .map(|text| match mark {
                Some(mark) => Item::Untranslated(Text::quoted(text), mark),
                None => Item::quoted(text),
            })
            .collect()
    }

    /// A plan text that has no twins (a target as written, an area, an
    /// owner): in the first language, and said so on a bilingual site, so
    /// that a screen reader reads it in that language on every page.
    fn as_written(&self, text: &str) -> Item {
        if self.languages.len() < 2 {
            return Item::quoted(text);
        }
        let lang = Untranslated {
            lang: self.first,
            marker: "",
        };
        Item::Untranslated(Text::quoted(text), lang)
    }

    /// A link whose text is a plan text.
    fn plan_link(&self, href: String, translations: &Translations, key: &str, base: &str) -> Link {
        let (text, mark) = self.pick(translations, key, base);
        Link::new(href, Text::quoted(text)).marked(mark)
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
        self.page_marked(file, title, None)
    }

    /// A page whose title is a plan text, marked where it is in another language.
    fn page_marked(&self, file: &str, title: &Text, mark: Option<Untranslated>) -> Page {
        Page::new(&Shell {
            lang: self.lang,
            versions: &self.versions(file),
            words: &ShellWords {
                skip: self.msg("site-skip"),
                nav: self.msg("site-nav-label"),
                languages: self.msg("site-languages-label"),
            },
            site: &self.name,
            nav: &self.nav,
            file,
            title,
            title_untranslated: mark,
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

    /// A link to a card's page, named by its title.
    fn card_title_link(&self, card: usize) -> Link {
        let c = &self.plan.cards[card];
        let href = self.names.cards[card].clone();
        self.plan_link(href, &c.translations, "title", &c.title)
    }

    fn agency_link(&self, agency: usize) -> Link {
        let a = &self.plan.agencies[agency];
        let href = self.names.agencies[agency].clone();
        self.plan_link(href, &a.translations, "name", &a.name)
    }

    fn measure_link(&self, measure: usize) -> Link {
        let m = &self.plan.measures[measure];
        let href = self.names.measures[measure].clone();
        self.plan_link(href, &m.translations, "title", &m.title)
    }

    /// A task's leads, each agency a link to its page.
    fn leads(&self, task: &Task) -> Item {
        Item::Items(
            task.leads
                .iter()
                .map(|lead| match lead {
                    Lead::Agency(i) => Item::Link(self.agency_link(*i)),
                    Lead::Unassigned(word) => Item::text(word.as_str()),
                    Lead::All => self.words("site-all-partners"),
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
        let mut cells = vec![
            first,
            self.plan_text(&task.translations, "text", &task.text),
        ];
        cells.extend(middle);
        cells.extend([
            match self.plan.due_words(task) {
                Some(due) => self.as_written(due.as_ref()),
                None => self.words("site-due-not-set"),
            },
            self.deadline(task, status),
            self.state(status),
            Item::Cell(view::rag(self.cat, task.rag)),
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
            page.paragraph(&self.words("site-no-figures"));
            return;
        }
        let id = page.fresh_id();
        let (title, _) = self.pick(&measure.translations, "title", &measure.title);
        let svg = chart::described_svg(
            &id,
            title,
            &self.describe(measure),
            &points(measure),
            measure
                .target
                .as_ref()
                .map(|t| (t.period.as_str(), t.value)),
            measure.better == crate::model::Better::Higher,
            chart::ChartWords {
                higher: self.msg("higher-is-better"),
                lower: self.msg("lower-is-better"),
                no_values: self.msg("no-values-recorded"),
                target: self.msg("chart-target"),
            },
        );
        let title = self.plan_text(&measure.translations, "title", &measure.title);
        let caption = match &measure.unit {
            Some(unit) => self.sentence(
                "site-curve-caption",
                vec![],
                vec![("title", title), ("unit", self.as_written(unit))],
            ),
            None => title,
        };
        let values = with_values.then(|| self.values_table(measure));
        page.chart(&svg, &caption, values.as_ref());
    }
}

/// The first of the characters that stand for an item in a sentence
/// (Unicode's private use area: never in a message).
const PLACEHOLDER: u32 = 0xE000;

/// The footer: the as-of day, and the commit the site is built from.
fn footer(cat: &Catalogue, options: &Options) -> Text {
    let built = match &options.commit {
        Some(id) if options.uncommitted => {
            cat.msg_with("site-built-from-uncommitted", &[("id", id.into())])
        }
        Some(id) => cat.msg_with("site-built-from", &[("id", id.into())]),
        None => cat.msg("site-built-not-in-git").to_string(),
    };
    let day = options.as_of.to_string();
    Text::ours(cat.msg_with(
        "site-footer",
        &[
            ("day", day.as_str().into()),
            ("built", built.as_str().into()),
            ("version", env!("CARGO_PKG_VERSION").into()),
        ],
    ))
}

impl Site<'_> {
    /// The roll-up of some tasks in words: "amber (12 of 20 tasks rated)".
    fn rag_summary(&self, counts: &RagCounts) -> Item {
        Item::Phrase(vec![
            Item::Cell(view::rag(self.cat, counts.rollup())),
            Item::text(self.msg_with(
                "site-rated",
                &[
                    ("rated", counts.rated().into()),
                    ("total", counts.total().into()),
                ],
            )),
        ])
    }

    /// The deadline a task's target was read as, or why it has none.
    fn deadline(&self, task: &Task, status: &Status) -> Item {
        match (status.deadline, &task.target) {
            (Some(day), _) => Item::text(day.to_string()),
            (None, TargetDate::Ongoing) => self.words("site-deadline-ongoing"),
            (None, TargetDate::After { task, .. }) => self.sentence(
                "site-deadline-after",
                vec![],
                vec![("task", Item::quoted(task))],
            ),
            (None, _) => self.words("site-deadline-none"),
        }
    }

    /// A task's state in words, overdue made to stand out.
    fn state(&self, status: &Status) -> Item {
        match (status.state, status.days_overdue, status.last_review) {
            (State::Overdue, Some(days), _) => Item::Alert(Text::ours(
                self.msg_with("site-overdue-by", &[("days", days.into())]),
            )),
            (State::Stale, _, Some(day)) => {
                let day = day.to_string();
                Item::text(self.msg_with("site-stale-reviewed", &[("day", day.as_str().into())]))
            }
            (State::Stale, _, None) => self.words("site-stale-never"),
            (state, _, _) => Item::text(view::state(self.cat, state)),
        }
    }

    /// A task's last update: the day of its last review, when it was done, its note.
    fn last_update(&self, task: &Task) -> Item {
        let day = |key, day: NaiveDate| {
            let day = day.to_string();
            Item::text(self.msg_with(key, &[("day", day.as_str().into())]))
        };
        let mut lines = Vec::new();
        if let Some(done) = task.done {
            lines.push(day("site-done-on", done));
        }
        match task.updated {
            Some(updated) => lines.push(day("site-reviewed-on", updated)),
            None if task.note().is_none() && task.done.is_none() => {
                lines.push(self.words("site-no-update"))
            }
            None => {}
        }
        lines.extend(self.latest_words(task));
        Item::Lines(lines)
    }

    /// A task's latest words (`query::latest_words`), in the pages'
    /// language where its note has a twin in it.
    fn latest_words(&self, task: &Task) -> Vec<Item> {
        let Some(words) = crate::query::latest_words(self.plan, task) else {
            return Vec::new();
        };
        let note = task.note();
        if self.lang != self.first && note == Some(words.as_str()) {
            let twins = task
                .reviews()
                .filter(|u| u.note.as_deref() == note)
                .map(|u| &u.translations)
                .next_back()
                .unwrap_or(&task.translations);
            return vec![self.plan_text(twins, "note", &words)];
        }
        words.lines().map(Item::quoted).collect()
    }

    /// "latest value 4 reports (Q1 2012-13); target 20 by 2012-13; higher is better".
    fn describe(&self, measure: &Measure) -> String {
        let unit = measure
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let mut text = match measure.values.last() {
            Some(v) => self.msg_with(
                "site-describe-latest",
                &[
                    ("value", number(v.value).as_str().into()),
                    ("unit", unit.as_str().into()),
                    ("period", v.period.as_str().into()),
                ],
            ),
            None => self.msg("site-describe-none").to_string(),
        };
        if let Some(t) = &measure.target {
            text.push_str(&self.msg_with(
                "site-describe-target",
                &[
                    ("value", number(t.value).as_str().into()),
                    ("unit", unit.as_str().into()),
                    ("period", t.period.as_str().into()),
                ],
            ));
        }
        let better = self.better(measure);
        text.push_str(&self.msg_with("site-describe-better", &[("better", better.into())]));
        text
    }

    /// "higher is better", "lower is better".
    fn better(&self, measure: &Measure) -> &'static str {
        match measure.better {
            crate::model::Better::Higher => self.msg("higher-is-better"),
            crate::model::Better::Lower => self.msg("lower-is-better"),
        }
    }

    /// A measure's values (and its target) as a table.
    fn values_table(&self, measure: &Measure) -> Table {
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
                self.sentence(
                    "site-values-target",
                    vec![],
                    vec![("period", Item::quoted(&t.period))],
                ),
                Item::Cell(crate::render::report::Cell::Number(t.value)),
                t.note.as_deref().map_or(Item::text(""), Item::quoted),
            ]));
        }
        let title = self.plan_text(&measure.translations, "title", &measure.title);
        Table {
            caption: self.sentence("site-values-caption", vec![], vec![("title", title)]),
            headers: vec![
                self.msg("site-column-period"),
                self.msg("site-column-value"),
                self.msg("site-column-note"),
            ],
            rows,
            empty: self.msg("site-no-values"),
        }
    }
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
