//! Calling objects: vectorcall when the type supports it, tp_call otherwise.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, VectorcallFunc};
use crate::types::{dict, str as pystr, tuple};
use std::ptr::null_mut;

/// Calls `f` with positional args then keyword values; `kwnames` is the tuple
/// of keyword names (the last `len(kwnames)` of `args`), as vectorcall.
pub fn call(f: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let t = f.ty();
    let kwnames = kwnames.filter(|k| tuple::len(k) > 0);
    if t.has_flag(tpflags::HAVE_VECTORCALL) && t.tp_vectorcall_offset > 0 {
        let vc = unsafe { *((f.as_ptr() as *mut u8).offset(t.tp_vectorcall_offset) as *const Option<VectorcallFunc>) };
        if let Some(vc) = vc {
            let nkw = kwnames.map(tuple::len).unwrap_or(0);
            // Like CPython, a vectorcall is not counted against the
            // recursion limit: the frames it runs are.
            let r = unsafe {
                vc(
                    f.as_ptr(),
                    args.as_ptr() as *const *mut PyObject,
                    args.len() - nkw,
                    kwnames.map(|k| k.as_ptr()).unwrap_or(null_mut()),
                )
            };
            return unsafe { crate::types::slots::from_ret(r) };
        }
    }
    match t.tp_call {
        Some(c) => {
            let (targs, kw) = vector_to_tuple_dict(args, kwnames)?;
            crate::ops::enter_recursive_call(" while calling a Python object")?;
            let r = unsafe { c(f.as_ptr(), targs.as_ptr(), kw.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut())) };
            crate::ops::leave_recursive_call();
            unsafe { crate::types::slots::from_ret(r) }
        }
        None => crate::bail!(TypeError, "'{}' object is not callable", t.name()),
    }
}

/// Calls with an args tuple and an optional kwargs dict (CALL_FUNCTION_EX).
pub fn call_tuple_dict(f: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = kwargs_to_vector(tuple::items(args), kwargs)?;
    call(f, &v, kn.as_ref())
}

/// Splits vectorcall arguments into an args tuple and a kwargs dict.
pub fn vector_to_tuple_dict(args: &[Obj], kwnames: Option<&Obj>) -> PyResult<(Obj, Option<Obj>)> {
    let nkw = kwnames.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let t = tuple::new(&args[..npos]);
    let kw = match kwnames {
        Some(k) if nkw > 0 => {
            let d = dict::new();
            for (i, key) in tuple::items(k).iter().enumerate() {
                dict::set_item(&d, key, &args[npos + i])?;
            }
            Some(d)
        }
        _ => None,
    };
    Ok((t, kw))
}

/// Joins positional args and a kwargs dict into vectorcall form.
pub fn kwargs_to_vector(args: &[Obj], kwargs: Option<&Obj>) -> PyResult<(Vec<Obj>, Option<Obj>)> {
    let mut v = args.to_vec();
    match kwargs {
        Some(d) if dict::len(d) > 0 => {
            let mut names = Vec::with_capacity(dict::len(d));
            for (k, val) in dict::items_vec(d) {
                if !pystr::is_str(&k) {
                    crate::bail!(TypeError, "keywords must be strings");
                }
                names.push(k);
                v.push(val);
            }
            Ok((v, Some(tuple::from_vec(names))))
        }
        _ => Ok((v, None)),
    }
}

/// tp_call of types that implement vectorcall (PyVectorcall_Call).
pub unsafe extern "C" fn vectorcall_tp_call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let f = Obj::borrow_slot(&callable);
    let a = Obj::borrow_slot(&args);
    let kw = if kwargs.is_null() { None } else { Some(Obj::borrow_slot(&kwargs)) };
    let t = f.ty();
    let vc = *((callable as *mut u8).offset(t.tp_vectorcall_offset) as *const Option<VectorcallFunc>);
    let vc = match vc {
        Some(v) => v,
        None => {
            let _ = crate::raise!(TypeError, "'{}' object does not support vectorcall", t.name());
            return null_mut();
        }
    };
    match kwargs_to_vector(tuple::items(a), kw) {
        Ok((v, kn)) => {
            let nkw = kn.as_ref().map(tuple::len).unwrap_or(0);
            vc(callable, v.as_ptr() as *const *mut PyObject, v.len() - nkw, kn.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut()))
        }
        Err(_) => null_mut(),
    }
}

/// How CPython's call errors name a callable (`_PyObject_FunctionStr`):
/// "mod.qualname()", just "qualname()" for builtins, else `str(f)`.
/// Only used on error paths.
pub fn func_desc(f: &Obj) -> String {
    let get = |name: &str| match crate::ops::attr::getattr_opt(f, &pystr::intern(name)) {
        Ok(v) => v,
        Err(_) => {
            crate::errors::clear();
            None
        }
    };
    let Some(q) = get("__qualname__").filter(pystr::is_str) else {
        return match crate::ops::str_of(f) {
            Ok(s) => pystr::to_string_lossy(&s),
            Err(_) => {
                crate::errors::clear();
                format!("{} object", f.ty().name())
            }
        };
    };
    let q = pystr::to_string_lossy(&q);
    match get("__module__").filter(pystr::is_str).map(|m| pystr::to_string_lossy(&m)) {
        Some(m) if m != "builtins" => format!("{}.{}()", m, q),
        _ => format!("{}()", q),
    }
}
