//! The `_struct` module: conversions between Python values and C structs
//! as bytes. Formats are parsed once into a `Layout` (offsets, sizes,
//! repeat counts), cached per format like CPython's; native mode (`@`, or
//! no prefix) uses the platform's sizes and alignment, `<`/`=` and `>`/`!`
//! the standard sizes. Packing follows CPython's per-table routines, so
//! range errors name the same bounds ("short format requires ...",
//! "'h' format requires ...") for the same byte orders.

use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, no_kwargs, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytearray, bytes, dict, exceptions, float, int, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, raise};
use std::ptr::null_mut;

static ERROR: crate::Keep = crate::Keep::new();
static CACHE: crate::Keep = crate::Keep::new();

const MAXCACHE: usize = 100;

fn error_type() -> *mut PyTypeObject {
    type_::as_type(&ERROR.get().expect("_struct.error"))
}

fn struct_error(msg: impl AsRef<str>) -> PyErr {
    errors::raise(error_type(), msg)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Native,
    Little,
    Big,
}

#[derive(Clone, Copy)]
struct Code {
    fmt: u8,
    offset: usize,
    /// Item size, or the byte count of an 's'/'p' field.
    size: usize,
    repeat: usize,
}

struct Layout {
    mode: Mode,
    codes: Vec<Code>,
    size: usize,
    /// Number of values packed/unpacked.
    len: usize,
}

/// (size, alignment) of a format character in a mode; None if the mode has
/// no such character.
fn entry(mode: Mode, c: u8) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    Some(match c {
        b'x' | b'b' | b'B' | b'c' | b's' | b'p' => (1, 0),
        b'?' => (1, if native { 1 } else { 0 }),
        b'h' | b'H' | b'e' => (2, if native { 2 } else { 0 }),
        b'i' | b'I' | b'f' => (4, if native { 4 } else { 0 }),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 0)
            }
        }
        b'q' | b'Q' | b'd' => (8, if native { 8 } else { 0 }),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn parse_format(fmt: &[u8]) -> Result<Layout, &'static str> {
    const TOO_LONG: &str = "total struct size too long";
    if fmt.contains(&0) {
        return Err("embedded null character");
    }
    let (mode, body) = match fmt.first() {
        Some(b'<') | Some(b'=') => (Mode::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        Some(b'@') => (Mode::Native, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let mut codes = Vec::new();
    let (mut size, mut len) = (0usize, 0usize);
    let max = isize::MAX as usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if is_space(c) {
            continue;
        }
        let num;
        if c.is_ascii_digit() {
            let mut n = (c - b'0') as usize;
            loop {
                match body.get(i) {
                    Some(&d) if d.is_ascii_digit() => {
                        i += 1;
                        let dv = (d - b'0') as usize;
                        if n >= max / 10 && (n > max / 10 || dv > max % 10) {
                            return Err(TOO_LONG);
                        }
                        n = n * 10 + dv;
                    }
                    Some(&d) => {
                        c = d;
                        i += 1;
                        break;
                    }
                    None => return Err("repeat count given without format specifier"),
                }
            }
            num = n;
        } else {
            num = 1;
        }
        let (itemsize, align) = entry(mode, c).ok_or("bad char in struct format")?;
        match c {
            b's' | b'p' => len += 1,
            b'x' => {}
            _ => len += num,
        }
        if align > 0 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            if extra > max - size {
                return Err(TOO_LONG);
            }
            size += extra;
        }
        if num > (max - size) / itemsize {
            return Err(TOO_LONG);
        }
        match c {
            b's' | b'p' => codes.push(Code { fmt: c, offset: size, size: num, repeat: 1 }),
            b'x' => {}
            _ if num > 0 => codes.push(Code { fmt: c, offset: size, size: itemsize, repeat: num }),
            _ => {}
        }
        size += num * itemsize;
    }
    Ok(Layout { mode, codes, size, len })
}

// ---------------------------------------------------------------------------
// The Struct type.

#[repr(C)]
struct StructObject {
    ob_base: PyObject,
    layout: *mut Layout,
    format: *mut PyObject,
    weakreflist: *mut PyObject,
}

static mut STRUCT_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut UNPACKITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn struct_type() -> *mut PyTypeObject {
    &raw mut STRUCT_TYPE
}

fn layout_of(o: &Obj) -> &Layout {
    unsafe { &*o.cast::<StructObject>().layout }
}

fn format_bytes_of(o: &Obj) -> Obj {
    unsafe { Obj::from_borrowed(o.cast::<StructObject>().format) }
}

fn empty_layout() -> *mut Layout {
    Box::into_raw(Box::new(Layout { mode: Mode::Native, codes: Vec::new(), size: 0, len: 0 }))
}

fn s_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    let o = type_::alloc_instance(t, 0)?;
    unsafe {
        let s = o.as_ptr() as *mut StructObject;
        (*s).layout = empty_layout();
        (*s).format = bytes::new(b"").into_raw();
        (*s).weakreflist = null_mut();
    }
    Ok(o)
}
krait_runtime::new_slot!(s_new_slot => s_new);

/// Parses `format` (str, ASCII-encoded, or bytes) into the struct.
fn set_format(o: &Obj, format: &Obj) -> PyResult<()> {
    let fb = if pystr::is_str(format) {
        krait_runtime::ops::attr::call_method(format, "encode", &[pystr::new("ascii")])?
    } else if bytes::is_bytes(format) {
        format.clone()
    } else {
        bail!(TypeError, "Struct() argument 1 must be a str or bytes object, not {}", format.ty().name());
    };
    unsafe {
        let s = o.as_ptr() as *mut StructObject;
        krait_runtime::object::xsetref(&mut (*s).format, fb.clone().into_raw());
    }
    let layout = parse_format(bytes::as_slice(&fb)).map_err(struct_error)?;
    unsafe {
        let s = o.as_ptr() as *mut StructObject;
        let old = std::mem::replace(&mut (*s).layout, Box::into_raw(Box::new(layout)));
        if !old.is_null() {
            drop(Box::from_raw(old));
        }
    }
    Ok(())
}

fn s_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let (all, kwnames) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = crate::clinic_args("Struct", &all, kwnames.as_ref(), &["format"], 0, 1, 1)?;
    set_format(o, a[0].as_ref().unwrap())
}
krait_runtime::init_slot!(s_init_slot => s_init);

unsafe extern "C" fn s_dealloc(p: *mut PyObject) {
    let s = &mut *(p as *mut StructObject);
    if !s.weakreflist.is_null() {
        krait_runtime::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    if !s.layout.is_null() {
        drop(Box::from_raw(std::mem::replace(&mut s.layout, null_mut())));
    }
    krait_runtime::object::xdecref(std::mem::replace(&mut s.format, null_mut()));
    type_::free_instance(p);
}

fn s_get_format(o: &Obj) -> PyResult<Obj> {
    let f = format_bytes_of(o);
    let text: String = bytes::as_slice(&f).iter().map(|&b| b as char).collect();
    Ok(pystr::new(&text))
}

fn s_get_size(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(layout_of(o).size))
}

// ---------------------------------------------------------------------------
// Packing.

fn get_pylong(v: &Obj) -> PyResult<Obj> {
    if int::is_int(v) {
        return Ok(v.clone());
    }
    if krait_runtime::ops::number::has_index(v) {
        return int::index(v);
    }
    Err(struct_error("required argument is not an integer"))
}

fn get_long(v: &Obj) -> PyResult<i64> {
    let o = get_pylong(v)?;
    int::as_i64(&o).ok_or_else(|| struct_error("argument out of range"))
}

fn get_ulong(v: &Obj) -> PyResult<u64> {
    let o = get_pylong(v)?;
    if int::sign(&o) < 0 {
        return Err(struct_error("argument out of range"));
    }
    int::as_u64(&o).ok_or_else(|| struct_error("argument out of range"))
}

fn range_error(c: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u64 = if size >= 8 { u64::MAX } else { (1u64 << (size * 8)) - 1 };
    if unsigned {
        struct_error(format!("'{}' format requires 0 <= number <= {}", c as char, ulargest))
    } else {
        let largest = (ulargest >> 1) as i64;
        struct_error(format!("'{}' format requires {} <= number <= {}", c as char, !largest, largest))
    }
}

fn get_float(v: &Obj) -> PyResult<f64> {
    float::as_f64(v).map_err(|_| {
        errors::clear();
        struct_error("required argument is not a float")
    })
}

fn write_int(out: &mut [u8], v: u64, big: bool) {
    let n = out.len();
    if big {
        out.copy_from_slice(&v.to_be_bytes()[8 - n..]);
    } else {
        out.copy_from_slice(&v.to_le_bytes()[..n]);
    }
}

fn read_uint(data: &[u8], big: bool) -> u64 {
    let mut v = 0u64;
    if big {
        for &b in data {
            v = (v << 8) | b as u64;
        }
    } else {
        for &b in data.iter().rev() {
            v = (v << 8) | b as u64;
        }
    }
    v
}

fn read_int(data: &[u8], big: bool) -> i64 {
    let n = data.len();
    let v = read_uint(data, big);
    if n >= 8 {
        v as i64
    } else {
        let shift = 64 - 8 * n as u32;
        ((v << shift) as i64) >> shift
    }
}

/// PyFloat_Pack2: IEEE 754 half precision, rounding half to even.
pub(crate) fn pack_half(x: f64) -> PyResult<u16> {
    let overflow = || raise!(OverflowError, "float too large to pack with e format");
    let (sign, mut e, mut bits): (u16, i32, u16);
    if x == 0.0 {
        sign = x.is_sign_negative() as u16;
        e = 0;
        bits = 0;
    } else if x.is_infinite() {
        sign = (x < 0.0) as u16;
        e = 0x1f;
        bits = 0;
    } else if x.is_nan() {
        sign = x.is_sign_negative() as u16;
        e = 0x1f;
        bits = 512;
    } else {
        sign = (x < 0.0) as u16;
        let ax = x.abs();
        let mut ex: std::os::raw::c_int = 0;
        let mut f = unsafe { crate::math::libm::frexp(ax, &mut ex) };
        f *= 2.0;
        e = ex - 1;
        if e >= 16 {
            return Err(overflow());
        } else if e < -25 {
            f = 0.0;
            e = 0;
        } else if e < -14 {
            f = unsafe { crate::math::libm::ldexp(f, 14 + e) };
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = f as u16;
        let rest = f - bits as f64;
        if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return Err(overflow());
                }
            }
        }
    }
    Ok(bits | ((e as u16) << 10) | (sign << 15))
}

/// PyFloat_Unpack2.
pub(crate) fn unpack_half(h: u16) -> f64 {
    let sign = (h >> 15) & 1;
    let mut e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    if e == 0x1f {
        let v = if f == 0.0 { f64::INFINITY } else { f64::NAN };
        return if sign == 1 { -v } else { v };
    }
    let mut x = f / 1024.0;
    if e == 0 {
        e = -14;
    } else {
        x += 1.0;
        e -= 15;
    }
    x = unsafe { crate::math::libm::ldexp(x, e) };
    if sign == 1 {
        -x
    } else {
        x
    }
}

/// Packs one value `v` of format `c` into `out` (its item bytes).
fn pack_one(mode: Mode, c: u8, out: &mut [u8], v: &Obj) -> PyResult<()> {
    let big = mode == Mode::Big;
    let std = mode != Mode::Native;
    match c {
        b'b' => {
            let x = get_long(v)?;
            if !(-128..=127).contains(&x) {
                return Err(struct_error("byte format requires -128 <= number <= 127"));
            }
            out[0] = x as u8;
        }
        b'B' => {
            let x = get_long(v)?;
            if !(0..=255).contains(&x) {
                return Err(struct_error("ubyte format requires 0 <= number <= 255"));
            }
            out[0] = x as u8;
        }
        b'c' => match bytes::as_slice_opt(v) {
            Some(b) if bytes::is_bytes(v) && b.len() == 1 => out[0] = b[0],
            _ => return Err(struct_error("char format requires a bytes object of length 1")),
        },
        b'?' => {
            out[0] = krait_runtime::ops::truthy(v)? as u8;
        }
        b'h' if !big => {
            let x = get_long(v)?;
            if !(-32768..=32767).contains(&x) {
                return Err(struct_error("short format requires -32768 <= number <= 32767"));
            }
            write_int(out, x as u64, false);
        }
        b'H' if !big => {
            let x = get_long(v)?;
            if !(0..=65535).contains(&x) {
                return Err(struct_error("ushort format requires 0 <= number <= 65535"));
            }
            write_int(out, x as u64, false);
        }
        b'h' | b'i' | b'l' => {
            // bp_int/lp_int (and np_int): a C long, range-checked to the size.
            let x = get_long(v)?;
            let n = out.len();
            if n < 8 {
                let lim = 1i64 << (n * 8 - 1);
                if x < -lim || x >= lim {
                    return Err(range_error(c, n, false));
                }
            }
            write_int(out, x as u64, big);
        }
        b'H' | b'I' | b'L' => {
            let x = get_ulong(v)?;
            let n = out.len();
            if n < 8 && x >= 1u64 << (n * 8) {
                return Err(range_error(c, n, true));
            }
            write_int(out, x, big);
        }
        b'q' | b'n' if !big => {
            let x = get_long(v)?;
            write_int(out, x as u64, false);
        }
        b'Q' | b'N' if !big => {
            let x = get_ulong(v)?;
            write_int(out, x, false);
        }
        b'q' => {
            let o = get_pylong(v)?;
            match int::as_i64(&o) {
                Some(x) => write_int(out, x as u64, true),
                None => bail!(OverflowError, "int too big to convert"),
            }
        }
        b'Q' => {
            let o = get_pylong(v)?;
            if int::sign(&o) < 0 {
                bail!(OverflowError, "can't convert negative int to unsigned");
            }
            match int::as_u64(&o) {
                Some(x) => write_int(out, x, true),
                None => bail!(OverflowError, "int too big to convert"),
            }
        }
        b'P' => {
            let o = get_pylong(v)?;
            let x = if int::sign(&o) < 0 {
                match int::as_i64(&o) {
                    Some(x) => x as u64,
                    None => bail!(OverflowError, "Python int too large to convert to C long"),
                }
            } else {
                match int::as_u64(&o) {
                    Some(x) => x,
                    None => bail!(OverflowError, "Python int too large to convert to C unsigned long"),
                }
            };
            write_int(out, x, false);
        }
        b'e' => {
            let x = get_float(v)?;
            write_int(out, pack_half(x)? as u64, big);
        }
        b'f' => {
            let x = get_float(v)?;
            let y = x as f32;
            if std && y.is_infinite() && !x.is_infinite() {
                bail!(OverflowError, "float too large to pack with f format");
            }
            write_int(out, y.to_bits() as u64, big);
        }
        b'd' => {
            let x = get_float(v)?;
            write_int(out, x.to_bits(), big);
        }
        _ => unreachable!("format character checked by the parser"),
    }
    Ok(())
}

/// Packs `values` (exactly `layout.len` of them) into `buf` (zeroed first).
fn pack_into_buf(layout: &Layout, values: &[Obj], buf: &mut [u8]) -> PyResult<()> {
    buf.fill(0);
    let mut vi = 0;
    for code in &layout.codes {
        match code.fmt {
            b's' | b'p' => {
                let v = &values[vi];
                vi += 1;
                let data: Vec<u8> = if bytes::is_bytes(v) {
                    bytes::as_slice(v).to_vec()
                } else if bytearray::is_bytearray(v) {
                    bytearray::data(v).to_vec()
                } else {
                    return Err(struct_error(format!("argument for '{}' must be a bytes object", code.fmt as char)));
                };
                let field = &mut buf[code.offset..code.offset + code.size];
                if code.fmt == b's' {
                    let n = data.len().min(code.size);
                    field[..n].copy_from_slice(&data[..n]);
                } else if code.size > 0 {
                    let n = data.len().min(code.size - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
            }
            c => {
                for r in 0..code.repeat {
                    let v = &values[vi];
                    vi += 1;
                    let at = code.offset + r * code.size;
                    let res = pack_one(layout.mode, c, &mut buf[at..at + code.size], v);
                    if let Err(e) = res {
                        if int::is_int(v) && errors::matches(exceptions::OverflowError()) {
                            errors::clear();
                            return Err(struct_error("int too large to convert"));
                        }
                        return Err(e);
                    }
                }
            }
        }
    }
    Ok(())
}

fn do_pack(s: &Obj, values: &[Obj]) -> PyResult<Obj> {
    let layout = layout_of(s);
    if values.len() != layout.len {
        return Err(struct_error(format!("pack expected {} items for packing (got {})", layout.len, values.len())));
    }
    let mut buf = vec![0u8; layout.size];
    pack_into_buf(layout, values, &mut buf)?;
    Ok(bytes::new(&buf))
}

fn writable_buffer(o: &Obj) -> PyResult<Buffer> {
    if buffer::has_buffer(o) {
        if let Ok(b) = Buffer::get(o, buffer::WRITABLE) {
            return Ok(b);
        }
        errors::clear();
    }
    let what = if none::is_none(o) { "None" } else { o.ty().name() };
    bail!(TypeError, "argument must be read-write bytes-like object, not {}", what)
}

fn do_pack_into(s: &Obj, args: &[Obj]) -> PyResult<Obj> {
    let layout = layout_of(s);
    if args.len() != layout.len + 2 {
        return Err(match args.len() {
            0 => struct_error("pack_into expected buffer argument"),
            1 => struct_error("pack_into expected offset argument"),
            n => struct_error(format!("pack_into expected {} items for packing (got {})", layout.len, n - 2)),
        });
    }
    let mut buf = writable_buffer(&args[0])?;
    let mut offset = match errors::catch(exceptions::OverflowError(), int::number_as_ssize(&args[1]))? {
        Some(v) => v,
        None => bail!(IndexError, "cannot fit '{}' into an index-sized integer", args[1].ty().name()),
    };
    let size = layout.size as isize;
    let blen = buf.len() as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!("no space to pack {} bytes at offset {}", size, offset)));
        }
        if offset + blen < 0 {
            return Err(struct_error(format!("offset {} out of range for {}-byte buffer", offset, blen)));
        }
        offset += blen;
    }
    if blen - offset < size {
        return Err(struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
            // size_t arithmetic, as CPython: no overflow near PY_SSIZE_T_MAX.
            size as usize + offset as usize,
            size,
            offset,
            blen
        )));
    }
    let off = offset as usize;
    // As CPython: the field is zeroed, then written in place.
    let slice = &mut buf.as_mut_slice()[off..off + layout.size];
    pack_into_buf(layout, &args[2..], slice)?;
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Unpacking.

fn unpack_one(mode: Mode, c: u8, data: &[u8]) -> Obj {
    let big = mode == Mode::Big;
    match c {
        b'b' => int::from_i64(data[0] as i8 as i64),
        b'B' => int::from_i64(data[0] as i64),
        b'c' => bytes::new(&data[..1]),
        b'?' => bool_::from_bool(data[0] != 0),
        b'h' | b'i' | b'l' | b'q' | b'n' => int::from_i64(read_int(data, big)),
        b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => int::from_u64(read_uint(data, big)),
        b'e' => float::from_f64(unpack_half(read_uint(data, big) as u16)),
        b'f' => float::from_f64(f32::from_bits(read_uint(data, big) as u32) as f64),
        b'd' => float::from_f64(f64::from_bits(read_uint(data, big))),
        _ => unreachable!("format character checked by the parser"),
    }
}

fn unpack_data(layout: &Layout, data: &[u8]) -> PyResult<Obj> {
    let mut out = Vec::with_capacity(layout.len);
    for code in &layout.codes {
        match code.fmt {
            b's' => out.push(bytes::new(&data[code.offset..code.offset + code.size])),
            b'p' => {
                if code.size == 0 {
                    bail!(SystemError, "Negative size passed to PyBytes_FromStringAndSize");
                }
                let n = (data[code.offset] as usize).min(code.size - 1);
                out.push(bytes::new(&data[code.offset + 1..code.offset + 1 + n]));
            }
            c => {
                for r in 0..code.repeat {
                    let at = code.offset + r * code.size;
                    out.push(unpack_one(layout.mode, c, &data[at..at + code.size]));
                }
            }
        }
    }
    Ok(tuple::from_vec(out))
}

fn do_unpack(s: &Obj, buf_obj: &Obj) -> PyResult<Obj> {
    let buf = Buffer::get(buf_obj, buffer::SIMPLE)?;
    let layout = layout_of(s);
    if buf.len() != layout.size {
        return Err(struct_error(format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    unpack_data(layout, buf.as_slice())
}

fn do_unpack_from(s: &Obj, buf_obj: &Obj, offset: Option<&Obj>) -> PyResult<Obj> {
    let buf = Buffer::get(buf_obj, buffer::SIMPLE)?;
    let mut offset = match offset {
        Some(o) => int::index_isize(o)?,
        None => 0,
    };
    let layout = layout_of(s);
    let size = layout.size as isize;
    let blen = buf.len() as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!("not enough data to unpack {} bytes at offset {}", size, offset)));
        }
        if offset + blen < 0 {
            return Err(struct_error(format!("offset {} out of range for {}-byte buffer", offset, blen)));
        }
        offset += blen;
    }
    if blen - offset < size {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
            // size_t arithmetic, as CPython: no overflow near PY_SSIZE_T_MAX.
            size as usize + offset as usize,
            size,
            offset,
            blen
        )));
    }
    let off = offset as usize;
    unpack_data(layout, &buf.as_slice()[off..off + layout.size])
}

// ---------------------------------------------------------------------------
// The unpack iterator.

#[repr(C)]
struct UnpackIterObject {
    ob_base: PyObject,
    so: *mut PyObject,
    buf: *mut Buffer,
    index: usize,
}

fn do_iter_unpack(s: &Obj, buf_obj: &Obj) -> PyResult<Obj> {
    let size = layout_of(s).size;
    if size == 0 {
        return Err(struct_error(format!("cannot iteratively unpack with a struct of length {}", size)));
    }
    let buf = Buffer::get(buf_obj, buffer::SIMPLE)?;
    if buf.len() % size != 0 {
        return Err(struct_error(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            size
        )));
    }
    unsafe {
        let p = alloc::alloc_object(&raw mut UNPACKITER_TYPE, 0) as *mut UnpackIterObject;
        if p.is_null() {
            return Err(raise!(MemoryError, ""));
        }
        (*p).so = s.clone().into_raw();
        (*p).buf = Box::into_raw(Box::new(buf));
        (*p).index = 0;
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

unsafe fn iter_release(it: &mut UnpackIterObject) {
    if !it.buf.is_null() {
        drop(Box::from_raw(std::mem::replace(&mut it.buf, null_mut())));
    }
    krait_runtime::object::xdecref(std::mem::replace(&mut it.so, null_mut()));
}

unsafe extern "C" fn unpackiter_dealloc(p: *mut PyObject) {
    iter_release(&mut *(p as *mut UnpackIterObject));
    alloc::free_object(p);
}

unsafe extern "C" fn unpackiter_traverse(
    p: *mut PyObject,
    visit: krait_runtime::object::VisitProc,
    arg: *mut std::os::raw::c_void,
) -> i32 {
    let it = &*(p as *mut UnpackIterObject);
    if !it.so.is_null() {
        let r = visit(it.so, arg);
        if r != 0 {
            return r;
        }
    }
    if !it.buf.is_null() {
        let o = (*it.buf).raw().obj;
        if !o.is_null() {
            return visit(o, arg);
        }
    }
    0
}

unsafe extern "C" fn unpackiter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut UnpackIterObject);
    if it.so.is_null() {
        return null_mut();
    }
    let so = Obj::borrow_slot(&it.so).clone();
    let layout = layout_of(&so);
    let data = (*it.buf).as_slice();
    if it.index >= data.len() {
        iter_release(it);
        return null_mut();
    }
    let r = unpack_data(layout, &data[it.index..it.index + layout.size]);
    it.index += layout.size;
    krait_runtime::types::slots::ret(r)
}

fn unpackiter_new(_t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    bail!(TypeError, "Cannot create 'unpack_iterator objects")
}
krait_runtime::new_slot!(unpackiter_new_slot => unpackiter_new);

fn unpackiter_len(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__length_hint__", args, kw, 0, 0)?;
    let it = unsafe { o.cast::<UnpackIterObject>() };
    if it.so.is_null() {
        return Ok(int::from_i64(0));
    }
    let so = unsafe { Obj::borrow_slot(&it.so) };
    let len = unsafe { (*it.buf).len() };
    Ok(int::from_usize((len - it.index) / layout_of(so).size))
}

// ---------------------------------------------------------------------------
// Struct methods.

fn struct_pack(s: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("Struct.pack", kw)?;
    do_pack(s, args)
}

fn struct_pack_into(s: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("Struct.pack_into", kw)?;
    do_pack_into(s, args)
}

fn struct_unpack(s: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Struct.unpack", args, kw, 1, 1)?;
    do_unpack(s, &args[0])
}

fn struct_unpack_from(s: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("unpack_from", args, kw, &["buffer", "offset"], 0, 1, 2)?;
    do_unpack_from(s, a[0].as_ref().unwrap(), a[1].as_ref())
}

fn struct_iter_unpack(s: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Struct.iter_unpack", args, kw, 1, 1)?;
    do_iter_unpack(s, &args[0])
}

fn struct_sizeof(s: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Struct.__sizeof__", args, kw, 0, 0)?;
    // CPython's size: its 56-byte PyStructObject plus one 32-byte
    // formatcode per code and a terminator.
    let n = layout_of(s).codes.len();
    Ok(int::from_usize(56 + 32 * (n + 1)))
}

// ---------------------------------------------------------------------------
// Module functions, through the format cache.

fn cache() -> Obj {
    CACHE.get_or_init(|| Ok(dict::new())).expect("a new dict")
}

fn cached_struct(fmt: &Obj) -> PyResult<Obj> {
    let c = cache();
    if let Some(s) = dict::get_item(&c, fmt)? {
        return Ok(s);
    }
    let s = krait_runtime::ops::call::call(&type_::type_obj(struct_type()), &[fmt.clone()], None)?;
    if dict::len(&c) >= MAXCACHE {
        dict::clear(&c);
    }
    if dict::set_item(&c, fmt, &s).is_err() {
        errors::clear();
    }
    Ok(s)
}

fn m_pack(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("_struct.pack", kw)?;
    if args.is_empty() {
        bail!(TypeError, "missing format argument");
    }
    let s = cached_struct(&args[0])?;
    do_pack(&s, &args[1..])
}

fn m_pack_into(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("_struct.pack_into", kw)?;
    if args.is_empty() {
        bail!(TypeError, "missing format argument");
    }
    let s = cached_struct(&args[0])?;
    do_pack_into(&s, &args[1..])
}

fn m_unpack(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_struct.unpack", args, kw, 2, 2)?;
    let s = cached_struct(&args[0])?;
    do_unpack(&s, &args[1])
}

fn m_unpack_from(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("unpack_from", args, kw, &["format", "buffer", "offset"], 1, 2, 3)?;
    let s = cached_struct(a[0].as_ref().unwrap())?;
    do_unpack_from(&s, a[1].as_ref().unwrap(), a[2].as_ref())
}

fn m_iter_unpack(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_struct.iter_unpack", args, kw, 2, 2)?;
    let s = cached_struct(&args[0])?;
    do_iter_unpack(&s, &args[1])
}

fn m_calcsize(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_struct.calcsize", args, kw, 1, 1)?;
    let s = cached_struct(&args[0])?;
    Ok(int::from_usize(layout_of(&s).size))
}

fn m_clearcache(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_struct._clearcache", args, kw, 0, 0)?;
    dict::clear(&cache());
    Ok(none::none())
}

fn init_types() -> PyResult<()> {
    unsafe {
        let t = struct_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        type_::init_static(t, "_struct.Struct", std::mem::size_of::<StructObject>(), 0);
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_new = Some(s_new_slot);
        (*t).tp_init = Some(s_init_slot);
        (*t).tp_alloc = Some(type_::generic_alloc);
        (*t).tp_dealloc = Some(s_dealloc);
        (*t).tp_weaklistoffset = std::mem::offset_of!(StructObject, weakreflist) as isize;
        (*t).tp_methods = method_table(&[
            method("iter_unpack", struct_iter_unpack),
            method("pack", struct_pack),
            method("pack_into", struct_pack_into),
            method("unpack", struct_unpack),
            method("unpack_from", struct_unpack_from),
            method("__sizeof__", struct_sizeof),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("format", s_get_format), GetSetSpec::get("size", s_get_size)]);
        type_::ready(t)?;
        dict::set_item_str(type_::type_dict(t), "__module__", &pystr::new("_struct"))?;

        let it = &raw mut UNPACKITER_TYPE;
        type_::init_static(it, "_struct.unpack_iterator", std::mem::size_of::<UnpackIterObject>(), 0);
        (*it).tp_flags |= tpflags::HAVE_GC;
        (*it).tp_new = Some(unpackiter_new_slot);
        (*it).tp_flags &= !tpflags::BASETYPE;
        (*it).tp_dealloc = Some(unpackiter_dealloc);
        (*it).tp_traverse = Some(unpackiter_traverse);
        (*it).tp_iter = Some(krait_runtime::types::iter::self_iter);
        (*it).tp_iternext = Some(unpackiter_next);
        (*it).tp_methods = method_table(&[method("__length_hint__", unpackiter_len)]);
        type_::ready(it)?;
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("_clearcache", m_clearcache),
        method("calcsize", m_calcsize),
        method("iter_unpack", m_iter_unpack),
        method("pack", m_pack),
        method("pack_into", m_pack_into),
        method("unpack", m_unpack),
        method("unpack_from", m_unpack_from),
    ]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_struct")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    let err = ERROR.get_or_init(|| crate::new_exception_type("struct.error", exceptions::Exception()))?;
    dict::set_item_str(&d, "error", &err)?;
    dict::set_item_str(&d, "Struct", &type_::type_obj(struct_type()))?;
    Ok(m)
}
