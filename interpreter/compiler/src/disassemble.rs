//! A dis-like listing of code units (for debugging and tests), and Python
//! reprs of constants (also used in error messages).

use krait_bytecode::{BinaryOp, CodeUnit, CompareOp, Constant, Opcode};

/// Python's float repr: shortest round-trip digits, scientific notation when
/// the exponent is < -4 or >= 16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let sci = format!("{:e}", f);
    let (mant, exp) = sci.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let m = if digits.len() == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        return format!("{}{}e{}{:02}", sign, m, if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    if exp < 0 {
        return format!("{}0.{}{}", sign, "0".repeat((-exp - 1) as usize), digits);
    }
    let e = exp as usize;
    if digits.len() > e + 1 {
        format!("{}{}.{}", sign, &digits[..e + 1], &digits[e + 1..])
    } else {
        format!("{}{}{}.0", sign, digits, "0".repeat(e + 1 - digits.len()))
    }
}

/// Python's repr of a str given as code points.
pub fn str_repr_cps(cps: &[u32]) -> String {
    let has_sq = cps.contains(&('\'' as u32));
    let has_dq = cps.contains(&('"' as u32));
    let q = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for &c in cps {
        match c {
            0x5c => out.push_str("\\\\"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            _ if c == q as u32 => {
                out.push('\\');
                out.push(q);
            }
            _ if c < 0x20 || c == 0x7f => out.push_str(&format!("\\x{:02x}", c)),
            _ if (0xD800..0xE000).contains(&c) => out.push_str(&format!("\\u{:04x}", c)),
            _ => {
                let ch = char::from_u32(c).unwrap_or('\u{fffd}');
                if c >= 0x80 && !is_printable(ch) {
                    if c <= 0xff {
                        out.push_str(&format!("\\x{:02x}", c));
                    } else if c <= 0xffff {
                        out.push_str(&format!("\\u{:04x}", c));
                    } else {
                        out.push_str(&format!("\\U{:08x}", c));
                    }
                } else {
                    out.push(ch);
                }
            }
        }
    }
    out.push(q);
    out
}

fn is_printable(c: char) -> bool {
    // An approximation of str.isprintable for non-ASCII: controls, separators
    // and unassigned ranges are escaped.
    let c = c as u32;
    !((0x80..0xa0).contains(&c) || c == 0xad || (0x2028..=0x2029).contains(&c) || c == 0xa0 || c == 0x3000 || (0x2000..=0x200f).contains(&c) || c == 0xfeff)
}

pub fn str_repr(s: &str) -> String {
    let v: Vec<u32> = s.chars().map(|c| c as u32).collect();
    str_repr_cps(&v)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let q = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(q);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if c as char == q => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(q);
    out
}

fn complex_repr(real: f64, imag: f64) -> String {
    let part = |f: f64| {
        let r = float_repr(f);
        r.strip_suffix(".0").map(|s| s.to_owned()).unwrap_or(r)
    };
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", part(imag))
    } else {
        let im = part(imag);
        let sign = if imag.is_sign_negative() || imag.is_nan() && im.starts_with('-') { "" } else { "+" };
        format!("({}{}{}j)", part(real), sign, im)
    }
}

/// Python's repr of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => str_repr(s),
        Constant::StrCodePoints(v) => str_repr_cps(v),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", items.join(", "))
            }
        }
        Constant::Code(c) => format!("<code object {}, file \"{}\", line {}>", c.name, c.filename, c.first_line),
    }
}

/// A key under which constants that compare equal in Python (1, 1.0, True)
/// coincide, for duplicate detection.
pub fn const_key(c: &Constant) -> String {
    match c {
        Constant::True => "n:1".into(),
        Constant::False => "n:0".into(),
        Constant::Int(i) => format!("n:{}", i),
        Constant::BigInt(b) => format!("n:{}", b),
        Constant::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => format!("n:{}", *f as i64),
        Constant::Float(f) => format!("f:{}", float_repr(*f)),
        Constant::Complex { real, imag } if *imag == 0.0 => const_key(&Constant::Float(*real)),
        Constant::Tuple(t) => format!("t:({})", t.iter().map(const_key).collect::<Vec<_>>().join(",")),
        other => const_repr(other),
    }
}

fn arg_repr(code: &CodeUnit, op: Opcode, arg: u32) -> String {
    use Opcode::*;
    let name = |i: u32| code.names.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    let local = |i: u32| code.localsplus_names.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    match op {
        LOAD_CONST | KW_NAMES => code.constants.get(arg as usize).map(|c| match c {
            Constant::Code(c) => format!("<code object {}>", c.name),
            other => const_repr(other),
        }).unwrap_or_default(),
        LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | LOAD_ATTR | STORE_ATTR | DELETE_ATTR | LOAD_METHOD
        | IMPORT_NAME | IMPORT_FROM => name(arg),
        LOAD_GLOBAL => {
            if arg & 1 != 0 {
                format!("NULL + {}", name(arg >> 1))
            } else {
                name(arg >> 1)
            }
        }
        LOAD_FAST | STORE_FAST | DELETE_FAST | MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF => local(arg),
        BINARY_OP => BinaryOp::from_u32(arg).map(|o| o.symbol().to_owned()).unwrap_or_default(),
        COMPARE_OP => CompareOp::from_u32(arg).map(|o| o.symbol().to_owned()).unwrap_or_default(),
        JUMP_FORWARD | JUMP_BACKWARD | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE | JUMP_IF_FALSE_OR_POP
        | JUMP_IF_TRUE_OR_POP | FOR_ITER | SEND => format!("to {}", arg),
        _ => String::new(),
    }
}

fn takes_arg(op: Opcode) -> bool {
    use Opcode::*;
    !matches!(
        op,
        NOP | POP_TOP | PUSH_NULL | UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | BINARY_SUBSCR | STORE_SUBSCR | DELETE_SUBSCR
            | LIST_TO_TUPLE | GET_ITER | RETURN_VALUE | PUSH_EXC_INFO | POP_EXCEPT | CHECK_EXC_MATCH | CHECK_EG_MATCH | PREP_RERAISE_STAR
            | WITH_EXCEPT_START | BEFORE_WITH | BEFORE_ASYNC_WITH | LOAD_ASSERTION_ERROR | LOAD_BUILD_CLASS | SETUP_ANNOTATIONS
            | IMPORT_STAR | GET_YIELD_FROM_ITER | GET_AITER | GET_ANEXT | END_ASYNC_FOR | ASYNC_GEN_WRAP | MATCH_MAPPING
            | MATCH_SEQUENCE | MATCH_KEYS | GET_LEN | PRINT_EXPR
    )
}

/// A dis-like listing, recursing into nested code constants.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut out = String::new();
    out.push_str(&format!("Disassembly of <code object {} line {}>:\n", code.qualname, code.first_line));
    let mut targets = std::collections::HashSet::new();
    for (_, op, arg) in code.instructions() {
        if arg_repr(code, op, arg).starts_with("to ") {
            targets.insert(arg as usize);
        }
    }
    for e in &code.exception_table {
        targets.insert(e.target as usize);
    }
    let mut last_line = u32::MAX;
    for (at, op, arg) in code.instructions() {
        let line = code.locations[at].line;
        let ls = if line != last_line {
            last_line = line;
            format!("{:>4}", line)
        } else {
            "    ".into()
        };
        let mark = if targets.contains(&at) { ">>" } else { "  " };
        let a = if takes_arg(op) { format!("{:<6}", arg) } else { String::new() };
        let r = arg_repr(code, op, arg);
        let line_text = if r.is_empty() { format!("{} {} {:>5} {:<22} {}", ls, mark, at, op.name(), a) } else { format!("{} {} {:>5} {:<22} {}({})", ls, mark, at, op.name(), a, r) };
        out.push_str(line_text.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            out.push_str(&format!("  {} to {} -> {} [{}]{}\n", e.start, e.end, e.target, e.depth, if e.push_lasti { " lasti" } else { "" }));
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.push('\n');
            out.push_str(&disassemble(inner));
        }
    }
    out
}
