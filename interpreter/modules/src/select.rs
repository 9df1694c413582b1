//! The `select` module: `select()`, `poll` objects and `epoll` objects
//! (what `selectors.DefaultSelector` uses on Linux), with CPython 3.11's
//! argument conversions and errors. Every wait runs with the GIL released
//! and, when a signal interrupts it, runs the signal handlers and goes on
//! with the time that is left (PEP 475).

use crate::native::{self, State};
use crate::posix::args::{clinic, errno, fildes, os_error, positional};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::gil::allow_threads;
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::signals::check_signals;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, classmethod, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, dict, exceptions, float, int, list, module, none, tuple, type_};

fn monotonic_ns() -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// `_PyTime_FromSecondsObject`/`_PyTime_FromMillisecondsObject` rounding
/// away from zero; a TypeError becomes `type_msg`.
fn timeout_ns(o: &Obj, unit_ns: f64, type_msg: &str) -> PyResult<i128> {
    const MAX: f64 = i64::MAX as f64;
    if float::is_float(o) {
        let d = float::value(o);
        if d.is_nan() {
            bail!(ValueError, "Invalid value NaN (not a number)");
        }
        let x = d * unit_ns;
        let ns = if x >= 0.0 { x.ceil() } else { x.floor() };
        if !(-MAX..MAX).contains(&ns) {
            bail!(OverflowError, "timestamp out of range for platform time_t");
        }
        return Ok(ns as i128);
    }
    if !int::is_int(o) {
        // CPython accepts only ints and floats here (no __index__).
        bail!(TypeError, "{}", type_msg);
    }
    let v = match int::as_i64(o) {
        Some(v) => v,
        None => bail!(OverflowError, "timestamp too large to convert to C _PyTime_t"),
    };
    match v.checked_mul(unit_ns as i64) {
        Some(ns) => Ok(ns as i128),
        None => bail!(OverflowError, "timestamp too large to convert to C _PyTime_t"),
    }
}

/// Milliseconds for poll/epoll_wait from nanoseconds, rounded up; -1 for
/// negative timeouts (wait forever).
fn ms_of(ns: i128) -> PyResult<i32> {
    if ns < 0 {
        return Ok(-1);
    }
    let ms = (ns + 999_999) / 1_000_000;
    if ms > i32::MAX as i128 {
        bail!(OverflowError, "timeout is too large");
    }
    Ok(ms as i32)
}

// --- select() ----------------------------------------------------------------

fn seq_items(o: &Obj) -> PyResult<Vec<Obj>> {
    if list::is_list(o) {
        return Ok(list::items(o).to_vec());
    }
    if tuple::is_tuple(o) {
        return Ok(tuple::items(o).to_vec());
    }
    match krait_runtime::ops::seq::to_vec(o) {
        Ok(v) => Ok(v),
        Err(e) => {
            if errors::matches(exceptions::TypeError()) {
                errors::clear();
                bail!(TypeError, "arguments 1-3 must be sequences");
            }
            Err(e)
        }
    }
}

fn fd_list(o: &Obj) -> PyResult<Vec<(Obj, i32)>> {
    let conv = |item: Obj| -> PyResult<(Obj, i32)> {
        let fd = fildes(&item)?;
        if fd as usize >= libc::FD_SETSIZE {
            bail!(ValueError, "filedescriptor out of range in select()");
        }
        Ok((item, fd))
    };
    let mut out = Vec::new();
    if list::is_list(o) {
        // A list is read live, as CPython's PySequence_Fast loop: a
        // fileno() method may change it.
        let mut i = 0;
        while i < list::items(o).len() {
            out.push(conv(list::items(o)[i].clone())?);
            i += 1;
        }
    } else {
        for item in seq_items(o)? {
            out.push(conv(item)?);
        }
    }
    Ok(out)
}

fn select_select(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("select", a, kw, 3, 4)?;
    let timeout = match a.get(3) {
        Some(t) if !none::is_none(t) => {
            let ns = timeout_ns(t, 1e9, "timeout must be a float or None")?;
            if ns < 0 {
                bail!(ValueError, "timeout must be non-negative");
            }
            Some(ns)
        }
        _ => None,
    };
    let lists = [fd_list(&a[0])?, fd_list(&a[1])?, fd_list(&a[2])?];
    let deadline = timeout.map(|t| monotonic_ns() + t);
    let mut left = timeout;
    let mut sets: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
    loop {
        let mut maxfd = -1;
        for (k, l) in lists.iter().enumerate() {
            unsafe { libc::FD_ZERO(&mut sets[k]) };
            for (_, fd) in l {
                unsafe { libc::FD_SET(*fd, &mut sets[k]) };
                maxfd = maxfd.max(*fd);
            }
        }
        let [r, w, x] = &mut sets;
        let (n, e) = allow_threads(|| {
            let mut tv = left.map(|ns| libc::timeval {
                tv_sec: (ns / 1_000_000_000) as libc::time_t,
                tv_usec: ((ns % 1_000_000_000 + 999) / 1000) as libc::suseconds_t,
            });
            let tvp = tv.as_mut().map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
            let n = unsafe { libc::select(maxfd + 1, r, w, x, tvp) };
            (n, errno())
        });
        if n >= 0 {
            break;
        }
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        check_signals()?;
        if let Some(d) = deadline {
            let rest = d - monotonic_ns();
            if rest < 0 {
                for s in sets.iter_mut() {
                    unsafe { libc::FD_ZERO(s) };
                }
                break;
            }
            left = Some(rest);
        }
    }
    let mut out = Vec::new();
    for (k, l) in lists.iter().enumerate() {
        let ready: Vec<Obj> =
            l.iter().filter(|(_, fd)| unsafe { libc::FD_ISSET(*fd, &sets[k]) }).map(|(o, _)| o.clone()).collect();
        out.push(list::from_vec(ready));
    }
    Ok(tuple::from_vec(out))
}

// --- poll ----------------------------------------------------------------------

struct Poll {
    /// Registered descriptors and their event masks, in registration order.
    fds: Vec<(i32, i16)>,
    running: bool,
}

impl State for Poll {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

static mut POLL_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn poll_type() -> *mut PyTypeObject {
    &raw mut POLL_TYPE
}

fn poll_state(o: &Obj) -> PyResult<&mut Poll> {
    match native::state::<Poll>(o) {
        Some(s) => Ok(s),
        None => bail!(ValueError, "poll object is gone"),
    }
}

/// CPython's unsigned-short converter for event masks.
fn ushort_mask(o: &Obj) -> PyResult<i16> {
    if !int::is_int(o) {
        bail!(TypeError, "an integer is required");
    }
    if int::sign(o) < 0 {
        bail!(ValueError, "value must be positive");
    }
    match int::as_u64(o) {
        Some(v) if v <= u16::MAX as u64 => Ok(v as u16 as i16),
        _ => bail!(OverflowError, "Python int too large for C unsigned short"),
    }
}

fn p_register(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("register", a, kw, 1, 2)?;
    let fd = fildes(&a[0])?;
    let mask = match a.get(1) {
        Some(m) => ushort_mask(m)?,
        None => (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i16,
    };
    let st = poll_state(slf)?;
    match st.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => st.fds.push((fd, mask)),
    }
    Ok(none::none())
}

fn p_modify(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("modify", a, kw, 2, 2)?;
    let fd = fildes(&a[0])?;
    let mask = ushort_mask(&a[1])?;
    let st = poll_state(slf)?;
    match st.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => return Err(os_error(libc::ENOENT, None, None)),
    }
    Ok(none::none())
}

fn p_unregister(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("poll.unregister", a, kw, 1, 1)?;
    let fd = fildes(&a[0])?;
    let st = poll_state(slf)?;
    match st.fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            st.fds.remove(i);
        }
        None => {
            return Err(errors::raise_with(exceptions::KeyError(), &[int::from_i64(fd as i64)]));
        }
    }
    Ok(none::none())
}

fn p_poll(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("poll.poll", kw)?;
    positional("poll", a, None, 0, 1)?;
    let timeout = match a.first() {
        Some(t) if !none::is_none(t) => timeout_ns(t, 1e6, "timeout must be an integer or None")?,
        _ => -1,
    };
    let mut ms = ms_of(timeout)?;
    let deadline = if timeout >= 0 { Some(monotonic_ns() + timeout) } else { None };
    let st = poll_state(slf)?;
    if st.running {
        bail!(RuntimeError, "concurrent poll() invocation");
    }
    let mut pfds: Vec<libc::pollfd> = st.fds.iter().map(|&(fd, ev)| libc::pollfd { fd, events: ev, revents: 0 }).collect();
    st.running = true;
    let result = loop {
        let (n, e) = allow_threads(|| {
            let n = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
            (n, errno())
        });
        if n >= 0 {
            break Ok(n);
        }
        if e != libc::EINTR {
            break Err(os_error(e, None, None));
        }
        if let Err(err) = check_signals() {
            break Err(err);
        }
        if let Some(d) = deadline {
            let rest = d - monotonic_ns();
            if rest < 0 {
                for p in pfds.iter_mut() {
                    p.revents = 0;
                }
                break Ok(0);
            }
            ms = ms_of(rest).unwrap_or(i32::MAX);
        }
    };
    if let Ok(st) = poll_state(slf) {
        st.running = false;
    }
    result?;
    let out: Vec<Obj> = pfds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| tuple::new(&[int::from_i64(p.fd as i64), int::from_i64(p.revents as u16 as i64)]))
        .collect();
    Ok(list::from_vec(out))
}

fn select_poll(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("select.poll", a, kw, 0, 0)?;
    native::alloc(poll_type(), Poll { fds: Vec::new(), running: false })
}

// --- epoll -----------------------------------------------------------------------

struct Epoll {
    fd: i32,
}

impl State for Epoll {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

impl Drop for Epoll {
    fn drop(&mut self) {
        if self.fd >= 0 {
            unsafe { libc::close(self.fd) };
        }
    }
}

static mut EPOLL_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn epoll_type() -> *mut PyTypeObject {
    &raw mut EPOLL_TYPE
}

fn epoll_fd(o: &Obj) -> PyResult<i32> {
    match native::state::<Epoll>(o) {
        Some(s) if s.fd >= 0 => Ok(s.fd),
        _ => bail!(ValueError, "I/O operation on closed epoll object"),
    }
}

/// Call arguments given as (tuple, dict) in the vectorcall shape.
fn flatten_call(args: &Obj, kw: Option<&Obj>) -> (Vec<Obj>, Option<Obj>) {
    let mut v: Vec<Obj> = tuple::items(args).to_vec();
    let names = kw.filter(|k| dict::len(k) > 0).map(|k| {
        let items = dict::items_vec(k);
        let names: Vec<Obj> = items.iter().map(|(n, _)| n.clone()).collect();
        v.extend(items.into_iter().map(|(_, x)| x));
        tuple::from_vec(names)
    });
    (v, names)
}

fn new_epoll(t: *mut PyTypeObject, fd: i32) -> PyResult<Obj> {
    native::alloc(t, Epoll { fd })
}

fn epoll_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (v, names) = flatten_call(args, kw);
    let p = clinic("epoll", &v, names.as_ref(), &["sizehint", "flags"], 0, 2, 0)?;
    let sizehint = match &p[0] {
        Some(s) => crate::posix::args::to_int(s)?,
        None => -1,
    };
    let flags = match &p[1] {
        Some(f) => crate::posix::args::to_int(f)?,
        None => 0,
    };
    if sizehint == 0 || sizehint < -1 {
        bail!(ValueError, "negative sizehint");
    }
    if flags != 0 && flags != libc::EPOLL_CLOEXEC {
        return Err(os_error(libc::EINVAL, None, None));
    }
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(os_error(errno(), None, None));
    }
    new_epoll(t, fd)
}
krait_runtime::new_slot!(epoll_new_slot => epoll_new);

fn e_fromfd(cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("epoll.fromfd", a, kw, 1, 1)?;
    let fd = crate::posix::args::to_int(&a[0])?;
    new_epoll(type_::as_type(cls), fd)
}

fn e_close(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("epoll.close", a, kw, 0, 0)?;
    if let Some(s) = native::state::<Epoll>(slf) {
        if s.fd >= 0 {
            let fd = std::mem::replace(&mut s.fd, -1);
            if unsafe { libc::close(fd) } != 0 {
                return Err(os_error(errno(), None, None));
            }
        }
    }
    Ok(none::none())
}

fn e_closed(slf: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(native::state::<Epoll>(slf).is_none_or(|s| s.fd < 0)))
}

fn e_fileno(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("epoll.fileno", a, kw, 0, 0)?;
    Ok(int::from_i64(epoll_fd(slf)? as i64))
}

/// The `unsigned int` event mask (taken modulo 2**32, as CPython's "I").
fn uint_mask(o: &Obj) -> PyResult<u32> {
    let i = int::index_raw(o)?;
    if let Some(v) = int::as_i64(&i) {
        return Ok(v as u32);
    }
    let m = krait_runtime::ops::attr::call_method(&i, "__and__", &[int::from_u64(u32::MAX as u64)])?;
    Ok(int::as_u64(&m).unwrap_or(0) as u32)
}

fn epoll_ctl(slf: &Obj, op: i32, fdobj: &Obj, events: u32) -> PyResult<Obj> {
    let epfd = epoll_fd(slf)?;
    let fd = fildes(fdobj)?;
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    let r = unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    Ok(none::none())
}

fn e_register(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let p = clinic("register", a, kw, &["fd", "eventmask"], 0, 2, 1)?;
    let mask = match &p[1] {
        Some(m) => uint_mask(m)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    epoll_ctl(slf, libc::EPOLL_CTL_ADD, p[0].as_ref().unwrap(), mask)
}

fn e_modify(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let p = clinic("modify", a, kw, &["fd", "eventmask"], 0, 2, 2)?;
    let mask = uint_mask(p[1].as_ref().unwrap())?;
    epoll_ctl(slf, libc::EPOLL_CTL_MOD, p[0].as_ref().unwrap(), mask)
}

fn e_unregister(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let p = clinic("unregister", a, kw, &["fd"], 0, 1, 1)?;
    epoll_ctl(slf, libc::EPOLL_CTL_DEL, p[0].as_ref().unwrap(), 0)
}

fn e_poll(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let p = clinic("poll", a, kw, &["timeout", "maxevents"], 0, 2, 0)?;
    let timeout = match &p[0] {
        Some(t) if !none::is_none(t) => timeout_ns(t, 1e9, "timeout must be an integer or None")?,
        _ => -1,
    };
    let mut ms = ms_of(timeout)?;
    let maxevents = match &p[1] {
        Some(m) => crate::posix::args::to_int(m)?,
        None => -1,
    };
    let maxevents = if maxevents == -1 {
        libc::FD_SETSIZE as i32 - 1
    } else if maxevents < 1 {
        bail!(ValueError, "maxevents must be greater than 0, got {}", maxevents);
    } else {
        maxevents
    };
    let epfd = epoll_fd(slf)?;
    let deadline = if timeout >= 0 { Some(monotonic_ns() + timeout) } else { None };
    let mut evs: Vec<libc::epoll_event> = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let n = loop {
        let (n, e) = allow_threads(|| {
            let n = unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), maxevents, ms) };
            (n, errno())
        });
        if n >= 0 {
            break n as usize;
        }
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        check_signals()?;
        if let Some(d) = deadline {
            let rest = d - monotonic_ns();
            if rest < 0 {
                break 0;
            }
            ms = ms_of(rest).unwrap_or(i32::MAX);
        }
    };
    let out: Vec<Obj> = evs[..n]
        .iter()
        .map(|e| {
            let (events, data) = (e.events, e.u64);
            tuple::new(&[int::from_i64(data as u32 as i32 as i64), int::from_u64(events as u64)])
        })
        .collect();
    Ok(list::from_vec(out))
}

fn e_enter(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("epoll.__enter__", a, kw, 0, 0)?;
    epoll_fd(slf)?;
    Ok(slf.clone())
}

fn e_exit(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("__exit__", a, kw, 0, 3)?;
    e_close(slf, &[], None)
}

fn init_types() -> PyResult<()> {
    unsafe {
        let t = poll_type();
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Poll>(t, "select.poll", false);
        (*t).tp_flags |= krait_runtime::object::tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_methods = method_table(&[
            method("register", p_register),
            method("modify", p_modify),
            method("unregister", p_unregister),
            method("poll", p_poll),
        ]);
        native::ready(t)?;

        let t = epoll_type();
        native::init_type::<Epoll>(t, "select.epoll", false);
        (*t).tp_new = Some(epoll_new_slot);
        (*t).tp_methods = method_table(&[
            method("close", e_close),
            method("fileno", e_fileno),
            classmethod("fromfd", e_fromfd),
            method("register", e_register),
            method("modify", e_modify),
            method("unregister", e_unregister),
            method("poll", e_poll),
            method("__enter__", e_enter),
            method("__exit__", e_exit),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("closed", e_closed)]);
        native::ready(t)?;
    }
    Ok(())
}

const FUNCTIONS: &[MethodSpec] = &[method("select", select_select), method("poll", select_poll)];

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("select")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "error", &type_::type_obj(exceptions::OSError()))?;
    for (name, v) in CONSTANTS {
        dict::set_item_str(&d, name, &int::from_i64(*v))?;
    }
    dict::set_item_str(&d, "epoll", &type_::type_obj(epoll_type()))?;
    Ok(m)
}
