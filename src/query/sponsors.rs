//! Political owners: the `sponsor` of cards, priorities and actions, and
//! which of them an agency sponsors.

use crate::leads::Registry;
use crate::model::{Action, AgencyIdx, Card, Lead, Plan, Priority};

/// The sponsor in force for an action: its own, else its priority's, else its card's.
pub fn sponsor_of<'p>(
    card: &'p Card,
    priority: &'p Priority,
    action: &'p Action,
) -> Option<&'p str> {
    action
        .sponsor
        .as_deref()
        .or(priority.sponsor.as_deref())
        .or(card.sponsor.as_deref())
}

/// The cards, priorities and actions whose `sponsor` names `agency` (by id,
/// name or alias): each as "id title".
pub fn sponsored_by(plan: &Plan, agency: AgencyIdx) -> Vec<String> {
    let (registry, _) = Registry::new(&plan.agencies);
    let names = |sponsor: &Option<String>| {
        sponsor
            .as_deref()
            .is_some_and(|s| registry.resolve(s) == Some(Lead::Agency(agency)))
    };
    let mut found = Vec::new();
    for card in &plan.cards {
        if names(&card.sponsor) {
            found.push(format!("{} {}", card.id, card.title));
        }
        for priority in &card.priorities {
            if names(&priority.sponsor) {
                found.push(format!("{} {}", priority.id, priority.title));
            }
            for action in &priority.actions {
                if names(&action.sponsor) {
                    found.push(format!("{} {}", action.id, action.title));
                }
            }
        }
    }
    found
}
