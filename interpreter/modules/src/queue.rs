//! The `_queue` module: `SimpleQueue`, the unbounded FIFO queue that
//! Lib/queue.py uses when it exists, and `Empty`.
//!
//! Items live in the object's state and are only touched with the GIL. A
//! getter finding the queue empty waits with the GIL released on the
//! queue's condition variable; `put` bumps a counter under that variable's
//! mutex and signals one waiter (only when there is one), so no item can be
//! put between a getter's check and its wait unseen. On the main thread
//! the wait is cut in slices so that signal handlers run (Ctrl-C ends it).

use crate::native::{self, State};
use crate::Keep;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, classmethod, method, method_table, parse_args, MethodSpec};
use krait_runtime::types::{bool_, exceptions, float, int, module, none, type_};
use krait_runtime::{bail, gil, PyResult};
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

static mut SIMPLE_QUEUE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static EMPTY: Keep = Keep::new();

/// (puts so far, threads waiting) and the variable waiters sleep on.
type Signal = Arc<(Mutex<(u64, u32)>, Condvar)>;

struct Queue {
    items: VecDeque<Obj>,
    signal: Signal,
}

impl State for Queue {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for i in &self.items {
            native::push(out, i);
        }
    }
}

fn empty_error() -> PyResult<Obj> {
    EMPTY.get_or_init(|| crate::new_exception_type("_queue.Empty", exceptions::Exception()))
}

fn queue(o: &Obj) -> PyResult<&mut Queue> {
    match native::state::<Queue>(o) {
        Some(q) => Ok(q),
        None => bail!(RuntimeError, "the queue was cleared"),
    }
}

fn sq_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let simple = t == &raw mut SIMPLE_QUEUE_TYPE;
    if simple && krait_runtime::types::tuple::len(args) > 0 {
        bail!(TypeError, "SimpleQueue() takes no positional arguments");
    }
    if simple && kw.is_some_and(|k| krait_runtime::types::dict::len(k) > 0) {
        bail!(TypeError, "SimpleQueue() takes no keyword arguments");
    }
    native::alloc(t, Queue { items: VecDeque::new(), signal: Arc::new((Mutex::new((0, 0)), Condvar::new())) })
}
krait_runtime::new_slot!(sq_new_slot => sq_new);

fn push(o: &Obj, item: Obj) -> PyResult<Obj> {
    let q = queue(o)?;
    q.items.push_back(item);
    let (m, cv) = &*q.signal;
    let mut st = m.lock().unwrap();
    st.0 += 1;
    if st.1 > 0 {
        cv.notify_one();
    }
    Ok(none::none())
}

/// `put(item, block=True, timeout=None)`: never blocks; the other
/// arguments exist for compatibility with queue.Queue.
fn sq_put(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("put", args, kw, &["item", "block", "timeout"], 1, 0)?;
    push(o, a[0].clone().unwrap())
}

fn sq_put_nowait(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("put_nowait", args, kw, &["item"], 1, 0)?;
    push(o, a[0].clone().unwrap())
}

/// Waits with the GIL released until something was put after `seen` puts,
/// or until `end`; false on timeout.
fn wait_for_put(signal: &Signal, seen: u64, end: Option<Instant>) -> PyResult<bool> {
    const SLICE: Duration = Duration::from_millis(20);
    let main = gil::is_main_thread();
    loop {
        let now = Instant::now();
        if end.is_some_and(|e| now >= e) {
            return Ok(false);
        }
        let mut limit = end.map(|e| e - now);
        if main {
            limit = Some(limit.map_or(SLICE, |l| l.min(SLICE)));
        }
        let put = gil::allow_threads(|| {
            let (m, cv) = &**signal;
            let mut st = m.lock().unwrap();
            st.1 += 1;
            while st.0 == seen {
                match limit {
                    None => st = cv.wait(st).unwrap(),
                    Some(l) => {
                        let (s, r) = cv.wait_timeout(st, l).unwrap();
                        st = s;
                        if r.timed_out() {
                            break;
                        }
                    }
                }
            }
            st.1 -= 1;
            st.0 != seen
        });
        if put {
            return Ok(true);
        }
        if main && krait_runtime::signals::pending() {
            krait_runtime::signals::check_signals()?;
        }
    }
}

fn get(o: &Obj, block: bool, timeout: Option<f64>) -> PyResult<Obj> {
    let end = match timeout {
        Some(t) if t < 0.0 => bail!(ValueError, "'timeout' must be a non-negative number"),
        Some(t) if !block => {
            let _ = t;
            Some(Instant::now())
        }
        Some(t) => Some(Instant::now() + Duration::try_from_secs_f64(t).unwrap_or(Duration::MAX / 4)),
        None if !block => Some(Instant::now()),
        None => None,
    };
    loop {
        let q = queue(o)?;
        if let Some(item) = q.items.pop_front() {
            return Ok(item);
        }
        if end.is_some_and(|e| Instant::now() >= e) {
            return Err(krait_runtime::errors::raise_empty(empty_error()?.as_ptr() as *mut PyTypeObject));
        }
        let signal = q.signal.clone();
        let seen = signal.0.lock().unwrap().0;
        // The queue may have been filled by another thread meanwhile: the
        // wait returns at once then, as `seen` is already behind.
        if !wait_for_put(&signal, seen, end)? && queue(o)?.items.is_empty() {
            return Err(krait_runtime::errors::raise_empty(empty_error()?.as_ptr() as *mut PyTypeObject));
        }
    }
}

fn timeout_arg(t: &Option<Obj>) -> PyResult<Option<f64>> {
    match t {
        None => Ok(None),
        Some(t) if none::is_none(t) => Ok(None),
        Some(t) => Ok(Some(float::as_f64(t)?)),
    }
}

/// `get(block=True, timeout=None)`.
fn sq_get(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("get", args, kw, &["block", "timeout"], 0, 0)?;
    let block = match &a[0] {
        Some(b) => krait_runtime::ops::truthy(b)?,
        None => true,
    };
    get(o, block, timeout_arg(&a[1])?)
}

fn sq_get_nowait(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_nowait", args, kw, 0, 0)?;
    get(o, false, None)
}

fn sq_empty(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("empty", args, kw, 0, 0)?;
    Ok(bool_::from_bool(queue(o)?.items.is_empty()))
}

fn sq_qsize(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("qsize", args, kw, 0, 0)?;
    Ok(int::from_usize(queue(o)?.items.len()))
}

fn sq_class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("SimpleQueue.__class_getitem__", args, kw, 1, 1)?;
    krait_runtime::types::generic_alias::new(cls, &args[0])
}

fn simple_queue_type() -> PyResult<Obj> {
    unsafe {
        let t = &raw mut SIMPLE_QUEUE_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            native::init_type::<Queue>(t, "_queue.SimpleQueue", true);
            (*t).tp_weaklistoffset = native::weaklist_offset::<Queue>();
            (*t).tp_new = Some(sq_new_slot);
            (*t).tp_doc = krait_runtime::types::builtin_func::cstr("Simple, unbounded, reentrant FIFO queue.");
            (*t).tp_methods = method_table(&[
                method("put", sq_put),
                method("put_nowait", sq_put_nowait),
                method("get", sq_get),
                method("get_nowait", sq_get_nowait),
                method("empty", sq_empty),
                method("qsize", sq_qsize),
                classmethod("__class_getitem__", sq_class_getitem),
            ]);
            native::ready(t)?;
        }
        Ok(type_::type_obj(t))
    }
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_queue")?;
    let d = module::dict_of(&m);
    let fs: Vec<MethodSpec> = Vec::new();
    add_functions(&d, &m, &fs)?;
    krait_runtime::types::dict::set_item_str(&d, "SimpleQueue", &simple_queue_type()?)?;
    krait_runtime::types::dict::set_item_str(&d, "Empty", &empty_error()?)?;
    Ok(m)
}
