//! Findings as text for people (`human`, `short`), for programs (`json`)
//! and for CI (`github` workflow commands). A finding quotes the plan (an
//! unknown lead, a file's name): in every format for people and CI, that
//! text goes through `escape`, so it cannot start a line of its own.

use super::escape;
use crate::diag::{Diagnostic, Severity, Tally};
use crate::source::{Loc, Sources};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::io::{self, Write};

/// Where a finding is, as a person counts: from 1.
#[derive(Debug, serde::Serialize)]
struct Place<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn place<'a>(sources: &'a Sources, loc: Loc) -> Place<'a> {
    let file = sources.get(loc.file());
    let start = file.line_col(loc.start());
    let end = file.line_col(loc.end());
    Place {
        path: &file.name,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// The closing line of a check: what was found, in how many files; `tasks`
/// is `None` when the files were too broken to read the plan from them.
pub fn summary(tally: Tally, files: usize, tasks: Option<usize>) -> String {
    use crate::words::count as plural;
    let found = format!(
        "{}, {}",
        plural(tally.errors, "error"),
        plural(tally.warnings, "warning")
    );
    match tasks {
        Some(tasks) => format!(
            "{found} ({} read, {})",
            plural(files, "file"),
            plural(tasks, "task")
        ),
        None => format!(
            "{found} ({} read; the plan itself is checked once these are mended)",
            plural(files, "file")
        ),
    }
}

pub fn short(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for d in diagnostics {
        let p = place(sources, d.loc);
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            escape::line(p.path),
            p.line,
            p.column,
            d.severity().as_str(),
            d.code().name(),
            escape::line(&d.message())
        )?;
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    severity: Severity,
    code: &'static str,
    message: String,
    #[serde(flatten)]
    place: Place<'a>,
    help: Option<String>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(serde::Serialize)]
struct JsonRelated<'a> {
    message: String,
    #[serde(flatten)]
    place: Place<'a>,
}

pub fn json(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let findings: Vec<JsonFinding> = diagnostics
        .iter()
        .map(|d| JsonFinding {
            severity: d.severity(),
            code: d.code().name(),
            message: d.message(),
            place: place(sources, d.loc),
            help: d.help(),
            related: d
                .labels()
                .into_iter()
                .map(|l| JsonRelated {
                    message: l.message,
                    place: place(sources, l.loc),
                })
                .collect(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &findings)?;
    writeln!(out)
}

/// GitHub workflow commands: properties and data escaped as the runner expects.
pub fn github(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    use escape::{github_data as data, github_property as property};
    for d in diagnostics {
        let p = place(sources, d.loc);
        let mut message = d.message();
        if let Some(help) = &d.help() {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            d.severity().as_str(),
            property(p.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            property(d.code().name()),
            data(&message)
        )?;
    }
    Ok(())
}

/// SARIF 2.1.0: one run of the `plan` tool, a rule per check code.
pub fn sarif(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic]) -> io::Result<()> {
    use crate::diag::Code;
    use serde_json::json;
    let level = |severity: Severity| match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let location = |loc: Loc| {
        let p = place(sources, loc);
        json!({"physicalLocation": {
            "artifactLocation": {"uri": p.path.replace('\\', "/")},
            "region": {
                "startLine": p.line,
                "startColumn": p.column,
                "endLine": p.end_line,
                "endColumn": p.end_column,
            },
        }})
    };
    let rules: Vec<_> = Code::ALL
        .iter()
        .map(|code| {
            let (full, help) = rule_text(*code);
            json!({
                "id": code.name(),
                "shortDescription": {"text": code.description()},
                "fullDescription": {"text": full},
                "help": {"text": help},
                "defaultConfiguration": {"level": level(code.severity())},
            })
        })
        .collect();
    let results: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message();
            if let Some(help) = &d.help() {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code().name(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == d.code()),
                "level": level(d.severity()),
                "message": {"text": text},
                "locations": [location(d.loc)],
            });
            let labels = d.labels();
            if !labels.is_empty() {
                result["relatedLocations"] = labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut related = location(l.loc);
                        related["id"] = json!(i);
                        related["message"] = json!({"text": l.message});
                        related
                    })
                    .collect();
            }
            result
        })
        .collect();
    let mut driver = json!({
        "name": "plan",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    // The tool's page, once the package names one (Cargo.toml's `homepage`,
    // else `repository`); until then the key is left out rather than made up.
    if let Some(uri) = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty())
    {
        driver["informationUri"] = json!(uri);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A SARIF rule's full description and help, from the codes table: code
/// scanning shows them beside each result, and GitHub requires both.
fn rule_text(code: crate::diag::Code) -> (String, String) {
    let meaning = code.description();
    let level = match code.severity() {
        Severity::Error => {
            "It is an error: every report refuses a plan that has one, so it cannot be allowed."
        }
        Severity::Warning => {
            "It is a warning: `--allow`, `--deny` or the plan's `[check]` table may change its level."
        }
    };
    let full = format!("`plan check` reports {}: {meaning}. {level}", code.name());
    let help = format!(
        "{meaning}. `plan check --explain {}` says more, and the plan's docs/check.md \
         shows the finding with an example.",
        code.name()
    );
    (full, help)
}

/// Excerpts longer than this are not shown (a 10 MB line helps nobody).
const MAX_EXCERPT_BYTES: usize = 4096;

pub fn human(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    colour: bool,
) -> io::Result<()> {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in diagnostics {
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let (message, help, labels) = (d.message(), d.help(), d.labels());
        let title = level
            .primary_title(escape::line(&message))
            .id(d.code().name());
        let mut group = Group::with_title(title).element(snippet(sources, d.loc, None, true));
        for label in &labels {
            let message = escape::line(&label.message);
            group = group.element(snippet(sources, label.loc, Some(message), false));
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(escape::line(help)));
        }
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    Ok(())
}

/// The lines of `loc`, with a caret (or a labelled underline) under it.
fn snippet<'a>(
    sources: &'a Sources,
    loc: Loc,
    label: Option<std::borrow::Cow<'a, str>>,
    primary: bool,
) -> annotate_snippets::Element<'a> {
    let file = sources.get(loc.file());
    let lines = file.line_range(loc.start(), loc.end());
    let start = file.line_col(loc.start());
    if lines.len() > MAX_EXCERPT_BYTES || file.text.is_empty() {
        return annotate_snippets::Origin::path(escape::line(&file.name))
            .line(start.line)
            .char_column(start.column)
            .into();
    }
    let excerpt = &file.text[lines.clone()];
    let from = char_floor(
        excerpt,
        loc.start().clamp(lines.start, lines.end) - lines.start,
    );
    let to = char_floor(
        excerpt,
        loc.end().clamp(lines.start, lines.end) - lines.start,
    );
    // Offsets into the excerpt as shown, its hidden characters escaped.
    let (from, to) = (
        escape::excerpt(&excerpt[..from]).len(),
        escape::excerpt(&excerpt[..to]).len(),
    );
    let kind = if primary {
        AnnotationKind::Primary
    } else {
        AnnotationKind::Context
    };
    let mut annotation = kind.span(from..to.max(from));
    if let Some(label) = label {
        annotation = annotation.label(label);
    }
    Snippet::source(escape::excerpt(excerpt))
        .line_start(start.line)
        .path(escape::line(&file.name))
        .annotation(annotation)
        .into()
}

fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
