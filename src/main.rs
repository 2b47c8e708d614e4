use clap::Parser;
use plan::exit::Exit;
use std::io::Write;
use std::process::ExitCode;

// The one place that prints: everything else writes to the writers handed down.
#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    std::panic::set_hook(Box::new(report_bug));
    let cli = plan::cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    // The hook has said what happened; the exit status says it too.
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        plan::run(&cli, &mut out, &mut err)
    }));
    let Ok(ran) = ran else {
        return Exit::Bug.into();
    };
    match ran {
        Ok(exit) => exit.into(),
        Err(err) if is_broken_pipe(&err) => Exit::Success.into(),
        Err(err) => {
            let _ = out.flush();
            // An error may quote the plan (an agency's name): shown, never obeyed.
            eprintln!(
                "error: {}",
                plan::render::escape::terminal(&format!("{err:#}"))
            );
            Exit::Failure.into()
        }
    }
}

/// A panic is a bug in `plan`, never the user's doing: it says so, and where
/// to report it, instead of printing a Rust backtrace (that is kept for
/// `RUST_BACKTRACE=1`). The process exits 101 (`Exit::Bug`), as any panic does.
#[allow(clippy::print_stderr)]
fn report_bug(info: &std::panic::PanicHookInfo<'_>) {
    let what = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let bug = plan::error::Bug {
        place: info
            .location()
            .map(|at| format!("{}:{}", at.file(), at.line())),
        what,
    };
    // The message may quote the plan (a title in a slice's bounds).
    eprintln!(
        "error: {}",
        plan::render::escape::terminal(&bug.to_string())
    );
    let trace = std::backtrace::Backtrace::capture();
    if trace.status() == std::backtrace::BacktraceStatus::Captured {
        eprintln!("{trace}");
    }
}

/// `plan tasks | head`: the reader went away; that is not a failure.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

// Plans are thousands of small strings: mimalloc allocates and frees them
// faster than the system allocator (measured side by side on the same code:
// 12 to 31% faster at 100,000 tasks, for more memory; docs/robustness.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
