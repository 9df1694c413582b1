//! krait-pip: pip's command line over krait's installer crates.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use sha2::{Digest, Sha256};

use krait_pep440::Version;
use krait_pep508::{normalize_name, Requirement};
use krait_tags::{Interpreter, Scheme, WheelFilename};
use krait_wheel::{find_installed, install_wheel, uninstall, InstallOptions, InstalledDist};

#[derive(Parser)]
#[command(name = "krait-pip", version, about = "krait's package installer (pip-compatible)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Target {
    /// The interpreter whose environment to work on (default: $VIRTUAL_ENV's, else python3).
    #[arg(long, global = true, env = "PIP_PYTHON")]
    python: Option<PathBuf>,
    /// Give less output.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    quiet: u8,
    /// Give more output.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
}

#[derive(Subcommand)]
enum Command {
    /// Install packages.
    Install(InstallArgs),
    /// Uninstall packages.
    Uninstall {
        #[command(flatten)]
        t: Target,
        /// Don't ask for confirmation of uninstall deletions.
        #[arg(short = 'y', long)]
        yes: bool,
        /// Uninstall all the packages listed in the given requirements file.
        #[arg(short = 'r', long = "requirement")]
        requirements: Vec<PathBuf>,
        packages: Vec<String>,
    },
    /// List installed packages.
    List {
        #[command(flatten)]
        t: Target,
        #[arg(long, default_value = "columns", value_parser = ["columns", "freeze", "json"])]
        format: String,
        /// Restrict to the specified installation path for listing packages.
        #[arg(long)]
        path: Vec<PathBuf>,
    },
    /// Output installed packages in requirements format.
    Freeze {
        #[command(flatten)]
        t: Target,
        /// Do not skip pip, setuptools, wheel and distribute.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        path: Vec<PathBuf>,
    },
    /// Show information about installed packages.
    Show {
        #[command(flatten)]
        t: Target,
        /// Show the full list of installed files for each package.
        #[arg(short, long)]
        files: bool,
        #[arg(long)]
        path: Vec<PathBuf>,
        #[arg(required = true)]
        packages: Vec<String>,
    },
}

#[derive(Args)]
struct InstallArgs {
    #[command(flatten)]
    t: Target,
    /// Install packages into DIR.
    #[arg(short = 't', long)]
    target: Option<PathBuf>,
    /// Installation prefix where lib, bin and other top-level folders are placed.
    #[arg(long)]
    prefix: Option<PathBuf>,
    /// Install to the Python user install directory.
    #[arg(long)]
    user: bool,
    /// Don't install package dependencies.
    #[arg(long)]
    no_deps: bool,
    /// Reinstall all packages even if they are already up-to-date.
    #[arg(long)]
    force_reinstall: bool,
    /// Upgrade all specified packages to the newest available version.
    #[arg(short = 'U', long)]
    upgrade: bool,
    /// Don't actually install anything, just print what would be.
    #[arg(long)]
    dry_run: bool,
    /// Ignore package index (only looking at --find-links URLs instead).
    #[arg(long)]
    no_index: bool,
    /// Look for archives in this directory or on this HTML page.
    #[arg(short = 'f', long, env = "PIP_FIND_LINKS", value_delimiter = ' ')]
    find_links: Vec<String>,
    /// Install from the given requirements file.
    #[arg(short = 'r', long = "requirement")]
    requirements: Vec<PathBuf>,
    /// Include pre-release and development versions.
    #[arg(long)]
    pre: bool,
    /// Base URL of the Python Package Index (PEP 503/691 simple API).
    #[arg(short = 'i', long, env = "PIP_INDEX_URL", default_value = "https://pypi.org/simple")]
    index_url: String,
    /// Extra URLs of package indexes to use in addition to --index-url.
    #[arg(long, env = "PIP_EXTRA_INDEX_URL", value_delimiter = ' ')]
    extra_index_url: Vec<String>,
    /// Store the cache data in DIR.
    #[arg(long, env = "PIP_CACHE_DIR")]
    cache_dir: Option<PathBuf>,
    packages: Vec<String>,
}

struct Env {
    python: Interpreter,
    scheme: Scheme,
    /// Where installed distributions are looked for.
    search: Vec<PathBuf>,
}

fn default_python() -> PathBuf {
    if let Some(v) = std::env::var_os("VIRTUAL_ENV") {
        let p = PathBuf::from(v).join("bin/python");
        if p.exists() {
            return p;
        }
    }
    PathBuf::from("python3")
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("ERROR: {msg}");
    ExitCode::from(1)
}

fn environment(t: &Target, target: Option<&Path>, prefix: Option<&Path>, user: bool, paths: &[PathBuf]) -> Result<Env, String> {
    let py = t.python.clone().unwrap_or_else(default_python);
    if target.is_some() && prefix.is_some() {
        return Err("Can not combine '--target' and '--prefix'".into());
    }
    let python = Interpreter::query(&py, prefix).map_err(|e| e.to_string())?;
    let mut scheme = python.scheme.clone();
    let mut search: Vec<PathBuf> = python.sys_path.iter().filter(|p| p.is_dir()).cloned().collect();
    if let Some(t) = target {
        let abs = absolute(t);
        scheme = Scheme::for_target(&abs);
        search = vec![abs];
    } else if prefix.is_some() {
        search = vec![scheme.purelib.clone(), scheme.platlib.clone()];
    } else if user {
        let site = python.user_site.clone();
        let base = python.user_base.clone();
        scheme = Scheme { purelib: site.clone(), platlib: site.clone(), scripts: base.join("bin"), data: base.clone(), include: base.join("include") };
        search.insert(0, site);
    } else {
        for d in [&scheme.purelib, &scheme.platlib] {
            if !search.contains(d) {
                search.push(d.clone());
            }
        }
    }
    if !paths.is_empty() {
        search = paths.iter().map(|p| absolute(p)).collect();
    }
    search.dedup();
    Ok(Env { python, scheme, search })
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    }
}

fn file_url(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One wheel chosen for installation.
struct Chosen {
    wheel: PathBuf,
    name: String,
    version: Version,
    requested: bool,
    direct: bool,
}

/// Reads requirement lines from a requirements file (comments, continuations, -r nesting).
fn read_requirements(path: &Path, out: &mut Vec<String>, depth: usize) -> Result<(), String> {
    if depth > 20 {
        return Err(format!("requirements files nest too deeply at {}", path.display()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("Could not open requirements file: {e}"))?;
    let joined = text.replace("\\\n", "");
    for line in joined.lines() {
        let line = match line.find(" #") {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("-r ").or_else(|| line.strip_prefix("--requirement ")) {
            let nested = path.parent().unwrap_or(Path::new(".")).join(rest.trim());
            read_requirements(&nested, out, depth + 1)?;
            continue;
        }
        out.push(expand_env(line));
    }
    Ok(())
}

fn expand_env(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        match rest[i + 2..].find('}') {
            Some(j) => {
                let name = &rest[i + 2..i + 2 + j];
                let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                match std::env::var(name) {
                    Ok(v) if valid => out.push_str(&v),
                    _ => out.push_str(&rest[i..i + 3 + j]),
                }
                rest = &rest[i + 3 + j..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[allow(dead_code)]
/// Wheels available in --find-links directories.
fn local_wheels(find_links: &[String]) -> Vec<(WheelFilename, PathBuf)> {
    let mut out = Vec::new();
    for fl in find_links {
        let dir = PathBuf::from(fl.strip_prefix("file://").unwrap_or(fl));
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if let Ok(wf) = WheelFilename::parse(&name) {
                    out.push((wf, absolute(&e.path())));
                }
            }
        }
    }
    out
}

/// Versions and requirements from the indexes, find-links and local wheels,
/// filtered for the target interpreter.
struct IndexSource<'a> {
    client: &'a krait_index::Client,
    tags: &'a krait_tags::Tags,
    python_version: Version,
    /// Local wheel files named on the command line, by normalised name.
    direct: std::collections::BTreeMap<String, krait_index::DistFile>,
    files: std::cell::RefCell<std::collections::BTreeMap<String, Vec<(Version, krait_index::DistFile)>>>,
}

impl IndexSource<'_> {
    /// The best file of each usable version.
    fn candidates(&self, name: &str) -> Result<Vec<(Version, krait_index::DistFile)>, String> {
        if let Some(c) = self.files.borrow().get(name) {
            return Ok(c.clone());
        }
        let all = match self.direct.get(name) {
            Some(f) => vec![f.clone()],
            None => self.client.files(name)?,
        };
        let mut best: std::collections::BTreeMap<Version, (usize, krait_index::DistFile)> = Default::default();
        for f in all {
            let Ok(wf) = WheelFilename::parse(&f.filename) else { continue };
            let Some(prio) = self.tags.priority(&wf.tags()) else { continue };
            if f.yanked && !self.direct.contains_key(name) {
                continue;
            }
            if let Some(rp) = &f.requires_python {
                if let Ok(spec) = rp.parse::<krait_pep440::VersionSpecifiers>() {
                    if !spec.contains(&self.python_version, true) {
                        continue;
                    }
                }
            }
            match best.get(&wf.version) {
                Some((p, _)) if *p <= prio => {}
                _ => {
                    best.insert(wf.version.clone(), (prio, f));
                }
            }
        }
        let out: Vec<(Version, krait_index::DistFile)> = best.into_iter().map(|(v, (_, f))| (v, f)).collect();
        self.files.borrow_mut().insert(name.to_string(), out.clone());
        Ok(out)
    }

    fn file(&self, name: &str, v: &Version) -> Option<krait_index::DistFile> {
        self.candidates(name).ok()?.into_iter().find(|(x, _)| x == v).map(|(_, f)| f)
    }
}

impl krait_resolver::Source for IndexSource<'_> {
    fn versions(&self, name: &str) -> Result<Vec<Version>, String> {
        Ok(self.candidates(name)?.into_iter().map(|(v, _)| v).collect())
    }
    fn requires(&self, name: &str, version: &Version) -> Result<Vec<Requirement>, String> {
        let f = self.file(name, version).ok_or_else(|| format!("no file for {name} {version}"))?;
        let meta = self.client.metadata(&f)?;
        krait_index::requires_dist(&meta)
            .iter()
            .map(|r| r.parse::<Requirement>().map_err(|e| format!("{name} {version} has a bad requirement '{r}': {e}")))
            .collect()
    }
}

/// Holds an exclusive lock for the environment at `env_dir` until dropped.
/// The lock file lives in the cache (named by the environment's path), so
/// the environment itself gains no files.
fn lock_environment(cache: &Path, env_dir: &Path) -> Result<std::fs::File, String> {
    let dir = cache.join("locks");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let key = format!("{:x}", Sha256::digest(env_dir.to_string_lossy().as_bytes()));
    let path = dir.join(format!("{}.lock", &key[..32]));
    let f = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    f.lock().map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
    Ok(f)
}

fn cache_dir(a: &InstallArgs) -> PathBuf {
    if let Some(d) = &a.cache_dir {
        return absolute(d);
    }
    let home = std::env::var_os("XDG_CACHE_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    home.unwrap_or_else(std::env::temp_dir).join("krait-pip")
}

fn install(a: InstallArgs) -> ExitCode {
    let env = match environment(&a.t, a.target.as_deref(), a.prefix.as_deref(), a.user, &[]) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let quiet = a.t.quiet > 0;
    let mut reqs: Vec<String> = a.packages.clone();
    for r in &a.requirements {
        if let Err(e) = read_requirements(r, &mut reqs, 0) {
            return fail(e);
        }
    }
    if reqs.is_empty() {
        return fail("You must give at least one requirement to install (see \"krait-pip help install\")");
    }
    let tags = env.python.tags();
    let installed = find_installed(&env.search);

    let mut roots: Vec<Requirement> = Vec::new();
    let mut direct = std::collections::BTreeMap::new();
    for r in &reqs {
        if r.ends_with(".whl") && !r.contains(" @ ") && !r.contains(';') {
            let p = absolute(Path::new(r));
            let fname = p.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            let wf = match WheelFilename::parse(&fname) {
                Ok(w) => w,
                Err(e) => return fail(e),
            };
            if !p.exists() {
                return fail(format!("Could not install requirement {r} because the file does not exist: {}", p.display()));
            }
            if tags.priority(&wf.tags()).is_none() {
                return fail(format!("{fname} is not a supported wheel on this platform."));
            }
            if !quiet {
                println!("Processing {r}");
            }
            let name = normalize_name(&wf.name);
            direct.insert(name.clone(), krait_index::DistFile { filename: fname, url: p.to_string_lossy().to_string(), sha256: None, requires_python: None, yanked: false, has_metadata: false });
            roots.push(format!("{}=={}", wf.name, wf.version).parse().expect("a wheel name makes a requirement"));
            continue;
        }
        let req: Requirement = match r.parse() {
            Ok(q) => q,
            Err(e) => return fail(format!("Invalid requirement: '{r}'\n{e}")),
        };
        if !req.applies(&env.python.markers, &[]) {
            if !quiet {
                println!("Ignoring {}: markers '{}' don't match your environment", req.name, req.marker.as_ref().unwrap());
            }
            continue;
        }
        roots.push(req);
    }
    if roots.is_empty() {
        return ExitCode::SUCCESS;
    }
    let index_urls = if a.no_index { Vec::new() } else { std::iter::once(a.index_url.clone()).chain(a.extra_index_url.iter().cloned()).collect() };
    let client = krait_index::Client::new(index_urls, a.find_links.clone(), cache_dir(&a));
    let source = IndexSource { client: &client, tags: &tags, python_version: env.python.python_full_version(), direct, files: Default::default() };

    // Installed versions are kept unless upgrading or reinstalling.
    let mut prefer = std::collections::BTreeMap::new();
    for d in &installed {
        let requested = roots.iter().any(|r| r.normalized_name() == d.normalized_name());
        if (a.upgrade || a.force_reinstall) && requested {
            continue;
        }
        if let Ok(v) = d.version.parse::<Version>() {
            prefer.insert(d.normalized_name(), v);
        }
    }
    let opts = krait_resolver::Options { pre: a.pre, no_deps: a.no_deps, prefer };
    let resolution = match krait_resolver::resolve(&source, &env.python.markers, &roots, &opts) {
        Ok(r) => r,
        Err(e) => {
            // pip's wording when a single requirement has no candidates.
            for r in &roots {
                let name = r.normalized_name();
                let all: Vec<Version> = match source.candidates(&name) {
                    Ok(c) => c.into_iter().map(|(v, _)| v).collect(),
                    Err(err) => return fail(err),
                };
                if !all.iter().any(|v| r.specifiers().contains_any(v)) {
                    let list: Vec<String> = all.iter().map(|v| v.to_string()).collect();
                    eprintln!(
                        "ERROR: Could not find a version that satisfies the requirement {r} (from versions: {})",
                        if list.is_empty() { "none".to_string() } else { list.join(", ") }
                    );
                    return fail(format!("No matching distribution found for {r}"));
                }
            }
            return fail(e);
        }
    };

    let mut chosen: Vec<Chosen> = Vec::new();
    for (name, version) in &resolution {
        let have = installed.iter().find(|d| &d.normalized_name() == name);
        let requested = roots.iter().any(|r| &r.normalized_name() == name);
        if let Some(h) = have {
            if h.version.parse::<Version>().ok().as_ref() == Some(version) && !(a.force_reinstall && requested) {
                if !quiet && source.direct.contains_key(name) {
                    println!("{} is already installed with the same version as the provided wheel. Use --force-reinstall to force an installation of the wheel.", h.name);
                } else if !quiet {
                    let shown = roots.iter().find(|r| &r.normalized_name() == name).map(|r| r.to_string()).unwrap_or(h.name.clone());
                    println!("Requirement already satisfied: {} in {} ({})", shown, h.location.display(), h.version);
                }
                continue;
            }
        }
        let Some(file) = source.file(name, version) else { return fail(format!("no file for {name} {version}")) };
        if !quiet && !source.direct.contains_key(name) {
            println!("Collecting {name}=={version}");
        }
        let wheel = match client.fetch(&file) {
            Ok(p) => p,
            Err(e) => return fail(e),
        };
        let direct = source.direct.contains_key(name);
        // The project's own spelling of its name, from METADATA.
        let display = krait_index::wheel_metadata(&wheel)
            .ok()
            .and_then(|m| m.lines().take_while(|l| !l.is_empty()).find_map(|l| l.strip_prefix("Name:")).map(|n| n.trim().to_string()))
            .unwrap_or_else(|| WheelFilename::parse(&file.filename).map(|w| w.name).unwrap_or(name.clone()));
        chosen.push(Chosen { wheel, name: display, version: version.clone(), requested, direct });
    }
    if chosen.is_empty() {
        return ExitCode::SUCCESS;
    }
    if a.dry_run {
        let names: Vec<String> = chosen.iter().map(|c| format!("{}-{}", c.name, c.version)).collect();
        println!("Would install {}", names.join(" "));
        return ExitCode::SUCCESS;
    }
    if !quiet {
        let names: Vec<String> = chosen.iter().map(|c| c.name.clone()).collect();
        println!("Installing collected packages: {}", names.join(", "));
    }
    // Concurrent installs into one environment take turns.
    let lock_dir = a.target.as_ref().map(|t| absolute(t)).unwrap_or_else(|| env.python.prefix.clone());
    let _lock = match lock_environment(&cache_dir(&a), &lock_dir) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    // What was installed may have changed while waiting for the lock.
    let installed = find_installed(&env.search);
    // Every wheel is checked before anything is removed, so a bad archive
    // leaves the environment as it was.
    for c in &chosen {
        if let Err(e) = krait_wheel::verify_wheel(&c.wheel, &env.scheme, &env.python.executable) {
            return fail(format!("Could not install packages due to a bad archive: {e}"));
        }
    }
    let mut done = Vec::new();
    for c in &chosen {
        let want = normalize_name(&c.name);
        if let Some(old) = installed.iter().find(|d| d.normalized_name() == want) {
            if !quiet {
                println!("  Attempting uninstall: {}", old.name);
                println!("    Found existing installation: {} {}", old.name, old.version);
                println!("    Uninstalling {}-{}:", old.name, old.version);
            }
            if let Err(e) = uninstall(old) {
                return fail(e);
            }
            if !quiet {
                println!("      Successfully uninstalled {}-{}", old.name, old.version);
            }
        }
        let direct_url = c.direct.then(|| {
            let hash = std::fs::read(&c.wheel).map(|d| format!("{:x}", Sha256::digest(d))).unwrap_or_default();
            serde_json::json!({"archive_info": {"hash": format!("sha256={hash}"), "hashes": {"sha256": hash}}, "url": file_url(&c.wheel)}).to_string()
        });
        let opts = InstallOptions { installer: "krait-pip".into(), requested: c.requested, direct_url };
        match install_wheel(&c.wheel, &env.scheme, &env.python.executable, &opts) {
            Ok(i) => done.push(format!("{}-{}", i.name, i.version)),
            Err(e) => return fail(format!("Could not install packages due to an OSError or a bad archive: {e}")),
        }
    }
    if !quiet {
        println!("Successfully installed {}", done.join(" "));
    }
    ExitCode::SUCCESS
}

fn find<'a>(dists: &'a [InstalledDist], name: &str) -> Option<&'a InstalledDist> {
    let n = normalize_name(name);
    dists.iter().find(|d| d.normalized_name() == n)
}

fn run_uninstall(t: Target, yes: bool, requirements: Vec<PathBuf>, mut packages: Vec<String>) -> ExitCode {
    let env = match environment(&t, None, None, false, &[]) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    for r in &requirements {
        if let Err(e) = read_requirements(r, &mut packages, 0) {
            return fail(e);
        }
    }
    if packages.is_empty() {
        return fail("You must give at least one requirement to uninstall (see \"krait-pip help uninstall\")");
    }
    let dists = find_installed(&env.search);
    for p in &packages {
        let name = p.parse::<Requirement>().map(|r| r.name).unwrap_or(p.clone());
        let Some(d) = find(&dists, &name) else {
            eprintln!("WARNING: Skipping {name} as it is not installed.");
            continue;
        };
        println!("Found existing installation: {} {}", d.name, d.version);
        println!("Uninstalling {}-{}:", d.name, d.version);
        if !yes {
            println!("  Would remove:");
            for path in d.record_paths() {
                println!("    {}", d.location.join(path).display());
            }
            print!("Proceed (Y/n)? ");
            let _ = std::io::stdout().flush();
            let mut line = String::new();
            let _ = std::io::stdin().lock().read_line(&mut line);
            if !matches!(line.trim(), "" | "y" | "Y" | "yes") {
                continue;
            }
        }
        if let Err(e) = uninstall(d) {
            return fail(e);
        }
        println!("  Successfully uninstalled {}-{}", d.name, d.version);
    }
    ExitCode::SUCCESS
}

fn freeze_line(d: &InstalledDist) -> String {
    if let Some(du) = d.direct_url() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&du) {
            if let Some(url) = v.get("url").and_then(|u| u.as_str()) {
                return format!("{} @ {url}", d.name);
            }
        }
    }
    format!("{}=={}", d.name, d.version)
}

fn list(t: Target, format: String, path: Vec<PathBuf>) -> ExitCode {
    let env = match environment(&t, None, None, false, &path) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let dists = find_installed(&env.search);
    match format.as_str() {
        "json" => {
            let items: Vec<String> = dists
                .iter()
                .map(|d| format!("{{\"name\": {}, \"version\": {}}}", serde_json::Value::from(d.name.clone()), serde_json::Value::from(d.version.clone())))
                .collect();
            println!("[{}]", items.join(", "));
        }
        "freeze" => {
            for d in &dists {
                println!("{}=={}", d.name, d.version);
            }
        }
        _ => {
            if dists.is_empty() {
                return ExitCode::SUCCESS;
            }
            let w = dists.iter().map(|d| d.name.len()).max().unwrap_or(0).max(7);
            let v = dists.iter().map(|d| d.version.len()).max().unwrap_or(0).max(7);
            println!("{:<w$} {}", "Package", "Version");
            println!("{} {}", "-".repeat(w), "-".repeat(v));
            for d in &dists {
                println!("{}", format!("{:<w$} {}", d.name, d.version).trim_end());
            }
        }
    }
    ExitCode::SUCCESS
}

fn freeze(t: Target, all: bool, path: Vec<PathBuf>) -> ExitCode {
    let env = match environment(&t, None, None, false, &path) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    for d in find_installed(&env.search) {
        if !all && ["pip", "setuptools", "wheel", "distribute"].contains(&d.normalized_name().as_str()) {
            continue;
        }
        println!("{}", freeze_line(&d));
    }
    ExitCode::SUCCESS
}

fn show(t: Target, files: bool, path: Vec<PathBuf>, packages: Vec<String>) -> ExitCode {
    let env = match environment(&t, None, None, false, &path) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let dists = find_installed(&env.search);
    let mut missing = Vec::new();
    let mut first = true;
    for p in &packages {
        let Some(d) = find(&dists, p) else {
            missing.push(p.clone());
            continue;
        };
        if !first {
            println!("---");
        }
        first = false;
        let requires: Vec<String> = d
            .fields("Requires-Dist")
            .iter()
            .filter_map(|r| r.parse::<Requirement>().ok())
            .filter(|r| r.marker.as_ref().map_or(true, |m| m.evaluate(&env.python.markers, "")))
            .map(|r| r.name)
            .collect();
        let me = d.normalized_name();
        let required_by: Vec<String> = dists
            .iter()
            .filter(|o| {
                o.fields("Requires-Dist").iter().filter_map(|r| r.parse::<Requirement>().ok()).any(|r| r.normalized_name() == me)
            })
            .map(|o| o.name.clone())
            .collect();
        println!("Name: {}", d.name);
        println!("Version: {}", d.version);
        println!("Summary: {}", d.field("Summary").unwrap_or_default());
        println!("Home-page: {}", d.field("Home-page").unwrap_or_default());
        println!("Author: {}", d.field("Author").unwrap_or_default());
        println!("Author-email: {}", d.field("Author-email").unwrap_or_default());
        println!("License: {}", d.field("License").unwrap_or_default());
        println!("Location: {}", d.location.display());
        println!("Requires: {}", requires.join(", "));
        println!("Required-by: {}", required_by.join(", "));
        if files {
            println!("Files:");
            for f in d.record_paths() {
                println!("  {f}");
            }
        }
    }
    if !missing.is_empty() {
        eprintln!("WARNING: Package(s) not found: {}", missing.join(", "));
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Install(a) => install(a),
        Command::Uninstall { t, yes, requirements, packages } => run_uninstall(t, yes, requirements, packages),
        Command::List { t, format, path } => list(t, format, path),
        Command::Freeze { t, all, path } => freeze(t, all, path),
        Command::Show { t, files, path, packages } => show(t, files, path, packages),
    }
}
