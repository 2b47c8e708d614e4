//! iCalendar (RFC 5545): one all-day event per open task with a deadline.
//! Lines end CRLF and fold at 75 octets; text escapes `\`, `;`, `,` and new
//! lines (`escape::ics`); each event's UID comes from its task id, so
//! importing the file again updates the events instead of doubling them.
//! A DATE has four digits of year: a day outside 0000-9999 has no event.

use super::escape::ics as text;
use chrono::{Datelike, Days, NaiveDate};
use std::fmt::Write;

pub struct Event {
    /// The task's full id, the stable part of the UID.
    pub task: String,
    pub summary: String,
    pub description: String,
    pub day: NaiveDate,
}

/// The calendar; `stamp` is the DTSTAMP of every event (the as-of day, so
/// the same plan gives the same file).
pub fn calendar(name: &str, events: &[Event], stamp: NaiveDate, domain: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//plan//action plan deadlines//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("X-WR-CALNAME:{}", text(name)),
    ];
    for event in events.iter().filter(|e| holds(e.day)) {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@{}", uid_part(&event.task), uid_part(domain)),
            format!("DTSTAMP:{}T000000Z", date(stamp.min(MAX_DAY).max(MIN_DAY))),
            format!("DTSTART;VALUE=DATE:{}", date(event.day)),
        ]);
        // Without DTEND an all-day event lasts one day (RFC 5545 3.6.1):
        // said outright, except on 9999-12-31, whose next day has no DATE.
        if let Some(next) = event
            .day
            .checked_add_days(Days::new(1))
            .filter(|d| holds(*d))
        {
            lines.push(format!("DTEND;VALUE=DATE:{}", date(next)));
        }
        lines.extend([
            format!("SUMMARY:{}", text(&event.summary)),
            format!("DESCRIPTION:{}", text(&event.description)),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in lines {
        fold(&mut out, &line);
    }
    out
}

const MIN_DAY: NaiveDate = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
const MAX_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();

/// Whether a calendar can hold `day`: a DATE is `YYYYMMDD`, years 0000-9999.
pub fn holds(day: NaiveDate) -> bool {
    (0..=9999).contains(&day.year())
}

fn date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// ASCII letters, digits, `.`, `-`, `_` as they are; every other byte as
/// `%XX`, so a UID part needs no escaping and two ids never share one
/// (`DŴR-1.1.a` and `DÂR-1.1.a`).
fn uid_part(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Writes a content line folded at 75 octets (never inside a character), CRLF-ended.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn long_lines_fold_and_text_escapes() {
        let events = [Event {
            task: "EJ-1.1.a".into(),
            summary: "EJ-1.1.a Meet sergeants; brief them, then report \\ repeat".into(),
            description: "Leads: SL, NE\nDue: Summer 2012 & On-going — and a long tail of words to fold the line over".into(),
            day: day("2012-08-31"),
        }];
        let ics = calendar("Plan", &events, day("2012-12-01"), "example.org");
        assert!(ics.contains("UID:EJ-1.1.a@example.org\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20120831\r\nDTEND;VALUE=DATE:20120901\r\n"));
        assert!(
            ics.contains(
                "SUMMARY:EJ-1.1.a Meet sergeants\\; brief them\\, then report \\\\ repeat"
            )
        );
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        // Unfolding gives back the escaped description.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(
            "DESCRIPTION:Leads: SL\\, NE\\nDue: Summer 2012 & On-going — and a long tail"
        ));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn days_a_calendar_cannot_hold_have_no_event() {
        let event = |task: &str, day: NaiveDate| Event {
            task: task.into(),
            summary: format!("{task}\u{b}\u{c}\u{1b}[2J"),
            description: "d".into(),
            day,
        };
        let events = [
            event("far", NaiveDate::from_ymd_opt(10000, 4, 1).unwrap()),
            event("last", day("9999-12-31")),
            event("near", day("2012-08-31")),
        ];
        let ics = calendar("Plan", &events, day("2012-12-01"), "example.org");
        assert!(!ics.contains("far") && !ics.contains("+10000"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:99991231\r\nSUMMARY:last[2J\r\n"));
        assert!(ics.contains("SUMMARY:near[2J\r\n"));
        assert!(!holds(NaiveDate::from_ymd_opt(-1, 1, 1).unwrap()));
        assert!(holds(day("0000-01-01")) && holds(day("9999-12-31")));
    }
}
