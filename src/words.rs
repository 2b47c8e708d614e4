//! The plan's fixed vocabularies (RAG statuses, responses, kinds of agency,
//! which way a curve should turn), each declared once: the words a file may
//! write, the one `plan` writes back, and the parsing. The reader, the
//! command line, `plan schema` and the findings' wording all take them
//! from here.

/// A closed set of words naming the values of a type. The code uses each
/// type's own `as_str` and `parse`; the trait lists the words (for the
/// reader, `plan schema` and the findings), and, for the round-trip test,
/// the values and the two conversions.
pub trait Words: Sized + Copy + 'static {
    /// Every value, in order.
    #[cfg(test)]
    const ALL: &'static [Self];
    /// The word for each value, as `plan` writes it.
    const WORDS: &'static [&'static str];
    /// Every word accepted: the words and their other spellings.
    const ACCEPTED: &'static [&'static str];

    #[cfg(test)]
    fn as_str(self) -> &'static str;

    /// The value a word names, in any case, with `-`, `_` or a space
    /// between its parts.
    #[cfg(test)]
    fn parse(text: &str) -> Option<Self>;
}

/// A word as compared: trimmed, lower case, parts joined by `-`.
pub fn normalise(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
        .collect()
}

/// "red, amber, green or blue": a list of words as a person writes it.
pub fn either(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// "1 day", "3 days", "2 agencies": a count and its word, plural unless
/// the count is one; the one way `plan` writes a count of something. Any
/// integer: a count of tasks is a `usize`, of days an `i64`. The plural is
/// the regular one ("agency", "agencies"): every word `plan` counts has it.
pub fn count(n: impl std::fmt::Display, word: &str) -> String {
    let n = n.to_string();
    if n == "1" {
        return format!("{n} {word}");
    }
    match word.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{n} {stem}ies"),
        _ => format!("{n} {word}s"),
    }
}

/// Declares the words of an enum: `Variant => "word" | "other spelling"`.
macro_rules! words {
    ($type:ty { $($variant:ident => $word:literal $(| $alias:literal)*),* $(,)? }) => {
        impl $type {
            /// The word for the value, as `plan` writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(<$type>::$variant => $word,)*
                }
            }

            /// The value a word names, in any case, with `-`, `_` or a space
            /// between its parts.
            pub fn parse(text: &str) -> Option<Self> {
                // As written by `plan` itself (the common case): no copy made.
                match text {
                    $($word => return Some(<$type>::$variant),)*
                    _ => {}
                }
                let word = $crate::words::normalise(text);
                match word.as_str() {
                    $($word $(| $alias)* => Some(<$type>::$variant),)*
                    _ => None,
                }
            }
        }

        impl $crate::words::Words for $type {
            #[cfg(test)]
            const ALL: &'static [Self] = &[$(<$type>::$variant),*];
            const WORDS: &'static [&'static str] = &[$($word),*];
            const ACCEPTED: &'static [&'static str] = &[$($word $(, $alias)*),*];

            #[cfg(test)]
            fn as_str(self) -> &'static str {
                <$type>::as_str(self)
            }

            #[cfg(test)]
            fn parse(text: &str) -> Option<Self> {
                <$type>::parse(text)
            }
        }
    };
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgencyKind, Better, Rag, Response};

    #[test]
    fn a_count_is_plural_unless_one() {
        assert_eq!(count(1_usize, "day"), "1 day");
        assert_eq!(count(1_i64, "working day"), "1 working day");
        assert_eq!(count(0_u32, "task"), "0 tasks");
        assert_eq!(count(61_i64, "day"), "61 days");
        assert_eq!(count(2_usize, "new agency"), "2 new agencies");
        assert_eq!(count(1_usize, "new agency"), "1 new agency");
    }

    fn round_trip<T: Words + PartialEq + std::fmt::Debug>() {
        for (value, word) in T::ALL.iter().zip(T::WORDS) {
            assert_eq!(value.as_str(), *word);
            assert_eq!(T::parse(word), Some(*value));
            assert_eq!(T::parse(&word.to_uppercase()), Some(*value));
        }
        for word in T::ACCEPTED {
            assert!(T::parse(word).is_some(), "{word}");
        }
        assert_eq!(T::parse("no such word"), None);
    }

    #[test]
    fn every_word_names_its_value_in_any_case() {
        round_trip::<Rag>();
        round_trip::<Response>();
        round_trip::<AgencyKind>();
        round_trip::<Better>();
        assert_eq!(Rag::parse(" Complete "), Some(Rag::Blue));
        assert_eq!(
            Response::parse("Partially accepted"),
            Some(Response::PartiallyAccepted)
        );
        assert_eq!(either(Rag::WORDS), "red, amber, green or blue");
    }
}
