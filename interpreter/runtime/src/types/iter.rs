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
    if it.index == isize::MAX {
        let _ = crate::errors::raise(crate::types::exceptions::OverflowError(), "iter index too large");
        return null_mut();
    }
    let seq = Obj::from_borrowed(it.seq);
    // PySequence_GetItem: the sequence slot when there is one (mmap's
    // sq_item yields bytes where its subscript yields ints).
    let item = if crate::ops::seq::has_sq_item(&seq) {
        crate::ops::seq::sequence_getitem(&seq, it.index)
    } else {
        crate::ops::seq::getitem(&seq, &int::from_i64(it.index as i64))
    };
    match item {
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
        // The call may have exhausted this iterator itself (gh-101892):
        // then there is no sentinel left and the iteration is over.
        Ok(v) if !it.sentinel.is_null() => {
            let s = Obj::from_borrowed(it.sentinel);
            match crate::ops::eq(&s, &v) {
                Ok(false) => v.into_raw(),
                Ok(true) => {
                    crate::object::xdecref(std::mem::replace(&mut it.func, null_mut()));
                    crate::object::xdecref(std::mem::replace(&mut it.sentinel, null_mut()));
                    null_mut()
                }
                Err(_) => null_mut(),
            }
        }
        Ok(_) => null_mut(),
        Err(_) => {
            if crate::errors::matches(crate::types::exceptions::StopIteration()) {
                crate::errors::clear();
                crate::object::xdecref(std::mem::replace(&mut it.func, null_mut()));
                crate::object::xdecref(std::mem::replace(&mut it.sentinel, null_mut()));
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

/// A builtin by name (`iter`, `reversed`), as iterators' `__reduce__` names them.
pub fn builtin(name: &str) -> PyResult<Obj> {
    crate::ops::attr::getattr_str(&crate::interp::builtins_module(), name)
}

/// CPython's `__reduce__` for iterators that walk a sequence by index:
/// `(builtins.<name>, (seq,), index)` while the sequence is held, else
/// `(iter, (empty,))` once exhaustion let go of it. The iterator's state
/// (`state()`: sequence and index) is read after the builtin is looked up,
/// which can run code that exhausts it (gh-101765).
pub fn reduce_indexed(name: &str, state: impl Fn() -> (*mut PyObject, isize), empty: Obj) -> PyResult<Obj> {
    use crate::types::tuple;
    let f = builtin(name)?;
    let (seq, index) = state();
    if seq.is_null() {
        return Ok(tuple::new(&[builtin("iter")?, tuple::new(&[empty])]));
    }
    let seq = unsafe { Obj::from_borrowed(seq) };
    Ok(tuple::new(&[f, tuple::new(&[seq]), int::from_i64(index as i64)]))
}

/// The position `__setstate__` receives, read as PyLong_AsSsize_t does.
pub fn state_index(state: &Obj) -> PyResult<isize> {
    if !int::is_int(state) {
        crate::bail!(TypeError, "an integer is required");
    }
    int::as_isize_or_overflow(state)
}

fn seqiter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__reduce__", a, k, 0, 0)?;
    let state = || {
        let it = unsafe { slf.cast::<SeqIterObject>() };
        (it.seq, it.index)
    };
    reduce_indexed("iter", state, crate::types::tuple::new(&[]))
}

fn seqiter_setstate(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__setstate__", a, k, 1, 1)?;
    let index = state_index(&a[0])?;
    let it = unsafe { slf.cast_mut::<SeqIterObject>() };
    if !it.seq.is_null() {
        it.index = index.max(0);
    }
    Ok(crate::types::none::none())
}

/// `(iter, (callable, sentinel))`, or `(iter, ((),))` once exhausted.
fn calliter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    use crate::types::tuple;
    crate::types::builtin_func::check_nargs("__reduce__", a, k, 0, 0)?;
    let it = unsafe { slf.cast::<CallIterObject>() };
    let iter = builtin("iter")?;
    if it.func.is_null() || it.sentinel.is_null() {
        return Ok(tuple::new(&[iter, tuple::new(&[tuple::new(&[])])]));
    }
    let (f, s) = unsafe { (Obj::from_borrowed(it.func), Obj::from_borrowed(it.sentinel)) };
    Ok(tuple::new(&[iter, tuple::new(&[f, s])]))
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
        (*t).tp_methods = crate::types::builtin_func::method_table(&[
            crate::types::builtin_func::method("__length_hint__", seqiter_length_hint),
            crate::types::builtin_func::method("__reduce__", seqiter_reduce),
            crate::types::builtin_func::method("__setstate__", seqiter_setstate),
        ]);
        let t = &raw mut PyCallIter_Type;
        crate::types::type_::init_static(t, "callable_iterator", std::mem::size_of::<CallIterObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(calliter_dealloc);
        (*t).tp_traverse = Some(calliter_traverse);
        (*t).tp_iter = Some(self_iter);
        (*t).tp_iternext = Some(calliter_next);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__reduce__", calliter_reduce)]);
    }
    let _ = slots::ret_status;
}
