//! Code generation: AST to krait bytecode, one `Unit` per code body, with the
//! code shapes of CPython 3.11's compiler.
//!
//! Every emitted word records the exception handler active at that point (the
//! top of `handlers`, CPython's SETUP_*/POP_BLOCK pseudo-instructions); the
//! exception table is derived from those records at the end, so nested
//! handlers come out split and non-overlapping, innermost winning.

mod exceptions;
mod expr;
mod functions;
mod patterns;
mod stmt;
mod warnings;

use crate::symtable::{Kind, Scope, SymScope, SymbolTable};
use crate::CResult;
use krait_bytecode::{encode, fast, flags, CodeUnit, Constant, ExceptionEntry, Location, Opcode};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// CPython's CO_MAXBLOCKS.
const MAX_BLOCKS: usize = 20;
/// CPython's STACK_USE_GUIDELINE: above this, sequences are built incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

pub(crate) fn cerr<T>(msg: impl Into<String>, r: TextRange) -> CResult<T> {
    Err((msg.into(), r))
}

/// Private name mangling (`__x` in class `C` becomes `_C__x`).
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let cls = class_name.trim_start_matches('_');
    if cls.is_empty() {
        return name.to_owned();
    }
    format!("_{}{}", cls, name)
}

pub type Label = usize;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Handler {
    label: Label,
    depth: u32,
    lasti: bool,
}

/// CPython's fblock kinds: what `break`/`continue`/`return` must undo.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With { range: TextRange, is_async: bool },
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

pub(crate) struct Unit<'a> {
    scope: usize,
    code: Vec<u32>,
    locs: Vec<Location>,
    handlers_at: Vec<Option<Handler>>,
    consts: Vec<Constant>,
    names: Vec<String>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    labels: Vec<Option<usize>>,
    fixups: Vec<(usize, Label)>,
    handlers: Vec<Handler>,
    fblocks: Vec<FBlock<'a>>,
    /// Values on the stack at statement level (iterators, with exits, ...).
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
    /// The class whose name mangles private names here.
    private: Option<String>,
    /// Label of the PEP 479 handler of generator bodies.
    stop_iteration: Option<Label>,
}

pub struct Compiler<'a> {
    pub(crate) st: &'a SymbolTable,
    units: Vec<Unit<'a>>,
    pos: crate::positions::Positions<'a>,
    filename: String,
    optimize: u8,
    interactive: bool,
    pub(crate) future_flags: u32,
    allow_top_level_await: bool,
    /// SyntaxWarnings issued so far (message, where), in compile order.
    pub(crate) warnings: Vec<(String, TextRange)>,
}

impl<'a> Compiler<'a> {
    pub fn new(st: &'a SymbolTable, pos: crate::positions::Positions<'a>, filename: &str, opts: &crate::CompileOptions, interactive: bool, future_flags: u32) -> Self {
        Compiler {
            st,
            units: vec![],
            pos,
            filename: filename.to_owned(),
            optimize: opts.optimize,
            interactive,
            future_flags,
            allow_top_level_await: opts.allow_top_level_await,
            warnings: vec![],
        }
    }

    pub(crate) fn future_annotations(&self) -> bool {
        self.future_flags & flags::FUTURE_ANNOTATIONS != 0
    }

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn ur(&self) -> &Unit<'a> {
        self.units.last().unwrap()
    }

    pub(crate) fn scope(&self) -> &'a Scope {
        &self.st.scopes[self.ur().scope]
    }

    pub(crate) fn location(&self, r: TextRange) -> Location {
        self.pos.location(r)
    }

    pub(crate) fn set_loc(&mut self, r: TextRange) {
        let l = self.location(r);
        self.u().loc = l;
    }

    pub(crate) fn line_of(&self, r: TextRange) -> u32 {
        self.pos.line_of(r)
    }

    // -----------------------------------------------------------------------
    // Units.

    pub(crate) fn enter_scope(&mut self, scope: usize, name: &str, qualname: String, first_line: u32) {
        let s = &self.st.scopes[scope];
        let varnames = s.varnames();
        let cellvars = s.cellvars();
        let freevars = s.freevars();
        let mut fl = 0;
        if s.kind == Kind::Function {
            fl |= flags::OPTIMIZED | flags::NEWLOCALS;
            if let Some(p) = s.parent {
                if self.st.scopes[p].kind == Kind::Function || self.is_nested(p) {
                    fl |= flags::NESTED;
                }
            }
            if s.is_generator && s.is_coroutine {
                fl |= flags::ASYNC_GENERATOR;
            } else if s.is_generator {
                fl |= flags::GENERATOR;
            } else if s.is_coroutine {
                fl |= flags::COROUTINE;
            }
        }
        fl |= self.future_flags & 0x01fe_0000;
        let private = if s.kind == Kind::Class {
            Some(s.name.clone())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        self.units.push(Unit {
            scope,
            code: vec![],
            locs: vec![],
            handlers_at: vec![],
            consts: vec![],
            names: vec![],
            varnames,
            cellvars,
            freevars,
            labels: vec![],
            fixups: vec![],
            handlers: vec![],
            fblocks: vec![],
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
            private,
            stop_iteration: None,
        });
        // Prologue: cells, free variables, RESUME. In a generator or
        // coroutine it stands for CPython's RETURN_GENERATOR, whose position
        // has a line but no columns: an exception thrown into the unstarted
        // generator points there.
        let is_gen_scope = {
            let s = &self.st.scopes[scope];
            s.kind == Kind::Function && (s.is_generator || s.is_coroutine)
        };
        if is_gen_scope {
            self.u().loc = Location { line: first_line, end_line: first_line, col: Location::NO_COL, end_col: Location::NO_COL };
        }
        let nvars = self.ur().varnames.len();
        let cells: Vec<String> = self.ur().cellvars.clone();
        let mut extra = 0;
        for c in &cells {
            let idx = match self.ur().varnames.iter().position(|v| v == c) {
                Some(i) => i,
                None => {
                    extra += 1;
                    nvars + extra - 1
                }
            };
            self.emit(Opcode::MAKE_CELL, idx as u32);
        }
        let nfree = self.ur().freevars.len();
        if nfree > 0 {
            self.emit(Opcode::COPY_FREE_VARS, nfree as u32);
        }
        self.u().loc = if is_gen_scope {
            Location { line: first_line, end_line: first_line, col: Location::NO_COL, end_col: Location::NO_COL }
        } else {
            Location { line: first_line, end_line: first_line, col: 0, end_col: 0 }
        };
        self.emit(Opcode::RESUME, 0);
        let s = &self.st.scopes[scope];
        if s.kind == Kind::Function && (s.is_generator || s.is_coroutine) {
            // PEP 479: StopIteration escaping the body becomes RuntimeError.
            let l = self.new_label();
            self.u().stop_iteration = Some(l);
            self.push_handler(l, 0, true);
        }
    }

    fn is_nested(&self, scope: usize) -> bool {
        let mut p = self.st.scopes[scope].parent;
        while let Some(i) = p {
            if self.st.scopes[i].kind == Kind::Function {
                return true;
            }
            p = self.st.scopes[i].parent;
        }
        false
    }

    /// Index of a cell or free variable in localsplus.
    fn deref_index(&self, name: &str) -> u32 {
        self.deref_index_in(name, false)
    }

    /// With `free`, the free variable of that name: a class body whose
    /// methods need the implicit `__class__` cell can also read an
    /// enclosing `__class__`, and has both.
    fn deref_index_in(&self, name: &str, free: bool) -> u32 {
        let u = self.ur();
        let nvars = u.varnames.len();
        if free {
            if let Some(f) = u.freevars.iter().position(|v| v == name) {
                let extra = u.cellvars.iter().filter(|c| !u.varnames.contains(c)).count();
                return (nvars + extra + f) as u32;
            }
        }
        let mut extra = 0;
        for c in &u.cellvars {
            match u.varnames.iter().position(|v| v == c) {
                Some(i) => {
                    if c == name {
                        return i as u32;
                    }
                }
                None => {
                    if c == name {
                        return (nvars + extra) as u32;
                    }
                    extra += 1;
                }
            }
        }
        let f = u.freevars.iter().position(|v| v == name).unwrap_or_else(|| panic!("no cell or free variable {}", name));
        (nvars + extra + f) as u32
    }

    fn finish(&mut self) -> CodeUnit {
        if let Some(l) = self.ur().stop_iteration {
            self.pop_handler();
            self.bind_label(l);
            self.emit(Opcode::CALL_INTRINSIC_1, krait_bytecode::Intrinsic::StopIterationError as u32);
            self.emit(Opcode::RERAISE, 1);
        }
        let mut u = self.units.pop().unwrap();
        for (at, l) in std::mem::take(&mut u.fixups) {
            let target = u.labels[l].expect("unbound label") as u32;
            let (op, _) = krait_bytecode::decode(u.code[at]);
            u.code[at] = encode(Opcode::from_u8(op).unwrap(), target);
        }
        let mut table: Vec<ExceptionEntry> = vec![];
        let mut i = 0;
        while i < u.handlers_at.len() {
            if let Some(h) = u.handlers_at[i] {
                let start = i;
                while i < u.handlers_at.len() && u.handlers_at[i] == Some(h) {
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
        let mut names = u.varnames.clone();
        let mut kinds = vec![fast::LOCAL; names.len()];
        for c in &u.cellvars {
            match names.iter().position(|v| v == c) {
                Some(i) => kinds[i] |= fast::CELL,
                None => {
                    names.push(c.clone());
                    kinds.push(fast::CELL);
                }
            }
        }
        for f in &u.freevars {
            names.push(f.clone());
            kinds.push(fast::FREE);
        }
        CodeUnit {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            code: u.code,
            locations: u.locs,
            constants: u.consts,
            names: u.names,
            localsplus_names: names,
            localsplus_kinds: kinds,
            exception_table: table,
            stacksize,
            has_docstring: u.has_docstring,
        }
    }

    // -----------------------------------------------------------------------
    // Emitting.

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) -> usize {
        let u = self.u();
        let at = u.code.len();
        let h = u.handlers.last().copied();
        let loc = u.loc;
        u.code.push(encode(op, arg));
        u.locs.push(loc);
        u.handlers_at.push(h);
        for _ in 0..op.cache_entries() {
            u.code.push(0);
            u.locs.push(loc);
            u.handlers_at.push(h);
        }
        at
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(None);
        u.labels.len() - 1
    }

    pub(crate) fn bind_label(&mut self, l: Label) {
        let u = self.u();
        u.labels[l] = Some(u.code.len());
    }

    pub(crate) fn jump(&mut self, op: Opcode, l: Label) {
        let at = self.emit(op, 0);
        self.u().fixups.push((at, l));
    }

    /// SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH.
    pub(crate) fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) {
        self.u().handlers.push(Handler { label, depth, lasti });
    }

    /// POP_BLOCK.
    pub(crate) fn pop_handler(&mut self) {
        self.u().handlers.pop();
    }

    pub(crate) fn push_fblock(&mut self, b: FBlock<'a>, r: TextRange) -> CResult<()> {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return cerr("too many statically nested blocks", r);
        }
        self.u().fblocks.push(b);
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    pub(crate) fn const_idx(&mut self, c: Constant) -> u32 {
        let u = self.u();
        if let Some(i) = u.consts.iter().position(|x| crate::constants::same_const(x, &c)) {
            return i as u32;
        }
        u.consts.push(c);
        (u.consts.len() - 1) as u32
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.const_idx(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub(crate) fn name_idx(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names.iter().position(|x| x == n) {
            return i as u32;
        }
        u.names.push(n.to_owned());
        (u.names.len() - 1) as u32
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        match &self.ur().private {
            Some(c) => mangle(c, name),
            None => name.to_owned(),
        }
    }

    /// Emits an opcode taking a (mangled) name operand.
    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str) {
        let n = self.mangle(name);
        let i = self.name_idx(&n);
        self.emit(op, i);
    }

    // -----------------------------------------------------------------------
    // Names.

    pub(crate) fn nameop(&mut self, name: &str, ctx: Ctx) -> CResult<()> {
        let r = TextRange::default();
        self.nameop_at(name, ctx, r)
    }

    pub(crate) fn nameop_at(&mut self, name: &str, ctx: Ctx, r: TextRange) -> CResult<()> {
        if name == "__debug__" && ctx != Ctx::Load {
            return cerr(if ctx == Ctx::Del { "cannot delete __debug__" } else { "cannot assign to __debug__" }, r);
        }
        let mangled = self.mangle(name);
        let scope = self.scope();
        let is_func = scope.kind == Kind::Function;
        let sc = scope.scope_of(&mangled);
        enum Op {
            Fast,
            Deref,
            Global,
            Name,
        }
        let op = match sc {
            SymScope::Free | SymScope::Cell => Op::Deref,
            SymScope::Local if is_func => Op::Fast,
            SymScope::GlobalImplicit if is_func => Op::Global,
            SymScope::GlobalExplicit => Op::Global,
            _ => Op::Name,
        };
        // A class-body name that is also free in a method (DEF_FREE_CLASS) stays a NAME op.
        match op {
            Op::Fast => {
                let i = self.ur().varnames.iter().position(|v| *v == mangled).expect("local variable") as u32;
                self.emit(
                    match ctx {
                        Ctx::Load => Opcode::LOAD_FAST,
                        Ctx::Store => Opcode::STORE_FAST,
                        Ctx::Del => Opcode::DELETE_FAST,
                    },
                    i,
                );
            }
            Op::Deref => {
                let i = self.deref_index_in(&mangled, sc == SymScope::Free);
                self.emit(
                    match ctx {
                        Ctx::Load => {
                            if scope.kind == Kind::Class {
                                Opcode::LOAD_CLASSDEREF
                            } else {
                                Opcode::LOAD_DEREF
                            }
                        }
                        Ctx::Store => Opcode::STORE_DEREF,
                        Ctx::Del => Opcode::DELETE_DEREF,
                    },
                    i,
                );
            }
            Op::Global => {
                let i = self.name_idx(&mangled);
                match ctx {
                    Ctx::Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    Ctx::Store => self.emit(Opcode::STORE_GLOBAL, i),
                    Ctx::Del => self.emit(Opcode::DELETE_GLOBAL, i),
                };
            }
            Op::Name => {
                let i = self.name_idx(&mangled);
                self.emit(
                    match ctx {
                        Ctx::Load => Opcode::LOAD_NAME,
                        Ctx::Store => Opcode::STORE_NAME,
                        Ctx::Del => Opcode::DELETE_NAME,
                    },
                    i,
                );
            }
        }
        Ok(())
    }

    // -----------------------------------------------------------------------
    // Entry points.

    /// Module (or interactive) code.
    pub fn module(&mut self, body: &'a [Stmt]) -> CResult<CodeUnit> {
        self.enter_scope(0, "<module>", "<module>".into(), 1);
        if self.interactive {
            if find_ann(body) {
                self.emit(Opcode::SETUP_ANNOTATIONS, 0);
            }
            for s in body {
                self.stmt(s)?;
            }
        } else {
            self.body(body)?;
        }
        self.u().loc = Location::default();
        self.load_const(Constant::None);
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(self.finish())
    }

    pub fn expression(&mut self, e: &'a Expr) -> CResult<CodeUnit> {
        self.enter_scope(0, "<module>", "<module>".into(), 1);
        self.expr(e)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(self.finish())
    }

    /// Module and class bodies: SETUP_ANNOTATIONS, `__doc__`, statements.
    pub(crate) fn body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if let Some(first) = body.first() {
            self.set_loc(first.range());
        }
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if self.optimize < 2 {
            if let Some(Stmt::Expr(e)) = body.first() {
                if let Expr::StringLiteral(_) = &*e.value {
                    self.set_loc(e.range);
                    self.expr(&e.value)?;
                    self.nameop("__doc__", Ctx::Store)?;
                    rest = &body[1..];
                }
            }
        }
        self.stmts(rest)
    }

    pub(crate) fn stmts(&mut self, b: &'a [Stmt]) -> CResult<()> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// The constant an expression folds to (CPython's AST optimizer).
    pub(crate) fn konst(&self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::StringLiteral(s) => Some(self.string_const(s)),
            _ => {
                let over = |x: &Expr| self.pos.constant_override(x.range()).cloned();
                crate::constants::const_value_src(e, self.optimize, self.pos.source(), Some(&over))
            }
        }
    }

    /// The value of a string literal (lone surrogates recovered from the
    /// source text, or given with a tree built outside the parser).
    pub(crate) fn string_const(&self, s: &ast::ExprStringLiteral) -> Constant {
        if let Some(c) = self.pos.constant_override(s.range) {
            return c.clone();
        }
        match self.pos.source() {
            Some(src) => crate::constants::string_value(s, src),
            None => crate::constants::str_const(s.value.to_str()),
        }
    }

    pub(crate) fn constant_override(&self, r: TextRange) -> Option<&'a Constant> {
        self.pos.constant_override(r)
    }

    /// The docstring of a body: its first statement when that is a string literal.
    pub(crate) fn docstring(&self, body: &[Stmt]) -> Option<Constant> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                return Some(self.string_const(s));
            }
        }
        None
    }

    /// The value of one literal part of an f-string.
    pub(crate) fn literal_part_const(&self, l: &ast::StringLiteral) -> Constant {
        if let Some(c) = self.pos.constant_override(l.range) {
            return c.clone();
        }
        match self.pos.source() {
            Some(src) => crate::constants::string_literal_text(l, src),
            None => crate::constants::str_const(&l.value),
        }
    }

    /// The source text of a range (f-string `=` debug text); trees built
    /// outside the parser carry their debug text as literals instead.
    pub(crate) fn source_slice(&self, r: TextRange) -> &'a str {
        match self.pos.source() {
            Some(src) => &src[r],
            None => "",
        }
    }

    pub(crate) fn is_top_level_await(&self) -> bool {
        self.allow_top_level_await && self.ur().scope == 0
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// Whether a body holds annotated assignments (needing SETUP_ANNOTATIONS).
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}
