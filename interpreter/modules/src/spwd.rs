//! `spwd`: the shadow password database (getspnam/getspall), as CPython
//! 3.11's deprecated module; reading it needs the privileges the C library
//! asks for, else PermissionError.

use crate::posix::args;
use crate::Keep;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{exceptions, int, list, module, str as pystr, structseq};
use krait_runtime::{Obj, PyResult};
use std::ffi::CStr;

static STRUCT_SPWD: Keep = Keep::new();

fn struct_spwd() -> PyResult<Obj> {
    STRUCT_SPWD.get_or_init(|| {
        // Nine tuple fields, then sp_nam and sp_pwd as attributes only.
        let fields = [
            Some("sp_namp"),
            Some("sp_pwdp"),
            Some("sp_lstchg"),
            Some("sp_min"),
            Some("sp_max"),
            Some("sp_warn"),
            Some("sp_inact"),
            Some("sp_expire"),
            Some("sp_flag"),
            Some("sp_nam"),
            Some("sp_pwd"),
        ];
        structseq::new_type_ext("spwd", "struct_spwd", &fields, 9, None)
    })
}

fn entry(p: &libc::spwd) -> PyResult<Obj> {
    let s = |c: *const libc::c_char| -> PyResult<Obj> {
        if c.is_null() {
            return Ok(krait_runtime::types::none::none());
        }
        args::fs_decode(unsafe { CStr::from_ptr(c) }.to_bytes())
    };
    let (name, pwd) = (s(p.sp_namp)?, s(p.sp_pwdp)?);
    let v = vec![
        name.clone(),
        pwd.clone(),
        int::from_i64(p.sp_lstchg as i64),
        int::from_i64(p.sp_min as i64),
        int::from_i64(p.sp_max as i64),
        int::from_i64(p.sp_warn as i64),
        int::from_i64(p.sp_inact as i64),
        int::from_i64(p.sp_expire as i64),
        int::from_u64(p.sp_flag as u64),
        name,
        pwd,
    ];
    structseq::new_ext(&struct_spwd()?, v)
}

/// errno of the last C library call.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn s_getspnam(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getspnam", a, kw, 1, 1)?;
    if !pystr::is_str(&a[0]) {
        krait_runtime::bail!(TypeError, "getspnam() argument must be str, not {}", a[0].ty().name());
    }
    let b = args::fs_encode(&a[0])?;
    if b.contains(&0) {
        krait_runtime::bail!(ValueError, "embedded null byte");
    }
    let c = std::ffi::CString::new(b).unwrap();
    // The non-reentrant call, serialised by the GIL, as CPython's; errno
    // is cleared first so "not found" and a failure can be told apart.
    unsafe {
        *libc::__errno_location() = 0;
        let p = getspnam(c.as_ptr());
        if p.is_null() {
            let e = errno();
            if e != 0 {
                return Err(args::os_error(e, None, None));
            }
            return Err(krait_runtime::errors::raise_with(exceptions::KeyError(), &[pystr::new("getspnam(): name not found")]));
        }
        entry(&*p)
    }
}

fn s_getspall(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getspall", a, kw, 0, 0)?;
    let mut out = Vec::new();
    // setspent/getspent share C library state: the GIL serialises them.
    unsafe {
        libc::setspent();
        loop {
            let p = getspent();
            if p.is_null() {
                break;
            }
            match entry(&*p) {
                Ok(e) => out.push(e),
                Err(e) => {
                    libc::endspent();
                    return Err(e);
                }
            }
        }
        libc::endspent();
    }
    Ok(list::from_vec(out))
}

extern "C" {
    fn getspnam(name: *const libc::c_char) -> *mut libc::spwd;
    fn getspent() -> *mut libc::spwd;
}

const FUNCTIONS: &[MethodSpec] = &[method("getspnam", s_getspnam), method("getspall", s_getspall)];

pub fn create() -> PyResult<Obj> {
    let m = module::new("spwd")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    krait_runtime::types::dict::set_item_str(&d, "struct_spwd", &struct_spwd()?)?;
    // Deprecated in 3.11 (PEP 594), warned about on import as CPython does.
    krait_runtime::modules::warnings::warn_from_importer(exceptions::DeprecationWarning(), "'spwd' is deprecated and slated for removal in Python 3.13")?;
    Ok(m)
}
