//! The CPython-suite ratchet: every module listed in `tests/cpython-pass.txt`
//! must still pass in full under krait (`krait -m unittest test.MODULE`),
//! running the same tests as CPython 3.11 with no more skipped.
//! The list only grows; `cpython-suite` (src/bin) finds candidates.

use krait_tests::cpython_suite::{passes_like_cpython, run_module};
use libtest_mimic::{Arguments, Failed, Trial};
use std::time::Duration;

fn main() {
    let args = Arguments::from_args();
    let list = krait_tests::workspace_root().join("tests").join("cpython-pass.txt");
    let text = std::fs::read_to_string(&list).unwrap_or_default();
    let modules: Vec<String> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let trials = modules
        .into_iter()
        .map(|m| {
            Trial::test(format!("cpython/{m}"), move || {
                let krait = krait_tests::find_krait().map_err(Failed::from)?;
                let work = std::env::temp_dir().join(format!("krait-pass-{}-{}", m, std::process::id()));
                std::fs::create_dir_all(&work).map_err(|e| Failed::from(e.to_string()))?;
                let r = run_module(&krait, &m, &work, Duration::from_secs(300));
                let cpython = krait_tests::find_cpython().map_err(Failed::from)?;
                let c = run_module(&cpython, &m, &work, Duration::from_secs(300));
                let _ = std::fs::remove_dir_all(&work);
                let (r, c) = (r.map_err(|e| Failed::from(e.to_string()))?, c.map_err(|e| Failed::from(e.to_string()))?);
                passes_like_cpython(&r, &c).map_err(|e| Failed::from(format!("{m}: {e}")))
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
