//! `bytearray`: CPython's PyByteArrayObject layout (size in ob_size, a
//! separately allocated NUL-terminated store of `ob_alloc` bytes, `ob_start`
//! where the data begins, `ob_exports` counting live buffer views — the
//! object cannot be resized while views exist).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyBuffer, PyObject, PyTypeObject, PyVarObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::bytes_methods::{buf_arg, byte_value};
use crate::types::{buffer, bytes, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::os::raw::{c_int, c_void};
use std::ptr::null_mut;

#[repr(C)]
pub struct PyByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: isize,
    pub ob_bytes: *mut u8,
    pub ob_start: *mut u8,
    pub ob_exports: isize,
}

#[no_mangle]
pub static mut PyByteArray_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyByteArrayIter_Type: PyTypeObject = PyTypeObject::EMPTY;

/// What `PyByteArray_AS_STRING` returns for an empty bytearray.
#[no_mangle]
pub static mut _PyByteArray_empty_string: [u8; 1] = [0];

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyByteArray_Type
}

pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyByteArrayIter_Type]
}

/// PyByteArray_Check.
pub fn is_bytearray(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), type_ptr())
}

fn raw(o: &Obj) -> &mut PyByteArrayObject {
    unsafe { o.cast_mut::<PyByteArrayObject>() }
}

/// The current contents. Do not hold across calls that may run Python code.
pub fn data(o: &Obj) -> &[u8] {
    let b = raw(o);
    let n = b.ob_base.ob_size as usize;
    if n == 0 {
        return &[];
    }
    unsafe { std::slice::from_raw_parts(b.ob_start, n) }
}

fn data_mut(o: &Obj) -> &mut [u8] {
    let b = raw(o);
    let n = b.ob_base.ob_size as usize;
    if n == 0 {
        return &mut [];
    }
    unsafe { std::slice::from_raw_parts_mut(b.ob_start, n) }
}

/// A new bytearray holding `v`.
pub fn new(v: &[u8]) -> Obj {
    let o = unsafe {
        let p = alloc::alloc_object(type_ptr(), 0);
        assert!(!p.is_null(), "out of memory allocating bytearray");
        Obj::from_owned(p)
    };
    set_contents(&o, v).expect("a new bytearray has no exports");
    o
}

fn check_resizable(o: &Obj) -> PyResult<()> {
    if raw(o).ob_exports > 0 {
        crate::bail!(BufferError, "Existing exports of data: object cannot be re-sized");
    }
    Ok(())
}

/// PyByteArray_Resize, with CPython's growth policy (so `__alloc__` and
/// `__sizeof__` agree with CPython's).
pub fn resize(o: &Obj, size: usize) -> PyResult<()> {
    let b = raw(o);
    if size == b.ob_base.ob_size as usize {
        return Ok(());
    }
    check_resizable(o)?;
    let offset = unsafe { b.ob_start.offset_from(b.ob_bytes) } as usize;
    let alloc_now = b.ob_alloc as usize;
    let new_alloc;
    if size + offset + 1 <= alloc_now {
        if size < alloc_now / 2 {
            new_alloc = size + 1;
        } else {
            b.ob_base.ob_size = size as isize;
            unsafe { *b.ob_start.add(size) = 0 };
            return Ok(());
        }
    } else if (size as f64) <= alloc_now as f64 * 1.125 {
        new_alloc = size + (size >> 3) + if size < 9 { 3 } else { 6 };
    } else {
        new_alloc = size + 1;
    }
    if new_alloc > isize::MAX as usize {
        return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
    }
    unsafe {
        let p: *mut u8;
        if offset > 0 {
            // Move the data back to the start of a fresh block.
            p = alloc::raw_malloc(new_alloc) as *mut u8;
            if p.is_null() {
                return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
            }
            let keep = size.min(b.ob_base.ob_size as usize);
            std::ptr::copy_nonoverlapping(b.ob_start, p, keep);
            alloc::raw_free(b.ob_bytes as *mut c_void);
        } else {
            p = alloc::raw_realloc(b.ob_bytes as *mut c_void, new_alloc) as *mut u8;
            if p.is_null() {
                return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
            }
        }
        b.ob_bytes = p;
        b.ob_start = p;
        b.ob_alloc = new_alloc as isize;
        b.ob_base.ob_size = size as isize;
        *p.add(size) = 0;
    }
    Ok(())
}

/// Replaces the whole contents (the object must not be exported if the
/// size changes).
pub fn set_contents(o: &Obj, v: &[u8]) -> PyResult<()> {
    resize(o, v.len())?;
    data_mut(o).copy_from_slice(v);
    Ok(())
}

/// Replaces `lo..hi` by `v` (list-style slice assignment).
fn splice(o: &Obj, lo: usize, hi: usize, v: &[u8]) -> PyResult<()> {
    let cur = data(o);
    if v.len() == hi - lo {
        data_mut(o)[lo..hi].copy_from_slice(v);
        return Ok(());
    }
    check_resizable(o)?;
    let mut next = Vec::with_capacity(cur.len() - (hi - lo) + v.len());
    next.extend_from_slice(&cur[..lo]);
    next.extend_from_slice(v);
    next.extend_from_slice(&cur[hi..]);
    set_contents(o, &next)
}

/// The contents of a bytearray being built from `src` (bytearray(src) and
/// slice assignment): buffers, iterables of ints.
fn from_object(src: &Obj) -> PyResult<Vec<u8>> {
    if let Some(v) = buffer::copy_bytes(src) {
        return v;
    }
    let it = crate::ops::iter(src).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            crate::raise!(TypeError, "cannot convert '{}' object to bytearray", src.ty().name())
        } else {
            e
        }
    })?;
    let mut v = Vec::new();
    while let Some(x) = crate::ops::next(&it)? {
        v.push(byte_value(&x)?);
    }
    Ok(v)
}

fn bytearray_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = crate::types::builtin_func::parse_args("bytearray", &v, kn.as_ref(), &["source", "encoding", "errors"], 0, 0)?;
    // The old contents go first, as in CPython (an iterator argument sees
    // the bytearray empty, then growing).
    if !data(o).is_empty() {
        set_contents(o, &[])?;
    }
    let contents: Vec<u8> = match &a[0] {
        None => {
            if a[1].is_some() || a[2].is_some() {
                crate::bail!(TypeError, "encoding or errors without sequence argument");
            }
            Vec::new()
        }
        Some(src) if pystr::is_str(src) => {
            let enc = match crate::types::str_methods::str_arg("bytearray", "encoding", a[1].as_ref())? {
                Some(e) => e,
                None => crate::bail!(TypeError, "string argument without an encoding"),
            };
            let errors = crate::types::str_methods::str_arg("bytearray", "errors", a[2].as_ref())?;
            crate::types::str_methods::encode(src, &enc, errors.as_deref())?
        }
        Some(src) => {
            if a[1].is_some() || a[2].is_some() {
                crate::bail!(TypeError, "encoding without a string argument");
            }
            // A count, unless __index__ raises TypeError (then a buffer or iterable).
            let count = if crate::ops::number::has_index(src) {
                match int::index(src) {
                    Ok(i) => Some(int::as_isize_or_overflow(&i)?),
                    Err(e) => {
                        if !crate::errors::matches(crate::types::exceptions::TypeError()) {
                            return Err(e);
                        }
                        crate::errors::clear();
                        None
                    }
                }
            } else {
                None
            };
            match count {
                Some(n) if n < 0 => crate::bail!(ValueError, "negative count"),
                Some(n) => vec![0; n as usize],
                None if buffer::has_buffer(src) => from_object(src)?,
                None => {
                    // Appended one by one: the iterator may look at us meanwhile.
                    let it = crate::ops::iter(src).map_err(|e| {
                        if crate::errors::matches(crate::types::exceptions::TypeError()) {
                            crate::errors::clear();
                            crate::raise!(TypeError, "cannot convert '{}' object to bytearray", src.ty().name())
                        } else {
                            e
                        }
                    })?;
                    while let Some(x) = crate::ops::next(&it)? {
                        let b = byte_value(&x)?;
                        let n = data(o).len();
                        resize(o, n + 1)?;
                        data_mut(o)[n] = b;
                    }
                    return Ok(());
                }
            }
        }
    };
    set_contents(o, &contents)
}
crate::init_slot!(bytearray_init_slot => bytearray_init);

fn bytearray_repr(o: &Obj) -> PyResult<Obj> {
    let name = o.ty().name();
    Ok(pystr::new(&format!("{}({})", name, bytes::repr_bytes_with(data(o), "b", true))))
}
crate::unary_slot!(bytearray_repr_slot => bytearray_repr);

fn bytearray_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !buffer::has_buffer(a) || !buffer::has_buffer(b) {
        return Ok(none::not_implemented());
    }
    let x = match buffer::Buffer::get(a, buffer::SIMPLE) {
        Ok(x) => x,
        Err(_) => {
            crate::errors::clear();
            return Ok(none::not_implemented());
        }
    };
    let y = match buffer::Buffer::get(b, buffer::SIMPLE) {
        Ok(y) => y,
        Err(_) => {
            crate::errors::clear();
            return Ok(none::not_implemented());
        }
    };
    let (x, y) = (x.as_slice(), y.as_slice());
    let r = match op {
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    };
    Ok(crate::types::bool_::from_bool(r))
}
crate::richcmp_slot!(bytearray_richcompare_slot => bytearray_richcompare);

fn bytearray_len(o: &Obj) -> PyResult<usize> {
    Ok(data(o).len())
}
crate::len_slot!(bytearray_len_slot => bytearray_len);

fn concat_operand(a: &Obj, b: &Obj) -> PyResult<Vec<u8>> {
    if !buffer::has_buffer(b) {
        crate::bail!(TypeError, "can't concat {} to {}", b.ty().name(), a.ty().name());
    }
    Ok(buf_arg(b)?.into_owned())
}

fn bytearray_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let y = concat_operand(a, b)?;
    let mut v = data(a).to_vec();
    v.extend_from_slice(&y);
    Ok(new(&v))
}
crate::binary_slot!(bytearray_concat_slot => bytearray_concat);

fn bytearray_inplace_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let y = concat_operand(a, b)?;
    let n = data(a).len();
    resize(a, n + y.len())?;
    data_mut(a)[n..].copy_from_slice(&y);
    Ok(a.clone())
}
crate::binary_slot!(bytearray_inplace_concat_slot => bytearray_inplace_concat);

fn repeated(d: &[u8], n: isize) -> PyResult<Vec<u8>> {
    if n <= 0 || d.is_empty() {
        return Ok(Vec::new());
    }
    if (d.len() as u128) * (n as u128) > isize::MAX as u128 {
        return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
    }
    Ok(d.repeat(n as usize))
}

fn bytearray_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    Ok(new(&repeated(data(o), n)?))
}
crate::sq_item_slot!(bytearray_repeat_slot => bytearray_repeat);

fn bytearray_inplace_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    let v = repeated(data(o), n)?;
    set_contents(o, &v)?;
    Ok(o.clone())
}
crate::sq_item_slot!(bytearray_inplace_repeat_slot => bytearray_inplace_repeat);

fn bytearray_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let d = data(o);
    if i < 0 || i as usize >= d.len() {
        crate::bail!(IndexError, "bytearray index out of range");
    }
    Ok(int::from_i64(d[i as usize] as i64))
}
crate::sq_item_slot!(bytearray_item_slot => bytearray_item);

fn bytearray_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    if crate::ops::number::has_index(v) && !buffer::has_buffer(v) {
        let b = byte_value(v)?;
        return Ok(data(o).contains(&b));
    }
    let needle = buf_arg(v)?.into_owned();
    let d = data(o);
    Ok(needle.is_empty() || d.windows(needle.len()).any(|w| w == needle.as_slice()))
}
crate::contains_slot!(bytearray_contains_slot => bytearray_contains);

fn index_of(o: &Obj, key: &Obj) -> PyResult<usize> {
    let i = int::index(key)?;
    let mut i = match int::as_i64(&i) {
        Some(v) => v as isize,
        None => crate::bail!(IndexError, "cannot fit 'int' into an index-sized integer"),
    };
    let n = data(o).len() as isize;
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        crate::bail!(IndexError, "bytearray index out of range");
    }
    Ok(i as usize)
}

fn bytearray_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    if crate::types::slice::is_slice(key) {
        let d = data(o);
        let (start, _stop, step, n) = crate::types::slice::unpack_indices(key, d.len())?;
        let d = data(o);
        let v: Vec<u8> = (0..n).map(|i| d[(start + i as isize * step) as usize]).collect();
        return Ok(new(&v));
    }
    if !crate::ops::number::has_index(key) {
        crate::bail!(TypeError, "bytearray indices must be integers or slices, not {}", key.ty().name());
    }
    let i = index_of(o, key)?;
    Ok(int::from_i64(data(o)[i] as i64))
}
crate::binary_slot!(bytearray_subscript_slot => bytearray_subscript);

fn bytearray_ass_subscript(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if crate::types::slice::is_slice(key) {
        let vals: Option<Vec<u8>> = match value {
            None => None,
            Some(v) if v.is(o) => Some(data(o).to_vec()),
            Some(v) => {
                if pystr::is_str(v) || is_number(v) {
                    crate::bail!(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                }
                Some(from_object(v)?)
            }
        };
        let n = data(o).len();
        let (start, stop, step, count) = crate::types::slice::unpack_indices(key, n)?;
        if step == 1 {
            let lo = start as usize;
            let hi = (stop.max(start) as usize).min(n);
            return splice(o, lo, hi, &vals.unwrap_or_default());
        }
        let positions: Vec<usize> = (0..count).map(|i| (start + i as isize * step) as usize).collect();
        // Assigning nothing to an extended slice deletes it, as in CPython
        // (so it needs a resizable bytearray).
        let vals = vals.filter(|v| !v.is_empty());
        match vals {
            None => {
                check_resizable(o)?;
                if count == 0 {
                    return Ok(());
                }
                let mut doomed = vec![false; n];
                for p in positions {
                    doomed[p] = true;
                }
                let keep: Vec<u8> = data(o).iter().enumerate().filter(|(i, _)| !doomed[*i]).map(|(_, b)| *b).collect();
                set_contents(o, &keep)
            }
            Some(v) => {
                if v.len() != count {
                    crate::bail!(ValueError, "attempt to assign bytes of size {} to extended slice of size {}", v.len(), count);
                }
                let d = data_mut(o);
                for (p, b) in positions.into_iter().zip(v) {
                    d[p] = b;
                }
                Ok(())
            }
        }
    } else {
        if !crate::ops::number::has_index(key) {
            crate::bail!(TypeError, "bytearray indices must be integers or slices, not {}", key.ty().name());
        }
        // CPython converts the value before it checks the index.
        let b = match value {
            Some(v) => Some(byte_value(v)?),
            None => None,
        };
        let i = index_of(o, key)?;
        match b {
            Some(b) => {
                data_mut(o)[i] = b;
                Ok(())
            }
            None => splice(o, i, i + 1, &[]),
        }
    }
}
crate::setter_slot!(bytearray_ass_subscript_slot => bytearray_ass_subscript);

unsafe extern "C" fn bytearray_ass_item_slot(o: *mut PyObject, i: isize, v: *mut PyObject) -> c_int {
    let o = Obj::borrow_slot(&o);
    let v = if v.is_null() { None } else { Some(Obj::borrow_slot(&v)) };
    let r = (|| {
        let b = match v {
            Some(v) => Some(byte_value(v)?),
            None => None,
        };
        let d = data(o);
        if i < 0 || i as usize >= d.len() {
            crate::bail!(IndexError, "bytearray index out of range");
        }
        match b {
            Some(b) => {
                data_mut(o)[i as usize] = b;
                Ok(())
            }
            None => splice(o, i as usize, i as usize + 1, &[]),
        }
    })();
    crate::types::slots::ret_status(r)
}

unsafe extern "C" fn bytearray_getbuffer(o: *mut PyObject, view: *mut PyBuffer, flags: c_int) -> c_int {
    let obj = Obj::borrow_slot(&o);
    if view.is_null() {
        let _ = crate::errors::raise(crate::types::exceptions::BufferError(), "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    let b = raw(obj);
    let p = if b.ob_base.ob_size == 0 { (&raw mut _PyByteArray_empty_string) as *mut u8 } else { b.ob_start };
    match buffer::fill_info(view, obj, p, b.ob_base.ob_size, false, flags) {
        Ok(()) => {
            b.ob_exports += 1;
            0
        }
        Err(_) => -1,
    }
}

unsafe extern "C" fn bytearray_releasebuffer(o: *mut PyObject, _view: *mut PyBuffer) {
    (*(o as *mut PyByteArrayObject)).ob_exports -= 1;
}

unsafe extern "C" fn bytearray_dealloc(p: *mut PyObject) {
    let b = &mut *(p as *mut PyByteArrayObject);
    if !b.ob_bytes.is_null() {
        alloc::raw_free(b.ob_bytes as *mut c_void);
        b.ob_bytes = null_mut();
        b.ob_start = null_mut();
    }
    crate::types::type_::free_instance(p);
}

/// PyNumber_Check: what slice assignment refuses as a source of bytes.
fn is_number(o: &Obj) -> bool {
    let t = o.ty();
    crate::types::complex::is_complex(o)
        || (!t.tp_as_number.is_null()
            && unsafe { (*t.tp_as_number).nb_index.is_some() || (*t.tp_as_number).nb_int.is_some() || (*t.tp_as_number).nb_float.is_some() })
}

// Methods only bytearray has.

fn m_append(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.append", a, k, 1, 1)?;
    let b = byte_value(&a[0])?;
    let n = data(slf).len();
    resize(slf, n + 1)?;
    data_mut(slf)[n] = b;
    Ok(none::none())
}

fn m_extend(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.extend", a, k, 1, 1)?;
    let v = if buffer::has_buffer(&a[0]) {
        buf_arg(&a[0])?.into_owned()
    } else {
        let it = crate::ops::iter(&a[0]).map_err(|e| {
            if crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                crate::raise!(TypeError, "can't extend bytearray with {}", a[0].ty().name())
            } else {
                e
            }
        })?;
        // CPython sizes its buffer from the iterable's length hint, so an
        // error from __len__ or __length_hint__ propagates.
        let hint = crate::ops::seq::length_hint(&a[0], 32)?;
        let mut v = Vec::with_capacity(hint.clamp(0, 1 << 16) as usize);
        while let Some(x) = crate::ops::next(&it)? {
            v.push(byte_value(&x)?);
        }
        v
    };
    let n = data(slf).len();
    resize(slf, n + v.len())?;
    data_mut(slf)[n..].copy_from_slice(&v);
    Ok(none::none())
}

fn m_insert(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("insert", a, k, 2, 2)?;
    let mut i = int::as_isize_or_overflow(&int::index(&a[0])?)?;
    let b = byte_value(&a[1])?;
    let n = data(slf).len() as isize;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    splice(slf, i, i, &[b])?;
    Ok(none::none())
}

fn m_pop(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pop", a, k, 0, 1)?;
    let n = data(slf).len() as isize;
    let mut i = match a.first() {
        Some(x) => int::as_isize_or_overflow(&int::index(x)?)?,
        None => -1,
    };
    if n == 0 {
        crate::bail!(IndexError, "pop from empty bytearray");
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        crate::bail!(IndexError, "pop index out of range");
    }
    let v = data(slf)[i as usize];
    splice(slf, i as usize, i as usize + 1, &[])?;
    Ok(int::from_i64(v as i64))
}

fn m_remove(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.remove", a, k, 1, 1)?;
    let b = byte_value(&a[0])?;
    match data(slf).iter().position(|&x| x == b) {
        Some(i) => {
            splice(slf, i, i + 1, &[])?;
            Ok(none::none())
        }
        None => crate::bail!(ValueError, "value not found in bytearray"),
    }
}

fn m_clear(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.clear", a, k, 0, 0)?;
    resize(slf, 0)?;
    Ok(none::none())
}

fn m_copy(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.copy", a, k, 0, 0)?;
    Ok(new(data(slf)))
}

fn m_reverse(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.reverse", a, k, 0, 0)?;
    data_mut(slf).reverse();
    Ok(none::none())
}

fn m_alloc(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.__alloc__", a, k, 0, 0)?;
    Ok(int::from_i64(raw(slf).ob_alloc as i64))
}

fn m_sizeof(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.__sizeof__", a, k, 0, 0)?;
    let basic = unsafe { (*slf.type_ptr()).tp_basicsize } as i64;
    Ok(int::from_i64(basic + raw(slf).ob_alloc as i64))
}

fn reduce_common(slf: &Obj, proto: i64) -> PyResult<Obj> {
    // __getstate__ (object's covers __slots__ too), as CPython's _common_reduce.
    let state = crate::ops::attr::call_method(slf, "__getstate__", &[])?;
    let args = if proto < 3 {
        let text: String = data(slf).iter().map(|&b| b as char).collect();
        tuple::from_vec(vec![pystr::new(&text), pystr::new("latin-1")])
    } else {
        tuple::from_vec(vec![bytes::new(data(slf))])
    };
    Ok(tuple::from_vec(vec![slf.get_type(), args, state]))
}

fn m_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bytearray.__reduce__", a, k, 0, 0)?;
    reduce_common(slf, 2)
}

fn m_reduce_ex(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce_ex__", a, k, 0, 1)?;
    let proto = match a.first() {
        Some(p) => int::as_c_int(p)? as i64,
        None => 0,
    };
    reduce_common(slf, proto)
}

fn bytearray_iter(o: &Obj) -> PyResult<Obj> {
    bytes::new_byte_iter(&raw mut PyByteArrayIter_Type, o)
}
crate::unary_slot!(bytearray_iter_slot => bytearray_iter);

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_BUFFER: crate::object::PyBufferProcs = crate::object::PyBufferProcs::EMPTY;

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "bytearray", std::mem::size_of::<PyByteArrayObject>(), 0);
        (*t).tp_doc = crate::types::builtin_func::cstr(
            "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> bytearray\nbytearray(int) -> bytearray\nbytearray() -> bytearray\n\nA mutable sequence of bytes, built from integers in range(256), an encoded\nstring, any buffer, or a count of zero bytes.",
        );
        (*t).tp_flags |= tpflags::BASETYPE | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(bytearray_dealloc);
        (*t).tp_repr = Some(bytearray_repr_slot);
        (*t).tp_hash = Some(crate::ops::object_hash_not_implemented);
        (*t).tp_richcompare = Some(bytearray_richcompare_slot);
        (*t).tp_iter = Some(bytearray_iter_slot);
        (*t).tp_init = Some(bytearray_init_slot);
        (*t).tp_new = Some(crate::types::type_::generic_new);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_length = Some(bytearray_len_slot);
        (*sq).sq_concat = Some(bytearray_concat_slot);
        (*sq).sq_repeat = Some(bytearray_repeat_slot);
        (*sq).sq_item = Some(bytearray_item_slot);
        (*sq).sq_ass_item = Some(bytearray_ass_item_slot);
        (*sq).sq_contains = Some(bytearray_contains_slot);
        (*sq).sq_inplace_concat = Some(bytearray_inplace_concat_slot);
        (*sq).sq_inplace_repeat = Some(bytearray_inplace_repeat_slot);
        let mp = &raw mut AS_MAPPING;
        (*mp).mp_length = Some(bytearray_len_slot);
        (*mp).mp_subscript = Some(bytearray_subscript_slot);
        (*mp).mp_ass_subscript = Some(bytearray_ass_subscript_slot);
        let bf = &raw mut AS_BUFFER;
        (*bf).bf_getbuffer = Some(bytearray_getbuffer);
        (*bf).bf_releasebuffer = Some(bytearray_releasebuffer);
        (*t).tp_as_sequence = sq;
        (*(&raw mut AS_NUMBER)).nb_remainder = Some(crate::types::bytes_format::remainder_slot);
        (*t).tp_as_number = &raw mut AS_NUMBER;
        (*t).tp_as_mapping = mp;
        (*t).tp_as_buffer = bf;
        let mut methods = crate::types::bytes_methods::shared_methods();
        methods.extend([
            method("append", m_append),
            method("extend", m_extend),
            method("insert", m_insert),
            method("pop", m_pop),
            method("remove", m_remove),
            method("clear", m_clear),
            method("copy", m_copy),
            method("reverse", m_reverse),
            method("__alloc__", m_alloc),
            method("__sizeof__", m_sizeof),
            method("__reduce__", m_reduce),
            method("__reduce_ex__", m_reduce_ex),
        ]);
        (*t).tp_methods = method_table(&methods);

        bytes::init_byte_iter_type(&raw mut PyByteArrayIter_Type, "bytearray_iterator");
    }
}
