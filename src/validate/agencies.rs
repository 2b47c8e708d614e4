//! The registry of leads: each agency's id, kind and aliases, names two
//! agencies share, and the `part_of` links between them.

use super::{Seen, Validator};
use crate::diag::{Code, Diagnostic};
use crate::leads::Registry;
use crate::model::*;
use crate::raw::*;

impl Validator<'_> {
    /// The registry, and each agency's `part_of` as written (resolved later).
    pub(super) fn agencies(
        &mut self,
        raw: Vec<RawAgency>,
    ) -> (Vec<Agency>, Vec<Option<Spanned<String>>>) {
        let mut seen = Seen::new("agency");
        let mut agencies = Vec::with_capacity(raw.len());
        for agency in raw {
            if agency.id.value.trim().is_empty() {
                self.report(Diagnostic::new(
                    Code::BadValue,
                    agency.id.loc,
                    "an agency id is empty",
                ));
                continue;
            }
            if !seen.first(self, &agency.id.value, agency.id.loc) {
                continue;
            }
            let kind = match &agency.kind {
                None => AgencyKind::Organisation,
                Some(kind) => AgencyKind::parse(&kind.value).unwrap_or_else(|| {
                    self.report(Diagnostic::new(
                        Code::BadValue,
                        kind.loc,
                        format!(
                            "`{}` is not a kind of agency: use {}",
                            kind.value,
                            AgencyKind::NAMES
                        ),
                    ));
                    AgencyKind::Organisation
                }),
            };
            agencies.push((agency, kind));
        }
        let part_of = agencies
            .iter()
            .map(|(raw, _)| raw.part_of.clone())
            .collect();
        let agencies = agencies
            .into_iter()
            .map(|(raw, kind)| Agency {
                id: raw.id.value,
                name: raw.name.value,
                kind,
                aliases: raw.aliases.into_iter().map(|a| a.value).collect(),
                // Resolved by `resolve_parts` once every agency is known.
                part_of: None,
                loc: raw.loc,
            })
            .collect();
        (agencies, part_of)
    }

    /// Resolves `part_of`; a loop of agencies each part of the next is an error.
    pub(super) fn resolve_parts(
        &mut self,
        mut agencies: Vec<Agency>,
        part_of: Vec<Option<Spanned<String>>>,
        registry: &Registry,
    ) -> Vec<Agency> {
        for (idx, written) in part_of.iter().enumerate() {
            let Some(written) = written else { continue };
            match registry.resolve(&written.value) {
                Some(Lead::Agency(whole)) if whole != idx => agencies[idx].part_of = Some(whole),
                Some(Lead::Agency(_)) => self.report(Diagnostic::new(
                    Code::DependencyCycle,
                    written.loc,
                    format!("agency `{}` is part of itself", agencies[idx].id),
                )),
                _ => self.report(
                    Diagnostic::new(
                        Code::UnknownReference,
                        written.loc,
                        format!(
                            "`part_of` names `{}`, which is no agency of the plan",
                            written.value
                        ),
                    )
                    .with_help("part_of takes the id of another [[agency]]"),
                ),
            }
        }
        for idx in 0..agencies.len() {
            let mut at = agencies[idx].part_of;
            for _ in 0..agencies.len() {
                match at {
                    Some(a) if a == idx => {
                        let loc = part_of[idx]
                            .as_ref()
                            .map(|p| p.loc)
                            .unwrap_or(agencies[idx].loc);
                        self.report(Diagnostic::new(
                            Code::DependencyCycle,
                            loc,
                            format!(
                                "agency `{}` is, through `part_of`, part of itself",
                                agencies[idx].id
                            ),
                        ));
                        agencies[idx].part_of = None;
                        break;
                    }
                    Some(a) => at = agencies[a].part_of,
                    None => break,
                }
            }
        }
        agencies
    }

    pub(super) fn report_clashes(
        &mut self,
        agencies: &[Agency],
        clashes: Vec<crate::leads::Clash>,
    ) {
        for (name, earlier, agency) in clashes {
            let diagnostic = match earlier {
                Some(earlier) => Diagnostic::new(
                    Code::DuplicateId,
                    agencies[agency].loc,
                    format!(
                        "agency `{}` is also called `{name}`, which already names `{}`",
                        agencies[agency].id, agencies[earlier].id
                    ),
                )
                .with_label(agencies[earlier].loc, "the agency already called so"),
                None => Diagnostic::new(
                    Code::DuplicateId,
                    agencies[agency].loc,
                    format!(
                        "agency `{}` is called `{name}`, a reserved word for leads",
                        agencies[agency].id
                    ),
                ),
            };
            self.report(diagnostic.with_help("an agency's id, name and aliases must name only it"));
        }
    }
}
