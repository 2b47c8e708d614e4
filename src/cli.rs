//! The command line: global flags and one variant per subcommand.

use crate::render::diagnostics::DiagnosticFormat;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Keep a multi-agency action plan in TOML files, check it, and report on it.
#[derive(Debug, Parser)]
#[command(name = "plan", version, about, max_term_width = 100)]
pub struct Cli {
    /// The plan directory [default: the nearest directory upwards holding
    /// plan.toml, also looking in a plans/ sub-directory]
    #[arg(long, global = true, env = "PLAN_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The day to report as of (YYYY-MM-DD) [default: today]
    #[arg(long, global = true, env = "PLAN_AS_OF", value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,

    /// When to colour the output
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every plan file and report every problem found
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print the findings
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,

    /// Fail (exit 1) on warnings too
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2012-12-01"))
}
