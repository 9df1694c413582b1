//! `list`: CPython's PyListObject (size, `ob_item` array, `allocated`); C
//! code appends in place when `allocated > len`, so the array comes from the
//! object allocator and grows with CPython's over-allocation.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject, PyVarObject};
use crate::types::builtin_func::{check_nargs, method, method_table, parse_args};
use crate::types::{int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::os::raw::c_void;
use std::ptr::null_mut;

#[repr(C)]
pub struct PyListObject {
    pub ob_base: PyVarObject,
    pub ob_item: *mut *mut PyObject,
    pub allocated: isize,
}

#[no_mangle]
pub static mut PyList_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyListIter_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyListRevIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyList_Type
}

pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyListIter_Type, &raw mut PyListRevIter_Type]
}

#[inline]
pub fn is_list(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::LIST_SUBCLASS)
}

#[inline]
pub fn is_exact_list(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
fn raw(o: &Obj) -> &mut PyListObject {
    unsafe { o.cast_mut::<PyListObject>() }
}

#[inline]
pub fn len(o: &Obj) -> usize {
    raw(o).ob_base.ob_size as usize
}

/// The items, borrowed (invalid after the list changes).
#[inline]
pub fn items(o: &Obj) -> &[Obj] {
    let l = raw(o);
    if l.ob_item.is_null() {
        return &[];
    }
    unsafe { Obj::borrow_slice(std::slice::from_raw_parts(l.ob_item, l.ob_base.ob_size as usize)) }
}

pub fn get(o: &Obj, i: usize) -> Obj {
    items(o)[i].clone()
}

/// Replaces item `i` (in range).
pub fn set(o: &Obj, i: usize, v: Obj) {
    let l = raw(o);
    unsafe { crate::object::xsetref(l.ob_item.add(i), v.into_raw()) };
}

/// Ensures room for `n` items, over-allocating like CPython.
fn reserve(o: &Obj, n: usize) {
    let l = raw(o);
    if (n as isize) <= l.allocated && (n as isize) >= l.allocated / 2 {
        return;
    }
    let mut new_alloc = (n + (n >> 3) + 6) & !3;
    if n == 0 {
        new_alloc = 0;
    }
    if n > new_alloc {
        new_alloc = n;
    }
    unsafe {
        let p = alloc::raw_realloc(l.ob_item as *mut c_void, new_alloc.max(1) * 8) as *mut *mut PyObject;
        assert!(!p.is_null(), "out of memory growing a list");
        l.ob_item = p;
    }
    l.allocated = new_alloc as isize;
}

pub fn new() -> Obj {
    from_vec(Vec::new())
}

pub fn from_vec(v: Vec<Obj>) -> Obj {
    let o = unsafe { Obj::from_owned(alloc::alloc_object(type_ptr(), 0)) };
    set_items(&o, v);
    o
}

/// Replaces the whole contents.
pub fn set_items(o: &Obj, v: Vec<Obj>) {
    let old: Vec<Obj> = take_items(o);
    reserve(o, v.len());
    let l = raw(o);
    for (i, x) in v.into_iter().enumerate() {
        unsafe { *l.ob_item.add(i) = x.into_raw() };
        l.ob_base.ob_size = i as isize + 1;
    }
    drop(old);
}

/// Empties the list, returning its items.
pub fn take_items(o: &Obj) -> Vec<Obj> {
    let l = raw(o);
    let n = l.ob_base.ob_size as usize;
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        unsafe { v.push(Obj::from_owned(std::mem::replace(&mut *l.ob_item.add(i), null_mut()))) };
    }
    l.ob_base.ob_size = 0;
    v
}

pub fn append(o: &Obj, v: Obj) {
    let n = len(o);
    reserve(o, n + 1);
    let l = raw(o);
    unsafe { *l.ob_item.add(n) = v.into_raw() };
    l.ob_base.ob_size = n as isize + 1;
}

/// Releases items last to first, as CPython does (visible through __del__ order).
fn drop_reversed(v: Vec<Obj>) {
    for x in v.into_iter().rev() {
        drop(x);
    }
}

unsafe extern "C" fn list_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    drop_reversed(take_items(&o));
    let l = raw(&o);
    alloc::raw_free(l.ob_item as *mut c_void);
    l.ob_item = null_mut();
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn list_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let l = &*(p as *const PyListObject);
    // Last to first, as CPython's list_traverse (gc.get_referents shows it).
    for i in (0..l.ob_base.ob_size as usize).rev() {
        let x = *l.ob_item.add(i);
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn list_clear(p: *mut PyObject) -> i32 {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    drop_reversed(take_items(&o));
    0
}

fn list_len(o: &Obj) -> PyResult<usize> {
    Ok(len(o))
}
crate::len_slot!(list_len_slot => list_len);

fn list_item(o: &Obj, i: isize) -> PyResult<Obj> {
    if i < 0 || i as usize >= len(o) {
        crate::bail!(IndexError, "list index out of range");
    }
    Ok(get(o, i as usize))
}
crate::sq_item_slot!(list_item_slot => list_item);

fn index_of(o: &Obj, key: &Obj) -> PyResult<isize> {
    if !crate::ops::number::has_index(key) {
        crate::bail!(TypeError, "list indices must be integers or slices, not {}", key.ty().name());
    }
    let i = int::index(key)?;
    let mut i = match int::as_i64(&i) {
        Some(v) => v as isize,
        None => crate::bail!(IndexError, "cannot fit '{}' into an index-sized integer", key.ty().name()),
    };
    if i < 0 {
        i += len(o) as isize;
    }
    Ok(i)
}

fn list_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    if crate::types::slice::is_slice(key) {
        let v = items(o);
        let (start, _stop, step, n) = crate::types::slice::unpack_indices(key, v.len())?;
        return Ok(from_vec((0..n).map(|i| v[(start + i as isize * step) as usize].clone()).collect()));
    }
    list_item(o, index_of(o, key)?)
}
crate::binary_slot!(list_subscript_slot => list_subscript);

fn list_ass_subscript(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if crate::types::slice::is_slice(key) {
        let n = len(o);
        let (start, stop, step, count) = crate::types::slice::unpack_indices(key, n)?;
        // PySequence_Fast: only a non-iterable gets the slice-specific message.
        let new_items = match value {
            None => None,
            Some(v) if v.is(o) => Some(items(o).to_vec()),
            Some(v) => {
                let it = crate::ops::iter(v).map_err(|e| {
                    if crate::errors::matches(crate::types::exceptions::TypeError()) {
                        crate::errors::clear();
                        if step == 1 {
                            crate::raise!(TypeError, "can only assign an iterable")
                        } else {
                            crate::raise!(TypeError, "must assign iterable to extended slice")
                        }
                    } else {
                        e
                    }
                })?;
                Some(crate::ops::seq::to_vec(&it)?)
            }
        };
        if step == 1 {
            // CPython's list_ass_slice releases the replaced items last, in
            // reverse order.
            let lo = start as usize;
            let hi = (stop.max(start)) as usize;
            let mut cur = take_items(o);
            let removed: Vec<Obj> = cur.splice(lo..hi.min(cur.len()), new_items.unwrap_or_default()).collect();
            set_items(o, cur);
            for x in removed.into_iter().rev() {
                drop(x);
            }
            return Ok(());
        }
        let positions = (0..count).map(|i| (start + i as isize * step) as usize);
        let mut garbage = Vec::with_capacity(count);
        match new_items {
            None => {
                let mut doomed = vec![false; n];
                for p in positions {
                    doomed[p] = true;
                }
                let mut keep = Vec::with_capacity(n - count);
                for (i, x) in take_items(o).into_iter().enumerate() {
                    if doomed[i] {
                        garbage.push(x);
                    } else {
                        keep.push(x);
                    }
                }
                set_items(o, keep);
            }
            Some(new_items) => {
                if new_items.len() != count {
                    crate::bail!(
                        ValueError,
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        count
                    );
                }
                let mut cur = take_items(o);
                for (p, x) in positions.zip(new_items) {
                    garbage.push(std::mem::replace(&mut cur[p], x));
                }
                set_items(o, cur);
            }
        }
        drop(garbage);
        return Ok(());
    }
    let i = index_of(o, key)?;
    list_ass_item(o, i, value)
}
crate::setter_slot!(list_ass_subscript_slot => list_ass_subscript);

fn list_ass_item(o: &Obj, i: isize, value: Option<&Obj>) -> PyResult<()> {
    let n = len(o);
    if i < 0 || i as usize >= n {
        crate::bail!(IndexError, "list assignment index out of range");
    }
    match value {
        Some(v) => set(o, i as usize, v.clone()),
        None => {
            let mut v = take_items(o);
            let removed = v.remove(i as usize);
            set_items(o, v);
            drop(removed);
        }
    }
    Ok(())
}

unsafe extern "C" fn list_ass_item_slot(p: *mut PyObject, i: isize, v: *mut PyObject) -> i32 {
    let o = Obj::borrow_slot(&p);
    let v = if v.is_null() { None } else { Some(Obj::borrow_slot(&v)) };
    crate::types::slots::ret_status(list_ass_item(o, i, v))
}

fn list_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_list(b) {
        crate::bail!(TypeError, "can only concatenate list (not \"{}\") to list", b.ty().name());
    }
    let mut v = items(a).to_vec();
    v.extend_from_slice(items(b));
    Ok(from_vec(v))
}
crate::binary_slot!(list_concat_slot => list_concat);

fn list_inplace_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let v = crate::ops::seq::to_vec(b)?;
    for x in v {
        append(a, x);
    }
    Ok(a.clone())
}
crate::binary_slot!(list_inplace_concat_slot => list_inplace_concat);

fn repeat_items(v: &[Obj], n: isize) -> PyResult<Vec<Obj>> {
    if n <= 0 || v.is_empty() {
        return Ok(vec![]);
    }
    if (v.len() as u128) * (n as u128) > (isize::MAX as u128) / 8 {
        crate::bail!(MemoryError, "");
    }
    let mut out = Vec::with_capacity(v.len() * n as usize);
    for _ in 0..n {
        out.extend_from_slice(v);
    }
    Ok(out)
}

fn list_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    Ok(from_vec(repeat_items(items(o), n)?))
}
crate::sq_item_slot!(list_repeat_slot => list_repeat);

fn list_inplace_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    let v = repeat_items(items(o), n)?;
    set_items(o, v);
    Ok(o.clone())
}
crate::sq_item_slot!(list_inplace_repeat_slot => list_inplace_repeat);

fn list_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    let mut i = 0;
    while i < len(o) {
        let it = get(o, i);
        if crate::ops::eq(&it, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}
crate::contains_slot!(list_contains_slot => list_contains);

fn list_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_list(b) {
        return Ok(none::not_implemented());
    }
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && len(a) != len(b) {
        return Ok(crate::types::bool_::from_bool(op == CompareOp::Ne));
    }
    // The lists are read afresh at each step: an item's __eq__ may change them.
    let mut i = 0;
    while i < len(a) && i < len(b) {
        let (x, y) = (get(a, i), get(b, i));
        if !crate::ops::eq(&x, &y)? {
            break;
        }
        i += 1;
    }
    if i >= len(a) || i >= len(b) {
        let (x, y) = (len(a), len(b));
        return Ok(crate::types::bool_::from_bool(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        }));
    }
    match op {
        CompareOp::Eq => Ok(crate::types::bool_::from_bool(false)),
        CompareOp::Ne => Ok(crate::types::bool_::from_bool(true)),
        _ => crate::ops::rich_compare(&get(a, i), &get(b, i), op),
    }
}
crate::richcmp_slot!(list_richcompare_slot => list_richcompare);

fn list_repr(o: &Obj) -> PyResult<Obj> {
    if len(o) == 0 {
        return Ok(pystr::new("[]"));
    }
    if crate::ops::repr_enter(o) {
        return Ok(pystr::new("[...]"));
    }
    let r = (|| {
        let mut parts = Vec::new();
        let mut i = 0;
        while i < len(o) {
            parts.push(crate::ops::repr_string(&get(o, i))?);
            i += 1;
        }
        Ok(format!("[{}]", parts.join(", ")))
    })();
    crate::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
crate::unary_slot!(list_repr_slot => list_repr);

fn list_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    // Keywords may be meant for a subclass's own __new__.
    let own_new = unsafe { o.type_ptr() == type_ptr() || o.ty().tp_new == (*type_ptr()).tp_new };
    if own_new && kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "list() takes no keyword arguments");
    }
    let a = tuple::items(args);
    if a.len() > 1 {
        crate::bail!(TypeError, "list expected at most 1 argument, got {}", a.len());
    }
    drop(take_items(o));
    if let Some(x) = a.first() {
        let v = crate::ops::seq::to_vec(x)?;
        set_items(o, v);
    }
    Ok(())
}
crate::init_slot!(list_init_slot => list_init);

/// Clamps optional start/stop arguments of index() like CPython.
pub fn clamp_range(n: usize, start: Option<&Obj>, stop: Option<&Obj>) -> PyResult<(usize, usize)> {
    let conv = |o: Option<&Obj>, d: isize| -> PyResult<isize> {
        match o {
            None => Ok(d),
            Some(x) => {
                if !crate::ops::number::has_index(x) {
                    crate::bail!(TypeError, "slice indices must be integers or have an __index__ method");
                }
                let i = int::index(x)?;
                Ok(int::as_i64(&i).unwrap_or(if int::sign(&i) < 0 { isize::MIN as i64 } else { isize::MAX as i64 }) as isize)
            }
        }
    };
    let n = n as isize;
    let mut s = conv(start, 0)?;
    let mut e = conv(stop, n)?;
    if s < 0 {
        s = (s + n).max(0);
    }
    if e < 0 {
        e = (e + n).max(0);
    }
    Ok((s.min(n) as usize, e.min(n) as usize))
}

fn m_append(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.append", args, kw, 1, 1)?;
    append(slf, args[0].clone());
    Ok(none::none())
}

fn m_extend(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.extend", args, kw, 1, 1)?;
    let v = crate::ops::seq::to_vec(&args[0])?;
    for x in v {
        append(slf, x);
    }
    Ok(none::none())
}

fn m_insert(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.insert", args, kw, 2, 2)?;
    let n = len(slf) as isize;
    let mut i = int::index_isize(&args[0])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    let mut v = take_items(slf);
    v.insert(i, args[1].clone());
    set_items(slf, v);
    Ok(none::none())
}

fn m_pop(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.pop", args, kw, 0, 1)?;
    let n = len(slf);
    if n == 0 {
        crate::bail!(IndexError, "pop from empty list");
    }
    let mut i = match args.first() {
        Some(a) => int::index_isize(a)?,
        None => -1,
    };
    if i < 0 {
        i += n as isize;
    }
    if i < 0 || i as usize >= n {
        crate::bail!(IndexError, "pop index out of range");
    }
    Ok(remove_at(slf, i as usize))
}

/// Takes item `i` out, shifting the tail down in place (O(n - i), not a
/// copy of the whole list).
fn remove_at(o: &Obj, i: usize) -> Obj {
    let l = raw(o);
    let n = l.ob_base.ob_size as usize;
    debug_assert!(i < n);
    unsafe {
        let p = l.ob_item;
        let x = Obj::from_owned(*p.add(i));
        std::ptr::copy(p.add(i + 1), p.add(i), n - i - 1);
        *p.add(n - 1) = null_mut();
        l.ob_base.ob_size = n as isize - 1;
        x
    }
}

fn m_remove(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.remove", args, kw, 1, 1)?;
    let mut i = 0;
    while i < len(slf) {
        if crate::ops::eq(&get(slf, i), &args[0])? {
            if i < len(slf) {
                let x = remove_at(slf, i);
                drop(x);
            }
            return Ok(none::none());
        }
        i += 1;
    }
    crate::bail!(ValueError, "list.remove(x): x not in list")
}

fn m_index(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.index", args, kw, 1, 3)?;
    let (s, e) = clamp_range(len(slf), args.get(1), args.get(2))?;
    let mut i = s;
    while i < e.min(len(slf)) {
        if crate::ops::eq(&get(slf, i), &args[0])? {
            return Ok(int::from_usize(i));
        }
        i += 1;
    }
    crate::bail!(ValueError, "{} is not in list", crate::ops::repr_string(&args[0])?)
}

fn m_count(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.count", args, kw, 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    while i < len(slf) {
        if crate::ops::eq(&get(slf, i), &args[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_usize(n))
}

fn m_clear(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.clear", args, kw, 0, 0)?;
    drop_reversed(take_items(slf));
    Ok(none::none())
}

fn m_copy(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.copy", args, kw, 0, 0)?;
    Ok(from_vec(items(slf).to_vec()))
}

fn m_reverse(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.reverse", args, kw, 0, 0)?;
    let mut v = take_items(slf);
    v.reverse();
    set_items(slf, v);
    Ok(none::none())
}

fn m_getitem(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.__getitem__", args, kw, 1, 1)?;
    list_subscript(slf, &args[0])
}

fn m_sort(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    if args.len() > nkw {
        crate::bail!(TypeError, "sort() takes no positional arguments");
    }
    let a = parse_args("sort", args, kw, &["key", "reverse"], 0, 0)?;
    let key = a[0].clone().filter(|k| !none::is_none(k));
    // An int argument in CPython's signature, not a truth value.
    let reverse = match &a[1] {
        Some(r) => int::as_c_int(&int::index(r)?)? != 0,
        None => false,
    };
    // The list is empty while sorting, with CPython's marker allocated == -1:
    // any change made meanwhile (even an append undone by a pop) resets it.
    let v = take_items(slf);
    let l = raw(slf);
    unsafe { alloc::raw_free(l.ob_item as *mut c_void) };
    l.ob_item = null_mut();
    l.allocated = -1;
    let r = crate::types::sort::sort(v, key.as_ref(), reverse);
    let mutated = raw(slf).allocated != -1 || len(slf) != 0;
    match r {
        Ok(sorted) => {
            set_items(slf, sorted);
            if mutated {
                crate::bail!(ValueError, "list modified during sort");
            }
        }
        Err((orig, e)) => {
            set_items(slf, orig);
            return Err(e);
        }
    }
    Ok(none::none())
}

fn m_reversed(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.__reversed__", args, kw, 0, 0)?;
    new_iter(&raw mut PyListRevIter_Type, slf, len(slf) as isize - 1)
}

fn m_sizeof(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("list.__sizeof__", args, kw, 0, 0)?;
    Ok(int::from_usize(40 + 8 * raw(slf).allocated as usize))
}

// Iterators.
#[repr(C)]
pub struct ListIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

fn new_iter(t: *mut PyTypeObject, o: &Obj, start: isize) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(t, 0) as *mut ListIterObject;
        (*p).seq = o.clone().into_raw();
        (*p).index = start;
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn list_iter(o: &Obj) -> PyResult<Obj> {
    new_iter(&raw mut PyListIter_Type, o, 0)
}
crate::unary_slot!(list_iter_slot => list_iter);

unsafe extern "C" fn listiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut ListIterObject);
    if it.seq.is_null() {
        return null_mut();
    }
    let seq = Obj::borrow_slot(&it.seq);
    if it.index >= 0 && (it.index as usize) < len(seq) {
        let x = get(seq, it.index as usize);
        it.index += 1;
        return x.into_raw();
    }
    crate::object::xdecref(std::mem::replace(&mut it.seq, null_mut()));
    null_mut()
}

unsafe extern "C" fn listreviter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut ListIterObject);
    if it.seq.is_null() {
        return null_mut();
    }
    let seq = Obj::borrow_slot(&it.seq);
    if it.index >= 0 && (it.index as usize) < len(seq) {
        let x = get(seq, it.index as usize);
        it.index -= 1;
        return x.into_raw();
    }
    crate::object::xdecref(std::mem::replace(&mut it.seq, null_mut()));
    null_mut()
}

unsafe extern "C" fn listiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut ListIterObject)).seq);
    alloc::free_object(p);
}

unsafe extern "C" fn listiter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let s = (*(p as *mut ListIterObject)).seq;
    if s.is_null() { 0 } else { visit(s, arg) }
}

fn listiter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<ListIterObject>() };
    if it.seq.is_null() {
        return Ok(int::from_i64(0));
    }
    let n = len(unsafe { Obj::borrow_slot(&it.seq) }) as isize;
    let rev = slf.is_type(&raw mut PyListRevIter_Type);
    let left = if rev { if it.index >= n { 0 } else { it.index + 1 } } else { n - it.index };
    Ok(int::from_i64(left.max(0) as i64))
}

/// `(iter, (list,), index)` / `(reversed, (list,), index)`, or
/// `(iter, ([],))` once exhausted.
fn listiter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", a, k, 0, 0)?;
    let name = if slf.is_type(&raw mut PyListRevIter_Type) { "reversed" } else { "iter" };
    let state = || {
        let it = unsafe { slf.cast::<ListIterObject>() };
        (it.seq, it.index)
    };
    crate::types::iter::reduce_indexed(name, state, new())
}

/// Sets the position, clamped to the list (-1 ends a reversed iterator).
fn listiter_setstate(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", a, k, 1, 1)?;
    let index = crate::types::iter::state_index(&a[0])?;
    let rev = slf.is_type(&raw mut PyListRevIter_Type);
    let it = unsafe { slf.cast_mut::<ListIterObject>() };
    if !it.seq.is_null() {
        let n = len(unsafe { Obj::borrow_slot(&it.seq) }) as isize;
        it.index = if rev { index.clamp(-1, n - 1) } else { index.clamp(0, n) };
    }
    Ok(none::none())
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "list", std::mem::size_of::<PyListObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE | tpflags::LIST_SUBCLASS | tpflags::SEQUENCE | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(list_dealloc);
        (*t).tp_traverse = Some(list_traverse);
        (*t).tp_clear = Some(list_clear);
        (*t).tp_repr = Some(list_repr_slot);
        (*t).tp_richcompare = Some(list_richcompare_slot);
        (*t).tp_iter = Some(list_iter_slot);
        (*t).tp_init = Some(list_init_slot);
        (*t).tp_new = Some(crate::types::type_::generic_new);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_length = Some(list_len_slot);
        (*sq).sq_concat = Some(list_concat_slot);
        (*sq).sq_repeat = Some(list_repeat_slot);
        (*sq).sq_item = Some(list_item_slot);
        (*sq).sq_ass_item = Some(list_ass_item_slot);
        (*sq).sq_contains = Some(list_contains_slot);
        (*sq).sq_inplace_concat = Some(list_inplace_concat_slot);
        (*sq).sq_inplace_repeat = Some(list_inplace_repeat_slot);
        let mp = &raw mut AS_MAPPING;
        (*mp).mp_length = Some(list_len_slot);
        (*mp).mp_subscript = Some(list_subscript_slot);
        (*mp).mp_ass_subscript = Some(list_ass_subscript_slot);
        (*t).tp_as_sequence = sq;
        (*t).tp_as_mapping = mp;
        (*t).tp_methods = method_table(&[
            method("append", m_append),
            method("extend", m_extend),
            method("insert", m_insert),
            method("pop", m_pop),
            method("remove", m_remove),
            method("index", m_index),
            method("count", m_count),
            method("clear", m_clear),
            method("copy", m_copy),
            method("reverse", m_reverse),
            method("sort", m_sort),
            method("__reversed__", m_reversed),
            method("__sizeof__", m_sizeof),
            crate::types::builtin_func::coexist("__getitem__", m_getitem),
        ]);
        for (t, name, next) in [
            (&raw mut PyListIter_Type, "list_iterator", listiter_next as crate::object::IterNextFunc),
            (&raw mut PyListRevIter_Type, "list_reverseiterator", listreviter_next),
        ] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<ListIterObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(listiter_dealloc);
            (*t).tp_traverse = Some(listiter_traverse);
            (*t).tp_iter = Some(crate::types::iter::self_iter);
            (*t).tp_iternext = Some(next);
            (*t).tp_methods = method_table(&[
                method("__length_hint__", listiter_length_hint),
                method("__reduce__", listiter_reduce),
                method("__setstate__", listiter_setstate),
            ]);
        }
    }
}
