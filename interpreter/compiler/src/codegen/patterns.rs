//! The match statement, with CPython 3.11's pattern compilation: each pattern
//! consumes the subject on top of the stack; captured values are kept on the
//! stack (rotated below the items still being matched) and stored only once
//! the whole pattern matched; failure jumps to a "fail_pop" label that pops
//! whatever the failing point left on the stack.

use super::{cerr, Compiler, Ctx, Label};
use crate::CResult;
use krait_bytecode::{BinaryOp, CompareOp, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

pub(crate) struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        for i in 0..cases - has_default as usize {
            let c = &m.cases[i];
            self.set_loc(c.pattern.range());
            let last = i + 1 == cases - has_default as usize;
            if !last {
                self.emit(Opcode::COPY, 1);
            }
            let mut pc = PatternContext { stores: vec![], allow_irrefutable: c.guard.is_some() || i + 1 == cases, fail_pop: vec![], on_top: 0 };
            self.pattern(&c.pattern, &mut pc)?;
            for n in pc.stores.clone() {
                self.nameop(&n, Ctx::Store)?;
            }
            if let Some(g) = &c.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.cond_jump(g, false, target)?;
            }
            if !last {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.stmts(&c.body)?;
            self.jump(Opcode::JUMP_FORWARD, end);
            self.set_loc(c.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let c = &m.cases[cases - 1];
            self.set_loc(c.pattern.range());
            if cases == 1 {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                self.emit(Opcode::NOP, 0);
            }
            if let Some(g) = &c.guard {
                self.cond_jump(g, false, end)?;
            }
            self.stmts(&c.body)?;
        }
        self.bind_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        self.jump(op, l);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind_label(pc.fail_pop[k]);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.bind_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternContext, r: TextRange) -> CResult<()> {
        let Some(n) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        let n = n.as_str();
        if n == "__debug__" {
            return cerr("cannot assign to __debug__", r);
        }
        if pc.stores.iter().any(|s| s == n) {
            return cerr(format!("multiple assignments to name '{}' in pattern", n), r);
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(n.to_owned());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                let ok = match &*v.value {
                    Expr::Attribute(_) => true,
                    e => self.konst(e).is_some(),
                };
                if !ok {
                    return cerr("patterns may only match literals and attribute lookups", v.range);
                }
                self.expr(&v.value)?;
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::True,
                    ast::Singleton::False => Constant::False,
                });
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match &a.name {
                            Some(n) => cerr(format!("name capture '{}' makes remaining patterns unreachable", n.as_str()), a.range),
                            None => cerr("wildcard makes remaining patterns unreachable", a.range),
                        };
                    }
                    self.store_capture(a.name.as_ref(), pc, a.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc, a.range)?;
                }
            },
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc, s.range)?,
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, s: &'a ast::PatternMatchSequence, pc: &mut PatternContext) -> CResult<()> {
        let pats = &s.patterns;
        let size = pats.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in pats.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return cerr("multiple starred names in sequence pattern", p.range());
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64));
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            _ => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            // Index the subject instead of unpacking it.
            let star = star.unwrap();
            pc.on_top += 1;
            for (i, p) in pats.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Opcode::GET_LEN, 0);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Opcode::BINARY_OP, BinaryOp::Subtract as u32);
                }
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 {
                        return cerr("too many expressions in star-unpacking sequence pattern", s.range);
                    }
                    self.emit(Opcode::UNPACK_EX, (i as u32) | (((size - i - 1) as u32) << 8));
                }
                None => {
                    self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
                }
            }
            pc.on_top += size;
            for p in pats {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult<()> {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<String> = vec![];
        for k in m.keys.iter() {
            if let Some(c) = self.konst(k) {
                let key = crate::disassemble::const_key(&c);
                if seen.contains(&key) {
                    return cerr(format!("mapping pattern checks duplicate key ({})", crate::disassemble::const_repr(&c)), k.range());
                }
                seen.push(key);
            } else if !matches!(k, Expr::Attribute(_)) {
                return cerr("mapping pattern keys may only match literals and attribute lookups", k.range());
            }
            self.expr(k)?;
        }
        self.set_loc(m.range);
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.set_loc(m.range);
            self.emit(Opcode::BUILD_MAP, 0);
            self.emit(Opcode::SWAP, 3);
            self.emit(Opcode::DICT_UPDATE, 2);
            self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
            let mut k = size;
            while k > 0 {
                self.emit(Opcode::COPY, 1 + k as u32);
                k -= 1;
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            self.store_capture(Some(rest), pc, m.range)?;
        } else {
            self.emit(Opcode::POP_TOP, 0);
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult<()> {
        let nargs = c.arguments.patterns.len();
        let nattrs = c.arguments.keywords.len();
        for (i, k) in c.arguments.keywords.iter().enumerate() {
            let a = k.attr.as_str();
            if a == "__debug__" {
                return cerr("cannot assign to __debug__", k.range);
            }
            if c.arguments.keywords[i + 1..].iter().any(|k2| k2.attr.as_str() == a) {
                let dup = c.arguments.keywords[i + 1..].iter().find(|k2| k2.attr.as_str() == a).unwrap();
                return cerr(format!("attribute name repeated in class pattern: {}", a), dup.pattern.range());
            }
        }
        self.expr(&c.cls)?;
        self.set_loc(c.range);
        let names: Vec<Constant> = c.arguments.keywords.iter().map(|k| Constant::Str(k.attr.as_str().to_owned())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::MATCH_CLASS, nargs as u32);
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all: Vec<&'a Pattern> = c.arguments.patterns.iter().chain(c.arguments.keywords.iter().map(|k| &k.pattern)).collect();
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult<()> {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = vec![];
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = vec![];
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if nstores != ctl.len() {
                        return cerr("alternative patterns bind different names", alt.range());
                    }
                    if nstores > 0 {
                        let mut icontrol = nstores;
                        while icontrol > 0 {
                            icontrol -= 1;
                            let name = &ctl[icontrol];
                            let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                                return cerr("alternative patterns bind different names", alt.range());
                            };
                            if icontrol != istores {
                                let rotations = istores + 1;
                                let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                                let at = icontrol - istores;
                                for (k, r) in rotated.into_iter().enumerate() {
                                    pc.stores.insert(at + k, r);
                                }
                                for _ in 0..rotations {
                                    self.rotate(icontrol + 1);
                                }
                            }
                        }
                    }
                }
            }
            self.jump(Opcode::JUMP_FORWARD, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Opcode::JUMP_FORWARD);
        self.bind_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return cerr(format!("multiple assignments to name '{}' in pattern", name), o.range);
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
