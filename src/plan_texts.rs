//! The plan's own texts (titles, task texts, notes ...) in the language a
//! reader asked for: the one place the reports, `plan show` and the
//! Highlight Report pick a translation (`Translations::pick`) and mark a
//! text that has none, so that it is never passed off as a translation.
//! A text shown as written in another language is followed by a marker
//! from the catalogue, "(in Welsh only)", and in HTML carries its own
//! `lang`.

use crate::catalogue::Catalogue;
use crate::lang::Lang;
use crate::model::{Plan, Task};
use crate::render::document::Text;
use crate::render::report::{Cell, PlanText};
use crate::translations::{Picked, Translations};
use std::borrow::Cow;

/// The language texts are wanted in, and the plan's first language (the
/// one its unsuffixed keys are written in).
#[derive(Debug, Clone, Copy)]
pub struct PlanTexts {
    pub lang: Lang,
    pub first: Lang,
}

impl PlanTexts {
    /// Texts for a reader of `lang`. A plan that is not written in `lang`
    /// (one that declares no languages, as the bundled plan) is printed as
    /// written, unmarked, as it always was: it claims no translation, so
    /// none is missing. Only a plan that declares `lang` among its
    /// `languages` has its twins picked and a missing one marked.
    pub fn new(plan: &Plan, lang: Lang) -> PlanTexts {
        let first = plan.meta.first_language();
        match plan.meta.languages.contains(&lang) {
            true => PlanTexts { lang, first },
            false => PlanTexts { lang: first, first },
        }
    }

    /// `key`'s text (`base` as written) for this reader.
    pub fn pick<'a>(&self, translations: &'a Translations, key: &str, base: &'a str) -> Picked<'a> {
        translations.pick(key, self.lang, base, self.first)
    }

    /// As [`PlanTexts::pick`], the text with its marker where it fell back.
    pub fn text<'a>(
        &self,
        translations: &'a Translations,
        key: &str,
        base: &'a str,
    ) -> Cow<'a, str> {
        self.marked(self.pick(translations, key, base))
    }

    /// A list's texts (a card's `outcomes`), each marked where they fell back.
    pub fn list<'a>(
        &self,
        translations: &'a Translations,
        key: &str,
        base: &'a [String],
    ) -> Vec<Cow<'a, str>> {
        let picked = translations.pick_list(key, self.lang, base, self.first);
        picked
            .text
            .iter()
            .map(|text| {
                self.marked(Picked {
                    text: text.as_str(),
                    lang: picked.lang,
                    fell_back: picked.fell_back,
                })
            })
            .collect()
    }

    /// The text, followed by the marker where it is not in the language asked for.
    pub fn marked<'a>(&self, picked: Picked<'a>) -> Cow<'a, str> {
        match picked.fell_back {
            false => Cow::Borrowed(picked.text),
            true => Cow::Owned(format!("{} {}", picked.text, self.marker(picked.lang))),
        }
    }

    /// `key`'s text as a report's cell: for people in the reader's
    /// language, marked where it fell back (HTML gives it `lang`); for
    /// JSON and CSV as written, so that a script reads the same field in
    /// every `--lang`.
    pub fn cell(&self, translations: &Translations, key: &str, base: &str) -> Cell {
        self.picked_cell(self.pick(translations, key, base), base)
    }

    /// As [`PlanTexts::cell`], of a text already picked from `base`.
    pub fn picked_cell(&self, picked: Picked, base: &str) -> Cell {
        if self.lang == self.first {
            return Cell::text(base);
        }
        Cell::PlanText(Box::new(PlanText {
            shown: picked.text.to_string(),
            written: base.to_string(),
            fell_back: picked
                .fell_back
                .then(|| (picked.lang, self.marker(picked.lang).to_string())),
        }))
    }

    /// `key`'s text after an id ("EJ Safer streets"), as a cell.
    pub fn cell_after(&self, id: &str, translations: &Translations, key: &str, base: &str) -> Cell {
        let picked = self.pick(translations, key, base);
        let shown = format!("{id} {}", picked.text);
        self.composed(
            shown,
            format!("{id} {base}"),
            picked.fell_back.then_some(picked.lang),
        )
    }

    /// A list's texts (a card's `outcomes`), one a line, as a cell; nothing
    /// when there are none.
    pub fn lines_cell(&self, translations: &Translations, key: &str, base: &[String]) -> Cell {
        if base.is_empty() {
            return Cell::Empty;
        }
        let picked = translations.pick_list(key, self.lang, base, self.first);
        let shown = picked.text.join("\n");
        self.composed(
            shown,
            base.join("\n"),
            picked.fell_back.then_some(picked.lang),
        )
    }

    /// A cell of a text made from the plan's texts: `shown` for people,
    /// `written` for programs, `fell_back` the language of a text not
    /// translated.
    pub fn composed(&self, shown: String, written: String, fell_back: Option<Lang>) -> Cell {
        if self.lang == self.first {
            return Cell::text(written);
        }
        Cell::PlanText(Box::new(PlanText {
            shown,
            written,
            fell_back: fell_back.map(|lang| (lang, self.marker(lang).to_string())),
        }))
    }

    /// A task's latest progress note as a cell (see [`PlanTexts::note`]).
    pub fn note_cell(&self, task: &Task) -> Cell {
        match (self.note(task), task.note()) {
            (Some(picked), Some(base)) => self.picked_cell(picked, base),
            _ => Cell::Empty,
        }
    }

    /// `key`'s text quoted in a document (the Highlight Report).
    pub fn quoted(&self, translations: &Translations, key: &str, base: &str) -> Text {
        self.quoted_after("", translations, key, base)
    }

    /// As [`PlanTexts::quoted`], after an id ("EJ "), quoted with it.
    pub fn quoted_after(
        &self,
        id: &str,
        translations: &Translations,
        key: &str,
        base: &str,
    ) -> Text {
        let picked = self.pick(translations, key, base);
        match picked.fell_back {
            false => Text::quoted(format!("{id}{}", picked.text)),
            true => {
                let text = Text::quoted_in(picked.text, picked.lang)
                    .and(format!(" {}", self.marker(picked.lang)));
                match id.is_empty() {
                    true => text,
                    false => Text::quoted(id).and_text(text),
                }
            }
        }
    }

    /// Texts for the reader of the catalogue `cat` (one of `Catalogue::of`).
    pub fn for_catalogue(plan: &Plan, cat: &Catalogue) -> PlanTexts {
        let lang = Lang::ALL
            .into_iter()
            .find(|l| std::ptr::eq(Catalogue::of(*l), cat))
            .unwrap_or(Lang::En);
        PlanTexts::new(plan, lang)
    }

    /// "(in Welsh only)", in the reader's language, for a text in `written_in`.
    pub fn marker(&self, written_in: Lang) -> &'static str {
        let cat = Catalogue::of(self.lang);
        match written_in {
            Lang::Cy => cat.msg("only-in-cy"),
            Lang::En => cat.msg("only-in-en"),
        }
    }

    /// A task's latest progress note (`Task::note`), picked: the twins of
    /// the entry it came from, or of the task's own `note`.
    pub fn note<'a>(&self, task: &'a Task) -> Option<Picked<'a>> {
        let note = task.note()?;
        let translations = task
            .updates
            .iter()
            .find(|u| u.note.as_deref().is_some_and(|n| std::ptr::eq(n, note)))
            .map_or(&task.translations, |u| &u.translations);
        Some(self.pick(translations, "note", note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translations::{Twin, TwinText};

    #[test]
    fn a_text_without_a_translation_is_marked_in_the_readers_language() {
        let mut t = Translations::default();
        t.push(Twin {
            key: "title",
            lang: Lang::En,
            text: TwinText::One("Safer streets".into()),
        });
        let english = PlanTexts {
            lang: Lang::En,
            first: Lang::Cy,
        };
        assert_eq!(english.text(&t, "title", "Strydoedd"), "Safer streets");
        assert_eq!(english.text(&t, "story", "Stori"), "Stori (in Welsh only)");
        let welsh = PlanTexts {
            lang: Lang::Cy,
            first: Lang::En,
        };
        assert_eq!(
            welsh.text(&t, "title", "Safer"),
            "Safer (yn Saesneg yn unig)"
        );
        let same = PlanTexts {
            lang: Lang::En,
            first: Lang::En,
        };
        assert_eq!(same.text(&t, "title", "Safer"), "Safer");
    }
}
