//! `krait-pip cache`: the folder, its size, the wheels it holds, removal.
//!
//! Layout: `wheels/<sha256>/<file>.whl` (wheels kept whole, named by
//! their hash: built from sdists, or downloaded without an index hash or by
//! `download`), `unpacked/<sha256>/` (wheels unpacked once, hard-linked into
//! environments; an index's wheel is unpacked straight from the download and
//! kept only in this form), `metadata/<sha256[..2]>/<sha256>` (the METADATA
//! of a wheel, read once), `http/` (index pages with their ETag and
//! max-age), `locks/`.
//!
//! A cached wheel is one in either form; `list` and `remove` go by the
//! wheel's file name, which an unpacked folder's manifest records.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => files_under(&p, out),
                Ok(_) => out.push(p),
                Err(_) => {}
            }
        }
    }
}

/// pip's way of writing a size.
pub fn format_size(bytes: u64) -> String {
    if bytes > 1000 * 1000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else if bytes > 10 * 1000 {
        format!("{} kB", bytes / 1000)
    } else if bytes > 1000 {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    } else {
        format!("{bytes} bytes")
    }
}

fn size_of(files: &[PathBuf]) -> u64 {
    files.iter().filter_map(|f| std::fs::symlink_metadata(f).ok()).map(|m| m.len()).sum()
}

/// Shell-style matching with `*` and `?`.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// A wheel held by the cache, whole or unpacked (or both).
struct Cached {
    /// The wheel's file name.
    name: String,
    /// Its sha256, which names both of its forms.
    hash: String,
    file: Option<PathBuf>,
    unpacked: Option<PathBuf>,
}

impl Cached {
    /// Where it is: the wheel file, else its unpacked folder.
    fn path(&self) -> &Path {
        self.file.as_deref().or(self.unpacked.as_deref()).expect("a cached wheel has a form")
    }

    fn size(&self) -> u64 {
        let mut files = Vec::new();
        match (&self.file, &self.unpacked) {
            (Some(f), _) => files.push(f.clone()),
            (None, Some(d)) => files_under(d, &mut files),
            (None, None) => {}
        }
        size_of(&files)
    }
}

/// The cached wheels whose file names match `pattern`, sorted by name.
fn wheels(cache: &Path, pattern: &str) -> Vec<Cached> {
    // As pip: a bare name matches every version of it.
    let pattern = if pattern.contains('-') { format!("{pattern}*.whl") } else { format!("{pattern}-*.whl") }.to_ascii_lowercase();
    let mut found: std::collections::BTreeMap<String, Cached> = Default::default();
    let mut all = Vec::new();
    files_under(&cache.join("wheels"), &mut all);
    for p in all.into_iter().filter(|p| p.extension().is_some_and(|e| e == "whl")) {
        let (Some(name), Some(hash)) = (p.file_name(), p.parent().and_then(|d| d.file_name())) else { continue };
        let hash = hash.to_string_lossy().to_string();
        found.insert(hash.clone(), Cached { name: name.to_string_lossy().to_string(), hash, file: Some(p), unpacked: None });
    }
    for e in std::fs::read_dir(cache.join("unpacked")).into_iter().flatten().flatten() {
        let hash = e.file_name().to_string_lossy().to_string();
        if hash.starts_with('.') {
            continue;
        }
        let dir = e.path();
        match found.get_mut(&hash) {
            Some(c) => c.unpacked = Some(dir),
            None => {
                if let Some(name) = krait_wheel::unpacked_wheel_name(&dir) {
                    found.insert(hash.clone(), Cached { name, hash, file: None, unpacked: Some(dir) });
                }
            }
        }
    }
    let mut out: Vec<Cached> = found.into_values().filter(|c| glob_match(&pattern, &c.name.to_ascii_lowercase())).collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Removes `files` and the folders they leave empty below `cache`.
fn remove(cache: &Path, files: &[PathBuf]) -> Result<(), String> {
    for f in files {
        std::fs::remove_file(f).map_err(|e| format!("cannot remove {}: {e}", f.display()))?;
        let mut dir = f.parent();
        while let Some(d) = dir {
            if d == cache || !d.starts_with(cache) || std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

pub fn run(_t: &crate::Target, cache_dir: Option<&Path>, format: &str, action: &str, pattern: Option<&str>) -> ExitCode {
    let cache = crate::cache_dir(cache_dir);
    match action {
        "dir" => println!("{}", cache.display()),
        "info" => {
            let mut http = Vec::new();
            files_under(&cache.join("http"), &mut http);
            let whls = wheels(&cache, "*");
            let whole: Vec<PathBuf> = whls.iter().filter_map(|c| c.file.clone()).collect();
            let mut unpacked = Vec::new();
            files_under(&cache.join("unpacked"), &mut unpacked);
            println!("Package index page cache location: {}", cache.join("http").display());
            println!("Package index page cache size: {}", format_size(size_of(&http)));
            println!("Number of HTTP files: {}", http.len());
            println!("Wheels location: {}", cache.join("wheels").display());
            println!("Wheels size: {}", format_size(size_of(&whole)));
            println!("Number of wheels: {}", whls.len());
            println!("Unpacked wheels location: {}", cache.join("unpacked").display());
            println!("Unpacked wheels size: {}", format_size(size_of(&unpacked)));
        }
        "list" => {
            let found = wheels(&cache, pattern.unwrap_or("*"));
            if format == "abspath" {
                for c in &found {
                    println!("{}", c.path().display());
                }
            } else if found.is_empty() {
                println!("No cached wheels.");
            } else {
                println!("Cache contents:\n");
                for c in &found {
                    println!(" - {} ({})", c.name, format_size(c.size()));
                }
            }
        }
        "remove" | "purge" => {
            let pattern = if action == "purge" {
                if pattern.is_some() {
                    return crate::fail("Too many arguments");
                }
                "*"
            } else {
                match pattern {
                    Some(p) => p,
                    None => return crate::fail("Please provide a pattern"),
                }
            };
            let found = wheels(&cache, pattern);
            if found.is_empty() {
                if pattern == "*" {
                    eprintln!("WARNING: No matching packages");
                } else {
                    eprintln!("WARNING: No matching packages for pattern \"{pattern}\"");
                }
            }
            // Each wheel goes in both forms, with its METADATA (named by the same hash).
            let mut files = Vec::new();
            for c in &found {
                files.extend(c.file.clone());
                if let Some(d) = &c.unpacked {
                    files_under(d, &mut files);
                }
                let meta = cache.join("metadata").join(c.hash.get(..2).unwrap_or("")).join(&c.hash);
                if meta.is_file() {
                    files.push(meta);
                }
            }
            if pattern == "*" {
                for sub in ["http", "unpacked", "metadata"] {
                    files_under(&cache.join(sub), &mut files);
                }
                files.sort();
                files.dedup();
            }
            // pip counts every file a purge removes, and the wheels a pattern matched.
            let n = if pattern == "*" { files.len() } else { found.len() };
            if let Err(e) = remove(&cache, &files) {
                return crate::fail(e);
            }
            println!("Files removed: {n}");
        }
        other => {
            let _ = other;
            return crate::fail("Need an action (dir, info, list, remove, purge) to perform.");
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_globs() {
        assert_eq!(format_size(999), "999 bytes");
        assert_eq!(format_size(1500), "1.5 kB");
        assert_eq!(format_size(25_000), "25 kB");
        assert_eq!(format_size(2_500_000), "2.5 MB");
        assert!(glob_match("lib-*.whl", "lib-2.0-py3-none-any.whl"));
        assert!(!glob_match("lib-*.whl", "libx-2.0-py3-none-any.whl"));
        assert!(glob_match("l?b*", "lib"));
        assert!(glob_match("*", ""));
    }
}
