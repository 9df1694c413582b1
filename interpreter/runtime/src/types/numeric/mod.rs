//! Pure-Rust helpers shared by `int`, `float`, `complex` (and `str.__format__`):
//! float repr and fixed/exponent formatting with CPython's rules, the
//! format-spec mini-language, and parsing of int and float literals.
//! Nothing here touches objects, so it is unit-tested on its own.

pub mod float_repr;
pub mod format_spec;
pub mod parse;
