//! Helpers shared by the krait-pip tests: wheels built here with the zip crate.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine;
use sha2::{Digest, Sha256};

pub fn hash(data: &[u8]) -> String {
    format!("sha256={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(data)))
}

/// A wheel under construction.
pub struct WheelSpec {
    pub name: String,
    pub version: String,
    pub tag: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub requires: Vec<String>,
    pub entry_points: Option<String>,
    /// Files whose RECORD hash is made wrong.
    pub bad_hash: Vec<String>,
    pub purelib: bool,
    /// (name, target) zip entries stored as symbolic links.
    pub symlinks: Vec<(String, String)>,
}

impl WheelSpec {
    pub fn new(name: &str, version: &str) -> WheelSpec {
        WheelSpec {
            name: name.into(),
            version: version.into(),
            tag: "py3-none-any".into(),
            files: Vec::new(),
            requires: Vec::new(),
            entry_points: None,
            bad_hash: Vec::new(),
            purelib: true,
            symlinks: Vec::new(),
        }
    }
    pub fn file(mut self, path: &str, content: &str) -> Self {
        self.files.push((path.into(), content.as_bytes().to_vec()));
        self
    }
    pub fn requires(mut self, r: &str) -> Self {
        self.requires.push(r.into());
        self
    }
    pub fn entry_points(mut self, text: &str) -> Self {
        self.entry_points = Some(text.into());
        self
    }

    pub fn filename(&self) -> String {
        format!("{}-{}-{}.whl", self.name.replace('-', "_"), self.version, self.tag)
    }

    /// Writes the wheel into `dir` and returns its path.
    pub fn build(&self, dir: &Path) -> PathBuf {
        let info = format!("{}-{}.dist-info", self.name.replace('-', "_"), self.version);
        let mut files = self.files.clone();
        let mut meta = format!("Metadata-Version: 2.1\nName: {}\nVersion: {}\nSummary: The {} test package\n", self.name, self.version, self.name);
        for r in &self.requires {
            meta.push_str(&format!("Requires-Dist: {r}\n"));
        }
        // Extras named by markers are declared, as build backends do.
        let mut extras: Vec<&str> = self.requires.iter().filter_map(|r| r.split("extra == '").nth(1)).filter_map(|e| e.split('\'').next()).collect();
        extras.dedup();
        for e in extras {
            meta.push_str(&format!("Provides-Extra: {e}\n"));
        }
        files.push((format!("{info}/METADATA"), meta.into_bytes()));
        files.push((
            format!("{info}/WHEEL"),
            format!("Wheel-Version: 1.0\nGenerator: krait-tests\nRoot-Is-Purelib: {}\nTag: {}\n", self.purelib, self.tag).into_bytes(),
        ));
        if let Some(ep) = &self.entry_points {
            files.push((format!("{info}/entry_points.txt"), ep.clone().into_bytes()));
        }
        let mut record = String::new();
        for (p, d) in &files {
            let h = if self.bad_hash.contains(p) { hash(b"something else") } else { hash(d) };
            record.push_str(&format!("{p},{h},{}\n", d.len()));
        }
        for (p, _) in &self.symlinks {
            record.push_str(&format!("{p},,\n"));
        }
        record.push_str(&format!("{info}/RECORD,,\n"));
        files.push((format!("{info}/RECORD"), record.into_bytes()));

        let path = dir.join(self.filename());
        let f = std::fs::File::create(&path).unwrap();
        let mut z = zip::ZipWriter::new(f);
        for (p, d) in &files {
            let mode = if p.contains(".data/scripts/") { 0o755 } else { 0o644 };
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).unix_permissions(mode);
            z.start_file(p.as_str(), opts).unwrap();
            z.write_all(d).unwrap();
        }
        for (p, target) in &self.symlinks {
            z.add_symlink(p.as_str(), target.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        }
        z.finish().unwrap();
        path
    }
}

/// Runs krait-pip with no pip configuration: no `PIP_*` variables from the
/// caller's environment and no pip.conf files.
pub fn krait_pip(args: &[&str]) -> Output {
    krait_pip_env(args, &[])
}

/// As `krait_pip`, with these environment variables set.
pub fn krait_pip_env(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_krait-pip"));
    c.args(args).env_remove("VIRTUAL_ENV").env("PIP_CONFIG_FILE", "/dev/null");
    // The default cache of the tests lives in the build's scratch folder.
    c.env("XDG_CACHE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("krait-pip-test-cache"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PIP_") && k != "PIP_CERT" {
            c.env_remove(k);
        }
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// pip itself (python3.11 -m pip) with no configuration, for comparisons.
pub fn real_pip(args: &[&str]) -> Output {
    real_pip_env(args, &[])
}

pub fn real_pip_env(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = Command::new("python3.11");
    c.args(["-m", "pip"]).args(args).env("PIP_CONFIG_FILE", "/dev/null").env("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    for (k, _) in std::env::vars() {
        if k.starts_with("PIP_") && !["PIP_CERT", "PIP_DISABLE_PIP_VERSION_CHECK"].contains(&k.as_str()) {
            c.env_remove(k);
        }
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "krait-pip failed\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

pub fn python(args: &[&str], pythonpath: Option<&Path>) -> Output {
    let mut c = Command::new("python3.11");
    c.args(args);
    if let Some(p) = pythonpath {
        c.env("PYTHONPATH", p);
    }
    c.output().unwrap()
}

/// A fresh venv (no pip, for speed); returns its python.
pub fn venv(dir: &Path) -> PathBuf {
    let out = Command::new("python3.11").args(["-m", "venv", "--without-pip"]).arg(dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir.join("bin/python")
}

/// Every file under `dir`, relative, sorted.
pub fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(base: &Path, d: &Path, out: &mut Vec<String>) {
        if let Ok(rd) = std::fs::read_dir(d) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(base, &p, out);
                } else {
                    out.push(p.strip_prefix(base).unwrap().to_string_lossy().to_string());
                }
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}
