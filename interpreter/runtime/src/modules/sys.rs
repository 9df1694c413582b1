//! The `sys` module (the part the interpreter core needs; the rest comes
//! with the standard library work) and the standard streams. Until `_io`
//! lands, sys.stdout/stderr/stdin are krait's own minimal text streams over
//! the file descriptors: UTF-8, stdout block-buffered unless a terminal,
//! stderr line-buffered, flushed at exit.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table, parse_args, MethodSpec};
use crate::types::{bool_, dict, int, list, module, none, str as pystr, tuple};
use std::io::Write;

thread_local! {
    static SYS: std::cell::OnceCell<Obj> = const { std::cell::OnceCell::new() };
}

pub fn sys_module() -> Option<Obj> {
    SYS.with(|s| s.get().cloned())
}

/// An attribute of sys (None if sys or the attribute is missing).
pub fn get_attr(name: &str) -> Option<Obj> {
    let s = sys_module()?;
    dict::get_item_str(&module::dict_of(&s), name).ok().flatten()
}

// ---------------------------------------------------------------------------
// Streams.

#[repr(C)]
pub struct StreamObject {
    pub ob_base: PyObject,
    pub fd: i32,
    pub line_buffered: u8,
    pub buf: *mut Vec<u8>,
}

#[no_mangle]
pub static mut _PyKraitStream_Type: PyTypeObject = PyTypeObject::EMPTY;

fn new_stream(fd: i32, line_buffered: bool) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyKraitStream_Type, 0) as *mut StreamObject;
        (*p).fd = fd;
        (*p).line_buffered = line_buffered as u8;
        (*p).buf = Box::into_raw(Box::new(Vec::new()));
        Obj::from_owned(p as *mut PyObject)
    }
}

fn stream(o: &Obj) -> &mut StreamObject {
    unsafe { o.cast_mut::<StreamObject>() }
}

fn raw_write(fd: i32, mut data: &[u8]) -> std::io::Result<()> {
    while !data.is_empty() {
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

fn stream_flush_impl(o: &Obj) -> PyResult<()> {
    let s = stream(o);
    let buf = unsafe { &mut *s.buf };
    if buf.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(buf);
    if let Err(e) = raw_write(s.fd, &data) {
        return Err(crate::types::os_error::from_io(&e));
    }
    Ok(())
}

fn m_write(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("TextIOWrapper.write", args, kw, 1, 1)?;
    let text = &args[0];
    if !pystr::is_str(text) {
        crate::bail!(TypeError, "write() argument must be str, not {}", text.ty().name());
    }
    let s = stream(slf);
    let n = pystr::len(text);
    let bytes = crate::types::str_methods::encode(text, "utf-8", Some(if s.fd == 2 { "backslashreplace" } else { "strict" }))?;
    let buf = unsafe { &mut *s.buf };
    buf.extend_from_slice(&bytes);
    if s.line_buffered != 0 && bytes.contains(&b'\n') || buf.len() >= 8192 {
        stream_flush_impl(slf)?;
    }
    Ok(int::from_usize(n))
}

fn m_flush(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("TextIOWrapper.flush", args, kw, 0, 0)?;
    stream_flush_impl(slf)?;
    Ok(none::none())
}

fn m_fileno(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("TextIOWrapper.fileno", args, kw, 0, 0)?;
    Ok(int::from_i64(stream(slf).fd as i64))
}

fn m_isatty(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("TextIOWrapper.isatty", args, kw, 0, 0)?;
    Ok(bool_::from_bool(unsafe { libc::isatty(stream(slf).fd) } == 1))
}

fn m_readline(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("TextIOWrapper.readline", args, kw, 0, 1)?;
    let fd = stream(slf).fd;
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    loop {
        let n = unsafe { libc::read(fd, b.as_mut_ptr() as *mut libc::c_void, 1) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(crate::types::os_error::from_io(&e));
        }
        if n == 0 {
            break;
        }
        line.push(b[0]);
        if b[0] == b'\n' {
            break;
        }
    }
    crate::types::str_methods::decode(&line, "utf-8", Some("surrogateescape"))
}

fn m_read(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("TextIOWrapper.read", args, kw, 0, 1)?;
    let fd = stream(slf).fd;
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(crate::types::os_error::from_io(&e));
        }
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n as usize]);
    }
    crate::types::str_methods::decode(&data, "utf-8", Some("surrogateescape"))
}

fn g_encoding(_o: &Obj) -> PyResult<Obj> {
    Ok(pystr::intern("utf-8"))
}

fn g_errors(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(if stream(o).fd == 2 { "backslashreplace" } else { "strict" }))
}

fn g_name(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(match stream(o).fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    }))
}

unsafe extern "C" fn stream_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let _ = stream_flush_impl(&o).map_err(|_| crate::errors::clear());
    drop(Box::from_raw((*(p as *mut StreamObject)).buf));
    alloc::free_object(p);
}

fn stream_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&format!("<{} (krait stream) encoding='utf-8'>", pystr::to_string_lossy(&g_name(o)?))))
}
crate::unary_slot!(stream_repr_slot => stream_repr);

/// Writes text to sys.stderr (or fd 2 when sys.stderr is unusable).
pub fn write_stderr(s: &str) {
    if let Some(err) = get_attr("stderr").filter(|e| !none::is_none(e)) {
        if crate::ops::attr::call_method(&err, "write", &[pystr::new(s)]).is_ok() {
            let _ = crate::ops::attr::call_method(&err, "flush", &[]);
            return;
        }
        crate::errors::clear();
    }
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// Flushes sys.stdout and sys.stderr (at exit).
pub fn flush_std_streams() {
    for name in ["stdout", "stderr"] {
        if let Some(s) = get_attr(name).filter(|e| !none::is_none(e)) {
            if crate::ops::attr::call_method(&s, "flush", &[]).is_err() {
                crate::errors::clear();
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Functions.

fn s_exit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.exit", args, kw, 0, 1)?;
    Err(crate::errors::raise_with(crate::types::exceptions::SystemExit(), args))
}

fn s_getrecursionlimit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getrecursionlimit", args, kw, 0, 0)?;
    Ok(int::from_usize(crate::threadstate::recursion_limit()))
}

fn s_setrecursionlimit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.setrecursionlimit", args, kw, 1, 1)?;
    if !int::is_int(&args[0]) {
        crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", args[0].ty().name());
    }
    let n = int::as_c_int(&args[0])? as isize;
    if n < 1 {
        crate::bail!(ValueError, "recursion limit must be greater or equal than 1");
    }
    let depth = crate::threadstate::tstate().depth;
    if (n as usize) <= depth {
        crate::bail!(
            RecursionError,
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n,
            depth
        );
    }
    crate::threadstate::set_recursion_limit(n as usize);
    Ok(none::none())
}

fn s_getrefcount(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getrefcount", args, kw, 1, 1)?;
    // The argument itself holds one reference, as in CPython.
    Ok(int::from_i64(args[0].refcnt() as i64))
}

fn s_intern(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.intern", args, kw, 1, 1)?;
    if !pystr::is_exact_str(&args[0]) {
        crate::bail!(TypeError, "intern() argument must be str, not {}", args[0].ty().name());
    }
    Ok(pystr::intern_obj(&args[0]))
}

fn s_getframe(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys._getframe", args, kw, 0, 1)?;
    let mut depth = match args.first() {
        Some(d) => int::as_isize_or_overflow(d)?,
        None => 0,
    };
    let mut f = match crate::eval::current_frame() {
        Some(f) => f,
        None => crate::bail!(ValueError, "call stack is not deep enough"),
    };
    while depth > 0 {
        let back = unsafe { crate::object::opt_from_borrowed(crate::eval::frame::frame_mut(&f).f_back) };
        f = match back {
            Some(b) => b,
            None => crate::bail!(ValueError, "call stack is not deep enough"),
        };
        depth -= 1;
    }
    Ok(f)
}

fn handled_exception() -> Option<Obj> {
    let mut info = crate::threadstate::tstate().py.exc_info;
    unsafe {
        while !info.is_null() {
            let v = (*info).exc_value;
            if !v.is_null() && v != none::none_ptr() {
                return Some(Obj::from_borrowed(v));
            }
            info = (*info).previous_item;
        }
    }
    None
}

fn s_exc_info(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.exc_info", args, kw, 0, 0)?;
    Ok(match handled_exception() {
        Some(e) => {
            let tb = crate::types::exceptions::get_traceback(&e).unwrap_or_else(none::none);
            tuple::new(&[e.get_type(), e, tb])
        }
        None => tuple::new(&[none::none(), none::none(), none::none()]),
    })
}

fn s_exception(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.exception", args, kw, 0, 0)?;
    Ok(handled_exception().unwrap_or_else(none::none))
}

fn s_getdefaultencoding(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getdefaultencoding", args, kw, 0, 0)?;
    Ok(pystr::intern("utf-8"))
}

fn s_getfilesystemencoding(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getfilesystemencoding", args, kw, 0, 0)?;
    Ok(pystr::intern("utf-8"))
}

fn s_get_int_max_str_digits(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.get_int_max_str_digits", args, kw, 0, 0)?;
    Ok(int::from_usize(int::MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed)))
}

fn s_set_int_max_str_digits(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("set_int_max_str_digits", args, kw, &["maxdigits"], 1, 0)?;
    let n = int::as_isize_or_overflow(&int::index(a[0].as_ref().unwrap())?)?;
    if n != 0 && n < 640 {
        crate::bail!(ValueError, "maxdigits must be 0 or larger than 640");
    }
    int::MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(none::none())
}

/// The default sys.displayhook.
fn s_displayhook(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.displayhook", args, kw, 1, 1)?;
    let v = &args[0];
    if none::is_none(v) {
        return Ok(none::none());
    }
    let b = crate::interp::builtins_dict();
    dict::set_item_str(&b, "_", &none::none())?;
    let out = match get_attr("stdout").filter(|o| !none::is_none(o)) {
        Some(o) => o,
        None => crate::bail!(RuntimeError, "lost sys.stdout"),
    };
    let r = crate::ops::repr(v)?;
    crate::ops::attr::call_method(&out, "write", &[r])?;
    crate::ops::attr::call_method(&out, "write", &[pystr::intern("\n")])?;
    dict::set_item_str(&b, "_", v)?;
    Ok(none::none())
}

/// PRINT_EXPR: calls sys.displayhook.
pub fn displayhook_call(v: &Obj) -> PyResult<()> {
    match get_attr("displayhook") {
        Some(h) => crate::ops::call::call(&h, &[v.clone()], None).map(|_| ()),
        None => crate::bail!(RuntimeError, "lost sys.displayhook"),
    }
}

/// The default sys.excepthook: prints the traceback to sys.stderr.
fn s_excepthook(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.excepthook", args, kw, 3, 3)?;
    let v = &args[1];
    let text = if crate::types::exceptions::is_exception_instance(v) {
        crate::traceback_print::format_exception(v)
    } else {
        format!("TypeError: print_exception(): Exception expected for value, {} found\n", v.ty().name())
    };
    write_stderr(&text);
    Ok(none::none())
}

fn s_breakpointhook(_m: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    crate::bail!(ModuleNotFoundError, "No module named 'pdb'")
}

fn s_is_finalizing(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.is_finalizing", args, kw, 0, 0)?;
    Ok(bool_::from_bool(false))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("exit", s_exit),
        method("getrecursionlimit", s_getrecursionlimit),
        method("setrecursionlimit", s_setrecursionlimit),
        method("getrefcount", s_getrefcount),
        method("intern", s_intern),
        method("_getframe", s_getframe),
        method("exc_info", s_exc_info),
        method("exception", s_exception),
        method("getdefaultencoding", s_getdefaultencoding),
        method("getfilesystemencoding", s_getfilesystemencoding),
        method("get_int_max_str_digits", s_get_int_max_str_digits),
        method("set_int_max_str_digits", s_set_int_max_str_digits),
        method("displayhook", s_displayhook),
        method("excepthook", s_excepthook),
        method("breakpointhook", s_breakpointhook),
        method("is_finalizing", s_is_finalizing),
    ]
}

pub const KRAIT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Creates the sys module.
pub fn create(argv: Vec<String>) -> PyResult<Obj> {
    let m = module::new("sys")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    for name in ["displayhook", "excepthook", "breakpointhook"] {
        let f = dict::get_item_str(&d, name)?.unwrap();
        dict::set_item_str(&d, &format!("__{}__", name), &f)?;
    }
    let argv_list = list::from_vec(argv.iter().map(|a| pystr::new(a)).collect());
    dict::set_item_str(&d, "argv", &argv_list)?;
    dict::set_item_str(&d, "orig_argv", &list::from_vec(std::env::args().map(|a| pystr::new(&a)).collect()))?;
    let tty = unsafe { libc::isatty(1) } == 1;
    let stdout = new_stream(1, tty);
    let stderr = new_stream(2, true);
    let stdin = new_stream(0, false);
    for (n, s) in [("stdout", &stdout), ("stderr", &stderr), ("stdin", &stdin)] {
        dict::set_item_str(&d, n, s)?;
        dict::set_item_str(&d, &format!("__{}__", n), s)?;
    }
    dict::set_item_str(&d, "maxsize", &int::from_i64(isize::MAX as i64))?;
    dict::set_item_str(&d, "maxunicode", &int::from_i64(0x10ffff))?;
    dict::set_item_str(&d, "byteorder", &pystr::new("little"))?;
    dict::set_item_str(&d, "platform", &pystr::new("linux"))?;
    dict::set_item_str(&d, "hexversion", &int::from_i64(0x030b07f0))?;
    dict::set_item_str(&d, "api_version", &int::from_i64(1013))?;
    dict::set_item_str(&d, "modules", &crate::interp::modules())?;
    dict::set_item_str(&d, "path", &list::new())?;
    dict::set_item_str(&d, "meta_path", &list::new())?;
    dict::set_item_str(&d, "path_hooks", &list::new())?;
    dict::set_item_str(&d, "path_importer_cache", &dict::new())?;
    dict::set_item_str(&d, "dont_write_bytecode", &bool_::from_bool(true))?;
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    dict::set_item_str(&d, "executable", &pystr::new(&exe))?;
    dict::set_item_str(
        &d,
        "version",
        &pystr::new(&format!("3.11.7 (main, krait) [Krait {} rustc]", KRAIT_VERSION)),
    )?;
    let names: Vec<Obj> = super::builtin_names().iter().map(|n| pystr::new(n)).collect();
    dict::set_item_str(&d, "builtin_module_names", &tuple::from_vec(names))?;

    let vi_type = crate::types::structseq::new_type("sys", "version_info", &["major", "minor", "micro", "releaselevel", "serial"])?;
    let vi = crate::types::structseq::new(
        &vi_type,
        vec![int::from_i64(3), int::from_i64(11), int::from_i64(7), pystr::new("final"), int::from_i64(0)],
    )?;
    dict::set_item_str(&d, "version_info", &vi)?;

    let imp = crate::types::namespace::new(&[
        ("name", pystr::new("cpython")),
        ("cache_tag", pystr::new("krait-311")),
        ("version", vi.clone()),
        ("hexversion", int::from_i64(0x030b07f0)),
        ("_multiarch", pystr::new("x86_64-linux-gnu")),
        ("_krait", pystr::new(KRAIT_VERSION)),
    ])?;
    dict::set_item_str(&d, "implementation", &imp)?;

    SYS.with(|s| {
        let _ = s.set(m.clone());
    });
    Ok(m)
}

pub fn init_types() {
    use crate::types::getset::{getset_table, GetSetSpec};
    unsafe {
        let t = &raw mut _PyKraitStream_Type;
        crate::types::type_::init_static(t, "_krait.TextStream", std::mem::size_of::<StreamObject>(), 0);
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(stream_dealloc);
        (*t).tp_repr = Some(stream_repr_slot);
        (*t).tp_methods = method_table(&[
            method("write", m_write),
            method("flush", m_flush),
            method("fileno", m_fileno),
            method("isatty", m_isatty),
            method("readline", m_readline),
            method("read", m_read),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("encoding", g_encoding),
            GetSetSpec::get("errors", g_errors),
            GetSetSpec::get("name", g_name),
        ]);
    }
}
