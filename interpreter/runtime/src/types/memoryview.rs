//! `memoryview` and its managed buffer, in CPython 3.11's layouts.
//!
//! A `managedbuffer` holds the one buffer exported by the underlying object;
//! every memoryview of that object (slices, casts, views of views) points
//! at it and counts as one of its exports, so the exporter's buffer is
//! released exactly when the last view is released. Each memoryview keeps
//! its own `Py_buffer` whose shape/strides/suboffsets live in the object's
//! trailing `ob_array` (3 * ndim Py_ssize_t), as in CPython.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyBuffer, PyObject, PyTypeObject, PyVarObject};
use crate::types::buffer;
use crate::types::builtin_func::{check_nargs, method, method_table, parse_args};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{bool_, bytes, float, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::ffi::CStr;
use std::os::raw::{c_char, c_int};
use std::ptr::null_mut;

#[repr(C)]
pub struct PyManagedBufferObject {
    pub ob_base: PyObject,
    pub flags: c_int,
    pub exports: isize,
    pub master: PyBuffer,
}

#[repr(C)]
pub struct PyMemoryViewObject {
    pub ob_base: PyVarObject,
    pub mbuf: *mut PyManagedBufferObject,
    pub hash: isize,
    pub flags: c_int,
    pub exports: isize,
    pub view: PyBuffer,
    pub weakreflist: *mut PyObject,
    pub ob_array: [isize; 1],
}

const MBUF_RELEASED: c_int = 0x001;
const RELEASED: c_int = 0x001;
const FLAG_C: c_int = 0x002;
const FLAG_FORTRAN: c_int = 0x004;
const FLAG_SCALAR: c_int = 0x008;

#[no_mangle]
pub static mut PyMemoryView_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyManagedBuffer_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyMemoryIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyMemoryView_Type
}

pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut _PyMemoryIter_Type]
}

pub fn is_memoryview(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

fn mv(o: &Obj) -> &mut PyMemoryViewObject {
    unsafe { o.cast_mut::<PyMemoryViewObject>() }
}

fn view(o: &Obj) -> &PyBuffer {
    &mv(o).view
}

fn check_released(o: &Obj) -> PyResult<()> {
    let m = mv(o);
    if m.flags & RELEASED != 0 || unsafe { (*m.mbuf).flags & MBUF_RELEASED != 0 } {
        crate::bail!(ValueError, "operation forbidden on released memoryview object");
    }
    Ok(())
}

fn shape(v: &PyBuffer) -> &[isize] {
    if v.ndim == 0 || v.shape.is_null() {
        return &[];
    }
    unsafe { std::slice::from_raw_parts(v.shape, v.ndim as usize) }
}

fn strides(v: &PyBuffer) -> &[isize] {
    if v.ndim == 0 || v.strides.is_null() {
        return &[];
    }
    unsafe { std::slice::from_raw_parts(v.strides, v.ndim as usize) }
}

/// The format string of a view ("B" when the exporter gave none).
fn format_str(v: &PyBuffer) -> String {
    if v.format.is_null() {
        return "B".into();
    }
    unsafe { CStr::from_ptr(v.format) }.to_string_lossy().into_owned()
}

/// The struct code of a native single-item format ("B", "@i"), if it is one.
fn native_code(fmt: &str) -> Option<u8> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt).as_bytes();
    match f {
        [c] if b"?cbBhHiIlLqQnNfdP".contains(c) => Some(*c),
        _ => None,
    }
}

fn code_size(c: u8) -> usize {
    match c {
        b'?' | b'c' | b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// Static C strings for the formats `cast` can produce.
fn static_format(fmt: &str) -> *mut c_char {
    const TABLE: [&CStr; 34] = [
        c"?", c"c", c"b", c"B", c"h", c"H", c"i", c"I", c"l", c"L", c"q", c"Q", c"n", c"N", c"f", c"d", c"P",
        c"@?", c"@c", c"@b", c"@B", c"@h", c"@H", c"@i", c"@I", c"@l", c"@L", c"@q", c"@Q", c"@n", c"@N", c"@f", c"@d", c"@P",
    ];
    TABLE.iter().find(|c| c.to_bytes() == fmt.as_bytes()).map(|c| c.as_ptr() as *mut c_char).unwrap_or(null_mut())
}

fn unsupported_format(fmt: &str) -> crate::errors::PyErr {
    crate::raise!(NotImplementedError, "memoryview: format {} not supported", fmt)
}

/// One item at `p` in format code `c`, as a Python object.
unsafe fn unpack(c: u8, p: *const u8) -> Obj {
    use std::ptr::read_unaligned as rd;
    match c {
        b'?' => bool_::from_bool(*p != 0),
        b'c' => bytes::new(&[*p]),
        b'b' => int::from_i64(*(p as *const i8) as i64),
        b'B' => int::from_i64(*p as i64),
        b'h' => int::from_i64(rd(p as *const i16) as i64),
        b'H' => int::from_i64(rd(p as *const u16) as i64),
        b'i' => int::from_i64(rd(p as *const i32) as i64),
        b'I' => int::from_i64(rd(p as *const u32) as i64),
        b'l' | b'q' | b'n' => int::from_i64(rd(p as *const i64)),
        b'f' => float::from_f64(rd(p as *const f32) as f64),
        b'd' => float::from_f64(rd(p as *const f64)),
        _ => int::from_bigint(&num_bigint::BigInt::from(rd(p as *const u64))),
    }
}

/// Stores `v` as one item in format code `c` at `p` (CPython's pack_single
/// errors: "invalid type"/"invalid value for format").
unsafe fn pack(c: u8, fmt: &str, v: &Obj, p: *mut u8) -> PyResult<()> {
    use std::ptr::write_unaligned as wr;
    let bad_type = || crate::raise!(TypeError, "memoryview: invalid type for format '{}'", fmt);
    let bad_value = || crate::raise!(ValueError, "memoryview: invalid value for format '{}'", fmt);
    match c {
        b'?' => *p = crate::ops::truthy(v)? as u8,
        b'c' => match bytes::as_slice_opt(v) {
            Some([b]) => *p = *b,
            Some(_) => return Err(bad_value()),
            None => return Err(bad_type()),
        },
        b'f' | b'd' => {
            let x = match crate::types::float::as_f64(v) {
                Ok(x) => x,
                Err(_) => {
                    if crate::errors::matches(crate::types::exceptions::TypeError()) {
                        crate::errors::clear();
                        return Err(bad_type());
                    }
                    return Err(crate::errors::PyErr::already_set());
                }
            };
            if c == b'f' {
                if x.is_finite() && (x as f32).is_infinite() {
                    crate::bail!(OverflowError, "float too large to pack with f format");
                }
                wr(p as *mut f32, x as f32);
            } else {
                wr(p as *mut f64, x);
            }
        }
        _ => {
            if !crate::ops::number::has_index(v) {
                return Err(bad_type());
            }
            let i = int::index(v)?;
            let big = int::to_bigint(&i);
            use num_traits::ToPrimitive;
            let ok = match c {
                b'b' => big.to_i8().map(|x| *(p as *mut i8) = x),
                b'B' => big.to_u8().map(|x| *p = x),
                b'h' => big.to_i16().map(|x| wr(p as *mut i16, x)),
                b'H' => big.to_u16().map(|x| wr(p as *mut u16, x)),
                b'i' => big.to_i32().map(|x| wr(p as *mut i32, x)),
                b'I' => big.to_u32().map(|x| wr(p as *mut u32, x)),
                b'l' | b'q' | b'n' => big.to_i64().map(|x| wr(p as *mut i64, x)),
                _ => big.to_u64().map(|x| wr(p as *mut u64, x)),
            };
            if ok.is_none() {
                return Err(bad_value());
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Construction.

/// A managed buffer over `obj`'s full export.
fn mbuf_from_object(obj: &Obj) -> PyResult<*mut PyManagedBufferObject> {
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyManagedBuffer_Type, 0) as *mut PyManagedBufferObject;
        (*p).flags = 0;
        (*p).exports = 0;
        (*p).master = buffer::empty();
        if let Err(e) = buffer::get_into(obj, &mut (*p).master, buffer::FULL_RO) {
            // Nothing to release: free the shell without touching `master`.
            (*p).flags = MBUF_RELEASED;
            drop(Obj::from_owned(p as *mut PyObject));
            return Err(e);
        }
        Ok(p)
    }
}

unsafe fn mbuf_release(m: *mut PyManagedBufferObject) {
    if (*m).flags & MBUF_RELEASED == 0 {
        (*m).flags |= MBUF_RELEASED;
        buffer::release(&mut (*m).master);
    }
}

unsafe extern "C" fn mbuf_dealloc(p: *mut PyObject) {
    mbuf_release(p as *mut PyManagedBufferObject);
    alloc::free_object(p);
}

/// Recomputes the C/Fortran/scalar flags of a view.
fn init_flags(m: &mut PyMemoryViewObject) {
    let v = &m.view;
    let mut f = 0;
    if v.ndim == 0 {
        f |= FLAG_SCALAR | FLAG_C | FLAG_FORTRAN;
    } else {
        unsafe {
            if buffer::is_c_contiguous(v) {
                f |= FLAG_C;
            }
            if buffer::is_f_contiguous(v) {
                f |= FLAG_FORTRAN;
            }
        }
        if v.ndim == 1 && f & FLAG_C != 0 {
            f |= FLAG_FORTRAN;
        }
    }
    m.flags = (m.flags & RELEASED) | f;
}

/// A new memoryview registered with `mbuf`, describing `src` (shape and
/// strides are copied into the new object; missing ones are derived).
unsafe fn new_view(mbuf: *mut PyManagedBufferObject, src: &PyBuffer, ndim: usize) -> Obj {
    let p = alloc::alloc_object(type_ptr(), 3 * ndim.max(1) as isize) as *mut PyMemoryViewObject;
    let m = &mut *p;
    m.mbuf = mbuf;
    crate::object::incref(mbuf as *mut PyObject);
    (*mbuf).exports += 1;
    m.hash = -1;
    m.flags = 0;
    m.exports = 0;
    m.weakreflist = null_mut();
    m.view = buffer::empty();
    let v = &mut m.view;
    v.buf = src.buf;
    v.obj = src.obj;
    crate::object::xincref(v.obj);
    v.len = src.len;
    v.itemsize = src.itemsize;
    v.readonly = src.readonly;
    v.ndim = ndim as c_int;
    v.format = src.format;
    let arr = m.ob_array.as_mut_ptr();
    v.shape = arr;
    v.strides = arr.add(ndim);
    v.suboffsets = null_mut();
    if ndim > 0 {
        if src.shape.is_null() {
            *v.shape = if src.itemsize > 0 { src.len / src.itemsize } else { 0 };
        } else {
            std::ptr::copy_nonoverlapping(src.shape, v.shape, ndim);
        }
        if src.strides.is_null() {
            let mut sd = src.itemsize;
            for i in (0..ndim).rev() {
                *v.strides.add(i) = sd;
                sd *= *v.shape.add(i);
            }
        } else {
            std::ptr::copy_nonoverlapping(src.strides, v.strides, ndim);
        }
    }
    let o = Obj::from_owned(p as *mut PyObject);
    init_flags(mv(&o));
    o
}

/// PyMemoryView_FromObject.
pub fn from_object(obj: &Obj) -> PyResult<Obj> {
    if is_memoryview(obj) {
        check_released(obj)?;
        let m = mv(obj);
        return Ok(unsafe { new_view(m.mbuf, &m.view, m.view.ndim as usize) });
    }
    if !buffer::has_buffer(obj) {
        crate::bail!(TypeError, "memoryview: a bytes-like object is required, not '{}'", obj.ty().name());
    }
    let mbuf = mbuf_from_object(obj)?;
    unsafe {
        let ndim = (*mbuf).master.ndim as usize;
        let r = new_view(mbuf, &(*mbuf).master, ndim);
        crate::object::decref(mbuf as *mut PyObject);
        Ok(r)
    }
}

fn memoryview_new(_t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let npos = v.len() - kn.as_ref().map(tuple::len).unwrap_or(0);
    if npos > 1 {
        crate::bail!(TypeError, "memoryview() takes at most 1 argument ({} given)", npos);
    }
    let a = parse_args("memoryview", &v, kn.as_ref(), &["object"], 1, 0)?;
    from_object(a[0].as_ref().unwrap())
}
crate::new_slot!(memoryview_new_slot => memoryview_new);

/// Releases a view's hold on the managed buffer (memory_release).
fn release_view(o: &Obj) -> PyResult<()> {
    let m = mv(o);
    if m.flags & RELEASED != 0 {
        return Ok(());
    }
    if m.exports > 0 {
        crate::bail!(BufferError, "memoryview has {} exported buffer{}", m.exports, if m.exports == 1 { "" } else { "s" });
    }
    m.flags |= RELEASED;
    unsafe {
        (*m.mbuf).exports -= 1;
        if (*m.mbuf).exports == 0 {
            mbuf_release(m.mbuf);
        }
    }
    Ok(())
}

unsafe extern "C" fn memoryview_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let m = mv(&o);
    if m.flags & RELEASED == 0 {
        m.exports = 0;
        let _ = release_view(&o);
    }
    crate::object::xdecref(std::mem::replace(&mut m.view.obj, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut m.mbuf, null_mut()) as *mut PyObject);
    if !m.weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&o);
    }
    alloc::free_object(p);
}

// ---------------------------------------------------------------------------
// The buffer it exports.

unsafe extern "C" fn memoryview_getbuffer(o: *mut PyObject, out: *mut PyBuffer, flags: c_int) -> c_int {
    let obj = Obj::borrow_slot(&o);
    let r = (|| -> PyResult<()> {
        check_released(obj)?;
        if out.is_null() {
            // CPython dereferences the null view; refusing it is the only sane reading.
            crate::bail!(BufferError, "memoryview_getbuffer: view==NULL argument is obsolete");
        }
        let m = mv(obj);
        let base = &m.view;
        if flags & buffer::WRITABLE == buffer::WRITABLE && base.readonly != 0 {
            crate::bail!(BufferError, "memoryview: underlying buffer is not writable");
        }
        let c = m.flags & FLAG_C != 0;
        let f = m.flags & FLAG_FORTRAN != 0;
        if flags & buffer::C_CONTIGUOUS == buffer::C_CONTIGUOUS && !c {
            crate::bail!(BufferError, "memoryview: underlying buffer is not C-contiguous");
        }
        if flags & buffer::F_CONTIGUOUS == buffer::F_CONTIGUOUS && !f {
            crate::bail!(BufferError, "memoryview: underlying buffer is not Fortran contiguous");
        }
        if flags & buffer::ANY_CONTIGUOUS == buffer::ANY_CONTIGUOUS && !c && !f {
            crate::bail!(BufferError, "memoryview: underlying buffer is not contiguous");
        }
        if flags & buffer::STRIDES != buffer::STRIDES && !c {
            crate::bail!(BufferError, "memoryview: underlying buffer is not C-contiguous");
        }
        let v = &mut *out;
        v.buf = base.buf;
        v.len = base.len;
        v.itemsize = base.itemsize;
        v.readonly = base.readonly;
        v.ndim = base.ndim;
        v.format = if flags & buffer::FORMAT == buffer::FORMAT { base.format } else { null_mut() };
        v.shape = base.shape;
        v.strides = if flags & buffer::STRIDES == buffer::STRIDES { base.strides } else { null_mut() };
        v.suboffsets = null_mut();
        v.internal = null_mut();
        if flags & buffer::ND != buffer::ND {
            if !v.format.is_null() {
                crate::bail!(BufferError, "memoryview: cannot cast to unsigned bytes if the format flag is present");
            }
            v.ndim = 1;
            v.shape = null_mut();
        }
        v.obj = obj.clone().into_raw();
        m.exports += 1;
        Ok(())
    })();
    crate::types::slots::ret_status(r)
}

unsafe extern "C" fn memoryview_releasebuffer(o: *mut PyObject, _view: *mut PyBuffer) {
    (*(o as *mut PyMemoryViewObject)).exports -= 1;
}

// ---------------------------------------------------------------------------
// Items.

fn item_code(o: &Obj) -> PyResult<(u8, String)> {
    let fmt = format_str(view(o));
    match native_code(&fmt) {
        Some(c) => Ok((c, fmt)),
        None => Err(unsupported_format(&fmt)),
    }
}

/// The item at `p`.
fn get_at(o: &Obj, p: *const u8) -> PyResult<Obj> {
    let (c, _) = item_code(o)?;
    Ok(unsafe { unpack(c, p) })
}

/// The address of item `i` along the first dimension.
fn ptr_of_index(o: &Obj, key: &Obj, dim: usize, base: *mut u8) -> PyResult<*mut u8> {
    let v = view(o);
    let i = int::index(key)?;
    let mut i = match int::as_i64(&i) {
        Some(x) => x as isize,
        None => crate::bail!(IndexError, "cannot fit 'int' into an index-sized integer"),
    };
    let n = shape(v)[dim];
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        crate::bail!(IndexError, "index out of bounds on dimension {}", dim + 1);
    }
    Ok(base.wrapping_offset(i * strides(v)[dim]))
}

fn is_multi_index(key: &Obj) -> bool {
    tuple::is_tuple(key) && tuple::items(key).iter().all(|k| crate::ops::number::has_index(k))
}

fn is_multi_slice(key: &Obj) -> bool {
    tuple::is_tuple(key) && tuple::items(key).iter().all(crate::types::slice::is_slice)
}

fn multi_index_ptr(o: &Obj, key: &Obj) -> PyResult<*mut u8> {
    let v = view(o);
    let keys = tuple::items(key);
    if keys.len() < v.ndim as usize {
        crate::bail!(NotImplementedError, "sub-views are not implemented");
    }
    if keys.len() > v.ndim as usize {
        crate::bail!(TypeError, "cannot index {}-dimension view with {}-element tuple", v.ndim, keys.len());
    }
    let mut p = v.buf as *mut u8;
    for (d, k) in keys.iter().enumerate() {
        p = ptr_of_index(o, k, d, p)?;
    }
    Ok(p)
}

/// A new view of `o` restricted by slice `key` along the first dimension.
fn slice_view(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let m = mv(o);
    let ndim = m.view.ndim as usize;
    let r = unsafe { new_view(m.mbuf, &m.view, ndim) };
    let n = shape(view(o))[0] as usize;
    let (start, _stop, step, count) = crate::types::slice::unpack_indices(key, n)?;
    let rv = mv(&r);
    unsafe {
        rv.view.buf = (rv.view.buf as *mut u8).wrapping_offset(start * *rv.view.strides) as *mut _;
        *rv.view.shape = count as isize;
        *rv.view.strides *= step;
        let total: isize = shape(&rv.view).iter().product();
        rv.view.len = total * rv.view.itemsize;
    }
    init_flags(rv);
    Ok(r)
}

fn memoryview_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    let v = view(o);
    if v.ndim == 0 {
        if key.is(&none::ellipsis()) {
            return Ok(o.clone());
        }
        if tuple::is_tuple(key) && tuple::len(key) == 0 {
            return get_at(o, v.buf as *const u8);
        }
        crate::bail!(TypeError, "invalid indexing of 0-dim memory");
    }
    if crate::ops::number::has_index(key) {
        if v.ndim > 1 {
            crate::bail!(NotImplementedError, "multi-dimensional sub-views are not implemented");
        }
        let p = ptr_of_index(o, key, 0, v.buf as *mut u8)?;
        return get_at(o, p);
    }
    if crate::types::slice::is_slice(key) {
        return slice_view(o, key);
    }
    if key.is(&none::ellipsis()) {
        return Ok(o.clone());
    }
    if is_multi_index(key) {
        let p = multi_index_ptr(o, key)?;
        return get_at(o, p);
    }
    if is_multi_slice(key) {
        crate::bail!(NotImplementedError, "multi-dimensional slicing is not implemented");
    }
    crate::bail!(TypeError, "memoryview: invalid slice key")
}
crate::binary_slot!(memoryview_subscript_slot => memoryview_subscript);

fn memoryview_item(o: &Obj, i: isize) -> PyResult<Obj> {
    memoryview_subscript(o, &int::from_i64(i as i64))
}
crate::sq_item_slot!(memoryview_item_slot => memoryview_item);

fn pack_at(o: &Obj, p: *mut u8, value: &Obj) -> PyResult<()> {
    let (c, fmt) = item_code(o)?;
    unsafe { pack(c, &fmt, value, p) }
}

fn memoryview_ass_subscript(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    check_released(o)?;
    let v = view(o);
    if v.readonly != 0 {
        crate::bail!(TypeError, "cannot modify read-only memory");
    }
    let value = match value {
        Some(x) => x,
        None => crate::bail!(TypeError, "cannot delete memory"),
    };
    if v.ndim == 0 {
        if key.is(&none::ellipsis()) || (tuple::is_tuple(key) && tuple::len(key) == 0) {
            return pack_at(o, v.buf as *mut u8, value);
        }
        crate::bail!(TypeError, "invalid indexing of 0-dim memory");
    }
    if crate::ops::number::has_index(key) {
        if v.ndim > 1 {
            crate::bail!(NotImplementedError, "sub-views are not implemented");
        }
        let p = ptr_of_index(o, key, 0, v.buf as *mut u8)?;
        return pack_at(o, p, value);
    }
    if crate::types::slice::is_slice(key) && v.ndim == 1 {
        let src = buffer::Buffer::get(value, buffer::FULL_RO)?;
        let dest = slice_view(o, key)?;
        let d = view(&dest);
        let s = src.raw();
        let same_fmt = native_code(&format_str(d)) == native_code(&format_str(s)) || format_str(d) == format_str(s);
        if s.ndim != 1 || shape(s).first().copied().unwrap_or(s.len / s.itemsize.max(1)) != shape(d)[0] || s.itemsize != d.itemsize || !same_fmt {
            crate::bail!(ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        }
        // Copy through a temporary: source and destination may overlap.
        let data = unsafe { buffer::to_c_order(s) };
        let item = d.itemsize as usize;
        let stride = strides(d)[0];
        for (i, chunk) in data.chunks(item).enumerate() {
            unsafe {
                let p = (d.buf as *mut u8).wrapping_offset(i as isize * stride);
                std::ptr::copy_nonoverlapping(chunk.as_ptr(), p, item);
            }
        }
        return Ok(());
    }
    if is_multi_index(key) {
        let p = multi_index_ptr(o, key)?;
        return pack_at(o, p, value);
    }
    if crate::types::slice::is_slice(key) || is_multi_slice(key) {
        crate::bail!(NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
    }
    crate::bail!(TypeError, "memoryview: invalid slice key")
}
crate::setter_slot!(memoryview_ass_subscript_slot => memoryview_ass_subscript);

fn memoryview_len(o: &Obj) -> PyResult<usize> {
    check_released(o)?;
    let v = view(o);
    if v.ndim == 0 {
        crate::bail!(TypeError, "0-dim memory has no length");
    }
    Ok(shape(v)[0] as usize)
}
crate::len_slot!(memoryview_len_slot => memoryview_len);

// ---------------------------------------------------------------------------
// Whole-view operations.

/// Every item in C order, unpacked, as a nested list (tolist) — or the
/// flat sequence of items (comparisons).
fn items_flat(o: &Obj, v: &PyBuffer) -> PyResult<Vec<Obj>> {
    let fmt = format_str(v);
    let c = native_code(&fmt).ok_or_else(|| unsupported_format(&fmt))?;
    let mut out = Vec::new();
    fn walk(out: &mut Vec<Obj>, c: u8, p: *const u8, dim: usize, sh: &[isize], st: &[isize]) {
        if dim == sh.len() {
            out.push(unsafe { unpack(c, p) });
            return;
        }
        for i in 0..sh[dim] {
            walk(out, c, p.wrapping_offset(i * st[dim]), dim + 1, sh, st);
        }
    }
    let _ = o;
    walk(&mut out, c, v.buf as *const u8, 0, shape(v), strides(v));
    Ok(out)
}

fn m_tolist(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("memoryview.tolist", a, k, 0, 0)?;
    check_released(slf)?;
    let v = view(slf);
    let (c, _) = item_code(slf)?;
    if v.ndim == 0 {
        return Ok(unsafe { unpack(c, v.buf as *const u8) });
    }
    fn build(c: u8, p: *const u8, dim: usize, sh: &[isize], st: &[isize]) -> Obj {
        let items: Vec<Obj> = (0..sh[dim])
            .map(|i| {
                let q = p.wrapping_offset(i * st[dim]);
                if dim + 1 == sh.len() {
                    unsafe { unpack(c, q) }
                } else {
                    build(c, q, dim + 1, sh, st)
                }
            })
            .collect();
        crate::types::list::from_vec(items)
    }
    Ok(build(c, v.buf as *const u8, 0, shape(v), strides(v)))
}

/// The bytes of the view in C order (or Fortran order for `fortran`).
fn view_bytes(v: &PyBuffer, fortran: bool) -> Vec<u8> {
    if !fortran || v.ndim <= 1 {
        return unsafe { buffer::to_c_order(v) };
    }
    let sh = shape(v);
    let st = strides(v);
    let item = v.itemsize as usize;
    let total: isize = sh.iter().product();
    let mut out = Vec::with_capacity(v.len as usize);
    let mut idx = vec![0isize; sh.len()];
    for _ in 0..total {
        let off: isize = idx.iter().zip(st).map(|(i, s)| i * s).sum();
        unsafe { out.extend_from_slice(std::slice::from_raw_parts((v.buf as *const u8).wrapping_offset(off), item)) };
        for d in 0..sh.len() {
            idx[d] += 1;
            if idx[d] < sh[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    out
}

fn m_tobytes(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("tobytes", args, kw, &["order"], 0, 0)?;
    check_released(slf)?;
    let fortran = match a[0].as_ref().filter(|x| !none::is_none(x)) {
        None => false,
        Some(o) => match pystr::as_str(o) {
            Some("C") => false,
            Some("F") => true,
            Some("A") => mv(slf).flags & FLAG_C == 0 && mv(slf).flags & FLAG_FORTRAN != 0,
            _ if !pystr::is_str(o) => crate::bail!(TypeError, "tobytes() argument 'order' must be str or None, not {}", o.ty().name()),
            _ => crate::bail!(ValueError, "order must be 'C', 'F' or 'A'"),
        },
    };
    Ok(bytes::new(&view_bytes(view(slf), fortran)))
}

fn m_hex(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("hex", args, kw, &["sep", "bytes_per_sep"], 0, 0)?;
    check_released(slf)?;
    crate::types::bytes_methods::hex_with_sep(&view_bytes(view(slf), false), a[0].as_ref(), a[1].as_ref())
}

fn m_release(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("memoryview.release", a, k, 0, 0)?;
    release_view(slf)?;
    Ok(none::none())
}

fn m_enter(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("memoryview.__enter__", a, k, 0, 0)?;
    check_released(slf)?;
    Ok(slf.clone())
}

fn m_exit(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    release_view(slf)?;
    Ok(none::none())
}

fn m_toreadonly(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("memoryview.toreadonly", a, k, 0, 0)?;
    check_released(slf)?;
    let m = mv(slf);
    let r = unsafe { new_view(m.mbuf, &m.view, m.view.ndim as usize) };
    mv(&r).view.readonly = 1;
    Ok(r)
}

fn m_cast(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("cast", args, kw, &["format", "shape"], 1, 0)?;
    let fmt_obj = a[0].as_ref().unwrap();
    if !pystr::is_str(fmt_obj) {
        crate::bail!(TypeError, "cast() argument 'format' must be str, not {}", fmt_obj.ty().name());
    }
    check_released(slf)?;
    let m = mv(slf);
    if m.flags & FLAG_C == 0 {
        crate::bail!(TypeError, "memoryview: casts are restricted to C-contiguous views");
    }
    let shape_arg = a[1].as_ref().filter(|x| !none::is_none(x));
    if let Some(sh) = shape_arg {
        if !tuple::is_tuple(sh) && !crate::types::list::is_list(sh) {
            crate::bail!(TypeError, "shape must be a list or a tuple");
        }
    }
    let src = &m.view;
    // An empty 1-D view may be recast without a shape (CPython allows it).
    let zeros = shape(src).contains(&0) || strides(src).contains(&0);
    if zeros && (shape_arg.is_some() || src.ndim != 1) {
        crate::bail!(TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    }
    let fmt = pystr::to_string_lossy(fmt_obj);
    let code = match native_code(&fmt) {
        Some(c) => c,
        None => crate::bail!(
            ValueError,
            "memoryview: destination format must be a native single character format prefixed with an optional '@'"
        ),
    };
    let src_fmt = format_str(src);
    let is_byte = |c: Option<u8>| matches!(c, Some(b'B') | Some(b'b') | Some(b'c'));
    if !is_byte(Some(code)) && !is_byte(native_code(&src_fmt)) {
        crate::bail!(TypeError, "memoryview: cannot cast between two non-byte formats");
    }
    let itemsize = code_size(code) as isize;
    let dims: Vec<isize> = match shape_arg {
        None => {
            if src.len % itemsize != 0 {
                crate::bail!(TypeError, "memoryview: length is not a multiple of itemsize");
            }
            vec![src.len / itemsize]
        }
        Some(sh) => {
            let items = crate::ops::seq::to_vec(sh)?;
            if items.len() > 64 {
                crate::bail!(ValueError, "memoryview: number of dimensions must not exceed 64");
            }
            if src.ndim != 1 && items.len() != 1 {
                crate::bail!(TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            }
            let mut dims = Vec::with_capacity(items.len());
            for it in &items {
                let ok = if int::is_int(it) { int::as_i64(it).filter(|x| *x > 0) } else { None };
                match ok {
                    Some(x) => dims.push(x as isize),
                    None => crate::bail!(ValueError, "memoryview.cast(): elements of shape must be integers > 0"),
                }
            }
            let total = dims.iter().try_fold(itemsize, |acc: isize, d| acc.checked_mul(*d));
            if total != Some(src.len) {
                crate::bail!(TypeError, "memoryview: product(shape) * itemsize != buffer size");
            }
            dims
        }
    };
    let mut nv = buffer::empty();
    nv.buf = src.buf;
    nv.obj = src.obj;
    nv.len = src.len;
    nv.readonly = src.readonly;
    nv.itemsize = itemsize;
    nv.format = static_format(&fmt);
    nv.ndim = dims.len() as c_int;
    nv.shape = dims.as_ptr() as *mut isize;
    let r = unsafe { new_view(m.mbuf, &nv, dims.len()) };
    Ok(r)
}

// ---------------------------------------------------------------------------
// Comparison, hash, repr, iteration.

fn memoryview_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = |r: bool| Ok(bool_::from_bool(if op == CompareOp::Eq { r } else { !r }));
    if a.is(b) {
        return eq(true);
    }
    let released = |o: &Obj| is_memoryview(o) && check_released(o).is_err();
    if released(a) || released(b) {
        crate::errors::clear();
        return eq(false);
    }
    let vb = match buffer::Buffer::get(b, buffer::FULL_RO) {
        Ok(v) => v,
        Err(_) => {
            crate::errors::clear();
            return Ok(none::not_implemented());
        }
    };
    let va = view(a);
    let vb_raw = vb.raw();
    let sb: Vec<isize> = if vb_raw.shape.is_null() {
        vec![vb_raw.len / vb_raw.itemsize.max(1)]
    } else {
        shape(vb_raw).to_vec()
    };
    if va.ndim != vb_raw.ndim || shape(va) != sb.as_slice() {
        return eq(false);
    }
    let fa = format_str(va);
    let fb = format_str(vb_raw);
    if native_code(&fa).is_none() || native_code(&fb).is_none() {
        if fa == fb {
            let x = view_bytes(va, false);
            let y = unsafe { buffer::to_c_order(vb_raw) };
            return eq(x == y);
        }
        return Err(unsupported_format(if native_code(&fa).is_none() { &fa } else { &fb }));
    }
    let xs = items_flat(a, va)?;
    // The other side walked through its own (possibly absent) strides.
    let mut tmp = buffer::empty();
    tmp.buf = vb_raw.buf;
    tmp.len = vb_raw.len;
    tmp.itemsize = vb_raw.itemsize;
    tmp.ndim = vb_raw.ndim;
    tmp.format = vb_raw.format;
    let mut sh = sb.clone();
    let mut st: Vec<isize> = if vb_raw.strides.is_null() {
        let mut v = vec![0; sb.len()];
        let mut sd = vb_raw.itemsize;
        for i in (0..sb.len()).rev() {
            v[i] = sd;
            sd *= sb[i];
        }
        v
    } else {
        strides(vb_raw).to_vec()
    };
    tmp.shape = sh.as_mut_ptr();
    tmp.strides = st.as_mut_ptr();
    let ys = items_flat(b, &tmp)?;
    for (x, y) in xs.iter().zip(ys.iter()) {
        if !crate::ops::rich_compare_bool(x, y, CompareOp::Eq)? {
            return eq(false);
        }
    }
    eq(true)
}
crate::richcmp_slot!(memoryview_richcompare_slot => memoryview_richcompare);

fn memoryview_hash(o: &Obj) -> PyResult<isize> {
    let m = mv(o);
    if m.hash != -1 {
        return Ok(m.hash);
    }
    check_released(o)?;
    if m.view.readonly == 0 {
        crate::bail!(ValueError, "cannot hash writable memoryview object");
    }
    let fmt = format_str(&m.view);
    if !matches!(fmt.as_str(), "B" | "b" | "c") {
        crate::bail!(ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    }
    if !m.view.obj.is_null() {
        crate::ops::hash(unsafe { Obj::borrow_slot(&m.view.obj) })?;
    }
    let h = crate::hash::hash_bytes(&view_bytes(&m.view, false));
    m.hash = h;
    Ok(h)
}
crate::hash_slot!(memoryview_hash_slot => memoryview_hash);

fn memoryview_repr(o: &Obj) -> PyResult<Obj> {
    let released = check_released(o).is_err();
    if released {
        crate::errors::clear();
        return Ok(pystr::new(&format!("<released memory at {:#x}>", o.as_ptr() as usize)));
    }
    Ok(pystr::new(&format!("<memory at {:#x}>", o.as_ptr() as usize)))
}
crate::unary_slot!(memoryview_repr_slot => memoryview_repr);

#[repr(C)]
pub struct MemoryIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

fn memoryview_iter(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    let v = view(o);
    if v.ndim == 0 {
        crate::bail!(TypeError, "invalid indexing of 0-dim memory");
    }
    if v.ndim != 1 {
        crate::bail!(NotImplementedError, "multi-dimensional sub-views are not implemented");
    }
    item_code(o)?;
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyMemoryIter_Type, 0) as *mut MemoryIterObject;
        (*p).seq = o.clone().into_raw();
        (*p).index = 0;
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}
crate::unary_slot!(memoryview_iter_slot => memoryview_iter);

unsafe extern "C" fn memoryiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut MemoryIterObject);
    if it.seq.is_null() {
        return null_mut();
    }
    let seq = Obj::borrow_slot(&it.seq);
    if check_released(seq).is_err() {
        return null_mut();
    }
    let v = view(seq);
    if it.index < shape(v)[0] {
        let q = (v.buf as *const u8).wrapping_offset(it.index * strides(v)[0]);
        it.index += 1;
        return crate::types::slots::ret(get_at(seq, q));
    }
    crate::object::xdecref(std::mem::replace(&mut it.seq, null_mut()));
    null_mut()
}

unsafe extern "C" fn memoryiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut MemoryIterObject)).seq);
    alloc::free_object(p);
}

unsafe extern "C" fn memoryiter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let s = (*(p as *mut MemoryIterObject)).seq;
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

// ---------------------------------------------------------------------------
// Attributes.

fn get_obj(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    let p = view(o).obj;
    Ok(if p.is_null() { none::none() } else { unsafe { Obj::from_borrowed(p) } })
}
fn get_nbytes(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(int::from_i64(view(o).len as i64))
}
fn get_readonly(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(bool_::from_bool(view(o).readonly != 0))
}
fn get_itemsize(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(int::from_i64(view(o).itemsize as i64))
}
fn get_format(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(pystr::new(&format_str(view(o))))
}
fn get_ndim(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(int::from_i64(view(o).ndim as i64))
}
fn ints(v: &[isize]) -> Obj {
    tuple::from_vec(v.iter().map(|x| int::from_i64(*x as i64)).collect())
}
fn get_shape(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(ints(shape(view(o))))
}
fn get_strides(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(ints(strides(view(o))))
}
fn get_suboffsets(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(tuple::from_vec(vec![]))
}
fn get_c_contiguous(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(bool_::from_bool(mv(o).flags & FLAG_C != 0))
}
fn get_f_contiguous(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(bool_::from_bool(mv(o).flags & FLAG_FORTRAN != 0))
}
fn get_contiguous(o: &Obj) -> PyResult<Obj> {
    check_released(o)?;
    Ok(bool_::from_bool(mv(o).flags & (FLAG_C | FLAG_FORTRAN) != 0))
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_BUFFER: crate::object::PyBufferProcs = crate::object::PyBufferProcs::EMPTY;

pub fn init_types() {
    unsafe {
        let mb = &raw mut _PyManagedBuffer_Type;
        crate::types::type_::init_static(mb, "managedbuffer", std::mem::size_of::<PyManagedBufferObject>(), 0);
        (*mb).tp_flags &= !tpflags::BASETYPE;
        (*mb).tp_dealloc = Some(mbuf_dealloc);

        let t = type_ptr();
        crate::types::type_::init_static(t, "memoryview", std::mem::offset_of!(PyMemoryViewObject, ob_array), std::mem::size_of::<isize>());
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_flags |= tpflags::SEQUENCE;
        (*t).tp_weaklistoffset = std::mem::offset_of!(PyMemoryViewObject, weakreflist) as isize;
        (*t).tp_dealloc = Some(memoryview_dealloc);
        (*t).tp_repr = Some(memoryview_repr_slot);
        (*t).tp_hash = Some(memoryview_hash_slot);
        (*t).tp_richcompare = Some(memoryview_richcompare_slot);
        (*t).tp_iter = Some(memoryview_iter_slot);
        (*t).tp_new = Some(memoryview_new_slot);
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_length = Some(memoryview_len_slot);
        (*sq).sq_item = Some(memoryview_item_slot);
        let mp = &raw mut AS_MAPPING;
        (*mp).mp_length = Some(memoryview_len_slot);
        (*mp).mp_subscript = Some(memoryview_subscript_slot);
        (*mp).mp_ass_subscript = Some(memoryview_ass_subscript_slot);
        let bf = &raw mut AS_BUFFER;
        (*bf).bf_getbuffer = Some(memoryview_getbuffer);
        (*bf).bf_releasebuffer = Some(memoryview_releasebuffer);
        (*t).tp_as_sequence = sq;
        (*t).tp_as_mapping = mp;
        (*t).tp_as_buffer = bf;
        (*t).tp_methods = method_table(&[
            method("release", m_release),
            method("tobytes", m_tobytes),
            method("hex", m_hex).with_doc(
                "Return the viewed bytes as a string of two hexadecimal digits per\nbyte, optionally with a separator between groups of bytes_per_sep bytes.\n\n>>> memoryview(b'\\xde\\xad\\xbe\\xef').hex()\n'deadbeef'\n>>> memoryview(b'\\xde\\xad\\xbe\\xef').hex('-', -1)\n'de-ad-be-ef'",
            ),
            method("tolist", m_tolist),
            method("cast", m_cast),
            method("toreadonly", m_toreadonly),
            method("__enter__", m_enter),
            method("__exit__", m_exit),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("obj", get_obj),
            GetSetSpec::get("nbytes", get_nbytes),
            GetSetSpec::get("readonly", get_readonly),
            GetSetSpec::get("itemsize", get_itemsize),
            GetSetSpec::get("format", get_format),
            GetSetSpec::get("ndim", get_ndim),
            GetSetSpec::get("shape", get_shape),
            GetSetSpec::get("strides", get_strides),
            GetSetSpec::get("suboffsets", get_suboffsets),
            GetSetSpec::get("c_contiguous", get_c_contiguous),
            GetSetSpec::get("f_contiguous", get_f_contiguous),
            GetSetSpec::get("contiguous", get_contiguous),
        ]);

        let it = &raw mut _PyMemoryIter_Type;
        crate::types::type_::init_static(it, "memory_iterator", std::mem::size_of::<MemoryIterObject>(), 0);
        (*it).tp_flags |= tpflags::HAVE_GC;
        (*it).tp_flags &= !tpflags::BASETYPE;
        (*it).tp_dealloc = Some(memoryiter_dealloc);
        (*it).tp_traverse = Some(memoryiter_traverse);
        (*it).tp_iter = Some(crate::types::iter::self_iter);
        (*it).tp_iternext = Some(memoryiter_next);
    }
}
