//! The buffer protocol (PEP 3118): request flags, `PyBuffer_FillInfo` for
//! byte exporters, and `Buffer`, an owned `Py_buffer` for Rust callers that
//! releases itself when dropped.
//!
//! The struct itself (`PyBuffer`) lives in the object layer with CPython's
//! 80-byte layout, since C extensions fill and read it directly.

use crate::errors::PyResult;
use crate::object::{Obj, PyBuffer, PyObject};
use std::os::raw::{c_char, c_int};
use std::ptr::null_mut;

pub const SIMPLE: c_int = 0;
pub const WRITABLE: c_int = 0x0001;
pub const FORMAT: c_int = 0x0004;
pub const ND: c_int = 0x0008;
pub const STRIDES: c_int = 0x0010 | ND;
pub const C_CONTIGUOUS: c_int = 0x0020 | STRIDES;
pub const F_CONTIGUOUS: c_int = 0x0040 | STRIDES;
pub const ANY_CONTIGUOUS: c_int = 0x0080 | STRIDES;
pub const INDIRECT: c_int = 0x0100 | STRIDES;
pub const FULL_RO: c_int = INDIRECT | FORMAT;
pub const RECORDS_RO: c_int = STRIDES | FORMAT;

/// An all-null `Py_buffer`, for exporters to fill.
pub const fn empty() -> PyBuffer {
    PyBuffer {
        buf: null_mut(),
        obj: null_mut(),
        len: 0,
        itemsize: 0,
        readonly: 0,
        ndim: 0,
        format: null_mut(),
        shape: null_mut(),
        strides: null_mut(),
        suboffsets: null_mut(),
        internal: null_mut(),
    }
}

/// Whether `o`'s type exports buffers.
pub fn has_buffer(o: &Obj) -> bool {
    let t = o.type_ptr();
    unsafe { !(*t).tp_as_buffer.is_null() && (*(*t).tp_as_buffer).bf_getbuffer.is_some() }
}

/// `PyBuffer_FillInfo`: describe `len` contiguous unsigned bytes at `buf`
/// owned by `obj`, honouring the consumer's `flags`.
///
/// # Safety
/// `view` must point to writable `Py_buffer` storage that stays in place
/// while the view is in use (shape/strides point into it).
pub unsafe fn fill_info(view: *mut PyBuffer, obj: &Obj, buf: *mut u8, len: isize, readonly: bool, flags: c_int) -> PyResult<()> {
    if view.is_null() {
        crate::bail!(BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
    }
    if flags & WRITABLE == WRITABLE && readonly {
        crate::bail!(BufferError, "Object is not writable.");
    }
    let v = &mut *view;
    v.obj = obj.clone().into_raw();
    v.buf = buf as *mut _;
    v.len = len;
    v.readonly = readonly as c_int;
    v.itemsize = 1;
    v.format = if flags & FORMAT == FORMAT { c"B".as_ptr() as *mut c_char } else { null_mut() };
    v.ndim = 1;
    v.shape = if flags & ND == ND { &mut v.len } else { null_mut() };
    v.strides = if flags & STRIDES == STRIDES { &mut v.itemsize } else { null_mut() };
    v.suboffsets = null_mut();
    v.internal = null_mut();
    Ok(())
}

/// `PyObject_GetBuffer` into caller-provided storage.
///
/// # Safety
/// `view` must be writable storage; on success it must later be passed to
/// `release`.
pub unsafe fn get_into(o: &Obj, view: *mut PyBuffer, flags: c_int) -> PyResult<()> {
    let t = o.type_ptr();
    let get = if (*t).tp_as_buffer.is_null() { None } else { (*(*t).tp_as_buffer).bf_getbuffer };
    match get {
        Some(f) => crate::types::slots::from_status(f(o.as_ptr(), view, flags)).map(|_| ()),
        None => crate::bail!(TypeError, "a bytes-like object is required, not '{}'", o.ty().name()),
    }
}

/// `PyObject_GetBuffer(o, NULL, flags)`: the obsolete null-view request,
/// which exporters refuse with BufferError (kept for `_testcapi`).
pub fn get_with_null_view(o: &Obj, flags: c_int) -> PyResult<()> {
    // Safety: krait's exporters all refuse a null view (fill_info, bytearray,
    // array and memoryview check); a C extension's exporter that did not
    // would crash here as it does under CPython.
    unsafe { get_into(o, null_mut(), flags) }
}

/// `PyBuffer_Release`: let the exporter know and drop the view's reference.
///
/// # Safety
/// `view` must hold a buffer obtained from `get_into` (or be already released,
/// with a null `obj`).
pub unsafe fn release(view: *mut PyBuffer) {
    let obj = (*view).obj;
    if obj.is_null() {
        return;
    }
    let t = (*obj).ob_type;
    if !(*t).tp_as_buffer.is_null() {
        if let Some(rel) = (*(*t).tp_as_buffer).bf_releasebuffer {
            rel(obj, view);
        }
    }
    (*view).obj = null_mut();
    drop(Obj::from_owned(obj));
}

/// An exported buffer held by Rust code; released on drop. Boxed so the
/// shape/strides pointers an exporter aims into the struct stay valid.
pub struct Buffer {
    view: Box<PyBuffer>,
}

impl Buffer {
    /// `PyObject_GetBuffer(o, flags)`.
    pub fn get(o: &Obj, flags: c_int) -> PyResult<Buffer> {
        let mut view = Box::new(empty());
        unsafe { get_into(o, &mut *view, flags)? };
        Ok(Buffer { view })
    }

    pub fn raw(&self) -> &PyBuffer {
        &self.view
    }

    pub fn len(&self) -> usize {
        self.view.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.view.len == 0
    }

    pub fn readonly(&self) -> bool {
        self.view.readonly != 0
    }

    /// The bytes of a contiguous view (any request without STRIDES, or one
    /// the exporter reports as C-contiguous).
    pub fn as_slice(&self) -> &[u8] {
        if self.view.len == 0 || self.view.buf.is_null() {
            return &[];
        }
        unsafe { std::slice::from_raw_parts(self.view.buf as *const u8, self.view.len as usize) }
    }

    /// The writable bytes of a contiguous view requested with WRITABLE.
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        if self.view.len == 0 || self.view.buf.is_null() {
            return &mut [];
        }
        unsafe { std::slice::from_raw_parts_mut(self.view.buf as *mut u8, self.view.len as usize) }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        unsafe { release(&mut *self.view) };
    }
}

/// Argument Clinic's `w*` converter: a writable view of argument `o` of
/// `fname`. Any failure (no buffer, or a read-only one) is replaced by
/// CPython's TypeError, as the converter clears the exporter's error.
pub fn writable_arg(o: &Obj, fname: &str) -> PyResult<Buffer> {
    match Buffer::get(o, WRITABLE) {
        Ok(b) => Ok(b),
        Err(_) => {
            crate::errors::clear();
            let what = if crate::types::none::is_none(o) { "None" } else { o.ty().name() };
            crate::bail!(TypeError, "{}() argument must be read-write bytes-like object, not {}", fname, what)
        }
    }
}

/// A simple contiguous byte view of a bytes-like argument, with CPython's
/// "a bytes-like object is required, not 'T'" TypeError otherwise.
pub fn bytes_like(o: &Obj) -> PyResult<Buffer> {
    Buffer::get(o, SIMPLE)
}

/// The bytes of any buffer exporter, copied in C order (non-contiguous
/// memoryviews included); None when `o` exports no buffer.
pub fn copy_bytes(o: &Obj) -> Option<PyResult<Vec<u8>>> {
    if !has_buffer(o) {
        return None;
    }
    Some(Buffer::get(o, FULL_RO).map(|b| unsafe { to_c_order(b.raw()) }))
}

/// The bytes of `view` in C (row-major) order.
///
/// # Safety
/// `view` must be a live exported buffer.
pub unsafe fn to_c_order(view: &PyBuffer) -> Vec<u8> {
    let len = view.len as usize;
    if view.strides.is_null() || is_c_contiguous(view) {
        if len == 0 {
            return Vec::new();
        }
        return std::slice::from_raw_parts(view.buf as *const u8, len).to_vec();
    }
    let mut out = Vec::with_capacity(len);
    let ndim = view.ndim as usize;
    let shape = std::slice::from_raw_parts(view.shape, ndim);
    let strides = std::slice::from_raw_parts(view.strides, ndim);
    let item = view.itemsize as usize;
    fn walk(out: &mut Vec<u8>, p: *const u8, dim: usize, shape: &[isize], strides: &[isize], item: usize) {
        if dim == shape.len() {
            unsafe { out.extend_from_slice(std::slice::from_raw_parts(p, item)) };
            return;
        }
        for i in 0..shape[dim] {
            walk(out, p.wrapping_offset(i * strides[dim]), dim + 1, shape, strides, item);
        }
    }
    walk(&mut out, view.buf as *const u8, 0, shape, strides, item);
    out
}

/// `PyBuffer_IsContiguous(view, 'C')`.
///
/// # Safety
/// `view` must be a live exported buffer.
pub unsafe fn is_c_contiguous(view: &PyBuffer) -> bool {
    if !view.suboffsets.is_null() {
        return false;
    }
    if view.strides.is_null() {
        return true;
    }
    if view.len == 0 {
        return true;
    }
    let ndim = view.ndim as usize;
    let shape = std::slice::from_raw_parts(view.shape, ndim);
    let strides = std::slice::from_raw_parts(view.strides, ndim);
    let mut sd = view.itemsize;
    for i in (0..ndim).rev() {
        if shape[i] > 1 && strides[i] != sd {
            return false;
        }
        sd *= shape[i];
    }
    true
}

/// `PyBuffer_IsContiguous(view, 'F')`.
///
/// # Safety
/// `view` must be a live exported buffer.
pub unsafe fn is_f_contiguous(view: &PyBuffer) -> bool {
    if !view.suboffsets.is_null() {
        return false;
    }
    if view.strides.is_null() {
        return view.ndim <= 1 || view.len == 0 || {
            let shape = std::slice::from_raw_parts(view.shape, view.ndim as usize);
            shape.iter().filter(|&&s| s > 1).count() <= 1
        };
    }
    if view.len == 0 {
        return true;
    }
    let ndim = view.ndim as usize;
    let shape = std::slice::from_raw_parts(view.shape, ndim);
    let strides = std::slice::from_raw_parts(view.strides, ndim);
    let mut sd = view.itemsize;
    for i in 0..ndim {
        if shape[i] > 1 && strides[i] != sd {
            return false;
        }
        sd *= shape[i];
    }
    true
}

/// The object a view was exported from, as a borrowed pointer.
pub fn exporter(view: &PyBuffer) -> *mut PyObject {
    view.obj
}
