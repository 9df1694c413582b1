//! `listdir`, `scandir` and `DirEntry` (with the d_type and stat caches
//! CPython keeps), and the scandir iterator as a context manager.

use super::args::{self, clinic, Path};
use krait_runtime::object::{alloc, tpflags, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{check_nargs, classmethod, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytes, exceptions, int, list, none, str as pystr, type_};
use krait_runtime::{Obj, PyResult};
use std::ffi::CStr;

/// Reads every entry name of an open directory stream (skipping . and ..).
fn read_names(dir: *mut libc::DIR) -> Result<Vec<(Vec<u8>, u8, u64)>, i32> {
    let mut out = Vec::new();
    loop {
        unsafe { *libc::__errno_location() = 0 };
        let e = unsafe { libc::readdir64(dir) };
        if e.is_null() {
            let err = args::errno();
            if err != 0 {
                return Err(err);
            }
            return Ok(out);
        }
        let name = unsafe { CStr::from_ptr((*e).d_name.as_ptr()) }.to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name.to_vec(), unsafe { (*e).d_type }, unsafe { (*e).d_ino }));
    }
}

/// Opens the directory of a path argument (an fd is duplicated so that
/// closing the stream leaves it open, and rewound as CPython does).
fn open_dir(p: &Path) -> PyResult<*mut libc::DIR> {
    let dir = match p.fd {
        Some(fd) => {
            let d = unsafe { libc::dup(fd) };
            if d < 0 {
                return Err(args::path_error(p));
            }
            let dir = unsafe { libc::fdopendir(d) };
            if dir.is_null() {
                let e = args::errno();
                unsafe { libc::close(d) };
                return Err(args::os_error(e, Some(&p.obj), None));
            }
            unsafe { libc::rewinddir(dir) };
            dir
        }
        None => {
            let c = p.cstring();
            unsafe { libc::opendir(c.as_ptr()) }
        }
    };
    if dir.is_null() {
        return Err(args::path_error(p));
    }
    Ok(dir)
}

fn name_obj(p: &Path, name: &[u8]) -> PyResult<Obj> {
    if p.is_bytes {
        Ok(bytes::new(name))
    } else {
        args::fs_decode(name)
    }
}

pub fn p_listdir(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("listdir", a, kw, &["path"], 0, 1, 0)?;
    let mut p = args::path("listdir", "path", v[0].as_ref(), true, true)?;
    if p.fd == Some(-1) {
        // -1 is CPython's "no descriptor": the current directory.
        p = args::path("listdir", "path", None, true, false)?;
    }
    let dir = open_dir(&p)?;
    let r = read_names(dir);
    if p.fd.is_some() {
        unsafe { libc::rewinddir(dir) };
    }
    unsafe { libc::closedir(dir) };
    let names = match r {
        Ok(n) => n,
        Err(e) => return Err(args::os_error(e, Some(&p.obj), None)),
    };
    let mut out = Vec::with_capacity(names.len());
    for (n, _, _) in names {
        out.push(name_obj(&p, &n)?);
    }
    Ok(list::from_vec(out))
}

// ---------------------------------------------------------------------------
// DirEntry

struct EntryData {
    name: Obj,
    path: Obj,
    /// The path's bytes (for stat calls), or the name's with `dir_fd`.
    cpath: std::ffi::CString,
    dir_fd: Option<i32>,
    d_type: u8,
    ino: u64,
    stat: Option<Obj>,
    lstat: Option<Obj>,
}

#[repr(C)]
struct DirEntryObject {
    ob_base: PyObject,
    data: *mut EntryData,
}

static mut DIRENTRY_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SCANDIR_ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn entry(o: &Obj) -> &mut EntryData {
    unsafe { &mut *o.cast::<DirEntryObject>().data }
}

unsafe extern "C" fn entry_dealloc(p: *mut PyObject) {
    let e = &mut *(p as *mut DirEntryObject);
    if !e.data.is_null() {
        drop(Box::from_raw(e.data));
        e.data = std::ptr::null_mut();
    }
    alloc::free_object(p);
}

fn entry_fetch_stat(o: &Obj, follow: bool) -> PyResult<Obj> {
    let d = entry(o);
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let fl = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let dfd = d.dir_fd.unwrap_or(libc::AT_FDCWD);
    if unsafe { libc::fstatat(dfd, d.cpath.as_ptr(), &mut st, fl) } != 0 {
        return Err(args::os_error(args::errno(), Some(&d.path), None));
    }
    super::stat::from_stat(&st)
}

fn entry_lstat(o: &Obj) -> PyResult<Obj> {
    if let Some(s) = entry(o).lstat.clone() {
        return Ok(s);
    }
    let s = entry_fetch_stat(o, false)?;
    entry(o).lstat = Some(s.clone());
    Ok(s)
}

fn entry_stat(o: &Obj, follow: bool) -> PyResult<Obj> {
    if !follow {
        return entry_lstat(o);
    }
    if let Some(s) = entry(o).stat.clone() {
        return Ok(s);
    }
    let s = if entry_is_symlink(o)? { entry_fetch_stat(o, true)? } else { entry_lstat(o)? };
    entry(o).stat = Some(s.clone());
    Ok(s)
}

fn entry_is_symlink(o: &Obj) -> PyResult<bool> {
    let d = entry(o);
    if d.d_type != libc::DT_UNKNOWN {
        return Ok(d.d_type == libc::DT_LNK);
    }
    let s = entry_lstat(o)?;
    Ok(mode_of(&s)? & libc::S_IFMT == libc::S_IFLNK)
}

fn mode_of(st: &Obj) -> PyResult<u32> {
    let m = krait_runtime::ops::seq::getitem(st, &int::from_i64(0))?;
    Ok(int::as_i64(&m).unwrap_or(0) as u32)
}

fn entry_test_mode(o: &Obj, follow: bool, want: u32) -> PyResult<bool> {
    let d = entry(o);
    let need_stat = d.d_type == libc::DT_UNKNOWN || (follow && d.d_type == libc::DT_LNK);
    if need_stat {
        let st = match entry_stat(o, follow) {
            Ok(s) => s,
            Err(e) => {
                if krait_runtime::errors::matches(exceptions::FileNotFoundError()) {
                    let _ = e;
                    krait_runtime::errors::clear();
                    return Ok(false);
                }
                return Err(e);
            }
        };
        return Ok(mode_of(&st)? & libc::S_IFMT == want);
    }
    Ok(match want {
        libc::S_IFDIR => d.d_type == libc::DT_DIR,
        _ => d.d_type == libc::DT_REG,
    })
}

fn follow_arg(fname: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<bool> {
    let v = clinic(fname, a, kw, &["follow_symlinks"], 0, 0, 0)?;
    args::to_bool(&v[0], true)
}

fn e_is_dir(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = follow_arg("is_dir", a, kw)?;
    Ok(bool_::from_bool(entry_test_mode(slf, f, libc::S_IFDIR)?))
}

fn e_is_file(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = follow_arg("is_file", a, kw)?;
    Ok(bool_::from_bool(entry_test_mode(slf, f, libc::S_IFREG)?))
}

fn e_is_symlink(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_symlink", a, kw, 0, 0)?;
    Ok(bool_::from_bool(entry_is_symlink(slf)?))
}

fn e_stat(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = follow_arg("stat", a, kw)?;
    entry_stat(slf, f)
}

fn e_inode(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("inode", a, kw, 0, 0)?;
    Ok(int::from_u64(entry(slf).ino))
}

fn e_fspath(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__fspath__", a, kw, 0, 0)?;
    Ok(entry(slf).path.clone())
}

fn e_class_getitem(cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__class_getitem__", a, kw, 1, 1)?;
    krait_runtime::types::generic_alias::new(cls, &a[0])
}

fn e_name(o: &Obj) -> PyResult<Obj> {
    Ok(entry(o).name.clone())
}

fn e_path(o: &Obj) -> PyResult<Obj> {
    Ok(entry(o).path.clone())
}

fn e_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&format!("<DirEntry {}>", krait_runtime::ops::repr_string(&entry(o).name)?)))
}
krait_runtime::unary_slot!(e_repr_slot => e_repr);

fn new_entry(p: &Path, name: &[u8], d_type: u8, ino: u64) -> PyResult<Obj> {
    let name_o = name_obj(p, name)?;
    let (path_o, cpath) = if p.fd.is_some() {
        (name_o.clone(), std::ffi::CString::new(name.to_vec()).unwrap())
    } else {
        let mut full = p.bytes.clone();
        if !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(name);
        let po = if p.is_bytes { bytes::new(&full) } else { args::fs_decode(&full)? };
        (po, std::ffi::CString::new(full).unwrap())
    };
    let data = Box::new(EntryData {
        name: name_o,
        path: path_o,
        cpath,
        dir_fd: p.fd,
        d_type,
        ino,
        stat: None,
        lstat: None,
    });
    unsafe {
        let o = alloc::alloc_object(&raw mut DIRENTRY_TYPE, 0) as *mut DirEntryObject;
        (*o).data = Box::into_raw(data);
        Ok(Obj::from_owned(o as *mut PyObject))
    }
}

// ---------------------------------------------------------------------------
// ScandirIterator

struct IterData {
    dir: *mut libc::DIR,
    path: Path,
}

#[repr(C)]
struct ScandirIterObject {
    ob_base: PyObject,
    data: *mut IterData,
}

fn iter_data(o: &Obj) -> &mut IterData {
    unsafe { &mut *o.cast::<ScandirIterObject>().data }
}

fn iter_close(d: &mut IterData) {
    if !d.dir.is_null() {
        if d.path.fd.is_some() {
            unsafe { libc::rewinddir(d.dir) };
        }
        unsafe { libc::closedir(d.dir) };
        d.dir = std::ptr::null_mut();
    }
}

/// tp_finalize: an iterator dropped while its directory is still open is
/// closed with "unclosed scandir iterator" as a ResourceWarning.
unsafe extern "C" fn iter_finalize(p: *mut PyObject) {
    let it = &mut *(p as *mut ScandirIterObject);
    if it.data.is_null() || (*it.data).dir.is_null() {
        return;
    }
    iter_close(&mut *it.data);
    let o = Obj::from_borrowed(p);
    let saved = krait_runtime::errors::fetch();
    let r = (|| -> PyResult<()> {
        let msg = format!("unclosed scandir iterator {}", krait_runtime::ops::repr_string(&o)?);
        let w = krait_runtime::import::import_module_level(&pystr::new("warnings"), None, None, 0)?;
        let f = krait_runtime::ops::attr::getattr(&w, &pystr::new("warn"))?;
        let cat = krait_runtime::types::type_::type_obj(krait_runtime::types::exceptions::ResourceWarning());
        let kw = krait_runtime::types::tuple::new(&[pystr::new("stacklevel"), pystr::new("source")]);
        krait_runtime::ops::call::call(&f, &[pystr::new(&msg), cat, krait_runtime::types::int::from_i64(1), o.clone()], Some(&kw))?;
        Ok(())
    })();
    if let Err(e) = r {
        krait_runtime::errors::write_unraisable(e, Some(&o));
    }
    if let Some(v) = saved {
        let _ = krait_runtime::errors::restore(v);
    }
}

unsafe extern "C" fn iter_dealloc(p: *mut PyObject) {
    let open = {
        let it = &*(p as *mut ScandirIterObject);
        !it.data.is_null() && !(*it.data).dir.is_null()
    };
    if open {
        // The warning may resurrect the iterator (it is the warning's source).
        (*p).ob_refcnt = 1;
        iter_finalize(p);
        (*p).ob_refcnt -= 1;
        if (*p).ob_refcnt > 0 {
            return;
        }
    }
    let it = &mut *(p as *mut ScandirIterObject);
    if !it.data.is_null() {
        iter_close(&mut *it.data);
        drop(Box::from_raw(it.data));
        it.data = std::ptr::null_mut();
    }
    alloc::free_object(p);
}

fn iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let d = iter_data(o);
    loop {
        if d.dir.is_null() {
            return Ok(None);
        }
        unsafe { *libc::__errno_location() = 0 };
        let e = unsafe { libc::readdir64(d.dir) };
        if e.is_null() {
            let err = args::errno();
            iter_close(d);
            if err != 0 {
                return Err(args::os_error(err, Some(&d.path.obj), None));
            }
            return Ok(None);
        }
        let name = unsafe { CStr::from_ptr((*e).d_name.as_ptr()) }.to_bytes().to_vec();
        if name == b"." || name == b".." {
            continue;
        }
        let (t, ino) = unsafe { ((*e).d_type, (*e).d_ino) };
        return new_entry(&d.path, &name, t, ino).map(Some);
    }
}

unsafe extern "C" fn iter_next_slot(p: *mut PyObject) -> *mut PyObject {
    let o = Obj::borrow_slot(&p);
    match iter_next(o) {
        Ok(Some(v)) => v.into_raw(),
        Ok(None) | Err(_) => std::ptr::null_mut(),
    }
}

fn it_close(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, kw, 0, 0)?;
    iter_close(iter_data(slf));
    Ok(none::none())
}

fn it_enter(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__enter__", a, kw, 0, 0)?;
    Ok(slf.clone())
}

fn it_exit(slf: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("__exit__", kw)?;
    let _ = a;
    iter_close(iter_data(slf));
    Ok(none::none())
}

pub fn p_scandir(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("scandir", a, kw, &["path"], 0, 1, 0)?;
    let p = args::path("scandir", "path", v[0].as_ref(), true, true)?;
    let dir = open_dir(&p)?;
    let data = Box::new(IterData { dir, path: p });
    unsafe {
        let o = alloc::alloc_object(&raw mut SCANDIR_ITER_TYPE, 0) as *mut ScandirIterObject;
        (*o).data = Box::into_raw(data);
        Ok(Obj::from_owned(o as *mut PyObject))
    }
}

pub fn init_types() -> PyResult<Obj> {
    unsafe {
        let t = &raw mut DIRENTRY_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            type_::init_static(t, "posix.DirEntry", std::mem::size_of::<DirEntryObject>(), 0);
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_dealloc = Some(entry_dealloc);
            (*t).tp_repr = Some(e_repr_slot);
            let ms: Vec<MethodSpec> = vec![
                method("is_dir", e_is_dir),
                method("is_file", e_is_file),
                method("is_symlink", e_is_symlink),
                method("stat", e_stat),
                method("inode", e_inode),
                method("__fspath__", e_fspath),
                classmethod("__class_getitem__", e_class_getitem),
            ];
            (*t).tp_methods = method_table(&ms);
            (*t).tp_getset = getset_table(&[GetSetSpec::get("name", e_name), GetSetSpec::get("path", e_path)]);
            type_::ready(t)?;

            let it = &raw mut SCANDIR_ITER_TYPE;
            type_::init_static(it, "posix.ScandirIterator", std::mem::size_of::<ScandirIterObject>(), 0);
            (*it).tp_flags &= !tpflags::BASETYPE;
            (*it).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
            (*it).tp_dealloc = Some(iter_dealloc);
            (*it).tp_finalize = Some(iter_finalize);
            (*it).tp_iter = Some(krait_runtime::types::iter::self_iter);
            (*it).tp_iternext = Some(iter_next_slot);
            (*it).tp_methods = method_table(&[
                method("close", it_close),
                method("__enter__", it_enter),
                method("__exit__", it_exit),
            ]);
            type_::ready(it)?;
        }
        Ok(type_::type_obj(t))
    }
}
