//! The contract between krait's compiler and its runtime: the instruction set
//! (`opcode`) and the compiler's output (`CodeUnit`, `Constant`). The runtime
//! turns a `CodeUnit` into a Python code object.

pub mod locations;
pub mod opcode;
pub mod pyview;

pub use opcode::{decode, encode, BinaryOp, CompareOp, Intrinsic, Opcode, MAX_ARG};

use std::sync::Arc;

/// Code flags, with CPython's CO_* values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import annotations` (CO_FUTURE_ANNOTATIONS).
    pub const FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
}

/// Kinds of a localsplus slot, CPython 3.11's CO_FAST_* bits.
pub mod fast {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A constant of a code object.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    /// An int that fits in i64.
    Int(i64),
    /// Any other int.
    BigInt(num_bigint::BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    /// A str whose code points are all valid Unicode scalar values.
    Str(String),
    /// A str holding lone surrogates (from `"\ud800"`): its code points.
    StrCodePoints(Vec<u32>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeUnit>),
}

/// A source range: 1-based lines, 0-based columns in UTF-8 bytes, as CPython's
/// `co_positions()`. `line == 0` means "no location"; columns equal to
/// `Location::NO_COL` mean a line without columns (None in co_positions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Location {
    pub const NO_COL: u32 = u32::MAX;

    /// Whether the columns are known.
    pub fn has_cols(&self) -> bool {
        self.col != Self::NO_COL && self.end_col != Self::NO_COL
    }
}

/// One entry of the exception table: an exception raised by an instruction at
/// word index in `start..end` pops the value stack down to `depth` items,
/// pushes the offset of the raising instruction (as an int) when `push_lasti`,
/// pushes the exception, and continues at `target`. Entries are sorted by
/// `start` and do not overlap (the innermost handler wins when nesting, so the
/// compiler splits ranges as CPython 3.11's does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// A compiled code body (module, class body, function, lambda, comprehension).
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Instruction words with their zeroed inline cache words.
    pub code: Vec<u32>,
    /// One location per word of `code` (cache words repeat their instruction's).
    pub locations: Vec<Location>,
    pub constants: Vec<Constant>,
    /// Names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD, IMPORT_*.
    pub names: Vec<String>,
    /// Fast locals, then cells, then free variables, as CPython 3.11's
    /// `co_localsplusnames`; arguments come first, in order. An argument that
    /// is also a cell has kind LOCAL|CELL and one slot.
    pub localsplus_names: Vec<String>,
    pub localsplus_kinds: Vec<u8>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum depth of the value stack.
    pub stacksize: u32,
    /// The docstring is constants[0] when this is true (functions).
    pub has_docstring: bool,
}

impl CodeUnit {
    /// Iterates over (word index, opcode, arg) of every instruction, skipping
    /// cache words.
    pub fn instructions(&self) -> impl Iterator<Item = (usize, Opcode, u32)> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            if i >= self.code.len() {
                return None;
            }
            let (op, arg) = decode(self.code[i]);
            let op = Opcode::from_u8(op).expect("invalid opcode in code unit");
            let at = i;
            i += 1 + op.cache_entries();
            Some((at, op, arg))
        })
    }

    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    pub fn nfree(&self) -> usize {
        self.localsplus_kinds.iter().filter(|k| **k & fast::FREE != 0).count()
    }
}

/// The kinds of errors compile() reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Raised as ValueError (e.g. "source code string cannot contain null bytes").
    ValueError,
    /// Raised as OverflowError/MemoryError-like conditions; kept as SyntaxError
    /// in messages but distinct for callers that care.
    RecursionError,
    /// CPython's parser ran out of stack on deeply nested source: a
    /// MemoryError without a message.
    MemoryError,
}

/// A compile error with CPython's fields: 1-based line and 1-based column
/// (`offset`, in characters as CPython reports it), the end position, and the
/// source line.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: i32,
    pub text: Option<String>,
}

/// The category of a compile-time warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    /// `"is" with a literal`, `assertion is always true`, a missed comma.
    SyntaxWarning,
    /// An invalid escape sequence in a string or bytes literal.
    DeprecationWarning,
}

/// A warning issued while compiling, as CPython's compiler and parser issue
/// them (through `warnings.warn_explicit` with the source's file name and
/// line). When the warnings filters turn it into an exception of its own
/// category, CPython raises `error` (a SyntaxError at the offending code)
/// in its place.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileWarning {
    pub category: WarningCategory,
    pub msg: String,
    pub lineno: u32,
    pub error: CompileError,
}

/// Which kind of source `compile()` is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    /// Interactive statement: expression statements print their value.
    Single,
}
