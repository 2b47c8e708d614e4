//! Putting a site in place all at once: every file is written into a new
//! directory beside the target, which then takes the target's place, so a
//! failure leaves either the old site or none, never half of one. A marker
//! file says a directory is a site `plan site` wrote; any other directory
//! with something in it is left alone unless forced.

use super::File;
use anyhow::{Context, bail};
use std::ffi::OsString;
use std::fs;
use std::path::Path;

/// The file that marks a directory as a site `plan site` wrote.
pub const MARKER: &str = ".plan-site";

const MARKER_TEXT: &str =
    "This directory is a site written by `plan site`; it replaces the whole directory each time.\n";

/// What is in the target directory now.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    Missing,
    Empty,
    /// A site written before (it holds the marker).
    Site,
    /// Something else: replaced only when forced.
    Other,
}

pub fn target(dir: &Path) -> anyhow::Result<Target> {
    let mut entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Missing),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", dir.display())),
    };
    if entries.next().is_none() {
        return Ok(Target::Empty);
    }
    Ok(if dir.join(MARKER).is_file() {
        Target::Site
    } else {
        Target::Other
    })
}

/// Writes `files` as the directory `dir`, replacing what was there: a site
/// written before, an empty directory, or (when `force`) anything.
pub fn write(dir: &Path, files: &[File], force: bool) -> anyhow::Result<()> {
    let target = target(dir)?;
    if target == Target::Other && !force {
        bail!(
            "{} holds files and is not a site `plan site` wrote (it has no {MARKER}): \
             give an empty or new directory, or --force to replace it",
            dir.display()
        );
    }
    let Some(name) = dir.file_name() else {
        bail!(
            "{} cannot be replaced: give a directory by name",
            dir.display()
        );
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let new = tempfile::Builder::new()
        .prefix(&hidden(name, "new"))
        .tempdir_in(parent)
        .with_context(|| format!("cannot write in {}", parent.display()))?;
    for file in files {
        if file.name.contains(['/', '\\']) || file.name.starts_with('.') {
            bail!("`{}` is not a file name of the site", file.name);
        }
        fs::write(new.path().join(&file.name), &file.bytes)
            .with_context(|| format!("cannot write {}", file.name))?;
    }
    fs::write(new.path().join(MARKER), MARKER_TEXT).context("cannot write the marker file")?;
    readable(new.path())?;
    if target == Target::Missing {
        fs::rename(new.path(), dir)
            .with_context(|| format!("cannot move the site to {}", dir.display()))?;
        let _ = new.keep();
        return Ok(());
    }
    // Move the old directory aside (into a directory removed at the end),
    // the new one into its place, and back again should that fail.
    let old = tempfile::Builder::new()
        .prefix(&hidden(name, "old"))
        .tempdir_in(parent)
        .with_context(|| format!("cannot write in {}", parent.display()))?;
    let aside = old.path().join("site");
    fs::rename(dir, &aside).with_context(|| format!("cannot move {} aside", dir.display()))?;
    if let Err(err) = fs::rename(new.path(), dir) {
        let _ = fs::rename(&aside, dir);
        return Err(err).with_context(|| format!("cannot move the site to {}", dir.display()));
    }
    let _ = new.keep();
    Ok(())
}

/// `.NAME.new-`: the prefix of a temporary directory beside `NAME`.
fn hidden(name: &std::ffi::OsStr, what: &str) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(format!(".{what}-"));
    prefix
}

/// A temporary directory is private (0700); a site is for a web server to read.
#[cfg(unix)]
fn readable(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755))
        .with_context(|| format!("cannot set the permissions of {}", dir.display()))
}

#[cfg(not(unix))]
fn readable(_: &Path) -> anyhow::Result<()> {
    Ok(())
}
