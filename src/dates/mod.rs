//! The target-date grammar (SPEC section 4): the text a plan writes in a
//! task's `due` ("Summer 2012 & On-going", "Within 3-6 months", "ASAP")
//! turned into an interval and a kind. Pure: the only context is the plan's
//! calendar (its start, `asap_days` and the first month of its financial year).

use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt;

/// What the plan's `[plan]` table says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    pub start: NaiveDate,
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
}

impl TargetDate {
    /// The day by which the task (or its first milestone) is due, if any.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            TargetDate::Dated(i) | TargetDate::MilestoneThenOngoing(i) => Some(i.to),
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
pub const ACCEPTED_FORMS: &str = "a date (2012-10-15, 15 October 2012), a month (Oct 2012), \
a season (Summer 2012), a quarter (Q3 2012, Q1 2012-13), a year (2012, 2012-13), \
`End of 2012` / `By March 2013`, a range (December 2012 – March 2013, Summer/Autumn 2012), \
a span from the plan start (6 months, Within 3-6 months), `ASAP`/`Immediate`, `On-going`, \
a period then `& On-going`, `6 months after EJ-4.3.a`, or `TBC`";

/// Parses a `due` text.
pub fn parse(text: &str, calendar: &Calendar) -> Result<TargetDate, DateError> {
    let fail = |reason: &str| DateError {
        text: text.to_string(),
        reason: reason.to_string(),
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(TargetDate::Unset);
    }
    if let Some((before, task)) = split_after(trimmed) {
        let tokens = tokenize(before).map_err(|r| fail(&r))?;
        let span = parse_span(&tokens)
            .ok_or_else(|| fail("before `after` there must be a span such as `6 months`"))?;
        let task = task.trim();
        if task.is_empty() || task.contains(char::is_whitespace) {
            return Err(fail(
                "after `after` there must be a task id such as `EJ-4.3.a`",
            ));
        }
        return Ok(TargetDate::After {
            span,
            task: task.to_string(),
        });
    }

    let tokens = tokenize(trimmed).map_err(|r| fail(&r))?;
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    match words.as_slice() {
        ["tbc"] | ["tba"] | ["to", "be", "confirmed"] => return Ok(TargetDate::Unset),
        ["ongoing"] | ["continuous"] | ["continuing"] => return Ok(TargetDate::Ongoing),
        ["immediate"] | ["immediately"] | ["asap"] => {
            let to = add_days(calendar.start, calendar.asap_days)
                .ok_or_else(|| fail("the date is out of range"))?;
            return Ok(TargetDate::Dated(Interval {
                from: calendar.start,
                to,
            }));
        }
        _ => {}
    }
    if let Some(rest) = strip_ongoing_suffix(&tokens) {
        let interval = parse_when(rest, calendar)
            .ok_or_else(|| fail("the part before `& On-going` is not a date or period"))?;
        return Ok(TargetDate::MilestoneThenOngoing(interval));
    }
    let relative = match tokens.first() {
        Some(Token::Word(w)) if w == "within" => &tokens[1..],
        _ => &tokens[..],
    };
    if let Some(span) = parse_span(relative) {
        let to = span
            .add_to(calendar.start)
            .ok_or_else(|| fail("the date is out of range"))?;
        return Ok(TargetDate::Dated(Interval {
            from: calendar.start,
            to,
        }));
    }
    parse_when(&tokens, calendar)
        .map(TargetDate::Dated)
        .ok_or_else(|| fail("it fits none of the accepted forms"))
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

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        if c.is_whitespace() || c == ',' || c == '.' {
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
                return Err(format!("the number `{digits}` is too long"));
            }
            tokens.push(Token::Number {
                value: digits.parse().unwrap_or(0),
                digits: digits.len(),
            });
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&(_, l)) = chars.peek() {
                if !l.is_alphabetic() && l != '\'' {
                    break;
                }
                word.extend(l.to_lowercase());
                chars.next();
            }
            tokens.push(if word == "and" {
                Token::And
            } else {
                Token::Word(word)
            });
        } else {
            return Err(format!(
                "the character `{c}` has no meaning in a target date"
            ));
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
        merged.push(token);
    }
    Ok(merged)
}

/// `X & On-going` or `X and on-going`: returns X.
fn strip_ongoing_suffix(tokens: &[Token]) -> Option<&[Token]> {
    match tokens {
        [rest @ .., Token::And, Token::Word(w)] if w == "ongoing" && !rest.is_empty() => Some(rest),
        _ => None,
    }
}

/// `6 months`, `2 weeks`, `3-6 months` (the largest), `1 year`.
fn parse_span(tokens: &[Token]) -> Option<Span> {
    let (amount, unit) = match tokens {
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
fn parse_when(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    let prefix = match words.as_slice() {
        ["by", "the", "end", "of", ..] => Some(4),
        ["by", "end", "of", ..] | ["the", "end", "of", ..] => Some(3),
        ["end", "of", ..] => Some(2),
        ["by", ..] | ["before", ..] => Some(1),
        _ => None,
    };
    if let Some(n) = prefix {
        let period = parse_range_or_period(&tokens[n..], calendar)?;
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
    parse_range_or_period(tokens, calendar)
}

fn parse_range_or_period(tokens: &[Token], calendar: &Calendar) -> Option<Interval> {
    if let Some(period) = parse_period(tokens, calendar) {
        return Some(period.interval);
    }
    for (at, token) in tokens.iter().enumerate() {
        let is_separator = matches!(token, Token::Dash | Token::Slash) || token.word() == "to";
        if !is_separator || at == 0 {
            continue;
        }
        let (first, last) = (&tokens[..at], &tokens[at + 1..]);
        let Some(last) = parse_period(last, calendar) else {
            continue;
        };
        let first = match parse_period(first, calendar) {
            Some(first) => first.interval,
            None => {
                let same_year = parse_yearless(first, last.year, calendar)?;
                if same_year.from > last.interval.from {
                    parse_yearless(first, last.year - 1, calendar)?
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
        ] => named_period(name, *y as i32)?,
        _ => return None,
    };
    let year = interval_label_year(tokens);
    Some(Period { interval, year })
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

/// A month or season with its year left out, as in `Autumn – December 2012`.
fn parse_yearless(tokens: &[Token], year: i32, _calendar: &Calendar) -> Option<Interval> {
    match tokens {
        [Token::Word(name)] => named_period(name, year),
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
