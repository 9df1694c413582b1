//! Expression to source text, as CPython's C unparser (Python/ast_unparse.c)
//! does for `from __future__ import annotations`: minimal parentheses by
//! precedence, constants by their repr.

use crate::constants;
use crate::disassemble::const_repr;
use ruff_python_ast::{self as ast, Expr};

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn paren_if(out: &mut String, cond: bool, f: impl FnOnce(&mut String)) {
    if cond {
        out.push('(');
    }
    f(out);
    if cond {
        out.push(')');
    }
}

fn comma_list(out: &mut String, es: &[Expr], level: u8) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for c in &g.ifs {
            out.push_str(" if ");
            expr(out, c, PR_TEST + 1);
        }
    }
}

fn params(out: &mut String, p: &ast::Parameters) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    for (i, a) in p.posonlyargs.iter().chain(p.args.iter()).enumerate() {
        sep(out);
        out.push_str(a.parameter.name.as_str());
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
        if i + 1 == p.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if p.vararg.is_some() || !p.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &p.vararg {
            out.push_str(v.name.as_str());
        }
    }
    for a in p.kwonlyargs.iter() {
        sep(out);
        out.push_str(a.parameter.name.as_str());
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &p.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(k.name.as_str());
    }
}

fn fstring_body(out: &mut String, els: &ast::InterpolatedStringElements) {
    for el in els.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => out.push_str(&l.value.replace('{', "{{").replace('}', "}}")),
            ast::InterpolatedStringElement::Interpolation(i) => {
                // `{x=}`: its text is a literal part, as in CPython's tree.
                if let Some(d) = &i.debug_text {
                    out.push_str(&d.as_str().replace('{', "{{").replace('}', "}}"));
                }
                let mut inner = String::new();
                expr(&mut inner, &i.expression, PR_TEST + 1);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                match i.conversion {
                    ast::ConversionFlag::Str => out.push_str("!s"),
                    ast::ConversionFlag::Repr => out.push_str("!r"),
                    ast::ConversionFlag::Ascii => out.push_str("!a"),
                    // A debug field without a conversion or format spec is a repr.
                    ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => out.push_str("!r"),
                    ast::ConversionFlag::None => {}
                }
                if let Some(spec) = &i.format_spec {
                    out.push(':');
                    fstring_body(out, &spec.elements);
                }
                out.push('}');
            }
        }
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match e {
        Expr::BoolOp(b) => {
            let (op, pr) = if b.op == ast::BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            paren_if(out, level > pr, |out| {
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(op);
                    }
                    expr(out, v, pr + 1);
                }
            });
        }
        Expr::BinOp(b) => {
            use ast::Operator::*;
            let (op, pr) = match b.op {
                Add => (" + ", PR_ARITH),
                Sub => (" - ", PR_ARITH),
                Mult => (" * ", PR_TERM),
                MatMult => (" @ ", PR_TERM),
                Div => (" / ", PR_TERM),
                Mod => (" % ", PR_TERM),
                FloorDiv => (" // ", PR_TERM),
                LShift => (" << ", PR_SHIFT),
                RShift => (" >> ", PR_SHIFT),
                BitOr => (" | ", PR_BOR),
                BitXor => (" ^ ", PR_BXOR),
                BitAnd => (" & ", PR_BAND),
                Pow => (" ** ", PR_POWER),
            };
            let rassoc = (b.op == Pow) as u8;
            paren_if(out, level > pr, |out| {
                expr(out, &b.left, pr + rassoc);
                out.push_str(op);
                expr(out, &b.right, pr + 1 - rassoc);
            });
        }
        Expr::UnaryOp(u) => {
            let (op, pr) = match u.op {
                ast::UnaryOp::Not => ("not ", PR_NOT),
                ast::UnaryOp::Invert => ("~", PR_FACTOR),
                ast::UnaryOp::UAdd => ("+", PR_FACTOR),
                ast::UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren_if(out, level > pr, |out| {
                out.push_str(op);
                expr(out, &u.operand, pr);
            });
        }
        Expr::Lambda(l) => paren_if(out, level > PR_TEST, |out| {
            out.push_str("lambda");
            if let Some(p) = &l.parameters {
                let mut s = String::new();
                params(&mut s, p);
                if !s.is_empty() {
                    out.push(' ');
                    out.push_str(&s);
                }
            }
            out.push_str(": ");
            expr(out, &l.body, PR_TEST);
        }),
        Expr::If(i) => paren_if(out, level > PR_TEST, |out| {
            expr(out, &i.body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, &i.test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, &i.orelse, PR_TEST);
        }),
        Expr::Dict(d) => {
            out.push('{');
            for (i, it) in d.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match &it.key {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, &it.value, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, &it.value, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => {
            out.push('{');
            comma_list(out, &s.elts, PR_TEST);
            out.push('}');
        }
        Expr::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, PR_TEST);
            comprehensions(out, &c.generators);
            out.push(']');
        }
        Expr::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, PR_TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::DictComp(c) => {
            out.push('{');
            if let Some(k) = &c.key {
                expr(out, k, PR_TEST);
            }
            out.push_str(": ");
            expr(out, &c.value, PR_TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::Generator(c) => {
            out.push('(');
            expr(out, &c.elt, PR_TEST);
            comprehensions(out, &c.generators);
            out.push(')');
        }
        Expr::Await(a) => paren_if(out, level > PR_AWAIT, |out| {
            out.push_str("await ");
            expr(out, &a.value, PR_ATOM);
        }),
        Expr::Yield(y) => {
            out.push_str("(yield");
            if let Some(v) = &y.value {
                out.push(' ');
                expr(out, v, PR_TEST);
            }
            out.push(')');
        }
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, PR_TEST);
            out.push(')');
        }
        Expr::Compare(c) => paren_if(out, level > PR_CMP, |out| {
            expr(out, &c.left, PR_CMP + 1);
            for (op, r) in c.ops.iter().zip(c.comparators.iter()) {
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                expr(out, r, PR_CMP + 1);
            }
        }),
        Expr::Call(c) => {
            expr(out, &c.func, PR_ATOM);
            let args = &c.arguments.args;
            let kws = &c.arguments.keywords;
            if args.len() == 1 && kws.is_empty() {
                if let Expr::Generator(g) = &args[0] {
                    // A lone generator argument keeps a single pair of parentheses.
                    expr(out, &Expr::Generator(g.clone()), PR_TEST);
                    return;
                }
            }
            out.push('(');
            let mut first = true;
            for a in args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in kws.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(n.as_str());
                        out.push('=');
                        expr(out, &k.value, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, &k.value, PR_EXPR);
                    }
                }
            }
            out.push(')');
        }
        Expr::FString(f) => {
            let mut body = String::new();
            for part in f.value.iter() {
                match part {
                    ast::FStringPart::Literal(l) => body.push_str(&l.value.replace('{', "{{").replace('}', "}}")),
                    ast::FStringPart::FString(fs) => fstring_body(&mut body, &fs.elements),
                }
            }
            out.push('f');
            out.push_str(&crate::disassemble::str_repr(&body));
        }
        Expr::Attribute(a) => {
            expr(out, &a.value, PR_ATOM);
            if let Expr::NumberLiteral(n) = &*a.value {
                if matches!(n.value, ast::Number::Int(_)) {
                    out.push(' ');
                }
            }
            out.push('.');
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, PR_ATOM);
            out.push('[');
            expr(out, &s.slice, PR_TUPLE);
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, PR_EXPR);
        }
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::List(l) => {
            out.push('[');
            comma_list(out, &l.elts, PR_TEST);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            paren_if(out, level > PR_TUPLE, |out| {
                comma_list(out, &t.elts, PR_TEST);
                if t.elts.len() == 1 {
                    out.push(',');
                }
            });
        }
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                expr(out, u, PR_TEST);
            }
            if let Some(st) = &s.step {
                out.push(':');
                expr(out, st, PR_TEST);
            }
        }
        Expr::Named(n) => paren_if(out, level > PR_TUPLE, |out| {
            expr(out, &n.target, PR_ATOM);
            out.push_str(" := ");
            expr(out, &n.value, PR_ATOM);
        }),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::NumberLiteral(n) => {
            let c = constants::number_const(&n.value);
            let s = const_repr(&c);
            // inf is written so that it parses back.
            out.push_str(&s.replace("inf", "1e309"));
        }
        Expr::StringLiteral(s) => {
            // A `u` prefix on the first part is kept (the Constant's kind).
            if s.value.iter().next().is_some_and(|p| matches!(p.flags.prefix(), ast::str_prefix::StringLiteralPrefix::Unicode)) {
                out.push('u');
            }
            out.push_str(&crate::disassemble::str_repr(s.value.to_str()))
        }
        Expr::BytesLiteral(b) => out.push_str(&crate::disassemble::bytes_repr(&b.value.bytes().collect::<Vec<u8>>())),
        Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
        Expr::NoneLiteral(_) => out.push_str("None"),
        Expr::TString(_) | Expr::IpyEscapeCommand(_) => {}
    }
}
