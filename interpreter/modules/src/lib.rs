//! Native standard-library modules, as CPython's `Modules/`: one file per
//! module, each with a `create()` that builds the module object. They live
//! outside krait-runtime so that changing a module rebuilds only this
//! crate; `register_all` hands them to the runtime's builtin-module table
//! before the interpreter starts.

pub mod bisect;
pub mod collections;
pub mod errno;
pub mod functools;
pub mod heapq;
pub mod itertools;
mod native;
pub mod operator;

use krait_runtime::modules::register;

/// Registers every module of this crate as a builtin module.
pub fn register_all() {
    register("errno", errno::create);
    register("_bisect", bisect::create);
    register("_heapq", heapq::create);
    register("_collections", collections::create);
    register("_functools", functools::create);
    register("itertools", itertools::create);
    register("_operator", operator::create);
}
