use super::*;
use std::process::Command;

const MARKERS: &[&str] = &[
    "python_version >= '3.8'",
    "python_version < '3.11'",
    "python_version == '3.11'",
    "python_full_version >= '3.11.0'",
    "python_version ~= '3.10'",
    "sys_platform == 'linux' and os_name == 'posix'",
    "sys_platform == 'win32' or platform_system == 'Linux'",
    "(sys_platform == 'darwin' or python_version > '3') and implementation_name == 'cpython'",
    "platform_machine in 'x86_64 aarch64'",
    "'linux' not in sys_platform",
    "extra == 'test'",
    "extra == 'test-extra'",
    "implementation_name != 'pypy'",
    "platform_python_implementation == 'CPython'",
    "python_version in '2.7 3.11 3.12'",
    "python_full_version < '3.11.7'",
];

/// Evaluates MARKERS with pip's packaging in python3.11 with extra=`extra`, and
/// prints the environment, so both sides use the same values.
fn python(extra: &str) -> (MarkerEnvironment, Vec<bool>) {
    let script = r#"
import sys
try:
    from packaging.markers import Marker, default_environment
except ImportError:
    from pip._vendor.packaging.markers import Marker, default_environment
env = default_environment()
for k, v in env.items():
    print("env", k, v, sep="\t")
extra = sys.argv[1]
for line in sys.argv[2:]:
    e = dict(env); e["extra"] = extra
    print("res", Marker(line).evaluate(e), sep="\t")
"#;
    let mut cmd = Command::new("python3.11");
    cmd.args(["-c", script, extra]).args(MARKERS);
    let out = cmd.output().expect("python3.11 is needed for this test");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut env = MarkerEnvironment::default();
    let mut res = Vec::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts[0] == "env" {
            env.0.insert(parts[1].to_string(), parts[2].to_string());
        } else {
            res.push(parts[1] == "True");
        }
    }
    (env, res)
}

#[test]
fn markers_agree_with_packaging() {
    for extra in ["", "test", "test-extra"] {
        let (env, expected) = python(extra);
        for (m, want) in MARKERS.iter().zip(expected) {
            let tree: MarkerTree = m.parse().unwrap_or_else(|e| panic!("{m}: {e}"));
            assert_eq!(tree.evaluate(&env, extra), want, "{m} with extra={extra:?}");
        }
    }
}

#[test]
fn parses_requirements() {
    let r: Requirement = "Foo.Bar[security, tests] >=2.8.1, ==2.8.* ; python_version < \"2.7\"".parse().unwrap();
    assert_eq!(r.name, "Foo.Bar");
    assert_eq!(r.normalized_name(), "foo-bar");
    assert_eq!(r.extras, vec!["security", "tests"]);
    assert_eq!(r.specifiers().0.len(), 2);
    assert!(r.marker.is_some());

    let r: Requirement = "name @ https://example.com/name-1.0-py3-none-any.whl ; os_name == 'posix'".parse().unwrap();
    assert_eq!(r.version_or_url, VersionOrUrl::Url("https://example.com/name-1.0-py3-none-any.whl".into()));
    assert_eq!(r.to_string(), "name @ https://example.com/name-1.0-py3-none-any.whl ; os_name == \"posix\"");

    let r: Requirement = "pkg (>=1.0,<2)".parse().unwrap();
    assert_eq!(r.to_string(), "pkg<2,>=1.0");
    let r: Requirement = "pkg".parse().unwrap();
    assert!(r.specifiers().is_empty() && r.extras.is_empty() && r.marker.is_none());
}

#[test]
fn rejects_bad_requirements() {
    for bad in ["", "pkg >= ", "pkg[a", "pkg ; python_version", "pkg ; foo == '1'", "pkg == 1.0 extra", "-pkg", "pkg @ "] {
        assert!(bad.parse::<Requirement>().is_err(), "{bad:?} parsed");
    }
    let e = "pkg ; python_version =< '3'".parse::<Requirement>().unwrap_err();
    assert!(e.to_string().contains("Expected marker operator"), "{e}");
}

#[test]
fn applies_with_extras() {
    let r: Requirement = "pytest ; extra == 'Test'".parse().unwrap();
    let env = MarkerEnvironment::default();
    assert!(!r.applies(&env, &[]));
    assert!(r.applies(&env, &["test".to_string()]));
    assert_eq!(normalize_name("Zope.Interface__x"), "zope-interface-x");
    // PEP 685: extras compare normalised (newer than the packaging pip 23.2 vendors).
    let m: MarkerTree = "extra == 'Test_Extra'".parse().unwrap();
    assert!(m.evaluate(&env, "test-extra"));
}
