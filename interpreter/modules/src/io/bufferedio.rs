//! BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair, with
//! CPython's model: one buffer shared by reads and writes, indices into it
//! (`pos` the logical position, `raw_pos` where the raw stream is,
//! `read_end` the end of valid read data, `write_pos..write_end` the bytes
//! still to write), the raw stream's absolute position cached in `abs_pos`,
//! and a per-object lock that other threads wait on with the GIL released
//! (a thread re-entering its own object gets CPython's RuntimeError).
//! When the raw stream is krait's own FileIO its descriptor is used
//! directly; any other raw stream is driven through `readinto`/`write`/
//! `seek`/`tell` calls with CPython's checks of what they return.

use super::{call_method, getattr, state, truthy, unsupported, State, DEFAULT_BUFFER_SIZE};
use crate::posix::args::{self, clinic};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{bool_, buffer, bytearray, bytes, exceptions, int, memoryview, none, str as pystr, tuple};
use krait_runtime::{Obj, PyErr, PyResult};

pub struct BufState {
    pub raw: Obj,
    /// Initialised and not detached (CPython's `ok`).
    pub ok: bool,
    pub detached: bool,
    pub readable: bool,
    pub writable: bool,
    /// Set when the object is being finalized: close() then warns.
    pub finalizing: bool,
    /// Exact Buffered* type over an exact FileIO.
    fast_closed_checks: bool,
    /// The raw stream's absolute position, -1 when unknown.
    abs_pos: i64,
    /// The buffer (`buffer_size` bytes); None once closed.
    buffer: Option<Vec<u8>>,
    pub buffer_size: usize,
    pos: i64,
    raw_pos: i64,
    read_end: i64,
    write_pos: i64,
    write_end: i64,
    /// The thread holding the object's lock (0: free). Read and written
    /// only with the GIL held.
    owner: u64,
    lock: std::sync::Arc<RawLock>,
}

pub struct PairState {
    pub reader: Obj,
    pub writer: Obj,
}

enum Raw {
    Data(usize),
    /// The raw stream is non-blocking and would have blocked.
    Blocked,
}

// ---------------------------------------------------------------------------
// The per-object lock.

/// A lock a thread waits on with the GIL released, handed straight to a
/// waiter when it is released (as CPython's PyThread lock), so a thread
/// that keeps writing cannot starve the others. Uncontended, taking and
/// releasing it are single atomic operations.
pub struct RawLock {
    locked: std::sync::atomic::AtomicBool,
    waiters: std::sync::atomic::AtomicUsize,
    m: std::sync::Mutex<()>,
    freed: std::sync::Condvar,
}

impl RawLock {
    fn new() -> std::sync::Arc<RawLock> {
        std::sync::Arc::new(RawLock {
            locked: std::sync::atomic::AtomicBool::new(false),
            waiters: std::sync::atomic::AtomicUsize::new(0),
            m: std::sync::Mutex::new(()),
            freed: std::sync::Condvar::new(),
        })
    }

    fn try_acquire(&self) -> bool {
        use std::sync::atomic::Ordering::SeqCst;
        self.locked.compare_exchange(false, true, SeqCst, SeqCst).is_ok()
    }

    fn acquire_blocking(&self) {
        use std::sync::atomic::Ordering::SeqCst;
        // Counted as a waiter before trying under the mutex: a release
        // that sees no waiter happened before this try, which then wins.
        self.waiters.fetch_add(1, SeqCst);
        let mut g = self.m.lock().unwrap_or_else(|e| e.into_inner());
        while !self.try_acquire() {
            g = self.freed.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        drop(g);
        self.waiters.fetch_sub(1, SeqCst);
    }

    /// As `acquire_blocking`, giving up after `limit`.
    fn acquire_timeout(&self, limit: std::time::Duration) -> bool {
        use std::sync::atomic::Ordering::SeqCst;
        let deadline = std::time::Instant::now() + limit;
        self.waiters.fetch_add(1, SeqCst);
        let mut g = self.m.lock().unwrap_or_else(|e| e.into_inner());
        let mut got = true;
        while !self.try_acquire() {
            let now = std::time::Instant::now();
            if now >= deadline {
                got = false;
                break;
            }
            g = self.freed.wait_timeout(g, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
        }
        drop(g);
        self.waiters.fetch_sub(1, SeqCst);
        got
    }

    fn release(&self) {
        use std::sync::atomic::Ordering::SeqCst;
        self.locked.store(false, SeqCst);
        if self.waiters.load(SeqCst) > 0 {
            let _g = self.m.lock().unwrap_or_else(|e| e.into_inner());
            self.freed.notify_one();
        }
    }
}

fn thread_ident() -> u64 {
    crate::thread::ident()
}

/// Holds an object's lock until dropped.
struct Guard {
    obj: Obj,
    lock: std::sync::Arc<RawLock>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(State::Buffered(b)) = state(&self.obj) {
            if std::sync::Arc::ptr_eq(&b.lock, &self.lock) {
                b.owner = 0;
            }
        }
        self.lock.release();
    }
}

fn enter(o: &Obj) -> PyResult<Guard> {
    let me = thread_ident();
    let b = match state(o) {
        Some(State::Buffered(b)) => b,
        _ => return Err(super::uninitialized()),
    };
    let lock = b.lock.clone();
    if !lock.try_acquire() {
        if b.owner == me {
            let r = krait_runtime::ops::repr(o)?;
            krait_runtime::bail!(RuntimeError, "reentrant call inside {}", pystr::to_string_lossy(&r));
        }
        if krait_runtime::interp::FINALIZING.load(std::sync::atomic::Ordering::Relaxed) {
            // At shutdown a daemon thread may have stopped for good while
            // holding the lock: wait a grace second, then fail loudly
            // rather than hang, as CPython.
            let l = lock.clone();
            let got = krait_runtime::gil::allow_threads(move || l.acquire_timeout(std::time::Duration::from_secs(1)));
            if !got {
                let r = krait_runtime::builtins::ascii_of(o).map(|r| pystr::to_string_lossy(&r)).unwrap_or_else(|_| "<ascii(self) failed>".to_owned());
                eprintln!(
                    "Fatal Python error: _enter_buffered_busy: could not acquire lock for {} at interpreter shutdown, possibly due to daemon threads\nPython runtime state: finalizing\n",
                    r
                );
                std::process::abort();
            }
        } else {
            let l = lock.clone();
            krait_runtime::gil::allow_threads(move || l.acquire_blocking());
        }
    }
    if let Some(State::Buffered(b)) = state(o) {
        b.owner = me;
    }
    Ok(Guard { obj: o.clone(), lock })
}

// ---------------------------------------------------------------------------
// State access.

fn not_ok(b: Option<&BufState>) -> PyErr {
    match b {
        Some(b) if b.detached => krait_runtime::raise!(ValueError, "raw stream has been detached"),
        _ => super::uninitialized(),
    }
}

/// CHECK_INITIALIZED: the state of an initialised, attached object.
fn buf(o: &Obj) -> PyResult<&mut BufState> {
    match state(o) {
        Some(State::Buffered(b)) => {
            if b.ok {
                Ok(b)
            } else {
                Err(not_ok(Some(b)))
            }
        }
        _ => Err(not_ok(None)),
    }
}

fn raw_is_fileio(raw: &Obj) -> Option<i32> {
    if super::is_exact(raw, &raw mut super::FILEIO_TYPE) {
        if let Some(State::File(f)) = state(raw) {
            if f.fd >= 0 {
                return Some(f.fd);
            }
        }
    }
    None
}

/// `PyNumber_AsOff_t(o, ValueError)`.
fn as_off(o: &Obj) -> PyResult<i64> {
    let i = int::index(o)?;
    match int::as_i64(&i) {
        Some(v) => Ok(v),
        None => krait_runtime::bail!(ValueError, "cannot fit '{}' into an offset-sized integer", o.ty().name()),
    }
}

/// `PyNumber_AsSsize_t(o, ValueError)`.
fn as_ssize(o: &Obj) -> PyResult<isize> {
    let i = int::index(o)?;
    match int::as_i64(&i) {
        Some(v) if v >= isize::MIN as i64 && v <= isize::MAX as i64 => Ok(v as isize),
        _ => krait_runtime::bail!(ValueError, "cannot fit '{}' into an index-sized integer", o.ty().name()),
    }
}

/// Is the raised exception an OSError with errno EINTR? (Then it is
/// cleared and the call is retried, as CPython's `_PyIO_trap_eintr`.)
fn trap_eintr(e: PyErr) -> Result<(), PyErr> {
    if !krait_runtime::errors::matches(exceptions::OSError()) {
        return Err(e);
    }
    let exc = krait_runtime::errors::take(e);
    let eintr = match krait_runtime::ops::attr::getattr_str(&exc, "errno") {
        Ok(v) => int::as_i64(&v) == Some(libc::EINTR as i64),
        Err(_) => {
            krait_runtime::errors::clear();
            false
        }
    };
    if eintr {
        Ok(())
    } else {
        Err(krait_runtime::errors::restore(exc))
    }
}

fn blocking_error(written: usize) -> PyErr {
    krait_runtime::errors::raise_with(
        exceptions::BlockingIOError(),
        &[int::from_i64(libc::EAGAIN as i64), pystr::new("write could not complete without blocking"), int::from_usize(written)],
    )
}

/// One raw `readinto` into `dst`.
fn raw_readinto(raw: &Obj, dst: &mut [u8]) -> PyResult<Raw> {
    if let Some(fd) = raw_is_fileio(raw) {
        let n = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::read(fd, dst.as_mut_ptr() as *mut libc::c_void, dst.len()) })?;
        if n < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if super::is_eagain(e) {
                return Ok(Raw::Blocked);
            }
            return Err(args::last_error());
        }
        return Ok(Raw::Data(n as usize));
    }
    let len = dst.len();
    let ba = bytearray::new(&vec![0u8; len]);
    let mv = memoryview::from_object(&ba)?;
    let res = loop {
        match call_method(raw, "readinto", &[mv.clone()]) {
            Ok(r) => break r,
            Err(e) => trap_eintr(e)?,
        }
    };
    let _ = call_method(&mv, "release", &[]).map_err(|_| krait_runtime::errors::clear());
    if none::is_none(&res) {
        return Ok(Raw::Blocked);
    }
    let n = match as_ssize(&res) {
        Ok(n) => n,
        Err(e) => {
            let cause = krait_runtime::errors::take(e);
            let err = krait_runtime::errors::take(krait_runtime::errors::raise_with(exceptions::OSError(), &[pystr::new("raw readinto() failed")]));
            exceptions::set_context(&err, Some(cause.clone()));
            exceptions::set_cause(&err, Some(cause));
            return Err(krait_runtime::errors::restore(err));
        }
    };
    if n < 0 || n as usize > len {
        krait_runtime::bail!(OSError, "raw readinto() returned invalid length {} (should have been between 0 and {})", n, len);
    }
    let n = n as usize;
    let data = bytearray::data(&ba);
    let k = n.min(data.len());
    dst[..k].copy_from_slice(&data[..k]);
    Ok(Raw::Data(n))
}

/// One raw `write` of `data`.
fn raw_write_once(raw: &Obj, data: &[u8]) -> PyResult<Raw> {
    if let Some(fd) = raw_is_fileio(raw) {
        return Ok(match super::fileio::write_fd(fd, data)? {
            Some(n) => Raw::Data(n),
            None => Raw::Blocked,
        });
    }
    let mv = memoryview::from_object(&bytes::new(data))?;
    let res = loop {
        match call_method(raw, "write", &[mv.clone()]) {
            Ok(r) => break r,
            Err(e) => trap_eintr(e)?,
        }
    };
    if none::is_none(&res) {
        return Ok(Raw::Blocked);
    }
    let n = as_ssize(&res)?;
    if n < 0 || n as usize > data.len() {
        krait_runtime::bail!(OSError, "raw write() returned invalid length {} (should have been between 0 and {})", n, data.len());
    }
    Ok(Raw::Data(n as usize))
}

impl BufState {
    fn valid_read(&self) -> bool {
        self.readable && self.read_end != -1
    }

    fn valid_write(&self) -> bool {
        self.writable && self.write_end != -1
    }

    fn readahead(&self) -> usize {
        if self.valid_read() {
            (self.read_end - self.pos).max(0) as usize
        } else {
            0
        }
    }

    fn raw_offset(&self) -> i64 {
        if (self.valid_read() || self.valid_write()) && self.raw_pos >= 0 {
            self.raw_pos - self.pos
        } else {
            0
        }
    }

    fn adjust_position(&mut self, p: i64) {
        self.pos = p;
        if self.valid_read() && self.read_end < self.pos {
            self.read_end = self.pos;
        }
    }

    fn reset_read(&mut self) {
        self.read_end = -1;
    }

    fn reset_write(&mut self) {
        self.write_pos = 0;
        self.write_end = -1;
    }

    fn minus_last_block(&self, n: usize) -> usize {
        self.buffer_size * (n / self.buffer_size)
    }

    fn bufslice(&self, from: i64, n: usize) -> &[u8] {
        let b = self.buffer.as_deref().unwrap_or(&[]);
        let s = from.max(0) as usize;
        &b[s.min(b.len())..(s + n).min(b.len())]
    }

    /// IS_CLOSED.
    fn is_closed(&self) -> PyResult<bool> {
        if self.buffer.is_none() {
            return Ok(true);
        }
        if self.fast_closed_checks {
            if let Some(State::File(f)) = state(&self.raw) {
                return Ok(f.fd < 0);
            }
        }
        truthy(&getattr(&self.raw, "closed")?)
    }

    /// CHECK_CLOSED: closed with nothing left in the read buffer.
    fn check_closed(&self, msg: &str) -> PyResult<()> {
        if self.is_closed()? && self.readahead() == 0 {
            krait_runtime::bail!(ValueError, "{}", msg);
        }
        Ok(())
    }

    fn raw_tell(&mut self) -> PyResult<i64> {
        let n = if let Some(fd) = raw_is_fileio(&self.raw) {
            super::fileio::seek_fd(fd, 0, libc::SEEK_CUR)?
        } else {
            let r = call_method(&self.raw, "tell", &[])?;
            as_off(&r)?
        };
        if n < 0 {
            krait_runtime::bail!(OSError, "Raw stream returned invalid position {}", n);
        }
        self.abs_pos = n;
        Ok(n)
    }

    fn raw_tell_cached(&mut self) -> PyResult<i64> {
        if self.abs_pos != -1 {
            Ok(self.abs_pos)
        } else {
            self.raw_tell()
        }
    }

    fn raw_seek(&mut self, target: i64, whence: i32) -> PyResult<i64> {
        let n = if let Some(fd) = raw_is_fileio(&self.raw) {
            super::fileio::seek_fd(fd, target, whence)?
        } else {
            let r = call_method(&self.raw, "seek", &[int::from_i64(target), int::from_i64(whence as i64)])?;
            as_off(&r)?
        };
        if n < 0 {
            krait_runtime::bail!(OSError, "Raw stream returned invalid position {}", n);
        }
        self.abs_pos = n;
        Ok(n)
    }

    /// A raw read into the buffer at `start`, `len` bytes.
    fn raw_read_buf(&mut self, start: usize, len: usize) -> PyResult<Raw> {
        let raw = self.raw.clone();
        let Some(b) = self.buffer.as_mut() else { return Err(super::closed_error()) };
        let r = raw_readinto(&raw, &mut b[start..start + len])?;
        if let Raw::Data(n) = r {
            if n > 0 && self.abs_pos != -1 {
                self.abs_pos += n as i64;
            }
        }
        Ok(r)
    }

    /// A raw read into a caller's memory.
    fn raw_read_ext(&mut self, dst: &mut [u8]) -> PyResult<Raw> {
        let raw = self.raw.clone();
        let r = raw_readinto(&raw, dst)?;
        if let Raw::Data(n) = r {
            if n > 0 && self.abs_pos != -1 {
                self.abs_pos += n as i64;
            }
        }
        Ok(r)
    }

    fn raw_write(&mut self, data: &[u8]) -> PyResult<Raw> {
        let raw = self.raw.clone();
        let r = raw_write_once(&raw, data)?;
        if let Raw::Data(n) = r {
            if n > 0 && self.abs_pos != -1 {
                self.abs_pos += n as i64;
            }
        }
        Ok(r)
    }

    /// Fills the read buffer from `read_end` (or 0) with one raw read:
    /// the count read (0 at EOF) or None when it would block.
    fn fill_buffer(&mut self) -> PyResult<Option<usize>> {
        let start = if self.valid_read() { self.read_end.max(0) as usize } else { 0 };
        let len = self.buffer_size - start;
        match self.raw_read_buf(start, len)? {
            Raw::Blocked => Ok(None),
            Raw::Data(0) => Ok(Some(0)),
            Raw::Data(n) => {
                self.read_end = (start + n) as i64;
                self.raw_pos = (start + n) as i64;
                Ok(Some(n))
            }
        }
    }

    /// Writes out `write_pos..write_end` (after moving the raw stream back
    /// to where they start).
    fn flush_unlocked(&mut self) -> PyResult<()> {
        if self.valid_write() && self.write_pos != self.write_end {
            let rewind = self.raw_offset() + (self.pos - self.write_pos);
            if rewind != 0 {
                self.raw_seek(-rewind, 1)?;
                self.raw_pos -= rewind;
            }
            while self.write_pos < self.write_end {
                let (s, e) = (self.write_pos as usize, self.write_end as usize);
                let chunk = self.buffer.as_ref().map(|b| b[s..e].to_vec()).unwrap_or_default();
                match self.raw_write(&chunk)? {
                    Raw::Blocked => return Err(blocking_error(0)),
                    Raw::Data(n) => {
                        self.write_pos += n as i64;
                        self.raw_pos = self.write_pos;
                    }
                }
                // A partial write may mean a signal arrived: run its
                // handlers before blocking again.
                krait_runtime::signals::check_signals()?;
            }
        }
        self.reset_write();
        Ok(())
    }

    fn flush_and_rewind(&mut self) -> PyResult<()> {
        self.flush_unlocked()?;
        if self.readable {
            let off = self.raw_offset();
            let r = self.raw_seek(-off, 1);
            self.reset_read();
            r?;
        }
        Ok(())
    }

    fn read_fast(&mut self, n: usize) -> Option<Vec<u8>> {
        if n <= self.readahead() {
            let v = self.bufslice(self.pos, n).to_vec();
            self.pos += n as i64;
            Some(v)
        } else {
            None
        }
    }

    fn read_generic(&mut self, n: usize) -> PyResult<Option<Vec<u8>>> {
        let current = self.readahead();
        if n <= current {
            return Ok(self.read_fast(n));
        }
        let mut out = vec![0u8; n];
        let mut written = 0usize;
        let mut remaining = n;
        if current > 0 {
            out[..current].copy_from_slice(self.bufslice(self.pos, current));
            remaining -= current;
            written += current;
            self.pos += current as i64;
        }
        if self.writable {
            self.flush_and_rewind()?;
        }
        self.reset_read();
        while remaining > 0 {
            let r = self.minus_last_block(remaining);
            if r == 0 {
                break;
            }
            match self.raw_read_ext(&mut out[written..written + r])? {
                Raw::Data(0) => {
                    out.truncate(written);
                    return Ok(Some(out));
                }
                Raw::Blocked => {
                    if written > 0 {
                        out.truncate(written);
                        return Ok(Some(out));
                    }
                    return Ok(None);
                }
                Raw::Data(k) => {
                    remaining -= k;
                    written += k;
                }
            }
        }
        self.pos = 0;
        self.raw_pos = 0;
        self.read_end = 0;
        // Once satisfied, no further read (it could block on a socket).
        while remaining > 0 && (self.read_end as usize) < self.buffer_size {
            match self.fill_buffer()? {
                Some(0) => {
                    out.truncate(written);
                    return Ok(Some(out));
                }
                None => {
                    if written > 0 {
                        out.truncate(written);
                        return Ok(Some(out));
                    }
                    return Ok(None);
                }
                Some(r) => {
                    let k = r.min(remaining);
                    out[written..written + k].copy_from_slice(self.bufslice(self.pos, k));
                    written += k;
                    self.pos += k as i64;
                    remaining -= k;
                }
            }
        }
        Ok(Some(out))
    }

    fn read_all(&mut self) -> PyResult<Obj> {
        let current = self.readahead();
        let mut data: Vec<u8> = Vec::new();
        if current > 0 {
            data.extend_from_slice(self.bufslice(self.pos, current));
            self.pos += current as i64;
        }
        if self.writable {
            self.flush_and_rewind()?;
        }
        self.reset_read();
        if let Some(fd) = raw_is_fileio(&self.raw) {
            self.abs_pos = -1;
            if data.is_empty() {
                return Ok(super::fileio::readall_bytes(fd)?.unwrap_or_else(none::none));
            }
            return Ok(match super::fileio::readall_fd(fd)? {
                Some(d) => {
                    data.extend_from_slice(&d);
                    bytes::new(&data)
                }
                None => bytes::new(&data),
            });
        }
        if let Some(readall) = krait_runtime::ops::attr::getattr_opt(&self.raw, &pystr::new("readall"))? {
            let tmp = krait_runtime::ops::call::call(&readall, &[], None)?;
            self.abs_pos = -1;
            if !none::is_none(&tmp) && !bytes::is_bytes(&tmp) {
                krait_runtime::bail!(TypeError, "readall() should return bytes");
            }
            if current == 0 {
                return Ok(tmp);
            }
            if !none::is_none(&tmp) {
                data.extend_from_slice(bytes::as_slice(&tmp));
            }
            return Ok(bytes::new(&data));
        }
        let mut got_any = current > 0;
        loop {
            let chunk = call_method(&self.raw, "read", &[])?;
            if !none::is_none(&chunk) && !bytes::is_bytes(&chunk) {
                krait_runtime::bail!(TypeError, "read() should return bytes");
            }
            if none::is_none(&chunk) || bytes::as_slice(&chunk).is_empty() {
                if !got_any {
                    return Ok(chunk);
                }
                return Ok(bytes::new(&data));
            }
            got_any = true;
            let d = bytes::as_slice(&chunk);
            if self.abs_pos != -1 {
                self.abs_pos += d.len() as i64;
            }
            data.extend_from_slice(d);
        }
    }

    fn peek_unlocked(&mut self) -> PyResult<Vec<u8>> {
        let have = self.readahead();
        if have > 0 {
            return Ok(self.bufslice(self.pos, have).to_vec());
        }
        self.reset_read();
        let r = self.fill_buffer()?.unwrap_or(0);
        self.pos = 0;
        Ok(self.bufslice(0, r).to_vec())
    }

    fn readline(&mut self, limit: isize) -> PyResult<Vec<u8>> {
        let mut limit = limit;
        let mut out = Vec::new();
        let mut n = self.readahead();
        if limit >= 0 && n > limit as usize {
            n = limit as usize;
        }
        {
            let avail = self.bufslice(self.pos, n);
            if let Some(i) = avail.iter().position(|&c| c == b'\n') {
                let v = avail[..=i].to_vec();
                self.pos += i as i64 + 1;
                return Ok(v);
            }
            if limit >= 0 && n == limit as usize {
                let v = avail.to_vec();
                self.pos += n as i64;
                return Ok(v);
            }
        }
        if n > 0 {
            out.extend_from_slice(self.bufslice(self.pos, n));
            self.pos += n as i64;
            if limit >= 0 {
                limit -= n as isize;
            }
        }
        if self.writable {
            self.flush_and_rewind()?;
        }
        loop {
            self.reset_read();
            let got = match self.fill_buffer()? {
                None | Some(0) => break,
                Some(g) => g,
            };
            let mut k = got;
            if limit >= 0 && k > limit as usize {
                k = limit as usize;
            }
            let chunk = self.bufslice(0, k);
            if let Some(i) = chunk.iter().position(|&c| c == b'\n') {
                out.extend_from_slice(&chunk[..=i]);
                self.pos = i as i64 + 1;
                return Ok(out);
            }
            out.extend_from_slice(chunk);
            if limit >= 0 && k == limit as usize {
                self.pos = k as i64;
                break;
            }
            if limit >= 0 {
                limit -= k as isize;
            }
        }
        Ok(out)
    }
}

/// Whether a krait Buffered* object over a krait FileIO is closed,
/// without attribute lookups (None when either is a Python subclass).
pub fn fast_closed(o: &Obj) -> Option<bool> {
    match state(o) {
        Some(State::Buffered(b)) if b.ok && b.fast_closed_checks => match state(&b.raw) {
            Some(State::File(f)) => Some(f.fd < 0 || b.buffer.is_none()),
            _ => None,
        },
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Construction.

/// `_PyIOBase_check_readable(raw, True)` and friends: the method must
/// return True itself.
fn check_ability(raw: &Obj, what: &str, msg: &str) -> PyResult<()> {
    let r = call_method(raw, what, &[])?;
    if !bool_::is_true(&r) {
        return Err(unsupported(msg));
    }
    Ok(())
}

fn init_common(slf: &Obj, a: &Obj, kw: Option<&Obj>, name: &str, readable: bool, writable: bool) -> PyResult<()> {
    if let Some(State::Buffered(b)) = state(slf) {
        b.ok = false;
        b.detached = false;
    }
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic(name, &all, kwn.as_ref(), &["raw", "buffer_size"], 0, 2, 1)?;
    let raw = v[0].clone().unwrap();
    let size = match &v[1] {
        Some(s) => args::to_ssize(s)?,
        None => DEFAULT_BUFFER_SIZE as isize,
    };
    if readable && writable {
        check_ability(&raw, "seekable", "File or stream is not seekable.")?;
    }
    if readable {
        check_ability(&raw, "readable", "File or stream is not readable.")?;
    }
    if writable {
        check_ability(&raw, "writable", "File or stream is not writable.")?;
    }
    if size <= 0 {
        krait_runtime::bail!(ValueError, "buffer size must be strictly positive");
    }
    let mut buffer = Vec::new();
    if buffer.try_reserve_exact(size as usize).is_err() {
        return Err(krait_runtime::errors::raise_with(exceptions::MemoryError(), &[]));
    }
    buffer.resize(size as usize, 0);
    let t = slf.type_ptr();
    let exact = if readable && writable {
        t == &raw mut super::BUFFEREDRANDOM_TYPE
    } else if readable {
        t == &raw mut super::BUFFEREDREADER_TYPE
    } else {
        t == &raw mut super::BUFFEREDWRITER_TYPE
    };
    let fast_closed_checks = exact && super::is_exact(&raw, &raw mut super::FILEIO_TYPE);
    let mut st = BufState {
        raw,
        ok: false,
        detached: false,
        readable,
        writable,
        finalizing: false,
        fast_closed_checks,
        abs_pos: -1,
        buffer: Some(buffer),
        buffer_size: size as usize,
        pos: 0,
        raw_pos: -1,
        read_end: -1,
        write_pos: 0,
        write_end: -1,
        owner: 0,
        lock: RawLock::new(),
    };
    if st.raw_tell().is_err() {
        krait_runtime::errors::clear();
    }
    st.ok = true;
    super::set_state(slf, State::Buffered(st));
    Ok(())
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

// ---------------------------------------------------------------------------
// Methods.

fn m_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    let b = buf(s)?;
    if n < -1 {
        krait_runtime::bail!(ValueError, "read length must be non-negative or -1");
    }
    b.check_closed("read of closed file")?;
    if n == -1 {
        let _g = enter(s)?;
        return buf(s)?.read_all();
    }
    if let Some(v) = b.read_fast(n as usize) {
        return Ok(bytes::new(&v));
    }
    let _g = enter(s)?;
    Ok(opt(buf(s)?.read_generic(n as usize)?))
}

fn m_read1(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read1", a, k, &["size"], 1, 1, 0)?;
    let n = match &v[0] {
        Some(x) => args::to_ssize(x)?,
        None => -1,
    };
    let b = buf(s)?;
    let n = if n < 0 { b.buffer_size } else { n as usize };
    b.check_closed("read of closed file")?;
    if n == 0 {
        return Ok(bytes::new(b""));
    }
    let have = b.readahead();
    if have > 0 {
        let v = b.read_fast(n.min(have)).unwrap_or_default();
        return Ok(bytes::new(&v));
    }
    let _g = enter(s)?;
    let b = buf(s)?;
    if b.writable {
        b.flush_and_rewind()?;
    }
    b.reset_read();
    let mut out = vec![0u8; n];
    let r = match b.raw_read_ext(&mut out)? {
        Raw::Data(r) => r,
        Raw::Blocked => 0,
    };
    out.truncate(r);
    Ok(bytes::new(&out))
}

fn m_peek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("peek", a, k, &["size"], 1, 1, 0)?;
    if let Some(x) = &v[0] {
        args::to_ssize(x)?;
    }
    buf(s)?.check_closed("peek of closed file")?;
    let _g = enter(s)?;
    let b = buf(s)?;
    if b.writable {
        b.flush_and_rewind()?;
    }
    Ok(bytes::new(&b.peek_unlocked()?))
}

fn readinto_generic(s: &Obj, a: &[Obj], k: Option<&Obj>, one: bool) -> PyResult<Obj> {
    args::positional(if one { "readinto1" } else { "readinto" }, a, k, 1, 1)?;
    let mut dst = buffer::writable_arg(&a[0], if one { "readinto1" } else { "readinto" })?;
    let len = dst.len();
    let b = buf(s)?;
    b.check_closed("readinto of closed file")?;
    let mut written = 0usize;
    let have = b.readahead();
    if have > 0 {
        if have >= len {
            dst.as_mut_slice().copy_from_slice(b.bufslice(b.pos, len));
            b.pos += len as i64;
            return Ok(int::from_usize(len));
        }
        dst.as_mut_slice()[..have].copy_from_slice(b.bufslice(b.pos, have));
        b.pos += have as i64;
        written = have;
    }
    let _g = enter(s)?;
    let b = buf(s)?;
    if b.writable {
        b.flush_and_rewind()?;
    }
    b.reset_read();
    b.pos = 0;
    let mut remaining = len - written;
    while remaining > 0 {
        let n: Raw;
        if remaining > b.buffer_size {
            n = b.raw_read_ext(&mut dst.as_mut_slice()[written..written + remaining])?;
        } else if !(one && written > 0) {
            match b.fill_buffer()? {
                Some(got) if got > 0 => {
                    let k = got.min(remaining);
                    dst.as_mut_slice()[written..written + k].copy_from_slice(b.bufslice(b.pos, k));
                    b.pos += k as i64;
                    written += k;
                    remaining -= k;
                    continue;
                }
                Some(_) => n = Raw::Data(0),
                None => n = Raw::Blocked,
            }
        } else {
            n = Raw::Data(0);
        }
        match n {
            Raw::Data(0) => break,
            Raw::Blocked if written > 0 => break,
            Raw::Blocked => return Ok(none::none()),
            Raw::Data(k) => {
                written += k;
                remaining -= k;
                if one {
                    break;
                }
            }
        }
    }
    Ok(int::from_usize(written))
}

fn m_readinto(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    readinto_generic(s, a, k, false)
}

fn m_readinto1(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    readinto_generic(s, a, k, true)
}

fn readline_locked(s: &Obj, limit: isize) -> PyResult<Vec<u8>> {
    let b = buf(s)?;
    b.check_closed("readline of closed file")?;
    // A line already in the buffer needs no lock.
    let n = b.readahead();
    let n = if limit >= 0 { n.min(limit as usize) } else { n };
    let avail = b.bufslice(b.pos, n);
    if let Some(i) = avail.iter().position(|&c| c == b'\n') {
        let v = avail[..=i].to_vec();
        b.pos += i as i64 + 1;
        return Ok(v);
    }
    let _g = enter(s)?;
    buf(s)?.readline(limit)
}

fn m_readline(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readline", a, k, &["size"], 1, 1, 0)?;
    let limit = super::size_arg(v[0].as_ref())?;
    buf(s)?;
    Ok(bytes::new(&readline_locked(s, limit)?))
}

pub fn next_impl(s: &Obj) -> PyResult<Option<Obj>> {
    buf(s)?;
    let exact = [&raw mut super::BUFFEREDREADER_TYPE, &raw mut super::BUFFEREDRANDOM_TYPE]
        .iter()
        .any(|t| s.type_ptr() == *t);
    let line = if exact {
        bytes::new(&readline_locked(s, -1)?)
    } else {
        let l = call_method(s, "readline", &[])?;
        if !bytes::is_bytes(&l) {
            krait_runtime::bail!(OSError, "readline() should have returned a bytes object, not '{}'", l.ty().name());
        }
        l
    };
    if bytes::as_slice(&line).is_empty() {
        return Ok(None);
    }
    Ok(Some(line))
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
    buf(s)?;
    let _g = enter(s)?;
    let b = buf(s)?;
    // After taking the lock: another thread may have been closing.
    if b.is_closed()? {
        krait_runtime::bail!(ValueError, "write to closed file");
    }
    let d = data.as_slice();
    let len = d.len();
    if !b.valid_read() && !b.valid_write() {
        b.pos = 0;
        b.raw_pos = 0;
    }
    let avail = b.buffer_size - b.pos as usize;
    if len <= avail {
        let p = b.pos as usize;
        b.buffer.as_mut().unwrap()[p..p + len].copy_from_slice(d);
        if !b.valid_write() || b.write_pos > b.pos {
            b.write_pos = b.pos;
        }
        b.adjust_position(b.pos + len as i64);
        if b.pos > b.write_end {
            b.write_end = b.pos;
        }
        return Ok(int::from_usize(len));
    }
    // First write out the buffer.
    if let Err(e) = b.flush_unlocked() {
        if !krait_runtime::errors::matches(exceptions::BlockingIOError()) {
            return Err(e);
        }
        if b.readable {
            b.reset_read();
        }
        // Make room by shifting the unwritten bytes to the front.
        let (wp, we) = (b.write_pos as usize, b.write_end as usize);
        b.buffer.as_mut().unwrap().copy_within(wp..we, 0);
        b.write_end -= b.write_pos;
        b.raw_pos -= b.write_pos;
        b.pos -= b.write_pos;
        b.write_pos = 0;
        let avail = b.buffer_size - b.write_end as usize;
        let we = b.write_end as usize;
        if len <= avail {
            krait_runtime::errors::clear();
            b.buffer.as_mut().unwrap()[we..we + len].copy_from_slice(d);
            b.write_end += len as i64;
            b.pos += len as i64;
            return Ok(int::from_usize(len));
        }
        b.buffer.as_mut().unwrap()[we..we + avail].copy_from_slice(&d[..avail]);
        b.write_end += avail as i64;
        b.pos += avail as i64;
        krait_runtime::errors::clear();
        return Err(blocking_error(avail));
    }
    // The raw stream may be ahead of the logical position (read-ahead
    // that was not written over).
    let offset = b.raw_offset();
    if offset != 0 {
        b.raw_seek(-offset, 1)?;
        b.raw_pos -= offset;
    }
    let mut remaining = len;
    let mut written = 0usize;
    while remaining > b.buffer_size {
        match b.raw_write(&d[written..])? {
            Raw::Blocked => {
                // Buffer as much as possible, then report.
                let bs = b.buffer_size;
                b.buffer.as_mut().unwrap()[..bs].copy_from_slice(&d[written..written + bs]);
                b.raw_pos = 0;
                b.adjust_position(bs as i64);
                b.write_end = bs as i64;
                written += bs;
                return Err(blocking_error(written));
            }
            Raw::Data(n) => {
                written += n;
                remaining -= n;
                // Partial writes happen when a signal interrupts: its
                // handlers run (and may raise) before the next write.
                krait_runtime::signals::check_signals()?;
            }
        }
    }
    if b.readable {
        b.reset_read();
    }
    if remaining > 0 {
        b.buffer.as_mut().unwrap()[..remaining].copy_from_slice(&d[written..]);
        written += remaining;
    }
    b.write_pos = 0;
    b.write_end = remaining as i64;
    b.adjust_position(remaining as i64);
    b.raw_pos = 0;
    Ok(int::from_usize(written))
}

/// BufferedReader.flush: the raw stream's.
fn m_simple_flush(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("flush", a, k, 0, 0)?;
    let raw = buf(s)?.raw.clone();
    call_method(&raw, "flush", &[])
}

fn m_flush(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("flush", a, k, 0, 0)?;
    buf(s)?.check_closed("flush of closed file")?;
    let _g = enter(s)?;
    buf(s)?.flush_and_rewind()?;
    Ok(none::none())
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    let b = buf(s)?;
    let pos = b.raw_tell()? - b.raw_offset();
    Ok(int::from_i64(pos))
}

fn m_seek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("seek", a, k, 1, 2)?;
    let whence = match a.get(1) {
        Some(w) => args::to_int(w)?,
        None => 0,
    };
    let b = buf(s)?;
    if !(0..=2).contains(&whence) && whence != libc::SEEK_DATA && whence != libc::SEEK_HOLE {
        krait_runtime::bail!(ValueError, "whence value {} unsupported", whence);
    }
    b.check_closed("seek of closed file")?;
    let raw = b.raw.clone();
    check_ability(&raw, "seekable", "File or stream is not seekable.")?;
    let mut target = as_off(&a[0])?;
    let b = buf(s)?;
    if (whence == 0 || whence == 1) && b.readable {
        // Inside the read buffer: no raw seek needed.
        let current = b.raw_tell_cached()?;
        let avail = b.readahead() as i64;
        if avail > 0 {
            let offset = if whence == 0 { target - (current - b.raw_offset()) } else { target };
            if offset >= -b.pos && offset <= avail {
                b.pos += offset;
                return Ok(int::from_i64(current - avail + offset));
            }
        }
    }
    let _g = enter(s)?;
    let b = buf(s)?;
    if b.writable {
        b.flush_unlocked()?;
    }
    if whence == 1 {
        target -= b.raw_offset();
    }
    let n = b.raw_seek(target, whence)?;
    b.raw_pos = -1;
    if b.readable {
        b.reset_read();
    }
    Ok(int::from_i64(n))
}

fn m_truncate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("truncate", a, k, 0, 1)?;
    let b = buf(s)?;
    b.check_closed("truncate of closed file")?;
    if !b.writable {
        return Err(unsupported("truncate"));
    }
    let pos = a.first().cloned().unwrap_or_else(none::none);
    let _g = enter(s)?;
    let b = buf(s)?;
    b.flush_and_rewind()?;
    let raw = b.raw.clone();
    let r = call_method(&raw, "truncate", &[pos])?;
    if buf(s)?.raw_tell().is_err() {
        krait_runtime::errors::clear();
    }
    Ok(r)
}

/// Calls the raw stream's `_dealloc_warn(source)`, ignoring failures.
fn dealloc_warn(b: &BufState, source: &Obj) {
    if b.ok {
        let raw = b.raw.clone();
        if call_method(&raw, "_dealloc_warn", &[source.clone()]).is_err() {
            krait_runtime::errors::clear();
        }
    }
}

fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    buf(s)?;
    {
        let _g = enter(s)?;
        let b = buf(s)?;
        let raw = b.raw.clone();
        if truthy(&getattr(&raw, "closed")?)? {
            return Ok(none::none());
        }
        if b.finalizing {
            dealloc_warn(b, s);
        }
    }
    // flush() takes the lock itself. Its failure is held while the raw
    // stream closes, then re-raised or chained under close()'s own.
    let flushed = call_method(s, "flush", &[]).map(|_| ()).map_err(krait_runtime::errors::take);
    let _g = enter(s)?;
    let b = buf(s)?;
    let raw = b.raw.clone();
    let closed = call_method(&raw, "close", &[]);
    if let Ok(b) = buf(s) {
        b.buffer = None;
        b.read_end = 0;
        b.pos = 0;
    }
    super::close_outcome(flushed, closed)
}

fn m_detach(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("detach", a, k, 0, 0)?;
    buf(s)?;
    call_method(s, "flush", &[])?;
    let b = buf(s)?;
    b.detached = true;
    b.ok = false;
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

fn m_dealloc_warn(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("_dealloc_warn", a, k, 1, 1)?;
    if let Some(State::Buffered(b)) = state(s) {
        dealloc_warn(b, &a[0]);
    }
    Ok(none::none())
}

fn m_sizeof(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__sizeof__", a, k, 0, 0)?;
    let mut n = s.ty().tp_basicsize as usize;
    if let Some(State::Buffered(b)) = state(s) {
        if b.buffer.is_some() {
            n += b.buffer_size;
        }
    }
    Ok(int::from_usize(n))
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
            if krait_runtime::errors::matches(exceptions::ValueError()) || krait_runtime::errors::matches(exceptions::AttributeError()) {
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
        method("close", m_close),
        method("seekable", m_seekable),
        method("fileno", m_fileno),
        method("isatty", m_isatty),
        method("_dealloc_warn", m_dealloc_warn),
        method("seek", m_seek),
        method("tell", m_tell),
        method("truncate", m_truncate),
        method("__sizeof__", m_sizeof),
    ];
    if readable {
        v.push(method("readable", m_readable));
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
        v.extend([method("writable", m_writable), method("write", m_write), method("flush", m_flush)]);
    } else {
        v.push(method("flush", m_simple_flush));
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
    let size = match all.get(2) {
        Some(s) => args::to_ssize(s)?,
        None => DEFAULT_BUFFER_SIZE as isize,
    };
    let rd = all[0].clone();
    let wr = all[1].clone();
    check_ability(&rd, "readable", "File or stream is not readable.")?;
    check_ability(&wr, "writable", "File or stream is not writable.")?;
    let mk = |t: *mut krait_runtime::object::PyTypeObject, raw: &Obj| {
        krait_runtime::ops::call::call(&krait_runtime::types::type_::type_obj(t), &[raw.clone(), int::from_i64(size as i64)], None)
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
    // The writer's failure becomes the context of the reader's.
    let first = call_method(&w, "close", &[]).map(|_| ()).map_err(krait_runtime::errors::take);
    let second = call_method(&r, "close", &[]);
    super::close_outcome(first, second)
}

fn p_isatty(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isatty", a, k, 0, 0)?;
    let p = pair(s)?;
    let (r, w) = (p.reader.clone(), p.writer.clone());
    let x = call_method(&w, "isatty", &[])?;
    if !bool_::is_false(&x) {
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
