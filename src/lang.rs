//! The languages a plan can be written and reported in. Welsh and English,
//! because the plan's own partnership works under the Welsh Language
//! Standards; a language added here is known to the plan files
//! (`[plan] languages`, the `_cy`/`_en` twins of a translatable key), to the
//! message catalogue and to `--lang`.

use std::fmt;

/// One language, by its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Cy,
    En,
}

impl Lang {
    /// Every language `plan` knows, in the order `plan` lists them.
    pub const ALL: [Lang; 2] = [Lang::Cy, Lang::En];

    /// Their codes, in the same order (the values `language` may take).
    pub const CODES: [&'static str; 2] = ["cy", "en"];

    /// The code written in the files, in `--lang` and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Cy => "cy",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a link to it reads ("Cymraeg").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Cy => "Cymraeg",
            Lang::En => "English",
        }
    }

    /// Reads a code; `None` for a language `plan` does not know.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// The codes `plan` knows, for a message: "cy, en".
    pub fn known() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::known(), "cy, en");
        assert_eq!(Lang::CODES, Lang::ALL.map(Lang::code));
    }
}
