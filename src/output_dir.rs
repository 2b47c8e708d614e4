//! Writing a directory of files `plan` makes (a site, an imported or a
//! starter plan) without touching anything else in it. The one directory
//! replacer: a list kept in the directory (its manifest) names what the
//! writer wrote last time; only those files are replaced or removed. Every
//! other file (a `CNAME`, a `.git`, the file being imported, the user's
//! notes) is left as it is, `--force` or not: a file the writer would write
//! that is there and not on its list is refused by name, never written over.
//!
//! All or nothing as far as a file system allows: every file is first
//! written in full to a temporary file beside its place (and flushed), the
//! manifest then lists the old files and the new, and only then is each
//! renamed into place and the old files the new set lacks removed. A failure
//! before the renames changes nothing; one during them (a rename in one
//! directory hardly fails) leaves every file whole and listed.

use crate::error::Error;
use crate::safe_write::{self, PlanLock};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// How one writer treats its directory.
pub struct Rules<'a> {
    /// The writer, as messages name it (`plan site`).
    pub who: &'static str,
    /// The file in the directory that lists what the writer wrote.
    pub manifest: &'static str,
    /// Write into a directory that holds files and no manifest (beside
    /// them, never over them).
    pub force: bool,
    /// Replace the files of an earlier run without `force` (a site is
    /// rebuilt often; an imported plan may have been edited since).
    pub rewrite_own: bool,
    /// The files the command read: never written over or removed.
    pub inputs: &'a [PathBuf],
}

/// What the directory holds before the write.
struct Before {
    exists: bool,
    empty: bool,
    /// A manifest is there.
    manifest: bool,
    /// The files it lists (each checked to be a plain path inside).
    listed: BTreeSet<String>,
    /// The manifest is the marker older versions wrote, listing nothing:
    /// a file of the new set that is there counts as one written before.
    legacy: bool,
}

/// Writes `files` (a path inside `dir` with `/` between its parts, and the
/// bytes) into `dir`, replacing what the last run wrote; see the module.
/// Under the lock of the plan holding `dir`, else of `dir` itself, so two
/// writers of it (or `plan set` in a plan imported there) take turns; one
/// that must wait tells `err`.
pub fn write(
    dir: &Path,
    files: &[(String, &[u8])],
    rules: &Rules,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let names = new_names(files)?;
    let mut created = Vec::new();
    let written = make_dirs(dir, &mut created)
        .map_err(anyhow::Error::from)
        .and_then(|()| {
            let _lock = PlanLock::acquire([safe_write::plan_lock_dir(dir)?], err)?;
            write_locked(dir, files, &names, rules, &mut created)
        });
    if written.is_err() {
        // The directories made for it, innermost first, where still empty
        // (a failure before the renames leaves them so).
        created.iter().rev().for_each(|d| drop(fs::remove_dir(d)));
    }
    written
}

fn write_locked(
    dir: &Path,
    files: &[(String, &[u8])],
    names: &BTreeSet<String>,
    rules: &Rules,
    created: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    let before = read_before(dir, rules)?;
    let inputs = canonical(rules.inputs);
    refuse(dir, &before, names, rules, &inputs)?;
    let manifest = rules.manifest.to_string();
    sweep(dir, before.listed.union(names).chain([&manifest]));
    // On a failure before the renames, the temporary files go when dropped.
    let staged = stage(dir, files, created)?;
    let all: BTreeSet<String> = before.listed.union(names).cloned().collect();
    write_manifest(dir, rules, &all)?;
    for (temporary, name) in staged {
        temporary
            .persist(dir.join(&name))
            .map_err(|e| Error::CannotPutInPlace {
                path: dir.join(&name),
                source: e.error,
            })?;
    }
    for gone in before.listed.difference(names) {
        remove_old(dir, gone, &inputs);
    }
    write_manifest(dir, rules, names)?;
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// The names of `files`, each checked to be a path inside the directory.
fn new_names(files: &[(String, &[u8])]) -> Result<BTreeSet<String>, Error> {
    let mut names = BTreeSet::new();
    for (name, _) in files {
        if !plain_path(name) {
            return Err(Error::NotAPlainName { name: name.clone() });
        }
        if !names.insert(name.clone()) {
            return Err(Error::WrittenTwice { name: name.clone() });
        }
    }
    Ok(names)
}

/// A relative path of visible names: no `..`, no hidden part (so never
/// inside `.git`), no `\` or control character, not absolute.
fn plain_path(name: &str) -> bool {
    !name.is_empty()
        && name
            .split('/')
            .all(|part| !part.is_empty() && !part.starts_with('.') && !part.contains(['\\', ':']))
        && !name.chars().any(char::is_control)
}

fn read_before(dir: &Path, rules: &Rules) -> Result<Before, Error> {
    let mut entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && !dir.is_symlink() => {
            return Ok(Before {
                exists: false,
                empty: true,
                manifest: false,
                listed: BTreeSet::new(),
                legacy: false,
            });
        }
        Err(_) if dir.exists() && !dir.is_dir() => {
            return Err(Error::NotADirectory {
                path: dir.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(Error::CannotRead {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let empty = entries.next().is_none();
    let path = dir.join(rules.manifest);
    let text = match fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(Error::CannotRead { path, source }),
    };
    let legacy = text.as_deref().is_some_and(|t| !t.starts_with('#'));
    let listed = text
        .as_deref()
        .filter(|_| !legacy)
        .unwrap_or("")
        .lines()
        .filter(|line| !line.starts_with('#') && plain_path(line))
        .map(str::to_string)
        .collect();
    Ok(Before {
        exists: true,
        empty,
        manifest: text.is_some(),
        listed,
        legacy,
    })
}

/// Refuses, before anything is written, what would overwrite a file the
/// writer did not write, or write where it was not asked to.
fn refuse(
    dir: &Path,
    before: &Before,
    names: &BTreeSet<String>,
    rules: &Rules,
    inputs: &[PathBuf],
) -> Result<(), Error> {
    let (who, manifest) = (rules.who, rules.manifest);
    if !before.empty && !rules.force {
        if !before.manifest {
            return Err(Error::NotOurDirectory {
                dir: dir.to_path_buf(),
                who,
                manifest,
            });
        }
        if !rules.rewrite_own {
            return Err(Error::NotEmpty {
                dir: dir.to_path_buf(),
                who,
                manifest,
            });
        }
    }
    if !before.exists {
        return Ok(());
    }
    for name in names {
        let path = dir.join(name);
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if is_input(&path, inputs) {
            return Err(Error::WouldOverwriteInput { path, who });
        }
        if meta.is_dir() {
            return Err(Error::DirectoryInTheWay { path, who });
        }
        if !before.listed.contains(name) && !before.legacy {
            return Err(Error::NotOurFile {
                path,
                who,
                manifest,
            });
        }
    }
    Ok(())
}

/// Writes each file in full to a temporary file beside its place. The
/// directories it had to make are pushed to `created`, outermost first.
fn stage(
    dir: &Path,
    files: &[(String, &[u8])],
    created: &mut Vec<PathBuf>,
) -> Result<Vec<(NamedTempFile, String)>, Error> {
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let path = dir.join(name);
        let parent = path.parent().unwrap_or(dir);
        make_dirs(parent, created)?;
        let file_name = name.rsplit('/').next().unwrap_or(name);
        let temporary = temporary(parent, file_name, bytes)
            .map_err(|source| Error::CannotWrite { path, source })?;
        staged.push((temporary, name.clone()));
    }
    Ok(staged)
}

/// `bytes` in a new temporary file beside `file_name` in `parent`
/// (`.NAME.RANDOM.plan-tmp`), flushed to disk.
fn temporary(parent: &Path, file_name: &str, bytes: &[u8]) -> std::io::Result<NamedTempFile> {
    safe_write::shared_temporary(parent, &format!(".{file_name}."), bytes)
}

/// Removes the temporary files a killed run of this writer left beside
/// the files it writes (old ones only: see `safe_write::remove_stale`).
fn sweep<'n>(dir: &Path, names: impl Iterator<Item = &'n String>) {
    let mut by_dir: std::collections::BTreeMap<PathBuf, BTreeSet<&str>> = Default::default();
    for name in names {
        let path = dir.join(name);
        let parent = path.parent().unwrap_or(dir).to_path_buf();
        let file = name.rsplit('/').next().unwrap_or(name);
        by_dir.entry(parent).or_default().insert(file);
    }
    for (parent, files) in by_dir {
        safe_write::remove_stale(&parent, |n| {
            safe_write::temporary_for(n).is_some_and(|f| files.contains(f))
        });
    }
}

/// `fs::create_dir_all`, remembering the directories it made.
fn make_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> Result<(), Error> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
    for d in missing.into_iter().rev() {
        if d.as_os_str().is_empty() {
            continue;
        }
        fs::create_dir(d).map_err(|source| Error::CannotMake {
            dir: d.to_path_buf(),
            source,
        })?;
        created.push(d.to_path_buf());
    }
    Ok(())
}

fn write_manifest(dir: &Path, rules: &Rules, names: &BTreeSet<String>) -> Result<(), Error> {
    let mut text = format!(
        "# The files `{}` wrote here: the next run replaces or removes these, and only these.\n",
        rules.who
    );
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    let path = dir.join(rules.manifest);
    let written = temporary(dir, rules.manifest, text.as_bytes())
        .and_then(|t| t.persist(&path).map(drop).map_err(|e| e.error));
    written.map_err(|source| Error::CannotWrite { path, source })
}

/// Removes a file the last run wrote and this one does not, then its
/// directories inside `dir` left empty. Never a directory's contents, never
/// an input.
fn remove_old(dir: &Path, name: &str, inputs: &[PathBuf]) {
    let path = dir.join(name);
    let is_file = fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir());
    if !is_file || is_input(&path, inputs) || fs::remove_file(&path).is_err() {
        return;
    }
    for parent in path.ancestors().skip(1) {
        if parent == dir || fs::remove_dir(parent).is_err() {
            break;
        }
    }
}

fn canonical(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect()
}

fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    fs::canonicalize(path).is_ok_and(|p| inputs.contains(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(force: bool) -> Rules<'static> {
        Rules {
            who: "plan test",
            manifest: ".plan-test",
            force,
            rewrite_own: true,
            inputs: &[],
        }
    }

    fn listed(dir: &Path) -> String {
        fs::read_to_string(dir.join(".plan-test")).unwrap()
    }

    #[test]
    fn replaces_only_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let first = [
            ("a.html".to_string(), &b"a"[..]),
            ("sub/b.txt".into(), b"b"),
        ];
        write(&out, &first, &rules(false), &mut std::io::sink()).unwrap();
        assert!(listed(&out).ends_with("a.html\nsub/b.txt\n"));
        fs::write(out.join("CNAME"), "example.org").unwrap();
        fs::create_dir(out.join(".git")).unwrap();
        let second = [("a.html".to_string(), &b"A"[..])];
        write(&out, &second, &rules(false), &mut std::io::sink()).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A");
        assert!(!out.join("sub").exists(), "an emptied directory goes");
        assert!(out.join("CNAME").exists() && out.join(".git").is_dir());
        assert!(listed(&out).ends_with("\na.html\n"));
        // A file it would write, put there by someone else: refused by name.
        fs::write(out.join("c.html"), "mine").unwrap();
        let third = [("a.html".to_string(), &b"3"[..]), ("c.html".into(), b"3")];
        let err = write(&out, &third, &rules(true), &mut std::io::sink()).unwrap_err();
        assert!(format!("{err:#}").contains("c.html is there"), "{err:#}");
        assert_eq!(fs::read_to_string(out.join("c.html")).unwrap(), "mine");
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A");
        let names: Vec<_> = fs::read_dir(&out).unwrap().flatten().collect();
        assert_eq!(names.len(), 5, "no temporary file left: {names:?}");
    }

    #[test]
    fn a_directory_it_did_not_write_needs_force_and_keeps_its_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let files = [("plan.toml".to_string(), &b"x"[..])];
        let err = write(dir.path(), &files, &rules(false), &mut std::io::sink()).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert!(!dir.path().join("plan.toml").exists());
        write(dir.path(), &files, &rules(true), &mut std::io::sink()).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn a_marker_of_an_older_version_lets_the_same_names_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let marker = "This directory is a site written by `plan site`.\n";
        fs::write(dir.path().join(".plan-test"), marker).unwrap();
        fs::write(dir.path().join("index.html"), "old").unwrap();
        fs::write(dir.path().join("CNAME"), "example.org").unwrap();
        let files = [("index.html".to_string(), &b"new"[..])];
        write(dir.path(), &files, &rules(false), &mut std::io::sink()).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("index.html")).unwrap(),
            "new"
        );
        assert!(dir.path().join("CNAME").exists());
        assert!(listed(dir.path()).ends_with("\nindex.html\n"));
    }

    #[test]
    fn a_failure_before_the_renames_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // `b` cannot be a directory: a file is there.
        fs::create_dir(&out).unwrap();
        fs::write(out.join("b"), "mine").unwrap();
        let files = [
            ("a/x.html".to_string(), &b"x"[..]),
            ("b/y.html".into(), b"y"),
        ];
        assert!(write(&out, &files, &rules(true), &mut std::io::sink()).is_err());
        let left: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, ["b"], "nothing else written or left");
    }

    #[test]
    fn a_list_naming_files_outside_or_hidden_removes_none() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(out.join(".git")).unwrap();
        fs::write(dir.path().join("victim"), "v").unwrap();
        fs::write(out.join(".git/config"), "c").unwrap();
        fs::create_dir(out.join("sub")).unwrap();
        fs::write(out.join("sub/kept"), "k").unwrap();
        let list = "# listed\n../victim\n.git/config\n/etc/hostname\nsub\n";
        fs::write(out.join(".plan-test"), list).unwrap();
        write(
            &out,
            &[("a.html".to_string(), &b"a"[..])],
            &rules(false),
            &mut std::io::sink(),
        )
        .unwrap();
        assert!(dir.path().join("victim").exists() && out.join(".git/config").exists());
        assert!(out.join("sub/kept").exists(), "a directory listed is left");
    }

    #[test]
    fn a_killed_runs_old_temporary_files_go_and_no_others() {
        let dir = tempfile::tempdir().unwrap();
        let files = [("a.html".to_string(), &b"a"[..])];
        write(dir.path(), &files, &rules(false), &mut std::io::sink()).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 60 * 60);
        for name in [
            "..plan-test.Zz9Yy8.plan-tmp",
            ".a.html.x7Yz0q.plan-tmp",
            ".b.html.x7Yz0q.plan-tmp",
            ".a.html.Ab12Cd.plan-tmp",
        ] {
            let file = fs::File::create(dir.path().join(name)).unwrap();
            if !name.contains("Ab12Cd") {
                file.set_modified(old).unwrap();
            }
        }
        write(dir.path(), &files, &rules(false), &mut std::io::sink()).unwrap();
        assert!(!dir.path().join(".a.html.x7Yz0q.plan-tmp").exists());
        assert!(!dir.path().join("..plan-test.Zz9Yy8.plan-tmp").exists());
        // Not a name it writes; new (perhaps a live writer's).
        assert!(dir.path().join(".b.html.x7Yz0q.plan-tmp").exists());
        assert!(dir.path().join(".a.html.Ab12Cd.plan-tmp").exists());
    }

    #[test]
    fn names_outside_or_hidden_are_refused() {
        for bad in ["../x", ".git/config", "a//b", "/etc/x", "a/.b", ""] {
            assert!(!plain_path(bad), "{bad}");
        }
        assert!(plain_path("cards/effective-justice.toml"));
    }
}
