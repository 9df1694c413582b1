//! Warnings issued from Rust, with CPython's default filters until the
//! `warnings`/`_warnings` modules land: DeprecationWarning,
//! PendingDeprecationWarning, ImportWarning and ResourceWarning are ignored
//! unless triggered in `__main__` (DeprecationWarning only); every other
//! warning prints once per (message, category, location).

use crate::errors::PyResult;
use crate::object::PyTypeObject;
use crate::types::exceptions as exc;
use crate::types::type_::is_subtype;
use std::collections::HashSet;
use std::sync::Mutex;

static SEEN: Mutex<Option<HashSet<(String, usize, String, u32)>>> = Mutex::new(None);

pub fn warn(category: *mut PyTypeObject, msg: &str, stacklevel: usize) -> PyResult<()> {
    if let Some(f) = python_warnings("warn")? {
        let cat = unsafe { Obj::from_borrowed(category as *mut crate::object::PyObject) };
        let args = [pystr::new(msg), cat, crate::types::int::from_i64(stacklevel as i64)];
        crate::ops::call::call(&f, &args, None)?;
        return Ok(());
    }
    let (filename, lineno, module) = match crate::eval::current_frame() {
        Some(f) => {
            let fr = crate::eval::frame::frame_mut(&f);
            let c = crate::types::code::code(fr.code_obj());
            let filename = crate::types::str::to_string_lossy(unsafe { crate::object::Obj::borrow_slot(&c.filename) });
            let line = crate::eval::frame::line_of(&f);
            let g = unsafe { crate::object::Obj::borrow_slot(&fr.globals) };
            let module = crate::types::dict::get_item_str(g, "__name__")?
                .map(|n| crate::types::str::to_string_lossy(&n))
                .unwrap_or_default();
            (filename, line, module)
        }
        None => ("sys".to_owned(), 1, String::new()),
    };
    let ignored_always = [exc::PendingDeprecationWarning(), exc::ImportWarning(), exc::ResourceWarning()];
    if ignored_always.iter().any(|t| is_subtype(category, *t)) {
        return Ok(());
    }
    if is_subtype(category, exc::DeprecationWarning()) && module != "__main__" {
        return Ok(());
    }
    let key = (msg.to_owned(), category as usize, filename.clone(), lineno);
    {
        let mut g = SEEN.lock().unwrap();
        let set = g.get_or_insert_with(HashSet::new);
        if !set.insert(key) {
            return Ok(());
        }
    }
    let name = unsafe { (*category).name().to_owned() };
    crate::modules::sys::write_stderr(&format!("{}:{}: {}: {}\n", filename, lineno, name, msg));
    Ok(())
}

/// A warning at an explicit place (CPython's PyErr_WarnExplicitObject with
/// no module or registry): through `warnings.warn_explicit` once the Python
/// module is loaded, else the default filters, under which only
/// `__main__` shows DeprecationWarnings and the module of an explicit
/// warning is its file name.
pub fn warn_explicit(category: *mut PyTypeObject, msg: &str, filename: &str, lineno: u32) -> PyResult<()> {
    if let Some(f) = python_warnings("warn_explicit")? {
        let cat = unsafe { Obj::from_borrowed(category as *mut crate::object::PyObject) };
        let args = [pystr::new(msg), cat, pystr::new(filename), crate::types::int::from_i64(lineno as i64)];
        crate::ops::call::call(&f, &args, None)?;
        return Ok(());
    }
    let ignored = [exc::DeprecationWarning(), exc::PendingDeprecationWarning(), exc::ImportWarning(), exc::ResourceWarning()];
    if ignored.iter().any(|t| is_subtype(category, *t)) {
        return Ok(());
    }
    let name = unsafe { (*category).name().to_owned() };
    crate::modules::sys::write_stderr(&format!("{}:{}: {}: {}\n", filename, lineno, name, msg));
    Ok(())
}

// ---------------------------------------------------------------------------
// The `_warnings` module. It offers `warn` and `warn_explicit` only: the
// `warnings` module then uses its own pure-Python filters (its documented
// fallback when `_warnings` lacks `filters`), and these two functions hand
// over to it once it is imported, so filters set in Python apply.

use crate::object::Obj;
use crate::types::builtin_func::{method, parse_args, MethodSpec};
use crate::types::{dict, module, none, str as pystr};

/// `warnings.<name>` if the Python module is loaded.
pub fn python_warnings(name: &str) -> PyResult<Option<Obj>> {
    let Some(w) = dict::get_item_str(&crate::interp::modules(), "warnings")? else { return Ok(None) };
    if !module::is_module(&w) {
        return Ok(None);
    }
    crate::ops::attr::getattr_opt(&w, &pystr::intern(name))
}

fn category_of(message: &Obj, category: Option<&Obj>) -> PyResult<Obj> {
    let warning = unsafe { Obj::from_borrowed(exc::UserWarning() as *mut crate::object::PyObject) };
    if crate::types::type_::is_subtype(message.type_ptr(), exc::Warning()) {
        return Ok(message.get_type());
    }
    match category {
        None => Ok(warning),
        Some(c) if none::is_none(c) => Ok(warning),
        Some(c) => {
            let ok = crate::types::type_::is_type(c)
                && is_subtype(c.as_ptr() as *mut PyTypeObject, exc::Warning());
            if !ok {
                crate::bail!(TypeError, "category must be a Warning subclass, not '{}'", c.ty().name());
            }
            Ok(c.clone())
        }
    }
}

fn w_warn(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("warn", args, kw, &["message", "category", "stacklevel", "source"], 1, 0)?;
    let message = a[0].clone().unwrap();
    let category = category_of(&message, a[1].as_ref())?;
    let stacklevel = match &a[2] {
        Some(s) => crate::types::int::index_isize(s)?,
        None => 1,
    };
    if let Some(f) = python_warnings("warn")? {
        let source = a[3].clone().unwrap_or_else(none::none);
        crate::ops::call::call(&f, &[message, category, crate::types::int::from_i64(stacklevel as i64), source], None)?;
        return Ok(none::none());
    }
    let text = crate::ops::str_of(&message).map(|s| pystr::to_string_lossy(&s))?;
    warn(category.as_ptr() as *mut PyTypeObject, &text, stacklevel.max(1) as usize)?;
    Ok(none::none())
}

fn w_warn_explicit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let names = ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"];
    let a = parse_args("warn_explicit", args, kw, &names, 4, 0)?;
    if let Some(f) = python_warnings("warn_explicit")? {
        let vals: Vec<Obj> = a.iter().map(|v| v.clone().unwrap_or_else(none::none)).collect();
        crate::ops::call::call(&f, &vals, None)?;
        return Ok(none::none());
    }
    let message = a[0].clone().unwrap();
    let category = category_of(&message, a[1].as_ref())?;
    let text = crate::ops::str_of(&message).map(|s| pystr::to_string_lossy(&s))?;
    let filename = crate::ops::str_of(a[2].as_ref().unwrap()).map(|s| pystr::to_string_lossy(&s))?;
    let lineno = crate::types::int::index_isize(a[3].as_ref().unwrap())?;
    let name = unsafe { (*(category.as_ptr() as *mut PyTypeObject)).name().to_owned() };
    crate::modules::sys::write_stderr(&format!("{}:{}: {}: {}\n", filename, lineno, name, text));
    Ok(none::none())
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_warnings")?;
    let d = module::dict_of(&m);
    let fs: Vec<MethodSpec> = vec![method("warn", w_warn), method("warn_explicit", w_warn_explicit)];
    crate::types::builtin_func::add_functions(&d, &m, &fs)?;
    Ok(m)
}
