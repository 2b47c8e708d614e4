//! The plan's languages (`[plan] languages`, an agency's `language`) and
//! the twins of its texts: each twin in a language the plan declares after
//! its first, and each text people read with a twin in every such language
//! (`missing-translation`, a warning whose level the plan sets).

use super::Validator;
use crate::diag::{Diagnostic, Finding};
use crate::file_format::TableFormat;
use crate::lang::Lang;
use crate::language_findings::LanguageFinding;
use crate::raw::{RawTwins, Spanned};
use crate::source::Loc;
use crate::translations::{Translations, Twin};

impl Validator<'_> {
    fn language_finding(&mut self, finding: LanguageFinding, loc: Loc) {
        self.report(Diagnostic::new(Finding::Language(finding), loc));
    }

    /// `[plan] languages`, each code known and named once; none written
    /// is a plan in English only (an empty list: `languages` with none).
    pub(super) fn languages(&mut self, raw: Option<Spanned<Vec<Spanned<String>>>>) -> Vec<Lang> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        if raw.value.is_empty() {
            self.language_finding(LanguageFinding::NoLanguages, raw.loc);
        }
        let mut languages: Vec<(Lang, Loc)> = Vec::with_capacity(raw.value.len());
        for code in raw.value {
            let Some(lang) = self.language(&code) else {
                continue;
            };
            match languages.iter().find(|(l, _)| *l == lang) {
                Some(&(_, first)) => self.language_finding(
                    LanguageFinding::RepeatedLanguage {
                        code: code.value,
                        first,
                    },
                    code.loc,
                ),
                None => languages.push((lang, code.loc)),
            }
        }
        languages.into_iter().map(|(lang, _)| lang).collect()
    }

    /// A language code, or `None` reported.
    fn language(&mut self, code: &Spanned<String>) -> Option<Lang> {
        let lang = Lang::parse(&code.value);
        if lang.is_none() {
            let finding = LanguageFinding::UnknownLanguage {
                code: code.value.clone(),
            };
            self.language_finding(finding, code.loc);
        }
        lang
    }

    /// An agency's `language`: one `plan` knows, and, in a plan that
    /// declares its languages, one of them.
    pub(super) fn agency_language(
        &mut self,
        raw: Option<&Spanned<String>>,
        declared: &[Lang],
    ) -> Option<Lang> {
        let raw = raw?;
        let lang = self.language(raw)?;
        if !declared.is_empty() && !declared.contains(&lang) {
            let finding = LanguageFinding::AgencyLanguageNotDeclared {
                code: raw.value.clone(),
                declared: declared.to_vec(),
            };
            self.language_finding(finding, raw.loc);
            return None;
        }
        Some(lang)
    }

    /// The twins written in one table of kind `table`, each checked against
    /// the plan's `languages`; and, where the plan declares more than one,
    /// each of `bases` (a translatable key and where it is written, `None`
    /// where it is not) that has no twin in one of the others is reported
    /// at the key.
    pub(super) fn translations(
        &mut self,
        languages: &[Lang],
        twins: RawTwins,
        table: &'static TableFormat,
        bases: &[(&'static str, Option<Loc>)],
    ) -> Translations {
        let mut translations = Translations::default();
        if twins.is_empty() && languages.len() < 2 {
            return translations;
        }
        for twin in twins.into_vec() {
            let lang = Lang::parse(&twin.code.value).filter(|l| languages.contains(l));
            let key = || format!("{}_{}", twin.key.name, twin.code.value);
            let finding = match lang {
                Some(lang) if languages.first() != Some(&lang) => {
                    translations.push(Twin {
                        key: twin.key.name,
                        lang,
                        text: twin.text,
                    });
                    continue;
                }
                Some(_) => LanguageFinding::TwinOfFirstLanguage {
                    key: key(),
                    base: twin.key.name,
                },
                None => LanguageFinding::TwinNotDeclared {
                    key: key(),
                    code: twin.code.value.clone(),
                    declared: languages.to_vec(),
                },
            };
            self.language_finding(finding, twin.code.loc);
        }
        for &(key, loc) in bases {
            let Some(loc) = loc else { continue };
            for &lang in languages.iter().skip(1) {
                if translations.get(key, lang).is_none() {
                    let finding = LanguageFinding::MissingTranslation { key, lang, table };
                    self.language_finding(finding, loc);
                }
            }
        }
        translations
    }
}

/// Where a list key is written: its first text (an empty list has nothing to translate).
pub(super) fn list_loc(list: &[Spanned<String>]) -> Option<Loc> {
    list.first().map(|s| s.loc)
}
