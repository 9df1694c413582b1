//! Installing wheels into an install scheme and removing installed
//! distributions, the way pip does, but all-or-nothing: files are written to
//! a staging folder beside their destination and renamed into place only
//! once every file has been checked against RECORD.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

use krait_tags::Scheme;

pub mod installed;
mod launcher;
mod unpack;
pub use installed::{find_installed, InstalledDist};
pub use launcher::{launcher_script, shebang};
pub use unpack::{unpack_wheel, unpack_wheel_bytes, unpacked, unpacked_wheel_name, Unpacked};
use unpack::unpack_to;

#[derive(Debug)]
pub enum Error {
    Io(String, std::io::Error),
    Invalid(String),
    Unsafe(String),
    Hash(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(what, e) => write!(f, "{what}: {e}"),
            Error::Invalid(m) | Error::Unsafe(m) | Error::Hash(m) => f.write_str(m),
        }
    }
}
impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn io<T>(what: impl FnOnce() -> String, r: std::io::Result<T>) -> Result<T> {
    r.map_err(|e| Error::Io(what(), e))
}

/// `sha256=<urlsafe base64 without padding>`, as RECORD writes hashes.
pub fn record_hash(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    format!("sha256={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest))
}

/// Parses a RECORD file into (path, hash, size) rows. Handles CSV quoting.
pub fn parse_record(text: &str) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut cur)),
                c => cur.push(c),
            }
        }
        fields.push(cur);
        fields.resize(3, String::new());
        rows.push((fields[0].clone(), fields[1].clone(), fields[2].clone()));
    }
    rows
}

pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A path inside an archive made safe: relative, no `..`, no root, no drive.
fn safe_relative(name: &str) -> Result<PathBuf> {
    let refuse = || Error::Unsafe(format!("The wheel has a file '{name}' trying to install outside the target directory"));
    if name.contains('\\') || name.contains('\0') {
        return Err(refuse());
    }
    let p = Path::new(name);
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            _ => return Err(refuse()),
        }
    }
    if out.as_os_str().is_empty() {
        return Err(refuse());
    }
    Ok(out)
}

/// Relative path from directory `from` to `to` (both absolute).
pub fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[derive(Debug, Clone, Default)]
pub struct InstallOptions {
    /// Written to INSTALLER.
    pub installer: String,
    /// Whether the user asked for this distribution (writes REQUESTED).
    pub requested: bool,
    /// PEP 610 direct_url.json contents, when installed from a URL or path.
    pub direct_url: Option<String>,
    /// A folder of the wheel cache for this very wheel (named by its hash):
    /// its files are unpacked there once, and hard-linked from there into
    /// the environment (copied when the link cannot be made, e.g. across
    /// devices). Each cached file is compared with the wheel's own content
    /// before it is linked, so a damaged cache is never installed.
    pub unpacked: Option<PathBuf>,
}

/// What an installation wrote.
#[derive(Debug, Clone)]
pub struct Installed {
    pub name: String,
    pub version: String,
    pub dist_info: PathBuf,
    pub files: Vec<PathBuf>,
}

/// What goes into one file of the installation.
enum Content {
    /// A file of the unpacked wheel, hard-linked (copied across devices).
    Link(PathBuf),
    /// Written by the installer (launchers, rewritten scripts, INSTALLER...).
    Bytes(Vec<u8>),
}

struct Item {
    dest: PathBuf,
    content: Content,
    executable: bool,
    /// For the new RECORD.
    hash: String,
    size: u64,
}

impl Item {
    fn bytes(dest: PathBuf, data: Vec<u8>, executable: bool) -> Item {
        Item { dest, hash: record_hash(&data), size: data.len() as u64, content: Content::Bytes(data), executable }
    }
}

/// Where each file of an unpacked wheel goes (its root, its `.dist-info`
/// folder there, and every file), with launchers and the installer's own
/// files. Nothing is written.
fn layout(u: &Unpacked, scheme: &Scheme, python: &Path, opts: &InstallOptions) -> Result<(PathBuf, PathBuf, Vec<Item>)> {
    let file_name = &u.wheel;
    let info = &u.info;
    let data_dir = format!("{}.data/", info.trim_end_matches(".dist-info"));
    let root = if u.purelib { &scheme.purelib } else { &scheme.platlib };
    let mut items = Vec::with_capacity(u.files.len() + 4);
    for f in &u.files {
        let name = &f.name;
        let link = |dest: PathBuf, executable: bool| Item { dest, content: Content::Link(u.path(name)), executable, hash: f.hash.clone(), size: f.size };
        let Some(rest) = name.strip_prefix(&data_dir) else {
            items.push(link(root.join(safe_relative(name)?), f.exec));
            continue;
        };
        let (key, inner) = rest.split_once('/').ok_or_else(|| Error::Invalid(format!("{file_name}: stray file '{name}' in .data")))?;
        let inner = safe_relative(inner)?;
        let (base, is_script) = match key {
            "purelib" => (scheme.purelib.clone(), false),
            "platlib" => (scheme.platlib.clone(), false),
            "scripts" => (scheme.scripts.clone(), true),
            "headers" => (scheme.include.join(name_for_headers(&name_from_info(info))), false),
            "data" => (scheme.data.clone(), false),
            other => return Err(Error::Invalid(format!("{file_name}: unknown scheme '{other}' in .data"))),
        };
        if is_script {
            let data = io(|| format!("cannot read {}", u.path(name).display()), fs::read(u.path(name)))?;
            if data.starts_with(b"#!python") {
                let end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
                let first = String::from_utf8_lossy(&data[..end]).to_string();
                let args = first.trim_start_matches("#!pythonw").trim_start_matches("#!python").trim_end_matches('\r');
                let mut new = shebang(python).into_bytes();
                new.extend_from_slice(args.as_bytes());
                new.extend_from_slice(&data[end..]);
                items.push(Item::bytes(base.join(inner), new, true));
                continue;
            }
        }
        items.push(link(base.join(inner), f.exec || is_script));
    }

    // Entry points become launchers.
    let ep_name = format!("{info}/entry_points.txt");
    if u.files.iter().any(|f| f.name == ep_name) {
        let ep = String::from_utf8_lossy(&io(|| format!("cannot read {ep_name}"), fs::read(u.path(&ep_name)))?).to_string();
        for section in ["console_scripts", "gui_scripts"] {
            for (script, target) in entry_points(&ep, section) {
                let script_rel = safe_relative(&script)?;
                let body = launcher_script(python, &target).ok_or_else(|| Error::Invalid(format!("{file_name}: bad entry point '{script} = {target}'")))?;
                items.push(Item::bytes(scheme.scripts.join(script_rel), body.into_bytes(), true));
            }
        }
    }

    let info_dir = root.join(info);
    items.push(Item::bytes(info_dir.join("INSTALLER"), format!("{}\n", opts.installer).into_bytes(), false));
    if opts.requested {
        items.push(Item::bytes(info_dir.join("REQUESTED"), Vec::new(), false));
    }
    if let Some(d) = &opts.direct_url {
        items.push(Item::bytes(info_dir.join("direct_url.json"), d.clone().into_bytes(), false));
    }
    Ok((root.clone(), info_dir, items))
}

fn name_from_info(info: &str) -> String {
    info.trim_end_matches(".dist-info").rsplit_once('-').map(|x| x.0.to_string()).unwrap_or_default()
}

fn name_for_headers(name: &str) -> String {
    name.to_string()
}

/// `[section]` entries of an entry_points.txt as (name, target).
pub fn entry_points(text: &str, section: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            current = line[1..line.len() - 1].trim().to_string();
            continue;
        }
        if current == section {
            if let Some((k, v)) = line.split_once('=') {
                out.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }
    out
}

/// Checks a wheel as `install_wheel` would (names, links, RECORD hashes,
/// `.data` schemes, entry points), unpacking it into `unpacked` (a folder of
/// the cache, named by the wheel's hash) so that `install_wheel` given the
/// same folder (or `install_prepared` given the result) only has to link
/// its files. Nothing of the environment is touched.
pub fn prepare_wheel(wheel: &Path, scheme: &Scheme, python: &Path, unpacked: &Path) -> Result<Unpacked> {
    check_prepared(unpack_wheel(wheel, unpacked)?, scheme, python)
}

/// As `prepare_wheel`, for the bytes of the wheel `file_name` (as downloaded).
pub fn prepare_wheel_bytes(file_name: &str, data: Vec<u8>, scheme: &Scheme, python: &Path, unpacked: &Path) -> Result<Unpacked> {
    check_prepared(unpack_wheel_bytes(file_name, data, unpacked)?, scheme, python)
}

/// `u` (found unpacked, see `unpacked`) once its layout is known to be
/// installable, as `prepare_wheel` gives it.
pub fn check_prepared(u: Unpacked, scheme: &Scheme, python: &Path) -> Result<Unpacked> {
    layout(&u, scheme, python, &InstallOptions::default())?;
    Ok(u)
}

/// Installs a wheel `prepare_wheel` unpacked (in this run: its files are
/// not checked again). Either every file lands, or none does.
pub fn install_prepared(u: &Unpacked, scheme: &Scheme, python: &Path, opts: &InstallOptions) -> Result<Installed> {
    install_unpacked(u, scheme, python, opts)
}

/// Checks a wheel as `install_wheel` would, writing nothing that stays
/// (it is unpacked into a temporary folder beside `scheme.purelib`).
pub fn verify_wheel(wheel: &Path, scheme: &Scheme, python: &Path) -> Result<()> {
    io(|| format!("cannot create {}", scheme.purelib.display()), fs::create_dir_all(&scheme.purelib))?;
    let tmp = tempdir_in(&scheme.purelib)?;
    let r = unpack_to(wheel, &tmp.join("w")).and_then(|u| layout(&u, scheme, python, &InstallOptions::default()).map(|_| ()));
    let _ = fs::remove_dir_all(&tmp);
    r
}

/// Installs the wheel at `wheel` into `scheme`, with launchers for `python`.
/// Either every file lands, or none does.
pub fn install_wheel(wheel: &Path, scheme: &Scheme, python: &Path, opts: &InstallOptions) -> Result<Installed> {
    // The wheel's files come from its unpacked copy in the cache, else from
    // a temporary one (also when the cache cannot be written).
    let mut temp = None;
    let cached = match &opts.unpacked {
        Some(dir) => match unpack_wheel(wheel, dir) {
            Ok(u) => Some(u),
            Err(Error::Io(..)) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let u = match cached {
        Some(u) => u,
        None => {
            io(|| format!("cannot create {}", scheme.purelib.display()), fs::create_dir_all(&scheme.purelib))?;
            let t = tempdir_in(&scheme.purelib)?;
            let r = unpack_to(wheel, &t.join("w"));
            temp = Some(t);
            match r {
                Ok(u) => u,
                Err(e) => {
                    let _ = fs::remove_dir_all(temp.as_ref().unwrap());
                    return Err(e);
                }
            }
        }
    };
    let r = install_unpacked(&u, scheme, python, opts);
    if let Some(t) = temp {
        let _ = fs::remove_dir_all(t);
    }
    r
}

/// Installs an unpacked wheel: its files are hard-linked (or copied) into a
/// staging folder inside the destination root, mirroring their places, and
/// then moved into place, a whole folder at a time where nothing is there
/// yet. A failure puts back what was replaced.
fn install_unpacked(u: &Unpacked, scheme: &Scheme, python: &Path, opts: &InstallOptions) -> Result<Installed> {
    let (root, info_dir, items) = layout(u, scheme, python, opts)?;
    io(|| format!("cannot create {}", root.display()), fs::create_dir_all(&root))?;
    let stage = tempdir_in(&root)?;
    let result = (|| -> Result<Vec<PathBuf>> {
        // Files under the root are staged in `t/` at their relative places;
        // the few elsewhere (scripts, data, headers) one by one.
        let tree = stage.join("t");
        let mut made: HashSet<PathBuf> = HashSet::new();
        let mut outside: Vec<(PathBuf, &PathBuf)> = Vec::new();
        let mut place = |p: &Item, i: usize| -> Result<PathBuf> {
            let staged = match p.dest.strip_prefix(&root) {
                Ok(rel) if !rel.as_os_str().is_empty() => tree.join(rel),
                _ => stage.join(format!("x{i}")),
            };
            if let Some(d) = staged.parent() {
                if !made.contains(d) {
                    io(|| format!("cannot create {}", d.display()), fs::create_dir_all(d))?;
                    made.insert(d.to_path_buf());
                }
            }
            Ok(staged)
        };
        for (i, p) in items.iter().enumerate() {
            let tmp = place(p, i)?;
            match &p.content {
                Content::Link(src) => {
                    if fs::hard_link(src, &tmp).is_err() {
                        io(|| format!("cannot write {}", tmp.display()), fs::copy(src, &tmp))?;
                    }
                }
                Content::Bytes(data) => {
                    let mut f = io(|| format!("cannot write {}", tmp.display()), fs::File::create(&tmp))?;
                    io(|| format!("cannot write {}", tmp.display()), f.write_all(data))?;
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        let mode = if p.executable { 0o755 } else { 0o644 };
                        io(|| format!("cannot chmod {}", tmp.display()), f.set_permissions(fs::Permissions::from_mode(mode)))?;
                    }
                }
            }
            if !tmp.starts_with(&tree) {
                outside.push((tmp, &p.dest));
            }
        }
        // The RECORD that describes what is installed.
        let mut record = String::new();
        for p in &items {
            let rel = relative_path(&root, &p.dest);
            record.push_str(&format!("{},{},{}\n", csv_field(&rel.to_string_lossy()), p.hash, p.size));
        }
        let record_dest = info_dir.join("RECORD");
        record.push_str(&format!("{},,\n", csv_field(&relative_path(&root, &record_dest).to_string_lossy())));
        let rec_tmp = place(&Item::bytes(record_dest.clone(), Vec::new(), false), items.len())?;
        io(|| "cannot write RECORD".into(), fs::write(&rec_tmp, record))?;
        if !rec_tmp.starts_with(&tree) {
            outside.push((rec_tmp, &record_dest));
        }

        // Commit: move into place, remembering what was replaced so a failure rolls back.
        let mut commit = Commit { stage: &stage, moved: Vec::new() };
        let done = (|| -> Result<()> {
            if tree.exists() {
                commit.merge(&tree, &root)?;
            }
            for (tmp, dest) in &outside {
                if let Some(parent) = dest.parent() {
                    io(|| format!("cannot create {}", parent.display()), fs::create_dir_all(parent))?;
                }
                commit.replace(tmp, dest)?;
            }
            Ok(())
        })();
        if let Err(e) = done {
            commit.roll_back();
            return Err(e);
        }
        Ok(items.iter().map(|p| p.dest.clone()).chain(std::iter::once(record_dest)).collect())
    })();
    let _ = fs::remove_dir_all(&stage);
    let files = result?;
    let meta = fs::read_to_string(info_dir.join("METADATA")).unwrap_or_default();
    let field = |k: &str| meta.lines().find_map(|l| l.strip_prefix(k)).map(|s| s.trim().to_string()).unwrap_or_default();
    Ok(Installed { name: field("Name:"), version: field("Version:"), dist_info: info_dir, files })
}

/// The moves of one installation's commit, undone in reverse on failure.
struct Commit<'a> {
    stage: &'a Path,
    /// (destination, where what it replaced was put, whether a whole folder was moved)
    moved: Vec<(PathBuf, Option<PathBuf>, bool)>,
}

impl Commit<'_> {
    fn pause(&self) {
        if self.moved.len() == 2 {
            test_pause("mid-commit");
        }
    }

    /// Moves the staged tree `from` into the folder `to`: entries that are
    /// not there yet whole, folders that are merged.
    fn merge(&mut self, from: &Path, to: &Path) -> Result<()> {
        let rd = io(|| format!("cannot read {}", from.display()), fs::read_dir(from))?;
        for e in rd {
            let e = io(|| format!("cannot read {}", from.display()), e)?;
            let src = e.path();
            let dest = to.join(e.file_name());
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                if fs::metadata(&dest).is_ok_and(|m| m.is_dir()) {
                    self.merge(&src, &dest)?;
                    continue;
                }
                if dest.symlink_metadata().is_err() {
                    match fs::rename(&src, &dest) {
                        Ok(()) => {
                            self.moved.push((dest, None, true));
                            self.pause();
                        }
                        // Made meanwhile (another wheel of the same run sharing a namespace folder).
                        Err(_) if fs::metadata(&dest).is_ok_and(|m| m.is_dir()) => self.merge(&src, &dest)?,
                        Err(err) => return Err(Error::Io(format!("cannot install {}", dest.display()), err)),
                    }
                    continue;
                }
            }
            self.replace(&src, &dest)?;
        }
        Ok(())
    }

    /// Moves one staged file (or folder) to `dest`, setting aside what is there.
    fn replace(&mut self, src: &Path, dest: &Path) -> Result<()> {
        let backup = if dest.symlink_metadata().is_ok() {
            let b = self.stage.join(format!("old-{}", self.moved.len()));
            io(|| format!("cannot move {}", dest.display()), rename_or_copy(dest, &b))?;
            Some(b)
        } else {
            None
        };
        let r = rename_or_copy(src, dest);
        let whole = src.is_dir() || dest.is_dir();
        self.moved.push((dest.to_path_buf(), backup, whole));
        if let Err(e) = r {
            return Err(Error::Io(format!("cannot install {}", dest.display()), e));
        }
        self.pause();
        Ok(())
    }

    fn roll_back(self) {
        for (dest, backup, whole) in self.moved.into_iter().rev() {
            if whole && dest.symlink_metadata().is_ok_and(|m| m.is_dir()) {
                let _ = fs::remove_dir_all(&dest);
            } else {
                let _ = fs::remove_file(&dest);
            }
            if let Some(b) = backup {
                let _ = fs::rename(&b, &dest);
            }
        }
    }
}

fn rename_or_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    match fs::rename(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.raw_os_error() == Some(18) => {
            // EXDEV: another device (scripts on another mount).
            fs::copy(from, to)?;
            fs::remove_file(from)
        }
        Err(e) => Err(e),
    }
}

/// Test-only: when `KRAIT_PIP_TEST_PAUSE` names this point, creates the file
/// named by `KRAIT_PIP_TEST_PAUSE_FILE` and waits forever, so that a test can
/// kill the process (kill -9) exactly here.
pub fn test_pause(point: &str) {
    if std::env::var("KRAIT_PIP_TEST_PAUSE").is_ok_and(|p| p == point) {
        if let Some(f) = std::env::var_os("KRAIT_PIP_TEST_PAUSE_FILE") {
            let _ = fs::write(f, point);
        }
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

/// Staging folders (`.krait-pip-stage-PID-N`) in `dir` whose process is gone
/// (killed in the middle of an install or uninstall) are removed; returns how many.
pub fn remove_stale_stages(dir: &Path) -> usize {
    let mut n = 0;
    let Ok(rd) = fs::read_dir(dir) else { return 0 };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix(".krait-pip-stage-") else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { continue };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive && fs::remove_dir_all(e.path()).is_ok() {
            n += 1;
        }
    }
    n
}

fn tempdir_in(dir: &Path) -> Result<PathBuf> {
    let pid = std::process::id();
    for n in 0..1000u32 {
        let p = dir.join(format!(".krait-pip-stage-{pid}-{n}"));
        match fs::create_dir(&p) {
            Ok(()) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::Io(format!("cannot create a staging folder in {}", dir.display()), e)),
        }
    }
    Err(Error::Invalid(format!("cannot create a staging folder in {}", dir.display())))
}

/// Removes an installed distribution by its RECORD; all files are first moved
/// aside, so a failure puts them back. Returns the removed paths.
/// Every path that belongs to an installed distribution: its RECORD's
/// entries, the byte-code caches next to its `.py` files, and anything else in
/// its `.dist-info` folder.
pub fn installed_paths(dist: &InstalledDist) -> Result<Vec<PathBuf>> {
    let base = dist.dist_info.parent().unwrap_or(Path::new("/")).to_path_buf();
    let record = io(|| format!("cannot read RECORD of {}", dist.name), fs::read_to_string(dist.dist_info.join("RECORD")))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for (p, _, _) in parse_record(&record) {
        let full = normalize_lexically(&base.join(&p));
        if full.extension().is_some_and(|e| e == "py") {
            // The byte-code caches the interpreter wrote next to the source.
            if let (Some(dir), Some(stem)) = (full.parent(), full.file_stem()) {
                if let Ok(rd) = fs::read_dir(dir.join("__pycache__")) {
                    let prefix = format!("{}.", stem.to_string_lossy());
                    for e in rd.flatten() {
                        if e.file_name().to_string_lossy().starts_with(&prefix) && e.file_name().to_string_lossy().ends_with(".pyc") {
                            paths.push(e.path());
                        }
                    }
                }
            }
        }
        paths.push(full);
    }
    // Anything left in the dist-info folder goes too.
    if let Ok(rd) = fs::read_dir(&dist.dist_info) {
        for e in rd.flatten() {
            if !paths.contains(&e.path()) {
                paths.push(e.path());
            }
        }
    }
    Ok(paths)
}

/// Removes folders that `removed` files left empty, up to (not including) `base`.
pub fn prune_empty(base: &Path, removed: &[PathBuf], extra: &[PathBuf]) {
    let mut dirs: Vec<PathBuf> = removed.iter().filter_map(|p| p.parent().map(|d| d.to_path_buf())).collect();
    dirs.extend(extra.iter().cloned());
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    dirs.dedup();
    for d in dirs {
        let mut cur = Some(d.as_path());
        while let Some(dir) = cur {
            if dir == base || !dir.starts_with(base) || fs::remove_dir(dir).is_err() {
                break;
            }
            cur = dir.parent();
        }
    }
}

/// Removes an installed distribution by its RECORD; all files are first moved
/// aside, so a failure puts them back. Returns the removed paths.
pub fn uninstall(dist: &InstalledDist) -> Result<Vec<PathBuf>> {
    let base = dist.dist_info.parent().unwrap_or(Path::new("/")).to_path_buf();
    let paths = installed_paths(dist)?;
    let stage = tempdir_in(&base)?;
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (k, p) in paths.iter().enumerate() {
        if p.symlink_metadata().is_err() {
            continue;
        }
        let aside = stage.join(k.to_string());
        if let Err(e) = rename_or_copy(p, &aside) {
            for (orig, aside) in moved.into_iter().rev() {
                let _ = rename_or_copy(&aside, &orig);
            }
            let _ = fs::remove_dir_all(&stage);
            return Err(Error::Io(format!("cannot remove {}", p.display()), e));
        }
        moved.push((p.clone(), aside));
    }
    let _ = fs::remove_dir_all(&stage);
    // Prune folders left empty.
    let removed: Vec<PathBuf> = moved.iter().map(|(p, _)| p.clone()).collect();
    prune_empty(&base, &removed, &[dist.dist_info.clone()]);
    Ok(moved.into_iter().map(|(p, _)| p).collect())
}

fn normalize_lexically(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_names_are_checked() {
        assert!(safe_relative("pkg/mod.py").is_ok());
        for bad in ["../x", "pkg/../../x", "/etc/passwd", "pkg\\..\\x", "", "./"] {
            assert!(safe_relative(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn record_csv_and_paths() {
        let rows = parse_record("a.py,sha256=x,3\n\"we,ird.py\",sha256=y,4\npkg-1.0.dist-info/RECORD,,\n");
        assert_eq!(rows[1], ("we,ird.py".to_string(), "sha256=y".to_string(), "4".to_string()));
        assert_eq!(rows[2].1, "");
        assert_eq!(csv_field("we,ird.py"), "\"we,ird.py\"");
        assert_eq!(relative_path(Path::new("/v/lib/site"), Path::new("/v/bin/x")), PathBuf::from("../../bin/x"));
        assert_eq!(record_hash(b""), "sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
    }

    #[test]
    fn launchers() {
        let s = launcher_script(Path::new("/usr/bin/python3"), "pkg.cli:main.run [extra]").unwrap();
        assert!(s.starts_with("#!/usr/bin/python3\n"));
        assert!(s.contains("from pkg.cli import main\n") && s.contains("sys.exit(main.run())"));
        assert!(launcher_script(Path::new("/p"), "bad module:x").is_none());
        assert!(shebang(Path::new("/with space/python")).starts_with("#!/bin/sh\n'''exec' \"/with space/python\""));
    }
}
