//! The reports in a real terminal: tmux plays one 50, 80 and 120 columns
//! wide, a command is typed into its shell (send-keys) and the screen read
//! back (capture-pane). No line may be folded by the terminal (which cuts
//! words anywhere), and no word may be broken: every word on the screen is
//! a word of the same report printed wide.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const REPORTS: &[&[&str]] = &[&["overdue"], &["rag"], &["tasks"], &["agencies"]];

/// tmux on a server of its own (`-L`), with a history long enough for a
/// whole report; a session a width, left until the server is killed (one
/// killed and made again at once can find the server gone).
struct Tmux {
    socket: String,
    config: tempfile::NamedTempFile,
    sessions: std::cell::Cell<usize>,
}

impl Tmux {
    fn new(name: &str) -> Tmux {
        let config = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(config.path(), "set -g history-limit 50000\n").unwrap();
        Tmux {
            socket: format!("plan-test-{name}-{}", std::process::id()),
            config,
            sessions: std::cell::Cell::new(0),
        }
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(self.config.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types a short command that runs `command` into a shell `width`
    /// columns wide and returns what `command` printed once it is done: as
    /// the terminal shows it, and with the lines it folded joined again.
    fn screen(&self, width: usize, command: &str) -> (String, String) {
        let script = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(
            script.path(),
            format!("echo @@start\n{command}\necho @@done\n"),
        )
        .unwrap();
        let width_text = width.to_string();
        let made = self.sessions.get() + 1;
        self.sessions.set(made);
        let session = format!("s{made}");
        self.run(&[
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            &width_text,
            "-y",
            "40",
            "sh",
        ]);
        let typed = format!("sh {}", script.path().display());
        self.run(&["send-keys", "-t", &session, &typed, "Enter"]);
        let started = Instant::now();
        let mut joined = String::new();
        while started.elapsed() < Duration::from_secs(60) {
            joined = self.run(&["capture-pane", "-p", "-J", "-S", "-", "-t", &session]);
            if joined.lines().any(|l| l.ends_with("@@done")) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let shown = self.run(&["capture-pane", "-p", "-S", "-", "-t", &session]);
        (printed(&shown), printed(&joined))
    }
}

/// The lines between the markers the script prints.
fn printed(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let start = lines.iter().position(|l| l.ends_with("@@start"));
    let end = lines.iter().position(|l| l.ends_with("@@done"));
    let (Some(start), Some(end)) = (start, end) else {
        panic!("the command did not finish:\n{screen}");
    };
    lines[start + 1..end].join("\n")
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// The words of a report, box-drawing characters aside.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || ('\u{2500}'..='\u{257f}').contains(&c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn plan_command(report: &[&str]) -> String {
    let plan = env!("CARGO_BIN_EXE_plan");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    format!(
        "NO_COLOR=1 {plan} --dir {} --as-of 2012-12-01 {}",
        dir.display(),
        report.join(" ")
    )
}

#[test]
fn reports_fit_50_80_and_120_columns_without_breaking_a_word() {
    if Command::new("tmux").arg("-V").output().is_err() {
        return common::skip(
            "reports_fit_50_80_and_120_columns_without_breaking_a_word",
            "tmux",
        );
    }
    let tmux = Tmux::new("widths");
    for report in REPORTS {
        let wide = Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["--dir", "plans", "--as-of", "2012-12-01"])
            .args(*report)
            .env("COLUMNS", "400")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        // A block writes each header with a colon, and joins with · and —.
        let mut known = words(&String::from_utf8_lossy(&wide.stdout));
        let headers: Vec<String> = known.iter().map(|w| format!("{w}:")).collect();
        known.extend(headers);
        known.extend(["·".to_string(), "—".to_string()]);
        for width in [50, 80, 120] {
            let (shown, joined) = tmux.screen(width, &plan_command(report));
            let lines: Vec<&str> = joined.lines().collect();
            assert!(lines.len() > 5, "{report:?} at {width}: {joined}");
            for line in &lines {
                assert!(
                    line.chars().count() <= width,
                    "{report:?} at {width} columns: the terminal folded\n{line}"
                );
            }
            let screen_words = words(&shown);
            let broken: Vec<&String> = screen_words.difference(&known).collect();
            assert!(
                broken.is_empty(),
                "{report:?} at {width} columns: words broken: {broken:?}\n{shown}"
            );
        }
    }
}
