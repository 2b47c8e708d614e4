//! The CI recipes in examples/ and the shell completions and man page.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PLAN", env!("CARGO_BIN_EXE_plan"))
        .env_remove("PLAN_DIR")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .unwrap()
}

#[test]
fn the_pre_commit_hook_blocks_a_bad_plan_and_lets_a_good_one_through() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    fs::create_dir(dir.join("plans")).unwrap();
    fs::copy(
        "tests/cmd/check/valid.in/plan.toml",
        dir.join("plans/plan.toml"),
    )
    .unwrap();
    assert!(run(dir, "git", &["init", "-q"]).status.success());
    let hook = dir.join(".git/hooks/pre-commit");
    fs::copy("examples/git-hooks/pre-commit", &hook).unwrap();

    assert!(run(dir, "git", &["add", "-A"]).status.success());
    let good = run(dir, "git", &["commit", "-qm", "a good plan"]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );

    let path = dir.join("plans/plan.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("lead = [\"SL\"]", "lead = [\"Nobody\"]"),
    )
    .unwrap();
    assert!(run(dir, "git", &["add", "-A"]).status.success());
    let bad = run(dir, "git", &["commit", "-qm", "a bad plan"]);
    assert!(!bad.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&bad.stdout),
        String::from_utf8_lossy(&bad.stderr)
    );
    assert!(said.contains("unknown-lead"), "{said}");
    assert!(said.contains("commit refused"), "{said}");
    // The bad change is still staged, not committed.
    let log = run(dir, "git", &["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 1);

    // Mended in the index, it goes through, whatever the work tree holds.
    fs::write(&path, text.replace("Test plan", "Test plan, mended")).unwrap();
    assert!(run(dir, "git", &["add", "-A"]).status.success());
    fs::write(&path, "not toml at all [").unwrap();
    let mended = run(dir, "git", &["commit", "-qm", "mended"]);
    assert!(
        mended.status.success(),
        "{}",
        String::from_utf8_lossy(&mended.stderr)
    );
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    let here = Path::new(".");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(here, env!("CARGO_BIN_EXE_plan"), &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("overdue"),
            "{shell}"
        );
    }
    let bash = run(here, env!("CARGO_BIN_EXE_plan"), &["completions", "bash"]);
    let script = tempfile::NamedTempFile::new().unwrap();
    fs::write(script.path(), &bash.stdout).unwrap();
    let syntax = Command::new("bash")
        .arg("-n")
        .arg(script.path())
        .status()
        .unwrap();
    assert!(syntax.success(), "bash cannot parse the completion script");

    let man = run(here, env!("CARGO_BIN_EXE_plan"), &["man"]);
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH plan 1"),
        "{page}"
    );
    assert!(page.contains("overdue"));
}

#[test]
fn the_recipes_name_commands_that_exist() {
    let workflow = fs::read_to_string("examples/ci/github-actions.yml").unwrap();
    assert!(workflow.contains("plan check --format github"));
    let hooks = fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    assert!(hooks.contains("id: plan-check") && hooks.contains("id: plan-fmt"));
    // Each command a recipe runs parses as a plan command line.
    for args in [
        ["check", "--format", "github"],
        ["check", "--format", "short"],
        ["fmt", "--check", "--help"],
    ] {
        let out = run(Path::new("."), env!("CARGO_BIN_EXE_plan"), &args);
        assert_ne!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
