//! What every command gets from the global flags: where the plan is, the
//! as-of day, and whether to colour.

use crate::cli::{Cli, ColorChoice};
use crate::error::Error;
use crate::model::Plan;
use crate::open::{self, Location, Opened};
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::PathBuf;

pub struct Context {
    pub dir: Option<PathBuf>,
    pub as_of: NaiveDate,
    /// True when `--as-of` (or PLAN_AS_OF) was given, not defaulted to today.
    pub as_of_given: bool,
    pub colour: bool,
    /// Width of terminal tables: `COLUMNS`, else the terminal's, else 100. A
    /// width of 0 (some CI and container shells report 0×0) counts as unknown.
    pub width: u16,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Context {
        // NO_COLOR (https://no-color.org) wins even over --color always.
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let colour = !no_colour
            && match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stdout().is_terminal(),
            };
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .filter(|&w: &u16| w > 0)
            .or_else(|| {
                std::io::stdout()
                    .is_terminal()
                    .then(|| comfy_table::Table::new().width())
                    .flatten()
                    .filter(|&w| w > 0)
            })
            .unwrap_or(100);
        Context {
            dir: cli.dir.clone(),
            width,
            as_of: cli
                .as_of
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            as_of_given: cli.as_of.is_some(),
            colour,
        }
    }

    /// The plan directory (SPEC section 2).
    pub fn plan_dir(&self) -> Result<PathBuf, Error> {
        let cwd = std::env::current_dir().map_err(Error::NoWorkingDirectory)?;
        crate::load::find_plan_dir(self.dir.as_deref(), &cwd)
    }

    /// Finds, reads and checks the plan.
    pub fn open(&self) -> Result<Opened, Error> {
        open::open(Location::WorkTree(&self.plan_dir()?))
    }

    /// The plan to report on, or (with errors) the plan to quote them from:
    /// see [`open::open_valid`].
    pub fn open_valid(&self) -> Result<Result<Plan, Opened>, Error> {
        open::open_valid(Location::WorkTree(&self.plan_dir()?))
    }
}
