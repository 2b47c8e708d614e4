//! Target dates written inside words (`Strategy agreed by June 2013`,
//! `September 2013 (subject to funding)`), statuses written where the date
//! goes (`Completed`), and the nearest form for a text that fits none.

use super::{
    Calendar, Interval, Note, TargetDate, Token, month_number, parse_span, read_tokens, recurring,
    tokenize,
};

/// Cells are short: a longer text is a paragraph, not a date in words.
const MOST_TOKENS: usize = 200;
/// Nor is a text of more bytes than this read again for words or hints.
pub(super) const MOST_BYTES: usize = 2000;
/// The longest date form, in tokens (`by the end of Q4 2012/13 and updated monthly`).
const LONGEST_FORM: usize = 14;

/// Punctuation around words becomes space; what the grammar reads stays.
pub(super) fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            let kept = c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(
                    c,
                    '-' | '–' | '—' | '‒' | '―' | '/' | '&' | '+' | ',' | '.' | '\''
                );
            if kept { c } else { ' ' }
        })
        .collect()
}

/// `Completed`, `In place` (a status: no deadline, and a note), or
/// `To be confirmed …`, `Not yet known` (like `TBC`).
pub(super) fn status_or_unset(words: &[&str], notes: &mut Vec<Note>) -> Option<TargetDate> {
    match words {
        ["completed" | "complete" | "done" | "achieved" | "delivered"]
        | ["in", "place"]
        | ["now", "in", "place"] => {
            notes.push(Note::Status(words.join(" ")));
            Some(TargetDate::Unset)
        }
        ["tbc" | "tba" | "tbd", ..]
        | [
            "to",
            "be",
            "confirmed" | "agreed" | "decided" | "determined" | "arranged",
            ..,
        ]
        | ["no", "timetable" | "timescale" | "date", ..]
        | [
            "not",
            "yet",
            "known" | "agreed" | "set" | "confirmed" | "decided",
        ]
        | ["not", "known"]
        | ["unknown"] => Some(TargetDate::Unset),
        ["complete", "", ..] => {
            notes.push(Note::Status(words[0].to_string()));
            Some(TargetDate::Unset)
        }
        // `Completed March 2012`, `Done - see note`: a status with its day or
        // a remark; not `Done by May 2012` (a deadline) nor `Delivered
        // through the partnership` (no status).
        ["completed" | "achieved" | "delivered", next, ..]
            if next.is_empty()
                || month_number(next).is_some()
                || matches!(*next, "on" | "in" | "see" | "and") =>
        {
            notes.push(Note::Status(words[0].to_string()));
            Some(TargetDate::Unset)
        }
        ["done", next, ..] if next.is_empty() || month_number(next).is_some() => {
            notes.push(Note::Status(words[0].to_string()));
            Some(TargetDate::Unset)
        }
        _ => None,
    }
}

/// `Dates to be confirmed`, `Date TBC`: no date yet, said anywhere in a text
/// that writes none.
fn undecided(tokens: &[Token]) -> bool {
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    let said = words.iter().any(|w| matches!(*w, "tbc" | "tba" | "tbd"))
        || words.windows(3).any(|w| {
            matches!(
                w,
                [
                    "to",
                    "be",
                    "confirmed" | "agreed" | "decided" | "determined" | "arranged"
                ] | [
                    "not",
                    "yet",
                    "known" | "agreed" | "set" | "confirmed" | "decided"
                ]
            )
        });
    let dated = tokens
        .iter()
        .any(|t| matches!(t, Token::Number { digits, .. } if *digits > 0));
    said && !dated
}

/// `commencement of the Action Plan`, `the start of the plan`: the plan start.
pub(super) fn is_plan_start(words: &[&str], tokens: usize) -> bool {
    let start = words
        .iter()
        .any(|w| matches!(*w, "commencement" | "start" | "beginning" | "launch"));
    // The anchor ends at the plan: `of commencement of the action plan`.
    let plan = matches!(words.last(), Some(&("plan" | "strategy")));
    // Words only: `6 months of start of phase 2` is not the plan start.
    start && plan && words.iter().all(|w| !w.is_empty()) && words.len() == tokens
}

/// A window of the text read as one form.
struct Found {
    at: usize,
    len: usize,
    target: TargetDate,
    notes: Vec<Note>,
}

/// The one date (or, of two, the last) inside words, with a note naming it.
pub(super) fn read_in_words(
    tokens: &[Token],
    calendar: &Calendar,
    notes: &mut Vec<Note>,
) -> Option<TargetDate> {
    if tokens.len() > MOST_TOKENS {
        return None;
    }
    let words: Vec<&str> = tokens.iter().map(Token::word).collect();
    if let Some(target) = status_or_unset(&words, notes) {
        return Some(target);
    }
    if undecided(tokens) {
        return Some(TargetDate::Unset);
    }
    let found = windows(tokens, calendar);
    let mut covered = vec![false; tokens.len()];
    for f in &found {
        covered[f.at..f.at + f.len]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let rest: Vec<&Token> = (0..tokens.len())
        .filter(|i| !covered[*i])
        .map(|i| &tokens[i])
        .collect();
    let stray = (0..tokens.len()).any(|i| !covered[i] && stray_number(tokens, i));
    if stray || !rest_is_words(&rest) {
        return None;
    }
    let ongoing = rest.iter().any(|t| t.word() == "ongoing");
    if found.is_empty() && matches!(words.first(), Some(&("ongoing" | "continuous"))) {
        // `Ongoing as part of the review`: ongoing, with words after it.
        notes.push(Note::InWords {
            read: vec![words[0].to_string()],
        });
        return Some(TargetDate::Ongoing);
    }
    let (first, last) = (found.first()?, found.last()?);
    let target = match (&first.target, &last.target) {
        (_, TargetDate::Dated(l)) if ongoing => TargetDate::MilestoneThenOngoing(*l),
        (TargetDate::Dated(f), TargetDate::Dated(l)) => TargetDate::Dated(Interval {
            from: f.from.min(l.to),
            to: l.to,
        }),
        (_, target) => target.clone(),
    };
    notes.push(Note::InWords {
        read: found
            .iter()
            .map(|f| super::show(&tokens[f.at..f.at + f.len]))
            .collect(),
    });
    notes.extend(found.into_iter().flat_map(|f| f.notes));
    Some(target)
}

/// Month names of the other languages of Europe's public bodies (French,
/// German, Spanish, Italian, Portuguese, Dutch, Polish, Irish, Scottish
/// Gaelic, Cornish): a cell that names one names a month the grammar does
/// not read.
const OTHER_MONTHS: &[&str] = &[
    "janvier",
    "février",
    "fevrier",
    "avril",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "januar",
    "jänner",
    "februar",
    "märz",
    "maerz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "styczeń",
    "styczen",
    "luty",
    "marzec",
    "kwiecień",
    "kwiecien",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "sierpien",
    "wrzesień",
    "wrzesien",
    "październik",
    "pazdziernik",
    "listopad",
    "grudzień",
    "grudzien",
    "eanáir",
    "eanair",
    "feabhra",
    "márta",
    "marta",
    "aibreán",
    "aibrean",
    "bealtaine",
    "meitheamh",
    "iúil",
    "iuil",
    "lúnasa",
    "lunasa",
    "fómhair",
    "fomhair",
    "samhna",
    "nollaig",
    "faoilleach",
    "gearran",
    "màrt",
    "giblean",
    "cèitean",
    "ceitean",
    "ògmhios",
    "ogmhios",
    "iuchar",
    "lùnastal",
    "lunastal",
    "sultain",
    "dàmhair",
    "damhair",
    "samhain",
    "dùbhlachd",
    "dubhlachd",
    "genver",
    "hwevrer",
    "meurth",
    "ebrel",
    "metheven",
    "gortheren",
    "gwynngala",
    "hedra",
    "kevardhu",
];

/// A word that names a month the grammar does not read: another language's
/// month, or a misspelt Welsh one (`Mehefn`).
fn names_a_month(word: &str) -> bool {
    // A misspelt English date word (`Sumer`) is refused where the rest of
    // the words are read, with its own hint.
    OTHER_MONTHS.contains(&word) || super::welsh::near_a_month(word)
}

/// A year read alone after a word the grammar does not know (`Juin 2023`,
/// `Mehefn 2023`): that word may name the month or day, so the year is no
/// deadline. The reason, for a `bad-date` error.
pub(super) fn unknown_before_year(tokens: &[Token]) -> Option<String> {
    tokens.windows(2).enumerate().find_map(|(at, pair)| {
        let [Token::Word(w), Token::Number { value, digits: 4 }] = pair else {
            return None;
        };
        // `eleni (2024/25)`: a financial year, not a year alone.
        if matches!(tokens.get(at + 2), Some(Token::Dash | Token::Slash)) {
            return None;
        }
        let after_a_day = at > 0
            && is_day_number(&tokens[at - 1])
            && (at == 1 || leads_to_a_day(tokens[at - 2].word()))
            && unknown_word(w);
        let month = (names_a_month(w) || after_a_day) && (1900..=2100).contains(value);
        month.then(|| {
            format!(
                "only the year {value} would be read, and `{w}` before it may name a month or \
                 a day the grammar does not know: write the month in English or Welsh \
                 (June {value}, Mehefin {value}), or the year alone"
            )
        })
    })
}

/// `31` in `31 Foo 2013`: a number that can be a day of a month.
fn is_day_number(token: &Token) -> bool {
    matches!(
        token,
        Token::Number {
            value: 1..=31,
            digits: 1 | 2
        }
    )
}

/// A word that comes before a day in a date (`by 31 …`), as against the
/// day being a number of something else (`Phase 2 review 2013`).
fn leads_to_a_day(word: &str) -> bool {
    matches!(
        word,
        "by" | "on" | "before" | "until" | "till" | "end" | "of" | "the" | "from" | "than"
    )
}

/// A word between a day and a year that is no word of the grammar there
/// (a month, a weekday, a unit of a span): most likely a month it does not
/// know (`31 Foo 2013`, a misspelt or another language's month).
fn unknown_word(word: &str) -> bool {
    const KNOWN: &[&str] = &[
        "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "q", "of",
        "st", "nd", "rd", "th",
    ];
    word.chars().all(char::is_alphabetic)
        && super::periods::month_number(word).is_none()
        && !super::tokens::is_weekday(word)
        && !KNOWN.contains(&word)
}

/// Left to right, the longest window at each place that reads as a date.
fn windows(tokens: &[Token], calendar: &Calendar) -> Vec<Found> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let longest = (1..=LONGEST_FORM.min(tokens.len() - at))
            .rev()
            .find_map(|len| window(&tokens[at..at + len], calendar).map(|f| (len, f)));
        match longest {
            Some((len, (target, notes))) => {
                found.push(Found {
                    at,
                    len,
                    target,
                    notes,
                });
                at += len;
            }
            None => at += 1,
        }
    }
    found
}

/// A window that holds a number or a cadence and reads as a dated form. A
/// bare span (`6 months`) is not taken: in words it counts from some event.
fn window(tokens: &[Token], calendar: &Calendar) -> Option<(TargetDate, Vec<Note>)> {
    let edge = |t: Option<&Token>| matches!(t, Some(Token::Dash | Token::Slash | Token::And));
    if edge(tokens.first()) || edge(tokens.last()) {
        return None;
    }
    let numbered = tokens.iter().any(|t| matches!(t, Token::Number { .. }));
    if !numbered && !recurring::has_cadence(tokens) {
        return None;
    }
    let bare = match tokens {
        [Token::Word(w), rest @ ..] if w == "within" || w == "in" => rest,
        _ => tokens,
    };
    if parse_span(bare).is_some() {
        return None;
    }
    let mut notes = Vec::new();
    let target = read_tokens(tokens, calendar, &mut notes)?;
    match target {
        TargetDate::Dated(_)
        | TargetDate::MilestoneThenOngoing(_)
        | TargetDate::OngoingFrom(_)
        | TargetDate::Recurring(_) => Some((target, notes)),
        _ => None,
    }
}

/// What is left around the dates must be prose: at least one word, no stray
/// digits (a date written wrong), and no misspelt month.
fn rest_is_words(rest: &[&Token]) -> bool {
    let mut prose = false;
    for token in rest {
        match token {
            Token::Word(w) if nearest_date_word(w).is_some() => return false,
            // A month or season left over was not understood (`Autumn term 2012`).
            Token::Word(w) if super::named_period(w, 2000).is_some() => return false,
            Token::Word(w) if w.chars().count() > 1 && !is_date_word(w) => prose = true,
            _ => {}
        }
    }
    prose
}

/// A number left over that belongs to a date written wrong: one beside a
/// dash, slash or another number, before a month, or after `Q` or a month
/// (`31 February 2012`, `2012-14-01`, `Q5 2012`). A number among words
/// (`Phase 2 by March 2013`) is the words' own.
fn stray_number(tokens: &[Token], at: usize) -> bool {
    if !matches!(tokens[at], Token::Number { digits, .. } if digits > 0) {
        return false;
    }
    let glued =
        |t: Option<&Token>| matches!(t, Some(Token::Dash | Token::Slash | Token::Number { .. }));
    let before = at.checked_sub(1).and_then(|i| tokens.get(i));
    let after = tokens.get(at + 1);
    let dated = |t: Option<&Token>| t.is_some_and(|t| is_date_word(t.word()));
    glued(before) || glued(after) || dated(before) || dated(after)
}

/// The words of the grammar, for spotting typos.
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "autumn",
    "winter",
    "ongoing",
    "immediate",
    "immediately",
    "quarterly",
    "annually",
    "monthly",
    "weekly",
    "onwards",
    "months",
    "weeks",
];

fn is_date_word(word: &str) -> bool {
    DATE_WORDS.contains(&word) || month_number(word).is_some() || word == "q"
}

/// A word that is not a date word but one or two letters from one (`Sumer`).
fn nearest_date_word(word: &str) -> Option<&'static str> {
    // No month is longer than 9 letters (and a pasted paragraph is not one).
    if !(4..=12).contains(&word.chars().count()) || is_date_word(word) {
        return None;
    }
    let most = if word.chars().count() <= 6 { 1 } else { 2 };
    // `Sumer`, `Smarch`, `Setpember`; but not `during` (two from `spring`).
    DATE_WORDS
        .iter()
        .map(|w| (strsim::damerau_levenshtein(word, w), *w))
        .filter(|(d, _)| *d <= most)
        .min()
        .map(|(_, w)| w)
}

/// Help for a text that fits no form: the nearest form, or what to write.
pub(super) fn hint(text: &str, calendar: &Calendar) -> Option<String> {
    if text.len() > MOST_BYTES {
        return None;
    }
    let clean = sanitize(text);
    let tokens = tokenize(&clean).ok()?;
    if let Some(help) = numeric_date_hint(&tokens) {
        return Some(help);
    }
    if let Some(help) = event_hint(&tokens) {
        return Some(help);
    }
    for word in tokens.iter().map(Token::word) {
        let Some(near) = nearest_date_word(word) else {
            continue;
        };
        let fixed = replace_word(&clean, word, near);
        let mut notes = Vec::new();
        let reads = tokenize(&fixed)
            .ok()
            .and_then(|t| read_tokens(&t, calendar, &mut notes))
            .is_some();
        let shown = if reads {
            fixed.trim().to_string()
        } else {
            near.to_string()
        };
        return Some(format!("did you mean `{}`?", capitalise(&shown)));
    }
    let dated = tokens.iter().any(|t| match t {
        Token::Number { digits, .. } => *digits > 0,
        Token::Word(w) => is_date_word(w),
        _ => false,
    });
    (!dated).then(|| "write the target date, or `TBC` if none is agreed".to_string())
}

/// `03/31/2013`, `31/13/2013`, `31/02/2013`: say what is wrong with it.
fn numeric_date_hint(tokens: &[Token]) -> Option<String> {
    use Token::{Dash, Number, Slash, Word};
    for at in 0..tokens.len() {
        let (d, m, y) = match &tokens[at..] {
            [
                d @ Number { .. },
                Dash | Slash,
                m @ Number { .. },
                Dash | Slash,
                y @ Number { .. },
                ..,
            ] => super::day_month_year(d, m, y)?,
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
                ..,
            ] => (*d, month_number(m).unwrap_or(0), *y as i32),
            _ => continue,
        };
        if m > 12 {
            return Some(if d <= 12 {
                format!("the plan reads dates day first: did you mean {m:02}/{d:02}/{y}?")
            } else {
                format!("there is no month {m}: dates are read day first (31/03/2013)")
            });
        }
        if m >= 1 && chrono::NaiveDate::from_ymd_opt(y, m, d).is_none() {
            let month = super::months(y, m, 1)?.from.format("%B %Y");
            return Some(format!("{month} has no day {d}"));
        }
    }
    None
}

/// `within six months of the Executive decision`: a span from an event.
fn event_hint(tokens: &[Token]) -> Option<String> {
    let at = tokens
        .iter()
        .position(|t| matches!(t.word(), "of" | "after" | "following" | "from" | "before"))?;
    let span_before = (0..at).any(|s| parse_span(&tokens[s..at]).is_some());
    let span = (0..at).find_map(|s| parse_span(&tokens[s..at]).map(|_| s))?;
    let event = super::show(&tokens[at + 1..]);
    let id: Vec<&str> = tokens[at + 1..]
        .iter()
        .map(Token::word)
        .filter(|w| !matches!(*w, "the" | "a" | "an" | "of"))
        .collect();
    let id = id.join("-");
    let span = super::show(&tokens[span..at]);
    span_before.then(|| {
        format!(
            "it counts from an event (`{event}`): declare it, [[event]] id = \"{id}\" title = \"{event}\" \
             (with date = YYYY-MM-DD once it has happened), and write due = \"{span} after {id}\"; \
             or `{span} after TASK-ID` when the event is a task of the plan"
        )
    })
}

fn replace_word(text: &str, word: &str, with: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            if w.to_lowercase() == word {
                with.to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
