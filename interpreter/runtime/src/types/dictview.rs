//! dict views (`dict_keys`, `dict_values`, `dict_items`) and the dict
//! iterators (forward and reversed), which detect size changes.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs_named, method, method_table};
use crate::types::{bool_, dict, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::ptr::null_mut;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keys = 0,
    Values = 1,
    Items = 2,
}

#[repr(C)]
pub struct ViewObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
}

#[repr(C)]
pub struct DictIterObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub pos: isize,
    pub size: isize,
    pub version_keys: u64,
    pub kind: u8,
    pub reversed: u8,
    /// Items still to come (CPython's `len`): finding one more means the
    /// keys changed even though the size did not.
    pub remaining: isize,
}

#[no_mangle]
pub static mut PyDictKeys_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictValues_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictItems_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictIterKey_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictIterValue_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictIterItem_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictRevIterKey_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictRevIterValue_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyDictRevIterItem_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn types() -> Vec<*mut PyTypeObject> {
    unsafe {
        vec![
            &raw mut PyDictKeys_Type,
            &raw mut PyDictValues_Type,
            &raw mut PyDictItems_Type,
            &raw mut PyDictIterKey_Type,
            &raw mut PyDictIterValue_Type,
            &raw mut PyDictIterItem_Type,
            &raw mut PyDictRevIterKey_Type,
            &raw mut PyDictRevIterValue_Type,
            &raw mut PyDictRevIterItem_Type,
        ]
    }
}

fn view_type(k: Kind) -> *mut PyTypeObject {
    match k {
        Kind::Keys => &raw mut PyDictKeys_Type,
        Kind::Values => &raw mut PyDictValues_Type,
        Kind::Items => &raw mut PyDictItems_Type,
    }
}

fn view_kind(o: &Obj) -> Kind {
    if o.is_type(&raw mut PyDictKeys_Type) {
        Kind::Keys
    } else if o.is_type(&raw mut PyDictValues_Type) {
        Kind::Values
    } else {
        Kind::Items
    }
}

pub fn new_view(d: &Obj, k: Kind) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(view_type(k), 0) as *mut ViewObject;
        (*p).dict = d.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn view_dict(o: &Obj) -> &Obj {
    unsafe { Obj::borrow_slot(&o.cast::<ViewObject>().dict) }
}

pub fn is_keys_or_items(o: &Obj) -> bool {
    o.is_type(&raw mut PyDictKeys_Type) || o.is_type(&raw mut PyDictItems_Type)
}

pub fn new_iter(d: &Obj, k: Kind, reversed: bool) -> PyResult<Obj> {
    let t = match (k, reversed) {
        (Kind::Keys, false) => &raw mut PyDictIterKey_Type,
        (Kind::Values, false) => &raw mut PyDictIterValue_Type,
        (Kind::Items, false) => &raw mut PyDictIterItem_Type,
        (Kind::Keys, true) => &raw mut PyDictRevIterKey_Type,
        (Kind::Values, true) => &raw mut PyDictRevIterValue_Type,
        (Kind::Items, true) => &raw mut PyDictRevIterItem_Type,
    };
    unsafe {
        let p = alloc::alloc_object(t, 0) as *mut DictIterObject;
        (*p).dict = d.clone().into_raw();
        (*p).size = dict::len(d) as isize;
        (*p).remaining = dict::len(d) as isize;
        (*p).kind = k as u8;
        (*p).reversed = reversed as u8;
        (*p).pos = if reversed { entries_len(d) as isize - 1 } else { 0 };
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn entries_len(d: &Obj) -> usize {
    let raw = unsafe { d.cast::<dict::PyDictObject>() };
    if raw.ma_keys.is_null() {
        0
    } else {
        unsafe { (&*raw.ma_keys).entries.len() }
    }
}

fn iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.cast_mut::<DictIterObject>() };
    if it.dict.is_null() {
        return Ok(None);
    }
    let d = unsafe { Obj::from_borrowed(it.dict) };
    if dict::len(&d) as isize != it.size {
        it.size = -1;
        crate::bail!(RuntimeError, "dictionary changed size during iteration");
    }
    let raw = unsafe { d.cast::<dict::PyDictObject>() };
    let entries = if raw.ma_keys.is_null() { &[][..] } else { unsafe { &(&*raw.ma_keys).entries[..] } };
    loop {
        if it.pos < 0 || it.pos as usize >= entries.len() {
            unsafe { crate::object::xdecref(std::mem::replace(&mut it.dict, null_mut())) };
            return Ok(None);
        }
        let e = &entries[it.pos as usize];
        if it.reversed != 0 {
            it.pos -= 1;
        } else {
            it.pos += 1;
        }
        if e.key.is_null() {
            continue;
        }
        if it.remaining <= 0 && it.reversed == 0 {
            unsafe { crate::object::xdecref(std::mem::replace(&mut it.dict, null_mut())) };
            crate::bail!(RuntimeError, "dictionary keys changed during iteration");
        }
        it.remaining -= 1;
        let (k, v) = unsafe { (Obj::from_borrowed(e.key), Obj::from_borrowed(e.value)) };
        return Ok(Some(match it.kind {
            0 => k,
            1 => v,
            _ => tuple::new(&[k, v]),
        }));
    }
}

unsafe extern "C" fn dictiter_next(p: *mut PyObject) -> *mut PyObject {
    match iter_next(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        _ => null_mut(),
    }
}

fn iter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<DictIterObject>() };
    if it.dict.is_null() || it.size != dict::len(unsafe { Obj::borrow_slot(&it.dict) }) as isize {
        return Ok(int::from_i64(0));
    }
    Ok(int::from_i64(it.remaining.max(0) as i64))
}

/// `(iter, (list of what is left,))`, computed on a copy of the iterator.
fn iter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| "__reduce__".to_string(), a, k, 0, 0)?;
    let it = unsafe { slf.cast::<DictIterObject>() };
    let copy = unsafe {
        let p = alloc::alloc_object(slf.type_ptr(), 0) as *mut DictIterObject;
        (*p).dict = crate::object::opt_into_raw(if it.dict.is_null() { None } else { Some(Obj::from_borrowed(it.dict)) });
        (*p).pos = it.pos;
        (*p).size = it.size;
        (*p).version_keys = it.version_keys;
        (*p).kind = it.kind;
        (*p).reversed = it.reversed;
        (*p).remaining = it.remaining;
        Obj::from_owned(p as *mut PyObject)
    };
    let mut items = Vec::new();
    while let Some(x) = iter_next(&copy)? {
        items.push(x);
    }
    let iter = crate::types::iter::builtin("iter")?;
    Ok(tuple::new(&[iter, tuple::new(&[crate::types::list::from_vec(items)])]))
}

fn view_len(o: &Obj) -> PyResult<usize> {
    Ok(dict::len(view_dict(o)))
}
crate::len_slot!(view_len_slot => view_len);

fn view_iter(o: &Obj) -> PyResult<Obj> {
    new_iter(view_dict(o), view_kind(o), false)
}
crate::unary_slot!(view_iter_slot => view_iter);

fn view_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    let d = view_dict(o);
    match view_kind(o) {
        Kind::Keys => Ok(dict::get_item(d, x)?.is_some()),
        Kind::Items => {
            if !tuple::is_tuple(x) || tuple::len(x) != 2 {
                return Ok(false);
            }
            let kv = tuple::items(x);
            match dict::get_item(d, &kv[0])? {
                Some(v) => crate::ops::eq(&v, &kv[1]),
                None => Ok(false),
            }
        }
        Kind::Values => {
            for v in dict::values_vec(d) {
                if crate::ops::eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
crate::contains_slot!(view_contains_slot => view_contains);

fn view_repr(o: &Obj) -> PyResult<Obj> {
    if crate::ops::repr_enter(o) {
        return Ok(pystr::new("..."));
    }
    let r = (|| {
        let items = crate::ops::seq::to_vec(o)?;
        let l = crate::types::list::from_vec(items);
        Ok(format!("{}({})", o.ty().name(), crate::ops::repr_string(&l)?))
    })();
    crate::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
crate::unary_slot!(view_repr_slot => view_repr);

fn as_set(o: &Obj) -> PyResult<Obj> {
    crate::types::set::new_set(crate::ops::seq::to_vec(o)?)
}

/// Every item of `a` is `in` b (items are compared, never hashed: values
/// need not be hashable).
fn all_contained_in(a: &Obj, b: &Obj) -> PyResult<bool> {
    let it = crate::ops::iter(a)?;
    while let Some(x) = crate::ops::next(&it)? {
        if !crate::ops::seq::contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let b_ok = crate::types::set::is_anyset(b) || is_keys_or_items(b);
    if !b_ok {
        return Ok(none::not_implemented());
    }
    let (la, lb) = (crate::ops::len(a)?, crate::ops::len(b)?);
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(a, b)?;
            if op == CompareOp::Eq { eq } else { !eq }
        }
        CompareOp::Lt => la < lb && all_contained_in(a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(b, a)?,
    };
    Ok(bool_::from_bool(r))
}
crate::richcmp_slot!(view_richcompare_slot => view_richcompare);

macro_rules! setop {
    ($fname:ident, $slot:ident, $method:literal) => {
        fn $fname(a: &Obj, b: &Obj) -> PyResult<Obj> {
            let (x, y) = if is_keys_or_items(a) { (a, b) } else { (b, a) };
            // Like CPython, no NotImplemented: a non-iterable operand raises.
            let s = as_set(x)?;
            let other = crate::types::set::new_set(crate::ops::seq::to_vec(y)?)?;
            if is_keys_or_items(a) {
                crate::ops::attr::call_method(&s, $method, &[other])
            } else {
                crate::ops::attr::call_method(&other, $method, &[s])
            }
        }
        crate::binary_slot!($slot => $fname);
    };
}
setop!(view_and, view_and_slot, "intersection");
setop!(view_or, view_or_slot, "union");
setop!(view_sub, view_sub_slot, "difference");
setop!(view_xor, view_xor_slot, "symmetric_difference");

fn m_isdisjoint(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.isdisjoint", slf.ty().name()), a, k, 1, 1)?;
    for x in crate::ops::seq::to_vec(&a[0])? {
        if view_contains(slf, &x)? {
            return Ok(bool_::from_bool(false));
        }
    }
    Ok(bool_::from_bool(true))
}

fn m_reversed(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.__reversed__", slf.ty().name()), a, k, 0, 0)?;
    new_iter(view_dict(slf), view_kind(slf), true)
}

fn g_mapping(o: &Obj) -> PyResult<Obj> {
    crate::types::mappingproxy::new(view_dict(o))
}

unsafe extern "C" fn view_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut ViewObject)).dict);
    alloc::free_object(p);
}

unsafe extern "C" fn view_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let d = (*(p as *mut ViewObject)).dict;
    if d.is_null() { 0 } else { visit(d, arg) }
}

unsafe extern "C" fn iter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut DictIterObject)).dict);
    alloc::free_object(p);
}

unsafe extern "C" fn iter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let d = (*(p as *mut DictIterObject)).dict;
    if d.is_null() { 0 } else { visit(d, arg) }
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;
static mut VALUES_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;

pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_length = Some(view_len_slot);
        (*sq).sq_contains = Some(view_contains_slot);
        let vsq = &raw mut VALUES_SEQUENCE;
        (*vsq).sq_length = Some(view_len_slot);
        let nb = &raw mut AS_NUMBER;
        (*nb).nb_and = Some(view_and_slot);
        (*nb).nb_or = Some(view_or_slot);
        (*nb).nb_subtract = Some(view_sub_slot);
        (*nb).nb_xor = Some(view_xor_slot);
        for (t, name) in [
            (&raw mut PyDictKeys_Type, "dict_keys"),
            (&raw mut PyDictValues_Type, "dict_values"),
            (&raw mut PyDictItems_Type, "dict_items"),
        ] {
            init_static(t, name, std::mem::size_of::<ViewObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(view_dealloc);
            (*t).tp_traverse = Some(view_traverse);
            (*t).tp_iter = Some(view_iter_slot);
            (*t).tp_repr = Some(view_repr_slot);
            (*t).tp_getset = crate::types::getset::getset_table(&[crate::types::getset::GetSetSpec::get("mapping", g_mapping)]);
            if t == &raw mut PyDictValues_Type {
                (*t).tp_as_sequence = vsq;
                (*t).tp_methods = method_table(&[method("__reversed__", m_reversed)]);
            } else {
                (*t).tp_as_sequence = sq;
                (*t).tp_as_number = nb;
                (*t).tp_richcompare = Some(view_richcompare_slot);
                (*t).tp_hash = Some(crate::ops::object_hash_not_implemented);
                (*t).tp_methods = method_table(&[method("isdisjoint", m_isdisjoint), method("__reversed__", m_reversed)]);
            }
        }
        for (t, name) in [
            (&raw mut PyDictIterKey_Type, "dict_keyiterator"),
            (&raw mut PyDictIterValue_Type, "dict_valueiterator"),
            (&raw mut PyDictIterItem_Type, "dict_itemiterator"),
            (&raw mut PyDictRevIterKey_Type, "dict_reversekeyiterator"),
            (&raw mut PyDictRevIterValue_Type, "dict_reversevalueiterator"),
            (&raw mut PyDictRevIterItem_Type, "dict_reverseitemiterator"),
        ] {
            init_static(t, name, std::mem::size_of::<DictIterObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(iter_dealloc);
            (*t).tp_traverse = Some(iter_traverse);
            (*t).tp_iter = Some(crate::types::iter::self_iter);
            (*t).tp_iternext = Some(dictiter_next);
            (*t).tp_methods = method_table(&[method("__length_hint__", iter_length_hint), method("__reduce__", iter_reduce)]);
        }
    }
}
