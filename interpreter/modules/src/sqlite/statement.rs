//! Prepared statements (`sqlite3.Statement`, what calling a Connection
//! returns) and the per-connection LRU cache of them, keyed by SQL text.

use super::{db_error, err, Kind};
use crate::native::{self, State};
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::types::type_;
use libsqlite3_sys as ffi;
use std::cell::Cell;
use std::rc::Rc;

static mut STATEMENT_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// A prepared statement; finalized when the last holder lets go.
/// `st` is null for SQL that holds no statement (only comments or spaces).
pub struct Stmt {
    pub st: *mut ffi::sqlite3_stmt,
    pub is_dml: bool,
    /// Held by a cursor that has not finished with it.
    pub in_use: Cell<bool>,
}

impl Drop for Stmt {
    fn drop(&mut self) {
        if !self.st.is_null() {
            // SAFETY: finalizing is valid even after sqlite3_close_v2.
            unsafe { ffi::sqlite3_finalize(self.st) };
        }
    }
}

impl Stmt {
    pub fn reset(&self) {
        if !self.st.is_null() {
            // SAFETY: st is live.
            unsafe { ffi::sqlite3_reset(self.st) };
        }
    }
}

/// Skips blanks and SQL comments, as the statement classifier and the
/// "one statement at a time" check need.
pub fn skip_space_and_comments(s: &[u8]) -> &[u8] {
    let mut i = 0;
    loop {
        while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
            i += 1;
        }
        if s[i..].starts_with(b"--") {
            match s[i..].iter().position(|&c| c == b'\n') {
                Some(p) => i += p + 1,
                None => return &s[s.len()..],
            }
        } else if s[i..].starts_with(b"/*") {
            match s[i + 2..].windows(2).position(|w| w == b"*/") {
                Some(p) => i += 2 + p + 2,
                None => return &s[s.len()..],
            }
        } else {
            return &s[i..];
        }
    }
}

fn is_dml(sql: &str) -> bool {
    let s = skip_space_and_comments(sql.as_bytes());
    ["insert", "update", "delete", "replace"]
        .iter()
        .any(|k| s.len() >= k.len() && s[..k.len()].eq_ignore_ascii_case(k.as_bytes()))
}

/// Prepares `sql` (a single statement) on `db`, with CPython's checks.
pub fn prepare(db: *mut ffi::sqlite3, sql: &str) -> PyResult<Rc<Stmt>> {
    // SAFETY: db is open (checked by callers).
    let max = unsafe { ffi::sqlite3_limit(db, ffi::SQLITE_LIMIT_SQL_LENGTH, -1) };
    if sql.len() as i64 > max as i64 {
        return Err(err(Kind::Data, "query string is too large"));
    }
    if sql.contains('\0') {
        return Err(err(Kind::Programming, "the query contains a null character"));
    }
    let mut st: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
    let mut tail: *const std::os::raw::c_char = std::ptr::null();
    // SAFETY: the buffer and its length are valid; tail points into it.
    let rc = super::without_gil(|| unsafe { ffi::sqlite3_prepare_v2(db, sql.as_ptr() as *const _, sql.len() as i32, &mut st, &mut tail) });
    if rc != ffi::SQLITE_OK {
        return Err(db_error(db));
    }
    let stmt = Rc::new(Stmt { st, is_dml: is_dml(sql), in_use: Cell::new(false) });
    if !tail.is_null() {
        let off = tail as usize - sql.as_ptr() as usize;
        if off < sql.len() && !skip_space_and_comments(&sql.as_bytes()[off..]).is_empty() {
            return Err(err(Kind::Programming, "You can only execute one statement at a time."));
        }
    }
    Ok(stmt)
}

/// Least-recently-used cache of prepared statements (most recent last).
pub struct Cache {
    pub cap: usize,
    entries: Vec<(String, Rc<Stmt>)>,
}

impl Cache {
    pub fn new(cap: usize) -> Cache {
        Cache { cap, entries: Vec::new() }
    }

    pub fn get(&mut self, sql: &str) -> Option<Rc<Stmt>> {
        let i = self.entries.iter().position(|(k, _)| k == sql)?;
        let e = self.entries.remove(i);
        let s = e.1.clone();
        self.entries.push(e);
        Some(s)
    }

    pub fn put(&mut self, sql: &str, s: Rc<Stmt>) {
        if self.cap == 0 {
            return;
        }
        if self.entries.len() >= self.cap {
            self.entries.remove(0);
        }
        self.entries.push((sql.to_string(), s));
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

// ---------------------------------------------------------------------------
// The Python-visible Statement object.

pub struct StatementObj {
    pub stmt: Rc<Stmt>,
}

impl State for StatementObj {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

pub fn new_statement_object(stmt: Rc<Stmt>) -> PyResult<Obj> {
    native::alloc(&raw mut STATEMENT_TYPE, StatementObj { stmt })
}

pub fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut STATEMENT_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<StatementObj>(t, "sqlite3.Statement", false);
        (*t).tp_flags |= krait_runtime::object::tpflags::DISALLOW_INSTANTIATION;
        type_::ready(t)?;
    }
    Ok(())
}
