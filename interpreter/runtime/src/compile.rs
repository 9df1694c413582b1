//! The bridge to krait's compiler: source text to code objects, and compile
//! errors to SyntaxError/IndentationError/TabError with CPython's fields.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{int, none, str as pystr, tuple};
pub use krait_bytecode::Mode;
use krait_bytecode::{CompileError, CompileErrorKind, CompileWarning, WarningCategory};

/// PyCF_* flags of compile().
pub mod cf {
    pub const ONLY_AST: u32 = 0x0400;
    pub const DONT_IMPLY_DEDENT: u32 = 0x0200;
    pub const ALLOW_INCOMPLETE_INPUT: u32 = 0x4000;
    pub const ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
    pub const TYPE_COMMENTS: u32 = 0x1000;
    pub const SOURCE_IS_UTF8: u32 = 0x0100;
    /// Future flags that change compilation.
    pub const FUTURE_MASK: u32 = 0x0200_0000 | 0x0100_0000 | 0x0080_0000 | 0x0040_0000 | 0x0020_0000 | 0x0010_0000 | 0x0008_0000 | 0x0004_0000 | 0x0002_0000;
}

/// What compile() needs from the `ast` module (installed by krait-modules'
/// `_ast`): whether an object is an `ast.AST` node, source text to node
/// objects (PyCF_ONLY_AST; the mode as given, "func_type" included), and
/// node objects to a code object.
pub struct AstHooks {
    pub is_ast: fn(&Obj) -> bool,
    /// `feature_version` is compile()'s `_feature_version` (a 3.x minor version, or -1).
    pub parse: fn(source: &str, filename: &str, mode: &str, flags: u32, feature_version: i64) -> PyResult<Obj>,
    pub compile: fn(tree: &Obj, filename: &str, mode: Mode, flags: u32, optimize: u8) -> PyResult<Obj>,
}

static AST_HOOKS: std::sync::OnceLock<AstHooks> = std::sync::OnceLock::new();

/// Installs the `ast` conversions compile() uses.
pub fn set_ast_hooks(h: AstHooks) {
    let _ = AST_HOOKS.set(h);
}

pub fn ast_hooks() -> Option<&'static AstHooks> {
    AST_HOOKS.get()
}

/// Whether `unicodedata`, which `\\N{...}` escapes need, has been imported.
static NAMES_LOADED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Compiles `source` into a code object.
pub fn compile_source(source: &str, filename: &str, mode: Mode, flags: u32, optimize: u8) -> PyResult<Obj> {
    let opts = krait_compiler::CompileOptions {
        optimize,
        future_flags: flags & cf::FUTURE_MASK,
        allow_top_level_await: flags & cf::ALLOW_TOP_LEVEL_AWAIT != 0,
    };
    if source.contains("\\N{") && !NAMES_LOADED.load(std::sync::atomic::Ordering::Relaxed) {
        // CPython decodes \N{...} with the unicodedata module's database,
        // imported on first use; when that import fails, so does the literal.
        if let Some(err) = krait_compiler::named_escape_unavailable(source, filename, mode) {
            let name = crate::types::str::new("unicodedata");
            match crate::import::import_module_level(&name, None, None, 0) {
                Ok(_) => NAMES_LOADED.store(true, std::sync::atomic::Ordering::Relaxed),
                Err(_) => return Err(raise_compile_error(&err)),
            }
        }
    }
    let (result, warnings) = krait_compiler::compile_with_warnings(source, filename, mode, &opts);
    issue_warnings(&warnings, filename)?;
    let result = match result {
        Ok(_) if mode == Mode::Single && flags & cf::DONT_IMPLY_DEDENT != 0 && unterminated_compound(source) => {
            // The interactive rule: a compound statement ends with its line.
            let lines = source.split('\n').count() as u32;
            let col = source.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            Err(krait_bytecode::CompileError {
                kind: krait_bytecode::CompileErrorKind::SyntaxError,
                msg: "invalid syntax".into(),
                filename: filename.into(),
                lineno: lines,
                offset: col,
                end_lineno: lines,
                end_offset: col as i32,
                text: None,
            })
        }
        r => r,
    };
    match result {
        Ok(unit) => Ok(crate::types::code::from_unit(&unit)),
        Err(mut e) => {
            if flags & cf::ALLOW_INCOMPLETE_INPUT != 0 && ends_early(source, mode, &e) {
                // codeop's question: would more lines make this valid?
                e.kind = krait_bytecode::CompileErrorKind::SyntaxError;
                e.msg = "incomplete input".into();
            }
            Err(raise_compile_error(&e))
        }
    }
}

/// A compound statement (the one statement of "single" mode) whose last
/// line has no newline.
fn unterminated_compound(source: &str) -> bool {
    if source.ends_with('\n') || source.ends_with('\r') {
        return false;
    }
    let first = source.lines().map(str::trim_start).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
    let word: String = first.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '@').collect();
    matches!(word.as_str(), "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async") || first.starts_with('@')
}

/// Whether the parse failed because the input ended (CPython raises
/// "incomplete input" then under PyCF_ALLOW_INCOMPLETE_INPUT): an open
/// bracket or string, a continuation, or an error found past the last
/// non-blank character (in "exec" mode only a missing block: the implicit
/// final NEWLINE is where other errors are found).
fn ends_early(source: &str, mode: Mode, e: &krait_bytecode::CompileError) -> bool {
    if e.msg.ends_with("was never closed") || e.msg.starts_with("unterminated triple-quoted string") || e.msg == "unexpected EOF while parsing" {
        return true;
    }
    let trimmed = source.trim_end();
    let last_line = trimmed.matches('\n').count() as u32 + 1;
    // A string continued with a backslash into the end of the input.
    let one_line_less = source.strip_suffix("\r\n").or_else(|| source.strip_suffix('\n')).unwrap_or(source);
    if e.msg.starts_with("unterminated string literal") && e.lineno >= last_line && one_line_less.ends_with('\\') {
        return true;
    }
    let block = e.msg.starts_with("expected an indented block");
    if mode == Mode::Exec && !block {
        return false;
    }
    if source.trim().is_empty() {
        return true;
    }
    // A newline after the last token is where other errors are found.
    if !block && source.trim_end_matches([' ', '\t', '\x0c']).ends_with(['\n', '\r']) {
        return false;
    }
    if e.msg.starts_with("unterminated string literal") {
        return e.lineno >= last_line;
    }
    let last_col = trimmed.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
    e.lineno > last_line || (e.lineno == last_line && e.offset > last_col)
}

/// Issues the compiler's warnings in order, as CPython does while compiling:
/// a warning the filters turn into an exception of its own category becomes
/// the SyntaxError it stands for; any other exception propagates.
pub fn issue_warnings(warnings: &[CompileWarning], filename: &str) -> PyResult<()> {
    use crate::types::exceptions as exc;
    for w in warnings {
        let category = match w.category {
            WarningCategory::SyntaxWarning => exc::SyntaxWarning(),
            WarningCategory::DeprecationWarning => exc::DeprecationWarning(),
        };
        if let Err(e) = crate::modules::warnings::warn_explicit(category, &w.msg, filename, w.lineno) {
            if crate::errors::matches(category) {
                crate::errors::clear();
                return Err(raise_compile_error(&w.error));
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Decodes source bytes (BOM, coding cookie) to text.
pub fn decode_source(bytes: &[u8], filename: &str) -> PyResult<String> {
    match krait_compiler::decode_source(bytes, filename) {
        Ok(s) => Ok(s),
        Err(e) if e.msg.starts_with(krait_compiler::UNKNOWN_ENCODING) => {
            // An encoding the compiler has no table for: the codec registry
            // decodes it (failures are SyntaxErrors with no place, as
            // CPython's decoding stage reports them).
            let name = &e.msg[krait_compiler::UNKNOWN_ENCODING.len()..];
            match crate::codecs::decode(bytes, name, None) {
                Ok(text) => match pystr::as_str(&text) {
                    Some(s) => Ok(s.to_owned()),
                    None => Err(raise_compile_error(&e)),
                },
                Err(_) => {
                    let v = crate::errors::fetch();
                    let lookup = v.as_ref().is_some_and(|v| crate::types::type_::is_subtype(v.type_ptr(), crate::types::exceptions::LookupError()));
                    let msg = match v {
                        Some(v) if !lookup => crate::ops::str_of(&v).map(|s| pystr::to_string_lossy(&s)).unwrap_or_else(|_| {
                            crate::errors::clear();
                            e.msg.clone()
                        }),
                        _ => e.msg.clone(),
                    };
                    Err(raise_compile_error(&krait_compiler::unplaced_error(msg, filename)))
                }
            }
        }
        Err(e) => Err(raise_compile_error(&e)),
    }
}

/// Decodes a script file's bytes as CPython's file tokenizer does: the same
/// as `decode_source`, except that undeclared non-UTF-8 bytes and unknown
/// encodings are reported in its words, with no place in the source.
pub fn decode_source_file(bytes: &[u8], path: &str) -> PyResult<String> {
    let undeclared = !krait_compiler::declares_encoding(bytes);
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if undeclared {
        if let Err(e) = std::str::from_utf8(body) {
            let pos = e.valid_up_to();
            let line = body[..pos].iter().filter(|b| **b == b'\n').count() + 1;
            crate::bail!(
                SyntaxError,
                "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                body[pos],
                path,
                line
            );
        }
    }
    match decode_source(bytes, path) {
        Err(e) => {
            let v = crate::errors::take(e);
            let msg = crate::types::exceptions::get_field(&v, "msg").map(|m| pystr::to_string_lossy(&m)).unwrap_or_default();
            if let Some(name) = msg.strip_prefix(krait_compiler::UNKNOWN_ENCODING) {
                crate::bail!(SyntaxError, "encoding problem: {}", name);
            }
            Err(crate::errors::restore(v))
        }
        ok => ok,
    }
}

/// A script file holding a NUL byte: CPython's file tokenizer refuses the
/// line it is on, reporting the line up to the NUL at column 0.
pub fn check_script_nul(bytes: &[u8], filename: &str) -> PyResult<()> {
    let Some(at) = bytes.iter().position(|&b| b == 0) else {
        return Ok(());
    };
    let start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let lineno = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = String::from_utf8_lossy(&bytes[start..at]).into_owned();
    let e = CompileError {
        kind: CompileErrorKind::SyntaxError,
        msg: "source code cannot contain null bytes".into(),
        filename: filename.into(),
        lineno: lineno as u32,
        offset: 0,
        end_lineno: lineno as u32,
        end_offset: 0,
        text: Some(text),
    };
    Err(raise_compile_error(&e))
}

/// Raises the Python exception for a compile error.
pub fn raise_compile_error(e: &CompileError) -> crate::errors::PyErr {
    use crate::types::exceptions as exc;
    let tp = match e.kind {
        CompileErrorKind::SyntaxError => exc::SyntaxError(),
        CompileErrorKind::IndentationError => exc::IndentationError(),
        CompileErrorKind::TabError => exc::TabError(),
        CompileErrorKind::ValueError => return crate::errors::raise(exc::ValueError(), &e.msg),
        CompileErrorKind::RecursionError => return crate::errors::raise(exc::RecursionError(), &e.msg),
        CompileErrorKind::MemoryError => return crate::errors::raise_with(exc::MemoryError(), &[]),
    };
    if krait_compiler::is_unplaced(e) {
        let details = tuple::new(&[pystr::new(&e.filename), int::from_i64(0), int::from_i64(-1), none::none()]);
        return crate::errors::raise_with(tp, &[pystr::new(&e.msg), details]);
    }
    let text = match &e.text {
        Some(t) => pystr::new(t),
        None => none::none(),
    };
    let details = tuple::new(&[
        pystr::new(&e.filename),
        int::from_i64(e.lineno as i64),
        int::from_i64(e.offset as i64),
        text,
        int::from_i64(e.end_lineno as i64),
        int::from_i64(e.end_offset as i64),
    ]);
    crate::errors::raise_with(tp, &[pystr::new(&e.msg), details])
}
