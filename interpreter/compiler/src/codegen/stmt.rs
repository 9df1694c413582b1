//! Statements: assignment, control flow, imports, and the unwinding that
//! `break`/`continue`/`return` do through enclosing blocks.

use super::{cerr, Compiler, Ctx, FBlock};
use crate::symtable::Kind;
use crate::CResult;
use krait_bytecode::{BinaryOp, Constant, Location, Opcode};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

impl<'a> Compiler<'a> {
    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_loc(s.range());
        match s {
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Opcode::PRINT_EXPR, 0);
                } else if self.konst(&e.value).is_some() {
                    // A constant statement does nothing.
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
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for(f)?;
                } else {
                    self.for_stmt(f)?;
                }
            }
            Stmt::Break(b) => self.break_continue(true, b.range)?,
            Stmt::Continue(c) => self.break_continue(false, c.range)?,
            Stmt::Return(r) => self.return_stmt(r)?,
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
                    if t.finalbody.is_empty() {
                        self.try_star_except(t)?;
                    } else {
                        self.try_finally(t)?;
                    }
                } else if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.async_with(w, 0)?;
                } else {
                    self.with(w, 0)?;
                }
            }
            Stmt::Assert(a) => {
                self.check_assert(a);
                if self.optimize == 0 {
                    let end = self.new_label();
                    self.cond_jump(&a.test, true, end)?;
                    self.set_loc(a.range);
                    self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                    if let Some(m) = &a.msg {
                        self.expr(m)?;
                        self.emit(Opcode::CALL, 0);
                    }
                    self.emit(Opcode::RAISE_VARARGS, 1);
                    self.bind_label(end);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.set_loc(s.range());
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let ni = self.name_idx(a.name.as_str());
                    self.emit(Opcode::IMPORT_NAME, ni);
                    let full = a.name.as_str();
                    match &a.asname {
                        Some(asn) => {
                            let parts: Vec<&str> = full.split('.').collect();
                            if parts.len() > 1 {
                                for (k, p) in parts[1..].iter().enumerate() {
                                    let pi = self.name_idx(p);
                                    self.emit(Opcode::IMPORT_FROM, pi);
                                    if k + 2 < parts.len() {
                                        self.emit(Opcode::SWAP, 2);
                                        self.emit(Opcode::POP_TOP, 0);
                                    }
                                }
                                self.nameop_at(asn.as_str(), Ctx::Store, asn.range)?;
                                self.emit(Opcode::POP_TOP, 0);
                            } else {
                                self.nameop_at(asn.as_str(), Ctx::Store, asn.range)?;
                            }
                        }
                        None => {
                            let top = full.split('.').next().unwrap();
                            self.nameop_at(top, Ctx::Store, a.range)?;
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                self.load_const(Constant::Int(i.level as i64));
                let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.as_str().to_owned())).collect();
                self.load_const(Constant::Tuple(names));
                let m = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                let mi = self.name_idx(m);
                self.emit(Opcode::IMPORT_NAME, mi);
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Opcode::IMPORT_STAR, 0);
                } else {
                    for a in &i.names {
                        let ni = self.name_idx(a.name.as_str());
                        self.emit(Opcode::IMPORT_FROM, ni);
                        let store = a.asname.as_ref().unwrap_or(&a.name);
                        self.nameop_at(store.as_str(), Ctx::Store, a.range)?;
                    }
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => return cerr("invalid syntax", t.range),
            Stmt::IpyEscapeCommand(t) => return cerr("invalid syntax", t.range),
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let end = self.new_label();
        let mut next = if i.elif_else_clauses.is_empty() { end } else { self.new_label() };
        self.cond_jump(&i.test, false, next)?;
        // A body that can never run (`if False:`) leaves no line behind: the
        // code after it keeps the `if` line, as in CPython.
        let dead = self.konst(&i.test).and_then(|c| crate::constants::truthiness(&c)) == Some(false);
        let before = self.ur().loc;
        self.stmts(&i.body)?;
        if dead {
            self.u().loc = before;
        }
        let n = i.elif_else_clauses.len();
        for (k, c) in i.elif_else_clauses.iter().enumerate() {
            self.jump(Opcode::JUMP_FORWARD, end);
            self.bind_label(next);
            match &c.test {
                Some(t) => {
                    next = if k + 1 < n { self.new_label() } else { end };
                    self.set_loc(c.range);
                    self.cond_jump(t, false, next)?;
                    self.stmts(&c.body)?;
                }
                None => {
                    self.stmts(&c.body)?;
                }
            }
        }
        if n > 0 && i.elif_else_clauses[n - 1].test.is_some() {
            // `next` is `end` already.
        }
        self.bind_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let top = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.bind_label(top);
        self.push_fblock(FBlock::WhileLoop { start: top, exit: end }, w.range)?;
        let before = self.ur().code.len();
        self.cond_jump(&w.test, false, anchor)?;
        let tested = self.ur().code.len() != before;
        self.stmts(&w.body)?;
        self.set_loc(w.range);
        if tested {
            // The jump back to the test has no line of its own (as CPython's
            // test at the bottom): tracing sees the `while` line once per turn.
            self.u().loc = Location::default();
        }
        self.jump(Opcode::JUMP_BACKWARD, top);
        self.pop_fblock();
        self.bind_label(anchor);
        self.stmts(&w.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlock::ForLoop { start, exit: end }, f.range)?;
        self.expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Opcode::GET_ITER, 0);
        self.u().depth += 1;
        self.bind_label(start);
        self.jump(Opcode::FOR_ITER, cleanup);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        // The jump back is artificial (no line), as in CPython: it belongs
        // to the body's last line, so tracing sees the `for` line once a turn.
        self.u().loc = Location::default();
        self.jump(Opcode::JUMP_BACKWARD, start);
        self.bind_label(cleanup);
        self.u().depth -= 1;
        self.pop_fblock();
        self.stmts(&f.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        self.check_async("'async for' outside async function", f.range)?;
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Opcode::GET_AITER, 0);
        self.u().depth += 1;
        self.bind_label(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end }, f.range)?;
        let d = self.ur().depth;
        self.push_handler(except, d, false);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.pop_handler();
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_loc(f.range);
        self.jump(Opcode::JUMP_BACKWARD, start);
        self.pop_fblock();
        self.bind_label(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.u().depth -= 1;
        self.stmts(&f.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    /// `async for`/`async with`/`await` need an async function (or top-level await).
    pub(crate) fn check_async(&mut self, msg: &str, r: TextRange) -> CResult<()> {
        let s = self.scope();
        if s.kind == Kind::Function && s.is_coroutine && s.comprehension.is_none() {
            return Ok(());
        }
        if s.comprehension.is_some() {
            return Ok(());
        }
        if self.is_top_level_await() {
            self.u().flags |= krait_bytecode::flags::COROUTINE;
            return Ok(());
        }
        cerr(msg, r)
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        let s = self.scope();
        if s.kind != Kind::Function {
            return cerr("'return' outside function", r.range);
        }
        if r.value.is_some() && s.is_coroutine && s.is_generator {
            return cerr("'return' with value in async generator", r.range);
        }
        let preserve = match &r.value {
            Some(v) => !self.konst(v).is_some(),
            None => false,
        };
        if preserve {
            self.expr(r.value.as_ref().unwrap())?;
        }
        self.set_loc(r.range);
        let saved = self.save_unwind_state();
        self.unwind_fblock_stack(preserve, false, r.range)?;
        self.set_loc(r.range);
        match &r.value {
            None => self.load_const(Constant::None),
            Some(v) if !preserve => {
                let c = self.konst(v).expect("constant");
                self.load_const(c);
            }
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.restore_unwind_state(saved);
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, r: TextRange) -> CResult<()> {
        self.emit(Opcode::NOP, 0);
        let saved = self.save_unwind_state();
        let lp = self.unwind_fblock_stack(false, true, r)?;
        let Some(idx) = lp else {
            return cerr(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, r);
        };
        let b = self.ur().fblocks[idx].clone();
        let (start, exit) = match b {
            FBlock::WhileLoop { start, exit } | FBlock::ForLoop { start, exit } => (start, exit),
            _ => unreachable!(),
        };
        if is_break {
            self.unwind_fblock(&b, false)?;
            self.jump(Opcode::JUMP_FORWARD, exit);
        } else {
            self.jump(Opcode::JUMP_BACKWARD, start);
        }
        self.restore_unwind_state(saved);
        Ok(())
    }

    pub(crate) fn save_unwind_state(&self) -> (Vec<super::Handler>, Vec<FBlock<'a>>, u32) {
        let u = self.ur();
        (u.handlers.clone(), u.fblocks.clone(), u.depth)
    }

    pub(crate) fn restore_unwind_state(&mut self, s: (Vec<super::Handler>, Vec<FBlock<'a>>, u32)) {
        let u = self.u();
        u.handlers = s.0;
        u.fblocks = s.1;
        u.depth = s.2;
    }

    /// Emits the cleanups of the enclosing blocks, innermost first, up to the
    /// nearest loop when `to_loop` (returning its index). Handlers and blocks
    /// are popped as the cleanups leave them (CPython's POP_BLOCK); callers
    /// restore the statement-level state with `restore_unwind_state`.
    pub(crate) fn unwind_fblock_stack(&mut self, preserve_tos: bool, to_loop: bool, r: TextRange) -> CResult<Option<usize>> {
        while let Some(top) = self.ur().fblocks.last().cloned() {
            if let FBlock::ExceptionGroupHandler = top {
                return cerr("'break', 'continue' and 'return' cannot appear in an except* block", r);
            }
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                return Ok(Some(self.ur().fblocks.len() - 1));
            }
            self.u().fblocks.pop();
            self.unwind_fblock(&top, preserve_tos)?;
        }
        Ok(None)
    }

    pub(crate) fn unwind_fblock(&mut self, b: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match b {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.u().depth = self.ur().depth.saturating_sub(1);
            }
            FBlock::TryExcept => {
                self.pop_handler();
            }
            FBlock::FinallyTry(body) => {
                self.pop_handler();
                if preserve_tos {
                    self.u().depth += 1;
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let saved = self.ur().loc;
                self.stmts(body)?;
                self.u().loc = saved;
                if preserve_tos {
                    self.u().fblocks.pop();
                    self.u().depth -= 1;
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_handler();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.u().depth = self.ur().depth.saturating_sub(2);
            }
            FBlock::With { range, is_async } => {
                let saved = self.ur().loc;
                self.set_loc(*range);
                self.pop_handler();
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.yield_from(true);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.u().loc = saved;
                self.u().depth = self.ur().depth.saturating_sub(1);
            }
            FBlock::HandlerCleanup(name) => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_handler();
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, Ctx::Store)?;
                    self.nameop(n, Ctx::Del)?;
                }
                self.u().depth = self.ur().depth.saturating_sub(1);
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.u().depth = self.ur().depth.saturating_sub(1);
            }
        }
        Ok(())
    }

    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::CALL, 2);
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = BinaryOp::from_u32(crate::constants::binary_op(a.op) as u32 + 13).unwrap();
        match &*a.target {
            Expr::Name(n) => {
                self.set_loc(n.range);
                self.nameop_at(n.id.as_str(), Ctx::Load, n.range)?;
                self.set_loc(a.range);
                self.expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op as u32);
                self.set_loc(n.range);
                self.nameop_at(n.id.as_str(), Ctx::Store, n.range)?;
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Opcode::COPY, 1);
                self.set_loc(at.range);
                self.emit_name(Opcode::LOAD_ATTR, at.attr.as_str());
                self.set_loc(a.range);
                self.expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op as u32);
                self.set_loc(at.range);
                self.emit(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, at.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.set_loc(s.range);
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.set_loc(a.range);
                self.expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op as u32);
                self.set_loc(s.range);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            other => return cerr(format!("'{}' is an illegal expression for augmented assignment", crate::errors::describe_expr(other)), other.range()),
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let module_or_class = self.scope().kind != Kind::Function;
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return cerr("cannot assign to __debug__", n.range);
                }
                if a.simple && module_or_class {
                    self.set_loc(a.range);
                    self.annotation_value(&a.annotation)?;
                    self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                    let m = self.mangle(n.id.as_str());
                    self.load_const(Constant::Str(m));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            Expr::Attribute(at) => {
                if at.attr.as_str() == "__debug__" {
                    return cerr("cannot assign to __debug__", at.range);
                }
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.check_ann_subscr(&s.slice)?;
                }
            }
            other => return cerr("invalid node type for annotated assignment", other.range()),
        }
        if !a.simple && !self.future_annotations() && module_or_class {
            self.expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_subscr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscr(x)?;
                }
            }
            other => {
                self.expr(other)?;
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub(crate) fn annotation_value(&mut self, e: &'a Expr) -> CResult<()> {
        if self.future_annotations() {
            let s = crate::unparse::unparse(e);
            self.load_const(Constant::Str(s));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    pub(crate) fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.name_idx(name);
        self.emit(op, i);
    }

    pub(crate) fn store_target(&mut self, t: &'a Expr) -> CResult<()> {
        let saved = self.ur().loc;
        self.set_loc(t.range());
        let r = self.store_target_inner(t);
        self.u().loc = saved;
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.nameop_at(n.id.as_str(), Ctx::Store, n.range)?,
            Expr::Attribute(a) => {
                if a.attr.as_str() == "__debug__" {
                    return cerr("cannot assign to __debug__", a.range);
                }
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit_name(Opcode::STORE_ATTR, a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_targets(elts, t.range())?;
            }
            Expr::Starred(s) => return cerr("starred assignment target must be in a list or tuple", s.range),
            other => return cerr(format!("cannot assign to {}", crate::errors::describe_expr(other)), other.range()),
        }
        Ok(())
    }

    fn unpack_targets(&mut self, elts: &'a [Expr], r: TextRange) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(_) = e {
                if seen_star {
                    return cerr("multiple starred expressions in assignment", r);
                }
                if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return cerr("too many expressions in star-unpacking assignment", r);
                }
                self.emit(Opcode::UNPACK_EX, (i as u32) | (((n - i - 1) as u32) << 8));
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                other => self.store_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.nameop_at(n.id.as_str(), Ctx::Del, n.range)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit_name(Opcode::DELETE_ATTR, a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts.iter() {
                    self.delete_target(e)?;
                }
            }
            other => return cerr(format!("cannot delete {}", crate::errors::describe_expr(other)), other.range()),
        }
        Ok(())
    }
}
