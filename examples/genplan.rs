//! Writes a large, valid, invented plan for benchmarks and stress tests.
//!
//!     cargo run --release --example genplan -- --tasks 100000 --out /tmp/plan100k
//!         [--seed 7] [--taskwarrior /tmp/tasks.json]
//!
//! About 100 tasks per card file (4 priorities × 5 actions × 5 tasks), 200
//! agencies with aliases and `part_of`, every form of target date, RAG
//! statuses, done dates, recommendations and measures. The same seed gives
//! the same plan. With `--taskwarrior`, the same tasks are also written as
//! Taskwarrior import JSON (description, due, status, project, tags = leads),
//! so that the two tools can be timed on the same work.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a program of its own

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const AGENCIES: usize = 200;
const DUE: &[&str] = &[
    "Summer 2012 & On-going",
    "June 2012 & On-going",
    "On-going",
    "Ongoing",
    "April 2012 and on-going",
    "Immediate",
    "6 months",
    "3 months",
    "1 year",
    "ASAP",
    "Autumn – December 2012",
    "Oct 2012",
    "Within 3-6 months",
    "By end of March 2013",
    "Summer 2012",
    "Autumn 2012",
    "April 2013",
    "May 2012",
    "Summer/Autumn 2012",
    "End of 2012",
    "Dec 2012",
    "Q3 2012-13",
    "Q4 2012-13",
    "2012-11-15",
    "Winter 2012",
    "December 2012 – March 2013",
    "2 weeks",
    "90 days",
];
const RAG: &[Option<&str>] = &[
    None,
    None,
    Some("red"),
    Some("amber"),
    Some("green"),
    Some("green"),
    Some("blue"),
];
const WORDS: &[&str] = &[
    "review",
    "agree",
    "train",
    "publish",
    "monitor",
    "deliver",
    "establish",
    "improve",
    "engage",
    "report",
    "partners",
    "residents",
    "officers",
    "services",
    "pathway",
    "protocol",
    "referrals",
    "outreach",
    "data",
    "forum",
    "safety",
    "support",
    "evidence",
    "awareness",
    "schools",
    "health",
    "housing",
    "victims",
];

struct Args {
    tasks: usize,
    out: PathBuf,
    seed: u64,
    taskwarrior: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut tasks = None;
    let mut out = None;
    let mut seed = 7;
    let mut taskwarrior = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--tasks" => {
                tasks = Some(
                    value()?
                        .parse()
                        .map_err(|_| "--tasks takes a whole number")?,
                )
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => {
                seed = value()?
                    .parse()
                    .map_err(|_| "--seed takes a whole number")?
            }
            "--taskwarrior" => taskwarrior = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        tasks: tasks.ok_or("--tasks N is required")?,
        out: out.ok_or("--out DIR is required")?,
        seed,
        taskwarrior,
    })
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| *rng.pick(WORDS)).collect();
    let first = s[0].to_string();
    let capital = first[..1].to_uppercase() + &first[1..];
    s[0] = &capital;
    s.join(" ")
}

fn main() {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!(
                "genplan: {message}\nusage: genplan --tasks N --out DIR [--seed S] [--taskwarrior FILE]"
            );
            std::process::exit(2);
        }
    };
    let mut rng = Rng(args.seed);
    fs::create_dir_all(args.out.join("cards")).expect("create the output directory");

    fs::write(
        args.out.join("plan.toml"),
        "# Invented by examples/genplan.rs for benchmarks.\n\n[plan]\ntitle = \"Generated plan\"\nowner = \"Benchmarks\"\nstart = 2012-04-01\nend = 2013-03-31\n",
    )
    .expect("write plan.toml");

    fs::write(args.out.join("agencies.toml"), agencies()).expect("write agencies.toml");

    let cards = args.tasks.div_ceil(100).max(1);
    let mut written = 0;
    let mut warrior = Vec::new();
    let mut first_actions = Vec::new();
    for c in 0..cards {
        let card = format!("C{c:05}");
        let mut text = String::new();
        let _ = write!(
            text,
            "[card]\nid = \"{card}\"\ntitle = \"Card {c}\"\noutcomes = [\"People are safe\"]\narea = \"Area {c}\"\nmeasures = [\"M{}\"]\n",
            c % 20
        );
        'card: for p in 1..=4 {
            let _ = write!(
                text,
                "\n[[priority]]\nid = {p}\ntitle = \"{}\"\n",
                sentence(&mut rng, 6)
            );
            for a in 1..=5 {
                if p == 1 && a == 1 {
                    first_actions.push(format!("{card}-1.1"));
                }
                let _ = write!(
                    text,
                    "\n[[priority.action]]\nid = {a}\ntitle = \"{}\"\n",
                    sentence(&mut rng, 8)
                );
                for t in ["a", "b", "c", "d", "e"] {
                    if written == args.tasks {
                        break 'card;
                    }
                    written += 1;
                    warrior.push(task(&mut rng, &mut text, &card, p, a, t));
                }
            }
        }
        fs::write(args.out.join("cards").join(format!("{card}.toml")), text).expect("write a card");
    }

    fs::write(args.out.join("measures.toml"), measures(&mut rng)).expect("write measures.toml");
    let recommendations = recommendations(&mut rng, &first_actions);
    fs::write(args.out.join("recommendations.toml"), recommendations)
        .expect("write recommendations.toml");

    if let Some(path) = args.taskwarrior {
        fs::write(path, serde_json::to_string(&warrior).expect("JSON"))
            .expect("write the Taskwarrior file");
    }
    eprintln!(
        "genplan: {written} tasks in {cards} cards, {AGENCIES} agencies, written to {}",
        args.out.display()
    );
}

/// Writes one task into its card's text; its Taskwarrior twin.
fn task(
    rng: &mut Rng,
    text: &mut String,
    card: &str,
    p: usize,
    a: usize,
    t: &str,
) -> serde_json::Value {
    let id = format!("{card}-{p}.{a}.{t}");
    let lead = format!("A{:03}", rng.below(AGENCIES));
    let co = format!("A{:03}", rng.below(AGENCIES));
    // A task "after" the first of its action, now and then.
    let due = if t != "a" && rng.below(40) == 0 {
        format!("6 months after {card}-{p}.{a}.a")
    } else {
        rng.pick(DUE).to_string()
    };
    let rag = *rng.pick(RAG);
    let what = sentence(rng, 12);
    let _ = write!(
        *text,
        "\n[[priority.action.task]]\nid = \"{t}\"\ntext = \"{what}\"\nlead = [\"{lead}\", \"{co}\"]\ndue = \"{due}\"\nresources = \"Time\"\n"
    );
    if let Some(rag) = rag {
        let _ = writeln!(*text, "rag = \"{rag}\"");
        if rag == "blue" {
            let _ = writeln!(
                *text,
                "done = 2012-{:02}-{:02}",
                5 + rng.below(7),
                1 + rng.below(28)
            );
        }
        let _ = writeln!(
            *text,
            "updated = 2012-{:02}-{:02}",
            4 + rng.below(8),
            1 + rng.below(28)
        );
        let _ = writeln!(*text, "note = \"{}\"", sentence(rng, 10));
    }
    serde_json::json!({
        "description": format!("{id} {what}"),
        "status": if rag == Some("blue") { "completed" } else { "pending" },
        "project": card,
        "tags": [lead, co],
        "due": format!("2012{:02}{:02}T000000Z", 4 + rng.below(12).min(8), 1 + rng.below(28)),
        "entry": "20120401T000000Z",
    })
}

/// The registry: organisations, and teams part of them.
fn agencies() -> String {
    let mut agencies = String::new();
    for i in 0..AGENCIES {
        let _ = write!(
            agencies,
            "[[agency]]\nid = \"A{i:03}\"\nname = \"Agency number {i}\"\nkind = \"{}\"\naliases = [\"Agency {i}\", \"The {i}th partner\"]\n",
            if i < 40 { "organisation" } else { "team" }
        );
        if i >= 40 {
            let _ = writeln!(agencies, "part_of = \"A{:03}\"", i % 40);
        }
        agencies.push('\n');
    }
    agencies
}

/// Twenty measures with two values each.
fn measures(rng: &mut Rng) -> String {
    let mut measures = String::new();
    for m in 0..20 {
        let _ = write!(
            measures,
            "[[measure]]\nid = \"M{m}\"\ntitle = \"Measure {m}\"\nbetter = \"{}\"\nvalues = [\n  {{ period = \"Q1 2012-13\", value = {} }},\n  {{ period = \"Q2 2012-13\", value = {} }},\n]\ntarget = {{ period = \"2012-13\", value = 100 }}\n\n",
            if m % 2 == 0 { "higher" } else { "lower" },
            rng.below(100),
            rng.below(100)
        );
    }
    measures
}

/// A recommendation for each of the first 50 cards' first action.
fn recommendations(rng: &mut Rng, first_actions: &[String]) -> String {
    let mut recommendations = String::new();
    for (r, action) in first_actions.iter().take(50).enumerate() {
        let _ = write!(
            recommendations,
            "[[recommendation]]\nid = \"R{}\"\ntext = \"{}\"\nresponse = \"accepted\"\nactions = [\"{action}\"]\n\n",
            r + 1,
            sentence(rng, 10)
        );
    }
    recommendations
}
