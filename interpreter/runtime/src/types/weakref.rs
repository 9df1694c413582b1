//! Weak references (`weakref.ref`, CPython's PyWeakReference layout). A
//! referent keeps the head of a doubly-linked list of its weak references at
//! its type's `tp_weaklistoffset`; when it dies, every reference is cleared
//! and the callbacks run.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject, VectorcallFunc};
use crate::types::{none, str as pystr, tuple};
use std::ptr::null_mut;

#[repr(C)]
pub struct WeakRefObject {
    pub ob_base: PyObject,
    pub wr_object: *mut PyObject,
    pub wr_callback: *mut PyObject,
    pub hash: isize,
    pub wr_prev: *mut WeakRefObject,
    pub wr_next: *mut WeakRefObject,
    pub vectorcall: Option<VectorcallFunc>,
}

#[no_mangle]
pub static mut _PyWeakref_RefType: PyTypeObject = PyTypeObject::EMPTY;

pub fn ref_type() -> *mut PyTypeObject {
    &raw mut _PyWeakref_RefType
}

fn list_head(obj: &Obj) -> Option<*mut *mut WeakRefObject> {
    let off = obj.ty().tp_weaklistoffset;
    if off <= 0 {
        return None;
    }
    Some(unsafe { (obj.as_ptr() as *mut u8).offset(off) as *mut *mut WeakRefObject })
}

/// `weakref.ref(obj, callback)`.
pub fn new_ref(obj: &Obj, callback: Option<&Obj>) -> PyResult<Obj> {
    new_ref_of_type(ref_type(), obj, callback)
}

pub(crate) fn new_ref_of_type(t: *mut PyTypeObject, obj: &Obj, callback: Option<&Obj>) -> PyResult<Obj> {
    let head = match list_head(obj) {
        Some(h) => h,
        None => crate::bail!(TypeError, "cannot create weak reference to '{}' object", obj.ty().name()),
    };
    let callback = callback.filter(|c| !none::is_none(c));
    unsafe {
        // CPython's list order: the basic ref (exact type, no callback)
        // first, then the basic proxy, then every other reference. Basic
        // ones are shared.
        let (basic_ref, basic_proxy) = basic_refs(*head);
        let is_proxy_type = t == crate::types::weakref_proxy::proxy_type() || t == crate::types::weakref_proxy::callable_proxy_type();
        if callback.is_none() {
            if t == ref_type() && !basic_ref.is_null() {
                return Ok(Obj::from_borrowed(basic_ref as *mut PyObject));
            }
            if is_proxy_type && !basic_proxy.is_null() {
                return Ok(Obj::from_borrowed(basic_proxy as *mut PyObject));
            }
        }
        let p = alloc::alloc_object(t, 0) as *mut WeakRefObject;
        if p.is_null() {
            crate::bail!(MemoryError, "");
        }
        (*p).wr_object = obj.as_ptr();
        (*p).wr_callback = callback.map(|c| c.clone().into_raw()).unwrap_or(null_mut());
        (*p).hash = -1;
        (*p).vectorcall = Some(ref_vectorcall);
        let after = if callback.is_none() && t == ref_type() {
            null_mut()
        } else if callback.is_none() && is_proxy_type {
            basic_ref
        } else if !basic_proxy.is_null() {
            basic_proxy
        } else {
            basic_ref
        };
        if after.is_null() {
            let first = *head;
            (*p).wr_next = first;
            if !first.is_null() {
                (*first).wr_prev = p;
            }
            *head = p;
        } else {
            (*p).wr_prev = after;
            (*p).wr_next = (*after).wr_next;
            if !(*after).wr_next.is_null() {
                (*(*after).wr_next).wr_prev = p;
            }
            (*after).wr_next = p;
        }
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

/// The shared references at the head of a weakref list: the basic ref
/// (exact ref type, no callback), then the basic proxy.
unsafe fn basic_refs(head: *mut WeakRefObject) -> (*mut WeakRefObject, *mut WeakRefObject) {
    let basic = |w: *mut WeakRefObject, proxy: bool| {
        if w.is_null() || !(*w).wr_callback.is_null() {
            return false;
        }
        let t = (*(w as *mut PyObject)).ob_type;
        if proxy {
            t == crate::types::weakref_proxy::proxy_type() || t == crate::types::weakref_proxy::callable_proxy_type()
        } else {
            t == ref_type()
        }
    };
    let mut w = head;
    let mut r = null_mut();
    if basic(w, false) {
        r = w;
        w = (*w).wr_next;
    }
    let p = if basic(w, true) { w } else { null_mut() };
    (r, p)
}

/// The referent, if still alive.
pub fn get_referent(w: &Obj) -> Option<Obj> {
    let r = unsafe { w.cast::<WeakRefObject>() }.wr_object;
    if r.is_null() || r == none::none_ptr() {
        None
    } else {
        Some(unsafe { Obj::from_borrowed(r) })
    }
}

pub fn first_weakref(obj: &Obj) -> Option<Obj> {
    let head = list_head(obj)?;
    unsafe {
        if (*head).is_null() {
            None
        } else {
            Some(Obj::from_borrowed(*head as *mut PyObject))
        }
    }
}

/// Number of weak references to `obj` (weakref.getweakrefcount).
pub fn count(obj: &Obj) -> usize {
    let mut n = 0;
    if let Some(head) = list_head(obj) {
        let mut p = unsafe { *head };
        while !p.is_null() {
            n += 1;
            p = unsafe { (*p).wr_next };
        }
    }
    n
}

unsafe fn unlink(w: *mut WeakRefObject) {
    let obj = (*w).wr_object;
    if obj.is_null() || obj == none::none_ptr() {
        return;
    }
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(obj));
    if let Some(head) = list_head(&o) {
        if *head == w {
            *head = (*w).wr_next;
        }
    }
    if !(*w).wr_prev.is_null() {
        (*(*w).wr_prev).wr_next = (*w).wr_next;
    }
    if !(*w).wr_next.is_null() {
        (*(*w).wr_next).wr_prev = (*w).wr_prev;
    }
    (*w).wr_prev = null_mut();
    (*w).wr_next = null_mut();
    (*w).wr_object = none::none_ptr();
}

/// The collector's weakref pass over one unreachable object (CPython's
/// handle_weakrefs): every weak reference to it is cleared; the callbacks
/// of references that are not garbage themselves are returned, to be run
/// once all garbage is cleared; garbage references lose theirs unrun.
pub fn clear_weakrefs_for_gc(obj: &Obj, is_garbage: &dyn Fn(*mut PyObject) -> bool) -> Vec<(Obj, Obj)> {
    let mut callbacks: Vec<(Obj, Obj)> = Vec::new();
    let Some(head) = list_head(obj) else { return callbacks };
    unsafe {
        while !(*head).is_null() {
            let w = *head;
            let cb = std::mem::replace(&mut (*w).wr_callback, null_mut());
            unlink(w);
            if cb.is_null() {
                continue;
            }
            if is_garbage(w as *mut PyObject) || (*(w as *mut PyObject)).ob_refcnt <= 0 {
                crate::object::decref(cb);
            } else {
                callbacks.push((Obj::from_borrowed(w as *mut PyObject), Obj::from_owned(cb)));
            }
        }
    }
    callbacks
}

/// Clears every weak reference to a dying object and runs their callbacks
/// (PyObject_ClearWeakRefs). Errors in callbacks are reported as unraisable.
pub fn clear_weakrefs(obj: &Obj) {
    let head = match list_head(obj) {
        Some(h) => h,
        None => return,
    };
    let mut callbacks: Vec<(Obj, Obj)> = Vec::new();
    unsafe {
        while !(*head).is_null() {
            let w = *head;
            let cb = std::mem::replace(&mut (*w).wr_callback, null_mut());
            unlink(w);
            if !cb.is_null() {
                // Keep the weakref alive while its callback runs (it may be dying too).
                if (*(w as *mut PyObject)).ob_refcnt > 0 {
                    callbacks.push((Obj::from_borrowed(w as *mut PyObject), Obj::from_owned(cb)));
                } else {
                    crate::object::decref(cb);
                }
            }
        }
    }
    for (w, cb) in callbacks {
        if let Err(e) = crate::ops::call::call(&cb, &[w.clone()], None) {
            crate::errors::write_unraisable(e, Some(&cb));
        }
    }
}

unsafe extern "C" fn ref_vectorcall(
    callable: *mut PyObject,
    _args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = nargsf & !crate::types::builtin_func::VECTORCALL_ARGUMENTS_OFFSET;
    if n != 0 || (!kwnames.is_null() && tuple::len(Obj::borrow_slot(&kwnames)) != 0) {
        let _ = crate::raise!(TypeError, "weakref() takes no arguments");
        return null_mut();
    }
    let w = Obj::borrow_slot(&callable);
    get_referent(w).unwrap_or_else(none::none).into_raw()
}

pub(crate) unsafe extern "C" fn ref_dealloc(p: *mut PyObject) {
    unlink(p as *mut WeakRefObject);
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut WeakRefObject)).wr_callback, null_mut()));
    crate::types::type_::free_instance(p);
}

pub(crate) unsafe extern "C" fn ref_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let cb = (*(p as *mut WeakRefObject)).wr_callback;
    if cb.is_null() {
        0
    } else {
        visit(cb, arg)
    }
}

pub(crate) unsafe extern "C" fn ref_clear(p: *mut PyObject) -> i32 {
    unlink(p as *mut WeakRefObject);
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut WeakRefObject)).wr_callback, null_mut()));
    0
}

/// PyArg_UnpackTuple(args, name, 1, 2) of weakref's __new__ and __init__.
fn unpack_1_2(name: &str, args: &Obj) -> PyResult<()> {
    let n = tuple::len(args);
    if n < 1 {
        crate::bail!(TypeError, "{} expected at least 1 argument, got {}", name, n);
    }
    if n > 2 {
        crate::bail!(TypeError, "{} expected at most 2 arguments, got {}", name, n);
    }
    Ok(())
}

fn ref_new(t: *mut PyTypeObject, args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    unpack_1_2("__new__", args)?;
    let a = tuple::items(args);
    new_ref_of_type(t, &a[0], a.get(1))
}
crate::new_slot!(ref_new_slot => ref_new);

/// Keywords are refused here (so subclasses may take them in __new__), and
/// the arguments checked again, as CPython's weakref___init__.
fn ref_init(_o: &Obj, a: &Obj, k: Option<&Obj>) -> PyResult<()> {
    if k.map_or(false, |k| crate::types::dict::len(k) > 0) {
        crate::bail!(TypeError, "ref() takes no keyword arguments");
    }
    unpack_1_2("__init__", a)
}
crate::init_slot!(ref_init_slot => ref_init);

fn ref_hash(o: &Obj) -> PyResult<isize> {
    let w = unsafe { o.cast_mut::<WeakRefObject>() };
    if w.hash != -1 {
        return Ok(w.hash);
    }
    match get_referent(o) {
        Some(r) => {
            let h = crate::ops::hash(&r)?;
            w.hash = h;
            Ok(h)
        }
        None => crate::bail!(TypeError, "weak object has gone away"),
    }
}
crate::hash_slot!(ref_hash_slot => ref_hash);

fn ref_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    use krait_bytecode::CompareOp::*;
    if !matches!(op, Eq | Ne) || !crate::types::type_::is_subtype(b.type_ptr(), ref_type()) {
        return Ok(none::not_implemented());
    }
    match (get_referent(a), get_referent(b)) {
        (Some(x), Some(y)) => crate::ops::rich_compare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(crate::types::bool_::from_bool(if op == Eq { same } else { !same }))
        }
    }
}
crate::richcmp_slot!(ref_richcompare_slot => ref_richcompare);

fn ref_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&match get_referent(o) {
        None => format!("<weakref at {:#x}; dead>", o.as_ptr() as usize),
        Some(r) => format!(
            "<weakref at {:#x}; to '{}' at {:#x}>",
            o.as_ptr() as usize,
            r.ty().full_name(),
            r.as_ptr() as usize
        ),
    }))
}
crate::unary_slot!(ref_repr_slot => ref_repr);

fn ref_callback(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(o.cast::<WeakRefObject>().wr_callback) }.unwrap_or_else(none::none))
}

pub fn init_types() {
    unsafe {
        let t = ref_type();
        crate::types::type_::init_static(t, "weakref.ReferenceType", std::mem::size_of::<WeakRefObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE | tpflags::HAVE_VECTORCALL;
        (*t).tp_dealloc = Some(ref_dealloc);
        (*t).tp_traverse = Some(ref_traverse);
        (*t).tp_clear = Some(ref_clear);
        (*t).tp_vectorcall_offset = std::mem::offset_of!(WeakRefObject, vectorcall) as isize;
        (*t).tp_call = Some(crate::ops::call::vectorcall_tp_call);
        (*t).tp_new = Some(ref_new_slot);
        (*t).tp_init = Some(ref_init_slot);
        (*t).tp_hash = Some(ref_hash_slot);
        (*t).tp_richcompare = Some(ref_richcompare_slot);
        (*t).tp_repr = Some(ref_repr_slot);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        (*t).tp_getset = crate::types::getset::getset_table(&[crate::types::getset::GetSetSpec::get(
            "__callback__",
            ref_callback,
        )]);
    }
}

/// Every weak reference to `obj`, oldest basic refs first (weakref.getweakrefs).
pub fn all_refs(obj: &Obj) -> Vec<Obj> {
    let mut v = Vec::new();
    if let Some(head) = list_head(obj) {
        let mut p = unsafe { *head };
        while !p.is_null() {
            v.push(unsafe { Obj::from_borrowed(p as *mut PyObject) });
            p = unsafe { (*p).wr_next };
        }
    }
    v
}

/// Whether `o` is a weak reference (of ref's type or a subclass).
pub fn is_ref(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), ref_type())
}
