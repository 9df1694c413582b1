//! compile(), exec() and eval().

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::builtin_func::{method, parse_args};
use crate::types::{bytes, code, dict, int, none, str as pystr, tuple};
use krait_bytecode::Mode;

fn source_text(fname: &str, src: &Obj, filename: &str) -> PyResult<String> {
    if pystr::is_str(src) {
        // Text with lone surrogates cannot be source: encoding it fails as CPython's does.
        let s = match pystr::as_str(src) {
            Some(s) => s.to_owned(),
            None => String::from_utf8_lossy(&crate::codecs::encode(src, "utf-8", None)?).into_owned(),
        };
        if s.contains('\0') {
            crate::bail!(SyntaxError, "source code string cannot contain null bytes");
        }
        return Ok(s);
    }
    // Any bytes-like source (bytes, bytearray, memoryview...) is decoded
    // as source bytes, as CPython's _Py_SourceAsString does.
    let data: Option<Vec<u8>> = match bytes::as_slice_opt(src) {
        Some(b) => Some(b.to_vec()),
        None => match crate::types::buffer::copy_bytes(src) {
            Some(r) => Some(r?),
            None => None,
        },
    };
    if let Some(b) = data {
        if b.contains(&0) {
            crate::bail!(SyntaxError, "source code string cannot contain null bytes");
        }
        return crate::compile::decode_source(&b, filename);
    }
    let what = if fname == "compile" { "AST" } else { "code" };
    crate::bail!(TypeError, "{}() arg 1 must be a string, bytes or {} object", fname, what)
}

/// PyUnicode_FSDecoder: str, bytes, or an os.PathLike returning one.
fn fs_path(o: &Obj) -> PyResult<String> {
    if pystr::is_str(o) {
        return Ok(pystr::to_string_lossy(o));
    }
    if let Some(b) = bytes::as_slice_opt(o) {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    if let Some(f) = crate::types::type_::lookup_str(o.type_ptr(), "__fspath__") {
        let r = crate::ops::call::call(&f, &[o.clone()], None)?;
        if pystr::is_str(&r) {
            return Ok(pystr::to_string_lossy(&r));
        }
        if let Some(b) = bytes::as_slice_opt(&r) {
            return Ok(String::from_utf8_lossy(b).into_owned());
        }
        crate::bail!(
            TypeError,
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.ty().name(),
            r.ty().name()
        );
    }
    crate::bail!(TypeError, "expected str, bytes or os.PathLike object, not {}", o.ty().name())
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
    let filename = fs_path(a[1].as_ref().unwrap())?;
    let flags = match &a[3] {
        Some(f) => int::as_i64(&int::index(f)?).unwrap_or(0) as u32,
        None => 0,
    };
    use crate::compile::cf;
    let known = cf::FUTURE_MASK | 0x10 | cf::ONLY_AST | cf::DONT_IMPLY_DEDENT | cf::ALLOW_INCOMPLETE_INPUT
        | cf::ALLOW_TOP_LEVEL_AWAIT | cf::TYPE_COMMENTS | cf::SOURCE_IS_UTF8;
    if flags & !known != 0 {
        crate::bail!(ValueError, "compile(): unrecognised flags");
    }
    let optimize = match &a[5] {
        Some(o) => int::as_i64(&int::index(o)?).unwrap_or(-1),
        None => -1,
    };
    if optimize < -1 || optimize > 2 {
        crate::bail!(ValueError, "compile(): invalid optimize value");
    }
    let optimize = if optimize < 0 { crate::interp::optimize_level() } else { optimize as u8 };
    let only_ast = flags & cf::ONLY_AST != 0;
    let mode_str = pystr::as_str(a[2].as_ref().unwrap()).unwrap_or("").to_owned();
    let mode = match mode_str.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if only_ast => Mode::Eval,
        "func_type" => crate::bail!(ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST"),
        _ if only_ast => crate::bail!(ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"),
        _ => crate::bail!(ValueError, "compile() mode must be 'exec', 'eval' or 'single'"),
    };
    let src = a[0].as_ref().unwrap();
    let hooks = crate::compile::ast_hooks();
    if let Some(h) = hooks {
        if (h.is_ast)(src) {
            if only_ast {
                return Ok(src.clone());
            }
            // As CPython's obj2mod: the tree, and no file name.
            crate::modules::sys::audit("compile", &[src.clone(), none::none()])?;
            return (h.compile)(src, &filename, mode, flags, optimize);
        }
    }
    if code::is_code(src) {
        return Ok(src.clone());
    }
    let text = source_text("compile", src, &filename)?;
    audit_compile(src, &text, &filename)?;
    if only_ast {
        match hooks {
            Some(h) => {
                let feature_version = match &a[6] {
                    Some(v) => int::as_i64(&int::index(v)?).unwrap_or(-1),
                    None => -1,
                };
                return (h.parse)(&text, &filename, &mode_str, flags, feature_version);
            }
            None => crate::bail!(NotImplementedError, "compile() with PyCF_ONLY_AST needs the _ast module"),
        }
    }
    crate::compile::compile_source(&text, &filename, mode, flags, optimize)
}

/// The "compile" audit event of source compiled from a string: the source
/// as bytes (a bytes-like source as given) and the file name, as CPython's
/// parser raises it.
fn audit_compile(src: &Obj, text: &str, filename: &str) -> PyResult<()> {
    if !crate::modules::sys::audit_active() {
        return Ok(());
    }
    let source = match bytes::as_slice_opt(src) {
        Some(b) => bytes::new(b),
        None => bytes::new(text.as_bytes()),
    };
    crate::modules::sys::audit("compile", &[source, pystr::new(filename)])
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
    let is_mapping = |o: &Obj| unsafe {
        let m = o.ty().tp_as_mapping;
        !m.is_null() && (*m).mp_subscript.is_some()
    };
    if fname == "eval" {
        if !locals.map_or(true, is_mapping) {
            crate::bail!(TypeError, "locals must be a mapping");
        }
        if !dict::is_dict(&g) {
            if is_mapping(&g) {
                crate::bail!(TypeError, "globals must be a real dict; try eval(expr, {{}}, mapping)");
            }
            crate::bail!(TypeError, "globals must be a dict");
        }
    } else {
        if !dict::is_dict(&g) {
            crate::bail!(TypeError, "{}() globals must be a dict, not {}", fname, g.ty().name());
        }
        if !is_mapping(&l) {
            crate::bail!(TypeError, "locals must be a mapping or None, not {}", l.ty().name());
        }
    }
    if dict::get_item_str(&g, "__builtins__")?.is_none() {
        // As CPython: the builtins dict (only __main__ holds the module).
        dict::set_item_str(&g, "__builtins__", &crate::eval::current_builtins())?;
    }
    Ok((g, l))
}

fn b_exec(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("exec", args, kw, &["source", "globals", "locals", "closure"], 1, 3)?;
    let (g, l) = namespaces("exec", a[1].as_ref(), a[2].as_ref())?;
    let src = a[0].as_ref().unwrap();
    let closure = a[3].as_ref().filter(|c| !none::is_none(c));
    let code_obj = if code::is_code(src) {
        // A code object with free variables runs only with a tuple of
        // exactly that many cells.
        let nfree = code::code(src).nfree as usize;
        if nfree == 0 {
            if closure.is_some() {
                crate::bail!(TypeError, "cannot use a closure with this code object");
            }
        } else {
            let ok = closure.map_or(false, |c| {
                c.type_ptr() == crate::types::tuple::type_ptr()
                    && tuple::len(c) == nfree
                    && tuple::items(c).iter().all(crate::types::cell::is_cell)
            });
            if !ok {
                crate::bail!(TypeError, "code object requires a closure of exactly length {}", nfree);
            }
        }
        src.clone()
    } else {
        if closure.is_some() {
            crate::bail!(TypeError, "closure can only be used when source is a code object");
        }
        let text = source_text("exec", src, "<string>")?;
        audit_compile(src, &text, "<string>")?;
        crate::compile::compile_source(&text, "<string>", Mode::Exec, 0, crate::interp::optimize_level())?
    };
    // The "exec" audit event, for given and compiled code alike (CPython
    // raises it in exec() and in run_mod).
    crate::modules::sys::audit("exec", &[code_obj.clone()])?;
    match closure {
        Some(c) => crate::eval::run_code_with_closure(&code_obj, &g, &l, c)?,
        None => crate::eval::run_code(&code_obj, &g, &l)?,
    };
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
        let text = source_text("eval", src, "<string>")?;
        audit_compile(src, &text, "<string>")?;
        let text = text.trim_start_matches([' ', '\t']);
        crate::compile::compile_source(text, "<string>", Mode::Eval, 0, crate::interp::optimize_level())?
    };
    if code::code(&code_obj).nfree > 0 {
        crate::bail!(TypeError, "code object passed to eval() may not contain free variables");
    }
    crate::modules::sys::audit("exec", &[code_obj.clone()])?;
    crate::eval::run_code(&code_obj, &g, &l)
}

/// Adds compile/exec/eval to the builtins module dict.
pub fn add(d: &Obj, m: &Obj) -> PyResult<()> {
    crate::types::builtin_func::add_functions(d, m, &[
            method("compile", b_compile).with_doc(crate::builtins::builtin_doc("compile")),
            method("exec", b_exec).with_doc(crate::builtins::builtin_doc("exec")),
            method("eval", b_eval).with_doc(crate::builtins::builtin_doc("eval")),
        ])
}
