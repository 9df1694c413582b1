//! compile(), exec() and eval().

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::builtin_func::{method, parse_args};
use crate::types::{bytes, code, dict, int, none, str as pystr};
use krait_bytecode::Mode;

fn source_text(fname: &str, src: &Obj) -> PyResult<String> {
    if pystr::is_str(src) {
        let s = pystr::to_string_lossy(src);
        if s.contains('\0') {
            crate::bail!(ValueError, "source code string cannot contain null bytes");
        }
        return Ok(s);
    }
    if let Some(b) = bytes::as_slice_opt(src) {
        if b.contains(&0) {
            crate::bail!(ValueError, "source code string cannot contain null bytes");
        }
        return crate::compile::decode_source(b, "<string>");
    }
    crate::bail!(TypeError, "{}() arg 1 must be a string, bytes or code object", fname)
}

fn b_compile(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args(
        "compile",
        args,
        kw,
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        3,
        0,
    )?;
    let filename = a[1].as_ref().unwrap();
    let filename = if pystr::is_str(filename) {
        pystr::to_string_lossy(filename)
    } else if let Some(b) = bytes::as_slice_opt(filename) {
        String::from_utf8_lossy(b).into_owned()
    } else {
        crate::bail!(TypeError, "compile() argument 'filename' must be str, bytes or os.PathLike, not {}", filename.ty().name());
    };
    let mode = match pystr::as_str(a[2].as_ref().unwrap()) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some("func_type") => crate::bail!(ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST"),
        _ => crate::bail!(ValueError, "compile() mode must be 'exec', 'eval' or 'single'"),
    };
    let flags = match &a[3] {
        Some(f) => int::as_i64(&int::index(f)?).unwrap_or(0) as u32,
        None => 0,
    };
    if flags & crate::compile::cf::ONLY_AST != 0 {
        crate::bail!(NotImplementedError, "compile() with PyCF_ONLY_AST needs the ast module, which krait does not provide yet");
    }
    let optimize = match &a[5] {
        Some(o) => int::as_i64(&int::index(o)?).unwrap_or(-1),
        None => -1,
    };
    let optimize = if optimize < 0 { crate::interp::optimize_level() } else { optimize.min(2) as u8 };
    let src = a[0].as_ref().unwrap();
    if code::is_code(src) {
        return Ok(src.clone());
    }
    let text = source_text("compile", src)?;
    crate::compile::compile_source(&text, &filename, mode, flags, optimize)
}

/// The globals and locals of exec()/eval(): the caller's when omitted.
fn namespaces(fname: &str, globals: Option<&Obj>, locals: Option<&Obj>) -> PyResult<(Obj, Obj)> {
    let globals = globals.filter(|g| !none::is_none(g));
    let locals = locals.filter(|l| !none::is_none(l));
    let (g, l) = match (globals, locals) {
        (None, None) => {
            let g = crate::eval::current_globals().unwrap_or_else(dict::new);
            let l = match crate::eval::current_frame() {
                Some(f) => crate::eval::frame::locals_of(&f)?,
                None => g.clone(),
            };
            (g, l)
        }
        (Some(g), None) => (g.clone(), g.clone()),
        (None, Some(l)) => (crate::eval::current_globals().unwrap_or_else(dict::new), l.clone()),
        (Some(g), Some(l)) => (g.clone(), l.clone()),
    };
    if !dict::is_dict(&g) {
        crate::bail!(
            TypeError,
            "{}() globals must be a dict, not {}",
            fname,
            g.ty().name()
        );
    }
    if l.ty().tp_as_mapping.is_null() {
        crate::bail!(TypeError, "locals must be a mapping");
    }
    if dict::get_item_str(&g, "__builtins__")?.is_none() {
        dict::set_item_str(&g, "__builtins__", &crate::interp::builtins_module())?;
    }
    Ok((g, l))
}

fn b_exec(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("exec", args, kw, &["source", "globals", "locals", "closure"], 1, 3)?;
    let (g, l) = namespaces("exec", a[1].as_ref(), a[2].as_ref())?;
    let src = a[0].as_ref().unwrap();
    let code_obj = if code::is_code(src) {
        src.clone()
    } else {
        let text = source_text("exec", src)?;
        crate::compile::compile_source(&text, "<string>", Mode::Exec, 0, crate::interp::optimize_level())?
    };
    crate::eval::run_code(&code_obj, &g, &l)?;
    Ok(none::none())
}

fn b_eval(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("eval", args, kw, &["source", "globals", "locals"], 1, 3)?;
    let (g, l) = namespaces("eval", a[1].as_ref(), a[2].as_ref())?;
    let src = a[0].as_ref().unwrap();
    let code_obj = if code::is_code(src) {
        src.clone()
    } else {
        if !pystr::is_str(src) && bytes::as_slice_opt(src).is_none() {
            crate::bail!(TypeError, "eval() arg 1 must be a string, bytes or code object");
        }
        let text = source_text("eval", src)?;
        let text = text.trim_start_matches([' ', '\t']);
        crate::compile::compile_source(text, "<string>", Mode::Eval, 0, crate::interp::optimize_level())?
    };
    crate::eval::run_code(&code_obj, &g, &l)
}

/// Adds compile/exec/eval to the builtins module dict.
pub fn add(d: &Obj, m: &Obj) -> PyResult<()> {
    crate::types::builtin_func::add_functions(d, m, &[method("compile", b_compile), method("exec", b_exec), method("eval", b_eval)])
}
