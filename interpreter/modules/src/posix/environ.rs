//! `environ` (bytes → bytes, as CPython's posix.environ), putenv/unsetenv.

use super::args;
use krait_runtime::types::{bytes, dict, none, str as pystr};
use krait_runtime::{Obj, PyResult};

extern "C" {
    static mut environ: *const *const libc::c_char;
}

/// A dict of the process environment at this moment.
pub fn environ_dict() -> PyResult<Obj> {
    let d = dict::new();
    unsafe {
        let mut p = environ;
        if p.is_null() {
            return Ok(d);
        }
        while !(*p).is_null() {
            let s = std::ffi::CStr::from_ptr(*p).to_bytes();
            if let Some(eq) = s.iter().skip(1).position(|&b| b == b'=').map(|i| i + 1) {
                let k = bytes::new(&s[..eq]);
                // The first definition of a name wins, as in CPython.
                if dict::get_item(&d, &k)?.is_none() {
                    dict::set_item(&d, &k, &bytes::new(&s[eq + 1..]))?;
                }
            }
            p = p.add(1);
        }
    }
    Ok(d)
}

/// PyUnicode_FSConverter: str or bytes (or PathLike) → bytes without NUL.
fn fs_converter(o: &Obj) -> PyResult<Vec<u8>> {
    let r = args::fspath(o)?;
    let b = if pystr::is_str(&r) { args::fs_encode(&r)? } else { bytes::as_slice(&r).to_vec() };
    if b.contains(&0) {
        krait_runtime::bail!(ValueError, "embedded null byte");
    }
    Ok(b)
}

pub fn p_putenv(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("putenv", a, kw, 2, 2)?;
    let name = fs_converter(&a[0])?;
    let value = fs_converter(&a[1])?;
    if name.is_empty() || name.contains(&b'=') {
        if name.is_empty() {
            unsafe { *libc::__errno_location() = libc::EINVAL };
            return Err(args::last_error());
        }
        krait_runtime::bail!(ValueError, "illegal environment variable name");
    }
    let (n, v) = (std::ffi::CString::new(name).unwrap(), std::ffi::CString::new(value).unwrap());
    if unsafe { libc::setenv(n.as_ptr(), v.as_ptr(), 1) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}

pub fn p_unsetenv(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("unsetenv", a, kw, 1, 1)?;
    let name = fs_converter(&a[0])?;
    let n = std::ffi::CString::new(name).unwrap();
    if unsafe { libc::unsetenv(n.as_ptr()) } != 0 {
        return Err(args::last_error());
    }
    Ok(none::none())
}
