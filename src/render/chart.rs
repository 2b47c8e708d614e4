//! Turn-the-curve pictures of a measure: a unicode sparkline for terminals
//! and Markdown, an SVG line chart (values, target line, better direction)
//! for the HTML report. Plain numbers in, text out.

use super::escape::html_attr as escape;
use super::number::number;
use std::fmt::Write;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// `▁▃▅█`: one bar a value, scaled from the lowest to the highest.
pub fn sparkline(values: &[f64]) -> String {
    let (low, high) = bounds(values.iter().copied());
    values
        .iter()
        .map(|v| {
            if high > low {
                let at = ((v - low) / (high - low) * (BARS.len() - 1) as f64).round();
                BARS[at.clamp(0.0, (BARS.len() - 1) as f64) as usize]
            } else {
                BARS[BARS.len() / 2]
            }
        })
        .collect()
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

/// One point of a curve: its period's label and value.
pub struct Point<'a> {
    pub label: &'a str,
    pub value: f64,
}

/// An SVG line chart of a curve with its target line; `higher_is_better`
/// says which way the arrow beside it points.
/// The words a chart writes, in the report's language.
#[derive(Debug, Clone, Copy)]
pub struct ChartWords<'w> {
    /// "higher is better", "lower is better" (after the arrow).
    pub higher: &'w str,
    pub lower: &'w str,
    /// "No values recorded yet".
    pub no_values: &'w str,
    /// "target" (before the value).
    pub target: &'w str,
}

impl ChartWords<'static> {
    /// The chart's words in English (the site takes each page's own).
    pub const ENGLISH: ChartWords<'static> = ChartWords {
        higher: "higher is better",
        lower: "lower is better",
        no_values: "No values recorded yet",
        target: "target",
    };
}

pub fn svg(
    title: &str,
    points: &[Point],
    target: Option<(&str, f64)>,
    higher_is_better: bool,
    words: ChartWords,
) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        // Inline in HTML, an <svg> needs no namespace (and the report names no URL at all).
        r#"<svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{}">"#,
        escape(title)
    );
    draw(svg, points, target, higher_is_better, words)
}

/// [`svg`] with a `<title>` and a `<desc>` (what a screen reader says: the
/// measure, its latest value), labelled by ids made from `id`, which must
/// be unique in the page.
pub fn described_svg(
    id: &str,
    title: &str,
    description: &str,
    points: &[Point],
    target: Option<(&str, f64)>,
    higher_is_better: bool,
    words: ChartWords,
) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        escape(title),
        escape(description),
        id = escape(id),
    );
    draw(svg, points, target, higher_is_better, words)
}

/// The chart's body after its opening tag.
fn draw(
    mut svg: String,
    points: &[Point],
    target: Option<(&str, f64)>,
    higher_is_better: bool,
    words: ChartWords,
) -> String {
    let better = if higher_is_better {
        format!("↑ {}", escape(words.higher))
    } else {
        format!("↓ {}", escape(words.lower))
    };
    let _ = write!(
        svg,
        r#"<text x="{LEFT}" y="14" class="better">{better}</text>"#
    );
    if points.is_empty() {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" class="none">{}</text></svg>"#,
            W / 2.0 - 80.0,
            H / 2.0,
            escape(words.no_values)
        );
        return svg;
    }
    let plot = Plot::new(points, target.map(|t| t.1));
    plot.axes(&mut svg);
    if let Some((label, value)) = target {
        plot.target(&mut svg, words.target, label, value);
    }
    plot.curve(&mut svg, points);
    svg.push_str("</svg>");
    svg
}

/// The chart's own look, for a chart that stands alone (rasterised for a
/// Word document) rather than inside a page whose stylesheet styles it:
/// the site's colours, and fonts a machine without Arial also has.
const STANDALONE_STYLE: &str =
    "svg { font-family: Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 11px; }
.axis { stroke: #4d5656; stroke-width: 1; }
.curve { fill: none; stroke: #1f618d; stroke-width: 2.5; }
.point { fill: #1f618d; }
.target { stroke: #1e7e45; stroke-width: 1.5; stroke-dasharray: 6 4; }
.target-label { fill: #1e7e45; }
.better { fill: #1c2833; font-weight: bold; }
.tick, .value, .none { fill: #4d5656; }";

/// A chart made by [`svg`] as an SVG file of its own: with its namespace
/// (which inline HTML does without), its style, and a white ground.
pub fn standalone(svg: &str) -> String {
    let Some(body) = svg.strip_prefix("<svg ") else {
        return svg.to_string();
    };
    let Some((attributes, rest)) = body.split_once('>') else {
        return svg.to_string();
    };
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" {attributes}><style>{STANDALONE_STYLE}</style><rect width="100%" height="100%" fill="white"/>{rest}"#
    )
}

// The chart's size and margins, in pixels.
const W: f64 = 560.0;
const H: f64 = 220.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 40.0;
/// Points stand inset from the axes, so that their labels fit.
const INSET: f64 = 36.0;
const PLOT_W: f64 = W - LEFT - RIGHT;
const PLOT_H: f64 = H - TOP - BOTTOM;

/// Where values fall on a chart: the value axis runs from `low` to `high`.
struct Plot {
    count: usize,
    low: f64,
    high: f64,
}

impl Plot {
    fn new(points: &[Point], target: Option<f64>) -> Plot {
        let (mut low, mut high) = bounds(points.iter().map(|p| p.value).chain(target));
        low = low.min(0.0);
        if high <= low {
            high = low + 1.0;
        }
        // Halves, so that values near ±f64::MAX (1e308) never overflow
        // to infinity and draw `NaN` into the picture.
        let padded = high + (high * 0.5 - low * 0.5) * 0.1;
        high = nice_ceiling(if padded.is_finite() { padded } else { f64::MAX });
        Plot {
            count: points.len(),
            low,
            high,
        }
    }

    fn x(&self, i: usize) -> f64 {
        if self.count == 1 {
            LEFT + PLOT_W / 2.0
        } else {
            LEFT + INSET + (PLOT_W - 2.0 * INSET) * i as f64 / (self.count - 1) as f64
        }
    }

    fn y(&self, v: f64) -> f64 {
        let share = (v * 0.5 - self.low * 0.5) / (self.high * 0.5 - self.low * 0.5);
        TOP + PLOT_H * (1.0 - share)
    }

    /// Axes, with the lowest and highest values marked.
    fn axes(&self, svg: &mut String) {
        let _ = write!(
            svg,
            r#"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{}" class="axis"/><line x1="{LEFT}" y1="{b}" x2="{}" y2="{b}" class="axis"/>"#,
            TOP + PLOT_H,
            W - RIGHT,
            b = TOP + PLOT_H
        );
        for v in [self.low, self.high] {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{:.1}" class="tick" text-anchor="end">{}</text>"#,
                LEFT - 6.0,
                self.y(v) + 4.0,
                number(v)
            );
        }
    }

    fn target(&self, svg: &mut String, word: &str, label: &str, value: f64) {
        let _ = write!(
            svg,
            r#"<line x1="{LEFT}" y1="{ty:.1}" x2="{}" y2="{ty:.1}" class="target"/><text x="{}" y="{:.1}" class="target-label">{} {} ({})</text>"#,
            W - RIGHT,
            LEFT + 4.0,
            self.y(value) + 14.0,
            escape(word),
            number(value),
            escape(label),
            ty = self.y(value),
        );
    }

    /// The curve through the points, each with its value and label.
    fn curve(&self, svg: &mut String, points: &[Point]) {
        let line: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", self.x(i), self.y(p.value)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline points="{}" class="curve"/>"#,
            line.join(" ")
        );
        for (i, p) in points.iter().enumerate() {
            let (x, y) = (self.x(i), self.y(p.value));
            let _ = write!(
                svg,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" class="point"/><text x="{x:.1}" y="{:.1}" class="value" text-anchor="middle">{}</text><text x="{x:.1}" y="{}" class="tick" text-anchor="middle">{}</text>"#,
                y - 8.0,
                number(p.value),
                H - BOTTOM + 16.0,
                escape(p.label)
            );
        }
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `value` (for the top of an axis).
fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 {
        return value;
    }
    let scale = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * scale)
        .find(|v| *v >= value)
        .filter(|v| v.is_finite())
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_numbers_draw_a_picture_with_no_nan() {
        let points = [
            Point {
                label: "Q1",
                value: 1e308,
            },
            Point {
                label: "Q2",
                value: -1e308,
            },
            Point {
                label: "Q3",
                value: f64::MAX,
            },
        ];
        let picture = svg(
            "M1",
            &points,
            Some(("2013", f64::MAX)),
            true,
            ChartWords::ENGLISH,
        );
        assert!(
            !picture.contains("NaN") && !picture.contains("inf"),
            "{picture}"
        );
        assert!(picture.contains("<circle"));
    }

    #[test]
    fn sparklines_scale_from_lowest_to_highest() {
        assert_eq!(sparkline(&[1.0, 2.0, 3.0, 8.0]), "▁▂▃█");
        assert_eq!(sparkline(&[5.0, 5.0]), "▅▅");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_ceiling(147.0), 200.0);
        assert_eq!(nice_ceiling(47.25), 50.0);
        assert_eq!(nice_ceiling(21.0), 25.0);
        assert_eq!(nice_ceiling(1.0), 1.0);
    }

    #[test]
    fn charts_escape_what_they_are_given() {
        let points = [
            Point {
                label: "Q1 <b>",
                value: 1.0,
            },
            Point {
                label: "Q2",
                value: 3.0,
            },
        ];
        let chart = svg(
            "\"><script>alert(1)</script>",
            &points,
            Some(("2012-13 & after", 5.0)),
            true,
            ChartWords::ENGLISH,
        );
        assert!(!chart.contains("<script>") && !chart.contains("<b>"));
        assert!(
            chart.contains("&lt;script&gt;")
                && chart.contains("Q1 &lt;b&gt;")
                && chart.contains("&amp; after")
        );
        assert!(chart.contains("<polyline") && chart.contains("class=\"target\""));
        assert!(svg("t", &[], None, false, ChartWords::ENGLISH).contains("No values recorded yet"));
    }

    #[test]
    fn a_standalone_chart_has_its_namespace_style_and_ground() {
        let points = [Point {
            label: "Q1",
            value: 1.0,
        }];
        let chart = standalone(&svg("a > b", &points, None, true, ChartWords::ENGLISH));
        assert!(chart.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="#));
        assert!(chart.contains(r#"aria-label="a &gt; b"><style>"#));
        assert!(chart.contains(r#"<rect width="100%" height="100%" fill="white"/>"#));
        assert!(chart.ends_with("</svg>"));
    }
}
