//! console_scripts / gui_scripts launchers.

use std::path::Path;

/// The first line(s) that make a script run under `python`. A plain `#!` line
/// when the kernel can take it; otherwise a /bin/sh line that re-executes.
/// No trailing newline.
pub fn shebang(python: &Path) -> String {
    let p = python.to_string_lossy();
    if p.len() <= 127 && !p.contains([' ', '\t']) {
        format!("#!{p}")
    } else {
        format!("#!/bin/sh\n'''exec' \"{p}\" \"$0\" \"$@\"\n' '''")
    }
}

/// A launcher for the entry point `module:object.attr [extras]`, or None if the
/// target is malformed.
pub fn launcher_script(python: &Path, target: &str) -> Option<String> {
    let target = target.split('[').next()?.trim();
    let (module, attr) = match target.split_once(':') {
        Some((m, a)) => (m.trim(), Some(a.trim())),
        None => (target, None),
    };
    let ident = |s: &str| !s.is_empty() && s.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'));
    if !ident(module) || attr.is_some_and(|a| !ident(a)) {
        return None;
    }
    let (import, call) = match attr {
        Some(a) => {
            let top = a.split('.').next().unwrap();
            (format!("from {module} import {top}"), a.to_string())
        }
        None => (format!("import {module}"), module.to_string()),
    };
    Some(format!(
        "{}\n# -*- coding: utf-8 -*-\n# Launcher written by krait-pip.\nimport re\nimport sys\n{import}\nif __name__ == \"__main__\":\n    sys.argv[0] = re.sub(r\"(-script\\.pyw|\\.exe)?$\", \"\", sys.argv[0])\n    sys.exit({call}())\n",
        shebang(python)
    ))
}
