//! Symbol tables, following CPython 3.11's two passes: a walk records how each
//! scope binds and uses each name (flags), then `analyze` decides every name's
//! scope (local, cell, free, global explicit/implicit) top-down, passing the
//! names bound by enclosing functions and the free names found in children.

use crate::CResult;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
/// CPython 3.11: recursion limit (1000) times COMPILER_STACK_FRAME_SCALE (3).
const MAX_DEPTH: usize = 3000;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    pub fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: SymScope,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: Kind,
    pub name: String,
    /// Symbols in first-seen order.
    pub names: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    /// Parameters, in co_varnames order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub is_lambda: bool,
    /// A class whose methods use `super` or `__class__`.
    pub needs_class_closure: bool,
    /// Where global/nonlocal directives were written (for analysis errors).
    directives: HashMap<String, TextRange>,
    pub range: TextRange,
}

impl Scope {
    fn new(kind: Kind, name: &str, parent: Option<usize>, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            names: vec![],
            symbols: HashMap::new(),
            params: vec![],
            children: vec![],
            parent,
            is_generator: false,
            is_coroutine: false,
            comprehension: None,
            is_lambda: false,
            needs_class_closure: false,
            directives: HashMap::new(),
            range,
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }

    pub fn scope_of(&self, name: &str) -> SymScope {
        self.symbols.get(name).map(|s| s.scope).unwrap_or(SymScope::Unknown)
    }

    /// Local variables in localsplus order: parameters, then other locals.
    pub fn varnames(&self) -> Vec<String> {
        let mut v = self.params.clone();
        if self.kind == Kind::Function {
            for n in &self.names {
                let s = self.symbols[n];
                if matches!(s.scope, SymScope::Local | SymScope::Cell) && s.flags & DEF_BOUND != 0 && !v.contains(n) {
                    if s.scope == SymScope::Local {
                        v.push(n.clone());
                    }
                }
            }
        }
        v
    }

    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self.names.iter().filter(|n| self.symbols[*n].scope == SymScope::Cell).cloned().collect();
        if self.needs_class_closure {
            v.push("__class__".into());
        }
        v.sort();
        v
    }

    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .names
            .iter()
            .filter(|n| {
                let s = self.symbols[*n];
                s.scope == SymScope::Free || s.flags & DEF_FREE_CLASS != 0
            })
            .cloned()
            .collect();
        v.sort();
        v
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Scope of each scope-creating node, keyed by its range.
    pub by_node: HashMap<(u32, u32), usize>,
    pub future_annotations: bool,
}

impl SymbolTable {
    pub fn lookup(&self, r: TextRange) -> usize {
        *self.by_node.get(&(r.start().to_u32(), r.end().to_u32())).expect("scope of node")
    }
}

struct Builder {
    st: SymbolTable,
    cur: usize,
    /// Expression/statement nesting, guarded as CPython's recursion limit.
    depth: usize,
    /// Inside the iterable of a comprehension (walrus there is an error).
    in_comp_iter: bool,
}

fn key(r: TextRange) -> (u32, u32) {
    (r.start().to_u32(), r.end().to_u32())
}

fn err<T>(msg: impl Into<String>, r: TextRange) -> CResult<T> {
    Err((msg.into(), r))
}

pub fn build_module(body: &[Stmt], future_annotations: bool, whole: TextRange) -> CResult<SymbolTable> {
    let mut b = Builder::new(future_annotations, whole);
    for s in body {
        b.stmt(s)?;
    }
    b.finish()
}

pub fn build_expr(e: &Expr, whole: TextRange) -> CResult<SymbolTable> {
    let mut b = Builder::new(false, whole);
    b.expr(e)?;
    b.finish()
}

impl Builder {
    fn new(future_annotations: bool, whole: TextRange) -> Builder {
        Builder {
            st: SymbolTable { scopes: vec![Scope::new(Kind::Module, "top", None, whole)], by_node: HashMap::new(), future_annotations },
            cur: 0,
            depth: 0,
            in_comp_iter: false,
        }
    }

    fn finish(mut self) -> CResult<SymbolTable> {
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global)?;
        Ok(self.st)
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }

    fn push(&mut self, kind: Kind, name: &str, r: TextRange) -> usize {
        let idx = self.st.scopes.len();
        self.st.scopes.push(Scope::new(kind, name, Some(self.cur), r));
        self.st.scopes[self.cur].children.push(idx);
        self.st.by_node.insert(key(r), idx);
        let prev = self.cur;
        self.cur = idx;
        prev
    }

    fn add_def_in(&mut self, scope: usize, name: &str, flag: u32, r: TextRange) -> CResult<()> {
        let name = self.mangle(name);
        let s = &mut self.st.scopes[scope];
        let mut v = s.symbols.get(&name).map(|x| x.flags).unwrap_or(0);
        if flag & DEF_PARAM != 0 && v & DEF_PARAM != 0 {
            return err(format!("duplicate argument '{}' in function definition", name), r);
        }
        v |= flag;
        if !s.symbols.contains_key(&name) {
            s.names.push(name.clone());
        }
        s.symbols.insert(name.clone(), Symbol { flags: v, scope: SymScope::Unknown });
        if flag & DEF_PARAM != 0 {
            s.params.push(name.clone());
        }
        // A `global` statement anywhere also marks the name global in the
        // module's table (CPython's st_global): module-level code then
        // stores it with STORE_GLOBAL even when exec() gets separate locals.
        if flag & DEF_GLOBAL != 0 && scope != 0 {
            let m = &mut self.st.scopes[0];
            let mv = m.symbols.get(&name).map(|x| x.flags).unwrap_or(0);
            if !m.symbols.contains_key(&name) {
                m.names.push(name.clone());
            }
            m.symbols.insert(name, Symbol { flags: mv | flag, scope: SymScope::Unknown });
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, r: TextRange) -> CResult<()> {
        self.add_def_in(self.cur, name, flag, r)
    }

    /// Private name mangling, as the symbol table of the nearest class sees it.
    fn mangle(&self, name: &str) -> String {
        let mut s = Some(self.cur);
        while let Some(i) = s {
            if self.st.scopes[i].kind == Kind::Class {
                return crate::codegen::mangle(&self.st.scopes[i].name, name);
            }
            s = self.st.scopes[i].parent;
        }
        name.to_owned()
    }

    fn stmts(&mut self, b: &[Stmt]) -> CResult<()> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(a.parameter.name.as_str(), DEF_PARAM, a.parameter.range)?;
        }
        // co_varnames: positional, keyword-only, then *args, then **kwargs.
        if let Some(v) = &p.vararg {
            self.add_def(v.name.as_str(), DEF_PARAM, v.range)?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(k.name.as_str(), DEF_PARAM, k.range)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> CResult<()> {
        if self.st.future_annotations {
            // Not compiled, but CPython's symbol table still walks it (in a
            // block of its own, whose names stay there) and refuses these.
            return match forbidden_in_annotation(e) {
                Some((what, r)) => err(format!("'{}' can not be used within an annotation", what), r),
                None => Ok(()),
            };
        }
        self.expr(e)
    }

    fn param_annotations(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an)?;
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                self.annotation(an)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an)?;
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(an) = &k.annotation {
                self.annotation(an)?;
            }
        }
        Ok(())
    }

    fn defaults(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn directive(&mut self, s: &Stmt, names: &[ast::Identifier], is_global: bool) -> CResult<()> {
        let what = if is_global { "global" } else { "nonlocal" };
        if !is_global && self.st.scopes[self.cur].kind == Kind::Module {
            return err("nonlocal declaration not allowed at module level", s.range());
        }
        for n in names {
            let name = self.mangle(n.as_str());
            let cur = self.st.scopes[self.cur].flags(&name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{}' is parameter and {}", name, what)
                } else if cur & USE != 0 {
                    format!("name '{}' is used prior to {} declaration", name, what)
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{}' can't be {}", name, what)
                } else {
                    format!("name '{}' is assigned to before {} declaration", name, what)
                };
                return err(msg, s.range());
            }
            self.add_def(&name, if is_global { DEF_GLOBAL } else { DEF_NONLOCAL }, s.range())?;
            // Analysis errors point at the name's first directive (CPython's
            // error_at_directive).
            self.scope().directives.entry(name).or_insert(s.range());
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(crate::RECURSION_MSG, s.range());
        }
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(f.name.as_str(), DEF_LOCAL, f.range)?;
                self.defaults(&f.parameters)?;
                self.param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.annotation(r)?;
                }
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                let prev = self.push(Kind::Function, f.name.as_str(), f.range);
                self.scope().is_coroutine = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), DEF_LOCAL, c.range)?;
                if let Some(a) = &c.arguments {
                    for e in a.args.iter() {
                        self.expr(e)?;
                    }
                    for k in a.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                let prev = self.push(Kind::Class, c.name.as_str(), c.range);
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    // `del x` binds x locally, as an assignment does.
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.target(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.target(&a.target)?;
                if let Expr::Name(n) = &*a.target {
                    self.add_def(n.id.as_str(), USE, n.range)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let name = self.mangle(n.id.as_str());
                    let cur = self.st.scopes[self.cur].flags(&name);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return err(format!("annotated name '{}' can't be {}", name, what), s.range());
                    }
                    if a.simple {
                        self.add_def(&name, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&name, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.target(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.target(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                    }
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(x) => x.as_str().to_owned(),
                        None => a.name.as_str().split('.').next().unwrap().to_owned(),
                    };
                    self.add_def(&n, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.st.scopes[self.cur].kind != Kind::Module {
                            return err("import * only allowed at module level", a.range);
                        }
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name).as_str().to_owned();
                    self.add_def(&n, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => self.directive(s, &g.names, true)?,
            Stmt::Nonlocal(g) => self.directive(s, &g.names, false)?,
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::TypeAlias(t) => return err("invalid syntax", t.range),
            Stmt::IpyEscapeCommand(t) => return err("invalid syntax", t.range),
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> CResult<()> {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for x in &s.patterns {
                    self.pattern(x)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.expr(k)?;
                }
                for x in m.patterns.iter() {
                    self.pattern(x)?;
                }
                if let Some(n) = &m.rest {
                    self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for x in c.arguments.patterns.iter() {
                    self.pattern(x)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.pattern(&k.pattern)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for x in &o.patterns {
                    self.pattern(x)?;
                }
            }
        }
        Ok(())
    }

    /// An assignment target: names are bound, everything else is used.
    fn target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.add_def(n.id.as_str(), DEF_LOCAL, n.range),
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.target(e)?;
                }
                Ok(())
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.target(e)?;
                }
                Ok(())
            }
            Expr::Starred(s) => self.target(&s.value),
            other => self.expr(other),
        }
    }

    fn comprehension(&mut self, r: TextRange, kind: CompKind, gens: &[ast::Comprehension], elts: &[&Expr]) -> CResult<()> {
        // The outermost iterable is evaluated in the enclosing scope.
        let saved = self.in_comp_iter;
        self.in_comp_iter = true;
        self.expr(&gens[0].iter)?;
        self.in_comp_iter = saved;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Gen => "genexpr",
        };
        let is_async = gens.iter().any(|g| g.is_async);
        let prev = self.push(Kind::Function, name, r);
        self.scope().comprehension = Some(kind);
        if kind == CompKind::Gen {
            self.scope().is_generator = true;
        }
        if is_async {
            self.scope().is_coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, r)?;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                let saved = self.in_comp_iter;
                self.in_comp_iter = true;
                self.expr(&g.iter)?;
                self.in_comp_iter = saved;
            }
            self.comp_target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        let is_coro = self.st.scopes[self.cur].is_coroutine;
        self.cur = prev;
        // An async comprehension (other than a generator expression) must be
        // awaited by its enclosing function.
        if is_coro && kind != CompKind::Gen {
            let p = &self.st.scopes[self.cur];
            if p.comprehension.is_some() {
                self.st.scopes[self.cur].is_coroutine = true;
            }
        }
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                // An earlier walrus in this comprehension made the name
                // global/nonlocal here; a later loop may not rebind it.
                let name = self.mangle(n.id.as_str());
                if self.st.scopes[self.cur].flags(&name) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                    return err(format!("comprehension inner loop cannot rebind assignment expression target '{}'", name), n.range);
                }
                self.add_def(n.id.as_str(), DEF_LOCAL | DEF_COMP_ITER, n.range)
            }
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.comp_target(e)?;
                }
                Ok(())
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.comp_target(e)?;
                }
                Ok(())
            }
            Expr::Starred(s) => self.comp_target(&s.value),
            other => self.expr(other),
        }
    }

    fn named_expr_target(&mut self, name: &str, r: TextRange) -> CResult<()> {
        if self.in_comp_iter {
            return err("assignment expression cannot be used in a comprehension iterable expression", r);
        }
        if self.st.scopes[self.cur].comprehension.is_none() {
            return self.add_def(name, DEF_LOCAL, r);
        }
        // Walrus inside comprehensions binds in the nearest enclosing
        // non-comprehension scope.
        let mut i = self.cur;
        loop {
            let s = &self.st.scopes[i];
            if s.comprehension.is_some() {
                if s.flags(name) & DEF_COMP_ITER != 0 {
                    return err(format!("assignment expression cannot rebind comprehension iteration variable '{}'", name), r);
                }
                i = s.parent.unwrap();
                continue;
            }
            match s.kind {
                Kind::Function => {
                    let f = if s.flags(name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, f, r)?;
                    self.scope().directives.insert(name.to_owned(), r);
                    return self.add_def_in(i, name, DEF_LOCAL, r);
                }
                Kind::Module => {
                    self.add_def(name, DEF_GLOBAL, r)?;
                    self.scope().directives.insert(name.to_owned(), r);
                    return self.add_def_in(i, name, DEF_GLOBAL, r);
                }
                Kind::Class => {
                    return err("assignment expression within a comprehension cannot be used in a class body", r);
                }
            }
        }
    }

    fn exprs(&mut self, es: &[Expr]) -> CResult<()> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(crate::RECURSION_MSG, e.range());
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::Name(n) => {
                let id = n.id.as_str();
                self.add_def(id, USE, n.range)?;
                // super() or __class__ in a function makes the class body keep a __class__ cell.
                if self.st.scopes[self.cur].kind == Kind::Function && (id == "super" || id == "__class__") {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                if let Expr::Name(nm) = &*n.target {
                    self.named_expr_target(nm.id.as_str(), nm.range)?;
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p)?;
                }
                let prev = self.push(Kind::Function, "lambda", l.range);
                self.scope().is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.cur = prev;
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::ListComp(c) => self.comprehension(c.range, CompKind::List, &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension(c.range, CompKind::Set, &c.generators, &[&c.elt])?,
            Expr::Generator(c) => self.comprehension(c.range, CompKind::Gen, &c.generators, &[&c.elt])?,
            Expr::DictComp(c) => {
                let k = c.key.as_deref().expect("dict comprehension key");
                self.comprehension(c.range, CompKind::Dict, &c.generators, &[k, &c.value])?
            }
            Expr::Await(a) => {
                if let Some(k) = self.st.scopes[self.cur].comprehension {
                    let _ = k;
                    self.scope().is_coroutine = true;
                }
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.yield_check(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(y.range)?;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn yield_check(&mut self, r: TextRange) -> CResult<()> {
        let s = &self.st.scopes[self.cur];
        if s.kind != Kind::Function {
            return err("'yield' outside function", r);
        }
        if let Some(k) = s.comprehension {
            return err(format!("'yield' inside {}", k.describe()), r);
        }
        self.scope().is_generator = true;
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> CResult<()> {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    // -----------------------------------------------------------------------
    // Analysis (CPython's analyze_block / analyze_name / update_symbols).

    fn analyze_block(
        &mut self,
        idx: usize,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> CResult<()> {
        let kind = self.st.scopes[idx].kind;
        let mut local: HashSet<String> = HashSet::new();
        let mut scopes: HashMap<String, SymScope> = HashMap::new();
        let mut newglobal: HashSet<String> = HashSet::new();
        let mut newfree: HashSet<String> = HashSet::new();
        let mut newbound: HashSet<String> = HashSet::new();
        let mut bound_local: Option<HashSet<String>> = bound.cloned();
        if kind == Kind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let names = self.st.scopes[idx].names.clone();
        for name in &names {
            let flags = self.st.scopes[idx].symbols[name].flags;
            self.analyze_name(idx, &mut scopes, name, flags, &mut bound_local, &mut local, free, global)?;
        }
        if kind != Kind::Class {
            if kind == Kind::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound_local {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
        }
        let children = self.st.scopes[idx].children.clone();
        let mut allfree = HashSet::new();
        for c in children {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            let _ = &mut temp_bound;
            self.analyze_block(c, Some(&temp_bound), &mut temp_free, &mut temp_global)?;
            allfree.extend(temp_free);
        }
        newfree.extend(allfree);
        if kind == Kind::Function {
            for (name, sc) in scopes.iter_mut() {
                if *sc == SymScope::Local && newfree.remove(name) {
                    *sc = SymScope::Cell;
                }
            }
        } else if kind == Kind::Class && newfree.remove("__class__") {
            self.st.scopes[idx].needs_class_closure = true;
        }
        // update_symbols
        let s = &mut self.st.scopes[idx];
        for name in &names {
            let sym = s.symbols.get_mut(name).unwrap();
            sym.scope = scopes[name];
        }
        let mut sorted_free: Vec<&String> = newfree.iter().collect();
        sorted_free.sort();
        for name in sorted_free {
            if let Some(sym) = s.symbols.get_mut(name) {
                if kind == Kind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound_local {
                if !b.contains(name) {
                    continue;
                }
            } else {
                continue;
            }
            s.names.push(name.clone());
            s.symbols.insert(name.clone(), Symbol { flags: 0, scope: SymScope::Free });
        }
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        idx: usize,
        scopes: &mut HashMap<String, SymScope>,
        name: &str,
        flags: u32,
        bound: &mut Option<HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> CResult<()> {
        let at = |b: &Builder| b.st.scopes[idx].directives.get(name).copied().unwrap_or(b.st.scopes[idx].range);
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return err(format!("name '{}' is nonlocal and global", name), at(self));
            }
            scopes.insert(name.to_owned(), SymScope::GlobalExplicit);
            global.insert(name.to_owned());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            match bound {
                None => return err("nonlocal declaration not allowed at module level", at(self)),
                Some(b) if !b.contains(name) => return err(format!("no binding for nonlocal '{}' found", name), at(self)),
                _ => {}
            }
            scopes.insert(name.to_owned(), SymScope::Free);
            free.insert(name.to_owned());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.to_owned(), SymScope::Local);
            local.insert(name.to_owned());
            global.remove(name);
            return Ok(());
        }
        if let Some(b) = bound {
            if b.contains(name) {
                scopes.insert(name.to_owned(), SymScope::Free);
                free.insert(name.to_owned());
                return Ok(());
            }
        }
        scopes.insert(name.to_owned(), SymScope::GlobalImplicit);
        Ok(())
    }
}

/// The first yield, await or named expression of an annotation, outside
/// the lambdas and comprehensions in it (which are scopes of their own).
fn forbidden_in_annotation(e: &Expr) -> Option<(&'static str, TextRange)> {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct Finder(Option<(&'static str, TextRange)>);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, e: &'a Expr) {
            if self.0.is_some() {
                return;
            }
            match e {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = Some(("yield expression", e.range())),
                Expr::Await(_) => self.0 = Some(("await expression", e.range())),
                Expr::Named(_) => self.0 = Some(("named expression", e.range())),
                Expr::Lambda(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {}
                _ => walk_expr(self, e),
            }
        }
    }
    let mut f = Finder(None);
    f.visit_expr(e);
    f.0
}
