//! The findings about a plan's languages and translations (docs/format.md,
//! "Languages"), with their wording: `[plan] languages` and an agency's
//! `language`, the twins of translatable keys, and a text with no twin.

use crate::codes::Code;
use crate::file_format::TableFormat;
use crate::lang::Lang;
use crate::source::Loc;

/// What a check of the plan's languages found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageFinding {
    /// A code `plan` does not know, in `languages` or an agency's `language`.
    UnknownLanguage { code: String },
    /// A language named twice in `languages`.
    RepeatedLanguage { code: String, first: Loc },
    /// `languages = []`.
    NoLanguages,
    /// An agency's `language` that the plan's `languages` does not name.
    AgencyLanguageNotDeclared { code: String, declared: Vec<Lang> },
    /// `title_fr`, or `title_cy` in a plan that does not declare `cy`.
    TwinNotDeclared {
        key: String,
        code: String,
        declared: Vec<Lang>,
    },
    /// `title_cy` where Welsh is the first language: `title` holds it.
    TwinOfFirstLanguage { key: String, base: &'static str },
    /// `id_cy`: the key has no twins.
    TwinOfUntranslatable {
        key: String,
        base: &'static str,
        table: &'static TableFormat,
    },
    /// A text people read with no twin in one of the plan's languages.
    MissingTranslation {
        key: &'static str,
        lang: Lang,
        table: &'static TableFormat,
    },
}

use LanguageFinding as L;

/// "cy, en", or that the plan declares none.
fn declared_words(declared: &[Lang]) -> String {
    match declared {
        [] => "the plan declares no languages (it is English only)".into(),
        _ => format!(
            "the plan declares languages = [{}]",
            declared
                .iter()
                .map(|l| format!("\"{l}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

impl LanguageFinding {
    pub fn code(&self) -> Code {
        match self {
            L::UnknownLanguage { .. }
            | L::RepeatedLanguage { .. }
            | L::NoLanguages
            | L::AgencyLanguageNotDeclared { .. } => Code::BadLanguage,
            L::TwinNotDeclared { .. }
            | L::TwinOfFirstLanguage { .. }
            | L::TwinOfUntranslatable { .. } => Code::BadTwin,
            L::MissingTranslation { .. } => Code::MissingTranslation,
        }
    }

    pub fn message(&self) -> String {
        match self {
            L::UnknownLanguage { code } => {
                format!("`{code}` is no language `plan` knows ({})", Lang::known())
            }
            L::RepeatedLanguage { code, .. } => format!("`{code}` is named twice in `languages`"),
            L::NoLanguages => "`languages` names no language".into(),
            L::AgencyLanguageNotDeclared { code, declared } => format!(
                "the agency's requests are to go in `{code}`, but {}",
                declared_words(declared)
            ),
            L::TwinNotDeclared {
                key,
                code,
                declared,
            } => format!(
                "`{key}` is a translation into `{code}`, but {}",
                declared_words(declared)
            ),
            L::TwinOfFirstLanguage { key, base } => format!(
                "`{key}` is a translation into the plan's first language, which `{base}` holds already"
            ),
            L::TwinOfUntranslatable { key, base, table } => format!(
                "`{key}` is written as a translation, but `{base}` in {} has none: it is not text people read",
                table.header
            ),
            L::MissingTranslation { key, lang, table } => format!(
                "`{key}` in {} has no translation into {} ({}): no `{key}_{lang}`",
                table.header,
                lang.own_name(),
                lang
            ),
        }
    }

    pub fn help(&self) -> Option<String> {
        let text: String = match self {
            L::UnknownLanguage { .. } => format!("write one of {}", Lang::known()),
            L::RepeatedLanguage { .. } => "name each language once, the first placed first".into(),
            L::NoLanguages => {
                "write languages = [\"cy\", \"en\"], or leave `languages` out for English only"
                    .into()
            }
            L::AgencyLanguageNotDeclared { .. } => {
                "name one of the plan's languages, or add this one to [plan] languages".into()
            }
            L::TwinNotDeclared { .. } => {
                "add the language to [plan] languages, or take the translation out".into()
            }
            L::TwinOfFirstLanguage { base, .. } => {
                format!("the unsuffixed `{base}` is the first language's text; take this one out")
            }
            L::TwinOfUntranslatable { table, .. } => {
                let keys: Vec<&str> = table.translatable().map(|k| k.name).collect();
                match keys.is_empty() {
                    true => format!("nothing in {} is translated", table.header),
                    false => format!("the keys translated here are: {}", keys.join(", ")),
                }
            }
            L::MissingTranslation { key, lang, .. } => format!(
                "add `{key}_{lang}` with the text in {}, written by the partnership: `plan` never translates; `[check] allow = [\"missing-translation\"]` while translation is under way",
                lang.own_name()
            ),
        };
        Some(text)
    }

    pub fn labels(&self) -> Vec<(Loc, String)> {
        match self {
            L::RepeatedLanguage { first, .. } => vec![(*first, "first named here".into())],
            _ => Vec::new(),
        }
    }
}
