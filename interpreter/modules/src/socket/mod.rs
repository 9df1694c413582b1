//! The `_socket` module that Lib/socket.py builds on: the `socket` type (a
//! file descriptor with its family, type, protocol and timeout), address
//! conversions (`address.rs`), name resolution (`resolve.rs`), and the
//! module's small helpers (byte order, inet_* conversions, default timeout,
//! interface names, CMSG sizes) with CPython 3.11's errors.
//!
//! Timeouts work as CPython's: a socket with a positive timeout is
//! non-blocking underneath; each call first waits with poll() for the time
//! left before the deadline and raises `TimeoutError("timed out")` when it
//! runs out. Every wait and blocking call releases the GIL, and a call
//! interrupted by a signal runs the handlers and resumes (PEP 475).

mod address;
mod consts;
mod resolve;

use crate::posix::args::{clinic, errno, os_error, strerror};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::gil::allow_threads;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::signals::check_signals;
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytes, dict, exceptions, float, int, list, module, none, str as pystr, tuple, type_};
use std::sync::atomic::{AtomicI64, Ordering};

pub(crate) use address::{make_sockaddr, parse_sockaddr, SockAddr};

#[repr(C)]
pub struct SockObject {
    ob_base: PyObject,
    fd: i32,
    family: i32,
    stype: i32,
    proto: i32,
    /// Nanoseconds; -1 for no timeout (blocking), 0 for non-blocking.
    timeout: i64,
}

static mut SOCK_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn sock_type() -> *mut PyTypeObject {
    &raw mut SOCK_TYPE
}

/// The default timeout of new sockets in nanoseconds (-1: none).
static DEFAULT_TIMEOUT: AtomicI64 = AtomicI64::new(-1);

fn sk(o: &Obj) -> &mut SockObject {
    unsafe { &mut *(o.as_ptr() as *mut SockObject) }
}

fn check_sock(o: &Obj) -> PyResult<&mut SockObject> {
    if !type_::is_subtype(o.type_ptr(), sock_type()) {
        bail!(TypeError, "descriptor requires a '_socket.socket' object but received '{}'", o.ty().name());
    }
    Ok(sk(o))
}

fn monotonic_ns() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

pub(crate) fn timeout_error() -> errors::PyErr {
    errors::raise_with(exceptions::TimeoutError(), &[pystr::new("timed out")])
}

fn set_blocking_fd(fd: i32, blocking: bool) -> PyResult<()> {
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(os_error(errno(), None, None));
        }
        let nf = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
        if nf != flags && libc::fcntl(fd, libc::F_SETFL, nf) < 0 {
            return Err(os_error(errno(), None, None));
        }
    }
    Ok(())
}

/// Waits with poll() until `fd` is readable (or writable) or `ns` passes;
/// Ok(false) on timeout. `ns < 0` waits forever.
fn wait_fd(fd: i32, writing: bool, ns: i64) -> PyResult<bool> {
    let deadline = if ns >= 0 { Some(monotonic_ns() + ns) } else { None };
    let mut left = ns;
    loop {
        let ms = if left < 0 { -1 } else { ((left + 999_999) / 1_000_000).min(i32::MAX as i64) as i32 };
        let (n, e) = allow_threads(|| {
            let mut p = libc::pollfd { fd, events: if writing { libc::POLLOUT } else { libc::POLLIN }, revents: 0 };
            let n = unsafe { libc::poll(&mut p, 1, ms) };
            (n, errno())
        });
        if n > 0 {
            return Ok(true);
        }
        if n == 0 {
            return Ok(false);
        }
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        check_signals()?;
        if let Some(d) = deadline {
            left = d - monotonic_ns();
            if left < 0 {
                return Ok(false);
            }
        }
    }
}

/// The outcome of a socket call that may time out without raising
/// (connect_ex).
pub(crate) enum CallErr {
    Timeout,
    Os(i32),
    Py(errors::PyErr),
}

/// Runs the system call `f` on `s` as CPython's sock_call: with a timeout,
/// poll first for the time left; retry on EINTR after the signal handlers,
/// and on EWOULDBLOCK when a timeout is set (a false positive of poll).
fn sock_call_raw<T: Copy>(
    fd: i32,
    timeout: i64,
    writing: bool,
    mut f: impl FnMut() -> (bool, T),
) -> Result<T, CallErr> {
    let deadline = if timeout > 0 { monotonic_ns() + timeout } else { 0 };
    loop {
        if timeout > 0 {
            let left = deadline - monotonic_ns();
            if left <= 0 {
                return Err(CallErr::Timeout);
            }
            match wait_fd(fd, writing, left) {
                Ok(true) => {}
                Ok(false) => return Err(CallErr::Timeout),
                Err(e) => return Err(CallErr::Py(e)),
            }
        }
        loop {
            let (ok, r, e) = allow_threads(|| {
                let (ok, r) = f();
                (ok, r, if ok { 0 } else { errno() })
            });
            if ok {
                return Ok(r);
            }
            if e == libc::EINTR {
                if let Err(x) = check_signals() {
                    return Err(CallErr::Py(x));
                }
                continue;
            }
            if timeout > 0 && (e == libc::EWOULDBLOCK || e == libc::EAGAIN) {
                break;
            }
            return Err(CallErr::Os(e));
        }
    }
}

fn sock_call<T: Copy>(o: &Obj, writing: bool, f: impl FnMut(i32) -> (bool, T)) -> PyResult<T> {
    let (fd, timeout) = {
        let s = sk(o);
        (s.fd, s.timeout)
    };
    let mut f = f;
    match sock_call_raw(fd, timeout, writing, || f(fd)) {
        Ok(v) => Ok(v),
        Err(CallErr::Timeout) => Err(timeout_error()),
        Err(CallErr::Os(e)) => Err(os_error(e, None, None)),
        Err(CallErr::Py(e)) => Err(e),
    }
}

// --- construction -------------------------------------------------------------

unsafe extern "C" fn sock_new(t: *mut PyTypeObject, a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    let p = type_::generic_new(t, a, k);
    if !p.is_null() {
        let s = &mut *(p as *mut SockObject);
        s.fd = -1;
        s.family = 0;
        s.stype = 0;
        s.proto = 0;
        s.timeout = -1;
    }
    p
}

/// Records fd/family/type/proto and applies the default timeout (or the
/// non-blocking flag given in the type).
fn init_fields(o: &Obj, fd: i32, family: i32, stype: i32, proto: i32) -> PyResult<()> {
    let s = sk(o);
    s.fd = fd;
    s.family = family;
    s.stype = stype & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    s.proto = proto;
    if stype & libc::SOCK_NONBLOCK != 0 {
        s.timeout = 0;
    } else {
        s.timeout = DEFAULT_TIMEOUT.load(Ordering::Relaxed);
        if s.timeout >= 0 {
            set_blocking_fd(fd, false)?;
        }
    }
    Ok(())
}

fn int_arg(o: &Option<Obj>, default: i32) -> PyResult<i32> {
    match o {
        None => Ok(default),
        Some(v) => crate::posix::args::to_int(v),
    }
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: i32 = 0;
    let mut len = std::mem::size_of::<i32>() as libc::socklen_t;
    let r = unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut i32 as *mut libc::c_void, &mut len) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(v)
    }
}

fn sock_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let (v, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = clinic("socket", &v, kwn.as_ref(), &["family", "type", "proto", "fileno"], 0, 4, 0)?;
    let mut family = int_arg(&a[0], -1)?;
    let mut stype = int_arg(&a[1], -1)?;
    let mut proto = int_arg(&a[2], -1)?;
    let fileno = a[3].clone().filter(|f| !none::is_none(f));
    let fd = match fileno {
        Some(f) => {
            if float::is_float(&f) {
                bail!(TypeError, "'float' object cannot be interpreted as an integer");
            }
            let fd = int::as_c_int(&int::index(&f)?)?;
            if fd < 0 {
                bail!(ValueError, "negative file descriptor");
            }
            if family == -1 {
                family = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN).map_err(|e| os_error(e, None, None))?;
            }
            if stype == -1 {
                stype = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).map_err(|e| os_error(e, None, None))?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).map_err(|e| os_error(e, None, None))?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            krait_runtime::modules::sys::audit(
                "socket.__new__",
                &[o.clone(), int::from_i64(family as i64), int::from_i64(if stype == -1 { libc::SOCK_STREAM } else { stype } as i64), int::from_i64(if proto == -1 { 0 } else { proto } as i64)],
            )?;
            if stype == -1 {
                stype = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            let fd = allow_threads(|| unsafe { libc::socket(family, stype | libc::SOCK_CLOEXEC, proto) });
            if fd < 0 {
                return Err(os_error(errno(), None, None));
            }
            fd
        }
    };
    // Re-initialising an open socket object drops the old descriptor as
    // CPython does (it simply overwrites it).
    init_fields(o, fd, family, stype, proto)
}
krait_runtime::init_slot!(sock_init_slot => sock_init);

/// A new `_socket.socket` for an accepted or paired descriptor.
fn new_sock(fd: i32, family: i32, stype: i32, proto: i32) -> PyResult<Obj> {
    let p = unsafe { sock_new(sock_type(), std::ptr::null_mut(), std::ptr::null_mut()) };
    if p.is_null() {
        return Err(errors::PyErr::already_set());
    }
    let o = unsafe { Obj::from_owned(p) };
    init_fields(&o, fd, family, stype, proto)?;
    Ok(o)
}

fn close_fd(fd: i32) -> PyResult<()> {
    let r = allow_threads(|| unsafe { libc::close(fd) });
    if r < 0 {
        let e = errno();
        // A reset connection is not an error of close (bpo-30319).
        if e != libc::ECONNRESET {
            return Err(os_error(e, None, None));
        }
    }
    Ok(())
}

unsafe extern "C" fn sock_finalize(p: *mut PyObject) {
    let o = Obj::from_borrowed(p);
    let fd = sk(&o).fd;
    if fd == -1 {
        return;
    }
    let saved = errors::fetch();
    // "unclosed <socket ...>" as a ResourceWarning with the socket as source.
    let r = (|| -> PyResult<()> {
        let rep = krait_runtime::ops::repr(&o)?;
        let msg = format!("unclosed {}", pystr::to_string_lossy(&rep));
        resource_warning(&o, &msg)
    })();
    if let Err(e) = r {
        errors::write_unraisable(e, Some(&o));
    }
    let s = sk(&o);
    if s.fd != -1 {
        let fd = std::mem::replace(&mut s.fd, -1);
        unsafe { libc::close(fd) };
    }
    if let Some(v) = saved {
        let _ = errors::restore(v);
    }
}

fn resource_warning(src: &Obj, msg: &str) -> PyResult<()> {
    let w = krait_runtime::import::import_module_level(&pystr::new("warnings"), None, None, 0)?;
    let f = krait_runtime::ops::attr::getattr(&w, &pystr::new("warn"))?;
    let cat = type_::type_obj(exceptions::ResourceWarning());
    let kw = tuple::new(&[pystr::new("stacklevel"), pystr::new("source")]);
    krait_runtime::ops::call::call(&f, &[pystr::new(msg), cat, int::from_i64(1), src.clone()], Some(&kw))?;
    Ok(())
}

unsafe extern "C" fn sock_dealloc(p: *mut PyObject) {
    if (*(p as *mut SockObject)).fd != -1 && (*p).ob_type == sock_type() && !krait_runtime::gc::is_finalized(p) {
        (*p).ob_refcnt = 1;
        if (*(*p).ob_type).has_flag(krait_runtime::object::tpflags::HAVE_GC) {
            krait_runtime::gc::track_again(p);
        }
        krait_runtime::gc::call_finalizer(p);
        (*p).ob_refcnt -= 1;
        if (*p).ob_refcnt > 0 {
            return;
        }
    }
    let s = &mut *(p as *mut SockObject);
    if s.fd != -1 {
        libc::close(s.fd);
        s.fd = -1;
    }
    type_::free_instance(p);
}

// --- methods --------------------------------------------------------------------

fn none_ok() -> PyResult<Obj> {
    Ok(none::none())
}

fn s_accept(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("_accept", a, kw, 0, 0)?;
    let mut addr = SockAddr::new();
    let fd = sock_call(o, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        let r = unsafe { libc::accept4(fd, addr.as_mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) };
        (r >= 0, r)
    })?;
    let family = sk(o).family;
    let a = match make_sockaddr(&addr, family) {
        Ok(a) => a,
        Err(e) => {
            unsafe { libc::close(fd) };
            return Err(e);
        }
    };
    Ok(tuple::from_vec(vec![int::from_i64(fd as i64), a]))
}

fn s_bind(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("bind", a, kw, 1, 1)?;
    let s = sk(o);
    let (fd, family) = (s.fd, s.family);
    let addr = parse_sockaddr(family, &a[0], "bind")?;
    krait_runtime::modules::sys::audit("socket.bind", &[o.clone(), a[0].clone()])?;
    let r = allow_threads(|| unsafe { libc::bind(fd, addr.as_ptr(), addr.len) });
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    none_ok()
}

fn s_close(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("close", a, kw, 0, 0)?;
    let s = sk(o);
    if s.fd != -1 {
        let fd = std::mem::replace(&mut s.fd, -1);
        close_fd(fd)?;
    }
    none_ok()
}

fn s_detach(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("detach", a, kw, 0, 0)?;
    let fd = std::mem::replace(&mut sk(o).fd, -1);
    Ok(int::from_i64(fd as i64))
}

fn s_fileno(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("fileno", a, kw, 0, 0)?;
    Ok(int::from_i64(sk(o).fd as i64))
}

fn s_dup(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("dup", a, kw, 0, 0)?;
    let s = sk(o);
    let (fd, family, stype, proto) = (s.fd, s.family, s.stype, s.proto);
    let nfd = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if nfd < 0 {
        return Err(os_error(errno(), None, None));
    }
    match new_sock(nfd, family, stype, proto) {
        Ok(x) => Ok(x),
        Err(e) => {
            unsafe { libc::close(nfd) };
            Err(e)
        }
    }
}

/// connect() with CPython's handling of interruption and timeouts. Ok(0)
/// on success, Ok(errno) for connect_ex's failures when `raise` is false.
fn do_connect(o: &Obj, addr: &SockAddr, raise: bool) -> PyResult<i32> {
    let (fd, timeout) = {
        let s = sk(o);
        (s.fd, s.timeout)
    };
    let (r, mut e) = allow_threads(|| {
        let r = unsafe { libc::connect(fd, addr.as_ptr(), addr.len) };
        (r, if r < 0 { errno() } else { 0 })
    });
    if r == 0 {
        return Ok(0);
    }
    if e == libc::EINTR {
        check_signals()?;
    }
    let wait = (e == libc::EINTR) || (timeout > 0 && e == libc::EINPROGRESS);
    if wait {
        // Wait until the connection completes, then read its outcome.
        let ok = if timeout > 0 { wait_fd(fd, true, timeout)? } else { wait_fd(fd, true, -1)? };
        if !ok {
            if raise {
                return Err(timeout_error());
            }
            return Ok(libc::EWOULDBLOCK);
        }
        e = match getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR) {
            Ok(v) => v,
            Err(x) => x,
        };
        if e == 0 {
            return Ok(0);
        }
    }
    if raise {
        return Err(os_error(e, None, None));
    }
    Ok(e)
}

fn s_connect(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("connect", a, kw, 1, 1)?;
    let addr = parse_sockaddr(sk(o).family, &a[0], "connect")?;
    krait_runtime::modules::sys::audit("socket.connect", &[o.clone(), a[0].clone()])?;
    do_connect(o, &addr, true)?;
    none_ok()
}

fn s_connect_ex(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("connect_ex", a, kw, 1, 1)?;
    let addr = parse_sockaddr(sk(o).family, &a[0], "connect_ex")?;
    krait_runtime::modules::sys::audit("socket.connect", &[o.clone(), a[0].clone()])?;
    Ok(int::from_i64(do_connect(o, &addr, false)? as i64))
}

fn s_getpeername(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("getpeername", a, kw, 0, 0)?;
    let s = sk(o);
    let mut addr = SockAddr::new();
    let r = unsafe { libc::getpeername(s.fd, addr.as_mut_ptr(), &mut addr.len) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    make_sockaddr(&addr, s.family)
}

fn s_getsockname(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("getsockname", a, kw, 0, 0)?;
    let s = sk(o);
    let mut addr = SockAddr::new();
    let r = unsafe { libc::getsockname(s.fd, addr.as_mut_ptr(), &mut addr.len) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    make_sockaddr(&addr, s.family)
}

fn s_getsockopt(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("getsockopt", kw)?;
    if a.len() < 2 || a.len() > 3 {
        bail!(TypeError, "getsockopt() takes at {} 2 arguments ({} given)", if a.len() < 2 { "least" } else { "most" }, a.len());
    }
    let level = crate::posix::args::to_int(&a[0])?;
    let opt = crate::posix::args::to_int(&a[1])?;
    let buflen = match a.get(2) {
        Some(b) => crate::posix::args::to_int(b)?,
        None => 0,
    };
    let fd = sk(o).fd;
    if buflen == 0 {
        let v = getsockopt_int(fd, level, opt).map_err(|e| os_error(e, None, None))?;
        return Ok(int::from_i64(v as i64));
    }
    if buflen <= 0 || buflen > 1024 {
        bail!(OSError, "getsockopt buflen out of range");
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    let r = unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    buf.truncate(len as usize);
    Ok(bytes::new(&buf))
}

fn s_setsockopt(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("setsockopt", kw)?;
    let fd = sk(o).fd;
    if a.len() == 4 {
        let level = crate::posix::args::to_int(&a[0])?;
        let opt = crate::posix::args::to_int(&a[1])?;
        if !none::is_none(&a[2]) {
            bail!(TypeError, "setsockopt() argument 3 must be None, not {}", a[2].ty().name());
        }
        let optlen = as_u32(&a[3])?;
        let r = unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), optlen) };
        if r < 0 {
            return Err(os_error(errno(), None, None));
        }
        return none_ok();
    }
    if a.len() != 3 {
        bail!(TypeError, "setsockopt() takes exactly 3 arguments ({} given)", a.len());
    }
    let level = crate::posix::args::to_int(&a[0])?;
    let opt = crate::posix::args::to_int(&a[1])?;
    let r = if int::is_int(&a[2]) {
        let v = int::as_c_int(&a[2])?;
        unsafe {
            libc::setsockopt(fd, level, opt, &v as *const i32 as *const libc::c_void, std::mem::size_of::<i32>() as libc::socklen_t)
        }
    } else {
        let b = buffer::bytes_like(&a[2])?;
        let d = b.as_slice();
        unsafe { libc::setsockopt(fd, level, opt, d.as_ptr() as *const libc::c_void, d.len() as libc::socklen_t) }
    };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    none_ok()
}

fn as_u32(o: &Obj) -> PyResult<u32> {
    let v = crate::posix::args::to_long(o)?;
    if v < 0 {
        bail!(OverflowError, "can't convert negative value to unsigned int");
    }
    if v > u32::MAX as i64 {
        bail!(OverflowError, "Python int too large to convert to C unsigned long");
    }
    Ok(v as u32)
}

fn s_listen(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("listen", kw)?;
    if a.len() > 1 {
        bail!(TypeError, "listen() takes at most 1 argument ({} given)", a.len());
    }
    let backlog = match a.first() {
        Some(b) => crate::posix::args::to_int(b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    let fd = sk(o).fd;
    let r = allow_threads(|| unsafe { libc::listen(fd, backlog) });
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    none_ok()
}

fn flags_arg(a: Option<&Obj>) -> PyResult<i32> {
    match a {
        Some(f) => crate::posix::args::to_int(f),
        None => Ok(0),
    }
}

fn s_recv(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("recv", a, kw, 1, 2)?;
    let n = crate::posix::args::to_ssize(&a[0])?;
    if n < 0 {
        bail!(ValueError, "negative buffersize in recv");
    }
    let flags = flags_arg(a.get(1))?;
    let mut buf = vec![0u8; n as usize];
    let p = buf.as_mut_ptr() as usize;
    let got = sock_call(o, false, |fd| {
        let r = unsafe { libc::recv(fd, p as *mut libc::c_void, n as usize, flags) };
        (r >= 0, r)
    })?;
    buf.truncate(got as usize);
    Ok(bytes::new(&buf))
}

fn s_recv_into(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("recv_into", a, kw, &["buffer", "nbytes", "flags"], 0, 3, 1)?;
    let mut b = Buffer::get(v[0].as_ref().unwrap(), buffer::WRITABLE)?;
    let mut n = match &v[1] {
        Some(x) => crate::posix::args::to_ssize(x)?,
        None => 0,
    };
    let flags = flags_arg(v[2].as_ref())?;
    if n < 0 {
        bail!(ValueError, "negative buffersize in recv_into");
    }
    let dst = b.as_mut_slice();
    if n == 0 {
        n = dst.len() as isize;
    }
    if n as usize > dst.len() {
        bail!(ValueError, "buffer too small for requested bytes");
    }
    let p = dst.as_mut_ptr() as usize;
    let got = sock_call(o, false, |fd| {
        let r = unsafe { libc::recv(fd, p as *mut libc::c_void, n as usize, flags) };
        (r >= 0, r)
    })?;
    Ok(int::from_i64(got as i64))
}

fn recvfrom_into_buf(o: &Obj, p: usize, n: usize, flags: i32) -> PyResult<(isize, Obj)> {
    let mut addr = SockAddr::new();
    let got = sock_call(o, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        let r = unsafe { libc::recvfrom(fd, p as *mut libc::c_void, n, flags, addr.as_mut_ptr(), &mut addr.len) };
        (r >= 0, r)
    })?;
    let ad = if addr.len == 0 { none::none() } else { make_sockaddr(&addr, sk(o).family)? };
    Ok((got, ad))
}

fn s_recvfrom(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("recvfrom", a, kw, 1, 2)?;
    let n = crate::posix::args::to_ssize(&a[0])?;
    if n < 0 {
        bail!(ValueError, "negative buffersize in recvfrom");
    }
    let flags = flags_arg(a.get(1))?;
    let mut buf = vec![0u8; n as usize];
    let (got, ad) = recvfrom_into_buf(o, buf.as_mut_ptr() as usize, n as usize, flags)?;
    buf.truncate(got as usize);
    Ok(tuple::from_vec(vec![bytes::new(&buf), ad]))
}

fn s_recvfrom_into(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("recvfrom_into", a, kw, &["buffer", "nbytes", "flags"], 0, 3, 1)?;
    let mut b = Buffer::get(v[0].as_ref().unwrap(), buffer::WRITABLE)?;
    let mut n = match &v[1] {
        Some(x) => crate::posix::args::to_ssize(x)?,
        None => 0,
    };
    let flags = flags_arg(v[2].as_ref())?;
    if n < 0 {
        bail!(ValueError, "negative buffersize in recvfrom_into");
    }
    let dst = b.as_mut_slice();
    if n == 0 {
        n = dst.len() as isize;
    } else if n as usize > dst.len() {
        bail!(ValueError, "nbytes is greater than the length of the buffer");
    }
    let (got, ad) = recvfrom_into_buf(o, dst.as_mut_ptr() as usize, n as usize, flags)?;
    Ok(tuple::from_vec(vec![int::from_i64(got as i64), ad]))
}

fn s_send(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("send", a, kw, 1, 2)?;
    let b = buffer::bytes_like(&a[0])?;
    let flags = flags_arg(a.get(1))?;
    let d = b.as_slice();
    let (p, n) = (d.as_ptr() as usize, d.len());
    let sent = sock_call(o, true, |fd| {
        let r = unsafe { libc::send(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL) };
        (r >= 0, r)
    })?;
    Ok(int::from_i64(sent as i64))
}

fn s_sendall(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("sendall", a, kw, 1, 2)?;
    let b = buffer::bytes_like(&a[0])?;
    let flags = flags_arg(a.get(1))?;
    let d = b.as_slice();
    let (fd, timeout) = {
        let s = sk(o);
        (s.fd, s.timeout)
    };
    let deadline = if timeout > 0 { monotonic_ns() + timeout } else { 0 };
    let mut off = 0usize;
    while off < d.len() {
        let left = if timeout > 0 {
            let l = deadline - monotonic_ns();
            if l <= 0 {
                return Err(timeout_error());
            }
            l
        } else {
            timeout
        };
        let (p, n) = (d[off..].as_ptr() as usize, d.len() - off);
        let r = sock_call_raw(fd, left, true, || {
            let r = unsafe { libc::send(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL) };
            (r >= 0, r)
        });
        match r {
            Ok(k) => off += k as usize,
            Err(CallErr::Timeout) => return Err(timeout_error()),
            Err(CallErr::Os(e)) => return Err(os_error(e, None, None)),
            Err(CallErr::Py(e)) => return Err(e),
        }
        check_signals()?;
    }
    none_ok()
}

fn s_sendto(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("sendto", kw)?;
    let (data, flags, addr) = match a.len() {
        2 => (&a[0], 0, &a[1]),
        3 => (&a[0], crate::posix::args::to_int(&a[1])?, &a[2]),
        n => bail!(TypeError, "sendto() takes 2 or 3 arguments ({} given)", n),
    };
    let b = buffer::bytes_like(data)?;
    let sa = parse_sockaddr(sk(o).family, addr, "sendto")?;
    krait_runtime::modules::sys::audit("socket.sendto", &[o.clone(), addr.clone()])?;
    let d = b.as_slice();
    let (p, n) = (d.as_ptr() as usize, d.len());
    let sent = sock_call(o, true, |fd| {
        let r = unsafe { libc::sendto(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL, sa.as_ptr(), sa.len) };
        (r >= 0, r)
    })?;
    Ok(int::from_i64(sent as i64))
}

fn s_shutdown(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("shutdown", a, kw, 1, 1)?;
    let how = crate::posix::args::to_int(&a[0])?;
    let fd = sk(o).fd;
    let r = allow_threads(|| unsafe { libc::shutdown(fd, how) });
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    none_ok()
}

fn s_setblocking(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("setblocking", a, kw, 1, 1)?;
    let block = krait_runtime::ops::truthy(&a[0])?;
    let s = sk(o);
    s.timeout = if block { -1 } else { 0 };
    set_blocking_fd(s.fd, block)?;
    none_ok()
}

fn s_getblocking(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("getblocking", a, kw, 0, 0)?;
    Ok(bool_::from_bool(sk(o).timeout != 0))
}

/// A timeout argument in nanoseconds (-1 for None), rounded up as CPython's
/// _PyTime_ROUND_TIMEOUT.
pub(crate) fn parse_timeout(v: &Obj) -> PyResult<i64> {
    if none::is_none(v) {
        return Ok(-1);
    }
    let ns: i64 = if float::is_float(v) {
        let d = float::value(v);
        if d.is_nan() {
            bail!(ValueError, "Invalid value NaN (not a number)");
        }
        let x = (d * 1e9).ceil();
        if !(-9.2e18..9.2e18).contains(&x) {
            bail!(OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
        x as i64
    } else {
        let i = int::index_raw(v)?;
        match int::as_i64(&i).and_then(|s| s.checked_mul(1_000_000_000)) {
            Some(ns) => ns,
            None => bail!(OverflowError, "timestamp too large to convert to C _PyTime_t"),
        }
    };
    if ns < 0 {
        bail!(ValueError, "Timeout value out of range");
    }
    Ok(ns)
}

fn timeout_obj(ns: i64) -> Obj {
    if ns < 0 {
        none::none()
    } else {
        float::from_f64(ns as f64 / 1e9)
    }
}

fn s_settimeout(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("settimeout", a, kw, 1, 1)?;
    let t = parse_timeout(&a[0])?;
    let s = sk(o);
    s.timeout = t;
    set_blocking_fd(s.fd, t < 0)?;
    none_ok()
}

fn s_gettimeout(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("gettimeout", a, kw, 0, 0)?;
    Ok(timeout_obj(sk(o).timeout))
}

fn s_sendmsg(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("sendmsg", a, kw, 1, 4)?;
    let bufs: Vec<Buffer> = {
        let items = krait_runtime::ops::seq::to_vec(&a[0]).map_err(|_| {
            errors::raise(exceptions::TypeError(), "sendmsg() argument 1 must be an iterable")
        })?;
        let mut v = Vec::new();
        for it in &items {
            v.push(buffer::bytes_like(it)?);
        }
        v
    };
    // Ancillary data: an iterable of (level, type, data).
    let mut anc: Vec<(i32, i32, Vec<u8>)> = Vec::new();
    if let Some(ad) = a.get(1) {
        for item in krait_runtime::ops::seq::to_vec(ad)? {
            let t = if tuple::is_tuple(&item) { tuple::items(&item).to_vec() } else { krait_runtime::ops::seq::to_vec(&item)? };
            if t.len() != 3 {
                bail!(TypeError, "[sendmsg() ancillary data items]() argument must be sequence of length 3, not {}", t.len());
            }
            let level = crate::posix::args::to_int(&t[0])?;
            let ty = crate::posix::args::to_int(&t[1])?;
            let data = buffer::bytes_like(&t[2])?.as_slice().to_vec();
            anc.push((level, ty, data));
        }
    }
    let flags = flags_arg(a.get(2))?;
    let addr = match a.get(3) {
        Some(x) if !none::is_none(x) => Some(parse_sockaddr(sk(o).family, x, "sendmsg")?),
        _ => None,
    };
    let space: usize = anc.iter().map(|(_, _, d)| unsafe { libc::CMSG_SPACE(d.len() as u32) } as usize).sum();
    let mut control = vec![0u8; space];
    let mut iov: Vec<libc::iovec> =
        bufs.iter().map(|b| libc::iovec { iov_base: b.as_slice().as_ptr() as *mut libc::c_void, iov_len: b.len() }).collect();
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    if let Some(ad) = &addr {
        msg.msg_name = ad.as_ptr() as *mut libc::c_void;
        msg.msg_namelen = ad.len;
    }
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len();
    if space > 0 {
        msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = space;
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            for (level, ty, d) in &anc {
                (*c).cmsg_level = *level;
                (*c).cmsg_type = *ty;
                (*c).cmsg_len = libc::CMSG_LEN(d.len() as u32) as usize;
                std::ptr::copy_nonoverlapping(d.as_ptr(), libc::CMSG_DATA(c), d.len());
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    let mp = &msg as *const libc::msghdr as usize;
    let sent = sock_call(o, true, |fd| {
        let r = unsafe { libc::sendmsg(fd, mp as *const libc::msghdr, flags | libc::MSG_NOSIGNAL) };
        (r >= 0, r)
    })?;
    Ok(int::from_i64(sent as i64))
}

fn s_recvmsg(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("recvmsg", a, kw, 1, 3)?;
    let n = crate::posix::args::to_ssize(&a[0])?;
    if n < 0 {
        bail!(ValueError, "negative buffer size in recvmsg()");
    }
    let ancsize = match a.get(1) {
        Some(x) => crate::posix::args::to_ssize(x)?,
        None => 0,
    };
    if ancsize < 0 {
        bail!(ValueError, "negative buffer size in recvmsg()");
    }
    let flags = flags_arg(a.get(2))?;
    let mut buf = vec![0u8; n as usize];
    let mut control = vec![0u8; ancsize as usize];
    let mut addr = SockAddr::new();
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr() as *mut libc::c_void, iov_len: n as usize };
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    let mp = &mut msg as *mut libc::msghdr as usize;
    let got = sock_call(o, false, |fd| {
        let m = mp as *mut libc::msghdr;
        unsafe {
            (*m).msg_name = addr.as_mut_ptr() as *mut libc::c_void;
            (*m).msg_namelen = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            (*m).msg_iov = &mut iov;
            (*m).msg_iovlen = 1;
            (*m).msg_control = if ancsize > 0 { control.as_mut_ptr() as *mut libc::c_void } else { std::ptr::null_mut() };
            (*m).msg_controllen = ancsize as usize;
            (*m).msg_flags = 0;
        }
        let r = unsafe { libc::recvmsg(fd, m, flags) };
        (r >= 0, r)
    })?;
    addr.len = msg.msg_namelen;
    buf.truncate(got as usize);
    let mut items = Vec::new();
    if msg.msg_controllen > 0 && !msg.msg_control.is_null() {
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            let end = (msg.msg_control as usize) + msg.msg_controllen;
            while !c.is_null() {
                let data = libc::CMSG_DATA(c) as usize;
                let mut dlen = (*c).cmsg_len.saturating_sub(data - c as usize);
                if data + dlen > end {
                    dlen = end.saturating_sub(data);
                }
                let d = std::slice::from_raw_parts(data as *const u8, dlen);
                items.push(tuple::from_vec(vec![
                    int::from_i64((*c).cmsg_level as i64),
                    int::from_i64((*c).cmsg_type as i64),
                    bytes::new(d),
                ]));
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    let ad = if addr.len == 0 { none::none() } else { make_sockaddr(&addr, sk(o).family)? };
    Ok(tuple::from_vec(vec![bytes::new(&buf), list::from_vec(items), int::from_i64(msg.msg_flags as i64), ad]))
}

fn s_repr(o: &Obj) -> PyResult<Obj> {
    let s = sk(o);
    Ok(pystr::new(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd, s.family, s.stype, s.proto
    )))
}
krait_runtime::unary_slot!(s_repr_slot => s_repr);

fn g_family(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(check_sock(o)?.family as i64))
}
fn g_type(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(check_sock(o)?.stype as i64))
}
fn g_proto(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(check_sock(o)?.proto as i64))
}
fn g_timeout(o: &Obj) -> PyResult<Obj> {
    Ok(timeout_obj(check_sock(o)?.timeout))
}

// --- module functions -------------------------------------------------------------

fn f_socketpair(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("socketpair", a, kw, 0, 3)?;
    let family = match a.first() {
        Some(x) => crate::posix::args::to_int(x)?,
        None => libc::AF_UNIX,
    };
    let stype = match a.get(1) {
        Some(x) => crate::posix::args::to_int(x)?,
        None => libc::SOCK_STREAM,
    };
    let proto = match a.get(2) {
        Some(x) => crate::posix::args::to_int(x)?,
        None => 0,
    };
    let mut sv = [0i32; 2];
    let r = unsafe { libc::socketpair(family, stype | libc::SOCK_CLOEXEC, proto, sv.as_mut_ptr()) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    let a = match new_sock(sv[0], family, stype, proto) {
        Ok(x) => x,
        Err(e) => {
            unsafe { libc::close(sv[0]) };
            unsafe { libc::close(sv[1]) };
            return Err(e);
        }
    };
    let b = match new_sock(sv[1], family, stype, proto) {
        Ok(x) => x,
        Err(e) => {
            unsafe { libc::close(sv[1]) };
            return Err(e);
        }
    };
    Ok(tuple::from_vec(vec![a, b]))
}

fn f_dup(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("dup", a, kw, 1, 1)?;
    let fd = crate::posix::args::to_int(&a[0])?;
    let nfd = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if nfd < 0 {
        return Err(os_error(errno(), None, None));
    }
    Ok(int::from_i64(nfd as i64))
}

fn f_close(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("close", a, kw, 1, 1)?;
    let fd = crate::posix::args::to_int(&a[0])?;
    close_fd(fd)?;
    none_ok()
}

fn f_getdefaulttimeout(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("getdefaulttimeout", a, kw, 0, 0)?;
    Ok(timeout_obj(DEFAULT_TIMEOUT.load(Ordering::Relaxed)))
}

fn f_setdefaulttimeout(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("setdefaulttimeout", a, kw, 1, 1)?;
    DEFAULT_TIMEOUT.store(parse_timeout(&a[0])?, Ordering::Relaxed);
    none_ok()
}

/// The 16-bit conversions' argument checks (htons/ntohs).
fn u16_arg(name: &str, o: &Obj) -> PyResult<u16> {
    if !int::is_int(o) {
        bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name());
    }
    match int::as_i64(o) {
        None => bail!(OverflowError, "Python int too large to convert to C long"),
        Some(v) if v < 0 => {
            bail!(OverflowError, "{}: can't convert negative Python int to C 16-bit unsigned integer", name)
        }
        Some(v) if v > 0xffff => {
            bail!(OverflowError, "{}: Python int too large to convert to C 16-bit unsigned integer", name)
        }
        Some(v) => Ok(v as u16),
    }
}

fn u32_arg(o: &Obj) -> PyResult<u32> {
    if !int::is_int(o) {
        bail!(TypeError, "expected int, {} found", o.ty().name());
    }
    if int::sign(o) < 0 {
        bail!(OverflowError, "can't convert negative value to unsigned int");
    }
    match int::as_u64(o) {
        Some(v) if v <= u32::MAX as u64 => Ok(v as u32),
        Some(_) => bail!(OverflowError, "int larger than 32 bits"),
        None => bail!(OverflowError, "Python int too large to convert to C unsigned long"),
    }
}

fn f_htons(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("htons", a, kw, 1, 1)?;
    Ok(int::from_i64(u16_arg("htons", &a[0])?.to_be() as i64))
}
fn f_ntohs(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("ntohs", a, kw, 1, 1)?;
    Ok(int::from_i64(u16::from_be(u16_arg("ntohs", &a[0])?) as i64))
}
fn f_htonl(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("htonl", a, kw, 1, 1)?;
    Ok(int::from_i64(u32_arg(&a[0])?.to_be() as i64))
}
fn f_ntohl(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("ntohl", a, kw, 1, 1)?;
    Ok(int::from_i64(u32::from_be(u32_arg(&a[0])?) as i64))
}

fn f_cmsg_len(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("CMSG_LEN", a, kw, 1, 1)?;
    let n = crate::posix::args::to_ssize(&a[0])?;
    let hdr = unsafe { libc::CMSG_LEN(0) } as i64;
    if n < 0 || (n as i64) > i32::MAX as i64 - hdr {
        bail!(OverflowError, "CMSG_LEN() argument out of range");
    }
    Ok(int::from_i64(unsafe { libc::CMSG_LEN(n as u32) } as i64))
}

fn f_cmsg_space(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("CMSG_SPACE", a, kw, 1, 1)?;
    let n = crate::posix::args::to_ssize(&a[0])?;
    let hdr = unsafe { libc::CMSG_SPACE(0) } as i64;
    if n < 0 || (n as i64) > i32::MAX as i64 - hdr - 8 {
        bail!(OverflowError, "CMSG_SPACE() argument out of range");
    }
    Ok(int::from_i64(unsafe { libc::CMSG_SPACE(n as u32) } as i64))
}

fn f_if_nameindex(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("if_nameindex", a, kw, 0, 0)?;
    let ni = unsafe { libc::if_nameindex() };
    if ni.is_null() {
        return Err(os_error(errno(), None, None));
    }
    let mut out = Vec::new();
    let mut p = ni;
    let r = (|| -> PyResult<()> {
        unsafe {
            while (*p).if_index != 0 {
                let name = std::ffi::CStr::from_ptr((*p).if_name).to_bytes();
                out.push(tuple::from_vec(vec![
                    int::from_i64((*p).if_index as i64),
                    crate::posix::args::fs_decode(name)?,
                ]));
                p = p.add(1);
            }
        }
        Ok(())
    })();
    unsafe { libc::if_freenameindex(ni) };
    r?;
    Ok(list::from_vec(out))
}

fn f_if_nametoindex(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("if_nametoindex", a, kw, 1, 1)?;
    let name = address::fs_converter(&a[0])?;
    let c = match std::ffi::CString::new(name) {
        Ok(c) => c,
        Err(_) => bail!(ValueError, "embedded null byte"),
    };
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if i == 0 {
        bail!(OSError, "no interface with this name");
    }
    Ok(int::from_i64(i as i64))
}

fn f_if_indextoname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("if_indextoname", a, kw, 1, 1)?;
    if !int::is_int(&a[0]) {
        bail!(TypeError, "an integer is required");
    }
    let i = match int::as_u64(&a[0]) {
        Some(v) if v <= u32::MAX as u64 => v as u32,
        _ => bail!(OverflowError, "index is too large"),
    };
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    let r = unsafe { libc::if_indextoname(i, buf.as_mut_ptr()) };
    if r.is_null() {
        return Err(os_error(errno(), None, None));
    }
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_bytes();
    crate::posix::args::fs_decode(name)
}

fn init_type() -> PyResult<()> {
    unsafe {
        let t = sock_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        type_::init_static(t, "_socket.socket", std::mem::size_of::<SockObject>(), 0);
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_new = Some(sock_new);
        (*t).tp_alloc = Some(type_::generic_alloc);
        (*t).tp_init = Some(sock_init_slot);
        (*t).tp_dealloc = Some(sock_dealloc);
        (*t).tp_finalize = Some(sock_finalize);
        (*t).tp_repr = Some(s_repr_slot);
        (*t).tp_doc = krait_runtime::types::builtin_func::cstr(
            "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.",
        );
        (*t).tp_methods = method_table(&[
            method("_accept", s_accept),
            method("bind", s_bind),
            method("close", s_close),
            method("connect", s_connect),
            method("connect_ex", s_connect_ex),
            method("detach", s_detach),
            method("dup", s_dup),
            method("fileno", s_fileno),
            method("getpeername", s_getpeername),
            method("getsockname", s_getsockname),
            method("getsockopt", s_getsockopt),
            method("setsockopt", s_setsockopt),
            method("listen", s_listen),
            method("recv", s_recv),
            method("recv_into", s_recv_into),
            method("recvfrom", s_recvfrom),
            method("recvfrom_into", s_recvfrom_into),
            method("send", s_send),
            method("sendall", s_sendall),
            method("sendto", s_sendto),
            method("sendmsg", s_sendmsg),
            method("recvmsg", s_recvmsg),
            method("shutdown", s_shutdown),
            method("setblocking", s_setblocking),
            method("getblocking", s_getblocking),
            method("settimeout", s_settimeout),
            method("gettimeout", s_gettimeout),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("family", g_family),
            GetSetSpec::get("type", g_type),
            GetSetSpec::get("proto", g_proto),
            GetSetSpec::get("timeout", g_timeout),
        ]);
        type_::ready(t)?;
        dict::set_item_str(type_::type_dict(t), "__module__", &pystr::new("_socket"))?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_type()?;
    let m = module::new("_socket")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Implementation module for socket operations.\n\nSee the socket module for documentation."))?;
    let st = type_::type_obj(sock_type());
    dict::set_item_str(&d, "socket", &st)?;
    dict::set_item_str(&d, "SocketType", &st)?;
    let oserror = type_::type_obj(exceptions::OSError());
    dict::set_item_str(&d, "error", &oserror)?;
    dict::set_item_str(&d, "timeout", &type_::type_obj(exceptions::TimeoutError()))?;
    dict::set_item_str(&d, "herror", &resolve::herror()?)?;
    dict::set_item_str(&d, "gaierror", &resolve::gaierror()?)?;
    dict::set_item_str(&d, "has_ipv6", &bool_::from_bool(true))?;
    for (name, v) in consts::CONSTANTS {
        dict::set_item_str(&d, name, &int::from_i64(*v))?;
    }
    let fns: &[MethodSpec] = &[
        method("socketpair", f_socketpair),
        method("dup", f_dup),
        method("close", f_close),
        method("getdefaulttimeout", f_getdefaulttimeout),
        method("setdefaulttimeout", f_setdefaulttimeout),
        method("htons", f_htons),
        method("ntohs", f_ntohs),
        method("htonl", f_htonl),
        method("ntohl", f_ntohl),
        method("CMSG_LEN", f_cmsg_len),
        method("CMSG_SPACE", f_cmsg_space),
        method("if_nameindex", f_if_nameindex),
        method("if_nametoindex", f_if_nametoindex),
        method("if_indextoname", f_if_indextoname),
        method("inet_aton", address::f_inet_aton),
        method("inet_ntoa", address::f_inet_ntoa),
        method("inet_pton", address::f_inet_pton),
        method("inet_ntop", address::f_inet_ntop),
        method("getaddrinfo", resolve::f_getaddrinfo),
        method("getnameinfo", resolve::f_getnameinfo),
        method("gethostname", resolve::f_gethostname),
        method("sethostname", resolve::f_sethostname),
        method("gethostbyname", resolve::f_gethostbyname),
        method("gethostbyname_ex", resolve::f_gethostbyname_ex),
        method("gethostbyaddr", resolve::f_gethostbyaddr),
        method("getservbyname", resolve::f_getservbyname),
        method("getservbyport", resolve::f_getservbyport),
        method("getprotobyname", resolve::f_getprotobyname),
    ];
    add_functions(&d, &m, fns)?;
    let _ = strerror;
    Ok(m)
}
