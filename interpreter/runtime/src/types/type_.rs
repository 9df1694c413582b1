//! `type`: type objects, readying static types (CPython's PyType_Ready),
//! MRO computation, attribute lookup along the MRO with a per-type version
//! tag, and creating classes at run time (`type(name, bases, dict)`).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyHeapTypeObject, PyObject, PyTypeObject};
use crate::types::builtin_func::{self, MethodSpec};
use crate::types::getset::{self, GetSetSpec};
use crate::types::{dict, list, none, str as pystr, tuple};
use std::os::raw::c_ulong;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicU32, Ordering};

#[no_mangle]
pub static mut PyType_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyBaseObject_Type: PyTypeObject = PyTypeObject::EMPTY;

#[inline]
pub fn type_type() -> *mut PyTypeObject {
    &raw mut PyType_Type
}

#[inline]
pub fn object_type() -> *mut PyTypeObject {
    &raw mut PyBaseObject_Type
}

#[inline]
pub fn is_type(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::TYPE_SUBCLASS)
}

/// The type object behind an `Obj` that is a type.
#[inline]
pub fn as_type(o: &Obj) -> *mut PyTypeObject {
    o.as_ptr() as *mut PyTypeObject
}

/// An owned reference to a type pointer.
#[inline]
pub fn type_obj(t: *mut PyTypeObject) -> Obj {
    unsafe { Obj::from_borrowed(t as *mut PyObject) }
}

static NEXT_VERSION: AtomicU32 = AtomicU32::new(1);

/// Gives the type a new version tag: caches keyed by the old one miss.
pub fn modified(t: *mut PyTypeObject) {
    unsafe {
        (*t).tp_version_tag = NEXT_VERSION.fetch_add(1, Ordering::Relaxed);
        // Subclasses see the change through their MRO: bump them too.
        if !(*t).tp_subclasses.is_null() {
            let subs = Obj::borrow_slot(&*(&(*t).tp_subclasses as *const _ as *const *mut PyObject));
            for (_, w) in dict::items_vec(subs) {
                if let Some(sub) = crate::types::weakref::get_referent(&w) {
                    modified(as_type(&sub));
                }
            }
        }
    }
}

/// Sets up a static builtin type's basic fields; its own `init` fills in
/// slots afterwards and `ready` finishes it.
///
/// # Safety
/// `t` must point to a static type object not yet readied.
pub unsafe fn init_static(t: *mut PyTypeObject, name: &str, basicsize: usize, itemsize: usize) {
    (*t).ob_base.ob_base.ob_type = type_type();
    (*t).ob_base.ob_base.ob_refcnt = 1 << 30;
    (*t).tp_name = builtin_func::cstr(name);
    (*t).tp_basicsize = basicsize as isize;
    (*t).tp_itemsize = itemsize as isize;
    (*t).tp_flags |= tpflags::DEFAULT | tpflags::IMMUTABLETYPE;
    if t != object_type() && (*t).tp_base.is_null() {
        (*t).tp_base = object_type();
    }
}

/// `isinstance`'s core without __instancecheck__: is `a` `b` or a subclass?
pub fn is_subtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> bool {
    // By the MRO alone, as CPython: a custom mro() may leave the class out
    // of its own MRO.
    unsafe {
        let mro = (*a).tp_mro;
        if !mro.is_null() {
            let items = tuple::items(Obj::borrow_slot(&*(&(*a).tp_mro as *const *mut PyObject)));
            let _ = mro;
            return items.iter().any(|t| t.as_ptr() as *mut PyTypeObject == b);
        }
        let mut t = a;
        while !t.is_null() {
            if t == b {
                return true;
            }
            t = (*t).tp_base;
        }
        b == object_type()
    }
}

/// The MRO tuple of a ready type.
pub fn mro(t: *mut PyTypeObject) -> &'static [Obj] {
    unsafe {
        if (*t).tp_mro.is_null() {
            return &[];
        }
        tuple::items(Obj::borrow_slot(&*(&(*t).tp_mro as *const *mut PyObject)))
    }
}

/// The type's namespace dict.
pub fn type_dict(t: *mut PyTypeObject) -> &'static Obj {
    unsafe { Obj::borrow_slot(&*(&(*t).tp_dict as *const *mut PyObject)) }
}

const CACHE_SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct CacheEntry {
    version: u32,
    name: *mut PyObject,
    value: *mut PyObject,
}

static mut METHOD_CACHE: [CacheEntry; CACHE_SIZE] =
    [CacheEntry { version: 0, name: null_mut(), value: null_mut() }; CACHE_SIZE];

/// The uncached part of `lookup_ptr`: the first dict along the MRO that
/// holds `name`.
unsafe fn find_in_mro(t: *mut PyTypeObject, name: &Obj) -> *mut PyObject {
    // A key's __eq__ may reassign __bases__ mid-lookup: hold the MRO (and
    // each dict) being walked so they outlive the walk.
    let Some(m) = crate::object::opt_from_borrowed((*t).tp_mro) else { return null_mut() };
    let items = tuple::items(&m);
    // When the MRO is this type then its first base's MRO (single
    // inheritance, the usual case), only the own dict is new: the rest is
    // the base's lookup, which the cache usually answers. A new class looks
    // up every slot dunder and most are found nowhere, so this turns each
    // of those walks into one probe.
    if items.len() >= 2 && items[0].as_ptr() == t as *mut PyObject {
        let b = as_type(&items[1]);
        if let Some(bm) = crate::object::opt_from_borrowed((*b).tp_mro) {
            let bi = tuple::items(&bm);
            if bi.len() + 1 == items.len() && bi.iter().zip(&items[1..]).all(|(x, y)| x.as_ptr() == y.as_ptr()) {
                let d = type_dict(t).clone();
                return match probe(&d, name) {
                    Some(v) => v,
                    None => lookup_ptr(b, name),
                };
            }
        }
    }
    for base in items {
        let d = type_dict(as_type(base)).clone();
        if let Some(v) = probe(&d, name) {
            return v;
        }
    }
    null_mut()
}

fn probe(d: &Obj, name: &Obj) -> Option<*mut PyObject> {
    if pystr::is_exact_str(name) && dict::is_exact_dict(d) {
        dict::get_str_borrowed(d, name)
    } else {
        dict::get_item_borrowed(d, name)
    }
}

/// Looks `name` (a str) up along the type's MRO, as `_PyType_Lookup`: the
/// result is a borrowed pointer (null when absent). Interned names hit a
/// global cache keyed by the type's version tag.
pub fn lookup_ptr(t: *mut PyTypeObject, name: &Obj) -> *mut PyObject {
    unsafe {
        let version = (*t).tp_version_tag;
        let interned = name.cast::<pystr::PyASCIIObject>().state & 3 != 0;
        let slot = if interned && version != 0 {
            let h = ((version as usize).wrapping_mul(2654435761) ^ (name.as_ptr() as usize >> 3)) % CACHE_SIZE;
            let e = (&raw const METHOD_CACHE).cast::<CacheEntry>().add(h).read();
            if e.version == version && e.name == name.as_ptr() {
                return e.value;
            }
            Some(h)
        } else {
            None
        };
        let found = find_in_mro(t, name);
        // A result found under an MRO that changed mid-walk is not cached.
        if (*t).tp_version_tag != version {
            return found;
        }
        if let Some(h) = slot {
            (&raw mut METHOD_CACHE).cast::<CacheEntry>().add(h).write(CacheEntry {
                version,
                name: name.as_ptr(),
                value: found,
            });
        }
        found
    }
}

/// Empties the method cache (`sys._clear_type_cache`).
pub fn clear_method_cache() {
    unsafe {
        for i in 0..CACHE_SIZE {
            (&raw mut METHOD_CACHE).cast::<CacheEntry>().add(i).write(CacheEntry { version: 0, name: null_mut(), value: null_mut() });
        }
    }
}

/// `lookup_ptr` returning an owned reference.
pub fn lookup(t: *mut PyTypeObject, name: &Obj) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(lookup_ptr(t, name)) }
}

/// Looks up a Rust-named attribute (interned) on a type.
pub fn lookup_str(t: *mut PyTypeObject, name: &str) -> Option<Obj> {
    lookup(t, &pystr::intern(name))
}

/// `__qualname__` of a type.
pub fn qualname(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    unsafe {
        if (*tp).has_flag(tpflags::HEAPTYPE) {
            let h = &*(tp as *const PyHeapTypeObject);
            return Ok(Obj::from_borrowed(h.ht_qualname));
        }
        Ok(pystr::new((*tp).name()))
    }
}

/// `__name__` of a type.
pub fn name(t: &Obj) -> Obj {
    let tp = as_type(t);
    unsafe {
        if (*tp).has_flag(tpflags::HEAPTYPE) {
            let h = &*(tp as *const PyHeapTypeObject);
            return Obj::from_borrowed(h.ht_name);
        }
        pystr::new((*tp).name())
    }
}

/// `__module__` of a type.
pub fn module_name(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    unsafe {
        if (*tp).has_flag(tpflags::HEAPTYPE) {
            if let Some(m) = dict::get_item_str(type_dict(tp), "__module__")? {
                return Ok(m);
            }
            crate::bail!(AttributeError, "__module__");
        }
        let full = (*tp).full_name();
        Ok(match full.rfind('.') {
            Some(i) => pystr::new(&full[..i]),
            None => pystr::intern_static("builtins"),
        })
    }
}

// ---------------------------------------------------------------------------
// Readying types.

/// Finishes a type: bases, MRO, namespace with descriptors for its slots,
/// methods, members and getsets, and slots inherited from its bases.
pub fn ready(t: *mut PyTypeObject) -> PyResult<()> {
    unsafe {
        if (*t).has_flag(tpflags::READY) {
            return Ok(());
        }
        (*t).tp_flags |= tpflags::READYING;
        if (*t).ob_base.ob_base.ob_type.is_null() {
            (*t).ob_base.ob_base.ob_type = type_type();
        }
        let base = (*t).tp_base;
        // A base still being readied (its mro() is running) is left alone:
        // computing the MRO reports it as incomplete.
        if !base.is_null() && !(*base).has_flag(tpflags::READY) && !(*base).has_flag(tpflags::READYING) {
            ready(base)?;
        }
        if (*t).tp_bases.is_null() {
            (*t).tp_bases = if base.is_null() {
                tuple::new(&[]).into_raw()
            } else {
                tuple::new(&[type_obj(base)]).into_raw()
            };
        }
        if (*t).tp_dict.is_null() {
            (*t).tp_dict = dict::new().into_raw();
        }
        let d = type_dict(t).clone();
        crate::types::slot_wrappers::add_operators(t, &d)?;
        add_methods(t, &d)?;
        add_getsets(t, &d)?;
        crate::types::member::add_members(t, &d)?;
        (*t).tp_mro = compute_mro(t)?.into_raw();
        if !base.is_null() {
            inherit_special(t, base);
        }
        for b in mro(t).iter().skip(1) {
            inherit_slots(t, as_type(b));
        }
        // A type that defines __eq__ but not __hash__ is unhashable.
        if (*t).tp_hash.is_none() && dict::get_item_str(&d, "__hash__")?.is_none() {
            if (*t).tp_richcompare.is_some() && !inherits_richcompare_and_hash(t) {
                dict::set_item_str(&d, "__hash__", &none::none())?;
                (*t).tp_hash = Some(crate::ops::object_hash_not_implemented);
            }
        }
        if dict::get_item_str(&d, "__doc__")?.is_none() {
            let doc = match internal_doc(t) {
                None => none::none(),
                // Without the text signature a leading `name(...)\n--\n\n` gives.
                Some(d) => pystr::new(builtin_func::split_signature(short_name(t), &d).1),
            };
            dict::set_item_str(&d, "__doc__", &doc)?;
        }
        for b in tuple::items(Obj::borrow_slot(&*(&(*t).tp_bases as *const *mut PyObject))) {
            add_subclass(as_type(b), t);
        }
        (*t).tp_flags = ((*t).tp_flags & !tpflags::READYING) | tpflags::READY | tpflags::VALID_VERSION_TAG;
        modified(t);
        Ok(())
    }
}

unsafe fn inherits_richcompare_and_hash(t: *mut PyTypeObject) -> bool {
    let base = (*t).tp_base;
    !base.is_null() && (*base).tp_richcompare == (*t).tp_richcompare
}

fn add_methods(t: *mut PyTypeObject, d: &Obj) -> PyResult<()> {
    unsafe {
        let mut ml = (*t).tp_methods;
        if ml.is_null() {
            return Ok(());
        }
        while !(*ml).ml_name.is_null() {
            let name = std::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy();
            let flags = (*ml).ml_flags;
            if flags & crate::object::meth::COEXIST == 0 && dict::get_item_str(d, &name)?.is_some() {
                ml = ml.add(1);
                continue;
            }
            let v = if flags & crate::object::meth::STATIC != 0 {
                // Bound to the type, as CPython's (not passed when called).
                let f = builtin_func::new_cfunction(ml, Some(&type_obj(t)), None);
                crate::types::function::new_staticmethod_bare(&f)
            } else {
                builtin_func::new_method_descr(t, ml)
            };
            dict::set_item_str(d, &name, &v)?;
            ml = ml.add(1);
        }
    }
    Ok(())
}

fn add_getsets(t: *mut PyTypeObject, d: &Obj) -> PyResult<()> {
    unsafe {
        let mut gs = (*t).tp_getset;
        if gs.is_null() {
            return Ok(());
        }
        while !(*gs).name.is_null() {
            let name = std::ffi::CStr::from_ptr((*gs).name).to_string_lossy();
            if dict::get_item_str(d, &name)?.is_none() {
                dict::set_item_str(d, &name, &getset::new_getset_descr(t, gs))?;
            }
            gs = gs.add(1);
        }
    }
    Ok(())
}

/// Records `sub` in `base.__subclasses__()` (weakly, as CPython).
fn add_subclass(base: *mut PyTypeObject, sub: *mut PyTypeObject) {
    unsafe {
        if (*base).tp_subclasses.is_null() {
            (*base).tp_subclasses = dict::new().into_raw() as *mut _;
        }
        let d = Obj::borrow_slot(&*(&(*base).tp_subclasses as *const _ as *const *mut PyObject));
        let key = crate::types::int::from_usize(sub as usize);
        if let Ok(w) = crate::types::weakref::new_ref(&type_obj(sub), None) {
            let _ = dict::set_item(d, &key, &w);
        }
    }
}

fn remove_subclass(base: *mut PyTypeObject, sub: *mut PyTypeObject) {
    unsafe {
        if (*base).tp_subclasses.is_null() {
            return;
        }
        let d = Obj::borrow_slot(&*(&(*base).tp_subclasses as *const _ as *const *mut PyObject));
        let key = crate::types::int::from_usize(sub as usize);
        // Only when present: a KeyError here would replace the exception
        // being raised while a half-built class is freed.
        let _ = dict::del_item_opt(d, &key);
    }
}

/// Copies what a subtype takes from its solid base: sizes, flags, alloc/new.
unsafe fn inherit_special(t: *mut PyTypeObject, base: *mut PyTypeObject) {
    const SUBCLASS_BITS: c_ulong = tpflags::LONG_SUBCLASS
        | tpflags::LIST_SUBCLASS
        | tpflags::TUPLE_SUBCLASS
        | tpflags::BYTES_SUBCLASS
        | tpflags::UNICODE_SUBCLASS
        | tpflags::DICT_SUBCLASS
        | tpflags::BASE_EXC_SUBCLASS
        | tpflags::TYPE_SUBCLASS;
    (*t).tp_flags |= (*base).tp_flags & SUBCLASS_BITS;
    if (*base).has_flag(tpflags::HAVE_GC) && (*t).tp_traverse.is_none() && (*t).tp_clear.is_none() {
        (*t).tp_flags |= tpflags::HAVE_GC;
    }
    if (*t).tp_basicsize == 0 {
        (*t).tp_basicsize = (*base).tp_basicsize;
    }
    if (*t).tp_itemsize == 0 {
        (*t).tp_itemsize = (*base).tp_itemsize;
    }
    if (*t).tp_weaklistoffset == 0 {
        (*t).tp_weaklistoffset = (*base).tp_weaklistoffset;
    }
    if (*t).tp_dictoffset == 0 {
        (*t).tp_dictoffset = (*base).tp_dictoffset;
    }
}

macro_rules! inherit {
    ($t:expr, $b:expr, $($f:ident),*) => {
        $( if (*$t).$f.is_none() { (*$t).$f = (*$b).$f; } )*
    };
}

macro_rules! inherit_table {
    ($t:expr, $b:expr, $table:ident, $($f:ident),*) => {
        if !(*$b).$table.is_null() {
            if (*$t).$table.is_null() {
                (*$t).$table = (*$b).$table;
            } else if (*$t).$table != (*$b).$table {
                $( if (*(*$t).$table).$f.is_none() { (*(*$t).$table).$f = (*(*$b).$table).$f; } )*
            }
        }
    };
}

/// Inherits slots the type does not define from `b` (one entry of its MRO).
unsafe fn inherit_slots(t: *mut PyTypeObject, b: *mut PyTypeObject) {
    inherit_table!(t, b, tp_as_number, nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod, nb_power,
        nb_negative, nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift, nb_rshift, nb_and, nb_xor, nb_or,
        nb_int, nb_float, nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder,
        nb_inplace_power, nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or,
        nb_floor_divide, nb_true_divide, nb_inplace_floor_divide, nb_inplace_true_divide, nb_index,
        nb_matrix_multiply, nb_inplace_matrix_multiply);
    inherit_table!(t, b, tp_as_sequence, sq_length, sq_concat, sq_repeat, sq_item, sq_ass_item, sq_contains,
        sq_inplace_concat, sq_inplace_repeat);
    inherit_table!(t, b, tp_as_mapping, mp_length, mp_subscript, mp_ass_subscript);
    inherit_table!(t, b, tp_as_async, am_await, am_aiter, am_anext, am_send);
    inherit_table!(t, b, tp_as_buffer, bf_getbuffer, bf_releasebuffer);
    inherit!(t, b, tp_dealloc, tp_repr, tp_call, tp_str, tp_getattro, tp_setattro, tp_iter, tp_iternext,
        tp_descr_get, tp_descr_set, tp_init, tp_alloc, tp_free, tp_finalize, tp_is_gc);
    if (*t).tp_getattr.is_none() && (*t).tp_getattro.is_none() {
        (*t).tp_getattr = (*b).tp_getattr;
    }
    // __eq__ and __hash__ are inherited together.
    if (*t).tp_richcompare.is_none() && (*t).tp_hash.is_none() {
        let d = type_dict(t);
        let own_eq = dict::get_item_str(d, "__eq__").ok().flatten().is_some();
        let own_hash = dict::get_item_str(d, "__hash__").ok().flatten().is_some();
        if !own_eq && !own_hash {
            (*t).tp_richcompare = (*b).tp_richcompare;
            (*t).tp_hash = (*b).tp_hash;
        }
    }
    if (*t).tp_new.is_none() && b == (*t).tp_base && !(*t).has_flag(tpflags::DISALLOW_INSTANTIATION) {
        (*t).tp_new = (*b).tp_new;
    }
    // The offset is always inherited, as CPython does, so that an inherited
    // tp_call that reads it (PyVectorcall_Call) finds the instance's
    // function; the flag that makes calls use it directly only for static types.
    if (*t).tp_vectorcall_offset == 0 && b == (*t).tp_base {
        (*t).tp_vectorcall_offset = (*b).tp_vectorcall_offset;
        if (*b).has_flag(tpflags::HAVE_VECTORCALL) && !(*t).has_flag(tpflags::HEAPTYPE) {
            (*t).tp_flags |= tpflags::HAVE_VECTORCALL;
        }
    }
    if (*b).has_flag(tpflags::HAVE_GC) && (*t).tp_traverse.is_none() {
        (*t).tp_traverse = (*b).tp_traverse;
        (*t).tp_clear = (*b).tp_clear;
    }
    if (*t).tp_free.is_none() {
        (*t).tp_free = (*b).tp_free;
    }
    if (*t).tp_flags & (tpflags::SEQUENCE | tpflags::MAPPING) == 0 {
        (*t).tp_flags |= (*b).tp_flags & (tpflags::SEQUENCE | tpflags::MAPPING);
    }
}

/// C3 linearization (or the type's own `mro()` override for metaclasses).
fn compute_mro(t: *mut PyTypeObject) -> PyResult<Obj> {
    unsafe {
        let meta = (*t).ob_base.ob_base.ob_type;
        if meta != type_type() && (*t).has_flag(tpflags::HEAPTYPE) {
            let m = lookup_str(meta, "mro");
            let default = lookup_str(type_type(), "mro");
            if let (Some(m), Some(default)) = (m, default) {
                if !m.is(&default) {
                    let r = crate::ops::call::call(&m, &[type_obj(t)], None)?;
                    let items = crate::ops::seq::to_vec(&r)?;
                    for it in &items {
                        if !is_type(it) {
                            crate::bail!(TypeError, "mro() returned a non-class ('{}')", it.ty().name());
                        }
                    }
                    return Ok(tuple::new(&items));
                }
            }
        }
        Ok(tuple::new(&c3_mro(t)?))
    }
}

pub fn c3_mro(t: *mut PyTypeObject) -> PyResult<Vec<Obj>> {
    unsafe {
        let bases = tuple::items(Obj::borrow_slot(&*(&(*t).tp_bases as *const *mut PyObject))).to_vec();
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|x| x.is(b)) {
                crate::bail!(TypeError, "duplicate base class {}", pystr::to_string_lossy(&name(b)));
            }
        }
        let mut seqs: Vec<Vec<Obj>> = Vec::new();
        for b in &bases {
            let bm = mro(as_type(b));
            if bm.is_empty() {
                // A class whose own mro() is still running.
                if (*as_type(b)).has_flag(tpflags::HEAPTYPE) {
                    crate::bail!(TypeError, "Cannot extend an incomplete type '{}'", (*as_type(b)).full_name());
                }
                ready(as_type(b))?;
            }
            seqs.push(mro(as_type(b)).to_vec());
        }
        seqs.push(bases.clone());
        let mut result = vec![type_obj(t)];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(result);
            }
            let mut candidate = None;
            for s in &seqs {
                let head = &s[0];
                if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(head))) {
                    candidate = Some(head.clone());
                    break;
                }
            }
            let c = match candidate {
                Some(c) => c,
                None => {
                    let mut names: Vec<String> = Vec::new();
                    for s in &seqs {
                        let n = pystr::to_string_lossy(&name(&s[0]));
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                    crate::bail!(
                        TypeError,
                        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                        names.join(", ")
                    );
                }
            };
            for s in seqs.iter_mut() {
                if s[0].is(&c) {
                    s.remove(0);
                }
            }
            result.push(c);
        }
    }
}

// ---------------------------------------------------------------------------
// Generic attribute access (PyObject_GenericGetAttr/SetAttr).

/// The instance dict slot of `obj`, if its type has one.
pub fn dict_slot(obj: &Obj) -> Option<*mut *mut PyObject> {
    let off = obj.ty().tp_dictoffset;
    if off == 0 {
        return None;
    }
    let off = if off < 0 {
        // Variable-size objects keep the dict after their items.
        let size = unsafe { (*(obj.as_ptr() as *mut crate::object::PyVarObject)).ob_size.unsigned_abs() };
        alloc::object_size(obj.ty(), size as isize) as isize + off
    } else {
        off
    };
    Some(unsafe { (obj.as_ptr() as *mut u8).offset(off) as *mut *mut PyObject })
}

/// The instance `__dict__`, created on first use.
pub fn instance_dict(obj: &Obj) -> Option<Obj> {
    let slot = dict_slot(obj)?;
    unsafe {
        if (*slot).is_null() {
            *slot = dict::new().into_raw();
        }
        Some(Obj::from_borrowed(*slot))
    }
}

pub fn generic_getattr(obj: &Obj, name: &Obj) -> PyResult<Obj> {
    match generic_getattr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(obj, name)),
    }
}

pub fn attribute_error(obj: &Obj, name: &Obj) -> crate::errors::PyErr {
    let e = crate::raise!(
        AttributeError,
        "'{}' object has no attribute '{}'",
        obj.ty().name(),
        pystr::to_string_lossy(name)
    );
    crate::types::exceptions::set_attribute_error_context(obj, name);
    e
}

/// Generic lookup that reports "not found" as `None` instead of raising, so
/// that hasattr/getattr-with-default skip building an AttributeError.
pub fn generic_getattr_opt(obj: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "attribute name must be string, not '{}'", name.ty().name());
    }
    let tp = obj.type_ptr();
    let descr = lookup(tp, name);
    let mut getter = None;
    if let Some(d) = &descr {
        getter = d.ty().tp_descr_get;
        if getter.is_some() && d.ty().tp_descr_set.is_some() {
            let r = unsafe { getter.unwrap()(d.as_ptr(), obj.as_ptr(), tp as *mut PyObject) };
            return unsafe { crate::types::slots::from_ret(r) }.map(Some);
        }
    }
    if let Some(slot) = dict_slot(obj) {
        unsafe {
            if !(*slot).is_null() {
                let d = Obj::borrow_slot(&*slot);
                if let Some(v) = dict::get_item(d, name)? {
                    return Ok(Some(v));
                }
            }
        }
    }
    if let Some(d) = descr {
        if let Some(g) = getter {
            let r = unsafe { g(d.as_ptr(), obj.as_ptr(), tp as *mut PyObject) };
            return unsafe { crate::types::slots::from_ret(r) }.map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

pub fn generic_setattr(obj: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "attribute name must be string, not '{}'", name.ty().name());
    }
    let tp = obj.type_ptr();
    if let Some(d) = lookup(tp, name) {
        if let Some(set) = d.ty().tp_descr_set {
            let v = value.map(|v| v.as_ptr()).unwrap_or(null_mut());
            let r = unsafe { set(d.as_ptr(), obj.as_ptr(), v) };
            return crate::types::slots::from_status(r).map(|_| ());
        }
    }
    match dict_slot(obj) {
        Some(slot) => unsafe {
            if (*slot).is_null() {
                if value.is_none() {
                    return Err(attribute_error(obj, name));
                }
                *slot = dict::new().into_raw();
            }
            let d = Obj::borrow_slot(&*slot);
            match value {
                Some(v) => dict::set_item(d, name, v),
                None => {
                    if !dict::del_item_opt(d, name)? {
                        return Err(attribute_error(obj, name));
                    }
                    Ok(())
                }
            }
        },
        None => {
            if lookup(tp, name).is_some() {
                crate::bail!(
                    AttributeError,
                    "'{}' object attribute '{}' is read-only",
                    obj.ty().name(),
                    pystr::to_string_lossy(name)
                );
            }
            crate::bail!(
                AttributeError,
                "'{}' object has no attribute '{}'",
                obj.ty().name(),
                pystr::to_string_lossy(name)
            )
        }
    }
}

crate::binary_slot!(generic_getattr_slot => generic_getattr);
crate::setter_slot!(generic_setattr_slot => generic_setattr);

/// tp_getattro of type objects: the metatype's data descriptors, then the
/// type's own MRO (calling descriptors' __get__ with obj=None), then the
/// metatype's other attributes.
pub fn type_getattro(t: &Obj, name: &Obj) -> PyResult<Obj> {
    match type_getattro_opt(t, name)? {
        Some(v) => Ok(v),
        None => crate::bail!(
            AttributeError,
            "type object '{}' has no attribute '{}'",
            pystr::to_string_lossy(&self::name(t)),
            pystr::to_string_lossy(name)
        ),
    }
}

pub fn type_getattro_opt(t: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "attribute name must be string, not '{}'", name.ty().name());
    }
    let meta = t.type_ptr();
    let meta_attr = lookup(meta, name);
    let mut meta_get = None;
    if let Some(a) = &meta_attr {
        meta_get = a.ty().tp_descr_get;
        if meta_get.is_some() && a.ty().tp_descr_set.is_some() {
            let r = unsafe { meta_get.unwrap()(a.as_ptr(), t.as_ptr(), meta as *mut PyObject) };
            return unsafe { crate::types::slots::from_ret(r) }.map(Some);
        }
    }
    if let Some(a) = lookup(as_type(t), name) {
        if let Some(g) = a.ty().tp_descr_get {
            let r = unsafe { g(a.as_ptr(), null_mut(), t.as_ptr()) };
            return unsafe { crate::types::slots::from_ret(r) }.map(Some);
        }
        return Ok(Some(a));
    }
    if let Some(a) = meta_attr {
        if let Some(g) = meta_get {
            let r = unsafe { g(a.as_ptr(), t.as_ptr(), meta as *mut PyObject) };
            return unsafe { crate::types::slots::from_ret(r) }.map(Some);
        }
        return Ok(Some(a));
    }
    Ok(None)
}

crate::binary_slot!(type_getattro_slot => type_getattro);

fn type_setattro(t: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "attribute name must be string, not '{}'", name.ty().name());
    }
    unsafe {
        if !(*tp).has_flag(tpflags::HEAPTYPE) || (*tp).has_flag(tpflags::IMMUTABLETYPE) {
            crate::bail!(
                TypeError,
                "cannot set '{}' attribute of immutable type '{}'",
                pystr::to_string_lossy(name),
                (*tp).name()
            );
        }
    }
    let name = pystr::intern_obj(name);
    // Data descriptors of the metatype (e.g. __name__, __doc__) take precedence.
    if let Some(d) = lookup(t.type_ptr(), &name) {
        if let Some(set) = d.ty().tp_descr_set {
            let v = value.map(|v| v.as_ptr()).unwrap_or(null_mut());
            return crate::types::slots::from_status(unsafe { set(d.as_ptr(), t.as_ptr(), v) }).map(|_| ());
        }
    }
    let d = type_dict(tp);
    match value {
        Some(v) => dict::set_item(d, &name, v)?,
        None => {
            if !dict::del_item_opt(d, &name)? {
                crate::bail!(
                    AttributeError,
                    "type object '{}' has no attribute '{}'",
                    pystr::to_string_lossy(&self::name(t)),
                    pystr::to_string_lossy(&name)
                );
            }
        }
    }
    modified(tp);
    if let Some(n) = pystr::as_str(&name) {
        if n.starts_with("__") && n.ends_with("__") {
            crate::types::slot_wrappers::update_slot(tp, n);
        }
    }
    Ok(())
}

crate::setter_slot!(type_setattro_slot => type_setattro);

// ---------------------------------------------------------------------------
// Calling a type: creating instances.

pub fn type_call(t: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let tp = as_type(t);
    unsafe {
        // type(x) is special.
        if tp == type_type() {
            let nkw = kwnames.map(tuple::len).unwrap_or(0);
            if args.len() == 1 && nkw == 0 {
                return Ok(args[0].get_type());
            }
            if args.len() - nkw != 3 {
                crate::bail!(TypeError, "type() takes 1 or 3 arguments");
            }
        }
        let new = match (*tp).tp_new {
            Some(n) => n,
            None => crate::bail!(TypeError, "cannot create '{}' instances", (*tp).full_name()),
        };
        let (targs, kwargs) = crate::ops::call::vector_to_tuple_dict(args, kwnames)?;
        let kwp = kwargs.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut());
        let obj = crate::types::slots::from_ret(new(tp, targs.as_ptr(), kwp))?;
        if !is_subtype(obj.type_ptr(), tp) {
            return Ok(obj);
        }
        let otp = obj.type_ptr();
        if let Some(init) = (*otp).tp_init {
            let r = init(obj.as_ptr(), targs.as_ptr(), kwp);
            if r < 0 {
                return Err(crate::types::slots::fail_null());
            }
        }
        Ok(obj)
    }
}

unsafe extern "C" fn type_tp_call(t: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let t = Obj::borrow_slot(&t);
    let args = Obj::borrow_slot(&args);
    let kw = if kwargs.is_null() { None } else { Some(Obj::borrow_slot(&kwargs)) };
    let r = crate::ops::call::kwargs_to_vector(tuple::items(args), kw)
        .and_then(|(v, kn)| type_call(t, &v, kn.as_ref()));
    crate::types::slots::ret(r)
}

unsafe extern "C" fn type_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let t = Obj::borrow_slot(&callable);
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(Obj::borrow_slot(&kwnames)) };
    let n = (nargsf & !builtin_func::VECTORCALL_ARGUMENTS_OFFSET) + nkw;
    let args = Obj::borrow_slice(std::slice::from_raw_parts(args, n));
    let kw = if kwnames.is_null() { None } else { Some(Obj::borrow_slot(&kwnames)) };
    crate::types::slots::ret(type_call(t, args, kw))
}

/// Makes calls to the static type `t` go through vectorcall (to
/// `type_call`, as tp_call would) rather than tp_call.
pub unsafe fn construct_by_vectorcall(t: *mut PyTypeObject) {
    (*t).tp_vectorcall = Some(type_vectorcall);
}

/// Whether instances of `old` may become instances of `new` (by `__class__`
/// or `__bases__` assignment): CPython's compatible_for_assignment, with its
/// messages.
pub fn check_compatible_for_assignment(old: *mut PyTypeObject, new: *mut PyTypeObject, attr: &str) -> PyResult<()> {
    unsafe {
        // CPython compares tp_free: PyObject_GC_Del for collected types,
        // PyObject_Del otherwise.
        if (*new).has_flag(tpflags::HAVE_GC) != (*old).has_flag(tpflags::HAVE_GC) {
            crate::bail!(TypeError, "{} assignment: '{}' deallocator differs from '{}'", attr, (*new).name(), (*old).name());
        }
        let mut nb = new;
        while compatible_with_base(nb) {
            nb = (*nb).tp_base;
        }
        let mut ob = old;
        while compatible_with_base(ob) {
            ob = (*ob).tp_base;
        }
        if nb != ob && ((*nb).tp_base != (*ob).tp_base || !same_slots_added(nb, ob)?) {
            crate::bail!(TypeError, "{} assignment: '{}' object layout differs from '{}'", attr, (*new).name(), (*old).name());
        }
    }
    Ok(())
}

/// A class that adds nothing to its base's instance layout.
unsafe fn compatible_with_base(t: *mut PyTypeObject) -> bool {
    let b = (*t).tp_base;
    !b.is_null()
        && (*t).tp_basicsize == (*b).tp_basicsize
        && (*t).tp_itemsize == (*b).tp_itemsize
        && (*t).tp_dictoffset == (*b).tp_dictoffset
        && (*t).tp_weaklistoffset == (*b).tp_weaklistoffset
        && ((*t).tp_flags & tpflags::HAVE_GC) == ((*b).tp_flags & tpflags::HAVE_GC)
        && ((*t).tp_dealloc.map(|f| f as usize) == Some(subtype_dealloc as *const () as usize)
            || (*t).tp_dealloc.map(|f| f as usize) == (*b).tp_dealloc.map(|f| f as usize))
}

/// Two classes on the same base that add the same fields (dict, weakref
/// list, equal `__slots__`).
unsafe fn same_slots_added(a: *mut PyTypeObject, b: *mut PyTypeObject) -> PyResult<bool> {
    let base = (*a).tp_base;
    let ptr = std::mem::size_of::<*mut PyObject>() as isize;
    let mut size = (*base).tp_basicsize;
    if (*a).tp_dictoffset == size && (*b).tp_dictoffset == size {
        size += ptr;
    }
    if (*a).tp_weaklistoffset == size && (*b).tp_weaklistoffset == size {
        size += ptr;
    }
    if !(*a).has_flag(tpflags::HEAPTYPE) || !(*b).has_flag(tpflags::HEAPTYPE) {
        return Ok(false);
    }
    let sa = (*(a as *mut PyHeapTypeObject)).ht_slots;
    let sb = (*(b as *mut PyHeapTypeObject)).ht_slots;
    if !sa.is_null() && !sb.is_null() {
        let (sa, sb) = (Obj::borrow_slot(&sa), Obj::borrow_slot(&sb));
        if !crate::ops::eq(sa, sb)? {
            return Ok(false);
        }
        size += ptr * tuple::len(sa) as isize;
    }
    Ok(size == (*a).tp_basicsize && size == (*b).tp_basicsize)
}

/// tp_alloc for every type: PyType_GenericAlloc.
pub unsafe extern "C" fn generic_alloc(t: *mut PyTypeObject, nitems: isize) -> *mut PyObject {
    let p = alloc::alloc_object(t, nitems);
    if p.is_null() {
        let _ = crate::raise!(MemoryError, "");
    }
    p
}

/// Allocates an instance of `t` through its tp_alloc.
pub fn alloc_instance(t: *mut PyTypeObject, nitems: isize) -> PyResult<Obj> {
    unsafe {
        let a = (*t).tp_alloc.unwrap_or(generic_alloc);
        crate::types::slots::from_ret(a(t, nitems))
    }
}

/// Clears what a heap type's instance layout adds to its base: `__dict__`,
/// weak references and `__slots__` values.
///
/// # Safety
/// `p` must be an instance of a heap type being deallocated.
pub unsafe fn subtype_dealloc_fields(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let tp = (*p).ob_type;
    if (*tp).tp_weaklistoffset > 0 {
        crate::types::weakref::clear_weakrefs(&o);
    }
    // Clear __slots__ members of every heap type in the chain.
    let mut t = tp;
    while !t.is_null() && (*t).has_flag(tpflags::HEAPTYPE) {
        crate::types::member::clear_slots(t, p);
        t = (*t).tp_base;
    }
    if let Some(slot) = dict_slot(&o) {
        let d = std::mem::replace(&mut *slot, null_mut());
        crate::object::xdecref(d);
    }
}

/// tp_dealloc of instances of Python classes: runs __del__ (PEP 442, once),
/// clears the fields the class added, then lets the first static base free
/// the object.
pub unsafe extern "C" fn subtype_dealloc(p: *mut PyObject) {
    let tp = (*p).ob_type;
    if (*tp).tp_finalize.is_some() && !crate::gc::is_finalized(p) {
        // Resurrect (and track again) for the duration of __del__.
        (*p).ob_refcnt = 1;
        if (*tp).has_flag(tpflags::HAVE_GC) {
            crate::gc::track_again(p);
        }
        crate::gc::call_finalizer(p);
        (*p).ob_refcnt -= 1;
        if (*p).ob_refcnt > 0 {
            return; // resurrected
        }
    }
    // __del__ may have assigned __class__: the type to release is the
    // current one (set_class already released the old).
    let tp = (*p).ob_type;
    // Out of the collector's reach before weakref callbacks run: one that
    // calls gc.collect() must not find this dying object (CPython untracks
    // first too).
    if (*tp).has_flag(tpflags::HAVE_GC) {
        crate::gc::untrack(p);
    }
    subtype_dealloc_fields(p);
    // Find the nearest static base: it owns the rest of the layout.
    let mut base = (*tp).tp_base;
    while (*base).has_flag(tpflags::HEAPTYPE) {
        base = (*base).tp_base;
    }
    match (*base).tp_dealloc {
        Some(d) if base != object_type() => d(p),
        _ => alloc::free_object(p),
    }
    crate::object::decref(tp as *mut PyObject);
}

/// tp_traverse of classes (only heap types are tracked): what a class owns
/// that can lead back to it. The metaclass is visited by subtype_traverse
/// when it is itself a class.
unsafe extern "C" fn type_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let t = p as *mut PyTypeObject;
    if !(*t).has_flag(tpflags::HEAPTYPE) {
        return 0;
    }
    let h = p as *mut PyHeapTypeObject;
    for r in [(*t).tp_dict, (*t).tp_mro, (*t).tp_bases, (*t).tp_base as *mut PyObject, (*h).ht_module] {
        if !r.is_null() {
            let x = visit(r, arg);
            if x != 0 {
                return x;
            }
        }
    }
    0
}

/// tp_clear of classes: empties the namespace and drops the MRO (which
/// holds the class itself); the dict object stays, so lookups on a
/// half-collected class find nothing rather than crash.
unsafe extern "C" fn type_clear(p: *mut PyObject) -> i32 {
    let t = p as *mut PyTypeObject;
    if !(*t).has_flag(tpflags::HEAPTYPE) {
        return 0;
    }
    modified(t);
    if !(*t).tp_dict.is_null() {
        let d = Obj::from_borrowed((*t).tp_dict);
        dict::clear(&d);
    }
    let h = p as *mut PyHeapTypeObject;
    crate::object::xdecref(std::mem::replace(&mut (*h).ht_module, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut (*t).tp_mro, null_mut()));
    0
}

unsafe extern "C" fn type_dealloc(p: *mut PyObject) {
    let t = p as *mut PyTypeObject;
    let h = p as *mut PyHeapTypeObject;
    if !(*t).tp_bases.is_null() {
        for b in tuple::items(Obj::borrow_slot(&(*t).tp_bases)) {
            remove_subclass(as_type(b), t);
        }
    }
    crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    crate::object::xdecref((*t).tp_dict);
    crate::object::xdecref((*t).tp_bases);
    crate::object::xdecref((*t).tp_mro);
    crate::object::xdecref((*t).tp_subclasses as *mut PyObject);
    crate::object::xdecref((*h).ht_name);
    crate::object::xdecref((*h).ht_qualname);
    crate::object::xdecref((*h).ht_slots);
    crate::object::xdecref((*h).ht_module);
    if !(*t).tp_base.is_null() {
        crate::object::decref((*t).tp_base as *mut PyObject);
    }
    if !(*h)._ht_tpname.is_null() {
        drop(std::ffi::CString::from_raw((*h)._ht_tpname));
    }
    if !(*t).tp_members.is_null() {
        crate::types::member::free_member_table((*t).tp_members);
    }
    let meta = (*p).ob_type;
    alloc::free_object(p);
    // A class of a Python metaclass is released through subtype_dealloc,
    // which drops the reference to the metaclass itself.
    if !(*meta).has_flag(tpflags::HEAPTYPE) {
        crate::object::decref(meta as *mut PyObject);
    }
}

// ---------------------------------------------------------------------------
// type.__new__: classes.

crate::new_slot!(type_new_slot => type_new);

fn type_new(meta: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let a = tuple::items(args);
    if a.len() != 3 {
        crate::bail!(TypeError, "type.__new__() takes exactly 3 arguments ({} given)", a.len());
    }
    let (name, bases, ns) = (&a[0], &a[1], &a[2]);
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "type.__new__() argument 1 must be str, not {}", name.ty().name());
    }
    if !tuple::is_tuple(bases) {
        crate::bail!(TypeError, "type.__new__() argument 2 must be tuple, not {}", bases.ty().name());
    }
    if !dict::is_dict(ns) {
        crate::bail!(TypeError, "type.__new__() argument 3 must be dict, not {}", ns.ty().name());
    }
    for b in tuple::items(bases) {
        if !is_type(b) && crate::ops::attr::getattr_opt(b, &pystr::intern_static("__mro_entries__"))?.is_some() {
            crate::bail!(TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
        }
    }
    // The most derived metaclass wins; defer to it if it is not us.
    let winner = calculate_metaclass(meta, bases)?;
    if winner != meta {
        if let Some(n) = unsafe { (*winner).tp_new } {
            if n as usize != type_new_slot as *const () as usize {
                let kwp = kwargs.map(|k| k.as_ptr()).unwrap_or(null_mut());
                return unsafe { crate::types::slots::from_ret(n(winner, args.as_ptr(), kwp)) };
            }
        }
    }
    new_class(winner, name, bases, ns, kwargs)
}

pub fn calculate_metaclass(meta: *mut PyTypeObject, bases: &Obj) -> PyResult<*mut PyTypeObject> {
    let mut winner = meta;
    for b in tuple::items(bases) {
        let bt = b.type_ptr();
        if is_subtype(winner, bt) {
            continue;
        }
        if is_subtype(bt, winner) {
            winner = bt;
            continue;
        }
        crate::bail!(
            TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
        );
    }
    Ok(winner)
}

/// The base whose instance layout the new class extends.
fn best_base(bases: &[Obj]) -> PyResult<*mut PyTypeObject> {
    let mut base: *mut PyTypeObject = null_mut();
    let mut winner: *mut PyTypeObject = null_mut();
    for b in bases {
        if !is_type(b) {
            crate::bail!(TypeError, "bases must be types");
        }
        let bt = as_type(b);
        unsafe {
            if !(*bt).has_flag(tpflags::BASETYPE) {
                crate::bail!(TypeError, "type '{}' is not an acceptable base type", (*bt).full_name());
            }
        }
        let candidate = solid_base(bt);
        if winner.is_null() {
            winner = candidate;
            base = bt;
        } else if is_subtype(winner, candidate) {
        } else if is_subtype(candidate, winner) {
            winner = candidate;
            base = bt;
        } else {
            crate::bail!(TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    Ok(base)
}

fn solid_base(t: *mut PyTypeObject) -> *mut PyTypeObject {
    unsafe {
        let base = if (*t).tp_base.is_null() { return t } else { solid_base((*t).tp_base) };
        if extra_ivars(t, (*t).tp_base) {
            t
        } else {
            base
        }
    }
}

unsafe fn extra_ivars(t: *mut PyTypeObject, base: *mut PyTypeObject) -> bool {
    let mut size = (*t).tp_basicsize;
    let bsize = (*base).tp_basicsize;
    if (*t).tp_itemsize != 0 || (*base).tp_itemsize != 0 {
        return size != bsize || (*t).tp_itemsize != (*base).tp_itemsize;
    }
    if (*t).has_flag(tpflags::HEAPTYPE) {
        if (*t).tp_weaklistoffset != 0 && (*base).tp_weaklistoffset == 0 && (*t).tp_weaklistoffset + 8 == size {
            size -= 8;
        }
        if (*t).tp_dictoffset != 0 && (*base).tp_dictoffset == 0 && (*t).tp_dictoffset + 8 == size {
            size -= 8;
        }
    }
    size != bsize
}

fn new_class(meta: *mut PyTypeObject, name: &Obj, bases: &Obj, ns: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let name_s = match pystr::as_str(name) {
        Some(s) if !s.contains('\0') => s.to_owned(),
        // As CPython: the name must encode to UTF-8 (surrogates raise).
        None if pystr::is_str(name) => {
            crate::types::str_methods::encode(name, "utf-8", None)?;
            crate::bail!(ValueError, "type name must not contain null characters")
        }
        _ => crate::bail!(ValueError, "type name must not contain null characters"),
    };
    let mut base_list = tuple::items(bases).to_vec();
    if base_list.is_empty() {
        base_list.push(type_obj(object_type()));
    }
    let base = best_base(&base_list)?;
    // As PyDict_Copy: a dict subclass with its own iteration order (an
    // OrderedDict) is copied in that order.
    let ns = {
        let d = dict::new();
        dict::merge(&d, ns, true)?;
        d
    };
    if let Some(cell) = dict::get_item_str(&ns, "__classcell__")? {
        if !crate::types::cell::is_cell(&cell) {
            crate::bail!(TypeError, "__classcell__ must be a nonlocal cell, not {}", crate::ops::repr_string(&cell.get_type())?);
        }
    }

    // __slots__
    let slots = dict::get_item_str(&ns, "__slots__")?;
    let mut slot_names: Vec<Obj> = Vec::new();
    let mut add_dict = unsafe { (*base).tp_dictoffset == 0 };
    let mut add_weak = unsafe { (*base).tp_weaklistoffset == 0 && (*base).tp_itemsize == 0 };
    if let Some(s) = &slots {
        let items = if pystr::is_str(s) { vec![s.clone()] } else { crate::ops::seq::to_vec(s)? };
        let mut want_dict = false;
        let mut want_weak = false;
        for it in items {
            if !pystr::is_str(&it) {
                crate::bail!(TypeError, "__slots__ items must be strings, not '{}'", it.ty().name());
            }
            let n = pystr::to_string_lossy(&it);
            if !crate::types::str_methods::is_identifier(&it) {
                crate::bail!(TypeError, "__slots__ must be identifiers");
            }
            if n == "__dict__" {
                if !add_dict || want_dict {
                    crate::bail!(TypeError, "__dict__ slot disallowed: we already got one");
                }
                want_dict = true;
                continue;
            }
            if n == "__weakref__" {
                if !add_weak || want_weak {
                    crate::bail!(TypeError, "__weakref__ slot disallowed: we already got one");
                }
                want_weak = true;
                continue;
            }
            let mangled = crate::types::str_methods::mangle(&name_s, &it);
            // The compiler puts __qualname__ and __classcell__ in every
            // namespace; both leave it below, so they are no class variables.
            let implicit = pystr::eq_str(&mangled, "__qualname__") || pystr::eq_str(&mangled, "__classcell__");
            if !implicit && dict::get_item(&ns, &mangled)?.is_some() {
                crate::bail!(
                    ValueError,
                    "'{}' in __slots__ conflicts with class variable",
                    pystr::to_string_lossy(&mangled)
                );
            }
            slot_names.push(pystr::intern_obj(&mangled));
        }
        // As CPython, counted before __dict__ and __weakref__ are taken out.
        if (!slot_names.is_empty() || want_dict || want_weak) && unsafe { (*base).tp_itemsize } != 0 {
            crate::bail!(TypeError, "nonempty __slots__ not supported for subtype of '{}'", unsafe { (*base).name() });
        }
        slot_names.sort_by(|a, b| pystr::cmp(a, b));
        let (may_add_dict, may_add_weak) = (add_dict, add_weak);
        add_dict = want_dict;
        add_weak = want_weak;
        // Secondary bases may provide the dict or the weakref list.
        for b in &base_list {
            let bt = as_type(b);
            if bt == base {
                continue;
            }
            unsafe {
                if may_add_dict && !add_dict && (*bt).tp_dictoffset != 0 {
                    add_dict = true;
                }
                if may_add_weak && !add_weak && (*bt).tp_weaklistoffset != 0 {
                    add_weak = true;
                }
            }
        }
    }

    unsafe {
        let nslots = slot_names.len();
        let t = alloc::alloc_object(meta, nslots as isize) as *mut PyTypeObject;
        if t.is_null() {
            crate::bail!(MemoryError, "");
        }
        let tobj = Obj::from_owned(t as *mut PyObject);
        let h = t as *mut PyHeapTypeObject;
        (*t).tp_as_async = &mut (*h).as_async;
        (*t).tp_as_number = &mut (*h).as_number;
        (*t).tp_as_sequence = &mut (*h).as_sequence;
        (*t).tp_as_mapping = &mut (*h).as_mapping;
        (*t).tp_as_buffer = &mut (*h).as_buffer;
        (*h).ht_name = pystr::intern_obj(name).into_raw();
        let cname = std::ffi::CString::new(name_s.clone()).unwrap().into_raw();
        (*h)._ht_tpname = cname;
        (*t).tp_name = cname;
        (*t).tp_flags = tpflags::DEFAULT | tpflags::HEAPTYPE | tpflags::BASETYPE | tpflags::HAVE_GC;
        (*t).tp_base = base;
        crate::object::incref(base as *mut PyObject);
        (*t).tp_bases = tuple::new(&base_list).into_raw();

        // Layout: base, then slots, then __dict__ and __weakref__ pointers.
        let mut size = (*base).tp_basicsize;
        (*t).tp_itemsize = (*base).tp_itemsize;
        let members = crate::types::member::slot_members(&slot_names, size);
        size += 8 * nslots as isize;
        if add_dict {
            if (*base).tp_itemsize != 0 {
                (*t).tp_dictoffset = -(8);
            } else {
                (*t).tp_dictoffset = size;
            }
            size += 8;
        }
        if add_weak {
            (*t).tp_weaklistoffset = size;
            size += 8;
        }
        (*t).tp_basicsize = size;
        (*t).tp_members = members;
        (*h).ht_slots = if slots.is_some() { tuple::new(&slot_names).into_raw() } else { null_mut() };

        // Namespace: qualname, doc, module, classcell.
        let qualname = match dict::get_item_str(&ns, "__qualname__")? {
            Some(q) => {
                if !pystr::is_str(&q) {
                    crate::bail!(TypeError, "type __qualname__ must be a str, not {}", q.ty().name());
                }
                dict::del_item_str(&ns, "__qualname__")?;
                q
            }
            None => name.clone(),
        };
        (*h).ht_qualname = qualname.into_raw();
        if dict::get_item_str(&ns, "__module__")?.is_none() {
            if let Some(g) = crate::eval::current_globals() {
                if let Some(m) = dict::get_item_str(&g, "__name__")? {
                    dict::set_item_str(&ns, "__module__", &m)?;
                }
            }
        }
        for special in ["__new__", "__init_subclass__", "__class_getitem__"] {
            if let Some(f) = dict::get_item_str(&ns, special)? {
                if crate::types::function::is_function(&f) {
                    let wrapped = if special == "__new__" {
                        crate::types::function::new_staticmethod(&f)
                    } else {
                        crate::types::function::new_classmethod(&f)
                    };
                    dict::set_item_str(&ns, special, &wrapped)?;
                }
            }
        }
        // A class defining __eq__ without __hash__ is unhashable.
        if dict::get_item_str(&ns, "__eq__")?.is_some() && dict::get_item_str(&ns, "__hash__")?.is_none() {
            dict::set_item_str(&ns, "__hash__", &none::none())?;
        }
        // The cell is filled before readying, so a metaclass's mro() can
        // already see __class__.
        if let Some(cell) = dict::get_item_str(&ns, "__classcell__")? {
            crate::types::cell::set(&cell, Some(tobj.clone()));
            dict::del_item_str(&ns, "__classcell__")?;
        }
        if let Some(doc) = dict::get_item_str(&ns, "__doc__")? {
            if pystr::is_str(&doc) {
                if pystr::as_str(&doc).is_none() {
                    // As CPython: the docstring must encode to UTF-8.
                    crate::types::str_methods::encode(&doc, "utf-8", None)?;
                }
                if let Some(s) = pystr::as_str(&doc) {
                    (*t).tp_doc = builtin_func::cstr(&s.replace('\0', ""));
                }
            }
        }
        (*t).tp_dict = ns.clone().into_raw();
        (*t).tp_dealloc = Some(subtype_dealloc);
        (*t).tp_traverse = Some(subtype_traverse);
        (*t).tp_clear = Some(subtype_clear);
        (*t).tp_alloc = Some(generic_alloc);
        (*t).tp_free = None;
        (*t).tp_getattro = None;
        (*t).tp_setattro = None;
        if add_dict {
            // As CPython's add_getset: a class attribute of that name wins.
            if dict::get_item_str(&ns, "__dict__")?.is_none() {
                dict::set_item_str(&ns, "__dict__", &crate::types::member::new_dict_descr(t))?;
            }
        }
        if add_weak {
            // As CPython's add_getset: a class attribute of that name wins.
            if dict::get_item_str(&ns, "__weakref__")?.is_none() {
                dict::set_item_str(&ns, "__weakref__", &crate::types::member::new_weakref_descr(t))?;
            }
        }
        ready(t)?;
        if (*t).tp_getattro.is_none() {
            (*t).tp_getattro = Some(generic_getattr_slot);
        }
        crate::types::slot_wrappers::fixup_slots(t);

        // __set_name__ on attributes, then the parent's __init_subclass__.
        let set_name = pystr::intern_static("__set_name__");
        for (k, v) in dict::items_vec(&ns) {
            if let Some(f) = lookup(v.type_ptr(), &set_name) {
                let r = crate::ops::call::call(&f, &[v.clone(), tobj.clone(), k.clone()], None);
                if let Err(e) = r {
                    // 3.11 wraps the error (3.12 adds a note instead).
                    let cause = crate::errors::take(e);
                    let wrapper = crate::types::exceptions::new_exception(
                        crate::types::exceptions::RuntimeError(),
                        &[pystr::new(&format!(
                            "Error calling __set_name__ on '{}' instance {} in '{}'",
                            v.ty().name(),
                            crate::ops::repr_string(&k)?,
                            name_s
                        ))],
                    )?;
                    crate::types::exceptions::set_context(&wrapper, Some(cause.clone()));
                    crate::types::exceptions::set_cause(&wrapper, Some(cause));
                    return Err(crate::errors::restore(wrapper));
                }
            }
        }
        init_subclass(&tobj, kwargs)?;
        Ok(tobj)
    }
}

/// Calls `super(cls, cls).__init_subclass__(**kwargs)`.
fn init_subclass(t: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let f = {
        let sup = crate::types::super_::new_super(t, Some(t), Some(t))?;
        crate::ops::attr::getattr(&sup, &pystr::intern_static("__init_subclass__"))?
    };
    let (args, kn) = crate::ops::call::kwargs_to_vector(&[], kwargs)?;
    crate::ops::call::call(&f, &args, kn.as_ref())?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Python-visible attributes and methods of `type`.

fn set_mro(_t: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    crate::bail!(AttributeError, "readonly attribute")
}

/// `C.__bases__ = (...)`: CPython's type_set_bases (checks, then the new
/// bases, base and MRO for the class and every subclass, restored if an
/// MRO cannot be computed). A metaclass's `mro()` may reenter here; the
/// outer call then leaves alone what the inner one changed.
fn set_bases(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    let tname = unsafe { (*tp).name().to_owned() };
    let v = match v {
        None => {
            check_settable(tp, "__bases__")?;
            crate::bail!(TypeError, "cannot delete '__bases__' attribute of immutable type '{}'", tname)
        }
        Some(v) => v,
    };
    check_settable(tp, "__bases__")?;
    crate::modules::sys::audit("object.__setattr__", &[t.clone(), pystr::new("__bases__"), v.clone()])?;
    if !tuple::is_tuple(v) {
        crate::bail!(TypeError, "can only assign tuple to {}.__bases__, not {}", tname, v.ty().name());
    }
    let bases = tuple::items(v).to_vec();
    if bases.is_empty() {
        crate::bail!(TypeError, "can only assign non-empty tuple to {}.__bases__, not ()", tname);
    }
    for b in &bases {
        if !is_type(b) {
            crate::bail!(TypeError, "{}.__bases__ must be tuple of classes, not '{}'", tname, b.ty().name());
        }
        // The tp_base chain catches cycles a reentrant assignment made
        // before the MROs were recomputed.
        if is_subtype(as_type(b), tp) || unsafe { !(*as_type(b)).tp_mro.is_null() && base_chain_contains(as_type(b), tp) } {
            crate::bail!(TypeError, "a __bases__ item causes an inheritance cycle");
        }
    }
    let new_base = best_base(&bases)?;
    unsafe {
        check_compatible_for_assignment((*tp).tp_base, new_base, "__bases__")?;
        // The type's references to its old bases tuple and base move here.
        let old_bases = Obj::from_owned((*tp).tp_bases);
        let old_base = Obj::from_owned((*tp).tp_base as *mut PyObject);
        (*tp).tp_bases = v.clone().into_raw();
        (*tp).tp_base = new_base;
        crate::object::incref(new_base as *mut PyObject);
        let mut undo: Vec<(Obj, Obj, Option<Obj>)> = Vec::new();
        if let Err(e) = remro_hierarchy(tp, &mut undo) {
            // Put back the MROs this call computed, unless a reentrant
            // call replaced them since.
            for (cls, new_mro, old_mro) in undo.into_iter().rev() {
                let c = as_type(&cls);
                if (*c).tp_mro == new_mro.as_ptr() {
                    (*c).tp_mro = old_mro.map(|m| m.into_raw()).unwrap_or(null_mut());
                    crate::object::decref(new_mro.as_ptr());
                    modified(c);
                }
            }
            if (*tp).tp_bases == v.as_ptr() {
                crate::object::decref((*tp).tp_bases);
                crate::object::decref((*tp).tp_base as *mut PyObject);
                (*tp).tp_bases = old_bases.into_raw();
                (*tp).tp_base = old_base.into_raw() as *mut PyTypeObject;
                modified(tp);
                crate::types::slot_wrappers::fixup_slots(tp);
            }
            return Err(e);
        }
        // A reentrant assignment already did the bookkeeping for its bases.
        if (*tp).tp_bases == v.as_ptr() {
            for b in tuple::items(&old_bases) {
                remove_subclass(as_type(b), tp);
            }
            for b in &bases {
                add_subclass(as_type(b), tp);
            }
        }
    }
    Ok(())
}

/// Whether `b`'s tp_base chain reaches `t`.
unsafe fn base_chain_contains(mut b: *mut PyTypeObject, t: *mut PyTypeObject) -> bool {
    while !b.is_null() {
        if b == t {
            return true;
        }
        b = (*b).tp_base;
    }
    t == object_type()
}

/// Recomputes the MRO and slots of `t` and of every class below it,
/// recording (class, new MRO, old MRO) for undoing. A class whose MRO a
/// reentrant call replaced meanwhile is left to that call.
unsafe fn remro_hierarchy(t: *mut PyTypeObject, undo: &mut Vec<(Obj, Obj, Option<Obj>)>) -> PyResult<()> {
    // Held so its address cannot be reused by a new MRO in the meantime.
    let old = crate::object::opt_from_borrowed((*t).tp_mro);
    let new_mro = compute_mro(t)?;
    if (*t).tp_mro != old.as_ref().map_or(null_mut(), |o| o.as_ptr()) {
        return Ok(());
    }
    (*t).tp_mro = new_mro.clone().into_raw();
    // The type's own reference to the old MRO now belongs to `undo`.
    if let Some(o) = &old {
        crate::object::decref(o.as_ptr());
    }
    undo.push((type_obj(t), new_mro, old));
    // New version first: the slots are derived by lookups along the new
    // MRO, which must not be answered from the cache of the old one.
    modified(t);
    crate::types::slot_wrappers::fixup_slots(t);
    // A copy: a custom mro() may change the subclasses while we walk them.
    let mut subs = Vec::new();
    if !(*t).tp_subclasses.is_null() {
        let d = Obj::borrow_slot(&*(&(*t).tp_subclasses as *const _ as *const *mut PyObject));
        for (_, w) in dict::items_vec(d) {
            if let Some(sub) = crate::types::weakref::get_referent(&w) {
                subs.push(sub);
            }
        }
    }
    for sub in subs {
        remro_hierarchy(as_type(&sub), undo)?;
    }
    Ok(())
}

fn get_name(t: &Obj) -> PyResult<Obj> {
    Ok(name(t))
}

fn set_name(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    check_settable(tp, "__name__")?;
    if let Some(v) = v {
        crate::modules::sys::audit("object.__setattr__", &[t.clone(), pystr::new("__name__"), v.clone()])?;
    }
    let v = match v {
        Some(v) if pystr::is_str(v) => v,
        Some(v) => crate::bail!(
            TypeError,
            "can only assign string to {}.__name__, not '{}'",
            unsafe { (*tp).name() },
            v.ty().name()
        ),
        None => crate::bail!(TypeError, "cannot delete '__name__' attribute of immutable type '{}'", unsafe { (*tp).name() }),
    };
    let s = match pystr::as_str(v) {
        Some(s) if !s.contains('\0') => s.to_owned(),
        None => {
            crate::types::str_methods::encode(v, "utf-8", None)?;
            crate::bail!(ValueError, "type name must not contain null characters")
        }
        _ => crate::bail!(ValueError, "type name must not contain null characters"),
    };
    unsafe {
        let h = tp as *mut PyHeapTypeObject;
        let c = std::ffi::CString::new(s).unwrap().into_raw();
        let old = (*h)._ht_tpname;
        (*h)._ht_tpname = c;
        (*tp).tp_name = c;
        if !old.is_null() {
            drop(std::ffi::CString::from_raw(old));
        }
        crate::object::xsetref(&mut (*h).ht_name, v.clone().into_raw());
    }
    Ok(())
}

fn check_settable(tp: *mut PyTypeObject, attr: &str) -> PyResult<()> {
    unsafe {
        if !(*tp).has_flag(tpflags::HEAPTYPE) || (*tp).has_flag(tpflags::IMMUTABLETYPE) {
            crate::bail!(TypeError, "cannot set '{}' attribute of immutable type '{}'", attr, (*tp).name());
        }
    }
    Ok(())
}

fn get_qualname(t: &Obj) -> PyResult<Obj> {
    qualname(t)
}

fn set_qualname(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    check_settable(tp, "__qualname__")?;
    match v {
        Some(v) if pystr::is_str(v) => unsafe {
            let h = tp as *mut PyHeapTypeObject;
            crate::object::xsetref(&mut (*h).ht_qualname, v.clone().into_raw());
            Ok(())
        },
        Some(v) => crate::bail!(
            TypeError,
            "can only assign string to {}.__qualname__, not '{}'",
            unsafe { (*tp).name() },
            v.ty().name()
        ),
        None => crate::bail!(TypeError, "cannot delete '__qualname__' attribute of immutable type '{}'", unsafe { (*tp).name() }),
    }
}

fn get_module(t: &Obj) -> PyResult<Obj> {
    module_name(t)
}

fn set_module(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    check_settable(tp, "__module__")?;
    let d = type_dict(tp);
    match v {
        Some(v) => dict::set_item_str(d, "__module__", v)?,
        None => {
            dict::del_item_str(d, "__module__")?;
        }
    }
    modified(tp);
    Ok(())
}

fn get_bases(t: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed((*as_type(t)).tp_bases) })
}

fn get_base(t: &Obj) -> PyResult<Obj> {
    let b = unsafe { (*as_type(t)).tp_base };
    Ok(if b.is_null() { none::none() } else { type_obj(b) })
}

fn get_mro(t: &Obj) -> PyResult<Obj> {
    let m = unsafe { (*as_type(t)).tp_mro };
    Ok(if m.is_null() { none::none() } else { unsafe { Obj::from_borrowed(m) } })
}

fn get_dict(t: &Obj) -> PyResult<Obj> {
    crate::types::mappingproxy::new(type_dict(as_type(t)))
}

/// The type's tp_doc as text (None when it has none).
unsafe fn internal_doc(t: *mut PyTypeObject) -> Option<String> {
    if (*t).tp_doc.is_null() {
        None
    } else {
        Some(std::ffi::CStr::from_ptr((*t).tp_doc).to_string_lossy().into_owned())
    }
}

/// tp_name after its last dot (the name a signature in tp_doc starts with).
unsafe fn short_name(t: *mut PyTypeObject) -> &'static str {
    let full: &'static str = (*t).full_name();
    match full.rfind('.') {
        Some(i) => &full[i + 1..],
        None => full,
    }
}

/// `__text_signature__`: the signature a builtin type's tp_doc starts with
/// (`object()`), else None.
fn get_text_signature(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    unsafe {
        let Some(d) = internal_doc(tp) else { return Ok(none::none()) };
        Ok(match builtin_func::split_signature(short_name(tp), &d).0 {
            Some(sig) => pystr::new(sig),
            None => none::none(),
        })
    }
}

fn get_doc(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    let d = type_dict(tp);
    match dict::get_item_str(d, "__doc__")? {
        Some(doc) => {
            if let Some(g) = doc.ty().tp_descr_get {
                return unsafe { crate::types::slots::from_ret(g(doc.as_ptr(), null_mut(), t.as_ptr())) };
            }
            Ok(doc)
        }
        None => Ok(none::none()),
    }
}

fn set_doc(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    check_settable(tp, "__doc__")?;
    match v {
        Some(v) => dict::set_item_str(type_dict(tp), "__doc__", v)?,
        None => crate::bail!(TypeError, "cannot delete '__doc__' attribute of immutable type '{}'", unsafe { (*tp).name() }),
    }
    modified(tp);
    Ok(())
}

fn get_basicsize(t: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(unsafe { (*as_type(t)).tp_basicsize } as i64))
}

fn get_itemsize(t: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(unsafe { (*as_type(t)).tp_itemsize } as i64))
}

fn get_flags(t: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(unsafe { (*as_type(t)).tp_flags } as i64))
}

fn get_dictoffset(t: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(unsafe { (*as_type(t)).tp_dictoffset } as i64))
}

fn get_weakrefoffset(t: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(unsafe { (*as_type(t)).tp_weaklistoffset } as i64))
}

fn get_abstractmethods(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    if tp != type_type() {
        if let Some(v) = dict::get_item_str(type_dict(tp), "__abstractmethods__")? {
            return Ok(v);
        }
    }
    crate::bail!(AttributeError, "__abstractmethods__")
}

fn set_abstractmethods(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    let d = type_dict(tp);
    let abstract_ = match v {
        Some(v) => {
            dict::set_item_str(d, "__abstractmethods__", v)?;
            crate::ops::truthy(v)?
        }
        None => {
            if !dict::del_item_opt(d, &pystr::intern_static("__abstractmethods__"))? {
                crate::bail!(AttributeError, "__abstractmethods__");
            }
            false
        }
    };
    unsafe {
        if abstract_ {
            (*tp).tp_flags |= tpflags::IS_ABSTRACT;
        } else {
            (*tp).tp_flags &= !tpflags::IS_ABSTRACT;
        }
    }
    modified(tp);
    Ok(())
}

fn get_annotations(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    let d = type_dict(tp);
    if let Some(a) = dict::get_item_str(d, "__annotations__")? {
        if let Some(g) = a.ty().tp_descr_get {
            return unsafe { crate::types::slots::from_ret(g(a.as_ptr(), null_mut(), t.as_ptr())) };
        }
        return Ok(a);
    }
    if unsafe { !(*tp).has_flag(tpflags::HEAPTYPE) } {
        crate::bail!(AttributeError, "type object '{}' has no attribute '__annotations__'", unsafe { (*tp).name() });
    }
    let a = dict::new();
    dict::set_item_str(d, "__annotations__", &a)?;
    modified(tp);
    Ok(a)
}

fn set_annotations(t: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let tp = as_type(t);
    check_settable(tp, "__annotations__")?;
    let d = type_dict(tp);
    match v {
        Some(v) => dict::set_item_str(d, "__annotations__", v)?,
        None => {
            if !dict::del_item_opt(d, &pystr::intern_static("__annotations__"))? {
                crate::bail!(AttributeError, "__annotations__");
            }
        }
    }
    modified(tp);
    Ok(())
}

fn type_repr(t: &Obj) -> PyResult<Obj> {
    let tp = as_type(t);
    let m = module_name(t).ok();
    let q = qualname(t)?;
    let q = pystr::to_string_lossy(&q);
    match m {
        Some(m) if pystr::is_str(&m) && !pystr::eq_str(&m, "builtins") => {
            Ok(pystr::new(&format!("<class '{}.{}'>", pystr::to_string_lossy(&m), q)))
        }
        _ => {
            let _ = tp;
            Ok(pystr::new(&format!("<class '{}'>", q)))
        }
    }
}
crate::unary_slot!(type_repr_slot => type_repr);

fn type_mro_method(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("type.mro", args, kw, 0, 0)?;
    Ok(list::from_vec(c3_mro(as_type(slf))?))
}

fn type_subclasses(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("type.__subclasses__", args, kw, 0, 0)?;
    Ok(list::from_vec(subclasses(as_type(slf))))
}

/// The live direct subclasses of `tp` (what `type.__subclasses__` returns).
pub fn subclasses(tp: *mut PyTypeObject) -> Vec<Obj> {
    let mut out = Vec::new();
    unsafe {
        if !(*tp).tp_subclasses.is_null() {
            let d = Obj::borrow_slot(&*(&(*tp).tp_subclasses as *const _ as *const *mut PyObject));
            for (_, w) in dict::items_vec(d) {
                if let Some(s) = crate::types::weakref::get_referent(&w) {
                    out.push(s);
                }
            }
        }
    }
    out
}

fn type_instancecheck(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("type.__instancecheck__", args, kw, 1, 1)?;
    Ok(crate::types::bool_::from_bool(crate::ops::isinstance::recursive_isinstance(&args[0], slf)?))
}

fn type_subclasscheck(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("type.__subclasscheck__", args, kw, 1, 1)?;
    Ok(crate::types::bool_::from_bool(crate::ops::isinstance::recursive_issubclass(&args[0], slf)?))
}

fn type_prepare(_slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(dict::new())
}

fn type_dir(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("type.__dir__", args, kw, 0, 0)?;
    let d = dict::new();
    for t in mro(as_type(slf)).iter().rev() {
        dict::update(&d, type_dict(as_type(t)))?;
    }
    Ok(list::from_vec(dict::keys_vec(&d)))
}

fn type_sizeof(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    let tp = as_type(slf);
    let size = unsafe {
        if (*tp).has_flag(tpflags::HEAPTYPE) {
            std::mem::size_of::<PyHeapTypeObject>() + 8 * tuple_len_or0((*(tp as *mut PyHeapTypeObject)).ht_slots)
        } else {
            std::mem::size_of::<PyTypeObject>()
        }
    };
    Ok(crate::types::int::from_usize(size))
}

fn tuple_len_or0(p: *mut PyObject) -> usize {
    if p.is_null() {
        0
    } else {
        tuple::len(unsafe { Obj::borrow_slot(&p) })
    }
}

fn type_init(_slf: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let n = tuple::len(args);
    if let Some(k) = kwargs {
        if n == 1 && dict::len(k) != 0 {
            crate::bail!(TypeError, "type.__init__() takes no keyword arguments");
        }
    }
    if n != 1 && n != 3 {
        crate::bail!(TypeError, "type.__init__() takes 1 or 3 arguments");
    }
    Ok(())
}
crate::init_slot!(type_init_slot => type_init);

pub fn init_types() {
    unsafe {
        let t = type_type();
        init_static(t, "type", std::mem::size_of::<PyHeapTypeObject>(), std::mem::size_of::<crate::object::PyMemberDef>());
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE | tpflags::TYPE_SUBCLASS | tpflags::HAVE_VECTORCALL;
        (*t).tp_dealloc = Some(type_dealloc);
        (*t).tp_traverse = Some(type_traverse);
        (*t).tp_clear = Some(type_clear);
        (*t).tp_getattro = Some(type_getattro_slot);
        (*t).tp_setattro = Some(type_setattro_slot);
        (*t).tp_call = Some(type_tp_call);
        (*t).tp_vectorcall = Some(type_vectorcall);
        (*t).tp_vectorcall_offset = std::mem::offset_of!(PyTypeObject, tp_vectorcall) as isize;
        (*t).tp_repr = Some(type_repr_slot);
        (*t).tp_new = Some(type_new_slot);
        (*t).tp_init = Some(type_init_slot);
        (*t).tp_alloc = Some(generic_alloc);
        (*t).tp_dictoffset = std::mem::offset_of!(PyTypeObject, tp_dict) as isize;
        (*t).tp_weaklistoffset = std::mem::offset_of!(PyTypeObject, tp_weaklist) as isize;
        (*t).tp_methods = builtin_func::method_table(&[
            MethodSpec { name: "mro", f: type_mro_method, flags: 0, doc: "mro($self, /)\n--\n\nReturn a type's method resolution order." },
            builtin_func::method("__subclasses__", type_subclasses),
            builtin_func::method("__instancecheck__", type_instancecheck),
            builtin_func::method("__subclasscheck__", type_subclasscheck),
            builtin_func::classmethod("__prepare__", type_prepare),
            builtin_func::method("__dir__", type_dir),
            builtin_func::method("__sizeof__", type_sizeof),
        ]);
        (*t).tp_getset = getset::getset_table(&[
            GetSetSpec::get_set("__name__", get_name, set_name),
            GetSetSpec::get_set("__qualname__", get_qualname, set_qualname),
            GetSetSpec::get_set("__bases__", get_bases, set_bases),
            GetSetSpec::get("__base__", get_base),
            GetSetSpec::get_set("__mro__", get_mro, set_mro),
            GetSetSpec::get_set("__module__", get_module, set_module),
            GetSetSpec::get_set("__abstractmethods__", get_abstractmethods, set_abstractmethods),
            GetSetSpec::get("__dict__", get_dict),
            GetSetSpec::get_set("__doc__", get_doc, set_doc),
            GetSetSpec::get("__text_signature__", get_text_signature),
            GetSetSpec::get_set("__annotations__", get_annotations, set_annotations),
            GetSetSpec::get("__basicsize__", get_basicsize),
            GetSetSpec::get("__itemsize__", get_itemsize),
            GetSetSpec::get("__flags__", get_flags),
            GetSetSpec::get("__dictoffset__", get_dictoffset),
            GetSetSpec::get("__weakrefoffset__", get_weakrefoffset),
        ]);
    }
}

/// tp_traverse of instances of classes: the type, the instance dict, the
/// `__slots__` values, then whatever the nearest static base holds.
pub unsafe extern "C" fn subtype_traverse(
    p: *mut PyObject,
    visit: crate::object::VisitProc,
    arg: *mut std::os::raw::c_void,
) -> i32 {
    let tp = (*p).ob_type;
    let r = visit(tp as *mut PyObject, arg);
    if r != 0 {
        return r;
    }
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    if !base_owns_dict(tp) {
        if let Some(slot) = dict_slot(&o) {
            if !(*slot).is_null() {
                let r = visit(*slot, arg);
                if r != 0 {
                    return r;
                }
            }
        }
    }
    let mut t = tp;
    while !t.is_null() && (*t).has_flag(tpflags::HEAPTYPE) {
        let mut m = (*t).tp_members;
        if !m.is_null() {
            while !(*m).name.is_null() {
                if (*m).type_code == crate::types::member::code::OBJECT_EX {
                    let v = *((p as *mut u8).offset((*m).offset) as *mut *mut PyObject);
                    if !v.is_null() {
                        let r = visit(v, arg);
                        if r != 0 {
                            return r;
                        }
                    }
                }
                m = m.add(1);
            }
        }
        t = (*t).tp_base;
    }
    if !t.is_null() {
        if let Some(bt) = (*t).tp_traverse {
            return bt(p, visit, arg);
        }
    }
    0
}

/// Whether the instance dict of `tp`'s instances belongs to its nearest
/// static base (a class's `tp_dict` for metaclasses), whose own traverse
/// and clear look after it.
unsafe fn base_owns_dict(tp: *mut PyTypeObject) -> bool {
    let mut t = tp;
    while !t.is_null() && (*t).has_flag(tpflags::HEAPTYPE) {
        t = (*t).tp_base;
    }
    !t.is_null() && t == type_type() && (*t).tp_dictoffset == (*tp).tp_dictoffset
}

/// tp_clear of instances of classes.
pub unsafe extern "C" fn subtype_clear(p: *mut PyObject) -> i32 {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let mut t = (*p).ob_type;
    while !t.is_null() && (*t).has_flag(tpflags::HEAPTYPE) {
        crate::types::member::clear_slots(t, p);
        t = (*t).tp_base;
    }
    if !base_owns_dict((*p).ob_type) {
        if let Some(slot) = dict_slot(&o) {
            let d = std::mem::replace(&mut *slot, null_mut());
            crate::object::xdecref(d);
        }
    }
    if !t.is_null() {
        if let Some(bc) = (*t).tp_clear {
            return bc(p);
        }
    }
    0
}

/// PyType_GenericNew: allocates an instance and ignores the arguments
/// (tp_init takes them).
pub unsafe extern "C" fn generic_new(t: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    crate::types::slots::ret(alloc_instance(t, 0))
}

/// tp_traverse of static types whose only reference is their `__dict__`.
pub unsafe extern "C" fn subtype_traverse_dict_only(
    p: *mut PyObject,
    visit: crate::object::VisitProc,
    arg: *mut std::os::raw::c_void,
) -> i32 {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    if let Some(slot) = dict_slot(&o) {
        if !(*slot).is_null() {
            return visit(*slot, arg);
        }
    }
    0
}

/// The end of a builtin type's tp_dealloc (CPython's tp_free): frees the
/// memory. For an instance of a subclass, `subtype_dealloc` has already
/// cleared what the subclass added and releases the reference to the type
/// after this returns, so nothing more is done here.
///
/// # Safety
/// `p` must be an object whose own fields were already released.
pub unsafe fn free_instance(p: *mut PyObject) {
    alloc::free_object(p);
}
