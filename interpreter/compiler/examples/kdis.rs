//! Disassembles a file (or `-c SOURCE`) with krait's compiler: `cargo run -p krait-compiler --example kdis -- FILE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
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
