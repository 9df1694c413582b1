//! `_thread`'s locks: `LockType` (`allocate_lock`) and `RLock`. They are
//! OS-level locks (a mutex and a condition variable); a thread that has to
//! wait for one waits with the GIL released.

use krait_runtime::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{check_nargs, method, method_table, parse_args};
use krait_runtime::types::{bool_, float, int, none, str as pystr, tuple};
use krait_runtime::PyResult;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// A binary semaphore: under the mutex, whether it is locked and how many
/// threads wait on the condvar (signalled only then: each signal is a
/// system call, and importlib releases locks at every import).
struct RawLock {
    locked: Mutex<Held>,
    freed: Condvar,
}

struct Held {
    locked: bool,
    waiting: u32,
}

impl RawLock {
    fn new() -> Self {
        RawLock { locked: Mutex::new(Held { locked: false, waiting: 0 }), freed: Condvar::new() }
    }

    /// Takes the lock; `None` waits forever, `Some(d)` at most `d`.
    fn acquire(&self, wait: Option<Duration>) -> bool {
        let mut g = self.locked.lock().unwrap();
        match wait {
            None => {
                while g.locked {
                    g.waiting += 1;
                    g = self.freed.wait(g).unwrap();
                    g.waiting -= 1;
                }
            }
            Some(d) => {
                let end = Instant::now() + d;
                while g.locked {
                    let now = Instant::now();
                    if now >= end {
                        return false;
                    }
                    g.waiting += 1;
                    g = self.freed.wait_timeout(g, end - now).unwrap().0;
                    g.waiting -= 1;
                }
            }
        }
        g.locked = true;
        true
    }

    /// `acquire` for Python callers: an uncontended lock is taken at once;
    /// otherwise the wait happens with the GIL released. On the main thread
    /// the wait is cut in slices so that signal handlers run meanwhile and
    /// an exception from one (Ctrl-C) ends the wait, as in CPython.
    fn acquire_py(&self, wait: Option<Duration>) -> PyResult<bool> {
        if self.acquire(Some(Duration::ZERO)) {
            return Ok(true);
        }
        if wait == Some(Duration::ZERO) {
            return Ok(false);
        }
        if !krait_runtime::gil::is_main_thread() {
            return Ok(krait_runtime::gil::allow_threads(|| self.acquire(wait)));
        }
        const SLICE: Duration = Duration::from_millis(20);
        let end = wait.map(|d| Instant::now() + d);
        loop {
            let slice = match end {
                Some(e) => e.saturating_duration_since(Instant::now()).min(SLICE),
                None => SLICE,
            };
            if krait_runtime::gil::allow_threads(|| self.acquire(Some(slice))) {
                return Ok(true);
            }
            if krait_runtime::signals::pending() {
                krait_runtime::signals::check_signals()?;
            }
            if end.is_some_and(|e| Instant::now() >= e) {
                return Ok(false);
            }
        }
    }

    /// Frees the lock; false if it was not held.
    fn release(&self) -> bool {
        let mut g = self.locked.lock().unwrap();
        if !g.locked {
            return false;
        }
        g.locked = false;
        if g.waiting > 0 {
            self.freed.notify_one();
        }
        true
    }

    fn is_locked(&self) -> bool {
        self.locked.lock().unwrap().locked
    }
}

#[repr(C)]
struct LockObject {
    ob_base: PyObject,
    lock: *mut RawLock,
    weakreflist: *mut PyObject,
    /// RLock only: the owning thread's ident and the recursion count.
    owner: u64,
    count: u64,
}

static mut LOCK_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut RLOCK_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn lock_of(o: &Obj) -> &mut LockObject {
    unsafe { &mut *(o.as_ptr() as *mut LockObject) }
}

fn raw(o: &Obj) -> &RawLock {
    unsafe { &*lock_of(o).lock }
}

use super::ident;

unsafe fn new_lock_object(t: *mut PyTypeObject) -> PyResult<Obj> {
    let p = match (*t).tp_alloc {
        Some(f) => f(t, 0),
        None => alloc::alloc_object(t, 0),
    } as *mut LockObject;
    if p.is_null() {
        krait_runtime::bail!(MemoryError, "");
    }
    (*p).lock = Box::into_raw(Box::new(RawLock::new()));
    (*p).weakreflist = std::ptr::null_mut();
    (*p).owner = 0;
    (*p).count = 0;
    Ok(Obj::from_owned(p as *mut PyObject))
}

unsafe extern "C" fn lock_dealloc(p: *mut PyObject) {
    let l = &mut *(p as *mut LockObject);
    if !l.weakreflist.is_null() {
        krait_runtime::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    if !l.lock.is_null() {
        drop(Box::from_raw(l.lock));
        l.lock = std::ptr::null_mut();
    }
    krait_runtime::types::type_::free_instance(p);
}

/// The wait implied by acquire's (blocking, timeout), with CPython's checks.
fn wait_of(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Option<Duration>> {
    let a = parse_args(fname, args, kw, &["blocking", "timeout"], 0, 0)?;
    let blocking = match &a[0] {
        Some(b) => krait_runtime::ops::truthy(b)?,
        None => true,
    };
    let timeout = match &a[1] {
        Some(t) => float::as_f64(t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        krait_runtime::bail!(ValueError, "can't specify a timeout for a non-blocking call");
    }
    if timeout.is_nan() {
        krait_runtime::bail!(ValueError, "Invalid value NaN (not a number)");
    }
    // CPython converts to i64 nanoseconds first, then checks the range.
    if !(timeout * 1e9 < 9.223372036854775807e18) {
        krait_runtime::bail!(OverflowError, "timestamp out of range for platform time_t");
    }
    if timeout < 0.0 && timeout != -1.0 {
        krait_runtime::bail!(ValueError, "timeout value must be positive");
    }
    // PY_TIMEOUT_MAX is in microseconds.
    if timeout * 1e6 > 9223372036854775.0 {
        krait_runtime::bail!(OverflowError, "timeout value is too large");
    }
    Ok(if !blocking {
        Some(Duration::ZERO)
    } else if timeout == -1.0 {
        None
    } else {
        Some(Duration::from_secs_f64(timeout))
    })
}

fn l_acquire(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let wait = wait_of("acquire", args, kw)?;
    Ok(bool_::from_bool(raw(slf).acquire_py(wait)?))
}

fn l_enter(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("lock.__enter__", args, kw, 0, 0)?;
    raw(slf).acquire_py(None)?;
    Ok(bool_::from_bool(true))
}

fn l_release(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    if !raw(slf).release() {
        krait_runtime::bail!(RuntimeError, "release unlocked lock");
    }
    Ok(none::none())
}

fn l_exit(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("lock.__exit__", args, kw, 0, 3)?;
    l_release(slf, &[], None)
}

fn l_locked(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("lock.locked", args, kw, 0, 0)?;
    Ok(bool_::from_bool(raw(slf).is_locked()))
}

fn l_at_fork_reinit(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("lock._at_fork_reinit", args, kw, 0, 0)?;
    let l = lock_of(slf);
    unsafe {
        // After fork only this thread exists: a fresh lock is the safe state.
        drop(Box::from_raw(l.lock));
        l.lock = Box::into_raw(Box::new(RawLock::new()));
    }
    l.owner = 0;
    l.count = 0;
    Ok(none::none())
}

fn lock_repr(o: &Obj) -> PyResult<Obj> {
    let state = if raw(o).is_locked() { "locked" } else { "unlocked" };
    Ok(pystr::new(&format!("<{} {} object at {:#x}>", state, o.ty().full_name(), o.as_ptr() as usize)))
}
krait_runtime::unary_slot!(lock_repr_slot => lock_repr);

// RLock: reentrant for its owner.

fn r_acquire(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let wait = wait_of("acquire", args, kw)?;
    let me = ident();
    let l = lock_of(slf);
    if l.count > 0 && l.owner == me {
        if l.count == u64::MAX {
            krait_runtime::bail!(OverflowError, "Internal lock count overflowed");
        }
        l.count += 1;
        return Ok(bool_::from_bool(true));
    }
    if !raw(slf).acquire_py(wait)? {
        return Ok(bool_::from_bool(false));
    }
    let l = lock_of(slf);
    l.owner = me;
    l.count = 1;
    Ok(bool_::from_bool(true))
}

fn r_release(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    let l = lock_of(slf);
    if l.count == 0 || l.owner != ident() {
        krait_runtime::bail!(RuntimeError, "cannot release un-acquired lock");
    }
    l.count -= 1;
    if l.count == 0 {
        l.owner = 0;
        raw(slf).release();
    }
    Ok(none::none())
}

fn r_exit(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("RLock.__exit__", args, kw, 0, 3)?;
    r_release(slf, &[], None)
}

fn r_is_owned(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("RLock._is_owned", args, kw, 0, 0)?;
    let l = lock_of(slf);
    Ok(bool_::from_bool(l.count > 0 && l.owner == ident()))
}

/// `_recursion_count()`: how many times the calling thread holds the lock.
fn r_recursion_count(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("RLock._recursion_count", args, kw, 0, 0)?;
    let l = lock_of(slf);
    let mine = l.count > 0 && l.owner == ident();
    Ok(krait_runtime::types::int::from_u64(if mine { l.count as u64 } else { 0 }))
}

/// `_release_save()`: fully releases, returning (count, owner) for
/// `_acquire_restore` (threading.Condition's protocol).
fn r_release_save(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("RLock._release_save", args, kw, 0, 0)?;
    let l = lock_of(slf);
    if l.count == 0 {
        krait_runtime::bail!(RuntimeError, "cannot release un-acquired lock");
    }
    let saved = tuple::new(&[int::from_u64(l.count), int::from_u64(l.owner)]);
    l.count = 0;
    l.owner = 0;
    raw(slf).release();
    Ok(saved)
}

fn r_acquire_restore(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("RLock._acquire_restore", args, kw, 1, 1)?;
    let st = &args[0];
    if !tuple::is_tuple(st) || tuple::len(st) != 2 {
        krait_runtime::bail!(TypeError, "_acquire_restore() argument 1 must be tuple");
    }
    let items = tuple::items(st);
    let count = int::as_u64(&items[0]).unwrap_or(1);
    let owner = int::as_u64(&items[1]).unwrap_or(0);
    raw(slf).acquire_py(None)?;
    let l = lock_of(slf);
    l.owner = owner;
    l.count = count;
    Ok(none::none())
}

fn rlock_repr(o: &Obj) -> PyResult<Obj> {
    let l = lock_of(o);
    let state = if raw(o).is_locked() { "locked" } else { "unlocked" };
    Ok(pystr::new(&format!(
        "<{} {} object owner={} count={} at {:#x}>",
        state,
        o.ty().full_name(),
        l.owner,
        l.count,
        o.as_ptr() as usize
    )))
}
krait_runtime::unary_slot!(rlock_repr_slot => rlock_repr);

fn rlock_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    unsafe { new_lock_object(t) }
}
krait_runtime::new_slot!(rlock_new_slot => rlock_new);

pub fn init_types() {
    use krait_runtime::types::type_::{init_static, ready};
    unsafe {
        let t = &raw mut LOCK_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return;
        }
        init_static(t, "_thread.lock", std::mem::size_of::<LockObject>(), 0);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(lock_dealloc);
        (*t).tp_repr = Some(lock_repr_slot);
        (*t).tp_weaklistoffset = std::mem::offset_of!(LockObject, weakreflist) as isize;
        (*t).tp_methods = method_table(&[
            method("acquire", l_acquire),
            method("acquire_lock", l_acquire),
            method("release", l_release),
            method("release_lock", l_release),
            method("locked", l_locked),
            method("locked_lock", l_locked),
            method("__enter__", l_enter),
            method("__exit__", l_exit),
            method("_at_fork_reinit", l_at_fork_reinit),
        ]);
        ready(t).expect("readying _thread.lock");

        let t = &raw mut RLOCK_TYPE;
        init_static(t, "_thread.RLock", std::mem::size_of::<LockObject>(), 0);
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_dealloc = Some(lock_dealloc);
        (*t).tp_repr = Some(rlock_repr_slot);
        (*t).tp_new = Some(rlock_new_slot);
        (*t).tp_alloc = Some(krait_runtime::types::type_::generic_alloc);
        (*t).tp_weaklistoffset = std::mem::offset_of!(LockObject, weakreflist) as isize;
        (*t).tp_methods = method_table(&[
            method("acquire", r_acquire),
            method("release", r_release),
            method("__enter__", r_acquire),
            method("__exit__", r_exit),
            method("_is_owned", r_is_owned),
            method("_recursion_count", r_recursion_count),
            method("_release_save", r_release_save),
            method("_acquire_restore", r_acquire_restore),
            method("_at_fork_reinit", l_at_fork_reinit),
        ]);
        ready(t).expect("readying _thread.RLock");
    }
}


pub fn lock_type() -> Obj {
    unsafe { Obj::from_borrowed(&raw mut LOCK_TYPE as *mut PyObject) }
}

pub fn rlock_type() -> Obj {
    unsafe { Obj::from_borrowed(&raw mut RLOCK_TYPE as *mut PyObject) }
}

/// A new, unlocked `_thread.lock`.
pub fn new_lock() -> PyResult<Obj> {
    unsafe { new_lock_object(&raw mut LOCK_TYPE) }
}

/// Releases a `_thread.lock` if it is held (a thread's sentinel at its end).
pub fn release_if_held(o: &Obj) {
    raw(o).release();
}
