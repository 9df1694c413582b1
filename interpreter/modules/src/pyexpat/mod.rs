//! The `pyexpat` module under Lib/xml (xml.parsers.expat, ElementTree,
//! minidom, sax, plistlib, xmlrpc): `ParserCreate` and the `xmlparser`
//! type over the system libexpat, as CPython 3.11 builds it, so parsing,
//! positions and error messages are expat's own.
//!
//! `ffi.rs` declares the C API, `handlers.rs` holds the callbacks that call
//! the Python handlers, `errors.rs` the `errors` and `model` submodules.

mod errors;
mod ffi;
mod handlers;

use crate::native::{self, State};
use ffi::XML_Parser;
use krait_runtime::bail;
use krait_runtime::errors::{self as err, PyErr, PyResult};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytearray, bytes, dict, exceptions, int, list, module, none, str as pystr, tuple, type_};
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};

static mut PARSER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static ERROR: crate::Keep = crate::Keep::new();

/// Data is handed to expat at most this much per XML_Parse call (its
/// length argument is a C int).
const MAX_CHUNK: usize = 1 << 20;
/// ParseFile reads this much per call of `read`.
const READ_SIZE: usize = 2048;
/// The default `buffer_size`.
const DEFAULT_BUFFER_SIZE: usize = 8192;

/// An xmlparser's state. Expat's user data points here (see handlers.rs).
pub(crate) struct Parser {
    p: XML_Parser,
    handlers: [Option<Obj>; handlers::COUNT],
    /// Text held for CharacterDataHandler while `buffer_text` is on.
    buffer: Option<Vec<u8>>,
    buffer_size: usize,
    ordered_attributes: bool,
    specified_attributes: bool,
    ns_prefixes: bool,
    /// A Python handler is running.
    in_callback: bool,
    /// Inside XML_Parse/XML_ParseBuffer: expat must not be re-entered.
    parsing: bool,
    intern: Option<Obj>,
    /// The parser an external entity parser was made from: expat needs it
    /// alive as long as this one.
    parent: Option<Obj>,
}

impl State for Parser {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for h in self.handlers.iter() {
            native::push_opt(out, h);
        }
        native::push_opt(out, &self.intern);
        native::push_opt(out, &self.parent);
    }
}

impl Drop for Parser {
    fn drop(&mut self) {
        // SAFETY: the parser is ours; it is freed before `parent` is released.
        unsafe { ffi::XML_ParserFree(self.p) };
    }
}

impl Parser {
    fn new(p: XML_Parser, intern: Option<Obj>) -> Parser {
        Parser {
            p,
            handlers: Default::default(),
            buffer: None,
            buffer_size: DEFAULT_BUFFER_SIZE,
            ordered_attributes: false,
            specified_attributes: false,
            ns_prefixes: false,
            in_callback: false,
            parsing: false,
            intern,
            parent: None,
        }
    }
}

/// The collector's clear drops the Python references only; expat's parser
/// and the parent link stay until dealloc, as a running parse may still
/// use them.
unsafe extern "C" fn parser_clear(p: *mut PyObject) -> c_int {
    let s = (*(p as *mut native::NativeObject<Parser>)).state;
    if !s.is_null() {
        let old: Vec<Option<Obj>> = (*s).handlers.iter_mut().map(|h| h.take()).collect();
        for i in 0..handlers::COUNT {
            handlers::install((*s).p, i, false);
        }
        let intern = (*s).intern.take();
        drop(old);
        drop(intern);
    }
    0
}

/// The state of an xmlparser, as a raw pointer: handlers called from
/// expat reach the same state while a method runs.
fn parser(o: &Obj) -> PyResult<*mut Parser> {
    match native::state::<Parser>(o) {
        Some(s) => Ok(s as *mut Parser),
        None => bail!(ValueError, "uninitialised xmlparser"),
    }
}

fn expat_error() -> Obj {
    ERROR.get().expect("pyexpat.ExpatError")
}

/// Raises ExpatError for `code` at the parser's current position, with
/// `code`, `lineno` and `offset` set.
fn set_error(p: XML_Parser, code: c_int) -> PyErr {
    // SAFETY: `p` is a live parser.
    let (line, col) = unsafe { (ffi::XML_GetCurrentLineNumber(p), ffi::XML_GetCurrentColumnNumber(p)) };
    let msg = format!("{}: line {}, column {}", errors::error_string(code as i64).unwrap_or_default(), line, col);
    let e = match krait_runtime::ops::call::call(&expat_error(), &[pystr::new(&msg)], None) {
        Ok(e) => e,
        Err(e) => return e,
    };
    for (name, v) in [("code", code as u64), ("offset", col as u64), ("lineno", line as u64)] {
        if let Err(e) = krait_runtime::ops::attr::setattr(&e, &pystr::new(name), &int::from_u64(v)) {
            return e;
        }
    }
    err::raise_value(e)
}

/// What Parse/ParseFile return: a pending exception from a handler first,
/// then expat's error, else the buffered text is flushed and 1 returned.
fn parse_result(s: *mut Parser, rc: c_int) -> PyResult<Obj> {
    if err::occurred() {
        return Err(PyErr::already_set());
    }
    // SAFETY: `s` is the live state of the parser being called.
    unsafe {
        if rc == 0 {
            return Err(set_error((*s).p, ffi::XML_GetErrorCode((*s).p)));
        }
        handlers::flush(s)?;
    }
    Ok(int::from_i64(rc as i64))
}

/// Runs `f` (one call into expat) with the re-entry guard set.
fn guarded(s: *mut Parser, f: impl FnOnce() -> c_int) -> PyResult<c_int> {
    // SAFETY: `s` is the live state; the flag is only touched here.
    unsafe {
        if (*s).parsing {
            bail!(RuntimeError, "cannot call Parse() or ParseFile() of a parser from one of its handlers");
        }
        (*s).parsing = true;
        let rc = f();
        (*s).parsing = false;
        Ok(rc)
    }
}

// ---------------------------------------------------------------------------
// xmlparser methods.

fn xml_parse(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("Parse", args, kw, &["data", "isfinal"], 2, 1, 2)?;
    let data = a[0].as_ref().unwrap();
    let isfinal = match &a[1] {
        Some(f) => c_int_arg(f)? != 0,
        None => false,
    };
    let s = parser(o)?;
    let p = unsafe { (*s).p };
    // A str is parsed as its UTF-8 encoding, whatever the document says.
    let (owned, view);
    let bytes: &[u8] = if pystr::is_str(data) {
        owned = krait_runtime::codecs::encode(data, "utf-8", None)?;
        // SAFETY: `p` is live; the result only says whether parsing started.
        unsafe { ffi::XML_SetEncoding(p, c"utf-8".as_ptr()) };
        &owned
    } else {
        view = Buffer::get(data, buffer::SIMPLE)?;
        view.as_slice()
    };
    let mut rest = bytes;
    let rc = guarded(s, || {
        // SAFETY: `rest` stays alive and unchanged for the calls; handlers
        // reach the parser through its user data only.
        unsafe {
            while rest.len() > MAX_CHUNK {
                let rc = ffi::XML_Parse(p, rest.as_ptr() as *const c_char, MAX_CHUNK as c_int, 0);
                if rc == 0 {
                    return rc;
                }
                rest = &rest[MAX_CHUNK..];
            }
            ffi::XML_Parse(p, rest.as_ptr() as *const c_char, rest.len() as c_int, isfinal as c_int)
        }
    })?;
    parse_result(s, rc)
}

fn xml_parse_file(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("ParseFile", args, kw, &["file"], 1, 1, 1)?;
    let file = a[0].as_ref().unwrap();
    let read = match krait_runtime::ops::attr::getattr_opt(file, &pystr::new("read"))? {
        Some(r) => r,
        None => bail!(TypeError, "argument must have 'read' attribute"),
    };
    let s = parser(o)?;
    let p = unsafe { (*s).p };
    let size = int::from_i64(READ_SIZE as i64);
    loop {
        let chunk = krait_runtime::ops::call::call(&read, &[size.clone()], None)?;
        let data: Vec<u8> = if bytes::is_bytes(&chunk) {
            bytes::as_slice(&chunk).to_vec()
        } else if bytearray::is_bytearray(&chunk) {
            bytearray::data(&chunk).to_vec()
        } else {
            bail!(TypeError, "read() did not return a bytes object (type={})", chunk.ty().name())
        };
        if data.len() > READ_SIZE {
            bail!(ValueError, "read() returned too much data: {} bytes requested, {} returned", READ_SIZE, data.len());
        }
        let n = data.len();
        let rc = guarded(s, || {
            // SAFETY: expat's buffer holds at least `n` bytes when not NULL.
            unsafe {
                let buf = ffi::XML_GetBuffer(p, READ_SIZE as c_int);
                if buf.is_null() {
                    return 0;
                }
                std::ptr::copy_nonoverlapping(data.as_ptr(), buf as *mut u8, n);
                ffi::XML_ParseBuffer(p, n as c_int, (n == 0) as c_int)
            }
        })?;
        if err::occurred() || rc == 0 || n == 0 {
            return parse_result(s, rc);
        }
    }
}

/// The "s" converter: a str without NUL characters, as a C string.
fn c_string(fname: &str, what: &str, o: &Obj, none_ok: bool) -> PyResult<Option<CString>> {
    if none_ok && none::is_none(o) {
        return Ok(None);
    }
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() {} must be str{}, not {}", fname, what, if none_ok { " or None" } else { "" }, o.ty().name());
    }
    let b = krait_runtime::codecs::encode(o, "utf-8", None)?;
    match CString::new(b) {
        Ok(c) => Ok(Some(c)),
        Err(_) => bail!(ValueError, "embedded null character"),
    }
}

fn xml_set_base(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("SetBase", args, kw, &["base"], 1, 1, 1)?;
    let base = c_string("SetBase", "argument", a[0].as_ref().unwrap(), false)?.unwrap();
    let s = parser(o)?;
    // SAFETY: expat copies the string.
    if unsafe { ffi::XML_SetBase((*s).p, base.as_ptr()) } == 0 {
        return Err(err::raise_empty(exceptions::MemoryError()));
    }
    Ok(none::none())
}

fn xml_get_base(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("GetBase", args, kw, &[], 0, 0, 0)?;
    let s = parser(o)?;
    // SAFETY: the base string is owned by the live parser.
    unsafe {
        let b = ffi::XML_GetBase((*s).p);
        if b.is_null() {
            return Ok(none::none());
        }
        handlers::utf8(CStr::from_ptr(b).to_bytes())
    }
}

fn xml_get_input_context(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("GetInputContext", args, kw, &[], 0, 0, 0)?;
    let s = parser(o)?;
    // SAFETY: the context is expat's input buffer, valid during a callback.
    unsafe {
        if !(*s).in_callback {
            return Ok(none::none());
        }
        let (mut offset, mut size) = (0 as c_int, 0 as c_int);
        let b = ffi::XML_GetInputContext((*s).p, &mut offset, &mut size);
        if b.is_null() || offset > size {
            return Ok(none::none());
        }
        let all = std::slice::from_raw_parts(b as *const u8, size as usize);
        Ok(bytes::new(&all[offset as usize..]))
    }
}

fn xml_external_entity_parser_create(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("ExternalEntityParserCreate", args, kw, &["context", "encoding"], 2, 1, 2)?;
    let fname = "ExternalEntityParserCreate";
    let context = c_string(fname, "argument 1", a[0].as_ref().unwrap(), true)?;
    let encoding = match &a[1] {
        Some(e) => c_string(fname, "argument 2", e, false)?,
        None => None,
    };
    let s = parser(o)?;
    // SAFETY: the parent parser is live and stays so through `parent`.
    unsafe {
        let child = ffi::XML_ExternalEntityParserCreate(
            (*s).p,
            context.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            encoding.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        );
        if child.is_null() {
            return Err(err::raise_empty(exceptions::MemoryError()));
        }
        let mut st = Parser::new(child, (*s).intern.clone());
        st.buffer_size = (*s).buffer_size;
        st.buffer = (*s).buffer.as_ref().map(|_| Vec::new());
        st.ordered_attributes = (*s).ordered_attributes;
        st.specified_attributes = (*s).specified_attributes;
        st.ns_prefixes = (*s).ns_prefixes;
        st.handlers = (*s).handlers.clone();
        st.parent = Some(o.clone());
        let obj = native::alloc(&raw mut PARSER_TYPE, st)?;
        let ns = parser(&obj)?;
        ffi::XML_SetUserData(child, ns as *mut _);
        for i in 0..handlers::COUNT {
            if (*ns).handlers[i].is_some() {
                handlers::install(child, i, true);
            }
        }
        Ok(obj)
    }
}

fn xml_set_param_entity_parsing(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("SetParamEntityParsing", args, kw, &["flag"], 1, 1, 1)?;
    let flag = c_int_arg(a[0].as_ref().unwrap())?;
    let s = parser(o)?;
    // SAFETY: live parser; expat validates the value.
    let r = unsafe { ffi::XML_SetParamEntityParsing((*s).p, flag) };
    Ok(int::from_i64(r as i64))
}

fn xml_use_foreign_dtd(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("UseForeignDTD", args, kw, &["flag"], 1, 0, 1)?;
    let flag = match &a[0] {
        Some(f) => krait_runtime::ops::truthy(f)?,
        None => true,
    };
    let s = parser(o)?;
    // SAFETY: live parser.
    let rc = unsafe { ffi::XML_UseForeignDTD((*s).p, flag as u8) };
    if rc != 0 {
        return Err(set_error(unsafe { (*s).p }, rc));
    }
    Ok(none::none())
}

/// `_PyLong_AsInt`, as these methods' clinic converters use it: an object
/// with __index__ that fits a C int.
fn c_int_arg(o: &Obj) -> PyResult<c_int> {
    if krait_runtime::types::float::is_float(o) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    match int::as_i64(&int::index(o)?).and_then(|x| c_int::try_from(x).ok()) {
        Some(x) => Ok(x),
        None => bail!(OverflowError, "Python int too large to convert to C int"),
    }
}

// ---------------------------------------------------------------------------
// xmlparser attributes.

fn no_delete(v: Option<&Obj>) -> PyResult<&Obj> {
    match v {
        Some(v) => Ok(v),
        None => bail!(RuntimeError, "Cannot delete attribute"),
    }
}

fn get_handler(o: &Obj, i: usize) -> PyResult<Obj> {
    let s = parser(o)?;
    Ok(unsafe { (*s).handlers[i].clone() }.unwrap_or_else(none::none))
}

/// Setting a handler installs expat's callback; None removes it. Buffered
/// text goes to the old CharacterDataHandler before it is replaced.
fn set_handler(o: &Obj, i: usize, v: Option<&Obj>) -> PyResult<()> {
    let v = no_delete(v)?;
    let s = parser(o)?;
    // SAFETY: the state is live; no borrow is held across Python code.
    unsafe {
        if i == handlers::CHARACTER_DATA {
            handlers::flush(s)?;
        }
        let new = if none::is_none(v) { None } else { Some(v.clone()) };
        let on = new.is_some();
        let old = std::mem::replace(&mut (*s).handlers[i], new);
        // Expat may still call the character data callback it is running
        // (it keeps the pointer in a local); that callback does nothing
        // without a Python handler, so it can stay installed.
        if on || !(i == handlers::CHARACTER_DATA && (*s).in_callback) {
            handlers::install((*s).p, i, on);
        }
        drop(old);
    }
    Ok(())
}

macro_rules! handler_attrs {
    ($($idx:ident => $get:ident, $set:ident;)*) => {
        $(
            fn $get(o: &Obj) -> PyResult<Obj> {
                get_handler(o, handlers::$idx)
            }
            fn $set(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
                set_handler(o, handlers::$idx, v)
            }
        )*
        /// The handler attributes, in handler-index order.
        fn handler_specs() -> Vec<GetSetSpec> {
            let specs = vec![$(($get as fn(&Obj) -> PyResult<Obj>, $set as fn(&Obj, Option<&Obj>) -> PyResult<()>)),*];
            specs.into_iter().enumerate().map(|(i, (g, s))| GetSetSpec::get_set(handlers::NAMES[i], g, s)).collect()
        }
    };
}

handler_attrs! {
    START_ELEMENT => get_h0, set_h0;
    END_ELEMENT => get_h1, set_h1;
    PROCESSING_INSTRUCTION => get_h2, set_h2;
    CHARACTER_DATA => get_h3, set_h3;
    UNPARSED_ENTITY_DECL => get_h4, set_h4;
    NOTATION_DECL => get_h5, set_h5;
    START_NAMESPACE_DECL => get_h6, set_h6;
    END_NAMESPACE_DECL => get_h7, set_h7;
    COMMENT => get_h8, set_h8;
    START_CDATA_SECTION => get_h9, set_h9;
    END_CDATA_SECTION => get_h10, set_h10;
    DEFAULT => get_h11, set_h11;
    DEFAULT_EXPAND => get_h12, set_h12;
    NOT_STANDALONE => get_h13, set_h13;
    EXTERNAL_ENTITY_REF => get_h14, set_h14;
    START_DOCTYPE_DECL => get_h15, set_h15;
    END_DOCTYPE_DECL => get_h16, set_h16;
    ENTITY_DECL => get_h17, set_h17;
    XML_DECL => get_h18, set_h18;
    ELEMENT_DECL => get_h19, set_h19;
    ATTLIST_DECL => get_h20, set_h20;
    SKIPPED_ENTITY => get_h21, set_h21;
}

fn get_buffer_text(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(unsafe { (*parser(o)?).buffer.is_some() }))
}

fn set_buffer_text(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let on = krait_runtime::ops::truthy(no_delete(v)?)?;
    let s = parser(o)?;
    unsafe {
        if on {
            if (*s).buffer.is_none() {
                (*s).buffer = Some(Vec::new());
            }
        } else if (*s).buffer.is_some() {
            handlers::flush(s)?;
            (*s).buffer = None;
        }
    }
    Ok(())
}

fn get_buffer_size(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_u64(unsafe { (*parser(o)?).buffer_size } as u64))
}

/// A new size flushes the buffered text and turns buffering on.
fn set_buffer_size(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = no_delete(v)?;
    if !int::is_int(v) {
        bail!(TypeError, "buffer_size must be an integer");
    }
    let n = match int::as_i64(v) {
        Some(n) => n,
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    };
    if n <= 0 {
        bail!(ValueError, "buffer_size must be greater than zero");
    }
    let s = parser(o)?;
    unsafe {
        if n as usize == (*s).buffer_size {
            return Ok(());
        }
        if n > i32::MAX as i64 {
            bail!(ValueError, "buffer_size must not be greater than {}", i32::MAX);
        }
        if (*s).buffer.is_some() {
            handlers::flush(s)?;
        }
        (*s).buffer = Some(Vec::new());
        (*s).buffer_size = n as usize;
    }
    Ok(())
}

fn get_buffer_used(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_u64(unsafe { (*parser(o)?).buffer.as_ref().map_or(0, |b| b.len()) } as u64))
}

fn get_namespace_prefixes(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(unsafe { (*parser(o)?).ns_prefixes }))
}

fn set_namespace_prefixes(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let on = krait_runtime::ops::truthy(no_delete(v)?)?;
    let s = parser(o)?;
    unsafe {
        (*s).ns_prefixes = on;
        ffi::XML_SetReturnNSTriplet((*s).p, on as c_int);
    }
    Ok(())
}

fn get_ordered_attributes(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(unsafe { (*parser(o)?).ordered_attributes }))
}

fn set_ordered_attributes(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let on = krait_runtime::ops::truthy(no_delete(v)?)?;
    unsafe { (*parser(o)?).ordered_attributes = on };
    Ok(())
}

fn get_specified_attributes(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(unsafe { (*parser(o)?).specified_attributes }))
}

fn set_specified_attributes(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let on = krait_runtime::ops::truthy(no_delete(v)?)?;
    unsafe { (*parser(o)?).specified_attributes = on };
    Ok(())
}

fn get_intern(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { (*parser(o)?).intern.clone() }.unwrap_or_else(none::none))
}

macro_rules! position_getters {
    ($($name:ident => $f:ident as $t:ty;)*) => {
        $(
            fn $name(o: &Obj) -> PyResult<Obj> {
                // SAFETY: live parser.
                let v = unsafe { ffi::$f((*parser(o)?).p) };
                Ok(int::from_i64(v as $t as i64))
            }
        )*
    };
}

position_getters! {
    get_error_code => XML_GetErrorCode as i64;
    get_current_line => XML_GetCurrentLineNumber as u64;
    get_current_column => XML_GetCurrentColumnNumber as u64;
    get_current_byte_index => XML_GetCurrentByteIndex as i64;
}

// ---------------------------------------------------------------------------
// Module functions.

fn parser_create(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("ParserCreate", args, kw, &["encoding", "namespace_separator", "intern"], 0, 0, 3)?;
    let encoding = match &a[0] {
        Some(e) => arg_str_or_none("encoding", e)?,
        None => None,
    };
    let sep = match &a[1] {
        Some(e) => arg_str_or_none("namespace_separator", e)?,
        None => None,
    };
    if sep.as_ref().is_some_and(|s| s.as_bytes().len() > 1) {
        bail!(ValueError, "namespace_separator must be at most one character, omitted, or None");
    }
    let intern = match &a[2] {
        None => Some(dict::new()),
        Some(i) if none::is_none(i) => None,
        Some(i) if dict::is_dict(i) => Some(i.clone()),
        Some(_) => bail!(TypeError, "intern must be a dictionary"),
    };
    let enc = encoding.as_ref().map_or(std::ptr::null(), |e| e.as_ptr());
    // SAFETY: expat copies the encoding name.
    let p = unsafe {
        match &sep {
            Some(s) => ffi::XML_ParserCreateNS(enc, s.as_bytes().first().copied().unwrap_or(0) as c_char),
            None => ffi::XML_ParserCreate(enc),
        }
    };
    if p.is_null() {
        return Err(err::raise_empty(exceptions::MemoryError()));
    }
    let obj = native::alloc(&raw mut PARSER_TYPE, Parser::new(p, intern))?;
    let s = parser(&obj)?;
    // SAFETY: the state is boxed and lives as long as the parser.
    unsafe {
        ffi::XML_SetUserData(p, s as *mut _);
        ffi::XML_SetUnknownEncodingHandler(p, Some(handlers::unknown_encoding), std::ptr::null_mut());
        // CPython's salt, so expat's hash order (the namespace context given
        // to ExternalEntityRefHandler) follows PYTHONHASHSEED the same way.
        ffi::XML_SetHashSalt(p, krait_runtime::hash::expat_salt() as std::os::raw::c_ulong);
    }
    Ok(obj)
}

/// ParserCreate's "z" arguments: str (no NUL) or None.
fn arg_str_or_none(name: &str, o: &Obj) -> PyResult<Option<CString>> {
    if none::is_none(o) {
        return Ok(None);
    }
    if !pystr::is_str(o) {
        bail!(TypeError, "ParserCreate() argument '{}' must be str or None, not {}", name, o.ty().name());
    }
    c_string("ParserCreate", name, o, false)
}

fn error_string(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("ErrorString", args, kw, &["code"], 1, 1, 1)?;
    let code = a[0].as_ref().unwrap();
    if krait_runtime::types::float::is_float(code) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let code = match int::as_i64(&int::index(code)?) {
        Some(c) => c,
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    };
    Ok(match errors::error_string(code) {
        Some(s) => pystr::new(&s),
        None => none::none(),
    })
}

const FUNCTIONS: &[MethodSpec] = &[
    method("ParserCreate", parser_create).with_doc(
        "ParserCreate($module, /, encoding=None, namespace_separator=None,\n             intern=<unrepresentable>)\n--\n\nReturn a new XML parser object.",
    ),
    method("ErrorString", error_string)
        .with_doc("ErrorString($module, code, /)\n--\n\nReturns string error for given number."),
];

fn init_type() -> PyResult<()> {
    // SAFETY: the static type is set up once, under the GIL.
    unsafe {
        let t = &raw mut PARSER_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        // Not subclassable and not creatable from Python, as in CPython.
        native::init_type::<Parser>(t, "pyexpat.xmlparser", false);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_clear = Some(parser_clear);
        (*t).tp_doc = krait_runtime::types::builtin_func::cstr("XML parser");
        (*t).tp_methods = method_table(&[
            method("Parse", xml_parse).with_doc(
                "Parse($self, data, isfinal=False, /)\n--\n\nParse XML data.\n\n`isfinal' should be true at end of input.",
            ),
            method("ParseFile", xml_parse_file)
                .with_doc("ParseFile($self, file, /)\n--\n\nParse XML data from file-like object."),
            method("SetBase", xml_set_base)
                .with_doc("SetBase($self, base, /)\n--\n\nSet the base URL for the parser."),
            method("GetBase", xml_get_base).with_doc("GetBase($self, /)\n--\n\nReturn base URL string for the parser."),
            method("GetInputContext", xml_get_input_context).with_doc(
                "GetInputContext($self, /)\n--\n\nReturn the untranslated text of the input that caused the current event.\n\nIf the event was generated by a large amount of text (such as a start tag\nfor an element with many attributes), not all of the text may be available.",
            ),
            method("ExternalEntityParserCreate", xml_external_entity_parser_create).with_doc(
                "ExternalEntityParserCreate($self, context, encoding=<unrepresentable>,\n                           /)\n--\n\nCreate a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler.",
            ),
            method("SetParamEntityParsing", xml_set_param_entity_parsing).with_doc(
                "SetParamEntityParsing($self, flag, /)\n--\n\nControls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values are XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\nXML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful.",
            ),
            method("UseForeignDTD", xml_use_foreign_dtd).with_doc(
                "UseForeignDTD($self, flag=True, /)\n--\n\nAllows the application to provide an artificial external subset if one is not specified as part of the document instance.\n\nThis readily allows the use of a 'default' document type controlled by the\napplication, while still getting the advantage of providing document type\ninformation to the parser. 'flag' defaults to True if not provided.",
            ),
        ]);
        let mut specs = handler_specs();
        specs.extend([
            GetSetSpec::get_set("buffer_text", get_buffer_text, set_buffer_text),
            GetSetSpec::get_set("buffer_size", get_buffer_size, set_buffer_size),
            GetSetSpec::get("buffer_used", get_buffer_used),
            GetSetSpec::get_set("namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes),
            GetSetSpec::get_set("ordered_attributes", get_ordered_attributes, set_ordered_attributes),
            GetSetSpec::get_set("specified_attributes", get_specified_attributes, set_specified_attributes),
            GetSetSpec::get("intern", get_intern),
            GetSetSpec::get("ErrorCode", get_error_code),
            GetSetSpec::get("ErrorLineNumber", get_current_line),
            GetSetSpec::get("ErrorColumnNumber", get_current_column),
            GetSetSpec::get("ErrorByteIndex", get_current_byte_index),
            GetSetSpec::get("CurrentLineNumber", get_current_line),
            GetSetSpec::get("CurrentColumnNumber", get_current_column),
            GetSetSpec::get("CurrentByteIndex", get_current_byte_index),
        ]);
        (*t).tp_getset = getset_table(&specs);
        native::ready(t)?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_type()?;
    let m = module::new("pyexpat")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Python wrapper for Expat parser."))?;
    add_functions(&d, &m, FUNCTIONS)?;
    let error = ERROR.get_or_init(|| crate::new_exception_type("xml.parsers.expat.ExpatError", exceptions::Exception()))?;
    dict::set_item_str(&d, "ExpatError", &error)?;
    dict::set_item_str(&d, "error", &error)?;
    dict::set_item_str(&d, "XMLParserType", &type_::type_obj(&raw mut PARSER_TYPE))?;
    // SAFETY: static strings and a static, NUL-terminated feature list.
    unsafe {
        let v = CStr::from_ptr(ffi::XML_ExpatVersion()).to_string_lossy().into_owned();
        dict::set_item_str(&d, "EXPAT_VERSION", &pystr::new(&v))?;
        let vi = ffi::XML_ExpatVersionInfo();
        let info = tuple::new(&[int::from_i64(vi.major as i64), int::from_i64(vi.minor as i64), int::from_i64(vi.micro as i64)]);
        dict::set_item_str(&d, "version_info", &info)?;
        let features = list::new();
        let mut f = ffi::XML_GetFeatureList();
        while !f.is_null() && (*f).feature != 0 {
            let name = CStr::from_ptr((*f).name).to_string_lossy().into_owned();
            list::append(&features, tuple::new(&[pystr::new(&name), int::from_i64((*f).value as i64)]));
            f = f.add(1);
        }
        dict::set_item_str(&d, "features", &features)?;
    }
    // XML_Char is char: expat's output is UTF-8.
    dict::set_item_str(&d, "native_encoding", &pystr::new("UTF-8"))?;
    for (n, v) in [
        ("XML_PARAM_ENTITY_PARSING_NEVER", 0),
        ("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", 1),
        ("XML_PARAM_ENTITY_PARSING_ALWAYS", 2),
    ] {
        dict::set_item_str(&d, n, &int::from_i64(v))?;
    }
    // The submodules are importable by their dotted names, as in CPython.
    let sys_modules = krait_runtime::interp::modules();
    let errors_mod = errors::create_errors()?;
    let model_mod = errors::create_model()?;
    dict::set_item_str(&d, "errors", &errors_mod)?;
    dict::set_item_str(&d, "model", &model_mod)?;
    dict::set_item_str(&sys_modules, "pyexpat.errors", &errors_mod)?;
    dict::set_item_str(&sys_modules, "pyexpat.model", &model_mod)?;
    Ok(m)
}
