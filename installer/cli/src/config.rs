//! pip's configuration: pip.conf files and `PIP_*` environment variables.
//!
//! pip reads, in this order, the global files (`$XDG_CONFIG_DIRS/pip/pip.conf`
//! or `/etc/xdg/pip/pip.conf`, then `/etc/pip.conf`), the user files
//! (`~/.pip/pip.conf`, then `$XDG_CONFIG_HOME/pip/pip.conf`; skipped when
//! `PIP_CONFIG_FILE` names a file that exists), the environment's own
//! `pip.conf` (at the virtual environment's root) and finally the file named by
//! `PIP_CONFIG_FILE`; `PIP_CONFIG_FILE=/dev/null` turns all files off. A key
//! set by a later file replaces the same key of an earlier one. Keys of the
//! `[global]` section come first, then those of the command's section
//! (`[install]`, `[list]`, ...), then `PIP_<OPTION>` variables; the command
//! line comes last and wins. Every long option can be set this way: its name
//! without the dashes is the key, upper-cased with `_` for `-` after `PIP_`.
//!
//! `--isolated` on the command line (as in pip, only there) skips the user
//! files and the variables.
//!
//! Values are turned into command-line words placed before the user's own:
//! flags take yes/no, true/false, on/off or 1/0; counts (`verbose`, `quiet`)
//! a number; options that may be repeated take whitespace-separated lists.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `section.key` → value, from one INI text (configparser's dialect:
/// `key = value` or `key: value`, indented lines continue a value, `#` and
/// `;` start comments).
pub fn parse_ini(text: &str, out: &mut BTreeMap<String, String>) {
    let mut section = String::new();
    let mut last: Option<String> = None;
    for raw in text.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            if trimmed.is_empty() {
                last = None;
            }
            continue;
        }
        if raw.starts_with(char::is_whitespace) {
            if let Some(k) = &last {
                let v = out.entry(k.clone()).or_default();
                if !v.is_empty() {
                    v.push('\n');
                }
                v.push_str(trimmed);
                continue;
            }
        }
        if trimmed.starts_with('[') && trimmed.ends_with(']') {
            section = trimmed[1..trimmed.len() - 1].trim().to_string();
            last = None;
            continue;
        }
        let cut = trimmed.find(['=', ':']);
        let (k, v) = match cut {
            Some(i) => (trimmed[..i].trim(), trimmed[i + 1..].trim()),
            None => (trimmed, ""),
        };
        let key = format!("{section}.{}", normalize_key(k));
        out.insert(key.clone(), v.to_string());
        last = Some(key);
    }
}

fn normalize_key(k: &str) -> String {
    k.trim().to_ascii_lowercase().replace('_', "-")
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// The configuration files pip would read, in order.
pub fn config_files(site_prefix: Option<&Path>, isolated: bool) -> Vec<PathBuf> {
    let env_file = std::env::var_os("PIP_CONFIG_FILE").map(PathBuf::from);
    if env_file.as_deref() == Some(Path::new("/dev/null")) {
        return Vec::new();
    }
    let mut files = Vec::new();
    let xdg_dirs = std::env::var("XDG_CONFIG_DIRS").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "/etc/xdg".into());
    for d in xdg_dirs.split(':').filter(|d| !d.is_empty()) {
        files.push(Path::new(d).join("pip/pip.conf"));
    }
    files.push(PathBuf::from("/etc/pip.conf"));
    let skip_user = isolated || env_file.as_ref().is_some_and(|f| f.exists());
    if !skip_user {
        if let Some(h) = home() {
            files.push(h.join(".pip/pip.conf"));
        }
        let xdg_home = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| home().map(|h| h.join(".config")));
        if let Some(x) = xdg_home {
            files.push(x.join("pip/pip.conf"));
        }
    }
    if let Some(p) = site_prefix {
        files.push(p.join("pip.conf"));
    }
    if let Some(f) = env_file {
        files.push(f);
    }
    files
}

/// The environment's root for its own pip.conf: `$VIRTUAL_ENV`, or the
/// virtual environment holding the interpreter named by `--python`/`PIP_PYTHON`.
pub fn site_prefix(argv: &[OsString]) -> Option<PathBuf> {
    let mut python: Option<PathBuf> = std::env::var_os("PIP_PYTHON").map(PathBuf::from);
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--python" {
            python = it.next().map(PathBuf::from);
        } else if let Some(v) = s.strip_prefix("--python=") {
            python = Some(PathBuf::from(v));
        }
    }
    if let Some(py) = python {
        let root = py.parent().and_then(Path::parent)?;
        return root.join("pyvenv.cfg").exists().then(|| root.to_path_buf());
    }
    std::env::var_os("VIRTUAL_ENV").map(PathBuf::from)
}

/// Settings in the order pip applies them (later wins): (key, value, where).
pub fn ordered_settings(command: &str, files: &[PathBuf], isolated: bool) -> Vec<(String, String, String)> {
    let mut merged = BTreeMap::new();
    for f in files {
        if let Ok(text) = std::fs::read_to_string(f) {
            parse_ini(&text, &mut merged);
        }
    }
    let mut out = Vec::new();
    for section in ["global", command] {
        for (k, v) in &merged {
            if let Some(key) = k.strip_prefix(&format!("{section}.")) {
                out.push((key.to_string(), v.clone(), format!("[{section}] in a pip.conf")));
            }
        }
    }
    if isolated {
        return out;
    }
    let mut env: Vec<(String, String)> = std::env::vars().filter_map(|(k, v)| k.strip_prefix("PIP_").map(|s| (normalize_key(s), v))).collect();
    env.sort();
    for (k, v) in env {
        if k == "config-file" {
            continue;
        }
        out.push((k.clone(), v, format!("PIP_{}", k.to_ascii_uppercase().replace('-', "_"))));
    }
    out
}

fn strtobool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" | "t" | "true" | "on" | "1" => Some(true),
        "n" | "no" | "f" | "false" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// Words for the command line that stand for the configuration of
/// `command`, to be placed before the user's own arguments.
pub fn config_args(sub: &clap::Command, settings: &[(String, String, String)]) -> Result<Vec<OsString>, String> {
    // The value each option ends with, later settings replacing earlier ones.
    let mut chosen: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (k, v, origin) in settings {
        chosen.insert(k.clone(), (v.clone(), origin.clone()));
    }
    let mut out = Vec::new();
    for arg in sub.get_arguments() {
        let Some(long) = arg.get_long() else { continue };
        if matches!(long, "help" | "version") {
            continue;
        }
        // The option's own name or any other long name of it (pip reads both
        // PIP_TIMEOUT and PIP_DEFAULT_TIMEOUT); the last setting given wins.
        let names: Vec<&str> = std::iter::once(long).chain(arg.get_all_aliases().unwrap_or_default()).collect();
        let found = settings.iter().rev().find(|(k, _, _)| names.contains(&k.as_str())).map(|(k, _, _)| k.clone());
        let Some((value, origin)) = found.as_ref().and_then(|k| chosen.get(k)) else { continue };
        match arg.get_action() {
            clap::ArgAction::SetTrue => match strtobool(value) {
                // pip's quirk: any valid value of no-cache-dir (even "false") turns the cache off.
                Some(_) if long == "no-cache-dir" => out.push(OsString::from(format!("--{long}"))),
                Some(true) => out.push(OsString::from(format!("--{long}"))),
                Some(false) => {}
                None => {
                    return Err(format!(
                        "{value} is not a valid value for {long} option, please specify a boolean value like yes/no, true/false or 1/0 instead. (from {origin})"
                    ))
                }
            },
            clap::ArgAction::Count => {
                let n = strtobool(value).map(|b| b as u32).or_else(|| value.trim().parse::<u32>().ok()).ok_or_else(|| {
                    format!("{value} is not a valid value for {long} option, please instead specify either a non-negative integer or a boolean value like yes/no or false/true which is equivalent to 1/0. (from {origin})")
                })?;
                for _ in 0..n {
                    out.push(OsString::from(format!("--{long}")));
                }
            }
            clap::ArgAction::Append => {
                for w in value.split_whitespace() {
                    out.push(OsString::from(format!("--{long}={w}")));
                }
            }
            _ => {
                if arg.get_num_args().is_some_and(|n| n.max_values() == 0) {
                    continue;
                }
                out.push(OsString::from(format!("--{long}={}", value.trim())));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ini_sections_and_continuations() {
        let mut m = BTreeMap::new();
        parse_ini("# c\n[global]\nindex_url = http://a/simple\nfind-links =\n    /x\n    /y\n; c\n[install]\nno-deps: yes\n", &mut m);
        assert_eq!(m["global.index-url"], "http://a/simple");
        assert_eq!(m["global.find-links"], "/x\n/y");
        assert_eq!(m["install.no-deps"], "yes");
    }
}
