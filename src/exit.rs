//! What `plan`'s exit status says, one value per meaning; the numbers
//! (README's exit-code table) are written here and nowhere else.

/// How a command ended, as its exit status tells a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done; the plan has no errors (or the report was printed).
    Success,
    /// 1: the plan has errors (or denied warnings), a return was refused,
    /// or `--fail-if-any` found what it looks for.
    Findings,
    /// 2: the command could not do its job: a bad flag, no plan, an
    /// unknown agency, card or id, a file that cannot be read or written.
    Failure,
    /// 101: a bug in `plan` (a panic), as Rust's own panics exit.
    Bug,
}

impl Exit {
    /// The number a shell sees.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Findings => 1,
            Exit::Failure => 2,
            Exit::Bug => 101,
        }
    }

    /// `Findings` when `found`, else `Success`.
    pub fn findings_if(found: bool) -> Exit {
        if found { Exit::Findings } else { Exit::Success }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}
