//! The standard streams as CPython creates them once importlib works:
//! `io.TextIOWrapper` over a buffered `io.FileIO` for each of fds 0, 1 and 2
//! (so `sys.stdout.buffer`, `.raw`, `.mode` and friends exist). Until then
//! sys holds krait's minimal streams (`sys.rs`), which also stay in place if
//! `io` cannot be imported.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{bool_, dict, int, module, none, str as pystr};
use std::sync::atomic::{AtomicBool, Ordering};

/// `-u` / PYTHONUNBUFFERED: stdout and stderr unbuffered (write-through).
pub static UNBUFFERED: AtomicBool = AtomicBool::new(false);

/// Replaces sys.stdin/stdout/stderr (and their `__x__` twins) with io
/// objects. `use_env` allows PYTHONIOENCODING ("encoding[:errors]").
pub fn install(use_env: bool) -> PyResult<()> {
    let io = crate::import::import_module_level(&pystr::new("io"), None, None, 0)?;
    let (mut enc, mut errs): (Option<String>, Option<String>) = (None, None);
    if use_env {
        if let Ok(v) = std::env::var("PYTHONIOENCODING") {
            let (e, r) = match v.split_once(':') {
                Some((e, r)) => (e.to_owned(), Some(r.to_owned())),
                None => (v.clone(), None),
            };
            if !e.is_empty() {
                // The codec's canonical name, as CPython's config does.
                let codecs = crate::import::import_module_level(&pystr::new("_codecs"), None, None, 0)?;
                let info = crate::ops::attr::call_method(&codecs, "lookup", &[pystr::new(&e)])?;
                let name = crate::ops::attr::getattr(&info, &pystr::intern("name"))?;
                enc = Some(pystr::to_string_lossy(&name));
            }
            errs = r.filter(|r| !r.is_empty());
        }
    }
    let sys = super::sys::sys_module().expect("sys exists");
    let d = module::dict_of(&sys);
    for (fd, name, write) in [(0, "stdin", false), (1, "stdout", true), (2, "stderr", true)] {
        let errors = match (&errs, fd) {
            // stderr keeps backslashreplace whatever PYTHONIOENCODING says.
            (_, 2) => "backslashreplace".to_owned(),
            (Some(e), _) => e.clone(),
            (None, _) => super::sys::stream_errors(fd).to_owned(),
        };
        let stream = create(&io, fd, write, name, enc.as_deref().unwrap_or("utf-8"), &errors)?;
        // The krait stream may hold output written during startup.
        if let Some(old) = dict::get_item_str(&d, name)? {
            if !none::is_none(&old) {
                let _ = crate::ops::attr::call_method(&old, "flush", &[]).map_err(|_| crate::errors::clear());
            }
        }
        dict::set_item_str(&d, name, &stream)?;
        dict::set_item_str(&d, &format!("__{}__", name), &stream)?;
    }
    Ok(())
}

/// CPython's create_stdio: None for a closed descriptor; stdin always
/// buffered (TextIOWrapper needs read1); line buffering on a terminal and
/// for stderr; write-through when unbuffered.
fn create(io: &Obj, fd: i32, write: bool, name: &str, encoding: &str, errors: &str) -> PyResult<Obj> {
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Ok(none::none());
    }
    let buffered = !UNBUFFERED.load(Ordering::Relaxed);
    let buffering: i64 = if !buffered && write { 0 } else { -1 };
    let open = crate::ops::attr::getattr(io, &pystr::intern("open"))?;
    let buf = crate::ops::call::call(
        &open,
        &[
            int::from_i64(fd as i64),
            pystr::new(if write { "wb" } else { "rb" }),
            int::from_i64(buffering),
            none::none(),
            none::none(),
            none::none(),
            bool_::from_bool(false),
        ],
        None,
    )?;
    let raw = if buffering != 0 { crate::ops::attr::getattr(&buf, &pystr::intern("raw"))? } else { buf.clone() };
    crate::ops::attr::setattr(&raw, &pystr::intern("name"), &pystr::new(&format!("<{}>", name)))?;
    let isatty = crate::ops::truthy(&crate::ops::attr::call_method(&raw, "isatty", &[])?)?;
    let line_buffering = buffered && (isatty || fd == 2);
    let wrapper = crate::ops::attr::getattr(io, &pystr::intern("TextIOWrapper"))?;
    let stream = crate::ops::call::call(
        &wrapper,
        &[
            buf,
            pystr::new(encoding),
            pystr::new(errors),
            pystr::new("\n"),
            bool_::from_bool(line_buffering),
            bool_::from_bool(!buffered),
        ],
        None,
    )?;
    crate::ops::attr::setattr(&stream, &pystr::intern("mode"), &pystr::new(if write { "w" } else { "r" }))?;
    Ok(stream)
}
