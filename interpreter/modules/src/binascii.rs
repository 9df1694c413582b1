//! The `binascii` module: hex, base64 (with 3.11's strict mode), uuencode,
//! quoted-printable, CRC-32 and CRC-CCITT, with CPython's argument
//! conversions ("ascii_buffer" decoders accept ASCII str too) and its
//! `binascii.Error`/`binascii.Incomplete` exceptions.

use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bytes, dict, exceptions, int, module, str as pystr, type_};
use krait_runtime::bail;

static ERROR: crate::Keep = crate::Keep::new();
static INCOMPLETE: crate::Keep = crate::Keep::new();

fn error_type() -> *mut PyTypeObject {
    type_::as_type(&ERROR.get().expect("binascii.Error"))
}

fn error(msg: impl AsRef<str>) -> PyErr {
    errors::raise(error_type(), msg)
}

/// A bytes-like argument (`Py_buffer`), copied out.
fn buffer_arg(o: &Obj) -> PyResult<Vec<u8>> {
    Ok(Buffer::get(o, buffer::SIMPLE)?.as_slice().to_vec())
}

/// CPython's ascii_buffer converter: an ASCII str or a bytes-like object.
fn ascii_arg(o: &Obj) -> PyResult<Vec<u8>> {
    if pystr::is_str(o) {
        if !pystr::is_ascii(o) {
            bail!(ValueError, "string argument should contain only ASCII characters");
        }
        return Ok(pystr::to_string_lossy(o).into_bytes());
    }
    if buffer::has_buffer(o) {
        if let Ok(b) = Buffer::get(o, buffer::SIMPLE) {
            return Ok(b.as_slice().to_vec());
        }
        errors::clear();
    }
    bail!(TypeError, "argument should be bytes, buffer or ASCII string, not '{}'", o.ty().name())
}

/// The `bool(accept={int})` converter: a C int, nonzero meaning true.
fn int_flag(o: Option<&Obj>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(v) => Ok(int::as_c_int(&int::index(v)?)? != 0),
    }
}

/// Splits a call into positional-only `npos` arguments and keyword-only
/// `kwonly` names, with clinic's messages.
fn pos_then_kwonly(
    fname: &str,
    args: &[Obj],
    kw: Option<&Obj>,
    kwonly: &[&str],
) -> PyResult<(Obj, Vec<Option<Obj>>)> {
    let mut names = vec!["data"];
    names.extend_from_slice(kwonly);
    let a = crate::clinic_args(fname, args, kw, &names, 1, 1, 1)?;
    Ok((a[0].clone().unwrap(), a[1..].to_vec()))
}

// ---------------------------------------------------------------------------
// Hex.

fn hex_sep(data: &[u8], sep: Option<&Obj>, per: Option<&Obj>) -> PyResult<Obj> {
    let per = match per {
        Some(p) => int::as_c_int(&int::index(p)?)? as i64,
        None => 1,
    };
    let sep_byte = match sep {
        None => None,
        Some(s) => {
            let n = krait_runtime::ops::len(s)?;
            if n != 1 {
                bail!(ValueError, "sep must be length 1.");
            }
            if pystr::is_str(s) {
                let c = pystr::char_at(s, 0);
                if c > 0xff {
                    bail!(ValueError, "sep must be ASCII.");
                }
                Some(c as u8)
            } else if bytes::is_bytes(s) {
                Some(bytes::as_slice(s)[0])
            } else {
                bail!(TypeError, "sep must be str or bytes.");
            }
        }
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(c) = sep_byte {
            if group > 0 && i > 0 {
                let boundary = if per > 0 { (n - i) % group == 0 } else { i % group == 0 };
                if boundary {
                    out.push(c);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(bytes::new(&out))
}

fn hexlify_impl(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args(fname, args, kw, &["data", "sep", "bytes_per_sep"], 0, 1, 3)?;
    let data = buffer_arg(a[0].as_ref().unwrap())?;
    hex_sep(&data, a[1].as_ref(), a[2].as_ref())
}

fn b_hexlify(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    hexlify_impl("hexlify", args, kw)
}

fn b_b2a_hex(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    hexlify_impl("b2a_hex", args, kw)
}

fn unhex(data: &[u8]) -> PyResult<Obj> {
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let hi = (pair[0] as char).to_digit(16);
        let lo = (pair[1] as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(bytes::new(&out))
}

fn b_unhexlify(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("binascii.unhexlify", args, kw, 1, 1)?;
    unhex(&ascii_arg(&args[0])?)
}

fn b_a2b_hex(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("binascii.a2b_hex", args, kw, 1, 1)?;
    unhex(&ascii_arg(&args[0])?)
}

// ---------------------------------------------------------------------------
// Base64.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn b_b2a_base64(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (data, opts) = pos_then_kwonly("b2a_base64", args, kw, &["newline"])?;
    let data = buffer_arg(&data)?;
    let newline = int_flag(opts[0].as_ref(), true)?;
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(v >> 18) as usize & 63]);
        out.push(B64[(v >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(v >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[v as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(bytes::new(&out))
}

fn b_a2b_base64(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (data, opts) = pos_then_kwonly("a2b_base64", args, kw, &["strict_mode"])?;
    let data = ascii_arg(&data)?;
    let strict = int_flag(opts[0].as_ref(), false)?;
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad_pos = 0;
    let mut leftchar = 0u8;
    let mut pads = 0;
    let mut padding_started = false;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(bytes::new(&out));
                }
            }
            i += 1;
            continue;
        }
        let v = match b64_value(c) {
            Some(v) => v,
            None => {
                if strict {
                    return Err(error("Only base64 data is allowed"));
                }
                i += 1;
                continue;
            }
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
            }
        }
        i += 1;
    }
    if quad_pos == 1 {
        return Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )));
    }
    if quad_pos != 0 {
        return Err(error("Incorrect padding"));
    }
    Ok(bytes::new(&out))
}

// ---------------------------------------------------------------------------
// uuencode.

fn b_b2a_uu(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (data, opts) = pos_then_kwonly("b2a_uu", args, kw, &["backtick"])?;
    let data = buffer_arg(&data)?;
    let backtick = int_flag(opts[0].as_ref(), false)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = vec![enc(data.len() as u32 & 0o77)];
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(enc((v >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(bytes::new(&out))
}

fn b_a2b_uu(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("binascii.a2b_uu", args, kw, 1, 1)?;
    let data = ascii_arg(&args[0])?;
    // The first character gives the length; an empty line reads the C
    // string terminator there, as CPython does.
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut pos = 1usize;
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let c = data.get(pos).copied();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(ch) => {
                if !(b' '..=b' ' + 64).contains(&ch) {
                    return Err(error("Illegal char"));
                }
                ((ch - b' ') & 0o77) as u32
            }
        };
        pos += 1;
        leftchar = (leftchar << 6) | v;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push(((leftchar >> leftbits) & 0xff) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    while pos < data.len() {
        let ch = data[pos];
        pos += 1;
        if ch != b' ' && ch != b' ' + 64 && ch != b'\n' && ch != b'\r' {
            return Err(error("Trailing garbage"));
        }
    }
    Ok(bytes::new(&out))
}

// ---------------------------------------------------------------------------
// CRCs.

fn crc32_table() -> &'static [u32; 256] {
    use std::sync::OnceLock;
    static T: OnceLock<[u32; 256]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB88320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    })
}

fn crc_hqx_table() -> &'static [u16; 256] {
    use std::sync::OnceLock;
    static T: OnceLock<[u16; 256]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u16; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = (i as u16) << 8;
            for _ in 0..8 {
                c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            }
            *e = c;
        }
        t
    })
}

/// The `unsigned int(bitwise=True)` converter: `__index__`, then the low
/// 32 bits (two's complement for negatives).
fn bitwise_u32(o: &Obj) -> PyResult<u32> {
    let v = int::to_bigint(&int::index(o)?);
    let m: num_bigint::BigInt = v & num_bigint::BigInt::from(0xffff_ffffu32);
    Ok(m.iter_u32_digits().next().unwrap_or(0))
}

fn b_crc32(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("binascii.crc32", args, kw, 1, 2)?;
    let data = buffer_arg(&args[0])?;
    let init = match args.get(1) {
        Some(c) => bitwise_u32(c)?,
        None => 0,
    };
    let t = crc32_table();
    let mut crc = !init;
    for &b in &data {
        crc = t[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    Ok(int::from_u64(!crc as u64))
}

fn b_crc_hqx(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("binascii.crc_hqx", args, kw, 2, 2)?;
    let data = buffer_arg(&args[0])?;
    let mut crc = (bitwise_u32(&args[1])? & 0xffff) as u16;
    let t = crc_hqx_table();
    for &b in &data {
        crc = (crc << 8) ^ t[((crc >> 8) as u8 ^ b) as usize];
    }
    Ok(int::from_u64(crc as u64))
}

// ---------------------------------------------------------------------------
// Quoted-printable.

fn b_a2b_qp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("a2b_qp", args, kw, &["data", "header"], 0, 1, 2)?;
    let data = ascii_arg(a[0].as_ref().unwrap())?;
    let header = int_flag(a[1].as_ref(), false)?;
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    let hexv = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    while i < n {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                // Soft line break.
                if data[i] != b'\n' {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if data[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < n && hexv(data[i]).is_some() && hexv(data[i + 1]).is_some() {
                out.push((hexv(data[i]).unwrap() << 4) | hexv(data[i + 1]).unwrap());
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(bytes::new(&out))
}

const MAXLINESIZE: usize = 76;

fn push_hex(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(HEX[(c >> 4) as usize]);
    out.push(HEX[(c & 15) as usize]);
}

fn b_b2a_qp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("b2a_qp", args, kw, &["data", "quotetabs", "istext", "header"], 0, 1, 4)?;
    let data = buffer_arg(a[0].as_ref().unwrap())?;
    let quotetabs = int_flag(a[1].as_ref(), false)?;
    let istext = int_flag(a[2].as_ref(), true)?;
    let header = int_flag(a[3].as_ref(), false)?;
    let n = data.len();
    // CRLF line ends if the first LF follows a CR.
    let crlf = match data.iter().position(|&b| b == b'\n') {
        Some(p) => p > 0 && data[p - 1] == b'\r',
        None => false,
    };
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let mut linelen = 0usize;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let must_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Trailing whitespace before a line end is quoted.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    push_hex(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    Ok(bytes::new(&out))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("a2b_uu", b_a2b_uu),
        method("b2a_uu", b_b2a_uu),
        method("a2b_base64", b_a2b_base64),
        method("b2a_base64", b_b2a_base64),
        method("crc_hqx", b_crc_hqx),
        method("crc32", b_crc32),
        method("b2a_hex", b_b2a_hex),
        method("hexlify", b_hexlify),
        method("a2b_hex", b_a2b_hex),
        method("unhexlify", b_unhexlify),
        method("a2b_qp", b_a2b_qp),
        method("b2a_qp", b_b2a_qp),
    ]
}

fn exception(keep: &'static crate::Keep, dotted: &str, base: *mut PyTypeObject) -> PyResult<Obj> {
    keep.get_or_init(|| crate::new_exception_type(dotted, base))
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("binascii")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Conversion between binary data and ASCII"))?;
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "Error", &exception(&ERROR, "binascii.Error", exceptions::ValueError())?)?;
    dict::set_item_str(&d, "Incomplete", &exception(&INCOMPLETE, "binascii.Incomplete", exceptions::Exception())?)?;
    Ok(m)
}
