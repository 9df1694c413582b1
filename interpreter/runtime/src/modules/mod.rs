//! Builtin modules: the ones the runtime itself needs (`sys`, `gc`,
//! warnings, `_string`) and the table through which other crates
//! (krait-modules, CPython's `Modules/`) register theirs at startup.

pub mod gc;
pub mod getpath;
pub mod stdio;
pub mod stdlib_names;
pub mod string_;
pub mod sys;
pub mod warnings;

use crate::errors::PyResult;
use crate::object::Obj;
use std::sync::Mutex;

/// Builds a module object; called once, on first import.
pub type ModuleInit = fn() -> PyResult<Obj>;

/// Modules created on first import (sys and builtins exist from startup).
const ON_IMPORT: &[(&str, ModuleInit)] = &[
    ("gc", gc::create),
    ("_string", string_::create),
    ("_imp", crate::import::imp::create),
    ("marshal", crate::import::marshal::create),
    ("_warnings", warnings::create),
];

/// Modules registered by other crates, before `interp::initialize`.
static REGISTERED: Mutex<Vec<(&'static str, ModuleInit)>> = Mutex::new(Vec::new());

/// Adds `name` to the builtin modules (a later registration of the same
/// name replaces the earlier one).
pub fn register(name: &'static str, init: ModuleInit) {
    let mut r = REGISTERED.lock().unwrap();
    r.retain(|(n, _)| *n != name);
    r.push((name, init));
}

fn find(name: &str) -> Option<ModuleInit> {
    if let Some((_, f)) = ON_IMPORT.iter().find(|(n, _)| *n == name) {
        return Some(*f);
    }
    REGISTERED.lock().unwrap().iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

pub fn is_builtin(name: &str) -> bool {
    find(name).is_some()
}

/// Every builtin module's name, sorted (`sys.builtin_module_names`).
pub fn builtin_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = vec!["builtins", "sys"];
    v.extend(ON_IMPORT.iter().map(|(n, _)| *n));
    v.extend(REGISTERED.lock().unwrap().iter().map(|(n, _)| *n));
    v.sort_unstable();
    v.dedup();
    v
}

/// Creates the builtin module `name` (which must satisfy `is_builtin`).
pub fn create_builtin(name: &str) -> PyResult<Obj> {
    match find(name) {
        Some(f) => f(),
        None => crate::bail!(ModuleNotFoundError, "No module named '{}'", name),
    }
}
