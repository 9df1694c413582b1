//! The parser's tree to `ast` node objects, shaped as CPython 3.11's
//! parser shapes them: positions as (1-based line, UTF-8 byte column),
//! `def`/`class` statements starting at their keyword (after decorators),
//! `elif` chains as nested `If`s, implicitly concatenated strings and
//! f-strings joined into one `Constant` / `JoinedStr` whose parts carry the
//! whole literal's position, `=` debug text as a literal part, and the
//! context, operator and comparison nodes shared singletons.

use super::nodes::{class, node};
use crate::Keep;
use krait_compiler::ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use krait_compiler::ruff_text_size::{Ranged, TextRange, TextSize};
use krait_runtime::object::Obj;
use krait_runtime::types::code::constant_to_object;
use krait_runtime::types::{dict, int, list, none, str as pystr};
use krait_runtime::{bail, ops, PyResult};

/// A (start, end) byte-offset pair of the source.
type Span = (TextSize, TextSize);

pub struct ToPy<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
    /// Nesting of the node being built, bounded as CPython bounds its
    /// ast2obj: three times the recursion limit.
    depth: std::cell::Cell<usize>,
    limit: usize,
    /// `feature_version`'s minor version: the few checks of newer syntax
    /// the parser's target version does not make.
    feature: Option<u8>,
}

/// The shared instances of the fieldless node classes (Load, Add, Eq...).
static SINGLETONS: Keep = Keep::new();

fn singleton(name: &str) -> PyResult<Obj> {
    let d = SINGLETONS.get_or_init(|| Ok(dict::new()))?;
    if let Some(o) = dict::get_item_str(&d, name)? {
        return Ok(o);
    }
    let o = ops::call::call(&class(name)?, &[], None)?;
    dict::set_item_str(&d, name, &o)?;
    Ok(o)
}

fn s(v: &str) -> Obj {
    pystr::new(v)
}

fn opt_str(v: Option<&str>) -> Obj {
    v.map(pystr::new).unwrap_or_else(none::none)
}

fn i(v: i64) -> Obj {
    int::from_i64(v)
}

fn ctx(c: ast::ExprContext) -> PyResult<Obj> {
    singleton(match c {
        ast::ExprContext::Store => "Store",
        ast::ExprContext::Del => "Del",
        _ => "Load",
    })
}

pub fn operator_name(op: ast::Operator) -> &'static str {
    use ast::Operator::*;
    match op {
        Add => "Add",
        Sub => "Sub",
        Mult => "Mult",
        MatMult => "MatMult",
        Div => "Div",
        Mod => "Mod",
        Pow => "Pow",
        LShift => "LShift",
        RShift => "RShift",
        BitOr => "BitOr",
        BitXor => "BitXor",
        BitAnd => "BitAnd",
        FloorDiv => "FloorDiv",
    }
}

fn cmpop_name(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp::*;
    match op {
        Eq => "Eq",
        NotEq => "NotEq",
        Lt => "Lt",
        LtE => "LtE",
        Gt => "Gt",
        GtE => "GtE",
        Is => "Is",
        IsNot => "IsNot",
        In => "In",
        NotIn => "NotIn",
    }
}

fn unaryop_name(op: ast::UnaryOp) -> &'static str {
    match op {
        ast::UnaryOp::Invert => "Invert",
        ast::UnaryOp::Not => "Not",
        ast::UnaryOp::UAdd => "UAdd",
        ast::UnaryOp::USub => "USub",
    }
}

/// Literal text of an f-string being gathered, as code points (lone
/// surrogates included).
struct Text(Vec<u32>);

impl Text {
    fn new() -> Text {
        Text(vec![])
    }

    fn push_str(&mut self, s: &str) {
        self.0.extend(s.chars().map(|c| c as u32));
    }

    fn push(&mut self, c: krait_bytecode::Constant) {
        match c {
            krait_bytecode::Constant::Str(s) => self.push_str(&s),
            krait_bytecode::Constant::StrCodePoints(v) => self.0.extend(v),
            _ => {}
        }
    }
}

fn span(r: TextRange) -> Option<Span> {
    Some((r.start(), r.end()))
}

impl<'a> ToPy<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut line_starts = vec![0];
        let b = src.as_bytes();
        let mut k = 0;
        while k < b.len() {
            match b[k] {
                b'\n' => line_starts.push(k + 1),
                b'\r' if b.get(k + 1) != Some(&b'\n') => line_starts.push(k + 1),
                _ => {}
            }
            k += 1;
        }
        let limit = krait_runtime::threadstate::recursion_limit().saturating_mul(3);
        ToPy { src, line_starts, depth: std::cell::Cell::new(0), limit, feature: None }
    }

    pub fn with_feature_version(mut self, minor: Option<u8>) -> Self {
        self.feature = minor;
        self
    }

    fn older_than(&self, minor: u8) -> bool {
        self.feature.is_some_and(|f| f < minor)
    }

    /// `with (a as b, c):` — the parenthesized form of 3.9: the `(` right
    /// after `with` closes just before the `:`.
    fn parenthesized_with(&self, w: &ast::StmtWith) -> bool {
        let b = self.src.as_bytes();
        let Some(first) = w.items.first() else { return false };
        let mut k = w.range.start().to_usize() + if w.is_async { 5 } else { 0 };
        while k < b.len() && !b[k..].starts_with(b"with") {
            k += 1;
        }
        k += 4;
        while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\x0c' | b'\\' | b'\n' | b'\r') {
            k += 1;
        }
        if b.get(k) != Some(&b'(') || first.context_expr.range().start().to_usize() <= k {
            return false;
        }
        let mut depth = 0;
        let mut q: Option<u8> = None;
        while k < b.len() {
            let c = b[k];
            match q {
                Some(quote) => {
                    if c == b'\\' {
                        k += 1;
                    } else if c == quote {
                        q = None;
                    }
                }
                None => match c {
                    b'\'' | b'"' => q = Some(c),
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            let rest = self.src[k + 1..].trim_start_matches([' ', '\t', '\x0c']);
                            return rest.starts_with(':');
                        }
                    }
                    _ => {}
                },
            }
            k += 1;
        }
        false
    }

    /// (line, byte column) of an offset.
    fn point(&self, off: TextSize) -> (i64, i64) {
        let o = off.to_usize();
        let line = self.line_starts.partition_point(|s| *s <= o);
        (line as i64, (o - self.line_starts[line - 1]) as i64)
    }

    /// A node of class `name` with its fields in `_fields` order and, when
    /// given, its position attributes.
    fn make(&self, name: &str, fields: Vec<Obj>, at: Option<Span>) -> PyResult<Obj> {
        let n = node(name);
        let o = ops::call::call(&class(name)?, &[], None)?;
        for ((f, _, _), v) in n.fields.iter().zip(fields) {
            ops::attr::setattr(&o, &pystr::intern(f), &v)?;
        }
        if let Some((a, b)) = at {
            let (l, c) = self.point(a);
            let (el, ec) = self.point(b);
            ops::attr::setattr(&o, &pystr::intern_static("lineno"), &i(l))?;
            ops::attr::setattr(&o, &pystr::intern_static("col_offset"), &i(c))?;
            ops::attr::setattr(&o, &pystr::intern_static("end_lineno"), &i(el))?;
            ops::attr::setattr(&o, &pystr::intern_static("end_col_offset"), &i(ec))?;
        }
        Ok(o)
    }

    /// A compound statement's node: its block may end at a `;`.
    fn make_block(&self, name: &str, fields: Vec<Obj>, at: Option<Span>) -> PyResult<Obj> {
        self.make(name, fields, at.map(|(a, b)| (a, self.block_end(b))))
    }

    // -----------------------------------------------------------------------
    // Modules.

    pub fn module(&self, body: &[Stmt], type_ignores: Vec<Obj>) -> PyResult<Obj> {
        self.make("Module", vec![self.stmts(body)?, list::from_vec(type_ignores)], None)
    }

    /// `# type: ignore[tag]` comments (with PyCF_TYPE_COMMENTS): the
    /// comment is `#`, `type:`, `ignore` with blanks allowed where
    /// CPython's tokenizer allows them, and `ignore` must not run on into
    /// a longer word; the tag is the rest of the comment.
    pub fn type_ignores(&self, comments: &[TextRange]) -> PyResult<Vec<Obj>> {
        let mut out = vec![];
        for r in comments {
            let text = &self.src[*r];
            let blank = |t: &'a str| t.trim_start_matches([' ', '\t']);
            let Some(t) = text.strip_prefix('#') else { continue };
            let Some(t) = blank(t).strip_prefix("type") else { continue };
            let Some(t) = t.strip_prefix(':') else { continue };
            let Some(tag) = blank(t).strip_prefix("ignore") else { continue };
            if tag.chars().next().is_some_and(|c| !c.is_ascii() || c.is_ascii_alphanumeric()) {
                continue;
            }
            let (line, _) = self.point(r.start());
            out.push(self.make("TypeIgnore", vec![i(line), s(tag)], None)?);
        }
        Ok(out)
    }

    pub fn interactive(&self, body: &[Stmt]) -> PyResult<Obj> {
        self.make("Interactive", vec![self.stmts(body)?], None)
    }

    pub fn expression(&self, body: &Expr) -> PyResult<Obj> {
        self.make("Expression", vec![self.expr(body)?], None)
    }

    /// `(argtypes) -> returns`, parsed as the tuple `(argtypes) , returns`.
    pub fn function_type(&self, pair: &Expr) -> PyResult<Obj> {
        let Expr::Tuple(t) = pair else { bail!(SyntaxError, "invalid syntax") };
        let args = match &t.elts[0] {
            Expr::Tuple(a) if a.parenthesized => self.exprs(&a.elts)?,
            e => list::from_vec(vec![self.expr(e)?]),
        };
        self.make("FunctionType", vec![args, self.expr(&t.elts[1])?], None)
    }

    // -----------------------------------------------------------------------
    // Statements.

    fn stmts(&self, v: &[Stmt]) -> PyResult<Obj> {
        let mut out = Vec::with_capacity(v.len());
        for s in v {
            out.push(self.stmt(s)?);
        }
        Ok(list::from_vec(out))
    }

    fn exprs(&self, v: &[Expr]) -> PyResult<Obj> {
        let mut out = Vec::with_capacity(v.len());
        for e in v {
            out.push(self.expr(e)?);
        }
        Ok(list::from_vec(out))
    }

    fn opt_expr(&self, e: Option<&Expr>) -> PyResult<Obj> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(none::none()),
        }
    }

    /// Where a `def`/`class` keyword (or the `async` before it) starts:
    /// before the name, past the blanks and line continuations between.
    fn keyword_start(&self, name_start: TextSize, keyword: &str, is_async: bool) -> TextSize {
        let b = self.src.as_bytes();
        let back_blank = |mut k: usize| {
            loop {
                if k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'\x0c') {
                    k -= 1;
                } else if k >= 2 && b[k - 1] == b'\n' && b[k - 2] == b'\\' {
                    k -= 2;
                } else if k >= 3 && b[k - 1] == b'\n' && b[k - 2] == b'\r' && b[k - 3] == b'\\' {
                    k -= 3;
                } else {
                    return k;
                }
            }
        };
        let mut k = back_blank(name_start.to_usize()).saturating_sub(keyword.len());
        if is_async {
            k = back_blank(k).saturating_sub("async".len());
        }
        TextSize::from(k as u32)
    }

    /// The end of a compound statement: CPython's block ends after the
    /// `;` that may follow its last simple statement.
    fn block_end(&self, end: TextSize) -> TextSize {
        let b = self.src.as_bytes();
        let mut k = end.to_usize();
        while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\x0c') {
            k += 1;
        }
        if b.get(k) == Some(&b';') {
            TextSize::from(k as u32 + 1)
        } else {
            end
        }
    }

    fn block_span(&self, r: TextRange) -> Option<Span> {
        Some((r.start(), self.block_end(r.end())))
    }

    fn decorators(&self, v: &[ast::Decorator]) -> PyResult<Obj> {
        let mut out = vec![];
        for d in v {
            out.push(self.expr(&d.expression)?);
        }
        Ok(list::from_vec(out))
    }

    fn stmt(&self, st: &Stmt) -> PyResult<Obj> {
        self.nested(|| self.stmt_inner(st))
    }

    fn stmt_inner(&self, st: &Stmt) -> PyResult<Obj> {
        let at = span(st.range());
        match st {
            Stmt::FunctionDef(f) => {
                let start = self.keyword_start(f.name.range.start(), "def", f.is_async);
                let fields = vec![
                    s(f.name.as_str()),
                    self.arguments(Some(&f.parameters))?,
                    self.stmts(&f.body)?,
                    self.decorators(&f.decorator_list)?,
                    self.opt_expr(f.returns.as_deref())?,
                    none::none(),
                ];
                self.make(if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" }, fields, Some((start, self.block_end(f.range.end()))))
            }
            Stmt::ClassDef(c) => {
                let start = self.keyword_start(c.name.range.start(), "class", false);
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (list::new(), list::new()),
                };
                let fields = vec![s(c.name.as_str()), bases, keywords, self.stmts(&c.body)?, self.decorators(&c.decorator_list)?];
                self.make("ClassDef", fields, Some((start, self.block_end(c.range.end()))))
            }
            Stmt::Return(r) => self.make("Return", vec![self.opt_expr(r.value.as_deref())?], at),
            Stmt::Delete(d) => self.make("Delete", vec![self.exprs(&d.targets)?], at),
            Stmt::Assign(a) => self.make("Assign", vec![self.exprs(&a.targets)?, self.expr(&a.value)?, none::none()], at),
            Stmt::AugAssign(a) => self.make("AugAssign", vec![self.expr(&a.target)?, singleton(operator_name(a.op))?, self.expr(&a.value)?], at),
            Stmt::AnnAssign(a) => self.make(
                "AnnAssign",
                vec![self.expr(&a.target)?, self.expr(&a.annotation)?, self.opt_expr(a.value.as_deref())?, i(a.simple as i64)],
                at,
            ),
            Stmt::For(f) => self.make_block(
                if f.is_async { "AsyncFor" } else { "For" },
                vec![self.expr(&f.target)?, self.expr(&f.iter)?, self.stmts(&f.body)?, self.stmts(&f.orelse)?, none::none()],
                at,
            ),
            Stmt::While(w) => self.make_block("While", vec![self.expr(&w.test)?, self.stmts(&w.body)?, self.stmts(&w.orelse)?], at),
            Stmt::If(f) => self.if_chain(&f.test, &f.body, &f.elif_else_clauses, f.range.start(), self.block_end(f.range.end())),
            Stmt::With(w) => {
                if self.older_than(9) && self.parenthesized_with(w) {
                    bail!(SyntaxError, "Parenthesized context managers are only supported in Python 3.9 and greater");
                }
                let mut items = vec![];
                for it in &w.items {
                    items.push(self.make("withitem", vec![self.expr(&it.context_expr)?, self.opt_expr(it.optional_vars.as_deref())?], None)?);
                }
                self.make_block(if w.is_async { "AsyncWith" } else { "With" }, vec![list::from_vec(items), self.stmts(&w.body)?, none::none()], at)
            }
            Stmt::Match(m) => {
                let mut cases = vec![];
                for c in &m.cases {
                    cases.push(self.make("match_case", vec![self.pattern(&c.pattern)?, self.opt_expr(c.guard.as_deref())?, self.stmts(&c.body)?], None)?);
                }
                self.make_block("Match", vec![self.expr(&m.subject)?, list::from_vec(cases)], at)
            }
            Stmt::Raise(r) => self.make("Raise", vec![self.opt_expr(r.exc.as_deref())?, self.opt_expr(r.cause.as_deref())?], at),
            Stmt::Try(t) => {
                let mut handlers = vec![];
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    handlers.push(self.make(
                        "ExceptHandler",
                        vec![self.opt_expr(h.type_.as_deref())?, opt_str(h.name.as_ref().map(|n| n.as_str())), self.stmts(&h.body)?],
                        self.block_span(h.range),
                    )?);
                }
                self.make_block(
                    if t.is_star { "TryStar" } else { "Try" },
                    vec![self.stmts(&t.body)?, list::from_vec(handlers), self.stmts(&t.orelse)?, self.stmts(&t.finalbody)?],
                    at,
                )
            }
            Stmt::Assert(a) => self.make("Assert", vec![self.expr(&a.test)?, self.opt_expr(a.msg.as_deref())?], at),
            Stmt::Import(im) => self.make("Import", vec![self.aliases(&im.names)?], at),
            Stmt::ImportFrom(f) => self.make(
                "ImportFrom",
                vec![opt_str(f.module.as_ref().map(|m| m.as_str())), self.aliases(&f.names)?, i(f.level as i64)],
                at,
            ),
            Stmt::Global(g) => self.make("Global", vec![list::from_vec(g.names.iter().map(|n| s(n.as_str())).collect())], at),
            Stmt::Nonlocal(g) => self.make("Nonlocal", vec![list::from_vec(g.names.iter().map(|n| s(n.as_str())).collect())], at),
            Stmt::Expr(e) => self.make("Expr", vec![self.expr(&e.value)?], at),
            Stmt::Pass(_) => self.make("Pass", vec![], at),
            Stmt::Break(_) => self.make("Break", vec![], at),
            Stmt::Continue(_) => self.make("Continue", vec![], at),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => bail!(SyntaxError, "invalid syntax"),
        }
    }

    /// `if`/`elif`/`else`: each `elif` is an `If` in the previous one's
    /// `orelse`, running from its keyword to the end of the whole chain.
    fn if_chain(&self, test: &Expr, body: &[Stmt], rest: &[ast::ElifElseClause], start: TextSize, end: TextSize) -> PyResult<Obj> {
        let orelse = match rest.first() {
            None => list::new(),
            Some(c) => match &c.test {
                None => self.stmts(&c.body)?,
                Some(t) => list::from_vec(vec![self.if_chain(t, &c.body, &rest[1..], c.range.start(), end)?]),
            },
        };
        self.make("If", vec![self.expr(test)?, self.stmts(body)?, orelse], Some((start, end)))
    }

    fn aliases(&self, v: &[ast::Alias]) -> PyResult<Obj> {
        let mut out = vec![];
        for a in v {
            out.push(self.make("alias", vec![s(a.name.as_str()), opt_str(a.asname.as_ref().map(|n| n.as_str()))], span(a.range))?);
        }
        Ok(list::from_vec(out))
    }

    fn keywords(&self, v: &[ast::Keyword]) -> PyResult<Obj> {
        let mut out = vec![];
        for k in v {
            out.push(self.make("keyword", vec![opt_str(k.arg.as_ref().map(|n| n.as_str())), self.expr(&k.value)?], span(k.range))?);
        }
        Ok(list::from_vec(out))
    }

    /// A parameter, from its name (a `*args`/`**kw` one's stars are not part of it).
    fn arg(&self, p: &ast::Parameter) -> PyResult<Obj> {
        let at = Some((p.name.range.start(), p.range.end()));
        self.make("arg", vec![s(p.name.as_str()), self.opt_expr(p.annotation.as_deref())?, none::none()], at)
    }

    fn arguments(&self, p: Option<&ast::Parameters>) -> PyResult<Obj> {
        let Some(p) = p else {
            return self.make("arguments", vec![list::new(), list::new(), none::none(), list::new(), list::new(), none::none(), list::new()], None);
        };
        let mut posonly = vec![];
        let mut args = vec![];
        let mut defaults = vec![];
        for a in p.posonlyargs.iter() {
            posonly.push(self.arg(&a.parameter)?);
            if let Some(d) = &a.default {
                defaults.push(self.expr(d)?);
            }
        }
        for a in p.args.iter() {
            args.push(self.arg(&a.parameter)?);
            if let Some(d) = &a.default {
                defaults.push(self.expr(d)?);
            }
        }
        let mut kwonly = vec![];
        let mut kw_defaults = vec![];
        for a in p.kwonlyargs.iter() {
            kwonly.push(self.arg(&a.parameter)?);
            kw_defaults.push(self.opt_expr(a.default.as_deref())?);
        }
        let vararg = match &p.vararg {
            Some(v) => self.arg(v)?,
            None => none::none(),
        };
        let kwarg = match &p.kwarg {
            Some(v) => self.arg(v)?,
            None => none::none(),
        };
        self.make(
            "arguments",
            vec![list::from_vec(posonly), list::from_vec(args), vararg, list::from_vec(kwonly), list::from_vec(kw_defaults), kwarg, list::from_vec(defaults)],
            None,
        )
    }

    fn comprehensions(&self, v: &[ast::Comprehension]) -> PyResult<Obj> {
        let mut out = vec![];
        for c in v {
            out.push(self.make("comprehension", vec![self.expr(&c.target)?, self.expr(&c.iter)?, self.exprs(&c.ifs)?, i(c.is_async as i64)], None)?);
        }
        Ok(list::from_vec(out))
    }

    // -----------------------------------------------------------------------
    // Expressions.

    fn constant(&self, e: &Expr, kind: Obj) -> PyResult<Obj> {
        let Some(c) = krait_compiler::literal_value(e, self.src) else { bail!(SystemError, "not a literal") };
        self.make("Constant", vec![constant_to_object(&c), kind], span(e.range()))
    }

    /// Runs `f` one level deeper, failing as CPython past its limit.
    fn nested<T>(&self, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
        let d = self.depth.get() + 1;
        if d > self.limit {
            bail!(RecursionError, "maximum recursion depth exceeded during ast construction");
        }
        self.depth.set(d);
        let r = f();
        self.depth.set(d - 1);
        r
    }

    fn expr(&self, e: &Expr) -> PyResult<Obj> {
        self.nested(|| self.expr_inner(e))
    }

    fn expr_inner(&self, e: &Expr) -> PyResult<Obj> {
        let at = span(e.range());
        match e {
            Expr::BoolOp(b) => {
                let op = singleton(if b.op == ast::BoolOp::And { "And" } else { "Or" })?;
                self.make("BoolOp", vec![op, self.exprs(&b.values)?], at)
            }
            Expr::Named(n) => self.make("NamedExpr", vec![self.expr(&n.target)?, self.expr(&n.value)?], at),
            Expr::BinOp(b) => self.make("BinOp", vec![self.expr(&b.left)?, singleton(operator_name(b.op))?, self.expr(&b.right)?], at),
            Expr::UnaryOp(u) => self.make("UnaryOp", vec![singleton(unaryop_name(u.op))?, self.expr(&u.operand)?], at),
            Expr::Lambda(l) => self.make("Lambda", vec![self.arguments(l.parameters.as_deref())?, self.expr(&l.body)?], at),
            Expr::If(f) => self.make("IfExp", vec![self.expr(&f.test)?, self.expr(&f.body)?, self.expr(&f.orelse)?], at),
            Expr::Dict(d) => {
                let mut keys = vec![];
                let mut values = vec![];
                for it in &d.items {
                    keys.push(self.opt_expr(it.key.as_ref())?);
                    values.push(self.expr(&it.value)?);
                }
                self.make("Dict", vec![list::from_vec(keys), list::from_vec(values)], at)
            }
            Expr::Set(x) => self.make("Set", vec![self.exprs(&x.elts)?], at),
            Expr::ListComp(c) => self.make("ListComp", vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?], at),
            Expr::SetComp(c) => self.make("SetComp", vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?], at),
            Expr::DictComp(c) => {
                let Some(key) = &c.key else { bail!(SyntaxError, "dict unpacking cannot be used in dict comprehension") };
                self.make("DictComp", vec![self.expr(key)?, self.expr(&c.value)?, self.comprehensions(&c.generators)?], at)
            }
            Expr::Generator(g) => self.make("GeneratorExp", vec![self.expr(&g.elt)?, self.comprehensions(&g.generators)?], at),
            Expr::Await(a) => self.make("Await", vec![self.expr(&a.value)?], at),
            Expr::Yield(y) => self.make("Yield", vec![self.opt_expr(y.value.as_deref())?], at),
            Expr::YieldFrom(y) => self.make("YieldFrom", vec![self.expr(&y.value)?], at),
            Expr::Compare(c) => {
                let mut ops_ = vec![];
                for op in c.ops.iter() {
                    ops_.push(singleton(cmpop_name(*op))?);
                }
                self.make("Compare", vec![self.expr(&c.left)?, list::from_vec(ops_), self.exprs(&c.comparators)?], at)
            }
            Expr::Call(c) => {
                let func = self.expr(&c.func)?;
                // A generator expression that is the only argument takes the
                // call's parentheses as its own.
                let args = match &c.arguments.args[..] {
                    [Expr::Generator(g)] if !g.parenthesized => {
                        let r = c.arguments.range;
                        list::from_vec(vec![self.make("GeneratorExp", vec![self.expr(&g.elt)?, self.comprehensions(&g.generators)?], span(r))?])
                    }
                    a => self.exprs(a)?,
                };
                self.make("Call", vec![func, args, self.keywords(&c.arguments.keywords)?], at)
            }
            Expr::FString(f) => self.joined_str(f),
            Expr::StringLiteral(sl) => {
                let first = sl.value.iter().next().map(|p| p.range.start()).unwrap_or(sl.range.start());
                let u = matches!(self.src.as_bytes().get(first.to_usize()), Some(b'u' | b'U'));
                self.constant(e, if u { s("u") } else { none::none() })
            }
            Expr::BytesLiteral(_) | Expr::NumberLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => {
                self.constant(e, none::none())
            }
            Expr::Attribute(a) => self.make("Attribute", vec![self.expr(&a.value)?, s(a.attr.as_str()), ctx(a.ctx)?], at),
            Expr::Subscript(x) => self.make("Subscript", vec![self.expr(&x.value)?, self.expr(&x.slice)?, ctx(x.ctx)?], at),
            Expr::Starred(x) => self.make("Starred", vec![self.expr(&x.value)?, ctx(x.ctx)?], at),
            Expr::Name(n) => self.make("Name", vec![s(n.id.as_str()), ctx(n.ctx)?], at),
            Expr::List(x) => self.make("List", vec![self.exprs(&x.elts)?, ctx(x.ctx)?], at),
            Expr::Tuple(x) => self.make("Tuple", vec![self.exprs(&x.elts)?, ctx(x.ctx)?], at),
            Expr::Slice(x) => self.make(
                "Slice",
                vec![self.opt_expr(x.lower.as_deref())?, self.opt_expr(x.upper.as_deref())?, self.opt_expr(x.step.as_deref())?],
                at,
            ),
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => bail!(SyntaxError, "invalid syntax"),
        }
    }

    /// An f-string (with any plain strings it is concatenated with): its
    /// literal text merged into `Constant`s between the `FormattedValue`s,
    /// every part at the whole literal's position, as CPython 3.11 does.
    fn joined_str(&self, f: &ast::ExprFString) -> PyResult<Obj> {
        let whole = span(f.range);
        let mut values = vec![];
        let mut text = Text::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => text.push(krait_compiler::string_part_value(l, self.src)),
                ast::FStringPart::FString(fs) => {
                    let raw = fs.flags.prefix().is_raw();
                    self.elements(&fs.elements, raw, &mut text, &mut values, whole, whole, span(fs.range))?
                }
            }
        }
        self.flush_text(&mut text, &mut values, whole)?;
        self.make("JoinedStr", vec![list::from_vec(values)], whole)
    }

    fn flush_text(&self, text: &mut Text, values: &mut Vec<Obj>, whole: Option<Span>) -> PyResult<()> {
        if !text.0.is_empty() {
            let v = std::mem::take(&mut text.0);
            let c = match v.iter().map(|c| char::from_u32(*c)).collect::<Option<String>>() {
                Some(st) => krait_bytecode::Constant::Str(st),
                None => krait_bytecode::Constant::StrCodePoints(v),
            };
            values.push(self.make("Constant", vec![constant_to_object(&c), none::none()], whole)?);
        }
        Ok(())
    }

    /// The parts of one f-string. Literal text is placed at `text_at`, a
    /// replacement field at `field_at` (both the whole literal at the top
    /// level); a format spec, and the text in it, at `token`, the f-string
    /// it is written in — as CPython 3.11 places them.
    fn elements(&self, els: &ast::InterpolatedStringElements, raw: bool, text: &mut Text, values: &mut Vec<Obj>, text_at: Option<Span>, field_at: Option<Span>, token: Option<Span>) -> PyResult<()> {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => text.push(krait_compiler::fstring_text_value(l, raw, self.src)),
                ast::InterpolatedStringElement::Interpolation(x) => {
                    if x.debug_text.is_some() && self.older_than(8) {
                        bail!(SyntaxError, "f-string: self documenting expressions are only supported in Python 3.8 and greater");
                    }
                    if let Some(d) = &x.debug_text {
                        text.push_str(d.leading());
                        text.push_str(&self.src[x.expression.range()]);
                        text.push_str(d.trailing());
                    }
                    self.flush_text(text, values, text_at)?;
                    let mut conversion = match x.conversion {
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => 115,
                        ast::ConversionFlag::Repr => 114,
                        ast::ConversionFlag::Ascii => 97,
                    };
                    if x.debug_text.is_some() && conversion == -1 && x.format_spec.is_none() {
                        conversion = 114;
                    }
                    let spec = match &x.format_spec {
                        Some(sp) => {
                            let mut t = Text::new();
                            let mut vs = vec![];
                            self.elements(&sp.elements, raw, &mut t, &mut vs, token, field_at, token)?;
                            self.flush_text(&mut t, &mut vs, token)?;
                            self.make("JoinedStr", vec![list::from_vec(vs)], token)?
                        }
                        None => none::none(),
                    };
                    let value = match &*x.expression {
                        // CPython 3.11 parses the replacement field's text in
                        // parentheses, which a bare tuple takes as its own:
                        // from the `{` to the character that ends the text.
                        Expr::Tuple(t) if !t.parenthesized => {
                            let b = self.src.as_bytes();
                            let mut k = t.range.end().to_usize();
                            while k < b.len() && b[k].is_ascii_whitespace() {
                                k += 1;
                            }
                            let at = Some((x.range.start(), TextSize::from(k as u32 + 1)));
                            self.make("Tuple", vec![self.exprs(&t.elts)?, ctx(t.ctx)?], at)?
                        }
                        e => self.expr(e)?,
                    };
                    values.push(self.make("FormattedValue", vec![value, i(conversion), spec], field_at)?);
                }
            }
        }
        Ok(())
    }

    // -----------------------------------------------------------------------
    // Patterns.

    fn patterns(&self, v: &[Pattern]) -> PyResult<Obj> {
        let mut out = vec![];
        for p in v {
            out.push(self.pattern(p)?);
        }
        Ok(list::from_vec(out))
    }

    fn ident(&self, n: Option<&ast::Identifier>) -> Obj {
        opt_str(n.map(|n| n.as_str()))
    }

    fn pattern(&self, p: &Pattern) -> PyResult<Obj> {
        self.nested(|| self.pattern_inner(p))
    }

    fn pattern_inner(&self, p: &Pattern) -> PyResult<Obj> {
        let at = span(p.range());
        match p {
            Pattern::MatchValue(v) => self.make("MatchValue", vec![self.expr(&v.value)?], at),
            Pattern::MatchSingleton(v) => {
                let c = match v.value {
                    ast::Singleton::None => none::none(),
                    ast::Singleton::True => krait_runtime::types::bool_::from_bool(true),
                    ast::Singleton::False => krait_runtime::types::bool_::from_bool(false),
                };
                self.make("MatchSingleton", vec![c], at)
            }
            Pattern::MatchSequence(v) => self.make("MatchSequence", vec![self.patterns(&v.patterns)?], at),
            Pattern::MatchMapping(m) => self.make("MatchMapping", vec![self.exprs(&m.keys)?, self.patterns(&m.patterns)?, self.ident(m.rest.as_ref())], at),
            Pattern::MatchClass(c) => {
                let attrs = list::from_vec(c.arguments.keywords.iter().map(|k| s(k.attr.as_str())).collect());
                let mut kps = vec![];
                for k in &c.arguments.keywords {
                    kps.push(self.pattern(&k.pattern)?);
                }
                self.make("MatchClass", vec![self.expr(&c.cls)?, self.patterns(&c.arguments.patterns)?, attrs, list::from_vec(kps)], at)
            }
            Pattern::MatchStar(v) => self.make("MatchStar", vec![self.ident(v.name.as_ref())], at),
            Pattern::MatchAs(v) => {
                let inner = match &v.pattern {
                    Some(p) => self.pattern(p)?,
                    None => none::none(),
                };
                self.make("MatchAs", vec![inner, self.ident(v.name.as_ref())], at)
            }
            Pattern::MatchOr(v) => self.make("MatchOr", vec![self.patterns(&v.patterns)?], at),
        }
    }
}
