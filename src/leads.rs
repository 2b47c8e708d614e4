//! Lead resolution: the text written in a task's `lead` (or given to
//! `--lead`) to an agency of the registry, or to a reserved word. Agency ids,
//! names and aliases all match, ignoring case and runs of spaces.

use crate::model::{Agency, AgencyIdx, Lead, Unassigned};
use std::collections::HashMap;

/// Words that mean "nobody yet".
pub const UNASSIGNED_WORDS: [&str; 3] = [
    Unassigned::ALL[0].0,
    Unassigned::ALL[1].0,
    Unassigned::ALL[2].0,
];
/// Words that mean "every organisation".
pub const ALL_WORDS: &[&str] = &["all", "each partners agency", "each partner agency"];

/// A name two agencies share: (name, the earlier agency or `None` for a reserved word, agency).
pub type Clash = (String, Option<AgencyIdx>, AgencyIdx);

pub struct Registry {
    by_name: HashMap<String, Lead>,
    /// (normalised name, agency) for suggestions.
    names: Vec<(String, AgencyIdx)>,
    /// Bounds the work of every suggestion made from this registry.
    budget: crate::suggest::Budget,
}

/// Lowercase, with every run of white space made one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Registry {
    /// Builds the registry. Returns, beside it, each name that an agency
    /// shares with an earlier one (or with a reserved word, `None`), as
    /// (name, earlier agency, agency).
    pub fn new(agencies: &[Agency]) -> (Registry, Vec<Clash>) {
        let mut by_name = HashMap::new();
        let mut names = Vec::new();
        let mut clashes = Vec::new();
        for (word, unassigned) in Unassigned::ALL {
            by_name.insert(word.to_string(), Lead::Unassigned(unassigned));
        }
        for word in ALL_WORDS {
            by_name.insert(word.to_string(), Lead::All);
        }
        for (idx, agency) in agencies.iter().enumerate() {
            let mut own = std::iter::once(&agency.id)
                .chain(std::iter::once(&agency.name))
                .chain(&agency.aliases)
                .map(|n| normalise(n))
                .collect::<Vec<_>>();
            own.sort();
            own.dedup();
            for name in own {
                match by_name.get(&name) {
                    Some(Lead::Agency(other)) => clashes.push((name.clone(), Some(*other), idx)),
                    Some(_) => clashes.push((name.clone(), None, idx)),
                    None => {
                        by_name.insert(name.clone(), Lead::Agency(idx));
                    }
                }
                names.push((name, idx));
            }
        }
        (
            Registry {
                by_name,
                names,
                budget: crate::suggest::Budget::default(),
            },
            clashes,
        )
    }

    pub fn resolve(&self, text: &str) -> Option<Lead> {
        self.by_name.get(&normalise(text)).copied()
    }

    /// The agency whose id, name or alias is nearest to `text`.
    pub fn suggest(&self, text: &str) -> Option<AgencyIdx> {
        let wanted = normalise(text);
        let names = self.names.iter().map(|(n, _)| n.as_str());
        let near = crate::suggest::nearest_within(&wanted, names, &self.budget)?;
        self.names.iter().find(|(n, _)| n == near).map(|(_, i)| *i)
    }
}

/// Agencies that count as `agency` in a filter: itself and all that are
/// `part_of` it, directly or through others.
pub fn with_parts(agencies: &[Agency], agency: AgencyIdx) -> Vec<bool> {
    (0..agencies.len())
        .map(|idx| crate::model::agency_and_parents(agencies, idx).any(|a| a == agency))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;
    use crate::source::Loc;

    fn agency(id: &str, name: &str, aliases: &[&str], part_of: Option<usize>) -> Agency {
        Agency {
            id: id.into(),
            name: name.into(),
            kind: AgencyKind::Organisation,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            part_of,
            email: Vec::new(),
            contact: None,
            loc: Loc::new(0, 0..0),
            language: None,
            translations: Default::default(),
        }
    }

    fn registry() -> Vec<Agency> {
        vec![
            agency("SWP", "South Wales Police", &["Police"], None),
            agency("SL", "Safer Wales StreetLife", &["Safer Wales SL"], None),
            agency(
                "DIPP",
                "Detective Inspector, Public Protection",
                &["DI of Public Protection"],
                Some(0),
            ),
        ]
    }

    #[test]
    fn ids_names_and_aliases_resolve_ignoring_case_and_spaces() {
        let (reg, clashes) = Registry::new(&registry());
        assert!(clashes.is_empty());
        assert_eq!(reg.resolve("SWP"), Some(Lead::Agency(0)));
        assert_eq!(reg.resolve("swp"), Some(Lead::Agency(0)));
        assert_eq!(reg.resolve("police"), Some(Lead::Agency(0)));
        assert_eq!(
            reg.resolve("Safer  Wales   StreetLife"),
            Some(Lead::Agency(1))
        );
        assert_eq!(
            reg.resolve("di of public protection"),
            Some(Lead::Agency(2))
        );
        assert_eq!(reg.resolve("Nobody"), None);
    }

    #[test]
    fn reserved_words() {
        let (reg, _) = Registry::new(&registry());
        for word in ["TBC", "Not identified", "unassigned"] {
            assert!(
                matches!(reg.resolve(word), Some(Lead::Unassigned(_))),
                "{word}"
            );
        }
        for word in ["all", "Each Partners agency"] {
            assert_eq!(reg.resolve(word), Some(Lead::All), "{word}");
        }
    }

    #[test]
    fn suggests_the_nearest_agency() {
        let (reg, _) = Registry::new(&registry());
        assert_eq!(reg.suggest("Safer Wales Streetlfe"), Some(1));
        assert_eq!(reg.suggest("SWPP"), Some(0));
        assert_eq!(reg.suggest("Quux Foundation"), None);
    }

    #[test]
    fn two_agencies_sharing_a_name_clash() {
        let mut agencies = registry();
        agencies.push(agency("POL", "Police Scotland", &["Police"], None));
        let (_, clashes) = Registry::new(&agencies);
        assert_eq!(clashes, vec![("police".to_string(), Some(0), 3)]);
    }

    #[test]
    fn parts_count_for_their_whole() {
        assert_eq!(with_parts(&registry(), 0), vec![true, false, true]);
        assert_eq!(with_parts(&registry(), 2), vec![false, false, true]);
    }
}
