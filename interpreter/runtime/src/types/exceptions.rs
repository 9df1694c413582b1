//! The builtin exception hierarchy. Instances use CPython 3.11's
//! `PyBaseExceptionObject` layout (dict, args, notes, traceback, context,
//! cause, suppress_context); subclasses with extra attributes (StopIteration's
//! `value`, SystemExit's `code`, OSError's `errno`...) keep them as object
//! fields after the base, in CPython's order, so their sizes match CPython's.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{self, method};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::type_;
use crate::types::{dict, none, str as pystr, tuple};
use std::ptr::null_mut;

#[repr(C)]
pub struct PyBaseExceptionObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    /// CPython 3.11's layout keeps this field, but `__notes__` lives in the
    /// instance dict (add_note sets it there), so it stays null.
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: u8,
}

const BASE_SIZE: usize = std::mem::size_of::<PyBaseExceptionObject>();
const _: () = assert!(BASE_SIZE == 72);

/// Declares every builtin exception: its static type object, the exported
/// `PyExc_*` pointer variable C extensions use, and a Rust accessor.
macro_rules! exceptions {
    ($( $name:ident : $base:ident, fields [$($field:literal),*], $doc:literal; )*) => {
        paste::paste! {
            $(
                #[no_mangle]
                pub static mut [<_PyExc_ $name>]: PyTypeObject = PyTypeObject::EMPTY;
                #[no_mangle]
                pub static mut [<PyExc_ $name>]: *mut PyObject = &raw mut [<_PyExc_ $name>] as *mut PyObject;
                #[allow(non_snake_case)]
                #[inline]
                pub fn $name() -> *mut PyTypeObject {
                    &raw mut [<_PyExc_ $name>]
                }
            )*

            /// (type, base, extra field names, doc) of every builtin exception,
            /// bases before subclasses.
            pub fn table() -> Vec<(*mut PyTypeObject, *mut PyTypeObject, &'static [&'static str], &'static str, &'static str)> {
                vec![$( ($name(), exceptions!(@base $base), &[$($field),*], stringify!($name), $doc), )*]
            }
        }
    };
    (@base None) => { std::ptr::null_mut() };
    (@base $b:ident) => { $b() };
}

exceptions! {
    BaseException: None, fields [], "Common base class for all exceptions";
    Exception: BaseException, fields [], "Common base class for all non-exit exceptions.";
    BaseExceptionGroup: BaseException, fields ["message", "exceptions"], "A combination of multiple unrelated exceptions.";
    GeneratorExit: BaseException, fields [], "Request that a generator exit.";
    KeyboardInterrupt: BaseException, fields [], "Program interrupted by user.";
    SystemExit: BaseException, fields ["code"], "Request to exit from the interpreter.";
    ArithmeticError: Exception, fields [], "Base class for arithmetic errors.";
    FloatingPointError: ArithmeticError, fields [], "Floating point operation failed.";
    OverflowError: ArithmeticError, fields [], "Result too large to be represented.";
    ZeroDivisionError: ArithmeticError, fields [], "Second argument to a division or modulo operation was zero.";
    AssertionError: Exception, fields [], "Assertion failed.";
    AttributeError: Exception, fields ["name", "obj"], "Attribute not found.";
    BufferError: Exception, fields [], "Buffer error.";
    EOFError: Exception, fields [], "Read beyond end of file.";
    ImportError: Exception, fields ["msg", "name", "path"], "Import can't find module, or can't find name in module.";
    ModuleNotFoundError: ImportError, fields [], "Module not found.";
    LookupError: Exception, fields [], "Base class for lookup errors.";
    IndexError: LookupError, fields [], "Sequence index out of range.";
    KeyError: LookupError, fields [], "Mapping key not found.";
    MemoryError: Exception, fields [], "Out of memory.";
    NameError: Exception, fields ["name"], "Name not found globally.";
    UnboundLocalError: NameError, fields [], "Local name referenced but not bound to a value.";
    OSError: Exception, fields ["errno", "strerror", "filename", "filename2", "characters_written"], "Base class for I/O related errors.";
    BlockingIOError: OSError, fields [], "I/O operation would block.";
    ChildProcessError: OSError, fields [], "Child process error.";
    ConnectionError: OSError, fields [], "Connection error.";
    BrokenPipeError: ConnectionError, fields [], "Broken pipe.";
    ConnectionAbortedError: ConnectionError, fields [], "Connection aborted.";
    ConnectionRefusedError: ConnectionError, fields [], "Connection refused.";
    ConnectionResetError: ConnectionError, fields [], "Connection reset.";
    FileExistsError: OSError, fields [], "File already exists.";
    FileNotFoundError: OSError, fields [], "File not found.";
    InterruptedError: OSError, fields [], "Interrupted by signal.";
    IsADirectoryError: OSError, fields [], "Operation doesn't work on directories.";
    NotADirectoryError: OSError, fields [], "Operation only works on directories.";
    PermissionError: OSError, fields [], "Not enough permissions.";
    ProcessLookupError: OSError, fields [], "Process not found.";
    TimeoutError: OSError, fields [], "Timeout expired.";
    ReferenceError: Exception, fields [], "Weak ref proxy used after referent went away.";
    RuntimeError: Exception, fields [], "Unspecified run-time error.";
    NotImplementedError: RuntimeError, fields [], "Method or function hasn't been implemented yet.";
    RecursionError: RuntimeError, fields [], "Recursion limit exceeded.";
    StopAsyncIteration: Exception, fields [], "Signal the end from iterator.__anext__().";
    StopIteration: Exception, fields ["value"], "Signal the end from iterator.__next__().";
    SyntaxError: Exception, fields ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"], "Invalid syntax.";
    IndentationError: SyntaxError, fields [], "Improper indentation.";
    TabError: IndentationError, fields [], "Improper mixture of spaces and tabs.";
    SystemError: Exception, fields [], "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.";
    TypeError: Exception, fields [], "Inappropriate argument type.";
    ValueError: Exception, fields [], "Inappropriate argument value (of correct type).";
    UnicodeError: ValueError, fields [], "Unicode related error.";
    UnicodeDecodeError: UnicodeError, fields ["encoding", "object", "start", "end", "reason"], "Unicode decoding error.";
    UnicodeEncodeError: UnicodeError, fields ["encoding", "object", "start", "end", "reason"], "Unicode encoding error.";
    UnicodeTranslateError: UnicodeError, fields ["encoding", "object", "start", "end", "reason"], "Unicode translation error.";
    Warning: Exception, fields [], "Base class for warning categories.";
    BytesWarning: Warning, fields [], "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.";
    DeprecationWarning: Warning, fields [], "Base class for warnings about deprecated features.";
    EncodingWarning: Warning, fields [], "Base class for warnings about encodings.";
    FutureWarning: Warning, fields [], "Base class for warnings about constructs that will change semantically\nin the future.";
    ImportWarning: Warning, fields [], "Base class for warnings about probable mistakes in module imports";
    PendingDeprecationWarning: Warning, fields [], "Base class for warnings about features which will be deprecated\nin the future.";
    ResourceWarning: Warning, fields [], "Base class for warnings about resource usage.";
    RuntimeWarning: Warning, fields [], "Base class for warnings about dubious runtime behavior.";
    SyntaxWarning: Warning, fields [], "Base class for warnings about dubious syntax.";
    UnicodeWarning: Warning, fields [], "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.";
    UserWarning: Warning, fields [], "Base class for warnings generated by user code.";
}

/// ExceptionGroup derives from both BaseExceptionGroup and Exception; it is
/// created at startup as a class with two bases.
#[no_mangle]
pub static mut PyExc_ExceptionGroup: *mut PyObject = null_mut();

#[allow(non_snake_case)]
pub fn ExceptionGroup() -> *mut PyTypeObject {
    unsafe { PyExc_ExceptionGroup as *mut PyTypeObject }
}

// CPython's legacy aliases.
#[no_mangle]
pub static mut PyExc_EnvironmentError: *mut PyObject = null_mut();
#[no_mangle]
pub static mut PyExc_IOError: *mut PyObject = null_mut();

#[inline]
fn exc(o: &Obj) -> &mut PyBaseExceptionObject {
    unsafe { o.cast_mut::<PyBaseExceptionObject>() }
}

pub fn is_exception_instance(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::BASE_EXC_SUBCLASS)
}

pub fn is_exception_class(o: &Obj) -> bool {
    type_::is_type(o) && unsafe { (*type_::as_type(o)).has_flag(tpflags::BASE_EXC_SUBCLASS) }
}

/// Creates `tp(*args)`; TypeError if `tp` is not an exception class.
pub fn new_exception(tp: *mut PyTypeObject, args: &[Obj]) -> PyResult<Obj> {
    let t = type_::type_obj(tp);
    if !is_exception_class(&t) {
        crate::bail!(TypeError, "exceptions must derive from BaseException");
    }
    let e = crate::ops::call::call(&t, args, None)?;
    if !is_exception_instance(&e) {
        crate::bail!(
            TypeError,
            "calling {} should have returned an instance of BaseException, not {}",
            crate::ops::repr_string(&t)?,
            crate::ops::repr_string(&e.get_type())?
        );
    }
    Ok(e)
}

pub fn get_traceback(e: &Obj) -> Option<Obj> {
    if !is_exception_instance(e) {
        return None;
    }
    unsafe { crate::object::opt_from_borrowed(exc(e).traceback) }
}

pub fn set_traceback(e: &Obj, tb: Option<Obj>) {
    if is_exception_instance(e) {
        unsafe { crate::object::xsetref(&mut exc(e).traceback, crate::object::opt_into_raw(tb)) };
    }
}

pub fn get_context(e: &Obj) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(exc(e).context) }
}

pub fn set_context(e: &Obj, ctx: Option<Obj>) {
    unsafe { crate::object::xsetref(&mut exc(e).context, crate::object::opt_into_raw(ctx)) };
}

pub fn get_cause(e: &Obj) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(exc(e).cause) }
}

pub fn set_cause(e: &Obj, cause: Option<Obj>) {
    unsafe { crate::object::xsetref(&mut exc(e).cause, crate::object::opt_into_raw(cause)) };
    exc(e).suppress_context = 1;
}

pub fn suppress_context(e: &Obj) -> bool {
    exc(e).suppress_context != 0
}

pub fn args(e: &Obj) -> Obj {
    let p = exc(e).args;
    if p.is_null() {
        tuple::new(&[])
    } else {
        unsafe { Obj::from_borrowed(p) }
    }
}

/// The extra field `i` (after the base layout) of an exception subclass instance.
fn field_slot(e: &Obj, i: usize) -> *mut *mut PyObject {
    unsafe { (e.as_ptr() as *mut u8).add(BASE_SIZE + 8 * i) as *mut *mut PyObject }
}

/// Reads an extra field by name along the type's static base chain.
pub fn get_field(e: &Obj, name: &str) -> Option<Obj> {
    let (i, _) = field_index(e.type_ptr(), name)?;
    unsafe { crate::object::opt_from_borrowed(*field_slot(e, i)) }
}

pub fn set_field(e: &Obj, name: &str, v: Option<Obj>) {
    if let Some((i, _)) = field_index(e.type_ptr(), name) {
        unsafe { crate::object::xsetref(field_slot(e, i), crate::object::opt_into_raw(v)) };
    }
}

/// Finds which builtin exception (in `t`'s base chain) declares `name`.
fn field_index(t: *mut PyTypeObject, name: &str) -> Option<(usize, *mut PyTypeObject)> {
    let table = table_cached();
    let mut cur = t;
    while !cur.is_null() {
        if let Some(fields) = table.get(&(cur as usize)) {
            if let Some(i) = fields.iter().position(|f| *f == name) {
                return Some((i, cur));
            }
            // Fields of builtin exceptions are declared once; stop at the
            // first builtin with fields.
            if !fields.is_empty() {
                return None;
            }
        }
        cur = unsafe { (*cur).tp_base };
    }
    None
}

fn table_cached() -> &'static std::collections::HashMap<usize, &'static [&'static str]> {
    static T: std::sync::OnceLock<std::collections::HashMap<usize, &'static [&'static str]>> = std::sync::OnceLock::new();
    T.get_or_init(|| table().into_iter().map(|(t, _, f, _, _)| (t as usize, f)).collect())
}

fn fields_of(t: *mut PyTypeObject) -> &'static [&'static str] {
    let table = table_cached();
    let mut cur = t;
    while !cur.is_null() {
        if let Some(f) = table.get(&(cur as usize)) {
            if !f.is_empty() {
                return f;
            }
        }
        cur = unsafe { (*cur).tp_base };
    }
    &[]
}

// ---------------------------------------------------------------------------
// BaseException slots.

fn exc_new(t: *mut PyTypeObject, args: &Obj, _kwargs: Option<&Obj>) -> PyResult<Obj> {
    let mut t = t;
    // OSError(errno, strerror, ...) builds the subclass for that errno.
    if t == OSError() {
        let a = tuple::items(args);
        if (2..=5).contains(&a.len()) && crate::types::int::is_int(&a[0]) {
            if let Some(e) = crate::types::int::as_i64(&a[0]).and_then(|e| i32::try_from(e).ok()) {
                t = oserror_subclass(e);
            }
        }
    }
    let parse_here = t_inherits(t, OSError()) && !oserror_use_init(t);
    if parse_here {
        if let Some(k) = _kwargs {
            if dict::len(k) > 0 {
                crate::bail!(TypeError, "{}() takes no keyword arguments", unsafe { (*t).name() });
            }
        }
    }
    let o = type_::alloc_instance(t, 0)?;
    if parse_here {
        oserror_parse(&o, args);
    } else if t_inherits(t, OSError()) {
        // Its __init__ parses the arguments.
        unsafe { crate::object::xsetref(&mut exc(&o).args, tuple::new(&[]).into_raw()) };
    } else {
        unsafe { crate::object::xsetref(&mut exc(&o).args, args.clone().into_raw()) };
    }
    Ok(o)
}
crate::new_slot!(exc_new_slot => exc_new);

/// CPython's oserror_use_init: an OSError subclass that overrides
/// `__init__` but not `__new__` has its arguments parsed by `__init__`;
/// otherwise `__new__` parses them and `__init__` leaves them alone.
fn oserror_use_init(t: *mut PyTypeObject) -> bool {
    unsafe {
        (*t).tp_init.map(|f| f as usize) != Some(exc_init_slot as usize) && (*t).tp_new.map(|f| f as usize) == Some(exc_new_slot as usize)
    }
}

/// OSError's arguments: (errno, strerror[, filename[, winerror[, filename2]]]),
/// or BlockingIOError's (errno, strerror, characters_written).
fn oserror_parse(slf: &Obj, args: &Obj) {
    let t = slf.type_ptr();
    unsafe { crate::object::xsetref(&mut exc(slf).args, args.clone().into_raw()) };
    let a = tuple::items(args);
    if a.len() >= 2 && a.len() <= 5 {
        set_field(slf, "errno", Some(a[0].clone()));
        set_field(slf, "strerror", Some(a[1].clone()));
        if a.len() == 3 && t_inherits(t, BlockingIOError()) && crate::ops::number::has_index(&a[2]) {
            // BlockingIOError(errno, strerror, characters_written).
            set_field(slf, "characters_written", Some(a[2].clone()));
        } else if a.len() >= 3 {
            set_field(slf, "filename", Some(a[2].clone()));
            if a.len() == 5 {
                set_field(slf, "filename2", Some(a[4].clone()));
            }
            // CPython keeps only (errno, strerror) in args when a filename is given.
            unsafe { crate::object::xsetref(&mut exc(slf).args, tuple::new(&a[..2]).into_raw()) };
        }
    }
}

fn exc_init(slf: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let t = slf.type_ptr();
    if t_inherits(t, OSError()) && !oserror_use_init(t) {
        // __new__ took the arguments.
        return Ok(());
    }
    let takes_kw = t_inherits(t, NameError()) || t_inherits(t, AttributeError()) || t_inherits(t, ImportError());
    if !takes_kw {
        if let Some(k) = kwargs {
            if dict::len(k) > 0 {
                crate::bail!(TypeError, "{}() takes no keyword arguments", slf.ty().name());
            }
        }
    }
    unsafe { crate::object::xsetref(&mut exc(slf).args, args.clone().into_raw()) };
    let a = tuple::items(args);
    if t_inherits(t, StopIteration()) {
        set_field(slf, "value", Some(a.first().cloned().unwrap_or_else(none::none)));
    } else if t_inherits(t, SystemExit()) {
        let code = match a.len() {
            0 => none::none(),
            1 => a[0].clone(),
            _ => args.clone(),
        };
        set_field(slf, "code", Some(code));
    } else if t_inherits(t, NameError()) || t_inherits(t, AttributeError()) || t_inherits(t, ImportError()) {
        let allowed: &[&str] = if t_inherits(t, ImportError()) {
            &["name", "path"]
        } else if t_inherits(t, AttributeError()) {
            &["name", "obj"]
        } else {
            &["name"]
        };
        let given = kwargs.map(dict::items_vec).unwrap_or_default();
        for (key, _) in &given {
            let ks = pystr::to_string_lossy(key);
            if !allowed.contains(&ks.as_str()) {
                crate::bail!(TypeError, "'{}' is an invalid keyword argument for {}()", ks, slf.ty().name());
            }
        }
        // As CPython's __init__: fields not given are reset (re-running
        // __init__ forgets the old ones).
        for name in allowed {
            set_field(slf, name, None);
        }
        for (key, v) in given {
            set_field(slf, &pystr::to_string_lossy(&key), Some(v));
        }
        if t_inherits(t, ImportError()) {
            set_field(slf, "msg", if a.len() == 1 { Some(a[0].clone()) } else { None });
        }
    } else if t_inherits(t, OSError()) {
        oserror_parse(slf, args);
    } else if t_inherits(t, SyntaxError()) {
        if !a.is_empty() {
            set_field(slf, "msg", Some(a[0].clone()));
        }
        if a.len() == 2 {
            let info = crate::ops::seq::to_vec(&a[1])?;
            if info.len() < 4 {
                crate::bail!(TypeError, "function takes at least 4 arguments ({} given)", info.len());
            }
            if info.len() > 6 {
                crate::bail!(TypeError, "function takes at most 6 arguments ({} given)", info.len());
            }
            if info.len() == 5 {
                crate::bail!(TypeError, "end_offset must be provided when end_lineno is provided");
            }
            for (i, name) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().enumerate() {
                if i < info.len() {
                    set_field(slf, name, Some(info[i].clone()));
                }
            }
        }
    } else if t_inherits(t, UnicodeDecodeError()) || t_inherits(t, UnicodeEncodeError()) {
        if a.len() != 5 {
            crate::bail!(TypeError, "function takes exactly 5 arguments ({} given)", a.len());
        }
        // CPython's "UOnnU" (decode) / "UUnnU" (encode) conversions; a
        // decode error keeps any bytes-like object as bytes.
        let decode = t_inherits(t, UnicodeDecodeError());
        for i in [0usize, 4] {
            if !pystr::is_str(&a[i]) {
                crate::bail!(TypeError, "argument {} must be str, not {}", i + 1, a[i].ty().name());
            }
        }
        let object = if decode {
            if crate::types::bytes::is_bytes(&a[1]) {
                a[1].clone()
            } else {
                crate::types::bytes::new(crate::types::buffer::bytes_like(&a[1])?.as_slice())
            }
        } else {
            if !pystr::is_str(&a[1]) {
                crate::bail!(TypeError, "argument 2 must be str, not {}", a[1].ty().name());
            }
            a[1].clone()
        };
        let start = crate::types::int::index(&a[2])?;
        let end = crate::types::int::index(&a[3])?;
        set_field(slf, "encoding", Some(a[0].clone()));
        set_field(slf, "object", Some(object));
        set_field(slf, "start", Some(start));
        set_field(slf, "end", Some(end));
        set_field(slf, "reason", Some(a[4].clone()));
    } else if t_inherits(t, UnicodeTranslateError()) {
        if a.len() != 4 {
            crate::bail!(TypeError, "function takes exactly 4 arguments ({} given)", a.len());
        }
        for (i, name) in ["object", "start", "end", "reason"].iter().enumerate() {
            set_field(slf, name, Some(a[i].clone()));
        }
    }
    Ok(())
}
crate::init_slot!(exc_init_slot => exc_init);

fn t_inherits(t: *mut PyTypeObject, b: *mut PyTypeObject) -> bool {
    type_::is_subtype(t, b)
}

fn exc_str(o: &Obj) -> PyResult<Obj> {
    let t = o.type_ptr();
    let a = args(o);
    let items = tuple::items(&a);
    if t_inherits(t, KeyError()) && items.len() == 1 {
        return crate::ops::repr(&items[0]);
    }
    if t_inherits(t, OSError()) {
        if let (Some(errno), Some(strerror)) = (get_field(o, "errno"), get_field(o, "strerror")) {
            let e = crate::ops::str_of(&errno)?;
            let s = crate::ops::str_of(&strerror)?;
            let mut out = format!("[Errno {}] {}", pystr::to_string_lossy(&e), pystr::to_string_lossy(&s));
            if let Some(f) = get_field(o, "filename") {
                out.push_str(&format!(": {}", crate::ops::repr_string(&f)?));
                if let Some(f2) = get_field(o, "filename2") {
                    out.push_str(&format!(" -> {}", crate::ops::repr_string(&f2)?));
                }
            }
            return Ok(pystr::new(&out));
        }
    }
    if t_inherits(t, SyntaxError()) {
        let msg = match get_field(o, "msg") {
            Some(m) => crate::ops::str_of(&m)?,
            None => return exc_str_args(items),
        };
        let mut out = pystr::to_string_lossy(&msg);
        let filename = get_field(o, "filename").filter(|f| pystr::is_str(f));
        let lineno = get_field(o, "lineno").and_then(|l| crate::types::int::as_i64(&l));
        match (filename, lineno) {
            (Some(f), Some(l)) => {
                let f = pystr::to_string_lossy(&f);
                let base = f.rsplit('/').next().unwrap_or(&f).to_owned();
                out = format!("{} ({}, line {})", out, base, l);
            }
            (Some(f), None) => {
                let f = pystr::to_string_lossy(&f);
                out = format!("{} ({})", out, f.rsplit('/').next().unwrap_or(&f));
            }
            (None, Some(l)) => out = format!("{} (line {})", out, l),
            _ => {}
        }
        return Ok(pystr::new(&out));
    }
    if t_inherits(t, ImportError()) {
        if let Some(m) = get_field(o, "msg") {
            if !none::is_none(&m) {
                return crate::ops::str_of(&m);
            }
        }
    }
    if t_inherits(t, UnicodeDecodeError()) {
        if let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
            get_field(o, "encoding"),
            get_field(o, "object"),
            get_field(o, "start"),
            get_field(o, "end"),
            get_field(o, "reason"),
        ) {
            let start = crate::types::int::as_i64(&start).unwrap_or(0);
            let end = crate::types::int::as_i64(&end).unwrap_or(0);
            let bytes = crate::types::bytes::as_slice_opt(&obj).map(|b| b.to_vec()).unwrap_or_default();
            let enc = pystr::to_string_lossy(&crate::ops::str_of(&enc)?);
            let reason = pystr::to_string_lossy(&crate::ops::str_of(&reason)?);
            if start >= 0 && (start as usize) < bytes.len() && end == start + 1 {
                return Ok(pystr::new(&format!(
                    "'{}' codec can't decode byte {:#04x} in position {}: {}",
                    enc, bytes[start as usize], start, reason
                )));
            }
            return Ok(pystr::new(&format!(
                "'{}' codec can't decode bytes in position {}-{}: {}",
                enc,
                start,
                end - 1,
                reason
            )));
        }
    }
    let encode = t_inherits(t, UnicodeEncodeError());
    if encode || t_inherits(t, UnicodeTranslateError()) {
        if let (Some(obj), Some(start), Some(end), Some(reason)) =
            (get_field(o, "object"), get_field(o, "start"), get_field(o, "end"), get_field(o, "reason"))
        {
            let start = crate::types::int::as_i64(&start).unwrap_or(0);
            let end = crate::types::int::as_i64(&end).unwrap_or(0);
            let reason = pystr::to_string_lossy(&crate::ops::str_of(&reason)?);
            let head = if encode {
                let enc = get_field(o, "encoding").map(|e| crate::ops::str_of(&e)).transpose()?;
                format!("'{}' codec can't encode", enc.map(|e| pystr::to_string_lossy(&e)).unwrap_or_default())
            } else {
                "can't translate".to_string()
            };
            if pystr::is_str(&obj) && start >= 0 && (start as usize) < pystr::len(&obj) && end == start + 1 {
                let c = pystr::char_at(&obj, start as usize);
                let shown = if c <= 0xff {
                    format!("\\x{:02x}", c)
                } else if c <= 0xffff {
                    format!("\\u{:04x}", c)
                } else {
                    format!("\\U{:08x}", c)
                };
                return Ok(pystr::new(&format!("{} character '{}' in position {}: {}", head, shown, start, reason)));
            }
            return Ok(pystr::new(&format!("{} characters in position {}-{}: {}", head, start, end - 1, reason)));
        }
    }
    exc_str_args(items)
}

fn exc_str_args(items: &[Obj]) -> PyResult<Obj> {
    match items.len() {
        0 => Ok(pystr::empty()),
        1 => crate::ops::str_of(&items[0]),
        _ => crate::ops::str_of(&tuple::new(items)),
    }
}
crate::unary_slot!(exc_str_slot => exc_str);

fn exc_repr(o: &Obj) -> PyResult<Obj> {
    let name = pystr::to_string_lossy(&type_::name(&o.get_type()));
    let a = args(o);
    let items = tuple::items(&a);
    let s = if items.len() == 1 {
        format!("{}({})", name, crate::ops::repr_string(&items[0])?)
    } else {
        format!("{}{}", name, crate::ops::repr_string(&a)?)
    };
    Ok(pystr::new(&s))
}
crate::unary_slot!(exc_repr_slot => exc_repr);

unsafe extern "C" fn exc_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let e = exc(&o);
    for slot in [&mut e.dict, &mut e.args, &mut e.notes, &mut e.traceback, &mut e.context, &mut e.cause] {
        crate::object::xdecref(std::mem::replace(slot, null_mut()));
    }
    let n = fields_of((*p).ob_type).len();
    for i in 0..n {
        crate::object::xdecref(std::mem::replace(&mut *field_slot(&o, i), null_mut()));
    }
    alloc::free_object(p);
}

unsafe extern "C" fn exc_traverse(
    p: *mut PyObject,
    visit: crate::object::VisitProc,
    arg: *mut std::os::raw::c_void,
) -> std::os::raw::c_int {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let e = exc(&o);
    for f in [e.dict, e.args, e.notes, e.traceback, e.context, e.cause] {
        if !f.is_null() {
            let r = visit(f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    for i in 0..fields_of((*p).ob_type).len() {
        let f = *field_slot(&o, i);
        if !f.is_null() {
            let r = visit(f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn exc_clear(p: *mut PyObject) -> std::os::raw::c_int {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let e = exc(&o);
    for slot in [&mut e.dict, &mut e.args, &mut e.notes, &mut e.traceback, &mut e.context, &mut e.cause] {
        crate::object::xdecref(std::mem::replace(slot, null_mut()));
    }
    for i in 0..fields_of((*p).ob_type).len() {
        crate::object::xdecref(std::mem::replace(&mut *field_slot(&o, i), null_mut()));
    }
    0
}

// ---------------------------------------------------------------------------
// Attributes and methods.

fn get_args(o: &Obj) -> PyResult<Obj> {
    Ok(args(o))
}

fn set_args(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) => v,
        None => crate::bail!(TypeError, "args may not be deleted"),
    };
    let t = tuple::new(&crate::ops::seq::to_vec(v)?);
    unsafe { crate::object::xsetref(&mut exc(o).args, t.into_raw()) };
    Ok(())
}

fn get_tb(o: &Obj) -> PyResult<Obj> {
    Ok(get_traceback(o).unwrap_or_else(none::none))
}

fn set_tb(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        None => crate::bail!(TypeError, "__traceback__ may not be deleted"),
        Some(v) if none::is_none(v) => set_traceback(o, None),
        Some(v) if crate::types::traceback::is_traceback(v) => set_traceback(o, Some(v.clone())),
        Some(_) => crate::bail!(TypeError, "__traceback__ must be a traceback or None"),
    }
    Ok(())
}

fn get_ctx(o: &Obj) -> PyResult<Obj> {
    Ok(get_context(o).unwrap_or_else(none::none))
}

fn set_ctx(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        None => crate::bail!(TypeError, "__context__ may not be deleted"),
        Some(v) if none::is_none(v) => set_context(o, None),
        Some(v) if is_exception_instance(v) => set_context(o, Some(v.clone())),
        Some(_) => crate::bail!(TypeError, "exception context must be None or derive from BaseException"),
    }
    Ok(())
}

fn get_cause_attr(o: &Obj) -> PyResult<Obj> {
    Ok(get_cause(o).unwrap_or_else(none::none))
}

fn set_cause_attr(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        None => crate::bail!(TypeError, "__cause__ may not be deleted"),
        Some(v) if none::is_none(v) => set_cause(o, None),
        Some(v) if is_exception_instance(v) => set_cause(o, Some(v.clone())),
        Some(_) => crate::bail!(TypeError, "exception cause must be None or derive from BaseException"),
    }
    Ok(())
}

fn get_suppress(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bool_::from_bool(suppress_context(o)))
}

fn set_suppress(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        None => crate::bail!(TypeError, "__suppress_context__ may not be deleted"),
        Some(v) => exc(o).suppress_context = crate::ops::truthy(v)? as u8,
    }
    Ok(())
}

fn get_dict_attr(o: &Obj) -> PyResult<Obj> {
    let e = exc(o);
    if e.dict.is_null() {
        e.dict = dict::new().into_raw();
    }
    Ok(unsafe { Obj::from_borrowed(e.dict) })
}

fn set_dict_attr(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if dict::is_dict(v) => {
            unsafe { crate::object::xsetref(&mut exc(o).dict, v.clone().into_raw()) };
            Ok(())
        }
        Some(_) => crate::bail!(TypeError, "__dict__ must be a dictionary"),
        None => crate::bail!(TypeError, "__dict__ may not be deleted"),
    }
}

fn with_traceback(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("BaseException.with_traceback", args, kw, 1, 1)?;
    set_tb(slf, Some(&args[0]))?;
    Ok(slf.clone())
}

/// `e.add_note(note)`.
pub fn add_note_str(e: &Obj, note: &str) -> PyResult<()> {
    add_note(e, &[pystr::new(note)], None).map(|_| ())
}

fn add_note(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("BaseException.add_note", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        crate::bail!(TypeError, "note must be a str, not '{}'", args[0].ty().name());
    }
    let notes = match crate::ops::attr::getattr_opt(slf, &pystr::intern_static("__notes__"))? {
        Some(n) => n,
        None => {
            let l = crate::types::list::new();
            crate::ops::attr::setattr(slf, &pystr::intern_static("__notes__"), &l)?;
            l
        }
    };
    if !crate::types::list::is_list(&notes) {
        crate::bail!(TypeError, "Cannot add note: __notes__ is not a list");
    }
    crate::types::list::append(&notes, args[0].clone());
    Ok(none::none())
}

fn exc_reduce(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    let e = exc(slf);
    let t = slf.get_type();
    let mut a = args(slf);
    let mut state = unsafe { crate::object::opt_from_borrowed(e.dict) };
    let tp = slf.type_ptr();
    if t_inherits(tp, OSError()) && tuple::len(&a) == 2 {
        // The constructor kept only (errno, strerror) in args: put the
        // file names back so that OSError(*args) rebuilds them.
        if let Some(f) = get_field(slf, "filename") {
            let items = tuple::items(&a);
            a = match get_field(slf, "filename2") {
                Some(f2) => tuple::new(&[items[0].clone(), items[1].clone(), f, none::none(), f2]),
                None => tuple::new(&[items[0].clone(), items[1].clone(), f]),
            };
        }
    } else if t_inherits(tp, ImportError()) {
        // name and path travel in the state, beside a copy of __dict__.
        let (name, path) = (get_field(slf, "name"), get_field(slf, "path"));
        if name.is_some() || path.is_some() {
            let d = match &state {
                Some(d) => dict::copy(d)?,
                None => dict::new(),
            };
            if let Some(n) = name {
                dict::set_item_str(&d, "name", &n)?;
            }
            if let Some(p) = path {
                dict::set_item_str(&d, "path", &p)?;
            }
            state = Some(d);
        }
    }
    match state {
        None => Ok(tuple::new(&[t, a])),
        Some(d) => Ok(tuple::new(&[t, a, d])),
    }
}

fn exc_setstate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("BaseException.__setstate__", args, kw, 1, 1)?;
    if !none::is_none(&args[0]) {
        if !dict::is_dict(&args[0]) {
            crate::bail!(TypeError, "state is not a dictionary");
        }
        for (k, v) in dict::items_vec(&args[0]) {
            crate::ops::attr::setattr(slf, &k, &v)?;
        }
    }
    Ok(none::none())
}

/// Records the object and name of a failed attribute lookup on the pending
/// AttributeError (used for "Did you mean" suggestions).
pub fn set_attribute_error_context(obj: &Obj, name: &Obj) {
    let e = crate::errors::peek();
    if e.is_null() {
        return;
    }
    let e = unsafe { Obj::from_borrowed(e) };
    if type_::is_subtype(e.type_ptr(), AttributeError()) {
        // As CPython: an error that already names anything is left alone.
        if get_field(&e, "name").is_none() && get_field(&e, "obj").is_none() {
            set_field(&e, "name", Some(name.clone()));
            set_field(&e, "obj", Some(obj.clone()));
        }
    }
}

/// `characters_written` exists only once set (CPython's -1 means unset).
fn g_written(o: &Obj) -> PyResult<Obj> {
    match get_field(o, "characters_written") {
        Some(v) => Ok(v),
        None => crate::bail!(AttributeError, "characters_written"),
    }
}

fn s_written(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        None => {
            if get_field(o, "characters_written").is_none() {
                crate::bail!(AttributeError, "characters_written");
            }
            set_field(o, "characters_written", None);
        }
        Some(v) => {
            // Kept as a C ssize_t: an int, overflow a ValueError.
            let n = crate::types::int::index(v)?;
            if crate::types::int::as_i64(&n).is_none() {
                crate::bail!(ValueError, "cannot fit 'int' into an index-sized integer");
            }
            set_field(o, "characters_written", Some(n));
        }
    }
    Ok(())
}

fn field_getter(o: &Obj, name: &str) -> PyResult<Obj> {
    Ok(get_field(o, name).unwrap_or_else(none::none))
}

macro_rules! field_accessors {
    ($($get:ident, $set:ident, $name:literal;)*) => {
        $(
            fn $get(o: &Obj) -> PyResult<Obj> { field_getter(o, $name) }
            fn $set(o: &Obj, v: Option<&Obj>) -> PyResult<()> { set_field(o, $name, v.cloned()); Ok(()) }
        )*
        fn field_getsets(name: &str) -> Option<GetSetSpec> {
            match name {
                $( $name => Some(GetSetSpec::get_set($name, $get, $set)), )*
                "characters_written" => Some(GetSetSpec::get_set("characters_written", g_written, s_written)),
                _ => None,
            }
        }
    };
}

field_accessors! {
    g_code, s_code, "code";
    g_value, s_value, "value";
    g_name, s_name, "name";
    g_obj, s_obj, "obj";
    g_msg, s_msg, "msg";
    g_path, s_path, "path";
    g_errno, s_errno, "errno";
    g_strerror, s_strerror, "strerror";
    g_filename, s_filename, "filename";
    g_filename2, s_filename2, "filename2";
    g_lineno, s_lineno, "lineno";
    g_offset, s_offset, "offset";
    g_text, s_text, "text";
    g_end_lineno, s_end_lineno, "end_lineno";
    g_end_offset, s_end_offset, "end_offset";
    g_pfal, s_pfal, "print_file_and_line";
    g_encoding, s_encoding, "encoding";
    g_object, s_object, "object";
    g_start, s_start, "start";
    g_end, s_end, "end";
    g_reason, s_reason, "reason";
    g_message, s_message, "message";
    g_exceptions, s_exceptions, "exceptions";
}

pub fn init_types() {
    unsafe {
        for (t, base, fields, name, doc) in table() {
            let size = BASE_SIZE + 8 * fields.len() + if base.is_null() { 0 } else { (*base).tp_basicsize as usize - BASE_SIZE };
            type_::init_static(t, name, size, 0);
            if !base.is_null() {
                (*t).tp_base = base;
            }
            (*t).tp_flags |= tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::BASE_EXC_SUBCLASS;
            (*t).tp_doc = builtin_func::cstr(doc);
            (*t).tp_dictoffset = std::mem::offset_of!(PyBaseExceptionObject, dict) as isize;
            (*t).tp_dealloc = Some(exc_dealloc);
            (*t).tp_traverse = Some(exc_traverse);
            (*t).tp_clear = Some(exc_clear);
            if base.is_null() {
                (*t).tp_new = Some(exc_new_slot);
                (*t).tp_init = Some(exc_init_slot);
                (*t).tp_str = Some(exc_str_slot);
                (*t).tp_repr = Some(exc_repr_slot);
                (*t).tp_methods = builtin_func::method_table(&[
                    method("with_traceback", with_traceback),
                    method("add_note", add_note),
                    method("__reduce__", exc_reduce),
                    method("__setstate__", exc_setstate),
                ]);
                (*t).tp_getset = getset_table(&[
                    GetSetSpec::get_set("args", get_args, set_args),
                    GetSetSpec::get_set("__traceback__", get_tb, set_tb),
                    GetSetSpec::get_set("__context__", get_ctx, set_ctx),
                    GetSetSpec::get_set("__cause__", get_cause_attr, set_cause_attr),
                    GetSetSpec::get_set("__suppress_context__", get_suppress, set_suppress),
                    GetSetSpec::get_set("__dict__", get_dict_attr, set_dict_attr),
                ]);
            } else if !fields.is_empty() {
                // An exception group's message and exceptions are read-only
                // members, as CPython's.
                if t == BaseExceptionGroup() {
                    let members: Vec<(&str, usize)> = fields.iter().enumerate().map(|(i, f)| (*f, BASE_SIZE + 8 * i)).collect();
                    (*t).tp_members = crate::types::member::readonly_members(&members);
                    continue;
                }
                let specs: Vec<GetSetSpec> = fields.iter().filter_map(|f| field_getsets(f)).collect();
                (*t).tp_getset = getset_table(&specs);
            }
        }
        // KeyError and friends get their own __str__ via exc_str's dispatch.
        PyExc_EnvironmentError = OSError() as *mut PyObject;
        PyExc_IOError = OSError() as *mut PyObject;
    }
}

/// Creates ExceptionGroup(BaseExceptionGroup, Exception) once the type
/// machinery can build classes.
pub fn init_exception_group() -> PyResult<()> {
    let bases = tuple::new(&[type_::type_obj(BaseExceptionGroup()), type_::type_obj(Exception())]);
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", &pystr::intern_static("builtins"))?;
    let t = crate::ops::call::call(
        &type_::type_obj(type_::type_type()),
        &[pystr::intern_static("ExceptionGroup"), bases, ns],
        None,
    )?;
    unsafe {
        PyExc_ExceptionGroup = t.into_raw();
    }
    Ok(())
}

/// Maps an errno value to the OSError subclass CPython raises for it.
pub fn oserror_subclass(errno: i32) -> *mut PyTypeObject {
    match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => BlockingIOError(),
        libc::ECHILD => ChildProcessError(),
        libc::EPIPE | libc::ESHUTDOWN => BrokenPipeError(),
        libc::ECONNABORTED => ConnectionAbortedError(),
        libc::ECONNREFUSED => ConnectionRefusedError(),
        libc::ECONNRESET => ConnectionResetError(),
        libc::EEXIST => FileExistsError(),
        libc::ENOENT => FileNotFoundError(),
        libc::EISDIR => IsADirectoryError(),
        libc::ENOTDIR => NotADirectoryError(),
        libc::EINTR => InterruptedError(),
        libc::EACCES | libc::EPERM => PermissionError(),
        libc::ESRCH => ProcessLookupError(),
        libc::ETIMEDOUT => TimeoutError(),
        _ => OSError(),
    }
}
