//! The `_thread` module: real OS threads that run Python code under the
//! GIL (`start_new_thread`), locks (lock.rs), thread identities, the
//! sentinel locks `threading` joins on, and the constants it reads.

mod local;
mod lock;

use krait_runtime::gil::{self, GilCell};
use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::{dict, exceptions, float, int, module, tuple};
use krait_runtime::PyResult;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// CPython's PY_TIMEOUT_MAX / 1e6 on Linux, what `_thread.TIMEOUT_MAX` reports.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// Stack of a new thread when `stack_size()` was not set. Generous because
/// Python-to-Python calls recurse on the native stack; the recursion guard
/// turns exhaustion into RecursionError.
const DEFAULT_STACK: usize = 64 << 20;
/// Smallest stack actually given to a thread, whatever `stack_size()` says:
/// krait's frames need more native stack than CPython's.
const MIN_STACK: usize = 4 << 20;

/// `get_ident()`: the pthread id, as CPython.
pub fn ident() -> u64 {
    unsafe { libc::pthread_self() as u64 }
}

/// Threads started by `start_new_thread` and not finished (`_count()`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

/// Sentinel locks (`_set_sentinel`) by thread serial, released when the
/// thread's Python state is torn down.
static SENTINELS: GilCell<RefCell<BTreeMap<u64, Vec<Obj>>>> = GilCell::new(RefCell::new(BTreeMap::new()));

/// What a new thread must run; owned references moved to it.
struct Job {
    func: Obj,
    args: Obj,
    kwargs: Option<Obj>,
}

// SAFETY: the job is created with the GIL held and only touched by the new
// thread after it has taken the GIL.
unsafe impl Send for Job {}

fn f_start_new_thread(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if kw.is_some_and(|k| tuple::len(k) > 0) {
        krait_runtime::bail!(TypeError, "start_new_thread() takes no keyword arguments");
    }
    if args.len() < 2 {
        krait_runtime::bail!(TypeError, "start_new_thread expected at least 2 arguments, got {}", args.len());
    }
    if args.len() > 3 {
        krait_runtime::bail!(TypeError, "start_new_thread expected at most 3 arguments, got {}", args.len());
    }
    let (func, fargs) = (&args[0], &args[1]);
    if !krait_runtime::builtins::is_callable(func) {
        krait_runtime::bail!(TypeError, "first arg must be callable");
    }
    if !tuple::is_tuple(fargs) {
        krait_runtime::bail!(TypeError, "2nd arg must be a tuple");
    }
    let kwargs = args.get(2).cloned();
    if let Some(k) = &kwargs {
        if !dict::is_dict(k) {
            krait_runtime::bail!(TypeError, "optional 3rd arg must be a dictionary");
        }
    }
    let job = Job { func: func.clone(), args: fargs.clone(), kwargs };
    let asked = STACK_SIZE.load(Ordering::Relaxed);
    let stack = if asked == 0 { DEFAULT_STACK } else { asked.max(MIN_STACK) };
    gil::thread_starting();
    RUNNING.fetch_add(1, Ordering::Relaxed);
    let spawned = std::thread::Builder::new().stack_size(stack).spawn(move || thread_main(job, stack));
    match spawned {
        Ok(h) => {
            use std::os::unix::thread::JoinHandleExt;
            let id = h.as_pthread_t() as u64;
            // Detached: nobody joins the OS thread; threading joins on locks.
            drop(h);
            Ok(int::from_u64(id))
        }
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::Relaxed);
            gil::thread_finished();
            krait_runtime::bail!(RuntimeError, "can't start new thread");
        }
    }
}

/// The body of every thread `start_new_thread` starts.
fn thread_main(job: Job, stack: usize) {
    python_thread(stack, true, move || {
        let Job { func, args, kwargs } = job;
        let r = krait_runtime::ops::call::call_tuple_dict(&func, &args, kwargs.as_ref());
        if r.is_err() {
            if krait_runtime::errors::matches(exceptions::SystemExit()) {
                krait_runtime::errors::clear();
            } else {
                krait_runtime::errors::write_unraisable_msg("Exception ignored in thread started by", Some(&func));
            }
        }
    });
}

/// Runs `body` as a Python thread on the calling OS thread, which its
/// creator counted with `gil::thread_starting`: takes the GIL, makes the
/// thread state, and at the end runs the exit hooks, releases the
/// thread's sentinel locks and frees the state. `counted`: the thread
/// counts in `_count()` (started by `start_new_thread`).
fn python_thread(stack: usize, counted: bool, body: impl FnOnce()) {
    gil::acquire();
    let ts = krait_runtime::threadstate::init_thread(stack);
    body();
    for hook in EXIT_HOOKS.with(|h| h.borrow().clone()) {
        hook();
    }
    let mine = SENTINELS.with(|s| s.borrow_mut().remove(&gil::thread_serial()));
    for l in mine.unwrap_or_default() {
        lock::release_if_held(&l);
    }
    if krait_runtime::errors::occurred() {
        krait_runtime::errors::clear();
    }
    // SAFETY: `ts` is this thread's state and nothing uses it any more.
    unsafe { krait_runtime::threadstate::free_thread(ts) };
    if counted {
        RUNNING.fetch_sub(1, Ordering::Relaxed);
    }
    gil::thread_finished();
    gil::release();
}

/// Calls `callback()` on a new OS thread that is not a `threading`
/// thread (as a C library's thread calling into Python would); an
/// exception goes to `sys.excepthook`. Returns the OS thread, which the
/// caller joins (without the GIL). For `_testcapi.call_in_temporary_c_thread`.
pub fn call_in_temporary_thread(callback: &Obj) -> PyResult<std::thread::JoinHandle<()>> {
    let job = Job { func: callback.clone(), args: tuple::new(&[]), kwargs: None };
    gil::thread_starting();
    let spawned = std::thread::Builder::new().stack_size(DEFAULT_STACK).spawn(move || {
        // The whole job moves (it is Send; its fields alone are not).
        let job = job;
        python_thread(DEFAULT_STACK, false, move || {
            let Job { func, .. } = job;
            if let Err(e) = krait_runtime::ops::call::call(&func, &[], None) {
                let v = krait_runtime::errors::take(e);
                let t = v.get_type();
                let tb = krait_runtime::ops::attr::getattr(&v, &krait_runtime::types::str::intern_static("__traceback__"))
                    .unwrap_or_else(|_| krait_runtime::types::none::none());
                let shown = krait_runtime::modules::sys::get_attr("excepthook")
                    .is_some_and(|h| krait_runtime::ops::call::call(&h, &[t, v.clone(), tb], None).is_ok());
                if !shown {
                    krait_runtime::errors::clear();
                    krait_runtime::modules::sys::write_stderr(&krait_runtime::traceback_print::format_exception(&v));
                }
            }
        })
    });
    match spawned {
        Ok(h) => Ok(h),
        Err(_) => {
            gil::thread_finished();
            krait_runtime::bail!(RuntimeError, "unable to start the thread");
        }
    }
}

/// Called on a finishing thread, with the GIL, before its sentinels are
/// released: modules drop their per-thread objects here (a thread-local
/// destructor would run without the GIL).
static EXIT_HOOKS: GilCell<RefCell<Vec<fn()>>> = GilCell::new(RefCell::new(Vec::new()));

pub fn on_thread_exit(hook: fn()) {
    EXIT_HOOKS.with(|h| h.borrow_mut().push(hook));
}

fn f_set_sentinel(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_set_sentinel", args, kw, 0, 0)?;
    // threading acquires it itself; the thread's end releases it.
    let l = lock::new_lock()?;
    SENTINELS.with(|s| s.borrow_mut().entry(gil::thread_serial()).or_default().push(l.clone()));
    Ok(l)
}

fn f_allocate_lock(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("allocate_lock", args, kw, 0, 0)?;
    lock::new_lock()
}

fn f_get_ident(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_ident", args, kw, 0, 0)?;
    Ok(int::from_u64(ident()))
}

fn f_get_native_id(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_native_id", args, kw, 0, 0)?;
    Ok(int::from_u64(unsafe { libc::gettid() } as u64))
}

fn f_count(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_count", args, kw, 0, 0)?;
    Ok(int::from_usize(RUNNING.load(Ordering::Relaxed)))
}

fn f_exit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("exit", args, kw, 0, 0)?;
    let e = exceptions::new_exception(exceptions::SystemExit(), &[])?;
    Err(krait_runtime::errors::set_value(e))
}

/// `interrupt_main(signum=SIGINT)`: acts as if the signal arrived on the
/// main thread (its Python handler runs there; SIG_DFL/SIG_IGN do nothing).
fn f_interrupt_main(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = krait_runtime::types::builtin_func::parse_args("interrupt_main", args, kw, &["signum"], 0, 1)?;
    let sig = match &a[0] {
        Some(s) => int::index_isize(s)?,
        None => libc::SIGINT as isize,
    };
    if sig < 1 || sig >= 65 {
        krait_runtime::bail!(ValueError, "signal number out of range");
    }
    let h = krait_runtime::signals::get_handler(sig as usize);
    let python_handler = h.is_some_and(|h| !h.is(&krait_runtime::signals::default_handler()) && !h.is(&krait_runtime::signals::ignore_handler()));
    if python_handler {
        krait_runtime::signals::trip(sig as usize);
    }
    Ok(krait_runtime::types::none::none())
}

fn f_stack_size(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("stack_size", args, kw, 0, 1)?;
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(a) = args.first() {
        let n = int::index_isize(a)? as i64;
        if n != 0 && n < 32768 {
            krait_runtime::bail!(ValueError, "size not valid: {} bytes", n);
        }
        if n < 0 {
            krait_runtime::bail!(ValueError, "size must be 0 or a positive value");
        }
        STACK_SIZE.store(n as usize, Ordering::Relaxed);
    }
    Ok(int::from_usize(old))
}

static EXCEPTHOOK_ARGS: GilCell<std::cell::OnceCell<Obj>> = GilCell::new(std::cell::OnceCell::new());

/// `_thread._ExceptHookArgs`: what threading passes to `excepthook`.
fn excepthook_args_type() -> PyResult<Obj> {
    if let Some(t) = EXCEPTHOOK_ARGS.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    let t = krait_runtime::types::structseq::new_type("_thread", "_ExceptHookArgs", &["exc_type", "exc_value", "exc_traceback", "thread"])?;
    EXCEPTHOOK_ARGS.with(|c| c.set(t.clone()).ok());
    Ok(t)
}

/// `_thread._excepthook(args)`: threading's default `excepthook`. Prints
/// "Exception in thread NAME:" and the traceback to sys.stderr (or, when
/// that is None, to the stderr the thread saved when it started); a
/// SystemExit is silently ignored.
fn f_excepthook(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_excepthook", args, kw, 1, 1)?;
    let a = &args[0];
    if a.type_ptr() != excepthook_args_type()?.as_ptr() as *mut krait_runtime::object::PyTypeObject {
        krait_runtime::bail!(TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
    }
    let item = |i: usize| tuple::items(a)[i].clone();
    let (exc_type, exc_value, thread) = (item(0), item(1), item(3));
    if exc_type.as_ptr() == exceptions::SystemExit() as *mut krait_runtime::object::PyObject {
        return Ok(krait_runtime::types::none::none());
    }
    let is_none = krait_runtime::types::none::is_none;
    let mut file = krait_runtime::modules::sys::get_attr("stderr").filter(|f| !is_none(f));
    if file.is_none() && !is_none(&thread) {
        file = krait_runtime::ops::attr::getattr(&thread, &krait_runtime::types::str::intern_static("_stderr"))?.into();
        if file.as_ref().is_some_and(is_none) {
            file = None;
        }
    }
    let Some(file) = file else { return Ok(krait_runtime::types::none::none()) };
    let name = if is_none(&thread) {
        ident().to_string()
    } else {
        let n = krait_runtime::ops::attr::getattr(&thread, &krait_runtime::types::str::intern_static("name"))?;
        krait_runtime::types::str::to_string_lossy(&krait_runtime::ops::str_of(&n)?)
    };
    let body = if exceptions::is_exception_instance(&exc_value) {
        krait_runtime::traceback_print::format_exception(&exc_value)
    } else {
        // What the C display prints for a value that is not an exception.
        let t = krait_runtime::types::str::to_string_lossy(&krait_runtime::ops::str_of(&exc_type)?);
        let v = krait_runtime::types::str::to_string_lossy(&krait_runtime::ops::str_of(&exc_value)?);
        format!("{t}: {v}\n")
    };
    let write = |s: String| krait_runtime::ops::attr::call_method(&file, "write", &[krait_runtime::types::str::new(&s)]);
    write(format!("Exception in thread {name}:\n"))?;
    write(body)?;
    krait_runtime::ops::attr::call_method(&file, "flush", &[])?;
    Ok(krait_runtime::types::none::none())
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("start_new_thread", f_start_new_thread),
        method("start_new", f_start_new_thread),
        method("allocate_lock", f_allocate_lock),
        method("allocate", f_allocate_lock),
        method("get_ident", f_get_ident),
        method("get_native_id", f_get_native_id),
        method("_count", f_count),
        method("_set_sentinel", f_set_sentinel),
        method("exit", f_exit),
        method("exit_thread", f_exit),
        method("stack_size", f_stack_size),
        method("interrupt_main", f_interrupt_main),
        method("_excepthook", f_excepthook),
    ]
}

pub fn create() -> PyResult<Obj> {
    lock::init_types();
    let m = module::new("_thread")?;
    let d = module::dict_of(&m);
    krait_runtime::types::builtin_func::add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "LockType", &lock::lock_type())?;
    dict::set_item_str(&d, "RLock", &lock::rlock_type())?;
    dict::set_item_str(&d, "error", &unsafe {
        Obj::from_borrowed(exceptions::RuntimeError() as *mut krait_runtime::object::PyObject)
    })?;
    dict::set_item_str(&d, "TIMEOUT_MAX", &float::from_f64(TIMEOUT_MAX))?;
    dict::set_item_str(&d, "_ExceptHookArgs", &excepthook_args_type()?)?;
    dict::set_item_str(&d, "_local", &local::local_type()?)?;
    Ok(m)
}
