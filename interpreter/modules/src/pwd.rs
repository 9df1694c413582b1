//! `pwd`: the password database through getpwuid_r/getpwnam_r and the
//! getpwent iteration, as CPython's Modules/pwdmodule.c.

use crate::posix::args;
use crate::Keep;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, int, list, module, str as pystr, structseq};
use krait_runtime::{Obj, PyResult};

static STRUCT_PASSWD: Keep = Keep::new();

fn struct_passwd() -> PyResult<Obj> {
    STRUCT_PASSWD.get_or_init(|| {
        let fields = [Some("pw_name"), Some("pw_passwd"), Some("pw_uid"), Some("pw_gid"), Some("pw_gecos"), Some("pw_dir"), Some("pw_shell")];
        structseq::new_type_ext("pwd", "struct_passwd", &fields, fields.len(), None)
    })
}

fn entry(p: &libc::passwd) -> PyResult<Obj> {
    let s = |c: *const libc::c_char| -> PyResult<Obj> {
        if c.is_null() {
            return Ok(pystr::new(""));
        }
        args::fs_decode(unsafe { std::ffi::CStr::from_ptr(c) }.to_bytes())
    };
    let v = vec![
        s(p.pw_name)?,
        s(p.pw_passwd)?,
        int::from_i64(p.pw_uid as i64),
        int::from_i64(p.pw_gid as i64),
        s(p.pw_gecos)?,
        s(p.pw_dir)?,
        s(p.pw_shell)?,
    ];
    structseq::new_ext(&struct_passwd()?, v)
}

/// Runs a *_r lookup with a growing buffer; Ok(None) when not found.
fn lookup(mut f: impl FnMut(&mut libc::passwd, &mut [libc::c_char], &mut *mut libc::passwd) -> i32) -> PyResult<Option<Obj>> {
    let mut size = 1024usize;
    loop {
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut buf = vec![0 as libc::c_char; size];
        let mut res: *mut libc::passwd = std::ptr::null_mut();
        let r = f(&mut pw, &mut buf, &mut res);
        if r == libc::ERANGE && size < 1 << 20 {
            size *= 4;
            continue;
        }
        if res.is_null() {
            return Ok(None);
        }
        return entry(&pw).map(Some);
    }
}

fn p_getpwuid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getpwuid", a, kw, 1, 1)?;
    let i = int::index_raw(&a[0])?;
    let uid = int::as_i64(&i).filter(|v| *v == -1 || (0..=u32::MAX as i64).contains(v));
    let not_found = || -> PyResult<Obj> {
        let msg = match uid {
            Some(u) => format!("getpwuid(): uid not found: {}", u),
            None => "getpwuid(): uid not found".to_owned(),
        };
        Err(krait_runtime::errors::raise_with(krait_runtime::types::exceptions::KeyError(), &[pystr::new(&msg)]))
    };
    let Some(u) = uid else { return not_found() };
    let u = u as u32;
    match lookup(|pw, buf, res| unsafe { libc::getpwuid_r(u, pw, buf.as_mut_ptr(), buf.len(), res) })? {
        Some(e) => Ok(e),
        None => not_found(),
    }
}

fn p_getpwnam(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getpwnam", a, kw, 1, 1)?;
    if !pystr::is_str(&a[0]) {
        krait_runtime::bail!(TypeError, "getpwnam() argument must be str, not {}", a[0].ty().name());
    }
    let b = args::fs_encode(&a[0])?;
    if b.contains(&0) {
        krait_runtime::bail!(ValueError, "embedded null character");
    }
    let c = std::ffi::CString::new(b).unwrap();
    match lookup(|pw, buf, res| unsafe { libc::getpwnam_r(c.as_ptr(), pw, buf.as_mut_ptr(), buf.len(), res) })? {
        Some(e) => Ok(e),
        None => {
            let msg = format!("getpwnam(): name not found: {}", krait_runtime::ops::repr_string(&a[0])?);
            Err(krait_runtime::errors::raise_with(krait_runtime::types::exceptions::KeyError(), &[pystr::new(&msg)]))
        }
    }
}

fn p_getpwall(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getpwall", a, kw, 0, 0)?;
    // setpwent/getpwent share libc state: the GIL serialises them.
    let mut out = Vec::new();
    unsafe {
        libc::setpwent();
        loop {
            let p = libc::getpwent();
            if p.is_null() {
                break;
            }
            match entry(&*p) {
                Ok(e) => out.push(e),
                Err(e) => {
                    libc::endpwent();
                    return Err(e);
                }
            }
        }
        libc::endpwent();
    }
    Ok(list::from_vec(out))
}

fn functions() -> Vec<MethodSpec> {
    vec![method("getpwuid", p_getpwuid), method("getpwnam", p_getpwnam), method("getpwall", p_getpwall)]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("pwd")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "struct_passwd", &struct_passwd()?)?;
    dict::set_item_str(
        &d,
        "__doc__",
        &pystr::new("This module provides access to the Unix password database.\nIt is available on all Unix versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised if the entry asked for cannot be found."),
    )?;
    Ok(m)
}
