//! `_warnings`: the warning machinery in Rust, as CPython's C module.
//!
//! The filter list, the "once" registry and the default action live here
//! and are shared with Lib/warnings.py, which imports them (`filters`,
//! `_onceregistry`, `_defaultaction`, `warn`, `warn_explicit`,
//! `_filters_mutated`) instead of running its pure-Python fallback. While
//! `warnings` is imported its attributes win (code may rebind
//! `warnings.filters`), and it shows the warning (`_showwarnmsg`); before
//! that a warning is written to sys.stderr here. Per-module registries
//! (`__warningregistry__`) remember what was shown and are reset when the
//! filters change (`_filters_mutated` bumps a version).

use crate::errors::PyResult;
use crate::gil::GilCell;
use crate::object::{Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{method, parse_args, MethodSpec};
use crate::types::exceptions as exc;
use crate::types::{bool_, dict, int, list, module, none, str as pystr, tuple};
use std::cell::{Cell, OnceCell};

struct State {
    /// The filter list last seen (`warnings.filters` when imported), so
    /// that deleting that attribute keeps the filters in force.
    filters: std::cell::RefCell<Obj>,
    once_registry: Obj,
    default_action: Obj,
}

static STATE: GilCell<OnceCell<State>> = GilCell::new(OnceCell::new());
static FILTERS_VERSION: GilCell<Cell<i64>> = GilCell::new(Cell::new(0));

fn type_obj(t: *mut PyTypeObject) -> Obj {
    unsafe { Obj::from_borrowed(t as *mut PyObject) }
}

/// CPython's default filters (a release build): DeprecationWarning shown
/// in `__main__` only; Deprecation, PendingDeprecation, Import and
/// Resource warnings ignored elsewhere.
fn state() -> &'static State {
    STATE.with(|c| {
        let s = c.get_or_init(|| {
            let f = |action: &str, cat: *mut PyTypeObject, module: Option<&str>| {
                let m = module.map(pystr::new).unwrap_or_else(none::none);
                tuple::new(&[pystr::intern(action), none::none(), type_obj(cat), m, int::from_i64(0)])
            };
            let filters = list::from_vec(vec![
                f("default", exc::DeprecationWarning(), Some("__main__")),
                f("ignore", exc::DeprecationWarning(), None),
                f("ignore", exc::PendingDeprecationWarning(), None),
                f("ignore", exc::ImportWarning(), None),
                f("ignore", exc::ResourceWarning(), None),
            ]);
            State { filters: std::cell::RefCell::new(filters), once_registry: dict::new(), default_action: pystr::intern_static("default") }
        });
        // SAFETY: the cell lives in a static and is set once.
        unsafe { &*(s as *const State) }
    })
}

/// `warnings.<name>` if the Python module is imported (None if not).
pub fn python_warnings(name: &str) -> PyResult<Option<Obj>> {
    let Some(w) = dict::get_item_str(&crate::interp::modules(), "warnings")? else { return Ok(None) };
    if !module::is_module(&w) {
        return Ok(None);
    }
    crate::ops::attr::getattr_opt(&w, &pystr::intern(name))
}

/// `warnings.<name>`, importing the module first when `import` is set.
fn warnings_attr(name: &str, import: bool) -> PyResult<Option<Obj>> {
    if import {
        crate::import::import_module_level(&pystr::intern_static("warnings"), None, None, 0)?;
    }
    python_warnings(name)
}

fn filters() -> PyResult<Obj> {
    if let Some(f) = python_warnings("filters")? {
        *state().filters.borrow_mut() = f;
    }
    let f = state().filters.borrow().clone();
    if !list::is_list(&f) {
        crate::bail!(ValueError, "_warnings.filters must be a list");
    }
    Ok(f)
}

fn default_action() -> PyResult<Obj> {
    match python_warnings("defaultaction")? {
        Some(a) if pystr::is_str(&a) => Ok(a),
        Some(a) => crate::bail!(TypeError, "warnings.defaultaction must be a string, not '{}'", a.ty().full_name()),
        None => Ok(state().default_action.clone()),
    }
}

fn once_registry() -> PyResult<Obj> {
    match python_warnings("onceregistry")? {
        Some(r) if dict::is_dict(&r) => Ok(r),
        Some(r) => crate::bail!(TypeError, "warnings.onceregistry must be a dict, not '{}'", r.ty().full_name()),
        None => Ok(state().once_registry.clone()),
    }
}

/// A filter's message or module part against `arg`: None matches all, a
/// plain str (the built-in defaults) must be equal, else a regex's match().
fn matched(pattern: &Obj, arg: &Obj) -> PyResult<bool> {
    if none::is_none(pattern) {
        return Ok(true);
    }
    if pystr::is_exact_str(pattern) {
        return crate::ops::eq(pattern, arg);
    }
    let r = crate::ops::attr::call_method(pattern, "match", &[arg.clone()])?;
    crate::ops::truthy(&r)
}

/// The action of the first filter that applies, and that filter (None for the default action).
fn get_filter(category: &Obj, text: &Obj, lineno: i64, module: &Obj) -> PyResult<(Obj, Obj)> {
    let fl = filters()?;
    let mut i = 0;
    while i < list::len(&fl) {
        let item = list::get(&fl, i);
        if !tuple::is_tuple(&item) || tuple::len(&item) != 5 {
            crate::bail!(ValueError, "_warnings.filters item {} isn't a 5-tuple", i);
        }
        let part = |k: usize| tuple::items(&item)[k].clone();
        let action = part(0);
        if !pystr::is_str(&action) {
            crate::bail!(TypeError, "action must be a string, not '{}'", action.ty().full_name());
        }
        let good_msg = matched(&part(1), text)?;
        let good_mod = matched(&part(3), module)?;
        let is_sub = crate::ops::isinstance::issubclass(category, &part(2))?;
        let ln = int::as_isize_or_overflow(&part(4))? as i64;
        if good_msg && is_sub && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action, item));
        }
        i += 1;
    }
    Ok((default_action()?, none::none()))
}

/// Whether `key` is marked in `registry` (reset first when the filters
/// changed since it was filled); marks it when `set`.
fn already_warned(registry: &Obj, key: &Obj, set: bool) -> PyResult<bool> {
    let version = FILTERS_VERSION.with(|v| v.get());
    let current = dict::get_item_str(registry, "version")?;
    let fresh = current.as_ref().is_some_and(|v| int::is_exact_int(v) && int::as_isize_or_overflow(v).ok() == Some(version as isize));
    if !fresh {
        dict::clear(registry);
        dict::set_item_str(registry, "version", &int::from_i64(version))?;
    } else if let Some(seen) = dict::get_item(registry, key)? {
        if crate::ops::truthy(&seen)? {
            return Ok(true);
        }
    }
    if set {
        dict::set_item(registry, key, &bool_::from_bool(true))?;
    }
    Ok(false)
}

fn update_registry(registry: &Obj, text: &Obj, category: &Obj) -> PyResult<bool> {
    already_warned(registry, &tuple::new(&[text.clone(), category.clone()]), true)
}

/// The module a warning without one is credited to: its file name without `.py`.
fn normalize_module(filename: &Obj) -> Obj {
    let s = pystr::to_string_lossy(filename);
    if s.is_empty() {
        return pystr::new("<unknown>");
    }
    match s.strip_suffix(".py") {
        Some(m) => pystr::new(m),
        None => filename.clone(),
    }
}

/// "filename:lineno: Category: text" and the source line, on sys.stderr
/// (the `warnings` module is not imported).
fn show_warning(filename: &Obj, lineno: i64, text: &Obj, category: &Obj, sourceline: Option<&Obj>) -> PyResult<()> {
    let name = crate::ops::attr::getattr(category, &pystr::intern_static("__name__"))?;
    let Some(err) = crate::modules::sys::get_attr("stderr").filter(|e| !none::is_none(e)) else {
        eprintln!("lost sys.stderr");
        return Ok(());
    };
    let line = match sourceline {
        Some(l) => Some(pystr::to_string_lossy(l)),
        None => std::fs::read_to_string(pystr::to_string_lossy(filename))
            .ok()
            .and_then(|src| src.lines().nth((lineno as usize).wrapping_sub(1)).map(str::to_string)),
    };
    let mut out = format!(
        "{}:{}: {}: {}\n",
        pystr::to_string_lossy(filename),
        lineno,
        pystr::to_string_lossy(&crate::ops::str_of(&name)?),
        pystr::to_string_lossy(&crate::ops::str_of(text)?)
    );
    if let Some(l) = line {
        out.push_str(&format!("  {}\n", l.trim_start_matches([' ', '\t', '\x0c'])));
    }
    crate::ops::attr::call_method(&err, "write", &[pystr::new(&out)])?;
    Ok(())
}

/// Shows the warning through `warnings._showwarnmsg` when the module is
/// there (imported for a warning with a `source`), else on sys.stderr.
#[allow(clippy::too_many_arguments)]
fn call_show_warning(category: &Obj, text: &Obj, message: &Obj, filename: &Obj, lineno: i64, sourceline: Option<&Obj>, source: Option<&Obj>) -> PyResult<()> {
    let Some(show) = warnings_attr("_showwarnmsg", source.is_some())? else {
        return show_warning(filename, lineno, text, category, sourceline);
    };
    if !crate::builtins::is_callable(&show) {
        crate::bail!(TypeError, "warnings._showwarnmsg() must be set to a callable");
    }
    let Some(cls) = python_warnings("WarningMessage")? else {
        crate::bail!(RuntimeError, "unable to get warnings.WarningMessage");
    };
    let src = source.cloned().unwrap_or_else(none::none);
    let msg = crate::ops::call::call(&cls, &[message.clone(), category.clone(), filename.clone(), int::from_i64(lineno), none::none(), none::none(), src], None)?;
    crate::ops::call::call(&show, &[msg], None)?;
    Ok(())
}

/// CPython's warn_explicit: filters, registries, then showing.
#[allow(clippy::too_many_arguments)]
fn do_warn_explicit(
    category: &Obj,
    message: &Obj,
    filename: &Obj,
    lineno: i64,
    module: Option<&Obj>,
    registry: Option<&Obj>,
    sourceline: Option<&Obj>,
    source: Option<&Obj>,
) -> PyResult<()> {
    let module = module.cloned().unwrap_or_else(|| normalize_module(filename));
    let (text, category, message) = if crate::ops::isinstance::isinstance(message, &type_obj(exc::Warning()))? {
        (crate::ops::str_of(message)?, message.get_type(), message.clone())
    } else {
        let m = crate::ops::call::call(category, &[message.clone()], None)?;
        (message.clone(), category.clone(), m)
    };
    let key = tuple::new(&[text.clone(), category.clone(), int::from_i64(lineno)]);
    let registry = registry.filter(|r| !none::is_none(r));
    if let Some(r) = registry {
        if already_warned(r, &key, false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(&category, &text, lineno, &module)?;
    let act = pystr::to_string_lossy(&action);
    if act == "error" {
        return Err(crate::errors::raise_value(message));
    }
    if act == "ignore" {
        return Ok(());
    }
    let mut warned = false;
    if act != "always" {
        if let Some(r) = registry {
            dict::set_item(r, &key, &bool_::from_bool(true))?;
        }
        match act.as_str() {
            "once" => {
                let r = match registry {
                    Some(r) => r.clone(),
                    None => once_registry()?,
                };
                warned = update_registry(&r, &text, &category)?;
            }
            "module" => {
                if let Some(r) = registry {
                    warned = update_registry(r, &text, &category)?;
                }
            }
            "default" => {}
            _ => {
                let a = crate::ops::repr(&action).map(|s| pystr::to_string_lossy(&s))?;
                let i = crate::ops::repr(&item).map(|s| pystr::to_string_lossy(&s))?;
                crate::bail!(RuntimeError, "Unrecognized action ({}) in warnings.filters:\n {}", a, i);
            }
        }
    }
    if warned {
        return Ok(());
    }
    call_show_warning(&category, &text, &message, filename, lineno, sourceline, source)
}

/// importlib's frames are skipped when counting `stacklevel`.
fn is_internal_frame(f: &Obj) -> bool {
    let fr = crate::eval::frame::frame_mut(f);
    let c = crate::types::code::code(fr.code_obj());
    let name = pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.filename) });
    name.contains("importlib") && name.contains("_bootstrap")
}

fn back(f: &Obj) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(crate::eval::frame::frame_mut(f).f_back) }
}

/// (filename, lineno, module, registry) of the frame `stacklevel` up.
fn setup_context(stacklevel: isize) -> PyResult<(Obj, i64, Obj, Obj)> {
    let mut f = crate::eval::current_frame();
    let mut level = stacklevel;
    if level <= 0 || f.as_ref().is_some_and(is_internal_frame) {
        while {
            level -= 1;
            level > 0
        } {
            f = match &f {
                Some(x) => back(x),
                None => break,
            };
        }
    } else {
        while {
            level -= 1;
            level > 0
        } {
            let Some(x) = &f else { break };
            let mut n = back(x);
            while n.as_ref().is_some_and(is_internal_frame) {
                n = back(n.as_ref().unwrap());
            }
            f = n;
        }
    }
    let (globals, filename, lineno) = match &f {
        Some(fr) => {
            let frm = crate::eval::frame::frame_mut(fr);
            let c = crate::types::code::code(frm.code_obj());
            let filename = unsafe { Obj::borrow_slot(&c.filename) }.clone();
            let g = unsafe { Obj::borrow_slot(&frm.globals) }.clone();
            (g, filename, crate::eval::frame::line_of(fr) as i64)
        }
        None => {
            let sys = crate::modules::sys::sys_module().map(|m| module::dict_of(&m)).unwrap_or_else(dict::new);
            (sys, pystr::new("sys"), 1)
        }
    };
    let registry = match dict::get_item_str(&globals, "__warningregistry__")? {
        Some(r) => r,
        None => {
            let r = dict::new();
            dict::set_item_str(&globals, "__warningregistry__", &r)?;
            r
        }
    };
    let module = match dict::get_item_str(&globals, "__name__")? {
        Some(m) if none::is_none(&m) || pystr::is_str(&m) => m,
        _ => pystr::new("<string>"),
    };
    Ok((filename, lineno, module, registry))
}

fn category_of(message: &Obj, category: Option<&Obj>) -> PyResult<Obj> {
    if crate::ops::isinstance::isinstance(message, &type_obj(exc::Warning()))? {
        return Ok(message.get_type());
    }
    let c = match category {
        None => return Ok(type_obj(exc::UserWarning())),
        Some(c) if none::is_none(c) => return Ok(type_obj(exc::UserWarning())),
        Some(c) => c.clone(),
    };
    let ok = crate::types::type_::is_type(&c) && crate::ops::isinstance::issubclass(&c, &type_obj(exc::Warning()))?;
    if !ok {
        crate::bail!(TypeError, "category must be a Warning subclass, not '{}'", c.ty().full_name());
    }
    Ok(c)
}

fn do_warn(message: &Obj, category: &Obj, stacklevel: isize, source: Option<&Obj>) -> PyResult<()> {
    let (filename, lineno, module, registry) = setup_context(stacklevel)?;
    do_warn_explicit(category, message, &filename, lineno, Some(&module), Some(&registry), None, source)
}

/// PyErr_WarnEx: a warning from Rust code, `stacklevel` 1 being the
/// Python frame that called into it.
pub fn warn(category: *mut PyTypeObject, msg: &str, stacklevel: usize) -> PyResult<()> {
    do_warn(&pystr::new(msg), &type_obj(category), stacklevel as isize, None)
}

/// A warning from a native module's initialization, shown at the import
/// statement that loaded it: the first frame outside importlib's (where
/// CPython's deprecated C modules land theirs).
pub fn warn_from_importer(category: *mut PyTypeObject, msg: &str) -> PyResult<()> {
    let mut level = 1;
    let mut f = crate::eval::current_frame();
    while let Some(x) = f.as_ref().filter(|x| is_internal_frame(x)) {
        f = back(x);
        level += 1;
    }
    warn(category, msg, level)
}

/// PyErr_WarnExplicit with no module or registry (the compiler's warnings).
pub fn warn_explicit(category: *mut PyTypeObject, msg: &str, filename: &str, lineno: u32) -> PyResult<()> {
    do_warn_explicit(&type_obj(category), &pystr::new(msg), &pystr::new(filename), lineno as i64, None, None, None, None)
}

// ---------------------------------------------------------------------------
// The module.

fn w_warn(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("warn", args, kw, &["message", "category", "stacklevel", "source"], 1, 0)?;
    let message = a[0].clone().unwrap();
    let category = category_of(&message, a[1].as_ref())?;
    let stacklevel = match &a[2] {
        Some(s) => int::as_isize_or_overflow(&int::index(s)?)?,
        None => 1,
    };
    let source = a[3].as_ref().filter(|s| !none::is_none(s));
    do_warn(&message, &category, stacklevel, source)?;
    Ok(none::none())
}

/// The source line `lineno` of the module whose globals are given, from its
/// loader's get_source (None when there is no loader or no source).
fn source_line(globals: &Obj, lineno: i64) -> PyResult<Option<Obj>> {
    let Some(loader) = dict::get_item_str(globals, "__loader__")? else { return Ok(None) };
    let Some(name) = dict::get_item_str(globals, "__name__")? else { return Ok(None) };
    let src = crate::ops::attr::call_method(&loader, "get_source", &[name])?;
    if none::is_none(&src) {
        return Ok(None);
    }
    if !pystr::is_str(&src) {
        crate::bail!(TypeError, "must be str, not {}", src.ty().name());
    }
    // str's own line splitting, whatever a subclass's splitlines() says.
    let text = pystr::to_string_lossy(&src);
    let breaks = ['\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\u{85}', '\u{2028}', '\u{2029}'];
    let mut lines = Vec::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        match rest.find(breaks) {
            Some(at) => {
                lines.push(&rest[..at]);
                let skip = if rest[at..].starts_with("\r\n") { 2 } else { rest[at..].chars().next().map_or(1, char::len_utf8) };
                rest = &rest[at + skip..];
            }
            None => {
                lines.push(rest);
                rest = "";
            }
        }
    }
    match usize::try_from(lineno - 1).ok().and_then(|i| lines.get(i)) {
        Some(l) => Ok(Some(pystr::new(l))),
        None => crate::bail!(IndexError, "list index out of range"),
    }
}

fn w_warn_explicit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let names = ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"];
    let a = parse_args("warn_explicit", args, kw, &names, 4, 0)?;
    let message = a[0].clone().unwrap();
    let category = a[1].clone().unwrap();
    let filename = a[2].clone().unwrap();
    if !pystr::is_str(&filename) {
        crate::bail!(TypeError, "warn_explicit() argument 3 must be str, not {}", filename.ty().name());
    }
    let lineno = int::as_isize_or_overflow(&int::index(a[3].as_ref().unwrap())?)? as i64;
    let registry = a[5].as_ref();
    if let Some(r) = registry {
        if !none::is_none(r) && !dict::is_dict(r) {
            crate::bail!(TypeError, "'registry' must be a dict or None");
        }
    }
    let mut sourceline = None;
    if let Some(g) = a[6].as_ref().filter(|g| !none::is_none(g)) {
        if !dict::is_dict(g) {
            crate::bail!(TypeError, "module_globals must be a dict, not '{}'", g.ty().full_name());
        }
        sourceline = source_line(g, lineno)?;
    }
    let source = a[7].as_ref().filter(|s| !none::is_none(s));
    do_warn_explicit(&category, &message, &filename, lineno, a[4].as_ref(), registry, sourceline.as_ref(), source)?;
    Ok(none::none())
}

fn w_filters_mutated(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("_filters_mutated", args, kw, 0, 0)?;
    FILTERS_VERSION.with(|v| v.set(v.get() + 1));
    Ok(none::none())
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_warnings")?;
    let d = module::dict_of(&m);
    let fs: Vec<MethodSpec> = vec![method("warn", w_warn), method("warn_explicit", w_warn_explicit), method("_filters_mutated", w_filters_mutated)];
    crate::types::builtin_func::add_functions(&d, &m, &fs)?;
    let s = state();
    dict::set_item_str(&d, "filters", &s.filters.borrow())?;
    dict::set_item_str(&d, "_onceregistry", &s.once_registry)?;
    dict::set_item_str(&d, "_defaultaction", &s.default_action)?;
    Ok(m)
}
