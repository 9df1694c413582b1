//! `int`: CPython 3.11's PyLongObject (30-bit digits, sign in `ob_size`),
//! the small-int cache, arithmetic with i64 fast paths and num-bigint
//! beyond, `int()` construction and the int methods.

use crate::errors::{PyErr, PyResult};
use crate::object::{alloc, tpflags, Obj, PyNumberMethods, PyObject, PyTypeObject, PyVarObject};
use crate::types::builtin_func::{classmethod, method_table, parse_args, check_nargs, RustMethod};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::none::{none, not_implemented};
use crate::types::numeric::format_spec::{self, bigint_to_f64, FormatError};
use crate::types::numeric::parse::{parse_int, IntParseError, DEFAULT_MAX_STR_DIGITS};
use crate::types::{str as pystr, tuple};
use krait_bytecode::CompareOp;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const SHIFT: u32 = 30;
pub const MASK: u32 = (1 << SHIFT) - 1;

/// CPython's PyLongObject: `ob_size` digits follow the header (at least one
/// is allocated, so `ob_digit[0]` is always readable).
#[repr(C)]
pub struct PyLongObject {
    pub ob_base: PyVarObject,
    pub ob_digit: [u32; 1],
}

#[no_mangle]
pub static mut PyLong_Type: PyTypeObject = PyTypeObject::EMPTY;

static mut LONG_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;

/// `sys.get_int_max_str_digits()` (0 = no limit); `sys` sets it.
pub static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

const NSMALLNEG: i64 = 5;
const NSMALLPOS: i64 = 257;
static mut SMALL_INTS: [*mut PyObject; (NSMALLNEG + NSMALLPOS) as usize] =
    [std::ptr::null_mut(); (NSMALLNEG + NSMALLPOS) as usize];

#[inline]
pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyLong_Type
}

/// PyLong_Check: int or a subclass (bool included).
#[inline]
pub fn is_int(o: &Obj) -> bool {
    o.ty().has_flag(tpflags::LONG_SUBCLASS)
}

#[inline]
pub fn is_exact_int(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

/// The int number-methods table (bool copies it).
pub fn number_methods() -> *mut PyNumberMethods {
    &raw mut LONG_NUMBER
}

// ---------------------------------------------------------------------------
// Raw representation.

#[inline]
fn ob_size(o: &Obj) -> isize {
    unsafe { o.cast::<PyVarObject>().ob_size }
}

#[inline]
fn digits(o: &Obj) -> &[u32] {
    unsafe {
        let n = ob_size(o).unsigned_abs();
        std::slice::from_raw_parts((o.as_ptr() as *const u8).add(24) as *const u32, n)
    }
}

/// Allocates an instance of `tp` with room for `n` digits (at least one).
/// Freed exact one- and two-digit ints kept for reuse (index = digit
/// count): loops that make and drop ints then skip the allocator. A block
/// goes back on the list for the digit count it has when freed, which never
/// exceeds the count it was allocated with.
const INT_FREE_MAX: usize = 100;
struct IntFreeList {
    items: [[*mut PyObject; INT_FREE_MAX]; 3],
    len: [usize; 3],
}
// SAFETY: only touched under the GIL.
static mut INT_FREE: IntFreeList = IntFreeList { items: [[std::ptr::null_mut(); INT_FREE_MAX]; 3], len: [0; 3] };

unsafe fn alloc_long(tp: *mut PyTypeObject, n: usize) -> *mut PyObject {
    if tp == type_ptr() && (n == 1 || n == 2) {
        let fl = &mut *(&raw mut INT_FREE);
        if fl.len[n] > 0 {
            fl.len[n] -= 1;
            let p = fl.items[n][fl.len[n]];
            (*p).ob_refcnt = 1;
            (*p).ob_type = tp;
            (*(p as *mut PyVarObject)).ob_size = n as isize;
            return p;
        }
    }
    let p = match (*tp).tp_alloc {
        Some(a) if tp != type_ptr() => a(tp, n.max(1) as isize),
        _ => alloc::alloc_object(tp, n.max(1) as isize),
    };
    if p.is_null() {
        return p;
    }
    (*(p as *mut PyVarObject)).ob_size = n as isize;
    p
}

unsafe fn write_digits(p: *mut PyObject, ds: &[u32], neg: bool) {
    let dst = (p as *mut u8).add(24) as *mut u32;
    for (i, d) in ds.iter().enumerate() {
        *dst.add(i) = *d;
    }
    let n = ds.len() as isize;
    (*(p as *mut PyVarObject)).ob_size = if neg { -n } else { n };
}

fn u64_digits(mut m: u64) -> ([u32; 3], usize) {
    let mut out = [0u32; 3];
    let mut n = 0;
    while m != 0 {
        out[n] = (m as u32) & MASK;
        m >>= SHIFT;
        n += 1;
    }
    (out, n)
}

fn biguint_digits(m: &BigUint) -> Vec<u32> {
    let mut out = Vec::with_capacity((m.bits() as usize).div_ceil(30));
    let mut acc: u64 = 0;
    let mut bits = 0u32;
    for w in m.iter_u32_digits() {
        acc |= (w as u64) << bits;
        bits += 32;
        while bits >= SHIFT {
            out.push((acc as u32) & MASK);
            acc >>= SHIFT;
            bits -= SHIFT;
        }
    }
    if bits > 0 {
        out.push(acc as u32);
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

fn digits_biguint(ds: &[u32]) -> BigUint {
    let mut words = Vec::with_capacity(ds.len() * 30 / 32 + 1);
    let mut acc: u64 = 0;
    let mut bits = 0u32;
    for d in ds {
        acc |= (*d as u64) << bits;
        bits += SHIFT;
        while bits >= 32 {
            words.push(acc as u32);
            acc >>= 32;
            bits -= 32;
        }
    }
    if bits > 0 {
        words.push(acc as u32);
    }
    BigUint::new(words)
}

fn new_from_u64(tp: *mut PyTypeObject, mag: u64, neg: bool) -> Obj {
    let (ds, n) = u64_digits(mag);
    unsafe {
        let p = alloc_long(tp, n);
        write_digits(p, &ds[..n], neg);
        Obj::from_owned(p)
    }
}

pub fn from_i64(v: i64) -> Obj {
    if (-NSMALLNEG..NSMALLPOS).contains(&v) {
        unsafe {
            let p = (&raw const SMALL_INTS).cast::<*mut PyObject>().add((v + NSMALLNEG) as usize).read();
            if !p.is_null() {
                return Obj::from_borrowed(p);
            }
        }
    }
    new_from_u64(type_ptr(), v.unsigned_abs(), v < 0)
}

pub fn from_u64(v: u64) -> Obj {
    if v < NSMALLPOS as u64 {
        return from_i64(v as i64);
    }
    new_from_u64(type_ptr(), v, false)
}

pub fn from_usize(v: usize) -> Obj {
    from_u64(v as u64)
}

pub fn from_i128(v: i128) -> Obj {
    if let Ok(x) = i64::try_from(v) {
        return from_i64(x);
    }
    from_bigint(&BigInt::from(v))
}

pub fn from_bool_value(b: bool) -> Obj {
    from_i64(b as i64)
}

pub fn from_bigint(v: &BigInt) -> Obj {
    if let Some(x) = v.to_i64() {
        return from_i64(x);
    }
    new_big(type_ptr(), v)
}

fn new_big(tp: *mut PyTypeObject, v: &BigInt) -> Obj {
    let ds = biguint_digits(v.magnitude());
    unsafe {
        let p = alloc_long(tp, ds.len());
        write_digits(p, &ds, v.sign() == Sign::Minus);
        Obj::from_owned(p)
    }
}

/// An instance of an int subclass `tp` with value `v`.
pub fn new_int_subtype(tp: *mut PyTypeObject, v: &BigInt) -> PyResult<Obj> {
    if tp == type_ptr() {
        return Ok(from_bigint(v));
    }
    let ds = biguint_digits(v.magnitude());
    unsafe {
        let p = alloc_long(tp, ds.len());
        if p.is_null() {
            return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
        }
        write_digits(p, &ds, v.sign() == Sign::Minus);
        Ok(Obj::from_owned(p))
    }
}

/// The value when it has at most two digits (|v| < 2**60).
#[inline]
fn small(o: &Obj) -> Option<i64> {
    let n = ob_size(o);
    let ds = digits(o);
    let m = match n.unsigned_abs() {
        0 => return Some(0),
        1 => ds[0] as i64,
        2 => ds[0] as i64 | ((ds[1] as i64) << SHIFT),
        _ => return None,
    };
    Some(if n < 0 { -m } else { m })
}

/// The value of an int (or int subclass).
pub fn to_bigint(o: &Obj) -> BigInt {
    if let Some(v) = small(o) {
        return BigInt::from(v);
    }
    let m = digits_biguint(digits(o));
    BigInt::from_biguint(if ob_size(o) < 0 { Sign::Minus } else { Sign::Plus }, m)
}

/// The value if it fits an i64.
pub fn as_i64(o: &Obj) -> Option<i64> {
    if let Some(v) = small(o) {
        return Some(v);
    }
    if ob_size(o).unsigned_abs() > 3 {
        return None;
    }
    let ds = digits(o);
    let m = ds[0] as i128 | ((ds[1] as i128) << 30) | ((ds[2] as i128) << 60);
    let v = if ob_size(o) < 0 { -m } else { m };
    i64::try_from(v).ok()
}

pub fn as_u64(o: &Obj) -> Option<u64> {
    if ob_size(o) < 0 {
        return None;
    }
    to_bigint(o).to_u64()
}

/// PyLong_AsSsize_t.
pub fn as_isize_or_overflow(o: &Obj) -> PyResult<isize> {
    match as_i64(o) {
        Some(v) => Ok(v as isize),
        None => crate::bail!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

/// _PyLong_AsInt: a C int, or OverflowError.
pub fn as_c_int(o: &Obj) -> PyResult<i32> {
    match as_i64(o).and_then(|v| i32::try_from(v).ok()) {
        Some(v) => Ok(v),
        None => crate::bail!(OverflowError, "Python int too large to convert to C int"),
    }
}

/// Sign: -1, 0 or 1.
pub fn sign(o: &Obj) -> i32 {
    ob_size(o).signum() as i32
}

pub fn is_zero(o: &Obj) -> bool {
    ob_size(o) == 0
}

/// int -> f64, correctly rounded; OverflowError when too large.
pub fn to_f64(o: &Obj) -> PyResult<f64> {
    if let Some(v) = small(o) {
        return Ok(v as f64);
    }
    match bigint_to_f64(&to_bigint(o)) {
        Some(f) => Ok(f),
        None => crate::bail!(OverflowError, "int too large to convert to float"),
    }
}

/// An exact int with the value of an int subclass instance (`_PyLong_Copy`).
pub fn exact(o: &Obj) -> Obj {
    if is_exact_int(o) {
        o.clone()
    } else {
        from_bigint(&to_bigint(o))
    }
}

#[cold]
fn warn_subclass(what: &str, r: &Obj) -> PyResult<()> {
    crate::errors::warn(
        crate::types::exceptions::DeprecationWarning(),
        &format!(
            "{} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
            what,
            r.ty().name()
        ),
    )
}

/// `_PyNumber_Index`: an int (subclasses kept) through `__index__`.
pub fn index_raw(o: &Obj) -> PyResult<Obj> {
    if is_int(o) {
        return Ok(o.clone());
    }
    unsafe {
        let nb = o.ty().tp_as_number;
        if !nb.is_null() {
            if let Some(f) = (*nb).nb_index {
                let r = crate::types::slots::from_ret(f(o.as_ptr()))?;
                if is_exact_int(&r) {
                    return Ok(r);
                }
                if !is_int(&r) {
                    crate::bail!(TypeError, "__index__ returned non-int (type {})", r.ty().name());
                }
                warn_subclass("__index__", &r)?;
                return Ok(r);
            }
        }
    }
    crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name())
}

/// `operator.index` / PyNumber_Index: an exact int through `__index__`.
pub fn index(o: &Obj) -> PyResult<Obj> {
    let r = index_raw(o)?;
    Ok(exact(&r))
}

/// `__index__` then PyLong_AsSsize_t ("Python int too large to convert to
/// C ssize_t"), as argument-clinic Py_ssize_t parameters convert.
pub fn index_isize(o: &Obj) -> PyResult<isize> {
    as_isize_or_overflow(&index_raw(o)?)
}

/// PyNumber_AsSsize_t(o, OverflowError): `__index__`, and an OverflowError
/// "cannot fit 'int' into an index-sized integer" when out of range.
pub fn number_as_ssize(o: &Obj) -> PyResult<isize> {
    let i = index_raw(o)?;
    match as_i64(&i) {
        Some(v) => Ok(v as isize),
        None => crate::bail!(OverflowError, "cannot fit '{}' into an index-sized integer", o.ty().name()),
    }
}

// ---------------------------------------------------------------------------
// Arithmetic.

fn both(a: &Obj, b: &Obj) -> bool {
    is_int(a) && is_int(b)
}

macro_rules! need_ints {
    ($a:expr, $b:expr) => {
        if !both($a, $b) {
            return Ok(not_implemented());
        }
    };
}

pub fn add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Ok(from_i64(x + y));
    }
    Ok(from_bigint(&(to_bigint(a) + to_bigint(b))))
}

pub fn sub(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Ok(from_i64(x - y));
    }
    Ok(from_bigint(&(to_bigint(a) - to_bigint(b))))
}

pub fn mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Ok(from_i128(x as i128 * y as i128));
    }
    Ok(from_bigint(&(to_bigint(a) * to_bigint(b))))
}

fn zero_div_mod() -> PyErr {
    crate::raise!(ZeroDivisionError, "integer division or modulo by zero")
}

pub fn floordiv(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if is_zero(b) {
        return Err(zero_div_mod());
    }
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Ok(from_i64(Integer::div_floor(&x, &y)));
    }
    Ok(from_bigint(&to_bigint(a).div_floor(&to_bigint(b))))
}

pub fn modulo(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if is_zero(b) {
        crate::bail!(ZeroDivisionError, "integer modulo by zero");
    }
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Ok(from_i64(x.mod_floor(&y)));
    }
    Ok(from_bigint(&to_bigint(a).mod_floor(&to_bigint(b))))
}

pub fn divmod(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if is_zero(b) {
        return Err(zero_div_mod());
    }
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        let (q, r) = x.div_mod_floor(&y);
        return Ok(tuple::new(&[from_i64(q), from_i64(r)]));
    }
    let (q, r) = to_bigint(a).div_mod_floor(&to_bigint(b));
    Ok(tuple::new(&[from_bigint(&q), from_bigint(&r)]))
}

/// x * 2**e, exact whenever the result is representable.
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// Correctly rounded a / b for ints (CPython's long_true_divide).
pub fn true_divide_big(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        crate::bail!(ZeroDivisionError, "division by zero");
    }
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    if a.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let n = a.magnitude();
    let d = b.magnitude();
    if n.bits() <= 53 && d.bits() <= 53 {
        let r = n.to_u64().unwrap() as f64 / d.to_u64().unwrap() as f64;
        return Ok(if neg { -r } else { r });
    }
    let e = n.bits() as i64 - d.bits() as i64;
    if e > 1025 {
        crate::bail!(OverflowError, "integer division result too large for a float");
    }
    if e < -1080 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    // Quotient q = floor(n / (d * 2**l)) with ~55 bits, remainder r.
    let l = (e - 55).max(-1074);
    let (num, den) = if l < 0 { (n << ((-l) as usize), d.clone()) } else { (n.clone(), d << (l as usize)) };
    let (mut q, r) = num.div_rem(&den);
    let mut l = l;
    let extra = q.bits() as i64 - 53;
    if extra > 0 {
        let k = extra as usize;
        let dropped = &q & ((BigUint::one() << k) - 1u32);
        let half = BigUint::one() << (k - 1);
        q >>= k;
        l += extra;
        let up = dropped > half || (dropped == half && (!r.is_zero() || q.bit(0)));
        if up {
            q += 1u32;
        }
    } else {
        let twice: BigUint = &r << 1;
        if twice > den || (twice == den && q.bit(0)) {
            q += 1u32;
        }
    }
    let qf = q.to_u64().unwrap() as f64;
    let v = ldexp(qf, l);
    if v.is_infinite() {
        crate::bail!(OverflowError, "integer division result too large for a float");
    }
    Ok(if neg { -v } else { v })
}

pub fn truediv(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        if y == 0 {
            crate::bail!(ZeroDivisionError, "division by zero");
        }
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(crate::types::float::from_f64(x as f64 / y as f64));
        }
    }
    Ok(crate::types::float::from_f64(true_divide_big(&to_bigint(a), &to_bigint(b))?))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    // Extended Euclid over |m|.
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r != BigInt::one() {
        return None;
    }
    Some(old_s.mod_floor(m))
}

pub fn power(a: &Obj, b: &Obj, c: Option<&Obj>) -> PyResult<Obj> {
    need_ints!(a, b);
    let c = c.filter(|c| !crate::types::none::is_none(c));
    if let Some(c) = c {
        if !is_int(c) {
            return Ok(not_implemented());
        }
        let m = to_bigint(c);
        if m.is_zero() {
            crate::bail!(ValueError, "pow() 3rd argument cannot be 0");
        }
        let mabs = m.abs();
        let mut base = to_bigint(a);
        let mut e = to_bigint(b);
        if e.is_negative() {
            match mod_inverse(&base, &mabs) {
                Some(inv) => base = inv,
                None => crate::bail!(ValueError, "base is not invertible for the given modulus"),
            }
            e = -e;
        }
        let mut r = if mabs.is_one() { BigInt::zero() } else { base.mod_floor(&mabs).modpow(&e, &mabs) };
        if m.is_negative() && !r.is_zero() {
            r -= &mabs;
        }
        return Ok(from_bigint(&r));
    }
    if sign(b) < 0 {
        let x = to_f64(a)?;
        let y = to_f64(b)?;
        return crate::types::float::float_pow_values(x, y);
    }
    let base = to_bigint(a);
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        if let Ok(y32) = u32::try_from(y) {
            if let Some(r) = x.checked_pow(y32) {
                return Ok(from_i64(r));
            }
        }
    }
    if base.is_zero() || base.is_one() {
        return Ok(from_bigint(&base));
    }
    if base == BigInt::from(-1) {
        return Ok(from_i64(if to_bigint(b).is_even() { 1 } else { -1 }));
    }
    let e = match as_i64(b).and_then(|e| usize::try_from(e).ok()) {
        Some(e) if (base.bits() as u128) * (e as u128) < (1u128 << 40) => e,
        _ => return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError())),
    };
    Ok(from_bigint(&num_traits::pow(base, e)))
}

pub fn neg(a: &Obj) -> PyResult<Obj> {
    if let Some(x) = small(a) {
        return Ok(from_i64(-x));
    }
    Ok(from_bigint(&-to_bigint(a)))
}

pub fn pos(a: &Obj) -> PyResult<Obj> {
    Ok(exact(a))
}

pub fn abs(a: &Obj) -> PyResult<Obj> {
    if sign(a) < 0 {
        neg(a)
    } else {
        Ok(exact(a))
    }
}

pub fn nonzero(a: &Obj) -> PyResult<bool> {
    Ok(!is_zero(a))
}

pub fn invert(a: &Obj) -> PyResult<Obj> {
    if let Some(x) = small(a) {
        return Ok(from_i64(!x));
    }
    Ok(from_bigint(&(-to_bigint(a) - 1)))
}

pub fn lshift(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if sign(b) < 0 {
        crate::bail!(ValueError, "negative shift count");
    }
    if is_zero(a) {
        return Ok(from_i64(0));
    }
    let n = match as_i64(b) {
        Some(n) if n < (1 << 40) => n as usize,
        _ => crate::bail!(OverflowError, "too many digits in integer"),
    };
    if let Some(x) = small(a) {
        if n < 63 {
            return Ok(from_i128((x as i128) << n));
        }
    }
    Ok(from_bigint(&(to_bigint(a) << n)))
}

pub fn rshift(a: &Obj, b: &Obj) -> PyResult<Obj> {
    need_ints!(a, b);
    if sign(b) < 0 {
        crate::bail!(ValueError, "negative shift count");
    }
    let n = match as_i64(b) {
        Some(n) => n as u64,
        None => return Ok(from_i64(if sign(a) < 0 { -1 } else { 0 })),
    };
    if let Some(x) = small(a) {
        return Ok(from_i64(x >> n.min(63)));
    }
    let v = to_bigint(a);
    if n >= v.bits() {
        return Ok(from_i64(if v.is_negative() { -1 } else { 0 }));
    }
    // Floor division by 2**n.
    Ok(from_bigint(&v.div_floor(&(BigInt::one() << n as usize))))
}

macro_rules! bitop {
    ($name:ident, $op:tt) => {
        pub fn $name(a: &Obj, b: &Obj) -> PyResult<Obj> {
            need_ints!(a, b);
            if let (Some(x), Some(y)) = (small(a), small(b)) {
                return Ok(from_i64(x $op y));
            }
            Ok(from_bigint(&(to_bigint(a) $op to_bigint(b))))
        }
    };
}
bitop!(and, &);
bitop!(or, |);
bitop!(xor, ^);

pub fn int_(a: &Obj) -> PyResult<Obj> {
    Ok(exact(a))
}

pub fn float_(a: &Obj) -> PyResult<Obj> {
    Ok(crate::types::float::from_f64(to_f64(a)?))
}

/// Three-way comparison of two ints.
pub fn cmp(a: &Obj, b: &Obj) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return x.cmp(&y);
    }
    to_bigint(a).cmp(&to_bigint(b))
}

pub fn op_result(ord: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    }
}

pub fn richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !both(a, b) {
        return Ok(not_implemented());
    }
    Ok(crate::types::bool_::from_bool(op_result(cmp(a, b), op)))
}

/// The numeric hash of an integer value.
pub fn hash_bigint(v: &BigInt) -> isize {
    let m = BigInt::from(crate::hash::MODULUS);
    let r = (v.abs() % &m).to_i64().unwrap();
    let r = if v.is_negative() { -r } else { r };
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

pub fn hash_i64(v: i64) -> isize {
    let m = crate::hash::MODULUS as i64;
    let r = if v < 0 { -((v.unsigned_abs() % m as u64) as i64) } else { v % m };
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

pub fn hash(a: &Obj) -> PyResult<isize> {
    if let Some(x) = as_i64(a) {
        return Ok(hash_i64(x));
    }
    Ok(hash_bigint(&to_bigint(a)))
}

fn limit_error() -> PyErr {
    crate::raise!(
        ValueError,
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS.load(Ordering::Relaxed)
    )
}

/// Decimal text of an int, with the str-digits limit.
pub fn to_decimal_string(v: &BigInt) -> PyResult<String> {
    let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
    if limit > 0 {
        let bits = v.bits();
        if bits as f64 * std::f64::consts::LOG10_2 > limit as f64 + 2.0 {
            return Err(limit_error());
        }
    }
    let s = v.to_string();
    if limit > 0 && s.trim_start_matches('-').len() > limit {
        return Err(limit_error());
    }
    Ok(s)
}

pub fn repr_string(a: &Obj) -> PyResult<String> {
    if let Some(x) = as_i64(a) {
        return Ok(x.to_string());
    }
    to_decimal_string(&to_bigint(a))
}

pub fn repr(a: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&repr_string(a)?))
}

crate::binary_slot!(add_slot => add);
crate::binary_slot!(sub_slot => sub);
crate::binary_slot!(mul_slot => mul);
crate::binary_slot!(floordiv_slot => floordiv);
crate::binary_slot!(mod_slot => modulo);
crate::binary_slot!(divmod_slot => divmod);
crate::binary_slot!(truediv_slot => truediv);
crate::ternary_slot!(pow_slot => power);
crate::unary_slot!(neg_slot => neg);
crate::unary_slot!(pos_slot => pos);
crate::unary_slot!(abs_slot => abs);
crate::inquiry_slot!(bool_slot => nonzero);
crate::unary_slot!(invert_slot => invert);
crate::binary_slot!(lshift_slot => lshift);
crate::binary_slot!(rshift_slot => rshift);
crate::binary_slot!(and_slot => and);
crate::binary_slot!(or_slot => or);
crate::binary_slot!(xor_slot => xor);
crate::unary_slot!(int_slot => int_);
crate::unary_slot!(float_slot => float_);
crate::richcmp_slot!(richcmp_slot => richcompare);
crate::hash_slot!(hash_slot => hash);
crate::unary_slot!(repr_slot => repr);
crate::new_slot!(new_slot => long_new);

// ---------------------------------------------------------------------------
// Fast paths for the evaluation loop: None when an operand is not an exact int.

macro_rules! fast_binop {
    ($name:ident, $f:ident) => {
        #[inline]
        pub fn $name(a: &Obj, b: &Obj) -> Option<PyResult<Obj>> {
            if is_exact_int(a) && is_exact_int(b) {
                Some($f(a, b))
            } else {
                None
            }
        }
    };
}
fast_binop!(add_fast, add);
fast_binop!(sub_fast, sub);
fast_binop!(mul_fast, mul);
fast_binop!(floordiv_fast, floordiv);
fast_binop!(mod_fast, modulo);
fast_binop!(truediv_fast, truediv);
fast_binop!(lshift_fast, lshift);
fast_binop!(rshift_fast, rshift);
fast_binop!(and_fast, and);
fast_binop!(or_fast, or);
fast_binop!(xor_fast, xor);

macro_rules! fast_cmp {
    ($name:ident, $op:expr) => {
        #[inline]
        pub fn $name(a: &Obj, b: &Obj) -> Option<bool> {
            if is_exact_int(a) && is_exact_int(b) {
                Some(op_result(cmp(a, b), $op))
            } else {
                None
            }
        }
    };
}
fast_cmp!(lt_fast, CompareOp::Lt);
fast_cmp!(le_fast, CompareOp::Le);
fast_cmp!(eq_fast, CompareOp::Eq);
fast_cmp!(ne_fast, CompareOp::Ne);
fast_cmp!(gt_fast, CompareOp::Gt);
fast_cmp!(ge_fast, CompareOp::Ge);

/// Compare fast path for any operator.
#[inline]
pub fn compare_fast(a: &Obj, b: &Obj, op: CompareOp) -> Option<bool> {
    if is_exact_int(a) && is_exact_int(b) {
        Some(op_result(cmp(a, b), op))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// int(x=0, base=10)

/// Calls a special method looked up on the type (not the instance);
/// None when the type does not define it.
pub(crate) fn call_special(o: &Obj, name: &str) -> PyResult<Option<Obj>> {
    let f = match crate::types::type_::lookup_str(o.type_ptr(), name) {
        Some(f) => f,
        None => return Ok(None),
    };
    let bound = unsafe {
        match f.ty().tp_descr_get {
            Some(get) => crate::types::slots::from_ret(get(f.as_ptr(), o.as_ptr(), o.type_ptr() as *mut PyObject))?,
            None => f,
        }
    };
    crate::ops::call::call(&bound, &[], None).map(Some)
}

/// PyObject_Bytes: a bytes-like object's data, `__bytes__`, or an iterable
/// of ints in range(256) (str and non-iterables are refused).
fn object_bytes(src: &Obj) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(src) {
        return Ok(b);
    }
    if let Some(r) = call_special(src, "__bytes__")? {
        return match crate::types::bytes::as_slice_opt(&r) {
            Some(b) => Ok(b.to_vec()),
            None => crate::bail!(TypeError, "__bytes__ returned non-bytes (type {})", r.ty().name()),
        };
    }
    let refuse = || crate::raise!(TypeError, "cannot convert '{}' object to bytes", src.ty().name());
    if pystr::is_str(src) {
        return Err(refuse());
    }
    let it = crate::ops::iter(src).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            refuse()
        } else {
            e
        }
    })?;
    let mut v = Vec::new();
    while let Some(item) = crate::ops::next(&it)? {
        let i = number_as_ssize(&item)?;
        if !(0..256).contains(&i) {
            crate::bail!(ValueError, "bytes must be in range(0, 256)");
        }
        v.push(i as u8);
    }
    Ok(v)
}

/// Bytes of a bytes or bytearray object.
pub(crate) fn bytes_like(o: &Obj) -> Option<Vec<u8>> {
    if let Some(b) = crate::types::bytes::as_slice_opt(o) {
        return Some(b.to_vec());
    }
    crate::types::bytearray_view(o)
}

fn invalid_literal(base: u32, original: &Obj) -> PyErr {
    let r = match crate::ops::repr_string(original) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let r: String = if r.chars().count() > 200 { r.chars().take(200).collect() } else { r };
    crate::raise!(ValueError, "invalid literal for int() with base {}: {}", base, r)
}

/// Parses `text` (the str or bytes `original` decoded) as an int literal.
fn parse_literal(text: &str, base: u32, original: &Obj) -> PyResult<BigInt> {
    match parse_int(text, base, MAX_STR_DIGITS.load(Ordering::Relaxed)) {
        Ok(v) => Ok(v),
        Err(IntParseError::Invalid) => Err(invalid_literal(base, original)),
        Err(IntParseError::TooManyDigits(n)) => crate::bail!(
            ValueError,
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            MAX_STR_DIGITS.load(Ordering::Relaxed),
            n
        ),
    }
}

/// `int(s, base)` for a str/bytes/bytearray argument; None if `x` is none of those.
pub fn from_string_obj(x: &Obj, base: u32) -> PyResult<Option<BigInt>> {
    if pystr::is_str(x) {
        let s = pystr::to_string_lossy(x);
        if s.contains('\0') {
            return Err(invalid_literal(base, x));
        }
        return parse_literal(&s, base, x).map(Some);
    }
    if let Some(b) = bytes_like(x) {
        let s = match std::str::from_utf8(&b) {
            Ok(s) if s.is_ascii() => s.to_string(),
            _ => return Err(invalid_literal(base, x)),
        };
        return parse_literal(&s, base, x).map(Some);
    }
    Ok(None)
}

/// PyNumber_Long: `int(x)`.
pub fn number_long(x: &Obj) -> PyResult<Obj> {
    if is_exact_int(x) {
        return Ok(x.clone());
    }
    unsafe {
        let nb = x.ty().tp_as_number;
        if !nb.is_null() {
            if let Some(f) = (*nb).nb_int {
                let r = crate::types::slots::from_ret(f(x.as_ptr()))?;
                if is_exact_int(&r) {
                    return Ok(r);
                }
                if !is_int(&r) {
                    crate::bail!(TypeError, "__int__ returned non-int (type {})", r.ty().name());
                }
                warn_subclass("__int__", &r)?;
                return Ok(exact(&r));
            }
            if (*nb).nb_index.is_some() {
                return index(x);
            }
        }
    }
    if crate::types::type_::lookup_str(x.type_ptr(), "__trunc__").is_some() {
        crate::errors::warn(
            crate::types::exceptions::DeprecationWarning(),
            "The delegation of int() to __trunc__ is deprecated.",
        )?;
        let r = call_special(x, "__trunc__")?.unwrap();
        if is_int(&r) {
            return Ok(exact(&r));
        }
        let has_index = unsafe {
            let nb = r.ty().tp_as_number;
            !nb.is_null() && (*nb).nb_index.is_some()
        };
        if !has_index {
            crate::bail!(TypeError, "__trunc__ returned non-Integral (type {})", r.ty().name());
        }
        return index(&r);
    }
    if let Some(v) = from_string_obj(x, 10)? {
        return Ok(from_bigint(&v));
    }
    crate::bail!(
        TypeError,
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.ty().name()
    )
}

fn long_new(tp: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let pos = tuple::items(args);
    if pos.len() > 2 {
        crate::bail!(TypeError, "int() takes at most 2 arguments ({} given)", pos.len());
    }
    let mut x = pos.first().cloned();
    let mut base = pos.get(1).cloned();
    if let Some(kw) = kwargs {
        for (k, v) in crate::types::dict::items_vec(kw) {
            let name = pystr::to_string_lossy(&k);
            if name == "base" && base.is_none() {
                base = Some(v);
            } else if name == "base" {
                crate::bail!(TypeError, "argument for int() given by name ('base') and position (2)");
            } else {
                crate::bail!(TypeError, "'{}' is an invalid keyword argument for int()", name);
            }
        }
    }
    let value: BigInt = match (x.take(), base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => crate::bail!(TypeError, "int() missing string argument"),
        (Some(x), None) => {
            let r = number_long(&x)?;
            if tp == type_ptr() {
                return Ok(r);
            }
            to_bigint(&r)
        }
        (Some(x), Some(b)) => {
            let b = index_raw(&b)?;
            let b = as_i64(&b).unwrap_or(-1);
            if b != 0 && !(2..=36).contains(&b) {
                crate::bail!(ValueError, "int() base must be >= 2 and <= 36, or 0");
            }
            // With a base only str, bytes and bytearray are parsed (not other buffers).
            let stringish = pystr::is_str(&x) || crate::types::bytes::is_bytes(&x) || crate::types::bytearray::is_bytearray(&x);
            match if stringish { from_string_obj(&x, b as u32)? } else { None } {
                Some(v) => v,
                None => crate::bail!(TypeError, "int() can't convert non-string with explicit base"),
            }
        }
    };
    new_int_subtype(tp, &value)
}

// ---------------------------------------------------------------------------
// Methods.

fn m_conjugate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.conjugate", args, kw, 0, 0)?;
    Ok(exact(slf))
}

fn m_bit_length(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.bit_length", args, kw, 0, 0)?;
    if let Some(x) = small(slf) {
        return Ok(from_u64(64 - x.unsigned_abs().leading_zeros() as u64));
    }
    Ok(from_u64(to_bigint(slf).bits()))
}

fn m_bit_count(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.bit_count", args, kw, 0, 0)?;
    let n: u64 = digits(slf).iter().map(|d| d.count_ones() as u64).sum();
    Ok(from_u64(n))
}

/// The byteorder argument of `fname` (to_bytes/from_bytes): true = little.
fn byteorder_arg(fname: &str, o: Option<&Obj>) -> PyResult<bool> {
    match o {
        None => Ok(false),
        Some(o) => {
            if !pystr::is_str(o) {
                crate::bail!(
                    TypeError,
                    "{}() argument 'byteorder' must be str, not {}",
                    fname,
                    if crate::types::none::is_none(o) { "None".to_string() } else { o.ty().name().to_string() }
                );
            }
            match pystr::to_string_lossy(o).as_str() {
                "little" => Ok(true),
                "big" => Ok(false),
                _ => crate::bail!(ValueError, "byteorder must be either 'little' or 'big'"),
            }
        }
    }
}

fn kwonly_positional_check(fname: &str, args: &[Obj], kw: Option<&Obj>, max: usize) -> PyResult<()> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos > max {
        crate::bail!(
            TypeError,
            "{}() takes at most {} positional arguments ({} given)",
            fname,
            max,
            npos
        );
    }
    Ok(())
}

fn m_to_bytes(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kwonly_positional_check("to_bytes", args, kw, 2)?;
    let a = parse_args("to_bytes", args, kw, &["length", "byteorder", "signed"], 0, 0)?;
    let length = match &a[0] {
        Some(l) => index_isize(l)?,
        None => 1,
    };
    let little = byteorder_arg("to_bytes", a[1].as_ref())?;
    let signed = match &a[2] {
        Some(s) => crate::ops::truthy(s)?,
        None => false,
    };
    if length < 0 {
        crate::bail!(ValueError, "length argument must be non-negative");
    }
    let v = to_bigint(slf);
    if !signed && v.is_negative() {
        crate::bail!(OverflowError, "can't convert negative int to unsigned");
    }
    let mut bytes = if signed { v.to_signed_bytes_le() } else { v.magnitude().to_bytes_le() };
    if v.is_zero() {
        bytes.clear();
    }
    // Trim redundant sign bytes of two's complement.
    if signed {
        while bytes.len() > 1 {
            let last = bytes[bytes.len() - 1];
            let prev = bytes[bytes.len() - 2];
            if (last == 0 && prev & 0x80 == 0) || (last == 0xff && prev & 0x80 != 0) {
                bytes.pop();
            } else {
                break;
            }
        }
        if bytes.len() == 1 && bytes[0] == 0 {
            bytes.clear();
        }
    }
    if bytes.len() > length as usize {
        crate::bail!(OverflowError, "int too big to convert");
    }
    let fill = if signed && v.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::types::bytes::new(&bytes))
}

fn m_from_bytes(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    kwonly_positional_check("from_bytes", args, kw, 2)?;
    let a = parse_args("from_bytes", args, kw, &["bytes", "byteorder", "signed"], 1, 0)?;
    let src = a[0].as_ref().unwrap();
    let little = byteorder_arg("from_bytes", a[1].as_ref())?;
    let signed = match &a[2] {
        Some(s) => crate::ops::truthy(s)?,
        None => false,
    };
    let data = object_bytes(src)?;
    let v = if little {
        if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) }
    } else if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let r = from_bigint(&v);
    if cls.as_ptr() == type_ptr() as *mut PyObject {
        return Ok(r);
    }
    crate::ops::call::call(cls, &[r], None)
}

fn m_as_integer_ratio(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.as_integer_ratio", args, kw, 0, 0)?;
    Ok(tuple::new(&[exact(slf), from_i64(1)]))
}

fn m_self_int(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.__trunc__", args, kw, 0, 0)?;
    Ok(exact(slf))
}

fn m_floor(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.__floor__", args, kw, 0, 0)?;
    Ok(exact(slf))
}

fn m_ceil(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.__ceil__", args, kw, 0, 0)?;
    Ok(exact(slf))
}

/// Rounds an integer to a multiple of 10**(-ndigits) (ndigits < 0), half to even.
pub fn round_bigint(v: &BigInt, ndigits_neg: u64) -> BigInt {
    let p = num_traits::pow(BigInt::from(10), ndigits_neg as usize);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
    q * p
}

fn m_round(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.__round__", args, kw, 0, 1)?;
    let nd = match &args.first().cloned() {
        // Only an absent ndigits means "no rounding" (None is an error).
        None => return Ok(exact(slf)),
        Some(n) => index(n)?,
    };
    if sign(&nd) >= 0 {
        return Ok(exact(slf));
    }
    let k = match as_i64(&nd) {
        Some(k) if k > -(1 << 30) => (-k) as u64,
        _ => return Ok(from_i64(0)),
    };
    let v = to_bigint(slf);
    if (k as f64) > v.bits() as f64 * std::f64::consts::LOG10_2 + 2.0 {
        return Ok(from_i64(0));
    }
    Ok(from_bigint(&round_bigint(&v, k)))
}

fn m_getnewargs(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.__getnewargs__", args, kw, 0, 0)?;
    Ok(tuple::new(&[exact(slf)]))
}

fn m_sizeof(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("int.__sizeof__", args, kw, 0, 0)?;
    let n = ob_size(slf).unsigned_abs().max(1);
    // offsetof(PyLongObject, ob_digit) + digits, whatever the subclass.
    Ok(from_usize(24 + 4 * n))
}

/// Raises the Python exception for a formatting failure.
pub fn format_error(e: FormatError) -> PyErr {
    match e {
        FormatError::Value(m) => crate::raise!(ValueError, "{}", m),
        FormatError::Overflow(m) => crate::raise!(OverflowError, "{}", m),
    }
}

/// The format-spec argument of a `__format__` method as a Rust string.
pub fn format_spec_arg(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<String> {
    check_nargs(fname, args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        let short = fname.rsplit('.').next().unwrap_or(fname);
        crate::bail!(TypeError, "{}() argument must be str, not {}", short, args[0].ty().name());
    }
    Ok(pystr::to_string_lossy(&args[0]))
}

fn m_format(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let spec = format_spec_arg("int.__format__", args, kw)?;
    if spec.is_empty() {
        return crate::ops::str_of(slf);
    }
    let v = to_bigint(slf);
    let tname = slf.ty().name().to_string();
    let f = format_spec::parse(&spec, &tname, Some('d')).map_err(|m| format_error(FormatError::Value(m)))?;
    // The str-digits limit applies to decimal output (only big values can
    // reach it).
    if matches!(f.ty, None | Some('d') | Some('n')) && as_i64(slf).is_none() {
        to_decimal_string(&v)?;
    }
    if f.ty == Some('c') {
        // Lone surrogates need code points, not a Rust string.
        if let Some(c) = v.to_u32().filter(|c| (0xd800..0xe000).contains(c)) {
            let r = format_spec::format_int(&BigInt::from(0x41), &f, &tname).map_err(format_error)?;
            let cps: Vec<u32> = r.chars().map(|ch| if ch == 'A' { c } else { ch as u32 }).collect();
            return Ok(pystr::from_code_points(&cps));
        }
    }
    let s = format_spec::format_int(&v, &f, &tname).map_err(format_error)?;
    Ok(pystr::new(&s))
}

fn g_self(o: &Obj) -> PyResult<Obj> {
    Ok(exact(o))
}
fn g_zero(_: &Obj) -> PyResult<Obj> {
    Ok(from_i64(0))
}
fn g_one(_: &Obj) -> PyResult<Obj> {
    Ok(from_i64(1))
}

unsafe extern "C" fn long_dealloc(p: *mut PyObject) {
    let tp = (*p).ob_type;
    if tp == type_ptr() {
        let n = (*(p as *mut PyVarObject)).ob_size.unsigned_abs();
        let fl = &mut *(&raw mut INT_FREE);
        if (n == 1 || n == 2) && fl.len[n] < INT_FREE_MAX {
            fl.items[n][fl.len[n]] = p;
            fl.len[n] += 1;
            return;
        }
    }
    match (*tp).tp_free {
        Some(free) if tp != type_ptr() => free(p as *mut std::os::raw::c_void),
        _ => alloc::free_object(p),
    }
}

pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let t = type_ptr();
        init_static(t, "int", 24, 4);
        (*t).tp_flags |= tpflags::BASETYPE | tpflags::LONG_SUBCLASS | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(long_dealloc);
        (*t).tp_repr = Some(repr_slot);
        (*t).tp_hash = Some(hash_slot);
        (*t).tp_richcompare = Some(richcmp_slot);
        (*t).tp_new = Some(new_slot);
        (*t).tp_doc = crate::types::builtin_func::cstr(
            "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nWith base 0 the base is read from the string's prefix:\n>>> int('0x1f', 0), int('0o17', 0), int('101', 2)\n(31, 15, 5)",
        );
        let nb = &raw mut LONG_NUMBER;
        (*nb).nb_add = Some(add_slot);
        (*nb).nb_subtract = Some(sub_slot);
        (*nb).nb_multiply = Some(mul_slot);
        (*nb).nb_remainder = Some(mod_slot);
        (*nb).nb_divmod = Some(divmod_slot);
        (*nb).nb_power = Some(pow_slot);
        (*nb).nb_negative = Some(neg_slot);
        (*nb).nb_positive = Some(pos_slot);
        (*nb).nb_absolute = Some(abs_slot);
        (*nb).nb_bool = Some(bool_slot);
        (*nb).nb_invert = Some(invert_slot);
        (*nb).nb_lshift = Some(lshift_slot);
        (*nb).nb_rshift = Some(rshift_slot);
        (*nb).nb_and = Some(and_slot);
        (*nb).nb_xor = Some(xor_slot);
        (*nb).nb_or = Some(or_slot);
        (*nb).nb_int = Some(int_slot);
        (*nb).nb_float = Some(float_slot);
        (*nb).nb_floor_divide = Some(floordiv_slot);
        (*nb).nb_true_divide = Some(truediv_slot);
        (*nb).nb_index = Some(int_slot);
        (*t).tp_as_number = nb;
        let methods: &[(&str, RustMethod)] = &[
            ("conjugate", m_conjugate),
            ("bit_length", m_bit_length),
            ("bit_count", m_bit_count),
            ("to_bytes", m_to_bytes),
            ("as_integer_ratio", m_as_integer_ratio),
            ("__trunc__", m_self_int),
            ("__floor__", m_floor),
            ("__ceil__", m_ceil),
            ("__round__", m_round),
            ("__getnewargs__", m_getnewargs),
            ("__format__", m_format),
            ("__sizeof__", m_sizeof),
        ];
        let docs: &[(&str, &'static str)] = &[
            ("bit_length", "Number of bits needed to write abs(self) in binary, without sign or\nleading zeros.\n\n>>> (37).bit_length(), (-37).bit_length(), (0).bit_length()\n(6, 6, 0)"),
            ("bit_count", "Number of one bits in the binary form of abs(self) (its population\ncount).\n\n>>> (13).bit_count(), (-13).bit_count()\n(3, 3)"),
            ("as_integer_ratio", "The pair (self, 1): the integer as a fraction in lowest terms with a\npositive denominator.\n\n>>> (-7).as_integer_ratio()\n(-7, 1)"),
        ];
        let mut specs = crate::types::builtin_func::methods_with_docs(methods, docs);
        specs.push(classmethod("from_bytes", m_from_bytes));
        (*t).tp_methods = method_table(&specs);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("real", g_self),
            GetSetSpec::get("imag", g_zero),
            GetSetSpec::get("numerator", g_self),
            GetSetSpec::get("denominator", g_one),
        ]);
        init_small_ints();
    }
}

/// Creates the cached small ints -5..=256 (immortal in practice).
unsafe fn init_small_ints() {
    let base = (&raw mut SMALL_INTS).cast::<*mut PyObject>();
    for v in -NSMALLNEG..NSMALLPOS {
        let slot = base.add((v + NSMALLNEG) as usize);
        if !(*slot).is_null() {
            continue;
        }
        let o = new_from_u64(type_ptr(), v.unsigned_abs(), v < 0);
        let p = o.into_raw();
        (*p).ob_refcnt = 1 << 30;
        *slot = p;
    }
}

#[allow(dead_code)]
fn _unused() -> Obj {
    none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_packing() {
        for s in ["0", "1", "1073741823", "1073741824", "123456789012345678901234567890", "340282366920938463463374607431768211456"] {
            let v: BigUint = s.parse().unwrap();
            let ds = biguint_digits(&v);
            assert!(ds.iter().all(|d| *d <= MASK));
            assert_eq!(digits_biguint(&ds), v);
        }
        assert_eq!(biguint_digits(&BigUint::from(1u64 << 30)), vec![0, 1]);
    }

    #[test]
    fn true_division() {
        let big = |s: &str| s.parse::<BigInt>().unwrap();
        let q = |a: &str, b: &str| true_divide_big(&big(a), &big(b)).ok().unwrap();
        assert_eq!(q("1", "3"), 1.0 / 3.0);
        // 2**10000 / 2**9999
        let a = BigInt::one() << 10000usize;
        let b = BigInt::one() << 9999usize;
        assert_eq!(true_divide_big(&a, &b).ok(), Some(2.0));
        // 10**30 / 7 correctly rounded: 1.4285714285714286e+29
        assert_eq!(q("1000000000000000000000000000000", "7"), 1.4285714285714286e29);
        // subnormal result: 1 / 2**1074
        let d = BigInt::one() << 1074usize;
        assert_eq!(true_divide_big(&BigInt::one(), &d).ok(), Some(5e-324));
        let d = BigInt::one() << 1075usize;
        assert_eq!(true_divide_big(&BigInt::one(), &d).ok(), Some(0.0));
        assert_eq!(true_divide_big(&BigInt::from(3), &d).ok(), Some(5e-324 * 2.0));
        assert_eq!(q("-123456789012345678901234567890", "3"), -4.115226300411523e28);
    }

    #[test]
    fn hashes() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_bigint(&(BigInt::one() << 61usize)), 1);
        assert_eq!(hash_bigint(&-(BigInt::one() << 61usize)), -2);
        assert_eq!(round_bigint(&BigInt::from(25), 1), BigInt::from(20));
        assert_eq!(round_bigint(&BigInt::from(15), 1), BigInt::from(20));
        assert_eq!(round_bigint(&BigInt::from(-25), 1), BigInt::from(-20));
    }
}
