//! BufferedReader, BufferedWriter, BufferedRandom (one state with read
//! and write buffers, as CPython's `buffered`) and BufferedRWPair. When the
//! raw stream is krait's own FileIO the descriptor is used directly.

use super::{call_method, getattr, state, truthy, unsupported, State, DEFAULT_BUFFER_SIZE};
use crate::posix::args::{self, clinic};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{buffer, bytes, float, int, none, str as pystr, tuple};
use krait_runtime::{Obj, PyResult};

pub struct BufState {
    pub raw: Obj,
    pub readable: bool,
    pub writable: bool,
    pub buffer_size: usize,
    /// Read-ahead: `rbuf[rpos..]` is unread.
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    /// Written but not yet passed to the raw stream.
    pub wbuf: Vec<u8>,
    pub detached: bool,
}

pub struct PairState {
    pub reader: Obj,
    pub writer: Obj,
}

fn buf(o: &Obj) -> PyResult<&mut BufState> {
    match state(o) {
        Some(State::Buffered(b)) => {
            if b.detached {
                krait_runtime::bail!(ValueError, "raw stream has been detached");
            }
            Ok(b)
        }
        _ => Err(super::uninitialized()),
    }
}

impl BufState {
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    /// The raw descriptor when the raw stream is an exact FileIO.
    fn fast_fd(&self) -> Option<i32> {
        if super::is_exact(&self.raw, &raw mut super::FILEIO_TYPE) {
            if let Some(State::File(f)) = state(&self.raw) {
                return Some(f.fd);
            }
        }
        None
    }

    fn raw_closed(&self) -> PyResult<bool> {
        if let Some(fd) = self.fast_fd() {
            return Ok(fd < 0);
        }
        truthy(&getattr(&self.raw, "closed")?)
    }

    fn check_closed(&self, what: &str) -> PyResult<()> {
        if self.raw_closed()? {
            krait_runtime::bail!(ValueError, "{} of closed file", what);
        }
        Ok(())
    }

    /// One raw read of up to `n` bytes (None: would block).
    fn raw_read(&self, n: usize) -> PyResult<Option<Vec<u8>>> {
        if let Some(fd) = self.fast_fd() {
            if fd >= 0 {
                return super::fileio::read_fd(fd, n);
            }
        }
        let r = call_method(&self.raw, "read", &[int::from_usize(n)])?;
        if none::is_none(&r) {
            return Ok(None);
        }
        match buffer::copy_bytes(&r) {
            Some(b) => {
                let b = b?;
                if b.len() > n {
                    krait_runtime::bail!(OSError, "raw readinto() returned invalid length {} (should have been between 0 and {})", b.len(), n);
                }
                Ok(Some(b))
            }
            None => krait_runtime::bail!(TypeError, "read() should return bytes"),
        }
    }

    fn raw_write(&self, data: &[u8]) -> PyResult<Option<usize>> {
        if let Some(fd) = self.fast_fd() {
            if fd >= 0 {
                return super::fileio::write_fd(fd, data);
            }
        }
        let r = call_method(&self.raw, "write", &[bytes::new(data)])?;
        if none::is_none(&r) {
            return Ok(None);
        }
        let n = int::index_isize(&r)?;
        if n < 0 || n as usize > data.len() {
            krait_runtime::bail!(OSError, "raw write() returned invalid length {} (should have been between 0 and {})", n, data.len());
        }
        Ok(Some(n as usize))
    }

    fn raw_seek(&self, pos: i64, whence: i32) -> PyResult<i64> {
        if let Some(fd) = self.fast_fd() {
            if fd >= 0 {
                return super::fileio::seek_fd(fd, pos, whence);
            }
        }
        let r = call_method(&self.raw, "seek", &[int::from_i64(pos), int::from_i64(whence as i64)])?;
        let n = args::to_long(&r)?;
        if n < 0 {
            krait_runtime::bail!(OSError, "Raw stream returned invalid position {}", n);
        }
        Ok(n)
    }

    fn raw_tell(&self) -> PyResult<i64> {
        if let Some(fd) = self.fast_fd() {
            if fd >= 0 {
                return super::fileio::seek_fd(fd, 0, libc::SEEK_CUR);
            }
        }
        let r = call_method(&self.raw, "tell", &[])?;
        let n = args::to_long(&r)?;
        if n < 0 {
            krait_runtime::bail!(OSError, "Raw stream returned invalid position {}", n);
        }
        Ok(n)
    }

    /// Writes the whole write buffer to the raw stream.
    fn flush_writes(&mut self) -> PyResult<()> {
        let mut done = 0;
        while done < self.wbuf.len() {
            match self.raw_write(&self.wbuf[done..]) {
                Ok(Some(n)) => {
                    done += n;
                    // A partial write may mean a signal arrived: run its
                    // handlers before blocking again, as CPython does.
                    if done < self.wbuf.len() {
                        if let Err(e) = krait_runtime::signals::check_signals() {
                            self.wbuf.drain(..done);
                            return Err(e);
                        }
                    }
                }
                Ok(None) => {
                    self.wbuf.drain(..done);
                    return Err(krait_runtime::errors::raise_with(
                        krait_runtime::types::exceptions::BlockingIOError(),
                        &[int::from_i64(libc::EAGAIN as i64), pystr::new("write could not complete without blocking"), int::from_i64(0)],
                    ));
                }
                Err(e) => {
                    self.wbuf.drain(..done);
                    return Err(e);
                }
            }
        }
        self.wbuf.clear();
        Ok(())
    }

    /// Drops read-ahead, moving the raw position back to the logical one.
    fn rewind_readahead(&mut self) -> PyResult<()> {
        let n = self.unread();
        self.rbuf.clear();
        self.rpos = 0;
        if n > 0 {
            self.raw_seek(-(n as i64), 1)?;
        }
        Ok(())
    }

    fn take(&mut self, n: usize) -> &[u8] {
        let s = self.rpos;
        self.rpos += n;
        &self.rbuf[s..s + n]
    }

    /// Refills the read buffer with one raw read; Some(false) at EOF,
    /// None when the raw read would block.
    fn fill(&mut self) -> PyResult<Option<bool>> {
        let data = self.raw_read(self.buffer_size)?;
        match data {
            None => Ok(None),
            Some(d) => {
                let eof = d.is_empty();
                self.rbuf = d;
                self.rpos = 0;
                Ok(Some(!eof))
            }
        }
    }

    fn read_all(&mut self) -> PyResult<Option<Vec<u8>>> {
        let mut out: Vec<u8> = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        if let Some(fd) = self.fast_fd() {
            if fd >= 0 {
                return Ok(match super::fileio::readall_fd(fd)? {
                    Some(d) => {
                        out.extend_from_slice(&d);
                        Some(out)
                    }
                    None if out.is_empty() => None,
                    None => Some(out),
                });
            }
        }
        loop {
            match self.raw_read(self.buffer_size.max(DEFAULT_BUFFER_SIZE))? {
                None => {
                    if out.is_empty() {
                        return Ok(None);
                    }
                    return Ok(Some(out));
                }
                Some(d) => {
                    if d.is_empty() {
                        return Ok(Some(out));
                    }
                    out.extend_from_slice(&d);
                }
            }
        }
    }

    fn read_n(&mut self, n: usize) -> PyResult<Option<Vec<u8>>> {
        if self.unread() >= n {
            return Ok(Some(self.take(n).to_vec()));
        }
        let mut out: Vec<u8> = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        while out.len() < n {
            let need = n - out.len();
            if need >= self.buffer_size {
                let chunk = need - need % self.buffer_size;
                match self.raw_read(chunk)? {
                    None => return Ok(if out.is_empty() { None } else { Some(out) }),
                    Some(d) => {
                        if d.is_empty() {
                            break;
                        }
                        out.extend_from_slice(&d);
                    }
                }
            } else {
                match self.fill()? {
                    None => return Ok(if out.is_empty() { None } else { Some(out) }),
                    Some(false) => break,
                    Some(true) => {
                        let k = need.min(self.unread());
                        out.extend_from_slice(self.take(k));
                    }
                }
            }
        }
        Ok(Some(out))
    }

    fn readline(&mut self, limit: isize) -> PyResult<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            let avail = &self.rbuf[self.rpos..];
            let room = if limit < 0 { usize::MAX } else { limit as usize - out.len() };
            if let Some(i) = memchr(b'\n', avail) {
                let k = (i + 1).min(room);
                out.extend_from_slice(self.take(k));
                return Ok(out);
            }
            let k = avail.len().min(room);
            out.extend_from_slice(self.take(k));
            if limit >= 0 && out.len() >= limit as usize {
                return Ok(out);
            }
            match self.fill()? {
                Some(true) => {}
                _ => return Ok(out),
            }
        }
    }
}

/// Whether a krait Buffered* object over a krait FileIO is closed,
/// without attribute lookups (None when either is a Python subclass).
pub fn fast_closed(o: &Obj) -> Option<bool> {
    let t = o.type_ptr();
    let ours = [&raw mut super::BUFFEREDREADER_TYPE, &raw mut super::BUFFEREDWRITER_TYPE, &raw mut super::BUFFEREDRANDOM_TYPE]
        .iter()
        .any(|x| *x == t);
    if !ours {
        return None;
    }
    match state(o) {
        Some(State::Buffered(b)) if !b.detached => b.fast_fd().map(|fd| fd < 0),
        _ => None,
    }
}

fn memchr(c: u8, s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| b == c)
}

fn init_common(slf: &Obj, a: &Obj, kw: Option<&Obj>, name: &str, readable: bool, writable: bool) -> PyResult<()> {
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic(name, &all, kwn.as_ref(), &["raw", "buffer_size"], 0, 2, 1)?;
    let raw = v[0].clone().unwrap();
    if readable && writable {
        call_method(&raw, "_checkSeekable", &[]).or_else(|e| check_fallback(&raw, "seekable", "File or stream is not seekable.", e))?;
    }
    if readable {
        call_method(&raw, "_checkReadable", &[]).or_else(|e| check_fallback(&raw, "readable", "File or stream is not readable.", e))?;
    }
    if writable {
        call_method(&raw, "_checkWritable", &[]).or_else(|e| check_fallback(&raw, "writable", "File or stream is not writable.", e))?;
    }
    let size = match &v[1] {
        Some(s) => args::to_ssize(s)?,
        None => DEFAULT_BUFFER_SIZE as isize,
    };
    if size <= 0 {
        krait_runtime::bail!(ValueError, "buffer size must be strictly positive");
    }
    super::set_state(
        slf,
        State::Buffered(BufState {
            raw,
            readable,
            writable,
            buffer_size: size as usize,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            detached: false,
        }),
    );
    Ok(())
}

/// A raw object without `_checkReadable` & co: ask `readable()` directly.
fn check_fallback(raw: &Obj, what: &str, msg: &str, e: krait_runtime::PyErr) -> PyResult<Obj> {
    if !krait_runtime::errors::matches(krait_runtime::types::exceptions::AttributeError()) {
        return Err(e);
    }
    krait_runtime::errors::clear();
    let r = call_method(raw, what, &[])?;
    if !truthy(&r)? {
        return Err(unsupported(msg));
    }
    Ok(r)
}

fn reader_init(s: &Obj, a: &Obj, k: Option<&Obj>) -> PyResult<()> {
    init_common(s, a, k, "BufferedReader", true, false)
}
fn writer_init(s: &Obj, a: &Obj, k: Option<&Obj>) -> PyResult<()> {
    init_common(s, a, k, "BufferedWriter", false, true)
}
fn random_init(s: &Obj, a: &Obj, k: Option<&Obj>) -> PyResult<()> {
    init_common(s, a, k, "BufferedRandom", true, true)
}
krait_runtime::init_slot!(reader_init_slot => reader_init);
krait_runtime::init_slot!(writer_init_slot => writer_init);
krait_runtime::init_slot!(random_init_slot => random_init);

fn opt(v: Option<Vec<u8>>) -> Obj {
    match v {
        Some(b) => bytes::new(&b),
        None => none::none(),
    }
}

fn prepare_read(b: &mut BufState, what: &str) -> PyResult<()> {
    b.check_closed(what)?;
    if b.writable && !b.wbuf.is_empty() {
        b.flush_writes()?;
    }
    Ok(())
}

fn m_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    let b = buf(s)?;
    if n < -1 {
        krait_runtime::bail!(ValueError, "read length must be non-negative or -1");
    }
    if n >= 0 && (n as usize) <= b.unread() {
        return Ok(bytes::new(b.take(n as usize)));
    }
    prepare_read(b, "read")?;
    if n < 0 {
        return Ok(opt(b.read_all()?));
    }
    Ok(opt(b.read_n(n as usize)?))
}

fn m_read1(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read1", a, k, &["size"], 1, 1, 0)?;
    let mut n = super::size_arg(v[0].as_ref())?;
    let b = buf(s)?;
    prepare_read(b, "read")?;
    if n < 0 {
        n = b.buffer_size as isize;
    }
    let n = n as usize;
    if n == 0 {
        return Ok(bytes::new(b""));
    }
    if b.unread() > 0 {
        let k = n.min(b.unread());
        return Ok(bytes::new(b.take(k)));
    }
    b.rbuf.clear();
    b.rpos = 0;
    if n > b.buffer_size {
        return Ok(opt(b.raw_read(n)?));
    }
    match b.fill()? {
        None => Ok(none::none()),
        Some(_) => {
            let k = n.min(b.unread());
            Ok(bytes::new(b.take(k)))
        }
    }
}

fn m_peek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let _v = clinic("peek", a, k, &["size"], 1, 1, 0)?;
    let b = buf(s)?;
    prepare_read(b, "peek")?;
    if b.unread() == 0 {
        b.fill()?;
    }
    Ok(bytes::new(&b.rbuf[b.rpos..]))
}

fn readinto_generic(s: &Obj, a: &[Obj], k: Option<&Obj>, one: bool) -> PyResult<Obj> {
    args::positional(if one { "readinto1" } else { "readinto" }, a, k, 1, 1)?;
    let mut dst = buffer::Buffer::get(&a[0], buffer::WRITABLE)?;
    let n = dst.len();
    let b = buf(s)?;
    prepare_read(b, "readinto")?;
    let data = if one {
        if b.unread() > 0 {
            let k = n.min(b.unread());
            Some(b.take(k).to_vec())
        } else {
            b.raw_read(n)?
        }
    } else {
        b.read_n(n)?
    };
    match data {
        None => Ok(none::none()),
        Some(d) => {
            dst.as_mut_slice()[..d.len()].copy_from_slice(&d);
            Ok(int::from_usize(d.len()))
        }
    }
}

fn m_readinto(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    readinto_generic(s, a, k, false)
}

fn m_readinto1(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    readinto_generic(s, a, k, true)
}

fn m_readline(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readline", a, k, &["size"], 1, 1, 0)?;
    let limit = super::size_arg(v[0].as_ref())?;
    let b = buf(s)?;
    prepare_read(b, "readline")?;
    Ok(bytes::new(&b.readline(limit)?))
}

pub fn next_impl(s: &Obj) -> PyResult<Option<Obj>> {
    let exact = [&raw mut super::BUFFEREDREADER_TYPE, &raw mut super::BUFFEREDRANDOM_TYPE]
        .iter()
        .any(|t| s.type_ptr() == *t);
    if !exact {
        return super::iobase::next_line(s);
    }
    let b = buf(s)?;
    prepare_read(b, "readline")?;
    let line = b.readline(-1)?;
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(bytes::new(&line)))
}

pub unsafe extern "C" fn iternext_slot(p: *mut krait_runtime::object::PyObject) -> *mut krait_runtime::object::PyObject {
    match next_impl(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        _ => std::ptr::null_mut(),
    }
}

fn m_write(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("write", a, k, 1, 1)?;
    let data = buffer::bytes_like(&a[0])?;
    let b = buf(s)?;
    if b.raw_closed()? {
        krait_runtime::bail!(ValueError, "write to closed file");
    }
    if b.readable && b.unread() > 0 {
        b.rewind_readahead()?;
    } else if b.readable {
        b.rbuf.clear();
        b.rpos = 0;
    }
    let d = data.as_slice();
    if b.wbuf.len() + d.len() <= b.buffer_size {
        b.wbuf.extend_from_slice(d);
        return Ok(int::from_usize(d.len()));
    }
    // As CPython: flush what is buffered, write whole buffers directly,
    // keep the remainder.
    b.flush_writes()?;
    let mut rest = d;
    while rest.len() > b.buffer_size {
        match b.raw_write(rest)? {
            Some(n) => {
                rest = &rest[n..];
                // Partial writes happen when a signal interrupts: its
                // handlers run (and may raise) before the next write.
                krait_runtime::signals::check_signals()?;
            }
            None => {
                return Err(krait_runtime::errors::raise_with(
                    krait_runtime::types::exceptions::BlockingIOError(),
                    &[int::from_i64(libc::EAGAIN as i64), pystr::new("write could not complete without blocking"), int::from_usize(d.len() - rest.len())],
                ))
            }
        }
    }
    b.wbuf.extend_from_slice(rest);
    Ok(int::from_usize(d.len()))
}

fn m_flush(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("flush", a, k, 0, 0)?;
    let b = buf(s)?;
    if b.writable {
        if b.raw_closed()? {
            krait_runtime::bail!(ValueError, "flush of closed file");
        }
        b.flush_writes()?;
        if b.readable {
            b.rewind_readahead()?;
        }
    } else if b.raw_closed()? {
        krait_runtime::bail!(ValueError, "flush of closed file");
    }
    Ok(none::none())
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    let b = buf(s)?;
    let pos = b.raw_tell()? - b.unread() as i64 + b.wbuf.len() as i64;
    Ok(int::from_i64(pos.max(0)))
}

fn m_seek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("seek", a, k, 1, 2)?;
    if float::is_float(&a[0]) || !krait_runtime::ops::number::has_index(&a[0]) {
        krait_runtime::bail!(TypeError, "an integer is required");
    }
    let target = args::to_long(&a[0])?;
    let whence = match a.get(1) {
        Some(w) => args::to_int(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) && whence != libc::SEEK_DATA && whence != libc::SEEK_HOLE {
        krait_runtime::bail!(ValueError, "whence value {} unsupported", whence);
    }
    let b = buf(s)?;
    b.check_closed("seek")?;
    let seekable = call_method(&b.raw, "seekable", &[])?;
    if !truthy(&seekable)? {
        return Err(unsupported("File or stream is not seekable."));
    }
    if b.writable {
        b.flush_writes()?;
    }
    let mut t = target;
    if whence == 1 {
        t -= b.unread() as i64;
    }
    b.rbuf.clear();
    b.rpos = 0;
    Ok(int::from_i64(b.raw_seek(t, whence)?))
}

fn m_truncate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("truncate", a, k, 0, 1)?;
    let b = buf(s)?;
    b.check_closed("truncate")?;
    if !b.writable {
        return Err(unsupported("truncate"));
    }
    b.flush_writes()?;
    let pos = match a.first().filter(|x| !none::is_none(x)) {
        Some(p) => p.clone(),
        None => int::from_i64(b.raw_tell()? - b.unread() as i64),
    };
    if b.readable {
        b.rewind_readahead()?;
    }
    call_method(&b.raw, "truncate", &[pos])
}

fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    let b = buf(s)?;
    if b.raw_closed()? {
        return Ok(none::none());
    }
    // A failed flush still closes the raw stream; its exception is taken
    // out of the thread state first, then re-raised (or becomes the
    // context of close()'s own exception), as CPython does.
    let flushed = if b.writable { b.flush_writes().map_err(krait_runtime::errors::take) } else { Ok(()) };
    let raw = b.raw.clone();
    b.rbuf.clear();
    b.rpos = 0;
    let closed = call_method(&raw, "close", &[]);
    super::close_outcome(flushed, closed)
}

fn m_detach(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("detach", a, k, 0, 0)?;
    let b = buf(s)?;
    if b.writable {
        b.flush_writes()?;
    }
    b.detached = true;
    Ok(b.raw.clone())
}

macro_rules! delegate {
    ($name:ident, $pyname:literal) => {
        fn $name(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
            check_nargs($pyname, a, k, 0, 0)?;
            let raw = buf(s)?.raw.clone();
            call_method(&raw, $pyname, &[])
        }
    };
}
delegate!(m_fileno, "fileno");
delegate!(m_isatty, "isatty");
delegate!(m_seekable, "seekable");
delegate!(m_readable, "readable");
delegate!(m_writable, "writable");

fn m_dealloc_warn(_s: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    Ok(none::none())
}

fn g_raw(o: &Obj) -> PyResult<Obj> {
    Ok(buf(o)?.raw.clone())
}

fn g_closed(o: &Obj) -> PyResult<Obj> {
    let raw = buf(o)?.raw.clone();
    getattr(&raw, "closed")
}

fn g_name(o: &Obj) -> PyResult<Obj> {
    let raw = buf(o)?.raw.clone();
    getattr(&raw, "name")
}

fn g_mode(o: &Obj) -> PyResult<Obj> {
    let raw = buf(o)?.raw.clone();
    getattr(&raw, "mode")
}

fn repr(o: &Obj) -> PyResult<Obj> {
    let tname = o.ty().full_name().to_owned();
    let name = match krait_runtime::ops::attr::getattr_str(o, "name") {
        Ok(n) => Some(n),
        Err(e) => {
            if krait_runtime::errors::matches(krait_runtime::types::exceptions::ValueError())
                || krait_runtime::errors::matches(krait_runtime::types::exceptions::AttributeError())
            {
                krait_runtime::errors::clear();
                None
            } else {
                return Err(e);
            }
        }
    };
    match name {
        None => Ok(pystr::new(&format!("<{}>", tname))),
        Some(n) => {
            if krait_runtime::ops::repr_enter(o) {
                krait_runtime::bail!(RuntimeError, "reentrant call inside {}.__repr__", tname);
            }
            let r = krait_runtime::ops::repr_string(&n);
            krait_runtime::ops::repr_leave(o);
            Ok(pystr::new(&format!("<{} name={}>", tname, r?)))
        }
    }
}
krait_runtime::unary_slot!(repr_slot => repr);

pub fn methods(readable: bool, writable: bool) -> Vec<MethodSpec> {
    let mut v = vec![
        method("detach", m_detach),
        method("flush", m_flush),
        method("close", m_close),
        method("seekable", m_seekable),
        method("readable", m_readable),
        method("writable", m_writable),
        method("fileno", m_fileno),
        method("isatty", m_isatty),
        method("_dealloc_warn", m_dealloc_warn),
        method("seek", m_seek),
        method("tell", m_tell),
    ];
    if readable {
        v.extend([
            method("read", m_read),
            method("peek", m_peek),
            method("read1", m_read1),
            method("readinto", m_readinto),
            method("readinto1", m_readinto1),
            method("readline", m_readline),
        ]);
    }
    if writable {
        v.extend([method("write", m_write), method("truncate", m_truncate)]);
    }
    v
}

pub fn getset() -> Vec<GetSetSpec> {
    vec![
        GetSetSpec::get("raw", g_raw),
        GetSetSpec::get("closed", g_closed),
        GetSetSpec::get("name", g_name),
        GetSetSpec::get("mode", g_mode),
    ]
}

// ---------------------------------------------------------------------------
// BufferedRWPair

fn pair(o: &Obj) -> PyResult<&mut PairState> {
    match state(o) {
        Some(State::Pair(p)) => Ok(p),
        _ => Err(super::uninitialized()),
    }
}

fn pair_init(slf: &Obj, a: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    if kwn.as_ref().map_or(false, |k| tuple::len(k) > 0) {
        krait_runtime::bail!(TypeError, "BufferedRWPair() takes no keyword arguments");
    }
    args::positional("BufferedRWPair", &all, None, 2, 3)?;
    let rd = all[0].clone();
    let wr = all[1].clone();
    call_method(&rd, "_checkReadable", &[]).or_else(|e| check_fallback(&rd, "readable", "File or stream is not readable.", e))?;
    call_method(&wr, "_checkWritable", &[]).or_else(|e| check_fallback(&wr, "writable", "File or stream is not writable.", e))?;
    let mut extra = vec![];
    if let Some(sz) = all.get(2) {
        extra.push(sz.clone());
    }
    let mk = |t: *mut krait_runtime::object::PyTypeObject, raw: &Obj| {
        let mut v = vec![raw.clone()];
        v.extend(extra.iter().cloned());
        krait_runtime::ops::call::call(&krait_runtime::types::type_::type_obj(t), &v, None)
    };
    let reader = mk(&raw mut super::BUFFEREDREADER_TYPE, &rd)?;
    let writer = mk(&raw mut super::BUFFEREDWRITER_TYPE, &wr)?;
    super::set_state(slf, State::Pair(PairState { reader, writer }));
    Ok(())
}
krait_runtime::init_slot!(pair_init_slot => pair_init);

macro_rules! forward {
    ($name:ident, $pyname:literal, $side:ident) => {
        fn $name(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
            krait_runtime::types::builtin_func::no_kwargs($pyname, k)?;
            let target = pair(s)?.$side.clone();
            call_method(&target, $pyname, a)
        }
    };
}
forward!(p_read, "read", reader);
forward!(p_peek, "peek", reader);
forward!(p_read1, "read1", reader);
forward!(p_readinto, "readinto", reader);
forward!(p_readinto1, "readinto1", reader);
forward!(p_readable, "readable", reader);
forward!(p_write, "write", writer);
forward!(p_flush, "flush", writer);
forward!(p_writable, "writable", writer);

fn p_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    let p = pair(s)?;
    let (r, w) = (p.reader.clone(), p.writer.clone());
    let e1 = call_method(&w, "close", &[]);
    let e2 = call_method(&r, "close", &[]);
    e1?;
    e2
}

fn p_isatty(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isatty", a, k, 0, 0)?;
    let p = pair(s)?;
    let (r, w) = (p.reader.clone(), p.writer.clone());
    let x = call_method(&w, "isatty", &[])?;
    if truthy(&x)? {
        return Ok(x);
    }
    call_method(&r, "isatty", &[])
}

fn p_closed(o: &Obj) -> PyResult<Obj> {
    let w = pair(o)?.writer.clone();
    getattr(&w, "closed")
}

pub fn pair_methods() -> Vec<MethodSpec> {
    vec![
        method("read", p_read),
        method("peek", p_peek),
        method("read1", p_read1),
        method("readinto", p_readinto),
        method("readinto1", p_readinto1),
        method("write", p_write),
        method("flush", p_flush),
        method("readable", p_readable),
        method("writable", p_writable),
        method("close", p_close),
        method("isatty", p_isatty),
    ]
}

pub fn pair_getset() -> Vec<GetSetSpec> {
    vec![GetSetSpec::get("closed", p_closed)]
}
