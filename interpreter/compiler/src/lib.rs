//! krait's compiler: Python 3.11 source → krait bytecode (`krait-bytecode`).
//!
//! Phases: `source` decodes bytes; ruff_python_parser parses (3.11 target),
//! with `errors` mapping its messages onto CPython's; `symtable` decides
//! scopes; `codegen` emits code units with CPython 3.11's code shapes;
//! `stack_depth` sizes value stacks; `disassemble` lists code for tests.

mod assign_hint;
mod brackets;
mod c_tokens;
mod caret_anchors;
mod codegen;
mod constants;
mod disassemble;
mod errors;
mod escape_warnings;
mod fstring_check;
mod parser_depth;
mod positions;
mod source;
mod stack_depth;
mod symtable;
mod token_check;
mod unparse;

pub use c_tokens::{CToken, CTokenError, CTokenizer, Step as CTokenStep};
pub use caret_anchors::caret_anchors;
pub use constants::parse_big_int;
/// (fall-through, jump) value-stack effect of an instruction.
pub use stack_depth::effect as stack_effect;
pub use disassemble::{const_repr, disassemble};
pub use positions::{Point, PointTable};
pub use escape_warnings::set_name_lookup;
pub use source::{declares_encoding, decode_source, is_unplaced, unplaced_error, UNKNOWN_ENCODING};
/// The parser's tree, for the `ast` module.
pub use ruff_python_ast;
pub use ruff_text_size;

use krait_bytecode::{flags, CodeUnit, CompileError, CompileErrorKind, CompileWarning, Mode, WarningCategory};
use ruff_python_ast::{self as ast, PythonVersion, Stmt};
use ruff_python_parser::{parse, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Errors of the symbol-table and code-generation passes: message and where.
pub(crate) type CResult<T> = Result<T, (String, TextRange)>;

pub(crate) const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

/// Options of compile().
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// 0, 1 (-O: no asserts, `__debug__` False), 2 (-OO: also no docstrings).
    pub optimize: u8,
    /// Inherited `from __future__` flags (CO_FUTURE_*).
    pub future_flags: u32,
    pub allow_top_level_await: bool,
}

/// CPython's MAXLEVEL: brackets nest at most this deep.
const MAX_PAREN_LEVEL: usize = 200;

fn simple_error(kind: CompileErrorKind, msg: &str, filename: &str) -> CompileError {
    CompileError { kind, msg: msg.into(), filename: filename.to_owned(), lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: None }
}

/// Parses the text of an f-string replacement field (wrapped in
/// parentheses, as CPython 3.11 does) and reports its first error.
pub(crate) fn parse_fstring_expression(text: &str) -> Result<(), CompileError> {
    let options = ParseOptions::from(ruff_python_parser::Mode::Expression).with_target_version(PythonVersion::PY311);
    match parse(text, options) {
        Ok(p) => match p.syntax() {
            ast::Mod::Expression(e) if e.body.is_starred_expr() => {
                Err(errors::make_error(CompileErrorKind::SyntaxError, "cannot use starred expression here".into(), text, "<fstring>", e.body.range()))
            }
            _ => Ok(()),
        },
        Err(e) => {
            if let Some(fe) = fstring_check::check(text, "<fstring>", e.location.start().to_usize(), true) {
                return Err(fe);
            }
            Err(errors::parse_error(&e, text, "<fstring>"))
        }
    }
}

/// Compiles source text.
/// CPython's tokenizer reads "\r\n" and a lone "\r" as "\n" (in string
/// literals too): the text with them translated, when it has any.
pub fn translate_newlines(source: &str) -> Option<String> {
    source.contains('\r').then(|| source.replace("\r\n", "\n").replace('\r', "\n"))
}

pub fn compile(source: &str, filename: &str, mode: Mode, opts: &CompileOptions) -> Result<CodeUnit, CompileError> {
    compile_with_warnings(source, filename, mode, opts).0
}

/// Compiles source text, with the warnings CPython issues meanwhile (the
/// caller issues them first, then reports the result).
pub fn compile_with_warnings(source: &str, filename: &str, mode: Mode, opts: &CompileOptions) -> (Result<CodeUnit, CompileError>, Vec<CompileWarning>) {
    let translated = translate_newlines(source);
    let source = translated.as_deref().unwrap_or(source);
    if source.contains('\0') {
        return (Err(simple_error(CompileErrorKind::SyntaxError, "source code string cannot contain null bytes", filename)), vec![]);
    }
    let flufl = match errors::barry_as_bdfl(source, filename, opts.future_flags & 0x400000 != 0) {
        Ok(f) => f,
        Err(e) => return (Err(e), vec![]),
    };
    let source = flufl.as_deref().unwrap_or(source);
    let run = on_big_stack(filename, || {
        let pmode = match mode {
            Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
            Mode::Eval => ruff_python_parser::Mode::Expression,
        };
        let mut warnings: Vec<CompileWarning> = escape_warnings::scan(source, pmode)
            .into_iter()
            .map(|w| {
                let error = errors::make_error(CompileErrorKind::SyntaxError, w.msg.clone(), source, filename, w.token);
                CompileWarning { category: WarningCategory::DeprecationWarning, msg: w.msg, lineno: error.lineno, error }
            })
            .collect();
        for t in token_check::number_warnings(source) {
            let r = TextRange::new(TextSize::from(t.range.0 as u32), TextSize::from(t.range.1 as u32));
            let error = errors::make_error(CompileErrorKind::SyntaxError, t.msg.clone(), source, filename, r);
            warnings.push(CompileWarning { category: WarningCategory::SyntaxWarning, msg: t.msg, lineno: error.lineno, error });
        }
        // The tokenizer's and the parser's warnings come in source order.
        warnings.sort_by_key(|w| (w.error.lineno, w.error.offset));
        if let Some((msg, range)) = escape_warnings::unknown_name(&escape_warnings::named_escapes(source, pmode)) {
            // Unless the tokenizer fails first, at a continuation ending the input.
            if !errors::ends_in_continuation(&source[range.end().to_usize().min(source.len())..]) {
                return Ok((Err(errors::make_error(CompileErrorKind::SyntaxError, msg, source, filename, range)), warnings));
            }
        }
        let mut found = vec![];
        let r = compile_inner(source, filename, mode, opts, &mut found);
        for (msg, range) in found {
            let error = errors::make_error(CompileErrorKind::SyntaxError, msg.clone(), source, filename, range);
            warnings.push(CompileWarning { category: WarningCategory::SyntaxWarning, msg, lineno: error.lineno, error });
        }
        Ok((r, warnings))
    });
    run.unwrap_or_else(|e| (Err(e), vec![]))
}

/// When the source has `\\N{...}` escapes in str literals: the SyntaxError
/// CPython raises at the first one if the `unicodedata` module, whose
/// database decodes them, cannot be imported.
pub fn named_escape_unavailable(source: &str, filename: &str, mode: Mode) -> Option<CompileError> {
    let pmode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let first = escape_warnings::named_escapes(source, pmode).into_iter().next()?;
    let msg = "(unicode error) \\N escapes not supported (can't load unicodedata module)".to_owned();
    Some(errors::make_error(CompileErrorKind::SyntaxError, msg, source, filename, TextRange::empty(first.token.end() - TextSize::from(1))))
}

/// "too many nested parentheses", found by a scan that skips strings and comments.
fn check_paren_depth(source: &str) -> Option<usize> {
    let b = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                i += q;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c)) {
                        i += q;
                        break;
                    }
                    if !triple && b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_PAREN_LEVEL {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

const FUTURE_FEATURES: &[(&str, u32)] = &[
    ("nested_scopes", 0),
    ("generators", 0),
    ("division", 0x20000),
    ("absolute_import", 0x40000),
    ("with_statement", 0x80000),
    ("print_function", 0x100000),
    ("unicode_literals", 0x200000),
    ("barry_as_FLUFL", 0x400000),
    ("generator_stop", 0x800000),
    ("annotations", flags::FUTURE_ANNOTATIONS),
];

/// `from __future__ import ...` at the start of a module: their flags, or
/// the error CPython reports.
fn future_flags(body: &[Stmt]) -> CResult<u32> {
    let mut fl = 0;
    let mut allowed = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, ast::Expr::StringLiteral(_)) => continue,
            Stmt::ImportFrom(f) if f.module.as_ref().map(|m| m.as_str()) == Some("__future__") && f.level == 0 => {
                if !allowed {
                    return Err(("from __future__ imports must occur at the beginning of the file".into(), s.range()));
                }
                for a in &f.names {
                    let n = a.name.as_str();
                    if n == "braces" {
                        return Err(("not a chance".into(), s.range()));
                    }
                    match FUTURE_FEATURES.iter().find(|(k, _)| *k == n) {
                        Some((_, v)) => fl |= v,
                        None => return Err((format!("future feature {} is not defined", n), s.range())),
                    }
                }
            }
            _ => allowed = false,
        }
    }
    Ok(fl)
}

/// Parses source text as compile() would, with the same syntax errors
/// (those of parsing only: scopes and code generation are not checked).
/// Runs on a thread with a large stack, as `compile` does.
/// `feature_minor` is `ast.parse`'s feature_version: syntax newer than
/// Python 3.<minor> is an error.
pub fn parse_to_ast(source: &str, filename: &str, mode: Mode, feature_minor: Option<u8>) -> Result<ParsedAst, CompileError> {
    let translated = translate_newlines(source);
    let source = translated.as_deref().unwrap_or(source);
    if source.contains('\0') {
        return Err(simple_error(CompileErrorKind::SyntaxError, "source code string cannot contain null bytes", filename));
    }
    let version = match feature_minor {
        Some(minor) if minor < 11 => PythonVersion { major: 3, minor },
        _ => PythonVersion::PY311,
    };
    on_big_stack(filename, || {
        let (tree, comments) = parse_checked(source, filename, mode, version)?;
        Ok(ParsedAst { tree, comments })
    })
}

/// A checked parse for the `ast` module: the tree and where its comments are.
pub struct ParsedAst {
    pub tree: ast::Mod,
    pub comments: Vec<TextRange>,
}

/// Native stack a compilation may need: deeply nested input recurses
/// deeply in the parser and the compiler.
const BIG_STACK: usize = 256 << 20;

/// Tells how many bytes of native stack the calling thread has left (set
/// by the interpreter, which knows its threads' stacks).
static STACK_LEFT: std::sync::OnceLock<fn() -> usize> = std::sync::OnceLock::new();

pub fn set_stack_probe(probe: fn() -> usize) {
    let _ = STACK_LEFT.set(probe);
}

/// Runs `f` with `BIG_STACK` of native stack: on the calling thread when
/// it has that much left (the interpreter's main thread does), else on a
/// new thread, since starting one costs more than most compilations.
fn on_big_stack<T: Send>(filename: &str, f: impl FnOnce() -> Result<T, CompileError> + Send) -> Result<T, CompileError> {
    if STACK_LEFT.get().is_some_and(|left| left() > BIG_STACK) {
        return std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| Err(internal_error(filename, payload)));
    }
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(BIG_STACK)
            .spawn_scoped(s, f)
            .expect("cannot start the compiler thread")
            .join()
            .unwrap_or_else(|payload| Err(internal_error(filename, payload)))
    })
}

fn internal_error(filename: &str, payload: Box<dyn std::any::Any + Send>) -> CompileError {
    let what = payload.downcast_ref::<String>().cloned().or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
    simple_error(CompileErrorKind::SyntaxError, &format!("internal compiler error: {}", what), filename)
}

/// Parsing and the syntax checks that need only the parser's tree.
fn parse_checked(source: &str, filename: &str, mode: Mode, version: PythonVersion) -> Result<(ast::Mod, Vec<TextRange>), CompileError> {
    if let Some(at) = check_paren_depth(source) {
        let r = TextRange::new(TextSize::from(at as u32), TextSize::from(at as u32 + 1));
        return Err(errors::make_error(CompileErrorKind::SyntaxError, "too many nested parentheses".into(), source, filename, r));
    }
    if mode == Mode::Eval {
        if let Some(err) = errors::trailing_indented_blank(source, filename) {
            return Err(err);
        }
    }
    // The tokenizer's indentation limit, reported unless the parser fails on an earlier line.
    let too_deep = if mode == Mode::Eval { None } else { c_tokens::indentation_too_deep(source) };
    let too_deep_error = |(line, text): (usize, String)| CompileError {
        kind: CompileErrorKind::IndentationError,
        msg: "too many levels of indentation".into(),
        filename: filename.to_owned(),
        lineno: line as u32,
        offset: 1,
        end_lineno: line as u32,
        end_offset: 0,
        text: Some(text),
    };
    let pmode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ParseOptions::from(pmode).with_target_version(version);
    let parsed = match parse(source, options) {
        Ok(p) => {
            if let Some(d) = too_deep {
                return Err(too_deep_error(d));
            }
            p
        }
        Err(e) => {
            if let Some(d) = too_deep {
                let at = e.location.start().to_usize().min(source.len());
                if source[..at].matches('\n').count() + 1 >= d.0 {
                    return Err(too_deep_error(d));
                }
            }
            // An f-string error the parser reached first is CPython's verdict.
            let mut limit = e.location.start().to_usize();
            if let Some(t) = errors::first_tokenizer_error(source) {
                limit = limit.min(t.token_start);
            }
            if let Some(fe) = fstring_check::check(source, filename, limit, true) {
                return Err(fe);
            }
            if let Some(err) = errors::indented_continuation(source, filename, mode == Mode::Eval) {
                return Err(err);
            }
            if mode == Mode::Eval {
                if let Some(err) = errors::eval_indented_line(source, filename, e.location.start().to_usize()) {
                    return Err(err);
                }
            }
            let mut err = errors::parse_error(&e, source, filename);
            if mode == Mode::Eval {
                errors::adjust_for_eval_input(&mut err, source);
            }
            return Err(err);
        }
    };
    if parser_depth::too_deep(parsed.syntax()) {
        return Err(simple_error(CompileErrorKind::MemoryError, "", filename));
    }
    if let Some(t) = token_check::unterminated_fstring(source) {
        let r = TextRange::new(TextSize::from(t.range.0 as u32), TextSize::from(t.range.1 as u32));
        return Err(errors::make_error(CompileErrorKind::SyntaxError, t.msg, source, filename, r));
    }
    if let Some(fe) = fstring_check::check(source, filename, usize::MAX, false) {
        return Err(fe);
    }
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        let m = e.to_string();
        if std::env::var_os("KRAIT_DEBUG_PARSE").is_some() {
            eprintln!("ruff unsupported: {}", m);
        }
        let msg = if m.contains("Cannot use iterable unpacking in a") {
            "iterable unpacking cannot be used in comprehension"
        } else if m.contains("dictionary unpacking in a dict comprehension") {
            "dict unpacking cannot be used in dict comprehension"
        } else if m.contains("exception types") && m.contains("parenthes") {
            "multiple exception types must be parenthesized"
        } else if m.contains("type parameter lists") {
            "expected '('"
        } else if m.contains("parenthesized keyword argument name") {
            "expression cannot contain assignment, perhaps you meant \"==\"?"
        } else {
            "invalid syntax"
        };
        let mut range = e.range;
        if m.contains("parenthesized keyword argument name") {
            // From the name inside the parentheses to the `=`.
            let text = &source[range];
            let lead = text.len() - text.trim_start_matches(['(', ' ', '\t']).len();
            let eq = source[range.end().to_usize()..].find('=').map(|p| range.end().to_usize() + p + 1).unwrap_or(range.end().to_usize());
            range = TextRange::new(range.start() + TextSize::from(lead as u32), TextSize::from(eq as u32));
        } else if m.contains("exception types") && m.contains("parenthes") {
            // Through `as NAME` up to the clause's colon.
            let rest = &source[range.start().to_usize()..];
            if let Some(colon) = rest.find(':') {
                range = TextRange::at(range.start(), TextSize::from(rest[..colon].trim_end().len() as u32));
            }
        }
        return Err(errors::make_error(CompileErrorKind::SyntaxError, msg.into(), source, filename, range));
    }
    let comments: Vec<TextRange> = parsed.tokens().iter().filter(|t| t.kind() == ruff_python_ast::token::TokenKind::Comment).map(|t| t.range()).collect();
    let tree = parsed.into_syntax();
    if let (ast::Mod::Module(m), Mode::Single) = (&tree, mode) {
        let err_at = |msg: &str, range: TextRange| errors::make_error(CompileErrorKind::SyntaxError, msg.into(), source, filename, range);
        // One logical line may hold several statements joined by ';'.
        let same_line = m.body.windows(2).all(|w| source[w[0].range().end().to_usize()..w[1].range().start().to_usize()].contains(';'));
        if m.body.len() > 1 && !same_line {
            return Err(err_at("multiple statements found while compiling a single statement", m.body[0].range()));
        }
        if m.body.is_empty() && source.trim_start_matches([' ', '\t', '\x0c']).len() == source.len() {
            // Interactive input must hold a statement.
            let lines: Vec<&str> = source.split_inclusive('\n').collect();
            let mut e = err_at("invalid syntax", TextRange::empty(TextSize::of(source)));
            e.lineno = lines.len() as u32;
            e.end_lineno = lines.len() as u32;
            e.offset = 0;
            e.end_offset = 0;
            e.text = Some(lines.last().copied().unwrap_or("").to_string());
            return Err(e);
        }
        if !source.ends_with('\n') && m.body.first().is_some_and(is_compound) {
            // Interactive input: a compound statement must be closed by
            // a newline; one whose last clause has its body on the
            // header line (`for i in x: i`) is not, without one.
            let last = source.trim_end_matches([' ', '\t', '\r']).rsplit('\n').next().unwrap_or("");
            let head = last.trim_start();
            let clause = head.len() == last.len() && ["for", "while", "with", "class", "def", "if", "elif", "else", "try", "except", "finally", "async", "case"]
                .iter()
                .any(|k| head.strip_prefix(k).is_some_and(|r| r.starts_with([' ', ':', '(', '*', '\t'])));
            if clause {
                let mut e = err_at("invalid syntax", TextRange::empty(TextSize::of(source)));
                e.offset = 0;
                e.end_offset = 0;
                e.text = Some(last.to_string());
                return Err(e);
            }
        }
    }
    Ok((tree, comments))
}

fn compile_inner(source: &str, filename: &str, mode: Mode, opts: &CompileOptions, warnings: &mut Vec<(String, TextRange)>) -> Result<CodeUnit, CompileError> {
    let (tree, _) = parse_checked(source, filename, mode, PythonVersion::PY311)?;
    let to_err = |(msg, range): (String, TextRange)| {
        let kind = if msg == RECURSION_MSG { CompileErrorKind::RecursionError } else { CompileErrorKind::SyntaxError };
        errors::make_error(kind, msg, source, filename, range)
    };
    let whole = TextRange::new(TextSize::from(0), TextSize::of(source));
    compile_tree(&tree, positions::Positions::text(source), whole, filename, mode, opts, warnings).map_err(to_err)
}

/// Compiles a tree built outside the parser (compile() of `ast` nodes):
/// its ranges index `table`'s points, which give every position, and
/// errors are reported at those points.
pub fn compile_ast(tree: &ast::Mod, table: &PointTable, filename: &str, mode: Mode, opts: &CompileOptions) -> Result<CodeUnit, CompileError> {
    compile_ast_with_warnings(tree, table, filename, mode, opts).0
}

/// `compile_ast` with the SyntaxWarnings CPython's compiler issues.
pub fn compile_ast_with_warnings(tree: &ast::Mod, table: &PointTable, filename: &str, mode: Mode, opts: &CompileOptions) -> (Result<CodeUnit, CompileError>, Vec<CompileWarning>) {
    let to_err = |(msg, range): (String, TextRange)| {
        let kind = if msg == RECURSION_MSG { CompileErrorKind::RecursionError } else { CompileErrorKind::SyntaxError };
        let loc = positions::Positions::Points(table).location(range);
        CompileError {
            kind,
            msg,
            filename: filename.to_owned(),
            lineno: loc.line,
            offset: loc.col + 1,
            end_lineno: loc.end_line,
            end_offset: loc.end_col as i32 + 1,
            text: None,
        }
    };
    let whole = TextRange::new(TextSize::from(0), TextSize::from(table.points.len().saturating_sub(1) as u32));
    let run = on_big_stack(filename, || {
        let mut found = vec![];
        let r = compile_tree(tree, positions::Positions::Points(table), whole, filename, mode, opts, &mut found).map_err(to_err);
        let warnings = found
            .into_iter()
            .map(|(msg, range)| {
                let error = to_err((msg.clone(), range));
                CompileWarning { category: WarningCategory::SyntaxWarning, msg, lineno: error.lineno, error }
            })
            .collect();
        Ok((r, warnings))
    });
    run.unwrap_or_else(|e| (Err(e), vec![]))
}

/// Scopes and code generation over a checked tree.
fn compile_tree<'a>(tree: &'a ast::Mod, pos: positions::Positions<'a>, whole: TextRange, filename: &str, mode: Mode, opts: &CompileOptions, warnings: &mut Vec<(String, TextRange)>) -> CResult<CodeUnit> {
    match tree {
        ast::Mod::Module(m) => {
            let fl = future_flags(&m.body)? | (opts.future_flags & 0x01fe_0000);
            let st = symtable::build_module(&m.body, fl & flags::FUTURE_ANNOTATIONS != 0, whole)?;
            let mut c = codegen::Compiler::new(&st, pos, filename, opts, mode == Mode::Single, fl);
            let r = c.module(&m.body);
            warnings.append(&mut c.warnings);
            r
        }
        ast::Mod::Expression(e) => {
            let st = symtable::build_expr(&e.body, whole)?;
            let fl = opts.future_flags & 0x01fe_0000;
            let mut c = codegen::Compiler::new(&st, pos, filename, opts, false, fl);
            let r = c.expression(&e.body);
            warnings.append(&mut c.warnings);
            r
        }
    }
}

#[cfg(test)]
mod tests;

/// A statement with a block (if/for/while/try/with/def/class/match).
fn is_compound(s: &Stmt) -> bool {
    matches!(
        s,
        Stmt::If(_) | Stmt::For(_) | Stmt::While(_) | Stmt::Try(_) | Stmt::With(_) | Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::Match(_)
    )
}

/// The value of a literal expression (string, bytes, number, True, False,
/// None, `...`) of a tree parsed from `source`, lone surrogates included.
pub fn literal_value(e: &ast::Expr, source: &str) -> Option<krait_bytecode::Constant> {
    match e {
        ast::Expr::StringLiteral(_)
        | ast::Expr::BytesLiteral(_)
        | ast::Expr::NumberLiteral(_)
        | ast::Expr::BooleanLiteral(_)
        | ast::Expr::NoneLiteral(_)
        | ast::Expr::EllipsisLiteral(_) => constants::const_value_src(e, 0, Some(source), None),
        _ => None,
    }
}

/// The value of literal text inside an f-string of a tree parsed from `source`.
pub fn fstring_text_value(l: &ast::InterpolatedStringLiteralElement, is_raw: bool, source: &str) -> krait_bytecode::Constant {
    constants::fstring_text_value(&l.value, &source[l.range], is_raw)
}

/// The value of one plain-string part of an implicitly concatenated f-string.
pub fn string_part_value(l: &ast::StringLiteral, source: &str) -> krait_bytecode::Constant {
    constants::string_literal_text(l, source)
}
