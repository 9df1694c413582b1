//! Builtin modules written in Rust.

pub mod gc;
pub mod string_;
pub mod sys;
pub mod warnings;

use crate::errors::PyResult;
use crate::object::Obj;

/// Modules created on first import (sys and builtins exist from startup).
const ON_IMPORT: &[(&str, fn() -> PyResult<Obj>)] = &[("gc", gc::create), ("_string", string_::create)];

pub fn is_builtin(name: &str) -> bool {
    ON_IMPORT.iter().any(|(n, _)| *n == name)
}

/// Creates the builtin module `name` (which must satisfy `is_builtin`).
pub fn create_builtin(name: &str) -> PyResult<Obj> {
    match ON_IMPORT.iter().find(|(n, _)| *n == name) {
        Some((_, f)) => f(),
        None => crate::bail!(ModuleNotFoundError, "No module named '{}'", name),
    }
}
