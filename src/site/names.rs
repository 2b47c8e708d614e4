//! The site's file names and anchors, made from the plan's ids. A file name
//! is a kind (`card-`, `agency-`, `measure-`), the id's ASCII letters and
//! digits in lower case (any other run of characters is one `-`), and
//! `.html`: never a `/`, a `..`, a control character or anything a URL must
//! escape. Two ids that would make the same name (differing only in case,
//! or by characters dropped) get `-2`, `-3` ... in plan order, so no page
//! overwrites another, on a file system that ignores case too.

use crate::model::Plan;
use std::collections::{HashMap, HashSet};

/// The pages every site has, whatever the plan holds.
pub const INDEX: &str = "index.html";
pub const AGENCIES: &str = "agencies.html";
pub const RECOMMENDATIONS: &str = "recommendations.html";
pub const MEASURES: &str = "measures.html";
pub const TASKS_CSV: &str = "tasks.csv";
pub const CALENDAR: &str = "plan.ics";

/// Longest part of a file name taken from an id.
const MAX_SLUG: usize = 48;

/// The file of each card, agency and measure, by its index in the plan.
pub struct Names {
    pub cards: Vec<String>,
    pub agencies: Vec<String>,
    pub measures: Vec<String>,
    measure_by_id: HashMap<String, usize>,
}

impl Names {
    pub fn new(plan: &Plan) -> Names {
        let mut taken = Taken::default();
        for fixed in [
            INDEX,
            AGENCIES,
            RECOMMENDATIONS,
            MEASURES,
            TASKS_CSV,
            CALENDAR,
        ] {
            taken.0.insert(fixed.to_string());
        }
        Names {
            cards: plan
                .cards
                .iter()
                .map(|c| taken.file("card", &c.id))
                .collect(),
            agencies: plan
                .agencies
                .iter()
                .map(|a| taken.file("agency", &a.id))
                .collect(),
            measures: plan
                .measures
                .iter()
                .map(|m| taken.file("measure", &m.id))
                .collect(),
            measure_by_id: plan
                .measures
                .iter()
                .enumerate()
                .map(|(i, m)| (crate::model::id_key(&m.id), i))
                .collect(),
        }
    }

    /// The index of the measure with this id (any case).
    pub fn measure(&self, id: &str) -> Option<usize> {
        self.measure_by_id.get(&crate::model::id_key(id)).copied()
    }
}

/// The names given so far, in lower case.
#[derive(Default)]
struct Taken(HashSet<String>);

impl Taken {
    fn file(&mut self, kind: &str, id: &str) -> String {
        let slug = slug(id);
        let mut name = format!("{kind}-{slug}.html");
        let mut n = 1;
        while !self.0.insert(name.clone()) {
            n += 1;
            name = format!("{kind}-{slug}-{n}.html");
        }
        name
    }
}

/// `"EJ"` -> `"ej"`, `"../A b"` -> `"a-b"`; `"x"` when nothing is left.
fn slug(id: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c.to_ascii_lowercase());
            if slug.len() >= MAX_SLUG {
                break;
            }
        } else {
            gap = true;
        }
    }
    if slug.is_empty() {
        slug.push('x');
    }
    slug
}

/// An anchor within a page: `task-EJ-1.1.a`. Plan ids of cards, priorities,
/// actions and tasks are letters, digits, `_`, `-` and `.`, unique ignoring
/// case; anything else becomes `_`.
pub fn anchor(kind: &str, id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{kind}-{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_never_collide() {
        let mut taken = Taken::default();
        let ids = [
            "EJ",
            "ej",
            "E/J",
            "e-j",
            "ej-2",
            "../../etc/passwd",
            "..",
            "a\u{0}b\u{1b}c\nd",
            "Ñandú",
            "",
            "名前",
            "CON",
            &"x".repeat(500),
        ];
        let names: Vec<String> = ids.iter().map(|id| taken.file("card", id)).collect();
        let unique: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for name in &names {
            assert!(
                name.ends_with(".html")
                    && name.len() < 70
                    && !name.contains("..")
                    && name.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c == '-'
                        || c == '.'),
                "{name}"
            );
        }
        assert_eq!(names[0], "card-ej.html");
        assert_eq!(names[1], "card-ej-2.html");
        assert_eq!(names[4], "card-ej-2-2.html");
        assert_eq!(names[5], "card-etc-passwd.html");
        assert_eq!(names[6], "card-x.html");
        assert_eq!(anchor("task", "EJ-1.1.a"), "task-EJ-1.1.a");
        assert_eq!(anchor("task", "a b\"<"), "task-a_b__");
    }
}
