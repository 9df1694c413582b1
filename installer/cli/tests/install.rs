//! krait-pip installs wheels the tests build, into --target folders and venvs of
//! python3.11, and the results are checked the way a user would.

mod common;
use common::*;

use std::fs;

fn demo(version: &str) -> WheelSpec {
    WheelSpec::new("demo-pkg", version)
        .file("demo_pkg/__init__.py", &format!("VERSION = '{version}'\ndef main():\n    print('demo main', VERSION)\n    return 0\n"))
        .file(&format!("demo_pkg/only_{}.py", version.replace('.', "_")), "X = 1\n")
        .entry_points("[console_scripts]\ndemo-cli = demo_pkg:main\n")
}

#[test]
fn install_into_target_then_import_and_run_launcher() {
    let tmp = tempfile::tempdir().unwrap();
    let whl = demo("1.0").build(tmp.path());
    let target = tmp.path().join("t");
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--target", target.to_str().unwrap(), whl.to_str().unwrap()]));
    assert!(out.contains("Successfully installed demo-pkg-1.0"), "{out}");

    let files = tree(&target);
    for f in [
        "demo_pkg/__init__.py",
        "demo_pkg/only_1_0.py",
        "demo_pkg-1.0.dist-info/METADATA",
        "demo_pkg-1.0.dist-info/INSTALLER",
        "demo_pkg-1.0.dist-info/REQUESTED",
        "demo_pkg-1.0.dist-info/RECORD",
        "demo_pkg-1.0.dist-info/direct_url.json",
        "bin/demo-cli",
    ] {
        assert!(files.contains(&f.to_string()), "{f} missing from {files:?}");
    }
    assert_eq!(fs::read_to_string(target.join("demo_pkg-1.0.dist-info/INSTALLER")).unwrap(), "krait-pip\n");

    // RECORD lists every installed file with its real hash, and the launcher by a relative path.
    let record = fs::read_to_string(target.join("demo_pkg-1.0.dist-info/RECORD")).unwrap();
    for line in record.lines() {
        let parts: Vec<&str> = line.split(',').collect();
        let p = target.join(parts[0]);
        assert!(p.exists(), "RECORD names {} which does not exist", parts[0]);
        if !parts[1].is_empty() {
            assert_eq!(parts[1], hash(&fs::read(&p).unwrap()), "hash of {}", parts[0]);
        }
    }
    assert!(record.contains("bin/demo-cli,sha256="), "{record}");
    assert!(record.contains("demo_pkg-1.0.dist-info/RECORD,,"));

    // Python imports it from the target folder.
    let o = python(&["-c", "import demo_pkg; print(demo_pkg.VERSION)"], Some(&target));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "1.0");

    // The launcher has the interpreter's shebang and runs the entry point.
    let launcher = fs::read_to_string(target.join("bin/demo-cli")).unwrap();
    let exe = String::from_utf8(python(&["-c", "import sys; print(sys.executable)"], None).stdout).unwrap();
    assert!(launcher.starts_with(&format!("#!{}\n", exe.trim())), "{launcher}");
    let run = std::process::Command::new(target.join("bin/demo-cli")).env("PYTHONPATH", &target).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "demo main 1.0\n");
    assert!(run.status.success());
}

#[test]
fn venv_install_list_freeze_show_uninstall() {
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("venv"));
    let py_s = py.to_str().unwrap();
    let a = demo("1.0").requires("helper>=0.1").build(tmp.path());
    let b = WheelSpec::new("Helper", "0.2").file("helper.py", "def help():\n    return 42\n").build(tmp.path());
    ok(&krait_pip(&["install", "--python", py_s, a.to_str().unwrap(), b.to_str().unwrap()]));

    let o = std::process::Command::new(&py).args(["-c", "import demo_pkg, helper; print(demo_pkg.VERSION, helper.help())"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "1.0 42");
    assert!(tmp.path().join("venv/bin/demo-cli").exists());
    let run = std::process::Command::new(tmp.path().join("venv/bin/demo-cli")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "demo main 1.0\n");

    let list = ok(&krait_pip(&["list", "--python", py_s]));
    assert_eq!(list, "Package  Version\n-------- -------\ndemo-pkg 1.0\nHelper   0.2\n");
    let json = ok(&krait_pip(&["list", "--python", py_s, "--format", "json"]));
    assert_eq!(json.trim(), r#"[{"name": "demo-pkg", "version": "1.0"}, {"name": "Helper", "version": "0.2"}]"#);
    let frozen = ok(&krait_pip(&["freeze", "--python", py_s]));
    assert!(frozen.contains("demo-pkg @ file://"), "{frozen}");
    assert!(frozen.contains("Helper @ file://"), "{frozen}");

    // pip itself reads what krait-pip installed the same way.
    let site = tmp.path().join("venv/lib/python3.11/site-packages");
    let theirs = python(&["-m", "pip", "list", "--format=freeze", "--path", site.to_str().unwrap()], None);
    assert!(theirs.status.success());
    let ours = ok(&krait_pip(&["list", "--python", py_s, "--format", "freeze"]));
    assert_eq!(ours, String::from_utf8_lossy(&theirs.stdout));

    let show = ok(&krait_pip(&["show", "--python", py_s, "-f", "helper"]));
    assert!(show.starts_with("Name: Helper\nVersion: 0.2\nSummary: The Helper test package\n"), "{show}");
    assert!(show.contains("\nRequires: \nRequired-by: demo-pkg\nFiles:\n"), "{show}");
    assert!(show.contains("\n  helper.py\n"), "{show}");
    let show = ok(&krait_pip(&["show", "--python", py_s, "demo_pkg"]));
    assert!(show.contains(&format!("Location: {}\nRequires: helper\n", site.display())), "{show}");
    let missing = krait_pip(&["show", "--python", py_s, "nothere"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("WARNING: Package(s) not found: nothere"));

    let before = tree(&site);
    let un = ok(&krait_pip(&["uninstall", "--python", py_s, "-y", "demo-pkg"]));
    assert!(un.contains("Found existing installation: demo-pkg 1.0\nUninstalling demo-pkg-1.0:\n  Successfully uninstalled demo-pkg-1.0"), "{un}");
    let after = tree(&site);
    assert!(!after.iter().any(|f| f.starts_with("demo_pkg")), "{after:?}");
    assert!(after.iter().any(|f| f == "helper.py"));
    assert!(before.len() > after.len());
    assert!(!site.join("demo_pkg").exists(), "empty package folder left behind");
    assert!(!tmp.path().join("venv/bin/demo-cli").exists());
    let o = std::process::Command::new(&py).args(["-c", "import demo_pkg"]).output().unwrap();
    assert!(!o.status.success());
}

#[test]
fn upgrade_replaces_old_files() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("t");
    let t = target.to_str().unwrap();
    let v1 = demo("1.0").build(tmp.path());
    let v2 = demo("2.0").build(tmp.path());
    ok(&krait_pip(&["install", "--python", "python3.11", "--target", t, v1.to_str().unwrap()]));
    let again = ok(&krait_pip(&["install", "--python", "python3.11", "--target", t, v1.to_str().unwrap()]));
    assert!(again.contains("demo-pkg is already installed with the same version as the provided wheel."), "{again}");
    let forced = ok(&krait_pip(&["install", "--python", "python3.11", "--target", t, "--force-reinstall", v1.to_str().unwrap()]));
    assert!(forced.contains("Successfully installed demo-pkg-1.0"), "{forced}");
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--target", t, v2.to_str().unwrap()]));
    assert!(out.contains("Found existing installation: demo-pkg 1.0"), "{out}");
    let files = tree(&target);
    assert!(files.contains(&"demo_pkg/only_2_0.py".to_string()));
    assert!(!files.contains(&"demo_pkg/only_1_0.py".to_string()), "{files:?}");
    assert!(!files.iter().any(|f| f.starts_with("demo_pkg-1.0.dist-info")), "{files:?}");
}

#[test]
fn data_scheme_and_script_shebang() {
    let tmp = tempfile::tempdir().unwrap();
    let w = WheelSpec::new("datapkg", "1.0")
        .file("datapkg.py", "")
        .file("datapkg-1.0.data/scripts/dp-tool", "#!python\nprint('tool ran')\n")
        .file("datapkg-1.0.data/data/share/datapkg/info.txt", "hello\n")
        .file("datapkg-1.0.data/purelib/datapkg_extra.py", "Y = 2\n")
        .build(tmp.path());
    let py = venv(&tmp.path().join("v"));
    ok(&krait_pip(&["install", "--python", py.to_str().unwrap(), w.to_str().unwrap()]));
    let v = tmp.path().join("v");
    assert_eq!(fs::read_to_string(v.join("share/datapkg/info.txt")).unwrap(), "hello\n");
    assert!(v.join("lib/python3.11/site-packages/datapkg_extra.py").exists());
    let script = fs::read_to_string(v.join("bin/dp-tool")).unwrap();
    assert_eq!(script, format!("#!{}\nprint('tool ran')\n", py.display()));
    let run = std::process::Command::new(v.join("bin/dp-tool")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "tool ran\n");
}

#[test]
fn refuses_unsafe_archives_and_leaves_target_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("t");
    fs::create_dir_all(&target).unwrap();
    fs::write(target.join("keep.txt"), "mine").unwrap();
    let t = target.to_str().unwrap();

    let cases = [
        WheelSpec::new("evil", "1.0").file("evil.py", "").file("../outside.py", "x"),
        WheelSpec::new("evil", "2.0").file("evil.py", "").file("/tmp/abs-evil.py", "x"),
        {
            let mut w = WheelSpec::new("evil", "3.0").file("evil.py", "");
            w.symlinks.push(("evil_link".into(), "/etc/passwd".into()));
            w
        },
    ];
    for w in cases {
        let p = w.build(tmp.path());
        let out = krait_pip(&["install", "--python", "python3.11", "--target", t, p.to_str().unwrap()]);
        assert!(!out.status.success(), "{} was installed", w.filename());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("outside the target directory") || err.contains("symbolic link"), "{err}");
        assert_eq!(tree(&target), vec!["keep.txt"], "{}", w.filename());
    }
    assert!(!tmp.path().join("outside.py").exists());
}

#[test]
fn refuses_hash_mismatch_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("t");
    let t = target.to_str().unwrap();
    let mut w = WheelSpec::new("tampered", "1.0").file("tampered/__init__.py", "").file("tampered/b.py", "B = 1\n");
    w.bad_hash.push("tampered/b.py".into());
    let p = w.build(tmp.path());
    let out = krait_pip(&["install", "--python", "python3.11", "--target", t, p.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("DO NOT MATCH THE HASHES"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(tree(&target).is_empty(), "{:?}", tree(&target));
}

#[test]
fn find_links_picks_best_matching_version() {
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("links");
    fs::create_dir_all(&links).unwrap();
    for v in ["1.0", "1.5", "2.0b1", "2.0"] {
        demo(v).build(&links);
    }
    // A wheel for another platform is never picked.
    let mut other = demo("3.0");
    other.tag = "cp311-cp311-win_amd64".into();
    other.build(&links);
    let target = tmp.path().join("t");
    let t = target.to_str().unwrap();
    let l = links.to_str().unwrap();
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "--dry-run", "demo-pkg<2"]));
    assert!(out.contains("Would install demo-pkg-1.5"), "{out}");
    assert!(!target.exists() || tree(&target).is_empty());
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "demo-pkg<2"]));
    assert!(out.contains("Successfully installed demo-pkg-1.5"), "{out}");
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "Demo_Pkg>=1.0"]));
    assert!(out.contains("Requirement already satisfied: Demo_Pkg>=1.0"), "{out}");
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "-U", "demo-pkg"]));
    assert!(out.contains("Successfully installed demo-pkg-2.0"), "{out}");
    let out = krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "demo-pkg>5"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Could not find a version that satisfies the requirement demo-pkg>5 (from versions: 1.0, 1.5, 2.0b1, 2.0)"), "{err}");
    // Markers that don't match are skipped.
    let out = ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "demo-pkg; python_version < '3'"]));
    assert!(out.contains("Ignoring demo-pkg"), "{out}");
}

#[test]
fn concurrent_installs_into_one_target_take_turns() {
    // Four versions of one package installed at once: each install replaces the
    // previous one under the lock, so exactly one version's files remain.
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("t");
    let t = target.to_str().unwrap().to_string();
    let cache = tmp.path().join("cache").to_string_lossy().to_string();
    let wheels: Vec<String> = ["1.0", "2.0", "3.0", "4.0"]
        .iter()
        .map(|v| {
            let mut w = demo(v);
            for k in 0..50 {
                w = w.file(&format!("demo_pkg/m{k}.py"), &format!("K = {k}\n"));
            }
            w.build(tmp.path()).to_string_lossy().to_string()
        })
        .collect();
    let handles: Vec<_> = wheels
        .into_iter()
        .map(|w| {
            let (t, cache) = (t.clone(), cache.clone());
            std::thread::spawn(move || krait_pip(&["install", "--python", "python3.11", "--cache-dir", &cache, "--target", &t, &w]))
        })
        .collect();
    for h in handles {
        ok(&h.join().unwrap());
    }
    let files = tree(&target);
    let infos: Vec<&String> = files.iter().filter(|f| f.ends_with(".dist-info/METADATA")).collect();
    assert_eq!(infos.len(), 1, "{infos:?}");
    let version = infos[0].trim_start_matches("demo_pkg-").split(".dist-info").next().unwrap().to_string();
    let only: Vec<&String> = files.iter().filter(|f| f.starts_with("demo_pkg/only_")).collect();
    assert_eq!(only, vec![&format!("demo_pkg/only_{}.py", version.replace('.', "_"))]);
    assert!(!files.iter().any(|f| f.contains(".krait-pip-stage")), "{files:?}");
    let o = python(&["-c", "import demo_pkg; print(demo_pkg.VERSION)"], Some(&target));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), version);
}

#[test]
fn failed_upgrade_keeps_the_installed_version() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("t");
    let t = target.to_str().unwrap();
    let v1 = demo("1.0").build(tmp.path());
    ok(&krait_pip(&["install", "--python", "python3.11", "--target", t, v1.to_str().unwrap()]));
    let before = tree(&target);
    let mut bad = demo("2.0");
    bad.bad_hash.push("demo_pkg/__init__.py".into());
    let p = bad.build(tmp.path());
    let out = krait_pip(&["install", "--python", "python3.11", "--target", t, p.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(tree(&target), before);
    let o = python(&["-c", "import demo_pkg; print(demo_pkg.VERSION)"], Some(&target));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "1.0");
}

#[test]
fn requirements_files_nest_continue_and_expand_variables() {
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("links");
    fs::create_dir_all(&links).unwrap();
    for v in ["1.0", "1.5", "2.0"] {
        demo(v).build(&links);
    }
    WheelSpec::new("Helper", "0.2").file("helper.py", "").build(&links);
    fs::create_dir_all(tmp.path().join("sub")).unwrap();
    fs::write(tmp.path().join("main.txt"), "# the top file\n-r sub/more.txt\nhelper  # trailing comment\n").unwrap();
    fs::write(tmp.path().join("sub/more.txt"), "demo-pkg \\\n    ==${DEMO_VERSION}\n").unwrap();
    let target = tmp.path().join("t");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_krait-pip"))
        .args(["install", "--python", "python3.11", "--no-index", "-f", links.to_str().unwrap(), "--target", target.to_str().unwrap(), "-r"])
        .arg(tmp.path().join("main.txt"))
        .env("DEMO_VERSION", "1.5")
        .env_remove("PIP_FIND_LINKS")
        .output()
        .unwrap();
    let text = ok(&out);
    assert!(text.contains("Successfully installed demo-pkg-1.5 Helper-0.2"), "{text}");
}

#[test]
fn files_are_hard_linked_from_the_wheel_cache() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let whl = demo("1.0").build(tmp.path());
    let cache = tmp.path().join("cache");
    let install = |t: &str, cache: &std::path::Path| {
        ok(&krait_pip(&["install", "--python", "python3.11", "--cache-dir", cache.to_str().unwrap(), "--target", tmp.path().join(t).to_str().unwrap(), whl.to_str().unwrap()]))
    };
    install("a", &cache);
    install("b", &cache);
    let unpacked: Vec<_> = fs::read_dir(cache.join("unpacked")).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(unpacked.len(), 1, "{unpacked:?}");
    let cached = unpacked[0].join("demo_pkg/__init__.py");
    let (a, b) = (tmp.path().join("a/demo_pkg/__init__.py"), tmp.path().join("b/demo_pkg/__init__.py"));
    let ino = |p: &std::path::Path| fs::metadata(p).unwrap().ino();
    assert_eq!(ino(&a), ino(&cached));
    assert_eq!(ino(&b), ino(&cached));
    assert_eq!(fs::metadata(&cached).unwrap().nlink(), 3);
    // Files the installer writes itself are not shared.
    assert_eq!(fs::metadata(tmp.path().join("a/demo_pkg-1.0.dist-info/RECORD")).unwrap().nlink(), 1);
    assert_eq!(fs::metadata(tmp.path().join("a/bin/demo-cli")).unwrap().nlink(), 1);
    // Removing one target leaves the cache and the other target alone.
    fs::remove_dir_all(tmp.path().join("a")).unwrap();
    assert_eq!(fs::metadata(&cached).unwrap().nlink(), 2);
    let o = python(&["-c", "import demo_pkg; print(demo_pkg.VERSION)"], Some(&tmp.path().join("b")));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "1.0");

    // A damaged cache file (same size, replaced) is not installed: the
    // cache is unpacked again from the wheel.
    let good = fs::read(&cached).unwrap();
    let mut bad = good.clone();
    bad[0] = b'#';
    fs::remove_file(&cached).unwrap();
    fs::write(&cached, &bad).unwrap();
    install("c", &cache);
    assert_eq!(fs::read(tmp.path().join("c/demo_pkg/__init__.py")).unwrap(), good);
    assert_eq!(fs::read(&cached).unwrap(), good, "the cache was not repaired");
    assert_eq!(ino(&tmp.path().join("c/demo_pkg/__init__.py")), ino(&cached));
    // Nor is one edited in place through an installed hard link (same inode, new mtime).
    use std::io::Write as _;
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::OpenOptions::new().write(true).open(tmp.path().join("c/demo_pkg/__init__.py")).unwrap().write_all(b"#").unwrap();
    assert_eq!(fs::read(&cached).unwrap(), bad);
    install("e", &cache);
    assert_eq!(fs::read(tmp.path().join("e/demo_pkg/__init__.py")).unwrap(), good);
    let unpacked: Vec<_> = fs::read_dir(cache.join("unpacked")).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(unpacked.len(), 1, "{unpacked:?}");

    // A cache on another device (tmpfs): files are copied.
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() && fs::metadata(shm).unwrap().dev() != fs::metadata(tmp.path()).unwrap().dev() {
        let other = tempfile::tempdir_in(shm).unwrap();
        install("d", other.path());
        let d = tmp.path().join("d/demo_pkg/__init__.py");
        assert_eq!(fs::read(&d).unwrap(), good);
        assert_eq!(fs::metadata(&d).unwrap().nlink(), 1);
        assert!(other.path().join("unpacked").is_dir());
    }
}

/// Starts an install that stops at `point` (the test-only KRAIT_PIP_TEST_PAUSE
/// knob) and kills it with SIGKILL once it is there.
fn kill_at(point: &str, args: &[&str], dir: &std::path::Path) {
    let marker = dir.join(format!("paused-{point}"));
    let _ = fs::remove_file(&marker);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_krait-pip"))
        .args(args)
        .env_remove("VIRTUAL_ENV")
        .env("PIP_CONFIG_FILE", "/dev/null")
        .env("KRAIT_PIP_TEST_PAUSE", point)
        .env("KRAIT_PIP_TEST_PAUSE_FILE", &marker)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !marker.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("krait-pip ended ({status}) before reaching {point}");
        }
        assert!(start.elapsed().as_secs() < 60, "krait-pip never reached {point}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

fn stages(dir: &std::path::Path) -> Vec<String> {
    fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().to_string()).filter(|n| n.starts_with(".krait-pip-stage-")).collect()
}

#[test]
fn killed_installs_leave_the_environment_whole_or_completable() {
    let tmp = tempfile::tempdir().unwrap();
    let py = venv(&tmp.path().join("v"));
    let p = py.to_str().unwrap();
    let site = tmp.path().join("v/lib/python3.11/site-packages");
    let cache = tmp.path().join("cache");
    let c = cache.to_str().unwrap();
    let v1 = demo("1.0").build(tmp.path());
    let v2 = demo("2.0").build(tmp.path());
    let other = WheelSpec::new("other", "1.0").file("other.py", "").build(tmp.path());
    ok(&krait_pip(&["install", "--python", p, "--cache-dir", c, v1.to_str().unwrap()]));
    let before = tree(&tmp.path().join("v"));
    let upgrade = ["install", "--python", p, "--cache-dir", c, v2.to_str().unwrap()];

    // Killed after checking, before any change: nothing changed.
    kill_at("verified", &upgrade, tmp.path());
    assert_eq!(tree(&tmp.path().join("v")), before);

    // Killed with the old version removed and the new one not yet in place,
    // then killed again half-way through copying the new one's files.
    for point in ["after-uninstall", "mid-commit"] {
        ok(&krait_pip(&["install", "--python", p, "--cache-dir", c, "--force-reinstall", v1.to_str().unwrap()]));
        kill_at(point, &upgrade, tmp.path());
        assert!(site.join(".krait-pip-journal.json").exists(), "{point}: no journal");
        if point == "mid-commit" {
            assert_eq!(stages(&site).len(), 1, "{point}: the killed run's staging folder should be there");
        }
        // The next install (of something else) finishes the upgrade first.
        let out = ok(&krait_pip(&["install", "--python", p, "--cache-dir", c, other.to_str().unwrap()]));
        assert!(out.contains("Completing an installation that was interrupted: demo-pkg\n"), "{point}: {out}");
        assert!(out.contains("Successfully installed other-1.0"), "{point}: {out}");
        assert!(stages(&site).is_empty(), "{point}: {:?}", stages(&site));
        assert!(!site.join(".krait-pip-journal.json").exists());
        let files = tree(&site);
        assert!(files.contains(&"demo_pkg/only_2_0.py".to_string()), "{point}: {files:?}");
        assert!(!files.iter().any(|f| f.contains("only_1_0") || f.starts_with("demo_pkg-1.0.dist-info")), "{point}: {files:?}");
        // Whole: every RECORD entry is there with its hash, the launcher runs, pip agrees.
        let record = fs::read_to_string(site.join("demo_pkg-2.0.dist-info/RECORD")).unwrap();
        for line in record.lines() {
            let parts: Vec<&str> = line.split(',').collect();
            if !parts[1].is_empty() {
                assert_eq!(parts[1], hash(&fs::read(site.join(parts[0])).unwrap()), "{point}: {}", parts[0]);
            }
        }
        let run = std::process::Command::new(tmp.path().join("v/bin/demo-cli")).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&run.stdout), "demo main 2.0\n", "{point}");
        let check = ok(&krait_pip(&["check", "--python", p]));
        assert_eq!(check, "No broken requirements found.\n");
        let theirs = python(&["-m", "pip", "list", "--format=freeze", "--path", site.to_str().unwrap()], None);
        assert_eq!(String::from_utf8_lossy(&theirs.stdout), "demo-pkg==2.0\nother==1.0\n", "{point}");
        ok(&krait_pip(&["uninstall", "--python", p, "-y", "other"]));
    }
    // An uninstall also finishes an interrupted install before removing anything.
    ok(&krait_pip(&["install", "--python", p, "--cache-dir", c, "--force-reinstall", v1.to_str().unwrap()]));
    kill_at("after-uninstall", &upgrade, tmp.path());
    let out = ok(&krait_pip(&["uninstall", "--python", p, "-y", "demo-pkg"]));
    assert!(out.starts_with("Completing an installation that was interrupted: demo-pkg\n"), "{out}");
    assert!(out.contains("Successfully uninstalled demo-pkg-2.0"), "{out}");
    let left = tree(&site);
    assert!(!left.iter().any(|f| f.contains("demo_pkg")), "{left:?}");
    assert!(!tmp.path().join("v/bin/demo-cli").exists());
}

#[test]
fn upgrade_strategies() {
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("links");
    fs::create_dir_all(&links).unwrap();
    for v in ["1.0", "2.0"] {
        WheelSpec::new("app", v).file("app.py", "").requires("lib>=1.0").build(&links);
        WheelSpec::new("lib", v).file("lib.py", "").build(&links);
    }
    let l = links.to_str().unwrap();
    for (strategy, want) in [("only-if-needed", "Successfully installed app-2.0\n"), ("eager", "Successfully installed app-2.0 lib-2.0\n")] {
        let t = tmp.path().join(strategy);
        let t = t.to_str().unwrap();
        ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "app==1.0", "lib==1.0"]));
        let out = ok(&krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t, "-U", "--upgrade-strategy", strategy, "app"]));
        assert!(out.ends_with(want), "{strategy}: {out}");
    }
    // pip makes the same choices in a venv of its own (pip ignores what a --target folder holds).
    let v = tmp.path().join("pipvenv");
    assert!(std::process::Command::new("python3.11").args(["-m", "venv"]).arg(&v).status().unwrap().success());
    let pip = |args: &[&str]| {
        std::process::Command::new(v.join("bin/python"))
            .args(["-m", "pip", "--disable-pip-version-check", "--isolated"])
            .args(args)
            .env("PIP_CONFIG_FILE", "/dev/null")
            .output()
            .unwrap()
    };
    assert!(pip(&["install", "--no-index", "-f", l, "app==1.0", "lib==1.0"]).status.success());
    for (strategy, want) in [("only-if-needed", "Would install app-2.0\n"), ("eager", "Would install app-2.0 lib-2.0\n")] {
        let o = pip(&["install", "--no-index", "-f", l, "--dry-run", "-U", "--upgrade-strategy", strategy, "app"]);
        assert!(String::from_utf8_lossy(&o.stdout).ends_with(want), "{strategy}: pip: {}", String::from_utf8_lossy(&o.stdout));
    }
}
