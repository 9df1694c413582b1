//! Requirements and constraints files, per-line options and pip's
//! hash-checking mode, compared with pip itself where the output is pip's.

mod common;
use common::*;

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

/// app 1.0/2.0 (needing lib>=1.0 / lib>=2.0), lib 1.0/2.0/3.0b1 in `dir`.
fn wheels(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    WheelSpec::new("app", "1.0").file("app.py", "V = 1\n").requires("lib>=1.0").build(dir);
    WheelSpec::new("app", "2.0").file("app.py", "V = 2\n").requires("lib>=2.0").build(dir);
    for v in ["1.0", "2.0", "3.0b1"] {
        WheelSpec::new("lib", v).file("lib.py", &format!("L = '{v}'\n")).build(dir);
    }
}

fn sha(p: &Path) -> String {
    format!("{:x}", Sha256::digest(fs::read(p).unwrap()))
}

#[test]
fn constraints_narrow_dependencies_without_installing() {
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("links");
    wheels(&links);
    let (l, t) = (links.to_str().unwrap(), tmp.path().join("t"));
    fs::write(tmp.path().join("c.txt"), "lib<2  # keep the old one\nunrelated==9 ; python_version >= '3'\n").unwrap();
    let c = tmp.path().join("c.txt");
    let args = ["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t.to_str().unwrap(), "-c", c.to_str().unwrap(), "app"];
    let out = ok(&krait_pip(&args));
    // The constraint on lib makes app 1.0 the newest that fits; nothing else is installed.
    assert!(out.contains("Successfully installed app-1.0 lib-1.0\n"), "{out}");
    let theirs = real_pip(&["install", "--dry-run", "--no-index", "-f", l, "--target", tmp.path().join("p").to_str().unwrap(), "-c", c.to_str().unwrap(), "app"]);
    assert!(String::from_utf8_lossy(&theirs.stdout).contains("Would install app-1.0 lib-1.0"), "{}", stderr(&theirs));

    // A constraint that nothing can meet together with the requirement.
    fs::write(tmp.path().join("c2.txt"), "lib>5\n").unwrap();
    let out = krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", tmp.path().join("t2").to_str().unwrap(), "-c", tmp.path().join("c2.txt").to_str().unwrap(), "lib"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Could not find a version that satisfies the requirement lib"), "{}", stderr(&out));
    // Constraints may not have extras.
    fs::write(tmp.path().join("c3.txt"), "lib[x]<2\n").unwrap();
    let out = krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", tmp.path().join("t3").to_str().unwrap(), "-c", tmp.path().join("c3.txt").to_str().unwrap(), "lib"]);
    assert!(stderr(&out).contains("Constraints cannot have extras"), "{}", stderr(&out));
}

#[test]
fn requirements_files_carry_options_and_nest() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    wheels(&d.join("reqs/wheels"));
    fs::create_dir_all(d.join("reqs/inner")).unwrap();
    // -f relative to the file, --pre, --no-index, a nested -c with a nested -r, continuations and ${VAR}.
    fs::write(d.join("reqs/top.txt"), "--no-index\n-f wheels\n--pre\n-c inner/cons.txt\napp \\\n  >=${APP_MIN}\n").unwrap();
    fs::write(d.join("reqs/inner/cons.txt"), "-r more.txt\n").unwrap();
    fs::write(d.join("reqs/inner/more.txt"), "lib!=2.0\n").unwrap();
    let t = d.join("t");
    let out = krait_pip_env(
        &["install", "--python", "python3.11", "--target", t.to_str().unwrap(), "-r", d.join("reqs/top.txt").to_str().unwrap()],
        &[("APP_MIN", "2")],
    );
    let text = ok(&out);
    // lib 2.0 is excluded by the nested constraint; --pre lets the beta in.
    assert!(text.contains("Successfully installed app-2.0 lib-3.0b1"), "{text}");
    assert!(!t.join("lib-1.0.dist-info").exists());

    // The same file read by pip gives the same choice.
    let theirs = real_pip_env(&["install", "--dry-run", "--target", d.join("p").to_str().unwrap(), "-r", d.join("reqs/top.txt").to_str().unwrap()], &[("APP_MIN", "2")]);
    let theirs_out = String::from_utf8_lossy(&theirs.stdout).to_string();
    assert!(theirs_out.contains("Would install app-2.0 lib-3.0b1"), "{theirs_out}{}", stderr(&theirs));

    // -i and --extra-index-url lines are taken (an unreachable index fails loudly rather than being ignored).
    fs::write(d.join("reqs/idx.txt"), "-i http://127.0.0.1:9/simple\napp\n").unwrap();
    let out = krait_pip(&["install", "--python", "python3.11", "--target", d.join("t4").to_str().unwrap(), "-r", d.join("reqs/idx.txt").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("127.0.0.1:9/simple/app/"), "{}", stderr(&out));
    // Unknown options are errors, naming the file and line.
    fs::write(d.join("reqs/bad.txt"), "app\n--frobnicate\n").unwrap();
    let out = krait_pip(&["install", "--python", "python3.11", "--target", d.join("t5").to_str().unwrap(), "-r", d.join("reqs/bad.txt").to_str().unwrap()]);
    assert!(stderr(&out).contains("bad.txt (line 2): no such option: --frobnicate"), "{}", stderr(&out));
}

/// The ERROR lines of an install, as pip and krait-pip both write them.
fn errors(o: &std::process::Output) -> String {
    let e = stderr(o);
    e[e.find("ERROR:").unwrap_or(0)..].to_string()
}

#[test]
fn hash_checking_mode_matches_pip() {
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("links");
    wheels(&links);
    let l = links.to_str().unwrap();
    let app2 = sha(&links.join("app-2.0-py3-none-any.whl"));
    let lib2 = sha(&links.join("lib-2.0-py3-none-any.whl"));
    let cases = [
        // Everything pinned and hashed: installs.
        ("good.txt", format!("app==2.0 --hash=sha256:{app2}\nlib==2.0 \\\n    --hash=sha256:{} --hash=sha256:{lib2}\n", "1".repeat(64)), true),
        // A dependency left out, and not pinned by its dependent.
        ("dep.txt", format!("app==2.0 --hash=sha256:{app2}\n"), false),
        // A hashed requirement that is not pinned.
        ("unpinned.txt", format!("app>=2.0 --hash=sha256:{app2}\nlib==2.0 --hash=sha256:{lib2}\n"), false),
        // A wrong hash.
        ("wrong.txt", format!("app==2.0 --hash=sha256:{}\nlib==2.0 --hash=sha256:{lib2}\n", "0".repeat(64)), false),
    ];
    for (name, text, good) in cases {
        let f = tmp.path().join(name);
        fs::write(&f, text).unwrap();
        let t = tmp.path().join(format!("t-{name}"));
        let ours = krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t.to_str().unwrap(), "-r", f.to_str().unwrap()]);
        let theirs = real_pip(&["install", "--no-index", "-f", l, "--target", tmp.path().join(format!("p-{name}")).to_str().unwrap(), "-r", f.to_str().unwrap()]);
        assert_eq!(ours.status.success(), good, "{name}: {}", stderr(&ours));
        assert_eq!(theirs.status.success(), good, "{name}: pip: {}", stderr(&theirs));
        if good {
            assert!(t.join("app.py").exists() && t.join("lib.py").exists());
        } else {
            assert_eq!(errors(&ours), errors(&theirs), "{name}");
            assert!(!t.exists() || tree(&t).is_empty(), "{name}: something was installed");
        }
    }
    // --require-hashes on the command line with no hashes at all: pip lists the hashes to add.
    let t = tmp.path().join("t-req");
    let ours = krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t.to_str().unwrap(), "--require-hashes", "app==2.0", "lib==2.0"]);
    assert!(!ours.status.success());
    let e = errors(&ours);
    assert!(e.starts_with("ERROR: Hashes are required in --require-hashes mode, but they are missing from some requirements."), "{e}");
    assert!(e.contains(&format!("    app==2.0 --hash=sha256:{app2}\n")) && e.contains(&format!("    lib==2.0 --hash=sha256:{lib2}")), "{e}");
    let theirs = real_pip(&["install", "--no-index", "-f", l, "--target", tmp.path().join("p-req").to_str().unwrap(), "--require-hashes", "app==2.0", "lib==2.0"]);
    assert!(errors(&theirs).contains(&format!("    app==2.0 --hash=sha256:{app2}")), "{}", errors(&theirs));
    // Bad --hash values are refused as pip refuses them.
    fs::write(tmp.path().join("md5.txt"), "app==2.0 --hash=md5:00\n").unwrap();
    let out = krait_pip(&["install", "--python", "python3.11", "--no-index", "-f", l, "--target", t.to_str().unwrap(), "-r", tmp.path().join("md5.txt").to_str().unwrap()]);
    assert!(stderr(&out).contains("Allowed hash algorithms for --hash are sha256, sha384, sha512."), "{}", stderr(&out));
}
