//! Source builds for krait-pip: sdists from indexes, local source trees,
//! sdist files and URLs, editables. The PEP 517/660 work is krait-build's;
//! this module installs build requirements (krait-pip runs itself with
//! `--prefix`), keeps wheels built from sdists in the cache (by the sdist's
//! sha256, `wheels/built/<sha256>/`), and byte-compiles what was installed.

use std::sync::Mutex;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use krait_build::{BuildError, Frontend, Kind, Project};

/// Builds wheels for one run of krait-pip.
pub struct Builder {
    fe: Arc<Frontend>,
    /// The cache folder (built wheels go under `wheels/built/`).
    cache: PathBuf,
    /// Unpacked sdists and wheels built from folders live here until the end
    /// (a temporary folder the caller owns).
    tmp: PathBuf,
    /// Projects whose metadata was prepared, by sdist path, until they are built.
    prepared: Mutex<BTreeMap<PathBuf, Project>>,
    /// Wheels built in this run, by source.
    built: Mutex<BTreeMap<PathBuf, PathBuf>>,
    count: Mutex<usize>,
    quiet: bool,
}

/// The options that a build-requirements install passes on: where
/// distributions come from.
pub struct ChildOptions {
    pub python: PathBuf,
    pub args: Vec<String>,
    pub verbose: bool,
}

impl Builder {
    pub fn new(child: ChildOptions, isolation: bool, quiet: bool, cache: PathBuf, tmp: &Path) -> Result<Builder, String> {
        let python = child.python.clone();
        let verbose = child.verbose;
        let install = move |reqs: &[String], prefix: &Path| -> Result<(), (i32, String)> {
            let exe = std::env::current_exe().map_err(|e| (1, format!("cannot find krait-pip itself: {e}")))?;
            let mut cmd = std::process::Command::new(exe);
            cmd.arg("install").arg("--python").arg(&child.python).arg("--prefix").arg(prefix);
            cmd.args(["--no-compile", "--progress-bar", "off", "--no-warn-script-location"]);
            cmd.args(&child.args).arg("--").args(reqs);
            cmd.stdin(std::process::Stdio::null());
            let out = cmd.output().map_err(|e| (1, format!("cannot run krait-pip: {e}")))?;
            let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            if child.verbose {
                print!("{text}");
            }
            if out.status.success() {
                Ok(())
            } else {
                Err((out.status.code().unwrap_or(1), text))
            }
        };
        let fe = Frontend { python, isolation, verbose, quiet, install: Box::new(install) };
        let tmp = tmp.to_path_buf();
        Ok(Builder {
            fe: Arc::new(fe),
            cache,
            tmp,
            prepared: Default::default(),
            built: Default::default(),
            count: Mutex::new(0),
            quiet,
        })
    }

    fn scratch(&self, what: &str) -> PathBuf {
        let mut n = self.count.lock().unwrap();
        *n += 1;
        self.tmp.join(format!("{what}-{n}"))
    }

    /// Whether `sdist_wheel` would run a build (no wheel built before).
    pub fn needs_build(&self, archive: &Path) -> bool {
        if self.built.lock().unwrap().contains_key(archive) {
            return false;
        }
        crate::plan::file_digest(archive, "sha256").map_or(true, |sha| self.cached_wheel(&sha).is_none())
    }

    /// Where a wheel built from the sdist with this hash is kept.
    fn cached_dir(&self, sha256: &str) -> PathBuf {
        self.cache.join("wheels").join("built").join(sha256)
    }

    fn cached_wheel(&self, sha256: &str) -> Option<PathBuf> {
        let rd = std::fs::read_dir(self.cached_dir(sha256)).ok()?;
        rd.flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == "whl"))
    }

    /// The sdist unpacked into a scratch folder; returns the project's folder.
    fn unpack(&self, archive: &Path) -> Result<PathBuf, String> {
        let dest = self.scratch("sdist");
        krait_build::unpack_archive(archive, &dest)?;
        Ok(dest)
    }

    /// The METADATA of an sdist: from the wheel built earlier from it when
    /// the cache has one, else from the backend's prepare_metadata hook (the
    /// project is kept for `sdist_wheel`).
    pub fn sdist_metadata(&self, archive: &Path, display: &str) -> Result<String, String> {
        let sha = crate::plan::file_digest(archive, "sha256")?;
        if let Some(w) = self.built.lock().unwrap().get(archive).cloned().or_else(|| self.cached_wheel(&sha)) {
            return krait_build::wheel_metadata(&w);
        }
        if self.prepared.lock().unwrap().contains_key(archive) {
            return Err(format!("the metadata of {} was asked for twice", archive.display()));
        }
        let src = self.unpack(archive)?;
        let mut p = Project::new(self.fe.clone(), &src, display).map_err(|e| e.0)?;
        let meta = p.metadata(Kind::Wheel).map_err(|e| e.0)?;
        if let Some(n) = meta_name(&meta) {
            p.name = n;
        }
        self.prepared.lock().unwrap().insert(archive.to_path_buf(), p);
        Ok(meta)
    }

    /// The wheel built from an sdist, from the cache when it was built before.
    pub fn sdist_wheel(&self, archive: &Path, display: &str) -> Result<PathBuf, String> {
        if let Some(w) = self.built.lock().unwrap().get(archive) {
            return Ok(w.clone());
        }
        let sha = crate::plan::file_digest(archive, "sha256")?;
        if let Some(w) = self.cached_wheel(&sha) {
            self.built.lock().unwrap().insert(archive.to_path_buf(), w.clone());
            return Ok(w);
        }
        let project = self.prepared.lock().unwrap().remove(archive);
        let mut p = match project {
            Some(p) => p,
            None => {
                let src = self.unpack(archive)?;
                Project::new(self.fe.clone(), &src, display).map_err(|e| e.0)?
            }
        };
        let out = p.scratch("wheel");
        let wheel = p.build(Kind::Wheel, &out).map_err(|e| e.0)?;
        // Into the cache: a folder renamed into place whole.
        let dir = self.cached_dir(&sha);
        let stage = self.cache.join("wheels").join("built").join(format!(".{sha}.tmp{}", std::process::id()));
        let name = wheel.file_name().unwrap_or_default().to_owned();
        let kept = (|| -> std::io::Result<PathBuf> {
            std::fs::create_dir_all(&stage)?;
            std::fs::copy(&wheel, stage.join(&name))?;
            match std::fs::rename(&stage, &dir) {
                Ok(()) => Ok(dir.join(&name)),
                Err(_) if dir.join(&name).exists() => {
                    let _ = std::fs::remove_dir_all(&stage);
                    Ok(dir.join(&name))
                }
                Err(e) => Err(e),
            }
        })();
        let _ = std::fs::remove_dir_all(&stage);
        let result = match kept {
            Ok(w) => w,
            // No cache (read-only folder): the scratch copy is used.
            Err(_) => {
                let keep = self.scratch("wheel");
                std::fs::create_dir_all(&keep).map_err(|e| format!("{}: {e}", keep.display()))?;
                std::fs::copy(&wheel, keep.join(&name)).map_err(|e| format!("{}: {e}", keep.display()))?;
                keep.join(&name)
            }
        };
        self.report(&result, display, true);
        self.built.lock().unwrap().insert(archive.to_path_buf(), result.clone());
        Ok(result)
    }

    /// A wheel (or an editable wheel) built from a source folder; not cached.
    pub fn dir_wheel(&self, dir: &Path, kind: Kind, display: &str) -> Result<PathBuf, BuildError> {
        let mut p = Project::new(self.fe.clone(), dir, display)?;
        // The metadata first, as pip does: it names the project in what follows.
        let meta = p.metadata(kind)?;
        if let Some(n) = meta_name(&meta) {
            p.name = n;
        }
        let out = self.scratch("wheel");
        let w = p.build(kind, &out)?;
        let name = p.name.clone();
        self.report(&w, &name, false);
        Ok(w)
    }

    /// pip's lines about a wheel just built.
    fn report(&self, wheel: &Path, display: &str, cached: bool) {
        if self.quiet {
            return;
        }
        let size = std::fs::metadata(wheel).map(|m| m.len()).unwrap_or(0);
        let sha = crate::plan::file_digest(wheel, "sha256").unwrap_or_default();
        println!("  Created wheel for {display}: filename={} size={size} sha256={sha}", wheel.file_name().unwrap_or_default().to_string_lossy());
        if cached {
            if let Some(d) = wheel.parent() {
                println!("  Stored in directory: {}", d.display());
            }
        }
    }
}

fn meta_name(meta: &str) -> Option<String> {
    meta.lines().take_while(|l| !l.is_empty()).find_map(|l| l.strip_prefix("Name:")).map(|n| n.trim().to_string())
}

/// Byte-compiles installed `.py` files with the target interpreter (one run
/// over all of them; files that do not compile are skipped, as pip does) and
/// adds the `.pyc` files to each distribution's RECORD.
pub fn compile_installed(python: &Path, installed: &[krait_wheel::Installed], libs: &[&Path]) -> Result<(), String> {
    const SCRIPT: &str = r#"
import sys, py_compile, importlib.util
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        cfile = importlib.util.cache_from_source(path)
        py_compile.compile(path, cfile=cfile, doraise=True)
    except Exception:
        continue
    print(path + "\0" + cfile)
"#;
    let mut files = Vec::new();
    for inst in installed {
        for f in &inst.files {
            if f.extension().is_some_and(|e| e == "py") && libs.iter().any(|l| f.starts_with(l)) {
                files.push(f.to_string_lossy().to_string());
            }
        }
    }
    if files.is_empty() {
        return Ok(());
    }
    use std::io::Write;
    let mut child = std::process::Command::new(python)
        .args(["-c", SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = files.join("\n") + "\n";
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    let _ = writer.join();
    let compiled: BTreeMap<PathBuf, PathBuf> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once('\0'))
        .map(|(s, c)| (PathBuf::from(s), PathBuf::from(c)))
        .collect();
    for inst in installed {
        let Some(root) = inst.dist_info.parent() else { continue };
        let mut lines = String::new();
        for f in &inst.files {
            let Some(c) = compiled.get(f) else { continue };
            let Ok(data) = std::fs::read(c) else { continue };
            let rel = krait_wheel::relative_path(root, c);
            lines.push_str(&format!("{},{},{}\n", krait_wheel::csv_field(&rel.to_string_lossy()), krait_wheel::record_hash(&data), data.len()));
        }
        if lines.is_empty() {
            continue;
        }
        let record = inst.dist_info.join("RECORD");
        let mut text = std::fs::read_to_string(&record).map_err(|e| format!("{}: {e}", record.display()))?;
        if !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&lines);
        let tmp = inst.dist_info.join(format!(".RECORD.tmp{}", std::process::id()));
        std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, &record)).map_err(|e| format!("{}: {e}", record.display()))?;
    }
    Ok(())
}
