//! The builtin types, one file per type (as CPython's Objects/), and their
//! start-up order.

pub mod slots;

pub mod bool_;
pub mod buffer;
pub mod builtin_func;
pub mod bytearray;
pub mod bytes;
pub mod bytes_format;
pub mod bytes_methods;
pub mod cell;
pub mod code;
pub mod code_tables;
pub mod complex;
pub mod dict;
pub mod dictview;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod union;
pub mod getset;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod member;
pub mod memoryview;
pub mod method;
pub mod module;
pub mod namespace;
pub mod none;
pub mod numeric;
pub mod object_;
pub mod object_reduce;
pub mod os_error;
pub mod property;
pub mod range;
pub mod set;
pub mod slice;
pub mod slot_wrappers;
pub mod sort;
pub mod str;
pub mod str_format;
pub mod str_case;
pub mod str_iter;
pub mod str_methods;
pub mod str_percent;
pub mod str_search;
pub mod str_unicode;
pub mod structseq;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod type_;
pub mod weakref;
pub mod weakref_proxy;

use crate::errors::PyResult;
use crate::object::{Obj, PyTypeObject};

/// The contents of a bytes-like object other than bytes (any buffer
/// exporter: bytearray, memoryview, ...), or None. A failing export (a
/// released memoryview) also gives None here, leaving the caller's own
/// TypeError to explain.
pub fn bytearray_view(o: &Obj) -> Option<Vec<u8>> {
    match buffer::copy_bytes(o)? {
        Ok(v) => Some(v),
        Err(_) => {
            crate::errors::clear();
            None
        }
    }
}

/// Every static type, in the order they are readied (bases first).
fn static_types() -> Vec<*mut PyTypeObject> {
    let mut v: Vec<*mut PyTypeObject> = vec![
        type_::object_type(),
        type_::type_type(),
        str::type_ptr(),
        dict::type_ptr(),
        tuple::type_ptr(),
        list::type_ptr(),
        int::type_ptr(),
        bool_::type_ptr(),
        float::type_ptr(),
        complex::type_ptr(),
        bytes::type_ptr(),
        bytearray::type_ptr(),
        memoryview::type_ptr(),
        &raw mut memoryview::_PyManagedBuffer_Type,
        set::set_type(),
        set::frozenset_type(),
        range::type_ptr(),
        slice::type_ptr(),
        &raw mut none::_PyNone_Type,
        &raw mut none::_PyNotImplemented_Type,
        &raw mut none::PyEllipsis_Type,
        &raw mut builtin_func::PyCFunction_Type,
        &raw mut builtin_func::PyMethodDescr_Type,
        &raw mut builtin_func::PyClassMethodDescr_Type,
        &raw mut getset::PyGetSetDescr_Type,
        &raw mut member::PyMemberDescr_Type,
        &raw mut member::_PyKraitDictDescr_Type,
        &raw mut slot_wrappers::PyWrapperDescr_Type,
        &raw mut slot_wrappers::_PyMethodWrapper_Type,
        code::type_ptr(),
        function::type_ptr(),
        &raw mut function::PyStaticMethod_Type,
        &raw mut function::PyClassMethod_Type,
        method::type_ptr(),
        cell::type_ptr(),
        module::type_ptr(),
        weakref::ref_type(),
        traceback::type_ptr(),
        crate::eval::frame::type_ptr(),
        &raw mut iter::PySeqIter_Type,
        &raw mut iter::PyCallIter_Type,
        &raw mut mappingproxy::PyDictProxy_Type,
        super_::type_ptr(),
        &raw mut property::PyProperty_Type,
        namespace::type_ptr(),
        generic_alias::type_ptr(),
        generic_alias::iter_type_ptr(),
        union::type_ptr(),
        generator::gen_type(),
        generator::coro_type(),
        generator::asyncgen_type(),
        &raw mut generator::_PyCoroWrapper_Type,
        &raw mut generator::_PyAsyncGenWrappedValue_Type,
        &raw mut generator::_PyAsyncGenASend_Type,
        &raw mut generator::_PyAsyncGenAThrow_Type,
        &raw mut structseq::_PyKraitStructSeqField_Type,
        &raw mut crate::builtins::async_iter::_PyAnextAwaitable_Type,
        &raw mut crate::builtins::iterators::PyEnum_Type,
        &raw mut crate::builtins::iterators::PyFilter_Type,
        &raw mut crate::builtins::iterators::PyMap_Type,
        &raw mut crate::builtins::iterators::PyZip_Type,
        &raw mut crate::builtins::iterators::PyReversed_Type,
        &raw mut crate::modules::sys::_PyKraitStream_Type,
    ];
    v.extend(dictview::types());
    v.extend(bytes::iterator_types());
    v.extend(bytearray::iterator_types());
    v.extend(memoryview::iterator_types());
    v.extend(str_iter::iterator_types());
    v.extend(list::iterator_types());
    v.extend(tuple::iterator_types());
    v.extend(range::iterator_types());
    v.extend(set::iterator_types());
    for (t, _, _, _, _) in exceptions::table() {
        v.push(t);
    }
    v
}

/// Initialises and readies every builtin type.
pub fn init_all() -> PyResult<()> {
    object_::init_types();
    type_::init_types();
    str_methods::init_types();
    str_iter::init_types();
    dict::init_types();
    dictview::init_types();
    tuple::init_types();
    list::init_types();
    int::init_types();
    bool_::init_types();
    float::init_types();
    complex::init_types();
    bytes::init_types();
    bytearray::init_types();
    memoryview::init_types();
    set::init_types();
    range::init_types();
    slice::init_types();
    none::init_types();
    builtin_func::init_types();
    getset::init_types();
    member::init_types();
    slot_wrappers::init_types();
    code::init_types();
    function::init_types();
    method::init_types();
    cell::init_types();
    module::init_types();
    weakref::init_types();
    weakref_proxy::init_types();
    traceback::init_types();
    crate::eval::frame::init_types();
    iter::init_types();
    mappingproxy::init_types();
    super_::init_types();
    property::init_types();
    namespace::init_types();
    generic_alias::init_types();
    union::init_types();
    generator::init_types();
    structseq::init_types();
    exceptions::init_types();
    exception_group::init_types();
    crate::builtins::iterators::init_types();
    crate::builtins::async_iter::init_types();
    crate::modules::sys::init_types();
    generic_alias::init_late_class_getitem();
    for t in static_types() {
        type_::ready(t)?;
    }
    // The builtin types CPython 3.11 constructs by vectorcall: a call to one
    // skips tp_call, so (as there) it does not count against the recursion
    // limit. tp_vectorcall is never inherited by subclasses.
    unsafe {
        use crate::builtins::iterators as it;
        for t in [
            &raw mut set::PySet_Type,
            &raw mut set::PyFrozenSet_Type,
            &raw mut list::PyList_Type,
            &raw mut dict::PyDict_Type,
            &raw mut tuple::PyTuple_Type,
            &raw mut bool_::PyBool_Type,
            &raw mut float::PyFloat_Type,
            &raw mut it::PyEnum_Type,
            &raw mut it::PyReversed_Type,
            &raw mut it::PyMap_Type,
            &raw mut it::PyFilter_Type,
        ] {
            type_::construct_by_vectorcall(t);
        }
    }
    // The proxies' dicts wrap their slots, which needs the types above ready.
    type_::ready(weakref_proxy::proxy_type())?;
    type_::ready(weakref_proxy::callable_proxy_type())?;
    exceptions::init_exception_group()?;
    Ok(())
}

/// Layout facts of the number, container and exception structs for the
/// layout test (`tests/layout.rs`), keyed like its C program's output.
pub fn layout_facts(m: &mut std::collections::HashMap<String, usize>) {
    use std::mem::{offset_of, size_of};
    m.insert("sizeof PyFloatObject".into(), size_of::<float::PyFloatObject>());
    m.insert("offsetof PyFloatObject.ob_fval".into(), offset_of!(float::PyFloatObject, ob_fval));
    m.insert("sizeof PyComplexObject".into(), size_of::<complex::PyComplexObject>());
    m.insert("offsetof PyComplexObject.cval".into(), offset_of!(complex::PyComplexObject, cval));
    m.insert("sizeof PyLongObject".into(), size_of::<int::PyLongObject>());
    m.insert("offsetof PyLongObject.ob_digit".into(), offset_of!(int::PyLongObject, ob_digit));
    m.insert("sizeof PyTupleObject".into(), size_of::<tuple::PyTupleObject>());
    m.insert("offsetof PyTupleObject.ob_item".into(), offset_of!(tuple::PyTupleObject, ob_item));
    m.insert("sizeof PyListObject".into(), size_of::<list::PyListObject>());
    m.insert("offsetof PyListObject.ob_item".into(), offset_of!(list::PyListObject, ob_item));
    m.insert("offsetof PyListObject.allocated".into(), offset_of!(list::PyListObject, allocated));
    m.insert("sizeof PyDictObject".into(), size_of::<dict::PyDictObject>());
    m.insert("offsetof PyDictObject.ma_used".into(), offset_of!(dict::PyDictObject, ma_used));
    m.insert("offsetof PyDictObject.ma_version_tag".into(), offset_of!(dict::PyDictObject, ma_version_tag));
    m.insert("offsetof PyDictObject.ma_keys".into(), offset_of!(dict::PyDictObject, ma_keys));
    m.insert("offsetof PyDictObject.ma_values".into(), offset_of!(dict::PyDictObject, ma_values));
    // StopIteration keeps `value` as its first extra field after the base.
    m.insert("sizeof PyStopIterationObject".into(), size_of::<exceptions::PyBaseExceptionObject>() + 8);
    m.insert("offsetof PyStopIterationObject.value".into(), size_of::<exceptions::PyBaseExceptionObject>());
}
