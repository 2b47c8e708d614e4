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
use std::fmt::Write;

/// A link to another file of the site (`card-ej.html`, `card-ej.html#task-EJ-1.1.a`).
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub text: Text,
}

impl Link {
    pub fn new(href: impl Into<String>, text: Text) -> Link {
        Link {
            href: href.into(),
            text,
        }
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
            Item::Items(items) | Item::Lines(items) | Item::Phrase(items) => {
                let between = match self {
                    Item::Items(_) => ", ",
                    Item::Lines(_) => "<br>",
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
            let class = badge.map_or("none", |b| b.word);
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
    let _ = write!(
        out,
        "<a href=\"{}\"{}>{}</a>",
        escape::html_attr(&link.href),
        if current {
            " aria-current=\"page\""
        } else {
            ""
        },
        link.text.html()
    );
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
    pub caption: Text,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Row>,
    /// Said instead of an empty table.
    pub empty: &'static str,
}

/// What every page of a site shares.
pub struct Shell<'a> {
    /// The site's name, at the top of every page and in every `<title>`.
    pub site: &'a Text,
    /// The site's main links, in the header of every page.
    pub nav: &'a [Link],
    /// The page's own name (its file), marked as current in the navigation.
    pub file: &'a str,
    /// The page's title (its `h1`).
    pub title: &'a Text,
    pub footer: &'a Text,
}

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
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <a class=\"skip\" href=\"#main\">Skip to the content</a>\n<header>\n<p class=\"site\">",
            escape::html_attr(&title)
        );
        let home = Link::new("index.html", shell.site.clone());
        write_link(&mut html, &home, false);
        html.push_str("</p>\n<nav aria-label=\"Site\"><ul>");
        for link in shell.nav {
            html.push_str("<li>");
            write_link(&mut html, link, link.href == shell.file);
            html.push_str("</li>");
        }
        let _ = write!(
            html,
            "</ul></nav>\n</header>\n<main id=\"main\">\n<h1>{}</h1>\n",
            shell.title.html()
        );
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
            "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}\">\n<table>\n<caption id=\"{id}\">{}</caption>\n<thead><tr>",
            table.caption.html()
        );
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
                let class = if cell.is_number() {
                    " class=\"number\""
                } else {
                    ""
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
    pub fn chart(&mut self, svg: &str, caption: &Text, values: Option<&Table>) {
        self.open("div", "curve");
        let _ = writeln!(
            self.html,
            "<figure>{svg}<figcaption>{}</figcaption></figure>",
            caption.html()
        );
        if let Some(values) = values {
            self.table(values);
        }
        self.close("div");
    }
}

/// Colours with a contrast of at least 4.5:1 against what they sit on
/// (checked by a test below), a layout that reflows down to 320 px wide
/// and at 200% zoom, and a print layout for A4. The HTML Highlight Report
/// shares it (`document::html`).
pub(crate) const STYLE: &str = r#"
:root { --ink: #1c2833; --muted: #4d5656; --line: #aab7b8; --link: #1a5276; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; color: #1c2833; background: #ffffff; max-width: 72rem; margin: 0 auto; padding: 0 1rem 2rem; line-height: 1.45; overflow-wrap: break-word; }
a { color: #1a5276; }
a:focus, [tabindex]:focus { outline: 3px solid #1a5276; outline-offset: 2px; }
.skip { position: absolute; left: -100rem; }
.skip:focus { position: static; display: inline-block; margin: .5rem 0; color: #ffffff; background: #1a5276; padding: .3rem .6rem; }
header { border-bottom: 3px solid #1c2833; padding: .6rem 0; }
header .site { margin: 0 0 .3rem; font-weight: bold; }
nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
nav a[aria-current] { font-weight: bold; text-decoration-thickness: 3px; }
h1 { font-size: 1.7rem; margin: 1.2rem 0 .6rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #aab7b8; }
h3 { font-size: 1.12rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin-top: 1.3rem; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
th, td { border: 1px solid #aab7b8; padding: .3rem .45rem; text-align: left; vertical-align: top; min-width: 4rem; }
td.number { min-width: 0; }
thead th { color: #1c2833; background: #eaeded; }
tbody th { font-weight: normal; white-space: nowrap; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.alert { background: #fdedec; }
strong.alert { color: #922b21; background: #fdedec; }
dl.facts { display: flex; flex-wrap: wrap; gap: .4rem 1.6rem; margin: .6rem 0 1rem; }
dl.facts div { min-width: 9rem; }
dl.facts dt { font-size: .85rem; color: #4d5656; background: #ffffff; }
dl.facts dd { margin: 0; font-weight: bold; }
.rag { display: inline-block; padding: 0 .45rem; border-radius: .3rem; font-weight: bold; font-size: .85rem; white-space: nowrap; }
.rag.red { color: #ffffff; background: #a93226; }
.rag.amber { color: #1c2833; background: #f5b041; }
.rag.green { color: #ffffff; background: #1e7e45; }
.rag.blue { color: #ffffff; background: #1f618d; }
.rag.none { color: #ffffff; background: #566573; }
.empty { color: #4d5656; background: #ffffff; font-style: italic; }
ul.tiles { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(19rem, 100%), 1fr)); gap: 1rem; }
li.tile { border: 1px solid #aab7b8; border-radius: .4rem; padding: .2rem .9rem .8rem; }
li.tile h3 { margin-top: .6rem; }
.curve { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: 0 1.5rem; align-items: start; }
figure { margin: .5rem 0 1rem; }
figcaption { font-size: .9rem; color: #4d5656; background: #ffffff; }
svg { max-width: 100%; height: auto; font-size: 11px; }
li.tile svg { width: 100%; }
svg .axis { stroke: #4d5656; stroke-width: 1; }
svg .curve { fill: none; stroke: #1f618d; stroke-width: 2.5; }
svg .point { fill: #1f618d; }
svg .target { stroke: #1e7e45; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .target-label { fill: #1e7e45; }
svg .better { fill: #1c2833; font-weight: bold; }
svg .tick, svg .value, svg .none { fill: #4d5656; }
footer { margin-top: 3rem; border-top: 1px solid #aab7b8; font-size: .85rem; color: #4d5656; background: #ffffff; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .skip, nav { display: none; }
  .scroll { overflow: visible; }
  a { color: #1c2833; text-decoration: none; }
  thead { display: table-header-group; }
  tr, figure, li.tile, dl.facts { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  ul.tiles { display: block; }
  li.tile { margin-bottom: .8rem; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |at: usize| {
            let c = u8::from_str_radix(&hex[at..at + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    fn colour(rule: &str, property: &str) -> Option<String> {
        let at = rule.find(&format!(" {property}: #"))? + property.len() + 3;
        Some(rule[at..at + 7].to_string())
    }

    #[test]
    fn every_colour_of_text_has_a_contrast_of_at_least_4_5() {
        let mut checked = 0;
        for rule in STYLE.lines() {
            let Some(ink) = colour(rule, "color") else {
                continue;
            };
            // Text without a background of its own sits on the page's white
            // (or the alert's pale red, which the alert rule pairs itself).
            let paper = colour(rule, "background").unwrap_or_else(|| "#ffffff".into());
            let ratio = contrast(&ink, &paper);
            assert!(ratio >= 4.5, "{ink} on {paper}: {ratio:.2} in {rule}");
            checked += 1;
        }
        assert!(checked >= 12, "{checked}");
        // The SVG's text and the links, on white.
        for ink in ["#4d5656", "#1e7e45", "#1c2833", "#1a5276", "#922b21"] {
            assert!(contrast(ink, "#ffffff") >= 4.5, "{ink}");
        }
        assert!(contrast("#922b21", "#fdedec") >= 4.5);
        assert!(contrast("#1a5276", "#fdedec") >= 4.5);
    }

    #[test]
    fn tables_have_captions_and_header_cells_and_text_is_escaped() {
        let site = Text::ours("Site");
        let title = Text::quoted("A <b>\u{202e} title");
        let footer = Text::ours("As of today.");
        let nav = [Link::new("index.html", "Home".into())];
        let mut page = Page::new(&Shell {
            site: &site,
            nav: &nav,
            file: "index.html",
            title: &title,
            footer: &footer,
        });
        page.table(&Table {
            caption: Text::ours("Tasks of ").and_quoted("<i>"),
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
        assert!(html.contains("<h1><bdi>A &lt;b&gt;\u{202e} title</bdi></h1>"));
        assert!(html.contains("<title>A &lt;b&gt;\\u{202e} title – Site</title>"));
        assert!(html.contains("<caption id=\"x1\">Tasks of <bdi>&lt;i&gt;</bdi></caption>"));
        assert!(html.contains("<th scope=\"col\">Task</th><th scope=\"col\">Count</th>"));
        assert!(html.contains(
            "<tr id=\"task-EJ-1.1.a\" class=\"alert\"><th scope=\"row\"><a href=\"card-ej.html#x&quot;y\"><bdi>EJ-1.1.a</bdi></a></th><td class=\"number\">3</td></tr>"
        ));
        assert!(html.contains("<a href=\"index.html\" aria-current=\"page\">Home</a>"));
        assert!(html.contains(CONTENT_SECURITY_POLICY) && !html.contains("<script"));
    }
}
