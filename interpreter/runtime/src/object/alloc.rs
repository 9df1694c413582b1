//! Object allocation. Every object's memory comes from mimalloc; container
//! types (Py_TPFLAGS_HAVE_GC) get a 16-byte `PyGC_Head` in front of the
//! object, which links them into the cycle collector's list.

use super::{tpflags, PyObject, PyTypeObject, PyVarObject};
use libmimalloc_sys as mi;
use std::os::raw::c_void;

/// The cycle collector's pre-header. Its layout is krait's own (CPython 3.11
/// keeps it internal); `prev`'s low bits are free for the collector's flags.
#[repr(C)]
pub struct PyGcHead {
    pub next: *mut PyGcHead,
    pub prev: *mut PyGcHead,
}

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<PyGcHead>();

/// Raw memory, as PyMem_Malloc/PyObject_Malloc.
#[inline]
pub fn raw_malloc(size: usize) -> *mut c_void {
    unsafe { mi::mi_malloc(size.max(1)) }
}

#[inline]
pub fn raw_calloc(n: usize, size: usize) -> *mut c_void {
    unsafe { mi::mi_zalloc(n.max(1) * size.max(1)) }
}

/// # Safety
/// `p` must come from these functions (or be null).
#[inline]
pub unsafe fn raw_realloc(p: *mut c_void, size: usize) -> *mut c_void {
    mi::mi_realloc(p, size.max(1))
}

/// # Safety
/// `p` must come from these functions (or be null).
#[inline]
pub unsafe fn raw_free(p: *mut c_void) {
    mi::mi_free(p)
}

/// The process's Rust allocator: mimalloc, asked for plain blocks whenever
/// their natural alignment (8 bytes) is enough. The mimalloc crate's own
/// allocator asks for every Rust allocation as an aligned one, and mimalloc
/// serves an aligned request that misses its fast path by allocating
/// `size + align - 1` bytes: a Vec of five 24-byte entries then lands in
/// the next size class up, and startup touches more pages.
pub struct RustAllocator;

/// mimalloc's smallest block is a word, and blocks are word-aligned.
const PLAIN_ALIGN: usize = 8;

unsafe impl std::alloc::GlobalAlloc for RustAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        mi::mi_free(ptr as *mut c_void)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

/// Bytes an instance of `tp` with `nitems` items needs (without GC header).
#[inline]
pub fn object_size(tp: &PyTypeObject, nitems: isize) -> usize {
    let size = tp.tp_basicsize as usize + (nitems.max(0) as usize) * tp.tp_itemsize as usize;
    (size + 7) & !7
}

/// Allocates a zeroed instance of `tp` with reference count 1 (PyType_GenericAlloc).
/// Heap types are increfed by their instances, as in CPython.
///
/// # Safety
/// `tp` must be a ready type object.
pub unsafe fn alloc_object(tp: *mut PyTypeObject, nitems: isize) -> *mut PyObject {
    let size = object_size(&*tp, nitems);
    let gc = (*tp).has_flag(tpflags::HAVE_GC);
    let obj = if gc {
        let mem = raw_calloc(1, size + GC_HEAD_SIZE) as *mut u8;
        if mem.is_null() {
            return std::ptr::null_mut();
        }
        mem.add(GC_HEAD_SIZE) as *mut PyObject
    } else {
        let mem = raw_calloc(1, size) as *mut PyObject;
        if mem.is_null() {
            return std::ptr::null_mut();
        }
        mem
    };
    (*obj).ob_refcnt = 1;
    (*obj).ob_type = tp;
    if (*tp).tp_itemsize != 0 {
        (*(obj as *mut PyVarObject)).ob_size = nitems;
    }
    if (*tp).has_flag(tpflags::HEAPTYPE) {
        super::incref(tp as *mut PyObject);
    }
    if gc {
        crate::gc::track(obj);
    }
    obj
}

/// `alloc_object` for a variable-size type without GC whose items the
/// caller writes at once (a file read into a bytes object): only the fixed
/// part is zeroed, so a large buffer is not cleared just to be overwritten.
///
/// # Safety
/// `tp` must be a ready non-GC type, and the caller must initialise the
/// items before anything reads them.
pub unsafe fn alloc_object_items_uninit(tp: *mut PyTypeObject, nitems: isize) -> *mut PyObject {
    debug_assert!(!(*tp).has_flag(tpflags::HAVE_GC));
    let size = object_size(&*tp, nitems);
    let obj = raw_malloc(size) as *mut PyObject;
    if obj.is_null() {
        return obj;
    }
    std::ptr::write_bytes(obj as *mut u8, 0, ((*tp).tp_basicsize as usize).min(size));
    (*obj).ob_refcnt = 1;
    (*obj).ob_type = tp;
    (*(obj as *mut PyVarObject)).ob_size = nitems;
    if (*tp).has_flag(tpflags::HEAPTYPE) {
        super::incref(tp as *mut PyObject);
    }
    obj
}

/// Frees an object's memory (PyObject_Free / PyObject_GC_Del), untracking it
/// from the collector first. Does not touch the type's reference.
///
/// # Safety
/// `p` must have come from `alloc_object` and have no remaining users.
pub unsafe fn free_object(p: *mut PyObject) {
    let tp = (*p).ob_type;
    if (*tp).has_flag(tpflags::HAVE_GC) {
        crate::gc::untrack(p);
        raw_free((p as *mut u8).sub(GC_HEAD_SIZE) as *mut c_void);
    } else {
        raw_free(p as *mut c_void);
    }
}

/// The GC header of a container object.
///
/// # Safety
/// `p` must be an object of a HAVE_GC type.
#[inline]
pub unsafe fn gc_head(p: *mut PyObject) -> *mut PyGcHead {
    (p as *mut u8).sub(GC_HEAD_SIZE) as *mut PyGcHead
}
