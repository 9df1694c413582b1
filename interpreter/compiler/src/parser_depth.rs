//! CPython's parser gives up on source nested too deeply for its stack
//! (MAXSTACK, 6000 rule levels) with a MemoryError, before the compiler's
//! own recursion limit is reached. ruff's parser has no such limit, so the
//! depth CPython's parser would reach is estimated from the tree: each
//! level of the constructs that nest without brackets costs the rule levels
//! CPython's grammar spends on it (unary operators, `not` and conditional
//! expressions one, `**` and `lambda` two), on top of about thirty levels
//! from the statement down to the first of them. Bracketed nesting is
//! bounded by the tokenizer's 200 levels and is not counted.

use ruff_python_ast::visitor::{walk_expr, Visitor};
use ruff_python_ast::{self as ast, Expr, Operator};

/// CPython's MAXSTACK.
const MAX_STACK: usize = 6000;
/// Rule levels from a statement down to its outermost expression.
const BASE_LEVELS: usize = 30;

struct Depth {
    depth: usize,
    exceeded: bool,
}

fn weight(e: &Expr) -> usize {
    match e {
        Expr::UnaryOp(_) | Expr::If(_) => 1,
        Expr::Lambda(_) => 2,
        Expr::BinOp(b) if b.op == Operator::Pow => 2,
        _ => 0,
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_expr(&mut self, e: &'a Expr) {
        if self.exceeded {
            return;
        }
        let w = weight(e);
        self.depth += w;
        if self.depth + BASE_LEVELS >= MAX_STACK {
            self.exceeded = true;
            return;
        }
        walk_expr(self, e);
        self.depth -= w;
    }
}

/// Would CPython's parser overflow its stack on this tree?
pub fn too_deep(tree: &ast::Mod) -> bool {
    let mut v = Depth { depth: 0, exceeded: false };
    match tree {
        ast::Mod::Module(m) => {
            for s in &m.body {
                v.visit_stmt(s);
            }
        }
        ast::Mod::Expression(e) => v.visit_expr(&e.body),
    }
    v.exceeded
}
