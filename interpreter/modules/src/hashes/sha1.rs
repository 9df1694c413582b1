//! `_sha1`: `sha1(string=b'', *, usedforsecurity=True)` and its type `_sha1.sha1`.

use super::{construct, init_hash_type, Fixed, Info};
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, module};

static mut SHA1_TYPE: PyTypeObject = PyTypeObject::EMPTY;

static SHA1: Info = Info {
    name: "sha1",
    digest_size: 20,
    block_size: 64,
    xof: false,
    sha3_suffix: None,
    ty: || &raw mut SHA1_TYPE,
};

fn sha1_new(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    construct("sha1", &SHA1, Box::new(Fixed(sha1::Sha1::default())), args, kw)
}

const FUNCTIONS: &[MethodSpec] = &[method("sha1", sha1_new)];

pub fn create() -> PyResult<Obj> {
    let t = init_hash_type(&SHA1, "_sha1.sha1", None)?;
    let m = module::new("_sha1")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "SHA1Type", &t)?;
    Ok(m)
}
