//! The checks that look across the plan once every card is read: ids named
//! by `after` dates, cards and recommendations, loops of tasks due after one
//! another, and the measures with their periods.

use super::{AfterRef, Seen, Validator};
use crate::dates::{self, Calendar, Interval, TargetDate};
use crate::diag::{Diagnostic, Finding};
use crate::file_format;
use crate::lang::Lang;
use crate::model::*;
use crate::raw::*;
use crate::source::Loc;
use crate::words::Words;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

pub(super) fn check(
    v: &mut Validator,
    plan: &mut Plan,
    raw_recommendations: Vec<RawRecommendation>,
    after_refs: Vec<AfterRef>,
) {
    let edges = after_tasks(v, plan, after_refs);
    dependency_cycles(v, plan, &edges);

    let measure_ids: HashMap<String, String> = plan
        .measures
        .iter()
        .map(|m| (id_key(&m.id), m.id.clone()))
        .collect();
    // A card's unknown measures were reported where it names them.
    let listed: HashSet<&String> = plan
        .cards
        .iter()
        .flat_map(|card| &card.measures)
        .filter_map(|id| measure_ids.get(&id_key(id)))
        .collect();
    for measure in &plan.measures {
        if !listed.contains(&measure.id) {
            v.report(Diagnostic::new(
                Finding::MeasureWithoutCard {
                    measure: measure.id.clone(),
                },
                measure.loc,
            ));
        }
    }

    plan.recommendations = recommendations(v, plan, raw_recommendations);
}

/// Resolves each `after` id to the task's own spelling; returns the edges
/// (task, task it waits for, where).
fn after_tasks(
    v: &mut Validator,
    plan: &mut Plan,
    after_refs: Vec<AfterRef>,
) -> Vec<(String, String, crate::source::Loc)> {
    let mut edges = Vec::new();
    for after in after_refs {
        let named = plan.find_task(&after.names).map(|t| t.id.clone());
        let event = (named.is_none())
            .then(|| {
                plan.events
                    .iter()
                    .find(|e| crate::model::same_id(&e.id, &after.names))
            })
            .flatten()
            .map(|e| e.id.clone());
        let [c, p, a, t] = after.at;
        let task = &mut plan.cards[c].priorities[p].actions[a].tasks[t];
        if let (Some(event), TargetDate::After { span, .. }) = (event, &task.target) {
            task.target = TargetDate::AfterEvent { span: *span, event };
            continue;
        }
        match (named, &task.target) {
            (Some(id), TargetDate::After { span, .. }) => {
                task.target = TargetDate::After {
                    span: *span,
                    task: id.clone(),
                };
                edges.push((after.task, id, after.loc));
            }
            _ => {
                task.target = TargetDate::Unset;
                v.report(Diagnostic::new(
                    Finding::UnknownAfterTask {
                        task: after.task.clone(),
                        names: after.names.clone(),
                    },
                    after.loc,
                ));
            }
        }
    }
    edges
}

/// Reports each loop of tasks due "after" one another once.
fn dependency_cycles(
    v: &mut Validator,
    plan: &mut Plan,
    edges: &[(String, String, crate::source::Loc)],
) {
    let next: HashMap<&str, (&str, crate::source::Loc)> = edges
        .iter()
        .map(|(from, to, loc)| (from.as_str(), (to.as_str(), *loc)))
        .collect();
    let mut done: HashSet<&str> = HashSet::new();
    let mut in_cycle: HashSet<String> = HashSet::new();
    for (start, _, _) in edges {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashMap<&str, usize> = HashMap::new();
        let mut at = start.as_str();
        loop {
            if done.contains(at) {
                break;
            }
            if let Some(&i) = on_path.get(at) {
                let cycle = &path[i..];
                let (_, loc) = next[cycle[0]];
                v.report(Diagnostic::new(
                    Finding::DependencyCycle {
                        cycle: cycle.iter().map(|s| s.to_string()).collect(),
                        waits: cycle[1..].iter().map(|other| next[other].1).collect(),
                    },
                    loc,
                ));
                in_cycle.extend(cycle.iter().map(|s| s.to_string()));
                break;
            }
            on_path.insert(at, path.len());
            path.push(at);
            match next.get(at) {
                Some((to, _)) => at = to,
                None => break,
            }
        }
        done.extend(path);
    }
    // A task in a loop can never be due: the model keeps it without a date.
    if in_cycle.is_empty() {
        return;
    }
    for card in &mut plan.cards {
        for task in card
            .priorities
            .iter_mut()
            .flat_map(|p| &mut p.actions)
            .flat_map(|a| &mut a.tasks)
        {
            if in_cycle.contains(&task.id) {
                task.target = TargetDate::Unset;
            }
        }
    }
}

/// The plan's events, each id once.
pub(super) fn events(v: &mut Validator, raw: Vec<RawEvent>, languages: &[Lang]) -> Vec<Event> {
    let mut seen = Seen::new("event");
    let mut events = Vec::with_capacity(raw.len());
    for event in raw {
        if event.id.value.trim().is_empty() || event.id.value.contains(char::is_whitespace) {
            v.report(Diagnostic::new(
                Finding::BadId {
                    what: "event",
                    id: event.id.value.clone(),
                },
                event.id.loc,
            ));
            continue;
        }
        if !seen.first(v, &event.id.value, event.id.loc) {
            continue;
        }
        let title = [("title", Some(event.title.loc))];
        let translations = v.translations(languages, event.twins, &file_format::EVENT, &title);
        events.push(Event {
            translations,
            id: event.id.value,
            title: event.title.value,
            date: event.date.map(|d| d.value),
            loc: event.loc,
        });
    }
    events
}

fn recommendations(
    v: &mut Validator,
    plan: &Plan,
    raw: Vec<RawRecommendation>,
) -> Vec<Recommendation> {
    if raw.is_empty() {
        return Vec::new();
    }
    // Cards, priorities and actions; tasks are found by their path.
    let mut deliverables: HashMap<String, String> = HashMap::new();
    for card in &plan.cards {
        deliverables.insert(id_key(&card.id), card.id.clone());
        for priority in &card.priorities {
            deliverables.insert(id_key(&priority.id), priority.id.clone());
            for action in &priority.actions {
                deliverables.insert(id_key(&action.id), action.id.clone());
            }
        }
    }
    let mut seen = Seen::new("recommendation");
    let mut recommendations = Vec::new();
    for rec in raw {
        if !seen.first(v, &rec.id.value, rec.id.loc) {
            continue;
        }
        let Some(response) = Response::parse(&rec.response.value) else {
            v.report(Diagnostic::new(
                Finding::BadResponse {
                    response: rec.response.value.clone(),
                    names: <Response as Words>::WORDS,
                },
                rec.response.loc,
            ));
            continue;
        };
        let mut actions = Vec::new();
        for named in &rec.actions {
            let found = deliverables
                .get(&id_key(&named.value))
                .cloned()
                .or_else(|| plan.find_task(&named.value).map(|t| t.id.clone()));
            match found {
                Some(id) => actions.push(id),
                None => v.report(Diagnostic::new(
                    Finding::UnknownDeliverable {
                        recommendation: rec.id.value.clone(),
                        name: named.value.clone(),
                    },
                    named.loc,
                )),
            }
        }
        let delivers = response.delivers();
        if delivers && rec.actions.is_empty() {
            v.report(Diagnostic::new(
                Finding::UntrackedRecommendation {
                    recommendation: rec.id.value.clone(),
                    response: response.as_str(),
                },
                rec.id.loc,
            ));
        }
        let bases = [
            ("text", Some(rec.text.loc)),
            ("response_text", rec.response_text.as_ref().map(|t| t.loc)),
        ];
        let translations = v.translations(
            &plan.meta.languages,
            rec.twins,
            &file_format::RECOMMENDATION,
            &bases,
        );
        recommendations.push(Recommendation {
            translations,
            id: rec.id.value,
            text: rec.text.value,
            response,
            response_text: rec.response_text.map(|t| t.value),
            owner: rec.owner.map(|o| o.value),
            actions,
        });
    }
    recommendations
}

pub(super) fn measures(
    v: &mut Validator,
    raw: Vec<RawMeasure>,
    calendar: &Calendar,
    languages: &[Lang],
) -> Vec<Measure> {
    let mut seen = Seen::new("measure");
    let mut measures = Vec::new();
    for m in raw {
        if !seen.first(v, &m.id.value, m.id.loc) {
            continue;
        }
        let better = match &m.better {
            // The reader reports a measure with no `better` (a required key).
            None => Better::Higher,
            Some(b) => match Better::parse(&b.value) {
                Some(better) => better,
                None => {
                    v.report(Diagnostic::new(
                        Finding::BadBetter {
                            better: b.value.clone(),
                        },
                        b.loc,
                    ));
                    Better::Higher
                }
            },
        };
        let mut periods: HashMap<(NaiveDate, NaiveDate), Loc> = HashMap::new();
        let mut values = Vec::new();
        let mut kinds = Vec::new();
        for value in m.values {
            let Some((period, value)) = measure_value(v, value, calendar) else {
                continue;
            };
            let span = (value.interval.from, value.interval.to);
            match periods.get(&span) {
                Some(&first) => v.report(Diagnostic::new(
                    Finding::DuplicatePeriod {
                        measure: m.id.value.clone(),
                        from: span.0,
                        to: span.1,
                        period: value.period.to_string(),
                        first,
                    },
                    period.loc,
                )),
                None => {
                    periods.insert(span, period.loc);
                    kinds.push((period.loc, period_kind(&value.interval)));
                    values.push(value);
                }
            }
        }
        mixed_periods(v, &m.id.value, &values, &kinds);
        // A curve runs in time order, whatever order the file lists it in.
        values.sort_by_key(|v| (v.interval.from, v.interval.to));
        let target = m
            .target
            .and_then(|t| measure_value(v, t, calendar))
            .map(|(_, value)| value);
        let title = [("title", Some(m.title.loc))];
        let translations = v.translations(languages, m.twins, &file_format::MEASURE, &title);
        measures.push(Measure {
            translations,
            id: m.id.value,
            title: m.title.value,
            better,
            unit: m.unit.map(|u| u.value),
            values,
            target,
            loc: m.loc,
        });
    }
    measures
}

/// What kind of period an interval is: a day, month, quarter, year, or
/// some other span.
pub fn period_kind(interval: &crate::dates::Interval) -> &'static str {
    use chrono::Datelike;
    if interval.from == interval.to {
        return "day";
    }
    let Some(next) = interval.to.succ_opt() else {
        return "period";
    };
    if interval.from.day() != 1 || next.day() != 1 {
        return "period";
    }
    let months = (next.year() - interval.from.year()) * 12 + next.month() as i32
        - interval.from.month() as i32;
    match months {
        1 => "month",
        3 => "quarter",
        12 => "year",
        _ => "period",
    }
}

/// Warns of each value whose period is of another kind than most of the
/// measure's (a month among quarters): its curve would not compare like
/// with like.
fn mixed_periods(
    v: &mut Validator,
    measure: &str,
    values: &[MeasureValue],
    kinds: &[(Loc, &'static str)],
) {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for (_, kind) in kinds {
        match counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    // The most common kind; on a tie, the first written.
    let Some(&(usual, _)) = counts.iter().rev().max_by_key(|(_, n)| *n) else {
        return;
    };
    for ((loc, kind), value) in kinds.iter().zip(values) {
        if *kind != usual {
            v.report(Diagnostic::new(
                Finding::MixedPeriods {
                    measure: measure.to_string(),
                    period: value.period.clone(),
                    kind,
                    others: usual,
                },
                *loc,
            ));
        }
    }
}

/// A measure's value with its period resolved: (the period as written, value).
fn measure_value(
    v: &mut Validator,
    raw: RawMeasureValue,
    calendar: &Calendar,
) -> Option<(Spanned<RawWhen>, MeasureValue)> {
    let (text, interval) = match &raw.period.value {
        RawWhen::Date(d) => (d.to_string(), Interval { from: *d, to: *d }),
        RawWhen::Text(text) => {
            // A measure's period is written out: no year assumed, no words around it.
            let parsed = dates::read(text, calendar);
            match parsed {
                Ok(dates::Reading {
                    target: TargetDate::Dated(interval),
                    notes,
                }) if notes.is_empty() => (text.clone(), interval),
                _ => {
                    v.report(Diagnostic::new(
                        Finding::BadPeriod {
                            text: text.to_string(),
                        },
                        raw.period.loc,
                    ));
                    return None;
                }
            }
        }
    };
    Some((
        raw.period,
        MeasureValue {
            period: text,
            interval,
            value: raw.value.value,
            note: raw.note.map(|n| n.value),
        },
    ))
}
