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


/// The bytes of a bytes-like argument (bytes today; bytearray/memoryview later).
fn bytes_arg<'a>(_fname: &str, o: &'a Obj) -> PyResult<&'a [u8]> {
    match as_slice_opt(o) {
        Some(b) => Ok(b),
        None => crate::bail!(TypeError, "a bytes-like object is required, not '{}'", o.ty().name()),
    }
}

fn find_sub(hay: &[u8], needle: &[u8], from: usize, to: usize) -> Option<usize> {
    if to < from || to - from < needle.len() {
        return if needle.is_empty() && from <= to { Some(from) } else { None };
    }
    (from..=to - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn sub_arg(fname: &str, o: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = as_slice_opt(o) {
        return Ok(b.to_vec());
    }
    if crate::ops::number::has_index(o) {
        let i = int::as_isize_or_overflow(&int::index(o)?)?;
        if !(0..256).contains(&i) {
            crate::bail!(ValueError, "byte must be in range(0, 256)");
        }
        return Ok(vec![i as u8]);
    }
    let _ = fname;
    crate::bail!(TypeError, "argument should be integer or bytes-like object, not '{}'", o.ty().name())
}

fn range_args(n: usize, a: &[Obj]) -> PyResult<(usize, usize)> {
    crate::types::list::clamp_range(n, a.get(1).filter(|x| !none::is_none(x)), a.get(2).filter(|x| !none::is_none(x)))
}

fn m_count(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("count", a, k, 1, 3)?;
    let data = as_slice(slf);
    let sub = sub_arg("count", &a[0])?;
    let (s, e) = range_args(data.len(), a)?;
    if sub.is_empty() {
        return Ok(int::from_usize(if e >= s { e - s + 1 } else { 0 }));
    }
    let mut n = 0;
    let mut i = s;
    while let Some(j) = find_sub(data, &sub, i, e) {
        n += 1;
        i = j + sub.len();
    }
    Ok(int::from_usize(n))
}

fn m_find(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("find", a, k, 1, 3)?;
    let data = as_slice(slf);
    let sub = sub_arg("find", &a[0])?;
    let (s, e) = range_args(data.len(), a)?;
    Ok(int::from_i64(find_sub(data, &sub, s, e).map(|i| i as i64).unwrap_or(-1)))
}

fn m_index(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let r = m_find(slf, a, k)?;
    if int::as_i64(&r) == Some(-1) {
        crate::bail!(ValueError, "subsection not found");
    }
    Ok(r)
}

fn affix(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, end: bool) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs(name, a, k, 1, 3)?;
    let data = as_slice(slf);
    let (s, e) = range_args(data.len(), a)?;
    let window = if s <= e { &data[s..e] } else { &data[0..0] };
    let cands: Vec<Obj> = if tuple::is_tuple(&a[0]) { tuple::items(&a[0]).to_vec() } else { vec![a[0].clone()] };
    for c in cands {
        let p = match as_slice_opt(&c) {
            Some(p) => p,
            None => crate::bail!(TypeError, "{} first arg must be bytes or a tuple of bytes, not {}", name, c.ty().name()),
        };
        if (end && window.ends_with(p)) || (!end && window.starts_with(p)) {
            return Ok(bool_::from_bool(true));
        }
    }
    Ok(bool_::from_bool(false))
}
fn m_startswith(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix(s, a, k, "startswith", false)
}
fn m_endswith(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix(s, a, k, "endswith", true)
}

fn m_join(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("join", a, k, 1, 1)?;
    let sep = as_slice(slf);
    let mut out = Vec::new();
    for (i, it) in crate::ops::seq::to_vec(&a[0])?.iter().enumerate() {
        let b = match as_slice_opt(it) {
            Some(b) => b,
            None => crate::bail!(TypeError, "sequence item {}: expected a bytes-like object, {} found", i, it.ty().name()),
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(b);
    }
    Ok(new(&out))
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn strip_impl(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, left: bool, right: bool) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs(name, a, k, 0, 1)?;
    let data = as_slice(slf);
    let set: Option<Vec<u8>> = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => Some(bytes_arg(name, x)?.to_vec()),
        None => None,
    };
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_ws(b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strip(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(data[e - 1]) {
            e -= 1;
        }
    }
    Ok(new(&data[s..e]))
}
fn m_strip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, "strip", true, true)
}
fn m_lstrip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, "lstrip", true, false)
}
fn m_rstrip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, "rstrip", false, true)
}

fn m_split(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("split", args, kw, &["sep", "maxsplit"], 0, 0)?;
    let data = as_slice(slf);
    let maxsplit = match &a[1] {
        Some(m) => int::as_isize_or_overflow(&int::index(m)?)?,
        None => -1,
    };
    let mut parts: Vec<Obj> = Vec::new();
    match a[0].as_ref().filter(|x| !none::is_none(x)) {
        None => {
            let mut i = 0;
            let mut n = 0;
            while i < data.len() {
                while i < data.len() && is_ws(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if maxsplit >= 0 && n == maxsplit {
                    let mut e = data.len();
                    while e > i && is_ws(data[e - 1]) {
                        e -= 1;
                    }
                    parts.push(new(&data[i..e]));
                    break;
                }
                let s = i;
                while i < data.len() && !is_ws(data[i]) {
                    i += 1;
                }
                parts.push(new(&data[s..i]));
                n += 1;
            }
        }
        Some(sep) => {
            let sep = bytes_arg("split", sep)?.to_vec();
            if sep.is_empty() {
                crate::bail!(ValueError, "empty separator");
            }
            let mut s = 0;
            let mut n = 0;
            while maxsplit < 0 || n < maxsplit {
                match find_sub(data, &sep, s, data.len()) {
                    Some(i) => {
                        parts.push(new(&data[s..i]));
                        s = i + sep.len();
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(new(&data[s..]));
        }
    }
    Ok(crate::types::list::from_vec(parts))
}

fn m_replace(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("replace", a, k, 2, 3)?;
    let data = as_slice(slf);
    let old = bytes_arg("replace", &a[0])?.to_vec();
    let newb = bytes_arg("replace", &a[1])?.to_vec();
    let count = match a.get(2) {
        Some(c) => int::as_isize_or_overflow(&int::index(c)?)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0;
    let mut i = 0;
    if old.is_empty() {
        for (j, b) in data.iter().enumerate() {
            if count < 0 || done < count {
                out.extend_from_slice(&newb);
                done += 1;
            }
            out.push(*b);
            let _ = j;
        }
        if count < 0 || done < count {
            out.extend_from_slice(&newb);
        }
        return Ok(new(&out));
    }
    while i < data.len() {
        if (count < 0 || done < count) && data[i..].starts_with(&old) {
            out.extend_from_slice(&newb);
            i += old.len();
            done += 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(new(&out))
}

fn m_upper(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("upper", a, k, 0, 0)?;
    Ok(new(&as_slice(slf).to_ascii_uppercase()))
}
fn m_lower(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("lower", a, k, 0, 0)?;
    Ok(new(&as_slice(slf).to_ascii_lowercase()))
}
fn pred(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, f: fn(&u8) -> bool) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs(name, a, k, 0, 0)?;
    let d = as_slice(slf);
    Ok(bool_::from_bool(!d.is_empty() && d.iter().all(f)))
}
fn m_isdigit(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isdigit", u8::is_ascii_digit)
}
fn m_isalpha(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isalpha", u8::is_ascii_alphabetic)
}
fn m_isalnum(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isalnum", u8::is_ascii_alphanumeric)
}
fn m_isspace(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isspace", |b| is_ws(*b))
}

fn m_fromhex(cls: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("fromhex", a, k, 1, 1)?;
    if !pystr::is_str(&a[0]) {
        crate::bail!(TypeError, "fromhex() argument must be str, not {}", a[0].ty().name());
    }
    let s: Vec<u32> = pystr::code_points(&a[0]);
    let mut out = Vec::new();
    let mut i = 0;
    let hexv = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    while i < s.len() {
        if s[i] == ' ' as u32 || (9..=13).contains(&s[i]) {
            i += 1;
            continue;
        }
        let hi = hexv(s[i]);
        let lo = s.get(i + 1).and_then(|c| hexv(*c));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) => crate::bail!(ValueError, "non-hexadecimal number found in fromhex() arg at position {}", i + 1),
            _ => crate::bail!(ValueError, "non-hexadecimal number found in fromhex() arg at position {}", i),
        }
    }
    let b = new(&out);
    if cls.as_ptr() == type_ptr() as *mut PyObject {
        return Ok(b);
    }
    crate::ops::call::call(cls, &[b], None)
}

fn bytes_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
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
        (*(&raw mut AS_SEQUENCE)).sq_repeat = Some(bytes_repeat_slot);
        (*(&raw mut AS_MAPPING)).mp_subscript = Some(bytes_subscript_slot);
        (*(&raw mut AS_MAPPING)).mp_length = Some(bytes_len_slot);
        (*t).tp_as_sequence = &raw mut AS_SEQUENCE;
        (*t).tp_as_mapping = &raw mut AS_MAPPING;
        (*t).tp_methods = method_table(&[
            method("decode", m_decode),
            method("hex", m_hex),
            method("count", m_count),
            method("find", m_find),
            method("index", m_index),
            method("startswith", m_startswith),
            method("endswith", m_endswith),
            method("join", m_join),
            method("strip", m_strip),
            method("lstrip", m_lstrip),
            method("rstrip", m_rstrip),
            method("split", m_split),
            method("replace", m_replace),
            method("upper", m_upper),
            method("lower", m_lower),
            method("isdigit", m_isdigit),
            method("isalpha", m_isalpha),
            method("isalnum", m_isalnum),
            method("isspace", m_isspace),
            crate::types::builtin_func::classmethod("fromhex", m_fromhex),
        ]);
    }
}
