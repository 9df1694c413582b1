//! The global interpreter lock. One OS thread at a time runs Python code
//! or touches objects; a thread about to block in the OS (sleep, lock
//! waits, I/O, waitpid, select) lets the others run through `allow_threads`.
//!
//! The scheme is CPython's: a waiting thread sleeps for the switch interval;
//! if the holder has not let go by then, it sets a drop request and trips
//! the evaluation loop's breaker. The holder, at its next poll, releases the
//! lock and waits until another thread has taken it, so that a busy thread
//! cannot take the lock straight back.
//!
//! Interpreter-wide data that Rust code keeps in statics lives in
//! [`GilCell`]s: shared by all threads, touched only by the holder.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

struct State {
    locked: bool,
    /// Incremented at every take: a waiter that sees it unchanged after a
    /// full interval knows the holder kept the lock all along.
    switches: u64,
    /// Serial of the thread that took the lock last.
    last_holder: u64,
    /// Threads waiting on `freed` and on `taken`: a condition variable is
    /// only signalled when someone waits (each signal is a system call).
    waiting_freed: u32,
    waiting_taken: u32,
}

struct Gil {
    state: Mutex<State>,
    /// Signalled when the lock is released.
    freed: Condvar,
    /// Signalled when the lock is taken (ends a forced switch).
    taken: Condvar,
}

impl Gil {
    const fn new() -> Self {
        Gil {
            state: Mutex::new(State { locked: false, switches: 0, last_holder: 0, waiting_freed: 0, waiting_taken: 0 }),
            freed: Condvar::new(),
            taken: Condvar::new(),
        }
    }
}

/// A static of thread-safe parts (mutexes, condition variables) that a
/// forked child rebuilds: another thread may have held them at fork time.
pub struct ForkResettable<T>(UnsafeCell<T>);

// SAFETY: `T`'s parts are Sync; the value is only overwritten by `reset`,
// which runs in a forked child while it is the only thread.
unsafe impl<T: Sync> Sync for ForkResettable<T> {}

impl<T> ForkResettable<T> {
    pub const fn new(v: T) -> Self {
        ForkResettable(UnsafeCell::new(v))
    }

    pub fn get(&self) -> &T {
        unsafe { &*self.0.get() }
    }

    /// # Safety
    /// Only in a forked child, before any other thread exists, with no
    /// reference from `get` still in use.
    pub unsafe fn reset(&self, v: T) {
        std::ptr::write(self.0.get(), v);
    }
}

/// Rebuilt in a forked child (see `after_fork_child`).
static GIL: ForkResettable<Gil> = ForkResettable::new(Gil::new());
static DROP_REQUEST: AtomicBool = AtomicBool::new(false);
/// Threads that have a Python thread state (the main one included).
static THREADS: AtomicUsize = AtomicUsize::new(1);
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);
/// The switch interval in microseconds (`sys.setswitchinterval`).
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);
/// Serial of the thread that started the interpreter.
static MAIN_SERIAL: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static SERIAL: u64 = NEXT_SERIAL.fetch_add(1, Ordering::Relaxed);
}

fn gil() -> &'static Gil {
    GIL.get()
}

/// A number identifying the calling thread for the life of the process
/// (pthread ids are reused; these are not).
pub fn thread_serial() -> u64 {
    SERIAL.with(|s| *s)
}

/// Takes the GIL, waiting for it as long as needed.
pub fn acquire() {
    // Once the interpreter is finalizing, a thread other than the one
    // finalizing it (a daemon thread) never runs Python code again: it
    // stops here for good, as CPython's take_gil does.
    if crate::interp::FINALIZING.load(Ordering::Relaxed) && !is_main_thread() {
        loop {
            std::thread::park();
        }
    }
    let g = gil();
    let mut st = g.state.lock().unwrap();
    while st.locked {
        let seen = st.switches;
        let interval = Duration::from_micros(INTERVAL_US.load(Ordering::Relaxed).max(1));
        st.waiting_freed += 1;
        let (s, res) = g.freed.wait_timeout(st, interval).unwrap();
        st = s;
        st.waiting_freed -= 1;
        if res.timed_out() && st.locked && st.switches == seen {
            DROP_REQUEST.store(true, Ordering::Relaxed);
            crate::interp::trip_breaker();
        }
    }
    st.locked = true;
    st.switches = st.switches.wrapping_add(1);
    st.last_holder = thread_serial();
    DROP_REQUEST.store(false, Ordering::Relaxed);
    if st.waiting_taken > 0 {
        g.taken.notify_all();
    }
}

/// Releases the GIL.
pub fn release() {
    let g = gil();
    let mut st = g.state.lock().unwrap();
    st.locked = false;
    if st.waiting_freed > 0 {
        g.freed.notify_one();
    }
}

/// Called by the evaluation loop when the breaker is tripped: gives the
/// lock to the thread that asked for it.
pub fn yield_if_requested() {
    if !DROP_REQUEST.load(Ordering::Relaxed) || THREADS.load(Ordering::Relaxed) < 2 {
        DROP_REQUEST.store(false, Ordering::Relaxed);
        return;
    }
    let g = gil();
    let me = thread_serial();
    {
        let mut st = g.state.lock().unwrap();
        st.locked = false;
        if st.waiting_freed > 0 {
            g.freed.notify_one();
        }
        // Wait until someone else has it; bounded, in case the requester
        // went away (it cannot, while waiting, but a stuck switch must not
        // hang this thread).
        let mut rounds = 0;
        while st.last_holder == me && !st.locked && rounds < 100 {
            st.waiting_taken += 1;
            st = g.taken.wait_timeout(st, Duration::from_millis(10)).unwrap().0;
            st.waiting_taken -= 1;
            rounds += 1;
        }
    }
    acquire();
}

/// Runs `f` (which must not touch Python objects) with the GIL released,
/// and takes it back before returning. Wrap every call that may block.
pub fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    if THREADS.load(Ordering::Relaxed) < 2 {
        // Nobody else can be waiting, and a thread can only be started by
        // the holder, so the lock need not change hands.
        return f();
    }
    release();
    let r = f();
    acquire();
    r
}

/// True on the thread that started the interpreter: signal handlers run
/// only there, as in CPython.
pub fn is_main_thread() -> bool {
    thread_serial() == MAIN_SERIAL.load(Ordering::Relaxed)
}

/// Called once by the thread that starts the interpreter, before any
/// Python code runs: it becomes the main thread and holds the lock.
pub fn init_main_thread() {
    MAIN_SERIAL.store(thread_serial(), Ordering::Relaxed);
    acquire();
}

/// Counts a thread about to be started (called by its creator, with the GIL).
pub fn thread_starting() {
    THREADS.fetch_add(1, Ordering::Relaxed);
}

/// Uncounts a thread that has finished (called by it, with the GIL, just
/// before its final `release`).
pub fn thread_finished() {
    THREADS.fetch_sub(1, Ordering::Relaxed);
}

/// Number of threads with a Python thread state.
pub fn thread_count() -> usize {
    THREADS.load(Ordering::Relaxed)
}

/// In a child after fork: only the calling thread exists and it holds the
/// lock; whatever other threads were doing with the lock's internals is
/// forgotten.
///
/// # Safety
/// Call only in the child, straight after fork, before any other thread
/// can be started.
pub unsafe fn after_fork_child() {
    GIL.reset(Gil::new());
    THREADS.store(1, Ordering::Relaxed);
    DROP_REQUEST.store(false, Ordering::Relaxed);
    MAIN_SERIAL.store(thread_serial(), Ordering::Relaxed);
    acquire();
}

/// `sys.setswitchinterval` (seconds).
pub fn set_switch_interval(seconds: f64) {
    INTERVAL_US.store((seconds * 1e6).clamp(1.0, u64::MAX as f64 / 2.0) as u64, Ordering::Relaxed);
}

/// `sys.getswitchinterval` (seconds).
pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Ordering::Relaxed) as f64 / 1e6
}

/// Interpreter-wide data kept in a static: one value shared by every
/// thread, read and written only by the thread holding the GIL. Its `with`
/// mirrors `LocalKey::with`, so per-thread data and shared data read alike.
pub struct GilCell<T>(T);

// SAFETY: every access happens with the GIL held, which serialises threads;
// values (objects, Rc, RefCell) never see two threads at once.
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(v: T) -> Self {
        GilCell(v)
    }

    #[inline]
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}
