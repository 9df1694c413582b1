//! Where a traceback's `~~~^^^~~~` markers switch: the operator of a binary
//! operation, or the bracketed index of a subscript. As CPython 3.11, the
//! failing expression's source segment is parsed on its own; any other
//! shape (or text that does not parse) gets plain `^^^` markers.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// The character offsets in `segment` where the primary markers end and
/// start again, for a segment that is one binary operation or subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else { return None };
    let chars: Vec<char> = segment.chars().collect();
    // Byte offsets from the parser to character offsets.
    let to_char = |b: usize| String::from_utf8_lossy(&segment.as_bytes()[..b.min(segment.len())]).chars().count();
    match &*stmt.value {
        Expr::BinOp(op) => {
            let left_end = op.left.end().to_usize();
            let op_start = to_char(left_end);
            let op_end = to_char(op.right.start().to_usize());
            let between: Vec<char> = chars[op_start..op_end.max(op_start)].to_vec();
            let lead = between.iter().take_while(|c| c.is_whitespace()).count();
            // Counted in bytes from here, as CPython mixes the two.
            let mut left = left_end + lead;
            let mut right = left + 1;
            if lead + 1 < between.len() && !between[lead + 1].is_whitespace() {
                right += 1;
            }
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] == ')' || chars[left] == '#') {
                left += 1;
                right += 1;
            }
            Some((to_char(left), to_char(right)))
        }
        Expr::Subscript(sub) => {
            let mut left = to_char(sub.value.end().to_usize());
            let mut right = to_char(sub.slice.end().to_usize() + 1);
            while left < chars.len() && chars[left] != '[' {
                left += 1;
            }
            while right < chars.len() && chars[right] != ']' {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}
