//! `plan measures`: each curve to turn, its latest value, the change since
//! the value before, whether that change goes the better way, and a
//! sparkline of the whole curve.

use super::shared;
use crate::cli::FormatArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Measure;
use crate::render::chart::sparkline;
use crate::render::number::number;
use crate::render::report::{Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &FormatArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let mut table = Table::new(vec![
        Column::new("id", "Id"),
        Column::prose("title", "Measure"),
        Column::new("better", "Better"),
        Column::new("latest_period", "Latest"),
        Column::machine("latest"),
        Column::people("latest_value", "Value"),
        Column::machine("change"),
        Column::people("change_text", "Change"),
        Column::new("better_way", "Better way?"),
        Column::people("curve", "Curve"),
        Column::new("target", "Target"),
        Column::new("cards", "Cards"),
    ])
    .when_empty("The plan defines no measure.");
    for measure in &plan.measures {
        let trend = Trend::of(measure);
        let cards = plan.cards_listing(&measure.id);
        let values: Vec<f64> = measure.values.iter().map(|v| v.value).collect();
        table.rows.push(vec![
            Cell::text(&measure.id),
            Cell::text(&measure.title),
            Cell::text(measure.better.as_str()),
            Cell::opt_text(measure.values.last().map(|v| v.period.as_str())),
            trend.latest.map_or(Cell::Empty, Cell::Number),
            Cell::opt_text(trend.latest.map(number).as_deref()),
            trend.change.map_or(Cell::Empty, Cell::Number),
            Cell::opt_text(
                trend
                    .change
                    .map(|c| match number(c) {
                        n if c > 0.0 && n != "0" => format!("+{n}"),
                        n => n,
                    })
                    .as_deref(),
            ),
            Cell::YesNo(trend.better_way),
            Cell::text(sparkline(&values)),
            Cell::opt_text(
                measure
                    .target
                    .as_ref()
                    .map(|t| format!("{} by {}", number(t.value), t.period))
                    .as_deref(),
            ),
            Cell::List(cards),
        ]);
    }
    let report = Report {
        heading: shared::heading(plan, "measures", ctx.as_of, None),
        tables: vec![table],
        notes: vec!["Change is the latest value less the one before; better way says whether it moved the way the measure wants.".into()],
    };
    args.format.render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}

/// Where a curve stands: its latest value and its last move.
pub struct Trend {
    pub latest: Option<f64>,
    pub change: Option<f64>,
    /// `None` with fewer than two values, or no move at all.
    pub better_way: Option<bool>,
}

impl Trend {
    pub fn of(measure: &Measure) -> Trend {
        let values = &measure.values;
        let latest = values.last().map(|v| v.value);
        let change = match values.len() {
            0 | 1 => None,
            n => Some(values[n - 1].value - values[n - 2].value),
        };
        let better_way = change
            .filter(|c| *c != 0.0)
            .map(|c| measure.better.is_better(c));
        Trend {
            latest,
            change,
            better_way,
        }
    }
}
