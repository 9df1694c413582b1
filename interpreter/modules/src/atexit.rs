//! The `atexit` module: callbacks run last-registered-first when the
//! interpreter shuts down (before `__main__` is cleared); an exception in
//! one is reported as CPython does and the others still run.

use krait_runtime::types::builtin_func::check_nargs;
use krait_runtime::types::{int, module, none, tuple};
use krait_runtime::{Obj, PyResult};
use std::cell::RefCell;

struct Callback {
    func: Obj,
    args: Vec<Obj>,
    kwnames: Option<Obj>,
}

static CALLBACKS: krait_runtime::gil::GilCell<RefCell<Vec<Callback>>> = krait_runtime::gil::GilCell::new(RefCell::new(Vec::new()));

fn f_register(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    if args.len() == nkw {
        krait_runtime::bail!(TypeError, "register() takes at least 1 argument (0 given)");
    }
    let func = args[0].clone();
    if !krait_runtime::builtins::is_callable(&func) {
        krait_runtime::bail!(TypeError, "the first argument must be callable");
    }
    let kwnames = kw.filter(|k| tuple::len(k) > 0).cloned();
    CALLBACKS.with(|c| c.borrow_mut().push(Callback { func: func.clone(), args: args[1..].to_vec(), kwnames }));
    Ok(func)
}

fn f_unregister(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("unregister", args, kw, 1, 1)?;
    // Compared with ==, which may run Python code: take the list out first.
    let list = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    let mut kept = Vec::with_capacity(list.len());
    let mut err = None;
    for cb in list {
        if err.is_none() {
            match krait_runtime::ops::eq(&cb.func, &args[0]) {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => err = Some(e),
            }
        }
        kept.push(cb);
    }
    CALLBACKS.with(|c| {
        let mut cur = c.borrow_mut();
        kept.append(&mut cur);
        *cur = kept;
    });
    match err {
        Some(e) => Err(e),
        None => Ok(none::none()),
    }
}

/// Runs and clears every callback, newest first.
pub fn run_exitfuncs() {
    loop {
        let Some(cb) = CALLBACKS.with(|c| c.borrow_mut().pop()) else { break };
        let r = krait_runtime::ops::call::call(&cb.func, &cb.args, cb.kwnames.as_ref());
        if r.is_err() {
            krait_runtime::errors::write_unraisable_msg("Exception ignored in atexit callback", Some(&cb.func));
        }
    }
}

fn f_run_exitfuncs(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_run_exitfuncs", args, kw, 0, 0)?;
    run_exitfuncs();
    Ok(none::none())
}

fn f_clear(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_clear", args, kw, 0, 0)?;
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    Ok(none::none())
}

fn f_ncallbacks(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_ncallbacks", args, kw, 0, 0)?;
    Ok(int::from_usize(CALLBACKS.with(|c| c.borrow().len())))
}

pub fn create() -> PyResult<Obj> {
    use krait_runtime::types::builtin_func::method;
    let m = module::new("atexit")?;
    let d = module::dict_of(&m);
    krait_runtime::types::builtin_func::add_functions(
        &d,
        &m,
        &[
            method("register", f_register),
            method("unregister", f_unregister),
            method("_run_exitfuncs", f_run_exitfuncs),
            method("_clear", f_clear),
            method("_ncallbacks", f_ncallbacks),
        ],
    )?;
    let _ = krait_runtime::interp::AT_EXIT.set(run_exitfuncs);
    Ok(m)
}
