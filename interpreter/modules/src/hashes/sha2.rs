//! The SHA-2 modules: `_sha256` (sha224, sha256) and `_sha512` (sha384,
//! sha512), each constructor `name(string=b'', *, usedforsecurity=True)`.

use super::{construct, init_hash_type, Fixed, Info};
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, module};

static mut SHA224_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHA256_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHA384_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHA512_TYPE: PyTypeObject = PyTypeObject::EMPTY;

static SHA224: Info = Info { name: "sha224", digest_size: 28, block_size: 64, xof: false, sha3_suffix: None, ty: || &raw mut SHA224_TYPE };
static SHA256: Info = Info { name: "sha256", digest_size: 32, block_size: 64, xof: false, sha3_suffix: None, ty: || &raw mut SHA256_TYPE };
static SHA384: Info = Info { name: "sha384", digest_size: 48, block_size: 128, xof: false, sha3_suffix: None, ty: || &raw mut SHA384_TYPE };
static SHA512: Info = Info { name: "sha512", digest_size: 64, block_size: 128, xof: false, sha3_suffix: None, ty: || &raw mut SHA512_TYPE };

fn sha224_new(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    construct("sha224", &SHA224, Box::new(Fixed(sha2::Sha224::default())), args, kw)
}

fn sha256_new(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    construct("sha256", &SHA256, Box::new(Fixed(sha2::Sha256::default())), args, kw)
}

fn sha384_new(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    construct("sha384", &SHA384, Box::new(Fixed(sha2::Sha384::default())), args, kw)
}

fn sha512_new(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    construct("sha512", &SHA512, Box::new(Fixed(sha2::Sha512::default())), args, kw)
}

const SHA256_FUNCTIONS: &[MethodSpec] = &[method("sha256", sha256_new), method("sha224", sha224_new)];
const SHA512_FUNCTIONS: &[MethodSpec] = &[method("sha512", sha512_new), method("sha384", sha384_new)];

pub fn create_sha256() -> PyResult<Obj> {
    let t224 = init_hash_type(&SHA224, "_sha256.sha224", None)?;
    let t256 = init_hash_type(&SHA256, "_sha256.sha256", None)?;
    let m = module::new("_sha256")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, SHA256_FUNCTIONS)?;
    dict::set_item_str(&d, "SHA224Type", &t224)?;
    dict::set_item_str(&d, "SHA256Type", &t256)?;
    Ok(m)
}

pub fn create_sha512() -> PyResult<Obj> {
    init_hash_type(&SHA384, "_sha512.sha384", None)?;
    let t512 = init_hash_type(&SHA512, "_sha512.sha512", None)?;
    let m = module::new("_sha512")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, SHA512_FUNCTIONS)?;
    // CPython 3.11's module binds SHA384Type to the sha512 type.
    dict::set_item_str(&d, "SHA384Type", &t512)?;
    Ok(m)
}
