//! Parsing of `int()` and `float()` string arguments, with CPython's rules
//! for whitespace, signs, base prefixes and underscores.

use num_bigint::{BigInt, BigUint};
use num_traits::Zero;

/// Default of `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

#[derive(Debug, PartialEq)]
pub enum IntParseError {
    /// "invalid literal for int() with base N: ..."
    Invalid,
    /// More decimal digits than the int max str digits limit (the count).
    TooManyDigits(usize),
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.strip()` whitespace.
pub fn strip_py(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Converts Unicode decimal digits to ASCII (as CPython does before parsing
/// numbers); other characters are kept.
fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match unicode_decimal(c) {
                Some(d) => (b'0' + d) as char,
                None if is_py_space(c) => ' ',
                None => c,
            })
            .collect(),
    )
}

/// The value of a Unicode decimal digit (category Nd), for the common
/// blocks whose digits are 10 consecutive code points starting at a zero.
fn unicode_decimal(c: char) -> Option<u8> {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
        0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066,
        0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    ];
    let u = c as u32;
    ZEROS.iter().find(|z| u >= **z && u < **z + 10).map(|z| (u - z) as u8)
}

/// Parses an `int()` literal in `base` (0 or 2..=36; the caller checks the
/// range). `max_digits` is the str-digits limit (0 = none) for bases that
/// are not powers of two.
pub fn parse_int(s: &str, base: u32, max_digits: usize) -> Result<BigInt, IntParseError> {
    let conv = ascii_digits(s);
    let s = strip_py(&conv);
    let (neg, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower2 = |r: &str| r.get(..2).map(|p| p.to_ascii_lowercase());
    let mut base = base;
    let mut had_prefix = false;
    let p = lower2(rest);
    let prefix_base = match p.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    if base == 0 {
        if prefix_base != 0 {
            base = prefix_base;
            rest = &rest[2..];
            had_prefix = true;
        } else {
            base = 10;
            // Leading zeros are not allowed in base 0 unless all digits are 0.
            if rest.starts_with('0') && rest.chars().any(|c| c != '0' && c != '_') {
                return Err(IntParseError::Invalid);
            }
        }
    } else if prefix_base == base && prefix_base != 0 {
        rest = &rest[2..];
        had_prefix = true;
    }
    // Underscores: single, between digits, or right after a base prefix.
    let bytes = rest.as_bytes();
    if bytes.is_empty() {
        return Err(IntParseError::Invalid);
    }
    let mut digits: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut prev_underscore = !had_prefix; // a leading '_' is only allowed after a prefix
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            if prev_underscore && !(i == 0 && had_prefix) {
                return Err(IntParseError::Invalid);
            }
            if i == 0 && !had_prefix {
                return Err(IntParseError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            b'A'..=b'Z' => b - b'A' + 10,
            _ => return Err(IntParseError::Invalid),
        };
        if d as u32 >= base {
            return Err(IntParseError::Invalid);
        }
        digits.push(d);
        prev_underscore = false;
    }
    if prev_underscore || digits.is_empty() {
        return Err(IntParseError::Invalid);
    }
    if max_digits > 0 && !base.is_power_of_two() && digits.len() > max_digits {
        return Err(IntParseError::TooManyDigits(digits.len()));
    }
    let mag = if digits.len() <= 12 {
        let mut v: u64 = 0;
        for d in &digits {
            v = v * base as u64 + *d as u64;
        }
        BigUint::from(v)
    } else {
        BigUint::from_radix_be(&digits, base).ok_or(IntParseError::Invalid)?
    };
    let v = BigInt::from(mag);
    Ok(if neg && !v.is_zero() { -v } else { v })
}

/// Parses a `float()` literal: decimal with optional exponent and PEP 515
/// underscores, or inf/infinity/nan, surrounded by optional whitespace.
pub fn parse_float(s: &str) -> Option<f64> {
    let conv = ascii_digits(s);
    let s = strip_py(&conv);
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => parse_decimal(body)?,
    };
    Some(if neg { -v } else { v })
}

/// Unsigned decimal float; underscores only between two digits.
pub fn parse_decimal(body: &str) -> Option<f64> {
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len());
    let mut i = 0;
    let mut saw_digit = false;
    let mut saw_exp = false;
    let mut saw_dot = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'0'..=b'9' => {
                saw_digit = true;
                clean.push(c as char);
            }
            b'_' => {
                let ok = i > 0 && b[i - 1].is_ascii_digit() && i + 1 < b.len() && b[i + 1].is_ascii_digit();
                if !ok {
                    return None;
                }
            }
            b'.' if !saw_dot && !saw_exp => {
                saw_dot = true;
                clean.push('.');
            }
            b'e' | b'E' if saw_digit && !saw_exp => {
                saw_exp = true;
                clean.push('e');
                if i + 1 < b.len() && (b[i + 1] == b'+' || b[i + 1] == b'-') {
                    clean.push(b[i + 1] as char);
                    i += 1;
                }
                if i + 1 >= b.len() || !b[i + 1].is_ascii_digit() {
                    return None;
                }
            }
            _ => return None,
        }
        i += 1;
    }
    if !saw_digit {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float.fromhex`: [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] decimal],
/// or inf/infinity/nan. None means "invalid hexadecimal floating-point
/// string"; Some(Err) means "hexadecimal value too large to represent as a float".
pub fn parse_hex_float(s: &str) -> Option<Result<f64, ()>> {
    let s = strip_py(s);
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY }));
    }
    if lower == "nan" {
        return Some(Ok(f64::NAN));
    }
    let mut rest = lower.as_str();
    if rest.starts_with("0x") {
        rest = &rest[2..];
    }
    let (mant, exp) = match rest.find('p') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    if !ip.bytes().chain(fp.bytes()).all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut e: i64 = match exp {
        None => 0,
        Some(x) => {
            let digits = x.strip_prefix(['+', '-']).unwrap_or(x);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let v: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            if x.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    // Mantissa as a big integer of all hex digits, exponent adjusted by 4 per fraction digit.
    let all: String = format!("{}{}", ip, fp);
    let all = all.trim_start_matches('0');
    e -= 4 * fp.len() as i64;
    if all.is_empty() {
        return Some(Ok(if neg { -0.0 } else { 0.0 }));
    }
    let m = BigUint::parse_bytes(all.as_bytes(), 16)?;
    let bits = m.bits() as i64;
    // value = m * 2**e; top bit position = bits + e - 1.
    let top = bits + e - 1;
    if top > 1023 {
        return Some(Err(()));
    }
    // Target precision: 53 bits, fewer for subnormals (min exponent -1074).
    let lsb = (top - 52).max(-1074); // exponent of the last kept bit
    let shift = lsb - e; // bits of m to drop
    let v = if shift > bits {
        // Below half the smallest subnormal: rounds to zero (and a huge
        // negative exponent must not become a huge shift).
        0.0
    } else if shift <= 0 {
        let mm = m.clone() << ((-shift) as usize);
        let mf = mm.iter_u64_digits().next().unwrap_or(0) as f64;
        mf * 2f64.powi(0) * pow2(lsb)
    } else {
        let shift = shift as u64;
        let kept = &m >> shift;
        let rem = &m - (&kept << shift);
        let half = BigUint::from(1u8) << (shift - 1);
        let mut k = kept.iter_u64_digits().next().unwrap_or(0);
        if rem > half || (rem == half && k & 1 == 1) {
            k += 1;
        }
        if (lsb + 64 - k.leading_zeros() as i64 - 1) > 1023 {
            return Some(Err(()));
        }
        k as f64 * pow2(lsb)
    };
    if v.is_infinite() {
        return Some(Err(()));
    }
    Some(Ok(if neg { -v } else { v }))
}

/// 2**e as f64 for -1074 <= e <= 1023 (exact).
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        2f64.powi(e as i32)
    } else {
        2f64.powi(-1022) * 2f64.powi((e + 1022) as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(s: &str, base: u32) -> Option<String> {
        parse_int(s, base, 4300).ok().map(|v| v.to_string())
    }

    #[test]
    fn ints() {
        assert_eq!(pi("0x_1f", 0).as_deref(), Some("31"));
        assert_eq!(pi("0_0", 0).as_deref(), Some("0"));
        assert_eq!(pi("00", 0).as_deref(), Some("0"));
        assert_eq!(pi("010", 0), None);
        assert_eq!(pi("1__0", 10), None);
        assert_eq!(pi("_1", 10), None);
        assert_eq!(pi("1_", 10), None);
        assert_eq!(pi(" -1_0 ", 10).as_deref(), Some("-10"));
        assert_eq!(pi("0x1f", 16).as_deref(), Some("31"));
        assert_eq!(pi("1f", 16).as_deref(), Some("31"));
        assert_eq!(pi("0b", 0), None);
        assert_eq!(pi("z", 36).as_deref(), Some("35"));
        assert_eq!(pi("", 10), None);
        assert_eq!(pi("-0", 10).as_deref(), Some("0"));
        assert_eq!(pi("\u{0661}\u{0662}", 10).as_deref(), Some("12"));
        assert_eq!(pi("123456789012345678901234567890", 10).as_deref(), Some("123456789012345678901234567890"));
        assert_eq!(parse_int(&"1".repeat(5000), 10, 4300), Err(IntParseError::TooManyDigits(5000)));
        assert!(parse_int(&"1".repeat(5000), 16, 4300).is_ok());
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float(" -Infinity "), Some(f64::NEG_INFINITY));
        assert!(parse_float("nan ").unwrap().is_nan());
        for bad in ["x", "1e", "", "_1", "1_e5", "1e_5", "1._5", "0x1p3", ".", "e5", "1e5.0", "in f"] {
            assert_eq!(parse_float(bad), None, "{bad}");
        }
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("1E+3"), Some(1000.0));
    }

    #[test]
    fn hex_floats() {
        assert_eq!(parse_hex_float("0x1.8p1"), Some(Ok(3.0)));
        assert_eq!(parse_hex_float(" -0X1P-2 "), Some(Ok(-0.25)));
        assert_eq!(parse_hex_float("x"), None);
        assert_eq!(parse_hex_float("inf"), Some(Ok(f64::INFINITY)));
        assert_eq!(parse_hex_float("0x0.0000000000001p-1022"), Some(Ok(5e-324)));
        assert_eq!(parse_hex_float("0x1.fffffffffffffp+1023"), Some(Ok(f64::MAX)));
        assert_eq!(parse_hex_float("0x1p1024"), Some(Err(())));
        assert_eq!(parse_hex_float("0x1.0000000000000801p0"), Some(Ok(1.0 + 2f64.powi(-52))));
        assert_eq!(parse_hex_float("0x1.00000000000008p0"), Some(Ok(1.0)));
        assert_eq!(parse_hex_float("1"), Some(Ok(1.0)));
    }
}
