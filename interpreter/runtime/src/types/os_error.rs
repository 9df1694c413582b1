//! Raising OSError (and the subclass its errno selects) from Rust I/O errors.

use crate::errors::PyErr;
use crate::types::{int, str as pystr};

/// OSError(errno, strerror) for an I/O error, as CPython's PyErr_SetFromErrno.
pub fn from_io(e: &std::io::Error) -> PyErr {
    match e.raw_os_error() {
        Some(code) => from_errno(code, None),
        None => crate::raise!(OSError, "{}", e),
    }
}

/// OSError for `errno`, optionally with a filename.
pub fn from_errno(code: i32, filename: Option<&str>) -> PyErr {
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) }.to_string_lossy().into_owned();
    let t = crate::types::exceptions::oserror_subclass(code);
    let mut args = vec![int::from_i64(code as i64), pystr::new(&msg)];
    if let Some(f) = filename {
        args.push(pystr::new(f));
    }
    crate::errors::raise_with(t, &args)
}
