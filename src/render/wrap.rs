//! Text folded to a terminal's width at word boundaries, for the blocks a
//! narrow terminal gets instead of a table. A terminal that folds a long
//! line itself cuts words anywhere ("Days ove / rdue"); folded here, a word
//! is broken only when it alone is wider than the terminal.

/// The lines of `text` folded to `width` characters, the first starting
/// with `first` and the rest with `rest` (an indent). Runs of white space
/// fold to one space.
pub fn fold(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut used = first.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if !empty && used + 1 + length > width {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            used += 1;
        }
        // A word wider than a whole line is cut where the line ends.
        let mut word = word;
        while used + word.chars().count() > width && word.chars().count() > 1 {
            let room = width.saturating_sub(used).max(1);
            let at = word
                .char_indices()
                .nth(room)
                .map_or(word.len(), |(at, _)| at);
            line.push_str(&word[..at]);
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest.chars().count();
            word = &word[at..];
        }
        line.push_str(word);
        used += word.chars().count();
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Fields ("Leads: SL", "Due: ASAP") joined by ` · ` on as few lines as
/// fit `width`, each line starting with `indent`; a field is split across
/// lines only when it does not fit on a line of its own.
pub fn fields(fields: &[String], width: usize, indent: &str) -> Vec<String> {
    const JOIN: &str = " · ";
    let indent_width = indent.chars().count();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for field in fields {
        let length = field.split_whitespace().collect::<Vec<_>>().join(" ");
        let length_chars = length.chars().count();
        if !line.is_empty() && used + JOIN.chars().count() + length_chars <= width {
            line.push_str(JOIN);
            line.push_str(&length);
            used += JOIN.chars().count() + length_chars;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if indent_width + length_chars <= width {
            line = format!("{indent}{length}");
            used = indent_width + length_chars;
        } else {
            let mut folded = fold(&length, width, indent, indent);
            let last = folded.pop().unwrap_or_default();
            lines.extend(folded);
            used = last.chars().count();
            line = last;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stay_whole_and_lines_stay_inside_the_width() {
        let text = "Ensure that Safer Wales StreetLife and other relevant SWOT members";
        let lines = fold(text, 24, "SC-2.1.a — ", "  ");
        assert_eq!(
            lines,
            [
                "SC-2.1.a — Ensure that",
                "  Safer Wales StreetLife",
                "  and other relevant",
                "  SWOT members"
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 24));
    }

    #[test]
    fn only_a_word_wider_than_the_line_is_cut() {
        let lines = fold("see https://example.org/a/very/long/path ok", 12, "", "");
        assert_eq!(
            lines,
            ["see", "https://exam", "ple.org/a/ve", "ry/long/path", "ok"]
        );
        assert_eq!(fold("", 10, "T-1 — ", "  "), ["T-1 — "]);
    }

    #[test]
    fn fields_share_a_line_where_they_fit() {
        let got = fields(
            &[
                "Leads: SL, LIB".to_string(),
                "Due: April 2012 and on-going".to_string(),
                "Days overdue: 215".to_string(),
            ],
            40,
            "  ",
        );
        assert_eq!(
            got,
            [
                "  Leads: SL, LIB",
                "  Due: April 2012 and on-going",
                "  Days overdue: 215"
            ]
        );
        let wide = fields(&["Leads: SL".to_string(), "RAG: red".to_string()], 40, "  ");
        assert_eq!(wide, ["  Leads: SL · RAG: red"]);
    }
}
