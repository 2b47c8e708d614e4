//! The registry of leads: each agency's id, kind and aliases, names two
//! agencies share, and the `part_of` links between them.

use super::{Seen, Validator};
use crate::diag::{Diagnostic, Finding};
use crate::file_format;
use crate::lang::Lang;
use crate::leads::Registry;
use crate::model::*;
use crate::raw::*;
use crate::words::Words;

impl Validator<'_> {
    /// The registry, and each agency's `part_of` as written (resolved later).
    pub(super) fn agencies(
        &mut self,
        raw: Vec<RawAgency>,
        languages: &[Lang],
    ) -> (Vec<Agency>, Vec<Option<Spanned<String>>>) {
        let mut seen = Seen::new("agency");
        let mut agencies = Vec::with_capacity(raw.len());
        for mut agency in raw {
            if agency.id.value.trim().is_empty() {
                self.report(Diagnostic::new(Finding::EmptyAgencyId, agency.id.loc));
                continue;
            }
            // An agency id names its request file and web page: no quotes,
            // brackets, slashes or spaces (`A"><img …>` is no id). A hidden
            // character has a finding of its own, which names it.
            let allowed = |c: char| {
                c.is_alphanumeric() || matches!(c, '-' | '_' | '.') || crate::hidden::is_hidden(c)
            };
            if !agency.id.value.chars().all(allowed) {
                self.report(Diagnostic::new(
                    Finding::BadId {
                        what: "agency",
                        id: agency.id.value.clone(),
                    },
                    agency.id.loc,
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
                        Finding::BadAgencyKind {
                            kind: kind.value.clone(),
                            names: <AgencyKind as Words>::WORDS,
                        },
                        kind.loc,
                    ));
                    AgencyKind::Organisation
                }),
            };
            for email in &agency.email {
                if crate::address::parse(&email.value).is_none() {
                    let finding = Finding::BadEmail {
                        agency: agency.id.value.clone(),
                        email: email.value.clone(),
                    };
                    self.report(Diagnostic::new(finding, email.loc));
                }
            }
            let language = self.agency_language(agency.language.as_ref(), languages);
            let name = [("name", Some(agency.name.loc))];
            let twins = std::mem::take(&mut agency.twins);
            let translations = self.translations(languages, twins, &file_format::AGENCY, &name);
            agencies.push((agency, kind, language, translations));
        }
        let part_of = agencies
            .iter()
            .map(|(raw, ..)| raw.part_of.clone())
            .collect();
        let agencies = agencies
            .into_iter()
            .map(|(raw, kind, language, translations)| Agency {
                language,
                translations,
                id: raw.id.value,
                name: raw.name.value,
                kind,
                aliases: raw.aliases.into_iter().map(|a| a.value).collect(),
                // Resolved by `resolve_parts` once every agency is known.
                part_of: None,
                email: raw
                    .email
                    .into_iter()
                    .map(|e| e.value.trim().to_string())
                    .collect(),
                contact: raw.contact.map(|c| c.value),
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
                    Finding::AgencyPartOfItself {
                        agency: agencies[idx].id.clone(),
                    },
                    written.loc,
                )),
                _ => self.report(Diagnostic::new(
                    Finding::UnknownPartOf {
                        name: written.value.clone(),
                    },
                    written.loc,
                )),
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
                            Finding::AgencyLoop {
                                agency: agencies[idx].id.clone(),
                            },
                            loc,
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
            let finding = match earlier {
                Some(earlier) => Finding::AgencyNameTaken {
                    agency: agencies[agency].id.clone(),
                    name: name.to_string(),
                    earlier: agencies[earlier].id.clone(),
                    earlier_loc: agencies[earlier].loc,
                },
                None => Finding::AgencyNameReserved {
                    agency: agencies[agency].id.clone(),
                    name: name.to_string(),
                },
            };
            self.report(Diagnostic::new(finding, agencies[agency].loc));
        }
    }

    /// `no-contact`: an agency leading an open task that has no `email`.
    /// Only in a plan that uses contacts at all (some agency has an
    /// `email`): a plan that keeps no addresses is not nagged about them.
    pub(super) fn contacts(&mut self, plan: &Plan) {
        if plan.agencies.iter().all(|a| a.email.is_empty()) {
            return;
        }
        let mut open = vec![0usize; plan.agencies.len()];
        for task in plan.tasks().filter(|t| t.rag != Some(Rag::Blue)) {
            for lead in &task.leads {
                if let Lead::Agency(idx) = lead {
                    open[*idx] += 1;
                }
            }
        }
        for (agency, open_tasks) in plan.agencies.iter().zip(open) {
            if open_tasks > 0 && agency.email.is_empty() {
                self.report(Diagnostic::new(
                    Finding::NoContact {
                        agency: agency.id.clone(),
                        open_tasks,
                    },
                    agency.loc,
                ));
            }
        }
    }
}
