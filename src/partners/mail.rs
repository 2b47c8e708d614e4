//! The message that goes with a request sheet: a plain-text body (greeting,
//! counts, the overdue and stale tasks with their last note, what to do
//! with the sheet, the reply-by day), as an RFC 5322 draft with the sheet
//! attached (`X-Unsent: 1`, so Outlook opens it for sending), or as
//! Markdown for those who send their mail another way.

use super::requests::{Made, Request, Why};
use super::words::{BETWEEN, Languages, text_in};
use crate::address;
use crate::catalogue::Catalogue;
use crate::lang::Lang;
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
    // A plan of one language, with no agency stating one, is sent as
    // before the plan had languages.
    if !made.plan.meta.languages.is_empty() || agency.language.is_some() {
        let languages = content_language(made, request);
        message = message.header("Content-Language", Raw::new(languages));
    }
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

/// The subject in each of the request's languages, the first first.
pub fn subject(made: &Made, request: &Request) -> String {
    let agency = &made.plan.agencies[request.agency];
    let langs = Languages::of(made.plan, agency);
    langs
        .langs
        .iter()
        .map(|lang| subject_in(made, request, *lang))
        .collect::<Vec<_>>()
        .join(BETWEEN)
}

/// A day as the message's language writes it: ISO in English, as the
/// requests always have; in words in Welsh ("24 Chwefror 2025").
fn day_in(lang: Lang, day: chrono::NaiveDate) -> String {
    match lang {
        Lang::En => day.to_string(),
        Lang::Cy => Catalogue::of(lang).day_in_words(day),
    }
}

fn subject_in(made: &Made, request: &Request, lang: Lang) -> String {
    let plan = made.plan;
    let agency = &plan.agencies[request.agency];
    let title = text_in(
        lang,
        plan.meta.first_language(),
        &plan.meta.translations,
        "title",
        &plan.meta.title,
    );
    let reply_by = day_in(lang, made.reply_by);
    Catalogue::of(lang).msg_with(
        "partners-subject",
        &[
            ("plan", one_line(&title).as_str().into()),
            ("agency", one_line(&agency.id).as_str().into()),
            ("reply_by", reply_by.as_str().into()),
        ],
    )
}

/// The `Content-Language` of a request's message: "cy", "cy, en".
pub fn content_language(made: &Made, request: &Request) -> String {
    let agency = &made.plan.agencies[request.agency];
    let langs = Languages::of(made.plan, agency).langs;
    langs
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text from the plan on one line: a header or a list line cannot be broken.
fn one_line(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    escape::line(&text).into_owned()
}

/// The body: plain text, or Markdown (`markdown`), every plan text
/// escaped; in each of the request's languages, the first first.
pub fn body(made: &Made, request: &Request, sheet_name: &str, markdown: bool) -> String {
    let agency = &made.plan.agencies[request.agency];
    let langs = Languages::of(made.plan, agency).langs;
    let between = if markdown { "\n---\n\n" } else { "\n----\n\n" };
    langs
        .iter()
        .map(|lang| body_in(made, request, sheet_name, markdown, *lang))
        .collect::<Vec<_>>()
        .join(between)
}

/// The body in one language.
fn body_in(made: &Made, request: &Request, sheet_name: &str, markdown: bool, lang: Lang) -> String {
    let plan = made.plan;
    let cat = Catalogue::of(lang);
    let first = plan.meta.first_language();
    let agency = &plan.agencies[request.agency];
    let show = |text: &str| {
        let line = one_line(text);
        if markdown {
            escape::markdown(&line)
        } else {
            line
        }
    };
    let name = text_in(lang, first, &agency.translations, "name", &agency.name);
    let title = text_in(
        lang,
        first,
        &plan.meta.translations,
        "title",
        &plan.meta.title,
    );
    let greeting = agency.contact.clone().unwrap_or_else(|| name.clone());
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("# {}\n\n", show(&subject_in(made, request, lang))));
    }
    let (greeting, as_of) = (show(&greeting), day_in(lang, made.as_of));
    out.push_str(&cat.msg_with("partners-dear", &[("name", greeting.as_str().into())]));
    out.push_str("\n\n");
    let (name, title) = (show(&name), show(&title));
    out.push_str(&cat.msg_with(
        "partners-counts",
        &[
            ("agency", name.as_str().into()),
            ("count", request.tasks.len().into()),
            ("plan", title.as_str().into()),
            ("as_of", as_of.as_str().into()),
            ("overdue", request.count(Why::Overdue).into()),
            ("stale", request.count(Why::Stale).into()),
            ("soon", request.count(Why::DueSoon).into()),
        ],
    ));
    out.push('\n');
    for (why, heading) in [
        (Why::Overdue, cat.msg("partners-overdue")),
        (Why::Stale, cat.msg("partners-not-reviewed")),
    ] {
        let how = How {
            lang,
            first,
            markdown,
            show: &show,
        };
        section(&mut out, request, why, heading, &how);
    }
    let (sheet, reply_by) = (show(sheet_name), day_in(lang, made.reply_by));
    out.push('\n');
    out.push_str(&cat.msg_with(
        "partners-what-to-do",
        &[
            ("sheet", sheet.as_str().into()),
            ("reply_by", reply_by.as_str().into()),
        ],
    ));
    let owner = show(plan.meta.owner.as_deref().unwrap_or(&title));
    out.push_str(&format!("\n\n{}\n{owner}\n", cat.msg("partners-thanks")));
    out
}

/// How a body is written: its language, the plan's first, Markdown or
/// not, and how a plan text is shown on one line.
struct How<'a> {
    lang: Lang,
    first: Lang,
    markdown: bool,
    show: &'a dyn Fn(&str) -> String,
}

/// The tasks asked about for `why`, each with its last note.
fn section(out: &mut String, request: &Request, why: Why, heading: &str, how: &How) {
    let How {
        lang,
        first,
        markdown,
        show,
    } = *how;
    let tasks: Vec<_> = request.tasks.iter().filter(|t| t.2 == why).collect();
    if tasks.is_empty() {
        return;
    }
    out.push_str(&if markdown {
        format!("\n## {heading}\n\n")
    } else {
        format!("\n{heading}:\n")
    });
    let cat = Catalogue::of(lang);
    for (task, status, _) in tasks {
        let when = match (status.days_overdue, status.last_review, status.deadline) {
            (Some(days), _, Some(deadline)) => cat.msg_with(
                "partners-due-overdue",
                &[
                    ("deadline", day_in(lang, deadline).as_str().into()),
                    ("days", days.into()),
                ],
            ),
            (_, Some(review), _) => cat.msg_with(
                "partners-last-reviewed",
                &[("day", day_in(lang, review).as_str().into())],
            ),
            (_, None, _) if status.state == State::Stale => {
                cat.msg("partners-never-reviewed").to_string()
            }
            _ => cat.msg("partners-open").to_string(),
        };
        let twins = super::words::note_twins(task);
        let note = task
            .note()
            .map(|note| text_in(lang, first, twins, "note", note));
        let note = match (note.as_deref(), task.updated) {
            (Some(note), Some(day)) => cat.msg_with(
                "partners-last-note-on",
                &[
                    ("day", day_in(lang, day).as_str().into()),
                    ("note", show(note).as_str().into()),
                ],
            ),
            (Some(note), None) => cat.msg_with(
                "partners-last-note",
                &[("note", show(note).as_str().into())],
            ),
            (None, _) => cat.msg("partners-no-note").to_string(),
        };
        let id = show(&task.id);
        let text = show(&text_in(
            lang,
            first,
            &task.translations,
            "text",
            &task.text,
        ));
        out.push_str(&if markdown {
            format!("- **{id}** {text} ({when})  \n  {note}\n")
        } else {
            format!("- {id} {text} ({when})\n    {note}\n")
        });
    }
}
