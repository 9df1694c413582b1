//! `sqlite3.Connection`: the database handle, implicit transactions by
//! `isolation_level`, the statement cache, user functions, aggregates,
//! window functions, collations, the authorizer/progress/trace hooks,
//! limits, backup and (de)serialization.

use super::statement::{self, Cache, Stmt};
use super::{db_error, err, exc_class, report_callback_error, set_result, utf8, value_to_py, Kind};
use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{method, method_table};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, buffer, bytes, exceptions, float, int, none, str as pystr, tuple, type_};
use libsqlite3_sys as ffi;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr::null_mut;
use std::rc::Rc;

static mut CONNECTION_TYPE: PyTypeObject = PyTypeObject::EMPTY;

pub fn connection_type() -> Obj {
    type_::type_obj(&raw mut CONNECTION_TYPE)
}

pub fn is_connection(o: &Obj) -> bool {
    type_::is_subtype(o.type_ptr(), &raw mut CONNECTION_TYPE)
}

/// A Python callable handed to SQLite as user data.
pub struct Callback {
    pub callable: Obj,
}

pub struct Conn {
    pub db: *mut ffi::sqlite3,
    pub initialized: bool,
    pub thread: u64,
    pub check_same_thread: bool,
    pub detect_types: i32,
    /// The canonical level ("", "DEFERRED", ...) or None for autocommit.
    pub isolation_level: Option<&'static str>,
    pub row_factory: Obj,
    pub text_factory: Obj,
    pub cache: Cache,
    pub authorizer: Option<Box<Callback>>,
    pub progress: Option<Box<Callback>>,
    pub trace: Option<Box<Callback>>,
    /// Handles of the blobs opened here, closed with the connection.
    pub blobs: Vec<super::blob::Handle>,
}

impl State for Conn {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.row_factory);
        native::push(out, &self.text_factory);
        for c in [&self.authorizer, &self.progress, &self.trace].into_iter().flatten() {
            native::push(out, &c.callable);
        }
    }
}

impl Conn {
    fn close_db(&mut self) {
        self.cache.clear();
        for h in std::mem::take(&mut self.blobs) {
            super::blob::close_handle(&h);
        }
        if !self.db.is_null() {
            let db = std::mem::replace(&mut self.db, null_mut());
            // SAFETY: close_v2 defers the real close until statements and blobs are gone.
            unsafe {
                ffi::sqlite3_set_authorizer(db, None, null_mut());
                ffi::sqlite3_progress_handler(db, 0, None, null_mut());
                ffi::sqlite3_trace_v2(db, 0, None, null_mut());
                super::sqlite3_close_v2(db);
            }
        }
        self.authorizer = None;
        self.progress = None;
        self.trace = None;
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        self.close_db();
    }
}

fn raw_state(o: &Obj) -> &mut Conn {
    match native::state::<Conn>(o) {
        Some(s) => s,
        None => dead_state(),
    }
}

fn blank_state() -> Conn {
    Conn {
        db: null_mut(),
        initialized: false,
        thread: 0,
        check_same_thread: false,
        detect_types: 0,
        isolation_level: Some(""),
        row_factory: none::none(),
        text_factory: type_::type_obj(pystr::type_ptr()),
        cache: Cache::new(0),
        authorizer: None,
        progress: None,
        trace: None,
        blobs: Vec::new(),
    }
}

/// What a connection emptied by the cycle collector answers with: an
/// uninitialised state, so every use raises instead of crashing.
fn dead_state() -> &'static mut Conn {
    static mut DEAD: *mut Conn = null_mut();
    // SAFETY: only reached with the GIL held; made once and never freed.
    unsafe {
        if DEAD.is_null() {
            DEAD = Box::into_raw(Box::new(blank_state()));
        }
        let d = &mut *DEAD;
        d.initialized = false;
        d
    }
}

/// A new, uninitialised connection object (`Connection.__new__`).
pub fn new_blank() -> PyResult<Obj> {
    native::alloc(&raw mut CONNECTION_TYPE, blank_state())
}

fn thread_error(created: u64) -> PyErr {
    err(
        Kind::Programming,
        format!(
            "SQLite objects created in a thread can only be used in that same thread. The object was created in thread id {} and this is thread id {}.",
            created,
            crate::thread::ident()
        ),
    )
}

pub fn check_thread(o: &Obj) -> PyResult<()> {
    let s = raw_state(o);
    if s.check_same_thread && s.thread != crate::thread::ident() {
        return Err(thread_error(s.thread));
    }
    Ok(())
}

pub fn check_connection(o: &Obj) -> PyResult<()> {
    let s = raw_state(o);
    if !s.initialized {
        return Err(err(Kind::Programming, "Base Connection.__init__ not called."));
    }
    if s.db.is_null() {
        return Err(err(Kind::Programming, "Cannot operate on a closed database."));
    }
    Ok(())
}

/// The open database of a usable connection (thread, then open checks).
pub fn checked(o: &Obj) -> PyResult<&mut Conn> {
    check_thread(o)?;
    check_connection(o)?;
    Ok(raw_state(o))
}

pub fn state(o: &Obj) -> &mut Conn {
    raw_state(o)
}

fn conn_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    native::alloc(t, blank_state())
}
krait_runtime::new_slot!(conn_new_slot => conn_new);

fn fs_path(o: &Obj) -> PyResult<Vec<u8>> {
    let os = krait_runtime::import::import_module_level(&pystr::new("os"), None, None, 0)?;
    let b = ops::call::call(&ops::attr::getattr_str(&os, "fsencode")?, &[o.clone()], None)?;
    Ok(bytes::as_slice(&b).to_vec())
}

fn int_arg(o: &Obj) -> PyResult<i32> {
    if float::is_float(o) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    int::as_c_int(&int::index(o)?)
}

fn conn_init(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (v, kwn) = ops::call::kwargs_to_vector(tuple::items(args), kw)?;
    let names = ["database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory", "cached_statements", "uri"];
    let a = crate::clinic_args("Connection", &v, kwn.as_ref(), &names, 0, 1, 8)?;
    let database = a[0].clone().unwrap();
    let path = fs_path(&database)?;
    let timeout = match &a[1] {
        Some(t) => float::as_f64(t)?,
        None => 5.0,
    };
    let detect_types = match &a[2] {
        Some(d) => int_arg(d)?,
        None => 0,
    };
    let check_same_thread = match &a[4] {
        Some(c) => int_arg(c)? != 0,
        None => true,
    };
    let cached = match &a[6] {
        Some(c) => int_arg(c)?,
        None => 128,
    };
    let uri = match &a[7] {
        Some(u) => ops::truthy(u)?,
        None => false,
    };
    // Validate the level before touching the database, as CPython.
    let level = match &a[3] {
        Some(l) => parse_isolation_level(l)?,
        None => Some(""),
    };
    krait_runtime::modules::sys::audit("sqlite3.connect", &[database])?;
    // Re-initialising drops the old database first.
    {
        let s = raw_state(o);
        if s.initialized {
            s.close_db();
            s.initialized = false;
        }
    }
    let cpath = std::ffi::CString::new(path).map_err(|_| errors::raise(exceptions::ValueError(), "embedded null byte"))?;
    let mut db: *mut ffi::sqlite3 = null_mut();
    let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE | if uri { ffi::SQLITE_OPEN_URI } else { 0 };
    // SAFETY: cpath is NUL-terminated; db receives a handle even on failure.
    let rc = krait_runtime::gil::allow_threads(|| unsafe { ffi::sqlite3_open_v2(cpath.as_ptr(), &mut db, flags, std::ptr::null()) });
    if rc != ffi::SQLITE_OK {
        let e = if db.is_null() { errors::raise_empty(exceptions::MemoryError()) } else { db_error(db) };
        if !db.is_null() {
            unsafe { super::sqlite3_close_v2(db) };
        }
        return Err(e);
    }
    // SAFETY: db is open.
    unsafe { ffi::sqlite3_busy_timeout(db, (timeout * 1000.0) as c_int) };
    let s = raw_state(o);
    s.db = db;
    s.detect_types = detect_types;
    s.isolation_level = level;
    s.check_same_thread = check_same_thread;
    s.thread = crate::thread::ident();
    s.cache = Cache::new(cached.max(0) as usize);
    s.row_factory = none::none();
    s.text_factory = type_::type_obj(pystr::type_ptr());
    s.initialized = true;
    krait_runtime::modules::sys::audit("sqlite3.connect/handle", &[o.clone()])?;
    Ok(())
}
krait_runtime::init_slot!(conn_init_slot => conn_init);

const LEVELS: [&str; 4] = ["", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"];

fn parse_isolation_level(l: &Obj) -> PyResult<Option<&'static str>> {
    if none::is_none(l) {
        return Ok(None);
    }
    if !pystr::is_str(l) {
        bail!(TypeError, "isolation_level must be str or None");
    }
    let s = utf8(l)?;
    match LEVELS.iter().find(|c| c.eq_ignore_ascii_case(&s)) {
        Some(c) => Ok(Some(c)),
        None => bail!(ValueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'"),
    }
}

/// Runs one statement to completion with no results (BEGIN/COMMIT/ROLLBACK).
fn exec_simple(db: *mut ffi::sqlite3, sql: &str) -> PyResult<()> {
    let c = super::cstring(sql)?;
    // SAFETY: db is open; the statement is finalized here.
    let rc = unsafe {
        let mut st = null_mut();
        super::without_gil(|| {
            let mut rc = ffi::sqlite3_prepare_v2(db, c.as_ptr(), -1, &mut st, std::ptr::null_mut());
            if rc == ffi::SQLITE_OK {
                ffi::sqlite3_step(st);
                rc = ffi::sqlite3_finalize(st);
            }
            rc
        })
    };
    if rc != ffi::SQLITE_OK {
        return Err(db_error(db));
    }
    Ok(())
}

/// The implicit BEGIN before DML.
pub fn begin(o: &Obj) -> PyResult<()> {
    let s = raw_state(o);
    let sql = format!("BEGIN {}", s.isolation_level.unwrap_or(""));
    exec_simple(s.db, &sql)
}

fn in_autocommit(db: *mut ffi::sqlite3) -> bool {
    // SAFETY: db is open.
    unsafe { ffi::sqlite3_get_autocommit(db) != 0 }
}

pub fn commit_impl(o: &Obj) -> PyResult<()> {
    let s = checked(o)?;
    if !in_autocommit(s.db) {
        exec_simple(s.db, "COMMIT")?;
    }
    Ok(())
}

pub fn rollback_impl(o: &Obj) -> PyResult<()> {
    let s = checked(o)?;
    if !in_autocommit(s.db) {
        exec_simple(s.db, "ROLLBACK")?;
    }
    Ok(())
}

fn c_commit(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("commit", args, kw, &[], 0, 0, 0)?;
    commit_impl(o)?;
    Ok(none::none())
}

fn c_rollback(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("rollback", args, kw, &[], 0, 0, 0)?;
    rollback_impl(o)?;
    Ok(none::none())
}

fn c_close(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("close", args, kw, &[], 0, 0, 0)?;
    check_thread(o)?;
    let s = raw_state(o);
    if !s.initialized {
        return Err(err(Kind::Programming, "Base Connection.__init__ not called."));
    }
    super::blob::close_blobs_of(o);
    raw_state(o).close_db();
    Ok(none::none())
}

/// A statement for `sql`, from the cache when it is free.
pub fn get_statement(o: &Obj, sql: &str) -> PyResult<Rc<Stmt>> {
    let s = raw_state(o);
    if let Some(st) = s.cache.get(sql) {
        if !st.in_use.get() {
            return Ok(st);
        }
        return statement::prepare(s.db, sql);
    }
    let st = statement::prepare(s.db, sql)?;
    raw_state(o).cache.put(sql, st.clone());
    Ok(st)
}

fn c_call(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    checked(o)?;
    native::no_kw_dict("Connection", kw)?;
    let a = tuple::items(args);
    if a.len() != 1 {
        bail!(TypeError, "function takes exactly 1 argument ({} given)", a.len());
    }
    if !pystr::is_str(&a[0]) {
        bail!(TypeError, "argument 1 must be str, not {}", super::arg_type_name(&a[0]));
    }
    let sql = utf8(&a[0])?;
    let st = statement::prepare(raw_state(o).db, &sql)?;
    statement::new_statement_object(st)
}
krait_runtime::call_slot!(c_call_slot => c_call);

fn c_cursor(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("cursor", args, kw, &["factory"], 0, 0, 1)?;
    checked(o)?;
    let factory = a[0].clone().unwrap_or_else(super::cursor::cursor_type);
    let cur = ops::call::call(&factory, &[o.clone()], None)?;
    if !super::cursor::is_cursor(&cur) {
        bail!(TypeError, "factory must return a cursor, not {}", cur.ty().name());
    }
    let rf = raw_state(o).row_factory.clone();
    if !none::is_none(&rf) {
        super::cursor::set_row_factory(&cur, rf);
    }
    Ok(cur)
}

fn new_cursor(o: &Obj) -> PyResult<Obj> {
    ops::attr::call_method(o, "cursor", &[])
}

fn sql_arg(fname: &str, o: &Obj) -> PyResult<String> {
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() argument 1 must be str, not {}", fname, super::arg_type_name(&o));
    }
    utf8(o)
}

fn c_execute(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("execute", args, kw, &["sql", "parameters"], 2, 1, 2)?;
    sql_arg("execute", a[0].as_ref().unwrap())?;
    let cur = new_cursor(o)?;
    super::cursor::query_execute(&cur, false, a[0].as_ref().unwrap(), a[1].as_ref())?;
    Ok(cur)
}

fn c_executemany(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("executemany", args, kw, &["sql", "parameters"], 2, 2, 2)?;
    sql_arg("executemany", a[0].as_ref().unwrap())?;
    let cur = new_cursor(o)?;
    super::cursor::query_execute(&cur, true, a[0].as_ref().unwrap(), a[1].as_ref())?;
    Ok(cur)
}

fn c_executescript(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("executescript", args, kw, &["sql_script"], 1, 1, 1)?;
    let cur = new_cursor(o)?;
    ops::attr::call_method(&cur, "executescript", &[a[0].clone().unwrap()])?;
    Ok(cur)
}

fn c_interrupt(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("interrupt", args, kw, &[], 0, 0, 0)?;
    check_connection(o)?;
    // SAFETY: interrupting is safe from any thread on an open handle.
    unsafe { ffi::sqlite3_interrupt(raw_state(o).db) };
    Ok(none::none())
}

fn c_enter(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("__enter__", args, kw, &[], 0, 0, 0)?;
    check_connection(o)?;
    Ok(o.clone())
}

fn c_exit(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("__exit__", args, kw, &["type", "value", "traceback"], 3, 3, 3)?;
    let clean = a.iter().all(|x| none::is_none(x.as_ref().unwrap()));
    if clean {
        if let Err(e) = commit_impl(o) {
            // Roll back to release the database; keep the commit's error.
            let first = errors::take(e);
            match rollback_impl(o) {
                Ok(()) => return Err(errors::restore(first)),
                Err(e2) => {
                    let second = errors::take(e2);
                    exceptions::set_context(&second, Some(first));
                    return Err(errors::restore(second));
                }
            }
        }
    } else {
        rollback_impl(o)?;
    }
    Ok(bool_::from_bool(false))
}

// ---------------------------------------------------------------------------
// Attributes.

fn g_isolation_level(o: &Obj) -> PyResult<Obj> {
    check_connection(o)?;
    Ok(match raw_state(o).isolation_level {
        Some(l) => pystr::new(l),
        None => none::none(),
    })
}

fn s_isolation_level(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) => v,
        None => bail!(AttributeError, "cannot delete attribute"),
    };
    check_connection(o)?;
    let level = parse_isolation_level(v)?;
    let s = raw_state(o);
    if level.is_none() && !in_autocommit(s.db) {
        exec_simple(s.db, "COMMIT")?;
    }
    raw_state(o).isolation_level = level;
    Ok(())
}

fn g_total_changes(o: &Obj) -> PyResult<Obj> {
    check_connection(o)?;
    // SAFETY: db is open.
    Ok(int::from_i64(unsafe { ffi::sqlite3_total_changes64(raw_state(o).db) }))
}

fn g_in_transaction(o: &Obj) -> PyResult<Obj> {
    check_connection(o)?;
    Ok(bool_::from_bool(!in_autocommit(raw_state(o).db)))
}

fn g_row_factory(o: &Obj) -> PyResult<Obj> {
    Ok(raw_state(o).row_factory.clone())
}
fn s_row_factory(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    raw_state(o).row_factory = v.cloned().unwrap_or_else(none::none);
    Ok(())
}
fn g_text_factory(o: &Obj) -> PyResult<Obj> {
    Ok(raw_state(o).text_factory.clone())
}
fn s_text_factory(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    raw_state(o).text_factory = v.cloned().unwrap_or_else(none::none);
    Ok(())
}

macro_rules! exc_getter {
    ($name:ident, $k:expr) => {
        fn $name(_o: &Obj) -> PyResult<Obj> {
            Ok(exc_class($k))
        }
    };
}
exc_getter!(g_warning, Kind::Warning);
exc_getter!(g_error, Kind::Error);
exc_getter!(g_interface_error, Kind::Interface);
exc_getter!(g_database_error, Kind::Database);
exc_getter!(g_data_error, Kind::Data);
exc_getter!(g_operational_error, Kind::Operational);
exc_getter!(g_integrity_error, Kind::Integrity);
exc_getter!(g_internal_error, Kind::Internal);
exc_getter!(g_programming_error, Kind::Programming);
exc_getter!(g_not_supported_error, Kind::NotSupported);

// ---------------------------------------------------------------------------
// User-defined functions, aggregates and window functions.

fn into_user_data(cb: Callback) -> *mut c_void {
    Box::into_raw(Box::new(cb)) as *mut c_void
}

unsafe extern "C" fn destroy_callback(p: *mut c_void) {
    let _gil = super::callback_gil();
    if !p.is_null() {
        drop(Box::from_raw(p as *mut Callback));
    }
}

unsafe fn callback_of<'a>(ctx: *mut ffi::sqlite3_context) -> &'a Callback {
    &*(ffi::sqlite3_user_data(ctx) as *const Callback)
}

/// Reports a failed callback to SQLite (and the exception to the hook).
unsafe fn set_sqlite_error(ctx: *mut ffi::sqlite3_context, msg: &str) {
    if errors::matches(exceptions::MemoryError()) {
        ffi::sqlite3_result_error_nomem(ctx);
    } else if errors::matches(exceptions::OverflowError()) {
        ffi::sqlite3_result_error_toobig(ctx);
    } else {
        ffi::sqlite3_result_error(ctx, msg.as_ptr() as *const c_char, msg.len() as c_int);
    }
    let cb = callback_of(ctx);
    report_callback_error(Some(&cb.callable));
}

unsafe fn build_args(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> PyResult<Vec<Obj>> {
    let mut v = Vec::with_capacity(argc as usize);
    for i in 0..argc as usize {
        v.push(value_to_py(*argv.add(i))?);
    }
    Ok(v)
}

/// Sets a callback's result; false (with no exception) for an unsupported type.
unsafe fn give_result(ctx: *mut ffi::sqlite3_context, r: &Obj) -> PyResult<bool> {
    match super::to_value(r)? {
        super::Value::Unsupported => Ok(false),
        _ => set_result(ctx, r).map(|_| true),
    }
}

unsafe extern "C" fn func_callback(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let _gil = super::callback_gil();
    const MSG: &str = "user-defined function raised exception";
    let cb = callback_of(ctx);
    let r = build_args(argc, argv).and_then(|a| ops::call::call(&cb.callable, &a, None));
    match r.and_then(|r| give_result(ctx, &r)) {
        Ok(true) => {}
        Ok(false) => ffi::sqlite3_result_error(ctx, MSG.as_ptr() as *const c_char, MSG.len() as c_int),
        Err(_) => set_sqlite_error(ctx, MSG),
    }
}

/// The slot in SQLite's per-group memory that holds the aggregate instance.
unsafe fn aggregate_slot(ctx: *mut ffi::sqlite3_context, alloc: bool) -> *mut *mut PyObject {
    let n = if alloc { std::mem::size_of::<*mut PyObject>() as c_int } else { 0 };
    ffi::sqlite3_aggregate_context(ctx, n) as *mut *mut PyObject
}

/// Calls `instance.name(*args)`, reporting failure with CPython's messages.
unsafe fn call_aggregate_method(ctx: *mut ffi::sqlite3_context, inst: &Obj, name: &str, args: &[Obj]) -> Option<Obj> {
    let r = ops::attr::getattr_str(inst, name).and_then(|m| ops::call::call(&m, args, None));
    match r {
        Ok(v) => Some(v),
        Err(_) => {
            let what = if errors::matches(exceptions::AttributeError()) { "not defined" } else { "raised error" };
            set_sqlite_error(ctx, &format!("user-defined aggregate's '{}' method {}", name, what));
            None
        }
    }
}

unsafe extern "C" fn step_callback(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let _gil = super::callback_gil();
    let slot = aggregate_slot(ctx, true);
    if slot.is_null() {
        ffi::sqlite3_result_error_nomem(ctx);
        return;
    }
    if (*slot).is_null() {
        let cb = callback_of(ctx);
        match ops::call::call(&cb.callable, &[], None) {
            Ok(inst) => *slot = inst.into_raw(),
            Err(_) => {
                set_sqlite_error(ctx, "user-defined aggregate's '__init__' method raised error");
                return;
            }
        }
    }
    let inst = Obj::from_borrowed(*slot);
    let args = match build_args(argc, argv) {
        Ok(a) => a,
        Err(_) => {
            set_sqlite_error(ctx, "user-defined aggregate's 'step' method raised error");
            return;
        }
    };
    call_aggregate_method(ctx, &inst, "step", &args);
}

unsafe extern "C" fn final_callback(ctx: *mut ffi::sqlite3_context) {
    let _gil = super::callback_gil();
    let slot = aggregate_slot(ctx, false);
    // No rows (step never ran) or a failed __init__: no result.
    if slot.is_null() || (*slot).is_null() {
        return;
    }
    let inst = Obj::from_owned(std::mem::replace(&mut *slot, null_mut()));
    // An error from an earlier step stays the one being reported.
    let earlier = errors::fetch();
    let r = ops::attr::getattr_str(&inst, "finalize").and_then(|m| ops::call::call(&m, &[], None));
    let ok = match r {
        Ok(v) => give_result(ctx, &v).unwrap_or(false) || !errors::occurred(),
        Err(_) => false,
    };
    if !ok && errors::occurred() {
        let attr = errors::matches(exceptions::AttributeError());
        if let Some(prev) = earlier {
            let cur = errors::fetch().unwrap();
            exceptions::set_context(&cur, Some(prev));
            let _ = errors::restore(cur);
        }
        let what = if attr { "not defined" } else { "raised error" };
        set_sqlite_error(ctx, &format!("user-defined aggregate's 'finalize' method {}", what));
    } else if let Some(prev) = earlier {
        let _ = errors::restore(prev);
    }
}

unsafe extern "C" fn value_callback(ctx: *mut ffi::sqlite3_context) {
    let _gil = super::callback_gil();
    let slot = aggregate_slot(ctx, false);
    if slot.is_null() || (*slot).is_null() {
        return;
    }
    let inst = Obj::from_borrowed(*slot);
    if let Some(v) = call_aggregate_method(ctx, &inst, "value", &[]) {
        match give_result(ctx, &v) {
            Ok(true) => {}
            Ok(false) => {
                let m = "user-defined aggregate's 'value' method raised error";
                ffi::sqlite3_result_error(ctx, m.as_ptr() as *const c_char, m.len() as c_int);
            }
            Err(_) => set_sqlite_error(ctx, "user-defined aggregate's 'value' method raised error"),
        }
    }
}

unsafe extern "C" fn inverse_callback(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    let _gil = super::callback_gil();
    let slot = aggregate_slot(ctx, false);
    if slot.is_null() || (*slot).is_null() {
        return;
    }
    let inst = Obj::from_borrowed(*slot);
    match build_args(argc, argv) {
        Ok(a) => {
            call_aggregate_method(ctx, &inst, "inverse", &a);
        }
        Err(_) => set_sqlite_error(ctx, "user-defined aggregate's 'inverse' method raised error"),
    }
}

fn name_arg(fname: &str, display: &str, o: &Obj) -> PyResult<std::ffi::CString> {
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() argument {} must be str, not {}", fname, display, super::arg_type_name(o));
    }
    super::cstring(&utf8(o)?)
}

fn c_create_function(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("create_function", args, kw, &["name", "narg", "func", "deterministic"], 0, 3, 3)?;
    let name = name_arg("create_function", "'name'", a[0].as_ref().unwrap())?;
    let narg = int_arg(a[1].as_ref().unwrap())?;
    let det = match &a[3] {
        Some(d) => ops::truthy(d)?,
        None => false,
    };
    let s = checked(o)?;
    let mut flags = ffi::SQLITE_UTF8;
    if det {
        flags |= ffi::SQLITE_DETERMINISTIC;
    }
    let ud = into_user_data(Callback { callable: a[2].clone().unwrap() });
    // SAFETY: SQLite owns ud from here and frees it through destroy_callback.
    let rc = unsafe {
        ffi::sqlite3_create_function_v2(s.db, name.as_ptr(), narg, flags, ud, Some(func_callback), None, None, Some(destroy_callback))
    };
    if rc != ffi::SQLITE_OK {
        return Err(err(Kind::Operational, "Error creating function"));
    }
    Ok(none::none())
}

fn c_create_aggregate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("create_aggregate", args, kw, &["name", "n_arg", "aggregate_class"], 0, 3, 3)?;
    let name = name_arg("create_aggregate", "'name'", a[0].as_ref().unwrap())?;
    let narg = int_arg(a[1].as_ref().unwrap())?;
    let s = checked(o)?;
    let ud = into_user_data(Callback { callable: a[2].clone().unwrap() });
    // SAFETY: as create_function.
    let rc = unsafe {
        ffi::sqlite3_create_function_v2(
            s.db,
            name.as_ptr(),
            narg,
            ffi::SQLITE_UTF8,
            ud,
            None,
            Some(step_callback),
            Some(final_callback),
            Some(destroy_callback),
        )
    };
    if rc != ffi::SQLITE_OK {
        return Err(err(Kind::Operational, "Error creating aggregate"));
    }
    Ok(none::none())
}

fn c_create_window_function(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("create_window_function", args, kw, &["name", "num_params", "aggregate_class"], 3, 3, 3)?;
    let name = name_arg("create_window_function", "1", a[0].as_ref().unwrap())?;
    let narg = int_arg(a[1].as_ref().unwrap())?;
    let s = checked(o)?;
    let cls = a[2].clone().unwrap();
    let flags = ffi::SQLITE_UTF8;
    // SAFETY: as create_function; None removes the function.
    let rc = unsafe {
        if none::is_none(&cls) {
            ffi::sqlite3_create_window_function(s.db, name.as_ptr(), narg, flags, null_mut(), None, None, None, None, None)
        } else {
            let ud = into_user_data(Callback { callable: cls });
            ffi::sqlite3_create_window_function(
                s.db,
                name.as_ptr(),
                narg,
                flags,
                ud,
                Some(step_callback),
                Some(final_callback),
                Some(value_callback),
                Some(inverse_callback),
                Some(destroy_callback),
            )
        }
    };
    if rc != ffi::SQLITE_OK {
        // SAFETY: sqlite3_errstr returns a static string.
        let msg = super::c_to_string(unsafe { ffi::sqlite3_errstr(rc) }).unwrap_or_default();
        return Err(err(Kind::Programming, msg));
    }
    Ok(none::none())
}

unsafe extern "C" fn collation_callback(p: *mut c_void, n1: c_int, d1: *const c_void, n2: c_int, d2: *const c_void) -> c_int {
    let _gil = super::callback_gil();
    // A failure earlier in this step stays pending; compare as equal from then on.
    if errors::occurred() {
        return 0;
    }
    let cb = &*(p as *const Callback);
    let s1 = super::decode_utf8(std::slice::from_raw_parts(d1 as *const u8, n1 as usize));
    let s2 = super::decode_utf8(std::slice::from_raw_parts(d2 as *const u8, n2 as usize));
    let (s1, s2) = match (s1, s2) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return 0,
    };
    let r = match ops::call::call(&cb.callable, &[s1, s2], None) {
        Ok(r) => r,
        Err(e) => {
            // Left set for execute() to raise, as CPython does.
            std::mem::forget(e);
            return 0;
        }
    };
    if !int::is_int(&r) {
        let _ = errors::raise(exceptions::TypeError(), "an integer is required");
        errors::clear();
        return 0;
    }
    match int::sign(&r) {
        s if s > 0 => 1,
        s if s < 0 => -1,
        _ => 0,
    }
}

fn c_create_collation(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("create_collation", args, kw, &["name", "callback"], 2, 2, 2)?;
    let name = name_arg("create_collation", "1", a[0].as_ref().unwrap())?;
    let s = checked(o)?;
    let cb = a[1].clone().unwrap();
    // SAFETY: the context is owned by SQLite on success and freed here on failure.
    let rc = unsafe {
        if none::is_none(&cb) {
            ffi::sqlite3_create_collation_v2(s.db, name.as_ptr(), ffi::SQLITE_UTF8, null_mut(), None, None)
        } else {
            if cb.ty().tp_call.is_none() {
                bail!(TypeError, "parameter must be callable");
            }
            let ud = into_user_data(Callback { callable: cb });
            let rc = ffi::sqlite3_create_collation_v2(s.db, name.as_ptr(), ffi::SQLITE_UTF8, ud, Some(collation_callback), Some(destroy_callback));
            if rc != ffi::SQLITE_OK {
                destroy_callback(ud);
            }
            rc
        }
    };
    if rc != ffi::SQLITE_OK {
        return Err(db_error(s.db));
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Hooks: authorizer, progress handler, trace callback.

unsafe extern "C" fn authorizer_callback(
    p: *mut c_void,
    action: c_int,
    a1: *const c_char,
    a2: *const c_char,
    dbname: *const c_char,
    source: *const c_char,
) -> c_int {
    let _gil = super::callback_gil();
    // Our own reference: the hook may replace (and free) its context while running.
    let cb = Callback { callable: (*(p as *const Callback)).callable.clone() };
    let cb = &cb;
    let s = |c: *const c_char| super::c_to_string(c).map(|x| pystr::new(&x)).unwrap_or_else(none::none);
    let args = [int::from_i64(action as i64), s(a1), s(a2), s(dbname), s(source)];
    match ops::call::call(&cb.callable, &args, None) {
        Ok(r) => {
            if !int::is_int(&r) {
                return ffi::SQLITE_DENY;
            }
            match int::as_c_int(&r) {
                Ok(v) => v,
                Err(_) => {
                    report_callback_error(Some(&cb.callable));
                    ffi::SQLITE_DENY
                }
            }
        }
        Err(_) => {
            report_callback_error(Some(&cb.callable));
            ffi::SQLITE_DENY
        }
    }
}

unsafe extern "C" fn progress_callback(p: *mut c_void) -> c_int {
    let _gil = super::callback_gil();
    // Our own reference: the hook may replace (and free) its context while running.
    let cb = Callback { callable: (*(p as *const Callback)).callable.clone() };
    let cb = &cb;
    let r = ops::call::call(&cb.callable, &[], None).and_then(|r| ops::truthy(&r));
    match r {
        Ok(b) => b as c_int,
        Err(_) => {
            // An error aborts the query.
            report_callback_error(Some(&cb.callable));
            -1
        }
    }
}

unsafe extern "C" fn trace_callback(t: std::os::raw::c_uint, p: *mut c_void, stmt: *mut c_void, _x: *mut c_void) -> c_int {
    let _gil = super::callback_gil();
    if t != ffi::SQLITE_TRACE_STMT as std::os::raw::c_uint {
        return 0;
    }
    // Our own reference: the hook may replace (and free) its context while running.
    let cb = Callback { callable: (*(p as *const Callback)).callable.clone() };
    let cb = &cb;
    let stmt = stmt as *mut ffi::sqlite3_stmt;
    let expanded = ffi::sqlite3_expanded_sql(stmt);
    let text = if expanded.is_null() {
        let _ = err(Kind::Data, "Expanded SQL string exceeds the maximum string length");
        report_callback_error(Some(&cb.callable));
        super::c_to_string(ffi::sqlite3_sql(stmt)).unwrap_or_default()
    } else {
        let s = super::c_to_string(expanded).unwrap_or_default();
        ffi::sqlite3_free(expanded as *mut c_void);
        s
    };
    if ops::call::call(&cb.callable, &[pystr::new(&text)], None).is_err() {
        report_callback_error(Some(&cb.callable));
    }
    0
}

fn c_set_authorizer(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("set_authorizer", args, kw, &["authorizer_callback"], 0, 1, 1)?;
    let s = checked(o)?;
    let cb = a[0].clone().unwrap();
    // SAFETY: the context lives in the connection state until replaced or closed.
    unsafe {
        if none::is_none(&cb) {
            ffi::sqlite3_set_authorizer(s.db, None, null_mut());
            s.authorizer = None;
        } else {
            let b = Box::new(Callback { callable: cb });
            let rc = ffi::sqlite3_set_authorizer(s.db, Some(authorizer_callback), &*b as *const Callback as *mut c_void);
            if rc != ffi::SQLITE_OK {
                ffi::sqlite3_set_authorizer(s.db, None, null_mut());
                s.authorizer = None;
                return Err(err(Kind::Operational, "Error setting authorizer callback"));
            }
            s.authorizer = Some(b);
        }
    }
    Ok(none::none())
}

fn c_set_progress_handler(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("set_progress_handler", args, kw, &["progress_handler", "n"], 0, 2, 2)?;
    let n = int_arg(a[1].as_ref().unwrap())?;
    let s = checked(o)?;
    let cb = a[0].clone().unwrap();
    // SAFETY: as set_authorizer.
    unsafe {
        if none::is_none(&cb) {
            ffi::sqlite3_progress_handler(s.db, 0, None, null_mut());
            s.progress = None;
        } else {
            let b = Box::new(Callback { callable: cb });
            ffi::sqlite3_progress_handler(s.db, n, Some(progress_callback), &*b as *const Callback as *mut c_void);
            s.progress = Some(b);
        }
    }
    Ok(none::none())
}

fn c_set_trace_callback(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("set_trace_callback", args, kw, &["trace_callback"], 0, 1, 1)?;
    let s = checked(o)?;
    let cb = a[0].clone().unwrap();
    // SAFETY: as set_authorizer.
    unsafe {
        if none::is_none(&cb) {
            ffi::sqlite3_trace_v2(s.db, ffi::SQLITE_TRACE_STMT as _, None, null_mut());
            s.trace = None;
        } else {
            let b = Box::new(Callback { callable: cb });
            ffi::sqlite3_trace_v2(s.db, ffi::SQLITE_TRACE_STMT as _, Some(trace_callback), &*b as *const Callback as *mut c_void);
            s.trace = Some(b);
        }
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Limits, dump, backup, (de)serialization.

fn c_getlimit(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("getlimit", args, kw, &["category"], 1, 1, 1)?;
    let cat = int_arg(a[0].as_ref().unwrap())?;
    let s = checked(o)?;
    // SAFETY: -1 only queries.
    let v = unsafe { ffi::sqlite3_limit(s.db, cat, -1) };
    if v < 0 {
        return Err(err(Kind::Programming, "'category' is out of bounds"));
    }
    Ok(int::from_i64(v as i64))
}

fn c_setlimit(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("setlimit", args, kw, &["category", "limit"], 2, 2, 2)?;
    let cat = int_arg(a[0].as_ref().unwrap())?;
    let lim = int_arg(a[1].as_ref().unwrap())?;
    let s = checked(o)?;
    // SAFETY: out-of-range categories answer -1.
    let v = unsafe { ffi::sqlite3_limit(s.db, cat, lim) };
    if v < 0 {
        return Err(err(Kind::Programming, "'category' is out of bounds"));
    }
    Ok(int::from_i64(v as i64))
}

fn c_iterdump(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("iterdump", args, kw, &[], 0, 0, 0)?;
    check_connection(o)?;
    let fromlist = tuple::new(&[pystr::new("_iterdump")]);
    let m = krait_runtime::import::import_module_level(&pystr::new("sqlite3.dump"), None, Some(&fromlist), 0)?;
    let f = match ops::attr::getattr_opt(&m, &pystr::new("_iterdump"))? {
        Some(f) => f,
        None => return Err(err(Kind::Operational, "Failed to obtain _iterdump() reference")),
    };
    ops::call::call(&f, &[o.clone()], None)
}

fn c_backup(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("backup", args, kw, &["target", "pages", "progress", "name", "sleep"], 0, 1, 1)?;
    checked(o)?;
    let target = a[0].clone().unwrap();
    if !is_connection(&target) {
        bail!(TypeError, "backup() argument 'target' must be sqlite3.Connection, not {}", super::arg_type_name(&target));
    }
    check_connection(&target)?;
    if target.is(o) {
        bail!(ValueError, "target cannot be the same connection instance");
    }
    let mut pages = match &a[1] {
        Some(p) => int_arg(p)?,
        None => -1,
    };
    if pages == 0 {
        pages = -1;
    }
    let progress = a[2].clone().filter(|p| !none::is_none(p));
    if let Some(p) = &progress {
        if p.ty().tp_call.is_none() {
            bail!(TypeError, "progress argument must be a callable");
        }
    }
    let name = match &a[3] {
        Some(n) => name_arg("backup", "'name'", n)?,
        None => std::ffi::CString::new("main").unwrap(),
    };
    let sleep = match &a[4] {
        Some(s) => float::as_f64(s)?,
        None => 0.25,
    };
    let sleep_ms = (sleep * 1000.0) as c_int;
    let src = raw_state(o).db;
    let dst = raw_state(&target).db;
    // SAFETY: both handles are open; the backup handle is finished on every path.
    unsafe {
        let bck = ffi::sqlite3_backup_init(dst, c"main".as_ptr(), src, name.as_ptr());
        if bck.is_null() {
            return Err(db_error(dst));
        }
        loop {
            let rc = krait_runtime::gil::allow_threads(|| ffi::sqlite3_backup_step(bck, pages));
            let remaining = ffi::sqlite3_backup_remaining(bck);
            let count = ffi::sqlite3_backup_pagecount(bck);
            if let Some(p) = &progress {
                let args = [int::from_i64(rc as i64), int::from_i64(remaining as i64), int::from_i64(count as i64)];
                if let Err(e) = ops::call::call(p, &args, None) {
                    ffi::sqlite3_backup_finish(bck);
                    return Err(e);
                }
            }
            if rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED {
                krait_runtime::gil::allow_threads(|| ffi::sqlite3_sleep(sleep_ms));
            }
            if !(rc == ffi::SQLITE_OK || rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED) {
                break;
            }
        }
        let rc = ffi::sqlite3_backup_finish(bck);
        if rc != ffi::SQLITE_OK {
            return Err(db_error(dst));
        }
    }
    Ok(none::none())
}

fn c_serialize(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("serialize", args, kw, &["name"], 0, 0, 0)?;
    let name_s = match &a[0] {
        Some(n) => {
            if !pystr::is_str(n) {
                bail!(TypeError, "serialize() argument 'name' must be str, not {}", super::arg_type_name(&n));
            }
            utf8(n)?
        }
        None => "main".to_string(),
    };
    let name = super::cstring(&name_s)?;
    let s = checked(o)?;
    let mut size: ffi::sqlite3_int64 = 0;
    // SAFETY: try without copying first; a copied result is freed with sqlite3_free.
    unsafe {
        let mut flags = ffi::SQLITE_SERIALIZE_NOCOPY;
        let mut data = ffi::sqlite3_serialize(s.db, name.as_ptr(), &mut size, flags);
        if data.is_null() {
            flags = 0;
            data = ffi::sqlite3_serialize(s.db, name.as_ptr(), &mut size, flags);
        }
        if data.is_null() {
            return Err(err(Kind::Operational, format!("unable to serialize '{}'", name_s)));
        }
        let r = bytes::new(std::slice::from_raw_parts(data, size as usize));
        if flags == 0 {
            ffi::sqlite3_free(data as *mut c_void);
        }
        Ok(r)
    }
}

fn c_deserialize(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("deserialize", args, kw, &["data", "name"], 1, 1, 1)?;
    let data = buffer::Buffer::get(a[0].as_ref().unwrap(), buffer::SIMPLE)?.as_slice().to_vec();
    let name = match &a[1] {
        Some(n) => name_arg("deserialize", "'name'", n)?,
        None => std::ffi::CString::new("main").unwrap(),
    };
    let s = checked(o)?;
    // SAFETY: SQLite takes ownership of buf (FREEONCLOSE) on every path.
    unsafe {
        let size = data.len() as i64;
        let buf = ffi::sqlite3_malloc64(size.max(1) as u64) as *mut u8;
        if buf.is_null() {
            return Err(errors::raise_empty(exceptions::MemoryError()));
        }
        std::ptr::copy_nonoverlapping(data.as_ptr(), buf, data.len());
        let flags = ffi::SQLITE_DESERIALIZE_FREEONCLOSE | ffi::SQLITE_DESERIALIZE_RESIZEABLE;
        let rc = ffi::sqlite3_deserialize(s.db, name.as_ptr(), buf, size, size, flags as _);
        if rc != ffi::SQLITE_OK {
            return Err(db_error(s.db));
        }
    }
    Ok(none::none())
}

fn c_blobopen(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    super::blob::blobopen(o, args, kw)
}

pub fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut CONNECTION_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Conn>(t, "sqlite3.Connection", true);
        (*t).tp_weaklistoffset = native::weaklist_offset::<Conn>();
        (*t).tp_new = Some(conn_new_slot);
        (*t).tp_init = Some(conn_init_slot);
        (*t).tp_call = Some(c_call_slot);
        (*t).tp_methods = method_table(&[
            method("cursor", c_cursor),
            method("close", c_close),
            method("commit", c_commit),
            method("rollback", c_rollback),
            method("execute", c_execute),
            method("executemany", c_executemany),
            method("executescript", c_executescript),
            method("create_function", c_create_function),
            method("create_aggregate", c_create_aggregate),
            method("create_window_function", c_create_window_function),
            method("create_collation", c_create_collation),
            method("set_authorizer", c_set_authorizer),
            method("set_progress_handler", c_set_progress_handler),
            method("set_trace_callback", c_set_trace_callback),
            method("interrupt", c_interrupt),
            method("iterdump", c_iterdump),
            method("backup", c_backup),
            method("blobopen", c_blobopen),
            method("getlimit", c_getlimit),
            method("setlimit", c_setlimit),
            method("serialize", c_serialize),
            method("deserialize", c_deserialize),
            method("__enter__", c_enter),
            method("__exit__", c_exit),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get_set("isolation_level", g_isolation_level, s_isolation_level),
            GetSetSpec::get("total_changes", g_total_changes),
            GetSetSpec::get("in_transaction", g_in_transaction),
            GetSetSpec::get_set("row_factory", g_row_factory, s_row_factory),
            GetSetSpec::get_set("text_factory", g_text_factory, s_text_factory),
            GetSetSpec::get("Warning", g_warning),
            GetSetSpec::get("Error", g_error),
            GetSetSpec::get("InterfaceError", g_interface_error),
            GetSetSpec::get("DatabaseError", g_database_error),
            GetSetSpec::get("DataError", g_data_error),
            GetSetSpec::get("OperationalError", g_operational_error),
            GetSetSpec::get("IntegrityError", g_integrity_error),
            GetSetSpec::get("InternalError", g_internal_error),
            GetSetSpec::get("ProgrammingError", g_programming_error),
            GetSetSpec::get("NotSupportedError", g_not_supported_error),
        ]);
        native::ready(t)?;
    }
    Ok(())
}
