//! `sqlite3.Cursor`: execute/executemany/executescript with parameter
//! binding (sequences for `?`, mappings for `:name`), adapters, the
//! implicit BEGIN, converters by declared type or column name, and the
//! fetch methods over the statement the cursor is stepping.

use super::connection::{self, check_connection, check_thread};
use super::statement::Stmt;
use super::{adapt, bind_value, converters, db_error, err, need_adapt, prepare_protocol, to_value, utf8, Kind, Value};
use super::{PARSE_COLNAMES, PARSE_DECLTYPES};
use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{method, method_table};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bytearray, bytes, dict, float, int, list, none, str as pystr, tuple, type_};
use libsqlite3_sys as ffi;
use std::rc::Rc;

static mut CURSOR_TYPE: PyTypeObject = PyTypeObject::EMPTY;

pub fn cursor_type() -> Obj {
    type_::type_obj(&raw mut CURSOR_TYPE)
}

pub fn is_cursor(o: &Obj) -> bool {
    type_::is_subtype(o.type_ptr(), &raw mut CURSOR_TYPE)
}

pub struct Cur {
    connection: Option<Obj>,
    description: Obj,
    /// The converter per result column (None: built-in conversion).
    cast_map: Vec<Option<Obj>>,
    arraysize: i32,
    lastrowid: Obj,
    rowcount: i64,
    row_factory: Obj,
    statement: Option<Rc<Stmt>>,
    closed: bool,
    locked: bool,
}

impl State for Cur {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push_opt(out, &self.connection);
        native::push(out, &self.description);
        native::push(out, &self.lastrowid);
        native::push(out, &self.row_factory);
        for c in self.cast_map.iter().flatten() {
            native::push(out, c);
        }
    }
}

impl Drop for Cur {
    fn drop(&mut self) {
        if let Some(s) = self.statement.take() {
            release(&s);
        }
    }
}

/// Resets a statement the cursor is done with, freeing it for the cache.
fn release(s: &Stmt) {
    s.reset();
    s.in_use.set(false);
}

fn st(o: &Obj) -> &mut Cur {
    match native::state::<Cur>(o) {
        Some(s) => s,
        None => dead_state(),
    }
}

fn blank_state() -> Cur {
    Cur {
        connection: None,
        description: none::none(),
        cast_map: Vec::new(),
        arraysize: 1,
        lastrowid: none::none(),
        rowcount: -1,
        row_factory: none::none(),
        statement: None,
        closed: false,
        locked: false,
    }
}

/// The state of a cursor emptied by the cycle collector: uninitialised,
/// so every use raises instead of crashing.
fn dead_state() -> &'static mut Cur {
    static mut DEAD: *mut Cur = std::ptr::null_mut();
    // SAFETY: only reached with the GIL held; made once and never freed.
    unsafe {
        if DEAD.is_null() {
            DEAD = Box::into_raw(Box::new(blank_state()));
        }
        let d = &mut *DEAD;
        d.connection = None;
        d
    }
}

pub fn set_row_factory(o: &Obj, f: Obj) {
    st(o).row_factory = f;
}

fn cur_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    native::alloc(t, blank_state())
}
krait_runtime::new_slot!(cur_new_slot => cur_new);

fn cur_init(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (v, kwn) = ops::call::kwargs_to_vector(tuple::items(args), kw)?;
    let a = crate::clinic_args("Cursor", &v, kwn.as_ref(), &["connection"], 1, 1, 1)?;
    let c = a[0].clone().unwrap();
    if !connection::is_connection(&c) {
        bail!(TypeError, "Cursor() argument 1 must be sqlite3.Connection, not {}", super::arg_type_name(&c));
    }
    let s = st(o);
    if s.locked {
        return Err(err(Kind::Programming, "Recursive use of cursors not allowed."));
    }
    // Re-initialising starts over, as CPython.
    if let Some(stmt) = s.statement.take() {
        release(&stmt);
    }
    let s = st(o);
    s.connection = Some(c);
    s.cast_map.clear();
    s.arraysize = 1;
    s.rowcount = -1;
    s.closed = false;
    s.description = none::none();
    s.lastrowid = none::none();
    s.row_factory = none::none();
    Ok(())
}
krait_runtime::init_slot!(cur_init_slot => cur_init);

/// The cursor's connection after CPython's cursor checks.
fn check_cursor(o: &Obj) -> PyResult<Obj> {
    let s = st(o);
    let c = match &s.connection {
        Some(c) => c.clone(),
        None => return Err(err(Kind::Programming, "Base Cursor.__init__ not called.")),
    };
    if s.closed {
        return Err(err(Kind::Programming, "Cannot operate on a closed cursor."));
    }
    if s.locked {
        return Err(err(Kind::Programming, "Recursive use of cursors not allowed."));
    }
    check_thread(&c)?;
    check_connection(&c)?;
    Ok(c)
}

fn bind_error_unsupported(what: String, o: &Obj) -> errors::PyErr {
    err(Kind::Programming, format!("Error binding parameter {}: type '{}' is not supported", what, o.ty().name()))
}

fn bind_one(stmt: &Stmt, i: i32, v: &Obj, what: impl Fn() -> String) -> PyResult<()> {
    let adapted = if need_adapt(v) { adapt(v, &prepare_protocol(), Some(v))? } else { v.clone() };
    let val = to_value(&adapted)?;
    if matches!(val, Value::Unsupported) {
        return Err(bind_error_unsupported(what(), &adapted));
    }
    if bind_value(stmt.st, i, &val) != ffi::SQLITE_OK {
        // SQLite's own refusal (a value over its length limit, ...).
        // SAFETY: st is live.
        return Err(db_error(unsafe { ffi::sqlite3_db_handle(stmt.st) }));
    }
    Ok(())
}

fn bind_parameters(stmt: &Stmt, params: &Obj) -> PyResult<()> {
    // SAFETY: st is a live prepared statement.
    let needed = if stmt.st.is_null() { 0 } else { unsafe { ffi::sqlite3_bind_parameter_count(stmt.st) } };
    let is_seq = tuple::is_exact_tuple(params) || list::is_exact_list(params) || (!dict::is_dict(params) && ops::seq::is_sequence(params));
    if is_seq {
        let n = ops::len(params)?;
        if n as i64 != needed as i64 {
            return Err(err(
                Kind::Programming,
                format!("Incorrect number of bindings supplied. The current statement uses {}, and there are {} supplied.", needed, n),
            ));
        }
        for i in 0..n {
            let v = ops::seq::sequence_getitem(params, i as isize)?;
            bind_one(stmt, i as i32 + 1, &v, || format!("{}", i + 1))?;
        }
        Ok(())
    } else if dict::is_dict(params) {
        for i in 1..=needed {
            // SAFETY: i is within the statement's parameter count.
            let name = super::c_to_string(unsafe { ffi::sqlite3_bind_parameter_name(stmt.st, i) });
            let name = match name {
                Some(n) => n[1..].to_string(),
                None => {
                    return Err(err(
                        Kind::Programming,
                        format!("Binding {} has no name, but you supplied a dictionary (which has only names).", i),
                    ))
                }
            };
            let key = pystr::new(&name);
            let v = if dict::is_exact_dict(params) {
                dict::get_item(params, &key)?
            } else {
                match ops::seq::getitem(params, &key) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        if !errors::matches(krait_runtime::types::exceptions::LookupError()) {
                            return Err(e);
                        }
                        errors::clear();
                        None
                    }
                }
            };
            let v = match v {
                Some(v) => v,
                None => return Err(err(Kind::Programming, format!("You did not supply a value for binding parameter :{}.", name))),
            };
            bind_one(stmt, i, &v, || format!("{}", i))?;
        }
        Ok(())
    } else {
        Err(err(Kind::Programming, "parameters are of unsupported type"))
    }
}

fn converter_for(name: &str) -> PyResult<Option<Obj>> {
    let key = ops::attr::call_method(&pystr::new(name), "upper", &[])?;
    dict::get_item(&converters()?, &key)
}

fn build_cast_map(o: &Obj, conn: &Obj, stmt: &Stmt) -> PyResult<()> {
    let detect = connection::state(conn).detect_types;
    st(o).cast_map.clear();
    if detect == 0 || stmt.st.is_null() {
        return Ok(());
    }
    // SAFETY: st is live; names and decltypes are valid until the next step.
    let n = unsafe { ffi::sqlite3_column_count(stmt.st) };
    let mut map = Vec::with_capacity(n as usize);
    for i in 0..n {
        let mut conv = None;
        if detect & PARSE_COLNAMES != 0 {
            let name = super::c_to_string(unsafe { ffi::sqlite3_column_name(stmt.st, i) }).unwrap_or_default();
            if let Some(start) = name.find('[') {
                if let Some(len) = name[start + 1..].find(']') {
                    conv = converter_for(&name[start + 1..start + 1 + len])?;
                }
            }
        }
        if conv.is_none() && detect & PARSE_DECLTYPES != 0 {
            if let Some(decl) = super::c_to_string(unsafe { ffi::sqlite3_column_decltype(stmt.st, i) }) {
                let end = decl.find([' ', '(']).unwrap_or(decl.len());
                conv = converter_for(&decl[..end])?;
            }
        }
        map.push(conv);
    }
    st(o).cast_map = map;
    Ok(())
}

fn column_name(conn: &Obj, raw: &str) -> Obj {
    if connection::state(conn).detect_types & PARSE_COLNAMES == 0 {
        return pystr::new(raw);
    }
    // "name [type]" names the column "name".
    let end = match raw.find('[') {
        Some(p) if p > 0 && raw.as_bytes()[p - 1] == b' ' => p - 1,
        Some(p) => p,
        None => raw.len(),
    };
    pystr::new(&raw[..end])
}

/// Steps with the GIL released; callbacks take it back (`callback_gil`).
fn step(stmt: &Stmt) -> i32 {
    let p = stmt.st as usize;
    // SAFETY: st is a live statement.
    super::without_gil(|| unsafe { ffi::sqlite3_step(p as *mut ffi::sqlite3_stmt) })
}

pub fn query_execute(o: &Obj, multiple: bool, sql_obj: &Obj, second: Option<&Obj>) -> PyResult<Obj> {
    let r = query_execute_inner(o, multiple, sql_obj, second);
    st(o).locked = false;
    if r.is_err() {
        let s = st(o);
        if let Some(stmt) = s.statement.take() {
            release(&stmt);
        }
        s.rowcount = -1;
        return r;
    }
    let s = st(o);
    if let Some(stmt) = &s.statement {
        // SAFETY: st is live.
        if stmt.st.is_null() || unsafe { ffi::sqlite3_stmt_busy(stmt.st) } == 0 {
            let stmt = s.statement.take().unwrap();
            release(&stmt);
        }
    }
    r
}

fn query_execute_inner(o: &Obj, multiple: bool, sql_obj: &Obj, second: Option<&Obj>) -> PyResult<Obj> {
    if !pystr::is_str(sql_obj) {
        let f = if multiple { "executemany" } else { "execute" };
        bail!(TypeError, "{}() argument 1 must be str, not {}", f, super::arg_type_name(&sql_obj));
    }
    let conn = check_cursor(o)?;
    let sql = utf8(sql_obj)?;
    st(o).locked = true;
    let params_iter = if multiple {
        ops::iter(second.unwrap())?
    } else {
        let p = second.cloned().unwrap_or_else(|| tuple::new(&[]));
        ops::iter(&list::from_vec(vec![p]))?
    };
    {
        let s = st(o);
        if let Some(stmt) = s.statement.take() {
            release(&stmt);
        }
        s.description = none::none();
        s.rowcount = 0;
    }
    let mut stmt = connection::get_statement(&conn, &sql)?;
    // Preparing may run the authorizer, which may close the connection.
    check_connection(&conn)?;
    if stmt.in_use.get() {
        stmt = super::statement::prepare(connection::state(&conn).db, &sql)?;
        check_connection(&conn)?;
    }
    stmt.reset();
    stmt.in_use.set(true);
    st(o).statement = Some(stmt.clone());
    if multiple && !stmt.st.is_null() && unsafe { ffi::sqlite3_stmt_readonly(stmt.st) } != 0 {
        return Err(err(Kind::Programming, "executemany() can only execute DML statements."));
    }
    st(o).rowcount = if stmt.is_dml { 0 } else { -1 };
    {
        let c = connection::state(&conn);
        if c.isolation_level.is_some() && stmt.is_dml && unsafe { ffi::sqlite3_get_autocommit(c.db) } != 0 {
            connection::begin(&conn)?;
        }
    }
    let db = connection::state(&conn).db;
    while let Some(params) = ops::next(&params_iter)? {
        stmt.reset();
        stmt.in_use.set(true);
        bind_parameters(&stmt, &params)?;
        if stmt.st.is_null() {
            continue;
        }
        let rc = step(&stmt);
        if rc != ffi::SQLITE_DONE && rc != ffi::SQLITE_ROW {
            if errors::occurred() {
                // A callback's exception; SQLite's error is the one raised.
                super::report_callback_error(None);
            }
            stmt.reset();
            return Err(db_error(db));
        }
        if errors::occurred() {
            // Left by a failing collation, as CPython raises it here.
            return Err(errors::PyErr::already_set());
        }
        build_cast_map(o, &conn, &stmt).map_err(|e| {
            let cause = errors::take(e);
            let ne = err(Kind::Operational, "Error while building row_cast_map");
            if let Some(v) = errors::fetch() {
                krait_runtime::types::exceptions::set_cause(&v, Some(cause.clone()));
                krait_runtime::types::exceptions::set_context(&v, Some(cause));
                let _ = errors::restore(v);
            }
            ne
        })?;
        // SAFETY: st is live.
        let ncols = unsafe { ffi::sqlite3_column_count(stmt.st) };
        if none::is_none(&st(o).description) && ncols > 0 {
            let mut d = Vec::with_capacity(ncols as usize);
            for i in 0..ncols {
                let raw = super::c_to_string(unsafe { ffi::sqlite3_column_name(stmt.st, i) });
                let raw = match raw {
                    Some(r) => r,
                    None => return Err(errors::raise_empty(krait_runtime::types::exceptions::MemoryError())),
                };
                let n = none::none;
                d.push(tuple::new(&[column_name(&conn, &raw), n(), n(), n(), n(), n(), n()]));
            }
            st(o).description = tuple::from_vec(d);
        }
        if rc == ffi::SQLITE_ROW {
            if multiple {
                return Err(err(Kind::Programming, "executemany() can only execute DML statements."));
            }
        } else {
            if stmt.is_dml {
                // SAFETY: db is open.
                st(o).rowcount += unsafe { ffi::sqlite3_changes64(db) };
            }
            stmt.reset();
            stmt.in_use.set(true);
        }
    }
    if !multiple {
        // SAFETY: db is open.
        st(o).lastrowid = int::from_i64(unsafe { ffi::sqlite3_last_insert_rowid(db) });
    }
    Ok(o.clone())
}

fn cu_execute(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("execute", args, kw, &["sql", "parameters"], 2, 1, 2)?;
    query_execute(o, false, a[0].as_ref().unwrap(), a[1].as_ref())
}

fn cu_executemany(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("executemany", args, kw, &["sql", "seq_of_parameters"], 2, 2, 2)?;
    query_execute(o, true, a[0].as_ref().unwrap(), a[1].as_ref())
}

fn cu_executescript(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("executescript", args, kw, &["sql_script"], 1, 1, 1)?;
    let script = a[0].clone().unwrap();
    if !pystr::is_str(&script) {
        bail!(TypeError, "executescript() argument must be str, not {}", super::arg_type_name(&script));
    }
    let sql = utf8(&script)?;
    if sql.contains('\0') {
        bail!(ValueError, "embedded null character");
    }
    let conn = check_cursor(o)?;
    let db = connection::state(&conn).db;
    // SAFETY: db is open.
    let max = unsafe { ffi::sqlite3_limit(db, ffi::SQLITE_LIMIT_SQL_LENGTH, -1) };
    if sql.len() as i64 > max as i64 {
        return Err(err(Kind::Data, "query string is too large"));
    }
    connection::commit_impl(&conn)?;
    let mut rest: &[u8] = sql.as_bytes();
    loop {
        // A callback of the previous statement may have closed the connection.
        check_connection(&conn)?;
        let mut stmt = std::ptr::null_mut();
        let mut tail: *const std::os::raw::c_char = std::ptr::null();
        // SAFETY: rest is a valid buffer; each prepared statement is finalized here.
        let rc = super::without_gil(|| unsafe {
            let mut rc = ffi::sqlite3_prepare_v2(db, rest.as_ptr() as *const _, rest.len() as i32, &mut stmt, &mut tail);
            if rc == ffi::SQLITE_OK {
                loop {
                    rc = ffi::sqlite3_step(stmt);
                    if rc != ffi::SQLITE_ROW {
                        break;
                    }
                }
                rc = ffi::sqlite3_finalize(stmt);
            }
            rc
        });
        if rc != ffi::SQLITE_OK {
            return Err(db_error(db));
        }
        if errors::occurred() {
            return Err(errors::PyErr::already_set());
        }
        let off = if tail.is_null() { rest.len() } else { tail as usize - rest.as_ptr() as usize };
        if off >= rest.len() {
            break;
        }
        rest = &rest[off..];
    }
    Ok(o.clone())
}

/// One result row as a tuple, converting each column.
fn fetch_one_row(o: &Obj, conn: &Obj, stmt: &Stmt) -> PyResult<Obj> {
    let text_factory = connection::state(conn).text_factory.clone();
    let detect = connection::state(conn).detect_types;
    let cast_map = st(o).cast_map.clone();
    let p = stmt.st;
    // SAFETY: p is a statement positioned on a row.
    let n = unsafe { ffi::sqlite3_data_count(p) };
    let mut row = Vec::with_capacity(n as usize);
    for i in 0..n {
        let conv = if detect != 0 { cast_map.get(i as usize).cloned().flatten() } else { None };
        let v = unsafe {
            if let Some(conv) = conv {
                let b = ffi::sqlite3_column_blob(p, i) as *const u8;
                if b.is_null() {
                    none::none()
                } else {
                    let nb = ffi::sqlite3_column_bytes(p, i) as usize;
                    ops::call::call(&conv, &[bytes::new(std::slice::from_raw_parts(b, nb))], None)?
                }
            } else {
                match ffi::sqlite3_column_type(p, i) {
                    ffi::SQLITE_NULL => none::none(),
                    ffi::SQLITE_INTEGER => int::from_i64(ffi::sqlite3_column_int64(p, i)),
                    ffi::SQLITE_FLOAT => float::from_f64(ffi::sqlite3_column_double(p, i)),
                    ffi::SQLITE_TEXT => {
                        let t = ffi::sqlite3_column_text(p, i);
                        let nb = ffi::sqlite3_column_bytes(p, i) as usize;
                        let data: &[u8] = if t.is_null() { &[] } else { std::slice::from_raw_parts(t, nb) };
                        text_value(&text_factory, p, i, data)?
                    }
                    _ => {
                        let b = ffi::sqlite3_column_blob(p, i) as *const u8;
                        let nb = ffi::sqlite3_column_bytes(p, i) as usize;
                        if b.is_null() {
                            bytes::new(&[])
                        } else {
                            bytes::new(std::slice::from_raw_parts(b, nb))
                        }
                    }
                }
            }
        };
        row.push(v);
    }
    Ok(tuple::from_vec(row))
}

unsafe fn text_value(tf: &Obj, p: *mut ffi::sqlite3_stmt, i: i32, data: &[u8]) -> PyResult<Obj> {
    if tf.as_ptr() == pystr::type_ptr() as *mut _ {
        match std::str::from_utf8(data) {
            Ok(s) => Ok(pystr::new(s)),
            Err(_) => {
                let name = super::c_to_string(ffi::sqlite3_column_name(p, i)).unwrap_or_default();
                let mut msg = format!("Could not decode to UTF-8 column '{}' with text '{}'", name, String::from_utf8_lossy(data));
                // CPython formats into a 200-byte buffer.
                if msg.len() > 198 {
                    let mut cut = 198;
                    while !msg.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    msg.truncate(cut);
                }
                Err(err(Kind::Operational, msg))
            }
        }
    } else if tf.as_ptr() == bytes::type_ptr() as *mut _ {
        Ok(bytes::new(data))
    } else if tf.as_ptr() == bytearray::type_ptr() as *mut _ {
        ops::call::call(tf, &[bytes::new(data)], None)
    } else {
        ops::call::call(tf, &[bytes::new(data)], None)
    }
}

fn iternext(o: &Obj) -> PyResult<Option<Obj>> {
    let conn = check_cursor(o)?;
    let stmt = match &st(o).statement {
        Some(s) => s.clone(),
        None => return Ok(None),
    };
    st(o).locked = true;
    let row = fetch_one_row(o, &conn, &stmt);
    st(o).locked = false;
    let row = row?;
    let rc = step(&stmt);
    // The statement's own handle: a callback may have closed the connection
    // meanwhile, leaving the handle open (a zombie) until statements finish.
    // SAFETY: st is live.
    let db = unsafe { ffi::sqlite3_db_handle(stmt.st) };
    if rc == ffi::SQLITE_DONE {
        if stmt.is_dml {
            // SAFETY: db outlives its statements.
            st(o).rowcount = unsafe { ffi::sqlite3_changes64(db) };
        }
        if let Some(s) = st(o).statement.take() {
            release(&s);
        }
    } else if rc != ffi::SQLITE_ROW {
        let e = db_error(db);
        if let Some(s) = st(o).statement.take() {
            release(&s);
        }
        return Err(e);
    }
    let rf = st(o).row_factory.clone();
    if !none::is_none(&rf) {
        return Ok(Some(ops::call::call(&rf, &[o.clone(), row], None)?));
    }
    Ok(Some(row))
}
crate::iternext!(cu_iternext_slot => iternext);

fn cu_fetchone(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("fetchone", args, kw, &[], 0, 0, 0)?;
    Ok(iternext(o)?.unwrap_or_else(none::none))
}

fn cu_fetchmany(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("fetchmany", args, kw, &["size"], 0, 0, 1)?;
    let max = match &a[0] {
        Some(s) => {
            if float::is_float(s) {
                bail!(TypeError, "'float' object cannot be interpreted as an integer");
            }
            int::as_c_int(&int::index(s)?)?
        }
        None => st(o).arraysize,
    };
    let out = list::new();
    let mut count = 0;
    while let Some(r) = iternext(o)? {
        list::append(&out, r);
        count += 1;
        if count == max {
            break;
        }
    }
    Ok(out)
}

fn cu_fetchall(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("fetchall", args, kw, &[], 0, 0, 0)?;
    let out = list::new();
    while let Some(r) = iternext(o)? {
        list::append(&out, r);
    }
    Ok(out)
}

fn cu_close(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("close", args, kw, &[], 0, 0, 0)?;
    if st(o).locked {
        return Err(err(Kind::Programming, "Recursive use of cursors not allowed."));
    }
    let conn = match &st(o).connection {
        Some(c) => c.clone(),
        None => return Err(err(Kind::Programming, "Base Cursor.__init__ not called.")),
    };
    check_thread(&conn)?;
    check_connection(&conn)?;
    let s = st(o);
    if let Some(stmt) = s.statement.take() {
        release(&stmt);
    }
    s.closed = true;
    Ok(none::none())
}

fn cu_setinputsizes(_o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    // DB-API leaves these to the driver; SQLite needs no size hints.
    crate::clinic_args("setinputsizes", args, kw, &["sizes"], 1, 1, 1)?;
    Ok(none::none())
}

fn cu_setoutputsize(_o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("setoutputsize", args, kw, &["size", "column"], 2, 1, 2)?;
    Ok(none::none())
}

fn g_connection(o: &Obj) -> PyResult<Obj> {
    Ok(st(o).connection.clone().unwrap_or_else(none::none))
}
fn g_description(o: &Obj) -> PyResult<Obj> {
    Ok(st(o).description.clone())
}
fn g_lastrowid(o: &Obj) -> PyResult<Obj> {
    Ok(st(o).lastrowid.clone())
}
fn g_rowcount(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(st(o).rowcount))
}
fn g_arraysize(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(st(o).arraysize as i64))
}
fn s_arraysize(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) => v,
        None => bail!(TypeError, "can't delete numeric/char attribute"),
    };
    if float::is_float(v) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    st(o).arraysize = int::as_c_int(&int::index(v)?)?;
    Ok(())
}
fn g_row_factory(o: &Obj) -> PyResult<Obj> {
    Ok(st(o).row_factory.clone())
}
fn s_row_factory(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    st(o).row_factory = v.cloned().unwrap_or_else(none::none);
    Ok(())
}

pub fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut CURSOR_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Cur>(t, "sqlite3.Cursor", true);
        (*t).tp_weaklistoffset = native::weaklist_offset::<Cur>();
        (*t).tp_new = Some(cur_new_slot);
        (*t).tp_init = Some(cur_init_slot);
        (*t).tp_iter = Some(krait_runtime::types::iter::self_iter);
        (*t).tp_iternext = Some(cu_iternext_slot);
        (*t).tp_methods = method_table(&[
            method("execute", cu_execute),
            method("executemany", cu_executemany),
            method("executescript", cu_executescript),
            method("fetchone", cu_fetchone),
            method("fetchmany", cu_fetchmany),
            method("fetchall", cu_fetchall),
            method("close", cu_close),
            method("setinputsizes", cu_setinputsizes),
            method("setoutputsize", cu_setoutputsize),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("connection", g_connection),
            GetSetSpec::get("description", g_description),
            GetSetSpec::get("lastrowid", g_lastrowid),
            GetSetSpec::get("rowcount", g_rowcount),
            GetSetSpec::get_set("arraysize", g_arraysize, s_arraysize),
            GetSetSpec::get_set("row_factory", g_row_factory, s_row_factory),
        ]);
        native::ready(t)?;
    }
    Ok(())
}
