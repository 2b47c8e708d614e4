//! Welsh target dates, read as their English twins: a cell written in Welsh
//! ("erbyn diwedd mis Mawrth 2013", "o fis Mawrth 2021", "Haf 2012 ac yn
//! parhau") has its words put into the grammar's English ("by end of march
//! 2013", "from march 2021", "summer 2012 & ongoing") before it is read,
//! so every form gives the interval its English twin gives.
//!
//! Month names are taken with the soft and nasal mutations documents use
//! (`fis`, `o Orffennaf`, `ym Mehefin`, `o Ragfyr`, `ddiwedd`). `Hydref` is
//! October, save after the article (`yr hydref`) or beside `tymor` (term),
//! where it is autumn.

use super::Token;

/// The months, each with the forms mutation gives it (radical first).
const MONTHS: &[(&[&str], &str)] = &[
    (&["ionawr"], "january"),
    (&["chwefror"], "february"),
    (&["mawrth", "fawrth"], "march"),
    (&["ebrill"], "april"),
    (&["mai", "fai"], "may"),
    (&["mehefin", "fehefin"], "june"),
    (&["gorffennaf", "orffennaf", "ngorffennaf"], "july"),
    (&["awst"], "august"),
    (&["medi", "fedi"], "september"),
    (&["hydref"], "october"),
    (&["tachwedd", "dachwedd", "nhachwedd"], "november"),
    (&["rhagfyr", "ragfyr"], "december"),
];

/// Seasons other than `hydref` (which is October unless marked as autumn).
const SEASONS: &[(&[&str], &str)] = &[
    (&["gwanwyn", "wanwyn"], "spring"),
    (&["haf"], "summer"),
    (&["gaeaf", "aeaf"], "winter"),
];

/// Numbers written as words, with their mutations.
const NUMBERS: &[(&[&str], &str)] = &[
    (&["un"], "one"),
    (&["dau", "ddau", "dwy", "ddwy"], "two"),
    (&["tri", "dri", "tair", "dair"], "three"),
    (&["pedwar", "bedwar", "pedair", "bedair"], "four"),
    (&["pump", "pum", "bum"], "five"),
    (&["chwe", "chwech"], "six"),
    (&["saith"], "seven"),
    (&["wyth"], "eight"),
    (&["naw"], "nine"),
    (&["deg", "ddeg"], "ten"),
    (&["deuddeg", "ddeuddeg"], "twelve"),
    (&["deunaw", "ddeunaw"], "eighteen"),
];

/// Phrases, longest first where one starts another: Welsh words, English words.
const PHRASES: &[(&[&str], &[&str])] = &[
    (
        &["heb", "fod", "yn", "hwyrach", "na"],
        &["no", "later", "than"],
    ),
    (&["cyn", "gynted", "â", "phosibl"], &["asap"]),
    (&["cyn", "gynted", "a", "phosibl"], &["asap"]),
    (&["cyn", "gynted", "ag", "sy", "yn", "bosibl"], &["asap"]),
    (
        &["cyn", "gynted", "ag", "y", "bo", "yn", "bosibl"],
        &["asap"],
    ),
    (&["ar", "unwaith"], &["immediately"]),
    // `… ar ôl diwedd pob blwyddyn ariannol`: after the end of each financial year.
    (
        &["ar", "ôl", "diwedd", "pob", "blwyddyn", "ariannol"],
        &["every", "year"],
    ),
    (&["blwyddyn", "ariannol"], &["financial", "year"]),
    (&["flwyddyn", "ariannol"], &["financial", "year"]),
    (&["wythnos", "yn", "dechrau"], &["week", "commencing"]),
    (&["yn", "gynnar", "yn"], &["early"]),
    (&["yn", "ddiweddarach", "yn"], &["late"]),
    (&["fan", "bellaf"], &["at", "the", "latest"]),
    (&["ymlaen"], &["onwards"]),
    (&["ac", "yn", "parhau"], &["&", "ongoing"]),
    (&["a", "pharhaus"], &["&", "ongoing"]),
    (&["yn", "parhau"], &["ongoing"]),
    (&["parhaus"], &["ongoing"]),
    (&["yn", "flynyddol"], &["annually"]),
    (&["yn", "fisol"], &["monthly"]),
    (&["yn", "chwarterol"], &["quarterly"]),
    (&["yn", "wythnosol"], &["weekly"]),
    (&["blynyddol"], &["annually"]),
    (&["misol"], &["monthly"]),
    (&["chwarterol"], &["quarterly"]),
    (&["wythnosol"], &["weekly"]),
    (&["bob", "blwyddyn"], &["every", "year"]),
    (&["pob", "blwyddyn"], &["every", "year"]),
    (&["yn", "ystod"], &["during"]),
    (&["o", "fewn"], &["within"]),
    (&["hyd", "at"], &["until"]),
    (&["erbyn"], &["by"]),
    (&["cyn"], &["before"]),
    // `rhwng diwedd mis Mawrth a mis Ebrill`: late March.
    (&["rhwng", "diwedd"], &["between", "late"]),
    (&["rhwng"], &["between"]),
    (&["tan"], &["until"]),
    (&["ar", "ddechrau"], &["early"]),
    (&["ar", "ddiwedd"], &["end", "of"]),
    (&["ddechrau"], &["early"]),
    (&["dechrau"], &["early"]),
    (&["canol"], &["mid"]),
    (&["ddiwedd"], &["end", "of"]),
    (&["diwedd"], &["end", "of"]),
    (&["tymor", "yr", "hydref"], &["autumn", "term"]),
    (&["tymor", "y", "gwanwyn"], &["spring", "term"]),
    (&["tymor", "yr", "haf"], &["summer", "term"]),
    (&["hydref", "tymor"], &["autumn"]),
    (&["yr", "hydref"], &["autumn"]),
    (&["chwarter"], &["quarter"]),
    (&["o", "leiaf", "bob"], &["every"]),
    (&["o", "leiaf"], &["at", "least"]),
    (&["bob"], &["every"]),
    (&["pob"], &["every"]),
];

/// Words only Welsh cells use: one of them makes a cell Welsh.
const WELSH: &[&str] = &[
    "mis",
    "fis",
    "ym",
    "yng",
    "erbyn",
    "rhwng",
    "hyd",
    "diwedd",
    "ddiwedd",
    "dechrau",
    "ddechrau",
    "canol",
    "parhaus",
    "parhau",
    "unwaith",
    "gynted",
    "fewn",
    "ystod",
    "chwarter",
    "tymor",
    "heb",
    "flynyddol",
    "blynyddol",
    "fisol",
    "misol",
    "chwarterol",
    "wythnosol",
    "dydd",
    "ddydd",
    "leiaf",
    "bob",
    "pob",
    "blynedd",
    "mlynedd",
    "flynedd",
    "blwyddyn",
    "flwyddyn",
    "wythnos",
    "niwrnod",
    "diwrnod",
    "misoedd",
    "fisoedd",
    "ymlaen",
    "bellaf",
    "gynnar",
    "ddiweddarach",
    "eleni",
];

/// `dydd Mawrth` is Tuesday, not March: the weekday after `dydd` is noise.
const WEEKDAYS: &[&str] = &[
    "llun", "mawrth", "mercher", "iau", "gwener", "sadwrn", "sul",
];

fn lookup(table: &[(&[&str], &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(forms, _)| forms.contains(&word))
        .map(|(_, english)| *english)
}

/// The English month a Welsh month name (mutated or not) names.
pub(super) fn month(word: &str) -> Option<&'static str> {
    lookup(MONTHS, word)
}

/// A word one letter from a Welsh month or season (two for the long
/// ones), not itself one: `Mehefn`, `Gorfennaf`, `Rhagfir`.
pub(super) fn near_a_month(word: &str) -> bool {
    let letters = word.chars().count();
    if letters < 5 || month(word).is_some() || lookup(SEASONS, word).is_some() {
        return false;
    }
    let most = if letters <= 6 { 1 } else { 2 };
    MONTHS
        .iter()
        .chain(SEASONS)
        .flat_map(|(forms, _)| forms.iter())
        .filter(|form| form.chars().count() >= 5)
        .any(|form| strsim::damerau_levenshtein(word, form) <= most)
}

/// Every Welsh word the reader knows, in one set: asked of every word of
/// every target, so a lookup, not a walk along the lists (at 100,000 tasks
/// the walk cost `plan check` a tenth of its time).
fn is_welsh_word(word: &str) -> bool {
    static KNOWN: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    KNOWN
        .get_or_init(|| {
            let forms = MONTHS
                .iter()
                .chain(SEASONS)
                .flat_map(|(forms, _)| forms.iter());
            WELSH.iter().chain(forms).copied().chain(["ch"]).collect()
        })
        .contains(word)
}

/// Whether the tokens are a Welsh cell (a Welsh month, season or word).
fn is_welsh(tokens: &[Token]) -> bool {
    let years = tokens.windows(3).any(|w| {
        matches!(
            w,
            [Token::Number { .. }, Token::Word(i), Token::Number { .. }] if i == "i"
        )
    });
    years || tokens.iter().any(|t| is_welsh_word(t.word()))
}

/// Welsh words as the grammar's English; English cells are left as they are.
pub(super) fn english(tokens: Vec<Token>) -> Vec<Token> {
    if !is_welsh(&tokens) {
        return tokens;
    }
    let tokens = split_clitics(tokens);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut at = 0;
    while at < tokens.len() {
        at += step(&tokens, at, &mut out);
    }
    out
}

/// `ddechrau’r` is `ddechrau yr`; `sy’n` is `sy yn`; `o’r` is `o yr`.
fn split_clitics(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let Token::Word(word) = &token else {
            out.push(token);
            continue;
        };
        let mut parts = word.split('\'').filter(|p| !p.is_empty());
        let Some(first) = parts.next() else {
            continue;
        };
        out.push(Token::Word(first.to_string()));
        for part in parts {
            let whole = match part {
                "r" => "yr",
                "n" => "yn",
                "w" => "ei",
                other => other,
            };
            out.push(Token::Word(whole.to_string()));
        }
    }
    out
}

fn word(text: &str) -> Token {
    match text {
        "&" => Token::And,
        _ => Token::Word(text.to_string()),
    }
}

/// A date, month, season or quarter starts at `at` (`a mis Ebrill`, `ac 14 Mai`).
fn dated_after(tokens: &[Token], at: usize) -> bool {
    let at = match tokens.get(at).map(Token::word) {
        Some("mis" | "fis") => at + 1,
        _ => at,
    };
    match tokens.get(at) {
        Some(Token::Number { .. }) => true,
        Some(Token::Word(w)) => {
            month(w).is_some() || lookup(SEASONS, w).is_some() || w == "chwarter"
        }
        _ => false,
    }
}

fn is_month_at(tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_some_and(|t| month(t.word()).is_some())
}

/// `yn flynyddol ym mis Ebrill` is `annually in April`; elsewhere `ym mis
/// Ebrill` is `April`.
fn in_after_cadence(out: &mut Vec<Token>) {
    let cadence = matches!(
        out.last().map(Token::word),
        Some("annually" | "monthly" | "quarterly" | "weekly")
    );
    if cadence {
        out.push(word("in"));
    }
}

/// Reads the token at `at` (and any phrase starting there) into `out`;
/// returns how many tokens were read.
fn step(tokens: &[Token], at: usize, out: &mut Vec<Token>) -> usize {
    if !matches!(tokens[at], Token::Word(_)) {
        out.push(tokens[at].clone());
        return 1;
    }
    let words: Vec<&str> = tokens[at..].iter().map(Token::word).collect();
    for (welsh, english) in PHRASES {
        if words.starts_with(welsh) {
            out.extend(english.iter().map(|e| word(e)));
            return welsh.len();
        }
    }
    let next = words.get(1).copied().unwrap_or("");
    let number_before = at > 0 && matches!(tokens[at - 1], Token::Number { .. });
    let number_after = matches!(tokens.get(at + 1), Some(Token::Number { .. }));
    match words[0] {
        // `dydd Llun 31 Hydref`: the weekday is noise.
        "dydd" | "ddydd" if WEEKDAYS.contains(&next) => return 2,
        "dydd" | "ddydd" => return 1,
        // `mis Mawrth`, `ym mis Ebrill`, `ym Mehefin`: the month alone.
        "ym" | "yng" | "yn" if matches!(next, "mis" | "fis") && is_month_at(tokens, at + 2) => {
            in_after_cadence(out);
            return 2;
        }
        "mis" | "fis" | "ym" | "yng" | "yn" if is_month_at(tokens, at + 1) => {
            if words[0] != "mis" && words[0] != "fis" {
                in_after_cadence(out);
            }
            return 1;
        }
        // `6 mis`, `40 niwrnod gwaith`, `4 blynedd`: the units of a span.
        "mis" | "fis" | "misoedd" | "fisoedd" => out.push(word("months")),
        "blynedd" | "mlynedd" | "flynedd" | "blwyddyn" | "flwyddyn" => out.push(word("years")),
        "wythnos" | "wythnosau" => out.push(word("weeks")),
        "diwrnod" | "niwrnod" | "ddiwrnod" if next == "gwaith" => {
            out.extend([word("working"), word("days")]);
            return 2;
        }
        "diwrnod" | "niwrnod" | "ddiwrnod" | "diwrnodau" => out.push(word("days")),
        // `20fed o Ragfyr` (`o` between a day and its month), `chwarter 4 o 2015/16`.
        "o" if number_before && (is_month_at(tokens, at + 1) || number_after) => {}
        // `o fis Mawrth 2021`, `o Orffennaf`: from.
        "o" => out.push(word("from")),
        // `rhwng mis Hydref a mis Mawrth`, `Chwarter 4 ac 1`.
        "a" | "ac" if dated_after(tokens, at + 1) => out.push(Token::And),
        // `2018 i 2019`: one financial year.
        "i" if number_before && number_after => out.push(Token::Slash),
        "y" | "yr" => {}
        // `ym mis Hydref eleni` (this year): the month, its year taken from
        // the plan's period, with the `year-assumed` warning.
        "eleni" if at > 0 && month(tokens[at - 1].word()).is_some() => {}
        "ch" if number_after => out.push(word("q")),
        other => {
            if let Some(value) = lookup(NUMBERS, other).and_then(super::tokens::number_word) {
                out.push(Token::Number { value, digits: 0 });
                return 1;
            }
            let english = month(other).or_else(|| lookup(SEASONS, other));
            out.push(word(english.unwrap_or(other)));
        }
    }
    1
}
