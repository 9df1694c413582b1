//! `_multiprocessing` (Linux): `SemLock`, the named POSIX semaphore behind
//! multiprocessing's Lock, RLock, Semaphore and Condition, shared with
//! child processes by name (`_rebuild`) or across fork; `sem_unlink`; and
//! the `flags` multiprocessing reads.
//!
//! A SemLock counts how often the current thread holds it: a recursive
//! mutex (kind 0) is re-entered without touching the semaphore, and
//! `release` checks ownership; a semaphore (kind 1) refuses to go above
//! its `maxvalue`. Blocking waits release the GIL and resume after signal
//! handlers (PEP 475).

use crate::native::{self, State};
use crate::posix::args::os_error;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{
    add_functions, check_nargs, classmethod, method, method_table, parse_args, MethodSpec,
};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, dict, float, int, module, none, str as pystr, type_};
use krait_runtime::{bail, PyResult};

const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;

static mut SEMLOCK_TYPE: PyTypeObject = PyTypeObject::EMPTY;

struct SemLock {
    handle: *mut libc::sem_t,
    kind: i64,
    maxvalue: i64,
    /// None once unlinked (or when rebuilt without a name).
    name: Option<String>,
    /// How many times the owning thread holds it.
    count: i64,
    last_tid: libc::pthread_t,
}

impl State for SemLock {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

impl Drop for SemLock {
    fn drop(&mut self) {
        if self.handle != libc::SEM_FAILED {
            // SAFETY: the handle came from sem_open and is closed only here.
            unsafe { libc::sem_close(self.handle) };
        }
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn lock(o: &Obj) -> PyResult<&mut SemLock> {
    match native::state::<SemLock>(o) {
        Some(s) => Ok(s),
        None => bail!(ValueError, "the semaphore was cleared"),
    }
}

fn this_thread() -> libc::pthread_t {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() }
}

impl SemLock {
    fn is_mine(&self) -> bool {
        self.count > 0 && self.last_tid == this_thread()
    }

    fn value(&self) -> PyResult<i32> {
        let mut v: libc::c_int = 0;
        // SAFETY: the handle is an open semaphore; sem_getvalue writes `v`.
        if unsafe { libc::sem_getvalue(self.handle, &mut v) } < 0 {
            return Err(os_error(errno(), None, None));
        }
        Ok(v)
    }
}

fn c_name(name: &str) -> PyResult<std::ffi::CString> {
    match std::ffi::CString::new(name) {
        Ok(c) => Ok(c),
        Err(_) => bail!(ValueError, "embedded null character"),
    }
}

fn int_arg(o: &Obj) -> PyResult<i64> {
    Ok(int::as_isize_or_overflow(&int::index(o)?)? as i64)
}

/// SemLock(kind, value, maxvalue, name, unlink): a new semaphore created
/// under `name` (which must not exist), unlinked at once when asked.
fn semlock_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (all, kwnames) = krait_runtime::ops::call::kwargs_to_vector(krait_runtime::types::tuple::items(args), kw)?;
    let a = parse_args("SemLock", &all, kwnames.as_ref(), &["kind", "value", "maxvalue", "name", "unlink"], 5, 0)?;
    let kind = int_arg(a[0].as_ref().unwrap())?;
    let value = int_arg(a[1].as_ref().unwrap())?;
    let maxvalue = int_arg(a[2].as_ref().unwrap())?;
    let name_o = a[3].as_ref().unwrap();
    if !pystr::is_str(name_o) {
        bail!(TypeError, "SemLock() argument 'name' must be str, not {}", name_o.ty().name());
    }
    let unlink = krait_runtime::ops::truthy(a[4].as_ref().unwrap())?;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        bail!(ValueError, "unrecognized kind");
    }
    if !(0..=u32::MAX as i64).contains(&value) {
        bail!(OverflowError, "value out of range");
    }
    let name = pystr::to_string_lossy(name_o);
    let cname = c_name(&name)?;
    // SAFETY: a NUL-terminated name; sem_open takes mode and value as
    // variadic arguments with O_CREAT.
    let handle = unsafe { libc::sem_open(cname.as_ptr(), libc::O_CREAT | libc::O_EXCL, 0o600 as libc::c_uint, value as libc::c_uint) };
    if handle == libc::SEM_FAILED {
        return Err(os_error(errno(), None, None));
    }
    let mut s = SemLock { handle, kind, maxvalue, name: Some(name), count: 0, last_tid: 0 };
    if unlink {
        // SAFETY: as sem_open.
        if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
            return Err(os_error(errno(), None, None));
        }
        s.name = None;
    }
    native::alloc(t, s)
}
krait_runtime::new_slot!(semlock_new_slot => semlock_new);

/// An absolute CLOCK_REALTIME deadline `secs` from now (sem_timedwait's).
fn deadline(secs: f64) -> libc::timespec {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes only `now`.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let whole = secs.trunc();
    let mut sec = now.tv_sec as i64 + whole as i64;
    let mut nsec = now.tv_nsec as i64 + ((secs - whole) * 1e9) as i64;
    sec += nsec / 1_000_000_000;
    nsec %= 1_000_000_000;
    libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: nsec as _ }
}

fn acquire(o: &Obj, block: bool, timeout: Option<f64>) -> PyResult<Obj> {
    let s = lock(o)?;
    if s.kind == RECURSIVE_MUTEX && s.is_mine() {
        s.count += 1;
        return Ok(bool_::from_bool(true));
    }
    let handle = s.handle;
    let until = timeout.map(|t| deadline(t.max(0.0)));
    // First without blocking (and without releasing the GIL).
    let mut res;
    let mut err;
    loop {
        // SAFETY: an open semaphore.
        res = unsafe { libc::sem_trywait(handle) };
        err = errno();
        if res < 0 && err == libc::EINTR {
            krait_runtime::signals::check_signals()?;
            continue;
        }
        break;
    }
    if res < 0 && err == libc::EAGAIN && block {
        loop {
            let (r, e) = krait_runtime::gil::allow_threads(|| {
                // SAFETY: an open semaphore; `until` is a valid timespec.
                let r = unsafe {
                    match &until {
                        None => libc::sem_wait(handle),
                        Some(d) => libc::sem_timedwait(handle, d),
                    }
                };
                (r, errno())
            });
            res = r;
            err = e;
            if res < 0 && err == libc::EINTR {
                krait_runtime::signals::check_signals()?;
                continue;
            }
            break;
        }
    }
    if res < 0 {
        if err == libc::EAGAIN || err == libc::ETIMEDOUT {
            return Ok(bool_::from_bool(false));
        }
        return Err(os_error(err, None, None));
    }
    let s = lock(o)?;
    s.count += 1;
    s.last_tid = this_thread();
    Ok(bool_::from_bool(true))
}

/// acquire(block=True, timeout=None)
fn m_acquire(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("acquire", args, kw, &["block", "timeout"], 0, 0)?;
    let block = match &a[0] {
        Some(b) => krait_runtime::ops::truthy(b)?,
        None => true,
    };
    let timeout = match &a[1] {
        Some(t) if !none::is_none(t) => Some(float::as_f64(t)?),
        _ => None,
    };
    acquire(o, block, timeout)
}

fn release(o: &Obj) -> PyResult<Obj> {
    let s = lock(o)?;
    if s.kind == RECURSIVE_MUTEX {
        if !s.is_mine() {
            bail!(AssertionError, "attempt to release recursive lock not owned by thread");
        }
        if s.count > 1 {
            s.count -= 1;
            return Ok(none::none());
        }
    } else if s.value()? as i64 >= s.maxvalue {
        bail!(ValueError, "semaphore or lock released too many times");
    }
    // SAFETY: an open semaphore.
    if unsafe { libc::sem_post(s.handle) } < 0 {
        return Err(os_error(errno(), None, None));
    }
    s.count -= 1;
    Ok(none::none())
}

fn m_release(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("release", args, kw, 0, 0)?;
    release(o)
}

fn m_enter(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__enter__", args, kw, 0, 0)?;
    acquire(o, true, None)
}

fn m_exit(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__exit__", args, kw, 0, 3)?;
    release(o)
}

fn m_count(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_count", args, kw, 0, 0)?;
    Ok(int::from_i64(lock(o)?.count))
}

fn m_is_mine(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_is_mine", args, kw, 0, 0)?;
    Ok(bool_::from_bool(lock(o)?.is_mine()))
}

fn m_get_value(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_get_value", args, kw, 0, 0)?;
    // Linux never reports a negative count for waiters.
    Ok(int::from_i64(lock(o)?.value()?.max(0) as i64))
}

fn m_is_zero(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_is_zero", args, kw, 0, 0)?;
    Ok(bool_::from_bool(lock(o)?.value()? == 0))
}

fn m_after_fork(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_after_fork", args, kw, 0, 0)?;
    lock(o)?.count = 0;
    Ok(none::none())
}

/// _rebuild(handle, kind, maxvalue, name): the SemLock another process
/// pickled — reopened by name when it has one, else the inherited handle.
fn m_rebuild(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_rebuild", args, kw, 4, 4)?;
    let mut handle = int::as_isize_or_overflow(&int::index(&args[0])?)? as usize as *mut libc::sem_t;
    let kind = int_arg(&args[1])?;
    let maxvalue = int_arg(&args[2])?;
    let name = if none::is_none(&args[3]) {
        None
    } else {
        if !pystr::is_str(&args[3]) {
            bail!(TypeError, "_rebuild() argument 4 must be str or None, not {}", args[3].ty().name());
        }
        let n = pystr::to_string_lossy(&args[3]);
        let cname = c_name(&n)?;
        // SAFETY: a NUL-terminated name, no creation flags.
        handle = unsafe { libc::sem_open(cname.as_ptr(), 0) };
        if handle == libc::SEM_FAILED {
            return Err(os_error(errno(), None, None));
        }
        Some(n)
    };
    let t = type_::as_type(cls);
    native::alloc(t, SemLock { handle, kind, maxvalue, name, count: 0, last_tid: 0 })
}

fn g_handle(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_u64(lock(o)?.handle as usize as u64))
}
fn g_kind(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(lock(o)?.kind))
}
fn g_maxvalue(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(lock(o)?.maxvalue))
}
fn g_name(o: &Obj) -> PyResult<Obj> {
    Ok(match &lock(o)?.name {
        Some(n) => pystr::new(n),
        None => none::none(),
    })
}

/// sem_unlink(name): removes a named semaphore.
fn f_sem_unlink(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sem_unlink", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        bail!(TypeError, "sem_unlink() argument must be str, not {}", args[0].ty().name());
    }
    let cname = c_name(&pystr::to_string_lossy(&args[0]))?;
    // SAFETY: a NUL-terminated name.
    if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
        return Err(os_error(errno(), Some(&args[0]), None));
    }
    Ok(none::none())
}

fn semlock_type() -> PyResult<Obj> {
    // SAFETY: set up once under the GIL before any instance exists.
    unsafe {
        let t = &raw mut SEMLOCK_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            native::init_type::<SemLock>(t, "_multiprocessing.SemLock", true);
            (*t).tp_new = Some(semlock_new_slot);
            (*t).tp_doc = krait_runtime::types::builtin_func::cstr("Semaphore/Mutex type");
            (*t).tp_methods = method_table(&[
                method("acquire", m_acquire),
                method("release", m_release),
                method("__enter__", m_enter),
                method("__exit__", m_exit),
                method("_count", m_count),
                method("_is_mine", m_is_mine),
                method("_get_value", m_get_value),
                method("_is_zero", m_is_zero),
                method("_after_fork", m_after_fork),
                classmethod("_rebuild", m_rebuild),
            ]);
            (*t).tp_getset = getset_table(&[
                GetSetSpec::get("handle", g_handle),
                GetSetSpec::get("kind", g_kind),
                GetSetSpec::get("maxvalue", g_maxvalue),
                GetSetSpec::get("name", g_name),
            ]);
            let o = native::ready(t)?;
            // SEM_VALUE_MAX is INT_MAX on Linux.
            dict::set_item_str(type_::type_dict(t), "SEM_VALUE_MAX", &int::from_i64(i32::MAX as i64))?;
            return Ok(o);
        }
        Ok(type_::type_obj(t))
    }
}

fn functions() -> Vec<MethodSpec> {
    vec![method("sem_unlink", f_sem_unlink)]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_multiprocessing")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "SemLock", &semlock_type()?)?;
    let flags = dict::new();
    dict::set_item_str(&flags, "HAVE_SEM_OPEN", &int::from_i64(1))?;
    dict::set_item_str(&flags, "HAVE_SEM_TIMEDWAIT", &int::from_i64(1))?;
    dict::set_item_str(&d, "flags", &flags)?;
    Ok(m)
}
