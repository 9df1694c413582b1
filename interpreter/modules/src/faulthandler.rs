//! The `faulthandler` module: Python tracebacks written straight to a file
//! descriptor on a fatal signal (`enable`), on request (`dump_traceback`),
//! after a timeout from a watchdog thread (`dump_traceback_later`, which
//! the regression-test driver relies on) or on a user signal (`register`).
//!
//! The dumping code runs inside signal handlers and on a thread without
//! the GIL, so it allocates nothing and takes no lock it could wait for:
//! text goes through a small stack buffer to write(2), frames are read
//! through the thread states' `current_frame` chains, and the thread list
//! is only try-locked. Formats follow CPython 3.11 (`Current thread 0x…`,
//! `  File "…", line N in name`, 100 frames and 100 threads at most).

use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::eval::frame::{self, FrameObject};
use krait_runtime::object::{Obj, PyObject};
use krait_runtime::ops;
use krait_runtime::threadstate::{self, ThreadState};
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{bool_, code, dict, float, int, module, none, str as pystr};
use std::mem::MaybeUninit;
use std::os::raw::{c_int, c_void};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex};

const MAX_FRAME_DEPTH: usize = 100;
const MAX_NTHREADS: usize = 100;
const MAX_STRING_LENGTH: usize = 500;

// ---------------------------------------------------------------------------
// Writing without allocating.

struct FdWriter {
    fd: c_int,
    buf: [u8; 512],
    len: usize,
}

impl FdWriter {
    fn new(fd: c_int) -> FdWriter {
        FdWriter { fd, buf: [0; 512], len: 0 }
    }

    fn flush(&mut self) {
        let mut off = 0;
        while off < self.len {
            let n = unsafe { libc::write(self.fd, self.buf[off..self.len].as_ptr() as *const c_void, self.len - off) };
            if n < 0 {
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                break;
            }
            off += n as usize;
        }
        self.len = 0;
    }

    fn put(&mut self, b: &[u8]) {
        for &c in b {
            if self.len == self.buf.len() {
                self.flush();
            }
            self.buf[self.len] = c;
            self.len += 1;
        }
    }

    fn dec(&mut self, mut v: u64) {
        let mut d = [0u8; 20];
        let mut i = d.len();
        loop {
            i -= 1;
            d[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.put(&d[i..]);
    }

    fn hex(&mut self, mut v: u64, width: usize) {
        let mut d = [b'0'; 16];
        let mut i = d.len();
        while v != 0 && i > 0 {
            i -= 1;
            d[i] = b"0123456789abcdef"[(v & 15) as usize];
            v >>= 4;
        }
        let start = d.len() - width.clamp(16 - i, 16);
        self.put(&d[start..]);
    }

    /// A str as ASCII, other code points as \x, \u or \U escapes,
    /// truncated after MAX_STRING_LENGTH characters.
    fn ascii(&mut self, s: &Obj) {
        let n = pystr::len(s);
        for i in 0..n.min(MAX_STRING_LENGTH) {
            let c = pystr::char_at(s, i);
            if (b' ' as u32..=126).contains(&c) {
                self.put(&[c as u8]);
            } else if c <= 0xff {
                self.put(b"\\x");
                self.hex(c as u64, 2);
            } else if c <= 0xffff {
                self.put(b"\\u");
                self.hex(c as u64, 4);
            } else {
                self.put(b"\\U");
                self.hex(c as u64, 8);
            }
        }
        if n > MAX_STRING_LENGTH {
            self.put(b"...");
        }
    }
}

// ---------------------------------------------------------------------------
// Dumping frames.

fn str_or_unknown(w: &mut FdWriter, p: *mut PyObject, quoted: bool) {
    if p.is_null() {
        w.put(b"???");
        return;
    }
    let o = unsafe { Obj::borrow_slot(&p) };
    if !pystr::is_str(o) {
        w.put(b"???");
        return;
    }
    if quoted {
        w.put(b"\"");
    }
    w.ascii(o);
    if quoted {
        w.put(b"\"");
    }
}

fn dump_frame(w: &mut FdWriter, f: *mut PyObject) {
    let fr = unsafe { &*(f as *const FrameObject) };
    w.put(b"  File ");
    let (filename, name) = if fr.code.is_null() {
        (std::ptr::null_mut(), std::ptr::null_mut())
    } else {
        let c = code::code(unsafe { Obj::borrow_slot(&fr.code) });
        (c.filename, c.name)
    };
    str_or_unknown(w, filename, true);
    w.put(b", line ");
    if fr.code.is_null() {
        w.put(b"???");
    } else {
        w.dec(frame::line_of(unsafe { Obj::borrow_slot(&f) }) as u64);
    }
    w.put(b" in ");
    str_or_unknown(w, name, false);
    w.put(b"\n");
}

fn dump_traceback(w: &mut FdWriter, ts: *mut ThreadState, header: bool) {
    if header {
        w.put(b"Stack (most recent call first):\n");
    }
    let mut f = unsafe { (*ts).current_frame };
    if f.is_null() {
        w.put(b"  <no Python frame>\n");
        return;
    }
    let mut depth = 0;
    while !f.is_null() {
        if depth >= MAX_FRAME_DEPTH {
            w.put(b"  ...\n");
            break;
        }
        dump_frame(w, f);
        f = unsafe { (*(f as *const FrameObject)).f_back };
        depth += 1;
    }
}

/// Every thread's stack, newest thread first; `current` (or none) is
/// labelled "Current thread". When the thread list is busy only the
/// calling thread's stack is written.
fn dump_threads(w: &mut FdWriter, current: *mut ThreadState) {
    let mut n = 0;
    let listed = threadstate::try_for_each_thread(|ts| {
        if n > MAX_NTHREADS {
            return;
        }
        if n != 0 {
            w.put(b"\n");
        }
        if n == MAX_NTHREADS {
            w.put(b"...\n");
            n += 1;
            return;
        }
        w.put(if ts == current { b"Current thread " as &[u8] } else { b"Thread " });
        w.put(b"0x");
        w.hex(unsafe { (*ts).py.thread_id } as u64, 16);
        w.put(b" (most recent call first):\n");
        dump_traceback(w, ts, false);
        n += 1;
    });
    if !listed && !current.is_null() {
        dump_traceback(w, current, true);
    }
}

fn dump(fd: c_int, all_threads: bool, current: *mut ThreadState) {
    let mut w = FdWriter::new(fd);
    if all_threads {
        dump_threads(&mut w, current);
    } else if !current.is_null() {
        dump_traceback(&mut w, current, true);
    }
    w.flush();
}

// ---------------------------------------------------------------------------
// The file argument.

/// Files kept alive while their descriptors are in use: key "fatal",
/// "later" or a signal number.
static FILES: crate::Keep = crate::Keep::new();

fn keep_file(key: Obj, file: Obj) -> PyResult<()> {
    let d = FILES.get_or_init(|| Ok(dict::new()))?;
    dict::set_item(&d, &key, &file)
}

fn drop_file(key: Obj) -> PyResult<()> {
    let d = FILES.get_or_init(|| Ok(dict::new()))?;
    dict::del_item_opt(&d, &key)?;
    Ok(())
}

/// The descriptor of `file` (an int, or an object with fileno(); None or
/// absent means sys.stderr), after flushing the object.
fn fileno_of(file: Option<&Obj>) -> PyResult<(c_int, Obj)> {
    let file = match file.filter(|f| !none::is_none(f)) {
        Some(f) => f.clone(),
        None => match krait_runtime::modules::sys::get_attr("stderr") {
            Some(e) if !none::is_none(&e) => e,
            _ => bail!(RuntimeError, "sys.stderr is None"),
        },
    };
    if int::is_int(&file) {
        let fd = int::as_i64(&file).unwrap_or(-1);
        if fd < 0 || fd > c_int::MAX as i64 {
            // CPython's message, spelling included.
            bail!(ValueError, "file is not a valid file descripter");
        }
        return Ok((fd as c_int, file));
    }
    let r = ops::attr::call_method(&file, "fileno", &[])?;
    let fd = if int::is_int(&r) { int::as_i64(&r).unwrap_or(-1) } else { -1 };
    if fd < 0 || fd > c_int::MAX as i64 {
        bail!(RuntimeError, "file.fileno() is not a valid file descriptor");
    }
    if ops::attr::call_method(&file, "flush", &[]).is_err() {
        // As CPython: a file that cannot be flushed is still usable by fd.
        errors::clear();
    }
    Ok((fd as c_int, file))
}

fn kw_args(fname: &str, args: &[Obj], kw: Option<&Obj>, names: &[&str], min: usize) -> PyResult<Vec<Option<Obj>>> {
    crate::clinic_args(fname, args, kw, names, 0, min, names.len())
}

fn truth(o: &Option<Obj>, dflt: bool) -> PyResult<bool> {
    match o {
        Some(v) => ops::truthy(v),
        None => Ok(dflt),
    }
}

// ---------------------------------------------------------------------------
// dump_traceback and the fatal-signal handlers.

fn fh_dump_traceback(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = kw_args("dump_traceback", args, kw, &["file", "all_threads"], 0)?;
    let (fd, _file) = fileno_of(a[0].as_ref())?;
    let all = truth(&a[1], true)?;
    dump(fd, all, threadstate::tstate_ptr());
    krait_runtime::signals::check_signals()?;
    Ok(none::none())
}

struct Fatal {
    signum: c_int,
    name: &'static [u8],
}

const FATAL: [Fatal; 5] = [
    Fatal { signum: libc::SIGBUS, name: b"Bus error" },
    Fatal { signum: libc::SIGILL, name: b"Illegal instruction" },
    Fatal { signum: libc::SIGFPE, name: b"Floating point exception" },
    Fatal { signum: libc::SIGABRT, name: b"Aborted" },
    Fatal { signum: libc::SIGSEGV, name: b"Segmentation fault" },
];

static ENABLED: AtomicBool = AtomicBool::new(false);
static FATAL_FD: AtomicI32 = AtomicI32::new(2);
static FATAL_ALL_THREADS: AtomicBool = AtomicBool::new(true);
/// The handlers `enable` replaced, restored by `disable` or when a fatal
/// signal arrives. Written with the GIL held while no handler is installed.
static mut FATAL_PREV: [MaybeUninit<libc::sigaction>; 5] = [const { MaybeUninit::uninit() }; 5];

fn sigaction_for(handler: usize, flags: c_int) -> libc::sigaction {
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    sa.sa_sigaction = handler;
    sa.sa_flags = flags;
    unsafe { libc::sigemptyset(&mut sa.sa_mask) };
    sa
}

extern "C" fn fatal_handler(signum: c_int) {
    let saved = unsafe { *libc::__errno_location() };
    let Some(i) = FATAL.iter().position(|f| f.signum == signum) else { return };
    // Put the previous handler back first, so that raising the signal again
    // below (or a fault while dumping) ends in it.
    unsafe {
        let prev = (*(&raw const FATAL_PREV))[i].as_ptr();
        libc::sigaction(signum, prev, std::ptr::null_mut());
    }
    let fd = FATAL_FD.load(Ordering::Relaxed);
    let mut w = FdWriter::new(fd);
    w.put(b"Fatal Python error: ");
    w.put(FATAL[i].name);
    w.put(b"\n\n");
    w.flush();
    dump(fd, FATAL_ALL_THREADS.load(Ordering::Relaxed), threadstate::tstate_ptr());
    unsafe {
        *libc::__errno_location() = saved;
        // SA_NODEFER: the signal is delivered again at once, now to the old handler.
        libc::raise(signum);
        if signum == libc::SIGSEGV || signum == libc::SIGBUS {
            // Rust's own stack-overflow handler returns on a fault it does
            // not own; a fault that was raised (not a bad access, which
            // would repeat) must still end the process.
            libc::signal(signum, libc::SIG_DFL);
            libc::raise(signum);
        }
    }
}

/// An alternate signal stack for the thread that enables the handler, so
/// that a stack overflow can still be reported.
fn install_altstack() {
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    let size = 64 * 1024 + libc::SIGSTKSZ;
    let mem = Box::leak(vec![0u8; size].into_boxed_slice());
    let st = libc::stack_t { ss_sp: mem.as_mut_ptr() as *mut c_void, ss_flags: 0, ss_size: size };
    unsafe { libc::sigaltstack(&st, std::ptr::null_mut()) };
}

fn fh_enable(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = kw_args("enable", args, kw, &["file", "all_threads"], 0)?;
    let (fd, file) = fileno_of(a[0].as_ref())?;
    let all = truth(&a[1], true)?;
    keep_file(pystr::new("fatal"), file)?;
    FATAL_FD.store(fd, Ordering::Relaxed);
    FATAL_ALL_THREADS.store(all, Ordering::Relaxed);
    if !ENABLED.swap(true, Ordering::Relaxed) {
        install_altstack();
        let sa = sigaction_for(fatal_handler as usize, libc::SA_NODEFER | libc::SA_ONSTACK);
        for (i, f) in FATAL.iter().enumerate() {
            unsafe {
                let prev = (*(&raw mut FATAL_PREV))[i].as_mut_ptr();
                if libc::sigaction(f.signum, &sa, prev) != 0 {
                    return Err(krait_runtime::types::os_error::from_errno(std::io::Error::last_os_error().raw_os_error().unwrap_or(0), None));
                }
            }
        }
    }
    Ok(none::none())
}

fn disable_fatal() -> bool {
    if !ENABLED.swap(false, Ordering::Relaxed) {
        return false;
    }
    for (i, f) in FATAL.iter().enumerate() {
        unsafe {
            let prev = (*(&raw const FATAL_PREV))[i].as_ptr();
            libc::sigaction(f.signum, prev, std::ptr::null_mut());
        }
    }
    true
}

fn fh_disable(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("disable", args, kw, &[], 0)?;
    let was = disable_fatal();
    drop_file(pystr::new("fatal"))?;
    Ok(bool_::from_bool(was))
}

fn fh_is_enabled(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("is_enabled", args, kw, &[], 0)?;
    Ok(bool_::from_bool(ENABLED.load(Ordering::Relaxed)))
}

// ---------------------------------------------------------------------------
// register / unregister: a traceback on a user signal.

const NSIG: usize = 65;

struct UserSignal {
    enabled: AtomicBool,
    fd: AtomicI32,
    all_threads: AtomicBool,
    chain: AtomicBool,
}

static USER: [UserSignal; NSIG] = [const {
    UserSignal { enabled: AtomicBool::new(false), fd: AtomicI32::new(2), all_threads: AtomicBool::new(true), chain: AtomicBool::new(false) }
}; NSIG];
static mut USER_PREV: [MaybeUninit<libc::sigaction>; NSIG] = [const { MaybeUninit::uninit() }; NSIG];

extern "C" fn user_handler(signum: c_int) {
    let Some(u) = USER.get(signum as usize) else { return };
    if !u.enabled.load(Ordering::Relaxed) {
        return;
    }
    let saved = unsafe { *libc::__errno_location() };
    dump(u.fd.load(Ordering::Relaxed), u.all_threads.load(Ordering::Relaxed), threadstate::tstate_ptr());
    if u.chain.load(Ordering::Relaxed) {
        // Run the previous handler, then take the signal back.
        unsafe {
            let prev = (*(&raw const USER_PREV))[signum as usize].as_ptr();
            let mut ours: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signum, prev, &mut ours);
            libc::raise(signum);
            libc::sigaction(signum, &ours, std::ptr::null_mut());
        }
    }
    unsafe { *libc::__errno_location() = saved };
}

fn check_signum(signum: &Obj) -> PyResult<c_int> {
    let n = int::index(signum).and_then(|i| int::as_i64(&i).ok_or_else(|| errors::raise(krait_runtime::types::exceptions::OverflowError(), "signal number too large")))?;
    if FATAL.iter().any(|f| f.signum as i64 == n) {
        bail!(RuntimeError, "signal {} cannot be registered, use enable() instead", n);
    }
    if n < 1 || n >= NSIG as i64 {
        bail!(ValueError, "signal number out of range");
    }
    Ok(n as c_int)
}

fn fh_register(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = kw_args("register", args, kw, &["signum", "file", "all_threads", "chain"], 1)?;
    let signum = check_signum(a[0].as_ref().unwrap())?;
    let (fd, file) = fileno_of(a[1].as_ref())?;
    let all = truth(&a[2], true)?;
    let chain = truth(&a[3], false)?;
    let u = &USER[signum as usize];
    if !u.enabled.load(Ordering::Relaxed) {
        install_altstack();
        let mut flags = libc::SA_RESTART | libc::SA_ONSTACK;
        if chain {
            flags |= libc::SA_NODEFER;
        }
        let sa = sigaction_for(user_handler as usize, flags);
        unsafe {
            let prev = (*(&raw mut USER_PREV))[signum as usize].as_mut_ptr();
            if libc::sigaction(signum, &sa, prev) != 0 {
                return Err(krait_runtime::types::os_error::from_errno(std::io::Error::last_os_error().raw_os_error().unwrap_or(0), None));
            }
        }
    }
    u.fd.store(fd, Ordering::Relaxed);
    u.all_threads.store(all, Ordering::Relaxed);
    u.chain.store(chain, Ordering::Relaxed);
    u.enabled.store(true, Ordering::Relaxed);
    keep_file(int::from_i64(signum as i64), file)?;
    Ok(none::none())
}

fn fh_unregister(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = kw_args("unregister", args, kw, &["signum"], 1)?;
    let signum = check_signum(a[0].as_ref().unwrap())?;
    let u = &USER[signum as usize];
    if !u.enabled.swap(false, Ordering::Relaxed) {
        return Ok(bool_::from_bool(false));
    }
    unsafe {
        let prev = (*(&raw const USER_PREV))[signum as usize].as_ptr();
        libc::sigaction(signum, prev, std::ptr::null_mut());
    }
    drop_file(int::from_i64(signum as i64))?;
    Ok(bool_::from_bool(true))
}

// ---------------------------------------------------------------------------
// dump_traceback_later: a watchdog thread.

struct Watchdog {
    /// Set (under the mutex) to stop the thread early.
    cancel: Arc<(Mutex<bool>, Condvar)>,
    thread: std::thread::JoinHandle<()>,
}

static WATCHDOG: Mutex<Option<Watchdog>> = Mutex::new(None);

fn timeout_header(us: u64) -> Vec<u8> {
    let (sec, frac) = (us / 1_000_000, us % 1_000_000);
    let (h, m, s) = (sec / 3600, sec / 60 % 60, sec % 60);
    let text = if frac != 0 { format!("Timeout ({}:{:02}:{:02}.{:06})!\n", h, m, s, frac) } else { format!("Timeout ({}:{:02}:{:02})!\n", h, m, s) };
    text.into_bytes()
}

fn cancel_watchdog() {
    let w = WATCHDOG.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(w) = w {
        {
            let (m, c) = &*w.cancel;
            *m.lock().unwrap_or_else(|e| e.into_inner()) = true;
            c.notify_all();
        }
        let _ = w.thread.join();
    }
}

fn fh_dump_traceback_later(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = kw_args("dump_traceback_later", args, kw, &["timeout", "repeat", "file", "exit"], 1)?;
    let t = a[0].as_ref().unwrap();
    let secs = if float::is_float(t) { float::value(t) } else { int::to_f64(&int::index(t)?)? };
    let us = (secs * 1e6).ceil();
    if us.is_nan() || us <= 0.0 {
        bail!(ValueError, "timeout must be greater than 0");
    }
    if us >= (i64::MAX / 1000) as f64 {
        bail!(OverflowError, "timeout value is too large");
    }
    let us = us as u64;
    let repeat = truth(&a[1], false)?;
    let (fd, file) = fileno_of(a[2].as_ref())?;
    let exit = truth(&a[3], false)?;
    cancel_watchdog();
    keep_file(pystr::new("later"), file)?;
    let header = timeout_header(us);
    let cancel = Arc::new((Mutex::new(false), Condvar::new()));
    let theirs = cancel.clone();
    let thread = std::thread::Builder::new()
        .name("faulthandler watchdog".into())
        .spawn(move || {
            let (m, c) = &*theirs;
            let mut cancelled = m.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                let deadline = std::time::Instant::now() + std::time::Duration::from_micros(us);
                while !*cancelled {
                    let now = std::time::Instant::now();
                    if now >= deadline {
                        break;
                    }
                    cancelled = c.wait_timeout(cancelled, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
                }
                if *cancelled {
                    return;
                }
                let mut w = FdWriter::new(fd);
                w.put(&header);
                w.flush();
                dump(fd, true, std::ptr::null_mut());
                if exit {
                    unsafe { libc::_exit(1) };
                }
                if !repeat {
                    return;
                }
            }
        })
        .map_err(|e| errors::raise(krait_runtime::types::exceptions::RuntimeError(), format!("unable to start watchdog thread: {}", e)))?;
    *WATCHDOG.lock().unwrap_or_else(|e| e.into_inner()) = Some(Watchdog { cancel, thread });
    Ok(none::none())
}

fn fh_cancel_dump_traceback_later(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("cancel_dump_traceback_later", args, kw, &[], 0)?;
    krait_runtime::gil::allow_threads(cancel_watchdog);
    drop_file(pystr::new("later"))?;
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Faults on purpose, for the module's tests.

fn fh_sigsegv(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("_sigsegv", args, kw, &["release_gil"], 0)?;
    unsafe {
        libc::raise(libc::SIGSEGV);
        // Still here: the handler was Rust's, which ignores a raised fault.
        libc::signal(libc::SIGSEGV, libc::SIG_DFL);
        libc::raise(libc::SIGSEGV);
    }
    Ok(none::none())
}

fn fh_read_null(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("_read_null", args, kw, &[], 0)?;
    // The address comes through an atomic so the read cannot be folded away.
    static NULL: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let p = NULL.load(Ordering::Relaxed) as *const i32;
    let v = unsafe { std::ptr::read_volatile(p) };
    Ok(int::from_i64(v as i64))
}

fn fh_sigabrt(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("_sigabrt", args, kw, &[], 0)?;
    unsafe { libc::abort() }
}

fn fh_sigfpe(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kw_args("_sigfpe", args, kw, &[], 0)?;
    unsafe { libc::raise(libc::SIGFPE) };
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Module.

const FUNCTIONS: &[MethodSpec] = &[
    method("enable", fh_enable),
    method("disable", fh_disable),
    method("is_enabled", fh_is_enabled),
    method("dump_traceback", fh_dump_traceback),
    method("dump_traceback_later", fh_dump_traceback_later),
    method("cancel_dump_traceback_later", fh_cancel_dump_traceback_later),
    method("register", fh_register),
    method("unregister", fh_unregister),
    method("_sigsegv", fh_sigsegv),
    method("_read_null", fh_read_null),
    method("_sigabrt", fh_sigabrt),
    method("_sigfpe", fh_sigfpe),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("faulthandler")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Dump Python tracebacks on faults, on a timeout or on a signal."))?;
    add_functions(&d, &m, FUNCTIONS)?;
    Ok(m)
}
