//! `plan record MEASURE --period P --value V [--note TEXT]`: adds a value
//! of a measure, or replaces the one of the same period, through the same
//! checked, locked, comment-keeping write as `plan set`. A period of
//! another kind than the measure's other values is a `mixed-periods`
//! warning, printed.

use super::locked;
use crate::cli::DiagnosticFormat;
use crate::cli::RecordArgs;
use crate::context::Context;
use crate::dates::{self, TargetDate};
use crate::diag::{Finding, Severity};
use crate::edit::{self, MeasureRecord};
use crate::error::Error;
use crate::exit::Exit;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &RecordArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    if !args.value.is_finite() {
        return Err(Error::NotANumber { flag: "--value" }.into());
    }
    let (_lock, opened, (id, calendar), file) =
        locked::open_locked(&ctx.plan_dir()?, err, |plan| {
            let wanted = args.measure.trim();
            let Some(measure) = plan
                .measures
                .iter()
                .find(|m| crate::model::same_id(&m.id, wanted))
            else {
                Err(Error::NoMeasure {
                    id: wanted.to_string(),
                })?
            };
            Ok((
                (measure.id.clone(), plan.meta.calendar()),
                measure.loc.file(),
            ))
        })?;
    let interval = |text: &str| match dates::parse(text, &calendar) {
        Ok(TargetDate::Dated(interval)) => Some(interval),
        _ => None,
    };
    let Some(period) = interval(&args.period) else {
        return Err(Error::NotAPeriod {
            text: args.period.clone(),
        }
        .into());
    };
    let record = MeasureRecord {
        period: args.period.trim().to_string(),
        value: args.value,
        note: args.note.clone(),
    };
    let before = opened.sources.get(file).text.clone();
    let (after, replaced) =
        edit::record_value(&before, &id, &record, |p| interval(p) == Some(period))?;
    let name = crate::render::escape::line(&opened.sources.get(file).name).to_string();
    let Some(written) = locked::check_and_write(opened, file, after, err)? else {
        return Ok(Exit::Findings);
    };
    let mixed: Vec<_> = written
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Warning)
        .filter(|d| matches!(&d.finding, Finding::MixedPeriods { measure, .. } if *measure == id))
        .cloned()
        .collect();
    DiagnosticFormat::Human.render(err, &written.sources, &mixed, false)?;
    let how = if replaced { "replaced" } else { "added" };
    writeln!(
        out,
        "{id}: {} = {} {how} ({name})",
        record.period,
        crate::render::number::number(record.value)
    )?;
    Ok(Exit::Success)
}
