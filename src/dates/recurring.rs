//! Recurring deadlines: `Quarterly`, `April annually`, `31 August (annually)`,
//! `2012-2015 Quarterly`, `By April 2013 and updated monthly`. Each is a run of
//! occurrences; `query` asks which one passed last and which comes next.

use super::{
    Calendar, Interval, Note, Token, add_days, month_number, months, parse_range_or_period,
    parse_when,
};
use chrono::{Datelike, Days, NaiveDate};

/// A task due again and again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    pub every: Cadence,
    /// Occurrences ending before this day do not count (the plan start, the
    /// start of the period written, or the day after the first milestone).
    pub from: NaiveDate,
    /// Occurrences ending after this day do not count (`2012-2015 Quarterly`).
    pub until: Option<NaiveDate>,
    /// A first delivery before the run: `By April 2013 and updated monthly`.
    pub milestone: Option<Interval>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cadence {
    /// Blocks of this many weeks from `from`.
    Weeks(u32),
    /// Blocks of this many months, counted from the first month of the
    /// financial year (`Quarterly` = each quarter of it).
    Months { every: u32, first_month: u32 },
    /// Named parts of every year: `April`, `31 August`, `January – March`.
    Yearly(Vec<YearPart>),
}

/// A part of each year: `months` months from `month`, or one day of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPart {
    pub month: u32,
    pub months: u32,
    pub day: Option<u32>,
}

impl YearPart {
    fn in_year(self, year: i32) -> Option<Interval> {
        match self.day {
            Some(day) => {
                let day = NaiveDate::from_ymd_opt(year, self.month, day)?;
                Some(Interval { from: day, to: day })
            }
            None => months(year, self.month, self.months),
        }
    }
}

impl Recurrence {
    /// The last occurrence that ended before `day`, and the next one ending on or after it.
    pub fn around(&self, day: NaiveDate) -> (Option<Interval>, Option<Interval>) {
        let mut all = self.near(day);
        if let Some(milestone) = self.milestone {
            all.insert(0, milestone);
        }
        let last = all.iter().rev().find(|o| o.to < day).copied();
        let next = all.iter().find(|o| o.to >= day).copied();
        (last, next)
    }

    /// Occurrences within about two years of `day`, in order.
    fn near(&self, day: NaiveDate) -> Vec<Interval> {
        let (Some(lo), Some(hi)) = (
            day.checked_sub_days(Days::new(800)),
            day.checked_add_days(Days::new(800)),
        ) else {
            return Vec::new();
        };
        let mut all: Vec<Interval> = match &self.every {
            Cadence::Weeks(n) => {
                let block = i64::from(*n) * 7;
                let first = ((lo - self.from).num_days() / block - 1).max(0);
                let last = (hi - self.from).num_days() / block + 1;
                (first..=last)
                    .filter_map(|k| {
                        let from = self.from.checked_add_days(Days::new((k * block) as u64))?;
                        let to = add_days(from, (block - 1) as u32)?;
                        Some(Interval { from, to })
                    })
                    .collect()
            }
            Cadence::Months { every, first_month } => {
                let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
                let base = i64::from(*first_month) - 1;
                let every = i64::from(*every);
                let first = (index(lo) - base).div_euclid(every) - 1;
                let last = (index(hi) - base).div_euclid(every) + 1;
                (first..=last)
                    .filter_map(|k| {
                        let start = base + k * every;
                        let year = i32::try_from(start.div_euclid(12)).ok()?;
                        months(year, start.rem_euclid(12) as u32 + 1, every as u32)
                    })
                    .collect()
            }
            Cadence::Yearly(parts) => (lo.year()..=hi.year())
                .flat_map(|y| parts.iter().filter_map(move |p| p.in_year(y)))
                .collect(),
        };
        all.retain(|o| o.to >= self.from && self.until.is_none_or(|u| o.to <= u));
        all.sort_by_key(|o| (o.to, o.from));
        all
    }
}

/// A cadence word or phrase at the start of `tokens`: what it is and its length.
fn cadence(tokens: &[Token]) -> Option<(Kind, usize)> {
    use Token::{Number, Word};
    let words: Vec<&str> = tokens.iter().take(3).map(Token::word).collect();
    let of_unit = |unit: &str, n: u32| match unit {
        "week" | "weeks" => Some(Kind::Weeks(n)),
        "month" | "months" => Some(Kind::Months(n)),
        "quarter" | "quarters" => Some(Kind::Months(3 * n)),
        "year" | "years" => Some(Kind::Months(12 * n)),
        _ => None,
    };
    let found = match (tokens, words.as_slice()) {
        (_, ["weekly", ..]) => (Kind::Weeks(1), 1),
        (_, ["fortnightly", ..]) => (Kind::Weeks(2), 1),
        // `Bi-monthly` is every two months (as `bi-annually` is every half year).
        (_, ["bimonthly", ..]) => (Kind::Months(2), 1),
        (_, ["bi", "", "monthly", ..]) => (Kind::Months(2), 3),
        (_, ["biweekly", ..]) => (Kind::Weeks(2), 1),
        (_, ["bi", "", "weekly", ..]) => (Kind::Weeks(2), 3),
        (_, ["monthly", ..]) => (Kind::Months(1), 1),
        (_, ["quarterly", ..]) => (Kind::Months(3), 1),
        // Not `annual`: `Annual report March 2013` is one report.
        (_, ["annually" | "yearly", ..]) => (Kind::Yearly, 1),
        (_, ["biannually", ..]) => (Kind::Months(6), 1),
        ([Word(bi), Token::Dash, Word(a), ..], _)
            if bi == "bi" && matches!(a.as_str(), "annually" | "annual" | "yearly") =>
        {
            (Kind::Months(6), 3)
        }
        ([Number { value: n, .. }, Token::Dash, Word(w), ..], _) if w == "monthly" => {
            (Kind::Months(*n), 3)
        }
        (_, ["twice", "a", "year"]) => (Kind::Months(6), 3),
        (_, ["twice", "yearly" | "annually", ..]) => (Kind::Months(6), 2),
        (_, ["half", "yearly", ..]) => (Kind::Months(6), 2),
        (_, ["half", "", "yearly"]) => (Kind::Months(6), 3),
        (_, ["once", "a", unit]) if of_unit(unit, 1).is_some() => (of_unit(unit, 1)?, 3),
        // `Every April`, `Each March`: the months follow.
        ([Word(e), Word(m), ..], _)
            if (e == "every" || e == "each") && month_number(m).is_some() =>
        {
            (Kind::Yearly, 1)
        }
        ([Number { value: n, .. }, Word(w), ..], _) if w == "monthly" => (Kind::Months(*n), 2),
        ([Number { value: n, .. }, Word(w), ..], _) if w == "weekly" => (Kind::Weeks(*n), 2),
        (_, ["every" | "each", "year", ..]) => (Kind::Yearly, 2),
        (_, ["every" | "each", unit, ..]) if of_unit(unit, 1).is_some() => (of_unit(unit, 1)?, 2),
        ([Word(e), Number { value: n, .. }, Word(unit), ..], _) if e == "every" => {
            (of_unit(unit, *n)?, 3)
        }
        _ => return None,
    };
    Some(found)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Weeks(u32),
    Months(u32),
    Yearly,
}

/// True when the tokens hold a cadence word (for reading dates out of words).
pub(super) fn has_cadence(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|at| cadence(&tokens[at..]).is_some())
}

/// A recurring form: a cadence with, before or after it, nothing, the months
/// of a yearly cadence, the period it runs over, or a first milestone.
pub(super) fn parse(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<Recurrence> {
    let mut tokens = tokens;
    if let [Token::Word(w), rest @ ..] = tokens
        && w == "ongoing"
        && !rest.is_empty()
    {
        tokens = rest;
    }
    let tokens = match tokens {
        [Token::Dash | Token::And, rest @ ..] => rest,
        // `End of each quarter`: each occurrence ends on its deadline anyway.
        [Token::Word(end), Token::Word(of), rest @ ..] if end == "end" && of == "of" => rest,
        _ => tokens,
    };
    let (at, (kind, len)) = (0..tokens.len()).find_map(|at| Some((at, cadence(&tokens[at..])?)))?;
    let (mut before, mut after) = (&tokens[..at], &tokens[at + len..]);
    // `Reviewed annually`, `Ongoing - reported quarterly`: nothing but the cadence.
    if before.iter().all(joiner) {
        before = &[];
    }
    if let [rest @ .., Token::Word(w)] = after
        && (w == "thereafter" || w == "ongoing")
    {
        after = rest;
    }
    let starts = matches!(after.first(), Some(Token::Word(w)) if w == "from" || w == "starting");
    let other = match (before, after) {
        ([], []) => &[][..],
        (other, []) | ([], other) => other,
        _ => return None,
    };
    let other = match other {
        // `No later than 30 November every year`: `by`.
        [
            Token::Word(no),
            Token::Word(later),
            Token::Word(than),
            rest @ ..,
        ] if matches!(no.as_str(), "no" | "not") && later == "later" && than == "than" => rest,
        [Token::Word(w), rest @ ..]
            if matches!(
                w.as_str(),
                "in" | "every" | "each" | "from" | "starting" | "by"
            ) =>
        {
            rest
        }
        _ => other,
    };
    let mut recurrence = Recurrence {
        every: plain(kind, calendar)?,
        from: calendar.start,
        until: None,
        milestone: None,
    };
    if other.is_empty() {
        return Some(recurrence);
    }
    if kind == Kind::Yearly
        && let Some(parts) = year_parts(other)
    {
        recurrence.every = Cadence::Yearly(parts);
        return Some(recurrence);
    }
    if let Some(first) = milestone(before, calendar, notes) {
        recurrence.from = first.to.succ_opt()?;
        recurrence.milestone = Some(first);
        return Some(recurrence);
    }
    let during = parse_range_or_period(other, calendar, notes)?;
    recurrence.from = during.from;
    // `Quarterly from April 2012` has a start and no end.
    recurrence.until = (!starts).then_some(during.to);
    Some(recurrence)
}

fn plain(kind: Kind, calendar: &Calendar) -> Option<Cadence> {
    Some(match kind {
        Kind::Weeks(n) if (1..=104).contains(&n) => Cadence::Weeks(n),
        Kind::Months(n) if (1..=36).contains(&n) => Cadence::Months {
            every: n,
            first_month: calendar.year_start,
        },
        Kind::Yearly => Cadence::Months {
            every: 12,
            first_month: calendar.year_start,
        },
        _ => return None,
    })
}

/// `By April 2013 and updated`, `End of June 2012 then`, `March 2013 – review`:
/// the first delivery before a cadence, joined to it by words that say so.
fn milestone(tokens: &[Token], calendar: &Calendar, notes: &mut Vec<Note>) -> Option<Interval> {
    let end = tokens.iter().rposition(|t| !joiner(t))? + 1;
    if end == tokens.len() {
        return None;
    }
    parse_when(&tokens[..end], calendar, notes)
}

/// Words between a milestone and its cadence: `and updated`, `then`, `– review`.
fn joiner(token: &Token) -> bool {
    matches!(token, Token::And | Token::Dash)
        || matches!(
            token.word(),
            "then" | "updated" | "reviewed" | "review" | "reported" | "repeated"
        )
}

/// `April`, `31 August`, `June and November`, `January – March`.
fn year_parts(tokens: &[Token]) -> Option<Vec<YearPart>> {
    use Token::{Dash, Number, Word};
    let mut parts = Vec::new();
    for item in tokens.split(|t| *t == Token::And) {
        let part = match item {
            [Word(m)] => YearPart {
                month: month_number(m)?,
                months: 1,
                day: None,
            },
            [
                Number {
                    value: d,
                    digits: 1..=2,
                },
                Word(m),
            ] => {
                let month = month_number(m)?;
                // The day must exist in a leap year at least.
                NaiveDate::from_ymd_opt(2012, month, *d)?;
                YearPart {
                    month,
                    months: 1,
                    day: Some(*d),
                }
            }
            [Word(a), Dash, Word(b)] => {
                let (a, b) = (month_number(a)?, month_number(b)?);
                YearPart {
                    month: a,
                    months: (b + 12 - a) % 12 + 1,
                    day: None,
                }
            }
            _ => return None,
        };
        parts.push(part);
    }
    (!parts.is_empty()).then_some(parts)
}
