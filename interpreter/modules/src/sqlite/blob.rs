//! `sqlite3.Blob`: incremental I/O on one BLOB value (`Connection.blobopen`):
//! read/write/seek/tell, indexing and slicing by byte, a context manager.
//! The handle is shared with the connection, which closes every blob it
//! opened when it is closed.

use super::connection::{self, check_connection, check_thread};
use super::{db_error, err, utf8, Kind};
use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyMappingMethods, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{method, method_table};
use krait_runtime::types::{bool_, buffer, bytes, float, int, none, slice, str as pystr, type_};
use libsqlite3_sys as ffi;
use std::cell::Cell;
use std::os::raw::{c_int, c_void};
use std::rc::Rc;

static mut BLOB_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut BLOB_MAP: PyMappingMethods = PyMappingMethods::EMPTY;

pub fn blob_type() -> Obj {
    type_::type_obj(&raw mut BLOB_TYPE)
}

/// A blob handle, null once closed.
pub type Handle = Rc<Cell<*mut ffi::sqlite3_blob>>;

pub fn close_handle(h: &Handle) {
    let p = h.replace(std::ptr::null_mut());
    if !p.is_null() {
        // SAFETY: p was opened by sqlite3_blob_open and is closed once.
        unsafe { ffi::sqlite3_blob_close(p) };
    }
}

struct Blob {
    connection: Obj,
    handle: Handle,
    offset: c_int,
}

impl State for Blob {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.connection);
    }
}

impl Drop for Blob {
    fn drop(&mut self) {
        close_handle(&self.handle);
    }
}

fn st(o: &Obj) -> &mut Blob {
    match native::state::<Blob>(o) {
        Some(s) => s,
        None => {
            // Emptied by the cycle collector: a closed blob on an
            // uninitialised connection, so uses raise instead of crashing.
            static mut DEAD: *mut Blob = std::ptr::null_mut();
            // SAFETY: only reached with the GIL held; made once and never freed.
            unsafe {
                if DEAD.is_null() {
                    let c = connection::new_blank().expect("blank connection");
                    DEAD = Box::into_raw(Box::new(Blob { connection: c, handle: Rc::new(Cell::new(std::ptr::null_mut())), offset: 0 }));
                }
                &mut *DEAD
            }
        }
    }
}

pub fn blobopen(conn: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("blobopen", args, kw, &["table", "column", "row", "readonly", "name"], 3, 3, 3)?;
    let text = |o: &Obj, n: usize| -> PyResult<std::ffi::CString> {
        if !pystr::is_str(o) {
            bail!(TypeError, "blobopen() argument {} must be str, not {}", n, super::arg_type_name(&o));
        }
        super::cstring(&utf8(o)?)
    };
    let table = text(a[0].as_ref().unwrap(), 1)?;
    let column = text(a[1].as_ref().unwrap(), 2)?;
    let rowo = a[2].clone().unwrap();
    if float::is_float(&rowo) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let row = match int::as_i64(&int::index(&rowo)?) {
        Some(r) => r,
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    };
    let readonly = match &a[3] {
        Some(r) => ops::truthy(r)?,
        None => false,
    };
    let name = match &a[4] {
        Some(n) => {
            if !pystr::is_str(n) {
                bail!(TypeError, "blobopen() argument 'name' must be str, not {}", super::arg_type_name(&n));
            }
            super::cstring(&utf8(n)?)?
        }
        None => std::ffi::CString::new("main").unwrap(),
    };
    let c = connection::checked(conn)?;
    let mut blob: *mut ffi::sqlite3_blob = std::ptr::null_mut();
    // SAFETY: the names are NUL-terminated; db is open.
    let rc = unsafe { ffi::sqlite3_blob_open(c.db, name.as_ptr(), table.as_ptr(), column.as_ptr(), row, !readonly as c_int, &mut blob) };
    if rc == ffi::SQLITE_MISUSE {
        let msg = super::c_to_string(unsafe { ffi::sqlite3_errstr(rc) }).unwrap_or_default();
        return Err(err(Kind::Interface, msg));
    } else if rc != ffi::SQLITE_OK {
        return Err(db_error(c.db));
    }
    let handle: Handle = Rc::new(Cell::new(blob));
    c.blobs.retain(|h| Rc::strong_count(h) > 1);
    c.blobs.push(handle.clone());
    native::alloc(&raw mut BLOB_TYPE, Blob { connection: conn.clone(), handle, offset: 0 })
}

/// Closes the blobs opened on `conn`.
pub fn close_blobs_of(conn: &Obj) {
    for h in std::mem::take(&mut connection::state(conn).blobs) {
        close_handle(&h);
    }
}

/// The open handle after CPython's blob checks.
fn check_blob(o: &Obj) -> PyResult<*mut ffi::sqlite3_blob> {
    let c = st(o).connection.clone();
    check_connection(&c)?;
    check_thread(&c)?;
    let h = st(o).handle.get();
    if h.is_null() {
        return Err(err(Kind::Programming, "Cannot operate on a closed blob."));
    }
    Ok(h)
}

fn blob_error(o: &Obj, rc: c_int) -> krait_runtime::errors::PyErr {
    if rc == ffi::SQLITE_ABORT {
        return err(Kind::Operational, "Cannot operate on an expired blob handle");
    }
    db_error(connection::state(&st(o).connection).db)
}

fn blob_len(h: *mut ffi::sqlite3_blob) -> c_int {
    // SAFETY: h is open.
    unsafe { ffi::sqlite3_blob_bytes(h) }
}

fn read_at(o: &Obj, h: *mut ffi::sqlite3_blob, len: c_int, offset: c_int) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; len.max(0) as usize];
    // SAFETY: buf holds len bytes.
    let rc = unsafe { ffi::sqlite3_blob_read(h, buf.as_mut_ptr() as *mut c_void, len, offset) };
    if rc != ffi::SQLITE_OK {
        return Err(blob_error(o, rc));
    }
    Ok(buf)
}

fn write_at(o: &Obj, h: *mut ffi::sqlite3_blob, data: &[u8], offset: c_int) -> PyResult<()> {
    let remaining = blob_len(h) as i64 - st(o).offset as i64;
    if data.len() as i64 > remaining {
        bail!(ValueError, "data longer than blob length");
    }
    // SAFETY: data is a valid buffer of its length.
    let rc = unsafe { ffi::sqlite3_blob_write(h, data.as_ptr() as *const c_void, data.len() as c_int, offset) };
    if rc != ffi::SQLITE_OK {
        return Err(blob_error(o, rc));
    }
    Ok(())
}

fn int_arg(o: &Obj) -> PyResult<c_int> {
    if float::is_float(o) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    int::as_c_int(&int::index(o)?)
}

fn b_read(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("read", args, kw, &["length"], 1, 0, 1)?;
    let mut length = match &a[0] {
        Some(l) => int_arg(l)?,
        None => -1,
    };
    let h = check_blob(o)?;
    let max = blob_len(h) - st(o).offset;
    if length < 0 || length > max {
        length = max;
    }
    if length <= 0 {
        return Ok(bytes::new(&[]));
    }
    let off = st(o).offset;
    let data = read_at(o, h, length, off)?;
    st(o).offset += length;
    Ok(bytes::new(&data))
}

fn b_write(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("write", args, kw, &["data"], 1, 1, 1)?;
    let data = buffer::Buffer::get(a[0].as_ref().unwrap(), buffer::SIMPLE)?.as_slice().to_vec();
    let h = check_blob(o)?;
    let off = st(o).offset;
    write_at(o, h, &data, off)?;
    st(o).offset += data.len() as c_int;
    Ok(none::none())
}

fn b_seek(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("seek", args, kw, &["offset", "origin"], 2, 1, 2)?;
    let mut offset = int_arg(a[0].as_ref().unwrap())?;
    let origin = match &a[1] {
        Some(x) => int_arg(x)?,
        None => 0,
    };
    let h = check_blob(o)?;
    let len = blob_len(h);
    let overflow = || krait_runtime::errors::raise(krait_runtime::types::exceptions::OverflowError(), "seek offset results in overflow");
    match origin {
        0 => {}
        1 => offset = offset.checked_add(st(o).offset).ok_or_else(overflow)?,
        2 => offset = offset.checked_add(len).ok_or_else(overflow)?,
        _ => bail!(ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END"),
    }
    if offset < 0 || offset > len {
        bail!(ValueError, "offset out of blob range");
    }
    st(o).offset = offset;
    Ok(none::none())
}

fn b_tell(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("tell", args, kw, &[], 0, 0, 0)?;
    check_blob(o)?;
    Ok(int::from_i64(st(o).offset as i64))
}

fn b_close(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("close", args, kw, &[], 0, 0, 0)?;
    let c = st(o).connection.clone();
    check_connection(&c)?;
    check_thread(&c)?;
    close_handle(&st(o).handle);
    Ok(none::none())
}

fn b_enter(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("__enter__", args, kw, &[], 0, 0, 0)?;
    check_blob(o)?;
    Ok(o.clone())
}

fn b_exit(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("__exit__", args, kw, &["type", "val", "tb"], 3, 3, 3)?;
    check_blob(o)?;
    close_handle(&st(o).handle);
    Ok(bool_::from_bool(false))
}

fn b_len(o: &Obj) -> PyResult<usize> {
    Ok(blob_len(check_blob(o)?) as usize)
}
krait_runtime::len_slot!(b_len_slot => b_len);

fn index_of(h: *mut ffi::sqlite3_blob, item: &Obj) -> PyResult<c_int> {
    let len = blob_len(h) as i64;
    let mut i = match int::as_i64(&int::index(item)?) {
        Some(i) => i,
        None => bail!(IndexError, "cannot fit 'int' into an index-sized integer"),
    };
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        bail!(IndexError, "Blob index out of range");
    }
    Ok(i as c_int)
}

fn b_subscript(o: &Obj, item: &Obj) -> PyResult<Obj> {
    let h = check_blob(o)?;
    if ops::number::has_index(item) {
        let i = index_of(h, item)?;
        let b = read_at(o, h, 1, i)?;
        return Ok(int::from_i64(b[0] as i64));
    }
    if slice::is_slice(item) {
        let (start, _stop, step, n) = slice::unpack_indices(item, blob_len(h) as usize)?;
        if n == 0 {
            return Ok(bytes::new(&[]));
        }
        if step == 1 {
            return Ok(bytes::new(&read_at(o, h, n as c_int, start as c_int)?));
        }
        let all = read_at(o, h, blob_len(h), 0)?;
        let out: Vec<u8> = (0..n).map(|k| all[(start + k as isize * step) as usize]).collect();
        return Ok(bytes::new(&out));
    }
    bail!(TypeError, "Blob indices must be integers")
}
krait_runtime::binary_slot!(b_subscript_slot => b_subscript);

fn b_ass_subscript(o: &Obj, item: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let h = check_blob(o)?;
    if ops::number::has_index(item) {
        let value = match value {
            Some(v) => v,
            None => bail!(TypeError, "Blob doesn't support item deletion"),
        };
        if !int::is_int(value) {
            bail!(TypeError, "'{}' object cannot be interpreted as an integer", value.ty().name());
        }
        let i = index_of(h, item)?;
        let v = int::as_i64(value).unwrap_or(-1);
        if !(0..=255).contains(&v) {
            bail!(ValueError, "byte must be in range(0, 256)");
        }
        // A single in-place byte: written directly, whatever the offset.
        // SAFETY: one byte at a checked index.
        let b = [v as u8];
        let rc = unsafe { ffi::sqlite3_blob_write(h, b.as_ptr() as *const c_void, 1, i) };
        if rc != ffi::SQLITE_OK {
            return Err(blob_error(o, rc));
        }
        return Ok(());
    }
    if slice::is_slice(item) {
        let value = match value {
            Some(v) => v,
            None => bail!(TypeError, "Blob doesn't support slice deletion"),
        };
        let (start, _stop, step, n) = slice::unpack_indices(item, blob_len(h) as usize)?;
        let data = buffer::Buffer::get(value, buffer::SIMPLE)?.as_slice().to_vec();
        if data.len() != n {
            bail!(IndexError, "Blob slice assignment is wrong size");
        }
        if n == 0 {
            return Ok(());
        }
        let mut all = read_at(o, h, blob_len(h), 0)?;
        for (k, b) in data.iter().enumerate() {
            all[(start + k as isize * step) as usize] = *b;
        }
        // SAFETY: all is the whole blob, rewritten in place.
        let rc = unsafe { ffi::sqlite3_blob_write(h, all.as_ptr() as *const c_void, all.len() as c_int, 0) };
        if rc != ffi::SQLITE_OK {
            return Err(blob_error(o, rc));
        }
        return Ok(());
    }
    bail!(TypeError, "Blob indices must be integers")
}

unsafe extern "C" fn b_ass_subscript_slot(p: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let v = if v.is_null() { None } else { Some(Obj::borrow_slot(&v)) };
    krait_runtime::types::slots::ret_status(b_ass_subscript(Obj::borrow_slot(&p), Obj::borrow_slot(&k), v))
}

pub fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut BLOB_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Blob>(t, "sqlite3.Blob", false);
        (*t).tp_flags |= krait_runtime::object::tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_weaklistoffset = native::weaklist_offset::<Blob>();
        let mp = &raw mut BLOB_MAP;
        (*mp).mp_length = Some(b_len_slot);
        (*mp).mp_subscript = Some(b_subscript_slot);
        (*mp).mp_ass_subscript = Some(b_ass_subscript_slot);
        (*t).tp_as_mapping = mp;
        (*t).tp_methods = method_table(&[
            method("read", b_read),
            method("write", b_write),
            method("seek", b_seek),
            method("tell", b_tell),
            method("close", b_close),
            method("__enter__", b_enter),
            method("__exit__", b_exit),
        ]);
        type_::ready(t)?;
    }
    Ok(())
}
