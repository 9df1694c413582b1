//! The interactive loop, as CPython's PyRun_InteractiveLoop: the prompt
//! (`sys.ps1`, then `sys.ps2` while a statement goes on) written to the
//! standard error, one statement at a time compiled in "single" mode (so
//! expression values go to `sys.displayhook`), errors reported through
//! `sys.excepthook`, until the input ends.
//!
//! Lines are read from file descriptor 0 a byte at a time, so nothing past
//! the current line is taken from under `sys.stdin` (code run at the prompt
//! may read the rest of the input itself). Whether a statement is complete
//! is decided as the `codeop` module decides it.

use krait_runtime::compile::{cf, compile_source, Mode};
use krait_runtime::types::{dict, exceptions as exc, none, str as pystr};
use krait_runtime::{errors, interp, modules, Obj, PyResult};

/// What ended the loop.
pub enum End {
    /// The input ran out.
    Eof,
    /// SystemExit raised by a statement (the exception is still set).
    Exit(krait_runtime::PyErr),
}

/// Runs statements read from the standard input in `globals` until the
/// input ends or a statement raises SystemExit.
pub fn run(globals: &Obj) -> End {
    let sys = modules::sys::sys_module().expect("sys exists");
    let sys_dict = krait_runtime::types::module::dict_of(&sys);
    for (name, value) in [("ps1", ">>> "), ("ps2", "... ")] {
        if modules::sys::get_attr(name).is_none() {
            let _ = dict::set_item_str(&sys_dict, name, &pystr::new(value));
        }
    }
    loop {
        match one_statement(globals) {
            Ok(true) => {}
            Ok(false) => return End::Eof,
            Err(e) => {
                if errors::matches(exc::SystemExit()) {
                    return End::Exit(e);
                }
                report(errors::take(e));
            }
        }
        flush_std_streams();
    }
}

/// Reads, compiles and runs one statement; false at the end of input.
fn one_statement(globals: &Obj) -> PyResult<bool> {
    // The statement's lines without their newlines, joined as
    // code.InteractiveConsole joins them: a compound statement is complete
    // once an empty line follows it.
    let mut lines: Vec<String> = Vec::new();
    loop {
        let prompt = if lines.is_empty() { "ps1" } else { "ps2" };
        let line = match read_line(prompt) {
            Ok(Some(l)) => l,
            Ok(None) => {
                // The end of input ends the prompt's line.
                write_fd(2, b"\n");
                if lines.is_empty() {
                    return Ok(false);
                }
                // Inside a statement: it ends there, as the tokenizer
                // closes its blocks at the end of a file; the next prompt
                // then meets the end of input again.
                run_source(&format!("{}\n", lines.join("\n")), globals)?;
                return Ok(true);
            }
            Err(e) => {
                if errors::matches(exc::KeyboardInterrupt()) {
                    errors::clear();
                    modules::sys::write_stderr("\nKeyboardInterrupt\n");
                    return Ok(true);
                }
                return Err(e);
            }
        };
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if lines.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            // Nothing but blanks or a comment at the primary prompt: prompt again.
            return Ok(true);
        }
        lines.push(line.to_owned());
        let source = lines.join("\n");
        match compile(&source) {
            Complete(code) => {
                krait_runtime::eval::run_code(&code, globals, globals)?;
                return Ok(true);
            }
            Incomplete => continue,
            Invalid(e) => return Err(e),
        }
    }
}

enum Compiled {
    Complete(Obj),
    Incomplete,
    Invalid(krait_runtime::PyErr),
}
use Compiled::*;

/// codeop's decision: valid as it stands, valid (or "incomplete input")
/// with more lines, or an error to report now.
fn compile(source: &str) -> Compiled {
    let opt = interp::optimize_level();
    let flags = cf::DONT_IMPLY_DEDENT | cf::ALLOW_INCOMPLETE_INPUT;
    match compile_source(source, "<stdin>", Mode::Single, flags, opt) {
        Ok(code) => return Complete(code),
        Err(e) if !errors::matches(exc::SyntaxError()) => return Invalid(e),
        Err(e) => {
            if is_incomplete(e) {
                return Incomplete;
            }
        }
    }
    match compile_source(&format!("{}\n", source), "<stdin>", Mode::Single, flags, opt) {
        Ok(_) => return Incomplete,
        Err(e) => {
            if is_incomplete(e) {
                return Incomplete;
            }
        }
    }
    // The error in the compiler's words without the incomplete-input rule.
    match compile_source(source, "<stdin>", Mode::Single, cf::DONT_IMPLY_DEDENT, opt) {
        Ok(code) => Complete(code),
        Err(e) => Invalid(e),
    }
}

/// Whether the raised error is a SyntaxError("incomplete input"); it is
/// cleared either way.
fn is_incomplete(e: krait_runtime::PyErr) -> bool {
    let v = errors::take(e);
    krait_runtime::types::type_::is_subtype(v.type_ptr(), exc::SyntaxError())
        && exc::get_field(&v, "msg").is_some_and(|m| pystr::as_str(&m) == Some("incomplete input"))
}

/// Compiles and runs a statement the input ended in.
fn run_source(source: &str, globals: &Obj) -> PyResult<()> {
    let code = compile_source(source, "<stdin>", Mode::Single, 0, interp::optimize_level())?;
    krait_runtime::eval::run_code(&code, globals, globals)?;
    Ok(())
}


/// Writes the prompt named `which` (its str()) to the standard error, then
/// reads one line from the standard input, decoded with sys.stdin's
/// encoding; None at the end of input (or when the descriptor is closed).
fn read_line(which: &str) -> PyResult<Option<String>> {
    let prompt = match modules::sys::get_attr(which) {
        Some(p) if !none::is_none(&p) => pystr::to_string_lossy(&krait_runtime::ops::str_of(&p)?),
        _ => String::new(),
    };
    if !prompt.is_empty() {
        write_fd(2, prompt.as_bytes());
    }
    let mut bytes = Vec::new();
    loop {
        let mut b = 0u8;
        // SAFETY: a one-byte read into a local.
        let n = krait_runtime::signals::retry_eintr(-1, || unsafe { libc::read(0, &mut b as *mut u8 as *mut libc::c_void, 1) })?;
        if n <= 0 {
            if bytes.is_empty() {
                return Ok(None);
            }
            break;
        }
        bytes.push(b);
        if b == b'\n' {
            break;
        }
    }
    decode(&bytes).map(Some)
}

/// Input bytes as text, in sys.stdin's encoding (UTF-8 without one).
fn decode(bytes: &[u8]) -> PyResult<String> {
    let encoding = modules::sys::get_attr("stdin")
        .filter(|s| !none::is_none(s))
        .and_then(|s| krait_runtime::ops::attr::getattr_opt(&s, &pystr::new("encoding")).ok().flatten())
        .filter(pystr::is_str)
        .map(|e| pystr::to_string_lossy(&e))
        .unwrap_or_else(|| "utf-8".into());
    errors::clear();
    let text = krait_runtime::codecs::decode(bytes, &encoding, None)?;
    Ok(pystr::to_string_lossy(&text))
}

fn write_fd(fd: i32, mut data: &[u8]) {
    while !data.is_empty() {
        // SAFETY: writing from a live slice.
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n <= 0 {
            if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return;
        }
        data = &data[n as usize..];
    }
}

/// PyErr_Print for an exception of the loop: kept as sys.last_type,
/// sys.last_value and sys.last_traceback, then shown by sys.excepthook.
pub fn report(v: Obj) {
    let tb = exc::get_traceback(&v).unwrap_or_else(none::none);
    if let Some(sys) = modules::sys::sys_module() {
        let d = krait_runtime::types::module::dict_of(&sys);
        let _ = dict::set_item_str(&d, "last_type", &v.get_type());
        let _ = dict::set_item_str(&d, "last_value", &v);
        let _ = dict::set_item_str(&d, "last_traceback", &tb);
    }
    let printed = match modules::sys::get_attr("excepthook") {
        Some(h) => krait_runtime::ops::call::call(&h, &[v.get_type(), v.clone(), tb], None).is_ok(),
        None => false,
    };
    if !printed {
        errors::clear();
        modules::sys::write_stderr(&krait_runtime::traceback_print::format_exception(&v));
    }
}

/// flush_io: sys.stdout and sys.stderr flushed after each statement
/// (errors ignored).
fn flush_std_streams() {
    for name in ["stderr", "stdout"] {
        if let Some(s) = modules::sys::get_attr(name).filter(|s| !none::is_none(s)) {
            if krait_runtime::ops::attr::call_method(&s, "flush", &[]).is_err() {
                errors::clear();
            }
        }
    }
}
