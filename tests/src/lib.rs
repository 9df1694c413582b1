//! Shared helpers of krait's integration tests (finding the krait binary and
//! CPython 3.11, running a script with a timeout, caching CPython's results,
//! comparing two runs and rendering a readable diff).
//!
//! Used by `tests/differential.rs` (the differential corpus under
//! `tests/differential/`) and meant to be reused by later runners such as the
//! CPython test-suite runner.

pub mod cpython_suite;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

/// Default wall-clock limit for one interpreter run.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Where the differential corpus lives.
pub fn differential_dir() -> PathBuf {
    workspace_root().join("tests").join("differential")
}

/// Searches `PATH` for an executable called `name`.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let cand = dir.join(name);
        if is_executable(&cand) {
            return Some(cand);
        }
    }
    None
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(p)
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// Resolves an interpreter path given in the environment: a bare name is
/// looked up on `PATH`; a relative path is taken relative to the current
/// directory if it exists there, else to the workspace root (tests run with
/// the crate directory as cwd, and scripts run with their own directory as
/// cwd, so the result is always made absolute).
fn resolve_user_path(p: &Path) -> PathBuf {
    if p.components().count() == 1 && !p.is_absolute() {
        if let Some(found) = find_on_path(&p.to_string_lossy()) {
            return found;
        }
    }
    if p.is_absolute() {
        return p.to_path_buf();
    }
    let from_cwd = std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf());
    if from_cwd.exists() {
        return from_cwd;
    }
    workspace_root().join(p)
}

/// CPython 3.11: `$KRAIT_CPYTHON`, else `python3.11` on `PATH`; a launcher
/// such as a pyenv shim is resolved once to the real executable
/// (`sys.executable`) so each run skips the shim's start-up cost.
pub fn find_cpython() -> Result<PathBuf, String> {
    static RESOLVED: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    RESOLVED
        .get_or_init(|| {
            let found = find_cpython_unresolved()?;
            let mut cmd = Command::new(&found);
            cmd.args(["-c", "import sys; print(sys.executable); print(sys.version)"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            match run_command(cmd, DEFAULT_TIMEOUT) {
                Ok(out) if out.code == Some(0) => {
                    let text = String::from_utf8_lossy(&out.stdout).into_owned();
                    let (exe, version) = text.split_once('\n').unwrap_or((&text, ""));
                    let exe = PathBuf::from(exe.trim());
                    if is_executable(&exe) {
                        // one start-up answers both questions
                        version_cache()
                            .lock()
                            .unwrap()
                            .push((exe.clone(), version.trim().to_string()));
                        Ok(exe)
                    } else {
                        Ok(found)
                    }
                }
                _ => Ok(found),
            }
        })
        .clone()
}

fn find_cpython_unresolved() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("KRAIT_CPYTHON") {
        let p = PathBuf::from(p);
        let resolved = resolve_user_path(&p);
        if is_executable(&resolved) {
            return Ok(resolved);
        }
        return Err(format!(
            "KRAIT_CPYTHON={} is not an executable file",
            p.display()
        ));
    }
    find_on_path("python3.11").ok_or_else(|| {
        "CPython 3.11 not found: put python3.11 on PATH or set KRAIT_CPYTHON".to_string()
    })
}

/// The krait binary: `$KRAIT_BIN`, else `<workspace>/target/release/krait`,
/// else `<workspace>/target/debug/krait`.
pub fn find_krait() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("KRAIT_BIN") {
        let p = PathBuf::from(p);
        let resolved = resolve_user_path(&p);
        if is_executable(&resolved) {
            return Ok(resolved);
        }
        return Err(format!(
            "KRAIT_BIN={} does not exist or is not executable — build krait first \
             (cargo build --release -p krait) or fix KRAIT_BIN",
            p.display()
        ));
    }
    let root = workspace_root();
    let candidates = [
        root.join("target").join("release").join("krait"),
        root.join("target").join("debug").join("krait"),
    ];
    for c in &candidates {
        if is_executable(c) {
            return Ok(c.clone());
        }
    }
    Err(format!(
        "the krait binary does not exist (looked for {} and {}) — build it first \
         with `cargo build --release -p krait`, or set KRAIT_BIN",
        candidates[0].display(),
        candidates[1].display()
    ))
}

/// The result of running one interpreter on one script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit code; `None` if killed by a signal or timed out.
    pub code: Option<i32>,
    /// Terminating signal, if any (unix).
    pub signal: Option<i32>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl RunOutput {
    /// A human-readable exit status: `exit 0`, `signal 11`, `timeout`.
    pub fn status_text(&self) -> String {
        if self.timed_out {
            "timed out".to_string()
        } else if let Some(c) = self.code {
            format!("exit {c}")
        } else if let Some(s) = self.signal {
            format!("killed by signal {s}")
        } else {
            "unknown status".to_string()
        }
    }

    /// The last non-blank line of stderr (the exception line of a traceback).
    pub fn stderr_last_line(&self) -> String {
        last_line(&self.stderr)
    }
}

/// The last non-blank line of a byte buffer, lossily decoded, right-trimmed.
pub fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string())
        .unwrap_or_default()
}

/// How to run a script.
#[derive(Clone, Debug)]
pub struct RunSpec<'a> {
    pub interpreter: &'a Path,
    /// Arguments placed before the script (e.g. `-X` options).
    pub pre_args: &'a [String],
    pub script: &'a Path,
    /// Arguments after the script.
    pub args: &'a [String],
    pub timeout: Duration,
    /// Extra environment variables.
    pub env: &'a [(String, String)],
}

/// Runs `interpreter SCRIPTNAME args...` with the working directory set to the
/// script's directory, `PYTHONHASHSEED=0`, stdin closed (null), and a timeout
/// after which the child is killed.
pub fn run_script(spec: &RunSpec<'_>) -> io::Result<RunOutput> {
    let script = spec.script;
    let dir = script
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = script.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "script path has no file name")
    })?;
    let mut cmd = Command::new(spec.interpreter);
    cmd.args(spec.pre_args)
        .arg(file_name)
        .args(spec.args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONINSPECT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in spec.env {
        cmd.env(k, v);
    }
    run_command(cmd, spec.timeout)
}

/// Runs a prepared command (stdout/stderr must be piped) with a timeout,
/// collecting both streams on helper threads so a chatty child cannot block.
pub fn run_command(mut cmd: Command, timeout: Duration) -> io::Result<RunOutput> {
    let start = Instant::now();
    // A process group of its own, killed whole at the end: a process the
    // command left behind (a test's sleeping child) would otherwise hold
    // the output pipes open and the readers would wait for it forever.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn()?;
    let out_reader = child.stdout.take().map(spawn_reader);
    let err_reader = child.stderr.take().map(spawn_reader);
    let (status, timed_out) = match child.wait_timeout(timeout)? {
        Some(st) => (st, false),
        None => {
            let _ = child.kill();
            (child.wait()?, true)
        }
    };
    #[cfg(unix)]
    unsafe {
        libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL);
    }
    let elapsed = start.elapsed();
    let stdout = out_reader.map(join_reader).unwrap_or_default();
    let stderr = err_reader.map(join_reader).unwrap_or_default();
    #[cfg(unix)]
    let signal = {
        use std::os::unix::process::ExitStatusExt;
        status.signal()
    };
    #[cfg(not(unix))]
    let signal = None;
    Ok(RunOutput {
        stdout,
        stderr,
        code: if timed_out { None } else { status.code() },
        signal: if timed_out { None } else { signal },
        timed_out,
        elapsed,
    })
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn join_reader(h: thread::JoinHandle<Vec<u8>>) -> Vec<u8> {
    h.join().unwrap_or_default()
}

// ---------------------------------------------------------------------------
// CPython result cache
// ---------------------------------------------------------------------------

/// 64-bit FNV-1a, enough to key a cache (not for security).
pub fn fnv1a64(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // separator so ("ab","c") != ("a","bc")
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn version_cache() -> &'static std::sync::Mutex<Vec<(PathBuf, String)>> {
    static CACHE: OnceLock<std::sync::Mutex<Vec<(PathBuf, String)>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// `sys.version` of an interpreter (asked once per interpreter path).
pub fn interpreter_version(interp: &Path) -> Result<String, String> {
    let cache = version_cache();
    if let Some((_, v)) = cache
        .lock()
        .unwrap()
        .iter()
        .find(|(p, _)| p.as_path() == interp)
    {
        return Ok(v.clone());
    }
    let mut cmd = Command::new(interp);
    cmd.args(["-c", "import sys; print(sys.version)"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = run_command(cmd, DEFAULT_TIMEOUT)
        .map_err(|e| format!("cannot run {}: {e}", interp.display()))?;
    if out.code != Some(0) {
        return Err(format!(
            "{} -c 'import sys; print(sys.version)' failed ({}): {}",
            interp.display(),
            out.status_text(),
            out.stderr_last_line()
        ));
    }
    let v = String::from_utf8_lossy(&out.stdout).trim().to_string();
    cache
        .lock()
        .unwrap()
        .push((interp.to_path_buf(), v.clone()));
    Ok(v)
}

/// Directory of cached CPython results: `$KRAIT_DIFF_CACHE`, else
/// `<workspace>/target/differential-cache`. `KRAIT_DIFF_CACHE=off` disables it.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var("KRAIT_DIFF_CACHE") {
        Ok(v) if v == "off" || v == "0" || v.is_empty() => None,
        Ok(v) => Some(PathBuf::from(v)),
        Err(_) => Some(workspace_root().join("target").join("differential-cache")),
    }
}

fn encode_output(o: &RunOutput) -> Vec<u8> {
    let mut v = Vec::new();
    let code = o.code.map(|c| c.to_string()).unwrap_or_else(|| "-".into());
    let sig = o.signal.map(|c| c.to_string()).unwrap_or_else(|| "-".into());
    v.extend_from_slice(
        format!(
            "krait-diff-cache 1\n{code} {sig} {} {}\n",
            o.stdout.len(),
            o.stderr.len()
        )
        .as_bytes(),
    );
    v.extend_from_slice(&o.stdout);
    v.extend_from_slice(&o.stderr);
    v
}

fn decode_output(data: &[u8]) -> Option<RunOutput> {
    let mut lines = data.splitn(3, |&b| b == b'\n');
    if lines.next()? != b"krait-diff-cache 1" {
        return None;
    }
    let header = std::str::from_utf8(lines.next()?).ok()?;
    let rest = lines.next()?;
    let f: Vec<&str> = header.split(' ').collect();
    if f.len() != 4 {
        return None;
    }
    let code = if f[0] == "-" { None } else { Some(f[0].parse().ok()?) };
    let signal = if f[1] == "-" { None } else { Some(f[1].parse().ok()?) };
    let n_out: usize = f[2].parse().ok()?;
    let n_err: usize = f[3].parse().ok()?;
    if rest.len() != n_out + n_err {
        return None;
    }
    Some(RunOutput {
        stdout: rest[..n_out].to_vec(),
        stderr: rest[n_out..].to_vec(),
        code,
        signal,
        timed_out: false,
        elapsed: Duration::ZERO,
    })
}

/// Runs a script under CPython, reusing a cached result keyed by the script's
/// file name and text and CPython's version. Timed-out runs are not cached.
pub fn run_cpython_cached(cpython: &Path, script: &Path, timeout: Duration) -> Result<RunOutput, String> {
    let text = fs::read(script).map_err(|e| format!("cannot read {}: {e}", script.display()))?;
    let version = interpreter_version(cpython)?;
    let name = script
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let key = fnv1a64(&[&text, version.as_bytes(), name.as_bytes()]);
    let cache_file = cache_dir().map(|d| d.join(format!("{key:016x}.out")));
    if let Some(cf) = &cache_file {
        if let Ok(data) = fs::read(cf) {
            if let Some(o) = decode_output(&data) {
                return Ok(o);
            }
        }
    }
    let spec = RunSpec {
        interpreter: cpython,
        pre_args: &[],
        script,
        args: &[],
        timeout,
        env: &[],
    };
    let out = run_script(&spec).map_err(|e| format!("cannot run {}: {e}", cpython.display()))?;
    if !out.timed_out {
        if let Some(cf) = &cache_file {
            if let Some(dir) = cf.parent() {
                let _ = fs::create_dir_all(dir);
                // write-then-rename so parallel tests never read a torn file
                let tmp = cf.with_extension(format!("tmp{}", std::process::id()));
                if fs::write(&tmp, encode_output(&out)).is_ok() {
                    let _ = fs::rename(&tmp, cf);
                }
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

/// Compares an expected (CPython) run with an actual (krait) run: identical
/// stdout, the same exit status, the same last stderr line. Returns a report
/// with diffs on mismatch.
pub fn compare_runs(expected: &RunOutput, actual: &RunOutput) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut report = String::new();
    if actual.timed_out {
        problems.push("krait timed out".to_string());
    }
    if expected.timed_out {
        problems.push("CPython timed out (the script itself is too slow)".to_string());
    }
    if expected.code != actual.code || expected.signal != actual.signal || expected.timed_out != actual.timed_out {
        problems.push(format!(
            "exit status differs: CPython {}, krait {}",
            expected.status_text(),
            actual.status_text()
        ));
    }
    if expected.stdout != actual.stdout {
        if actual.stdout.is_empty() {
            problems.push("stdout differs (krait wrote nothing to stdout)".to_string());
        } else {
            problems.push("stdout differs".to_string());
        }
        let _ = writeln!(report, "--- stdout (- CPython, + krait)");
        report.push_str(&unified_diff(
            &String::from_utf8_lossy(&expected.stdout),
            &String::from_utf8_lossy(&actual.stdout),
            3,
            60,
        ));
    }
    let (el, al) = (expected.stderr_last_line(), actual.stderr_last_line());
    if el != al {
        problems.push("last line of stderr differs".to_string());
        let _ = writeln!(report, "--- last stderr line\n- {el}\n+ {al}");
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut msg = problems.join("; ");
    msg.push('\n');
    msg.push_str(&report);
    if expected.stderr != actual.stderr {
        let _ = writeln!(msg, "--- CPython stderr (tail)");
        msg.push_str(&tail(&expected.stderr, 8));
        let _ = writeln!(msg, "--- krait stderr (tail)");
        msg.push_str(&tail(&actual.stderr, 8));
    }
    Err(msg)
}

/// The last `n` lines of a buffer, each indented by two spaces.
pub fn tail(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut s = String::new();
    if lines.is_empty() {
        s.push_str("  <empty>\n");
    }
    for l in &lines[start..] {
        let _ = writeln!(s, "  {l}");
    }
    s
}

/// A compact unified-style line diff (LCS based) of two texts, with `context`
/// lines around each change, truncated to about `max_lines` output lines.
pub fn unified_diff(a: &str, b: &str, context: usize, max_lines: usize) -> String {
    let a: Vec<&str> = a.split_inclusive('\n').collect();
    let b: Vec<&str> = b.split_inclusive('\n').collect();
    // Trim the common prefix/suffix so the quadratic part stays small.
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf] {
        suf += 1;
    }
    let am = &a[pre..a.len() - suf];
    let bm = &b[pre..b.len() - suf];
    // ops: (tag, line) with tag ' ', '-', '+'
    let mut ops: Vec<(char, &str)> = Vec::new();
    for l in &a[..pre] {
        ops.push((' ', l));
    }
    if am.len() * bm.len() <= 4_000_000 {
        let (n, m) = (am.len(), bm.len());
        let mut dp = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                dp[i * (m + 1) + j] = if am[i] == bm[j] {
                    dp[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    dp[(i + 1) * (m + 1) + j].max(dp[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push((' ', am[i]));
                i += 1;
                j += 1;
            } else if i < n && (j == m || dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) {
                ops.push(('-', am[i]));
                i += 1;
            } else {
                ops.push(('+', bm[j]));
                j += 1;
            }
        }
    } else {
        for l in am {
            ops.push(('-', l));
        }
        for l in bm {
            ops.push(('+', l));
        }
    }
    for l in &a[a.len() - suf..] {
        ops.push((' ', l));
    }
    // Select lines within `context` of a change.
    let mut keep = vec![false; ops.len()];
    for (k, (t, _)) in ops.iter().enumerate() {
        if *t != ' ' {
            let lo = k.saturating_sub(context);
            let hi = (k + context + 1).min(ops.len());
            for x in keep.iter_mut().take(hi).skip(lo) {
                *x = true;
            }
        }
    }
    let mut out = String::new();
    let mut emitted = 0;
    let (mut la, mut lb) = (1usize, 1usize);
    let mut prev_kept = false;
    for (k, (t, l)) in ops.iter().enumerate() {
        if keep[k] {
            if !prev_kept {
                let _ = writeln!(out, "@@ line {la} (CPython) / {lb} (krait) @@");
            }
            if emitted >= max_lines {
                out.push_str("  ... (diff truncated)\n");
                return out;
            }
            let line = l.strip_suffix('\n').unwrap_or(l);
            let _ = writeln!(out, "{t} {line}");
            if !l.ends_with('\n') {
                out.push_str("\\ no newline at end\n");
            }
            emitted += 1;
        }
        prev_kept = keep[k];
        match t {
            ' ' => {
                la += 1;
                lb += 1;
            }
            '-' => la += 1,
            _ => lb += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Corpus discovery and the xfail list
// ---------------------------------------------------------------------------

/// All `.py` files under `root`, as (test name, path), sorted by name. The
/// name is the path relative to `root`, `/`-separated, without `.py`.
pub fn collect_scripts(root: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            if ft.is_dir() {
                if entry.file_name() != "__pycache__" {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let name = rel
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((name, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Parses an xfail list: one test name per line (a trailing `.py` is
/// dropped), `#` starts a comment, blank lines are ignored.
pub fn parse_xfail(text: &str) -> HashSet<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(".py").unwrap_or(l).to_string())
        .collect()
}

/// Reads `xfail.txt` from a directory (empty if absent).
pub fn read_xfail(dir: &Path) -> HashSet<String> {
    fs::read_to_string(dir.join("xfail.txt"))
        .map(|t| parse_xfail(&t))
        .unwrap_or_default()
}

/// The verdict of one differential test.
#[derive(Debug)]
pub enum Verdict {
    Pass,
    /// Failed and listed in xfail.txt.
    ExpectedFailure(String),
    /// Failed and not listed.
    Fail(String),
    /// Passed although listed in xfail.txt.
    UnexpectedPass,
}

/// Runs one script under CPython (cached) and krait and compares them.
pub fn differential_check(script: &Path, timeout: Duration) -> Result<(), String> {
    let krait = find_krait()?;
    let cpython = find_cpython()?;
    let expected = run_cpython_cached(&cpython, script, timeout)?;
    let spec = RunSpec {
        interpreter: &krait,
        pre_args: &[],
        script,
        args: &[],
        timeout,
        env: &[],
    };
    let actual = run_script(&spec).map_err(|e| format!("cannot run krait ({}): {e}", krait.display()))?;
    compare_runs(&expected, &actual)
}

/// `differential_check` combined with the xfail ratchet.
pub fn differential_verdict(script: &Path, xfail: bool, timeout: Duration) -> Verdict {
    match (differential_check(script, timeout), xfail) {
        (Ok(()), false) => Verdict::Pass,
        (Ok(()), true) => Verdict::UnexpectedPass,
        (Err(m), false) => Verdict::Fail(m),
        (Err(m), true) => Verdict::ExpectedFailure(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xfail_parsing() {
        let s = parse_xfail("# c\n a/b.py  # why\n\nc/d\n");
        assert!(s.contains("a/b") && s.contains("c/d") && s.len() == 2);
    }

    #[test]
    fn diff_shows_change() {
        let d = unified_diff("a\nb\nc\n", "a\nx\nc\n", 1, 50);
        assert!(d.contains("- b\n+ x"), "{d}");
        let d = unified_diff("1\n2\n3\n4\n", "1\n3\n4\n5\n", 0, 50);
        assert!(d.contains("- 2") && d.contains("+ 5") && !d.contains("  3"), "{d}");
    }

    #[test]
    fn cache_roundtrip() {
        let o = RunOutput {
            stdout: b"hi\n".to_vec(),
            stderr: b"E: x\n".to_vec(),
            code: Some(1),
            signal: None,
            timed_out: false,
            elapsed: Duration::ZERO,
        };
        assert_eq!(decode_output(&encode_output(&o)), Some(o));
    }

    #[test]
    fn last_line_skips_blank() {
        assert_eq!(last_line(b"Traceback\nValueError: x\n\n"), "ValueError: x");
    }
}
