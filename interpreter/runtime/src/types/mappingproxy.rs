//! `mappingproxy`: the read-only view of a class's namespace (`C.__dict__`).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::str as pystr;
use std::ptr::null_mut;

#[repr(C)]
pub struct MappingProxyObject {
    pub ob_base: PyObject,
    pub mapping: *mut PyObject,
}

#[no_mangle]
pub static mut PyDictProxy_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn new(mapping: &Obj) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyDictProxy_Type, 0) as *mut MappingProxyObject;
        (*p).mapping = mapping.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn mapping(o: &Obj) -> &Obj {
    unsafe { Obj::borrow_slot(&o.cast::<MappingProxyObject>().mapping) }
}

fn mp_getitem(o: &Obj, k: &Obj) -> PyResult<Obj> {
    crate::ops::seq::getitem(mapping(o), k)
}
crate::binary_slot!(mp_getitem_slot => mp_getitem);

fn mp_len(o: &Obj) -> PyResult<usize> {
    crate::ops::len(mapping(o))
}
crate::len_slot!(mp_len_slot => mp_len);

fn mp_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    crate::ops::seq::contains(mapping(o), k)
}
crate::contains_slot!(mp_contains_slot => mp_contains);

fn mp_iter(o: &Obj) -> PyResult<Obj> {
    crate::ops::iter(mapping(o))
}
crate::unary_slot!(mp_iter_slot => mp_iter);

fn mp_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&format!("mappingproxy({})", crate::ops::repr_string(mapping(o))?)))
}
crate::unary_slot!(mp_repr_slot => mp_repr);

fn mp_str(o: &Obj) -> PyResult<Obj> {
    crate::ops::str_of(mapping(o))
}
crate::unary_slot!(mp_str_slot => mp_str);

fn mp_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    crate::ops::rich_compare(mapping(a), b, op)
}
crate::richcmp_slot!(mp_richcompare_slot => mp_richcompare);

fn fwd(slf: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    crate::ops::attr::call_method(mapping(slf), name, args)
}
fn m_keys(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mappingproxy.keys", a, k, 0, 0)?;
    fwd(slf, "keys", a)
}
fn m_values(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mappingproxy.values", a, k, 0, 0)?;
    fwd(slf, "values", a)
}
fn m_items(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mappingproxy.items", a, k, 0, 0)?;
    fwd(slf, "items", a)
}
fn m_get(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mappingproxy.get", a, k, 1, 2)?;
    fwd(slf, "get", a)
}
fn m_copy(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mappingproxy.copy", a, k, 0, 0)?;
    fwd(slf, "copy", a)
}

unsafe extern "C" fn mp_dealloc(p: *mut PyObject) {
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut MappingProxyObject)).mapping, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn mp_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let m = (*(p as *mut MappingProxyObject)).mapping;
    if m.is_null() { 0 } else { visit(m, arg) }
}

/// `mappingproxy(mapping)`: any mapping but a list or a tuple.
fn mp_new(_t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(crate::types::tuple::items(args), kw)?;
    let a = crate::types::builtin_func::parse_args("mappingproxy", &v, kn.as_ref(), &["mapping"], 1, 0)?;
    let m = a[0].clone().unwrap();
    let is_mapping = unsafe {
        let mp = (*m.type_ptr()).tp_as_mapping;
        !mp.is_null() && (*mp).mp_subscript.is_some()
    };
    if !is_mapping || crate::types::list::is_list(&m) || crate::types::tuple::is_tuple(&m) {
        crate::bail!(TypeError, "mappingproxy() argument must be a mapping, not {}", m.ty().name());
    }
    new(&m)
}
crate::new_slot!(mp_new_slot => mp_new);

static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = &raw mut PyDictProxy_Type;
        crate::types::type_::init_static(t, "mappingproxy", std::mem::size_of::<MappingProxyObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::MAPPING;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(mp_dealloc);
        (*t).tp_new = Some(mp_new_slot);
        (*t).tp_traverse = Some(mp_traverse);
        (*(&raw mut AS_MAPPING)).mp_subscript = Some(mp_getitem_slot);
        (*(&raw mut AS_MAPPING)).mp_length = Some(mp_len_slot);
        (*(&raw mut AS_SEQUENCE)).sq_contains = Some(mp_contains_slot);
        (*t).tp_as_mapping = &raw mut AS_MAPPING;
        (*t).tp_as_sequence = &raw mut AS_SEQUENCE;
        (*t).tp_iter = Some(mp_iter_slot);
        (*t).tp_repr = Some(mp_repr_slot);
        (*t).tp_str = Some(mp_str_slot);
        (*t).tp_richcompare = Some(mp_richcompare_slot);
        (*t).tp_methods = method_table(&[
            method("keys", m_keys),
            method("values", m_values),
            method("items", m_items),
            method("get", m_get),
            method("copy", m_copy),
            method("__reversed__", m_reversed),
            crate::types::builtin_func::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
        ]);
        let nb = &raw mut AS_NUMBER;
        (*nb).nb_or = Some(mp_or_slot);
        (*nb).nb_inplace_or = Some(mp_ior_slot);
        (*t).tp_as_number = nb;
    }
}

static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;

fn m_reversed(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reversed__", a, k, 0, 0)?;
    fwd(slf, "__reversed__", &[])
}

fn is_proxy(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), &raw mut PyDictProxy_Type)
}

/// `proxy | other`: the union of the underlying mappings.
fn mp_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let a = if is_proxy(a) { mapping(a).clone() } else { a.clone() };
    let b = if is_proxy(b) { mapping(b).clone() } else { b.clone() };
    crate::ops::number::binary_op(&a, &b, krait_bytecode::BinaryOp::Or)
}
crate::binary_slot!(mp_or_slot => mp_or);

fn mp_ior(a: &Obj, _b: &Obj) -> PyResult<Obj> {
    crate::bail!(TypeError, "'|=' is not supported by {}; use '|' instead", a.ty().name())
}
crate::binary_slot!(mp_ior_slot => mp_ior);
