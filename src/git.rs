//! Reading a plan as it was at a git revision, through the `git` command:
//! the plan directory's place in its repository is worked out, not assumed.

use crate::open::{self, Opened};
use crate::source::{SourceFile, Sources};
use anyhow::{Context, bail};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A plan directory inside a git repository.
pub struct Repository {
    root: PathBuf,
    /// The plan directory relative to the root, with `/` separators ("" at the root).
    prefix: String,
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .context("cannot run git: is it installed?")?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    String::from_utf8(out.stdout).context("git printed something that is not UTF-8")
}

impl Repository {
    pub fn of(plan_dir: &Path) -> anyhow::Result<Repository> {
        let root = git(plan_dir, &["rev-parse", "--show-toplevel"])
            .map_err(|_| anyhow::anyhow!("{} is not in a git repository", plan_dir.display()))?;
        let prefix = git(plan_dir, &["rev-parse", "--show-prefix"])?;
        Ok(Repository {
            root: PathBuf::from(root.trim()),
            prefix: prefix.trim().trim_end_matches('/').to_string(),
        })
    }

    /// The full commit id of `rev`, or a clear error when there is none.
    pub fn resolve(&self, rev: &str) -> anyhow::Result<String> {
        if rev.starts_with('-') {
            bail!("`{rev}` is not a revision");
        }
        git(
            &self.root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map(|id| id.trim().to_string())
        .map_err(|_| {
            anyhow::anyhow!(
                "no revision `{rev}` in the repository at {}",
                self.root.display()
            )
        })
    }

    /// The last commit (of HEAD's history) made on or before `day`.
    pub fn commit_before(&self, day: NaiveDate) -> Option<String> {
        let before = format!("--before={day} 23:59:59");
        let id = git(&self.root, &["rev-list", "-1", &before, "HEAD"]).ok()?;
        let id = id.trim();
        (!id.is_empty()).then(|| id.to_string())
    }

    /// The day of a commit (its committer date).
    pub fn day(&self, commit: &str) -> anyhow::Result<NaiveDate> {
        let day = git(&self.root, &["log", "-1", "--format=%cs", commit])?;
        NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
            .with_context(|| format!("git gave no date for {commit}"))
    }

    /// The plan as it was at `commit`, read and checked like one on disk.
    pub fn open_at(&self, commit: &str) -> anyhow::Result<Opened> {
        let mut args = vec!["ls-tree", "-r", "-z", "--name-only", commit];
        if !self.prefix.is_empty() {
            args.extend(["--", self.prefix.as_str()]);
        }
        let listing = git(&self.root, &args)?;
        let mut paths: Vec<&str> = listing
            .split('\0')
            .filter(|p| p.ends_with(".toml"))
            .filter(|p| {
                let inside = p
                    .strip_prefix(&self.prefix)
                    .unwrap_or(p)
                    .trim_start_matches('/');
                // As on disk: hidden directories and target/ are not the plan's.
                !inside
                    .split('/')
                    .any(|part| part.starts_with('.') || part == "target")
            })
            .collect();
        paths.sort();
        if paths.is_empty() {
            bail!(
                "the plan directory `{}` holds no *.toml files at {commit}",
                self.prefix
            );
        }
        let mut sources = Sources::default();
        for path in paths {
            let text = git(&self.root, &["show", &format!("{commit}:{path}")])
                .with_context(|| format!("cannot read {path} at {commit}"))?;
            let name = format!("{}:{path}", &commit[..commit.len().min(10)]);
            sources.add(SourceFile::new(name, self.root.join(path), text));
        }
        Ok(open::check(sources, Vec::new()))
    }
}
