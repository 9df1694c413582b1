//! Raising and catching exceptions from Rust.
//!
//! As in CPython, the exception being raised lives in the thread state
//! (`curexc_*`), so C extensions and Rust code see the same thing. A Rust
//! function that fails returns `Err(PyErr)`, a marker saying "the exception is
//! set"; the C ABI turns it into NULL/-1 and back.

use crate::object::{opt_from_owned, xsetref, Obj, PyObject, PyTypeObject};
use crate::threadstate::tstate;
use crate::types::exceptions as exc;

/// Marker: an exception is set in the thread state.
#[derive(Debug)]
#[must_use]
pub struct PyErr {
    _private: (),
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// For code that knows an exception is already set (e.g. a C slot returned NULL).
    #[inline]
    pub fn already_set() -> PyErr {
        debug_assert!(occurred(), "PyErr::already_set with no exception set");
        PyErr { _private: () }
    }
}

/// Sets `value` (an exception instance) as the current exception.
pub fn set_value(value: Obj) -> PyErr {
    let ts = tstate();
    let tb = exc::get_traceback(&value);
    unsafe {
        xsetref(&mut ts.py.curexc_type, value.get_type().into_raw());
        xsetref(
            &mut ts.py.curexc_traceback,
            tb.map(Obj::into_raw).unwrap_or(std::ptr::null_mut()),
        );
        xsetref(&mut ts.py.curexc_value, value.into_raw());
    }
    PyErr { _private: () }
}

/// Raises `tp(msg)`.
pub fn raise(tp: *mut PyTypeObject, msg: impl AsRef<str>) -> PyErr {
    let msg = crate::types::str::new(msg.as_ref());
    raise_with(tp, &[msg])
}

/// Raises `tp(*args)`; if creating the exception fails, that failure is raised.
/// Like every new exception, it is chained to the one being handled.
pub fn raise_with(tp: *mut PyTypeObject, args: &[Obj]) -> PyErr {
    match exc::new_exception(tp, args) {
        Ok(e) => raise_value(e),
        Err(e) => e,
    }
}

/// Raises `tp()` with no arguments.
pub fn raise_empty(tp: *mut PyTypeObject) -> PyErr {
    raise_with(tp, &[])
}

#[inline]
pub fn occurred() -> bool {
    !tstate().py.curexc_value.is_null() || !tstate().py.curexc_type.is_null()
}

/// Takes the current exception (instance), clearing it.
pub fn fetch() -> Option<Obj> {
    let ts = tstate();
    unsafe {
        let v = std::mem::replace(&mut ts.py.curexc_value, std::ptr::null_mut());
        let t = std::mem::replace(&mut ts.py.curexc_type, std::ptr::null_mut());
        let tb = std::mem::replace(&mut ts.py.curexc_traceback, std::ptr::null_mut());
        let v = opt_from_owned(v);
        let t = opt_from_owned(t);
        let tb = opt_from_owned(tb);
        match v {
            Some(v) if exc::is_exception_instance(&v) => {
                // Keep a traceback set through PyErr_Restore by C code.
                if let Some(tb) = tb {
                    exc::set_traceback(&v, Some(tb));
                }
                Some(v)
            }
            other => {
                // Unnormalized (C code set a type and maybe a value): build the instance.
                let t = t?;
                let args: Vec<Obj> = match other {
                    None => vec![],
                    Some(v) if crate::types::tuple::is_tuple(&v) => {
                        crate::types::tuple::items(&v).to_vec()
                    }
                    Some(v) => vec![v],
                };
                match exc::new_exception(t.as_ptr() as *mut PyTypeObject, &args) {
                    Ok(e) => {
                        if let Some(tb) = tb {
                            exc::set_traceback(&e, Some(tb));
                        }
                        Some(e)
                    }
                    Err(_) => fetch(),
                }
            }
        }
    }
}

/// Takes the current exception; for callers that got `Err(PyErr)`.
pub fn take(_e: PyErr) -> Obj {
    fetch().expect("PyErr without an exception set")
}

/// Makes `value` current again (after `fetch`).
pub fn restore(value: Obj) -> PyErr {
    set_value(value)
}

/// The current exception, borrowed (null if none).
pub fn peek() -> *mut PyObject {
    tstate().py.curexc_value
}

/// Does the current exception match `tp` (isinstance)?
pub fn matches(tp: *mut PyTypeObject) -> bool {
    let v = peek();
    if v.is_null() {
        return false;
    }
    unsafe { crate::types::type_::is_subtype((*v).ob_type, tp) }
}

pub fn clear() {
    drop(fetch());
}

/// Runs `f` and, if it raised an exception matching `tp`, clears it and
/// returns `Ok(None)`.
pub fn catch<T>(tp: *mut PyTypeObject, r: PyResult<T>) -> PyResult<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if matches(tp) {
                clear();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `format!`-style raising: `raise!(TypeError, "bad {}", x)`.
#[macro_export]
macro_rules! raise {
    ($tp:ident, $($fmt:tt)*) => {
        $crate::errors::raise($crate::types::exceptions::$tp(), format!($($fmt)*))
    };
}

/// `Err(raise!(...))` as an expression returning from the function.
#[macro_export]
macro_rules! bail {
    ($tp:ident, $($fmt:tt)*) => {
        return Err($crate::raise!($tp, $($fmt)*))
    };
}

/// Raises `value` as a new exception (PyErr_SetObject): while another
/// exception is being handled, it becomes `value.__context__`, with cycles
/// broken as CPython does.
pub fn raise_value(value: Obj) -> PyErr {
    chain_to_handled(&value);
    set_value(value)
}

/// The exception being handled (borrowed, null if none): the innermost
/// entry of the thread's exception stack that holds one. A generator
/// that handles nothing itself sees its caller's (CPython's
/// `_PyErr_GetTopmostException`).
pub fn topmost_handled() -> *mut PyObject {
    let mut info = tstate().py.exc_info;
    unsafe {
        while !info.is_null() {
            let v = (*info).exc_value;
            if !v.is_null() && v != crate::types::none::none_ptr() {
                return v;
            }
            info = (*info).previous_item;
        }
    }
    std::ptr::null_mut()
}

/// Makes the exception being handled `value.__context__` (unless it is
/// `value` itself), cutting `value` out of its context chain first.
pub fn chain_to_handled(value: &Obj) {
    let handled = topmost_handled();
    if !handled.is_null() && handled != value.as_ptr() {
        let handled = unsafe { Obj::from_borrowed(handled) };
        // Cut `value` out of handled's context chain to avoid a cycle.
        let mut o = handled.clone();
        let mut steps = 0;
        while let Some(ctx) = exc::get_context(&o) {
            if ctx.is(value) {
                exc::set_context(&o, None);
                break;
            }
            o = ctx;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        exc::set_context(value, Some(handled));
    }
}

/// Issues a warning with the default filters: DeprecationWarning,
/// PendingDeprecationWarning, ImportWarning and ResourceWarning are ignored
/// (outside __main__), others print once per location to stderr.
pub fn warn(category: *mut PyTypeObject, msg: &str) -> PyResult<()> {
    crate::modules::warnings::warn(category, msg, 1)
}

/// Reports an exception that cannot be raised (e.g. from a weakref callback),
/// as sys.unraisablehook does by default.
pub fn write_unraisable(_e: PyErr, obj: Option<&Obj>) {
    write_unraisable_msg("Exception ignored in", obj);
}

/// The `__del__` flavour of `write_unraisable`.
pub fn write_unraisable_del(_e: PyErr, obj: Option<&Obj>) {
    write_unraisable_msg("Exception ignored in", obj);
}

/// Reports the current exception as unraisable (PyErr_WriteUnraisable):
/// through `sys.unraisablehook` when one is installed, else written to
/// stderr as `what: repr(obj)` and the traceback. "Exception ignored in"
/// is the plain case (the hook sees `err_msg=None`).
pub fn write_unraisable_msg(what: &str, obj: Option<&Obj>) {
    let exc_value = match fetch() {
        Some(v) => v,
        None => return,
    };
    let err_msg = if what == "Exception ignored in" { None } else { Some(what) };
    // As CPython: an exception that was never raised gets a traceback
    // entry for the frame that reports it.
    if exc::get_traceback(&exc_value).is_none() {
        if let Some(f) = crate::eval::current_frame() {
            let fr = crate::eval::frame::frame_mut(&f);
            let line = crate::types::code::line_at(fr.code_obj(), fr.lasti as usize);
            let tb = crate::types::traceback::new(None, &f, fr.lasti, line);
            exc::set_traceback(&exc_value, Some(tb));
        }
    }
    let sysd = crate::modules::sys::sys_module().map(|s| crate::types::module::dict_of(&s));
    let get = |n: &str| sysd.as_ref().and_then(|d| crate::types::dict::get_item_str(d, n).ok().flatten());
    let hook = get("unraisablehook");
    let default = match (&hook, get("__unraisablehook__")) {
        (Some(h), Some(d)) => h.is(&d),
        _ => true,
    };
    // The "sys.unraisablehook" audit event, with the hook (or None) and
    // the arguments it is given.
    // The UnraisableHookArgs the hook (and the audit event) is given.
    let hook_args = || {
        let none = crate::types::none::none;
        crate::modules::sys::unraisable_args(vec![
            exc_value.get_type(),
            exc_value.clone(),
            exc::get_traceback(&exc_value).unwrap_or_else(none),
            err_msg.map(crate::types::str::new).unwrap_or_else(none),
            obj.cloned().unwrap_or_else(none),
        ])
    };
    if crate::modules::sys::audit_active() {
        let none = crate::types::none::none;
        let r = hook_args().and_then(|a| crate::modules::sys::audit("sys.unraisablehook", &[hook.clone().unwrap_or_else(none), a]));
        if r.is_err() {
            if let Some(e) = fetch() {
                write_unraisable_default(Some("Exception ignored in audit hook"), None, &e);
            }
            return;
        }
    }
    if let Some(hook) = hook.filter(|h| !crate::types::none::is_none(h) && !default) {
        let r = hook_args().and_then(|a| crate::ops::call::call(&hook, &[a], None));
        if r.is_err() {
            if let Some(e) = fetch() {
                write_unraisable_default(Some("Exception ignored in sys.unraisablehook"), Some(&hook), &e);
            }
        }
        return;
    }
    write_unraisable_default(err_msg, obj, &exc_value);
}

/// The default hook's output on stderr.
pub fn write_unraisable_default(err_msg: Option<&str>, obj: Option<&Obj>, exc_value: &Obj) {
    let mut s = String::new();
    match (err_msg, obj) {
        (msg, Some(o)) => {
            let r = crate::ops::repr_string(o).unwrap_or_else(|_| {
                clear();
                format!("<{} object>", o.ty().name())
            });
            s.push_str(&format!("{}: {}\n", msg.unwrap_or("Exception ignored in"), r));
        }
        (Some(msg), None) => s.push_str(&format!("{}\n", msg)),
        (None, None) => {}
    }
    if exc::is_exception_instance(exc_value) {
        s.push_str(&crate::traceback_print::format_exception_as(exc_value, false));
    }
    crate::modules::sys::write_stderr(&s);
}
