//! Reading a plan as it was at a git revision, through the `git` command:
//! the plan directory's place in its repository is worked out, not assumed.

use crate::diag::Diagnostic;
use crate::load;
use crate::source::Sources;
use anyhow::{Context, bail};
use chrono::NaiveDate;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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
        .map_err(not_installed)?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    String::from_utf8(out.stdout).context("git printed something that is not UTF-8")
}

impl Repository {
    pub fn of(plan_dir: &Path) -> anyhow::Result<Repository> {
        let root = git(plan_dir, &["rev-parse", "--show-toplevel"]).map_err(|err| {
            if err.to_string().starts_with("git is not installed") {
                err
            } else {
                anyhow::anyhow!("{} is not in a git repository", plan_dir.display())
            }
        })?;
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
        crate::dates::parse_day(&day)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("git gave no date for {commit}"))
    }

    /// The plan directory relative to the repository's root ("" at the root).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The plan's `*.toml` files as committed, read with one `git cat-file
    /// --batch` (not a process per file) and put through the same checks
    /// of size, encoding and binary content as files on disk.
    pub fn read_plan_files(&self, commit: &str) -> anyhow::Result<(Sources, Vec<Diagnostic>)> {
        let files = self.plan_files_at(commit)?;
        let blobs = self.blobs(files.iter().map(|(object, _)| object.as_str()))?;
        let mut sources = Sources::default();
        let mut diagnostics = Vec::new();
        let short = &commit[..commit.len().min(10)];
        for ((_, path), bytes) in files.iter().zip(blobs) {
            let name = format!("{short}:{path}");
            load::add_source(
                name,
                self.root.join(path),
                bytes,
                &mut sources,
                &mut diagnostics,
            );
        }
        Ok((sources, diagnostics))
    }

    /// (object id, path from the root) of each plan file at `commit`, in
    /// path order; hidden directories and `target/` are left out, as on disk.
    fn plan_files_at(&self, commit: &str) -> anyhow::Result<Vec<(String, String)>> {
        let mut args = vec!["ls-tree", "-r", "-z", commit];
        if !self.prefix.is_empty() {
            args.extend(["--", self.prefix.as_str()]);
        }
        let listing = git(&self.root, &args)?;
        let mut files: Vec<(String, String)> = listing
            .split('\0')
            .filter_map(|entry| {
                // "<mode> blob <object>\t<path>"; links and submodules are not plan files.
                let (meta, path) = entry.split_once('\t')?;
                let mut meta = meta.split(' ');
                let (mode, kind, object) = (meta.next()?, meta.next()?, meta.next()?);
                (kind == "blob" && mode != "120000" && path.ends_with(".toml"))
                    .then(|| (object.to_string(), path.to_string()))
            })
            .filter(|(_, path)| {
                let inside = path
                    .strip_prefix(&self.prefix)
                    .unwrap_or(path)
                    .trim_start_matches('/');
                !inside
                    .split('/')
                    .any(|part| part.starts_with('.') || part == "target")
            })
            .collect();
        files.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(files)
    }

    /// The bytes of each object, in the order asked for.
    fn blobs<'a>(&self, objects: impl Iterator<Item = &'a str>) -> anyhow::Result<Vec<Vec<u8>>> {
        let request: String = objects.map(|o| format!("{o}\n")).collect();
        let mut child = Command::new("git")
            .args(["cat-file", "--batch"])
            .current_dir(&self.root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(not_installed)?;
        let mut stdin = child.stdin.take().context("git cat-file has no input")?;
        // Written from another thread: git answers as it reads, and a full
        // pipe either way would otherwise stop both.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut stdout = BufReader::new(child.stdout.take().context("git cat-file has no output")?);
        let mut blobs = Vec::new();
        let mut header = String::new();
        while {
            header.clear();
            stdout.read_line(&mut header)? > 0
        } {
            // "<object> blob <size>", or "<object> missing".
            let size: usize = header
                .trim_end()
                .rsplit(' ')
                .next()
                .and_then(|size| size.parse().ok())
                .with_context(|| format!("git cat-file said `{}`", header.trim_end()))?;
            let mut bytes = vec![0; size];
            stdout.read_exact(&mut bytes)?;
            let mut newline = [0u8; 1];
            stdout.read_exact(&mut newline)?;
            blobs.push(bytes);
        }
        let _ = writer.join();
        let status = child.wait()?;
        if !status.success() {
            bail!("git cat-file failed ({status})");
        }
        Ok(blobs)
    }
}

/// How a failure to start git reads.
fn not_installed(err: std::io::Error) -> anyhow::Error {
    if err.kind() == std::io::ErrorKind::NotFound {
        anyhow::anyhow!("git is not installed: the plan's history is read with it")
    } else {
        anyhow::Error::new(err).context("cannot run git")
    }
}
