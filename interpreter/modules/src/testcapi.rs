//! `_testcapi`: the part of CPython's C-API test module that means something
//! without a C API — the C type limits tests compare against, float
//! packing in IEEE half/single/double formats (PyFloat_Pack2/4/8, through
//! the `_struct` codecs), the dict lookup by a caller-supplied hash, a
//! temporary non-`threading` thread, a SIGINT raised just before a
//! generator is resumed, fresh builtin function objects
//! (`create_cfunction`), raising through PyErr_SetObject/PyErr_NoMemory
//! (`raise_exception`, `raise_memoryerror`), PyErr_NewExceptionWithDoc
//! (`make_exception_with_doc`), an exception class whose instances cannot
//! be created (`RecursingInfinitelyError`), the native generic class
//! (`Generic`, `GenericAlias` with `__mro_entries__`) and `awaitType`, a
//! native type whose `am_await` slot returns the object it was made with,
//! `bad_get` (a `__get__` that calls its class first) and
//! `test_with_docstring`, PySequence_GetItem/SetItem through the sequence
//! slots, PyObject_GetBuffer with a null view, and the interpreter's own
//! exception and traceback printing (`exception_print`, `traceback_print`),
//! the PyMarshal_*File functions (`pymarshal_*`), and the deprecated
//! Py_UNICODE converters (`unicode_legacy_string`, `getargs_u`).
//! Anything else is absent, so tests needing it fail with AttributeError
//! rather than run against something made up.

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, new_cfunction, MethodSpec};
use krait_runtime::types::{bytes, dict, float, int, module};
use krait_runtime::{bail, PyResult};

/// raise_SIGINT_then_send_None(gen): SIGINT raised at the C level, then
/// `gen.send(None)` before any bytecode could run the signal handler — the
/// KeyboardInterrupt must surface in the innermost frame of gen's
/// `yield from` chain.
fn t_raise_sigint_then_send_none(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("raise_SIGINT_then_send_None", args, kw, 1, 1)?;
    let gen = &args[0];
    if !krait_runtime::types::generator::is_gen(gen) {
        bail!(TypeError, "raise_SIGINT_then_send_None() argument must be generator, not {}", gen.ty().name());
    }
    // Safety: raise() only delivers a signal to this thread; the handler
    // installed by the runtime just records it.
    unsafe {
        libc::raise(libc::SIGINT);
    }
    krait_runtime::types::generator::send(gen, krait_runtime::types::none::none())
}

/// A C int argument (the "i" converter).
fn c_int(o: &Obj) -> PyResult<i32> {
    if float::is_float(o) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    int::as_c_int(&int::index(o)?)
}

/// float_pack(size, x, le): x in the IEEE format of `size` bytes.
fn t_float_pack(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float_pack", args, kw, 3, 3)?;
    let size = c_int(&args[0])?;
    let x = float::as_f64(&args[1])?;
    let le = c_int(&args[2])? != 0;
    let mut v: Vec<u8> = match size {
        2 => crate::struct_::pack_half(x)?.to_be_bytes().to_vec(),
        4 => {
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                bail!(OverflowError, "float too large to pack with f format");
            }
            y.to_be_bytes().to_vec()
        }
        8 => x.to_be_bytes().to_vec(),
        _ => bail!(ValueError, "size must 2, 4 or 8"),
    };
    if le {
        v.reverse();
    }
    Ok(bytes::new(&v))
}

/// float_unpack(data, le): the float that 2, 4 or 8 bytes encode.
fn t_float_unpack(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float_unpack", args, kw, 2, 2)?;
    let Some(data) = bytes::as_slice_opt(&args[0]) else {
        bail!(TypeError, "float_unpack() argument 1 must be read-only bytes-like object, not {}", args[0].ty().name());
    };
    let mut data = data.to_vec();
    if c_int(&args[1])? != 0 {
        data.reverse();
    }
    let x = match data.len() {
        2 => crate::struct_::unpack_half(u16::from_be_bytes([data[0], data[1]])),
        4 => f32::from_be_bytes([data[0], data[1], data[2], data[3]]) as f64,
        8 => f64::from_be_bytes(data[..8].try_into().unwrap()),
        _ => bail!(ValueError, "data length must 2, 4 or 8 bytes"),
    };
    Ok(float::from_f64(x))
}

/// dict_getitem_knownhash(d, key, hash): _PyDict_GetItem_KnownHash.
fn t_dict_getitem_knownhash(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dict_getitem_knownhash", args, kw, 3, 3)?;
    let h = int::as_isize_or_overflow(&int::index(&args[2])?)?;
    if !dict::is_dict(&args[0]) {
        bail!(SystemError, "bad argument to internal function");
    }
    match dict::get_item_known_hash(&args[0], &args[1], h)? {
        Some(v) => Ok(v),
        None => Err(krait_runtime::errors::raise_with(krait_runtime::types::exceptions::KeyError(), &[args[1].clone()])),
    }
}

/// sequence_getitem(seq, i): PySequence_GetItem (the sequence slot, not
/// `__getitem__` through the mapping slot).
fn t_sequence_getitem(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sequence_getitem", args, kw, 2, 2)?;
    let i = int::as_isize_or_overflow(&int::index(&args[1])?)?;
    krait_runtime::ops::seq::sequence_getitem(&args[0], i)
}

/// sequence_setitem(seq, i, value): PySequence_SetItem.
fn t_sequence_setitem(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("sequence_setitem", args, kw, 3, 3)?;
    let i = int::as_isize_or_overflow(&int::index(&args[1])?)?;
    krait_runtime::ops::seq::sequence_setitem(&args[0], i, Some(&args[2]))?;
    Ok(krait_runtime::types::none::none())
}

/// getbuffer_with_null_view(obj): PyObject_GetBuffer with a null view,
/// which exporters refuse.
fn t_getbuffer_with_null_view(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getbuffer_with_null_view", args, kw, 1, 1)?;
    krait_runtime::types::buffer::get_with_null_view(&args[0], krait_runtime::types::buffer::SIMPLE)?;
    Ok(krait_runtime::types::none::none())
}

/// The thread `call_in_temporary_c_thread(..., False)` left running.
static TEMPORARY_THREAD: std::sync::Mutex<Option<std::thread::JoinHandle<()>>> = std::sync::Mutex::new(None);

/// call_in_temporary_c_thread(callback, wait=True): runs it on a thread
/// that `threading` did not start; waits for that thread to end, or with
/// wait false leaves it to `join_temporary_c_thread()`.
fn t_call_in_temporary_c_thread(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("call_in_temporary_c_thread", args, kw, 1, 2)?;
    let wait = match args.get(1) {
        Some(w) => krait_runtime::ops::truthy(w)?,
        None => true,
    };
    if TEMPORARY_THREAD.lock().unwrap().is_some() {
        bail!(RuntimeError, "a temporary thread is already running");
    }
    let h = crate::thread::call_in_temporary_thread(&args[0])?;
    if wait {
        let _ = krait_runtime::gil::allow_threads(|| h.join());
    } else {
        *TEMPORARY_THREAD.lock().unwrap() = Some(h);
    }
    Ok(krait_runtime::types::none::none())
}

/// join_temporary_c_thread(): waits for the thread left running.
fn t_join_temporary_c_thread(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("join_temporary_c_thread", args, kw, 0, 0)?;
    if let Some(h) = TEMPORARY_THREAD.lock().unwrap().take() {
        let _ = krait_runtime::gil::allow_threads(|| h.join());
    }
    Ok(krait_runtime::types::none::none())
}

/// write_unraisable_exc(exc, err_msg, obj): reports `exc` as unraisable
/// (PyErr_WriteUnraisable) with "Exception ignored {err_msg}" when a
/// message is given.
fn t_write_unraisable_exc(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("write_unraisable_exc", args, kw, 3, 3)?;
    let what = if krait_runtime::types::none::is_none(&args[1]) {
        "Exception ignored in".to_owned()
    } else {
        format!("Exception ignored {}", krait_runtime::types::str::to_string_lossy(&krait_runtime::ops::str_of(&args[1])?))
    };
    let obj = Some(&args[2]).filter(|o| !krait_runtime::types::none::is_none(o));
    let _ = krait_runtime::errors::raise_value(args[0].clone());
    krait_runtime::errors::write_unraisable_msg(&what, obj);
    Ok(krait_runtime::types::none::none())
}

/// set_errno(n): sets the C errno (code must not be confused by a stale one).
fn t_set_errno(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set_errno", args, kw, 1, 1)?;
    let n = c_int(&args[0])?;
    unsafe { *libc::__errno_location() = n };
    Ok(krait_runtime::types::none::none())
}

/// The method definition `create_cfunction` gives its new functions: its
/// own (CPython's PyCFunction_NewEx(&def, NULL, NULL)), kept as an address.
static CREATE_CFUNCTION_DEF: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// create_cfunction(): a new builtin function object with no `__self__` and
/// no module each call (the tests take weak references to it).
fn t_create_cfunction(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("create_cfunction", args, kw, 0, 0)?;
    let ml = *CREATE_CFUNCTION_DEF.get_or_init(|| method_table(&[method("create_cfunction", t_create_cfunction)]) as usize);
    Ok(new_cfunction(ml as *mut krait_runtime::object::PyMethodDef, None, None))
}

/// raise_exception(exc, n): PyErr_SetObject(exc, (0, ..., n-1)). CPython
/// creates the instance only when the exception is first looked at; if that
/// creation fails with an error of its own that has a traceback (an
/// `__init__` that raises), that traceback replaces the caller's entry, so
/// the caller's frame adds none here either.
fn t_raise_exception(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("raise_exception", args, kw, 2, 2)?;
    let n = c_int(&args[1])?;
    let exc = &args[0];
    if !krait_runtime::types::exceptions::is_exception_class(exc) {
        bail!(SystemError, "_PyErr_SetObject: exception {} is not a BaseException subclass", krait_runtime::ops::repr_string(exc)?);
    }
    let call_args: Vec<Obj> = (0..n.max(0)).map(|i| int::from_i64(i as i64)).collect();
    let lazy = krait_runtime::modules::sys::handled_exception().is_none();
    match krait_runtime::ops::call::call(exc, &call_args, None) {
        Ok(v) => Err(krait_runtime::errors::raise_value(v)),
        Err(e) => {
            let cur = krait_runtime::errors::peek();
            let own_tb = !cur.is_null()
                && krait_runtime::types::exceptions::get_traceback(&unsafe { Obj::from_borrowed(cur) }).is_some();
            if lazy && own_tb {
                krait_runtime::eval::unwind::set_reraise_flag();
            }
            Err(e)
        }
    }
}

/// raise_memoryerror(): PyErr_NoMemory.
fn t_raise_memoryerror(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("raise_memoryerror", args, kw, 0, 0)?;
    Err(krait_runtime::errors::raise_empty(krait_runtime::types::exceptions::MemoryError()))
}

/// make_exception_with_doc(name, doc=None, base=None, dict=None):
/// PyErr_NewExceptionWithDoc — a class `type(short, bases, dict)` for a
/// "module.class" name, `__module__` taken from it unless `dict` has one.
fn t_make_exception_with_doc(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    use krait_runtime::types::builtin_func::parse_args;
    use krait_runtime::types::{none, str as pystr, tuple};
    let a = parse_args("make_exception_with_doc", args, kw, &["name", "doc", "base", "dict"], 1, 0)?;
    let name = a[0].clone().unwrap();
    if !pystr::is_str(&name) {
        bail!(TypeError, "make_exception_with_doc() argument 'name' must be str, not {}", name.ty().name());
    }
    let doc = a[1].clone().filter(|d| !none::is_none(d));
    if let Some(d) = &doc {
        if !pystr::is_str(d) {
            bail!(TypeError, "make_exception_with_doc() argument 'doc' must be str, not {}", d.ty().name());
        }
    }
    let full = pystr::to_string_lossy(&name);
    let Some(dot) = full.rfind('.') else {
        bail!(SystemError, "PyErr_NewException: name must be module.class");
    };
    let base = a[2].clone().unwrap_or_else(|| krait_runtime::types::type_::type_obj(krait_runtime::types::exceptions::Exception()));
    let d = match a[3].clone() {
        Some(d) => d,
        None => dict::new(),
    };
    if let Some(doc) = doc {
        dict::set_item_str(&d, "__doc__", &doc)?;
    }
    if dict::get_item_str(&d, "__module__")?.is_none() {
        dict::set_item_str(&d, "__module__", &pystr::new(&full[..dot]))?;
    }
    let bases = if tuple::is_tuple(&base) { base } else { tuple::new(&[base]) };
    let type_type = krait_runtime::types::type_::type_obj(krait_runtime::types::type_::type_type());
    krait_runtime::ops::call::call(&type_type, &[pystr::new(&full[dot + 1..]), bases, d], None)
}

/// RecursingInfinitelyError's `__init__`: it raises a new instance of its
/// own class, as CPython's does through PyErr_SetObject; CPython creates
/// that instance while normalizing the exception, which raises again, until
/// the recursion limit ends it "while normalizing an exception". The
/// instance is made through the type's own slots so that only this guard
/// counts the levels.
unsafe extern "C" fn recursing_init(
    slf: *mut krait_runtime::object::PyObject,
    _args: *mut krait_runtime::object::PyObject,
    _kwds: *mut krait_runtime::object::PyObject,
) -> std::os::raw::c_int {
    let r = (|| -> PyResult<()> {
        krait_runtime::ops::enter_recursive_call(" while normalizing an exception")?;
        let r = (|| -> PyResult<()> {
            let t = (*slf).ob_type;
            let empty = krait_runtime::types::tuple::new(&[]);
            let new = (*t).tp_new.expect("exception types have tp_new");
            let o = krait_runtime::types::slots::from_ret(new(t, empty.as_ptr(), std::ptr::null_mut()))?;
            let init = (*t).tp_init.expect("exception types have tp_init");
            krait_runtime::types::slots::from_status(init(o.as_ptr(), empty.as_ptr(), std::ptr::null_mut()))?;
            Err(krait_runtime::errors::raise_value(o))
        })();
        krait_runtime::ops::leave_recursive_call();
        r
    })();
    krait_runtime::types::slots::ret_status(r)
}

/// `_testcapi.RecursingInfinitelyError`: an Exception subclass whose
/// instances cannot be created (see `recursing_init`).
fn recursing_infinitely_error() -> PyResult<Obj> {
    // CPython names it without a module (so its __module__ is builtins).
    let t = crate::new_exception_type("builtins.RecursingInfinitelyError", krait_runtime::types::exceptions::Exception())?;
    // SAFETY: a heap type just created, not yet shared; its instances keep
    // the Exception layout, only the initializer changes.
    unsafe { (*(t.as_ptr() as *mut krait_runtime::object::PyTypeObject)).tp_init = Some(recursing_init) };
    Ok(t)
}

/// bad_get(self, obj, cls): a `__get__` that calls `cls()` (which may
/// delete the descriptor from its class) before using `self`.
fn t_bad_get(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bad_get", args, kw, 3, 3)?;
    krait_runtime::ops::call::call(&args[2], &[], None)?;
    krait_runtime::ops::repr(&args[0])
}

/// test_with_docstring(): does nothing; it is there for its docstring.
fn t_test_with_docstring(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("test_with_docstring", args, kw, 0, 0)?;
    Ok(krait_runtime::types::none::none())
}

/// exception_print(exc): the interpreter's own report of `exc`
/// (PyErr_Display), written to sys.stderr.
fn t_exception_print(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("exception_print", args, kw, 1, 1)?;
    krait_runtime::modules::sys::display_exception(&args[0]);
    Ok(krait_runtime::types::none::none())
}

/// traceback_print(tb, file): PyTraceBack_Print, the header and entries
/// of `tb` written to `file`.
fn t_traceback_print(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("traceback_print", args, kw, 2, 2)?;
    if !krait_runtime::types::traceback::is_traceback(&args[0]) {
        bail!(SystemError, "bad argument to internal function");
    }
    let text = krait_runtime::traceback_print::format_traceback(&args[0]);
    krait_runtime::ops::attr::call_method(&args[1], "write", &[krait_runtime::types::str::new(&text)])?;
    Ok(krait_runtime::types::none::none())
}

/// A str argument of the deprecated "u"/"u#" converters (a
/// DeprecationWarning first, as CPython's getargs), copied into a new str.
fn legacy_unicode_arg(fname: &str, o: &Obj, allow_nul: bool) -> PyResult<Obj> {
    krait_runtime::errors::warn(krait_runtime::types::exceptions::DeprecationWarning(), "getargs: The 'u' format is deprecated. Use 'U' instead.")?;
    if !krait_runtime::types::str::is_str(o) {
        bail!(TypeError, "{}() argument must be str, not {}", fname, o.ty().name());
    }
    let cps = krait_runtime::types::str::code_points(o);
    if !allow_nul && cps.contains(&0) {
        bail!(ValueError, "embedded null character");
    }
    Ok(krait_runtime::types::str::from_code_points(&cps))
}

/// unicode_legacy_string(s): a str made through the legacy Py_UNICODE
/// API. krait keeps every str in its one representation, so this is an
/// equal, separate str (what such a C caller gets from krait).
fn t_unicode_legacy_string(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("unicode_legacy_string", args, kw, 1, 1)?;
    legacy_unicode_arg("unicode_legacy_string", &args[0], true)
}

/// getargs_u(s): the "u" converter (no NUL allowed), then
/// PyUnicode_FromWideChar.
fn t_getargs_u(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getargs_u", args, kw, 1, 1)?;
    legacy_unicode_arg("getargs_u", &args[0], false)
}

/// A file name argument (PyUnicode_FSConverter).
fn file_name(o: &Obj) -> PyResult<std::path::PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    let p = crate::posix::args::fspath(o)?;
    let b = if bytes::is_bytes(&p) { bytes::as_slice(&p).to_vec() } else { crate::posix::args::fs_encode(&p)? };
    Ok(std::path::PathBuf::from(std::ffi::OsString::from_vec(b)))
}

fn io_error(e: std::io::Error) -> krait_runtime::PyErr {
    krait_runtime::types::os_error::from_io(&e)
}

/// The whole file, for the PyMarshal_Read*FromFile wrappers.
fn read_file(o: &Obj) -> PyResult<Vec<u8>> {
    std::fs::read(file_name(o)?).map_err(io_error)
}

fn eof() -> krait_runtime::PyErr {
    krait_runtime::raise!(EOFError, "EOF read where not expected")
}

/// pymarshal_write_long_to_file(x, filename, version): the low 32 bits of
/// x, little-endian (PyMarshal_WriteLongToFile).
fn t_pymarshal_write_long_to_file(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pymarshal_write_long_to_file", args, kw, 3, 3)?;
    let Some(v) = int::as_i64(&int::index(&args[0])?) else { bail!(OverflowError, "Python int too large to convert to C long") };
    c_int(&args[2])?;
    std::fs::write(file_name(&args[1])?, (v as i32).to_le_bytes()).map_err(io_error)?;
    Ok(krait_runtime::types::none::none())
}

/// pymarshal_write_object_to_file(obj, filename, version).
fn t_pymarshal_write_object_to_file(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pymarshal_write_object_to_file", args, kw, 3, 3)?;
    let version = c_int(&args[2])?;
    let data = krait_runtime::import::marshal::dumps(&args[0], version as i64)?;
    std::fs::write(file_name(&args[1])?, data).map_err(io_error)?;
    Ok(krait_runtime::types::none::none())
}

/// pymarshal_read_short_from_file(filename): (the first 2 bytes as a
/// signed little-endian short, the file position after them).
fn t_pymarshal_read_short_from_file(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pymarshal_read_short_from_file", args, kw, 1, 1)?;
    let data = read_file(&args[0])?;
    let b: [u8; 2] = data.get(..2).ok_or_else(eof)?.try_into().unwrap();
    Ok(krait_runtime::types::tuple::new(&[int::from_i64(i16::from_le_bytes(b) as i64), int::from_i64(2)]))
}

/// pymarshal_read_long_from_file(filename): the same for a 4-byte long.
fn t_pymarshal_read_long_from_file(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pymarshal_read_long_from_file", args, kw, 1, 1)?;
    let data = read_file(&args[0])?;
    let b: [u8; 4] = data.get(..4).ok_or_else(eof)?.try_into().unwrap();
    Ok(krait_runtime::types::tuple::new(&[int::from_i64(i32::from_le_bytes(b) as i64), int::from_i64(4)]))
}

/// pymarshal_read_last_object_from_file(filename): the object the file
/// starts with, read from the whole file (whose end is the position).
fn t_pymarshal_read_last_object_from_file(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pymarshal_read_last_object_from_file", args, kw, 1, 1)?;
    let data = read_file(&args[0])?;
    let (o, _) = krait_runtime::import::marshal::loads_prefix(&data)?;
    Ok(krait_runtime::types::tuple::new(&[o, int::from_usize(data.len())]))
}

/// pymarshal_read_object_from_file(filename): the first object and the
/// position just after it.
fn t_pymarshal_read_object_from_file(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("pymarshal_read_object_from_file", args, kw, 1, 1)?;
    let data = read_file(&args[0])?;
    let (o, used) = krait_runtime::import::marshal::loads_prefix(&data).map_err(|e| {
        // A file cut short ends in EOFError, in the file reader's words.
        if krait_runtime::errors::matches(krait_runtime::types::exceptions::EOFError()) {
            krait_runtime::errors::clear();
            eof()
        } else {
            e
        }
    })?;
    Ok(krait_runtime::types::tuple::new(&[o, int::from_usize(used)]))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("raise_exception", t_raise_exception),
        method("raise_memoryerror", t_raise_memoryerror),
        method("make_exception_with_doc", t_make_exception_with_doc),
        method("create_cfunction", t_create_cfunction),
        method("bad_get", t_bad_get),
        method("test_with_docstring", t_test_with_docstring).with_doc("This is a pretty normal docstring."),
        method("set_errno", t_set_errno),
        method("call_in_temporary_c_thread", t_call_in_temporary_c_thread),
        method("join_temporary_c_thread", t_join_temporary_c_thread),
        method("write_unraisable_exc", t_write_unraisable_exc),
        method("raise_SIGINT_then_send_None", t_raise_sigint_then_send_none),
        method("float_pack", t_float_pack),
        method("float_unpack", t_float_unpack),
        method("dict_getitem_knownhash", t_dict_getitem_knownhash),
        method("sequence_getitem", t_sequence_getitem),
        method("sequence_setitem", t_sequence_setitem),
        method("getbuffer_with_null_view", t_getbuffer_with_null_view),
        method("exception_print", t_exception_print),
        method("unicode_legacy_string", t_unicode_legacy_string),
        method("getargs_u", t_getargs_u),
        method("pymarshal_write_long_to_file", t_pymarshal_write_long_to_file),
        method("pymarshal_write_object_to_file", t_pymarshal_write_object_to_file),
        method("pymarshal_read_short_from_file", t_pymarshal_read_short_from_file),
        method("pymarshal_read_long_from_file", t_pymarshal_read_long_from_file),
        method("pymarshal_read_last_object_from_file", t_pymarshal_read_last_object_from_file),
        method("pymarshal_read_object_from_file", t_pymarshal_read_object_from_file),
        method("traceback_print", t_traceback_print),
    ]
}

static mut GENERIC_ALIAS_TYPE: krait_runtime::object::PyTypeObject = krait_runtime::object::PyTypeObject::EMPTY;
static mut GENERIC_TYPE: krait_runtime::object::PyTypeObject = krait_runtime::object::PyTypeObject::EMPTY;

/// The item of a `_testcapi.GenericAlias`.
struct Alias(Obj);

impl crate::native::State for Alias {
    fn refs(&self, out: &mut Vec<*mut krait_runtime::object::PyObject>) {
        crate::native::push(out, &self.0);
    }
}

/// `GenericAlias.__mro_entries__(bases)`: the item stands in for the alias.
fn ga_mro_entries(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__mro_entries__", args, kw, 1, 1)?;
    match crate::native::state::<Alias>(o) {
        Some(a) => Ok(krait_runtime::types::tuple::new(&[a.0.clone()])),
        None => bail!(SystemError, "empty GenericAlias"),
    }
}

/// `Generic.__class_getitem__(item)`: a `GenericAlias` of the item.
fn generic_class_getitem(_cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__class_getitem__", args, kw, 1, 1)?;
    crate::native::alloc(&raw mut GENERIC_ALIAS_TYPE, Alias(args[0].clone()))
}

unsafe extern "C" fn no_new(
    _t: *mut krait_runtime::object::PyTypeObject,
    _a: *mut krait_runtime::object::PyObject,
    _k: *mut krait_runtime::object::PyObject,
) -> *mut krait_runtime::object::PyObject {
    krait_runtime::types::slots::ret(Err(krait_runtime::errors::raise(krait_runtime::types::exceptions::TypeError(), "cannot create instances")))
}

fn generic_types() -> PyResult<(Obj, Obj)> {
    use krait_runtime::types::builtin_func::{classmethod, method_table};
    unsafe {
        let ga = &raw mut GENERIC_ALIAS_TYPE;
        let g = &raw mut GENERIC_TYPE;
        if (*ga).tp_flags & krait_runtime::object::tpflags::READY == 0 {
            crate::native::init_type::<Alias>(ga, "_testcapi.GenericAlias", false);
            (*ga).tp_new = Some(no_new);
            (*ga).tp_methods = method_table(&[method("__mro_entries__", ga_mro_entries)]);
            crate::native::ready(ga)?;
            crate::native::init_type::<Alias>(g, "_testcapi.Generic", true);
            (*g).tp_methods = method_table(&[classmethod("__class_getitem__", generic_class_getitem)]);
            crate::native::ready(g)?;
        }
        Ok((krait_runtime::types::type_::type_obj(ga), krait_runtime::types::type_::type_obj(g)))
    }
}

static mut AWAIT_TYPE: krait_runtime::object::PyTypeObject = krait_runtime::object::PyTypeObject::EMPTY;
static mut AWAIT_ASYNC: krait_runtime::object::PyAsyncMethods = krait_runtime::object::PyAsyncMethods::EMPTY;

/// An `awaitType` instance's iterator, which `__await__` hands back as is
/// (checked by the `await` machinery, not here).
struct Awaitable(Obj);

impl crate::native::State for Awaitable {
    fn refs(&self, out: &mut Vec<*mut krait_runtime::object::PyObject>) {
        crate::native::push(out, &self.0);
    }
}

fn await_iterator(o: &Obj) -> PyResult<Obj> {
    match crate::native::state::<Awaitable>(o) {
        Some(a) => Ok(a.0.clone()),
        None => bail!(SystemError, "empty awaitType object"),
    }
}
krait_runtime::unary_slot!(await_slot => await_iterator);

/// `awaitType(iterator)`.
unsafe extern "C" fn await_new(
    t: *mut krait_runtime::object::PyTypeObject,
    a: *mut krait_runtime::object::PyObject,
    k: *mut krait_runtime::object::PyObject,
) -> *mut krait_runtime::object::PyObject {
    let args = krait_runtime::types::tuple::items(Obj::borrow_slot(&a));
    let r = (|| {
        if !k.is_null() && dict::len(Obj::borrow_slot(&k)) > 0 {
            bail!(TypeError, "awaitObject() takes no keyword arguments");
        }
        if args.len() != 1 {
            bail!(TypeError, "awaitObject expected 1 argument, got {}", args.len());
        }
        crate::native::alloc(t, Awaitable(args[0].clone()))
    })();
    krait_runtime::types::slots::ret(r)
}

fn await_type() -> PyResult<Obj> {
    unsafe {
        let t = &raw mut AWAIT_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY == 0 {
            crate::native::init_type::<Awaitable>(t, "awaitType", false);
            (*t).tp_new = Some(await_new);
            (*(&raw mut AWAIT_ASYNC)).am_await = Some(await_slot);
            (*t).tp_as_async = &raw mut AWAIT_ASYNC;
            crate::native::ready(t)?;
        }
        Ok(krait_runtime::types::type_::type_obj(t))
    }
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_testcapi")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    let (ga, g) = generic_types()?;
    dict::set_item_str(&d, "GenericAlias", &ga)?;
    dict::set_item_str(&d, "Generic", &g)?;
    dict::set_item_str(&d, "awaitType", &await_type()?)?;
    dict::set_item_str(&d, "RecursingInfinitelyError", &recursing_infinitely_error()?)?;
    // The C limits of an LP64 Linux build, as CPython's module exports them.
    let ints: [(&str, i128); 18] = [
        ("CHAR_MAX", i8::MAX as i128),
        ("CHAR_MIN", i8::MIN as i128),
        ("UCHAR_MAX", u8::MAX as i128),
        ("SHRT_MAX", i16::MAX as i128),
        ("SHRT_MIN", i16::MIN as i128),
        ("USHRT_MAX", u16::MAX as i128),
        ("INT_MAX", i32::MAX as i128),
        ("INT_MIN", i32::MIN as i128),
        ("UINT_MAX", u32::MAX as i128),
        ("LONG_MAX", i64::MAX as i128),
        ("LONG_MIN", i64::MIN as i128),
        ("ULONG_MAX", u64::MAX as i128),
        ("LLONG_MAX", i64::MAX as i128),
        ("LLONG_MIN", i64::MIN as i128),
        ("ULLONG_MAX", u64::MAX as i128),
        ("PY_SSIZE_T_MAX", isize::MAX as i128),
        ("PY_SSIZE_T_MIN", isize::MIN as i128),
        ("SIZEOF_VOID_P", std::mem::size_of::<usize>() as i128),
    ];
    for (name, v) in ints {
        dict::set_item_str(&d, name, &int::from_i128(v))?;
    }
    for (name, v) in [("FLT_MAX", f32::MAX as f64), ("FLT_MIN", f32::MIN_POSITIVE as f64), ("DBL_MAX", f64::MAX), ("DBL_MIN", f64::MIN_POSITIVE)] {
        dict::set_item_str(&d, name, &float::from_f64(v))?;
    }
    Ok(m)
}
