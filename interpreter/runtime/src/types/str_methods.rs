//! The `str` type's slots and methods (the storage is in `str.rs`), with
//! `str.format`, `%`-formatting and the codecs krait needs natively.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table, parse_args, staticmethod};
use crate::types::str_case;
use crate::types::str_search;
use crate::types::str_unicode as ucd;
use crate::types::str::{self as pystr, chars, code_points, from_code_points, len};
use crate::types::{bool_, dict, int, list, none, tuple};
use krait_bytecode::CompareOp;

/// Concatenates strs (BUILD_STRING).
pub fn join_strs(parts: &[Obj]) -> Obj {
    if parts.iter().all(pystr::is_ascii) {
        let mut s = String::new();
        for p in parts {
            s.push_str(pystr::as_str(p).unwrap());
        }
        return pystr::new(&s);
    }
    let mut cps = Vec::new();
    for p in parts {
        cps.extend(chars(p));
    }
    from_code_points(&cps)
}

/// str.isidentifier: XID_Start or '_' first, XID_Continue after.
pub fn is_identifier(o: &Obj) -> bool {
    let n = len(o);
    if n == 0 {
        return false;
    }
    let first = pystr::char_at(o, 0);
    if !(first == '_' as u32 || ucd::is_xid_start(first)) {
        return false;
    }
    (1..n).all(|i| ucd::is_xid_continue(pystr::char_at(o, i)))
}

/// Private name mangling: `__x` in class `C` becomes `_C__x`.
pub fn mangle(class_name: &str, name: &Obj) -> Obj {
    let n = match pystr::as_str(name) {
        Some(n) => n,
        None => return name.clone(),
    };
    if !n.starts_with("__") || n.ends_with("__") || n.contains('.') {
        return name.clone();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.clone();
    }
    pystr::new(&format!("_{}{}", stripped, n))
}

/// repr of a str: quotes chosen as CPython does, non-printables escaped.
pub fn repr_str(o: &Obj) -> String {
    let cps = code_points(o);
    let has_sq = cps.contains(&('\'' as u32));
    let has_dq = cps.contains(&('"' as u32));
    let quote = if has_sq && !has_dq { '"' } else { '\'' };
    let mut s = String::with_capacity(cps.len() + 2);
    s.push(quote);
    for cp in cps {
        match cp {
            0x5c => s.push_str("\\\\"),
            0x09 => s.push_str("\\t"),
            0x0a => s.push_str("\\n"),
            0x0d => s.push_str("\\r"),
            c if c == quote as u32 => {
                s.push('\\');
                s.push(quote);
            }
            c if c < 0x20 || c == 0x7f => s.push_str(&format!("\\x{:02x}", c)),
            c if c < 0x7f => s.push(c as u8 as char),
            c if ucd::is_printable(c) => s.push(char::from_u32(c).unwrap()),
            c if c <= 0xff => s.push_str(&format!("\\x{:02x}", c)),
            c if c <= 0xffff => s.push_str(&format!("\\u{:04x}", c)),
            c => s.push_str(&format!("\\U{:08x}", c)),
        }
    }
    s.push(quote);
    s
}

/// Unicode "printable" as Python defines it (not Other/Separator except space).
pub fn is_printable(c: char) -> bool {
    ucd::is_printable(c as u32)
}

fn str_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&repr_str(o)))
}
crate::unary_slot!(str_repr_slot => str_repr);

fn str_str(o: &Obj) -> PyResult<Obj> {
    if pystr::is_exact_str(o) {
        Ok(o.clone())
    } else {
        Ok(from_code_points(&code_points(o)))
    }
}
crate::unary_slot!(str_str_slot => str_str);

fn str_hash(o: &Obj) -> PyResult<isize> {
    Ok(pystr::hash(o))
}
crate::hash_slot!(str_hash_slot => str_hash);

fn str_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !pystr::is_str(b) {
        return Ok(none::not_implemented());
    }
    let r = match op {
        CompareOp::Eq => pystr::eq(a, b),
        CompareOp::Ne => !pystr::eq(a, b),
        _ => {
            let o = pystr::cmp(a, b);
            match op {
                CompareOp::Lt => o.is_lt(),
                CompareOp::Le => o.is_le(),
                CompareOp::Gt => o.is_gt(),
                _ => o.is_ge(),
            }
        }
    };
    Ok(bool_::from_bool(r))
}
crate::richcmp_slot!(str_richcompare_slot => str_richcompare);

fn str_len(o: &Obj) -> PyResult<usize> {
    Ok(len(o))
}
crate::len_slot!(str_len_slot => str_len);

fn str_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !pystr::is_str(b) {
        crate::bail!(TypeError, "can only concatenate str (not \"{}\") to str", b.ty().name());
    }
    Ok(pystr::concat(a, b))
}
crate::binary_slot!(str_concat_slot => str_concat);

fn str_repeat_impl(o: &Obj, n: isize) -> PyResult<Obj> {
    if n <= 0 || len(o) == 0 {
        return Ok(pystr::empty());
    }
    if n == 1 && pystr::is_exact_str(o) {
        return Ok(o.clone());
    }
    let total = (len(o) as u128) * (n as u128);
    if total > isize::MAX as u128 {
        crate::bail!(OverflowError, "repeated string is too long");
    }
    // A result that cannot be allocated is a MemoryError, as CPython's.
    let no_memory = || crate::errors::raise_empty(crate::types::exceptions::MemoryError());
    if total * (pystr::kind(o) as u128) > (isize::MAX as u128) - 256 {
        return Err(no_memory());
    }
    if let Some(s) = pystr::as_str(o) {
        let mut out = String::new();
        let bytes = (s.len() as u128) * (n as u128);
        if bytes > isize::MAX as u128 {
            return Err(no_memory());
        }
        out.try_reserve_exact(bytes as usize).map_err(|_| no_memory())?;
        for _ in 0..n {
            out.push_str(s);
        }
        return Ok(pystr::new(&out));
    }
    let cps = code_points(o);
    let mut v: Vec<u32> = Vec::new();
    v.try_reserve_exact(total as usize).map_err(|_| no_memory())?;
    for _ in 0..n {
        v.extend_from_slice(&cps);
    }
    Ok(from_code_points(&v))
}
crate::sq_item_slot!(str_repeat_slot => str_repeat_impl);

fn str_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let n = len(o);
    if crate::types::slice::is_slice(key) {
        let (start, _stop, step, count) = crate::types::slice::unpack_indices(key, n)?;
        if step == 1 {
            return Ok(pystr::substring(o, start as usize, start as usize + count));
        }
        let v: Vec<u32> = (0..count).map(|i| pystr::char_at(o, (start + i as isize * step) as usize)).collect();
        return Ok(from_code_points(&v));
    }
    if !crate::ops::number::has_index(key) {
        crate::bail!(TypeError, "string indices must be integers, not '{}'", key.ty().name());
    }
    // PyNumber_AsSsize_t(key, IndexError): an index too large for isize
    // is an IndexError naming the key's type.
    let i = int::number_as_ssize(key).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::OverflowError()) {
            crate::errors::clear();
            crate::raise!(IndexError, "cannot fit '{}' into an index-sized integer", key.ty().name())
        } else {
            e
        }
    })?;
    str_item(o, i)
}
crate::binary_slot!(str_subscript_slot => str_subscript);

/// sq_item: one character by index (negative counts from the end).
fn str_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let n = len(o) as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        crate::bail!(IndexError, "string index out of range");
    }
    Ok(pystr::from_char(pystr::char_at(o, i as usize)))
}
crate::sq_item_slot!(str_item_slot => str_item);

fn str_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    if !pystr::is_str(v) {
        crate::bail!(TypeError, "'in <string>' requires string as left operand, not {}", v.ty().name());
    }
    Ok(str_search::find(o, v, 0, len(o)).is_some())
}
crate::contains_slot!(str_contains_slot => str_contains);

fn str_iter(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::str_iter::new(o))
}
crate::unary_slot!(str_iter_slot => str_iter);

fn str_mod(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !pystr::is_str(a) {
        return Ok(none::not_implemented());
    }
    crate::types::str_percent::percent_format(a, b)
}
crate::binary_slot!(str_mod_slot => str_mod);

fn str_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    // The common `str(x)`: no argument parsing needed.
    if t == pystr::type_ptr() && tuple::len(args) == 1 && kwargs.map_or(true, |k| dict::len(k) == 0) {
        return crate::ops::str_of(&tuple::items(args)[0]);
    }
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = parse_args("str", &v, kn.as_ref(), &["object", "encoding", "errors"], 0, 0)?;
    let s = match (&a[0], &a[1], &a[2]) {
        (None, None, None) => pystr::empty(),
        (Some(o), None, None) => crate::ops::str_of(o)?,
        (o, enc, errors) => {
            // Argument types are checked before the object is looked at.
            let enc = str_arg("str", "encoding", enc.as_ref())?.unwrap_or_else(|| "utf-8".into());
            let errors = str_arg("str", "errors", errors.as_ref())?;
            let o = o.clone().unwrap_or_else(|| crate::types::bytes::new(b""));
            let data = match crate::types::bytes::as_slice_opt(&o) {
                Some(d) => d.to_vec(),
                None => match crate::types::bytearray_view(&o) {
                    Some(d) => d,
                    None => {
                        if pystr::is_str(&o) {
                            crate::bail!(TypeError, "decoding str is not supported");
                        }
                        crate::bail!(TypeError, "decoding to str: need a bytes-like object, {} found", o.ty().name());
                    }
                },
            };
            decode(&data, &enc, errors.as_deref())?
        }
    };
    if t == pystr::type_ptr() {
        return Ok(s);
    }
    pystr::new_subtype(t, &s)
}
crate::new_slot!(str_new_slot => str_new);

// ---------------------------------------------------------------------------
// Codecs krait handles natively.

/// `s.encode(encoding, errors)` (the codecs live in crate::codecs).
pub fn encode(s: &Obj, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    crate::codecs::encode(s, encoding, errors)
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: Option<&str>) -> PyResult<Obj> {
    crate::codecs::decode(data, encoding, errors)
}

// ---------------------------------------------------------------------------
// Methods.

/// CPython's unicode_result_unchanged: an exact str itself, else an exact
/// copy of a subclass instance's text.
fn unchanged(o: &Obj) -> Obj {
    if pystr::is_exact_str(o) {
        o.clone()
    } else {
        from_code_points(&code_points(o))
    }
}

/// PyUnicode_FromObject-style check: "must be str, not X".
fn arg_str<'a>(o: &'a Obj) -> PyResult<&'a Obj> {
    if !pystr::is_str(o) {
        crate::bail!(TypeError, "must be str, not {}", o.ty().name());
    }
    Ok(o)
}

/// Argument Clinic's bad-argument error: "f() argument 2 must be str, not int"
/// (`pos` 0 for a sole argument; None is named "None").
fn bad_arg(fname: &str, pos: usize, expected: &str, o: &Obj) -> crate::errors::PyErr {
    let got = if none::is_none(o) { "None".to_owned() } else { o.ty().name().to_string() };
    let which = if pos == 0 { String::new() } else { format!(" {}", pos) };
    crate::raise!(TypeError, "{}() argument{} must be {}, not {}", fname, which, expected, got)
}

/// A str argument checked the Argument Clinic way.
fn clinic_str<'a>(fname: &str, pos: usize, o: &'a Obj) -> PyResult<&'a Obj> {
    if !pystr::is_str(o) {
        return Err(bad_arg(fname, pos, "str", o));
    }
    Ok(o)
}

/// Argument counts of METH_VARARGS methods parsed with PyArg_ParseTuple
/// (find, count, startswith, ...).
fn varargs_check(name: &str, args: &[Obj], kw: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    if kw.is_some_and(|k| tuple::len(k) > 0) {
        crate::bail!(TypeError, "str.{}() takes no keyword arguments", name);
    }
    let n = args.len();
    if n < min {
        crate::bail!(TypeError, "{}() takes at least {} argument{} ({} given)", name, min, if min == 1 { "" } else { "s" }, n);
    }
    if n > max {
        crate::bail!(TypeError, "{}() takes at most {} argument{} ({} given)", name, max, if max == 1 { "" } else { "s" }, n);
    }
    Ok(())
}

fn m_join(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.join", args, kw, 1, 1)?;
    // PySequence_Fast: a TypeError from iter() becomes "can only join ...".
    let items = if list::is_list(&args[0]) || tuple::is_tuple(&args[0]) {
        crate::ops::seq::to_vec(&args[0])?
    } else {
        let it = crate::ops::iter(&args[0]).map_err(|e| {
            if crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                crate::raise!(TypeError, "can only join an iterable")
            } else {
                e
            }
        })?;
        crate::ops::seq::to_vec(&it)?
    };
    // A single exact str is returned as is.
    if items.len() == 1 && pystr::is_exact_str(&items[0]) {
        return Ok(items[0].clone());
    }
    let mut parts = Vec::with_capacity(items.len() * 2);
    for (i, it) in items.iter().enumerate() {
        if !pystr::is_str(it) {
            crate::bail!(TypeError, "sequence item {}: expected str instance, {} found", i, it.ty().name());
        }
        if i > 0 {
            parts.push(slf.clone());
        }
        parts.push(it.clone());
    }
    Ok(join_strs(&parts))
}

fn is_space(c: u32) -> bool {
    ucd::is_space(c)
}

fn split_impl(slf: &Obj, args: &[Obj], kw: Option<&Obj>, right: bool) -> PyResult<Obj> {
    let name = if right { "rsplit" } else { "split" };
    let a = parse_args(name, args, kw, &["sep", "maxsplit"], 0, 0)?;
    let maxsplit = match &a[1] {
        Some(m) => int::as_isize_or_overflow(&int::index(m)?)?,
        None => -1,
    };
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let n = len(slf);
    let sub = |i: usize, j: usize| pystr::substring(slf, i, j);
    let mut out: Vec<Obj> = Vec::new();
    match a[0].as_ref().filter(|s| !none::is_none(s)) {
        None => {
            // Whitespace splitting: runs of whitespace separate, ends are
            // trimmed, the unsplit rest keeps its whitespace.
            let ascii = pystr::as_str(slf).filter(|_| pystr::is_ascii(slf)).map(str::as_bytes);
            let sp = |i: usize| match ascii {
                Some(b) => matches!(b[i], 9..=13 | 28..=32),
                None => is_space(pystr::char_at(slf, i)),
            };
            if !right {
                let mut i = 0;
                while i < n {
                    while i < n && sp(i) {
                        i += 1;
                    }
                    if i == n {
                        break;
                    }
                    if out.len() == max {
                        out.push(sub(i, n));
                        break;
                    }
                    let start = i;
                    while i < n && !sp(i) {
                        i += 1;
                    }
                    out.push(sub(start, i));
                }
            } else {
                let mut i = n;
                while i > 0 {
                    while i > 0 && sp(i - 1) {
                        i -= 1;
                    }
                    if i == 0 {
                        break;
                    }
                    if out.len() == max {
                        out.push(sub(0, i));
                        break;
                    }
                    let end = i;
                    while i > 0 && !sp(i - 1) {
                        i -= 1;
                    }
                    out.push(sub(i, end));
                }
                out.reverse();
            }
        }
        Some(sep) => {
            if !pystr::is_str(sep) {
                crate::bail!(TypeError, "must be str or None, not {}", sep.ty().name());
            }
            let m = len(sep);
            if m == 0 {
                crate::bail!(ValueError, "empty separator");
            }
            if !right {
                let mut start = 0;
                for p in str_search::find_all(slf, sep, 0, n, max) {
                    out.push(sub(start, p));
                    start = p + m;
                }
                out.push(sub(start, n));
            } else {
                let mut end = n;
                for p in str_search::rfind_all(slf, sep, max) {
                    out.push(sub(p + m, end));
                    end = p;
                }
                out.push(sub(0, end));
                out.reverse();
            }
        }
    }
    Ok(list::from_vec(out))
}

fn m_split(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    split_impl(slf, args, kw, false)
}
fn m_rsplit(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    split_impl(slf, args, kw, true)
}

fn strip_impl(slf: &Obj, args: &[Obj], kw: Option<&Obj>, left: bool, right: bool, name: &str) -> PyResult<Obj> {
    check_nargs(name, args, kw, 0, 1)?;
    let n = len(slf);
    let set: Option<Vec<u32>> = match args.first().filter(|a| !none::is_none(a)) {
        Some(a) => {
            if !pystr::is_str(a) {
                crate::bail!(TypeError, "{} arg must be None or str", name);
            }
            Some(code_points(a))
        }
        None => None,
    };
    let strip = |c: u32| match &set {
        Some(s) => s.contains(&c),
        None => is_space(c),
    };
    let mut start = 0;
    let mut end = n;
    let at = |i: usize| pystr::char_at(slf, i);
    if left {
        while start < end && strip(at(start)) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(at(end - 1)) {
            end -= 1;
        }
    }
    Ok(pystr::substring(slf, start, end))
}
fn m_strip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, true, true, "strip")
}
fn m_lstrip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, true, false, "lstrip")
}
fn m_rstrip(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    strip_impl(s, a, k, false, true, "rstrip")
}

/// Start/end arguments of find/count/startswith, clamped like CPython.
fn bounds(n: usize, start: Option<&Obj>, end: Option<&Obj>) -> PyResult<(usize, usize)> {
    let conv = |o: Option<&Obj>, default: isize| -> PyResult<isize> {
        match o.filter(|x| !none::is_none(x)) {
            None => Ok(default),
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
    let mut s = conv(start, 0)?;
    let mut e = conv(end, n)?;
    if s < 0 {
        s = (s + n).max(0);
    }
    if e < 0 {
        e = (e + n).max(0);
    }
    Ok((s.min(n + 1) as usize, e.min(n) as usize))
}

fn find_impl(slf: &Obj, args: &[Obj], kw: Option<&Obj>, name: &str, rev: bool) -> PyResult<Option<usize>> {
    varargs_check(name, args, kw, 1, 3)?;
    let sub = arg_str(&args[0])?;
    let (s, e) = bounds(len(slf), args.get(1), args.get(2))?;
    if s > e || s > len(slf) {
        return Ok(None);
    }
    if rev {
        Ok(str_search::rfind(slf, sub, s, e))
    } else {
        Ok(str_search::find(slf, sub, s, e))
    }
}

fn m_find(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    Ok(int::from_i64(find_impl(s, a, k, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}
fn m_rfind(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    Ok(int::from_i64(find_impl(s, a, k, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}
fn m_index(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    match find_impl(s, a, k, "index", false)? {
        Some(i) => Ok(int::from_usize(i)),
        None => crate::bail!(ValueError, "substring not found"),
    }
}
fn m_rindex(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    match find_impl(s, a, k, "rindex", true)? {
        Some(i) => Ok(int::from_usize(i)),
        None => crate::bail!(ValueError, "substring not found"),
    }
}

fn m_count(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    varargs_check("count", args, kw, 1, 3)?;
    let sub = arg_str(&args[0])?;
    let (s, e) = bounds(len(slf), args.get(1), args.get(2))?;
    if s > e {
        return Ok(int::from_i64(0));
    }
    if len(sub) == 0 {
        return Ok(int::from_usize(e - s + 1));
    }
    Ok(int::from_usize(str_search::find_all(slf, sub, s, e, usize::MAX).len()))
}

fn affix_impl(slf: &Obj, args: &[Obj], kw: Option<&Obj>, name: &str, end: bool) -> PyResult<Obj> {
    varargs_check(name, args, kw, 1, 3)?;
    let n = len(slf);
    let (s, e) = bounds(n, args.get(1), args.get(2))?;
    let candidates: Vec<Obj> = if tuple::is_tuple(&args[0]) {
        tuple::items(&args[0]).to_vec()
    } else if pystr::is_str(&args[0]) {
        vec![args[0].clone()]
    } else {
        crate::bail!(
            TypeError,
            "{} first arg must be str or a tuple of str, not {}",
            name,
            args[0].ty().name()
        );
    };
    for c in candidates {
        if !pystr::is_str(&c) {
            crate::bail!(TypeError, "tuple for {} must only contain str, not {}", name, c.ty().name());
        }
        let m = len(&c);
        if s > n || s > e || e - s < m {
            continue;
        }
        let ok = str_search::matches_at(slf, &c, if end { e - m } else { s });
        if ok {
            return Ok(bool_::from_bool(true));
        }
    }
    Ok(bool_::from_bool(false))
}
fn m_startswith(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix_impl(s, a, k, "startswith", false)
}
fn m_endswith(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    affix_impl(s, a, k, "endswith", true)
}

fn m_replace(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.replace", args, kw, 2, 3)?;
    let old = clinic_str("replace", 1, &args[0])?;
    let new = clinic_str("replace", 2, &args[1])?;
    let count = match args.get(2) {
        Some(c) => int::as_isize_or_overflow(&int::index(c)?)?,
        None => -1,
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let n = len(slf);
    // Match positions; an empty `old` matches before every character and
    // at the end.
    let positions: Vec<usize> = if len(old) == 0 {
        (0..=n).take(max).collect()
    } else {
        str_search::find_all(slf, old, 0, n, max)
    };
    // Nothing to change (no match, or `old` replaced by itself): the string
    // itself, as CPython returns it.
    if positions.is_empty() || pystr::eq(old, new) {
        return Ok(if pystr::is_exact_str(slf) { slf.clone() } else { from_code_points(&code_points(slf)) });
    }
    let m = len(old);
    if pystr::is_ascii(slf) && pystr::is_ascii(new) {
        let (hs, ns) = (pystr::as_str(slf).unwrap(), pystr::as_str(new).unwrap());
        let (hs, ns) = (hs.as_bytes(), ns.as_bytes());
        let mut out = Vec::with_capacity(n + positions.len() * ns.len());
        let mut last = 0;
        for p in positions {
            out.extend_from_slice(&hs[last..p]);
            out.extend_from_slice(ns);
            last = p + m;
        }
        out.extend_from_slice(&hs[last..]);
        return Ok(pystr::from_ascii(&out));
    }
    let mut out: Vec<u32> = Vec::with_capacity(n + positions.len() * len(new));
    let mut last = 0;
    for p in positions {
        out.extend((last..p).map(|i| pystr::char_at(slf, i)));
        out.extend(chars(new));
        last = p + m;
    }
    out.extend((last..n).map(|i| pystr::char_at(slf, i)));
    Ok(from_code_points(&out))
}

fn m_upper(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.upper", a, k, 0, 0)?;
    Ok(str_case::upper(s))
}
fn m_lower(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.lower", a, k, 0, 0)?;
    Ok(str_case::lower(s))
}

/// A classification predicate: false for the empty string, else true when
/// every character has the property.
fn predicate(slf: &Obj, name: &str, args: &[Obj], kw: Option<&Obj>, f: impl Fn(u32) -> bool) -> PyResult<Obj> {
    check_nargs(name, args, kw, 0, 0)?;
    Ok(bool_::from_bool(len(slf) > 0 && chars(slf).all(f)))
}
fn m_isdigit(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    predicate(s, "str.isdigit", a, k, ucd::is_digit)
}
fn m_isdecimal(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    predicate(s, "str.isdecimal", a, k, ucd::is_decimal)
}
fn m_isalpha(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    predicate(s, "str.isalpha", a, k, ucd::is_alpha)
}
fn m_isalnum(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    predicate(s, "str.isalnum", a, k, ucd::is_alnum)
}
fn m_isspace(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    predicate(s, "str.isspace", a, k, ucd::is_space)
}
fn m_isidentifier(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.isidentifier", a, k, 0, 0)?;
    Ok(bool_::from_bool(is_identifier(s)))
}
fn m_isascii(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.isascii", a, k, 0, 0)?;
    Ok(bool_::from_bool(pystr::is_ascii(s)))
}

fn m_encode(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("encode", args, kw, &["encoding", "errors"], 0, 0)?;
    let enc = str_arg("encode", "encoding", a[0].as_ref())?.unwrap_or_else(|| "utf-8".into());
    let errors = str_arg("encode", "errors", a[1].as_ref())?;
    Ok(crate::types::bytes::new(&encode(slf, &enc, errors.as_deref())?))
}

fn m_format(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let kwargs = match kw {
        Some(k) if nkw > 0 => {
            let d = dict::new();
            for (i, name) in tuple::items(k).iter().enumerate() {
                dict::set_item(&d, name, &args[npos + i])?;
            }
            Some(d)
        }
        _ => None,
    };
    crate::types::str_format::format(slf, Some(&args[..npos]), kwargs.as_ref())
}

fn m_format_map(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.format_map", args, kw, 1, 1)?;
    crate::types::str_format::format(slf, None, Some(&args[0]))
}

fn m_dunder_format(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.__format__", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        crate::bail!(TypeError, "__format__() argument must be str, not {}", args[0].ty().name());
    }
    crate::types::str_format::format_str_spec(slf, &args[0])
}

fn pad(slf: &Obj, args: &[Obj], kw: Option<&Obj>, name: &str, align: char) -> PyResult<Obj> {
    check_nargs(name, args, kw, 1, 2)?;
    let width = int::as_isize_or_overflow(&int::index(&args[0])?)?;
    let fill = match args.get(1) {
        Some(f) => {
            if !pystr::is_str(f) {
                crate::bail!(TypeError, "The fill character must be a unicode character, not {}", f.ty().name());
            }
            if len(f) != 1 {
                crate::bail!(TypeError, "The fill character must be exactly one character long");
            }
            pystr::char_at(f, 0)
        }
        None => ' ' as u32,
    };
    let cps = code_points(slf);
    let n = cps.len() as isize;
    if width <= n {
        return Ok(if pystr::is_exact_str(slf) { slf.clone() } else { from_code_points(&cps) });
    }
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's center: extra goes left when the width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut v = vec![fill; left];
    v.extend_from_slice(&cps);
    v.extend(std::iter::repeat(fill).take(right));
    Ok(from_code_points(&v))
}
fn m_ljust(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pad(s, a, k, "ljust", '<')
}
fn m_rjust(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pad(s, a, k, "rjust", '>')
}
fn m_center(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    pad(s, a, k, "center", '^')
}

fn m_zfill(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.zfill", args, kw, 1, 1)?;
    let width = int::as_isize_or_overflow(&int::index(&args[0])?)?;
    if width <= len(slf) as isize {
        return Ok(unchanged(slf));
    }
    let cps = code_points(slf);
    let fill = width as usize - cps.len();
    let mut v = Vec::with_capacity(width as usize);
    let (sign, rest) = match cps.first() {
        Some(&c) if c == '+' as u32 || c == '-' as u32 => (Some(c), &cps[1..]),
        _ => (None, &cps[..]),
    };
    if let Some(s) = sign {
        v.push(s);
    }
    v.extend(std::iter::repeat('0' as u32).take(fill));
    v.extend_from_slice(rest);
    Ok(from_code_points(&v))
}

fn m_splitlines(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("splitlines", args, kw, &["keepends"], 0, 0)?;
    // keepends is an int-accepting bool (_PyLong_AsInt).
    let keep = match &a[0] {
        Some(k) => int::as_c_int(&int::index(k)?)? != 0,
        None => false,
    };
    let cps = code_points(slf);
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < cps.len() {
        let c = cps[i];
        let brk = ucd::is_linebreak(c);
        if brk {
            let mut end = i + 1;
            if c == 0x0d && i + 1 < cps.len() && cps[i + 1] == 0x0a {
                end += 1;
            }
            out.push(pystr::substring(slf, start, if keep { end } else { i }));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < cps.len() {
        out.push(pystr::substring(slf, start, cps.len()));
    }
    Ok(list::from_vec(out))
}

fn partition_impl(slf: &Obj, args: &[Obj], kw: Option<&Obj>, right: bool) -> PyResult<Obj> {
    let name = if right { "rpartition" } else { "partition" };
    check_nargs(name, args, kw, 1, 1)?;
    let sep = arg_str(&args[0])?;
    let m = len(sep);
    if m == 0 {
        crate::bail!(ValueError, "empty separator");
    }
    let n = len(slf);
    let found = if right { str_search::rfind(slf, sep, 0, n) } else { str_search::find(slf, sep, 0, n) };
    let whole = || if pystr::is_exact_str(slf) { slf.clone() } else { pystr::substring(slf, 0, n) };
    Ok(match found {
        Some(i) => tuple::new(&[pystr::substring(slf, 0, i), sep.clone(), pystr::substring(slf, i + m, n)]),
        None => {
            if right {
                tuple::new(&[pystr::empty(), pystr::empty(), whole()])
            } else {
                tuple::new(&[whole(), pystr::empty(), pystr::empty()])
            }
        }
    })
}
fn m_partition(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    partition_impl(s, a, k, false)
}
fn m_rpartition(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    partition_impl(s, a, k, true)
}

fn m_sizeof(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.__sizeof__", a, k, 0, 0)?;
    Ok(int::from_usize(pystr::sizeof(slf)))
}

fn m_getnewargs(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.__getnewargs__", a, k, 0, 0)?;
    Ok(tuple::new(&[from_code_points(&code_points(slf))]))
}

fn m_maketrans(_slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.maketrans", args, kw, 1, 3)?;
    let d = dict::new();
    if args.len() == 1 {
        if !dict::is_dict(&args[0]) {
            crate::bail!(TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        for (k, v) in dict::items_vec(&args[0]) {
            let key = if pystr::is_str(&k) {
                if len(&k) != 1 {
                    crate::bail!(ValueError, "string keys in translate table must be of length 1");
                }
                int::from_i64(pystr::char_at(&k, 0) as i64)
            } else if int::is_int(&k) {
                k
            } else {
                crate::bail!(TypeError, "keys in translate table must be strings or integers");
            };
            dict::set_item(&d, &key, &v)?;
        }
        return Ok(d);
    }
    if !pystr::is_str(&args[0]) {
        crate::bail!(TypeError, "first maketrans argument must be a string if there is a second argument");
    }
    let x = code_points(&args[0]);
    let y = code_points(clinic_str("maketrans", 2, &args[1])?);
    if x.len() != y.len() {
        crate::bail!(ValueError, "the first two maketrans arguments must have equal length");
    }
    for (a, b) in x.iter().zip(y.iter()) {
        dict::set_item(&d, &int::from_i64(*a as i64), &int::from_i64(*b as i64))?;
    }
    if let Some(z) = args.get(2) {
        for c in code_points(clinic_str("maketrans", 3, z)?) {
            dict::set_item(&d, &int::from_i64(c as i64), &none::none())?;
        }
    }
    Ok(d)
}

fn m_translate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.translate", args, kw, 1, 1)?;
    let table = &args[0];
    let mut out = Vec::new();
    for c in chars(slf) {
        match crate::ops::seq::getitem(table, &int::from_i64(c as i64)) {
            Ok(v) => {
                if none::is_none(&v) {
                    continue;
                }
                if pystr::is_str(&v) {
                    out.extend(chars(&v));
                } else if int::is_int(&v) {
                    let i = int::as_i64(&v).unwrap_or(-1);
                    if !(0..=0x10ffff).contains(&i) {
                        crate::bail!(ValueError, "character mapping must be in range(0x110000)");
                    }
                    out.push(i as u32);
                } else {
                    crate::bail!(TypeError, "character mapping must return integer, None or str");
                }
            }
            Err(e) => {
                if crate::errors::matches(crate::types::exceptions::LookupError()) {
                    crate::errors::clear();
                    out.push(c);
                } else {
                    return Err(e);
                }
            }
        }
    }
    Ok(from_code_points(&out))
}

fn m_title(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.title", a, k, 0, 0)?;
    Ok(str_case::title(slf))
}
fn m_capitalize(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.capitalize", a, k, 0, 0)?;
    Ok(str_case::capitalize(slf))
}
fn m_swapcase(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.swapcase", a, k, 0, 0)?;
    Ok(str_case::swapcase(slf))
}
fn m_isupper(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.isupper", a, k, 0, 0)?;
    Ok(bool_::from_bool(str_case::is_upper(s)))
}
fn m_islower(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.islower", a, k, 0, 0)?;
    Ok(bool_::from_bool(str_case::is_lower(s)))
}

fn m_removeprefix(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.removeprefix", a, k, 1, 1)?;
    let p = clinic_str("removeprefix", 0, &a[0])?;
    let (n, m) = (len(slf), len(p));
    Ok(if m > 0 && str_search::matches_at(slf, p, 0) { pystr::substring(slf, m, n) } else { unchanged(slf) })
}
fn m_removesuffix(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.removesuffix", a, k, 1, 1)?;
    let p = clinic_str("removesuffix", 0, &a[0])?;
    let (n, m) = (len(slf), len(p));
    Ok(if m > 0 && m <= n && str_search::matches_at(slf, p, n - m) { pystr::substring(slf, 0, n - m) } else { unchanged(slf) })
}


fn m_casefold(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.casefold", a, k, 0, 0)?;
    Ok(str_case::casefold(s))
}
fn m_isnumeric(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    predicate(s, "str.isnumeric", a, k, ucd::is_numeric)
}
fn m_isprintable(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.isprintable", a, k, 0, 0)?;
    Ok(bool_::from_bool(chars(s).all(ucd::is_printable)))
}
fn m_istitle(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("str.istitle", a, k, 0, 0)?;
    Ok(bool_::from_bool(str_case::is_title(s)))
}
fn m_expandtabs(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("expandtabs", args, kw, &["tabsize"], 0, 0)?;
    let size = match &a[0] {
        // tabsize is a C int.
        Some(t) => int::as_c_int(&int::index(t)?)? as isize,
        None => 8,
    };
    if !chars(slf).any(|c| c == '\t' as u32) {
        return Ok(unchanged(slf));
    }
    let mut out = Vec::new();
    let mut col: isize = 0;
    for c in chars(slf) {
        if c == '\t' as u32 {
            if size > 0 {
                let n = size - (col % size);
                out.extend(std::iter::repeat(' ' as u32).take(n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col = if c == '\n' as u32 || c == '\r' as u32 { 0 } else { col + 1 };
        }
    }
    Ok(from_code_points(&out))
}

static mut AS_SEQUENCE: crate::object::PySequenceMethods = crate::object::PySequenceMethods::EMPTY;
static mut AS_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;
static mut AS_NUMBER: crate::object::PyNumberMethods = crate::object::PyNumberMethods::EMPTY;

pub fn init_types() {
    unsafe {
        let t = pystr::type_ptr();
        crate::types::type_::init_static(t, "str", 80, 0);
        (*t).tp_flags |= tpflags::BASETYPE | tpflags::UNICODE_SUBCLASS | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(pystr::dealloc);
        (*t).tp_repr = Some(str_repr_slot);
        (*t).tp_str = Some(str_str_slot);
        (*t).tp_hash = Some(str_hash_slot);
        (*t).tp_richcompare = Some(str_richcompare_slot);
        (*t).tp_iter = Some(str_iter_slot);
        (*t).tp_new = Some(str_new_slot);
        (*(&raw mut AS_SEQUENCE)).sq_length = Some(str_len_slot);
        (*(&raw mut AS_SEQUENCE)).sq_concat = Some(str_concat_slot);
        (*(&raw mut AS_SEQUENCE)).sq_repeat = Some(str_repeat_slot);
        (*(&raw mut AS_SEQUENCE)).sq_contains = Some(str_contains_slot);
        (*(&raw mut AS_SEQUENCE)).sq_item = Some(str_item_slot);
        (*(&raw mut AS_MAPPING)).mp_subscript = Some(str_subscript_slot);
        (*(&raw mut AS_MAPPING)).mp_length = Some(str_len_slot);
        (*(&raw mut AS_NUMBER)).nb_remainder = Some(str_mod_slot);
        (*t).tp_as_sequence = &raw mut AS_SEQUENCE;
        (*t).tp_as_mapping = &raw mut AS_MAPPING;
        (*t).tp_as_number = &raw mut AS_NUMBER;
        (*t).tp_methods = method_table(&[
            method("join", m_join),
            method("split", m_split),
            method("rsplit", m_rsplit),
            method("strip", m_strip),
            method("lstrip", m_lstrip),
            method("rstrip", m_rstrip),
            method("find", m_find),
            method("rfind", m_rfind),
            method("index", m_index),
            method("rindex", m_rindex),
            method("count", m_count),
            method("startswith", m_startswith),
            method("endswith", m_endswith),
            method("replace", m_replace),
            method("upper", m_upper),
            method("lower", m_lower),
            method("title", m_title),
            method("capitalize", m_capitalize),
            method("swapcase", m_swapcase),
            method("isdigit", m_isdigit),
            method("isdecimal", m_isdecimal),
            method("isalpha", m_isalpha),
            method("isalnum", m_isalnum),
            method("isspace", m_isspace),
            method("isupper", m_isupper),
            method("islower", m_islower),
            method("isidentifier", m_isidentifier),
            method("isascii", m_isascii),
            method("casefold", m_casefold),
            method("isnumeric", m_isnumeric),
            method("isprintable", m_isprintable),
            method("istitle", m_istitle),
            method("expandtabs", m_expandtabs),
            method("encode", m_encode),
            method("format", m_format),
            method("format_map", m_format_map),
            method("__format__", m_dunder_format),
            method("ljust", m_ljust),
            method("rjust", m_rjust),
            method("center", m_center),
            method("zfill", m_zfill),
            method("splitlines", m_splitlines),
            method("partition", m_partition),
            method("rpartition", m_rpartition),
            method("removeprefix", m_removeprefix),
            method("removesuffix", m_removesuffix),
            method("translate", m_translate),
            staticmethod("maketrans", m_maketrans),
            method("__getnewargs__", m_getnewargs),
            method("__sizeof__", m_sizeof),
        ]);
    }
}

/// An optional str argument as Rust text, with CPython's type error.
pub fn str_arg(fname: &str, pname: &str, o: Option<&Obj>) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        // As CPython's "s" converter: the text must encode to UTF-8
        // (UnicodeEncodeError for a lone surrogate) without a NUL.
        Some(v) if pystr::is_str(v) => {
            let text = match pystr::as_str(v) {
                Some(t) => t.to_owned(),
                None => String::from_utf8(crate::codecs::encode(v, "utf-8", None)?).expect("the UTF-8 codec's output"),
            };
            if text.contains('\0') {
                crate::bail!(ValueError, "embedded null character");
            }
            Ok(Some(text))
        }
        Some(v) => crate::bail!(TypeError, "{}() argument '{}' must be str, not {}", fname, pname, v.ty().name()),
    }
}
