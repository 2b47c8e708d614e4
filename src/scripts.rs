//! Ids that look alike but are not: an id mixing scripts (`EJ` with a
//! Cyrillic `Е`), and two ids that read the same once look-alike letters are
//! taken as the Latin ones they copy (Unicode's "skeleton", UTS #39).
//!
//! A small hand table, not the `unicode-security` crate: only Latin, Greek
//! and Cyrillic share letter shapes often enough to fool a reader of a plan,
//! and mixing Latin with Han or kana is ordinary writing, so these three are
//! the scripts told apart; everything else counts as no script here.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
}

impl Script {
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Greek => "Greek",
            Script::Cyrillic => "Cyrillic",
        }
    }
}

/// The script of a letter, among the three told apart.
pub fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{AA}' | '\u{BA}' | '\u{C0}'..='\u{24F}' => Script::Latin,
        '\u{1E00}'..='\u{1EFF}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            Script::Latin
        }
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{400}'..='\u{52F}' | '\u{1C80}'..='\u{1C8F}' | '\u{A640}'..='\u{A69F}' => {
            Script::Cyrillic
        }
        _ => return None,
    })
}

/// When `id` mixes scripts: the script most of its letters are in, the
/// other one met first, and the letters not in the main script (at most 8).
pub fn mixed(id: &str) -> Option<(Script, Script, Vec<char>)> {
    if id.is_ascii() {
        return None;
    }
    let mut counts = [
        (Script::Latin, 0),
        (Script::Greek, 0),
        (Script::Cyrillic, 0),
    ];
    let mut order = Vec::new();
    for s in id.chars().filter_map(script) {
        let slot = counts.iter_mut().find(|(k, _)| *k == s)?;
        slot.1 += 1;
        if !order.contains(&s) {
            order.push(s);
        }
    }
    if order.len() < 2 {
        return None;
    }
    let main = *order.iter().max_by_key(|s| {
        let count = counts.iter().find(|(k, _)| k == *s).map_or(0, |c| c.1);
        // Most letters; on a tie, the script met first.
        (count, std::cmp::Reverse(order.iter().position(|o| o == *s)))
    })?;
    let other = *order.iter().find(|s| **s != main)?;
    let mut odd: Vec<char> = Vec::new();
    for c in id.chars() {
        if script(c).is_some_and(|s| s != main) && !odd.contains(&c) && odd.len() < 8 {
            odd.push(c);
        }
    }
    Some((main, other, odd))
}

/// The id as a reader sees it, ignoring case: each Greek or Cyrillic letter
/// that looks like a Latin one taken as that one, full-width Latin as ASCII.
pub fn skeleton(id: &str) -> String {
    id.chars()
        .flat_map(char::to_lowercase)
        .map(|c| look_alike(c).unwrap_or(c))
        .collect()
}

/// The Latin letter a lower-case letter is mistaken for: the letter itself
/// or its upper-case form looks the same.
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'і' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'н' | 'һ' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'ѕ' => 's',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'ԁ' => 'd',
        'ӏ' => 'l',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ѵ' => 'v',
        // Greek
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'ζ' => 'z',
        'η' => 'h',
        'ι' => 'i',
        'κ' => 'k',
        'μ' => 'm',
        'ν' => 'n',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'y',
        'χ' => 'x',
        'ϲ' => 'c',
        // Full-width Latin
        '\u{FF41}'..='\u{FF5A}' => char::from_u32(u32::from(c) - 0xFF41 + u32::from('a'))?,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_script_is_fine() {
        for id in ["EJ", "caf\u{e9}", "Москва", "Αθήνα", "東京SWP", "a_1", "ЕЈ"] {
            assert_eq!(mixed(id), None, "{id}");
        }
    }

    #[test]
    fn mixed_scripts_name_the_odd_letters() {
        assert_eq!(
            mixed("p\u{430}y"),
            Some((Script::Latin, Script::Cyrillic, vec!['\u{430}']))
        );
        assert_eq!(
            mixed("\u{395}\u{399}x"),
            Some((Script::Greek, Script::Latin, vec!['x']))
        );
    }

    #[test]
    fn look_alikes_share_a_skeleton() {
        assert_eq!(skeleton("\u{415}J"), skeleton("ej"));
        assert_eq!(skeleton("\u{410}\u{412}\u{421}"), "abc");
        assert_eq!(skeleton("\u{391}BC"), "abc");
        assert_eq!(skeleton("\u{FF33}WP"), "swp");
        assert_ne!(skeleton("caf\u{e9}"), skeleton("cafe"));
    }
}
