//! The cycle collector. Container objects are linked through their
//! `PyGC_Head` into one list. A collection (CPython's algorithm): copy each
//! object's reference count, subtract references coming from other tracked
//! objects (tp_traverse); what still has outside references is reachable, and
//! so is everything it reaches; the rest is garbage. Garbage with `__del__`
//! is finalized once (PEP 442); if that resurrected nothing, weak references
//! are cleared and tp_clear breaks the cycles.

use crate::object::alloc::{gc_head, PyGcHead};
use crate::object::{decref, incref, tpflags, PyObject};
use std::os::raw::{c_int, c_void};
use std::ptr::null_mut;

/// Low bit of `prev`: the object's finalizer already ran.
const FINALIZED: usize = 1;

/// The three generations' lists, then the list a collection works on.
/// Objects are born in generation 0; those surviving a collection of
/// generation g move to g + 1 (CPython's scheme), so a young collection
/// only walks the young objects.
const WORK: usize = 3;
static mut HEADS: [PyGcHead; 4] = [const { PyGcHead { next: null_mut(), prev: null_mut() } }; 4];
static mut COUNT: usize = 0;
static mut ENABLED: bool = true;
static mut COLLECTING: bool = false;
/// CPython's per-generation counts: allocations minus deallocations since
/// the last generation-0 collection, then the number of collections of the
/// next younger generation since this one was last collected.
static mut GEN_COUNT: [usize; 3] = [0; 3];
pub static mut THRESHOLD: usize = 7000;
pub static mut OLDER_THRESHOLDS: [usize; 2] = [10, 10];
/// Objects that survived a full collection, and those moved into the
/// oldest generation since: a full collection waits until the latter is a
/// quarter of the former (CPython's guard against quadratic full passes).
static mut LONG_LIVED_TOTAL: usize = 0;
static mut LONG_LIVED_PENDING: usize = 0;
pub static mut COLLECTIONS: [usize; 3] = [0; 3];
pub static mut COLLECTED: [usize; 3] = [0; 3];
/// gc.DEBUG_SAVEALL: unreachable objects go to `SAVED` instead of being
/// cleared (the gc module moves them into gc.garbage).
pub static mut SAVEALL: bool = false;
/// Called at the start and end of every collection (gc.callbacks) with the
/// generation; the last argument is the number of unreachable objects found
/// ("stop" only).
pub static mut HOOK: Option<fn(&str, usize, usize)> = None;

/// Unreachable objects kept by DEBUG_SAVEALL, until the gc module takes them.
pub static SAVED: crate::gil::GilCell<std::cell::RefCell<Vec<crate::object::Obj>>> = crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));

unsafe fn head(i: usize) -> *mut PyGcHead {
    let h = (&raw mut HEADS as *mut PyGcHead).add(i);
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
    (*g).prev = null_mut(); // a new object: not finalized
    append(head(0), g);
    COUNT += 1;
    GEN_COUNT[0] += 1;
    if GEN_COUNT[0] > THRESHOLD && ENABLED && !COLLECTING {
        crate::interp::request_gc();
    }
}

/// Links an object that was untracked on its way to tp_dealloc back in,
/// for the duration of a finalizer that may resurrect it (CPython's
/// subtype_dealloc does the same). The finalized bit is kept.
///
/// # Safety
/// `p` must be a live, currently untracked container object.
pub unsafe fn track_again(p: *mut PyObject) {
    let g = gc_head(p);
    if !(*g).next.is_null() {
        return;
    }
    append(head(0), g);
    COUNT += 1;
    GEN_COUNT[0] += 1;
}

unsafe fn append(h: *mut PyGcHead, g: *mut PyGcHead) {
    let last = prev_of(h);
    (*g).next = h;
    set_prev(g, last);
    (*last).next = g;
    set_prev(h, g);
}

/// Moves every object of list `from` to the end of list `to`.
unsafe fn splice(from: *mut PyGcHead, to: *mut PyGcHead) {
    if (*from).next == from {
        return;
    }
    let first = (*from).next;
    let last = prev_of(from);
    let tail = prev_of(to);
    (*tail).next = first;
    set_prev(first, tail);
    (*last).next = to;
    set_prev(to, last);
    (*from).next = from;
    set_prev(from, from);
}

unsafe fn list_len(h: *mut PyGcHead) -> usize {
    let mut n = 0;
    let mut g = (*h).next;
    while g != h {
        n += 1;
        g = (*g).next;
    }
    n
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
    // Keep the finalized bit: a dying object is untracked before its
    // tp_dealloc, which must still know that __del__ already ran.
    (*g).prev = ((*g).prev as usize & FINALIZED) as *mut PyGcHead;
    COUNT -= 1;
    GEN_COUNT[0] = GEN_COUNT[0].saturating_sub(1);
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

/// PyObject_IS_GC: the object has a GC header. Type objects are of a GC
/// type, but only heap types are allocated with the header.
pub fn is_gc(p: *mut PyObject) -> bool {
    unsafe {
        let t = &*(*p).ob_type;
        t.has_flag(tpflags::HAVE_GC) && (!t.has_flag(tpflags::TYPE_SUBCLASS) || (*(p as *mut crate::object::PyTypeObject)).has_flag(tpflags::HEAPTYPE))
    }
}

pub fn is_tracked(p: *mut PyObject) -> bool {
    is_gc(p) && unsafe { !(*gc_head(p)).next.is_null() }
}

/// _PyObject_GC_MAY_BE_TRACKED: whether `p` can ever take part in a cycle
/// (a tuple only while it is tracked). Containers holding none of those
/// need not be tracked.
pub fn may_be_tracked(p: *mut PyObject) -> bool {
    if !is_gc(p) {
        return false;
    }
    unsafe {
        if (*p).ob_type == crate::types::tuple::type_ptr() {
            return is_tracked(p);
        }
    }
    true
}

/// Tracks an untracked container again (an item that may be tracked was
/// stored in it).
///
/// # Safety
/// `p` must be a live object of a HAVE_GC type with a GC header.
pub unsafe fn retrack(p: *mut PyObject) {
    if !is_tracked(p) {
        track(p);
    }
}

/// Untracks exact tuples and dicts of the work list that hold nothing that may be tracked
/// (CPython's _PyTuple_MaybeUntrack and _PyDict_MaybeUntrack): they cannot
/// be in a cycle, and gc.is_tracked shows it.
unsafe fn untrack_atomic_containers() {
    let tuple_t = crate::types::tuple::type_ptr();
    let dict_t = crate::types::dict::type_ptr();
    for p in work_objects() {
        let t = (*p).ob_type;
        if t == tuple_t {
            let n = (*(p as *mut crate::object::PyVarObject)).ob_size as usize;
            let items = (*(p as *mut crate::types::tuple::PyTupleObject)).ob_item.as_ptr();
            let atomic = (0..n).all(|i| {
                let x = *items.add(i);
                !x.is_null() && !may_be_tracked(x)
            });
            if atomic {
                untrack(p);
            }
        } else if t == dict_t {
            let o = std::mem::ManuallyDrop::new(crate::object::Obj::from_owned(p));
            if crate::types::dict::holds_only_untrackable(&o) {
                untrack(p);
            }
        }
    }
}

unsafe fn list_objects(h: *mut PyGcHead, v: &mut Vec<*mut PyObject>) {
    let mut g = (*h).next;
    while g != h {
        v.push((g as *mut u8).add(std::mem::size_of::<PyGcHead>()) as *mut PyObject);
        g = (*g).next;
    }
}

/// Tracked objects (gc.get_objects()): every one, or one generation's.
pub fn objects(generation: Option<usize>) -> Vec<crate::object::Obj> {
    let mut v = Vec::new();
    unsafe {
        match generation {
            Some(g) => list_objects(head(g), &mut v),
            None => {
                for g in 0..=WORK {
                    list_objects(head(g), &mut v);
                }
            }
        }
        v.into_iter().map(|p| crate::object::Obj::from_borrowed(p)).collect()
    }
}

/// Bit 1 of `prev` while `unreachable` runs: the object is in the set being
/// scanned, and the bits above hold its index there (CPython keeps its
/// gc_refs in the same place). Real `prev` pointers are 8-aligned, and an
/// untracked object's `prev` holds only FINALIZED, so the bit is never set
/// otherwise.
const IN_SCAN: usize = 2;
const INDEX_SHIFT: u32 = 2;

/// Per object of the scanned set (by index): its reference count minus the
/// references from the other objects of the set, and whether it is known
/// reachable.
struct Scan<'a> {
    objs: &'a [*mut PyObject],
    refs: Vec<(isize, bool)>,
    stack: Vec<usize>,
}

impl Scan<'_> {
    /// The index of `p` in the scanned set, if it is there.
    unsafe fn index(&self, p: *mut PyObject) -> Option<usize> {
        if p.is_null() || !is_gc(p) {
            return None;
        }
        let v = (*gc_head(p)).prev as usize;
        if v & IN_SCAN == 0 {
            return None;
        }
        let i = v >> INDEX_SHIFT;
        // Checked against the set itself, so a header that only looks marked
        // (an object of a GC type allocated without one) is never taken.
        (self.objs.get(i) == Some(&p)).then_some(i)
    }
}

unsafe extern "C" fn visit_decref(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let s = &mut *(arg as *mut Scan);
    if let Some(i) = s.index(p) {
        s.refs[i].0 -= 1;
    }
    0
}

unsafe extern "C" fn visit_reach(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let s = &mut *(arg as *mut Scan);
    if let Some(i) = s.index(p) {
        if !s.refs[i].1 {
            s.refs[i].1 = true;
            s.stack.push(i);
        }
    }
    0
}

/// Puts back the `prev` links `unreachable` borrowed, even on unwinding.
struct RestorePrev<'a> {
    objs: &'a [*mut PyObject],
    saved: Vec<*mut PyGcHead>,
}

impl Drop for RestorePrev<'_> {
    fn drop(&mut self) {
        for (p, prev) in self.objs.iter().zip(&self.saved) {
            unsafe { (*gc_head(*p)).prev = *prev };
        }
    }
}

/// The unreachable subset of `objs` (all tracked, considered as a closed set).
unsafe fn unreachable(objs: &[*mut PyObject]) -> Vec<*mut PyObject> {
    let saved: Vec<*mut PyGcHead> = objs.iter().map(|p| (*gc_head(*p)).prev).collect();
    let _restore = RestorePrev { objs, saved };
    for (i, p) in objs.iter().enumerate() {
        let g = gc_head(*p);
        (*g).prev = ((i << INDEX_SHIFT) | IN_SCAN | ((*g).prev as usize & FINALIZED)) as *mut PyGcHead;
    }
    let mut scan = Scan { objs, refs: objs.iter().map(|p| ((**p).ob_refcnt, false)).collect(), stack: Vec::new() };
    for &p in objs {
        if let Some(t) = (*(*p).ob_type).tp_traverse {
            t(p, visit_decref, &mut scan as *mut Scan as *mut c_void);
        }
    }
    for i in 0..objs.len() {
        let r = &mut scan.refs[i];
        if r.0 > 0 && !r.1 {
            r.1 = true;
            scan.stack.push(i);
        }
    }
    while let Some(i) = scan.stack.pop() {
        let p = objs[i];
        if let Some(t) = (*(*p).ob_type).tp_traverse {
            t(p, visit_reach, &mut scan as *mut Scan as *mut c_void);
        }
    }
    objs.iter().zip(&scan.refs).filter(|(_, r)| !r.1).map(|(p, _)| *p).collect()
}

/// A full collection; returns the number of unreachable objects found.
pub fn collect() -> usize {
    collect_generation(2)
}

/// What the allocation threshold asks for: the oldest generation whose
/// count passed its threshold (a full one only when enough objects became
/// long-lived since the last), as CPython's collect_generations.
pub fn collect_automatic() {
    unsafe {
        for g in (0..3).rev() {
            let threshold = if g == 0 { THRESHOLD } else { OLDER_THRESHOLDS[g - 1] };
            if GEN_COUNT[g] > threshold {
                if g == 2 && LONG_LIVED_PENDING < LONG_LIVED_TOTAL / 4 {
                    continue;
                }
                collect_generation(g);
                return;
            }
        }
    }
}

/// Collects generation `generation` and the younger ones; returns the
/// number of unreachable objects found.
pub fn collect_generation(generation: usize) -> usize {
    unsafe {
        if COLLECTING {
            return 0;
        }
        // Callbacks run as part of the collection: what they allocate does
        // not start another one (CPython's `collecting` flag).
        COLLECTING = true;
        if let Some(h) = HOOK {
            h("start", generation, 0);
        }
        let n = collect_cycles(generation);
        COLLECTING = true;
        if let Some(h) = HOOK {
            h("stop", generation, n);
        }
        COLLECTING = false;
        n
    }
}

unsafe fn work_objects() -> Vec<*mut PyObject> {
    let mut v = Vec::new();
    list_objects(head(WORK), &mut v);
    v
}

unsafe fn collect_cycles(generation: usize) -> usize {
    COLLECTING = true;
    if generation < 2 {
        GEN_COUNT[generation + 1] += 1;
    }
    // The work list holds the collected generation first, then the younger
    // ones from the youngest, as CPython merges them: finalizers run in
    // this order.
    for g in std::iter::once(generation).chain(0..generation) {
        GEN_COUNT[g] = 0;
        splice(head(g), head(WORK));
    }
    COLLECTIONS[generation] += 1;
    let n = collect_work();
    // Survivors (and what finalizers resurrected) grow a generation older.
    let older = (generation + 1).min(2);
    if generation == 2 {
        LONG_LIVED_PENDING = 0;
        LONG_LIVED_TOTAL = list_len(head(WORK)) + list_len(head(2));
    } else if generation == 1 {
        LONG_LIVED_PENDING += list_len(head(WORK));
    }
    splice(head(WORK), head(older));
    COLLECTED[generation] += n;
    COLLECTING = false;
    n
}

/// Finds and breaks the unreachable cycles among the objects of the work
/// list; references from outside the list count as roots.
unsafe fn collect_work() -> usize {
    {
        // As CPython's young collections: tuples and dicts holding only
        // atomic values leave the collector's lists first.
        untrack_atomic_containers();
        let objs = work_objects();
        let garbage = unreachable(&objs);
        drop(objs);
        let n = garbage.len();
        if n == 0 {
            return 0;
        }
        // Keep the garbage alive while we work on it.
        for &p in &garbage {
            incref(p);
        }
        // CPython's order: weak references to the garbage are cleared
        // first, and only those that are not garbage themselves get their
        // callbacks run; then finalizers.
        let garbage_set: rustc_hash::FxHashSet<usize> = garbage.iter().map(|p| *p as usize).collect();
        let mut callbacks = Vec::new();
        for &p in &garbage {
            if (*(*p).ob_type).tp_weaklistoffset > 0 {
                let o = std::mem::ManuallyDrop::new(crate::object::Obj::from_owned(p));
                callbacks.extend(crate::types::weakref::clear_weakrefs_for_gc(&o, &|w| garbage_set.contains(&(w as usize))));
            }
        }
        for (w, cb) in callbacks {
            if let Err(e) = crate::ops::call::call(&cb, &[w], None) {
                crate::errors::write_unraisable(e, Some(&cb));
            }
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
            let again = unreachable(&work_objects());
            let set: rustc_hash::FxHashSet<usize> = garbage.iter().map(|p| *p as usize).collect();
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
            for &p in &garbage {
                decref(p);
            }
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
        for &p in &garbage {
            decref(p);
        }
        n
    }
}

/// gc.get_count(): the three generations' counts.
pub fn counts() -> [usize; 3] {
    unsafe { GEN_COUNT }
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
