//! Records where CPython 3.11's pure-Python standard library is on the
//! build machine (DESIGN §1: used as a dependency, never copied). The
//! runtime may override it with KRAIT_STDLIB or PYTHONHOME.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=KRAIT_STDLIB");
    println!("cargo:rerun-if-env-changed=KRAIT_PYTHON");
    let dir = std::env::var("KRAIT_STDLIB").ok().or_else(|| {
        let py = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3.11".into());
        let out = Command::new(py)
            .args(["-S", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
            .output()
            .ok()?;
        let s = String::from_utf8(out.stdout).ok()?.trim().to_owned();
        if out.status.success() && !s.is_empty() {
            Some(s)
        } else {
            None
        }
    });
    let dir = dir.unwrap_or_else(|| "/usr/lib/python3.11".into());
    println!("cargo:rustc-env=KRAIT_STDLIB_DIR={}", dir);
}
