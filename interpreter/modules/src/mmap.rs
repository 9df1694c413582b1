//! The `mmap` module: memory-mapped files and anonymous memory on Linux,
//! with CPython 3.11's behaviour — the constructor's checks (whole-file
//! length 0, offsets, access versus flags/prot), the file descriptor
//! duplicated so the map outlives the caller's file, the file-like
//! methods over a position, slicing with extended slices, resize through
//! ftruncate and mremap, and the buffer protocol (no resize or close while
//! a buffer is exported). Iteration goes through `sq_item`, which yields
//! bytes of length 1, while subscription yields ints, as in 3.11.

use crate::native::{self, State};
use crate::posix::args;
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{tpflags, Obj, PyBuffer, PyBufferProcs, PyMappingMethods, PyObject, PySequenceMethods, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{check_nargs, method, method_table, no_kwargs};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytes, dict, exceptions, int, module, none, slice, str as pystr, tuple, type_};
use std::os::raw::c_int;
use std::ptr::null_mut;

const ACCESS_DEFAULT: i32 = 0;
const ACCESS_READ: i32 = 1;
const ACCESS_WRITE: i32 = 2;
const ACCESS_COPY: i32 = 3;

struct Mmap {
    /// The mapping; null once closed (every method checks first).
    data: *mut u8,
    size: usize,
    pos: usize,
    offset: i64,
    exports: usize,
    /// Our duplicate of the caller's descriptor, -1 for anonymous maps.
    fd: c_int,
    access: i32,
}

impl State for Mmap {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

impl Mmap {
    /// Unmaps and closes the descriptor; idempotent.
    fn release(&mut self) {
        if self.fd >= 0 {
            // SAFETY: the descriptor is our own duplicate.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
        if !self.data.is_null() {
            // SAFETY: data/size describe the live mapping made by mmap/mremap.
            unsafe { libc::munmap(self.data as *mut libc::c_void, self.size) };
            self.data = null_mut();
        }
    }

    /// The mapped bytes. Callers convert every argument (which may run
    /// Python code that closes or resizes the map) before taking this.
    fn mem(&mut self) -> &mut [u8] {
        if self.data.is_null() || self.size == 0 {
            return &mut [];
        }
        // SAFETY: a live mapping of `size` bytes, owned by this object;
        // the GIL is held so no other thread unmaps it meanwhile.
        unsafe { std::slice::from_raw_parts_mut(self.data, self.size) }
    }

    fn mem_ref(&self) -> &[u8] {
        if self.data.is_null() || self.size == 0 {
            return &[];
        }
        // SAFETY: as `mem`, read-only.
        unsafe { std::slice::from_raw_parts(self.data, self.size) }
    }

    fn writable(&self) -> PyResult<()> {
        if self.access == ACCESS_READ {
            bail!(TypeError, "mmap can't modify a readonly memory map.");
        }
        Ok(())
    }

    fn resizeable(&self) -> PyResult<()> {
        if self.exports > 0 {
            bail!(BufferError, "mmap can't resize with extant buffers exported.");
        }
        if self.access == ACCESS_WRITE || self.access == ACCESS_DEFAULT {
            return Ok(());
        }
        bail!(TypeError, "mmap can't resize a readonly or copy-on-write memory map.")
    }
}

impl Drop for Mmap {
    fn drop(&mut self) {
        self.release();
    }
}

static mut MMAP_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut MMAP_SEQ: PySequenceMethods = PySequenceMethods::EMPTY;
static mut MMAP_MAP: PyMappingMethods = PyMappingMethods::EMPTY;
static mut MMAP_BUF: PyBufferProcs = PyBufferProcs { bf_getbuffer: None, bf_releasebuffer: None };

fn mmap_type() -> *mut PyTypeObject {
    &raw mut MMAP_TYPE
}

fn st(o: &Obj) -> &mut Mmap {
    native::state::<Mmap>(o).expect("mmap state")
}

/// The state of an open map, else CPython's "mmap closed or invalid".
fn live(o: &Obj) -> PyResult<&mut Mmap> {
    let s = st(o);
    if s.data.is_null() {
        bail!(ValueError, "mmap closed or invalid");
    }
    Ok(s)
}

// ---------------------------------------------------------------------------
// Argument conversion (PyArg_ParseTuple's codes).

/// "i": a C int.
fn conv_int(o: &Obj) -> PyResult<i32> {
    crate::posix::args::getargs_int(o)
}

/// "n": a Py_ssize_t.
fn conv_ssize(o: &Obj) -> PyResult<isize> {
    int::index_isize(o)
}

/// "b": an unsigned char.
fn conv_byte(o: &Obj) -> PyResult<u8> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) if v < 0 => bail!(OverflowError, "unsigned byte integer is less than minimum"),
        Some(v) if v > 255 => bail!(OverflowError, "unsigned byte integer is greater than maximum"),
        Some(v) => Ok(v as u8),
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    }
}

/// PyNumber_AsSsize_t(o, IndexError) for subscripts.
fn conv_index(o: &Obj) -> PyResult<isize> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) => Ok(v as isize),
        None => bail!(IndexError, "cannot fit '{}' into an index-sized integer", o.ty().name()),
    }
}

/// PyArg_ParseTuple's count check for a METH_VARARGS method.
fn varargs(name: &str, a: &[Obj], kw: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    no_kwargs(&format!("mmap.{}", name), kw)?;
    let n = a.len();
    if n < min || n > max {
        let (how, k) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        bail!(TypeError, "{}() takes {} {} argument{} ({} given)", name, how, k, if k == 1 { "" } else { "s" }, n);
    }
    Ok(())
}

/// A slice key as (start, step, length, size used). Converting the bounds
/// runs `__index__`, which may close or resize the map: the indices are
/// recomputed if the size moved under them (callers check for closing).
fn slice_at(o: &Obj, key: &Obj) -> PyResult<(isize, isize, usize, usize)> {
    let mut n = st(o).size;
    loop {
        let (start, _stop, step, len) = slice::unpack_indices(key, n)?;
        let s = st(o);
        if s.data.is_null() || s.size == n {
            return Ok((start, step, len, n));
        }
        n = s.size;
    }
}

// ---------------------------------------------------------------------------
// Construction.

const NEW_NAMES: [&str; 6] = ["fileno", "length", "flags", "prot", "access", "offset"];

/// The constructor's arguments by position, from the tuple then the
/// keywords (PyArg_ParseTupleAndKeywords("in|iiiL")); a missing required
/// one is reported by `mmap_new` as it converts in order.
fn gather_new(args: &Obj, kw: Option<&Obj>) -> PyResult<Vec<Option<Obj>>> {
    let pos = tuple::items(args);
    let nkw = kw.map(dict::len).unwrap_or(0);
    if pos.len() + nkw > NEW_NAMES.len() {
        bail!(TypeError, "function takes at most {} arguments ({} given)", NEW_NAMES.len(), pos.len() + nkw);
    }
    let mut out: Vec<Option<Obj>> = vec![None; NEW_NAMES.len()];
    for (i, a) in pos.iter().enumerate() {
        out[i] = Some(a.clone());
    }
    if let Some(k) = kw {
        for (i, name) in NEW_NAMES.iter().enumerate().skip(pos.len()) {
            out[i] = dict::get_item_str(k, name)?;
        }
    }
    Ok(out)
}

/// After conversion, as CPython: a name given twice, then unknown names.
fn check_new_keywords(args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let Some(k) = kw else { return Ok(()) };
    let npos = tuple::len(args);
    for (i, name) in NEW_NAMES.iter().enumerate().take(npos) {
        if dict::get_item_str(k, name)?.is_some() {
            bail!(TypeError, "argument for function given by name ('{}') and position ({})", name, i + 1);
        }
    }
    for (key, _) in dict::items_vec(k) {
        if !pystr::is_str(&key) {
            bail!(TypeError, "keywords must be strings");
        }
        let key = pystr::to_string_lossy(&key);
        if !NEW_NAMES.contains(&key.as_ref()) {
            bail!(TypeError, "'{}' is an invalid keyword argument for this function", key);
        }
    }
    Ok(())
}

fn mmap_new(t: *mut PyTypeObject, a: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let v = gather_new(a, kw)?;
    let required = |i: usize| -> PyResult<&Obj> {
        match &v[i] {
            Some(x) => Ok(x),
            None => bail!(TypeError, "function missing required argument '{}' (pos {})", NEW_NAMES[i], i + 1),
        }
    };
    let fd = conv_int(required(0)?)?;
    let map_size = conv_ssize(required(1)?)?;
    let mut flags = match &v[2] {
        Some(x) => conv_int(x)?,
        None => libc::MAP_SHARED,
    };
    let mut prot = match &v[3] {
        Some(x) => conv_int(x)?,
        None => libc::PROT_WRITE | libc::PROT_READ,
    };
    let mut access = match &v[4] {
        Some(x) => conv_int(x)?,
        None => ACCESS_DEFAULT,
    };
    let offset = match &v[5] {
        Some(x) => args::to_long(x)?,
        None => 0,
    };
    check_new_keywords(a, kw)?;
    if map_size < 0 {
        bail!(OverflowError, "memory mapped length must be positive");
    }
    if offset < 0 {
        bail!(OverflowError, "memory mapped offset must be positive");
    }
    if access != ACCESS_DEFAULT && (flags != libc::MAP_SHARED || prot != (libc::PROT_WRITE | libc::PROT_READ)) {
        bail!(ValueError, "mmap can't specify both access and flags, prot.");
    }
    match access {
        ACCESS_READ => {
            flags = libc::MAP_SHARED;
            prot = libc::PROT_READ;
        }
        ACCESS_WRITE => {
            flags = libc::MAP_SHARED;
            prot = libc::PROT_READ | libc::PROT_WRITE;
        }
        ACCESS_COPY => {
            flags = libc::MAP_PRIVATE;
            prot = libc::PROT_READ | libc::PROT_WRITE;
        }
        ACCESS_DEFAULT => {
            // The access mode follows prot, so writes are refused on maps
            // that cannot be written.
            if prot & libc::PROT_READ != 0 && prot & libc::PROT_WRITE != 0 {
            } else if prot & libc::PROT_WRITE != 0 {
                access = ACCESS_WRITE;
            } else {
                access = ACCESS_READ;
            }
        }
        _ => bail!(ValueError, "mmap invalid access parameter."),
    }
    krait_runtime::modules::sys::audit(
        "mmap.__new__",
        &[int::from_i64(fd as i64), int::from_i64(map_size as i64), int::from_i64(access as i64), int::from_i64(offset)],
    )?;
    let mut map_size = map_size as usize;
    if fd != -1 {
        // SAFETY: fstat writes into a zeroed stat buffer we own.
        let mut sb: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut sb) } == 0 && (sb.st_mode & libc::S_IFMT) == libc::S_IFREG {
            let fsize = sb.st_size;
            if map_size == 0 {
                if fsize == 0 {
                    bail!(ValueError, "cannot mmap an empty file");
                }
                if offset >= fsize {
                    bail!(ValueError, "mmap offset is greater than file size");
                }
                map_size = (fsize - offset) as usize;
            } else if offset > fsize || ((fsize - offset) as u64) < map_size as u64 {
                bail!(ValueError, "mmap length is greater than file size");
            }
        }
    }
    // The map keeps its own descriptor (close-on-exec, as _Py_dup), so
    // size() and resize() work after the caller closes its file.
    let dupfd = if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
        -1
    } else {
        let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if d < 0 {
            return Err(args::last_error());
        }
        d
    };
    let p = krait_runtime::gil::allow_threads(|| unsafe {
        libc::mmap(null_mut(), map_size, prot, flags, dupfd, offset as libc::off_t)
    });
    if p == libc::MAP_FAILED {
        let e = args::last_error();
        if dupfd >= 0 {
            unsafe { libc::close(dupfd) };
        }
        return Err(e);
    }
    let state = Mmap { data: p as *mut u8, size: map_size, pos: 0, offset, exports: 0, fd: dupfd, access };
    native::alloc(t, state)
}
krait_runtime::new_slot!(mmap_new_slot => mmap_new);

// ---------------------------------------------------------------------------
// Sequence and mapping slots.

fn mmap_len(o: &Obj) -> PyResult<usize> {
    Ok(live(o)?.size)
}
krait_runtime::len_slot!(mmap_len_slot => mmap_len);

/// sq_item: what iteration sees, a bytes object of length 1.
fn mmap_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let s = live(o)?;
    if i < 0 || i as usize >= s.size {
        bail!(IndexError, "mmap index out of range");
    }
    Ok(bytes::new(&s.mem()[i as usize..i as usize + 1]))
}
krait_runtime::sq_item_slot!(mmap_item_slot => mmap_item);

/// sq_ass_item (PySequence_SetItem): a length-1 bytes value.
fn mmap_ass_item(o: &Obj, i: isize, v: Option<&Obj>) -> PyResult<()> {
    let s = live(o)?;
    if i < 0 || i as usize >= s.size {
        bail!(IndexError, "mmap index out of range");
    }
    let Some(v) = v else { bail!(TypeError, "mmap object doesn't support item deletion") };
    if !bytes::is_bytes(v) || bytes::as_slice(v).len() != 1 {
        bail!(IndexError, "mmap assignment must be length-1 bytes()");
    }
    s.writable()?;
    s.mem()[i as usize] = bytes::as_slice(v)[0];
    Ok(())
}

unsafe extern "C" fn mmap_ass_item_slot(a: *mut PyObject, i: isize, v: *mut PyObject) -> c_int {
    let a = Obj::borrow_slot(&a);
    let v = if v.is_null() { None } else { Some(Obj::borrow_slot(&v)) };
    krait_runtime::types::slots::ret_status(mmap_ass_item(a, i, v))
}

fn mmap_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    live(o)?;
    if ops::number::has_index(key) {
        let i = conv_index(key)?;
        let s = live(o)?;
        let i = if i < 0 { i + s.size as isize } else { i };
        if i < 0 || i as usize >= s.size {
            bail!(IndexError, "mmap index out of range");
        }
        return Ok(int::from_i64(s.mem()[i as usize] as i64));
    }
    if slice::is_slice(key) {
        let (start, step, len, _) = slice_at(o, key)?;
        let mem = live(o)?.mem_ref();
        if step == 1 {
            return Ok(bytes::new(&mem[start as usize..start as usize + len]));
        }
        let out: Vec<u8> = (0..len).map(|k| mem[(start + k as isize * step) as usize]).collect();
        return Ok(bytes::new(&out));
    }
    bail!(TypeError, "mmap indices must be integers")
}
krait_runtime::binary_slot!(mmap_subscript_slot => mmap_subscript);

fn mmap_ass_subscript(o: &Obj, key: &Obj, v: Option<&Obj>) -> PyResult<()> {
    live(o)?.writable()?;
    if ops::number::has_index(key) {
        let i = conv_index(key)?;
        let n = live(o)?.size as isize;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            bail!(IndexError, "mmap index out of range");
        }
        let Some(v) = v else { bail!(TypeError, "mmap doesn't support item deletion") };
        if !ops::number::has_index(v) {
            bail!(TypeError, "mmap item value must be an int");
        }
        let x = int::index_raw(v)?;
        let x = match int::as_i64(&x) {
            Some(x) => x,
            None => bail!(TypeError, "cannot fit '{}' into an index-sized integer", v.ty().name()),
        };
        if !(0..=255).contains(&x) {
            bail!(ValueError, "mmap item value must be in range(0, 256)");
        }
        // __index__ of the key or value may have closed or shrunk the map.
        let s = live(o)?;
        if i as usize >= s.size {
            bail!(IndexError, "mmap index out of range");
        }
        s.mem()[i as usize] = x as u8;
        return Ok(());
    }
    if slice::is_slice(key) {
        let (start, step, len, n) = slice_at(o, key)?;
        let Some(v) = v else { bail!(TypeError, "mmap object doesn't support slice deletion") };
        let src = Buffer::get(v, buffer::SIMPLE)?;
        if src.len() != len {
            bail!(IndexError, "mmap slice assignment is wrong size");
        }
        // The value may be a view of this map: copy it out first.
        let data = src.as_slice().to_vec();
        drop(src);
        let s = live(o)?;
        if s.size != n {
            bail!(ValueError, "mmap closed or invalid");
        }
        let mem = s.mem();
        if step == 1 {
            mem[start as usize..start as usize + len].copy_from_slice(&data);
        } else {
            for (k, b) in data.iter().enumerate() {
                mem[(start + k as isize * step) as usize] = *b;
            }
        }
        return Ok(());
    }
    bail!(TypeError, "mmap indices must be integer")
}
krait_runtime::setter_slot!(mmap_ass_subscript_slot => mmap_ass_subscript);

fn mmap_repr(o: &Obj) -> PyResult<Obj> {
    let name = o.ty().full_name().to_string();
    let s = st(o);
    if s.data.is_null() {
        return Ok(pystr::new(&format!("<{} closed=True>", name)));
    }
    let access = match s.access {
        ACCESS_READ => "ACCESS_READ",
        ACCESS_WRITE => "ACCESS_WRITE",
        ACCESS_COPY => "ACCESS_COPY",
        _ => "ACCESS_DEFAULT",
    };
    Ok(pystr::new(&format!(
        "<{} closed=False, access={}, length={}, pos={}, offset={}>",
        name, access, s.size, s.pos, s.offset
    )))
}
krait_runtime::unary_slot!(mmap_repr_slot => mmap_repr);

// ---------------------------------------------------------------------------
// Buffer protocol.

unsafe extern "C" fn mmap_getbuffer(o: *mut PyObject, view: *mut PyBuffer, flags: c_int) -> c_int {
    let obj = Obj::borrow_slot(&o);
    let s = match live(obj) {
        Ok(s) => s,
        Err(_) => return -1,
    };
    let readonly = s.access == ACCESS_READ;
    if buffer::fill_info(view, obj, s.data, s.size as isize, readonly, flags).is_err() {
        return -1;
    }
    s.exports += 1;
    0
}

unsafe extern "C" fn mmap_releasebuffer(o: *mut PyObject, _view: *mut PyBuffer) {
    let obj = Obj::borrow_slot(&o);
    if let Some(s) = native::state::<Mmap>(obj) {
        s.exports = s.exports.saturating_sub(1);
    }
}

// ---------------------------------------------------------------------------
// Methods.

fn m_close(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mmap.close", a, kw, 0, 0)?;
    close_impl(o)
}

fn close_impl(o: &Obj) -> PyResult<Obj> {
    let s = st(o);
    if s.exports > 0 {
        bail!(BufferError, "cannot close exported pointers exist");
    }
    s.release();
    Ok(none::none())
}

fn get_closed(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(st(o).data.is_null()))
}

fn m_enter(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mmap.__enter__", a, kw, 0, 0)?;
    live(o)?;
    Ok(o.clone())
}

fn m_exit(o: &Obj, _a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("mmap.__exit__", kw)?;
    close_impl(o)
}

/// find/rfind: `start` defaults to the current position; bounds are
/// clamped as slice indices.
fn gfind(o: &Obj, a: &[Obj], kw: Option<&Obj>, reverse: bool) -> PyResult<Obj> {
    let name = if reverse { "rfind" } else { "find" };
    let (pos, size) = {
        let s = live(o)?;
        (s.pos as isize, s.size as isize)
    };
    varargs(name, a, kw, 1, 3)?;
    let needle = Buffer::get(&a[0], buffer::SIMPLE)?;
    let mut start = match a.get(1) {
        Some(x) => conv_ssize(x)?,
        None => pos,
    };
    let mut end = match a.get(2) {
        Some(x) => conv_ssize(x)?,
        None => size,
    };
    let s = live(o)?;
    let size = s.size as isize;
    let clamp = |v: isize| -> isize {
        let v = if v < 0 { v.saturating_add(size) } else { v };
        v.clamp(0, size)
    };
    start = clamp(start);
    end = clamp(end);
    if end < start {
        return Ok(int::from_i64(-1));
    }
    let hay = &s.mem_ref()[start as usize..end as usize];
    let pat = needle.as_slice();
    let found = if pat.is_empty() {
        Some(if reverse { hay.len() } else { 0 })
    } else if pat.len() > hay.len() {
        None
    } else if reverse {
        hay.windows(pat.len()).rposition(|w| w == pat)
    } else {
        memchr_find(hay, pat)
    };
    Ok(int::from_i64(found.map_or(-1, |i| i as i64 + start as i64)))
}

/// Forward search: candidates found by the first byte, then compared.
fn memchr_find(hay: &[u8], pat: &[u8]) -> Option<usize> {
    let first = pat[0];
    let last_start = hay.len() - pat.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&b| b == first) {
            None => return None,
            Some(k) => {
                let at = i + k;
                if &hay[at..at + pat.len()] == pat {
                    return Some(at);
                }
                i = at + 1;
            }
        }
    }
    None
}

fn m_find(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    gfind(o, a, kw, false)
}

fn m_rfind(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    gfind(o, a, kw, true)
}

fn m_flush(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let size = live(o)?.size as isize;
    varargs("flush", a, kw, 0, 2)?;
    let offset = match a.first() {
        Some(x) => conv_ssize(x)?,
        None => 0,
    };
    let len = match a.get(1) {
        Some(x) => conv_ssize(x)?,
        None => size,
    };
    let s = live(o)?;
    let size = s.size as isize;
    if len < 0 || offset < 0 || size - offset < len {
        bail!(ValueError, "flush values out of range");
    }
    if s.access == ACCESS_READ || s.access == ACCESS_COPY {
        return Ok(none::none());
    }
    // SAFETY: [offset, offset+len) lies inside the live mapping (checked above).
    let r = unsafe { libc::msync(s.data.add(offset as usize) as *mut libc::c_void, len as usize, libc::MS_SYNC) };
    if r == -1 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

fn m_madvise(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let size = live(o)?.size as isize;
    varargs("madvise", a, kw, 1, 3)?;
    let option = conv_int(&a[0])?;
    let start = match a.get(1) {
        Some(x) => conv_ssize(x)?,
        None => 0,
    };
    let mut len = match a.get(2) {
        Some(x) => conv_ssize(x)?,
        None => size,
    };
    if start < 0 || start >= size {
        bail!(ValueError, "madvise start out of bounds");
    }
    if len < 0 {
        bail!(ValueError, "madvise length invalid");
    }
    if isize::MAX - start < len {
        bail!(OverflowError, "madvise length too large");
    }
    let s = live(o)?;
    let size = s.size as isize;
    if start >= size {
        bail!(ValueError, "madvise start out of bounds");
    }
    if start + len > size {
        len = size - start;
    }
    // SAFETY: the range lies inside the live mapping.
    let r = unsafe { libc::madvise(s.data.add(start as usize) as *mut libc::c_void, len as usize, option) };
    if r != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

fn m_move(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    live(o)?;
    varargs("move", a, kw, 3, 3)?;
    let dest = conv_ssize(&a[0])?;
    let src = conv_ssize(&a[1])?;
    let cnt = conv_ssize(&a[2])?;
    st(o).writable()?;
    let s = live(o)?;
    let size = s.size as isize;
    if dest < 0 || src < 0 || cnt < 0 || size - dest < cnt || size - src < cnt {
        bail!(ValueError, "source, destination, or count out of range");
    }
    s.mem().copy_within(src as usize..(src + cnt) as usize, dest as usize);
    Ok(none::none())
}

fn m_read(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    live(o)?;
    varargs("read", a, kw, 0, 1)?;
    let mut n = isize::MAX;
    if let Some(x) = a.first() {
        if !none::is_none(x) {
            if !ops::number::has_index(x) {
                bail!(TypeError, "argument should be integer or None, not '{}'", x.ty().name());
            }
            n = int::number_as_ssize(x)?;
        }
    }
    let s = live(o)?;
    let remaining = s.size.saturating_sub(s.pos) as isize;
    if n < 0 || n > remaining {
        n = remaining;
    }
    if n == 0 {
        // The position may lie past the end after a shrinking resize.
        return Ok(bytes::new(b""));
    }
    let pos = s.pos;
    let out = bytes::new(&s.mem_ref()[pos..pos + n as usize]);
    s.pos += n as usize;
    Ok(out)
}

fn m_read_byte(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mmap.read_byte", a, kw, 0, 0)?;
    let s = live(o)?;
    if s.pos >= s.size {
        bail!(ValueError, "read byte out of range");
    }
    let b = s.mem_ref()[s.pos];
    s.pos += 1;
    Ok(int::from_i64(b as i64))
}

fn m_readline(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mmap.readline", a, kw, 0, 0)?;
    let s = live(o)?;
    if s.pos >= s.size {
        return Ok(bytes::new(b""));
    }
    let pos = s.pos;
    let rest = &s.mem()[pos..];
    let n = match rest.iter().position(|&b| b == b'\n') {
        Some(k) => k + 1,
        None => rest.len(),
    };
    let out = bytes::new(&rest[..n]);
    s.pos += n;
    Ok(out)
}

fn m_resize(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    live(o)?;
    varargs("resize", a, kw, 1, 1)?;
    let new_size = conv_ssize(&a[0])?;
    let s = live(o)?;
    s.resizeable()?;
    if new_size < 0 || isize::MAX as i64 - (new_size as i64) < s.offset {
        bail!(ValueError, "new size out of range");
    }
    if s.fd != -1 && unsafe { libc::ftruncate(s.fd, s.offset + new_size as i64) } == -1 {
        return Err(args::last_error());
    }
    // SAFETY: data/size describe our live mapping; MREMAP_MAYMOVE lets the
    // kernel move it, and the new address replaces the old one.
    let p = unsafe { libc::mremap(s.data as *mut libc::c_void, s.size, new_size as usize, libc::MREMAP_MAYMOVE) };
    if p == libc::MAP_FAILED {
        return Err(args::last_error());
    }
    s.data = p as *mut u8;
    s.size = new_size as usize;
    Ok(none::none())
}

fn m_seek(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    live(o)?;
    varargs("seek", a, kw, 1, 2)?;
    let dist = conv_ssize(&a[0])?;
    let how = match a.get(1) {
        Some(x) => conv_int(x)?,
        None => 0,
    };
    // As CPython, no second check: converting `dist` may have closed the
    // map, and then only the position changes.
    let s = st(o);
    let (pos, size) = (s.pos as isize, s.size as isize);
    let target = match how {
        0 => Some(dist),
        1 => pos.checked_add(dist),
        2 => size.checked_add(dist),
        _ => bail!(ValueError, "unknown seek type"),
    };
    match target {
        Some(w) if (0..=size).contains(&w) => {
            s.pos = w as usize;
            Ok(none::none())
        }
        _ => bail!(ValueError, "seek out of range"),
    }
}

fn m_size(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mmap.size", a, kw, 0, 0)?;
    let s = live(o)?;
    // The size of the file; 3.11 asks fstat even for anonymous maps
    // (fd -1), which fails with EBADF.
    // SAFETY: fstat writes into a zeroed stat buffer we own.
    let mut sb: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(s.fd, &mut sb) } == -1 {
        return Err(args::last_error());
    }
    Ok(int::from_i64(sb.st_size))
}

fn m_tell(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("mmap.tell", a, kw, 0, 0)?;
    Ok(int::from_usize(live(o)?.pos))
}

fn m_write(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    live(o)?;
    varargs("write", a, kw, 1, 1)?;
    let src = Buffer::get(&a[0], buffer::SIMPLE)?;
    st(o).writable()?;
    let n = src.len();
    {
        let s = st(o);
        if s.pos > s.size || s.size - s.pos < n {
            bail!(ValueError, "data out of range");
        }
    }
    let s = live(o)?;
    // The source may be this very map (or another view of it): copy first.
    let data = src.as_slice().to_vec();
    let pos = s.pos;
    s.mem()[pos..pos + n].copy_from_slice(&data);
    s.pos += n;
    Ok(int::from_usize(n))
}

fn m_write_byte(o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    live(o)?;
    varargs("write_byte", a, kw, 1, 1)?;
    let b = conv_byte(&a[0])?;
    st(o).writable()?;
    let s = live(o)?;
    if s.pos >= s.size {
        bail!(ValueError, "write byte out of range");
    }
    let pos = s.pos;
    s.mem()[pos] = b;
    s.pos += 1;
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Module.

fn init_type() -> PyResult<()> {
    unsafe {
        let t = mmap_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Mmap>(t, "mmap.mmap", true);
        // Holds no object references: no collector support needed.
        (*t).tp_flags &= !tpflags::HAVE_GC;
        (*t).tp_traverse = None;
        (*t).tp_clear = None;
        (*t).tp_weaklistoffset = native::weaklist_offset::<Mmap>();
        let sq = &raw mut MMAP_SEQ;
        (*sq).sq_length = Some(mmap_len_slot);
        (*sq).sq_item = Some(mmap_item_slot);
        (*sq).sq_ass_item = Some(mmap_ass_item_slot);
        (*t).tp_as_sequence = sq;
        let mp = &raw mut MMAP_MAP;
        (*mp).mp_length = Some(mmap_len_slot);
        (*mp).mp_subscript = Some(mmap_subscript_slot);
        (*mp).mp_ass_subscript = Some(mmap_ass_subscript_slot);
        (*t).tp_as_mapping = mp;
        let bf = &raw mut MMAP_BUF;
        (*bf).bf_getbuffer = Some(mmap_getbuffer);
        (*bf).bf_releasebuffer = Some(mmap_releasebuffer);
        (*t).tp_as_buffer = bf;
        (*t).tp_new = Some(mmap_new_slot);
        (*t).tp_repr = Some(mmap_repr_slot);
        (*t).tp_doc = c"Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\nMaps length bytes from the file specified by the file handle fileno,\nand returns a mmap object.  If length is larger than the current size\nof the file, the file is extended to contain length bytes.  If length\nis 0, the maximum length of the map is the current size of the file,\nexcept that if the file is empty Windows raises an exception (you cannot\ncreate an empty mapping on Windows).\n\nUnix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\nMaps length bytes from the file specified by the file descriptor fileno,\nand returns a mmap object.  If length is 0, the maximum length of the map\nwill be the current size of the file when mmap is called.\nflags specifies the nature of the mapping. MAP_PRIVATE creates a\nprivate copy-on-write mapping, so changes to the contents of the mmap\nobject will be private to this process, and MAP_SHARED creates a mapping\nthat's shared with all other processes mapping the same areas of the file.\nThe default value is MAP_SHARED.\n\nTo map anonymous memory, pass -1 as the fileno (both versions).".as_ptr();
        (*t).tp_methods = method_table(&[
            method("close", m_close),
            method("find", m_find),
            method("rfind", m_rfind),
            method("flush", m_flush),
            method("madvise", m_madvise),
            method("move", m_move),
            method("read", m_read),
            method("read_byte", m_read_byte),
            method("readline", m_readline),
            method("resize", m_resize),
            method("seek", m_seek),
            method("size", m_size),
            method("tell", m_tell),
            method("write", m_write),
            method("write_byte", m_write_byte),
            method("__enter__", m_enter),
            method("__exit__", m_exit),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("closed", get_closed)]);
        native::ready(t)?;
        // CPython's mmap is a heap type, whose dict holds `__module__`.
        dict::set_item_str(&Obj::from_borrowed((*t).tp_dict), "__module__", &pystr::new("mmap"))?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_type()?;
    let m = module::new("mmap")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "mmap", &type_::type_obj(mmap_type()))?;
    dict::set_item_str(&d, "error", &type_::type_obj(exceptions::OSError()))?;
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    let consts: &[(&str, i64)] = &[
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("ACCESS_DEFAULT", ACCESS_DEFAULT as i64),
        ("ACCESS_READ", ACCESS_READ as i64),
        ("ACCESS_WRITE", ACCESS_WRITE as i64),
        ("ACCESS_COPY", ACCESS_COPY as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
    ];
    for (name, v) in consts {
        dict::set_item_str(&d, name, &int::from_i64(*v))?;
    }
    Ok(m)
}
