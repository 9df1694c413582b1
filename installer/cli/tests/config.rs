//! --only-binary/--no-binary, `PIP_*` variables and pip.conf files, with pip
//! itself as the reference where it can be run the same way.

mod common;
use common::*;

use std::fs;
use std::path::Path;

/// lib 1.0 and 2.0 as wheels, lib 4.0 only as an sdist, tool 1.0 needing lib.
fn links(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    for v in ["1.0", "2.0"] {
        WheelSpec::new("lib", v).file("lib.py", &format!("L = '{v}'\n")).build(dir);
    }
    WheelSpec::new("tool", "1.0").file("tool.py", "").requires("lib<3").build(dir);
    WheelSpec::new("needsrc", "1.0").file("needsrc.py", "").requires("lib>3").build(dir);
    // Not a buildable sdist: opening it fails.
    fs::write(dir.join("lib-4.0.tar.gz"), b"not really gzip").unwrap();
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

#[test]
fn only_binary_and_no_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("links");
    links(&l);
    let l = l.to_str().unwrap();
    let t = tmp.path().join("t");
    let t = t.to_str().unwrap();
    let base = ["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "--dry-run"];
    let run = |extra: &[&str]| krait_pip(&[&base[..], extra].concat());
    let pip = |extra: &[&str]| real_pip(&[&["install", "--no-index", "-f", l, "--target", t, "--dry-run"][..], extra].concat());

    // With only wheels allowed, the sdist-only version does not exist: pip's words exactly.
    let ours = run(&["--only-binary", ":all:", "lib==4.0"]);
    let theirs = pip(&["--only-binary", ":all:", "lib==4.0"]);
    assert!(!ours.status.success() && !theirs.status.success());
    assert_eq!(stderr(&ours), stderr(&theirs));
    assert_eq!(
        stderr(&ours),
        "ERROR: Could not find a version that satisfies the requirement lib==4.0 (from versions: 1.0, 2.0)\nERROR: No matching distribution found for lib==4.0\n"
    );

    // Where pip would build the sdist, so does krait-pip (this one is no real archive).
    let ours = run(&["lib==4.0"]);
    assert!(!ours.status.success());
    let e = stderr(&ours);
    assert!(e.contains("lib-4.0.tar.gz") && !e.contains("cannot build"), "{e}");
    // A dependency that only an sdist can satisfy: the sdist is used.
    let o = run(&["needsrc"]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("lib-4.0.tar.gz"), "{e}");
    // --no-binary for a name leaves only its sdists.
    let e = stderr(&run(&["--no-binary", "lib", "lib<3"]));
    assert!(e.contains("Could not find a version that satisfies the requirement lib<3"), "{e}");
    let e = stderr(&run(&["--no-binary", "lib", "lib"]));
    assert!(e.contains("lib-4.0.tar.gz"), "{e}");

    // Order matters as in pip: a later :all: resets earlier names, later names win over :all:.
    for args in [
        vec!["--no-binary", "lib", "--only-binary", ":all:", "lib<3"],
        vec!["--no-binary", ":all:", "--only-binary", "lib", "tool"],
        vec!["--no-binary", ":all:", "--no-binary", ":none:", "lib<3"],
    ] {
        let ours = run(&args);
        let theirs = pip(&args);
        assert_eq!(ours.status.success(), theirs.status.success(), "{args:?}: {}", stderr(&ours));
        let would = |o: &std::process::Output| stdout(o).lines().find(|l| l.starts_with("Would install")).map(str::to_string);
        assert_eq!(would(&ours), would(&theirs), "{args:?}");
    }
    // tool's dependency falls under --no-binary :all: too.
    let o = run(&["--no-binary", ":all:", "--only-binary", "tool", "tool"]);
    assert!(!o.status.success() && stderr(&o).contains("lib"), "{}", stderr(&o));
}

#[test]
fn environment_variables_set_every_option() {
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("links");
    links(&l);
    let l = l.to_str().unwrap();
    let t = tmp.path().join("t");
    let t = t.to_str().unwrap();
    // PIP_NO_INDEX (a flag), PIP_FIND_LINKS (a list), PIP_NO_DEPS, PIP_TARGET, PIP_QUIET (a count).
    let out = ok(&krait_pip_env(
        &["install", "--python", "python3.11", "tool"],
        &[("PIP_NO_INDEX", "yes"), ("PIP_FIND_LINKS", l), ("PIP_NO_DEPS", "1"), ("PIP_TARGET", t)],
    ));
    assert!(out.contains("Successfully installed tool-1.0\n"), "{out}");
    assert!(Path::new(t).join("tool.py").exists() && !Path::new(t).join("lib.py").exists());
    let out = ok(&krait_pip_env(&["install", "--python", "python3.11", "--target", t, "lib<2"], &[("PIP_NO_INDEX", "true"), ("PIP_FIND_LINKS", l), ("PIP_QUIET", "1")]));
    assert_eq!(out, "");
    // The command line adds to a list set by a variable, and overrides a single value.
    let other = tmp.path().join("other");
    fs::create_dir_all(&other).unwrap();
    WheelSpec::new("extra", "1.0").file("extra.py", "").build(&other);
    let out = ok(&krait_pip_env(
        &["install", "--python", "python3.11", "-f", other.to_str().unwrap(), "--target", t, "extra"],
        &[("PIP_NO_INDEX", "on"), ("PIP_FIND_LINKS", l), ("PIP_TARGET", "/nonexistent/never")],
    ));
    assert!(out.contains("Successfully installed extra-1.0"), "{out}");
    // PIP_ONLY_BINARY works as the option does.
    let e = stderr(&krait_pip_env(&["install", "--python", "python3.11", "--dry-run", "--target", t, "lib==4.0"], &[("PIP_NO_INDEX", "1"), ("PIP_FIND_LINKS", l), ("PIP_ONLY_BINARY", ":all:")]));
    assert!(e.contains("(from versions: 1.0, 2.0)"), "{e}");
    // A value that is not a boolean is refused with pip's message.
    let o = krait_pip_env(&["install", "--python", "python3.11", "tool"], &[("PIP_NO_INDEX", "maybe")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("maybe is not a valid value for no-index option, please specify a boolean value like yes/no, true/false or 1/0 instead."), "{}", stderr(&o));
}

#[test]
fn config_files_in_pips_order() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let l1 = d.join("links1");
    links(&l1);
    let l2 = d.join("links2");
    fs::create_dir_all(&l2).unwrap();
    WheelSpec::new("lib", "9.0").file("lib.py", "L = '9.0'\n").build(&l2);
    let home = d.join("home");
    fs::create_dir_all(home.join(".config/pip")).unwrap();
    fs::create_dir_all(d.join("xdg/pip")).unwrap();
    // The global file names links1 for every command; the user file turns the index off.
    fs::write(d.join("xdg/pip/pip.conf"), format!("[global]\nfind-links = {}\n", l1.display())).unwrap();
    fs::write(home.join(".config/pip/pip.conf"), "[global]\nno_index = true\n[install]\nno-deps = yes\n").unwrap();
    let t = d.join("t");
    let vars = |extra: Vec<(&'static str, String)>| {
        let mut v = vec![("HOME", home.to_str().unwrap().to_string()), ("XDG_CONFIG_DIRS", d.join("xdg").to_str().unwrap().to_string()), ("XDG_CONFIG_HOME", home.join(".config").to_str().unwrap().to_string()), ("PIP_CONFIG_FILE", String::new())];
        v.extend(extra);
        v
    };
    let run = |args: &[&str], extra: Vec<(&'static str, String)>| {
        let v = vars(extra);
        let refs: Vec<(&str, &str)> = v.iter().map(|(k, x)| (*k, x.as_str())).collect();
        (krait_pip_env(args, &refs), real_pip_env(&[&["install", "--dry-run"][..], &args[3..]].concat(), &refs))
    };
    let (ours, theirs) = run(&["install", "--python", "python3.11", "--target", t.to_str().unwrap(), "tool"], vec![]);
    let out = ok(&ours);
    assert!(out.contains("Successfully installed tool-1.0\n"), "{out}");
    assert!(stdout(&theirs).contains("Would install tool-1.0\n"), "{}{}", stdout(&theirs), stderr(&theirs));

    // A [install] key in an earlier file beats a [global] key of a later one (sections before files).
    fs::write(d.join("xdg/pip/pip.conf"), format!("[global]\nfind-links = {}\n[install]\nno-deps = no\n", l1.display())).unwrap();
    fs::write(home.join(".config/pip/pip.conf"), "[global]\nno-index = true\nno-deps = yes\n").unwrap();
    let (ours, theirs) = run(&["install", "--python", "python3.11", "--target", d.join("t2").to_str().unwrap(), "tool"], vec![]);
    let out = ok(&ours);
    assert!(out.contains("Successfully installed lib-2.0 tool-1.0\n"), "{out}");
    assert!(stdout(&theirs).contains("Would install lib-2.0 tool-1.0\n"), "{}{}", stdout(&theirs), stderr(&theirs));

    // PIP_CONFIG_FILE is read last (and hides the user file); variables beat files.
    let envfile = d.join("env.conf");
    fs::write(&envfile, format!("[global]\nno-index = yes\nfind-links =\n    {}\n    {}\n", l1.display(), l2.display())).unwrap();
    let (ours, theirs) = run(&["install", "--python", "python3.11", "--target", d.join("t3").to_str().unwrap(), "lib"], vec![("PIP_CONFIG_FILE", envfile.to_str().unwrap().to_string())]);
    assert!(ok(&ours).contains("Successfully installed lib-9.0"));
    assert!(stdout(&theirs).contains("Would install lib-9.0"), "{}{}", stdout(&theirs), stderr(&theirs));
    let (ours, _) = run(
        &["install", "--python", "python3.11", "--target", d.join("t4").to_str().unwrap(), "lib"],
        vec![("PIP_CONFIG_FILE", envfile.to_str().unwrap().to_string()), ("PIP_FIND_LINKS", l1.to_str().unwrap().to_string())],
    );
    assert!(ok(&ours).contains("Successfully installed lib-2.0"));
    // PIP_CONFIG_FILE=/dev/null turns every file off: the index is back on (and unreachable).
    let (ours, _) = run(
        &["install", "--python", "python3.11", "--target", d.join("t5").to_str().unwrap(), "-i", "http://127.0.0.1:9/simple", "lib"],
        vec![("PIP_CONFIG_FILE", "/dev/null".to_string())],
    );
    assert!(stderr(&ours).contains("127.0.0.1:9"), "{}", stderr(&ours));

    // A virtual environment's own pip.conf is read for installs into it.
    let venv_dir = d.join("venv");
    let py = venv(&venv_dir);
    fs::write(venv_dir.join("pip.conf"), format!("[install]\nno-index = 1\nfind-links = {}\n", l2.display())).unwrap();
    fs::write(home.join(".config/pip/pip.conf"), "").unwrap();
    fs::write(d.join("xdg/pip/pip.conf"), "").unwrap();
    let (ours, _) = run(&["install", "--python", py.to_str().unwrap(), "lib"], vec![]);
    assert!(ok(&ours).contains("Successfully installed lib-9.0"));
}

#[test]
fn isolated_ignores_variables_and_user_files_and_aliases_count() {
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("links");
    links(&l);
    let home = tmp.path().join("home");
    fs::create_dir_all(home.join(".config/pip")).unwrap();
    fs::write(home.join(".config/pip/pip.conf"), format!("[global]\nno-index = yes\nfind-links = {}\n", l.display())).unwrap();
    let t = tmp.path().join("t");
    let args = ["install", "--python", "python3.11", "--target", t.to_str().unwrap(), "-i", "http://127.0.0.1:9/simple", "lib<2"];
    let vars = [("HOME", home.to_str().unwrap()), ("XDG_CONFIG_HOME", ""), ("PIP_CONFIG_FILE", "")];
    // Configured: the user file turns the index off and points at the wheels.
    assert!(ok(&krait_pip_env(&args, &vars)).contains("Successfully installed lib-1.0"));
    // --isolated: the user file and PIP_* variables are not read, so the (unreachable) index is asked.
    let o = krait_pip_env(&[&args[..], &["--isolated"]].concat(), &[&vars[..], &[("PIP_NO_INDEX", "1")]].concat());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("127.0.0.1:9"), "{}", stderr(&o));
    // PIP_DEFAULT_TIMEOUT sets --timeout, as in pip; a bad number is refused.
    let o = krait_pip_env(&args, &[&vars[..], &[("PIP_DEFAULT_TIMEOUT", "soon")]].concat());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("soon"), "{}", stderr(&o));
}
