//! The `gc` module: the interface to the cycle collector in `crate::gc`.
//! The collector has CPython's three generations.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::builtin_func::{check_nargs, method, parse_args, MethodSpec};
use crate::types::{bool_, dict, int, list, module, none, str as pystr, tuple};

const DEBUG_STATS: i64 = 1;
const DEBUG_COLLECTABLE: i64 = 2;
const DEBUG_UNCOLLECTABLE: i64 = 4;
const DEBUG_SAVEALL: i64 = 32;
const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

static mut DEBUG: i64 = 0;

static MODULE: crate::gil::GilCell<std::cell::OnceCell<Obj>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

fn module_attr(name: &str) -> Option<Obj> {
    let m = MODULE.with(|m| m.get().cloned())?;
    dict::get_item_str(&module::dict_of(&m), name).ok().flatten()
}

/// Runs gc.callbacks and moves DEBUG_SAVEALL's objects into gc.garbage;
/// installed as the collector's hook once the module exists.
fn collection_hook(phase: &str, generation: usize, collected: usize) {
    if phase == "stop" {
        let saved = crate::gc::SAVED.with(|v| std::mem::take(&mut *v.borrow_mut()));
        if let Some(g) = module_attr("garbage").filter(list::is_list) {
            for o in saved {
                list::append(&g, o);
            }
        }
        if unsafe { DEBUG } & DEBUG_STATS != 0 {
            crate::modules::sys::write_stderr(&format!(
                "gc: done, {} unreachable, 0 uncollectable.\n",
                collected
            ));
        }
    } else if unsafe { DEBUG } & DEBUG_STATS != 0 {
        crate::modules::sys::write_stderr(&format!("gc: collecting generation {}...\n", generation));
    }
    let callbacks = match module_attr("callbacks").filter(list::is_list) {
        Some(c) if list::len(&c) > 0 => c,
        _ => return,
    };
    let saved_exc = crate::errors::fetch();
    let info = dict::new();
    let _ = dict::set_item_str(&info, "generation", &int::from_i64(generation as i64));
    let _ = dict::set_item_str(&info, "collected", &int::from_i64(collected as i64));
    let _ = dict::set_item_str(&info, "uncollectable", &int::from_i64(0));
    let phase = pystr::new(phase);
    // A callback may change the list: call a snapshot, as CPython does.
    for cb in list::items(&callbacks).to_vec() {
        if let Err(e) = crate::ops::call::call(&cb, &[phase.clone(), info.clone()], None) {
            crate::errors::write_unraisable(e, Some(&cb));
        }
    }
    if let Some(v) = saved_exc {
        let _ = crate::errors::restore(v);
    }
}

fn generation_arg(o: &Obj) -> PyResult<usize> {
    if !int::is_int(o) {
        crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name());
    }
    let g = int::as_c_int(o)?;
    if !(0..=2).contains(&g) {
        crate::bail!(ValueError, "invalid generation");
    }
    Ok(g as usize)
}

fn g_collect(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("collect", args, kw, &["generation"], 0, 0)?;
    let g = match &a[0] {
        Some(g) => generation_arg(g)?,
        None => 2,
    };
    let n = crate::gc::collect_generation(g);
    Ok(int::from_i64(n as i64))
}

fn g_enable(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("enable", args, kw, 0, 0)?;
    crate::gc::enable(true);
    Ok(none::none())
}

fn g_disable(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("disable", args, kw, 0, 0)?;
    crate::gc::enable(false);
    Ok(none::none())
}

fn g_isenabled(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isenabled", args, kw, 0, 0)?;
    Ok(bool_::from_bool(crate::gc::is_enabled()))
}

fn g_get_count(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_count", args, kw, 0, 0)?;
    let c = crate::gc::counts();
    Ok(tuple::from_vec(c.iter().map(|&n| int::from_usize(n)).collect()))
}

fn g_get_threshold(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_threshold", args, kw, 0, 0)?;
    let [t1, t2] = unsafe { crate::gc::OLDER_THRESHOLDS }.map(|t| t as i64);
    let t0 = unsafe { crate::gc::THRESHOLD } as i64;
    Ok(tuple::from_vec(vec![int::from_i64(t0), int::from_i64(t1), int::from_i64(t2)]))
}

fn g_set_threshold(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::no_kwargs("set_threshold", kw)?;
    if args.is_empty() || args.len() > 3 {
        let (bound, n) = if args.is_empty() { ("at least", 1) } else { ("at most", 3) };
        crate::bail!(
            TypeError,
            "set_threshold() takes {} {} argument{} ({} given)",
            bound,
            n,
            if n == 1 { "" } else { "s" },
            args.len()
        );
    }
    let mut v = Vec::new();
    for a in args {
        if crate::types::float::is_float(a) {
            crate::bail!(TypeError, "integer argument expected, got float");
        }
        v.push(int::as_c_int(a)? as i64);
    }
    unsafe {
        // A threshold of 0 disables automatic collection, as in CPython.
        crate::gc::THRESHOLD = if v[0] <= 0 { usize::MAX } else { v[0] as usize };
        if let Some(&t1) = v.get(1) {
            crate::gc::OLDER_THRESHOLDS[0] = t1.max(0) as usize;
        }
        if let Some(&t2) = v.get(2) {
            crate::gc::OLDER_THRESHOLDS[1] = t2.max(0) as usize;
        }
    }
    Ok(none::none())
}

fn g_get_debug(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_debug", args, kw, 0, 0)?;
    Ok(int::from_i64(unsafe { DEBUG }))
}

fn g_set_debug(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("set_debug", args, kw, 1, 1)?;
    if crate::types::float::is_float(&args[0]) {
        crate::bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let flags = int::as_c_int(&args[0])? as i64;
    unsafe {
        DEBUG = flags;
        crate::gc::SAVEALL = flags & DEBUG_SAVEALL != 0;
    }
    Ok(none::none())
}

fn g_get_objects(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("get_objects", args, kw, &["generation"], 0, 0)?;
    if let Some(g) = a[0].as_ref().filter(|g| !none::is_none(g)) {
        if !int::is_int(g) {
            crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", g.ty().name());
        }
        let n = int::as_c_int(g)?;
        crate::modules::sys::audit("gc.get_objects", &[int::from_i64(n as i64)])?;
        if n >= 3 {
            crate::bail!(ValueError, "generation parameter must be less than the number of available generations (3)");
        }
        if n < 0 {
            crate::bail!(ValueError, "generation parameter cannot be negative");
        }
        return Ok(list::from_vec(crate::gc::objects(Some(n as usize))));
    }
    crate::modules::sys::audit("gc.get_objects", &[int::from_i64(-1)])?;
    Ok(list::from_vec(crate::gc::objects(None)))
}

fn g_get_stats(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_stats", args, kw, 0, 0)?;
    let mut v = Vec::new();
    for g in 0..3 {
        let d = dict::new();
        let (collections, collected) = unsafe { (crate::gc::COLLECTIONS[g], crate::gc::COLLECTED[g]) };
        dict::set_item_str(&d, "collections", &int::from_i64(collections as i64))?;
        dict::set_item_str(&d, "collected", &int::from_i64(collected as i64))?;
        dict::set_item_str(&d, "uncollectable", &int::from_i64(0))?;
        v.push(d);
    }
    Ok(list::from_vec(v))
}

fn g_is_tracked(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_tracked", args, kw, 1, 1)?;
    Ok(bool_::from_bool(crate::gc::is_tracked(args[0].as_ptr())))
}

fn g_is_finalized(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_finalized", args, kw, 1, 1)?;
    Ok(bool_::from_bool(crate::gc::is_finalized(args[0].as_ptr())))
}

fn g_get_referents(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::no_kwargs("get_referents", kw)?;
    crate::modules::sys::audit("gc.get_referents", &[crate::types::tuple::new(args)])?;
    let mut out = Vec::new();
    for a in args {
        out.extend(crate::gc::referents(a));
    }
    Ok(list::from_vec(out))
}

fn g_get_referrers(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::no_kwargs("get_referrers", kw)?;
    crate::modules::sys::audit("gc.get_referrers", &[crate::types::tuple::new(args)])?;
    let targets: Vec<*mut crate::object::PyObject> = args.iter().map(|a| a.as_ptr()).collect();
    let mut out = Vec::new();
    for o in crate::gc::objects(None) {
        if crate::gc::referents(&o).iter().any(|r| targets.contains(&r.as_ptr())) {
            out.push(o);
        }
    }
    Ok(list::from_vec(out))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("collect", g_collect),
        method("enable", g_enable),
        method("disable", g_disable),
        method("isenabled", g_isenabled),
        method("get_count", g_get_count),
        method("get_threshold", g_get_threshold),
        method("set_threshold", g_set_threshold),
        method("get_debug", g_get_debug),
        method("set_debug", g_set_debug),
        method("get_objects", g_get_objects),
        method("get_stats", g_get_stats),
        method("is_tracked", g_is_tracked),
        method("is_finalized", g_is_finalized),
        method("get_referents", g_get_referents),
        method("get_referrers", g_get_referrers),
    ]
}

/// Creates the gc module and connects it to the collector.
pub fn create() -> PyResult<Obj> {
    let m = module::new("gc")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "garbage", &list::new())?;
    dict::set_item_str(&d, "callbacks", &list::new())?;
    for (n, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        dict::set_item_str(&d, n, &int::from_i64(v))?;
    }
    MODULE.with(|c| {
        let _ = c.set(m.clone());
    });
    unsafe { crate::gc::HOOK = Some(collection_hook) };
    Ok(m)
}
