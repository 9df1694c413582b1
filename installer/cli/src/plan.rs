//! From requirements to the wheel files to install or download: requirements
//! and constraints files, format control (`--only-binary`/`--no-binary`),
//! resolution, downloads and pip's hash-checking mode.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::{Condvar, Mutex};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256, Sha384, Sha512};

use krait_index::DistFile;
use krait_pep440::{Operator, Version};
use krait_pep508::{normalize_name, MarkerEnvironment, Requirement, VersionOrUrl};
use krait_tags::{Tags, WheelFilename};

use crate::reqfile::{self, Parsed, ReqLine};

/// pip's format control: which names may use wheels ("binary") and which sdists ("source").
#[derive(Debug, Default, Clone)]
pub struct FormatControl {
    pub no_binary: BTreeSet<String>,
    pub only_binary: BTreeSet<String>,
}

impl FormatControl {
    /// Applies one `--no-binary` (`only` false) or `--only-binary` value.
    pub fn apply(&mut self, only: bool, value: &str) -> Result<(), String> {
        if value.starts_with('-') {
            return Err("--no-binary / --only-binary option requires 1 argument.".into());
        }
        let (target, other) = if only { (&mut self.only_binary, &mut self.no_binary) } else { (&mut self.no_binary, &mut self.only_binary) };
        let mut names: Vec<&str> = value.split(',').collect();
        while let Some(i) = names.iter().position(|n| *n == ":all:") {
            other.clear();
            target.clear();
            target.insert(":all:".into());
            names.drain(..=i);
            if !names.contains(&":none:") {
                return Ok(());
            }
        }
        for n in names {
            if n == ":none:" {
                target.clear();
                continue;
            }
            let n = normalize_name(n);
            other.remove(&n);
            target.insert(n);
        }
        Ok(())
    }

    /// (wheels allowed, sdists allowed) for a normalised name.
    pub fn allowed(&self, name: &str) -> (bool, bool) {
        if self.only_binary.contains(name) {
            (true, false)
        } else if self.no_binary.contains(name) {
            (false, true)
        } else if self.only_binary.contains(":all:") {
            (true, false)
        } else if self.no_binary.contains(":all:") {
            (false, true)
        } else {
            (true, true)
        }
    }
}

/// A requirement the user asked for.
#[derive(Debug, Clone)]
pub struct Root {
    pub req: Requirement,
    /// Where it was written: `-r FILE (line N)`, or None on the command line.
    pub origin: Option<String>,
    pub hashes: Vec<(String, String)>,
}

/// Everything the user asked for, once requirements files are read.
pub struct Request {
    pub roots: Vec<Root>,
    pub constraints: Vec<Requirement>,
    /// Local wheel files named directly, by normalised name.
    pub direct: BTreeMap<String, DistFile>,
    pub index_urls: Vec<String>,
    pub find_links: Vec<String>,
    pub pre: bool,
    pub hash_mode: bool,
    pub format: FormatControl,
    /// Source trees, sdist files and sdist URLs named directly (built before resolving).
    pub sources: Vec<SourceReq>,
    /// PEP 610 direct_url.json of the distributions built from `sources`, by name.
    pub direct_urls: BTreeMap<String, String>,
    /// Names installed from `sources` in editable mode.
    pub editables: BTreeSet<String>,
    /// `--trusted-host` values of the requirements files.
    pub trusted_hosts: Vec<String>,
}

/// Where a source requirement's project is.
#[derive(Debug, Clone)]
pub enum Location {
    Dir(PathBuf),
    Archive(PathBuf),
    Url(String),
}

/// A requirement named by path or URL rather than by name (or `name @ URL`).
#[derive(Debug, Clone)]
pub struct SourceReq {
    /// As the user wrote it (extras removed).
    pub text: String,
    pub location: Location,
    pub editable: bool,
    pub extras: Vec<String>,
    /// The name given with `name @ URL`.
    pub name: Option<String>,
    pub origin: Option<String>,
}

/// `path[extra1,extra2]` split into the path and the extras.
fn split_extras(s: &str) -> (&str, Vec<String>) {
    if let Some(open) = s.rfind('[') {
        if s.ends_with(']') && !s[open..].contains('/') {
            let extras = s[open + 1..s.len() - 1].split(',').map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
            return (&s[..open], extras);
        }
    }
    (s, Vec::new())
}

pub fn url_path(url: &str) -> String {
    let rest = url.strip_prefix("file://").unwrap_or(url);
    // file://localhost/path and file:///path
    krait_index::percent_decode(rest.strip_prefix("localhost").unwrap_or(rest))
}

fn looks_like_path(s: &str) -> bool {
    s.contains('/') || s.starts_with('.')
}

/// A local folder or archive: checked as pip checks it.
fn local_location(shown: &str, path: &Path) -> Result<Location, String> {
    if path.is_dir() {
        if !path.join("pyproject.toml").is_file() && !path.join("setup.py").is_file() {
            return Err(format!("Directory '{shown}' is not installable. Neither 'setup.py' nor 'pyproject.toml' found."));
        }
        return Ok(Location::Dir(absolute(path)));
    }
    if path.is_file() {
        if krait_build::is_archive(&path.to_string_lossy()) {
            return Ok(Location::Archive(absolute(path)));
        }
        return Err(format!("Invalid requirement: '{shown}'\nHint: It looks like a path. The path does exist. The argument you provided ({shown}) appears to be a requirements file. If that is the case, use the '-r' flag to install the packages specified within it."));
    }
    Err(format!("Invalid requirement: '{shown}'\nHint: It looks like a path. File '{shown}' does not exist."))
}

/// The requirement as a source requirement, when it names a folder, an
/// sdist file or an sdist URL (or is editable). Wheels are left to the caller.
fn source_of(text: &str, editable: bool, origin: &Option<String>) -> Result<Option<SourceReq>, String> {
    let (loc_text, extras) = split_extras(text.trim());
    let mut name = None;
    let target = loc_text.to_string();
    let named_url = text.split_once('@').is_some_and(|(n, _)| !n.contains('/') && !n.contains(':'));
    if !editable && (named_url || (!looks_like_path(loc_text) && !loc_text.contains("://"))) {
        // name @ URL
        match text.parse::<Requirement>() {
            Ok(r) => match &r.version_or_url {
                VersionOrUrl::Url(u) => {
                    if u.ends_with(".whl") {
                        return Ok(None);
                    }
                    name = Some(r.name.clone());
                    let src = source_of(u, false, origin)?;
                    return Ok(src.map(|mut s| {
                        s.name = name;
                        s.extras = r.extras.clone();
                        s.text = text.to_string();
                        s
                    }));
                }
                VersionOrUrl::Specifiers(_) => {
                    // A bare name that is also an archive in the current folder.
                    if !(krait_build::is_archive(loc_text) && Path::new(loc_text).is_file()) {
                        return Ok(None);
                    }
                }
            },
            Err(_) => {
                if !(krait_build::is_archive(loc_text) && Path::new(loc_text).exists()) {
                    return Ok(None);
                }
            }
        }
    }
    let location = if target.starts_with("file:") {
        local_location(&target, Path::new(&url_path(&target)))?
    } else if target.starts_with("http://") || target.starts_with("https://") {
        let file = target.split(['#', '?']).next().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
        if target.ends_with(".whl") {
            return Ok(None);
        }
        if !krait_build::is_archive(&file) {
            return Err(format!("Invalid requirement: '{text}': {file} is not an sdist archive (.tar.gz, .zip) or a wheel"));
        }
        Location::Url(target.clone())
    } else if target.contains("://") || target.contains("+") && target.split(':').next().is_some_and(|s| s.contains('+')) {
        return Err(format!("Cannot install {text}: krait-pip does not install from version control or from {} URLs yet", target.split(':').next().unwrap_or("")));
    } else {
        local_location(&target, Path::new(&target))?
    };
    if editable && !matches!(location, Location::Dir(_)) {
        return Err(format!(
            "{text} is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with bzr+http, bzr+https, bzr+ssh, bzr+sftp, bzr+ftp, bzr+lp, bzr+file, git+http, git+https, git+ssh, git+git, git+file, hg+file, hg+http, hg+https, hg+ssh, hg+static-http, svn+ssh, svn+http, svn+https, svn+svn, svn+file)."
        ));
    }
    Ok(Some(SourceReq { text: loc_text.to_string(), location, editable, extras, name, origin: origin.clone() }))
}

pub struct Sources<'a> {
    pub index_url: &'a str,
    pub extra_index_urls: &'a [String],
    pub find_links: &'a [String],
    pub no_index: bool,
    pub pre: bool,
    pub require_hashes: bool,
    /// (only-binary?, value) in command-line order.
    pub format: &'a [(bool, String)],
    /// `--trusted-host` values (also for requirements files given by URL).
    pub trusted_hosts: &'a [String],
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    }
}

/// Reads the command line's requirements and the requirements and
/// constraints files into one request. Messages for ignored requirements
/// (markers that do not match) are printed unless `quiet`.
pub fn gather(
    packages: &[String],
    editables: &[String],
    req_files: &[PathBuf],
    constraint_files: &[PathBuf],
    src: &Sources,
    markers: &MarkerEnvironment,
    tags: &Tags,
    quiet: bool,
) -> Result<Request, String> {
    let mut parsed = Parsed::default();
    // Requirements files named by URL are fetched (with the index's credentials rules).
    let web = krait_index::Client::with_options(
        Vec::new(),
        Vec::new(),
        std::env::temp_dir(),
        krait_index::ClientOptions { trusted_hosts: src.trusted_hosts.to_vec(), ..Default::default() },
    );
    let fetch = |u: &str| web.get_text(u).map_err(|e| format!("Could not open requirements file: {e}"));
    for c in constraint_files {
        reqfile::parse_location(&c.to_string_lossy(), true, &mut parsed, &fetch)?;
    }
    for r in req_files {
        reqfile::parse_location(&r.to_string_lossy(), false, &mut parsed, &fetch)?;
    }
    let mut lines: Vec<ReqLine> = editables
        .iter()
        .map(|p| ReqLine { text: p.clone(), hashes: Vec::new(), origin: String::new(), constraint: false, editable: true })
        .chain(packages.iter().map(|p| ReqLine { text: p.clone(), hashes: Vec::new(), origin: String::new(), constraint: false, editable: false }))
        .collect();
    lines.extend(parsed.lines);
    let o = parsed.options;

    let mut index_urls: Vec<String> = match &o.index_url {
        Some(u) => vec![u.clone()],
        None => vec![src.index_url.to_string()],
    };
    index_urls.extend(src.extra_index_urls.iter().cloned());
    index_urls.extend(o.extra_index_urls.iter().cloned());
    if src.no_index || o.no_index {
        index_urls.clear();
    }
    let mut find_links = src.find_links.to_vec();
    find_links.extend(o.find_links.iter().cloned());
    let mut format = FormatControl::default();
    for (only, v) in src.format {
        format.apply(*only, v)?;
    }
    for v in &o.no_binary {
        format.apply(false, v)?;
    }
    for v in &o.only_binary {
        format.apply(true, v)?;
    }

    let mut roots = Vec::new();
    let mut constraints = Vec::new();
    let mut direct = BTreeMap::new();
    let mut sources = Vec::new();
    for l in &lines {
        let origin = (!l.origin.is_empty()).then(|| l.origin.clone());
        let r = l.text.as_str();
        if l.editable || !(r.ends_with(".whl") && !r.contains(" @ ") && !r.contains(';')) {
            if let Some(src) = source_of(r, l.editable, &origin)? {
                if l.constraint {
                    return Err(format!("Unnamed requirements are not allowed as constraints: {r}"));
                }
                sources.push(src);
                continue;
            }
        }
        if r.ends_with(".whl") && !r.contains(" @ ") && !r.contains(';') {
            if l.constraint {
                return Err(format!("Unnamed requirements are not allowed as constraints: {r}"));
            }
            let p = absolute(Path::new(r));
            let fname = p.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            let wf = WheelFilename::parse(&fname)?;
            if !p.exists() {
                return Err(format!("Could not install requirement {r} because the file does not exist: {}", p.display()));
            }
            if tags.priority(&wf.tags()).is_none() {
                return Err(format!("{fname} is not a supported wheel on this platform."));
            }
            if !quiet {
                match &origin {
                    Some(o) => println!("Processing {r} (from {o})"),
                    None => println!("Processing {r}"),
                }
            }
            let name = normalize_name(&wf.name);
            direct.insert(
                name,
                DistFile {
                    filename: fname,
                    url: p.to_string_lossy().to_string(),
                    sha256: None,
                    requires_python: None,
                    yanked: false,
                    has_metadata: false,
                    size: std::fs::metadata(&p).ok().map(|m| m.len()),
                },
            );
            let req: Requirement = format!("{}=={}", wf.name, wf.version).parse().map_err(|e| format!("{e}"))?;
            roots.push(Root { req, origin, hashes: l.hashes.clone() });
            continue;
        }
        let req: Requirement = match r.parse() {
            Ok(q) => q,
            Err(e) => {
                let from = origin.as_ref().map(|o| format!(" (from {o})")).unwrap_or_default();
                return Err(format!("Invalid requirement: '{r}'{from}\n{e}"));
            }
        };
        if !req.applies(markers, &[]) {
            if !quiet && !l.constraint {
                println!("Ignoring {}: markers '{}' don't match your environment", req.name, req.marker.as_ref().unwrap());
            }
            continue;
        }
        if l.constraint {
            if !req.extras.is_empty() {
                return Err(format!("Constraints cannot have extras: {r}"));
            }
            constraints.push(req);
        } else {
            roots.push(Root { req, origin, hashes: l.hashes.clone() });
        }
    }
    let hash_mode = src.require_hashes || o.require_hashes || roots.iter().any(|r| !r.hashes.is_empty());
    Ok(Request {
        roots,
        constraints,
        direct,
        index_urls,
        find_links,
        pre: src.pre || o.pre,
        hash_mode,
        format,
        sources,
        direct_urls: BTreeMap::new(),
        editables: BTreeSet::new(),
        trusted_hosts: o.trusted_hosts.clone(),
    })
}

/// An sdist's version, from its file name.
fn sdist_version(filename: &str, norm: &str) -> Option<Version> {
    let stem = filename.strip_suffix(".tar.gz").or_else(|| filename.strip_suffix(".zip")).or_else(|| filename.strip_suffix(".tar.bz2"))?;
    let (name, version) = stem.rsplit_once('-')?;
    (normalize_name(name) == norm).then(|| version.parse().ok()).flatten()
}

/// A value fetched once, by whichever thread asks first; others wait for it.
enum Slot<T> {
    Fetching,
    Done(T),
}

/// What the resolver and the prefetching threads share.
#[derive(Default)]
struct Shared {
    /// Index pages (the files offered) by normalised name.
    pages: HashMap<String, Slot<Result<Vec<DistFile>, String>>>,
    /// METADATA by file URL.
    metadata: HashMap<String, Slot<Result<String, String>>>,
    /// Names waiting to be prefetched, and every name ever queued.
    queue: VecDeque<String>,
    queued: HashSet<String>,
    /// The extras asked for of each name, so that their requirements are prefetched too.
    extras: HashMap<String, BTreeSet<String>>,
    stop: bool,
}

/// Versions and requirements from the indexes, find-links and local wheels,
/// filtered for the target interpreter.
///
/// While the resolver works (one question at a time), `prefetch` threads
/// walk the dependency graph ahead of it: each fetches a queued project's
/// page, then the METADATA of its newest fitting version (PEP 658 file, else
/// the wheel), and queues the requirements found there. The resolver's
/// questions are then mostly answered from memory; a page or METADATA is
/// fetched once, by whichever thread asks first.
pub struct IndexSource<'a> {
    pub client: &'a krait_index::Client,
    pub tags: &'a Tags,
    pub python_version: Version,
    pub direct: BTreeMap<String, DistFile>,
    pub format: FormatControl,
    /// `--hash` values by name: files whose known hash matches are preferred.
    pub hashes: BTreeMap<String, Vec<(String, String)>>,
    markers: Option<&'a MarkerEnvironment>,
    pre: bool,
    files: Mutex<BTreeMap<String, Vec<(Version, DistFile)>>>,
    /// Versions offered only as source distributions (which cannot be built yet).
    pub sdists: Mutex<BTreeMap<String, Vec<(Version, String)>>>,
    /// Metadata requirements read so far, by (name, version).
    pub requires: Mutex<BTreeMap<(String, Version), Vec<Requirement>>>,
    shared: Mutex<Shared>,
    changed: Condvar,
    /// Builds sdists (their metadata during resolution); without it sdists are no candidates.
    pub builder: Option<&'a crate::build::Builder>,
}

impl<'a> IndexSource<'a> {
    pub fn new(client: &'a krait_index::Client, tags: &'a Tags, python_version: Version, req: &Request) -> IndexSource<'a> {
        let hashes = req.roots.iter().filter(|r| !r.hashes.is_empty()).map(|r| (r.req.normalized_name(), r.hashes.clone())).collect();
        IndexSource {
            client,
            tags,
            python_version,
            direct: req.direct.clone(),
            format: req.format.clone(),
            hashes,
            markers: None,
            pre: req.pre,
            files: Default::default(),
            sdists: Default::default(),
            requires: Default::default(),
            builder: None,
            shared: Default::default(),
            changed: Condvar::new(),
        }
    }

    /// Lets `prefetch` follow requirements, evaluating their markers for `markers`.
    pub fn with_markers(mut self, markers: &'a MarkerEnvironment) -> Self {
        self.markers = Some(markers);
        self
    }

    /// Fetches the value of `key` in the map `which` chooses, once: the
    /// first thread to ask runs `fetch`, the others wait for its answer.
    fn once<T: Clone>(
        &self,
        which: impl Fn(&mut Shared) -> &mut HashMap<String, Slot<Result<T, String>>>,
        key: &str,
        fetch: impl FnOnce() -> Result<T, String>,
    ) -> Result<T, String> {
        let mut sh = self.shared.lock().unwrap();
        loop {
            match which(&mut sh).get(key) {
                Some(Slot::Done(r)) => return r.clone(),
                Some(Slot::Fetching) => sh = self.changed.wait(sh).unwrap(),
                None => break,
            }
        }
        which(&mut sh).insert(key.to_string(), Slot::Fetching);
        drop(sh);
        let r = fetch();
        let mut sh = self.shared.lock().unwrap();
        which(&mut sh).insert(key.to_string(), Slot::Done(r.clone()));
        self.changed.notify_all();
        r
    }

    fn page(&self, name: &str) -> Result<Vec<DistFile>, String> {
        self.once(|s| &mut s.pages, name, || self.client.files(name))
    }

    /// A file's METADATA (PEP 658 file, the cache, else the wheel).
    pub fn metadata(&self, f: &DistFile) -> Result<String, String> {
        self.once(|s| &mut s.metadata, &f.url, || self.client.metadata(f))
    }

    /// Queues `name` for the prefetching threads, with the extras asked of it.
    fn enqueue(&self, name: String, extras: &[String]) {
        let mut sh = self.shared.lock().unwrap();
        if !extras.is_empty() {
            sh.extras.entry(name.clone()).or_default().extend(extras.iter().map(|e| normalize_name(e)));
        }
        if sh.stop || !sh.queued.insert(name.clone()) {
            return;
        }
        sh.queue.push_back(name);
        self.changed.notify_all();
    }

    /// Queues the requirements of `name` that apply (with its extras asked so far).
    fn enqueue_requirements(&self, name: &str, reqs: &[Requirement]) {
        let Some(env) = self.markers else { return };
        let extras: Vec<String> = self.shared.lock().unwrap().extras.get(name).map(|e| e.iter().cloned().collect()).unwrap_or_default();
        for r in reqs {
            let applies = match &r.marker {
                None => true,
                Some(m) => m.evaluate(env, "") || extras.iter().any(|e| m.evaluate(env, e)),
            };
            if applies {
                self.enqueue(r.normalized_name(), &r.extras);
            }
        }
    }

    /// Starts following the dependency graph from `roots` (see the type's documentation).
    pub fn seed(&self, roots: &[Requirement]) {
        for r in roots {
            self.enqueue(r.normalized_name(), &r.extras);
        }
    }

    /// A prefetching thread's work, until `stop` is called.
    pub fn prefetch(&self) {
        loop {
            let name = {
                let mut sh = self.shared.lock().unwrap();
                loop {
                    if sh.stop {
                        return;
                    }
                    if let Some(n) = sh.queue.pop_front() {
                        break n;
                    }
                    sh = self.changed.wait(sh).unwrap();
                }
            };
            let Ok(cands) = self.candidates(&name) else { continue };
            // The version the resolver most likely takes: the newest final
            // release (or pre-release when asked for or when there is nothing else).
            let best = cands.iter().rev().find(|(v, _)| self.pre || !v.is_prerelease()).or(cands.last());
            let Some((v, f)) = best else { continue };
            // Source distributions are built only when the resolver asks.
            if !is_wheel(&f.filename) {
                continue;
            }
            if let Ok(reqs) = self.requires_of(&name, v) {
                self.enqueue_requirements(&name, &reqs);
            }
        }
    }

    /// Ends the prefetching threads (each after its current fetch).
    pub fn stop(&self) {
        self.shared.lock().unwrap().stop = true;
        self.changed.notify_all();
    }

    /// The best file of each usable version.
    pub fn candidates(&self, name: &str) -> Result<Vec<(Version, DistFile)>, String> {
        if let Some(c) = self.files.lock().unwrap().get(name) {
            return Ok(c.clone());
        }
        let mut all = match self.direct.get(name) {
            Some(f) => vec![f.clone()],
            None => self.page(name)?,
        };
        let (binary_ok, source_ok) = self.format.allowed(name);
        if let Some(allowed) = self.hashes.get(name) {
            let matches = |f: &DistFile| f.sha256.as_ref().map(|h| allowed.iter().any(|(a, d)| a == "sha256" && d == h));
            if all.iter().any(|f| matches(f) == Some(true)) {
                all.retain(|f| matches(f) != Some(false));
            }
        }
        let mut best: BTreeMap<Version, (usize, DistFile)> = Default::default();
        let mut sdists = Vec::new();
        let mut sdist_files: Vec<(Version, DistFile)> = Vec::new();
        for f in all {
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
            let Ok(wf) = WheelFilename::parse(&f.filename) else {
                if let Some(v) = sdist_version(&f.filename, name) {
                    if source_ok {
                        sdists.push((v.clone(), f.filename.clone()));
                        if !sdist_files.iter().any(|(w, _)| *w == v) {
                            sdist_files.push((v, f.clone()));
                        }
                    }
                }
                continue;
            };
            if !binary_ok {
                continue;
            }
            let Some(prio) = self.tags.priority(&wf.tags()) else { continue };
            match best.get(&wf.version) {
                Some((p, _)) if *p <= prio => {}
                _ => {
                    best.insert(wf.version.clone(), (prio, f));
                }
            }
        }
        let mut out: Vec<(Version, DistFile)> = best.into_iter().map(|(v, (_, f))| (v, f)).collect();
        sdists.retain(|(v, _)| !out.iter().any(|(w, _)| w == v));
        sdists.sort();
        // Versions without a fitting wheel come as their sdist (built when chosen).
        if self.builder.is_some() {
            for (v, f) in &sdist_files {
                if sdists.iter().any(|(w, n)| w == v && n == &f.filename) && !out.iter().any(|(w, _)| w == v) {
                    out.push((v.clone(), f.clone()));
                }
            }
            out.sort_by(|a, b| a.0.cmp(&b.0));
        }
        self.sdists.lock().unwrap().insert(name.to_string(), sdists);
        self.files.lock().unwrap().insert(name.to_string(), out.clone());
        Ok(out)
    }

    pub fn file(&self, name: &str, v: &Version) -> Option<DistFile> {
        self.candidates(name).ok()?.into_iter().find(|(x, _)| x == v).map(|(_, f)| f)
    }

    fn requires_of(&self, name: &str, version: &Version) -> Result<Vec<Requirement>, String> {
        let key = (name.to_string(), version.clone());
        if let Some(r) = self.requires.lock().unwrap().get(&key) {
            return Ok(r.clone());
        }
        let f = self.file(name, version).ok_or_else(|| format!("no file for {name} {version}"))?;
        let meta = if is_wheel(&f.filename) {
            self.metadata(&f)?
        } else {
            let builder = self.builder.ok_or_else(|| format!("{} is a source distribution", f.filename))?;
            let path = self.client.fetch(&f)?;
            builder.sdist_metadata(&path, &f.filename)?
        };
        let reqs = krait_index::requires_dist(&meta)
            .iter()
            .map(|r| r.parse::<Requirement>().map_err(|e| format!("{name} {version} has a bad requirement '{r}': {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        self.requires.lock().unwrap().insert(key, reqs.clone());
        Ok(reqs)
    }
}

impl krait_resolver::Source for IndexSource<'_> {
    fn versions(&self, name: &str) -> Result<Vec<Version>, String> {
        Ok(self.candidates(name)?.into_iter().map(|(v, _)| v).collect())
    }
    fn requires(&self, name: &str, version: &Version) -> Result<Vec<Requirement>, String> {
        let reqs = self.requires_of(name, version)?;
        // What the resolver takes is followed too (the prefetchers may have guessed another version).
        self.enqueue_requirements(name, &reqs);
        Ok(reqs)
    }
}

pub fn is_wheel(filename: &str) -> bool {
    filename.ends_with(".whl")
}

/// pip's message when nothing fits a requirement, with krait-pip's own
/// explanation when only source distributions would have fitted.
pub fn no_candidates(source: &IndexSource, roots: &[Root], constraints: &[Requirement]) -> Option<String> {
    for r in roots {
        let name = r.req.normalized_name();
        let all: Vec<Version> = match source.candidates(&name) {
            Ok(c) => c.into_iter().map(|(v, _)| v).collect(),
            Err(err) => return Some(format!("ERROR: {err}")),
        };
        let fits = |v: &Version| r.req.specifiers().contains_any(v) && constraints.iter().filter(|c| c.normalized_name() == name).all(|c| c.specifiers().contains_any(v));
        if !all.iter().any(fits) {
            let sdists = source.sdists.lock().unwrap().get(&name).cloned().unwrap_or_default();
            if let Some((v, file)) = sdists.iter().rev().find(|(v, _)| fits(v)) {
                return Some(format!(
                    "ERROR: {} {v} is only available as a source distribution ({file}), and krait-pip cannot build source distributions yet.\n\
                     hint: ask for a version that has a wheel for this platform, or build the wheel elsewhere and install it with --find-links.",
                    r.req.name
                ));
            }
            let list: Vec<String> = all.iter().map(|v| v.to_string()).collect();
            let req = r.req.to_string();
            return Some(format!(
                "ERROR: Could not find a version that satisfies the requirement {req} (from versions: {})\nERROR: No matching distribution found for {req}",
                if list.is_empty() { "none".to_string() } else { list.join(", ") }
            ));
        }
    }
    None
}

/// Hints for the packages the resolver looked at that have no usable wheel
/// but do have source distributions, which krait-pip cannot build yet.
pub fn sdist_only_hints(source: &IndexSource) -> Vec<String> {
    if source.builder.is_some() {
        return Vec::new();
    }
    let sdists = source.sdists.lock().unwrap().clone();
    let mut out = Vec::new();
    for (name, files) in sdists {
        // Only versions without a usable wheel are kept in `sdists`.
        let Some((v, file)) = files.last() else { continue };
        let versions: Vec<String> = files.iter().map(|(v, _)| v.to_string()).collect();
        let _ = v;
        out.push(format!(
            "hint: {name} {} (newest: {file}), which krait-pip cannot build yet; {} left out.",
            if versions.len() == 1 {
                format!("{} is only available as a source distribution", versions[0])
            } else {
                format!("{} are only available as source distributions", versions.join(", "))
            },
            if versions.len() == 1 { "it was" } else { "they were" }
        ));
    }
    out
}

/// pip's test for a pinned requirement: one `==` (not a wildcard) or `===` clause.
pub fn is_pinned(r: &Requirement) -> bool {
    match &r.version_or_url {
        VersionOrUrl::Specifiers(s) => s.0.len() == 1 && matches!(s.0[0].operator, Operator::Equal | Operator::Arbitrary),
        VersionOrUrl::Url(_) => false,
    }
}

/// The hex digest of a file by one of pip's hash algorithms.
pub fn file_digest(path: &Path, algo: &str) -> Result<String, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(match algo {
        "sha384" => format!("{:x}", Sha384::digest(&data)),
        "sha512" => format!("{:x}", Sha512::digest(&data)),
        _ => format!("{:x}", Sha256::digest(&data)),
    })
}

/// One hash-checking failure, ordered as pip reports them.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HashError {
    /// (line for the requirements file)
    Missing(String),
    /// (requirement, from what)
    Unpinned(String),
    /// (requirement and source, expected, got)
    Mismatch(String, Vec<(String, String)>, Vec<(String, String)>),
}

/// pip's text for a set of hash errors (each kind under its heading).
pub fn hash_errors_text(mut errors: Vec<HashError>) -> String {
    errors.sort();
    let mut out = String::new();
    let mut last = None;
    for e in &errors {
        let kind = std::mem::discriminant(e);
        if last != Some(kind) {
            last = Some(kind);
            out.push_str(match e {
                HashError::Missing(_) => "ERROR: Hashes are required in --require-hashes mode, but they are missing from some requirements. Here is a list of those requirements along with the hashes their downloaded archives actually had. Add lines like these to your requirements files to prevent tampering. (If you did not enable --require-hashes manually, note that it turns on automatically when any package has a hash.)\n",
                HashError::Unpinned(_) => "ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:\n",
                HashError::Mismatch(..) => "ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.\n",
            });
        }
        match e {
            HashError::Missing(l) | HashError::Unpinned(l) => out.push_str(&format!("    {l}\n")),
            HashError::Mismatch(what, expected, got) => {
                out.push_str(&format!("    {what}:\n"));
                for (algo, _) in got {
                    let mut first = true;
                    for (a, d) in expected.iter().filter(|(a, _)| a == algo) {
                        out.push_str(&format!("        {} {a} {d}\n", if first { "Expected" } else { "     or " }));
                        first = false;
                    }
                    let g = &got.iter().find(|(a, _)| a == algo).unwrap().1;
                    out.push_str(&format!("             Got        {g}\n\n"));
                }
            }
        }
    }
    // pip's message ends in a blank line only after a hash comparison.
    out.strip_suffix('\n').unwrap_or(&out).to_string()
}

/// pip's `display` of a download location: file:// URLs for local files.
pub fn display_url(f: &DistFile) -> String {
    if f.url.contains("://") {
        f.url.clone()
    } else {
        crate::file_url(Path::new(&f.url))
    }
}
