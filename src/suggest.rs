//! "Did you mean ...?": the nearest of some candidate words to a typo.

/// The candidate closest to `word`, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_only_near_words() {
        let keys = ["lead", "due", "rag", "note"];
        assert_eq!(nearest("leads", keys), Some("lead"));
        assert_eq!(nearest("Lead", keys), Some("lead"));
        assert_eq!(nearest("resources_required", keys), None);
    }
}
