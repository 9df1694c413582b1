//! Linux-specific calls of `posix`: getrandom, eventfd, memfd_create,
//! copy_file_range, splice, extended attributes, and a few process/terminal
//! calls (setreuid/setregid, tcgetpgrp/tcsetpgrp, openpty, login_tty,
//! pidfd_open).

use super::args::{self, clinic};
use krait_runtime::types::{buffer, bytes, int, list, none, tuple};
use krait_runtime::{Obj, PyResult};

fn ok_none(r: i32) -> PyResult<Obj> {
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

/// An optional `Py_off_t` offset (None means "the file position").
fn opt_offset(o: &Option<Obj>) -> PyResult<Option<i64>> {
    match o {
        Some(v) if !none::is_none(v) => Ok(Some(args::to_long(v)?)),
        _ => Ok(None),
    }
}

pub fn p_getrandom(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("getrandom", a, kw, &["size", "flags"], 0, 2, 1)?;
    let size = args::to_ssize(v[0].as_ref().unwrap())?;
    let flags = match &v[1] {
        Some(f) => args::to_int(f)? as u32,
        None => 0,
    };
    if size < 0 {
        unsafe { *libc::__errno_location() = libc::EINVAL };
        return Err(args::last_error());
    }
    let mut buf = vec![0u8; size as usize];
    let p = buf.as_mut_ptr() as usize;
    let n = args::retry(-1, || unsafe { libc::getrandom(p as *mut libc::c_void, size as usize, flags) })?;
    if n < 0 {
        return Err(args::last_error());
    }
    buf.truncate(n as usize);
    Ok(bytes::new(&buf))
}

pub fn p_eventfd(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("eventfd", a, kw, &["initval", "flags"], 0, 2, 1)?;
    let init = args::to_uint(v[0].as_ref().unwrap())?;
    let flags = match &v[1] {
        Some(f) => args::to_int(f)?,
        None => libc::EFD_CLOEXEC,
    };
    let fd = unsafe { libc::eventfd(init, flags) };
    if fd < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(fd as i64))
}

pub fn p_eventfd_read(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("eventfd_read", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::fildes(v[0].as_ref().unwrap())?;
    let mut value: u64 = 0;
    let p = &mut value as *mut u64 as usize;
    let r = args::retry(-1, || unsafe { libc::read(fd, p as *mut libc::c_void, 8) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_u64(value))
}

pub fn p_eventfd_write(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("eventfd_write", a, kw, &["fd", "value"], 0, 2, 2)?;
    let fd = args::fildes(v[0].as_ref().unwrap())?;
    let i = int::index_raw(v[1].as_ref().unwrap())?;
    if int::sign(&i) < 0 {
        krait_runtime::bail!(ValueError, "value must be positive");
    }
    let Some(value) = int::as_u64(&i) else {
        krait_runtime::bail!(OverflowError, "Python int too large to convert to C unsigned long long");
    };
    let p = &value as *const u64 as usize;
    let r = args::retry(-1, || unsafe { libc::write(fd, p as *const libc::c_void, 8) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_memfd_create(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("memfd_create", a, kw, &["name", "flags"], 0, 2, 1)?;
    let p = args::path("memfd_create", "name", v[0].as_ref(), false, false)?;
    let flags = match &v[1] {
        Some(f) => args::to_id(f)?,
        None => libc::MFD_CLOEXEC,
    };
    let c = p.cstring();
    let fd = unsafe { libc::memfd_create(c.as_ptr(), flags) };
    if fd < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(fd as i64))
}

/// copy_file_range and splice share their arguments: two descriptors, a
/// count, two optional offsets (plus splice's flags).
fn transfer(name: &str, a: &[Obj], kw: Option<&Obj>, splice: bool) -> PyResult<Obj> {
    let names: &[&str] = if splice {
        &["src", "dst", "count", "offset_src", "offset_dst", "flags"]
    } else {
        &["src", "dst", "count", "offset_src", "offset_dst"]
    };
    let v = clinic(name, a, kw, names, 0, names.len(), 3)?;
    let src = args::to_int(v[0].as_ref().unwrap())?;
    let dst = args::to_int(v[1].as_ref().unwrap())?;
    let count = args::to_ssize(v[2].as_ref().unwrap())?;
    if count < 0 {
        krait_runtime::bail!(ValueError, "negative value for 'count' not allowed");
    }
    let mut off_src = opt_offset(&v[3])?;
    let mut off_dst = opt_offset(&v[4])?;
    let flags = match v.get(5) {
        Some(Some(f)) => args::to_id(f)?,
        _ => 0,
    };
    let ps = off_src.as_mut().map_or(0usize, |o| o as *mut i64 as usize);
    let pd = off_dst.as_mut().map_or(0usize, |o| o as *mut i64 as usize);
    let r = args::retry(-1, || unsafe {
        if splice {
            libc::splice(src, ps as *mut i64, dst, pd as *mut i64, count as usize, flags)
        } else {
            libc::copy_file_range(src, ps as *mut i64, dst, pd as *mut i64, count as usize, 0)
        }
    })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_copy_file_range(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    transfer("copy_file_range", a, kw, false)
}

pub fn p_splice(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    transfer("splice", a, kw, true)
}

pub fn p_setreuid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("setreuid", a, kw, 2, 2)?;
    let (r, e) = (args::id_of(&a[0], "uid")?, args::id_of(&a[1], "uid")?);
    ok_none(unsafe { libc::setreuid(r, e) })
}

pub fn p_setregid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("setregid", a, kw, 2, 2)?;
    let (r, e) = (args::id_of(&a[0], "gid")?, args::id_of(&a[1], "gid")?);
    ok_none(unsafe { libc::setregid(r, e) })
}

pub fn p_tcgetpgrp(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("tcgetpgrp", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    let r = unsafe { libc::tcgetpgrp(fd) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_tcsetpgrp(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("tcsetpgrp", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let pgid = args::to_int(&a[1])?;
    ok_none(unsafe { libc::tcsetpgrp(fd, pgid) })
}

/// `openpty()`: (master, slave), both non-inheritable.
pub fn p_openpty(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("openpty", a, kw, 0, 0)?;
    let (mut master, mut slave) = (-1, -1);
    let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    if r < 0 {
        return Err(args::last_error());
    }
    for fd in [master, slave] {
        unsafe {
            let fl = libc::fcntl(fd, libc::F_GETFD);
            libc::fcntl(fd, libc::F_SETFD, fl | libc::FD_CLOEXEC);
        }
    }
    Ok(tuple::from_vec(vec![int::from_i64(master as i64), int::from_i64(slave as i64)]))
}

// Extended attributes: `path` may be a descriptor; `follow_symlinks=False`
// uses the l* calls.

fn xattr_name(fname: &str, o: &Obj) -> PyResult<std::ffi::CString> {
    let p = args::path(fname, "attribute", Some(o), false, false)?;
    Ok(p.cstring())
}

fn xattr_error(p: &args::Path) -> krait_runtime::PyErr {
    if p.fd.is_some() {
        args::last_error()
    } else {
        args::path_error(p)
    }
}

pub fn p_getxattr(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("getxattr", a, kw, &["path", "attribute", "follow_symlinks"], 0, 2, 2)?;
    let p = args::path("getxattr", "path", v[0].as_ref(), false, true)?;
    let name = xattr_name("getxattr", v[1].as_ref().unwrap())?;
    let follow = args::to_bool(&v[2], true)?;
    let c = p.cstring();
    // Grow the buffer until the value fits (ERANGE), as CPython does.
    for size in [128usize, 1024, 4096, 16384, 65536] {
        let mut buf = vec![0u8; size];
        let bp = buf.as_mut_ptr() as *mut libc::c_void;
        let r = unsafe {
            match p.fd {
                Some(fd) => libc::fgetxattr(fd, name.as_ptr(), bp, size),
                None if follow => libc::getxattr(c.as_ptr(), name.as_ptr(), bp, size),
                None => libc::lgetxattr(c.as_ptr(), name.as_ptr(), bp, size),
            }
        };
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(bytes::new(&buf));
        }
        if args::errno() != libc::ERANGE {
            break;
        }
    }
    Err(xattr_error(&p))
}

pub fn p_setxattr(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("setxattr", a, kw, &["path", "attribute", "value", "flags", "follow_symlinks"], 0, 4, 3)?;
    let p = args::path("setxattr", "path", v[0].as_ref(), false, true)?;
    let name = xattr_name("setxattr", v[1].as_ref().unwrap())?;
    let value = buffer::bytes_like(v[2].as_ref().unwrap())?;
    let flags = match &v[3] {
        Some(f) => args::to_int(f)?,
        None => 0,
    };
    let follow = args::to_bool(&v[4], true)?;
    let c = p.cstring();
    let d = value.as_slice();
    let dp = d.as_ptr() as *const libc::c_void;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fsetxattr(fd, name.as_ptr(), dp, d.len(), flags),
            None if follow => libc::setxattr(c.as_ptr(), name.as_ptr(), dp, d.len(), flags),
            None => libc::lsetxattr(c.as_ptr(), name.as_ptr(), dp, d.len(), flags),
        }
    };
    if r < 0 {
        return Err(xattr_error(&p));
    }
    Ok(none::none())
}

pub fn p_removexattr(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("removexattr", a, kw, &["path", "attribute", "follow_symlinks"], 0, 2, 2)?;
    let p = args::path("removexattr", "path", v[0].as_ref(), false, true)?;
    let name = xattr_name("removexattr", v[1].as_ref().unwrap())?;
    let follow = args::to_bool(&v[2], true)?;
    let c = p.cstring();
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fremovexattr(fd, name.as_ptr()),
            None if follow => libc::removexattr(c.as_ptr(), name.as_ptr()),
            None => libc::lremovexattr(c.as_ptr(), name.as_ptr()),
        }
    };
    if r < 0 {
        return Err(xattr_error(&p));
    }
    Ok(none::none())
}

pub fn p_listxattr(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("listxattr", a, kw, &["path", "follow_symlinks"], 0, 1, 0)?;
    let p = args::path("listxattr", "path", v[0].as_ref(), true, true)?;
    let follow = args::to_bool(&v[1], true)?;
    let c = p.cstring();
    for size in [256usize, 1024, 4096, 16384, 65536] {
        let mut buf = vec![0u8; size];
        let bp = buf.as_mut_ptr() as *mut libc::c_char;
        let r = unsafe {
            match p.fd {
                Some(fd) => libc::flistxattr(fd, bp, size),
                None if follow => libc::listxattr(c.as_ptr(), bp, size),
                None => libc::llistxattr(c.as_ptr(), bp, size),
            }
        };
        if r >= 0 {
            buf.truncate(r as usize);
            let mut out = Vec::new();
            for n in buf.split(|b| *b == 0).filter(|n| !n.is_empty()) {
                out.push(args::fs_decode(n)?);
            }
            return Ok(list::from_vec(out));
        }
        if args::errno() != libc::ERANGE {
            break;
        }
    }
    Err(xattr_error(&p))
}

pub const CONSTANTS: &[(&str, i64)] = &[
    ("EFD_CLOEXEC", libc::EFD_CLOEXEC as i64),
    ("EFD_NONBLOCK", libc::EFD_NONBLOCK as i64),
    ("EFD_SEMAPHORE", libc::EFD_SEMAPHORE as i64),
    ("MFD_CLOEXEC", libc::MFD_CLOEXEC as i64),
    ("MFD_ALLOW_SEALING", libc::MFD_ALLOW_SEALING as i64),
    ("MFD_HUGETLB", libc::MFD_HUGETLB as i64),
    ("MFD_HUGE_SHIFT", 26),
    ("MFD_HUGE_MASK", 0x3f),
    ("MFD_HUGE_64KB", 16 << 26),
    ("MFD_HUGE_512KB", 19 << 26),
    ("MFD_HUGE_1MB", 20 << 26),
    ("MFD_HUGE_2MB", 21 << 26),
    ("MFD_HUGE_8MB", 23 << 26),
    ("MFD_HUGE_16MB", 24 << 26),
    ("MFD_HUGE_32MB", 25 << 26),
    ("MFD_HUGE_256MB", 28 << 26),
    ("MFD_HUGE_512MB", 29 << 26),
    ("MFD_HUGE_1GB", 30 << 26),
    ("MFD_HUGE_2GB", 31 << 26),
    ("MFD_HUGE_16GB", 34 << 26),
    ("SPLICE_F_MOVE", libc::SPLICE_F_MOVE as i64),
    ("SPLICE_F_NONBLOCK", libc::SPLICE_F_NONBLOCK as i64),
    ("SPLICE_F_MORE", libc::SPLICE_F_MORE as i64),
    ("XATTR_CREATE", libc::XATTR_CREATE as i64),
    ("XATTR_REPLACE", libc::XATTR_REPLACE as i64),
    ("XATTR_SIZE_MAX", 65536),
];

/// `login_tty(fd)`: make `fd` the controlling terminal and standard streams
/// of the calling process (after setsid()).
pub fn p_login_tty(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("login_tty", a, kw, 1, 1)?;
    let fd = args::fildes(&a[0])?;
    if unsafe { libc::login_tty(fd) } == -1 {
        return Err(args::last_error());
    }
    Ok(krait_runtime::types::none::none())
}

/// `pidfd_open(pid, flags=0)`: a descriptor referring to process `pid`.
pub fn p_pidfd_open(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("pidfd_open", a, kw, &["pid", "flags"], 0, 2, 1)?;
    let pid = args::to_pid(v[0].as_ref().unwrap())?;
    let flags = match &v[1] {
        Some(f) => args::to_uint(f)?,
        None => 0,
    };
    // SAFETY: pidfd_open takes two integers and returns a descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if fd < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(fd))
}
