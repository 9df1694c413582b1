//! The singletons `None`, `NotImplemented` and `Ellipsis` and their types.

use crate::errors::PyResult;
use crate::object::{Obj, PyObject, PyTypeObject};
use crate::types::str as pystr;

#[no_mangle]
pub static mut _Py_NoneStruct: PyObject = PyObject { ob_refcnt: 1 << 30, ob_type: &raw mut _PyNone_Type };
#[no_mangle]
pub static mut _Py_NotImplementedStruct: PyObject =
    PyObject { ob_refcnt: 1 << 30, ob_type: &raw mut _PyNotImplemented_Type };
#[no_mangle]
pub static mut _Py_EllipsisObject: PyObject = PyObject { ob_refcnt: 1 << 30, ob_type: &raw mut PyEllipsis_Type };

#[no_mangle]
pub static mut _PyNone_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyNotImplemented_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyEllipsis_Type: PyTypeObject = PyTypeObject::EMPTY;

#[inline]
pub fn none_ptr() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

#[inline]
pub fn none() -> Obj {
    unsafe { Obj::from_borrowed(none_ptr()) }
}

#[inline]
pub fn is_none(o: &Obj) -> bool {
    o.as_ptr() == none_ptr()
}

#[inline]
pub fn not_implemented() -> Obj {
    unsafe { Obj::from_borrowed(&raw mut _Py_NotImplementedStruct) }
}

#[inline]
pub fn is_not_implemented(o: &Obj) -> bool {
    o.as_ptr() == &raw mut _Py_NotImplementedStruct
}

pub fn ellipsis() -> Obj {
    unsafe { Obj::from_borrowed(&raw mut _Py_EllipsisObject) }
}

fn none_repr(_: &Obj) -> PyResult<Obj> {
    Ok(pystr::intern_static("None"))
}
crate::unary_slot!(none_repr_slot => none_repr);

fn ni_repr(_: &Obj) -> PyResult<Obj> {
    Ok(pystr::intern_static("NotImplemented"))
}
crate::unary_slot!(ni_repr_slot => ni_repr);

fn ellipsis_repr(_: &Obj) -> PyResult<Obj> {
    Ok(pystr::intern_static("Ellipsis"))
}
crate::unary_slot!(ellipsis_repr_slot => ellipsis_repr);

fn none_bool(_: &Obj) -> PyResult<bool> {
    Ok(false)
}
crate::inquiry_slot!(none_bool_slot => none_bool);

fn ni_bool(_: &Obj) -> PyResult<bool> {
    crate::errors::warn(
        crate::types::exceptions::DeprecationWarning(),
        "NotImplemented should not be used in a boolean context",
    )?;
    Ok(true)
}
crate::inquiry_slot!(ni_bool_slot => ni_bool);

/// `type(None)()` etc. return the singleton; arguments are refused.
fn singleton_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let name = unsafe { (*t).name() };
    if crate::types::tuple::len(args) != 0 || kwargs.map(|k| crate::types::dict::len(k) != 0).unwrap_or(false) {
        crate::bail!(TypeError, "{} takes no arguments", name);
    }
    Ok(unsafe {
        if t == &raw mut _PyNone_Type {
            none()
        } else if t == &raw mut _PyNotImplemented_Type {
            not_implemented()
        } else {
            ellipsis()
        }
    })
}
crate::new_slot!(singleton_new_slot => singleton_new);

fn reduce_name(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Ok(if is_not_implemented(slf) { pystr::intern_static("NotImplemented") } else { pystr::intern_static("Ellipsis") })
}

static mut NONE_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;
static mut NI_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;

pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let t = &raw mut _PyNone_Type;
        init_static(t, "NoneType", 16, 0);
        (*t).tp_repr = Some(none_repr_slot);
        (*(&raw mut NONE_NUMBER)).nb_bool = Some(none_bool_slot);
        (*t).tp_as_number = &raw mut NONE_NUMBER;
        (*t).tp_new = Some(singleton_new_slot);
        (*t).tp_hash = Some(crate::ops::object_hash_identity);

        let t = &raw mut _PyNotImplemented_Type;
        init_static(t, "NotImplementedType", 16, 0);
        (*t).tp_repr = Some(ni_repr_slot);
        (*(&raw mut NI_NUMBER)).nb_bool = Some(ni_bool_slot);
        (*t).tp_as_number = &raw mut NI_NUMBER;
        (*t).tp_new = Some(singleton_new_slot);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__reduce__", reduce_name)]);

        let t = &raw mut PyEllipsis_Type;
        init_static(t, "ellipsis", 16, 0);
        (*t).tp_repr = Some(ellipsis_repr_slot);
        (*t).tp_new = Some(singleton_new_slot);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__reduce__", reduce_name)]);
    }
}
