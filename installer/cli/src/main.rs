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

mod build;
mod cache;
mod config;
mod plan;
mod progress;
mod report;
mod recovery;
mod reqfile;

#[derive(Parser)]
#[command(name = "krait-pip", version, about = "krait's package installer (pip-compatible)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Target {
    /// The interpreter whose environment to work on (default: $VIRTUAL_ENV's, else python3).
    #[arg(long, global = true)]
    python: Option<PathBuf>,
    /// Give less output.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    quiet: u8,
    /// Give more output.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    /// Accepted for pip's sake: krait-pip never checks for a newer version of itself.
    #[arg(long, global = true, hide = true)]
    disable_pip_version_check: bool,
    /// Ignore environment variables and user configuration.
    #[arg(long, global = true)]
    isolated: bool,
    /// Progress bars on a terminal: "on", or "off" for plain lines.
    #[arg(long, global = true, default_value = "on", value_parser = ["on", "off", "raw"])]
    progress_bar: String,
    /// Accepted for pip's sake: krait-pip never prompts during install, and
    /// does not warn about script locations, conflicts with other installed
    /// packages or running as root. --no-compile: no .pyc files are written.
    #[arg(long, global = true, hide = true)]
    no_input: bool,
    #[arg(long, global = true, hide = true)]
    no_warn_script_location: bool,
    #[arg(long, global = true, hide = true)]
    no_warn_conflicts: bool,
    #[arg(long, global = true, hide = true)]
    no_compile: bool,
    #[arg(long, global = true, hide = true, value_parser = ["warn", "ignore"])]
    root_user_action: Option<String>,
}

/// Options that choose where distributions come from and which.
#[derive(Args, Clone, Default)]
struct Finder {
    /// Install from the given requirements file.
    #[arg(short = 'r', long = "requirement")]
    requirements: Vec<PathBuf>,
    /// Constrain versions using the given constraints file.
    #[arg(short = 'c', long = "constraint")]
    constraints: Vec<PathBuf>,
    /// Ignore package index (only looking at --find-links URLs instead).
    #[arg(long)]
    no_index: bool,
    /// Look for archives in this directory or on this HTML page.
    #[arg(short = 'f', long, value_delimiter = ' ')]
    find_links: Vec<String>,
    /// Include pre-release and development versions.
    #[arg(long)]
    pre: bool,
    /// Install a project in editable mode (PEP 660) from a local folder.
    #[arg(short = 'e', long)]
    editable: Vec<String>,
    /// Build in the target environment as it is, without an isolated build environment.
    #[arg(long)]
    no_build_isolation: bool,
    /// Base URL of the Python Package Index (PEP 503/691 simple API).
    #[arg(short = 'i', long, default_value = "https://pypi.org/simple")]
    index_url: String,
    /// Extra URLs of package indexes to use in addition to --index-url.
    #[arg(long, value_delimiter = ' ')]
    extra_index_url: Vec<String>,
    /// Don't install package dependencies.
    #[arg(long)]
    no_deps: bool,
    /// Require a hash for every requirement (turned on by any --hash in a requirements file).
    #[arg(long)]
    require_hashes: bool,
    /// Do not use binary packages: :all:, :none:, or comma-separated names.
    #[arg(long)]
    no_binary: Vec<String>,
    /// Do not use source packages: :all:, :none:, or comma-separated names.
    #[arg(long)]
    only_binary: Vec<String>,
    /// Prefer binary packages over source packages (krait-pip only installs wheels).
    #[arg(long)]
    prefer_binary: bool,
    /// Store the cache data in DIR.
    #[arg(long)]
    cache_dir: Option<PathBuf>,
    /// Disable the cache: downloads and unpacked wheels go to a temporary folder removed at the end.
    #[arg(long)]
    no_cache_dir: bool,
    /// Where downloads, pages and unpacked wheels go (filled after parsing).
    #[arg(skip)]
    data_cache: Option<PathBuf>,
    /// Path to a PEM bundle of certificate authorities.
    #[arg(long)]
    cert: Option<PathBuf>,
    /// Socket timeout in seconds.
    #[arg(long, alias = "default-timeout")]
    timeout: Option<f64>,
    /// A proxy for every request: [user:passwd@]proxy.server:port.
    #[arg(long)]
    proxy: Option<String>,
    /// How many times to retry a failed connection.
    #[arg(long)]
    retries: Option<u32>,
    /// Mark this host or host:port pair as trusted, even though it does not have valid or any HTTPS.
    #[arg(long, value_delimiter = ' ')]
    trusted_host: Vec<String>,
    /// Where credentials come from after a 401: "subprocess" runs `keyring get URL USERNAME`.
    #[arg(long, default_value = "auto", value_parser = ["auto", "disabled", "import", "subprocess"])]
    keyring_provider: String,
    /// --no-binary and --only-binary values in command-line order (filled after parsing).
    #[arg(skip)]
    format_order: Vec<(bool, String)>,
    packages: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Install packages.
    Install(InstallArgs),
    /// Download packages (wheels) into a folder without installing them.
    Download(DownloadArgs),
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
    List(ListArgs),
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
    /// Verify installed packages have compatible dependencies.
    Check {
        #[command(flatten)]
        t: Target,
        #[arg(long)]
        path: Vec<PathBuf>,
    },
    /// Inspect and manage krait-pip's wheel cache.
    Cache {
        #[command(flatten)]
        t: Target,
        /// Store the cache data in DIR.
        #[arg(long)]
        cache_dir: Option<PathBuf>,
        /// Output format of `cache list`.
        #[arg(long, default_value = "human", value_parser = ["human", "abspath"])]
        format: String,
        /// dir, info, list [PATTERN], remove PATTERN, purge
        action: String,
        pattern: Option<String>,
    },
}

#[derive(Args)]
struct ListArgs {
    #[command(flatten)]
    t: Target,
    #[arg(long, default_value = "columns", value_parser = ["columns", "freeze", "json"])]
    format: String,
    /// Restrict to the specified installation path for listing packages.
    #[arg(long)]
    path: Vec<PathBuf>,
    /// List outdated packages.
    #[arg(short = 'o', long)]
    outdated: bool,
    /// List up-to-date packages.
    #[arg(short = 'u', long)]
    uptodate: bool,
    /// Include pre-release and development versions.
    #[arg(long)]
    pre: bool,
    #[arg(short = 'i', long, default_value = "https://pypi.org/simple")]
    index_url: String,
    #[arg(long, value_delimiter = ' ')]
    extra_index_url: Vec<String>,
    #[arg(long)]
    no_index: bool,
    #[arg(short = 'f', long, value_delimiter = ' ')]
    find_links: Vec<String>,
    #[arg(long)]
    cache_dir: Option<PathBuf>,
    #[arg(long)]
    cert: Option<PathBuf>,
    #[arg(long, alias = "default-timeout")]
    timeout: Option<f64>,
    #[arg(long)]
    proxy: Option<String>,
    #[arg(long)]
    retries: Option<u32>,
    #[arg(long, value_delimiter = ' ')]
    trusted_host: Vec<String>,
    #[arg(long, default_value = "auto", value_parser = ["auto", "disabled", "import", "subprocess"])]
    keyring_provider: String,
}

#[derive(Args)]
struct InstallArgs {
    #[command(flatten)]
    t: Target,
    #[command(flatten)]
    f: Finder,
    /// Install packages into DIR.
    #[arg(short = 't', long)]
    target: Option<PathBuf>,
    /// Installation prefix where lib, bin and other top-level folders are placed.
    #[arg(long)]
    prefix: Option<PathBuf>,
    /// Install to the Python user install directory.
    #[arg(long)]
    user: bool,
    /// Reinstall all packages even if they are already up-to-date.
    #[arg(long)]
    force_reinstall: bool,
    /// Upgrade all specified packages to the newest available version.
    #[arg(short = 'U', long)]
    upgrade: bool,
    /// "only-if-needed" upgrades dependencies only when they no longer fit; "eager" upgrades them all.
    #[arg(long, default_value = "only-if-needed", value_parser = ["only-if-needed", "eager"])]
    upgrade_strategy: String,
    /// Don't actually install anything, just print what would be.
    #[arg(long)]
    dry_run: bool,
    /// Write a JSON installation report (pip's format, version 1) to FILE, or stdout for "-".
    #[arg(long)]
    report: Option<String>,
}

#[derive(Args)]
struct DownloadArgs {
    #[command(flatten)]
    t: Target,
    #[command(flatten)]
    f: Finder,
    /// Download packages into DIR.
    #[arg(short = 'd', long = "dest", alias = "destination-dir", alias = "destination-directory", default_value = ".")]
    dest: PathBuf,
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

/// Where the interpreter's facts are kept: set by the commands that take
/// --cache-dir / --no-cache-dir; the default cache otherwise.
static FACTS_CACHE: std::sync::Mutex<Option<Option<PathBuf>>> = std::sync::Mutex::new(None);

fn facts_cache() -> Option<PathBuf> {
    FACTS_CACHE.lock().unwrap().clone().unwrap_or_else(|| Some(cache_dir(None)))
}

fn set_facts_cache(dir: Option<&Path>, none: bool) {
    *FACTS_CACHE.lock().unwrap() = Some((!none).then(|| cache_dir(dir)));
}

/// The largest wheel (by the index's size) downloaded into memory and
/// unpacked from there rather than written to the wheel cache first.
const IN_MEMORY_MAX: u64 = 64 << 20;

/// How many threads fetch index pages and METADATA ahead of the resolver.
const PREFETCHERS: usize = 8;

/// How many wheels are unpacked or installed at once.
fn workers() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(4, 16)
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
    // The interpreter's facts are kept in the cache (see Interpreter::query_cached),
    // except with --no-cache-dir.
    let python = match facts_cache() {
        Some(c) => Interpreter::query_cached(&py, prefix, &c),
        None => Interpreter::query(&py, prefix),
    }
    .map_err(|e| e.to_string())?;
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

/// A temporary cache for --no-cache-dir, removed when dropped.
struct TempCache(Option<PathBuf>);

impl TempCache {
    /// Points `f` at a fresh temporary folder when it asks for no cache.
    fn for_finder(f: &mut Finder) -> Result<TempCache, String> {
        if !f.no_cache_dir {
            return Ok(TempCache(None));
        }
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("krait-pip-nocache-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        f.data_cache = Some(dir.clone());
        Ok(TempCache(Some(dir)))
    }
}

impl Drop for TempCache {
    fn drop(&mut self) {
        if let Some(d) = &self.0 {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

fn cache_dir(d: Option<&Path>) -> PathBuf {
    if let Some(d) = d {
        return absolute(d);
    }
    let home = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    home.unwrap_or_else(std::env::temp_dir).join("krait-pip")
}

/// Network settings shared by the commands that use an index.
struct Net<'a> {
    cert: Option<&'a Path>,
    timeout: Option<f64>,
    proxy: Option<&'a str>,
    retries: Option<u32>,
    trusted_hosts: Vec<String>,
    keyring_provider: &'a str,
}

fn make_client(index_urls: Vec<String>, find_links: Vec<String>, cache: Option<&Path>, net: Net) -> krait_index::Client {
    let opts = krait_index::ClientOptions {
        cert: net.cert.map(Path::to_path_buf),
        timeout: net.timeout.map(std::time::Duration::from_secs_f64),
        proxy: net.proxy.map(str::to_string),
        retries: net.retries,
        trusted_hosts: net.trusted_hosts,
        // krait-pip never prompts, so (as pip with --no-input) "auto" uses no keyring;
        // "import" would need keyring inside krait-pip's own interpreter, which it has not.
        keyring_provider: (net.keyring_provider == "subprocess").then(|| "subprocess".to_string()),
    };
    krait_index::Client::with_options(index_urls, find_links, cache_dir(cache), opts)
}

/// One distribution chosen, fetched and checked.
struct Planned {
    /// Normalised name.
    name: String,
    /// The project's own spelling, from METADATA.
    display: String,
    version: Version,
    file: krait_index::DistFile,
    /// The wheel. An index's wheel unpacked straight from memory, or found
    /// unpacked in the cache, is not there: this is its place in the cache.
    path: PathBuf,
    metadata: String,
    requested: bool,
    direct: bool,
    extras: Vec<String>,
    /// PEP 610 direct_url.json for distributions built from a named source.
    direct_url: Option<String>,
}

/// Resolves what `f` asks for, downloads the chosen wheels (those `skip`
/// does not rule out) and checks them against `--hash` values.
fn plan_wheels(
    f: &Finder,
    env: &Env,
    prefer: &dyn Fn(&[plan::Root]) -> std::collections::BTreeMap<String, Version>,
    skip: &dyn Fn(Option<&plan::Root>, &str, &Version, bool) -> bool,
    quiet: bool,
    verbose: bool,
    cmd: &str,
    scratch: &Path,
    after_fetch: Option<&progress::AfterFetch>,
) -> Result<(plan::Request, Vec<Planned>), ExitCode> {
    let tags = env.python.tags();
    let src = plan::Sources {
        index_url: &f.index_url,
        extra_index_urls: &f.extra_index_url,
        find_links: &f.find_links,
        no_index: f.no_index,
        pre: f.pre,
        require_hashes: f.require_hashes,
        format: &f.format_order,
        trusted_hosts: &f.trusted_host,
    };
    let mut req = plan::gather(&f.packages, &f.editable, &f.requirements, &f.constraints, &src, &env.python.markers, &tags, quiet).map_err(fail)?;
    if req.roots.is_empty() && req.sources.is_empty() {
        if f.packages.is_empty() && f.requirements.is_empty() && f.editable.is_empty() {
            return Err(fail(format!("You must give at least one requirement to {cmd} (see \"krait-pip help {cmd}\")")));
        }
        return Ok((req, Vec::new()));
    }
    let cache = f.data_cache.clone().unwrap_or_else(|| cache_dir(f.cache_dir.as_deref()));
    let client = make_client(req.index_urls.clone(), req.find_links.clone(), f.data_cache.as_deref().or(f.cache_dir.as_deref()), Net {
            cert: f.cert.as_deref(),
            timeout: f.timeout,
            proxy: f.proxy.as_deref(),
            retries: f.retries,
            trusted_hosts: f.trusted_host.iter().chain(&req.trusted_hosts).cloned().collect(),
            keyring_provider: &f.keyring_provider,
        },
    );
    let builder = build::Builder::new(child_options(f, &req, env, verbose), !f.no_build_isolation, quiet, cache, scratch).map_err(fail)?;
    // Sources named directly are built first: their names and versions come from their metadata.
    for s in std::mem::take(&mut req.sources) {
        add_source(&s, &mut req, &client, &builder, &tags, quiet)?;
    }
    let mut source = plan::IndexSource::new(&client, &tags, env.python.python_full_version(), &req).with_markers(&env.python.markers);
    source.builder = Some(&builder);
    let opts = krait_resolver::Options { pre: req.pre, no_deps: f.no_deps, prefer: prefer(&req.roots), constraints: req.constraints.clone() };
    let roots: Vec<Requirement> = req.roots.iter().map(|r| r.req.clone()).collect();
    let spinner = progress::spinner(quiet, "Resolving dependencies");
    let resolved = std::thread::scope(|s| {
        if !f.no_deps {
            source.seed(&roots);
            for _ in 0..PREFETCHERS {
                s.spawn(|| source.prefetch());
            }
        }
        let r = krait_resolver::resolve(&source, &env.python.markers, &roots, &opts);
        source.stop();
        r
    });
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let resolution = match resolved {
        Ok(r) => r,
        Err(e) => {
            if let Some(msg) = plan::no_candidates(&source, &req.roots, &req.constraints) {
                eprintln!("{msg}");
                return Err(ExitCode::from(1));
            }
            eprintln!("ERROR: {e}");
            for hint in plan::sdist_only_hints(&source) {
                eprintln!("{hint}");
            }
            return Err(ExitCode::from(1));
        }
    };
    // What to fetch.
    let mut todo = Vec::new();
    for (name, version) in &resolution {
        let root = req.roots.iter().find(|r| &r.req.normalized_name() == name);
        let requested = root.is_some();
        let direct = req.direct.contains_key(name);
        // Distributions built from a named source are always reinstalled (as pip does).
        if !req.direct_urls.contains_key(name) && skip(root, name, version, direct) {
            continue;
        }
        let Some(file) = source.file(name, version) else { return Err(fail(format!("no file for {name} {version}"))) };
        if !quiet && !direct {
            println!("Collecting {name}=={version}");
        }
        let extras: Vec<String> = req.roots.iter().filter(|r| &r.req.normalized_name() == name).flat_map(|r| r.req.extras.clone()).collect();
        todo.push((name.clone(), version.clone(), file, requested, direct, extras));
    }
    // Downloads run in parallel; the results keep the resolution's order.
    let files: Vec<krait_index::DistFile> = todo.iter().map(|t| t.2.clone()).collect();
    // Wheels are unpacked as soon as they arrive (in hash-checking mode only
    // after their hash is checked); source distributions are built below.
    let after = if req.hash_mode { None } else { after_fetch };
    let fetched = progress::fetch_all(&client, &files, quiet, after);
    let mut fetched_paths = Vec::new();
    for got in fetched {
        fetched_paths.push(got.map_err(fail)?);
    }
    // Source distributions chosen become wheels (built once, then from the cache).
    let sdists: Vec<String> =
        todo.iter().zip(&fetched_paths).filter(|(t, p)| !plan::is_wheel(&t.2.filename) && builder.needs_build(p)).map(|(t, _)| t.0.clone()).collect();
    if !sdists.is_empty() && !quiet {
        println!("Building wheels for collected packages: {}", sdists.join(", "));
    }
    for (t, path) in todo.iter().zip(fetched_paths.iter_mut()) {
        if !plan::is_wheel(&t.2.filename) {
            *path = builder.sdist_wheel(path, &t.0).map_err(|e| {
                eprintln!("{e}");
                ExitCode::from(1)
            })?;
        }
    }
    if !sdists.is_empty() && !quiet {
        println!("Successfully built {}", sdists.join(" "));
    }
    let mut out = Vec::new();
    let mut hash_errors = Vec::new();
    for ((name, version, file, requested, direct, extras), path) in todo.into_iter().zip(fetched_paths) {
        // An index's wheel has the METADATA the resolver read (and may not be on disk).
        let from_index = plan::is_wheel(&file.filename) && file.url.contains("://") && !file.url.starts_with("file://");
        let metadata = if from_index { source.metadata(&file) } else { krait_index::wheel_metadata(&path) }.unwrap_or_default();
        let display = metadata
            .lines()
            .take_while(|l| !l.is_empty())
            .find_map(|l| l.strip_prefix("Name:"))
            .map(|n| n.trim().to_string())
            .unwrap_or_else(|| WheelFilename::parse(&file.filename).map(|w| w.name).unwrap_or(name.clone()));
        let direct_url = req.direct_urls.get(&name).cloned();
        if req.hash_mode && direct_url.is_none() {
            check_hashes(&req, &source, &name, &version, &file, &path, &mut hash_errors).map_err(fail)?;
        }
        out.push(Planned { name, display, version, file, path, metadata, requested, direct, extras, direct_url });
    }
    if !hash_errors.is_empty() {
        eprintln!("{}", plan::hash_errors_text(hash_errors));
        return Err(ExitCode::from(1));
    }
    Ok((req, out))
}

/// What a build-requirements install (krait-pip run again with --prefix)
/// is told: the same indexes, links, cache and network settings.
fn child_options(f: &Finder, req: &plan::Request, env: &Env, verbose: bool) -> build::ChildOptions {
    let mut args: Vec<String> = Vec::new();
    match req.index_urls.split_first() {
        None => args.push("--no-index".into()),
        Some((first, rest)) => {
            args.extend(["--index-url".to_string(), first.clone()]);
            for u in rest {
                args.extend(["--extra-index-url".to_string(), u.clone()]);
            }
        }
    }
    for l in &req.find_links {
        args.extend(["--find-links".to_string(), l.clone()]);
    }
    if req.pre {
        args.push("--pre".into());
    }
    if f.no_cache_dir {
        args.push("--no-cache-dir".into());
    } else {
        args.extend(["--cache-dir".to_string(), cache_dir(f.cache_dir.as_deref()).to_string_lossy().to_string()]);
    }
    if let Some(c) = &f.cert {
        args.extend(["--cert".to_string(), c.to_string_lossy().to_string()]);
    }
    if let Some(t) = f.timeout {
        args.extend(["--timeout".to_string(), t.to_string()]);
    }
    if let Some(p) = &f.proxy {
        args.extend(["--proxy".to_string(), p.clone()]);
    }
    if let Some(r) = f.retries {
        args.extend(["--retries".to_string(), r.to_string()]);
    }
    for (only, v) in &f.format_order {
        args.extend([if *only { "--only-binary" } else { "--no-binary" }.to_string(), v.clone()]);
    }
    if !verbose {
        args.push("-q".into());
    }
    build::ChildOptions { python: env.python.executable.clone(), args, verbose }
}

/// Builds a source named directly (folder, sdist file or URL) and turns it
/// into a root requirement pinned to the built wheel.
fn add_source(s: &plan::SourceReq, req: &mut plan::Request, client: &krait_index::Client, builder: &build::Builder, tags: &krait_tags::Tags, quiet: bool) -> Result<(), ExitCode> {
    let say_fail = |e: String| {
        eprintln!("{e}");
        ExitCode::from(1)
    };
    if !quiet {
        match (&s.origin, s.editable) {
            (Some(o), true) => println!("Obtaining {} (from {o})", s.text),
            (None, true) => println!("Obtaining {}", s.text),
            (Some(o), false) => println!("Processing {} (from {o})", s.text),
            (None, false) => println!("Processing {}", s.text),
        }
    }
    let shown = s.name.clone().unwrap_or_else(|| s.text.clone());
    let (wheel, direct_url) = match &s.location {
        plan::Location::Dir(d) => {
            let kind = if s.editable { krait_build::Kind::Editable } else { krait_build::Kind::Wheel };
            let w = builder.dir_wheel(d, kind, &shown).map_err(|e| say_fail(e.0))?;
            let dir_info = if s.editable { serde_json::json!({"editable": true}) } else { serde_json::json!({}) };
            (w, serde_json::json!({"dir_info": dir_info, "url": file_url(d)}))
        }
        plan::Location::Archive(p) => {
            let w = builder.sdist_wheel(p, &shown).map_err(|e| say_fail(format!("ERROR: {e}")))?;
            let h = plan::file_digest(p, "sha256").map_err(fail)?;
            (w, serde_json::json!({"archive_info": {"hash": format!("sha256={h}"), "hashes": {"sha256": h}}, "url": file_url(p)}))
        }
        plan::Location::Url(u) => {
            let (base, fragment) = u.split_once('#').unwrap_or((u.as_str(), ""));
            let filename = base.split('?').next().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
            let sha256 = fragment.strip_prefix("sha256=").map(str::to_string);
            let df = krait_index::DistFile { filename, url: base.to_string(), sha256, requires_python: None, yanked: false, has_metadata: false, size: None };
            let p = client.fetch(&df).map_err(fail)?;
            let w = builder.sdist_wheel(&p, &shown).map_err(|e| say_fail(format!("ERROR: {e}")))?;
            let h = plan::file_digest(&p, "sha256").map_err(fail)?;
            (w, serde_json::json!({"archive_info": {"hash": format!("sha256={h}"), "hashes": {"sha256": h}}, "url": base}))
        }
    };
    let fname = wheel.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
    let wf = WheelFilename::parse(&fname).map_err(fail)?;
    if tags.priority(&wf.tags()).is_none() {
        return Err(fail(format!("{fname} is not a supported wheel on this platform.")));
    }
    let name = normalize_name(&wf.name);
    if let Some(n) = &s.name {
        if normalize_name(n) != name {
            return Err(fail(format!("Requested {} has inconsistent name: expected '{}', but metadata has '{}'", s.text, n, wf.name)));
        }
    }
    let extras = if s.extras.is_empty() { String::new() } else { format!("[{}]", s.extras.join(",")) };
    let root: Requirement = format!("{}{extras}=={}", wf.name, wf.version).parse().map_err(|e| fail(format!("{e}")))?;
    req.direct.insert(
        name.clone(),
        krait_index::DistFile { filename: fname, url: wheel.to_string_lossy().to_string(), sha256: None, requires_python: None, yanked: false, has_metadata: false, size: None },
    );
    req.roots.push(plan::Root { req: root, origin: s.origin.clone(), hashes: Vec::new() });
    req.direct_urls.insert(name.clone(), direct_url.to_string());
    if s.editable {
        req.editables.insert(name);
    }
    Ok(())
}

/// pip's hash-checking mode for one downloaded file.
fn check_hashes(
    req: &plan::Request,
    source: &plan::IndexSource,
    name: &str,
    version: &Version,
    file: &krait_index::DistFile,
    path: &Path,
    errors: &mut Vec<plan::HashError>,
) -> Result<(), String> {
    let url = plan::display_url(file);
    if let Some(root) = req.roots.iter().find(|r| r.req.normalized_name() == name) {
        let from = root.origin.as_ref().map(|o| format!(" (from {o})")).unwrap_or_default();
        let direct = req.direct.contains_key(name);
        if !direct && !plan::is_pinned(&root.req) {
            errors.push(plan::HashError::Unpinned(format!("{} from {url}{from}", root.req)));
        } else if root.hashes.is_empty() {
            let shown = if direct { url.clone() } else { root.req.to_string() };
            errors.push(plan::HashError::Missing(format!("{shown} --hash=sha256:{}", plan::file_digest(path, "sha256")?)));
        } else {
            let mut got = Vec::new();
            let mut ok = false;
            for algo in reqfile::HASH_ALGORITHMS {
                if root.hashes.iter().any(|(a, _)| a == algo) {
                    let d = plan::file_digest(path, algo)?;
                    ok |= root.hashes.iter().any(|(a, h)| a == algo && *h == d);
                    got.push((algo.to_string(), d));
                }
            }
            if !ok {
                errors.push(plan::HashError::Mismatch(format!("{} from {url}{from}", root.req), root.hashes.clone(), got));
            }
        }
        return Ok(());
    }
    // A dependency nobody listed: named with the requirement that brought it in.
    let requires = source.requires.lock().unwrap();
    let parent = requires.iter().find_map(|((p, v), reqs)| reqs.iter().find(|r| r.normalized_name() == name).map(|r| (p.clone(), v.clone(), r.clone())));
    let (dep, from) = match parent {
        Some((p, v, r)) => {
            let via = match req.roots.iter().find(|x| x.req.normalized_name() == p) {
                Some(root) => match &root.origin {
                    Some(o) => format!("{}->{o}", root.req),
                    None => root.req.to_string(),
                },
                None => format!("{p}=={v}"),
            };
            (r, format!(" (from {via})"))
        }
        None => (format!("{name}=={version}").parse().map_err(|e| format!("{e}"))?, String::new()),
    };
    let mut dep = dep;
    dep.marker = None;
    if plan::is_pinned(&dep) {
        errors.push(plan::HashError::Missing(format!("{dep} --hash=sha256:{}", plan::file_digest(path, "sha256")?)));
    } else {
        errors.push(plan::HashError::Unpinned(format!("{dep} from {url}{from}")));
    }
    Ok(())
}

fn install(mut a: InstallArgs) -> ExitCode {
    set_facts_cache(a.f.cache_dir.as_deref(), a.f.no_cache_dir);
    let _temp_cache = match TempCache::for_finder(&mut a.f) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let env = match environment(&a.t, a.target.as_deref(), a.prefix.as_deref(), a.user, &[]) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let quiet = a.t.quiet > 0;
    let installed = find_installed(&env.search);

    // Installed versions are kept unless upgrading (the named packages, or
    // all of them with --upgrade-strategy eager) or reinstalling.
    let prefer = |roots: &[plan::Root]| {
        let mut prefer = std::collections::BTreeMap::new();
        for d in &installed {
            let requested = roots.iter().any(|r| r.req.normalized_name() == d.normalized_name());
            if (a.upgrade || a.force_reinstall) && (requested || a.upgrade_strategy == "eager") {
                continue;
            }
            if let Ok(v) = d.version.parse::<Version>() {
                prefer.insert(d.normalized_name(), v);
            }
        }
        prefer
    };
    // Installed distributions that the resolution keeps are not reinstalled
    // (unless --force-reinstall names them).
    let skip = |root: Option<&plan::Root>, name: &str, version: &Version, direct: bool| {
        let Some(h) = installed.iter().find(|d| d.normalized_name() == name) else { return false };
        if h.version.parse::<Version>().ok().as_ref() != Some(version) || (a.force_reinstall && root.is_some()) {
            return false;
        }
        if !quiet && direct {
            println!("{} is already installed with the same version as the provided wheel. Use --force-reinstall to force an installation of the wheel.", h.name);
        } else if !quiet {
            let shown = root.map(|r| r.req.to_string()).unwrap_or(h.name.clone());
            println!("Requirement already satisfied: {} in {} ({})", shown, h.location.display(), h.version);
        }
        true
    };
    // Unpacked sources and wheels built from folders live until the end.
    let scratch = match tempfile::Builder::new().prefix("krait-pip-src-").tempdir() {
        Ok(t) => t,
        Err(e) => return fail(format!("cannot create a temporary folder: {e}")),
    };
    // Each wheel is unpacked into the cache (and checked) as soon as it is fetched.
    let cache = cache_dir(a.f.cache_dir.as_deref());
    let data_cache = a.f.data_cache.clone().unwrap_or_else(|| cache.clone());
    // Named by the wheel's hash (a wheel built from an sdist has its own).
    let unpacked_dir = |f: &krait_index::DistFile, path: &Path| {
        f.sha256.clone().filter(|_| plan::is_wheel(&f.filename)).or_else(|| plan::file_digest(path, "sha256").ok()).map(|h| data_cache.join("unpacked").join(h))
    };
    // Each wheel checked and unpacked during the downloads, by the path the
    // download gives.
    let prepared: std::sync::Mutex<std::collections::HashMap<PathBuf, Result<krait_wheel::Unpacked, String>>> = Default::default();
    let from_index = |f: &krait_index::DistFile| plan::is_wheel(&f.filename) && f.sha256.is_some();
    // Held whole in memory only when the index says it is not large (several
    // download at once); bigger or unsized ones go through the wheel cache.
    let in_memory = |f: &krait_index::DistFile| from_index(f) && f.size.is_some_and(|n| n <= IN_MEMORY_MAX);
    let keep = |path: PathBuf, r: krait_wheel::Result<krait_wheel::Unpacked>| {
        prepared.lock().unwrap().insert(path, r.map_err(|e| e.to_string()));
    };
    // An index's wheel already unpacked in the cache is not downloaded; one
    // that is not is unpacked straight from memory.
    let already_unpacked = |f: &krait_index::DistFile, place: &Path| {
        let found = from_index(f).then(|| unpacked_dir(f, place)).flatten().and_then(|dir| krait_wheel::unpacked(&dir));
        found.map(|u| keep(place.to_path_buf(), krait_wheel::check_prepared(u, &env.scheme, &env.python.executable))).is_some()
    };
    let take = |f: &krait_index::DistFile, place: &Path, data: Option<Vec<u8>>| {
        let Some(dir) = unpacked_dir(f, place).filter(|_| plan::is_wheel(&f.filename)) else { return };
        let r = match data {
            Some(data) => krait_wheel::prepare_wheel_bytes(&f.filename, data, &env.scheme, &env.python.executable, &dir),
            None => krait_wheel::prepare_wheel(place, &env.scheme, &env.python.executable, &dir),
        };
        keep(place.to_path_buf(), r);
    };
    let after_fetch = progress::AfterFetch { skip: &already_unpacked, in_memory: &in_memory, take: &take };
    let after = (!a.dry_run).then_some(&after_fetch);
    let (req, chosen) = match plan_wheels(&a.f, &env, &prefer, &skip, quiet || a.report.as_deref() == Some("-"), a.t.verbose > 0, "install", scratch.path(), after) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Some(dest) = &a.report {
        let text = report::installation_report(&chosen, &req, &env);
        if dest == "-" {
            println!("{text}");
        } else if let Err(e) = std::fs::write(dest, text + "\n") {
            return fail(format!("cannot write the report to {dest}: {e}"));
        }
    }
    if chosen.is_empty() {
        return ExitCode::SUCCESS;
    }
    if a.dry_run {
        let names: Vec<String> = chosen.iter().map(|c| format!("{}-{}", c.display, c.version)).collect();
        if a.report.as_deref() != Some("-") || !quiet {
            println!("Would install {}", names.join(" "));
        }
        return ExitCode::SUCCESS;
    }
    if !quiet {
        let names: Vec<String> = chosen.iter().map(|c| c.display.clone()).collect();
        println!("Installing collected packages: {}", names.join(", "));
    }
    // Concurrent installs into one environment take turns.
    let lock_dir = a.target.as_ref().or(a.prefix.as_ref()).map(|t| absolute(t)).unwrap_or_else(|| env.python.prefix.clone());
    let _lock = match lock_environment(&cache, &lock_dir) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    // A run killed earlier may have left work: it is finished first.
    if let Err(e) = recovery::recover(&env.scheme, quiet) {
        return fail(e);
    }
    // What was installed may have changed while waiting for the lock.
    let installed = find_installed(&env.search);
    // Every wheel is checked before anything is removed, so a bad archive
    // leaves the environment as it was: unpacked into the cache (named by
    // its hash) and checked against its RECORD there, several at a time,
    // the largest first; installing then links the files.
    let unpacked: Vec<Option<PathBuf>> = chosen.iter().map(|c| unpacked_dir(&c.file, &c.path)).collect();
    let prepared = prepared.into_inner().unwrap();
    let sizes: Vec<u64> = chosen.iter().map(|c| c.file.size.or_else(|| std::fs::metadata(&c.path).ok().map(|m| m.len())).unwrap_or(0)).collect();
    let mut order: Vec<usize> = (0..chosen.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let checked = progress::parallel(&order, workers(), |&i| {
        let c = &chosen[i];
        if let Some(r) = prepared.get(&c.path) {
            return r.clone().map(Some);
        }
        match &unpacked[i] {
            Some(dir) => krait_wheel::prepare_wheel(&c.path, &env.scheme, &env.python.executable, dir).map(Some),
            None => krait_wheel::verify_wheel(&c.path, &env.scheme, &env.python.executable).map(|_| None),
        }
        .map_err(|e| e.to_string())
    });
    // Each wheel's checked files in the cache, by the index in `chosen`.
    let mut ready: Vec<Option<krait_wheel::Unpacked>> = vec![None; chosen.len()];
    for (&i, r) in order.iter().zip(checked) {
        match r {
            Ok(u) => ready[i] = u,
            Err(e) => return fail(format!("Could not install packages due to a bad archive: {e}")),
        }
    }
    krait_wheel::test_pause("verified");
    // The plan is written down before the first change, so that a run killed
    // half-way is completed by the next one.
    let mut steps = Vec::new();
    for (c, unpacked) in chosen.iter().zip(&unpacked) {
        let old = installed.iter().find(|d| d.normalized_name() == c.name);
        let direct_url = c.direct_url.clone().or_else(|| c.direct.then(|| {
            let hash = std::fs::read(&c.path).map(|d| format!("{:x}", Sha256::digest(d))).unwrap_or_default();
            serde_json::json!({"archive_info": {"hash": format!("sha256={hash}"), "hashes": {"sha256": hash}}, "url": file_url(&c.path)}).to_string()
        }));
        let remove = match old {
            Some(o) => match krait_wheel::installed_paths(o) {
                Ok(p) => p,
                Err(e) => return fail(e),
            },
            None => Vec::new(),
        };
        steps.push(recovery::Step {
            name: c.display.clone(),
            wheel: absolute(&c.path),
            requested: c.requested,
            direct_url,
            unpacked: unpacked.clone(),
            base: old.and_then(|o| o.dist_info.parent().map(Path::to_path_buf)),
            remove,
            done: false,
        });
    }
    let journal = recovery::Journal::new(&env.scheme, &env.python.executable, steps);
    if let Err(e) = journal.save() {
        return fail(e);
    }
    let bar = progress::counter(quiet, chosen.len(), "Installing");
    // Lines printed while the bar is shown go above it.
    let say = |text: String| match &bar {
        Some(b) => b.suspend(|| println!("{text}")),
        None => println!("{text}"),
    };
    // The versions replaced go first (one by one: they may share folders),
    // then the new ones are installed several at a time, the largest first.
    for c in &chosen {
        let Some(old) = installed.iter().find(|d| d.normalized_name() == c.name) else { continue };
        if !quiet {
            say(format!("  Attempting uninstall: {}", old.name));
            say(format!("    Found existing installation: {} {}", old.name, old.version));
            say(format!("    Uninstalling {}-{}:", old.name, old.version));
        }
        if let Err(e) = uninstall(old) {
            journal.remove();
            return fail(e);
        }
        if !quiet {
            say(format!("      Successfully uninstalled {}-{}", old.name, old.version));
        }
    }
    krait_wheel::test_pause("after-uninstall");
    let results = progress::parallel(&order, workers(), |&i| {
        let c = &chosen[i];
        if let Some(b) = &bar {
            b.set_message(format!("{}-{}", c.display, c.version));
        }
        let st = &journal.steps[i];
        let opts = InstallOptions { installer: "krait-pip".into(), requested: st.requested, direct_url: st.direct_url.clone(), unpacked: st.unpacked.clone() };
        let r = match &ready[i] {
            Some(u) => krait_wheel::install_prepared(u, &env.scheme, &env.python.executable, &opts),
            None => install_wheel(&c.path, &env.scheme, &env.python.executable, &opts),
        };
        if let Some(b) = &bar {
            b.inc(1);
        }
        r
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut by_index: Vec<Option<krait_wheel::Result<krait_wheel::Installed>>> = chosen.iter().map(|_| None).collect();
    for (&i, r) in order.iter().zip(results) {
        by_index[i] = Some(r);
    }
    let mut done = Vec::new();
    let mut written = Vec::new();
    for r in by_index.into_iter().flatten() {
        match r {
            Ok(inst) => {
                done.push(format!("{}-{}", inst.name, inst.version));
                written.push(inst);
            }
            // The journal stays: the next run tries again to finish.
            Err(e) => return fail(format!("Could not install packages due to an OSError or a bad archive: {e}")),
        }
    }
    // Byte-compiled by the target interpreter, the .pyc files added to RECORD.
    if !a.t.no_compile {
        if let Err(e) = build::compile_installed(&env.python.executable, &written, &[&env.scheme.purelib, &env.scheme.platlib]) {
            eprintln!("WARNING: byte-compiling failed: {e}");
        }
    }
    journal.remove();
    if !quiet {
        println!("Successfully installed {}", done.join(" "));
    }
    ExitCode::SUCCESS
}

fn download(mut a: DownloadArgs) -> ExitCode {
    set_facts_cache(a.f.cache_dir.as_deref(), a.f.no_cache_dir);
    let _temp_cache = match TempCache::for_finder(&mut a.f) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let env = match environment(&a.t, None, None, false, &[]) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let quiet = a.t.quiet > 0;
    let scratch = match tempfile::Builder::new().prefix("krait-pip-src-").tempdir() {
        Ok(t) => t,
        Err(e) => return fail(format!("cannot create a temporary folder: {e}")),
    };
    let (_, chosen) = match plan_wheels(&a.f, &env, &|_| Default::default(), &|_, _, _, _| false, quiet, a.t.verbose > 0, "download", scratch.path(), None) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let dest = absolute(&a.dest);
    if let Err(e) = std::fs::create_dir_all(&dest) {
        return fail(format!("cannot create {}: {e}", dest.display()));
    }
    let mut names = Vec::new();
    for c in &chosen {
        let to = dest.join(&c.file.filename);
        let same = std::fs::canonicalize(&to).ok() == std::fs::canonicalize(&c.path).ok();
        if to.exists() && same {
            if !quiet {
                println!("File was already downloaded {}", to.display());
            }
        } else {
            let tmp = dest.join(format!(".{}.part{}", c.file.filename, std::process::id()));
            if let Err(e) = std::fs::copy(&c.path, &tmp).and_then(|_| std::fs::rename(&tmp, &to)) {
                let _ = std::fs::remove_file(&tmp);
                return fail(format!("cannot save {}: {e}", to.display()));
            }
            if !quiet {
                println!("Saved {}", to.display());
            }
        }
        names.push(c.display.clone());
    }
    if !quiet && !names.is_empty() {
        println!("Successfully downloaded {}", names.join(" "));
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
        let mut parsed = reqfile::Parsed::default();
        let web = krait_index::Client::new(Vec::new(), Vec::new(), std::env::temp_dir());
        let fetch = |u: &str| web.get_text(u).map_err(|e| format!("Could not open requirements file: {e}"));
        if let Err(e) = reqfile::parse_location(&r.to_string_lossy(), false, &mut parsed, &fetch) {
            return fail(e);
        }
        packages.extend(parsed.lines.into_iter().filter(|l| !l.constraint).map(|l| l.text));
    }
    if packages.is_empty() {
        return fail("You must give at least one requirement to uninstall (see \"krait-pip help uninstall\")");
    }
    // Uninstalls take the environment's lock too, and first finish an
    // install that was killed half-way.
    let _lock = match lock_environment(&cache_dir(None), &env.python.prefix) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    if let Err(e) = recovery::recover(&env.scheme, false) {
        return fail(e);
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
            let editable = v.pointer("/dir_info/editable").and_then(|e| e.as_bool()).unwrap_or(false);
            if let (true, Some(url)) = (editable, v.get("url").and_then(|u| u.as_str())) {
                let path = plan::url_path(url);
                return format!("# Editable install with no version control ({}=={})\n-e {path}", d.name, d.version);
            }
            if let Some(url) = v.get("url").and_then(|u| u.as_str()) {
                return format!("{} @ {url}", d.name);
            }
        }
    }
    format!("{}=={}", d.name, d.version)
}

/// The newest version the indexes offer for each installed distribution,
/// with the kind of file it comes as.
fn latest_versions(a: &ListArgs, env: &Env, dists: &[InstalledDist]) -> Result<std::collections::BTreeMap<String, (Version, &'static str)>, String> {
    let index_urls = if a.no_index { Vec::new() } else { std::iter::once(a.index_url.clone()).chain(a.extra_index_url.iter().cloned()).collect() };
    let client = make_client(index_urls, a.find_links.clone(), a.cache_dir.as_deref(), Net {
            cert: a.cert.as_deref(),
            timeout: a.timeout,
            proxy: a.proxy.as_deref(),
            retries: a.retries,
            trusted_hosts: a.trusted_host.clone(),
            keyring_provider: &a.keyring_provider,
        },
    );
    let tags = env.python.tags();
    let req = plan::Request {
        roots: Vec::new(),
        constraints: Vec::new(),
        direct: Default::default(),
        index_urls: Vec::new(),
        find_links: Vec::new(),
        pre: a.pre,
        hash_mode: false,
        format: Default::default(),
        sources: Vec::new(),
        direct_urls: Default::default(),
        editables: Default::default(),
        trusted_hosts: Vec::new(),
    };
    let source = plan::IndexSource::new(&client, &tags, env.python.python_full_version(), &req).with_markers(&env.python.markers);
    let mut out = std::collections::BTreeMap::new();
    for d in dists {
        let name = d.normalized_name();
        let mut all: Vec<(Version, &'static str)> =
            source.candidates(&name)?.into_iter().map(|(v, f)| (v, if plan::is_wheel(&f.filename) { "wheel" } else { "sdist" })).collect();
        all.extend(source.sdists.lock().unwrap().get(&name).into_iter().flatten().map(|(v, _)| (v.clone(), "sdist")));
        all.retain(|(v, _)| a.pre || !v.is_prerelease());
        if let Some(best) = all.into_iter().max_by(|x, y| x.0.cmp(&y.0).then((x.1 == "wheel").cmp(&(y.1 == "wheel")))) {
            out.insert(name, best);
        }
    }
    Ok(out)
}

fn list(a: ListArgs) -> ExitCode {
    set_facts_cache(a.cache_dir.as_deref(), false);
    let env = match environment(&a.t, None, None, false, &a.path) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    if a.outdated && a.uptodate {
        return fail("Options --outdated and --uptodate cannot be combined.");
    }
    if a.outdated && a.format == "freeze" {
        return fail("List format 'freeze' cannot be used with the --outdated option.");
    }
    let mut dists = find_installed(&env.search);
    let mut latest = std::collections::BTreeMap::new();
    if a.outdated || a.uptodate {
        latest = match latest_versions(&a, &env, &dists) {
            Ok(l) => l,
            Err(e) => return fail(e),
        };
        dists.retain(|d| {
            let Some((v, _)) = latest.get(&d.normalized_name()) else { return false };
            let Ok(have) = d.version.parse::<Version>() else { return false };
            if a.outdated {
                *v > have
            } else {
                *v == have
            }
        });
    }
    let latest_of = |d: &InstalledDist| latest.get(&d.normalized_name()).cloned().expect("kept only with a latest version");
    match a.format.as_str() {
        "json" => {
            let items: Vec<String> = dists
                .iter()
                .map(|d| {
                    let mut s = format!("{{\"name\": {}, \"version\": {}", serde_json::Value::from(d.name.clone()), serde_json::Value::from(d.version.clone()));
                    if a.outdated {
                        let (v, kind) = latest_of(d);
                        s.push_str(&format!(", \"latest_version\": \"{v}\", \"latest_filetype\": \"{kind}\""));
                    }
                    s + "}"
                })
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
            let mut rows: Vec<Vec<String>> = vec![vec!["Package".into(), "Version".into()]];
            if a.outdated {
                rows[0].extend(["Latest".to_string(), "Type".to_string()]);
            }
            for d in &dists {
                let mut row = vec![d.name.clone(), d.version.clone()];
                if a.outdated {
                    let (v, kind) = latest_of(d);
                    row.extend([v.to_string(), kind.to_string()]);
                }
                rows.push(row);
            }
            let widths: Vec<usize> = (0..rows[0].len()).map(|i| rows.iter().map(|r| r[i].len()).max().unwrap_or(0)).collect();
            rows.insert(1, widths.iter().map(|w| "-".repeat(*w)).collect());
            for r in rows {
                let cells: Vec<String> = r.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
                println!("{}", cells.join(" ").trim_end());
            }
        }
    }
    ExitCode::SUCCESS
}

/// pip check: every installed distribution's requirements are installed
/// in versions that fit.
fn check(t: Target, path: Vec<PathBuf>) -> ExitCode {
    let env = match environment(&t, None, None, false, &path) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let mut dists = find_installed(&env.search);
    dists.sort_by_key(|d| d.normalized_name());
    let mut broken = false;
    for d in &dists {
        let mut missing = Vec::new();
        let mut conflicts = Vec::new();
        for text in d.fields("Requires-Dist") {
            let Ok(r) = text.parse::<Requirement>() else { continue };
            if r.marker.as_ref().is_some_and(|m| !m.evaluate(&env.python.markers, "")) {
                continue;
            }
            match find(&dists, &r.name) {
                None => missing.push(r.name.clone()),
                Some(dep) => {
                    let fits = dep.version.parse::<Version>().is_ok_and(|v| r.specifiers().contains(&v, true));
                    if !fits {
                        let mut shown = r.clone();
                        shown.marker = None;
                        conflicts.push(format!("{shown}, but you have {} {}", dep.name, dep.version));
                    }
                }
            }
        }
        missing.sort();
        conflicts.sort();
        for m in missing {
            println!("{} {} requires {m}, which is not installed.", d.name, d.version);
            broken = true;
        }
        for c in conflicts {
            println!("{} {} has requirement {c}.", d.name, d.version);
            broken = true;
        }
    }
    if broken {
        return ExitCode::from(1);
    }
    println!("No broken requirements found.");
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

/// Parses the command line with pip's configuration (pip.conf files and
/// `PIP_*` variables) placed before the user's own words.
fn parse_command_line() -> Result<Cli, ExitCode> {
    use clap::{CommandFactory, FromArgMatches};
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for n in &names {
        cmd = cmd.mut_subcommand(n, |c| c.args_override_self(true));
    }
    let mut args = argv.clone();
    if let Some(sub) = argv.get(1).map(|s| s.to_string_lossy().to_string()).filter(|s| names.contains(s)) {
        let isolated = argv.iter().any(|a| a == "--isolated");
        let files = config::config_files(config::site_prefix(&argv).as_deref(), isolated);
        let settings = config::ordered_settings(&sub, &files, isolated);
        let extra = match config::config_args(cmd.find_subcommand(&sub).expect("listed above"), &settings) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("ERROR: {e}");
                return Err(ExitCode::from(2));
            }
        };
        args.splice(2..2, extra);
    }
    let matches = cmd.try_get_matches_from(args).map_err(|e| {
        let _ = e.print();
        ExitCode::from(e.exit_code() as u8)
    })?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| {
        let _ = e.print();
        ExitCode::from(2)
    })?;
    // --no-binary and --only-binary interact in the order they were given.
    if let Some((_, m)) = matches.subcommand() {
        let finder = match &mut cli.command {
            Command::Install(a) => Some(&mut a.f),
            Command::Download(a) => Some(&mut a.f),
            _ => None,
        };
        if let Some(f) = finder {
            let mut order = Vec::new();
            for (id, only) in [("no_binary", false), ("only_binary", true)] {
                if let (Some(idx), Some(vals)) = (m.indices_of(id), m.get_many::<String>(id)) {
                    order.extend(idx.zip(vals).map(|(i, v)| (i, only, v.clone())));
                }
            }
            order.sort();
            f.format_order = order.into_iter().map(|(_, o, v)| (o, v)).collect();
        }
    }
    Ok(cli)
}

fn main() -> ExitCode {
    let cli = match parse_command_line() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let t = match &cli.command {
        Command::Install(a) => Some(&a.t),
        Command::Download(a) => Some(&a.t),
        _ => None,
    };
    if t.is_some_and(|t| t.progress_bar != "on") {
        progress::BARS_OFF.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    match cli.command {
        Command::Install(a) => install(a),
        Command::Download(a) => download(a),
        Command::Uninstall { t, yes, requirements, packages } => run_uninstall(t, yes, requirements, packages),
        Command::List(a) => list(a),
        Command::Freeze { t, all, path } => freeze(t, all, path),
        Command::Show { t, files, path, packages } => show(t, files, path, packages),
        Command::Check { t, path } => check(t, path),
        Command::Cache { t, cache_dir, format, action, pattern } => cache::run(&t, cache_dir.as_deref(), &format, &action, pattern.as_deref()),
    }
}
