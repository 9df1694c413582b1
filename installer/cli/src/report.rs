//! pip's JSON installation report (`--report`, format version 1).

use serde_json::{json, Map, Value};

use crate::{Env, Planned};

/// METADATA fields in pip's order, and whether each may repeat.
const FIELDS: &[(&str, bool)] = &[
    ("Metadata-Version", false),
    ("Name", false),
    ("Version", false),
    ("Dynamic", true),
    ("Platform", true),
    ("Supported-Platform", true),
    ("Summary", false),
    ("Description", false),
    ("Description-Content-Type", false),
    ("Keywords", false),
    ("Home-page", false),
    ("Download-URL", false),
    ("Author", false),
    ("Author-email", false),
    ("Maintainer", false),
    ("Maintainer-email", false),
    ("License", false),
    ("Classifier", true),
    ("Requires-Dist", true),
    ("Requires-Python", false),
    ("Requires-External", true),
    ("Project-URL", true),
    ("Provides-Extra", true),
    ("Provides-Dist", true),
    ("Obsoletes-Dist", true),
];

/// Core metadata as JSON (PEP 566): keys lower-cased with `_`, repeatable
/// fields as lists, keywords split, the body as `description`.
pub fn metadata_json(text: &str) -> Value {
    // Headers (with continuation lines) up to the first blank line.
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut lines = text.split('\n');
    let mut body = String::new();
    for line in lines.by_ref() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push('\n');
                last.1.push_str(line);
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim_start().to_string()));
        }
    }
    let rest: Vec<&str> = lines.collect();
    if !rest.is_empty() {
        body = rest.join("\n");
    }
    let mut out = Map::new();
    for (field, multi) in FIELDS {
        let values: Vec<&String> = headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case(field)).map(|(_, v)| v).collect();
        if values.is_empty() {
            continue;
        }
        let key = field.to_ascii_lowercase().replace('-', "_");
        let value = if *multi {
            Value::from(values.iter().map(|v| v.to_string()).collect::<Vec<_>>())
        } else if key == "keywords" {
            let v = values[0];
            if v.contains(',') {
                Value::from(v.split(',').map(|s| s.trim().to_string()).collect::<Vec<_>>())
            } else {
                Value::from(v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            }
        } else {
            Value::from(values[0].clone())
        };
        out.insert(key, value);
    }
    if !body.is_empty() {
        out.insert("description".into(), Value::from(body));
    }
    Value::Object(out)
}

const ENV_KEYS: &[&str] = &[
    "implementation_name",
    "implementation_version",
    "os_name",
    "platform_machine",
    "platform_release",
    "platform_system",
    "platform_version",
    "python_full_version",
    "platform_python_implementation",
    "python_version",
    "sys_platform",
];

/// The report for the distributions about to be installed, indented as pip's.
pub fn installation_report(chosen: &[Planned], req: &crate::plan::Request, env: &Env) -> String {
    let install: Vec<Value> = chosen
        .iter()
        .map(|c| {
            // The index's hash was checked when downloading (the wheel may be kept only unpacked).
            let hash = c.file.sha256.clone().or_else(|| crate::plan::file_digest(&c.path, "sha256").ok()).unwrap_or_default();
            let mut item = Map::new();
            item.insert(
                "download_info".into(),
                json!({"url": crate::plan::display_url(&c.file), "archive_info": {"hash": format!("sha256={hash}"), "hashes": {"sha256": hash}}}),
            );
            item.insert("is_direct".into(), Value::from(c.direct));
            item.insert("requested".into(), Value::from(c.requested));
            item.insert("metadata".into(), metadata_json(&c.metadata));
            if !c.extras.is_empty() {
                item.insert("requested_extras".into(), Value::from(c.extras.clone()));
            }
            Value::Object(item)
        })
        .collect();
    let _ = req;
    let mut environment = Map::new();
    for k in ENV_KEYS {
        if let Some(v) = env.python.markers.0.get(*k) {
            environment.insert(k.to_string(), Value::from(v.clone()));
        }
    }
    let report = json!({
        "version": "1",
        // The installer's own version (pip writes its own here).
        "pip_version": env!("CARGO_PKG_VERSION"),
        "install": install,
        "environment": Value::Object(environment),
    });
    serde_json::to_string_pretty(&report).expect("JSON values serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_as_json() {
        let m = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nKeywords: a, b\nClassifier: X\nClassifier: Y\nRequires-Dist: lib>=1\nLicense: line one\n        line two\n\nThe long\ndescription.\n";
        let v = metadata_json(m);
        assert_eq!(v["name"], "demo");
        assert_eq!(v["keywords"], json!(["a", "b"]));
        assert_eq!(v["classifier"], json!(["X", "Y"]));
        assert_eq!(v["requires_dist"], json!(["lib>=1"]));
        assert_eq!(v["license"], "line one\n        line two");
        assert_eq!(v["description"], "The long\ndescription.\n");
        assert!(v.get("summary").is_none());
    }
}
