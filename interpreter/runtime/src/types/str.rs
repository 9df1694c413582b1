//! `str`: PEP 393 storage with CPython 3.11's layouts. A compact ASCII string
//! keeps its characters right after the 48-byte `PyASCIIObject` header (so it
//! is also valid UTF-8 and Rust gets a `&str` for free); other compact strings
//! keep 1, 2 or 4 bytes per code point after the 72-byte
//! `PyCompactUnicodeObject` header, with a lazily made UTF-8 copy in `utf8`.
//! Instances of str subclasses are non-compact: `data` points to the buffer.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use std::os::raw::c_void;

#[repr(C)]
pub struct PyASCIIObject {
    pub ob_base: PyObject,
    pub length: isize,
    pub hash: isize,
    pub state: u32,
    _pad: u32,
    pub wstr: *mut c_void,
}

#[repr(C)]
pub struct PyCompactUnicodeObject {
    pub base: PyASCIIObject,
    pub utf8_length: isize,
    pub utf8: *mut u8,
    pub wstr_length: isize,
}

#[repr(C)]
pub struct PyUnicodeObject {
    pub base: PyCompactUnicodeObject,
    pub data: *mut c_void,
}

const _: () = {
    assert!(std::mem::size_of::<PyASCIIObject>() == 48);
    assert!(std::mem::size_of::<PyCompactUnicodeObject>() == 72);
    assert!(std::mem::size_of::<PyUnicodeObject>() == 80);
    assert!(std::mem::offset_of!(PyASCIIObject, hash) == 24);
};

// state bitfield: interned:2, kind:3, compact:1, ascii:1, ready:1 (GCC packs
// from the least significant bit).
const KIND_SHIFT: u32 = 2;
const COMPACT: u32 = 1 << 5;
const ASCII: u32 = 1 << 6;
const READY: u32 = 1 << 7;
pub const SSTATE_INTERNED_MORTAL: u32 = 1;
pub const SSTATE_INTERNED_IMMORTAL: u32 = 2;

#[no_mangle]
pub static mut PyUnicode_Type: PyTypeObject = PyTypeObject::EMPTY;

#[inline]
pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyUnicode_Type
}

#[inline]
pub fn is_str(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::UNICODE_SUBCLASS)
}

#[inline]
pub fn is_exact_str(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
/// Whether `o` is an interned str (marshal writes such strings as interned).
pub fn is_interned(o: &Obj) -> bool {
    header(o).state & (SSTATE_INTERNED_MORTAL | SSTATE_INTERNED_IMMORTAL) != 0
}

fn header(o: &Obj) -> &PyASCIIObject {
    unsafe { o.cast::<PyASCIIObject>() }
}

/// Number of code points.
#[inline]
pub fn len(o: &Obj) -> usize {
    header(o).length as usize
}

/// Bytes per code point: 1, 2 or 4.
#[inline]
pub fn kind(o: &Obj) -> usize {
    ((header(o).state >> KIND_SHIFT) & 7) as usize
}

#[inline]
pub fn is_ascii(o: &Obj) -> bool {
    header(o).state & ASCII != 0
}

/// A compact ASCII string (exact str; subclass instances are not compact).
#[inline]
pub fn is_compact_ascii(o: &Obj) -> bool {
    header(o).state & (ASCII | COMPACT) == ASCII | COMPACT
}

/// `str.__sizeof__`: header plus the code point buffer with its
/// terminator (CPython's accounting). krait's UTF-8 cache is left out: it
/// is filled on different occasions than CPython's.
pub fn sizeof(o: &Obj) -> usize {
    let h = header(o);
    let n = len(o);
    if h.state & COMPACT != 0 {
        if h.state & ASCII != 0 {
            48 + n + 1
        } else {
            72 + (n + 1) * kind(o)
        }
    } else {
        80 + (n + 1) * kind(o)
    }
}

/// Pointer to the code point buffer.
#[inline]
pub fn data_ptr(o: &Obj) -> *const u8 {
    let h = header(o);
    unsafe {
        if h.state & COMPACT != 0 {
            if h.state & ASCII != 0 {
                (o.as_ptr() as *const u8).add(48)
            } else {
                (o.as_ptr() as *const u8).add(72)
            }
        } else {
            o.cast::<PyUnicodeObject>().data as *const u8
        }
    }
}

/// The code point buffer, typed by kind (PEP 393 storage width).
#[derive(Clone, Copy)]
pub enum View<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

/// Borrows the code point buffer (valid while `o` lives; str is immutable).
pub fn view(o: &Obj) -> View<'_> {
    let n = len(o);
    let p = data_ptr(o);
    // SAFETY: the buffer holds `n` code points of `kind(o)` bytes each and
    // lives, unchanged, as long as the str `o` borrows.
    unsafe {
        match kind(o) {
            1 => View::U8(std::slice::from_raw_parts(p, n)),
            2 => View::U16(std::slice::from_raw_parts(p as *const u16, n)),
            _ => View::U32(std::slice::from_raw_parts(p as *const u32, n)),
        }
    }
}

/// The code point at `i` (unchecked bounds beyond a debug assertion).
#[inline]
pub fn char_at(o: &Obj, i: usize) -> u32 {
    debug_assert!(i < len(o));
    let p = data_ptr(o);
    unsafe {
        match kind(o) {
            1 => *p.add(i) as u32,
            2 => *(p as *const u16).add(i) as u32,
            _ => *(p as *const u32).add(i),
        }
    }
}

/// Iterator over the code points.
pub fn chars(o: &Obj) -> impl Iterator<Item = u32> + '_ {
    (0..len(o)).map(move |i| char_at(o, i))
}

/// All code points, copied (one widening pass per storage kind, which the
/// compiler vectorizes: `_sre` converts whole subjects with it).
pub fn code_points(o: &Obj) -> Vec<u32> {
    let n = len(o);
    let p = data_ptr(o);
    // SAFETY: the buffer holds `n` code points of `kind(o)` bytes each, and
    // lives as long as `o`, which the caller holds.
    unsafe {
        match kind(o) {
            1 => std::slice::from_raw_parts(p, n).iter().map(|&c| c as u32).collect(),
            2 => std::slice::from_raw_parts(p as *const u16, n).iter().map(|&c| c as u32).collect(),
            _ => std::slice::from_raw_parts(p as *const u32, n).to_vec(),
        }
    }
}

/// The string as UTF-8, when it holds no lone surrogates. ASCII strings are
/// borrowed in place; others use (and fill) the UTF-8 cache, as
/// PyUnicode_AsUTF8 does.
pub fn as_str(o: &Obj) -> Option<&str> {
    if is_ascii(o) {
        let bytes = unsafe { std::slice::from_raw_parts(data_ptr(o), len(o)) };
        return Some(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    let c = unsafe { o.cast_mut::<PyCompactUnicodeObject>() };
    if c.utf8.is_null() {
        let mut s = String::with_capacity(len(o) * 2);
        for cp in chars(o) {
            s.push(char::from_u32(cp)?);
        }
        let n = s.len();
        let buf = alloc::raw_malloc(n + 1) as *mut u8;
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), buf, n);
            *buf.add(n) = 0;
        }
        c.utf8 = buf;
        c.utf8_length = n as isize;
    }
    let bytes = unsafe { std::slice::from_raw_parts(c.utf8, c.utf8_length as usize) };
    Some(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// The string as UTF-8 with lone surrogates replaced by U+FFFD (for messages).
pub fn to_string_lossy(o: &Obj) -> String {
    if !is_str(o) {
        // A caller that did not check the type gets a placeholder rather
        // than a read of some other object's memory.
        return format!("<{} object>", o.ty().name());
    }
    if let Some(s) = as_str(o) {
        return s.to_owned();
    }
    chars(o)
        .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

/// Allocates an exact str of `length` code points of `kind` bytes whose
/// largest code point is `maxchar`; the caller fills the buffer.
fn alloc_str(length: usize, maxchar: u32) -> Obj {
    let (kind, ascii) = if maxchar < 128 {
        (1, true)
    } else if maxchar < 256 {
        (1, false)
    } else if maxchar < 0x10000 {
        (2, false)
    } else {
        (4, false)
    };
    let head = if ascii { 48 } else { 72 };
    let size = head + (length + 1) * kind;
    unsafe {
        let p = alloc::raw_calloc(1, size) as *mut PyASCIIObject;
        assert!(!p.is_null(), "out of memory allocating str");
        (*p).ob_base.ob_refcnt = 1;
        (*p).ob_base.ob_type = type_ptr();
        (*p).length = length as isize;
        (*p).hash = -1;
        (*p).state = ((kind as u32) << KIND_SHIFT) | COMPACT | READY | if ascii { ASCII } else { 0 };
        Obj::from_owned(p as *mut PyObject)
    }
}

static EMPTY: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());
static LATIN1: crate::gil::GilCell<std::cell::OnceCell<Vec<Obj>>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

/// The empty string (a singleton, as in CPython).
pub fn empty() -> Obj {
    EMPTY.with(|e| e.get_or_init(|| alloc_str(0, 0)).clone())
}

/// A one-character string; Latin-1 ones are cached singletons.
pub fn from_char(c: u32) -> Obj {
    if c < 256 {
        return LATIN1.with(|t| {
            t.get_or_init(|| {
                (0..256u32)
                    .map(|c| {
                        let s = alloc_str(1, c);
                        unsafe { *(data_ptr(&s) as *mut u8) = c as u8 };
                        s
                    })
                    .collect()
            })[c as usize]
                .clone()
        });
    }
    from_code_points(&[c])
}

/// A new str from Rust text.
pub fn new(s: &str) -> Obj {
    if s.is_empty() {
        return empty();
    }
    if s.is_ascii() {
        if s.len() == 1 {
            return from_char(s.as_bytes()[0] as u32);
        }
        let o = alloc_str(s.len(), 0);
        unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), data_ptr(&o) as *mut u8, s.len()) };
        return o;
    }
    let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
    from_code_points(&cps)
}

/// A new str from bytes the caller knows are ASCII (no re-validation).
pub fn from_ascii(b: &[u8]) -> Obj {
    debug_assert!(b.is_ascii());
    match b.len() {
        0 => empty(),
        1 => from_char(b[0] as u32),
        n => {
            let o = alloc_str(n, 0);
            unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), data_ptr(&o) as *mut u8, n) };
            o
        }
    }
}

/// A new str from code points (which may include lone surrogates).
pub fn from_code_points(cps: &[u32]) -> Obj {
    if cps.is_empty() {
        return empty();
    }
    let maxchar = cps.iter().copied().max().unwrap_or(0);
    if cps.len() == 1 && maxchar < 256 {
        return from_char(maxchar);
    }
    let o = alloc_str(cps.len(), maxchar);
    let p = data_ptr(&o) as *mut u8;
    unsafe {
        match kind(&o) {
            1 => {
                for (i, c) in cps.iter().enumerate() {
                    *p.add(i) = *c as u8;
                }
            }
            2 => {
                let p = p as *mut u16;
                for (i, c) in cps.iter().enumerate() {
                    *p.add(i) = *c as u16;
                }
            }
            _ => std::ptr::copy_nonoverlapping(cps.as_ptr(), p as *mut u32, cps.len()),
        }
    }
    o
}

/// Substring by code point range.
pub fn substring(o: &Obj, start: usize, end: usize) -> Obj {
    if start == 0 && end == len(o) && is_exact_str(o) {
        return o.clone();
    }
    if end <= start {
        return empty();
    }
    match view(o) {
        View::U8(b) if is_ascii(o) => from_ascii(&b[start..end]),
        View::U8(b) => latin1_or_ascii(&b[start..end]),
        View::U16(w) => {
            let cps: Vec<u32> = w[start..end].iter().map(|&c| c as u32).collect();
            from_code_points(&cps)
        }
        View::U32(w) => from_code_points(&w[start..end]),
    }
}

/// A str from 1-byte code points (the result may be ASCII).
fn latin1_or_ascii(b: &[u8]) -> Obj {
    if b.is_ascii() {
        return from_ascii(b);
    }
    let cps: Vec<u32> = b.iter().map(|&c| c as u32).collect();
    from_code_points(&cps)
}

/// Concatenation.
pub fn concat(a: &Obj, b: &Obj) -> Obj {
    if len(a) == 0 && is_exact_str(b) {
        return b.clone();
    }
    if len(b) == 0 && is_exact_str(a) {
        return a.clone();
    }
    if is_ascii(a) && is_ascii(b) {
        let (sa, sb) = (as_str(a).unwrap(), as_str(b).unwrap());
        let o = alloc_str(sa.len() + sb.len(), 0);
        unsafe {
            let p = data_ptr(&o) as *mut u8;
            std::ptr::copy_nonoverlapping(sa.as_ptr(), p, sa.len());
            std::ptr::copy_nonoverlapping(sb.as_ptr(), p.add(sa.len()), sb.len());
        }
        return o;
    }
    let mut cps = code_points(a);
    cps.extend(chars(b));
    from_code_points(&cps)
}

/// Equality of contents (both must be str).
pub fn eq(a: &Obj, b: &Obj) -> bool {
    if a.is(b) {
        return true;
    }
    let n = len(a);
    if n != len(b) || kind(a) != kind(b) {
        return false;
    }
    let bytes = n * kind(a);
    unsafe {
        std::slice::from_raw_parts(data_ptr(a), bytes) == std::slice::from_raw_parts(data_ptr(b), bytes)
    }
}

/// Equality with Rust text.
pub fn eq_str(a: &Obj, s: &str) -> bool {
    match as_str(a) {
        Some(x) => x == s,
        None => false,
    }
}

/// Ordering of contents by code point.
pub fn cmp(a: &Obj, b: &Obj) -> std::cmp::Ordering {
    if is_ascii(a) && is_ascii(b) {
        return as_str(a).unwrap().cmp(as_str(b).unwrap());
    }
    chars(a).cmp(chars(b))
}

/// The cached hash (SipHash-1-3 over the code point buffer, as CPython).
pub fn hash(o: &Obj) -> isize {
    let h = header(o).hash;
    if h != -1 {
        return h;
    }
    let h = crate::hash::hash_bytes(raw_data(o));
    unsafe { o.cast_mut::<PyASCIIObject>().hash = h };
    h
}

/// The interned strs, found by a quick hash of their code point buffer and
/// compared by contents: looking a name up needs no object for it, the
/// table keeps no second copy of the text, and a str's own SipHash is
/// computed only when one is added (entries are (quick hash, str)).
struct Interned(hashbrown::HashTable<(u64, *mut PyObject)>);
// SAFETY: only used under the GIL.
unsafe impl Send for Interned {}

static INTERNED: std::sync::Mutex<Option<Interned>> = std::sync::Mutex::new(None);

/// The code point buffer of `o`.
fn raw_data(o: &Obj) -> &[u8] {
    unsafe { std::slice::from_raw_parts(data_ptr(o), len(o) * kind(o)) }
}

fn quick_hash(kind_: usize, data: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(data);
    h.write_usize(kind_);
    h.finish()
}

/// The interned str whose buffer (of the given kind) is `data`; or, when
/// there is none, `make()` interned in its place.
fn intern_lookup(kind_: usize, data: &[u8], make: impl FnOnce() -> Obj) -> Obj {
    let q = quick_hash(kind_, data);
    let mut g = INTERNED.lock().unwrap();
    let table = &mut g.get_or_insert_with(|| Interned(hashbrown::HashTable::new())).0;
    let same = |e: &(u64, *mut PyObject)| {
        let o = unsafe { Obj::borrow_slot(&e.1) };
        e.0 == q && kind(o) == kind_ && raw_data(o) == data
    };
    if let Some(e) = table.find(q, same) {
        return unsafe { Obj::from_borrowed(e.1) };
    }
    let o = make();
    hash(&o);
    unsafe {
        o.cast_mut::<PyASCIIObject>().state |= SSTATE_INTERNED_IMMORTAL;
        crate::object::incref(o.as_ptr()); // the table's reference: immortal
    }
    table.insert_unique(q, (q, o.as_ptr()), |e| e.0);
    o
}

/// An OS string (a command-line argument, a path) as Python sees it: its
/// bytes decoded as UTF-8 with surrogateescape, as os.fsdecode.
pub fn from_os(s: &std::ffi::OsStr) -> PyResult<Obj> {
    use std::os::unix::ffi::OsStrExt;
    match s.to_str() {
        Some(t) => Ok(new(t)),
        None => crate::types::str_methods::decode(s.as_bytes(), "utf-8", Some("surrogateescape")),
    }
}

/// The interned (unique, immortal) str for `s`: attribute and global names
/// are interned so that lookups can compare pointers first.
pub fn intern(s: &str) -> Obj {
    if s.is_ascii() {
        return intern_ascii(s.as_bytes());
    }
    intern_obj(&new(s))
}

/// `intern` for ASCII text (marshal's interned strings).
pub fn intern_ascii(b: &[u8]) -> Obj {
    debug_assert!(b.is_ascii());
    intern_lookup(1, b, || if b.len() == 1 { from_ascii(b) } else { alloc_fresh_ascii(b) })
}

/// `intern` for names written in krait's source (dunder names and the like),
/// without the table's lock or hashing the text: a small direct-mapped cache
/// keyed by the literal's address, which a `'static` str never changes.
/// Entries are published once and never replaced (a colliding name just
/// takes the slow path), so readers need no lock and nothing is freed.
pub fn intern_static(s: &'static str) -> Obj {
    use std::sync::atomic::{AtomicPtr, Ordering};
    struct Entry {
        key: *const u8,
        len: usize,
        obj: *mut PyObject,
    }
    const SLOTS: usize = 512;
    static CACHE: [AtomicPtr<Entry>; SLOTS] = [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];
    let slot = &CACHE[(s.as_ptr() as usize >> 3).wrapping_add(s.len()) % SLOTS];
    let e = slot.load(Ordering::Acquire);
    if !e.is_null() {
        // SAFETY: published entries are never freed or changed.
        let e = unsafe { &*e };
        if e.key == s.as_ptr() && e.len == s.len() {
            return unsafe { Obj::from_borrowed(e.obj) };
        }
        return intern(s);
    }
    let o = intern(s);
    let entry = Box::into_raw(Box::new(Entry { key: s.as_ptr(), len: s.len(), obj: o.as_ptr() }));
    if slot.compare_exchange(std::ptr::null_mut(), entry, Ordering::AcqRel, Ordering::Acquire).is_err() {
        // Another thread filled the slot first.
        drop(unsafe { Box::from_raw(entry) });
    }
    o
}

/// Interns an existing str object (sys.intern): returns the canonical object.
pub fn intern_obj(o: &Obj) -> Obj {
    if header(o).state & 3 != 0 || !is_exact_str(o) {
        return o.clone();
    }
    intern_lookup(kind(o), raw_data(o), || o.clone())
}

/// A new ASCII str that is not one of the shared one-character strs.
fn alloc_fresh_ascii(b: &[u8]) -> Obj {
    let o = alloc_str(b.len(), 0);
    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), data_ptr(&o) as *mut u8, b.len()) };
    o
}

/// tp_dealloc of str.
pub unsafe extern "C" fn dealloc(p: *mut PyObject) {
    let h = &*(p as *const PyASCIIObject);
    if h.state & ASCII == 0 {
        let c = &*(p as *const PyCompactUnicodeObject);
        if !c.utf8.is_null() {
            alloc::raw_free(c.utf8 as *mut c_void);
        }
    }
    if h.state & COMPACT == 0 {
        let u = &*(p as *const PyUnicodeObject);
        if !u.data.is_null() {
            alloc::raw_free(u.data);
        }
    }
    // Instances of Python subclasses come here from subtype_dealloc, which
    // has already cleared their fields and releases their type itself.
    let tp = (*p).ob_type;
    if (*tp).has_flag(tpflags::HEAPTYPE) {
        alloc::free_object(p);
    } else {
        alloc::raw_free(p as *mut c_void);
    }
}

/// Creates an instance of a str subclass `tp` holding the same characters
/// as `value` (non-compact layout, data in its own buffer).
pub fn new_subtype(tp: *mut PyTypeObject, value: &Obj) -> PyResult<Obj> {
    unsafe {
        let p = alloc::alloc_object(tp, 0);
        if p.is_null() {
            return Err(crate::raise!(MemoryError, ""));
        }
        let o = Obj::from_owned(p);
        let n = len(value);
        let k = kind(value);
        let buf = alloc::raw_calloc(n + 1, k) as *mut u8;
        std::ptr::copy_nonoverlapping(data_ptr(value), buf, n * k);
        let u = o.cast_mut::<PyUnicodeObject>();
        u.base.base.length = n as isize;
        u.base.base.hash = -1;
        u.base.base.state = ((k as u32) << KIND_SHIFT) | READY | if is_ascii(value) { ASCII } else { 0 };
        u.data = buf as *mut c_void;
        if is_ascii(value) {
            // PyUnicode_AsUTF8 of an ASCII non-compact string reads `utf8`.
            u.base.utf8 = std::ptr::null_mut();
        }
        Ok(o)
    }
}
