use super::*;
use std::process::Command;

const VERSIONS: &[&str] = &[
    "1.0", "1.0.0", "1", "v1.0", "1.0a1", "1.0A1", "1.0alpha1", "1.0-beta.2", "1.0c1", "1.0rc1", "1.0pre", "1.0preview2",
    "1.0.dev0", "1.0dev", "1.0a1.dev3", "1.0.post1", "1.0-1", "1.0rev2", "1.0r", "1.0.post1.dev2", "1.0+abc.5",
    "1.0+5", "1.0+abc-def_7", "1!0.5", "2.0", "2.0.1", "2.0b1", "1.1", "1.1.0.post0", "0.9", "1.0.0+local",
    "3.0", "3.0a1", "3.0.post1", "3.0+l1", "2.9.9", "1.4.5", "1.4", "1.5", "1.4.5.1", "2.2.0", "2.3",
];

const SPECS: &[&str] = &[
    "==1.0", "==1.0.0", "==1.*", "==1.0.*", "!=1.0", "!=1.*", ">=1.0", "<=1.0", "<2.0", ">1.0", "~=1.4.5", "~=1.4", "~=2.2",
    ">=1.0a1", "<3.0", ">3.0", ">3.0.post0", "<3.0a2", "===1.0", "==1.0+abc.5", "!=1.0+5", ">=1!0", "==2.0.*", "~=1.0a1",
    ">=1.0,<2.0", ">=1.0,!=1.1,<3", "",
];

fn python_results() -> Option<String> {
    let script = r#"
import sys, json
try:
    from packaging.version import Version
    from packaging.specifiers import SpecifierSet
except ImportError:
    from pip._vendor.packaging.version import Version
    from pip._vendor.packaging.specifiers import SpecifierSet
d = json.loads(sys.stdin.read())
out = {"norm": [str(Version(v)) for v in d["v"]],
       "sorted": [d["v"].index(v) for v in sorted(d["v"], key=lambda x: (Version(x), d["v"].index(x)))],
       "contains": [[SpecifierSet(s).contains(v) for v in d["v"]] for s in d["s"]],
       "contains_pre": [[SpecifierSet(s).contains(v, prereleases=True) for v in d["v"]] for s in d["s"]]}
print(json.dumps(out))
"#;
    let input = format!(
        "{{\"v\": [{}], \"s\": [{}]}}",
        VERSIONS.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(","),
        SPECS.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(",")
    );
    let mut child = Command::new("python3.11")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    assert!(out.status.success(), "python3.11 failed");
    Some(String::from_utf8(out.stdout).unwrap())
}

fn json_list(s: &str, key: &str) -> String {
    let start = s.find(&format!("\"{key}\": ")).unwrap() + key.len() + 4;
    let rest = &s[start..];
    let mut depth = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return rest[..=i].to_string();
                }
            }
            _ => {}
        }
    }
    panic!("bad json")
}

#[test]
fn agrees_with_packaging() {
    let out = python_results().expect("python3.11 is needed for this test");
    let vs: Vec<Version> = VERSIONS.iter().map(|v| v.parse().unwrap()).collect();

    let norm: Vec<String> = vs.iter().map(|v| format!("\"{v}\"")).collect();
    assert_eq!(format!("[{}]", norm.join(", ")), json_list(&out, "norm"));

    let mut idx: Vec<usize> = (0..vs.len()).collect();
    idx.sort_by(|&a, &b| vs[a].cmp(&vs[b]).then(a.cmp(&b)));
    let idx_s: Vec<String> = idx.iter().map(|i| i.to_string()).collect();
    assert_eq!(format!("[{}]", idx_s.join(", ")), json_list(&out, "sorted"));

    for (key, pre) in [("contains", false), ("contains_pre", true)] {
        let rows: Vec<String> = SPECS
            .iter()
            .map(|s| {
                let set: VersionSpecifiers = s.parse().unwrap();
                let cells: Vec<&str> = vs.iter().map(|v| if set.contains(v, pre) { "true" } else { "false" }).collect();
                format!("[{}]", cells.join(", "))
            })
            .collect();
        let expected = json_list(&out, key);
        let mine = format!("[{}]", rows.join(", "));
        if mine != expected {
            // Find the first differing cell for a readable failure.
            let exp_rows: Vec<&str> = expected[1..expected.len() - 1].split("], [").collect();
            for (i, s) in SPECS.iter().enumerate() {
                let m = rows[i].trim_matches(|c| c == '[' || c == ']');
                let e = exp_rows[i].trim_matches(|c| c == '[' || c == ']');
                if m != e {
                    let mm: Vec<&str> = m.split(", ").collect();
                    let ee: Vec<&str> = e.split(", ").collect();
                    for (j, v) in VERSIONS.iter().enumerate() {
                        assert_eq!(mm[j], ee[j], "{key}: {v:?} in {s:?}");
                    }
                }
            }
        }
        assert_eq!(mine, expected, "{key}");
    }
}

#[test]
fn normalises() {
    let v: Version = "V1.0-ALPHA.1_DEV".parse().unwrap();
    assert_eq!(v.to_string(), "1.0a1.dev0");
    assert_eq!("1.0-r4".parse::<Version>().unwrap().to_string(), "1.0.post4");
    assert_eq!("2!1.0+UbuNTu-1".parse::<Version>().unwrap().to_string(), "2!1.0+ubuntu.1");
}

#[test]
fn rejects_garbage() {
    for bad in ["", "1.0.", "a1", "1.0+", "1.0 foo", "1..0", "1.0+a..b"] {
        assert!(bad.parse::<Version>().is_err(), "{bad:?} parsed");
    }
    for bad in ["1.0", "~=1", ">=1.0.*", "<=1.0+local", "=1.0"] {
        assert!(bad.parse::<VersionSpecifier>().is_err(), "{bad:?} parsed");
    }
}

#[test]
fn ordering_rules() {
    let order = ["1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0+a", "1.0+1", "1.0.post1.dev1", "1.0.post1", "1.1.dev0"];
    let vs: Vec<Version> = order.iter().map(|v| v.parse().unwrap()).collect();
    for w in vs.windows(2) {
        assert!(w[0] < w[1], "{} < {}", w[0], w[1]);
    }
    assert_eq!("1.0".parse::<Version>().unwrap(), "1.0.0.0".parse().unwrap());
}

#[test]
fn filter_falls_back_to_prereleases() {
    let vs: Vec<Version> = ["2.0a1", "2.0b1"].iter().map(|v| v.parse().unwrap()).collect();
    let set: VersionSpecifiers = ">=1.0".parse().unwrap();
    assert_eq!(set.filter(&vs, false).len(), 2);
    let vs2: Vec<Version> = ["1.5", "2.0a1"].iter().map(|v| v.parse().unwrap()).collect();
    let got = set.filter(&vs2, false);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to_string(), "1.5");
}
