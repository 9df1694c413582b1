//! Argument handling shared by `posix` and `_io`: argument-clinic style
//! keyword parsing (keyword-only parameters included), CPython's integer
//! and path converters, and OSError construction with filenames.

use krait_runtime::types::exceptions;
use krait_runtime::types::{bytes, int, none, str as pystr, tuple};
use krait_runtime::{Obj, PyErr, PyResult};

/// Splits a call's arguments by parameter name as argument clinic does:
/// `names` are every parameter; the first `posonly` are positional-only,
/// the first `maxpos` may be positional, the first `minpos` are required.
/// Parameters after `maxpos` are keyword-only.
pub fn clinic(
    fname: &str,
    args: &[Obj],
    kwnames: Option<&Obj>,
    names: &[&str],
    posonly: usize,
    maxpos: usize,
    minpos: usize,
) -> PyResult<Vec<Option<Obj>>> {
    let (out, bad_keyword) = clinic_deferred(fname, args, kwnames, names, posonly, maxpos, minpos)?;
    if let Some(msg) = bad_keyword {
        krait_runtime::bail!(TypeError, "{}", msg);
    }
    Ok(out)
}

/// `clinic` that hands back the message for an unknown or duplicated
/// keyword instead of raising it, for callers that must convert arguments
/// first (CPython's format-string parsers report it last).
pub fn clinic_deferred(
    fname: &str,
    args: &[Obj],
    kwnames: Option<&Obj>,
    names: &[&str],
    posonly: usize,
    maxpos: usize,
    minpos: usize,
) -> PyResult<(Vec<Option<Obj>>, Option<String>)> {
    let nkw = kwnames.map(tuple::len).unwrap_or(0);
    let nargs = args.len() - nkw;
    let maxargs = names.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if nargs + nkw > maxargs {
        krait_runtime::bail!(
            TypeError,
            "{}() takes at most {} {}argument{} ({} given)",
            fname,
            maxargs,
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + nkw
        );
    }
    if nargs > maxpos {
        if maxpos == 0 {
            krait_runtime::bail!(TypeError, "{}() takes no positional arguments", fname);
        }
        krait_runtime::bail!(
            TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            if minpos < maxpos { "at most" } else { "exactly" },
            maxpos,
            plural(maxpos),
            nargs
        );
    }
    let minposonly = posonly.min(minpos);
    if nargs < minposonly {
        krait_runtime::bail!(
            TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            if minposonly < maxpos { "at least" } else { "exactly" },
            minposonly,
            plural(minposonly),
            nargs
        );
    }
    let mut out: Vec<Option<Obj>> = vec![None; maxargs];
    for (i, a) in args[..nargs].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    // A bad keyword is reported after missing required arguments, as
    // _PyArg_UnpackKeywords does.
    let mut bad_keyword: Option<String> = None;
    if let Some(kn) = kwnames {
        for (i, key) in tuple::items(kn).iter().enumerate() {
            let k = pystr::to_string_lossy(key);
            match names.iter().position(|n| *n == k) {
                Some(j) if j >= posonly && out[j].is_none() => out[j] = Some(args[nargs + i].clone()),
                Some(j) if j >= posonly => {
                    bad_keyword.get_or_insert_with(|| {
                        format!("argument for {}() given by name ('{}') and position ({})", fname, k, j + 1)
                    });
                }
                _ => {
                    bad_keyword.get_or_insert_with(|| format!("'{}' is an invalid keyword argument for {}()", k, fname));
                }
            }
        }
    }
    for i in nargs..minpos {
        if out[i].is_none() {
            if i < posonly {
                krait_runtime::bail!(
                    TypeError,
                    "{}() takes {} {} positional argument{} ({} given)",
                    fname,
                    if minposonly < maxpos { "at least" } else { "exactly" },
                    minposonly,
                    plural(minposonly),
                    nargs
                );
            }
            krait_runtime::bail!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
        }
    }
    Ok((out, bad_keyword))
}

/// `_PyArg_CheckPositional`: "f expected 2 arguments, got 1".
pub fn positional(fname: &str, args: &[Obj], kwnames: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    krait_runtime::types::builtin_func::no_kwargs(fname, kwnames)?;
    let n = args.len();
    if n < min || n > max {
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        if min == max {
            krait_runtime::bail!(TypeError, "{} expected {} argument{}, got {}", fname, min, plural(min), n);
        }
        if n < min {
            krait_runtime::bail!(TypeError, "{} expected at least {} argument{}, got {}", fname, min, plural(min), n);
        }
        krait_runtime::bail!(TypeError, "{} expected at most {} argument{}, got {}", fname, max, plural(max), n);
    }
    Ok(())
}

/// An `int` parameter (`_PyLong_AsInt` through `__index__`).
pub fn to_int(o: &Obj) -> PyResult<i32> {
    if krait_runtime::types::float::is_float(o) {
        krait_runtime::bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    int::as_c_int(&int::index_raw(o)?)
}

/// A `long` parameter.
pub fn to_long(o: &Obj) -> PyResult<i64> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) => Ok(v),
        None => krait_runtime::bail!(OverflowError, "Python int too large to convert to C long"),
    }
}

/// A `Py_ssize_t` parameter.
pub fn to_ssize(o: &Obj) -> PyResult<isize> {
    int::index_isize(o)
}

/// An `unsigned int` parameter such as a uid, accepting -1.
pub fn to_id(o: &Obj) -> PyResult<u32> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(-1) => Ok(u32::MAX),
        Some(v) if (0..=u32::MAX as i64).contains(&v) => Ok(v as u32),
        Some(v) if v < 0 => krait_runtime::bail!(OverflowError, "uid is less than minimum"),
        _ => krait_runtime::bail!(OverflowError, "uid is greater than maximum"),
    }
}

/// A uid or gid (`_Py_Uid_Converter`/`_Py_Gid_Converter`; `what` is "uid"
/// or "gid"): -1 allowed; a C long that does not fit is "less than
/// minimum", as in CPython; only values past a C long are "greater than
/// maximum".
pub fn id_of(o: &Obj, what: &str) -> PyResult<u32> {
    if !int::is_int(o) && !krait_runtime::ops::number::has_index(o) {
        krait_runtime::bail!(TypeError, "{} should be integer, not {}", what, o.ty().name());
    }
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(-1) => Ok(u32::MAX),
        Some(v) if (0..=u32::MAX as i64).contains(&v) => Ok(v as u32),
        Some(_) => krait_runtime::bail!(OverflowError, "{} is less than minimum", what),
        None if int::sign(&i) < 0 => krait_runtime::bail!(OverflowError, "{} is less than minimum", what),
        None => krait_runtime::bail!(OverflowError, "{} is greater than maximum", what),
    }
}

/// A pid_t parameter (the "i" format on Linux).
pub fn to_pid(o: &Obj) -> PyResult<i32> {
    getargs_int(o)
}

/// PyArg_Parse's "i": through `__index__` to a C long first, then
/// range-checked for int, with getargs' messages.
pub fn getargs_int(o: &Obj) -> PyResult<i32> {
    let v = to_long(o)?;
    if v > i32::MAX as i64 {
        krait_runtime::bail!(OverflowError, "signed integer is greater than maximum");
    }
    if v < i32::MIN as i64 {
        krait_runtime::bail!(OverflowError, "signed integer is less than minimum");
    }
    Ok(v as i32)
}

/// An `unsigned int` parameter (`_PyLong_UnsignedInt_Converter`): ints
/// only, no `__index__`.
pub fn to_uint(o: &Obj) -> PyResult<u32> {
    if !int::is_int(o) {
        krait_runtime::bail!(TypeError, "an integer is required");
    }
    if int::sign(o) < 0 {
        krait_runtime::bail!(ValueError, "value must be positive");
    }
    match int::as_u64(o) {
        Some(v) if v <= u32::MAX as u64 => Ok(v as u32),
        Some(_) => krait_runtime::bail!(OverflowError, "Python int too large for C unsigned int"),
        None => krait_runtime::bail!(OverflowError, "Python int too large to convert to C unsigned long"),
    }
}

/// A file descriptor parameter (`fildes` converter): an int or an object
/// with `fileno()`.
pub fn fildes(o: &Obj) -> PyResult<i32> {
    let v = if int::is_int(o) {
        o.clone()
    } else {
        let m = krait_runtime::ops::attr::getattr_opt(o, &pystr::new("fileno"))?;
        match m {
            Some(f) => {
                let r = krait_runtime::ops::call::call(&f, &[], None)?;
                if !int::is_int(&r) {
                    krait_runtime::bail!(TypeError, "fileno() returned a non-integer");
                }
                r
            }
            None => krait_runtime::bail!(
                TypeError,
                "argument must be an int, or have a fileno() method."
            ),
        }
    };
    let fd = int::as_c_int(&v)?;
    if fd < 0 {
        krait_runtime::bail!(ValueError, "file descriptor cannot be a negative integer ({})", fd);
    }
    Ok(fd)
}

/// `dir_fd` parameters: None (AT_FDCWD) or an int.
pub fn dir_fd(o: &Option<Obj>) -> PyResult<i32> {
    match o {
        None => Ok(libc::AT_FDCWD),
        Some(v) if none::is_none(v) => Ok(libc::AT_FDCWD),
        Some(v) => {
            if !int::is_int(v) && !krait_runtime::ops::number::has_index(v) {
                krait_runtime::bail!(TypeError, "argument should be integer or None, not {}", v.ty().name());
            }
            fd_value(v)
        }
    }
}

/// An fd given as an int where a path may be (range-checked as CPython).
fn fd_value(o: &Obj) -> PyResult<i32> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) if v > i32::MAX as i64 => krait_runtime::bail!(OverflowError, "fd is greater than maximum"),
        Some(v) if v < i32::MIN as i64 => krait_runtime::bail!(OverflowError, "fd is less than minimum"),
        Some(v) => Ok(v as i32),
        None if int::sign(&i) < 0 => krait_runtime::bail!(OverflowError, "fd is less than minimum"),
        None => krait_runtime::bail!(OverflowError, "fd is greater than maximum"),
    }
}

/// A bool parameter (`p` converter: any object's truth).
pub fn to_bool(o: &Option<Obj>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(v) => krait_runtime::ops::truthy(v),
    }
}

/// A converted path argument: the object as given (for error messages and
/// filename attributes), its bytes, or a file descriptor.
pub struct Path {
    pub obj: Obj,
    pub bytes: Vec<u8>,
    pub fd: Option<i32>,
    /// The caller gave bytes (results should be bytes).
    pub is_bytes: bool,
    /// None was given (nullable paths such as listdir's).
    pub is_none: bool,
}

impl Path {
    pub fn cstring(&self) -> std::ffi::CString {
        std::ffi::CString::new(self.bytes.clone()).expect("NUL checked by the converter")
    }
}

/// The object's `__fspath__()` result or the object itself when it is str
/// or bytes; None when it is neither and has no `__fspath__`.
pub fn fspath_opt(o: &Obj) -> PyResult<Option<Obj>> {
    if pystr::is_str(o) || bytes::is_bytes(o) {
        return Ok(Some(o.clone()));
    }
    let Some(f) = krait_runtime::types::type_::lookup_str(o.type_ptr(), "__fspath__") else {
        return Ok(None);
    };
    if none::is_none(&f) {
        return Ok(None);
    }
    let r = krait_runtime::ops::call::call(&f, &[o.clone()], None)?;
    if !pystr::is_str(&r) && !bytes::is_bytes(&r) {
        krait_runtime::bail!(
            TypeError,
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.ty().name(),
            r.ty().name()
        );
    }
    Ok(Some(r))
}

/// `os.fspath(o)`.
pub fn fspath(o: &Obj) -> PyResult<Obj> {
    match fspath_opt(o)? {
        Some(r) => Ok(r),
        None => krait_runtime::bail!(TypeError, "expected str, bytes or os.PathLike object, not {}", o.ty().name()),
    }
}

/// str → bytes with the filesystem encoding (UTF-8, surrogateescape).
pub fn fs_encode(s: &Obj) -> PyResult<Vec<u8>> {
    if let Some(t) = pystr::as_str(s) {
        return Ok(t.as_bytes().to_vec());
    }
    krait_runtime::codecs::encode(s, "utf-8", Some("surrogateescape"))
}

/// bytes → str with the filesystem encoding.
pub fn fs_decode(b: &[u8]) -> PyResult<Obj> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(pystr::new(s));
    }
    krait_runtime::codecs::decode(b, "utf-8", Some("surrogateescape"))
}

/// CPython's path_converter. `fname`/`argname` name the argument in
/// messages; `nullable` accepts None (meaning "."); `allow_fd` accepts ints.
pub fn path(fname: &str, argname: &str, o: Option<&Obj>, nullable: bool, allow_fd: bool) -> PyResult<Path> {
    let none_obj = none::none();
    let o = o.unwrap_or(&none_obj);
    if nullable && none::is_none(o) {
        return Ok(Path { obj: o.clone(), bytes: b".".to_vec(), fd: None, is_bytes: false, is_none: true });
    }
    if allow_fd && !pystr::is_str(o) && !bytes::is_bytes(o) && (int::is_int(o) || krait_runtime::ops::number::has_index(o)) && krait_runtime::types::type_::lookup_str(o.type_ptr(), "__fspath__").is_none() {
        let fd = fd_value(o)?;
        return Ok(Path { obj: o.clone(), bytes: Vec::new(), fd: Some(fd), is_bytes: false, is_none: false });
    }
    let allowed = match (allow_fd, nullable) {
        (true, true) => "string, bytes, os.PathLike, integer or None",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (false, false) => "string, bytes or os.PathLike",
    };
    if !pystr::is_str(o) && !bytes::is_bytes(o) && krait_runtime::types::buffer::has_buffer(o) {
        // Other bytes-like objects are still accepted, as bytes, with a
        // DeprecationWarning (CPython 3.11).
        krait_runtime::modules::warnings::warn(
            krait_runtime::types::exceptions::DeprecationWarning(),
            &format!("{}: {} should be {}, not {}", fname, argname, allowed, o.ty().name()),
            1,
        )?;
        let b = krait_runtime::types::buffer::bytes_like(o)?.as_slice().to_vec();
        if b.contains(&0) {
            krait_runtime::bail!(ValueError, "{}: embedded null character in {}", fname, argname);
        }
        return Ok(Path { obj: o.clone(), bytes: b, fd: None, is_bytes: true, is_none: false });
    }
    let r = match fspath_opt(o)? {
        Some(r) => r,
        None => krait_runtime::bail!(TypeError, "{}: {} should be {}, not {}", fname, argname, allowed, o.ty().name()),
    };
    if pystr::is_str(&r) {
        let b = fs_encode(&r)?;
        if b.contains(&0) {
            krait_runtime::bail!(ValueError, "embedded null byte");
        }
        Ok(Path { obj: r.clone(), bytes: b, fd: None, is_bytes: false, is_none: false })
    } else {
        let b = bytes::as_slice(&r).to_vec();
        if b.contains(&0) {
            krait_runtime::bail!(ValueError, "{}: embedded null character in {}", fname, argname);
        }
        Ok(Path { obj: r.clone(), bytes: b, fd: None, is_bytes: true, is_none: false })
    }
}

/// The last OS error number.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub fn strerror(code: i32) -> String {
    unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) }.to_string_lossy().into_owned()
}

/// OSError (the subclass for `code`) with optional filenames, as
/// PyErr_SetFromErrnoWithFilenameObjects.
pub fn os_error(code: i32, f1: Option<&Obj>, f2: Option<&Obj>) -> PyErr {
    let t = exceptions::oserror_subclass(code);
    let mut args = vec![int::from_i64(code as i64), pystr::new(&strerror(code))];
    if let Some(f) = f1 {
        args.push(f.clone());
        if let Some(g) = f2 {
            args.push(none::none());
            args.push(g.clone());
        }
    }
    krait_runtime::errors::raise_with(t, &args)
}

/// OSError from the current errno.
pub fn last_error() -> PyErr {
    os_error(errno(), None, None)
}

/// OSError from the current errno naming `p`.
pub fn path_error(p: &Path) -> PyErr {
    os_error(errno(), Some(&p.obj), None)
}

pub fn path_error2(p: &Path, q: &Path) -> PyErr {
    os_error(errno(), Some(&p.obj), Some(&q.obj))
}

/// Retries `f` while it fails with EINTR, with the GIL released, running
/// the signal handlers between attempts (PEP 475: a handler's exception
/// ends the call). Other results come back with errno intact.
pub fn retry<T: PartialEq + Copy>(fail: T, f: impl FnMut() -> T) -> PyResult<T> {
    krait_runtime::signals::retry_eintr(fail, f)
}
