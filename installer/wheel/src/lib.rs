//! Installing wheels into an install scheme and removing installed
//! distributions, the way pip does, but all-or-nothing: files are written to
//! a staging folder beside their destination and renamed into place only
//! once every file has been checked against RECORD.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

use krait_pep508::normalize_name;
use krait_tags::{Scheme, WheelFilename};

pub mod installed;
mod launcher;
pub use installed::{find_installed, InstalledDist};
pub use launcher::{launcher_script, shebang};

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

struct Planned {
    dest: PathBuf,
    data: Vec<u8>,
    executable: bool,
    /// The archive entry this file is, unchanged (None when written by the installer or rewritten).
    entry: Option<String>,
}

/// Reads the wheel's files, checking names and RECORD hashes, and returns
/// them with their destinations. Nothing is written.
fn plan(wheel: &Path, scheme: &Scheme, python: &Path, opts: &InstallOptions) -> Result<(WheelFilename, PathBuf, PathBuf, Vec<Planned>)> {
    let file_name = wheel.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let wf = WheelFilename::parse(file_name).map_err(Error::Invalid)?;
    let f = io(|| format!("cannot open {}", wheel.display()), fs::File::open(wheel))?;
    let mut zip = zip::ZipArchive::new(f).map_err(|e| Error::Invalid(format!("{} is not a valid wheel: {e}", wheel.display())))?;

    // Read every entry, refusing unsafe names and links.
    let mut entries: BTreeMap<String, (Vec<u8>, bool)> = BTreeMap::new();
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).map_err(|e| Error::Invalid(format!("{}: {e}", wheel.display())))?;
        let name = e.name().map_err(|err| Error::Invalid(format!("{}: {err}", wheel.display())))?.to_string();
        if e.is_dir() {
            safe_relative(name.trim_end_matches('/'))?;
            continue;
        }
        safe_relative(&name)?;
        let mode = e.unix_mode().unwrap_or(0o644);
        if mode & 0o170000 == 0o120000 {
            return Err(Error::Unsafe(format!("The wheel has a symbolic link '{name}'; links are refused")));
        }
        let mut data = Vec::with_capacity(e.size() as usize);
        io(|| format!("cannot read {name} from {}", wheel.display()), e.read_to_end(&mut data))?;
        if entries.insert(name.clone(), (data, mode & 0o111 != 0)).is_some() {
            return Err(Error::Invalid(format!("The wheel has '{name}' twice")));
        }
    }

    // The .dist-info folder: the one whose name matches the file name's.
    let want = normalize_name(&wf.name);
    let infos: HashSet<&str> = entries
        .keys()
        .filter_map(|k| k.split('/').next())
        .filter(|top| top.ends_with(".dist-info"))
        .collect();
    let info = infos
        .iter()
        .find(|d| normalize_name(d.trim_end_matches(".dist-info").rsplit_once('-').map(|x| x.0).unwrap_or("")) == want)
        .ok_or_else(|| Error::Invalid(format!("{file_name} has no .dist-info directory for {}", wf.name)))?
        .to_string();
    if infos.len() > 1 {
        return Err(Error::Invalid(format!("{file_name} has more than one .dist-info directory")));
    }
    let data_dir = format!("{}.data", info.trim_end_matches(".dist-info"));

    let text = |k: &str| -> Result<String> {
        let (d, _) = entries.get(k).ok_or_else(|| Error::Invalid(format!("{file_name} has no {k}")))?;
        String::from_utf8(d.clone()).map_err(|_| Error::Invalid(format!("{k} in {file_name} is not UTF-8")))
    };
    let wheel_meta = text(&format!("{info}/WHEEL"))?;
    let purelib = wheel_meta.lines().any(|l| {
        let l = l.to_ascii_lowercase().replace(' ', "");
        l == "root-is-purelib:true"
    });
    let version_line = wheel_meta.lines().find_map(|l| l.strip_prefix("Wheel-Version:")).map(|s| s.trim().to_string());
    if let Some(v) = version_line {
        if !v.starts_with("1.") {
            return Err(Error::Invalid(format!("{file_name} has Wheel-Version {v}, which krait-pip cannot install")));
        }
    }
    let metadata = text(&format!("{info}/METADATA"))?;
    let version = metadata.lines().find_map(|l| l.strip_prefix("Version:")).map(|s| s.trim().to_string()).unwrap_or(wf.version.to_string());
    let name = metadata.lines().find_map(|l| l.strip_prefix("Name:")).map(|s| s.trim().to_string()).unwrap_or(wf.name.clone());

    // RECORD: every file (but RECORD and its signatures) listed with a matching hash.
    let record_name = format!("{info}/RECORD");
    let record = parse_record(&text(&record_name)?);
    let recorded: BTreeMap<&str, (&str, &str)> = record.iter().map(|(p, h, s)| (p.as_str(), (h.as_str(), s.as_str()))).collect();
    for (name, (data, _)) in &entries {
        if *name == record_name || name.ends_with(".dist-info/RECORD.jws") || name.ends_with(".dist-info/RECORD.p7s") {
            continue;
        }
        let Some((hash, size)) = recorded.get(name.as_str()) else {
            return Err(Error::Hash(format!("{file_name}: '{name}' is not listed in RECORD")));
        };
        if hash.is_empty() {
            return Err(Error::Hash(format!("{file_name}: RECORD has no hash for '{name}'")));
        }
        let (algo, _) = hash.split_once('=').unwrap_or(("", ""));
        if algo != "sha256" && algo != "sha384" && algo != "sha512" {
            return Err(Error::Hash(format!("{file_name}: RECORD uses hash '{algo}' for '{name}'; sha256 or stronger is needed")));
        }
        let actual = match algo {
            "sha256" => record_hash(data),
            "sha384" => format!("sha384={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha384::digest(data))),
            _ => format!("sha512={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha512::digest(data))),
        };
        if actual != *hash {
            return Err(Error::Hash(format!(
                "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE WHEEL'S RECORD: {file_name}: '{name}' has {actual}, RECORD says {hash}"
            )));
        }
        if !size.is_empty() && size.parse::<usize>().ok() != Some(data.len()) {
            return Err(Error::Hash(format!("{file_name}: '{name}' is {} bytes, RECORD says {size}", data.len())));
        }
    }

    let root = if purelib { &scheme.purelib } else { &scheme.platlib };
    let mut planned = Vec::new();
    for (name, (data, exec)) in entries {
        if name == record_name {
            continue;
        }
        let rel = safe_relative(&name)?;
        if let Some(rest) = name.strip_prefix(&format!("{data_dir}/")) {
            let (key, inner) = rest.split_once('/').ok_or_else(|| Error::Invalid(format!("{file_name}: stray file '{name}' in .data")))?;
            let inner = safe_relative(inner)?;
            let (base, is_script) = match key {
                "purelib" => (scheme.purelib.clone(), false),
                "platlib" => (scheme.platlib.clone(), false),
                "scripts" => (scheme.scripts.clone(), true),
                "headers" => (scheme.include.join(&name_for_headers(&name_from_info(&info))), false),
                "data" => (scheme.data.clone(), false),
                other => return Err(Error::Invalid(format!("{file_name}: unknown scheme '{other}' in .data"))),
            };
            let mut data = data;
            let mut entry = Some(name.clone());
            if is_script && data.starts_with(b"#!python") {
                entry = None;
                let end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
                let first = String::from_utf8_lossy(&data[..end]).to_string();
                let args = first.trim_start_matches("#!pythonw").trim_start_matches("#!python").trim_end_matches('\r');
                let mut new = shebang(python).into_bytes();
                new.extend_from_slice(args.as_bytes());
                new.extend_from_slice(&data[end..]);
                data = new;
            }
            planned.push(Planned { dest: base.join(inner), data, executable: exec || is_script, entry });
        } else {
            planned.push(Planned { dest: root.join(rel), data, executable: exec, entry: Some(name.clone()) });
        }
    }

    // Entry points become launchers.
    let ep_name = format!("{info}/entry_points.txt");
    if let Some(ep) = planned.iter().find(|p| p.dest == root.join(&ep_name)).map(|p| String::from_utf8_lossy(&p.data).to_string()) {
        for (section, gui) in [("console_scripts", false), ("gui_scripts", true)] {
            for (script, target) in entry_points(&ep, section) {
                let script_rel = safe_relative(&script)?;
                let _ = gui;
                let body = launcher_script(python, &target).ok_or_else(|| Error::Invalid(format!("{file_name}: bad entry point '{script} = {target}'")))?;
                planned.push(Planned { dest: scheme.scripts.join(script_rel), data: body.into_bytes(), executable: true, entry: None });
            }
        }
    }

    let info_dir = root.join(&info);
    planned.push(Planned { dest: info_dir.join("INSTALLER"), data: format!("{}\n", opts.installer).into_bytes(), executable: false, entry: None });
    if opts.requested {
        planned.push(Planned { dest: info_dir.join("REQUESTED"), data: Vec::new(), executable: false, entry: None });
    }
    if let Some(d) = &opts.direct_url {
        planned.push(Planned { dest: info_dir.join("direct_url.json"), data: d.clone().into_bytes(), executable: false, entry: None });
    }
    let _ = (name, version);
    Ok((wf, root.clone(), info_dir, planned))
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
/// entry points) without writing anything.
pub fn verify_wheel(wheel: &Path, scheme: &Scheme, python: &Path) -> Result<()> {
    plan(wheel, scheme, python, &InstallOptions::default()).map(|_| ())
}

/// Installs the wheel at `wheel` into `scheme`, with launchers for `python`.
/// Either every file lands, or none does.
pub fn install_wheel(wheel: &Path, scheme: &Scheme, python: &Path, opts: &InstallOptions) -> Result<Installed> {
    let (_wf, root, info_dir, planned) = plan(wheel, scheme, python, opts)?;

    // Stage: each file is written into a staging folder inside the directory
    // tree of its destination root, so the final rename stays on one device.
    io(|| format!("cannot create {}", root.display()), fs::create_dir_all(&root))?;
    let unpacked = match &opts.unpacked {
        Some(dir) => unpack_into_cache(dir, &planned).ok(),
        None => None,
    };
    let stage = tempdir_in(&root)?;
    let result = (|| -> Result<Vec<PathBuf>> {
        let mut staged = Vec::new();
        for (i, p) in planned.iter().enumerate() {
            let tmp = stage.join(format!("{i}"));
            let cached = match (&unpacked, &p.entry) {
                (Some(dir), Some(entry)) => Some(dir.join(entry)),
                _ => None,
            };
            let linked = cached.is_some_and(|c| fs::read(&c).is_ok_and(|d| d == p.data) && fs::hard_link(&c, &tmp).is_ok());
            if !linked {
                let mut f = io(|| format!("cannot write {}", tmp.display()), fs::File::create(&tmp))?;
                io(|| format!("cannot write {}", tmp.display()), f.write_all(&p.data))?;
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = if p.executable { 0o755 } else { 0o644 };
                io(|| format!("cannot chmod {}", tmp.display()), fs::set_permissions(&tmp, fs::Permissions::from_mode(mode)))?;
            }
            staged.push(tmp);
        }
        // The RECORD that describes what is installed.
        let mut record = String::new();
        for p in &planned {
            let rel = relative_path(&root, &p.dest);
            record.push_str(&format!("{},{},{}\n", csv_field(&rel.to_string_lossy()), record_hash(&p.data), p.data.len()));
        }
        record.push_str(&format!("{},,\n", csv_field(&relative_path(&root, &info_dir.join("RECORD")).to_string_lossy())));
        let rec_tmp = stage.join("RECORD");
        io(|| "cannot write RECORD".into(), fs::write(&rec_tmp, record))?;

        // Commit: move into place, remembering what was replaced so a failure rolls back.
        let mut moved: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        let dests: Vec<&PathBuf> = planned.iter().map(|p| &p.dest).collect();
        let record_dest = info_dir.join("RECORD");
        let commit = (|| -> Result<()> {
            for (k, (tmp, dest)) in staged.iter().chain(std::iter::once(&rec_tmp)).zip(dests.iter().copied().chain(std::iter::once(&record_dest))).enumerate() {
                if let Some(parent) = dest.parent() {
                    io(|| format!("cannot create {}", parent.display()), fs::create_dir_all(parent))?;
                }
                let backup = if dest.symlink_metadata().is_ok() {
                    let b = stage.join(format!("old-{k}"));
                    io(|| format!("cannot move {}", dest.display()), rename_or_copy(dest, &b))?;
                    Some(b)
                } else {
                    None
                };
                if let Err(e) = rename_or_copy(tmp, dest) {
                    moved.push((dest.clone(), backup));
                    return Err(Error::Io(format!("cannot install {}", dest.display()), e));
                }
                moved.push((dest.clone(), backup));
                if k == 1 {
                    test_pause("mid-commit");
                }
            }
            Ok(())
        })();
        if let Err(e) = commit {
            for (dest, backup) in moved.into_iter().rev() {
                let _ = fs::remove_file(&dest);
                if let Some(b) = backup {
                    let _ = fs::rename(&b, &dest);
                }
            }
            return Err(e);
        }
        Ok(dests.into_iter().cloned().chain(std::iter::once(record_dest)).collect())
    })();
    let _ = fs::remove_dir_all(&stage);
    let files = result?;
    let meta = fs::read_to_string(info_dir.join("METADATA")).unwrap_or_default();
    let field = |k: &str| meta.lines().find_map(|l| l.strip_prefix(k)).map(|s| s.trim().to_string()).unwrap_or_default();
    Ok(Installed { name: field("Name:"), version: field("Version:"), dist_info: info_dir, files })
}

/// The wheel's archive files unpacked in `dir` (done once; a `.complete`
/// marker says the folder is whole). Returns `dir`.
fn unpack_into_cache(dir: &Path, planned: &[Planned]) -> std::io::Result<PathBuf> {
    if dir.join(".complete").exists() {
        return Ok(dir.to_path_buf());
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let tmp = parent.join(format!(".{}.tmp{}", dir.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let result = (|| {
        for p in planned {
            let Some(entry) = &p.entry else { continue };
            let path = tmp.join(entry);
            if let Some(d) = path.parent() {
                fs::create_dir_all(d)?;
            }
            fs::write(&path, &p.data)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&path, fs::Permissions::from_mode(if p.executable { 0o755 } else { 0o644 }))?;
            }
        }
        fs::write(tmp.join(".complete"), b"")?;
        fs::rename(&tmp, dir)
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
        // Another process may have finished the same folder meanwhile.
        if dir.join(".complete").exists() {
            return Ok(dir.to_path_buf());
        }
    }
    result.map(|_| dir.to_path_buf())
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
