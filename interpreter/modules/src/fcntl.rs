//! The `fcntl` module: `fcntl`, `ioctl`, `flock` and `lockf` over the C
//! calls, with CPython 3.11's argument forms (an int, or a buffer copied
//! into a 1024-byte scratch area and returned as bytes; `ioctl` can also
//! work on a mutable buffer in place) and the constants. Calls that may
//! wait are retried after signal handlers ran (PEP 475).

use crate::posix::args::{errno, fildes, os_error, positional, to_int};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::gil::allow_threads;
use krait_runtime::object::Obj;
use krait_runtime::signals::check_signals;
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{bytes, dict, int, module, str as pystr};

/// CPython's scratch size for buffer arguments.
const BUF_LEN: usize = 1024;

/// A read-only argument as bytes: a str (UTF-8) or a bytes-like object
/// (only a read-only one when `readonly_only`, as the "s#" format).
/// None when `o` is neither.
fn readonly_bytes(o: &Obj, readonly_only: bool) -> PyResult<Option<Vec<u8>>> {
    if pystr::is_str(o) {
        return match pystr::as_str(o) {
            Some(s) => Ok(Some(s.as_bytes().to_vec())),
            None => {
                // Lone surrogates: the UTF-8 encoder's error.
                krait_runtime::ops::attr::call_method(o, "encode", &[])?;
                Ok(None)
            }
        };
    }
    if buffer::has_buffer(o) {
        let b = Buffer::get(o, buffer::SIMPLE)?;
        if readonly_only && !b.readonly() {
            return Ok(None);
        }
        return Ok(Some(b.as_slice().to_vec()));
    }
    Ok(None)
}

/// Runs `f` with the GIL released, retrying on EINTR after the signal
/// handlers ran; returns the result or raises OSError.
fn retrying(mut f: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let (r, e) = allow_threads(|| {
            let r = f();
            (r, errno())
        });
        if r != -1 {
            return Ok(r);
        }
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        check_signals()?;
    }
}

fn f_fcntl(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("fcntl", a, kw, 2, 3)?;
    let fd = fildes(&a[0])?;
    let cmd = to_int(&a[1])?;
    if let Some(arg) = a.get(2) {
        if let Some(data) = readonly_bytes(arg, true)? {
            if data.len() > BUF_LEN {
                bail!(ValueError, "fcntl string arg too long");
            }
            let mut buf = [0u8; BUF_LEN];
            buf[..data.len()].copy_from_slice(&data);
            let p = buf.as_mut_ptr() as usize;
            retrying(|| unsafe { libc::fcntl(fd, cmd, p as *mut libc::c_void) })?;
            return Ok(bytes::new(&buf[..data.len()]));
        }
    }
    // An int argument is an unsigned int taken modulo 2**32 (the "I"
    // format): flags such as DN_MULTISHOT do not fit a C int.
    let iarg = match a.get(2) {
        Some(v) => uint_mask(v)? as libc::c_int,
        None => 0,
    };
    let r = retrying(|| unsafe { libc::fcntl(fd, cmd, iarg) })?;
    Ok(int::from_i64(r as i64))
}

/// An ioctl with the GIL released: its result and errno.
fn ioctl_call(f: impl FnOnce() -> libc::c_int) -> (libc::c_int, i32) {
    allow_threads(|| {
        let r = f();
        (r, errno())
    })
}

/// An int taken modulo 2**32, through `__index__`.
fn uint_mask(o: &Obj) -> PyResult<u32> {
    let i = int::index_raw(o)?;
    if let Some(v) = int::as_i64(&i) {
        return Ok(v as u32);
    }
    let m = krait_runtime::ops::attr::call_method(&i, "__and__", &[int::from_u64(u32::MAX as u64)])?;
    Ok(int::as_u64(&m).unwrap_or(0) as u32)
}

fn f_ioctl(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("ioctl", a, kw, 2, 4)?;
    let fd = fildes(&a[0])?;
    // The request is an unsigned int taken modulo 2**32.
    let req = {
        let i = int::index_raw(&a[1])?;
        match int::as_i64(&i) {
            Some(v) => v as u32,
            None => {
                let m = krait_runtime::ops::attr::call_method(&i, "__and__", &[int::from_u64(u32::MAX as u64)])?;
                int::as_u64(&m).unwrap_or(0) as u32
            }
        }
    };
    let mutate = match a.get(3) {
        Some(m) => krait_runtime::ops::truthy(m)?,
        None => true,
    };
    
    if let Some(arg) = a.get(2) {
        // A writable buffer: changed in place unless mutate_flag is false.
        if !pystr::is_str(arg) && buffer::has_buffer(arg) {
            match Buffer::get(arg, buffer::WRITABLE) {
                Ok(mut b) => {
                    let len = b.len();
                    if mutate {
                        let r = if len <= BUF_LEN {
                            let mut buf = [0u8; BUF_LEN + 1];
                            buf[..len].copy_from_slice(b.as_slice());
                            let p = buf.as_mut_ptr() as usize;
                            let r = ioctl_call(|| unsafe { libc::ioctl(fd, req as _, p as *mut libc::c_void) });
                            if r.0 >= 0 {
                                b.as_mut_slice().copy_from_slice(&buf[..len]);
                            }
                            r
                        } else {
                            let p = b.as_mut_slice().as_mut_ptr() as usize;
                            ioctl_call(|| unsafe { libc::ioctl(fd, req as _, p as *mut libc::c_void) })
                        };
                        if r.0 < 0 {
                            return Err(os_error(r.1, None, None));
                        }
                        return Ok(int::from_i64(r.0 as i64));
                    }
                    if len > BUF_LEN {
                        bail!(ValueError, "ioctl string arg too long");
                    }
                    let mut buf = [0u8; BUF_LEN + 1];
                    buf[..len].copy_from_slice(b.as_slice());
                    drop(b);
                    let p = buf.as_mut_ptr() as usize;
                    let r = ioctl_call(|| unsafe { libc::ioctl(fd, req as _, p as *mut libc::c_void) });
                    if r.0 < 0 {
                        return Err(os_error(r.1, None, None));
                    }
                    return Ok(bytes::new(&buf[..len]));
                }
                Err(_) => errors::clear(),
            }
        }
        if let Some(data) = readonly_bytes(arg, false)? {
            if data.len() > BUF_LEN {
                bail!(ValueError, "ioctl string arg too long");
            }
            let mut buf = [0u8; BUF_LEN + 1];
            buf[..data.len()].copy_from_slice(&data);
            let p = buf.as_mut_ptr() as usize;
            let r = ioctl_call(|| unsafe { libc::ioctl(fd, req as _, p as *mut libc::c_void) });
            if r.0 < 0 {
                return Err(os_error(r.1, None, None));
            }
            return Ok(bytes::new(&buf[..data.len()]));
        }
    }
    let iarg = match a.get(2) {
        Some(v) => to_int(v)?,
        None => 0,
    };
    let r = ioctl_call(|| unsafe { libc::ioctl(fd, req as _, iarg as libc::c_long) });
    if r.0 < 0 {
        return Err(os_error(r.1, None, None));
    }
    Ok(int::from_i64(r.0 as i64))
}

fn f_flock(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("flock", a, kw, 2, 2)?;
    let fd = fildes(&a[0])?;
    let op = to_int(&a[1])?;
    retrying(|| unsafe { libc::flock(fd, op) })?;
    Ok(krait_runtime::types::none::none())
}

fn off_t(o: &Obj) -> PyResult<i64> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    }
}

fn f_lockf(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("lockf", a, kw, 2, 5)?;
    let fd = fildes(&a[0])?;
    let code = to_int(&a[1])?;
    let len = match a.get(2) {
        Some(v) => off_t(v)?,
        None => 0,
    };
    let start = match a.get(3) {
        Some(v) => off_t(v)?,
        None => 0,
    };
    let whence = match a.get(4) {
        Some(v) => to_int(v)?,
        None => 0,
    };
    let l_type = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        bail!(ValueError, "unrecognized lockf argument");
    };
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = l_type as _;
    l.l_start = start as _;
    l.l_len = len as _;
    l.l_whence = whence as _;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    let p = &mut l as *mut libc::flock as usize;
    retrying(|| unsafe { libc::fcntl(fd, cmd, p as *mut libc::flock) })?;
    Ok(krait_runtime::types::none::none())
}

const FUNCTIONS: &[MethodSpec] =
    &[method("fcntl", f_fcntl), method("ioctl", f_ioctl), method("flock", f_flock), method("lockf", f_lockf)];

const CONSTANTS: &[(&str, i64)] = &[
    ("LOCK_SH", libc::LOCK_SH as i64),
    ("LOCK_EX", libc::LOCK_EX as i64),
    ("LOCK_NB", libc::LOCK_NB as i64),
    ("LOCK_UN", libc::LOCK_UN as i64),
    ("LOCK_MAND", 32),
    ("LOCK_READ", 64),
    ("LOCK_WRITE", 128),
    ("LOCK_RW", 192),
    ("F_DUPFD", libc::F_DUPFD as i64),
    ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
    ("F_GETFD", libc::F_GETFD as i64),
    ("F_SETFD", libc::F_SETFD as i64),
    ("F_GETFL", libc::F_GETFL as i64),
    ("F_SETFL", libc::F_SETFL as i64),
    ("F_GETLK", libc::F_GETLK as i64),
    ("F_SETLK", libc::F_SETLK as i64),
    ("F_SETLKW", libc::F_SETLKW as i64),
    ("F_GETLK64", libc::F_GETLK as i64),
    ("F_SETLK64", libc::F_SETLK as i64),
    ("F_SETLKW64", libc::F_SETLKW as i64),
    ("F_OFD_GETLK", 36),
    ("F_OFD_SETLK", 37),
    ("F_OFD_SETLKW", 38),
    ("F_GETOWN", libc::F_GETOWN as i64),
    ("F_SETOWN", libc::F_SETOWN as i64),
    ("F_GETSIG", 11),
    ("F_SETSIG", 10),
    ("F_RDLCK", libc::F_RDLCK as i64),
    ("F_WRLCK", libc::F_WRLCK as i64),
    ("F_UNLCK", libc::F_UNLCK as i64),
    ("F_EXLCK", 4),
    ("F_SHLCK", 8),
    ("F_SETLEASE", 1024),
    ("F_GETLEASE", 1025),
    ("F_NOTIFY", 1026),
    ("F_SETPIPE_SZ", 1031),
    ("F_GETPIPE_SZ", 1032),
    ("F_ADD_SEALS", 1033),
    ("F_GET_SEALS", 1034),
    ("F_SEAL_SEAL", 1),
    ("F_SEAL_SHRINK", 2),
    ("F_SEAL_GROW", 4),
    ("F_SEAL_WRITE", 8),
    ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
    ("FASYNC", libc::O_ASYNC as i64),
    ("DN_ACCESS", 1),
    ("DN_MODIFY", 2),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_RENAME", 16),
    ("DN_ATTRIB", 32),
    ("DN_MULTISHOT", 0x8000_0000),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("fcntl")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    for (name, v) in CONSTANTS {
        dict::set_item_str(&d, name, &int::from_i64(*v))?;
    }
    Ok(m)
}
