//! The document of [`super::document`] as a Word file, the board paper a
//! council officer edits: the title, parts and headings in Word's Heading
//! 1, 2 and 3 styles (the navigation pane and a table of contents find
//! them), tables whose header row repeats on each page, a status cell
//! shaded and written as its word, each chart as a picture (the same SVG,
//! rasterised by resvg) with its description as alt text, British English
//! as the document's language, and page numbers in the footer.
//!
//! docx-rs writes the file; what it has no words for (a repeated header
//! row, a picture's alt text, the language, the title, the default style)
//! is added to the XML it builds, each checked, so that a docx-rs that
//! wrote its XML otherwise fails loudly instead of losing them.

use super::chart;
use super::document::{Block, DocTable, Text};
use super::escape;
use super::report::{Cell, Tone};
use crate::lang::Lang;
use anyhow::{Context, bail};
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    Pic, Run, RunFonts, Shading, ShdType, Style, StyleType, Table, TableCell, TableCellMargins,
    TableRow, XMLDocx,
};
use resvg::{tiny_skia, usvg};

/// Pictures are drawn at twice their size, to stay sharp when printed.
const RASTER_SCALE: f32 = 2.0;
/// English Metric Units in a CSS pixel (a 96th of an inch).
const EMU_PER_PIXEL: f64 = 9525.0;
/// A text width of 16 cm (A4 less 2.5 cm margins), in EMU.
const TEXT_WIDTH_EMU: f64 = 16.0 / 2.54 * 914_400.0;

/// The words of a Word document's own: its language (the first of a
/// bilingual one) and its footer's "Page 3 of 12".
pub struct DocxWords<'w> {
    pub lang: Lang,
    pub page: &'w str,
    pub of: &'w str,
}

/// The document as the bytes of a `.docx` file.
pub fn docx(blocks: &[Block], words: &DocxWords) -> anyhow::Result<Vec<u8>> {
    // The system's fonts are read once, and only for a document with a chart.
    let mut fonts: Option<usvg::Options> = None;
    let mut doc = Docx::new()
        .page_margin(
            PageMargin::new()
                .top(1418)
                .bottom(1418)
                .left(1418)
                .right(1418),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120))
        .footer(footer(words));
    for style in styles() {
        doc = doc.add_style(style);
    }
    let mut alt_texts = Vec::new();
    let mut previous: Option<&Block> = None;
    for block in blocks {
        doc = match block {
            // The second half of a bilingual document starts on a new page.
            Block::Title(t) => doc.add_paragraph(
                styled("Heading1", t)
                    .page_break_before(matches!(previous, Some(Block::Language(_)))),
            ),
            Block::Language(_) => doc,
            Block::Part(t) => doc.add_paragraph(styled("Heading2", t).page_break_before(true)),
            Block::Heading(t) => doc.add_paragraph(styled("Heading3", t)),
            Block::Paragraph(t) => {
                // A table has no space after it of its own.
                let mut paragraph = Paragraph::new();
                if matches!(previous, Some(Block::Table(table)) if !table.rows.is_empty()) {
                    paragraph = paragraph.line_spacing(LineSpacing::new().before(120).after(120));
                }
                doc.add_paragraph(lines(paragraph, &t.plain(), Run::new))
            }
            Block::Facts(facts) => {
                facts
                    .iter()
                    .enumerate()
                    .fold(doc, |doc, (i, (label, value))| {
                        doc.add_paragraph(fact(label, value, i + 1 == facts.len()))
                    })
            }
            Block::Table(table) if table.rows.is_empty() => {
                doc.add_paragraph(lines(Paragraph::new(), &table.empty, || {
                    Run::new().italic()
                }))
            }
            Block::Table(table) => doc.add_table(word_table(table)),
            Block::Chart { svg, caption, text } => {
                alt_texts.push(alt_text(text));
                let fonts = fonts.get_or_insert_with(|| {
                    let mut options = usvg::Options::default();
                    options.fontdb_mut().load_system_fonts();
                    options
                });
                let picture = picture(svg, fonts)?;
                doc.add_paragraph(styled("Caption", caption).keep_next(true))
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_image(picture)))
            }
        };
        previous = Some(block);
    }
    let title = blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.plain()),
        _ => None,
    });
    let mut xml = doc.build();
    add_what_docx_rs_cannot_say(
        &mut xml,
        &alt_texts,
        title.as_deref().unwrap_or_default(),
        words.lang,
    )?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .context("cannot pack the Word document")?;
    Ok(bytes.into_inner())
}

/// Heading 1 to 3 as Word names them (so Word, LibreOffice and python-docx
/// know them as the built-in headings), each an outline level, and a
/// caption for the charts.
fn styles() -> Vec<Style> {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .line_spacing(LineSpacing::new().before(240).after(120))
            .size(size)
            .bold()
            .color("1C2833")
    };
    // docx-rs writes the Normal style itself.
    vec![
        heading(1, 36),
        heading(2, 30),
        heading(3, 24),
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .line_spacing(LineSpacing::new().before(120).after(60))
            .bold()
            .size(20),
    ]
}

/// "Page 3 of 12", centred at the foot of each page.
fn footer(words: &DocxWords) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", words.page)))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", words.of)))
            .add_num_pages(NumPages::new()),
    )
}

/// A paragraph of `style` holding `text`.
fn styled(style: &str, text: &Text) -> Paragraph {
    lines(Paragraph::new().style(style), &text.plain(), Run::new)
}

/// `text` added to `paragraph` in runs made by `run`, a line break in
/// the text a break in Word.
fn lines(mut paragraph: Paragraph, text: &str, run: impl Fn() -> Run) -> Paragraph {
    for (i, line) in escape::word(text).into_iter().enumerate() {
        let mut r = run();
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(r.add_text(line));
    }
    paragraph
}

/// "Label: value", the label bold; facts stand close together, with space
/// after the `last`.
fn fact(label: &str, value: &Cell, last: bool) -> Paragraph {
    let paragraph = Paragraph::new()
        .line_spacing(LineSpacing::new().after(if last { 120 } else { 0 }))
        .add_run(Run::new().bold().add_text(format!("{label}: ")));
    match value {
        Cell::Badge(_) => {
            let (fill, ink) = badge_colours(value);
            lines(paragraph, &value.display_text(), || {
                Run::new()
                    .bold()
                    .color(ink)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill(fill))
            })
        }
        other => lines(paragraph, &other.display_text(), Run::new),
    }
}

/// A status's shading and the colour of its word on it (each pair at
/// least 4.5:1, so the word reads on its colour).
fn badge_colours(cell: &Cell) -> (&'static str, &'static str) {
    match cell {
        Cell::Badge(badge) => match badge.tone {
            Some(Tone::Red) => ("C0392B", "FFFFFF"),
            Some(Tone::Amber) => ("F5B041", "000000"),
            Some(Tone::Green) => ("1E7E45", "FFFFFF"),
            Some(Tone::Blue) => ("2471A3", "FFFFFF"),
            None => ("D5D8DC", "000000"),
        },
        _ => ("D5D8DC", "000000"),
    }
}

/// A table whose first row is its header (repeated on each page: see
/// [`add_what_docx_rs_cannot_say`]), no row split across two pages;
/// numbers right-aligned, a status shaded.
fn word_table(table: &DocTable) -> Table {
    let header = TableRow::new(
        table
            .headers
            .iter()
            .map(|h| {
                TableCell::new()
                    .shading(Shading::new().shd_type(ShdType::Clear).fill("EAEDED"))
                    .add_paragraph(lines(
                        Paragraph::new().line_spacing(LineSpacing::new().after(0)),
                        h,
                        || Run::new().bold(),
                    ))
            })
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for row in &table.rows {
        rows.push(TableRow::new(row.iter().map(word_cell).collect()).cant_split());
    }
    Table::new(rows).margins(TableCellMargins::new().margin(40, 80, 40, 80))
}

fn word_cell(cell: &Cell) -> TableCell {
    let mut paragraph = Paragraph::new().line_spacing(LineSpacing::new().after(0));
    if cell.is_number() {
        paragraph = paragraph.align(AlignmentType::Right);
    }
    match cell {
        Cell::Badge(_) => {
            let (fill, ink) = badge_colours(cell);
            TableCell::new()
                .shading(Shading::new().shd_type(ShdType::Clear).fill(fill))
                .add_paragraph(lines(paragraph, &cell.display_text(), || {
                    Run::new().bold().color(ink)
                }))
        }
        other => TableCell::new().add_paragraph(lines(paragraph, &other.display_text(), Run::new)),
    }
}

/// A chart's description, read aloud in place of its picture: the
/// sparkline is for eyes, so it is left out.
fn alt_text(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !('\u{2581}'..='\u{2588}').contains(c))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A chart's SVG as a PNG picture, a text width wide at most.
fn picture(svg: &str, fonts: &usvg::Options) -> anyhow::Result<Pic> {
    let tree = usvg::Tree::from_str(&chart::standalone(svg), fonts)
        .context("cannot read a chart's SVG")?;
    let size = tree.size();
    let (width, height) = (
        (size.width() * RASTER_SCALE).ceil() as u32,
        (size.height() * RASTER_SCALE).ceil() as u32,
    );
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).context("a chart has no size to draw")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(RASTER_SCALE, RASTER_SCALE),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .context("cannot encode a chart as PNG")?;
    let mut emu = (
        f64::from(size.width()) * EMU_PER_PIXEL,
        f64::from(size.height()) * EMU_PER_PIXEL,
    );
    if emu.0 > TEXT_WIDTH_EMU {
        emu = (TEXT_WIDTH_EMU, emu.1 * TEXT_WIDTH_EMU / emu.0);
    }
    Ok(Pic::new_with_dimensions(png, width, height).size(emu.0 as u32, emu.1 as u32))
}

/// What docx-rs 0.4 does not write, added to the XML it built: each
/// table's header row marked to repeat, each picture's alt text, the
/// document's language and title, and Normal as the default style.
fn add_what_docx_rs_cannot_say(
    xml: &mut XMLDocx,
    alt_texts: &[String],
    title: &str,
    lang: Lang,
) -> anyhow::Result<()> {
    // Word names a language with its region: British English, Welsh in Wales.
    let code = match lang {
        Lang::Cy => "cy-GB",
        Lang::En => "en-GB",
    };
    let document = String::from_utf8(std::mem::take(&mut xml.document))?;
    xml.document = described(&headed(&document)?, alt_texts)?.into_bytes();
    let styles = String::from_utf8(std::mem::take(&mut xml.styles))?;
    xml.styles = in_language(&styles, code)?.into_bytes();
    let core = String::from_utf8(std::mem::take(&mut xml.doc_props.core))?;
    let Some(before_end) = core.strip_suffix("</cp:coreProperties>") else {
        bail!("docx-rs wrote no core properties to give the title");
    };
    xml.doc_props.core = format!(
        "{before_end}<dc:title>{}</dc:title><dc:language>{code}</dc:language></cp:coreProperties>",
        escape::html_attr(title)
    )
    .into_bytes();
    Ok(())
}

/// `document` with each table's first row, its header, marked to repeat on
/// each page (`w:tblHeader`, beside the `w:cantSplit` every row has).
fn headed(document: &str) -> anyhow::Result<String> {
    let mut tables = document.split("<w:tbl>");
    let mut headed = tables.next().unwrap_or_default().to_string();
    for table in tables {
        let Some((before, after)) = table.split_once("<w:trPr><w:cantSplit />") else {
            bail!("docx-rs wrote a table without its header row's properties");
        };
        headed.push_str(&format!(
            "<w:tbl>{before}<w:trPr><w:cantSplit /><w:tblHeader />{after}"
        ));
    }
    Ok(headed)
}

/// `document` with each picture's alt text (`descr`) and an id of its own
/// (docx-rs gives every picture id 1 and no alt text).
fn described(document: &str, alt_texts: &[String]) -> anyhow::Result<String> {
    let pictures: Vec<&str> = document
        .split(r#"<wp:docPr id="1" name="Figure" />"#)
        .collect();
    if pictures.len() != alt_texts.len() + 1 {
        bail!(
            "docx-rs wrote {} pictures for {} charts",
            pictures.len() - 1,
            alt_texts.len()
        );
    }
    let mut described = pictures[0].to_string();
    for (i, (alt, rest)) in alt_texts.iter().zip(&pictures[1..]).enumerate() {
        described.push_str(&format!(
            r#"<wp:docPr id="{}" name="Chart {}" descr="{}" />"#,
            i + 1,
            i + 1,
            escape::html_attr(alt)
        ));
        described.push_str(rest);
    }
    Ok(described)
}

/// `styles` with `code` (en-GB, cy-GB) as the language of every run
/// (spelling, a screen reader's voice), and Normal the default paragraph
/// style (so a paragraph without a style of its own is Normal to every reader).
fn in_language(styles: &str, code: &str) -> anyhow::Result<String> {
    let Some((before, after)) = styles.split_once("</w:rPr></w:rPrDefault>") else {
        bail!("docx-rs wrote no default run properties to give the language");
    };
    let styles = format!(r#"{before}<w:lang w:val="{code}" /></w:rPr></w:rPrDefault>{after}"#);
    let normal = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    if !styles.contains(normal) {
        bail!("docx-rs wrote no Normal style");
    }
    Ok(styles.replacen(
        normal,
        r#"<w:style w:type="paragraph" w:styleId="Normal" w:default="1">"#,
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_text_leaves_out_the_sparkline() {
        assert_eq!(
            alt_text("M1 Calls (lower is better): ▁▃█ Q1 4, Q2 6."),
            "M1 Calls (lower is better): Q1 4, Q2 6."
        );
    }
}
