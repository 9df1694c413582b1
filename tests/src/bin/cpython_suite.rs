//! `cargo run --release -p krait-tests --bin cpython-suite [MODULE...]`:
//! runs CPython 3.11's regression-test modules under krait (all of them by
//! default), writes `tests/cpython-status.md`, and prints the modules that
//! pass in full (candidates for `tests/cpython-pass.txt`).
//! Environment: KRAIT_BIN, KRAIT_CPYTHON, KRAIT_SUITE_TIMEOUT (seconds, default 120).

use krait_tests::cpython_suite::{list_modules, passes_like_cpython, run_module, test_package_dir, Status};
use std::fmt::Write;
use std::time::Duration;

fn main() {
    let krait = krait_tests::find_krait().unwrap_or_else(|e| panic!("{e}"));
    let cpython = krait_tests::find_cpython().unwrap_or_else(|e| panic!("{e}"));
    let test_dir = test_package_dir(&cpython).unwrap_or_else(|e| panic!("{e}"));
    let timeout = std::env::var("KRAIT_SUITE_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(120);
    let chosen: Vec<String> = std::env::args().skip(1).collect();
    let modules = if chosen.is_empty() { list_modules(&test_dir).expect("listing the test package") } else { chosen };
    let work = std::env::temp_dir().join(format!("krait-suite-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work dir");
    let mut table = String::new();
    let mut passing = Vec::new();
    let (mut pass, mut fail, mut crash, mut timeouts) = (0, 0, 0, 0);
    for m in &modules {
        let mut r = run_module(&krait, m, &work, Duration::from_secs(timeout)).expect("running krait");
        if r.status == Status::Pass {
            // Only a pass that skips no more than CPython does counts.
            let c = run_module(&cpython, m, &work, Duration::from_secs(timeout)).expect("running CPython");
            if let Err(why) = passes_like_cpython(&r, &c) {
                r.status = Status::Fail;
                r.last_line = why;
            }
        }
        let status = match r.status {
            Status::Pass => {
                pass += 1;
                passing.push(m.clone());
                "pass"
            }
            Status::Fail => {
                fail += 1;
                "fail"
            }
            Status::Crash => {
                crash += 1;
                "crash"
            }
            Status::Timeout => {
                timeouts += 1;
                "timeout"
            }
        };
        eprintln!("{m}: {status} ({} run, {} failures, {} errors, {} skipped, {:.1}s)", r.ran, r.failures, r.errors, r.skipped, r.seconds);
        let last = r.last_line.replace('|', "\\|");
        let _ = writeln!(
            table,
            "| {m} | {status} | {} | {} | {} | {} | {:.1} | {} |",
            r.ran,
            r.failures,
            r.errors,
            r.skipped,
            r.seconds,
            if r.status == Status::Pass { String::new() } else { last.chars().take(120).collect::<String>() }.trim()
        );
    }
    let _ = std::fs::remove_dir_all(&work);
    let mut doc = String::new();
    let _ = writeln!(doc, "# CPython 3.11 regression suite under krait\n");
    let _ = writeln!(
        doc,
        "Written by `cargo run --release -p krait-tests --bin cpython-suite`: each module of the `test` package runs as `krait -m unittest test.MODULE` ({timeout} s limit); a module passes when it has no failure or error and runs the same tests as CPython 3.11 with no more skipped.\n"
    );
    let _ = writeln!(doc, "{} modules: {pass} pass, {fail} fail, {crash} crash (no unittest summary), {timeouts} timeout.\n", modules.len());
    let _ = writeln!(doc, "| module | status | ran | failures | errors | skipped | seconds | last stderr line |");
    let _ = writeln!(doc, "|---|---|---|---|---|---|---|---|");
    doc.push_str(&table);
    let path = krait_tests::workspace_root().join("tests").join("cpython-status.md");
    std::fs::write(&path, doc).expect("writing cpython-status.md");
    println!("{}", passing.join("\n"));
}
