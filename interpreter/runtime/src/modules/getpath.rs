//! `sys.executable` and `sys._base_executable`, worked out as CPython 3.11's
//! getpath does on POSIX: the program's path as it was invoked (made
//! absolute, symlinks kept, so a venv's `bin/python` link is what `site`
//! sees), and, inside a venv (a `pyvenv.cfg` beside the program's
//! directory or in it), the interpreter the venv was made from. Also the
//! stdlib of an installed tree (`bin/krait` beside `lib/python3.11`), and
//! a `._pth` file beside the program, which fixes `sys.path` outright.

use std::path::{Component, Path, PathBuf};

/// The paths startup records in `sys`.
pub struct ExecutablePaths {
    pub executable: PathBuf,
    pub base_executable: PathBuf,
}

/// Works them out from the invoked program name (`argv[0]`).
pub fn executable_paths(argv0: Option<&std::ffi::OsStr>) -> ExecutablePaths {
    let executable = argv0.and_then(program_path).or_else(|| std::env::current_exe().ok()).unwrap_or_default();
    let base = venv_base_executable(&executable).unwrap_or_else(|| executable.clone());
    ExecutablePaths { executable, base_executable: base }
}

/// `argv[0]` made absolute: relative to the working directory when it
/// holds a slash, else the first executable file of that name on PATH.
fn program_path(argv0: &std::ffi::OsStr) -> Option<PathBuf> {
    let p = Path::new(argv0);
    if argv0.is_empty() {
        return None;
    }
    if argv0.as_encoded_bytes().contains(&b'/') {
        return Some(absolute(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| absolute(&dir.join(p)))
        .find(|c| is_executable_file(c))
}

/// Joined to the working directory with `.` components dropped; `..` is
/// kept, as CPython keeps it.
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    joined.components().filter(|c| *c != Component::CurDir).collect()
}

fn is_executable_file(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

/// The `home` of the venv the program runs in: the key of a `pyvenv.cfg`
/// one level above the program's directory or in it.
fn venv_home(executable: &Path) -> Option<PathBuf> {
    let exe_dir = executable.parent()?;
    let cfg = [exe_dir.parent().map(|d| d.join("pyvenv.cfg")), Some(exe_dir.join("pyvenv.cfg"))]
        .into_iter()
        .flatten()
        .find_map(|c| std::fs::read_to_string(c).ok())?;
    cfg.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim().eq_ignore_ascii_case("home")).then(|| PathBuf::from(value.trim()))
    })
}

/// The stdlib of the tree the interpreter is installed in: `lib/python3.11`
/// (holding `os.py`) beside the directory of the real program — or of the
/// venv's `home`. Only that one level is looked at, so a build elsewhere
/// never picks up an unrelated system stdlib.
pub fn stdlib_beside_executable() -> Option<PathBuf> {
    static FOUND: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    FOUND
        .get_or_init(|| {
            let exe = std::env::args_os().next().as_deref().and_then(program_path).or_else(|| std::env::current_exe().ok())?;
            let dir = match venv_home(&exe) {
                Some(home) => home,
                None => std::fs::canonicalize(&exe).ok()?.parent()?.to_path_buf(),
            };
            let lib = dir.parent()?.join("lib").join("python3.11");
            lib.join("os.py").is_file().then_some(lib)
        })
        .clone()
}

/// Inside a venv whose `pyvenv.cfg` names a `home`: the interpreter the
/// link points to, or the program of the same name (else `python3`,
/// `python3.11`) in `home`.
fn venv_base_executable(executable: &Path) -> Option<PathBuf> {
    let home = venv_home(executable)?;
    if let Ok(real) = std::fs::canonicalize(executable) {
        if real != executable {
            return Some(real);
        }
    }
    let same_name = home.join(executable.file_name()?);
    if same_name.is_file() {
        return Some(same_name);
    }
    ["python3", "python3.11"].iter().map(|n| home.join(n)).find(|c| c.is_file()).or(Some(same_name))
}

/// A `<program>._pth` file (beside the program as invoked, or the real one
/// it links to): `sys.path` is its lines, and it puts the interpreter in
/// isolated mode without `site` unless a line says `import site`.
pub struct PthFile {
    pub dir: PathBuf,
    pub paths: Vec<PathBuf>,
    pub import_site: bool,
}

/// The program's `._pth` file, read once.
pub fn pth_file() -> Option<&'static PthFile> {
    static FOUND: std::sync::OnceLock<Option<PthFile>> = std::sync::OnceLock::new();
    FOUND
        .get_or_init(|| {
            let exe = std::env::args_os().next().as_deref().and_then(program_path).or_else(|| std::env::current_exe().ok())?;
            let real = std::fs::canonicalize(&exe).ok();
            [Some(exe), real].into_iter().flatten().find_map(|p| {
                let mut name = p.clone().into_os_string();
                name.push("._pth");
                let text = std::fs::read(&name).ok()?;
                let dir = p.parent()?.to_path_buf();
                Some(parse_pth(&dir, &String::from_utf8_lossy(&text)))
            })
        })
        .as_ref()
}

/// The lines of a `._pth` file: `#` starts a comment, `import site`
/// enables `site`, other `import` lines are ignored, and each remaining
/// line is a directory relative to the file's own.
fn parse_pth(dir: &Path, text: &str) -> PthFile {
    let mut pth = PthFile { dir: dir.to_path_buf(), paths: Vec::new(), import_site: false };
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line == "import site" {
            pth.import_site = true;
        } else if !line.starts_with("import ") {
            pth.paths.push(normalize(&dir.join(line)));
        }
    }
    pth
}

/// A path with `.` and `..` resolved lexically (os.path.normpath).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}
