//! CPython 3.11's compile-time SyntaxWarnings: `is` with a literal, an
//! assertion on a non-empty tuple, and calls or subscripts of displays that
//! look like a missed comma (`[(1, 2) (3, 4)]`). They look at the tree after
//! constant folding, as CPython's checks run after its AST optimizer.

use super::Compiler;
use krait_bytecode::Constant;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

/// What CPython's infer_type knows of an expression: its type's name.
enum Inferred {
    Known(&'static str),
    Unknown,
}

fn const_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::True | Constant::False => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) | Constant::StrCodePoints(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn warn(&mut self, msg: String, r: TextRange) {
        self.warnings.push((msg, r));
    }

    fn infer_type(&self, e: &Expr) -> Inferred {
        if let Some(c) = self.konst(e) {
            return Inferred::Known(const_type(&c));
        }
        Inferred::Known(match e {
            Expr::Tuple(_) => "tuple",
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            _ => return Inferred::Unknown,
        })
    }

    /// `x is 1`: identity with a literal other than None, True, False, `...`.
    pub(crate) fn check_compare(&mut self, c: &ast::ExprCompare) {
        let is_singleton = |s: &Self, e: &Expr| match s.konst(e) {
            None => true, // not a constant: nothing to say
            Some(k) => matches!(k, Constant::None | Constant::True | Constant::False | Constant::Ellipsis),
        };
        let mut left = is_singleton(self, &c.left);
        for (op, right_e) in c.ops.iter().zip(c.comparators.iter()) {
            let right = is_singleton(self, right_e);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && (!left || !right) {
                let msg = if *op == ast::CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.into(), c.range());
                return;
            }
            left = right;
        }
    }

    /// `assert (x, "msg")`: always true.
    pub(crate) fn check_assert(&mut self, a: &ast::StmtAssert) {
        let nonempty_tuple = match &*a.test {
            Expr::Tuple(t) => !t.elts.is_empty(),
            e => matches!(self.konst(e), Some(Constant::Tuple(v)) if !v.is_empty()),
        };
        if nonempty_tuple {
            self.warn("assertion is always true, perhaps remove parentheses?".into(), a.range());
        }
    }

    /// A call of a display or literal: a missed comma before it.
    pub(crate) fn check_caller(&mut self, call: &ast::ExprCall) {
        let f = &*call.func;
        let callable_never = self.konst(f).is_some()
            || matches!(
                f,
                Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::Dict(_) | Expr::DictComp(_) | Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::FString(_)
            );
        if callable_never {
            if let Inferred::Known(t) = self.infer_type(f) {
                self.warn(format!("'{}' object is not callable; perhaps you missed a comma?", t), call.range());
            }
        }
    }

    /// A subscript (load) of something that is not subscriptable, or of a
    /// sequence by an index that cannot be one.
    pub(crate) fn check_subscript(&mut self, s: &ast::ExprSubscript) {
        let value = &*s.value;
        let konst = self.konst(value);
        let not_subscriptable = match &konst {
            Some(c) => matches!(c, Constant::None | Constant::Ellipsis | Constant::True | Constant::False | Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_) | Constant::Complex { .. } | Constant::FrozenSet(_)),
            None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
        };
        if not_subscriptable {
            if let Inferred::Known(t) = self.infer_type(value) {
                self.warn(format!("'{}' object is not subscriptable; perhaps you missed a comma?", t), s.range());
            }
            return;
        }
        let Inferred::Known(index_type) = self.infer_type(&s.slice) else { return };
        if matches!(index_type, "int" | "bool") || matches!(&*s.slice, Expr::Slice(_)) {
            return;
        }
        let sequence = match &konst {
            Some(c) => matches!(c, Constant::Str(_) | Constant::StrCodePoints(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
        };
        if sequence {
            if let Inferred::Known(t) = self.infer_type(value) {
                self.warn(format!("{} indices must be integers or slices, not {}; perhaps you missed a comma?", t, index_type), s.range());
            }
        }
    }
}
