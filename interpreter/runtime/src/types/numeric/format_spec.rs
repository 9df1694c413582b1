//! The format-spec mini-language (`format(x, spec)`), as CPython 3.11's
//! `Python/formatter_unicode.c` behaves: parsing with its error messages, and
//! laying out ints, floats, complexes and strings.

use super::float_repr::format_abs;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormatSpec {
    /// Explicit fill character (only given together with an alignment).
    pub fill: Option<char>,
    pub align: Option<char>,
    /// '+', '-' or ' '.
    pub sign: Option<char>,
    /// The 'z' flag (coerce negative zero, floats only).
    pub no_neg_zero: bool,
    /// The '#' flag.
    pub alternate: bool,
    /// A '0' before the width.
    pub zero: bool,
    pub width: Option<usize>,
    /// ',' or '_'.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Why formatting failed: the exception type to raise and its message.
#[derive(Clone, Debug, PartialEq)]
pub enum FormatError {
    Value(String),
    Overflow(String),
}

impl From<String> for FormatError {
    fn from(s: String) -> FormatError {
        FormatError::Value(s)
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn char_desc(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        format!("{}", c)
    } else {
        format!("\\x{:x}", c as u32)
    }
}

fn parse_number(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut v: usize = 0;
    let mut overflow = false;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        match v.checked_mul(10).and_then(|x| x.checked_add(d)) {
            Some(n) if n <= isize::MAX as usize => v = n,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err("Too many decimal digits in format string".into());
    }
    Ok(if *pos == start { None } else { Some(v) })
}

/// Parses a format spec; `type_name` names the object's type in the
/// "Invalid format specifier" message, `default_ty` is the type's default
/// presentation type ('s' for str, 'd' for int), which the grouping check
/// sees when the spec gives none.
pub fn parse(spec: &str, type_name: &str, default_ty: Option<char>) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut f = FormatSpec::default();
    let mut pos = 0;
    if n >= 2 && is_align(chars[1]) {
        f.fill = Some(chars[0]);
        f.align = Some(chars[1]);
        pos = 2;
    } else if n >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < n && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < n && chars[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < n && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && pos < n && chars[pos] == '0' {
        f.zero = true;
        pos += 1;
    }
    f.width = parse_number(&chars, &mut pos)?;
    if pos < n && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < n && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < n && chars[pos] == ',' && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if pos < n && chars[pos] == '.' {
        pos += 1;
        f.precision = parse_number(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".into());
        }
    }
    if n - pos > 1 {
        return Err(format!("Invalid format specifier '{}' for object of type '{}'", spec, type_name));
    }
    if n - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if let Some(g) = f.grouping {
        match f.ty.or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(format!("Cannot specify '{}' with '{}'.", g, char_desc(t))),
        }
    }
    Ok(f)
}

impl FormatSpec {
    /// The effective fill character and alignment, given the type's default
    /// alignment ('<' for str, '>' for numbers).
    pub fn fill_align(&self, default_align: char) -> (char, char) {
        let fill = self.fill.unwrap_or(if self.zero { '0' } else { ' ' });
        let align = match self.align {
            Some(a) => a,
            None if self.zero && default_align == '>' => '=',
            None => default_align,
        };
        (fill, align)
    }
}

fn unknown_code(t: char, type_name: &str) -> FormatError {
    FormatError::Value(format!("Unknown format code '{}' for object of type '{}'", char_desc(t), type_name))
}

/// Pads `body` (whose first `split` characters go before '=' padding) to
/// the spec's width.
fn pad(out: &mut String, body_left: &str, body_right: &str, width: usize, fill: char, align: char) {
    let len = body_left.chars().count() + body_right.chars().count();
    if len >= width {
        out.push_str(body_left);
        out.push_str(body_right);
        return;
    }
    let padn = width - len;
    let fills = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match align {
        '<' => {
            out.push_str(body_left);
            out.push_str(body_right);
            out.push_str(&fills(padn));
        }
        '^' => {
            out.push_str(&fills(padn / 2));
            out.push_str(body_left);
            out.push_str(body_right);
            out.push_str(&fills(padn - padn / 2));
        }
        '=' => {
            out.push_str(body_left);
            out.push_str(&fills(padn));
            out.push_str(body_right);
        }
        _ => {
            out.push_str(&fills(padn));
            out.push_str(body_left);
            out.push_str(body_right);
        }
    }
}

/// Inserts `sep` every `group` digits from the right, zero-extending the
/// digits until the result is at least `min_width` long (CPython's
/// `_PyUnicode_InsertThousandsGrouping`).
pub fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width as isize;
    let mut parts: Vec<String> = Vec::new();
    let mut end = d.len();
    let mut broke = false;
    let g = group as isize;
    loop {
        let l = g.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        let mut part: String = std::iter::repeat('0').take(n_zeros).collect();
        part.extend(&d[end - n_chars..end]);
        end -= n_chars;
        parts.push(part);
        remaining -= n_chars as isize;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            broke = true;
            break;
        }
        min_width -= 1;
        // CPython's grouping is an endless repeat of `group`: loop forever.
        if parts.len() > 1 << 40 {
            break;
        }
    }
    let _ = broke;
    parts.reverse();
    parts.join(&sep.to_string())
}

/// Lays out a number: sign, prefix ("0x"), integer digits (grouped), and the
/// rest (fraction, exponent, '%'), padded as the spec says.
fn layout_number(spec: &FormatSpec, neg: bool, prefix: &str, digits: &str, rest: &str, group: usize) -> String {
    let (fill, align) = spec.fill_align('>');
    let sign = if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let width = spec.width.unwrap_or(0);
    let lead_len = sign.len() + prefix.len() + rest.chars().count();
    let min_width = if fill == '0' && align == '=' { width.saturating_sub(lead_len) } else { 0 };
    // No leading digits (inf, nan): nothing to group (CPython skips it).
    let grouped = match spec.grouping {
        Some(sep) if !digits.is_empty() => group_digits(digits, sep, group, min_width),
        _ => digits.to_string(),
    };
    let mut out = String::new();
    let left = format!("{}{}", sign, prefix);
    let right = format!("{}{}", grouped, rest);
    pad(&mut out, &left, &right, width, fill, align);
    out
}

/// Checks a parsed spec for `str.__format__` (`type_name` for messages).
pub fn check_str_spec(spec: &FormatSpec, type_name: &str) -> Result<(), FormatError> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    match spec.sign {
        Some(' ') => return Err(FormatError::Value("Space not allowed in string format specifier".into())),
        Some(_) => return Err(FormatError::Value("Sign not allowed in string format specifier".into())),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::Value("Negative zero coercion (z) not allowed in string format specifier".into()));
    }
    if spec.alternate {
        return Err(FormatError::Value("Alternate form (#) not allowed in string format specifier".into()));
    }
    if spec.align == Some('=') {
        return Err(FormatError::Value("'=' alignment not allowed in string format specifier".into()));
    }
    Ok(())
}

/// Correctly rounded conversion of a big int to f64 (None on overflow).
pub fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    if let Some(i) = v.to_i64() {
        return Some(i as f64);
    }
    let mag = v.magnitude();
    let bits = mag.bits();
    let shift = bits - 64;
    let mut top = (mag >> shift).to_u64().unwrap();
    // Sticky bit: any nonzero dropped bit makes the 64-bit value round right.
    if mag.trailing_zeros().unwrap_or(0) < shift {
        top |= 1;
    }
    let f = top as f64;
    if bits > 1024 {
        return None;
    }
    let r = f * 2f64.powi(shift as i32);
    if r.is_infinite() {
        return None;
    }
    Some(if v.sign() == Sign::Minus { -r } else { r })
}

/// `int.__format__` with a non-empty spec.
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = bigint_to_f64(v)
                .ok_or_else(|| FormatError::Overflow("int too large to convert to float".into()))?;
            return format_float(x, spec, type_name);
        }
        t => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FormatError::Value("Precision not allowed in integer format specifier".into()));
    }
    if spec.no_neg_zero {
        return Err(FormatError::Value("Negative zero coercion (z) not allowed in integer format specifier".into()));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::Value("Sign not allowed with integer format specifier 'c'".into()));
        }
        if spec.alternate {
            return Err(FormatError::Value("Alternate form (#) not allowed with integer format specifier 'c'".into()));
        }
        // PyLong_AsLong first: a value beyond a C long has its own message.
        let c = v
            .to_i64()
            .ok_or_else(|| FormatError::Overflow("Python int too large to convert to C long".into()))?;
        let c = u32::try_from(c)
            .ok()
            .filter(|c| *c < 0x110000)
            .ok_or_else(|| FormatError::Overflow("%c arg not in range(0x110000)".into()))?;
        // Lone surrogates cannot live in a Rust string; the caller builds
        // the str from code points when needed (see `format_int_char`).
        let ch = char::from_u32(c).unwrap_or('\u{fffd}');
        let (fill, align) = spec.fill_align('>');
        let mut out = String::new();
        pad(&mut out, "", &ch.to_string(), spec.width.unwrap_or(0), fill, align);
        return Ok(out);
    }
    let neg = v.is_negative();
    let mag = v.magnitude();
    // Machine-sized magnitudes skip the bignum radix conversion.
    let (digits, prefix, group) = match (ty, mag.to_u64()) {
        ('b', Some(u)) => (format!("{:b}", u), "0b", 4),
        ('o', Some(u)) => (format!("{:o}", u), "0o", 4),
        ('x', Some(u)) => (format!("{:x}", u), "0x", 4),
        ('X', Some(u)) => (format!("{:X}", u), "0X", 4),
        (_, Some(u)) => (u.to_string(), "", 3),
        ('b', None) => (mag.to_str_radix(2), "0b", 4),
        ('o', None) => (mag.to_str_radix(8), "0o", 4),
        ('x', None) => (mag.to_str_radix(16), "0x", 4),
        ('X', None) => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => (mag.to_string(), "", 3),
    };
    let prefix = if spec.alternate && !matches!(ty, 'd' | 'n') { prefix } else { "" };
    Ok(layout_number(spec, neg, prefix, &digits, "", group))
}

/// Splits a formatted magnitude into its leading integer digits and the rest.
fn split_digits(body: &str) -> (&str, &str) {
    let i = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    body.split_at(i)
}

/// Formats |x| for a float presentation type; returns (negative, body).
fn float_body(x: f64, ty: Option<char>, precision: Option<usize>, alt: bool, no_neg_zero: bool, add_dot_0: bool) -> (bool, String) {
    let (mode, prec) = match ty {
        None => match precision {
            None => ('r', 0),
            Some(p) => ('g', p),
        },
        Some('n') => ('g', precision.unwrap_or(6)),
        Some('%') => ('f', precision.unwrap_or(6)),
        Some(t) => (t, precision.unwrap_or(6)),
    };
    let add_dot_0 = add_dot_0 && ty.is_none();
    let body = format_abs(x, mode, prec, alt, add_dot_0);
    let mut neg = x.is_sign_negative() && !x.is_nan();
    if neg && no_neg_zero {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if mantissa.chars().all(|c| c == '0' || c == '.') {
            neg = false;
        }
    }
    (neg, body)
}

/// `float.__format__` with a non-empty spec (`type_name` for messages:
/// ints formatted with a float type say 'int').
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.map(|p| p > i32::MAX as usize).unwrap_or(false) {
        return Err(FormatError::Value("precision too big".into()));
    }
    let pct = spec.ty == Some('%');
    let x = if pct { x * 100.0 } else { x };
    let (neg, mut body) = float_body(x, spec.ty, spec.precision, spec.alternate, spec.no_neg_zero, true);
    if pct {
        body.push('%');
    }
    let (digits, rest) = split_digits(&body);
    let (digits, rest) = if spec.ty == Some('n') { (digits, rest) } else { (digits, rest) };
    Ok(layout_number(spec, neg, "", digits, rest, 3))
}

/// `complex.__format__` with a non-empty spec.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.map(|p| p > i32::MAX as usize).unwrap_or(false) {
        return Err(FormatError::Value("precision too big".into()));
    }
    let (fill, align) = spec.fill_align('>');
    if fill == '0' {
        return Err(FormatError::Value("Zero padding is not allowed in complex format specifier".into()));
    }
    if align == '=' {
        return Err(FormatError::Value("'=' alignment flag is not allowed in complex format specifier".into()));
    }
    let mut skip_re = false;
    let mut parens = false;
    if spec.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let part = |x: f64, sign: Option<char>| -> String {
        let (neg, body) = float_body(x, spec.ty, spec.precision, spec.alternate, spec.no_neg_zero, false);
        let (digits, rest) = split_digits(&body);
        let s = if neg {
            "-"
        } else {
            match sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let grouped = match spec.grouping {
            Some(sep) if !digits.is_empty() => group_digits(digits, sep, 3, 0),
            _ => digits.to_string(),
        };
        format!("{}{}{}", s, grouped, rest)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, spec.sign));
        body.push_str(&part(im, Some('+')));
    } else {
        body.push_str(&part(im, spec.sign));
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    let mut out = String::new();
    pad(&mut out, "", &body, spec.width.unwrap_or(0), fill, align);
    Ok(out)
}

/// `int.__format__`: the empty spec is `str(v)`.
pub fn format_int_spec(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let f = parse(spec, "int", Some('d'))?;
    format_int(v, &f, "int")
}

/// `float.__format__`: the empty spec is `str(x)`.
pub fn format_float_spec(x: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(super::float_repr::repr(x));
    }
    let f = parse(spec, "float", None)?;
    format_float(x, &f, "float")
}

/// `complex.__format__`: the empty spec is `str(z)`.
pub fn format_complex_spec(re: f64, im: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(complex_repr(re, im));
    }
    let f = parse(spec, "complex", None)?;
    format_complex(re, im, &f, "complex")
}

/// `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    use super::float_repr::repr_no_dot0;
    let ims = repr_no_dot0(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", ims);
    }
    let sign = if ims.starts_with('-') { "" } else { "+" };
    format!("({}{}{}j)", repr_no_dot0(re), sign, ims)
}

/// Whether a BigInt is zero (re-export convenience).
pub fn is_zero(v: &BigInt) -> bool {
    v.is_zero()
}

#[allow(dead_code)]
fn _abs(v: &BigInt) -> BigInt {
    v.abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(v: i64, s: &str) -> String {
        match format_int_spec(&BigInt::from(v), s) {
            Ok(r) => r,
            Err(FormatError::Value(m)) => format!("ValueError: {}", m),
            Err(FormatError::Overflow(m)) => format!("OverflowError: {}", m),
        }
    }
    fn ff(v: f64, s: &str) -> String {
        match format_float_spec(v, s) {
            Ok(r) => r,
            Err(FormatError::Value(m)) => format!("ValueError: {}", m),
            Err(FormatError::Overflow(m)) => format!("OverflowError: {}", m),
        }
    }
    fn fc(re: f64, im: f64, s: &str) -> String {
        match format_complex_spec(re, im, s) {
            Ok(r) => r,
            Err(FormatError::Value(m)) => format!("ValueError: {}", m),
            Err(FormatError::Overflow(m)) => format!("OverflowError: {}", m),
        }
    }

    #[test]
    fn int_cases() {
        let cases: &[(i64, &str, &str)] = &[
            (1, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'"),
            (1, "q", "ValueError: Unknown format code 'q' for object of type 'int'"),
            (1, ".2", "ValueError: Precision not allowed in integer format specifier"),
            (1, ",s", "ValueError: Cannot specify ',' with 's'."),
            (1, ",_", "ValueError: Cannot specify both ',' and '_'."),
            (1, "_,", "ValueError: Cannot specify both ',' and '_'."),
            (1, "z", "ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
            (1, "=10c", "         \x01"),
            (1, "+c", "ValueError: Sign not allowed with integer format specifier 'c'"),
            (1, ",c", "ValueError: Cannot specify ',' with 'c'."),
            (1, ".", "ValueError: Format specifier missing precision"),
            (1, "99999999999999999999", "ValueError: Too many decimal digits in format string"),
            (1, ",n", "ValueError: Cannot specify ',' with 'n'."),
            (1, "_n", "ValueError: Cannot specify '_' with 'n'."),
            (1, "_x", "1"),
            (-1, "c", "OverflowError: %c arg not in range(0x110000)"),
            (1, "\x00<5", "1\x00\x00\x00\x00"),
            (1, "<<5", "1<<<<"),
            (1, "%", "100.000000%"),
            (1, ".1%", "100.0%"),
            (1, "10.3e", " 1.000e+00"),
            (1234567, "n", "1234567"),
            (1, "#c", "ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
            (1, "0=10", "0000000001"),
            (1234, "08,", "0,001,234"),
            (1234, "010,", "00,001,234"),
            (-1234, "010,", "-0,001,234"),
            (1234, "#010_x", "0x000_04d2"),
            (255, "#x", "0xff"),
            (255, "#X", "0XFF"),
            (255, "#b", "0b11111111"),
            (255, "#o", "0o377"),
            (255, "_b", "1111_1111"),
            (-255, "#_b", "-0b1111_1111"),
            (12, "010.3%", "01200.000%"),
            (1234567, ",", "1,234,567"),
            (-5, "^7", "  -5   "),
            (5, "+", "+5"),
            (5, " ", " 5"),
        ];
        for (v, s, want) in cases {
            assert_eq!(fi(*v, s), *want, "format({}, {:?})", v, s);
        }
    }

    #[test]
    fn float_cases() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, &str, &str)] = &[
            (inf, "010", "0000000inf"),
            (inf, "%", "inf%"),
            (-inf, "=+10", "-      inf"),
            (nan, "F", "NAN"),
            (-nan, "", "nan"),
            (-nan, "+", "+nan"),
            (-0.0, "z.1f", "0.0"),
            (-0.0001, "z.1f", "0.0"),
            (1234.5, "010,.1f", "0,001,234.5"),
            (1234.5, "08,", "01,234.5"),
            (1e16, "", "1e+16"),
            (1e16, ".3", "1e+16"),
            (123456.0, ".3", "1.23e+05"),
            (1.0, ".3", "1.0"),
            (1.0, ".0", "1e+00"),
            (0.0001, ".3", "0.0001"),
            (1.5, "#g", "1.50000"),
            (1.0, "#.0f", "1."),
            (1.0, "#.0e", "1.e+00"),
            (100.0, "#.3g", "100."),
            (2.5, ".0f", "2"),
            (3.5, ".0f", "4"),
            (1.25, ".1f", "1.2"),
            (-0.0, "", "-0.0"),
            (-0.0, "+", "-0.0"),
            (0.0, "+", "+0.0"),
            (1.5, "^10", "   1.5    "),
            (1.5, "*^11", "****1.5****"),
            (12345.678, "n", "12345.7"),
            (12345.678, ",", "12,345.678"),
            (1234567.0, ",.2f", "1,234,567.00"),
            (1.5, "%", "150.000000%"),
            (0.000123, ".2%", "0.01%"),
            (1.0, "10", "       1.0"),
            (123.456, ".2", "1.2e+02"),
            (0.1, ".20f", "0.10000000000000000555"),
            (1.0, "G", "1"),
            (1e20, "n", "1e+20"),
            (1.0, "c", "ValueError: Unknown format code 'c' for object of type 'float'"),
            (1.0, "#,b", "ValueError: Cannot specify ',' with 'b'."),
            (1.0, "_e", "1.000000e+00"),
            (1.0, "zq", "ValueError: Unknown format code 'q' for object of type 'float'"),
        ];
        for (v, s, want) in cases {
            assert_eq!(ff(*v, s), *want, "format({}, {:?})", v, s);
        }
    }

    #[test]
    fn complex_cases() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, f64, &str, &str)] = &[
            (1.0, 2.0, "", "(1+2j)"),
            (1.0, 2.0, ".2f", "1.00+2.00j"),
            (-0.0, 0.0, "", "(-0+0j)"),
            (0.0, 1.0, "", "1j"),
            (0.0, 1.0, "g", "0+1j"),
            (1.5, 0.0, "10", "  (1.5+0j)"),
            (1.5, -2.5, "^20.2e", " 1.50e+00-2.50e+00j "),
            (inf, nan, "", "(inf+nanj)"),
            (0.0, 0.0, "", "0j"),
            (3.0, 0.0, ".1", "(3+0j)"),
            (1.0, 1.0, "+", "(+1+1j)"),
            (1.0, 1.0, "<20", "(1+1j)              "),
            (2.0, 1.0, "=", "ValueError: '=' alignment flag is not allowed in complex format specifier"),
            (2.0, 1.0, "0", "ValueError: Zero padding is not allowed in complex format specifier"),
            (1.0, 1.0, "c", "ValueError: Unknown format code 'c' for object of type 'complex'"),
        ];
        for (re, im, s, want) in cases {
            assert_eq!(fc(*re, *im, s), *want, "format(complex({}, {}), {:?})", re, im, s);
        }
    }

    #[test]
    fn string_spec_errors() {
        // Formatting itself lives in str_format.rs (code points); the spec
        // checks are shared and stay here.
        let f = |spec: &str| match parse(spec, "str", Some('s')).map_err(FormatError::Value).and_then(|p| check_str_spec(&p, "str")) {
            Ok(()) => "ok".to_string(),
            Err(FormatError::Value(m)) | Err(FormatError::Overflow(m)) => format!("ValueError: {}", m),
        };
        assert_eq!(f("0"), "ok");
        assert_eq!(f("010"), "ok");
        assert_eq!(f("=10"), "ValueError: '=' alignment not allowed in string format specifier");
        assert_eq!(f("+"), "ValueError: Sign not allowed in string format specifier");
        assert_eq!(f(","), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(f("z"), "ValueError: Negative zero coercion (z) not allowed in string format specifier");
        assert_eq!(f(".2"), "ok");
    }

    #[test]
    fn to_f64() {
        let big: BigInt = BigInt::from(1u64 << 53) + 1; // ties to even
        assert_eq!(bigint_to_f64(&big), Some(9007199254740992.0));
        let big: BigInt = (BigInt::from(1) << 100) + (BigInt::from(1) << 47) + 1;
        assert_eq!(bigint_to_f64(&big), Some(2f64.powi(100) + 2f64.powi(48)));
        assert_eq!(bigint_to_f64(&(BigInt::from(1) << 1024)), None);
    }
}
