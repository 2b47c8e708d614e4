//! Characters that do not show as themselves: C0 and C1 controls (but tab,
//! and the line ends of multi-line text), bidi controls that turn text round
//! (a "right-to-left override" makes `gnp.exe` read as `exe.png`), and
//! zero-width characters that make two equal-looking words differ.
//! `plan check` warns of each text value holding one; ids may not hold them.
//!
//! Every string of a plan passes through [`find`], so it scans bytes for
//! the few lead bytes these characters can start with before decoding any.

/// A byte that can start one of the characters: 0x00-0x1F, 0x7F, and the
/// UTF-8 lead bytes of U+0080-U+009F (0xC2), U+061C (0xD8),
/// U+200B-U+206F (0xE2) and U+FEFF (0xEF).
const LEAD: [bool; 256] = {
    let mut lead = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        lead[b] = true;
        b += 1;
    }
    lead[0x7F] = true;
    lead[0xC2] = true;
    lead[0xD8] = true;
    lead[0xE2] = true;
    lead[0xEF] = true;
    lead
};

/// The first hidden character of `text`: its byte offset, the character,
/// and how many hidden characters the text holds in all.
pub fn find(text: &str) -> Option<(usize, char, usize)> {
    // Printable ASCII (most text) holds none.
    if printable_ascii(text) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut first = None;
    let mut count = 0;
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| LEAD[usize::from(b)]) {
        let i = at + found;
        at = i + 1;
        // Lead bytes are never continuation bytes: `i` starts a character.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let line_end = c == '\r' && bytes.get(i + 1) == Some(&b'\n');
        if is_hidden(c) && !line_end {
            count += 1;
            first.get_or_insert((i, c));
        }
    }
    first.map(|(i, c)| (i, c, count))
}

/// Whether `text` is printable ASCII alone (the common case), which holds
/// nothing hidden: one pass over bytes that the compiler makes wide, before
/// any decoding.
pub fn printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// Whether a character does not show as itself. Tab and line feed show.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\0'..='\x08' | '\x0B'..='\x1F' | '\x7F'..='\u{9F}'
        | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The Unicode name of a hidden character, where it has one worth showing.
pub fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "NULL",
        '\x07' => "BELL",
        '\x08' => "BACKSPACE",
        '\x0B' => "LINE TABULATION",
        '\x0C' => "FORM FEED",
        '\r' => "CARRIAGE RETURN",
        '\x1B' => "ESCAPE",
        '\x7F' => "DELETE",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => return None,
    })
}

/// `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+0430` for a character with no name here.
pub fn code_point(c: char) -> String {
    match name(c) {
        Some(name) => format!("U+{:04X} {name}", u32::from(c)),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_and_only_those() {
        for c in [
            '\0', '\x07', '\x08', '\x0B', '\x0C', '\x1B', '\x7F', '\u{85}', '\u{9F}', '\u{061C}',
            '\u{200B}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}',
            '\u{2066}', '\u{2069}', '\u{FEFF}',
        ] {
            let text = format!("ab{c}cd{c}");
            assert_eq!(find(&text), Some((2, c, 2)), "{c:?}");
        }
        for fine in [
            "tab\there",
            "lines\nand\r\nlines",
            "caf\u{e9} \u{2014} \u{201c}quoted\u{201d} \u{a0}\u{2026} \u{20ac}5 \u{d8}\u{fb01}",
            "\u{2061}\u{2070}\u{2028}\u{060C}\u{FEFE}\u{FFFD}",
            "",
        ] {
            assert_eq!(find(fine), None, "{fine:?}");
        }
        assert_eq!(find("a\rb"), Some((1, '\r', 1)));
        assert_eq!(find("a\r"), Some((1, '\r', 1)));
    }

    #[test]
    fn shows_the_code_point() {
        assert_eq!(code_point('\u{202E}'), "U+202E RIGHT-TO-LEFT OVERRIDE");
        assert_eq!(code_point('\u{430}'), "U+0430");
        assert_eq!(code_point('\u{85}'), "U+0085");
    }
}
