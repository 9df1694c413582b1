//! Completing installations that were killed (`kill -9`, power loss).
//!
//! Before the first change to an environment, the whole plan is written to a
//! journal, `.krait-pip-journal.json` in the environment's purelib folder:
//! for each distribution, the wheel to install, how, and every path of the
//! version it replaces. Each finished step is recorded, and the journal is
//! removed when all are done. A run that finds a journal (holding the
//! environment's lock, so its writer is gone) finishes the work: it removes
//! what is left of each replaced version and installs the new one again,
//! which is safe to repeat. Staging folders of dead processes are removed.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use krait_tags::Scheme;
use krait_wheel::{install_wheel, prune_empty, remove_stale_stages, InstallOptions};

pub const JOURNAL: &str = ".krait-pip-journal.json";

/// One distribution of a journal.
#[derive(Debug, Clone)]
pub struct Step {
    pub name: String,
    pub wheel: PathBuf,
    pub requested: bool,
    pub direct_url: Option<String>,
    pub unpacked: Option<PathBuf>,
    /// Where the replaced version lived, and its paths.
    pub base: Option<PathBuf>,
    pub remove: Vec<PathBuf>,
    pub done: bool,
}

pub struct Journal {
    path: PathBuf,
    python: PathBuf,
    scheme: Scheme,
    pub steps: Vec<Step>,
}

fn p(v: &Path) -> Value {
    Value::from(v.to_string_lossy().to_string())
}

impl Journal {
    pub fn new(scheme: &Scheme, python: &Path, steps: Vec<Step>) -> Journal {
        Journal { path: scheme.purelib.join(JOURNAL), python: python.to_path_buf(), scheme: scheme.clone(), steps }
    }

    /// Writes the journal durably (a new file renamed over the old one).
    pub fn save(&self) -> Result<(), String> {
        let s = &self.scheme;
        let steps: Vec<Value> = self
            .steps
            .iter()
            .map(|st| {
                json!({
                    "name": st.name, "wheel": p(&st.wheel), "requested": st.requested, "direct_url": st.direct_url,
                    "unpacked": st.unpacked.as_deref().map(p), "base": st.base.as_deref().map(p),
                    "remove": st.remove.iter().map(|x| p(x)).collect::<Vec<_>>(), "done": st.done,
                })
            })
            .collect();
        let v = json!({
            "version": 1,
            "python": p(&self.python),
            "scheme": {"purelib": p(&s.purelib), "platlib": p(&s.platlib), "scripts": p(&s.scripts), "data": p(&s.data), "include": p(&s.include)},
            "steps": steps,
        });
        std::fs::create_dir_all(&s.purelib).map_err(|e| format!("cannot create {}: {e}", s.purelib.display()))?;
        let tmp = self.path.with_extension(format!("tmp{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(v.to_string().as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        };
        write().map_err(|e| format!("cannot write {}: {e}", self.path.display()))
    }

    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.path);
    }

    fn load(path: &Path) -> Result<Journal, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(PathBuf::from).ok_or_else(|| format!("{}: no {k}", path.display()));
        let sc = |k: &str| v["scheme"].get(k).and_then(|x| x.as_str()).map(PathBuf::from).ok_or_else(|| format!("{}: no scheme {k}", path.display()));
        let scheme = Scheme { purelib: sc("purelib")?, platlib: sc("platlib")?, scripts: sc("scripts")?, data: sc("data")?, include: sc("include")? };
        let steps = v["steps"]
            .as_array()
            .ok_or_else(|| format!("{}: no steps", path.display()))?
            .iter()
            .map(|st| Step {
                name: st["name"].as_str().unwrap_or("").to_string(),
                wheel: PathBuf::from(st["wheel"].as_str().unwrap_or("")),
                requested: st["requested"].as_bool().unwrap_or(false),
                direct_url: st["direct_url"].as_str().map(str::to_string),
                unpacked: st["unpacked"].as_str().map(PathBuf::from),
                base: st["base"].as_str().map(PathBuf::from),
                remove: st["remove"].as_array().map(|a| a.iter().filter_map(|x| x.as_str()).map(PathBuf::from).collect()).unwrap_or_default(),
                done: st["done"].as_bool().unwrap_or(false),
            })
            .collect();
        Ok(Journal { path: path.to_path_buf(), python: s("python")?, scheme, steps })
    }
}

/// Removes what is left of a replaced version (whatever part of it an
/// interrupted uninstall did not get to).
pub fn remove_leftovers(step: &Step) {
    let Some(base) = &step.base else { return };
    let mut removed = Vec::new();
    for path in &step.remove {
        if path.symlink_metadata().is_ok() && std::fs::remove_file(path).is_ok() {
            removed.push(path.clone());
        }
    }
    let all: Vec<PathBuf> = step.remove.clone();
    prune_empty(base, &removed, &all.iter().filter_map(|p| p.parent().map(Path::to_path_buf)).collect::<Vec<_>>());
}

/// Finishes an interrupted installation into the environment whose purelib
/// is `scheme.purelib`, and removes stale staging folders. Returns what was
/// completed, as "name" strings.
pub fn recover(scheme: &Scheme, quiet: bool) -> Result<Vec<String>, String> {
    let path = scheme.purelib.join(JOURNAL);
    let mut completed = Vec::new();
    if path.exists() {
        let mut j = match Journal::load(&path) {
            Ok(j) => j,
            Err(e) => {
                eprintln!("WARNING: ignoring an unreadable record of an interrupted installation ({e})");
                let _ = std::fs::remove_file(&path);
                return Ok(completed);
            }
        };
        let todo: Vec<String> = j.steps.iter().filter(|s| !s.done).map(|s| s.name.clone()).collect();
        if !quiet && !todo.is_empty() {
            println!("Completing an installation that was interrupted: {}", todo.join(", "));
        }
        for i in 0..j.steps.len() {
            if j.steps[i].done {
                continue;
            }
            let st = j.steps[i].clone();
            // An index's wheel may only ever have been unpacked in the cache.
            if !st.wheel.exists() && !st.unpacked.as_deref().is_some_and(|d| krait_wheel::unpacked(d).is_some()) {
                eprintln!("WARNING: cannot complete the installation of {}: its wheel {} is gone; install it again", st.name, st.wheel.display());
                j.steps[i].done = true;
                continue;
            }
            remove_leftovers(&st);
            let opts = InstallOptions { installer: "krait-pip".into(), requested: st.requested, direct_url: st.direct_url.clone(), unpacked: st.unpacked.clone() };
            if let Err(e) = install_wheel(&st.wheel, &j.scheme, &j.python, &opts) {
                j.remove();
                return Err(format!("cannot complete the interrupted installation of {}: {e}", st.name));
            }
            j.steps[i].done = true;
            j.save()?;
            completed.push(st.name.clone());
        }
        j.remove();
    }
    for dir in [&scheme.purelib, &scheme.platlib] {
        remove_stale_stages(dir);
    }
    Ok(completed)
}
