//! Generic operations on objects (CPython's abstract.c/object.c): truth,
//! repr/str, hashing, comparison, number operators, iteration. Each goes
//! through the type's slots.

pub mod attr;
pub mod call;
pub mod isinstance;
pub mod number;
pub mod seq;

use crate::errors::PyResult;
use crate::object::{Obj, PyObject};
use crate::types::{bool_, none, str as pystr};
use krait_bytecode::CompareOp;

/// `bool(o)`.
pub fn truthy(o: &Obj) -> PyResult<bool> {
    let p = o.as_ptr();
    if p == crate::types::bool_::true_ptr() {
        return Ok(true);
    }
    if p == crate::types::bool_::false_ptr() || p == none::none_ptr() {
        return Ok(false);
    }
    let t = o.ty();
    unsafe {
        if !t.tp_as_number.is_null() {
            if let Some(f) = (*t.tp_as_number).nb_bool {
                return crate::types::slots::from_status(f(p)).map(|r| r != 0);
            }
        }
        if !t.tp_as_mapping.is_null() {
            if let Some(f) = (*t.tp_as_mapping).mp_length {
                let n = f(p);
                if n < 0 {
                    return Err(crate::types::slots::fail_null());
                }
                return Ok(n != 0);
            }
        }
        if !t.tp_as_sequence.is_null() {
            if let Some(f) = (*t.tp_as_sequence).sq_length {
                let n = f(p);
                if n < 0 {
                    return Err(crate::types::slots::fail_null());
                }
                return Ok(n != 0);
            }
        }
    }
    Ok(true)
}

/// How much of the recursion limit the thread uses: its running Python
/// frames plus the native re-entries in progress (repr, comparisons,
/// calls through `tp_call`...), one counter as CPython 3.11 keeps it.
pub fn recursion_depth_used() -> usize {
    let ts = crate::threadstate::tstate();
    ts.depth + ts.native_depth
}

/// Guards native recursion (repr of nested containers, __eq__ chains...).
pub fn enter_recursive_call(where_: &str) -> PyResult<()> {
    let ts = crate::threadstate::tstate();
    ts.native_depth += 1;
    // While the RecursionError itself is being created, the checks are off
    // (CPython's "headroom").
    if ts.py.recursion_headroom == 0
        && (crate::threadstate::native_stack_exhausted() || ts.native_depth + ts.depth > crate::threadstate::recursion_limit())
    {
        ts.native_depth -= 1;
        ts.py.recursion_headroom += 1;
        let e = crate::raise!(RecursionError, "maximum recursion depth exceeded{}", where_);
        ts.py.recursion_headroom -= 1;
        return Err(e);
    }
    Ok(())
}

pub fn leave_recursive_call() {
    crate::threadstate::tstate().native_depth -= 1;
}

/// `repr(o)`.
pub fn repr(o: &Obj) -> PyResult<Obj> {
    enter_recursive_call(" while getting the repr of an object")?;
    let r = (|| {
        let f = match o.ty().tp_repr {
            Some(f) => f,
            None => return crate::types::object_::object_repr(o),
        };
        let r = unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? };
        if !pystr::is_str(&r) {
            crate::bail!(TypeError, "__repr__ returned non-string (type {})", r.ty().name());
        }
        Ok(r)
    })();
    leave_recursive_call();
    r
}

/// `repr(o)` as Rust text.
pub fn repr_string(o: &Obj) -> PyResult<String> {
    Ok(pystr::to_string_lossy(&repr(o)?))
}

/// `str(o)`.
pub fn str_of(o: &Obj) -> PyResult<Obj> {
    if pystr::is_exact_str(o) {
        return Ok(o.clone());
    }
    enter_recursive_call(" while getting the str of an object")?;
    let r = (|| {
        let f = match o.ty().tp_str {
            Some(f) => f,
            None => return repr(o),
        };
        let r = unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? };
        if !pystr::is_str(&r) {
            crate::bail!(TypeError, "__str__ returned non-string (type {})", r.ty().name());
        }
        Ok(r)
    })();
    leave_recursive_call();
    r
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Py_ReprEnter: true if `o` is already being repr'd (print `[...]`).
pub fn repr_enter(o: &Obj) -> bool {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&(o.as_ptr() as usize)) {
            true
        } else {
            s.push(o.as_ptr() as usize);
            false
        }
    })
}

pub fn repr_leave(o: &Obj) {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|p| *p == o.as_ptr() as usize) {
            s.remove(i);
        }
    })
}

/// `hash(o)`.
pub fn hash(o: &Obj) -> PyResult<isize> {
    if pystr::is_exact_str(o) {
        return Ok(pystr::hash(o));
    }
    match o.ty().tp_hash {
        Some(f) => {
            let h = unsafe { f(o.as_ptr()) };
            if h == -1 && crate::errors::occurred() {
                return Err(crate::errors::PyErr::already_set());
            }
            Ok(h)
        }
        None => crate::bail!(TypeError, "unhashable type: '{}'", o.ty().name()),
    }
}

/// `_Py_HashPointer`: identity hash, rotated so alignment bits don't collide.
pub fn object_hash_ptr(p: *mut PyObject) -> isize {
    let y = p as usize;
    let h = (y >> 4) | (y << (usize::BITS - 4));
    let h = h as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub unsafe extern "C" fn object_hash_identity(p: *mut PyObject) -> isize {
    object_hash_ptr(p)
}

pub fn object_hash_not_implemented_rs(o: &Obj) -> PyResult<isize> {
    crate::bail!(TypeError, "unhashable type: '{}'", o.ty().name())
}

/// PyObject_HashNotImplemented: the tp_hash of unhashable types.
pub unsafe extern "C" fn object_hash_not_implemented(p: *mut PyObject) -> isize {
    let _ = object_hash_not_implemented_rs(Obj::borrow_slot(&p));
    -1
}

/// Rich comparison with the reflected-operand rules of PyObject_RichCompare.
pub fn rich_compare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    enter_recursive_call(" in comparison")?;
    let r = rich_compare_inner(a, b, op);
    leave_recursive_call();
    r
}

fn rich_compare_inner(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let ta = a.type_ptr();
    let tb = b.type_ptr();
    let mut checked_reverse = false;
    unsafe {
        if ta != tb && crate::types::type_::is_subtype(tb, ta) {
            if let Some(f) = (*tb).tp_richcompare {
                checked_reverse = true;
                let r = crate::types::slots::from_ret(f(b.as_ptr(), a.as_ptr(), op.swapped() as i32))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = (*ta).tp_richcompare {
            let r = crate::types::slots::from_ret(f(a.as_ptr(), b.as_ptr(), op as i32))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = (*tb).tp_richcompare {
                let r = crate::types::slots::from_ret(f(b.as_ptr(), a.as_ptr(), op.swapped() as i32))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(bool_::from_bool(a.is(b))),
        CompareOp::Ne => Ok(bool_::from_bool(!a.is(b))),
        _ => crate::bail!(
            TypeError,
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.ty().name(),
            b.ty().name()
        ),
    }
}

/// PyObject_RichCompareBool: identity implies equality for == and !=.
pub fn rich_compare_bool(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<bool> {
    if a.is(b) {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let r = rich_compare(a, b, op)?;
    if bool_::is_bool(&r) {
        return Ok(bool_::is_true(&r));
    }
    truthy(&r)
}

/// `a == b` as a bool (with the identity shortcut).
pub fn eq(a: &Obj, b: &Obj) -> PyResult<bool> {
    rich_compare_bool(a, b, CompareOp::Eq)
}

/// `iter(o)`.
pub fn iter(o: &Obj) -> PyResult<Obj> {
    match o.ty().tp_iter {
        Some(f) => {
            let r = unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? };
            if r.ty().tp_iternext.is_none() {
                crate::bail!(TypeError, "iter() returned non-iterator of type '{}'", r.ty().name());
            }
            Ok(r)
        }
        None => {
            if seq::has_sq_item(o) {
                return crate::types::iter::new_seq_iter(o);
            }
            crate::bail!(TypeError, "'{}' object is not iterable", o.ty().name())
        }
    }
}

/// `next(it)`: None at exhaustion (StopIteration swallowed).
pub fn next(it: &Obj) -> PyResult<Option<Obj>> {
    let f = match it.ty().tp_iternext {
        Some(f) => f,
        None => crate::bail!(TypeError, "'{}' object is not an iterator", it.ty().name()),
    };
    let r = unsafe { f(it.as_ptr()) };
    if r.is_null() {
        if crate::errors::occurred() {
            if crate::errors::matches(crate::types::exceptions::StopIteration()) {
                crate::errors::clear();
                return Ok(None);
            }
            return Err(crate::errors::PyErr::already_set());
        }
        return Ok(None);
    }
    Ok(Some(unsafe { Obj::from_owned(r) }))
}

/// `format(o, spec)`.
pub fn format(o: &Obj, spec: &Obj) -> PyResult<Obj> {
    if pystr::len(spec) == 0 {
        if pystr::is_exact_str(o) {
            return Ok(o.clone());
        }
        if crate::types::int::is_exact_int(o) {
            return str_of(o);
        }
    }
    let f = match crate::types::type_::lookup(o.type_ptr(), &pystr::intern_static("__format__")) {
        Some(f) => f,
        None => crate::bail!(TypeError, "Type {} doesn't define __format__", o.ty().name()),
    };
    let bound = match f.ty().tp_descr_get {
        Some(g) => unsafe { crate::types::slots::from_ret(g(f.as_ptr(), o.as_ptr(), o.type_ptr() as *mut PyObject))? },
        None => f,
    };
    let r = call::call(&bound, &[spec.clone()], None)?;
    if !pystr::is_str(&r) {
        crate::bail!(TypeError, "__format__ must return a str, not {}", r.ty().name());
    }
    Ok(r)
}

/// `len(o)`.
pub fn len(o: &Obj) -> PyResult<usize> {
    let t = o.ty();
    unsafe {
        if !t.tp_as_sequence.is_null() {
            if let Some(f) = (*t.tp_as_sequence).sq_length {
                let n = f(o.as_ptr());
                if n < 0 {
                    return Err(crate::types::slots::fail_null());
                }
                return Ok(n as usize);
            }
        }
        if !t.tp_as_mapping.is_null() {
            if let Some(f) = (*t.tp_as_mapping).mp_length {
                let n = f(o.as_ptr());
                if n < 0 {
                    return Err(crate::types::slots::fail_null());
                }
                return Ok(n as usize);
            }
        }
    }
    crate::bail!(TypeError, "object of type '{}' has no len()", t.name())
}
