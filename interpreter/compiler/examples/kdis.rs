//! Disassembles a file (or `-c SOURCE`) with krait's compiler: `cargo run -p krait-compiler --example kdis -- FILE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 2 && args[1] == "-snips" {
        let all = std::fs::read_to_string(&args[2]).unwrap();
        for s in all.split('\0') {
            let r = match krait_compiler::compile(s, "<s>", krait_bytecode::Mode::Exec, &Default::default()) {
                Ok(_) => "OK".to_owned(),
                Err(e) => format!("{:?}|{}|{}|{}", e.kind, e.msg, e.lineno, e.offset),
            };
            println!("{}", r);
        }
        return;
    }
    if args.len() > 2 && args[1] == "-raw" {
        raw(&args[2]);
        return;
    }
    let (src, name) = if args.len() > 2 && args[1] == "-c" {
        (args[2].clone(), "<string>".to_owned())
    } else {
        let bytes = std::fs::read(&args[1]).expect("read");
        (krait_compiler::decode_source(&bytes, &args[1]).expect("decode"), args[1].clone())
    };
    match krait_compiler::compile(&src, &name, krait_bytecode::Mode::Exec, &Default::default()) {
        Ok(c) => print!("{}", krait_compiler::disassemble(&c)),
        Err(e) => println!("{:?}", e),
    }
}
#[allow(dead_code)]
fn raw(src: &str) {
    let o = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module);
    match ruff_python_parser::parse(src, o.with_target_version(ruff_python_ast::PythonVersion::PY311)) {
        Err(e) => println!("{:?}", e),
        Ok(p) => {
            for e in p.unsupported_syntax_errors() {
                println!("unsupported: {}", e);
            }
        }
    }
}
