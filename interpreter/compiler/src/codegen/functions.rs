//! Functions, lambdas, classes and comprehensions: nested code units and the
//! MAKE_FUNCTION sequences that create them.

use super::{cerr, Compiler, Ctx, FBlock};
use crate::symtable::{CompKind, Kind, SymScope};
use crate::CResult;
use krait_bytecode::{CodeUnit, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::sync::Arc;

impl<'a> Compiler<'a> {
    /// CPython's compiler_set_qualname.
    fn qualname_for(&self, name: &str, scope: usize) -> String {
        if self.units.len() <= 1 {
            return name.to_owned();
        }
        let parent = self.ur();
        let ps = &self.st.scopes[parent.scope];
        let child = &self.st.scopes[scope];
        if child.kind == Kind::Class || (child.kind == Kind::Function && child.comprehension.is_none() && !child.is_lambda) {
            let mangled = self.mangle(name);
            if ps.scope_of(&mangled) == SymScope::GlobalExplicit {
                return name.to_owned();
            }
        }
        if ps.kind == Kind::Function && ps.comprehension.is_none() {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    fn check_params(&self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if a.parameter.name.as_str() == "__debug__" {
                return cerr("cannot assign to __debug__", a.parameter.range);
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if v.name.as_str() == "__debug__" {
                return cerr("cannot assign to __debug__", v.range);
            }
        }
        Ok(())
    }

    /// Defaults tuple and keyword-only defaults dict; returns MAKE_FUNCTION flags.
    fn default_arguments(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut fl = 0;
        let defaults: Vec<&'a Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            let consts: Option<Vec<Constant>> = defaults.iter().map(|d| self.konst(d)).collect();
            match consts {
                Some(cs) => self.load_const(Constant::Tuple(cs)),
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
                }
            }
            fl |= 1;
        }
        let kwd: Vec<(&'a str, &'a Expr)> =
            p.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d))).collect();
        if !kwd.is_empty() {
            let mut keys = vec![];
            for (n, d) in &kwd {
                keys.push(Constant::Str(self.mangle(n)));
                self.expr(d)?;
            }
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, kwd.len() as u32);
            fl |= 2;
        }
        Ok(fl)
    }

    fn annotation_pair(&mut self, name: &str, an: &'a Expr, n: &mut u32) -> CResult<()> {
        let m = self.mangle(name);
        self.load_const(Constant::Str(m));
        if let Expr::Starred(s) = an {
            // `*args: *Ts`
            if self.future_annotations() {
                self.annotation_value(an)?;
            } else {
                self.expr(&s.value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1);
            }
        } else {
            self.annotation_value(an)?;
        }
        *n += 1;
        Ok(())
    }

    /// The flat (name, value, ...) annotations tuple; returns whether one was built.
    fn visit_annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut n = 0;
        let start = self.ur().code.len();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(an) = &a.parameter.annotation {
                self.annotation_pair(a.parameter.name.as_str(), an, &mut n)?;
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                self.annotation_pair(v.name.as_str(), an, &mut n)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(an) = &a.parameter.annotation {
                self.annotation_pair(a.parameter.name.as_str(), an, &mut n)?;
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(an) = &k.annotation {
                self.annotation_pair(k.name.as_str(), an, &mut n)?;
            }
        }
        if let Some(r) = returns {
            self.annotation_pair("return", r, &mut n)?;
        }
        if n == 0 {
            return Ok(false);
        }
        // All constants (e.g. under `from __future__ import annotations`): one tuple constant.
        if let Some(cs) = self.trailing_consts(start) {
            self.truncate_to(start);
            self.load_const(Constant::Tuple(cs));
        } else {
            self.emit(Opcode::BUILD_TUPLE, 2 * n);
        }
        Ok(true)
    }

    /// If everything emitted since `start` is LOAD_CONSTs, their constants.
    fn trailing_consts(&self, start: usize) -> Option<Vec<Constant>> {
        let u = self.ur();
        let mut out = vec![];
        let mut i = start;
        while i < u.code.len() {
            let (op, arg) = krait_bytecode::decode(u.code[i]);
            if op != Opcode::LOAD_CONST as u8 {
                return None;
            }
            out.push(u.consts[arg as usize].clone());
            i += 1;
        }
        Some(out)
    }

    fn truncate_to(&mut self, start: usize) {
        let u = self.u();
        u.code.truncate(start);
        u.locs.truncate(start);
        u.handlers_at.truncate(start);
    }

    /// LOAD_CLOSURE for the callee's free variables, the code constant, MAKE_FUNCTION.
    fn make_closure(&mut self, code: CodeUnit, mut fl: u32) {
        let nlocals = code.localsplus_kinds.iter().take_while(|_| true).count();
        let _ = nlocals;
        let frees: Vec<String> = code
            .localsplus_names
            .iter()
            .zip(code.localsplus_kinds.iter())
            .filter(|(_, k)| **k & krait_bytecode::fast::FREE != 0)
            .map(|(n, _)| n.clone())
            .collect();
        if !frees.is_empty() {
            for f in &frees {
                let i = self.deref_index(f);
                self.emit(Opcode::LOAD_CLOSURE, i);
            }
            self.emit(Opcode::BUILD_TUPLE, frees.len() as u32);
            fl |= 8;
        }
        self.load_const(Constant::Code(Arc::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, fl);
    }

    fn first_line_with_decorators(&self, r: TextRange, decos: &[ast::Decorator]) -> u32 {
        match decos.first() {
            Some(d) => self.location(d.expression.range()).line,
            None => self.location(r).line,
        }
    }

    pub(crate) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        self.check_params(&f.parameters)?;
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let first_line = self.first_line_with_decorators(f.range, &f.decorator_list);
        self.set_loc(f.range);
        let mut fl = self.default_arguments(&f.parameters)?;
        if self.visit_annotations(&f.parameters, f.returns.as_deref())? {
            fl |= 4;
        }
        let scope = self.st.lookup(f.range);
        let name = f.name.as_str();
        let qual = self.qualname_for(name, scope);
        self.enter_scope(scope, name, qual, first_line);
        let doc = if self.optimize < 2 { self.docstring(&f.body) } else { None };
        match &doc {
            Some(d) => {
                self.u().consts.push(d.clone());
                self.u().has_docstring = true;
            }
            None => {
                self.u().consts.push(Constant::None);
            }
        }
        let p = &f.parameters;
        self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        self.u().posonly = p.posonlyargs.len() as u32;
        self.u().kwonly = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            self.u().flags |= krait_bytecode::flags::VARARGS;
        }
        if p.kwarg.is_some() {
            self.u().flags |= krait_bytecode::flags::VARKEYWORDS;
        }
        let body: &'a [Stmt] = if doc.is_some() { &f.body[1..] } else { &f.body };
        self.stmts(body)?;
        self.u().loc = krait_bytecode::Location::default();
        self.load_const(Constant::None);
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish();
        self.set_loc(f.range);
        self.make_closure(code, fl);
        for d in f.decorator_list.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Opcode::CALL, 0);
        }
        self.set_loc(f.range);
        self.nameop_at(name, Ctx::Store, f.name.range)
    }

    pub(crate) fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let mut fl = 0;
        if let Some(p) = &l.parameters {
            self.check_params(p)?;
            fl = self.default_arguments(p)?;
        }
        let scope = self.st.lookup(l.range);
        let qual = self.qualname_for("<lambda>", scope);
        let line = self.location(l.range).line;
        self.enter_scope(scope, "<lambda>", qual, line);
        // None first, so a lambda never has a docstring.
        self.u().consts.push(Constant::None);
        if let Some(p) = &l.parameters {
            self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            self.u().posonly = p.posonlyargs.len() as u32;
            self.u().kwonly = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                self.u().flags |= krait_bytecode::flags::VARARGS;
            }
            if p.kwarg.is_some() {
                self.u().flags |= krait_bytecode::flags::VARKEYWORDS;
            }
        }
        self.set_loc(l.body.range());
        self.expr(&l.body)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish();
        self.make_closure(code, fl);
        Ok(())
    }

    pub(crate) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let first_line = self.first_line_with_decorators(c.range, &c.decorator_list);
        let scope = self.st.lookup(c.range);
        let name = c.name.as_str();
        let qual = self.qualname_for(name, scope);
        self.enter_scope(scope, name, qual.clone(), first_line);
        self.set_loc(c.range);
        self.nameop("__name__", Ctx::Load)?;
        self.nameop("__module__", Ctx::Store)?;
        self.load_const(Constant::Str(qual));
        self.nameop("__qualname__", Ctx::Store)?;
        self.body(&c.body)?;
        self.u().loc = krait_bytecode::Location::default();
        if self.scope().needs_class_closure {
            let i = self.deref_index("__class__");
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            self.emit_name_raw(Opcode::STORE_NAME, "__classcell__");
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish();
        self.set_loc(c.range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(name.to_owned()));
        match &c.arguments {
            Some(a) => self.call_helper(2, &a.args, &a.keywords, c.range)?,
            None => {
                self.emit(Opcode::CALL, 2);
            }
        }
        for d in c.decorator_list.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Opcode::CALL, 0);
        }
        self.set_loc(c.range);
        self.nameop_at(name, Ctx::Store, c.name.range)
    }

    /// List/set/dict comprehensions and generator expressions: a nested
    /// function called with iter(outermost iterable).
    pub(crate) fn comprehension(&mut self, r: TextRange, gens: &'a [ast::Comprehension], elt: &'a Expr, val: Option<&'a Expr>) -> CResult<()> {
        let scope = self.st.lookup(r);
        let s = &self.st.scopes[scope];
        let kind = s.comprehension.expect("comprehension scope");
        let is_async_gen = s.is_coroutine;
        let parent = self.scope();
        let outer_async = parent.kind == Kind::Function && parent.is_coroutine;
        if is_async_gen && kind != CompKind::Gen && !outer_async && parent.comprehension.is_none() && !self.is_top_level_await() {
            return cerr("asynchronous comprehension outside of an asynchronous function", r);
        }
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qual = self.qualname_for(name, scope);
        let line = self.location(r).line;
        self.enter_scope(scope, name, qual, line);
        self.set_loc(r);
        self.u().argcount = 1;
        match kind {
            CompKind::List => {
                self.emit(Opcode::BUILD_LIST, 0);
            }
            CompKind::Set => {
                self.emit(Opcode::BUILD_SET, 0);
            }
            CompKind::Dict => {
                self.emit(Opcode::BUILD_MAP, 0);
            }
            CompKind::Gen => {}
        }
        if kind != CompKind::Gen {
            self.u().depth = 1;
        }
        self.comp_generator(gens, 0, 0, elt, val, kind)?;
        self.set_loc(r);
        if kind != CompKind::Gen {
            self.emit(Opcode::RETURN_VALUE, 0);
        } else {
            self.u().loc = krait_bytecode::Location::default();
            self.load_const(Constant::None);
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.finish();
        self.set_loc(r);
        self.make_closure(code, 0);
        self.expr(&gens[0].iter)?;
        self.set_loc(r);
        if gens[0].is_async {
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.emit(Opcode::GET_ITER, 0);
        }
        // [function, iterator] CALL 0: the iterator is passed as the "self" argument.
        self.emit(Opcode::CALL, 0);
        if is_async_gen && kind != CompKind::Gen {
            if self.is_top_level_await() {
                self.u().flags |= krait_bytecode::flags::COROUTINE;
            }
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        Ok(())
    }

    fn comp_generator(&mut self, gens: &'a [ast::Comprehension], i: usize, depth: u32, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind) -> CResult<()> {
        if gens[i].is_async {
            self.comp_async_generator(gens, i, depth, elt, val, kind)
        } else {
            self.comp_sync_generator(gens, i, depth, elt, val, kind)
        }
    }

    fn comp_element(&mut self, depth: u32, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind) -> CResult<()> {
        match kind {
            CompKind::Gen => {
                self.expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::POP_TOP, 0);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.expr(elt)?;
                self.expr(val.unwrap())?;
                self.emit(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn comp_sync_generator(&mut self, gens: &'a [ast::Comprehension], i: usize, mut depth: u32, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind) -> CResult<()> {
        let g = &gens[i];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let mut has_start = true;
        if i == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]`: bind directly, without a loop.
            let single = match &g.iter {
                Expr::List(l) if l.elts.len() == 1 && !matches!(l.elts[0], Expr::Starred(_)) => Some(&l.elts[0]),
                Expr::Tuple(t) if t.elts.len() == 1 && !matches!(t.elts[0], Expr::Starred(_)) => Some(&t.elts[0]),
                _ => None,
            };
            match single {
                Some(e) => {
                    self.expr(e)?;
                    has_start = false;
                }
                None => {
                    self.expr(&g.iter)?;
                    self.emit(Opcode::GET_ITER, 0);
                }
            }
        }
        if has_start {
            depth += 1;
            self.u().depth += 1;
            self.bind_label(start);
            self.set_loc(g.iter.range());
            self.jump(Opcode::FOR_ITER, anchor);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, if_cleanup)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, depth, elt, val, kind)?;
        } else {
            self.comp_element(depth, elt, val, kind)?;
        }
        self.bind_label(if_cleanup);
        if has_start {
            self.jump(Opcode::JUMP_BACKWARD, start);
            self.bind_label(anchor);
            self.u().depth -= 1;
        }
        Ok(())
    }

    fn comp_async_generator(&mut self, gens: &'a [ast::Comprehension], i: usize, mut depth: u32, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind) -> CResult<()> {
        let g = &gens[i];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if i == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.u().depth += 1;
        self.bind_label(start);
        self.push_fblock(FBlock::AsyncComprehensionGenerator, g.range)?;
        let d = self.ur().depth;
        self.push_handler(except, d, false);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.pop_handler();
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, if_cleanup)?;
        }
        depth += 1;
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, depth, elt, val, kind)?;
        } else {
            self.comp_element(depth, elt, val, kind)?;
        }
        self.bind_label(if_cleanup);
        self.jump(Opcode::JUMP_BACKWARD, start);
        self.pop_fblock();
        self.bind_label(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.u().depth -= 1;
        Ok(())
    }
}

