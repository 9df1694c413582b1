//! The `_io` module, as CPython 3.11's Modules/_io: the abstract bases
//! (`iobase.rs`), FileIO (`fileio.rs`), the buffered classes
//! (`bufferedio.rs`), BytesIO (`bytesio.rs`), TextIOWrapper and
//! IncrementalNewlineDecoder (`textio.rs`), StringIO (`stringio.rs`), and
//! `open`/`open_code` here.
//!
//! Every `_io` object has one layout: the object header, `__dict__`, the
//! weak-reference list and a pointer to the Rust state of its concrete
//! class (null for the abstract bases and before `__init__`). Buffering
//! and decoding happen in Rust; Python methods are called only on objects
//! that are not krait's own (a user's raw stream, a subclass override).

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use crate::posix::args::{self, clinic};
use krait_runtime::object::{tpflags, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{dict, exceptions, int, module, none, str as pystr, tuple, type_};
use krait_runtime::{Obj, PyErr, PyResult};

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

#[repr(C)]
pub struct IoObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub weakreflist: *mut PyObject,
    pub state: *mut State,
}

/// The Rust state of a concrete `_io` object.
pub enum State {
    File(fileio::FileState),
    Buffered(bufferedio::BufState),
    Pair(bufferedio::PairState),
    Bytes(bytesio::BytesState),
    Str(stringio::StrState),
    Text(textio::TextState),
    NlDecoder(textio::NlDecoder),
}

impl State {
    /// The objects the state references (for the collector).
    fn refs(&self) -> Vec<*mut PyObject> {
        match self {
            State::Buffered(b) => vec![b.raw.as_ptr()],
            State::Pair(p) => vec![p.reader.as_ptr(), p.writer.as_ptr()],
            State::Text(t) => t.refs(),
            State::NlDecoder(d) => d.decoder.iter().map(|o| o.as_ptr()).collect(),
            _ => Vec::new(),
        }
    }
}

pub static mut IOBASE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut RAWIOBASE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut BUFFEREDIOBASE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut TEXTIOBASE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut FILEIO_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut BYTESIO_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut STRINGIO_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut BUFFEREDREADER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut BUFFEREDWRITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut BUFFEREDRANDOM_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut BUFFEREDRWPAIR_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut TEXTIOWRAPPER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut NLDECODER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

static UNSUPPORTED: krait_runtime::gil::GilCell<std::cell::OnceCell<Obj>> = krait_runtime::gil::GilCell::new(std::cell::OnceCell::new());

/// Is `o` laid out as an `IoObject`?
pub fn is_io(o: &Obj) -> bool {
    type_::is_subtype(o.type_ptr(), &raw mut IOBASE_TYPE) || type_::is_subtype(o.type_ptr(), &raw mut NLDECODER_TYPE)
}

/// The state of an io object, if initialised.
pub fn state(o: &Obj) -> Option<&mut State> {
    if !is_io(o) {
        return None;
    }
    unsafe {
        let p = o.cast::<IoObject>().state;
        if p.is_null() {
            None
        } else {
            Some(&mut *p)
        }
    }
}

/// Installs (or replaces) an object's state.
pub fn set_state(o: &Obj, s: State) {
    unsafe {
        let io = o.cast_mut::<IoObject>();
        let old = std::mem::replace(&mut io.state, Box::into_raw(Box::new(s)));
        if !old.is_null() {
            drop(Box::from_raw(old));
        }
    }
}

/// Drops an object's state (it is then uninitialised).
pub fn clear_state(o: &Obj) {
    if !is_io(o) {
        return;
    }
    unsafe {
        let io = o.cast_mut::<IoObject>();
        let old = std::mem::replace(&mut io.state, std::ptr::null_mut());
        if !old.is_null() {
            drop(Box::from_raw(old));
        }
    }
}

/// Is `o` exactly of the static type `t` (not a Python subclass)?
pub fn is_exact(o: &Obj, t: *mut PyTypeObject) -> bool {
    o.type_ptr() == t
}

pub fn unsupported_type() -> Obj {
    UNSUPPORTED.with(|c| c.get().cloned()).expect("_io initialised")
}

/// io.UnsupportedOperation(msg).
pub fn unsupported(msg: &str) -> PyErr {
    let t = unsupported_type();
    match krait_runtime::ops::call::call(&t, &[pystr::new(msg)], None) {
        Ok(e) => krait_runtime::errors::raise_value(e),
        Err(e) => e,
    }
}

pub fn closed_error() -> PyErr {
    krait_runtime::raise!(ValueError, "I/O operation on closed file.")
}

pub fn uninitialized() -> PyErr {
    krait_runtime::raise!(ValueError, "I/O operation on uninitialized object")
}

pub fn call_method(o: &Obj, name: &str, a: &[Obj]) -> PyResult<Obj> {
    krait_runtime::ops::attr::call_method(o, name, a)
}

pub fn getattr(o: &Obj, name: &str) -> PyResult<Obj> {
    krait_runtime::ops::attr::getattr_str(o, name)
}

pub fn truthy(o: &Obj) -> PyResult<bool> {
    krait_runtime::ops::truthy(o)
}

/// A `size` argument: None or an int (`_Py_convert_optional_to_ssize_t`),
/// -1 meaning "all".
pub fn size_arg(o: Option<&Obj>) -> PyResult<isize> {
    match o {
        None => Ok(-1),
        Some(v) if none::is_none(v) => Ok(-1),
        Some(v) => {
            if !krait_runtime::ops::number::has_index(v) {
                krait_runtime::bail!(TypeError, "argument should be integer or None, not '{}'", v.ty().name());
            }
            int::index_isize(v)
        }
    }
}

/// Clears the exception an error represents, when it is `BlockingIOError`
/// raised for EAGAIN by a non-blocking descriptor (reads return None).
pub fn is_eagain(code: i32) -> bool {
    code == libc::EAGAIN || code == libc::EWOULDBLOCK
}

// ---------------------------------------------------------------------------
// Type slots shared by every io type.

unsafe extern "C" fn io_traverse(p: *mut PyObject, visit: krait_runtime::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let io = &*(p as *mut IoObject);
    if !io.dict.is_null() {
        let r = visit(io.dict, arg);
        if r != 0 {
            return r;
        }
    }
    if !io.state.is_null() {
        for r in (*io.state).refs() {
            if !r.is_null() {
                let v = visit(r, arg);
                if v != 0 {
                    return v;
                }
            }
        }
    }
    0
}

unsafe extern "C" fn io_clear(p: *mut PyObject) -> i32 {
    let io = &mut *(p as *mut IoObject);
    krait_runtime::object::xdecref(std::mem::replace(&mut io.dict, std::ptr::null_mut()));
    0
}

unsafe extern "C" fn io_dealloc(p: *mut PyObject) {
    if (*(*p).ob_type).tp_finalize.is_some() && !krait_runtime::gc::is_finalized(p) {
        (*p).ob_refcnt = 1;
        if (*(*p).ob_type).has_flag(krait_runtime::object::tpflags::HAVE_GC) {
            krait_runtime::gc::track_again(p);
        }
        krait_runtime::gc::call_finalizer(p);
        (*p).ob_refcnt -= 1;
        if (*p).ob_refcnt > 0 {
            return;
        }
    }
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    let io = &mut *(p as *mut IoObject);
    if !io.weakreflist.is_null() {
        krait_runtime::types::weakref::clear_weakrefs(&o);
    }
    krait_runtime::object::xdecref(std::mem::replace(&mut io.dict, std::ptr::null_mut()));
    let st = std::mem::replace(&mut io.state, std::ptr::null_mut());
    if !st.is_null() {
        drop(Box::from_raw(st));
    }
    type_::free_instance(p);
}

/// CPython's iobase_finalize: close a stream that is still open, ignoring
/// errors.
unsafe extern "C" fn io_finalize(p: *mut PyObject) {
    let o = Obj::borrow_slot(&p).clone();
    let saved = krait_runtime::errors::fetch();
    // close() warns about a stream left open when it runs from here.
    match state(&o) {
        Some(State::File(f)) => f.finalizing = true,
        Some(State::Buffered(b)) => b.finalizing = true,
        Some(State::Text(t)) => t.finalizing = true,
        _ => {}
    }
    let closed = match getattr(&o, "closed") {
        Ok(c) => truthy(&c).unwrap_or(true),
        Err(_) => {
            krait_runtime::errors::clear();
            true
        }
    };
    if !closed {
        if call_method(&o, "close", &[]).is_err() {
            krait_runtime::errors::clear();
        }
    }
    if let Some(v) = saved {
        let _ = krait_runtime::errors::restore(v);
    }
}

unsafe fn make_type(
    t: *mut PyTypeObject,
    name: &str,
    base: *mut PyTypeObject,
    methods: &[MethodSpec],
    getset: &[GetSetSpec],
    init: Option<krait_runtime::object::InitProc>,
    extra: impl FnOnce(*mut PyTypeObject),
) -> PyResult<()> {
    type_::init_static(t, name, std::mem::size_of::<IoObject>(), 0);
    if !base.is_null() {
        (*t).tp_base = base;
    }
    (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
    (*t).tp_dictoffset = std::mem::offset_of!(IoObject, dict) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(IoObject, weakreflist) as isize;
    (*t).tp_traverse = Some(io_traverse);
    (*t).tp_clear = Some(io_clear);
    (*t).tp_dealloc = Some(io_dealloc);
    (*t).tp_new = Some(type_::generic_new);
    (*t).tp_alloc = Some(type_::generic_alloc);
    (*t).tp_finalize = Some(io_finalize);
    if !methods.is_empty() {
        (*t).tp_methods = method_table(methods);
    }
    if !getset.is_empty() {
        (*t).tp_getset = getset_table(getset);
    }
    if init.is_some() {
        (*t).tp_init = init;
    }
    extra(t);
    type_::ready(t)
}

fn init_types() -> PyResult<()> {
    unsafe {
        if (*(&raw mut IOBASE_TYPE)).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        make_type(&raw mut IOBASE_TYPE, "_io._IOBase", std::ptr::null_mut(), &iobase::iobase_methods(), &iobase::iobase_getset(), None, |t| {
            (*t).tp_iter = Some(iobase::iobase_iter_slot);
            (*t).tp_iternext = Some(iobase::iobase_iternext_slot);
        })?;
        let base = &raw mut IOBASE_TYPE;
        make_type(&raw mut RAWIOBASE_TYPE, "_io._RawIOBase", base, &iobase::rawiobase_methods(), &[], None, |_| {})?;
        make_type(&raw mut BUFFEREDIOBASE_TYPE, "_io._BufferedIOBase", base, &iobase::bufferediobase_methods(), &[], None, |_| {})?;
        make_type(&raw mut TEXTIOBASE_TYPE, "_io._TextIOBase", base, &iobase::textiobase_methods(), &iobase::textiobase_getset(), None, |_| {})?;
        make_type(&raw mut FILEIO_TYPE, "_io.FileIO", &raw mut RAWIOBASE_TYPE, &fileio::methods(), &fileio::getset(), Some(fileio::init_slot), |t| (*t).tp_repr = Some(fileio::repr_slot))?;
        make_type(&raw mut BYTESIO_TYPE, "_io.BytesIO", &raw mut BUFFEREDIOBASE_TYPE, &bytesio::methods(), &bytesio::getset(), Some(bytesio::init_slot), |t| {
            (*t).tp_iternext = Some(bytesio::iternext_slot);
            // CPython's object size (its fields are ours behind `state`),
            // which __sizeof__ reports.
            (*t).tp_basicsize = (*t).tp_basicsize.max(64);
        })?;
        let bb = &raw mut BUFFEREDIOBASE_TYPE;
        make_type(&raw mut BUFFEREDREADER_TYPE, "_io.BufferedReader", bb, &bufferedio::methods(true, false), &bufferedio::getset(), Some(bufferedio::reader_init_slot), |t| {
            (*t).tp_repr = Some(bufferedio::repr_slot);
            (*t).tp_iternext = Some(bufferedio::iternext_slot);
        })?;
        make_type(&raw mut BUFFEREDWRITER_TYPE, "_io.BufferedWriter", bb, &bufferedio::methods(false, true), &bufferedio::getset(), Some(bufferedio::writer_init_slot), |t| {
            (*t).tp_repr = Some(bufferedio::repr_slot);
            (*t).tp_iternext = Some(bufferedio::iternext_slot);
        })?;
        make_type(&raw mut BUFFEREDRANDOM_TYPE, "_io.BufferedRandom", bb, &bufferedio::methods(true, true), &bufferedio::getset(), Some(bufferedio::random_init_slot), |t| {
            (*t).tp_repr = Some(bufferedio::repr_slot);
            (*t).tp_iternext = Some(bufferedio::iternext_slot);
        })?;
        make_type(&raw mut BUFFEREDRWPAIR_TYPE, "_io.BufferedRWPair", bb, &bufferedio::pair_methods(), &bufferedio::pair_getset(), Some(bufferedio::pair_init_slot), |_| {})?;
        make_type(&raw mut STRINGIO_TYPE, "_io.StringIO", &raw mut TEXTIOBASE_TYPE, &stringio::methods(), &stringio::getset(), Some(stringio::init_slot), |t| (*t).tp_iternext = Some(stringio::iternext_slot))?;
        make_type(&raw mut TEXTIOWRAPPER_TYPE, "_io.TextIOWrapper", &raw mut TEXTIOBASE_TYPE, &textio::methods(), &textio::getset(), Some(textio::init_slot), |t| {
            (*t).tp_repr = Some(textio::repr_slot);
            (*t).tp_iternext = Some(textio::iternext_slot);
        })?;
        make_type(&raw mut NLDECODER_TYPE, "_io.IncrementalNewlineDecoder", std::ptr::null_mut(), &textio::nl_methods(), &textio::nl_getset(), Some(textio::nl_init_slot), |t| (*t).tp_finalize = None)?;
        for t in [&raw mut BYTESIO_TYPE, &raw mut BUFFEREDREADER_TYPE, &raw mut BUFFEREDWRITER_TYPE, &raw mut BUFFEREDRANDOM_TYPE, &raw mut STRINGIO_TYPE, &raw mut TEXTIOWRAPPER_TYPE] {
            type_::modified(t);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// open() and open_code()

fn bad_type(fname: &str, arg: &str, want: &str, o: &Obj) -> PyErr {
    krait_runtime::raise!(TypeError, "{}() argument '{}' must be {}, not {}", fname, arg, want, o.ty().name())
}

fn opt_str(fname: &str, arg: &str, o: &Option<Obj>) -> PyResult<Option<Obj>> {
    match o {
        None => Ok(None),
        Some(v) if none::is_none(v) => Ok(None),
        Some(v) if pystr::is_str(v) => Ok(Some(v.clone())),
        Some(v) => Err(bad_type(fname, arg, "str or None", v)),
    }
}

fn io_open(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic(
        "open",
        a,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        0,
        8,
        1,
    )?;
    let file = v[0].clone().unwrap();
    let mode = match &v[1] {
        None => "r".to_owned(),
        Some(m) if pystr::is_str(m) => pystr::to_string_lossy(m),
        Some(m) => return Err(bad_type("open", "mode", "str", m)),
    };
    let buffering = match &v[2] {
        None => -1,
        Some(b) => {
            if krait_runtime::types::float::is_float(b) {
                krait_runtime::bail!(TypeError, "'float' object cannot be interpreted as an integer");
            }
            args::to_int(b)?
        }
    };
    let encoding = opt_str("open", "encoding", &v[3])?;
    let errors = opt_str("open", "errors", &v[4])?;
    let newline = opt_str("open", "newline", &v[5])?;
    let closefd = args::to_bool(&v[6], true)?;
    let opener = v[7].clone().filter(|o| !none::is_none(o));

    if !int::is_int(&file) && !pystr::is_str(&file) && !krait_runtime::types::bytes::is_bytes(&file) {
        args::fspath(&file)?;
    }
    let (mut creating, mut reading, mut writing, mut appending, mut updating, mut text, mut binary) =
        (false, false, false, false, false, false, false);
    let mut seen = String::new();
    for c in mode.chars() {
        let ok = "xrwa+tb".contains(c) && !seen.contains(c);
        if !ok {
            krait_runtime::bail!(ValueError, "invalid mode: '{}'", mode);
        }
        seen.push(c);
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            'b' => binary = true,
            _ => {}
        }
    }
    let mut rawmode = String::new();
    if creating {
        rawmode.push('x');
    }
    if reading {
        rawmode.push('r');
    }
    if writing {
        rawmode.push('w');
    }
    if appending {
        rawmode.push('a');
    }
    if updating {
        rawmode.push('+');
    }
    if text && binary {
        krait_runtime::bail!(ValueError, "can't have text and binary mode at once");
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        krait_runtime::bail!(ValueError, "must have exactly one of create/read/write/append mode");
    }
    if !(creating || reading || writing || appending) {
        krait_runtime::bail!(ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    if binary && encoding.is_some() {
        krait_runtime::bail!(ValueError, "binary mode doesn't take an encoding argument");
    }
    if binary && errors.is_some() {
        krait_runtime::bail!(ValueError, "binary mode doesn't take an errors argument");
    }
    if binary && newline.is_some() {
        krait_runtime::bail!(ValueError, "binary mode doesn't take a newline argument");
    }
    if !binary && encoding.is_none() {
        warn_default_encoding()?;
    }
    if binary && buffering == 1 {
        krait_runtime::errors::warn(
            exceptions::RuntimeWarning(),
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
        )?;
    }
    let mut fargs = vec![file.clone(), pystr::new(&rawmode), krait_runtime::types::bool_::from_bool(closefd)];
    let mut kwn = None;
    if let Some(op) = &opener {
        fargs.push(op.clone());
        kwn = Some(tuple::new(&[pystr::new("opener")]));
    }
    let raw = krait_runtime::ops::call::call(&type_::type_obj(&raw mut FILEIO_TYPE), &fargs, kwn.as_ref())?;
    // On failure the outermost layer made so far is closed (which closes
    // those below it), as CPython's open does.
    let mut outer = raw.clone();
    let result = (|| -> PyResult<Obj> {
        let mut buffering = buffering;
        let mut line_buffering = false;
        // buffering=1 means line buffering (text) over a default-size
        // buffer; so does the default on a terminal.
        let isatty = buffering < 0 && truthy(&call_method(&raw, "isatty", &[])?)?;
        if buffering == 1 || isatty {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = fileio::blksize(&raw).unwrap_or(DEFAULT_BUFFER_SIZE as i64) as i32;
            if buffering <= 1 {
                buffering = DEFAULT_BUFFER_SIZE as i32;
            }
        }
        if buffering == 0 {
            if binary {
                return Ok(raw.clone());
            }
            krait_runtime::bail!(ValueError, "can't have unbuffered text I/O");
        }
        let bt = if updating {
            &raw mut BUFFEREDRANDOM_TYPE
        } else if creating || writing || appending {
            &raw mut BUFFEREDWRITER_TYPE
        } else {
            &raw mut BUFFEREDREADER_TYPE
        };
        let buffer = krait_runtime::ops::call::call(&type_::type_obj(bt), &[raw.clone(), int::from_i64(buffering as i64)], None)?;
        outer = buffer.clone();
        if binary {
            return Ok(buffer);
        }
        let n = none::none();
        let w = krait_runtime::ops::call::call(
            &type_::type_obj(&raw mut TEXTIOWRAPPER_TYPE),
            &[
                buffer,
                encoding.clone().unwrap_or_else(none::none),
                errors.clone().unwrap_or_else(none::none),
                newline.clone().unwrap_or(n),
                krait_runtime::types::bool_::from_bool(line_buffering),
            ],
            None,
        )?;
        outer = w.clone();
        krait_runtime::ops::attr::setattr(&w, &pystr::new("mode"), &pystr::new(&mode))?;
        Ok(w)
    })();
    match result {
        Ok(r) => Ok(r),
        Err(e) => {
            let exc = krait_runtime::errors::take(e);
            let _ = call_method(&outer, "close", &[]).map_err(|_| krait_runtime::errors::clear());
            Err(krait_runtime::errors::restore(exc))
        }
    }
}

fn io_open_code(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("open_code", a, kw, &["path"], 0, 1, 1)?;
    let p = v[0].clone().unwrap();
    if !pystr::is_str(&p) {
        krait_runtime::bail!(TypeError, "open_code() argument 'path' must be str, not {}", p.ty().name());
    }
    io_open(_m, &[p, pystr::new("rb")], None)
}

fn io_text_encoding(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("text_encoding", a, kw, &["encoding", "stacklevel"], 1, 2, 0)?;
    let enc = v[0].clone().unwrap();
    if !none::is_none(&enc) {
        return Ok(enc);
    }
    let stacklevel = match &v[1] {
        Some(s) => args::to_int(s)?,
        None => 2,
    };
    if krait_runtime::modules::sys::flag("warn_default_encoding") != 0 {
        krait_runtime::modules::warnings::warn(exceptions::EncodingWarning(), "'encoding' argument not specified", stacklevel.max(0) as usize)?;
    }
    if krait_runtime::modules::sys::flag("utf8_mode") != 0 {
        Ok(pystr::new("utf-8"))
    } else {
        Ok(pystr::new("locale"))
    }
}

/// PEP 597: the EncodingWarning for a text stream opened without an
/// encoding, under `-X warn_default_encoding`.
pub(crate) fn warn_default_encoding() -> PyResult<()> {
    if krait_runtime::modules::sys::flag("warn_default_encoding") != 0 {
        krait_runtime::modules::warnings::warn(exceptions::EncodingWarning(), "'encoding' argument not specified", 1)?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_io")?;
    let d = module::dict_of(&m);
    if UNSUPPORTED.with(|c| c.get().is_none()) {
        let ns = dict::new();
        dict::set_item_str(&ns, "__module__", &pystr::new("io"))?;
        let bases = tuple::new(&[type_::type_obj(exceptions::OSError()), type_::type_obj(exceptions::ValueError())]);
        let t = krait_runtime::ops::call::call(
            &type_::type_obj(type_::type_type()),
            &[pystr::new("UnsupportedOperation"), bases, ns],
            None,
        )?;
        UNSUPPORTED.with(|c| {
            let _ = c.set(t);
        });
    }
    init_types()?;
    let fns = vec![method("open", io_open), method("open_code", io_open_code), method("text_encoding", io_text_encoding)];
    add_functions(&d, &m, &fns)?;
    dict::set_item_str(&d, "DEFAULT_BUFFER_SIZE", &int::from_usize(DEFAULT_BUFFER_SIZE))?;
    dict::set_item_str(&d, "UnsupportedOperation", &unsupported_type())?;
    dict::set_item_str(&d, "BlockingIOError", &type_::type_obj(exceptions::BlockingIOError()))?;
    for (n, t) in [
        ("_IOBase", &raw mut IOBASE_TYPE),
        ("_RawIOBase", &raw mut RAWIOBASE_TYPE),
        ("_BufferedIOBase", &raw mut BUFFEREDIOBASE_TYPE),
        ("_TextIOBase", &raw mut TEXTIOBASE_TYPE),
        ("FileIO", &raw mut FILEIO_TYPE),
        ("BytesIO", &raw mut BYTESIO_TYPE),
        ("StringIO", &raw mut STRINGIO_TYPE),
        ("BufferedReader", &raw mut BUFFEREDREADER_TYPE),
        ("BufferedWriter", &raw mut BUFFEREDWRITER_TYPE),
        ("BufferedRandom", &raw mut BUFFEREDRANDOM_TYPE),
        ("BufferedRWPair", &raw mut BUFFEREDRWPAIR_TYPE),
        ("TextIOWrapper", &raw mut TEXTIOWRAPPER_TYPE),
        ("IncrementalNewlineDecoder", &raw mut NLDECODER_TYPE),
    ] {
        dict::set_item_str(&d, n, &type_::type_obj(t))?;
    }
    Ok(m)
}

/// `PyErr_ResourceWarning(source, 1, "WHAT %R", source)`: warnings.warn
/// with the object as the warning's source.
pub(crate) fn resource_warning(source: &Obj, what: &str) -> PyResult<()> {
    let rep = krait_runtime::ops::repr(source)?;
    let msg = format!("{} {}", what, pystr::to_string_lossy(&rep));
    let w = krait_runtime::import::import_module_level(&pystr::new("warnings"), None, None, 0)?;
    let f = krait_runtime::ops::attr::getattr(&w, &pystr::new("warn"))?;
    let cat = type_::type_obj(exceptions::ResourceWarning());
    let kw = tuple::new(&[pystr::new("stacklevel"), pystr::new("source")]);
    krait_runtime::ops::call::call(&f, &[pystr::new(&msg), cat, int::from_i64(1), source.clone()], Some(&kw))?;
    Ok(())
}

/// The outcome of close() after a flush whose failure was held (taken out
/// of the thread state) while the underlying object closed: the flush
/// error, chained as the context of close()'s own error if both failed.
pub(crate) fn close_outcome(flushed: Result<(), Obj>, closed: PyResult<Obj>) -> PyResult<Obj> {
    match (flushed, closed) {
        (Err(first), Ok(_)) => Err(krait_runtime::errors::restore(first)),
        (Err(first), Err(e2)) => {
            let second = krait_runtime::errors::take(e2);
            krait_runtime::types::exceptions::set_context(&second, Some(first));
            Err(krait_runtime::errors::restore(second))
        }
        (Ok(()), r) => r.map(|_| krait_runtime::types::none::none()),
    }
}
