//! The `math` module: the C library's functions with CPython 3.11's error
//! rules (a NaN from a non-NaN argument or a pole is "math domain error",
//! an overflow "math range error"), its own gamma/lgamma (Lanczos), exact
//! summation (`fsum`), the scaled and corrected vector norm of
//! `hypot`/`dist`, and the integer functions over arbitrary-size ints.

use krait_bytecode::BinaryOp;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::object::{Obj, PyObject};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, no_kwargs, MethodSpec};
use krait_runtime::types::{bool_, dict, exceptions, float, int, module, str as pystr, tuple, type_};
use krait_runtime::{bail, raise};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::os::raw::c_int;

/// The C library's functions (glibc's libm, which CPython calls too).
pub(crate) mod libm {
    use std::os::raw::c_int;
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn hypot(x: f64, y: f64) -> f64;
        pub fn frexp(x: f64, e: *mut c_int) -> f64;
        pub fn ldexp(x: f64, e: c_int) -> f64;
        pub fn modf(x: f64, ip: *mut f64) -> f64;
    }

    /// glibc's cbrt, looked up in libm itself: the Rust toolchain links
    /// its own (differently rounded) `cbrt` into the executable.
    pub unsafe extern "C" fn cbrt(x: f64) -> f64 {
        use std::sync::OnceLock;
        static F: OnceLock<usize> = OnceLock::new();
        let p = *F.get_or_init(|| unsafe {
            let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
            if h.is_null() {
                0
            } else {
                libc::dlsym(h, c"cbrt".as_ptr()) as usize
            }
        });
        if p == 0 {
            return x.cbrt();
        }
        let f: unsafe extern "C" fn(f64) -> f64 = std::mem::transmute(p);
        f(x)
    }
}

/// What a libm call reported through errno.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Errno {
    Ok,
    Dom,
    Range,
}

pub(crate) fn clear_errno() {
    unsafe { *libc::__errno_location() = 0 };
}

pub(crate) fn read_errno() -> Errno {
    match unsafe { *libc::__errno_location() } {
        0 => Errno::Ok,
        libc::EDOM => Errno::Dom,
        libc::ERANGE => Errno::Range,
        _ => Errno::Dom,
    }
}

/// A libm call of one argument with its errno.
pub(crate) fn with_errno(f: unsafe extern "C" fn(f64) -> f64, x: f64) -> (f64, Errno) {
    clear_errno();
    let r = unsafe { f(x) };
    (r, read_errno())
}

pub(crate) fn domain_error() -> errors::PyErr {
    raise!(ValueError, "math domain error")
}

pub(crate) fn range_error() -> errors::PyErr {
    raise!(OverflowError, "math range error")
}

/// CPython's is_error: EDOM is a ValueError; ERANGE an OverflowError unless
/// the result is small (an underflow, which is not an error).
pub(crate) fn check_errno(r: f64, e: Errno) -> PyResult<()> {
    match e {
        Errno::Ok => Ok(()),
        Errno::Dom => Err(domain_error()),
        Errno::Range if r.abs() < 1.5 => Ok(()),
        Errno::Range => Err(range_error()),
    }
}

/// `_PyObject_LookupSpecial` then a call with no arguments; None when the
/// type has no such method.
pub(crate) fn call_special(o: &Obj, name: &str) -> PyResult<Option<Obj>> {
    let f = match type_::lookup_str(o.type_ptr(), name) {
        Some(f) => f,
        None => return Ok(None),
    };
    let bound = unsafe {
        match f.ty().tp_descr_get {
            Some(get) => krait_runtime::types::slots::from_ret(get(
                f.as_ptr(),
                o.as_ptr(),
                o.type_ptr() as *mut PyObject,
            ))?,
            None => f,
        }
    };
    krait_runtime::ops::call::call(&bound, &[], None).map(Some)
}

fn fl(x: f64) -> Obj {
    float::from_f64(x)
}

fn arg_f64(o: &Obj) -> PyResult<f64> {
    float::as_f64(o)
}

type F1 = fn(f64) -> (f64, Errno);

/// math_1: NaN from non-NaN is a domain error, an infinity from a finite
/// argument an overflow (or a pole: domain error) and errno is checked for
/// finite results.
fn math_1(arg: &Obj, f: F1, can_overflow: bool) -> PyResult<f64> {
    let x = arg_f64(arg)?;
    let (r, e) = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    if r.is_finite() {
        check_errno(r, e)?;
    }
    Ok(r)
}

/// math_1a: for functions that set errno themselves.
fn math_1a(arg: &Obj, f: F1) -> PyResult<f64> {
    let x = arg_f64(arg)?;
    let (r, e) = f(x);
    check_errno(r, e)?;
    Ok(r)
}

fn math_2(name: &str, args: &[Obj], kw: Option<&Obj>, f: fn(f64, f64) -> f64) -> PyResult<Obj> {
    check_nargs(name, args, kw, 2, 2)?;
    let x = arg_f64(&args[0])?;
    let y = arg_f64(&args[1])?;
    let r = f(x, y);
    let e = if r.is_nan() {
        if !x.is_nan() && !y.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        }
    } else if r.is_infinite() {
        if x.is_finite() && y.is_finite() {
            Errno::Range
        } else {
            Errno::Ok
        }
    } else {
        Errno::Ok
    };
    check_errno(r, e)?;
    Ok(fl(r))
}

macro_rules! libm1 {
    ($($name:ident),*) => {
        $(fn $name(x: f64) -> (f64, Errno) { with_errno(libm::$name, x) })*
    };
}
libm1!(acos, acosh, asin, asinh, atan, atanh, cbrt, cos, cosh, erf, erfc, exp, exp2, expm1, sin, sinh, tan, tanh, log1p);

fn sqrt(x: f64) -> (f64, Errno) {
    (x.sqrt(), if x < 0.0 { Errno::Dom } else { Errno::Ok })
}

fn fabs(x: f64) -> (f64, Errno) {
    (x.abs(), Errno::Ok)
}

macro_rules! func1 {
    ($($pyname:literal => $fname:ident, $f:ident, $ovf:expr;)*) => {
        $(fn $fname(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            check_nargs(concat!("math.", $pyname), args, kw, 1, 1)?;
            math_1(&args[0], $f, $ovf).map(fl)
        })*
    };
}

func1! {
    "acos" => m_acos, acos, false;
    "acosh" => m_acosh, acosh, false;
    "asin" => m_asin, asin, false;
    "asinh" => m_asinh, asinh, false;
    "atan" => m_atan, atan, false;
    "atanh" => m_atanh, atanh, false;
    "cbrt" => m_cbrt, cbrt, false;
    "cos" => m_cos, cos, false;
    "cosh" => m_cosh, cosh, true;
    "exp" => m_exp, exp, true;
    "exp2" => m_exp2, exp2, true;
    "expm1" => m_expm1, expm1, true;
    "fabs" => m_fabs, fabs, false;
    "log1p" => m_log1p, log1p, false;
    "sin" => m_sin, sin, false;
    "sinh" => m_sinh, sinh, true;
    "sqrt" => m_sqrt, sqrt, false;
    "tan" => m_tan, tan, false;
    "tanh" => m_tanh, tanh, false;
}

fn m_erf(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.erf", args, kw, 1, 1)?;
    math_1a(&args[0], erf).map(fl)
}

fn m_erfc(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.erfc", args, kw, 1, 1)?;
    math_1a(&args[0], erfc).map(fl)
}

fn m_gamma(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.gamma", args, kw, 1, 1)?;
    math_1a(&args[0], tgamma).map(fl)
}

fn m_lgamma(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.lgamma", args, kw, 1, 1)?;
    math_1a(&args[0], lgamma).map(fl)
}

// ---------------------------------------------------------------------------
// Gamma and log-gamma: the Lanczos approximation (N=13, g≈6.0247) as a
// rational function, with the reflection formula for negative arguments.

const PI: f64 = std::f64::consts::PI;
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi*x) for finite x, exact at integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = unsafe {
        match n {
            0 => libm::sin(PI * y),
            1 => libm::cos(PI * (y - 0.5)),
            2 => libm::sin(PI * (1.0 - y)),
            3 => -libm::cos(PI * (y - 1.5)),
            _ => libm::sin(PI * (y - 2.0)),
        }
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::Ok });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    unsafe {
        if x < 0.0 {
            r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
            r -= z * r;
            if absx < 140.0 {
                r /= libm::pow(y, absx - 0.5);
            } else {
                let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        } else {
            r = lanczos_sum(absx) / libm::exp(y);
            r += z * r;
            if absx < 140.0 {
                r *= libm::pow(y, absx - 0.5);
            } else {
                let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::Ok);
        }
        return (f64::INFINITY, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    unsafe {
        if absx < 1e-20 {
            return (-libm::log(absx), Errno::Ok);
        }
        let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
        r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
        if x < 0.0 {
            r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
        }
        (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
    }
}

// ---------------------------------------------------------------------------
// Two-argument functions.

fn atan2_special(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            if 1.0f64.copysign(x) == 1.0 {
                return (0.25 * PI).copysign(y);
            }
            return (0.75 * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        if 1.0f64.copysign(x) == 1.0 {
            return 0.0f64.copysign(y);
        }
        return PI.copysign(y);
    }
    unsafe { libm::atan2(y, x) }
}

fn remainder_value(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        // Compare m with its complement rather than with absy/2, which may
        // be inexact.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_atan2(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    math_2("math.atan2", args, kw, atan2_special)
}

fn m_copysign(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    math_2("math.copysign", args, kw, f64::copysign)
}

fn m_remainder(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    math_2("math.remainder", args, kw, remainder_value)
}

fn m_fmod(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.fmod", args, kw, 2, 2)?;
    let x = arg_f64(&args[0])?;
    let y = arg_f64(&args[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(fl(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(fl(r))
}

fn m_pow(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.pow", args, kw, 2, 2)?;
    let x = arg_f64(&args[0])?;
    let y = arg_f64(&args[1])?;
    let (r, e);
    if !x.is_finite() || !y.is_finite() {
        e = Errno::Ok;
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = unsafe { libm::pow(x, y) };
        e = if r.is_nan() {
            Errno::Dom
        } else if r.is_infinite() {
            if x == 0.0 {
                Errno::Dom
            } else {
                Errno::Range
            }
        } else {
            Errno::Ok
        };
    }
    check_errno(r, e)?;
    Ok(fl(r))
}

// ---------------------------------------------------------------------------
// Rounding to ints.

fn float_to_int(x: f64) -> PyResult<Obj> {
    Ok(int::from_bigint(&float::f64_to_bigint(x)?))
}

fn m_ceil(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.ceil", args, kw, 1, 1)?;
    let x = &args[0];
    if !float::is_exact_float(x) {
        if let Some(r) = call_special(x, "__ceil__")? {
            return Ok(r);
        }
    }
    float_to_int(arg_f64(x)?.ceil())
}

fn m_floor(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.floor", args, kw, 1, 1)?;
    let x = &args[0];
    if !float::is_exact_float(x) {
        if let Some(r) = call_special(x, "__floor__")? {
            return Ok(r);
        }
    }
    float_to_int(arg_f64(x)?.floor())
}

fn m_trunc(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.trunc", args, kw, 1, 1)?;
    let x = &args[0];
    if float::is_exact_float(x) {
        return float_to_int(float::value(x));
    }
    match call_special(x, "__trunc__")? {
        Some(r) => Ok(r),
        None => bail!(TypeError, "type {} doesn't define __trunc__ method", x.ty().name()),
    }
}

// ---------------------------------------------------------------------------
// Float decomposition.

fn frexp_value(x: f64) -> (f64, i32) {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return (x, 0);
    }
    let mut e: c_int = 0;
    let m = unsafe { libm::frexp(x, &mut e) };
    (m, e)
}

fn m_frexp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.frexp", args, kw, 1, 1)?;
    let (m, e) = frexp_value(arg_f64(&args[0])?);
    Ok(tuple::new(&[fl(m), int::from_i64(e as i64)]))
}

fn m_ldexp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.ldexp", args, kw, 2, 2)?;
    let x = arg_f64(&args[0])?;
    let i = &args[1];
    if !int::is_int(i) {
        bail!(TypeError, "Expected an int as second argument to ldexp.");
    }
    let exp: i64 = match int::as_i64(i) {
        Some(v) => v,
        None => {
            if int::sign(i) < 0 {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let (r, e) = if x == 0.0 || !x.is_finite() {
        (x, Errno::Ok)
    } else if exp > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Errno::Range)
    } else if exp < i32::MIN as i64 {
        (0.0f64.copysign(x), Errno::Ok)
    } else {
        let r = unsafe { libm::ldexp(x, exp as c_int) };
        (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
    };
    check_errno(r, e)?;
    Ok(fl(r))
}

fn m_modf(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.modf", args, kw, 1, 1)?;
    let x = arg_f64(&args[0])?;
    if x.is_infinite() {
        return Ok(tuple::new(&[fl(0.0f64.copysign(x)), fl(x)]));
    }
    if x.is_nan() {
        return Ok(tuple::new(&[fl(x), fl(x)]));
    }
    let mut ip = 0.0f64;
    let frac = unsafe { libm::modf(x, &mut ip) };
    Ok(tuple::new(&[fl(frac), fl(ip)]))
}

// ---------------------------------------------------------------------------
// Logarithms, of floats and of ints of any size.

fn log_value(x: f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            return (unsafe { libm::log(x) }, Errno::Ok);
        }
        if x == 0.0 {
            return (f64::NEG_INFINITY, Errno::Dom);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x.is_nan() || x > 0.0 {
        return (x, Errno::Ok);
    }
    (f64::NAN, Errno::Dom)
}

fn log2_value(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x > 0.0 {
        return (unsafe { libm::log2(x) }, Errno::Ok);
    }
    if x == 0.0 {
        return (f64::NEG_INFINITY, Errno::Dom);
    }
    (f64::NAN, Errno::Dom)
}

fn log10_value(x: f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            return (unsafe { libm::log10(x) }, Errno::Ok);
        }
        if x == 0.0 {
            return (f64::NEG_INFINITY, Errno::Dom);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x.is_nan() || x > 0.0 {
        return (x, Errno::Ok);
    }
    (f64::NAN, Errno::Dom)
}

/// A positive int too large for a float as x * 2**e with 0.5 <= x < 1,
/// x correctly rounded to 53 bits.
pub(crate) fn bigint_frexp(v: &BigUint) -> (f64, u64) {
    let bits = v.bits();
    if bits <= 55 {
        let m = v.to_u64().unwrap_or(0) as f64;
        let (x, e) = frexp_value(m);
        return (x, e as u64);
    }
    let shift = bits - 55;
    let mut m = (v >> shift).to_u64().unwrap_or(0);
    if v.trailing_zeros().unwrap_or(0) < shift {
        m |= 1;
    }
    let mut x = m as f64 * (0.5f64).powi(55);
    let mut e = bits;
    if x == 1.0 {
        x = 0.5;
        e += 1;
    }
    (x, e)
}

fn loghelper(arg: &Obj, f: F1) -> PyResult<f64> {
    if int::is_int(arg) {
        if int::sign(arg) <= 0 {
            return Err(domain_error());
        }
        let overflow = exceptions::OverflowError();
        return match errors::catch(overflow, int::to_f64(arg))? {
            Some(x) => Ok(f(x).0),
            None => {
                let (x, e) = bigint_frexp(int::to_bigint(arg).magnitude());
                Ok(f(x).0 + f(2.0).0 * e as f64)
            }
        };
    }
    math_1(arg, f, false)
}

fn m_log(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("log", kw)?;
    if args.is_empty() || args.len() > 2 {
        bail!(TypeError, "math.log requires 1 to 2 arguments");
    }
    let num = loghelper(&args[0], log_value)?;
    if args.len() == 1 {
        return Ok(fl(num));
    }
    let den = loghelper(&args[1], log_value)?;
    if den == 0.0 {
        bail!(ZeroDivisionError, "float division by zero");
    }
    Ok(fl(num / den))
}

fn m_log2(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.log2", args, kw, 1, 1)?;
    loghelper(&args[0], log2_value).map(fl)
}

fn m_log10(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.log10", args, kw, 1, 1)?;
    loghelper(&args[0], log10_value).map(fl)
}

// ---------------------------------------------------------------------------
// Sums and norms.

fn m_fsum(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.fsum", args, kw, 1, 1)?;
    let it = krait_runtime::ops::iter(&args[0])?;
    // Non-overlapping partial sums in increasing magnitude (Shewchuk).
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = krait_runtime::ops::next(&it)? {
        let mut x = arg_f64(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    bail!(OverflowError, "intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            bail!(ValueError, "-inf + inf in fsum");
        }
        return Ok(fl(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly across the remaining partials.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(fl(hi))
}

/// sqrt(sum(x*x)) of non-negative finite values (max their maximum),
/// scaled by a power of two, squared exactly by Veltkamp-Dekker splitting,
/// summed with compensation and corrected after the square root.
pub(crate) fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_value(max);
    let mut csum = 1.0f64;
    let (mut frac1, mut frac2, mut frac3) = (0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = unsafe { libm::ldexp(1.0, -max_e) };
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;

            let x = hi * hi;
            let oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;

            let x = 2.0 * hi * lo;
            let oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;

            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();

        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;

        let x = -hi * hi;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;

        let x = -2.0 * hi * lo;
        let oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;

        let x = -lo * lo;
        let oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;

        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_hypot(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("math.hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for a in args {
        let x = arg_f64(a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(fl(vector_norm(&coords, max, found_nan)))
}

fn m_dist(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.dist", args, kw, 2, 2)?;
    let p = if tuple::is_tuple(&args[0]) { args[0].clone() } else { krait_runtime::ops::seq::to_tuple(&args[0])? };
    let q = if tuple::is_tuple(&args[1]) { args[1].clone() } else { krait_runtime::ops::seq::to_tuple(&args[1])? };
    let (pi, qi) = (tuple::items(&p), tuple::items(&q));
    if pi.len() != qi.len() {
        bail!(ValueError, "both points must have the same number of dimensions");
    }
    let mut diffs = Vec::with_capacity(pi.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (a, b) in pi.iter().zip(qi) {
        let px = arg_f64(a)?;
        let qx = arg_f64(b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(fl(vector_norm(&diffs, max, found_nan)))
}

// ---------------------------------------------------------------------------
// Predicates and small float functions.

fn m_isfinite(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.isfinite", args, kw, 1, 1)?;
    Ok(bool_::from_bool(arg_f64(&args[0])?.is_finite()))
}

fn m_isinf(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.isinf", args, kw, 1, 1)?;
    Ok(bool_::from_bool(arg_f64(&args[0])?.is_infinite()))
}

fn m_isnan(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.isnan", args, kw, 1, 1)?;
    Ok(bool_::from_bool(arg_f64(&args[0])?.is_nan()))
}

fn m_degrees(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.degrees", args, kw, 1, 1)?;
    Ok(fl(arg_f64(&args[0])? * (180.0 / PI)))
}

fn m_radians(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.radians", args, kw, 1, 1)?;
    Ok(fl(arg_f64(&args[0])? * (PI / 180.0)))
}

fn m_isclose(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("isclose", args, kw, &["a", "b", "rel_tol", "abs_tol"], 0, 2, 2)?;
    let x = arg_f64(a[0].as_ref().unwrap())?;
    let y = arg_f64(a[1].as_ref().unwrap())?;
    let rel_tol = match &a[2] {
        Some(o) => arg_f64(o)?,
        None => 1e-09,
    };
    let abs_tol = match &a[3] {
        Some(o) => arg_f64(o)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        bail!(ValueError, "tolerances must be non-negative");
    }
    if x == y {
        return Ok(bool_::from_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(bool_::from_bool(false));
    }
    let diff = (y - x).abs();
    let close = diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol;
    Ok(bool_::from_bool(close))
}

fn m_nextafter(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.nextafter", args, kw, 2, 2)?;
    let x = arg_f64(&args[0])?;
    let y = arg_f64(&args[1])?;
    Ok(fl(unsafe { libm::nextafter(x, y) }))
}

fn m_ulp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.ulp", args, kw, 1, 1)?;
    let x = arg_f64(&args[0])?;
    if x.is_nan() {
        return Ok(fl(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(fl(x));
    }
    let x2 = unsafe { libm::nextafter(x, f64::INFINITY) };
    if x2.is_infinite() {
        let x2 = unsafe { libm::nextafter(x, f64::NEG_INFINITY) };
        return Ok(fl(x - x2));
    }
    Ok(fl(x2 - x))
}

// ---------------------------------------------------------------------------
// Integer functions.

fn index_big(o: &Obj) -> PyResult<BigInt> {
    Ok(int::to_bigint(&int::index(o)?))
}

fn m_gcd(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("math.gcd", kw)?;
    if args.is_empty() {
        return Ok(int::from_i64(0));
    }
    let mut res = index_big(&args[0])?.abs();
    for a in &args[1..] {
        let x = index_big(a)?;
        if !res.is_one() {
            res = res.gcd(&x);
        }
    }
    Ok(int::from_bigint(&res))
}

fn m_lcm(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("math.lcm", kw)?;
    if args.is_empty() {
        return Ok(int::from_i64(1));
    }
    let mut res = index_big(&args[0])?.abs();
    for a in &args[1..] {
        let x = index_big(a)?;
        if !res.is_zero() {
            res = if x.is_zero() { BigInt::zero() } else { res.lcm(&x) };
        }
    }
    Ok(int::from_bigint(&res))
}

fn m_isqrt(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.isqrt", args, kw, 1, 1)?;
    let n = index_big(&args[0])?;
    if n.sign() == Sign::Minus {
        bail!(ValueError, "isqrt() argument must be nonnegative");
    }
    Ok(int::from_bigint(&BigInt::from(n.magnitude().sqrt())))
}

/// The product lo * (lo+1) * ... * (lo+count-1), by binary splitting.
fn range_product(lo: &BigUint, count: u64) -> BigUint {
    if count == 0 {
        return BigUint::one();
    }
    if count <= 16 {
        let mut acc = lo.clone();
        for i in 1..count {
            acc *= lo + BigUint::from(i);
        }
        return acc;
    }
    let half = count / 2;
    let left = range_product(lo, half);
    let right = range_product(&(lo + BigUint::from(half)), count - half);
    left * right
}

/// lo * ... * hi for small u64 bounds, by binary splitting.
fn small_range_product(lo: u64, hi: u64) -> BigUint {
    if lo > hi {
        return BigUint::one();
    }
    if hi - lo < 8 {
        let mut acc = BigUint::from(lo);
        for v in lo + 1..=hi {
            acc *= v;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    small_range_product(lo, mid) * small_range_product(mid + 1, hi)
}

fn factorial_of(x: &Obj) -> PyResult<Obj> {
    let v = index_big(x)?;
    let n = match v.to_i64() {
        Some(n) => n,
        None if v.sign() == Sign::Minus => bail!(ValueError, "factorial() not defined for negative values"),
        None => bail!(OverflowError, "factorial() argument should not exceed {}", i64::MAX),
    };
    if n < 0 {
        bail!(ValueError, "factorial() not defined for negative values");
    }
    let r = small_range_product(1, n as u64);
    Ok(int::from_bigint(&BigInt::from(r)))
}

fn m_factorial(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.factorial", args, kw, 1, 1)?;
    factorial_of(&args[0])
}

fn m_perm(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.perm", args, kw, 1, 2)?;
    if args.len() == 1 || krait_runtime::types::none::is_none(&args[1]) {
        return factorial_of(&args[0]);
    }
    let n = index_big(&args[0])?;
    let k = index_big(&args[1])?;
    if n.sign() == Sign::Minus {
        bail!(ValueError, "n must be a non-negative integer");
    }
    if k.sign() == Sign::Minus {
        bail!(ValueError, "k must be a non-negative integer");
    }
    if n < k {
        return Ok(int::from_i64(0));
    }
    let ki = match k.to_i64() {
        Some(v) => v as u64,
        None => bail!(OverflowError, "k must not exceed {}", i64::MAX),
    };
    let lo = n.magnitude() - BigUint::from(ki) + BigUint::one();
    Ok(int::from_bigint(&BigInt::from(range_product(&lo, ki))))
}

fn m_comb(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("math.comb", args, kw, 2, 2)?;
    let n = index_big(&args[0])?;
    let mut k = index_big(&args[1])?;
    if n.sign() == Sign::Minus {
        bail!(ValueError, "n must be a non-negative integer");
    }
    if k.sign() == Sign::Minus {
        bail!(ValueError, "k must be a non-negative integer");
    }
    let ki: u64 = if n.to_i64().is_some() {
        if k > n {
            return Ok(int::from_i64(0));
        }
        let rest = &n - &k;
        if rest < k {
            k = rest;
        }
        k.to_u64().unwrap_or(0)
    } else {
        let rest = &n - &k;
        if rest.sign() == Sign::Minus {
            return Ok(int::from_i64(0));
        }
        if rest < k {
            k = rest;
        }
        match k.to_i64() {
            Some(v) => v as u64,
            None => bail!(OverflowError, "min(n - k, k) must not exceed {}", i64::MAX),
        }
    };
    if ki == 0 {
        return Ok(int::from_i64(1));
    }
    let lo = n.magnitude() - BigUint::from(ki) + BigUint::one();
    let num = range_product(&lo, ki);
    let den = small_range_product(1, ki);
    Ok(int::from_bigint(&BigInt::from(num / den)))
}

fn m_prod(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("prod", args, kw, &["iterable", "start"], 1, 1, 1)?;
    let mut result = match &a[1] {
        Some(s) => s.clone(),
        None => int::from_i64(1),
    };
    let it = krait_runtime::ops::iter(a[0].as_ref().unwrap())?;
    while let Some(item) = krait_runtime::ops::next(&it)? {
        result = krait_runtime::ops::number::binary_op(&result, &item, BinaryOp::Multiply)?;
    }
    Ok(result)
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("acos", m_acos),
        method("acosh", m_acosh),
        method("asin", m_asin),
        method("asinh", m_asinh),
        method("atan", m_atan),
        method("atan2", m_atan2),
        method("atanh", m_atanh),
        method("cbrt", m_cbrt),
        method("ceil", m_ceil),
        method("copysign", m_copysign),
        method("cos", m_cos),
        method("cosh", m_cosh),
        method("degrees", m_degrees),
        method("dist", m_dist),
        method("erf", m_erf),
        method("erfc", m_erfc),
        method("exp", m_exp),
        method("exp2", m_exp2),
        method("expm1", m_expm1),
        method("fabs", m_fabs),
        method("factorial", m_factorial),
        method("floor", m_floor),
        method("fmod", m_fmod),
        method("frexp", m_frexp),
        method("fsum", m_fsum),
        method("gamma", m_gamma),
        method("gcd", m_gcd),
        method("hypot", m_hypot),
        method("isclose", m_isclose),
        method("isfinite", m_isfinite),
        method("isinf", m_isinf),
        method("isnan", m_isnan),
        method("isqrt", m_isqrt),
        method("lcm", m_lcm),
        method("ldexp", m_ldexp),
        method("lgamma", m_lgamma),
        method("log", m_log),
        method("log1p", m_log1p),
        method("log10", m_log10),
        method("log2", m_log2),
        method("modf", m_modf),
        method("pow", m_pow),
        method("radians", m_radians),
        method("remainder", m_remainder),
        method("sin", m_sin),
        method("sinh", m_sinh),
        method("sqrt", m_sqrt),
        method("tan", m_tan),
        method("tanh", m_tanh),
        method("trunc", m_trunc),
        method("prod", m_prod),
        method("perm", m_perm),
        method("comb", m_comb),
        method("nextafter", m_nextafter),
        method("ulp", m_ulp),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("math")?;
    let d = module::dict_of(&m);
    dict::set_item_str(
        &d,
        "__doc__",
        &pystr::new("This module provides access to the mathematical functions\ndefined by the C standard."),
    )?;
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "pi", &fl(PI))?;
    dict::set_item_str(&d, "e", &fl(std::f64::consts::E))?;
    dict::set_item_str(&d, "tau", &fl(std::f64::consts::TAU))?;
    dict::set_item_str(&d, "inf", &fl(f64::INFINITY))?;
    dict::set_item_str(&d, "nan", &fl(f64::NAN))?;
    Ok(m)
}
