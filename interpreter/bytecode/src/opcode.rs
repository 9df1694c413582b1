//! Krait's instruction set.
//!
//! An instruction is one 32-bit word: the opcode in the low 8 bits, the
//! argument in the high 24 bits (no EXTENDED_ARG is ever needed). Opcodes that
//! specialize are followed by `cache_entries()` zeroed words that the
//! interpreter owns (inline caches); the next instruction starts after them.
//! Jump arguments are absolute word indices into the code.
//!
//! Stack effects follow CPython 3.11's instructions of the same name unless the
//! doc comment says otherwise. "TOS" is the top of the stack, "TOS1" the one
//! below. `NULL` is a stack slot holding no object (pushed by PUSH_NULL or
//! LOAD_GLOBAL/LOAD_METHOD), used by the call protocol.

const fn const_max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $num:literal, cache $cache:literal; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        pub enum Opcode {
            $( $(#[$doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, for tables and tests.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// Inline cache words after each opcode byte (0 for bytes that
            /// are no opcode), for loops over code that should not match
            /// on every word.
            pub const CACHE_BY_BYTE: [u8; 256] = {
                let mut t = [0u8; 256];
                $( t[$num] = $cache; )*
                t
            };

            /// The most inline cache words any instruction has.
            pub const MAX_CACHE_ENTRIES: usize = {
                let mut m = 0;
                $( m = const_max(m, $cache); )*
                m
            };

            pub fn from_u8(b: u8) -> Option<Opcode> {
                match b {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// The name `dis` shows.
            pub fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => stringify!($name), )*
                }
            }

            /// Number of inline cache words that follow the instruction.
            pub const fn cache_entries(self) -> usize {
                match self {
                    $( Opcode::$name => $cache, )*
                }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    NOP = 0, cache 0;
    /// Pops TOS.
    POP_TOP = 1, cache 0;
    /// Pushes NULL (used before a callable that is not a method).
    PUSH_NULL = 2, cache 0;
    /// Pushes a copy of the arg-th item (1 = TOS).
    COPY = 3, cache 0;
    /// Swaps TOS with the arg-th item (2 = TOS1).
    SWAP = 4, cache 0;

    /// Pushes constants[arg].
    LOAD_CONST = 5, cache 0;
    /// Pushes localsplus[arg]; UnboundLocalError if unset.
    LOAD_FAST = 6, cache 0;
    /// Pops TOS into localsplus[arg].
    STORE_FAST = 7, cache 0;
    /// Unsets localsplus[arg]; UnboundLocalError if unset.
    DELETE_FAST = 8, cache 0;
    /// Replaces localsplus[arg] by a new cell holding its old value (or empty).
    MAKE_CELL = 9, cache 0;
    /// Copies the function's closure cells into the last arg slots of localsplus.
    COPY_FREE_VARS = 10, cache 0;
    /// Pushes the cell object in localsplus[arg] itself (for building closures).
    LOAD_CLOSURE = 11, cache 0;
    /// Pushes the contents of the cell in localsplus[arg]; NameError/UnboundLocalError if empty.
    LOAD_DEREF = 12, cache 0;
    /// Pops TOS into the cell in localsplus[arg].
    STORE_DEREF = 13, cache 0;
    /// Empties the cell in localsplus[arg].
    DELETE_DEREF = 14, cache 0;
    /// In class bodies: looks localsplus_names[arg] up in the class namespace
    /// first, then in the cell in localsplus[arg].
    LOAD_CLASSDEREF = 15, cache 0;

    /// Pushes names[arg] looked up in locals, globals, builtins.
    LOAD_NAME = 16, cache 0;
    /// Pops TOS into locals[names[arg]].
    STORE_NAME = 17, cache 0;
    /// Deletes locals[names[arg]].
    DELETE_NAME = 18, cache 0;
    /// Pushes global names[arg >> 1] (globals, then builtins); if arg & 1,
    /// pushes NULL first.
    /// Cache: the globals and builtins dict versions (2 words each) and the
    /// value found with them (a borrowed pointer, 2 words).
    LOAD_GLOBAL = 19, cache 6;
    /// Pops TOS into globals[names[arg]].
    STORE_GLOBAL = 20, cache 0;
    /// Deletes globals[names[arg]].
    DELETE_GLOBAL = 21, cache 0;

    /// Replaces TOS by getattr(TOS, names[arg]).
    LOAD_ATTR = 22, cache 4;
    /// TOS.names[arg] = TOS1; pops both.
    STORE_ATTR = 23, cache 4;
    /// del TOS.names[arg]; pops TOS.
    DELETE_ATTR = 24, cache 0;
    /// Replaces TOS (obj) by two items: the unbound method and obj when
    /// names[arg] is a method found on the type, else NULL and getattr(obj, name).
    LOAD_METHOD = 25, cache 4;

    /// Binary operation arg (a `BinaryOp`) on TOS1 and TOS; pushes the result.
    BINARY_OP = 26, cache 1;
    UNARY_POSITIVE = 27, cache 0;
    UNARY_NEGATIVE = 28, cache 0;
    UNARY_NOT = 29, cache 0;
    UNARY_INVERT = 30, cache 0;
    /// Rich comparison arg (a `CompareOp`) of TOS1 and TOS.
    COMPARE_OP = 31, cache 1;
    /// Pushes `TOS1 is TOS` (arg 0) or `is not` (arg 1).
    IS_OP = 32, cache 0;
    /// Pushes `TOS1 in TOS` (arg 0) or `not in` (arg 1).
    CONTAINS_OP = 33, cache 0;

    /// TOS = TOS1[TOS].
    BINARY_SUBSCR = 34, cache 1;
    /// TOS1[TOS] = TOS2; pops three.
    STORE_SUBSCR = 35, cache 1;
    /// del TOS1[TOS]; pops two.
    DELETE_SUBSCR = 36, cache 0;
    /// Pushes slice(TOS1, TOS) (arg 2) or slice(TOS2, TOS1, TOS) (arg 3).
    BUILD_SLICE = 37, cache 0;

    /// Pops arg items, pushes a tuple of them.
    BUILD_TUPLE = 38, cache 0;
    BUILD_LIST = 39, cache 0;
    BUILD_SET = 40, cache 0;
    /// Pops 2*arg items (key, value, key, value, ...), pushes a dict.
    BUILD_MAP = 41, cache 0;
    /// TOS is a tuple of arg keys; pops it and arg values, pushes a dict.
    BUILD_CONST_KEY_MAP = 42, cache 0;
    /// Pops arg strings, pushes their concatenation.
    BUILD_STRING = 43, cache 0;
    /// Appends TOS to the list at stack position arg (after popping TOS; 1 = new TOS).
    LIST_APPEND = 44, cache 0;
    SET_ADD = 45, cache 0;
    /// Pops value (TOS) and key (TOS1); sets dict at position arg [key] = value.
    MAP_ADD = 46, cache 0;
    /// Pops an iterable, extends the list at position arg.
    LIST_EXTEND = 47, cache 0;
    SET_UPDATE = 48, cache 0;
    /// Pops a mapping, updates the dict at position arg (`{**m}`).
    DICT_UPDATE = 49, cache 0;
    /// Like DICT_UPDATE but raises TypeError on duplicate keys (`f(**a, **b)`);
    /// the callable for the message is at position arg + 2.
    DICT_MERGE = 50, cache 0;
    /// Replaces the list on TOS by a tuple.
    LIST_TO_TUPLE = 51, cache 0;
    /// Pops an iterable, pushes its arg items, the last first (so the first is TOS).
    UNPACK_SEQUENCE = 52, cache 1;
    /// `a, *b, c = ...`: arg = before | (after << 8); pushes after items,
    /// the list, before items, the first ending on TOS.
    UNPACK_EX = 53, cache 0;
    /// f-string value: arg & 3 selects a conversion (0 none, 1 str, 2 repr,
    /// 3 ascii); arg & 4 means a format spec is on TOS (above the value).
    /// Pushes the formatted str.
    FORMAT_VALUE = 54, cache 0;

    /// Jumps to word arg (forward).
    JUMP_FORWARD = 55, cache 0;
    /// Jumps to word arg (backward: loop edge, checks for signals/thread switch).
    JUMP_BACKWARD = 56, cache 0;
    /// Pops TOS; jumps to arg if it is false.
    POP_JUMP_IF_FALSE = 57, cache 0;
    POP_JUMP_IF_TRUE = 58, cache 0;
    POP_JUMP_IF_NONE = 59, cache 0;
    POP_JUMP_IF_NOT_NONE = 60, cache 0;
    /// If TOS is false jumps to arg keeping it, else pops it.
    JUMP_IF_FALSE_OR_POP = 61, cache 0;
    JUMP_IF_TRUE_OR_POP = 62, cache 0;
    /// Replaces TOS by iter(TOS).
    GET_ITER = 63, cache 0;
    /// TOS is an iterator: pushes next(TOS), or when exhausted pops TOS and
    /// jumps to arg.
    FOR_ITER = 64, cache 1;

    /// Returns TOS from the frame.
    RETURN_VALUE = 65, cache 0;
    /// arg 0: re-raise the handled exception; 1: raise TOS; 2: raise TOS1 from TOS.
    RAISE_VARARGS = 66, cache 0;
    /// Re-raises TOS. If arg is non-zero, TOS1 is the `lasti` saved by the
    /// exception table, restored before raising (keeps the traceback line).
    RERAISE = 67, cache 0;
    /// Pops the exception V, pushes the previously handled exception (or None),
    /// then V; V becomes the handled exception (sys.exception()).
    PUSH_EXC_INFO = 68, cache 0;
    /// Pops TOS and makes it the handled exception again (undoes PUSH_EXC_INFO).
    POP_EXCEPT = 69, cache 0;
    /// TOS1 is the exception, TOS the type(s) from `except X`: pops TOS and
    /// pushes whether the exception matches (TypeError for non-class X).
    CHECK_EXC_MATCH = 70, cache 0;
    /// except*: TOS1 the exception (group), TOS the match type. Pops both, pushes
    /// (rest, match) as CPython 3.11; match is None when nothing matched.
    CHECK_EG_MATCH = 71, cache 0;
    /// except* epilogue: TOS is a list of raised/re-raised exceptions, TOS1 the
    /// original; pushes the exception to re-raise, or None.
    PREP_RERAISE_STAR = 72, cache 0;
    /// Calls the __exit__ at position 4 with the exception in TOS:
    /// `exit(type, val, tb)`; pushes the result (stack as in CPython 3.11).
    WITH_EXCEPT_START = 73, cache 0;
    /// Pops a context manager, pushes its bound __exit__ and the result of __enter__().
    BEFORE_WITH = 74, cache 0;
    /// Pops an async context manager, pushes bound __aexit__ and the awaitable of __aenter__().
    BEFORE_ASYNC_WITH = 75, cache 0;
    /// Pushes AssertionError.
    LOAD_ASSERTION_ERROR = 76, cache 0;

    /// Pops a code object (TOS) and, below it in this order from bottom to top
    /// when flagged: defaults tuple (arg & 1), kwdefaults dict (arg & 2),
    /// annotations tuple of name/value pairs (arg & 4), closure tuple (arg & 8).
    /// Pushes a function. Its __qualname__ is the code's qualname.
    MAKE_FUNCTION = 77, cache 0;
    /// Pushes builtins.__build_class__.
    LOAD_BUILD_CLASS = 78, cache 0;
    /// Creates `__annotations__` in locals if missing.
    SETUP_ANNOTATIONS = 79, cache 0;

    /// Pops fromlist (TOS) and level (TOS1), pushes __import__(names[arg], ...).
    IMPORT_NAME = 80, cache 0;
    /// Pushes getattr(TOS, names[arg]) (falling back to sys.modules for
    /// submodules), leaving the module on the stack.
    IMPORT_FROM = 81, cache 0;
    /// Pops a module and copies its public names into locals.
    IMPORT_STAR = 82, cache 0;

    /// Pops TOS and yields it from the generator; on resumption, the sent
    /// value is pushed.
    YIELD_VALUE = 83, cache 0;
    /// TOS1 the receiver (sub-iterator/awaitable), TOS the value to send.
    /// If the receiver yields v: replaces TOS by v and continues (a YIELD_VALUE
    /// follows). If it returns r: pops both, pushes r, jumps to arg.
    SEND = 84, cache 0;
    /// `yield from`: replaces TOS by iter(TOS), unless it is a generator or
    /// (in a coroutine) a coroutine.
    GET_YIELD_FROM_ITER = 85, cache 0;
    /// Replaces TOS by its awaitable iterator (arg: 0 await, 1 __aenter__, 2 __aexit__, for messages).
    GET_AWAITABLE = 86, cache 0;
    /// Replaces TOS by TOS.__aiter__().
    GET_AITER = 87, cache 0;
    /// Pushes the awaitable of TOS.__anext__() (TOS stays).
    GET_ANEXT = 88, cache 0;
    /// TOS is the exception, TOS1 the async iterator: if StopAsyncIteration pops
    /// both and continues, else re-raises.
    END_ASYNC_FOR = 89, cache 0;
    /// Wraps TOS so that a yield in an async generator is seen as a value, not
    /// an await.
    ASYNC_GEN_WRAP = 90, cache 0;

    /// `match` class pattern: TOS the tuple of keyword attribute names, TOS1 the
    /// class, TOS2 the subject; arg positional sub-patterns. Pops three, pushes
    /// a tuple of the extracted attributes or None.
    MATCH_CLASS = 91, cache 0;
    /// Pushes whether TOS is a mapping (Py_TPFLAGS_MAPPING).
    MATCH_MAPPING = 92, cache 0;
    /// Pushes whether TOS is a sequence (Py_TPFLAGS_SEQUENCE).
    MATCH_SEQUENCE = 93, cache 0;
    /// TOS a tuple of keys, TOS1 the subject mapping: pushes a tuple of the
    /// values, or None if a key is missing.
    MATCH_KEYS = 94, cache 0;
    /// Pushes len(TOS).
    GET_LEN = 95, cache 0;

    /// Interactive mode: prints TOS via sys.displayhook and pops it.
    PRINT_EXPR = 96, cache 0;
    /// Records constants[arg] (a tuple of str) as the keyword names of the next CALL.
    KW_NAMES = 97, cache 0;
    /// Stack: [NULL or method, callable or self, arg1 .. argN] with N = arg.
    /// Calls, pops all, pushes the result. When KW_NAMES preceded, the last
    /// len(kwnames) args are keyword arguments.
    CALL = 98, cache 1;
    /// Stack: [NULL, callable, args tuple, (kwargs dict if arg & 1)]. Calls,
    /// pushes the result.
    CALL_FUNCTION_EX = 99, cache 0;
    /// Marks a jump target after which the frame may be resumed (generators);
    /// arg 0 function start, 1 after yield, 2 after yield from, 3 after await.
    RESUME = 100, cache 0;
    /// Calls an intrinsic function arg (an `Intrinsic`) on TOS, replacing it.
    CALL_INTRINSIC_1 = 107, cache 0;
}

/// Operations of BINARY_OP, numbered as CPython 3.11's NB_* constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    pub fn from_u32(v: u32) -> Option<BinaryOp> {
        if v <= 25 {
            // SAFETY: repr(u8) with contiguous discriminants 0..=25.
            Some(unsafe { std::mem::transmute::<u8, BinaryOp>(v as u8) })
        } else {
            None
        }
    }

    /// The operator's symbol as used in error messages ("+", "+=", ...).
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }

    pub fn is_inplace(self) -> bool {
        (self as u8) >= 13
    }

    /// The non-inplace operation of an inplace one (itself otherwise).
    pub fn base(self) -> BinaryOp {
        if self.is_inplace() {
            BinaryOp::from_u32(self as u32 - 13).unwrap()
        } else {
            self
        }
    }
}

/// Operations of COMPARE_OP, numbered as CPython's Py_LT..Py_GE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(v: u32) -> Option<CompareOp> {
        Some(match v {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The operation with swapped operands (a < b  <=>  b > a).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

/// Functions of CALL_INTRINSIC_1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Intrinsic {
    /// Replaces a StopIteration raised inside a generator by RuntimeError (PEP 479).
    /// TOS is the exception; pushes the replacement.
    StopIterationError = 0,
}

impl Intrinsic {
    pub fn from_u32(v: u32) -> Option<Intrinsic> {
        Some(match v {
            0 => Intrinsic::StopIterationError,
            _ => return None,
        })
    }
}

/// Builds an instruction word.
#[inline]
pub const fn encode(op: Opcode, arg: u32) -> u32 {
    (op as u32) | (arg << 8)
}

/// Splits an instruction word into opcode byte and argument.
#[inline]
pub const fn decode(word: u32) -> (u8, u32) {
    ((word & 0xff) as u8, word >> 8)
}

/// Largest argument an instruction word can hold.
pub const MAX_ARG: u32 = (1 << 24) - 1;
