//! printf-style formatting of str (`template % values`), following CPython
//! 3.11's PyUnicode_Format: argument fetching order, mapping keys, `*`
//! widths and precisions, flags, every conversion and its error messages.
//! Output is built from code points, so lone surrogates pass through.

use crate::errors::{PyErr, PyResult};
use crate::object::Obj;
use crate::types::numeric::float_repr::format_abs;
use crate::types::str::{self as pystr, code_points};
use crate::types::{float, int, tuple};
use num_bigint::Sign;

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Where the next positional value comes from. A tuple's items are taken
/// in turn; any other object is the single value (`arglen` -1), and a
/// mapping-key lookup replaces it by the looked-up value.
struct Args {
    args: Obj,
    arglen: isize,
    argidx: isize,
}

impl Args {
    fn next(&mut self) -> PyResult<Obj> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            return Ok(tuple::items(&self.args)[i as usize].clone());
        }
        crate::bail!(TypeError, "not enough arguments for format string")
    }
}

/// PyMapping_Check: the type has mp_subscript (lists and bytes count).
fn has_mapping(o: &Obj) -> bool {
    let t = o.ty();
    !t.tp_as_mapping.is_null() && unsafe { (*t.tp_as_mapping).mp_subscript.is_some() }
}

/// PyNumber_Check: index, int or float conversion, or a complex.
fn is_number(o: &Obj) -> bool {
    let t = o.ty();
    let nb = t.tp_as_number;
    (!nb.is_null() && unsafe { (*nb).nb_index.is_some() || (*nb).nb_int.is_some() || (*nb).nb_float.is_some() })
        || crate::types::complex::is_complex(o)
}

/// `template % values`.
pub fn percent_format(template: &Obj, values: &Obj) -> PyResult<Obj> {
    let t = code_points(template);
    let dict = if has_mapping(values) && !tuple::is_tuple(values) && !pystr::is_str(values) {
        Some(values.clone())
    } else {
        None
    };
    let mut a = if tuple::is_tuple(values) {
        Args { args: values.clone(), arglen: tuple::len(values) as isize, argidx: 0 }
    } else {
        Args { args: values.clone(), arglen: -1, argidx: -2 }
    };
    let mut out: Vec<u32> = Vec::with_capacity(t.len() + 16);
    // A template that is one %s/%r/%a whose text goes out unchanged returns
    // that str object itself, as CPython's writer does.
    let mut whole: Option<Obj> = None;
    let n = t.len();
    let mut i = 0;
    while i < n {
        if t[i] != '%' as u32 {
            let start = i;
            while i < n && t[i] != '%' as u32 {
                i += 1;
            }
            out.extend_from_slice(&t[start..i]);
            continue;
        }
        i += 1;
        if i >= n {
            crate::bail!(ValueError, "incomplete format");
        }
        if t[i] == '%' as u32 {
            out.push('%' as u32);
            i += 1;
            continue;
        }
        i = format_one(&t, i, &mut a, dict.as_ref(), &mut out, &mut whole)?;
    }
    if a.argidx < a.arglen && dict.is_none() {
        crate::bail!(TypeError, "not all arguments converted during string formatting");
    }
    if let Some(w) = whole {
        return Ok(w);
    }
    // No conversion at all: CPython's writer hands back the template itself.
    if !t.contains(&('%' as u32)) {
        return Ok(template.clone());
    }
    Ok(pystr::from_code_points(&out))
}

fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

/// One conversion specifier starting after its '%' at `i`; returns the
/// index after it.
fn format_one(t: &[u32], mut i: usize, a: &mut Args, dict: Option<&Obj>, out: &mut Vec<u32>, whole: &mut Option<Obj>) -> PyResult<usize> {
    let n = t.len();
    let incomplete = || crate::raise!(ValueError, "incomplete format");
    // Mapping key: balanced parentheses.
    if t[i] == '(' as u32 {
        let Some(d) = dict else {
            crate::bail!(TypeError, "format requires a mapping");
        };
        i += 1;
        let start = i;
        let mut depth = 1;
        while i < n {
            if t[i] == ')' as u32 {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            } else if t[i] == '(' as u32 {
                depth += 1;
            }
            i += 1;
        }
        if i >= n {
            crate::bail!(ValueError, "incomplete format key");
        }
        let key = pystr::from_code_points(&t[start..i]);
        i += 1;
        a.args = crate::ops::seq::getitem(d, &key)?;
        a.arglen = -1;
        a.argidx = -2;
    }
    let mut flags = 0u8;
    while i < n {
        flags |= match char::from_u32(t[i]) {
            Some('-') => F_LJUST,
            Some('+') => F_SIGN,
            Some(' ') => F_BLANK,
            Some('#') => F_ALT,
            Some('0') => F_ZERO,
            _ => break,
        };
        i += 1;
    }
    if i >= n {
        return Err(incomplete());
    }
    // Width.
    let mut width: usize = 0;
    if t[i] == '*' as u32 {
        let v = a.next()?;
        if !int::is_int(&v) {
            crate::bail!(TypeError, "* wants int");
        }
        let w = int::as_isize_or_overflow(&v)?;
        if w < 0 {
            flags |= F_LJUST;
        }
        width = w.unsigned_abs();
        i += 1;
    } else {
        while i < n && is_ascii_digit(t[i]) {
            let d = (t[i] - '0' as u32) as usize;
            if width > (isize::MAX as usize - d) / 10 {
                crate::bail!(ValueError, "width too big");
            }
            width = width * 10 + d;
            i += 1;
        }
    }
    if i >= n {
        return Err(incomplete());
    }
    // Precision.
    let mut prec: Option<usize> = None;
    if t[i] == '.' as u32 {
        i += 1;
        if i >= n {
            return Err(incomplete());
        }
        if t[i] == '*' as u32 {
            let v = a.next()?;
            if !int::is_int(&v) {
                crate::bail!(TypeError, "* wants int");
            }
            let p = int::as_c_int(&v)?;
            prec = Some(p.max(0) as usize);
            i += 1;
        } else {
            let mut p: usize = 0;
            while i < n && is_ascii_digit(t[i]) {
                let d = (t[i] - '0' as u32) as usize;
                if p > (i32::MAX as usize - d) / 10 {
                    crate::bail!(ValueError, "precision too big");
                }
                p = p * 10 + d;
                i += 1;
            }
            prec = Some(p);
        }
    }
    if i >= n {
        return Err(incomplete());
    }
    // One C length modifier is skipped.
    if matches!(char::from_u32(t[i]), Some('h' | 'l' | 'L')) {
        i += 1;
        if i >= n {
            return Err(incomplete());
        }
    }
    let conv = t[i];
    let conv_index = i;
    i += 1;
    let v = a.next()?;
    let ch = char::from_u32(conv).unwrap_or('\u{fffd}');
    let (body, numeric): (Vec<u32>, bool) = match ch {
        's' | 'r' | 'a' => {
            let s = match ch {
                's' => crate::ops::str_of(&v)?,
                'r' => crate::ops::repr(&v)?,
                _ => crate::builtins::ascii_of(&v)?,
            };
            let len = pystr::len(&s);
            if out.is_empty()
                && i == n
                && width <= len
                && prec.map_or(true, |p| p >= len)
                && flags & (F_SIGN | F_BLANK) == 0
            {
                *whole = Some(s);
                return Ok(i);
            }
            let mut cps = code_points(&s);
            if let Some(p) = prec {
                cps.truncate(p);
            }
            (cps, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_long(&v, ch, flags & F_ALT != 0, prec)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float::as_f64(&v)?;
            let body = format_abs(x, ch, prec.unwrap_or(6), flags & F_ALT != 0, false);
            let neg = x.is_sign_negative() && !x.is_nan();
            let s = if neg { format!("-{}", body) } else { body };
            (s.chars().map(|c| c as u32).collect(), true)
        }
        'c' => (vec![format_char(&v)?], false),
        _ => {
            let shown = if (32..=126).contains(&conv) { ch } else { '?' };
            crate::bail!(ValueError, "unsupported format character '{}' (0x{:x}) at index {}", shown, conv, conv_index);
        }
    };
    output(out, &body, numeric, ch, flags, width)?;
    Ok(i)
}

/// %d/%i/%u (int(v)) and %o/%x/%X (v.__index__()) as sign, prefix, digits.
fn format_long(v: &Obj, ch: char, alt: bool, prec: Option<usize>) -> PyResult<Vec<u32>> {
    let wrong = |v: &Obj| -> PyErr {
        if matches!(ch, 'o' | 'x' | 'X') {
            crate::raise!(TypeError, "%{} format: an integer is required, not {}", ch, v.ty().name())
        } else {
            crate::raise!(TypeError, "%{} format: a real number is required, not {}", ch, v.ty().name())
        }
    };
    if !is_number(v) {
        return Err(wrong(v));
    }
    let iv = if int::is_int(v) {
        v.clone()
    } else {
        let r = if matches!(ch, 'o' | 'x' | 'X') { int::index(v) } else { int::number_long(v) };
        match r {
            Ok(i) => i,
            Err(e) => {
                if crate::errors::matches(crate::types::exceptions::TypeError()) {
                    crate::errors::clear();
                    return Err(wrong(v));
                }
                return Err(e);
            }
        }
    };
    let (neg, mut digits) = match int::as_i64(&iv) {
        // Machine-sized values skip the bignum radix conversion.
        Some(v) => {
            let m = v.unsigned_abs();
            let d = match ch {
                'o' => format!("{:o}", m),
                'x' => format!("{:x}", m),
                'X' => format!("{:X}", m),
                _ => m.to_string(),
            };
            (v < 0, d)
        }
        None => {
            let b = int::to_bigint(&iv);
            let mag = b.magnitude();
            let d = match ch {
                'o' => mag.to_str_radix(8),
                'x' => mag.to_str_radix(16),
                'X' => mag.to_str_radix(16).to_uppercase(),
                _ => int::to_decimal_string(&b)?.trim_start_matches('-').to_string(),
            };
            (b.sign() == Sign::Minus, d)
        }
    };
    if let Some(p) = prec {
        if digits.len() < p {
            digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
        }
    }
    let prefix = match ch {
        'o' if alt => "0o",
        'x' if alt => "0x",
        'X' if alt => "0X",
        _ => "",
    };
    let s = format!("{}{}{}", if neg { "-" } else { "" }, prefix, digits);
    Ok(s.bytes().map(|b| b as u32).collect())
}

/// %c: a one-character str or an int code point.
fn format_char(v: &Obj) -> PyResult<u32> {
    if pystr::is_str(v) {
        if pystr::len(v) != 1 {
            crate::bail!(TypeError, "%c requires int or char");
        }
        return Ok(pystr::char_at(v, 0));
    }
    let iv = match int::index(v) {
        Ok(i) => i,
        Err(e) => {
            if crate::errors::matches(crate::types::exceptions::TypeError()) {
                crate::errors::clear();
                crate::bail!(TypeError, "%c requires int or char");
            }
            return Err(e);
        }
    };
    match int::as_i64(&iv) {
        Some(c) if (0..0x110000).contains(&c) => Ok(c as u32),
        _ => crate::bail!(OverflowError, "%c arg not in range(0x110000)"),
    }
}

/// Pads a converted value to `width`: numbers get their sign (or '+'/' '
/// flag) and '#' prefix before zero padding, after space padding.
fn output(out: &mut Vec<u32>, body: &[u32], numeric: bool, ch: char, flags: u8, width: usize) -> PyResult<()> {
    // A width no memory can hold is a MemoryError, as in CPython.
    if out.try_reserve(width.max(body.len())).is_err() {
        return Err(crate::errors::raise_empty(crate::types::exceptions::MemoryError()));
    }
    let mut pos = 0;
    let mut len = body.len();
    let mut sign: Option<u32> = None;
    if numeric {
        if let Some(&c) = body.first() {
            if c == '-' as u32 || c == '+' as u32 {
                sign = Some(c);
                pos = 1;
                len -= 1;
            }
        }
        if sign.is_none() {
            if flags & F_SIGN != 0 {
                sign = Some('+' as u32);
            } else if flags & F_BLANK != 0 {
                sign = Some(' ' as u32);
            }
        }
    }
    let zero = numeric && flags & F_ZERO != 0 && flags & F_LJUST == 0;
    let has_prefix = numeric && flags & F_ALT != 0 && matches!(ch, 'o' | 'x' | 'X');
    let mut width = width.max(len + sign.is_some() as usize);
    if let Some(s) = sign {
        if zero {
            out.push(s);
        }
        width -= 1;
    }
    if has_prefix {
        if zero {
            out.extend_from_slice(&body[pos..pos + 2]);
            pos += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        let fill = if zero { '0' as u32 } else { ' ' as u32 };
        out.extend(std::iter::repeat(fill).take(width - len));
        width = len;
    }
    if !zero {
        if let Some(s) = sign {
            out.push(s);
        }
        if has_prefix {
            out.extend_from_slice(&body[pos..pos + 2]);
            pos += 2;
        }
    }
    out.extend_from_slice(&body[pos..]);
    if width > len {
        out.extend(std::iter::repeat(' ' as u32).take(width - len));
    }
    Ok(())
}
