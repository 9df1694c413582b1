//! The one syntax error CPython's grammar raises for a type comment with
//! PyCF_TYPE_COMMENTS: a bare `*` in a parameter list followed by its comma
//! and a `# type:` comment ("bare * has associated type comment").

use krait_compiler::ruff_python_ast::visitor::{walk_stmt, Visitor};
use krait_compiler::ruff_python_ast::Stmt;
use krait_compiler::ruff_text_size::{Ranged, TextRange};

/// The text of a type comment (after `type:`), as the tokenizer reads
/// `#<spaces>type:<spaces>TEXT`; None for other comments and for
/// `type: ignore` comments.
fn type_comment_value(comment: &str) -> Option<usize> {
    let body = comment.strip_prefix('#')?;
    let lead = body.len() - body.trim_start_matches([' ', '\t']).len();
    let rest = body[lead..].strip_prefix("type:")?;
    let sp = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let value = &rest[sp..];
    if value.starts_with("ignore") && !value[6..].starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some(1 + lead + 5 + sp)
}

struct BareStar<'a> {
    source: &'a str,
    comments: &'a [TextRange],
    found: Option<(usize, usize)>,
}

impl<'a, 'b> Visitor<'b> for BareStar<'a> {
    fn visit_stmt(&mut self, s: &'b Stmt) {
        if self.found.is_some() {
            return;
        }
        if let Stmt::FunctionDef(f) = s {
            let p = &f.parameters;
            if p.vararg.is_none() {
                if let Some(first_kw) = p.kwonlyargs.first() {
                    let start = p.posonlyargs.iter().chain(p.args.iter()).map(|a| a.range().end().to_usize()).max().unwrap_or(p.range().start().to_usize());
                    let end = first_kw.range().start().to_usize();
                    self.check(start, end);
                }
            }
        }
        walk_stmt(self, s);
    }
}

impl BareStar<'_> {
    fn check(&mut self, start: usize, end: usize) {
        let region = &self.source[start..end];
        let Some(star) = region.find('*') else { return };
        let after = &region[star + 1..];
        let after_ws = after.trim_start_matches([' ', '\t', '\\', '\n', '\r']);
        if !after_ws.starts_with(',') {
            return;
        }
        let comma = start + star + 1 + (after.len() - after_ws.len());
        for c in self.comments {
            let (cs, ce) = (c.start().to_usize(), c.end().to_usize());
            if cs <= comma || cs >= end {
                continue;
            }
            // The comment must be the token right after the comma.
            if !self.source[comma + 1..cs].chars().all(|ch| ch == ' ' || ch == '\t') {
                continue;
            }
            if let Some(v) = type_comment_value(&self.source[cs..ce]) {
                let text_end = cs + self.source[cs..ce].trim_end().len();
                self.found = Some((cs + v, text_end));
            }
            return;
        }
    }
}

/// Where the offending type comment's text lies (byte offsets), if any.
pub fn bare_star_type_comment(source: &str, body: &[Stmt], comments: &[TextRange]) -> Option<(usize, usize)> {
    let mut v = BareStar { source, comments, found: None };
    for s in body {
        v.visit_stmt(s);
    }
    v.found
}
