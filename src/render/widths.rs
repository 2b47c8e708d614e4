//! How wide each column of a terminal table is. Short columns (ids, dates,
//! numbers, RAG words) never wrap inside a word: each gets at least its
//! longest word; the prose column (a task's text) takes the width left,
//! and short columns widen to their longest cell where that is left too.

/// What a column holds, measured in characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measure {
    /// Its longest word (header included): narrower would break a word.
    pub word: usize,
    /// Its longest line (header included): wider would be room wasted.
    pub line: usize,
    pub prose: bool,
}

impl Measure {
    pub fn of_header(header: &str, prose: bool) -> Measure {
        let mut measure = Measure {
            prose,
            ..Measure::default()
        };
        // A header may wrap at its spaces ("Days / overdue").
        measure.word = longest_word(header);
        measure.line = measure.word;
        measure
    }

    pub fn add(&mut self, text: &str) {
        self.word = self.word.max(longest_word(text));
        self.line = self
            .line
            .max(text.lines().map(|l| l.chars().count()).max().unwrap_or(0));
    }
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// The least a prose column is given before short columns widen.
const PROSE_FLOOR: usize = 30;

/// How wide short columns grow before the prose takes the rest.
const SHORT_CAP: usize = 20;

/// Content widths (padding and borders not counted) for a table `total`
/// characters wide, with `overhead` of them taken by borders and padding;
/// `None` when the columns' longest words do not fit side by side.
pub fn share(measures: &[Measure], total: usize, overhead: usize) -> Option<Vec<usize>> {
    let room = total.checked_sub(overhead)?;
    let mut widths: Vec<usize> = measures
        .iter()
        .map(|m| {
            if m.prose {
                m.word.min(PROSE_FLOOR)
            } else {
                m.word
            }
        })
        .collect();
    let mut left = room.checked_sub(widths.iter().sum())?;
    let mut grow = |widths: &mut Vec<usize>, at: usize, to: usize| {
        let more = to.saturating_sub(widths[at]).min(left);
        widths[at] += more;
        left -= more;
    };
    // The prose up to its floor; then short columns to their longest line
    // (up to a cap), the cheapest first; then the prose to its longest line;
    // then short columns the rest of the way.
    for (at, m) in measures.iter().enumerate().filter(|(_, m)| m.prose) {
        grow(&mut widths, at, m.line.min(PROSE_FLOOR));
    }
    let mut short: Vec<usize> = (0..measures.len())
        .filter(|&at| !measures[at].prose)
        .collect();
    short.sort_by_key(|&at| measures[at].line.saturating_sub(widths[at]));
    for &at in &short {
        grow(&mut widths, at, measures[at].line.min(SHORT_CAP));
    }
    for (at, m) in measures.iter().enumerate().filter(|(_, m)| m.prose) {
        grow(&mut widths, at, m.line);
    }
    for &at in &short {
        grow(&mut widths, at, measures[at].line);
    }
    Some(widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(header: &str, cells: &[&str], prose: bool) -> Measure {
        let mut m = Measure::of_header(header, prose);
        cells.iter().for_each(|c| m.add(c));
        m
    }

    #[test]
    fn ids_and_dates_keep_whole_and_the_text_takes_the_rest() {
        let measures = [
            column("Id", &["EJ-1.2.b"], false),
            column(
                "Task",
                &["Develop an integrated system noting which sex workers have been informed"],
                true,
            ),
            column("Deadline", &["2012-05-01"], false),
            column("Days overdue", &["214"], false),
        ];
        let widths = share(&measures, 80, 13).unwrap();
        assert_eq!(widths[0], 8);
        assert_eq!(widths[2], 10);
        assert_eq!(widths[3], 7);
        assert_eq!(widths.iter().sum::<usize>(), 80 - 13);
    }

    #[test]
    fn too_narrow_is_none() {
        let measures = [
            column("Id", &["EJ-1.2.b"], false),
            column("Deadline", &["2012-05-01"], false),
        ];
        assert_eq!(share(&measures, 20, 7), None);
    }
}
