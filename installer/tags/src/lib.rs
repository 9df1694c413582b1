//! What the installer needs to know about a target interpreter, asked of the
//! interpreter itself, and which wheel tags it accepts.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use krait_pep440::Version;
use krait_pep508::MarkerEnvironment;

/// The script run by the target interpreter; it prints one JSON object.
/// argv[1], when given, is a prefix to compute the install scheme for.
const FACTS_SCRIPT: &str = r#"
import sys, os, json, sysconfig, platform
prefix = sys.argv[1] if len(sys.argv) > 1 else None
if prefix:
    scheme = sysconfig.get_paths(vars={"base": prefix, "platbase": prefix, "installed_base": prefix, "installed_platbase": prefix})
else:
    scheme = sysconfig.get_paths()
def fmt(info):
    v = "{0.major}.{0.minor}.{0.micro}".format(info)
    if info.releaselevel != "final":
        v += info.releaselevel[0] + str(info.serial)
    return v
impl = sys.implementation
markers = {
    "implementation_name": impl.name,
    "implementation_version": fmt(impl.version),
    "os_name": os.name,
    "platform_machine": platform.machine(),
    "platform_release": platform.release(),
    "platform_system": platform.system(),
    "platform_version": platform.version(),
    "python_full_version": platform.python_version(),
    "platform_python_implementation": platform.python_implementation(),
    "python_version": ".".join(platform.python_version_tuple()[:2]),
    "sys_platform": sys.platform,
}
try:
    glibc = os.confstr("CS_GNU_LIBC_VERSION") or ""
except (AttributeError, OSError, ValueError):
    glibc = ""
print(json.dumps({
    "executable": sys.executable,
    "prefix": sys.prefix,
    "base_prefix": sys.base_prefix,
    "scheme": {k: scheme[k] for k in ("purelib", "platlib", "scripts", "data", "include")},
    "sys_path": sys.path,
    "markers": markers,
    "implementation": impl.name,
    "version": list(sys.version_info[:2]),
    "soabi": sysconfig.get_config_var("SOABI") or "",
    "platform": sysconfig.get_platform(),
    "glibc": glibc,
    "user_site": __import__("site").getusersitepackages(),
    "user_base": __import__("site").getuserbase(),
}))
"#;

/// 64-bit FNV-1a (names cache files; the stamp inside decides).
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn file_stamp(p: &Path, follow: bool) -> Option<String> {
    let m = if follow { std::fs::metadata(p) } else { std::fs::symlink_metadata(p) }.ok()?;
    let mtime = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    #[cfg(unix)]
    let ino = {
        use std::os::unix::fs::MetadataExt;
        (m.ino(), m.dev())
    };
    #[cfg(not(unix))]
    let ino = (0, 0);
    Some(format!("{}:{}:{}:{}:{}", p.display(), m.len(), mtime, ino.0, ino.1))
}

/// What the facts of `python` (with `prefix`) depend on, or None when they
/// should not be kept (a launcher script, a file that cannot be found).
fn facts_stamp(python: &Path, prefix: Option<&Path>) -> Option<String> {
    let path = if python.components().count() > 1 {
        std::env::current_dir().ok()?.join(python)
    } else {
        std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(python)).find(|p| p.is_file())?
    };
    let exe = std::fs::canonicalize(&path).ok()?;
    let mut head = [0u8; 4];
    use std::io::Read;
    std::fs::File::open(&exe).ok()?.read_exact(&mut head).ok()?;
    if &head != b"\x7fELF" {
        return None;
    }
    let mut stamp = vec![file_stamp(&path, false)?, file_stamp(&exe, true)?];
    for cfg in [path.parent().map(|d| d.join("pyvenv.cfg")), path.parent().and_then(Path::parent).map(|d| d.join("pyvenv.cfg"))].into_iter().flatten() {
        stamp.push(file_stamp(&cfg, true).unwrap_or_else(|| format!("{}:-", cfg.display())));
    }
    stamp.push(format!("prefix={}", prefix.map(|p| p.display().to_string()).unwrap_or_default()));
    Some(stamp.join("\n"))
}

/// The `.pth` files of an interpreter's site-packages folders.
fn pth_stamp(i: &Interpreter) -> String {
    let mut out = Vec::new();
    for dir in [&i.scheme.purelib, &i.scheme.platlib] {
        let Ok(rd) = std::fs::read_dir(dir) else { continue };
        let mut names: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "pth")).collect();
        names.sort();
        out.extend(names.iter().filter_map(|p| file_stamp(p, true)));
    }
    out.join("\n")
}

#[derive(Debug)]
pub struct FactsError(pub String);
impl fmt::Display for FactsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for FactsError {}

/// Where each kind of installed file goes (sysconfig's scheme keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheme {
    pub purelib: PathBuf,
    pub platlib: PathBuf,
    pub scripts: PathBuf,
    pub data: PathBuf,
    pub include: PathBuf,
}

impl Scheme {
    /// The layout pip uses for `--target DIR`: libraries at the top, scripts in bin/.
    pub fn for_target(dir: &Path) -> Scheme {
        Scheme {
            purelib: dir.to_path_buf(),
            platlib: dir.to_path_buf(),
            scripts: dir.join("bin"),
            data: dir.to_path_buf(),
            include: dir.join("include"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Interpreter {
    pub executable: PathBuf,
    pub prefix: PathBuf,
    pub base_prefix: PathBuf,
    pub scheme: Scheme,
    pub sys_path: Vec<PathBuf>,
    pub markers: MarkerEnvironment,
    /// `sys.implementation.name`: "cpython", "krait"...
    pub implementation: String,
    pub version: (u32, u32),
    pub soabi: String,
    /// `sysconfig.get_platform()`, e.g. "linux-x86_64".
    pub platform: String,
    /// (major, minor) of glibc, when the interpreter runs on glibc.
    pub glibc: Option<(u32, u32)>,
    pub user_site: PathBuf,
    pub user_base: PathBuf,
}

fn string(v: &serde_json::Value, key: &str) -> Result<String, FactsError> {
    v.get(key)
        .and_then(|s| s.as_str())
        .map(|s| s.to_string())
        .ok_or_else(|| FactsError(format!("the interpreter's facts lack '{key}'")))
}

impl Interpreter {
    /// Runs `python` to learn its facts; with `prefix`, the scheme is the one
    /// the interpreter would use for installing under that prefix.
    pub fn query(python: &Path, prefix: Option<&Path>) -> Result<Interpreter, FactsError> {
        Self::from_json(&Self::run_facts(python, prefix)?)
    }

    /// As `query`, keeping the answer in `cache/interpreters/`. A kept answer
    /// is used while nothing it depends on has changed: the path asked for,
    /// the executable it leads to (which must be a binary, not a launcher
    /// script such as pyenv's shims, whose choice depends on more than the
    /// file), the environment's `pyvenv.cfg`, the prefix asked for, and the
    /// `.pth` files of its site-packages (which add to `sys.path`).
    pub fn query_cached(python: &Path, prefix: Option<&Path>, cache: &Path) -> Result<Interpreter, FactsError> {
        let Some(stamp) = facts_stamp(python, prefix) else { return Self::query(python, prefix) };
        let file = cache.join("interpreters").join(format!("{:016x}.json", fnv1a(stamp.as_bytes())));
        if let Some(kept) = std::fs::read_to_string(&file).ok().and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok()) {
            if kept.get("stamp").and_then(|s| s.as_str()) == Some(stamp.as_str()) {
                if let Some(facts) = kept.get("facts") {
                    if let Ok(i) = Self::from_json(&facts.to_string()) {
                        if kept.get("pth").and_then(|s| s.as_str()) == Some(pth_stamp(&i).as_str()) {
                            return Ok(i);
                        }
                    }
                }
            }
        }
        let text = Self::run_facts(python, prefix)?;
        let i = Self::from_json(&text)?;
        if let Ok(facts) = serde_json::from_str::<serde_json::Value>(&text) {
            let v = serde_json::json!({"stamp": stamp, "pth": pth_stamp(&i), "facts": facts});
            if let Some(dir) = file.parent() {
                let tmp = dir.join(format!(".{}.{}", file.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
                if std::fs::create_dir_all(dir).is_ok() && std::fs::write(&tmp, v.to_string()).is_ok() && std::fs::rename(&tmp, &file).is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
            }
        }
        Ok(i)
    }

    /// The facts script's output.
    fn run_facts(python: &Path, prefix: Option<&Path>) -> Result<String, FactsError> {
        let mut cmd = Command::new(python);
        cmd.args(["-I", "-c", FACTS_SCRIPT]);
        if let Some(p) = prefix {
            cmd.arg(p);
        }
        let out = cmd
            .output()
            .map_err(|e| FactsError(format!("cannot run the interpreter {}: {e}", python.display())))?;
        if !out.status.success() {
            return Err(FactsError(format!(
                "the interpreter {} failed to report its facts:\n{}",
                python.display(),
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).to_string())
    }

    pub fn from_json(text: &str) -> Result<Interpreter, FactsError> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| FactsError(format!("bad facts from the interpreter: {e}")))?;
        let scheme = v.get("scheme").ok_or_else(|| FactsError("no scheme".into()))?;
        let p = |k: &str| string(scheme, k).map(PathBuf::from);
        let mut markers = BTreeMap::new();
        if let Some(m) = v.get("markers").and_then(|m| m.as_object()) {
            for (k, val) in m {
                markers.insert(k.clone(), val.as_str().unwrap_or("").to_string());
            }
        }
        let version = v.get("version").and_then(|x| x.as_array()).ok_or_else(|| FactsError("no version".into()))?;
        let num = |i: usize| version.get(i).and_then(|x| x.as_u64()).unwrap_or(0) as u32;
        let glibc_text = string(&v, "glibc")?;
        let glibc = glibc_text.strip_prefix("glibc ").and_then(|ver| {
            let mut it = ver.split('.');
            Some((it.next()?.parse().ok()?, it.next()?.trim().parse().ok()?))
        });
        Ok(Interpreter {
            executable: string(&v, "executable")?.into(),
            prefix: string(&v, "prefix")?.into(),
            base_prefix: string(&v, "base_prefix")?.into(),
            scheme: Scheme { purelib: p("purelib")?, platlib: p("platlib")?, scripts: p("scripts")?, data: p("data")?, include: p("include")? },
            sys_path: v
                .get("sys_path")
                .and_then(|x| x.as_array())
                .map(|a| a.iter().filter_map(|s| s.as_str()).filter(|s| !s.is_empty()).map(PathBuf::from).collect())
                .unwrap_or_default(),
            markers: MarkerEnvironment(markers),
            implementation: string(&v, "implementation")?,
            version: (num(0), num(1)),
            soabi: string(&v, "soabi")?,
            platform: string(&v, "platform")?,
            glibc,
            user_site: string(&v, "user_site")?.into(),
            user_base: string(&v, "user_base")?.into(),
        })
    }

    pub fn python_version(&self) -> Version {
        Version::new([self.version.0 as u64, self.version.1 as u64])
    }

    pub fn python_full_version(&self) -> Version {
        self.markers
            .get("python_full_version")
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| self.python_version())
    }

    /// The tags this interpreter accepts, best first.
    pub fn tags(&self) -> Tags {
        Tags::for_interpreter(&self.implementation, self.version, &self.platform, self.glibc)
    }
}

/// A (python, abi, platform) triple.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    pub python: String,
    pub abi: String,
    pub platform: String,
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.python, self.abi, self.platform)
    }
}

/// The supported tags in priority order.
#[derive(Debug, Clone)]
pub struct Tags {
    rank: std::collections::HashMap<Tag, usize>,
    pub ordered: Vec<Tag>,
}

/// Platform tags for a Linux machine: manylinux by glibc, newest first, then linux_ARCH.
pub fn platform_tags(platform: &str, glibc: Option<(u32, u32)>) -> Vec<String> {
    let plat = platform.replace(['-', '.'], "_");
    let Some(arch) = plat.strip_prefix("linux_") else {
        return vec![plat];
    };
    let mut out = Vec::new();
    if let Some((2, minor)) = glibc {
        let oldest = if matches!(arch, "x86_64" | "i686") { 5 } else { 17 };
        for m in (oldest..=minor).rev() {
            out.push(format!("manylinux_2_{m}_{arch}"));
            // The legacy aliases sit where their glibc is.
            let legacy = match m {
                17 => Some("manylinux2014"),
                12 => Some("manylinux2010"),
                5 => Some("manylinux1"),
                _ => None,
            };
            if let Some(l) = legacy {
                if m == 17 || matches!(arch, "x86_64" | "i686") {
                    out.push(format!("{l}_{arch}"));
                }
            }
        }
    }
    out.push(plat.clone());
    out
}

impl Tags {
    pub fn for_interpreter(implementation: &str, version: (u32, u32), platform: &str, glibc: Option<(u32, u32)>) -> Tags {
        let (major, minor) = version;
        let short = match implementation {
            "cpython" => "cp",
            "pypy" => "pp",
            "krait" => "kr",
            _ => "py",
        };
        let interp = format!("{short}{major}{minor}");
        let platforms = platform_tags(platform, glibc);
        let mut ordered = Vec::new();
        let mut push = |p: &str, a: &str, pl: &str| ordered.push(Tag { python: p.into(), abi: a.into(), platform: pl.into() });
        // krait is a CPython 3.11 replacement: it accepts CPython's own tags.
        let cpy = if implementation == "krait" { format!("cp{major}{minor}") } else { interp.clone() };
        let abi_ok = matches!(implementation, "cpython" | "krait");
        for pl in &platforms {
            push(&cpy, &cpy, pl);
        }
        if abi_ok {
            for pl in &platforms {
                push(&cpy, "abi3", pl);
            }
        }
        for pl in &platforms {
            push(&cpy, "none", pl);
        }
        if abi_ok {
            for m in (2..minor).rev() {
                for pl in &platforms {
                    push(&format!("cp{major}{m}"), "abi3", pl);
                }
            }
        }
        let py_versions: Vec<String> = std::iter::once(format!("py{major}{minor}"))
            .chain(std::iter::once(format!("py{major}")))
            .chain((0..minor).rev().map(|m| format!("py{major}{m}")))
            .collect();
        for py in &py_versions {
            for pl in &platforms {
                push(py, "none", pl);
            }
        }
        push(&cpy, "none", "any");
        for py in &py_versions {
            push(py, "none", "any");
        }
        let rank = ordered.iter().enumerate().map(|(i, t)| (t.clone(), i)).collect();
        Tags { rank, ordered }
    }

    /// The priority of the best tag in a wheel's tag set (lower is better).
    pub fn priority(&self, wheel_tags: &[Tag]) -> Option<usize> {
        wheel_tags.iter().filter_map(|t| self.rank.get(t).copied()).min()
    }
}

/// A parsed wheel file name (`name-version(-build)?-py-abi-platform.whl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelFilename {
    pub name: String,
    pub version: Version,
    pub build: Option<String>,
    pub python: Vec<String>,
    pub abi: Vec<String>,
    pub platform: Vec<String>,
}

impl WheelFilename {
    pub fn parse(filename: &str) -> Result<WheelFilename, String> {
        let bad = || format!("{filename} is not a valid wheel filename.");
        let stem = filename.strip_suffix(".whl").ok_or_else(bad)?;
        let parts: Vec<&str> = stem.split('-').collect();
        let (name, version, build, rest) = match parts.len() {
            5 => (parts[0], parts[1], None, &parts[2..]),
            6 => (parts[0], parts[1], Some(parts[2].to_string()), &parts[3..]),
            _ => return Err(bad()),
        };
        if name.is_empty() || build.as_deref().is_some_and(|b| !b.starts_with(|c: char| c.is_ascii_digit())) {
            return Err(bad());
        }
        let split = |s: &str| s.split('.').map(|x| x.to_string()).collect::<Vec<_>>();
        Ok(WheelFilename {
            name: name.to_string(),
            version: version.parse().map_err(|_| bad())?,
            build,
            python: split(rest[0]),
            abi: split(rest[1]),
            platform: split(rest[2]),
        })
    }

    /// Every tag this wheel carries (the product of its compressed tag sets).
    pub fn tags(&self) -> Vec<Tag> {
        let mut out = Vec::new();
        for p in &self.python {
            for a in &self.abi {
                for pl in &self.platform {
                    out.push(Tag { python: p.clone(), abi: a.clone(), platform: pl.clone() });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
