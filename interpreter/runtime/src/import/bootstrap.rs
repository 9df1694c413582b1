//! Starting the import system as CPython does: importlib's `_bootstrap`
//! and `_bootstrap_external`, read from the machine's CPython 3.11
//! standard library, run as the modules `_frozen_importlib` and
//! `_frozen_importlib_external` and install the builtin, frozen and path
//! finders on `sys.meta_path`. `import` then calls `_find_and_load` for
//! every module not yet in `sys.modules` (see `import_module_level`).

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{bytes, dict, int, list, module, none, str as pystr};
use std::path::{Path, PathBuf};

/// The directory of CPython's `Lib/`: KRAIT_STDLIB, else
/// PYTHONHOME/lib/python3.11 (unless -E), else the one of the tree krait
/// is installed in, else the build machine's.
pub fn stdlib_dir(use_env: bool) -> PathBuf {
    if let Some(d) = std::env::var_os("KRAIT_STDLIB").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if use_env {
        if let Some(h) = std::env::var_os("PYTHONHOME").filter(|d| !d.is_empty()) {
            // PYTHONHOME may be "prefix:exec_prefix".
            let h = h.to_string_lossy().split(':').next().unwrap_or("").to_owned();
            return Path::new(&h).join("lib").join("python3.11");
        }
    }
    crate::modules::getpath::stdlib_beside_executable().unwrap_or_else(|| PathBuf::from(env!("KRAIT_STDLIB_DIR")))
}

/// krait's .pyc magic: distinct from CPython's 3495 so neither reads the
/// other's caches, and bumped with marshal's code format.
pub fn magic_number() -> [u8; 4] {
    let n = 0xE000u16 + super::marshal::CODE_FORMAT as u16;
    let b = n.to_le_bytes();
    [b[0], b[1], b'\r', b'\n']
}

/// The code filename of a bootstrap module (`_frozen_importlib` →
/// `<frozen importlib._bootstrap>`).
pub fn frozen_filename(module: &str) -> String {
    match module {
        "_frozen_importlib" => "<frozen importlib._bootstrap>".to_string(),
        "_frozen_importlib_external" => "<frozen importlib._bootstrap_external>".to_string(),
        other => format!("<frozen {}>", other),
    }
}

/// Where the compiled bootstrap module is kept between runs. The name is
/// not the importer's (`NAME.krait-311.pyc`), whose code would carry the
/// file's path instead of the frozen name.
fn cache_path(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    Some(path.parent()?.join("__pycache__").join(format!("{}.krait-311.frozen.pyc", stem)))
}

/// The source's mtime and size, as a .pyc header records them.
fn source_stamp(path: &Path) -> Option<(u32, u32)> {
    let m = std::fs::metadata(path).ok()?;
    let mtime = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() as u32;
    Some((mtime, m.len() as u32))
}

/// The cached code of a bootstrap module, if the cache matches the source.
fn cached_code(path: &Path) -> Option<Obj> {
    let (mtime, size) = source_stamp(path)?;
    let data = std::fs::read(cache_path(path)?).ok()?;
    if data.len() < 16 || data[0..4] != magic_number() || data[4..8] != [0; 4] {
        return None;
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    if word(8) != mtime || word(12) != size {
        return None;
    }
    match super::marshal::loads(&data[16..]) {
        Ok(c) if crate::types::code::is_code(&c) => Some(c),
        Ok(_) => None,
        Err(e) => {
            drop(crate::errors::take(e));
            None
        }
    }
}

/// Saves compiled bootstrap code; failures are silent, as for any .pyc.
fn write_cache(path: &Path, code: &Obj) {
    if crate::modules::sys::flag("dont_write_bytecode") != 0 {
        return;
    }
    let (Some((mtime, size)), Some(dest)) = (source_stamp(path), cache_path(path)) else { return };
    let body = match super::marshal::dumps(code, 4) {
        Ok(b) => b,
        Err(e) => {
            drop(crate::errors::take(e));
            return;
        }
    };
    let mut data = magic_number().to_vec();
    data.extend_from_slice(&[0; 4]);
    data.extend_from_slice(&mtime.to_le_bytes());
    data.extend_from_slice(&size.to_le_bytes());
    data.extend_from_slice(&body);
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    let ok = dest.parent().map(|d| std::fs::create_dir_all(d).is_ok()).unwrap_or(false)
        && std::fs::write(&tmp, &data).is_ok()
        && std::fs::rename(&tmp, &dest).is_ok();
    if !ok {
        let _ = std::fs::remove_file(&tmp);
    }
}

fn exec_file_as(name: &str, path: &Path) -> PyResult<Obj> {
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => crate::bail!(ImportError, "cannot read {}: {}", path.display(), e),
    };
    // Named as CPython names its frozen copies: tracebacks show
    // `<frozen importlib._bootstrap>` and the import system trims them.
    let fname = frozen_filename(name);
    let code = match cached_code(path) {
        Some(c) => c,
        None => {
            let text = crate::compile::decode_source(&src, &path.to_string_lossy())?;
            let code = crate::compile::compile_source(&text, &fname, crate::compile::Mode::Exec, 0, 0)?;
            write_cache(path, &code);
            code
        }
    };
    let m = module::new(name)?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__builtins__", &crate::interp::builtins_module())?;
    dict::set_item_str(&crate::interp::modules(), name, &m)?;
    crate::eval::run_code(&code, &d, &d)?;
    Ok(m)
}

static BOOTSTRAP: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

/// `_frozen_importlib`, once installed.
pub fn bootstrap_module() -> Option<Obj> {
    BOOTSTRAP.with(|b| b.get().cloned())
}

/// Installs the import machinery and sets `sys.path` to PYTHONPATH (when
/// `use_env`) and the stdlib. Without a stdlib only builtin modules import.
pub fn install(use_env: bool) -> PyResult<()> {
    // builtins.open is io.open, as CPython's startup sets it.
    if crate::modules::is_builtin("_io") {
        let io = super::import_module_level(&pystr::new("_io"), None, None, 0)?;
        let open = crate::ops::attr::getattr(&io, &pystr::intern_static("open"))?;
        dict::set_item_str(&crate::interp::builtins_dict(), "open", &open)?;
    }
    let lib = stdlib_dir(use_env);
    let sys = crate::modules::sys::sys_module().expect("sys before the import system");
    let sysd = module::dict_of(&sys);
    let path = list::new();
    if use_env {
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            for p in pp.to_string_lossy().split(':').filter(|p| !p.is_empty()) {
                let abs = std::path::absolute(p).unwrap_or_else(|_| PathBuf::from(p));
                list::append(&path, pystr::new(&abs.to_string_lossy()));
            }
        }
    }
    if let Some(pth) = crate::modules::getpath::pth_file() {
        // A `._pth` file's lines are the whole path.
        for p in &pth.paths {
            list::append(&path, pystr::from_os(p.as_os_str())?);
        }
    } else {
        // As CPython, the stdlib's zip archive comes first, whether it
        // exists or not.
        if let Some(prefix) = lib.parent().and_then(|l| l.parent()) {
            list::append(&path, pystr::new(&prefix.join("lib").join("python311.zip").to_string_lossy()));
        }
        list::append(&path, pystr::new(&lib.to_string_lossy()));
    }
    dict::set_item_str(&sysd, "path", &path)?;
    let bootstrap_py = lib.join("importlib").join("_bootstrap.py");
    if !bootstrap_py.exists() {
        return Ok(());
    }
    let imp = crate::import::imp::create()?;
    dict::set_item_str(&crate::interp::modules(), "_imp", &imp)?;
    let b = exec_file_as("_frozen_importlib", &bootstrap_py)?;
    crate::ops::attr::call_method(&b, "_install", &[sys.clone(), imp])?;
    let ext = exec_file_as("_frozen_importlib_external", &lib.join("importlib").join("_bootstrap_external.py"))?;
    let magic = magic_number();
    let extd = module::dict_of(&ext);
    dict::set_item_str(&extd, "MAGIC_NUMBER", &bytes::new(&magic))?;
    dict::set_item_str(&extd, "_RAW_MAGIC_NUMBER", &int::from_u64(u32::from_le_bytes(magic) as u64))?;
    crate::ops::attr::call_method(&b, "_install_external_importers", &[])?;
    BOOTSTRAP.with(|c| {
        let _ = c.set(b);
    });
    install_zipimport(&sysd);
    Ok(())
}

/// As CPython's start-up: zipimport's importer goes first among the path
/// hooks, so zip archives on sys.path (and `krait app.zip`) import. Without
/// zipimport, start-up goes on without it, as CPython's does.
fn install_zipimport(sysd: &Obj) {
    let installed = (|| -> PyResult<()> {
        let zi = super::import_module_level(&pystr::new("zipimport"), None, None, 0)?;
        let importer = crate::ops::attr::getattr(&zi, &pystr::intern_static("zipimporter"))?;
        if let Some(hooks) = dict::get_item_str(sysd, "path_hooks")? {
            crate::ops::attr::call_method(&hooks, "insert", &[int::from_i64(0), importer])?;
        }
        // Importing zipimport walked sys.path before its hook existed,
        // caching "no finder" for archives on it (PYTHONPATH=app.zip):
        // those entries are looked at again.
        if let Some(cache) = dict::get_item_str(sysd, "path_importer_cache")? {
            if dict::is_dict(&cache) {
                for (k, v) in dict::items_vec(&cache) {
                    if none::is_none(&v) {
                        dict::del_item(&cache, &k)?;
                    }
                }
            }
        }
        Ok(())
    })();
    if installed.is_err() {
        crate::errors::clear();
    }
}
