//! The `_json` module, the accelerator Lib/json uses when it exists:
//! `scanstring`, `encode_basestring(_ascii)`, the `make_scanner` type (a
//! whole-document decoder over the str's code points, with CPython's error
//! messages and positions, raised as json.decoder.JSONDecodeError) and the
//! `make_encoder` type (one-shot encoding without indentation, returning the
//! text as a one-item list of chunks, as 3.11's).

use crate::native::{self, State};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::str::View;
use krait_runtime::types::{bool_, dict, float, int, list, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, PyResult};

/// Read access to a str's code points whatever its storage kind.
struct Src<'a> {
    view: View<'a>,
    len: usize,
}

impl<'a> Src<'a> {
    fn new(o: &'a Obj) -> Src<'a> {
        Src { view: pystr::view(o), len: pystr::len(o) }
    }

    #[inline]
    fn at(&self, i: usize) -> u32 {
        match &self.view {
            View::U8(v) => v[i] as u32,
            View::U16(v) => v[i] as u32,
            View::U32(v) => v[i],
        }
    }

    /// The code point at `i`, or None past the end (signed: CPython's
    /// index arithmetic can step below zero only before a bounds check).
    #[inline]
    fn get(&self, i: usize) -> Option<u32> {
        if i < self.len {
            Some(self.at(i))
        } else {
            None
        }
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while let Some(c) = self.get(i) {
            if c == b' ' as u32 || c == b'\t' as u32 || c == b'\n' as u32 || c == b'\r' as u32 {
                i += 1;
            } else {
                break;
            }
        }
        i
    }
}

/// Raises json.decoder.JSONDecodeError(msg, doc, pos).
fn decode_error(msg: &str, doc: &Obj, pos: usize) -> krait_runtime::errors::PyErr {
    let r = (|| -> PyResult<Obj> {
        let m = krait_runtime::import::import_module_level(
            &pystr::new("json.decoder"),
            None,
            Some(&tuple::new(&[pystr::new("JSONDecodeError")])),
            0,
        )?;
        let cls = ops::attr::getattr_str(&m, "JSONDecodeError")?;
        ops::call::call(&cls, &[pystr::new(msg), doc.clone(), int::from_usize(pos)], None)
    })();
    match r {
        Ok(e) => krait_runtime::errors::raise_value(e),
        Err(e) => e,
    }
}

fn stop_iteration(idx: usize) -> krait_runtime::errors::PyErr {
    krait_runtime::errors::raise_with(krait_runtime::types::exceptions::StopIteration(), &[int::from_usize(idx)])
}

fn hex_digit(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

/// Decodes the JSON string whose opening quote is at `end - 1`; returns it
/// and the index after the closing quote.
fn scan_string(doc: &Obj, src: &Src, end: usize, strict: bool) -> PyResult<(Obj, usize)> {
    let len = src.len;
    if end > len {
        bail!(ValueError, "end is out of bounds");
    }
    let begin = end.wrapping_sub(1);
    let mut end = end;
    let mut out: Option<Vec<u32>> = None;
    loop {
        // Find the end of the string or the next escape.
        let mut next = end;
        let mut c = 0u32;
        while next < len {
            c = src.at(next);
            if c == b'"' as u32 || c == b'\\' as u32 {
                break;
            }
            if c <= 0x1f && strict {
                return Err(decode_error("Invalid control character at", doc, next));
            }
            next += 1;
        }
        if next < len && c == b'"' as u32 && out.is_none() {
            return Ok((pystr::substring(doc, end, next), next + 1));
        }
        if next >= len || (c != b'"' as u32 && c != b'\\' as u32) {
            return Err(decode_error("Unterminated string starting at", doc, begin));
        }
        let buf = out.get_or_insert_with(Vec::new);
        buf.extend((end..next).map(|i| src.at(i)));
        next += 1;
        if c == b'"' as u32 {
            end = next;
            break;
        }
        if next == len {
            return Err(decode_error("Unterminated string starting at", doc, begin));
        }
        let e = src.at(next);
        let ch;
        if e != b'u' as u32 {
            end = next + 1;
            ch = match char::from_u32(e) {
                Some('"') => '"' as u32,
                Some('\\') => '\\' as u32,
                Some('/') => '/' as u32,
                Some('b') => 8,
                Some('f') => 12,
                Some('n') => 10,
                Some('r') => 13,
                Some('t') => 9,
                _ => return Err(decode_error("Invalid \\escape", doc, end - 2)),
            };
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(decode_error("Invalid \\uXXXX escape", doc, next - 1));
            }
            let mut v = 0u32;
            for i in next..end {
                match hex_digit(src.at(i)) {
                    Some(d) => v = (v << 4) | d,
                    None => return Err(decode_error("Invalid \\uXXXX escape", doc, end - 5)),
                }
            }
            next = end;
            // A high surrogate followed by an escaped low one joins with it.
            if (0xd800..0xdc00).contains(&v) && end + 6 < len && src.at(next) == b'\\' as u32 && src.at(next + 1) == b'u' as u32 {
                next += 2;
                let end2 = end + 6;
                let mut v2 = 0u32;
                for i in next..end2 {
                    match hex_digit(src.at(i)) {
                        Some(d) => v2 = (v2 << 4) | d,
                        None => return Err(decode_error("Invalid \\uXXXX escape", doc, end2 - 5)),
                    }
                }
                if (0xdc00..0xe000).contains(&v2) {
                    v = 0x10000 + (((v - 0xd800) << 10) | (v2 - 0xdc00));
                    end = end2;
                }
            }
            ch = v;
        }
        buf.push(ch);
    }
    Ok((pystr::from_code_points(&out.unwrap_or_default()), end))
}

fn f_scanstring(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("scanstring", kw)?;
    if args.len() < 2 || args.len() > 3 {
        let (how, n) = if args.len() < 2 { ("at least", 2) } else { ("at most", 3) };
        bail!(TypeError, "scanstring() takes {} {} arguments ({} given)", how, n, args.len());
    }
    let end = int::index_isize(&args[1])?;
    let strict = match args.get(2) {
        Some(s) => ops::truthy(s)?,
        None => true,
    };
    let s = &args[0];
    if !pystr::is_str(s) {
        bail!(TypeError, "first argument must be a string, not {}", s.ty().name());
    }
    if end < 0 {
        bail!(ValueError, "end is out of bounds");
    }
    let (v, next) = scan_string(s, &Src::new(s), end as usize, strict)?;
    Ok(tuple::from_vec(vec![v, int::from_usize(next)]))
}

// ---------------------------------------------------------------------------
// String escaping

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u_escape(out: &mut Vec<u32>, c: u32) {
    out.extend_from_slice(&['\\' as u32, 'u' as u32]);
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((c >> shift) & 0xf) as usize] as u32);
    }
}

/// The short escapes both encoders share.
fn short_escape(c: u32) -> Option<u32> {
    Some(match c {
        0x5c => '\\' as u32,
        0x22 => '"' as u32,
        8 => 'b' as u32,
        12 => 'f' as u32,
        10 => 'n' as u32,
        13 => 'r' as u32,
        9 => 't' as u32,
        _ => return None,
    })
}

fn escape(s: &Obj, ascii_only: bool) -> Obj {
    let src = Src::new(s);
    let mut out: Vec<u32> = Vec::with_capacity(src.len + 2);
    out.push('"' as u32);
    for i in 0..src.len {
        let c = src.at(i);
        if let Some(e) = short_escape(c) {
            out.push('\\' as u32);
            out.push(e);
        } else if c <= 0x1f || (ascii_only && c > 0x7e) {
            if c >= 0x10000 {
                let v = c - 0x10000;
                push_u_escape(&mut out, 0xd800 | (v >> 10));
                push_u_escape(&mut out, 0xdc00 | (v & 0x3ff));
            } else {
                push_u_escape(&mut out, c);
            }
        } else {
            out.push(c);
        }
    }
    out.push('"' as u32);
    pystr::from_code_points(&out)
}

fn str_arg(o: &Obj) -> PyResult<()> {
    if !pystr::is_str(o) {
        bail!(TypeError, "first argument must be a string, not {}", o.ty().name());
    }
    Ok(())
}

fn f_encode_basestring_ascii(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("encode_basestring_ascii", args, kw, 1, 1)?;
    str_arg(&args[0])?;
    Ok(escape(&args[0], true))
}

fn f_encode_basestring(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("encode_basestring", args, kw, 1, 1)?;
    str_arg(&args[0])?;
    Ok(escape(&args[0], false))
}

// ---------------------------------------------------------------------------
// Scanner

static mut SCANNER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

struct Scanner {
    strict: bool,
    object_hook: Obj,
    object_pairs_hook: Obj,
    parse_float: Obj,
    parse_int: Obj,
    parse_constant: Obj,
}

impl State for Scanner {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.object_hook);
        native::push(out, &self.object_pairs_hook);
        native::push(out, &self.parse_float);
        native::push(out, &self.parse_int);
        native::push(out, &self.parse_constant);
    }
}

/// A scanner's settings cloned out for one call, plus the key memo.
struct Scan<'a> {
    doc: &'a Obj,
    src: Src<'a>,
    strict: bool,
    object_hook: Obj,
    object_pairs_hook: Obj,
    parse_float: Obj,
    parse_int: Obj,
    parse_constant: Obj,
    memo: Obj,
}

impl Scan<'_> {
    fn object(&self, mut idx: usize) -> PyResult<(Obj, usize)> {
        let src = &self.src;
        let pairs = !none::is_none(&self.object_pairs_hook);
        let mut items: Vec<Obj> = Vec::new();
        let d = dict::new();
        idx = src.skip_ws(idx);
        if src.get(idx) != Some('}' as u32) {
            loop {
                if src.get(idx) != Some('"' as u32) {
                    return Err(decode_error("Expecting property name enclosed in double quotes", self.doc, idx));
                }
                let (key, next) = scan_string(self.doc, src, idx + 1, self.strict)?;
                let key = match dict::get_item(&self.memo, &key)? {
                    Some(k) => k,
                    None => {
                        dict::set_item(&self.memo, &key, &key)?;
                        key
                    }
                };
                idx = src.skip_ws(next);
                if src.get(idx) != Some(':' as u32) {
                    return Err(decode_error("Expecting ':' delimiter", self.doc, idx));
                }
                idx = src.skip_ws(idx + 1);
                let (val, next) = self.once(idx)?;
                if pairs {
                    items.push(tuple::from_vec(vec![key, val]));
                } else {
                    dict::set_item(&d, &key, &val)?;
                }
                idx = src.skip_ws(next);
                if src.get(idx) == Some('}' as u32) {
                    break;
                }
                if src.get(idx) != Some(',' as u32) {
                    return Err(decode_error("Expecting ',' delimiter", self.doc, idx));
                }
                idx = src.skip_ws(idx + 1);
            }
        }
        let next = idx + 1;
        if pairs {
            return Ok((ops::call::call(&self.object_pairs_hook, &[list::from_vec(items)], None)?, next));
        }
        if !none::is_none(&self.object_hook) {
            return Ok((ops::call::call(&self.object_hook, &[d], None)?, next));
        }
        Ok((d, next))
    }

    fn array(&self, mut idx: usize) -> PyResult<(Obj, usize)> {
        let src = &self.src;
        let mut items: Vec<Obj> = Vec::new();
        idx = src.skip_ws(idx);
        if src.get(idx) != Some(']' as u32) {
            loop {
                let (val, next) = self.once(idx)?;
                items.push(val);
                idx = src.skip_ws(next);
                if src.get(idx) == Some(']' as u32) {
                    break;
                }
                if src.get(idx) != Some(',' as u32) {
                    return Err(decode_error("Expecting ',' delimiter", self.doc, idx));
                }
                idx = src.skip_ws(idx + 1);
            }
        }
        Ok((list::from_vec(items), idx + 1))
    }

    fn constant(&self, name: &str, idx: usize) -> PyResult<(Obj, usize)> {
        let v = ops::call::call(&self.parse_constant, &[pystr::new(name)], None)?;
        Ok((v, idx + name.len()))
    }

    fn matches(&self, idx: usize, word: &str) -> bool {
        idx + word.len() <= self.src.len && word.bytes().enumerate().all(|(k, b)| self.src.at(idx + k) == b as u32)
    }

    fn number(&self, start: usize) -> PyResult<(Obj, usize)> {
        let src = &self.src;
        let digit = |i: usize| matches!(src.get(i), Some(c) if (b'0' as u32..=b'9' as u32).contains(&c));
        let mut idx = start;
        if src.get(idx) == Some('-' as u32) {
            idx += 1;
            if idx >= src.len {
                return Err(stop_iteration(start));
            }
        }
        match src.get(idx) {
            Some(c) if (b'1' as u32..=b'9' as u32).contains(&c) => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            Some(c) if c == b'0' as u32 => idx += 1,
            _ => return Err(stop_iteration(start)),
        }
        let mut is_float = false;
        if idx + 1 < src.len && src.at(idx) == '.' as u32 && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < src.len && (src.at(idx) == 'e' as u32 || src.at(idx) == 'E' as u32) {
            let e_start = idx;
            idx += 1;
            if idx + 1 < src.len && (src.at(idx) == '-' as u32 || src.at(idx) == '+' as u32) {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text = pystr::substring(self.doc, start, idx);
        let f = if is_float { &self.parse_float } else { &self.parse_int };
        Ok((ops::call::call(f, &[text], None)?, idx))
    }

    fn once(&self, idx: usize) -> PyResult<(Obj, usize)> {
        let src = &self.src;
        if idx >= src.len {
            return Err(stop_iteration(idx));
        }
        match char::from_u32(src.at(idx)) {
            Some('"') => return scan_string(self.doc, src, idx + 1, self.strict),
            Some('{') => {
                ops::enter_recursive_call(" while decoding a JSON object from a unicode string")?;
                let r = self.object(idx + 1);
                ops::leave_recursive_call();
                return r;
            }
            Some('[') => {
                ops::enter_recursive_call(" while decoding a JSON array from a unicode string")?;
                let r = self.array(idx + 1);
                ops::leave_recursive_call();
                return r;
            }
            Some('n') if self.matches(idx, "null") => return Ok((none::none(), idx + 4)),
            Some('t') if self.matches(idx, "true") => return Ok((bool_::from_bool(true), idx + 4)),
            Some('f') if self.matches(idx, "false") => return Ok((bool_::from_bool(false), idx + 5)),
            Some('N') if self.matches(idx, "NaN") => return self.constant("NaN", idx),
            Some('I') if self.matches(idx, "Infinity") => return self.constant("Infinity", idx),
            Some('-') if self.matches(idx, "-Infinity") => return self.constant("-Infinity", idx),
            _ => {}
        }
        self.number(idx)
    }
}

fn scanner_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::itertools::parse_pub("make_scanner", args, kw, &["context"], 1)?;
    let ctx = a[0].clone().unwrap();
    let strict = ops::truthy(&ops::attr::getattr_str(&ctx, "strict")?)?;
    let get = |n: &str| ops::attr::getattr_str(&ctx, n);
    let s = Scanner {
        strict,
        object_hook: get("object_hook")?,
        object_pairs_hook: get("object_pairs_hook")?,
        parse_float: get("parse_float")?,
        parse_int: get("parse_int")?,
        parse_constant: get("parse_constant")?,
    };
    native::alloc(t, s)
}
krait_runtime::new_slot!(scanner_new_slot => scanner_new);

fn scanner(o: &Obj) -> PyResult<&mut Scanner> {
    match native::state::<Scanner>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "scanner was cleared"),
    }
}

fn scanner_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::itertools::parse_pub("scan_once", args, kw, &["string", "idx"], 2)?;
    let doc = a[0].clone().unwrap();
    let idx = int::index_isize(a[1].as_ref().unwrap())?;
    if !pystr::is_str(&doc) {
        bail!(TypeError, "first argument must be a string, not {}", doc.ty().name());
    }
    let s = scanner(slf)?;
    let scan = Scan {
        doc: &doc,
        src: Src::new(&doc),
        strict: s.strict,
        object_hook: s.object_hook.clone(),
        object_pairs_hook: s.object_pairs_hook.clone(),
        parse_float: s.parse_float.clone(),
        parse_int: s.parse_int.clone(),
        parse_constant: s.parse_constant.clone(),
        memo: dict::new(),
    };
    if idx < 0 {
        bail!(ValueError, "idx cannot be negative");
    }
    let (v, next) = scan.once(idx as usize)?;
    Ok(tuple::from_vec(vec![v, int::from_usize(next)]))
}
krait_runtime::call_slot!(scanner_call_slot => scanner_call);

fn sc_strict(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(scanner(o)?.strict))
}
fn sc_object_hook(o: &Obj) -> PyResult<Obj> {
    Ok(scanner(o)?.object_hook.clone())
}
fn sc_object_pairs_hook(o: &Obj) -> PyResult<Obj> {
    Ok(scanner(o)?.object_pairs_hook.clone())
}
fn sc_parse_float(o: &Obj) -> PyResult<Obj> {
    Ok(scanner(o)?.parse_float.clone())
}
fn sc_parse_int(o: &Obj) -> PyResult<Obj> {
    Ok(scanner(o)?.parse_int.clone())
}
fn sc_parse_constant(o: &Obj) -> PyResult<Obj> {
    Ok(scanner(o)?.parse_constant.clone())
}

// ---------------------------------------------------------------------------
// Encoder

static mut ENCODER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

struct Encoder {
    markers: Obj,
    default: Obj,
    encoder: Obj,
    indent: Obj,
    key_separator: Obj,
    item_separator: Obj,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

impl State for Encoder {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.markers);
        native::push(out, &self.default);
        native::push(out, &self.encoder);
        native::push(out, &self.indent);
        native::push(out, &self.key_separator);
        native::push(out, &self.item_separator);
    }
}

fn encoder(o: &Obj) -> PyResult<&mut Encoder> {
    match native::state::<Encoder>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "encoder was cleared"),
    }
}

fn encoder_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let names = ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];
    let a = crate::itertools::parse_pub("make_encoder", args, kw, &names, 9)?;
    let a: Vec<Obj> = a.into_iter().map(|o| o.unwrap()).collect();
    for (i, n) in [(4, 5), (5, 6)] {
        if !pystr::is_str(&a[i]) {
            bail!(TypeError, "make_encoder() argument {} must be str, not {}", n, a[i].ty().name());
        }
    }
    let sort_keys = ops::truthy(&a[6])?;
    let skipkeys = ops::truthy(&a[7])?;
    let allow_nan = ops::truthy(&a[8])?;
    if !none::is_none(&a[0]) && !dict::is_dict(&a[0]) {
        bail!(TypeError, "make_encoder() argument 1 must be dict or None, not {}", a[0].ty().name());
    }
    native::alloc(
        t,
        Encoder {
            markers: a[0].clone(),
            default: a[1].clone(),
            encoder: a[2].clone(),
            indent: a[3].clone(),
            key_separator: a[4].clone(),
            item_separator: a[5].clone(),
            sort_keys,
            skipkeys,
            allow_nan,
        },
    )
}
krait_runtime::new_slot!(encoder_new_slot => encoder_new);

/// One encoding pass: the settings cloned out of the encoder and the text
/// being built.
struct Enc {
    markers: Option<Obj>,
    default: Obj,
    encoder: Obj,
    key_separator: Obj,
    item_separator: Obj,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// Code points, so lone surrogates survive (ensure_ascii=False).
    out: Vec<u32>,
}

impl Enc {
    fn push_str_obj(&mut self, s: &Obj) {
        self.out.extend(pystr::chars(s));
    }

    fn push_ascii(&mut self, s: &str) {
        self.out.extend(s.bytes().map(u32::from));
    }

    fn encode_string(&mut self, s: &Obj) -> PyResult<()> {
        let e = ops::call::call(&self.encoder, &[s.clone()], None)?;
        if !pystr::is_str(&e) {
            bail!(TypeError, "encoder() must return a string, not {}", e.ty().name());
        }
        self.push_str_obj(&e);
        Ok(())
    }

    fn float_text(&self, o: &Obj) -> PyResult<String> {
        let v = float::value(o);
        if !v.is_finite() {
            if !self.allow_nan {
                bail!(ValueError, "Out of range float values are not JSON compliant");
            }
            return Ok(if v > 0.0 { "Infinity" } else if v < 0.0 { "-Infinity" } else { "NaN" }.to_string());
        }
        Ok(pystr::to_string_lossy(&float::repr(o)?))
    }

    /// Marks a container as being encoded (circular-reference check);
    /// returns the marker key to remove afterwards.
    fn enter(&mut self, o: &Obj) -> PyResult<Option<Obj>> {
        let Some(m) = &self.markers else { return Ok(None) };
        let ident = int::from_usize(o.as_ptr() as usize);
        if dict::get_item(m, &ident)?.is_some() {
            bail!(ValueError, "Circular reference detected");
        }
        dict::set_item(m, &ident, o)?;
        Ok(Some(ident))
    }

    fn leave(&mut self, ident: Option<Obj>) -> PyResult<()> {
        if let (Some(m), Some(i)) = (&self.markers, ident) {
            dict::del_item(m, &i)?;
        }
        Ok(())
    }

    fn obj(&mut self, o: &Obj) -> PyResult<()> {
        if none::is_none(o) {
            self.push_ascii("null");
        } else if o.is(&bool_::from_bool(true)) {
            self.push_ascii("true");
        } else if o.is(&bool_::from_bool(false)) {
            self.push_ascii("false");
        } else if pystr::is_str(o) {
            self.encode_string(o)?;
        } else if int::is_int(o) {
            let t = int::repr_string(o)?;
            self.push_ascii(&t);
        } else if float::is_float(o) {
            let t = self.float_text(o)?;
            self.push_ascii(&t);
        } else if list::is_list(o) || tuple::is_tuple(o) {
            ops::enter_recursive_call(" while encoding a JSON object")?;
            let r = self.list(o);
            ops::leave_recursive_call();
            r?;
        } else if dict::is_dict(o) {
            ops::enter_recursive_call(" while encoding a JSON object")?;
            let r = self.dict(o);
            ops::leave_recursive_call();
            r?;
        } else {
            let ident = self.enter(o)?;
            let new = ops::call::call(&self.default, &[o.clone()], None)?;
            ops::enter_recursive_call(" while encoding a JSON object")?;
            let r = self.obj(&new);
            ops::leave_recursive_call();
            r?;
            self.leave(ident)?;
        }
        Ok(())
    }

    fn list(&mut self, o: &Obj) -> PyResult<()> {
        // A list is read live: `default` may shrink it while it is encoded.
        let size = |o: &Obj| if list::is_list(o) { list::len(o) } else { tuple::len(o) };
        if size(o) == 0 {
            self.push_ascii("[]");
            return Ok(());
        }
        let ident = self.enter(o)?;
        self.push_ascii("[");
        let mut i = 0;
        while i < size(o) {
            let x = if list::is_list(o) { list::get(o, i) } else { tuple::items(o)[i].clone() };
            let x = &x;
            i += 1;
            if i > 1 {
                let sep = self.item_separator.clone();
                self.push_str_obj(&sep);
            }
            self.obj(x)?;
        }
        self.leave(ident)?;
        self.push_ascii("]");
        Ok(())
    }

    fn key_value(&mut self, first: &mut bool, key: &Obj, value: &Obj) -> PyResult<()> {
        let keystr = if pystr::is_str(key) {
            key.clone()
        } else if float::is_float(key) {
            pystr::new(&self.float_text(key)?)
        } else if none::is_none(key) {
            pystr::new("null")
        } else if key.is(&bool_::from_bool(true)) {
            pystr::new("true")
        } else if key.is(&bool_::from_bool(false)) {
            pystr::new("false")
        } else if int::is_int(key) {
            pystr::new(&int::repr_string(key)?)
        } else if self.skipkeys {
            return Ok(());
        } else {
            bail!(TypeError, "keys must be str, int, float, bool or None, not {}", key.ty().name());
        };
        if *first {
            *first = false;
        } else {
            let sep = self.item_separator.clone();
            self.push_str_obj(&sep);
        }
        self.encode_string(&keystr)?;
        let sep = self.key_separator.clone();
        self.push_str_obj(&sep);
        self.obj(value)
    }

    fn dict(&mut self, o: &Obj) -> PyResult<()> {
        if dict::len(o) == 0 {
            self.push_ascii("{}");
            return Ok(());
        }
        let ident = self.enter(o)?;
        self.push_ascii("{");
        let mut first = true;
        if self.sort_keys || !dict::is_exact_dict(o) {
            let items = ops::attr::call_method(o, "items", &[])?;
            let items = list::from_vec(ops::seq::to_vec(&items)?);
            if self.sort_keys {
                ops::attr::call_method(&items, "sort", &[])?;
            }
            for item in list::items(&items).to_vec() {
                if !tuple::is_tuple(&item) || tuple::len(&item) != 2 {
                    bail!(ValueError, "items must return 2-tuples");
                }
                let kv = tuple::items(&item);
                self.key_value(&mut first, &kv[0], &kv[1])?;
            }
        } else {
            for (k, v) in dict::items_vec(o) {
                self.key_value(&mut first, &k, &v)?;
            }
        }
        self.leave(ident)?;
        self.push_ascii("}");
        Ok(())
    }
}

fn encoder_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::itertools::parse_pub("_iterencode", args, kw, &["obj", "_current_indent_level"], 2)?;
    let obj = a[0].clone().unwrap();
    int::index_isize(a[1].as_ref().unwrap())?;
    let e = encoder(slf)?;
    let mut enc = Enc {
        markers: if none::is_none(&e.markers) { None } else { Some(e.markers.clone()) },
        default: e.default.clone(),
        encoder: e.encoder.clone(),
        key_separator: e.key_separator.clone(),
        item_separator: e.item_separator.clone(),
        sort_keys: e.sort_keys,
        skipkeys: e.skipkeys,
        allow_nan: e.allow_nan,
        out: Vec::new(),
    };
    enc.obj(&obj)?;
    Ok(list::from_vec(vec![pystr::from_code_points(&enc.out)]))
}
krait_runtime::call_slot!(encoder_call_slot => encoder_call);

fn en_markers(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.markers.clone())
}
fn en_default(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.default.clone())
}
fn en_encoder(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.encoder.clone())
}
fn en_indent(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.indent.clone())
}
fn en_key_separator(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.key_separator.clone())
}
fn en_item_separator(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.item_separator.clone())
}
fn en_sort_keys(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(encoder(o)?.sort_keys))
}
fn en_skipkeys(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(encoder(o)?.skipkeys))
}

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut SCANNER_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Scanner>(t, "_json.Scanner", true);
        (*t).tp_new = Some(scanner_new_slot);
        (*t).tp_call = Some(scanner_call_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("strict", sc_strict),
            GetSetSpec::get("object_hook", sc_object_hook),
            GetSetSpec::get("object_pairs_hook", sc_object_pairs_hook),
            GetSetSpec::get("parse_float", sc_parse_float),
            GetSetSpec::get("parse_int", sc_parse_int),
            GetSetSpec::get("parse_constant", sc_parse_constant),
        ]);
        native::ready(t)?;

        let t = &raw mut ENCODER_TYPE;
        native::init_type::<Encoder>(t, "_json.Encoder", true);
        (*t).tp_new = Some(encoder_new_slot);
        (*t).tp_call = Some(encoder_call_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("markers", en_markers),
            GetSetSpec::get("default", en_default),
            GetSetSpec::get("encoder", en_encoder),
            GetSetSpec::get("indent", en_indent),
            GetSetSpec::get("key_separator", en_key_separator),
            GetSetSpec::get("item_separator", en_item_separator),
            GetSetSpec::get("sort_keys", en_sort_keys),
            GetSetSpec::get("skipkeys", en_skipkeys),
        ]);
        native::ready(t)?;
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("encode_basestring_ascii", f_encode_basestring_ascii),
        method("encode_basestring", f_encode_basestring),
        method("scanstring", f_scanstring),
    ]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_json")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "__doc__", &pystr::new("json speedups\n"))?;
    dict::set_item_str(&d, "make_scanner", &type_::type_obj(&raw mut SCANNER_TYPE))?;
    dict::set_item_str(&d, "make_encoder", &type_::type_obj(&raw mut ENCODER_TYPE))?;
    Ok(m)
}
