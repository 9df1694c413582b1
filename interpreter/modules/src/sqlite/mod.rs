//! The `_sqlite3` module under Lib/sqlite3, as CPython 3.11's
//! Modules/_sqlite: the module functions, constants, exception classes,
//! adapter/converter registries and the value conversions shared by the
//! types (`connection.rs`, `cursor.rs`, `statement.rs`, `row.rs`,
//! `blob.rs`), over SQLite's C API from `libsqlite3-sys` (bundled).

pub mod blob;
pub mod connection;
pub mod cursor;
pub mod row;
pub mod statement;

use crate::Keep;
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{method, MethodSpec};
use krait_runtime::types::{bool_, buffer, bytearray, bytes, dict, exceptions, float, int, module, none, str as pystr, tuple, type_};
use libsqlite3_sys as ffi;
use std::ffi::{CStr, CString};
use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, Ordering};

pub const PARSE_DECLTYPES: i32 = 1;
pub const PARSE_COLNAMES: i32 = 2;

static WARNING: Keep = Keep::new();
static ERROR: Keep = Keep::new();
static INTERFACE_ERROR: Keep = Keep::new();
static DATABASE_ERROR: Keep = Keep::new();
static DATA_ERROR: Keep = Keep::new();
static OPERATIONAL_ERROR: Keep = Keep::new();
static INTEGRITY_ERROR: Keep = Keep::new();
static INTERNAL_ERROR: Keep = Keep::new();
static PROGRAMMING_ERROR: Keep = Keep::new();
static NOT_SUPPORTED_ERROR: Keep = Keep::new();
static ADAPTERS: Keep = Keep::new();
static CONVERTERS: Keep = Keep::new();

/// Whether exceptions in callbacks are reported (`enable_callback_tracebacks`).
static TRACEBACKS: AtomicBool = AtomicBool::new(false);
/// Set once an adapter is registered for int/float/str/bytearray, so those
/// exact types are no longer bound without consulting the registry.
static BASE_TYPE_ADAPTED: AtomicBool = AtomicBool::new(false);

static mut PREPARE_PROTOCOL_TYPE: PyTypeObject = PyTypeObject::EMPTY;

#[derive(Clone, Copy)]
pub enum Kind {
    Warning,
    Error,
    Interface,
    Database,
    Data,
    Operational,
    Integrity,
    Internal,
    Programming,
    NotSupported,
}

fn keep_of(k: Kind) -> &'static Keep {
    match k {
        Kind::Warning => &WARNING,
        Kind::Error => &ERROR,
        Kind::Interface => &INTERFACE_ERROR,
        Kind::Database => &DATABASE_ERROR,
        Kind::Data => &DATA_ERROR,
        Kind::Operational => &OPERATIONAL_ERROR,
        Kind::Integrity => &INTEGRITY_ERROR,
        Kind::Internal => &INTERNAL_ERROR,
        Kind::Programming => &PROGRAMMING_ERROR,
        Kind::NotSupported => &NOT_SUPPORTED_ERROR,
    }
}

/// The exception class of `k`.
pub fn exc_class(k: Kind) -> Obj {
    keep_of(k).get().expect("_sqlite3 exceptions are created with the module")
}

/// Raises the module exception `k` with `msg`.
pub fn err(k: Kind, msg: impl AsRef<str>) -> PyErr {
    errors::raise(type_::as_type(&exc_class(k)), msg)
}

/// The result-code names CPython 3.11 exports, for `sqlite_errorname`.
const ERROR_CODES: &[(&str, i32)] = &[
    ("SQLITE_ABORT", 4), ("SQLITE_AUTH", 23), ("SQLITE_BUSY", 5), ("SQLITE_CANTOPEN", 14), ("SQLITE_CONSTRAINT", 19),
    ("SQLITE_CORRUPT", 11), ("SQLITE_DONE", 101), ("SQLITE_EMPTY", 16), ("SQLITE_ERROR", 1), ("SQLITE_FORMAT", 24),
    ("SQLITE_FULL", 13), ("SQLITE_INTERNAL", 2), ("SQLITE_INTERRUPT", 9), ("SQLITE_IOERR", 10), ("SQLITE_LOCKED", 6),
    ("SQLITE_MISMATCH", 20), ("SQLITE_MISUSE", 21), ("SQLITE_NOLFS", 22), ("SQLITE_NOMEM", 7), ("SQLITE_NOTADB", 26),
    ("SQLITE_NOTFOUND", 12), ("SQLITE_OK", 0), ("SQLITE_PERM", 3), ("SQLITE_PROTOCOL", 15), ("SQLITE_RANGE", 25),
    ("SQLITE_READONLY", 8), ("SQLITE_ROW", 100), ("SQLITE_SCHEMA", 17), ("SQLITE_TOOBIG", 18), ("SQLITE_NOTICE", 27),
    ("SQLITE_WARNING", 28),
    ("SQLITE_ABORT_ROLLBACK", 516), ("SQLITE_BUSY_RECOVERY", 261), ("SQLITE_CANTOPEN_FULLPATH", 782),
    ("SQLITE_CANTOPEN_ISDIR", 526), ("SQLITE_CANTOPEN_NOTEMPDIR", 270), ("SQLITE_CORRUPT_VTAB", 267),
    ("SQLITE_IOERR_ACCESS", 3338), ("SQLITE_IOERR_BLOCKED", 2826), ("SQLITE_IOERR_CHECKRESERVEDLOCK", 3594),
    ("SQLITE_IOERR_CLOSE", 4106), ("SQLITE_IOERR_DELETE", 2570), ("SQLITE_IOERR_DELETE_NOENT", 5898),
    ("SQLITE_IOERR_DIR_CLOSE", 4362), ("SQLITE_IOERR_DIR_FSYNC", 1290), ("SQLITE_IOERR_FSTAT", 1802),
    ("SQLITE_IOERR_FSYNC", 1034), ("SQLITE_IOERR_LOCK", 3850), ("SQLITE_IOERR_NOMEM", 3082),
    ("SQLITE_IOERR_RDLOCK", 2314), ("SQLITE_IOERR_READ", 266), ("SQLITE_IOERR_SEEK", 5642),
    ("SQLITE_IOERR_SHMLOCK", 5130), ("SQLITE_IOERR_SHMMAP", 5386), ("SQLITE_IOERR_SHMOPEN", 4618),
    ("SQLITE_IOERR_SHMSIZE", 4874), ("SQLITE_IOERR_SHORT_READ", 522), ("SQLITE_IOERR_TRUNCATE", 1546),
    ("SQLITE_IOERR_UNLOCK", 2058), ("SQLITE_IOERR_WRITE", 778), ("SQLITE_LOCKED_SHAREDCACHE", 262),
    ("SQLITE_READONLY_CANTLOCK", 520), ("SQLITE_READONLY_RECOVERY", 264), ("SQLITE_CONSTRAINT_CHECK", 275),
    ("SQLITE_CONSTRAINT_COMMITHOOK", 531), ("SQLITE_CONSTRAINT_FOREIGNKEY", 787), ("SQLITE_CONSTRAINT_FUNCTION", 1043),
    ("SQLITE_CONSTRAINT_NOTNULL", 1299), ("SQLITE_CONSTRAINT_PRIMARYKEY", 1555), ("SQLITE_CONSTRAINT_TRIGGER", 1811),
    ("SQLITE_CONSTRAINT_UNIQUE", 2067), ("SQLITE_CONSTRAINT_VTAB", 2323), ("SQLITE_READONLY_ROLLBACK", 776),
    ("SQLITE_IOERR_MMAP", 6154), ("SQLITE_NOTICE_RECOVER_ROLLBACK", 539), ("SQLITE_NOTICE_RECOVER_WAL", 283),
    ("SQLITE_BUSY_SNAPSHOT", 517), ("SQLITE_IOERR_GETTEMPPATH", 6410), ("SQLITE_WARNING_AUTOINDEX", 284),
    ("SQLITE_CANTOPEN_CONVPATH", 1038), ("SQLITE_IOERR_CONVPATH", 6666), ("SQLITE_CONSTRAINT_ROWID", 2579),
    ("SQLITE_READONLY_DBMOVED", 1032), ("SQLITE_AUTH_USER", 279), ("SQLITE_OK_LOAD_PERMANENTLY", 256),
    ("SQLITE_IOERR_VNODE", 6922), ("SQLITE_IOERR_AUTH", 7178), ("SQLITE_IOERR_BEGIN_ATOMIC", 7434),
    ("SQLITE_IOERR_COMMIT_ATOMIC", 7690), ("SQLITE_IOERR_ROLLBACK_ATOMIC", 7946), ("SQLITE_ERROR_MISSING_COLLSEQ", 257),
    ("SQLITE_ERROR_RETRY", 513), ("SQLITE_READONLY_CANTINIT", 1288), ("SQLITE_READONLY_DIRECTORY", 1544),
    ("SQLITE_CORRUPT_SEQUENCE", 523), ("SQLITE_LOCKED_VTAB", 518), ("SQLITE_CANTOPEN_DIRTYWAL", 1294),
    ("SQLITE_ERROR_SNAPSHOT", 769), ("SQLITE_CANTOPEN_SYMLINK", 1550), ("SQLITE_CONSTRAINT_PINNED", 2835),
    ("SQLITE_OK_SYMLINK", 512), ("SQLITE_BUSY_TIMEOUT", 773), ("SQLITE_CORRUPT_INDEX", 779),
    ("SQLITE_IOERR_DATA", 8202), ("SQLITE_IOERR_CORRUPTFS", 8458),
];

/// Authorizer action codes, limit categories and the authorizer's answers.
const OTHER_CONSTANTS: &[(&str, i32)] = &[
    ("SQLITE_DENY", 1), ("SQLITE_IGNORE", 2),
    ("SQLITE_CREATE_INDEX", 1), ("SQLITE_CREATE_TABLE", 2), ("SQLITE_CREATE_TEMP_INDEX", 3),
    ("SQLITE_CREATE_TEMP_TABLE", 4), ("SQLITE_CREATE_TEMP_TRIGGER", 5), ("SQLITE_CREATE_TEMP_VIEW", 6),
    ("SQLITE_CREATE_TRIGGER", 7), ("SQLITE_CREATE_VIEW", 8), ("SQLITE_DELETE", 9), ("SQLITE_DROP_INDEX", 10),
    ("SQLITE_DROP_TABLE", 11), ("SQLITE_DROP_TEMP_INDEX", 12), ("SQLITE_DROP_TEMP_TABLE", 13),
    ("SQLITE_DROP_TEMP_TRIGGER", 14), ("SQLITE_DROP_TEMP_VIEW", 15), ("SQLITE_DROP_TRIGGER", 16),
    ("SQLITE_DROP_VIEW", 17), ("SQLITE_INSERT", 18), ("SQLITE_PRAGMA", 19), ("SQLITE_READ", 20),
    ("SQLITE_SELECT", 21), ("SQLITE_TRANSACTION", 22), ("SQLITE_UPDATE", 23), ("SQLITE_ATTACH", 24),
    ("SQLITE_DETACH", 25), ("SQLITE_ALTER_TABLE", 26), ("SQLITE_REINDEX", 27), ("SQLITE_ANALYZE", 28),
    ("SQLITE_CREATE_VTABLE", 29), ("SQLITE_DROP_VTABLE", 30), ("SQLITE_FUNCTION", 31), ("SQLITE_SAVEPOINT", 32),
    ("SQLITE_RECURSIVE", 33),
    ("SQLITE_LIMIT_LENGTH", 0), ("SQLITE_LIMIT_SQL_LENGTH", 1), ("SQLITE_LIMIT_COLUMN", 2),
    ("SQLITE_LIMIT_EXPR_DEPTH", 3), ("SQLITE_LIMIT_COMPOUND_SELECT", 4), ("SQLITE_LIMIT_VDBE_OP", 5),
    ("SQLITE_LIMIT_FUNCTION_ARG", 6), ("SQLITE_LIMIT_ATTACHED", 7), ("SQLITE_LIMIT_LIKE_PATTERN_LENGTH", 8),
    ("SQLITE_LIMIT_VARIABLE_NUMBER", 9), ("SQLITE_LIMIT_TRIGGER_DEPTH", 10), ("SQLITE_LIMIT_WORKER_THREADS", 11),
];

fn error_name(code: i32) -> Option<&'static str> {
    ERROR_CODES.iter().find(|(_, c)| *c == code).map(|(n, _)| *n)
}

/// Raises `cls(msg)` carrying `sqlite_errorcode`/`sqlite_errorname`.
pub fn raise_with_code(cls: Obj, code: i32, msg: &str) -> PyErr {
    let e = match exceptions::new_exception(type_::as_type(&cls), &[pystr::new(msg)]) {
        Ok(e) => e,
        Err(e) => return e,
    };
    let name = error_name(code).map(pystr::new).unwrap_or_else(none::none);
    if let Err(e) = ops::attr::setattr(&e, &pystr::new("sqlite_errorcode"), &int::from_i64(code as i64)) {
        return e;
    }
    if let Err(e) = ops::attr::setattr(&e, &pystr::new("sqlite_errorname"), &name) {
        return e;
    }
    errors::raise_value(e)
}

/// The exception class for a primary result code (None for out of memory).
fn class_for_code(code: i32) -> Option<Obj> {
    let k = match code & 0xff {
        ffi::SQLITE_INTERNAL | ffi::SQLITE_NOTFOUND => Kind::Internal,
        ffi::SQLITE_NOMEM => return None,
        ffi::SQLITE_ERROR | ffi::SQLITE_PERM | ffi::SQLITE_ABORT | ffi::SQLITE_BUSY | ffi::SQLITE_LOCKED
        | ffi::SQLITE_READONLY | ffi::SQLITE_INTERRUPT | ffi::SQLITE_IOERR | ffi::SQLITE_FULL | ffi::SQLITE_CANTOPEN
        | ffi::SQLITE_PROTOCOL | ffi::SQLITE_EMPTY | ffi::SQLITE_SCHEMA => Kind::Operational,
        ffi::SQLITE_CORRUPT => Kind::Database,
        ffi::SQLITE_TOOBIG => Kind::Data,
        ffi::SQLITE_CONSTRAINT | ffi::SQLITE_MISMATCH => Kind::Integrity,
        ffi::SQLITE_MISUSE | ffi::SQLITE_RANGE => Kind::Interface,
        _ => Kind::Database,
    };
    Some(exc_class(k))
}

/// Raises the exception for the database's last error, as CPython's
/// `_pysqlite_seterror`.
pub fn db_error(db: *mut ffi::sqlite3) -> PyErr {
    // SAFETY: db is an open handle (or NULL, which SQLite answers as NOMEM).
    let (code, ext, msg) = unsafe {
        let m = ffi::sqlite3_errmsg(db);
        let msg = if m.is_null() { String::new() } else { CStr::from_ptr(m).to_string_lossy().into_owned() };
        (ffi::sqlite3_errcode(db), ffi::sqlite3_extended_errcode(db), msg)
    };
    match class_for_code(code) {
        Some(cls) => raise_with_code(cls, ext, &msg),
        None => errors::raise_empty(exceptions::MemoryError()),
    }
}

/// Reports (or drops) the exception a callback raised, as 3.11 does:
/// through sys.unraisablehook when tracebacks are enabled.
pub fn report_callback_error(callable: Option<&Obj>) {
    if TRACEBACKS.load(Ordering::Relaxed) {
        errors::write_unraisable_msg("Exception ignored in", callable);
    } else {
        errors::clear();
    }
}

/// A str's UTF-8, raising the codec's error for lone surrogates.
pub fn utf8(o: &Obj) -> PyResult<String> {
    match pystr::as_str(o) {
        Some(s) => Ok(s.to_string()),
        None => {
            ops::attr::call_method(o, "encode", &[])?;
            Ok(pystr::to_string_lossy(o))
        }
    }
}

/// How argument errors name a value's type ("None" for None, as Clinic).
pub fn arg_type_name(o: &Obj) -> String {
    if none::is_none(o) {
        "None".to_string()
    } else {
        o.ty().name().to_string()
    }
}

pub fn cstring(s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| errors::raise(exceptions::ValueError(), "embedded null character"))
}

pub fn c_to_string(p: *const std::os::raw::c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        // SAFETY: SQLite hands out NUL-terminated strings.
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }
}

// ---------------------------------------------------------------------------
// Values: Python to SQLite (binding and results) and back.

/// A Python value as SQLite sees it; `Unsupported` leaves the message to the caller.
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Blob(Vec<u8>),
    Unsupported,
}

fn int_value(o: &Obj) -> PyResult<i64> {
    match int::as_i64(o) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "Python int too large to convert to SQLite INTEGER"),
    }
}

/// Classifies `o` as CPython's `_pysqlite_bind_parameter`/`_pysqlite_set_result` do.
pub fn to_value(o: &Obj) -> PyResult<Value> {
    if none::is_none(o) {
        return Ok(Value::Null);
    }
    if int::is_int(o) {
        return Ok(Value::Int(int_value(o)?));
    }
    if float::is_float(o) {
        return Ok(Value::Float(float::value(o)));
    }
    if pystr::is_str(o) {
        let s = utf8(o)?;
        if s.len() > i32::MAX as usize {
            bail!(OverflowError, "string longer than INT_MAX bytes");
        }
        return Ok(Value::Text(s));
    }
    if buffer::has_buffer(o) {
        let b = buffer::Buffer::get(o, buffer::SIMPLE)?;
        let v = b.as_slice().to_vec();
        if v.len() > i32::MAX as usize {
            bail!(OverflowError, "BLOB longer than INT_MAX bytes");
        }
        return Ok(Value::Blob(v));
    }
    Ok(Value::Unsupported)
}

/// Whether `o` must go through the adapter registry before binding.
pub fn need_adapt(o: &Obj) -> bool {
    if BASE_TYPE_ADAPTED.load(Ordering::Relaxed) {
        return true;
    }
    !(int::is_exact_int(o) || float::is_exact_float(o) || pystr::is_exact_str(o) || (bytearray::is_bytearray(o) && o.type_ptr() == bytearray::type_ptr()))
}

/// Binds `v` to parameter `i` (1-based); the SQLite return code.
pub fn bind_value(st: *mut ffi::sqlite3_stmt, i: c_int, v: &Value) -> c_int {
    // SAFETY: st is a live prepared statement; text and blobs are copied (TRANSIENT).
    unsafe {
        match v {
            Value::Null => ffi::sqlite3_bind_null(st, i),
            Value::Int(n) => ffi::sqlite3_bind_int64(st, i, *n),
            Value::Float(f) => ffi::sqlite3_bind_double(st, i, *f),
            Value::Text(s) => ffi::sqlite3_bind_text(st, i, s.as_ptr() as *const _, s.len() as c_int, ffi::SQLITE_TRANSIENT()),
            Value::Blob(b) => ffi::sqlite3_bind_blob(st, i, b.as_ptr() as *const _, b.len() as c_int, ffi::SQLITE_TRANSIENT()),
            Value::Unsupported => ffi::SQLITE_MISUSE,
        }
    }
}

/// Sets a user function's result; Err leaves the Python exception set.
pub fn set_result(ctx: *mut ffi::sqlite3_context, o: &Obj) -> PyResult<()> {
    let v = to_value(o)?;
    // SAFETY: ctx is the live function context SQLite passed in.
    unsafe {
        match v {
            Value::Null => ffi::sqlite3_result_null(ctx),
            Value::Int(n) => ffi::sqlite3_result_int64(ctx, n),
            Value::Float(f) => ffi::sqlite3_result_double(ctx, f),
            Value::Text(s) => ffi::sqlite3_result_text(ctx, s.as_ptr() as *const _, s.len() as c_int, ffi::SQLITE_TRANSIENT()),
            Value::Blob(b) => ffi::sqlite3_result_blob(ctx, b.as_ptr() as *const _, b.len() as c_int, ffi::SQLITE_TRANSIENT()),
            Value::Unsupported => bail!(TypeError, "unsupported result type"),
        }
    }
    Ok(())
}

/// A function argument as a Python object (`_pysqlite_build_py_params`).
pub fn value_to_py(v: *mut ffi::sqlite3_value) -> PyResult<Obj> {
    // SAFETY: v is a live value for the duration of the callback.
    unsafe {
        match ffi::sqlite3_value_type(v) {
            ffi::SQLITE_INTEGER => Ok(int::from_i64(ffi::sqlite3_value_int64(v))),
            ffi::SQLITE_FLOAT => Ok(float::from_f64(ffi::sqlite3_value_double(v))),
            ffi::SQLITE_TEXT => {
                let p = ffi::sqlite3_value_text(v);
                let n = ffi::sqlite3_value_bytes(v) as usize;
                if p.is_null() {
                    return Err(errors::raise_empty(exceptions::MemoryError()));
                }
                decode_utf8(std::slice::from_raw_parts(p, n))
            }
            ffi::SQLITE_BLOB => {
                let p = ffi::sqlite3_value_blob(v) as *const u8;
                let n = ffi::sqlite3_value_bytes(v) as usize;
                if p.is_null() {
                    return Ok(bytes::new(&[]));
                }
                Ok(bytes::new(std::slice::from_raw_parts(p, n)))
            }
            _ => Ok(none::none()),
        }
    }
}

/// UTF-8 bytes as str, with the codec's UnicodeDecodeError.
pub fn decode_utf8(b: &[u8]) -> PyResult<Obj> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(pystr::new(s)),
        Err(_) => ops::attr::call_method(&bytes::new(b), "decode", &[pystr::new("utf-8")]),
    }
}

// ---------------------------------------------------------------------------
// Adapters (the microprotocols registry) and converters.

pub fn adapters() -> PyResult<Obj> {
    ADAPTERS.get_or_init(|| Ok(dict::new()))
}

pub fn converters() -> PyResult<Obj> {
    CONVERTERS.get_or_init(|| Ok(dict::new()))
}

pub fn prepare_protocol() -> Obj {
    type_::type_obj(&raw mut PREPARE_PROTOCOL_TYPE)
}

/// `adapt(obj, proto, alt)`: the registry by (type, proto), then
/// `proto.__adapt__`, then `obj.__conform__`, then `alt`.
pub fn adapt(o: &Obj, proto: &Obj, alt: Option<&Obj>) -> PyResult<Obj> {
    let key = tuple::new(&[type_::type_obj(o.type_ptr()), proto.clone()]);
    if let Some(a) = dict::get_item(&adapters()?, &key)? {
        return ops::call::call(&a, &[o.clone()], None);
    }
    for (target, name) in [(proto, "__adapt__"), (o, "__conform__")] {
        let arg = if name == "__adapt__" { o } else { proto };
        if let Some(m) = ops::attr::getattr_opt(target, &pystr::new(name))? {
            match ops::call::call(&m, &[arg.clone()], None) {
                Ok(r) if !none::is_none(&r) => return Ok(r),
                Ok(_) => {}
                Err(e) => {
                    if !errors::matches(exceptions::TypeError()) {
                        return Err(e);
                    }
                    errors::clear();
                }
            }
        }
    }
    match alt {
        Some(a) => Ok(a.clone()),
        None => Err(err(Kind::Programming, "can't adapt")),
    }
}

fn m_adapt(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("adapt", args, kw, &["obj", "proto", "alt"], 3, 1, 3)?;
    let obj = a[0].clone().unwrap();
    let proto = a[1].clone().unwrap_or_else(prepare_protocol);
    adapt(&obj, &proto, a[2].as_ref())
}

fn m_register_adapter(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("register_adapter", args, kw, &["type", "adapter"], 2, 2, 2)?;
    let t = a[0].clone().unwrap();
    // Adapting a base type turns the fast path off for good, as CPython.
    for base in [int::type_ptr(), float::type_ptr(), pystr::type_ptr(), bytearray::type_ptr()] {
        if t.as_ptr() == base as *mut _ {
            BASE_TYPE_ADAPTED.store(true, Ordering::Relaxed);
        }
    }
    let key = tuple::new(&[t, prepare_protocol()]);
    dict::set_item(&adapters()?, &key, a[1].as_ref().unwrap())?;
    Ok(none::none())
}

fn m_register_converter(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("register_converter", args, kw, &["typename", "converter"], 2, 2, 2)?;
    let name = a[0].clone().unwrap();
    if !pystr::is_str(&name) {
        bail!(TypeError, "register_converter() argument 1 must be str, not {}", arg_type_name(&name));
    }
    let upper = ops::attr::call_method(&name, "upper", &[])?;
    dict::set_item(&converters()?, &upper, a[1].as_ref().unwrap())?;
    Ok(none::none())
}

fn m_complete_statement(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("complete_statement", args, kw, &["statement"], 0, 1, 1)?;
    let s = a[0].clone().unwrap();
    if !pystr::is_str(&s) {
        bail!(TypeError, "complete_statement() argument 'statement' must be str, not {}", arg_type_name(&s));
    }
    let c = cstring(&utf8(&s)?)?;
    // SAFETY: c is NUL-terminated.
    let r = unsafe { ffi::sqlite3_complete(c.as_ptr()) };
    Ok(bool_::from_bool(r != 0))
}

fn m_enable_callback_tracebacks(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("enable_callback_tracebacks", args, kw, &["enable"], 1, 1, 1)?;
    let v = a[0].clone().unwrap();
    if float::is_float(&v) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let on = int::as_c_int(&int::index(&v)?)? != 0;
    TRACEBACKS.store(on, Ordering::Relaxed);
    Ok(none::none())
}

fn m_enable_shared_cache(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("enable_shared_cache", args, kw, &["do_enable"], 0, 1, 1)?;
    let on = int::as_c_int(&int::index(a[0].as_ref().unwrap())?)?;
    errors::warn(
        exceptions::DeprecationWarning(),
        "enable_shared_cache is deprecated and will be removed in Python 3.12. Shared cache is strongly discouraged by the SQLite 3 documentation. If shared cache must be used, open the database in URI mode usingthe cache=shared query parameter.",
    )?;
    // SAFETY: a plain library setting.
    let rc = unsafe { ffi::sqlite3_enable_shared_cache(on) };
    if rc != ffi::SQLITE_OK {
        return Err(err(Kind::Operational, "Changing the shared_cache flag failed"));
    }
    Ok(none::none())
}

/// `connect(...)`: `factory(...)` with the same arguments (Connection's
/// `__init__` checks them and raises the audit events).
fn m_connect(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut factory: Option<Obj> = if npos > 5 { Some(args[5].clone()) } else { None };
    if let Some(k) = kw {
        for (i, n) in tuple::items(k).iter().enumerate() {
            if pystr::eq_str(n, "factory") {
                factory = Some(args[npos + i].clone());
            }
        }
    }
    let factory = factory.unwrap_or_else(connection::connection_type);
    ops::call::call(&factory, args, kw)
}

fn module_functions() -> Vec<MethodSpec> {
    vec![
        method("connect", m_connect),
        method("complete_statement", m_complete_statement),
        method("register_adapter", m_register_adapter),
        method("register_converter", m_register_converter),
        method("adapt", m_adapt),
        method("enable_callback_tracebacks", m_enable_callback_tracebacks),
        method("enable_shared_cache", m_enable_shared_cache),
    ]
}

fn init_exceptions() -> PyResult<()> {
    let exc = exceptions::Exception();
    let mk = |k: &Keep, name: &str, base: *mut PyTypeObject| -> PyResult<()> {
        k.get_or_init(|| crate::new_exception_type(name, base))?;
        Ok(())
    };
    mk(&WARNING, "sqlite3.Warning", exc)?;
    mk(&ERROR, "sqlite3.Error", exc)?;
    let error = type_::as_type(&exc_class(Kind::Error));
    mk(&INTERFACE_ERROR, "sqlite3.InterfaceError", error)?;
    mk(&DATABASE_ERROR, "sqlite3.DatabaseError", error)?;
    let dberr = type_::as_type(&exc_class(Kind::Database));
    mk(&INTERNAL_ERROR, "sqlite3.InternalError", dberr)?;
    mk(&OPERATIONAL_ERROR, "sqlite3.OperationalError", dberr)?;
    mk(&PROGRAMMING_ERROR, "sqlite3.ProgrammingError", dberr)?;
    mk(&INTEGRITY_ERROR, "sqlite3.IntegrityError", dberr)?;
    mk(&DATA_ERROR, "sqlite3.DataError", dberr)?;
    mk(&NOT_SUPPORTED_ERROR, "sqlite3.NotSupportedError", dberr)?;
    Ok(())
}

fn init_prepare_protocol() -> PyResult<()> {
    unsafe {
        let t = &raw mut PREPARE_PROTOCOL_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        type_::init_static(t, "sqlite3.PrepareProtocol", std::mem::size_of::<krait_runtime::object::PyObject>(), 0);
        (*t).tp_flags |= krait_runtime::object::tpflags::BASETYPE;
        (*t).tp_new = Some(type_::generic_new);
        type_::ready(t)?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_exceptions()?;
    init_prepare_protocol()?;
    connection::init_types()?;
    cursor::init_types()?;
    row::init_types()?;
    statement::init_types()?;
    blob::init_types()?;
    let m = module::new("_sqlite3")?;
    let d = module::dict_of(&m);
    krait_runtime::types::builtin_func::add_functions(&d, &m, &module_functions())?;
    let names = [
        ("Warning", Kind::Warning),
        ("Error", Kind::Error),
        ("InterfaceError", Kind::Interface),
        ("DatabaseError", Kind::Database),
        ("DataError", Kind::Data),
        ("OperationalError", Kind::Operational),
        ("IntegrityError", Kind::Integrity),
        ("InternalError", Kind::Internal),
        ("ProgrammingError", Kind::Programming),
        ("NotSupportedError", Kind::NotSupported),
    ];
    for (n, k) in names {
        dict::set_item_str(&d, n, &exc_class(k))?;
    }
    dict::set_item_str(&d, "Connection", &connection::connection_type())?;
    dict::set_item_str(&d, "Cursor", &cursor::cursor_type())?;
    dict::set_item_str(&d, "Row", &row::row_type())?;
    dict::set_item_str(&d, "Blob", &blob::blob_type())?;
    dict::set_item_str(&d, "PrepareProtocol", &prepare_protocol())?;
    dict::set_item_str(&d, "adapters", &adapters()?)?;
    dict::set_item_str(&d, "converters", &converters()?)?;
    dict::set_item_str(&d, "PARSE_DECLTYPES", &int::from_i64(PARSE_DECLTYPES as i64))?;
    dict::set_item_str(&d, "PARSE_COLNAMES", &int::from_i64(PARSE_COLNAMES as i64))?;
    for (n, v) in ERROR_CODES.iter().chain(OTHER_CONSTANTS) {
        dict::set_item_str(&d, n, &int::from_i64(*v as i64))?;
    }
    // SAFETY: a static NUL-terminated string.
    let ver = unsafe { CStr::from_ptr(ffi::sqlite3_libversion()) }.to_string_lossy().into_owned();
    dict::set_item_str(&d, "sqlite_version", &pystr::new(&ver))?;
    dict::set_item_str(&d, "version", &pystr::new("2.6.0"))?;
    // SQLite's threading mode mapped to DB-API threadsafety, as 3.11.
    let ts = match unsafe { ffi::sqlite3_threadsafe() } {
        0 => 0,
        2 => 1,
        _ => 3,
    };
    dict::set_item_str(&d, "threadsafety", &int::from_i64(ts))?;
    Ok(m)
}

extern "C" {
    /// Part of the bundled library but left out of libsqlite3-sys's bindings.
    pub fn sqlite3_close_v2(db: *mut ffi::sqlite3) -> c_int;
}

// ---------------------------------------------------------------------------
// The GIL around SQLite calls that may block (step, prepare, exec): released
// while SQLite works, taken back by any Python callback SQLite makes meanwhile.

thread_local! {
    /// This thread released the GIL in `without_gil` and has not retaken it.
    static RELEASED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the GIL released (when another thread could want it).
pub fn without_gil<R>(f: impl FnOnce() -> R) -> R {
    if krait_runtime::gil::thread_count() < 2 || RELEASED.with(|r| r.get()) {
        return f();
    }
    krait_runtime::gil::release();
    RELEASED.with(|r| r.set(true));
    let out = f();
    RELEASED.with(|r| r.set(false));
    krait_runtime::gil::acquire();
    out
}

/// Holds the GIL for a callback; gives it back on drop if it was released.
pub struct GilGuard(bool);

pub fn callback_gil() -> GilGuard {
    if RELEASED.with(|r| r.get()) {
        RELEASED.with(|r| r.set(false));
        krait_runtime::gil::acquire();
        GilGuard(true)
    } else {
        GilGuard(false)
    }
}

impl Drop for GilGuard {
    fn drop(&mut self) {
        if self.0 {
            krait_runtime::gil::release();
            RELEASED.with(|r| r.set(true));
        }
    }
}
