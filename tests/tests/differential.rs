//! Differential tests: every `tests/differential/**/*.py` runs under CPython
//! 3.11 and under krait; stdout, exit status and the last stderr line must
//! agree. One test per script, named by its path (`types/int/bit_length`).
//!
//! Environment:
//! * `KRAIT_BIN`: the krait binary (default `target/release/krait`, then
//!   `target/debug/krait` of the workspace)
//! * `KRAIT_CPYTHON`: CPython 3.11 (default `python3.11` on PATH)
//! * `KRAIT_DIFF_CACHE`: CPython result cache dir (`off` disables; default
//!   `target/differential-cache`)
//! * `KRAIT_DIFF_TIMEOUT`: seconds per interpreter run (default 30)
//!
//! `tests/differential/xfail.txt` is a ratchet: a listed script that fails
//! is reported as ignored, a listed script that passes is a failure.

use std::time::Duration;

use krait_tests::{
    collect_scripts, differential_dir, differential_verdict, read_xfail, Verdict,
    DEFAULT_TIMEOUT,
};
use libtest_mimic::{Arguments, Completion, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = differential_dir();
    let scripts = match collect_scripts(&root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot read the corpus at {}: {e}", root.display());
            std::process::exit(2);
        }
    };
    let xfail = read_xfail(&root);
    let timeout = std::env::var("KRAIT_DIFF_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT);

    if !args.list {
        let krait = krait_tests::find_krait().unwrap_or_else(|e| format!("<missing: {e}>").into());
        let cpython = krait_tests::find_cpython().unwrap_or_else(|e| format!("<missing: {e}>").into());
        eprintln!(
            "differential: {} scripts, {} in xfail.txt; krait = {}, CPython = {}",
            scripts.len(),
            xfail.len(),
            krait.display(),
            cpython.display()
        );
    }

    let mut trials = Vec::with_capacity(scripts.len() + 1);

    // The xfail list must only name scripts that exist.
    {
        let names: std::collections::HashSet<String> =
            scripts.iter().map(|(n, _)| n.clone()).collect();
        let mut stale: Vec<String> = xfail.iter().filter(|n| !names.contains(*n)).cloned().collect();
        stale.sort();
        trials.push(Trial::test("xfail.txt/entries_exist", move || {
            if stale.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "xfail.txt names scripts that do not exist: {}",
                    stale.join(", ")
                )
                .into())
            }
        }));
    }

    for (name, path) in scripts {
        let listed = xfail.contains(&name);
        trials.push(Trial::ignorable_test(name, move || {
            match differential_verdict(&path, listed, timeout) {
                Verdict::Pass => Ok(Completion::Completed),
                Verdict::ExpectedFailure(msg) => {
                    let first = msg.lines().next().unwrap_or("").to_string();
                    Ok(Completion::ignored_with(format!("xfail: {first}")))
                }
                Verdict::Fail(msg) => Err(Failed::from(msg)),
                Verdict::UnexpectedPass => Err(Failed::from(
                    "unexpectedly passed — remove it from xfail.txt",
                )),
            }
        }));
    }

    libtest_mimic::run(&args, trials).exit();
}
