//! The C callbacks expat calls, one per handler attribute: each converts
//! expat's UTF-8 arguments to Python objects and calls the Python handler.
//!
//! Rules shared by all of them, as CPython's: nothing is called once an
//! exception is pending; text held by `buffer_text` is flushed to
//! CharacterDataHandler before any other handler that is set runs; an
//! exception from a handler stops the parser, drops every handler, and gets
//! a traceback entry naming the callback (as CPython's `pyexpat.c` frame).
//!
//! Expat's user data pointer is the parser's boxed `Parser` state, which
//! lives as long as the Python object (only dealloc frees it, and the
//! object is referenced by the running `Parse` call). The state is reached
//! through the raw pointer and no Rust borrow of it is held across a call
//! into Python, which may read or change the same parser.

use super::ffi::{self, XML_Content, XML_Encoding, XML_Parser};
use super::Parser;
use krait_runtime::errors::{self, PyErr};
use krait_runtime::types::{dict, exceptions, int, list, none, str as pystr, tuple};
use krait_runtime::{Obj, PyResult};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};

pub(super) const START_ELEMENT: usize = 0;
pub(super) const END_ELEMENT: usize = 1;
pub(super) const PROCESSING_INSTRUCTION: usize = 2;
pub(super) const CHARACTER_DATA: usize = 3;
pub(super) const UNPARSED_ENTITY_DECL: usize = 4;
pub(super) const NOTATION_DECL: usize = 5;
pub(super) const START_NAMESPACE_DECL: usize = 6;
pub(super) const END_NAMESPACE_DECL: usize = 7;
pub(super) const COMMENT: usize = 8;
pub(super) const START_CDATA_SECTION: usize = 9;
pub(super) const END_CDATA_SECTION: usize = 10;
pub(super) const DEFAULT: usize = 11;
pub(super) const DEFAULT_EXPAND: usize = 12;
pub(super) const NOT_STANDALONE: usize = 13;
pub(super) const EXTERNAL_ENTITY_REF: usize = 14;
pub(super) const START_DOCTYPE_DECL: usize = 15;
pub(super) const END_DOCTYPE_DECL: usize = 16;
pub(super) const ENTITY_DECL: usize = 17;
pub(super) const XML_DECL: usize = 18;
pub(super) const ELEMENT_DECL: usize = 19;
pub(super) const ATTLIST_DECL: usize = 20;
pub(super) const SKIPPED_ENTITY: usize = 21;
pub(super) const COUNT: usize = 22;

/// The attribute names, by handler index.
pub(super) const NAMES: [&str; COUNT] = [
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

/// The callback's name in the traceback entry added for a failing handler
/// (CPython's names: the attribute without "Handler").
fn frame_name(i: usize) -> &'static str {
    let n = NAMES[i];
    n.strip_suffix("Handler").unwrap_or(n)
}

/// Installs (or removes) expat's callback for handler `i`.
///
/// # Safety
/// `p` must be a live parser whose user data is its `Parser` state.
pub(super) unsafe fn install(p: XML_Parser, i: usize, on: bool) {
    macro_rules! set {
        ($setter:ident, $cb:expr) => {
            ffi::$setter(p, if on { Some($cb) } else { None })
        };
    }
    match i {
        START_ELEMENT => set!(XML_SetStartElementHandler, start_element),
        END_ELEMENT => set!(XML_SetEndElementHandler, end_element),
        PROCESSING_INSTRUCTION => set!(XML_SetProcessingInstructionHandler, processing_instruction),
        CHARACTER_DATA => set!(XML_SetCharacterDataHandler, character_data),
        UNPARSED_ENTITY_DECL => set!(XML_SetUnparsedEntityDeclHandler, unparsed_entity_decl),
        NOTATION_DECL => set!(XML_SetNotationDeclHandler, notation_decl),
        START_NAMESPACE_DECL => set!(XML_SetStartNamespaceDeclHandler, start_namespace_decl),
        END_NAMESPACE_DECL => set!(XML_SetEndNamespaceDeclHandler, end_namespace_decl),
        COMMENT => set!(XML_SetCommentHandler, comment),
        START_CDATA_SECTION => set!(XML_SetStartCdataSectionHandler, start_cdata_section),
        END_CDATA_SECTION => set!(XML_SetEndCdataSectionHandler, end_cdata_section),
        DEFAULT => set!(XML_SetDefaultHandler, default),
        DEFAULT_EXPAND => set!(XML_SetDefaultHandlerExpand, default_expand),
        NOT_STANDALONE => set!(XML_SetNotStandaloneHandler, not_standalone),
        EXTERNAL_ENTITY_REF => set!(XML_SetExternalEntityRefHandler, external_entity_ref),
        START_DOCTYPE_DECL => set!(XML_SetStartDoctypeDeclHandler, start_doctype_decl),
        END_DOCTYPE_DECL => set!(XML_SetEndDoctypeDeclHandler, end_doctype_decl),
        ENTITY_DECL => set!(XML_SetEntityDeclHandler, entity_decl),
        XML_DECL => set!(XML_SetXmlDeclHandler, xml_decl),
        ELEMENT_DECL => set!(XML_SetElementDeclHandler, element_decl),
        ATTLIST_DECL => set!(XML_SetAttlistDeclHandler, attlist_decl),
        SKIPPED_ENTITY => set!(XML_SetSkippedEntityHandler, skipped_entity),
        _ => unreachable!("handler index"),
    }
}

// ---------------------------------------------------------------------------
// Conversions.

/// Expat's UTF-8 as a str (decoded strictly, as CPython does, though expat
/// only hands out valid UTF-8).
pub(super) fn utf8(b: &[u8]) -> PyResult<Obj> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(pystr::new(s)),
        Err(_) => krait_runtime::codecs::decode(b, "utf-8", None),
    }
}

/// A NUL-terminated string, None for NULL.
unsafe fn utf8z(p: *const c_char) -> PyResult<Obj> {
    if p.is_null() {
        return Ok(none::none());
    }
    utf8(CStr::from_ptr(p).to_bytes())
}

unsafe fn utf8_len(p: *const c_char, n: c_int) -> PyResult<Obj> {
    if p.is_null() {
        return Ok(none::none());
    }
    utf8(std::slice::from_raw_parts(p as *const u8, n.max(0) as usize))
}

/// A name through the parser's `intern` dict: equal names come back as
/// the same object.
unsafe fn intern(s: *mut Parser, p: *const c_char) -> PyResult<Obj> {
    let v = utf8z(p)?;
    if p.is_null() {
        return Ok(v);
    }
    let d = match &(*s).intern {
        Some(d) => d.clone(),
        None => return Ok(v),
    };
    if let Some(x) = dict::get_item(&d, &v)? {
        return Ok(x);
    }
    dict::set_item(&d, &v, &v)?;
    Ok(v)
}

/// An element declaration's content model as nested tuples
/// (type, quantifier, name, children).
unsafe fn model(m: *const XML_Content) -> PyResult<Obj> {
    let m = &*m;
    let mut kids = Vec::with_capacity(m.numchildren as usize);
    for i in 0..m.numchildren as usize {
        kids.push(model(m.children.add(i))?);
    }
    Ok(tuple::new(&[int::from_i64(m.type_ as i64), int::from_i64(m.quant as i64), utf8z(m.name)?, tuple::new(&kids)]))
}

// ---------------------------------------------------------------------------
// Calling handlers.

/// After a handler failed: no more Python handlers for this parser, and
/// external entity references now fail, as CPython does.
pub(super) unsafe fn flag_error(s: *mut Parser) {
    let p = (*s).p;
    let mut old = Vec::with_capacity(COUNT);
    for i in 0..COUNT {
        old.push((*s).handlers[i].take());
        install(p, i, false);
    }
    ffi::XML_SetExternalEntityRefHandler(p, Some(error_external_entity_ref));
    // Dropped last: a handler's finalizer may run Python code.
    drop(old);
}

/// Adds an entry for the callback `name` to the pending exception's
/// traceback, between the caller of Parse and the handler's own frames:
/// a frame of an empty code object named after the callback in
/// "pyexpat.c", as CPython's `_PyTraceback_Add` makes.
fn add_traceback_entry(name: &str) {
    let Some(exc) = errors::fetch() else { return };
    let r = (|| -> PyResult<()> {
        let builtins = krait_runtime::interp::builtins_dict();
        let Some(compile) = dict::get_item_str(&builtins, "compile")? else { return Ok(()) };
        let file = pystr::new("pyexpat.c");
        let code = krait_runtime::ops::call::call(&compile, &[pystr::new(""), file, pystr::new("exec")], None)?;
        let replace = krait_runtime::ops::attr::getattr_str(&code, "replace")?;
        let kw = tuple::new(&[pystr::new("co_name")]);
        let code = krait_runtime::ops::call::call(&replace, &[pystr::new(name)], Some(&kw))?;
        let frame = krait_runtime::eval::frame::new(&code, &dict::new(), &builtins, None, None);
        let tb = krait_runtime::types::traceback::new(exceptions::get_traceback(&exc), &frame, 0, 0);
        exceptions::set_traceback(&exc, Some(tb));
        Ok(())
    })();
    if r.is_err() {
        errors::clear();
    }
    let _ = errors::restore(exc);
}

/// Calls handler `h` (index `i`) with `args`; None when it raised, after
/// stopping the parser.
unsafe fn call(s: *mut Parser, i: usize, h: &Obj, args: &[Obj]) -> Option<Obj> {
    (*s).in_callback = true;
    let r = krait_runtime::ops::call::call(h, args, None);
    (*s).in_callback = false;
    match r {
        Ok(v) => Some(v),
        Err(_) => {
            add_traceback_entry(frame_name(i));
            ffi::XML_StopParser((*s).p, 0);
            flag_error(s);
            None
        }
    }
}

/// Handler `i` with arguments from `args`, after flushing buffered text;
/// None when it is not set, an exception is pending, or it raised.
unsafe fn dispatch(s: *mut Parser, i: usize, args: impl FnOnce() -> PyResult<Vec<Obj>>) -> Option<Obj> {
    if errors::occurred() {
        return None;
    }
    if (*s).handlers[i].is_none() {
        return None;
    }
    if flush(s).is_err() {
        return None;
    }
    // Flushing ran Python code, which may have removed the handler.
    let h = (*s).handlers[i].clone()?;
    match args() {
        Ok(a) => call(s, i, &h, &a),
        Err(_) => {
            ffi::XML_StopParser((*s).p, 0);
            flag_error(s);
            None
        }
    }
}

/// Calls CharacterDataHandler with `data`; Err when it raised.
unsafe fn call_character_data(s: *mut Parser, data: &[u8]) -> PyResult<()> {
    let Some(h) = (*s).handlers[CHARACTER_DATA].clone() else { return Ok(()) };
    let text = match utf8(data) {
        Ok(t) => t,
        Err(e) => {
            ffi::XML_StopParser((*s).p, 0);
            flag_error(s);
            return Err(e);
        }
    };
    match call(s, CHARACTER_DATA, &h, &[text]) {
        Some(_) => Ok(()),
        None => Err(PyErr::already_set()),
    }
}

/// Hands the text held by `buffer_text` to CharacterDataHandler.
pub(super) unsafe fn flush(s: *mut Parser) -> PyResult<()> {
    let data = match &mut (*s).buffer {
        Some(b) if !b.is_empty() => {
            let d = b.clone();
            b.clear();
            d
        }
        _ => return Ok(()),
    };
    call_character_data(s, &data)
}

// ---------------------------------------------------------------------------
// The callbacks. `ud` is always the parser's `Parser` state.

unsafe extern "C" fn start_element(ud: *mut c_void, name: *const c_char, atts: *mut *const c_char) {
    let s = ud as *mut Parser;
    dispatch(s, START_ELEMENT, || {
        let n = intern(s, name)?;
        let count = if (*s).specified_attributes {
            ffi::XML_GetSpecifiedAttributeCount((*s).p).max(0) as usize
        } else {
            let mut k = 0;
            while !(*atts.add(k)).is_null() {
                k += 2;
            }
            k
        };
        let ordered = (*s).ordered_attributes;
        let container = if ordered { list::new() } else { dict::new() };
        let mut k = 0;
        while k < count {
            let key = intern(s, *atts.add(k))?;
            let value = utf8z(*atts.add(k + 1))?;
            if ordered {
                list::append(&container, key);
                list::append(&container, value);
            } else {
                dict::set_item(&container, &key, &value)?;
            }
            k += 2;
        }
        Ok(vec![n, container])
    });
}

unsafe extern "C" fn end_element(ud: *mut c_void, name: *const c_char) {
    let s = ud as *mut Parser;
    dispatch(s, END_ELEMENT, || Ok(vec![intern(s, name)?]));
}

unsafe extern "C" fn processing_instruction(ud: *mut c_void, target: *const c_char, data: *const c_char) {
    let s = ud as *mut Parser;
    dispatch(s, PROCESSING_INSTRUCTION, || Ok(vec![intern(s, target)?, utf8z(data)?]));
}

/// Text goes to the buffer when `buffer_text` is on (flushed when full or
/// before another handler), directly to the handler otherwise or when it
/// is larger than the buffer.
unsafe extern "C" fn character_data(ud: *mut c_void, data: *const c_char, len: c_int) {
    let s = ud as *mut Parser;
    if errors::occurred() || (*s).handlers[CHARACTER_DATA].is_none() {
        return;
    }
    let bytes = std::slice::from_raw_parts(data as *const u8, len.max(0) as usize);
    let used = match &(*s).buffer {
        None => {
            let _ = call_character_data(s, bytes);
            return;
        }
        Some(b) => b.len(),
    };
    if used + bytes.len() > (*s).buffer_size {
        if flush(s).is_err() || (*s).handlers[CHARACTER_DATA].is_none() {
            return;
        }
    }
    let size = (*s).buffer_size;
    match &mut (*s).buffer {
        Some(b) if bytes.len() <= size => b.extend_from_slice(bytes),
        _ => {
            let _ = call_character_data(s, bytes);
        }
    }
}

unsafe extern "C" fn unparsed_entity_decl(
    ud: *mut c_void,
    entity_name: *const c_char,
    base: *const c_char,
    system_id: *const c_char,
    public_id: *const c_char,
    notation_name: *const c_char,
) {
    let s = ud as *mut Parser;
    dispatch(s, UNPARSED_ENTITY_DECL, || {
        Ok(vec![
            intern(s, entity_name)?,
            intern(s, base)?,
            intern(s, system_id)?,
            intern(s, public_id)?,
            intern(s, notation_name)?,
        ])
    });
}

unsafe extern "C" fn notation_decl(
    ud: *mut c_void,
    notation_name: *const c_char,
    base: *const c_char,
    system_id: *const c_char,
    public_id: *const c_char,
) {
    let s = ud as *mut Parser;
    dispatch(s, NOTATION_DECL, || {
        Ok(vec![intern(s, notation_name)?, intern(s, base)?, intern(s, system_id)?, intern(s, public_id)?])
    });
}

unsafe extern "C" fn start_namespace_decl(ud: *mut c_void, prefix: *const c_char, uri: *const c_char) {
    let s = ud as *mut Parser;
    dispatch(s, START_NAMESPACE_DECL, || Ok(vec![intern(s, prefix)?, intern(s, uri)?]));
}

unsafe extern "C" fn end_namespace_decl(ud: *mut c_void, prefix: *const c_char) {
    let s = ud as *mut Parser;
    dispatch(s, END_NAMESPACE_DECL, || Ok(vec![intern(s, prefix)?]));
}

unsafe extern "C" fn comment(ud: *mut c_void, data: *const c_char) {
    let s = ud as *mut Parser;
    dispatch(s, COMMENT, || Ok(vec![utf8z(data)?]));
}

unsafe extern "C" fn start_cdata_section(ud: *mut c_void) {
    dispatch(ud as *mut Parser, START_CDATA_SECTION, || Ok(vec![]));
}

unsafe extern "C" fn end_cdata_section(ud: *mut c_void) {
    dispatch(ud as *mut Parser, END_CDATA_SECTION, || Ok(vec![]));
}

unsafe extern "C" fn default(ud: *mut c_void, data: *const c_char, len: c_int) {
    dispatch(ud as *mut Parser, DEFAULT, || Ok(vec![utf8_len(data, len)?]));
}

unsafe extern "C" fn default_expand(ud: *mut c_void, data: *const c_char, len: c_int) {
    dispatch(ud as *mut Parser, DEFAULT_EXPAND, || Ok(vec![utf8_len(data, len)?]));
}

/// The handler's result as a C int for expat; a result that is not an int
/// raises (and then stops the parser), as PyLong_AsLong would.
unsafe fn int_result(s: *mut Parser, r: Option<Obj>) -> c_int {
    let Some(v) = r else { return 0 };
    match int::index(&v) {
        Ok(i) => int::as_i64(&i).map(|x| x as c_int).unwrap_or(-1),
        Err(_) => {
            ffi::XML_StopParser((*s).p, 0);
            flag_error(s);
            0
        }
    }
}

unsafe extern "C" fn not_standalone(ud: *mut c_void) -> c_int {
    let s = ud as *mut Parser;
    let r = dispatch(s, NOT_STANDALONE, || Ok(vec![]));
    int_result(s, r)
}

unsafe extern "C" fn external_entity_ref(
    parser: XML_Parser,
    context: *const c_char,
    base: *const c_char,
    system_id: *const c_char,
    public_id: *const c_char,
) -> c_int {
    let s = ffi::get_user_data(parser) as *mut Parser;
    let r = dispatch(s, EXTERNAL_ENTITY_REF, || {
        Ok(vec![intern(s, context)?, intern(s, base)?, intern(s, system_id)?, intern(s, public_id)?])
    });
    int_result(s, r)
}

/// Installed once a handler failed: every external entity reference is an
/// error, so parsing stops.
unsafe extern "C" fn error_external_entity_ref(
    _parser: XML_Parser,
    _context: *const c_char,
    _base: *const c_char,
    _system_id: *const c_char,
    _public_id: *const c_char,
) -> c_int {
    ffi::XML_STATUS_ERROR
}

unsafe extern "C" fn start_doctype_decl(
    ud: *mut c_void,
    name: *const c_char,
    sysid: *const c_char,
    pubid: *const c_char,
    has_internal_subset: c_int,
) {
    let s = ud as *mut Parser;
    dispatch(s, START_DOCTYPE_DECL, || {
        Ok(vec![intern(s, name)?, intern(s, sysid)?, intern(s, pubid)?, int::from_i64(has_internal_subset as i64)])
    });
}

unsafe extern "C" fn end_doctype_decl(ud: *mut c_void) {
    dispatch(ud as *mut Parser, END_DOCTYPE_DECL, || Ok(vec![]));
}

#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn entity_decl(
    ud: *mut c_void,
    entity_name: *const c_char,
    is_parameter_entity: c_int,
    value: *const c_char,
    value_length: c_int,
    base: *const c_char,
    system_id: *const c_char,
    public_id: *const c_char,
    notation_name: *const c_char,
) {
    let s = ud as *mut Parser;
    dispatch(s, ENTITY_DECL, || {
        Ok(vec![
            intern(s, entity_name)?,
            int::from_i64(is_parameter_entity as i64),
            utf8_len(value, value_length)?,
            intern(s, base)?,
            intern(s, system_id)?,
            intern(s, public_id)?,
            intern(s, notation_name)?,
        ])
    });
}

unsafe extern "C" fn xml_decl(ud: *mut c_void, version: *const c_char, encoding: *const c_char, standalone: c_int) {
    dispatch(ud as *mut Parser, XML_DECL, || {
        Ok(vec![utf8z(version)?, utf8z(encoding)?, int::from_i64(standalone as i64)])
    });
}

/// Expat hands over the model, which must be freed whether or not a
/// handler ran.
unsafe extern "C" fn element_decl(ud: *mut c_void, name: *const c_char, m: *mut XML_Content) {
    let s = ud as *mut Parser;
    dispatch(s, ELEMENT_DECL, || Ok(vec![intern(s, name)?, model(m)?]));
    ffi::XML_FreeContentModel((*s).p, m);
}

unsafe extern "C" fn attlist_decl(
    ud: *mut c_void,
    elname: *const c_char,
    attname: *const c_char,
    att_type: *const c_char,
    dflt: *const c_char,
    isrequired: c_int,
) {
    let s = ud as *mut Parser;
    dispatch(s, ATTLIST_DECL, || {
        Ok(vec![intern(s, elname)?, intern(s, attname)?, utf8z(att_type)?, utf8z(dflt)?, int::from_i64(isrequired as i64)])
    });
}

unsafe extern "C" fn skipped_entity(ud: *mut c_void, entity_name: *const c_char, is_parameter_entity: c_int) {
    let s = ud as *mut Parser;
    dispatch(s, SKIPPED_ENTITY, || Ok(vec![intern(s, entity_name)?, int::from_i64(is_parameter_entity as i64)]));
}

/// Encodings expat does not know: single-byte ones are mapped through the
/// Python codec of that name (bytes it cannot decode are invalid in the
/// document); multi-byte ones are refused.
pub(super) unsafe extern "C" fn unknown_encoding(_data: *mut c_void, name: *const c_char, info: *mut XML_Encoding) -> c_int {
    if errors::occurred() {
        return ffi::XML_STATUS_ERROR;
    }
    let name = CStr::from_ptr(name).to_string_lossy().into_owned();
    let all: Vec<u8> = (0..=255u8).collect();
    let u = match krait_runtime::codecs::decode(&all, &name, Some("replace")) {
        Ok(u) => u,
        Err(_) => return ffi::XML_STATUS_ERROR,
    };
    if !pystr::is_str(&u) || pystr::len(&u) != 256 {
        let _ = errors::raise(exceptions::ValueError(), "multi-byte encodings are not supported");
        return ffi::XML_STATUS_ERROR;
    }
    let info = &mut *info;
    for i in 0..256 {
        let c = pystr::char_at(&u, i);
        info.map[i] = if c == 0xFFFD { -1 } else { c as c_int };
    }
    info.data = std::ptr::null_mut();
    info.convert = None;
    info.release = None;
    ffi::XML_STATUS_OK
}
