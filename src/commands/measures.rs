//! `plan measures`: each curve to turn, its latest value, the change since
//! the value before, whether that change goes the better way, and a
//! sparkline of the whole curve.

use super::shared;
use crate::catalogue::Catalogue;
use crate::cli::ListArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Measure;
use crate::plan_texts::PlanTexts;
use crate::render::chart::sparkline;
use crate::render::number::number;
use crate::render::report::{Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.lang.lang);
    let mut table = Table::new(vec![
        Column::new("id", cat.msg("column-id")),
        Column::prose("title", cat.msg("column-measure")),
        Column::new("better", cat.msg("column-better")),
        Column::new("latest_period", cat.msg("column-latest")),
        Column::machine("latest"),
        Column::people("latest_value", cat.msg("column-value")),
        Column::machine("change"),
        Column::people("change_text", cat.msg("column-change")),
        Column::new("better_way", cat.msg("column-better-way")),
        Column::people("curve", cat.msg("column-curve")),
        Column::new("target", cat.msg("column-target")),
        Column::new("cards", cat.msg("column-cards")),
    ])
    .when_empty(cat.msg("measures-none"));
    for measure in &plan.measures {
        let trend = Trend::of(measure);
        let cards = plan.cards_listing(&measure.id);
        let values: Vec<f64> = measure.values.iter().map(|v| v.value).collect();
        table.rows.push(vec![
            Cell::text(&measure.id),
            PlanTexts::new(plan, args.lang.lang).cell(
                &measure.translations,
                "title",
                &measure.title,
            ),
            Cell::Word {
                shown: match measure.better {
                    crate::model::Better::Higher => cat.msg("better-higher"),
                    crate::model::Better::Lower => cat.msg("better-lower"),
                },
                machine: measure.better.as_str(),
            },
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
            Cell::YesNo(
                trend.better_way,
                [cat.msg("answer-yes"), cat.msg("answer-no")],
            ),
            Cell::text(sparkline(&values)),
            Cell::opt_text(
                measure
                    .target
                    .as_ref()
                    .map(|t| {
                        let value = number(t.value);
                        cat.msg_with(
                            "target-by",
                            &[
                                ("value", value.as_str().into()),
                                ("period", (&t.period).into()),
                            ],
                        )
                    })
                    .as_deref(),
            ),
            Cell::List(cards),
        ]);
    }
    let report = Report {
        heading: shared::heading(cat, plan, cat.msg("measures-what"), ctx.as_of, None),
        tables: vec![table],
        notes: vec![cat.msg("measures-note").into()],
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
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
