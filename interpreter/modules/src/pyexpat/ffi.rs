//! The part of libexpat's C API (expat.h, 2.x) that pyexpat uses, linked
//! against the system library: CPython builds pyexpat over the same expat,
//! so parsing behaviour and error strings are the library's own.
//! XML_Char is `char` (UTF-8), as in the system build.

#![allow(non_camel_case_types, non_snake_case, dead_code)]

use std::os::raw::{c_char, c_int, c_long, c_uint, c_ulong, c_void};

/// An opaque `struct XML_ParserStruct *`.
pub type XML_Parser = *mut c_void;
pub type XML_Status = c_int;
pub type XML_Bool = u8;

pub const XML_STATUS_ERROR: XML_Status = 0;
pub const XML_STATUS_OK: XML_Status = 1;

#[repr(C)]
pub struct XML_Content {
    pub type_: c_int,
    pub quant: c_int,
    pub name: *mut c_char,
    pub numchildren: c_uint,
    pub children: *mut XML_Content,
}

#[repr(C)]
pub struct XML_Encoding {
    pub map: [c_int; 256],
    pub data: *mut c_void,
    pub convert: Option<unsafe extern "C" fn(*mut c_void, *const c_char) -> c_int>,
    pub release: Option<unsafe extern "C" fn(*mut c_void)>,
}

#[repr(C)]
pub struct XML_Expat_Version {
    pub major: c_int,
    pub minor: c_int,
    pub micro: c_int,
}

#[repr(C)]
pub struct XML_Feature {
    pub feature: c_int,
    pub name: *const c_char,
    pub value: c_long,
}

pub type StartElementH = unsafe extern "C" fn(*mut c_void, *const c_char, *mut *const c_char);
pub type NameH = unsafe extern "C" fn(*mut c_void, *const c_char);
pub type DataLenH = unsafe extern "C" fn(*mut c_void, *const c_char, c_int);
pub type TwoStrH = unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char);
pub type VoidH = unsafe extern "C" fn(*mut c_void);
pub type IntVoidH = unsafe extern "C" fn(*mut c_void) -> c_int;
pub type ExternalEntityRefH =
    unsafe extern "C" fn(XML_Parser, *const c_char, *const c_char, *const c_char, *const c_char) -> c_int;
pub type StartDoctypeH = unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char, *const c_char, c_int);
pub type EntityDeclH = unsafe extern "C" fn(
    *mut c_void,
    *const c_char,
    c_int,
    *const c_char,
    c_int,
    *const c_char,
    *const c_char,
    *const c_char,
    *const c_char,
);
pub type XmlDeclH = unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char, c_int);
pub type ElementDeclH = unsafe extern "C" fn(*mut c_void, *const c_char, *mut XML_Content);
pub type AttlistDeclH =
    unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char, *const c_char, *const c_char, c_int);
pub type SkippedEntityH = unsafe extern "C" fn(*mut c_void, *const c_char, c_int);
pub type UnparsedEntityDeclH =
    unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char, *const c_char, *const c_char, *const c_char);
pub type NotationDeclH = unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char, *const c_char, *const c_char);
pub type UnknownEncodingH = unsafe extern "C" fn(*mut c_void, *const c_char, *mut XML_Encoding) -> c_int;

#[link(name = "expat")]
extern "C" {
    pub fn XML_ParserCreate(encoding: *const c_char) -> XML_Parser;
    pub fn XML_ParserCreateNS(encoding: *const c_char, sep: c_char) -> XML_Parser;
    pub fn XML_ExternalEntityParserCreate(p: XML_Parser, context: *const c_char, encoding: *const c_char) -> XML_Parser;
    pub fn XML_ParserFree(p: XML_Parser);
    pub fn XML_SetUserData(p: XML_Parser, data: *mut c_void);
    pub fn XML_SetEncoding(p: XML_Parser, encoding: *const c_char) -> XML_Status;
    pub fn XML_Parse(p: XML_Parser, s: *const c_char, len: c_int, is_final: c_int) -> XML_Status;
    pub fn XML_GetBuffer(p: XML_Parser, len: c_int) -> *mut c_void;
    pub fn XML_ParseBuffer(p: XML_Parser, len: c_int, is_final: c_int) -> XML_Status;
    pub fn XML_StopParser(p: XML_Parser, resumable: XML_Bool) -> XML_Status;
    pub fn XML_GetErrorCode(p: XML_Parser) -> c_int;
    pub fn XML_ErrorString(code: c_int) -> *const c_char;
    pub fn XML_GetCurrentLineNumber(p: XML_Parser) -> c_ulong;
    pub fn XML_GetCurrentColumnNumber(p: XML_Parser) -> c_ulong;
    pub fn XML_GetCurrentByteIndex(p: XML_Parser) -> c_long;
    pub fn XML_GetSpecifiedAttributeCount(p: XML_Parser) -> c_int;
    pub fn XML_SetReturnNSTriplet(p: XML_Parser, do_nst: c_int);
    pub fn XML_SetBase(p: XML_Parser, base: *const c_char) -> XML_Status;
    pub fn XML_GetBase(p: XML_Parser) -> *const c_char;
    pub fn XML_GetInputContext(p: XML_Parser, offset: *mut c_int, size: *mut c_int) -> *const c_char;
    pub fn XML_SetParamEntityParsing(p: XML_Parser, parsing: c_int) -> c_int;
    pub fn XML_UseForeignDTD(p: XML_Parser, use_dtd: XML_Bool) -> c_int;
    pub fn XML_SetHashSalt(p: XML_Parser, salt: c_ulong) -> c_int;
    pub fn XML_FreeContentModel(p: XML_Parser, model: *mut XML_Content);
    pub fn XML_ExpatVersion() -> *const c_char;
    pub fn XML_ExpatVersionInfo() -> XML_Expat_Version;
    pub fn XML_GetFeatureList() -> *const XML_Feature;

    pub fn XML_SetStartElementHandler(p: XML_Parser, h: Option<StartElementH>);
    pub fn XML_SetEndElementHandler(p: XML_Parser, h: Option<NameH>);
    pub fn XML_SetCharacterDataHandler(p: XML_Parser, h: Option<DataLenH>);
    pub fn XML_SetProcessingInstructionHandler(p: XML_Parser, h: Option<TwoStrH>);
    pub fn XML_SetCommentHandler(p: XML_Parser, h: Option<NameH>);
    pub fn XML_SetStartNamespaceDeclHandler(p: XML_Parser, h: Option<TwoStrH>);
    pub fn XML_SetEndNamespaceDeclHandler(p: XML_Parser, h: Option<NameH>);
    pub fn XML_SetStartCdataSectionHandler(p: XML_Parser, h: Option<VoidH>);
    pub fn XML_SetEndCdataSectionHandler(p: XML_Parser, h: Option<VoidH>);
    pub fn XML_SetDefaultHandler(p: XML_Parser, h: Option<DataLenH>);
    pub fn XML_SetDefaultHandlerExpand(p: XML_Parser, h: Option<DataLenH>);
    pub fn XML_SetNotStandaloneHandler(p: XML_Parser, h: Option<IntVoidH>);
    pub fn XML_SetExternalEntityRefHandler(p: XML_Parser, h: Option<ExternalEntityRefH>);
    pub fn XML_SetStartDoctypeDeclHandler(p: XML_Parser, h: Option<StartDoctypeH>);
    pub fn XML_SetEndDoctypeDeclHandler(p: XML_Parser, h: Option<VoidH>);
    pub fn XML_SetEntityDeclHandler(p: XML_Parser, h: Option<EntityDeclH>);
    pub fn XML_SetXmlDeclHandler(p: XML_Parser, h: Option<XmlDeclH>);
    pub fn XML_SetElementDeclHandler(p: XML_Parser, h: Option<ElementDeclH>);
    pub fn XML_SetAttlistDeclHandler(p: XML_Parser, h: Option<AttlistDeclH>);
    pub fn XML_SetSkippedEntityHandler(p: XML_Parser, h: Option<SkippedEntityH>);
    pub fn XML_SetUnparsedEntityDeclHandler(p: XML_Parser, h: Option<UnparsedEntityDeclH>);
    pub fn XML_SetNotationDeclHandler(p: XML_Parser, h: Option<NotationDeclH>);
    pub fn XML_SetUnknownEncodingHandler(p: XML_Parser, h: Option<UnknownEncodingH>, data: *mut c_void);
}

/// XML_GetUserData is a macro in expat.h: the user data pointer is the
/// parser structure's first field.
///
/// # Safety
/// `p` must be a live parser.
pub unsafe fn get_user_data(p: XML_Parser) -> *mut c_void {
    *(p as *mut *mut c_void)
}
