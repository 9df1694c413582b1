//! krait's runtime: CPython 3.11-compatible objects (DESIGN §2), the
//! evaluation loop (§4), the builtins and the core modules.
//!
//! Layout: `object/` is the object layer (header, owned references, type
//! objects, allocation); `types/` has a file per builtin type; `ops/` the
//! generic operations (CPython's abstract.c); `eval/` frames and the loop;
//! `builtins/` and `modules/` the builtin modules.

#![allow(clippy::missing_safety_doc)]

pub mod builtins;
pub mod builtins_exec;
pub mod codecs;
pub mod compile;
pub mod errors;
pub mod eval;
pub mod gc;
pub mod gil;
pub mod hash;
pub mod import;
pub mod interp;
pub mod modules;
pub mod object;
pub mod ops;
pub mod signals;
pub mod suggestions;
pub mod threadstate;
pub mod traceback_print;
pub mod types;

pub use errors::{PyErr, PyResult};
pub use object::Obj;
