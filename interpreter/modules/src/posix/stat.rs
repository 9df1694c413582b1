//! `os.stat_result` and stat/lstat/fstat, plus `statvfs`.

use super::args::{self, clinic, Path};
use krait_runtime::types::{float, int, none, structseq};
use krait_runtime::{Obj, PyResult};

static STAT_RESULT: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());
static STATVFS_RESULT: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());

const STAT_FIELDS: &[Option<&str>] = &[
    Some("st_mode"),
    Some("st_ino"),
    Some("st_dev"),
    Some("st_nlink"),
    Some("st_uid"),
    Some("st_gid"),
    Some("st_size"),
    None,
    None,
    None,
    Some("st_atime"),
    Some("st_mtime"),
    Some("st_ctime"),
    Some("st_atime_ns"),
    Some("st_mtime_ns"),
    Some("st_ctime_ns"),
    Some("st_blksize"),
    Some("st_blocks"),
    Some("st_rdev"),
];

/// Empty float times take the integer ones, as CPython's stat_result does.
fn stat_fixup(v: &mut [Obj]) {
    for i in 0..3 {
        if none::is_none(&v[10 + i]) {
            v[10 + i] = v[7 + i].clone();
        }
    }
}

pub fn stat_result_type() -> PyResult<Obj> {
    if let Some(t) = STAT_RESULT.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = structseq::new_type_ext("os", "stat_result", STAT_FIELDS, 10, Some(stat_fixup))?;
    STAT_RESULT.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

pub fn statvfs_result_type() -> PyResult<Obj> {
    if let Some(t) = STATVFS_RESULT.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let names: &[Option<&str>] = &[
        Some("f_bsize"),
        Some("f_frsize"),
        Some("f_blocks"),
        Some("f_bfree"),
        Some("f_bavail"),
        Some("f_files"),
        Some("f_ffree"),
        Some("f_favail"),
        Some("f_flag"),
        Some("f_namemax"),
        Some("f_fsid"),
    ];
    let t = structseq::new_type_ext("os", "statvfs_result", names, 10, None)?;
    STATVFS_RESULT.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

fn time_parts(sec: i64, nsec: i64) -> (Obj, Obj, Obj) {
    let f = sec as f64 + nsec as f64 * 1e-9;
    let ns = sec as i128 * 1_000_000_000 + nsec as i128;
    (int::from_i64(sec), float::from_f64(f), int::from_i128(ns))
}

/// A stat_result from a `struct stat`.
pub fn from_stat(st: &libc::stat) -> PyResult<Obj> {
    let (ai, af, an) = time_parts(st.st_atime, st.st_atime_nsec);
    let (mi, mf, mn) = time_parts(st.st_mtime, st.st_mtime_nsec);
    let (ci, cf, cn) = time_parts(st.st_ctime, st.st_ctime_nsec);
    let v = vec![
        int::from_i64(st.st_mode as i64),
        int::from_u64(st.st_ino),
        int::from_u64(st.st_dev),
        int::from_u64(st.st_nlink),
        int::from_i64(st.st_uid as i64),
        int::from_i64(st.st_gid as i64),
        int::from_i64(st.st_size),
        ai,
        mi,
        ci,
        af,
        mf,
        cf,
        an,
        mn,
        cn,
        int::from_i64(st.st_blksize),
        int::from_i64(st.st_blocks),
        int::from_u64(st.st_rdev),
    ];
    structseq::new_ext(&stat_result_type()?, v)
}

/// stat/lstat/fstat of a converted path.
pub fn do_stat(fname: &str, p: &Path, dir_fd: i32, follow: bool) -> PyResult<libc::stat> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = if let Some(fd) = p.fd {
        if dir_fd != libc::AT_FDCWD {
            krait_runtime::bail!(ValueError, "{}: can't specify both dir_fd and fd", fname);
        }
        if !follow {
            krait_runtime::bail!(ValueError, "{}: cannot use fd and follow_symlinks together", fname);
        }
        unsafe { libc::fstat(fd, &mut st) }
    } else {
        let c = p.cstring();
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        unsafe { libc::fstatat(dir_fd, c.as_ptr(), &mut st, flags) }
    };
    if r != 0 {
        return Err(args::path_error(p));
    }
    Ok(st)
}

pub fn p_stat(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("stat", a, kw, &["path", "dir_fd", "follow_symlinks"], 0, 1, 1)?;
    let p = args::path("stat", "path", v[0].as_ref(), false, true)?;
    let dfd = args::dir_fd(&v[1])?;
    let follow = args::to_bool(&v[2], true)?;
    from_stat(&do_stat("stat", &p, dfd, follow)?)
}

pub fn p_lstat(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("lstat", a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = args::path("lstat", "path", v[0].as_ref(), false, false)?;
    let dfd = args::dir_fd(&v[1])?;
    from_stat(&do_stat("lstat", &p, dfd, false)?)
}

pub fn p_fstat(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("fstat", a, kw, &["fd"], 0, 1, 1)?;
    let fd = args::to_int(v[0].as_ref().unwrap())?;
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if args::retry(-1, || unsafe { libc::fstat(fd, &mut st) })? != 0 {
        return Err(args::last_error());
    }
    from_stat(&st)
}

fn from_statvfs(s: &libc::statvfs) -> PyResult<Obj> {
    let v = vec![
        int::from_u64(s.f_bsize),
        int::from_u64(s.f_frsize),
        int::from_u64(s.f_blocks),
        int::from_u64(s.f_bfree),
        int::from_u64(s.f_bavail),
        int::from_u64(s.f_files),
        int::from_u64(s.f_ffree),
        int::from_u64(s.f_favail),
        int::from_u64(s.f_flag),
        int::from_u64(s.f_namemax),
        int::from_u64(s.f_fsid),
    ];
    structseq::new_ext(&statvfs_result_type()?, v)
}

pub fn p_statvfs(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("statvfs", a, kw, &["path"], 0, 1, 1)?;
    let p = args::path("statvfs", "path", v[0].as_ref(), false, true)?;
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = match p.fd {
        Some(fd) => unsafe { libc::fstatvfs(fd, &mut s) },
        None => {
            let c = p.cstring();
            unsafe { libc::statvfs(c.as_ptr(), &mut s) }
        }
    };
    if r != 0 {
        return Err(args::path_error(&p));
    }
    from_statvfs(&s)
}

pub fn p_fstatvfs(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("fstatvfs", a, kw, 1, 1)?;
    let fd = args::to_int(&a[0])?;
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstatvfs(fd, &mut s) } != 0 {
        return Err(args::last_error());
    }
    from_statvfs(&s)
}
