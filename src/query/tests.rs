//! The status rules of SPEC section 5 on small hand-made plans.

use super::*;
use crate::source::{SourceFile, Sources};

/// A plan of one card holding `tasks` (TOML `[[priority.action.task]]`s).
fn plan(tasks: &str) -> Plan {
    let text = format!(
        r#"
[plan]
title = "Test"
start = 2012-04-01
end = 2013-03-31

[[agency]]
id = "SWP"
name = "South Wales Police"

[[agency]]
id = "DIPP"
name = "Detective Inspector, Public Protection"
kind = "role"
part_of = "SWP"

[[agency]]
id = "SL"
name = "Safer Wales StreetLife"
kind = "team"

[card]
id = "EJ"
title = "Effective Justice"

[[priority]]
id = 1
title = "P"

[[priority.action]]
id = 1
title = "A"
{tasks}"#
    );
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::new("t.toml".into(), "t.toml".into(), text));
    let mut diagnostics = Vec::new();
    let raw = crate::read::read_file(file, &sources.get(file).text, &mut diagnostics);
    let plan = crate::validate::validate(vec![(file, raw)], &mut diagnostics);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity() == crate::diag::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    plan
}

fn task(id: &str, lead: &str, due: &str, extra: &str) -> String {
    format!(
        "\n[[priority.action.task]]\nid = \"{id}\"\ntext = \"t\"\nlead = [\"{lead}\"]\ndue = \"{due}\"\n{extra}\n"
    )
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn status_on(plan: &Plan, id: &str, as_of: &str) -> Status {
    let query = Query::new(plan, day(as_of));
    let task = plan.tasks().find(|t| t.id == id).unwrap();
    query.status(task)
}

#[test]
fn a_dated_task_is_overdue_the_day_after_its_deadline() {
    let p = plan(&task("a", "SWP", "Oct 2012", ""));
    let on_the_day = status_on(&p, "EJ-1.1.a", "2012-10-31");
    assert_eq!(on_the_day.state, State::Open);
    assert_eq!(on_the_day.deadline, Some(day("2012-10-31")));
    let after = status_on(&p, "EJ-1.1.a", "2012-12-01");
    assert_eq!(after.state, State::Overdue);
    assert_eq!(after.days_overdue, Some(31));
}

#[test]
fn only_blue_stops_a_task_being_overdue() {
    let p = plan(&format!(
        "{}{}",
        task("a", "SWP", "Summer 2012", "rag = \"green\""),
        task(
            "b",
            "SWP",
            "Summer 2012",
            "rag = \"blue\"\ndone = 2012-09-10"
        ),
    ));
    assert_eq!(
        status_on(&p, "EJ-1.1.a", "2012-12-01").state,
        State::Overdue
    );
    assert_eq!(status_on(&p, "EJ-1.1.b", "2012-12-01").state, State::Done);
}

#[test]
fn a_milestone_then_ongoing_task_is_overdue_only_while_unrated() {
    let p = plan(&format!(
        "{}{}{}",
        task("a", "SWP", "Summer 2012 & On-going", ""),
        task(
            "b",
            "SWP",
            "Summer 2012 & On-going",
            "rag = \"green\"\nupdated = 2012-11-01"
        ),
        task(
            "c",
            "SWP",
            "Summer 2012 & On-going",
            "rag = \"green\"\nupdated = 2012-07-01"
        ),
    ));
    assert_eq!(status_on(&p, "EJ-1.1.a", "2012-08-31").state, State::Open);
    let unrated = status_on(&p, "EJ-1.1.a", "2012-09-01");
    assert_eq!(unrated.state, State::Overdue);
    assert_eq!(unrated.days_overdue, Some(1));
    assert_eq!(status_on(&p, "EJ-1.1.b", "2012-12-01").state, State::Open);
    // Rated, but not reviewed for more than 92 days.
    assert_eq!(status_on(&p, "EJ-1.1.c", "2012-12-01").state, State::Stale);
}

#[test]
fn an_ongoing_task_goes_stale_not_overdue() {
    let p = plan(&format!(
        "{}{}",
        task("a", "SWP", "On-going", ""),
        task("b", "SWP", "On-going", "updated = 2012-10-01"),
    ));
    // Never reviewed: counted from the plan start, 2012-04-01.
    assert_eq!(status_on(&p, "EJ-1.1.a", "2012-07-02").state, State::Open);
    let stale = status_on(&p, "EJ-1.1.a", "2012-07-03");
    assert_eq!(stale.state, State::Stale);
    // ... and said to be never reviewed, not reviewed on the plan's first day.
    assert_eq!(stale.last_review, None);
    assert_eq!(status_on(&p, "EJ-1.1.b", "2012-12-01").state, State::Open);
}

#[test]
fn a_task_due_after_another_waits_then_falls_due() {
    let waiting = plan(&format!(
        "{}{}",
        task("a", "SWP", "By March 2013", ""),
        task("b", "SWP", "6 months after EJ-1.1.a", ""),
    ));
    let status = status_on(&waiting, "EJ-1.1.b", "2014-01-01");
    assert_eq!(status.state, State::Waiting);
    assert_eq!(status.deadline, None);

    let done = plan(&format!(
        "{}{}",
        task(
            "a",
            "SWP",
            "By March 2013",
            "rag = \"blue\"\ndone = 2012-08-31"
        ),
        task("b", "SWP", "6 months after EJ-1.1.a", ""),
    ));
    // 2012-08-31 + 6 months = 2013-02-28 (clamped).
    let before = status_on(&done, "EJ-1.1.b", "2013-02-28");
    assert_eq!(
        (before.state, before.deadline),
        (State::Open, Some(day("2013-02-28")))
    );
    let after = status_on(&done, "EJ-1.1.b", "2013-03-02");
    assert_eq!((after.state, after.days_overdue), (State::Overdue, Some(2)));
}

#[test]
fn a_task_with_no_target_date_is_open() {
    let p = plan(&task("a", "SWP", "TBC", ""));
    let status = status_on(&p, "EJ-1.1.a", "2020-01-01");
    assert_eq!((status.state, status.deadline), (State::Open, None));
}

#[test]
fn the_worst_rated_child_wins() {
    use Rag::*;
    assert_eq!(
        rollup([None, Some(Green), Some(Red), Some(Amber)]),
        Some(Red)
    );
    assert_eq!(rollup([Some(Blue), Some(Green)]), Some(Green));
    assert_eq!(rollup([Some(Blue), None]), Some(Blue));
    assert_eq!(rollup([None, None]), None);
    assert_eq!(rollup([]), None);
}

#[test]
fn an_agency_counts_the_tasks_of_its_parts_and_of_all() {
    let p = plan(&format!(
        "{}{}{}{}",
        task("a", "SWP", "TBC", ""),
        task("b", "DIPP", "TBC", ""),
        task("c", "SL", "TBC", ""),
        task("d", "all", "TBC", ""),
    ));
    let ids = |agency: &str| {
        let idx = p.agencies.iter().position(|a| a.id == agency).unwrap();
        let filter = LeadFilter::new(&p, idx);
        p.tasks()
            .filter(|t| filter.matches(t))
            .map(|t| t.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("SWP"), ["EJ-1.1.a", "EJ-1.1.b", "EJ-1.1.d"]);
    assert_eq!(ids("DIPP"), ["EJ-1.1.b"]);
    // A team is not an organisation: "all" does not name it.
    assert_eq!(ids("SL"), ["EJ-1.1.c"]);
}

#[test]
fn a_task_lies_within_its_action_priority_and_card_only() {
    assert!(within("EJ-1.1.a", "EJ-1.1.a"));
    assert!(within("EJ-1.1.a", "EJ-1.1"));
    assert!(within("EJ-1.1.a", "EJ-1"));
    assert!(within("EJ-1.1.a", "EJ"));
    assert!(!within("EJ-1.10.a", "EJ-1.1"));
    assert!(!within("EJ-11.1.a", "EJ-1"));
    assert!(!within("EJX-1.1.a", "EJ"));
}

#[test]
fn a_recurring_task_is_overdue_once_an_occurrence_passes_unreported() {
    let p = plan(&format!(
        "{}{}{}",
        task("a", "SWP", "Quarterly", ""),
        task("b", "SWP", "Quarterly", "updated = 2012-07-02"),
        task("c", "SWP", "April annually", "")
    ));
    // Q1 (April-June) has passed and a was never reviewed.
    let a = status_on(&p, "EJ-1.1.a", "2012-07-15");
    assert_eq!(a.state, State::Overdue);
    assert_eq!(a.deadline, Some(day("2012-06-30")));
    assert_eq!(a.days_overdue, Some(15));
    // b was updated after Q1 began: open, due by the end of Q2.
    let b = status_on(&p, "EJ-1.1.b", "2012-07-15");
    assert_eq!(b.state, State::Open);
    assert_eq!(b.deadline, Some(day("2012-09-30")));
    // An update during Q2 counts for Q2; Q3 passing unreported does not.
    assert_eq!(status_on(&p, "EJ-1.1.b", "2012-10-01").state, State::Open);
    assert_eq!(
        status_on(&p, "EJ-1.1.b", "2013-01-01").state,
        State::Overdue
    );
    // Within the first quarter nothing has been missed.
    assert_eq!(status_on(&p, "EJ-1.1.a", "2012-06-30").state, State::Open);
    let c = status_on(&p, "EJ-1.1.c", "2012-12-01");
    assert_eq!(c.state, State::Overdue);
    assert_eq!(c.deadline, Some(day("2012-04-30")));
}

#[test]
fn an_open_start_is_ongoing_from_its_day() {
    let p = plan(&task("a", "SWP", "From October 2012", ""));
    let before = status_on(&p, "EJ-1.1.a", "2012-09-01");
    assert_eq!(before.state, State::Open);
    assert_eq!(before.deadline, None);
    // Never overdue; stale once unreviewed for review_days from its start.
    assert_eq!(status_on(&p, "EJ-1.1.a", "2012-11-01").state, State::Open);
    let late = status_on(&p, "EJ-1.1.a", "2013-03-01");
    assert_eq!(late.state, State::Stale);
    // Never reviewed: said so, though staleness counts from 2012-10-01.
    assert_eq!(late.last_review, None);
}

// ---- history, revised targets, status beyond RAG (docs/history.md) ----

fn update(date: &str, rest: &str) -> String {
    format!("\n[[priority.action.task.update]]\ndate = {date}\n{rest}\n")
}

#[test]
fn the_latest_entry_gives_the_rag_note_and_last_review() {
    let p = plan(&format!(
        "{}{}{}{}",
        task("a", "SWP", "On-going", ""),
        update("2012-06-01", "rag = \"red\"\nnote = \"Stalled\""),
        update(
            "2012-11-01",
            "rag = \"green\"\nnote = \"Back on track\"\nby = \"SL\""
        ),
        task(
            "b",
            "SWP",
            "On-going",
            "updated = 2012-10-01\nnote = \"Old style\""
        ),
    ));
    let a = p.find_task("EJ-1.1.a").unwrap();
    assert_eq!(a.rag, Some(Rag::Green));
    assert_eq!(a.note(), Some("Back on track"));
    assert_eq!(a.updated, Some(day("2012-11-01")));
    assert_eq!(a.updates.len(), 2);
    assert_eq!(a.last_update().unwrap().by, Some(2));
    // The old single note and updated read as one entry.
    let b = p.find_task("EJ-1.1.b").unwrap();
    assert_eq!(b.updates.len(), 1);
    assert_eq!(b.updates[0].date, Some(day("2012-10-01")));
    assert_eq!(b.updates[0].note.as_deref(), Some("Old style"));
    assert_eq!(status_on(&p, "EJ-1.1.a", "2012-12-01").state, State::Open);
}

#[test]
fn an_on_hold_task_is_never_overdue() {
    let p = plan(&task(
        "a",
        "SWP",
        "Oct 2012",
        "status = \"on-hold\"\nstatus_reason = \"Funding review\"",
    ));
    assert_eq!(status_on(&p, "EJ-1.1.a", "2013-03-01").state, State::OnHold);
    assert_eq!(status_on(&p, "EJ-1.1.a", "2013-03-01").days_overdue, None);
}

#[test]
fn withdrawn_and_carried_forward_tasks_are_out_of_every_count() {
    let p = plan(&format!(
        "{}{}{}",
        task("a", "SWP", "Oct 2012", "rag = \"red\""),
        task(
            "b",
            "SWP",
            "Oct 2012",
            "rag = \"red\"\nstatus = \"withdrawn\"\nstatus_reason = \"Duplicated by EJ-1.1.a\""
        ),
        task(
            "c",
            "SL",
            "Oct 2012",
            "status = \"carried-forward\"\nstatus_reason = \"Next year\"\ncarried_to = \"Plan 2013-14\""
        ),
    ));
    assert_eq!(p.tasks().count(), 1);
    assert_eq!(p.all_tasks().count(), 3);
    assert_eq!(RagCounts::of(p.tasks().map(|t| t.rag)).total(), 1);
    let by_agency = tasks_by_agency(&p, p.tasks());
    assert_eq!(by_agency[2].len(), 0, "SL's only task is carried forward");
    let c = p.find_task("EJ-1.1.c").unwrap();
    assert_eq!(c.details().carried_to.as_deref(), Some("Plan 2013-14"));
}

#[test]
fn a_done_task_s_review_falls_due_after_next_review() {
    let p = plan(&task(
        "a",
        "SWP",
        "Oct 2012",
        "rag = \"blue\"\ndone = 2012-10-01\nnext_review = 2013-01-31",
    ));
    let task = p.find_task("EJ-1.1.a").unwrap();
    assert!(!Query::new(&p, day("2013-01-31")).review_due(task));
    assert!(Query::new(&p, day("2013-02-01")).review_due(task));
}

#[test]
fn a_revised_target_slips_and_can_be_judged_against_the_original() {
    let p = plan(&task(
        "a",
        "SWP",
        "Dec 2012",
        "original_due = \"Oct 2012\"\ndue_revisions = 2",
    ));
    let task = p.find_task("EJ-1.1.a").unwrap();
    let query = Query::new(&p, day("2012-12-01"));
    let deadline = query.status(task).deadline;
    assert_eq!(slipped(task, deadline), (Some(day("2012-10-31")), Some(61)));
    assert_eq!(query.status(task).state, State::Open);
    let original = Query::new(&p, day("2012-12-01")).against_original();
    let judged = original.status(task);
    assert_eq!(judged.state, State::Overdue);
    assert_eq!(judged.days_overdue, Some(31));
    assert_eq!(task.details().due_revisions, 2);
}

#[test]
fn accountability_is_the_mean_of_three_shares() {
    let p = plan(&format!(
        "{}{}{}{}",
        // Rated, reviewed and noted within the quarter.
        task("a", "SWP", "On-going", "rag = \"green\""),
        update("2012-11-01", "note = \"Met\""),
        // Rated long ago, no note since.
        task(
            "b",
            "SWP",
            "On-going",
            "rag = \"amber\"\nupdated = 2012-05-01"
        ),
        // Done: not open, but its update counts as the last of anything.
        task("c", "SWP", "Oct 2012", "rag = \"blue\"\ndone = 2012-11-20"),
    ));
    let query = Query::new(&p, day("2012-12-01"));
    let a = query.accountability(p.tasks());
    assert_eq!(a.open, 2);
    assert_eq!(a.rated, Some(1.0));
    assert_eq!(a.reviewed, Some(0.5));
    assert_eq!(a.noted, Some(0.5));
    assert_eq!(a.score, Some(67));
    assert_eq!(a.days_since_update, Some(11));
    let none = query.accountability(std::iter::empty());
    assert_eq!((none.score, none.days_since_update), (None, None));
}
