//! The `_weakref` module: the reference type (defined in the runtime's
//! types/weakref.rs), the proxies (types/weakref_proxy.rs) and the helpers
//! `weakref.py` builds on.

use krait_runtime::object::{Obj, PyObject};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::{dict, int, list, module, none, weakref, weakref_proxy};
use krait_runtime::PyResult;

fn f_getweakrefcount(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getweakrefcount", args, kw, 1, 1)?;
    Ok(int::from_usize(weakref::count(&args[0])))
}

fn f_getweakrefs(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getweakrefs", args, kw, 1, 1)?;
    Ok(list::from_vec(weakref::all_refs(&args[0])))
}

/// Deletes `d[key]` if it is a weak reference whose referent is gone.
fn f_remove_dead_weakref(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_remove_dead_weakref", args, kw, 2, 2)?;
    let d = &args[0];
    if !dict::is_dict(d) {
        krait_runtime::bail!(TypeError, "_remove_dead_weakref() argument 1 must be dict, not {}", d.ty().name());
    }
    if let Some(v) = dict::get_item(d, &args[1])? {
        if weakref::is_ref(&v) && weakref::get_referent(&v).is_none() {
            // Already gone is fine: another callback may have removed it.
            if dict::del_item(d, &args[1]).is_err() {
                krait_runtime::errors::clear();
            }
        }
    }
    Ok(none::none())
}

fn f_proxy(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("proxy", args, kw, 1, 2)?;
    weakref_proxy::new_proxy(&args[0], args.get(1))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("proxy", f_proxy),
        method("getweakrefcount", f_getweakrefcount),
        method("getweakrefs", f_getweakrefs),
        method("_remove_dead_weakref", f_remove_dead_weakref),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_weakref")?;
    let d = module::dict_of(&m);
    krait_runtime::types::builtin_func::add_functions(&d, &m, &functions())?;
    let r = unsafe { Obj::from_borrowed(weakref::ref_type() as *mut PyObject) };
    dict::set_item_str(&d, "ref", &r)?;
    dict::set_item_str(&d, "ReferenceType", &r)?;
    for (n, t) in [("ProxyType", weakref_proxy::proxy_type()), ("CallableProxyType", weakref_proxy::callable_proxy_type())] {
        dict::set_item_str(&d, n, &unsafe { Obj::from_borrowed(t as *mut PyObject) })?;
    }
    Ok(m)
}
