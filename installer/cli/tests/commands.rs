//! check, list --outdated/--uptodate, download and --report, side by side
//! with pip in a venv that has it.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::Command;

fn links(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    WheelSpec::new("app", "1.0").file("app.py", "").requires("lib>=1.0").build(dir);
    WheelSpec::new("app", "2.0")
        .file("app.py", "")
        .requires("lib>=2.0")
        .requires("winlib; sys_platform == 'win32'")
        .requires("fancy; extra == 'extras'")
        .build(dir);
    for v in ["1.0", "2.0", "3.0b1"] {
        WheelSpec::new("lib", v).file("lib.py", "").build(dir);
    }
    WheelSpec::new("Solo_Pkg", "0.5").file("solo.py", "").build(dir);
    WheelSpec::new("fancy", "1.0").file("fancy.py", "").build(dir);
}

fn out(o: &std::process::Output) -> (String, Option<i32>) {
    (String::from_utf8_lossy(&o.stdout).to_string(), o.status.code())
}

fn venv_with_pip(dir: &Path) -> std::path::PathBuf {
    let o = Command::new("python3.11").args(["-m", "venv"]).arg(dir).output().unwrap();
    assert!(o.status.success());
    dir.join("bin/python")
}

fn pip_in(py: &Path, args: &[&str]) -> std::process::Output {
    let mut c = Command::new(py);
    c.args(["-m", "pip"]).args(args).env("PIP_CONFIG_FILE", "/dev/null").env("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    for (k, _) in std::env::vars() {
        if k.starts_with("PIP_") && !["PIP_CERT", "PIP_DISABLE_PIP_VERSION_CHECK"].contains(&k.as_str()) {
            c.env_remove(k);
        }
    }
    c.output().unwrap()
}

#[test]
fn check_and_outdated_listing_agree_with_pip() {
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("links");
    links(&l);
    let l = l.to_str().unwrap();
    let py = venv_with_pip(&tmp.path().join("v"));
    let p = py.to_str().unwrap();
    let k = |args: &[&str]| krait_pip(&[args, &["--python", p]].concat());

    // Consistent environment.
    ok(&k(&["install", "--no-index", "-f", l, "app==1.0", "lib==1.0"]));
    assert_eq!(out(&k(&["check"])), out(&pip_in(&py, &["check"])));
    assert_eq!(out(&k(&["check"])), ("No broken requirements found.\n".to_string(), Some(0)));

    // A version conflict, then a missing requirement.
    ok(&k(&["install", "--no-index", "-f", l, "--no-deps", "app==2.0"]));
    ok(&k(&["install", "--no-index", "-f", l, "Solo_Pkg"]));
    let ours = out(&k(&["check"]));
    assert_eq!(ours, out(&pip_in(&py, &["check"])));
    assert_eq!(ours, ("app 2.0 has requirement lib>=2.0, but you have lib 1.0.\n".to_string(), Some(1)));
    ok(&k(&["uninstall", "-y", "lib"]));
    let ours = out(&k(&["check"]));
    assert_eq!(ours, out(&pip_in(&py, &["check"])));
    assert_eq!(ours, ("app 2.0 requires lib, which is not installed.\n".to_string(), Some(1)));
    ok(&k(&["install", "--no-index", "-f", l, "lib==1.0"]));

    // list --outdated / --uptodate in every format (pip and setuptools have no candidates here).
    for args in [
        vec!["list", "--outdated", "--no-index", "-f", l],
        vec!["list", "--uptodate", "--no-index", "-f", l],
        vec!["list", "--outdated", "--no-index", "-f", l, "--format", "json"],
        vec!["list", "--uptodate", "--no-index", "-f", l, "--format", "freeze"],
        vec!["list", "--outdated", "--pre", "--no-index", "-f", l],
    ] {
        assert_eq!(out(&k(&args)), out(&pip_in(&py, &args)), "{args:?}");
    }
    let listed = out(&k(&["list", "--outdated", "--no-index", "-f", l])).0;
    assert_eq!(listed, "Package Version Latest Type\n------- ------- ------ -----\nlib     1.0     2.0    wheel\n");
    let o = k(&["list", "--outdated", "--format", "freeze", "--no-index"]);
    assert_eq!(stderr(&o), "ERROR: List format 'freeze' cannot be used with the --outdated option.\n");
    let o = k(&["list", "--outdated", "--uptodate", "--no-index"]);
    assert_eq!(stderr(&o), "ERROR: Options --outdated and --uptodate cannot be combined.\n");
}

#[test]
fn download_saves_wheels_without_installing() {
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("links");
    links(&l);
    let l = l.to_str().unwrap();
    let d = tmp.path().join("dl");
    let text = ok(&krait_pip(&["download", "--python", "python3.11", "--no-index", "-f", l, "-d", d.to_str().unwrap(), "app[extras]"]));
    assert!(text.contains("Successfully downloaded app fancy lib\n"), "{text}");
    let theirs = tmp.path().join("pipdl");
    let o = real_pip(&["download", "--no-index", "-f", l, "-d", theirs.to_str().unwrap(), "app[extras]"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(tree(&d), tree(&theirs));
    assert_eq!(tree(&d), vec!["app-2.0-py3-none-any.whl", "fancy-1.0-py3-none-any.whl", "lib-2.0-py3-none-any.whl"]);
    assert_eq!(fs::read(d.join("lib-2.0-py3-none-any.whl")).unwrap(), fs::read(Path::new(l).join("lib-2.0-py3-none-any.whl")).unwrap());
    // --no-deps, and a second run finds the file there already.
    let d2 = tmp.path().join("dl2");
    let text = ok(&krait_pip(&["download", "--python", "python3.11", "--no-index", "-f", l, "--no-deps", "-d", d2.to_str().unwrap(), "app<2"]));
    assert!(text.contains("Successfully downloaded app\n"), "{text}");
    assert_eq!(tree(&d2), vec!["app-1.0-py3-none-any.whl"]);
    // Nothing was installed anywhere, and hashes are checked here too.
    fs::write(tmp.path().join("h.txt"), format!("app==1.0 --hash=sha256:{}\n", "0".repeat(64))).unwrap();
    let o = krait_pip(&["download", "--python", "python3.11", "--no-index", "-f", l, "--no-deps", "-d", tmp.path().join("dl3").to_str().unwrap(), "-r", tmp.path().join("h.txt").to_str().unwrap()]);
    assert!(stderr(&o).contains("DO NOT MATCH THE HASHES"), "{}", stderr(&o));
    assert!(!tmp.path().join("dl3/app-1.0-py3-none-any.whl").exists());
}

#[test]
fn installation_report_matches_pips() {
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("links");
    links(&l);
    let l = l.to_str().unwrap();
    let t = tmp.path().join("t");
    let lib = Path::new(l).join("lib-2.0-py3-none-any.whl");
    let args = ["--no-index", "-f", l, "--target", t.to_str().unwrap(), "--dry-run", "app[extras]", lib.to_str().unwrap()];
    let ours = krait_pip(&[&["install", "--python", "python3.11", "-q", "--report", "-"][..], &args[..]].concat());
    let theirs = real_pip(&[&["install", "-q", "--report", "-"][..], &args[..]].concat());
    assert!(ours.status.success() && theirs.status.success(), "{}\n{}", stderr(&ours), stderr(&theirs));
    let ours: serde_json::Value = serde_json::from_slice(&ours.stdout).unwrap();
    let theirs: serde_json::Value = serde_json::from_slice(&theirs.stdout).unwrap();
    assert_eq!(ours["version"], "1");
    // Same distributions, sources, hashes, flags and metadata; same environment.
    let sorted = |v: &serde_json::Value| {
        let mut items = v["install"].as_array().unwrap().clone();
        items.sort_by_key(|i| i["metadata"]["name"].as_str().unwrap().to_string());
        items
    };
    assert_eq!(sorted(&ours), sorted(&theirs));
    assert_eq!(ours["environment"], theirs["environment"]);
    // The report written to a file, with nothing installed by --dry-run.
    let file = tmp.path().join("r.json");
    ok(&krait_pip(&[&["install", "--python", "python3.11", "--report", file.to_str().unwrap()][..], &args[..]].concat()));
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["install"].as_array().unwrap().len(), 3);
    assert!(!t.exists());
}
