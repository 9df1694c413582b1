//! CPython 3.11's type object layout (`PyTypeObject`, `PyHeapTypeObject`, the
//! slot tables) and the definition structs extensions use (`PyMethodDef`,
//! `PyMemberDef`, `PyGetSetDef`). Field order and sizes are ABI.

use super::{PyObject, PyVarObject};
use std::os::raw::{c_char, c_int, c_uint, c_ulong, c_void};
use std::ptr::null_mut;

pub type Ssize = isize;
pub type Hash = isize;

pub type UnaryFunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type BinaryFunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type TernaryFunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type Inquiry = unsafe extern "C" fn(*mut PyObject) -> c_int;
pub type LenFunc = unsafe extern "C" fn(*mut PyObject) -> Ssize;
pub type SsizeArgFunc = unsafe extern "C" fn(*mut PyObject, Ssize) -> *mut PyObject;
pub type SsizeObjArgProc = unsafe extern "C" fn(*mut PyObject, Ssize, *mut PyObject) -> c_int;
pub type ObjObjArgProc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type ObjObjProc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> c_int;
pub type VisitProc = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int;
pub type TraverseProc = unsafe extern "C" fn(*mut PyObject, VisitProc, *mut c_void) -> c_int;
pub type FreeFunc = unsafe extern "C" fn(*mut c_void);
pub type Destructor = unsafe extern "C" fn(*mut PyObject);
pub type GetAttrFunc = unsafe extern "C" fn(*mut PyObject, *mut c_char) -> *mut PyObject;
pub type GetAttroFunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type SetAttrFunc = unsafe extern "C" fn(*mut PyObject, *mut c_char, *mut PyObject) -> c_int;
pub type SetAttroFunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type ReprFunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type HashFunc = unsafe extern "C" fn(*mut PyObject) -> Hash;
pub type RichCmpFunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, c_int) -> *mut PyObject;
pub type GetIterFunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type IterNextFunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type DescrGetFunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type DescrSetFunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type InitProc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type NewFunc =
    unsafe extern "C" fn(*mut PyTypeObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type AllocFunc = unsafe extern "C" fn(*mut PyTypeObject, Ssize) -> *mut PyObject;
pub type VectorcallFunc = unsafe extern "C" fn(
    *mut PyObject,
    *const *mut PyObject,
    usize,
    *mut PyObject,
) -> *mut PyObject;
pub type GetBufferProc = unsafe extern "C" fn(*mut PyObject, *mut PyBuffer, c_int) -> c_int;
pub type ReleaseBufferProc = unsafe extern "C" fn(*mut PyObject, *mut PyBuffer);
pub type SendFunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut *mut PyObject) -> c_int;
pub type Getter = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject;
pub type Setter = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> c_int;
pub type CFunction = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

#[repr(C)]
pub struct PyNumberMethods {
    pub nb_add: Option<BinaryFunc>,
    pub nb_subtract: Option<BinaryFunc>,
    pub nb_multiply: Option<BinaryFunc>,
    pub nb_remainder: Option<BinaryFunc>,
    pub nb_divmod: Option<BinaryFunc>,
    pub nb_power: Option<TernaryFunc>,
    pub nb_negative: Option<UnaryFunc>,
    pub nb_positive: Option<UnaryFunc>,
    pub nb_absolute: Option<UnaryFunc>,
    pub nb_bool: Option<Inquiry>,
    pub nb_invert: Option<UnaryFunc>,
    pub nb_lshift: Option<BinaryFunc>,
    pub nb_rshift: Option<BinaryFunc>,
    pub nb_and: Option<BinaryFunc>,
    pub nb_xor: Option<BinaryFunc>,
    pub nb_or: Option<BinaryFunc>,
    pub nb_int: Option<UnaryFunc>,
    pub nb_reserved: *mut c_void,
    pub nb_float: Option<UnaryFunc>,
    pub nb_inplace_add: Option<BinaryFunc>,
    pub nb_inplace_subtract: Option<BinaryFunc>,
    pub nb_inplace_multiply: Option<BinaryFunc>,
    pub nb_inplace_remainder: Option<BinaryFunc>,
    pub nb_inplace_power: Option<TernaryFunc>,
    pub nb_inplace_lshift: Option<BinaryFunc>,
    pub nb_inplace_rshift: Option<BinaryFunc>,
    pub nb_inplace_and: Option<BinaryFunc>,
    pub nb_inplace_xor: Option<BinaryFunc>,
    pub nb_inplace_or: Option<BinaryFunc>,
    pub nb_floor_divide: Option<BinaryFunc>,
    pub nb_true_divide: Option<BinaryFunc>,
    pub nb_inplace_floor_divide: Option<BinaryFunc>,
    pub nb_inplace_true_divide: Option<BinaryFunc>,
    pub nb_index: Option<UnaryFunc>,
    pub nb_matrix_multiply: Option<BinaryFunc>,
    pub nb_inplace_matrix_multiply: Option<BinaryFunc>,
}

#[repr(C)]
pub struct PySequenceMethods {
    pub sq_length: Option<LenFunc>,
    pub sq_concat: Option<BinaryFunc>,
    pub sq_repeat: Option<SsizeArgFunc>,
    pub sq_item: Option<SsizeArgFunc>,
    pub was_sq_slice: *mut c_void,
    pub sq_ass_item: Option<SsizeObjArgProc>,
    pub was_sq_ass_slice: *mut c_void,
    pub sq_contains: Option<ObjObjProc>,
    pub sq_inplace_concat: Option<BinaryFunc>,
    pub sq_inplace_repeat: Option<SsizeArgFunc>,
}

#[repr(C)]
pub struct PyMappingMethods {
    pub mp_length: Option<LenFunc>,
    pub mp_subscript: Option<BinaryFunc>,
    pub mp_ass_subscript: Option<ObjObjArgProc>,
}

#[repr(C)]
pub struct PyAsyncMethods {
    pub am_await: Option<UnaryFunc>,
    pub am_aiter: Option<UnaryFunc>,
    pub am_anext: Option<UnaryFunc>,
    pub am_send: Option<SendFunc>,
}

#[repr(C)]
pub struct PyBufferProcs {
    pub bf_getbuffer: Option<GetBufferProc>,
    pub bf_releasebuffer: Option<ReleaseBufferProc>,
}

/// CPython's `Py_buffer`.
#[repr(C)]
pub struct PyBuffer {
    pub buf: *mut c_void,
    pub obj: *mut PyObject,
    pub len: Ssize,
    pub itemsize: Ssize,
    pub readonly: c_int,
    pub ndim: c_int,
    pub format: *mut c_char,
    pub shape: *mut Ssize,
    pub strides: *mut Ssize,
    pub suboffsets: *mut Ssize,
    pub internal: *mut c_void,
}

#[repr(C)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    pub ml_meth: *const c_void,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}

// SAFETY: method tables are immutable after creation and only read under the GIL.
unsafe impl Sync for PyMethodDef {}

#[repr(C)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub type_code: c_int,
    pub offset: Ssize,
    pub flags: c_int,
    pub doc: *const c_char,
}

unsafe impl Sync for PyMemberDef {}

#[repr(C)]
pub struct PyGetSetDef {
    pub name: *const c_char,
    pub get: Option<Getter>,
    pub set: Option<Setter>,
    pub doc: *const c_char,
    pub closure: *mut c_void,
}

unsafe impl Sync for PyGetSetDef {}

/// CPython 3.11's `PyTypeObject` (408 bytes).
#[repr(C)]
pub struct PyTypeObject {
    pub ob_base: PyVarObject,
    pub tp_name: *const c_char,
    pub tp_basicsize: Ssize,
    pub tp_itemsize: Ssize,
    pub tp_dealloc: Option<Destructor>,
    pub tp_vectorcall_offset: Ssize,
    pub tp_getattr: Option<GetAttrFunc>,
    pub tp_setattr: Option<SetAttrFunc>,
    pub tp_as_async: *mut PyAsyncMethods,
    pub tp_repr: Option<ReprFunc>,
    pub tp_as_number: *mut PyNumberMethods,
    pub tp_as_sequence: *mut PySequenceMethods,
    pub tp_as_mapping: *mut PyMappingMethods,
    pub tp_hash: Option<HashFunc>,
    pub tp_call: Option<TernaryFunc>,
    pub tp_str: Option<ReprFunc>,
    pub tp_getattro: Option<GetAttroFunc>,
    pub tp_setattro: Option<SetAttroFunc>,
    pub tp_as_buffer: *mut PyBufferProcs,
    pub tp_flags: c_ulong,
    pub tp_doc: *const c_char,
    pub tp_traverse: Option<TraverseProc>,
    pub tp_clear: Option<Inquiry>,
    pub tp_richcompare: Option<RichCmpFunc>,
    pub tp_weaklistoffset: Ssize,
    pub tp_iter: Option<GetIterFunc>,
    pub tp_iternext: Option<IterNextFunc>,
    pub tp_methods: *mut PyMethodDef,
    pub tp_members: *mut PyMemberDef,
    pub tp_getset: *mut PyGetSetDef,
    pub tp_base: *mut PyTypeObject,
    pub tp_dict: *mut PyObject,
    pub tp_descr_get: Option<DescrGetFunc>,
    pub tp_descr_set: Option<DescrSetFunc>,
    pub tp_dictoffset: Ssize,
    pub tp_init: Option<InitProc>,
    pub tp_alloc: Option<AllocFunc>,
    pub tp_new: Option<NewFunc>,
    pub tp_free: Option<FreeFunc>,
    pub tp_is_gc: Option<Inquiry>,
    pub tp_bases: *mut PyObject,
    pub tp_mro: *mut PyObject,
    pub tp_cache: *mut PyObject,
    pub tp_subclasses: *mut c_void,
    pub tp_weaklist: *mut PyObject,
    pub tp_del: Option<Destructor>,
    pub tp_version_tag: c_uint,
    pub tp_finalize: Option<Destructor>,
    pub tp_vectorcall: Option<VectorcallFunc>,
}

// SAFETY: type objects are only touched under the GIL.
unsafe impl Sync for PyTypeObject {}

/// CPython 3.11's `PyHeapTypeObject` (904 bytes): a type created at run time
/// with its slot tables inline.
#[repr(C)]
pub struct PyHeapTypeObject {
    pub ht_type: PyTypeObject,
    pub as_async: PyAsyncMethods,
    pub as_number: PyNumberMethods,
    pub as_mapping: PyMappingMethods,
    pub as_sequence: PySequenceMethods,
    pub as_buffer: PyBufferProcs,
    pub ht_name: *mut PyObject,
    pub ht_slots: *mut PyObject,
    pub ht_qualname: *mut PyObject,
    pub ht_cached_keys: *mut c_void,
    pub ht_module: *mut PyObject,
    pub _ht_tpname: *mut c_char,
    pub _spec_cache: [*mut c_void; 1],
}

/// Type flags (Py_TPFLAGS_*), with CPython's values.
pub mod tpflags {
    use std::os::raw::c_ulong;
    pub const MANAGED_DICT: c_ulong = 1 << 4;
    pub const SEQUENCE: c_ulong = 1 << 5;
    pub const MAPPING: c_ulong = 1 << 6;
    pub const DISALLOW_INSTANTIATION: c_ulong = 1 << 7;
    pub const IMMUTABLETYPE: c_ulong = 1 << 8;
    pub const HEAPTYPE: c_ulong = 1 << 9;
    pub const BASETYPE: c_ulong = 1 << 10;
    pub const HAVE_VECTORCALL: c_ulong = 1 << 11;
    pub const READY: c_ulong = 1 << 12;
    pub const READYING: c_ulong = 1 << 13;
    pub const HAVE_GC: c_ulong = 1 << 14;
    pub const METHOD_DESCRIPTOR: c_ulong = 1 << 17;
    pub const VALID_VERSION_TAG: c_ulong = 1 << 19;
    pub const IS_ABSTRACT: c_ulong = 1 << 20;
    pub const MATCH_SELF: c_ulong = 1 << 22;
    pub const LONG_SUBCLASS: c_ulong = 1 << 24;
    pub const LIST_SUBCLASS: c_ulong = 1 << 25;
    pub const TUPLE_SUBCLASS: c_ulong = 1 << 26;
    pub const BYTES_SUBCLASS: c_ulong = 1 << 27;
    pub const UNICODE_SUBCLASS: c_ulong = 1 << 28;
    pub const DICT_SUBCLASS: c_ulong = 1 << 29;
    pub const BASE_EXC_SUBCLASS: c_ulong = 1 << 30;
    pub const TYPE_SUBCLASS: c_ulong = 1 << 31;
    pub const DEFAULT: c_ulong = 0;
}

/// PyMethodDef flags.
pub mod meth {
    use std::os::raw::c_int;
    pub const VARARGS: c_int = 0x0001;
    pub const KEYWORDS: c_int = 0x0002;
    pub const NOARGS: c_int = 0x0004;
    pub const O: c_int = 0x0008;
    pub const CLASS: c_int = 0x0010;
    pub const STATIC: c_int = 0x0020;
    pub const COEXIST: c_int = 0x0040;
    pub const FASTCALL: c_int = 0x0080;
    pub const METHOD: c_int = 0x0200;
    /// Krait's own calling convention (never used by C extensions): `ml_meth`
    /// is a `crate::types::builtin_func::RustMethod`.
    pub const KRAIT: c_int = 0x4000;
}

impl PyTypeObject {
    /// An all-empty type object, the starting point of the static builtin
    /// types (filled in by their `init` functions at startup).
    pub const EMPTY: PyTypeObject = PyTypeObject {
        ob_base: PyVarObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            ob_size: 0,
        },
        tp_name: std::ptr::null(),
        tp_basicsize: 0,
        tp_itemsize: 0,
        tp_dealloc: None,
        tp_vectorcall_offset: 0,
        tp_getattr: None,
        tp_setattr: None,
        tp_as_async: null_mut(),
        tp_repr: None,
        tp_as_number: null_mut(),
        tp_as_sequence: null_mut(),
        tp_as_mapping: null_mut(),
        tp_hash: None,
        tp_call: None,
        tp_str: None,
        tp_getattro: None,
        tp_setattro: None,
        tp_as_buffer: null_mut(),
        tp_flags: 0,
        tp_doc: std::ptr::null(),
        tp_traverse: None,
        tp_clear: None,
        tp_richcompare: None,
        tp_weaklistoffset: 0,
        tp_iter: None,
        tp_iternext: None,
        tp_methods: null_mut(),
        tp_members: null_mut(),
        tp_getset: null_mut(),
        tp_base: null_mut(),
        tp_dict: null_mut(),
        tp_descr_get: None,
        tp_descr_set: None,
        tp_dictoffset: 0,
        tp_init: None,
        tp_alloc: None,
        tp_new: None,
        tp_free: None,
        tp_is_gc: None,
        tp_bases: null_mut(),
        tp_mro: null_mut(),
        tp_cache: null_mut(),
        tp_subclasses: null_mut(),
        tp_weaklist: null_mut(),
        tp_del: None,
        tp_version_tag: 0,
        tp_finalize: None,
        tp_vectorcall: None,
    };

    #[inline]
    pub fn has_flag(&self, f: c_ulong) -> bool {
        self.tp_flags & f != 0
    }

    /// The type's name as Rust text (the part after the last dot for static
    /// types, as CPython's `type.__name__`).
    pub fn name(&self) -> &str {
        let full = self.full_name();
        if self.has_flag(tpflags::HEAPTYPE) {
            full
        } else {
            match full.rfind('.') {
                Some(i) => &full[i + 1..],
                None => full,
            }
        }
    }

    /// `tp_name` as Rust text.
    pub fn full_name(&self) -> &str {
        if self.tp_name.is_null() {
            return "?";
        }
        unsafe { std::ffi::CStr::from_ptr(self.tp_name) }
            .to_str()
            .unwrap_or("?")
    }
}

impl PyNumberMethods {
    pub const EMPTY: PyNumberMethods = PyNumberMethods {
        nb_add: None,
        nb_subtract: None,
        nb_multiply: None,
        nb_remainder: None,
        nb_divmod: None,
        nb_power: None,
        nb_negative: None,
        nb_positive: None,
        nb_absolute: None,
        nb_bool: None,
        nb_invert: None,
        nb_lshift: None,
        nb_rshift: None,
        nb_and: None,
        nb_xor: None,
        nb_or: None,
        nb_int: None,
        nb_reserved: null_mut(),
        nb_float: None,
        nb_inplace_add: None,
        nb_inplace_subtract: None,
        nb_inplace_multiply: None,
        nb_inplace_remainder: None,
        nb_inplace_power: None,
        nb_inplace_lshift: None,
        nb_inplace_rshift: None,
        nb_inplace_and: None,
        nb_inplace_xor: None,
        nb_inplace_or: None,
        nb_floor_divide: None,
        nb_true_divide: None,
        nb_inplace_floor_divide: None,
        nb_inplace_true_divide: None,
        nb_index: None,
        nb_matrix_multiply: None,
        nb_inplace_matrix_multiply: None,
    };
}

impl PySequenceMethods {
    pub const EMPTY: PySequenceMethods = PySequenceMethods {
        sq_length: None,
        sq_concat: None,
        sq_repeat: None,
        sq_item: None,
        was_sq_slice: null_mut(),
        sq_ass_item: None,
        was_sq_ass_slice: null_mut(),
        sq_contains: None,
        sq_inplace_concat: None,
        sq_inplace_repeat: None,
    };
}

impl PyMappingMethods {
    pub const EMPTY: PyMappingMethods = PyMappingMethods {
        mp_length: None,
        mp_subscript: None,
        mp_ass_subscript: None,
    };
}

impl PyAsyncMethods {
    pub const EMPTY: PyAsyncMethods = PyAsyncMethods {
        am_await: None,
        am_aiter: None,
        am_anext: None,
        am_send: None,
    };
}

impl PyBufferProcs {
    pub const EMPTY: PyBufferProcs = PyBufferProcs {
        bf_getbuffer: None,
        bf_releasebuffer: None,
    };
}
