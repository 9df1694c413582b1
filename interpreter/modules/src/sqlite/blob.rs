//! `sqlite3.Blob`: incremental BLOB I/O. Opening blobs is not implemented
//! yet: `Connection.blobopen` raises NotSupportedError.

use super::{err, Kind};
use crate::native::{self, State};
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::types::type_;

static mut BLOB_TYPE: PyTypeObject = PyTypeObject::EMPTY;

pub fn blob_type() -> Obj {
    type_::type_obj(&raw mut BLOB_TYPE)
}

struct Blob;

impl State for Blob {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

pub fn blobopen(_conn: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    Err(err(Kind::NotSupported, "blobopen() is not supported by this build"))
}

/// Closes the blobs opened on `conn` (none while blobopen is unsupported).
pub fn close_blobs_of(_conn: &Obj) {}

pub fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut BLOB_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Blob>(t, "sqlite3.Blob", false);
        (*t).tp_flags |= krait_runtime::object::tpflags::DISALLOW_INSTANTIATION;
        type_::ready(t)?;
    }
    Ok(())
}
