//! Writing plan files without losing anyone's work: a lock that serialises
//! every writer of one plan, and a replace that is all or nothing (a
//! temporary file in the same directory, flushed to disk, renamed over the
//! old one) and refuses when the file changed since it was read.

use anyhow::{Context, bail};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Held while one `plan` process reads, edits and writes a plan; others
/// wait. Released when dropped (or when the process dies).
pub struct PlanLock {
    _file: File,
}

/// Where there is no locking a directory, the lock file beside the plan
/// files (hidden, so never read as a plan file).
pub const LOCK_FILE: &str = ".plan.lock";

impl PlanLock {
    /// On Unix the plan directory itself is locked (flock), so no lock file
    /// is left in the repository; elsewhere a `.plan.lock` file is.
    pub fn acquire(dir: &Path) -> anyhow::Result<PlanLock> {
        let file = if cfg!(unix) {
            File::open(dir).with_context(|| format!("cannot open {}", dir.display()))?
        } else {
            let path = dir.join(LOCK_FILE);
            OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .with_context(|| format!("cannot create the lock file {}", path.display()))?
        };
        file.lock()
            .with_context(|| format!("cannot lock the plan directory {}", dir.display()))?;
        Ok(PlanLock { _file: file })
    }
}

/// Replaces `path`'s contents with `text`, provided the file still holds
/// `expected` (what was read and edited).
pub fn replace(path: &Path, expected: &str, text: &str) -> anyhow::Result<()> {
    let current = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if current != expected.as_bytes() {
        bail!(
            "{} changed on disk while it was being edited; nothing was written: run the command again",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut file = File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::set_permissions(&temporary, fs::metadata(path)?.permissions())?;
        fs::rename(&temporary, path)
    })();
    if let Err(err) = written {
        let _ = fs::remove_file(&temporary);
        return Err(err).with_context(|| format!("cannot write {}", path.display()));
    }
    // The rename itself is on disk once the directory is.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
