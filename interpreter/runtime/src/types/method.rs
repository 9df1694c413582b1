//! Bound methods (`method`): a function with its `self`, as CPython's
//! PyMethodObject (im_func, im_self, im_weakreflist, vectorcall).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject, VectorcallFunc};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{str as pystr, tuple};
use std::ptr::null_mut;

#[repr(C)]
pub struct MethodObject {
    pub ob_base: PyObject,
    pub im_func: *mut PyObject,
    pub im_self: *mut PyObject,
    pub im_weakreflist: *mut PyObject,
    pub vectorcall: Option<VectorcallFunc>,
}

#[no_mangle]
pub static mut PyMethod_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyMethod_Type
}

pub fn is_method(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

pub fn new(f: &Obj, slf: &Obj) -> Obj {
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut MethodObject;
        (*p).im_func = f.clone().into_raw();
        (*p).im_self = slf.clone().into_raw();
        (*p).vectorcall = Some(method_vectorcall);
        Obj::from_owned(p as *mut PyObject)
    }
}

pub fn func_of(m: &Obj) -> &Obj {
    unsafe { Obj::borrow_slot(&m.cast::<MethodObject>().im_func) }
}

pub fn self_of(m: &Obj) -> &Obj {
    unsafe { Obj::borrow_slot(&m.cast::<MethodObject>().im_self) }
}

unsafe extern "C" fn method_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let m = Obj::borrow_slot(&callable);
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(Obj::borrow_slot(&kwnames)) };
    let npos = nargsf & !crate::types::builtin_func::VECTORCALL_ARGUMENTS_OFFSET;
    let rest = Obj::borrow_slice(std::slice::from_raw_parts(args, npos + nkw));
    let mut all = Vec::with_capacity(rest.len() + 1);
    all.push(self_of(m).clone());
    all.extend_from_slice(rest);
    let kw = if kwnames.is_null() { None } else { Some(Obj::borrow_slot(&kwnames)) };
    crate::types::slots::ret(crate::ops::call::call(func_of(m), &all, kw))
}

unsafe extern "C" fn method_dealloc(p: *mut PyObject) {
    let m = &mut *(p as *mut MethodObject);
    if !m.im_weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    crate::object::xdecref(std::mem::replace(&mut m.im_func, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut m.im_self, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn method_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let m = &*(p as *const MethodObject);
    for x in [m.im_func, m.im_self] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

fn method_repr(o: &Obj) -> PyResult<Obj> {
    let f = func_of(o);
    let name = match crate::ops::attr::getattr_opt(f, &pystr::intern_static("__qualname__"))? {
        Some(n) => n,
        None => crate::ops::attr::getattr_opt(f, &pystr::intern_static("__name__"))?.unwrap_or_else(|| pystr::new("?")),
    };
    Ok(pystr::new(&format!(
        "<bound method {} of {}>",
        pystr::to_string_lossy(&crate::ops::str_of(&name)?),
        crate::ops::repr_string(self_of(o))?
    )))
}
crate::unary_slot!(method_repr_slot => method_repr);

fn method_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    use krait_bytecode::CompareOp::*;
    if !is_method(b) || !matches!(op, Eq | Ne) {
        return Ok(crate::types::none::not_implemented());
    }
    let eq = func_of(a).is(func_of(b)) && self_of(a).is(self_of(b));
    Ok(crate::types::bool_::from_bool(if op == Eq { eq } else { !eq }))
}
crate::richcmp_slot!(method_richcompare_slot => method_richcompare);

fn method_hash(o: &Obj) -> PyResult<isize> {
    let a = crate::ops::object_hash_ptr(self_of(o).as_ptr());
    let b = crate::ops::hash(func_of(o))?;
    let h = a ^ b;
    Ok(if h == -1 { -2 } else { h })
}
crate::hash_slot!(method_hash_slot => method_hash);

fn method_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    // The method's own attributes first, then the function's.
    if let Some(v) = crate::types::type_::generic_getattr_opt(o, name)? {
        return Ok(v);
    }
    crate::ops::attr::getattr(func_of(o), name)
}
crate::binary_slot!(method_getattro_slot => method_getattro);

fn get_func(o: &Obj) -> PyResult<Obj> {
    Ok(func_of(o).clone())
}

/// `__doc__` is the function's: the type's own (None) must not shadow it.
fn get_doc(o: &Obj) -> PyResult<Obj> {
    crate::ops::attr::getattr(func_of(o), &pystr::intern_static("__doc__"))
}

fn get_self(o: &Obj) -> PyResult<Obj> {
    Ok(self_of(o).clone())
}

/// `types.MethodType(function, instance)`, with CPython's checks.
fn method_new(_t: *mut crate::object::PyTypeObject, args: &Obj, kw: Option<&Obj>) -> crate::errors::PyResult<Obj> {
    if kw.is_some_and(|k| crate::types::dict::len(k) > 0) {
        crate::bail!(TypeError, "method() takes no keyword arguments");
    }
    let a = crate::types::tuple::items(args);
    if a.len() != 2 {
        crate::bail!(TypeError, "method expected 2 arguments, got {}", a.len());
    }
    if !crate::builtins::is_callable(&a[0]) {
        crate::bail!(TypeError, "first argument must be callable");
    }
    if crate::types::none::is_none(&a[1]) {
        crate::bail!(TypeError, "instance must not be None");
    }
    Ok(new(&a[0], &a[1]))
}
crate::new_slot!(method_new_slot => method_new);

/// `__reduce__`: a bound method pickles as `getattr(self, name)`, as
/// CPython's (so classmethods bound to a class round-trip).
fn m_reduce(slf: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__reduce__", args, kwnames, 0, 0)?;
    let name = crate::ops::attr::getattr(func_of(slf), &crate::types::str::intern_static("__name__"))?;
    let getattr = crate::types::dict::get_item_str(&crate::interp::builtins_dict(), "getattr")?.expect("builtins.getattr");
    Ok(crate::types::tuple::new(&[getattr, crate::types::tuple::new(&[self_of(slf).clone(), name])]))
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "method", std::mem::size_of::<MethodObject>(), 0);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__reduce__", m_reduce)]);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::HAVE_VECTORCALL;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(method_dealloc);
        (*t).tp_traverse = Some(method_traverse);
        (*t).tp_vectorcall_offset = std::mem::offset_of!(MethodObject, vectorcall) as isize;
        (*t).tp_call = Some(crate::ops::call::vectorcall_tp_call);
        (*t).tp_repr = Some(method_repr_slot);
        (*t).tp_new = Some(method_new_slot);
        (*t).tp_richcompare = Some(method_richcompare_slot);
        (*t).tp_hash = Some(method_hash_slot);
        (*t).tp_getattro = Some(method_getattro_slot);
        (*t).tp_weaklistoffset = std::mem::offset_of!(MethodObject, im_weakreflist) as isize;
        (*t).tp_getset = getset_table(&[GetSetSpec::get("__func__", get_func), GetSetSpec::get("__self__", get_self), GetSetSpec::get("__doc__", get_doc)]);
    }
}
