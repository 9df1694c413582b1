//! `_blake2`: the types blake2b and blake2s with BLAKE2's whole parameter
//! block as keyword arguments (digest_size, key, salt, person, fanout,
//! depth, leaf_size, node_offset, node_depth, inner_size, last_node),
//! checked in CPython's order with its messages.

use super::{data_view, init_hash_type, new_hash, truth, unsigned_long, vector_args, Algo, Info};
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::buffer::Buffer;
use krait_runtime::types::{dict, int, module, type_};

impl Algo for blake2b_simd::State {
    fn update(&mut self, data: &[u8]) {
        blake2b_simd::State::update(self, data);
    }
    fn digest(&self, _len: usize) -> Vec<u8> {
        self.finalize().as_bytes().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(self.clone())
    }
}

impl Algo for blake2s_simd::State {
    fn update(&mut self, data: &[u8]) {
        blake2s_simd::State::update(self, data);
    }
    fn digest(&self, _len: usize) -> Vec<u8> {
        self.finalize().as_bytes().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(self.clone())
    }
}

static mut BLAKE2B_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut BLAKE2S_TYPE: PyTypeObject = PyTypeObject::EMPTY;

// digest_size is the default; the object reports the size it was made with.
static BLAKE2B: Info = Info { name: "blake2b", digest_size: 64, block_size: 128, xof: false, sha3_suffix: None, ty: || &raw mut BLAKE2B_TYPE };
static BLAKE2S: Info = Info { name: "blake2s", digest_size: 32, block_size: 64, xof: false, sha3_suffix: None, ty: || &raw mut BLAKE2S_TYPE };

/// The per-size facts of one variant.
struct Sizes {
    salt: usize,
    person: usize,
    key: usize,
    digest: usize,
    /// blake2s's node offset has 48 bits.
    max_node_offset: u64,
}

const B_SIZES: Sizes = Sizes { salt: 16, person: 16, key: 64, digest: 64, max_node_offset: u64::MAX };
const S_SIZES: Sizes = Sizes { salt: 8, person: 8, key: 32, digest: 32, max_node_offset: (1 << 48) - 1 };

const NAMES: &[&str] = &[
    "data",
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
];

fn c_int(o: Option<&Obj>, default: i32) -> PyResult<i32> {
    match o {
        None => Ok(default),
        Some(v) => int::as_c_int(&int::index(v)?),
    }
}

fn bytes_param(o: Option<&Obj>) -> PyResult<Vec<u8>> {
    match o {
        None => Ok(Vec::new()),
        Some(v) => Ok(krait_runtime::types::buffer::bytes_like(v)?.as_slice().to_vec()),
    }
}

/// The `unsigned long long` converter.
fn unsigned_long_long(o: &Obj) -> PyResult<u64> {
    if int::is_int(o) && int::sign(o) < 0 {
        bail!(ValueError, "value must be positive");
    }
    if !int::is_int(o) {
        bail!(TypeError, "an integer is required");
    }
    match int::as_u64(o) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "int too big to convert"),
    }
}

struct Params {
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: usize,
    last_node: bool,
}

fn parse(name: &str, sz: &Sizes, a: &[Option<Obj>]) -> PyResult<Params> {
    // The converters, in parameter order.
    let digest_size = c_int(a[1].as_ref(), sz.digest as i32)?;
    let key = bytes_param(a[2].as_ref())?;
    let salt = bytes_param(a[3].as_ref())?;
    let person = bytes_param(a[4].as_ref())?;
    let fanout = c_int(a[5].as_ref(), 1)?;
    let depth = c_int(a[6].as_ref(), 1)?;
    let leaf_size = match &a[7] {
        Some(v) => unsigned_long(v)?,
        None => 0,
    };
    let node_offset = match &a[8] {
        Some(v) => unsigned_long_long(v)?,
        None => 0,
    };
    let node_depth = c_int(a[9].as_ref(), 0)?;
    let inner_size = c_int(a[10].as_ref(), 0)?;
    let last_node = truth(a[11].as_ref(), false)?;
    truth(a[12].as_ref(), true)?;
    // The checks, in CPython's order.
    if digest_size <= 0 || digest_size as usize > sz.digest {
        bail!(ValueError, "digest_size must be between 1 and {} bytes", sz.digest);
    }
    if salt.len() > sz.salt {
        bail!(ValueError, "maximum salt length is {} bytes", sz.salt);
    }
    if person.len() > sz.person {
        bail!(ValueError, "maximum person length is {} bytes", sz.person);
    }
    if !(0..=255).contains(&fanout) {
        bail!(ValueError, "fanout must be between 0 and 255");
    }
    if !(1..=255).contains(&depth) {
        bail!(ValueError, "depth must be between 1 and 255");
    }
    if leaf_size > 0xFFFF_FFFF {
        bail!(OverflowError, "leaf_size is too large");
    }
    if node_offset > sz.max_node_offset {
        bail!(OverflowError, "node_offset is too large");
    }
    if !(0..=255).contains(&node_depth) {
        bail!(ValueError, "node_depth must be between 0 and 255");
    }
    if inner_size < 0 || inner_size as usize > sz.digest {
        bail!(ValueError, "inner_size must be between 0 and is {}", sz.digest);
    }
    if key.len() > sz.key {
        bail!(ValueError, "maximum key length is {} bytes", sz.key);
    }
    let _ = name;
    Ok(Params {
        digest_size: digest_size as usize,
        key,
        salt,
        person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset,
        node_depth: node_depth as u8,
        inner_size: inner_size as usize,
        last_node,
    })
}

/// Each variant's objects report the digest size they were made with, so
/// each gets its own `Info`, made once per size and kept for the process.
fn sized_info(base: &'static Info, digest_size: usize) -> &'static Info {
    use std::sync::Mutex;
    static CACHE: Mutex<Vec<(&'static str, usize, &'static Info)>> = Mutex::new(Vec::new());
    if digest_size == base.digest_size {
        return base;
    }
    let mut c = CACHE.lock().unwrap();
    if let Some(&(_, _, i)) = c.iter().find(|(n, d, _)| *n == base.name && *d == digest_size) {
        return i;
    }
    let i: &'static Info = Box::leak(Box::new(Info { digest_size, ..*base }));
    c.push((base.name, digest_size, i));
    i
}

fn blake2_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let is_b = t == &raw mut BLAKE2B_TYPE;
    let (base, sz) = if is_b { (&BLAKE2B, &B_SIZES) } else { (&BLAKE2S, &S_SIZES) };
    let (v, names) = vector_args(args, kw);
    let a = crate::clinic_args(base.name, &v, names.as_ref(), NAMES, 1, 0, 1)?;
    let p = parse(base.name, sz, &a)?;
    let algo: Box<dyn Algo> = if is_b {
        let mut q = blake2b_simd::Params::new();
        q.hash_length(p.digest_size)
            .key(&p.key)
            .salt(&p.salt)
            .personal(&p.person)
            .fanout(p.fanout)
            .max_depth(p.depth)
            .max_leaf_length(p.leaf_size)
            .node_offset(p.node_offset)
            .node_depth(p.node_depth)
            .inner_hash_length(p.inner_size)
            .last_node(p.last_node);
        Box::new(q.to_state())
    } else {
        let mut q = blake2s_simd::Params::new();
        q.hash_length(p.digest_size)
            .key(&p.key)
            .salt(&p.salt)
            .personal(&p.person)
            .fanout(p.fanout)
            .max_depth(p.depth)
            .max_leaf_length(p.leaf_size)
            .node_offset(p.node_offset)
            .node_depth(p.node_depth)
            .inner_hash_length(p.inner_size)
            .last_node(p.last_node);
        Box::new(q.to_state())
    };
    // The data's type is checked before anything is hashed.
    if let Some(d) = &a[0] {
        let _: Buffer = data_view(d)?;
    }
    new_hash(sized_info(base, p.digest_size), algo, a[0].as_ref())
}
krait_runtime::new_slot!(blake2_new_slot => blake2_new);

pub fn create() -> PyResult<Obj> {
    let m = module::new("_blake2")?;
    let d = module::dict_of(&m);
    for (info, sz, prefix) in [(&BLAKE2B, &B_SIZES, "BLAKE2B"), (&BLAKE2S, &S_SIZES, "BLAKE2S")] {
        let t = init_hash_type(info, &format!("_blake2.{}", info.name), Some(blake2_new_slot))?;
        let consts = [("SALT_SIZE", sz.salt), ("PERSON_SIZE", sz.person), ("MAX_KEY_SIZE", sz.key), ("MAX_DIGEST_SIZE", sz.digest)];
        let td = type_::type_dict(type_::as_type(&t));
        for (n, v) in consts {
            dict::set_item_str(td, n, &int::from_usize(v))?;
            dict::set_item_str(&d, &format!("{}_{}", prefix, n), &int::from_usize(v))?;
        }
        type_::modified(type_::as_type(&t));
        dict::set_item_str(&d, info.name, &t)?;
    }
    Ok(m)
}
