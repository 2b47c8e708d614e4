//! The target-date grammar (SPEC section 4): the text a plan writes in a
//! task's `due` ("Summer 2012 & On-going", "Within 3-6 months", "ASAP")
//! turned into an interval and a kind. Pure: the only context is the plan's
//! calendar (its start, `asap_days` and the first month of its financial year).

mod holidays;
mod recurring;
mod words;

use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt;

pub use holidays::{bank_holidays, is_working_day};
pub use recurring::{Cadence, Recurrence, YearPart};

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
    After { span: Span, task: String },
    /// `From April 2012`, `April 2012 onwards`: ongoing from that day.
    OngoingFrom(NaiveDate),
    /// `Quarterly`, `April annually`, `By April 2013 and updated monthly`.
    Recurring(Recurrence),
}

impl TargetDate {
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
a cadence (Quarterly, April annually), `6 months after EJ-4.3.a`, or `TBC`";

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
            words::read_in_words(&tokens, calendar, notes).ok_or_else(fits_none)
        }
        // Words with punctuation around a date: read the date out of them.
        Err(TokenError::Character(reason)) => {
            let tokens = tokenize(&words::sanitize(text)).map_err(|_| reason.clone())?;
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
        Some(Token::Word(w)) if w == "within" => &tokens[1..],
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
        let plural = if self.amount == 1 { "" } else { "s" };
        write!(f, "{} {unit}{plural}", self.amount)
    }
}

fn add_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(days)))
}

/// Splits `6 months after EJ-4.3.a` at the word `after`.
fn split_after(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find(" after ")?;
    Some((&text[..at], &text[at + " after ".len()..]))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Number { value: u32, digits: usize },
    Dash,
    Slash,
    And,
}

impl Token {
    fn word(&self) -> &str {
        match self {
            Token::Word(w) => w,
            _ => "",
        }
    }
}

/// Why a text could not be cut into tokens.
enum TokenError {
    /// A character with no meaning in a date: the text may be words around one.
    Character(String),
    /// A number too long to be part of a date.
    TooLong(String),
}

impl From<TokenError> for String {
    fn from(err: TokenError) -> String {
        match err {
            TokenError::Character(reason) | TokenError::TooLong(reason) => reason,
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, TokenError> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        if c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')') {
            chars.next();
        } else if matches!(c, '-' | '–' | '—' | '‒' | '―') {
            chars.next();
            tokens.push(Token::Dash);
        } else if c == '/' {
            chars.next();
            tokens.push(Token::Slash);
        } else if c == '&' || c == '+' {
            chars.next();
            tokens.push(Token::And);
        } else if c.is_ascii_digit() {
            let mut end = at;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            let digits = &text[at..end];
            if digits.len() > 9 {
                return Err(TokenError::TooLong(format!(
                    "the number `{digits}` is too long"
                )));
            }
            let value = digits.parse().unwrap_or(0);
            // An ordinal (`12th`) is a day, never a year: `December 12th` is
            // a day of December, where `Dec 12` is December 2012.
            let ordinal = skip_ordinal_suffix(&text[end..], &mut chars) && digits.len() <= 2;
            tokens.push(Token::Number {
                value,
                digits: if ordinal { 1 } else { digits.len() },
            });
        } else if matches!(c, '\'' | '’')
            && text[at + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        {
            // `March '13`: the apostrophe of a two-digit year.
            chars.next();
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&(_, l)) = chars.peek() {
                if !l.is_alphabetic() && l != '\'' {
                    break;
                }
                word.extend(l.to_lowercase());
                chars.next();
            }
            if is_weekday(&word) {
                continue;
            }
            tokens.push(if word == "and" {
                Token::And
            } else if let Some(value) = number_word(&word) {
                Token::Number { value, digits: 0 }
            } else {
                Token::Word(word)
            });
        } else {
            return Err(TokenError::Character(format!(
                "the character `{c}` has no meaning in a target date"
            )));
        }
    }
    // "on-going" and "on going" are the one word "ongoing".
    let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if token.word() == "going" {
            match merged.as_slice() {
                [.., Token::Word(on), Token::Dash] if on == "on" => {
                    merged.truncate(merged.len() - 2);
                    merged.push(Token::Word("ongoing".into()));
                    continue;
                }
                [.., Token::Word(on)] if on == "on" => {
                    merged.pop();
                    merged.push(Token::Word("ongoing".into()));
                    continue;
                }
                _ => {}
            }
        }
        // `Quarter 2 2012/13` is `Q2 2012/13`.
        if matches!(token, Token::Number { digits: 1, .. })
            && matches!(merged.last(), Some(Token::Word(w)) if w == "quarter")
        {
            merged.pop();
            merged.push(Token::Word("q".into()));
        }
        merged.push(token);
    }
    Ok(merged)
}

/// `31st`, `2nd`: the letters after the number say nothing more.
fn skip_ordinal_suffix(
    rest: &str,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> bool {
    let suffix: String = rest.chars().take(3).collect::<String>().to_lowercase();
    let mut letters = suffix.chars();
    let two: String = letters.by_ref().take(2).collect();
    let ends = letters.next().is_none_or(|c| !c.is_alphabetic());
    let ordinal = ends && matches!(two.as_str(), "st" | "nd" | "rd" | "th");
    if ordinal {
        chars.next();
        chars.next();
    }
    ordinal
}

/// `Friday 31 March 2013`: the weekday adds nothing to the date.
fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// `six months`, `twelve weeks`: numbers written as words (never a day or a year).
fn number_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(at) = WORDS.iter().position(|w| *w == word) {
        return Some(at as u32 + 1);
    }
    Some(match word {
        "eighteen" => 18,
        "twenty" => 20,
        "thirty" => 30,
        "sixty" => 60,
        "ninety" => 90,
        _ => return None,
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

/// A period, an `End of`/`By` period, or a range of periods.
fn parse_when(tokens: &[Token], calendar: &Calendar, notes: &mut Vec<Note>) -> Option<Interval> {
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    // `w/c 12 November 2012`, `week commencing 12 November 2012`: that week.
    let week = match words.as_slice() {
        ["w", "", "c", ..] => Some(3),
        ["week", "commencing" | "beginning" | "starting", ..] | ["w", "c", ..] => Some(2),
        ["wc", ..] => Some(1),
        _ => None,
    };
    if let Some(n) = week {
        let from = parse_range_or_period(&tokens[n..], calendar, notes)?.from;
        let to = add_days(from, 6)?;
        return Some(Interval { from, to });
    }
    // `March 2013 at the latest` is `By March 2013`.
    if let [period @ .., _, _, _] = tokens
        && words.ends_with(&["at", "the", "latest"])
        && !period.is_empty()
    {
        let by = [&[Token::Word("by".into())], period].concat();
        return parse_when(&by, calendar, notes);
    }
    let prefix = match words.as_slice() {
        ["by", "the", "end", "of", ..] | ["before", "the", "end", "of", ..] => Some(4),
        ["by", "end", "of", ..] | ["the", "end", "of", ..] | ["before", "end", "of", ..] => Some(3),
        ["no" | "not", "later", "than", ..] => Some(3),
        ["end", "of", ..] | ["by", "end", ..] => Some(2),
        ["by", ..] | ["before", ..] | ["end", ..] | ["until", ..] => Some(1),
        _ => None,
    };
    if let Some(n) = prefix {
        let period = parse_range_or_period(&tokens[n..], calendar, notes)?;
        let from = if calendar.start <= period.to {
            calendar.start
        } else {
            period.from
        };
        return Some(Interval {
            from,
            to: period.to,
        });
    }
    parse_range_or_period(tokens, calendar, notes)
}

fn parse_range_or_period(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<Interval> {
    if let Some(period) = parse_period(tokens, calendar) {
        return Some(period.interval);
    }
    // `From September 2012 to March 2013` is the range.
    if let [Token::Word(from), rest @ ..] = tokens
        && from == "from"
        && has_separator(rest)
    {
        return parse_range_or_period(rest, calendar, notes);
    }
    if let Some(interval) = multi_year(tokens, calendar, notes) {
        return Some(interval);
    }
    if let Some(interval) = yearless(tokens, calendar, notes) {
        return Some(interval);
    }
    for (at, token) in tokens.iter().enumerate() {
        if !is_separator(token) || at == 0 {
            continue;
        }
        let (first, last) = (&tokens[..at], &tokens[at + 1..]);
        let Some(last) = parse_period(last, calendar) else {
            continue;
        };
        let first = match parse_period(first, calendar) {
            Some(first) => first.interval,
            None => {
                // `Q3 & Q4 2012/13`: a financial quarter when the last is one.
                let financial = tokens[at + 1..].len() == 5;
                let same_year = parse_yearless(first, last.year, financial, calendar)?;
                if same_year.from > last.interval.from {
                    parse_yearless(first, last.year - 1, financial, calendar)?
                } else {
                    same_year
                }
            }
        };
        if first.from > last.interval.to {
            return None;
        }
        return Some(Interval {
            from: first.from,
            to: last.interval.to,
        });
    }
    None
}

/// What joins the two periods of a range: `–`, `/`, `to`, `until`, `&`.
fn is_separator(token: &Token) -> bool {
    matches!(token, Token::Dash | Token::Slash | Token::And)
        || matches!(token.word(), "to" | "until" | "till")
}

fn has_separator(tokens: &[Token]) -> bool {
    tokens.iter().skip(1).any(is_separator)
}

/// A period and the year it names (for a yearless first part of a range).
struct Period {
    interval: Interval,
    year: i32,
}

fn parse_period(tokens: &[Token], calendar: &Calendar) -> Option<Period> {
    use Token::{Dash, Number, Slash, Word};
    let interval = match tokens {
        [
            Number {
                value: y,
                digits: 4,
            },
        ] => year(*y as i32)?,
        [
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
        ] if is_next_year(*y, *next, *digits) => financial_year(*y as i32, calendar)?,
        [
            Number {
                value: y,
                digits: 4,
            },
            Dash,
            Number {
                value: m,
                digits: 1..=2,
            },
            Dash,
            Number {
                value: d,
                digits: 1..=2,
            },
        ] => {
            let day = NaiveDate::from_ymd_opt(*y as i32, *m, *d)?;
            Interval { from: day, to: day }
        }
        [
            Number {
                value: d,
                digits: 1..=2,
            },
            Word(m),
            Number {
                value: y,
                digits: 4,
            },
        ] => {
            let day = NaiveDate::from_ymd_opt(*y as i32, month_number(m)?, *d)?;
            Interval { from: day, to: day }
        }
        [
            Word(q),
            Number { value: n, .. },
            Number {
                value: y,
                digits: 4,
            },
        ] if q == "q" => calendar_quarter(*y as i32, *n)?,
        [
            Word(q),
            Number { value: n, .. },
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
        ] if q == "q" && is_next_year(*y, *next, *digits) => {
            financial_quarter(*y as i32, *n, calendar)?
        }
        [
            Word(name),
            Number {
                value: y,
                digits: 4,
            },
        ] if month_number(name).is_some() || third(name).is_none() => {
            named_period(name, *y as i32)?
        }
        _ => more_periods(tokens, calendar)?,
    };
    let year = match interval_label_year(tokens) {
        0 => interval.from.year(),
        year => year,
    };
    Some(Period { interval, year })
}

/// The forms spreadsheets and letters add: `31/03/2013`, `Mar-13`,
/// `March 31st 2013`, `Mid 2013`, `mid-March 2013`, `financial year 2012/13`.
fn more_periods(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    use Token::{Dash, Number, Slash, Word};
    let day = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).map(|day| Interval { from: day, to: day })
    };
    match tokens {
        [Word(f), Word(y), rest @ ..] if f == "financial" && y == "year" => {
            parse_period(rest, calendar).map(|p| p.interval)
        }
        [
            d @ Number { .. },
            Dash | Slash,
            m @ Number { .. },
            Dash | Slash,
            y @ Number { .. },
        ]
        | [d @ Number { .. }, m @ Number { .. }, y @ Number { .. }] => {
            let (d, m, y) = day_month_year(d, m, y)?;
            day(y, m, d)
        }
        [
            Word(part),
            Dash,
            Number {
                value: y,
                digits: 4,
            },
        ]
        | [
            Word(part),
            Number {
                value: y,
                digits: 4,
            },
        ] if third(part).is_some() => months(*y as i32, 4 * third(part)? + 1, 4),
        [
            Word(m),
            Dash,
            Number {
                value: y,
                digits: 2 | 4,
            },
        ]
        | [
            Word(m),
            Number {
                value: y,
                digits: 2,
            },
        ] => named_period(m, full_year(*y)).filter(|_| month_number(m).is_some()),
        [
            Word(m),
            Number {
                value: d,
                digits: 1..=2,
            },
            Number {
                value: y,
                digits: 4,
            },
        ] => day(*y as i32, month_number(m)?, *d),
        [
            Word(part),
            Dash,
            Word(m),
            Number {
                value: y,
                digits: 4,
            },
        ]
        | [
            Word(part),
            Word(m),
            Number {
                value: y,
                digits: 4,
            },
        ] => part_of_month(third(part)?, *y as i32, month_number(m)?),
        // `12/13`, `Q4 12/13`: a financial year written with two-digit years.
        [
            Number {
                value: a,
                digits: 2,
            },
            Dash | Slash,
            Number {
                value: b,
                digits: 2,
            },
        ] if *b == (a + 1) % 100 => financial_year(full_year(*a), calendar),
        [
            Word(q),
            Number { value: n, .. },
            Number {
                value: a,
                digits: 2,
            },
            Dash | Slash,
            Number {
                value: b,
                digits: 2,
            },
        ] if q == "q" && *b == (a + 1) % 100 => financial_quarter(full_year(*a), *n, calendar),
        // `Year 2`, `Years 1-2`: the plan's own years, the first holding its start.
        [
            Word(y),
            Number {
                value: n,
                digits: 1,
            },
        ] if y == "year" => plan_years(*n, *n, calendar),
        [
            Word(y),
            Number {
                value: a,
                digits: 1,
            },
            sep,
            Number {
                value: b,
                digits: 1,
            },
        ] if y == "years" && is_separator(sep) => plan_years(*a, *b, calendar),
        // `Winter 2012/13`: the winter that starts in 2012.
        [
            Word(s),
            Number {
                value: y,
                digits: 4,
            },
            Dash | Slash,
            Number {
                value: next,
                digits,
            },
        ] if s == "winter" && is_next_year(*y, *next, *digits) => named_period(s, *y as i32),
        _ => None,
    }
}

/// Plan years `first` to `last` (1 = the financial year holding the plan start).
fn plan_years(first: u32, last: u32, calendar: &Calendar) -> Option<Interval> {
    if !(1..=9).contains(&first) || first > last || last > 9 {
        return None;
    }
    let start = calendar.start;
    let first_year = if start.month() >= calendar.year_start {
        start.year()
    } else {
        start.year() - 1
    };
    Some(Interval {
        from: financial_year(first_year + first as i32 - 1, calendar)?.from,
        to: financial_year(first_year + last as i32 - 1, calendar)?.to,
    })
}

/// A numeric date, day first: `31/03/2013`, `7/7/11` (two-digit years are 20YY).
fn day_month_year(d: &Token, m: &Token, y: &Token) -> Option<(u32, u32, i32)> {
    match (d, m, y) {
        (
            Token::Number {
                value: d,
                digits: 1..=2,
            },
            Token::Number {
                value: m,
                digits: 1..=2,
            },
            Token::Number {
                value: y,
                digits: 2 | 4,
            },
        ) => Some((*d, *m, full_year(*y))),
        _ => None,
    }
}

fn full_year(y: u32) -> i32 {
    if y < 100 { 2000 + y as i32 } else { y as i32 }
}

/// `early`, `mid`, `late`: the first, middle or last third (0, 1, 2).
fn third(word: &str) -> Option<u32> {
    Some(match word {
        "early" | "beginning" | "start" => 0,
        "mid" | "middle" => 1,
        "late" => 2,
        _ => return None,
    })
}

/// `mid-March 2013`: days 11-20; early 1-10; late 21 to the month's end.
fn part_of_month(third: u32, year: i32, month: u32) -> Option<Interval> {
    let whole = months(year, month, 1)?;
    let from = NaiveDate::from_ymd_opt(year, month, 1 + 10 * third)?;
    let to = match third {
        2 => whole.to,
        _ => NaiveDate::from_ymd_opt(year, month, 10 + 10 * third)?,
    };
    Some(Interval { from, to })
}

/// `2023-2027`: more than one year. With a financial year it ends at the end
/// of the last financial year (31 March 2027), and a note says so.
fn multi_year(tokens: &[Token], calendar: &Calendar, notes: &mut Vec<Note>) -> Option<Interval> {
    let (first, last) = match tokens {
        [
            Token::Number {
                value: a,
                digits: 4,
            },
            sep,
            Token::Number { value: b, digits },
        ] if matches!(sep, Token::Dash | Token::Slash) || sep.word() == "to" => {
            let b = match digits {
                4 => *b,
                2 => a - a % 100 + b + if *b < a % 100 { 100 } else { 0 },
                _ => return None,
            };
            (*a as i32, b as i32)
        }
        _ => return None,
    };
    if !(first + 2..=first + 20).contains(&last) {
        return None;
    }
    if calendar.year_start == 1 {
        return Some(Interval {
            from: year(first)?.from,
            to: year(last)?.to,
        });
    }
    let interval = Interval {
        from: financial_year(first, calendar)?.from,
        to: financial_year(last - 1, calendar)?.to,
    };
    notes.push(Note::RangeEndAssumed {
        written: show(tokens),
        end: interval.to,
        calendar_end: year(last)?.to,
    });
    Some(interval)
}

/// A date with no year (`21 January`, `End of March`, `Q4`): the occurrence
/// inside the plan's period, with a note saying which year was taken.
fn yearless(tokens: &[Token], calendar: &Calendar, notes: &mut Vec<Note>) -> Option<Interval> {
    use Token::{Dash, Number, Word};
    let in_year = |y: i32| -> Option<Interval> {
        match tokens {
            [Word(name)] => named_period(name, y),
            [
                Number {
                    value: d,
                    digits: 1..=2,
                },
                Word(m),
            ] => {
                let day = NaiveDate::from_ymd_opt(y, month_number(m)?, *d)?;
                Some(Interval { from: day, to: day })
            }
            [
                Word(q),
                Number {
                    value: n,
                    digits: 1,
                },
            ] if q == "q" => {
                if calendar.year_start == 1 {
                    calendar_quarter(y, *n)
                } else {
                    financial_quarter(y, *n, calendar)
                }
            }
            [Word(part), Dash, Word(m)] | [Word(part), Word(m)] if third(part).is_some() => {
                part_of_month(third(part)?, y, month_number(m)?)
            }
            // `March 5th`, `March 5`: a one-digit number after a month is a day.
            [
                Word(m),
                Number {
                    value: d,
                    digits: 1,
                },
            ] => {
                let day = NaiveDate::from_ymd_opt(y, month_number(m)?, *d)?;
                Some(Interval { from: day, to: day })
            }
            [Word(f), Word(year)] if f == "financial" && year == "year" => {
                financial_year(y, calendar)
            }
            _ => None,
        }
    };
    let candidates: Vec<Interval> = (calendar.start.year() - 1
        ..=calendar.end.year().max(calendar.start.year()) + 1)
        .filter_map(in_year)
        .collect();
    let inside = candidates
        .iter()
        .find(|i| i.from >= calendar.start && i.to <= calendar.end)
        .or_else(|| candidates.iter().find(|i| i.to >= calendar.start))?;
    notes.push(Note::YearAssumed {
        written: show(tokens),
        interval: *inside,
    });
    Some(*inside)
}

/// Tokens written back as text, for notes.
fn show(tokens: &[Token]) -> String {
    let mut text = String::new();
    for token in tokens {
        let part = match token {
            Token::Word(w) if w == "q" => "Q".into(),
            Token::Word(w) if named_period(w, 2000).is_some() => {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            Token::Word(w) => w.clone(),
            Token::Number { value, digits } => format!("{value:0width$}", width = *digits),
            Token::Dash => "-".into(),
            Token::Slash => "/".into(),
            Token::And => "and".into(),
        };
        let glue = matches!(token, Token::Dash | Token::Slash)
            || text.ends_with('-')
            || text.ends_with('/')
            || text.ends_with('Q');
        if !text.is_empty() && !glue {
            text.push(' ');
        }
        text.push_str(&part);
    }
    text
}

fn is_next_year(year: u32, next: u32, digits: usize) -> bool {
    (digits == 4 && next == year + 1) || (digits == 2 && next == (year + 1) % 100)
}

/// The first four-digit number in the tokens: the year a period names.
fn interval_label_year(tokens: &[Token]) -> i32 {
    tokens
        .iter()
        .find_map(|t| match t {
            Token::Number { value, digits: 4 } => Some(*value as i32),
            _ => None,
        })
        .unwrap_or(0)
}

/// A month, season or quarter with its year left out, as in
/// `Autumn – December 2012` or `Q3 – Q4 2012/13`.
fn parse_yearless(
    tokens: &[Token],
    year: i32,
    financial: bool,
    calendar: &Calendar,
) -> Option<Interval> {
    match tokens {
        [Token::Word(name)] => named_period(name, year),
        [
            Token::Word(q),
            Token::Number {
                value: n,
                digits: 1,
            },
        ] if q == "q" && financial => financial_quarter(year, *n, calendar),
        [
            Token::Word(q),
            Token::Number {
                value: n,
                digits: 1,
            },
        ] if q == "q" => calendar_quarter(year, *n),
        _ => None,
    }
}

fn named_period(name: &str, year: i32) -> Option<Interval> {
    if let Some(month) = month_number(name) {
        return months(year, month, 1);
    }
    let first_month = match name {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    months(year, first_month, 3)
}

fn month_number(name: &str) -> Option<u32> {
    Some(match name {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// `count` whole months starting with `month` of `year`.
fn months(year: i32, month: u32, count: u32) -> Option<Interval> {
    let from = NaiveDate::from_ymd_opt(year, month, 1)?;
    let to = from.checked_add_months(Months::new(count))?.pred_opt()?;
    Some(Interval { from, to })
}

fn year(year: i32) -> Option<Interval> {
    months(year, 1, 12)
}

fn calendar_quarter(year: i32, quarter: u32) -> Option<Interval> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    months(year, 3 * (quarter - 1) + 1, 3)
}

fn financial_year(year: i32, calendar: &Calendar) -> Option<Interval> {
    months(year, calendar.year_start, 12)
}

fn financial_quarter(year: i32, quarter: u32, calendar: &Calendar) -> Option<Interval> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let first = months(year, calendar.year_start, 1)?.from;
    let from = first.checked_add_months(Months::new(3 * (quarter - 1)))?;
    months(from.year(), from.month(), 3)
}

#[cfg(test)]
mod tests;
