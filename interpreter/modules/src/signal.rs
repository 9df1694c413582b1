//! The `_signal` module (Lib/signal.py wraps it in enums): Python-level
//! handlers over the runtime's signal table (`krait_runtime::signals`),
//! the timers (`alarm`, `setitimer`/`getitimer`), signal masks and
//! synchronous waits (`pthread_sigmask`, `sigpending`, `sigwait`,
//! `sigwaitinfo`, `sigtimedwait`), the wakeup fd, and the constants.
//! Creating the module (done at start-up, as CPython) installs
//! `default_int_handler` for SIGINT if SIGINT had its default action.

use crate::posix::args::{errno, os_error, positional, to_int};
use crate::Keep;
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::gil::{allow_threads, is_main_thread};
use krait_runtime::object::Obj;
use krait_runtime::signals::{self, Disposition, NSIG};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{dict, exceptions, float, int, module, none, set, str as pystr, structseq, tuple};

static ITIMER_ERROR: Keep = Keep::new();
static SIGINFO_TYPE: Keep = Keep::new();

fn itimer_error() -> PyResult<Obj> {
    ITIMER_ERROR.get_or_init(|| crate::new_exception_type("signal.itimer_error", exceptions::OSError()))
}

fn siginfo_type() -> PyResult<Obj> {
    SIGINFO_TYPE.get_or_init(|| {
        structseq::new_type_ext(
            "signal",
            "struct_siginfo",
            &[
                Some("si_signo"),
                Some("si_code"),
                Some("si_errno"),
                Some("si_pid"),
                Some("si_uid"),
                Some("si_status"),
                Some("si_band"),
            ],
            7,
            None,
        )
    })
}

/// A signal number argument checked against [1, NSIG).
fn signum(o: &Obj) -> PyResult<i32> {
    let s = to_int(o)?;
    if s < 1 || s as usize >= NSIG {
        bail!(ValueError, "signal number out of range");
    }
    Ok(s)
}

fn is_marker(h: &Obj, v: i64) -> bool {
    int::is_exact_int(h) && int::as_i64(h) == Some(v)
}

fn io_error(e: std::io::Error) -> PyErr {
    os_error(e.raw_os_error().unwrap_or(libc::EINVAL), None, None)
}

fn s_signal(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("signal", a, kw, 2, 2)?;
    let sig = to_int(&a[0])?;
    let handler = &a[1];
    if !is_main_thread() {
        bail!(ValueError, "signal only works in main thread of the main interpreter");
    }
    if sig < 1 || sig as usize >= NSIG {
        bail!(ValueError, "signal number out of range");
    }
    let disp = if is_marker(handler, 1) {
        Disposition::Ignore
    } else if is_marker(handler, 0) {
        Disposition::Default
    } else if krait_runtime::builtins::is_callable(handler) {
        Disposition::Python
    } else {
        bail!(TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    };
    // Signals already received are handled with the old handler.
    signals::check_signals()?;
    signals::install(sig, disp).map_err(io_error)?;
    Ok(signals::set_handler(sig as usize, handler.clone()).unwrap_or_else(none::none))
}

fn s_getsignal(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.getsignal", a, kw, 1, 1)?;
    let sig = signum(&a[0])?;
    Ok(signals::get_handler(sig as usize).unwrap_or_else(none::none))
}

fn s_default_int_handler(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("default_int_handler", a, kw, 2, 2)?;
    Err(errors::raise_empty(exceptions::KeyboardInterrupt()))
}

fn s_strsignal(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.strsignal", a, kw, 1, 1)?;
    let sig = signum(&a[0])?;
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(none::none());
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    if s.starts_with("Unknown signal") {
        return Ok(none::none());
    }
    Ok(pystr::new(&s))
}

fn s_siginterrupt(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("siginterrupt", a, kw, 2, 2)?;
    let sig = signum(&a[0])?;
    let flag = to_int(&a[1])?;
    // siginterrupt(3) through sigaction: SA_RESTART off when flag is set.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) != 0 {
            return Err(os_error(errno(), None, None));
        }
        if flag != 0 {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(os_error(errno(), None, None));
        }
    }
    Ok(none::none())
}

fn s_alarm(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.alarm", a, kw, 1, 1)?;
    let secs = to_int(&a[0])?;
    Ok(int::from_i64(unsafe { libc::alarm(secs as libc::c_uint) } as i64))
}

fn s_pause(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.pause", a, kw, 0, 0)?;
    allow_threads(|| unsafe { libc::pause() });
    signals::check_signals()?;
    Ok(none::none())
}

fn s_raise_signal(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.raise_signal", a, kw, 1, 1)?;
    let sig = to_int(&a[0])?;
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_error(errno(), None, None));
    }
    signals::check_signals()?;
    Ok(none::none())
}

// --- timers -----------------------------------------------------------------

/// A `timeval` from seconds (int or float), rounded up as CPython.
fn timeval_of(o: &Obj) -> PyResult<libc::timeval> {
    let ns = crate::time::seconds_to_ns(o)?;
    let mut sec = ns.div_euclid(1_000_000_000);
    let rem = ns.rem_euclid(1_000_000_000);
    let mut usec = (rem + 999) / 1000;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    Ok(libc::timeval { tv_sec: sec as libc::time_t, tv_usec: usec as libc::suseconds_t })
}

fn secs_of(tv: &libc::timeval) -> Obj {
    float::from_f64(tv.tv_sec as f64 + tv.tv_usec as f64 / 1_000_000.0)
}

fn itimer_tuple(v: &libc::itimerval) -> Obj {
    tuple::new(&[secs_of(&v.it_value), secs_of(&v.it_interval)])
}

fn itimer_failure() -> PyErr {
    let code = errno();
    match itimer_error() {
        Ok(t) => errors::raise_with(
            krait_runtime::types::type_::as_type(&t),
            &[int::from_i64(code as i64), pystr::new(&crate::posix::args::strerror(code))],
        ),
        Err(e) => e,
    }
}

fn s_setitimer(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("setitimer", a, kw, 2, 3)?;
    let which = to_int(&a[0])?;
    let value = timeval_of(&a[1])?;
    let interval = match a.get(2) {
        Some(o) => timeval_of(o)?,
        None => libc::timeval { tv_sec: 0, tv_usec: 0 },
    };
    let new = libc::itimerval { it_interval: interval, it_value: value };
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which as _, &new, &mut old) } != 0 {
        return Err(itimer_failure());
    }
    Ok(itimer_tuple(&old))
}

fn s_getitimer(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.getitimer", a, kw, 1, 1)?;
    let which = to_int(&a[0])?;
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which as _, &mut cur) } != 0 {
        return Err(itimer_failure());
    }
    Ok(itimer_tuple(&cur))
}

// --- signal sets -------------------------------------------------------------

/// An iterable of signal numbers as a `sigset_t`.
pub(crate) fn sigset_of(o: &Obj) -> PyResult<libc::sigset_t> {
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    let it = krait_runtime::ops::iter(o)?;
    while let Some(item) = krait_runtime::ops::next(&it)? {
        let i = int::index_raw(&item)?;
        // PyLong_AsLongAndOverflow: an overflowing value reads as -1.
        let v = int::as_i64(&i).unwrap_or(-1);
        if v < 1 || v >= NSIG as i64 {
            bail!(ValueError, "signal number {} out of range [1; {}]", v, NSIG - 1);
        }
        unsafe { libc::sigaddset(&mut set, v as i32) };
    }
    Ok(set)
}

fn set_of_sigset(s: &libc::sigset_t) -> PyResult<Obj> {
    let mut items = Vec::new();
    for sig in 1..NSIG as i32 {
        if unsafe { libc::sigismember(s, sig) } == 1 {
            items.push(int::from_i64(sig as i64));
        }
    }
    set::new_set(items)
}

fn s_pthread_sigmask(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("pthread_sigmask", a, kw, 2, 2)?;
    let how = to_int(&a[0])?;
    let mask = sigset_of(&a[1])?;
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::pthread_sigmask(how, &mask, &mut old) };
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    // Unblocked signals that were pending have just been delivered.
    signals::check_signals()?;
    set_of_sigset(&old)
}

fn s_sigpending(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.sigpending", a, kw, 0, 0)?;
    let mut s: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut s) } != 0 {
        return Err(os_error(errno(), None, None));
    }
    set_of_sigset(&s)
}

fn s_valid_signals(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.valid_signals", a, kw, 0, 0)?;
    let mut s: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigfillset(&mut s) } != 0 {
        return Err(os_error(errno(), None, None));
    }
    set_of_sigset(&s)
}

fn s_sigwait(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.sigwait", a, kw, 1, 1)?;
    let set = sigset_of(&a[0])?;
    let mut sig: libc::c_int = 0;
    let r = allow_threads(|| unsafe { libc::sigwait(&set, &mut sig) });
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    Ok(int::from_i64(sig as i64))
}

fn siginfo_obj(si: &libc::siginfo_t) -> PyResult<Obj> {
    // The union after si_signo/si_errno/si_code starts at offset 16: pid,
    // uid, then status for SIGCHLD; band (a long) overlays pid and uid.
    let raw = si as *const libc::siginfo_t as *const u8;
    let (pid, uid, status, band) = unsafe {
        (
            (raw.add(16) as *const i32).read_unaligned(),
            (raw.add(20) as *const u32).read_unaligned(),
            (raw.add(24) as *const i32).read_unaligned(),
            (raw.add(16) as *const i64).read_unaligned(),
        )
    };
    structseq::new_ext(
        &siginfo_type()?,
        vec![
            int::from_i64(si.si_signo as i64),
            int::from_i64(si.si_code as i64),
            int::from_i64(si.si_errno as i64),
            int::from_i64(pid as i64),
            int::from_i64(uid as i64),
            int::from_i64(status as i64),
            int::from_i64(band),
        ],
    )
}

fn s_sigwaitinfo(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_signal.sigwaitinfo", a, kw, 1, 1)?;
    let set = sigset_of(&a[0])?;
    let mut si: libc::siginfo_t = unsafe { std::mem::zeroed() };
    loop {
        let (r, e) = allow_threads(|| {
            let r = unsafe { libc::sigwaitinfo(&set, &mut si) };
            (r, errno())
        });
        if r >= 0 {
            break;
        }
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        signals::check_signals()?;
    }
    siginfo_obj(&si)
}

fn monotonic_ns() -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn s_sigtimedwait(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("sigtimedwait", a, kw, 2, 2)?;
    let set = sigset_of(&a[0])?;
    let timeout = crate::time::seconds_to_ns(&a[1])?;
    if timeout < 0 {
        bail!(ValueError, "timeout must be non-negative");
    }
    let deadline = monotonic_ns() + timeout;
    let mut left = timeout;
    let mut si: libc::siginfo_t = unsafe { std::mem::zeroed() };
    loop {
        let ts = libc::timespec {
            tv_sec: (left / 1_000_000_000) as libc::time_t,
            tv_nsec: (left % 1_000_000_000) as libc::c_long,
        };
        let (r, e) = allow_threads(|| {
            let r = unsafe { libc::sigtimedwait(&set, &mut si, &ts) };
            (r, errno())
        });
        if r >= 0 {
            break;
        }
        if e == libc::EAGAIN {
            return Ok(none::none());
        }
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        signals::check_signals()?;
        left = deadline - monotonic_ns();
        if left < 0 {
            return Ok(none::none());
        }
    }
    siginfo_obj(&si)
}

fn s_pthread_kill(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("pthread_kill", a, kw, 2, 2)?;
    let tid = {
        let i = int::index_raw(&a[0])?;
        match int::as_u64(&i) {
            Some(v) => v,
            None => bail!(OverflowError, "Python int too large to convert to C unsigned long"),
        }
    };
    let sig = to_int(&a[1])?;
    let r = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    signals::check_signals()?;
    Ok(none::none())
}

fn s_pidfd_send_signal(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = crate::posix::args::clinic("pidfd_send_signal", a, kw, &["pidfd", "sig", "siginfo", "flags"], 4, 4, 2)?;
    let pidfd = to_int(v[0].as_ref().unwrap())?;
    let sig = to_int(v[1].as_ref().unwrap())?;
    if let Some(si) = &v[2] {
        if !none::is_none(si) {
            bail!(TypeError, "siginfo must be None");
        }
    }
    let flags = match &v[3] {
        Some(f) => to_int(f)?,
        None => 0,
    };
    let r = unsafe {
        libc::syscall(libc::SYS_pidfd_send_signal, pidfd, sig, std::ptr::null::<libc::siginfo_t>(), flags as libc::c_uint)
    };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    Ok(none::none())
}

fn s_set_wakeup_fd(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let npos = a.len() - kw.map(tuple::len).unwrap_or(0);
    if npos > 1 {
        bail!(TypeError, "set_wakeup_fd() takes at most 1 positional argument ({} given)", npos);
    }
    let v = crate::posix::args::clinic("set_wakeup_fd", a, kw, &["fd", "warn_on_full_buffer"], 1, 1, 1)?;
    let fd = to_int(v[0].as_ref().unwrap())?;
    let warn = match &v[1] {
        Some(w) => krait_runtime::ops::truthy(w)?,
        None => true,
    };
    if !is_main_thread() {
        bail!(ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
    }
    if fd != -1 {
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(os_error(errno(), None, None));
        }
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl < 0 {
            return Err(os_error(errno(), None, None));
        }
        if fl & libc::O_NONBLOCK == 0 {
            bail!(ValueError, "the fd {} must be in non-blocking mode", fd);
        }
    }
    Ok(int::from_i64(signals::set_wakeup_fd(fd, warn) as i64))
}

const FUNCTIONS: &[MethodSpec] = &[
    method("signal", s_signal),
    method("getsignal", s_getsignal),
    method("default_int_handler", s_default_int_handler),
    method("strsignal", s_strsignal),
    method("siginterrupt", s_siginterrupt),
    method("alarm", s_alarm),
    method("pause", s_pause),
    method("raise_signal", s_raise_signal),
    method("setitimer", s_setitimer),
    method("getitimer", s_getitimer),
    method("pthread_sigmask", s_pthread_sigmask),
    method("sigpending", s_sigpending),
    method("valid_signals", s_valid_signals),
    method("sigwait", s_sigwait),
    method("sigwaitinfo", s_sigwaitinfo),
    method("sigtimedwait", s_sigtimedwait),
    method("pthread_kill", s_pthread_kill),
    method("pidfd_send_signal", s_pidfd_send_signal),
    method("set_wakeup_fd", s_set_wakeup_fd),
];

const CONSTANTS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_signal")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "SIG_DFL", &signals::default_handler())?;
    dict::set_item_str(&d, "SIG_IGN", &signals::ignore_handler())?;
    dict::set_item_str(&d, "NSIG", &int::from_i64(NSIG as i64))?;
    for (name, v) in CONSTANTS {
        dict::set_item_str(&d, name, &int::from_i64(*v as i64))?;
    }
    dict::set_item_str(&d, "SIGRTMIN", &int::from_i64(libc::SIGRTMIN() as i64))?;
    dict::set_item_str(&d, "SIGRTMAX", &int::from_i64(libc::SIGRTMAX() as i64))?;
    dict::set_item_str(&d, "ItimerError", &itimer_error()?)?;
    dict::set_item_str(&d, "struct_siginfo", &siginfo_type()?)?;
    if signals::init_table() {
        // As CPython: Ctrl-C raises KeyboardInterrupt unless SIGINT was
        // ignored (or handled by someone else) when the process started.
        let sigint = libc::SIGINT as usize;
        if signals::get_handler(sigint).is_some_and(|h| is_marker(&h, 0)) {
            if let Some(h) = dict::get_item_str(&d, "default_int_handler")? {
                signals::install(libc::SIGINT, Disposition::Python).map_err(io_error)?;
                signals::set_handler(sigint, h);
            }
        }
    }
    Ok(m)
}
