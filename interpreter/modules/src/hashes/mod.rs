//! The builtin hash modules hashlib falls back to without OpenSSL: `_md5`,
//! `_sha1`, `_sha256`, `_sha512` (`sha2.rs`), `_sha3` and `_blake2`, over
//! RustCrypto's digests and the blake2b/blake2s_simd crates (which take
//! BLAKE2's whole parameter block).
//!
//! Every hash object has one shape: a `HashObj` state naming its static
//! `Info` (name, sizes, whether it is an extendable-output SHAKE) and the
//! running algorithm behind a mutex. Updates of more than 2 KiB copy the
//! data and hash it with the GIL released, as CPython does; the mutex keeps
//! another thread's update of the same object out meanwhile.

pub mod blake2;
pub mod md5;
pub mod sha1;
pub mod sha2;
pub mod sha3;

use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{check_nargs_named, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bytes, dict, int, str as pystr, tuple, type_};
use std::sync::Mutex;

/// CPython's HASHLIB_GIL_MINSIZE: larger updates run with the GIL released.
const GIL_MINSIZE: usize = 2048;

/// A running hash.
pub trait Algo: Send {
    fn update(&mut self, data: &[u8]);
    /// The digest of what was hashed so far (the state is not consumed);
    /// `len` is the output length of extendable-output functions.
    fn digest(&self, len: usize) -> Vec<u8>;
    fn boxed_clone(&self) -> Box<dyn Algo>;
}

/// A fixed-size RustCrypto digest.
pub struct Fixed<D>(pub D);

impl<D: digest::Digest + Clone + Send + 'static> Algo for Fixed<D> {
    fn update(&mut self, data: &[u8]) {
        digest::Digest::update(&mut self.0, data);
    }
    fn digest(&self, _len: usize) -> Vec<u8> {
        self.0.clone().finalize().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn Algo> {
        Box::new(Fixed(self.0.clone()))
    }
}

/// What a hash type is: the facts its attributes report.
pub struct Info {
    pub name: &'static str,
    pub digest_size: usize,
    pub block_size: usize,
    /// SHAKE: digest()/hexdigest() take the output length.
    pub xof: bool,
    /// SHA-3 family: `_capacity_bits`, `_rate_bits` and `_suffix` attributes.
    pub sha3_suffix: Option<u8>,
    pub ty: fn() -> *mut PyTypeObject,
}

pub struct HashObj {
    info: &'static Info,
    algo: Mutex<Box<dyn Algo>>,
}

impl State for HashObj {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

fn hash_state(o: &Obj) -> PyResult<&mut HashObj> {
    match native::state::<HashObj>(o) {
        Some(s) => Ok(s),
        None => bail!(ValueError, "hash object was cleared"),
    }
}

/// A new hash object of `info`'s type, fed `data` if given.
pub fn new_hash(info: &'static Info, algo: Box<dyn Algo>, data: Option<&Obj>) -> PyResult<Obj> {
    // The data is checked before the object exists, as CPython does.
    let view = match data {
        Some(d) => Some(data_view(d)?),
        None => None,
    };
    let o = native::alloc((info.ty)(), HashObj { info, algo: Mutex::new(algo) })?;
    if let Some(v) = view {
        feed(hash_state(&o)?, v.as_slice());
    }
    Ok(o)
}

/// CPython's GET_BUFFER_VIEW_OR_ERROUT: a one-dimensional buffer, with the
/// hash modules' own messages for str and for non-buffers.
pub fn data_view(o: &Obj) -> PyResult<Buffer> {
    if pystr::is_str(o) {
        bail!(TypeError, "Strings must be encoded before hashing");
    }
    if !buffer::has_buffer(o) {
        bail!(TypeError, "object supporting the buffer API required");
    }
    let b = Buffer::get(o, buffer::SIMPLE)?;
    if b.raw().ndim > 1 {
        bail!(BufferError, "Buffer must be single dimension");
    }
    Ok(b)
}

fn feed(h: &HashObj, data: &[u8]) {
    if data.len() >= GIL_MINSIZE {
        let copy = data.to_vec();
        let algo = &h.algo;
        krait_runtime::gil::allow_threads(move || algo.lock().unwrap().update(&copy));
    } else {
        h.algo.lock().unwrap().update(data);
    }
}

fn hash_update(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let h = hash_state(o)?;
    check_nargs_named(|| format!("{}.update", h.info.name), args, kw, 1, 1)?;
    let v = data_view(&args[0])?;
    feed(h, v.as_slice());
    Ok(krait_runtime::types::none::none())
}

fn fixed_digest(o: &Obj, args: &[Obj], kw: Option<&Obj>, name: &str) -> PyResult<Vec<u8>> {
    let h = hash_state(o)?;
    check_nargs_named(|| format!("{}.{}", h.info.name, name), args, kw, 0, 0)?;
    let d = h.algo.lock().unwrap().digest(h.info.digest_size);
    Ok(d)
}

fn to_hex(d: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

fn hash_digest(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(bytes::new(&fixed_digest(o, args, kw, "digest")?))
}

fn hash_hexdigest(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(pystr::new(&to_hex(&fixed_digest(o, args, kw, "hexdigest")?)))
}

/// The `unsigned long` converter (`_PyLong_UnsignedLong_Converter`).
pub fn unsigned_long(o: &Obj) -> PyResult<u64> {
    if int::is_int(o) && int::sign(o) < 0 {
        bail!(ValueError, "value must be positive");
    }
    if !int::is_int(o) {
        bail!(TypeError, "an integer is required");
    }
    match int::as_u64(o) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "Python int too large to convert to C unsigned long"),
    }
}

fn xof_digest(o: &Obj, args: &[Obj], kw: Option<&Obj>, name: &str) -> PyResult<Vec<u8>> {
    let h = hash_state(o)?;
    check_nargs_named(|| format!("{}.{}", h.info.name, name), args, kw, 1, 1)?;
    let n = unsigned_long(&args[0])?;
    if n >= 1 << 29 {
        bail!(ValueError, "length is too large");
    }
    let d = h.algo.lock().unwrap().digest(n as usize);
    Ok(d)
}

fn xof_hash_digest(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(bytes::new(&xof_digest(o, args, kw, "digest")?))
}

fn xof_hash_hexdigest(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(pystr::new(&to_hex(&xof_digest(o, args, kw, "hexdigest")?)))
}

fn hash_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let h = hash_state(o)?;
    if matches!(h.info.name, "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512") {
        // These take the defining class, and so CPython's clinic message.
        if !args.is_empty() {
            bail!(TypeError, "copy() takes no arguments");
        }
    } else {
        check_nargs_named(|| format!("{}.copy", h.info.name), args, kw, 0, 0)?;
    }
    let algo = h.algo.lock().unwrap().boxed_clone();
    native::alloc(o.type_ptr(), HashObj { info: h.info, algo: Mutex::new(algo) })
}

fn get_name(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(hash_state(o)?.info.name))
}

fn get_digest_size(o: &Obj) -> PyResult<Obj> {
    let i = hash_state(o)?.info;
    Ok(int::from_usize(if i.xof { 0 } else { i.digest_size }))
}

fn get_block_size(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(hash_state(o)?.info.block_size))
}

fn get_capacity_bits(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(1600 - hash_state(o)?.info.block_size * 8))
}

fn get_rate_bits(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(hash_state(o)?.info.block_size * 8))
}

fn get_suffix(o: &Obj) -> PyResult<Obj> {
    Ok(bytes::new(&[hash_state(o)?.info.sha3_suffix.unwrap_or(0)]))
}

/// Prepares `info`'s type `dotted` ("_md5.md5"); `new` makes it
/// callable (sha3, blake2), otherwise instances come from module functions.
pub fn init_hash_type(info: &'static Info, dotted: &str, new: Option<krait_runtime::object::NewFunc>) -> PyResult<Obj> {
    let t = (info.ty)();
    unsafe {
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(type_::type_obj(t));
        }
        native::init_type::<HashObj>(t, dotted, false);
        // Hash objects hold no Python references: no need for the collector.
        (*t).tp_flags &= !tpflags::HAVE_GC;
        (*t).tp_traverse = None;
        (*t).tp_clear = None;
        (*t).tp_new = new;
        if new.is_none() {
            (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        }
        let methods: &[MethodSpec] = if info.xof {
            &[
                method("copy", hash_copy),
                method("digest", xof_hash_digest),
                method("hexdigest", xof_hash_hexdigest),
                method("update", hash_update),
            ]
        } else {
            &[
                method("copy", hash_copy),
                method("digest", hash_digest),
                method("hexdigest", hash_hexdigest),
                method("update", hash_update),
            ]
        };
        (*t).tp_methods = method_table(methods);
        let mut gs = vec![
            GetSetSpec::get("block_size", get_block_size),
            GetSetSpec::get("name", get_name),
            GetSetSpec::get("digest_size", get_digest_size),
        ];
        if info.sha3_suffix.is_some() {
            gs.push(GetSetSpec::get("_capacity_bits", get_capacity_bits));
            gs.push(GetSetSpec::get("_rate_bits", get_rate_bits));
            gs.push(GetSetSpec::get("_suffix", get_suffix));
        }
        (*t).tp_getset = getset_table(&gs);
    }
    native::ready(t)
}

/// Turns a tp_new call (args tuple, kwargs dict) into the vectorcall shape
/// `clinic_args` reads: positional then keyword values, and the names.
pub fn vector_args(args: &Obj, kw: Option<&Obj>) -> (Vec<Obj>, Option<Obj>) {
    let mut v: Vec<Obj> = tuple::items(args).to_vec();
    let mut names = Vec::new();
    if let Some(k) = kw {
        for (key, val) in dict::items_vec(k) {
            names.push(key);
            v.push(val);
        }
    }
    let kwnames = if names.is_empty() { None } else { Some(tuple::from_vec(names)) };
    (v, kwnames)
}

/// The `bool` (`p`) converter.
pub fn truth(o: Option<&Obj>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(v) => krait_runtime::ops::truthy(v),
    }
}

/// The constructor functions of `_md5`, `_sha1`, `_sha256` and `_sha512`:
/// `name(string=b'', *, usedforsecurity=True)`.
pub fn construct(fname: &str, info: &'static Info, algo: Box<dyn Algo>, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args(fname, args, kw, &["string", "usedforsecurity"], 0, 0, 1)?;
    truth(a[1].as_ref(), true)?;
    new_hash(info, algo, a[0].as_ref())
}
