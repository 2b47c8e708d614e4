//! "Did you mean ...?": the nearest of some candidate words to a typo.
//!
//! Jaro-Winkler costs the product of the two lengths, and a hostile plan can
//! hold a megabyte-long lead and a megabyte-long agency id, or a hundred
//! thousand unknown leads against fifty thousand aliases. So only words of
//! sane length are compared, and a [`Budget`] bounds the work of a whole run:
//! past it, findings simply come without a suggestion.

use std::sync::atomic::{AtomicU64, Ordering};

/// Words longer than this (in characters) are never suggested nor suggested for.
pub const MAX_LEN: usize = 200;

/// How much comparing one run may do, in pairs of characters compared
/// (about a second of work).
pub const WORK: u64 = 200_000_000;

/// Work left for suggestions; shared by every suggestion of one run (and
/// by the threads that check a large plan's cards).
#[derive(Debug)]
pub struct Budget(AtomicU64);

impl Budget {
    pub fn new(work: u64) -> Budget {
        Budget(AtomicU64::new(work))
    }

    /// Takes `work` from what is left; false (and nothing left after) when too little is.
    fn spend(&self, work: u64) -> bool {
        let taken = self
            .0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(work)
            });
        if taken.is_err() {
            self.0.store(0, Ordering::Relaxed);
        }
        taken.is_ok()
    }
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::new(WORK)
    }
}

/// The candidate closest to `word`, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest_within(word, candidates, &Budget::default())
}

/// As [`nearest`], spending from `budget`.
pub fn nearest_within<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    budget: &Budget,
) -> Option<&'a str> {
    let len = short_len(word)?;
    let word = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        // Only words of a like length can score 0.8; the check is cheap.
        let Some(c_len) = short_len(c) else { continue };
        if c_len * 3 < len || len * 3 < c_len {
            continue;
        }
        if !budget.spend((len * c_len) as u64) {
            break;
        }
        let score = strsim::jaro_winkler(&word, &c.to_lowercase());
        // On a tie the later candidate wins, as `max_by` would have it.
        if score >= 0.8 && best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The length in characters of a word no longer than [`MAX_LEN`].
fn short_len(word: &str) -> Option<usize> {
    // Four bytes a character at most: a longer text is out without counting.
    if word.len() > MAX_LEN * 4 {
        return None;
    }
    Some(word.chars().count()).filter(|n| *n <= MAX_LEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_near_words() {
        let keys = ["lead", "due", "rag", "note"];
        assert_eq!(nearest("leads", keys), Some("lead"));
        assert_eq!(nearest("Lead", keys), Some("lead"));
        assert_eq!(nearest("resources_required", keys), None);
    }

    #[test]
    fn long_words_are_not_compared() {
        let long = "a".repeat(1_000_000);
        let started = std::time::Instant::now();
        assert_eq!(nearest(&long, [long.as_str()]), None);
        assert_eq!(nearest("a", [long.as_str()]), None);
        let near = "a".repeat(MAX_LEN);
        assert_eq!(nearest(&near, [near.as_str()]), Some(near.as_str()));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn a_spent_budget_suggests_nothing() {
        let budget = Budget::new(20);
        assert_eq!(nearest_within("leads", ["lead"], &budget), Some("lead"));
        assert_eq!(nearest_within("leads", ["lead"], &budget), None);
    }
}
