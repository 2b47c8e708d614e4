//! Lead cells made into leads and the agency registry. A cell naming several
//! leads (`SWP / CSP Manager`, `Police and Probation`) is split on `/`, `;`
//! and line breaks, and on `,`, `&` and `and` only where every part is a
//! lead in its own right (so `University Secretary and Director, Students`
//! stays one). Each distinct lead becomes an agency with an id made from its
//! initials; other spellings of it become aliases.

use anyhow::Context;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// An agency the import adds to the registry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAgency {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// The registry being made: an existing one (`--agencies`) first, then the
/// agencies the lead cells name.
#[derive(Debug, Default)]
pub struct Registry {
    /// The text of the `--agencies` file, kept as it is.
    pub existing_text: Option<String>,
    pub agencies: Vec<NewAgency>,
    /// A spelling's key -> agency id.
    known: HashMap<String, String>,
    /// Every id, name and alias taken, as the plan compares them.
    taken: HashSet<String>,
    /// Lead cells that name one lead and nothing else.
    standalone: HashSet<String>,
    /// Leads written as initials (`CPS`): kept as ids for themselves, so a
    /// name with those initials takes another (`CPS2`) and never clashes.
    acronyms: HashSet<String>,
    /// Two leads kept apart that may be one agency (`CPS` beside
    /// `Community Protection Service`): `possible-same-agency` warnings.
    pub warnings: Vec<String>,
    /// Initials' key -> the first agency with them.
    initials: HashMap<String, usize>,
    /// Keys in `known` that are only an `--agencies` id, no name or alias:
    /// a name or alias of another agency claims the text first.
    ids: HashSet<String>,
    warned: HashSet<String>,
}

const UNASSIGNED: &[&str] = &[
    "",
    "tbc",
    "tba",
    "not identified",
    "unassigned",
    "n/a",
    "na",
    "none",
    "not known",
    "to be confirmed",
    "-",
];
const ALL: &[&str] = &[
    "all",
    "all partners",
    "all partner agencies",
    "all agencies",
    "each partner agency",
    "each partners agency",
    "partners",
    "all partner organisations",
];

/// Words that end the name of an organisation or team: a part that ends in
/// one can stand alone as a lead.
const BODY_WORDS: &[&str] = &[
    "police",
    "probation",
    "council",
    "health",
    "service",
    "services",
    "nhs",
    "trust",
    "partnership",
    "board",
    "team",
    "unit",
    "group",
    "fire",
    "rescue",
    "authority",
    "agency",
    "forum",
    "project",
    "department",
    "directorate",
    "wales",
    "crc",
    "cps",
    "prison",
    "housing",
    "education",
    "college",
    "university",
    "centre",
];

/// A spelling's key: case, spacing, `&`/`and` and a final full stop aside.
pub fn key(text: &str) -> String {
    let text = text.trim().trim_end_matches('.').replace('&', " and ");
    crate::leads::normalise(&text)
}

fn is_acronym(part: &str) -> bool {
    let letters: Vec<char> = part.chars().filter(|c| !c.is_whitespace()).collect();
    !letters.is_empty()
        && letters.len() <= 8
        && !part.contains(' ')
        && letters
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '&')
}

/// The parts of a cell split on the separators that always mean a list.
/// A cell that starts with a bullet is a bulleted list even when its line
/// breaks were lost (`- DMBC Hate Crime Lead - SYP Hate Crime Officer`).
fn list_parts(cell: &str) -> Vec<String> {
    let bulleted = cell.trim_start().starts_with(['-', '•', '*']);
    let mut text = cell.to_string();
    if bulleted {
        for bullet in [" - ", " • ", " * "] {
            text = text.replace(bullet, "\n");
        }
    }
    text.split(['/', ';', '\n', '\r'])
        .map(|p| p.trim().trim_start_matches(['-', '•', '*']).trim())
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// A part split on `,`, ` & ` and ` and `.
fn word_parts(part: &str) -> Vec<String> {
    let mut parts = vec![part.to_string()];
    for sep in [",", " & ", " and ", " And "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(|s| s.trim().to_string()))
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

/// The `[[agency]]` tables of a plan file, comments and all, without the
/// other tables it may hold (a one-file plan's `[plan]`, cards ...).
fn agencies_only(text: &str) -> anyhow::Result<String> {
    let mut doc: toml_edit::DocumentMut = text.parse()?;
    let others: Vec<String> = doc
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| k != "agency")
        .collect();
    if others.is_empty() {
        return Ok(text.to_string());
    }
    for key in others {
        doc.remove(&key);
    }
    Ok(doc.to_string())
}

impl Registry {
    /// The registry to start from: the agencies of `file` (`--agencies`), or none.
    pub fn new(file: Option<&Path>) -> anyhow::Result<Registry> {
        let mut registry = Registry::default();
        let Some(file) = file else {
            return Ok(registry);
        };
        let text = crate::limits::read_text(file, crate::limits::FILE_BYTES)?;
        let table: toml::Table = toml::from_str(&text)
            .with_context(|| format!("{} is not valid TOML", file.display()))?;
        let agencies = table
            .get("agency")
            .and_then(|a| a.as_array())
            .cloned()
            .unwrap_or_default();
        for agency in &agencies {
            let field = |k: &str| agency.get(k).and_then(|v| v.as_str()).map(String::from);
            let Some(id) = field("id") else { continue };
            let aliases = agency
                .get("aliases")
                .and_then(|a| a.as_array())
                .cloned()
                .unwrap_or_default();
            let names = [Some(id.clone()), field("name")]
                .into_iter()
                .flatten()
                .chain(aliases.iter().filter_map(|a| a.as_str().map(String::from)));
            for (i, name) in names.enumerate() {
                let k = key(&name);
                registry.taken.insert(crate::leads::normalise(&name));
                if i == 0 {
                    // An id is its agency only when no name or alias claims it.
                    if let std::collections::hash_map::Entry::Vacant(e) =
                        registry.known.entry(k.clone())
                    {
                        e.insert(id.clone());
                        registry.ids.insert(k);
                    }
                } else {
                    registry.ids.remove(&k);
                    registry.known.insert(k, id.clone());
                }
            }
        }
        registry.existing_text = Some(agencies_only(&text)?);
        Ok(registry)
    }

    /// Notes the cells that name one lead, so that a cell joining them with
    /// `and` or `,` can be split: call with every lead cell first.
    pub fn learn(&mut self, cells: &[&str]) {
        for cell in cells {
            let parts = list_parts(cell);
            let words = parts.iter().flat_map(|p| word_parts(p));
            for word in words.filter(|w| is_acronym(w)) {
                self.acronyms
                    .insert(crate::leads::normalise(&base_id(&word)));
            }
            if let [one] = parts.as_slice()
                && word_parts(one).len() == 1
            {
                self.standalone.insert(key(one));
            }
        }
    }

    fn stands_alone(&self, part: &str) -> bool {
        let k = key(part);
        let last = k.rsplit(' ').next().unwrap_or("");
        self.known.contains_key(&k)
            || self.standalone.contains(&k)
            || UNASSIGNED.contains(&k.as_str())
            || ALL.contains(&k.as_str())
            || is_acronym(part)
            || (k.split(' ').count() <= 5 && BODY_WORDS.contains(&last))
    }

    /// The leads a cell names: agency ids, `TBC` or `all`.
    pub fn leads(&mut self, cell: &str) -> Vec<String> {
        let mut leads = Vec::new();
        let parts = list_parts(cell);
        if parts.is_empty() {
            return vec!["TBC".into()];
        }
        for part in parts {
            let words = word_parts(&part);
            let split = words.len() > 1 && words.iter().all(|w| self.stands_alone(w));
            let names = if split { words } else { vec![part] };
            for name in names {
                let lead = self.lead(&name);
                if !leads.contains(&lead) {
                    leads.push(lead);
                }
            }
        }
        leads
    }

    /// The agency `name` names, as one who wrote a progress note ("Police"
    /// in "Police: 12 officers named"): of `leads`, the one whose id, name
    /// or alias it is or is part of ("Police" of "South Wales Police");
    /// else any agency it is the id, name or alias of. None when it names
    /// none, or more than one of the leads.
    pub fn writer(&self, name: &str, leads: &[String]) -> Option<String> {
        let name = key(name);
        if name.is_empty() || UNASSIGNED.contains(&name.as_str()) || ALL.contains(&name.as_str()) {
            return None;
        }
        // A lead of the row named by its id (`SWF: ...`).
        if let Some(id) = leads.iter().find(|id| key(id) == name) {
            return Some(id.clone());
        }
        let part_of = |spelling: &str| {
            let words: Vec<&str> = spelling.split(' ').collect();
            let wanted: Vec<&str> = name.split(' ').collect();
            words.windows(wanted.len()).any(|w| w == wanted.as_slice())
        };
        let mut named: Vec<&String> = leads
            .iter()
            .filter(|lead| {
                self.known
                    .iter()
                    .any(|(spelling, id)| id == *lead && part_of(spelling))
            })
            .collect();
        named.dedup();
        match named.as_slice() {
            [one] => Some((*one).clone()),
            [] => self.known.get(&name).cloned(),
            _ => None,
        }
    }

    /// The id of one lead, adding an agency for a new one.
    fn lead(&mut self, name: &str) -> String {
        let name = name.trim().trim_end_matches('.').trim();
        let k = key(name);
        if UNASSIGNED.contains(&k.as_str()) {
            return "TBC".into();
        }
        if ALL.contains(&k.as_str()) {
            return "all".into();
        }
        if let Some(id) = self.known.get(&k).cloned() {
            if self.ids.contains(&k) {
                self.doubt_id(name, &id);
            }
            if let Some(agency) = self.agencies.iter_mut().find(|a| a.id == id)
                && agency.name != name
                && !crate::model::same_id(&agency.id, name)
                && !agency.aliases.iter().any(|a| a == name)
            {
                agency.aliases.push(name.to_string());
            }
            return id;
        }
        let id = self.new_id(name);
        self.taken.insert(crate::leads::normalise(&id));
        self.taken.insert(crate::leads::normalise(name));
        // Only the name itself: a later cell writing its initials ("CPS"
        // after "Community Protection Service") may name another body (the
        // Crown Prosecution Service), so it is an agency of its own, warned of.
        self.known.insert(k.clone(), id.clone());
        self.doubt(name, &id);
        self.agencies.push(NewAgency {
            id: id.clone(),
            name: name.to_string(),
            aliases: Vec::new(),
        });
        id
    }

    /// A warning when a new lead and an agency already made share their
    /// initials and one of them is written as initials only.
    fn doubt(&mut self, name: &str, id: &str) {
        let mine = key(&base_id(name));
        let next = self.agencies.len();
        let first = *self.initials.entry(mine).or_insert(next);
        let Some(other) = self.agencies.get(first) else {
            return;
        };
        if is_acronym(name) || is_acronym(&other.name) {
            self.warnings.push(format!(
                "possible-same-agency: {name:?} ({id}) and {:?} ({}) share the initials {}: kept as two agencies; if they are one, add the one's name to the other's `aliases` in agencies.toml and its id to the tasks",
                other.name,
                other.id,
                base_id(name)
            ));
        }
    }

    /// A cell that writes an `--agencies` id is that agency; when a lead
    /// of this import has the same initials, it may be that one instead.
    fn doubt_id(&mut self, name: &str, id: &str) {
        let Some(other) = self
            .agencies
            .iter()
            .find(|a| a.id != id && key(&base_id(&a.name)) == key(name))
        else {
            return;
        };
        if self.warned.insert(key(name)) {
            self.warnings.push(format!(
                "possible-same-agency: {name:?} is read as the agency {id} of --agencies, whose id it is; {:?} ({}) has the same initials: if it means that one, write its name",
                other.name, other.id
            ));
        }
    }

    /// An id from a name's initials (`South Wales Police` -> `SWP`), kept
    /// whole for one word or an acronym, numbered on a clash.
    fn new_id(&self, name: &str) -> String {
        let base = base_id(name);
        let reserved = !is_acronym(name);
        let free = |id: &str| {
            let n = crate::leads::normalise(id);
            let kept_for_initials = reserved && self.acronyms.contains(&n);
            let used = self.taken.contains(&n)
                || UNASSIGNED.contains(&n.as_str())
                || ALL.contains(&n.as_str());
            !kept_for_initials && !used
        };
        if free(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}{n}"))
            .find(|id| free(id))
            .expect("some number is free")
    }
}

/// The id a name's initials make (`South Wales Police` -> `SWP`; one word
/// or an acronym kept whole), before any number for a clash.
fn base_id(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let small = [
        "of", "the", "and", "for", "in", "on", "to", "a", "an", "with", "by",
    ];
    let big: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !small.contains(&w.to_lowercase().as_str()))
        .collect();
    let mut base: String = match big.as_slice() {
        [] => "A".into(),
        [one] => one
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(12)
            .collect::<String>()
            .to_uppercase(),
        many => {
            // Acronyms kept whole ("SWP Manager" -> SWPM) while short.
            let initial = |w: &&str| w.chars().take(1).collect::<String>().to_uppercase();
            let whole: String = many
                .iter()
                .map(|w| {
                    if is_acronym(w) {
                        w.to_string()
                    } else {
                        initial(w)
                    }
                })
                .collect();
            if whole.len() <= 8 {
                whole
            } else {
                many.iter().map(initial).take(8).collect()
            }
        }
    };
    base.retain(|c| c.is_ascii_alphanumeric());
    if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
        base.insert(0, 'A');
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leads(cells: &[&str], cell: &str) -> (Vec<String>, Registry) {
        let mut registry = Registry::default();
        registry.learn(cells);
        let leads = registry.leads(cell);
        (leads, registry)
    }

    #[test]
    fn the_writer_of_a_note_is_the_lead_it_names() {
        let (ids, registry) = leads(&[], "South Wales Police; South Wales Fire; Cardiff Council");
        assert_eq!(ids, vec!["SWP", "SWF", "CC"]);
        let writer = |name: &str| registry.writer(name, &ids);
        assert_eq!(writer("Police").as_deref(), Some("SWP"));
        assert_eq!(writer("cardiff council").as_deref(), Some("CC"));
        assert_eq!(writer("SWF").as_deref(), Some("SWF"));
        // Two leads' names hold it: it names neither.
        assert_eq!(writer("South Wales"), None);
        // Not an agency at all.
        for name in ["Update", "12 March", "TBC", "All", ""] {
            assert_eq!(writer(name), None, "{name}");
        }
        // An agency that is not one of these leads, named in full.
        assert_eq!(
            registry.writer("Cardiff Council", &ids[..1]).as_deref(),
            Some("CC")
        );
    }

    #[test]
    fn lists_are_split_and_titles_are_not() {
        assert_eq!(leads(&[], "SWP / CSP Manager").0, vec!["SWP", "CSPM"]);
        assert_eq!(
            leads(&[], "Police and Probation").0,
            vec!["POLICE", "PROBATION"]
        );
        assert_eq!(
            leads(&[], "University Secretary and Director, Students").0,
            vec!["USDS"]
        );
        assert_eq!(
            leads(
                &[],
                "Head of HR and Organisational Development /Policy Officer"
            )
            .0,
            vec!["HHROD", "PO"]
        );
        assert_eq!(leads(&[], "Public Health, ULHT").0, vec!["PH", "ULHT"]);
        assert_eq!(leads(&[], "O&S").0, vec!["OS"]);
        assert_eq!(
            leads(&["Anna", "Bob"], "Anna and Bob").0,
            vec!["ANNA", "BOB"]
        );
    }

    #[test]
    fn only_the_agencies_of_another_plan_are_kept() {
        let text = "[plan]\ntitle = \"T\"\n\n# The police\n[[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n\n[card]\nid = \"EJ\"\n";
        let kept = agencies_only(text).unwrap();
        assert!(
            kept.contains("# The police\n[[agency]]\nid = \"SWP\""),
            "{kept}"
        );
        assert!(
            !kept.contains("[plan]") && !kept.contains("[card]"),
            "{kept}"
        );
    }

    /// Lead cells of real plans (shared/realworld/plans.md) and what they name.
    #[test]
    fn real_lead_cells() {
        let cases: &[(&str, &[&str])] = &[
            ("Flo Churchill/ Sue Whiteside", &["FC", "SW"]),
            (
                "Community Protection Service and Police",
                &["CPS", "POLICE"],
            ),
            ("Public Health and Lincolnshire Police", &["PH", "LP"]),
            (
                "Sheffield City Council /South Yorkshire Police",
                &["SCC", "SYP"],
            ),
            (
                "Council security liaison officer and neighbourhood managers.",
                &["CSLONM"],
            ),
            ("All staff and managers", &["ASM"]),
            (
                "- DMBC Hate Crime Lead - DMBC Communications - SYP Hate Crime Officer",
                &["DMBCHCL", "DMBCC", "SYPHCO"],
            ),
            ("EQUIP – commissioned by NBBC and WCC", &["ECNW"]),
            (
                "Cornwall & Isles of Scilly (IoS) Public Health",
                &["CISIPH"],
            ),
            ("Deputy Commissioner, MPS.", &["DCMPS"]),
        ];
        for (cell, want) in cases {
            assert_eq!(leads(&[], cell).0, *want, "{cell}");
        }
    }

    #[test]
    fn reserved_words_and_spellings() {
        assert_eq!(leads(&[], "All partners").0, vec!["all"]);
        assert_eq!(leads(&[], "Not identified").0, vec!["TBC"]);
        assert_eq!(leads(&[], "").0, vec!["TBC"]);
        let mut registry = Registry::default();
        assert_eq!(registry.leads("Youth Offending Service"), vec!["YOS"]);
        assert_eq!(registry.leads("youth  offending service."), vec!["YOS"]);
        assert_eq!(registry.leads("Safer Wales"), vec!["SW"]);
        assert_eq!(registry.leads("Sexual Worker"), vec!["SW2"]);
        assert_eq!(
            registry.agencies[0].aliases,
            vec!["youth  offending service"]
        );
        // The initials written alone are never taken for the name they
        // abbreviate: an agency of their own, with them as its id, warned of.
        registry.learn(&["South Wales Police", "SWP / Safer Wales"]);
        assert_eq!(registry.leads("South Wales Police"), vec!["SWP2"]);
        assert_eq!(registry.leads("SWP / Safer Wales"), vec!["SWP", "SW"]);
        assert_eq!(registry.agencies.len(), 5);
        assert!(
            registry.warnings[0].starts_with(
                "possible-same-agency: \"SWP\" (SWP) and \"South Wales Police\" (SWP2) share the initials SWP: kept as two agencies"
            ),
            "{:?}",
            registry.warnings
        );
        // Initials first, the long names after: each its own agency, warned of.
        let mut registry = Registry::default();
        assert_eq!(registry.leads("CPS"), vec!["CPS"]);
        assert_eq!(registry.leads("Community Protection Service"), vec!["CPS2"]);
        assert_eq!(registry.leads("Crown Prosecution Service"), vec!["CPS3"]);
        assert_eq!(registry.warnings.len(), 2);
    }

    #[test]
    fn an_id_of_agencies_is_its_agency_only_when_nothing_else_claims_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("agencies.toml");
        std::fs::write(
            &file,
            "[[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n\n\
             [[agency]]\nid = \"CPS\"\nname = \"Crown Prosecution Service\"\n\n\
             [[agency]]\nid = \"CS\"\nname = \"Community Safety\"\naliases = [\"CPS\"]\n",
        )
        .unwrap();
        let mut registry = Registry::new(Some(&file)).unwrap();
        // Claimed by another agency's alias: that one.
        assert_eq!(registry.leads("CPS"), vec!["CS"]);
        // Claimed by nothing else: the agency whose id it is ...
        assert_eq!(registry.leads("Safer Wales Partnership"), vec!["SWP2"]);
        assert_eq!(registry.leads("SWP"), vec!["SWP"]);
        // ... warned of, as a lead of the import has the same initials.
        assert_eq!(registry.warnings.len(), 1, "{:?}", registry.warnings);
        assert!(registry.warnings[0].contains("\"Safer Wales Partnership\" (SWP2)"));
    }
}
