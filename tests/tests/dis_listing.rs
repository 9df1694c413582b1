//! The stdlib's `dis`, run by krait over its own `opcode` module, lists the
//! instructions krait's compiler emitted: same words, opcodes, arguments and
//! jump targets as the compiler's own table (krait-only; CPython's listing
//! is a different instruction set).

use krait_bytecode::{CodeUnit, Constant, Mode};
use std::fmt::Write;
use std::process::Command;

/// Functions with locals, globals, closures, jumps both ways, inline
/// caches, exception handlers, and arguments wider than one byte.
fn source() -> String {
    let mut s = String::from(
        "def f(a, b=2):\n    for x in a:\n        if x is not None and not (x in b):\n            b = b + [x]\n    return len(b)\n\
         def g(n):\n    def inner():\n        return n + 1\n    try:\n        return inner()\n    except (KeyError, ValueError) as e:\n        return e.args\n\
         class C:\n    def m(self):\n        while self.x:\n            self.x -= 1\n        return [y * 2 for y in range(3)]\n\
         def big():\n",
    );
    for i in 0..300 {
        writeln!(s, "    v{i} = {}", i * 7 + 1000).unwrap();
    }
    s.push_str("    while v299:\n        v299 = v0 if v1 else v2\n    return v299\n");
    s
}

/// `qualname word opname arg` per instruction of `code` and the code
/// objects among its constants, depth first; `-` for an argument the
/// instruction ignores.
fn compiler_listing(code: &CodeUnit, out: &mut String) {
    for (at, op, arg) in code.instructions() {
        let a = if (op as u8) < krait_bytecode::pyview::HAVE_ARGUMENT { "-".to_string() } else { arg.to_string() };
        writeln!(out, "{} {} {} {}", code.qualname, at, op.name(), a).unwrap();
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            compiler_listing(inner, out);
        }
    }
}

const DIS_SCRIPT: &str = r#"
import dis, sys
src = sys.stdin.read()
def walk(co):
    for i in dis.get_instructions(co):
        if i.opname == "EXTENDED_ARG":
            continue
        assert i.offset % 4 == 2, i
        word = i.offset // 4
        if i.arg is None:
            arg = "-"
        elif i.opcode in dis.hasjabs:
            assert i.argval % 4 == 0, i
            arg = i.argval // 4
        else:
            arg = i.arg
        print(co.co_qualname, word, i.opname, arg)
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c)
walk(compile(src, "<dis>", "exec"))
"#;

#[test]
fn dis_lists_the_compilers_instructions() {
    let krait = match krait_tests::find_krait() {
        Ok(k) => k,
        Err(e) => panic!("{e}"),
    };
    let src = source();
    let unit = krait_compiler::compile(&src, "<dis>", Mode::Exec, &Default::default()).expect("compiles");
    let mut want = String::new();
    compiler_listing(&unit, &mut want);

    let mut child = Command::new(krait)
        .args(["-c", DIS_SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("krait runs");
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(src.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "krait failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(want.contains(" 299\n") && want.contains("JUMP_BACKWARD"), "the source exercises wide arguments and loops");
    for (n, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        assert_eq!(w, g, "instruction {n} differs");
    }
    assert_eq!(want.lines().count(), got.lines().count());
}
