//! The standard streams as CPython's start-up makes them (`create_stdio`):
//! once the import system works, sys.stdin/stdout/stderr become
//! `_io.TextIOWrapper`s over buffered `FileIO`s of fds 0, 1 and 2, named
//! `<stdin>`…, line-buffered on a terminal (stderr always), write-through
//! under `-u`, in UTF-8 (or PYTHONIOENCODING) with CPython's error
//! handlers. Until then, and if that fails, sys.py's simple streams stand
//! in, as CPython's preliminary std printer does.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::ops;
use crate::types::{bool_, dict, int, module, none, str as pystr, tuple};
use std::sync::atomic::{AtomicBool, Ordering};

static UNBUFFERED: AtomicBool = AtomicBool::new(false);

/// `-u` / PYTHONUNBUFFERED: binary layers unbuffered, text written through.
pub fn set_unbuffered(on: bool) {
    UNBUFFERED.store(on, Ordering::Relaxed);
}

fn fd_is_valid(fd: i32) -> bool {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    unsafe { libc::fstat(fd, &mut st) == 0 }
}

/// PYTHONIOENCODING's "encoding:errors" (either part may be empty).
fn io_encoding_override(use_env: bool) -> (Option<String>, Option<String>) {
    let Some(v) = std::env::var("PYTHONIOENCODING").ok().filter(|v| use_env && !v.is_empty()) else {
        return (None, None);
    };
    let (enc, errs) = match v.split_once(':') {
        Some((e, r)) => (e.to_string(), Some(r.to_string())),
        None => (v, None),
    };
    (Some(enc).filter(|e| !e.is_empty()), errs.filter(|e| !e.is_empty()))
}

fn create_stdio(io: &Obj, fd: i32, write: bool, name: &str, encoding: &str, errors: &str) -> PyResult<Obj> {
    if !fd_is_valid(fd) {
        return Ok(none::none());
    }
    // Reading stays buffered (TextIOWrapper needs read1); -u only makes
    // the written streams' binary layer unbuffered and all of them write through.
    let unbuffered = UNBUFFERED.load(Ordering::Relaxed);
    let buffered = !(write && unbuffered);
    let open = ops::attr::getattr_str(io, "open")?;
    let mode = if write { "wb" } else { "rb" };
    let buf = ops::call::call(
        &open,
        &[int::from_i64(fd as i64), pystr::new(mode), int::from_i64(if buffered { -1 } else { 0 }), bool_::from_bool(false)],
        Some(&tuple::new(&[pystr::new("closefd")])),
    )?;
    let raw = if buffered { ops::attr::getattr_str(&buf, "raw")? } else { buf.clone() };
    ops::attr::setattr(&raw, &pystr::intern_static("name"), &pystr::new(name))?;
    let isatty = ops::truthy(&ops::attr::call_method(&raw, "isatty", &[])?)?;
    let line_buffering = !unbuffered && (isatty || fd == 2);
    let wrapper = ops::attr::getattr_str(io, "TextIOWrapper")?;
    let stream = ops::call::call(
        &wrapper,
        &[
            buf,
            pystr::new(encoding),
            pystr::new(errors),
            pystr::new("\n"),
            bool_::from_bool(line_buffering),
            bool_::from_bool(unbuffered),
        ],
        Some(&tuple::new(&[pystr::new("line_buffering"), pystr::new("write_through")])),
    )?;
    ops::attr::setattr(&stream, &pystr::intern_static("mode"), &pystr::new(if write { "w" } else { "r" }))?;
    Ok(stream)
}

/// Replaces the preliminary streams by real ones; what was written to the
/// old ones is flushed first.
pub fn init(use_env: bool) -> PyResult<()> {
    let io = crate::import::import_module_level(&pystr::new("_io"), None, None, 0)?;
    let (enc, mut errs) = io_encoding_override(use_env);
    // As CPython: an encoding named without an error handler means strict.
    if enc.is_some() && errs.is_none() {
        errs = Some("strict".to_string());
    }
    let encoding = match enc {
        // The codec's own name, as CPython reports it ("latin-1" is "iso8859-1").
        Some(e) => {
            // The codec search function lives in the encodings package,
            // which CPython has imported by now.
            crate::import::import_module_level(&pystr::new("encodings"), None, None, 0)?;
            let codecs = crate::import::import_module_level(&pystr::new("_codecs"), None, None, 0)?;
            let info = ops::attr::call_method(&codecs, "lookup", &[pystr::new(&e)])?;
            pystr::to_string_lossy(&ops::attr::getattr_str(&info, "name")?)
        }
        None => "utf-8".to_string(),
    };
    let sys = super::sys::sys_module().expect("sys exists");
    let d = module::dict_of(&sys);
    let mut made = Vec::new();
    for (fd, attr, name, write) in [(0, "stdin", "<stdin>", false), (1, "stdout", "<stdout>", true), (2, "stderr", "<stderr>", true)] {
        let errors = if fd == 2 { "backslashreplace".to_string() } else { errs.clone().unwrap_or_else(|| super::sys::stream_errors(fd).to_string()) };
        made.push((attr, create_stdio(&io, fd, write, name, &encoding, &errors)?));
    }
    for (attr, stream) in made {
        if let Some(old) = dict::get_item_str(&d, attr)? {
            if !none::is_none(&old) && ops::attr::call_method(&old, "flush", &[]).is_err() {
                crate::errors::clear();
            }
        }
        dict::set_item_str(&d, attr, &stream)?;
        dict::set_item_str(&d, &format!("__{}__", attr), &stream)?;
    }
    Ok(())
}
