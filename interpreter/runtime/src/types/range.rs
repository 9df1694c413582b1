//! `range` (arbitrary-size bounds, O(1) len/contains/index) and its iterator
//! (machine integers when they fit, big integers otherwise).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::{bool_, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::ptr::null_mut;

#[repr(C)]
pub struct RangeObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
    pub length: *mut PyObject,
}

/// CPython 3.11's shape: the items are `start + i * step` for
/// `index <= i < len`; `index` is what pickling saves and `__setstate__` sets.
#[repr(C)]
pub struct RangeIterObject {
    pub ob_base: PyObject,
    pub index: i64,
    pub start: i64,
    pub step: i64,
    pub len: i64,
    /// Big-int iteration (bounds beyond i64): (start, step, len, index) as objects.
    pub big: *mut PyObject,
}

#[no_mangle]
pub static mut PyRange_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyRangeIter_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyLongRangeIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyRange_Type
}

pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyRangeIter_Type, &raw mut PyLongRangeIter_Type]
}

pub fn is_range(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

fn r(o: &Obj) -> (BigInt, BigInt, BigInt, BigInt) {
    let x = unsafe { o.cast::<RangeObject>() };
    unsafe {
        (
            int::to_bigint(Obj::borrow_slot(&x.start)),
            int::to_bigint(Obj::borrow_slot(&x.stop)),
            int::to_bigint(Obj::borrow_slot(&x.step)),
            int::to_bigint(Obj::borrow_slot(&x.length)),
        )
    }
}

fn compute_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - 1u32) / st + 1u32
}

fn make(start: BigInt, stop: BigInt, step: BigInt) -> PyResult<Obj> {
    let len = compute_len(&start, &stop, &step);
    let o = crate::types::type_::alloc_instance(type_ptr(), 0)?;
    unsafe {
        let p = o.cast_mut::<RangeObject>();
        p.start = int::from_bigint(&start).into_raw();
        p.stop = int::from_bigint(&stop).into_raw();
        p.step = int::from_bigint(&step).into_raw();
        p.length = int::from_bigint(&len).into_raw();
    }
    Ok(o)
}

fn index_arg(o: &Obj) -> PyResult<BigInt> {
    if !crate::ops::number::has_index(o) {
        crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name());
    }
    Ok(int::to_bigint(&int::index(o)?))
}

fn range_new(_t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    if kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "range() takes no keyword arguments");
    }
    let a = tuple::items(args);
    let (start, stop, step) = match a.len() {
        0 => crate::bail!(TypeError, "range expected at least 1 argument, got 0"),
        1 => (BigInt::zero(), index_arg(&a[0])?, BigInt::from(1)),
        2 => (index_arg(&a[0])?, index_arg(&a[1])?, BigInt::from(1)),
        3 => (index_arg(&a[0])?, index_arg(&a[1])?, index_arg(&a[2])?),
        n => crate::bail!(TypeError, "range expected at most 3 arguments, got {}", n),
    };
    if step.is_zero() {
        crate::bail!(ValueError, "range() arg 3 must not be zero");
    }
    make(start, stop, step)
}
crate::new_slot!(range_new_slot => range_new);

fn range_len(o: &Obj) -> PyResult<usize> {
    let (_, _, _, len) = r(o);
    match len.to_isize() {
        Some(n) => Ok(n as usize),
        None => crate::bail!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}
crate::len_slot!(range_len_slot => range_len);

fn item_at(o: &Obj, i: &BigInt) -> Obj {
    let (start, _, step, _) = r(o);
    int::from_bigint(&(start + step * i))
}

fn range_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let (start, _, step, len) = r(o);
    if crate::types::slice::is_slice(key) {
        let m = crate::ops::attr::call_method(key, "indices", &[int::from_bigint(&len)])?;
        let v = tuple::items(&m);
        let (s, e, st) = (int::to_bigint(&v[0]), int::to_bigint(&v[1]), int::to_bigint(&v[2]));
        return make(&start + &step * &s, &start + &step * &e, &step * &st);
    }
    if !crate::ops::number::has_index(key) {
        crate::bail!(TypeError, "range indices must be integers or slices, not {}", key.ty().name());
    }
    let mut i = int::to_bigint(&int::index(key)?);
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        crate::bail!(IndexError, "range object index out of range");
    }
    Ok(item_at(o, &i))
}
crate::binary_slot!(range_subscript_slot => range_subscript);

fn sq_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let (_, _, _, len) = r(o);
    let i = BigInt::from(i);
    if i.is_negative() || i >= len {
        crate::bail!(IndexError, "range object index out of range");
    }
    Ok(item_at(o, &i))
}
crate::sq_item_slot!(range_item_slot => sq_item);

fn int_contains(o: &Obj, v: &BigInt) -> bool {
    let (start, stop, step, _) = r(o);
    let inside = if step.is_positive() { &start <= v && v < &stop } else { &stop < v && v <= &start };
    inside && (v - &start).mod_floor(&step).is_zero()
}

fn range_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    if int::is_exact_int(v) || crate::types::bool_::is_bool(v) {
        return Ok(int_contains(o, &int::to_bigint(v)));
    }
    crate::ops::seq::contains_by_iteration(o, v)
}
crate::contains_slot!(range_contains_slot => range_contains);

fn range_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_range(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (s1, _, st1, l1) = r(a);
    let (s2, _, st2, l2) = r(b);
    let eq = l1 == l2 && (l1.is_zero() || (s1 == s2 && (l1 == BigInt::from(1) || st1 == st2)));
    Ok(bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
crate::richcmp_slot!(range_richcompare_slot => range_richcompare);

fn range_hash(o: &Obj) -> PyResult<isize> {
    let (start, _, step, len) = r(o);
    let t = if len.is_zero() {
        tuple::new(&[int::from_bigint(&len), none::none(), none::none()])
    } else if len == BigInt::from(1) {
        tuple::new(&[int::from_bigint(&len), int::from_bigint(&start), none::none()])
    } else {
        tuple::new(&[int::from_bigint(&len), int::from_bigint(&start), int::from_bigint(&step)])
    };
    crate::ops::hash(&t)
}
crate::hash_slot!(range_hash_slot => range_hash);

fn range_repr(o: &Obj) -> PyResult<Obj> {
    let (start, stop, step, _) = r(o);
    Ok(pystr::new(&if step == BigInt::from(1) {
        format!("range({}, {})", start, stop)
    } else {
        format!("range({}, {}, {})", start, stop, step)
    }))
}
crate::unary_slot!(range_repr_slot => range_repr);

fn range_bool(o: &Obj) -> PyResult<bool> {
    Ok(!r(o).3.is_zero())
}
crate::inquiry_slot!(range_bool_slot => range_bool);

/// The machine-integer iterator; its items are `start + i * step` computed
/// with wrapping arithmetic (exact whenever the item fits, as CPython's).
fn small_iter(start: i64, step: i64, len: i64) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyRangeIter_Type, 0) as *mut RangeIterObject;
        (*p).start = start;
        (*p).step = step;
        (*p).len = len;
        (*p).index = 0;
        Obj::from_owned(p as *mut PyObject)
    }
}

fn long_iter(start: BigInt, step: BigInt, len: BigInt) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyLongRangeIter_Type, 0) as *mut RangeIterObject;
        let fields = [int::from_bigint(&start), int::from_bigint(&step), int::from_bigint(&len), int::from_i64(0)];
        (*p).big = tuple::new(&fields).into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

/// CPython's choice of iterator type (visible as range_iterator vs
/// longrange_iterator): the machine one when start, stop, step and the
/// length fit a C long and stepping past the end cannot overflow.
fn range_iter(o: &Obj) -> PyResult<Obj> {
    let (start, stop, step, len) = r(o);
    if let (Some(s), Some(e), Some(st), Some(n)) = (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
        let overflow = n > 0 && if st > 0 { e > i64::MAX - (st - 1) } else { e < i64::MIN + (-1 - st) };
        if !overflow {
            return Ok(small_iter(s, st, n));
        }
    }
    Ok(long_iter(start, step, len))
}
crate::unary_slot!(range_iter_slot => range_iter);

unsafe extern "C" fn rangeiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut RangeIterObject);
    if it.index >= it.len {
        return null_mut();
    }
    let v = it.start.wrapping_add(it.index.wrapping_mul(it.step));
    it.index += 1;
    int::from_i64(v).into_raw()
}

/// The long iterator's (start, step, len, index).
fn big_fields(it: &RangeIterObject) -> (BigInt, BigInt, BigInt, BigInt) {
    let b = unsafe { Obj::borrow_slot(&it.big) };
    let v = tuple::items(b);
    (int::to_bigint(&v[0]), int::to_bigint(&v[1]), int::to_bigint(&v[2]), int::to_bigint(&v[3]))
}

fn set_big_index(it: &mut RangeIterObject, index: Obj) {
    let b = unsafe { Obj::borrow_slot(&it.big) }.clone();
    let v = tuple::items(&b);
    let next = tuple::new(&[v[0].clone(), v[1].clone(), v[2].clone(), index]);
    unsafe { crate::object::xsetref(&mut it.big, next.into_raw()) };
}

unsafe extern "C" fn longrangeiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut RangeIterObject);
    let (start, step, len, index) = big_fields(it);
    if index >= len {
        return null_mut();
    }
    set_big_index(it, int::from_bigint(&(&index + 1u32)));
    int::from_bigint(&(start + step * index)).into_raw()
}

unsafe extern "C" fn rangeiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut RangeIterObject)).big);
    alloc::free_object(p);
}

fn rangeiter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<RangeIterObject>() };
    if !it.big.is_null() {
        let (_, _, len, index) = big_fields(it);
        return Ok(int::from_bigint(&(len - index)));
    }
    Ok(int::from_i64(it.len - it.index))
}

/// `(iter, (range(start, start + len * step, step),), index)`, as CPython.
fn rangeiter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", a, k, 0, 0)?;
    let it = unsafe { slf.cast::<RangeIterObject>() };
    let (start, step, len, index) = if it.big.is_null() {
        (BigInt::from(it.start), BigInt::from(it.step), BigInt::from(it.len), BigInt::from(it.index))
    } else {
        big_fields(it)
    };
    let stop = &start + &len * &step;
    let iter = crate::ops::attr::getattr_str(&crate::interp::builtins_module(), "iter")?;
    Ok(tuple::new(&[iter, tuple::new(&[make(start, stop, step)?]), int::from_bigint(&index)]))
}

/// Sets the index, clipped to `0..=len`.
fn rangeiter_setstate(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", a, k, 1, 1)?;
    let it = unsafe { slf.cast_mut::<RangeIterObject>() };
    if it.big.is_null() {
        // PyLong_AsLong: anything with __index__, within a C long.
        let i = match int::as_i64(&int::index_raw(&a[0])?) {
            Some(i) => i,
            None => crate::bail!(OverflowError, "Python int too large to convert to C long"),
        };
        it.index = i.clamp(0, it.len);
    } else {
        let zero = int::from_i64(0);
        let (_, _, len, _) = big_fields(it);
        let len = int::from_bigint(&len);
        let state = if crate::ops::rich_compare_bool(&a[0], &zero, CompareOp::Lt)? {
            zero
        } else if crate::ops::rich_compare_bool(&len, &a[0], CompareOp::Lt)? {
            len
        } else {
            a[0].clone()
        };
        set_big_index(it, state);
    }
    Ok(none::none())
}

fn m_reversed(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("range.__reversed__", a, k, 0, 0)?;
    let (start, stop, step, len) = r(slf);
    // As CPython: the machine iterator when start, stop, step, -step,
    // start - step and the length all fit a C long.
    if let (Some(s), Some(_), Some(st), Some(n)) = (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
        let fits = st != i64::MIN && (start.clone() - &step).to_i64().is_some();
        if fits {
            let new_stop = s.wrapping_sub(st);
            let new_start = new_stop.wrapping_add((n as u64).wrapping_mul(st as u64) as i64);
            return Ok(small_iter(new_start, -st, n));
        }
    }
    let last = &start + &step * (&len - 1u32);
    Ok(long_iter(if len.is_zero() { start } else { last }, -step, len))
}

fn m_count(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("range.count", a, k, 1, 1)?;
    if int::is_exact_int(&a[0]) || crate::types::bool_::is_bool(&a[0]) {
        return Ok(int::from_i64(int_contains(slf, &int::to_bigint(&a[0])) as i64));
    }
    let mut n = 0;
    let it = range_iter(slf)?;
    while let Some(x) = crate::ops::next(&it)? {
        if crate::ops::eq(&x, &a[0])? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

fn m_index(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("range.index", a, k, 1, 1)?;
    if int::is_exact_int(&a[0]) || crate::types::bool_::is_bool(&a[0]) {
        let v = int::to_bigint(&a[0]);
        if int_contains(slf, &v) {
            let (start, _, step, _) = r(slf);
            return Ok(int::from_bigint(&((v - start) / step)));
        }
    } else {
        let it = range_iter(slf)?;
        let mut i = 0i64;
        while let Some(x) = crate::ops::next(&it)? {
            if crate::ops::eq(&x, &a[0])? {
                return Ok(int::from_i64(i));
            }
            i += 1;
        }
        // The generic sequence search's wording (CPython falls back to it).
        crate::bail!(ValueError, "sequence.index(x): x not in sequence");
    }
    crate::bail!(ValueError, "{} is not in range", crate::ops::repr_string(&a[0])?)
}

fn m_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("range.__reduce__", a, k, 0, 0)?;
    let (start, stop, step, _) = r(slf);
    Ok(tuple::new(&[
        crate::types::type_::type_obj(type_ptr()),
        tuple::new(&[int::from_bigint(&start), int::from_bigint(&stop), int::from_bigint(&step)]),
    ]))
}


unsafe extern "C" fn range_dealloc(p: *mut PyObject) {
    let x = &*(p as *mut RangeObject);
    for f in [x.start, x.stop, x.step, x.length] {
        crate::object::xdecref(f);
    }
    alloc::free_object(p);
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "range", std::mem::size_of::<RangeObject>(), 0);
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_flags |= tpflags::SEQUENCE;
        (*t).tp_dealloc = Some(range_dealloc);
        (*t).tp_new = Some(range_new_slot);
        (*t).tp_repr = Some(range_repr_slot);
        (*t).tp_hash = Some(range_hash_slot);
        (*t).tp_richcompare = Some(range_richcompare_slot);
        (*t).tp_iter = Some(range_iter_slot);
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_length = Some(range_len_slot);
        (*sq).sq_item = Some(range_item_slot);
        (*sq).sq_contains = Some(range_contains_slot);
        let mp = &raw mut AS_MAPPING;
        (*mp).mp_length = Some(range_len_slot);
        (*mp).mp_subscript = Some(range_subscript_slot);
        let nb = &raw mut AS_NUMBER;
        (*nb).nb_bool = Some(range_bool_slot);
        (*t).tp_as_sequence = sq;
        (*t).tp_as_mapping = mp;
        (*t).tp_as_number = nb;
        (*t).tp_methods = method_table(&[
            method("__reversed__", m_reversed),
            method("count", m_count),
            method("index", m_index),
            method("__reduce__", m_reduce),
        ]);
        (*t).tp_members = crate::types::member::readonly_members(&[
            ("start", std::mem::offset_of!(RangeObject, start)),
            ("stop", std::mem::offset_of!(RangeObject, stop)),
            ("step", std::mem::offset_of!(RangeObject, step)),
        ]);
        for (t, name, next) in [
            (&raw mut PyRangeIter_Type, "range_iterator", rangeiter_next as crate::object::IterNextFunc),
            (&raw mut PyLongRangeIter_Type, "longrange_iterator", longrangeiter_next),
        ] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<RangeIterObject>(), 0);
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(rangeiter_dealloc);
            (*t).tp_iter = Some(crate::types::iter::self_iter);
            (*t).tp_iternext = Some(next);
            (*t).tp_methods = method_table(&[
                method("__length_hint__", rangeiter_length_hint),
                method("__reduce__", rangeiter_reduce),
                method("__setstate__", rangeiter_setstate),
            ]);
        }
    }
}
