//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase` with their default methods. They work through the
//! object's own (possibly overridden) methods, as CPython's do.

use super::{call_method, closed_error, getattr, truthy, unsupported};
use crate::posix::args::clinic;
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{bool_, buffer, bytearray, bytes, int, list, none, str as pystr, type_};
use krait_runtime::{Obj, PyResult};

const CLOSED_ATTR: &str = "__IOBase_closed";

/// Is the stream closed (its `closed` attribute, which subclasses compute)?
pub fn is_closed(o: &Obj) -> PyResult<bool> {
    truthy(&getattr(o, "closed")?)
}

pub fn check_closed(o: &Obj) -> PyResult<()> {
    if is_closed(o)? {
        return Err(closed_error());
    }
    Ok(())
}

fn base_closed(o: &Obj) -> bool {
    type_::instance_dict(o)
        .and_then(|d| krait_runtime::types::dict::get_item_str(&d, CLOSED_ATTR).ok().flatten())
        .map(|v| truthy(&v).unwrap_or(false))
        .unwrap_or(false)
}

fn g_closed(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(base_closed(o)))
}


/// The instance `__dict__`, created when missing.
pub fn instance_dict_create(o: &Obj) -> Option<Obj> {
    g_dict(o).ok()
}

fn g_dict(o: &Obj) -> PyResult<Obj> {
    match type_::instance_dict(o) {
        Some(d) => Ok(d),
        None => {
            let d = krait_runtime::types::dict::new();
            if let Some(slot) = type_::dict_slot(o) {
                unsafe { krait_runtime::object::xsetref(slot, d.clone().into_raw()) };
            }
            Ok(d)
        }
    }
}

fn m_seek(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("seek"))
}

fn m_truncate(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("truncate"))
}

fn m_fileno(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("fileno"))
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    call_method(s, "seek", &[int::from_i64(0), int::from_i64(1)])
}

fn m_flush(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("flush", a, k, 0, 0)?;
    if base_closed(s) {
        return Err(closed_error());
    }
    Ok(none::none())
}

fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    base_close(s)
}

/// IOBase.close: flush() (unless closed already), then the closed flag.
pub(crate) fn base_close(s: &Obj) -> PyResult<Obj> {
    if base_closed(s) {
        return Ok(none::none());
    }
    let r = call_method(s, "flush", &[]);
    krait_runtime::ops::attr::setattr(s, &pystr::new(CLOSED_ATTR), &bool_::from_bool(true))?;
    r.map(|_| none::none())
}

fn m_false(_s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("seekable", a, k, 0, 0)?;
    Ok(bool_::from_bool(false))
}

fn m_isatty(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isatty", a, k, 0, 0)?;
    check_closed(s)?;
    Ok(bool_::from_bool(false))
}

fn m_check_closed(s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    check_closed(s)?;
    Ok(none::none())
}

fn check_ability(s: &Obj, name: &str, msg: &str) -> PyResult<Obj> {
    let r = call_method(s, name, &[])?;
    if !krait_runtime::types::bool_::is_bool(&r) {
        krait_runtime::bail!(TypeError, "{}() should have returned a bool", name);
    }
    if !truthy(&r)? {
        return Err(unsupported(msg));
    }
    Ok(r)
}

fn m_check_seekable(s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    check_ability(s, "seekable", "File or stream is not seekable.")
}

fn m_check_readable(s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    check_ability(s, "readable", "File or stream is not readable.")
}

fn m_check_writable(s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    check_ability(s, "writable", "File or stream is not writable.")
}

fn m_enter(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__enter__", a, k, 0, 0)?;
    check_closed(s)?;
    Ok(s.clone())
}

fn m_exit(s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    call_method(s, "close", &[])
}

pub fn iter_impl(s: &Obj) -> PyResult<Obj> {
    check_closed(s)?;
    Ok(s.clone())
}
krait_runtime::unary_slot!(iobase_iter_slot => iter_impl);

/// `__next__`: the next line, None at the end.
pub fn next_line(s: &Obj) -> PyResult<Option<Obj>> {
    let line = call_method(s, "readline", &[])?;
    if krait_runtime::ops::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

pub unsafe extern "C" fn iobase_iternext_slot(p: *mut krait_runtime::object::PyObject) -> *mut krait_runtime::object::PyObject {
    match next_line(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        _ => std::ptr::null_mut(),
    }
}

/// Default readline: through peek() when the stream has it, else one
/// byte at a time.
fn m_readline(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readline", a, k, &["size"], 1, 1, 0)?;
    let limit = super::size_arg(v[0].as_ref())?;
    let peek = krait_runtime::ops::attr::getattr_opt(s, &pystr::new("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as isize) < limit {
        let mut n = 1usize;
        if let Some(p) = &peek {
            let ahead = krait_runtime::ops::call::call(p, &[int::from_i64(1)], None)?;
            if !bytes::is_bytes(&ahead) {
                krait_runtime::bail!(OSError, "peek() should have returned a bytes object, not '{}'", ahead.ty().name());
            }
            let data = bytes::as_slice(&ahead);
            if !data.is_empty() {
                n = match data.iter().position(|&b| b == b'\n') {
                    Some(i) => i + 1,
                    None => data.len(),
                };
                if limit >= 0 {
                    n = n.min((limit as usize) - out.len());
                }
            }
        }
        let b = call_method(s, "read", &[int::from_usize(n)])?;
        if none::is_none(&b) {
            break;
        }
        if !bytes::is_bytes(&b) {
            krait_runtime::bail!(OSError, "read() should have returned a bytes object, not '{}'", b.ty().name());
        }
        let d = bytes::as_slice(&b);
        if d.is_empty() {
            break;
        }
        out.extend_from_slice(d);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(bytes::new(&out))
}

pub fn readlines_impl(s: &Obj, hint: isize) -> PyResult<Obj> {
    let out = list::new();
    let it = krait_runtime::ops::iter(s)?;
    let mut total = 0usize;
    while let Some(line) = krait_runtime::ops::next(&it)? {
        total += krait_runtime::ops::len(&line)?;
        list::append(&out, line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(out)
}

pub fn hint_arg(o: Option<&Obj>) -> PyResult<isize> {
    super::size_arg(o)
}

fn m_readlines(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readlines", a, k, &["hint"], 1, 1, 0)?;
    readlines_impl(s, hint_arg(v[0].as_ref())?)
}

fn m_writelines(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("writelines", a, k, 1, 1)?;
    check_closed(s)?;
    let it = krait_runtime::ops::iter(&a[0])?;
    while let Some(line) = krait_runtime::ops::next(&it)? {
        call_method(s, "write", &[line])?;
    }
    Ok(none::none())
}

pub fn iobase_methods() -> Vec<MethodSpec> {
    vec![
        method("seek", m_seek),
        method("tell", m_tell),
        method("truncate", m_truncate),
        method("flush", m_flush),
        method("close", m_close),
        method("seekable", m_false),
        method("readable", m_false),
        method("writable", m_false),
        method("_checkClosed", m_check_closed),
        method("_checkSeekable", m_check_seekable),
        method("_checkReadable", m_check_readable),
        method("_checkWritable", m_check_writable),
        method("fileno", m_fileno),
        method("isatty", m_isatty),
        method("__enter__", m_enter),
        method("__exit__", m_exit),
        method("readline", m_readline),
        method("readlines", m_readlines),
        method("writelines", m_writelines),
    ]
}

pub fn iobase_getset() -> Vec<GetSetSpec> {
    vec![GetSetSpec::get("closed", g_closed), GetSetSpec::get("__dict__", g_dict)]
}

// ---------------------------------------------------------------------------
// _RawIOBase

fn raw_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    if n < 0 {
        return call_method(s, "readall", &[]);
    }
    let b = bytearray::new(&vec![0u8; n as usize]);
    let r = call_method(s, "readinto", &[b.clone()])?;
    if none::is_none(&r) {
        return Ok(r);
    }
    let got = int::index_isize(&r)? as usize;
    let data = bytearray::data(&b);
    Ok(bytes::new(&data[..got.min(data.len())]))
}

fn raw_readall(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("readall", a, k, 0, 0)?;
    let mut out = Vec::new();
    loop {
        let d = call_method(s, "read", &[int::from_usize(super::DEFAULT_BUFFER_SIZE)])?;
        if none::is_none(&d) {
            if out.is_empty() {
                return Ok(d);
            }
            break;
        }
        if !bytes::is_bytes(&d) {
            krait_runtime::bail!(TypeError, "read() should return bytes");
        }
        let s = bytes::as_slice(&d);
        if s.is_empty() {
            break;
        }
        out.extend_from_slice(s);
    }
    Ok(bytes::new(&out))
}

fn raw_not_impl(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(krait_runtime::errors::raise_empty(krait_runtime::types::exceptions::NotImplementedError()))
}

pub fn rawiobase_methods() -> Vec<MethodSpec> {
    vec![
        method("read", raw_read),
        method("readall", raw_readall),
        method("readinto", raw_not_impl),
        method("write", raw_not_impl),
    ]
}

// ---------------------------------------------------------------------------
// _BufferedIOBase

fn buf_unsupported_read(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("read"))
}
fn buf_unsupported_read1(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("read1"))
}
fn buf_unsupported_write(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("write"))
}
fn buf_unsupported_detach(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("detach"))
}

fn readinto_via(s: &Obj, a: &[Obj], k: Option<&Obj>, meth: &str) -> PyResult<Obj> {
    check_nargs(meth, a, k, 1, 1)?;
    let mut buf = buffer::writable_arg(&a[0], meth)?;
    let n = buf.len();
    let data = call_method(s, if meth == "readinto" { "read" } else { "read1" }, &[int::from_usize(n)])?;
    if !bytes::is_bytes(&data) {
        krait_runtime::bail!(TypeError, "read() should return bytes");
    }
    let d = bytes::as_slice(&data);
    if d.len() > n {
        krait_runtime::bail!(ValueError, "read() returned too much data: {} bytes requested, {} returned", n, d.len());
    }
    buf.as_mut_slice()[..d.len()].copy_from_slice(d);
    Ok(int::from_usize(d.len()))
}

fn buf_readinto(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    readinto_via(s, a, k, "readinto")
}

fn buf_readinto1(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    readinto_via(s, a, k, "readinto1")
}

pub fn bufferediobase_methods() -> Vec<MethodSpec> {
    vec![
        method("detach", buf_unsupported_detach),
        method("read", buf_unsupported_read),
        method("read1", buf_unsupported_read1),
        method("readinto", buf_readinto),
        method("readinto1", buf_readinto1),
        method("write", buf_unsupported_write),
    ]
}

// ---------------------------------------------------------------------------
// _TextIOBase

fn text_detach(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("detach"))
}
fn text_read(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("read"))
}
fn text_readline(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("readline"))
}
fn text_write(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Err(unsupported("write"))
}

pub fn textiobase_methods() -> Vec<MethodSpec> {
    vec![
        method("detach", text_detach),
        method("read", text_read),
        method("readline", text_readline),
        method("write", text_write),
    ]
}

fn g_none(_o: &Obj) -> PyResult<Obj> {
    Ok(none::none())
}

pub fn textiobase_getset() -> Vec<GetSetSpec> {
    vec![GetSetSpec::get("encoding", g_none), GetSetSpec::get("newlines", g_none), GetSetSpec::get("errors", g_none)]
}
