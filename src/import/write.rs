//! The imported plan as a plan directory in the canonical layout: a
//! `plan.toml`, an `agencies.toml` and one file per card under `cards/`,
//! each run through `format::format_text`, for `output_dir` to write.

use super::leads::Registry;
use super::{Imported, NewCard, NewRecommendation, NewTask, Options, When};
use anyhow::Context;
use chrono::NaiveDate;
use std::path::PathBuf;

/// A TOML string.
fn q(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

/// A name from outside (a file's, a sheet's) as it may stand in a comment:
/// a one-line quoted string, every control character escaped, so that a
/// name holding a line break cannot write a line of TOML of its own.
fn quoted(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The plan directory's files: (path inside it, text).
pub fn files(
    options: &Options,
    imported: &Imported,
    registry: &mut Registry,
    today: NaiveDate,
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let sources = options
        .files
        .iter()
        .map(|f| {
            quoted(&f.file_name().map_or_else(
                || f.display().to_string(),
                |n| n.to_string_lossy().to_string(),
            ))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let title = options
        .title
        .clone()
        .or_else(|| imported.title.clone())
        .unwrap_or_else(|| {
            let stem = options
                .files
                .first()
                .and_then(|f| f.file_stem())
                .map(|s| s.to_string_lossy().to_string());
            stem.unwrap_or_else(|| "Action plan".into())
        });
    let period = imported
        .period
        .clone()
        .context("the plan's period is settled when the tables are read")?;
    let (start, end, why) = (period.start, period.end, period.why);
    let plan = format!(
        "# Imported by `plan import` from {sources}.\n\n[plan]\ntitle = {}\n{}\nstart = {start}\nend = {end}\n",
        q(&title),
        comment(&why)
    );
    let mut plan = plan;
    for event in &imported.events {
        plan.push_str(&format!(
            "\n[[event]]\nid = {}\ntitle = {}\n",
            q(&event.id),
            q(&event.title)
        ));
        if let Some(date) = event.date {
            plan.push_str(&format!("date = {date}\n"));
        }
    }
    let mut files = vec![(PathBuf::from("plan.toml"), plan)];
    let mut cards = Vec::new();
    let mut recs: Vec<(String, &NewRecommendation)> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for card in &imported.cards {
        if card.tasks().next().is_none() {
            continue;
        }
        let id = unique(card_id(&card.title), &ids);
        let name = unique(slug(&card.title), &names);
        cards.push((
            PathBuf::from("cards").join(format!("{name}.toml")),
            // A note's day is the import's, within the plan's years.
            card_text(card, &id, &sources, registry, today.max(start), &mut recs),
        ));
        ids.push(id);
        names.push(name);
    }
    if let Some(agencies) = agencies_text(registry) {
        files.push((PathBuf::from("agencies.toml"), agencies));
    }
    files.extend(cards);
    if !recs.is_empty() {
        files.push((
            PathBuf::from("recommendations.toml"),
            recommendations_text(&recs, &sources),
        ));
    }
    files
        .into_iter()
        .map(|(path, text)| {
            let tidy = crate::format::format_text(&text)
                .with_context(|| format!("the text made for {}", path.display()))?;
            Ok((path, tidy))
        })
        .collect()
}

fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + word.len() > 76 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// A name not yet in `taken`: itself, else numbered.
fn unique(base: String, taken: &[String]) -> String {
    let free = |n: &str| !taken.iter().any(|t| crate::model::same_id(t, n));
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}{n}"))
        .find(|n| free(n))
        .expect("some number is free")
}

/// "Effective Justice" -> "EJ".
pub fn card_id(title: &str) -> String {
    let small = ["of", "the", "and", "for", "in", "on", "to", "a", "an"];
    let id: String = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !small.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_alphanumeric)
        .take(6)
        .collect::<String>()
        .to_uppercase();
    if id.is_empty() { "C".into() } else { id }
}

fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "card".into()
    } else {
        words.join("-")
    }
}

/// "a" .. "z", then "aa", "ab" ...
fn letter(i: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    if i < 26 {
        (letters[i] as char).to_string()
    } else {
        format!("{}{}", letter(i / 26 - 1), letters[i % 26] as char)
    }
}

fn card_text<'a>(
    card: &'a NewCard,
    id: &str,
    sources: &str,
    registry: &mut Registry,
    today: NaiveDate,
    recs: &mut Vec<(String, &'a NewRecommendation)>,
) -> String {
    let mut out = format!(
        "# {}: imported from {sources}.\n\n[card]\nid = {}\ntitle = {}\n",
        quoted(&card.title),
        q(id),
        q(&card.title)
    );
    for (p, priority) in card
        .priorities
        .iter()
        .filter(|p| p.actions.iter().any(|a| !a.tasks.is_empty()))
        .enumerate()
    {
        out.push_str(&format!(
            "\n[[priority]]\nid = {}\ntitle = {}\n",
            p + 1,
            q(&priority.title)
        ));
        for (a, action) in priority
            .actions
            .iter()
            .filter(|a| !a.tasks.is_empty())
            .enumerate()
        {
            out.push_str(&format!(
                "\n[[priority.action]]\nid = {}\ntitle = {}\n",
                a + 1,
                q(&action.title)
            ));
            let ids = task_ids(&action.tasks);
            for (task, task_id) in action.tasks.iter().zip(&ids) {
                out.push_str(&task_text(task, task_id, registry, today));
                if let Some(rec) = &task.recommendation {
                    recs.push((format!("{id}-{}.{}.{task_id}", p + 1, a + 1), rec));
                }
            }
        }
    }
    out
}

/// The recommendations read, each with the task that delivers it.
fn recommendations_text(recs: &[(String, &NewRecommendation)], sources: &str) -> String {
    let mut out =
        format!("# Recommendations and the responses to them, imported from {sources}.\n");
    let mut ids: Vec<String> = Vec::new();
    for (n, (task, rec)) in recs.iter().enumerate() {
        let base = rec
            .reference
            .as_deref()
            .map(|r| r.trim().trim_end_matches('.').to_string())
            .filter(|r| !r.is_empty() && r.len() <= 20 && !r.contains(char::is_whitespace))
            .map(|r| {
                if r.starts_with(|c: char| c.is_ascii_digit()) {
                    format!("R{r}")
                } else {
                    r
                }
            })
            .unwrap_or_else(|| format!("R{}", n + 1));
        let id = unique(base, &ids);
        let decision = rec.decision.as_deref().and_then(response_of);
        out.push('\n');
        if decision.is_none() {
            out.push_str(&comment(&format!(
                "The table gives no decision{}: `noted` until the response is known.",
                rec.decision
                    .as_deref()
                    .map(|d| format!(" it can read ({})", quoted(d)))
                    .unwrap_or_default()
            )));
            out.push('\n');
        }
        out.push_str(&format!(
            "[[recommendation]]\nid = {}\ntext = {}\nresponse = {}\n",
            q(&id),
            q(&rec.text),
            q(decision.unwrap_or("noted"))
        ));
        if let Some(t) = &rec.response_text {
            out.push_str(&format!("response_text = {}\n", q(t)));
        }
        if let Some(o) = &rec.owner {
            out.push_str(&format!("owner = {}\n", q(o)));
        }
        out.push_str(&format!("actions = [{}]\n", q(task)));
        ids.push(id);
    }
    out
}

/// A decision as written: accepted, partially-accepted, not-accepted, noted.
fn response_of(text: &str) -> Option<&'static str> {
    let t = text.trim().to_lowercase();
    let has = |w: &str| t.contains(w);
    Some(if has("partial") || has("partly") || has("in part") {
        "partially-accepted"
    } else if has("not accepted")
        || has("reject")
        || has("declined")
        || t == "no"
        || t.starts_with("not ")
    {
        "not-accepted"
    } else if has("accept") || has("agreed") || t == "yes" || t == "y" {
        "accepted"
    } else if has("noted") {
        "noted"
    } else {
        return None;
    })
}

/// The ids of an action's tasks: the list markers the source wrote (`a`,
/// `ii`) when each has one and no two are alike, else `a`, `b`, `c`.
fn task_ids(tasks: &[NewTask]) -> Vec<String> {
    let marked: Vec<String> = tasks
        .iter()
        .filter_map(|t| t.marker.clone())
        .filter(|m| m.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    let distinct = marked
        .iter()
        .enumerate()
        .all(|(i, m)| !marked[..i].contains(m));
    if marked.len() == tasks.len() && distinct {
        marked
    } else {
        (0..tasks.len()).map(letter).collect()
    }
}

/// A task as TOML. Its progress notes become the first entry of its update
/// history, dated by the source's "Last updated" column, else the day of
/// the import (`--as-of`): a note said before the
/// plan was kept in `plan` is still said, and stays in view once later
/// entries come.
fn task_text(task: &NewTask, id: &str, registry: &mut Registry, today: NaiveDate) -> String {
    let mut out = format!("\n[[priority.action.task]]\nid = {}\n", q(id));
    if let Some(r) = &task.reference {
        out.push_str(&format!("ref = {}\n", q(r)));
    }
    out.push_str(&format!("text = {}\n", q(&task.text)));
    let ids = registry.leads(&task.lead);
    let leads: Vec<String> = ids.iter().map(|l| q(l)).collect();
    out.push_str(&format!("lead = [{}]\n", leads.join(", ")));
    match &task.due {
        Some(When::Date(d)) => out.push_str(&format!("due = {d}\n")),
        Some(When::Text(t)) => out.push_str(&format!("due = {}\n", q(t))),
        None => {}
    }
    if let Some(r) = &task.resources {
        out.push_str(&format!("resources = {}\n", q(r)));
    }
    if let Some(rag) = task.rag {
        out.push_str(&format!("rag = {}\n", q(rag.as_str())));
    }
    if let Some(done) = task.done {
        out.push_str(&format!("done = {done}\n"));
    }
    if !task.note.is_empty() {
        out.push_str(&format!(
            "\n[[priority.action.task.update]]\ndate = {}\nnote = {}\n",
            task.updated.unwrap_or(today),
            q(&task.note.join("\n"))
        ));
        if let Some(by) = progress_by(task, &ids, registry) {
            out.push_str(&format!("by = {}\n", q(&by)));
        }
    }
    out
}

/// Who wrote a task's progress note, where the source says: the agency its
/// progress cell opens with ("Police: ..."), else the row's one lead. None
/// for a row with no progress cell (its note is other columns' words), or
/// with several leads and no name, or none but `TBC` or `all`.
fn progress_by(task: &NewTask, leads: &[String], registry: &Registry) -> Option<String> {
    let first = task.progress.first()?;
    let agencies: Vec<String> = leads
        .iter()
        .filter(|l| !matches!(l.as_str(), "TBC" | "all"))
        .cloned()
        .collect();
    let named = first
        .split_once(':')
        .map(|(name, _)| name.trim())
        .filter(|name| !name.contains('\n') && (1..=5).contains(&name.split_whitespace().count()))
        .and_then(|name| registry.writer(name, &agencies));
    named.or(match agencies.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    })
}

fn agencies_text(registry: &Registry) -> Option<String> {
    let mut out = registry.existing_text.clone().unwrap_or_default();
    if registry.agencies.is_empty() {
        return registry.existing_text.clone();
    }
    out.push_str("\n# Agencies named by the lead cells of the imported table; ids made\n# from initials (check them, and set `kind` and `part_of`).\n");
    for agency in &registry.agencies {
        out.push_str(&format!(
            "\n[[agency]]\nid = {}\nname = {}\n",
            q(&agency.id),
            q(&agency.name)
        ));
        if !agency.aliases.is_empty() {
            let aliases: Vec<String> = agency.aliases.iter().map(|a| q(a)).collect();
            out.push_str(&format!("aliases = [{}]\n", aliases.join(", ")));
        }
    }
    Some(out)
}

/// The list `plan import` and `plan init` keep of the files they wrote in
/// a plan directory (hidden, so never read as a plan file).
pub const MANIFEST: &str = ".plan-import";

/// Writes the plan directory's `files` to `out` (see `output_dir`): a new
/// or empty directory, else with `force` one where only the files an
/// earlier import listed are replaced; never one of `inputs`, a `.git` or
/// a file `plan` did not write.
pub fn write_plan(
    who: &'static str,
    out: &std::path::Path,
    files: &[(PathBuf, String)],
    force: bool,
    inputs: &[PathBuf],
    err: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let named: Vec<(String, &[u8])> = files
        .iter()
        .map(|(path, text)| {
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (parts.join("/"), text.as_bytes())
        })
        .collect();
    let rules = crate::output_dir::Rules {
        who,
        manifest: MANIFEST,
        force,
        rewrite_own: false,
        inputs,
    };
    crate::output_dir::write(out, &named, &rules, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_letters() {
        assert_eq!(card_id("Effective Justice"), "EJ");
        assert_eq!(card_id("Reducing Harm"), "RH");
        assert_eq!(letter(0), "a");
        assert_eq!(letter(26), "aa");
        assert_eq!(slug("Effective Justice"), "effective-justice");
    }
}
