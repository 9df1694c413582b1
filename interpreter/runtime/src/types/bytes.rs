//! `bytes`: CPython's PyBytesObject layout (size in ob_size, cached hash,
//! the bytes inline after a 32-byte header, NUL-terminated).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject, PyVarObject};
use crate::types::builtin_func::{method, method_table, parse_args};
use crate::types::{bool_, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;

#[repr(C)]
pub struct PyBytesObject {
    pub ob_base: PyVarObject,
    pub ob_shash: isize,
    pub ob_sval: [u8; 1],
}

#[no_mangle]
pub static mut PyBytes_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyBytes_Type
}

pub fn is_bytes(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::BYTES_SUBCLASS)
}

/// A new bytes object holding `data`.
pub fn new(data: &[u8]) -> Obj {
    new_of_type(type_ptr(), data)
}

fn new_of_type(t: *mut PyTypeObject, data: &[u8]) -> Obj {
    unsafe {
        let p = alloc::alloc_object(t, data.len() as isize) as *mut PyBytesObject;
        assert!(!p.is_null(), "out of memory allocating bytes");
        (*p).ob_shash = -1;
        std::ptr::copy_nonoverlapping(data.as_ptr(), (*p).ob_sval.as_mut_ptr(), data.len());
        *(*p).ob_sval.as_mut_ptr().add(data.len()) = 0;
        Obj::from_owned(p as *mut PyObject)
    }
}

/// The contents of a bytes object.
pub fn as_slice(o: &Obj) -> &[u8] {
    unsafe {
        let b = o.cast::<PyBytesObject>();
        std::slice::from_raw_parts(b.ob_sval.as_ptr(), b.ob_base.ob_size as usize)
    }
}

/// The contents if `o` is a bytes object.
pub fn as_slice_opt(o: &Obj) -> Option<&[u8]> {
    if is_bytes(o) {
        Some(as_slice(o))
    } else {
        None
    }
}

/// The repr of raw bytes, as CPython: b'...' (or b"..." when only ' occurs).
pub fn repr_bytes(data: &[u8], prefix: &str) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::with_capacity(data.len() + 3);
    s.push_str(prefix);
    s.push(quote);
    for &c in data {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{:02x}", c)),
        }
    }
    s.push(quote);
    s
}

fn bytes_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&repr_bytes(as_slice(o), "b")))
}
crate::unary_slot!(bytes_repr_slot => bytes_repr);

fn bytes_hash(o: &Obj) -> PyResult<isize> {
    let b = unsafe { o.cast_mut::<PyBytesObject>() };
    if b.ob_shash == -1 {
        b.ob_shash = crate::hash::hash_bytes(as_slice(o));
    }
    Ok(b.ob_shash)
}
crate::hash_slot!(bytes_hash_slot => bytes_hash);

fn bytes_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (x, y) = match (as_slice_opt(a), as_slice_opt(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(none::not_implemented()),
    };
    let r = match op {
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    };
    Ok(bool_::from_bool(r))
}
crate::richcmp_slot!(bytes_richcompare_slot => bytes_richcompare);

fn bytes_len(o: &Obj) -> PyResult<usize> {
    Ok(as_slice(o).len())
}
crate::len_slot!(bytes_len_slot => bytes_len);

fn bytes_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let y = match as_slice_opt(b) {
        Some(y) => y.to_vec(),
        None => match crate::types::bytearray_view(b) {
            Some(v) => v,
            None => crate::bail!(TypeError, "can't concat {} to {}", b.ty().name(), a.ty().name()),
        },
    };
    let mut v = as_slice(a).to_vec();
    v.extend_from_slice(&y);
    Ok(new(&v))
}
crate::binary_slot!(bytes_concat_slot => bytes_concat);

fn bytes_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let data = as_slice(o);
    if crate::types::slice::is_slice(key) {
        let (start, _stop, step, n) = crate::types::slice::unpack_indices(key, data.len())?;
        let v: Vec<u8> = (0..n).map(|i| data[(start + i as isize * step) as usize]).collect();
        return Ok(new(&v));
    }
    if !crate::ops::number::has_index(key) {
        crate::bail!(TypeError, "byte indices must be integers or slices, not {}", key.ty().name());
    }
    let mut i = int::as_isize_or_overflow(&int::index(key)?)?;
    if i < 0 {
        i += data.len() as isize;
    }
    if i < 0 || i as usize >= data.len() {
        crate::bail!(IndexError, "index out of range");
    }
    Ok(int::from_i64(data[i as usize] as i64))
}
crate::binary_slot!(bytes_subscript_slot => bytes_subscript);

fn bytes_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    let data = as_slice(o);
    if let Some(needle) = as_slice_opt(v) {
        return Ok(needle.is_empty() || data.windows(needle.len()).any(|w| w == needle));
    }
    let i = int::as_isize_or_overflow(&int::index(v).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            crate::raise!(TypeError, "a bytes-like object is required, not '{}'", v.ty().name())
        } else {
            e
        }
    })?)?;
    if !(0..256).contains(&i) {
        crate::bail!(ValueError, "byte must be in range(0, 256)");
    }
    Ok(data.contains(&(i as u8)))
}
crate::contains_slot!(bytes_contains_slot => bytes_contains);

fn bytes_iter(o: &Obj) -> PyResult<Obj> {
    crate::types::iter::new_seq_iter(o)
}
crate::unary_slot!(bytes_iter_slot => bytes_iter);

fn bytes_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = parse_args("bytes", &v, kn.as_ref(), &["source", "encoding", "errors"], 0, 0)?;
    let data: Vec<u8> = match &a[0] {
        None => {
            if a[1].is_some() || a[2].is_some() {
                crate::bail!(TypeError, "encoding or errors without sequence argument");
            }
            vec![]
        }
        Some(src) if pystr::is_str(src) => {
            let enc = match crate::types::str_methods::str_arg("bytes", "encoding", a[1].as_ref())? {
                Some(e) => e,
                None => crate::bail!(TypeError, "string argument without an encoding"),
            };
            let errors = crate::types::str_methods::str_arg("bytes", "errors", a[2].as_ref())?;
            crate::types::str_methods::encode(src, &enc, errors.as_deref())?
        }
        Some(src) => {
            if a[1].is_some() {
                crate::bail!(TypeError, "encoding without a string argument");
            }
            if let Some(s) = as_slice_opt(src) {
                s.to_vec()
            } else if let Some(v) = crate::types::bytearray_view(src) {
                v
            } else if crate::ops::number::has_index(src) {
                let n = int::as_isize_or_overflow(&int::index(src)?)?;
                if n < 0 {
                    crate::bail!(ValueError, "negative count");
                }
                vec![0; n as usize]
            } else {
                let items = crate::ops::seq::to_vec(src).map_err(|e| {
                    if crate::errors::matches(crate::types::exceptions::TypeError()) {
                        crate::errors::clear();
                        crate::raise!(TypeError, "cannot convert '{}' object to bytes", src.ty().name())
                    } else {
                        e
                    }
                })?;
                let mut v = Vec::with_capacity(items.len());
                for it in items {
                    let i = int::as_isize_or_overflow(&int::index(&it)?)?;
                    if !(0..256).contains(&i) {
                        crate::bail!(ValueError, "bytes must be in range(0, 256)");
                    }
                    v.push(i as u8);
                }
                v
            }
        }
    };
    Ok(new_of_type(t, &data))
}
crate::new_slot!(bytes_new_slot => bytes_new);

fn m_decode(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("decode", args, kw, &["encoding", "errors"], 0, 0)?;
    let enc = crate::types::str_methods::str_arg("decode", "encoding", a[0].as_ref())?.unwrap_or_else(|| "utf-8".into());
    let errors = crate::types::str_methods::str_arg("decode", "errors", a[1].as_ref())?;
    crate::types::str_methods::decode(as_slice(slf), &enc, errors.as_deref())
}

fn m_hex(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("hex", args, kw, 0, 0)?;
    let s: String = as_slice(slf).iter().map(|b| format!("{:02x}", b)).collect();
    Ok(pystr::new(&s))
}

unsafe extern "C" fn bytes_dealloc(p: *mut PyObject) {
    crate::types::type_::free_instance(p);
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "bytes", 33, 1);
        (*t).tp_flags |= tpflags::BASETYPE | tpflags::BYTES_SUBCLASS | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(bytes_dealloc);
        (*t).tp_repr = Some(bytes_repr_slot);
        (*t).tp_hash = Some(bytes_hash_slot);
        (*t).tp_richcompare = Some(bytes_richcompare_slot);
        (*t).tp_iter = Some(bytes_iter_slot);
        (*t).tp_new = Some(bytes_new_slot);
        (*(&raw mut AS_SEQUENCE)).sq_length = Some(bytes_len_slot);
        (*(&raw mut AS_SEQUENCE)).sq_concat = Some(bytes_concat_slot);
        (*(&raw mut AS_SEQUENCE)).sq_contains = Some(bytes_contains_slot);
        (*(&raw mut AS_MAPPING)).mp_subscript = Some(bytes_subscript_slot);
        (*(&raw mut AS_MAPPING)).mp_length = Some(bytes_len_slot);
        (*t).tp_as_sequence = &raw mut AS_SEQUENCE;
        (*t).tp_as_mapping = &raw mut AS_MAPPING;
        (*t).tp_methods = method_table(&[method("decode", m_decode), method("hex", m_hex)]);
    }
}
