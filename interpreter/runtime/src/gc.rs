//! The cycle collector. Container objects are linked through their
//! `PyGC_Head` into one list. A collection (CPython's algorithm): copy each
//! object's reference count, subtract references coming from other tracked
//! objects (tp_traverse); what still has outside references is reachable, and
//! so is everything it reaches; the rest is garbage. Garbage with `__del__`
//! is finalized once (PEP 442); if that resurrected nothing, weak references
//! are cleared and tp_clear breaks the cycles.

use crate::object::alloc::{gc_head, PyGcHead};
use crate::object::{decref, incref, tpflags, PyObject};
use std::collections::{HashMap, HashSet};
use std::os::raw::{c_int, c_void};
use std::ptr::null_mut;

/// Low bit of `prev`: the object's finalizer already ran.
const FINALIZED: usize = 1;

static mut HEAD: PyGcHead = PyGcHead { next: null_mut(), prev: null_mut() };
static mut COUNT: usize = 0;
static mut ALLOCS: usize = 0;
static mut ENABLED: bool = true;
static mut COLLECTING: bool = false;
pub static mut THRESHOLD: usize = 7000;
pub static mut COLLECTIONS: usize = 0;
pub static mut COLLECTED: usize = 0;
/// gc.DEBUG_SAVEALL: unreachable objects go to `SAVED` instead of being
/// cleared (the gc module moves them into gc.garbage).
pub static mut SAVEALL: bool = false;
/// Called at the start and end of every collection (gc.callbacks); the
/// second argument is the number of unreachable objects found ("stop" only).
pub static mut HOOK: Option<fn(&str, usize)> = None;

/// Unreachable objects kept by DEBUG_SAVEALL, until the gc module takes them.
pub static SAVED: crate::gil::GilCell<std::cell::RefCell<Vec<crate::object::Obj>>> = crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));

unsafe fn head() -> *mut PyGcHead {
    let h = &raw mut HEAD;
    if (*h).next.is_null() {
        (*h).next = h;
        (*h).prev = h;
    }
    h
}

#[inline]
unsafe fn prev_of(g: *mut PyGcHead) -> *mut PyGcHead {
    ((*g).prev as usize & !FINALIZED) as *mut PyGcHead
}

#[inline]
unsafe fn set_prev(g: *mut PyGcHead, p: *mut PyGcHead) {
    let flag = (*g).prev as usize & FINALIZED;
    (*g).prev = (p as usize | flag) as *mut PyGcHead;
}

/// Links a new container object into the collector's list.
///
/// # Safety
/// `p` must be a freshly allocated object of a HAVE_GC type.
pub unsafe fn track(p: *mut PyObject) {
    let g = gc_head(p);
    let h = head();
    let last = prev_of(h);
    (*g).next = h;
    (*g).prev = last;
    (*last).next = g;
    set_prev(h, g);
    COUNT += 1;
    ALLOCS += 1;
    if ALLOCS > THRESHOLD && ENABLED && !COLLECTING {
        crate::interp::request_gc();
    }
}

/// Unlinks an object (before it is freed).
///
/// # Safety
/// `p` must be a tracked (or never linked: next == null) container object.
pub unsafe fn untrack(p: *mut PyObject) {
    let g = gc_head(p);
    if (*g).next.is_null() {
        return;
    }
    let prev = prev_of(g);
    let next = (*g).next;
    (*prev).next = next;
    set_prev(next, prev);
    (*g).next = null_mut();
    (*g).prev = null_mut();
    COUNT -= 1;
    ALLOCS = ALLOCS.saturating_sub(1);
}

pub fn is_finalized(p: *mut PyObject) -> bool {
    unsafe {
        if !(*(*p).ob_type).has_flag(tpflags::HAVE_GC) {
            return false;
        }
        (*gc_head(p)).prev as usize & FINALIZED != 0
    }
}

fn set_finalized(p: *mut PyObject) {
    unsafe {
        if (*(*p).ob_type).has_flag(tpflags::HAVE_GC) {
            let g = gc_head(p);
            (*g).prev = ((*g).prev as usize | FINALIZED) as *mut PyGcHead;
        }
    }
}

/// Runs an object's tp_finalize once (PEP 442).
///
/// # Safety
/// `p` must be a live object.
pub unsafe fn call_finalizer(p: *mut PyObject) {
    if is_finalized(p) {
        return;
    }
    if let Some(f) = (*(*p).ob_type).tp_finalize {
        set_finalized(p);
        f(p);
    }
}

pub fn enable(on: bool) {
    unsafe { ENABLED = on }
}

pub fn is_enabled() -> bool {
    unsafe { ENABLED }
}

pub fn tracked_count() -> usize {
    unsafe { COUNT }
}

pub fn is_tracked(p: *mut PyObject) -> bool {
    unsafe { (*(*p).ob_type).has_flag(tpflags::HAVE_GC) && !(*gc_head(p)).next.is_null() }
}

unsafe fn all_objects() -> Vec<*mut PyObject> {
    let h = head();
    let mut v = Vec::with_capacity(COUNT);
    let mut g = (*h).next;
    while g != h {
        v.push((g as *mut u8).add(std::mem::size_of::<PyGcHead>()) as *mut PyObject);
        g = (*g).next;
    }
    v
}

/// Every tracked object (gc.get_objects()).
pub fn objects() -> Vec<crate::object::Obj> {
    unsafe { all_objects().into_iter().map(|p| crate::object::Obj::from_borrowed(p)).collect() }
}

struct Scan {
    refs: HashMap<usize, isize>,
}

unsafe extern "C" fn visit_decref(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let s = &mut *(arg as *mut Scan);
    if let Some(r) = s.refs.get_mut(&(p as usize)) {
        *r -= 1;
    }
    0
}

struct Reach<'a> {
    refs: &'a HashMap<usize, isize>,
    reached: HashSet<usize>,
    stack: Vec<*mut PyObject>,
}

unsafe extern "C" fn visit_reach(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let r = &mut *(arg as *mut Reach);
    if r.refs.contains_key(&(p as usize)) && r.reached.insert(p as usize) {
        r.stack.push(p);
    }
    0
}

/// The unreachable subset of `objs` (all tracked, considered as a closed set).
unsafe fn unreachable(objs: &[*mut PyObject]) -> Vec<*mut PyObject> {
    let mut scan = Scan { refs: objs.iter().map(|p| (*p as usize, (**p).ob_refcnt)).collect() };
    for &p in objs {
        if let Some(t) = (*(*p).ob_type).tp_traverse {
            t(p, visit_decref, &mut scan as *mut Scan as *mut c_void);
        }
    }
    let mut reach = Reach { refs: &scan.refs, reached: HashSet::new(), stack: Vec::new() };
    for &p in objs {
        if scan.refs[&(p as usize)] > 0 && reach.reached.insert(p as usize) {
            reach.stack.push(p);
        }
    }
    while let Some(p) = reach.stack.pop() {
        if let Some(t) = (*(*p).ob_type).tp_traverse {
            t(p, visit_reach, &mut reach as *mut Reach as *mut c_void);
        }
    }
    objs.iter().copied().filter(|p| !reach.reached.contains(&(*p as usize))).collect()
}

/// A full collection; returns the number of unreachable objects found.
pub fn collect() -> usize {
    unsafe {
        if COLLECTING {
            return 0;
        }
        // Callbacks run as part of the collection: what they allocate does
        // not start another one (CPython's `collecting` flag).
        COLLECTING = true;
        if let Some(h) = HOOK {
            h("start", 0);
        }
        let n = collect_cycles();
        COLLECTING = true;
        if let Some(h) = HOOK {
            h("stop", n);
        }
        COLLECTING = false;
        n
    }
}

unsafe fn collect_cycles() -> usize {
    {
        COLLECTING = true;
        ALLOCS = 0;
        COLLECTIONS += 1;
        let objs = all_objects();
        let garbage = unreachable(&objs);
        let n = garbage.len();
        if n == 0 {
            COLLECTING = false;
            return 0;
        }
        // Keep the garbage alive while we work on it.
        for &p in &garbage {
            incref(p);
        }
        // PEP 442: finalizers first, once per object.
        let mut finalized_any = false;
        for &p in &garbage {
            if (*(*p).ob_type).tp_finalize.is_some() && !is_finalized(p) {
                call_finalizer(p);
                finalized_any = true;
            }
        }
        let to_clear = if finalized_any {
            // Finalizers may have resurrected objects: only what is still
            // unreachable (ignoring our own references) is cleared.
            for &p in &garbage {
                (*p).ob_refcnt -= 1;
            }
            let again = unreachable(&all_objects());
            let set: HashSet<usize> = garbage.iter().map(|p| *p as usize).collect();
            let v: Vec<*mut PyObject> = again.into_iter().filter(|p| set.contains(&(*p as usize))).collect();
            for &p in &garbage {
                (*p).ob_refcnt += 1;
            }
            v
        } else {
            garbage.clone()
        };
        if SAVEALL {
            SAVED.with(|v| {
                let mut v = v.borrow_mut();
                for &p in &to_clear {
                    v.push(crate::object::Obj::from_borrowed(p));
                }
            });
            COLLECTED += to_clear.len();
            for &p in &garbage {
                decref(p);
            }
            COLLECTING = false;
            return n;
        }
        for &p in &to_clear {
            let o = std::mem::ManuallyDrop::new(crate::object::Obj::from_owned(p));
            if (*(*p).ob_type).tp_weaklistoffset > 0 {
                crate::types::weakref::clear_weakrefs(&o);
            }
        }
        for &p in &to_clear {
            if let Some(c) = (*(*p).ob_type).tp_clear {
                c(p);
            }
        }
        COLLECTED += to_clear.len();
        for &p in &garbage {
            decref(p);
        }
        COLLECTING = false;
        n
    }
}

/// Container allocations since the last collection (gc.get_count()[0]).
pub fn pending_count() -> usize {
    unsafe { ALLOCS }
}

unsafe extern "C" fn visit_push(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let v = &mut *(arg as *mut Vec<*mut PyObject>);
    v.push(p);
    0
}

/// The objects `o` refers to, as its type's tp_traverse reports them.
pub fn referents(o: &crate::object::Obj) -> Vec<crate::object::Obj> {
    let mut v: Vec<*mut PyObject> = Vec::new();
    unsafe {
        let p = o.as_ptr();
        if !(*(*p).ob_type).has_flag(tpflags::HAVE_GC) {
            return Vec::new();
        }
        if let Some(t) = (*(*p).ob_type).tp_traverse {
            t(p, visit_push, &mut v as *mut Vec<*mut PyObject> as *mut c_void);
        }
        v.into_iter().map(|p| crate::object::Obj::from_borrowed(p)).collect()
    }
}
