//! The layout test: compiles a C program against CPython 3.11's headers that
//! prints sizeof/offsetof of every struct and field compiled extensions
//! touch, and checks that krait's Rust structs agree.

use krait_runtime::object::*;
use krait_runtime::threadstate::{ErrStackItem, PyThreadState};
use krait_runtime::types::builtin_func::{PyCFunctionObject, PyMethodDescrObject};
use krait_runtime::types::bytearray::PyByteArrayObject;
use krait_runtime::types::bytes::PyBytesObject;
use krait_runtime::types::memoryview::{PyManagedBufferObject, PyMemoryViewObject};
use krait_runtime::types::exceptions::PyBaseExceptionObject;
use krait_runtime::types::str::{PyASCIIObject, PyCompactUnicodeObject, PyUnicodeObject};
use krait_runtime::types::traceback::TracebackObject;
use std::collections::HashMap;
use std::mem::{offset_of, size_of};
use std::process::Command;

const C_PROGRAM: &str = r#"
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <structmember.h>
#include <stddef.h>
#include <stdio.h>
#define S(T) printf("sizeof %s %zu\n", #T, sizeof(T));
#define O(T, f) printf("offsetof %s.%s %zu\n", #T, #f, offsetof(T, f));
int main(void) {
    S(PyObject) O(PyObject, ob_refcnt) O(PyObject, ob_type)
    S(PyVarObject) O(PyVarObject, ob_size)
    S(PyTypeObject)
    O(PyTypeObject, tp_name) O(PyTypeObject, tp_basicsize) O(PyTypeObject, tp_itemsize)
    O(PyTypeObject, tp_dealloc) O(PyTypeObject, tp_vectorcall_offset) O(PyTypeObject, tp_as_async)
    O(PyTypeObject, tp_repr) O(PyTypeObject, tp_as_number) O(PyTypeObject, tp_as_sequence)
    O(PyTypeObject, tp_as_mapping) O(PyTypeObject, tp_hash) O(PyTypeObject, tp_call)
    O(PyTypeObject, tp_str) O(PyTypeObject, tp_getattro) O(PyTypeObject, tp_setattro)
    O(PyTypeObject, tp_as_buffer) O(PyTypeObject, tp_flags) O(PyTypeObject, tp_doc)
    O(PyTypeObject, tp_traverse) O(PyTypeObject, tp_clear) O(PyTypeObject, tp_richcompare)
    O(PyTypeObject, tp_weaklistoffset) O(PyTypeObject, tp_iter) O(PyTypeObject, tp_iternext)
    O(PyTypeObject, tp_methods) O(PyTypeObject, tp_members) O(PyTypeObject, tp_getset)
    O(PyTypeObject, tp_base) O(PyTypeObject, tp_dict) O(PyTypeObject, tp_descr_get)
    O(PyTypeObject, tp_descr_set) O(PyTypeObject, tp_dictoffset) O(PyTypeObject, tp_init)
    O(PyTypeObject, tp_alloc) O(PyTypeObject, tp_new) O(PyTypeObject, tp_free)
    O(PyTypeObject, tp_is_gc) O(PyTypeObject, tp_bases) O(PyTypeObject, tp_mro)
    O(PyTypeObject, tp_cache) O(PyTypeObject, tp_subclasses) O(PyTypeObject, tp_weaklist)
    O(PyTypeObject, tp_del) O(PyTypeObject, tp_version_tag) O(PyTypeObject, tp_finalize)
    O(PyTypeObject, tp_vectorcall)
    S(PyHeapTypeObject) O(PyHeapTypeObject, as_async) O(PyHeapTypeObject, as_number)
    O(PyHeapTypeObject, as_mapping) O(PyHeapTypeObject, as_sequence) O(PyHeapTypeObject, as_buffer)
    O(PyHeapTypeObject, ht_name) O(PyHeapTypeObject, ht_slots) O(PyHeapTypeObject, ht_qualname)
    O(PyHeapTypeObject, ht_module)
    S(PyNumberMethods) O(PyNumberMethods, nb_index) O(PyNumberMethods, nb_inplace_matrix_multiply)
    S(PySequenceMethods) O(PySequenceMethods, sq_contains)
    S(PyMappingMethods) S(PyAsyncMethods) S(PyBufferProcs) S(Py_buffer)
    S(PyMethodDef) O(PyMethodDef, ml_flags) S(PyMemberDef) O(PyMemberDef, offset) S(PyGetSetDef) O(PyGetSetDef, closure)
    S(PyFloatObject) O(PyFloatObject, ob_fval)
    S(PyComplexObject) O(PyComplexObject, cval)
    S(PyLongObject) O(PyLongObject, ob_digit)
    S(PyTupleObject) O(PyTupleObject, ob_item)
    S(PyListObject) O(PyListObject, ob_item) O(PyListObject, allocated)
    S(PyBytesObject) O(PyBytesObject, ob_shash) O(PyBytesObject, ob_sval)
    S(PyByteArrayObject) O(PyByteArrayObject, ob_alloc) O(PyByteArrayObject, ob_bytes) O(PyByteArrayObject, ob_start) O(PyByteArrayObject, ob_exports)
    O(Py_buffer, buf) O(Py_buffer, obj) O(Py_buffer, len) O(Py_buffer, itemsize) O(Py_buffer, readonly) O(Py_buffer, ndim)
    O(Py_buffer, format) O(Py_buffer, shape) O(Py_buffer, strides) O(Py_buffer, suboffsets) O(Py_buffer, internal)
    S(_PyManagedBufferObject) O(_PyManagedBufferObject, flags) O(_PyManagedBufferObject, exports) O(_PyManagedBufferObject, master)
    S(PyMemoryViewObject) O(PyMemoryViewObject, mbuf) O(PyMemoryViewObject, hash) O(PyMemoryViewObject, flags) O(PyMemoryViewObject, exports)
    O(PyMemoryViewObject, view) O(PyMemoryViewObject, weakreflist) O(PyMemoryViewObject, ob_array)
    S(PyASCIIObject) O(PyASCIIObject, length) O(PyASCIIObject, hash) O(PyASCIIObject, state) O(PyASCIIObject, wstr)
    S(PyCompactUnicodeObject) O(PyCompactUnicodeObject, utf8_length) O(PyCompactUnicodeObject, utf8)
    S(PyUnicodeObject) O(PyUnicodeObject, data)
    S(PyDictObject) O(PyDictObject, ma_used) O(PyDictObject, ma_version_tag) O(PyDictObject, ma_keys) O(PyDictObject, ma_values)
    S(PyCFunctionObject) O(PyCFunctionObject, m_ml) O(PyCFunctionObject, m_self) O(PyCFunctionObject, m_module) O(PyCFunctionObject, vectorcall)
    S(PyMethodDescrObject) O(PyMethodDescrObject, d_method)
    S(PyBaseExceptionObject) O(PyBaseExceptionObject, args) O(PyBaseExceptionObject, notes)
    O(PyBaseExceptionObject, traceback) O(PyBaseExceptionObject, context) O(PyBaseExceptionObject, cause)
    O(PyBaseExceptionObject, suppress_context)
    S(PyStopIterationObject) O(PyStopIterationObject, value)
    S(PyThreadState) O(PyThreadState, interp) O(PyThreadState, cframe) O(PyThreadState, curexc_type)
    O(PyThreadState, curexc_value) O(PyThreadState, curexc_traceback) O(PyThreadState, exc_info)
    O(PyThreadState, dict) O(PyThreadState, thread_id) O(PyThreadState, exc_state)
    S(_PyErr_StackItem) O(_PyErr_StackItem, exc_value) O(_PyErr_StackItem, previous_item)
    S(PyTracebackObject) O(PyTracebackObject, tb_next) O(PyTracebackObject, tb_frame) O(PyTracebackObject, tb_lasti) O(PyTracebackObject, tb_lineno)
    return 0;
}
"#;

fn krait_layout() -> HashMap<String, usize> {
    let mut m = HashMap::new();
    macro_rules! s { ($name:literal, $t:ty) => { m.insert(format!("sizeof {}", $name), size_of::<$t>()); }; }
    macro_rules! o { ($name:literal, $t:ty, $($f:tt)+) => { m.insert(format!("offsetof {}.{}", $name, stringify!($($f)+).replace(' ', "")), offset_of!($t, $($f)+)); }; }
    s!("PyObject", PyObject); o!("PyObject", PyObject, ob_refcnt); o!("PyObject", PyObject, ob_type);
    s!("PyVarObject", PyVarObject); o!("PyVarObject", PyVarObject, ob_size);
    s!("PyTypeObject", PyTypeObject);
    o!("PyTypeObject", PyTypeObject, tp_name); o!("PyTypeObject", PyTypeObject, tp_basicsize); o!("PyTypeObject", PyTypeObject, tp_itemsize);
    o!("PyTypeObject", PyTypeObject, tp_dealloc); o!("PyTypeObject", PyTypeObject, tp_vectorcall_offset); o!("PyTypeObject", PyTypeObject, tp_as_async);
    o!("PyTypeObject", PyTypeObject, tp_repr); o!("PyTypeObject", PyTypeObject, tp_as_number); o!("PyTypeObject", PyTypeObject, tp_as_sequence);
    o!("PyTypeObject", PyTypeObject, tp_as_mapping); o!("PyTypeObject", PyTypeObject, tp_hash); o!("PyTypeObject", PyTypeObject, tp_call);
    o!("PyTypeObject", PyTypeObject, tp_str); o!("PyTypeObject", PyTypeObject, tp_getattro); o!("PyTypeObject", PyTypeObject, tp_setattro);
    o!("PyTypeObject", PyTypeObject, tp_as_buffer); o!("PyTypeObject", PyTypeObject, tp_flags); o!("PyTypeObject", PyTypeObject, tp_doc);
    o!("PyTypeObject", PyTypeObject, tp_traverse); o!("PyTypeObject", PyTypeObject, tp_clear); o!("PyTypeObject", PyTypeObject, tp_richcompare);
    o!("PyTypeObject", PyTypeObject, tp_weaklistoffset); o!("PyTypeObject", PyTypeObject, tp_iter); o!("PyTypeObject", PyTypeObject, tp_iternext);
    o!("PyTypeObject", PyTypeObject, tp_methods); o!("PyTypeObject", PyTypeObject, tp_members); o!("PyTypeObject", PyTypeObject, tp_getset);
    o!("PyTypeObject", PyTypeObject, tp_base); o!("PyTypeObject", PyTypeObject, tp_dict); o!("PyTypeObject", PyTypeObject, tp_descr_get);
    o!("PyTypeObject", PyTypeObject, tp_descr_set); o!("PyTypeObject", PyTypeObject, tp_dictoffset); o!("PyTypeObject", PyTypeObject, tp_init);
    o!("PyTypeObject", PyTypeObject, tp_alloc); o!("PyTypeObject", PyTypeObject, tp_new); o!("PyTypeObject", PyTypeObject, tp_free);
    o!("PyTypeObject", PyTypeObject, tp_is_gc); o!("PyTypeObject", PyTypeObject, tp_bases); o!("PyTypeObject", PyTypeObject, tp_mro);
    o!("PyTypeObject", PyTypeObject, tp_cache); o!("PyTypeObject", PyTypeObject, tp_subclasses); o!("PyTypeObject", PyTypeObject, tp_weaklist);
    o!("PyTypeObject", PyTypeObject, tp_del); o!("PyTypeObject", PyTypeObject, tp_version_tag); o!("PyTypeObject", PyTypeObject, tp_finalize);
    o!("PyTypeObject", PyTypeObject, tp_vectorcall);
    s!("PyHeapTypeObject", PyHeapTypeObject); o!("PyHeapTypeObject", PyHeapTypeObject, as_async); o!("PyHeapTypeObject", PyHeapTypeObject, as_number);
    o!("PyHeapTypeObject", PyHeapTypeObject, as_mapping); o!("PyHeapTypeObject", PyHeapTypeObject, as_sequence); o!("PyHeapTypeObject", PyHeapTypeObject, as_buffer);
    o!("PyHeapTypeObject", PyHeapTypeObject, ht_name); o!("PyHeapTypeObject", PyHeapTypeObject, ht_slots); o!("PyHeapTypeObject", PyHeapTypeObject, ht_qualname);
    o!("PyHeapTypeObject", PyHeapTypeObject, ht_module);
    s!("PyNumberMethods", PyNumberMethods); o!("PyNumberMethods", PyNumberMethods, nb_index); o!("PyNumberMethods", PyNumberMethods, nb_inplace_matrix_multiply);
    s!("PySequenceMethods", PySequenceMethods); o!("PySequenceMethods", PySequenceMethods, sq_contains);
    s!("PyMappingMethods", PyMappingMethods); s!("PyAsyncMethods", PyAsyncMethods); s!("PyBufferProcs", PyBufferProcs); s!("Py_buffer", PyBuffer);
    s!("PyMethodDef", PyMethodDef); o!("PyMethodDef", PyMethodDef, ml_flags);
    s!("PyMemberDef", PyMemberDef); m.insert("offsetof PyMemberDef.offset".into(), offset_of!(PyMemberDef, offset));
    s!("PyGetSetDef", PyGetSetDef); o!("PyGetSetDef", PyGetSetDef, closure);
    m.insert("sizeof PyBytesObject".into(), size_of::<PyBytesObject>());
    o!("PyBytesObject", PyBytesObject, ob_shash); o!("PyBytesObject", PyBytesObject, ob_sval);
    s!("PyByteArrayObject", PyByteArrayObject); o!("PyByteArrayObject", PyByteArrayObject, ob_alloc); o!("PyByteArrayObject", PyByteArrayObject, ob_bytes);
    o!("PyByteArrayObject", PyByteArrayObject, ob_start); o!("PyByteArrayObject", PyByteArrayObject, ob_exports);
    o!("Py_buffer", PyBuffer, buf); o!("Py_buffer", PyBuffer, obj); o!("Py_buffer", PyBuffer, len); o!("Py_buffer", PyBuffer, itemsize);
    o!("Py_buffer", PyBuffer, readonly); o!("Py_buffer", PyBuffer, ndim); o!("Py_buffer", PyBuffer, format); o!("Py_buffer", PyBuffer, shape);
    o!("Py_buffer", PyBuffer, strides); o!("Py_buffer", PyBuffer, suboffsets); o!("Py_buffer", PyBuffer, internal);
    s!("_PyManagedBufferObject", PyManagedBufferObject); o!("_PyManagedBufferObject", PyManagedBufferObject, flags);
    o!("_PyManagedBufferObject", PyManagedBufferObject, exports); o!("_PyManagedBufferObject", PyManagedBufferObject, master);
    s!("PyMemoryViewObject", PyMemoryViewObject); o!("PyMemoryViewObject", PyMemoryViewObject, mbuf); o!("PyMemoryViewObject", PyMemoryViewObject, hash);
    o!("PyMemoryViewObject", PyMemoryViewObject, flags); o!("PyMemoryViewObject", PyMemoryViewObject, exports); o!("PyMemoryViewObject", PyMemoryViewObject, view);
    o!("PyMemoryViewObject", PyMemoryViewObject, weakreflist); o!("PyMemoryViewObject", PyMemoryViewObject, ob_array);
    s!("PyASCIIObject", PyASCIIObject); o!("PyASCIIObject", PyASCIIObject, length); o!("PyASCIIObject", PyASCIIObject, hash);
    o!("PyASCIIObject", PyASCIIObject, state); o!("PyASCIIObject", PyASCIIObject, wstr);
    s!("PyCompactUnicodeObject", PyCompactUnicodeObject); o!("PyCompactUnicodeObject", PyCompactUnicodeObject, utf8_length); o!("PyCompactUnicodeObject", PyCompactUnicodeObject, utf8);
    s!("PyUnicodeObject", PyUnicodeObject); o!("PyUnicodeObject", PyUnicodeObject, data);
    s!("PyCFunctionObject", PyCFunctionObject); o!("PyCFunctionObject", PyCFunctionObject, m_ml); o!("PyCFunctionObject", PyCFunctionObject, m_self);
    o!("PyCFunctionObject", PyCFunctionObject, m_module); o!("PyCFunctionObject", PyCFunctionObject, vectorcall);
    s!("PyMethodDescrObject", PyMethodDescrObject); o!("PyMethodDescrObject", PyMethodDescrObject, d_method);
    s!("PyBaseExceptionObject", PyBaseExceptionObject); o!("PyBaseExceptionObject", PyBaseExceptionObject, args);
    o!("PyBaseExceptionObject", PyBaseExceptionObject, notes); o!("PyBaseExceptionObject", PyBaseExceptionObject, traceback);
    o!("PyBaseExceptionObject", PyBaseExceptionObject, context); o!("PyBaseExceptionObject", PyBaseExceptionObject, cause);
    o!("PyBaseExceptionObject", PyBaseExceptionObject, suppress_context);
    s!("PyThreadState", PyThreadState); o!("PyThreadState", PyThreadState, interp); o!("PyThreadState", PyThreadState, cframe);
    o!("PyThreadState", PyThreadState, curexc_type); o!("PyThreadState", PyThreadState, curexc_value); o!("PyThreadState", PyThreadState, curexc_traceback);
    o!("PyThreadState", PyThreadState, exc_info); o!("PyThreadState", PyThreadState, dict); o!("PyThreadState", PyThreadState, thread_id);
    o!("PyThreadState", PyThreadState, exc_state);
    s!("_PyErr_StackItem", ErrStackItem); o!("_PyErr_StackItem", ErrStackItem, exc_value); o!("_PyErr_StackItem", ErrStackItem, previous_item);
    s!("PyTracebackObject", TracebackObject); o!("PyTracebackObject", TracebackObject, tb_next); o!("PyTracebackObject", TracebackObject, tb_frame);
    o!("PyTracebackObject", TracebackObject, tb_lasti); o!("PyTracebackObject", TracebackObject, tb_lineno);
    // Types owned by the container and number modules.
    krait_runtime::types::layout_facts(&mut m);
    m
}

fn cpython_layout() -> HashMap<String, usize> {
    let py = std::env::var("KRAIT_CPYTHON").unwrap_or_else(|_| "python3.11".into());
    let inc = Command::new(&py)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['include'])"])
        .output()
        .expect("CPython 3.11 is needed for the layout test (python3.11 on PATH or KRAIT_CPYTHON)");
    let inc = String::from_utf8(inc.stdout).unwrap().trim().to_owned();
    let dir = std::env::temp_dir().join(format!("krait-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("layout.c");
    std::fs::write(&src, C_PROGRAM).unwrap();
    let exe = dir.join("layout");
    let out = Command::new("cc")
        .arg(format!("-I{}", inc))
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("a C compiler (cc) is needed for the layout test");
    assert!(out.status.success(), "compiling the layout program failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(&exe).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let (k, v) = l.rsplit_once(' ').unwrap();
            (k.to_owned(), v.parse().unwrap())
        })
        .collect()
}

#[test]
fn structs_match_cpython_311() {
    let c = cpython_layout();
    let k = krait_layout();
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for (key, cv) in &c {
        match k.get(key) {
            Some(kv) => {
                checked += 1;
                if kv != cv {
                    mismatches.push(format!("{}: CPython {} krait {}", key, cv, kv));
                }
            }
            None => mismatches.push(format!("{}: not checked on krait's side", key)),
        }
    }
    let structs: std::collections::HashSet<&str> =
        c.keys().map(|k| k.split_whitespace().nth(1).unwrap().split('.').next().unwrap()).collect();
    println!("layout: {} facts over {} structs compared", checked, structs.len());
    mismatches.sort();
    assert!(mismatches.is_empty(), "layout mismatches:\n{}", mismatches.join("\n"));
}
