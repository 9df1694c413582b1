//! `_ast`: the node classes of Python's abstract syntax tree (`nodes.rs`,
//! with the class table generated into `table.rs`), and the conversions
//! compile() reaches through the runtime's AST hooks: source text to node
//! objects (`to_python.rs`) and node objects to the parser's tree for the
//! compiler (`from_python.rs`).

mod from_python;
pub mod nodes;
mod table;
mod to_python;
mod type_comments;

use krait_bytecode::Mode;
use krait_runtime::types::module;
use krait_runtime::{bail, Obj, PyResult};

pub fn create() -> PyResult<Obj> {
    let m = module::new("_ast")?;
    nodes::add_to(&module::dict_of(&m))?;
    Ok(m)
}

/// Installs compile()'s AST hooks.
pub fn install_hooks() {
    krait_runtime::compile::set_ast_hooks(krait_runtime::compile::AstHooks { is_ast, parse, compile: compile_tree });
}

fn is_ast(o: &Obj) -> bool {
    krait_runtime::types::type_::is_subtype(o.type_ptr(), nodes::ast_type())
}

/// The source of a `func_type` input with its top-level `->` turned into
/// `, ` (same length, so positions stay), parsed then as a 2-tuple.
fn func_type_text(src: &str) -> Option<String> {
    let b = src.as_bytes();
    let mut depth = 0i32;
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'#' => {
                while k < b.len() && b[k] != b'\n' {
                    k += 1;
                }
                continue;
            }
            q @ (b'\'' | b'"') => {
                k += 1;
                while k < b.len() && b[k] != q {
                    if b[k] == b'\\' {
                        k += 1;
                    }
                    k += 1;
                }
            }
            b'-' if depth == 0 && b.get(k + 1) == Some(&b'>') => {
                let mut t = src.to_owned();
                t.replace_range(k..k + 2, ", ");
                return Some(t);
            }
            _ => {}
        }
        k += 1;
    }
    None
}

fn parse(source: &str, filename: &str, mode: &str, flags: u32, feature_version: i64) -> PyResult<Obj> {
    use krait_compiler::ruff_python_ast::Mod;
    let minor = if (0..11).contains(&feature_version) { Some(feature_version as u8) } else { None };
    // Positions count in the text the parser reads, newlines translated.
    let translated = krait_compiler::translate_newlines(source);
    let source = translated.as_deref().unwrap_or(source);
    if mode == "func_type" {
        let Some(text) = func_type_text(source) else { bail!(SyntaxError, "invalid syntax") };
        let parsed = krait_compiler::parse_to_ast(&text, filename, Mode::Eval, minor).map_err(|e| krait_runtime::compile::raise_compile_error(&e))?;
        let Mod::Expression(e) = &parsed.tree else { bail!(SyntaxError, "invalid syntax") };
        return to_python::ToPy::new(&text).with_feature_version(minor).function_type(&e.body);
    }
    let m = match mode {
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => Mode::Exec,
    };
    let parsed = krait_compiler::parse_to_ast(source, filename, m, minor).map_err(|e| krait_runtime::compile::raise_compile_error(&e))?;
    let c = to_python::ToPy::new(source).with_feature_version(minor);
    let type_ignores = if flags & krait_runtime::compile::cf::TYPE_COMMENTS != 0 { c.type_ignores(&parsed.comments)? } else { vec![] };
    if flags & krait_runtime::compile::cf::TYPE_COMMENTS != 0 {
        if let Mod::Module(b) = &parsed.tree {
            if let Some((a, z)) = type_comments::bare_star_type_comment(source, &b.body, &parsed.comments) {
                return Err(krait_runtime::compile::raise_compile_error(&error_at(source, filename, "bare * has associated type comment", a, z)));
            }
        }
    }
    match (&parsed.tree, m) {
        (Mod::Module(b), Mode::Single) => c.interactive(&b.body),
        (Mod::Module(b), _) => c.module(&b.body, type_ignores),
        (Mod::Expression(e), _) => c.expression(&e.body),
    }
}

/// A SyntaxError over source bytes `a..z` (one line), with CPython's
/// 1-based character columns.
fn error_at(source: &str, filename: &str, msg: &str, a: usize, z: usize) -> krait_bytecode::CompileError {
    let line_start = source[..a].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let line_end = source[a..].find('\n').map(|p| a + p + 1).unwrap_or(source.len());
    let lineno = source[..a].matches('\n').count() as u32 + 1;
    let col = |p: usize| source[line_start..p].chars().count() as u32 + 1;
    krait_bytecode::CompileError {
        kind: krait_bytecode::CompileErrorKind::SyntaxError,
        msg: msg.to_owned(),
        filename: filename.to_owned(),
        lineno,
        offset: col(a),
        end_lineno: lineno,
        end_offset: col(z) as i32,
        text: Some(source[line_start..line_end].to_owned()),
    }
}

/// compile() of node objects: converted and checked, then compiled with
/// the nodes' own positions.
fn compile_tree(tree: &Obj, filename: &str, mode: Mode, flags: u32, optimize: u8) -> PyResult<Obj> {
    let mut conv = from_python::FromPy::new();
    let module = conv.module(tree, mode)?;
    let opts = krait_compiler::CompileOptions {
        optimize,
        future_flags: flags & krait_runtime::compile::cf::FUTURE_MASK,
        allow_top_level_await: flags & krait_runtime::compile::cf::ALLOW_TOP_LEVEL_AWAIT != 0,
    };
    let (result, warnings) = krait_compiler::compile_ast_with_warnings(&module, &conv.table, filename, mode, &opts);
    krait_runtime::compile::issue_warnings(&warnings, filename)?;
    match result {
        Ok(unit) => Ok(krait_runtime::types::code::from_unit(&unit)),
        Err(e) => Err(krait_runtime::compile::raise_compile_error(&e)),
    }
}
