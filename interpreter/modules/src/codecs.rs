//! The `_codecs` module: the codec search registry (search functions, a
//! cache by normalized name, `encodings` imported on first use), the
//! error-handler registry with the standard handlers as callables, and the
//! codec functions `encodings/*.py` call, returning CPython's
//! `(output, consumed)` tuples. The UTF-8/16/32, ASCII and Latin-1 work is
//! the runtime's (`krait_runtime::codecs`); handlers registered from
//! Python are driven here by restarting the native codec after each error.

#[path = "codecs_utf7.rs"]
mod utf7;
use crate::Keep;
use krait_runtime::bail;
use krait_runtime::codecs as native;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::object::Obj;
use krait_runtime::ops::attr::getattr_str;
use krait_runtime::ops::call::call;
use krait_runtime::types::buffer;
use krait_runtime::types::builtin_func::{add_functions, method, method_table, new_cfunction, MethodSpec};
use krait_runtime::types::{bytes, dict, exceptions, int, list, module, none, str as pystr, tuple, type_};

static SEARCH: Keep = Keep::new();
static CACHE: Keep = Keep::new();
static ERRORS: Keep = Keep::new();

fn search_list() -> PyResult<Obj> {
    SEARCH.get_or_init(|| Ok(list::new()))
}

fn cache() -> PyResult<Obj> {
    CACHE.get_or_init(|| Ok(dict::new()))
}

fn arg_str(fname: &str, n: usize, o: &Obj) -> PyResult<()> {
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() argument {} must be str, not {}", fname, n, o.ty().name());
    }
    Ok(())
}

/// An `errors` argument: a str, or None for "strict".
fn errors_arg(fname: &str, n: usize, o: &Option<Obj>) -> PyResult<String> {
    match o {
        None => Ok("strict".into()),
        Some(e) if none::is_none(e) => Ok("strict".into()),
        Some(e) if pystr::is_str(e) => Ok(pystr::to_string_lossy(e)),
        Some(e) => bail!(TypeError, "{}() argument {} must be str or None, not {}", fname, n, e.ty().name()),
    }
}

fn final_arg(o: &Option<Obj>) -> PyResult<bool> {
    match o {
        None => Ok(false),
        Some(v) => Ok(crate::posix::args::to_int(v)? != 0),
    }
}

fn pair(a: Obj, n: usize) -> Obj {
    tuple::new(&[a, int::from_usize(n)])
}

// ---------------------------------------------------------------------------
// The codec registry.

/// CPython's name normalization (`_Py_normalize_encoding`): ASCII letters
/// lowered, digits and dots kept, and every run of other characters (non-ASCII
/// ones included) between them one underscore.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut punct = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// Whether the `encodings` package, whose search function CPython registers
/// first when it sets the registry up, has been imported.
static REGISTRY_READY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// CPython imports `encodings` while starting up; krait does it when the
/// registry is first used (a lookup or a registration), so its search
/// function still comes first.
fn ensure_registry() -> PyResult<()> {
    if !REGISTRY_READY.swap(true, std::sync::atomic::Ordering::Relaxed) {
        krait_runtime::import::import_module_level(&pystr::new("encodings"), None, None, 0)?;
    }
    Ok(())
}

pub fn lookup_codec(encoding: &str) -> PyResult<Obj> {
    let key = pystr::new(&normalize(encoding));
    if let Some(v) = dict::get_item(&cache()?, &key)? {
        return Ok(v);
    }
    ensure_registry()?;
    for f in list::items(&search_list()?).to_vec() {
        let r = call(&f, &[key.clone()], None)?;
        if none::is_none(&r) {
            continue;
        }
        if !tuple::is_tuple(&r) || tuple::len(&r) != 4 {
            bail!(TypeError, "codec search functions must return 4-tuples");
        }
        dict::set_item(&cache()?, &key, &r)?;
        return Ok(r);
    }
    bail!(LookupError, "unknown encoding: {}", encoding)
}


/// `_PyCodec_LookupTextEncoding`: a codec whose CodecInfo says it is not a
/// text encoding is refused by str.encode/bytes.decode.
fn text_codec(encoding: &str, alternate: &str) -> PyResult<Obj> {
    let info = lookup_codec(encoding)?;
    if !tuple::is_exact_tuple(&info) {
        if let Some(flag) = errors::catch(exceptions::AttributeError(), getattr_str(&info, "_is_text_encoding"))? {
            if !krait_runtime::ops::truthy(&flag)? {
                bail!(LookupError, "'{}' is not a text encoding; use {} to handle arbitrary codecs", encoding, alternate);
            }
        }
    }
    Ok(info)
}

/// `str.encode` for encodings only the registry knows.
pub fn registry_encode(s: &Obj, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let info = text_codec(encoding, "codecs.encode()")?;
    let mut cargs = vec![s.clone()];
    if let Some(e) = errors {
        cargs.push(pystr::new(e));
    }
    let r = call(&tuple::items(&info)[0], &cargs, None)
        .map_err(|e| if direct_encoding(encoding) { e } else { wrap_codec_error(e, "encoding", encoding) })?;
    if !tuple::is_tuple(&r) || tuple::len(&r) != 2 {
        bail!(TypeError, "encoder must return a tuple (object, integer)");
    }
    let v = &tuple::items(&r)[0];
    if bytes::is_bytes(v) {
        return Ok(bytes::as_slice(v).to_vec());
    }
    bail!(
        TypeError,
        "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        encoding,
        v.ty().name()
    )
}

/// `bytes.decode` for encodings only the registry knows.
pub fn registry_decode(data: &[u8], encoding: &str, errors: Option<&str>) -> PyResult<Obj> {
    let info = text_codec(encoding, "codecs.decode()")?;
    let mut cargs = vec![bytes::new(data)];
    if let Some(e) = errors {
        cargs.push(pystr::new(e));
    }
    let r = call(&tuple::items(&info)[1], &cargs, None)
        .map_err(|e| if direct_encoding(encoding) { e } else { wrap_codec_error(e, "decoding", encoding) })?;
    if !tuple::is_tuple(&r) || tuple::len(&r) != 2 {
        bail!(TypeError, "decoder must return a tuple (object,integer)");
    }
    let v = tuple::items(&r)[0].clone();
    if pystr::is_str(&v) {
        return Ok(v);
    }
    bail!(
        TypeError,
        "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        encoding,
        v.ty().name()
    )
}

fn codecs_register(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("_codecs.register", args, kw, 1, 1)?;
    if !krait_runtime::builtins::is_callable(&args[0]) {
        bail!(TypeError, "argument must be callable");
    }
    ensure_registry()?;
    list::append(&search_list()?, args[0].clone());
    Ok(none::none())
}

fn codecs_unregister(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("_codecs.unregister", args, kw, 1, 1)?;
    let l = search_list()?;
    let items = list::items(&l).to_vec();
    if let Some(i) = items.iter().position(|f| f.as_ptr() == args[0].as_ptr()) {
        let rest: Vec<Obj> = items.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, f)| f.clone()).collect();
        list::set_items(&l, rest);
        dict::clear(&cache()?);
    }
    Ok(none::none())
}

fn codecs_lookup(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("lookup", args, kw, &["encoding"], 1, 1, 1)?;
    let e = a[0].as_ref().unwrap();
    if !pystr::is_str(e) {
        bail!(TypeError, "lookup() argument must be str, not {}", e.ty().name());
    }
    // The name goes to the registry as UTF-8: lone surrogates fail.
    krait_runtime::codecs::encode(e, "utf-8", None)?;
    let name = pystr::to_string_lossy(e);
    if name.contains('\0') {
        bail!(ValueError, "embedded null character");
    }
    lookup_codec(&name)
}

fn codecs_forget_codec(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("_forget_codec", args, kw, &["encoding"], 1, 1, 1)?;
    let e = a[0].as_ref().unwrap();
    if !pystr::is_str(e) {
        bail!(TypeError, "_forget_codec() argument must be str, not {}", e.ty().name());
    }
    let key = pystr::new(&normalize(&pystr::to_string_lossy(e)));
    dict::del_item_opt(&cache()?, &key)?;
    Ok(none::none())
}

/// CPython's `_PyErr_TrySetFromCause`: an exception a codec raised is
/// replaced by one of the same type saying which codec failed ("decoding
/// with 'hex' codec failed (Error: ...)"), caused by the original, when that
/// type carries no state beyond BaseException's and the exception holds at
/// most one str argument and no attributes. Others pass through unchanged.
fn wrap_codec_error(e: errors::PyErr, operation: &str, encoding: &str) -> errors::PyErr {
    let val = errors::take(e);
    match wrapped(&val, operation, encoding) {
        Ok(Some(new)) => errors::restore(new),
        Ok(None) => errors::restore(val),
        Err(e2) => e2,
    }
}

/// The encodings CPython's str.encode/bytes.decode encode and decode
/// directly, never through a codec function (so their errors go unwrapped).
fn direct_encoding(encoding: &str) -> bool {
    matches!(
        normalize(encoding).as_str(),
        "utf_8" | "utf8" | "utf_16" | "utf16" | "utf_32" | "utf32" | "ascii" | "us_ascii" | "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1"
    )
}

fn wrapped(val: &Obj, operation: &str, encoding: &str) -> PyResult<Option<Obj>> {
    let t = val.type_ptr();
    let base = exceptions::BaseException();
    let plain = unsafe {
        let base_size = (*base).tp_basicsize;
        let size = (*t).tp_basicsize;
        let same_size = size == base_size || ((*t).tp_weaklistoffset > 0 && size == base_size + std::mem::size_of::<usize>() as isize);
        (*t).tp_init == (*base).tp_init && (*t).tp_new == (*base).tp_new && same_size && (*t).tp_itemsize == 0
    };
    if !plain {
        return Ok(None);
    }
    let args = getattr_str(val, "args")?;
    let items = tuple::items(&args);
    if items.len() > 1 || (items.len() == 1 && !pystr::is_exact_str(&items[0])) {
        return Ok(None);
    }
    if let Some(d) = errors::catch(exceptions::AttributeError(), getattr_str(val, "__dict__"))? {
        if dict::is_dict(&d) && dict::len(&d) > 0 {
            return Ok(None);
        }
    }
    let msg = format!(
        "{} with {} codec failed ({}: {})",
        operation,
        krait_runtime::ops::repr_string(&pystr::new(encoding))?,
        val.ty().name(),
        pystr::to_string_lossy(&krait_runtime::ops::str_of(val)?)
    );
    let new = call(&type_::type_obj(t), &[pystr::new(&msg)], None)?;
    exceptions::set_cause(&new, Some(val.clone()));
    Ok(Some(new))
}

fn coder(fname: &str, which: usize, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args(fname, args, kw, &["obj", "encoding", "errors"], 0, 1, 3)?;
    let obj = a[0].clone().unwrap();
    let encoding = match &a[1] {
        None => "utf-8".to_string(),
        Some(e) => {
            arg_str(fname, 2, e)?;
            pystr::to_string_lossy(e)
        }
    };
    if let Some(e) = &a[2] {
        arg_str(fname, 3, e)?;
    }
    let info = lookup_codec(&encoding)?;
    let f = tuple::items(&info)[which].clone();
    let mut cargs = vec![obj];
    if let Some(e) = &a[2] {
        cargs.push(e.clone());
    }
    let r = call(&f, &cargs, None).map_err(|e| wrap_codec_error(e, if which == 0 { "encoding" } else { "decoding" }, &encoding))?;
    if !tuple::is_tuple(&r) || tuple::len(&r) != 2 {
        if which == 0 {
            bail!(TypeError, "encoder must return a tuple (object, integer)");
        }
        bail!(TypeError, "decoder must return a tuple (object,integer)");
    }
    Ok(tuple::items(&r)[0].clone())
}

fn codecs_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    coder("encode", 0, args, kw)
}

fn codecs_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    coder("decode", 1, args, kw)
}

// ---------------------------------------------------------------------------
// Error handlers.

const BUILTIN_HANDLERS: &[&str] =
    &["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"];

fn is_kind(exc: &Obj, t: *mut krait_runtime::object::PyTypeObject) -> bool {
    type_::is_subtype(exc.type_ptr(), t)
}

fn exc_range(exc: &Obj) -> PyResult<(usize, usize, Obj)> {
    let obj = getattr_str(exc, "object")?;
    let start = int::index_isize(&getattr_str(exc, "start")?)?.max(0) as usize;
    let end = int::index_isize(&getattr_str(exc, "end")?)?.max(0) as usize;
    Ok((start, end, obj))
}

fn wrong_exc(exc: &Obj) -> errors::PyErr {
    krait_runtime::raise!(TypeError, "don't know how to handle {} in error callback", exc.ty().name())
}

fn one_exc(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs(fname, args, kw, 1, 1)?;
    Ok(args[0].clone())
}

fn cps_of(o: &Obj, start: usize, end: usize) -> Vec<u32> {
    let cps = pystr::code_points(o);
    let end = end.min(cps.len());
    cps[start.min(end)..end].to_vec()
}

fn h_strict(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("strict_errors", args, kw)?;
    if is_kind(&exc, exceptions::BaseException()) {
        return Err(errors::restore(exc));
    }
    bail!(TypeError, "codec must pass exception instance")
}

fn h_ignore(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("ignore_errors", args, kw)?;
    let (_, end, _) = exc_range_checked(&exc)?;
    Ok(pair(pystr::empty(), end))
}

fn h_replace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("replace_errors", args, kw)?;
    let (start, end, _) = exc_range_checked(&exc)?;
    let n = end.saturating_sub(start);
    if is_kind(&exc, exceptions::UnicodeEncodeError()) {
        Ok(pair(pystr::new(&"?".repeat(n)), end))
    } else if is_kind(&exc, exceptions::UnicodeDecodeError()) {
        Ok(pair(pystr::from_char(0xfffd), end))
    } else {
        Ok(pair(pystr::from_code_points(&vec![0xfffd; n]), end))
    }
}

fn exc_range_checked(exc: &Obj) -> PyResult<(usize, usize, Obj)> {
    if !(is_kind(exc, exceptions::UnicodeEncodeError())
        || is_kind(exc, exceptions::UnicodeDecodeError())
        || is_kind(exc, exceptions::UnicodeTranslateError()))
    {
        return Err(wrong_exc(exc));
    }
    exc_range(exc)
}

fn escape_cp(c: u32, out: &mut String) {
    use std::fmt::Write;
    if c <= 0xff {
        let _ = write!(out, "\\x{:02x}", c);
    } else if c <= 0xffff {
        let _ = write!(out, "\\u{:04x}", c);
    } else {
        let _ = write!(out, "\\U{:08x}", c);
    }
}

fn h_backslashreplace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("backslashreplace_errors", args, kw)?;
    let (start, end, obj) = exc_range_checked(&exc)?;
    let mut s = String::new();
    if is_kind(&exc, exceptions::UnicodeDecodeError()) {
        let b = buffer::bytes_like(&obj)?;
        let data = b.as_slice();
        for &x in &data[start.min(data.len())..end.min(data.len())] {
            escape_cp(x as u32, &mut s);
        }
    } else {
        for c in cps_of(&obj, start, end) {
            escape_cp(c, &mut s);
        }
    }
    Ok(pair(pystr::new(&s), end))
}

fn h_xmlcharrefreplace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("xmlcharrefreplace_errors", args, kw)?;
    if !is_kind(&exc, exceptions::UnicodeEncodeError()) {
        return Err(wrong_exc(&exc));
    }
    let (start, end, obj) = exc_range(&exc)?;
    let s: String = cps_of(&obj, start, end).iter().map(|c| format!("&#{};", c)).collect();
    Ok(pair(pystr::new(&s), end))
}

fn h_namereplace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("namereplace_errors", args, kw)?;
    if !is_kind(&exc, exceptions::UnicodeEncodeError()) {
        return Err(wrong_exc(&exc));
    }
    let (start, end, obj) = exc_range(&exc)?;
    let mut s = String::new();
    for c in cps_of(&obj, start, end) {
        match crate::unicodedata::char_name(c) {
            Some(n) => {
                s.push_str("\\N{");
                s.push_str(&n);
                s.push('}');
            }
            None => escape_cp(c, &mut s),
        }
    }
    Ok(pair(pystr::new(&s), end))
}

fn h_surrogateescape(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("surrogateescape", args, kw)?;
    if is_kind(&exc, exceptions::UnicodeDecodeError()) {
        let (start, end, obj) = exc_range(&exc)?;
        let b = buffer::bytes_like(&obj)?;
        let data = b.as_slice();
        let mut out = vec![];
        let mut i = start;
        while i < end.min(data.len()) && out.len() < 4 && data[i] >= 0x80 {
            out.push(0xdc00 + data[i] as u32);
            i += 1;
        }
        if out.is_empty() {
            return Err(errors::restore(exc));
        }
        return Ok(pair(pystr::from_code_points(&out), i));
    }
    if is_kind(&exc, exceptions::UnicodeEncodeError()) {
        let (start, end, obj) = exc_range(&exc)?;
        let mut out = vec![];
        for c in cps_of(&obj, start, end) {
            if !(0xdc80..0xdd00).contains(&c) {
                return Err(errors::restore(exc));
            }
            out.push((c - 0xdc00) as u8);
        }
        return Ok(pair(bytes::new(&out), end));
    }
    Err(wrong_exc(&exc))
}

fn h_surrogatepass(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let exc = one_exc("surrogatepass", args, kw)?;
    let enc = normalize(&pystr::to_string_lossy(&getattr_str(&exc, "encoding")?)).replace('_', "-");
    let native_name = match enc.as_str() {
        "utf-8" | "utf8" => "utf-8",
        "utf-16" | "utf-16-le" => "utf-16-le",
        "utf-16-be" => "utf-16-be",
        "utf-32" | "utf-32-le" => "utf-32-le",
        "utf-32-be" => "utf-32-be",
        _ => return Err(errors::restore(exc)),
    };
    if is_kind(&exc, exceptions::UnicodeEncodeError()) {
        let (start, end, obj) = exc_range(&exc)?;
        let cps = cps_of(&obj, start, end);
        if cps.iter().any(|c| !(0xd800..0xe000).contains(c)) {
            return Err(errors::restore(exc));
        }
        let s = pystr::from_code_points(&cps);
        let b = native::encode(&s, native_name, Some("surrogatepass"))?;
        return Ok(pair(bytes::new(&b), end));
    }
    if is_kind(&exc, exceptions::UnicodeDecodeError()) {
        let (start, _, obj) = exc_range(&exc)?;
        let b = buffer::bytes_like(&obj)?;
        let data = b.as_slice();
        let width = match native_name {
            "utf-8" => 3,
            "utf-16-le" | "utf-16-be" => 2,
            _ => 4,
        };
        if start + width <= data.len() {
            let chunk = &data[start..start + width];
            if let Ok(s) = native::decode(chunk, native_name, Some("surrogatepass")) {
                let cps = pystr::code_points(&s);
                if cps.len() == 1 && (0xd800..0xe000).contains(&cps[0]) {
                    return Ok(pair(s, start + width));
                }
            } else {
                errors::clear();
            }
        }
        return Err(errors::restore(exc));
    }
    Err(wrong_exc(&exc))
}

const HANDLERS: &[MethodSpec] = &[
    method("strict_errors", h_strict),
    method("ignore_errors", h_ignore),
    method("replace_errors", h_replace),
    method("xmlcharrefreplace_errors", h_xmlcharrefreplace),
    method("backslashreplace_errors", h_backslashreplace),
    method("namereplace_errors", h_namereplace),
    method("surrogateescape", h_surrogateescape),
    method("surrogatepass", h_surrogatepass),
];

fn error_registry() -> PyResult<Obj> {
    ERRORS.get_or_init(|| {
        let d = dict::new();
        let table = method_table(HANDLERS);
        for (i, name) in BUILTIN_HANDLERS.iter().enumerate() {
            let f = new_cfunction(unsafe { table.add(i) }, None, None);
            dict::set_item_str(&d, name, &f)?;
        }
        Ok(d)
    })
}

fn lookup_error_name(name: &str) -> PyResult<Obj> {
    lookup_error(name)
}

/// `codecs.lookup_error(name)`, for the other codec modules.
pub(crate) fn lookup_error(name: &str) -> PyResult<Obj> {
    match dict::get_item_str(&error_registry()?, name)? {
        Some(h) => Ok(h),
        None => bail!(LookupError, "unknown error handler name '{}'", name),
    }
}

fn codecs_lookup_error(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("lookup_error", args, kw, &["name"], 1, 1, 1)?;
    let n = a[0].as_ref().unwrap();
    if !pystr::is_str(n) {
        bail!(TypeError, "lookup_error() argument must be str, not {}", n.ty().name());
    }
    lookup_error_name(&pystr::to_string_lossy(n))
}

fn codecs_register_error(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("register_error", args, kw, &["errors", "handler"], 2, 2, 2)?;
    let n = a[0].as_ref().unwrap();
    arg_str("register_error", 1, n)?;
    let h = a[1].as_ref().unwrap();
    if !krait_runtime::builtins::is_callable(h) {
        bail!(TypeError, "handler must be callable");
    }
    dict::set_item(&error_registry()?, n, h)?;
    Ok(none::none())
}

/// Is `errors` one the native codecs handle themselves (and not replaced
/// from Python by register_error)?
fn native_handler(errors: &str) -> PyResult<bool> {
    if !BUILTIN_HANDLERS.contains(&errors) {
        return Ok(false);
    }
    let h = lookup_error_name(errors)?;
    Ok(krait_runtime::types::builtin_func::is_cfunction(&h)
        && krait_runtime::types::builtin_func::cfunction_self(&h).is_none())
}

/// The handler's answer: (replacement, new position), the position made
/// absolute and checked against `len`.
fn handler_result(r: &Obj, len: usize, encode: bool) -> PyResult<(Obj, usize)> {
    let ok = tuple::is_tuple(r)
        && tuple::len(r) == 2
        && int::is_int(&tuple::items(r)[1])
        && (pystr::is_str(&tuple::items(r)[0]) || encode && bytes::is_bytes(&tuple::items(r)[0]));
    if !ok {
        if encode {
            bail!(TypeError, "encoding error handler must return (str/bytes, int) tuple");
        }
        bail!(TypeError, "decoding error handler must return (str, int) tuple");
    }
    let rep = tuple::items(r)[0].clone();
    let mut pos = int::index_isize(&tuple::items(r)[1])?;
    if pos < 0 {
        pos += len as isize;
    }
    if pos < 0 || pos as usize > len {
        bail!(IndexError, "position {} from error handler out of bounds", pos);
    }
    Ok((rep, pos as usize))
}

/// Encodes `s` with a native codec (fixed byte order), calling a Python
/// error handler when `errors` is not a native one.
fn encode_native(s: &Obj, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    if native_handler(errors)? {
        return native::encode(s, enc, Some(errors));
    }
    let cps = pystr::code_points(s);
    let mut out = vec![];
    let mut pos = 0;
    while pos < cps.len() {
        let rest = pystr::from_code_points(&cps[pos..]);
        match native::encode(&rest, enc, None) {
            Ok(b) => {
                out.extend_from_slice(&b);
                break;
            }
            Err(e) => {
                if !errors::matches(exceptions::UnicodeEncodeError()) {
                    return Err(e);
                }
                let exc = errors::take(e);
                let (start, end, _) = exc_range(&exc)?;
                let reason = getattr_str(&exc, "reason")?;
                let head = pystr::from_code_points(&cps[pos..pos + start]);
                out.extend_from_slice(&native::encode(&head, enc, None)?);
                let new_exc = call(
                    &type_::type_obj(exceptions::UnicodeEncodeError()),
                    &[getattr_str(&exc, "encoding")?, s.clone(), int::from_usize(pos + start), int::from_usize(pos + end), reason],
                    None,
                )?;
                let r = call(&lookup_error_name(errors)?, &[new_exc], None)?;
                let (rep, newpos) = handler_result(&r, cps.len(), true)?;
                if bytes::is_bytes(&rep) {
                    out.extend_from_slice(bytes::as_slice(&rep));
                } else {
                    out.extend_from_slice(&native::encode(&rep, enc, None)?);
                }
                pos = newpos;
            }
        }
    }
    Ok(out)
}

/// Decodes `data` with a native codec (fixed byte order), with a Python
/// error handler when `errors` is not a native one.
fn decode_native(data: &[u8], enc: &str, errors: &str) -> PyResult<Obj> {
    if native_handler(errors)? {
        return native::decode(data, enc, Some(errors));
    }
    let mut out: Vec<u32> = vec![];
    let mut pos = 0;
    let mut whole = bytes::new(data);
    // A handler may replace the exception's `object`: decoding goes on in it.
    let mut replaced: Option<Vec<u8>> = None;
    loop {
        let data: &[u8] = replaced.as_deref().unwrap_or(data);
        if pos >= data.len() {
            break;
        }
        match native::decode(&data[pos..], enc, None) {
            Ok(s) => {
                out.extend(pystr::code_points(&s));
                break;
            }
            Err(e) => {
                if !errors::matches(exceptions::UnicodeDecodeError()) {
                    return Err(e);
                }
                let exc = errors::take(e);
                let (start, end, _) = exc_range(&exc)?;
                let reason = getattr_str(&exc, "reason")?;
                out.extend(pystr::code_points(&native::decode(&data[pos..pos + start], enc, None)?));
                let new_exc = call(
                    &type_::type_obj(exceptions::UnicodeDecodeError()),
                    &[getattr_str(&exc, "encoding")?, whole.clone(), int::from_usize(pos + start), int::from_usize(pos + end), reason],
                    None,
                )?;
                let r = call(&lookup_error_name(errors)?, &[new_exc.clone()], None)?;
                let obj = getattr_str(&new_exc, "object")?;
                let len = if obj.is(&whole) {
                    data.len()
                } else {
                    let b = buffer::bytes_like(&obj)?.as_slice().to_vec();
                    let n = b.len();
                    replaced = Some(b);
                    whole = obj;
                    n
                };
                let (rep, newpos) = handler_result(&r, len, false)?;
                out.extend(pystr::code_points(&rep));
                pos = newpos;
            }
        }
    }
    Ok(pystr::from_code_points(&out))
}

// ---------------------------------------------------------------------------
// The codec functions.

fn str_input(fname: &str, args: &[Obj], kw: Option<&Obj>, extra: &[&str]) -> PyResult<(Obj, String, Vec<Option<Obj>>)> {
    let mut names = vec!["str", "errors"];
    names.extend_from_slice(extra);
    let a = crate::clinic_args(fname, args, kw, &names, names.len(), 1, names.len())?;
    let s = a[0].clone().unwrap();
    arg_str(fname, 1, &s)?;
    let errors = errors_arg(fname, 2, &a[1])?;
    Ok((s, errors, a[2..].to_vec()))
}

fn bytes_input(fname: &str, args: &[Obj], kw: Option<&Obj>, extra: &[&str]) -> PyResult<(Vec<u8>, String, Vec<Option<Obj>>)> {
    let mut names = vec!["data", "errors"];
    names.extend_from_slice(extra);
    let a = crate::clinic_args(fname, args, kw, &names, names.len(), 1, names.len())?;
    let b = buffer::bytes_like(a[0].as_ref().unwrap())?;
    let data = b.as_slice().to_vec();
    let errors = errors_arg(fname, 2, &a[1])?;
    Ok((data, errors, a[2..].to_vec()))
}

fn encode_fn(fname: &str, enc: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (s, errors, _) = str_input(fname, args, kw, &[])?;
    let b = encode_native(&s, enc, &errors)?;
    Ok(pair(bytes::new(&b), pystr::len(&s)))
}

/// How many bytes at the end of `data` begin a sequence `enc` needs more
/// input for (left for the next call when not final).
fn incomplete_tail(data: &[u8], enc: &str, surrogatepass: bool) -> usize {
    match enc {
        "utf-8" => {
            let n = data.len();
            for k in (n.saturating_sub(3)..n).rev() {
                if data[k] & 0xc0 != 0x80 {
                    // surrogatepass reads ED A0..BF xx as a surrogate.
                    let tail = &data[k..];
                    if surrogatepass && tail[0] == 0xed && tail.len() < 3 && tail.get(1).map_or(true, |b| (0xa0..0xc0).contains(b)) {
                        return n - k;
                    }
                    return match std::str::from_utf8(&data[k..]) {
                        Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => n - k,
                        _ => 0,
                    };
                }
            }
            0
        }
        "utf-16-le" | "utf-16-be" => {
            let odd = data.len() % 2;
            let even = data.len() - odd;
            if even >= 2 {
                let p = [data[even - 2], data[even - 1]];
                let u = if enc == "utf-16-le" { u16::from_le_bytes(p) } else { u16::from_be_bytes(p) };
                if (0xd800..0xdc00).contains(&u) {
                    return odd + 2;
                }
            }
            odd
        }
        "utf-32-le" | "utf-32-be" => data.len() % 4,
        _ => 0,
    }
}

fn decode_stateful(data: &[u8], enc: &str, errors: &str, fin: bool) -> PyResult<(Obj, usize)> {
    let n = if fin { data.len() } else { data.len() - incomplete_tail(data, enc, errors == "surrogatepass") };
    Ok((decode_native(&data[..n], enc, errors)?, n))
}

fn decode_fn(fname: &str, enc: &str, args: &[Obj], kw: Option<&Obj>, has_final: bool) -> PyResult<Obj> {
    let extra: &[&str] = if has_final { &["final"] } else { &[] };
    let (data, errors, rest) = bytes_input(fname, args, kw, extra)?;
    let fin = if has_final { final_arg(&rest[0])? } else { true };
    let (s, n) = decode_stateful(&data, enc, &errors, fin)?;
    Ok(pair(s, n))
}

macro_rules! codec_fns {
    ($enc_fn:ident, $dec_fn:ident, $ename:literal, $dname:literal, $codec:literal, $final:expr) => {
        fn $enc_fn(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            encode_fn($ename, $codec, args, kw)
        }
        fn $dec_fn(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            decode_fn($dname, $codec, args, kw, $final)
        }
    };
}

codec_fns!(utf_8_encode, utf_8_decode, "utf_8_encode", "utf_8_decode", "utf-8", true);
codec_fns!(utf_16_le_encode, utf_16_le_decode, "utf_16_le_encode", "utf_16_le_decode", "utf-16-le", true);
codec_fns!(utf_16_be_encode, utf_16_be_decode, "utf_16_be_encode", "utf_16_be_decode", "utf-16-be", true);
codec_fns!(utf_32_le_encode, utf_32_le_decode, "utf_32_le_encode", "utf_32_le_decode", "utf-32-le", true);
codec_fns!(utf_32_be_encode, utf_32_be_decode, "utf_32_be_encode", "utf_32_be_decode", "utf-32-be", true);
codec_fns!(latin_1_encode, latin_1_decode, "latin_1_encode", "latin_1_decode", "latin-1", false);
codec_fns!(ascii_encode, ascii_decode, "ascii_encode", "ascii_decode", "ascii", false);

/// utf_16_encode / utf_32_encode: byteorder 0 writes a BOM then little
/// endian; -1 little, 1 big endian without one.
fn bom_encode(fname: &str, wide: bool, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (s, errors, rest) = str_input(fname, args, kw, &["byteorder"])?;
    let order = match &rest[0] {
        None => 0,
        Some(o) => crate::posix::args::to_int(o)?,
    };
    let (enc, bom): (&str, &[u8]) = match (wide, order) {
        (false, 0) => ("utf-16-le", &[0xff, 0xfe]),
        (false, o) if o < 0 => ("utf-16-le", &[]),
        (false, _) => ("utf-16-be", &[]),
        (true, 0) => ("utf-32-le", &[0xff, 0xfe, 0, 0]),
        (true, o) if o < 0 => ("utf-32-le", &[]),
        (true, _) => ("utf-32-be", &[]),
    };
    let mut out = bom.to_vec();
    out.extend(encode_native(&s, enc, &errors)?);
    Ok(pair(bytes::new(&out), pystr::len(&s)))
}

fn utf_16_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bom_encode("utf_16_encode", false, args, kw)
}

fn utf_32_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bom_encode("utf_32_encode", true, args, kw)
}

/// Decoding with byte-order detection: a BOM (when `order` is 0) picks
/// the order and is skipped; returns (str, consumed, order).
fn bom_decode(data: &[u8], errors: &str, order: i32, fin: bool, wide: bool) -> PyResult<(Obj, usize, i32)> {
    let mut order = order;
    let mut skip = 0;
    if order == 0 {
        let (le, be): (&[u8], &[u8]) = if wide { (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]) } else { (&[0xff, 0xfe], &[0xfe, 0xff]) };
        if data.starts_with(le) {
            order = -1;
            skip = le.len();
        } else if data.starts_with(be) {
            order = 1;
            skip = be.len();
        } else if !fin && data.len() < le.len() {
            return Ok((pystr::empty(), 0, 0));
        }
    }
    let enc = match (wide, order > 0) {
        (false, false) => "utf-16-le",
        (false, true) => "utf-16-be",
        (true, false) => "utf-32-le",
        (true, true) => "utf-32-be",
    };
    let (s, n) = decode_stateful(&data[skip..], enc, errors, fin)?;
    Ok((s, n + skip, order))
}

fn bom_decode_fn(fname: &str, wide: bool, ex: bool, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let extra: &[&str] = if ex { &["byteorder", "final"] } else { &["final"] };
    let (data, errors, rest) = bytes_input(fname, args, kw, extra)?;
    let (order, fin) = if ex {
        (rest[0].as_ref().map(crate::posix::args::to_int).transpose()?.unwrap_or(0), final_arg(&rest[1])?)
    } else {
        (0, final_arg(&rest[0])?)
    };
    let (s, n, order) = bom_decode(&data, &errors, order, fin, wide)?;
    if ex {
        return Ok(tuple::new(&[s, int::from_usize(n), int::from_i64(order as i64)]));
    }
    Ok(pair(s, n))
}

fn utf_16_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bom_decode_fn("utf_16_decode", false, false, args, kw)
}

fn utf_16_ex_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bom_decode_fn("utf_16_ex_decode", false, true, args, kw)
}

fn utf_32_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bom_decode_fn("utf_32_decode", true, false, args, kw)
}

fn utf_32_ex_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bom_decode_fn("utf_32_ex_decode", true, true, args, kw)
}

fn readbuffer_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("readbuffer_encode", args, kw, &["data", "errors"], 2, 1, 2)?;
    let d = a[0].as_ref().unwrap();
    errors_arg("readbuffer_encode", 2, &a[1])?;
    let data = if pystr::is_str(d) {
        native::encode(d, "utf-8", None)?
    } else {
        buffer::bytes_like(d)?.as_slice().to_vec()
    };
    let n = data.len();
    Ok(pair(bytes::new(&data), n))
}


// ---------------------------------------------------------------------------
// Charmap codecs: a str (byte -> character) or any mapping for decoding,
// a mapping from code points to ints/bytes for encoding. `charmap_build`
// gives a dict from code point to byte.

fn new_unicode_exc(t: *mut krait_runtime::object::PyTypeObject, enc: &str, obj: &Obj, start: usize, end: usize, reason: &str) -> PyResult<Obj> {
    call(
        &type_::type_obj(t),
        &[pystr::new(enc), obj.clone(), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
        None,
    )
}

/// `run_handler` for decoders that read their input as `data`/`whole`: a
/// handler that replaced the exception's `object` switches them to it.
fn run_decode_handler(errors: &str, exc: Obj, data: &mut Vec<u8>, whole: &mut Obj) -> PyResult<(Obj, usize)> {
    if errors == "strict" {
        return Err(errors::restore(exc));
    }
    let h = lookup_error_name(errors)?;
    let r = call(&h, &[exc.clone()], None)?;
    let obj = getattr_str(&exc, "object")?;
    if !obj.is(whole) {
        *data = buffer::bytes_like(&obj)?.as_slice().to_vec();
        *whole = obj;
    }
    handler_result(&r, data.len(), false)
}

/// Calls the handler for `errors` on `exc`; strict raises `exc` itself.
fn run_handler(errors: &str, exc: Obj, len: usize, encode: bool) -> PyResult<(Obj, usize)> {
    if errors == "strict" {
        return Err(errors::restore(exc));
    }
    let h = lookup_error_name(errors)?;
    let r = call(&h, &[exc], None)?;
    handler_result(&r, len, encode)
}

/// One byte through a decoding mapping: Some(code points) or None when
/// undefined.
fn charmap_lookup_decode(mapping: &Obj, b: u8) -> PyResult<Option<Vec<u32>>> {
    if pystr::is_str(mapping) {
        let n = pystr::len(mapping);
        if (b as usize) < n {
            let c = pystr::char_at(mapping, b as usize);
            if c != 0xfffe {
                return Ok(Some(vec![c]));
            }
        }
        return Ok(None);
    }
    let r = match krait_runtime::ops::seq::getitem(mapping, &int::from_i64(b as i64)) {
        Ok(v) => v,
        Err(e) => {
            if errors::matches(exceptions::LookupError()) {
                errors::clear();
                return Ok(None);
            }
            return Err(e);
        }
    };
    if none::is_none(&r) {
        return Ok(None);
    }
    if int::is_int(&r) {
        match int::as_i64(&r) {
            // U+FFFE marks an undefined byte, as in a decoding-table str.
            Some(0xfffe) => return Ok(None),
            Some(v) if (0..0x110000).contains(&v) => return Ok(Some(vec![v as u32])),
            _ => bail!(TypeError, "character mapping must be in range(0x110000)"),
        }
    }
    if pystr::is_str(&r) {
        let cps = pystr::code_points(&r);
        if cps.len() == 1 && cps[0] == 0xfffe {
            return Ok(None);
        }
        return Ok(Some(cps));
    }
    bail!(TypeError, "character mapping must return integer, None or str")
}

fn charmap_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (data, errors, rest) = bytes_input("charmap_decode", args, kw, &["mapping"])?;
    let mapping = rest[0].clone().filter(|m| !none::is_none(m));
    let Some(mapping) = mapping else {
        return Ok(pair(decode_native(&data, "latin-1", &errors)?, data.len()));
    };
    let mut out = vec![];
    let mut i = 0;
    let whole = bytes::new(&data);
    while i < data.len() {
        match charmap_lookup_decode(&mapping, data[i])? {
            Some(c) => {
                out.extend(c);
                i += 1;
            }
            None => {
                let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), "charmap", &whole, i, i + 1, "character maps to <undefined>")?;
                let (rep, pos) = run_handler(&errors, exc, data.len(), false)?;
                out.extend(pystr::code_points(&rep));
                i = pos;
            }
        }
    }
    Ok(pair(pystr::from_code_points(&out), data.len()))
}

/// One code point through an encoding mapping: Some(bytes) or None.
fn charmap_lookup_encode(mapping: &Obj, c: u32) -> PyResult<Option<Vec<u8>>> {
    let r = match krait_runtime::ops::seq::getitem(mapping, &int::from_i64(c as i64)) {
        Ok(v) => v,
        Err(e) => {
            if errors::matches(exceptions::LookupError()) {
                errors::clear();
                return Ok(None);
            }
            return Err(e);
        }
    };
    if none::is_none(&r) {
        return Ok(None);
    }
    if int::is_int(&r) {
        match int::as_i64(&r) {
            Some(v) if (0..256).contains(&v) => return Ok(Some(vec![v as u8])),
            _ => bail!(TypeError, "character mapping must be in range(256)"),
        }
    }
    if bytes::is_bytes(&r) {
        return Ok(Some(bytes::as_slice(&r).to_vec()));
    }
    bail!(TypeError, "character mapping must return integer, bytes or None, not {}", r.ty().name())
}

fn charmap_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (s, errors, rest) = str_input("charmap_encode", args, kw, &["mapping"])?;
    let mapping = rest[0].clone().filter(|m| !none::is_none(m));
    let Some(mapping) = mapping else {
        return Ok(pair(bytes::new(&encode_native(&s, "latin-1", &errors)?), pystr::len(&s)));
    };
    let cps = pystr::code_points(&s);
    let mut out = vec![];
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = charmap_lookup_encode(&mapping, cps[i])? {
            out.extend(b);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && charmap_lookup_encode(&mapping, cps[end])?.is_none() {
            end += 1;
        }
        let exc = new_unicode_exc(exceptions::UnicodeEncodeError(), "charmap", &s, i, end, "character maps to <undefined>")?;
        let (rep, pos) = run_handler(&errors, exc.clone(), cps.len(), true)?;
        if bytes::is_bytes(&rep) {
            out.extend_from_slice(bytes::as_slice(&rep));
        } else {
            for c in pystr::code_points(&rep) {
                match charmap_lookup_encode(&mapping, c)? {
                    Some(b) => out.extend(b),
                    None => return Err(errors::restore(exc)),
                }
            }
        }
        i = pos;
    }
    Ok(pair(bytes::new(&out), cps.len()))
}

fn charmap_build(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("charmap_build", args, kw, &["map"], 1, 1, 1)?;
    let map = a[0].as_ref().unwrap();
    arg_str("charmap_build", 1, map)?;
    let d = dict::new();
    for (i, c) in pystr::code_points(map).into_iter().enumerate().take(256) {
        if c == 0xfffe {
            continue;
        }
        dict::set_item(&d, &int::from_i64(c as i64), &int::from_usize(i))?;
    }
    Ok(d)
}

// ---------------------------------------------------------------------------
// Escape codecs.

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// A str argument as UTF-8 bytes, or any bytes-like object.
fn str_or_bytes(o: &Obj) -> PyResult<Vec<u8>> {
    if pystr::is_str(o) {
        return native::encode(o, "utf-8", None);
    }
    Ok(buffer::bytes_like(o)?.as_slice().to_vec())
}

fn escape_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("escape_encode", args, kw, &["data", "errors"], 2, 1, 2)?;
    let d = a[0].as_ref().unwrap();
    if !bytes::is_bytes(d) {
        bail!(TypeError, "escape_encode() argument 1 must be bytes, not {}", d.ty().name());
    }
    errors_arg("escape_encode", 2, &a[1])?;
    let data = bytes::as_slice(d);
    let mut out = vec![];
    for &b in data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{:02x}", b).as_bytes()),
        }
    }
    Ok(pair(bytes::new(&out), data.len()))
}

fn escape_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("escape_decode", args, kw, &["data", "errors"], 2, 1, 2)?;
    let data = str_or_bytes(a[0].as_ref().unwrap())?;
    let errors = errors_arg("escape_decode", 2, &a[1])?;
    let mut out = vec![];
    let mut first_invalid: Option<String> = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        i += 1;
        if i >= data.len() {
            bail!(ValueError, "Trailing \\ in string");
        }
        let c = data[i];
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                if v > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(format!("invalid octal escape sequence '\\{:o}'", v));
                }
                out.push(v as u8);
            }
            b'x' => {
                if i + 1 < data.len() {
                    if let (Some(h), Some(l)) = (hex_val(data[i]), hex_val(data[i + 1])) {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                        continue;
                    }
                }
                match errors.as_str() {
                    "strict" => bail!(ValueError, "invalid \\x escape at position {}", i - 2),
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    other => bail!(ValueError, "decoding error; unknown error handling code: {}", other),
                }
                // Skip the hex digits that were there.
                let mut k = 0;
                while k < 2 && i < data.len() && hex_val(data[i]).is_some() {
                    i += 1;
                    k += 1;
                }
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!("invalid escape sequence '\\{}'", c as char));
                }
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    if let Some(msg) = first_invalid {
        errors::warn(exceptions::DeprecationWarning(), &msg)?;
    }
    Ok(pair(bytes::new(&out), data.len()))
}

fn push_escaped(out: &mut Vec<u8>, c: u32) {
    if c < 0x100 {
        out.extend_from_slice(format!("\\x{:02x}", c).as_bytes());
    } else if c < 0x10000 {
        out.extend_from_slice(format!("\\u{:04x}", c).as_bytes());
    } else {
        out.extend_from_slice(format!("\\U{:08x}", c).as_bytes());
    }
}

fn unicode_escape_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (s, _errors, _) = str_input("unicode_escape_encode", args, kw, &[])?;
    let mut out = vec![];
    for c in pystr::code_points(&s) {
        match c {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c as u8),
            _ => push_escaped(&mut out, c),
        }
    }
    Ok(pair(bytes::new(&out), pystr::len(&s)))
}

fn raw_unicode_escape_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (s, _errors, _) = str_input("raw_unicode_escape_encode", args, kw, &[])?;
    let mut out = vec![];
    for c in pystr::code_points(&s) {
        if c < 0x100 {
            out.push(c as u8);
        } else {
            push_escaped(&mut out, c);
        }
    }
    Ok(pair(bytes::new(&out), pystr::len(&s)))
}

/// The shared decoder: `raw` recognizes only \u and \U escapes.
fn escape_decoder(input: &[u8], errors: &str, fin: bool, raw: bool) -> PyResult<(Obj, usize)> {
    let enc = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let mut data = input.to_vec();
    let mut whole = bytes::new(input);
    let mut out: Vec<u32> = vec![];
    let mut first_invalid: Option<String> = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as u32);
            i += 1;
            continue;
        }
        if raw {
            let mut n = 0;
            while i + n < data.len() && data[i + n] == b'\\' {
                n += 1;
            }
            let next = data.get(i + n).copied();
            if n % 2 == 0 || !matches!(next, Some(b'u') | Some(b'U')) {
                if next.is_none() && n % 2 == 1 && !fin {
                    out.extend(std::iter::repeat(b'\\' as u32).take(n - 1));
                    return Ok((pystr::from_code_points(&out), i + n - 1));
                }
                out.extend(std::iter::repeat(b'\\' as u32).take(n));
                i += n;
                continue;
            }
            out.extend(std::iter::repeat(b'\\' as u32).take(n - 1));
            i += n - 1;
        }
        let start = i;
        if i + 1 >= data.len() {
            if !fin {
                return Ok((pystr::from_code_points(&out), start));
            }
            if raw {
                out.push(b'\\' as u32);
                i += 1;
                continue;
            }
            let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), enc, &whole, start, data.len(), "\\ at end of string")?;
            let (rep, pos) = run_decode_handler(errors, exc, &mut data, &mut whole)?;
            out.extend(pystr::code_points(&rep));
            i = pos;
            continue;
        }
        let c = data[i + 1];
        if raw && c != b'u' && c != b'U' {
            out.push(b'\\' as u32);
            i += 1;
            continue;
        }
        i += 2;
        let simple = match c {
            b'\n' => Some(None),
            b'\\' | b'\'' | b'"' => Some(Some(c as u32)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b't' => Some(Some(9)),
            b'n' => Some(Some(10)),
            b'r' => Some(Some(13)),
            b'v' => Some(Some(11)),
            b'a' => Some(Some(7)),
            _ => None,
        };
        if let Some(v) = simple {
            out.extend(v);
            continue;
        }
        if (b'0'..=b'7').contains(&c) {
            let mut v = (c - b'0') as u32;
            let mut k = 0;
            while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                v = v * 8 + (data[i] - b'0') as u32;
                i += 1;
                k += 1;
            }
            if v > 0o377 && first_invalid.is_none() {
                first_invalid = Some(format!("invalid octal escape sequence '\\{:o}'", v));
            }
            out.push(v);
            continue;
        }
        let (count, reason) = match c {
            b'x' => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' => {
                // \N{name}: a character name or alias of the Unicode database.
                let mut reason = "malformed \\N character escape";
                let mut end = i;
                if i < data.len() && data[i] == b'{' {
                    let name_start = i + 1;
                    end = name_start;
                    while end < data.len() && data[end] != b'}' {
                        end += 1;
                    }
                    if end >= data.len() && !fin {
                        return Ok((pystr::from_code_points(&out), start));
                    }
                    if end < data.len() && end > name_start {
                        end += 1;
                        if let Some(c) = crate::unicodedata::lookup_name(&data[name_start..end - 1]) {
                            out.push(c);
                            i = end;
                            continue;
                        }
                        reason = "unknown Unicode character name";
                    }
                } else if i >= data.len() && !fin {
                    return Ok((pystr::from_code_points(&out), start));
                }
                let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), enc, &whole, start, end, reason)?;
                let (rep, pos) = run_decode_handler(errors, exc, &mut data, &mut whole)?;
                out.extend(pystr::code_points(&rep));
                i = pos;
                continue;
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!("invalid escape sequence '\\{}'", c as char));
                }
                out.push(b'\\' as u32);
                out.push(c as u32);
                continue;
            }
        };
        let mut v: u32 = 0;
        let mut k = 0;
        while k < count && i < data.len() {
            match hex_val(data[i]) {
                Some(h) => {
                    v = v * 16 + h;
                    i += 1;
                    k += 1;
                }
                None => break,
            }
        }
        if k < count {
            if !fin && i >= data.len() {
                return Ok((pystr::from_code_points(&out), start));
            }
            let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), enc, &whole, start, i, reason)?;
            let (rep, pos) = run_decode_handler(errors, exc, &mut data, &mut whole)?;
            out.extend(pystr::code_points(&rep));
            i = pos;
            continue;
        }
        if v > 0x10ffff {
            let r = if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" };
            let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), enc, &whole, start, i, r)?;
            let (rep, pos) = run_decode_handler(errors, exc, &mut data, &mut whole)?;
            out.extend(pystr::code_points(&rep));
            i = pos;
            continue;
        }
        out.push(v);
    }
    if let Some(msg) = first_invalid {
        errors::warn(exceptions::DeprecationWarning(), &msg)?;
    }
    Ok((pystr::from_code_points(&out), data.len()))
}

fn escape_decode_fn(fname: &str, raw: bool, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args(fname, args, kw, &["data", "errors", "final"], 3, 1, 3)?;
    let data = str_or_bytes(a[0].as_ref().unwrap())?;
    let errors = errors_arg(fname, 2, &a[1])?;
    let fin = match &a[2] {
        None => true,
        Some(v) => crate::posix::args::to_int(v)? != 0,
    };
    let (s, n) = escape_decoder(&data, &errors, fin, raw)?;
    Ok(pair(s, n))
}

fn unicode_escape_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    escape_decode_fn("unicode_escape_decode", false, args, kw)
}

fn raw_unicode_escape_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    escape_decode_fn("raw_unicode_escape_decode", true, args, kw)
}

const FUNCTIONS: &[MethodSpec] = &[
    method("register", codecs_register),
    method("unregister", codecs_unregister),
    method("lookup", codecs_lookup),
    method("encode", codecs_encode),
    method("decode", codecs_decode),
    method("_forget_codec", codecs_forget_codec),
    method("lookup_error", codecs_lookup_error),
    method("register_error", codecs_register_error),
    method("utf_8_encode", utf_8_encode),
    method("utf_8_decode", utf_8_decode),
    method("utf_7_encode", utf7::utf_7_encode),
    method("utf_7_decode", utf7::utf_7_decode),
    method("utf_16_encode", utf_16_encode),
    method("utf_16_decode", utf_16_decode),
    method("utf_16_le_encode", utf_16_le_encode),
    method("utf_16_le_decode", utf_16_le_decode),
    method("utf_16_be_encode", utf_16_be_encode),
    method("utf_16_be_decode", utf_16_be_decode),
    method("utf_16_ex_decode", utf_16_ex_decode),
    method("utf_32_encode", utf_32_encode),
    method("utf_32_decode", utf_32_decode),
    method("utf_32_le_encode", utf_32_le_encode),
    method("utf_32_le_decode", utf_32_le_decode),
    method("utf_32_be_encode", utf_32_be_encode),
    method("utf_32_be_decode", utf_32_be_decode),
    method("utf_32_ex_decode", utf_32_ex_decode),
    method("latin_1_encode", latin_1_encode),
    method("latin_1_decode", latin_1_decode),
    method("ascii_encode", ascii_encode),
    method("ascii_decode", ascii_decode),
    method("readbuffer_encode", readbuffer_encode),
    method("charmap_decode", charmap_decode),
    method("charmap_encode", charmap_encode),
    method("charmap_build", charmap_build),
    method("escape_encode", escape_encode),
    method("escape_decode", escape_decode),
    method("unicode_escape_encode", unicode_escape_encode),
    method("unicode_escape_decode", unicode_escape_decode),
    method("raw_unicode_escape_encode", raw_unicode_escape_encode),
    method("raw_unicode_escape_decode", raw_unicode_escape_decode),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_codecs")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    Ok(m)
}
