//! `ast` node objects to the parser's tree, for compile() of an AST.
//!
//! Each node's fields are read as CPython's obj2ast does (attributes of
//! positioned nodes first, then the class, then the fields in order, with
//! its TypeErrors for missing fields, wrong classes and non-list
//! sequences) and checked as its validator does (contexts, empty bodies,
//! position ranges... with its ValueErrors). Positions do not come from
//! text: every node gets two fresh offsets, its start and its end, that
//! index a `PointTable` holding the node's own line and column numbers;
//! children are numbered between their parent's two, so ranges nest as
//! the compiler expects. Constants a literal node cannot hold are given to
//! the compiler through the same table.

use super::nodes::class;
use krait_bytecode::Constant;
use krait_compiler::ruff_python_ast::{self as ast, name::Name, Expr, Pattern, Stmt};
use krait_compiler::ruff_text_size::{Ranged, TextRange, TextSize};
use krait_compiler::{Point, PointTable};
use krait_runtime::object::Obj;
use krait_runtime::types::{bool_, bytes, complex, float, int, list, none, str as pystr, tuple, type_};
use krait_runtime::{bail, ops, PyResult};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

fn ctx_name(c: Ctx) -> &'static str {
    match c {
        Ctx::Load => "Load",
        Ctx::Store => "Store",
        Ctx::Del => "Del",
    }
}

fn to_ruff_ctx(c: Ctx) -> ast::ExprContext {
    match c {
        Ctx::Load => ast::ExprContext::Load,
        Ctx::Store => ast::ExprContext::Store,
        Ctx::Del => ast::ExprContext::Del,
    }
}

fn ni() -> ast::AtomicNodeIndex {
    ast::AtomicNodeIndex::default()
}

/// A node's positions as read: start and end points.
#[derive(Clone, Copy)]
struct Pos {
    start: Point,
    end: Point,
}

pub struct FromPy {
    pub table: PointTable,
    /// The positions of the innermost positioned node being read: nodes
    /// without positions (arguments, comprehensions) are placed there.
    cur: Pos,
}

fn is_a(o: &Obj, name: &str) -> PyResult<bool> {
    let c = class(name)?;
    Ok(type_::is_subtype(o.type_ptr(), type_::as_type(&c)))
}

fn type_name(o: &Obj) -> String {
    o.ty().name().to_string()
}

/// obj2ast_identifier: a str (or None for "absent").
fn identifier(v: &Obj) -> PyResult<Option<String>> {
    if none::is_none(v) {
        return Ok(None);
    }
    if !pystr::is_exact_str(v) {
        bail!(TypeError, "AST identifier must be of type str");
    }
    Ok(Some(pystr::to_string_lossy(v)))
}

/// obj2ast_int.
fn int_value(v: &Obj) -> PyResult<i64> {
    if !int::is_int(v) {
        let r = ops::repr_string(v)?;
        bail!(ValueError, "invalid integer value: {}", r);
    }
    match int::as_i64(v) {
        Some(n) if (i32::MIN as i64..=i32::MAX as i64).contains(&n) => Ok(n),
        _ => bail!(OverflowError, "Python int too large to convert to C int"),
    }
}

/// validate_name: identifiers that would name a constant.
fn check_name(n: &str) -> PyResult<()> {
    if matches!(n, "None" | "True" | "False") {
        bail!(ValueError, "identifier field can't represent '{}' constant", n);
    }
    Ok(())
}

fn check_capture(n: &str) -> PyResult<()> {
    if n == "_" {
        bail!(ValueError, "can't capture name '_' in patterns");
    }
    check_name(n)
}

fn nonempty<T>(v: &[T], what: &str, owner: &str) -> PyResult<()> {
    if v.is_empty() {
        bail!(ValueError, "empty {} on {}", what, owner);
    }
    Ok(())
}

impl FromPy {
    pub fn new() -> Self {
        let origin = Point { line: 1, col: 0 };
        FromPy { table: PointTable::default(), cur: Pos { start: origin, end: origin } }
    }

    // -----------------------------------------------------------------------
    // Reading fields.

    fn attr(&self, o: &Obj, name: &str) -> PyResult<Option<Obj>> {
        ops::attr::getattr_opt(o, &pystr::intern(name))
    }

    /// A field that must be present (it may still be None).
    fn field(&self, o: &Obj, name: &str, owner: &str) -> PyResult<Obj> {
        match self.attr(o, name)? {
            Some(v) => Ok(v),
            None => bail!(TypeError, "required field \"{}\" missing from {}", name, owner),
        }
    }

    /// An optional field: absent and None are both "not given".
    fn opt_field(&self, o: &Obj, name: &str) -> PyResult<Option<Obj>> {
        Ok(self.attr(o, name)?.filter(|v| !none::is_none(v)))
    }

    /// A sequence field: present and a list.
    fn list_field(&self, o: &Obj, name: &str, owner: &str) -> PyResult<Vec<Obj>> {
        let v = self.field(o, name, owner)?;
        if !list::is_list(&v) {
            bail!(TypeError, "{} field \"{}\" must be a list, not a {}", owner, name, type_name(&v));
        }
        Ok(list::items(&v).to_vec())
    }

    fn int_field(&self, o: &Obj, name: &str, owner: &str) -> PyResult<i64> {
        int_value(&self.field(o, name, owner)?)
    }

    /// A required identifier field.
    fn ident_field(&self, o: &Obj, name: &str, owner: &str) -> PyResult<String> {
        match identifier(&self.field(o, name, owner)?)? {
            Some(s) => Ok(s),
            None => bail!(ValueError, "field '{}' is required for {}", name, owner),
        }
    }

    fn opt_ident_field(&self, o: &Obj, name: &str) -> PyResult<Option<String>> {
        match self.attr(o, name)? {
            Some(v) => identifier(&v),
            None => Ok(None),
        }
    }

    /// A `string?` field (type_comment, kind): str when given.
    fn check_string_field(&self, o: &Obj, name: &str) -> PyResult<()> {
        if let Some(v) = self.opt_field(o, name)? {
            if !pystr::is_exact_str(&v) && !is_exact_bytes(&v) {
                bail!(TypeError, "AST string must be of type str");
            }
        }
        Ok(())
    }

    /// The positions of a node with `_attributes`, as obj2ast reads them;
    /// missing end positions default to the start.
    fn positions(&self, o: &Obj, kind: &str) -> PyResult<Pos> {
        let lineno = self.int_field(o, "lineno", kind)?;
        let col = self.int_field(o, "col_offset", kind)?;
        let end_lineno = match self.opt_field(o, "end_lineno")? {
            Some(v) => int_value(&v)?,
            None => lineno,
        };
        let end_col = match self.opt_field(o, "end_col_offset")? {
            Some(v) => int_value(&v)?,
            None => col,
        };
        let p = |l: i64, c: i64| Point { line: l.max(0) as u32, col: c.max(0) as u32 };
        Ok(Pos { start: p(lineno, col), end: p(end_lineno, end_col) }).and_then(|pos| {
            validate_positions(lineno, col, end_lineno, end_col)?;
            Ok(pos)
        })
    }

    fn begin(&mut self, p: &Pos) -> TextSize {
        self.cur = *p;
        self.table.add(p.start)
    }

    /// An offset whose point is filled in later, for nodes whose fields
    /// are read before their positions (arg, keyword, alias).
    fn placeholder(&mut self) -> TextSize {
        self.table.add(Point::default())
    }

    fn fill(&mut self, at: TextSize, p: Point) {
        self.table.points[at.to_usize()] = p;
    }

    fn finish(&mut self, start: TextSize, p: &Pos) -> TextRange {
        let end = self.table.add(p.end);
        TextRange::new(start, end)
    }

    /// A field holding one node of a sum type (`expr`, `stmt`...): None
    /// reads as absent, as obj2ast does.
    fn node_field(&self, o: &Obj, name: &str, owner: &str) -> PyResult<Option<Obj>> {
        let v = self.field(o, name, owner)?;
        Ok(if none::is_none(&v) { None } else { Some(v) })
    }

    /// A required `expr` field.
    fn req_expr(&mut self, o: &Obj, name: &str, owner: &str, ctx: Ctx) -> PyResult<Expr> {
        match self.node_field(o, name, owner)? {
            Some(v) => self.expr(&v, ctx),
            None => bail!(ValueError, "field '{}' is required for {}", name, owner),
        }
    }

    fn opt_expr(&mut self, o: &Obj, name: &str, ctx: Ctx) -> PyResult<Option<Box<Expr>>> {
        match self.opt_field(o, name)? {
            Some(v) => Ok(Some(Box::new(self.expr(&v, ctx)?))),
            None => Ok(None),
        }
    }

    fn exprs(&mut self, o: &Obj, name: &str, owner: &str, ctx: Ctx) -> PyResult<Vec<Expr>> {
        let items = self.list_field(o, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            if none::is_none(it) {
                bail!(ValueError, "None disallowed in expression list");
            }
            out.push(self.expr(it, ctx)?);
        }
        Ok(out)
    }

    fn stmts(&mut self, o: &Obj, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        let items = self.list_field(o, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            if none::is_none(it) {
                bail!(ValueError, "None disallowed in statement list");
            }
            out.push(self.stmt(it)?);
        }
        Ok(out)
    }

    /// A body that must not be empty.
    fn body(&mut self, o: &Obj, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        let b = self.stmts(o, name, owner)?;
        nonempty(&b, name, owner)?;
        Ok(b)
    }

    /// Which concrete class of the sum type `kind` an object is.
    fn which(&self, o: &Obj, kind: &str) -> PyResult<&'static str> {
        if let Some(n) = super::nodes::find(o.ty().name()) {
            if n.base == kind && class(n.name)?.as_ptr() == o.type_ptr() as *mut _ {
                return Ok(n.name);
            }
        }
        for n in super::table::NODES {
            if n.base == kind && is_a(o, n.name)? {
                return Ok(n.name);
            }
        }
        let r = ops::repr_string(o)?;
        bail!(TypeError, "expected some sort of {}, but got {}", kind, r)
    }

    /// A field holding a fieldless node (operator, expr_context...).
    /// (None is not "absent" here: it is just not one of the classes.)
    fn simple(&self, o: &Obj, name: &str, owner: &str, kind: &str) -> PyResult<&'static str> {
        let v = self.field(o, name, owner)?;
        self.which(&v, kind)
    }

    // -----------------------------------------------------------------------
    // Modules.

    /// The module node compile() was given, for `mode`.
    pub fn module(&mut self, o: &Obj, mode: krait_bytecode::Mode) -> PyResult<ast::Mod> {
        use krait_bytecode::Mode;
        let want = match mode {
            Mode::Exec => "Module",
            Mode::Eval => "Expression",
            Mode::Single => "Interactive",
        };
        if !is_a(o, want)? {
            bail!(TypeError, "expected {} node, got {}", want, type_name(o));
        }
        let start = self.table.add(Point { line: 1, col: 0 });
        match mode {
            Mode::Eval => {
                let body = self.req_expr(o, "body", "Expression", Ctx::Load)?;
                let end = self.table.add(Point { line: 1, col: 0 });
                Ok(ast::Mod::Expression(ast::ModExpression { node_index: ni(), range: TextRange::new(start, end), body: Box::new(body) }))
            }
            _ => {
                let body = self.stmts(o, "body", want)?;
                if mode == Mode::Exec {
                    self.list_field(o, "type_ignores", want)?;
                }
                let end = self.table.add(Point { line: 1, col: 0 });
                Ok(ast::Mod::Module(ast::ModModule { node_index: ni(), range: TextRange::new(start, end), body: body.into() }))
            }
        }
    }

    // -----------------------------------------------------------------------
    // Statements.

    fn ident(&self, s: &str, r: TextRange) -> ast::Identifier {
        ast::Identifier::new(Name::new(s), r)
    }

    fn stmt(&mut self, o: &Obj) -> PyResult<Stmt> {
        ops::enter_recursive_call(" during compilation")?;
        let r = self.stmt_inner(o);
        ops::leave_recursive_call();
        r
    }

    fn stmt_inner(&mut self, o: &Obj) -> PyResult<Stmt> {
        let pos = self.positions(o, "stmt")?;
        let kind = self.which(o, "stmt")?;
        let s = self.begin(&pos);
        let k = kind;
        let st = match kind {
            "FunctionDef" | "AsyncFunctionDef" => {
                let name = self.ident_field(o, "name", k)?;
                let args = match self.node_field(o, "args", k)? {
                    Some(a) => self.arguments(&a)?,
                    None => bail!(ValueError, "field 'args' is required for {}", k),
                };
                let body = self.body(o, "body", k)?;
                let decorators = self.exprs(o, "decorator_list", k, Ctx::Load)?;
                let returns = self.opt_expr(o, "returns", Ctx::Load)?;
                self.check_string_field(o, "type_comment")?;
                let r = self.finish(s, &pos);
                Stmt::FunctionDef(ast::StmtFunctionDef {
                    node_index: ni(),
                    range: r,
                    is_async: kind == "AsyncFunctionDef",
                    decorator_list: decorators.into_iter().map(|e| ast::Decorator { range: e.range(), node_index: ni(), expression: e }).collect(),
                    name: self.ident(&name, r),
                    type_params: None,
                    parameters: Box::new(args),
                    returns,
                    body: body.into(),
                })
            }
            "ClassDef" => {
                let name = self.ident_field(o, "name", k)?;
                let bases = self.exprs(o, "bases", k, Ctx::Load)?;
                let keywords = self.keywords(o, "keywords", k)?;
                let body = self.body(o, "body", k)?;
                let decorators = self.exprs(o, "decorator_list", k, Ctx::Load)?;
                let r = self.finish(s, &pos);
                let arguments = Some(Box::new(ast::Arguments { range: r, node_index: ni(), args: bases.into(), keywords: keywords.into() }));
                Stmt::ClassDef(ast::StmtClassDef {
                    node_index: ni(),
                    range: r,
                    decorator_list: decorators.into_iter().map(|e| ast::Decorator { range: e.range(), node_index: ni(), expression: e }).collect(),
                    name: self.ident(&name, r),
                    type_params: None,
                    arguments,
                    body: body.into(),
                })
            }
            "Return" => {
                let value = self.opt_expr(o, "value", Ctx::Load)?;
                Stmt::Return(ast::StmtReturn { node_index: ni(), range: self.finish(s, &pos), value })
            }
            "Delete" => {
                let targets = self.exprs(o, "targets", k, Ctx::Del)?;
                nonempty(&targets, "targets", "Delete")?;
                Stmt::Delete(ast::StmtDelete { node_index: ni(), range: self.finish(s, &pos), targets })
            }
            "Assign" => {
                let targets = self.exprs(o, "targets", k, Ctx::Store)?;
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                self.check_string_field(o, "type_comment")?;
                nonempty(&targets, "targets", "Assign")?;
                Stmt::Assign(ast::StmtAssign { node_index: ni(), range: self.finish(s, &pos), targets, value: Box::new(value) })
            }
            "AugAssign" => {
                let target = self.req_expr(o, "target", k, Ctx::Store)?;
                let op = operator(self.simple(o, "op", k, "operator")?);
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                Stmt::AugAssign(ast::StmtAugAssign { node_index: ni(), range: self.finish(s, &pos), target: Box::new(target), op, value: Box::new(value) })
            }
            "AnnAssign" => {
                let target_obj = self.node_field(o, "target", k)?;
                let target = match &target_obj {
                    Some(t) => self.expr(t, Ctx::Store)?,
                    None => bail!(ValueError, "field 'target' is required for AnnAssign"),
                };
                let annotation = self.req_expr(o, "annotation", k, Ctx::Load)?;
                let value = self.opt_expr(o, "value", Ctx::Load)?;
                let simple = self.int_field(o, "simple", k)?;
                if simple != 0 && !matches!(target, Expr::Name(_)) {
                    bail!(TypeError, "AnnAssign with simple non-Name target");
                }
                Stmt::AnnAssign(ast::StmtAnnAssign {
                    node_index: ni(),
                    range: self.finish(s, &pos),
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value,
                    simple: simple != 0,
                })
            }
            "For" | "AsyncFor" => {
                let target = self.req_expr(o, "target", k, Ctx::Store)?;
                let iter = self.req_expr(o, "iter", k, Ctx::Load)?;
                let body = self.body(o, "body", k)?;
                let orelse = self.stmts(o, "orelse", k)?;
                self.check_string_field(o, "type_comment")?;
                Stmt::For(ast::StmtFor {
                    node_index: ni(),
                    range: self.finish(s, &pos),
                    is_async: kind == "AsyncFor",
                    target: Box::new(target),
                    iter: Box::new(iter),
                    body: body.into(),
                    orelse: orelse.into(),
                })
            }
            "While" => {
                let test = self.req_expr(o, "test", k, Ctx::Load)?;
                let body = self.body(o, "body", k)?;
                let orelse = self.stmts(o, "orelse", k)?;
                Stmt::While(ast::StmtWhile { node_index: ni(), range: self.finish(s, &pos), test: Box::new(test), body: body.into(), orelse: orelse.into() })
            }
            "If" => {
                let test = self.req_expr(o, "test", k, Ctx::Load)?;
                let body = self.body(o, "body", k)?;
                let orelse = self.stmts(o, "orelse", k)?;
                let r = self.finish(s, &pos);
                // An `orelse` goes to the compiler as an `else` clause.
                let clauses = if orelse.is_empty() {
                    vec![]
                } else {
                    let cr = TextRange::new(orelse_start(&orelse, r), r.end());
                    vec![ast::ElifElseClause { range: cr, node_index: ni(), test: None, body: orelse.into() }]
                };
                Stmt::If(ast::StmtIf { node_index: ni(), range: r, test: Box::new(test), body: body.into(), elif_else_clauses: clauses })
            }
            "With" | "AsyncWith" => {
                let items_objs = self.list_field(o, "items", k)?;
                let mut items = vec![];
                for it in &items_objs {
                    let ce = self.req_expr(it, "context_expr", "withitem", Ctx::Load)?;
                    let ov = self.opt_expr(it, "optional_vars", Ctx::Store)?;
                    items.push((ce, ov));
                }
                let body = self.stmts(o, "body", k)?;
                self.check_string_field(o, "type_comment")?;
                nonempty(&items, "items", k)?;
                nonempty(&body, "body", k)?;
                let r = self.finish(s, &pos);
                let items = items.into_iter().map(|(ce, ov)| ast::WithItem { range: r, node_index: ni(), context_expr: ce, optional_vars: ov }).collect();
                Stmt::With(ast::StmtWith { node_index: ni(), range: r, is_async: kind == "AsyncWith", items, body: body.into() })
            }
            "Match" => {
                let subject = self.req_expr(o, "subject", k, Ctx::Load)?;
                let case_objs = self.list_field(o, "cases", k)?;
                nonempty(&case_objs, "cases", "Match")?;
                let mut cases = vec![];
                for c in &case_objs {
                    let cs = self.table.add(pos.start);
                    let pattern = match self.node_field(c, "pattern", "match_case")? {
                        Some(p) => self.pattern(&p, false)?,
                        None => bail!(ValueError, "field 'pattern' is required for match_case"),
                    };
                    let guard = self.opt_expr(c, "guard", Ctx::Load)?;
                    let body = self.body(c, "body", "match_case")?;
                    let ce = self.table.add(pos.end);
                    cases.push(ast::MatchCase { range: TextRange::new(cs, ce), node_index: ni(), pattern, guard, body: body.into() });
                }
                Stmt::Match(ast::StmtMatch { node_index: ni(), range: self.finish(s, &pos), subject: Box::new(subject), cases })
            }
            "Raise" => {
                let exc = self.opt_expr(o, "exc", Ctx::Load)?;
                let cause = self.opt_expr(o, "cause", Ctx::Load)?;
                if exc.is_none() && cause.is_some() {
                    bail!(ValueError, "Raise with cause but no exception");
                }
                Stmt::Raise(ast::StmtRaise { node_index: ni(), range: self.finish(s, &pos), exc, cause })
            }
            "Try" | "TryStar" => {
                let body = self.body(o, "body", k)?;
                let handler_objs = self.list_field(o, "handlers", k)?;
                let mut handlers = vec![];
                for h in &handler_objs {
                    handlers.push(self.handler(h)?);
                }
                let orelse = self.stmts(o, "orelse", k)?;
                let finalbody = self.stmts(o, "finalbody", k)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    bail!(ValueError, "{} has neither except handlers nor finalbody", k);
                }
                if handlers.is_empty() && !orelse.is_empty() {
                    bail!(ValueError, "{} has orelse but no except handlers", k);
                }
                Stmt::Try(ast::StmtTry {
                    node_index: ni(),
                    range: self.finish(s, &pos),
                    body: body.into(),
                    handlers,
                    orelse: orelse.into(),
                    finalbody: finalbody.into(),
                    is_star: kind == "TryStar",
                })
            }
            "Assert" => {
                let test = self.req_expr(o, "test", k, Ctx::Load)?;
                let msg = self.opt_expr(o, "msg", Ctx::Load)?;
                Stmt::Assert(ast::StmtAssert { node_index: ni(), range: self.finish(s, &pos), test: Box::new(test), msg })
            }
            "Import" => {
                let names = self.aliases(o, k)?;
                nonempty(&names, "names", "Import")?;
                Stmt::Import(ast::StmtImport { node_index: ni(), range: self.finish(s, &pos), names, is_lazy: false })
            }
            "ImportFrom" => {
                let module = self.opt_ident_field(o, "module")?;
                let names = self.aliases(o, k)?;
                let level = match self.opt_field(o, "level")? {
                    Some(v) => int_value(&v)?,
                    None => 0,
                };
                if level < 0 {
                    bail!(ValueError, "Negative ImportFrom level");
                }
                nonempty(&names, "names", "ImportFrom")?;
                let r = self.finish(s, &pos);
                Stmt::ImportFrom(ast::StmtImportFrom {
                    node_index: ni(),
                    range: r,
                    module: module.map(|m| self.ident(&m, r)),
                    names,
                    level: level as u32,
                    is_lazy: false,
                })
            }
            "Global" | "Nonlocal" => {
                let objs = self.list_field(o, "names", k)?;
                let mut names = vec![];
                for n in &objs {
                    match identifier(n)? {
                        Some(n) => names.push(n),
                        None => bail!(ValueError, "None disallowed in identifier list"),
                    }
                }
                nonempty(&names, "names", k)?;
                let r = self.finish(s, &pos);
                let names: Vec<ast::Identifier> = names.iter().map(|n| self.ident(n, r)).collect();
                if kind == "Global" {
                    Stmt::Global(ast::StmtGlobal { node_index: ni(), range: r, names })
                } else {
                    Stmt::Nonlocal(ast::StmtNonlocal { node_index: ni(), range: r, names })
                }
            }
            "Expr" => {
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                Stmt::Expr(ast::StmtExpr { node_index: ni(), range: self.finish(s, &pos), value: Box::new(value) })
            }
            "Pass" => Stmt::Pass(ast::StmtPass { node_index: ni(), range: self.finish(s, &pos) }),
            "Break" => Stmt::Break(ast::StmtBreak { node_index: ni(), range: self.finish(s, &pos) }),
            "Continue" => Stmt::Continue(ast::StmtContinue { node_index: ni(), range: self.finish(s, &pos) }),
            other => bail!(SystemError, "unexpected statement {}", other),
        };
        Ok(st)
    }

    fn handler(&mut self, h: &Obj) -> PyResult<ast::ExceptHandler> {
        if none::is_none(h) {
            bail!(ValueError, "field 'handlers' is required for Try");
        }
        let pos = self.positions(h, "excepthandler")?;
        self.which(h, "excepthandler")?;
        let s = self.begin(&pos);
        let type_ = self.opt_expr(h, "type", Ctx::Load)?;
        let name = self.opt_ident_field(h, "name")?;
        let body = self.body(h, "body", "ExceptHandler")?;
        let r = self.finish(s, &pos);
        Ok(ast::ExceptHandler::ExceptHandler(ast::ExceptHandlerExceptHandler {
            range: r,
            node_index: ni(),
            type_,
            name: name.map(|n| self.ident(&n, r)),
            body: body.into(),
        }))
    }

    fn aliases(&mut self, o: &Obj, owner: &str) -> PyResult<Vec<ast::Alias>> {
        let objs = self.list_field(o, "names", owner)?;
        let mut out = vec![];
        for a in &objs {
            let name = self.ident_field(a, "name", "alias")?;
            let asname = self.opt_ident_field(a, "asname")?;
            let pos = self.positions(a, "alias")?;
            let s = self.table.add(pos.start);
            let r = TextRange::new(s, self.table.add(pos.end));
            out.push(ast::Alias { range: r, node_index: ni(), name: self.ident(&name, r), asname: asname.map(|n| self.ident(&n, r)) });
        }
        Ok(out)
    }

    fn keywords(&mut self, o: &Obj, name: &str, owner: &str) -> PyResult<Vec<ast::Keyword>> {
        let objs = self.list_field(o, name, owner)?;
        let mut out = vec![];
        for k in &objs {
            let arg = self.opt_ident_field(k, "arg")?;
            let value_obj = self.field(k, "value", "keyword")?;
            let s = self.placeholder();
            let value = match none::is_none(&value_obj) {
                true => None,
                false => Some(self.expr(&value_obj, Ctx::Load)?),
            };
            let pos = self.positions(k, "keyword")?;
            let Some(value) = value else { bail!(ValueError, "field 'value' is required for keyword") };
            self.fill(s, pos.start);
            let r = TextRange::new(s, self.table.add(pos.end));
            out.push(ast::Keyword { range: r, node_index: ni(), arg: arg.map(|a| self.ident(&a, r)), value });
        }
        Ok(out)
    }

    fn arg(&mut self, a: &Obj) -> PyResult<ast::Parameter> {
        let name = self.ident_field(a, "arg", "arg")?;
        let ann_obj = self.opt_field(a, "annotation")?;
        let s = self.placeholder();
        let annotation = match ann_obj {
            Some(v) => Some(Box::new(self.expr(&v, Ctx::Load)?)),
            None => None,
        };
        self.check_string_field(a, "type_comment")?;
        let pos = self.positions(a, "arg")?;
        self.fill(s, pos.start);
        let r = TextRange::new(s, self.table.add(pos.end));
        Ok(ast::Parameter { range: r, node_index: ni(), name: self.ident(&name, r), annotation })
    }

    fn args(&mut self, o: &Obj, name: &str) -> PyResult<Vec<ast::Parameter>> {
        let objs = self.list_field(o, name, "arguments")?;
        let mut out = vec![];
        for a in &objs {
            out.push(self.arg(a)?);
        }
        Ok(out)
    }

    fn arguments(&mut self, o: &Obj) -> PyResult<ast::Parameters> {
        let here = self.cur;
        let s = self.table.add(here.start);
        let posonly = self.args(o, "posonlyargs")?;
        let args = self.args(o, "args")?;
        let vararg = match self.opt_field(o, "vararg")? {
            Some(v) => Some(Box::new(self.arg(&v)?)),
            None => None,
        };
        let kwonly = self.args(o, "kwonlyargs")?;
        let kw_default_objs = self.list_field(o, "kw_defaults", "arguments")?;
        let mut kw_defaults = vec![];
        for d in &kw_default_objs {
            kw_defaults.push(if none::is_none(d) { None } else { Some(self.expr(d, Ctx::Load)?) });
        }
        let kwarg = match self.opt_field(o, "kwarg")? {
            Some(v) => Some(Box::new(self.arg(&v)?)),
            None => None,
        };
        let defaults = self.exprs(o, "defaults", "arguments", Ctx::Load)?;
        if defaults.len() > posonly.len() + args.len() {
            bail!(ValueError, "more positional defaults than args on arguments");
        }
        if kw_defaults.len() != kwonly.len() {
            bail!(ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
        }
        let e = self.table.add(here.end);
        let r = TextRange::new(s, e);
        // Defaults belong to the last positional parameters.
        let first_default = posonly.len() + args.len() - defaults.len();
        let mut defaults = defaults.into_iter();
        let mut with_defaults = |v: Vec<ast::Parameter>, offset: usize| -> Vec<ast::ParameterWithDefault> {
            v.into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let default = if i + offset >= first_default { defaults.next().map(Box::new) } else { None };
                    ast::ParameterWithDefault { range: p.range, node_index: ni(), parameter: p, default }
                })
                .collect()
        };
        let n_posonly = posonly.len();
        let posonlyargs = with_defaults(posonly, 0);
        let args = with_defaults(args, n_posonly);
        let kwonlyargs = kwonly
            .into_iter()
            .zip(kw_defaults)
            .map(|(p, d)| ast::ParameterWithDefault { range: p.range, node_index: ni(), parameter: p, default: d.map(Box::new) })
            .collect();
        Ok(ast::Parameters { range: r, node_index: ni(), posonlyargs: posonlyargs.into(), args: args.into(), vararg, kwonlyargs, kwarg })
    }

    fn comprehensions(&mut self, o: &Obj, owner: &str) -> PyResult<Vec<ast::Comprehension>> {
        let objs = self.list_field(o, "generators", owner)?;
        if objs.is_empty() {
            bail!(ValueError, "comprehension with no generators");
        }
        let here = self.cur;
        let mut out = vec![];
        for c in &objs {
            let s = self.table.add(here.start);
            let target = self.req_expr(c, "target", "comprehension", Ctx::Store)?;
            let iter = self.req_expr(c, "iter", "comprehension", Ctx::Load)?;
            let ifs = self.exprs(c, "ifs", "comprehension", Ctx::Load)?;
            let is_async = self.int_field(c, "is_async", "comprehension")?;
            let e = self.table.add(here.end);
            out.push(ast::Comprehension { range: TextRange::new(s, e), node_index: ni(), target, iter, ifs, is_async: is_async != 0 });
        }
        Ok(out)
    }

    // -----------------------------------------------------------------------
    // Expressions.

    fn expr(&mut self, o: &Obj, ctx: Ctx) -> PyResult<Expr> {
        ops::enter_recursive_call(" during compilation")?;
        let r = self.expr_inner(o, ctx);
        ops::leave_recursive_call();
        r
    }

    /// The context of a node that has one, checked against the one its place needs.
    fn ctx_of(&self, o: &Obj, owner: &str, want: Ctx) -> PyResult<Ctx> {
        let c = match self.simple(o, "ctx", owner, "expr_context")? {
            "Store" => Ctx::Store,
            "Del" => Ctx::Del,
            _ => Ctx::Load,
        };
        if c != want {
            bail!(ValueError, "expression must have {} context but has {} instead", ctx_name(want), ctx_name(c));
        }
        Ok(c)
    }

    fn expr_inner(&mut self, o: &Obj, ctx: Ctx) -> PyResult<Expr> {
        let pos = self.positions(o, "expr")?;
        let kind = self.which(o, "expr")?;
        let k = kind;
        if ctx != Ctx::Load && !matches!(kind, "Attribute" | "Subscript" | "Starred" | "Name" | "List" | "Tuple") {
            bail!(ValueError, "expression which can't be assigned to in {} context", ctx_name(ctx));
        }
        let s = self.begin(&pos);
        let e = match kind {
            "BoolOp" => {
                let op = if self.simple(o, "op", k, "boolop")? == "And" { ast::BoolOp::And } else { ast::BoolOp::Or };
                let values = self.exprs(o, "values", k, Ctx::Load)?;
                if values.len() < 2 {
                    bail!(ValueError, "BoolOp with less than 2 values");
                }
                Expr::BoolOp(ast::ExprBoolOp { node_index: ni(), range: self.finish(s, &pos), op, values })
            }
            "NamedExpr" => {
                let target = self.req_expr(o, "target", k, Ctx::Store)?;
                if !matches!(target, Expr::Name(_)) {
                    bail!(TypeError, "NamedExpr target must be a Name");
                }
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                Expr::Named(ast::ExprNamed { node_index: ni(), range: self.finish(s, &pos), target: Box::new(target), value: Box::new(value) })
            }
            "BinOp" => {
                let left = self.req_expr(o, "left", k, Ctx::Load)?;
                let op = operator(self.simple(o, "op", k, "operator")?);
                let right = self.req_expr(o, "right", k, Ctx::Load)?;
                Expr::BinOp(ast::ExprBinOp { node_index: ni(), range: self.finish(s, &pos), left: Box::new(left), op, right: Box::new(right) })
            }
            "UnaryOp" => {
                let op = match self.simple(o, "op", k, "unaryop")? {
                    "Invert" => ast::UnaryOp::Invert,
                    "Not" => ast::UnaryOp::Not,
                    "UAdd" => ast::UnaryOp::UAdd,
                    _ => ast::UnaryOp::USub,
                };
                let operand = self.req_expr(o, "operand", k, Ctx::Load)?;
                Expr::UnaryOp(ast::ExprUnaryOp { node_index: ni(), range: self.finish(s, &pos), op, operand: Box::new(operand) })
            }
            "Lambda" => {
                let args = match self.node_field(o, "args", k)? {
                    Some(a) => self.arguments(&a)?,
                    None => bail!(ValueError, "field 'args' is required for Lambda"),
                };
                let body = self.req_expr(o, "body", k, Ctx::Load)?;
                Expr::Lambda(ast::ExprLambda { node_index: ni(), range: self.finish(s, &pos), parameters: Some(Box::new(args)), body: Box::new(body) })
            }
            "IfExp" => {
                let test = self.req_expr(o, "test", k, Ctx::Load)?;
                let body = self.req_expr(o, "body", k, Ctx::Load)?;
                let orelse = self.req_expr(o, "orelse", k, Ctx::Load)?;
                Expr::If(ast::ExprIf { node_index: ni(), range: self.finish(s, &pos), test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) })
            }
            "Dict" => {
                let key_objs = self.list_field(o, "keys", k)?;
                let value_objs = self.list_field(o, "values", k)?;
                if key_objs.len() != value_objs.len() {
                    bail!(ValueError, "Dict doesn't have the same number of keys as values");
                }
                let mut items = vec![];
                for (kk, v) in key_objs.iter().zip(&value_objs) {
                    let key = if none::is_none(kk) { None } else { Some(self.expr(kk, Ctx::Load)?) };
                    if none::is_none(v) {
                        bail!(ValueError, "None disallowed in expression list");
                    }
                    items.push(ast::DictItem { key, value: self.expr(v, Ctx::Load)? });
                }
                Expr::Dict(ast::ExprDict { node_index: ni(), range: self.finish(s, &pos), items })
            }
            "Set" => {
                let elts = self.exprs(o, "elts", k, Ctx::Load)?;
                Expr::Set(ast::ExprSet { node_index: ni(), range: self.finish(s, &pos), elts })
            }
            "ListComp" | "SetComp" | "GeneratorExp" => {
                // The validator looks at the generators first.
                let generators = self.comprehensions(o, k)?;
                let elt = Box::new(self.req_expr(o, "elt", k, Ctx::Load)?);
                let r = self.finish(s, &pos);
                match kind {
                    "ListComp" => Expr::ListComp(ast::ExprListComp { node_index: ni(), range: r, elt, generators }),
                    "SetComp" => Expr::SetComp(ast::ExprSetComp { node_index: ni(), range: r, elt, generators }),
                    _ => Expr::Generator(ast::ExprGenerator { node_index: ni(), range: r, elt, generators, parenthesized: true }),
                }
            }
            "DictComp" => {
                let generators = self.comprehensions(o, k)?;
                let key = self.req_expr(o, "key", k, Ctx::Load)?;
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                Expr::DictComp(ast::ExprDictComp { node_index: ni(), range: self.finish(s, &pos), key: Some(Box::new(key)), value: Box::new(value), generators })
            }
            "Await" => {
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                Expr::Await(ast::ExprAwait { node_index: ni(), range: self.finish(s, &pos), value: Box::new(value) })
            }
            "Yield" => {
                let value = self.opt_expr(o, "value", Ctx::Load)?;
                Expr::Yield(ast::ExprYield { node_index: ni(), range: self.finish(s, &pos), value })
            }
            "YieldFrom" => {
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                Expr::YieldFrom(ast::ExprYieldFrom { node_index: ni(), range: self.finish(s, &pos), value: Box::new(value) })
            }
            "Compare" => {
                let left = self.req_expr(o, "left", k, Ctx::Load)?;
                let op_objs = self.list_field(o, "ops", k)?;
                let mut cmp_ops = vec![];
                for op in &op_objs {
                    cmp_ops.push(match self.which(op, "cmpop")? {
                        "Eq" => ast::CmpOp::Eq,
                        "NotEq" => ast::CmpOp::NotEq,
                        "Lt" => ast::CmpOp::Lt,
                        "LtE" => ast::CmpOp::LtE,
                        "Gt" => ast::CmpOp::Gt,
                        "GtE" => ast::CmpOp::GtE,
                        "Is" => ast::CmpOp::Is,
                        "IsNot" => ast::CmpOp::IsNot,
                        "In" => ast::CmpOp::In,
                        _ => ast::CmpOp::NotIn,
                    });
                }
                let comparators = self.exprs(o, "comparators", k, Ctx::Load)?;
                if comparators.is_empty() {
                    bail!(ValueError, "Compare with no comparators");
                }
                if comparators.len() != cmp_ops.len() {
                    bail!(ValueError, "Compare has a different number of comparators and operands");
                }
                Expr::Compare(ast::ExprCompare { node_index: ni(), range: self.finish(s, &pos), left: Box::new(left), ops: cmp_ops.into(), comparators: comparators.into() })
            }
            "Call" => {
                let func = self.req_expr(o, "func", k, Ctx::Load)?;
                let args = self.exprs(o, "args", k, Ctx::Load)?;
                let keywords = self.keywords(o, "keywords", k)?;
                let r = self.finish(s, &pos);
                Expr::Call(ast::ExprCall {
                    node_index: ni(),
                    range_start: r.start(),
                    func: Box::new(func),
                    arguments: ast::Arguments { range: TextRange::new(r.end(), r.end()), node_index: ni(), args: args.into(), keywords: keywords.into() },
                })
            }
            "FormattedValue" => {
                // Outside a JoinedStr: an f-string of this one field.
                let el = self.formatted_value(o, s, &pos)?;
                let r = self.finish(s, &pos);
                self.fstring_expr(vec![el], r)
            }
            "JoinedStr" => {
                let els = self.joined_elements(o)?;
                let r = self.finish(s, &pos);
                self.fstring_expr(els, r)
            }
            "Constant" => {
                let value = self.field(o, "value", k)?;
                self.check_string_field(o, "kind")?;
                validate_constant(&value)?;
                let r = self.finish(s, &pos);
                self.constant(&value, r)?
            }
            "Attribute" => {
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                let attr = self.ident_field(o, "attr", k)?;
                let c = self.ctx_of(o, k, ctx)?;
                let r = self.finish(s, &pos);
                Expr::Attribute(ast::ExprAttribute { node_index: ni(), range: r, value: Box::new(value), attr: self.ident(&attr, r), ctx: to_ruff_ctx(c) })
            }
            "Subscript" => {
                let value = self.req_expr(o, "value", k, Ctx::Load)?;
                let slice = self.req_expr(o, "slice", k, Ctx::Load)?;
                let c = self.ctx_of(o, k, ctx)?;
                Expr::Subscript(ast::ExprSubscript { node_index: ni(), range: self.finish(s, &pos), value: Box::new(value), slice: Box::new(slice), ctx: to_ruff_ctx(c) })
            }
            "Starred" => {
                let c = self.ctx_of(o, k, ctx)?;
                let value = self.req_expr(o, "value", k, ctx)?;
                Expr::Starred(ast::ExprStarred { node_index: ni(), range: self.finish(s, &pos), value: Box::new(value), ctx: to_ruff_ctx(c) })
            }
            "Name" => {
                let id = self.ident_field(o, "id", k)?;
                check_name(&id)?;
                let c = self.ctx_of(o, k, ctx)?;
                Expr::Name(ast::ExprName { node_index: ni(), range: self.finish(s, &pos), id: Name::new(&id), ctx: to_ruff_ctx(c) })
            }
            "List" | "Tuple" => {
                let c = self.ctx_of(o, k, ctx)?;
                let elts = self.exprs(o, "elts", k, ctx)?;
                let r = self.finish(s, &pos);
                if kind == "List" {
                    Expr::List(ast::ExprList { node_index: ni(), range: r, elts, ctx: to_ruff_ctx(c) })
                } else {
                    Expr::Tuple(ast::ExprTuple { node_index: ni(), range: r, elts, ctx: to_ruff_ctx(c), parenthesized: true })
                }
            }
            "Slice" => {
                let lower = self.opt_expr(o, "lower", Ctx::Load)?;
                let upper = self.opt_expr(o, "upper", Ctx::Load)?;
                let step = self.opt_expr(o, "step", Ctx::Load)?;
                Expr::Slice(ast::ExprSlice { node_index: ni(), range: self.finish(s, &pos), lower, upper, step })
            }
            other => bail!(SystemError, "unexpected expression {}", other),
        };
        Ok(e)
    }

    fn fstring_expr(&self, elements: Vec<ast::InterpolatedStringElement>, r: TextRange) -> Expr {
        let f = ast::FString { range: r, node_index: ni(), elements: elements.into(), flags: ast::FStringFlags::empty() };
        Expr::FString(ast::ExprFString { node_index: ni(), range: r, value: ast::FStringValue::single(f) })
    }

    /// The values of a JoinedStr as f-string elements: str constants are
    /// literal text, FormattedValues replacement fields.
    fn joined_elements(&mut self, o: &Obj) -> PyResult<Vec<ast::InterpolatedStringElement>> {
        let objs = self.list_field(o, "values", "JoinedStr")?;
        let mut out = vec![];
        for v in &objs {
            if none::is_none(v) {
                bail!(ValueError, "None disallowed in expression list");
            }
            let pos = self.positions(v, "expr")?;
            let kind = self.which(v, "expr")?;
            let s = self.begin(&pos);
            match kind {
                "FormattedValue" => {
                    let el = self.formatted_value(v, s, &pos)?;
                    self.finish(s, &pos);
                    out.push(el);
                }
                "Constant" => {
                    let value = self.field(v, "value", "Constant")?;
                    self.check_string_field(v, "kind")?;
                    validate_constant(&value)?;
                    let r = self.finish(s, &pos);
                    if !pystr::is_str(&value) {
                        bail!(TypeError, "unexpected object in JoinedStr: {}", type_name(&value));
                    }
                    let text = pystr::to_string_lossy(&value);
                    if pystr::as_str(&value).is_none() {
                        self.table.constants.insert(r.start().to_u32(), Constant::StrCodePoints(pystr::chars(&value).collect()));
                    }
                    out.push(ast::InterpolatedStringElement::Literal(ast::InterpolatedStringLiteralElement { range: r, node_index: ni(), value: text.into() }));
                }
                _ => bail!(ValueError, "unexpected node in JoinedStr: {}", kind),
            }
        }
        Ok(out)
    }

    fn formatted_value(&mut self, o: &Obj, s: TextSize, pos: &Pos) -> PyResult<ast::InterpolatedStringElement> {
        let value = self.req_expr(o, "value", "FormattedValue", Ctx::Load)?;
        let conversion = match self.int_field(o, "conversion", "FormattedValue")? {
            115 => ast::ConversionFlag::Str,
            114 => ast::ConversionFlag::Repr,
            97 => ast::ConversionFlag::Ascii,
            _ => ast::ConversionFlag::None,
        };
        let spec = match self.opt_field(o, "format_spec")? {
            Some(sp) => {
                let ss = self.table.add(pos.start);
                let els = if is_a(&sp, "JoinedStr")? {
                    self.positions(&sp, "expr")?;
                    self.joined_elements(&sp)?
                } else {
                    bail!(ValueError, "format_spec of FormattedValue must be a JoinedStr");
                };
                let se = self.table.add(pos.end);
                Some(Box::new(ast::InterpolatedStringFormatSpec { range: TextRange::new(ss, se), node_index: ni(), elements: els.into() }))
            }
            None => None,
        };
        let e = self.table.add(pos.end);
        Ok(ast::InterpolatedStringElement::Interpolation(ast::InterpolatedElement {
            range: TextRange::new(s, e),
            node_index: ni(),
            expression: Box::new(value),
            debug_text: None,
            conversion,
            format_spec: spec,
        }))
    }

    /// A Constant node: a literal node when one can hold the value, else
    /// a placeholder whose value the point table gives.
    fn constant(&mut self, v: &Obj, r: TextRange) -> PyResult<Expr> {
        if none::is_none(v) {
            return Ok(Expr::NoneLiteral(ast::ExprNoneLiteral { node_index: ni(), range: r }));
        }
        if bool_::is_bool(v) {
            return Ok(Expr::BooleanLiteral(ast::ExprBooleanLiteral { node_index: ni(), range: r, value: ops::truthy(v)? }));
        }
        if pystr::is_str(v) {
            let text = pystr::to_string_lossy(v);
            if pystr::as_str(v).is_none() {
                self.table.constants.insert(r.start().to_u32(), Constant::StrCodePoints(pystr::chars(v).collect()));
            }
            let lit = ast::StringLiteral { range: r, node_index: ni(), value: text.into(), flags: ast::StringLiteralFlags::empty() };
            return Ok(Expr::StringLiteral(ast::ExprStringLiteral { node_index: ni(), range: r, value: ast::StringLiteralValue::single(lit) }));
        }
        if let Some(b) = bytes::as_slice_opt(v) {
            let lit = ast::BytesLiteral { range: r, node_index: ni(), value: b.to_vec().into(), flags: ast::BytesLiteralFlags::empty() };
            return Ok(Expr::BytesLiteral(ast::ExprBytesLiteral { node_index: ni(), range: r, value: ast::BytesLiteralValue::single(lit) }));
        }
        if int::is_int(v) {
            if let Some(n) = int::as_i64(v) {
                if n >= 0 {
                    let num = ast::Number::Int(ast::Int::from(n as u64));
                    return Ok(Expr::NumberLiteral(ast::ExprNumberLiteral { node_index: ni(), range: r, value: num }));
                }
            }
        } else if float::is_float(v) {
            let f = float::value(v);
            if f.is_sign_positive() {
                return Ok(Expr::NumberLiteral(ast::ExprNumberLiteral { node_index: ni(), range: r, value: ast::Number::Float(f) }));
            }
        } else if complex::is_complex(v) {
            let (real, imag) = complex::parts(v);
            return Ok(Expr::NumberLiteral(ast::ExprNumberLiteral { node_index: ni(), range: r, value: ast::Number::Complex { real, imag } }));
        }
        if is_ellipsis(v) {
            return Ok(Expr::EllipsisLiteral(ast::ExprEllipsisLiteral { node_index: ni(), range: r }));
        }
        // Negative numbers, big ints, tuples, frozensets: a placeholder.
        let c = constant_value(v)?;
        self.table.constants.insert(r.start().to_u32(), c);
        Ok(Expr::EllipsisLiteral(ast::ExprEllipsisLiteral { node_index: ni(), range: r }))
    }

    // -----------------------------------------------------------------------
    // Patterns.

    fn pattern(&mut self, o: &Obj, star_ok: bool) -> PyResult<Pattern> {
        ops::enter_recursive_call(" during compilation")?;
        let r = self.pattern_inner(o, star_ok);
        ops::leave_recursive_call();
        r
    }

    fn patterns(&mut self, o: &Obj, name: &str, owner: &str, star_ok: bool) -> PyResult<Vec<Pattern>> {
        let objs = self.list_field(o, name, owner)?;
        let mut out = vec![];
        for p in &objs {
            if none::is_none(p) {
                bail!(ValueError, "None disallowed in pattern list");
            }
            out.push(self.pattern(p, star_ok)?);
        }
        Ok(out)
    }

    fn pattern_inner(&mut self, o: &Obj, star_ok: bool) -> PyResult<Pattern> {
        let pos = self.positions(o, "pattern")?;
        let kind = self.which(o, "pattern")?;
        let k = kind;
        let s = self.begin(&pos);
        let p = match kind {
            "MatchValue" => {
                let vo = match self.node_field(o, "value", k)? {
                    Some(v) => v,
                    None => bail!(ValueError, "field 'value' is required for MatchValue"),
                };
                let value = self.expr(&vo, Ctx::Load)?;
                check_match_value(&value, &vo)?;
                Pattern::MatchValue(ast::PatternMatchValue { node_index: ni(), range: self.finish(s, &pos), value: Box::new(value) })
            }
            "MatchSingleton" => {
                let v = self.field(o, "value", k)?;
                let value = if none::is_none(&v) {
                    ast::Singleton::None
                } else if bool_::is_bool(&v) {
                    if ops::truthy(&v)? {
                        ast::Singleton::True
                    } else {
                        ast::Singleton::False
                    }
                } else {
                    bail!(ValueError, "MatchSingleton can only contain True, False and None");
                };
                Pattern::MatchSingleton(ast::PatternMatchSingleton { node_index: ni(), range: self.finish(s, &pos), value })
            }
            "MatchSequence" => {
                let patterns = self.patterns(o, "patterns", k, true)?;
                Pattern::MatchSequence(ast::PatternMatchSequence { node_index: ni(), range: self.finish(s, &pos), patterns })
            }
            "MatchMapping" => {
                let key_objs = self.list_field(o, "keys", k)?;
                let mut keys = vec![];
                for ko in &key_objs {
                    if none::is_none(ko) {
                        bail!(ValueError, "None disallowed in expression list");
                    }
                    let key = self.expr(ko, Ctx::Load)?;
                    let singleton = matches!(key, Expr::NoneLiteral(_) | Expr::BooleanLiteral(_));
                    if !singleton {
                        check_match_value(&key, ko)?;
                    }
                    keys.push(key);
                }
                let patterns = self.patterns(o, "patterns", k, false)?;
                let rest = self.opt_ident_field(o, "rest")?;
                if keys.len() != patterns.len() {
                    bail!(ValueError, "MatchMapping doesn't have the same number of keys as patterns");
                }
                if let Some(r) = &rest {
                    check_capture(r)?;
                }
                let r = self.finish(s, &pos);
                Pattern::MatchMapping(ast::PatternMatchMapping { node_index: ni(), range: r, keys: keys.into(), patterns: patterns.into(), rest: rest.map(|n| self.ident(&n, r)) })
            }
            "MatchClass" => {
                let cls = self.req_expr(o, "cls", k, Ctx::Load)?;
                let mut c = &cls;
                loop {
                    match c {
                        Expr::Name(_) => break,
                        Expr::Attribute(a) => c = &a.value,
                        _ => bail!(ValueError, "MatchClass cls field can only contain Name or Attribute nodes."),
                    }
                }
                let patterns = self.patterns(o, "patterns", k, false)?;
                let attr_objs = self.list_field(o, "kwd_attrs", k)?;
                let mut attrs = vec![];
                for a in &attr_objs {
                    match identifier(a)? {
                        Some(n) => {
                            check_name(&n)?;
                            attrs.push(n)
                        }
                        None => bail!(ValueError, "None disallowed in identifier list"),
                    }
                }
                let kwd_patterns = self.patterns(o, "kwd_patterns", k, false)?;
                if attrs.len() != kwd_patterns.len() {
                    bail!(ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
                }
                let r = self.finish(s, &pos);
                let keywords = attrs
                    .iter()
                    .zip(kwd_patterns)
                    .map(|(a, p)| ast::PatternKeyword { range: r, node_index: ni(), attr: self.ident(a, r), pattern: p })
                    .collect();
                Pattern::MatchClass(ast::PatternMatchClass {
                    node_index: ni(),
                    range: r,
                    cls: Box::new(cls),
                    arguments: ast::PatternArguments { range: r, node_index: ni(), patterns: patterns.into(), keywords },
                })
            }
            "MatchStar" => {
                let name = self.opt_ident_field(o, "name")?;
                if !star_ok {
                    bail!(ValueError, "can't use MatchStar here");
                }
                if let Some(n) = &name {
                    check_capture(n)?;
                }
                let r = self.finish(s, &pos);
                Pattern::MatchStar(ast::PatternMatchStar { node_index: ni(), range: r, name: name.map(|n| self.ident(&n, r)) })
            }
            "MatchAs" => {
                let inner_obj = self.opt_field(o, "pattern")?;
                let name = self.opt_ident_field(o, "name")?;
                if let Some(n) = &name {
                    check_capture(n)?;
                }
                let pattern = match inner_obj {
                    Some(p) => {
                        if name.is_none() {
                            bail!(ValueError, "MatchAs must specify a target name if a pattern is given");
                        }
                        Some(Box::new(self.pattern(&p, false)?))
                    }
                    None => None,
                };
                let r = self.finish(s, &pos);
                Pattern::MatchAs(ast::PatternMatchAs { node_index: ni(), range: r, pattern, name: name.map(|n| self.ident(&n, r)) })
            }
            "MatchOr" => {
                let patterns = self.patterns(o, "patterns", k, false)?;
                if patterns.len() < 2 {
                    bail!(ValueError, "MatchOr requires at least 2 patterns");
                }
                Pattern::MatchOr(ast::PatternMatchOr { node_index: ni(), range: self.finish(s, &pos), patterns })
            }
            other => bail!(SystemError, "unexpected pattern {}", other),
        };
        Ok(p)
    }
}

fn operator(name: &str) -> ast::Operator {
    use ast::Operator::*;
    match name {
        "Add" => Add,
        "Sub" => Sub,
        "Mult" => Mult,
        "MatMult" => MatMult,
        "Div" => Div,
        "Mod" => Mod,
        "Pow" => Pow,
        "LShift" => LShift,
        "RShift" => RShift,
        "BitOr" => BitOr,
        "BitXor" => BitXor,
        "BitAnd" => BitAnd,
        _ => FloorDiv,
    }
}

/// Where the `else` clause made of `orelse` starts (only its body's
/// positions matter; the clause takes the first statement's start).
fn orelse_start(orelse: &[Stmt], whole: TextRange) -> TextSize {
    orelse.first().map(|s| s.range().start()).unwrap_or(whole.start())
}

/// VALIDATE_POSITIONS.
fn validate_positions(lineno: i64, col: i64, end_lineno: i64, end_col: i64) -> PyResult<()> {
    if lineno > end_lineno {
        bail!(ValueError, "AST node line range ({}, {}) is not valid", lineno, end_lineno);
    }
    if (lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col) {
        bail!(ValueError, "AST node column range ({}, {}) for line range ({}, {}) is not valid", col, end_col, lineno, end_lineno);
    }
    if lineno == end_lineno && col > end_col {
        bail!(ValueError, "line {}, column {}-{} is not a valid range", lineno, col, end_col);
    }
    Ok(())
}

/// validate_constant: what a Constant may hold.
fn validate_constant(v: &Obj) -> PyResult<()> {
    if none::is_none(v) || is_ellipsis(v) {
        return Ok(());
    }
    if int::is_exact_int(v) || float::is_exact_float(v) || complex::is_exact_complex(v) || bool_::is_bool(v) || pystr::is_exact_str(v) || is_exact_bytes(v) {
        return Ok(());
    }
    if tuple::is_exact_tuple(v) || is_exact_frozenset(v) {
        ops::enter_recursive_call(" during compilation")?;
        let items = ops::seq::to_vec(v);
        let r = items.and_then(|items| items.iter().try_for_each(validate_constant));
        ops::leave_recursive_call();
        return r;
    }
    bail!(TypeError, "got an invalid type in Constant: {}", type_name(v))
}

/// A validated constant's value for the compiler.
fn constant_value(v: &Obj) -> PyResult<Constant> {
    if none::is_none(v) {
        return Ok(Constant::None);
    }
    if is_ellipsis(v) {
        return Ok(Constant::Ellipsis);
    }
    if bool_::is_bool(v) {
        return Ok(if ops::truthy(v)? { Constant::True } else { Constant::False });
    }
    if int::is_int(v) {
        return Ok(match int::as_i64(v) {
            Some(n) => Constant::Int(n),
            None => Constant::BigInt(int::to_bigint(v)),
        });
    }
    if float::is_float(v) {
        return Ok(Constant::Float(float::value(v)));
    }
    if complex::is_complex(v) {
        let (real, imag) = complex::parts(v);
        return Ok(Constant::Complex { real, imag });
    }
    if pystr::is_str(v) {
        return Ok(match pystr::as_str(v) {
            Some(s) => Constant::Str(s.to_owned()),
            None => Constant::StrCodePoints(pystr::chars(v).collect()),
        });
    }
    if let Some(b) = bytes::as_slice_opt(v) {
        return Ok(Constant::Bytes(b.to_vec()));
    }
    let items = ops::seq::to_vec(v)?;
    let mut out = vec![];
    for it in &items {
        out.push(constant_value(it)?);
    }
    if tuple::is_tuple(v) {
        Ok(Constant::Tuple(out))
    } else {
        Ok(Constant::FrozenSet(out))
    }
}

/// validate_pattern_match_value: what a value pattern (or mapping key) may be.
fn check_match_value(e: &Expr, o: &Obj) -> PyResult<()> {
    let number = |e: &Expr, real: bool, imag: bool| match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(_) | ast::Number::Float(_) => real,
            ast::Number::Complex { .. } => imag,
        },
        _ => false,
    };
    let negative = |e: &Expr, real: bool, imag: bool| match e {
        Expr::UnaryOp(u) => u.op == ast::UnaryOp::USub && number(&u.operand, real, imag),
        _ => false,
    };
    match e {
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => Ok(()),
        Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) => bail!(ValueError, "unexpected constant inside of a literal pattern"),
        Expr::EllipsisLiteral(_) => {
            // A placeholder: the constant itself decides.
            let v = ops::attr::getattr(o, &pystr::intern_static("value"))?;
            if int::is_exact_int(&v) || float::is_exact_float(&v) || complex::is_exact_complex(&v) || pystr::is_exact_str(&v) || is_exact_bytes(&v) {
                Ok(())
            } else {
                bail!(ValueError, "unexpected constant inside of a literal pattern")
            }
        }
        Expr::Attribute(_) | Expr::FString(_) => Ok(()),
        Expr::UnaryOp(_) if negative(e, true, true) => Ok(()),
        Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) && (number(&b.left, true, false) || negative(&b.left, true, false)) && number(&b.right, false, true) => Ok(()),
        _ => bail!(ValueError, "patterns may only match literals and attribute lookups"),
    }
}

fn is_exact_bytes(o: &Obj) -> bool {
    o.type_ptr() == bytes::type_ptr()
}

fn is_exact_frozenset(o: &Obj) -> bool {
    o.type_ptr() == krait_runtime::types::set::frozenset_type()
}

fn is_ellipsis(o: &Obj) -> bool {
    o.as_ptr() == none::ellipsis().as_ptr()
}
