//! Finding installed distributions (`*.dist-info` folders) and reading their metadata.

use std::fs;
use std::path::{Path, PathBuf};

use krait_pep508::normalize_name;

#[derive(Debug, Clone)]
pub struct InstalledDist {
    pub name: String,
    pub version: String,
    pub dist_info: PathBuf,
    /// Location: the folder holding the .dist-info.
    pub location: PathBuf,
    pub metadata: String,
}

impl InstalledDist {
    pub fn normalized_name(&self) -> String {
        normalize_name(&self.name)
    }

    /// First value of a METADATA header.
    pub fn field(&self, key: &str) -> Option<String> {
        self.fields(key).into_iter().next()
    }

    /// Every value of a METADATA header (headers end at the first blank line).
    pub fn fields(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in self.metadata.lines() {
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case(key) {
                    out.push(v.trim().to_string());
                }
            }
        }
        out
    }

    pub fn installer(&self) -> Option<String> {
        fs::read_to_string(self.dist_info.join("INSTALLER")).ok().map(|s| s.trim().to_string())
    }

    pub fn direct_url(&self) -> Option<String> {
        fs::read_to_string(self.dist_info.join("direct_url.json")).ok()
    }

    /// The RECORD's paths, as written.
    pub fn record_paths(&self) -> Vec<String> {
        fs::read_to_string(self.dist_info.join("RECORD"))
            .map(|t| crate::parse_record(&t).into_iter().map(|r| r.0).collect())
            .unwrap_or_default()
    }
}

/// Every distribution installed in `dirs`, first occurrence of a name winning
/// (as import order does), sorted by normalised name.
pub fn find_installed(dirs: &[PathBuf]) -> Vec<InstalledDist> {
    let mut out: Vec<InstalledDist> = Vec::new();
    for dir in dirs {
        let Ok(rd) = fs::read_dir(dir) else { continue };
        let mut found: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "dist-info") && p.is_dir()).collect();
        found.sort();
        for p in found {
            if let Some(d) = read_dist(&p, dir) {
                if !out.iter().any(|o| o.normalized_name() == d.normalized_name()) {
                    out.push(d);
                }
            }
        }
    }
    out.sort_by_key(|d| d.normalized_name());
    out
}

fn read_dist(dist_info: &Path, location: &Path) -> Option<InstalledDist> {
    let metadata = fs::read_to_string(dist_info.join("METADATA")).ok()?;
    let mut d = InstalledDist { name: String::new(), version: String::new(), dist_info: dist_info.to_path_buf(), location: location.to_path_buf(), metadata };
    d.name = d.field("Name")?;
    d.version = d.field("Version")?;
    Some(d)
}
