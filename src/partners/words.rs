//! The words of a request in the language it goes in, or in each of a
//! bilingual plan's languages, the first first: `plan`'s own words from the
//! catalogue (`i18n/*/partners.ftl`, the RAG and state words), the plan's
//! texts through their translations, a text with none marked so. And the
//! same words read back: a return's headings, RAG words and "No change"
//! in any language `plan` knows, or in two at once ("Coch / Red").

use crate::catalogue::Catalogue;
use crate::lang::Lang;
use crate::model::{Agency, Plan, Rag, Task};
use crate::query::State;
use crate::translations::Translations;
use crate::view;

/// Between a heading's or a word's languages in a bilingual sheet.
pub const BETWEEN: &str = " / ";

/// The languages one request is written in, the first placed first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    pub langs: Vec<Lang>,
    /// The plan's first language: its unsuffixed texts are in it.
    pub first: Lang,
}

impl Languages {
    /// An agency's `language`; with none, every language of the plan.
    pub fn of(plan: &Plan, agency: &Agency) -> Languages {
        let first = plan.meta.first_language();
        let langs = match (agency.language, plan.meta.languages.is_empty()) {
            (Some(lang), _) => vec![lang],
            (None, true) => vec![first],
            (None, false) => plan.meta.languages.clone(),
        };
        Languages { langs, first }
    }

    /// A catalogue word in each language ("Tasg / Task"), once where the
    /// languages write it alike ("Id").
    pub fn say(&self, key: &'static str) -> String {
        self.join(|cat| cat.msg(key).to_string())
    }

    /// A RAG word in each language: "coch / red".
    pub fn rag(&self, rag: Rag) -> String {
        self.join(|cat| view::rag_word(cat, Some(rag)).to_string())
    }

    /// A task's state in each language.
    pub fn state(&self, state: State) -> String {
        self.join(|cat| view::state(cat, state).to_string())
    }

    fn join(&self, word: impl Fn(&'static Catalogue) -> String) -> String {
        let mut words: Vec<String> = Vec::new();
        for lang in &self.langs {
            let said = word(Catalogue::of(*lang));
            if !words.contains(&said) {
                words.push(said);
            }
        }
        words.join(BETWEEN)
    }

    /// A plan text in each language, one a line: the translation where the
    /// plan has one, else (once) the text as written, marked in the
    /// reader's language as being in its own ("(Cymraeg yn unig)").
    pub fn text(&self, translations: &Translations, key: &str, base: &str) -> String {
        let mut lines: Vec<String> = Vec::new();
        let mut marks: Vec<String> = Vec::new();
        for lang in &self.langs {
            let picked = translations.pick(key, *lang, base, self.first);
            if picked.fell_back {
                marks.push(only_in(*lang, picked.lang).to_string());
            } else if !lines.iter().any(|l| l == picked.text) {
                lines.push(picked.text.to_string());
            }
        }
        if lines.is_empty() {
            lines.push(base.to_string());
        }
        let mut text = lines.join("\n");
        if !marks.is_empty() {
            text = format!("{text} {}", marks.join(BETWEEN));
        }
        text
    }
}

/// A plan text in one language, marked where it fell back.
pub fn text_in(
    lang: Lang,
    first: Lang,
    translations: &Translations,
    key: &str,
    base: &str,
) -> String {
    Languages {
        langs: vec![lang],
        first,
    }
    .text(translations, key, base)
}

/// The twins of a task's latest note: those of the entry it is from, or
/// the task's own where the note is its `note`.
pub fn note_twins(task: &Task) -> &Translations {
    let note = task.note();
    task.reviews()
        .rev()
        .find(|u| u.note.is_some() && u.note.as_deref() == note)
        .map_or(&task.translations, |u| &u.translations)
}

/// "(in Welsh only)", said to a reader of `reader`.
fn only_in(reader: Lang, written: Lang) -> &'static str {
    let cat = Catalogue::of(reader);
    match written {
        Lang::Cy => cat.msg("partners-only-cy"),
        Lang::En => cat.msg("partners-only-en"),
    }
}

/// The parts of a cell written in one language or several: "Coch / Red".
fn parts(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('/')
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty())
}

/// True where every part of `text` is one of `words` (any case).
fn all_parts_are(text: &str, words: &[String]) -> bool {
    let mut any = false;
    for part in parts(text) {
        any = true;
        if !words
            .iter()
            .any(|w| w.to_lowercase() == part.to_lowercase())
        {
            return false;
        }
    }
    any
}

/// A catalogue word in every language `plan` knows.
fn in_every_language(key: &'static str) -> Vec<String> {
    Lang::ALL
        .iter()
        .map(|lang| Catalogue::of(*lang).msg(key).to_string())
        .collect()
}

/// True where `text` is the heading `english` (a `column` constant) in
/// any language, or in several ("RAG newydd / New RAG").
pub fn is_heading(text: &str, english: &str, key: &'static str) -> bool {
    let mut words = in_every_language(key);
    words.push(english.to_string());
    all_parts_are(text, &words)
}

/// "No change" in any language, any case: "Dim newid", "dim newid / no change".
pub fn is_no_change(text: &str) -> bool {
    all_parts_are(text, &in_every_language("partners-no-change"))
}

/// A RAG word in any language (any case), or the same RAG in several:
/// "Ambr", "amber", "Ambr / Amber".
pub fn rag(text: &str) -> Option<Rag> {
    let mut found = None;
    for part in parts(text) {
        let rag = Rag::parse(&part).or_else(|| {
            [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue]
                .into_iter()
                .find(|rag| {
                    Lang::ALL.iter().any(|lang| {
                        view::rag_word(Catalogue::of(*lang), Some(*rag)).to_lowercase()
                            == part.to_lowercase()
                    })
                })
        })?;
        if found.is_some_and(|f| f != rag) {
            return None;
        }
        found = Some(rag);
    }
    found
}

/// True where a State cell says "on-hold" in any language.
pub fn is_on_hold(text: &str) -> bool {
    let mut words = in_every_language("state-on-hold");
    words.push(State::OnHold.as_str().to_string());
    all_parts_are(text, &words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_with_no_translation_is_shown_once_and_marked() {
        let text = "[plan]\ntitle = \"T\"\nstart = 2012-04-01\nend = 2013-03-31\n\
            languages = [\"cy\", \"en\"]\n\n\
            [card]\nid = \"EJ\"\ntitle = \"E\"\n\n[[priority]]\nid = 1\ntitle = \"P\"\n\n\
            [[priority.action]]\nid = 1\ntitle = \"A\"\n\n\
            [[priority.action.task]]\nid = \"a\"\ntext = \"Agor clwb\"\nlead = \"TBC\"\n\n\
            [[priority.action.task]]\nid = \"b\"\ntext = \"Cau stryd\"\ntext_en = \"Close a street\"\n\
            lead = \"TBC\"\n";
        let plan = crate::open::from_bytes(vec![("plan.toml".into(), text.as_bytes().to_vec())])
            .plan
            .unwrap();
        let tasks: Vec<&Task> = plan.tasks().collect();
        let langs = |langs: Vec<Lang>| Languages {
            langs,
            first: Lang::Cy,
        };
        let both = langs(vec![Lang::Cy, Lang::En]);
        let (a, b) = (tasks[0], tasks[1]);
        assert_eq!(
            both.text(&a.translations, "text", &a.text),
            "Agor clwb (in Welsh only)"
        );
        assert_eq!(
            both.text(&b.translations, "text", &b.text),
            "Cau stryd\nClose a street"
        );
        let english = langs(vec![Lang::En]);
        assert_eq!(
            english.text(&a.translations, "text", &a.text),
            "Agor clwb (in Welsh only)"
        );
        assert_eq!(
            english.text(&b.translations, "text", &b.text),
            "Close a street"
        );
        let welsh = langs(vec![Lang::Cy]);
        assert_eq!(welsh.text(&a.translations, "text", &a.text), "Agor clwb");
        assert_eq!(both.say("partners-col-id"), "Id");
        assert_eq!(both.say("partners-col-task"), "Tasg / Task");
        assert_eq!(both.rag(Rag::Amber), "ambr / amber");
    }

    #[test]
    fn welsh_and_bilingual_words_read_back() {
        for text in ["Ambr", "AMBR", "amber", "Ambr / Amber", " ambr/amber "] {
            assert_eq!(rag(text), Some(Rag::Amber), "{text}");
        }
        assert_eq!(rag("Coch"), Some(Rag::Red));
        assert_eq!(rag("Gwyrdd"), Some(Rag::Green));
        assert_eq!(rag("glas"), Some(Rag::Blue));
        assert_eq!(rag("Coch / Green"), None, "two RAGs are none");
        assert_eq!(rag("purple"), None);
        assert_eq!(rag(""), None);
        assert!(is_no_change("Dim newid"));
        assert!(is_no_change("dim  newid / No change"));
        assert!(is_no_change("No change"));
        assert!(!is_no_change("Dim"));
        assert!(is_heading(
            "RAG newydd / New RAG",
            "New RAG",
            "partners-col-new-rag"
        ));
        assert!(is_heading("rag newydd", "New RAG", "partners-col-new-rag"));
        assert!(!is_heading(
            "RAG presennol",
            "New RAG",
            "partners-col-new-rag"
        ));
        assert!(is_on_hold("wedi’i ohirio / on-hold"));
        assert!(!is_on_hold("yn hwyr"));
    }
}
