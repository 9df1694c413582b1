//! `_md5`: `md5(string=b'', *, usedforsecurity=True)` and its type `_md5.md5`.

use super::{construct, init_hash_type, Fixed, Info};
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, module};

static mut MD5_TYPE: PyTypeObject = PyTypeObject::EMPTY;

static MD5: Info = Info {
    name: "md5",
    digest_size: 16,
    block_size: 64,
    xof: false,
    sha3_suffix: None,
    ty: || &raw mut MD5_TYPE,
};

fn md5_new(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    construct("md5", &MD5, Box::new(Fixed(md5::Md5::default())), args, kw)
}

const FUNCTIONS: &[MethodSpec] = &[method("md5", md5_new)];

pub fn create() -> PyResult<Obj> {
    let t = init_hash_type(&MD5, "_md5.md5", None)?;
    let m = module::new("_md5")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "MD5Type", &t)?;
    Ok(m)
}
