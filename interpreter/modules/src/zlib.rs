//! The `zlib` module over the system's zlib (through `libz-sys`), so the
//! compressed bytes are the ones CPython's zlib produces: one-shot
//! `compress`/`decompress`, streaming `Compress`/`Decompress` objects with
//! flush modes, `copy()`, dictionaries and `max_length`, the checksums, the
//! constants, and `zlib.error` with CPython's "Error N while ..." messages.
//!
//! A `z_stream` keeps a pointer back to itself inside zlib's state, so each
//! stream lives in a `Box` that never moves; an ended stream (its state
//! pointer null) is still safe to hand to zlib, which then answers
//! Z_STREAM_ERROR just as CPython's objects do after `flush(Z_FINISH)`.

use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytes, dict, exceptions, int, module, str as pystr, type_};
use libz_sys as z;
use std::os::raw::{c_int, c_uint, c_void};

const DEF_BUF_SIZE: usize = 16384;
const DEF_MEM_LEVEL: c_int = 8;
const MAX_WBITS: c_int = 15;
/// Output grows in steps of at least this much (CPython's first block is 32 KiB).
const MIN_GROW: usize = 32 * 1024;

static ERROR: crate::Keep = crate::Keep::new();

fn error_type() -> *mut PyTypeObject {
    type_::as_type(&ERROR.get().expect("zlib.error"))
}

// ---------------------------------------------------------------------------
// Streams.

unsafe extern "C" fn zalloc(_opaque: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    libc::calloc(items as usize, size as usize)
}

unsafe extern "C" fn zfree(_opaque: *mut c_void, p: *mut c_void) {
    libc::free(p)
}

fn new_stream() -> Box<z::z_stream> {
    Box::new(z::z_stream {
        next_in: std::ptr::null_mut(),
        avail_in: 0,
        total_in: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: std::ptr::null_mut(),
        state: std::ptr::null_mut(),
        zalloc,
        zfree,
        opaque: std::ptr::null_mut(),
        data_type: 0,
        adler: 0,
        reserved: 0,
    })
}

fn stream_size() -> c_int {
    std::mem::size_of::<z::z_stream>() as c_int
}

fn deflate_init(s: &mut z::z_stream, level: c_int, method: c_int, wbits: c_int, mem: c_int, strategy: c_int) -> c_int {
    unsafe { z::deflateInit2_(s, level, method, wbits, mem, strategy, z::zlibVersion(), stream_size()) }
}

fn inflate_init(s: &mut z::z_stream, wbits: c_int) -> c_int {
    unsafe { z::inflateInit2_(s, wbits, z::zlibVersion(), stream_size()) }
}

fn version() -> String {
    unsafe { std::ffi::CStr::from_ptr(z::zlibVersion()) }.to_string_lossy().into_owned()
}

/// zlib.error for code `err` after an operation described by `what`
/// ("while compressing data"), with the stream's own message if it has one.
fn zlib_error(s: &z::z_stream, err: c_int, what: &str) -> PyErr {
    let zmsg: Option<String> = if err == z::Z_VERSION_ERROR {
        Some("library version mismatch".into())
    } else if !s.msg.is_null() {
        Some(unsafe { std::ffi::CStr::from_ptr(s.msg) }.to_string_lossy().into_owned())
    } else {
        match err {
            z::Z_BUF_ERROR => Some("incomplete or truncated stream".into()),
            z::Z_STREAM_ERROR => Some("inconsistent stream state".into()),
            z::Z_DATA_ERROR => Some("invalid input data".into()),
            _ => None,
        }
    };
    match zmsg {
        Some(m) => {
            let m: String = m.chars().take(200).collect();
            errors::raise(error_type(), format!("Error {} {}: {}", err, what, m))
        }
        None => errors::raise(error_type(), format!("Error {} {}", err, what)),
    }
}

/// Output accumulated from a stream: zlib writes into the vector's spare
/// capacity (never zero-filled first), which grows when zlib has filled
/// it, never beyond `limit` bytes of output.
struct Out {
    v: Vec<u8>,
    limit: usize,
}

impl Out {
    fn new(first: usize, limit: Option<usize>) -> Out {
        let limit = limit.unwrap_or(usize::MAX);
        Out { v: Vec::with_capacity(first.min(limit)), limit }
    }

    fn filled(&self) -> usize {
        self.v.len()
    }

    /// True when the output is at its limit and full.
    fn at_limit(&self) -> bool {
        self.v.len() == self.limit
    }

    /// Points the stream at the free space, growing when there is none.
    fn prepare(&mut self, s: &mut z::z_stream) {
        if self.v.len() == self.v.capacity() {
            let grow = self.v.len().max(MIN_GROW).min(self.limit - self.v.len());
            self.v.reserve_exact(grow);
        }
        let room = (self.v.capacity() - self.v.len()).min(self.limit - self.v.len());
        s.next_out = self.v.spare_capacity_mut().as_mut_ptr() as *mut u8;
        s.avail_out = room.min(c_uint::MAX as usize) as c_uint;
    }

    /// Records what zlib wrote since `prepare`.
    fn commit(&mut self, s: &z::z_stream) {
        let end = s.next_out as usize - self.v.as_ptr() as usize;
        debug_assert!(end <= self.v.capacity());
        // zlib initialised every byte up to next_out.
        unsafe { self.v.set_len(end) };
    }

    fn into_vec(self) -> Vec<u8> {
        self.v
    }
}

/// Input handed to zlib at most `c_uint::MAX` bytes at a time; `left` is
/// what has not yet been given to the stream.
fn arrange_input(s: &mut z::z_stream, left: &mut usize) {
    let n = (*left).min(c_uint::MAX as usize);
    s.avail_in = n as c_uint;
    *left -= n;
}

/// Bytes of the input not yet consumed: the stream's avail_in plus what
/// was never handed over.
fn remaining(s: &z::z_stream, left: usize) -> usize {
    s.avail_in as usize + left
}

// ---------------------------------------------------------------------------
// Argument conversion.

fn data_arg(o: &Obj) -> PyResult<Vec<u8>> {
    Ok(Buffer::get(o, buffer::SIMPLE)?.as_slice().to_vec())
}

fn int_arg(o: Option<&Obj>, default: c_int) -> PyResult<c_int> {
    match o {
        None => Ok(default),
        Some(v) => int::as_c_int(&int::index(v)?),
    }
}

fn ssize_arg(o: Option<&Obj>, default: isize) -> PyResult<isize> {
    match o {
        None => Ok(default),
        Some(v) => int::index_isize(v),
    }
}

/// The `unsigned_int(bitwise=True)` converter: any integer, reduced modulo 2**32.
fn u32_mask_arg(o: Option<&Obj>, default: u32) -> PyResult<u32> {
    match o {
        None => Ok(default),
        Some(v) => {
            let i = int::index(v)?;
            if let Some(x) = int::as_i64(&i) {
                return Ok(x as u32);
            }
            let b = int::to_bigint(&i) & num_bigint::BigInt::from(0xffff_ffffu32);
            Ok(num_traits::ToPrimitive::to_u32(&b).unwrap_or(0))
        }
    }
}

// ---------------------------------------------------------------------------
// One-shot functions.

fn compress_bytes(data: &[u8], level: c_int, wbits: c_int) -> Result<Vec<u8>, (Box<z::z_stream>, c_int, &'static str)> {
    let mut s = new_stream();
    let err = deflate_init(&mut s, level, z::Z_DEFLATED, wbits, DEF_MEM_LEVEL, z::Z_DEFAULT_STRATEGY);
    if err != z::Z_OK {
        return Err((s, err, "init"));
    }
    let mut out = Out::new(MIN_GROW, None);
    s.next_in = data.as_ptr() as *mut u8;
    let mut left = data.len();
    let mut err;
    loop {
        arrange_input(&mut s, &mut left);
        let flush = if left == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            out.prepare(&mut s);
            err = unsafe { z::deflate(&mut *s, flush) };
            out.commit(&s);
            if err == z::Z_STREAM_ERROR {
                unsafe { z::deflateEnd(&mut *s) };
                return Err((s, err, "while compressing data"));
            }
            if s.avail_out != 0 {
                break;
            }
        }
        if flush == z::Z_FINISH {
            break;
        }
    }
    if err == z::Z_STREAM_END {
        let e = unsafe { z::deflateEnd(&mut *s) };
        if e == z::Z_OK {
            return Ok(out.into_vec());
        }
        return Err((s, e, "while finishing compression"));
    }
    unsafe { z::deflateEnd(&mut *s) };
    Err((s, err, "while compressing data"))
}

fn zlib_compress(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("compress", args, kw, &["data", "level", "wbits"], 1, 1, 3)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let level = int_arg(a[1].as_ref(), z::Z_DEFAULT_COMPRESSION)?;
    let wbits = int_arg(a[2].as_ref(), MAX_WBITS)?;
    let r = krait_runtime::gil::allow_threads(|| compress_bytes(&data, level, wbits));
    match r {
        Ok(v) => Ok(bytes::new(&v)),
        Err((s, err, what)) => {
            if what == "init" {
                match err {
                    z::Z_MEM_ERROR => bail!(MemoryError, "Out of memory while compressing data"),
                    z::Z_STREAM_ERROR => Err(errors::raise(error_type(), "Bad compression level")),
                    _ => Err(zlib_error(&s, err, "while compressing data")),
                }
            } else {
                Err(zlib_error(&s, err, what))
            }
        }
    }
}

fn decompress_bytes(data: &[u8], wbits: c_int, bufsize: usize) -> Result<Vec<u8>, (Box<z::z_stream>, c_int, &'static str)> {
    let mut s = new_stream();
    let err = inflate_init(&mut s, wbits);
    if err != z::Z_OK {
        return Err((s, err, "init"));
    }
    let mut out = Out::new(bufsize, None);
    s.next_in = data.as_ptr() as *mut u8;
    let mut left = data.len();
    let mut err;
    loop {
        arrange_input(&mut s, &mut left);
        let flush = if left == 0 { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            out.prepare(&mut s);
            err = unsafe { z::inflate(&mut *s, flush) };
            out.commit(&s);
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_MEM_ERROR => {
                    unsafe { z::inflateEnd(&mut *s) };
                    return Err((s, err, "memory"));
                }
                _ => {
                    unsafe { z::inflateEnd(&mut *s) };
                    return Err((s, err, "while decompressing data"));
                }
            }
            if s.avail_out != 0 {
                break;
            }
        }
        if err == z::Z_STREAM_END || left == 0 {
            break;
        }
    }
    if err != z::Z_STREAM_END {
        unsafe { z::inflateEnd(&mut *s) };
        return Err((s, err, "while decompressing data"));
    }
    let e = unsafe { z::inflateEnd(&mut *s) };
    if e != z::Z_OK {
        return Err((s, e, "while finishing decompression"));
    }
    Ok(out.into_vec())
}

fn zlib_decompress(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decompress", args, kw, &["data", "wbits", "bufsize"], 1, 1, 3)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let wbits = int_arg(a[1].as_ref(), MAX_WBITS)?;
    let bufsize = ssize_arg(a[2].as_ref(), DEF_BUF_SIZE as isize)?;
    if bufsize < 0 {
        bail!(ValueError, "bufsize must be non-negative");
    }
    let bufsize = (bufsize as usize).max(1);
    let r = krait_runtime::gil::allow_threads(|| decompress_bytes(&data, wbits, bufsize));
    match r {
        Ok(v) => Ok(bytes::new(&v)),
        Err((s, err, what)) => match what {
            "init" if err == z::Z_MEM_ERROR => bail!(MemoryError, "Out of memory while decompressing data"),
            "init" => Err(zlib_error(&s, err, "while preparing to decompress data")),
            "memory" => bail!(MemoryError, "Out of memory while decompressing data"),
            _ => Err(zlib_error(&s, err, what)),
        },
    }
}

fn zlib_crc32(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("zlib.crc32", args, kw, 1, 2)?;
    let buf = Buffer::get(&args[0], buffer::SIMPLE)?;
    let start = u32_mask_arg(args.get(1), 0)?;
    Ok(int::from_u64(checksum(buf.as_slice(), start, |c, p, n| unsafe { z::crc32(c, p, n) }) as u64))
}

fn zlib_adler32(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("zlib.adler32", args, kw, 1, 2)?;
    let buf = Buffer::get(&args[0], buffer::SIMPLE)?;
    let start = u32_mask_arg(args.get(1), 1)?;
    Ok(int::from_u64(checksum(buf.as_slice(), start, |c, p, n| unsafe { z::adler32(c, p, n) }) as u64))
}

/// Runs a zlib checksum over `data` in pieces zlib's length type can hold;
/// large inputs are copied and summed with the GIL released.
fn checksum(data: &[u8], start: u32, f: impl Fn(z::uLong, *const u8, c_uint) -> z::uLong) -> u32 {
    let run = |d: &[u8]| {
        let mut c = start as z::uLong;
        for chunk in d.chunks(c_uint::MAX as usize) {
            c = f(c, chunk.as_ptr(), chunk.len() as c_uint);
        }
        c as u32
    };
    if data.len() > 5 * 1024 {
        let copy = data.to_vec();
        krait_runtime::gil::allow_threads(|| run(&copy))
    } else {
        run(data)
    }
}

// ---------------------------------------------------------------------------
// Compress objects.

struct Comp {
    s: Box<z::z_stream>,
    initialised: bool,
}

impl State for Comp {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

impl Drop for Comp {
    fn drop(&mut self) {
        if self.initialised {
            unsafe { z::deflateEnd(&mut *self.s) };
        }
    }
}

static mut COMPRESS_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DECOMPRESS_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn comp(o: &Obj) -> PyResult<&mut Comp> {
    match native::state::<Comp>(o) {
        Some(c) => Ok(c),
        None => bail!(ValueError, "Inconsistent stream state"),
    }
}

fn zlib_compressobj(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args(
        "compressobj",
        args,
        kw,
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        0,
        0,
        6,
    )?;
    let level = int_arg(a[0].as_ref(), z::Z_DEFAULT_COMPRESSION)?;
    let method = int_arg(a[1].as_ref(), z::Z_DEFLATED)?;
    let wbits = int_arg(a[2].as_ref(), MAX_WBITS)?;
    let mem = int_arg(a[3].as_ref(), DEF_MEM_LEVEL)?;
    let strategy = int_arg(a[4].as_ref(), z::Z_DEFAULT_STRATEGY)?;
    let zdict = match &a[5] {
        Some(d) => Some(Buffer::get(d, buffer::SIMPLE)?.as_slice().to_vec()),
        None => None,
    };
    let mut s = new_stream();
    let err = deflate_init(&mut s, level, method, wbits, mem, strategy);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => bail!(MemoryError, "Can't allocate memory for compression object"),
        z::Z_STREAM_ERROR => bail!(ValueError, "Invalid initialization option"),
        _ => return Err(zlib_error(&s, err, "while creating compression object")),
    }
    let c = Comp { s, initialised: true };
    let mut c = c;
    if let Some(d) = zdict {
        if d.len() > c_uint::MAX as usize {
            bail!(OverflowError, "zdict length does not fit in an unsigned int");
        }
        let e = unsafe { z::deflateSetDictionary(&mut *c.s, d.as_ptr(), d.len() as c_uint) };
        if e != z::Z_OK {
            bail!(ValueError, "Invalid dictionary");
        }
    }
    native::alloc(&raw mut COMPRESS_TYPE, c)
}

fn compress_compress(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("compress", args, kw, &["data"], 1, 1, 1)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let c = comp(o)?;
    let s = &mut *c.s;
    let mut out = Out::new(MIN_GROW, None);
    s.next_in = data.as_ptr() as *mut u8;
    let mut left = data.len();
    loop {
        arrange_input(s, &mut left);
        loop {
            out.prepare(s);
            let err = unsafe { z::deflate(s, z::Z_NO_FLUSH) };
            out.commit(s);
            if err == z::Z_STREAM_ERROR {
                return Err(zlib_error(s, err, "while compressing data"));
            }
            if s.avail_out != 0 {
                break;
            }
        }
        if left == 0 {
            break;
        }
    }
    s.next_in = std::ptr::null_mut();
    Ok(bytes::new(&out.into_vec()))
}

fn compress_flush(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("flush", args, kw, &["mode"], 1, 0, 1)?;
    let mode = int_arg(a[0].as_ref(), z::Z_FINISH)?;
    if mode == z::Z_NO_FLUSH {
        return Ok(bytes::new(b""));
    }
    let c = comp(o)?;
    let s = &mut *c.s;
    s.avail_in = 0;
    let mut out = Out::new(MIN_GROW, None);
    let mut err;
    loop {
        out.prepare(s);
        err = unsafe { z::deflate(s, mode) };
        out.commit(s);
        if err == z::Z_STREAM_ERROR {
            return Err(zlib_error(s, err, "while flushing"));
        }
        if s.avail_out != 0 {
            break;
        }
    }
    if err == z::Z_STREAM_END && mode == z::Z_FINISH {
        let e = unsafe { z::deflateEnd(s) };
        c.initialised = false;
        if e != z::Z_OK {
            return Err(zlib_error(&c.s, e, "while finishing compression"));
        }
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(s, err, "while flushing"));
    }
    Ok(bytes::new(&out.into_vec()))
}

fn compress_copy_impl(o: &Obj) -> PyResult<Obj> {
    let c = comp(o)?;
    if !c.initialised {
        bail!(ValueError, "Inconsistent stream state");
    }
    let mut s = new_stream();
    let err = unsafe { z::deflateCopy(&mut *s, &mut *c.s) };
    match err {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => bail!(ValueError, "Inconsistent stream state"),
        z::Z_MEM_ERROR => bail!(MemoryError, "Can't allocate memory for compression object"),
        _ => return Err(zlib_error(&c.s, err, "while copying compression object")),
    }
    native::alloc(&raw mut COMPRESS_TYPE, Comp { s, initialised: true })
}

fn compress_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args("copy", args, kw)?;
    compress_copy_impl(o)
}

fn compress_dunder_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args("__copy__", args, kw)?;
    compress_copy_impl(o)
}

fn compress_deepcopy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("__deepcopy__", args, kw, &["memo"], 1, 1, 1)?;
    compress_copy_impl(o)
}

// ---------------------------------------------------------------------------
// Decompress objects.

struct Decomp {
    s: Box<z::z_stream>,
    initialised: bool,
    unused_data: Obj,
    unconsumed_tail: Obj,
    eof: bool,
    zdict: Option<Obj>,
}

impl State for Decomp {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.unused_data);
        native::push(out, &self.unconsumed_tail);
        native::push_opt(out, &self.zdict);
    }
}

impl Drop for Decomp {
    fn drop(&mut self) {
        if self.initialised {
            unsafe { z::inflateEnd(&mut *self.s) };
        }
    }
}

fn decomp(o: &Obj) -> PyResult<&mut Decomp> {
    match native::state::<Decomp>(o) {
        Some(c) => Ok(c),
        None => bail!(ValueError, "Inconsistent stream state"),
    }
}

fn set_inflate_zdict(s: &mut z::z_stream, zdict: &Obj) -> PyResult<()> {
    let d = Buffer::get(zdict, buffer::SIMPLE)?;
    if d.len() > c_uint::MAX as usize {
        bail!(OverflowError, "zdict length does not fit in an unsigned int");
    }
    let err = unsafe { z::inflateSetDictionary(s, d.as_slice().as_ptr(), d.len() as c_uint) };
    if err != z::Z_OK {
        return Err(zlib_error(s, err, "while setting zdict"));
    }
    Ok(())
}

fn zlib_decompressobj(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decompressobj", args, kw, &["wbits", "zdict"], 0, 0, 2)?;
    let wbits = int_arg(a[0].as_ref(), MAX_WBITS)?;
    let zdict = a[1].clone();
    if let Some(d) = &zdict {
        if !buffer::has_buffer(d) {
            bail!(TypeError, "zdict argument must support the buffer protocol");
        }
    }
    let mut s = new_stream();
    let err = inflate_init(&mut s, wbits);
    match err {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => bail!(ValueError, "Invalid initialization option"),
        z::Z_MEM_ERROR => bail!(MemoryError, "Can't allocate memory for decompression object"),
        _ => return Err(zlib_error(&s, err, "while creating decompression object")),
    }
    let mut d = Decomp {
        s,
        initialised: true,
        unused_data: bytes::new(b""),
        unconsumed_tail: bytes::new(b""),
        eof: false,
        zdict,
    };
    if wbits < 0 {
        if let Some(zd) = d.zdict.clone() {
            set_inflate_zdict(&mut d.s, &zd)?;
        }
    }
    native::alloc(&raw mut DECOMPRESS_TYPE, d)
}

/// Keeps what the last call did not consume: after the end of the stream
/// it joins `unused_data`; otherwise it becomes `unconsumed_tail`.
fn save_unconsumed(d: &mut Decomp, data: &[u8], left: usize, err: c_int) {
    let rest = remaining(&d.s, left);
    let start = data.len() - rest;
    if err == z::Z_STREAM_END {
        if rest > 0 {
            let mut v = bytes::as_slice(&d.unused_data).to_vec();
            v.extend_from_slice(&data[start..]);
            d.unused_data = bytes::new(&v);
        }
        d.s.avail_in = 0;
        d.s.next_in = std::ptr::null_mut();
        if !bytes::as_slice(&d.unconsumed_tail).is_empty() {
            d.unconsumed_tail = bytes::new(b"");
        }
        return;
    }
    if rest > 0 || !bytes::as_slice(&d.unconsumed_tail).is_empty() {
        d.unconsumed_tail = bytes::new(&data[start..]);
    }
    d.s.avail_in = 0;
    d.s.next_in = std::ptr::null_mut();
}

/// The inflate loop shared by `decompress` and `flush`: returns the output
/// and zlib's last code. `limit` bounds the output (max_length).
fn inflate_loop(d: &mut Decomp, data: &[u8], limit: Option<usize>, first: usize, finishing: bool) -> PyResult<(Vec<u8>, c_int, usize)> {
    let mut out = Out::new(first, limit);
    d.s.next_in = data.as_ptr() as *mut u8;
    let mut left = data.len();
    let mut err = z::Z_OK;
    'outer: loop {
        arrange_input(&mut d.s, &mut left);
        let flush = if finishing {
            if left == 0 {
                z::Z_FINISH
            } else {
                z::Z_NO_FLUSH
            }
        } else {
            z::Z_SYNC_FLUSH
        };
        loop {
            if d.s.avail_out == 0 && out.at_limit() && out.filled() > 0 {
                break 'outer;
            }
            out.prepare(&mut d.s);
            err = unsafe { z::inflate(&mut *d.s, flush) };
            out.commit(&d.s);
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_NEED_DICT if d.zdict.is_some() => {
                    let zd = d.zdict.clone().unwrap();
                    set_inflate_zdict(&mut d.s, &zd)?;
                }
                _ => break 'outer,
            }
            if !(d.s.avail_out == 0 || err == z::Z_NEED_DICT) {
                break;
            }
        }
        if err == z::Z_STREAM_END || left == 0 {
            break;
        }
    }
    d.s.next_out = std::ptr::null_mut();
    Ok((out.into_vec(), err, left))
}

fn decompress_decompress(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decompress", args, kw, &["data", "max_length"], 1, 1, 2)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let max_length = ssize_arg(a[1].as_ref(), 0)?;
    if max_length < 0 {
        bail!(ValueError, "max_length must be non-negative");
    }
    let limit = if max_length == 0 { None } else { Some(max_length as usize) };
    let d = decomp(o)?;
    // An avail_out left at zero by an earlier call would look like a full buffer.
    d.s.avail_out = 0;
    let first = limit.map_or(MIN_GROW, |l| l.min(MIN_GROW));
    let (out, err, left) = inflate_loop(d, &data, limit, first, false)?;
    save_unconsumed(d, &data, left, err);
    if err == z::Z_STREAM_END {
        d.eof = true;
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(&d.s, err, "while decompressing data"));
    }
    Ok(bytes::new(&out))
}

fn decompress_flush(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("flush", args, kw, &["length"], 1, 0, 1)?;
    let length = ssize_arg(a[0].as_ref(), DEF_BUF_SIZE as isize)?;
    if length <= 0 {
        bail!(ValueError, "length must be greater than zero");
    }
    let d = decomp(o)?;
    let data = bytes::as_slice(&d.unconsumed_tail).to_vec();
    d.s.avail_out = 0;
    let (out, err, left) = inflate_loop(d, &data, None, length as usize, true)?;
    save_unconsumed(d, &data, left, err);
    if err == z::Z_STREAM_END {
        d.eof = true;
        if d.initialised {
            d.initialised = false;
            let e = unsafe { z::inflateEnd(&mut *d.s) };
            if e != z::Z_OK {
                return Err(zlib_error(&d.s, e, "while finishing decompression"));
            }
        }
    }
    Ok(bytes::new(&out))
}

fn decompress_copy_impl(o: &Obj) -> PyResult<Obj> {
    let d = decomp(o)?;
    if !d.initialised {
        bail!(ValueError, "Inconsistent stream state");
    }
    let mut s = new_stream();
    let err = unsafe { z::inflateCopy(&mut *s, &mut *d.s) };
    match err {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => bail!(ValueError, "Inconsistent stream state"),
        z::Z_MEM_ERROR => bail!(MemoryError, "Can't allocate memory for decompression object"),
        _ => return Err(zlib_error(&d.s, err, "while copying decompression object")),
    }
    let new = Decomp {
        s,
        initialised: true,
        unused_data: d.unused_data.clone(),
        unconsumed_tail: d.unconsumed_tail.clone(),
        eof: d.eof,
        zdict: d.zdict.clone(),
    };
    native::alloc(&raw mut DECOMPRESS_TYPE, new)
}

fn decompress_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args("copy", args, kw)?;
    decompress_copy_impl(o)
}

fn decompress_dunder_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args("__copy__", args, kw)?;
    decompress_copy_impl(o)
}

fn decompress_deepcopy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("__deepcopy__", args, kw, &["memo"], 1, 1, 1)?;
    decompress_copy_impl(o)
}

/// The members' setter: CPython's READONLY members refuse assignment so.
fn readonly(_o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    bail!(AttributeError, "readonly attribute")
}

/// Methods of no arguments defined with the defining class (CPython's
/// "copy() takes no arguments").
fn no_args(name: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    if !args.is_empty() {
        bail!(TypeError, "{}() takes no arguments", name);
    }
    let _ = kw;
    Ok(())
}

fn get_unused_data(o: &Obj) -> PyResult<Obj> {
    Ok(decomp(o)?.unused_data.clone())
}

fn get_unconsumed_tail(o: &Obj) -> PyResult<Obj> {
    Ok(decomp(o)?.unconsumed_tail.clone())
}

fn get_eof(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(decomp(o)?.eof))
}

// ---------------------------------------------------------------------------
// Module.

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut COMPRESS_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Comp>(t, "zlib.Compress", false);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_methods = method_table(&[
            method("compress", compress_compress),
            method("flush", compress_flush),
            method("copy", compress_copy),
            method("__copy__", compress_dunder_copy),
            method("__deepcopy__", compress_deepcopy),
        ]);
        native::ready(t)?;

        let t = &raw mut DECOMPRESS_TYPE;
        native::init_type::<Decomp>(t, "zlib.Decompress", false);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_methods = method_table(&[
            method("decompress", decompress_decompress),
            method("flush", decompress_flush),
            method("copy", decompress_copy),
            method("__copy__", decompress_dunder_copy),
            method("__deepcopy__", decompress_deepcopy),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get_set("unused_data", get_unused_data, readonly),
            GetSetSpec::get_set("unconsumed_tail", get_unconsumed_tail, readonly),
            GetSetSpec::get_set("eof", get_eof, readonly),
        ]);
        native::ready(t)?;
    }
    Ok(())
}

const FUNCTIONS: &[MethodSpec] = &[
    method("adler32", zlib_adler32),
    method("compress", zlib_compress),
    method("compressobj", zlib_compressobj),
    method("crc32", zlib_crc32),
    method("decompress", zlib_decompress),
    method("decompressobj", zlib_decompressobj),
];

const DOC: &str = "The functions in this module allow compression and decompression using the
zlib library, which is based on GNU zip.

adler32(string[, start]) -- Compute an Adler-32 checksum.
compress(data[, level]) -- Compress data, with compression level 0-9 or -1.
compressobj([level[, ...]]) -- Return a compressor object.
crc32(string[, start]) -- Compute a CRC-32 checksum.
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.
decompressobj([wbits[, zdict]]) -- Return a decompressor object.

'wbits' is window buffer size and container format.
Compressor objects support compress() and flush() methods; decompressor
objects support decompress() and flush().";

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("zlib")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new(DOC))?;
    add_functions(&d, &m, FUNCTIONS)?;
    let err = ERROR.get_or_init(|| crate::new_exception_type("zlib.error", exceptions::Exception()))?;
    dict::set_item_str(&d, "error", &err)?;
    let ints: &[(&str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS as i64),
        ("DEFLATED", z::Z_DEFLATED as i64),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL as i64),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", z::Z_NO_COMPRESSION as i64),
        ("Z_BEST_SPEED", z::Z_BEST_SPEED as i64),
        ("Z_BEST_COMPRESSION", z::Z_BEST_COMPRESSION as i64),
        ("Z_DEFAULT_COMPRESSION", z::Z_DEFAULT_COMPRESSION as i64),
        ("Z_FILTERED", z::Z_FILTERED as i64),
        ("Z_HUFFMAN_ONLY", z::Z_HUFFMAN_ONLY as i64),
        ("Z_RLE", z::Z_RLE as i64),
        ("Z_FIXED", z::Z_FIXED as i64),
        ("Z_DEFAULT_STRATEGY", z::Z_DEFAULT_STRATEGY as i64),
        ("Z_NO_FLUSH", z::Z_NO_FLUSH as i64),
        ("Z_PARTIAL_FLUSH", z::Z_PARTIAL_FLUSH as i64),
        ("Z_SYNC_FLUSH", z::Z_SYNC_FLUSH as i64),
        ("Z_FULL_FLUSH", z::Z_FULL_FLUSH as i64),
        ("Z_FINISH", z::Z_FINISH as i64),
        ("Z_BLOCK", z::Z_BLOCK as i64),
        ("Z_TREES", z::Z_TREES as i64),
    ];
    for (name, v) in ints {
        dict::set_item_str(&d, name, &int::from_i64(*v))?;
    }
    let v = pystr::new(&version());
    dict::set_item_str(&d, "ZLIB_VERSION", &v)?;
    dict::set_item_str(&d, "ZLIB_RUNTIME_VERSION", &v)?;
    dict::set_item_str(&d, "__version__", &pystr::new("1.0"))?;
    Ok(m)
}
