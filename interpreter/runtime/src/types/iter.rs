//! The sequence iterator (`iter()` over objects with only `__getitem__`) and
//! the callable iterator (`iter(callable, sentinel)`).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::{int, slots};
use std::ptr::null_mut;

#[repr(C)]
pub struct SeqIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[repr(C)]
pub struct CallIterObject {
    pub ob_base: PyObject,
    pub func: *mut PyObject,
    pub sentinel: *mut PyObject,
}

#[no_mangle]
pub static mut PySeqIter_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyCallIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn new_seq_iter(seq: &Obj) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(&raw mut PySeqIter_Type, 0) as *mut SeqIterObject;
        (*p).seq = seq.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

pub fn new_call_iter(func: &Obj, sentinel: &Obj) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyCallIter_Type, 0) as *mut CallIterObject;
        (*p).func = func.clone().into_raw();
        (*p).sentinel = sentinel.clone().into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

unsafe extern "C" fn seqiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut SeqIterObject);
    if it.seq.is_null() {
        return null_mut();
    }
    let seq = Obj::from_borrowed(it.seq);
    match crate::ops::seq::getitem(&seq, &int::from_i64(it.index as i64)) {
        Ok(v) => {
            it.index += 1;
            v.into_raw()
        }
        Err(_) => {
            if crate::errors::matches(crate::types::exceptions::IndexError())
                || crate::errors::matches(crate::types::exceptions::StopIteration())
            {
                crate::errors::clear();
                crate::object::xdecref(std::mem::replace(&mut it.seq, null_mut()));
            }
            null_mut()
        }
    }
}

unsafe extern "C" fn calliter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut CallIterObject);
    if it.func.is_null() {
        return null_mut();
    }
    let f = Obj::from_borrowed(it.func);
    match crate::ops::call::call(&f, &[], None) {
        Ok(v) => {
            let s = Obj::from_borrowed(it.sentinel);
            match crate::ops::eq(&v, &s) {
                Ok(true) => {
                    crate::object::xdecref(std::mem::replace(&mut it.func, null_mut()));
                    crate::object::xdecref(std::mem::replace(&mut it.sentinel, null_mut()));
                    null_mut()
                }
                Ok(false) => v.into_raw(),
                Err(_) => null_mut(),
            }
        }
        Err(_) => {
            if crate::errors::matches(crate::types::exceptions::StopIteration()) {
                crate::errors::clear();
                crate::object::xdecref(std::mem::replace(&mut it.func, null_mut()));
            }
            null_mut()
        }
    }
}

unsafe extern "C" fn seqiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut SeqIterObject)).seq);
    alloc::free_object(p);
}

unsafe extern "C" fn calliter_dealloc(p: *mut PyObject) {
    let it = &*(p as *mut CallIterObject);
    crate::object::xdecref(it.func);
    crate::object::xdecref(it.sentinel);
    alloc::free_object(p);
}

unsafe extern "C" fn seqiter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let s = (*(p as *mut SeqIterObject)).seq;
    if s.is_null() { 0 } else { visit(s, arg) }
}

unsafe extern "C" fn calliter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let it = &*(p as *mut CallIterObject);
    for x in [it.func, it.sentinel] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub unsafe extern "C" fn self_iter(p: *mut PyObject) -> *mut PyObject {
    crate::object::incref(p);
    p
}

fn seqiter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<SeqIterObject>() };
    if it.seq.is_null() {
        return Ok(int::from_i64(0));
    }
    let seq = unsafe { Obj::borrow_slot(&it.seq) };
    match crate::ops::len(seq) {
        Ok(n) => Ok(int::from_i64((n as i64 - it.index as i64).max(0))),
        Err(_) => {
            crate::errors::clear();
            Ok(crate::types::none::not_implemented())
        }
    }
}

pub fn init_types() {
    unsafe {
        let t = &raw mut PySeqIter_Type;
        crate::types::type_::init_static(t, "iterator", std::mem::size_of::<SeqIterObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(seqiter_dealloc);
        (*t).tp_traverse = Some(seqiter_traverse);
        (*t).tp_iter = Some(self_iter);
        (*t).tp_iternext = Some(seqiter_next);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method(
            "__length_hint__",
            seqiter_length_hint,
        )]);
        let t = &raw mut PyCallIter_Type;
        crate::types::type_::init_static(t, "callable_iterator", std::mem::size_of::<CallIterObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(calliter_dealloc);
        (*t).tp_traverse = Some(calliter_traverse);
        (*t).tp_iter = Some(self_iter);
        (*t).tp_iternext = Some(calliter_next);
    }
    let _ = slots::ret_status;
}
