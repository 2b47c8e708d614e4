//! Cutting a `due` text into tokens: words (lower case), numbers (with how
//! many digits were written), dashes, slashes and `and`; and writing tokens
//! back as text for the notes.

use super::named_period;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    Word(String),
    Number { value: u32, digits: usize },
    Dash,
    Slash,
    And,
}

impl Token {
    pub(super) fn word(&self) -> &str {
        match self {
            Token::Word(w) => w,
            _ => "",
        }
    }
}

/// Why a text could not be cut into tokens.
pub(super) enum TokenError {
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

/// The text cut into tokens as written (before Welsh words are put into
/// English and `on-going` is merged: see `dates::tokenize`).
pub(super) fn cut(text: &str) -> Result<Vec<Token>, TokenError> {
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
            while let Some(&(i, l)) = chars.peek() {
                // `ddechrau’r`, `sy’n`: the apostrophe inside a word is the word's.
                let inside = l == '\''
                    || (l == '’' && text[i + l.len_utf8()..].starts_with(char::is_alphabetic));
                if !l.is_alphabetic() && !inside {
                    break;
                }
                word.push_str(&if inside {
                    "'".into()
                } else {
                    l.to_lowercase().to_string()
                });
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
    Ok(tokens)
}

/// `on-going` and `on going` are the one word `ongoing`; `Quarter 2` is `Q2`.
pub(super) fn merge(tokens: Vec<Token>) -> Vec<Token> {
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
    merged
}

/// `31st`, `2nd`, and the Welsh `1af`, `2il`, `3ydd`, `6ed`, `11eg`,
/// `20fed`, `21ain`: the letters after the number say nothing more.
pub(super) fn skip_ordinal_suffix(
    rest: &str,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> bool {
    const SUFFIXES: [&str; 11] = [
        "st", "nd", "rd", "th", "af", "il", "ydd", "ed", "fed", "eg", "ain",
    ];
    let letters: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(4)
        .collect::<String>()
        .to_lowercase();
    let ordinal = SUFFIXES.contains(&letters.as_str());
    if ordinal {
        for _ in 0..letters.chars().count() {
            chars.next();
        }
    }
    ordinal
}

/// `Friday 31 March 2013`: the weekday adds nothing to the date.
pub(super) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// `six months`, `twelve weeks`: numbers written as words (never a day or a year).
pub(super) fn number_word(word: &str) -> Option<u32> {
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

/// Tokens written back as text, for notes.
pub(super) fn show(tokens: &[Token]) -> String {
    let mut text = String::new();
    for (at, token) in tokens.iter().enumerate() {
        // Before a number a dash is a hyphen (`2023-2027`, `Mar-13`); before
        // a word it joins a range (`January – March`).
        let range = matches!(tokens.get(at + 1), Some(Token::Word(_)));
        if matches!(token, Token::Dash) && range && at > 0 {
            text.push_str(" –");
            continue;
        }
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
            || (text.ends_with('-') && !text.ends_with(" -"))
            || text.ends_with('/')
            || text.ends_with('Q');
        if !text.is_empty() && !glue {
            text.push(' ');
        }
        text.push_str(&part);
    }
    text
}
