//! `complex`: CPython's PyComplexObject (header + two f64), arithmetic with
//! CPython's algorithms (Smith's division, integer-power fast path), and
//! `complex()` from numbers and strings.

use crate::errors::{PyErr, PyResult};
use crate::object::{alloc, tpflags, Obj, PyNumberMethods, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table, RustMethod};
use crate::types::float;
use crate::types::int;
use crate::types::none::not_implemented;
use crate::types::numeric::format_spec;
use crate::types::numeric::parse::{parse_float, strip_py};
use crate::types::{str as pystr, tuple};
use krait_bytecode::CompareOp;

/// CPython's Py_complex.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyComplex {
    pub real: f64,
    pub imag: f64,
}

#[repr(C)]
pub struct PyComplexObject {
    pub ob_base: PyObject,
    pub cval: PyComplex,
}

#[no_mangle]
pub static mut PyComplex_Type: PyTypeObject = PyTypeObject::EMPTY;

static mut COMPLEX_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;

#[inline]
pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyComplex_Type
}

#[inline]
pub fn is_complex(o: &Obj) -> bool {
    o.is_type(type_ptr()) || crate::types::type_::is_subtype(o.type_ptr(), type_ptr())
}

#[inline]
pub fn is_exact_complex(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
pub fn parts(o: &Obj) -> (f64, f64) {
    let c = unsafe { o.cast::<PyComplexObject>().cval };
    (c.real, c.imag)
}

pub fn from_parts(re: f64, im: f64) -> Obj {
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut PyComplexObject;
        (*p).cval = PyComplex { real: re, imag: im };
        Obj::from_owned(p as *mut PyObject)
    }
}

pub fn new_complex_subtype(tp: *mut PyTypeObject, re: f64, im: f64) -> PyResult<Obj> {
    if tp == type_ptr() {
        return Ok(from_parts(re, im));
    }
    unsafe {
        let p = match (*tp).tp_alloc {
            Some(a) => a(tp, 0),
            None => alloc::alloc_object(tp, 0),
        };
        if p.is_null() {
            return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
        }
        (*(p as *mut PyComplexObject)).cval = PyComplex { real: re, imag: im };
        Ok(Obj::from_owned(p))
    }
}

/// Operand of a complex binary op; None for NotImplemented.
fn operand(o: &Obj) -> PyResult<Option<(f64, f64)>> {
    if is_complex(o) {
        Ok(Some(parts(o)))
    } else if float::is_float(o) {
        Ok(Some((float::value(o), 0.0)))
    } else if int::is_int(o) {
        Ok(Some((int::to_f64(o)?, 0.0)))
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

type C = (f64, f64);

fn c_mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; None for division by zero.
fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

pub fn add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    Ok(from_parts(x.0 + y.0, x.1 + y.1))
}

pub fn sub(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    Ok(from_parts(x.0 - y.0, x.1 - y.1))
}

pub fn mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    let r = c_mul(x, y);
    Ok(from_parts(r.0, r.1))
}

pub fn truediv(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = operands!(a, b);
    match c_quot(x, y) {
        Some(r) => Ok(from_parts(r.0, r.1)),
        None => crate::bail!(ZeroDivisionError, "complex division by zero"),
    }
}

enum PowErr {
    Dom,
}

fn c_pow(a: C, b: C) -> Result<C, PowErr> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowErr::Dom);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    // cos/sin of an infinite phase set errno to EDOM in C, which CPython
    // reports as a ZeroDivisionError.
    if phase.is_infinite() {
        return Err(PowErr::Dom);
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, mut n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_mul(r, p);
        }
        mask <<= 1;
        p = c_mul(p, p);
    }
    let _ = &mut n;
    r
}

fn c_powi(x: C, n: i64) -> Result<C, PowErr> {
    if n > 0 {
        Ok(c_powu(x, n as u64))
    } else {
        c_quot((1.0, 0.0), c_powu(x, n.unsigned_abs())).ok_or(PowErr::Dom)
    }
}

/// `a ** b` for complex values, with CPython's errors.
pub fn complex_pow_values(ar: f64, ai: f64, br: f64, bi: f64) -> PyResult<Obj> {
    let r = if bi == 0.0 && br == br.floor() && br.abs() <= 100.0 {
        c_powi((ar, ai), br as i64)
    } else {
        c_pow((ar, ai), (br, bi))
    };
    match r {
        Err(PowErr::Dom) => crate::bail!(ZeroDivisionError, "0.0 to a negative or complex power"),
        Ok(p) => {
            if p.0.is_infinite() || p.1.is_infinite() {
                crate::bail!(OverflowError, "complex exponentiation");
            }
            Ok(from_parts(p.0, p.1))
        }
    }
}

pub fn power(a: &Obj, b: &Obj, c: Option<&Obj>) -> PyResult<Obj> {
    // Operands are converted (or NotImplemented) before the modulo check.
    let (x, y) = operands!(a, b);
    if let Some(c) = c {
        if !crate::types::none::is_none(c) {
            crate::bail!(ValueError, "complex modulo");
        }
    }
    complex_pow_values(x.0, x.1, y.0, y.1)
}

pub fn neg(a: &Obj) -> PyResult<Obj> {
    let (r, i) = parts(a);
    Ok(from_parts(-r, -i))
}

pub fn pos(a: &Obj) -> PyResult<Obj> {
    if is_exact_complex(a) {
        return Ok(a.clone());
    }
    let (r, i) = parts(a);
    Ok(from_parts(r, i))
}

/// `abs(z)`.
pub fn abs_value(r: f64, i: f64) -> PyResult<f64> {
    if r.is_infinite() || i.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if r.is_nan() || i.is_nan() {
        return Ok(f64::NAN);
    }
    let h = r.hypot(i);
    if h.is_infinite() {
        crate::bail!(OverflowError, "absolute value too large");
    }
    Ok(h)
}

pub fn abs(a: &Obj) -> PyResult<Obj> {
    let (r, i) = parts(a);
    Ok(float::from_f64(abs_value(r, i)?))
}

pub fn nonzero(a: &Obj) -> PyResult<bool> {
    let (r, i) = parts(a);
    Ok(r != 0.0 || i != 0.0)
}

pub fn richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(not_implemented());
    }
    let (ar, ai) = parts(a);
    let equal = if int::is_int(b) {
        ai == 0.0 && float::cmp_f64_int(ar, b) == Some(std::cmp::Ordering::Equal)
    } else if float::is_float(b) {
        ai == 0.0 && ar == float::value(b)
    } else if is_complex(b) {
        let (br, bi) = parts(b);
        ar == br && ai == bi
    } else {
        return Ok(not_implemented());
    };
    Ok(crate::types::bool_::from_bool(if op == CompareOp::Eq { equal } else { !equal }))
}

pub fn hash(a: &Obj) -> PyResult<isize> {
    let (r, i) = parts(a);
    let hr = float::hash_value(a, r) as usize;
    let hi = float::hash_value(a, i) as usize;
    let h = hr.wrapping_add((crate::hash::IMAG as usize).wrapping_mul(hi)) as isize;
    Ok(if h == -1 { -2 } else { h })
}

pub fn repr(a: &Obj) -> PyResult<Obj> {
    let (r, i) = parts(a);
    Ok(pystr::new(&format_spec::complex_repr(r, i)))
}

crate::binary_slot!(add_slot => add);
crate::binary_slot!(sub_slot => sub);
crate::binary_slot!(mul_slot => mul);
crate::binary_slot!(truediv_slot => truediv);
crate::ternary_slot!(pow_slot => power);
crate::unary_slot!(neg_slot => neg);
crate::unary_slot!(pos_slot => pos);
crate::unary_slot!(abs_slot => abs);
crate::inquiry_slot!(bool_slot => nonzero);
crate::richcmp_slot!(richcmp_slot => richcompare);
crate::hash_slot!(hash_slot => hash);
crate::unary_slot!(repr_slot => repr);
crate::new_slot!(new_slot => complex_new);

// complex(real=0, imag=0)

fn malformed() -> PyErr {
    crate::raise!(ValueError, "complex() arg is a malformed string")
}

fn parse_part(s: &str) -> Option<f64> {
    if s.is_empty() || s.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    parse_float(s)
}

/// Parses a complex literal such as "1+2j", "(1-2j)", "j", "-1.5e3J".
pub fn parse_complex_str(text: &str) -> Option<(f64, f64)> {
    let mut s = strip_py(text);
    if s.starts_with('(') {
        s = strip_py(s.strip_prefix('(')?.strip_suffix(')')?);
    }
    if s.is_empty() {
        return None;
    }
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return parse_part(s).map(|r| (r, 0.0));
    };
    let unit = |p: &str| -> Option<f64> {
        match p {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => parse_part(p),
        }
    };
    // Split at the last sign that is not at the start and not an exponent's.
    let b = body.as_bytes();
    let mut split = None;
    for i in (1..b.len()).rev() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    match split {
        Some(i) => Some((parse_part(&body[..i])?, unit(&body[i..])?)),
        None => Some((0.0, unit(body)?)),
    }
}

/// `__complex__`, float-like or index-like conversion of a number;
/// None when `o` is none of those.
fn to_complex_parts(o: &Obj) -> PyResult<Option<(f64, f64, bool)>> {
    if is_exact_complex(o) {
        let (r, i) = parts(o);
        return Ok(Some((r, i, true)));
    }
    if let Some(r) = int::call_special(o, "__complex__")? {
        if !is_complex(&r) {
            crate::bail!(TypeError, "__complex__ returned non-complex (type {})", r.ty().name());
        }
        if !is_exact_complex(&r) {
            crate::errors::warn(
                crate::types::exceptions::DeprecationWarning(),
                &format!(
                    "__complex__ returned non-complex (type {}).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.",
                    r.ty().name()
                ),
            )?;
        }
        let (a, b) = parts(&r);
        return Ok(Some((a, b, true)));
    }
    if is_complex(o) {
        let (r, i) = parts(o);
        return Ok(Some((r, i, true)));
    }
    let has_num = unsafe {
        let nb = o.ty().tp_as_number;
        !nb.is_null() && ((*nb).nb_float.is_some() || (*nb).nb_index.is_some())
    };
    if has_num || float::is_float(o) {
        return Ok(Some((float::as_f64(o)?, 0.0, false)));
    }
    Ok(None)
}

fn complex_new(tp: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let pos = tuple::items(args);
    if pos.len() > 2 {
        crate::bail!(TypeError, "complex() takes at most 2 arguments ({} given)", pos.len());
    }
    let mut real = pos.first().cloned();
    let mut imag = pos.get(1).cloned();
    if let Some(kw) = kwargs {
        for (k, v) in crate::types::dict::items_vec(kw) {
            let name = pystr::to_string_lossy(&k);
            let (slot, idx) = match name.as_str() {
                "real" => (&mut real, 1),
                "imag" => (&mut imag, 2),
                _ => crate::bail!(TypeError, "'{}' is an invalid keyword argument for complex()", name),
            };
            if slot.is_some() {
                crate::bail!(TypeError, "argument for complex() given by name ('{}') and position ({})", name, idx);
            }
            *slot = Some(v);
        }
    }
    let Some(r) = real else {
        let (re, im) = match imag {
            None => (0.0, 0.0),
            Some(i) => imag_part(&i, 0.0, 0.0, false)?,  // real defaults to int 0
        };
        return new_complex_subtype(tp, re, im);
    };
    if pystr::is_str(&r) {
        if imag.is_some() {
            crate::bail!(TypeError, "complex() can't take second arg if first is a string");
        }
        let s = pystr::to_string_lossy(&r);
        // Underscores must sit between digits; the string is then parsed
        // without them (CPython's _Py_string_to_number_with_underscores).
        let s = if s.contains('_') {
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || crate::types::str_unicode::decimal(c as u32).is_some());
            let cs: Vec<char> = s.chars().collect();
            let ok = (0..cs.len()).all(|i| cs[i] != '_' || (i > 0 && digit(Some(cs[i - 1])) && digit(cs.get(i + 1).copied())));
            if !ok {
                crate::bail!(ValueError, "could not convert string to complex: {}", crate::types::str_methods::repr_str(&r));
            }
            s.replace('_', "")
        } else {
            s
        };
        let (re, im) = parse_complex_str(&s).ok_or_else(malformed)?;
        return new_complex_subtype(tp, re, im);
    }
    if imag.as_ref().map(pystr::is_str).unwrap_or(false) {
        crate::bail!(TypeError, "complex() second arg can't be a string");
    }
    if imag.is_none() && is_exact_complex(&r) && tp == type_ptr() {
        return Ok(r);
    }
    let (cr_r, cr_i, cr_is_complex) = match to_complex_parts(&r)? {
        Some(v) => v,
        None => crate::bail!(
            TypeError,
            "complex() first argument must be a string or a number, not '{}'",
            r.ty().name()
        ),
    };
    let (re, im) = match imag {
        None => (cr_r, cr_i),
        Some(i) => imag_part(&i, cr_r, cr_i, cr_is_complex)?,
    };
    new_complex_subtype(tp, re, im)
}

/// real + imag*1j where `cr_*` is the first argument's value. As CPython
/// does, only complex operands contribute their cross terms, so signed
/// zeros pass through untouched (complex(1.5, -0.0) keeps its -0.0).
fn imag_part(i: &Obj, cr_r: f64, cr_i: f64, cr_is_complex: bool) -> PyResult<(f64, f64)> {
    let (ci_r, ci_i, ci_is_complex) = if is_complex(i) {
        let (a, b) = parts(i);
        (a, b, true)
    } else {
        let has_num = unsafe {
            let nb = i.ty().tp_as_number;
            !nb.is_null() && ((*nb).nb_float.is_some() || (*nb).nb_index.is_some())
        };
        if !has_num && !float::is_float(i) {
            crate::bail!(TypeError, "complex() second argument must be a number, not '{}'", i.ty().name());
        }
        (float::as_f64(i)?, 0.0, false)
    };
    let re = if ci_is_complex { cr_r - ci_i } else { cr_r };
    let im = if cr_is_complex { ci_r + cr_i } else { ci_r };
    Ok((re, im))
}

// Methods.

fn m_conjugate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("complex.conjugate", args, kw, 0, 0)?;
    let (r, i) = parts(slf);
    Ok(from_parts(r, -i))
}

fn m_complex(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("complex.__complex__", args, kw, 0, 0)?;
    pos(slf)
}

fn m_getnewargs(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("complex.__getnewargs__", args, kw, 0, 0)?;
    let (r, i) = parts(slf);
    Ok(tuple::new(&[float::from_f64(r), float::from_f64(i)]))
}

fn m_format(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let spec = int::format_spec_arg("complex.__format__", args, kw)?;
    if spec.is_empty() {
        return crate::ops::str_of(slf);
    }
    let (r, i) = parts(slf);
    let tname = slf.ty().name().to_string();
    let f = format_spec::parse(&spec, &tname, None)
        .map_err(|m| int::format_error(format_spec::FormatError::Value(m)))?;
    let s = format_spec::format_complex(r, i, &f, &tname).map_err(int::format_error)?;
    Ok(pystr::new(&s))
}

pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let t = type_ptr();
        init_static(t, "complex", std::mem::size_of::<PyComplexObject>(), 0);
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_repr = Some(repr_slot);
        (*t).tp_hash = Some(hash_slot);
        (*t).tp_richcompare = Some(richcmp_slot);
        (*t).tp_new = Some(new_slot);
        (*t).tp_doc = crate::types::builtin_func::cstr(
            "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.",
        );
        let nb = &raw mut COMPLEX_NUMBER;
        (*nb).nb_add = Some(add_slot);
        (*nb).nb_subtract = Some(sub_slot);
        (*nb).nb_multiply = Some(mul_slot);
        (*nb).nb_power = Some(pow_slot);
        (*nb).nb_negative = Some(neg_slot);
        (*nb).nb_positive = Some(pos_slot);
        (*nb).nb_absolute = Some(abs_slot);
        (*nb).nb_bool = Some(bool_slot);
        (*nb).nb_true_divide = Some(truediv_slot);
        (*t).tp_as_number = nb;
        let methods: &[(&str, RustMethod)] = &[
            ("conjugate", m_conjugate),
            ("__complex__", m_complex),
            ("__getnewargs__", m_getnewargs),
            ("__format__", m_format),
        ];
        let specs: Vec<_> = methods.iter().map(|(n, f)| method(n, *f)).collect();
        (*t).tp_methods = method_table(&specs);
        // Member descriptors over the stored doubles, as CPython's.
        use crate::types::member::{code, static_members, READONLY};
        let at = std::mem::offset_of!(PyComplexObject, cval);
        (*t).tp_members = static_members(&[
            ("real", code::DOUBLE, at + std::mem::offset_of!(PyComplex, real), READONLY, "the real part of a complex number"),
            ("imag", code::DOUBLE, at + std::mem::offset_of!(PyComplex, imag), READONLY, "the imaginary part of a complex number"),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::parse_complex_str as p;

    #[test]
    fn parse() {
        assert_eq!(p("1+2j"), Some((1.0, 2.0)));
        assert_eq!(p(" (1-2j) "), Some((1.0, -2.0)));
        assert_eq!(p("j"), Some((0.0, 1.0)));
        assert_eq!(p("-j"), Some((0.0, -1.0)));
        assert_eq!(p("1e3j"), Some((0.0, 1000.0)));
        assert_eq!(p("+1.5e-3-2.5E+2J"), Some((0.0015, -250.0)));
        assert_eq!(p("x"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("(1+2j"), None);
        assert_eq!(p("1e"), None);
        assert_eq!(p("1 + 2j"), None);
        assert_eq!(p("5"), Some((5.0, 0.0)));
    }
}
