//! The `pyexpat.errors` and `pyexpat.model` submodules: expat's error
//! codes by name (each name bound to expat's own message), the `codes`
//! (message → code) and `messages` (code → message) dicts, and the content
//! model constants ElementDeclHandler's models are read with.

use super::ffi;
use krait_runtime::types::{dict, int, module, str as pystr};
use krait_runtime::{Obj, PyResult};
use std::ffi::CStr;

/// expat.h's `enum XML_Error` names from code 1 on, in code order.
const ERROR_NAMES: &[&str] = &[
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
];

/// expat's message for `code`, None for codes it does not know.
pub(super) fn error_string(code: i64) -> Option<String> {
    let c = i32::try_from(code).ok()?;
    // SAFETY: XML_ErrorString returns a static string or NULL.
    let p = unsafe { ffi::XML_ErrorString(c) };
    if p.is_null() {
        return None;
    }
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

pub(super) fn create_errors() -> PyResult<Obj> {
    let m = module::new("pyexpat.errors")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Constants used to describe error conditions."))?;
    let codes = dict::new();
    let messages = dict::new();
    for (i, name) in ERROR_NAMES.iter().enumerate() {
        let code = i as i64 + 1;
        let msg = match error_string(code) {
            Some(s) => pystr::new(&s),
            None => continue,
        };
        let c = int::from_i64(code);
        dict::set_item_str(&d, name, &msg)?;
        dict::set_item(&codes, &msg, &c)?;
        dict::set_item(&messages, &c, &msg)?;
    }
    dict::set_item_str(&d, "codes", &codes)?;
    dict::set_item_str(&d, "messages", &messages)?;
    Ok(m)
}

pub(super) fn create_model() -> PyResult<Obj> {
    let m = module::new("pyexpat.model")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Constants used to interpret content model information."))?;
    let consts: &[(&str, i64)] = &[
        ("XML_CTYPE_EMPTY", 1),
        ("XML_CTYPE_ANY", 2),
        ("XML_CTYPE_MIXED", 3),
        ("XML_CTYPE_NAME", 4),
        ("XML_CTYPE_CHOICE", 5),
        ("XML_CTYPE_SEQ", 6),
        ("XML_CQUANT_NONE", 0),
        ("XML_CQUANT_OPT", 1),
        ("XML_CQUANT_REP", 2),
        ("XML_CQUANT_PLUS", 3),
    ];
    for (n, v) in consts {
        dict::set_item_str(&d, n, &int::from_i64(*v))?;
    }
    Ok(m)
}
