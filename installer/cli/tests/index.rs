//! krait-pip against a PEP 503/691 index served on 127.0.0.1 by the test itself.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

struct Index {
    url: String,
    /// Paths requested, in order.
    log: Arc<Mutex<Vec<String>>>,
    /// "STATUS PATH" of every answer, in order.
    answers: Arc<Mutex<Vec<String>>>,
}

/// Serves `wheels` (file name → bytes) as a simple index: JSON when asked for
/// it and `json` is set, HTML otherwise. `bad_hash` names files whose listed hash is wrong.
fn serve(wheels: BTreeMap<String, Vec<u8>>, json: bool, bad_hash: &[&str]) -> Index {
    serve_opts(wheels, json, bad_hash, None)
}

/// As `serve`; pages carry an ETag and are answered 304 when it matches, and
/// with `auth` set every request must carry that Authorization value (else 401).
fn serve_opts(wheels: BTreeMap<String, Vec<u8>>, json: bool, bad_hash: &[&str], auth: Option<String>) -> Index {
    serve_full(wheels, json, bad_hash, auth, None)
}

/// As `serve_opts`; with `max_age`, pages are sent with `Cache-Control: max-age=N`.
fn serve_full(wheels: BTreeMap<String, Vec<u8>>, json: bool, bad_hash: &[&str], auth: Option<String>, max_age: Option<u32>) -> Index {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/simple", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let log2 = log.clone();
    let answers = Arc::new(Mutex::new(Vec::new()));
    let answers2 = answers.clone();
    let bad: Vec<String> = bad_hash.iter().map(|s| s.to_string()).collect();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            // As an HTTP proxy: a CONNECT tunnel, whose request this server answers itself.
            if let Some(target) = first.strip_prefix("CONNECT ") {
                let target = target.split_whitespace().next().unwrap_or("").to_string();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                }
                let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                first.clear();
                if reader.read_line(&mut first).is_err() {
                    continue;
                }
                let path = first.split_whitespace().nth(1).unwrap_or("");
                answers2.lock().unwrap().push(format!("proxied http://{}{path}", target.trim_end_matches(":80")));
            }
            let mut accept = String::new();
            let (mut if_none_match, mut authorization) = (String::new(), String::new());
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
                let lower = h.to_ascii_lowercase();
                if lower.starts_with("accept:") {
                    accept = h.clone();
                }
                if lower.starts_with("if-none-match:") {
                    if_none_match = h[14..].trim().to_string();
                }
                if lower.starts_with("authorization:") {
                    authorization = h[14..].trim().to_string();
                }
            }
            let mut path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
            // As an HTTP proxy, requests name the whole URL.
            if let Some(rest) = path.strip_prefix("http://") {
                path = format!("/{}", rest.split_once('/').map(|x| x.1).unwrap_or(""));
                answers2.lock().unwrap().push(format!("proxied {}", first.split_whitespace().nth(1).unwrap_or("")));
            }
            log2.lock().unwrap().push(path.clone());
            let (status, ctype, body): (&str, &str, Vec<u8>) = if let Some(name) = path.strip_prefix("/simple/").map(|p| p.trim_end_matches('/').to_string()) {
                let files: Vec<(&String, &Vec<u8>)> =
                    wheels.iter().filter(|(f, _)| f.split('-').next().unwrap().replace('_', "-").to_lowercase() == name).collect();
                if files.is_empty() {
                    ("404 Not Found", "text/plain", b"no".to_vec())
                } else if json && accept.contains("application/vnd.pypi.simple.v1+json") {
                    let items: Vec<String> = files
                        .iter()
                        .map(|(f, d)| {
                            let h = if bad.contains(f) { "0".repeat(64) } else { format!("{:x}", Sha256::digest(d)) };
                            format!(r#"{{"filename": "{f}", "url": "/files/{f}", "hashes": {{"sha256": "{h}"}}, "requires-python": ">=3.8", "core-metadata": true, "size": {}}}"#, d.len())
                        })
                        .collect();
                    let body = format!(r#"{{"meta": {{"api-version": "1.1"}}, "name": "{name}", "files": [{}]}}"#, items.join(", "));
                    ("200 OK", "application/vnd.pypi.simple.v1+json", body.into_bytes())
                } else {
                    let mut body = String::from("<!DOCTYPE html><html><body>\n");
                    for (f, d) in files {
                        let h = if bad.contains(f) { "0".repeat(64) } else { format!("{:x}", Sha256::digest(d)) };
                        body.push_str(&format!("<a href=\"../../files/{f}#sha256={h}\" data-requires-python=\"&gt;=3.8\">{f}</a><br/>\n"));
                    }
                    body.push_str("</body></html>\n");
                    ("200 OK", "text/html", body.into_bytes())
                }
            } else if let Some(f) = path.strip_prefix("/files/") {
                if let Some(whl) = f.strip_suffix(".metadata") {
                    match wheels.get(whl) {
                        Some(d) => ("200 OK", "text/plain", metadata_of(d).into_bytes()),
                        None => ("404 Not Found", "text/plain", vec![]),
                    }
                } else {
                    match wheels.get(f) {
                        Some(d) => ("200 OK", "application/octet-stream", d.clone()),
                        None => ("404 Not Found", "text/plain", vec![]),
                    }
                }
            } else {
                ("404 Not Found", "text/plain", vec![])
            };
            let (mut status, mut body) = (status.to_string(), body);
            let etag = format!("\"{:x}\"", Sha256::digest(&body));
            let mut extra = String::new();
            if path.starts_with("/simple/") && status.starts_with("200") {
                extra = format!("ETag: {etag}\r\n");
                if let Some(age) = max_age {
                    extra.push_str(&format!("Cache-Control: max-age={age}, public\r\n"));
                }
                if if_none_match == etag {
                    status = "304 Not Modified".into();
                    body = Vec::new();
                }
            }
            if auth.as_ref().is_some_and(|a| *a != authorization) {
                status = "401 Unauthorized".into();
                body = Vec::new();
                extra = "WWW-Authenticate: Basic realm=\"test\"\r\n".into();
            }
            answers2.lock().unwrap().push(format!("{} {path}", &status[..3]));
            let head = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    Index { url, log, answers }
}

fn metadata_of(wheel: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(wheel.to_vec())).unwrap();
    let name = (0..z.len()).map(|i| z.name_for_index(i).unwrap().unwrap().to_string()).find(|n| n.ends_with(".dist-info/METADATA")).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name(&name).unwrap(), &mut s).unwrap();
    s
}

fn wheels(dir: &std::path::Path, specs: Vec<WheelSpec>) -> BTreeMap<String, Vec<u8>> {
    specs.into_iter().map(|w| (w.filename(), std::fs::read(w.build(dir)).unwrap())).collect()
}

fn project(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    wheels(
        dir,
        vec![
            WheelSpec::new("app", "1.0").file("app.py", "V = 1\n").requires("lib>=1.0"),
            WheelSpec::new("app", "2.0").file("app.py", "import lib\nV = 2\n").requires("lib>=2.0").requires("winlib; sys_platform == 'win32'"),
            WheelSpec::new("lib", "1.0").file("lib.py", "L = 1\n"),
            WheelSpec::new("lib", "2.0").file("lib.py", "L = 2\n"),
            WheelSpec::new("lib", "3.0b1").file("lib.py", "L = 3\n"),
        ],
    )
}

#[test]
fn resolves_and_installs_from_html_and_json_indexes() {
    for json in [false, true] {
        let tmp = tempfile::tempdir().unwrap();
        let idx = serve(project(tmp.path()), json, &[]);
        let target = tmp.path().join("t");
        let cache = tmp.path().join("cache");
        let out = ok(&krait_pip(&[
            "install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", cache.to_str().unwrap(),
            "--target", target.to_str().unwrap(), "app",
        ]));
        assert!(out.contains("Successfully installed app-2.0 lib-2.0"), "json={json}: {out}");
        let o = python(&["-c", "import app, lib; print(app.V, lib.L)"], Some(&target));
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2 2");
        let log = idx.log.lock().unwrap().clone();
        assert!(log.contains(&"/simple/app/".to_string()) && log.contains(&"/simple/lib/".to_string()), "{log:?}");
        if json {
            // PEP 658: metadata came from .metadata files; only chosen wheels were downloaded.
            assert!(log.iter().any(|p| p.ends_with(".whl.metadata")), "{log:?}");
            assert!(!log.contains(&"/files/lib-3.0b1-py3-none-any.whl".to_string()), "{log:?}");
        }
        // Only the dependency is left to the resolver's preference: --pre takes the beta.
        let out = ok(&krait_pip(&[
            "install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", cache.to_str().unwrap(),
            "--target", target.to_str().unwrap(), "--pre", "-U", "lib",
        ]));
        assert!(out.contains("Successfully installed lib-3.0b1"), "{out}");
    }
}

#[test]
fn conflicts_and_missing_versions_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve(project(tmp.path()), true, &[]);
    let target = tmp.path().join("t");
    let cache = tmp.path().join("cache");
    let base = ["install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", cache.to_str().unwrap(), "--target", target.to_str().unwrap()];
    let mut args = base.to_vec();
    args.extend(["app==2.0", "lib<2"]);
    let out = krait_pip(&args);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ResolutionImpossible") && err.contains("app") && err.contains("lib"), "{err}");
    assert!(!target.exists() || tree(&target).is_empty());

    let mut args = base.to_vec();
    args.push("nosuchthing");
    let err = String::from_utf8_lossy(&krait_pip(&args).stderr).to_string();
    assert!(err.contains("Could not find a version that satisfies the requirement nosuchthing (from versions: none)"), "{err}");

    // --no-deps installs only what was asked.
    let mut args = base.to_vec();
    args.extend(["--no-deps", "app==1.0"]);
    let out = ok(&krait_pip(&args));
    assert!(out.contains("Successfully installed app-1.0\n"), "{out}");
}

#[test]
fn index_hash_mismatch_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve(project(tmp.path()), false, &["lib-2.0-py3-none-any.whl"]);
    let target = tmp.path().join("t");
    let out = krait_pip(&[
        "install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", tmp.path().join("c").to_str().unwrap(),
        "--target", target.to_str().unwrap(), "lib==2.0",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("DO NOT MATCH THE HASHES"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!target.join("lib.py").exists());
}

/// Needs the network: installs a real package from PyPI into a venv.
#[test]
#[ignore = "needs network access to pypi.org"]
fn installs_from_pypi() {
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("v"));
    let out = ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--cache-dir", tmp.path().join("c").to_str().unwrap(), "six==1.16.0"]));
    assert!(out.contains("Successfully installed six-1.16.0"), "{out}");
    let o = std::process::Command::new(&py).args(["-c", "import six; print(six.__version__)"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "1.16.0");
}

#[test]
fn wheel_cache_is_reused_listed_and_emptied() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve(project(tmp.path()), true, &[]);
    let cache = tmp.path().join("cache");
    let c = cache.to_str().unwrap();
    let install = |target: &str| {
        krait_pip(&["install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", c, "--target", tmp.path().join(target).to_str().unwrap(), "app"])
    };
    let out = ok(&install("t1"));
    // Without a terminal, downloads are reported as plain lines.
    assert!(out.contains("  Downloading app-2.0-py3-none-any.whl\n") && out.contains("  Downloading lib-2.0-py3-none-any.whl\n"), "{out}");
    let files = |log: &Vec<String>| log.iter().filter(|p| p.ends_with(".whl")).count();
    assert_eq!(files(&idx.log.lock().unwrap()), 2);
    // A second install into another folder downloads nothing.
    let out = ok(&install("t2"));
    assert!(out.contains("  Using cached lib-2.0-py3-none-any.whl\n"), "{out}");
    assert_eq!(files(&idx.log.lock().unwrap()), 2);
    // An index's wheel is unpacked straight from the download: it is not kept whole.
    assert!(std::fs::read_dir(cache.join("wheels")).map_or(true, |mut d| d.next().is_none()));
    // An unpacked copy damaged in place is not installed: the wheel is fetched again.
    let lib_py = std::fs::read_dir(cache.join("unpacked")).unwrap().flatten().map(|e| e.path().join("lib.py")).find(|p| p.exists()).unwrap();
    std::fs::remove_file(&lib_py).unwrap();
    std::fs::write(&lib_py, "L = 0\n").unwrap();
    ok(&install("t4"));
    assert_eq!(files(&idx.log.lock().unwrap()), 3);
    assert_eq!(std::fs::read_to_string(tmp.path().join("t4/lib.py")).unwrap(), "L = 2\n");

    let k = |args: &[&str]| ok(&krait_pip(&[&["cache", "--cache-dir", c][..], args].concat()));
    assert_eq!(k(&["dir"]), format!("{}\n", cache.display()));
    let info = k(&["info"]);
    assert!(info.contains(&format!("Wheels location: {}\n", cache.join("wheels").display())) && info.contains("Number of wheels: 2\n"), "{info}");
    let list = k(&["list"]);
    assert!(list.starts_with("Cache contents:\n\n - app-2.0-py3-none-any.whl ("), "{list}");
    assert!(list.contains("\n - lib-2.0-py3-none-any.whl ("), "{list}");
    assert_eq!(k(&["list", "lib"]).lines().filter(|l| l.starts_with(" - ")).count(), 1);
    let abs = k(&["list", "--format", "abspath", "app"]);
    // An index's wheel is kept unpacked (never whole): its folder is listed.
    assert!(abs.trim().starts_with(cache.join("unpacked").to_str().unwrap()) && std::path::Path::new(abs.trim()).join(".krait-manifest.json").exists(), "{abs}");
    assert_eq!(k(&["remove", "lib"]), "Files removed: 1\n");
    assert_eq!(k(&["list", "lib"]), "No cached wheels.\n");
    let o = krait_pip(&["cache", "--cache-dir", c, "remove", "nothing"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("WARNING: No matching packages for pattern \"nothing\""));
    ok(&install("t3"));
    assert_eq!(files(&idx.log.lock().unwrap()), 4, "only lib is fetched again");
    let purged = k(&["purge"]);
    assert!(purged.starts_with("Files removed: "), "{purged}");
    assert_eq!(k(&["list"]), "No cached wheels.\n");
    let o = krait_pip(&["cache", "--cache-dir", c, "frobnicate"]);
    assert!(!o.status.success());
}

#[test]
fn outdated_packages_from_an_index() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve(project(tmp.path()), false, &[]);
    let target = tmp.path().join("t");
    let t = target.to_str().unwrap();
    let c = tmp.path().join("c");
    ok(&krait_pip(&["install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", c.to_str().unwrap(), "--target", t, "app==1.0", "lib==1.0"]));
    let list = |extra: &[&str]| ok(&krait_pip(&[&["list", "--python", "python3.11", "--path", t, "--index-url", &idx.url][..], extra].concat()));
    assert_eq!(list(&["--outdated"]), "Package Version Latest Type\n------- ------- ------ -----\napp     1.0     2.0    wheel\nlib     1.0     2.0    wheel\n");
    assert_eq!(list(&["--outdated", "--pre", "--format", "json"]), "[{\"name\": \"app\", \"version\": \"1.0\", \"latest_version\": \"2.0\", \"latest_filetype\": \"wheel\"}, {\"name\": \"lib\", \"version\": \"1.0\", \"latest_version\": \"3.0b1\", \"latest_filetype\": \"wheel\"}]\n");
    assert_eq!(list(&["--uptodate"]), "");
}

#[test]
fn index_pages_are_revalidated_with_their_etag() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve(project(tmp.path()), true, &[]);
    let c = tmp.path().join("c");
    let run = |t: &str| ok(&krait_pip(&["install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", c.to_str().unwrap(), "--target", tmp.path().join(t).to_str().unwrap(), "--dry-run", "app"]));
    assert!(run("a").contains("Would install app-2.0 lib-2.0"));
    assert!(run("b").contains("Would install app-2.0 lib-2.0"));
    let answers = idx.answers.lock().unwrap().clone();
    let pages: Vec<&String> = answers.iter().filter(|a| a.contains("/simple/")).collect();
    assert_eq!(pages, vec!["200 /simple/app/", "200 /simple/lib/", "304 /simple/app/", "304 /simple/lib/"], "{answers:?}");
    assert!(c.join("http").is_dir());
    let info = ok(&krait_pip(&["cache", "--cache-dir", c.to_str().unwrap(), "info"]));
    assert!(info.contains("Number of HTTP files: 2\n"), "{info}");
}

#[test]
fn credentials_from_the_url_or_netrc() {
    let tmp = tempfile::tempdir().unwrap();
    // "Basic " + base64("me:s3cret")
    let idx = serve_opts(project(tmp.path()), false, &[], Some("Basic bWU6czNjcmV0".into()));
    let c = tmp.path().join("c");
    let args = |url: &str, t: &str| -> Vec<String> {
        ["install", "--python", "python3.11", "--index-url", url, "--cache-dir", c.to_str().unwrap(), "--target", tmp.path().join(t).to_str().unwrap(), "lib==1.0"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let run = |a: Vec<String>, netrc: Option<&str>| {
        let refs: Vec<&str> = a.iter().map(|s| s.as_str()).collect();
        let mut vars = vec![("HOME", home.to_str().unwrap())];
        if let Some(n) = netrc {
            vars.push(("NETRC", n));
        }
        krait_pip_env(&refs, &vars)
    };
    // Without credentials: refused, with a hint.
    let o = run(args(&idx.url, "t0"), None);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("401"), "{}", String::from_utf8_lossy(&o.stderr));
    // In the URL (used for the downloads from the same host too).
    let with = idx.url.replace("http://", "http://me:s3cret@");
    assert!(ok(&run(args(&with, "t1"), None)).contains("Successfully installed lib-1.0"));
    // From a netrc file.
    let netrc = tmp.path().join("netrc");
    std::fs::write(&netrc, "machine 127.0.0.1\n  login me\n  password s3cret\n").unwrap();
    assert!(ok(&run(args(&idx.url, "t2"), Some(netrc.to_str().unwrap()))).contains("Successfully installed lib-1.0"));
    // ~/.netrc when NETRC is not set; wrong credentials are refused.
    std::fs::write(home.join(".netrc"), "default login me password wrong\n").unwrap();
    assert!(!run(args(&idx.url, "t3"), None).status.success());
}

#[test]
fn progress_bars_on_a_terminal() {
    // `script` gives krait-pip a terminal; without one the same run prints plain lines.
    if std::process::Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // A wheel big enough to be drawn while it downloads (random bytes do not compress).
    let mut noise = Vec::with_capacity(8 << 20);
    let mut x: u64 = 0x9e3779b97f4a7c15;
    while noise.len() < 8 << 20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        noise.extend_from_slice(&x.to_le_bytes());
    }
    let mut spec = WheelSpec::new("big", "1.0");
    spec.files.push(("big.bin".into(), noise));
    let idx = serve(wheels(tmp.path(), vec![spec]), true, &[]);
    let cmd = format!(
        "PIP_CONFIG_FILE=/dev/null {} install --python python3.11 --index-url {} --cache-dir {} --target {} big",
        env!("CARGO_BIN_EXE_krait-pip"),
        idx.url,
        tmp.path().join("c").display(),
        tmp.path().join("t").display()
    );
    let o = std::process::Command::new("script").args(["-qec", &cmd, "/dev/null"]).env("TERM", "xterm").output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("Successfully installed big-1.0"), "{text}");
    assert!(!text.contains("Downloading big-1.0"), "{text}");
    assert!(text.contains("big-1.0-py3-none-any.whl") && text.contains("\u{1b}["), "no progress bar drawn: {text:?}");
    // The installation has its own bar (drawn at once, before the first wheel is done).
    assert!(text.contains("Installing") && text.contains("0/1"), "no installation bar: {text:?}");
    // --progress-bar off: plain lines on the terminal too (pip's CI flags are accepted).
    let cmd = cmd.replace(" big", " --progress-bar off --no-warn-script-location --root-user-action=ignore --no-compile --force-reinstall big");
    let o = std::process::Command::new("script").args(["-qec", &cmd, "/dev/null"]).env("TERM", "xterm").output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Successfully installed big-1.0") && text.contains("Using cached big-1.0-py3-none-any.whl"), "{text}");
    assert!(!text.contains("0/1"), "{text:?}");
}

#[test]
fn requirements_files_by_url() {
    let tmp = tempfile::tempdir().unwrap();
    let mut files = project(tmp.path());
    // Served under /files/; the nested file is found relative to the first one's URL.
    files.insert("top.txt".into(), b"-r inner.txt\nlib==1.0\n".to_vec());
    files.insert("inner.txt".into(), b"app<2\n".to_vec());
    let idx = serve(files, false, &[]);
    let base = idx.url.trim_end_matches("/simple").to_string();
    let t = tmp.path().join("t");
    let out = ok(&krait_pip(&[
        "install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", tmp.path().join("c").to_str().unwrap(),
        "--target", t.to_str().unwrap(), "-r", &format!("{base}/files/top.txt"),
    ]));
    assert!(out.contains("Successfully installed app-1.0 lib-1.0"), "{out}");
    let o = krait_pip(&["install", "--python", "python3.11", "--index-url", &idx.url, "--target", t.to_str().unwrap(), "-r", &format!("{base}/files/missing.txt")]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("Could not open requirements file:") && String::from_utf8_lossy(&o.stderr).contains("404"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn no_cache_dir_leaves_no_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve(project(tmp.path()), true, &[]);
    let cache = tmp.path().join("cache");
    for (i, vars) in [vec![], vec![("PIP_NO_CACHE_DIR", "false")]].into_iter().enumerate() {
        let t = tmp.path().join(format!("t{i}"));
        let mut args = vec!["install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", cache.to_str().unwrap(), "--target", t.to_str().unwrap(), "app"];
        if vars.is_empty() {
            args.push("--no-cache-dir");
        }
        let out = ok(&krait_pip_env(&args, &vars));
        assert!(out.contains("Successfully installed app-2.0 lib-2.0"), "{out}");
        assert!(t.join("app.py").exists() && t.join("lib.py").exists());
        // Only the lock lives in the cache; nothing was kept.
        for sub in ["wheels", "unpacked", "http"] {
            assert!(!cache.join(sub).exists(), "{sub} was cached");
        }
    }
    assert_eq!(idx.log.lock().unwrap().iter().filter(|p| p.ends_with(".whl")).count(), 4);
}

#[test]
fn requests_go_through_a_proxy() {
    let tmp = tempfile::tempdir().unwrap();
    let proxy = serve(project(tmp.path()), false, &[]);
    let proxy_url = proxy.url.trim_end_matches("/simple").to_string();
    let t = tmp.path().join("t");
    // The index's host does not exist: only the proxy can answer.
    // (Plain HTTP to a host other than this machine needs --trusted-host, as with pip.)
    let out = ok(&krait_pip(&[
        "install", "--python", "python3.11", "--index-url", "http://index.invalid/simple", "--proxy", &proxy_url, "--retries", "0",
        "--trusted-host", "index.invalid", "--cache-dir", tmp.path().join("c").to_str().unwrap(), "--target", t.to_str().unwrap(), "lib==1.0",
    ]));
    assert!(out.contains("Successfully installed lib-1.0"), "{out}");
    let answers = proxy.answers.lock().unwrap().clone();
    assert!(answers.contains(&"proxied http://index.invalid/simple/lib/".to_string()), "{answers:?}");
    assert!(answers.contains(&"proxied http://index.invalid/files/lib-1.0-py3-none-any.whl".to_string()), "{answers:?}");
}

#[test]
fn plain_http_hosts_are_ignored_unless_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let proxy = serve(project(tmp.path()), false, &[]);
    let proxy_url = proxy.url.trim_end_matches("/simple").to_string();
    let run = |extra: &[&str], vars: &[(&str, &str)]| {
        let t = tmp.path().join("t");
        let c = tmp.path().join("c");
        let _ = std::fs::remove_dir_all(&t);
        let mut args = vec![
            "install", "--python", "python3.11", "--index-url", "http://index.invalid:8080/simple", "--proxy", &proxy_url, "--retries", "0",
            "--cache-dir", c.to_str().unwrap(), "--target", t.to_str().unwrap(), "lib==1.0",
        ];
        args.extend_from_slice(extra);
        krait_pip_env(&args, vars)
    };
    // pip's warning, and the index is not asked.
    let o = run(&[], &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("WARNING: The repository located at index.invalid is not a trusted or secure host and is being ignored. If this repository is available via HTTPS we recommend you use HTTPS instead, otherwise you may silence this warning and allow it anyway with '--trusted-host index.invalid'."),
        "{err}"
    );
    assert!(err.contains("ERROR: Could not find a version that satisfies the requirement lib==1.0 (from versions: none)"), "{err}");
    assert!(proxy.answers.lock().unwrap().is_empty(), "{:?}", proxy.answers.lock().unwrap());
    // Another port of the host is not trusted; the host alone, host:port,
    // PIP_TRUSTED_HOST and a requirements file's --trusted-host are.
    assert!(!run(&["--trusted-host", "index.invalid:9999"], &[]).status.success());
    assert!(ok(&run(&["--trusted-host", "index.invalid"], &[])).contains("Successfully installed lib-1.0"));
    assert!(ok(&run(&["--trusted-host", "index.invalid:8080"], &[])).contains("Successfully installed lib-1.0"));
    assert!(ok(&run(&[], &[("PIP_TRUSTED_HOST", "other.invalid index.invalid")])).contains("Successfully installed lib-1.0"));
    let reqs = tmp.path().join("reqs.txt");
    std::fs::write(&reqs, "--trusted-host index.invalid:8080\n").unwrap();
    assert!(ok(&run(&["-r", reqs.to_str().unwrap()], &[])).contains("Successfully installed lib-1.0"));
    assert!(proxy.answers.lock().unwrap().contains(&"proxied http://index.invalid:8080/simple/lib/".to_string()));
}

/// An HTTPS server (python3.11's http.server) with a self-signed
/// certificate, serving `dir`; returns it and its port.
fn https_server(dir: &std::path::Path) -> (std::process::Child, u16) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let script = r#"
import functools, http.server, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[2], sys.argv[3])
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print(srv.server_address[1], flush=True)
srv.serve_forever()
"#;
    let mut child = std::process::Command::new("python3.11")
        .args(["-c", script])
        .arg(dir)
        .arg(fixtures.join("self-signed-cert.pem"))
        .arg(fixtures.join("self-signed-key.pem"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    (child, line.trim().parse().unwrap())
}

#[test]
fn trusted_hosts_are_not_asked_for_valid_certificates() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(site.join("simple/lib")).unwrap();
    let whl = WheelSpec::new("lib", "1.0").file("lib.py", "").build(&site);
    let name = whl.file_name().unwrap().to_string_lossy().to_string();
    std::fs::write(site.join("simple/lib/index.html"), format!("<a href=\"../../{name}\">{name}</a>\n")).unwrap();
    let (mut server, port) = https_server(&site);
    let url = format!("https://127.0.0.1:{port}/simple");
    let run = |extra: &[&str]| {
        let t = tmp.path().join("t");
        let _ = std::fs::remove_dir_all(&t);
        let mut args = vec!["install", "--python", "python3.11", "--index-url", &url, "--retries", "0", "--no-cache-dir", "--target", t.to_str().unwrap(), "lib"];
        args.extend_from_slice(extra);
        krait_pip(&args)
    };
    let refused = run(&[]);
    let trusted = run(&["--trusted-host", "127.0.0.1"]);
    let with_port = run(&["--trusted-host", &format!("127.0.0.1:{port}")]);
    let _ = server.kill();
    let _ = server.wait();
    assert!(!refused.status.success(), "a self-signed certificate was accepted");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.to_lowercase().contains("certificate") || err.contains("UnknownIssuer"), "{err}");
    assert!(ok(&trusted).contains("Successfully installed lib-1.0"));
    assert!(ok(&with_port).contains("Successfully installed lib-1.0"));
}

#[test]
fn keyring_subprocess_provider() {
    let tmp = tempfile::tempdir().unwrap();
    // "Basic " + base64("me:s3cret")
    let idx = serve_opts(project(tmp.path()), true, &[], Some("Basic bWU6czNjcmV0".into()));
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = tmp.path().join("keyring.log");
    let host = idx.url.trim_start_matches("http://").split('/').next().unwrap().to_string();
    // A keyring that knows the password of "me" for the index URL only, or for the host only.
    let script = |service: &str| {
        format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\nif [ \"$1\" = get ] && [ \"$2\" = '{service}' ] && [ \"$3\" = me ]; then echo s3cret; exit 0; fi\nexit 1\n",
            log.display()
        )
    };
    let keyring = bin.join("keyring");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let with_user = idx.url.replace("http://", "http://me@");
    let run = |t: &str, provider: &str| {
        krait_pip_env(
            &["install", "--python", "python3.11", "--index-url", &with_user, "--keyring-provider", provider, "--no-cache-dir", "--target", tmp.path().join(t).to_str().unwrap(), "lib==1.0"],
            &[("PATH", &path)],
        )
    };
    let install = |mode: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&keyring, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    std::fs::write(&keyring, script(&format!("{}/", idx.url))).unwrap();
    install(0o755);
    // Not asked unless the provider is "subprocess".
    for provider in ["auto", "disabled"] {
        let o = run("t0", provider);
        assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("401"), "{provider}");
    }
    assert!(!log.exists(), "keyring was run");
    // Asked once (the answer is kept for the host), for the index URL first.
    assert!(ok(&run("t1", "subprocess")).contains("Successfully installed lib-1.0"));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("get {}/ me\n", idx.url));
    // Then for host:port.
    std::fs::remove_file(&log).unwrap();
    std::fs::write(&keyring, script(&host)).unwrap();
    assert!(ok(&run("t2", "subprocess")).contains("Successfully installed lib-1.0"));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("get {}/ me\nget {host} me\n", idx.url));
    // A keyring that knows nothing: the 401 stands.
    std::fs::write(&keyring, script("elsewhere")).unwrap();
    let o = run("t3", "subprocess");
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("401"));
}

#[test]
fn fresh_pages_and_known_metadata_are_not_fetched_again() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = serve_full(project(tmp.path()), true, &[], None, Some(600));
    let c = tmp.path().join("c");
    let run = |t: &str| ok(&krait_pip(&["install", "--python", "python3.11", "--index-url", &idx.url, "--cache-dir", c.to_str().unwrap(), "--target", tmp.path().join(t).to_str().unwrap(), "app"]));
    assert!(run("a").contains("Successfully installed app-2.0 lib-2.0"));
    let first = idx.log.lock().unwrap().len();
    assert!(first > 0);
    // Pages younger than their max-age, METADATA and wheels all come from the cache.
    assert!(run("b").contains("Successfully installed app-2.0 lib-2.0"));
    assert_eq!(idx.log.lock().unwrap().len(), first, "{:?}", idx.log.lock().unwrap());
    // A page past its max-age is revalidated.
    for e in walk(&c.join("http")) {
        let text = std::fs::read_to_string(&e).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["fetched"] = serde_json::json!(0);
        std::fs::write(&e, v.to_string()).unwrap();
    }
    assert!(run("c").contains("Successfully installed app-2.0 lib-2.0"));
    let answers = idx.answers.lock().unwrap().clone();
    assert_eq!(answers.iter().filter(|a| a.starts_with("304 ")).count(), 2, "{answers:?}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}
