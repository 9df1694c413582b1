//! Hashing with CPython's results: SipHash-1-3 for str and bytes keyed like
//! CPython from PYTHONHASHSEED, and the numeric hash modulo 2**61 - 1.

use std::hash::Hasher;
use std::sync::OnceLock;

/// Modulus of numeric hashes (sys.hash_info.modulus).
pub const MODULUS: u64 = (1u64 << 61) - 1;
pub const BITS: u32 = 61;
pub const INF: isize = 314159;
pub const IMAG: isize = 1000003;

static KEYS: OnceLock<(u64, u64, u64)> = OnceLock::new();
static CONFIGURED_SEED: OnceLock<Option<u32>> = OnceLock::new();

/// The seed the executable settled on (-R, -E and PYTHONHASHSEED), set
/// before anything is hashed: None for keys from the OS. Without it,
/// PYTHONHASHSEED is read directly.
pub fn configure_seed(seed: Option<u32>) {
    let _ = CONFIGURED_SEED.set(seed);
}

/// The SipHash keys. PYTHONHASHSEED=0 disables randomization (zero keys); a
/// number seeds CPython's LCG, so the same seed gives the same hashes as
/// CPython; otherwise the keys come from the OS.
fn keys() -> (u64, u64) {
    let (k0, k1, _) = secret();
    (k0, k1)
}

/// The last 8 bytes of CPython's 24-byte hash secret, which pyexpat hands
/// to expat as its hash salt (`_Py_HashSecret.expat.hashsalt`).
pub fn expat_salt() -> u64 {
    secret().2
}

/// CPython's hash secret as three words: the SipHash keys, then the rest.
fn secret() -> (u64, u64, u64) {
    *KEYS.get_or_init(|| {
        let mut secret = [0u8; 24];
        let seed = match CONFIGURED_SEED.get() {
            Some(s) => *s,
            None => std::env::var("PYTHONHASHSEED").ok().and_then(|s| s.trim().parse::<u32>().ok()),
        };
        match seed {
            Some(0) => {}
            Some(seed) => {
                let mut x = seed;
                for b in secret.iter_mut() {
                    x = x.wrapping_mul(214013).wrapping_add(2531011);
                    *b = ((x >> 16) & 0xff) as u8;
                }
            }
            None => {
                let _ = getrandom(&mut secret);
            }
        }
        (
            u64::from_le_bytes(secret[0..8].try_into().unwrap()),
            u64::from_le_bytes(secret[8..16].try_into().unwrap()),
            u64::from_le_bytes(secret[16..24].try_into().unwrap()),
        )
    })
}

fn getrandom(buf: &mut [u8]) -> std::io::Result<()> {
    use std::io::Read;
    std::fs::File::open("/dev/urandom")?.read_exact(buf)
}

/// `_Py_HashBytes`.
pub fn hash_bytes(data: &[u8]) -> isize {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = keys();
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(data);
    let x = h.finish() as i64 as isize;
    if x == -1 {
        -2
    } else {
        x
    }
}

/// Hash of an f64, as CPython's `_Py_HashDouble` (NaN handled by the caller,
/// which hashes by identity).
pub fn hash_f64(v: f64) -> isize {
    if v.is_infinite() {
        return if v > 0.0 { INF } else { -INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let r = (x as i64) * sign;
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

/// frexp: v = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || v.is_nan() || v.is_infinite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale up first
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// `_Py_KeyedHash`: SipHash-1-3 with (key, 0), as `_imp.source_hash`
/// computes the hash of hash-based .pyc files.
pub fn keyed_hash(key: u64, data: &[u8]) -> u64 {
    let mut h = siphasher::sip::SipHasher13::new_with_keys(key, 0);
    h.write(data);
    h.finish()
}
