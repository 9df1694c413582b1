//! Generates `unicodedata`'s tables and the CJK codecs' tables from the
//! build machine's python3.11 (already needed for the stdlib's location):
//! see src/unicodedata/gen_tables.py and src/cjkcodecs/gen_tables.py for
//! why and how.

use std::process::Command;

fn main() {
    let script = "src/unicodedata/gen_tables.py";
    println!("cargo:rerun-if-changed={}", script);
    println!("cargo:rerun-if-changed=src/unicodedata/aliases.txt");
    println!("cargo:rerun-if-changed=src/unicodedata/named_sequences.txt");
    println!("cargo:rerun-if-env-changed=KRAIT_PYTHON");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let py = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3.11".into());
    let status = Command::new(&py)
        .args(["-S", "-E", script, &out])
        .status()
        .unwrap_or_else(|e| panic!("cannot run {} to generate the unicodedata tables: {}", py, e));
    assert!(status.success(), "{} {} failed", py, script);
    let cjk = "src/cjkcodecs/gen_tables.py";
    println!("cargo:rerun-if-changed={}", cjk);
    let status = Command::new(&py)
        .args(["-S", "-E", cjk, &out])
        .status()
        .unwrap_or_else(|e| panic!("cannot run {} to generate the CJK codec tables: {}", py, e));
    assert!(status.success(), "{} {} failed", py, cjk);
}
