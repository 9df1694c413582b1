//! Shared plumbing for this crate's object types: an object whose state is
//! a boxed Rust value (`NativeObject<T>`), with generic dealloc, traverse
//! and clear slots for the cycle collector, and small argument helpers.
//!
//! State is reached through `state::<T>(o)`; callers clone what they need
//! out of it before calling back into Python, so no borrow is held across
//! code that could reach the same object.

use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject, VisitProc};
use krait_runtime::types::{tuple, type_};
use krait_runtime::PyResult;
use std::os::raw::{c_int, c_void};
use std::ptr::null_mut;

/// What the collector needs from a state: every object reference it holds.
pub trait State: 'static {
    fn refs(&self, out: &mut Vec<*mut PyObject>);
}

#[repr(C)]
pub struct NativeObject<T> {
    pub ob_base: PyObject,
    pub state: *mut T,
    /// The instance `__dict__` of types that set tp_dictoffset to it.
    pub dict: *mut PyObject,
}

/// tp_dictoffset for types whose instances have a `__dict__`.
pub fn dict_offset<T>() -> isize {
    std::mem::offset_of!(NativeObject<T>, dict) as isize
}

/// Allocates an instance of `t` (or a subclass) holding `state`.
pub fn alloc<T: State>(t: *mut PyTypeObject, state: T) -> PyResult<Obj> {
    let o = type_::alloc_instance(t, 0)?;
    unsafe {
        let p = o.as_ptr() as *mut NativeObject<T>;
        (*p).state = Box::into_raw(Box::new(state));
    }
    Ok(o)
}

/// The state of `o`, None once the collector cleared it.
#[allow(clippy::mut_from_ref)]
pub fn state<T: State>(o: &Obj) -> Option<&mut T> {
    unsafe {
        let p = o.as_ptr() as *mut NativeObject<T>;
        (*p).state.as_mut()
    }
}

pub unsafe extern "C" fn dealloc<T: State>(p: *mut PyObject) {
    krait_runtime::object::xdecref(std::mem::replace(&mut (*(p as *mut NativeObject<T>)).dict, null_mut()));
    let s = std::mem::replace(&mut (*(p as *mut NativeObject<T>)).state, null_mut());
    if !s.is_null() {
        drop(Box::from_raw(s));
    }
    type_::free_instance(p);
}

pub unsafe extern "C" fn traverse<T: State>(p: *mut PyObject, visit: VisitProc, arg: *mut c_void) -> c_int {
    let d = (*(p as *mut NativeObject<T>)).dict;
    if !d.is_null() {
        let x = visit(d, arg);
        if x != 0 {
            return x;
        }
    }
    let s = (*(p as *mut NativeObject<T>)).state;
    if s.is_null() {
        return 0;
    }
    let mut v = Vec::new();
    (*s).refs(&mut v);
    for r in v {
        if !r.is_null() {
            let x = visit(r, arg);
            if x != 0 {
                return x;
            }
        }
    }
    0
}

pub unsafe extern "C" fn clear<T: State>(p: *mut PyObject) -> c_int {
    krait_runtime::object::xdecref(std::mem::replace(&mut (*(p as *mut NativeObject<T>)).dict, null_mut()));
    let s = std::mem::replace(&mut (*(p as *mut NativeObject<T>)).state, null_mut());
    if !s.is_null() {
        drop(Box::from_raw(s));
    }
    0
}

/// Prepares a static type whose instances are `NativeObject<T>`.
/// `basetype` allows subclassing.
pub unsafe fn init_type<T: State>(t: *mut PyTypeObject, name: &str, basetype: bool) {
    type_::init_static(t, name, std::mem::size_of::<NativeObject<T>>(), 0);
    (*t).tp_flags |= tpflags::HAVE_GC;
    if basetype {
        (*t).tp_flags |= tpflags::BASETYPE;
    } else {
        (*t).tp_flags &= !tpflags::BASETYPE;
    }
    (*t).tp_dealloc = Some(dealloc::<T>);
    (*t).tp_traverse = Some(traverse::<T>);
    (*t).tp_clear = Some(clear::<T>);
    (*t).tp_alloc = Some(type_::generic_alloc);
}

/// Readies `t` and returns it as an object.
pub fn ready(t: *mut PyTypeObject) -> PyResult<Obj> {
    type_::ready(t)?;
    Ok(type_::type_obj(t))
}

pub fn push(out: &mut Vec<*mut PyObject>, o: &Obj) {
    out.push(o.as_ptr());
}

pub fn push_opt(out: &mut Vec<*mut PyObject>, o: &Option<Obj>) {
    if let Some(o) = o {
        out.push(o.as_ptr());
    }
}

/// Exhaustion: a StopIteration with no value (the iternext slot turns it
/// into a plain NULL).
pub fn stop() -> krait_runtime::PyErr {
    krait_runtime::errors::raise_empty(krait_runtime::types::exceptions::StopIteration())
}

/// The iternext slot for a Rust `next` that returns Ok(None) at the end.
#[macro_export]
macro_rules! iternext {
    ($name:ident => $f:path) => {
        unsafe extern "C" fn $name(p: *mut krait_runtime::object::PyObject) -> *mut krait_runtime::object::PyObject {
            match $f(krait_runtime::object::Obj::borrow_slot(&p)) {
                Ok(Some(v)) => v.into_raw(),
                Ok(None) | Err(_) => std::ptr::null_mut(),
            }
        }
    };
}

/// Positional args of a tp_new/tp_call tuple.
pub fn targs(args: &Obj) -> &[Obj] {
    tuple::items(args)
}

/// Rejects keyword arguments given as a dict: "name() takes no keyword arguments".
pub fn no_kw_dict(name: &str, kw: Option<&Obj>) -> PyResult<()> {
    if let Some(k) = kw {
        if krait_runtime::types::dict::len(k) > 0 {
            krait_runtime::bail!(TypeError, "{}() takes no keyword arguments", name);
        }
    }
    Ok(())
}

/// Is `t` exactly the static type `st`?
pub fn is_exact(o: &Obj, st: *mut PyTypeObject) -> bool {
    o.type_ptr() == st
}

/// `type(o)` as an object.
pub fn type_of(o: &Obj) -> Obj {
    type_::type_obj(o.type_ptr())
}

/// The type name used in reprs: `type(o).__name__`.
pub fn type_name(o: &Obj) -> String {
    o.ty().name().to_string()
}
