//! `tuple`: CPython's PyTupleObject (items inline after the var header).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject, PyVarObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::{bool_, int, none, str as pystr};
use krait_bytecode::CompareOp;
use std::ptr::null_mut;

#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}

#[no_mangle]
pub static mut PyTuple_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyTupleIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyTuple_Type
}

pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyTupleIter_Type]
}

#[inline]
pub fn is_tuple(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::TUPLE_SUBCLASS)
}

#[inline]
pub fn is_exact_tuple(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
pub fn len(o: &Obj) -> usize {
    unsafe { o.cast::<PyVarObject>().ob_size as usize }
}

/// The items, borrowed.
#[inline]
pub fn items(o: &Obj) -> &[Obj] {
    unsafe {
        let t = o.cast::<PyTupleObject>();
        Obj::borrow_slice(std::slice::from_raw_parts(t.ob_item.as_ptr(), t.ob_base.ob_size as usize))
    }
}

static EMPTY: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

/// CPython's tuple free lists: freed exact tuples of 1..20 items are kept by
/// size and reused last-in first-out, so a tuple made right after another
/// died takes its memory (and id) as in CPython, where code relies on it.
const FREELIST_SIZES: usize = 20;
const FREELIST_MAX: usize = 2000;
static FREE_LISTS: crate::gil::GilCell<std::cell::RefCell<[Vec<usize>; FREELIST_SIZES]>> =
    crate::gil::GilCell::new(std::cell::RefCell::new([const { Vec::new() }; FREELIST_SIZES]));

/// Keeps a dying exact tuple's memory (its items already cleared); false if
/// its free list is full.
unsafe fn keep_freed(p: *mut PyObject, n: usize) -> bool {
    if n == 0 || n >= FREELIST_SIZES || (*p).ob_type != type_ptr() {
        return false;
    }
    FREE_LISTS.with(|l| {
        let mut l = l.borrow_mut();
        if l[n].len() >= FREELIST_MAX {
            return false;
        }
        crate::gc::untrack(p);
        l[n].push(p as usize);
        true
    })
}

/// A kept tuple of `n` items, revived with reference count 1.
unsafe fn reuse_freed(n: usize) -> *mut PyObject {
    if n == 0 || n >= FREELIST_SIZES {
        return null_mut();
    }
    let Some(p) = FREE_LISTS.with(|l| l.borrow_mut()[n].pop()) else { return null_mut() };
    let p = p as *mut PyObject;
    (*p).ob_refcnt = 1;
    crate::gc::track(p);
    p
}

/// An uninitialised (NULL-filled) tuple of `n` items of type `t`.
pub fn new_uninit_of(t: *mut PyTypeObject, n: usize) -> Obj {
    unsafe {
        if t == type_ptr() {
            let p = reuse_freed(n);
            if !p.is_null() {
                return Obj::from_owned(p);
            }
        }
        let p = alloc::alloc_object(t, n as isize);
        assert!(!p.is_null(), "out of memory allocating a tuple");
        Obj::from_owned(p)
    }
}

/// Stores an owned item (for freshly created tuples).
///
/// # Safety
/// `i` must be in range and the slot empty.
pub unsafe fn set_item_unchecked(t: &Obj, i: usize, v: Obj) {
    let p = t.cast_mut::<PyTupleObject>();
    *p.ob_item.as_mut_ptr().add(i) = v.into_raw();
}

/// CPython's result-tuple recycling (zip, itertools' combinatorics,
/// zip_longest): while the tuple returned last is referenced only by
/// `cache`, its items are replaced in place and it is returned again;
/// otherwise a new tuple is made and cached.
pub fn reuse(cache: &mut Option<Obj>, items: Vec<Obj>) -> Obj {
    if let Some(t) = cache {
        if t.refcnt() == 1 && is_exact_tuple(t) && len(t) == items.len() && !items.is_empty() {
            refill(t, items);
            return t.clone();
        }
    }
    let t = from_vec(items);
    *cache = Some(t.clone());
    t
}

/// `reuse` over a raw owned slot of an object's struct (null when empty).
///
/// # Safety
/// `slot` must hold null or an owned reference.
pub unsafe fn reuse_slot(slot: *mut *mut PyObject, items: Vec<Obj>) -> Obj {
    let mut cache = if (*slot).is_null() { None } else { Some(Obj::from_owned(*slot)) };
    let t = reuse(&mut cache, items);
    *slot = cache.map(Obj::into_raw).unwrap_or(std::ptr::null_mut());
    t
}

fn refill(t: &Obj, items: Vec<Obj>) {
    unsafe {
        let p = t.cast_mut::<PyTupleObject>();
        let mut old = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            let slot = p.ob_item.as_mut_ptr().add(i);
            old.push(Obj::from_owned(std::mem::replace(&mut *slot, v.into_raw())));
        }
        // A collection may have untracked the tuple while it held only
        // atomic items; the new ones may not be, so track it again as
        // CPython does for every recycled result tuple (bpo-42536).
        crate::gc::retrack(t.as_ptr());
        // Old items are released once the tuple is consistent again.
        drop(old);
    }
}

pub fn from_vec(v: Vec<Obj>) -> Obj {
    if v.is_empty() {
        // The shared empty tuple is never tracked, as CPython's singleton.
        return EMPTY.with(|e| {
            e.get_or_init(|| {
                let t = new_uninit_of(type_ptr(), 0);
                unsafe { crate::gc::untrack(t.as_ptr()) };
                t
            })
            .clone()
        });
    }
    let t = new_uninit_of(type_ptr(), v.len());
    for (i, x) in v.into_iter().enumerate() {
        unsafe { set_item_unchecked(&t, i, x) };
    }
    t
}

pub fn new(items: &[Obj]) -> Obj {
    from_vec(items.to_vec())
}

unsafe extern "C" fn tuple_dealloc(p: *mut PyObject) {
    let n = (*(p as *mut PyVarObject)).ob_size as usize;
    let items = (*(p as *mut PyTupleObject)).ob_item.as_mut_ptr();
    for i in (0..n).rev() {
        crate::object::xdecref(std::mem::replace(&mut *items.add(i), null_mut()));
    }
    if keep_freed(p, n) {
        return;
    }
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn tuple_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let n = (*(p as *mut PyVarObject)).ob_size as usize;
    let items = (*(p as *mut PyTupleObject)).ob_item.as_ptr();
    for i in 0..n {
        let x = *items.add(i);
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

fn tuple_len(o: &Obj) -> PyResult<usize> {
    Ok(len(o))
}
crate::len_slot!(tuple_len_slot => tuple_len);

fn tuple_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let v = items(o);
    if i < 0 || i as usize >= v.len() {
        crate::bail!(IndexError, "tuple index out of range");
    }
    Ok(v[i as usize].clone())
}
crate::sq_item_slot!(tuple_item_slot => tuple_item);

fn tuple_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let v = items(o);
    if crate::types::slice::is_slice(key) {
        let (start, _stop, step, n) = crate::types::slice::unpack_indices(key, v.len())?;
        if step == 1 && n == v.len() && is_exact_tuple(o) {
            return Ok(o.clone());
        }
        return Ok(from_vec((0..n).map(|i| v[(start + i as isize * step) as usize].clone()).collect()));
    }
    if !crate::ops::number::has_index(key) {
        crate::bail!(TypeError, "tuple indices must be integers or slices, not {}", key.ty().name());
    }
    let mut i = int::index_isize(key)?;
    if i < 0 {
        i += v.len() as isize;
    }
    tuple_item(o, i)
}
crate::binary_slot!(tuple_subscript_slot => tuple_subscript);

fn tuple_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_tuple(b) {
        crate::bail!(TypeError, "can only concatenate tuple (not \"{}\") to tuple", b.ty().name());
    }
    let mut v = items(a).to_vec();
    v.extend_from_slice(items(b));
    Ok(from_vec(v))
}
crate::binary_slot!(tuple_concat_slot => tuple_concat);

fn tuple_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    let v = items(o);
    if n <= 0 || v.is_empty() {
        return Ok(from_vec(vec![]));
    }
    if n == 1 && is_exact_tuple(o) {
        return Ok(o.clone());
    }
    if (v.len() as u128) * (n as u128) > (isize::MAX as u128) / 8 {
        crate::bail!(MemoryError, "");
    }
    let mut out = Vec::with_capacity(v.len() * n as usize);
    for _ in 0..n {
        out.extend_from_slice(v);
    }
    Ok(from_vec(out))
}
crate::sq_item_slot!(tuple_repeat_slot => tuple_repeat);

fn tuple_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    for it in items(o) {
        if crate::ops::eq(it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}
crate::contains_slot!(tuple_contains_slot => tuple_contains);

/// Lexicographic comparison of two item sequences (lists and tuples).
pub fn seq_richcompare(a: &[Obj], b: &[Obj], op: CompareOp) -> PyResult<Obj> {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !crate::ops::eq(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= a.len() || i >= b.len() {
        let (x, y) = (a.len(), b.len());
        let r = match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        };
        return Ok(bool_::from_bool(r));
    }
    match op {
        CompareOp::Eq => Ok(bool_::from_bool(false)),
        CompareOp::Ne => Ok(bool_::from_bool(true)),
        _ => crate::ops::rich_compare(&a[i], &b[i], op),
    }
}

fn tuple_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_tuple(b) {
        return Ok(none::not_implemented());
    }
    seq_richcompare(items(a), items(b), op)
}
crate::richcmp_slot!(tuple_richcompare_slot => tuple_richcompare);

/// 3.11's tuple hash (xxHash-based), so hashes equal CPython's.
fn tuple_hash(o: &Obj) -> PyResult<isize> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let v = items(o);
    let mut acc: u64 = P5;
    for it in v {
        let lane = crate::ops::hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((v.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as isize)
}
crate::hash_slot!(tuple_hash_slot => tuple_hash);

fn tuple_repr(o: &Obj) -> PyResult<Obj> {
    let v = items(o);
    if v.is_empty() {
        return Ok(pystr::new("()"));
    }
    if crate::ops::repr_enter(o) {
        return Ok(pystr::new("(...)"));
    }
    let r = (|| {
        let mut parts = Vec::with_capacity(v.len());
        for it in v {
            parts.push(crate::ops::repr_string(it)?);
        }
        Ok(if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) })
    })();
    crate::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
crate::unary_slot!(tuple_repr_slot => tuple_repr);

fn tuple_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    // Keywords may be meant for a subclass's own __init__.
    let own_init = unsafe { t == type_ptr() || (*t).tp_init == (*type_ptr()).tp_init };
    if own_init && kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "tuple() takes no keyword arguments");
    }
    let a = items(args);
    if a.len() > 1 {
        crate::bail!(TypeError, "tuple expected at most 1 argument, got {}", a.len());
    }
    if t == type_ptr() {
        if let Some(x) = a.first().filter(|x| is_exact_tuple(x)) {
            return Ok(x.clone());
        }
    }
    let v = match a.first() {
        Some(x) => crate::ops::seq::to_vec(x)?,
        None => vec![],
    };
    if t == type_ptr() {
        return Ok(from_vec(v));
    }
    let o = crate::types::type_::alloc_instance(t, v.len() as isize)?;
    for (i, x) in v.into_iter().enumerate() {
        unsafe { set_item_unchecked(&o, i, x) };
    }
    Ok(o)
}
crate::new_slot!(tuple_new_slot => tuple_new);

fn m_count(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tuple.count", args, kw, 1, 1)?;
    let mut n = 0;
    for it in items(slf) {
        if crate::ops::eq(it, &args[0])? {
            n += 1;
        }
    }
    Ok(int::from_usize(n))
}

fn m_index(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tuple.index", args, kw, 1, 3)?;
    let v = items(slf);
    let (s, e) = crate::types::list::clamp_range(v.len(), args.get(1), args.get(2))?;
    for (i, it) in v.iter().enumerate().take(e).skip(s) {
        if crate::ops::eq(it, &args[0])? {
            return Ok(int::from_usize(i));
        }
    }
    crate::bail!(ValueError, "tuple.index(x): x not in tuple")
}

fn m_getnewargs(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tuple.__getnewargs__", args, kw, 0, 0)?;
    Ok(new(&[new(items(slf))]))
}

// tuple_iterator
#[repr(C)]
pub struct TupleIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

fn tuple_iter(o: &Obj) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyTupleIter_Type, 0) as *mut TupleIterObject;
        (*p).seq = o.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}
crate::unary_slot!(tuple_iter_slot => tuple_iter);

unsafe extern "C" fn tupleiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut TupleIterObject);
    if it.seq.is_null() {
        return null_mut();
    }
    let seq = Obj::borrow_slot(&it.seq);
    let v = items(seq);
    if (it.index as usize) < v.len() {
        let x = v[it.index as usize].clone();
        it.index += 1;
        return x.into_raw();
    }
    crate::object::xdecref(std::mem::replace(&mut it.seq, null_mut()));
    null_mut()
}

unsafe extern "C" fn tupleiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut TupleIterObject)).seq);
    alloc::free_object(p);
}

unsafe extern "C" fn tupleiter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let s = (*(p as *mut TupleIterObject)).seq;
    if s.is_null() { 0 } else { visit(s, arg) }
}

fn tupleiter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<TupleIterObject>() };
    if it.seq.is_null() {
        return Ok(int::from_i64(0));
    }
    Ok(int::from_i64(len(unsafe { Obj::borrow_slot(&it.seq) }) as i64 - it.index as i64))
}

fn tupleiter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", a, k, 0, 0)?;
    let state = || {
        let it = unsafe { slf.cast::<TupleIterObject>() };
        (it.seq, it.index)
    };
    crate::types::iter::reduce_indexed("iter", state, new(&[]))
}

/// Sets the position, clamped to the tuple.
fn tupleiter_setstate(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", a, k, 1, 1)?;
    let index = crate::types::iter::state_index(&a[0])?;
    let it = unsafe { slf.cast_mut::<TupleIterObject>() };
    if !it.seq.is_null() {
        it.index = index.clamp(0, len(unsafe { Obj::borrow_slot(&it.seq) }) as isize);
    }
    Ok(crate::types::none::none())
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "tuple", 24, 8);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE | tpflags::TUPLE_SUBCLASS | tpflags::SEQUENCE | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(tuple_dealloc);
        (*t).tp_traverse = Some(tuple_traverse);
        (*t).tp_repr = Some(tuple_repr_slot);
        (*t).tp_hash = Some(tuple_hash_slot);
        (*t).tp_richcompare = Some(tuple_richcompare_slot);
        (*t).tp_iter = Some(tuple_iter_slot);
        (*t).tp_new = Some(tuple_new_slot);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_length = Some(tuple_len_slot);
        (*sq).sq_concat = Some(tuple_concat_slot);
        (*sq).sq_repeat = Some(tuple_repeat_slot);
        (*sq).sq_item = Some(tuple_item_slot);
        (*sq).sq_contains = Some(tuple_contains_slot);
        let mp = &raw mut AS_MAPPING;
        (*mp).mp_length = Some(tuple_len_slot);
        (*mp).mp_subscript = Some(tuple_subscript_slot);
        (*t).tp_as_sequence = sq;
        (*t).tp_as_mapping = mp;
        (*t).tp_methods = method_table(&[
            method("count", m_count),
            method("index", m_index),
            method("__getnewargs__", m_getnewargs),
        ]);

        let t = &raw mut PyTupleIter_Type;
        crate::types::type_::init_static(t, "tuple_iterator", std::mem::size_of::<TupleIterObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(tupleiter_dealloc);
        (*t).tp_traverse = Some(tupleiter_traverse);
        (*t).tp_iter = Some(crate::types::iter::self_iter);
        (*t).tp_iternext = Some(tupleiter_next);
        (*t).tp_methods = method_table(&[
            method("__length_hint__", tupleiter_length_hint),
            method("__reduce__", tupleiter_reduce),
            method("__setstate__", tupleiter_setstate),
        ]);
    }
}
