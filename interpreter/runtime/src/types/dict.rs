//! `dict`: CPython's PyDictObject header (ma_used, ma_version_tag — changed
//! by every mutation, Cython reads it — ma_keys, ma_values) over krait's own
//! compact table: an index array probed with CPython's perturbation scheme
//! and an insertion-ordered entry array.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, classmethod, method, method_table};
use crate::types::{bool_, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::os::raw::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicU64, Ordering};

#[repr(C)]
pub struct PyDictObject {
    pub ob_base: PyObject,
    pub ma_used: isize,
    pub ma_version_tag: u64,
    pub ma_keys: *mut Table,
    pub ma_values: *mut c_void,
}

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;

pub struct Entry {
    pub hash: isize,
    pub key: *mut PyObject,
    pub value: *mut PyObject,
}

pub struct Table {
    indices: Vec<i32>,
    pub entries: Vec<Entry>,
    /// Entries (live or deleted) the table may hold before it must grow.
    usable: usize,
    /// Unique per table built: a lookup whose comparison ran Python code
    /// restarts only if the table was rebuilt (CPython's `dk` check) or its
    /// entry changed, not merely because entries were added.
    generation: u64,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let mut size = 8;
        while size * 2 < n * 3 {
            size *= 2;
        }
        let generation = TABLE_GENERATION.fetch_add(1, Ordering::Relaxed);
        // The entries get room for every usable one at the first insert
        // (`reserve_entries`), as CPython sizes dk_entries: growing them by
        // doubling would copy them within one table. A table never filled
        // (an empty instance dict) allocates none.
        Table { indices: vec![EMPTY; size], entries: Vec::new(), usable: size * 2 / 3, generation }
    }
}

static VERSION: AtomicU64 = AtomicU64::new(1);
static TABLE_GENERATION: AtomicU64 = AtomicU64::new(1);

#[no_mangle]
pub static mut PyDict_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyDict_Type
}

#[inline]
pub fn is_dict(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::DICT_SUBCLASS)
}

#[inline]
pub fn is_exact_dict(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
fn raw(o: &Obj) -> &mut PyDictObject {
    unsafe { o.cast_mut::<PyDictObject>() }
}

#[inline]
fn table(o: &Obj) -> &mut Table {
    let d = raw(o);
    if d.ma_keys.is_null() {
        d.ma_keys = Box::into_raw(Box::new(Table::with_capacity(0)));
    }
    unsafe { &mut *d.ma_keys }
}

#[inline]
fn bump(o: &Obj) {
    raw(o).ma_version_tag = VERSION.fetch_add(1, Ordering::Relaxed);
}

pub fn version(o: &Obj) -> u64 {
    raw(o).ma_version_tag
}

#[inline]
pub fn len(o: &Obj) -> usize {
    raw(o).ma_used as usize
}

pub fn new() -> Obj {
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut PyDictObject;
        assert!(!p.is_null(), "out of memory allocating a dict");
        (*p).ma_version_tag = VERSION.fetch_add(1, Ordering::Relaxed);
        // Tracked only once it holds something that may be (maintain_tracking).
        crate::gc::untrack(p as *mut PyObject);
        Obj::from_owned(p as *mut PyObject)
    }
}

/// CPython's MAINTAIN_TRACKING: an untracked dict starts being tracked
/// when a key or value that may be tracked goes in.
#[inline]
fn maintain_tracking(o: &Obj, key: &Obj, value: &Obj) {
    if !crate::gc::is_tracked(o.as_ptr()) && (crate::gc::may_be_tracked(key.as_ptr()) || crate::gc::may_be_tracked(value.as_ptr())) {
        unsafe { crate::gc::retrack(o.as_ptr()) };
    }
}

/// Whether no key or value may be tracked (the collector then untracks an
/// exact dict, as _PyDict_MaybeUntrack).
pub fn holds_only_untrackable(o: &Obj) -> bool {
    let d = raw(o);
    if d.ma_keys.is_null() {
        return true;
    }
    unsafe {
        (*d.ma_keys)
            .entries
            .iter()
            .all(|e| e.key.is_null() || (!crate::gc::may_be_tracked(e.key) && !crate::gc::may_be_tracked(e.value)))
    }
}

enum Found {
    /// Entry index.
    At(usize),
    /// Not present; slot in `indices` where it would go.
    Missing(usize),
}

/// Looks `key` up. Comparisons may run Python code that changes the dict;
/// the lookup restarts if the table changed under it.
fn lookup(o: &Obj, key: &Obj, hash: isize) -> PyResult<Found> {
    'restart: loop {
        let t = table(o);
        let mask = t.indices.len() - 1;
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        let mut free: Option<usize> = None;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return Ok(Found::Missing(free.unwrap_or(i)));
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(i);
                }
            } else {
                let e = &t.entries[ix as usize];
                if e.key == key.as_ptr() {
                    return Ok(Found::At(ix as usize));
                }
                if e.hash == hash {
                    let ek = unsafe { Obj::from_borrowed(e.key) };
                    if pystr::is_exact_str(&ek) && pystr::is_exact_str(key) {
                        if pystr::eq(&ek, key) {
                            return Ok(Found::At(ix as usize));
                        }
                    } else {
                        let before = (raw(o).ma_keys, t.generation);
                        let eq = crate::ops::eq(&ek, key)?;
                        let t2 = table(o);
                        if (raw(o).ma_keys, t2.generation) != before || t2.entries.get(ix as usize).map(|e| e.key) != Some(ek.as_ptr()) {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Found::At(ix as usize));
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }
}

fn resize(o: &Obj, min_used: usize) {
    let t = table(o);
    let mut nt = Table::with_capacity(min_used.max(1) * 3 / 2 + 1);
    nt.entries.reserve_exact(nt.usable);
    let old = std::mem::take(&mut t.entries);
    for e in old {
        if e.key.is_null() {
            continue;
        }
        let mask = nt.indices.len() - 1;
        let mut i = (e.hash as usize) & mask;
        let mut perturb = e.hash as usize;
        while nt.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        nt.indices[i] = nt.entries.len() as i32;
        nt.entries.push(e);
    }
    *t = nt;
}

pub fn get_item_known_hash(o: &Obj, key: &Obj, hash: isize) -> PyResult<Option<Obj>> {
    match lookup(o, key, hash)? {
        Found::At(ix) => Ok(Some(unsafe { Obj::from_borrowed(table(o).entries[ix].value) })),
        Found::Missing(_) => Ok(None),
    }
}

pub fn get_item(o: &Obj, key: &Obj) -> PyResult<Option<Obj>> {
    let h = crate::ops::hash(key)?;
    get_item_known_hash(o, key, h)
}

/// Lookup without running Python code for str keys (LOAD_GLOBAL, type
/// attribute lookup): a borrowed pointer, or None (errors are cleared).
pub fn get_item_borrowed(o: &Obj, key: &Obj) -> Option<*mut PyObject> {
    let h = match crate::ops::hash(key) {
        Ok(h) => h,
        Err(_) => {
            crate::errors::clear();
            return None;
        }
    };
    match lookup(o, key, h) {
        Ok(Found::At(ix)) => Some(table(o).entries[ix].value),
        Ok(Found::Missing(_)) => None,
        Err(_) => {
            crate::errors::clear();
            None
        }
    }
}

/// `get_item_borrowed` for an exact str key (type dicts, namespaces): the
/// probe compares str entries directly and runs no Python code, so it needs
/// none of the general lookup's error and restart handling. A non-str key
/// with the same hash sends it to the general lookup.
pub fn get_str_borrowed(o: &Obj, key: &Obj) -> Option<*mut PyObject> {
    debug_assert!(pystr::is_exact_str(key));
    let d = raw(o);
    if d.ma_keys.is_null() {
        return None;
    }
    let t = unsafe { &*d.ma_keys };
    let hash = pystr::hash(key);
    let mask = t.indices.len() - 1;
    let mut i = (hash as usize) & mask;
    let mut perturb = hash as usize;
    loop {
        let ix = t.indices[i];
        if ix == EMPTY {
            return None;
        }
        if ix != DUMMY {
            let e = &t.entries[ix as usize];
            if e.key == key.as_ptr() {
                return Some(e.value);
            }
            if e.hash == hash {
                let ek = unsafe { Obj::borrow_slot(&e.key) };
                if !pystr::is_exact_str(ek) {
                    return get_item_borrowed(o, key);
                }
                if pystr::eq(ek, key) {
                    return Some(e.value);
                }
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

pub fn get_item_str(o: &Obj, key: &str) -> PyResult<Option<Obj>> {
    get_item(o, &pystr::intern(key))
}

pub fn set_item_known_hash(o: &Obj, key: &Obj, hash: isize, value: &Obj) -> PyResult<()> {
    match lookup(o, key, hash)? {
        Found::At(ix) => {
            let e = &mut table(o).entries[ix];
            let old = std::mem::replace(&mut e.value, value.clone().into_raw());
            bump(o);
            maintain_tracking(o, key, value);
            unsafe { crate::object::decref(old) };
        }
        Found::Missing(slot) => insert_new(o, key, hash, value, slot),
    }
    Ok(())
}

/// Adds a key just looked up and found missing (`slot` from that lookup).
/// A resize places it without comparing keys again, as CPython.
fn insert_new(o: &Obj, key: &Obj, hash: isize, value: &Obj, slot: usize) {
    let t = table(o);
    let slot = if t.entries.len() >= t.usable {
        resize(o, len(o) + 1);
        empty_slot(table(o), hash)
    } else {
        slot
    };
    let t = table(o);
    if t.entries.capacity() == 0 {
        t.entries.reserve_exact(t.usable);
    }
    t.indices[slot] = t.entries.len() as i32;
    t.entries.push(Entry { hash, key: key.clone().into_raw(), value: value.clone().into_raw() });
    raw(o).ma_used += 1;
    bump(o);
    maintain_tracking(o, key, value);
}

/// The first free index slot on `hash`'s probe path in a fresh table.
fn empty_slot(t: &Table, hash: isize) -> usize {
    let mask = t.indices.len() - 1;
    let mut i = (hash as usize) & mask;
    let mut perturb = hash as usize;
    while t.indices[i] != EMPTY {
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
    i
}

pub fn set_item(o: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    let h = crate::ops::hash(key)?;
    set_item_known_hash(o, key, h, value)
}

pub fn set_item_str(o: &Obj, key: &str, value: &Obj) -> PyResult<()> {
    set_item(o, &pystr::intern(key), value)
}

/// Removes `key`; false when it was absent.
pub fn del_item_opt(o: &Obj, key: &Obj) -> PyResult<bool> {
    let h = crate::ops::hash(key)?;
    Ok(pop_known_hash(o, key, h)?.is_some())
}

pub fn pop_known_hash(o: &Obj, key: &Obj, hash: isize) -> PyResult<Option<Obj>> {
    match lookup(o, key, hash)? {
        Found::At(ix) => {
            let t = table(o);
            // Find the index slot pointing at ix.
            let mask = t.indices.len() - 1;
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as usize;
            while t.indices[i] != ix as i32 {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
            t.indices[i] = DUMMY;
            let e = &mut t.entries[ix];
            let k = std::mem::replace(&mut e.key, null_mut());
            let v = std::mem::replace(&mut e.value, null_mut());
            raw(o).ma_used -= 1;
            bump(o);
            unsafe {
                crate::object::decref(k);
                Ok(Some(Obj::from_owned(v)))
            }
        }
        Found::Missing(_) => Ok(None),
    }
}

pub fn del_item(o: &Obj, key: &Obj) -> PyResult<()> {
    if !del_item_opt(o, key)? {
        return Err(crate::errors::raise_with(crate::types::exceptions::KeyError(), &[key.clone()]));
    }
    Ok(())
}

pub fn del_item_str(o: &Obj, key: &str) -> PyResult<()> {
    del_item(o, &pystr::intern(key))
}

/// The entry at position `*pos` or later (PyDict_Next); advances `*pos`.
pub fn next_entry(o: &Obj, pos: &mut usize) -> Option<(Obj, Obj)> {
    let t = table(o);
    while *pos < t.entries.len() {
        let e = &t.entries[*pos];
        *pos += 1;
        if !e.key.is_null() {
            return unsafe { Some((Obj::from_borrowed(e.key), Obj::from_borrowed(e.value))) };
        }
    }
    None
}

/// As `next_entry`, with the stored hash (_PyDict_Next).
pub fn next_entry_hash(o: &Obj, pos: &mut usize) -> Option<(Obj, Obj, isize)> {
    let t = table(o);
    while *pos < t.entries.len() {
        let e = &t.entries[*pos];
        *pos += 1;
        if !e.key.is_null() {
            return unsafe { Some((Obj::from_borrowed(e.key), Obj::from_borrowed(e.value), e.hash)) };
        }
    }
    None
}

/// Entries used so far, deleted ones included (CPython's dk_nentries).
pub fn entries_len(o: &Obj) -> usize {
    let d = raw(o);
    if d.ma_keys.is_null() {
        0
    } else {
        unsafe { (*d.ma_keys).entries.len() }
    }
}

pub fn items_vec(o: &Obj) -> Vec<(Obj, Obj)> {
    let mut v = Vec::with_capacity(len(o));
    let mut pos = 0;
    while let Some(kv) = next_entry(o, &mut pos) {
        v.push(kv);
    }
    v
}

pub fn keys_vec(o: &Obj) -> Vec<Obj> {
    items_vec(o).into_iter().map(|(k, _)| k).collect()
}

pub fn values_vec(o: &Obj) -> Vec<Obj> {
    items_vec(o).into_iter().map(|(_, v)| v).collect()
}

pub fn clear(o: &Obj) {
    let d = raw(o);
    if d.ma_keys.is_null() {
        return;
    }
    let t = unsafe { Box::from_raw(std::mem::replace(&mut d.ma_keys, null_mut())) };
    d.ma_used = 0;
    bump(o);
    for e in t.entries {
        unsafe {
            crate::object::xdecref(e.key);
            crate::object::xdecref(e.value);
        }
    }
}

pub fn copy(o: &Obj) -> PyResult<Obj> {
    let d = new();
    for (k, v) in items_vec(o) {
        set_item(&d, &k, &v)?;
    }
    Ok(d)
}

/// `d.update(other)`: from a dict, a mapping with keys(), or pairs.
pub fn update(o: &Obj, other: &Obj) -> PyResult<()> {
    merge(o, other, true)
}

pub fn merge(o: &Obj, other: &Obj, overwrite: bool) -> PyResult<()> {
    if is_dict(other) && other.ty().tp_iter == unsafe { PyDict_Type.tp_iter } {
        if other.as_ptr() == o.as_ptr() {
            return Ok(());
        }
        // The stored hashes are reused; comparisons may run code that
        // changes `other`, which ends the update as in CPython.
        let n = entries_len(other);
        let mut pos = 0;
        while pos < n {
            let Some((k, v, h)) = next_entry_hash(other, &mut pos) else { break };
            if overwrite || get_item_known_hash(o, &k, h)?.is_none() {
                set_item_known_hash(o, &k, h, &v)?;
            }
            if entries_len(other) != n {
                crate::bail!(RuntimeError, "dict mutated during update");
            }
        }
        return Ok(());
    }
    if let Some(keys) = crate::ops::attr::getattr_opt(other, &pystr::intern_static("keys"))? {
        let ks = crate::ops::seq::to_vec(&crate::ops::call::call(&keys, &[], None)?)?;
        for k in ks {
            if !overwrite && get_item(o, &k)?.is_some() {
                continue;
            }
            let v = crate::ops::seq::getitem(other, &k)?;
            set_item(o, &k, &v)?;
        }
        return Ok(());
    }
    let it = crate::ops::iter(other)?;
    let mut n = 0;
    while let Some(pair) = crate::ops::next(&it)? {
        let kv = match crate::ops::seq::to_vec(&pair) {
            Ok(v) => v,
            Err(e) => {
                if crate::errors::matches(crate::types::exceptions::TypeError()) {
                    crate::errors::clear();
                    crate::bail!(TypeError, "cannot convert dictionary update sequence element #{} to a sequence", n);
                }
                return Err(e);
            }
        };
        if kv.len() != 2 {
            crate::bail!(
                ValueError,
                "dictionary update sequence element #{} has length {}; 2 is required",
                n,
                kv.len()
            );
        }
        if overwrite || get_item(o, &kv[0])?.is_none() {
            set_item(o, &kv[0], &kv[1])?;
        }
        n += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Slots.

unsafe extern "C" fn dict_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    clear(&o);
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn dict_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let d = &*(p as *const PyDictObject);
    if d.ma_keys.is_null() {
        return 0;
    }
    for e in &(*d.ma_keys).entries {
        for x in [e.key, e.value] {
            if !x.is_null() {
                let r = visit(x, arg);
                if r != 0 {
                    return r;
                }
            }
        }
    }
    0
}

unsafe extern "C" fn dict_clear_slot(p: *mut PyObject) -> i32 {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    clear(&o);
    0
}

fn dict_len(o: &Obj) -> PyResult<usize> {
    Ok(len(o))
}
crate::len_slot!(dict_len_slot => dict_len);

fn dict_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    if let Some(v) = get_item(o, key)? {
        return Ok(v);
    }
    if !is_exact_dict(o) {
        if let Some(m) = crate::types::type_::lookup_str(o.type_ptr(), "__missing__") {
            let bound = match m.ty().tp_descr_get {
                Some(g) => unsafe { crate::types::slots::from_ret(g(m.as_ptr(), o.as_ptr(), o.type_ptr() as *mut PyObject))? },
                None => m,
            };
            return crate::ops::call::call(&bound, &[key.clone()], None);
        }
    }
    Err(crate::errors::raise_with(crate::types::exceptions::KeyError(), &[key.clone()]))
}
crate::binary_slot!(dict_subscript_slot => dict_subscript);

fn dict_ass_subscript(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => set_item(o, key, v),
        None => del_item(o, key),
    }
}
crate::setter_slot!(dict_ass_subscript_slot => dict_ass_subscript);

fn dict_contains(o: &Obj, key: &Obj) -> PyResult<bool> {
    Ok(get_item(o, key)?.is_some())
}
crate::contains_slot!(dict_contains_slot => dict_contains);

fn dict_repr(o: &Obj) -> PyResult<Obj> {
    if len(o) == 0 {
        return Ok(pystr::new("{}"));
    }
    if crate::ops::repr_enter(o) {
        return Ok(pystr::new("{...}"));
    }
    let r = (|| {
        let mut parts = Vec::new();
        for (k, v) in items_vec(o) {
            parts.push(format!("{}: {}", crate::ops::repr_string(&k)?, crate::ops::repr_string(&v)?));
        }
        Ok(format!("{{{}}}", parts.join(", ")))
    })();
    crate::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
crate::unary_slot!(dict_repr_slot => dict_repr);

fn dict_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_dict(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let mut eq = len(a) == len(b);
    if eq {
        let mut pos = 0;
        // Keys are looked up in `b` with their stored hashes, as CPython.
        while let Some((k, v, h)) = next_entry_hash(a, &mut pos) {
            match get_item_known_hash(b, &k, h)? {
                Some(w) => {
                    if !crate::ops::eq(&v, &w)? {
                        eq = false;
                        break;
                    }
                }
                None => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
crate::richcmp_slot!(dict_richcompare_slot => dict_richcompare);

fn dict_iter(o: &Obj) -> PyResult<Obj> {
    crate::types::dictview::new_iter(o, crate::types::dictview::Kind::Keys, false)
}
crate::unary_slot!(dict_iter_slot => dict_iter);

fn dict_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let a = tuple::items(args);
    if a.len() > 1 {
        crate::bail!(TypeError, "dict expected at most 1 argument, got {}", a.len());
    }
    if let Some(x) = a.first() {
        update(o, x)?;
    }
    if let Some(k) = kwargs {
        update(o, k)?;
    }
    Ok(())
}
crate::init_slot!(dict_init_slot => dict_init);

fn dict_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    let o = crate::types::type_::alloc_instance(t, 0)?;
    bump(&o);
    if t == type_ptr() {
        // As dict::new: tracked once it holds something that may be.
        unsafe { crate::gc::untrack(o.as_ptr()) };
    }
    Ok(o)
}
crate::new_slot!(dict_new_slot => dict_new);

fn dict_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_dict(a) || !is_dict(b) {
        return Ok(none::not_implemented());
    }
    // A plain dict, whatever the operands' classes (PyDict_Copy).
    let d = copy(a)?;
    update(&d, b)?;
    Ok(d)
}
crate::binary_slot!(dict_or_slot => dict_or);

fn dict_ior(a: &Obj, b: &Obj) -> PyResult<Obj> {
    update(a, b)?;
    Ok(a.clone())
}
crate::binary_slot!(dict_ior_slot => dict_ior);

// ---------------------------------------------------------------------------
// Methods.

fn m_keys(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.keys", a, k, 0, 0)?;
    crate::types::dictview::new_view(slf, crate::types::dictview::Kind::Keys)
}
fn m_values(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.values", a, k, 0, 0)?;
    crate::types::dictview::new_view(slf, crate::types::dictview::Kind::Values)
}
fn m_items(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.items", a, k, 0, 0)?;
    crate::types::dictview::new_view(slf, crate::types::dictview::Kind::Items)
}

fn m_get(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.get", a, k, 1, 2)?;
    Ok(get_item(slf, &a[0])?.unwrap_or_else(|| a.get(1).cloned().unwrap_or_else(none::none)))
}

fn m_setdefault(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.setdefault", a, k, 1, 2)?;
    // One hash and one lookup, as CPython.
    let h = crate::ops::hash(&a[0])?;
    match lookup(slf, &a[0], h)? {
        Found::At(ix) => Ok(unsafe { Obj::from_borrowed(table(slf).entries[ix].value) }),
        Found::Missing(slot) => {
            let d = a.get(1).cloned().unwrap_or_else(none::none);
            insert_new(slf, &a[0], h, &d, slot);
            Ok(d)
        }
    }
}

fn m_pop(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.pop", a, k, 1, 2)?;
    let h = crate::ops::hash(&a[0])?;
    match pop_known_hash(slf, &a[0], h)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::errors::raise_with(crate::types::exceptions::KeyError(), &[a[0].clone()])),
        },
    }
}

fn m_popitem(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.popitem", a, k, 0, 0)?;
    let last = {
        let t = table(slf);
        t.entries.iter().rev().find(|e| !e.key.is_null()).map(|e| unsafe { (Obj::from_borrowed(e.key), e.hash) })
    };
    match last {
        Some((key, h)) => {
            let v = pop_known_hash(slf, &key, h)?.unwrap();
            // Drop trailing deleted entries so repeated popitem stays O(1).
            let t = table(slf);
            while t.entries.last().map(|e| e.key.is_null()).unwrap_or(false) && len(slf) == 0 {
                t.entries.pop();
            }
            Ok(tuple::new(&[key, v]))
        }
        None => Err(crate::errors::raise(crate::types::exceptions::KeyError(), "popitem(): dictionary is empty")),
    }
}

fn m_update(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let nkw = k.map(tuple::len).unwrap_or(0);
    let npos = a.len() - nkw;
    if npos > 1 {
        crate::bail!(TypeError, "update expected at most 1 argument, got {}", npos);
    }
    if npos == 1 {
        update(slf, &a[0])?;
    }
    if let Some(kn) = k {
        for (i, key) in tuple::items(kn).iter().enumerate() {
            set_item(slf, key, &a[npos + i])?;
        }
    }
    Ok(none::none())
}

fn m_clear(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.clear", a, k, 0, 0)?;
    clear(slf);
    Ok(none::none())
}

fn m_copy(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.copy", a, k, 0, 0)?;
    copy(slf)
}

fn m_fromkeys(cls: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.fromkeys", a, k, 1, 2)?;
    let d = crate::ops::call::call(cls, &[], None)?;
    let v = a.get(1).cloned().unwrap_or_else(none::none);
    // From an exact dict, set or frozenset into a new plain dict: the
    // stored hashes are reused.
    let src = &a[0];
    if is_exact_dict(&d) && len(&d) == 0 {
        if is_exact_dict(src) {
            let mut pos = 0;
            while let Some((key, _, h)) = next_entry_hash(src, &mut pos) {
                set_item_known_hash(&d, &key, h, &v)?;
            }
            return Ok(d);
        }
        if src.is_type(crate::types::set::set_type()) || src.is_type(crate::types::set::frozenset_type()) {
            for (key, h) in crate::types::set::entries_with_hash(src) {
                set_item_known_hash(&d, &key, h, &v)?;
            }
            return Ok(d);
        }
    }
    for key in crate::ops::seq::to_vec(&a[0])? {
        crate::ops::seq::setitem(&d, &key, Some(&v))?;
    }
    Ok(d)
}

fn m_contains(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.__contains__", a, k, 1, 1)?;
    Ok(bool_::from_bool(get_item(slf, &a[0])?.is_some()))
}

fn m_getitem(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.__getitem__", a, k, 1, 1)?;
    dict_subscript(slf, &a[0])
}

fn m_reversed(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.__reversed__", a, k, 0, 0)?;
    crate::types::dictview::new_iter(slf, crate::types::dictview::Kind::Keys, true)
}

fn m_sizeof(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict.__sizeof__", a, k, 0, 0)?;
    let t = table(slf);
    Ok(int::from_usize(48 + t.indices.len() * 4 + t.entries.capacity() * 24))
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "dict", std::mem::size_of::<PyDictObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE | tpflags::DICT_SUBCLASS | tpflags::MAPPING | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(dict_dealloc);
        (*t).tp_traverse = Some(dict_traverse);
        (*t).tp_clear = Some(dict_clear_slot);
        (*t).tp_repr = Some(dict_repr_slot);
        (*t).tp_richcompare = Some(dict_richcompare_slot);
        (*t).tp_iter = Some(dict_iter_slot);
        (*t).tp_init = Some(dict_init_slot);
        (*t).tp_new = Some(dict_new_slot);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        let mp = &raw mut AS_MAPPING;
        (*mp).mp_length = Some(dict_len_slot);
        (*mp).mp_subscript = Some(dict_subscript_slot);
        (*mp).mp_ass_subscript = Some(dict_ass_subscript_slot);
        let sq = &raw mut AS_SEQUENCE;
        (*sq).sq_contains = Some(dict_contains_slot);
        let nb = &raw mut AS_NUMBER;
        (*nb).nb_or = Some(dict_or_slot);
        (*nb).nb_inplace_or = Some(dict_ior_slot);
        (*t).tp_as_mapping = mp;
        (*t).tp_as_sequence = sq;
        (*t).tp_as_number = nb;
        (*t).tp_methods = method_table(&[
            method("keys", m_keys),
            method("values", m_values),
            method("items", m_items),
            method("get", m_get),
            method("setdefault", m_setdefault),
            method("pop", m_pop),
            method("popitem", m_popitem),
            method("update", m_update),
            method("clear", m_clear),
            method("copy", m_copy),
            classmethod("fromkeys", m_fromkeys),
            crate::types::builtin_func::coexist("__contains__", m_contains),
            crate::types::builtin_func::coexist("__getitem__", m_getitem),
            method("__reversed__", m_reversed),
            method("__sizeof__", m_sizeof),
        ]);
    }
}
