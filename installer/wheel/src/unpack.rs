//! Wheels unpacked into a folder, checked on the way out.
//!
//! `unpack_wheel` streams every file of the archive into a folder (the
//! cache's `unpacked/<sha256>/`) while hashing it, and refuses the wheel when
//! a name is unsafe (`..`, absolute, a link) or a file's hash or size differs
//! from RECORD. It writes a manifest (`.krait-manifest.json`) last: each
//! file's RECORD hash and size, whether it is executable, and the inode and
//! modification time it got. A folder with a manifest is whole; before its
//! files are linked into an environment each one is `stat`ed, and one whose
//! inode, size or modification time changed (edited in place through an
//! installed hard link, replaced, removed) makes the folder be unpacked
//! again from the wheel, so a damaged cache is never installed and the
//! archive is not read again while the cache is sound.

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine;
use sha2::Digest;

use krait_pep508::normalize_name;
use krait_tags::WheelFilename;

use crate::{io, safe_relative, Error, Result};

pub(crate) const MANIFEST: &str = ".krait-manifest.json";

/// One file of an unpacked wheel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CachedFile {
    /// The archive entry's name (its path in the folder).
    pub name: String,
    /// Its hash as RECORD gives it (`sha256=...`), checked.
    pub hash: String,
    pub size: u64,
    pub exec: bool,
    /// (inode, mtime seconds, mtime nanoseconds) when unpacked.
    pub stamp: (u64, i64, i64),
}

/// A wheel's files in a folder, checked against its RECORD.
#[derive(Debug, Clone)]
pub struct Unpacked {
    pub dir: PathBuf,
    /// The wheel's file name.
    pub(crate) wheel: String,
    /// The `.dist-info` folder's name.
    pub(crate) info: String,
    /// `Root-Is-Purelib` of WHEEL.
    pub(crate) purelib: bool,
    /// Every file but RECORD, in archive order.
    pub(crate) files: Vec<CachedFile>,
}

impl Unpacked {
    /// The path of an archive entry in the folder.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The unpacked size in bytes.
    pub fn size(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }

    /// Whether every file is as it was unpacked.
    fn sound(&self) -> bool {
        self.files.iter().all(|f| fs::symlink_metadata(self.path(&f.name)).is_ok_and(|m| m.is_file() && m.len() == f.size && stamp(&m) == f.stamp))
    }
}

#[cfg(unix)]
fn stamp(m: &fs::Metadata) -> (u64, i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (m.ino(), m.mtime(), m.mtime_nsec())
}

#[cfg(not(unix))]
fn stamp(m: &fs::Metadata) -> (u64, i64, i64) {
    let t = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    (0, t.as_secs() as i64, t.subsec_nanos() as i64)
}

enum Hasher {
    S256(sha2::Sha256),
    S384(sha2::Sha384),
    S512(sha2::Sha512),
}

impl Hasher {
    fn new(algo: &str) -> Option<Hasher> {
        match algo {
            "sha256" => Some(Hasher::S256(sha2::Sha256::new())),
            "sha384" => Some(Hasher::S384(sha2::Sha384::new())),
            "sha512" => Some(Hasher::S512(sha2::Sha512::new())),
            _ => None,
        }
    }
    fn update(&mut self, d: &[u8]) {
        match self {
            Hasher::S256(h) => h.update(d),
            Hasher::S384(h) => h.update(d),
            Hasher::S512(h) => h.update(d),
        }
    }
    /// `algo=<urlsafe base64, no padding>`, as RECORD writes it.
    fn finish(self) -> String {
        let b64 = |d: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(d);
        match self {
            Hasher::S256(h) => format!("sha256={}", b64(&h.finalize())),
            Hasher::S384(h) => format!("sha384={}", b64(&h.finalize())),
            Hasher::S512(h) => format!("sha512={}", b64(&h.finalize())),
        }
    }
}

fn read_manifest(dir: &Path) -> Option<Unpacked> {
    let text = fs::read(dir.join(MANIFEST)).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&text).ok()?;
    if v.get("version")?.as_u64()? != 1 {
        return None;
    }
    let mut files = Vec::new();
    for f in v.get("files")?.as_array()? {
        let a = f.as_array()?;
        files.push(CachedFile {
            name: a.first()?.as_str()?.to_string(),
            hash: a.get(1)?.as_str()?.to_string(),
            size: a.get(2)?.as_u64()?,
            exec: a.get(3)?.as_bool()?,
            stamp: (a.get(4)?.as_u64()?, a.get(5)?.as_i64()?, a.get(6)?.as_i64()?),
        });
    }
    Some(Unpacked {
        dir: dir.to_path_buf(),
        wheel: v.get("wheel")?.as_str()?.to_string(),
        info: v.get("info")?.as_str()?.to_string(),
        purelib: v.get("purelib")?.as_bool()?,
        files,
    })
}

fn write_manifest(u: &Unpacked) -> std::io::Result<()> {
    let files: Vec<serde_json::Value> =
        u.files.iter().map(|f| serde_json::json!([f.name, f.hash, f.size, f.exec, f.stamp.0, f.stamp.1, f.stamp.2])).collect();
    let v = serde_json::json!({"version": 1, "wheel": u.wheel, "info": u.info, "purelib": u.purelib, "files": files});
    fs::write(u.dir.join(MANIFEST), v.to_string())
}

/// A new file, executable or not (as the umask allows, like pip's files).
fn create_file(path: &Path, exec: bool) -> std::io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(if exec { 0o777 } else { 0o666 });
    }
    o.open(path)
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The wheel's files in `dir`, unpacked and checked there unless a sound
/// copy already is (see the module's documentation).
pub fn unpack_wheel(wheel: &Path, dir: &Path) -> Result<Unpacked> {
    unpack_into(dir, |out| unpack_to(wheel, out))
}

/// As `unpack_wheel`, for a wheel held in memory (as downloaded), which is
/// then never written to disk whole. `file_name` is the wheel's file name.
pub fn unpack_wheel_bytes(file_name: &str, data: Vec<u8>, dir: &Path) -> Result<Unpacked> {
    unpack_into(dir, |out| unpack_data(file_name, file_name, data, out))
}

/// The sound unpacked wheel in `dir`, if there is one.
pub fn unpacked(dir: &Path) -> Option<Unpacked> {
    read_manifest(dir).filter(Unpacked::sound)
}

/// The file name of the wheel unpacked in `dir` (sound or not), from its manifest.
pub fn unpacked_wheel_name(dir: &Path) -> Option<String> {
    read_manifest(dir).map(|u| u.wheel)
}

fn unpack_into(dir: &Path, unpack: impl FnOnce(&Path) -> Result<Unpacked>) -> Result<Unpacked> {
    if let Some(u) = unpacked(dir) {
        return Ok(u);
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    io(|| format!("cannot create {}", parent.display()), fs::create_dir_all(parent))?;
    let base = dir.file_name().unwrap_or_default().to_string_lossy().to_string();
    let unique = format!("{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    let tmp = parent.join(format!(".{base}.tmp{unique}"));
    let _ = fs::remove_dir_all(&tmp);
    let u = match unpack(&tmp) {
        Ok(u) => u,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if fs::rename(&tmp, dir).is_err() {
        // A folder is there: finished meanwhile by another installer, or
        // damaged, or left by an older krait-pip without a manifest.
        if let Some(other) = unpacked(dir) {
            let _ = fs::remove_dir_all(&tmp);
            return Ok(other);
        }
        let aside = parent.join(format!(".{base}.old{unique}"));
        let _ = fs::rename(dir, &aside);
        let moved = fs::rename(&tmp, dir);
        let _ = fs::remove_dir_all(&aside);
        if let Err(e) = moved {
            let _ = fs::remove_dir_all(&tmp);
            return Err(Error::Io(format!("cannot create {}", dir.display()), e));
        }
    }
    Ok(Unpacked { dir: dir.to_path_buf(), ..u })
}

/// Streams the wheel's files into the new folder `out`, checking names,
/// links and RECORD hashes, and writes the manifest last.
pub(crate) fn unpack_to(wheel: &Path, out: &Path) -> Result<Unpacked> {
    let file_name = wheel.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    // Read whole (it was usually just written, so it is in the page cache):
    // the archive reader then makes no system calls of its own.
    let data = io(|| format!("cannot open {}", wheel.display()), fs::read(wheel))?;
    unpack_data(&file_name, &wheel.display().to_string(), data, out)
}

/// `unpack_to` for the bytes of the wheel `file_name`, shown as `shown` in errors.
fn unpack_data(file_name: &str, shown: &str, data: Vec<u8>, out: &Path) -> Result<Unpacked> {
    let file_name = file_name.to_string();
    let wf = WheelFilename::parse(&file_name).map_err(Error::Invalid)?;
    let bad = |e: zip::result::ZipError| Error::Invalid(format!("{shown} is not a valid wheel: {e}"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(data)).map_err(bad)?;

    // Names first (from the central directory): the .dist-info folder is the
    // one whose name matches the file name's.
    let mut names = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let name = zip.name_for_index(i).ok_or_else(|| Error::Invalid(format!("{shown}: no entry {i}")))?.map_err(bad)?;
        names.push(name.to_string());
    }
    let want = normalize_name(&wf.name);
    let infos: HashSet<&str> = names.iter().filter(|n| n.contains('/')).filter_map(|k| k.split('/').next()).filter(|top| top.ends_with(".dist-info")).collect();
    let info = infos
        .iter()
        .find(|d| normalize_name(d.trim_end_matches(".dist-info").rsplit_once('-').map(|x| x.0).unwrap_or("")) == want)
        .ok_or_else(|| Error::Invalid(format!("{file_name} has no .dist-info directory for {}", wf.name)))?
        .to_string();
    if infos.len() > 1 {
        return Err(Error::Invalid(format!("{file_name} has more than one .dist-info directory")));
    }
    let mut text = |k: &str| -> Result<String> {
        let mut e = zip.by_name(k).map_err(|_| Error::Invalid(format!("{file_name} has no {k}")))?;
        let mut s = String::new();
        e.read_to_string(&mut s).map_err(|_| Error::Invalid(format!("{k} in {file_name} is not UTF-8")))?;
        Ok(s)
    };
    let wheel_meta = text(&format!("{info}/WHEEL"))?;
    let purelib = wheel_meta.lines().any(|l| l.to_ascii_lowercase().replace(' ', "") == "root-is-purelib:true");
    if let Some(v) = wheel_meta.lines().find_map(|l| l.strip_prefix("Wheel-Version:")).map(|s| s.trim().to_string()) {
        if !v.starts_with("1.") {
            return Err(Error::Invalid(format!("{file_name} has Wheel-Version {v}, which krait-pip cannot install")));
        }
    }
    text(&format!("{info}/METADATA"))?;
    let record_name = format!("{info}/RECORD");
    let record = crate::parse_record(&text(&record_name)?);
    let recorded: std::collections::HashMap<&str, (&str, &str)> = record.iter().map(|(p, h, s)| (p.as_str(), (h.as_str(), s.as_str()))).collect();

    io(|| format!("cannot create {}", out.display()), fs::create_dir(out))?;
    let mut made: HashSet<PathBuf> = HashSet::new();
    made.insert(out.to_path_buf());
    let mut seen: HashSet<&str> = HashSet::new();
    let mut files = Vec::new();
    let mut buf = vec![0u8; 256 * 1024];
    for (i, name) in names.iter().enumerate() {
        let mut e = zip.by_index(i).map_err(bad)?;
        if e.is_dir() {
            safe_relative(name.trim_end_matches('/'))?;
            continue;
        }
        let rel = safe_relative(name)?;
        let mode = e.unix_mode().unwrap_or(0o644);
        if mode & 0o170000 == 0o120000 {
            return Err(Error::Unsafe(format!("The wheel has a symbolic link '{name}'; links are refused")));
        }
        if !seen.insert(name) {
            return Err(Error::Invalid(format!("The wheel has '{name}' twice")));
        }
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
        let Some(mut hasher) = Hasher::new(algo) else {
            return Err(Error::Hash(format!("{file_name}: RECORD uses hash '{algo}' for '{name}'; sha256 or stronger is needed")));
        };
        let path = out.join(&rel);
        if let Some(d) = path.parent() {
            if !made.contains(d) {
                io(|| format!("cannot create {}", d.display()), fs::create_dir_all(d))?;
                made.insert(d.to_path_buf());
            }
        }
        let exec = mode & 0o111 != 0;
        let mut w = io(|| format!("cannot write {}", path.display()), create_file(&path, exec))?;
        let mut got = 0u64;
        loop {
            let n = io(|| format!("cannot read {name} from {shown}"), e.read(&mut buf))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            io(|| format!("cannot write {}", path.display()), w.write_all(&buf[..n]))?;
            got += n as u64;
        }
        let actual = hasher.finish();
        if actual != *hash {
            return Err(Error::Hash(format!(
                "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE WHEEL'S RECORD: {file_name}: '{name}' has {actual}, RECORD says {hash}"
            )));
        }
        if !size.is_empty() && size.parse::<u64>().ok() != Some(got) {
            return Err(Error::Hash(format!("{file_name}: '{name}' is {got} bytes, RECORD says {size}")));
        }
        let m = io(|| format!("cannot stat {}", path.display()), w.metadata())?;
        files.push(CachedFile { name: name.clone(), hash: hash.to_string(), size: got, exec, stamp: stamp(&m) });
    }
    let u = Unpacked { dir: out.to_path_buf(), wheel: file_name, info, purelib, files };
    io(|| format!("cannot write {}", out.join(MANIFEST).display()), write_manifest(&u))?;
    Ok(u)
}
