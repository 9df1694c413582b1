//! Acceptance test: krait's compiler accepts exactly the `.py` files of
//! CPython 3.11's `Lib/` (with `Lib/test/`) that CPython's own `compile()`
//! accepts. CPython's verdicts come from one python3.11 process.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn python() -> String {
    std::env::var("KRAIT_PYTHON311").unwrap_or_else(|_| "python3.11".into())
}

fn stdlib_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("KRAIT_CPYTHON_LIB") {
        return Some(PathBuf::from(d));
    }
    let out = Command::new(python()).args(["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    p.is_dir().then_some(p)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, excluded: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let ft = match e.file_type() {
            Ok(t) => t,
            Err(_) => continue,
        };
        if ft.is_dir() {
            // Third-party packages installed into the interpreter are not CPython's Lib/.
            if p.file_name().map(|n| n == "site-packages" || n == "__pycache__").unwrap_or(false) {
                excluded.push(p);
                continue;
            }
            walk(&p, out, excluded);
        } else if p.extension().map(|x| x == "py").unwrap_or(false) {
            out.push(p);
        }
    }
}

#[test]
fn cpython_lib_acceptance() {
    let allow_missing = std::env::var("KRAIT_ALLOW_NO_CPYTHON_TESTS").map(|v| v == "1").unwrap_or(false);
    let Some(lib) = stdlib_dir() else {
        eprintln!("cpython_lib: python3.11 or its stdlib not found (set KRAIT_PYTHON311 / KRAIT_CPYTHON_LIB)");
        assert!(allow_missing, "CPython 3.11's Lib/ is required (KRAIT_ALLOW_NO_CPYTHON_TESTS=1 to skip)");
        return;
    };
    if !lib.join("test").join("test_grammar.py").exists() {
        eprintln!("cpython_lib: {} has no test package (Debian: install libpython3.11-testsuite)", lib.display());
        assert!(allow_missing, "Lib/test is missing (KRAIT_ALLOW_NO_CPYTHON_TESTS=1 to run without it)");
    }
    let mut files = vec![];
    let mut excluded = vec![];
    walk(&lib, &mut files, &mut excluded);
    for e in &excluded {
        if e.file_name().map(|n| n == "site-packages").unwrap_or(false) {
            eprintln!("cpython_lib: not compiling {} (third-party packages)", e.display());
        }
    }
    assert!(files.len() > 500, "too few files under {}", lib.display());

    // CPython's verdicts.
    let t0 = Instant::now();
    let script = r#"
import sys
for line in sys.stdin:
    p = line.rstrip('\n')
    try:
        with open(p, 'rb') as f:
            compile(f.read(), p, 'exec', dont_inherit=True)
    except BaseException as e:
        print(p + '\t' + type(e).__name__ + ': ' + str(e).replace('\n', ' '))
"#;
    let mut child = Command::new(python()).args(["-X", "utf8", "-W", "ignore", "-c", script]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("run python3.11");
    {
        let mut stdin = child.stdin.take().unwrap();
        for f in &files {
            writeln!(stdin, "{}", f.display()).unwrap();
        }
    }
    let out = child.wait_with_output().expect("python3.11 output");
    let cpy_time = t0.elapsed();
    let mut cpython_rejects = std::collections::BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some((p, why)) = line.split_once('\t') {
            cpython_rejects.insert(PathBuf::from(p), why.to_owned());
        }
    }

    // krait's verdicts, on two threads.
    let t1 = Instant::now();
    let results: Vec<(PathBuf, Result<(), String>)> = std::thread::scope(|s| {
        let chunks: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(2)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|p| {
                            let bytes = std::fs::read(p).unwrap();
                            let name = p.display().to_string();
                            let r = krait_compiler::decode_source(&bytes, &name)
                                .and_then(|src| krait_compiler::compile(&src, &name, krait_bytecode::Mode::Exec, &Default::default()))
                                .map(|_| ())
                                .map_err(|e| format!("{:?}: {} (line {})", e.kind, e.msg, e.lineno));
                            (p.clone(), r)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let krait_time = t1.elapsed();

    let mut wrong_accept = vec![];
    let mut wrong_reject = vec![];
    let mut internal = vec![];
    let mut krait_rejects = 0;
    for (p, r) in &results {
        if let Err(msg) = r {
            krait_rejects += 1;
            if msg.contains("internal compiler error") {
                internal.push(format!("{}: {}", p.display(), msg));
            }
        }
        match (r, cpython_rejects.get(p)) {
            (Ok(()), Some(why)) => wrong_accept.push(format!("{} (CPython: {})", p.display(), why)),
            (Err(msg), None) => wrong_reject.push(format!("{}: {}", p.display(), msg)),
            _ => {}
        }
    }
    eprintln!(
        "cpython_lib: {} files under {}; CPython rejects {} ({:.1}s); krait rejects {} ({:.1}s); wrongly accepted {}, wrongly rejected {}",
        files.len(),
        lib.display(),
        cpython_rejects.len(),
        cpy_time.as_secs_f64(),
        krait_rejects,
        krait_time.as_secs_f64(),
        wrong_accept.len(),
        wrong_reject.len()
    );
    for w in &wrong_accept {
        eprintln!("  wrongly accepted: {}", w);
    }
    for w in &wrong_reject {
        eprintln!("  wrongly rejected: {}", w);
    }
    for w in &internal {
        eprintln!("  internal error: {}", w);
    }
    assert!(wrong_accept.is_empty() && wrong_reject.is_empty(), "krait's verdicts differ from CPython's on {} files", wrong_accept.len() + wrong_reject.len());
}
