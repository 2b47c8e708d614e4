//! The target-date grammar (SPEC section 4): the text a plan writes in a
//! task's `due` ("Summer 2012 & On-going", "Within 3-6 months", "ASAP")
//! turned into an interval and a kind. Pure: the only context is the plan's
//! calendar (its start, `asap_days` and the first month of its financial year).

mod holidays;
mod periods;
mod recurring;
mod tokens;
mod welsh;
mod words;

use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt;

use periods::*;
pub use recurring::Recurrence;
use tokens::*;

/// What the plan's `[plan]` table says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    pub start: NaiveDate,
    /// The plan's last day: a date written without its year falls in start..end.
    pub end: NaiveDate,
    pub asap_days: u32,
    /// First month (1-12) of the financial year.
    pub year_start: u32,
}

/// A closed range of days: the deadline is `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    /// Monday to Friday, less the bank holidays of England and Wales.
    WorkingDay,
    Week,
    Month,
    Year,
}

/// A span of time such as "6 months" or "2 weeks".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub amount: u32,
    pub unit: Unit,
}

/// A task's target date, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetDate {
    /// `TBC` or no `due` at all.
    Unset,
    /// `On-going`: never overdue, but may go stale.
    Ongoing,
    /// A period, a relative span, `ASAP`, `End of 2012` ...
    Dated(Interval),
    /// `Summer 2012 & On-going`: a first delivery, then ongoing.
    MilestoneThenOngoing(Interval),
    /// `6 months after EJ-4.3.a`: counted from that task's `done` date.
    /// (The grammar cannot tell a task from an event: validation turns an
    /// event's id into `AfterEvent`.)
    After { span: Span, task: String },
    /// `10 working days after notification`: counted from an `[[event]]`'s date.
    AfterEvent { span: Span, event: String },
    /// `From April 2012`, `April 2012 onwards`: ongoing from that day.
    OngoingFrom(NaiveDate),
    /// `Quarterly`, `April annually`, `By April 2013 and updated monthly`.
    Recurring(Recurrence),
}

impl TargetDate {
    /// What kind of target it is, as JSON and CSV rows name it.
    pub fn kind(&self) -> &'static str {
        match self {
            TargetDate::Unset => "unset",
            TargetDate::Ongoing | TargetDate::OngoingFrom(_) => "ongoing",
            TargetDate::Dated(_) => "dated",
            TargetDate::MilestoneThenOngoing(_) => "milestone",
            TargetDate::Recurring(r) if r.milestone.is_some() => "milestone",
            TargetDate::Recurring(_) => "recurring",
            TargetDate::After { .. } | TargetDate::AfterEvent { .. } => "after",
        }
    }

    /// The day by which the task (or its first milestone) is due, if any.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            TargetDate::Dated(i) | TargetDate::MilestoneThenOngoing(i) => Some(i.to),
            TargetDate::Recurring(r) => r.milestone.map(|m| m.to),
            _ => None,
        }
    }

    pub fn interval(&self) -> Option<Interval> {
        match self {
            TargetDate::Dated(i) | TargetDate::MilestoneThenOngoing(i) => Some(*i),
            _ => None,
        }
    }
}

/// The text fits no form of the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub text: String,
    pub reason: String,
    /// The nearest form, when one is near (`did you mean Summer 2012?`).
    pub help: Option<String>,
}

/// What the reader had to guess to read a text: `plan check` warns of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The date was read out of words: the parts read (the deadline is the last).
    InWords { read: Vec<String> },
    /// A date written without its year: the interval taken, inside the plan's period.
    YearAssumed { written: String, interval: Interval },
    /// A status (`Completed`) written where the target date goes.
    Status(String),
    /// A range of years read as financial years: the last day taken.
    RangeEndAssumed {
        written: String,
        end: NaiveDate,
        calendar_end: NaiveDate,
    },
}

/// A `due` text read: the target date and what was guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub target: TargetDate,
    pub notes: Vec<Note>,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A pasted paragraph is quoted by its start only.
        let mut quoted: String = self.text.chars().take(80).collect();
        if quoted.len() < self.text.len() {
            quoted.push('…');
        }
        write!(f, "`{quoted}` is not a target date: {}", self.reason)
    }
}

/// The forms a `due` text may take, for help messages and `--help`.
pub const ACCEPTED_FORMS: &str = "a date (2012-10-15, 15 October 2012, 31/03/2013), \
a month (Oct 2012, Mar-13), a season (Summer 2012), a quarter (Q3 2012, Q1 2012-13), \
a year (2012, 2012-13, Mid 2013), `End of 2012` / `By March 2013`, a range (December 2012 – March 2013, \
Summer/Autumn 2012), a span from the plan start (6 months, six months, 10 working days), \
`ASAP`/`Immediate`, `On-going`, `From April 2012`, a period then `& On-going`, \
a cadence (Quarterly, April annually), `6 months after EJ-4.3.a` (a task) or \
`6 months after exec-decision` (an [[event]]), or `TBC`";

/// A day as a person types one for `plan` (on the command line, or where
/// a plan file wants a day): `YYYY-MM-DD`, blanks around it ignored. The
/// one reader of a day; the error says how to write one.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| {
        let shaped = trimmed.len() == 10
            && trimmed.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if shaped {
            format!("{trimmed} is not a day of the calendar")
        } else {
            format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2012-12-01")
        }
    })
}

/// Parses a `due` text.
pub fn parse(text: &str, calendar: &Calendar) -> Result<TargetDate, DateError> {
    read(text, calendar).map(|reading| reading.target)
}

/// Reads a `due` text, with the notes on what had to be guessed.
pub fn read(text: &str, calendar: &Calendar) -> Result<Reading, DateError> {
    let trimmed = text.trim();
    let mut notes = Vec::new();
    match read_text(trimmed, calendar, &mut notes) {
        Ok(target) => Ok(Reading { target, notes }),
        Err(reason) => Err(DateError {
            text: text.to_string(),
            reason,
            help: words::hint(trimmed, calendar),
        }),
    }
}

fn read_text(text: &str, calendar: &Calendar, notes: &mut Vec<Note>) -> Result<TargetDate, String> {
    if text.is_empty() {
        return Ok(TargetDate::Unset);
    }
    // A pasted paragraph is no target date: say so without reading it all.
    if text.len() > words::MOST_BYTES {
        return Err(format!(
            "it is {} bytes long, and a target date is a few words",
            text.len()
        ));
    }
    if let Some((before, task)) = split_after(text) {
        let tokens = tokenize(before)?;
        let span =
            parse_span(&tokens).ok_or("before `after` there must be a span such as `6 months`")?;
        let task = task.trim();
        if task.is_empty() || task.contains(char::is_whitespace) {
            return Err("after `after` there must be a task id such as `EJ-4.3.a`".into());
        }
        return Ok(TargetDate::After {
            span,
            task: task.to_string(),
        });
    }
    let fits_none = || "it fits none of the accepted forms".to_string();
    match tokenize(text) {
        Ok(tokens) => {
            if let Some(target) = read_tokens(&tokens, calendar, notes) {
                return Ok(target);
            }
            if let Some(reason) = words::unknown_before_year(&tokens) {
                return Err(reason);
            }
            words::read_in_words(&tokens, calendar, notes).ok_or_else(fits_none)
        }
        // Words with punctuation around a date: read the date out of them.
        Err(TokenError::Character(reason)) => {
            let tokens = tokenize(&words::sanitize(text)).map_err(|_| reason.clone())?;
            if let Some(reason) = words::unknown_before_year(&tokens) {
                return Err(reason);
            }
            words::read_in_words(&tokens, calendar, notes).ok_or(reason)
        }
        Err(TokenError::TooLong(reason)) => Err(reason),
    }
}

/// The whole of `tokens` as one form of the grammar.
fn read_tokens(tokens: &[Token], calendar: &Calendar, notes: &mut Vec<Note>) -> Option<TargetDate> {
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    if let Some(target) = words::status_or_unset(&words, notes) {
        return Some(target);
    }
    if matches!(
        words.as_slice(),
        ["ongoing"] | ["continuous"] | ["continuing"]
    ) {
        return Some(TargetDate::Ongoing);
    }
    if let Some(interval) = immediate(tokens, calendar) {
        return Some(TargetDate::Dated(interval));
    }
    if let Some(recurrence) = recurring::parse(tokens, calendar, notes) {
        return Some(TargetDate::Recurring(recurrence));
    }
    if let Some(rest) = strip_ongoing_suffix(tokens) {
        let interval = immediate(rest, calendar)
            .or_else(|| relative(rest, calendar))
            .or_else(|| parse_when(rest, calendar, notes))?;
        return Some(TargetDate::MilestoneThenOngoing(interval));
    }
    if let Some(from) = open_start(tokens, calendar, notes) {
        return Some(TargetDate::OngoingFrom(from));
    }
    if let Some(interval) = relative(tokens, calendar) {
        return Some(TargetDate::Dated(interval));
    }
    parse_when(tokens, calendar, notes).map(TargetDate::Dated)
}

/// `ASAP`, `Immediate`, `With immediate effect`: the plan start plus `asap_days`.
fn immediate(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    match words.as_slice() {
        ["immediate"] | ["immediately"] | ["asap"] | ["with", "immediate", "effect"] => {}
        ["as", "soon", "as", "possible"] => {}
        _ => return None,
    }
    let to = add_days(calendar.start, calendar.asap_days)?;
    Some(Interval {
        from: calendar.start,
        to,
    })
}

/// `6 months`, `Within six months`, `within 6 months of commencement of the
/// action plan`: from the plan start. A span counted from any other event is
/// not read here (the plan does not know when that event happens).
fn relative(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    let tokens = match tokens.first() {
        Some(Token::Word(w)) if w == "within" || w == "in" => &tokens[1..],
        _ => tokens,
    };
    let span = parse_span(tokens).or_else(|| {
        let at = tokens
            .iter()
            .position(|t| matches!(t.word(), "of" | "from" | "after" | "following"))?;
        let anchor: Vec<&str> = tokens[at + 1..].iter().map(Token::word).collect();
        words::is_plan_start(&anchor, tokens.len() - at - 1)
            .then(|| parse_span(&tokens[..at]))
            .flatten()
    })?;
    Some(Interval {
        from: calendar.start,
        to: span.add_to(calendar.start)?,
    })
}

/// `From April 2012`, `April 2012 onwards`, `Ongoing from April 2012`: the first day.
fn open_start(tokens: &[Token], calendar: &Calendar, notes: &mut Vec<Note>) -> Option<NaiveDate> {
    let mut rest = tokens;
    if let [Token::Word(w), tail @ ..] = rest
        && w == "ongoing"
    {
        rest = tail;
    }
    let from = matches!(rest.first(), Some(Token::Word(w)) if w == "from");
    if from {
        rest = &rest[1..];
    }
    let onwards = matches!(rest.last(), Some(Token::Word(w)) if w == "onwards" || w == "onward");
    if onwards {
        rest = &rest[..rest.len() - 1];
    }
    // `From September 2012 to March 2013` is a range, not an open start.
    if from && !onwards && has_separator(rest) && parse_period(rest, calendar).is_none() {
        return None;
    }
    if !(from || onwards) || rest.is_empty() {
        return None;
    }
    parse_range_or_period(rest, calendar, notes).map(|period| period.from)
}

/// A period with the name a report gives it, such as "Q2 2012-13".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarter {
    pub label: String,
    pub interval: Interval,
}

/// The financial quarter (of a year starting in `year_start`) holding `day`.
pub fn quarter_of(day: NaiveDate, year_start: u32) -> Quarter {
    let months_in = (day.month() + 12 - year_start) % 12;
    let quarter = months_in / 3 + 1;
    let first_year = if day.month() >= year_start {
        day.year()
    } else {
        day.year() - 1
    };
    let label = if year_start == 1 {
        format!("Q{quarter} {first_year}")
    } else {
        format!(
            "Q{quarter} {first_year}-{:02}",
            (first_year + 1).rem_euclid(100)
        )
    };
    let start = NaiveDate::from_ymd_opt(first_year, year_start, 1)
        .and_then(|d| d.checked_add_months(Months::new(3 * (quarter - 1))));
    let interval = start
        .and_then(|from| months(from.year(), from.month(), 3))
        .unwrap_or(Interval { from: day, to: day });
    Quarter { label, interval }
}

/// An interval as text that parses back to it: a day as `2012-10-15`,
/// whole months as `October 2012` or `October 2012 – December 2012`, one
/// from the plan start as `By 2012-10-01`. `None` for the others.
pub fn describe(interval: Interval, calendar: &Calendar) -> Option<String> {
    let Interval { from, to } = interval;
    if from == to {
        return Some(from.format("%Y-%m-%d").to_string());
    }
    let whole_months = from.day() == 1 && to.succ_opt().is_some_and(|next| next.day() == 1);
    if whole_months {
        let (first, last) = (
            from.format("%B %Y").to_string(),
            to.format("%B %Y").to_string(),
        );
        return Some(if first == last {
            first
        } else {
            format!("{first} – {last}")
        });
    }
    (from == calendar.start).then(|| format!("By {}", to.format("%Y-%m-%d")))
}

impl Span {
    /// The day `self` after `date`; months keep the day, clamped to the month's end.
    pub fn add_to(&self, date: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            Unit::Day => add_days(date, self.amount),
            Unit::WorkingDay => holidays::add_working_days(date, self.amount),
            Unit::Week => add_days(date, self.amount.checked_mul(7)?),
            Unit::Month => date.checked_add_months(Months::new(self.amount)),
            Unit::Year => date.checked_add_months(Months::new(self.amount.checked_mul(12)?)),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::Day => "day",
            Unit::WorkingDay => "working day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        };
        f.write_str(&crate::words::count(self.amount, unit))
    }
}

fn add_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(days)))
}

/// A `due` text as the grammar's tokens: cut, a Welsh cell's words put into
/// English (`welsh.rs`), and `on-going`, `Quarter 2` merged.
fn tokenize(text: &str) -> Result<Vec<Token>, TokenError> {
    tokens::cut(text).map(|cut| tokens::merge(welsh::english(cut)))
}

/// Splits `6 months after EJ-4.3.a` at the word `after` (in Welsh
/// `6 mis ar ôl EJ-4.3.a`, the words `ar ôl`, also written `ar ol`).
fn split_after(text: &str) -> Option<(&str, &str)> {
    // ASCII lower case keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    if let Some(at) = lower.find(" after ") {
        return Some((&text[..at], &text[at + " after ".len()..]));
    }
    // In Welsh only before one word, an id: "ar ôl diwedd pob blwyddyn"
    // (after the end of each year) is words of the date, not a task.
    [" ar ôl ", " ar ol "].iter().find_map(|word| {
        let at = lower.find(word)?;
        let id = text[at + word.len()..].trim();
        (!id.is_empty() && !id.contains(char::is_whitespace)).then_some((&text[..at], id))
    })
}

/// `X & On-going` or `X and on-going`: returns X.
fn strip_ongoing_suffix(tokens: &[Token]) -> Option<&[Token]> {
    match tokens {
        [rest @ .., Token::And | Token::Dash, Token::Word(w)]
            if w == "ongoing" && !rest.is_empty() =>
        {
            Some(rest)
        }
        [rest @ .., Token::And, Token::Word(then), Token::Word(w)]
            if then == "then" && w == "ongoing" && !rest.is_empty() =>
        {
            Some(rest)
        }
        _ => None,
    }
}

/// `6 months`, `2 weeks`, `3-6 months` (the largest), `1 year`.
fn parse_span(tokens: &[Token]) -> Option<Span> {
    if let [count @ .., Token::Word(kind), Token::Word(days)] = tokens
        && matches!(kind.as_str(), "working" | "business")
        && matches!(days.as_str(), "day" | "days")
    {
        let amount = parse_span(&[count, &[Token::Word("days".into())]].concat())?.amount;
        return Some(Span {
            amount,
            unit: Unit::WorkingDay,
        });
    }
    let (amount, unit) = match tokens {
        [Token::Word(a), Token::Word(unit)] if a == "a" || a == "an" => (1, unit),
        [Token::Number { value, .. }, Token::Word(unit)] => (*value, unit),
        [
            Token::Number { value: low, .. },
            Token::Dash | Token::Slash,
            Token::Number { value: high, .. },
            Token::Word(unit),
        ] => ((*low).max(*high), unit),
        _ => return None,
    };
    let unit = match unit.as_str() {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    };
    Some(Span { amount, unit })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod welsh_tests;
