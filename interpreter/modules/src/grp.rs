//! `grp`: the group database through getgrgid_r/getgrnam_r and the
//! getgrent iteration, as CPython's Modules/grpmodule.c.

use crate::posix::args;
use crate::Keep;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, exceptions, int, list, module, str as pystr, structseq};
use krait_runtime::{Obj, PyResult};

static STRUCT_GROUP: Keep = Keep::new();

fn struct_group() -> PyResult<Obj> {
    STRUCT_GROUP.get_or_init(|| {
        let fields = [Some("gr_name"), Some("gr_passwd"), Some("gr_gid"), Some("gr_mem")];
        structseq::new_type_ext("grp", "struct_group", &fields, fields.len(), None)
    })
}

fn cstr(c: *const libc::c_char) -> PyResult<Obj> {
    if c.is_null() {
        return Ok(pystr::new(""));
    }
    args::fs_decode(unsafe { std::ffi::CStr::from_ptr(c) }.to_bytes())
}

fn entry(g: &libc::group) -> PyResult<Obj> {
    let mut mem = Vec::new();
    let mut p = g.gr_mem;
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            mem.push(cstr(*p)?);
            p = p.add(1);
        }
    }
    let v = vec![cstr(g.gr_name)?, cstr(g.gr_passwd)?, int::from_i64(g.gr_gid as i64), list::from_vec(mem)];
    structseq::new_ext(&struct_group()?, v)
}

/// Runs a *_r lookup with a growing buffer; Ok(None) when not found.
fn lookup(mut f: impl FnMut(&mut libc::group, &mut [libc::c_char], &mut *mut libc::group) -> i32) -> PyResult<Option<Obj>> {
    let mut size = 1024usize;
    loop {
        let mut gr: libc::group = unsafe { std::mem::zeroed() };
        let mut buf = vec![0 as libc::c_char; size];
        let mut res: *mut libc::group = std::ptr::null_mut();
        let r = f(&mut gr, &mut buf, &mut res);
        if r == libc::ERANGE && size < 1 << 20 {
            size *= 4;
            continue;
        }
        if res.is_null() {
            return Ok(None);
        }
        return entry(&gr).map(Some);
    }
}

fn key_error(msg: String) -> krait_runtime::PyErr {
    krait_runtime::errors::raise_with(exceptions::KeyError(), &[pystr::new(&msg)])
}

/// CPython's gid converter: -1 is allowed; anything else outside gid_t is
/// reported as below the minimum unless it overflows a C long.
fn gid_arg(o: &Obj) -> PyResult<u32> {
    if !int::is_int(o) && !krait_runtime::ops::number::has_index(o) {
        krait_runtime::bail!(TypeError, "gid should be integer, not {}", o.ty().name());
    }
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(-1) => Ok(u32::MAX),
        Some(v) if (0..=u32::MAX as i64).contains(&v) => Ok(v as u32),
        Some(_) => krait_runtime::bail!(OverflowError, "gid is less than minimum"),
        None if int::sign(&i) < 0 => krait_runtime::bail!(OverflowError, "gid is less than minimum"),
        None => krait_runtime::bail!(OverflowError, "gid is greater than maximum"),
    }
}

fn g_getgrgid(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = crate::posix::args::clinic("getgrgid", a, kw, &["id"], 0, 1, 1)?;
    let o = v[0].as_ref().unwrap();
    let gid = gid_arg(o)?;
    match lookup(|gr, buf, res| unsafe { libc::getgrgid_r(gid, gr, buf.as_mut_ptr(), buf.len(), res) })? {
        Some(e) => Ok(e),
        None => Err(key_error(format!("getgrgid(): gid not found: {}", krait_runtime::ops::repr_string(o)?))),
    }
}

fn g_getgrnam(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = crate::posix::args::clinic("getgrnam", a, kw, &["name"], 0, 1, 1)?;
    let o = v[0].as_ref().unwrap();
    if !pystr::is_str(o) {
        krait_runtime::bail!(TypeError, "getgrnam() argument must be str, not {}", o.ty().name());
    }
    let b = args::fs_encode(o)?;
    if b.contains(&0) {
        krait_runtime::bail!(ValueError, "embedded null character");
    }
    let c = std::ffi::CString::new(b).unwrap();
    match lookup(|gr, buf, res| unsafe { libc::getgrnam_r(c.as_ptr(), gr, buf.as_mut_ptr(), buf.len(), res) })? {
        Some(e) => Ok(e),
        None => Err(key_error(format!("getgrnam(): name not found: {}", krait_runtime::ops::repr_string(o)?))),
    }
}

fn g_getgrall(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getgrall", a, kw, 0, 0)?;
    // setgrent/getgrent share libc state: the GIL serialises them.
    let mut out = Vec::new();
    unsafe {
        libc::setgrent();
        loop {
            let p = libc::getgrent();
            if p.is_null() {
                break;
            }
            match entry(&*p) {
                Ok(e) => out.push(e),
                Err(e) => {
                    libc::endgrent();
                    return Err(e);
                }
            }
        }
        libc::endgrent();
    }
    Ok(list::from_vec(out))
}

fn functions() -> Vec<MethodSpec> {
    vec![method("getgrgid", g_getgrgid), method("getgrnam", g_getgrnam), method("getgrall", g_getgrall)]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("grp")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "struct_group", &struct_group()?)?;
    dict::set_item_str(
        &d,
        "__doc__",
        &pystr::new("Access to the Unix group database.\n\nGroup entries are reported as 4-tuples containing the following fields\nfrom the group database, in order:\n\n  gr_name   - name of the group\n  gr_passwd - group password (encrypted); often empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\nThe gid is an integer, name and password are strings.  (Note that most\nusers are not explicitly listed as members of the groups they are in\naccording to the password database.  Check both databases to get\ncomplete membership information.)"),
    )?;
    Ok(m)
}
