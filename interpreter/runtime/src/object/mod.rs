//! The object layer: CPython 3.11's object header, the owned-reference smart
//! pointer `Obj`, type objects and allocation. All raw-pointer work of the
//! runtime lives in this module and in the per-type files' small accessors.

pub mod alloc;
pub mod typeobject;

pub use typeobject::*;

use std::fmt;
use std::ptr::NonNull;

/// CPython's `PyObject`: every object starts with these two fields.
#[repr(C)]
pub struct PyObject {
    pub ob_refcnt: isize,
    pub ob_type: *mut PyTypeObject,
}

/// CPython's `PyVarObject`: objects with a variable number of items.
#[repr(C)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: isize,
}

/// An owned (strong) reference. Cloning increments the reference count,
/// dropping decrements it and deallocates at zero, as CPython's
/// Py_INCREF/Py_DECREF. Not `Send`: objects belong to the GIL holder.
#[repr(transparent)]
pub struct Obj(NonNull<PyObject>);

impl Obj {
    /// Takes ownership of a new reference.
    ///
    /// # Safety
    /// `p` must be a valid, non-null object pointer whose reference is owned.
    #[inline]
    pub unsafe fn from_owned(p: *mut PyObject) -> Obj {
        debug_assert!(!p.is_null());
        Obj(NonNull::new_unchecked(p))
    }

    /// Creates a new reference from a borrowed pointer (increments).
    ///
    /// # Safety
    /// `p` must be a valid, non-null object pointer.
    #[inline]
    pub unsafe fn from_borrowed(p: *mut PyObject) -> Obj {
        debug_assert!(!p.is_null());
        (*p).ob_refcnt += 1;
        Obj(NonNull::new_unchecked(p))
    }

    /// Views a non-null object pointer stored somewhere as a borrowed `&Obj`.
    ///
    /// # Safety
    /// `*slot` must be non-null and stay alive for `'a`.
    #[inline]
    pub unsafe fn borrow_slot<'a>(slot: &'a *mut PyObject) -> &'a Obj {
        debug_assert!(!slot.is_null());
        &*(slot as *const *mut PyObject as *const Obj)
    }

    /// Views a slice of non-null object pointers as borrowed `&[Obj]`.
    ///
    /// # Safety
    /// Every pointer must be non-null and stay alive for `'a`.
    #[inline]
    pub unsafe fn borrow_slice<'a>(items: &'a [*mut PyObject]) -> &'a [Obj] {
        &*(items as *const [*mut PyObject] as *const [Obj])
    }

    #[inline]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0.as_ptr()
    }

    /// Gives up ownership, returning the raw new reference.
    #[inline]
    pub fn into_raw(self) -> *mut PyObject {
        let p = self.0.as_ptr();
        std::mem::forget(self);
        p
    }

    #[inline]
    pub fn type_ptr(&self) -> *mut PyTypeObject {
        unsafe { (*self.0.as_ptr()).ob_type }
    }

    /// The object's type as an owned reference.
    #[inline]
    pub fn get_type(&self) -> Obj {
        unsafe { Obj::from_borrowed(self.type_ptr() as *mut PyObject) }
    }

    /// The object's type, borrowed.
    #[inline]
    pub fn ty(&self) -> &PyTypeObject {
        unsafe { &*self.type_ptr() }
    }

    /// Identity comparison (`is`).
    #[inline]
    pub fn is(&self, other: &Obj) -> bool {
        self.0 == other.0
    }

    #[inline]
    pub fn is_type(&self, t: *mut PyTypeObject) -> bool {
        self.type_ptr() == t
    }

    #[inline]
    pub fn refcnt(&self) -> isize {
        unsafe { (*self.0.as_ptr()).ob_refcnt }
    }

    /// Reinterprets the object as its concrete struct.
    ///
    /// # Safety
    /// The object must be an instance (possibly of a subclass) laid out as `T`.
    #[inline]
    pub unsafe fn cast<T>(&self) -> &T {
        &*(self.0.as_ptr() as *const T)
    }

    /// Mutable view of the concrete struct.
    ///
    /// # Safety
    /// As `cast`, and no other Rust reference to the struct may be live.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn cast_mut<T>(&self) -> &mut T {
        &mut *(self.0.as_ptr() as *mut T)
    }
}

impl Clone for Obj {
    #[inline]
    fn clone(&self) -> Obj {
        unsafe {
            (*self.0.as_ptr()).ob_refcnt += 1;
        }
        Obj(self.0)
    }
}

impl Drop for Obj {
    #[inline]
    fn drop(&mut self) {
        unsafe { decref(self.0.as_ptr()) }
    }
}

impl PartialEq for Obj {
    /// Identity, not Python equality.
    fn eq(&self, other: &Obj) -> bool {
        self.is(other)
    }
}

impl fmt::Debug for Obj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = unsafe { std::ffi::CStr::from_ptr(self.ty().tp_name) };
        write!(f, "<{} object at {:p}>", name.to_string_lossy(), self.as_ptr())
    }
}

/// Py_INCREF on a raw pointer.
///
/// # Safety
/// `p` must be a valid object.
#[inline]
pub unsafe fn incref(p: *mut PyObject) {
    (*p).ob_refcnt += 1;
}

/// Py_XINCREF.
///
/// # Safety
/// `p` must be null or a valid object.
#[inline]
pub unsafe fn xincref(p: *mut PyObject) {
    if !p.is_null() {
        (*p).ob_refcnt += 1;
    }
}

/// Py_DECREF on a raw pointer: deallocates at zero.
///
/// # Safety
/// `p` must be a valid object whose reference is owned by the caller.
#[inline]
pub unsafe fn decref(p: *mut PyObject) {
    (*p).ob_refcnt -= 1;
    if (*p).ob_refcnt == 0 {
        dealloc(p);
    }
}

/// Py_XDECREF.
///
/// # Safety
/// As `decref`, or null.
#[inline]
pub unsafe fn xdecref(p: *mut PyObject) {
    if !p.is_null() {
        decref(p);
    }
}

/// Replaces the owned pointer in `slot` by `new` (owned), releasing the old one
/// after the store, as Py_XSETREF does (so a `__del__` sees a consistent slot).
///
/// # Safety
/// `slot` must hold null or an owned reference.
#[inline]
pub unsafe fn xsetref(slot: *mut *mut PyObject, new: *mut PyObject) {
    let old = *slot;
    *slot = new;
    xdecref(old);
}

/// `_Py_Dealloc`: calls the type's tp_dealloc.
///
/// # Safety
/// `p` must be a valid object with a reference count of zero.
#[no_mangle]
pub unsafe extern "C" fn _Py_Dealloc(p: *mut PyObject) {
    dealloc(p)
}

#[inline(never)]
unsafe fn dealloc(p: *mut PyObject) {
    let t = (*p).ob_type;
    // A dying container leaves the collector's list first, as every CPython
    // tp_dealloc does: code run while it is torn down (weakref callbacks,
    // __del__ of what it held) may collect, and must not find it.
    if (*t).has_flag(tpflags::HAVE_GC) {
        crate::gc::untrack(p);
    }
    match (*t).tp_dealloc {
        Some(f) => f(p),
        None => alloc::free_object(p),
    }
}

/// Owned optional reference to/from a raw pointer that may be null.
#[inline]
pub fn opt_into_raw(o: Option<Obj>) -> *mut PyObject {
    match o {
        Some(o) => o.into_raw(),
        None => std::ptr::null_mut(),
    }
}

/// # Safety
/// `p` must be null or a valid object pointer; the reference is borrowed.
#[inline]
pub unsafe fn opt_from_borrowed(p: *mut PyObject) -> Option<Obj> {
    if p.is_null() {
        None
    } else {
        Some(Obj::from_borrowed(p))
    }
}

/// # Safety
/// `p` must be null or an owned reference.
#[inline]
pub unsafe fn opt_from_owned(p: *mut PyObject) -> Option<Obj> {
    if p.is_null() {
        None
    } else {
        Some(Obj::from_owned(p))
    }
}
