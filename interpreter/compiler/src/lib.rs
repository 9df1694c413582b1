//! krait's compiler: Python 3.11 source → krait bytecode (`krait-bytecode`).
//! Parsing is ruff_python_parser's (3.11 target); `symtable` decides scopes,
//! `codegen` emits code units, `stack_depth` sizes their value stacks.

mod codegen;
mod stack_depth;
mod symtable;

use krait_bytecode::{CodeUnit, CompileError, CompileErrorKind, Mode};
use ruff_python_ast::PythonVersion;
use ruff_python_parser::{parse, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Options of compile().
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// 0, 1 (-O: no asserts, `__debug__` False), 2 (-OO: also no docstrings).
    pub optimize: u8,
    /// Inherited `from __future__` flags (CO_FUTURE_*).
    pub future_flags: u32,
    pub allow_top_level_await: bool,
}

/// Parses a big integer literal's text (with base prefix and underscores).
pub fn parse_big_int(text: &str) -> num_bigint::BigInt {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else {
        (10, lower.as_str())
    };
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

fn error(kind: CompileErrorKind, msg: String, source: &str, filename: &str, range: TextRange) -> CompileError {
    let index = ruff_source_file::LineIndex::from_source_text(source);
    let s = index.line_column(range.start(), source);
    let e = index.line_column(range.end(), source);
    let line_text = source.lines().nth(s.line.get() - 1).map(|l| format!("{}\n", l));
    CompileError {
        kind,
        msg,
        filename: filename.to_owned(),
        lineno: s.line.get() as u32,
        offset: s.column.get() as u32,
        end_lineno: e.line.get() as u32,
        end_offset: e.column.get() as u32,
        text: line_text,
    }
}

/// Maps a parse error onto CPython's wording for the common cases.
fn parse_error(err: &ruff_python_parser::ParseError, source: &str, filename: &str) -> CompileError {
    let raw = err.error.to_string();
    let (kind, msg) = if raw.contains("indent") || raw.contains("Indent") {
        if raw.contains("Unexpected indentation") {
            (CompileErrorKind::IndentationError, "unexpected indent".to_owned())
        } else if raw.contains("unindent") || raw.contains("dedent") {
            (CompileErrorKind::IndentationError, "unindent does not match any outer indentation level".to_owned())
        } else {
            (CompileErrorKind::IndentationError, "expected an indented block".to_owned())
        }
    } else if raw.contains("tabs") {
        (CompileErrorKind::TabError, "inconsistent use of tabs and spaces in indentation".to_owned())
    } else if raw.starts_with("Expected ':'") || raw.contains("expected ':'") {
        (CompileErrorKind::SyntaxError, "expected ':'".to_owned())
    } else if raw.contains("missing closing quote") || raw.contains("unterminated string") {
        let line = ruff_source_file::LineIndex::from_source_text(source).line_column(err.location.start(), source).line.get();
        (CompileErrorKind::SyntaxError, format!("unterminated string literal (detected at line {})", line))
    } else {
        (CompileErrorKind::SyntaxError, "invalid syntax".to_owned())
    };
    error(kind, msg, source, filename, err.location)
}

/// Compiles source text.
pub fn compile(source: &str, filename: &str, mode: Mode, opts: &CompileOptions) -> Result<CodeUnit, CompileError> {
    if source.contains('\0') {
        return Err(CompileError {
            kind: CompileErrorKind::ValueError,
            msg: "source code string cannot contain null bytes".into(),
            filename: filename.to_owned(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        });
    }
    // Deep nesting overflows the parser's recursion: parse on a big stack.
    let src = source.to_owned();
    let fname = filename.to_owned();
    let opts = opts.clone();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || compile_inner(&src, &fname, mode, &opts))
        .expect("cannot start the compiler thread")
        .join()
        .unwrap_or_else(|_| {
            Err(CompileError {
                kind: CompileErrorKind::RecursionError,
                msg: "maximum recursion depth exceeded during compilation".into(),
                filename: filename.to_owned(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
            })
        })
}

fn compile_inner(source: &str, filename: &str, mode: Mode, opts: &CompileOptions) -> Result<CodeUnit, CompileError> {
    let pmode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ParseOptions::from(pmode).with_target_version(PythonVersion::PY311);
    let parsed = parse(source, options).map_err(|e| parse_error(&e, source, filename))?;
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Err(error(CompileErrorKind::SyntaxError, "invalid syntax".into(), source, filename, e.range));
    }
    let whole = TextRange::new(TextSize::from(0), TextSize::from(0));
    let to_err = |(msg, range): (String, TextRange)| error(CompileErrorKind::SyntaxError, msg, source, filename, range);
    match parsed.into_syntax() {
        ruff_python_ast::Mod::Module(m) => {
            if mode == Mode::Single && m.body.len() > 1 {
                return Err(error(
                    CompileErrorKind::SyntaxError,
                    "multiple statements found while compiling a single statement".into(),
                    source,
                    filename,
                    m.body[0].range(),
                ));
            }
            let st = symtable::build(&m.body).map_err(|msg| to_err((msg, whole)))?;
            let mut c = codegen::Compiler::new(&st, source, filename, opts.optimize, mode == Mode::Single);
            c.module(&m.body).map_err(to_err)
        }
        ruff_python_ast::Mod::Expression(e) => {
            let st = symtable::build_expr(&e.body).map_err(|msg| to_err((msg, whole)))?;
            let mut c = codegen::Compiler::new(&st, source, filename, opts.optimize, false);
            c.expression(&e.body).map_err(to_err)
        }
    }
}

/// Decodes source bytes: a UTF-8 BOM or a PEP 263 coding cookie (utf-8 and
/// latin-1 are supported; other codecs raise SyntaxError).
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut encoding = "utf-8".to_owned();
    for line in bytes.split(|b| *b == b'\n').take(2) {
        let l = String::from_utf8_lossy(line);
        let t = l.trim_start();
        if !t.starts_with('#') {
            break;
        }
        if let Some(p) = t.find("coding") {
            let rest = &t[p + 6..];
            if rest.starts_with(':') || rest.starts_with('=') {
                let name: String = rest[1..].trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.').collect();
                encoding = name.to_ascii_lowercase().replace('_', "-");
                break;
            }
        }
    }
    let err = |msg: String| CompileError {
        kind: CompileErrorKind::SyntaxError,
        msg,
        filename: filename.to_owned(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    };
    match encoding.as_str() {
        "utf-8" | "utf8" => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let pos = e.utf8_error().valid_up_to();
            err(format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", bytes[pos], pos))
        }),
        "latin-1" | "iso-8859-1" | "latin1" | "iso8859-1" => Ok(bytes.iter().map(|b| *b as char).collect()),
        "ascii" | "us-ascii" => {
            if let Some(p) = bytes.iter().position(|b| *b >= 128) {
                return Err(err(format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", bytes[p], p)));
            }
            Ok(String::from_utf8_lossy(bytes).into_owned())
        }
        other => Err(err(format!("unknown encoding: {}", other))),
    }
}

/// A dis-like listing, recursing into nested code constants.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut out = String::new();
    out.push_str(&format!("Disassembly of <code object {} line {}>:\n", code.name, code.first_line));
    for (at, op, arg) in code.instructions() {
        out.push_str(&format!("{:>6} {:<24} {}\n", at, op.name(), arg));
    }
    for c in &code.constants {
        if let krait_bytecode::Constant::Code(inner) = c {
            out.push('\n');
            out.push_str(&disassemble(inner));
        }
    }
    out
}
