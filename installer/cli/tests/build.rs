//! Source builds (PEP 517/660): source trees, sdists from find-links, files
//! and URLs, editables, build isolation, byte-compiling. Projects are
//! written by the tests; setuptools comes from python3.11's ensurepip
//! bundle and `wheel` (which setuptools 65 needs) is downloaded from PyPI
//! once into the build folder.

mod common;
use common::*;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A folder with setuptools and wheel wheels, for `--no-index -f`.
fn backends() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-backends");
    let has = |prefix: &str| fs::read_dir(&dir).map(|rd| rd.flatten().any(|e| e.file_name().to_string_lossy().starts_with(prefix))).unwrap_or(false);
    if has("setuptools-") && has("wheel-") {
        return dir;
    }
    // Filled in a folder of its own, then renamed into place whole.
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("build-backends.tmp{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).unwrap();
    let o = Command::new("python3.11").args(["-c", "import ensurepip, os; print(os.path.join(os.path.dirname(ensurepip.__file__), '_bundled'))"]).output().unwrap();
    let bundled = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
    for e in fs::read_dir(&bundled).unwrap().flatten() {
        if e.file_name().to_string_lossy().starts_with("setuptools-") {
            fs::copy(e.path(), tmp.join(e.file_name())).unwrap();
        }
    }
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-backends-cache");
    ok(&krait_pip(&["download", "--python", "python3.11", "--no-deps", "wheel==0.45.1", "-d", tmp.to_str().unwrap(), "--cache-dir", cache.to_str().unwrap()]));
    if fs::rename(&tmp, &dir).is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    dir
}

/// krait-pip run in `cwd`, with the test cache and no pip configuration.
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_krait-pip"));
    c.args(args).current_dir(cwd).env_remove("VIRTUAL_ENV").env("PIP_CONFIG_FILE", "/dev/null");
    c.env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("krait-pip-test-cache"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PIP_") {
            c.env_remove(k);
        }
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn py_out(py: &Path, code: &str) -> String {
    let o = Command::new(py).args(["-c", code]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

/// A setuptools project (pyproject.toml only) with a console script.
fn setuptools_project(dir: &Path, name: &str, version: &str, deps: &[&str]) {
    fs::create_dir_all(dir.join(name)).unwrap();
    let deps: Vec<String> = deps.iter().map(|d| format!("\"{d}\"")).collect();
    fs::write(
        dir.join("pyproject.toml"),
        format!(
            "[build-system]\nrequires = [\"setuptools>=40.8.0\"]\nbuild-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"{name}\"\nversion = \"{version}\"\ndependencies = [{}]\n\n[project.scripts]\n{name}-hello = \"{name}:hello\"\n",
            deps.join(", ")
        ),
    )
    .unwrap();
    fs::write(dir.join(name).join("__init__.py"), format!("VERSION = '{version}'\ndef hello():\n    print('hello from {name}')\n")).unwrap();
    fs::write(dir.join(name).join("util.py"), "X = 1\n").unwrap();
}

/// `dir` packed as an sdist `name-version.tar.gz` (one leading folder) in `out`.
fn sdist(dir: &Path, name: &str, version: &str, out: &Path) -> PathBuf {
    let top = format!("{name}-{version}");
    let path = out.join(format!("{top}.tar.gz"));
    let o = Command::new("tar").arg("-C").arg(dir.parent().unwrap()).arg("-czf").arg(&path).arg(format!("--transform=s,^{},{top},", dir.file_name().unwrap().to_string_lossy())).arg(dir.file_name().unwrap()).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    path
}

fn site_packages(venv: &Path) -> PathBuf {
    venv.join("lib/python3.11/site-packages")
}

#[test]
fn source_tree_is_built_installed_and_byte_compiled() {
    let links = backends();
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("v"));
    setuptools_project(&tmp.path().join("proj"), "demo", "0.1", &[]);
    let base = ["install", "--python", py.to_str().unwrap(), "--no-index", "-f", links.to_str().unwrap()];
    let out = ok(&run_in(tmp.path(), &[&base[..], &["./proj"]].concat()));
    assert!(out.contains("Processing ./proj") && out.contains("Building wheel for demo (pyproject.toml) ... done"), "{out}");
    assert!(out.contains("Successfully installed demo-0.1"), "{out}");
    // The build environment held setuptools; the target did not get it.
    assert!(!site_packages(&tmp.path().join("v")).join("setuptools").exists());
    assert_eq!(py_out(&py, "import demo; print(demo.VERSION)"), "0.1");
    let o = Command::new(tmp.path().join("v/bin/demo-hello")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "hello from demo");
    // Byte-compiled by the target interpreter, the .pyc files in RECORD.
    let sp = site_packages(&tmp.path().join("v"));
    let record = fs::read_to_string(sp.join("demo-0.1.dist-info/RECORD")).unwrap();
    for f in ["demo/__pycache__/__init__.cpython-311.pyc", "demo/__pycache__/util.cpython-311.pyc"] {
        assert!(record.lines().any(|l| l.starts_with(&format!("{f},sha256="))), "{record}");
        assert!(sp.join(f).is_file(), "{f}");
    }
    let du = fs::read_to_string(sp.join("demo-0.1.dist-info/direct_url.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&du).unwrap();
    assert_eq!(v["dir_info"], serde_json::json!({}));
    assert!(v["url"].as_str().unwrap().starts_with("file:///") && v["url"].as_str().unwrap().ends_with("/proj"), "{du}");
    // A local folder is built and installed again every time (as pip does).
    let out = ok(&run_in(tmp.path(), &[&base[..], &["-q", "proj/"]].concat()));
    assert!(out.is_empty(), "{out}");
    // Uninstalling removes the .pyc files and their folders too.
    ok(&krait_pip(&["uninstall", "--python", py.to_str().unwrap(), "-y", "demo"]));
    assert!(!sp.join("demo").exists(), "{:?}", tree(&sp));
    // --no-compile writes none.
    ok(&run_in(tmp.path(), &[&base[..], &["--no-compile", "./proj"]].concat()));
    assert!(!sp.join("demo/__pycache__").exists());
    assert!(!fs::read_to_string(sp.join("demo-0.1.dist-info/RECORD")).unwrap().contains(".pyc"));
}

#[test]
fn editable_install_sees_changes_without_reinstalling() {
    let links = backends();
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("v"));
    let proj = tmp.path().join("proj");
    setuptools_project(&proj, "edit", "1.0", &[]);
    let out = ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "-f", links.to_str().unwrap(), "-e", proj.to_str().unwrap()]));
    assert!(out.contains("Obtaining") && out.contains("Building editable for edit (pyproject.toml) ... done") && out.contains("Successfully installed edit-1.0"), "{out}");
    assert_eq!(py_out(&py, "import edit; print(edit.VERSION)"), "1.0");
    fs::write(proj.join("edit/__init__.py"), "VERSION = 'changed'\ndef hello():\n    print('changed hello')\n").unwrap();
    assert_eq!(py_out(&py, "import edit; print(edit.VERSION)"), "changed");
    let o = Command::new(tmp.path().join("v/bin/edit-hello")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "changed hello");
    let sp = site_packages(&tmp.path().join("v"));
    let du: serde_json::Value = serde_json::from_str(&fs::read_to_string(sp.join("edit-1.0.dist-info/direct_url.json")).unwrap()).unwrap();
    assert_eq!(du["dir_info"], serde_json::json!({"editable": true}));
    let frozen = ok(&krait_pip(&["freeze", "--python", py.to_str().unwrap()]));
    assert_eq!(frozen, format!("# Editable install with no version control (edit==1.0)\n-e {}\n", proj.display()));
    ok(&krait_pip(&["uninstall", "--python", py.to_str().unwrap(), "-y", "edit"]));
    let o = Command::new(&py).args(["-c", "import edit"]).current_dir(tmp.path()).output().unwrap();
    assert!(!o.status.success());
    // In a requirements file too; an archive cannot be editable.
    fs::write(tmp.path().join("req.txt"), format!("-e {}\n", proj.display())).unwrap();
    ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "-f", links.to_str().unwrap(), "-r", tmp.path().join("req.txt").to_str().unwrap()]));
    assert_eq!(py_out(&py, "import edit; print(edit.VERSION)"), "changed");
    let archive = sdist(&proj, "edit", "1.0", tmp.path());
    let o = krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "-e", archive.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("is not a valid editable requirement"), "{}", stderr(&o));
}

#[test]
fn sdists_from_find_links_are_built_once_and_cached() {
    let backends = backends();
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("links");
    fs::create_dir_all(&links).unwrap();
    for f in fs::read_dir(&backends).unwrap().flatten() {
        fs::copy(f.path(), links.join(f.file_name())).unwrap();
    }
    // lib 1.0 as a wheel; app 2.0 only as an sdist needing lib.
    WheelSpec::new("lib", "1.0").file("lib.py", "L = 1\n").build(&links);
    setuptools_project(&tmp.path().join("app"), "app", "2.0", &["lib>=1"]);
    sdist(&tmp.path().join("app"), "app", "2.0", &links);
    // same 1.5 as a wheel and an sdist: the wheel wins, nothing is built.
    WheelSpec::new("same", "1.5").file("same.py", "S = 'wheel'\n").build(&links);
    setuptools_project(&tmp.path().join("same"), "same", "1.5", &[]);
    sdist(&tmp.path().join("same"), "same", "1.5", &links);
    let cache = tmp.path().join("cache");
    let args = |py: &Path, extra: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = ["install", "--python", py.to_str().unwrap(), "--no-index", "-f", links.to_str().unwrap(), "--cache-dir", cache.to_str().unwrap()].iter().map(|s| s.to_string()).collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let py = venv(&tmp.path().join("v1"));
    let a = args(&py, &["app", "same"]);
    let out = ok(&krait_pip(&a.iter().map(String::as_str).collect::<Vec<_>>()));
    assert!(out.contains("Preparing metadata (pyproject.toml) ... done"), "{out}");
    assert!(out.contains("Building wheels for collected packages: app\n") && out.contains("Building wheel for app (pyproject.toml) ... done"), "{out}");
    assert!(out.contains("Successfully installed app-2.0 lib-1.0 same-1.5"), "{out}");
    assert_eq!(py_out(&py, "import app, lib, same; print(app.VERSION, lib.L, same.S)"), "2.0 1 wheel");
    // Kept in the wheel cache by the sdist's hash.
    let sha = {
        use sha2::Digest;
        format!("{:x}", sha2::Sha256::digest(fs::read(links.join("app-2.0.tar.gz")).unwrap()))
    };
    assert!(cache.join("wheels/built").join(&sha).join("app-2.0-py3-none-any.whl").is_file());
    // A second environment: no build at all.
    let py2 = venv(&tmp.path().join("v2"));
    let out = ok(&krait_pip(&args(&py2, &["app"]).iter().map(String::as_str).collect::<Vec<_>>()));
    assert!(!out.contains("Building") && !out.contains("Installing build dependencies") && out.contains("Successfully installed app-2.0 lib-1.0"), "{out}");
    assert_eq!(py_out(&py2, "import app; print(app.VERSION)"), "2.0");
    // --only-binary :all: still refuses the sdist, in pip's words.
    let py3 = venv(&tmp.path().join("v3"));
    let o = krait_pip(&args(&py3, &["--only-binary", ":all:", "app"]).iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!o.status.success());
    assert_eq!(stderr(&o), "ERROR: Could not find a version that satisfies the requirement app (from versions: none)\nERROR: No matching distribution found for app\n");
}

/// Serves the files of `dir` over HTTP on 127.0.0.1.
fn serve_dir(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
            }
            let path = first.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_string();
            match fs::read(dir.join(&path)) {
                Ok(d) => {
                    let _ = write!(stream, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", d.len());
                    let _ = stream.write_all(&d);
                }
                Err(_) => {
                    let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                }
            }
        }
    });
    url
}

#[test]
fn sdist_files_and_urls() {
    let links = backends();
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("dist");
    fs::create_dir_all(&dist).unwrap();
    setuptools_project(&tmp.path().join("src1"), "fromfile", "3.0", &[]);
    let archive = sdist(&tmp.path().join("src1"), "fromfile", "3.0", &dist);
    setuptools_project(&tmp.path().join("src2"), "fromurl", "4.0", &[]);
    let url_archive = sdist(&tmp.path().join("src2"), "fromurl", "4.0", &dist);
    let url = format!("{}/{}", serve_dir(dist.clone()), url_archive.file_name().unwrap().to_string_lossy());
    let py = venv(&tmp.path().join("v"));
    let file_url = format!("file://{}", archive.display());
    let out = ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "-f", links.to_str().unwrap(), &file_url, &format!("fromurl @ {url}")]));
    assert!(out.contains("Successfully installed fromfile-3.0 fromurl-4.0"), "{out}");
    assert_eq!(py_out(&py, "import fromfile, fromurl; print(fromfile.VERSION, fromurl.VERSION)"), "3.0 4.0");
    let sp = site_packages(&tmp.path().join("v"));
    let du: serde_json::Value = serde_json::from_str(&fs::read_to_string(sp.join("fromurl-4.0.dist-info/direct_url.json")).unwrap()).unwrap();
    assert_eq!(du["url"], serde_json::json!(url));
    assert!(du["archive_info"]["hash"].as_str().unwrap().starts_with("sha256="));
    let du: serde_json::Value = serde_json::from_str(&fs::read_to_string(sp.join("fromfile-3.0.dist-info/direct_url.json")).unwrap()).unwrap();
    assert_eq!(du["url"], serde_json::json!(file_url));
    // A path that does not exist, and a name that does not match.
    let o = krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "./nowhere/x.tar.gz"]);
    assert_eq!(stderr(&o), "ERROR: Invalid requirement: './nowhere/x.tar.gz'\nHint: It looks like a path. File './nowhere/x.tar.gz' does not exist.\n");
    let o = krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "-f", links.to_str().unwrap(), &format!("other @ {url}")]);
    assert!(!o.status.success() && stderr(&o).contains("has inconsistent name: expected 'other', but metadata has 'fromurl'"), "{}", stderr(&o));
}

/// A build backend in the project itself (backend-path), with no
/// requirements: it writes wheels by hand with zipfile.
fn in_tree_project(dir: &Path, name: &str, fail_in: Option<&str>) {
    fs::create_dir_all(dir.join("backend")).unwrap();
    fs::write(dir.join("pyproject.toml"), "[build-system]\nrequires = []\nbuild-backend = \"tinybackend\"\nbackend-path = [\"backend\"]\n").unwrap();
    let fail = fail_in.map(|h| format!("FAIL_IN = {h:?}\n")).unwrap_or_else(|| "FAIL_IN = None\n".into());
    let backend = format!(
        r#"import base64, hashlib, importlib.util, os, sys, zipfile
NAME = {name:?}
{fail}
def _check(hook):
    if FAIL_IN == hook:
        print("tinybackend: about to fail in", hook)
        raise RuntimeError("the build broke on purpose")

def get_requires_for_build_wheel(config_settings=None):
    _check("get_requires_for_build_wheel")
    return []

def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    _check("prepare_metadata_for_build_wheel")
    d = os.path.join(metadata_directory, NAME + "-1.0.dist-info")
    os.makedirs(d)
    with open(os.path.join(d, "METADATA"), "w") as f:
        f.write("Metadata-Version: 2.1\nName: %s\nVersion: 1.0\n" % NAME)
    return NAME + "-1.0.dist-info"

def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _check("build_wheel")
    print("tinybackend: building", NAME)
    # Whether the target environment's packages were visible to the build.
    seen = importlib.util.find_spec("visible") is not None
    files = {{NAME + ".py": "SEEN_TARGET = %r\n" % seen,
             NAME + "-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: %s\nVersion: 1.0\n" % NAME,
             NAME + "-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: tiny\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}}
    record = ""
    for p, text in files.items():
        h = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record += "%s,sha256=%s,%d\n" % (p, h, len(text.encode()))
    record += NAME + "-1.0.dist-info/RECORD,,\n"
    files[NAME + "-1.0.dist-info/RECORD"] = record
    fn = NAME + "-1.0-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, fn), "w") as z:
        for p, text in files.items():
            z.writestr(p, text)
    return fn
"#
    );
    fs::write(dir.join("backend/tinybackend.py"), backend).unwrap();
}

#[test]
fn build_isolation_hides_the_target_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("v"));
    let sp = site_packages(&tmp.path().join("v"));
    fs::write(sp.join("visible.py"), "").unwrap();
    in_tree_project(&tmp.path().join("p"), "tiny", None);
    let p = tmp.path().join("p");
    let out = ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", p.to_str().unwrap()]));
    assert!(out.contains("Successfully installed tiny-1.0") && !out.contains("tinybackend: building"), "{out}");
    assert_eq!(py_out(&py, "import tiny; print(tiny.SEEN_TARGET)"), "False");
    // --no-build-isolation: the backend runs in the target environment as it is; -v shows its output.
    let out = ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", "--no-build-isolation", "-v", p.to_str().unwrap()]));
    assert!(out.contains("tinybackend: building tiny"), "{out}");
    assert_eq!(py_out(&py, "import tiny; print(tiny.SEEN_TARGET)"), "True");
}

#[test]
fn backend_failures_are_reported_as_pip_does() {
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("v"));
    let run = |hook: &str| {
        let p = tmp.path().join(hook);
        in_tree_project(&p, "broken", Some(hook));
        krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", p.to_str().unwrap()])
    };
    let o = run("build_wheel");
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.starts_with("  error: subprocess-exited-with-error\n  \n  × Building wheel for broken (pyproject.toml) did not run successfully.\n  │ exit code: 1\n  ╰─> ["), "{e}");
    assert!(e.contains("      tinybackend: about to fail in build_wheel\n") && e.contains("RuntimeError: the build broke on purpose") && e.contains("      [end of output]"), "{e}");
    assert!(e.contains("note: This error originates from a subprocess, and is likely not a problem with pip."), "{e}");
    assert!(e.ends_with("  ERROR: Failed building wheel for broken\nFailed to build broken\nERROR: Could not build wheels for broken, which is required to install pyproject.toml-based projects\n"), "{e}");
    assert!(stdout(&o).contains("Building wheel for broken (pyproject.toml) ... error"), "{}", stdout(&o));

    let e = stderr(&run("prepare_metadata_for_build_wheel"));
    assert!(e.contains("× Preparing metadata (pyproject.toml) did not run successfully."), "{e}");
    assert!(e.contains("error: metadata-generation-failed\n\n× Encountered error while generating package metadata.\n╰─> See above for output.\n\nnote: This is an issue with the package mentioned above, not pip.\nhint: See above for details."), "{e}");

    let e = stderr(&run("get_requires_for_build_wheel"));
    assert!(e.contains("× Getting requirements to build wheel did not run successfully.") && e.contains("╰─> See above for output."), "{e}");
    // Nothing was installed.
    assert!(!site_packages(&tmp.path().join("v")).join("broken.py").exists());

    // Not a Python project; a backend that cannot be imported; an unsafe sdist.
    fs::create_dir_all(tmp.path().join("empty")).unwrap();
    let o = run_in(tmp.path(), &["install", "--python", py.to_str().unwrap(), "--no-index", "./empty"]);
    assert_eq!(stderr(&o), "ERROR: Directory './empty' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.\n");
    let nb = tmp.path().join("nobackend");
    fs::create_dir_all(&nb).unwrap();
    fs::write(nb.join("pyproject.toml"), "[build-system]\nrequires = []\nbuild-backend = \"no_such_backend\"\n").unwrap();
    let e = stderr(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", nb.to_str().unwrap()]));
    assert!(e.contains("BackendUnavailable: Cannot import 'no_such_backend'"), "{e}");
    let evil = tmp.path().join("evil-1.0.tar.gz");
    let o = Command::new("tar").arg("-C").arg(tmp.path()).arg("-czf").arg(&evil).arg("-P").arg("--transform=s,^empty,evil-1.0/../../escaped,").arg("empty").output().unwrap();
    assert!(o.status.success());
    let e = stderr(&krait_pip(&["install", "--python", py.to_str().unwrap(), "--no-index", evil.to_str().unwrap()]));
    assert!(e.contains("trying to install outside target directory"), "{e}");
}
