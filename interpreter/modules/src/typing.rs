//! The `_typing` module of CPython 3.11: `_idfunc`, the identity function
//! `typing.NewType` instances call through.

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{dict, module, str as pystr};
use krait_runtime::PyResult;

fn f_idfunc(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_idfunc", args, kw, 1, 1)?;
    Ok(args[0].clone())
}

fn functions() -> Vec<MethodSpec> {
    vec![method("_idfunc", f_idfunc)]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_typing")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "__doc__", &pystr::new("Accelerators for the typing module.\n"))?;
    Ok(m)
}
