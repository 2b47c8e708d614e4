//! A small document (headings, facts, tables, charts) and its two
//! renderings: GitHub Markdown, and one self-contained HTML file (inline
//! CSS and SVG, no script, nothing fetched from the network) that prints
//! well on A4. Every piece of text is escaped on the way out
//! (`escape::markdown`, `escape::html`), and in HTML each piece of text
//! handed in is isolated in `<bdi>`, so that none can reorder the words
//! around it (a right-to-left override in a title once turned the report's
//! own heading round).

use super::escape;
use super::report::Cell;
use crate::lang::Lang;
use std::fmt::Write;

/// A line of text: words of the document's own, and words quoted from
/// what it reports on, kept apart so that HTML can isolate the quoted.
#[derive(Debug, Clone, Default)]
pub struct Text(Vec<(Piece, String)>);

/// Whose words a piece of a [`Text`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Ours,
    Quoted,
    /// Quoted, in another language than the document's (a plan text with
    /// no translation): HTML says which with `lang`.
    QuotedIn(Lang),
}

impl Text {
    /// Quoted text (a title, a name): isolated in HTML.
    pub fn quoted(text: impl Into<String>) -> Text {
        Text(vec![(Piece::Quoted, text.into())])
    }

    /// Quoted text in `lang`, another language than the document's.
    pub fn quoted_in(text: impl Into<String>, lang: Lang) -> Text {
        Text(vec![(Piece::QuotedIn(lang), text.into())])
    }

    /// The document's own words, followed by quoted text `and_quoted`.
    pub fn ours(text: impl Into<String>) -> Text {
        Text(vec![(Piece::Ours, text.into())])
    }

    /// The document's own words after these.
    pub fn and(mut self, text: impl Into<String>) -> Text {
        self.0.push((Piece::Ours, text.into()));
        self
    }

    /// Quoted text after these.
    pub fn and_quoted(mut self, text: impl Into<String>) -> Text {
        self.0.push((Piece::Quoted, text.into()));
        self
    }

    /// Another text after these.
    pub fn and_text(mut self, text: Text) -> Text {
        self.0.extend(text.0);
        self
    }

    fn markdown(&self) -> String {
        escape::markdown(&self.plain())
    }

    /// As HTML: the document's words escaped, quoted text isolated in `<bdi>`.
    pub fn html(&self) -> String {
        self.0
            .iter()
            .map(|(piece, text)| match piece {
                Piece::Quoted => escape::html_isolated(text),
                Piece::QuotedIn(lang) => {
                    format!("<bdi lang=\"{}\">{}</bdi>", lang.code(), escape::html(text))
                }
                Piece::Ours => escape::dates_whole(&escape::html(text)).into_owned(),
            })
            .collect()
    }

    /// All the words run together, for `<title>`.
    pub fn plain(&self) -> String {
        self.0.iter().map(|(_, text)| text.as_str()).collect()
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Text {
        Text::ours(text)
    }
}

pub enum Block {
    /// The document's title (one).
    Title(Text),
    /// A part that starts a new printed page (a report card).
    Part(Text),
    Heading(Text),
    Paragraph(Text),
    /// Label: value pairs.
    Facts(Vec<(&'static str, Cell)>),
    Table(DocTable),
    /// An SVG picture with its caption, and a text version for Markdown.
    Chart {
        svg: String,
        caption: Text,
        text: String,
    },
    /// The blocks after it are in this language: the second half of a
    /// bilingual document, which starts on a new page.
    Language(Lang),
}

pub struct DocTable {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// Said instead of an empty table.
    pub empty: String,
}

pub fn markdown(blocks: &[Block]) -> String {
    use escape::markdown as md;
    fn cell(c: &Cell) -> String {
        match c {
            Cell::Badge(badge) if badge.tone.is_some() => format!("**{}**", badge.word),
            other => md(&other.display_text()),
        }
    }
    let mut out = String::new();
    let mut in_part = false;
    for block in blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "# {}\n", t.markdown());
            }
            Block::Part(t) => {
                in_part = true;
                let _ = writeln!(out, "## {}\n", t.markdown());
            }
            // As in HTML: a level below the title, or below its part.
            Block::Heading(t) => {
                let marks = if in_part { "###" } else { "##" };
                let _ = writeln!(out, "{marks} {}\n", t.markdown());
            }
            Block::Paragraph(t) => {
                let _ = writeln!(out, "{}\n", t.markdown());
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    let _ = writeln!(out, "- **{}:** {}", md(label), cell(value));
                }
                out.push('\n');
            }
            Block::Table(table) => {
                if table.rows.is_empty() {
                    let _ = writeln!(out, "_{}_\n", md(&table.empty));
                    continue;
                }
                let headers: Vec<String> = table.headers.iter().map(|h| md(h)).collect();
                let _ = writeln!(out, "| {} |", headers.join(" | "));
                let rule: Vec<&str> = (0..table.headers.len())
                    .map(|i| {
                        if table.rows[0][i].is_number() {
                            "---:"
                        } else {
                            "---"
                        }
                    })
                    .collect();
                let _ = writeln!(out, "| {} |", rule.join(" | "));
                for row in &table.rows {
                    let cells: Vec<String> = row.iter().map(cell).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
                out.push('\n');
            }
            Block::Chart { text, .. } => {
                let _ = writeln!(out, "{}\n", md(text));
            }
            Block::Language(_) => {
                in_part = false;
                out.push_str("---\n\n");
            }
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// What the report adds to the site's stylesheet (`style::STYLE`), which
/// it shares: colours of at least 4.5:1, a layout down to 320 px, print.
const REPORT_STYLE: &str = r#"
body { max-width: 60rem; padding-top: 1rem; }
h1 { border-bottom: 3px solid #1c2833; padding-bottom: .3rem; }
ul.facts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
ul.facts li { min-width: 10rem; }
@media print {
  section.part { break-before: page; }
  table { page-break-inside: auto; }
  ul.facts { break-inside: avoid; }
}
"#;

/// A cell of an HTML table: a RAG status as a coloured chip with its word.
fn html_cell(c: &Cell) -> String {
    match c {
        Cell::Badge(badge) => {
            let class = badge.class();
            format!(
                "<span class=\"rag {class}\">{}</span>",
                escape::html(&c.display_text())
            )
        }
        Cell::Text(_) | Cell::List(_) => escape::html_isolated(&c.display_text()),
        Cell::PlanText(text) => match &text.fell_back {
            None => escape::html_isolated(&text.shown),
            Some((lang, marker)) => format!(
                "<bdi lang=\"{}\">{}</bdi> {}",
                lang.code(),
                escape::html(&text.shown),
                escape::html(marker)
            ),
        },
        other => escape::html(&other.display_text()),
    }
}

/// A table of the report; one with no rows is the sentence that says so.
/// A wide table scrolls inside its box on a phone, the page not, and the box
/// is a region a keyboard can scroll, named `label`.
fn html_table(out: &mut String, table: &DocTable, label: &str) {
    if table.rows.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">{}</p>", escape::html(&table.empty));
        return;
    }
    let _ = write!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table>\n<thead><tr>",
        escape::html_attr(label)
    );
    for header in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape::html(header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for c in row {
            let class = match c {
                _ if c.is_number() => " class=\"number\"",
                Cell::Date(_) => " class=\"date\"",
                _ => "",
            };
            let _ = write!(out, "<td{class}>{}</td>", html_cell(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// Names for the scrolling regions of a page, each used once ("Overdue",
/// "Overdue (2)"): landmarks of one name could not be told apart.
#[derive(Default)]
struct RegionNames(std::collections::HashMap<String, usize>);

impl RegionNames {
    fn name(&mut self, heading: &str) -> String {
        let heading = if heading.is_empty() { "Table" } else { heading };
        let seen = self.0.entry(heading.to_string()).or_default();
        *seen += 1;
        if *seen == 1 {
            heading.to_string()
        } else {
            format!("{heading} ({seen})")
        }
    }
}

/// The document as one HTML file in `lang`, titled by its [`Block::Title`].
pub fn html(blocks: &[Block], lang: Lang) -> String {
    use escape::html as escape;
    let title = blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.plain()),
        _ => None,
    });
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}{REPORT_STYLE}</style>\n</head>\n<body>\n<main id=\"main\">\n",
        lang.code(),
        escape::html_attr(&title.unwrap_or_default()),
        super::style::STYLE,
    );
    let mut in_part = false;
    let mut in_other_language = false;
    let mut heading = String::new();
    let mut regions = RegionNames::default();
    for block in blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "<h1>{}</h1>", t.html());
            }
            Block::Part(t) => {
                if in_part {
                    out.push_str("</section>\n");
                }
                in_part = true;
                heading = t.plain();
                let _ = writeln!(out, "<section class=\"part\">\n<h2>{}</h2>", t.html());
            }
            // A heading under the title (the headline figures) is a level
            // below it; one inside a part a level below the part's.
            Block::Heading(t) => {
                heading = t.plain();
                let level = if in_part { 3 } else { 2 };
                let _ = writeln!(out, "<h{level}>{}</h{level}>", t.html());
            }
            Block::Paragraph(t) => {
                let _ = writeln!(out, "<p>{}</p>", t.html());
            }
            Block::Facts(facts) => {
                out.push_str("<ul class=\"facts\">\n");
                for (label, value) in facts {
                    let _ = writeln!(
                        out,
                        "<li><strong>{}:</strong> {}</li>",
                        escape(label),
                        html_cell(value)
                    );
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => html_table(&mut out, table, &regions.name(&heading)),
            Block::Chart { svg, caption, .. } => {
                let _ = writeln!(
                    out,
                    "<figure><figcaption>{}</figcaption>{svg}</figure>",
                    caption.html()
                );
            }
            Block::Language(other) => {
                if std::mem::take(&mut in_part) {
                    out.push_str("</section>\n");
                }
                if std::mem::replace(&mut in_other_language, true) {
                    out.push_str("</div>\n");
                }
                let _ = writeln!(out, "<div lang=\"{}\">", other.code());
            }
        }
    }
    if in_part {
        out.push_str("</section>\n");
    }
    if in_other_language {
        out.push_str("</div>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_isolates_quoted_text_from_the_documents_own_words() {
        let blocks = [
            Block::Title(
                Text::quoted("Plan \u{202e}<b>")
                    .and(": Highlight Report, ")
                    .and_quoted("Q3"),
            ),
            Block::Table(DocTable {
                headers: vec!["What"],
                rows: vec![vec![Cell::text("a\u{202e}b\nc")]],
                empty: String::new(),
            }),
        ];
        let html = html(&blocks, Lang::En);
        assert!(html.contains(
            "<h1><bdi>Plan \\u{202e}&lt;b&gt;</bdi>: Highlight Report, <bdi>Q3</bdi></h1>"
        ));
        assert!(html.contains("<title>Plan \\u{202e}&lt;b&gt;: Highlight Report, Q3</title>"));
        assert!(html.contains("<td><bdi>a\\u{202e}b<br>c</bdi></td>"));
        let markdown = markdown(&blocks);
        assert!(markdown.starts_with("# Plan \\u{202e}&lt;b&gt;: Highlight Report, Q3\n"));
        assert!(markdown.contains("| a\\u{202e}b<br>c |"));
    }
}
