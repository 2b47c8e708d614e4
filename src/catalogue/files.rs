//! The `.ftl` files of each language, embedded. A file added for an area
//! (the site, the partners' requests) is one line in each list here.

use crate::lang::Lang;

/// (file name, text) of each English file.
const EN: &[(&str, &str)] = &[
    ("words.ftl", include_str!("../../i18n/en/words.ftl")),
    ("reports.ftl", include_str!("../../i18n/en/reports.ftl")),
    ("highlight.ftl", include_str!("../../i18n/en/highlight.ftl")),
    ("partners.ftl", include_str!("../../i18n/en/partners.ftl")),
    ("site.ftl", include_str!("../../i18n/en/site.ftl")),
];

/// (file name, text) of each Welsh file.
const CY: &[(&str, &str)] = &[
    ("words.ftl", include_str!("../../i18n/cy/words.ftl")),
    ("reports.ftl", include_str!("../../i18n/cy/reports.ftl")),
    ("highlight.ftl", include_str!("../../i18n/cy/highlight.ftl")),
    ("partners.ftl", include_str!("../../i18n/cy/partners.ftl")),
    ("site.ftl", include_str!("../../i18n/cy/site.ftl")),
];

pub fn of(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Cy => CY,
        Lang::En => EN,
    }
}

/// The ids of the messages a file declares (not its `-terms`), in order:
/// each line that starts with an identifier and `=`.
pub fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            ok.then(|| id.to_string())
        })
        .collect()
}
