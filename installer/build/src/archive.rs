//! Unpacking source distributions (`.tar.gz`, `.tgz`, `.tar`, `.zip`) safely:
//! every member must land inside the destination (no absolute names, no
//! `..`), links may only point inside it, and nothing is written through a
//! link. A single top-level folder (`name-1.0/`) is stripped, as pip does.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

enum Kind {
    File(Vec<u8>, bool),
    Dir,
    Symlink(String),
    /// A tar hard link: another member's (archive) name.
    Hardlink(String),
}

struct Member {
    name: String,
    kind: Kind,
}

/// Whether `name` is an archive krait-pip can unpack as an sdist.
pub fn is_archive(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".tar.gz", ".tgz", ".tar", ".zip"].iter().any(|s| n.ends_with(s))
}

fn read_members(archive: &Path) -> Result<(Vec<Member>, &'static str), String> {
    let lower = archive.to_string_lossy().to_ascii_lowercase();
    let f = fs::File::open(archive).map_err(|e| format!("cannot open {}: {e}", archive.display()))?;
    let bad = |e: std::io::Error| format!("cannot read the archive {}: {e}", archive.display());
    let mut out = Vec::new();
    if lower.ends_with(".zip") {
        let mut z = zip::ZipArchive::new(f).map_err(|e| format!("cannot read the archive {}: {e}", archive.display()))?;
        for i in 0..z.len() {
            let mut e = z.by_index(i).map_err(|e| format!("cannot read the archive {}: {e}", archive.display()))?;
            let name = e.name().map_err(|err| format!("cannot read the archive {}: {err}", archive.display()))?.to_string();
            let mode = e.unix_mode().unwrap_or(0o644);
            let is_link = e.is_symlink();
            let is_dir = e.is_dir();
            let mut data = Vec::new();
            if !is_dir {
                e.read_to_end(&mut data).map_err(bad)?;
            }
            let kind = if is_link {
                Kind::Symlink(String::from_utf8_lossy(&data).to_string())
            } else if is_dir {
                Kind::Dir
            } else {
                Kind::File(data, mode & 0o111 != 0)
            };
            out.push(Member { name, kind });
        }
        return Ok((out, "zip"));
    }
    let reader: Box<dyn Read> = if lower.ends_with(".tar") { Box::new(f) } else { Box::new(flate2::read::GzDecoder::new(f)) };
    let mut t = tar::Archive::new(reader);
    for e in t.entries().map_err(bad)? {
        let mut e = e.map_err(bad)?;
        let name = e.path().map_err(bad)?.to_string_lossy().to_string();
        let ty = e.header().entry_type();
        let link = || -> Result<String, String> {
            Ok(e.link_name().map_err(bad)?.map(|l| l.to_string_lossy().to_string()).unwrap_or_default())
        };
        let kind = if ty.is_dir() {
            Kind::Dir
        } else if ty.is_symlink() {
            Kind::Symlink(link()?)
        } else if ty.is_hard_link() {
            Kind::Hardlink(link()?)
        } else if ty.is_file() || ty.is_contiguous() {
            let exec = e.header().mode().unwrap_or(0o644) & 0o111 != 0;
            let mut data = Vec::new();
            e.read_to_end(&mut data).map_err(bad)?;
            Kind::File(data, exec)
        } else {
            // pax headers are handled by the tar crate; devices and fifos are skipped.
            continue;
        };
        out.push(Member { name, kind });
    }
    Ok((out, "tar"))
}

/// The path's parts when it stays inside its root (no root, no prefix, no
/// `..` that climbs above the start); None otherwise.
fn inside(parts_of: &Path) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for c in parts_of.components() {
        match c {
            Component::Normal(s) => out.push(s.to_string_lossy().to_string()),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Unpacks `archive` into `dest` (created), stripping one leading folder
/// shared by every member. Refuses the whole archive, before writing
/// anything, when a member would land outside `dest`.
pub fn unpack_archive(archive: &Path, dest: &Path) -> Result<(), String> {
    let (members, kind) = read_members(archive)?;
    let outside = |m: &str| format!("The {kind} file ({}) has a file ({m}) trying to install outside target directory ({})", archive.display(), dest.display());
    // Names checked, then the shared leading folder found.
    let mut parts = Vec::new();
    for m in &members {
        let p = Path::new(&m.name);
        if m.name.contains("..") && p.components().any(|c| c == Component::ParentDir) {
            return Err(outside(&m.name));
        }
        let Some(v) = inside(p) else { return Err(outside(&m.name)) };
        parts.push(v);
    }
    let first = parts.iter().find(|p| !p.is_empty()).map(|p| p[0].clone());
    let strip = first.is_some_and(|f| parts.iter().all(|p| p.is_empty() || p[0] == f)) && parts.iter().any(|p| p.len() > 1);
    let strip = strip as usize;
    // Links are checked against the stripped layout.
    for (m, p) in members.iter().zip(&parts) {
        match &m.kind {
            Kind::Symlink(target) => {
                if p.len() <= strip {
                    continue;
                }
                let mut joined = PathBuf::from_iter(&p[strip..p.len() - 1]);
                joined.push(target);
                if Path::new(target).is_absolute() || inside(&joined).is_none() {
                    return Err(outside(&m.name));
                }
            }
            Kind::Hardlink(target) => match inside(Path::new(target)) {
                Some(t) if t.len() > strip => {}
                _ => return Err(outside(&m.name)),
            },
            _ => {}
        }
    }
    fs::create_dir_all(dest).map_err(|e| format!("cannot create {}: {e}", dest.display()))?;
    let io = |p: &Path, e: std::io::Error| format!("cannot write {}: {e}", p.display());
    for (m, p) in members.iter().zip(&parts) {
        if p.len() <= strip {
            continue;
        }
        let rel = PathBuf::from_iter(&p[strip..]);
        let path = dest.join(&rel);
        // Nothing is written through a link unpacked earlier.
        let mut at = dest.to_path_buf();
        for c in &p[strip..p.len() - 1] {
            at.push(c);
            if at.symlink_metadata().is_ok_and(|md| md.file_type().is_symlink()) {
                return Err(outside(&m.name));
            }
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        if path.symlink_metadata().is_ok_and(|md| md.file_type().is_symlink()) {
            fs::remove_file(&path).map_err(|e| io(&path, e))?;
        }
        match &m.kind {
            Kind::Dir => fs::create_dir_all(&path).map_err(|e| io(&path, e))?,
            Kind::File(data, exec) => {
                fs::write(&path, data).map_err(|e| io(&path, e))?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    fs::set_permissions(&path, fs::Permissions::from_mode(if *exec { 0o755 } else { 0o644 })).map_err(|e| io(&path, e))?;
                }
            }
            Kind::Symlink(target) => {
                #[cfg(unix)]
                std::os::unix::fs::symlink(target, &path).map_err(|e| io(&path, e))?;
                #[cfg(not(unix))]
                let _ = target;
            }
            Kind::Hardlink(target) => {
                let t = inside(Path::new(target)).unwrap_or_default();
                let from = dest.join(PathBuf::from_iter(&t[strip..]));
                fs::copy(&from, &path).map_err(|e| io(&path, e))?;
            }
        }
    }
    Ok(())
}
