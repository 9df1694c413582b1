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

static SYS: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

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
    let bytes = crate::types::str_methods::encode(text, "utf-8", Some(stream_errors(s.fd)))?;
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
        let p = b.as_mut_ptr() as usize;
        let (n, e) = crate::gil::allow_threads(|| {
            let n = unsafe { libc::read(fd, p as *mut libc::c_void, 1) };
            (n, std::io::Error::last_os_error())
        });
        if n < 0 {
            if e.kind() == std::io::ErrorKind::Interrupted {
                // PEP 475: the handlers run; their exception ends the read.
                crate::signals::check_signals()?;
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
        let (p, len) = (buf.as_mut_ptr() as usize, buf.len());
        let (n, e) = crate::gil::allow_threads(|| {
            let n = unsafe { libc::read(fd, p as *mut libc::c_void, len) };
            (n, std::io::Error::last_os_error())
        });
        if n < 0 {
            if e.kind() == std::io::ErrorKind::Interrupted {
                // PEP 475: the handlers run; their exception ends the read.
                crate::signals::check_signals()?;
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
    Ok(pystr::intern_static("utf-8"))
}

/// The error handler of a standard stream, as CPython picks it: stderr
/// backslashreplace; stdin/stdout surrogateescape under the C, POSIX and
/// C.UTF-8 locales (PEP 538's coercion targets), strict otherwise.
pub fn stream_errors(fd: i32) -> &'static str {
    if fd == 2 {
        return "backslashreplace";
    }
    static C_LIKE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let c_like = *C_LIKE.get_or_init(|| {
        // As CPython's startup: the LC_CTYPE the environment selects, which
        // is "C" when that locale is not installed.
        let name = unsafe {
            let p = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
            if p.is_null() {
                "C".to_owned()
            } else {
                std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
            }
        };
        matches!(name.as_str(), "C" | "POSIX") || name.to_ascii_lowercase().starts_with("c.utf")
    });
    if c_like {
        "surrogateescape"
    } else {
        "strict"
    }
}

fn g_errors(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(stream_errors(stream(o).fd)))
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
            if crate::ops::attr::call_method(&err, "flush", &[]).is_err() {
                crate::errors::clear();
            }
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
    // As PyErr_SetObject: a tuple status is the exception's arguments.
    match args.first() {
        Some(t) if tuple::is_tuple(t) => Err(crate::errors::raise_with(crate::types::exceptions::SystemExit(), tuple::items(t))),
        Some(n) if none::is_none(n) => Err(crate::errors::raise_with(crate::types::exceptions::SystemExit(), &[])),
        _ => Err(crate::errors::raise_with(crate::types::exceptions::SystemExit(), args)),
    }
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
    // CPython counts this (METH_O) call itself in the depth.
    let depth = crate::ops::recursion_depth_used() + 1;
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
    audit("sys._getframe", &[f.clone()])?;
    Ok(f)
}

/// The exception being handled (CPython's _PyErr_GetTopmostException).
pub fn handled_exception() -> Option<Obj> {
    handled_in(crate::threadstate::tstate())
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
    Ok(pystr::intern_static("utf-8"))
}

fn s_getfilesystemencoding(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getfilesystemencoding", args, kw, 0, 0)?;
    Ok(pystr::intern_static("utf-8"))
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
    if let Err(e) = crate::ops::attr::call_method(&out, "write", &[r.clone()]) {
        if !crate::errors::matches(crate::types::exceptions::UnicodeEncodeError()) {
            return Err(e);
        }
        crate::errors::clear();
        write_unencodable(&out, &r)?;
    }
    crate::ops::attr::call_method(&out, "write", &[pystr::intern_static("\n")])?;
    dict::set_item_str(&b, "_", v)?;
    Ok(none::none())
}

/// A repr the stream's encoding cannot take, as CPython's displayhook
/// writes it: encoded with backslashreplace, to the stream's binary buffer
/// when it has one.
fn write_unencodable(out: &Obj, text: &Obj) -> PyResult<()> {
    let encoding = crate::ops::attr::getattr_str(out, "encoding")?;
    let encoded = crate::ops::attr::call_method(text, "encode", &[encoding.clone(), pystr::intern_static("backslashreplace")])?;
    match crate::ops::attr::getattr_opt(out, &pystr::intern_static("buffer"))? {
        Some(buffer) => crate::ops::attr::call_method(&buffer, "write", &[encoded]).map(|_| ()),
        None => {
            let escaped = crate::ops::attr::call_method(&encoded, "decode", &[encoding, pystr::intern_static("strict")])?;
            crate::ops::attr::call_method(out, "write", &[escaped]).map(|_| ())
        }
    }
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
    display_exception(&args[1]);
    Ok(none::none())
}

/// PyErr_Display: the report of `v` on sys.stderr.
pub fn display_exception(v: &Obj) {
    let text = if crate::types::exceptions::is_exception_instance(v) {
        crate::traceback_print::format_exception(v)
    } else {
        format!("TypeError: print_exception(): Exception expected for value, {} found\n", v.ty().name())
    };
    write_stderr(&text);
}

static UNRAISABLE_ARGS: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

/// `sys.UnraisableHookArgs(exc_type, exc_value, exc_traceback, err_msg, object)`.
pub fn unraisable_args(values: Vec<Obj>) -> PyResult<Obj> {
    let t = match UNRAISABLE_ARGS.with(|c| c.get().cloned()) {
        Some(t) => t,
        None => {
            let t = crate::types::structseq::new_type("sys", "UnraisableHookArgs", &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"])?;
            UNRAISABLE_ARGS.with(|c| {
                let _ = c.set(t.clone());
            });
            t
        }
    };
    crate::types::structseq::new(&t, values)
}

/// The default `sys.unraisablehook`: "<err_msg>: <repr(object)>" (or
/// "Exception ignored in: ..." without a message), then the traceback.
fn s_unraisablehook(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.unraisablehook", args, kw, 1, 1)?;
    let u = &args[0];
    let is_args = UNRAISABLE_ARGS.with(|c| c.get().is_some_and(|t| u.get_type().is(t)));
    if !is_args {
        crate::bail!(TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    }
    let field = |n: &str| crate::ops::attr::getattr(u, &pystr::intern(n));
    let (value, err_msg, obj) = (field("exc_value")?, field("err_msg")?, field("object")?);
    let err_msg = if none::is_none(&err_msg) { None } else { Some(pystr::to_string_lossy(&crate::ops::str_of(&err_msg)?)) };
    let obj = if none::is_none(&obj) { None } else { Some(obj) };
    crate::errors::write_unraisable_default(err_msg.as_deref(), obj.as_ref(), &value);
    Ok(none::none())
}

/// The default `sys.breakpointhook`: calls the callable PYTHONBREAKPOINT
/// names (`pdb.set_trace` when unset or empty, nothing for "0"); a name that
/// cannot be imported is ignored with a RuntimeWarning.
fn s_breakpointhook(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let env = if flag("ignore_environment") != 0 { None } else { std::env::var_os("PYTHONBREAKPOINT") };
    let target = match env {
        Some(v) if !v.is_empty() => v.to_string_lossy().into_owned(),
        _ => "pdb.set_trace".to_owned(),
    };
    if target == "0" {
        return Ok(none::none());
    }
    let (modpath, attr) = match target.rsplit_once('.') {
        Some((m, a)) => (m.to_owned(), a.to_owned()),
        None => ("builtins".to_owned(), target.clone()),
    };
    let hook = (|| -> PyResult<Obj> {
        crate::import::import_module_level(&pystr::new(&modpath), None, None, 0)?;
        let m = dict::get_item_str(&crate::interp::modules(), &modpath)?;
        let m = match m {
            Some(m) => m,
            None => crate::bail!(ModuleNotFoundError, "No module named '{}'", modpath),
        };
        crate::ops::attr::getattr(&m, &pystr::new(&attr))
    })();
    match hook {
        Ok(h) => crate::ops::call::call(&h, args, kw),
        Err(_) => {
            crate::errors::clear();
            let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{}\"", target);
            crate::modules::warnings::warn(crate::types::exceptions::RuntimeWarning(), &msg, 1)?;
            Ok(none::none())
        }
    }
}

/// Raises an auditing event: calls the hooks `sys.addaudithook` added.
pub fn audit(event: &str, args: &[Obj]) -> PyResult<()> {
    if !audit_active() {
        return Ok(());
    }
    audit_obj(&pystr::new(event), args)
}

/// Whether any audit hook is installed (callers skip building arguments).
pub fn audit_active() -> bool {
    AUDIT_HOOKS.with(|h| !h.borrow().is_empty())
}

/// Calls each hook with (event, args). As CPython's, a hook is not traced
/// or profiled unless its `__cantrace__` is true.
fn audit_obj(ev: &Obj, args: &[Obj]) -> PyResult<()> {
    let hooks = AUDIT_HOOKS.with(|h| h.borrow().clone());
    if hooks.is_empty() {
        return Ok(());
    }
    let rest = tuple::from_vec(args.to_vec());
    for h in hooks {
        let cantrace = match crate::ops::attr::getattr_opt(&h, &pystr::intern_static("__cantrace__"))? {
            Some(v) => crate::ops::truthy(&v)?,
            None => false,
        };
        let call = || crate::ops::call::call(&h, &[ev.clone(), rest.clone()], None);
        if cantrace {
            call()?;
        } else {
            crate::eval::trace::without_tracing(call)?;
        }
    }
    Ok(())
}

fn s_is_finalizing(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.is_finalizing", args, kw, 0, 0)?;
    Ok(bool_::from_bool(crate::interp::FINALIZING.load(std::sync::atomic::Ordering::Relaxed)))
}

fn s_clear_type_cache(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys._clear_type_cache", args, kw, 0, 0)?;
    crate::types::type_::clear_method_cache();
    Ok(none::none())
}

/// The exception being handled in a thread: the innermost non-None entry
/// of its exception stack.
fn handled_in(ts: &crate::threadstate::ThreadState) -> Option<Obj> {
    let mut info = ts.py.exc_info;
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

/// `sys._current_frames()`: each thread's identifier mapped to its
/// innermost running frame.
fn s_current_frames(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys._current_frames", args, kw, 0, 0)?;
    audit("sys._current_frames", &[])?;
    let d = dict::new();
    for ts in crate::threadstate::all_threads() {
        let ts = unsafe { &*ts };
        if let Some(f) = unsafe { crate::object::opt_from_borrowed(ts.current_frame) } {
            dict::set_item(&d, &int::from_u64(ts.py.thread_id as u64), &f)?;
        }
    }
    Ok(d)
}

/// `sys._current_exceptions()`: each thread's identifier mapped to the
/// `exc_info()` triple of the exception it is handling.
fn s_current_exceptions(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys._current_exceptions", args, kw, 0, 0)?;
    audit("sys._current_exceptions", &[])?;
    let d = dict::new();
    for ts in crate::threadstate::all_threads() {
        let ts = unsafe { &*ts };
        if ts.current_frame.is_null() {
            continue;
        }
        let v = match handled_in(ts) {
            Some(e) => {
                let tb = crate::types::exceptions::get_traceback(&e).unwrap_or_else(none::none);
                tuple::new(&[e.get_type(), e, tb])
            }
            None => tuple::new(&[none::none(), none::none(), none::none()]),
        };
        dict::set_item(&d, &int::from_u64(ts.py.thread_id as u64), &v)?;
    }
    Ok(d)
}

fn s_getfilesystemencodeerrors(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getfilesystemencodeerrors", args, kw, 0, 0)?;
    Ok(pystr::intern_static("surrogateescape"))
}

fn s_audit(_m: &Obj, args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    if args.is_empty() {
        crate::bail!(TypeError, "audit() missing 1 required positional argument: 'event'");
    }
    if !pystr::is_str(&args[0]) {
        crate::bail!(TypeError, "expected str for argument 'event', not {}", args[0].ty().name());
    }
    // Audit hooks added with addaudithook see every event.
    audit_obj(&args[0], &args[1..])?;
    Ok(crate::types::none::none())
}

static AUDIT_HOOKS: crate::gil::GilCell<std::cell::RefCell<Vec<Obj>>> = crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));

fn s_addaudithook(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.addaudithook", args, kw, 1, 1)?;
    // The hooks already in may refuse the new one: an Exception from them
    // is swallowed and the hook not added (a BaseException propagates).
    if let Err(e) = audit("sys.addaudithook", &[]) {
        if crate::errors::matches(crate::types::exceptions::Exception()) {
            crate::errors::clear();
            return Ok(crate::types::none::none());
        }
        return Err(e);
    }
    AUDIT_HOOKS.with(|h| h.borrow_mut().push(args[0].clone()));
    Ok(crate::types::none::none())
}

fn s_gettrace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.gettrace", args, kw, 0, 0)?;
    Ok(crate::eval::trace::get_trace().unwrap_or_else(crate::types::none::none))
}

fn s_getprofile(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getprofile", args, kw, 0, 0)?;
    Ok(crate::eval::trace::get_profile().unwrap_or_else(crate::types::none::none))
}

fn s_settrace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("settrace", args, kw, 1, 1)?;
    s_audit(_m, &[crate::types::str::new("sys.settrace")], None)?;
    let f = Some(args[0].clone()).filter(|f| !crate::types::none::is_none(f));
    crate::eval::trace::set_trace(f)?;
    Ok(crate::types::none::none())
}

fn s_setprofile(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("setprofile", args, kw, 1, 1)?;
    s_audit(_m, &[crate::types::str::new("sys.setprofile")], None)?;
    let f = Some(args[0].clone()).filter(|f| !crate::types::none::is_none(f));
    crate::eval::trace::set_profile(f)?;
    Ok(crate::types::none::none())
}

fn s_call_tracing(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("call_tracing", args, kw, 2, 2)?;
    if !tuple::is_tuple(&args[1]) {
        crate::bail!(TypeError, "call_tracing() argument 2 must be tuple, not {}", args[1].ty().name());
    }
    crate::eval::trace::call_tracing(&args[0], &args[1])
}

fn s_getswitchinterval(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.getswitchinterval", args, kw, 0, 0)?;
    Ok(crate::types::float::from_f64(crate::gil::switch_interval()))
}

fn s_setswitchinterval(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.setswitchinterval", args, kw, 1, 1)?;
    let v = crate::types::float::as_f64(&args[0])?;
    if v <= 0.0 {
        crate::bail!(ValueError, "switch interval must be strictly positive");
    }
    crate::gil::set_switch_interval(v);
    Ok(crate::types::none::none())
}

fn s_getsizeof(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::types::builtin_func::parse_args("getsizeof", args, kw, &["object", "default"], 1, 0)?;
    let o = a[0].clone().unwrap();
    let sizeof = |o: &Obj| -> PyResult<isize> {
        let r = match crate::ops::attr::lookup_special(o, "__sizeof__")? {
            Some(f) => crate::ops::call::call(&f, &[], None)?,
            None => crate::bail!(TypeError, "Type {} doesn't define __sizeof__", o.ty().name()),
        };
        // PyLong_AsSsize_t: an int (no __index__), within ssize_t.
        if !int::is_int(&r) {
            crate::bail!(TypeError, "an integer is required");
        }
        let n = int::as_isize_or_overflow(&r)?;
        if n < 0 {
            crate::bail!(ValueError, "__sizeof__() should return >= 0");
        }
        Ok(n)
    };
    // As CPython, the default stands in only for a TypeError.
    let n = match &a[1] {
        Some(d) => match crate::errors::catch(crate::types::exceptions::TypeError(), sizeof(&o))? {
            Some(n) => n,
            None => return Ok(d.clone()),
        },
        None => sizeof(&o)?,
    };
    // Objects tracked by the collector carry its pre-header.
    let gc = if o.ty().has_flag(tpflags::HAVE_GC) { 16 } else { 0 };
    Ok(int::from_u64(n as u64 + gc))
}

static ASYNCGEN_HOOKS: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

fn s_get_asyncgen_hooks(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.get_asyncgen_hooks", args, kw, 0, 0)?;
    let t = match ASYNCGEN_HOOKS.with(|c| c.get().cloned()) {
        Some(t) => t,
        None => {
            let t = crate::types::structseq::new_type("builtins", "asyncgen_hooks", &["firstiter", "finalizer"])?;
            ASYNCGEN_HOOKS.with(|c| {
                let _ = c.set(t.clone());
            });
            t
        }
    };
    let ts = crate::threadstate::tstate();
    let get = |p: *mut crate::object::PyObject| unsafe { crate::object::opt_from_borrowed(p) }.unwrap_or_else(none::none);
    crate::types::structseq::new(&t, vec![get(ts.asyncgen_firstiter), get(ts.asyncgen_finalizer)])
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: a missing
/// argument keeps the current hook, None removes it.
fn s_set_asyncgen_hooks(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::types::builtin_func::parse_args("set_asyncgen_hooks", args, kw, &["firstiter", "finalizer"], 0, 0)?;
    for (v, name) in [(&a[1], "finalizer"), (&a[0], "firstiter")] {
        if let Some(v) = v {
            if !none::is_none(v) && !crate::builtins::is_callable(v) {
                crate::bail!(TypeError, "callable {} expected, got {}", name, v.ty().name());
            }
        }
    }
    let ts = crate::threadstate::tstate();
    for (v, slot) in [(&a[1], &mut ts.asyncgen_finalizer), (&a[0], &mut ts.asyncgen_firstiter)] {
        if let Some(v) = v {
            let new = if none::is_none(v) { std::ptr::null_mut() } else { v.clone().into_raw() };
            unsafe { crate::object::xsetref(slot, new) };
        }
    }
    Ok(none::none())
}

fn s_get_coroutine_origin_tracking_depth(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sys.get_coroutine_origin_tracking_depth", args, kw, 0, 0)?;
    Ok(int::from_i64(crate::threadstate::tstate().coroutine_origin_depth as i64))
}

fn s_set_coroutine_origin_tracking_depth(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::types::builtin_func::parse_args("set_coroutine_origin_tracking_depth", args, kw, &["depth"], 1, 0)?;
    let d = a[0].as_ref().unwrap();
    if crate::types::float::is_float(d) {
        crate::bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let depth = int::index_isize(d)?;
    if depth < 0 {
        crate::bail!(ValueError, "depth must be >= 0");
    }
    crate::threadstate::tstate().coroutine_origin_depth = depth.min(i32::MAX as isize) as i32;
    Ok(none::none())
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
        method("unraisablehook", s_unraisablehook),
        method("breakpointhook", s_breakpointhook),
        method("is_finalizing", s_is_finalizing),
        method("_clear_type_cache", s_clear_type_cache),
        method("_current_frames", s_current_frames),
        method("_current_exceptions", s_current_exceptions),
        method("getfilesystemencodeerrors", s_getfilesystemencodeerrors),
        method("audit", s_audit),
        method("addaudithook", s_addaudithook),
        method("gettrace", s_gettrace),
        method("getprofile", s_getprofile),
        method("settrace", s_settrace),
        method("setprofile", s_setprofile),
        method("call_tracing", s_call_tracing),
        method("getswitchinterval", s_getswitchinterval),
        method("setswitchinterval", s_setswitchinterval),
        method("getsizeof", s_getsizeof),
        method("get_asyncgen_hooks", s_get_asyncgen_hooks),
        method("set_asyncgen_hooks", s_set_asyncgen_hooks),
        method("get_coroutine_origin_tracking_depth", s_get_coroutine_origin_tracking_depth),
        method("set_coroutine_origin_tracking_depth", s_set_coroutine_origin_tracking_depth),
    ]
}

/// The command-line flags behind `sys.flags`, in its field order.
pub const FLAG_NAMES: [&str; 18] = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];

/// Values for `sys.flags`, set by the executable before `interp::initialize`.
pub static FLAGS: std::sync::Mutex<[i64; 18]> = std::sync::Mutex::new([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, -1]);

/// Sets one of `sys.flags` by name (before startup).
pub fn set_flag(name: &str, v: i64) {
    if let Some(i) = FLAG_NAMES.iter().position(|n| *n == name) {
        FLAGS.lock().unwrap()[i] = v;
    }
}

pub fn flag(name: &str) -> i64 {
    FLAG_NAMES.iter().position(|n| *n == name).map(|i| FLAGS.lock().unwrap()[i]).unwrap_or(0)
}

/// `sys.warnoptions` and the `-X` options (`sys._xoptions`), in command-line
/// order; set by the executable before `interp::initialize`.
pub static WARN_OPTIONS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
pub static X_OPTIONS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

pub const KRAIT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The threads library's version, as `confstr(_CS_GNU_LIBPTHREAD_VERSION)`
/// (None when the C library does not say).
fn pthread_version() -> Obj {
    let mut buf = [0u8; 128];
    let n = unsafe { libc::confstr(libc::_CS_GNU_LIBPTHREAD_VERSION, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n == 0 || n > buf.len() {
        return none::none();
    }
    pystr::new(&String::from_utf8_lossy(&buf[..n - 1]))
}

/// Creates the sys module.
pub fn create(argv: Vec<std::ffi::OsString>) -> PyResult<Obj> {
    let m = module::new("sys")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    for name in ["displayhook", "excepthook", "breakpointhook", "unraisablehook"] {
        let f = dict::get_item_str(&d, name)?.unwrap();
        dict::set_item_str(&d, &format!("__{}__", name), &f)?;
    }
    // The args type exists from the start (the hook checks against it);
    // as in CPython it is not a sys attribute.
    unraisable_args(vec![none::none(); 5])?;
    let argv_list = list::from_vec(argv.iter().map(|a| pystr::from_os(a)).collect::<PyResult<_>>()?);
    dict::set_item_str(&d, "argv", &argv_list)?;
    let orig = std::env::args_os().map(|a| pystr::from_os(&a)).collect::<PyResult<_>>()?;
    dict::set_item_str(&d, "orig_argv", &list::from_vec(orig))?;
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
    dict::set_item_str(&d, "dont_write_bytecode", &bool_::from_bool(flag("dont_write_bytecode") != 0))?;
    dict::set_item_str(&d, "pycache_prefix", &crate::types::none::none())?;
    // The prefix is the directory holding lib/python3.11 (the stdlib found
    // at startup); a venv's pyvenv.cfg is handled by site.py.
    let lib = crate::import::bootstrap::stdlib_dir(flag("ignore_environment") == 0);
    // A `._pth` file makes its directory the prefix (CPython's home).
    let prefix = match super::getpath::pth_file() {
        Some(pth) => pth.dir.to_string_lossy().into_owned(),
        None => lib.parent().and_then(|p| p.parent()).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    for n in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        dict::set_item_str(&d, n, &pystr::new(&prefix))?;
    }
    dict::set_item_str(&d, "platlibdir", &pystr::new("lib"))?;
    dict::set_item_str(&d, "_stdlib_dir", &pystr::new(&lib.to_string_lossy()))?;
    dict::set_item_str(&d, "abiflags", &pystr::new(""))?;
    dict::set_item_str(&d, "float_repr_style", &pystr::new("short"))?;
    let warn: Vec<Obj> = WARN_OPTIONS.lock().unwrap().iter().map(|w| pystr::new(w)).collect();
    dict::set_item_str(&d, "warnoptions", &list::from_vec(warn))?;
    let xopts = dict::new();
    for x in X_OPTIONS.lock().unwrap().iter() {
        match x.split_once('=') {
            Some((k, v)) => dict::set_item_str(&xopts, k, &pystr::new(v))?,
            None => dict::set_item_str(&xopts, x, &crate::types::bool_::from_bool(true))?,
        }
    }
    dict::set_item_str(&d, "_xoptions", &xopts)?;
    dict::set_item_str(&d, "copyright", &pystr::new("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."))?;
    let fi_type = crate::types::structseq::new_type(
        "sys",
        "float_info",
        &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
    )?;
    let f = crate::types::float::from_f64;
    let fi = crate::types::structseq::new(
        &fi_type,
        vec![
            f(f64::MAX),
            int::from_i64(1024),
            int::from_i64(308),
            f(f64::MIN_POSITIVE),
            int::from_i64(-1021),
            int::from_i64(-307),
            int::from_i64(15),
            int::from_i64(53),
            f(f64::EPSILON),
            int::from_i64(2),
            int::from_i64(1),
        ],
    )?;
    dict::set_item_str(&d, "float_info", &fi)?;
    let ii_type = crate::types::structseq::new_type(
        "sys",
        "int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    )?;
    let ii = crate::types::structseq::new(
        &ii_type,
        vec![int::from_i64(30), int::from_i64(4), int::from_i64(4300), int::from_i64(640)],
    )?;
    dict::set_item_str(&d, "int_info", &ii)?;
    let hi_type = crate::types::structseq::new_type(
        "sys",
        "hash_info",
        &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    )?;
    let hi = crate::types::structseq::new(
        &hi_type,
        vec![
            int::from_i64(64),
            int::from_i64(crate::hash::MODULUS as i64),
            int::from_i64(crate::hash::INF as i64),
            int::from_i64(0),
            int::from_i64(crate::hash::IMAG as i64),
            pystr::new("siphash13"),
            int::from_i64(64),
            int::from_i64(128),
            int::from_i64(0),
        ],
    )?;
    dict::set_item_str(&d, "hash_info", &hi)?;
    let flags_type = crate::types::structseq::new_type("sys", "flags", &FLAG_NAMES)?;
    let values: Vec<Obj> = FLAGS
        .lock()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, v)| if FLAG_NAMES[i] == "dev_mode" || FLAG_NAMES[i] == "safe_path" { bool_::from_bool(*v != 0) } else { int::from_i64(*v) })
        .collect();
    dict::set_item_str(&d, "flags", &crate::types::structseq::new(&flags_type, values)?)?;
    crate::types::structseq::disallow_instantiation(&flags_type);
    let ti_type = crate::types::structseq::new_type("sys", "thread_info", &["name", "lock", "version"])?;
    let ti = crate::types::structseq::new(&ti_type, vec![pystr::new("pthread"), pystr::new("semaphore"), pthread_version()])?;
    dict::set_item_str(&d, "thread_info", &ti)?;
    let names: Vec<Obj> = super::stdlib_names::STDLIB_MODULE_NAMES.iter().map(|n| pystr::new(n)).collect();
    dict::set_item_str(&d, "stdlib_module_names", &crate::types::set::new_frozenset(names)?)?;
    let exe = super::getpath::executable_paths(std::env::args_os().next().as_deref());
    dict::set_item_str(&d, "executable", &pystr::from_os(exe.executable.as_os_str())?)?;
    dict::set_item_str(&d, "_base_executable", &pystr::from_os(exe.base_executable.as_os_str())?)?;
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
    crate::types::structseq::disallow_instantiation(&vi_type);

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
