//! `FileIO`: the raw stream over an OS file descriptor.

use super::{state, unsupported, State};
use crate::posix::args::{self, clinic};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{bool_, buffer, bytes, int, none, str as pystr, tuple};
use krait_runtime::{Obj, PyResult};

pub struct FileState {
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// Cached seekability (None until asked).
    pub seekable: Option<bool>,
    pub blksize: i64,
    /// Set when the object is being finalized: close() then warns.
    pub finalizing: bool,
}

fn closed_err() -> krait_runtime::PyErr {
    krait_runtime::raise!(ValueError, "I/O operation on closed file")
}

/// The state of an open FileIO.
pub fn file(o: &Obj) -> PyResult<&mut FileState> {
    match state(o) {
        Some(State::File(f)) if f.fd >= 0 => Ok(f),
        Some(State::File(_)) => Err(closed_err()),
        _ => Err(closed_err()),
    }
}

/// Is `o` a krait FileIO (exact type or a subclass that keeps our methods)?
pub fn is_fileio(o: &Obj) -> bool {
    matches!(state(o), Some(State::File(_)))
}

pub fn blksize(o: &Obj) -> Option<i64> {
    match state(o) {
        Some(State::File(f)) => Some(f.blksize),
        _ => {
            let b = krait_runtime::ops::attr::getattr_str(o, "_blksize").ok()?;
            int::as_i64(&b)
        }
    }
}

fn mode_string(f: &FileState) -> &'static str {
    if f.created {
        if f.readable {
            "xb+"
        } else {
            "xb"
        }
    } else if f.appending {
        if f.readable {
            "ab+"
        } else {
            "ab"
        }
    } else if f.readable {
        if f.writable {
            "rb+"
        } else {
            "rb"
        }
    } else {
        "wb"
    }
}

fn init(slf: &Obj, a: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic("FileIO", &all, kwn.as_ref(), &["file", "mode", "closefd", "opener"], 0, 4, 1)?;
    // Re-initialisation closes the previous descriptor, as CPython.
    if let Some(State::File(f)) = state(slf) {
        if f.fd >= 0 && f.closefd {
            unsafe { libc::close(f.fd) };
        }
        f.fd = -1;
    }
    let nameobj = v[0].clone().unwrap();
    let mode = match &v[1] {
        None => "r".to_owned(),
        Some(m) if pystr::is_str(m) => pystr::to_string_lossy(m),
        Some(m) => krait_runtime::bail!(TypeError, "FileIO() argument 'mode' must be str, not {}", m.ty().name()),
    };
    let closefd = args::to_bool(&v[2], true)?;
    let opener = v[3].clone().filter(|o| !none::is_none(o));
    let mut fd: i32 = -1;
    let mut path: Option<Vec<u8>> = None;
    // An int that does not fit a C int is then taken as a path (and
    // refused as one), as CPython.
    let as_fd = if int::is_int(&nameobj) {
        match int::as_c_int(&nameobj) {
            Ok(v) => Some(v),
            Err(_) => {
                krait_runtime::errors::clear();
                None
            }
        }
    } else {
        None
    };
    if let Some(v) = as_fd {
        fd = v;
        if fd < 0 {
            krait_runtime::bail!(ValueError, "negative file descriptor");
        }
    } else {
        let r = args::fspath(&nameobj)?;
        let b = if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() };
        if b.contains(&0) {
            krait_runtime::bail!(ValueError, "embedded null byte");
        }
        path = Some(b);
    }
    let (mut readable, mut writable, mut appending, mut created, mut plus) = (false, false, false, false, false);
    let mut rwa = false;
    let bad = || krait_runtime::raise!(ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    let mut flags: i32 = 0;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad());
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad());
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => krait_runtime::bail!(ValueError, "invalid mode: {}", mode),
        }
    }
    if !rwa {
        return Err(bad());
    }
    flags |= if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    flags |= libc::O_CLOEXEC;
    krait_runtime::modules::sys::audit("open", &[nameobj.clone(), pystr::new(&mode), int::from_i64(flags as i64)])?;
    let mut own_fd = closefd;
    if let Some(p) = &path {
        if !closefd {
            krait_runtime::bail!(ValueError, "Cannot use closefd=False with file name");
        }
        match &opener {
            None => {
                let c = std::ffi::CString::new(p.clone()).unwrap();
                fd = args::retry(-1, || unsafe { libc::open(c.as_ptr(), flags, 0o666) })?;
                if fd < 0 {
                    return Err(args::os_error(args::errno(), Some(&nameobj), None));
                }
            }
            Some(op) => {
                let r = krait_runtime::ops::call::call(op, &[nameobj.clone(), int::from_i64(flags as i64)], None)?;
                if !int::is_int(&r) {
                    krait_runtime::bail!(TypeError, "expected integer from opener");
                }
                fd = int::as_c_int(&r)?;
                if fd < 0 {
                    krait_runtime::bail!(ValueError, "opener returned {}", fd);
                }
            }
        }
        own_fd = true;
    }
    let fail_close = |fd: i32| {
        if path.is_some() {
            unsafe { libc::close(fd) };
        }
    };
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let mut blksize = super::DEFAULT_BUFFER_SIZE as i64;
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        let e = args::errno();
        if e == libc::EBADF {
            fail_close(fd);
            return Err(args::os_error(e, None, None));
        }
    } else {
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            fail_close(fd);
            return Err(args::os_error(libc::EISDIR, Some(&nameobj), None));
        }
        if st.st_blksize > 1 {
            blksize = st.st_blksize;
        }
    }
    super::set_state(
        slf,
        State::File(FileState { fd, readable, writable, appending, created, closefd: own_fd, seekable: None, blksize, finalizing: false }),
    );
    if let Err(e) = krait_runtime::ops::attr::setattr(slf, &pystr::new("name"), &nameobj) {
        // A descriptor the caller passed in stays open; one opened here is
        // closed.
        if let Some(State::File(f)) = state(slf) {
            if path.is_some() && f.fd >= 0 {
                unsafe { libc::close(f.fd) };
            }
            f.fd = -1;
        }
        return Err(e);
    }
    if appending {
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    let _ = closefd;
    Ok(())
}
krait_runtime::init_slot!(init_slot => init);

/// Reads up to `n` bytes; None when a non-blocking descriptor has none.
pub fn read_fd(fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf = vec![0u8; n];
    let r = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) })?;
    if r < 0 {
        let e = args::errno();
        if super::is_eagain(e) {
            return Ok(None);
        }
        return Err(args::os_error(e, None, None));
    }
    buf.truncate(r as usize);
    Ok(Some(buf))
}

/// Writes once; None on EAGAIN.
pub fn write_fd(fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    let r = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) })?;
    if r < 0 {
        let e = args::errno();
        if super::is_eagain(e) {
            return Ok(None);
        }
        return Err(args::os_error(e, None, None));
    }
    Ok(Some(r as usize))
}

/// Reads to the end of the file.
/// The rest of the file as a bytes object (None when a non-blocking read
/// finds nothing). A file whose size fstat gives is read straight into the
/// bytes object; anything else goes through `readall_fd`.
pub fn readall_bytes(fd: i32) -> PyResult<Option<Obj>> {
    let hint = remaining_size(fd);
    if hint == 0 {
        return Ok(readall_fd(fd)?.map(|v| bytes::new(&v)));
    }
    let mut would_block = false;
    let obj = bytes::from_fill(hint, |buf| {
        let mut n = 0;
        while n < buf.len() {
            let dst = buf[n..].as_mut_ptr() as usize;
            let want = buf.len() - n;
            let r = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::read(fd, dst as *mut libc::c_void, want) })?;
            if r < 0 {
                let e = args::errno();
                if super::is_eagain(e) {
                    would_block = n == 0;
                    break;
                }
                return Err(args::os_error(e, None, None));
            }
            if r == 0 {
                break;
            }
            n += r as usize;
        }
        Ok(n)
    })?;
    if would_block {
        return Ok(None);
    }
    if bytes::as_slice(&obj).len() < hint {
        return Ok(Some(obj));
    }
    // Read to the size fstat gave: the file may have grown since.
    match readall_fd(fd)? {
        Some(more) if !more.is_empty() => {
            let mut all = bytes::as_slice(&obj).to_vec();
            all.extend_from_slice(&more);
            Ok(Some(bytes::new(&all)))
        }
        _ => Ok(Some(obj)),
    }
}

/// Bytes between the file position and the end, by fstat (0 if unknown).
fn remaining_size(fd: i32) -> usize {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return 0;
    }
    let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
    if pos >= 0 && st.st_size >= pos {
        (st.st_size - pos) as usize
    } else {
        0
    }
}

pub fn readall_fd(fd: i32) -> PyResult<Option<Vec<u8>>> {
    let hint = remaining_size(fd);
    let mut out: Vec<u8> = Vec::with_capacity(hint + 1);
    loop {
        // Grow only when full, or in small steps when there was no size to
        // go by: a file read to its size then sees end-of-file in the one
        // spare byte, without first doubling (and copying) the buffer.
        if out.capacity() == out.len() || (hint == 0 && out.capacity() - out.len() < 8192) {
            out.reserve(out.len().max(8192));
        }
        let spare = out.capacity() - out.len();
        let dst = unsafe { out.as_mut_ptr().add(out.len()) } as usize;
        let r = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::read(fd, dst as *mut libc::c_void, spare) })?;
        if r < 0 {
            let e = args::errno();
            if super::is_eagain(e) {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            return Err(args::os_error(e, None, None));
        }
        if r == 0 {
            break;
        }
        unsafe { out.set_len(out.len() + r as usize) };
    }
    Ok(Some(out))
}

fn need_readable(f: &FileState) -> PyResult<()> {
    if !f.readable {
        return Err(unsupported("File not open for reading"));
    }
    Ok(())
}

fn need_writable(f: &FileState) -> PyResult<()> {
    if !f.writable {
        return Err(unsupported("File not open for writing"));
    }
    Ok(())
}

fn opt_bytes(v: Option<Vec<u8>>) -> Obj {
    match v {
        Some(b) => bytes::new(&b),
        None => none::none(),
    }
}

fn m_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let f = file(s)?;
    need_readable(f)?;
    let n = super::size_arg(v[0].as_ref())?;
    if n < 0 {
        return Ok(readall_bytes(f.fd)?.unwrap_or_else(none::none));
    }
    Ok(opt_bytes(read_fd(f.fd, n as usize)?))
}

fn m_readall(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("readall", a, k, 0, 0)?;
    let f = file(s)?;
    Ok(readall_bytes(f.fd)?.unwrap_or_else(none::none))
}

fn m_readinto(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("readinto", a, k, 1, 1)?;
    let f = file(s)?;
    need_readable(f)?;
    let fd = f.fd;
    let mut b = buffer::writable_arg(&a[0], "readinto")?;
    let dst = b.as_mut_slice();
    let r = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::read(fd, dst.as_mut_ptr() as *mut libc::c_void, dst.len()) })?;
    if r < 0 {
        let e = args::errno();
        if super::is_eagain(e) {
            return Ok(none::none());
        }
        return Err(args::os_error(e, None, None));
    }
    Ok(int::from_i64(r as i64))
}

fn m_write(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("write", a, k, 1, 1)?;
    let f = file(s)?;
    need_writable(f)?;
    let b = buffer::bytes_like(&a[0])?;
    match write_fd(f.fd, b.as_slice())? {
        Some(n) => Ok(int::from_usize(n)),
        None => Ok(none::none()),
    }
}

pub fn seek_fd(fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    let r = unsafe { libc::lseek(fd, pos, whence) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(r)
}

fn m_seek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("seek", a, k, 1, 2)?;
    let f = file(s)?;
    let pos = args::to_long(&a[0])?;
    let whence = match a.get(1) {
        Some(w) => args::to_int(w)?,
        None => 0,
    };
    let r = seek_fd(f.fd, pos, whence)?;
    f.seekable = Some(true);
    Ok(int::from_i64(r))
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    let f = file(s)?;
    Ok(int::from_i64(seek_fd(f.fd, 0, libc::SEEK_CUR)?))
}

fn m_truncate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("truncate", a, k, 0, 1)?;
    let f = file(s)?;
    need_writable(f)?;
    let size = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => args::to_long(x)?,
        None => seek_fd(f.fd, 0, libc::SEEK_CUR)?,
    };
    if unsafe { libc::ftruncate(f.fd, size) } != 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(size))
}

/// Closes the descriptor (when owned); the IOBase part (flush, closed
/// flag) runs first through the base class.
fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    let fd = match state(s) {
        Some(State::File(f)) => std::mem::replace(&mut f.fd, -1),
        _ => -1,
    };
    let owned = matches!(state(s), Some(State::File(f)) if f.closefd);
    if fd >= 0 && owned && unsafe { libc::close(fd) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

fn m_seekable(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("seekable", a, k, 0, 0)?;
    let f = file(s)?;
    if f.seekable.is_none() {
        f.seekable = Some(unsafe { libc::lseek(f.fd, 0, libc::SEEK_CUR) } >= 0);
    }
    Ok(bool_::from_bool(f.seekable.unwrap()))
}

fn m_readable(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("readable", a, k, 0, 0)?;
    Ok(bool_::from_bool(file(s)?.readable))
}

fn m_writable(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("writable", a, k, 0, 0)?;
    Ok(bool_::from_bool(file(s)?.writable))
}

fn m_fileno(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("fileno", a, k, 0, 0)?;
    Ok(int::from_i64(file(s)?.fd as i64))
}

fn m_isatty(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isatty", a, k, 0, 0)?;
    Ok(bool_::from_bool(unsafe { libc::isatty(file(s)?.fd) } == 1))
}

/// `_dealloc_warn(source)`: the "unclosed file" ResourceWarning for a
/// descriptor this object would have closed.
fn m_dealloc_warn(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("_dealloc_warn", a, k, 1, 1)?;
    dealloc_warn(s, &a[0]);
    Ok(none::none())
}

fn dealloc_warn(s: &Obj, source: &Obj) {
    if !matches!(state(s), Some(State::File(f)) if f.fd >= 0 && f.closefd) {
        return;
    }
    let saved = krait_runtime::errors::fetch();
    if let Err(e) = super::resource_warning(source, "unclosed file") {
        if krait_runtime::errors::matches(krait_runtime::types::exceptions::Warning()) {
            krait_runtime::errors::write_unraisable(e, Some(s));
        } else {
            krait_runtime::errors::clear();
        }
    }
    if let Some(v) = saved {
        let _ = krait_runtime::errors::restore(v);
    }
}

fn g_closed(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(!matches!(state(o), Some(State::File(f)) if f.fd >= 0)))
}

fn g_closefd(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(matches!(state(o), Some(State::File(f)) if f.closefd)))
}

fn g_mode(o: &Obj) -> PyResult<Obj> {
    match state(o) {
        Some(State::File(f)) => Ok(pystr::new(mode_string(f))),
        _ => Err(super::uninitialized()),
    }
}

fn g_blksize(o: &Obj) -> PyResult<Obj> {
    match state(o) {
        Some(State::File(f)) => Ok(int::from_i64(f.blksize)),
        _ => Err(super::uninitialized()),
    }
}

fn g_finalizing(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(matches!(state(o), Some(State::File(f)) if f.finalizing)))
}

fn repr(o: &Obj) -> PyResult<Obj> {
    let f = match state(o) {
        Some(State::File(f)) if f.fd >= 0 => f,
        _ => return Ok(pystr::new("<_io.FileIO [closed]>")),
    };
    let (fd, mode, closefd) = (f.fd, mode_string(f), if f.closefd { "True" } else { "False" });
    let name = krait_runtime::ops::attr::getattr_opt(o, &pystr::new("name"))?;
    let s = match name {
        None => format!("<_io.FileIO fd={} mode='{}' closefd={}>", fd, mode, closefd),
        Some(n) => {
            if krait_runtime::ops::repr_enter(o) {
                krait_runtime::bail!(RuntimeError, "reentrant call inside _io.FileIO.__repr__");
            }
            let r = krait_runtime::ops::repr_string(&n);
            krait_runtime::ops::repr_leave(o);
            format!("<_io.FileIO name={} mode='{}' closefd={}>", r?, mode, closefd)
        }
    };
    Ok(pystr::new(&s))
}
krait_runtime::unary_slot!(repr_slot => repr);

/// `close` for FileIO: IOBase.close (flush + closed flag) then the fd.
fn m_close_full(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    let base = super::iobase::base_close(s).map(|_| ());
    if matches!(state(s), Some(State::File(f)) if f.finalizing) {
        dealloc_warn(s, s);
    }
    let r = m_close(s, &[], None);
    base?;
    r
}

pub fn methods() -> Vec<MethodSpec> {
    vec![
        method("read", m_read),
        method("readall", m_readall),
        method("readinto", m_readinto),
        method("write", m_write),
        method("seek", m_seek),
        method("tell", m_tell),
        method("truncate", m_truncate),
        method("close", m_close_full),
        method("seekable", m_seekable),
        method("readable", m_readable),
        method("writable", m_writable),
        method("fileno", m_fileno),
        method("isatty", m_isatty),
        method("_dealloc_warn", m_dealloc_warn),
    ]
}

pub fn getset() -> Vec<GetSetSpec> {
    vec![
        GetSetSpec::get("closed", g_closed).with_doc("True if the file is closed"),
        GetSetSpec::get("closefd", g_closefd),
        GetSetSpec::get("mode", g_mode),
        GetSetSpec::get("_blksize", g_blksize),
        GetSetSpec::get("_finalizing", g_finalizing),
    ]
}
