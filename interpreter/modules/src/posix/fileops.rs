//! File and directory operations on paths and descriptors: open/close/
//! read/write/lseek, mkdir/rmdir/rename/unlink, access, chmod/chown,
//! links, utime, truncation, descriptor flags, terminals, vectored and
//! positioned I/O (preadv/pwritev), advice and locks (posix_fadvise, lockf),
//! mknod, chroot.

use super::args::{self, clinic, os_error, Path};
use krait_runtime::types::buffer;
use krait_runtime::types::{bool_, bytes, int, none, str as pystr, structseq, tuple};
use krait_runtime::{Obj, PyResult};

fn ok_none(r: i32, p: &Path) -> PyResult<Obj> {
    if r != 0 {
        return Err(args::path_error(p));
    }
    Ok(none::none())
}

pub fn p_open(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("open", a, kw, &["path", "flags", "mode", "dir_fd"], 0, 3, 2)?;
    let p = args::path("open", "path", v[0].as_ref(), false, false)?;
    let flags = args::to_int(v[1].as_ref().unwrap())?;
    let mode = match &v[2] {
        Some(m) => args::to_int(m)?,
        None => 0o777,
    };
    let dfd = args::dir_fd(&v[3])?;
    krait_runtime::modules::sys::audit("open", &[v[0].clone().unwrap(), krait_runtime::types::none::none(), krait_runtime::types::int::from_i64((flags | libc::O_CLOEXEC) as i64)])?;
    let c = p.cstring();
    let fd = args::retry(-1, || unsafe { libc::openat(dfd, c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })?;
    if fd < 0 {
        return Err(args::path_error(&p));
    }
    Ok(int::from_i64(fd as i64))
}

pub fn p_close(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("close", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::to_int(v[0].as_ref().unwrap())?;
    if unsafe { libc::close(fd) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_closerange(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("closerange", a, kw, 2, 2)?;
    let lo = args::to_int(&a[0])?.max(0);
    let hi = args::to_int(&a[1])?;
    for fd in lo..hi {
        unsafe { libc::close(fd) };
    }
    Ok(none::none())
}

pub fn p_read(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("read", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let n = args::to_ssize(&a[1])?;
    if n < 0 {
        unsafe { *libc::__errno_location() = libc::EINVAL };
        return Err(args::last_error());
    }
    let mut buf = vec![0u8; n as usize];
    let r = args::retry(-1, || unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(bytes::new(&buf[..r as usize]))
}

pub fn p_write(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("write", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let b = buffer::bytes_like(&a[1])?;
    let data = b.as_slice();
    let r = args::retry(-1, || unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_lseek(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("lseek", a, kw, 3, 3)?;
    let fd = args::to_int(&a[0])?;
    let pos = args::to_long(&a[1])?;
    let how = args::to_int(&a[2])?;
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r))
}

pub fn p_mkdir(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("mkdir", a, kw, &["path", "mode", "dir_fd"], 0, 2, 1)?;
    let p = args::path("mkdir", "path", v[0].as_ref(), false, false)?;
    let mode = match &v[1] {
        Some(m) => args::to_int(m)?,
        None => 0o777,
    };
    let dfd = args::dir_fd(&v[2])?;
    let c = p.cstring();
    ok_none(unsafe { libc::mkdirat(dfd, c.as_ptr(), mode as libc::mode_t) }, &p)
}

pub fn p_rmdir(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("rmdir", a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = args::path("rmdir", "path", v[0].as_ref(), false, false)?;
    let dfd = args::dir_fd(&v[1])?;
    let c = p.cstring();
    ok_none(unsafe { libc::unlinkat(dfd, c.as_ptr(), libc::AT_REMOVEDIR) }, &p)
}

fn unlink_impl(fname: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic(fname, a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = args::path(fname, "path", v[0].as_ref(), false, false)?;
    let dfd = args::dir_fd(&v[1])?;
    let c = p.cstring();
    ok_none(unsafe { libc::unlinkat(dfd, c.as_ptr(), 0) }, &p)
}

pub fn p_unlink(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    unlink_impl("unlink", a, kw)
}

pub fn p_remove(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    unlink_impl("remove", a, kw)
}

fn rename_impl(fname: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic(fname, a, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd"], 0, 2, 2)?;
    let s = args::path(fname, "src", v[0].as_ref(), false, false)?;
    let d = args::path(fname, "dst", v[1].as_ref(), false, false)?;
    let sfd = args::dir_fd(&v[2])?;
    let dfd = args::dir_fd(&v[3])?;
    let (cs, cd) = (s.cstring(), d.cstring());
    if unsafe { libc::renameat(sfd, cs.as_ptr(), dfd, cd.as_ptr()) } != 0 {
        return Err(args::path_error2(&s, &d));
    }
    Ok(none::none())
}

pub fn p_rename(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    rename_impl("rename", a, kw)
}

pub fn p_replace(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    rename_impl("replace", a, kw)
}

pub fn p_access(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("access", a, kw, &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 0, 2, 2)?;
    let p = args::path("access", "path", v[0].as_ref(), false, false)?;
    let mode = args::to_int(v[1].as_ref().unwrap())?;
    let dfd = args::dir_fd(&v[2])?;
    let eff = args::to_bool(&v[3], false)?;
    let follow = args::to_bool(&v[4], true)?;
    let mut flags = 0;
    if eff {
        flags |= libc::AT_EACCESS;
    }
    if !follow {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = p.cstring();
    let r = unsafe { libc::faccessat(dfd, c.as_ptr(), mode, flags) };
    Ok(bool_::from_bool(r == 0))
}

pub fn p_chdir(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("chdir", a, kw, &["path"], 0, 1, 1)?;
    let p = args::path("chdir", "path", v[0].as_ref(), false, true)?;
    let r = match p.fd {
        Some(fd) => unsafe { libc::fchdir(fd) },
        None => {
            let c = p.cstring();
            unsafe { libc::chdir(c.as_ptr()) }
        }
    };
    ok_none(r, &p)
}

pub fn p_fchdir(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fchdir", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::fildes(v[0].as_ref().unwrap())?;
    if unsafe { libc::fchdir(fd) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_getcwd(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getcwd", a, kw, 0, 0)?;
    args::fs_decode(&cwd_bytes()?)
}

pub fn p_getcwdb(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getcwdb", a, kw, 0, 0)?;
    Ok(bytes::new(&cwd_bytes()?))
}

fn cwd_bytes() -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; 1024];
    loop {
        let r = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if !r.is_null() {
            let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            buf.truncate(n);
            return Ok(buf);
        }
        if args::errno() != libc::ERANGE {
            return Err(args::last_error());
        }
        let n = buf.len() * 2;
        buf.resize(n, 0);
    }
}

pub fn p_chmod(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("chmod", a, kw, &["path", "mode", "dir_fd", "follow_symlinks"], 0, 2, 2)?;
    let p = args::path("chmod", "path", v[0].as_ref(), false, true)?;
    let mode = args::to_int(v[1].as_ref().unwrap())?;
    let dfd = args::dir_fd(&v[2])?;
    let follow = args::to_bool(&v[3], true)?;
    let r = match p.fd {
        Some(fd) => unsafe { libc::fchmod(fd, mode as libc::mode_t) },
        None => {
            let c = p.cstring();
            if !follow {
                krait_runtime::bail!(NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
            }
            unsafe { libc::fchmodat(dfd, c.as_ptr(), mode as libc::mode_t, 0) }
        }
    };
    ok_none(r, &p)
}

pub fn p_fchmod(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fchmod", a, kw, &["fd", "mode"], 0, 2, 2)?;
    let fd = args::to_int(v[0].as_ref().unwrap())?;
    let mode = args::to_int(v[1].as_ref().unwrap())?;
    if unsafe { libc::fchmod(fd, mode as libc::mode_t) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_chown(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("chown", a, kw, &["path", "uid", "gid", "dir_fd", "follow_symlinks"], 0, 3, 3)?;
    let p = args::path("chown", "path", v[0].as_ref(), false, true)?;
    let uid = args::id_of(v[1].as_ref().unwrap(), "uid")?;
    let gid = args::id_of(v[2].as_ref().unwrap(), "gid")?;
    let dfd = args::dir_fd(&v[3])?;
    let follow = args::to_bool(&v[4], true)?;
    let r = match p.fd {
        Some(fd) => unsafe { libc::fchown(fd, uid, gid) },
        None => {
            let c = p.cstring();
            let fl = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            unsafe { libc::fchownat(dfd, c.as_ptr(), uid, gid, fl) }
        }
    };
    ok_none(r, &p)
}

pub fn p_lchown(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("lchown", a, kw, &["path", "uid", "gid"], 0, 3, 3)?;
    let p = args::path("lchown", "path", v[0].as_ref(), false, false)?;
    let uid = args::id_of(v[1].as_ref().unwrap(), "uid")?;
    let gid = args::id_of(v[2].as_ref().unwrap(), "gid")?;
    let c = p.cstring();
    ok_none(unsafe { libc::lchown(c.as_ptr(), uid, gid) }, &p)
}

pub fn p_fchown(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fchown", a, kw, &["fd", "uid", "gid"], 0, 3, 3)?;
    let fd = args::to_int(v[0].as_ref().unwrap())?;
    let uid = args::id_of(v[1].as_ref().unwrap(), "uid")?;
    let gid = args::id_of(v[2].as_ref().unwrap(), "gid")?;
    if unsafe { libc::fchown(fd, uid, gid) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_symlink(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("symlink", a, kw, &["src", "dst", "target_is_directory", "dir_fd"], 0, 3, 2)?;
    let s = args::path("symlink", "src", v[0].as_ref(), false, false)?;
    let d = args::path("symlink", "dst", v[1].as_ref(), false, false)?;
    let dfd = args::dir_fd(&v[3])?;
    let (cs, cd) = (s.cstring(), d.cstring());
    if unsafe { libc::symlinkat(cs.as_ptr(), dfd, cd.as_ptr()) } != 0 {
        return Err(args::path_error2(&s, &d));
    }
    Ok(none::none())
}

pub fn p_link(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("link", a, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 0, 2, 2)?;
    let s = args::path("link", "src", v[0].as_ref(), false, false)?;
    let d = args::path("link", "dst", v[1].as_ref(), false, false)?;
    let sfd = args::dir_fd(&v[2])?;
    let dfd = args::dir_fd(&v[3])?;
    let follow = args::to_bool(&v[4], true)?;
    let (cs, cd) = (s.cstring(), d.cstring());
    let fl = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    if unsafe { libc::linkat(sfd, cs.as_ptr(), dfd, cd.as_ptr(), fl) } != 0 {
        return Err(args::path_error2(&s, &d));
    }
    Ok(none::none())
}

pub fn p_readlink(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readlink", a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = args::path("readlink", "path", v[0].as_ref(), false, false)?;
    let dfd = args::dir_fd(&v[1])?;
    let c = p.cstring();
    let mut buf = vec![0u8; 4096];
    let n = unsafe { libc::readlinkat(dfd, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n < 0 {
        return Err(args::path_error(&p));
    }
    buf.truncate(n as usize);
    if p.is_bytes {
        Ok(bytes::new(&buf))
    } else {
        args::fs_decode(&buf)
    }
}

/// A timespec from an int or float number of seconds (utime's `times`).
fn to_timespec(o: &Obj) -> PyResult<libc::timespec> {
    if krait_runtime::types::float::is_float(o) {
        // Rounded towards minus infinity, as CPython's utime.
        let f = krait_runtime::types::float::value(o);
        if f.is_nan() {
            krait_runtime::bail!(ValueError, "Invalid value NaN (not a number)");
        }
        let mut sec = f.trunc();
        let mut nsec = ((f - sec) * 1e9).floor();
        if nsec >= 1e9 {
            sec += 1.0;
            nsec -= 1e9;
        } else if nsec < 0.0 {
            sec -= 1.0;
            nsec += 1e9;
        }
        if !(sec >= i64::MIN as f64 && sec < i64::MAX as f64) {
            krait_runtime::bail!(OverflowError, "timestamp out of range for platform time_t");
        }
        return Ok(libc::timespec { tv_sec: sec as i64, tv_nsec: nsec as i64 });
    }
    if !int::is_int(o) {
        krait_runtime::bail!(TypeError, "an integer is required (got type {})", o.ty().name());
    }
    Ok(libc::timespec { tv_sec: args::to_long(o)?, tv_nsec: 0 })
}

fn ns_to_timespec(o: &Obj) -> PyResult<libc::timespec> {
    let i = int::index_raw(o)?;
    let v = int::to_bigint(&i);
    let b = num_bigint_i128(&v)?;
    let sec = b.div_euclid(1_000_000_000);
    let nsec = b.rem_euclid(1_000_000_000);
    Ok(libc::timespec { tv_sec: sec as i64, tv_nsec: nsec as i64 })
}

fn num_bigint_i128(v: &impl std::fmt::Display) -> PyResult<i128> {
    match v.to_string().parse::<i128>() {
        Ok(x) => Ok(x),
        Err(_) => krait_runtime::bail!(OverflowError, "timestamp too large to convert to C _PyTime_t"),
    }
}

pub fn p_utime(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("utime", a, kw, &["path", "times", "ns", "dir_fd", "follow_symlinks"], 0, 2, 1)?;
    let p = args::path("utime", "path", v[0].as_ref(), false, true)?;
    let times = v[1].clone().filter(|t| !none::is_none(t));
    let dfd = args::dir_fd(&v[3])?;
    let follow = args::to_bool(&v[4], true)?;
    let ts: Option<[libc::timespec; 2]> = match (&times, &v[2]) {
        (Some(_), Some(_)) => {
            krait_runtime::bail!(ValueError, "utime: you may specify either 'times' or 'ns' but not both")
        }
        (Some(t), None) => {
            if !tuple::is_tuple(t) || tuple::len(t) != 2 {
                krait_runtime::bail!(TypeError, "utime: 'times' must be either a tuple of two ints or None");
            }
            let it = tuple::items(t);
            Some([to_timespec(&it[0])?, to_timespec(&it[1])?])
        }
        (None, Some(ns)) => {
            if !tuple::is_tuple(ns) || tuple::len(ns) != 2 {
                krait_runtime::bail!(TypeError, "utime: 'ns' must be a tuple of two ints");
            }
            let it = tuple::items(ns);
            Some([ns_to_timespec(&it[0])?, ns_to_timespec(&it[1])?])
        }
        (None, None) => None,
    };
    let ptr = ts.as_ref().map(|t| t.as_ptr()).unwrap_or(std::ptr::null());
    let r = match p.fd {
        Some(fd) => unsafe { libc::futimens(fd, ptr) },
        None => {
            let c = p.cstring();
            let fl = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            unsafe { libc::utimensat(dfd, c.as_ptr(), ptr, fl) }
        }
    };
    // CPython reports utime failures without the filename.
    if r != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_truncate(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("truncate", a, kw, &["path", "length"], 0, 2, 2)?;
    let p = args::path("truncate", "path", v[0].as_ref(), false, true)?;
    let len = args::to_long(v[1].as_ref().unwrap())?;
    let r = match p.fd {
        Some(fd) => unsafe { libc::ftruncate(fd, len) },
        None => {
            let c = p.cstring();
            unsafe { libc::truncate(c.as_ptr(), len) }
        }
    };
    ok_none(r, &p)
}

pub fn p_ftruncate(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("ftruncate", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let len = args::to_long(&a[1])?;
    if args::retry(-1, || unsafe { libc::ftruncate(fd, len) })? != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_fsync(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fsync", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::fildes(v[0].as_ref().unwrap())?;
    if unsafe { libc::fsync(fd) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_fdatasync(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fdatasync", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::fildes(v[0].as_ref().unwrap())?;
    if unsafe { libc::fdatasync(fd) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_dup(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("dup", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_dup2(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("dup2", a, kw, &["fd", "fd2", "inheritable"], 0, 3, 2)?;
    let fd = args::to_int(v[0].as_ref().unwrap())?;
    let fd2 = args::to_int(v[1].as_ref().unwrap())?;
    let inh = args::to_bool(&v[2], true)?;
    let r = if inh || fd == fd2 {
        unsafe { libc::dup2(fd, fd2) }
    } else {
        unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) }
    };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_pipe(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.pipe", a, kw, 0, 0)?;
    pipe_with(libc::O_CLOEXEC)
}

pub fn p_pipe2(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("pipe2", a, kw, 1, 1)?;
    let flags = args::to_int(&a[0])?;
    pipe_with(flags)
}

fn pipe_with(flags: i32) -> PyResult<Obj> {
    let mut fds = [0i32; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } != 0 {
        return Err(args::last_error());
    }
    Ok(tuple::new(&[int::from_i64(fds[0] as i64), int::from_i64(fds[1] as i64)]))
}

fn fd_flag(fd: i32, get: i32) -> PyResult<i32> {
    let r = unsafe { libc::fcntl(fd, get) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(r)
}

pub fn p_get_inheritable(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("get_inheritable", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    Ok(bool_::from_bool(fd_flag(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0))
}

pub fn set_inheritable(fd: i32, inh: bool) -> PyResult<()> {
    let f = fd_flag(fd, libc::F_GETFD)?;
    let nf = if inh { f & !libc::FD_CLOEXEC } else { f | libc::FD_CLOEXEC };
    if nf != f && unsafe { libc::fcntl(fd, libc::F_SETFD, nf) } < 0 {
        return Err(args::last_error());
    }
    Ok(())
}

pub fn p_set_inheritable(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("set_inheritable", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let inh = krait_runtime::ops::truthy(&a[1])?;
    set_inheritable(fd, inh)?;
    Ok(none::none())
}

pub fn p_get_blocking(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("get_blocking", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    Ok(bool_::from_bool(fd_flag(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0))
}

pub fn p_set_blocking(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("set_blocking", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let blocking = krait_runtime::ops::truthy(&a[1])?;
    let f = fd_flag(fd, libc::F_GETFL)?;
    let nf = if blocking { f & !libc::O_NONBLOCK } else { f | libc::O_NONBLOCK };
    if nf != f && unsafe { libc::fcntl(fd, libc::F_SETFL, nf) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_isatty(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("isatty", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    Ok(bool_::from_bool(unsafe { libc::isatty(fd) } == 1))
}

pub fn p_device_encoding(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("device_encoding", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::to_int(v[0].as_ref().unwrap())?;
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(pystr::new("UTF-8"));
    }
    Ok(none::none())
}

static TERMINAL_SIZE: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());

pub fn terminal_size_type() -> PyResult<Obj> {
    if let Some(t) = TERMINAL_SIZE.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = structseq::new_type_ext("os", "terminal_size", &[Some("columns"), Some("lines")], 2, None)?;
    TERMINAL_SIZE.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

pub fn p_get_terminal_size(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("get_terminal_size", a, kw, 0, 1)?;
    let fd = match a.first() {
        Some(f) => args::to_int(f)?,
        None => 1,
    };
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(args::last_error());
    }
    structseq::new_ext(
        &terminal_size_type()?,
        vec![int::from_i64(ws.ws_col as i64), int::from_i64(ws.ws_row as i64)],
    )
}

pub fn p_umask(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("umask", a, kw, 1, 1)?;
    let m = args::to_int(&a[0])?;
    Ok(int::from_i64(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

pub fn p_strerror(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("strerror", a, kw, 1, 1)?;
    let c = args::to_int(&a[0])?;
    Ok(pystr::new(&args::strerror(c)))
}

pub fn p_urandom(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("urandom", a, kw, 1, 1)?;
    let n = args::to_ssize(&a[0])?;
    if n < 0 {
        krait_runtime::bail!(ValueError, "negative argument not allowed");
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
        if r < 0 {
            if args::errno() == libc::EINTR {
                continue;
            }
            return Err(args::last_error());
        }
        got += r as usize;
    }
    Ok(bytes::new(&buf))
}

pub fn p_fspath(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fspath", a, kw, &["path"], 0, 1, 1)?;
    args::fspath(v[0].as_ref().unwrap())
}

pub fn p_sync(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.sync", a, kw, 0, 0)?;
    unsafe { libc::sync() };
    Ok(none::none())
}

pub fn p_mkfifo(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("mkfifo", a, kw, &["path", "mode", "dir_fd"], 0, 2, 1)?;
    let p = args::path("mkfifo", "path", v[0].as_ref(), false, false)?;
    let mode = match &v[1] {
        Some(m) => args::to_int(m)?,
        None => 0o666,
    };
    let dfd = args::dir_fd(&v[2])?;
    let c = p.cstring();
    ok_none(unsafe { libc::mkfifoat(dfd, c.as_ptr(), mode as libc::mode_t) }, &p)
}

/// Raises OSError(errno) with no filename (for callers outside this file).
pub fn raise_errno(code: i32) -> krait_runtime::PyErr {
    os_error(code, None, None)
}

/// `_path_normpath(path)`: posixpath.normpath's core on str (lexical:
/// "." and empty components dropped, ".." resolved; an empty result is
/// returned as "" for the caller to turn into ".").
pub fn p_path_normpath(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("_path_normpath", a, kw, &["path"], 0, 1, 1)?;
    let o = v[0].as_ref().unwrap();
    if !pystr::is_str(o) {
        krait_runtime::bail!(TypeError, "expected 'str', not '{}'", o.ty().name());
    }
    let cps = pystr::code_points(o);
    let slash = '/' as u32;
    if cps.is_empty() || cps == ['.' as u32] {
        return Ok(o.clone());
    }
    let lead = cps.iter().take_while(|&&c| c == slash).count();
    let prefix: &[u32] = match lead {
        0 => &[],
        2 => &[slash, slash],
        _ => &[slash],
    };
    let mut comps: Vec<&[u32]> = Vec::new();
    for part in cps.split(|&c| c == slash) {
        if part.is_empty() || part == ['.' as u32] {
            continue;
        }
        if part == ['.' as u32, '.' as u32] {
            if let Some(last) = comps.last() {
                if *last != ['.' as u32, '.' as u32] {
                    comps.pop();
                    continue;
                }
            }
            if lead > 0 {
                continue;
            }
        }
        comps.push(part);
    }
    let mut out: Vec<u32> = prefix.to_vec();
    for (i, c) in comps.iter().enumerate() {
        if i > 0 {
            out.push(slash);
        }
        out.extend_from_slice(c);
    }
    Ok(pystr::from_code_points(&out))
}

pub fn p_pread(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("pread", a, kw, 3, 3)?;
    let fd = args::to_int(&a[0])?;
    let n = args::to_ssize(&a[1])?;
    let off = args::to_long(&a[2])?;
    if n < 0 {
        unsafe { *libc::__errno_location() = libc::EINVAL };
        return Err(args::last_error());
    }
    let mut buf = vec![0u8; n as usize];
    let r = args::retry(-1, || unsafe { libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize, off) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(bytes::new(&buf[..r as usize]))
}

pub fn p_pwrite(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("pwrite", a, kw, 3, 3)?;
    let fd = args::to_int(&a[0])?;
    let b = buffer::bytes_like(&a[1])?;
    let off = args::to_long(&a[2])?;
    let d = b.as_slice();
    let r = args::retry(-1, || unsafe { libc::pwrite(fd, d.as_ptr() as *const libc::c_void, d.len(), off) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_sendfile(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("sendfile", a, kw, &["out_fd", "in_fd", "offset", "count"], 0, 4, 4)?;
    let out_fd = args::to_int(v[0].as_ref().unwrap())?;
    let in_fd = args::to_int(v[1].as_ref().unwrap())?;
    let count = args::to_ssize(v[3].as_ref().unwrap())?;
    let r = match v[2].as_ref().filter(|o| !none::is_none(o)) {
        Some(o) => {
            let mut off: libc::off_t = args::to_long(o)?;
            args::retry(-1, || unsafe { libc::sendfile(out_fd, in_fd, &mut off, count as usize) })?
        }
        None => args::retry(-1, || unsafe { libc::sendfile(out_fd, in_fd, std::ptr::null_mut(), count as usize) })?,
    };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// A dev_t argument (CPython's _Py_Dev_Converter): an unsigned 64-bit int.
fn dev_arg(o: &Obj) -> PyResult<u64> {
    match int::as_u64(o) {
        Some(d) => Ok(d),
        None if krait_runtime::ops::rich_compare_bool(o, &int::from_i64(0), krait_bytecode::CompareOp::Lt)? => {
            krait_runtime::bail!(OverflowError, "can't convert negative int to unsigned")
        }
        None => krait_runtime::bail!(OverflowError, "int too big to convert"),
    }
}

pub fn p_major(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("major", a, kw, 1, 1)?;
    if !int::is_int(&a[0]) {
        krait_runtime::bail!(TypeError, "an integer is required");
    }
    let d = dev_arg(&a[0])?;
    Ok(int::from_i64(libc::major(d) as i64))
}

pub fn p_minor(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("minor", a, kw, 1, 1)?;
    if !int::is_int(&a[0]) {
        krait_runtime::bail!(TypeError, "an integer is required");
    }
    let d = dev_arg(&a[0])?;
    Ok(int::from_i64(libc::minor(d) as i64))
}

pub fn p_makedev(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("makedev", a, kw, 2, 2)?;
    let ma = args::to_int(&a[0])? as u32;
    let mi = args::to_int(&a[1])? as u32;
    Ok(int::from_u64(libc::makedev(ma, mi)))
}

pub fn p_ttyname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("ttyname", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    let mut buf = vec![0u8; 1024];
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(args::os_error(r, None, None));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(0);
    args::fs_decode(&buf[..n])
}

pub fn p_readv(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("readv", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let bufs = krait_runtime::ops::seq::to_vec(&a[1])?;
    let mut held = Vec::new();
    for b in &bufs {
        held.push(buffer::Buffer::get(b, buffer::WRITABLE)?);
    }
    let iov: Vec<libc::iovec> = held
        .iter_mut()
        .map(|b| {
            let s = b.as_mut_slice();
            libc::iovec { iov_base: s.as_mut_ptr() as *mut libc::c_void, iov_len: s.len() }
        })
        .collect();
    let r = args::retry(-1, || unsafe { libc::readv(fd, iov.as_ptr(), iov.len() as i32) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_writev(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("writev", a, kw, 2, 2)?;
    let fd = args::to_int(&a[0])?;
    let bufs = krait_runtime::ops::seq::to_vec(&a[1])?;
    let mut held = Vec::new();
    for b in &bufs {
        held.push(buffer::bytes_like(b)?);
    }
    let iov: Vec<libc::iovec> = held
        .iter()
        .map(|b| libc::iovec { iov_base: b.as_slice().as_ptr() as *mut libc::c_void, iov_len: b.len() })
        .collect();
    let r = args::retry(-1, || unsafe { libc::writev(fd, iov.as_ptr(), iov.len() as i32) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_posix_fallocate(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("posix_fallocate", a, kw, 3, 3)?;
    let fd = args::to_int(&a[0])?;
    let off = args::to_long(&a[1])?;
    let len = args::to_long(&a[2])?;
    let r = unsafe { libc::posix_fallocate(fd, off, len) };
    if r != 0 {
        return Err(args::os_error(r, None, None));
    }
    Ok(none::none())
}

/// PySequence_Check: anything indexable that is not a dict.
fn is_sequence(o: &Obj) -> bool {
    // SAFETY: reads the type's slot table.
    unsafe {
        let t = o.ty();
        !krait_runtime::types::dict::is_dict(o) && !t.tp_as_sequence.is_null() && (*t.tp_as_sequence).sq_item.is_some()
    }
}

/// The arguments of preadv/pwritev: `(fd, buffers, offset, flags=0, /)`,
/// the buffers a sequence (`seq_name` is the name its error gives).
fn vectored_args(fname: &str, seq_name: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<(i32, Vec<Obj>, i64, i32)> {
    super::process::positional(fname, a, kw, 3, 4)?;
    let fd = args::to_int(&a[0])?;
    let off = args::to_long(&a[2])?;
    let flags = match a.get(3) {
        Some(f) => args::to_int(f)?,
        None => 0,
    };
    if !is_sequence(&a[1]) {
        krait_runtime::bail!(TypeError, "{}() arg 2 must be a sequence", seq_name);
    }
    Ok((fd, krait_runtime::ops::seq::to_vec(&a[1])?, off, flags))
}

/// `preadv(fd, buffers, offset, flags=0, /)`: reads into the writable
/// buffers at `offset`; flags (RWF_*) use preadv2.
pub fn p_preadv(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    // CPython's message names preadv2 whichever is called.
    let (fd, bufs, off, flags) = vectored_args("preadv", "preadv2", a, kw)?;
    let mut held = Vec::new();
    for b in &bufs {
        held.push(buffer::Buffer::get(b, buffer::WRITABLE)?);
    }
    let iov: Vec<libc::iovec> = held
        .iter_mut()
        .map(|b| {
            let s = b.as_mut_slice();
            libc::iovec { iov_base: s.as_mut_ptr() as *mut libc::c_void, iov_len: s.len() }
        })
        .collect();
    // SAFETY: each iovec points into a buffer held (and locked) in `held`.
    let r = args::retry(-1, || unsafe {
        if flags == 0 {
            libc::preadv(fd, iov.as_ptr(), iov.len() as i32, off)
        } else {
            libc::preadv2(fd, iov.as_ptr(), iov.len() as i32, off, flags)
        }
    })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `pwritev(fd, buffers, offset, flags=0, /)`.
pub fn p_pwritev(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (fd, bufs, off, flags) = vectored_args("pwritev", "pwritev", a, kw)?;
    let mut held = Vec::new();
    for b in &bufs {
        held.push(buffer::bytes_like(b)?);
    }
    let iov: Vec<libc::iovec> = held
        .iter()
        .map(|b| libc::iovec { iov_base: b.as_slice().as_ptr() as *mut libc::c_void, iov_len: b.len() })
        .collect();
    // SAFETY: each iovec points into a buffer held in `held`.
    let r = args::retry(-1, || unsafe {
        if flags == 0 {
            libc::pwritev(fd, iov.as_ptr(), iov.len() as i32, off)
        } else {
            libc::pwritev2(fd, iov.as_ptr(), iov.len() as i32, off, flags)
        }
    })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

/// `posix_fadvise(fd, offset, length, advice, /)`: the call returns its
/// error code rather than setting errno.
pub fn p_posix_fadvise(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    super::process::positional("posix_fadvise", a, kw, 4, 4)?;
    let fd = args::to_int(&a[0])?;
    let off = args::to_long(&a[1])?;
    let len = args::to_long(&a[2])?;
    let advice = args::to_int(&a[3])?;
    loop {
        let r = krait_runtime::gil::allow_threads(|| unsafe { libc::posix_fadvise(fd, off, len, advice) });
        if r == 0 {
            return Ok(none::none());
        }
        if r != libc::EINTR {
            return Err(os_error(r, None, None));
        }
        krait_runtime::signals::check_signals()?;
    }
}

/// `lockf(fd, command, length, /)`.
pub fn p_lockf(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    super::process::positional("lockf", a, kw, 3, 3)?;
    let fd = args::to_int(&a[0])?;
    let cmd = args::to_int(&a[1])?;
    let len = args::to_long(&a[2])?;
    // F_LOCK may block until another process unlocks.
    let r = krait_runtime::gil::allow_threads(|| unsafe { libc::lockf(fd, cmd, len) });
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

/// `mknod(path, mode=0o600, device=0, *, dir_fd=None)`; its OSError names
/// no file, as CPython 3.11's.
pub fn p_mknod(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("mknod", a, kw, &["path", "mode", "device", "dir_fd"], 0, 3, 1)?;
    let p = args::path("mknod", "path", v[0].as_ref(), false, false)?;
    let mode = match &v[1] {
        Some(m) => args::to_int(m)?,
        None => 0o600,
    };
    let dev = match &v[2] {
        Some(d) => dev_arg(d)?,
        None => 0,
    };
    let dfd = args::dir_fd(&v[3])?;
    let c = p.cstring();
    if unsafe { libc::mknodat(dfd, c.as_ptr(), mode as libc::mode_t, dev) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_chroot(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("chroot", a, kw, &["path"], 0, 1, 1)?;
    let p = args::path("chroot", "path", v[0].as_ref(), false, false)?;
    let c = p.cstring();
    ok_none(unsafe { libc::chroot(c.as_ptr()) }, &p)
}
