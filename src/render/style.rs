//! The stylesheet of every HTML page `plan` writes: the site's pages
//! (`page.rs`) and the HTML Highlight Report (`document.rs`), which so share
//! one look and one set of colours checked for contrast.

/// Colours with a contrast of at least 4.5:1 against what they sit on
/// (checked by a test below), a layout that reflows down to 320 px wide
/// and at 200% zoom, and a print layout for A4.
pub const STYLE: &str = r#"
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
.date { white-space: nowrap; }
h2 a, h3 a, h4 a, nav a, li > a:only-child { display: inline-block; min-height: 24px; }
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
svg { max-width: 100%; height: auto; font-size: 12px; }
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
}
