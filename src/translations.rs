//! The plan's own texts in its other languages: the twins (`title_cy`,
//! `note_en` ...) of an item's translatable keys (src/file_format.rs), kept
//! beside the item, and the one way a report, the site or a partner's
//! request asks for a text in a language. `plan` never translates: a text
//! with no twin is shown in the language it was written in, and said so.

use crate::lang::Lang;

/// The twins of one item's texts. Most plans have none: an empty one is a
/// null pointer, one word on each of a plan's 100,000 tasks and their
/// updates (a `Vec` would be three), and costs no allocation.
#[derive(Debug, Clone, Default, PartialEq)]
#[allow(clippy::box_collection)]
pub struct Translations(Option<Box<Vec<Twin>>>);

/// One key's text in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Twin {
    /// The key it is the twin of, as the file format names it (`title`).
    pub key: &'static str,
    pub lang: Lang,
    pub text: TwinText,
}

/// A twin's text: one text, or a list for a key that holds a list (`outcomes`).
#[derive(Debug, Clone, PartialEq)]
pub enum TwinText {
    One(String),
    Many(Vec<String>),
}

/// A text as a reader asked for it: the text to show, the language it is
/// in, and whether that is another language than the one asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked<'a, T: ?Sized = str> {
    pub text: &'a T,
    pub lang: Lang,
    /// True when no translation into the language asked for was written,
    /// so the text is the first language's: a renderer marks it (with
    /// `lang` on the element, and a word to the reader), never hides it.
    pub fell_back: bool,
}

impl Translations {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// Adds a twin (the reader's checks come first: one twin a key and language).
    pub fn push(&mut self, twin: Twin) {
        self.0.get_or_insert_with(Box::default).push(twin);
    }

    /// Every twin, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &Twin> {
        self.0.iter().flat_map(|twins| twins.iter())
    }

    /// The twin of `key` in `lang`, where one was written.
    pub fn get(&self, key: &str, lang: Lang) -> Option<&TwinText> {
        self.iter()
            .find(|t| t.key == key && t.lang == lang)
            .map(|t| &t.text)
    }

    /// The twins of `key`, taken out (a task's `note` moving to the
    /// history entry it becomes).
    pub fn take(&mut self, key: &str) -> Translations {
        let Some(twins) = self.0.take() else {
            return Translations::default();
        };
        let (taken, kept): (Vec<Twin>, Vec<Twin>) = twins.into_iter().partition(|t| t.key == key);
        self.0 = (!kept.is_empty()).then(|| Box::new(kept));
        Translations((!taken.is_empty()).then(|| Box::new(taken)))
    }

    /// The text of `key` to show a reader of `lang`.
    ///
    /// `key` is the file format's name of a translatable key (`"title"`,
    /// `"note"`; src/file_format.rs marks them). `base` is the item's own
    /// (unsuffixed) text of it, which is written in the
    /// plan's first language, `first` (`PlanMeta::first_language`: English
    /// in a plan that declares no languages). Asked for the first
    /// language, the answer is `base`; asked for another, it is the twin
    /// `KEY_xx` where the plan has one, else `base` with `fell_back` set
    /// and `lang` the first language, so that the caller can mark the text
    /// (`<span lang="cy">`, "(Cymraeg yn unig)") rather than pass it off
    /// as a translation. `plan` never makes up a translation.
    ///
    /// ```ignore
    /// let title = card.translations.pick("title", Lang::En, &card.title, plan.meta.first_language());
    /// if title.fell_back { /* say the text is in title.lang */ }
    /// ```
    pub fn pick<'a>(&'a self, key: &str, lang: Lang, base: &'a str, first: Lang) -> Picked<'a> {
        match self.twin_of(key, lang, first) {
            Some(TwinText::One(text)) => Picked {
                text,
                lang,
                fell_back: false,
            },
            _ => Picked {
                text: base,
                lang: first,
                fell_back: lang != first,
            },
        }
    }

    /// As [`Translations::pick`], for a key that holds a list of texts
    /// (a card's `outcomes`, `main_actions`, `challenges`).
    pub fn pick_list<'a>(
        &'a self,
        key: &str,
        lang: Lang,
        base: &'a [String],
        first: Lang,
    ) -> Picked<'a, [String]> {
        match self.twin_of(key, lang, first) {
            Some(TwinText::Many(texts)) => Picked {
                text: texts,
                lang,
                fell_back: false,
            },
            _ => Picked {
                text: base,
                lang: first,
                fell_back: lang != first,
            },
        }
    }

    fn twin_of(&self, key: &str, lang: Lang, first: Lang) -> Option<&TwinText> {
        if lang == first || self.is_empty() {
            return None;
        }
        self.get(key, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn welsh_title() -> Translations {
        let mut translations = Translations::default();
        translations.push(Twin {
            key: "title",
            lang: Lang::En,
            text: TwinText::One("Safer streets".into()),
        });
        translations
    }

    #[test]
    fn a_text_is_picked_in_the_language_asked_for_or_falls_back_marked() {
        let t = welsh_title();
        let base = "Strydoedd mwy diogel";
        let english = t.pick("title", Lang::En, base, Lang::Cy);
        assert_eq!(
            (english.text, english.lang, english.fell_back),
            ("Safer streets", Lang::En, false)
        );
        let welsh = t.pick("title", Lang::Cy, base, Lang::Cy);
        assert_eq!(
            (welsh.text, welsh.lang, welsh.fell_back),
            (base, Lang::Cy, false)
        );
        let story = t.pick("story", Lang::En, "Stori", Lang::Cy);
        assert_eq!(
            (story.text, story.lang, story.fell_back),
            ("Stori", Lang::Cy, true)
        );
        let empty = Translations::default();
        let none = empty.pick("title", Lang::Cy, "Safer", Lang::En);
        assert_eq!(
            (none.text, none.lang, none.fell_back),
            ("Safer", Lang::En, true)
        );
    }

    #[test]
    fn an_empty_set_costs_a_pointer_and_taking_a_key_leaves_the_rest() {
        let words = std::mem::size_of::<Translations>() / std::mem::size_of::<usize>();
        assert_eq!(words, 1);
        let mut t = welsh_title();
        t.push(Twin {
            key: "note",
            lang: Lang::En,
            text: TwinText::One("Done".into()),
        });
        let note = t.take("note");
        assert!(note.get("note", Lang::En).is_some());
        assert!(t.get("note", Lang::En).is_none());
        assert!(t.get("title", Lang::En).is_some());
        assert!(t.take("story").is_empty());
    }
}
