//! The `cmath` module: complex functions with C99 Annex G's special
//! values (7x7 tables by the class of the real and imaginary parts), the
//! branch cuts and signed zeros of CPython's algorithms, and its error
//! reporting (EDOM: "math domain error", ERANGE: "math range error").

use crate::math::{call_special, libm, Errno};
use krait_runtime::errors::PyResult;
use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bool_, complex, dict, float, module, str as pystr, tuple};
use krait_runtime::{bail, raise};

#[derive(Clone, Copy)]
struct C {
    re: f64,
    im: f64,
}

const fn c(re: f64, im: f64) -> C {
    C { re, im }
}

const PI: f64 = std::f64::consts::PI;
const P: f64 = PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// Never returned: the finite cells of the tables.
const U: f64 = -9.5426319407711027e33;
const LN2: f64 = 0.6931471805599453094;
const LN10: f64 = 2.302585092994045684;
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const MANT_DIG: i32 = 53;
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}

fn log_large_double() -> f64 {
    unsafe { libm::log(LARGE_DOUBLE) }
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// The class of a double: -inf, negative, -0, +0, positive, +inf, nan.
fn special_type(d: f64) -> usize {
    if d.is_finite() {
        let pos = d.is_sign_positive();
        if d != 0.0 {
            if pos {
                4
            } else {
                1
            }
        } else if pos {
            3
        } else {
            2
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

type Table = [[C; 7]; 7];

fn special(z: C, t: &Table) -> C {
    t[special_type(z.re)][special_type(z.im)]
}

fn not_finite(z: C) -> bool {
    !z.re.is_finite() || !z.im.is_finite()
}

macro_rules! row {
    ($($re:expr, $im:expr);*) => { [$(c($re, $im)),*] };
}

static ACOS_SV: Table = [
    row!(P34, INF; P, INF; P, INF; P, -INF; P, -INF; P34, -INF; N, INF),
    row!(P12, INF; U, U; U, U; U, U; U, U; P12, -INF; N, N),
    row!(P12, INF; U, U; P12, 0.; P12, -0.; U, U; P12, -INF; P12, N),
    row!(P12, INF; U, U; P12, 0.; P12, -0.; U, U; P12, -INF; P12, N),
    row!(P12, INF; U, U; U, U; U, U; U, U; P12, -INF; N, N),
    row!(P14, INF; 0., INF; 0., INF; 0., -INF; 0., -INF; P14, -INF; N, INF),
    row!(N, INF; N, N; N, N; N, N; N, N; N, -INF; N, N),
];

static ACOSH_SV: Table = [
    row!(INF, -P34; INF, -P; INF, -P; INF, P; INF, P; INF, P34; INF, N),
    row!(INF, -P12; U, U; U, U; U, U; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; 0., -P12; 0., P12; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; 0., -P12; 0., P12; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; U, U; U, U; U, U; INF, P12; N, N),
    row!(INF, -P14; INF, -0.; INF, -0.; INF, 0.; INF, 0.; INF, P14; INF, N),
    row!(INF, N; N, N; N, N; N, N; N, N; INF, N; N, N),
];

static ASINH_SV: Table = [
    row!(-INF, -P14; -INF, -0.; -INF, -0.; -INF, 0.; -INF, 0.; -INF, P14; -INF, N),
    row!(-INF, -P12; U, U; U, U; U, U; U, U; -INF, P12; N, N),
    row!(-INF, -P12; U, U; -0., -0.; -0., 0.; U, U; -INF, P12; N, N),
    row!(INF, -P12; U, U; 0., -0.; 0., 0.; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; U, U; U, U; U, U; INF, P12; N, N),
    row!(INF, -P14; INF, -0.; INF, -0.; INF, 0.; INF, 0.; INF, P14; INF, N),
    row!(INF, N; N, N; N, -0.; N, 0.; N, N; INF, N; N, N),
];

static ATANH_SV: Table = [
    row!(-0., -P12; -0., -P12; -0., -P12; -0., P12; -0., P12; -0., P12; -0., N),
    row!(-0., -P12; U, U; U, U; U, U; U, U; -0., P12; N, N),
    row!(-0., -P12; U, U; -0., -0.; -0., 0.; U, U; -0., P12; -0., N),
    row!(0., -P12; U, U; 0., -0.; 0., 0.; U, U; 0., P12; 0., N),
    row!(0., -P12; U, U; U, U; U, U; U, U; 0., P12; N, N),
    row!(0., -P12; 0., -P12; 0., -P12; 0., P12; 0., P12; 0., P12; 0., N),
    row!(0., -P12; N, N; N, N; N, N; N, N; 0., P12; N, N),
];

static COSH_SV: Table = [
    row!(INF, N; U, U; INF, 0.; INF, -0.; U, U; INF, N; INF, N),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(N, 0.; U, U; 1., 0.; 1., -0.; U, U; N, 0.; N, 0.),
    row!(N, 0.; U, U; 1., -0.; 1., 0.; U, U; N, 0.; N, 0.),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(INF, N; U, U; INF, -0.; INF, 0.; U, U; INF, N; INF, N),
    row!(N, N; N, N; N, 0.; N, 0.; N, N; N, N; N, N),
];

static EXP_SV: Table = [
    row!(0., 0.; U, U; 0., -0.; 0., 0.; U, U; 0., 0.; 0., 0.),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(N, N; U, U; 1., -0.; 1., 0.; U, U; N, N; N, N),
    row!(N, N; U, U; 1., -0.; 1., 0.; U, U; N, N; N, N),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(INF, N; U, U; INF, -0.; INF, 0.; U, U; INF, N; INF, N),
    row!(N, N; N, N; N, -0.; N, 0.; N, N; N, N; N, N),
];

static LOG_SV: Table = [
    row!(INF, -P34; INF, -P; INF, -P; INF, P; INF, P; INF, P34; INF, N),
    row!(INF, -P12; U, U; U, U; U, U; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; -INF, -P; -INF, P; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; -INF, -0.; -INF, 0.; U, U; INF, P12; N, N),
    row!(INF, -P12; U, U; U, U; U, U; U, U; INF, P12; N, N),
    row!(INF, -P14; INF, -0.; INF, -0.; INF, 0.; INF, 0.; INF, P14; INF, N),
    row!(INF, N; N, N; N, N; N, N; N, N; INF, N; N, N),
];

static SINH_SV: Table = [
    row!(INF, N; U, U; -INF, -0.; -INF, 0.; U, U; INF, N; INF, N),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(0., N; U, U; -0., -0.; -0., 0.; U, U; 0., N; 0., N),
    row!(0., N; U, U; 0., -0.; 0., 0.; U, U; 0., N; 0., N),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(INF, N; U, U; INF, -0.; INF, 0.; U, U; INF, N; INF, N),
    row!(N, N; N, N; N, -0.; N, 0.; N, N; N, N; N, N),
];

static SQRT_SV: Table = [
    row!(INF, -INF; 0., -INF; 0., -INF; 0., INF; 0., INF; INF, INF; N, INF),
    row!(INF, -INF; U, U; U, U; U, U; U, U; INF, INF; N, N),
    row!(INF, -INF; U, U; 0., -0.; 0., 0.; U, U; INF, INF; N, N),
    row!(INF, -INF; U, U; 0., -0.; 0., 0.; U, U; INF, INF; N, N),
    row!(INF, -INF; U, U; U, U; U, U; U, U; INF, INF; N, N),
    row!(INF, -INF; INF, -0.; INF, -0.; INF, 0.; INF, 0.; INF, INF; INF, N),
    row!(INF, -INF; N, N; N, N; N, N; N, N; INF, INF; N, N),
];

static TANH_SV: Table = [
    row!(-1., 0.; U, U; -1., -0.; -1., 0.; U, U; -1., 0.; -1., 0.),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(N, N; U, U; -0., -0.; -0., 0.; U, U; N, N; N, N),
    row!(N, N; U, U; 0., -0.; 0., 0.; U, U; N, N; N, N),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(1., 0.; U, U; 1., -0.; 1., 0.; U, U; 1., 0.; 1., 0.),
    row!(N, N; N, N; N, -0.; N, 0.; N, N; N, N; N, N),
];

static RECT_SV: Table = [
    row!(INF, N; U, U; -INF, 0.; -INF, -0.; U, U; INF, N; INF, N),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(0., 0.; U, U; -0., 0.; -0., -0.; U, U; 0., 0.; 0., 0.),
    row!(0., 0.; U, U; 0., -0.; 0., 0.; U, U; 0., 0.; 0., 0.),
    row!(N, N; U, U; U, U; U, U; U, U; N, N; N, N),
    row!(INF, N; U, U; INF, -0.; INF, 0.; U, U; INF, N; INF, N),
    row!(N, N; N, N; N, 0.; N, 0.; N, N; N, N; N, N),
];

// libm shorthands.
fn sin(x: f64) -> f64 {
    unsafe { libm::sin(x) }
}
fn cos(x: f64) -> f64 {
    unsafe { libm::cos(x) }
}
fn sinh(x: f64) -> f64 {
    unsafe { libm::sinh(x) }
}
fn cosh(x: f64) -> f64 {
    unsafe { libm::cosh(x) }
}
fn tanh(x: f64) -> f64 {
    unsafe { libm::tanh(x) }
}
fn tan(x: f64) -> f64 {
    unsafe { libm::tan(x) }
}
fn exp(x: f64) -> f64 {
    unsafe { libm::exp(x) }
}
fn log(x: f64) -> f64 {
    unsafe { libm::log(x) }
}
fn log1p(x: f64) -> f64 {
    unsafe { libm::log1p(x) }
}
fn asinh(x: f64) -> f64 {
    unsafe { libm::asinh(x) }
}
fn atan2(y: f64, x: f64) -> f64 {
    unsafe { libm::atan2(y, x) }
}
fn hypot(x: f64, y: f64) -> f64 {
    unsafe { libm::hypot(x, y) }
}
fn ldexp(x: f64, e: i32) -> f64 {
    unsafe { libm::ldexp(x, e) }
}

const E: f64 = std::f64::consts::E;

fn neg(z: C) -> C {
    c(-z.re, -z.im)
}

fn c_acos(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        *e = Errno::Ok;
        return special(z, &ACOS_SV);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = atan2(z.im.abs(), z.re);
        let im = if z.re < 0.0 {
            -(log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0).copysign(z.im)
        } else {
            (log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0).copysign(-z.im)
        };
        c(re, im)
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im), e);
        let s2 = c_sqrt(c(1.0 + z.re, z.im), e);
        c(2.0 * atan2(s1.re, s2.re), asinh(s2.re * s1.im - s2.im * s1.re))
    };
    *e = Errno::Ok;
    r
}

fn c_acosh(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        *e = Errno::Ok;
        return special(z, &ACOSH_SV);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0, atan2(z.im, z.re))
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im), e);
        let s2 = c_sqrt(c(z.re + 1.0, z.im), e);
        c(asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * atan2(s1.im, s2.re))
    };
    *e = Errno::Ok;
    r
}

fn c_asin(z: C, e: &mut Errno) -> C {
    let s = c_asinh(c(-z.im, z.re), e);
    c(s.im, -s.re)
}

fn c_asinh(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        *e = Errno::Ok;
        return special(z, &ASINH_SV);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = if z.im >= 0.0 {
            (log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0).copysign(z.re)
        } else {
            -(log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0).copysign(-z.re)
        };
        c(re, atan2(z.im, z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re), e);
        let s2 = c_sqrt(c(1.0 - z.im, z.re), e);
        c(asinh(s1.re * s2.im - s2.re * s1.im), atan2(z.im, s1.re * s2.re - s1.im * s2.im))
    };
    *e = Errno::Ok;
    r
}

fn c_atan(z: C, e: &mut Errno) -> C {
    let s = c_atanh(c(-z.im, z.re), e);
    c(s.im, -s.re)
}

/// atan2 with C99's special cases, as the phase of z.
fn c_atan2(z: C) -> f64 {
    if z.re.is_nan() || z.im.is_nan() {
        return f64::NAN;
    }
    if z.im.is_infinite() {
        if z.re.is_infinite() {
            if z.re.is_sign_positive() {
                return (0.25 * PI).copysign(z.im);
            }
            return (0.75 * PI).copysign(z.im);
        }
        return (0.5 * PI).copysign(z.im);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        if z.re.is_sign_positive() {
            return 0.0f64.copysign(z.im);
        }
        return PI.copysign(z.im);
    }
    atan2(z.im, z.re)
}

fn c_atanh(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        *e = Errno::Ok;
        return special(z, &ATANH_SV);
    }
    if z.re < 0.0 {
        return neg(c_atanh(neg(z), e));
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        let h = hypot(z.re / 2.0, z.im / 2.0);
        *e = Errno::Ok;
        c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im))
    } else if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            *e = Errno::Dom;
            c(INF, z.im)
        } else {
            *e = Errno::Ok;
            c(-log(ay.sqrt() / hypot(ay, 2.0).sqrt()), (atan2(2.0, -ay) / 2.0).copysign(z.im))
        }
    } else {
        *e = Errno::Ok;
        c(
            log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0,
            -atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
        )
    }
}

fn c_cos(z: C, e: &mut Errno) -> C {
    c_cosh(c(-z.im, z.re), e)
}

fn c_cosh(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(cos(z.im)), INF.copysign(sin(z.im)))
            } else {
                c(INF.copysign(cos(z.im)), -INF.copysign(sin(z.im)))
            }
        } else {
            special(z, &COSH_SV)
        };
        *e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Dom } else { Errno::Ok };
        return r;
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(cos(z.im) * cosh(x_minus_one) * E, sin(z.im) * sinh(x_minus_one) * E)
    } else {
        c(cos(z.im) * cosh(z.re), sin(z.im) * sinh(z.re))
    };
    *e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    r
}

fn c_exp(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(cos(z.im)), INF.copysign(sin(z.im)))
            } else {
                c(0.0f64.copysign(cos(z.im)), 0.0f64.copysign(sin(z.im)))
            }
        } else {
            special(z, &EXP_SV)
        };
        *e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return r;
    }
    let r = if z.re > log_large_double() {
        let l = exp(z.re - 1.0);
        c(l * cos(z.im) * E, l * sin(z.im) * E)
    } else {
        let l = exp(z.re);
        c(l * cos(z.im), l * sin(z.im))
    };
    *e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    r
}

fn c_log(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        *e = Errno::Ok;
        return special(z, &LOG_SV);
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        log(hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            log(hypot(ldexp(ax, MANT_DIG), ldexp(ay, MANT_DIG))) - MANT_DIG as f64 * LN2
        } else {
            *e = Errno::Dom;
            return c(-INF, atan2(z.im, z.re));
        }
    } else {
        let h = hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let am = if ax > ay { ax } else { ay };
            let an = if ax > ay { ay } else { ax };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            log(h)
        }
    };
    *e = Errno::Ok;
    c(re, atan2(z.im, z.re))
}

fn c_log10(z: C, e: &mut Errno) -> C {
    let r = c_log(z, e);
    c(r.re / LN10, r.im / LN10)
}

fn c_sin(z: C, e: &mut Errno) -> C {
    let s = c_sinh(c(-z.im, z.re), e);
    c(s.im, -s.re)
}

fn c_sinh(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(cos(z.im)), INF.copysign(sin(z.im)))
            } else {
                c(-INF.copysign(cos(z.im)), INF.copysign(sin(z.im)))
            }
        } else {
            special(z, &SINH_SV)
        };
        *e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Dom } else { Errno::Ok };
        return r;
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(cos(z.im) * sinh(x_minus_one) * E, sin(z.im) * cosh(x_minus_one) * E)
    } else {
        c(cos(z.im) * sinh(z.re), sin(z.im) * cosh(z.re))
    };
    *e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    r
}

fn c_sqrt(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        *e = Errno::Ok;
        return special(z, &SQRT_SV);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return c(0.0, z.im);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE && (ax > 0.0 || ay > 0.0) {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + hypot(ax, ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    *e = Errno::Ok;
    if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    }
}

fn c_tan(z: C, e: &mut Errno) -> C {
    let s = c_tanh(c(-z.im, z.re), e);
    c(s.im, -s.re)
}

fn c_tanh(z: C, e: &mut Errno) -> C {
    if not_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * sin(z.im) * cos(z.im));
            if z.re > 0.0 {
                c(1.0, im)
            } else {
                c(-1.0, im)
            }
        } else {
            special(z, &TANH_SV)
        };
        *e = if z.im.is_infinite() && z.re.is_finite() { Errno::Dom } else { Errno::Ok };
        return r;
    }
    let r = if z.re.abs() > log_large_double() {
        c(1.0f64.copysign(z.re), 4.0 * sin(z.im) * cos(z.im) * exp(-2.0 * z.re.abs()))
    } else {
        let tx = tanh(z.re);
        let ty = tan(z.im);
        let cx = 1.0 / cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    *e = Errno::Ok;
    r
}

/// _Py_c_quot: errno EDOM when dividing by zero.
fn c_quot(a: C, b: C, e: &mut Errno) -> C {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            *e = Errno::Dom;
            c(0.0, 0.0)
        } else {
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
        }
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        c(f64::NAN, f64::NAN)
    }
}

/// _Py_c_abs: infinite if either part is; ERANGE on overflow.
fn c_abs(z: C, e: &mut Errno) -> f64 {
    if not_finite(z) {
        if z.re.is_infinite() {
            *e = Errno::Ok;
            return z.re.abs();
        }
        if z.im.is_infinite() {
            *e = Errno::Ok;
            return z.im.abs();
        }
        return f64::NAN;
    }
    let r = hypot(z.re, z.im);
    *e = if r.is_finite() { Errno::Ok } else { Errno::Range };
    r
}

fn math_error(e: Errno) -> krait_runtime::errors::PyErr {
    match e {
        Errno::Range => raise!(OverflowError, "math range error"),
        _ => raise!(ValueError, "math domain error"),
    }
}

/// PyComplex_AsCComplex: a complex, `__complex__`, or a real number.
fn as_complex(o: &Obj) -> PyResult<C> {
    if complex::is_complex(o) {
        let (re, im) = complex::parts(o);
        return Ok(c(re, im));
    }
    if let Some(r) = call_special(o, "__complex__")? {
        if !complex::is_complex(&r) {
            bail!(TypeError, "__complex__ returned non-complex (type {})", r.ty().name());
        }
        if !complex::is_exact_complex(&r) {
            krait_runtime::errors::warn(
                krait_runtime::types::exceptions::DeprecationWarning(),
                &format!(
                    "__complex__ returned non-complex (type {}).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.",
                    r.ty().name()
                ),
            )?;
        }
        let (re, im) = complex::parts(&r);
        return Ok(c(re, im));
    }
    Ok(c(float::as_f64(o)?, 0.0))
}

fn cx(z: C) -> Obj {
    complex::from_parts(z.re, z.im)
}

type CFn = fn(C, &mut Errno) -> C;

fn func1(name: &str, args: &[Obj], kw: Option<&Obj>, f: CFn) -> PyResult<Obj> {
    check_nargs(name, args, kw, 1, 1)?;
    let z = as_complex(&args[0])?;
    let mut e = Errno::Ok;
    let r = f(z, &mut e);
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(cx(r))
}

macro_rules! cfunc1 {
    ($($pyname:literal => $fname:ident, $f:ident;)*) => {
        $(fn $fname(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            func1(concat!("cmath.", $pyname), args, kw, $f)
        })*
    };
}

cfunc1! {
    "acos" => m_acos, c_acos;
    "acosh" => m_acosh, c_acosh;
    "asin" => m_asin, c_asin;
    "asinh" => m_asinh, c_asinh;
    "atan" => m_atan, c_atan;
    "atanh" => m_atanh, c_atanh;
    "cos" => m_cos, c_cos;
    "cosh" => m_cosh, c_cosh;
    "exp" => m_exp, c_exp;
    "log10" => m_log10, c_log10;
    "sin" => m_sin, c_sin;
    "sinh" => m_sinh, c_sinh;
    "sqrt" => m_sqrt, c_sqrt;
    "tan" => m_tan, c_tan;
    "tanh" => m_tanh, c_tanh;
}

fn m_log(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.log", args, kw, 1, 2)?;
    let x = as_complex(&args[0])?;
    let mut e = Errno::Ok;
    let mut r = c_log(x, &mut e);
    if let Some(b) = args.get(1) {
        let y = as_complex(b)?;
        let ly = c_log(y, &mut e);
        r = c_quot(r, ly, &mut e);
    }
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(cx(r))
}

fn m_phase(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.phase", args, kw, 1, 1)?;
    let z = as_complex(&args[0])?;
    crate::math::clear_errno();
    let phi = c_atan2(z);
    let e = crate::math::read_errno();
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(float::from_f64(phi))
}

fn m_polar(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.polar", args, kw, 1, 1)?;
    let z = as_complex(&args[0])?;
    crate::math::clear_errno();
    let phi = c_atan2(z);
    let mut e = crate::math::read_errno();
    let r = c_abs(z, &mut e);
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(tuple::new(&[float::from_f64(r), float::from_f64(phi)]))
}

fn m_rect(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.rect", args, kw, 2, 2)?;
    let r = float::as_f64(&args[0])?;
    let phi = float::as_f64(&args[1])?;
    let (z, e);
    if !r.is_finite() || !phi.is_finite() {
        z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                c(INF.copysign(cos(phi)), INF.copysign(sin(phi)))
            } else {
                c(-INF.copysign(cos(phi)), -INF.copysign(sin(phi)))
            }
        } else {
            RECT_SV[special_type(r)][special_type(phi)]
        };
        e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Dom } else { Errno::Ok };
    } else if phi == 0.0 {
        z = c(r, r * phi);
        e = Errno::Ok;
    } else {
        z = c(r * cos(phi), r * sin(phi));
        e = Errno::Ok;
    }
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(cx(z))
}

fn m_isfinite(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.isfinite", args, kw, 1, 1)?;
    let z = as_complex(&args[0])?;
    Ok(bool_::from_bool(z.re.is_finite() && z.im.is_finite()))
}

fn m_isnan(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.isnan", args, kw, 1, 1)?;
    let z = as_complex(&args[0])?;
    Ok(bool_::from_bool(z.re.is_nan() || z.im.is_nan()))
}

fn m_isinf(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cmath.isinf", args, kw, 1, 1)?;
    let z = as_complex(&args[0])?;
    Ok(bool_::from_bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn m_isclose(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("isclose", args, kw, &["a", "b", "rel_tol", "abs_tol"], 0, 2, 2)?;
    let x = as_complex(a[0].as_ref().unwrap())?;
    let y = as_complex(a[1].as_ref().unwrap())?;
    let rel_tol = match &a[2] {
        Some(o) => float::as_f64(o)?,
        None => 1e-09,
    };
    let abs_tol = match &a[3] {
        Some(o) => float::as_f64(o)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        bail!(ValueError, "tolerances must be non-negative");
    }
    if x.re == y.re && x.im == y.im {
        return Ok(bool_::from_bool(true));
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(bool_::from_bool(false));
    }
    let mut e = Errno::Ok;
    let diff = c_abs(c(x.re - y.re, x.im - y.im), &mut e);
    let close = diff <= rel_tol * c_abs(y, &mut e) || diff <= rel_tol * c_abs(x, &mut e) || diff <= abs_tol;
    Ok(bool_::from_bool(close))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("acos", m_acos),
        method("acosh", m_acosh),
        method("asin", m_asin),
        method("asinh", m_asinh),
        method("atan", m_atan),
        method("atanh", m_atanh),
        method("cos", m_cos),
        method("cosh", m_cosh),
        method("exp", m_exp),
        method("isclose", m_isclose),
        method("isfinite", m_isfinite),
        method("isinf", m_isinf),
        method("isnan", m_isnan),
        method("log", m_log),
        method("log10", m_log10),
        method("phase", m_phase),
        method("polar", m_polar),
        method("rect", m_rect),
        method("sin", m_sin),
        method("sinh", m_sinh),
        method("sqrt", m_sqrt),
        method("tan", m_tan),
        method("tanh", m_tanh),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("cmath")?;
    let d = module::dict_of(&m);
    dict::set_item_str(
        &d,
        "__doc__",
        &pystr::new("This module provides access to mathematical functions for complex\nnumbers."),
    )?;
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "pi", &float::from_f64(PI))?;
    dict::set_item_str(&d, "e", &float::from_f64(E))?;
    dict::set_item_str(&d, "tau", &float::from_f64(std::f64::consts::TAU))?;
    dict::set_item_str(&d, "inf", &float::from_f64(INF))?;
    dict::set_item_str(&d, "infj", &complex::from_parts(0.0, INF))?;
    dict::set_item_str(&d, "nan", &float::from_f64(f64::NAN))?;
    dict::set_item_str(&d, "nanj", &complex::from_parts(0.0, f64::NAN))?;
    Ok(m)
}
