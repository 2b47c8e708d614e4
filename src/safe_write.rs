//! Writing plan files without losing anyone's work: a lock that serialises
//! every writer of one plan, and a replace that is all or nothing (a
//! temporary file in the same directory, flushed to disk, renamed over the
//! old one) and refuses when the file changed since it was read.
//!
//! Every writer locks the plan directory that holds the file it writes
//! ([`lock_dir`]), whatever the current directory, so `plan fmt FILE` run
//! from anywhere and `plan set` take turns. The temporary file is created
//! exclusively under an unpredictable name, so a link planted in the
//! directory is never followed; the ones a killed run left are removed by
//! a later writer, once they are provably stale: named as a writer of a
//! plan file names them, and older than any live write could be (another
//! process's output, or a writer of another plan sharing the directory, may
//! be writing one this moment).

use crate::error::Error;
use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Held while one `plan` process reads, edits and writes a plan; others
/// wait. Released when dropped (or when the process dies).
pub struct PlanLock {
    _files: Vec<File>,
}

/// Where there is no locking a directory, the lock file beside the plan
/// files (hidden, so never read as a plan file).
pub const LOCK_FILE: &str = ".plan.lock";

/// How the temporary file of a write ends (it starts with `.NAME.`).
pub const TEMPORARY_SUFFIX: &str = ".plan-tmp";

/// A temporary file of a plan file's writer untouched for this long is
/// left from a killed run: a live write takes well under a second, and
/// its file is written, flushed and renamed without a pause.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

impl PlanLock {
    /// Locks each of `dirs` once, in sorted order (two writers that need
    /// the same two directories cannot each hold one and wait for the
    /// other). A lock held by another process is waited for, and `err`
    /// told so once per directory.
    pub fn acquire(
        dirs: impl IntoIterator<Item = PathBuf>,
        err: &mut dyn Write,
    ) -> anyhow::Result<PlanLock> {
        let dirs: BTreeSet<PathBuf> = dirs.into_iter().collect();
        let mut files = Vec::new();
        for dir in dirs {
            files.push(lock_one(&dir, err)?);
            remove_stale_temporaries(&dir);
        }
        Ok(PlanLock { _files: files })
    }
}

/// On Unix the plan directory itself is locked (flock), so no lock file is
/// left in the repository; elsewhere a `.plan.lock` file is.
fn lock_one(dir: &Path, err: &mut dyn Write) -> anyhow::Result<File> {
    let file = if cfg!(unix) {
        File::open(dir).map_err(|source| Error::CannotOpen {
            path: dir.to_path_buf(),
            source,
        })?
    } else {
        let path = dir.join(LOCK_FILE);
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::CannotCreateLockFile {
                path: path.clone(),
                source,
            })?
    };
    let cannot = |source| Error::CannotLock {
        dir: dir.to_path_buf(),
        source,
    };
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(e)) => return Err(cannot(e).into()),
    }
    // Without a word, a writer stuck behind another looks hung.
    writeln!(
        err,
        "waiting for another plan command to finish writing {}",
        dir.display()
    )?;
    file.lock().map_err(cannot)?;
    Ok(file)
}

/// The directory whose lock guards writing `file`: see [`plan_lock_dir`]
/// of the file's own directory.
pub fn lock_dir(file: &Path) -> Result<PathBuf, Error> {
    let parent = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    plan_lock_dir(parent)
}

/// The directory whose lock guards writing a file in `dir`: the nearest
/// directory at or above `dir` holding `plan.toml` (the plan's directory),
/// else `dir` itself. Absolute, links resolved, so that two writers naming
/// one file by different paths, from different places, lock the same one.
pub fn plan_lock_dir(dir: &Path) -> Result<PathBuf, Error> {
    let dir = fs::canonicalize(dir).map_err(|source| Error::CannotRead {
        path: dir.to_path_buf(),
        source,
    })?;
    let plan = dir.ancestors().find(|d| d.join("plan.toml").is_file());
    Ok(plan.unwrap_or(&dir).to_path_buf())
}

/// Replaces `path`'s contents with `edited`, provided the file still
/// holds `expected` (what was read and edited). The one write of every
/// writer of a plan file (`set`, `record`, `event`, `apply`, `fmt`): the
/// text is written in `expected`'s layout of bytes, its byte order mark
/// and line ends kept (`line_ends::keep`), whatever the editor did with
/// them. A `path` that is a link is written through: its target is
/// replaced, and the link stays a link.
pub fn replace(path: &Path, expected: &str, edited: &str) -> Result<(), Error> {
    let cannot_read = |source| Error::CannotRead {
        path: path.to_path_buf(),
        source,
    };
    let text = &crate::line_ends::keep(expected, edited);
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        fs::canonicalize(path).map_err(cannot_read)?
    } else {
        path.to_path_buf()
    };
    let current = fs::read(&target).map_err(cannot_read)?;
    if current != expected.as_bytes() {
        return Err(Error::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    remove_stale_temporaries(dir);
    write_over(&target, dir, text).map_err(|source| Error::CannotWrite {
        path: path.to_path_buf(),
        source,
    })?;
    // The rename itself is on disk once the directory is.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Writes an output file (`plan report -o`, `plan export -o`, a chase pack)
/// all or nothing: a temporary file beside it, renamed into place, so a
/// failure midway never leaves half a report behind.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let written = (|| -> std::io::Result<()> {
        let temporary = shared_temporary(dir, ".plan-output.", bytes)?;
        temporary.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    written.map_err(|source| Error::CannotWrite {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `text` to a new temporary file in `dir` and renames it over
/// `target`. The temporary file is created with O_EXCL under a random name
/// and removed if anything fails.
fn write_over(target: &Path, dir: &Path, text: &str) -> std::io::Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)?;
    temporary.write_all(text.as_bytes())?;
    temporary
        .as_file()
        .set_permissions(fs::metadata(target)?.permissions())?;
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the temporary files a killed writer of plan files left in
/// `dir`: regular files named `.NAME.toml.RANDOM.plan-tmp` (or
/// `.NAME.toml.PID.tmp`, as older versions named them) not modified for
/// [`STALE_AFTER`]. Only old ones: the lock held here is one plan's, and
/// an output written beside it (`plan export -o`), or a file of another
/// plan reached through a link, is written without it. A link is never
/// removed: whoever planted it, it is not ours.
fn remove_stale_temporaries(dir: &Path) {
    remove_stale(dir, is_temporary_name);
}

/// Removes the regular files in `dir` whose names `ours` claims and that
/// were not modified for [`STALE_AFTER`]: what a killed writer left.
pub fn remove_stale(dir: &Path, ours: impl Fn(&str) -> bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !ours(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok());
        if meta.file_type().is_file() && age.is_some_and(|age| age >= STALE_AFTER) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// The name of the file a temporary file `.NAME.RANDOM.plan-tmp` was
/// written for.
pub fn temporary_for(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?.strip_suffix(TEMPORARY_SUFFIX)?;
    let (file, random) = rest.rsplit_once('.')?;
    let random = !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric());
    (random && !file.is_empty()).then_some(file)
}

/// Whether `name` is the temporary file of a writer of a plan file
/// (`.card.toml.x7Yz0q.plan-tmp`, or `.card.toml.1234.tmp` from older
/// versions). An output's (`.plan-output.RANDOM.plan-tmp`) is not: its
/// writer holds no lock. Other programs' temporary files may look like
/// `.NAME.1234.tmp` too, so the name must be a plan file's.
fn is_temporary_name(name: &str) -> bool {
    let plan_file = |file: &str| file.len() > ".toml".len() && file.ends_with(".toml");
    if let Some(file) = temporary_for(name) {
        return plan_file(file);
    }
    // `.NAME.toml.PID.tmp`, as older versions named them.
    let Some(rest) = name.strip_prefix('.').and_then(|r| r.strip_suffix(".tmp")) else {
        return false;
    };
    rest.rsplit_once('.').is_some_and(|(file, pid)| {
        !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && plan_file(file)
    })
}

/// `bytes` in a new temporary file in `dir` (`PREFIXRANDOM.plan-tmp`),
/// readable by others as the file it becomes will be, flushed to disk.
pub fn shared_temporary(
    dir: &Path,
    prefix: &str,
    bytes: &[u8],
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut temporary = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)?;
    temporary.write_all(bytes)?;
    // A temporary file is private (0600); an output is to be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temporary
            .as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    temporary.as_file().sync_all()?;
    Ok(temporary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_is_written_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        fs::write(&path, "old").unwrap();
        write_output(&path, b"new report").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new report");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // Into a directory that is not there: an error, and nothing written.
        let missing = dir.path().join("no/such/dir/report.html");
        let err = write_output(&missing, b"x").unwrap_err();
        assert!(format!("{err:#}").contains("cannot write"), "{err:#}");
    }

    #[test]
    fn replaces_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        fs::write(&path, "a = 1\n").unwrap();
        replace(&path, "a = 1\n", "a = 2\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "a = 2\n");
        // What was read is no longer there: refuse, and leave the file be.
        let err = replace(&path, "a = 1\n", "a = 3\n").unwrap_err();
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "a = 2\n");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_byte_order_mark_and_line_ends_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        let before = "\u{feff}a = 1\r\nb = 2\r\n";
        fs::write(&path, before).unwrap();
        // What toml_edit writes: neither.
        replace(&path, before, "a = 1\nb = 3\nc = 4\n").unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "\u{feff}a = 1\r\nb = 3\r\nc = 4\r\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_a_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim");
        fs::write(&victim, "victim\n").unwrap();
        let path = dir.path().join("plan.toml");
        fs::write(&path, "a = 1\n").unwrap();
        // The name the temporary file once had, predictable from the pid.
        let planted = dir
            .path()
            .join(format!(".plan.toml.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        replace(&path, "a = 1\n", "a = 2\n").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "victim\n");
        assert!(fs::symlink_metadata(&path).unwrap().is_file());
        assert_eq!(fs::read_to_string(&path).unwrap(), "a = 2\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_plan_file_that_is_a_link_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("card.toml");
        fs::write(&target, "a = 1\n").unwrap();
        let link = dir.path().join("card.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        replace(&link, "a = 1\n", "a = 2\n").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "a = 2\n");
        assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn temporary_files_of_a_killed_run_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        fs::write(&path, "a = 1\n").unwrap();
        let stale = [".plan.toml.1234.tmp", ".card.toml.x7Yz0q.plan-tmp"];
        let kept = [
            ".notes.tmp",
            ".plan.toml.12a.tmp",
            "card.toml.1.tmp",
            ".swap.123.tmp",
            // An output's, written without the lock.
            ".plan-output.x7Yz0q.plan-tmp",
        ];
        let old = SystemTime::now() - STALE_AFTER - Duration::from_secs(1);
        for name in stale.iter().chain(&kept) {
            let file = File::create(dir.path().join(name)).unwrap();
            file.set_modified(old).unwrap();
        }
        // A plan file's, but new: perhaps a live writer's.
        let live = ".card.toml.Ab12Cd.plan-tmp";
        fs::write(dir.path().join(live), "half a plan").unwrap();
        let victim = outside.path().join("victim");
        fs::write(&victim, "victim\n").unwrap();
        let link = dir.path().join(".other.toml.99.tmp");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        replace(&path, "a = 1\n", "a = 2\n").unwrap();
        for name in stale {
            assert!(!dir.path().join(name).exists(), "{name} left");
        }
        for name in kept.iter().chain([&live]) {
            assert!(dir.path().join(name).exists(), "{name} removed");
        }
        assert!(
            fs::symlink_metadata(&link).is_ok(),
            "a link is not ours to remove"
        );
        assert_eq!(fs::read_to_string(&victim).unwrap(), "victim\n");
    }
}
