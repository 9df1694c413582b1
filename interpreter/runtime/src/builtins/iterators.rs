//! The iterator types of builtins: enumerate, filter, map, zip, reversed.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::parse_args;
use crate::types::{int, none, str as pystr, tuple};
use std::ptr::null_mut;

/// One layout serves all five: a few object fields and counters.
#[repr(C)]
pub struct IterObject {
    pub ob_base: PyObject,
    pub a: *mut PyObject,
    pub b: *mut PyObject,
    pub index: i64,
    pub flag: i64,
}

#[no_mangle]
pub static mut PyEnum_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyFilter_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyMap_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyZip_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyReversed_Type: PyTypeObject = PyTypeObject::EMPTY;

fn make(t: *mut PyTypeObject, a: Obj, b: Option<Obj>, index: i64, flag: i64) -> PyResult<Obj> {
    let o = crate::types::type_::alloc_instance(t, 0)?;
    unsafe {
        let p = o.cast_mut::<IterObject>();
        p.a = a.into_raw();
        p.b = crate::object::opt_into_raw(b);
        p.index = index;
        p.flag = flag;
    }
    Ok(o)
}

fn fields(o: &Obj) -> &mut IterObject {
    unsafe { o.cast_mut::<IterObject>() }
}

/// Clinic's keyword check for `exact`'s __new__: keywords are rejected for
/// the exact type and for subclasses that keep its __init__ (a subclass
/// overriding __init__ may take keywords there).
#[allow(unpredictable_function_pointer_comparisons)]
fn no_kw_unless_init(name: &str, t: *mut PyTypeObject, exact: *mut PyTypeObject, kwargs: Option<&Obj>) -> PyResult<()> {
    if t == exact || unsafe { (*t).tp_init == (*exact).tp_init } {
        no_kw(name, kwargs)?;
    }
    Ok(())
}

fn no_kw(name: &str, kwargs: Option<&Obj>) -> PyResult<()> {
    if kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "{}() takes no keyword arguments", name);
    }
    Ok(())
}

// enumerate(iterable, start=0)
fn enum_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    if v.is_empty() {
        // CPython's fast path words this without the position.
        crate::bail!(TypeError, "enumerate() missing required argument 'iterable'");
    }
    let a = parse_args("enumerate", &v, kn.as_ref(), &["iterable", "start"], 1, 0)?;
    let it = crate::ops::iter(a[0].as_ref().unwrap())?;
    let start = match &a[1] {
        Some(s) => int::index(s)?,
        None => int::from_i64(0),
    };
    make(t, it, Some(start), 0, 0)
}
crate::new_slot!(enum_new_slot => enum_new);

fn enum_next(o: &Obj) -> PyResult<Obj> {
    let f = fields(o);
    let it = unsafe { Obj::borrow_slot(&f.a) };
    let v = match crate::ops::next(it)? {
        Some(v) => v,
        None => return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration())),
    };
    let idx = unsafe { Obj::from_borrowed(f.b) };
    let next = crate::ops::number::binary_op(&idx, &int::from_i64(1), krait_bytecode::BinaryOp::Add)?;
    unsafe { crate::object::xsetref(&mut f.b, next.into_raw()) };
    Ok(tuple::new(&[idx, v]))
}

/// Pickling: `(type(self), (iterator, next index))`, as CPython.
fn enum_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("enumerate.__reduce__", a, k, 0, 0)?;
    let f = fields(slf);
    let (it, idx) = unsafe { (Obj::from_borrowed(f.a), Obj::from_borrowed(f.b)) };
    Ok(tuple::new(&[slf.get_type(), tuple::new(&[it, idx])]))
}

// filter(function or None, iterable)
fn filter_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    no_kw_unless_init("filter", t, &raw mut PyFilter_Type, kwargs)?;
    let a = tuple::items(args);
    if a.len() != 2 {
        crate::bail!(TypeError, "filter expected 2 arguments, got {}", a.len());
    }
    let it = crate::ops::iter(&a[1])?;
    make(t, it, Some(a[0].clone()), 0, 0)
}
crate::new_slot!(filter_new_slot => filter_new);

fn filter_next(o: &Obj) -> PyResult<Obj> {
    let f = fields(o);
    let it = unsafe { Obj::borrow_slot(&f.a) };
    let func = unsafe { Obj::borrow_slot(&f.b) };
    loop {
        let v = match crate::ops::next(it)? {
            Some(v) => v,
            None => return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration())),
        };
        let keep = if none::is_none(func) || func.is(&crate::types::type_::type_obj(crate::types::bool_::type_ptr())) {
            crate::ops::truthy(&v)?
        } else {
            crate::ops::truthy(&crate::ops::call::call(func, &[v.clone()], None)?)?
        };
        if keep {
            return Ok(v);
        }
    }
}

/// Pickling: `(type(self), (function, iterator))`, as CPython.
fn filter_reduce(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("filter.__reduce__", a, k, 0, 0)?;
    let f = fields(o);
    let (it, func) = unsafe { (Obj::borrow_slot(&f.a).clone(), Obj::borrow_slot(&f.b).clone()) };
    Ok(tuple::new(&[crate::types::type_::type_obj(o.type_ptr()), tuple::new(&[func, it])]))
}

/// Pickling: `(type(self), (function, *iterators))`.
fn map_reduce(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("map.__reduce__", a, k, 0, 0)?;
    let f = fields(o);
    let (its, func) = unsafe { (Obj::borrow_slot(&f.a).clone(), Obj::borrow_slot(&f.b).clone()) };
    let mut args = vec![func];
    args.extend(tuple::items(&its).iter().cloned());
    Ok(tuple::new(&[crate::types::type_::type_obj(o.type_ptr()), tuple::from_vec(args)]))
}

/// Pickling: `(type(self), iterators)`, plus `True` as state when strict.
fn zip_reduce(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("zip.__reduce__", a, k, 0, 0)?;
    let f = fields(o);
    let its = unsafe { Obj::borrow_slot(&f.a).clone() };
    let t = crate::types::type_::type_obj(o.type_ptr());
    if f.flag != 0 {
        return Ok(tuple::new(&[t, its, crate::types::bool_::from_bool(true)]));
    }
    Ok(tuple::new(&[t, its]))
}

fn zip_setstate(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("zip.__setstate__", a, k, 1, 1)?;
    let strict = crate::ops::truthy(&a[0])?;
    fields(o).flag = strict as i64;
    Ok(none::none())
}

// map(function, *iterables)
fn map_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    no_kw_unless_init("map", t, &raw mut PyMap_Type, kwargs)?;
    let a = tuple::items(args);
    if a.len() < 2 {
        crate::bail!(TypeError, "map() must have at least two arguments.");
    }
    let its = a[1..].iter().map(crate::ops::iter).collect::<PyResult<Vec<_>>>()?;
    make(t, tuple::from_vec(its), Some(a[0].clone()), 0, 0)
}
crate::new_slot!(map_new_slot => map_new);

fn map_next(o: &Obj) -> PyResult<Obj> {
    let f = fields(o);
    let its = unsafe { Obj::borrow_slot(&f.a) };
    let func = unsafe { Obj::borrow_slot(&f.b) };
    let mut vals = Vec::with_capacity(tuple::len(its));
    for it in tuple::items(its) {
        match crate::ops::next(it)? {
            Some(v) => vals.push(v),
            None => return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration())),
        }
    }
    crate::ops::call::call(func, &vals, None)
}

// zip(*iterables, strict=False)
fn zip_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let mut strict = false;
    if let Some(k) = kwargs {
        for (key, v) in crate::types::dict::items_vec(k) {
            if pystr::eq_str(&key, "strict") {
                strict = crate::ops::truthy(&v)?;
            } else {
                crate::bail!(TypeError, "'{}' is an invalid keyword argument for zip()", pystr::to_string_lossy(&key));
            }
        }
    }
    let its = tuple::items(args).iter().map(crate::ops::iter).collect::<PyResult<Vec<_>>>()?;
    make(t, tuple::from_vec(its), None, 0, strict as i64)
}
crate::new_slot!(zip_new_slot => zip_new);

fn zip_next(o: &Obj) -> PyResult<Obj> {
    let f = fields(o);
    let its = unsafe { Obj::borrow_slot(&f.a) };
    let items = tuple::items(its);
    if items.is_empty() {
        return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration()));
    }
    let mut vals = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match crate::ops::next(it)? {
            Some(v) => vals.push(v),
            None => {
                if f.flag != 0 {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        crate::bail!(ValueError, "zip() argument {} is shorter than argument{}{}", i + 1, plural, i);
                    }
                    for (j, other) in items.iter().enumerate().skip(1) {
                        if crate::ops::next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            crate::bail!(ValueError, "zip() argument {} is longer than argument{}{}", j + 1, plural, j);
                        }
                    }
                }
                return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration()));
            }
        }
    }
    // `b` keeps the last result tuple for reuse.
    Ok(unsafe { tuple::reuse_slot(&mut f.b, vals) })
}

// reversed(sequence)
fn reversed_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    no_kw_unless_init("reversed", t, &raw mut PyReversed_Type, kwargs)?;
    let a = tuple::items(args);
    if a.len() != 1 {
        crate::bail!(TypeError, "reversed expected 1 argument, got {}", a.len());
    }
    let seq = &a[0];
    if let Some(r) = crate::types::type_::lookup_str(seq.type_ptr(), "__reversed__") {
        if none::is_none(&r) {
            crate::bail!(TypeError, "'{}' object is not reversible", seq.ty().name());
        }
        // Looked up on the type and bound there, never through the
        // instance's __getattribute__ (special method lookup).
        let bound = crate::ops::attr::lookup_special(seq, "__reversed__")?.unwrap_or(r);
        return crate::ops::call::call(&bound, &[], None);
    }
    if !crate::ops::seq::has_sq_item(seq) || crate::types::dict::is_dict(seq) {
        crate::bail!(TypeError, "'{}' object is not reversible", seq.ty().name());
    }
    let n = crate::ops::len(seq)? as i64;
    make(t, seq.clone(), None, n - 1, 0)
}
crate::new_slot!(reversed_new_slot => reversed_new);

/// Exhaustion lets go of the sequence, as CPython (its __del__ may run now).
fn reversed_release(f: &mut IterObject) {
    f.index = -1;
    unsafe { crate::object::xdecref(std::mem::replace(&mut f.a, null_mut())) };
}

fn reversed_next(o: &Obj) -> PyResult<Obj> {
    let f = fields(o);
    if f.a.is_null() {
        return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration()));
    }
    if f.index < 0 {
        reversed_release(f);
        return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration()));
    }
    let seq = unsafe { Obj::from_borrowed(f.a) };
    let r = crate::ops::seq::getitem(&seq, &int::from_i64(f.index));
    match r {
        Ok(v) => {
            fields(o).index -= 1;
            Ok(v)
        }
        Err(e) => {
            if crate::errors::matches(crate::types::exceptions::IndexError()) || crate::errors::matches(crate::types::exceptions::StopIteration()) {
                crate::errors::clear();
                drop(seq);
                reversed_release(fields(o));
                return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration()));
            }
            Err(e)
        }
    }
}

fn reversed_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let f = fields(slf);
    if f.a.is_null() {
        return Ok(int::from_i64(0));
    }
    // CPython: the sequence's current length caps the hint.
    let n = crate::ops::len(unsafe { Obj::borrow_slot(&f.a) })? as i64;
    Ok(int::from_i64(if n < f.index + 1 { 0 } else { f.index + 1 }))
}

/// `(type(r), (seq,), index)`, or `(type(r), ((),))` once exhausted.
fn reversed_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__reduce__", a, k, 0, 0)?;
    let f = fields(slf);
    if f.a.is_null() {
        return Ok(tuple::new(&[slf.get_type(), tuple::new(&[tuple::new(&[])])]));
    }
    let seq = unsafe { Obj::from_borrowed(f.a) };
    Ok(tuple::new(&[slf.get_type(), tuple::new(&[seq]), int::from_i64(f.index)]))
}

/// Sets the position, clamped to -1 ..= len - 1.
fn reversed_setstate(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__setstate__", a, k, 1, 1)?;
    let index = crate::types::iter::state_index(&a[0])? as i64;
    let f = fields(slf);
    if !f.a.is_null() {
        let n = crate::ops::len(unsafe { Obj::borrow_slot(&f.a) })? as i64;
        fields(slf).index = index.clamp(-1, n - 1);
    }
    Ok(none::none())
}

macro_rules! next_slot {
    ($name:ident => $f:path) => {
        unsafe extern "C" fn $name(p: *mut PyObject) -> *mut PyObject {
            match $f(Obj::borrow_slot(&p)) {
                Ok(v) => v.into_raw(),
                Err(_) => {
                    // Exhaustion is reported without an exception set.
                    if crate::errors::matches(crate::types::exceptions::StopIteration()) {
                        let e = crate::errors::fetch().unwrap();
                        let has_value = crate::types::tuple::len(&crate::types::exceptions::args(&e)) > 0;
                        if has_value {
                            let _ = crate::errors::restore(e);
                        }
                    }
                    null_mut()
                }
            }
        }
    };
}
next_slot!(enum_next_slot => enum_next);
next_slot!(filter_next_slot => filter_next);
next_slot!(map_next_slot => map_next);
next_slot!(zip_next_slot => zip_next);
next_slot!(reversed_next_slot => reversed_next);

unsafe extern "C" fn iter_dealloc(p: *mut PyObject) {
    let f = &mut *(p as *mut IterObject);
    crate::object::xdecref(std::mem::replace(&mut f.a, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut f.b, null_mut()));
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn iter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let f = &*(p as *const IterObject);
    for x in [f.a, f.b] {
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
    use crate::types::iter::self_iter;
    unsafe {
        for (t, name, new, next) in [
            (&raw mut PyEnum_Type, "enumerate", enum_new_slot as crate::object::NewFunc, enum_next_slot as crate::object::IterNextFunc),
            (&raw mut PyFilter_Type, "filter", filter_new_slot, filter_next_slot),
            (&raw mut PyMap_Type, "map", map_new_slot, map_next_slot),
            (&raw mut PyZip_Type, "zip", zip_new_slot, zip_next_slot),
            (&raw mut PyReversed_Type, "reversed", reversed_new_slot, reversed_next_slot),
        ] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<IterObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
            (*t).tp_dealloc = Some(iter_dealloc);
            (*t).tp_traverse = Some(iter_traverse);
            (*t).tp_iter = Some(self_iter);
            (*t).tp_iternext = Some(next);
            (*t).tp_new = Some(new);
            (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        }
        use crate::types::builtin_func::{method, method_table};
        (*(&raw mut PyEnum_Type)).tp_methods = method_table(&[method("__reduce__", enum_reduce)]);
        (*(&raw mut PyFilter_Type)).tp_methods = method_table(&[method("__reduce__", filter_reduce)]);
        (*(&raw mut PyMap_Type)).tp_methods = method_table(&[method("__reduce__", map_reduce)]);
        (*(&raw mut PyZip_Type)).tp_doc = crate::types::builtin_func::cstr(
            "zip(*iterables, strict=False)\n\nAn iterator of tuples: the first items of all the iterables, then the\nsecond items, and so on, until the shortest iterable is exhausted.  With\nstrict=True, iterables of different lengths raise ValueError instead.\n\n   >>> list(zip('abc', [1, 2, 3], (True, False, None)))\n   [('a', 1, True), ('b', 2, False), ('c', 3, None)]",
        );
        (*(&raw mut PyZip_Type)).tp_methods =
            method_table(&[method("__reduce__", zip_reduce), method("__setstate__", zip_setstate)]);
        (*(&raw mut PyReversed_Type)).tp_methods = crate::types::builtin_func::method_table(&[
            crate::types::builtin_func::method("__length_hint__", reversed_length_hint),
            crate::types::builtin_func::method("__reduce__", reversed_reduce),
            crate::types::builtin_func::method("__setstate__", reversed_setstate),
        ]);
    }
}
