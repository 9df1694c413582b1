//! Glue between safe Rust functions and the `extern "C"` slot signatures of
//! type objects: builtin types write their slots as ordinary Rust functions
//! over `&Obj` returning `PyResult`, and these macros make the C entry points
//! (so C code calling a slot and Python code calling a dunder reach the same
//! function). The `call_*` helpers go the other way.

use crate::errors::{PyErr, PyResult};
use crate::object::{Obj, PyObject};
use std::os::raw::c_int;
use std::ptr::null_mut;

/// Result to a new reference, or NULL with the exception set.
#[inline]
pub fn ret(r: PyResult<Obj>) -> *mut PyObject {
    match r {
        Ok(o) => o.into_raw(),
        Err(_) => null_mut(),
    }
}

/// Result to 0, or -1 with the exception set.
#[inline]
pub fn ret_status(r: PyResult<()>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// Result to 0/1, or -1 with the exception set.
#[inline]
pub fn ret_bool(r: PyResult<bool>) -> c_int {
    match r {
        Ok(b) => b as c_int,
        Err(_) => -1,
    }
}

/// A slot's new-reference result back to a Rust result.
///
/// # Safety
/// `p` must be null (exception set) or an owned reference.
#[inline]
pub unsafe fn from_ret(p: *mut PyObject) -> PyResult<Obj> {
    if p.is_null() {
        Err(fail_null())
    } else {
        Ok(Obj::from_owned(p))
    }
}

/// A slot returned NULL: normally the exception is set; if it is not, that
/// is a SystemError, as in CPython.
#[cold]
pub fn fail_null() -> PyErr {
    if crate::errors::occurred() {
        PyErr::already_set()
    } else {
        crate::raise!(SystemError, "error return without exception set")
    }
}

/// A slot's int status (-1 = error) back to a Rust result.
#[inline]
pub fn from_status(r: c_int) -> PyResult<c_int> {
    if r < 0 {
        Err(fail_null())
    } else {
        Ok(r)
    }
}

#[macro_export]
macro_rules! unary_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(a: *mut $crate::object::PyObject) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            $crate::types::slots::ret($f(a))
        }
    };
}

#[macro_export]
macro_rules! binary_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            $crate::types::slots::ret($f(a, b))
        }
    };
}

/// Ternary slot whose third argument may be NULL or None (nb_power).
#[macro_export]
macro_rules! ternary_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
            c: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            let c = if c.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&c)) };
            $crate::types::slots::ret($f(a, b, c))
        }
    };
}

#[macro_export]
macro_rules! richcmp_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
            op: std::os::raw::c_int,
        ) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            let op = krait_bytecode::CompareOp::from_u32(op as u32).unwrap();
            $crate::types::slots::ret($f(a, b, op))
        }
    };
}

#[macro_export]
macro_rules! hash_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(a: *mut $crate::object::PyObject) -> isize {
            let a = $crate::object::Obj::borrow_slot(&a);
            match $f(a) {
                Ok(h) => h,
                Err(_) => -1,
            }
        }
    };
}

#[macro_export]
macro_rules! len_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(a: *mut $crate::object::PyObject) -> isize {
            let a = $crate::object::Obj::borrow_slot(&a);
            match $f(a) {
                Ok(n) => n as isize,
                Err(_) => -1,
            }
        }
    };
}

#[macro_export]
macro_rules! inquiry_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(a: *mut $crate::object::PyObject) -> std::os::raw::c_int {
            let a = $crate::object::Obj::borrow_slot(&a);
            $crate::types::slots::ret_bool($f(a))
        }
    };
}

/// sq_contains: (container, item) -> 0/1/-1.
#[macro_export]
macro_rules! contains_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
        ) -> std::os::raw::c_int {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            $crate::types::slots::ret_bool($f(a, b))
        }
    };
}

/// sq_item: (seq, index) -> item.
#[macro_export]
macro_rules! sq_item_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            i: isize,
        ) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            $crate::types::slots::ret($f(a, i))
        }
    };
}

/// mp_ass_subscript / tp_setattro / tp_descr_set: (obj, key, value or NULL for delete).
#[macro_export]
macro_rules! setter_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
            c: *mut $crate::object::PyObject,
        ) -> std::os::raw::c_int {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            let c = if c.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&c)) };
            $crate::types::slots::ret_status($f(a, b, c))
        }
    };
}

/// tp_descr_get: (descr, obj or NULL, type or NULL).
#[macro_export]
macro_rules! descr_get_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
            c: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = if b.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&b)) };
            let c = if c.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&c)) };
            $crate::types::slots::ret($f(a, b, c))
        }
    };
}

/// tp_call / tp_init style: (obj, args tuple, kwargs dict or NULL).
#[macro_export]
macro_rules! call_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
            c: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            let c = if c.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&c)) };
            $crate::types::slots::ret($f(a, b, c))
        }
    };
}

/// tp_init: (obj, args tuple, kwargs dict or NULL) -> 0/-1.
#[macro_export]
macro_rules! init_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            a: *mut $crate::object::PyObject,
            b: *mut $crate::object::PyObject,
            c: *mut $crate::object::PyObject,
        ) -> std::os::raw::c_int {
            let a = $crate::object::Obj::borrow_slot(&a);
            let b = $crate::object::Obj::borrow_slot(&b);
            let c = if c.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&c)) };
            $crate::types::slots::ret_status($f(a, b, c))
        }
    };
}

/// tp_new: (type, args tuple, kwargs dict or NULL).
#[macro_export]
macro_rules! new_slot {
    ($name:ident => $f:path) => {
        pub unsafe extern "C" fn $name(
            t: *mut $crate::object::PyTypeObject,
            b: *mut $crate::object::PyObject,
            c: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let b = $crate::object::Obj::borrow_slot(&b);
            let c = if c.is_null() { None } else { Some($crate::object::Obj::borrow_slot(&c)) };
            $crate::types::slots::ret($f(t, b, c))
        }
    };
}
