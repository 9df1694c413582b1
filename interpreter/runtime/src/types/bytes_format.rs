//! printf-style formatting of bytes and bytearray (PEP 461): `b"%d" % 5`.
//!
//! %s/%b take bytes-like objects or `__bytes__`, %r/%a the ASCII repr, %c
//! one byte; numeric conversions produce the same text as str's, so they are
//! rendered through str's formatter one conversion at a time and encoded.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{buffer, bytes, bytes_methods, int, none, str as pystr, tuple};

/// `self % values` for bytes/bytearray `self`; NotImplemented otherwise.
pub fn remainder(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !bytes::is_bytes(a) && !crate::types::bytearray::is_bytearray(a) {
        return Ok(none::not_implemented());
    }
    let template = bytes_methods::self_data(a).into_owned();
    let out = format(&template, b)?;
    Ok(bytes_methods::make_like(a, &out))
}
crate::binary_slot!(remainder_slot => remainder);

/// The bytes %s/%b insert for `v`.
fn bytes_of(v: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes::as_slice_opt(v) {
        return Ok(b.to_vec());
    }
    if let Some(r) = buffer::copy_bytes(v) {
        return r;
    }
    if let Some(r) = crate::types::int::call_special(v, "__bytes__")? {
        match bytes::as_slice_opt(&r) {
            Some(b) => return Ok(b.to_vec()),
            None => crate::bail!(TypeError, "__bytes__ returned non-bytes (type {})", r.ty().name()),
        }
    }
    crate::bail!(
        TypeError,
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.ty().name()
    )
}

fn format(t: &[u8], values: &Obj) -> PyResult<Vec<u8>> {
    let is_mapping = !tuple::is_tuple(values)
        && !bytes::is_bytes(values)
        && !pystr::is_str(values)
        && !crate::types::bytearray::is_bytearray(values)
        && !values.ty().tp_as_mapping.is_null()
        && unsafe { (*values.ty().tp_as_mapping).mp_subscript.is_some() };
    let items: Vec<Obj> = if tuple::is_tuple(values) { tuple::items(values).to_vec() } else { vec![values.clone()] };
    let mapping = if is_mapping { Some(values.clone()) } else { None };
    let mut argi = 0usize;
    let mut used_key = false;
    let next_arg = |argi: &mut usize| -> PyResult<Obj> {
        match items.get(*argi) {
            Some(a) => {
                *argi += 1;
                Ok(a.clone())
            }
            None => crate::bail!(TypeError, "not enough arguments for format string"),
        }
    };
    let mut out = Vec::with_capacity(t.len());
    let mut i = 0;
    while i < t.len() {
        if t[i] != b'%' {
            out.push(t[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < t.len() && t[i] == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        let mut arg: Option<Obj> = None;
        if i < t.len() && t[i] == b'(' {
            let m = match &mapping {
                Some(m) => m.clone(),
                None => crate::bail!(TypeError, "format requires a mapping"),
            };
            let mut level = 1;
            let start = i + 1;
            i += 1;
            while i < t.len() && level > 0 {
                match t[i] {
                    b'(' => level += 1,
                    b')' => level -= 1,
                    _ => {}
                }
                i += 1;
            }
            if level > 0 {
                crate::bail!(ValueError, "incomplete format key");
            }
            arg = Some(crate::ops::seq::getitem(&m, &bytes::new(&t[start..i - 1]))?);
            used_key = true;
        }
        let mut flags = String::new();
        while i < t.len() && matches!(t[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            flags.push(t[i] as char);
            i += 1;
        }
        let mut left = flags.contains('-');
        let mut width: Option<usize> = None;
        if i < t.len() && t[i] == b'*' {
            let w = next_arg(&mut argi)?;
            if !int::is_int(&w) {
                crate::bail!(TypeError, "* wants int");
            }
            let wv = int::as_isize_or_overflow(&w)?;
            if wv < 0 {
                left = true;
            }
            width = Some(wv.unsigned_abs());
            i += 1;
        } else {
            while i < t.len() && t[i].is_ascii_digit() {
                let (w, d) = (width.unwrap_or(0), (t[i] - b'0') as usize);
                if w > (isize::MAX as usize - d) / 10 {
                    crate::bail!(ValueError, "width too big");
                }
                width = Some(w * 10 + d);
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < t.len() && t[i] == b'.' {
            i += 1;
            if i < t.len() && t[i] == b'*' {
                let p = next_arg(&mut argi)?;
                if !int::is_int(&p) {
                    crate::bail!(TypeError, "* wants int");
                }
                // A C int, as CPython's _PyLong_AsInt.
                prec = Some(int::as_c_int(&p)?.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0;
                while i < t.len() && t[i].is_ascii_digit() {
                    let d = (t[i] - b'0') as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        crate::bail!(ValueError, "prec too big");
                    }
                    p = p * 10 + d;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        while i < t.len() && matches!(t[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= t.len() {
            crate::bail!(ValueError, "incomplete format");
        }
        let conv = t[i];
        i += 1;
        let v = match arg {
            Some(a) => a,
            None => next_arg(&mut argi)?,
        };
        let body: Vec<u8> = match conv {
            b's' | b'b' => {
                let mut b = bytes_of(&v)?;
                if let Some(p) = prec {
                    b.truncate(p);
                }
                b
            }
            b'r' | b'a' => {
                let s = crate::builtins::ascii_of(&v)?;
                let mut b = pystr::to_string_lossy(&s).into_bytes();
                if let Some(p) = prec {
                    b.truncate(p);
                }
                b
            }
            b'c' => {
                if let Some(b) = bytes::as_slice_opt(&v).or_else(|| {
                    if crate::types::bytearray::is_bytearray(&v) {
                        Some(crate::types::bytearray::data(&v))
                    } else {
                        None
                    }
                }) {
                    if b.len() != 1 {
                        crate::bail!(TypeError, "%c requires an integer in range(256) or a single byte");
                    }
                    b.to_vec()
                } else if crate::ops::number::has_index(&v) {
                    let n = int::index(&v)?;
                    match int::as_i64(&n) {
                        Some(x) if (0..256).contains(&x) => vec![x as u8],
                        _ => crate::bail!(OverflowError, "%c arg not in range(256)"),
                    }
                } else {
                    crate::bail!(TypeError, "%c requires an integer in range(256) or a single byte");
                }
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                // PyFloat_AsDouble's failure gets bytes formatting's own message.
                let v = if matches!(conv, b'e' | b'E' | b'f' | b'F' | b'g' | b'G') {
                    match crate::types::float::as_f64(&v) {
                        Ok(x) => crate::types::float::from_f64(x),
                        Err(_) => {
                            crate::errors::clear();
                            crate::bail!(TypeError, "float argument required, not {}", v.ty().name());
                        }
                    }
                } else {
                    v
                };
                // The numeric text is str's: format this one conversion.
                let mut spec = format!("%{}", flags);
                if let Some(w) = width {
                    if left && !flags.contains('-') {
                        spec.push('-');
                    }
                    spec.push_str(&w.to_string());
                }
                if let Some(p) = prec {
                    spec.push_str(&format!(".{}", p));
                }
                spec.push(conv as char);
                let r = crate::types::str_percent::percent_format(&pystr::new(&spec), &tuple::from_vec(vec![v]))?;
                out.extend_from_slice(pystr::to_string_lossy(&r).as_bytes());
                continue;
            }
            other => crate::bail!(
                ValueError,
                "unsupported format character '{}' (0x{:x}) at index {}",
                other as char,
                other,
                i - 1
            ),
        };
        let w = width.unwrap_or(0);
        if out.try_reserve(w.max(body.len())).is_err() {
            return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
        }
        if body.len() >= w {
            out.extend_from_slice(&body);
        } else if left {
            out.extend_from_slice(&body);
            out.resize(out.len() + w - body.len(), b' ');
        } else {
            out.resize(out.len() + w - body.len(), b' ');
            out.extend_from_slice(&body);
        }
    }
    if argi < items.len() && !used_key && mapping.is_none() {
        crate::bail!(TypeError, "not all arguments converted during bytes formatting");
    }
    Ok(out)
}
