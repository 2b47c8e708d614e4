//! `plan site` and `plan import` write only their own files: with or
//! without `--force`, the input files, a `.git`, a `CNAME` and anything else
//! the user put in the output directory survive byte for byte, and a
//! directory holding the plan is refused.

mod common;

use common::copy_dir;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn plan(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2013-06-01"])
        .args(args)
        .current_dir(cwd)
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn sheet() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/sheet.xlsx")
}

/// The user's files: a `.git` with a file in it, and `others` at the top.
fn users_files(dir: &Path, others: &[&str]) -> BTreeMap<PathBuf, Vec<u8>> {
    fs::create_dir_all(dir.join(".git/objects")).unwrap();
    let mut files = BTreeMap::new();
    for name in [".git/HEAD", ".git/objects/ab"].iter().chain(others) {
        let bytes = format!("the user's {name}\n").into_bytes();
        fs::write(dir.join(name), &bytes).unwrap();
        files.insert(dir.join(name), bytes);
    }
    files
}

fn survive(files: &BTreeMap<PathBuf, Vec<u8>>) {
    for (path, bytes) in files {
        let now = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(&now, bytes, "{} changed", path.display());
    }
}

/// Every file under `dir`, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                pending.push(entry.path());
            } else {
                files.insert(entry.path(), fs::read(entry.path()).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_rebuilt_site_keeps_cname_nojekyll_git_and_the_users_files() {
    let work = tempfile::tempdir().unwrap();
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let site = work.path().join("site");
    let dir = plans.to_str().unwrap();
    let out = plan(work.path(), &["--dir", dir, "site", "-o", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Made ready for GitHub Pages by hand, after the first build.
    let mine = users_files(&site, &["CNAME", ".nojekyll", "google1234.html"]);
    let out = plan(work.path(), &["--dir", dir, "site", "-o", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    survive(&mine);
    assert!(site.join("index.html").is_file());
    // And forced, the same.
    let out = plan(
        work.path(),
        &["--dir", dir, "site", "-o", "site", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    survive(&mine);
}

#[test]
fn a_site_never_goes_where_plan_files_are() {
    let work = tempfile::tempdir().unwrap();
    let plans = work.path().join("plans");
    fs::create_dir(&plans).unwrap();
    copy_dir(Path::new("plans"), &plans);
    let before = tree(&plans);
    // The cards' directory, the plan's, one above it, and one holding a
    // plan file deep down: refused, --force or not, and nothing touched.
    fs::create_dir_all(work.path().join("deep/a/b")).unwrap();
    fs::write(work.path().join("deep/a/b/x.toml"), "[card]\n").unwrap();
    for output in ["plans/cards", "plans", ".", "deep"] {
        for force in [&[][..], &["--force"][..]] {
            let mut args = vec!["--dir", "plans", "site", "-o", output];
            args.extend(force);
            let out = plan(work.path(), &args);
            assert_eq!(out.status.code(), Some(2), "{output} {force:?}");
            assert!(
                stderr(&out).contains("the site is never written there"),
                "{}",
                stderr(&out)
            );
        }
    }
    assert_eq!(tree(&plans), before);
    assert!(work.path().join("deep/a/b/x.toml").is_file());
    assert!(!work.path().join("deep/index.html").exists());
}

#[test]
fn import_force_keeps_the_input_git_and_the_users_notes() {
    let work = tempfile::tempdir().unwrap();
    let out_dir = work.path().join("work");
    fs::create_dir(&out_dir).unwrap();
    let mut mine = users_files(&out_dir, &["notes.txt"]);
    fs::copy(sheet(), out_dir.join("sheet.xlsx")).unwrap();
    mine.insert(out_dir.join("sheet.xlsx"), fs::read(sheet()).unwrap());
    let args = ["import", "work/sheet.xlsx", "--out", "work"];
    let refused = plan(work.path(), &args);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(!out_dir.join("plan.toml").exists());
    let out = plan(work.path(), &[&args[..], &["--force"]].concat());
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    survive(&mine);
    assert!(out_dir.join("plan.toml").is_file());
    assert!(out_dir.join("cards").is_dir());
    // Again: only what the first import wrote is replaced. A card it wrote
    // and this one does not (listed, as the first run would have) goes; a
    // file of the user's in `cards/` stays.
    fs::write(out_dir.join("cards/gone.toml"), "[card]\n").unwrap();
    fs::write(out_dir.join("cards/README"), "mine").unwrap();
    let mut list = fs::read_to_string(out_dir.join(".plan-import")).unwrap();
    list.push_str("cards/gone.toml\n");
    fs::write(out_dir.join(".plan-import"), list).unwrap();
    let again = plan(work.path(), &[&args[..], &["--force"]].concat());
    assert!(
        again.status.code().is_some_and(|c| c < 2),
        "{}",
        stderr(&again)
    );
    survive(&mine);
    assert!(!out_dir.join("cards/gone.toml").exists());
    assert_eq!(fs::read(out_dir.join("cards/README")).unwrap(), b"mine");
}

#[test]
fn import_out_dot_writes_the_plan_here() {
    let work = tempfile::tempdir().unwrap();
    let mut mine = users_files(work.path(), &["notes.txt"]);
    fs::copy(sheet(), work.path().join("sheet.xlsx")).unwrap();
    mine.insert(work.path().join("sheet.xlsx"), fs::read(sheet()).unwrap());
    let out = plan(
        work.path(),
        &["import", "sheet.xlsx", "--out", ".", "--force"],
    );
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    survive(&mine);
    assert!(work.path().join("plan.toml").is_file());
    let hidden: Vec<String> = fs::read_dir(work.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".git" && n != ".plan-import")
        .collect();
    assert!(hidden.is_empty(), "left behind: {hidden:?}");
    let check = plan(work.path(), &["check"]);
    assert!(
        check.status.code().is_some_and(|c| c < 2),
        "{}",
        stderr(&check)
    );
}

#[test]
fn import_never_writes_over_a_file_it_did_not_write() {
    let work = tempfile::tempdir().unwrap();
    // A plan.toml written by hand, and the --agencies file at the place
    // the imported plan's registry would go.
    let mut mine = users_files(work.path(), &["plan.toml"]);
    let agencies = b"[[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n";
    fs::create_dir(work.path().join("there")).unwrap();
    fs::write(work.path().join("there/agencies.toml"), agencies).unwrap();
    mine.insert(work.path().join("there/agencies.toml"), agencies.to_vec());
    let sheet = sheet().display().to_string();
    let out = plan(work.path(), &["import", &sheet, "--out", ".", "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("plan.toml is there and `plan import` did not write it"),
        "{}",
        stderr(&out)
    );
    let args = ["import", &sheet, "--agencies", "there/agencies.toml"];
    let out = plan(
        work.path(),
        &[&args[..], &["--out", "there", "--force"]].concat(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a file `plan import` reads"),
        "{}",
        stderr(&out)
    );
    survive(&mine);
    // Nothing else was written.
    assert_eq!(tree(work.path()).len(), mine.len());
}

#[test]
fn sites_built_at_once_into_one_directory_take_turns() {
    let work = tempfile::tempdir().unwrap();
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let site = work.path().join("site");
    fs::create_dir(&site).unwrap();
    let mine = users_files(&site, &["CNAME"]);
    // The first one made the site: the others rebuild it, all at once.
    let first = plan(
        work.path(),
        &[
            "--dir",
            plans.to_str().unwrap(),
            "site",
            "-o",
            "site",
            "--force",
        ],
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let children: Vec<_> = (0..6)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_plan"))
                .args(["--as-of", "2013-06-01", "--dir"])
                .arg(&plans)
                .args(["site", "-o", "site"])
                .current_dir(work.path())
                .env_remove("PLAN_DIR")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    survive(&mine);
    let once = tempfile::tempdir().unwrap();
    let out = plan(
        once.path(),
        &["--dir", plans.to_str().unwrap(), "site", "-o", "site"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pages = |dir: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        tree(dir)
            .into_iter()
            .filter(|(p, _)| !p.components().any(|c| c.as_os_str() == ".git"))
            .filter(|(p, _)| p.file_name().is_some_and(|n| n != "CNAME"))
            .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_path_buf(), b))
            .collect()
    };
    assert_eq!(pages(&site), pages(&once.path().join("site")));
}
