//! The `_random` module: `Random`, the Mersenne Twister (MT19937) that
//! `random.py` builds on, seeded and stepped exactly as CPython's so that a
//! seed gives the same sequence: an int seed is split into 32-bit words
//! (least significant first) for `init_by_array`, other objects seed by
//! their hash, and `None` by the OS's entropy.

use krait_runtime::errors::PyResult;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{check_nargs, method, method_table};
use krait_runtime::types::{dict, float, int, module, none, str as pystr, tuple, type_};
use krait_runtime::bail;
use num_bigint::{BigInt, Sign};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908b0df;
const UPPER_MASK: u32 = 0x80000000;
const LOWER_MASK: u32 = 0x7fffffff;

#[repr(C)]
struct RandomObject {
    ob_base: PyObject,
    index: i32,
    state: [u32; N],
}

static mut RANDOM_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn random_type() -> *mut PyTypeObject {
    &raw mut RANDOM_TYPE
}

fn rng(o: &Obj) -> &mut RandomObject {
    unsafe { &mut *(o.as_ptr() as *mut RandomObject) }
}

fn genrand_u32(r: &mut RandomObject) -> u32 {
    let mt = &mut r.state;
    if r.index as usize >= N {
        let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        r.index = 0;
    }
    let mut y = mt[r.index as usize];
    r.index += 1;
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >> 18;
    y
}

fn init_genrand(r: &mut RandomObject, s: u32) {
    let mt = &mut r.state;
    mt[0] = s;
    for i in 1..N {
        mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
    }
    r.index = N as i32;
}

fn init_by_array(r: &mut RandomObject, key: &[u32]) {
    init_genrand(r, 19650218);
    let mt = &mut r.state;
    let (mut i, mut j) = (1usize, 0usize);
    let mut k = N.max(key.len());
    while k > 0 {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
        k -= 1;
    }
    k = N - 1;
    while k > 0 {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        k -= 1;
    }
    mt[0] = 0x80000000;
}

/// Seeds from the OS (getrandom), or from the time and pid if that fails.
fn seed_from_system(r: &mut RandomObject) {
    let mut key = [0u32; N];
    let want = std::mem::size_of_val(&key);
    let got = unsafe { libc::getrandom(key.as_mut_ptr() as *mut libc::c_void, want, libc::GRND_NONBLOCK) };
    if got == want as isize {
        init_by_array(r, &key);
        return;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mono = {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
        (ts.tv_sec as u64).wrapping_mul(1_000_000_000).wrapping_add(ts.tv_nsec as u64)
    };
    let pid = std::process::id();
    init_by_array(r, &[now as u32, (now >> 32) as u32, pid, mono as u32, (mono >> 32) as u32]);
}

fn random_seed(o: &Obj, arg: Option<&Obj>) -> PyResult<()> {
    let arg = match arg {
        None => {
            seed_from_system(rng(o));
            return Ok(());
        }
        Some(a) if none::is_none(a) => {
            seed_from_system(rng(o));
            return Ok(());
        }
        Some(a) => a,
    };
    // An int seeds by its absolute value (int.__abs__ for subclasses, so an
    // overridden __abs__ is not consulted); anything else by its hash.
    let n: BigInt = if int::is_int(arg) {
        let v = int::to_bigint(arg);
        if v.sign() == Sign::Minus {
            -v
        } else {
            v
        }
    } else {
        let h = krait_runtime::ops::hash(arg)?;
        BigInt::from(h as usize)
    };
    let mut key: Vec<u32> = n.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    init_by_array(rng(o), &key);
    Ok(())
}

fn r_random(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Random.random", args, kw, 0, 0)?;
    let r = rng(o);
    let a = genrand_u32(r) >> 5;
    let b = genrand_u32(r) >> 6;
    Ok(float::from_f64((a as f64 * 67108864.0 + b as f64) * (1.0 / 9007199254740992.0)))
}

fn r_seed(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Random.seed", args, kw, 0, 1)?;
    random_seed(o, args.first())?;
    Ok(none::none())
}

fn r_getstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Random.getstate", args, kw, 0, 0)?;
    let r = rng(o);
    let mut v: Vec<Obj> = r.state.iter().map(|&x| int::from_u64(x as u64)).collect();
    v.push(int::from_i64(r.index as i64));
    Ok(tuple::from_vec(v))
}

/// PyLong_AsUnsignedLong: ints only, no __index__.
fn as_unsigned_long(o: &Obj) -> PyResult<u64> {
    if !int::is_int(o) {
        bail!(TypeError, "an integer is required");
    }
    if int::sign(o) < 0 {
        bail!(OverflowError, "can't convert negative value to unsigned int");
    }
    match int::as_u64(o) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "Python int too large to convert to C unsigned long"),
    }
}

fn r_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Random.setstate", args, kw, 1, 1)?;
    let st = &args[0];
    if !tuple::is_tuple(st) {
        bail!(TypeError, "state vector must be a tuple");
    }
    let items = tuple::items(st);
    if items.len() != N + 1 {
        bail!(ValueError, "state vector is the wrong size");
    }
    let mut new_state = [0u32; N];
    for (i, item) in items[..N].iter().enumerate() {
        new_state[i] = as_unsigned_long(item)? as u32;
    }
    let idx = int::index(&items[N])?;
    let index = match int::as_i64(&idx) {
        Some(v) => v,
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    };
    if index < 0 || index > N as i64 {
        bail!(ValueError, "invalid state");
    }
    let r = rng(o);
    r.index = index as i32;
    r.state = new_state;
    Ok(none::none())
}

fn r_getrandbits(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Random.getrandbits", args, kw, 1, 1)?;
    if float::is_float(&args[0]) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let k = int::as_c_int(&int::index(&args[0])?)?;
    if k < 0 {
        bail!(ValueError, "number of bits must be non-negative");
    }
    let r = rng(o);
    if k == 0 {
        return Ok(int::from_i64(0));
    }
    if k <= 32 {
        return Ok(int::from_u64((genrand_u32(r) >> (32 - k)) as u64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut w = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut x = genrand_u32(r);
        if left < 32 {
            x >>= 32 - left;
        }
        w.push(x);
        left -= 32;
    }
    Ok(int::from_bigint(&BigInt::from_slice(Sign::Plus, &w)))
}

fn r_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let init_addr = |f: Option<krait_runtime::object::InitProc>| f.map(|f| f as usize);
    let plain_init = o.is_type(random_type()) || init_addr(o.ty().tp_init) == init_addr(unsafe { RANDOM_TYPE.tp_init });
    if plain_init && kwargs.map_or(false, |k| dict::len(k) > 0) {
        bail!(TypeError, "Random() takes no keyword arguments");
    }
    let items = tuple::items(args);
    if items.len() > 1 {
        bail!(TypeError, "Random() requires 0 or 1 argument");
    }
    random_seed(o, items.first())
}
krait_runtime::init_slot!(r_init_slot => r_init);

fn init_types() -> PyResult<()> {
    unsafe {
        let t = random_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        type_::init_static(t, "_random.Random", std::mem::size_of::<RandomObject>(), 0);
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_new = Some(type_::generic_new);
        (*t).tp_alloc = Some(type_::generic_alloc);
        (*t).tp_init = Some(r_init_slot);
        (*t).tp_doc = krait_runtime::types::builtin_func::cstr(
            "Random() -> create a random number generator with its own internal state.",
        );
        (*t).tp_methods = method_table(&[
            method("random", r_random),
            method("seed", r_seed),
            method("getstate", r_getstate),
            method("setstate", r_setstate),
            method("getrandbits", r_getrandbits),
        ]);
        type_::ready(t)?;
        dict::set_item_str(type_::type_dict(t), "__module__", &pystr::new("_random"))?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_random")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new("Module implements the Mersenne Twister random number generator."))?;
    dict::set_item_str(&d, "Random", &type_::type_obj(random_type()))?;
    Ok(m)
}
