//! `StringIO`: an in-memory text stream over code points, with
//! TextIOWrapper's newline modes.

use super::textio::{find_line_end, newlines_obj, NlState};
use super::{state, State};
use crate::posix::args::{self, clinic};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{bool_, dict, int, none, str as pystr, tuple, type_};
use krait_runtime::{Obj, PyResult};

pub struct StrState {
    pub buf: Vec<u32>,
    pub pos: usize,
    pub closed: bool,
    /// newline=None or '': reads split on any line ending.
    pub readuniversal: bool,
    pub readnl: Vec<u32>,
    /// Replaces "\n" on write when newline is '\r' or '\r\n'.
    pub writenl: Option<Vec<u32>>,
    /// Universal-newline processing of written text (newline None or '').
    pub decoder: Option<NlState>,
    pub newline: Obj,
}

fn closed_err() -> krait_runtime::PyErr {
    krait_runtime::raise!(ValueError, "I/O operation on closed file")
}

fn sio(o: &Obj) -> PyResult<&mut StrState> {
    match state(o) {
        Some(State::Str(s)) if !s.closed => Ok(s),
        Some(State::Str(_)) => Err(closed_err()),
        _ => krait_runtime::bail!(ValueError, "I/O operation on uninitialized object"),
    }
}

impl StrState {
    fn write(&mut self, text: &[u32]) -> usize {
        let n = text.len();
        if n == 0 {
            return 0;
        }
        let mut data: Vec<u32> = text.to_vec();
        if let Some(d) = &mut self.decoder {
            let mut w = vec![1u32; data.len()];
            d.process(&mut data, &mut w, true);
        }
        if let Some(nl) = &self.writenl {
            if data.contains(&('\n' as u32)) {
                data = data.iter().flat_map(|&c| if c == '\n' as u32 { nl.clone() } else { vec![c] }).collect();
            }
        }
        let end = self.pos + data.len();
        if self.buf.len() < self.pos {
            self.buf.resize(self.pos, 0);
        }
        if self.buf.len() < end {
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(&data);
        self.pos = end;
        n
    }

    fn readline(&mut self, limit: isize) -> Vec<u32> {
        let start = self.pos.min(self.buf.len());
        let universal = self.readuniversal && self.decoder.as_ref().map_or(false, |d| !d.translate);
        let nl: Vec<u32> = if self.readuniversal { vec!['\n' as u32] } else { self.readnl.clone() };
        let mut end = find_line_end(&self.buf, start, universal, &nl, true).unwrap_or(self.buf.len());
        if limit >= 0 {
            end = end.min(start + limit as usize);
        }
        if end > start {
            self.pos = end;
        }
        self.buf[start..end].to_vec()
    }
}

fn init(slf: &Obj, a: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic("StringIO", &all, kwn.as_ref(), &["initial_value", "newline"], 0, 2, 0)?;
    let nl: Option<String> = match &v[1] {
        None => Some("\n".to_owned()),
        Some(x) if none::is_none(x) => None,
        Some(x) if pystr::is_str(x) => Some(pystr::to_string_lossy(x)),
        Some(x) => krait_runtime::bail!(TypeError, "newline must be str or None, not {}", x.ty().name()),
    };
    if let Some(n) = &nl {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            krait_runtime::bail!(ValueError, "illegal newline value: {}", krait_runtime::ops::repr_string(v[1].as_ref().unwrap())?);
        }
    }
    let init_v = match &v[0] {
        Some(x) if !none::is_none(x) => {
            if !pystr::is_str(x) {
                krait_runtime::bail!(TypeError, "initial_value must be str or None, not {}", x.ty().name());
            }
            pystr::code_points(x)
        }
        _ => Vec::new(),
    };
    let readuniversal = nl.as_deref().map_or(true, |s| s.is_empty());
    let decoder = if readuniversal { Some(NlState { translate: nl.is_none(), ..Default::default() }) } else { None };
    let writenl = match nl.as_deref() {
        Some("\r") | Some("\r\n") => Some(nl.as_deref().unwrap().chars().map(|c| c as u32).collect()),
        _ => None,
    };
    let mut st = StrState {
        buf: Vec::new(),
        pos: 0,
        closed: false,
        readuniversal,
        readnl: nl.as_deref().unwrap_or("\n").chars().map(|c| c as u32).collect(),
        writenl,
        decoder,
        newline: match &nl {
            Some(s) => pystr::new(s),
            None => none::none(),
        },
    };
    if !init_v.is_empty() {
        st.write(&init_v);
        st.pos = 0;
    }
    super::set_state(slf, State::Str(st));
    Ok(())
}
krait_runtime::init_slot!(init_slot => init);

fn m_getvalue(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getvalue", a, k, 0, 0)?;
    Ok(pystr::from_code_points(&sio(s)?.buf))
}

fn m_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    let st = sio(s)?;
    let start = st.pos.min(st.buf.len());
    let avail = st.buf.len() - start;
    let k = if n < 0 { avail } else { (n as usize).min(avail) };
    // Past the end the position stays where it was.
    if k > 0 {
        st.pos = start + k;
    }
    Ok(pystr::from_code_points(&st.buf[start..start + k]))
}

fn m_readline(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readline", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    let st = sio(s)?;
    Ok(pystr::from_code_points(&st.readline(n)))
}

fn m_write(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("write", a, k, 1, 1)?;
    if !pystr::is_str(&a[0]) {
        krait_runtime::bail!(TypeError, "string argument expected, got '{}'", a[0].ty().name());
    }
    let st = sio(s)?;
    let n = st.write(&pystr::code_points(&a[0]));
    Ok(int::from_usize(n))
}

fn m_seek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("seek", a, k, 1, 2)?;
    let pos = args::to_ssize(&a[0])?;
    let whence = match a.get(1) {
        Some(w) => args::to_int(w)?,
        None => 0,
    };
    let st = sio(s)?;
    if !(0..=2).contains(&whence) {
        krait_runtime::bail!(ValueError, "Invalid whence ({}, should be 0, 1 or 2)", whence);
    }
    if pos < 0 && whence == 0 {
        krait_runtime::bail!(ValueError, "Negative seek position {}", pos);
    }
    if whence != 0 && pos != 0 {
        krait_runtime::bail!(OSError, "Can't do nonzero cur-relative seeks");
    }
    match whence {
        0 => st.pos = pos as usize,
        2 => st.pos = st.buf.len(),
        _ => {}
    }
    Ok(int::from_usize(st.pos))
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    Ok(int::from_usize(sio(s)?.pos))
}

fn m_truncate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("truncate", a, k, 0, 1)?;
    let st = sio(s)?;
    let size = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => {
            let n = args::to_ssize(x)?;
            if n < 0 {
                krait_runtime::bail!(ValueError, "Negative size value {}", n);
            }
            n as usize
        }
        None => st.pos,
    };
    if size < st.buf.len() {
        st.buf.truncate(size);
    }
    Ok(int::from_usize(size))
}

fn m_true(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("readable", a, k, 0, 0)?;
    sio(s)?;
    Ok(bool_::from_bool(true))
}

fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    if let Some(State::Str(st)) = state(s) {
        st.closed = true;
        st.buf = Vec::new();
    }
    Ok(none::none())
}

fn m_getstate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__getstate__", a, k, 0, 0)?;
    let st = sio(s)?;
    let v = pystr::from_code_points(&st.buf);
    let (nl, p) = (st.newline.clone(), int::from_usize(st.pos));
    let d = match type_::instance_dict(s) {
        Some(d) if dict::len(&d) > 0 => dict::copy(&d)?,
        _ => none::none(),
    };
    Ok(tuple::new(&[v, nl, p, d]))
}

fn m_setstate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", a, k, 1, 1)?;
    let stt = &a[0];
    if !tuple::is_tuple(stt) || tuple::len(stt) < 4 {
        krait_runtime::bail!(TypeError, "_io.StringIO.__setstate__ argument should be 4-tuple, got {}", stt.ty().name());
    }
    let it = tuple::items(stt).to_vec();
    // Unpickling calls this on an object made by __new__ alone: only a
    // closed StringIO is refused.
    if let Some(State::Str(st)) = state(s) {
        if st.closed {
            return Err(closed_err());
        }
    }
    // Re-initialise with (initial_value, newline), then restore the
    // buffer untranslated.
    init(s, &tuple::new(&it[..2]), None)?;
    let raw = if none::is_none(&it[0]) { Vec::new() } else { pystr::code_points(&it[0]) };
    if !int::is_int(&it[2]) {
        krait_runtime::bail!(TypeError, "third item of state must be an integer, got {}", it[2].ty().name());
    }
    let pos = int::as_isize_or_overflow(&it[2])?;
    if pos < 0 {
        krait_runtime::bail!(ValueError, "position value cannot be negative");
    }
    let d = &it[3];
    if !none::is_none(d) && !dict::is_dict(d) {
        krait_runtime::bail!(TypeError, "fourth item of state should be a dict, got a {}", d.ty().name());
    }
    let st = sio(s)?;
    st.buf = raw;
    st.pos = pos as usize;
    if dict::is_dict(d) {
        if let Some(own) = super::iobase::instance_dict_create(s) {
            dict::update(&own, d)?;
        }
    }
    Ok(none::none())
}

fn g_closed(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(matches!(state(o), Some(State::Str(s)) if s.closed)))
}

fn g_line_buffering(o: &Obj) -> PyResult<Obj> {
    sio(o)?;
    Ok(bool_::from_bool(false))
}

fn g_newlines(o: &Obj) -> PyResult<Obj> {
    let st = sio(o)?;
    Ok(match &st.decoder {
        Some(d) => newlines_obj(d.seen),
        None => none::none(),
    })
}

pub fn next_impl(s: &Obj) -> PyResult<Option<Obj>> {
    if !super::is_exact(s, &raw mut super::STRINGIO_TYPE) {
        return super::iobase::next_line(s);
    }
    let line = sio(s)?.readline(-1);
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(pystr::from_code_points(&line)))
}

pub unsafe extern "C" fn iternext_slot(p: *mut krait_runtime::object::PyObject) -> *mut krait_runtime::object::PyObject {
    match next_impl(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        _ => std::ptr::null_mut(),
    }
}

pub fn methods() -> Vec<MethodSpec> {
    vec![
        method("getvalue", m_getvalue),
        method("read", m_read),
        method("readline", m_readline),
        method("write", m_write),
        method("seek", m_seek),
        method("tell", m_tell),
        method("truncate", m_truncate),
        method("readable", m_true),
        method("writable", m_true),
        method("seekable", m_true),
        method("close", m_close),
        method("__getstate__", m_getstate),
        method("__setstate__", m_setstate),
    ]
}

pub fn getset() -> Vec<GetSetSpec> {
    vec![
        GetSetSpec::get("closed", g_closed),
        GetSetSpec::get("line_buffering", g_line_buffering),
        GetSetSpec::get("newlines", g_newlines),
    ]
}
