//! The per-thread interpreter state. Its first part is CPython 3.11's
//! `PyThreadState`, field for field where compiled extensions read it (the
//! current exception in `curexc_*`, the handled one through `exc_info`);
//! krait's own per-thread data follows it.

use crate::object::PyObject;
use std::cell::Cell;
use std::os::raw::{c_int, c_ulong, c_void};
use std::ptr::null_mut;

/// CPython's `_PyErr_StackItem`: one handled exception per active handler.
#[repr(C)]
pub struct ErrStackItem {
    pub exc_value: *mut PyObject,
    pub previous_item: *mut ErrStackItem,
}

/// CPython 3.11's `_PyCFrame`; Cython's tracing macros read `use_tracing`.
#[repr(C)]
pub struct CFrame {
    pub use_tracing: u8,
    pub current_frame: *mut c_void,
    pub previous: *mut CFrame,
}

/// CPython 3.11's `PyThreadState` (360 bytes). Fields krait does not use are
/// kept as opaque padding so that the ones extensions read sit at their offsets.
#[repr(C)]
pub struct PyThreadState {
    pub prev: *mut PyThreadState,
    pub next: *mut PyThreadState,
    pub interp: *mut c_void,
    pub _initialized: c_int,
    pub _static: c_int,
    pub recursion_remaining: c_int,
    pub recursion_limit: c_int,
    pub recursion_headroom: c_int,
    pub tracing: c_int,
    pub tracing_what: c_int,
    pub cframe: *mut CFrame,
    pub c_profilefunc: *mut c_void,
    pub c_tracefunc: *mut c_void,
    pub c_profileobj: *mut PyObject,
    pub c_traceobj: *mut PyObject,
    pub curexc_type: *mut PyObject,
    pub curexc_value: *mut PyObject,
    pub curexc_traceback: *mut PyObject,
    pub exc_info: *mut ErrStackItem,
    pub dict: *mut PyObject,
    pub gilstate_counter: c_int,
    pub async_exc: *mut PyObject,
    pub thread_id: c_ulong,
    pub native_thread_id: c_ulong,
    _opaque: [u8; 320 - 168],
    pub exc_state: ErrStackItem,
    pub root_cframe: CFrame,
}

const _: () = {
    assert!(std::mem::offset_of!(PyThreadState, interp) == 16);
    assert!(std::mem::offset_of!(PyThreadState, recursion_remaining) == 32);
    assert!(std::mem::offset_of!(PyThreadState, cframe) == 56);
    assert!(std::mem::offset_of!(PyThreadState, curexc_type) == 96);
    assert!(std::mem::offset_of!(PyThreadState, curexc_value) == 104);
    assert!(std::mem::offset_of!(PyThreadState, curexc_traceback) == 112);
    assert!(std::mem::offset_of!(PyThreadState, exc_info) == 120);
    assert!(std::mem::offset_of!(PyThreadState, dict) == 128);
    assert!(std::mem::offset_of!(PyThreadState, thread_id) == 152);
    assert!(std::mem::offset_of!(PyThreadState, exc_state) == 320);
    assert!(std::mem::size_of::<PyThreadState>() == 360);
};

/// A thread's whole state: CPython's part first, then krait's.
#[repr(C)]
pub struct ThreadState {
    pub py: PyThreadState,
    /// The innermost executing Python frame (a frame object), or null.
    pub current_frame: *mut PyObject,
    /// Python frames currently executing (depth checked against the limit).
    pub depth: usize,
    /// Native re-entries in progress (repr, comparison, tp_call...): they
    /// count against the recursion limit together with `depth`.
    pub native_depth: usize,
    /// Lowest stack address this thread may use before RecursionError.
    pub stack_limit: usize,
    /// `sys.set_asyncgen_hooks`: called when an async generator is first
    /// iterated, and when one is collected unfinished (owned, or null).
    pub asyncgen_firstiter: *mut PyObject,
    pub asyncgen_finalizer: *mut PyObject,
    /// `sys.set_coroutine_origin_tracking_depth`: frames kept in `cr_origin`.
    pub coroutine_origin_depth: i32,
}

thread_local! {
    static CURRENT: Cell<*mut ThreadState> = const { Cell::new(null_mut()) };
}

/// Every live thread state, newest first, as CPython's interpreter list:
/// faulthandler walks it to dump all threads (from a signal handler it only
/// try-locks). Rebuilt in a forked child, where only the caller survives.
static ALL: crate::gil::ForkResettable<std::sync::Mutex<Vec<usize>>> = crate::gil::ForkResettable::new(std::sync::Mutex::new(Vec::new()));

/// Calls `f` on each live thread state, newest first, without allocating;
/// false (and no call) when the list is busy, for a signal handler must not
/// wait for it.
pub fn try_for_each_thread(mut f: impl FnMut(*mut ThreadState)) -> bool {
    match ALL.get().try_lock() {
        Ok(g) => {
            for p in g.iter() {
                f(*p as *mut ThreadState);
            }
            true
        }
        Err(_) => false,
    }
}

/// The live thread states, newest first (with the GIL held, none of them
/// can be freed while the caller uses the list).
pub fn all_threads() -> Vec<*mut ThreadState> {
    ALL.get().lock().unwrap_or_else(|e| e.into_inner()).iter().map(|p| *p as *mut ThreadState).collect()
}

/// # Safety
/// In a forked child before any other thread starts.
pub unsafe fn after_fork_child() {
    let me = tstate_ptr();
    let v = if me.is_null() { Vec::new() } else { vec![me as usize] };
    ALL.reset(std::sync::Mutex::new(v));
}

static RECURSION_LIMIT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1000);

pub fn recursion_limit() -> usize {
    RECURSION_LIMIT.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn set_recursion_limit(n: usize) {
    RECURSION_LIMIT.store(n, std::sync::atomic::Ordering::Relaxed)
}

/// Native stack bytes kept free below the guard for Rust code that runs
/// after the check (error formatting, deallocation chains).
const STACK_RESERVE: usize = 256 * 1024;

/// Creates the state of the calling thread. `stack_size` is the size of the
/// thread's stack (for the native recursion guard).
pub fn init_thread(stack_size: usize) -> *mut ThreadState {
    let here = approx_sp();
    let limit = here.saturating_sub(stack_size.saturating_sub(STACK_RESERVE));
    let ts = Box::new(ThreadState {
        py: PyThreadState {
            prev: null_mut(),
            next: null_mut(),
            interp: crate::interp::interp_ptr(),
            _initialized: 1,
            _static: 0,
            recursion_remaining: 1000,
            recursion_limit: 1000,
            recursion_headroom: 0,
            tracing: 0,
            tracing_what: 0,
            cframe: null_mut(),
            c_profilefunc: null_mut(),
            c_tracefunc: null_mut(),
            c_profileobj: null_mut(),
            c_traceobj: null_mut(),
            curexc_type: null_mut(),
            curexc_value: null_mut(),
            curexc_traceback: null_mut(),
            exc_info: null_mut(),
            dict: null_mut(),
            gilstate_counter: 1,
            async_exc: null_mut(),
            thread_id: unsafe { libc::pthread_self() as c_ulong },
            native_thread_id: unsafe { libc::gettid() as c_ulong },
            _opaque: [0; 320 - 168],
            exc_state: ErrStackItem {
                exc_value: null_mut(),
                previous_item: null_mut(),
            },
            root_cframe: CFrame {
                use_tracing: 0,
                current_frame: null_mut(),
                previous: null_mut(),
            },
        },
        current_frame: null_mut(),
        depth: 0,
        native_depth: 0,
        stack_limit: limit,
        asyncgen_firstiter: null_mut(),
        asyncgen_finalizer: null_mut(),
        coroutine_origin_depth: 0,
    });
    let p = Box::into_raw(ts);
    unsafe {
        (*p).py.exc_info = &mut (*p).py.exc_state;
        (*p).py.cframe = &mut (*p).py.root_cframe;
    }
    CURRENT.with(|c| c.set(p));
    ALL.get().lock().unwrap_or_else(|e| e.into_inner()).insert(0, p as usize);
    p
}

/// Tears down the calling thread's state at its end (with the GIL held):
/// drops what it still references and frees it.
///
/// # Safety
/// `ts` must be the calling thread's state, from `init_thread`, and no
/// frame of this thread may still be running.
pub unsafe fn free_thread(ts: *mut ThreadState) {
    crate::eval::trace::clear_thread(&mut *ts);
    let py = &mut (*ts).py;
    for p in [&mut py.curexc_type, &mut py.curexc_value, &mut py.curexc_traceback, &mut py.exc_state.exc_value, &mut py.dict] {
        let o = std::mem::replace(p, null_mut());
        crate::object::xdecref(o);
    }
    for p in [&mut (*ts).asyncgen_firstiter, &mut (*ts).asyncgen_finalizer] {
        crate::object::xdecref(std::mem::replace(p, null_mut()));
    }
    CURRENT.with(|c| c.set(null_mut()));
    ALL.get().lock().unwrap_or_else(|e| e.into_inner()).retain(|p| *p != ts as usize);
    drop(Box::from_raw(ts));
}

/// The calling thread's state. Panics if the thread was never initialised
/// (a bug: every thread that runs Python code calls `init_thread`).
#[inline]
pub fn tstate() -> &'static mut ThreadState {
    let p = CURRENT.with(|c| c.get());
    assert!(!p.is_null(), "krait: thread state used before init_thread");
    unsafe { &mut *p }
}

#[inline]
pub fn tstate_ptr() -> *mut ThreadState {
    CURRENT.with(|c| c.get())
}

/// An address near the top of the calling thread's stack.
#[inline(always)]
pub fn approx_sp() -> usize {
    let x = 0u8;
    &x as *const u8 as usize
}

/// Bytes of native stack the calling thread has left before its limit
/// (0 on a thread without a Python thread state).
pub fn native_stack_left() -> usize {
    let p = tstate_ptr();
    if p.is_null() {
        return 0;
    }
    approx_sp().saturating_sub(unsafe { (*p).stack_limit })
}

/// True when the native stack is close to exhausted: callers raise
/// RecursionError instead of recursing further.
#[inline]
pub fn native_stack_exhausted() -> bool {
    let p = tstate_ptr();
    !p.is_null() && approx_sp() < unsafe { (*p).stack_limit }
}
