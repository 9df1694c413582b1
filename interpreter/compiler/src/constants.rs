//! Literals to constants, and the constant folding CPython 3.11's AST
//! optimizer does: unary operators and small arithmetic on constants, tuples
//! of constants, `__debug__`.

use krait_bytecode::{BinaryOp, Constant};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, StringFlags};
use ruff_text_size::Ranged;

/// Parses a big integer literal's text (with base prefix and underscores).
pub fn parse_big_int(text: &str) -> BigInt {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else {
        (10, lower.as_str())
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

fn int_const(b: BigInt) -> Constant {
    match b.to_i64() {
        Some(v) => Constant::Int(v),
        None => Constant::BigInt(b),
    }
}

pub fn number_const(n: &ast::Number) -> Constant {
    match n {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => Constant::Int(v),
            None => int_const(parse_big_int(&i.to_string())),
        },
        ast::Number::Float(f) => Constant::Float(*f),
        ast::Number::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
    }
}

pub fn str_const(s: &str) -> Constant {
    Constant::Str(s.to_owned())
}

/// The value of a string literal, recovering lone surrogates (`"\ud800"`),
/// which the parser decodes as U+FFFD, from the source text.
pub fn string_value(s: &ast::ExprStringLiteral, source: &str) -> Constant {
    let text = s.value.to_str();
    if !text.contains('\u{fffd}') {
        return Constant::Str(text.to_owned());
    }
    let mut events = vec![];
    for part in s.value.iter() {
        fffd_events(part, source, &mut events);
    }
    apply_events(text, &events)
}

/// The value of one string literal part (implicitly concatenated pieces of f-strings).
pub fn string_literal_text(l: &ast::StringLiteral, source: &str) -> Constant {
    if !l.value.contains('\u{fffd}') {
        return Constant::Str(l.value.to_string());
    }
    let mut events = vec![];
    fffd_events(l, source, &mut events);
    apply_events(&l.value, &events)
}

fn apply_events(text: &str, events: &[u32]) -> Constant {
    let n = text.chars().filter(|c| *c == '\u{fffd}').count();
    if n != events.len() || !events.iter().any(|e| (0xD800..0xE000).contains(e)) {
        return Constant::Str(text.to_owned());
    }
    let mut it = events.iter();
    Constant::StrCodePoints(text.chars().map(|c| if c == '\u{fffd}' { *it.next().unwrap() } else { c as u32 }).collect())
}

/// For each U+FFFD the parser produced in this literal, in order, the code
/// point the source really denotes.
fn fffd_events(part: &ast::StringLiteral, source: &str, out: &mut Vec<u32>) {
    let raw = &source[part.range()];
    let prefix_len = part.flags.prefix().as_str().len();
    let q = part.flags.quote_len().to_usize();
    if raw.len() < prefix_len + 2 * q {
        return;
    }
    let body = &raw[prefix_len + q..raw.len() - q];
    fffd_events_in(body, part.flags.prefix().is_raw(), out);
}

/// The value of a piece of literal text inside an f-string (`value` as
/// the parser decoded it, `body` its source text), lone surrogates recovered.
pub fn fstring_text_value(value: &str, body: &str, is_raw: bool) -> Constant {
    if !value.contains('\u{fffd}') {
        return Constant::Str(value.to_owned());
    }
    let mut events = vec![];
    fffd_events_in(body, is_raw, &mut events);
    apply_events(value, &events)
}

fn fffd_events_in(body: &str, is_raw: bool, out: &mut Vec<u32>) {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = body[i..].chars().next().unwrap();
        if c == '\u{fffd}' {
            out.push(0xFFFD);
            i += c.len_utf8();
            continue;
        }
        if c == '\\' && !is_raw && i + 1 < b.len() {
            let e = b[i + 1];
            let digits = match e {
                b'u' => 4,
                b'U' => 8,
                b'N' => {
                    if let Some(end) = body[i..].find('}') {
                        let name = &body[i + 3..i + end];
                        if name.eq_ignore_ascii_case("REPLACEMENT CHARACTER") {
                            out.push(0xFFFD);
                        }
                        i += end + 1;
                        continue;
                    }
                    0
                }
                _ => 0,
            };
            if digits > 0 && i + 2 + digits <= b.len() {
                if let Ok(v) = u32::from_str_radix(&body[i + 2..i + 2 + digits], 16) {
                    if (0xD800..0xE000).contains(&v) || v == 0xFFFD {
                        out.push(v);
                    }
                }
                i += 2 + digits;
                continue;
            }
            // Any other escape: skip the backslash and the escaped character.
            i += 1;
            let c2 = body[i..].chars().next().unwrap();
            i += c2.len_utf8();
            continue;
        }
        if c == '\\' && is_raw && i + 1 < b.len() {
            i += 1;
            let c2 = body[i..].chars().next().unwrap();
            if c2 == '\u{fffd}' {
                out.push(0xFFFD);
            }
            i += c2.len_utf8();
            continue;
        }
        i += c.len_utf8();
    }
}


pub fn bytes_value(b: &ast::ExprBytesLiteral) -> Constant {
    Constant::Bytes(b.value.bytes().collect())
}

/// A constant given for a node in place of its literal (trees built
/// outside the parser: negative numbers, tuples, lone surrogates...).
pub type ConstOverride<'a> = &'a dyn Fn(&Expr) -> Option<Constant>;

pub fn const_value_src(e: &Expr, optimize: u8, source: Option<&str>, over: Option<ConstOverride<'_>>) -> Option<Constant> {
    if let Some(c) = over.and_then(|f| f(e)) {
        return Some(c);
    }
    Some(match e {
        Expr::NumberLiteral(n) => number_const(&n.value),
        Expr::StringLiteral(s) => match source {
            Some(src) => string_value(s, src),
            None => str_const(s.value.to_str()),
        },
        Expr::BytesLiteral(b) => bytes_value(b),
        Expr::BooleanLiteral(b) => {
            if b.value {
                Constant::True
            } else {
                Constant::False
            }
        }
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::Name(n) if n.id.as_str() == "__debug__" => {
            if optimize == 0 {
                Constant::True
            } else {
                Constant::False
            }
        }
        Expr::UnaryOp(u) => {
            let v = const_value_src(&u.operand, optimize, source, over)?;
            fold_unary(u.op, v)?
        }
        Expr::BinOp(b) => {
            let l = const_value_src(&b.left, optimize, source, over)?;
            let r = const_value_src(&b.right, optimize, source, over)?;
            fold_binary(binary_op(b.op), l, r)?
        }
        Expr::Tuple(t) => {
            let v: Option<Vec<Constant>> = t.elts.iter().map(|x| const_value_src(x, optimize, source, over)).collect();
            Constant::Tuple(v?)
        }
        _ => return None,
    })
}

fn fold_unary(op: ast::UnaryOp, v: Constant) -> Option<Constant> {
    match op {
        ast::UnaryOp::USub => match v {
            Constant::Int(i) => Some(match i.checked_neg() {
                Some(x) => Constant::Int(x),
                None => Constant::BigInt(-BigInt::from(i)),
            }),
            Constant::BigInt(b) => Some(int_const(-b)),
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex { real: -real, imag: -imag }),
            Constant::True => Some(Constant::Int(-1)),
            Constant::False => Some(Constant::Int(0)),
            _ => None,
        },
        ast::UnaryOp::UAdd => match v {
            Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_) | Constant::Complex { .. } => Some(v),
            Constant::True => Some(Constant::Int(1)),
            Constant::False => Some(Constant::Int(0)),
            _ => None,
        },
        ast::UnaryOp::Invert => match v {
            Constant::Int(i) => Some(Constant::Int(!i)),
            Constant::BigInt(b) => Some(int_const(-b - 1)),
            Constant::True => Some(Constant::Int(-2)),
            Constant::False => Some(Constant::Int(-1)),
            _ => None,
        },
        ast::UnaryOp::Not => {
            let t = truthiness(&v)?;
            Some(if t { Constant::False } else { Constant::True })
        }
    }
}

fn as_big(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some(b.clone()),
        Constant::True => Some(BigInt::from(1)),
        Constant::False => Some(BigInt::from(0)),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => Some(*i as f64),
        Constant::True => Some(1.0),
        Constant::False => Some(0.0),
        _ => None,
    }
}

/// Folds the arithmetic CPython folds, staying within its size limits and
/// leaving anything that could raise to run time.
fn fold_binary(op: BinaryOp, l: Constant, r: Constant) -> Option<Constant> {
    const MAX_INT_BITS: u64 = 128;
    const MAX_STR: usize = 4096;
    use BinaryOp::*;
    // bool's own &, |, ^ keep the result a bool.
    let as_bool = |c: &Constant| match c {
        Constant::True => Some(true),
        Constant::False => Some(false),
        _ => None,
    };
    if let (Some(a), Some(b), true) = (as_bool(&l), as_bool(&r), matches!(op, And | Or | Xor)) {
        let v = match op {
            And => a & b,
            Or => a | b,
            _ => a ^ b,
        };
        return Some(if v { Constant::True } else { Constant::False });
    }
    if let (Some(a), Some(b)) = (as_big(&l), as_big(&r)) {
        let out = match op {
            Add => a + b,
            Subtract => a - b,
            Multiply => {
                if a.bits() + b.bits() > MAX_INT_BITS {
                    return None;
                }
                a * b
            }
            FloorDivide | Remainder => {
                if b.is_zero() {
                    return None;
                }
                let (q, m) = floor_divmod(&a, &b);
                if op == FloorDivide {
                    q
                } else {
                    m
                }
            }
            Power => {
                let e = b.to_u64()?;
                if e > 0 && a.bits() > MAX_INT_BITS / e {
                    return None;
                }
                num_traits::pow(a, e as usize)
            }
            Lshift => {
                let s = b.to_u64()?;
                if a.bits() + s > MAX_INT_BITS {
                    return None;
                }
                a << s as usize
            }
            Rshift => {
                let s = b.to_u64()?;
                if s > 1 << 20 {
                    return None;
                }
                // Arithmetic shift, flooring like Python.
                floor_divmod(&a, &(BigInt::from(1) << s as usize)).0
            }
            And => a & b,
            Or => a | b,
            Xor => a ^ b,
            TrueDivide => {
                if b.is_zero() {
                    return None;
                }
                let (x, y) = (a.to_f64()?, b.to_f64()?);
                if x.abs() >= 9007199254740992.0 || y.abs() >= 9007199254740992.0 {
                    return None;
                }
                return Some(Constant::Float(x / y));
            }
            _ => return None,
        };
        if matches!(op, Add | Subtract | And | Or | Xor) && out.bits() > MAX_INT_BITS {
            return None;
        }
        return Some(int_const(out));
    }
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let parts = |c: &Constant| -> Option<(f64, f64)> {
            match c {
                Constant::Complex { real, imag } => Some((*real, *imag)),
                Constant::Int(i) if i.unsigned_abs() <= 1 << 53 => Some((*i as f64, 0.0)),
                Constant::Float(f) => Some((*f, 0.0)),
                _ => None,
            }
        };
        let ((a, b), (c, d)) = (parts(&l)?, parts(&r)?);
        // A real operand becomes (x, +0.0), as complex arithmetic in Python does.
        return match op {
            Add => Some(Constant::Complex { real: a + c, imag: b + d }),
            Subtract => Some(Constant::Complex { real: a - c, imag: b - d }),
            _ => None,
        };
    }
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (a, b) = (as_float(&l)?, as_float(&r)?);
        // Only where exactness is certain: ints converted to float must be exact.
        if let (Constant::Int(i), _) | (_, Constant::Int(i)) = (&l, &r) {
            if i.unsigned_abs() > 1 << 53 {
                return None;
            }
        }
        return match op {
            Add => Some(Constant::Float(a + b)),
            Subtract => Some(Constant::Float(a - b)),
            Multiply => Some(Constant::Float(a * b)),
            TrueDivide if b != 0.0 => Some(Constant::Float(a / b)),
            _ => None,
        };
    }
    match (op, &l, &r) {
        (Add, Constant::Str(a), Constant::Str(b)) if a.len() + b.len() <= MAX_STR => Some(Constant::Str(format!("{}{}", a, b))),
        (Add, Constant::Bytes(a), Constant::Bytes(b)) if a.len() + b.len() <= MAX_STR => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            Some(Constant::Bytes(v))
        }
        (Multiply, Constant::Str(a), Constant::Int(n)) | (Multiply, Constant::Int(n), Constant::Str(a)) => {
            let n = (*n).max(0) as usize;
            if a.len() * n > MAX_STR {
                return None;
            }
            Some(Constant::Str(a.repeat(n)))
        }
        (Multiply, Constant::Bytes(a), Constant::Int(n)) | (Multiply, Constant::Int(n), Constant::Bytes(a)) => {
            let n = (*n).max(0) as usize;
            if a.len() * n > MAX_STR {
                return None;
            }
            Some(Constant::Bytes(a.repeat(n)))
        }
        _ => None,
    }
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

/// Python truth value of a constant.
pub fn truthiness(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None | Constant::False => false,
        Constant::True | Constant::Ellipsis => true,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => !b.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::StrCodePoints(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => return None,
    })
}

/// Concatenation of two string constants (for f-string pieces).
pub fn concat_str(a: &Constant, b: &Constant) -> Option<Constant> {
    match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => Some(Constant::Str(format!("{}{}", x, y))),
        (Constant::Str(_) | Constant::StrCodePoints(_), Constant::Str(_) | Constant::StrCodePoints(_)) => {
            let cp = |c: &Constant| -> Vec<u32> {
                match c {
                    Constant::Str(s) => s.chars().map(|c| c as u32).collect(),
                    Constant::StrCodePoints(v) => v.clone(),
                    _ => unreachable!(),
                }
            };
            let mut v = cp(a);
            v.extend(cp(b));
            Some(Constant::StrCodePoints(v))
        }
        _ => None,
    }
}

/// Constants are shared within a code unit only when identical in type and value
/// (so 1, 1.0 and True stay distinct, and 0.0 and -0.0 too).
pub fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Complex { real: a, imag: b }, Constant::Complex { real: c, imag: d }) => a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits(),
        (Constant::Code(x), Constant::Code(y)) => std::sync::Arc::ptr_eq(x, y),
        (Constant::Tuple(x), Constant::Tuple(y)) | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q))
        }
        (Constant::True, Constant::True) | (Constant::False, Constant::False) | (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::BigInt(x), Constant::BigInt(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::StrCodePoints(x), Constant::StrCodePoints(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        _ => false,
    }
}

pub fn binary_op(op: ast::Operator) -> BinaryOp {
    use ast::Operator::*;
    match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Subtract,
        Mult => BinaryOp::Multiply,
        MatMult => BinaryOp::MatrixMultiply,
        Div => BinaryOp::TrueDivide,
        Mod => BinaryOp::Remainder,
        Pow => BinaryOp::Power,
        LShift => BinaryOp::Lshift,
        RShift => BinaryOp::Rshift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDivide,
    }
}
