//! Iterators over str, as CPython 3.11 has them: `str_ascii_iterator` for
//! ASCII strings and `str_iterator` otherwise, reading characters straight
//! from the PEP 393 buffer, with `__length_hint__`, `__reduce__` and
//! `__setstate__`.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs_named, method, method_table};
use crate::types::str as pystr;
use crate::types::{int, none, tuple};
use std::os::raw::c_void;
use std::ptr::null_mut;

#[repr(C)]
pub struct StrIterObject {
    pub ob_base: PyObject,
    pub it_index: isize,
    /// The string; NULL once exhausted.
    pub it_seq: *mut PyObject,
}

#[no_mangle]
pub static mut PyUnicodeIter_Type: PyTypeObject = PyTypeObject::EMPTY;
static mut ASCII_ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// The iterator types, for readying with the other static types.
pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyUnicodeIter_Type, &raw mut ASCII_ITER_TYPE]
}

/// `iter(s)`: compact ASCII strings (not subclass instances) get the
/// ASCII iterator.
pub fn new(s: &Obj) -> Obj {
    let tp = if pystr::is_compact_ascii(s) { &raw mut ASCII_ITER_TYPE } else { &raw mut PyUnicodeIter_Type };
    unsafe {
        let p = alloc::alloc_object(tp, 0) as *mut StrIterObject;
        assert!(!p.is_null(), "out of memory allocating a str iterator");
        (*p).it_index = 0;
        (*p).it_seq = s.clone().into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

fn state(o: &Obj) -> &mut StrIterObject {
    unsafe { o.cast_mut::<StrIterObject>() }
}

unsafe extern "C" fn next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut StrIterObject);
    if it.it_seq.is_null() {
        return null_mut();
    }
    let s = Obj::borrow_slot(&it.it_seq);
    if (it.it_index as usize) < pystr::len(s) {
        let c = pystr::char_at(s, it.it_index as usize);
        it.it_index += 1;
        return pystr::from_char(c).into_raw();
    }
    crate::object::xdecref(std::mem::replace(&mut it.it_seq, null_mut()));
    null_mut()
}

unsafe extern "C" fn dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut StrIterObject)).it_seq);
    alloc::free_object(p);
}

unsafe extern "C" fn traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let s = (*(p as *mut StrIterObject)).it_seq;
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

/// "str_iterator.__length_hint__" style names for argument errors.
fn qualified(slf: &Obj, name: &str) -> String {
    format!("{}.{}", slf.ty().name(), name)
}

fn m_length_hint(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "__length_hint__"), args, kw, 0, 0)?;
    let it = state(slf);
    if it.it_seq.is_null() {
        return Ok(int::from_i64(0));
    }
    let n = pystr::len(unsafe { Obj::borrow_slot(&it.it_seq) }) as isize;
    Ok(int::from_i64((n - it.it_index).max(0) as i64))
}

/// `(iter, (s,), index)`, or `(iter, ('',))` once exhausted.
fn m_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "__reduce__"), args, kw, 0, 0)?;
    let iter = crate::ops::attr::getattr_str(&crate::interp::builtins_module(), "iter")?;
    let it = state(slf);
    if it.it_seq.is_null() {
        return Ok(tuple::new(&[iter, tuple::new(&[pystr::empty()])]));
    }
    let s = unsafe { Obj::borrow_slot(&it.it_seq) }.clone();
    Ok(tuple::new(&[iter, tuple::new(&[s]), int::from_i64(it.it_index as i64)]))
}

/// Sets the position, clamped to the string.
fn m_setstate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "__setstate__"), args, kw, 1, 1)?;
    // PyLong_AsSsize_t: ints only.
    if !int::is_int(&args[0]) {
        crate::bail!(TypeError, "an integer is required");
    }
    let index = int::as_isize_or_overflow(&args[0])?;
    let it = state(slf);
    if !it.it_seq.is_null() {
        let n = pystr::len(unsafe { Obj::borrow_slot(&it.it_seq) }) as isize;
        it.it_index = index.clamp(0, n);
    }
    Ok(none::none())
}

pub fn init_types() {
    unsafe {
        for (t, name) in [(&raw mut PyUnicodeIter_Type, "str_iterator"), (&raw mut ASCII_ITER_TYPE, "str_ascii_iterator")] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<StrIterObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(dealloc);
            (*t).tp_traverse = Some(traverse);
            (*t).tp_iter = Some(crate::types::iter::self_iter);
            (*t).tp_iternext = Some(next);
            (*t).tp_methods = method_table(&[
                method("__length_hint__", m_length_hint),
                method("__reduce__", m_reduce),
                method("__setstate__", m_setstate),
            ]);
        }
    }
}
