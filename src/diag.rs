//! Findings about a plan, as data: a stable code, a severity, a message and
//! the place in a file it is about. Checks push these into a list; renderers
//! (src/render/diagnostics.rs) turn the list into text, JSON or annotations.

pub use crate::codes::{Code, Severity};
pub use crate::findings::Finding;
use crate::source::Loc;

/// A second place a finding points at, such as the first of two duplicate ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub loc: Loc,
    pub message: String,
}

/// One finding: what was found (its kind and fields) and where. Its code,
/// wording and help all come from the kind (src/findings.rs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub finding: Finding,
    pub loc: Loc,
    /// A warning the plan's `[check]` table or `--deny` made an error.
    pub denied: bool,
}

impl Diagnostic {
    pub fn new(finding: Finding, loc: Loc) -> Self {
        Diagnostic {
            finding,
            loc,
            denied: false,
        }
    }

    /// The finding as an error, whatever its code's severity.
    pub fn denied(self) -> Self {
        Diagnostic {
            denied: true,
            ..self
        }
    }

    pub fn code(&self) -> Code {
        self.finding.code()
    }

    pub fn severity(&self) -> Severity {
        if self.denied {
            Severity::Error
        } else {
            self.code().severity()
        }
    }

    pub fn message(&self) -> String {
        self.finding.message()
    }

    pub fn help(&self) -> Option<String> {
        self.finding.help()
    }

    /// The other places the finding points at.
    pub fn labels(&self) -> Vec<Label> {
        self.finding
            .labels()
            .into_iter()
            .map(|(loc, message)| Label { loc, message })
            .collect()
    }
}

/// Counts of a list of findings, for the closing line and the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Tally {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        Tally {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}
