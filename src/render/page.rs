//! One page of a static site as HTML: the shell every page shares (its
//! language, a Content-Security-Policy that forbids scripts, inline CSS, a
//! skip link, the site's navigation, a footer) and the pieces pages are made
//! of (headings, facts, lists, tables with captions and header cells,
//! badges that say their status in words, links, charts with their values
//! beside them). Knows nothing of plans: text comes in as [`Text`] (the
//! page's own words and quoted text, isolated in `<bdi>`) and cells, and
//! every piece goes out through `escape`. Links name files of the site;
//! whoever builds the page makes those names safe.

use super::document::Text;
use super::escape;
use super::report::Cell;
use super::style::STYLE;
use crate::lang::Lang;
use std::fmt::Write;

/// A link to another file of the site (`card-ej.html`, `card-ej.html#task-EJ-1.1.a`).
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub text: Text,
    /// Set where the text is the plan's in another language than the page's.
    pub untranslated: Option<Untranslated>,
}

impl Link {
    pub fn new(href: impl Into<String>, text: Text) -> Link {
        Link {
            href: href.into(),
            text,
            untranslated: None,
        }
    }

    /// The same link, its text marked as in another language where `untranslated` says so.
    pub fn marked(mut self, untranslated: Option<Untranslated>) -> Link {
        self.untranslated = untranslated;
        self
    }
}

/// A plan text shown in another language than the page's, because no
/// translation of it was written: its language (the element's `lang`),
/// and the page's words that tell the reader so ("(Saesneg yn unig)").
/// With no words, a text only said to be in its language (one that has no
/// translations, such as a target as written).
#[derive(Debug, Clone, Copy)]
pub struct Untranslated {
    pub lang: Lang,
    pub marker: &'static str,
}

impl Untranslated {
    /// The marker after the element, in the page's language.
    fn write_marker(self, out: &mut String) {
        if self.marker.is_empty() {
            return;
        }
        let _ = write!(
            out,
            " <span class=\"untranslated\">{}</span>",
            escape::html(self.marker)
        );
    }
}

/// What a table cell, a fact or a list item shows.
#[derive(Debug, Clone)]
pub enum Item {
    /// A report cell: text isolated, numbers to the right, a badge as its word on its colour.
    Cell(Cell),
    Text(Text),
    Link(Link),
    /// Words that must stand out (overdue): bold and dark red, the words saying it too.
    Alert(Text),
    /// Items separated by commas.
    Items(Vec<Item>),
    /// Items one a line.
    Lines(Vec<Item>),
    /// Items separated by spaces.
    Phrase(Vec<Item>),
    /// Items with nothing between: a sentence of the page's words around plan texts.
    Run(Vec<Item>),
    /// A plan text in another language than the page's, marked so.
    Untranslated(Text, Untranslated),
}

impl Item {
    pub fn text(text: impl Into<String>) -> Item {
        Item::Text(Text::ours(text))
    }

    pub fn quoted(text: impl Into<String>) -> Item {
        Item::Text(Text::quoted(text))
    }

    fn write(&self, out: &mut String) {
        match self {
            Item::Cell(cell) => write_cell(out, cell),
            Item::Text(text) => out.push_str(&text.html()),
            Item::Link(link) => write_link(out, link, false),
            Item::Alert(text) => {
                let _ = write!(out, "<strong class=\"alert\">{}</strong>", text.html());
            }
            Item::Untranslated(text, untranslated) => {
                let _ = write!(
                    out,
                    "<span lang=\"{}\">{}</span>",
                    untranslated.lang,
                    text.html()
                );
                untranslated.write_marker(out);
            }
            Item::Items(items) | Item::Lines(items) | Item::Phrase(items) | Item::Run(items) => {
                let between = match self {
                    Item::Items(_) => ", ",
                    Item::Lines(_) => "<br>",
                    Item::Run(_) => "",
                    _ => " ",
                };
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(between);
                    }
                    item.write(out);
                }
            }
        }
    }

    fn is_number(&self) -> bool {
        matches!(self, Item::Cell(c) if c.is_number())
    }
}

fn write_cell(out: &mut String, cell: &Cell) {
    match cell {
        Cell::Badge(badge) => {
            let class = badge.class();
            let _ = write!(
                out,
                "<span class=\"rag {class}\">{}</span>",
                escape::html(&cell.display_text())
            );
        }
        Cell::Text(_) | Cell::List(_) => out.push_str(&escape::html_isolated(&cell.display_text())),
        other => out.push_str(&escape::html(&other.display_text())),
    }
}

fn write_link(out: &mut String, link: &Link, current: bool) {
    let lang = link
        .untranslated
        .map(|u| format!(" lang=\"{}\"", u.lang))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<a href=\"{}\"{}{lang}>{}</a>",
        escape::html_attr(&link.href),
        if current {
            " aria-current=\"page\""
        } else {
            ""
        },
        link.text.html()
    );
    if let Some(untranslated) = link.untranslated {
        untranslated.write_marker(out);
    }
}

/// A table row; its first cell is the row's header.
#[derive(Debug, Clone)]
pub struct Row {
    /// An anchor other pages link to.
    pub id: Option<String>,
    /// Marked as needing attention (an overdue task).
    pub alert: bool,
    pub cells: Vec<Item>,
}

impl Row {
    pub fn new(cells: Vec<Item>) -> Row {
        Row {
            id: None,
            alert: false,
            cells,
        }
    }
}

pub struct Table {
    pub caption: Item,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Row>,
    /// Said instead of an empty table.
    pub empty: &'static str,
}

/// The same page in one language of a bilingual site: the link to it
/// from the page being written.
pub struct Version {
    pub lang: Lang,
    pub href: String,
}

/// The words of the shell itself, in the page's language.
pub struct ShellWords<'a> {
    /// The skip link ("Skip to the content").
    pub skip: &'a str,
    /// The navigation's accessible name ("Site").
    pub nav: &'a str,
    /// The accessible name of the list of the page's other languages.
    pub languages: &'a str,
}

#[cfg(test)]
const ENGLISH_SHELL: ShellWords<'static> = ShellWords {
    skip: "Skip to the content",
    nav: "Site",
    languages: "This page in other languages",
};

/// What every page of a site shares.
pub struct Shell<'a> {
    /// The page's language (`<html lang>`).
    pub lang: Lang,
    /// The page in every language of the site, this one's included; empty
    /// on a site of one language.
    pub versions: &'a [Version],
    pub words: &'a ShellWords<'a>,
    /// The site's name, at the top of every page and in every `<title>`.
    pub site: &'a Text,
    /// The site's main links, in the header of every page.
    pub nav: &'a [Link],
    /// The page's own name (its file), marked as current in the navigation.
    pub file: &'a str,
    /// The page's title (its `h1`).
    pub title: &'a Text,
    /// Set where the title is the plan's in another language than the page's.
    pub title_untranslated: Option<Untranslated>,
    pub footer: &'a Text,
}

/// The visible links to the page in the site's other languages, each named
/// in its own language (as the Welsh Language Standards ask: an English
/// page with a Welsh counterpart says so and links directly to it).
fn write_other_languages(html: &mut String, shell: &Shell) {
    let others: Vec<&Version> = shell
        .versions
        .iter()
        .filter(|v| v.lang != shell.lang)
        .collect();
    if others.is_empty() {
        return;
    }
    let _ = write!(
        html,
        "<ul class=\"languages\" aria-label=\"{}\">",
        escape::html_attr(shell.words.languages)
    );
    for version in others {
        let _ = write!(
            html,
            "<li><a href=\"{}\" hreflang=\"{lang}\" lang=\"{lang}\">{}</a></li>",
            escape::html_attr(&version.href),
            version.lang.own_name(),
            lang = version.lang,
        );
    }
    html.push_str("</ul>\n");
}

/// The list of the page's other languages, on a bilingual site only (so a
/// site of one language keeps its bytes).
const LANGUAGES_STYLE: &str = "header .languages { list-style: none; margin: 0 0 .3rem; padding: 0; display: flex; gap: 1rem; justify-content: flex-end; }\nheader .languages a { display: inline-block; min-height: 24px; padding: .2rem 0; }\n";

/// A page being written: [`Page::new`], the pieces, then [`Page::finish`].
pub struct Page {
    html: String,
    ids: usize,
    footer: String,
}

/// Scripts, frames, fonts, images and every fetch are forbidden: only the
/// page's own inline CSS applies.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

impl Page {
    /// The page up to and with its `h1`.
    pub fn new(shell: &Shell) -> Page {
        let mut html = String::with_capacity(16 * 1024);
        let title = format!("{} – {}", shell.title.plain(), shell.site.plain());
        let _ = write!(
            html,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n",
            shell.lang,
            escape::html_attr(&title)
        );
        for version in shell.versions {
            let _ = writeln!(
                html,
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                version.lang,
                escape::html_attr(&version.href)
            );
        }
        let _ = write!(
            html,
            "<style>{STYLE}{}</style>\n</head>\n<body>\n\
             <a class=\"skip\" href=\"#main\">{}</a>\n<header>\n",
            if shell.versions.is_empty() {
                ""
            } else {
                LANGUAGES_STYLE
            },
            escape::html(shell.words.skip)
        );
        write_other_languages(&mut html, shell);
        html.push_str("<p class=\"site\">");
        let home = Link::new("index.html", shell.site.clone());
        write_link(&mut html, &home, false);
        let _ = write!(
            html,
            "</p>\n<nav aria-label=\"{}\"><ul>",
            escape::html_attr(shell.words.nav)
        );
        for link in shell.nav {
            html.push_str("<li>");
            write_link(&mut html, link, link.href == shell.file);
            html.push_str("</li>");
        }
        html.push_str("</ul></nav>\n</header>\n<main id=\"main\">\n<h1>");
        match shell.title_untranslated {
            Some(untranslated) => {
                Item::Untranslated(shell.title.clone(), untranslated).write(&mut html)
            }
            None => html.push_str(&shell.title.html()),
        }
        html.push_str("</h1>\n");
        Page {
            html,
            ids: 0,
            footer: shell.footer.html(),
        }
    }

    /// The whole page.
    pub fn finish(mut self) -> String {
        let _ = write!(
            self.html,
            "</main>\n<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
            self.footer
        );
        self.html
    }

    /// An id not used before in this page (`x1`, `x2` ...).
    pub fn fresh_id(&mut self) -> String {
        self.ids += 1;
        format!("x{}", self.ids)
    }

    /// `<h2>` to `<h6>`, with an anchor where `id` is given.
    pub fn heading(&mut self, level: u8, id: Option<&str>, text: &Item) {
        let level = level.clamp(2, 6);
        let _ = write!(self.html, "<h{level}");
        if let Some(id) = id {
            let _ = write!(self.html, " id=\"{}\"", escape::html_attr(id));
        }
        self.html.push('>');
        text.write(&mut self.html);
        let _ = writeln!(self.html, "</h{level}>");
    }

    pub fn paragraph(&mut self, item: &Item) {
        self.html.push_str("<p>");
        item.write(&mut self.html);
        self.html.push_str("</p>\n");
    }

    /// A bulleted list.
    pub fn list(&mut self, items: &[Item]) {
        self.open("ul", "");
        for item in items {
            self.html.push_str("<li>");
            item.write(&mut self.html);
            self.html.push_str("</li>\n");
        }
        self.close("ul");
    }

    /// Label: value pairs.
    pub fn facts(&mut self, facts: &[(&str, Item)]) {
        self.html.push_str("<dl class=\"facts\">\n");
        for (label, value) in facts {
            let _ = write!(self.html, "<div><dt>{}</dt><dd>", escape::html(label));
            value.write(&mut self.html);
            self.html.push_str("</dd></div>\n");
        }
        self.html.push_str("</dl>\n");
    }

    /// Opens an element of the page's own (`section`, `ul`, `li`, `div`), with a class.
    pub fn open(&mut self, tag: &'static str, class: &'static str) {
        if class.is_empty() {
            let _ = writeln!(self.html, "<{tag}>");
        } else {
            let _ = writeln!(self.html, "<{tag} class=\"{class}\">");
        }
    }

    pub fn close(&mut self, tag: &'static str) {
        let _ = writeln!(self.html, "</{tag}>");
    }

    /// A table in a region that scrolls sideways on a narrow screen (and
    /// can be scrolled from the keyboard); its first column heads its rows.
    pub fn table(&mut self, table: &Table) {
        if table.rows.is_empty() {
            let _ = writeln!(
                self.html,
                "<p class=\"empty\">{}</p>",
                escape::html(table.empty)
            );
            return;
        }
        let id = self.fresh_id();
        let html = &mut self.html;
        let _ = write!(
            html,
            "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}\">\n<table>\n<caption id=\"{id}\">"
        );
        table.caption.write(html);
        html.push_str("</caption>\n<thead><tr>");
        for header in &table.headers {
            let _ = write!(html, "<th scope=\"col\">{}</th>", escape::html(header));
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            html.push_str("<tr");
            if let Some(id) = &row.id {
                let _ = write!(html, " id=\"{}\"", escape::html_attr(id));
            }
            if row.alert {
                html.push_str(" class=\"alert\"");
            }
            html.push('>');
            for (n, cell) in row.cells.iter().enumerate() {
                let (tag, scope) = if n == 0 {
                    ("th", " scope=\"row\"")
                } else {
                    ("td", "")
                };
                let class = match cell {
                    _ if cell.is_number() => " class=\"number\"",
                    // A date is never broken on a phone ("2012-12-/31").
                    Item::Cell(Cell::Date(_)) => " class=\"date\"",
                    _ => "",
                };
                let _ = write!(html, "<{tag}{scope}{class}>");
                cell.write(html);
                let _ = write!(html, "</{tag}>");
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n</div>\n");
    }

    /// A chart (inline SVG) with its caption and, beside it, the table of
    /// its values: a chart is never the only way to read a number.
    pub fn chart(&mut self, svg: &str, caption: &Item, values: Option<&Table>) {
        self.open("div", "curve");
        let _ = write!(self.html, "<figure>{svg}<figcaption>");
        caption.write(&mut self.html);
        self.html.push_str("</figcaption></figure>\n");
        if let Some(values) = values {
            self.table(values);
        }
        self.close("div");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_captions_and_header_cells_and_text_is_escaped() {
        let site = Text::ours("Site");
        let title = Text::quoted("A <b>\u{202e} title");
        let footer = Text::ours("As of today.");
        let nav = [Link::new("index.html", "Home".into())];
        let mut page = Page::new(&Shell {
            lang: Lang::En,
            versions: &[],
            words: &ENGLISH_SHELL,
            site: &site,
            nav: &nav,
            file: "index.html",
            title: &title,
            title_untranslated: None,
            footer: &footer,
        });
        page.table(&Table {
            caption: Item::Text(Text::ours("Tasks of ").and_quoted("<i>")),
            headers: vec!["Task", "Count"],
            rows: vec![Row {
                id: Some("task-EJ-1.1.a".into()),
                alert: true,
                cells: vec![
                    Item::Link(Link::new("card-ej.html#x\"y", Text::quoted("EJ-1.1.a"))),
                    Item::Cell(Cell::Int(3)),
                ],
            }],
            empty: "none",
        });
        let html = page.finish();
        assert!(html.contains("<h1><bdi>A &lt;b&gt;\\u{202e} title</bdi></h1>"));
        assert!(html.contains("<title>A &lt;b&gt;\\u{202e} title – Site</title>"));
        assert!(html.contains("<caption id=\"x1\">Tasks of <bdi>&lt;i&gt;</bdi></caption>"));
        assert!(html.contains("<th scope=\"col\">Task</th><th scope=\"col\">Count</th>"));
        assert!(html.contains(
            "<tr id=\"task-EJ-1.1.a\" class=\"alert\"><th scope=\"row\"><a href=\"card-ej.html#x&quot;y\"><bdi>EJ-1.1.a</bdi></a></th><td class=\"number\">3</td></tr>"
        ));
        assert!(html.contains("<a href=\"index.html\" aria-current=\"page\">Home</a>"));
        assert!(html.contains(CONTENT_SECURITY_POLICY) && !html.contains("<script"));
    }

    #[test]
    fn a_bilingual_page_names_its_language_and_links_to_its_counterpart() {
        let site = Text::ours("Safle");
        let title = Text::ours("Cardiau");
        let footer = Text::ours("Heddiw.");
        let versions = [
            Version {
                lang: Lang::Cy,
                href: "../card-a.html".into(),
            },
            Version {
                lang: Lang::En,
                href: "card-a.html".into(),
            },
        ];
        let page = Page::new(&Shell {
            lang: Lang::En,
            versions: &versions,
            words: &ENGLISH_SHELL,
            site: &site,
            nav: &[],
            file: "card-a.html",
            title: &title,
            title_untranslated: None,
            footer: &footer,
        });
        let html = page.finish();
        assert!(html.contains("<html lang=\"en\">"));
        for (lang, href) in [("cy", "../card-a.html"), ("en", "card-a.html")] {
            let alternate = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\">");
            assert!(html.contains(&alternate), "{alternate}");
        }
        // The visible link goes to the other language only, named in it.
        assert!(html.contains(
            "<li><a href=\"../card-a.html\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a></li>"
        ));
        assert!(!html.contains(">English</a>"));
    }

    #[test]
    fn a_text_in_another_language_says_its_language_and_is_marked() {
        let welsh = Untranslated {
            lang: Lang::Cy,
            marker: "(Welsh only)",
        };
        let mut out = String::new();
        Item::Untranslated(Text::quoted("Canol y dref"), welsh).write(&mut out);
        assert_eq!(
            out,
            "<span lang=\"cy\"><bdi>Canol y dref</bdi></span> <span class=\"untranslated\">(Welsh only)</span>"
        );
        let mut out = String::new();
        let link = Link::new("card-sd.html", Text::quoted("Canol y dref")).marked(Some(welsh));
        Item::Link(link).write(&mut out);
        assert!(
            out.starts_with("<a href=\"card-sd.html\" lang=\"cy\">"),
            "{out}"
        );
        assert!(
            out.ends_with("</a> <span class=\"untranslated\">(Welsh only)</span>"),
            "{out}"
        );
        // A text only said to be in its language has no words after it.
        let mut out = String::new();
        let only = Untranslated {
            marker: "",
            ..welsh
        };
        Item::Untranslated(Text::quoted("Mawrth 2025"), only).write(&mut out);
        assert_eq!(out, "<span lang=\"cy\"><bdi>Mawrth 2025</bdi></span>");
    }
}
