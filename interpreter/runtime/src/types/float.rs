//! `float`: CPython's PyFloatObject (header + f64), arithmetic with Python's
//! sign rules and errors, exact comparison with ints, `float()` and methods.

use crate::errors::{PyErr, PyResult};
use crate::object::{alloc, tpflags, Obj, PyNumberMethods, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, classmethod, method_table, RustMethod};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::int;
use crate::types::none::not_implemented;
use crate::types::numeric::float_repr;
use crate::types::numeric::format_spec::{self, bigint_to_f64};
use crate::types::numeric::parse::{parse_float, parse_hex_float};
use crate::types::{str as pystr, tuple};
use krait_bytecode::CompareOp;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

#[repr(C)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}

#[no_mangle]
pub static mut PyFloat_Type: PyTypeObject = PyTypeObject::EMPTY;

static mut FLOAT_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;

#[inline]
pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyFloat_Type
}

#[inline]
pub fn is_float(o: &Obj) -> bool {
    o.is_type(type_ptr()) || crate::types::type_::is_subtype(o.type_ptr(), type_ptr())
}

#[inline]
pub fn is_exact_float(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

/// The value of a float (or float subclass) object.
#[inline]
pub fn value(o: &Obj) -> f64 {
    unsafe { o.cast::<PyFloatObject>().ob_fval }
}

/// Freed exact floats kept for reuse, as CPython's float free list (at most
/// 100): allocation is cheaper, and a float freed and made again gets the
/// same address, which identity-based results (hash of NaN) show.
const FREE_LIST_MAX: usize = 100;
struct FreeList {
    items: [*mut PyFloatObject; FREE_LIST_MAX],
    len: usize,
}
// SAFETY: only touched under the GIL.
static mut FREE_LIST: FreeList = FreeList { items: [std::ptr::null_mut(); FREE_LIST_MAX], len: 0 };

pub fn from_f64(v: f64) -> Obj {
    unsafe {
        let fl = &mut *(&raw mut FREE_LIST);
        let p = if fl.len > 0 {
            fl.len -= 1;
            let p = fl.items[fl.len];
            (*p).ob_base.ob_refcnt = 1;
            (*p).ob_base.ob_type = type_ptr();
            p
        } else {
            alloc::alloc_object(type_ptr(), 0) as *mut PyFloatObject
        };
        (*p).ob_fval = v;
        Obj::from_owned(p as *mut PyObject)
    }
}

/// tp_dealloc of float: exact floats go to the free list while it has room;
/// subclass instances (reached through subtype_dealloc) are just freed.
unsafe extern "C" fn float_dealloc(p: *mut PyObject) {
    let fl = &mut *(&raw mut FREE_LIST);
    if (*p).ob_type == type_ptr() && fl.len < FREE_LIST_MAX {
        fl.items[fl.len] = p as *mut PyFloatObject;
        fl.len += 1;
        return;
    }
    alloc::free_object(p);
}

/// An instance of a float subclass.
pub fn new_float_subtype(tp: *mut PyTypeObject, v: f64) -> PyResult<Obj> {
    if tp == type_ptr() {
        return Ok(from_f64(v));
    }
    unsafe {
        let p = match (*tp).tp_alloc {
            Some(a) => a(tp, 0),
            None => alloc::alloc_object(tp, 0),
        };
        if p.is_null() {
            return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
        }
        (*(p as *mut PyFloatObject)).ob_fval = v;
        Ok(Obj::from_owned(p))
    }
}

/// PyFloat_AsDouble: float, `__float__`, or `__index__`.
pub fn as_f64(o: &Obj) -> PyResult<f64> {
    if is_float(o) {
        return Ok(value(o));
    }
    unsafe {
        let nb = o.ty().tp_as_number;
        if !nb.is_null() {
            if let Some(f) = (*nb).nb_float {
                let r = crate::types::slots::from_ret(f(o.as_ptr()))?;
                return float_result(&r, o);
            }
            if (*nb).nb_index.is_some() {
                let i = int::index_raw(o)?;
                return int::to_f64(&i);
            }
        }
    }
    crate::bail!(TypeError, "must be real number, not {}", o.ty().name())
}

fn float_result(r: &Obj, src: &Obj) -> PyResult<f64> {
    if is_exact_float(r) {
        return Ok(value(r));
    }
    if !is_float(r) {
        crate::bail!(
            TypeError,
            "{}.__float__ returned non-float (type {})",
            src.ty().name(),
            r.ty().name()
        );
    }
    crate::errors::warn(
        crate::types::exceptions::DeprecationWarning(),
        &format!(
            "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
            src.ty().name(),
            r.ty().name()
        ),
    )?;
    Ok(value(r))
}

/// Operand of a float binary op: float or int; None for NotImplemented.
fn operand(o: &Obj) -> PyResult<Option<f64>> {
    if is_float(o) {
        Ok(Some(value(o)))
    } else if int::is_int(o) {
        int::to_f64(o).map(Some)
    } else {
        Ok(None)
    }
}

macro_rules! operands {
    ($a:expr, $b:expr) => {
        match (operand($a)?, operand($b)?) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(not_implemented()),
        }
    };
}

pub fn add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    Ok(from_f64(x + y))
}

pub fn sub(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    Ok(from_f64(x - y))
}

pub fn mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    Ok(from_f64(x * y))
}

pub fn truediv(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        crate::bail!(ZeroDivisionError, "float division by zero");
    }
    Ok(from_f64(x / y))
}

/// Python's float divmod (floor quotient, remainder with the divisor's sign).
pub fn divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn floordiv(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        crate::bail!(ZeroDivisionError, "float floor division by zero");
    }
    Ok(from_f64(divmod_values(x, y).0))
}

pub fn modulo(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        crate::bail!(ZeroDivisionError, "float modulo");
    }
    Ok(from_f64(divmod_values(x, y).1))
}

pub fn divmod(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        crate::bail!(ZeroDivisionError, "float divmod()");
    }
    let (q, r) = divmod_values(x, y);
    Ok(tuple::new(&[from_f64(q), from_f64(r)]))
}

fn is_odd_integer(w: f64) -> bool {
    w.is_finite() && w.floor() == w && (w % 2.0).abs() == 1.0
}

/// `x ** y` for floats, with CPython's special cases; a negative base with a
/// fractional exponent gives a complex.
pub fn float_pow_values(iv: f64, iw: f64) -> PyResult<Obj> {
    if iw == 0.0 {
        return Ok(from_f64(1.0));
    }
    if iv.is_nan() {
        return Ok(from_f64(iv));
    }
    if iw.is_nan() {
        return Ok(from_f64(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        if av == 1.0 {
            return Ok(from_f64(1.0));
        }
        return Ok(from_f64(if (iw > 0.0) == (av > 1.0) { iw.abs() } else { 0.0 }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        let r = if iv > 0.0 {
            if iw > 0.0 { iv } else { 0.0 }
        } else if iw > 0.0 {
            if odd { iv } else { -iv }
        } else if odd {
            -0.0
        } else {
            0.0
        };
        return Ok(from_f64(r));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            crate::bail!(ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        return Ok(from_f64(if odd { iv } else { 0.0 }));
    }
    let mut iv = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return crate::types::complex::complex_pow_values(iv, 0.0, iw, 0.0);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Ok(from_f64(if negate { -1.0 } else { 1.0 }));
    }
    let r = iv.powf(iw);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(from_f64(if negate { -r } else { r }))
}

/// OverflowError(34, 'Numerical result out of range'), as errno ERANGE gives.
pub fn range_error() -> PyErr {
    crate::errors::raise_with(
        crate::types::exceptions::OverflowError(),
        &[int::from_i64(34), pystr::new("Numerical result out of range")],
    )
}

pub fn power(a: &Obj, b: &Obj, c: Option<&Obj>) -> PyResult<Obj> {
    if let Some(c) = c {
        if !crate::types::none::is_none(c) {
            crate::bail!(TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        }
    }
    let (x, y) = operands!(a, b);
    float_pow_values(x, y)
}

pub fn neg(a: &Obj) -> PyResult<Obj> {
    Ok(from_f64(-value(a)))
}

pub fn pos(a: &Obj) -> PyResult<Obj> {
    Ok(if is_exact_float(a) { a.clone() } else { from_f64(value(a)) })
}

pub fn abs(a: &Obj) -> PyResult<Obj> {
    Ok(from_f64(value(a).abs()))
}

pub fn nonzero(a: &Obj) -> PyResult<bool> {
    Ok(value(a) != 0.0)
}

/// float -> int, truncating; the errors of `int(inf)` / `int(nan)`.
pub fn f64_to_bigint(x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        crate::bail!(ValueError, "cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        crate::bail!(OverflowError, "cannot convert float infinity to integer");
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decompose(t);
    let v = if e >= 0 { BigInt::from(m) << e as usize } else { BigInt::from(m) >> (-e) as usize };
    Ok(if t < 0.0 { -v } else { v })
}

/// |x| = m * 2**e for finite x (m an integer < 2**53).
pub fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

pub fn int_(a: &Obj) -> PyResult<Obj> {
    let x = value(a);
    if x.abs() < 9.2e18 {
        return Ok(int::from_i64(x as i64));
    }
    Ok(int::from_bigint(&f64_to_bigint(x)?))
}

pub fn float_(a: &Obj) -> PyResult<Obj> {
    pos(a)
}

/// Exact comparison of a finite-or-not float with an int value.
pub fn cmp_f64_int(x: f64, w: &Obj) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let Some(i) = int::as_i64(w) {
        if i.unsigned_abs() < (1u64 << 53) {
            return x.partial_cmp(&(i as f64));
        }
    }
    let wv = int::to_bigint(w);
    let (m, e) = decompose(x);
    let mut mv = BigInt::from(m);
    if x < 0.0 {
        mv = -mv;
    }
    Some(if e >= 0 {
        (mv << e as usize).cmp(&wv)
    } else {
        mv.cmp(&(wv << (-e) as usize))
    })
}

fn cmp_result(ord: Option<Ordering>, op: CompareOp) -> bool {
    match ord {
        None => op == CompareOp::Ne,
        Some(o) => int::op_result(o, op),
    }
}

pub fn richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let x = value(a);
    let r = if is_float(b) {
        cmp_result(x.partial_cmp(&value(b)), op)
    } else if int::is_int(b) {
        cmp_result(cmp_f64_int(x, b), op)
    } else {
        return Ok(not_implemented());
    };
    Ok(crate::types::bool_::from_bool(r))
}

/// `_Py_HashPointer`.
pub fn hash_pointer(p: *mut PyObject) -> isize {
    let y = p as usize;
    let y = (y >> 4) | (y << (usize::BITS - 4));
    let h = y as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `_Py_HashDouble(obj, v)`.
pub fn hash_value(o: &Obj, v: f64) -> isize {
    if v.is_nan() {
        hash_pointer(o.as_ptr())
    } else {
        crate::hash::hash_f64(v)
    }
}

pub fn hash(a: &Obj) -> PyResult<isize> {
    Ok(hash_value(a, value(a)))
}

pub fn repr(a: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&float_repr::repr(value(a))))
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
crate::unary_slot!(int_slot => int_);
crate::unary_slot!(float_slot => float_);
crate::richcmp_slot!(richcmp_slot => richcompare);
crate::hash_slot!(hash_slot => hash);
crate::unary_slot!(repr_slot => repr);
crate::new_slot!(new_slot => float_new);

// Fast paths for the evaluation loop (exact floats, or exact float with exact int).

fn fast_operands(a: &Obj, b: &Obj) -> Option<(f64, f64)> {
    let fa = is_exact_float(a);
    let fb = is_exact_float(b);
    if fa && fb {
        return Some((value(a), value(b)));
    }
    None
}

pub fn add_fast(a: &Obj, b: &Obj) -> Option<PyResult<Obj>> {
    fast_operands(a, b).map(|(x, y)| Ok(from_f64(x + y)))
}
pub fn sub_fast(a: &Obj, b: &Obj) -> Option<PyResult<Obj>> {
    fast_operands(a, b).map(|(x, y)| Ok(from_f64(x - y)))
}
pub fn mul_fast(a: &Obj, b: &Obj) -> Option<PyResult<Obj>> {
    fast_operands(a, b).map(|(x, y)| Ok(from_f64(x * y)))
}
pub fn truediv_fast(a: &Obj, b: &Obj) -> Option<PyResult<Obj>> {
    fast_operands(a, b).map(|(x, y)| {
        if y == 0.0 {
            Err(crate::raise!(ZeroDivisionError, "float division by zero"))
        } else {
            Ok(from_f64(x / y))
        }
    })
}
pub fn compare_fast(a: &Obj, b: &Obj, op: CompareOp) -> Option<bool> {
    fast_operands(a, b).map(|(x, y)| cmp_result(x.partial_cmp(&y), op))
}

// float(x=0.0)

fn could_not_convert(original: &Obj) -> PyErr {
    match crate::ops::repr_string(original) {
        Ok(r) => crate::raise!(ValueError, "could not convert string to float: {}", r),
        Err(e) => e,
    }
}

/// PyFloat_FromString for str/bytes/bytearray; None for other objects.
pub fn from_string_obj(x: &Obj) -> PyResult<Option<f64>> {
    let text = if pystr::is_str(x) {
        pystr::to_string_lossy(x)
    } else if let Some(b) = int::bytes_like(x) {
        match String::from_utf8(b) {
            Ok(s) => s,
            Err(_) => return Err(could_not_convert(x)),
        }
    } else {
        return Ok(None);
    };
    if text.contains('\0') {
        return Err(could_not_convert(x));
    }
    match parse_float(&text) {
        Some(v) => Ok(Some(v)),
        None => Err(could_not_convert(x)),
    }
}

/// PyNumber_Float: `float(x)`.
pub fn number_float(x: &Obj) -> PyResult<Obj> {
    if is_exact_float(x) {
        return Ok(x.clone());
    }
    unsafe {
        let nb = x.ty().tp_as_number;
        if !nb.is_null() {
            if let Some(f) = (*nb).nb_float {
                let r = crate::types::slots::from_ret(f(x.as_ptr()))?;
                return Ok(from_f64(float_result(&r, x)?));
            }
            if (*nb).nb_index.is_some() {
                let i = int::index_raw(x)?;
                return Ok(from_f64(int::to_f64(&i)?));
            }
        }
    }
    if is_float(x) {
        return Ok(from_f64(value(x)));
    }
    if let Some(v) = from_string_obj(x)? {
        return Ok(from_f64(v));
    }
    crate::bail!(TypeError, "float() argument must be a string or a real number, not '{}'", x.ty().name())
}

fn float_new(tp: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    // Keywords may be meant for a subclass's own __init__.
    let own_init = unsafe { tp == type_ptr() || (*tp).tp_init == (*type_ptr()).tp_init };
    if own_init && kwargs.map(|k| crate::types::dict::len(k) != 0).unwrap_or(false) {
        crate::bail!(TypeError, "float() takes no keyword arguments");
    }
    let pos = tuple::items(args);
    if pos.len() > 1 {
        crate::bail!(TypeError, "float expected at most 1 argument, got {}", pos.len());
    }
    let v = match pos.first() {
        None => from_f64(0.0),
        Some(x) => number_float(x)?,
    };
    if tp == type_ptr() {
        return Ok(v);
    }
    new_float_subtype(tp, value(&v))
}

// Methods.

fn m_conjugate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.conjugate", args, kw, 0, 0)?;
    pos(slf)
}

fn m_is_integer(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.is_integer", args, kw, 0, 0)?;
    let x = value(slf);
    Ok(crate::types::bool_::from_bool(x.is_finite() && x.floor() == x))
}

fn m_as_integer_ratio(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.as_integer_ratio", args, kw, 0, 0)?;
    let x = value(slf);
    if x.is_infinite() {
        crate::bail!(OverflowError, "cannot convert Infinity to integer ratio");
    }
    if x.is_nan() {
        crate::bail!(ValueError, "cannot convert NaN to integer ratio");
    }
    let (mut m, mut e) = decompose(x);
    if m == 0 {
        return Ok(tuple::new(&[int::from_i64(0), int::from_i64(1)]));
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    let mut n = BigInt::from(m);
    if x < 0.0 {
        n = -n;
    }
    let (n, d) = if e >= 0 { (n << e as usize, BigInt::one()) } else { (n, BigInt::one() << (-e) as usize) };
    Ok(tuple::new(&[int::from_bigint(&n), int::from_bigint(&d)]))
}

fn m_hex(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.hex", args, kw, 0, 0)?;
    Ok(pystr::new(&float_repr::to_hex(value(slf))))
}

fn m_fromhex(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.fromhex", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        // PyUnicode_AsUTF8AndSize's PyErr_BadArgument.
        crate::bail!(TypeError, "bad argument type for built-in operation");
    }
    let v = match parse_hex_float(&pystr::to_string_lossy(&args[0])) {
        None => crate::bail!(ValueError, "invalid hexadecimal floating-point string"),
        Some(Err(())) => crate::bail!(OverflowError, "hexadecimal value too large to represent as a float"),
        Some(Ok(v)) => v,
    };
    let r = from_f64(v);
    if cls.as_ptr() == type_ptr() as *mut PyObject {
        return Ok(r);
    }
    crate::ops::call::call(cls, &[r], None)
}

fn m_trunc(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.__trunc__", args, kw, 0, 0)?;
    int_(slf)
}

fn m_floor(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.__floor__", args, kw, 0, 0)?;
    Ok(int::from_bigint(&f64_to_bigint(value(slf).floor())?))
}

fn m_ceil(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.__ceil__", args, kw, 0, 0)?;
    Ok(int::from_bigint(&f64_to_bigint(value(slf).ceil())?))
}

/// `round(x, ndigits)` for a float and an int ndigits, correctly rounded.
pub fn round_ndigits(x: f64, nd: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0 * x);
    }
    let r = if nd >= 0 {
        format!("{:.*}", nd as usize, x).parse::<f64>().unwrap()
    } else {
        // Round |x| exactly to a multiple of 10**k, half to even.
        let k = (-nd) as usize;
        let (m, e) = decompose(x);
        let p = num_traits::pow(BigInt::from(10), k);
        let (num, den) = if e >= 0 { (BigInt::from(m) << e as usize, p.clone()) } else { (BigInt::from(m), p.clone() << (-e) as usize) };
        let (q, rem) = num.div_mod_floor(&den);
        let twice = &rem * 2;
        let q = if twice > den || (twice == den && q.is_odd()) { q + 1 } else { q };
        let v = q * p;
        let f = match bigint_to_f64(&v) {
            Some(f) => f,
            None => crate::bail!(OverflowError, "rounded value too large to represent"),
        };
        if x < 0.0 {
            -f
        } else {
            f
        }
    };
    if r.is_infinite() {
        crate::bail!(OverflowError, "rounded value too large to represent");
    }
    Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r })
}

fn m_round(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.__round__", args, kw, 0, 1)?;
    let x = value(slf);
    match &args.first().cloned() {
        Some(n) if !crate::types::none::is_none(n) => {
            let nd = int::index(n)?;
            let nd = match int::as_i64(&nd) {
                Some(v) => v,
                None => if int::sign(&nd) > 0 { i64::MAX } else { i64::MIN },
            };
            Ok(from_f64(round_ndigits(x, nd)?))
        }
        _ => {
            let r = x.round_ties_even();
            Ok(int::from_bigint(&f64_to_bigint(r)?))
        }
    }
}

fn m_getnewargs(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.__getnewargs__", args, kw, 0, 0)?;
    Ok(tuple::new(&[from_f64(value(slf))]))
}

fn m_getformat(_cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("float.__getformat__", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        let got = if crate::types::none::is_none(&args[0]) { "None".to_string() } else { args[0].ty().name().to_string() };
        crate::bail!(TypeError, "__getformat__() argument must be str, not {}", got);
    }
    match pystr::to_string_lossy(&args[0]).as_str() {
        "double" | "float" => Ok(pystr::new("IEEE, little-endian")),
        _ => crate::bail!(ValueError, "__getformat__() argument 1 must be 'double' or 'float'"),
    }
}

fn m_format(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let spec = int::format_spec_arg("float.__format__", args, kw)?;
    if spec.is_empty() {
        return crate::ops::str_of(slf);
    }
    let tname = slf.ty().name().to_string();
    let f = format_spec::parse(&spec, &tname, None)
        .map_err(|m| int::format_error(format_spec::FormatError::Value(m)))?;
    let s = format_spec::format_float(value(slf), &f, &tname).map_err(int::format_error)?;
    Ok(pystr::new(&s))
}

fn g_real(o: &Obj) -> PyResult<Obj> {
    Ok(from_f64(value(o)))
}
fn g_imag(_: &Obj) -> PyResult<Obj> {
    Ok(from_f64(0.0))
}

pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let t = type_ptr();
        init_static(t, "float", std::mem::size_of::<PyFloatObject>(), 0);
        (*t).tp_flags |= tpflags::BASETYPE | tpflags::MATCH_SELF;
        (*t).tp_dealloc = Some(float_dealloc);
        (*t).tp_repr = Some(repr_slot);
        (*t).tp_hash = Some(hash_slot);
        (*t).tp_richcompare = Some(richcmp_slot);
        (*t).tp_new = Some(new_slot);
        (*t).tp_doc = crate::types::builtin_func::cstr("Convert a string or number to a floating point number, if possible.");
        let nb = &raw mut FLOAT_NUMBER;
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
        (*nb).nb_int = Some(int_slot);
        (*nb).nb_float = Some(float_slot);
        (*nb).nb_floor_divide = Some(floordiv_slot);
        (*nb).nb_true_divide = Some(truediv_slot);
        (*t).tp_as_number = nb;
        let methods: &[(&str, RustMethod)] = &[
            ("conjugate", m_conjugate),
            ("is_integer", m_is_integer),
            ("as_integer_ratio", m_as_integer_ratio),
            ("hex", m_hex),
            ("__trunc__", m_trunc),
            ("__floor__", m_floor),
            ("__ceil__", m_ceil),
            ("__round__", m_round),
            ("__getnewargs__", m_getnewargs),
            ("__format__", m_format),
        ];
        let docs: &[(&str, &'static str)] = &[
            ("as_integer_ratio", "The float as an exact fraction: a pair of integers in lowest terms\nwith a positive denominator.  Infinities raise OverflowError, NaN\nraises ValueError.\n\n>>> (0.75).as_integer_ratio()\n(3, 4)\n>>> (-2.5).as_integer_ratio()\n(-5, 2)"),
            ("hex", "The float in hexadecimal floating-point notation (exact).\n\n>>> (1.5).hex()\n'0x1.8000000000000p+0'\n>>> (-0.125).hex()\n'-0x1.0000000000000p-3'"),
        ];
        let mut specs = crate::types::builtin_func::methods_with_docs(methods, docs);
        specs.push(classmethod("fromhex", m_fromhex).with_doc(
            "Make a float from hexadecimal floating-point text, as float.hex writes it.\n\n>>> float.fromhex('0x1.8p1')\n3.0\n>>> float.fromhex('-0x10')\n-16.0",
        ));
        specs.push(classmethod("__getformat__", m_getformat));
        (*t).tp_methods = method_table(&specs);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("real", g_real), GetSetSpec::get("imag", g_imag)]);
    }
}

#[allow(dead_code)]
fn _uses(v: &BigInt) -> bool {
    v.is_zero() || v.is_negative() || v.sign() == Sign::Minus || v.to_i64().is_some()
}
