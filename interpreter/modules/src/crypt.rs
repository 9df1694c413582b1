//! `_crypt`: crypt(3) through libcrypt's reentrant `crypt_r`, for Lib/
//! crypt.py, as CPython 3.11 builds it; the hashing runs with the GIL
//! released.

use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{module, str as pystr};
use krait_runtime::{Obj, PyResult};
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

/// libxcrypt's `struct crypt_data`: output, setting, input, reserved,
/// initialized, internal (384 + 384 + 512 + 767 + 1 + 30720 bytes). Only
/// its size and zeroed start matter here.
const CRYPT_DATA_SIZE: usize = 32768;

#[link(name = "crypt")]
extern "C" {
    fn crypt_r(phrase: *const c_char, setting: *const c_char, data: *mut u8) -> *mut c_char;
}

/// A str argument as the "s" converter takes it: UTF-8, no NUL.
fn c_str(fname: &str, pos: usize, o: &Obj) -> PyResult<CString> {
    if !pystr::is_str(o) {
        krait_runtime::bail!(TypeError, "{}() argument {} must be str, not {}", fname, pos, o.ty().name());
    }
    let b = krait_runtime::ops::attr::call_method(o, "encode", &[pystr::new("utf-8")])?;
    let bytes = krait_runtime::types::bytes::as_slice(&b).to_vec();
    CString::new(bytes).map_err(|_| krait_runtime::errors::raise(krait_runtime::types::exceptions::ValueError(), "embedded null character"))
}

fn c_crypt(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::posix::args::positional("crypt", a, kw, 2, 2)?;
    let word = c_str("crypt", 1, &a[0])?;
    let salt = c_str("crypt", 2, &a[1])?;
    let mut data = vec![0u8; CRYPT_DATA_SIZE];
    // SAFETY: the buffer is a zeroed crypt_data of the size libcrypt
    // expects; the result points into it (or is null) and is copied out
    // before the buffer is dropped.
    let result = krait_runtime::gil::allow_threads(|| unsafe {
        let r = crypt_r(word.as_ptr(), salt.as_ptr(), data.as_mut_ptr());
        if r.is_null() {
            Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
        } else {
            Ok(CStr::from_ptr(r).to_bytes().to_vec())
        }
    });
    match result {
        Ok(b) => Ok(pystr::new(&String::from_utf8_lossy(&b))),
        Err(e) => Err(crate::posix::args::os_error(e, None, None)),
    }
}

const FUNCTIONS: &[MethodSpec] = &[method("crypt", c_crypt)];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_crypt")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    Ok(m)
}
