//! `aiter()` and `anext()`, and the `anext_awaitable` that `anext(it,
//! default)` returns: it forwards to the iterator's `__anext__` awaitable and
//! turns its StopAsyncIteration into the default value.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyAsyncMethods, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::exceptions as exc;
use crate::types::{generator, type_};
use std::ptr::null_mut;

#[repr(C)]
pub struct AnextAwaitable {
    pub ob_base: PyObject,
    pub wrapped: *mut PyObject,
    pub default: *mut PyObject,
}

#[no_mangle]
pub static mut _PyAnextAwaitable_Type: PyTypeObject = PyTypeObject::EMPTY;
static mut ANEXT_ASYNC: PyAsyncMethods = PyAsyncMethods::EMPTY;

fn am_slot<T>(o: &Obj, f: impl Fn(&PyAsyncMethods) -> Option<T>) -> Option<T> {
    let t = o.ty();
    if t.tp_as_async.is_null() {
        None
    } else {
        f(unsafe { &*t.tp_as_async })
    }
}

pub fn b_aiter(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("aiter", args, kw, 1, 1)?;
    let o = &args[0];
    let Some(f) = am_slot(o, |a| a.am_aiter) else {
        crate::bail!(TypeError, "'{}' object is not an async iterable", o.ty().name());
    };
    let it = unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? };
    if am_slot(&it, |a| a.am_anext).is_none() {
        crate::bail!(TypeError, "aiter() returned not an async iterator of type '{}'", it.ty().name());
    }
    Ok(it)
}

pub fn b_anext(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("anext", args, kw, 1, 2)?;
    let it = &args[0];
    let Some(f) = am_slot(it, |a| a.am_anext) else {
        crate::bail!(TypeError, "'{}' object is not an async iterator", it.ty().name());
    };
    let awaitable = unsafe { crate::types::slots::from_ret(f(it.as_ptr()))? };
    let Some(default) = args.get(1) else {
        return Ok(awaitable);
    };
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyAnextAwaitable_Type, 0) as *mut AnextAwaitable;
        (*p).wrapped = awaitable.into_raw();
        (*p).default = default.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn fields(o: &Obj) -> &AnextAwaitable {
    unsafe { o.cast::<AnextAwaitable>() }
}

/// The iterator behind the wrapped awaitable (looked up at each step, as
/// CPython does).
fn awaitable_iter(o: &Obj) -> PyResult<Obj> {
    let wrapped = unsafe { Obj::borrow_slot(&fields(o).wrapped) };
    let it = generator::get_awaitable(wrapped, 0)?;
    if it.ty().tp_iternext.is_some() {
        return Ok(it);
    }
    // A coroutine: step it through its __await__ iterator.
    match am_slot(&it, |a| a.am_await) {
        Some(f) => unsafe { crate::types::slots::from_ret(f(it.as_ptr())) },
        None => crate::bail!(TypeError, "__await__ returned a non-iterable"),
    }
}

/// A StopAsyncIteration from the wrapped awaitable means "no more items":
/// the await then gives the default.
fn finish(r: PyResult<Obj>, o: &Obj) -> PyResult<Obj> {
    match r {
        Err(e) if crate::errors::matches(exc::StopAsyncIteration()) => {
            drop(e);
            crate::errors::clear();
            let default = unsafe { Obj::from_borrowed(fields(o).default) };
            Err(crate::errors::raise_with(exc::StopIteration(), &[default]))
        }
        other => other,
    }
}

fn proxy(o: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let it = awaitable_iter(o)?;
    let r = if name == "__next__" {
        // The raw tp_iternext: its StopIteration carries the awaited
        // value, which must reach the awaiting frame.
        let Some(f) = it.ty().tp_iternext else {
            crate::bail!(TypeError, "'{}' object is not an iterator", it.ty().name());
        };
        let r = unsafe { f(it.as_ptr()) };
        if r.is_null() {
            if crate::errors::occurred() {
                Err(crate::errors::PyErr::already_set())
            } else {
                Err(crate::errors::raise_empty(exc::StopIteration()))
            }
        } else {
            Ok(unsafe { Obj::from_owned(r) })
        }
    } else {
        crate::ops::attr::call_method(&it, name, args)
    };
    finish(r, o)
}

fn aw_next(o: &Obj) -> PyResult<Obj> {
    proxy(o, "__next__", &[])
}

unsafe extern "C" fn aw_iternext(p: *mut PyObject) -> *mut PyObject {
    crate::types::slots::ret(aw_next(Obj::borrow_slot(&p)))
}

fn m_send(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("anext_awaitable.send", args, kw, 1, 1)?;
    proxy(slf, "send", args)
}

fn m_throw(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("anext_awaitable.throw", args, kw, 1, 3)?;
    proxy(slf, "throw", args)
}

fn m_close(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("anext_awaitable.close", args, kw, 0, 0)?;
    proxy(slf, "close", &[])
}

fn self_await(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}
crate::unary_slot!(self_await_slot => self_await);

unsafe extern "C" fn aw_dealloc(p: *mut PyObject) {
    let a = &mut *(p as *mut AnextAwaitable);
    crate::object::xdecref(std::mem::replace(&mut a.wrapped, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut a.default, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn aw_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let a = &*(p as *mut AnextAwaitable);
    for f in [a.wrapped, a.default] {
        if !f.is_null() {
            let r = visit(f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub fn init_types() {
    unsafe {
        let t = &raw mut _PyAnextAwaitable_Type;
        type_::init_static(t, "anext_awaitable", std::mem::size_of::<AnextAwaitable>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(aw_dealloc);
        (*t).tp_traverse = Some(aw_traverse);
        (*t).tp_iter = Some(crate::types::iter::self_iter);
        (*t).tp_iternext = Some(aw_iternext);
        (*(&raw mut ANEXT_ASYNC)).am_await = Some(self_await_slot);
        (*t).tp_as_async = &raw mut ANEXT_ASYNC;
        (*t).tp_methods = method_table(&[method("send", m_send), method("throw", m_throw), method("close", m_close)]);
    }
}
