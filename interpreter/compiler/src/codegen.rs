//! Code generation: AST to krait bytecode, one `Unit` per code body. Every
//! emitted instruction records the exception handler active at that point;
//! the exception table is derived from those records at the end, so nested
//! handlers come out split and non-overlapping (innermost wins).

use crate::symtable::{Resolved, ScopeKind, SymbolTable};
use krait_bytecode::{encode, fast, flags, BinaryOp, CodeUnit, CompareOp, Constant, ExceptionEntry, Location, Opcode};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextRange};
use std::sync::Arc;

pub type CResult<T> = Result<T, (String, TextRange)>;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Handler {
    label: usize,
    depth: u32,
    lasti: bool,
}

enum Block {
    Loop { cont: usize, brk: usize, for_loop: bool },
    /// A try/finally or with: `break`/`continue`/`return` run this cleanup.
    Finally(Vec<Stmt>),
    With { is_async: bool },
    /// Inside an except handler body: POP_EXCEPT on early exit.
    ExceptBody { named: Option<String> },
    /// The exceptional copy of a finally body: [lasti, prev, exc] are on the stack.
    FinallyExc,
    HandlerCleanup,
}

struct Unit {
    scope: usize,
    code: Vec<u32>,
    locs: Vec<Location>,
    handlers: Vec<Option<Handler>>,
    consts: Vec<Constant>,
    names: Vec<String>,
    lp_names: Vec<String>,
    lp_kinds: Vec<u8>,
    labels: Vec<Option<usize>>,
    /// (word index, label) of jumps to patch.
    fixups: Vec<(usize, usize)>,
    handler_stack: Vec<Handler>,
    blocks: Vec<Block>,
    depth: u32,
    name: String,
    qualname: String,
    first_line: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    flags: u32,
    has_docstring: bool,
    loc: Location,
}

pub struct Compiler<'a> {
    st: &'a SymbolTable,
    units: Vec<Unit>,
    index: LineIndex,
    source: &'a str,
    pub filename: String,
    optimize: u8,
    interactive: bool,
}

fn cerr<T>(msg: impl Into<String>, r: TextRange) -> CResult<T> {
    Err((msg.into(), r))
}

impl<'a> Compiler<'a> {
    pub fn new(st: &'a SymbolTable, source: &'a str, filename: &str, optimize: u8, interactive: bool) -> Self {
        Compiler {
            st,
            units: vec![],
            index: LineIndex::from_source_text(source),
            source,
            filename: filename.to_owned(),
            optimize,
            interactive,
        }
    }

    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }

    fn location(&self, r: TextRange) -> Location {
        let s = self.index.line_column(r.start(), self.source);
        let e = self.index.line_column(r.end(), self.source);
        // ruff's columns are 1-based characters; CPython's are 0-based UTF-8 bytes.
        let line_start = |l: ruff_source_file::OneIndexed| self.index.line_start(l, self.source);
        let scol = (r.start() - line_start(s.line)).to_u32();
        let ecol = (r.end() - line_start(e.line)).to_u32();
        Location { line: s.line.get() as u32, end_line: e.line.get() as u32, col: scol, end_col: ecol }
    }

    fn set_loc(&mut self, r: TextRange) {
        let l = self.location(r);
        self.u().loc = l;
    }

    fn enter(&mut self, scope: usize, name: &str, qualname: String, first_line: u32) {
        let s = &self.st.scopes[scope];
        let mut lp_names = vec![];
        let mut lp_kinds = vec![];
        let is_func = s.is_function_like();
        if is_func {
            for p in &s.params {
                lp_names.push(p.clone());
                lp_kinds.push(fast::LOCAL | if s.cells.contains(p) { fast::CELL } else { 0 });
            }
            for a in &s.assigned {
                if !lp_names.contains(a) && s.resolve(a) == Resolved::Local {
                    lp_names.push(a.clone());
                    lp_kinds.push(fast::LOCAL);
                }
            }
        }
        for c in &s.cells {
            if !lp_names.contains(c) {
                lp_names.push(c.clone());
                lp_kinds.push(fast::CELL);
            }
        }
        if s.kind == ScopeKind::Class && s.children.iter().any(|&c| self.st.scopes[c].frees.contains(&"__class__".to_string())) {
            if !lp_names.contains(&"__class__".to_string()) {
                lp_names.push("__class__".into());
                lp_kinds.push(fast::CELL);
            }
        }
        for f in &s.frees {
            if s.kind == ScopeKind::Class && f == "__class__" {
                continue;
            }
            lp_names.push(f.clone());
            lp_kinds.push(fast::FREE);
        }
        let mut fl = 0;
        if is_func {
            fl |= flags::OPTIMIZED | flags::NEWLOCALS;
        }
        if s.is_generator && s.is_coroutine {
            fl |= flags::ASYNC_GENERATOR;
        } else if s.is_generator {
            fl |= flags::GENERATOR;
        } else if s.is_coroutine {
            fl |= flags::COROUTINE;
        }
        if !s.frees.is_empty() {
            fl |= flags::NESTED;
        }
        self.units.push(Unit {
            scope,
            code: vec![],
            locs: vec![],
            handlers: vec![],
            consts: vec![],
            names: vec![],
            lp_names,
            lp_kinds,
            labels: vec![],
            fixups: vec![],
            handler_stack: vec![],
            blocks: vec![],
            depth: 0,
            name: name.to_owned(),
            qualname,
            first_line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: fl,
            has_docstring: false,
            loc: Location { line: first_line, end_line: first_line, col: 0, end_col: 0 },
        });
        // Prologue: cells and free variables.
        let n = self.u().lp_kinds.len();
        for i in 0..n {
            if self.u().lp_kinds[i] & fast::CELL != 0 {
                self.emit(Opcode::MAKE_CELL, i as u32);
            }
        }
        let nfree = self.u().lp_kinds.iter().filter(|k| **k & fast::FREE != 0).count();
        if nfree > 0 {
            self.emit(Opcode::COPY_FREE_VARS, nfree as u32);
        }
        self.emit(Opcode::RESUME, 0);
    }

    fn emit(&mut self, op: Opcode, arg: u32) -> usize {
        let u = self.u();
        let at = u.code.len();
        let h = u.handler_stack.last().copied();
        let loc = u.loc;
        u.code.push(encode(op, arg));
        u.locs.push(loc);
        u.handlers.push(h);
        for _ in 0..op.cache_entries() {
            u.code.push(0);
            u.locs.push(loc);
            u.handlers.push(h);
        }
        at
    }

    fn new_label(&mut self) -> usize {
        let u = self.u();
        u.labels.push(None);
        u.labels.len() - 1
    }

    fn bind_label(&mut self, l: usize) {
        let u = self.u();
        u.labels[l] = Some(u.code.len());
    }

    fn jump(&mut self, op: Opcode, l: usize) {
        let at = self.emit(op, 0);
        self.u().fixups.push((at, l));
    }

    fn push_handler(&mut self, label: usize, depth: u32, lasti: bool) {
        self.u().handler_stack.push(Handler { label, depth, lasti });
    }

    fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    fn const_idx(&mut self, c: Constant) -> u32 {
        let u = self.u();
        if let Some(i) = u.consts.iter().position(|x| same_const(x, &c)) {
            return i as u32;
        }
        u.consts.push(c);
        (u.consts.len() - 1) as u32
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.const_idx(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    fn name_idx(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names.iter().position(|x| x == n) {
            return i as u32;
        }
        u.names.push(n.to_owned());
        (u.names.len() - 1) as u32
    }

    fn lp_idx(&self, n: &str) -> u32 {
        let u = self.units.last().unwrap();
        u.lp_names.iter().position(|x| x == n).expect("local slot") as u32
    }

    /// Private name mangling inside class bodies.
    fn mangle(&self, name: &str) -> String {
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.to_owned();
        }
        // Nearest enclosing class.
        for u in self.units.iter().rev() {
            let s = &self.st.scopes[u.scope];
            if s.kind == ScopeKind::Class {
                let cls = s.name.trim_start_matches('_');
                if cls.is_empty() {
                    return name.to_owned();
                }
                return format!("_{}{}", cls, name);
            }
        }
        name.to_owned()
    }

    fn load_name(&mut self, name: &str) {
        let name = self.mangle(name);
        let scope = &self.st.scopes[self.u().scope];
        match scope.resolve(&name) {
            Resolved::Local => {
                let i = self.lp_idx(&name);
                self.emit(Opcode::LOAD_FAST, i);
            }
            Resolved::Cell | Resolved::Free => {
                let i = self.lp_idx(&name);
                if scope.kind == ScopeKind::Class {
                    self.emit(Opcode::LOAD_CLASSDEREF, i);
                } else {
                    self.emit(Opcode::LOAD_DEREF, i);
                }
            }
            Resolved::GlobalExplicit | Resolved::GlobalImplicit => {
                if scope.kind == ScopeKind::Module || (scope.kind == ScopeKind::Class && matches!(scope.resolve(&name), Resolved::GlobalImplicit)) {
                    let i = self.name_idx(&name);
                    self.emit(Opcode::LOAD_NAME, i);
                } else {
                    let i = self.name_idx(&name);
                    self.emit(Opcode::LOAD_GLOBAL, i << 1);
                }
            }
            Resolved::Name => {
                let i = self.name_idx(&name);
                self.emit(Opcode::LOAD_NAME, i);
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let name = self.mangle(name);
        let scope = &self.st.scopes[self.u().scope];
        match scope.resolve(&name) {
            Resolved::Local => {
                let i = self.lp_idx(&name);
                self.emit(Opcode::STORE_FAST, i);
            }
            Resolved::Cell | Resolved::Free => {
                let i = self.lp_idx(&name);
                self.emit(Opcode::STORE_DEREF, i);
            }
            Resolved::GlobalExplicit => {
                let i = self.name_idx(&name);
                self.emit(Opcode::STORE_GLOBAL, i);
            }
            Resolved::GlobalImplicit | Resolved::Name => {
                let i = self.name_idx(&name);
                if scope.is_function_like() {
                    self.emit(Opcode::STORE_GLOBAL, i);
                } else {
                    self.emit(Opcode::STORE_NAME, i);
                }
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let name = self.mangle(name);
        let scope = &self.st.scopes[self.u().scope];
        match scope.resolve(&name) {
            Resolved::Local => {
                let i = self.lp_idx(&name);
                self.emit(Opcode::DELETE_FAST, i);
            }
            Resolved::Cell | Resolved::Free => {
                let i = self.lp_idx(&name);
                self.emit(Opcode::DELETE_DEREF, i);
            }
            Resolved::GlobalExplicit => {
                let i = self.name_idx(&name);
                self.emit(Opcode::DELETE_GLOBAL, i);
            }
            Resolved::GlobalImplicit | Resolved::Name => {
                let i = self.name_idx(&name);
                if scope.is_function_like() {
                    self.emit(Opcode::DELETE_GLOBAL, i);
                } else {
                    self.emit(Opcode::DELETE_NAME, i);
                }
            }
        }
    }

    /// Finishes the current unit into a CodeUnit.
    fn finish(&mut self) -> CodeUnit {
        let mut u = self.units.pop().unwrap();
        // Patch jumps.
        for (at, l) in std::mem::take(&mut u.fixups) {
            let target = u.labels[l].expect("unbound label") as u32;
            let (op, _) = krait_bytecode::decode(u.code[at]);
            u.code[at] = (op as u32) | (target << 8);
        }
        // Exception table from per-word handlers.
        let mut table: Vec<ExceptionEntry> = vec![];
        let mut i = 0;
        while i < u.handlers.len() {
            if let Some(h) = u.handlers[i] {
                let start = i;
                while i < u.handlers.len() && u.handlers[i] == Some(h) {
                    i += 1;
                }
                table.push(ExceptionEntry {
                    start: start as u32,
                    end: i as u32,
                    target: u.labels[h.label].expect("unbound handler") as u32,
                    depth: h.depth,
                    push_lasti: h.lasti,
                });
            } else {
                i += 1;
            }
        }
        let stacksize = crate::stack_depth::max_depth(&u.code, &table);
        let s = &self.st.scopes[u.scope];
        let mut fl = u.flags;
        if s.frees.is_empty() && s.cells.is_empty() {
            fl |= flags::NOFREE;
        }
        CodeUnit {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: fl,
            code: u.code,
            locations: u.locs,
            constants: u.consts,
            names: u.names,
            localsplus_names: u.lp_names,
            localsplus_kinds: u.lp_kinds,
            exception_table: table,
            stacksize,
            has_docstring: u.has_docstring,
        }
    }

    // -----------------------------------------------------------------------
    // Modules.

    pub fn module(&mut self, body: &[Stmt]) -> CResult<CodeUnit> {
        self.enter(0, "<module>", "<module>".into(), 1);
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            if !self.interactive {
                if self.optimize < 2 {
                    self.load_const(Constant::Str(doc));
                    let i = self.name_idx("__doc__");
                    self.emit(Opcode::STORE_NAME, i);
                }
                rest = &body[1..];
            }
        }
        if has_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        for s in rest {
            self.stmt(s)?;
        }
        self.load_const(Constant::None);
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(self.finish())
    }

    pub fn expression(&mut self, e: &Expr) -> CResult<CodeUnit> {
        self.enter(0, "<module>", "<module>".into(), 1);
        self.expr(e)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(self.finish())
    }

    // -----------------------------------------------------------------------
    // Statements.

    fn body(&mut self, b: &[Stmt]) -> CResult<()> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.set_loc(s.range());
        match s {
            Stmt::Expr(e) => {
                if self.interactive && self.u().scope == 0 {
                    self.expr(&e.value)?;
                    self.emit(Opcode::PRINT_EXPR, 0);
                } else if is_constant_expr(&e.value) {
                    // A bare constant does nothing.
                } else {
                    self.expr(&e.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::NOP, 0);
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.assign_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.assign_target(&a.target)?;
                }
                if let Expr::Name(n) = &*a.target {
                    if a.simple && !self.st.scopes[self.u().scope].is_function_like() {
                        self.expr(&a.annotation)?;
                        let ann = self.name_idx("__annotations__");
                        self.emit(Opcode::LOAD_NAME, ann);
                        self.load_const(Constant::Str(self.mangle(n.id.as_str())));
                        self.emit(Opcode::STORE_SUBSCR, 0);
                    }
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::If(i) => {
                let end = self.new_label();
                let mut next = self.new_label();
                self.cond_jump(&i.test, false, next)?;
                self.body(&i.body)?;
                if !i.elif_else_clauses.is_empty() {
                    self.jump(Opcode::JUMP_FORWARD, end);
                }
                for (k, c) in i.elif_else_clauses.iter().enumerate() {
                    self.bind_label(next);
                    next = self.new_label();
                    if let Some(t) = &c.test {
                        self.set_loc(t.range());
                        self.cond_jump(t, false, next)?;
                    }
                    self.body(&c.body)?;
                    if k + 1 < i.elif_else_clauses.len() {
                        self.jump(Opcode::JUMP_FORWARD, end);
                    }
                }
                self.bind_label(next);
                self.bind_label(end);
            }
            Stmt::While(w) => {
                let top = self.new_label();
                let brk = self.new_label();
                let orelse = self.new_label();
                self.bind_label(top);
                self.cond_jump(&w.test, false, orelse)?;
                self.u().blocks.push(Block::Loop { cont: top, brk, for_loop: false });
                self.body(&w.body)?;
                self.u().blocks.pop();
                self.set_loc(w.range());
                self.jump(Opcode::JUMP_BACKWARD, top);
                self.bind_label(orelse);
                self.body(&w.orelse)?;
                self.bind_label(brk);
            }
            Stmt::For(f) => {
                if f.is_async {
                    return cerr("'async for' is not supported by krait's compiler yet", f.range);
                }
                let top = self.new_label();
                let exit = self.new_label();
                let brk = self.new_label();
                self.expr(&f.iter)?;
                self.emit(Opcode::GET_ITER, 0);
                self.u().depth += 1;
                self.bind_label(top);
                self.set_loc(f.target.range());
                self.jump(Opcode::FOR_ITER, exit);
                self.assign_target(&f.target)?;
                self.u().blocks.push(Block::Loop { cont: top, brk, for_loop: true });
                self.body(&f.body)?;
                self.u().blocks.pop();
                self.set_loc(f.range());
                self.jump(Opcode::JUMP_BACKWARD, top);
                self.bind_label(exit);
                self.u().depth -= 1;
                self.body(&f.orelse)?;
                self.bind_label(brk);
            }
            Stmt::Break(b) => self.unwind_loop(true, b.range)?,
            Stmt::Continue(c) => self.unwind_loop(false, c.range)?,
            Stmt::Return(r) => {
                if !self.st.scopes[self.u().scope].is_function_like() {
                    return cerr("'return' outside function", r.range);
                }
                match &r.value {
                    Some(v) => {
                        if self.st.scopes[self.u().scope].is_generator && self.st.scopes[self.u().scope].is_coroutine {
                            return cerr("'return' with value in async generator", r.range);
                        }
                        self.expr(v)?;
                    }
                    None => self.load_const(Constant::None),
                }
                self.unwind_all_for_return()?;
                self.set_loc(r.range);
                self.emit(Opcode::RETURN_VALUE, 0);
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(r.range);
                self.emit(Opcode::RAISE_VARARGS, n);
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return cerr("except* is not supported by krait's compiler yet", t.range);
                }
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    return cerr("'async with' is not supported by krait's compiler yet", w.range);
                }
                self.with(&w.items, &w.body, w.range)?;
            }
            Stmt::Assert(a) => {
                if self.optimize == 0 {
                    let end = self.new_label();
                    self.cond_jump(&a.test, true, end)?;
                    self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                    if let Some(m) = &a.msg {
                        self.emit(Opcode::PUSH_NULL, 0);
                        self.emit(Opcode::SWAP, 2);
                        self.expr(m)?;
                        self.emit(Opcode::CALL, 1);
                    }
                    self.set_loc(a.range);
                    self.emit(Opcode::RAISE_VARARGS, 1);
                    self.bind_label(end);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let ni = self.name_idx(a.name.as_str());
                    self.emit(Opcode::IMPORT_NAME, ni);
                    match &a.asname {
                        Some(asn) => {
                            let parts: Vec<&str> = a.name.as_str().split('.').collect();
                            for p in &parts[1..] {
                                let pi = self.name_idx(p);
                                self.emit(Opcode::IMPORT_FROM, pi);
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                            self.store_name(asn.as_str());
                        }
                        None => {
                            let top = a.name.as_str().split('.').next().unwrap().to_owned();
                            self.store_name(&top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                self.load_const(Constant::Int(i.level as i64));
                let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.as_str().to_owned())).collect();
                self.load_const(Constant::Tuple(names));
                let m = i.module.as_ref().map(|m| m.as_str().to_owned()).unwrap_or_default();
                let mi = self.name_idx(&m);
                self.emit(Opcode::IMPORT_NAME, mi);
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Opcode::IMPORT_STAR, 0);
                } else {
                    for a in &i.names {
                        let ni = self.name_idx(a.name.as_str());
                        self.emit(Opcode::IMPORT_FROM, ni);
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name).as_str());
                    }
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(m) => return cerr("the match statement is not supported by krait's compiler yet", m.range),
            Stmt::TypeAlias(t) => return cerr("invalid syntax", t.range),
            Stmt::IpyEscapeCommand(t) => return cerr("invalid syntax", t.range),
        }
        Ok(())
    }

    fn unwind_loop(&mut self, is_break: bool, r: TextRange) -> CResult<()> {
        // Walk blocks inward-out until the loop, running cleanups.
        let mut i = self.u().blocks.len();
        loop {
            if i == 0 {
                return cerr(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, r);
            }
            i -= 1;
            match &self.u().blocks[i] {
                Block::Loop { cont, brk, for_loop } => {
                    let (cont, brk, for_loop) = (*cont, *brk, *for_loop);
                    if is_break {
                        if for_loop {
                            self.emit(Opcode::POP_TOP, 0);
                        }
                        self.jump(Opcode::JUMP_FORWARD, brk);
                    } else {
                        self.jump(Opcode::JUMP_BACKWARD, cont);
                    }
                    return Ok(());
                }
                _ => self.run_block_cleanup(i, false)?,
            }
        }
    }

    fn unwind_all_for_return(&mut self) -> CResult<()> {
        let n = self.u().blocks.len();
        for i in (0..n).rev() {
            if let Block::Loop { for_loop: true, .. } = self.u().blocks[i] {
                // Keep the return value on top: drop the iterator under it.
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::POP_TOP, 0);
            } else if !matches!(self.u().blocks[i], Block::Loop { .. }) {
                self.run_block_cleanup(i, true)?;
            }
        }
        Ok(())
    }

    /// Code for leaving block `i` early (break/continue/return). With
    /// `preserve_top`, a return value on top of the stack is kept.
    fn run_block_cleanup(&mut self, i: usize, preserve_top: bool) -> CResult<()> {
        let saved_handlers = self.u().handler_stack.clone();
        let block = std::mem::replace(&mut self.u().blocks[i], Block::HandlerCleanup);
        // Cleanup code runs outside the handlers of the blocks it leaves.
        let keep = handlers_outside(&self.units.last().unwrap().blocks, i, &saved_handlers);
        self.u().handler_stack = keep;
        let r = (|| {
            match &block {
                Block::Finally(body) => {
                    let body = body.clone();
                    let saved_blocks: Vec<Block> = self.u().blocks.drain(i..).collect();
                    self.body(&body)?;
                    self.u().blocks.extend(saved_blocks);
                }
                Block::With { .. } => {
                    if preserve_top {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.load_const(Constant::None);
                    self.load_const(Constant::None);
                    self.load_const(Constant::None);
                    self.emit(Opcode::CALL, 2);
                    self.emit(Opcode::POP_TOP, 0);
                }
                Block::FinallyExc => {
                    if preserve_top {
                        // [lasti, prev, exc, value] → [value], prev restored.
                        self.emit(Opcode::SWAP, 2);
                        self.emit(Opcode::POP_TOP, 0);
                        self.emit(Opcode::SWAP, 2);
                        self.emit(Opcode::POP_EXCEPT, 0);
                        self.emit(Opcode::SWAP, 2);
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.emit(Opcode::POP_TOP, 0);
                        self.emit(Opcode::POP_EXCEPT, 0);
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                Block::ExceptBody { named } => {
                    if preserve_top {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.emit(Opcode::POP_EXCEPT, 0);
                    if let Some(n) = named {
                        let n = n.clone();
                        self.load_const(Constant::None);
                        self.store_name(&n);
                        self.delete_name(&n);
                    }
                }
                _ => {}
            }
            Ok(())
        })();
        self.u().blocks[i] = block;
        self.u().handler_stack = saved_handlers;
        r
    }

    fn cond_jump(&mut self, test: &Expr, jump_if: bool, target: usize) -> CResult<()> {
        match test {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.cond_jump(&u.operand, !jump_if, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                // and: jump-if-false on any false; or: jump-if-true on any true.
                if is_and != jump_if {
                    for v in &b.values {
                        self.cond_jump(v, jump_if, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let n = b.values.len();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(v, !jump_if, skip)?;
                        } else {
                            self.cond_jump(v, jump_if, target)?;
                        }
                    }
                    self.bind_label(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(test)?;
        self.jump(if jump_if { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, target);
        Ok(())
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> CResult<()> {
        let op = inplace_op(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BINARY_OP, op as u32);
                self.store_name(n.id.as_str());
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Opcode::COPY, 1);
                let i = self.name_idx(&self.mangle(at.attr.as_str()));
                self.emit(Opcode::LOAD_ATTR, i);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BINARY_OP, op as u32);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BINARY_OP, op as u32);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            other => return cerr("'expression' is an illegal expression for augmented assignment", other.range()),
        }
        Ok(())
    }

    fn assign_target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.store_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_idx(&self.mangle(a.attr.as_str()));
                self.emit(Opcode::STORE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    Some(si) => {
                        if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                            return cerr("multiple starred expressions in assignment", t.range());
                        }
                        let after = elts.len() - si - 1;
                        self.emit(Opcode::UNPACK_EX, (si as u32) | ((after as u32) << 8));
                    }
                    None => {
                        self.emit(Opcode::UNPACK_SEQUENCE, elts.len() as u32);
                    }
                }
                for e in elts.iter() {
                    match e {
                        Expr::Starred(s) => self.assign_target(&s.value)?,
                        other => self.assign_target(other)?,
                    }
                }
            }
            Expr::Starred(s) => return cerr("starred assignment target must be in a list or tuple", s.range),
            other => return cerr(format!("cannot assign to {}", describe(other)), other.range()),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.delete_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_idx(&self.mangle(a.attr.as_str()));
                self.emit(Opcode::DELETE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts.iter() {
                    self.delete_target(e)?;
                }
            }
            other => return cerr(format!("cannot delete {}", describe(other)), other.range()),
        }
        Ok(())
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let depth = self.u().depth;
        self.push_handler(handler, depth, false);
        self.body(&t.body)?;
        self.pop_handler();
        self.body(&t.orelse)?;
        self.jump(Opcode::JUMP_FORWARD, end);
        // Handlers: stack [exc]; PUSH_EXC_INFO makes [prev, exc].
        self.bind_label(handler);
        // After PUSH_EXC_INFO the previous exception stays below: depth + 1.
        self.push_handler(cleanup, depth + 1, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.jump(Opcode::POP_JUMP_IF_FALSE, next);
            }
            match &h.name {
                Some(n) => {
                    self.store_name(n.as_str());
                    // The body runs under a handler that clears the name.
                    let named_cleanup = self.new_label();
                    self.u().depth = depth + 1;
                    self.push_handler(named_cleanup, depth + 1, true);
                    self.u().blocks.push(Block::ExceptBody { named: Some(n.as_str().to_owned()) });
                    self.body(&h.body)?;
                    self.u().blocks.pop();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.load_const(Constant::None);
                    self.store_name(n.as_str());
                    self.delete_name(n.as_str());
                    self.jump(Opcode::JUMP_FORWARD, end);
                    // Exception inside the named body: clear the name, re-raise.
                    self.bind_label(named_cleanup);
                    self.load_const(Constant::None);
                    self.store_name(n.as_str());
                    self.delete_name(n.as_str());
                    self.emit(Opcode::RERAISE, 1);
                }
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                    self.u().depth = depth + 1;
                    self.u().blocks.push(Block::ExceptBody { named: None });
                    self.body(&h.body)?;
                    self.u().blocks.pop();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.jump(Opcode::JUMP_FORWARD, end);
                }
            }
            self.u().depth = depth;
            self.bind_label(next);
        }
        // No handler matched: re-raise with the original traceback.
        self.emit(Opcode::RERAISE, 0);
        self.pop_handler();
        // Cleanup: [prev, lasti, exc2] → restore prev, re-raise exc2.
        self.bind_label(cleanup);
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
        self.bind_label(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let depth = self.u().depth;
        self.push_handler(handler, depth, true);
        self.u().blocks.push(Block::Finally(t.finalbody.to_vec()));
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.u().blocks.pop();
        self.pop_handler();
        // Normal path.
        self.body(&t.finalbody)?;
        self.jump(Opcode::JUMP_FORWARD, end);
        // Exceptional path: [lasti, exc] → PUSH_EXC_INFO → [lasti, prev, exc].
        self.bind_label(handler);
        // [lasti, prev] stay below while the finally body runs.
        self.push_handler(cleanup, depth + 2, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().depth = depth + 3;
        self.u().blocks.push(Block::FinallyExc);
        self.body(&t.finalbody)?;
        self.u().blocks.pop();
        self.u().depth = depth;
        self.emit(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind_label(cleanup);
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
        self.bind_label(end);
        Ok(())
    }

    fn with(&mut self, items: &[ast::WithItem], body: &[Stmt], r: TextRange) -> CResult<()> {
        let item = &items[0];
        let handler = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(r);
        self.emit(Opcode::BEFORE_WITH, 0);
        // Stack: [exit, enter_result]
        let depth = self.u().depth + 1;
        self.u().depth = depth;
        self.push_handler(handler, depth, true);
        match &item.optional_vars {
            Some(v) => self.assign_target(v)?,
            None => {
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        self.u().blocks.push(Block::With { is_async: false });
        if items.len() > 1 {
            self.with(&items[1..], body, r)?;
        } else {
            self.body(body)?;
        }
        self.u().blocks.pop();
        self.pop_handler();
        // Normal exit: exit(None, None, None).
        self.set_loc(r);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::CALL, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Opcode::JUMP_FORWARD, end);
        // Exceptional exit: [exit, lasti, exc] → [exit, lasti, prev, exc].
        self.bind_label(handler);
        // [exit, lasti, prev] stay below while __exit__ runs.
        self.push_handler(cleanup, depth + 2, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        let suppress = self.new_label();
        self.jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 2);
        self.bind_label(suppress);
        self.pop_handler();
        // [exit, lasti, prev, exc]: drop exc, restore prev, drop lasti and exit.
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Opcode::JUMP_FORWARD, end);
        self.bind_label(cleanup);
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
        self.bind_label(end);
        self.u().depth = depth - 1;
        Ok(())
    }

    // -----------------------------------------------------------------------
    // Functions and classes.

    fn qualname_for(&self, name: &str, child: usize) -> String {
        let parent = self.units.last().unwrap();
        let ps = &self.st.scopes[parent.scope];
        let _ = child;
        match ps.kind {
            ScopeKind::Module => name.to_owned(),
            ScopeKind::Class => format!("{}.{}", parent.qualname, name),
            _ => format!("{}.<locals>.{}", parent.qualname, name),
        }
    }

    /// Emits defaults/kwdefaults/annotations, compiles the body into a code
    /// constant and emits MAKE_FUNCTION. Returns nothing; the function is on TOS.
    fn make_function(
        &mut self,
        scope: usize,
        name: &str,
        params: Option<&ast::Parameters>,
        returns: Option<&Expr>,
        r: TextRange,
        gen_body: &mut dyn FnMut(&mut Self) -> CResult<()>,
        docstring: Option<String>,
    ) -> CResult<()> {
        let mut fl = 0;
        if let Some(p) = params {
            let defaults: Vec<&Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
            if !defaults.is_empty() {
                for d in &defaults {
                    self.expr(d)?;
                }
                self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
                fl |= 1;
            }
            let kwd: Vec<(&str, &Expr)> = p
                .kwonlyargs
                .iter()
                .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
                .collect();
            if !kwd.is_empty() {
                for (n, d) in &kwd {
                    self.load_const(Constant::Str(self.mangle(n)));
                    self.expr(d)?;
                }
                self.emit(Opcode::BUILD_MAP, kwd.len() as u32);
                fl |= 2;
            }
            let mut anns: Vec<(String, &Expr)> = vec![];
            for a in p.posonlyargs.iter().chain(p.args.iter()) {
                if let Some(an) = &a.parameter.annotation {
                    anns.push((a.parameter.name.as_str().to_owned(), an));
                }
            }
            if let Some(v) = &p.vararg {
                if let Some(an) = &v.annotation {
                    anns.push((v.name.as_str().to_owned(), an));
                }
            }
            for a in p.kwonlyargs.iter() {
                if let Some(an) = &a.parameter.annotation {
                    anns.push((a.parameter.name.as_str().to_owned(), an));
                }
            }
            if let Some(k) = &p.kwarg {
                if let Some(an) = &k.annotation {
                    anns.push((k.name.as_str().to_owned(), an));
                }
            }
            if let Some(r) = returns {
                anns.push(("return".to_owned(), r));
            }
            if !anns.is_empty() {
                for (n, an) in &anns {
                    self.load_const(Constant::Str(n.clone()));
                    self.expr(an)?;
                }
                self.emit(Opcode::BUILD_TUPLE, 2 * anns.len() as u32);
                fl |= 4;
            }
        }
        let qual = self.qualname_for(name, scope);
        let first_line = self.location(r).line;
        self.enter(scope, name, qual, first_line);
        if let Some(p) = params {
            self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            self.u().posonly = p.posonlyargs.len() as u32;
            self.u().kwonly = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                self.u().flags |= flags::VARARGS;
            }
            if p.kwarg.is_some() {
                self.u().flags |= flags::VARKEYWORDS;
            }
        }
        if let Some(d) = docstring {
            self.u().consts.push(Constant::Str(d));
            self.u().has_docstring = true;
        }
        gen_body(self)?;
        let unit = self.finish();
        // Closure: the cells this code's free variables refer to.
        let frees: Vec<String> = self.st.scopes[scope].frees.clone();
        if !frees.is_empty() {
            for f in &frees {
                let i = self.units.last().unwrap().lp_names.iter().position(|x| x == f).expect("closure cell") as u32;
                self.emit(Opcode::LOAD_CLOSURE, i);
            }
            self.emit(Opcode::BUILD_TUPLE, frees.len() as u32);
            fl |= 8;
        }
        self.load_const(Constant::Code(Arc::new(unit)));
        self.emit(Opcode::MAKE_FUNCTION, fl);
        Ok(())
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> CResult<()> {
        let scope = *self.st.by_node.get(&f.range.start().to_u32()).expect("function scope");
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let doc = if self.optimize >= 2 { None } else { docstring(&f.body) };
        let body_stmts: Vec<Stmt> = if docstring(&f.body).is_some() { f.body[1..].to_vec() } else { f.body.to_vec() };
        let range = f.range;
        self.make_function(
            scope,
            f.name.as_str(),
            Some(&f.parameters),
            f.returns.as_deref(),
            range,
            &mut |c: &mut Self| {
                for s in &body_stmts {
                    c.stmt(s)?;
                }
                c.load_const(Constant::None);
                c.emit(Opcode::RETURN_VALUE, 0);
                Ok(())
            },
            doc,
        )?;
        for _ in &f.decorator_list {
            self.emit(Opcode::CALL, 0);
        }
        // Decorators: [dec1, dec2, func] → call from inside out.
        self.store_name(f.name.as_str());
        Ok(())
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> CResult<()> {
        let scope = *self.st.by_node.get(&c.range.start().to_u32()).expect("class scope");
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        let name = c.name.as_str().to_owned();
        let body = c.body.to_vec();
        let optimize = self.optimize;
        self.make_function(
            scope,
            &name,
            None,
            None,
            c.range,
            &mut |cc: &mut Self| {
                let mod_i = cc.name_idx("__name__");
                cc.emit(Opcode::LOAD_NAME, mod_i);
                let m = cc.name_idx("__module__");
                cc.emit(Opcode::STORE_NAME, m);
                let q = cc.u().qualname.clone();
                cc.load_const(Constant::Str(q));
                let qi = cc.name_idx("__qualname__");
                cc.emit(Opcode::STORE_NAME, qi);
                let mut rest: &[Stmt] = &body;
                if let Some(d) = docstring(&body) {
                    if optimize < 2 {
                        cc.load_const(Constant::Str(d));
                        let di = cc.name_idx("__doc__");
                        cc.emit(Opcode::STORE_NAME, di);
                    }
                    rest = &body[1..];
                }
                if has_annotations(&body) {
                    cc.emit(Opcode::SETUP_ANNOTATIONS, 0);
                }
                for s in rest {
                    cc.stmt(s)?;
                }
                let has_class_cell = cc.u().lp_names.iter().any(|n| n == "__class__");
                if has_class_cell {
                    let i = cc.lp_idx("__class__");
                    cc.emit(Opcode::LOAD_CLOSURE, i);
                    cc.emit(Opcode::COPY, 1);
                    let ci = cc.name_idx("__classcell__");
                    cc.emit(Opcode::STORE_NAME, ci);
                } else {
                    cc.load_const(Constant::None);
                }
                cc.emit(Opcode::RETURN_VALUE, 0);
                Ok(())
            },
            None,
        )?;
        self.load_const(Constant::Str(name.clone()));
        let mut nargs = 2;
        let mut kwnames = vec![];
        if let Some(a) = &c.arguments {
            for e in a.args.iter() {
                if let Expr::Starred(_) = e {
                    return cerr("star-args in class bases are not supported by krait's compiler yet", e.range());
                }
                self.expr(e)?;
                nargs += 1;
            }
            for k in a.keywords.iter() {
                match &k.arg {
                    Some(n) => {
                        self.expr(&k.value)?;
                        kwnames.push(Constant::Str(n.as_str().to_owned()));
                        nargs += 1;
                    }
                    None => return cerr("**kwargs in class definitions are not supported by krait's compiler yet", k.range),
                }
            }
        }
        if !kwnames.is_empty() {
            let ki = self.const_idx(Constant::Tuple(kwnames));
            self.emit(Opcode::KW_NAMES, ki);
        }
        self.set_loc(c.range);
        self.emit(Opcode::CALL, nargs);
        for _ in &c.decorator_list {
            self.emit(Opcode::CALL, 0);
        }
        self.store_name(&name);
        Ok(())
    }

    // -----------------------------------------------------------------------
    // Expressions.

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        let saved = self.u().loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.u().loc = saved;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::NumberLiteral(n) => {
                let c = number_const(&n.value);
                self.load_const(c);
            }
            Expr::StringLiteral(s) => {
                let c = str_const(s.value.to_str());
                self.load_const(c);
            }
            Expr::BytesLiteral(b) => {
                let v: Vec<u8> = b.value.bytes().collect();
                self.load_const(Constant::Bytes(v));
            }
            Expr::BooleanLiteral(b) => self.load_const(if b.value { Constant::True } else { Constant::False }),
            Expr::NoneLiteral(_) => self.load_const(Constant::None),
            Expr::EllipsisLiteral(_) => self.load_const(Constant::Ellipsis),
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    self.load_const(if self.optimize == 0 { Constant::True } else { Constant::False });
                } else {
                    self.load_name(n.id.as_str());
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binary_op(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                if u.op == ast::UnaryOp::USub {
                    if let Expr::NumberLiteral(n) = &*u.operand {
                        let c = negate(number_const(&n.value));
                        self.load_const(c);
                        return Ok(());
                    }
                }
                self.expr(&u.operand)?;
                self.emit(
                    match u.op {
                        ast::UnaryOp::Not => Opcode::UNARY_NOT,
                        ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                        ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                        ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                    },
                    0,
                );
            }
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = if b.op == ast::BoolOp::And { Opcode::JUMP_IF_FALSE_OR_POP } else { Opcode::JUMP_IF_TRUE_OR_POP };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.jump(op, end);
                    }
                }
                self.bind_label(end);
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                let n = c.ops.len();
                if n == 1 {
                    self.expr(&c.comparators[0])?;
                    self.set_loc(e.range());
                    self.compare_op(c.ops[0]);
                } else {
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    for i in 0..n {
                        self.expr(&c.comparators[i])?;
                        if i + 1 < n {
                            self.emit(Opcode::SWAP, 2);
                            self.emit(Opcode::COPY, 2);
                            self.compare_op(c.ops[i]);
                            self.jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
                        } else {
                            self.compare_op(c.ops[i]);
                        }
                    }
                    self.jump(Opcode::JUMP_FORWARD, end);
                    self.bind_label(cleanup);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::POP_TOP, 0);
                    self.bind_label(end);
                }
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(Opcode::JUMP_FORWARD, end);
                self.bind_label(orelse);
                self.expr(&i.orelse)?;
                self.bind_label(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                if let Expr::Name(nm) = &*n.target {
                    self.store_name(nm.id.as_str());
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(e.range());
                let i = self.name_idx(&self.mangle(a.attr.as_str()));
                self.emit(Opcode::LOAD_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(e.range());
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper] {
                    match x {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Constant::None),
                    }
                }
                match &s.step {
                    Some(v) => {
                        self.expr(v)?;
                        self.emit(Opcode::BUILD_SLICE, 3);
                    }
                    None => {
                        self.emit(Opcode::BUILD_SLICE, 2);
                    }
                }
            }
            Expr::Tuple(t) => {
                if let Some(c) = const_tuple(&t.elts) {
                    self.load_const(c);
                } else {
                    self.sequence(&t.elts, Opcode::BUILD_TUPLE)?;
                }
            }
            Expr::List(l) => self.sequence(&l.elts, Opcode::BUILD_LIST)?,
            Expr::Set(s) => self.sequence(&s.elts, Opcode::BUILD_SET)?,
            Expr::Dict(d) => {
                let mut n = 0;
                let mut built = false;
                for it in &d.items {
                    match &it.key {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(&it.value)?;
                            n += 1;
                        }
                        None => {
                            if !built {
                                self.emit(Opcode::BUILD_MAP, n);
                                built = true;
                            } else if n > 0 {
                                self.emit(Opcode::BUILD_MAP, n);
                                self.emit(Opcode::DICT_UPDATE, 1);
                            }
                            n = 0;
                            self.expr(&it.value)?;
                            self.emit(Opcode::DICT_UPDATE, 1);
                        }
                    }
                }
                if !built {
                    self.emit(Opcode::BUILD_MAP, n);
                } else if n > 0 {
                    self.emit(Opcode::BUILD_MAP, n);
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
            }
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::Lambda(l) => {
                let scope = *self.st.by_node.get(&l.range.start().to_u32()).expect("lambda scope");
                let body = (*l.body).clone();
                self.make_function(
                    scope,
                    "<lambda>",
                    l.parameters.as_deref(),
                    None,
                    l.range,
                    &mut |c: &mut Self| {
                        c.expr(&body)?;
                        c.emit(Opcode::RETURN_VALUE, 0);
                        Ok(())
                    },
                    None,
                )?;
            }
            Expr::ListComp(c) => self.comprehension(c.range, "<listcomp>", &c.generators, CompKind::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(c.range, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?,
            Expr::DictComp(c) => self.comprehension(c.range, "<dictcomp>", &c.generators, CompKind::Dict(c.key.as_deref().expect("dict comprehension key"), &c.value))?,
            Expr::Generator(c) => self.comprehension(c.range, "<genexpr>", &c.generators, CompKind::Gen(&c.elt))?,
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::RESUME, 1);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                let send = self.new_label();
                let exit = self.new_label();
                self.bind_label(send);
                self.jump(Opcode::SEND, exit);
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::RESUME, 2);
                self.jump(Opcode::JUMP_BACKWARD, send);
                self.bind_label(exit);
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                let send = self.new_label();
                let exit = self.new_label();
                self.bind_label(send);
                self.jump(Opcode::SEND, exit);
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::RESUME, 3);
                self.jump(Opcode::JUMP_BACKWARD, send);
                self.bind_label(exit);
            }
            Expr::Starred(s) => return cerr("can't use starred expression here", s.range),
            Expr::TString(t) => return cerr("invalid syntax", t.range),
            Expr::IpyEscapeCommand(t) => return cerr("invalid syntax", t.range),
        }
        Ok(())
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp::*;
        match op {
            Eq => self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32),
            NotEq => self.emit(Opcode::COMPARE_OP, CompareOp::Ne as u32),
            Lt => self.emit(Opcode::COMPARE_OP, CompareOp::Lt as u32),
            LtE => self.emit(Opcode::COMPARE_OP, CompareOp::Le as u32),
            Gt => self.emit(Opcode::COMPARE_OP, CompareOp::Gt as u32),
            GtE => self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32),
            Is => self.emit(Opcode::IS_OP, 0),
            IsNot => self.emit(Opcode::IS_OP, 1),
            In => self.emit(Opcode::CONTAINS_OP, 0),
            NotIn => self.emit(Opcode::CONTAINS_OP, 1),
        };
    }

    /// Builds a tuple/list/set, with `*x` unpacking.
    fn sequence(&mut self, elts: &[Expr], build: Opcode) -> CResult<()> {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        let (b, ext) = if build == Opcode::BUILD_SET { (Opcode::BUILD_SET, Opcode::SET_UPDATE) } else { (Opcode::BUILD_LIST, Opcode::LIST_EXTEND) };
        let add = if build == Opcode::BUILD_SET { Opcode::SET_ADD } else { Opcode::LIST_APPEND };
        self.emit(b, 0);
        for x in elts {
            match x {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(ext, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(add, 1);
                }
            }
        }
        if build == Opcode::BUILD_TUPLE {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn call(&mut self, c: &ast::ExprCall) -> CResult<()> {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none());
        // Method call form: obj.name(...) without unpacking.
        let is_method = matches!(&*c.func, Expr::Attribute(_)) && !has_star;
        if is_method {
            let Expr::Attribute(a) = &*c.func else { unreachable!() };
            self.expr(&a.value)?;
            self.set_loc(a.range);
            let i = self.name_idx(&self.mangle(a.attr.as_str()));
            self.emit(Opcode::LOAD_METHOD, i);
        } else {
            self.emit(Opcode::PUSH_NULL, 0);
            self.expr(&c.func)?;
        }
        if !has_star {
            for a in args.iter() {
                self.expr(a)?;
            }
            let mut names = vec![];
            for k in kws.iter() {
                self.expr(&k.value)?;
                names.push(Constant::Str(k.arg.as_ref().unwrap().as_str().to_owned()));
            }
            if !names.is_empty() {
                let ki = self.const_idx(Constant::Tuple(names));
                self.emit(Opcode::KW_NAMES, ki);
            }
            self.set_loc(c.range());
            self.emit(Opcode::CALL, (args.len() + kws.len()) as u32);
            return Ok(());
        }
        // *args / **kwargs: build a tuple and a dict.
        self.sequence(args, Opcode::BUILD_TUPLE)?;
        let mut has_kw = false;
        if !kws.is_empty() {
            self.emit(Opcode::BUILD_MAP, 0);
            has_kw = true;
            for k in kws.iter() {
                match &k.arg {
                    Some(n) => {
                        self.load_const(Constant::Str(n.as_str().to_owned()));
                        self.expr(&k.value)?;
                        self.emit(Opcode::BUILD_MAP, 1);
                        self.emit(Opcode::DICT_MERGE, 1);
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Opcode::DICT_MERGE, 1);
                    }
                }
            }
        }
        self.set_loc(c.range());
        self.emit(Opcode::CALL_FUNCTION_EX, has_kw as u32);
        Ok(())
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> CResult<()> {
        let mut n = 0;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    if !l.value.is_empty() {
                        self.load_const(str_const(&l.value));
                        n += 1;
                    }
                }
                ast::FStringPart::FString(fs) => {
                    n += self.fstring_elements(&fs.elements)?;
                }
            }
        }
        if n == 0 {
            self.load_const(Constant::Str(String::new()));
        } else if n > 1 {
            self.emit(Opcode::BUILD_STRING, n);
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> CResult<u32> {
        let mut n = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(str_const(&l.value));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &i.debug_text {
                        let text = format!("{}{}{}", d.leading(), &self.source[i.expression.range()], d.trailing());
                        self.load_const(Constant::Str(text));
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    let mut arg = conv;
                    if let Some(spec) = &i.format_spec {
                        let k = self.fstring_elements(&spec.elements)?;
                        if k == 0 {
                            self.load_const(Constant::Str(String::new()));
                        } else if k > 1 {
                            self.emit(Opcode::BUILD_STRING, k);
                        }
                        arg |= 4;
                    }
                    self.emit(Opcode::FORMAT_VALUE, arg);
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn comprehension(&mut self, r: TextRange, name: &str, gens: &[ast::Comprehension], kind: CompKind) -> CResult<()> {
        if gens.iter().any(|g| g.is_async) {
            return cerr("asynchronous comprehensions are not supported by krait's compiler yet", r);
        }
        let scope = *self.st.by_node.get(&r.start().to_u32()).expect("comprehension scope");
        let gens = gens.to_vec();
        let kind2 = kind.clone_exprs();
        self.make_function(
            scope,
            name,
            None,
            None,
            r,
            &mut |c: &mut Self| {
                c.u().argcount = 1;
                match &kind2 {
                    OwnedComp::List(_) => {
                        c.emit(Opcode::BUILD_LIST, 0);
                    }
                    OwnedComp::Set(_) => {
                        c.emit(Opcode::BUILD_SET, 0);
                    }
                    OwnedComp::Dict(..) => {
                        c.emit(Opcode::BUILD_MAP, 0);
                    }
                    OwnedComp::Gen(_) => {}
                }
                c.comp_gen(&gens, 0, &kind2, if matches!(kind2, OwnedComp::Gen(_)) { 0 } else { 1 })?;
                if matches!(kind2, OwnedComp::Gen(_)) {
                    c.load_const(Constant::None);
                }
                c.emit(Opcode::RETURN_VALUE, 0);
                Ok(())
            },
            None,
        )?;
        self.expr(&gens_first_iter(&gens))?;
        self.emit(Opcode::GET_ITER, 0);
        // [func, iter] → call with the iterator.
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::SWAP, 3);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::CALL, 1);
        Ok(())
    }

    fn comp_gen(&mut self, gens: &[ast::Comprehension], i: usize, kind: &OwnedComp, depth: u32) -> CResult<()> {
        let g = &gens[i];
        let top = self.new_label();
        let exit = self.new_label();
        if i == 0 {
            let z = self.lp_idx(".0");
            self.emit(Opcode::LOAD_FAST, z);
        } else {
            self.expr(&g.iter)?;
            self.emit(Opcode::GET_ITER, 0);
        }
        self.bind_label(top);
        self.jump(Opcode::FOR_ITER, exit);
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, top)?;
        }
        if i + 1 < gens.len() {
            self.comp_gen(gens, i + 1, kind, depth + 1)?;
        } else {
            let pos = depth + 1;
            match kind {
                OwnedComp::List(e) => {
                    self.expr(e)?;
                    self.emit(Opcode::LIST_APPEND, pos);
                }
                OwnedComp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Opcode::SET_ADD, pos);
                }
                OwnedComp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Opcode::MAP_ADD, pos);
                }
                OwnedComp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Opcode::YIELD_VALUE, 0);
                    self.emit(Opcode::RESUME, 1);
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
        }
        self.jump(Opcode::JUMP_BACKWARD, top);
        self.bind_label(exit);
        Ok(())
    }
}

fn gens_first_iter(gens: &[ast::Comprehension]) -> Expr {
    gens[0].iter.clone()
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

enum OwnedComp {
    List(Expr),
    Set(Expr),
    Dict(Expr, Expr),
    Gen(Expr),
}

impl CompKind<'_> {
    fn clone_exprs(&self) -> OwnedComp {
        match self {
            CompKind::List(e) => OwnedComp::List((*e).clone()),
            CompKind::Set(e) => OwnedComp::Set((*e).clone()),
            CompKind::Dict(k, v) => OwnedComp::Dict((*k).clone(), (*v).clone()),
            CompKind::Gen(e) => OwnedComp::Gen((*e).clone()),
        }
    }
}

/// The handlers that remain active when leaving blocks `i..` early.
fn handlers_outside(blocks: &[Block], i: usize, stack: &[Handler]) -> Vec<Handler> {
    // Each Finally/With/ExceptBody block at or after `i` pushed one handler.
    let pushed: usize = blocks[i..]
        .iter()
        .map(|b| match b {
            Block::Loop { .. } | Block::HandlerCleanup => 0,
            // The handler-cleanup region and, when named, the name-clearing one.
            Block::ExceptBody { named: Some(_) } => 2,
            _ => 1,
        })
        .sum();
    let keep = stack.len().saturating_sub(pushed);
    stack[..keep].to_vec()
}

fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Complex { real: a, imag: b }, Constant::Complex { real: c, imag: d }) => {
            a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
        }
        (Constant::Code(x), Constant::Code(y)) => Arc::ptr_eq(x, y),
        (Constant::Tuple(x), Constant::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q)),
        (Constant::True, Constant::True) | (Constant::False, Constant::False) | (Constant::None, Constant::None) => true,
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        _ => false,
    }
}

fn docstring(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Some(s.value.to_str().to_owned());
        }
    }
    None
}

fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => has_annotations(&t.body) || has_annotations(&t.orelse) || has_annotations(&t.finalbody),
        _ => false,
    })
}

fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) | Expr::BytesLiteral(_)
    )
}

fn const_of(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NumberLiteral(n) => number_const(&n.value),
        Expr::StringLiteral(s) => str_const(s.value.to_str()),
        Expr::BooleanLiteral(b) => if b.value { Constant::True } else { Constant::False },
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
            Expr::NumberLiteral(n) => negate(number_const(&n.value)),
            _ => return None,
        },
        Expr::Tuple(t) => const_tuple(&t.elts)?,
        _ => return None,
    })
}

fn const_tuple(elts: &[Expr]) -> Option<Constant> {
    let v: Option<Vec<Constant>> = elts.iter().map(const_of).collect();
    v.map(Constant::Tuple)
}

fn str_const(s: &str) -> Constant {
    // Lone surrogates arrive as U+FFFD from the parser; kept as text here.
    Constant::Str(s.to_owned())
}

fn number_const(n: &ast::Number) -> Constant {
    match n {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(crate::parse_big_int(&i.to_string())),
        },
        ast::Number::Float(f) => Constant::Float(*f),
        ast::Number::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
    }
}

fn negate(c: Constant) -> Constant {
    match c {
        Constant::Int(i) => match i.checked_neg() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(-num_bigint::BigInt::from(i)),
        },
        Constant::BigInt(b) => Constant::BigInt(-b),
        Constant::Float(f) => Constant::Float(-f),
        Constant::Complex { real, imag } => Constant::Complex { real: -real, imag: -imag },
        other => other,
    }
}

fn binary_op(op: ast::Operator) -> BinaryOp {
    use ast::Operator::*;
    match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Subtract,
        Mult => BinaryOp::Multiply,
        MatMult => BinaryOp::MatrixMultiply,
        Div => BinaryOp::TrueDivide,
        Mod => BinaryOp::Remainder,
        Pow => BinaryOp::Power,
        LShift => BinaryOp::Lshift,
        RShift => BinaryOp::Rshift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDivide,
    }
}

fn inplace_op(op: ast::Operator) -> BinaryOp {
    BinaryOp::from_u32(binary_op(op) as u32 + 13).unwrap()
}

fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::BooleanLiteral(_) => "literal",
        Expr::NoneLiteral(_) => "None",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        _ => "expression",
    }
}
