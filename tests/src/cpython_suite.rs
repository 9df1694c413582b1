//! Running modules of CPython 3.11's regression suite (its `test` package,
//! from the machine's stdlib) under krait, one process per module with a
//! time limit, and reading unittest's summary.

use crate::{run_command, RunOutput};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// How one test module ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail,
    /// Killed by a signal, or no unittest summary (e.g. an import error).
    Crash,
    Timeout,
}

#[derive(Clone, Debug)]
pub struct ModuleResult {
    pub module: String,
    pub status: Status,
    pub ran: u32,
    pub failures: u32,
    pub errors: u32,
    pub skipped: u32,
    /// The last stderr line, for the status table.
    pub last_line: String,
    pub seconds: f64,
}

/// Every module of the test package: `test_*.py` files and `test_*` packages.
pub fn list_modules(test_dir: &Path) -> std::io::Result<Vec<String>> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(test_dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with("test_") {
            continue;
        }
        if let Some(stem) = name.strip_suffix(".py") {
            v.push(stem.to_owned());
        } else if e.path().join("__init__.py").exists() {
            v.push(name);
        }
    }
    v.sort();
    Ok(v)
}

/// Reads "Ran N tests" and "OK (skipped=K)" / "FAILED (failures=A, errors=B)".
pub fn parse_summary(stderr: &str) -> Option<(bool, u32, u32, u32, u32)> {
    let mut ran = None;
    let mut verdict = None;
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("Ran ") {
            ran = rest.split_whitespace().next().and_then(|n| n.parse::<u32>().ok());
        }
        let l = line.trim();
        if l == "OK" || l.starts_with("OK (") || l.starts_with("FAILED (") || l == "NO TESTS RAN" {
            verdict = Some(l.to_owned());
        }
    }
    let verdict = verdict?;
    let count = |key: &str| -> u32 {
        verdict
            .split(|c| c == '(' || c == ')' || c == ',')
            .map(str::trim)
            .find_map(|p| p.strip_prefix(key).and_then(|n| n.parse().ok()))
            .unwrap_or(0)
    };
    let ok = verdict.starts_with("OK");
    Some((ok, ran.unwrap_or(0), count("failures="), count("errors="), count("skipped=")))
}

/// A krait pass counts for the pass list only if it ran what CPython 3.11
/// runs on this machine and skipped no more: a test skipped under krait
/// for a missing feature is not passed.
pub fn passes_like_cpython(krait: &ModuleResult, cpython: &ModuleResult) -> Result<(), String> {
    if krait.status != Status::Pass {
        return Err(format!("{:?} ({} run, {} failures, {} errors): {}", krait.status, krait.ran, krait.failures, krait.errors, krait.last_line));
    }
    if krait.ran != cpython.ran || krait.skipped > cpython.skipped {
        return Err(format!(
            "passes, but runs {} tests with {} skipped where CPython runs {} with {} skipped",
            krait.ran, krait.skipped, cpython.ran, cpython.skipped
        ));
    }
    Ok(())
}

/// Runs `INTERPRETER -m unittest test.MODULE` in `workdir` (krait, or CPython
/// for the reference counts).
pub fn run_module(krait: &Path, module: &str, workdir: &Path, timeout: Duration) -> std::io::Result<ModuleResult> {
    // A folder of its own: what a crashed module leaves behind (a
    // `tempcwd`, say) must not make the next one fail.
    let dir = workdir.join(module);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let mut cmd = Command::new(krait);
    cmd.args(["-m", "unittest", &format!("test.{}", module)])
        .current_dir(&dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out: RunOutput = run_command(cmd, timeout)?;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let summary = parse_summary(&stderr);
    let (status, ran, failures, errors, skipped) = if out.timed_out {
        (Status::Timeout, 0, 0, 0, 0)
    } else {
        match summary {
            Some((ok, ran, f, e, s)) => {
                let passed = ok && out.code == Some(0) && ran > 0;
                (if passed { Status::Pass } else { Status::Fail }, ran, f, e, s)
            }
            None => (Status::Crash, 0, 0, 0, 0),
        }
    };
    Ok(ModuleResult {
        module: module.to_owned(),
        status,
        ran,
        failures,
        errors,
        skipped,
        last_line: out.stderr_last_line(),
        seconds: out.elapsed.as_secs_f64(),
    })
}

/// The `test` package directory of CPython 3.11's stdlib.
pub fn test_package_dir(cpython: &Path) -> Result<std::path::PathBuf, String> {
    let out = Command::new(cpython)
        .args(["-S", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cpython.display()))?;
    let lib = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let dir = Path::new(&lib).join("test");
    if dir.join("__init__.py").exists() {
        Ok(dir)
    } else {
        Err(format!("CPython's test package is not at {}", dir.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_summary;

    #[test]
    fn summaries() {
        assert_eq!(parse_summary("...\nRan 12 tests in 0.1s\n\nOK\n"), Some((true, 12, 0, 0, 0)));
        assert_eq!(parse_summary("Ran 3 tests in 0s\n\nOK (skipped=2)\n"), Some((true, 3, 0, 0, 2)));
        assert_eq!(
            parse_summary("Ran 9 tests in 1s\n\nFAILED (failures=1, errors=2, skipped=1)\n"),
            Some((false, 9, 1, 2, 1))
        );
        assert_eq!(parse_summary("Traceback...\nImportError: x\n"), None);
    }
}
