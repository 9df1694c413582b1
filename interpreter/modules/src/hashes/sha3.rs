//! `_sha3`: the types sha3_224/256/384/512 and shake_128/256, called as
//! `sha3_256(data=b'', /, *, usedforsecurity=True)`; SHAKE objects take
//! the output length in `digest(length)`/`hexdigest(length)`.

use super::{init_hash_type, new_hash, truth, vector_args, Algo, Fixed, Info};
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::{dict, int, module, str as pystr};

/// An extendable-output function (SHAKE).
struct Xof<X>(X);

impl<X: digest::Update + digest::ExtendableOutput + Clone + Send + 'static> Algo for Xof<X> {
    fn update(&mut self, data: &[u8]) {
        digest::Update::update(&mut self.0, data);
    }
    fn digest(&self, len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        digest::ExtendableOutput::finalize_xof_into(self.0.clone(), &mut out);
        out
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(Xof(self.0.clone()))
    }
}

static mut SHA3_224_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHA3_256_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHA3_384_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHA3_512_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHAKE128_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SHAKE256_TYPE: PyTypeObject = PyTypeObject::EMPTY;

static SHA3_224: Info = Info { name: "sha3_224", digest_size: 28, block_size: 144, xof: false, sha3_suffix: Some(6), ty: || &raw mut SHA3_224_TYPE };
static SHA3_256: Info = Info { name: "sha3_256", digest_size: 32, block_size: 136, xof: false, sha3_suffix: Some(6), ty: || &raw mut SHA3_256_TYPE };
static SHA3_384: Info = Info { name: "sha3_384", digest_size: 48, block_size: 104, xof: false, sha3_suffix: Some(6), ty: || &raw mut SHA3_384_TYPE };
static SHA3_512: Info = Info { name: "sha3_512", digest_size: 64, block_size: 72, xof: false, sha3_suffix: Some(6), ty: || &raw mut SHA3_512_TYPE };
static SHAKE128: Info = Info { name: "shake_128", digest_size: 0, block_size: 168, xof: true, sha3_suffix: Some(0x1f), ty: || &raw mut SHAKE128_TYPE };
static SHAKE256: Info = Info { name: "shake_256", digest_size: 0, block_size: 136, xof: true, sha3_suffix: Some(0x1f), ty: || &raw mut SHAKE256_TYPE };

const ALL: [&Info; 6] = [&SHA3_224, &SHA3_256, &SHA3_384, &SHA3_512, &SHAKE128, &SHAKE256];

fn fresh(info: &Info) -> Box<dyn Algo> {
    match info.name {
        "sha3_224" => Box::new(Fixed(sha3::Sha3_224::default())),
        "sha3_256" => Box::new(Fixed(sha3::Sha3_256::default())),
        "sha3_384" => Box::new(Fixed(sha3::Sha3_384::default())),
        "sha3_512" => Box::new(Fixed(sha3::Sha3_512::default())),
        "shake_128" => Box::new(Xof(sha3::Shake128::default())),
        _ => Box::new(Xof(sha3::Shake256::default())),
    }
}

fn sha3_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let info: &'static Info = ALL.iter().copied().find(|i| (i.ty)() == t).unwrap_or(&SHA3_256);
    let (v, names) = vector_args(args, kw);
    let a = crate::clinic_args(info.name, &v, names.as_ref(), &["data", "usedforsecurity"], 1, 0, 1)?;
    truth(a[1].as_ref(), true)?;
    new_hash(info, fresh(info), a[0].as_ref())
}
krait_runtime::new_slot!(sha3_new_slot => sha3_new);

pub fn create() -> PyResult<Obj> {
    let m = module::new("_sha3")?;
    let d = module::dict_of(&m);
    for info in ALL {
        let t = init_hash_type(info, &format!("_sha3.{}", info.name), Some(sha3_new_slot))?;
        dict::set_item_str(&d, info.name, &t)?;
    }
    dict::set_item_str(&d, "implementation", &pystr::new("tiny_sha3"))?;
    dict::set_item_str(&d, "keccakopt", &int::from_i64(0))?;
    Ok(m)
}
