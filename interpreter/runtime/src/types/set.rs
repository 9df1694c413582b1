//! `set` and `frozenset` with CPython's table algorithm (linear probes, then
//! perturbation; the same resize rules), so iteration order — what `print`
//! shows — matches CPython's. The header keeps PySetObject's layout (fill,
//! used, mask, table, hash, finger; 200 bytes with weakreflist at 192).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, check_nargs_named, method, method_table};
use crate::types::{bool_, dict, int, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::os::raw::c_void;
use std::ptr::null_mut;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct SetEntry {
    pub key: *mut PyObject,
    pub hash: isize,
}

#[repr(C)]
pub struct PySetObject {
    pub ob_base: PyObject,
    pub fill: isize,
    pub used: isize,
    pub mask: isize,
    pub table: *mut SetEntry,
    pub hash: isize,
    pub finger: isize,
    pub smalltable: [SetEntry; 8],
    pub weakreflist: *mut PyObject,
}

const _: () = assert!(std::mem::size_of::<PySetObject>() == 200);

const LINEAR_PROBES: usize = 9;
const MINSIZE: usize = 8;

/// Marks deleted entries (hash -1).
static mut DUMMY_OBJ: PyObject = PyObject { ob_refcnt: 1 << 30, ob_type: null_mut() };

#[inline]
fn dummy() -> *mut PyObject {
    &raw mut DUMMY_OBJ
}

#[no_mangle]
pub static mut PySet_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyFrozenSet_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PySetIter_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn set_type() -> *mut PyTypeObject {
    &raw mut PySet_Type
}
pub fn frozenset_type() -> *mut PyTypeObject {
    &raw mut PyFrozenSet_Type
}
pub fn iterator_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PySetIter_Type]
}

pub fn is_set(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), set_type())
}
pub fn is_frozenset(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), frozenset_type())
}
pub fn is_anyset(o: &Obj) -> bool {
    is_set(o) || is_frozenset(o)
}

#[inline]
fn so(o: &Obj) -> &mut PySetObject {
    unsafe { o.cast_mut::<PySetObject>() }
}

fn alloc_table(n: usize) -> *mut SetEntry {
    let p = alloc::raw_calloc(n, std::mem::size_of::<SetEntry>()) as *mut SetEntry;
    assert!(!p.is_null(), "out of memory allocating a set table");
    p
}

fn init_table(o: &Obj) {
    let s = so(o);
    if s.table.is_null() {
        s.table = alloc_table(MINSIZE);
        s.mask = MINSIZE as isize - 1;
    }
}

fn entries(o: &Obj) -> &mut [SetEntry] {
    init_table(o);
    let s = so(o);
    unsafe { std::slice::from_raw_parts_mut(s.table, s.mask as usize + 1) }
}

pub fn len(o: &Obj) -> usize {
    so(o).used as usize
}

/// Inserts into a table known to hold neither the key nor dummies.
fn insert_clean(table: &mut [SetEntry], key: *mut PyObject, hash: isize) {
    let mask = table.len() - 1;
    let mut perturb = hash as usize;
    let mut i = hash as usize & mask;
    loop {
        if table[i].key.is_null() {
            table[i] = SetEntry { key, hash };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].key.is_null() {
                    table[i + j] = SetEntry { key, hash };
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

fn resize(o: &Obj, minused: usize) {
    let mut newsize = MINSIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old: Vec<SetEntry> = entries(o).to_vec();
    let s = so(o);
    let oldtable = s.table;
    let newtable = alloc_table(newsize);
    let nt = unsafe { std::slice::from_raw_parts_mut(newtable, newsize) };
    for e in old {
        if !e.key.is_null() && e.key != dummy() {
            insert_clean(nt, e.key, e.hash);
        }
    }
    s.table = newtable;
    s.mask = newsize as isize - 1;
    s.fill = s.used;
    unsafe { alloc::raw_free(oldtable as *mut c_void) };
}

enum Look {
    Found(usize),
    Missing,
}

fn lookkey(o: &Obj, key: &Obj, hash: isize) -> PyResult<Look> {
    'restart: loop {
        let mask = so(o).mask as usize;
        let table_ptr = so(o).table;
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let e = entries(o)[i + j];
                if e.hash == 0 && e.key.is_null() {
                    return Ok(Look::Missing);
                }
                if e.hash == hash && e.key != dummy() {
                    if e.key == key.as_ptr() {
                        return Ok(Look::Found(i + j));
                    }
                    let sk = unsafe { Obj::from_borrowed(e.key) };
                    if pystr::is_exact_str(&sk) && pystr::is_exact_str(key) {
                        if pystr::eq(&sk, key) {
                            return Ok(Look::Found(i + j));
                        }
                    } else {
                        let eq = crate::ops::eq(&sk, key)?;
                        // A new table may reuse the old one's address: compare the mask too.
                        if so(o).table != table_ptr || so(o).mask as usize != mask || entries(o)[i + j].key != sk.as_ptr() {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Look::Found(i + j));
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

fn add_entry(o: &Obj, key: &Obj, hash: isize) -> PyResult<()> {
    'restart: loop {
        init_table(o);
        let mask = so(o).mask as usize;
        let table_ptr = so(o).table;
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        let mut freeslot: Option<usize> = None;
        let slot;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut found_unused = None;
            for j in 0..=probes {
                let e = entries(o)[i + j];
                if e.hash == 0 && e.key.is_null() {
                    found_unused = Some(i + j);
                    break;
                }
                if e.hash == hash && e.key != dummy() {
                    if e.key == key.as_ptr() {
                        return Ok(());
                    }
                    let sk = unsafe { Obj::from_borrowed(e.key) };
                    if pystr::is_exact_str(&sk) && pystr::is_exact_str(key) {
                        if pystr::eq(&sk, key) {
                            return Ok(());
                        }
                    } else {
                        let eq = crate::ops::eq(&sk, key)?;
                        if eq {
                            return Ok(());
                        }
                        if so(o).table != table_ptr || so(o).mask as usize != mask || entries(o)[i + j].key != sk.as_ptr() {
                            continue 'restart;
                        }
                    }
                } else if e.hash == -1 && freeslot.is_none() {
                    freeslot = Some(i + j);
                }
            }
            if let Some(u) = found_unused {
                slot = u;
                break;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
        let s = so(o);
        match freeslot {
            Some(f) => {
                entries(o)[f] = SetEntry { key: key.clone().into_raw(), hash };
                so(o).used += 1;
                return Ok(());
            }
            None => {
                entries(o)[slot] = SetEntry { key: key.clone().into_raw(), hash };
                s.fill += 1;
                s.used += 1;
                if (s.fill as usize) * 5 < mask * 3 {
                    return Ok(());
                }
                let used = s.used as usize;
                resize(o, if used > 50000 { used * 2 } else { used * 4 });
                return Ok(());
            }
        }
    }
}

fn set_hash_of(key: &Obj) -> PyResult<isize> {
    crate::ops::hash(key)
}

pub fn add(o: &Obj, key: &Obj) -> PyResult<()> {
    let h = set_hash_of(key)?;
    add_entry(o, key, h)
}

pub fn contains(o: &Obj, key: &Obj) -> PyResult<bool> {
    let h = match set_hash_of(key) {
        Ok(h) => h,
        Err(e) => {
            // A set argument is looked up as a frozenset.
            if is_set(key) && crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                let f = new_frozenset(items_vec(key))?;
                return contains(o, &f);
            }
            return Err(e);
        }
    };
    Ok(matches!(lookkey(o, key, h)?, Look::Found(_)))
}

/// Removes `key`; false when absent.
pub fn discard(o: &Obj, key: &Obj) -> PyResult<bool> {
    let h = match set_hash_of(key) {
        Ok(h) => h,
        Err(e) => {
            if is_set(key) && crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                let f = new_frozenset(items_vec(key))?;
                return discard(o, &f);
            }
            return Err(e);
        }
    };
    discard_known_hash(o, key, h)
}

/// Removes `key` whose hash is known; false when absent.
fn discard_known_hash(o: &Obj, key: &Obj, h: isize) -> PyResult<bool> {
    match lookkey(o, key, h)? {
        Look::Found(i) => {
            let e = &mut entries(o)[i];
            let k = std::mem::replace(&mut e.key, dummy());
            e.hash = -1;
            so(o).used -= 1;
            unsafe { crate::object::decref(k) };
            Ok(true)
        }
        Look::Missing => Ok(false),
    }
}

/// Live items with their stored hashes, in table order (CPython reuses the
/// hashes instead of asking `__hash__` again).
pub fn entries_with_hash(o: &Obj) -> Vec<(Obj, isize)> {
    entries(o)
        .iter()
        .filter(|e| !e.key.is_null() && e.key != dummy())
        .map(|e| (unsafe { Obj::from_borrowed(e.key) }, e.hash))
        .collect()
}

/// Live items in table order.
pub fn items_vec(o: &Obj) -> Vec<Obj> {
    entries(o)
        .iter()
        .filter(|e| !e.key.is_null() && e.key != dummy())
        .map(|e| unsafe { Obj::from_borrowed(e.key) })
        .collect()
}

fn clear_table(o: &Obj) {
    let old: Vec<SetEntry> = entries(o).to_vec();
    let s = so(o);
    unsafe { alloc::raw_free(s.table as *mut c_void) };
    s.table = null_mut();
    s.fill = 0;
    s.used = 0;
    s.mask = 0;
    init_table(o);
    for e in old {
        if !e.key.is_null() && e.key != dummy() {
            unsafe { crate::object::decref(e.key) };
        }
    }
}

/// Adds every item of `other`, as CPython's set_update_internal (sets are
/// merged table-wise so the resulting order matches CPython's).
pub fn update(o: &Obj, other: &Obj) -> PyResult<()> {
    if is_anyset(other) {
        let other_items: Vec<SetEntry> = entries(other).to_vec();
        let (ofill, oused, omask) = (so(other).fill, so(other).used, so(other).mask);
        if oused == 0 {
            return Ok(());
        }
        let s = so(o);
        init_table(o);
        if ((s.fill + oused) * 5) as usize >= (so(o).mask * 3) as usize {
            resize(o, ((so(o).used + oused) * 2) as usize);
        }
        let s = so(o);
        if s.fill == 0 {
            if s.mask == omask && ofill == oused {
                let t = entries(o);
                for (i, e) in other_items.iter().enumerate() {
                    if !e.key.is_null() && e.key != dummy() {
                        unsafe { crate::object::incref(e.key) };
                        t[i] = *e;
                    }
                }
                let s = so(o);
                s.fill = oused;
                s.used = oused;
                return Ok(());
            }
            let t = entries(o);
            for e in &other_items {
                if !e.key.is_null() && e.key != dummy() {
                    unsafe { crate::object::incref(e.key) };
                    insert_clean(t, e.key, e.hash);
                }
            }
            let s = so(o);
            s.fill = oused;
            s.used = oused;
            return Ok(());
        }
        // Comparisons run Python code that may change either set: re-read
        // the other table each step (as CPython) and hold each key while
        // it is inserted.
        drop(other_items);
        let mut i = 0;
        while i <= so(other).mask as usize {
            let e = entries(other)[i];
            i += 1;
            if !e.key.is_null() && e.key != dummy() {
                let k = unsafe { Obj::from_borrowed(e.key) };
                add_entry(o, &k, e.hash)?;
            }
        }
        return Ok(());
    }
    if dict::is_exact_dict(other) {
        let n = dict::len(other) as isize;
        if ((so(o).fill + n) * 5) as usize >= (so(o).mask * 3) as usize {
            resize(o, ((so(o).used + n) * 2) as usize);
        }
        let mut pos = 0;
        while let Some((k, _, h)) = dict::next_entry_hash(other, &mut pos) {
            add_entry(o, &k, h)?;
        }
        return Ok(());
    }
    let it = crate::ops::iter(other)?;
    while let Some(x) = crate::ops::next(&it)? {
        add(o, &x)?;
    }
    Ok(())
}

fn new_of(t: *mut PyTypeObject) -> PyResult<Obj> {
    let o = crate::types::type_::alloc_instance(t, 0)?;
    init_table(&o);
    so(&o).hash = -1;
    Ok(o)
}

pub fn new_set(items: Vec<Obj>) -> PyResult<Obj> {
    let o = new_of(set_type())?;
    for x in items {
        add(&o, &x)?;
    }
    Ok(o)
}

pub fn new_frozenset(items: Vec<Obj>) -> PyResult<Obj> {
    let o = new_of(frozenset_type())?;
    for x in items {
        add(&o, &x)?;
    }
    Ok(o)
}

fn new_like(o: &Obj) -> PyResult<Obj> {
    new_of(if is_frozenset(o) { frozenset_type() } else { set_type() })
}

fn copy_of(o: &Obj, as_frozen: bool) -> PyResult<Obj> {
    let r = new_of(if as_frozen { frozenset_type() } else { set_type() })?;
    update(&r, o)?;
    Ok(r)
}

// ---------------------------------------------------------------------------
// Slots.

unsafe extern "C" fn set_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    if !so(&o).weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&o);
    }
    let s = so(&o);
    if !s.table.is_null() {
        let n = s.mask as usize + 1;
        let t = std::slice::from_raw_parts(s.table, n);
        for e in t {
            if !e.key.is_null() && e.key != dummy() {
                crate::object::decref(e.key);
            }
        }
        alloc::raw_free(s.table as *mut c_void);
        s.table = null_mut();
    }
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn set_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let s = &*(p as *const PySetObject);
    if s.table.is_null() {
        return 0;
    }
    for e in std::slice::from_raw_parts(s.table, s.mask as usize + 1) {
        if !e.key.is_null() && e.key != dummy() {
            let r = visit(e.key, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn set_clear_slot(p: *mut PyObject) -> i32 {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    clear_table(&o);
    0
}

fn set_len(o: &Obj) -> PyResult<usize> {
    Ok(len(o))
}
crate::len_slot!(set_len_slot => set_len);

fn set_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    contains(o, k)
}
crate::contains_slot!(set_contains_slot => set_contains);

fn set_repr(o: &Obj) -> PyResult<Obj> {
    let name = o.ty().name().to_owned();
    let is_plain_set = o.is_type(set_type());
    if len(o) == 0 {
        return Ok(pystr::new(&format!("{}()", name)));
    }
    if crate::ops::repr_enter(o) {
        return Ok(pystr::new(&format!("{}(...)", name)));
    }
    let r = (|| {
        let mut parts = Vec::new();
        for x in items_vec(o) {
            parts.push(crate::ops::repr_string(&x)?);
        }
        let body = format!("{{{}}}", parts.join(", "));
        Ok(if is_plain_set { body } else { format!("{}({})", name, body) })
    })();
    crate::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
crate::unary_slot!(set_repr_slot => set_repr);

fn issubset(a: &Obj, b: &Obj) -> PyResult<bool> {
    if len(a) > len(b) {
        return Ok(false);
    }
    for x in items_vec(a) {
        if !contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    let r = match op {
        CompareOp::Eq => len(a) == len(b) && issubset(a, b)?,
        CompareOp::Ne => !(len(a) == len(b) && issubset(a, b)?),
        CompareOp::Le => issubset(a, b)?,
        CompareOp::Ge => issubset(b, a)?,
        CompareOp::Lt => len(a) < len(b) && issubset(a, b)?,
        CompareOp::Gt => len(a) > len(b) && issubset(b, a)?,
    };
    Ok(bool_::from_bool(r))
}
crate::richcmp_slot!(set_richcompare_slot => set_richcompare);

fn shuffle(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

fn frozenset_hash(o: &Obj) -> PyResult<isize> {
    let s = so(o);
    if s.hash != -1 {
        return Ok(s.hash);
    }
    let mut hash: u64 = 0;
    for e in entries(o).iter() {
        hash ^= shuffle(e.hash as u64);
    }
    let s = so(o);
    if ((s.mask + 1 - s.fill) & 1) != 0 {
        hash ^= shuffle(0);
    }
    if ((s.fill - s.used) & 1) != 0 {
        hash ^= shuffle(u64::MAX);
    }
    hash ^= (s.used as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    s.hash = hash as isize;
    Ok(hash as isize)
}
crate::hash_slot!(frozenset_hash_slot => frozenset_hash);

fn set_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let name = unsafe { (*t).name().to_owned() };
    // Keywords are refused unless a subclass's own __init__ takes them.
    let base = if crate::types::type_::is_subtype(t, frozenset_type()) { frozenset_type() } else { set_type() };
    let own_init = unsafe { t == base || (*t).tp_init == (*base).tp_init };
    if own_init && kwargs.map(|k| dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "{}() takes no keyword arguments", unsafe { (*base).name() });
    }
    let a = tuple::items(args);
    if crate::types::type_::is_subtype(t, frozenset_type()) {
        if a.len() > 1 {
            crate::bail!(TypeError, "{} expected at most 1 argument, got {}", name, a.len());
        }
        if t == frozenset_type() {
            if let Some(x) = a.first() {
                if x.is_type(frozenset_type()) {
                    return Ok(x.clone());
                }
            }
        }
        let o = new_of(t)?;
        if let Some(x) = a.first() {
            update(&o, x)?;
        }
        return Ok(o);
    }
    new_of(t)
}
crate::new_slot!(set_new_slot => set_new);

fn set_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    if kwargs.map(|k| dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "set() takes no keyword arguments");
    }
    let a = tuple::items(args);
    if a.len() > 1 {
        crate::bail!(TypeError, "set expected at most 1 argument, got {}", a.len());
    }
    if so(o).used > 0 {
        clear_table(o);
    }
    if let Some(x) = a.first() {
        update(o, x)?;
    }
    Ok(())
}
crate::init_slot!(set_init_slot => set_init);

fn binop_check(a: &Obj, b: &Obj) -> bool {
    is_anyset(a) && is_anyset(b)
}

fn union(a: &Obj, others: &[Obj]) -> PyResult<Obj> {
    let r = copy_of(a, is_frozenset(a))?;
    for o in others {
        update(&r, o)?;
    }
    Ok(r)
}

fn intersection2(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let r = new_like(a)?;
    if is_anyset(b) {
        let (small, big) = if len(a) < len(b) { (a, b) } else { (b, a) };
        for x in items_vec(small) {
            if contains(big, &x)? {
                add(&r, &x)?;
            }
        }
        return Ok(r);
    }
    let it = crate::ops::iter(b)?;
    while let Some(x) = crate::ops::next(&it)? {
        if contains(a, &x)? {
            add(&r, &x)?;
        }
    }
    Ok(r)
}

fn difference2(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let r = new_like(a)?;
    // Sets and exact dicts are probed with a's stored hashes.
    if is_anyset(b) || dict::is_exact_dict(b) {
        for (x, h) in entries_with_hash(a) {
            let inside = if is_anyset(b) { matches!(lookkey(b, &x, h)?, Look::Found(_)) } else { dict::get_item_known_hash(b, &x, h)?.is_some() };
            if !inside {
                add_entry(&r, &x, h)?;
            }
        }
        return Ok(r);
    }
    update(&r, a)?;
    let it = crate::ops::iter(b)?;
    while let Some(x) = crate::ops::next(&it)? {
        discard(&r, &x)?;
    }
    Ok(r)
}

/// Removes what `o` shares with `other` and adds the rest, reusing stored
/// hashes for exact dicts and sets.
fn symdiff_update(o: &Obj, other: &Obj) -> PyResult<()> {
    let pairs: Vec<(Obj, isize)> = if dict::is_exact_dict(other) {
        let mut v = Vec::new();
        let mut pos = 0;
        while let Some((k, _, h)) = dict::next_entry_hash(other, &mut pos) {
            v.push((k, h));
        }
        v
    } else if is_anyset(other) {
        entries_with_hash(other)
    } else {
        entries_with_hash(&new_set(crate::ops::seq::to_vec(other)?)?)
    };
    for (x, h) in pairs {
        if !discard_known_hash(o, &x, h)? {
            add_entry(o, &x, h)?;
        }
    }
    Ok(())
}

fn symdiff2(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let r = copy_of(a, is_frozenset(a))?;
    symdiff_update(&r, b)?;
    Ok(r)
}

macro_rules! set_binop {
    ($fname:ident, $slot:ident, $body:expr) => {
        fn $fname(a: &Obj, b: &Obj) -> PyResult<Obj> {
            if !binop_check(a, b) {
                return Ok(none::not_implemented());
            }
            let f: fn(&Obj, &Obj) -> PyResult<Obj> = $body;
            f(a, b)
        }
        crate::binary_slot!($slot => $fname);
    };
}
set_binop!(set_or, set_or_slot, |a, b| union(a, &[b.clone()]));
set_binop!(set_and, set_and_slot, intersection2);
set_binop!(set_sub, set_sub_slot, difference2);
set_binop!(set_xor, set_xor_slot, symdiff2);

fn replace_contents(o: &Obj, new: &Obj) -> PyResult<()> {
    clear_table(o);
    update(o, new)
}

macro_rules! set_ibinop {
    ($fname:ident, $slot:ident, $body:expr) => {
        fn $fname(a: &Obj, b: &Obj) -> PyResult<Obj> {
            if !binop_check(a, b) {
                return Ok(none::not_implemented());
            }
            let f: fn(&Obj, &Obj) -> PyResult<()> = $body;
            f(a, b)?;
            Ok(a.clone())
        }
        crate::binary_slot!($slot => $fname);
    };
}
set_ibinop!(set_ior, set_ior_slot, |a, b| update(a, b));
set_ibinop!(set_iand, set_iand_slot, |a, b| {
    let r = intersection2(a, b)?;
    replace_contents(a, &r)
});
set_ibinop!(set_isub, set_isub_slot, |a, b| difference_update(a, b));
set_ibinop!(set_ixor, set_ixor_slot, |a, b| symdiff_update(a, b));

/// Removes every item of `other` (stored hashes reused for sets and exact dicts).
fn difference_update(o: &Obj, other: &Obj) -> PyResult<()> {
    if o.as_ptr() == other.as_ptr() {
        clear_table(o);
        return Ok(());
    }
    if is_anyset(other) {
        for (x, h) in entries_with_hash(other) {
            discard_known_hash(o, &x, h)?;
        }
        return Ok(());
    }
    if dict::is_exact_dict(other) {
        let mut pos = 0;
        while let Some((x, _, h)) = dict::next_entry_hash(other, &mut pos) {
            discard_known_hash(o, &x, h)?;
        }
        return Ok(());
    }
    let it = crate::ops::iter(other)?;
    while let Some(x) = crate::ops::next(&it)? {
        discard(o, &x)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Methods.

/// "set.copy" or "frozenset.copy": the name CPython's errors give a method
/// both types define.
fn qualified(slf: &Obj, name: &str) -> String {
    format!("{}.{}", if is_frozenset(slf) { "frozenset" } else { "set" }, name)
}

fn m_add(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set.add", a, k, 1, 1)?;
    add(slf, &a[0])?;
    Ok(none::none())
}
fn m_remove(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set.remove", a, k, 1, 1)?;
    if !discard(slf, &a[0])? {
        return Err(crate::errors::raise_with(crate::types::exceptions::KeyError(), &[a[0].clone()]));
    }
    Ok(none::none())
}
fn m_discard(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set.discard", a, k, 1, 1)?;
    discard(slf, &a[0])?;
    Ok(none::none())
}
fn m_pop(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set.pop", a, k, 0, 0)?;
    if len(slf) == 0 {
        return Err(crate::errors::raise(crate::types::exceptions::KeyError(), "pop from an empty set"));
    }
    let mask = so(slf).mask as usize;
    let mut i = so(slf).finger as usize & mask;
    let t = entries(slf);
    while t[i].key.is_null() || t[i].key == dummy() {
        i += 1;
        if i > mask {
            i = 0;
        }
    }
    let key = std::mem::replace(&mut t[i].key, dummy());
    t[i].hash = -1;
    let s = so(slf);
    s.used -= 1;
    s.finger = i as isize + 1;
    Ok(unsafe { Obj::from_owned(key) })
}
fn m_clear(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set.clear", a, k, 0, 0)?;
    clear_table(slf);
    Ok(none::none())
}
fn m_copy(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "copy"), a, k, 0, 0)?;
    if slf.is_type(frozenset_type()) {
        return Ok(slf.clone());
    }
    copy_of(slf, is_frozenset(slf))
}
fn m_union(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    if k.is_some() { crate::types::builtin_func::no_kwargs(&qualified(slf, "union"), k)?; }
    union(slf, a)
}
fn m_update(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::no_kwargs("set.update", k)?;
    for o in a {
        update(slf, o)?;
    }
    Ok(none::none())
}
fn m_intersection(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    if k.is_some() { crate::types::builtin_func::no_kwargs(&qualified(slf, "intersection"), k)?; }
    let mut r = copy_of(slf, is_frozenset(slf))?;
    for o in a {
        r = intersection2(&r, o)?;
    }
    Ok(r)
}
fn m_intersection_update(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let r = m_intersection(slf, a, k)?;
    replace_contents(slf, &r)?;
    Ok(none::none())
}
fn m_difference(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    if k.is_some() { crate::types::builtin_func::no_kwargs(&qualified(slf, "difference"), k)?; }
    let mut r = copy_of(slf, is_frozenset(slf))?;
    for o in a {
        r = difference2(&r, o)?;
    }
    Ok(r)
}
fn m_difference_update(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::no_kwargs("set.difference_update", k)?;
    for o in a {
        difference_update(slf, o)?;
    }
    Ok(none::none())
}
fn m_symmetric_difference(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "symmetric_difference"), a, k, 1, 1)?;
    symdiff2(slf, &a[0])
}
fn m_symmetric_difference_update(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set.symmetric_difference_update", a, k, 1, 1)?;
    symdiff_update(slf, &a[0])?;
    Ok(none::none())
}
fn as_set_arg(o: &Obj) -> PyResult<Obj> {
    if is_anyset(o) {
        Ok(o.clone())
    } else {
        new_set(crate::ops::seq::to_vec(o)?)
    }
}
fn m_issubset(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "issubset"), a, k, 1, 1)?;
    Ok(bool_::from_bool(issubset(slf, &as_set_arg(&a[0])?)?))
}
fn m_issuperset(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "issuperset"), a, k, 1, 1)?;
    Ok(bool_::from_bool(issubset(&as_set_arg(&a[0])?, slf)?))
}
fn m_isdisjoint(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "isdisjoint"), a, k, 1, 1)?;
    for x in crate::ops::seq::to_vec(&a[0])? {
        if contains(slf, &x)? {
            return Ok(bool_::from_bool(false));
        }
    }
    Ok(bool_::from_bool(true))
}
fn m_contains(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "__contains__"), a, k, 1, 1)?;
    Ok(bool_::from_bool(contains(slf, &a[0])?))
}
/// `(type(s), (list(s),), s.__getstate__())`, as CPython's set_reduce.
fn m_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "__reduce__"), a, k, 0, 0)?;
    let keys = crate::types::list::from_vec(items_vec(slf));
    let state = crate::ops::attr::call_method(slf, "__getstate__", &[])?;
    Ok(crate::types::tuple::new(&[slf.get_type(), crate::types::tuple::new(&[keys]), state]))
}

fn m_sizeof(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| qualified(slf, "__sizeof__"), a, k, 0, 0)?;
    let n = so(slf).mask as usize + 1;
    Ok(int::from_usize(200 + if n > 8 { n * 16 } else { 0 }))
}

// Iterator.
#[repr(C)]
pub struct SetIterObject {
    pub ob_base: PyObject,
    pub set: *mut PyObject,
    pub used: isize,
    pub pos: isize,
    pub len: isize,
}

fn set_iter(o: &Obj) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(&raw mut PySetIter_Type, 0) as *mut SetIterObject;
        (*p).set = o.clone().into_raw();
        (*p).used = so(o).used;
        (*p).len = so(o).used;
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}
crate::unary_slot!(set_iter_slot => set_iter);

unsafe extern "C" fn setiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut SetIterObject);
    if it.set.is_null() {
        return null_mut();
    }
    let s = Obj::from_borrowed(it.set);
    if so(&s).used != it.used {
        let _ = crate::raise!(RuntimeError, "Set changed size during iteration");
        it.used = -1;
        return null_mut();
    }
    let t = entries(&s);
    while (it.pos as usize) < t.len() {
        let e = t[it.pos as usize];
        it.pos += 1;
        if !e.key.is_null() && e.key != dummy() {
            it.len -= 1;
            return Obj::from_borrowed(e.key).into_raw();
        }
    }
    crate::object::xdecref(std::mem::replace(&mut it.set, null_mut()));
    null_mut()
}

unsafe extern "C" fn setiter_dealloc(p: *mut PyObject) {
    crate::object::xdecref((*(p as *mut SetIterObject)).set);
    alloc::free_object(p);
}

unsafe extern "C" fn setiter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let s = (*(p as *mut SetIterObject)).set;
    if s.is_null() { 0 } else { visit(s, arg) }
}

fn setiter_length_hint(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let it = unsafe { slf.cast::<SetIterObject>() };
    Ok(int::from_i64(if it.set.is_null() || it.used == -1 { 0 } else { it.len.max(0) as i64 }))
}

/// `(iter, (list of the items left,))`; the iterator itself does not move.
fn setiter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", a, k, 0, 0)?;
    let it = unsafe { slf.cast::<SetIterObject>() };
    let copy = unsafe {
        let p = alloc::alloc_object(&raw mut PySetIter_Type, 0) as *mut SetIterObject;
        (*p).set = crate::object::opt_into_raw(if it.set.is_null() { None } else { Some(Obj::from_borrowed(it.set)) });
        (*p).used = it.used;
        (*p).pos = it.pos;
        (*p).len = it.len;
        Obj::from_owned(p as *mut PyObject)
    };
    let items = crate::ops::seq::to_vec(&copy)?;
    Ok(tuple::new(&[crate::types::iter::builtin("iter")?, tuple::new(&[crate::types::list::from_vec(items)])]))
}

static mut SET_SEQ: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut SET_NUM: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;
static mut FROZEN_NUM: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;

pub fn init_types() {
    unsafe {
        (*(&raw mut DUMMY_OBJ)).ob_type = crate::types::type_::object_type();
        let sq = &raw mut SET_SEQ;
        (*sq).sq_length = Some(set_len_slot);
        (*sq).sq_contains = Some(set_contains_slot);
        let nb = &raw mut SET_NUM;
        (*nb).nb_or = Some(set_or_slot);
        (*nb).nb_and = Some(set_and_slot);
        (*nb).nb_subtract = Some(set_sub_slot);
        (*nb).nb_xor = Some(set_xor_slot);
        (*nb).nb_inplace_or = Some(set_ior_slot);
        (*nb).nb_inplace_and = Some(set_iand_slot);
        (*nb).nb_inplace_subtract = Some(set_isub_slot);
        (*nb).nb_inplace_xor = Some(set_ixor_slot);
        let fnb = &raw mut FROZEN_NUM;
        (*fnb).nb_or = Some(set_or_slot);
        (*fnb).nb_and = Some(set_and_slot);
        (*fnb).nb_subtract = Some(set_sub_slot);
        (*fnb).nb_xor = Some(set_xor_slot);
        let common = [
            method("copy", m_copy),
            method("union", m_union),
            method("intersection", m_intersection),
            method("difference", m_difference),
            method("symmetric_difference", m_symmetric_difference),
            method("issubset", m_issubset),
            method("issuperset", m_issuperset),
            method("isdisjoint", m_isdisjoint),
            crate::types::builtin_func::coexist("__contains__", m_contains),
            method("__sizeof__", m_sizeof),
            method("__reduce__", m_reduce),
        ];
        for (t, name) in [(set_type(), "set"), (frozenset_type(), "frozenset")] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<PySetObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE | tpflags::MATCH_SELF;
            (*t).tp_dealloc = Some(set_dealloc);
            (*t).tp_traverse = Some(set_traverse);
            (*t).tp_clear = Some(set_clear_slot);
            (*t).tp_repr = Some(set_repr_slot);
            (*t).tp_richcompare = Some(set_richcompare_slot);
            (*t).tp_iter = Some(set_iter_slot);
            (*t).tp_new = Some(set_new_slot);
            (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
            (*t).tp_weaklistoffset = std::mem::offset_of!(PySetObject, weakreflist) as isize;
            (*t).tp_as_sequence = sq;
        }
        let t = set_type();
        (*t).tp_init = Some(set_init_slot);
        (*t).tp_as_number = nb;
        let mut specs: Vec<crate::types::builtin_func::MethodSpec> = vec![
            method("add", m_add),
            method("remove", m_remove),
            method("discard", m_discard),
            method("pop", m_pop),
            method("clear", m_clear),
            method("update", m_update),
            method("intersection_update", m_intersection_update),
            method("difference_update", m_difference_update),
            method("symmetric_difference_update", m_symmetric_difference_update),
        ];
        for c in &common {
            specs.push(crate::types::builtin_func::MethodSpec { name: c.name, f: c.f, flags: c.flags, doc: c.doc });
        }
        (*t).tp_methods = method_table(&specs);
        let t = frozenset_type();
        (*t).tp_hash = Some(frozenset_hash_slot);
        (*t).tp_as_number = fnb;
        (*t).tp_methods = method_table(&common);

        let t = &raw mut PySetIter_Type;
        crate::types::type_::init_static(t, "set_iterator", std::mem::size_of::<SetIterObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(setiter_dealloc);
        (*t).tp_traverse = Some(setiter_traverse);
        (*t).tp_iter = Some(crate::types::iter::self_iter);
        (*t).tp_iternext = Some(setiter_next);
        (*t).tp_methods = method_table(&[method("__length_hint__", setiter_length_hint), method("__reduce__", setiter_reduce)]);
    }
}
