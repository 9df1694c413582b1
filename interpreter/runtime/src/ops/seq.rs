//! Subscription, containment and conversion of iterables (PyObject_GetItem,
//! PySequence_Contains, PySequence_List...).

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{int, slots::from_ret, slots::from_status, str as pystr, tuple, type_};

pub fn has_sq_item(o: &Obj) -> bool {
    let t = o.ty();
    !t.tp_as_sequence.is_null() && unsafe { (*t.tp_as_sequence).sq_item.is_some() }
}

/// An index for sq_item/sq_ass_item: negative indices get the length added.
pub fn index_for_sq(o: &Obj, key: &Obj) -> PyResult<isize> {
    if !super::number::has_index(key) {
        crate::bail!(TypeError, "sequence index must be integer, not '{}'", key.ty().name());
    }
    let i = int::index(key)?;
    let mut i = match int::as_i64(&i) {
        Some(v) => v as isize,
        None => crate::bail!(IndexError, "cannot fit '{}' into an index-sized integer", key.ty().name()),
    };
    if i < 0 {
        let t = o.ty();
        unsafe {
            if !t.tp_as_sequence.is_null() {
                if let Some(l) = (*t.tp_as_sequence).sq_length {
                    let n = l(o.as_ptr());
                    if n < 0 {
                        return Err(crate::types::slots::fail_null());
                    }
                    i += n;
                }
            }
        }
    }
    Ok(i)
}

/// Adds the length to a negative index when the type has sq_length, as
/// PySequence_GetItem and friends do before calling the slot.
fn sq_adjust(o: &Obj, i: isize) -> PyResult<isize> {
    let t = o.ty();
    unsafe {
        if i < 0 && !t.tp_as_sequence.is_null() {
            if let Some(l) = (*t.tp_as_sequence).sq_length {
                let n = l(o.as_ptr());
                if n < 0 {
                    return Err(crate::types::slots::fail_null());
                }
                return Ok(i + n);
            }
        }
    }
    Ok(i)
}

fn has_mapping_slot(o: &Obj, set: bool) -> bool {
    let t = o.ty();
    unsafe {
        !t.tp_as_mapping.is_null()
            && if set { (*t.tp_as_mapping).mp_ass_subscript.is_some() } else { (*t.tp_as_mapping).mp_subscript.is_some() }
    }
}

/// PySequence_GetItem: item `i` through the sequence slot only.
pub fn sequence_getitem(o: &Obj, i: isize) -> PyResult<Obj> {
    let t = o.ty();
    unsafe {
        if !t.tp_as_sequence.is_null() {
            if let Some(f) = (*t.tp_as_sequence).sq_item {
                let i = sq_adjust(o, i)?;
                return from_ret(f(o.as_ptr(), i));
            }
        }
    }
    if has_mapping_slot(o, false) {
        crate::bail!(TypeError, "{} is not a sequence", t.name());
    }
    crate::bail!(TypeError, "'{}' object does not support indexing", t.name())
}

/// PySequence_SetItem (`v` Some) / PySequence_DelItem (`v` None) through
/// the sequence slot only.
pub fn sequence_setitem(o: &Obj, i: isize, v: Option<&Obj>) -> PyResult<()> {
    let t = o.ty();
    unsafe {
        if !t.tp_as_sequence.is_null() {
            if let Some(f) = (*t.tp_as_sequence).sq_ass_item {
                let i = sq_adjust(o, i)?;
                let v = v.map_or(std::ptr::null_mut(), |v| v.as_ptr());
                return from_status(f(o.as_ptr(), i, v)).map(|_| ());
            }
        }
    }
    if has_mapping_slot(o, true) {
        crate::bail!(TypeError, "{} is not a sequence", t.name());
    }
    if v.is_some() {
        crate::bail!(TypeError, "'{}' object does not support item assignment", t.name())
    }
    crate::bail!(TypeError, "'{}' object doesn't support item deletion", t.name())
}

/// `o[key]`.
pub fn getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let t = o.ty();
    unsafe {
        if !t.tp_as_mapping.is_null() {
            if let Some(f) = (*t.tp_as_mapping).mp_subscript {
                return from_ret(f(o.as_ptr(), key.as_ptr()));
            }
        }
        if !t.tp_as_sequence.is_null() {
            if let Some(f) = (*t.tp_as_sequence).sq_item {
                let i = index_for_sq(o, key)?;
                return from_ret(f(o.as_ptr(), i));
            }
        }
        if type_::is_type(o) {
            // `type[int]` is special-cased, as in CPython.
            if o.as_ptr() == type_::type_type() as *mut crate::object::PyObject {
                return crate::types::generic_alias::new(o, key);
            }
            // `list[int]`: __class_getitem__.
            let cg = crate::ops::attr::getattr_opt(o, &pystr::intern_static("__class_getitem__"))?;
            if let Some(cg) = cg.filter(|c| !crate::types::none::is_none(c)) {
                return crate::ops::call::call(&cg, &[key.clone()], None);
            }
            crate::bail!(TypeError, "type '{}' is not subscriptable", pystr::to_string_lossy(&type_::name(o)));
        }
    }
    crate::bail!(TypeError, "'{}' object is not subscriptable", t.name())
}

/// `o[key] = value` (value None: `del o[key]`).
pub fn setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let t = o.ty();
    let v = value.map(|v| v.as_ptr()).unwrap_or(std::ptr::null_mut());
    unsafe {
        if !t.tp_as_mapping.is_null() {
            if let Some(f) = (*t.tp_as_mapping).mp_ass_subscript {
                return from_status(f(o.as_ptr(), key.as_ptr(), v)).map(|_| ());
            }
        }
        if !t.tp_as_sequence.is_null() {
            let sq_ass = (*t.tp_as_sequence).sq_ass_item;
            if super::number::has_index(key) {
                if let Some(f) = sq_ass {
                    let i = index_for_sq(o, key)?;
                    return from_status(f(o.as_ptr(), i, v)).map(|_| ());
                }
                // PySequence_SetItem/DelItem's own wording.
                if value.is_none() {
                    crate::bail!(TypeError, "'{}' object doesn't support item deletion", t.name())
                }
            } else if sq_ass.is_some() {
                crate::bail!(TypeError, "sequence index must be integer, not '{}'", key.ty().name())
            }
        }
    }
    if value.is_some() {
        crate::bail!(TypeError, "'{}' object does not support item assignment", t.name())
    }
    crate::bail!(TypeError, "'{}' object does not support item deletion", t.name())
}

/// `v in o`.
pub fn contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    let t = o.ty();
    unsafe {
        if !t.tp_as_sequence.is_null() {
            if let Some(f) = (*t.tp_as_sequence).sq_contains {
                return from_status(f(o.as_ptr(), v.as_ptr())).map(|r| r != 0);
            }
        }
    }
    contains_by_iteration(o, v)
}

pub fn contains_by_iteration(o: &Obj, v: &Obj) -> PyResult<bool> {
    let it = match crate::ops::iter(o) {
        Ok(it) => it,
        Err(e) => {
            if crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                crate::bail!(TypeError, "argument of type '{}' is not iterable", o.ty().name());
            }
            return Err(e);
        }
    };
    while let Some(x) = crate::ops::next(&it)? {
        if crate::ops::eq(&x, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// All items of an iterable.
pub fn to_vec(o: &Obj) -> PyResult<Vec<Obj>> {
    if tuple::is_exact_tuple(o) {
        return Ok(tuple::items(o).to_vec());
    }
    if crate::types::list::is_exact_list(o) {
        return Ok(crate::types::list::items(o).to_vec());
    }
    let it = crate::ops::iter(o)?;
    // As list() and tuple() in CPython: the iterable's length hint sizes
    // the result, and an error from it (other than TypeError) propagates.
    let hint = length_hint(o, 8)?;
    let mut v = Vec::with_capacity((hint as usize).min(1 << 16));
    while let Some(x) = crate::ops::next(&it)? {
        v.push(x);
    }
    Ok(v)
}

/// A tuple of an iterable's items (the object itself for an exact tuple).
pub fn to_tuple(o: &Obj) -> PyResult<Obj> {
    if tuple::is_exact_tuple(o) {
        return Ok(o.clone());
    }
    Ok(tuple::from_vec(to_vec(o)?))
}


/// PyObject_LengthHint.
pub fn length_hint(o: &Obj, default: isize) -> PyResult<isize> {
    let has_len = unsafe {
        let t = &*o.type_ptr();
        (!t.tp_as_sequence.is_null() && (*t.tp_as_sequence).sq_length.is_some())
            || (!t.tp_as_mapping.is_null() && (*t.tp_as_mapping).mp_length.is_some())
    };
    if has_len {
        match crate::ops::len(o) {
            Ok(n) => return Ok(n as isize),
            Err(e) => {
                if !crate::errors::matches(crate::types::exceptions::TypeError()) {
                    return Err(e);
                }
                crate::errors::clear();
            }
        }
    }
    let Some(hint) = crate::types::type_::lookup_str(o.type_ptr(), "__length_hint__") else {
        return Ok(default);
    };
    let bound = bind_special(&hint, o)?;
    let r = match crate::ops::call::call(&bound, &[], None) {
        Ok(r) => r,
        Err(e) => {
            if crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                return Ok(default);
            }
            return Err(e);
        }
    };
    if r.is(&crate::types::none::not_implemented()) {
        return Ok(default);
    }
    if !crate::types::int::is_int(&r) {
        crate::bail!(TypeError, "__length_hint__ must be an integer, not {}", r.ty().name());
    }
    let n = crate::types::int::as_isize_or_overflow(&r)?;
    if n < 0 {
        crate::bail!(ValueError, "__length_hint__() should return >= 0");
    }
    Ok(n)
}

/// Binds a descriptor found on the type to `o` (special-method lookup).
fn bind_special(d: &Obj, o: &Obj) -> PyResult<Obj> {
    unsafe {
        if let Some(get) = (*d.type_ptr()).tp_descr_get {
            let t = o.type_ptr() as *mut crate::object::PyObject;
            return crate::types::slots::from_ret(get(d.as_ptr(), o.as_ptr(), t));
        }
    }
    Ok(d.clone())
}


/// PySequence_Check: has `__getitem__` as a sequence (sq_item) and is not a
/// dict.
pub fn is_sequence(o: &Obj) -> bool {
    if crate::types::type_::is_subtype(o.type_ptr(), crate::types::dict::type_ptr()) {
        return false;
    }
    let sq = o.ty().tp_as_sequence;
    !sq.is_null() && unsafe { (*sq).sq_item.is_some() }
}
