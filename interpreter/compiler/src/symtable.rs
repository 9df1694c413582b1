//! Symbol tables: which names of each scope are locals, cells, free
//! variables, globals or class-body names. A first pass collects bindings
//! and uses per scope; a second resolves free names against the enclosing
//! function scopes (class scopes are skipped, as Python's rules say).

use ruff_python_ast::{self as ast, Expr, Stmt};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Module and class bodies: LOAD_NAME/STORE_NAME.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub params: Vec<String>,
    pub assigned: Vec<String>,
    pub used: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A method that uses `super` or `__class__`: the class body gets a `__class__` cell.
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            params: vec![],
            assigned: vec![],
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            children: vec![],
            parent,
            cells: vec![],
            frees: vec![],
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
        }
    }

    fn bind(&mut self, n: &str) {
        if !self.assigned.iter().any(|x| x == n) {
            self.assigned.push(n.to_owned());
        }
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }

    /// How `name` is accessed in this scope.
    pub fn resolve(&self, name: &str) -> Resolved {
        if self.globals.contains(name) {
            return Resolved::GlobalExplicit;
        }
        if self.frees.iter().any(|x| x == name) {
            if self.kind == ScopeKind::Class && self.assigned.iter().any(|x| x == name) {
                return Resolved::Name;
            }
            return Resolved::Free;
        }
        if self.cells.iter().any(|x| x == name) {
            return Resolved::Cell;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => Resolved::Name,
            _ => {
                if self.params.iter().any(|x| x == name) || self.assigned.iter().any(|x| x == name) {
                    Resolved::Local
                } else {
                    Resolved::GlobalImplicit
                }
            }
        }
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Scope index of each scope-creating node, keyed by its start offset.
    pub by_node: HashMap<u32, usize>,
}

pub struct Builder {
    st: SymbolTable,
    cur: usize,
}

fn start(r: ruff_text_size::TextRange) -> u32 {
    r.start().to_u32()
}

pub fn build(body: &[Stmt]) -> Result<SymbolTable, String> {
    let mut b = Builder {
        st: SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)], by_node: HashMap::new() },
        cur: 0,
    };
    for s in body {
        b.stmt(s)?;
    }
    b.resolve();
    Ok(b.st)
}

/// For `eval` mode: one expression at module level.
pub fn build_expr(e: &Expr) -> Result<SymbolTable, String> {
    let mut b = Builder {
        st: SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)], by_node: HashMap::new() },
        cur: 0,
    };
    b.expr(e)?;
    b.resolve();
    Ok(b.st)
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }

    fn push(&mut self, kind: ScopeKind, name: &str, key: u32) -> usize {
        let idx = self.st.scopes.len();
        self.st.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.st.scopes[self.cur].children.push(idx);
        self.st.by_node.insert(key, idx);
        let prev = self.cur;
        self.cur = idx;
        prev
    }

    fn bind(&mut self, n: &str) {
        self.scope().bind(n);
    }

    fn target(&mut self, t: &Expr) -> Result<(), String> {
        match t {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), String> {
        let mut names = vec![];
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(a.parameter.name.as_str().to_owned());
        }
        for a in p.kwonlyargs.iter() {
            names.push(a.parameter.name.as_str().to_owned());
        }
        if let Some(v) = &p.vararg {
            names.insert(p.posonlyargs.len() + p.args.len() + p.kwonlyargs.len(), v.name.as_str().to_owned());
        }
        if let Some(k) = &p.kwarg {
            names.push(k.name.as_str().to_owned());
        }
        let mut seen = HashSet::new();
        for n in &names {
            if !seen.insert(n.clone()) {
                return Err(format!("duplicate argument '{}' in function definition", n));
            }
        }
        // *args comes after the keyword-only names in co_varnames order: fix below.
        let mut ordered: Vec<String> = vec![];
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            ordered.push(a.parameter.name.as_str().to_owned());
        }
        if let Some(v) = &p.vararg {
            ordered.push(v.name.as_str().to_owned());
        }
        if let Some(k) = &p.kwarg {
            ordered.push(k.name.as_str().to_owned());
        }
        self.scope().params = ordered;
        Ok(())
    }

    fn defaults_and_annotations(&mut self, p: &ast::Parameters) -> Result<(), String> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    fn body(&mut self, b: &[Stmt]) -> Result<(), String> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), String> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.defaults_and_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(f.name.as_str());
                let prev = self.push(ScopeKind::Function, f.name.as_str(), start(f.range));
                self.scope().is_coroutine = f.is_async;
                self.params(&f.parameters)?;
                self.body(&f.body)?;
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(a) = &c.arguments {
                    for e in a.args.iter() {
                        self.expr(e)?;
                    }
                    for k in a.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(c.name.as_str());
                let prev = self.push(ScopeKind::Class, c.name.as_str(), start(c.range));
                self.body(&c.body)?;
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.scope().used.insert(n.id.as_str().to_owned());
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                self.expr(&a.annotation)?;
                if a.value.is_some() || !matches!(&*a.target, Expr::Name(_)) {
                    self.target(&a.target)?;
                } else if let Expr::Name(n) = &*a.target {
                    // A bare annotation still makes the name local in functions.
                    self.bind(n.id.as_str());
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.body(&f.body)?;
                self.body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.body(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.as_str());
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.orelse)?;
                self.body(&t.finalbody)?;
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
                    self.bind(&n);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err("import * only allowed at module level".into());
                        }
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name).as_str().to_owned();
                    self.bind(&n);
                }
            }
            Stmt::Global(g) => {
                if self.scope().kind == ScopeKind::Module {
                    for n in &g.names {
                        self.scope().globals.insert(n.as_str().to_owned());
                    }
                    return Ok(());
                }
                for n in &g.names {
                    let name = n.as_str();
                    if self.scope().params.iter().any(|p| p == name) {
                        return Err(format!("name '{}' is parameter and global", name));
                    }
                    if self.scope().used.contains(name) || self.scope().assigned.iter().any(|a| a == name) {
                        return Err(format!("name '{}' is used prior to global declaration", name));
                    }
                    self.scope().globals.insert(name.to_owned());
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err("nonlocal declaration not allowed at module level".into());
                }
                for n in &g.names {
                    let name = n.as_str();
                    if self.scope().params.iter().any(|p| p == name) {
                        return Err(format!("name '{}' is parameter and nonlocal", name));
                    }
                    if self.scope().used.contains(name) || self.scope().assigned.iter().any(|a| a == name) {
                        return Err(format!("name '{}' is used prior to nonlocal declaration", name));
                    }
                    self.scope().nonlocals.insert(name.to_owned());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                return Err("the match statement is not supported by krait's compiler yet".into());
            }
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => return Err("invalid syntax".into()),
        }
        Ok(())
    }

    fn comprehension(&mut self, key: u32, name: &str, gens: &[ast::Comprehension], elts: &[&Expr]) -> Result<(), String> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let prev = self.push(ScopeKind::Comprehension, name, key);
        self.scope().params = vec![".0".into()];
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        if name == "<genexpr>" {
            self.scope().is_generator = true;
        }
        self.cur = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), String> {
        match e {
            Expr::Name(n) => {
                let id = n.id.as_str();
                self.scope().used.insert(id.to_owned());
                if id == "super" && self.scope().is_function_like() {
                    self.scope().needs_class_cell = true;
                }
                if id == "__class__" {
                    self.scope().needs_class_cell = true;
                }
            }
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                // Walrus in a comprehension binds in the enclosing function scope.
                let mut s = self.cur;
                while self.st.scopes[s].kind == ScopeKind::Comprehension {
                    if let Expr::Name(nm) = &*n.target {
                        self.st.scopes[s].nonlocals.insert(nm.id.as_str().to_owned());
                    }
                    s = self.st.scopes[s].parent.unwrap();
                }
                if let Expr::Name(nm) = &*n.target {
                    self.st.scopes[s].bind(nm.id.as_str());
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults_and_annotations(p)?;
                }
                let prev = self.push(ScopeKind::Lambda, "<lambda>", start(l.range));
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
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => self.comprehension(start(c.range), "<listcomp>", &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension(start(c.range), "<setcomp>", &c.generators, &[&c.elt])?,
            Expr::Generator(c) => self.comprehension(start(c.range), "<genexpr>", &c.generators, &[&c.elt])?,
            Expr::DictComp(c) => self.comprehension(start(c.range), "<dictcomp>", &c.generators, &[c.key.as_deref().expect("dict comprehension key"), &c.value])?,
            Expr::Await(a) => {
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                if !self.scope().is_function_like() {
                    return Err("'yield' outside function".into());
                }
                self.scope().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                if !self.scope().is_function_like() {
                    return Err("'yield' outside function".into());
                }
                self.scope().is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
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
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> Result<(), String> {
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

    /// Decides cells and free variables.
    fn resolve(&mut self) {
        // Process scopes children-first so a name used in a nested function
        // makes it a cell of the defining scope.
        let order = self.postorder(0);
        for idx in order {
            let (kind, parent) = (self.st.scopes[idx].kind, self.st.scopes[idx].parent);
            if matches!(kind, ScopeKind::Module) {
                continue;
            }
            // Names this scope needs from outside: uses that aren't local,
            // explicit nonlocals, and frees requested by its children.
            let mut wanted: Vec<String> = vec![];
            {
                let s = &self.st.scopes[idx];
                for n in &s.nonlocals {
                    wanted.push(n.clone());
                }
                for n in &s.used {
                    let local = s.params.contains(n) || s.assigned.contains(n);
                    if s.globals.contains(n) || s.nonlocals.contains(n) {
                        continue;
                    }
                    if !local || kind == ScopeKind::Class {
                        if !local {
                            wanted.push(n.clone());
                        }
                    }
                }
                for n in s.frees.clone() {
                    let local = (s.params.contains(&n) || s.assigned.contains(&n)) && !s.nonlocals.contains(&n);
                    if !local || kind == ScopeKind::Class {
                        wanted.push(n);
                    }
                }
                if s.needs_class_cell && s.is_function_like() {
                    wanted.push("__class__".into());
                }
            }
            wanted.sort();
            wanted.dedup();
            for n in wanted {
                // Find the nearest enclosing function scope that binds it.
                let mut p = parent;
                let mut path = vec![];
                let mut found = None;
                while let Some(pi) = p {
                    let ps = &self.st.scopes[pi];
                    if ps.kind == ScopeKind::Module {
                        break;
                    }
                    if ps.kind == ScopeKind::Class {
                        if n == "__class__" {
                            found = Some(pi);
                            break;
                        }
                        path.push(pi);
                        p = ps.parent;
                        continue;
                    }
                    let binds = (ps.params.contains(&n) || ps.assigned.contains(&n)) && !ps.nonlocals.contains(&n) && !ps.globals.contains(&n);
                    if binds {
                        found = Some(pi);
                        break;
                    }
                    if ps.globals.contains(&n) {
                        break;
                    }
                    path.push(pi);
                    p = ps.parent;
                }
                if let Some(def) = found {
                    if !self.st.scopes[def].cells.contains(&n) {
                        self.st.scopes[def].cells.push(n.clone());
                    }
                    if !self.st.scopes[idx].frees.contains(&n) {
                        self.st.scopes[idx].frees.push(n.clone());
                    }
                    for mid in path {
                        if !self.st.scopes[mid].frees.contains(&n) {
                            self.st.scopes[mid].frees.push(n.clone());
                        }
                    }
                }
            }
        }
        for s in self.st.scopes.iter_mut() {
            s.cells.sort();
            s.frees.sort();
        }
    }

    fn postorder(&self, idx: usize) -> Vec<usize> {
        let mut v = vec![];
        for &c in &self.st.scopes[idx].children {
            v.extend(self.postorder(c));
        }
        v.push(idx);
        v
    }
}
