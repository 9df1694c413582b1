//! `slice` objects and CPython's index arithmetic for them.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::{int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use num_bigint::BigInt;

#[repr(C)]
pub struct SliceObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
}

#[no_mangle]
pub static mut PySlice_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PySlice_Type
}

pub fn is_slice(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

pub fn new(start: &Obj, stop: &Obj, step: &Obj) -> Obj {
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut SliceObject;
        (*p).start = start.clone().into_raw();
        (*p).stop = stop.clone().into_raw();
        (*p).step = step.clone().into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

fn parts(o: &Obj) -> (Obj, Obj, Obj) {
    let s = unsafe { o.cast::<SliceObject>() };
    unsafe { (Obj::from_borrowed(s.start), Obj::from_borrowed(s.stop), Obj::from_borrowed(s.step)) }
}

/// A slice bound as an isize, clamped (PySlice_Unpack semantics).
fn bound(o: &Obj) -> PyResult<isize> {
    if !crate::ops::number::has_index(o) {
        crate::bail!(TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    let i = int::index(o)?;
    Ok(match int::as_i64(&i) {
        Some(v) => v.clamp(isize::MIN as i64 + 1, isize::MAX as i64) as isize,
        None => if int::sign(&i) < 0 { isize::MIN + 1 } else { isize::MAX },
    })
}

/// (start, stop, step, slicelength) for a sequence of `len` items.
pub fn unpack_indices(o: &Obj, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let (start, stop, step) = parts(o);
    let step = if none::is_none(&step) { 1 } else { bound(&step)? };
    if step == 0 {
        crate::bail!(ValueError, "slice step cannot be zero");
    }
    let len = len as isize;
    let adjust = |v: &Obj, default: isize, neg_default: isize| -> PyResult<isize> {
        if none::is_none(v) {
            return Ok(if step < 0 { neg_default } else { default });
        }
        let mut x = bound(v)?;
        if x < 0 {
            x += len;
            if x < 0 {
                x = if step < 0 { -1 } else { 0 };
            }
        } else if x >= len {
            x = if step < 0 { len - 1 } else { len };
        }
        Ok(x)
    };
    let start = adjust(&start, 0, len - 1)?;
    let stop = adjust(&stop, len, -1)?;
    let n = if step < 0 {
        if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

fn slice_new(_t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    if kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "slice() takes no keyword arguments");
    }
    let a = tuple::items(args);
    match a.len() {
        0 => crate::bail!(TypeError, "slice expected at least 1 argument, got 0"),
        1 => Ok(new(&none::none(), &a[0], &none::none())),
        2 => Ok(new(&a[0], &a[1], &none::none())),
        3 => Ok(new(&a[0], &a[1], &a[2])),
        n => crate::bail!(TypeError, "slice expected at most 3 arguments, got {}", n),
    }
}
crate::new_slot!(slice_new_slot => slice_new);

fn slice_repr(o: &Obj) -> PyResult<Obj> {
    let (a, b, c) = parts(o);
    Ok(pystr::new(&format!(
        "slice({}, {}, {})",
        crate::ops::repr_string(&a)?,
        crate::ops::repr_string(&b)?,
        crate::ops::repr_string(&c)?
    )))
}
crate::unary_slot!(slice_repr_slot => slice_repr);

fn slice_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_slice(b) {
        return Ok(none::not_implemented());
    }
    let (x1, x2, x3) = parts(a);
    let (y1, y2, y3) = parts(b);
    crate::types::tuple::seq_richcompare(&[x1, x2, x3], &[y1, y2, y3], op)
}
crate::richcmp_slot!(slice_richcompare_slot => slice_richcompare);

fn m_indices(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("slice.indices", a, k, 1, 1)?;
    let n = int::index(&a[0])?;
    if int::sign(&n) < 0 {
        crate::bail!(ValueError, "length should not be negative");
    }
    let (start, stop, step) = parts(slf);
    for v in [&step, &start, &stop] {
        if !none::is_none(v) && !crate::ops::number::has_index(v) {
            crate::bail!(TypeError, "slice indices must be integers or None or have an __index__ method");
        }
    }
    // Computed with big ints so huge lengths work as in CPython.
    let len = int::to_bigint(&n);
    let step_v: BigInt = if none::is_none(&step) { BigInt::from(1) } else { int::to_bigint(&int::index(&step)?) };
    if step_v == BigInt::from(0) {
        crate::bail!(ValueError, "slice step cannot be zero");
    }
    let neg = step_v < BigInt::from(0);
    let (lower, upper) = if neg { (BigInt::from(-1), &len - 1) } else { (BigInt::from(0), len.clone()) };
    let fix = |v: &Obj, default: &BigInt| -> PyResult<BigInt> {
        if none::is_none(v) {
            return Ok(default.clone());
        }
        let mut x = int::to_bigint(&int::index(v)?);
        if x < BigInt::from(0) {
            x += &len;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(x)
    };
    let s = fix(&start, if neg { &upper } else { &lower })?;
    let e = fix(&stop, if neg { &lower } else { &upper })?;
    Ok(tuple::new(&[int::from_bigint(&s), int::from_bigint(&e), int::from_bigint(&step_v)]))
}

fn m_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("slice.__reduce__", a, k, 0, 0)?;
    let (x, y, z) = parts(slf);
    Ok(tuple::new(&[crate::types::type_::type_obj(type_ptr()), tuple::new(&[x, y, z])]))
}


unsafe extern "C" fn slice_dealloc(p: *mut PyObject) {
    let s = &*(p as *mut SliceObject);
    crate::object::xdecref(s.start);
    crate::object::xdecref(s.stop);
    crate::object::xdecref(s.step);
    alloc::free_object(p);
}

/// Slices can hold anything, so they can close a cycle (o.s = slice(o)).
unsafe extern "C" fn slice_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let s = &*(p as *mut SliceObject);
    for x in [s.start, s.stop, s.step] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "slice", std::mem::size_of::<SliceObject>(), 0);
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_dealloc = Some(slice_dealloc);
        (*t).tp_traverse = Some(slice_traverse);
        (*t).tp_new = Some(slice_new_slot);
        (*t).tp_repr = Some(slice_repr_slot);
        (*t).tp_richcompare = Some(slice_richcompare_slot);
        (*t).tp_hash = Some(crate::ops::object_hash_not_implemented);
        (*t).tp_methods = method_table(&[method("indices", m_indices), method("__reduce__", m_reduce)]);
        (*t).tp_members = crate::types::member::readonly_members(&[
            ("start", std::mem::offset_of!(SliceObject, start)),
            ("stop", std::mem::offset_of!(SliceObject, stop)),
            ("step", std::mem::offset_of!(SliceObject, step)),
        ]);
    }
}
