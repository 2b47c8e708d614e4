//! Reading a plan as it was at a git revision, through the `git` command:
//! the plan directory's place in its repository is worked out, not assumed.

use crate::diag::Diagnostic;
use crate::error::GitError;
use crate::load;
use crate::source::Sources;
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

/// Runs `git args` in `dir`: its output, or its error stream as it wrote it.
fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    String::from_utf8(git_bytes(dir, args)?).map_err(|_| GitError::Unreadable {
        what: "git printed something that is not UTF-8".into(),
    })
}

/// What git printed, as bytes: a listing may hold file names that are not
/// UTF-8, which a repository may have whatever the plan's files are.
fn git_bytes(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(not_installed)?;
    if !out.status.success() {
        return Err(GitError::Failed {
            command: format!("git {}", args.join(" ")),
            // Its tabs (the indented hint of "dubious ownership") as spaces:
            // a terminal message shows a tab as `\t`.
            said: String::from_utf8_lossy(&out.stderr)
                .trim()
                .replace('\t', "    "),
        });
    }
    Ok(out.stdout)
}

impl Repository {
    /// The repository `plan_dir` is in. Only git's own "not a git
    /// repository" reads so; any other failure (a repository owned by
    /// another user, a damaged one) is reported in git's words.
    pub fn of(plan_dir: &Path) -> Result<Repository, GitError> {
        let root = git(plan_dir, &["rev-parse", "--show-toplevel"]).map_err(|err| match err {
            GitError::Failed { said, .. } if said.contains("not a git repository") => {
                GitError::NotARepository {
                    dir: plan_dir.to_path_buf(),
                }
            }
            err => err,
        })?;
        let prefix = git(plan_dir, &["rev-parse", "--show-prefix"])?;
        Ok(Repository {
            root: PathBuf::from(root.trim()),
            prefix: prefix.trim().trim_end_matches('/').to_string(),
        })
    }

    /// Whether anything under `dir` differs from the last commit: a file
    /// changed, staged, or new and not ignored. A git failure counts as no.
    pub fn changed_under(&self, dir: &Path) -> bool {
        git(dir, &["status", "--porcelain", "--", "."]).is_ok_and(|s| !s.trim().is_empty())
    }

    /// The repository's top level.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The full commit id of `rev`, or a clear error when there is none.
    pub fn resolve(&self, rev: &str) -> Result<String, GitError> {
        if rev.starts_with('-') {
            return Err(GitError::NotARevision {
                rev: rev.to_string(),
            });
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
        .map_err(|err| match err {
            // `--quiet`: no such revision is a failure with nothing said.
            GitError::Failed { said, .. } if said.is_empty() => GitError::NoRevision {
                rev: rev.to_string(),
                root: self.root.clone(),
            },
            err => err,
        })
    }

    /// The last commit (of HEAD's history) made on or before `day`.
    /// `None` when there is none (or no commit at all); a failure of git
    /// otherwise.
    pub fn commit_before(&self, day: NaiveDate) -> Result<Option<String>, GitError> {
        if git(&self.root, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_err() {
            // A repository with no commit yet: nothing before any day.
            return Ok(None);
        }
        let before = format!("--before={day} 23:59:59");
        let id = git(&self.root, &["rev-list", "-1", &before, "HEAD"])?;
        let id = id.trim();
        Ok((!id.is_empty()).then(|| id.to_string()))
    }

    /// The day of a commit (its committer date).
    pub fn day(&self, commit: &str) -> Result<NaiveDate, GitError> {
        let day = git(&self.root, &["log", "-1", "--format=%cs", commit])?;
        crate::dates::parse_day(&day).map_err(|_| GitError::Unreadable {
            what: format!("git gave no date for {commit}"),
        })
    }

    /// The plan directory relative to the repository's root ("" at the root).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The plan's `*.toml` files as committed, read with one `git cat-file
    /// --batch` (not a process per file) and put through the same checks
    /// of size, encoding and binary content as files on disk.
    pub fn read_plan_files(&self, commit: &str) -> Result<(Sources, Vec<Diagnostic>), GitError> {
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
    fn plan_files_at(&self, commit: &str) -> Result<Vec<(String, String)>, GitError> {
        let mut args = vec!["ls-tree", "-r", "-z", commit];
        if !self.prefix.is_empty() {
            args.extend(["--", self.prefix.as_str()]);
        }
        let listing = git_bytes(&self.root, &args)?;
        // A name that is not UTF-8 is shown with U+FFFD where its bytes
        // are not text; its object is read all the same.
        let mut files: Vec<(String, String)> = listing
            .split(|b| *b == 0)
            .map(String::from_utf8_lossy)
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
    fn blobs<'a>(&self, objects: impl Iterator<Item = &'a str>) -> Result<Vec<Vec<u8>>, GitError> {
        let request: String = objects.map(|o| format!("{o}\n")).collect();
        let mut child = Command::new("git")
            .args(["cat-file", "--batch"])
            .current_dir(&self.root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(not_installed)?;
        let unread = |what: &str| GitError::Unreadable { what: what.into() };
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| unread("git cat-file has no input"))?;
        // Written from another thread: git answers as it reads, and a full
        // pipe either way would otherwise stop both.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut stdout = BufReader::new(
            child
                .stdout
                .take()
                .ok_or_else(|| unread("git cat-file has no output"))?,
        );
        let mut blobs = Vec::new();
        let mut header = String::new();
        while {
            header.clear();
            stdout.read_line(&mut header).map_err(GitError::CannotRun)? > 0
        } {
            // "<object> blob <size>", or "<object> missing".
            let size: usize = header
                .trim_end()
                .rsplit(' ')
                .next()
                .and_then(|size| size.parse().ok())
                .ok_or_else(|| unread(&format!("git cat-file said `{}`", header.trim_end())))?;
            let mut bytes = vec![0; size];
            stdout.read_exact(&mut bytes).map_err(GitError::CannotRun)?;
            let mut newline = [0u8; 1];
            stdout
                .read_exact(&mut newline)
                .map_err(GitError::CannotRun)?;
            blobs.push(bytes);
        }
        let _ = writer.join();
        let mut said = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            let _ = stderr.read_to_string(&mut said);
        }
        let status = child.wait().map_err(GitError::CannotRun)?;
        if !status.success() {
            let said = said.trim();
            return Err(GitError::Failed {
                command: "git cat-file --batch".into(),
                said: if said.is_empty() {
                    status.to_string()
                } else {
                    said.to_string()
                },
            });
        }
        Ok(blobs)
    }
}

/// How a failure to start git reads.
fn not_installed(err: std::io::Error) -> GitError {
    if err.kind() == std::io::ErrorKind::NotFound {
        GitError::NotInstalled
    } else {
        GitError::CannotRun(err)
    }
}
