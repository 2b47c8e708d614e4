//! `plan`'s own words (headings, column names, states, RAG words) in each
//! language, from a message catalogue a translator can edit: Project
//! Fluent's `.ftl` files under `i18n/<code>/`, one file per area, embedded
//! in the binary so it stands alone. Plan text (task text, titles) is the
//! plan's, never the catalogue's.
//!
//! Each language's catalogue is built once per run, the first time it is
//! asked for; a message without variables is formatted then, so looking it
//! up in a report of 100,000 rows is a hash look-up, not a Fluent call.

use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::OnceLock;

mod files;

/// One language's messages.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Every message without variables, formatted once.
    plain: HashMap<String, String>,
}

/// A value handed to a message: a count (which picks the plural form) or a text.
pub enum Arg<'a> {
    Count(i64),
    Text(&'a str),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Count(i64::from(n))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl Catalogue {
    /// The catalogue of `lang`, built the first time it is asked for.
    pub fn of(lang: Lang) -> &'static Catalogue {
        static BUILT: [OnceLock<Catalogue>; Lang::ALL.len()] = [OnceLock::new(), OnceLock::new()];
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        BUILT[at].get_or_init(|| Catalogue::build(lang))
    }

    /// English: for outputs that are English whatever `--lang` says (the
    /// words of `plan export`'s files, which scripts read).
    pub fn english() -> &'static Catalogue {
        Catalogue::of(Lang::En)
    }

    fn build(lang: Lang) -> Catalogue {
        let id = lang
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around each placeable would change every
        // English line `plan` printed before the catalogue.
        bundle.set_use_isolating(false);
        for (_, text) in files::of(lang) {
            // A message of a broken file is missing (the catalogue test
            // fails on it), never a panic at run time.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        let mut plain = HashMap::new();
        for (_, text) in files::of(lang) {
            for key in files::message_ids(text) {
                if let Some(formatted) = format(&bundle, &key, None) {
                    plain.insert(key, formatted);
                }
            }
        }
        Catalogue { bundle, plain }
    }

    /// A message without variables; its key where the catalogue lacks it
    /// (the catalogue test makes sure none does).
    pub fn msg<'c>(&'c self, key: &'static str) -> &'c str {
        self.plain.get(key).map_or(key, String::as_str)
    }

    /// A message with its variables, e.g. `("count", 3.into())`.
    pub fn msg_with(&self, key: &'static str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, arg) in args {
            match arg {
                Arg::Count(n) => fluent.set(*name, FluentValue::from(*n)),
                Arg::Text(text) => fluent.set(*name, FluentValue::from(*text)),
            }
        }
        format(&self.bundle, key, Some(&fluent)).unwrap_or_else(|| key.to_string())
    }

    /// "31 March 2013", "31 Mawrth 2013": a day written in words, the
    /// language's way. ISO dates (2013-03-31) stay as they are.
    pub fn day_in_words(&self, day: NaiveDate) -> String {
        // Texts, not numbers: a year is never written "2,013".
        let (number, year) = (day.day().to_string(), day.year().to_string());
        self.msg_with(
            "day-in-words",
            &[
                ("day", number.as_str().into()),
                ("month", self.month(day.month()).into()),
                ("year", year.as_str().into()),
            ],
        )
    }

    fn month(&self, month: u32) -> &str {
        match month {
            1 => self.msg("month-1"),
            2 => self.msg("month-2"),
            3 => self.msg("month-3"),
            4 => self.msg("month-4"),
            5 => self.msg("month-5"),
            6 => self.msg("month-6"),
            7 => self.msg("month-7"),
            8 => self.msg("month-8"),
            9 => self.msg("month-9"),
            10 => self.msg("month-10"),
            11 => self.msg("month-11"),
            _ => self.msg("month-12"),
        }
    }
}

/// A message formatted; `None` where there is no such message, or where it
/// needs variables not given.
fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(key)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

#[cfg(test)]
mod tests;
