//! `BytesIO`: an in-memory bytes stream.

use super::{closed_error, state, State};
use crate::posix::args::{self, clinic};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{bool_, buffer, bytes, dict, float, int, list, none, tuple, type_};
use krait_runtime::{Obj, PyResult};

pub struct BytesState {
    /// The contents, unless `shared` holds them.
    pub buf: Vec<u8>,
    /// The exact bytes object given to the constructor, used until the
    /// first change (copy-on-write, as CPython).
    pub shared: Option<Obj>,
    pub pos: usize,
    pub closed: bool,
    /// Live views from getbuffer(); the buffer cannot change size meanwhile.
    pub exports: usize,
}

fn check_exports(b: &BytesState) -> PyResult<()> {
    if b.exports > 0 {
        krait_runtime::bail!(BufferError, "Existing exports of data: object cannot be re-sized");
    }
    Ok(())
}

fn bio(o: &Obj) -> PyResult<&mut BytesState> {
    // tp_new makes a usable (empty) object even without __init__.
    if state(o).is_none() && super::is_io(o) && type_::is_subtype(o.type_ptr(), &raw mut super::BYTESIO_TYPE) {
        super::set_state(o, State::Bytes(BytesState { buf: Vec::new(), shared: None, pos: 0, closed: false, exports: 0 }));
    }
    match state(o) {
        Some(State::Bytes(b)) if !b.closed => Ok(b),
        Some(State::Bytes(_)) => Err(closed_error()),
        _ => Err(super::uninitialized()),
    }
}

fn init(slf: &Obj, a: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic("BytesIO", &all, kwn.as_ref(), &["initial_bytes"], 0, 1, 0)?;
    if let Some(State::Bytes(b)) = state(slf) {
        check_exports(b)?;
    }
    let (data, shared) = match v[0].as_ref().filter(|x| !none::is_none(x)) {
        Some(x) if bytes::is_bytes(x) && x.type_ptr() == bytes::type_ptr() => (Vec::new(), Some(x.clone())),
        Some(x) => (buffer::bytes_like(x)?.as_slice().to_vec(), None),
        None => (Vec::new(), None),
    };
    super::set_state(slf, State::Bytes(BytesState { buf: data, shared, pos: 0, closed: false, exports: 0 }));
    Ok(())
}
krait_runtime::init_slot!(init_slot => init);

impl BytesState {
    pub fn data(&self) -> &[u8] {
        match &self.shared {
            Some(o) => bytes::as_slice(o),
            None => &self.buf,
        }
    }

    /// Takes a private copy of shared contents before a change.
    pub fn unshare(&mut self) {
        if let Some(o) = self.shared.take() {
            self.buf = bytes::as_slice(&o).to_vec();
        }
    }

    fn read(&mut self, n: isize) -> &[u8] {
        let len = self.data().len();
        let avail = len.saturating_sub(self.pos);
        let k = if n < 0 { avail } else { (n as usize).min(avail) };
        let s = self.pos.min(len);
        self.pos += k;
        &self.data()[s..s + k]
    }

    fn readline(&mut self, limit: isize) -> &[u8] {
        let start = self.pos.min(self.data().len());
        let rest = &self.data()[start..];
        let mut k = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => i + 1,
            None => rest.len(),
        };
        if limit >= 0 {
            k = k.min(limit as usize);
        }
        // Past the end the position stays where it was.
        if k > 0 {
            self.pos = start + k;
        }
        &self.data()[start..start + k]
    }

    fn write(&mut self, d: &[u8]) {
        if d.is_empty() {
            return;
        }
        self.unshare();
        let end = self.pos + d.len();
        if self.buf.len() < end {
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(d);
        self.pos = end;
    }
}

fn m_getvalue(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getvalue", a, k, 0, 0)?;
    let b = bio(s)?;
    if let Some(o) = &b.shared {
        return Ok(o.clone());
    }
    Ok(bytes::new(&b.buf))
}

fn m_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    Ok(bytes::new(bio(s)?.read(n)))
}

fn m_readline(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readline", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    Ok(bytes::new(bio(s)?.readline(n)))
}

fn m_readlines(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readlines", a, k, &["size"], 1, 1, 0)?;
    let hint = super::size_arg(v[0].as_ref())?;
    let b = bio(s)?;
    let out = list::new();
    let mut total = 0;
    loop {
        let line = b.readline(-1);
        if line.is_empty() {
            break;
        }
        total += line.len();
        list::append(&out, bytes::new(line));
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(out)
}

fn m_readinto(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("readinto", a, k, 1, 1)?;
    let mut dst = buffer::writable_arg(&a[0], "readinto")?;
    let b = bio(s)?;
    let d = b.read(dst.len() as isize);
    let n = d.len();
    dst.as_mut_slice()[..n].copy_from_slice(d);
    Ok(int::from_usize(n))
}

fn m_write(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("write", a, k, 1, 1)?;
    bio(s)?;
    check_exports(bio(s)?)?;
    let data = buffer::bytes_like(&a[0])?;
    let d = data.as_slice();
    bio(s)?.write(d);
    Ok(int::from_usize(d.len()))
}

fn m_writelines(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("writelines", a, k, 1, 1)?;
    bio(s)?;
    let it = krait_runtime::ops::iter(&a[0])?;
    while let Some(x) = krait_runtime::ops::next(&it)? {
        let data = buffer::bytes_like(&x)?;
        check_exports(bio(s)?)?;
        bio(s)?.write(data.as_slice());
    }
    Ok(none::none())
}

fn m_seek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("seek", a, k, 1, 2)?;
    if float::is_float(&a[0]) {
        krait_runtime::bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let pos = args::to_ssize(&a[0])?;
    let whence = match a.get(1) {
        Some(w) => args::to_int(w)?,
        None => 0,
    };
    let b = bio(s)?;
    let newpos = match whence {
        0 => {
            if pos < 0 {
                krait_runtime::bail!(ValueError, "negative seek value {}", pos);
            }
            pos
        }
        1 => (b.pos as isize + pos).max(0),
        2 => (b.data().len() as isize + pos).max(0),
        _ => krait_runtime::bail!(ValueError, "invalid whence ({}, should be 0, 1 or 2)", whence),
    };
    b.pos = newpos as usize;
    Ok(int::from_usize(b.pos))
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    Ok(int::from_usize(bio(s)?.pos))
}

fn m_truncate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("truncate", a, k, 0, 1)?;
    let b = bio(s)?;
    check_exports(b)?;
    let size = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => {
            let n = args::to_ssize(x)?;
            if n < 0 {
                krait_runtime::bail!(ValueError, "negative size value {}", n);
            }
            n as usize
        }
        None => b.pos,
    };
    if size < b.data().len() {
        b.unshare();
        b.buf.truncate(size);
    }
    Ok(int::from_usize(size))
}

fn m_true(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("readable", a, k, 0, 0)?;
    bio(s)?;
    Ok(bool_::from_bool(true))
}

fn m_isatty(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isatty", a, k, 0, 0)?;
    bio(s)?;
    Ok(bool_::from_bool(false))
}

fn m_flush(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("flush", a, k, 0, 0)?;
    bio(s)?;
    Ok(none::none())
}

fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    if let Some(State::Bytes(b)) = state(s) {
        check_exports(b)?;
        b.closed = true;
        b.buf = Vec::new();
        b.shared = None;
    }
    Ok(none::none())
}

fn m_getstate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__getstate__", a, k, 0, 0)?;
    let b = bio(s)?;
    let v = match &b.shared {
        Some(o) => o.clone(),
        None => bytes::new(&b.buf),
    };
    let p = int::from_usize(b.pos);
    let d = match type_::instance_dict(s) {
        Some(d) if dict::len(&d) > 0 => dict::copy(&d)?,
        _ => none::none(),
    };
    Ok(tuple::new(&[v, p, d]))
}

fn m_setstate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", a, k, 1, 1)?;
    let st = &a[0];
    if !tuple::is_tuple(st) || tuple::len(st) < 3 {
        krait_runtime::bail!(TypeError, "_io.BytesIO.__setstate__ argument should be 3-tuple, got {}", st.ty().name());
    }
    let it = tuple::items(st).to_vec();
    check_exports(bio(s)?)?;
    let data = buffer::bytes_like(&it[0])?.as_slice().to_vec();
    if !int::is_int(&it[1]) {
        krait_runtime::bail!(TypeError, "second item of state must be an integer, not {}", it[1].ty().name());
    }
    let pos = int::as_isize_or_overflow(&it[1])?;
    if pos < 0 {
        krait_runtime::bail!(ValueError, "position value cannot be negative");
    }
    let d = &it[2];
    if !none::is_none(d) && !dict::is_dict(d) {
        krait_runtime::bail!(TypeError, "third item of state should be a dict, got a {}", d.ty().name());
    }
    let b = bio(s)?;
    b.buf = data;
    b.shared = None;
    b.pos = pos as usize;
    if dict::is_dict(d) {
        if let Some(own) = super::iobase::instance_dict_create(s) {
            dict::update(&own, d)?;
        }
    }
    Ok(none::none())
}

/// The object plus the bytes object it would own (a shared one counts
/// only when nothing else holds it, as CPython).
fn m_sizeof(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__sizeof__", a, k, 0, 0)?;
    let mut n = s.ty().tp_basicsize as usize;
    if let Some(State::Bytes(b)) = state(s) {
        let bytes_base = unsafe { (*bytes::type_ptr()).tp_basicsize as usize };
        match &b.shared {
            Some(o) if o.refcnt() <= 1 => n += bytes_base + bytes::as_slice(o).len(),
            Some(_) => {}
            None if !b.buf.is_empty() => n += bytes_base + b.buf.len(),
            None => {}
        }
    }
    Ok(int::from_usize(n))
}

fn g_closed(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(matches!(state(o), Some(State::Bytes(b)) if b.closed)))
}

pub fn next_impl(s: &Obj) -> PyResult<Option<Obj>> {
    if !super::is_exact(s, &raw mut super::BYTESIO_TYPE) {
        return super::iobase::next_line(s);
    }
    let b = bio(s)?;
    let line = b.readline(-1);
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(bytes::new(line)))
}

pub unsafe extern "C" fn iternext_slot(p: *mut krait_runtime::object::PyObject) -> *mut krait_runtime::object::PyObject {
    match next_impl(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        _ => std::ptr::null_mut(),
    }
}

// getbuffer(): a memoryview over an exporter object that lends the
// BytesIO's storage and counts the exports.

#[repr(C)]
struct BufferExporter {
    ob_base: krait_runtime::object::PyObject,
    source: *mut krait_runtime::object::PyObject,
}

static mut EXPORTER_TYPE: krait_runtime::object::PyTypeObject = krait_runtime::object::PyTypeObject::EMPTY;
static mut EXPORTER_BUFFER: krait_runtime::object::PyBufferProcs =
    krait_runtime::object::PyBufferProcs { bf_getbuffer: None, bf_releasebuffer: None };

unsafe extern "C" fn exporter_getbuffer(
    o: *mut krait_runtime::object::PyObject,
    view: *mut krait_runtime::object::PyBuffer,
    flags: std::os::raw::c_int,
) -> std::os::raw::c_int {
    let obj = Obj::borrow_slot(&o);
    let src = Obj::borrow_slot(&(*(o as *mut BufferExporter)).source);
    let b = match state(src) {
        Some(State::Bytes(b)) if !b.closed => b,
        _ => {
            let _ = closed_error();
            return -1;
        }
    };
    b.unshare();
    match buffer::fill_info(view, obj, b.buf.as_mut_ptr(), b.buf.len() as isize, false, flags) {
        Ok(()) => {
            b.exports += 1;
            0
        }
        Err(_) => -1,
    }
}

unsafe extern "C" fn exporter_releasebuffer(o: *mut krait_runtime::object::PyObject, _v: *mut krait_runtime::object::PyBuffer) {
    let src = Obj::borrow_slot(&(*(o as *mut BufferExporter)).source);
    if let Some(State::Bytes(b)) = state(src) {
        b.exports = b.exports.saturating_sub(1);
    }
}

unsafe extern "C" fn exporter_dealloc(p: *mut krait_runtime::object::PyObject) {
    krait_runtime::object::xdecref(std::mem::replace(&mut (*(p as *mut BufferExporter)).source, std::ptr::null_mut()));
    krait_runtime::object::alloc::free_object(p);
}

fn exporter_type() -> PyResult<*mut krait_runtime::object::PyTypeObject> {
    unsafe {
        let t = &raw mut EXPORTER_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY == 0 {
            type_::init_static(t, "_io._BytesIOBuffer", std::mem::size_of::<BufferExporter>(), 0);
            (*t).tp_flags &= !krait_runtime::object::tpflags::BASETYPE;
            (*t).tp_flags |= krait_runtime::object::tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_dealloc = Some(exporter_dealloc);
            let bf = &raw mut EXPORTER_BUFFER;
            (*bf).bf_getbuffer = Some(exporter_getbuffer);
            (*bf).bf_releasebuffer = Some(exporter_releasebuffer);
            (*t).tp_as_buffer = bf;
            type_::ready(t)?;
        }
        Ok(t)
    }
}

fn m_getbuffer(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getbuffer", a, k, 0, 0)?;
    bio(s)?;
    let t = exporter_type()?;
    let ex = unsafe {
        let p = krait_runtime::object::alloc::alloc_object(t, 0) as *mut BufferExporter;
        (*p).source = s.clone().into_raw();
        Obj::from_owned(p as *mut krait_runtime::object::PyObject)
    };
    krait_runtime::types::memoryview::from_object(&ex)
}

pub fn methods() -> Vec<MethodSpec> {
    vec![
        method("getbuffer", m_getbuffer),
        method("getvalue", m_getvalue),
        method("read", m_read),
        method("read1", m_read),
        method("readline", m_readline),
        method("readlines", m_readlines),
        method("readinto", m_readinto),
        method("write", m_write),
        method("writelines", m_writelines),
        method("seek", m_seek),
        method("tell", m_tell),
        method("truncate", m_truncate),
        method("readable", m_true),
        method("writable", m_true),
        method("seekable", m_true),
        method("isatty", m_isatty),
        method("flush", m_flush),
        method("close", m_close),
        method("__getstate__", m_getstate),
        method("__setstate__", m_setstate),
        method("__sizeof__", m_sizeof),
    ]
}

pub fn getset() -> Vec<GetSetSpec> {
    vec![GetSetSpec::get("closed", g_closed)]
}
