//! Expressions: operators, conditions, calls, displays, f-strings, yield and await.

use super::{cerr, Compiler, Ctx, STACK_USE_GUIDELINE};
use crate::constants;
use crate::symtable::Kind;
use crate::CResult;
use krait_bytecode::{CompareOp, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.ur().loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.u().loc = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = self.konst(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => unreachable!("constants are folded"),
            Expr::Name(n) => self.nameop_at(n.id.as_str(), Ctx::Load, n.range)?,
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, constants::binary_op(b.op) as u32);
            }
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not && self.not_folds_into(&u.operand)? => {}
            Expr::UnaryOp(u) => {
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
                self.check_compare(c);
                self.expr(&c.left)?;
                let n = c.ops.len();
                if n == 1 {
                    self.expr(&c.comparators[0])?;
                    self.compare_op(c.ops[0]);
                } else {
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    for i in 0..n - 1 {
                        self.expr(&c.comparators[i])?;
                        self.emit(Opcode::SWAP, 2);
                        self.emit(Opcode::COPY, 2);
                        self.compare_op(c.ops[i]);
                        self.jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
                    }
                    self.expr(&c.comparators[n - 1])?;
                    self.compare_op(c.ops[n - 1]);
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
                self.store_target(&n.target)?;
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(attr_range(self, a));
                self.emit_name(Opcode::LOAD_ATTR, a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.check_subscript(s);
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
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
            Expr::Tuple(t) => self.starunpack(&t.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?,
            Expr::List(l) => self.starunpack(&l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false)?,
            Expr::Dict(d) => self.dict(d)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::ListComp(c) => self.comprehension(c.range, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.comprehension(c.range, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => self.comprehension(c.range, &c.generators, c.key.as_deref().expect("dict comprehension key"), Some(&c.value))?,
            Expr::Generator(c) => self.comprehension(c.range, &c.generators, &c.elt, None)?,
            Expr::Yield(y) => {
                if self.scope().kind != Kind::Function {
                    return cerr("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                let s = self.scope();
                if s.kind != Kind::Function {
                    return cerr("'yield' outside function", y.range);
                }
                if s.is_coroutine && s.comprehension.is_none() {
                    return cerr("'yield from' inside async function", y.range);
                }
                self.expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.yield_from(false);
            }
            Expr::Await(a) => {
                if !self.is_top_level_await() {
                    let s = self.scope();
                    if s.kind != Kind::Function {
                        return cerr("'await' outside function", a.range);
                    }
                    if !(s.is_coroutine && s.comprehension.is_none()) && s.comprehension.is_none() {
                        return cerr("'await' outside async function", a.range);
                    }
                } else {
                    self.u().flags |= krait_bytecode::flags::COROUTINE;
                }
                self.expr(&a.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.yield_from(true);
            }
            Expr::Starred(s) => return cerr("can't use starred expression here", s.range),
            Expr::TString(t) => return cerr("invalid syntax", t.range),
            Expr::IpyEscapeCommand(t) => return cerr("invalid syntax", t.range),
        }
        Ok(())
    }

    pub(crate) fn emit_yield(&mut self) {
        let s = self.scope();
        if s.is_generator && s.is_coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    /// SEND/YIELD_VALUE loop of `yield from` and `await` (receiver and the
    /// value to send on the stack; leaves the result).
    pub(crate) fn yield_from(&mut self, is_await: bool) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind_label(start);
        self.jump(Opcode::SEND, exit);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.jump(Opcode::JUMP_BACKWARD, start);
        self.bind_label(exit);
    }

    /// `not (a is b)`, `not (a in b)` and their negations: compiles the
    /// comparison with IS_OP/CONTAINS_OP's argument inverted instead of a
    /// UNARY_NOT after it, as CPython's peephole optimizer does. False (and
    /// nothing emitted) for other operands.
    fn not_folds_into(&mut self, operand: &'a Expr) -> CResult<bool> {
        use ast::CmpOp::*;
        let Expr::Compare(c) = operand else { return Ok(false) };
        if c.ops.len() != 1 || !matches!(c.ops[0], Is | IsNot | In | NotIn) {
            return Ok(false);
        }
        self.expr(operand)?;
        let code = &mut self.u().code;
        let last = code.len() - 1;
        let (op, arg) = krait_bytecode::decode(code[last]);
        match Opcode::from_u8(op) {
            Some(o @ (Opcode::IS_OP | Opcode::CONTAINS_OP)) => code[last] = krait_bytecode::encode(o, arg ^ 1),
            _ => {
                self.emit(Opcode::UNARY_NOT, 0);
            }
        }
        Ok(true)
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp::*;
        let (o, a) = match op {
            Eq => (Opcode::COMPARE_OP, CompareOp::Eq as u32),
            NotEq => (Opcode::COMPARE_OP, CompareOp::Ne as u32),
            Lt => (Opcode::COMPARE_OP, CompareOp::Lt as u32),
            LtE => (Opcode::COMPARE_OP, CompareOp::Le as u32),
            Gt => (Opcode::COMPARE_OP, CompareOp::Gt as u32),
            GtE => (Opcode::COMPARE_OP, CompareOp::Ge as u32),
            Is => (Opcode::IS_OP, 0),
            IsNot => (Opcode::IS_OP, 1),
            In => (Opcode::CONTAINS_OP, 0),
            NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(o, a);
    }

    /// Jumps to `target` when `test` is `jump_if` (CPython's compiler_jump_if).
    pub(crate) fn cond_jump(&mut self, test: &'a Expr, jump_if: bool, target: usize) -> CResult<()> {
        let saved = self.ur().loc;
        self.set_loc(test.range());
        let r = self.cond_jump_inner(test, jump_if, target);
        self.u().loc = saved;
        r
    }

    fn cond_jump_inner(&mut self, test: &'a Expr, jump_if: bool, target: usize) -> CResult<()> {
        match test {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.cond_jump(&u.operand, !jump_if, target),
            Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let n = b.values.len();
                let next2 = if is_or != jump_if { self.new_label() } else { target };
                for v in &b.values[..n - 1] {
                    self.cond_jump(v, is_or, next2)?;
                }
                self.cond_jump(&b.values[n - 1], jump_if, target)?;
                if next2 != target {
                    self.bind_label(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.cond_jump(&i.test, false, next2)?;
                self.cond_jump(&i.body, jump_if, target)?;
                self.jump(Opcode::JUMP_FORWARD, end);
                self.bind_label(next2);
                self.cond_jump(&i.orelse, jump_if, target)?;
                self.bind_label(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                let n = c.ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(&c.left)?;
                for i in 0..n {
                    self.expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.compare_op(c.ops[i]);
                    self.jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&c.comparators[n])?;
                self.compare_op(c.ops[n]);
                self.jump(if jump_if { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, target);
                let end = self.new_label();
                self.jump(Opcode::JUMP_FORWARD, end);
                self.bind_label(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !jump_if {
                    self.jump(Opcode::JUMP_FORWARD, target);
                }
                self.bind_label(end);
                return Ok(());
            }
            _ => {}
        }
        // A constant condition needs no test (`while True:`, `if 0:`).
        if let Some(c) = self.konst(test) {
            if let Some(t) = constants::truthiness(&c) {
                if t == jump_if {
                    self.jump(Opcode::JUMP_FORWARD, target);
                }
                return Ok(());
            }
        }
        self.expr(test)?;
        self.jump(if jump_if { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, target);
        Ok(())
    }

    /// Builds a tuple/list/set, with `*x` unpacking (CPython's starunpack_helper).
    fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, build: Opcode, add: Opcode, extend: Opcode, tuple: bool) -> CResult<()> {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Constant>> = elts.iter().map(|e| self.konst(e)).collect();
            if let Some(cs) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(cs));
                } else {
                    let folded = if add == Opcode::SET_ADD { Constant::FrozenSet(cs) } else { Constant::Tuple(cs) };
                    self.emit(build, pushed);
                    self.load_const(folded);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::LIST_TO_TUPLE, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(if tuple { Opcode::BUILD_TUPLE } else { build }, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let items = &d.items[begin..end];
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items.iter().map(|it| it.key.as_ref().and_then(|k| self.konst(k))).collect();
            if let Some(keys) = keys {
                for it in items {
                    self.expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for it in items {
            self.expr(it.key.as_ref().unwrap())?;
            self.expr(&it.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let n = d.items.len();
        let mut elements = 0;
        let mut have_dict = false;
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&d.items[i].value)?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `call` is the location CPython's compiler is at (the call) when it
    /// rejects `__debug__=`.
    fn validate_keywords(&self, kws: &[ast::Keyword], call: TextRange) -> CResult<()> {
        for (i, k) in kws.iter().enumerate() {
            let Some(a) = &k.arg else { continue };
            if a.as_str() == "__debug__" {
                return cerr("cannot assign to __debug__", call);
            }
            for k2 in &kws[i + 1..] {
                if let Some(a2) = &k2.arg {
                    if a2.as_str() == a.as_str() {
                        return cerr(format!("keyword argument repeated: {}", a.as_str()), k2.range);
                    }
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        self.check_caller(c);
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        // Method calls: obj.name(...) without unpacking.
        if let Expr::Attribute(a) = &*c.func {
            let simple = !args.iter().any(|x| matches!(x, Expr::Starred(_))) && !kws.iter().any(|k| k.arg.is_none());
            if simple && args.len() + kws.len() + (!kws.is_empty()) as usize <= STACK_USE_GUIDELINE - 1 {
                self.validate_keywords(kws, c.range())?;
                self.expr(&a.value)?;
                let ar = attr_range(self, a);
                self.set_loc(ar);
                self.emit_name(Opcode::LOAD_METHOD, a.attr.as_str());
                for x in args.iter() {
                    self.expr(x)?;
                }
                self.keywords_simple(kws)?;
                let cr = if ar.start() != a.range.start() { TextRange::new(ar.start(), c.range().end()) } else { c.range() };
                self.set_loc(cr);
                self.emit(Opcode::CALL, (args.len() + kws.len()) as u32);
                return Ok(());
            }
        }
        self.emit(Opcode::PUSH_NULL, 0);
        self.expr(&c.func)?;
        self.call_helper(0, args, kws, c.range())
    }

    fn keywords_simple(&mut self, kws: &'a [ast::Keyword]) -> CResult<()> {
        if kws.is_empty() {
            return Ok(());
        }
        let mut names = vec![];
        for k in kws {
            self.expr(&k.value)?;
            names.push(Constant::Str(k.arg.as_ref().unwrap().as_str().to_owned()));
        }
        let ki = self.const_idx(Constant::Tuple(names));
        self.emit(Opcode::KW_NAMES, ki);
        Ok(())
    }

    /// Arguments and the call, with `n` positional arguments already pushed
    /// (CPython's compiler_call_helper).
    pub(crate) fn call_helper(&mut self, n: u32, args: &'a [Expr], kws: &'a [ast::Keyword], r: TextRange) -> CResult<()> {
        self.validate_keywords(kws, r)?;
        let nelts = args.len();
        let nkw = kws.len();
        let ex = args.iter().any(|x| matches!(x, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none()) || nelts + nkw * 2 > STACK_USE_GUIDELINE;
        if !ex {
            for x in args {
                self.expr(x)?;
            }
            self.keywords_simple(kws)?;
            self.set_loc(r);
            self.emit(Opcode::CALL, n + (nelts + nkw) as u32);
            return Ok(());
        }
        if n == 0 && nelts == 1 && matches!(args[0], Expr::Starred(_)) {
            let Expr::Starred(s) = &args[0] else { unreachable!() };
            self.expr(&s.value)?;
        } else {
            self.starunpack(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for i in 0..nkw {
                if kws[i].arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&kws[i].value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[nkw - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.set_loc(r);
        self.emit(Opcode::CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> CResult<()> {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let mut keys = vec![];
            for k in kws {
                self.expr(&k.value)?;
                keys.push(Constant::Str(k.arg.as_ref().unwrap().as_str().to_owned()));
            }
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            self.load_const(Constant::Str(k.arg.as_ref().unwrap().as_str().to_owned()));
            self.expr(&k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // -----------------------------------------------------------------------
    // f-strings.

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult<()> {
        let mut pieces: Vec<Piece<'a>> = vec![];
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => push_lit(&mut pieces, self.literal_part_const(l)),
                ast::FStringPart::FString(fs) => self.collect_pieces(&fs.elements, fs.flags.prefix().is_raw(), &mut pieces),
            }
        }
        self.emit_pieces(&pieces)
    }

    /// `raw`: the f-string has an `r` prefix (escapes are text).
    fn collect_pieces(&self, els: &'a ast::InterpolatedStringElements, raw: bool, out: &mut Vec<Piece<'a>>) {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => match self.constant_override(l.range) {
                    Some(c) => push_lit(out, c.clone()),
                    None => match self.pos.source() {
                        Some(src) => push_lit(out, crate::constants::fstring_text_value(&l.value, &src[l.range], raw)),
                        None => push_lit(out, crate::constants::str_const(&l.value)),
                    },
                },
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        let text = format!("{}{}{}", d.leading(), self.source_slice(i.expression.range()), d.trailing());
                        push_lit(out, Constant::Str(text));
                    }
                    out.push(Piece::Value(i));
                }
            }
        }
    }

    fn emit_pieces(&mut self, pieces: &[Piece<'a>]) -> CResult<()> {
        let pieces: Vec<&Piece<'a>> = pieces.iter().filter(|p| !matches!(p, Piece::Lit(Constant::Str(s)) if s.is_empty())).collect();
        let n = pieces.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(String::new()));
            self.emit_name_raw(Opcode::LOAD_METHOD, "join");
            self.emit(Opcode::BUILD_LIST, 0);
            for p in &pieces {
                self.emit_piece(p)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::CALL, 1);
            return Ok(());
        }
        for p in &pieces {
            self.emit_piece(p)?;
        }
        if n != 1 {
            self.emit(Opcode::BUILD_STRING, n as u32);
        }
        Ok(())
    }

    fn emit_piece(&mut self, p: &Piece<'a>) -> CResult<()> {
        match p {
            Piece::Lit(c) => self.load_const(c.clone()),
            Piece::Value(i) => {
                if let ast::Expr::Starred(st) = &*i.expression {
                    return cerr("f-string: cannot use starred expression here", st.range);
                }
                let mut conv = match i.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if i.debug_text.is_some() && conv == 0 && i.format_spec.is_none() {
                    conv = 2;
                }
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    let mut sp = vec![];
                    self.collect_pieces(&spec.elements, false, &mut sp);
                    self.emit_pieces(&sp)?;
                    conv |= 4;
                }
                self.emit(Opcode::FORMAT_VALUE, conv);
            }
        }
        Ok(())
    }
}

enum Piece<'a> {
    Lit(Constant),
    Value(&'a ast::InterpolatedElement),
}

/// Appends a literal, merging it with a preceding literal.
fn push_lit(out: &mut Vec<Piece<'_>>, c: Constant) {
    if let Some(Piece::Lit(prev)) = out.last_mut() {
        if let Some(m) = crate::constants::concat_str(prev, &c) {
            *prev = m;
            return;
        }
    }
    out.push(Piece::Lit(c));
}

/// The location CPython gives an attribute access: the whole `a.b`, but
/// starting at the attribute's line when it is on a later line.
pub(crate) fn attr_range(c: &Compiler<'_>, a: &ast::ExprAttribute) -> TextRange {
    let whole = a.range;
    if c.line_of(a.attr.range) != c.line_of(whole) {
        TextRange::new(a.attr.range.start(), whole.end())
    } else {
        whole
    }
}
