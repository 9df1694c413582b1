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

/// A bytes object of at most `cap` bytes that `fill` writes straight into
/// (returning how many it wrote), without zeroing or copying a buffer: how
/// a file is read whole.
pub fn from_fill(cap: usize, fill: impl FnOnce(&mut [std::mem::MaybeUninit<u8>]) -> PyResult<usize>) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object_items_uninit(type_ptr(), cap as isize) as *mut PyBytesObject;
        assert!(!p.is_null(), "out of memory allocating bytes");
        (*p).ob_shash = -1;
        let data = (*p).ob_sval.as_mut_ptr();
        // Until filled, the object claims no contents (it may be freed).
        (*p).ob_base.ob_size = 0;
        *data = 0;
        let o = Obj::from_owned(p as *mut PyObject);
        let n = fill(std::slice::from_raw_parts_mut(data as *mut std::mem::MaybeUninit<u8>, cap))?.min(cap);
        (*p).ob_base.ob_size = n as isize;
        *data.add(n) = 0;
        Ok(o)
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
    repr_bytes_with(data, prefix, false)
}

/// `repr_bytes`, optionally escaping `'` even inside double quotes (as
/// bytearray's repr does).
pub fn repr_bytes_with(data: &[u8], prefix: &str, always_escape_single: bool) -> String {
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
            b'\'' if always_escape_single => s.push_str("\\'"),
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
    if !crate::types::buffer::has_buffer(b) {
        crate::bail!(TypeError, "can't concat {} to {}", b.ty().name(), a.ty().name());
    }
    let y = crate::types::bytes_methods::buf_arg(b)?.into_owned();
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
    let mut i = match int::as_i64(&int::index(key)?) {
        Some(i) => i as isize,
        None => crate::bail!(IndexError, "cannot fit '{}' into an index-sized integer", key.ty().name()),
    };
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
    if crate::types::buffer::has_buffer(v) {
        let needle = crate::types::bytes_methods::buf_arg(v)?;
        return Ok(needle.is_empty() || data.windows(needle.len()).any(|w| w == &needle[..]));
    }
    let i = int::index(v).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            crate::raise!(TypeError, "a bytes-like object is required, not '{}'", v.ty().name())
        } else {
            e
        }
    })?;
    // Any int out of byte range, however large, is the same ValueError.
    if !int::as_i64(&i).is_some_and(|i| (0..256).contains(&i)) {
        crate::bail!(ValueError, "byte must be in range(0, 256)");
    }
    Ok(data.contains(&(int::as_i64(&i).unwrap_or(0) as u8)))
}
crate::contains_slot!(bytes_contains_slot => bytes_contains);

#[no_mangle]
pub static mut PyBytesIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyBytesIter_Type]
}

#[repr(C)]
pub struct BytesIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

/// A bytes_iterator (or, given bytearray's iterator type, a
/// bytearray_iterator: the two share their layout and functions).
pub fn new_byte_iter(t: *mut PyTypeObject, o: &Obj) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(t, 0) as *mut BytesIterObject;
        (*p).seq = o.clone().into_raw();
        (*p).index = 0;
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn bytes_iter(o: &Obj) -> PyResult<Obj> {
    new_byte_iter(&raw mut PyBytesIter_Type, o)
}

/// The current bytes of an iterated bytes or bytearray.
fn iterated(seq: &Obj) -> &[u8] {
    if is_bytes(seq) {
        as_slice(seq)
    } else {
        crate::types::bytearray::data(seq)
    }
}

unsafe extern "C" fn bytesiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut BytesIterObject);
    if it.seq.is_null() {
        return std::ptr::null_mut();
    }
    let d = iterated(Obj::borrow_slot(&it.seq));
    if it.index >= 0 && (it.index as usize) < d.len() {
        let x = d[it.index as usize];
        it.index += 1;
        return int::from_i64(x as i64).into_raw();
    }
    crate::object::xdecref(std::mem::replace(&mut it.seq, std::ptr::null_mut()));
    std::ptr::null_mut()
}

unsafe extern "C" fn bytesiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut BytesIterObject)).seq);
    alloc::free_object(p);
}

unsafe extern "C" fn bytesiter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let s = (*(p as *mut BytesIterObject)).seq;
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

fn iter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<BytesIterObject>() };
    if it.seq.is_null() {
        return Ok(int::from_i64(0));
    }
    let n = iterated(unsafe { Obj::borrow_slot(&it.seq) }).len() as isize;
    Ok(int::from_i64((n - it.index).max(0) as i64))
}

/// `(iter, (seq,), index)`, or `(iter, ((),))` once exhausted.
fn iter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__reduce__", a, k, 0, 0)?;
    let state = || {
        let it = unsafe { slf.cast::<BytesIterObject>() };
        (it.seq, it.index)
    };
    crate::types::iter::reduce_indexed("iter", state, crate::types::tuple::new(&[]))
}

/// Sets the position, clamped to the sequence.
fn iter_setstate(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__setstate__", a, k, 1, 1)?;
    let index = crate::types::iter::state_index(&a[0])?;
    let it = unsafe { slf.cast_mut::<BytesIterObject>() };
    if !it.seq.is_null() {
        let n = iterated(unsafe { Obj::borrow_slot(&it.seq) }).len() as isize;
        it.index = index.clamp(0, n);
    }
    Ok(crate::types::none::none())
}

fn bytes_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let d = as_slice(o);
    if i < 0 || i as usize >= d.len() {
        crate::bail!(IndexError, "index out of range");
    }
    Ok(int::from_i64(d[i as usize] as i64))
}
crate::sq_item_slot!(bytes_item_slot => bytes_item);
crate::unary_slot!(bytes_iter_slot => bytes_iter);

fn bytes_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = parse_args("bytes", &v, kn.as_ref(), &["source", "encoding", "errors"], 0, 0)?;
    let src = match &a[0] {
        None => {
            if a[1].is_some() || a[2].is_some() {
                crate::bail!(TypeError, "encoding or errors without sequence argument");
            }
            return Ok(new_of_type(t, b""));
        }
        Some(src) => src,
    };
    if a[1].is_some() {
        if !pystr::is_str(src) {
            crate::bail!(TypeError, "encoding without a string argument");
        }
        let enc = crate::types::str_methods::str_arg("bytes", "encoding", a[1].as_ref())?.unwrap_or_default();
        let errors = crate::types::str_methods::str_arg("bytes", "errors", a[2].as_ref())?;
        return Ok(new_of_type(t, &crate::types::str_methods::encode(src, &enc, errors.as_deref())?));
    }
    if a[2].is_some() {
        if pystr::is_str(src) {
            crate::bail!(TypeError, "string argument without an encoding");
        }
        crate::bail!(TypeError, "errors without a string argument");
    }
    if let Some(r) = crate::types::int::call_special(src, "__bytes__")? {
        if !is_bytes(&r) {
            crate::bail!(TypeError, "__bytes__ returned non-bytes (type {})", r.ty().name());
        }
        if t == type_ptr() {
            return Ok(r);
        }
        return Ok(new_of_type(t, as_slice(&r)));
    }
    if pystr::is_str(src) {
        crate::bail!(TypeError, "string argument without an encoding");
    }
    if crate::ops::number::has_index(src) {
        match int::number_as_ssize(src) {
            Ok(n) if n < 0 => crate::bail!(ValueError, "negative count"),
            Ok(n) => return Ok(new_of_type(t, &vec![0; n as usize])),
            Err(e) => {
                if !crate::errors::matches(crate::types::exceptions::TypeError()) {
                    return Err(e);
                }
                crate::errors::clear();
            }
        }
    }
    if let Some(s) = as_slice_opt(src) {
        return Ok(new_of_type(t, s));
    }
    if let Some(v) = crate::types::buffer::copy_bytes(src) {
        return Ok(new_of_type(t, &v?));
    }
    let it = crate::ops::iter(src).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            crate::raise!(TypeError, "cannot convert '{}' object to bytes", src.ty().name())
        } else {
            e
        }
    })?;
    let mut v = Vec::new();
    while let Some(x) = crate::ops::next(&it)? {
        let i = int::index(&x)?;
        match int::as_i64(&i) {
            Some(b) if (0..256).contains(&b) => v.push(b as u8),
            _ => crate::bail!(ValueError, "bytes must be in range(0, 256)"),
        }
    }
    Ok(new_of_type(t, &v))
}
crate::new_slot!(bytes_new_slot => bytes_new);

fn m_getnewargs(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("bytes.__getnewargs__", a, k, 0, 0)?;
    Ok(tuple::from_vec(vec![new(as_slice(slf))]))
}

fn m_bytes(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("bytes.__bytes__", a, k, 0, 0)?;
    if slf.is_type(type_ptr()) {
        return Ok(slf.clone());
    }
    Ok(new(as_slice(slf)))
}

fn bytes_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    // An exact bytes times one is itself, as in CPython.
    if n == 1 && o.is_type(type_ptr()) {
        return Ok(o.clone());
    }
    let d = as_slice(o);
    if n <= 0 || d.is_empty() {
        return Ok(new(b""));
    }
    if (d.len() as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        crate::bail!(OverflowError, "repeated bytes are too long");
    }
    Ok(new(&d.repeat(n as usize)))
}
crate::sq_item_slot!(bytes_repeat_slot => bytes_repeat);

unsafe extern "C" fn bytes_dealloc(p: *mut PyObject) {
    crate::types::type_::free_instance(p);
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_BUFFER: crate::object::PyBufferProcs = crate::object::PyBufferProcs::EMPTY;

unsafe extern "C" fn bytes_getbuffer(o: *mut PyObject, view: *mut crate::object::PyBuffer, flags: std::os::raw::c_int) -> std::os::raw::c_int {
    let obj = Obj::borrow_slot(&o);
    let b = &mut *(o as *mut PyBytesObject);
    match crate::types::buffer::fill_info(view, obj, b.ob_sval.as_mut_ptr(), b.ob_base.ob_size, true, flags) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "bytes", 33, 1);
        (*t).tp_doc = crate::types::builtin_func::cstr(
            "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> bytes\nbytes(int) -> bytes\nbytes() -> bytes\n\nAn immutable sequence of bytes, built from integers in range(256), an\nencoded string, any buffer, or a count of zero bytes.",
        );
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
        (*(&raw mut AS_SEQUENCE)).sq_repeat = Some(bytes_repeat_slot);
        (*(&raw mut AS_SEQUENCE)).sq_item = Some(bytes_item_slot);
        (*(&raw mut AS_MAPPING)).mp_subscript = Some(bytes_subscript_slot);
        (*(&raw mut AS_MAPPING)).mp_length = Some(bytes_len_slot);
        (*t).tp_as_sequence = &raw mut AS_SEQUENCE;
        (*(&raw mut AS_NUMBER)).nb_remainder = Some(crate::types::bytes_format::remainder_slot);
        (*t).tp_as_number = &raw mut AS_NUMBER;
        (*t).tp_as_mapping = &raw mut AS_MAPPING;
        let mut methods = crate::types::bytes_methods::shared_methods();
        methods.extend([method("__getnewargs__", m_getnewargs), method("__bytes__", m_bytes)]);
        (*t).tp_methods = method_table(&methods);
        (*(&raw mut AS_BUFFER)).bf_getbuffer = Some(bytes_getbuffer);
        (*t).tp_as_buffer = &raw mut AS_BUFFER;

        init_byte_iter_type(&raw mut PyBytesIter_Type, "bytes_iterator");
    }
}

/// Sets up an iterator type over bytes-like sequences (bytes_iterator,
/// bytearray_iterator).
///
/// # Safety
/// `it` must be a static type object not yet readied.
pub unsafe fn init_byte_iter_type(it: *mut PyTypeObject, name: &str) {
    crate::types::type_::init_static(it, name, std::mem::size_of::<BytesIterObject>(), 0);
    (*it).tp_flags |= tpflags::HAVE_GC;
    (*it).tp_flags &= !tpflags::BASETYPE;
    (*it).tp_dealloc = Some(bytesiter_dealloc);
    (*it).tp_traverse = Some(bytesiter_traverse);
    (*it).tp_iter = Some(crate::types::iter::self_iter);
    (*it).tp_iternext = Some(bytesiter_next);
    (*it).tp_methods = method_table(&[
        method("__length_hint__", iter_length_hint),
        method("__reduce__", iter_reduce),
        method("__setstate__", iter_setstate),
    ]);
}
