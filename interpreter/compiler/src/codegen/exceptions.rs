//! try/except/finally, except*, with and async with: CPython 3.11's handler
//! shapes (PUSH_EXC_INFO, CHECK_EXC_MATCH, POP_EXCEPT, RERAISE with lasti, a
//! cleanup handler around except bodies, finally bodies duplicated on the
//! normal and exceptional paths).

use super::{Compiler, Ctx, FBlock};
use crate::CResult;
use krait_bytecode::{Constant, Opcode};
use ruff_python_ast::{self as ast};
use ruff_text_size::Ranged;

impl<'a> Compiler<'a> {
    /// COPY 3; POP_EXCEPT; RERAISE 1 — the shared "cleanup" handler code.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    pub(crate) fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let base = self.ur().depth;
        self.emit(Opcode::NOP, 0);
        self.push_handler(except, base, false);
        self.push_fblock(FBlock::TryExcept, t.range)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.stmts(&t.orelse)?;
        self.jump(Opcode::JUMP_FORWARD, end);

        self.bind_label(except);
        self.push_handler(cleanup, base + 1, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler, t.range)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return super::cerr("default 'except:' must be last", h.range);
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_loc(h.range);
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.jump(Opcode::POP_JUMP_IF_FALSE, next);
            }
            self.u().depth = base + 1;
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.nameop_at(name.as_str(), Ctx::Store, name.range)?;
                    self.push_handler(cleanup_end, base + 1, true);
                    self.push_fblock(FBlock::HandlerCleanup(Some(name.as_str().to_owned())), h.range)?;
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.load_const(Constant::None);
                    self.nameop(name.as_str(), Ctx::Store)?;
                    self.nameop(name.as_str(), Ctx::Del)?;
                    self.jump(Opcode::JUMP_FORWARD, end);
                    // The body raised: clear the name and re-raise.
                    self.push_handler(cleanup, base + 1, true);
                    self.bind_label(cleanup_end);
                    self.load_const(Constant::None);
                    self.nameop(name.as_str(), Ctx::Store)?;
                    self.nameop(name.as_str(), Ctx::Del)?;
                    self.emit(Opcode::RERAISE, 1);
                }
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                    self.push_fblock(FBlock::HandlerCleanup(None), h.range)?;
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.jump(Opcode::JUMP_FORWARD, end);
                    self.push_handler(cleanup, base + 1, true);
                }
            }
            self.u().depth = base;
            self.bind_label(next);
        }
        self.pop_fblock();
        // No clause matched: CPython's re-raise has no line of its own and
        // takes the last clause's (its only predecessor is that test).
        if let Some(ast::ExceptHandler::ExceptHandler(h)) = t.handlers.last() {
            self.set_loc(h.range);
        }
        self.emit(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind_label(cleanup);
        self.pop_except_and_reraise();
        self.bind_label(end);
        Ok(())
    }

    pub(crate) fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let base = self.ur().depth;
        self.emit(Opcode::NOP, 0);
        self.push_handler(end, base, false);
        self.push_fblock(FBlock::FinallyTry(&t.finalbody), t.range)?;
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.stmts(&t.body)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.stmts(&t.finalbody)?;
        self.jump(Opcode::JUMP_FORWARD, exit);

        self.bind_label(end);
        self.push_handler(cleanup, base + 1, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.u().depth = base + 2;
        self.push_fblock(FBlock::FinallyEnd, t.range)?;
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.u().depth = base;
        self.emit(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind_label(cleanup);
        self.pop_except_and_reraise();
        self.bind_label(exit);
        Ok(())
    }

    pub(crate) fn try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        let base = self.ur().depth;
        self.emit(Opcode::NOP, 0);
        self.push_handler(except, base, false);
        self.push_fblock(FBlock::TryExcept, t.range)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.jump(Opcode::JUMP_FORWARD, orelse);

        self.bind_label(except);
        self.push_handler(cleanup, base + 1, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionGroupHandler, t.range)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [orig, [], exc]: the original group, the raised list, the rest to match.
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.set_loc(h.range);
                    self.emit(Opcode::CHECK_EG_MATCH, 0);
                    self.emit(Opcode::COPY, 1);
                    self.jump(Opcode::POP_JUMP_IF_NONE, no_match);
                }
                None => return super::cerr("expected 'except' or 'finally' block", h.range),
            }
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.nameop_at(name.as_str(), Ctx::Store, name.range)?,
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            self.u().depth = base + 4;
            self.push_handler(cleanup_end, base + 4, true);
            let nm = h.name.as_ref().map(|n| n.as_str().to_owned());
            self.push_fblock(FBlock::HandlerCleanup(nm.clone()), h.range)?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(nm) = &nm {
                self.load_const(Constant::None);
                self.nameop(nm, Ctx::Store)?;
                self.nameop(nm, Ctx::Del)?;
            }
            self.jump(Opcode::JUMP_FORWARD, next);
            self.bind_label(cleanup_end);
            if let Some(nm) = &nm {
                self.load_const(Constant::None);
                self.nameop(nm, Ctx::Store)?;
                self.nameop(nm, Ctx::Del)?;
            }
            // Collect the raised exception; drop lasti.
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.jump(Opcode::JUMP_FORWARD, except_with_error);
            self.bind_label(next);
            self.emit(Opcode::NOP, 0);
            self.jump(Opcode::JUMP_FORWARD, except_with_error);
            self.bind_label(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.bind_label(except_with_error);
            self.u().depth = base;
            if i + 1 == n {
                // The unmatched rest joins the list.
                self.emit(Opcode::LIST_APPEND, 1);
                self.jump(Opcode::JUMP_FORWARD, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind_label(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(Opcode::JUMP_FORWARD, end);
        self.push_handler(cleanup, base + 1, true);
        self.bind_label(reraise);
        self.pop_handler();
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind_label(cleanup);
        self.pop_except_and_reraise();
        self.bind_label(orelse);
        self.stmts(&t.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    pub(crate) fn with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult<()> {
        let item = &w.items[pos];
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let base = self.ur().depth;
        self.expr(&item.context_expr)?;
        self.set_loc(w.range);
        self.emit(Opcode::BEFORE_WITH, 0);
        self.push_handler(final_, base + 1, true);
        self.u().depth = base + 1;
        self.push_fblock(FBlock::With { range: w.range, is_async: false }, w.range)?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => {
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with(w, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.set_loc(w.range);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Opcode::JUMP_FORWARD, exit);

        self.bind_label(final_);
        self.push_handler(cleanup, base + 3, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.u().depth = base;
        self.bind_label(exit);
        Ok(())
    }

    /// After WITH_EXCEPT_START: re-raise unless __exit__ returned true.
    fn with_except_finish(&mut self, cleanup: usize) {
        let suppress = self.new_label();
        self.jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 2);
        self.bind_label(cleanup);
        // The cleanup handler itself runs outside it.
        let h = self.ur().handlers.last().copied();
        self.pop_handler();
        self.pop_except_and_reraise();
        if let Some(h) = h {
            self.u().handlers.push(h);
        }
        self.bind_label(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
    }

    pub(crate) fn async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult<()> {
        if pos == 0 {
            self.check_async("'async with' outside async function", w.range)?;
        }
        let item = &w.items[pos];
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let base = self.ur().depth;
        self.expr(&item.context_expr)?;
        self.set_loc(w.range);
        self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
        self.emit(Opcode::GET_AWAITABLE, 1);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.push_handler(final_, base + 1, true);
        self.u().depth = base + 1;
        self.push_fblock(FBlock::With { range: w.range, is_async: true }, w.range)?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => {
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.async_with(w, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.set_loc(w.range);
        self.call_exit_with_nones();
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Opcode::JUMP_FORWARD, exit);

        self.bind_label(final_);
        self.push_handler(cleanup, base + 3, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.with_except_finish(cleanup);
        self.u().depth = base;
        self.bind_label(exit);
        let _ = w.range();
        Ok(())
    }
}
