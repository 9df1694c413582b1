//! Signal delivery, as CPython's: the C-level handler only records that a
//! signal arrived (a per-signal "tripped" flag), writes the signal number
//! to the wakeup fd if one is set, and trips the evaluation loop's breaker;
//! the Python-level handlers run later, on the main thread, from
//! `check_signals` (called by the loop's breaker and by blocking calls
//! that an interrupted system call woke up, PEP 475).
//!
//! The table of Python-level handlers lives here so that the breaker can
//! reach it without the `_signal` module; `_signal` (krait-modules) reads
//! and writes it. `SIG_DFL` and `SIG_IGN` are kept as the ints 0 and 1, a
//! signal whose handler is not one krait installed as `None`.
//!
//! Process layout: the OS main thread only starts the interpreter thread
//! and joins it, so it blocks every asynchronous signal for its whole life
//! (`block_async_signals`); the kernel then delivers process-directed
//! signals to the interpreter thread, whose blocking calls see EINTR.

use crate::errors::PyResult;
use crate::object::{Obj, PyObject};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering};

/// One more than the highest signal number (glibc's `_NSIG`).
pub const NSIG: usize = 65;

#[allow(clippy::declare_interior_mutable_const)]
const NOT_TRIPPED: AtomicBool = AtomicBool::new(false);
#[allow(clippy::declare_interior_mutable_const)]
const NO_HANDLER: AtomicPtr<PyObject> = AtomicPtr::new(std::ptr::null_mut());

static TRIPPED: [AtomicBool; NSIG] = [NOT_TRIPPED; NSIG];
/// Set after a `TRIPPED` entry, cleared by `check_signals` before them.
static IS_TRIPPED: AtomicBool = AtomicBool::new(false);
/// Python-level handlers (owned references), written on the main thread.
static HANDLERS: [AtomicPtr<PyObject>; NSIG] = [NO_HANDLER; NSIG];
static INITIALISED: AtomicBool = AtomicBool::new(false);

static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
static WAKEUP_WARN_FULL: AtomicBool = AtomicBool::new(true);
/// errno of a failed wakeup-fd write, reported by the next `check_signals`.
static WAKEUP_ERROR: AtomicI32 = AtomicI32::new(0);

/// The C-level handler krait installs for signals with a Python handler.
/// Async-signal-safe: atomics, `write` and errno only.
extern "C" fn c_handler(sig: libc::c_int) {
    let saved = unsafe { *libc::__errno_location() };
    if (1..NSIG as i32).contains(&sig) {
        TRIPPED[sig as usize].store(true, Ordering::SeqCst);
    }
    IS_TRIPPED.store(true, Ordering::SeqCst);
    crate::interp::trip_breaker();
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        loop {
            let r = unsafe { libc::write(fd, &byte as *const u8 as *const libc::c_void, 1) };
            if r >= 0 {
                break;
            }
            let e = unsafe { *libc::__errno_location() };
            if e == libc::EINTR {
                continue;
            }
            let full = e == libc::EAGAIN || e == libc::EWOULDBLOCK;
            if !full || WAKEUP_WARN_FULL.load(Ordering::SeqCst) {
                let _ = WAKEUP_ERROR.compare_exchange(0, e, Ordering::SeqCst, Ordering::SeqCst);
            }
            break;
        }
    }
    unsafe { *libc::__errno_location() = saved };
}

/// `SIG_DFL` as stored in the handler table.
pub fn default_handler() -> Obj {
    crate::types::int::from_i64(0)
}

/// `SIG_IGN` as stored in the handler table.
pub fn ignore_handler() -> Obj {
    crate::types::int::from_i64(1)
}

fn is_marker(h: &Obj, v: i64) -> bool {
    crate::types::int::is_exact_int(h) && crate::types::int::as_i64(h) == Some(v)
}

/// The C-level disposition of `sig` now (null: the query failed).
fn current_action(sig: i32) -> Option<libc::sighandler_t> {
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) } != 0 {
        return None;
    }
    Some(old.sa_sigaction)
}

/// Fills the handler table from the process's dispositions (SIG_DFL → 0,
/// SIG_IGN → 1, anything else → None). Done once, by `_signal`'s creation;
/// true the first time.
pub fn init_table() -> bool {
    if INITIALISED.swap(true, Ordering::SeqCst) {
        return false;
    }
    for sig in 1..NSIG as i32 {
        let h = match current_action(sig) {
            Some(libc::SIG_DFL) => Some(default_handler()),
            Some(libc::SIG_IGN) => Some(ignore_handler()),
            // The Rust runtime's stack-overflow reporter acts as the
            // default action for any other fault: shown as SIG_DFL.
            Some(_) if sig == libc::SIGSEGV || sig == libc::SIGBUS => Some(default_handler()),
            _ => None,
        };
        if let Some(h) = h {
            HANDLERS[sig as usize].store(h.into_raw(), Ordering::SeqCst);
        }
    }
    true
}

/// The Python-level handler of `sig` (None if unknown to krait).
pub fn get_handler(sig: usize) -> Option<Obj> {
    let p = HANDLERS.get(sig)?.load(Ordering::SeqCst);
    unsafe { crate::object::opt_from_borrowed(p) }
}

/// Records `h` as the handler of `sig` and returns the previous one. The
/// caller has installed the matching C-level disposition.
pub fn set_handler(sig: usize, h: Obj) -> Option<Obj> {
    TRIPPED[sig].store(false, Ordering::SeqCst);
    let old = HANDLERS[sig].swap(h.into_raw(), Ordering::SeqCst);
    if old.is_null() {
        None
    } else {
        Some(unsafe { Obj::from_owned(old) })
    }
}

/// Installs the C-level disposition for a handler: `SIG_DFL`, `SIG_IGN`
/// or krait's recording handler, as `sigaction` without SA_RESTART (so
/// blocking calls see EINTR) and with SA_ONSTACK, like CPython.
pub fn install(sig: i32, h: Disposition) -> std::io::Result<()> {
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    act.sa_sigaction = match h {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => c_handler as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    act.sa_flags = libc::SA_ONSTACK;
    unsafe { libc::sigemptyset(&mut act.sa_mask) };
    if unsafe { libc::sigaction(sig, &act, std::ptr::null_mut()) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    Python,
}

/// Whether krait's recording handler is `sig`'s C-level disposition.
pub fn has_c_handler(sig: i32) -> bool {
    current_action(sig) == Some(c_handler as extern "C" fn(libc::c_int) as libc::sighandler_t)
}

/// `set_wakeup_fd`'s state: sets the fd (-1: none) and returns the old one.
pub fn set_wakeup_fd(fd: i32, warn_on_full_buffer: bool) -> i32 {
    WAKEUP_WARN_FULL.store(warn_on_full_buffer, Ordering::SeqCst);
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// True when a signal arrived whose Python handler has not run yet.
pub fn pending() -> bool {
    IS_TRIPPED.load(Ordering::SeqCst)
}

/// As CPython's `PyErr_SetInterrupt`-style simulation: marks `sig` as
/// received without a real signal.
pub fn trip(sig: usize) {
    if sig > 0 && sig < NSIG {
        TRIPPED[sig].store(true, Ordering::SeqCst);
    }
    IS_TRIPPED.store(true, Ordering::SeqCst);
    crate::interp::trip_breaker();
}

/// Runs the Python handlers of the signals received since the last call
/// (PyErr_CheckSignals). Only the main thread runs them; elsewhere the
/// breaker stays tripped so the main thread notices. An exception from a
/// handler is returned; signals not yet handled stay pending.
pub fn check_signals() -> PyResult<()> {
    if !IS_TRIPPED.load(Ordering::SeqCst) {
        return Ok(());
    }
    if !crate::gil::is_main_thread() {
        crate::interp::trip_breaker();
        return Ok(());
    }
    IS_TRIPPED.store(false, Ordering::SeqCst);
    let werr = WAKEUP_ERROR.swap(0, Ordering::SeqCst);
    if werr != 0 {
        report_wakeup_error(werr);
    }
    for sig in 1..NSIG {
        if !TRIPPED[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let h = match get_handler(sig) {
            Some(h) if !is_marker(&h, 0) && !is_marker(&h, 1) => h,
            _ => {
                // The handler changed between the signal and now.
                let _ = crate::raise!(OSError, "Signal {} ignored due to race condition", sig);
                crate::errors::write_unraisable_msg("Exception ignored in", Some(&crate::types::none::none()));
                continue;
            }
        };
        let frame = crate::eval::current_frame().unwrap_or_else(crate::types::none::none);
        let r = crate::ops::call::call(&h, &[crate::types::int::from_i64(sig as i64), frame], None);
        if let Err(e) = r {
            IS_TRIPPED.store(true, Ordering::SeqCst);
            crate::interp::trip_breaker();
            return Err(e);
        }
    }
    Ok(())
}

fn report_wakeup_error(code: i32) {
    let saved = crate::errors::fetch();
    let _ = crate::types::os_error::from_errno(code, None);
    crate::modules::sys::write_stderr("Exception ignored when trying to write to the signal wakeup fd:\n");
    crate::errors::write_unraisable_msg("", None);
    if let Some(v) = saved {
        let _ = crate::errors::restore(v);
    }
}

/// Signals a thread must never block: the synchronous ones, which the
/// kernel sends to the faulting thread.
const SYNCHRONOUS: [i32; 6] = [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGSYS];

/// Blocks every asynchronous signal in the calling thread and returns the
/// previous mask (for `restore_mask` in a thread started meanwhile).
pub fn block_async_signals() -> libc::sigset_t {
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        for s in SYNCHRONOUS {
            libc::sigdelset(&mut all, s);
        }
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, &mut old);
        old
    }
}

/// Sets the calling thread's signal mask.
pub fn restore_mask(mask: &libc::sigset_t) {
    unsafe {
        libc::pthread_sigmask(libc::SIG_SETMASK, mask, std::ptr::null_mut());
    }
}

/// CPython's start-up dispositions besides SIGINT: SIGPIPE and SIGXFSZ
/// ignored (write errors become EPIPE/EFBIG exceptions instead).
pub fn ignore_startup_signals() {
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// PEP 475 for a blocking system call: runs `f` with the GIL released and,
/// while it fails with EINTR, runs the signal handlers (whose exception
/// ends the call) and tries again. Any other result is returned as is, with
/// errno still describing a failure. `f` must not touch Python objects.
pub fn retry_eintr<T: PartialEq + Copy>(fail: T, mut f: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let (r, e) = crate::gil::allow_threads(|| {
            let r = f();
            (r, std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
        });
        if r != fail || e != libc::EINTR {
            if r == fail {
                unsafe { *libc::__errno_location() = e };
            }
            return Ok(r);
        }
        check_signals()?;
    }
}
