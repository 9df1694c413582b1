//! The import statement's entry points. Until the import system lands
//! (issue 4), `import` finds only modules already in `sys.modules` (the
//! builtin ones) and raises ModuleNotFoundError otherwise.

pub mod imp;
pub mod marshal;

use crate::errors::PyResult;
use crate::eval::frame::FrameObject;
use crate::object::Obj;
use crate::types::{dict, int, none, str as pystr, tuple};

/// IMPORT_NAME: calls `builtins.__import__` like CPython.
pub fn import_name(frm: &FrameObject, name: &Obj, fromlist: &Obj, level: &Obj) -> PyResult<Obj> {
    let builtins = unsafe { Obj::borrow_slot(&frm.builtins) };
    let imp = match dict::get_item_str(builtins, "__import__")? {
        Some(f) => f,
        None => crate::bail!(ImportError, "__import__ not found"),
    };
    let globals = unsafe { Obj::borrow_slot(&frm.globals) }.clone();
    let locals = if frm.locals.is_null() { none::none() } else { unsafe { Obj::from_borrowed(frm.locals) } };
    crate::ops::call::call(&imp, &[name.clone(), globals, locals, fromlist.clone(), level.clone()], None)
}

/// `__import__(name, globals, locals, fromlist, level)`.
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
            Some(g) if dict::is_dict(g) => dict::get_item_str(g, "__package__")?.filter(|p| !none::is_none(p)),
            _ => None,
        };
        match package {
            Some(p) => {
                let p = pystr::to_string_lossy(&p);
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
    let modules = crate::interp::modules();
    let top = full.split('.').next().unwrap().to_owned();
    let m = match dict::get_item_str(&modules, &full)? {
        Some(m) if !none::is_none(&m) => m,
        None if crate::modules::is_builtin(&full) => {
            let m = crate::modules::create_builtin(&full)?;
            dict::set_item_str(&modules, &full, &m)?;
            m
        }
        _ => {
            let e = crate::raise!(ModuleNotFoundError, "No module named '{}'", full);
            if let Some(v) = unsafe { crate::object::opt_from_borrowed(crate::errors::peek()) } {
                crate::types::exceptions::set_field(&v, "name", Some(pystr::new(&full)));
            }
            return Err(e);
        }
    };
    let has_fromlist = fromlist.map(|f| !none::is_none(f) && crate::ops::truthy(f).unwrap_or(false)).unwrap_or(false);
    if has_fromlist || level > 0 && !full.contains('.') {
        return Ok(m);
    }
    match dict::get_item_str(&modules, &top)? {
        Some(t) => Ok(t),
        None => Ok(m),
    }
}

/// IMPORT_FROM: `from m import name`.
pub fn import_from(m: &Obj, name: &Obj) -> PyResult<Obj> {
    match crate::ops::attr::getattr_opt(m, name)? {
        Some(v) => Ok(v),
        None => {
            let mname = crate::ops::attr::getattr_opt(m, &pystr::intern("__name__"))?
                .filter(|n| pystr::is_str(n))
                .map(|n| pystr::to_string_lossy(&n));
            // A submodule already imported under its full name.
            if let Some(mn) = &mname {
                let full = format!("{}.{}", mn, pystr::to_string_lossy(name));
                if let Some(sub) = dict::get_item_str(&crate::interp::modules(), &full)? {
                    return Ok(sub);
                }
            }
            let msg = match &mname {
                Some(mn) => format!("cannot import name '{}' from '{}' (unknown location)", pystr::to_string_lossy(name), mn),
                None => format!("cannot import name '{}' from '<unknown module name>' (unknown location)", pystr::to_string_lossy(name)),
            };
            Err(crate::errors::raise(crate::types::exceptions::ImportError(), msg))
        }
    }
}

/// IMPORT_STAR: copies public names (or `__all__`) into the frame's locals.
pub fn import_star(frm: &FrameObject, m: &Obj) -> PyResult<()> {
    if frm.locals.is_null() {
        crate::bail!(SystemError, "no locals found during 'import *'");
    }
    let locals = unsafe { Obj::borrow_slot(&frm.locals) };
    let (names, check_private) = match crate::ops::attr::getattr_opt(m, &pystr::intern("__all__"))? {
        Some(all) => (crate::ops::seq::to_vec(&all)?, false),
        None => {
            let d = crate::ops::attr::getattr(m, &pystr::intern("__dict__"))?;
            (crate::ops::seq::to_vec(&crate::ops::attr::call_method(&d, "keys", &[])?)?, true)
        }
    };
    for n in names {
        if !pystr::is_str(&n) {
            crate::bail!(TypeError, "Item in {}.__all__ must be str, not {}", "module", n.ty().name());
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
