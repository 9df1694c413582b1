//! `krait-pip cache`: the folder, its size, the wheels it holds, removal.
//!
//! Layout: `wheels/<sha256>/<file>.whl` (downloaded wheels, named by their
//! hash), `unpacked/<sha256>/` (wheels unpacked once, hard-linked into
//! environments), `metadata/<sha256[..2]>/<sha256>` (the METADATA of a
//! wheel, read once), `http/` (index pages with their ETag and max-age),
//! `locks/`.

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

fn wheels(cache: &Path, pattern: &str) -> Vec<PathBuf> {
    // As pip: a bare name matches every version of it.
    let pattern = if pattern.contains('-') { format!("{pattern}*.whl") } else { format!("{pattern}-*.whl") };
    let mut all = Vec::new();
    files_under(&cache.join("wheels"), &mut all);
    let mut out: Vec<PathBuf> = all
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "whl"))
        .filter(|p| p.file_name().is_some_and(|n| glob_match(&pattern.to_ascii_lowercase(), &n.to_string_lossy().to_ascii_lowercase())))
        .collect();
    out.sort_by_key(|p| p.file_name().map(|n| n.to_os_string()));
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
            let mut unpacked = Vec::new();
            files_under(&cache.join("unpacked"), &mut unpacked);
            println!("Package index page cache location: {}", cache.join("http").display());
            println!("Package index page cache size: {}", format_size(size_of(&http)));
            println!("Number of HTTP files: {}", http.len());
            println!("Wheels location: {}", cache.join("wheels").display());
            println!("Wheels size: {}", format_size(size_of(&whls)));
            println!("Number of wheels: {}", whls.len());
            println!("Unpacked wheels location: {}", cache.join("unpacked").display());
            println!("Unpacked wheels size: {}", format_size(size_of(&unpacked)));
        }
        "list" => {
            let found = wheels(&cache, pattern.unwrap_or("*"));
            if format == "abspath" {
                for f in &found {
                    println!("{}", f.display());
                }
            } else if found.is_empty() {
                println!("No cached wheels.");
            } else {
                println!("Cache contents:\n");
                for f in &found {
                    let size = std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
                    println!(" - {} ({})", f.file_name().unwrap().to_string_lossy(), format_size(size));
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
            let mut files = wheels(&cache, pattern);
            if pattern == "*" {
                for sub in ["http", "unpacked", "metadata"] {
                    files_under(&cache.join(sub), &mut files);
                }
            }
            if files.is_empty() {
                if pattern == "*" {
                    eprintln!("WARNING: No matching packages");
                } else {
                    eprintln!("WARNING: No matching packages for pattern \"{pattern}\"");
                }
            }
            // Unpacked copies of removed wheels go too (named by the same hash).
            let mut extra = Vec::new();
            if pattern != "*" {
                for f in &files {
                    if let Some(hash) = f.parent().and_then(|d| d.file_name()) {
                        files_under(&cache.join("unpacked").join(hash), &mut extra);
                        let h = hash.to_string_lossy();
                        let meta = cache.join("metadata").join(h.get(..2).unwrap_or("")).join(&*h);
                        if meta.is_file() {
                            extra.push(meta);
                        }
                    }
                }
            }
            let n = files.len();
            files.extend(extra);
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
