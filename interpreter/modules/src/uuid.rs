//! `_uuid`: version-1 (time-based) UUIDs from libuuid's
//! `uuid_generate_time_safe`, as CPython builds the module on Linux; Lib/
//! uuid.py's `uuid1()` uses it when present.

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bytes, dict, int, module, tuple};
use krait_runtime::PyResult;
use std::os::raw::c_int;

#[link(name = "uuid")]
extern "C" {
    /// Fills the 16 bytes; 0 when the UUID came from the uuidd daemon
    /// (unique across processes), -1 otherwise.
    fn uuid_generate_time_safe(out: *mut u8) -> c_int;
}

/// generate_time_safe() -> (16 bytes, is_safe): is_safe is libuuid's
/// result, which uuid.py turns into SafeUUID.
fn generate_time_safe(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_uuid.generate_time_safe", args, kw, 0, 0)?;
    let mut out = [0u8; 16];
    // SAFETY: libuuid writes exactly 16 bytes to the buffer it is given.
    let res = unsafe { uuid_generate_time_safe(out.as_mut_ptr()) };
    Ok(tuple::new(&[bytes::new(&out), int::from_i64(res as i64)]))
}

const FUNCTIONS: &[MethodSpec] = &[method("generate_time_safe", generate_time_safe)];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_uuid")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "has_uuid_generate_time_safe", &int::from_i64(1))?;
    Ok(m)
}
