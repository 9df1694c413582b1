//! posix_spawn and posix_spawnp, with file actions and spawn attributes
//! (process group, reset ids, new session, signal mask and defaults,
//! scheduler), as CPython 3.11 on Linux.

use super::args::{self, clinic};
use super::process::{env_list, ptrs};
use krait_runtime::types::{bytes, int, list, none, str as pystr, tuple};
use krait_runtime::{Obj, PyResult};
use std::ffi::CString;

pub const POSIX_SPAWN_OPEN: i64 = 0;
pub const POSIX_SPAWN_CLOSE: i64 = 1;
pub const POSIX_SPAWN_DUP2: i64 = 2;

/// Owns the libc file-actions object (and the paths it points at) so that
/// every exit path destroys it.
struct FileActions {
    fa: libc::posix_spawn_file_actions_t,
    _paths: Vec<CString>,
}

impl Drop for FileActions {
    fn drop(&mut self) {
        // SAFETY: `fa` was initialised by posix_spawn_file_actions_init.
        unsafe { libc::posix_spawn_file_actions_destroy(&mut self.fa) };
    }
}

struct Attr(libc::posix_spawnattr_t);

impl Drop for Attr {
    fn drop(&mut self) {
        // SAFETY: initialised by posix_spawnattr_init.
        unsafe { libc::posix_spawnattr_destroy(&mut self.0) };
    }
}

/// A libc error code (not errno) as OSError.
fn check(code: i32) -> PyResult<()> {
    if code != 0 {
        return Err(args::os_error(code, None, None));
    }
    Ok(())
}

/// An argv element: str/bytes/PathLike → bytes without NUL.
fn fs_bytes(o: &Obj) -> PyResult<CString> {
    let r = args::fspath(o)?;
    let b = if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() };
    match CString::new(b) {
        Ok(c) => Ok(c),
        Err(_) => krait_runtime::bail!(ValueError, "embedded null byte"),
    }
}

/// `file_actions`: a sequence of (POSIX_SPAWN_OPEN, fd, path, flags, mode),
/// (POSIX_SPAWN_CLOSE, fd) and (POSIX_SPAWN_DUP2, fd, newfd) tuples.
fn file_actions(o: &Obj) -> PyResult<FileActions> {
    // PySequence_Fast: a TypeError from iterating gets this message.
    let items = match krait_runtime::errors::catch(krait_runtime::types::exceptions::TypeError(), krait_runtime::ops::seq::to_vec(o))? {
        Some(v) => v,
        None => krait_runtime::bail!(TypeError, "file_actions must be a sequence or None"),
    };
    // SAFETY: zeroed storage is initialised by the call below.
    let mut fa = FileActions { fa: unsafe { std::mem::zeroed() }, _paths: Vec::new() };
    check(unsafe { libc::posix_spawn_file_actions_init(&mut fa.fa) })?;
    for item in &items {
        if !tuple::is_tuple(item) || tuple::len(item) == 0 {
            krait_runtime::bail!(TypeError, "Each file_actions element must be a non-empty tuple");
        }
        let t = tuple::items(item);
        let tag = args::to_long(&t[0])?;
        match tag {
            POSIX_SPAWN_OPEN => {
                if t.len() != 5 {
                    krait_runtime::bail!(TypeError, "A open file_action tuple must have 5 elements");
                }
                let fd = args::to_int(&t[1])?;
                let path = fs_bytes(&t[2])?;
                let flags = args::to_int(&t[3])?;
                let mode = args::to_long(&t[4])?;
                // SAFETY: `path` is kept alive in `fa` until it is destroyed.
                check(unsafe { libc::posix_spawn_file_actions_addopen(&mut fa.fa, fd, path.as_ptr(), flags, mode as libc::mode_t) })?;
                fa._paths.push(path);
            }
            POSIX_SPAWN_CLOSE => {
                if t.len() != 2 {
                    krait_runtime::bail!(TypeError, "A close file_action tuple must have 2 elements");
                }
                let fd = args::to_int(&t[1])?;
                check(unsafe { libc::posix_spawn_file_actions_addclose(&mut fa.fa, fd) })?;
            }
            POSIX_SPAWN_DUP2 => {
                if t.len() != 3 {
                    krait_runtime::bail!(TypeError, "A dup2 file_action tuple must have 3 elements");
                }
                let fd = args::to_int(&t[1])?;
                let fd2 = args::to_int(&t[2])?;
                check(unsafe { libc::posix_spawn_file_actions_adddup2(&mut fa.fa, fd, fd2) })?;
            }
            _ => krait_runtime::bail!(TypeError, "Unknown file_actions identifier"),
        }
    }
    Ok(fa)
}

/// The `sched_priority` of a sched_param as a C int (CPython's
/// convert_sched_param).
pub fn sched_priority(param: &Obj) -> PyResult<i32> {
    let t = super::process::sched_param_type()?;
    if !param.get_type().is(&t) {
        krait_runtime::bail!(TypeError, "must have a sched_param object");
    }
    let p = &tuple::items(param)[0];
    let v = args::to_long(p)?;
    if v > i32::MAX as i64 || v < i32::MIN as i64 {
        krait_runtime::bail!(OverflowError, "sched_priority out of range");
    }
    Ok(v as i32)
}

/// The keyword-only spawn attributes (`resetids` and `setsid` already
/// converted, as argument clinic does before anything else).
fn attributes(v: &[Option<Obj>], resetids: bool, setsid: bool) -> PyResult<Attr> {
    // SAFETY: zeroed storage is initialised by the call below.
    let mut attr = Attr(unsafe { std::mem::zeroed() });
    check(unsafe { libc::posix_spawnattr_init(&mut attr.0) })?;
    let mut flags: i32 = 0;
    // An explicit None is refused, as in CPython 3.11.
    if let Some(pg) = &v[0] {
        // PyLong_AsPid on Linux: a C long cut down to pid_t, unchecked.
        let pgid = args::to_long(pg)? as libc::pid_t;
        check(unsafe { libc::posix_spawnattr_setpgroup(&mut attr.0, pgid) })?;
        flags |= libc::POSIX_SPAWN_SETPGROUP;
    }
    if resetids {
        flags |= libc::POSIX_SPAWN_RESETIDS;
    }
    if setsid {
        flags |= libc::POSIX_SPAWN_SETSID as i32;
    }
    if let Some(m) = &v[3] {
        let set = crate::signal::sigset_of(m)?;
        check(unsafe { libc::posix_spawnattr_setsigmask(&mut attr.0, &set) })?;
        flags |= libc::POSIX_SPAWN_SETSIGMASK;
    }
    if let Some(m) = &v[4] {
        let set = crate::signal::sigset_of(m)?;
        check(unsafe { libc::posix_spawnattr_setsigdefault(&mut attr.0, &set) })?;
        flags |= libc::POSIX_SPAWN_SETSIGDEF;
    }
    if let Some(s) = &v[5] {
        if !tuple::is_tuple(s) {
            krait_runtime::bail!(SystemError, "new style getargs format but argument is not a tuple");
        }
        if tuple::len(s) != 2 {
            krait_runtime::bail!(TypeError, "A scheduler tuple must have two elements");
        }
        let t = tuple::items(s);
        let prio = sched_priority(&t[1])?;
        if !none::is_none(&t[0]) {
            let policy = args::to_int(&t[0])?;
            check(unsafe { libc::posix_spawnattr_setschedpolicy(&mut attr.0, policy) })?;
            flags |= libc::POSIX_SPAWN_SETSCHEDULER;
        }
        let sp = libc::sched_param { sched_priority: prio };
        check(unsafe { libc::posix_spawnattr_setschedparam(&mut attr.0, &sp) })?;
        flags |= libc::POSIX_SPAWN_SETSCHEDPARAM;
    }
    check(unsafe { libc::posix_spawnattr_setflags(&mut attr.0, flags as libc::c_short) })?;
    Ok(attr)
}

const NAMES: &[&str] = &["path", "argv", "env", "file_actions", "setpgroup", "resetids", "setsid", "setsigmask", "setsigdef", "scheduler"];

fn spawn(fname: &str, use_path: bool, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic(fname, a, kw, NAMES, 3, 3, 3)?;
    let p = args::path(fname, "path", v[0].as_ref(), false, false)?;
    let flag = |o: &Option<Obj>| -> PyResult<bool> { Ok(match o { Some(x) => args::to_int(x)? != 0, None => false }) };
    let (resetids, setsid) = (flag(&v[5])?, flag(&v[6])?);
    let argv_obj = v[1].as_ref().unwrap();
    let env = v[2].as_ref().unwrap();
    if !tuple::is_tuple(argv_obj) && !list::is_list(argv_obj) {
        krait_runtime::bail!(TypeError, "{}: argv must be a tuple or list", fname);
    }
    let items = krait_runtime::ops::seq::to_vec(argv_obj)?;
    if items.is_empty() {
        krait_runtime::bail!(ValueError, "{}: argv must not be empty", fname);
    }
    if none::is_none(env) || krait_runtime::ops::attr::getattr_opt(env, &pystr::new("keys"))?.is_none() {
        krait_runtime::bail!(TypeError, "{}: environment must be a mapping object", fname);
    }
    let mut argv = Vec::with_capacity(items.len());
    for it in &items {
        argv.push(fs_bytes(it)?);
    }
    if argv[0].as_bytes().is_empty() {
        krait_runtime::bail!(ValueError, "{}: argv first element cannot be empty", fname);
    }
    let envs = env_list(env)?;
    let fa = match v[3].as_ref().filter(|o| !none::is_none(o)) {
        Some(o) => Some(file_actions(o)?),
        None => None,
    };
    let attr = attributes(&v[4..], resetids, setsid)?;
    let c = p.cstring();
    let (argvp, envp) = (ptrs(&argv), ptrs(&envs));
    let fap = fa.as_ref().map_or(std::ptr::null(), |f| &f.fa as *const _);
    let mut pid: libc::pid_t = 0;
    // SAFETY: every pointer refers to storage alive until the call returns;
    // argv and envp are NULL-terminated.
    let code = unsafe {
        if use_path {
            libc::posix_spawnp(&mut pid, c.as_ptr(), fap, &attr.0, argvp.as_ptr() as *const *mut libc::c_char, envp.as_ptr() as *const *mut libc::c_char)
        } else {
            libc::posix_spawn(&mut pid, c.as_ptr(), fap, &attr.0, argvp.as_ptr() as *const *mut libc::c_char, envp.as_ptr() as *const *mut libc::c_char)
        }
    };
    if code != 0 {
        return Err(args::os_error(code, Some(&p.obj), None));
    }
    Ok(int::from_i64(pid as i64))
}

pub fn p_posix_spawn(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    spawn("posix_spawn", false, a, kw)
}

pub fn p_posix_spawnp(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    spawn("posix_spawnp", true, a, kw)
}
