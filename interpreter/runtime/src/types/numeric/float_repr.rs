//! Float to text with CPython's rules (`PyOS_double_to_string`): the shortest
//! round-trip repr, and the 'e', 'f', 'g' and repr-with-precision modes of
//! `format()` and `%`-formatting. Digits come from Rust's formatter, which is
//! exact (shortest round-trip for `{:e}`, correctly rounded with a precision).

/// Decimal digits (no leading zeros unless the value is zero) and the
/// exponent of the first digit: value = 0.d1d2d3... * 10**(exp+1).
fn sci_digits(s: &str) -> (String, i32) {
    // s looks like "1.2345e-5" or "1e16" (non-negative, finite).
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (digits, exp)
}

/// Shortest round-trip digits of |x| (finite) and its decimal exponent.
/// Among shortest strings CPython's dtoa takes the one nearest x (ties to
/// even); Rust's shortest formatter may take another of the same length,
/// so the correctly rounded string of that length wins when it round-trips.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    let s = format!("{:e}", x);
    let (digits, exp) = sci_digits(&s);
    let k = digits.len();
    let nearest = format!("{:.*e}", k - 1, x);
    if nearest != s && nearest.parse::<f64>() == Ok(x) {
        let (d, e) = sci_digits(&nearest);
        // Rounding may not carry into a new digit here: same length.
        if d.len() == k {
            return (d, e);
        }
    }
    (digits, exp)
}

/// Digits of |x| (finite) correctly rounded to `n` >= 1 significant digits.
pub fn rounded_digits(x: f64, n: usize) -> (String, i32) {
    // Rust's formatter takes precisions up to u16::MAX; a double has fewer
    // than 800 significant decimal digits, so beyond that only zeros follow.
    const EXACT: usize = 800;
    if n > EXACT {
        let (mut d, e) = sci_digits(&format!("{:.*e}", EXACT - 1, x.abs()));
        d.extend(std::iter::repeat('0').take(n - d.len()));
        return (d, e);
    }
    sci_digits(&format!("{:.*e}", n - 1, x.abs()))
}

/// |x| in fixed notation with `precision` fraction digits, any precision
/// (a double's fraction has at most 1074 decimal digits: zeros after that).
fn fixed(x: f64, precision: usize) -> String {
    const EXACT: usize = 1100;
    if precision > EXACT {
        let mut s = format!("{:.*}", EXACT, x);
        s.extend(std::iter::repeat('0').take(precision - EXACT));
        return s;
    }
    format!("{:.*}", precision, x)
}

fn special(x: f64, upper: bool) -> Option<&'static str> {
    if x.is_nan() {
        Some(if upper { "NAN" } else { "nan" })
    } else if x.is_infinite() {
        Some(if upper { "INF" } else { "inf" })
    } else {
        None
    }
}

/// Lays out digits in fixed notation: `digits` with the decimal point after
/// position exp+1, padded with zeros, at least `min_frac` fraction digits.
fn fixed_layout(digits: &str, exp: i32, min_frac: usize) -> (String, String) {
    let decpt = exp + 1;
    let (int_part, mut frac) = if decpt <= 0 {
        ("0".to_string(), format!("{}{}", "0".repeat((-decpt) as usize), digits))
    } else if decpt as usize >= digits.len() {
        (format!("{}{}", digits, "0".repeat(decpt as usize - digits.len())), String::new())
    } else {
        (digits[..decpt as usize].to_string(), digits[decpt as usize..].to_string())
    };
    while frac.len() < min_frac {
        frac.push('0');
    }
    (int_part, frac)
}

fn exp_suffix(exp: i32, upper: bool) -> String {
    format!("{}{}{:02}", if upper { 'E' } else { 'e' }, if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// Formats the magnitude |x| in a CPython mode. `ty` is one of 'r' (repr;
/// precision ignored), 'e', 'E', 'f', 'F', 'g', 'G'. `add_dot_0` adds ".0" to
/// integral results in fixed notation ('r' and the no-type format with a
/// precision); `alt` is the '#' flag. The sign is the caller's business.
pub fn format_abs(x: f64, ty: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if let Some(s) = special(x, upper) {
        return s.to_string();
    }
    let x = x.abs();
    match ty {
        'f' | 'F' => {
            let mut s = fixed(x, precision);
            if alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => {
            let (digits, exp) = rounded_digits(x, precision + 1);
            let mut s = digits[..1].to_string();
            if precision > 0 || alt {
                s.push('.');
            }
            s.push_str(&digits[1..]);
            s.push_str(&exp_suffix(exp, upper));
            s
        }
        'r' | 'g' | 'G' => {
            let (mut digits, exp, use_exp) = if ty == 'r' {
                let (d, e) = shortest_digits(x);
                let use_exp = e < -4 || e >= 16;
                (d, e, use_exp)
            } else {
                let p = precision.max(1);
                let (d, e) = if x == 0.0 { ("0".repeat(p), 0) } else { rounded_digits(x, p) };
                let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
                let use_exp = e < -4 || e + 1 > limit;
                (d, e, use_exp)
            };
            if x == 0.0 && ty == 'r' {
                digits = "0".to_string();
            }
            if !alt || ty == 'r' {
                let t = digits.trim_end_matches('0');
                digits = if t.is_empty() { "0".to_string() } else { t.to_string() };
            }
            if use_exp {
                let mut s = digits[..1].to_string();
                if digits.len() > 1 || alt {
                    s.push('.');
                    s.push_str(&digits[1..]);
                }
                s.push_str(&exp_suffix(exp, upper));
                s
            } else {
                let (ip, frac) = fixed_layout(&digits, exp, 0);
                let mut s = ip;
                if !frac.is_empty() {
                    s.push('.');
                    s.push_str(&frac);
                } else if add_dot_0 {
                    s.push_str(".0");
                } else if alt {
                    s.push('.');
                }
                s
            }
        }
        _ => panic!("format_abs: bad type {ty}"),
    }
}

/// `repr(float)`: shortest round-trip with Python's layout rules.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let body = format_abs(x, 'r', 0, false, true);
    if x.is_sign_negative() {
        format!("-{}", body)
    } else {
        body
    }
}

/// Repr as `complex` shows its parts: like `repr` but without ".0".
pub fn repr_no_dot0(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let body = format_abs(x, 'r', 0, false, false);
    if x.is_sign_negative() {
        format!("-{}", body)
    } else {
        body
    }
}

/// `float.hex()`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.abs().to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    let lead = if exp == 0 {
        exp = -1022;
        0
    } else {
        exp -= 1023;
        1
    };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, mant, if exp < 0 { "-" } else { "+" }, exp.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        for (x, s) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.2345e-7, "1.2345e-07"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (1e22, "1e+22"),
            (100.0, "100.0"),
        ] {
            assert_eq!(repr(x), s);
        }
        for x in [0.3, 2.0 / 3.0, 1e-300, 123.456, 9.999999999999999e22] {
            assert_eq!(repr(x).parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn modes() {
        assert_eq!(format_abs(1.0, 'g', 3, false, true), "1.0");
        assert_eq!(format_abs(1.0, 'g', 0, false, true), "1e+00");
        assert_eq!(format_abs(123456.0, 'g', 3, false, true), "1.23e+05");
        assert_eq!(format_abs(1.5, 'g', 6, true, false), "1.50000");
        assert_eq!(format_abs(100.0, 'g', 3, true, false), "100.");
        assert_eq!(format_abs(1.0, 'f', 0, true, false), "1.");
        assert_eq!(format_abs(1.0, 'e', 0, true, false), "1.e+00");
        assert_eq!(format_abs(2.5, 'f', 0, false, false), "2");
        assert_eq!(format_abs(1.0, 'G', 6, false, false), "1");
        assert_eq!(format_abs(1e-10, 'G', 6, false, false), "1E-10");
        assert_eq!(format_abs(0.0, 'g', 6, false, false), "0");
        assert_eq!(format_abs(0.0, 'e', 2, false, false), "0.00e+00");
        assert_eq!(format_abs(12345.678, 'g', 6, false, false), "12345.7");
        assert_eq!(format_abs(0.0001, 'g', 3, false, true), "0.0001");
        assert_eq!(repr_no_dot0(3.0), "3");
    }

    #[test]
    fn hex() {
        assert_eq!(to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(to_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(to_hex(0.0), "0x0.0p+0");
    }
}
