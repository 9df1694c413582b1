//! The import statement's entry points (CPython's import.c): the fast path
//! through `sys.modules`, then importlib's `_find_and_load` once the
//! bootstrap (`bootstrap.rs`) is installed; `_imp` (`imp.rs`) and
//! `marshal` (`marshal.rs`) are the native modules importlib builds on.

pub mod bootstrap;
pub mod imp;
pub mod marshal;

use crate::errors::PyResult;
use crate::eval::frame::FrameObject;
use crate::object::Obj;
use crate::types::{dict, int, none, str as pystr, tuple};

/// IMPORT_NAME: calls `builtins.__import__` like CPython.
pub fn import_name(frm: &FrameObject, name: &Obj, fromlist: &Obj, level: &Obj) -> PyResult<Obj> {
    let builtins = unsafe { Obj::borrow_slot(&frm.builtins) };
    let imp = match crate::eval::lookup_in(builtins, &pystr::intern_static("__import__"))? {
        Some(f) => f,
        None => crate::bail!(ImportError, "__import__ not found"),
    };
    let globals = unsafe { Obj::borrow_slot(&frm.globals) }.clone();
    let locals = if frm.locals.is_null() { none::none() } else { unsafe { Obj::from_borrowed(frm.locals) } };
    crate::ops::call::call(&imp, &[name.clone(), globals, locals, fromlist.clone(), level.clone()], None)
}

/// `__import__(name, globals, locals, fromlist, level)`.
/// As CPython: the import machinery's own frames are cut from the current
/// exception's traceback. All of them for an ImportError; otherwise each
/// run of them that ends in `_call_with_frames_removed` (the module's code
/// is what the user needs to see).
fn remove_importlib_frames() {
    use crate::types::{code, exceptions, traceback};
    let v = match unsafe { crate::object::opt_from_borrowed(crate::errors::peek()) } {
        Some(v) => v,
        None => return,
    };
    let always = crate::errors::matches(exceptions::ImportError());
    let Some(first) = exceptions::get_traceback(&v) else { return };
    let mut entries = Vec::new();
    let mut cur = Some(first);
    while let Some(t) = cur {
        cur = traceback::next_of(&t);
        entries.push(t);
    }
    let (boot, ext) = (bootstrap::frozen_filename("_frozen_importlib"), bootstrap::frozen_filename("_frozen_importlib_external"));
    let mut kept: Vec<Obj> = Vec::new();
    let (mut in_importlib, mut chunk_start) = (false, 0);
    for t in entries.iter() {
        let f = traceback::frame_of(t);
        let c = crate::eval::frame::frame_mut(&f).code_obj().clone();
        let co = code::code(&c);
        let filename = unsafe { Obj::from_borrowed(co.filename) };
        let now = pystr::eq_str(&filename, &boot) || pystr::eq_str(&filename, &ext);
        if now && !in_importlib {
            chunk_start = kept.len();
        }
        in_importlib = now;
        kept.push(t.clone());
        if in_importlib && (always || pystr::eq_str(&unsafe { Obj::from_borrowed(co.name) }, "_call_with_frames_removed")) {
            kept.truncate(chunk_start);
        }
    }
    if kept.len() == entries.len() {
        return;
    }
    for (i, t) in kept.iter().enumerate() {
        traceback::relink(t, kept.get(i + 1).cloned());
    }
    exceptions::set_traceback(&v, kept.first().cloned());
}

pub fn import_module_level(name: &Obj, globals: Option<&Obj>, fromlist: Option<&Obj>, level: i64) -> PyResult<Obj> {
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "module name must be a string");
    }
    if level < 0 {
        crate::bail!(ValueError, "level must be >= 0");
    }
    let mut full = pystr::to_string_lossy(name);
    if level > 0 {
        let package = match globals {
            Some(g) if dict::is_dict(g) => package_of(g)?,
            Some(_) => crate::bail!(TypeError, "globals must be a dict"),
            None => None,
        };
        match package.filter(|p| !p.is_empty()) {
            Some(p) => {
                let parts: Vec<&str> = p.split('.').collect();
                if (level as usize) > parts.len() {
                    crate::bail!(ImportError, "attempted relative import beyond top-level package");
                }
                let base = parts[..parts.len() - (level as usize - 1)].join(".");
                full = if full.is_empty() { base } else { format!("{}.{}", base, full) };
            }
            None => crate::bail!(ImportError, "attempted relative import with no known parent package"),
        }
    }
    if full.is_empty() {
        crate::bail!(ValueError, "Empty module name");
    }
    // The name itself where it needs no resolving: a lossy copy would lose
    // surrogate-escaped bytes of file names.
    let full_obj = if level == 0 { name.clone() } else { pystr::new(&full) };
    let modules = crate::interp::modules();
    let m = match dict::get_item(&modules, &full_obj)? {
        Some(m) if !none::is_none(&m) => {
            ensure_initialized(&m, &full)?;
            m
        }
        found => {
            let boot = bootstrap::bootstrap_module();
            match (found, boot) {
                (None, Some(b)) => {
                    let imp = crate::interp::builtins_dict();
                    let imp = dict::get_item_str(&imp, "__import__")?.unwrap_or_else(none::none);
                    match crate::ops::attr::call_method(&b, "_find_and_load", &[full_obj.clone(), imp]) {
                        Ok(m) => m,
                        Err(e) => {
                            remove_importlib_frames();
                            return Err(e);
                        }
                    }
                }
                (None, None) if crate::modules::is_builtin(&full) => {
                    let m = crate::modules::create_builtin(&full)?;
                    dict::set_item_str(&modules, &full, &m)?;
                    m
                }
                (found, _) => {
                    let msg = if found.is_some() {
                        format!("import of {} halted; None in sys.modules", full)
                    } else {
                        format!("No module named '{}'", full)
                    };
                    let e = crate::errors::raise(crate::types::exceptions::ModuleNotFoundError(), msg);
                    if let Some(v) = unsafe { crate::object::opt_from_borrowed(crate::errors::peek()) } {
                        crate::types::exceptions::set_field(&v, "name", Some(pystr::new(&full)));
                    }
                    return Err(e);
                }
            }
        }
    };
    let has_fromlist = fromlist.map(|f| !none::is_none(f) && crate::ops::truthy(f).unwrap_or(false)).unwrap_or(false);
    if has_fromlist {
        // A package's submodules named in the fromlist are imported too.
        if let Some(b) = bootstrap::bootstrap_module() {
            if crate::ops::attr::getattr_opt(&m, &pystr::intern_static("__path__"))?.is_some() {
                let imp = dict::get_item_str(&crate::interp::builtins_dict(), "__import__")?.unwrap_or_else(none::none);
                let r = crate::ops::attr::call_method(&b, "_handle_fromlist", &[m, fromlist.unwrap().clone(), imp]);
                if r.is_err() {
                    remove_importlib_frames();
                }
                return r;
            }
        }
        return Ok(m);
    }
    // `import a.b.c` binds `a`: the top-level package of what was imported.
    let name_str = pystr::to_string_lossy(name);
    if level == 0 {
        let top = full.split('.').next().unwrap();
        return match dict::get_item_str(&modules, top)? {
            Some(t) => Ok(t),
            None => Ok(m),
        };
    }
    if name_str.is_empty() {
        return Ok(m);
    }
    // Relative: the package part of `full` up to the first component of `name`.
    let first = name_str.split('.').next().unwrap();
    let cut = full.len() - name_str.len() + first.len();
    match dict::get_item_str(&modules, &full[..cut])? {
        Some(t) => Ok(t),
        None => crate::bail!(KeyError, "'{}' not in sys.modules as expected", &full[..cut]),
    }
}

/// A module another thread is still executing (its `__spec__._initializing`
/// set) is waited for through importlib's module lock, as CPython's
/// import_ensure_initialized, so an import never returns it half done.
fn ensure_initialized(m: &Obj, name: &str) -> PyResult<()> {
    let spec = match crate::ops::attr::getattr_opt(m, &pystr::intern_static("__spec__"))? {
        Some(s) if !none::is_none(&s) => s,
        _ => return Ok(()),
    };
    let busy = match crate::ops::attr::getattr_opt(&spec, &pystr::intern_static("_initializing"))? {
        Some(v) => crate::ops::truthy(&v)?,
        None => false,
    };
    if busy {
        if let Some(b) = bootstrap::bootstrap_module() {
            crate::ops::attr::call_method(&b, "_lock_unlock_module", &[pystr::new(name)])?;
        }
    }
    Ok(())
}

/// The package a relative import is relative to: `__package__`, else
/// `__spec__.parent`, else derived from `__name__` (CPython's order).
fn package_of(g: &Obj) -> PyResult<Option<String>> {
    if let Some(p) = dict::get_item_str(g, "__package__")?.filter(|p| !none::is_none(p)) {
        if !pystr::is_str(&p) {
            crate::bail!(TypeError, "package must be a string");
        }
        if let Some(spec) = dict::get_item_str(g, "__spec__")?.filter(|p| !none::is_none(p)) {
            let parent = crate::ops::attr::getattr(&spec, &pystr::intern_static("parent"))?;
            if !crate::ops::eq(&p, &parent)? {
                crate::modules::warnings::warn(crate::types::exceptions::ImportWarning(), "__package__ != __spec__.parent", 1)?;
            }
        }
        return Ok(Some(pystr::to_string_lossy(&p)));
    }
    if let Some(spec) = dict::get_item_str(g, "__spec__")?.filter(|p| !none::is_none(p)) {
        let parent = crate::ops::attr::getattr(&spec, &pystr::intern_static("parent"))?;
        if !pystr::is_str(&parent) {
            crate::bail!(TypeError, "__spec__.parent must be a string");
        }
        return Ok(Some(pystr::to_string_lossy(&parent)));
    }
    crate::modules::warnings::warn(
        crate::types::exceptions::ImportWarning(),
        "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__",
        1,
    )?;
    let Some(name) = dict::get_item_str(g, "__name__")? else {
        crate::bail!(KeyError, "'__name__' not in globals");
    };
    if !pystr::is_str(&name) {
        crate::bail!(TypeError, "__name__ must be a string");
    }
    let name = pystr::to_string_lossy(&name);
    if dict::get_item_str(g, "__path__")?.is_some() {
        return Ok(Some(name));
    }
    Ok(Some(name.rsplit_once('.').map(|(a, _)| a.to_owned()).unwrap_or_default()))
}

/// IMPORT_FROM: `from m import name`.
pub fn import_from(m: &Obj, name: &Obj) -> PyResult<Obj> {
    match crate::ops::attr::getattr_opt(m, name)? {
        Some(v) => Ok(v),
        None => {
            let mname = crate::ops::attr::getattr_opt(m, &pystr::intern_static("__name__"))?
                .filter(|n| pystr::is_str(n))
                .map(|n| pystr::to_string_lossy(&n));
            // A submodule already imported under its full name.
            if let Some(mn) = &mname {
                let full = format!("{}.{}", mn, pystr::to_string_lossy(name));
                if let Some(sub) = dict::get_item_str(&crate::interp::modules(), &full)? {
                    return Ok(sub);
                }
            }
            let attr = |n: &str| -> Option<Obj> { crate::ops::attr::getattr_opt(m, &pystr::intern(n)).ok().flatten() };
            if crate::errors::occurred() {
                crate::errors::clear();
            }
            let file = attr("__file__").filter(|f| pystr::is_str(f));
            let spec = attr("__spec__").filter(|s| !none::is_none(s));
            let initializing = match &spec {
                Some(s) => match crate::ops::attr::getattr_opt(s, &pystr::intern_static("_initializing")) {
                    Ok(Some(v)) => crate::ops::truthy(&v).unwrap_or(false),
                    _ => false,
                },
                None => false,
            };
            if crate::errors::occurred() {
                crate::errors::clear();
            }
            let n = pystr::to_string_lossy(name);
            let mn = mname.clone().unwrap_or_else(|| "<unknown module name>".to_owned());
            let loc = file.as_ref().map(pystr::to_string_lossy).unwrap_or_else(|| "unknown location".to_owned());
            let msg = if initializing {
                format!(
                    "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
                    n, mn, loc
                )
            } else {
                format!("cannot import name '{}' from '{}' ({})", n, mn, loc)
            };
            let e = crate::errors::raise(crate::types::exceptions::ImportError(), msg);
            if let Some(v) = unsafe { crate::object::opt_from_borrowed(crate::errors::peek()) } {
                crate::types::exceptions::set_field(&v, "name", mname.map(|s| pystr::new(&s)));
                crate::types::exceptions::set_field(&v, "path", file);
            }
            Err(e)
        }
    }
}

/// IMPORT_STAR: copies public names (or `__all__`) into the frame's locals.
pub fn import_star(frm: &FrameObject, m: &Obj) -> PyResult<()> {
    if frm.locals.is_null() {
        crate::bail!(SystemError, "no locals found during 'import *'");
    }
    let locals = unsafe { Obj::borrow_slot(&frm.locals) };
    let (names, check_private) = match crate::ops::attr::getattr_opt(m, &pystr::intern_static("__all__"))? {
        Some(all) => (crate::ops::seq::to_vec(&all)?, false),
        None => {
            let Some(d) = crate::ops::attr::getattr_opt(m, &pystr::intern_static("__dict__"))? else {
                crate::bail!(ImportError, "from-import-* object has no __dict__ and no __all__");
            };
            (crate::ops::seq::to_vec(&crate::ops::attr::call_method(&d, "keys", &[])?)?, true)
        }
    };
    for n in names {
        if !pystr::is_str(&n) {
            let modname = crate::ops::attr::getattr(m, &pystr::intern_static("__name__"))?;
            if !pystr::is_str(&modname) {
                crate::bail!(TypeError, "module __name__ must be a string, not {}", modname.ty().name());
            }
            let (what, attr) = if check_private { ("Key", "__dict__") } else { ("Item", "__all__") };
            crate::bail!(TypeError, "{} in {}.{} must be str, not {}", what, pystr::to_string_lossy(&modname), attr, n.ty().name());
        }
        if check_private && pystr::to_string_lossy(&n).starts_with('_') {
            continue;
        }
        let v = crate::ops::attr::getattr(m, &n)?;
        crate::ops::seq::setitem(locals, &n, Some(&v))?;
    }
    let _ = (int::from_i64, tuple::len);
    Ok(())
}
