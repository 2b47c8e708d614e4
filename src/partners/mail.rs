//! The message that goes with a request sheet: a plain-text body (greeting,
//! counts, the overdue and stale tasks with their last note, what to do
//! with the sheet, the reply-by day), as an RFC 5322 draft with the sheet
//! attached (`X-Unsent: 1`, so Outlook opens it for sending), or as
//! Markdown for those who send their mail another way.

use super::requests::{Made, Request, Why};
use crate::address;
use crate::query::State;
use crate::render::escape;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The draft message to the agency's `email` (none: no `To:`), with the sheet.
pub fn message(
    made: &Made,
    request: &Request,
    from: Option<&str>,
    sheet_name: &str,
    sheet: Vec<u8>,
) -> std::io::Result<Vec<u8>> {
    let agency = &made.plan.agencies[request.agency];
    let mut message = MessageBuilder::new()
        .subject(subject(made, request))
        .header("X-Unsent", Raw::new("1"))
        .date(as_of_timestamp(made))
        .text_body(body(made, request, sheet_name, false))
        .attachment(XLSX_TYPE, sheet_name.to_string(), sheet);
    if let Some(from) = from.and_then(address::parse) {
        let name = from.name.map(|n| one_line(&n));
        message = message.from(Address::new_address(name, from.addr));
    }
    // `addr` or `Name <addr>`, each its own name or the contact's; one that
    // is neither is left out (`plan check` says `bad-email`).
    let greeting = one_line(agency.contact.as_deref().unwrap_or(&agency.name));
    let to: Vec<Address> = agency
        .email
        .iter()
        .filter_map(|email| address::parse(email))
        .map(|a| {
            let name = a.name.map_or_else(|| greeting.clone(), |n| one_line(&n));
            Address::new_address(Some(name), a.addr)
        })
        .collect();
    if !to.is_empty() {
        message = message.to(Address::new_list(to));
    }
    message.write_to_vec()
}

/// Noon of the as-of day, so the draft's date is the round's day.
fn as_of_timestamp(made: &Made) -> i64 {
    made.as_of
        .and_hms_opt(12, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp())
}

pub fn subject(made: &Made, request: &Request) -> String {
    let agency = &made.plan.agencies[request.agency];
    format!(
        "{}: your update for {} by {}",
        one_line(&made.plan.meta.title),
        one_line(&agency.id),
        made.reply_by
    )
}

/// Text from the plan on one line: a header or a list line cannot be broken.
fn one_line(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    escape::line(&text).into_owned()
}

/// The body: plain text, or Markdown (`markdown`), every plan text escaped.
pub fn body(made: &Made, request: &Request, sheet_name: &str, markdown: bool) -> String {
    let plan = made.plan;
    let agency = &plan.agencies[request.agency];
    let show = |text: &str| {
        let line = one_line(text);
        if markdown {
            escape::markdown(&line)
        } else {
            line
        }
    };
    let greeting = agency.contact.as_deref().unwrap_or(&agency.name);
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("# {}\n\n", show(&subject(made, request))));
    }
    out.push_str(&format!("Dear {},\n\n", show(greeting)));
    out.push_str(&format!(
        "{} leads {} of {} (as of {}): {} overdue, {} not reviewed lately, {} due soon.\n",
        show(&agency.name),
        crate::words::count(request.tasks.len(), "open task"),
        show(&plan.meta.title),
        made.as_of,
        request.count(Why::Overdue),
        request.count(Why::Stale),
        request.count(Why::DueSoon),
    ));
    for (why, heading) in [
        (Why::Overdue, "Overdue"),
        (Why::Stale, "Not reviewed lately"),
    ] {
        section(&mut out, request, why, heading, markdown, &show);
    }
    out.push_str(&format!(
        "\nWhat to do: open the attached sheet {}. For each task that moved, pick a New RAG \
         (red, amber, green, or blue when it is complete), write a Progress note (what happened, \
         what is next; at most 2,000 characters) and, when it is complete, the day in Done on. \
         For a task you reviewed where nothing moved, pick No change. Leave the other columns \
         as they are. Save it and send it back by {}.\n\nThank you,\n{}\n",
        show(sheet_name),
        made.reply_by,
        show(plan.meta.owner.as_deref().unwrap_or(&plan.meta.title)),
    ));
    out
}

/// The tasks asked about for `why`, each with its last note.
fn section(
    out: &mut String,
    request: &Request,
    why: Why,
    heading: &str,
    markdown: bool,
    show: &dyn Fn(&str) -> String,
) {
    let tasks: Vec<_> = request.tasks.iter().filter(|t| t.2 == why).collect();
    if tasks.is_empty() {
        return;
    }
    out.push_str(&if markdown {
        format!("\n## {heading}\n\n")
    } else {
        format!("\n{heading}:\n")
    });
    for (task, status, _) in tasks {
        let when = match (status.days_overdue, status.last_review, status.deadline) {
            (Some(days), _, Some(deadline)) => format!(
                "due {deadline}, {} overdue",
                crate::words::count(days, "day")
            ),
            (_, Some(review), _) => format!("last reviewed {review}"),
            (_, None, _) if status.state == State::Stale => "never reviewed".to_string(),
            _ => "open".to_string(),
        };
        let note = match (task.note(), task.updated) {
            (Some(note), Some(day)) => format!("last note ({day}): {}", show(note)),
            (Some(note), None) => format!("last note: {}", show(note)),
            (None, _) => "no note yet".to_string(),
        };
        let id = show(&task.id);
        let text = show(&task.text);
        out.push_str(&if markdown {
            format!("- **{id}** {text} ({when})  \n  {note}\n")
        } else {
            format!("- {id} {text} ({when})\n    {note}\n")
        });
    }
}
