//! Interpreter-wide state: the builtins and sys modules, the modules table,
//! the "eval breaker" flags that the evaluation loop polls at backward jumps
//! (pending collection, signals), and start-up.

use crate::errors::PyResult;
use crate::gil::GilCell;
use crate::object::Obj;
use crate::types::{dict, module};
use std::os::raw::c_void;
use std::sync::atomic::{AtomicBool, Ordering};

static BREAKER: AtomicBool = AtomicBool::new(false);
static GC_PENDING: AtomicBool = AtomicBool::new(false);

static BUILTINS: GilCell<std::cell::OnceCell<Obj>> = GilCell::new(std::cell::OnceCell::new());
static MODULES: GilCell<std::cell::OnceCell<Obj>> = GilCell::new(std::cell::OnceCell::new());

/// CPython's PyInterpreterState is opaque to extensions except for identity.
#[repr(C)]
struct InterpState {
    _opaque: [u8; 64],
}

static mut INTERP: InterpState = InterpState { _opaque: [0; 64] };

pub fn interp_ptr() -> *mut c_void {
    (&raw mut INTERP) as *mut c_void
}

#[inline]
pub fn eval_breaker() -> bool {
    BREAKER.load(Ordering::Relaxed)
}

pub fn request_gc() {
    GC_PENDING.store(true, Ordering::Relaxed);
    BREAKER.store(true, Ordering::Relaxed);
}

/// Makes the evaluation loop call `handle_eval_breaker` at its next poll
/// (another thread wants the GIL, a signal arrived).
pub fn trip_breaker() {
    BREAKER.store(true, Ordering::Relaxed);
}

/// Runs what the breaker flagged; called from the evaluation loop.
pub fn handle_eval_breaker() -> PyResult<()> {
    BREAKER.store(false, Ordering::Relaxed);
    if GC_PENDING.swap(false, Ordering::Relaxed) {
        crate::gc::collect_automatic();
    }
    crate::gil::yield_if_requested();
    crate::signals::check_signals()
}

pub fn builtins_module() -> Obj {
    BUILTINS.with(|b| b.get().expect("builtins not initialised").clone())
}

pub fn builtins_dict() -> Obj {
    module::dict_of(&builtins_module())
}

/// `sys.modules`.
pub fn modules() -> Obj {
    MODULES.with(|m| m.get_or_init(dict::new).clone())
}

/// Initialises every builtin type and the builtins and sys modules.
pub fn initialize(argv: Vec<std::ffi::OsString>) -> PyResult<()> {
    // The compiler runs on the calling thread when its stack is deep enough.
    krait_compiler::set_stack_probe(crate::threadstate::native_stack_left);
    crate::types::init_all()?;
    let b = crate::builtins::create()?;
    BUILTINS.with(|x| {
        let _ = x.set(b.clone());
    });
    dict::set_item_str(&modules(), "builtins", &b)?;
    let sys = crate::modules::sys::create(argv)?;
    dict::set_item_str(&modules(), "sys", &sys)?;
    Ok(())
}

/// Resets what other threads may have left half-done in a forked child:
/// the GIL (the caller keeps it) and the import lock.
///
/// # Safety
/// Call only in the child, straight after fork.
pub unsafe fn after_fork_child() {
    crate::gil::after_fork_child();
    crate::import::imp::after_fork_child();
    crate::threadstate::after_fork_child();
}

static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The -O level (0, 1 or 2).
pub fn optimize_level() -> u8 {
    OPTIMIZE.load(Ordering::Relaxed)
}

pub fn set_optimize_level(n: u8) {
    OPTIMIZE.store(n, Ordering::Relaxed)
}

/// Called first at shutdown (the `atexit` module's callbacks).
pub static AT_EXIT: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Interpreter shutdown, as CPython's finalization does for what is still
/// alive: clears the `__main__` module's namespace (single-underscore names
/// first, then the rest, `__builtins__` kept) so that objects die and their
/// `__del__` runs, then collects cycles.
/// Set once shutdown has passed the atexit callbacks (`sys.is_finalizing`).
pub static FINALIZING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn finalize(flush_std_files: impl Fn()) {
    wait_for_threads();
    if let Some(hook) = AT_EXIT.get() {
        hook();
    }
    flush_std_files();
    FINALIZING.store(true, Ordering::Relaxed);
    finalize_modules();
    if crate::errors::occurred() {
        crate::errors::clear();
    }
}

/// Tears the modules down in CPython's order: sys.modules lets go of them
/// (keeping weak references), so a module nothing else holds goes at once;
/// then a collection runs the finalizers of garbage cycles while every
/// module's globals are still intact; last, the globals of modules still
/// alive are cleared, the most recently imported first, so that objects
/// they held are finalized before exit. sys and builtins stay as they are.
fn finalize_modules() {
    let modules = modules();
    let weak: Vec<Obj> = dict::items_vec(&modules)
        .into_iter()
        .filter(|(_, m)| module::is_module(m))
        .filter_map(|(_, m)| crate::types::weakref::new_ref(&m, None).ok())
        .collect();
    crate::errors::clear();
    dict::clear(&modules);
    crate::gc::collect();
    let mut keep = vec![builtins_dict()];
    keep.extend(crate::modules::sys::sys_module().map(|m| module::dict_of(&m)));
    for w in weak.iter().rev() {
        if let Some(m) = crate::types::weakref::get_referent(w) {
            let d = module::dict_of(&m);
            if !keep.iter().any(|k| k.is(&d)) {
                clear_module_dict(&d);
            }
        }
    }
}

/// As CPython at exit: `threading._shutdown()` joins the non-daemon threads
/// (only if threading was imported).
fn wait_for_threads() {
    let threading = match dict::get_item_str(&modules(), "threading") {
        Ok(Some(m)) => m,
        _ => {
            crate::errors::clear();
            return;
        }
    };
    if let Err(e) = crate::ops::attr::call_method(&threading, "_shutdown", &[]) {
        crate::errors::write_unraisable(e, Some(&threading));
    }
}

fn clear_module_dict(d: &Obj) {
    let none = crate::types::none::none();
    let single_underscore = |k: &Obj| {
        let s = crate::types::str::to_string_lossy(k);
        s.starts_with('_') && !s.starts_with("__")
    };
    for pass in 0..2 {
        for (k, _) in dict::items_vec(d) {
            if !crate::types::str::is_str(&k) || crate::types::str::eq_str(&k, "__builtins__") {
                continue;
            }
            if pass == 0 && !single_underscore(&k) {
                continue;
            }
            if dict::set_item(d, &k, &none).is_err() {
                crate::errors::clear();
            }
        }
    }
}
