//! How seriously `plan check` takes each code, as clippy and cargo-deny let
//! a project say: *allow* (not shown, only counted), *warn* or *deny* (an
//! error: the check fails). Set in the plan's `[check]` table and on the
//! command line (`--allow`, `--warn`, `--deny`), which wins for each code it
//! names; on the command line a code named twice takes the strictest level.
//!
//! Unlike clippy and cargo-deny, a code whose findings are errors stays an
//! error: every report refuses a plan with errors whatever `plan check` is
//! told, so allowing one would let CI pass a plan no report can read. Only
//! the warning codes can be allowed or denied.

use crate::codes::{Code, Severity};
use crate::diag::Diagnostic;
use std::collections::BTreeMap;

pub use crate::codes::{Level, LevelError, code_named};

/// The level of each code that has been given one; the others keep their severity's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    set: BTreeMap<&'static str, (Code, Level)>,
}

/// The findings `plan check` shows, and how many it was told to allow.
pub struct Leveled {
    pub shown: Vec<Diagnostic>,
    pub allowed: usize,
}

impl Levels {
    /// Gives `name` a level, replacing any it had.
    pub fn set(&mut self, name: &str, level: Level) -> Result<(), LevelError> {
        let code = code_named(name)?;
        if code.severity() == Severity::Error && level != Level::Deny {
            return Err(LevelError::ErrorCode { code, level });
        }
        self.set.insert(code.name(), (code, level));
        Ok(())
    }

    /// `other`'s levels over these.
    pub fn overridden_by(mut self, other: &Levels) -> Levels {
        self.set.extend(other.set.iter().map(|(k, v)| (*k, *v)));
        self
    }

    pub fn level(&self, code: Code) -> Level {
        match self.set.get(code.name()) {
            Some((_, level)) => *level,
            None if code.severity() == Severity::Error => Level::Deny,
            None => Level::Warn,
        }
    }

    /// The findings to show, denied warnings made errors, errors first (each
    /// group in the order it came), and the count of those allowed.
    pub fn apply(&self, diagnostics: &[Diagnostic]) -> Leveled {
        let mut shown = Vec::with_capacity(diagnostics.len());
        let mut allowed = 0;
        for d in diagnostics {
            match self.level(d.code()) {
                Level::Allow => allowed += 1,
                Level::Warn => shown.push(d.clone()),
                Level::Deny => shown.push(d.clone().denied()),
            }
        }
        shown.sort_by_key(|d| d.severity());
        Leveled { shown, allowed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;
    use crate::source::Loc;

    fn finding(finding: Finding) -> Diagnostic {
        Diagnostic::new(finding, Loc::new(0, 0..0))
    }

    #[test]
    fn unknown_codes_suggest_the_nearest() {
        let err = Levels::default()
            .set("unasigned-lead", Level::Allow)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "`unasigned-lead` is no code of plan check; did you mean `unassigned-lead`?"
        );
    }

    #[test]
    fn error_codes_stay_errors() {
        let mut levels = Levels::default();
        assert!(matches!(
            levels.set("unknown-lead", Level::Allow),
            Err(LevelError::ErrorCode { .. })
        ));
        assert!(levels.set("unknown-lead", Level::Deny).is_ok());
    }

    #[test]
    fn allowed_are_counted_denied_are_errors_and_errors_come_first() {
        let mut plan = Levels::default();
        plan.set("unassigned-lead", Level::Allow).unwrap();
        plan.set("blue-without-done", Level::Allow).unwrap();
        let mut cli = Levels::default();
        cli.set("blue-without-done", Level::Deny).unwrap();
        let levels = plan.overridden_by(&cli);
        let found = [
            finding(Finding::EmptyFile),
            finding(Finding::BlueWithoutDone {
                task: "EJ-1.1.a".into(),
            }),
            finding(Finding::UnassignedLead {
                task: "EJ-1.1.a".into(),
                written: "TBC".into(),
            }),
        ];
        let leveled = levels.apply(&found);
        assert_eq!(leveled.allowed, 1);
        assert_eq!(leveled.shown.len(), 2);
        assert!(
            leveled
                .shown
                .iter()
                .all(|d| d.severity() == Severity::Error)
        );
    }
}
