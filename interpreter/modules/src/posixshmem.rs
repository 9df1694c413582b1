//! `_posixshmem`: POSIX shared memory objects (shm_open/shm_unlink), which
//! multiprocessing's shared_memory and resource tracker use, as CPython's
//! Modules/_multiprocessing/posixshmem.c.

use crate::posix::args;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{int, module, none, str as pystr};
use krait_runtime::{Obj, PyResult};
use std::ffi::CString;

/// The name argument, a str. As CPython, which hands its UTF-8 form to C,
/// the name ends at an embedded NUL.
fn name_arg(fname: &str, o: &Obj) -> PyResult<CString> {
    if !pystr::is_str(o) {
        krait_runtime::bail!(TypeError, "{}() argument 'path' must be str, not {}", fname, o.ty().name());
    }
    let s = pystr::to_string_lossy(o);
    let upto = s.split('\0').next().unwrap_or("");
    Ok(CString::new(upto).expect("no NUL before the first NUL"))
}

/// `shm_open(path, flags, mode=0o777)`: the new descriptor.
fn f_shm_open(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("shm_open", a, k, &["path", "flags", "mode"], 0, 3, 2)?;
    let path = v[0].clone().unwrap();
    let name = name_arg("shm_open", &path)?;
    let flags = args::to_int(v[1].as_ref().unwrap())?;
    let mode = match &v[2] {
        Some(m) => args::to_int(m)?,
        None => 0o777,
    };
    let fd = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::shm_open(name.as_ptr(), flags, mode as libc::mode_t) })?;
    if fd < 0 {
        return Err(args::os_error(args::errno(), Some(&path), None));
    }
    Ok(int::from_i64(fd as i64))
}

/// `shm_unlink(path)`: removes the name; the memory goes with its last user.
fn f_shm_unlink(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("shm_unlink", a, k, &["path"], 0, 1, 1)?;
    let path = v[0].clone().unwrap();
    let name = name_arg("shm_unlink", &path)?;
    let r = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::shm_unlink(name.as_ptr()) })?;
    if r < 0 {
        return Err(args::os_error(args::errno(), Some(&path), None));
    }
    Ok(none::none())
}

fn functions() -> Vec<MethodSpec> {
    vec![method("shm_open", f_shm_open), method("shm_unlink", f_shm_unlink)]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_posixshmem")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    Ok(m)
}
