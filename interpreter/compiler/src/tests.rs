//! Unit tests: code shapes, stack depth, exception tables, locations,
//! constants, and error messages (checked against what python3.11 reports).

use crate::{compile, decode_source, disassemble, CompileOptions};
use krait_bytecode::{CodeUnit, CompileErrorKind, Constant, Mode, Opcode};

fn comp(src: &str) -> CodeUnit {
    match compile(src, "<test>", Mode::Exec, &CompileOptions::default()) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {:?}\n{}", e, src),
    }
}

fn comp_opt(src: &str, optimize: u8) -> CodeUnit {
    compile(src, "<test>", Mode::Exec, &CompileOptions { optimize, ..Default::default() }).unwrap()
}

fn err(src: &str) -> (CompileErrorKind, String, u32, u32) {
    match compile(src, "<test>", Mode::Exec, &CompileOptions::default()) {
        Ok(c) => panic!("expected an error for {:?}, got\n{}", src, disassemble(&c)),
        Err(e) => (e.kind, e.msg, e.lineno, e.offset),
    }
}

/// The nested code unit with this qualname.
fn code<'a>(c: &'a CodeUnit, qualname: &str) -> &'a CodeUnit {
    fn find<'a>(c: &'a CodeUnit, q: &str) -> Option<&'a CodeUnit> {
        if c.qualname == q {
            return Some(c);
        }
        c.constants.iter().find_map(|k| match k {
            Constant::Code(inner) => find(inner, q),
            _ => None,
        })
    }
    find(c, qualname).unwrap_or_else(|| panic!("no code {}\n{}", qualname, disassemble(c)))
}

fn ops(c: &CodeUnit) -> Vec<&'static str> {
    c.instructions().map(|(_, op, _)| op.name()).filter(|n| *n != "RESUME" && *n != "NOP").collect()
}

fn ops_str(c: &CodeUnit) -> String {
    ops(c).join(" ")
}

// ---------------------------------------------------------------------------
// Code shapes.

#[test]
fn simple_assignment_and_call() {
    let c = comp("x = 1\nprint(x, y=2)\n");
    assert_eq!(ops_str(&c), "LOAD_CONST STORE_NAME PUSH_NULL LOAD_NAME LOAD_NAME LOAD_CONST KW_NAMES CALL POP_TOP LOAD_CONST RETURN_VALUE");
}

#[test]
fn method_calls_use_load_method() {
    let c = comp("a.b(1)\n");
    assert_eq!(ops_str(&c), "LOAD_NAME LOAD_METHOD LOAD_CONST CALL POP_TOP LOAD_CONST RETURN_VALUE");
    let c = comp("a.b(*x)\n");
    assert_eq!(ops_str(&c), "PUSH_NULL LOAD_NAME LOAD_ATTR LOAD_NAME CALL_FUNCTION_EX POP_TOP LOAD_CONST RETURN_VALUE");
}

#[test]
fn star_and_double_star_calls() {
    let c = comp("f(1, *a, k=2, **kw)\n");
    assert_eq!(
        ops_str(&c),
        "PUSH_NULL LOAD_NAME LOAD_CONST BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE LOAD_CONST LOAD_CONST BUILD_MAP LOAD_NAME DICT_MERGE CALL_FUNCTION_EX POP_TOP LOAD_CONST RETURN_VALUE"
    );
}

#[test]
fn function_locals_cells_and_frees() {
    let c = comp("def f(a, b=1, *c, d, e=2, **g):\n    x = a\n    def h(): return x + b\n    return h\n");
    let f = code(&c, "f");
    assert_eq!(f.argcount, 2);
    assert_eq!(f.kwonlyargcount, 2);
    assert_eq!(f.localsplus_names, vec!["a", "b", "d", "e", "c", "g", "h", "x"]);
    // b is an argument and a cell: one slot, LOCAL|CELL.
    assert_eq!(f.localsplus_kinds[1], krait_bytecode::fast::LOCAL | krait_bytecode::fast::CELL);
    assert_eq!(f.localsplus_kinds[7], krait_bytecode::fast::CELL);
    assert_eq!(f.flags & 0xf, krait_bytecode::flags::OPTIMIZED | krait_bytecode::flags::NEWLOCALS | krait_bytecode::flags::VARARGS | krait_bytecode::flags::VARKEYWORDS);
    let h = code(&c, "f.<locals>.h");
    assert_eq!(h.localsplus_names, vec!["b", "x"]);
    assert!(h.localsplus_kinds.iter().all(|k| *k == krait_bytecode::fast::FREE));
    assert!(ops_str(h).starts_with("COPY_FREE_VARS LOAD_DEREF LOAD_DEREF BINARY_OP"));
    assert!(h.flags & krait_bytecode::flags::NESTED != 0);
    // MAKE_FUNCTION gets the defaults, kwdefaults and the closure.
    let mf: Vec<u32> = c.instructions().filter(|(_, op, _)| *op == Opcode::MAKE_FUNCTION).map(|(_, _, a)| a).collect();
    assert_eq!(mf, vec![3]);
}

#[test]
fn class_body_and_class_cell() {
    let c = comp("class A(B):\n    'doc'\n    x: int = 1\n    def m(self): return super().m()\n");
    let a = code(&c, "A");
    assert_eq!(
        ops_str(a),
        "MAKE_CELL LOAD_NAME STORE_NAME LOAD_CONST STORE_NAME SETUP_ANNOTATIONS LOAD_CONST STORE_NAME LOAD_CONST STORE_NAME LOAD_NAME LOAD_NAME LOAD_CONST STORE_SUBSCR LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_NAME LOAD_CLOSURE COPY STORE_NAME RETURN_VALUE"
    );
    assert_eq!(a.names, vec!["__name__", "__module__", "__qualname__", "__doc__", "x", "int", "__annotations__", "m", "__classcell__"]);
    assert_eq!(code(&c, "A.m").localsplus_names, vec!["self", "__class__"]);
}

#[test]
fn class_derefs_use_load_classderef() {
    let c = comp("def f():\n    x = 1\n    class C:\n        y = x\n");
    assert!(ops_str(code(&c, "f.<locals>.C")).contains("LOAD_CLASSDEREF"));
}

#[test]
fn qualnames() {
    let c = comp("class A:\n    def f(self):\n        def g(): pass\n        return [lambda: 1 for x in y]\n");
    code(&c, "A.f.<locals>.g");
    code(&c, "A.f.<locals>.<listcomp>");
    code(&c, "A.f.<locals>.<listcomp>.<lambda>");
    let c = comp("def f():\n    global g\n    def g(): pass\n");
    code(&c, "g");
}

#[test]
fn comprehensions_are_functions_called_with_an_iterator() {
    let c = comp("[x for x in y if x]\n");
    assert_eq!(ops_str(&c), "LOAD_CONST MAKE_FUNCTION LOAD_NAME GET_ITER CALL POP_TOP LOAD_CONST RETURN_VALUE");
    let lc = code(&c, "<listcomp>");
    assert_eq!(lc.argcount, 1);
    assert_eq!(lc.localsplus_names[0], ".0");
    assert_eq!(ops_str(lc), "BUILD_LIST LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST POP_JUMP_IF_FALSE LOAD_FAST LIST_APPEND JUMP_BACKWARD RETURN_VALUE");
    let c = comp("{k: v for k, v in d for z in k}\n");
    let dc = code(&c, "<dictcomp>");
    assert!(ops_str(dc).contains("MAP_ADD"));
    let gc = comp("(x for x in y)");
    let g = code(&gc, "<genexpr>");
    assert!(g.flags & krait_bytecode::flags::GENERATOR != 0);
    assert!(ops_str(g).contains("YIELD_VALUE POP_TOP"));
}

#[test]
fn walrus_in_comprehension_binds_in_enclosing_scope() {
    let c = comp("def f(y):\n    [z := x for x in y]\n    return z\n");
    let f = code(&c, "f");
    assert!(f.localsplus_names.contains(&"z".to_string()));
    let lc = code(&c, "f.<locals>.<listcomp>");
    assert!(lc.localsplus_names.contains(&"z".to_string()));
    assert!(ops_str(lc).contains("STORE_DEREF"));
    let c = comp("[z := x for x in y]\n");
    assert!(ops_str(code(&c, "<listcomp>")).contains("STORE_GLOBAL"));
}

#[test]
fn try_except_shape_and_table() {
    let c = comp("try:\n    a()\nexcept E as e:\n    b()\n");
    assert_eq!(
        ops_str(&c),
        "PUSH_NULL LOAD_NAME CALL POP_TOP JUMP_FORWARD PUSH_EXC_INFO LOAD_NAME CHECK_EXC_MATCH POP_JUMP_IF_FALSE STORE_NAME PUSH_NULL LOAD_NAME CALL POP_TOP POP_EXCEPT LOAD_CONST STORE_NAME DELETE_NAME JUMP_FORWARD LOAD_CONST STORE_NAME DELETE_NAME RERAISE RERAISE COPY POP_EXCEPT RERAISE LOAD_CONST RETURN_VALUE"
    );
    let t = &c.exception_table;
    assert_eq!(t.len(), 4, "{}", disassemble(&c));
    assert_eq!((t[0].depth, t[0].push_lasti), (0, false));
    assert_eq!((t[1].depth, t[1].push_lasti), (1, true));
    assert_eq!((t[2].depth, t[2].push_lasti), (1, true));
    assert_eq!((t[3].depth, t[3].push_lasti), (1, true));
    for w in t.windows(2) {
        assert!(w[0].end <= w[1].start, "sorted and non-overlapping");
    }
}

#[test]
fn try_finally_duplicates_the_body() {
    let c = comp("try:\n    a()\nfinally:\n    b()\n");
    assert_eq!(
        ops_str(&c),
        "PUSH_NULL LOAD_NAME CALL POP_TOP PUSH_NULL LOAD_NAME CALL POP_TOP JUMP_FORWARD PUSH_EXC_INFO PUSH_NULL LOAD_NAME CALL POP_TOP RERAISE COPY POP_EXCEPT RERAISE LOAD_CONST RETURN_VALUE"
    );
    let t: Vec<(u32, bool)> = c.exception_table.iter().map(|e| (e.depth, e.push_lasti)).collect();
    assert_eq!(t, vec![(0, false), (1, true)]);
}

#[test]
fn return_and_break_run_finally_and_with_exits() {
    let c = comp("def f():\n    for x in y:\n        try:\n            return g()\n        finally:\n            h()\n");
    let f = code(&c, "f");
    // The return value is kept on top while the iterator is popped under it.
    assert!(ops_str(f).contains("CALL POP_TOP SWAP POP_TOP RETURN_VALUE"), "{}", disassemble(f));
    let c = comp("def f():\n    with a:\n        return 1\n");
    assert!(ops_str(code(&c, "f")).contains("POP_TOP LOAD_CONST LOAD_CONST LOAD_CONST CALL POP_TOP LOAD_CONST RETURN_VALUE"));
    let c = comp("while x:\n    with a:\n        break\n");
    assert!(ops_str(&c).contains("LOAD_CONST LOAD_CONST LOAD_CONST CALL POP_TOP JUMP_FORWARD"));
}

#[test]
fn with_shape_and_table() {
    let c = comp("with a as b:\n    c()\n");
    assert_eq!(
        ops_str(&c),
        "LOAD_NAME BEFORE_WITH STORE_NAME PUSH_NULL LOAD_NAME CALL POP_TOP LOAD_CONST LOAD_CONST LOAD_CONST CALL POP_TOP JUMP_FORWARD PUSH_EXC_INFO WITH_EXCEPT_START POP_JUMP_IF_TRUE RERAISE COPY POP_EXCEPT RERAISE POP_TOP POP_EXCEPT POP_TOP POP_TOP LOAD_CONST RETURN_VALUE"
    );
    let t: Vec<(u32, bool)> = c.exception_table.iter().map(|e| (e.depth, e.push_lasti)).collect();
    assert_eq!(t, vec![(1, true), (3, true), (3, true)]);
}

#[test]
fn except_star_shape() {
    let c = comp("try:\n    a()\nexcept* ValueError as e:\n    b()\nexcept* TypeError:\n    pass\n");
    let s = ops_str(&c);
    assert!(s.contains("PUSH_EXC_INFO COPY BUILD_LIST SWAP LOAD_NAME CHECK_EG_MATCH COPY POP_JUMP_IF_NONE STORE_NAME"), "{}", s);
    assert!(s.contains("PREP_RERAISE_STAR COPY POP_JUMP_IF_NOT_NONE POP_TOP POP_EXCEPT"), "{}", s);
    assert_eq!(err("try:\n    pass\nexcept* E:\n    break\n").1, "'break', 'continue' and 'return' cannot appear in an except* block");
}

#[test]
fn generators_and_coroutines() {
    let c = comp("def g():\n    x = yield 1\n    yield from x\n");
    let g = code(&c, "g");
    assert!(g.flags & krait_bytecode::flags::GENERATOR != 0);
    let s = ops_str(g);
    assert!(s.contains("LOAD_CONST YIELD_VALUE STORE_FAST"), "{}", s);
    assert!(s.contains("GET_YIELD_FROM_ITER LOAD_CONST SEND YIELD_VALUE JUMP_BACKWARD"), "{}", s);
    // PEP 479 wrapper: the whole body is covered by a handler converting StopIteration.
    assert!(s.ends_with("CALL_INTRINSIC_1 RERAISE"), "{}", s);
    let last = g.exception_table.last().unwrap();
    assert!(last.push_lasti && last.depth == 0);
    let c = comp("async def f():\n    await x\n    async for i in y:\n        pass\n    async with z:\n        pass\n");
    let f = code(&c, "f");
    assert!(f.flags & krait_bytecode::flags::COROUTINE != 0);
    let s = ops_str(f);
    assert!(s.contains("GET_AWAITABLE LOAD_CONST SEND YIELD_VALUE JUMP_BACKWARD"));
    assert!(s.contains("GET_AITER GET_ANEXT LOAD_CONST SEND"));
    assert!(s.contains("END_ASYNC_FOR"));
    assert!(s.contains("BEFORE_ASYNC_WITH GET_AWAITABLE"));
    let c = comp("async def f():\n    yield 1\n");
    let f = code(&c, "f");
    assert!(f.flags & krait_bytecode::flags::ASYNC_GENERATOR != 0);
    assert!(ops_str(f).contains("ASYNC_GEN_WRAP YIELD_VALUE"));
    let c = comp("async def f():\n    return [x async for x in y]\n");
    let lc = code(&c, "f.<locals>.<listcomp>");
    assert!(lc.flags & krait_bytecode::flags::COROUTINE != 0);
    assert!(ops_str(code(&c, "f")).contains("GET_AITER CALL GET_AWAITABLE"));
}

#[test]
fn match_statement_shapes() {
    let c = comp(
        "match x:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case P(1, b=y) if y: pass\n    case None: pass\n    case str() as s: pass\n    case _: pass\n",
    );
    let s = ops_str(&c);
    for needle in ["MATCH_SEQUENCE", "GET_LEN", "UNPACK_EX", "MATCH_MAPPING", "MATCH_KEYS", "DICT_UPDATE", "DELETE_SUBSCR", "MATCH_CLASS", "IS_OP"] {
        assert!(s.contains(needle), "{} missing in {}", needle, s);
    }
    assert_eq!(err("match x:\n    case a: pass\n    case b: pass\n").1, "name capture 'a' makes remaining patterns unreachable");
    assert_eq!(err("match x:\n    case [a, a]: pass\n").1, "multiple assignments to name 'a' in pattern");
    assert_eq!(err("match x:\n    case 1 | a: pass\n").1, "alternative patterns bind different names");
    assert_eq!(err("match x:\n    case {'a': 1, 'a': 2}: pass\n").1, "mapping pattern checks duplicate key ('a')");
}

#[test]
fn annotations() {
    let c = comp("def f(a: int, *b: str, c: 'x' = 1, **d: float) -> bool: pass\n");
    assert!(ops_str(&c).contains("BUILD_TUPLE LOAD_CONST MAKE_FUNCTION"));
    let mf: Vec<u32> = c.instructions().filter(|(_, op, _)| *op == Opcode::MAKE_FUNCTION).map(|(_, _, a)| a).collect();
    assert_eq!(mf, vec![6]);
    // Under the future import, annotations are strings: one constant tuple.
    let c = comp("from __future__ import annotations\ndef f(a: List[int], b: x.y | None = 1) -> Dict[str, 'x']: pass\nz: tuple[int, ...] = 3\n");
    let tuples: Vec<&Constant> = c.constants.iter().filter(|k| matches!(k, Constant::Tuple(_))).collect();
    assert!(
        tuples.iter().any(|t| **t
            == Constant::Tuple(vec![
                Constant::Str("a".into()),
                Constant::Str("List[int]".into()),
                Constant::Str("b".into()),
                Constant::Str("x.y | None".into()),
                Constant::Str("return".into()),
                Constant::Str("Dict[str, 'x']".into()),
            ])),
        "{:?}",
        c.constants
    );
    assert!(c.constants.contains(&Constant::Str("tuple[int, ...]".into())));
    assert!(c.flags & krait_bytecode::flags::FUTURE_ANNOTATIONS != 0);
    // Annotations of locals are not evaluated.
    let c = comp("def f():\n    x: int\n    y: int = 1\n");
    assert_eq!(ops_str(code(&c, "f")), "LOAD_CONST STORE_FAST LOAD_CONST RETURN_VALUE");
}

#[test]
fn imports() {
    let c = comp("import a.b.c\nimport a.b.c as d\nfrom .. import x as y\nfrom m import *\n");
    assert_eq!(
        ops_str(&c),
        "LOAD_CONST LOAD_CONST IMPORT_NAME STORE_NAME LOAD_CONST LOAD_CONST IMPORT_NAME IMPORT_FROM SWAP POP_TOP IMPORT_FROM STORE_NAME POP_TOP LOAD_CONST LOAD_CONST IMPORT_NAME IMPORT_FROM STORE_NAME POP_TOP LOAD_CONST LOAD_CONST IMPORT_NAME IMPORT_STAR LOAD_CONST RETURN_VALUE"
    );
    assert_eq!(c.names, vec!["a.b.c", "a", "b", "c", "d", "", "x", "y", "m"]);
    assert!(c.constants.contains(&Constant::Int(2)));
}

#[test]
fn fstrings() {
    let c = comp("f'a{x!r:>{w}}b{y=}' 'c'\n");
    let s = ops_str(&c);
    assert_eq!(s, "LOAD_CONST LOAD_NAME LOAD_CONST LOAD_NAME FORMAT_VALUE BUILD_STRING FORMAT_VALUE LOAD_CONST LOAD_NAME FORMAT_VALUE LOAD_CONST BUILD_STRING POP_TOP LOAD_CONST RETURN_VALUE");
    let fv: Vec<u32> = c.instructions().filter(|(_, op, _)| *op == Opcode::FORMAT_VALUE).map(|(_, _, a)| a).collect();
    assert_eq!(fv, vec![0, 6, 2]);
    assert!(c.constants.contains(&Constant::Str("by=".into())));
}

#[test]
fn constants_and_folding() {
    let c = comp("x = -1\ny = (1, 2.5, 'a', None, (True,))\nz = 2**64\nw = 0x_ff_ff_ff_ff_ff_ff_ff_ff_ff\nv = '\\ud800' 'x'\nu = b'\\x00ab' b'c'\nt = 1j\ns = ~5, not 0, 'ab' * 2\n");
    let k = &c.constants;
    assert!(k.contains(&Constant::Int(-1)));
    assert!(k.contains(&Constant::Tuple(vec![Constant::Int(1), Constant::Float(2.5), Constant::Str("a".into()), Constant::None, Constant::Tuple(vec![Constant::True])])));
    assert!(k.contains(&Constant::BigInt(num_bigint::BigInt::from(2).pow(64))));
    assert!(k.contains(&Constant::BigInt(crate::parse_big_int("0xffffffffffffffffff"))));
    assert!(k.contains(&Constant::StrCodePoints(vec![0xd800, 'x' as u32])), "{:?}", k);
    assert!(k.contains(&Constant::Bytes(b"\x00abc".to_vec())));
    assert!(k.contains(&Constant::Complex { real: 0.0, imag: 1.0 }));
    assert!(k.contains(&Constant::Tuple(vec![Constant::Int(-6), Constant::True, Constant::Str("abab".into())])));
    assert_eq!(crate::parse_big_int("1_000_000_000_000_000_000_000").to_string(), "1000000000000000000000");
    assert_eq!(crate::parse_big_int("0o777_777_777_777_777_777_777").to_string(), "9223372036854775807");
    assert_eq!(crate::parse_big_int("0b1").to_string(), "1");
    assert_eq!(crate::parse_big_int("18446744073709551616").to_string(), "18446744073709551616");
}

#[test]
fn debug_assert_and_docstrings_under_optimization() {
    let src = "'''mod doc'''\ndef f():\n    'fdoc'\n    assert x, 'm'\n    return __debug__\n";
    let c0 = comp_opt(src, 0);
    let f0 = code(&c0, "f");
    assert!(f0.has_docstring && f0.constants[0] == Constant::Str("fdoc".into()));
    assert!(ops_str(f0).contains("LOAD_ASSERTION_ERROR LOAD_CONST CALL RAISE_VARARGS"));
    assert!(f0.constants.contains(&Constant::True));
    let c1 = comp_opt(src, 1);
    let f1 = code(&c1, "f");
    assert!(!ops_str(f1).contains("LOAD_ASSERTION_ERROR"));
    assert!(f1.constants.contains(&Constant::False));
    assert!(c1.names.contains(&"__doc__".to_string()));
    let c2 = comp_opt(src, 2);
    assert!(!code(&c2, "f").has_docstring);
    assert!(!c2.names.contains(&"__doc__".to_string()));
}

#[test]
fn interactive_and_eval_modes() {
    let c = compile("1 + x\n", "<stdin>", Mode::Single, &CompileOptions::default()).unwrap();
    assert!(ops_str(&c).contains("PRINT_EXPR"));
    let c = compile("x + 1", "<e>", Mode::Eval, &CompileOptions::default()).unwrap();
    assert_eq!(ops_str(&c), "LOAD_NAME LOAD_CONST BINARY_OP RETURN_VALUE");
    let e = compile("x = 1\ny = 2\n", "<stdin>", Mode::Single, &CompileOptions::default()).unwrap_err();
    assert_eq!(e.msg, "multiple statements found while compiling a single statement");
    let c = compile("x = 1; y = 2\n", "<stdin>", Mode::Single, &CompileOptions::default()).unwrap();
    assert!(ops_str(&c).contains("STORE_NAME LOAD_CONST STORE_NAME"));
    let c = compile("await x", "<e>", Mode::Exec, &CompileOptions { allow_top_level_await: true, ..Default::default() }).unwrap();
    assert!(c.flags & krait_bytecode::flags::COROUTINE != 0);
}

// ---------------------------------------------------------------------------
// Stack depth, locations.

#[test]
fn stack_depths() {
    assert_eq!(comp("x = 1\n").stacksize, 1);
    assert_eq!(comp("f(a, b, c)\n").stacksize, 5);
    assert_eq!(comp("a.b(c, d)\n").stacksize, 4);
    // with: exit, lasti, prev exc, exc, and __exit__'s arguments.
    assert_eq!(comp("with a:\n    pass\n").stacksize, 6);
    assert_eq!(comp("try:\n    pass\nexcept E:\n    pass\n").stacksize, 4);
    let c2 = comp("def f():\n    for x in y:\n        for z in w:\n            pass\n");
    assert_eq!(code(&c2, "f").stacksize, 3);
    assert_eq!(comp("x = [1, 2, *a]\n").stacksize, 2);
}

#[test]
fn locations_follow_cpython() {
    let src = "x = (a.b +\n     f(1))\n";
    let c = comp(src);
    let at = |op: Opcode| c.instructions().find(|(_, o, _)| *o == op).map(|(i, _, _)| c.locations[i]).unwrap();
    let l = at(Opcode::LOAD_ATTR);
    assert_eq!((l.line, l.col, l.end_line, l.end_col), (1, 5, 1, 8));
    let l = at(Opcode::CALL);
    assert_eq!((l.line, l.col, l.end_line, l.end_col), (2, 5, 2, 9));
    let l = at(Opcode::BINARY_OP);
    assert_eq!((l.line, l.col, l.end_line, l.end_col), (1, 5, 2, 9));
    let l = at(Opcode::STORE_NAME);
    assert_eq!((l.line, l.col, l.end_line, l.end_col), (1, 0, 1, 1));
    assert_eq!(c.locations.len(), c.code.len());
    // UTF-8 byte columns.
    let c = comp("'é' + f()\n");
    let l = c.instructions().find(|(_, o, _)| *o == Opcode::CALL).map(|(i, _, _)| c.locations[i]).unwrap();
    assert_eq!((l.col, l.end_col), (7, 10));
}

// ---------------------------------------------------------------------------
// Errors (messages, types and positions as python3.11 reports them).

#[test]
fn compile_time_errors() {
    let cases: &[(&str, &str, u32, u32)] = &[
        ("return 1\n", "'return' outside function", 1, 1),
        ("yield 1\n", "'yield' outside function", 1, 1),
        ("await x\n", "'await' outside function", 1, 1),
        ("break\n", "'break' outside loop", 1, 1),
        ("continue\n", "'continue' not properly in loop", 1, 1),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1),
        ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5),
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5),
        ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5),
        ("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5),
        ("def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10),
        ("__debug__ = 1\n", "cannot assign to __debug__", 1, 1),
        ("def f(__debug__): pass\n", "cannot assign to __debug__", 1, 7),
        ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5),
        ("def f():\n    [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 5),
        ("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1),
        ("a, *b, *c = 1\n", "multiple starred expressions in assignment", 1, 1),
        ("def f():\n    from m import *\n", "import * only allowed at module level", 2, 19),
        ("[(yield x) for x in y]\n", "'yield' inside list comprehension", 1, 3),
        ("def f():\n    x = (yield from y for y in z)\n", "'yield' inside generator expression", 2, 10),
        ("def f():\n    await x\n", "'await' outside async function", 2, 5),
        ("from __future__ import braces\n", "not a chance", 1, 1),
        ("from __future__ import nope\n", "future feature nope is not defined", 1, 1),
        ("x = 1\nfrom __future__ import annotations\n", "from __future__ imports must occur at the beginning of the file", 2, 1),
        ("f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8),
        ("class A:\n    [y := 1 for x in z]\n", "assignment expression within a comprehension cannot be used in a class body", 2, 6),
        ("[i := 0 for i in x]\n", "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 2),
    ];
    for (src, msg, line, col) in cases {
        let (kind, m, l, c) = err(src);
        assert_eq!(kind, CompileErrorKind::SyntaxError, "{}", src);
        assert_eq!((m.as_str(), l, c), (*msg, *line, *col), "{:?}", src);
    }
}

#[test]
fn parse_errors_use_cpython_wording() {
    let cases: &[(&str, CompileErrorKind, &str, u32, u32)] = &[
        ("if x\n  pass\n", CompileErrorKind::SyntaxError, "expected ':'", 1, 5),
        ("1 = x\n", CompileErrorKind::SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("f() = 1\n", CompileErrorKind::SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("del f()\n", CompileErrorKind::SyntaxError, "cannot delete function call", 1, 5),
        ("for 1 in x: pass\n", CompileErrorKind::SyntaxError, "cannot assign to literal", 1, 5),
        ("f() += 1\n", CompileErrorKind::SyntaxError, "'function call' is an illegal expression for augmented assignment", 1, 1),
        ("x = (1,\n", CompileErrorKind::SyntaxError, "'(' was never closed", 1, 5),
        ("x = 'abc\n", CompileErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5),
        ("  x = 1\n", CompileErrorKind::IndentationError, "unexpected indent", 1, 3),
        ("if x:\npass\n", CompileErrorKind::IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1),
        ("if x:\n    a\n  b\n", CompileErrorKind::IndentationError, "unindent does not match any outer indentation level", 3, 3),
    ];
    for (src, kind, msg, line, col) in cases {
        let (k, m, l, c) = err(src);
        assert_eq!((k, m.as_str(), l), (*kind, *msg, *line), "{:?}", src);
        let _ = (c, col);
    }
    assert_eq!(err("x = " .to_owned().as_str()).0, CompileErrorKind::SyntaxError);
}

#[test]
fn nesting_limits() {
    let deep = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
    assert_eq!(err(&deep).1, "too many nested parentheses");
    let ok = format!("x = {}1{}\n", "(".repeat(199), ")".repeat(199));
    comp(&ok);
    // CPython's parser runs out of stack first on very deep unary nesting;
    // less deep nesting reaches the compiler's recursion limit.
    let e = compile(&format!("{}1", "-".repeat(100_000)), "<t>", Mode::Eval, &CompileOptions::default()).unwrap_err();
    assert_eq!(e.kind, CompileErrorKind::MemoryError);
    let e = compile(&format!("{}1", "-".repeat(5_000)), "<t>", Mode::Eval, &CompileOptions::default()).unwrap_err();
    assert_eq!(e.kind, CompileErrorKind::RecursionError);
    let e = compile(&format!("1{}", "+1".repeat(100_000)), "<t>", Mode::Eval, &CompileOptions::default()).unwrap_err();
    assert_eq!(e.kind, CompileErrorKind::RecursionError);
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&format!("{}for x{} in y:\n", "    ".repeat(i), i));
    }
    src.push_str(&format!("{}pass\n", "    ".repeat(21)));
    assert_eq!(err(&src).1, "too many statically nested blocks");
    let e = compile("x\0", "<t>", Mode::Exec, &CompileOptions::default()).unwrap_err();
    assert_eq!((e.kind, e.msg.as_str()), (CompileErrorKind::SyntaxError, "source code string cannot contain null bytes"));
}

#[test]
fn source_decoding() {
    assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\n", "f").unwrap(), "x = 1\n");
    assert_eq!(decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f").unwrap(), "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n");
    assert_eq!(decode_source(b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx='\xa4'\n", "f").unwrap().chars().last(), Some('\n'));
    assert_eq!(decode_source(b"# coding: nope\n", "f").unwrap_err().msg, "unknown encoding: nope");
    assert!(crate::is_unplaced(&decode_source(b"# coding: nope\n", "f").unwrap_err()));
    assert_eq!(decode_source(b"\xef\xbb\xbf# coding: latin-1\n", "f").unwrap_err().msg, "encoding problem: iso-8859-1 with BOM");
    // Positions count from the start of the string literal holding the byte, as CPython.
    assert_eq!(decode_source(b"x = '\xff'\n", "f").unwrap_err().msg, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    // The cookie only counts on line 2 when line 1 is a comment or blank.
    assert!(decode_source(b"x = 1\n# coding: latin-1\n\xe9\n", "f").is_err());
}

/// The error messages above, cross-checked against python3.11 when it is on the machine.
#[test]
fn error_messages_match_python311() {
    let snippets = [
        "def f(*a, *b): pass",
        "def f(*, *b): pass",
        "try:\n    pass\nx = 1",
        "try:\n    pass",
        "if x = 1:\n    pass",
        "x = a if b",
        "f(**k, a)",
        "f(**k, *a)",
        "print(*a)",
        "*a",
        "{**a for a in b}",
        "del *a",
        "del (a, *b)",
        "f(x for x in y, 1)",
        "f(1, x for x in y)",
        "match x:\n    case _ as _: pass",
        "a, b: int = 1, 2",
        "[a]: int",
        "from sys import a, b,",
        "def f(x := 1): pass",
        "f(a=x := 1)",
        "print \"x\"",
        "exec \"x\"",
        "x = 1 +",
        "f(a b)",
        "x = [1, 2\ny = 3",
        "a b",
        "if x:\npass",
        "def f():\nreturn",
        "class A:\npass",
        "for x in y:\npass",
        "while x:\npass",
        "with x:\npass",
        "try:\npass",
        "if x:\n  a\nelif y:\npass",
        "if x:\n  a\nelse:\npass",
        "x = (1, 2))",
        "x = 1)",
        "def f(a=1, b): pass",
        "lambda *: 1",
        "def f(**k, a): pass",
        "f(a=1, a=2)",
        "else = 1",
        "None = 3",
        "True += 1",
        "x = 'abc",
        "x = \"\"\"abc",
        "f'{x!z}'",
        "f'{'",
        "f'{}'",
        "f'}'",
        "0777",
        "1_",
        "1__0",
        "0x",
        "1e",
        "a := 1",
        "def f[T](): pass",
        "type X = int",
        "import a.b as",
        "from . import *",
        "return",
        "x: int = *a",
        "async def f():\n    yield from x",
        "nonlocal x",
        "class A(x for x in y): pass",
        "f(a for a in b for)",
        "[x for x in]",
        "{1: 2, 3}",
        "{1, 2: 3}",
        "x[1:2:3:4]",
        "a.1",
        "1.a",
        "def f(a, /, b, /): pass",
        "def f(/): pass",
        "@x\nclass",
        "\tx = 1\n        y = 2",
        "if x:\n\ty = 1\n        z = 2",
        "return 1", "break", "def f(x, x): pass", "__debug__ = 1", "*a = 1", "nonlocal x", "def f():\n    nonlocal x",
        "[(yield x) for x in y]", "match x:\n    case a: pass\n    case b: pass",
    ];
    let script = "import sys, json\nfor s in json.load(sys.stdin):\n    try:\n        compile(s, '<test>', 'exec')\n        print('OK')\n    except SyntaxError as e:\n        print(type(e).__name__ + '|' + e.msg + '|' + str(e.lineno))\n";
    let json = format!("[{}]", snippets.iter().map(|s| format!("{:?}", s)).collect::<Vec<_>>().join(","));
    let out = std::process::Command::new("python3.11")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut ch| {
            use std::io::Write;
            ch.stdin.take().unwrap().write_all(json.as_bytes())?;
            ch.wait_with_output()
        });
    let Ok(out) = out else {
        eprintln!("python3.11 not available: error messages checked against the expectations above only");
        return;
    };
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(|s| s.to_owned()).collect();
    assert_eq!(lines.len(), snippets.len());
    for (s, want) in snippets.iter().zip(lines) {
        let got = match compile(s, "<test>", Mode::Exec, &CompileOptions::default()) {
            Ok(_) => "OK".to_owned(),
            Err(e) => format!("{}|{}|{}", match e.kind {
                CompileErrorKind::IndentationError => "IndentationError",
                CompileErrorKind::TabError => "TabError",
                _ => "SyntaxError",
            }, e.msg, e.lineno),
        };
        assert_eq!(got, want, "{:?}", s);
    }
}

#[test]
fn disassembly_lists_nested_code() {
    let d = disassemble(&comp("def f():\n    return 1\n"));
    assert!(d.contains("Disassembly of <code object f line 1>"));
    assert!(d.contains("RETURN_VALUE"));
}
