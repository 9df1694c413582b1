//! The methods bytes and bytearray share (CPython's bytes_methods.c and the
//! byte half of stringlib). Each works on a copy-or-borrow of `self`'s bytes
//! and builds its result with `self`'s base type (bytes or bytearray), as
//! CPython does for subclasses too.

use crate::errors::PyResult;
use crate::object::{Obj, PyObject};
use crate::types::builtin_func::{check_nargs, classmethod, method, parse_args, staticmethod, MethodSpec};
use crate::types::{bool_, buffer, bytearray, bytes, int, none, str as pystr, tuple};
use std::borrow::Cow;

/// `self`'s bytes: borrowed from an immutable bytes object, copied from a
/// bytearray (whose storage may move while arguments are converted).
pub fn self_data(o: &Obj) -> Cow<'_, [u8]> {
    if bytes::is_bytes(o) {
        Cow::Borrowed(bytes::as_slice(o))
    } else {
        Cow::Owned(bytearray::data(o).to_vec())
    }
}

/// A result of `self`'s kind: bytes for bytes (and its subclasses),
/// bytearray for bytearray.
pub fn make_like(slf: &Obj, v: &[u8]) -> Obj {
    if bytes::is_bytes(slf) {
        bytes::new(v)
    } else {
        bytearray::new(v)
    }
}

/// The bytes of a bytes-like argument: "a bytes-like object is required".
pub fn buf_arg(o: &Obj) -> PyResult<Cow<'_, [u8]>> {
    if bytes::is_bytes(o) {
        return Ok(Cow::Borrowed(bytes::as_slice(o)));
    }
    let b = buffer::Buffer::get(o, buffer::FULL_RO)?;
    Ok(Cow::Owned(unsafe { buffer::to_c_order(b.raw()) }))
}

/// A single byte value from an int-like: "byte must be in range(0, 256)".
pub fn byte_value(o: &Obj) -> PyResult<u8> {
    let i = int::index(o)?;
    match int::as_i64(&i) {
        Some(v) if (0..256).contains(&v) => Ok(v as u8),
        _ => crate::bail!(ValueError, "byte must be in range(0, 256)"),
    }
}

/// The needle of find/count/index: an int in range(256) or bytes-like.
fn sub_arg(o: &Obj) -> PyResult<Cow<'_, [u8]>> {
    if crate::ops::number::has_index(o) && !buffer::has_buffer(o) {
        return Ok(Cow::Owned(vec![byte_value(o)?]));
    }
    if !buffer::has_buffer(o) {
        crate::bail!(TypeError, "argument should be integer or bytes-like object, not '{}'", o.ty().name());
    }
    buf_arg(o)
}

/// stringlib's "find"-family argument check: `name() takes at least 1 argument`.
fn finds_nargs(name: &str, a: &[Obj], k: Option<&Obj>) -> PyResult<()> {
    crate::types::builtin_func::no_kwargs(name, k)?;
    if a.is_empty() {
        crate::bail!(TypeError, "{}() takes at least 1 argument (0 given)", name);
    }
    if a.len() > 3 {
        crate::bail!(TypeError, "{}() takes at most 3 arguments ({} given)", name, a.len());
    }
    Ok(())
}

/// Slice-style start/end (None allowed) adjusted as CPython's ADJUST_INDICES:
/// the end is clamped to the length, the start is not.
fn adjust_range(n: usize, a: &[Obj]) -> PyResult<(isize, isize)> {
    let conv = |o: Option<&Obj>, d: isize| -> PyResult<isize> {
        match o.filter(|x| !none::is_none(x)) {
            None => Ok(d),
            Some(x) => {
                if !crate::ops::number::has_index(x) {
                    crate::bail!(TypeError, "slice indices must be integers or None or have an __index__ method");
                }
                let i = int::index(x)?;
                Ok(int::as_i64(&i).unwrap_or(if int::sign(&i) < 0 { isize::MIN as i64 } else { isize::MAX as i64 }) as isize)
            }
        }
    };
    let n = n as isize;
    let mut s = conv(a.get(1), 0)?;
    let mut e = conv(a.get(2), n)?;
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    if s < 0 {
        s = (s + n).max(0);
    }
    Ok((s, e))
}

fn find_fwd(hay: &[u8], needle: &[u8], s: isize, e: isize) -> Option<usize> {
    if e - s < needle.len() as isize {
        return None;
    }
    let (s, e) = (s as usize, e as usize);
    if needle.is_empty() {
        return Some(s);
    }
    hay[s..e].windows(needle.len()).position(|w| w == needle).map(|i| i + s)
}

fn find_rev(hay: &[u8], needle: &[u8], s: isize, e: isize) -> Option<usize> {
    if e - s < needle.len() as isize {
        return None;
    }
    let (s, e) = (s as usize, e as usize);
    if needle.is_empty() {
        return Some(e);
    }
    hay[s..e].windows(needle.len()).rposition(|w| w == needle).map(|i| i + s)
}

fn m_count(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    finds_nargs("count", a, k)?;
    let data = self_data(slf);
    let sub = sub_arg(&a[0])?;
    let (s, e) = adjust_range(data.len(), a)?;
    if e - s < sub.len() as isize {
        return Ok(int::from_usize(0));
    }
    if sub.is_empty() {
        return Ok(int::from_usize((e - s + 1) as usize));
    }
    let mut n = 0;
    let mut i = s;
    while let Some(j) = find_fwd(&data, &sub, i, e) {
        n += 1;
        i = (j + sub.len()) as isize;
    }
    Ok(int::from_usize(n))
}

fn find_impl(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, rev: bool) -> PyResult<Option<usize>> {
    finds_nargs(name, a, k)?;
    let data = self_data(slf);
    let sub = sub_arg(&a[0])?;
    let (s, e) = adjust_range(data.len(), a)?;
    Ok(if rev { find_rev(&data, &sub, s, e) } else { find_fwd(&data, &sub, s, e) })
}

fn found(r: Option<usize>) -> Obj {
    int::from_i64(r.map(|i| i as i64).unwrap_or(-1))
}

fn m_find(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    Ok(found(find_impl(slf, a, k, "find", false)?))
}
fn m_rfind(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    Ok(found(find_impl(slf, a, k, "rfind", true)?))
}
fn m_index(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    match find_impl(slf, a, k, "index", false)? {
        Some(i) => Ok(int::from_usize(i)),
        None => crate::bail!(ValueError, "subsection not found"),
    }
}
fn m_rindex(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    match find_impl(slf, a, k, "rindex", true)? {
        Some(i) => Ok(int::from_usize(i)),
        None => crate::bail!(ValueError, "subsection not found"),
    }
}

fn affix(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, end: bool) -> PyResult<Obj> {
    finds_nargs(name, a, k)?;
    let data = self_data(slf);
    let (s, e) = adjust_range(data.len(), a)?;
    let cands: Vec<Obj> = if tuple::is_tuple(&a[0]) { tuple::items(&a[0]).to_vec() } else { vec![a[0].clone()] };
    let single = !tuple::is_tuple(&a[0]);
    for c in cands {
        if single && !buffer::has_buffer(&c) {
            crate::bail!(TypeError, "{} first arg must be bytes or a tuple of bytes, not {}", name, c.ty().name());
        }
        let p = buf_arg(&c)?;
        if s > data.len() as isize || e - s < p.len() as isize {
            continue;
        }
        let window = &data[s as usize..e as usize];
        if (end && window.ends_with(&p)) || (!end && window.starts_with(&p)) {
            return Ok(bool_::from_bool(true));
        }
    }
    Ok(bool_::from_bool(false))
}
fn m_startswith(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix(s, a, k, "startswith", false)
}
fn m_endswith(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix(s, a, k, "endswith", true)
}

fn m_join(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs(&format!("{}.join", slf.ty().name()), a, k, 1, 1)?;
    let sep = self_data(slf).into_owned();
    // As CPython: the separator's buffer stays exported while the iterable
    // is consumed, so an iterator that resizes the bytearray gets a
    // BufferError.
    let _export = buffer::Buffer::get(slf, 0)?;
    let items = crate::ops::seq::to_vec(&a[0]).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            crate::raise!(TypeError, "can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if !buffer::has_buffer(it) {
            crate::bail!(TypeError, "sequence item {}: expected a bytes-like object, {} found", i, it.ty().name());
        }
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&buf_arg(it)?);
    }
    Ok(make_like(slf, &out))
}

pub fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn strip_impl(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, left: bool, right: bool) -> PyResult<Obj> {
    check_nargs(name, a, k, 0, 1)?;
    let data = self_data(slf);
    let set: Option<Cow<[u8]>> = match a.first().filter(|x| !none::is_none(x)) {
        Some(x) => Some(buf_arg(x)?),
        None => None,
    };
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_ws(b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strip(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(data[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == data.len() && slf.is_type(bytes::type_ptr()) {
        return Ok(slf.clone());
    }
    Ok(make_like(slf, &data[s..e]))
}
fn m_strip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, "strip", true, true)
}
fn m_lstrip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, "lstrip", true, false)
}
fn m_rstrip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, "rstrip", false, true)
}

fn split_args(name: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<(Option<Obj>, isize)> {
    let a = parse_args(name, args, kw, &["sep", "maxsplit"], 0, 0)?;
    let maxsplit = match &a[1] {
        Some(m) => int::as_isize_or_overflow(&int::index(m)?)?,
        None => -1,
    };
    Ok((a[0].clone().filter(|x| !none::is_none(x)), maxsplit))
}

/// The pieces of `data` split on `sep` (whitespace runs when None).
fn split_parts(data: &[u8], sep: Option<&[u8]>, maxsplit: isize, rev: bool) -> PyResult<Vec<(usize, usize)>> {
    let mut parts = Vec::new();
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        None if !rev => {
            let mut i = 0;
            while i < data.len() {
                while i < data.len() && is_ws(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if parts.len() == max {
                    // The rest, as it stands (CPython keeps its trailing whitespace).
                    parts.push((i, data.len()));
                    break;
                }
                let s = i;
                while i < data.len() && !is_ws(data[i]) {
                    i += 1;
                }
                parts.push((s, i));
            }
        }
        None => {
            let mut i = data.len();
            while i > 0 {
                while i > 0 && is_ws(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if parts.len() == max {
                    parts.push((0, i));
                    break;
                }
                let e = i;
                while i > 0 && !is_ws(data[i - 1]) {
                    i -= 1;
                }
                parts.push((i, e));
            }
            parts.reverse();
        }
        Some(sep) => {
            if sep.is_empty() {
                crate::bail!(ValueError, "empty separator");
            }
            if !rev {
                let mut s = 0;
                while parts.len() < max {
                    match find_fwd(data, sep, s as isize, data.len() as isize) {
                        Some(i) => {
                            parts.push((s, i));
                            s = i + sep.len();
                        }
                        None => break,
                    }
                }
                parts.push((s, data.len()));
            } else {
                let mut e = data.len();
                while parts.len() < max {
                    match find_rev(data, sep, 0, e as isize) {
                        Some(i) => {
                            parts.push((i + sep.len(), e));
                            e = i;
                        }
                        None => break,
                    }
                }
                parts.push((0, e));
                parts.reverse();
            }
        }
    }
    Ok(parts)
}

fn split_impl(slf: &Obj, args: &[Obj], kw: Option<&Obj>, name: &str, rev: bool) -> PyResult<Obj> {
    let (sep, maxsplit) = split_args(name, args, kw)?;
    let sep = match &sep {
        Some(s) => Some(buf_arg(s)?),
        None => None,
    };
    let data = self_data(slf);
    let parts = split_parts(&data, sep.as_deref(), maxsplit, rev)?;
    Ok(crate::types::list::from_vec(parts.into_iter().map(|(s, e)| make_like(slf, &data[s..e])).collect()))
}
fn m_split(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    split_impl(s, a, k, "split", false)
}
fn m_rsplit(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    split_impl(s, a, k, "rsplit", true)
}

fn m_splitlines(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("splitlines", args, kw, &["keepends"], 0, 0)?;
    let keep = match &a[0] {
        // An int flag, as CPython's `bool(accept={int})` argument.
        Some(v) => int::sign(&int::index(v)?) != 0,
        None => false,
    };
    let data = self_data(slf);
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let s = i;
        while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let e = i;
        if i < data.len() {
            if data[i] == b'\r' && data.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
        }
        out.push(make_like(slf, &data[s..if keep { i } else { e }]));
    }
    Ok(crate::types::list::from_vec(out))
}

fn partition_impl(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, rev: bool) -> PyResult<Obj> {
    check_nargs(&format!("{}.{}", slf.ty().name(), name), a, k, 1, 1)?;
    let sep = buf_arg(&a[0])?.into_owned();
    if sep.is_empty() {
        crate::bail!(ValueError, "empty separator");
    }
    let data = self_data(slf);
    let exact_bytes = slf.is_type(bytes::type_ptr());
    let pos = if rev { find_rev(&data, &sep, 0, data.len() as isize) } else { find_fwd(&data, &sep, 0, data.len() as isize) };
    let whole = || if exact_bytes { slf.clone() } else { make_like(slf, &data) };
    let parts = match pos {
        Some(i) => {
            let sep_obj = if exact_bytes && bytes::is_bytes(&a[0]) && a[0].is_type(bytes::type_ptr()) {
                a[0].clone()
            } else {
                make_like(slf, &sep)
            };
            vec![make_like(slf, &data[..i]), sep_obj, make_like(slf, &data[i + sep.len()..])]
        }
        None if rev => vec![make_like(slf, b""), make_like(slf, b""), whole()],
        None => vec![whole(), make_like(slf, b""), make_like(slf, b"")],
    };
    Ok(tuple::from_vec(parts))
}
fn m_partition(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    partition_impl(s, a, k, "partition", false)
}
fn m_rpartition(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    partition_impl(s, a, k, "rpartition", true)
}

fn m_replace(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("replace", a, k, 2, 3)?;
    let old = buf_arg(&a[0])?.into_owned();
    let newb = buf_arg(&a[1])?.into_owned();
    let count = match a.get(2) {
        Some(c) => int::as_isize_or_overflow(&int::index(c)?)?,
        None => -1,
    };
    let data = self_data(slf);
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0;
    if old.is_empty() {
        for b in data.iter() {
            if done < limit {
                out.extend_from_slice(&newb);
                done += 1;
            }
            out.push(*b);
        }
        if done < limit {
            out.extend_from_slice(&newb);
        }
        return Ok(make_like(slf, &out));
    }
    let mut i = 0;
    while i < data.len() {
        if done < limit && data[i..].starts_with(&old) {
            out.extend_from_slice(&newb);
            i += old.len();
            done += 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(make_like(slf, &out))
}

fn affix_remove(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, suffix: bool) -> PyResult<Obj> {
    check_nargs(&format!("{}.{}", slf.ty().name(), name), a, k, 1, 1)?;
    let p = buf_arg(&a[0])?.into_owned();
    let data = self_data(slf);
    let r: &[u8] = if !p.is_empty() && suffix && data.ends_with(&p) {
        &data[..data.len() - p.len()]
    } else if !p.is_empty() && !suffix && data.starts_with(&p) {
        &data[p.len()..]
    } else {
        if slf.is_type(bytes::type_ptr()) {
            return Ok(slf.clone());
        }
        &data
    };
    Ok(make_like(slf, r))
}
fn m_removeprefix(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix_remove(s, a, k, "removeprefix", false)
}
fn m_removesuffix(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix_remove(s, a, k, "removesuffix", true)
}

fn width_arg(o: &Obj) -> PyResult<isize> {
    int::as_isize_or_overflow(&int::index(o)?)
}

fn pad_impl(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str) -> PyResult<Obj> {
    check_nargs(name, a, k, 1, 2)?;
    let width = width_arg(&a[0])?;
    let fill = match a.get(1) {
        None => b' ',
        Some(f) => {
            let ok = if bytes::is_bytes(f) {
                Some(bytes::as_slice(f))
            } else if bytearray::is_bytearray(f) {
                Some(bytearray::data(f))
            } else {
                None
            };
            match ok {
                Some(v) if v.len() == 1 => v[0],
                _ => crate::bail!(
                    TypeError,
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    f.ty().name()
                ),
            }
        }
    };
    let data = self_data(slf);
    let n = data.len() as isize;
    if width <= n {
        if slf.is_type(bytes::type_ptr()) {
            return Ok(slf.clone());
        }
        return Ok(make_like(slf, &data));
    }
    let marg = (width - n) as usize;
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(width as usize, fill);
    Ok(make_like(slf, &out))
}
fn m_center(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pad_impl(s, a, k, "center")
}
fn m_ljust(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pad_impl(s, a, k, "ljust")
}
fn m_rjust(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pad_impl(s, a, k, "rjust")
}

fn m_zfill(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs(&format!("{}.zfill", slf.ty().name()), a, k, 1, 1)?;
    let width = width_arg(&a[0])?;
    let data = self_data(slf);
    if width <= data.len() as isize {
        if slf.is_type(bytes::type_ptr()) {
            return Ok(slf.clone());
        }
        return Ok(make_like(slf, &data));
    }
    let fill = width as usize - data.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&data);
    if matches!(data.first(), Some(b'+') | Some(b'-')) {
        out[0] = data[0];
        out[fill] = b'0';
    }
    Ok(make_like(slf, &out))
}

fn m_expandtabs(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("expandtabs", args, kw, &["tabsize"], 0, 0)?;
    let tab = match &a[0] {
        Some(t) => int::as_isize_or_overflow(&int::index(t)?)?,
        None => 8,
    };
    let data = self_data(slf);
    let mut out = Vec::with_capacity(data.len());
    let mut col = 0usize;
    for &c in data.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    out.extend(std::iter::repeat(b' ').take(n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make_like(slf, &out))
}

fn map_bytes(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Obj> {
    check_nargs(&format!("{}.{}", slf.ty().name(), name), a, k, 0, 0)?;
    let data = self_data(slf);
    Ok(make_like(slf, &f(&data)))
}
fn m_upper(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    map_bytes(s, a, k, "upper", |d| d.to_ascii_uppercase())
}
fn m_lower(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    map_bytes(s, a, k, "lower", |d| d.to_ascii_lowercase())
}
fn m_swapcase(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    map_bytes(s, a, k, "swapcase", |d| {
        d.iter()
            .map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}
fn m_capitalize(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    map_bytes(s, a, k, "capitalize", |d| {
        d.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}
fn m_title(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    map_bytes(s, a, k, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&c| {
                let r = if c.is_ascii_alphabetic() {
                    if prev_cased {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                } else {
                    c
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(slf: &Obj, a: &[Obj], k: Option<&Obj>, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Obj> {
    check_nargs(&format!("{}.{}", slf.ty().name(), name), a, k, 0, 0)?;
    Ok(bool_::from_bool(f(&self_data(slf))))
}
fn m_isdigit(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}
fn m_isalpha(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}
fn m_isalnum(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}
fn m_isspace(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isspace", |d| !d.is_empty() && d.iter().all(|b| is_ws(*b)))
}
fn m_isascii(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isascii", |d| d.is_ascii())
}
fn m_islower(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
fn m_isupper(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
fn m_istitle(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pred(s, a, k, "istitle", |d| {
        let mut cased = false;
        let mut prev_cased = false;
        for &c in d {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn m_translate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("translate", args, kw, &["table", "delete"], 1, 1)?;
    let table = match a[0].as_ref().filter(|t| !none::is_none(t)) {
        Some(t) => {
            let v = buf_arg(t)?.into_owned();
            if v.len() != 256 {
                crate::bail!(ValueError, "translation table must be 256 characters long");
            }
            Some(v)
        }
        None => None,
    };
    let delete = match &a[1] {
        Some(d) => buf_arg(d)?.into_owned(),
        None => Vec::new(),
    };
    let data = self_data(slf);
    let out: Vec<u8> = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| match &table {
            Some(t) => t[c as usize],
            None => c,
        })
        .collect();
    if table.is_none() && out.len() == data.len() && slf.is_type(bytes::type_ptr()) {
        return Ok(slf.clone());
    }
    Ok(make_like(slf, &out))
}

fn m_maketrans(_cls: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("maketrans", a, k, 2, 2)?;
    let frm = buf_arg(&a[0])?.into_owned();
    let to = buf_arg(&a[1])?.into_owned();
    if frm.len() != to.len() {
        crate::bail!(ValueError, "maketrans arguments must have same length");
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, x) in frm.iter().zip(to.iter()) {
        t[*f as usize] = *x;
    }
    Ok(bytes::new(&t))
}

/// `bytes.hex()`-style hex text with an optional one-character separator
/// every `per_sep` bytes (counted from the right when positive, from the
/// left when negative), shared with memoryview.hex.
pub fn hex_with_sep(data: &[u8], sep: Option<&Obj>, per_sep: Option<&Obj>) -> PyResult<Obj> {
    let sep_char = match sep {
        None => None,
        Some(s) => {
            let v: Vec<u32> = if pystr::is_str(s) {
                pystr::code_points(s)
            } else if buffer::has_buffer(s) {
                buf_arg(s)?.iter().map(|&b| b as u32).collect()
            } else {
                crate::bail!(TypeError, "object of type '{}' has no len()", s.ty().name());
            };
            if v.len() != 1 {
                crate::bail!(ValueError, "sep must be length 1.");
            }
            if v[0] > 127 {
                crate::bail!(ValueError, "sep must be ASCII.");
            }
            Some(v[0] as u8 as char)
        }
    };
    let per = match per_sep {
        Some(p) => crate::types::int::as_c_int(p)? as isize,
        None => 1,
    };
    let mut s = String::with_capacity(data.len() * 3);
    match sep_char {
        Some(c) if per != 0 && !data.is_empty() => {
            let g = per.unsigned_abs();
            let n = data.len();
            for (i, b) in data.iter().enumerate() {
                let boundary = if per > 0 { i > 0 && (n - i) % g == 0 } else { i > 0 && i % g == 0 };
                if boundary {
                    s.push(c);
                }
                s.push_str(&format!("{:02x}", b));
            }
        }
        _ => {
            for b in data {
                s.push_str(&format!("{:02x}", b));
            }
        }
    }
    Ok(pystr::new(&s))
}

fn m_hex(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("hex", args, kw, &["sep", "bytes_per_sep"], 0, 0)?;
    hex_with_sep(&self_data(slf), a[0].as_ref(), a[1].as_ref())
}

fn m_decode(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("decode", args, kw, &["encoding", "errors"], 0, 0)?;
    let enc = crate::types::str_methods::str_arg("decode", "encoding", a[0].as_ref())?.unwrap_or_else(|| "utf-8".into());
    let errors = crate::types::str_methods::str_arg("decode", "errors", a[1].as_ref())?;
    crate::types::str_methods::decode(&self_data(slf), &enc, errors.as_deref())
}

/// The bytes `fromhex` parses: pairs of hex digits, ASCII whitespace between
/// pairs.
pub fn parse_hex(s: &Obj) -> PyResult<Vec<u8>> {
    if !pystr::is_str(s) {
        crate::bail!(TypeError, "fromhex() argument must be str, not {}", s.ty().name());
    }
    let s: Vec<u32> = pystr::code_points(s);
    let mut out = Vec::new();
    let mut i = 0;
    let hexv = |c: u32| char::from_u32(c).filter(|c| c.is_ascii()).and_then(|c| c.to_digit(16));
    while i < s.len() {
        if s[i] == ' ' as u32 || (9..=13).contains(&s[i]) {
            i += 1;
            continue;
        }
        let hi = hexv(s[i]);
        let lo = s.get(i + 1).and_then(|c| hexv(*c));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) => crate::bail!(ValueError, "non-hexadecimal number found in fromhex() arg at position {}", i + 1),
            _ => crate::bail!(ValueError, "non-hexadecimal number found in fromhex() arg at position {}", i),
        }
    }
    Ok(out)
}

fn m_fromhex(cls: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("fromhex", a, k, 1, 1)?;
    let v = parse_hex(&a[0])?;
    let is_ba = crate::types::type_::is_subtype(cls.as_ptr() as *mut _, bytearray::type_ptr());
    let base = if is_ba { bytearray::type_ptr() } else { bytes::type_ptr() };
    let b = if is_ba { bytearray::new(&v) } else { bytes::new(&v) };
    if cls.as_ptr() == base as *mut PyObject {
        return Ok(b);
    }
    crate::ops::call::call(cls, &[b], None)
}

/// The methods both bytes and bytearray have.
pub fn shared_methods() -> Vec<MethodSpec> {
    vec![
        method("decode", m_decode),
        method("hex", m_hex).with_doc(
            "Return the data as a string of two hexadecimal digits per byte.\n\nsep, when given, is a one-character separator put between groups of\nbytes_per_sep bytes (counted from the right, or from the left when\nbytes_per_sep is negative).\n\n>>> bytes([0, 16, 255]).hex()\n'0010ff'\n>>> bytearray(b'\\x01\\x02\\x03\\x04').hex(':', 2)\n'0102:0304'",
        ),
        method("count", m_count),
        method("find", m_find),
        method("rfind", m_rfind),
        method("index", m_index),
        method("rindex", m_rindex),
        method("startswith", m_startswith),
        method("endswith", m_endswith),
        method("join", m_join),
        method("strip", m_strip),
        method("lstrip", m_lstrip),
        method("rstrip", m_rstrip),
        method("split", m_split),
        method("rsplit", m_rsplit),
        method("splitlines", m_splitlines),
        method("partition", m_partition),
        method("rpartition", m_rpartition),
        method("replace", m_replace),
        method("removeprefix", m_removeprefix),
        method("removesuffix", m_removesuffix),
        method("center", m_center),
        method("ljust", m_ljust),
        method("rjust", m_rjust),
        method("zfill", m_zfill),
        method("expandtabs", m_expandtabs),
        method("upper", m_upper),
        method("lower", m_lower),
        method("swapcase", m_swapcase),
        method("capitalize", m_capitalize),
        method("title", m_title),
        method("isdigit", m_isdigit),
        method("isalpha", m_isalpha),
        method("isalnum", m_isalnum),
        method("isspace", m_isspace),
        method("isascii", m_isascii),
        method("islower", m_islower),
        method("isupper", m_isupper),
        method("istitle", m_istitle),
        method("translate", m_translate),
        staticmethod("maketrans", m_maketrans),
        classmethod("fromhex", m_fromhex),
    ]
}
