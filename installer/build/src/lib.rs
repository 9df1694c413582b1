//! krait's PEP 517/660 build frontend: a project's `[build-system]`, an
//! isolated build environment (pip's overlay prefixes on `PYTHONPATH`), and
//! the backend's hooks run by the target interpreter through a small hook
//! runner that talks JSON files. Installing build requirements is left to
//! the caller (krait-pip runs itself with `--prefix`).

use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod archive;
pub use archive::{is_archive, unpack_archive};

/// The hook runner's source, written next to each build's control files.
pub const HOOK_RUNNER: &str = include_str!("hook_runner.py");

/// pip's default when a project has no `[build-system]`.
pub const DEFAULT_BACKEND: &str = "setuptools.build_meta:__legacy__";
pub const DEFAULT_REQUIRES: &str = "setuptools>=40.8.0";

/// A project's `[build-system]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildSystem {
    pub requires: Vec<String>,
    pub backend: String,
    pub backend_path: Vec<String>,
}

/// A failed step, already worded as pip words it (several lines).
#[derive(Debug, Clone)]
pub struct BuildError(pub String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads `pyproject.toml`'s `[build-system]`, with pip's defaults when the
/// file or the table is missing. A folder with neither `pyproject.toml` nor
/// `setup.py` is not a Python project.
pub fn read_build_system(dir: &Path) -> Result<BuildSystem, BuildError> {
    let legacy = || BuildSystem { requires: vec![DEFAULT_REQUIRES.into()], backend: DEFAULT_BACKEND.into(), backend_path: Vec::new() };
    let py = dir.join("pyproject.toml");
    let text = match fs::read_to_string(&py) {
        Ok(t) => t,
        Err(_) => {
            if dir.join("setup.py").is_file() {
                return Ok(legacy());
            }
            return Err(BuildError(format!(
                "ERROR: {} does not appear to be a Python project: neither 'setup.py' nor 'pyproject.toml' found.",
                dir.display()
            )));
        }
    };
    let invalid = |why: &str| BuildError(format!("ERROR: {} has an invalid pyproject.toml file.\n{why}", dir.display()));
    let doc: toml::Table = toml::from_str(&text).map_err(|e| invalid(&format!("It cannot be parsed: {}", e.message())))?;
    let Some(bs) = doc.get("build-system") else { return Ok(legacy()) };
    let Some(bs) = bs.as_table() else { return Err(invalid("The [build-system] table is not a table.")) };
    let strings = |v: &toml::Value| -> Option<Vec<String>> { v.as_array()?.iter().map(|x| x.as_str().map(str::to_string)).collect() };
    let requires = match bs.get("requires") {
        None => return Err(invalid("The [build-system] table is missing the mandatory `requires` key.")),
        Some(v) => strings(v).ok_or_else(|| invalid("The `requires` key of the [build-system] table must be a list of strings."))?,
    };
    for r in &requires {
        if r.parse::<krait_pep508::Requirement>().is_err() {
            return Err(invalid(&format!("It contains an invalid requirement: '{r}'")));
        }
    }
    let backend = match bs.get("build-backend") {
        None => DEFAULT_BACKEND.to_string(),
        Some(v) => v.as_str().ok_or_else(|| invalid("The `build-backend` key must be a string."))?.to_string(),
    };
    let backend_path = match bs.get("backend-path") {
        None => Vec::new(),
        Some(v) => strings(v).ok_or_else(|| invalid("The `backend-path` key must be a list of strings."))?,
    };
    Ok(BuildSystem { requires, backend, backend_path })
}

/// What to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Wheel,
    Editable,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Wheel => "wheel",
            Kind::Editable => "editable",
        }
    }
}

/// Installs requirements into a prefix: (requirements, prefix) → Ok, or
/// Err((exit status, output)).
pub type Installer = dyn Fn(&[String], &Path) -> Result<(), (i32, String)> + Send + Sync;

/// How builds run.
pub struct Frontend {
    /// The target interpreter, which runs the backend.
    pub python: PathBuf,
    /// Build in a temporary environment holding only the build requirements.
    pub isolation: bool,
    /// Show the backend's output as it runs (else only on failure).
    pub verbose: bool,
    /// No progress lines.
    pub quiet: bool,
    pub install: Box<Installer>,
}

/// pip's box around a failed subprocess. `output` None: it was shown already.
pub fn subprocess_error(title: &str, code: i32, output: Option<&str>, indent: &str) -> String {
    let mut s = String::new();
    s.push_str("error: subprocess-exited-with-error\n\n");
    s.push_str(&format!("× {title} did not run successfully.\n│ exit code: {code}\n"));
    match output {
        None => s.push_str("╰─> See above for output.\n"),
        Some(out) => {
            let lines: Vec<&str> = out.lines().collect();
            s.push_str(&format!("╰─> [{} lines of output]\n", lines.len()));
            for l in lines {
                s.push_str(&format!("    {l}\n"));
            }
            s.push_str("    [end of output]\n");
        }
    }
    s.push_str("\nnote: This error originates from a subprocess, and is likely not a problem with pip.");
    s.lines().map(|l| format!("{indent}{l}")).collect::<Vec<_>>().join("\n")
}

/// The isolated environment: two prefixes (build requirements in
/// `overlay`, the backend's own in `normal`) and a `sitecustomize.py` on
/// `PYTHONPATH` that drops the interpreter's site-packages and adds theirs.
struct BuildEnv {
    overlay: PathBuf,
    normal: PathBuf,
    site: PathBuf,
    /// Library folders of a prefix, relative to it (purelib, platlib).
    libs: Vec<PathBuf>,
    scripts: PathBuf,
}

const SITECUSTOMIZE: &str = r#"
import os, site, sys
def _krait_isolate(libs):
    system = []
    try:
        system = list(site.getsitepackages())
    except AttributeError:
        pass
    try:
        system.append(site.getusersitepackages())
    except AttributeError:
        pass
    original = sys.path[:]
    known = set()
    for p in system:
        site.addsitedir(p, known_paths=known)
    added = set(os.path.normcase(p) for p in sys.path[len(original):])
    added.update(os.path.normcase(p) for p in system)
    sys.path[:] = [p for p in original if os.path.normcase(p) not in added]
    for p in libs:
        site.addsitedir(p)
_krait_isolate(LIBS)
del _krait_isolate
"#;

/// One project being prepared and built.
pub struct Project {
    fe: std::sync::Arc<Frontend>,
    /// The project's folder (where the hooks run).
    pub source: PathBuf,
    /// How messages name it (its name once known, else its location).
    pub name: String,
    pub system: BuildSystem,
    work: tempfile::TempDir,
    env: Option<BuildEnv>,
    /// Which kinds had their backend requirements installed.
    backend_reqs: Vec<Kind>,
    /// A dist-info folder prepared by the backend, by kind.
    prepared: Vec<(Kind, PathBuf)>,
    /// A wheel built to learn the metadata, by kind (reused by `build`).
    built_for_metadata: Vec<(Kind, PathBuf)>,
    runs: usize,
}

fn step(quiet: bool, text: &str) {
    if !quiet {
        print!("  {text} ... ");
        let _ = std::io::stdout().flush();
    }
}

fn step_end(quiet: bool, ok: bool) {
    if !quiet {
        println!("{}", if ok { "done" } else { "error" });
    }
}

/// The METADATA file of a wheel.
pub fn wheel_metadata(wheel: &Path) -> Result<String, String> {
    let f = fs::File::open(wheel).map_err(|e| format!("{}: {e}", wheel.display()))?;
    let mut z = zip::ZipArchive::new(f).map_err(|e| format!("{}: {e}", wheel.display()))?;
    let name = (0..z.len())
        .filter_map(|i| z.name_for_index(i).and_then(|s| s.ok()).map(|s| s.to_string()))
        .find(|n| n.matches('/').count() == 1 && n.ends_with(".dist-info/METADATA"))
        .ok_or_else(|| format!("{} has no .dist-info/METADATA", wheel.display()))?;
    let mut e = z.by_name(&name).map_err(|e| format!("{}: {e}", wheel.display()))?;
    let mut s = String::new();
    e.read_to_string(&mut s).map_err(|e| format!("{}: {e}", wheel.display()))?;
    Ok(s)
}

impl Project {
    /// A project in `source` (a folder), named `name` in messages.
    pub fn new(fe: std::sync::Arc<Frontend>, source: &Path, name: &str) -> Result<Project, BuildError> {
        let system = read_build_system(source)?;
        let work = tempfile::Builder::new().prefix("krait-pip-build-").tempdir().map_err(|e| BuildError(format!("ERROR: cannot create a temporary folder: {e}")))?;
        fs::write(work.path().join("_krait_hook_runner.py"), HOOK_RUNNER).map_err(|e| BuildError(format!("ERROR: cannot write the hook runner: {e}")))?;
        Ok(Project {
            fe,
            source: source.to_path_buf(),
            name: name.to_string(),
            system,
            work,
            env: None,
            backend_reqs: Vec::new(),
            prepared: Vec::new(),
            built_for_metadata: Vec::new(),
            runs: 0,
        })
    }

    /// A scratch folder that lives as long as the project.
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    fn install_into(&self, reqs: &[String], prefix: &Path, what: &str) -> Result<(), BuildError> {
        step(self.fe.quiet, &format!("Installing {what}"));
        match (self.fe.install)(reqs, prefix) {
            Ok(()) => {
                step_end(self.fe.quiet, true);
                Ok(())
            }
            Err((code, out)) => {
                step_end(self.fe.quiet, false);
                let title = format!("pip subprocess to install {what}");
                Err(BuildError(format!("{}\n{}", subprocess_error(&title, code, Some(&out), "  "), subprocess_error(&title, code, None, ""))))
            }
        }
    }

    /// The build environment, made (and the build requirements installed) once.
    fn ensure_env(&mut self) -> Result<(), BuildError> {
        if !self.fe.isolation || self.env.is_some() {
            return Ok(());
        }
        let root = self.work.path().join("env");
        let overlay = root.join("overlay");
        let normal = root.join("normal");
        let site = root.join("site");
        for d in [&overlay, &normal, &site] {
            fs::create_dir_all(d).map_err(|e| BuildError(format!("ERROR: cannot create {}: {e}", d.display())))?;
        }
        // Where the interpreter puts a prefix's libraries.
        let facts = krait_tags::Interpreter::query(&self.fe.python, Some(&overlay)).map_err(|e| BuildError(format!("ERROR: {e}")))?;
        let rel = |p: &Path| p.strip_prefix(&overlay).map(Path::to_path_buf).unwrap_or_else(|_| PathBuf::from("lib/python3.11/site-packages"));
        let mut libs = vec![rel(&facts.scheme.purelib)];
        if facts.scheme.platlib != facts.scheme.purelib {
            libs.push(rel(&facts.scheme.platlib));
        }
        let env = BuildEnv { scripts: rel(&facts.scheme.scripts), overlay, normal, site, libs };
        let dirs: Vec<String> = [&env.overlay, &env.normal]
            .iter()
            .flat_map(|p| env.libs.iter().map(move |l| p.join(l).to_string_lossy().to_string()))
            .collect();
        let custom = SITECUSTOMIZE.replace("LIBS", &serde_json::to_string(&dirs).unwrap_or_default());
        fs::write(env.site.join("sitecustomize.py"), custom).map_err(|e| BuildError(format!("ERROR: cannot write sitecustomize.py: {e}")))?;
        let reqs = self.system.requires.clone();
        let overlay = env.overlay.clone();
        self.env = Some(env);
        if !reqs.is_empty() {
            self.install_into(&reqs, &overlay, "build dependencies")?;
        }
        Ok(())
    }

    /// Runs one hook; Ok(None) when the backend lacks it.
    fn hook(&mut self, hook: &str, kwargs: serde_json::Value, title: &str, indent: &str) -> Result<Option<serde_json::Value>, (i32, Option<String>, String)> {
        self.runs += 1;
        let ctl = self.work.path().join(format!("hook-{}", self.runs));
        let fail = |m: String| (1, Some(m.clone()), m);
        fs::create_dir_all(&ctl).map_err(|e| fail(format!("cannot create {}: {e}", ctl.display())))?;
        let input = serde_json::json!({"backend": self.system.backend, "backend_path": self.system.backend_path, "kwargs": kwargs});
        fs::write(ctl.join("input.json"), input.to_string()).map_err(|e| fail(format!("cannot write input.json: {e}")))?;
        let mut cmd = Command::new(&self.fe.python);
        cmd.arg(self.work.path().join("_krait_hook_runner.py")).arg(hook).arg(&ctl).current_dir(&self.source);
        cmd.stdin(Stdio::null());
        if let Some(env) = &self.env {
            cmd.env("PYTHONPATH", &env.site).env("PYTHONNOUSERSITE", "1");
            let mut path = vec![env.overlay.join(&env.scripts), env.normal.join(&env.scripts)];
            path.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
            cmd.env("PATH", std::env::join_paths(path).unwrap_or_default());
        }
        let log = ctl.join("output.log");
        if !self.fe.verbose {
            let f = fs::File::create(&log).map_err(|e| fail(format!("cannot create {}: {e}", log.display())))?;
            let g = f.try_clone().map_err(|e| fail(format!("{e}")))?;
            cmd.stdout(f).stderr(g);
        }
        let status = cmd.status().map_err(|e| fail(format!("cannot run {}: {e}", self.fe.python.display())))?;
        let output = if self.fe.verbose { None } else { Some(String::from_utf8_lossy(&fs::read(&log).unwrap_or_default()).to_string()) };
        if !status.success() {
            let code = status.code().unwrap_or(1);
            let shown = subprocess_error(title, code, output.as_deref(), indent);
            return Err((code, output, shown));
        }
        let text = fs::read_to_string(ctl.join("output.json")).map_err(|e| fail(format!("the hook runner wrote no output: {e}")))?;
        let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| fail(format!("bad output from the hook runner: {e}")))?;
        if let Some(tb) = v.get("backend_unavailable").and_then(|t| t.as_str()) {
            let msg = format!("{tb}BackendUnavailable: Cannot import '{}'", self.system.backend);
            let shown = subprocess_error(title, 1, Some(&msg), indent);
            return Err((1, Some(msg), shown));
        }
        if let Some(why) = v.get("backend_invalid").and_then(|t| t.as_str()) {
            let msg = format!("BackendInvalid: {why}");
            let shown = subprocess_error(title, 1, Some(&msg), indent);
            return Err((1, Some(msg), shown));
        }
        if v.get("unsupported").is_some_and(|u| u == true) {
            return Ok(None);
        }
        Ok(Some(v.get("return_val").cloned().unwrap_or(serde_json::Value::Null)))
    }

    /// A failure of a "Getting requirements"/"Preparing metadata" step, as pip shows it.
    fn step_failed(&self, title: &str, code: i32, shown: String) -> BuildError {
        BuildError(format!("{shown}\n{}", subprocess_error(title, code, None, "")))
    }

    /// The backend's own requirements (`get_requires_for_build_*`), installed
    /// into the environment's second prefix.
    fn ensure_backend_reqs(&mut self, kind: Kind) -> Result<(), BuildError> {
        self.ensure_env()?;
        if self.env.is_none() || self.backend_reqs.contains(&kind) {
            return Ok(());
        }
        self.backend_reqs.push(kind);
        let title = format!("Getting requirements to build {}", kind.word());
        step(self.fe.quiet, &title);
        let got = self.hook(&format!("get_requires_for_build_{}", kind.word()), serde_json::json!({"config_settings": null}), &title, "  ");
        let reqs = match got {
            Ok(v) => {
                step_end(self.fe.quiet, true);
                v.and_then(|v| v.as_array().cloned()).unwrap_or_default().iter().filter_map(|r| r.as_str().map(str::to_string)).collect::<Vec<_>>()
            }
            Err((code, _, shown)) => {
                step_end(self.fe.quiet, false);
                return Err(self.step_failed(&title, code, shown));
            }
        };
        // Those the build requirements already satisfy are not installed again.
        let env = self.env.as_ref().expect("made above");
        let have = krait_wheel::find_installed(&env.libs.iter().map(|l| env.overlay.join(l)).collect::<Vec<_>>());
        let missing: Vec<String> = reqs
            .into_iter()
            .filter(|r| {
                let Ok(req) = r.parse::<krait_pep508::Requirement>() else { return true };
                !have.iter().any(|d| {
                    d.normalized_name() == req.normalized_name() && d.version.parse::<krait_pep440::Version>().is_ok_and(|v| req.specifiers().contains(&v, true))
                })
            })
            .collect();
        if !missing.is_empty() {
            let normal = env.normal.clone();
            self.install_into(&missing, &normal, "backend dependencies")?;
        }
        Ok(())
    }

    /// The project's METADATA: from `prepare_metadata_for_build_*`, or, when
    /// the backend lacks it, from a wheel built for the purpose (kept for `build`).
    pub fn metadata(&mut self, kind: Kind) -> Result<String, BuildError> {
        self.ensure_backend_reqs(kind)?;
        let title = match kind {
            Kind::Wheel => "Preparing metadata (pyproject.toml)",
            Kind::Editable => "Preparing editable metadata (pyproject.toml)",
        };
        let dir = self.work.path().join(format!("metadata-{}", kind.word()));
        fs::create_dir_all(&dir).map_err(|e| BuildError(format!("ERROR: cannot create {}: {e}", dir.display())))?;
        step(self.fe.quiet, title);
        let got = self.hook(
            &format!("prepare_metadata_for_build_{}", kind.word()),
            serde_json::json!({"metadata_directory": dir, "config_settings": null}),
            title,
            "  ",
        );
        match got {
            Ok(Some(v)) => {
                step_end(self.fe.quiet, true);
                let name = v.as_str().unwrap_or_default();
                let info = dir.join(name);
                let meta = fs::read_to_string(info.join("METADATA")).map_err(|e| BuildError(format!("ERROR: the build backend prepared no {}/METADATA: {e}", info.display())))?;
                self.prepared.push((kind, info));
                Ok(meta)
            }
            Ok(None) => {
                step_end(self.fe.quiet, true);
                let out = self.work.path().join(format!("metadata-wheel-{}", kind.word()));
                let wheel = self.build_raw(kind, &out, true)?;
                let meta = wheel_metadata(&wheel).map_err(|e| BuildError(format!("ERROR: {e}")))?;
                self.built_for_metadata.push((kind, wheel));
                Ok(meta)
            }
            Err((_, _, shown)) => {
                step_end(self.fe.quiet, false);
                Err(BuildError(format!(
                    "{shown}\nerror: metadata-generation-failed\n\n× Encountered error while generating package metadata.\n╰─> See above for output.\n\nnote: This is an issue with the package mentioned above, not pip.\nhint: See above for details."
                )))
            }
        }
    }

    fn build_raw(&mut self, kind: Kind, out_dir: &Path, for_metadata: bool) -> Result<PathBuf, BuildError> {
        self.ensure_backend_reqs(kind)?;
        fs::create_dir_all(out_dir).map_err(|e| BuildError(format!("ERROR: cannot create {}: {e}", out_dir.display())))?;
        let title = format!("Building {} for {} (pyproject.toml)", kind.word(), self.name);
        step(self.fe.quiet || for_metadata, &title);
        let metadata_directory = self.prepared.iter().find(|(k, _)| *k == kind).and_then(|(_, p)| p.parent().map(Path::to_path_buf));
        let got = self.hook(
            &format!("build_{}", kind.word()),
            serde_json::json!({"wheel_directory": out_dir, "config_settings": null, "metadata_directory": metadata_directory}),
            &title,
            "  ",
        );
        match got {
            Ok(Some(v)) => {
                step_end(self.fe.quiet || for_metadata, true);
                let name = v.as_str().unwrap_or_default();
                let wheel = out_dir.join(name);
                if name.is_empty() || !wheel.is_file() {
                    return Err(BuildError(format!("ERROR: the build backend named no wheel it built for {} ({v})", self.name)));
                }
                Ok(wheel)
            }
            Ok(None) => {
                step_end(self.fe.quiet || for_metadata, false);
                Err(BuildError(match kind {
                    Kind::Editable => format!(
                        "ERROR: Project {} has a 'pyproject.toml' and its build backend is missing the 'build_editable' hook. Since it does not have a 'setup.py' nor a 'setup.cfg', it cannot be installed in editable mode. Consider using a build backend that supports PEP 660.",
                        self.source.display()
                    ),
                    Kind::Wheel => format!("ERROR: the build backend of {} has no build_wheel hook", self.name),
                }))
            }
            Err((_, _, shown)) => {
                step_end(self.fe.quiet || for_metadata, false);
                let n = &self.name;
                Err(BuildError(format!(
                    "{shown}\n  ERROR: Failed building {} for {n}\nFailed to build {n}\nERROR: Could not build wheels for {n}, which is required to install pyproject.toml-based projects",
                    kind.word()
                )))
            }
        }
    }

    /// Builds the wheel (or the editable wheel) into `out_dir`; returns its path.
    pub fn build(&mut self, kind: Kind, out_dir: &Path) -> Result<PathBuf, BuildError> {
        if let Some(i) = self.built_for_metadata.iter().position(|(k, _)| *k == kind) {
            let (_, w) = self.built_for_metadata.remove(i);
            fs::create_dir_all(out_dir).map_err(|e| BuildError(format!("ERROR: cannot create {}: {e}", out_dir.display())))?;
            let to = out_dir.join(w.file_name().unwrap_or_default());
            fs::rename(&w, &to).or_else(|_| fs::copy(&w, &to).map(|_| ())).map_err(|e| BuildError(format!("ERROR: cannot move {}: {e}", w.display())))?;
            return Ok(to);
        }
        self.build_raw(kind, out_dir, false)
    }
}

#[cfg(test)]
mod tests;
