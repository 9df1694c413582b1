//! Processes: ids and groups, fork (with register_at_fork callbacks), exec,
//! wait/wait3/wait4/waitid and the W* status helpers, kill, _exit, times,
//! uname, cpu_count, sysconf/confstr/pathconf, sched_param and the sched_*
//! calls.

use super::args::{self, clinic};
use super::names;
use krait_runtime::types::{bool_, dict, float, int, list, none, set, str as pystr, structseq, tuple, bytes};
use krait_runtime::{Obj, PyResult};

macro_rules! id_fn {
    ($name:ident, $pyname:literal, $call:expr) => {
        pub fn $name(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            krait_runtime::types::builtin_func::check_nargs(concat!("posix.", $pyname), a, kw, 0, 0)?;
            Ok(int::from_i64(unsafe { $call } as i64))
        }
    };
}

id_fn!(p_getpid, "getpid", libc::getpid());
id_fn!(p_getppid, "getppid", libc::getppid());
id_fn!(p_getuid, "getuid", libc::getuid());
id_fn!(p_geteuid, "geteuid", libc::geteuid());
id_fn!(p_getgid, "getgid", libc::getgid());
id_fn!(p_getegid, "getegid", libc::getegid());
id_fn!(p_getpgrp, "getpgrp", libc::getpgrp());

pub fn p_setsid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.setsid", a, kw, 0, 0)?;
    if unsafe { libc::setsid() } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_setpgrp(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.setpgrp", a, kw, 0, 0)?;
    if unsafe { libc::setpgid(0, 0) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_getpgid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getpgid", a, kw, 1, 1)?;
    let pid = args::to_pid(&a[0])?;
    let r = unsafe { libc::getpgid(pid) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_setpgid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("setpgid", a, kw, 2, 2)?;
    let (pid, pg) = (args::to_pid(&a[0])?, args::to_pid(&a[1])?);
    if unsafe { libc::setpgid(pid, pg) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_getsid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getsid", a, kw, 1, 1)?;
    let pid = args::to_pid(&a[0])?;
    let r = unsafe { libc::getsid(pid) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_getgroups(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getgroups", a, kw, 0, 0)?;
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(args::last_error());
    }
    let mut v = vec![0 as libc::gid_t; n as usize];
    let n = unsafe { libc::getgroups(n, v.as_mut_ptr()) };
    if n < 0 {
        return Err(args::last_error());
    }
    Ok(list::from_vec(v[..n as usize].iter().map(|g| int::from_i64(*g as i64)).collect()))
}

/// `setgroups(groups)`: groups is a sequence (anything with sq_item that is
/// not a dict) of gids.
pub fn p_setgroups(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("setgroups", a, kw, 1, 1)?;
    let o = &a[0];
    let is_seq = unsafe {
        let t = o.ty();
        !krait_runtime::types::dict::is_dict(o) && !t.tp_as_sequence.is_null() && (*t.tp_as_sequence).sq_item.is_some()
    };
    if !is_seq {
        krait_runtime::bail!(TypeError, "setgroups argument must be a sequence");
    }
    let items = krait_runtime::ops::call::call(&krait_runtime::types::type_::type_obj(krait_runtime::types::list::type_ptr()), &[o.clone()], None)?;
    let items = list::items(&items).to_vec();
    if items.len() > 65536 {
        krait_runtime::bail!(ValueError, "too many groups");
    }
    let mut gids = Vec::with_capacity(items.len());
    for it in &items {
        if !int::is_int(it) {
            krait_runtime::bail!(TypeError, "groups must be integers");
        }
        let i = int::index_raw(it)?;
        match int::as_i64(&i) {
            Some(-1) => gids.push(u32::MAX),
            Some(v) if (0..=u32::MAX as i64).contains(&v) => gids.push(v as u32),
            Some(_) => krait_runtime::bail!(OverflowError, "gid is less than minimum"),
            None if int::sign(&i) < 0 => krait_runtime::bail!(OverflowError, "gid is less than minimum"),
            None => krait_runtime::bail!(OverflowError, "gid is greater than maximum"),
        }
    }
    if unsafe { libc::setgroups(gids.len(), gids.as_ptr()) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_getlogin(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getlogin", a, kw, 0, 0)?;
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = args::errno();
        if e != 0 {
            return Err(args::os_error(e, None, None));
        }
        krait_runtime::bail!(OSError, "unable to determine login name");
    }
    args::fs_decode(unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes())
}

pub fn p_kill(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if a.len() != 2 || kw.map_or(false, |k| tuple::len(k) > 0) {
        krait_runtime::types::builtin_func::no_kwargs("kill", kw)?;
        krait_runtime::bail!(TypeError, "kill() takes exactly 2 arguments ({} given)", a.len());
    }
    let pid = args::to_pid(&a[0])?;
    let sig = args::to_int(&a[1])?;
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_killpg(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("killpg", a, kw, 2, 2)?;
    let pg = args::to_pid(&a[0])?;
    let sig = args::to_int(&a[1])?;
    if unsafe { libc::killpg(pg, sig) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_exit(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("_exit", a, kw, &["status"], 0, 1, 1)?;
    let code = args::to_int(v[0].as_ref().unwrap())?;
    unsafe { libc::_exit(code) }
}

pub fn p_abort(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.abort", a, kw, 0, 0)?;
    unsafe { libc::abort() }
}

// --- wait and status helpers -------------------------------------------------

pub fn p_waitpid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("waitpid", a, kw, 2, 2)?;
    let pid = args::to_pid(&a[0])?;
    let opts = args::to_int(&a[1])?;
    let mut status = 0;
    let r = args::retry(-1, || unsafe { libc::waitpid(pid, &mut status, opts) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(tuple::new(&[int::from_i64(r as i64), int::from_i64(status as i64)]))
}

pub fn p_wait(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.wait", a, kw, 0, 0)?;
    let mut status = 0;
    let r = args::retry(-1, || unsafe { libc::wait(&mut status) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(tuple::new(&[int::from_i64(r as i64), int::from_i64(status as i64)]))
}

fn status_arg(fname: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<i32> {
    let v = clinic(fname, a, kw, &["status"], 0, 1, 1)?;
    args::to_int(v[0].as_ref().unwrap())
}

macro_rules! wstatus {
    ($name:ident, $pyname:literal, bool $f:path) => {
        pub fn $name(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            let s = status_arg($pyname, a, kw)?;
            Ok(bool_::from_bool($f(s)))
        }
    };
    ($name:ident, $pyname:literal, int $f:path) => {
        pub fn $name(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            let s = status_arg($pyname, a, kw)?;
            Ok(int::from_i64($f(s) as i64))
        }
    };
}

wstatus!(p_wifexited, "WIFEXITED", bool libc::WIFEXITED);
wstatus!(p_wexitstatus, "WEXITSTATUS", int libc::WEXITSTATUS);
wstatus!(p_wifsignaled, "WIFSIGNALED", bool libc::WIFSIGNALED);
wstatus!(p_wtermsig, "WTERMSIG", int libc::WTERMSIG);
wstatus!(p_wifstopped, "WIFSTOPPED", bool libc::WIFSTOPPED);
wstatus!(p_wstopsig, "WSTOPSIG", int libc::WSTOPSIG);
wstatus!(p_wifcontinued, "WIFCONTINUED", bool libc::WIFCONTINUED);
wstatus!(p_wcoredump, "WCOREDUMP", bool libc::WCOREDUMP);

pub fn p_waitstatus_to_exitcode(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let s = status_arg("waitstatus_to_exitcode", a, kw)?;
    if libc::WIFEXITED(s) {
        return Ok(int::from_i64(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(int::from_i64(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        krait_runtime::bail!(ValueError, "process stopped by delivery of signal {}", libc::WSTOPSIG(s));
    }
    krait_runtime::bail!(ValueError, "invalid wait status: {}", s)
}

// --- fork and exec ---------------------------------------------------------------

static AT_FORK: krait_runtime::gil::GilCell<std::cell::RefCell<(Vec<Obj>, Vec<Obj>, Vec<Obj>)>> = krait_runtime::gil::GilCell::new(std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())));

pub fn p_register_at_fork(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("register_at_fork", a, kw, &["before", "after_in_child", "after_in_parent"], 0, 0, 0)?;
    if v.iter().all(|x| x.is_none()) {
        krait_runtime::bail!(TypeError, "At least one argument is required.");
    }
    for (x, n) in v.iter().zip(["before", "after_in_child", "after_in_parent"]) {
        if let Some(f) = x {
            if !krait_runtime::builtins::is_callable(f) {
                krait_runtime::bail!(TypeError, "'{}' must be callable, not {}", n, f.ty().name());
            }
        }
    }
    AT_FORK.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(f) = &v[0] {
            c.0.push(f.clone());
        }
        if let Some(f) = &v[1] {
            c.1.push(f.clone());
        }
        if let Some(f) = &v[2] {
            c.2.push(f.clone());
        }
    });
    Ok(none::none())
}

/// Calls fork hooks, reporting (not raising) their exceptions as CPython.
fn run_hooks(hooks: Vec<Obj>) {
    for f in hooks {
        if let Err(e) = krait_runtime::ops::call::call(&f, &[], None) {
            krait_runtime::errors::write_unraisable(e, Some(&f));
        }
    }
}

/// The os.register_at_fork hooks of one kind: "before" hooks run
/// last-registered first, the others in registration order.
fn hooks(kind: usize) -> Vec<Obj> {
    AT_FORK.with(|c| {
        let c = c.borrow();
        match kind {
            0 => c.0.iter().rev().cloned().collect(),
            1 => c.1.clone(),
            _ => c.2.clone(),
        }
    })
}

/// PyOS_BeforeFork's Python part (used by _posixsubprocess with preexec_fn).
pub fn run_before_fork_hooks() {
    run_hooks(hooks(0));
    krait_runtime::import::imp::acquire_for_fork();
}

/// PyOS_AfterFork_Child: the interpreter becomes the child's, then the
/// after_in_child hooks run.
///
/// # Safety
/// Only in a freshly forked child, before any other Python code runs.
pub unsafe fn after_fork_child_with_hooks() {
    krait_runtime::interp::after_fork_child();
    run_hooks(hooks(1));
}

pub fn run_after_fork_parent_hooks() {
    krait_runtime::import::imp::release_after_fork();
    run_hooks(hooks(2));
}

pub fn p_fork(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.fork", a, kw, 0, 0)?;
    let pid = fork_with_hooks(|| unsafe { libc::fork() })?;
    Ok(int::from_i64(pid as i64))
}

/// `forkpty()`: fork with the child on a new pseudo-terminal; returns
/// (pid, master fd) — the fd is meaningless (-1) in the child.
pub fn p_forkpty(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.forkpty", a, kw, 0, 0)?;
    let mut master: i32 = -1;
    let pid = fork_with_hooks(|| unsafe { libc::forkpty(&mut master, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) })?;
    Ok(tuple::new(&[int::from_i64(pid as i64), int::from_i64(master as i64)]))
}

/// Runs `fork` between the os.register_at_fork hooks, resetting the
/// interpreter's locks in the child, as CPython's os.fork.
fn fork_with_hooks(fork: impl FnOnce() -> libc::pid_t) -> PyResult<libc::pid_t> {
    let (before, child, parent) = AT_FORK.with(|c| {
        let c = c.borrow();
        (c.0.clone(), c.1.clone(), c.2.clone())
    });
    // "before" hooks run last-registered first.
    run_hooks(before.into_iter().rev().collect());
    krait_runtime::modules::sys::flush_std_streams();
    krait_runtime::import::imp::acquire_for_fork();
    let pid = fork();
    if pid < 0 {
        let e = args::errno();
        krait_runtime::import::imp::release_after_fork();
        run_hooks(parent);
        return Err(args::os_error(e, None, None));
    }
    if pid == 0 {
        // SAFETY: this is the child, straight after fork: one thread.
        unsafe { krait_runtime::interp::after_fork_child() };
        run_hooks(child);
    } else {
        krait_runtime::import::imp::release_after_fork();
        run_hooks(parent);
    }
    Ok(pid)
}

fn argv_list(fname: &str, o: &Obj, what: &str) -> PyResult<Vec<std::ffi::CString>> {
    if !tuple::is_tuple(o) && !list::is_list(o) {
        krait_runtime::bail!(TypeError, "{}() arg 2 must be a tuple or list", fname);
    }
    let items = krait_runtime::ops::seq::to_vec(o)?;
    if items.is_empty() && what == "argv" {
        krait_runtime::bail!(ValueError, "{}() arg 2 must not be empty", fname);
    }
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let r = args::fspath(it)?;
        let b = if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() };
        if b.contains(&0) {
            krait_runtime::bail!(ValueError, "embedded null byte");
        }
        if i == 0 && b.is_empty() {
            krait_runtime::bail!(ValueError, "{}() arg 2 first element cannot be empty", fname);
        }
        out.push(std::ffi::CString::new(b).unwrap());
    }
    Ok(out)
}

pub(super) fn env_list(env: &Obj) -> PyResult<Vec<std::ffi::CString>> {
    let keys = krait_runtime::ops::seq::to_vec(&krait_runtime::ops::attr::call_method(env, "keys", &[])?)?;
    let mut out = Vec::new();
    for k in keys {
        let v = krait_runtime::ops::seq::getitem(env, &k)?;
        let conv = |o: &Obj| -> PyResult<Vec<u8>> {
            let r = args::fspath(o)?;
            Ok(if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() })
        };
        let kb = conv(&k)?;
        if kb.is_empty() || kb[1..].contains(&b'=') {
            krait_runtime::bail!(ValueError, "illegal environment variable name");
        }
        let mut e = kb;
        e.push(b'=');
        e.extend(conv(&v)?);
        if e.contains(&0) {
            krait_runtime::bail!(ValueError, "embedded null byte");
        }
        out.push(std::ffi::CString::new(e).unwrap());
    }
    Ok(out)
}

pub(super) fn ptrs(v: &[std::ffi::CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

pub fn p_execv(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("execv", a, kw, 2, 2)?;
    let p = args::path("execv", "path", Some(&a[0]), false, false)?;
    let argv = argv_list("execv", &a[1], "argv")?;
    let c = p.cstring();
    krait_runtime::modules::sys::flush_std_streams();
    unsafe { libc::execv(c.as_ptr(), ptrs(&argv).as_ptr()) };
    Err(args::last_error())
}

pub fn p_execve(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("execve", a, kw, &["path", "argv", "env"], 0, 3, 3)?;
    let p = args::path("execve", "path", v[0].as_ref(), false, true)?;
    let argv = argv_list("execve", v[1].as_ref().unwrap(), "argv")?;
    let env = v[2].as_ref().unwrap();
    if krait_runtime::ops::attr::getattr_opt(env, &pystr::new("keys"))?.is_none() {
        krait_runtime::bail!(TypeError, "execve: environment must be a mapping object");
    }
    let envs = env_list(env)?;
    krait_runtime::modules::sys::flush_std_streams();
    match p.fd {
        Some(fd) => unsafe { libc::fexecve(fd, ptrs(&argv).as_ptr(), ptrs(&envs).as_ptr()) },
        None => {
            let c = p.cstring();
            unsafe { libc::execve(c.as_ptr(), ptrs(&argv).as_ptr(), ptrs(&envs).as_ptr()) }
        }
    };
    Err(args::path_error(&p))
}

pub fn p_system(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("system", a, kw, &["command"], 0, 1, 1)?;
    let r = args::fspath(v[0].as_ref().unwrap())?;
    let b = if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() };
    let c = match std::ffi::CString::new(b) {
        Ok(c) => c,
        Err(_) => krait_runtime::bail!(ValueError, "embedded null byte"),
    };
    krait_runtime::modules::sys::flush_std_streams();
    Ok(int::from_i64(unsafe { libc::system(c.as_ptr()) } as i64))
}

// --- information -------------------------------------------------------------------

static TIMES_RESULT: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());
static UNAME_RESULT: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());

fn cached_type(cell: &'static krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>>, name: &str, fields: &[Option<&'static str>]) -> PyResult<Obj> {
    if let Some(t) = cell.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = structseq::new_type_ext("posix", name, fields, fields.len(), None)?;
    cell.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

pub fn times_result_type() -> PyResult<Obj> {
    cached_type(
        &TIMES_RESULT,
        "times_result",
        &[Some("user"), Some("system"), Some("children_user"), Some("children_system"), Some("elapsed")],
    )
}

pub fn uname_result_type() -> PyResult<Obj> {
    cached_type(&UNAME_RESULT, "uname_result", &[Some("sysname"), Some("nodename"), Some("release"), Some("version"), Some("machine")])
}

pub fn p_times(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.times", a, kw, 0, 0)?;
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let c = unsafe { libc::times(&mut t) };
    if c == -1i64 as libc::clock_t {
        return Err(args::last_error());
    }
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let v = vec![
        float::from_f64(t.tms_utime as f64 / tick),
        float::from_f64(t.tms_stime as f64 / tick),
        float::from_f64(t.tms_cutime as f64 / tick),
        float::from_f64(t.tms_cstime as f64 / tick),
        float::from_f64(c as f64 / tick),
    ];
    structseq::new_ext(&times_result_type()?, v)
}

pub fn p_uname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.uname", a, kw, 0, 0)?;
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(args::last_error());
    }
    let f = |s: &[libc::c_char]| args::fs_decode(unsafe { std::ffi::CStr::from_ptr(s.as_ptr()) }.to_bytes());
    let v = vec![f(&u.sysname)?, f(&u.nodename)?, f(&u.release)?, f(&u.version)?, f(&u.machine)?];
    structseq::new_ext(&uname_result_type()?, v)
}

pub fn p_cpu_count(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.cpu_count", a, kw, 0, 0)?;
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    if n < 1 {
        return Ok(none::none());
    }
    Ok(int::from_i64(n as i64))
}

pub fn p_sched_getaffinity(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("sched_getaffinity", a, kw, 1, 1)?;
    let pid = args::to_pid(&a[0])?;
    let mut cs: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut cs) } != 0 {
        return Err(args::last_error());
    }
    let mut v = Vec::new();
    for i in 0..libc::CPU_SETSIZE as usize {
        if unsafe { libc::CPU_ISSET(i, &cs) } {
            v.push(int::from_usize(i));
        }
    }
    set::new_set(v)
}

pub fn p_getloadavg(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getloadavg", a, kw, 0, 0)?;
    let mut l = [0f64; 3];
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        krait_runtime::bail!(OSError, "Load averages are unobtainable");
    }
    Ok(tuple::new(&[float::from_f64(l[0]), float::from_f64(l[1]), float::from_f64(l[2])]))
}

fn conf_name(o: &Obj, table: &[(&str, i32)]) -> PyResult<i32> {
    if int::is_int(o) {
        return int::as_c_int(o);
    }
    if !pystr::is_str(o) {
        krait_runtime::bail!(TypeError, "configuration names must be strings or integers");
    }
    let s = pystr::to_string_lossy(o);
    match table.iter().find(|(n, _)| *n == s) {
        Some((_, v)) => Ok(*v),
        None => krait_runtime::bail!(ValueError, "unrecognized configuration name"),
    }
}

pub fn p_sysconf(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("sysconf", a, kw, 1, 1)?;
    let n = conf_name(&a[0], names::SYSCONF_NAMES)?;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::sysconf(n) };
    if r == -1 && args::errno() != 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_confstr(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("confstr", a, kw, 1, 1)?;
    let n = conf_name(&a[0], names::CONFSTR_NAMES)?;
    unsafe { *libc::__errno_location() = 0 };
    let len = unsafe { libc::confstr(n, std::ptr::null_mut(), 0) };
    if len == 0 {
        if args::errno() != 0 {
            return Err(args::last_error());
        }
        return Ok(none::none());
    }
    let mut buf = vec![0u8; len];
    unsafe { libc::confstr(n, buf.as_mut_ptr() as *mut libc::c_char, len) };
    buf.truncate(len - 1);
    args::fs_decode(&buf)
}

fn pathconf_impl(fname: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic(fname, a, kw, &["path", "name"], 0, 2, 2)?;
    let p = args::path(fname, "path", v[0].as_ref(), false, true)?;
    let n = conf_name(v[1].as_ref().unwrap(), names::PATHCONF_NAMES)?;
    unsafe { *libc::__errno_location() = 0 };
    let r = match p.fd {
        Some(fd) => unsafe { libc::fpathconf(fd, n) },
        None => {
            let c = p.cstring();
            unsafe { libc::pathconf(c.as_ptr(), n) }
        }
    };
    if r == -1 && args::errno() != 0 {
        return Err(args::path_error(&p));
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_pathconf(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    pathconf_impl("pathconf", a, kw)
}

pub fn p_fpathconf(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    pathconf_impl("fpathconf", a, kw)
}

pub fn names_dict(table: &[(&str, i32)]) -> PyResult<Obj> {
    let d = dict::new();
    for (n, v) in table {
        dict::set_item_str(&d, n, &int::from_i64(*v as i64))?;
    }
    Ok(d)
}

pub fn p_nice(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("nice", a, kw, 1, 1)?;
    let inc = args::to_int(&a[0])?;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::nice(inc) };
    if r == -1 && args::errno() != 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_getpriority(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getpriority", a, kw, 2, 2)?;
    let which = args::to_int(&a[0])?;
    let who = args::to_int(&a[1])?;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::getpriority(which as libc::__priority_which_t, who as libc::id_t) };
    if r == -1 && args::errno() != 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_setpriority(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("setpriority", a, kw, 3, 3)?;
    let which = args::to_int(&a[0])?;
    let who = args::to_int(&a[1])?;
    let prio = args::to_int(&a[2])?;
    if unsafe { libc::setpriority(which as libc::__priority_which_t, who as libc::id_t, prio) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

fn res_ids(f: unsafe extern "C" fn(*mut u32, *mut u32, *mut u32) -> i32) -> PyResult<Obj> {
    let (mut r, mut e, mut s) = (0u32, 0u32, 0u32);
    if unsafe { f(&mut r, &mut e, &mut s) } != 0 {
        return Err(args::last_error());
    }
    Ok(tuple::new(&[int::from_i64(r as i64), int::from_i64(e as i64), int::from_i64(s as i64)]))
}

pub fn p_getresuid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getresuid", a, kw, 0, 0)?;
    res_ids(libc::getresuid)
}

pub fn p_getresgid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.getresgid", a, kw, 0, 0)?;
    res_ids(libc::getresgid)
}

macro_rules! set_id {
    ($name:ident, $pyname:literal, $what:literal, $f:path) => {
        pub fn $name(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            args::positional($pyname, a, kw, 1, 1)?;
            let id = args::id_of(&a[0], $what)?;
            if unsafe { $f(id) } != 0 {
                return Err(args::last_error());
            }
            Ok(none::none())
        }
    };
}
set_id!(p_setuid, "setuid", "uid", libc::setuid);
set_id!(p_setgid, "setgid", "gid", libc::setgid);
set_id!(p_seteuid, "seteuid", "uid", libc::seteuid);
set_id!(p_setegid, "setegid", "gid", libc::setegid);

pub fn p_sched_yield(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.sched_yield", a, kw, 0, 0)?;
    unsafe { libc::sched_yield() };
    Ok(none::none())
}

/// `args::positional` with keywords refused under the qualified name
/// ("posix.f() takes no keyword arguments"), as for CPython's
/// positional-only functions.
pub(super) fn positional(fname: &str, a: &[Obj], kw: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    krait_runtime::types::builtin_func::no_kwargs(&format!("posix.{}", fname), kw)?;
    args::positional(fname, a, kw, min, max)
}

// --- wait3, wait4, waitid ----------------------------------------------------------

/// Old-style positional checks: "f() takes exactly N arguments (M given)".
fn exact_args(fname: &str, a: &[Obj], kw: Option<&Obj>, n: usize) -> PyResult<()> {
    krait_runtime::types::builtin_func::no_kwargs(&format!("posix.{}", fname), kw)?;
    if a.len() != n {
        krait_runtime::bail!(TypeError, "{}() takes exactly {} arguments ({} given)", fname, n, a.len());
    }
    Ok(())
}

/// (pid, status, rusage) after wait3/wait4; with WNOHANG and no child
/// ready the rusage is all zeros, as CPython's.
fn wait_result(pid: libc::pid_t, status: i32, ru: &mut libc::rusage) -> PyResult<Obj> {
    if pid < 0 {
        return Err(args::last_error());
    }
    if pid == 0 {
        // SAFETY: rusage is plain data; all-zero is a valid value.
        *ru = unsafe { std::mem::zeroed() };
    }
    let r = crate::resource::rusage_obj(ru)?;
    Ok(tuple::new(&[int::from_i64(pid as i64), int::from_i64(status as i64), r]))
}

pub fn p_wait3(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("wait3", a, kw, &["options"], 0, 1, 1)?;
    let opts = args::to_int(v[0].as_ref().unwrap())?;
    let mut status = 0;
    // SAFETY: rusage is plain data.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // wait3(...) is wait4(-1, ...); the libc crate lacks wait3.
    let r = args::retry(-1, || unsafe { libc::wait4(-1, &mut status, opts, &mut ru) })?;
    wait_result(r, status, &mut ru)
}

pub fn p_wait4(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    // Parsed with a format string in CPython: each argument is converted
    // before a later one is found missing.
    let (v, bad_keyword) = args::clinic_deferred("wait4", a, kw, &["pid", "options"], 0, 2, 0)?;
    let need = |i: usize, name: &str| -> PyResult<Obj> {
        match &v[i] {
            Some(o) => Ok(o.clone()),
            None => krait_runtime::bail!(TypeError, "wait4() missing required argument '{}' (pos {})", name, i + 1),
        }
    };
    let pid = args::to_pid(&need(0, "pid")?)?;
    let opts = args::to_int(&need(1, "options")?)?;
    if let Some(msg) = bad_keyword {
        krait_runtime::bail!(TypeError, "{}", msg);
    }
    let mut status = 0;
    // SAFETY: rusage is plain data.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = args::retry(-1, || unsafe { libc::wait4(pid, &mut status, opts, &mut ru) })?;
    wait_result(r, status, &mut ru)
}

static WAITID_RESULT: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());

pub fn waitid_result_type() -> PyResult<Obj> {
    let t = cached_type(&WAITID_RESULT, "waitid_result", &[Some("si_pid"), Some("si_uid"), Some("si_signo"), Some("si_status"), Some("si_code")])?;
    set_doc(&t, "waitid_result: Result from waitid.\n\nThis object may be accessed either as a tuple of\n  (si_pid, si_uid, si_signo, si_status, si_code),\nor via the attributes si_pid, si_uid, and so on.\n\nSee os.waitid for more information.")?;
    Ok(t)
}

fn set_doc(t: &Obj, doc: &str) -> PyResult<()> {
    dict::set_item_str(krait_runtime::types::type_::type_dict(krait_runtime::types::type_::as_type(t)), "__doc__", &pystr::new(doc))
}

/// `waitid(idtype, id, options, /)`: a waitid_result, or None when WNOHANG
/// found no child ready.
pub fn p_waitid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    exact_args("waitid", a, kw, 3)?;
    let idtype = args::to_int(&a[0])?;
    let id = args::to_pid(&a[1])?;
    let opts = args::to_int(&a[2])?;
    // SAFETY: siginfo_t is plain data; si_pid 0 marks "nothing reaped".
    let mut si: libc::siginfo_t = unsafe { std::mem::zeroed() };
    let r = args::retry(-1, || unsafe { libc::waitid(idtype as libc::idtype_t, id as libc::id_t, &mut si, opts) })?;
    if r < 0 {
        return Err(args::last_error());
    }
    // SAFETY: waitid filled in a child-status siginfo (or left it zeroed).
    let (pid, uid, status) = unsafe { (si.si_pid(), si.si_uid(), si.si_status()) };
    if pid == 0 {
        return Ok(none::none());
    }
    let v = vec![
        int::from_i64(pid as i64),
        int::from_i64(uid as i64),
        int::from_i64(si.si_signo as i64),
        int::from_i64(status as i64),
        int::from_i64(si.si_code as i64),
    ];
    structseq::new_ext(&waitid_result_type()?, v)
}

// --- ids and groups ----------------------------------------------------------------

pub fn p_setresuid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("setresuid", a, kw, 3, 3)?;
    let (r, e, s) = (args::id_of(&a[0], "uid")?, args::id_of(&a[1], "uid")?, args::id_of(&a[2], "uid")?);
    if unsafe { libc::setresuid(r, e, s) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_setresgid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("setresgid", a, kw, 3, 3)?;
    let (r, e, s) = (args::id_of(&a[0], "gid")?, args::id_of(&a[1], "gid")?, args::id_of(&a[2], "gid")?);
    if unsafe { libc::setresgid(r, e, s) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

/// `getgrouplist(user, group, /)`: the groups `user` belongs to, `group`
/// included.
pub fn p_getgrouplist(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("getgrouplist", a, kw, 2, 2)?;
    if !pystr::is_str(&a[0]) {
        let name = if none::is_none(&a[0]) { "None".to_owned() } else { a[0].ty().name().to_string() };
        krait_runtime::bail!(TypeError, "getgrouplist() argument 1 must be str, not {}", name);
    }
    let user = args::fs_encode(&a[0])?;
    let Ok(user) = std::ffi::CString::new(user) else {
        krait_runtime::bail!(ValueError, "embedded null character");
    };
    let group = args::id_of(&a[1], "gid")?;
    let mut n: i32 = 64;
    loop {
        let mut groups = vec![0 as libc::gid_t; n as usize];
        let mut got = n;
        // SAFETY: `groups` has room for `got` entries.
        let r = unsafe { libc::getgrouplist(user.as_ptr(), group, groups.as_mut_ptr(), &mut got) };
        if r >= 0 {
            groups.truncate(got as usize);
            return Ok(list::from_vec(groups.iter().map(|g| int::from_i64(*g as i64)).collect()));
        }
        // Too small: glibc reports the size needed in `got`.
        if got <= n {
            if n >= 1 << 16 {
                return Err(args::os_error(libc::EINVAL, None, None));
            }
            n *= 2;
        } else {
            n = got;
        }
    }
}

/// `initgroups(username, gid, /)`.
pub fn p_initgroups(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("initgroups", a, kw, 2, 2)?;
    let r = args::fspath(&a[0])?;
    let b = if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() };
    let Ok(user) = std::ffi::CString::new(b) else {
        krait_runtime::bail!(ValueError, "embedded null byte");
    };
    let gid = args::id_of(&a[1], "gid")?;
    if unsafe { libc::initgroups(user.as_ptr(), gid) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_ctermid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.ctermid", a, kw, 0, 0)?;
    // glibc's L_ctermid is 9 (the libc crate lacks it); leave room to spare.
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: `buf` has at least L_ctermid bytes, as ctermid requires.
    let p = unsafe { libc::ctermid(buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(args::last_error());
    }
    args::fs_decode(unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes())
}

// --- scheduling --------------------------------------------------------------------

static SCHED_PARAM: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());

/// `os.sched_param(sched_priority)`: a one-field struct sequence whose
/// constructor takes the priority itself (checked only when used).
pub fn sched_param_type() -> PyResult<Obj> {
    if let Some(t) = SCHED_PARAM.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = structseq::new_type_ext("posix", "sched_param", &[Some("sched_priority")], 1, None)?;
    let tp = krait_runtime::types::type_::as_type(&t);
    // SAFETY: a freshly made heap type that nothing has used yet.
    unsafe { (*tp).tp_new = Some(sched_param_new_slot) };
    // The signature in tp_doc is what __text_signature__ (and so
    // inspect.signature) reads; the type lives for the whole run.
    let sig = std::ffi::CString::new("sched_param(sched_priority)\n--\n\n").expect("no NUL");
    // SAFETY: as above; the leaked string outlives the type.
    unsafe { (*tp).tp_doc = Box::leak(sig.into_boxed_c_str()).as_ptr() };
    set_doc(&t, "Currently has only one field: sched_priority\n\n  sched_priority\n    A scheduling parameter.")?;
    krait_runtime::types::type_::modified(tp);
    SCHED_PARAM.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

fn sched_param_new(_t: *mut krait_runtime::object::PyTypeObject, a: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (all, kwnames) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kwargs)?;
    let v = clinic("sched_param", &all, kwnames.as_ref(), &["sched_priority"], 0, 1, 1)?;
    structseq::new_ext(&sched_param_type()?, vec![v[0].clone().unwrap()])
}
krait_runtime::new_slot!(sched_param_new_slot => sched_param_new);

fn sched_param_obj(prio: i32) -> PyResult<Obj> {
    structseq::new_ext(&sched_param_type()?, vec![int::from_i64(prio as i64)])
}

pub fn p_sched_get_priority_max(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("sched_get_priority_max", a, kw, &["policy"], 0, 1, 1)?;
    let p = args::to_int(v[0].as_ref().unwrap())?;
    let r = unsafe { libc::sched_get_priority_max(p) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_sched_get_priority_min(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("sched_get_priority_min", a, kw, &["policy"], 0, 1, 1)?;
    let p = args::to_int(v[0].as_ref().unwrap())?;
    let r = unsafe { libc::sched_get_priority_min(p) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_sched_getscheduler(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.sched_getscheduler", a, kw, 1, 1)?;
    let pid = args::to_pid(&a[0])?;
    let r = unsafe { libc::sched_getscheduler(pid) };
    if r < 0 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(r as i64))
}

pub fn p_sched_getparam(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.sched_getparam", a, kw, 1, 1)?;
    let pid = args::to_pid(&a[0])?;
    let mut sp = libc::sched_param { sched_priority: 0 };
    if unsafe { libc::sched_getparam(pid, &mut sp) } < 0 {
        return Err(args::last_error());
    }
    sched_param_obj(sp.sched_priority)
}

pub fn p_sched_setparam(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    exact_args("sched_setparam", a, kw, 2)?;
    let pid = args::to_pid(&a[0])?;
    let sp = libc::sched_param { sched_priority: super::spawn::sched_priority(&a[1])? };
    if unsafe { libc::sched_setparam(pid, &sp) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_sched_setscheduler(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    exact_args("sched_setscheduler", a, kw, 3)?;
    let pid = args::to_pid(&a[0])?;
    let policy = args::to_int(&a[1])?;
    let sp = libc::sched_param { sched_priority: super::spawn::sched_priority(&a[2])? };
    if unsafe { libc::sched_setscheduler(pid, policy, &sp) } == -1 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_sched_rr_get_interval(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("posix.sched_rr_get_interval", a, kw, 1, 1)?;
    let pid = args::to_pid(&a[0])?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if unsafe { libc::sched_rr_get_interval(pid, &mut ts) } < 0 {
        return Err(args::last_error());
    }
    Ok(float::from_f64(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `sched_setaffinity(pid, mask, /)`: `mask` is an iterable of CPU numbers.
pub fn p_sched_setaffinity(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    exact_args("sched_setaffinity", a, kw, 2)?;
    let pid = args::to_pid(&a[0])?;
    // A bit mask grown as needed, in longs (the CPU_ALLOC layout).
    let mut words: Vec<libc::c_ulong> = vec![0; 1];
    let bits = libc::c_ulong::BITS as usize;
    let it = krait_runtime::ops::iter(&a[1])?;
    while let Some(item) = krait_runtime::ops::next(&it)? {
        if !int::is_int(&item) {
            krait_runtime::bail!(TypeError, "expected an iterator of ints, but iterator yielded {}", krait_runtime::ops::repr_string(&item.get_type())?);
        }
        let cpu = match int::as_i64(&item) {
            Some(c) => c,
            None => krait_runtime::bail!(OverflowError, "Python int too large to convert to C long"),
        };
        if cpu < 0 {
            krait_runtime::bail!(ValueError, "negative CPU number");
        }
        if cpu > i32::MAX as i64 - 1 {
            krait_runtime::bail!(OverflowError, "CPU number too large");
        }
        let (w, b) = (cpu as usize / bits, cpu as usize % bits);
        if w >= words.len() {
            words.resize((w + 1).next_power_of_two(), 0);
        }
        words[w] |= 1 << b;
    }
    let size = words.len() * std::mem::size_of::<libc::c_ulong>();
    // SAFETY: `words` holds `size` bytes laid out as a cpu_set_t of that size.
    if unsafe { libc::sched_setaffinity(pid, size, words.as_ptr() as *const libc::cpu_set_t) } < 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}
