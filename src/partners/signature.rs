//! Who a returned sheet belongs to, from what `plan` wrote rather than what
//! a partner can edit: `plan requests` signs each sheet (an HMAC-SHA256,
//! with a key kept in the plan directory and out of git) over the plan's
//! title, the agency, the as-of day and every row's task id and
//! fingerprint, and writes the signature and those rows into the hidden
//! About sheet. `plan apply` takes a sheet's agency only from a signature
//! that verifies, and a row only when its id and fingerprint are among the
//! signed ones.

use crate::error::Error;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::path::{Path, PathBuf};

/// The key's file in the plan directory.
pub const KEY_FILE: &str = ".plan-key";

/// The bytes of a key.
const KEY_BYTES: usize = 32;

/// What the signature covers, as the About sheet says it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signed {
    pub plan: String,
    pub agency: String,
    pub as_of: String,
    /// Each row's task id and fingerprint, as written.
    pub rows: Vec<(String, String)>,
    /// The signature, 64 hex digits.
    pub signature: String,
}

impl Signed {
    /// The bytes signed: each field trimmed (a spreadsheet may trim), the
    /// rows in a fixed order (a partner may sort them), each field ended.
    fn message(&self) -> Vec<u8> {
        let mut rows: Vec<String> = self
            .rows
            .iter()
            .map(|(id, print)| format!("{}\u{1f}{}", id.trim(), print.trim()))
            .collect();
        rows.sort();
        let mut message = b"plan return sheet 1\0".to_vec();
        for field in [&self.plan, &self.agency, &self.as_of] {
            message.extend_from_slice(field.trim().as_bytes());
            message.push(0);
        }
        for row in rows {
            message.extend_from_slice(row.as_bytes());
            message.push(0);
        }
        message
    }

    /// Signs it with `key`: the signature field set.
    pub fn sign(mut self, key: &Key) -> Signed {
        let mut mac = key.mac();
        mac.update(&self.message());
        self.signature = hex(&mac.finalize().into_bytes());
        self
    }

    /// Whether the signature is `key`'s over what it says (compared in
    /// constant time).
    pub fn verifies(&self, key: &Key) -> bool {
        let Some(given) = unhex(self.signature.trim()) else {
            return false;
        };
        let mut mac = key.mac();
        mac.update(&self.message());
        mac.verify_slice(&given).is_ok()
    }

    /// Whether a row's task id (any case) and fingerprint were signed.
    pub fn holds(&self, id: &str, print: &str) -> bool {
        self.rows.iter().any(|(signed_id, signed_print)| {
            crate::model::same_id(signed_id.trim(), id.trim())
                && signed_print.trim() == print.trim()
        })
    }
}

/// A plan's key for signing its return sheets.
pub struct Key([u8; KEY_BYTES]);

impl Key {
    fn mac(&self) -> Hmac<Sha256> {
        // An HMAC takes a key of any length: this cannot fail.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!())
    }

    /// The plan directory's key, if it has one.
    pub fn load(dir: &Path) -> Result<Option<Key>, Error> {
        let path = dir.join(KEY_FILE);
        if !path.exists() {
            return Ok(None);
        }
        let text = crate::limits::read_text(&path, 1024)
            .map_err(|_| Error::BadPlanKey { path: path.clone() })?;
        let bytes = unhex(text.trim()).filter(|b| b.len() == KEY_BYTES);
        let bytes = bytes.ok_or(Error::BadPlanKey { path })?;
        let mut key = [0; KEY_BYTES];
        key.copy_from_slice(&bytes);
        Ok(Some(Key(key)))
    }

    /// The plan directory's key, made (random, readable by its owner only)
    /// when it has none; true when it was made now.
    pub fn load_or_make(dir: &Path) -> Result<(Key, bool), Error> {
        if let Some(key) = Key::load(dir)? {
            return Ok((key, false));
        }
        let path = dir.join(KEY_FILE);
        let mut key = [0; KEY_BYTES];
        getrandom::fill(&mut key).map_err(|e| Error::CannotWrite {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        write_private(&path, format!("{}\n", hex(&key)).as_bytes())?;
        Ok((Key(key), true))
    }
}

/// Writes a new file whole, mode 0600 (a temporary file is made so), never
/// over one that is there.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let written = (|| -> std::io::Result<()> {
        let mut temporary = tempfile::Builder::new()
            .prefix(".plan-key.")
            .tempfile_in(dir)?;
        temporary.write_all(bytes)?;
        temporary.as_file().sync_all()?;
        temporary.persist_noclobber(path).map_err(|e| e.error)?;
        Ok(())
    })();
    written.map_err(|source| Error::CannotWrite {
        path: path.to_path_buf(),
        source,
    })
}

/// Adds the key to the plan directory's `.gitignore` unless it names it
/// already; the `.gitignore` written when it changed.
pub fn ignore_key(dir: &Path) -> Result<Option<PathBuf>, Error> {
    let path = dir.join(".gitignore");
    let before = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(Error::CannotRead { path, source }),
    };
    let named = before
        .lines()
        .any(|l| matches!(l.trim(), KEY_FILE | "/.plan-key"));
    if named {
        return Ok(None);
    }
    let mut after = before;
    if !after.is_empty() && !after.ends_with('\n') {
        after.push('\n');
    }
    after.push_str("# the key plan signs return sheets with: keep it, never share it\n/");
    after.push_str(KEY_FILE);
    after.push('\n');
    crate::safe_write::write_output(&path, after.as_bytes())?;
    Ok(Some(path))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.is_ascii() || !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed() -> Signed {
        Signed {
            plan: "Plan".into(),
            agency: "SWP".into(),
            as_of: "2012-12-01".into(),
            rows: vec![
                ("EJ-1.1.a".into(), "0123456789abcdef".into()),
                ("EJ-1.1.b".into(), "fedcba9876543210".into()),
            ],
            signature: String::new(),
        }
    }

    #[test]
    fn a_signature_verifies_only_what_was_signed() {
        let key = Key([7; KEY_BYTES]);
        let good = signed().sign(&key);
        assert_eq!(good.signature.len(), 64);
        assert!(good.verifies(&key));
        let mut sorted = good.clone();
        sorted.rows.reverse();
        assert!(sorted.verifies(&key), "the rows' order is no part of it");
        assert!(!good.verifies(&Key([8; KEY_BYTES])), "another key");
        let mut other = good.clone();
        other.agency = "BG".into();
        assert!(!other.verifies(&key), "another agency");
        let mut blanked = good.clone();
        blanked.rows[0].1 = String::new();
        assert!(!blanked.verifies(&key), "a fingerprint blanked");
        let mut cut = good.clone();
        cut.signature.pop();
        assert!(!cut.verifies(&key), "a signature cut short");
        assert!(good.holds("ej-1.1.A", "0123456789abcdef"));
        assert!(!good.holds("EJ-1.1.a", "fedcba9876543210"));
    }

    #[test]
    fn hex_goes_both_ways() {
        assert_eq!(unhex(&hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("é1"), None);
    }
}
