use super::*;
use std::process::Command;

fn python() -> Interpreter {
    Interpreter::query(Path::new("python3.11"), None).expect("python3.11 is needed for this test")
}

#[test]
fn asks_the_interpreter() {
    let py = python();
    assert_eq!(py.version, (3, 11));
    assert_eq!(py.implementation, "cpython");
    assert_eq!(py.markers.get("python_version"), Some("3.11"));
    let out = Command::new("python3.11").args(["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).output().unwrap();
    assert_eq!(py.scheme.purelib, PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()));
    let prefixed = Interpreter::query(Path::new("python3.11"), Some(Path::new("/opt/pfx"))).unwrap();
    assert_eq!(prefixed.scheme.purelib, PathBuf::from("/opt/pfx/lib/python3.11/site-packages"));
    assert_eq!(prefixed.scheme.scripts, PathBuf::from("/opt/pfx/bin"));
}

/// pip's own list of supported tags must be the same set as ours, best tags in the same order.
#[test]
fn tags_agree_with_pip() {
    let py = python();
    let out = Command::new("python3.11")
        .args(["-c", "from pip._vendor.packaging.tags import sys_tags\nfor t in sys_tags(): print(t)"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let theirs: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(|s| s.to_string()).collect();
    // Newer packaging (and uv) also accept cp311-none-any, just before py311-none-any;
    // the packaging pip 23.2 vendors does not list it.
    let ours: Vec<String> =
        py.tags().ordered.iter().map(|t| t.to_string()).filter(|t| t != "cp311-none-any").collect();
    let missing: Vec<&String> = theirs.iter().filter(|t| !ours.contains(t)).collect();
    let extra: Vec<&String> = ours.iter().filter(|t| !theirs.contains(t)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    let first = theirs.iter().zip(&ours).position(|(a, b)| a != b);
    assert_eq!(first, None, "order differs at {:?}", first.map(|i| (&theirs[i], &ours[i])));
}

#[test]
fn wheel_compatibility() {
    let tags = Tags::for_interpreter("cpython", (3, 11), "linux-x86_64", Some((2, 31)));
    let prio = |f: &str| tags.priority(&WheelFilename::parse(f).unwrap().tags());
    assert!(prio("numpy-1.26.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl").is_some());
    assert!(prio("numpy-1.26.0-cp311-cp311-manylinux_2_34_x86_64.whl").is_none());
    assert!(prio("numpy-1.26.0-cp310-cp310-manylinux_2_17_x86_64.whl").is_none());
    assert!(prio("pkg-1.0-cp37-abi3-linux_x86_64.whl").is_some());
    assert!(prio("pkg-1.0-py2.py3-none-any.whl").is_some());
    assert!(prio("pkg-1.0-py3-none-win_amd64.whl").is_none());
    assert!(prio("pkg-1.0-cp311-cp311-musllinux_1_1_x86_64.whl").is_none());
    assert!(prio("a-1.0-cp311-cp311-manylinux_2_17_x86_64.whl") < prio("a-1.0-py3-none-any.whl"));
    let w = WheelFilename::parse("My_Pkg-2.0.1-1build-py3-none-any.whl").unwrap();
    assert_eq!(w.build.as_deref(), Some("1build"));
    assert!(WheelFilename::parse("bad-1.0.whl").is_err());
}
