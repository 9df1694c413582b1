//! `bool`: a subclass of int with exactly two instances, `True` and `False`,
//! which are static PyLongObjects as in CPython (`_Py_TrueStruct`, `_Py_FalseStruct`).

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyNumberMethods, PyObject, PyTypeObject, PyVarObject};
use crate::types::int::{self, PyLongObject};
use crate::types::str as pystr;
use crate::types::tuple;

#[no_mangle]
pub static mut PyBool_Type: PyTypeObject = PyTypeObject::EMPTY;

#[no_mangle]
pub static mut _Py_TrueStruct: PyLongObject = PyLongObject {
    ob_base: PyVarObject { ob_base: PyObject { ob_refcnt: 1 << 30, ob_type: &raw mut PyBool_Type }, ob_size: 1 },
    ob_digit: [1],
};

#[no_mangle]
pub static mut _Py_FalseStruct: PyLongObject = PyLongObject {
    ob_base: PyVarObject { ob_base: PyObject { ob_refcnt: 1 << 30, ob_type: &raw mut PyBool_Type }, ob_size: 0 },
    ob_digit: [0],
};

static mut BOOL_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;

#[inline]
pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyBool_Type
}

#[inline]
pub fn true_ptr() -> *mut PyObject {
    (&raw mut _Py_TrueStruct) as *mut PyObject
}

#[inline]
pub fn false_ptr() -> *mut PyObject {
    (&raw mut _Py_FalseStruct) as *mut PyObject
}

#[inline]
pub fn from_bool(b: bool) -> Obj {
    unsafe { Obj::from_borrowed(if b { true_ptr() } else { false_ptr() }) }
}

/// Is `o` the `True` object?
#[inline]
pub fn is_true(o: &Obj) -> bool {
    o.as_ptr() == true_ptr()
}

#[inline]
pub fn is_false(o: &Obj) -> bool {
    o.as_ptr() == false_ptr()
}

#[inline]
pub fn is_bool(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

fn repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::intern(if is_true(o) { "True" } else { "False" }))
}
crate::unary_slot!(repr_slot => repr);

macro_rules! bool_bitop {
    ($name:ident, $slot:ident, $intf:path, $op:tt) => {
        fn $name(a: &Obj, b: &Obj) -> PyResult<Obj> {
            if is_bool(a) && is_bool(b) {
                return Ok(from_bool(is_true(a) $op is_true(b)));
            }
            $intf(a, b)
        }
        crate::binary_slot!($slot => $name);
    };
}
bool_bitop!(bool_and, and_slot, int::and, &);
bool_bitop!(bool_or, or_slot, int::or, |);
bool_bitop!(bool_xor, xor_slot, int::xor, ^);

fn bool_new(_tp: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    if kwargs.map(|k| crate::types::dict::len(k) != 0).unwrap_or(false) {
        crate::bail!(TypeError, "bool() takes no keyword arguments");
    }
    let pos = tuple::items(args);
    if pos.len() > 1 {
        crate::bail!(TypeError, "bool expected at most 1 argument, got {}", pos.len());
    }
    match pos.first() {
        None => Ok(from_bool(false)),
        Some(x) => Ok(from_bool(crate::ops::truthy(x)?)),
    }
}
crate::new_slot!(new_slot => bool_new);

unsafe extern "C" fn bool_dealloc(_p: *mut PyObject) {
    // True and False are static and never freed.
}

/// Call after `int::init_types`.
pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let t = type_ptr();
        (*t).tp_base = int::type_ptr();
        init_static(t, "bool", std::mem::size_of::<PyLongObject>(), 4);
        (*t).tp_flags |= tpflags::LONG_SUBCLASS | tpflags::MATCH_SELF;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_repr = Some(repr_slot);
        (*t).tp_new = Some(new_slot);
        (*t).tp_dealloc = Some(bool_dealloc);
        (*t).tp_doc = crate::types::builtin_func::cstr(
            "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.",
        );
        let nb = &raw mut BOOL_NUMBER;
        std::ptr::copy_nonoverlapping(int::number_methods() as *const PyNumberMethods, nb, 1);
        (*nb).nb_and = Some(and_slot);
        (*nb).nb_or = Some(or_slot);
        (*nb).nb_xor = Some(xor_slot);
        (*t).tp_as_number = nb;
    }
}
