//! Native standard-library modules, as CPython's `Modules/`: one file per
//! module, each with a `create()` that builds the module object. They live
//! outside krait-runtime so that changing a module rebuilds only this
//! crate; `register_all` hands them to the runtime's builtin-module table
//! before the interpreter starts.

pub mod errno;
pub mod io;
pub mod posix;

use krait_runtime::modules::register;

/// Registers every module of this crate as a builtin module.
pub fn register_all() {
    register("errno", errno::create);
    register("posix", posix::create);
    register("_io", io::create);
}
