//! `_testinternalcapi`: the parts of CPython's internal test module that
//! describe this interpreter — the size of the collector's header in front
//! of tracked objects (which `sys.getsizeof` adds), how much of the
//! recursion limit is in use, and the start-up configuration as a dict.
//! Nothing else is provided, so a test needing more fails with
//! AttributeError rather than run against something made up.

use krait_runtime::modules::sys;
use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method};
use krait_runtime::types::{dict, int, list, module, none, str as pystr};
use krait_runtime::PyResult;

/// get_recursion_depth(): how much of the recursion limit the caller
/// uses — its running Python frames and native re-entries. (CPython counts
/// this NOARGS call itself, then subtracts it.)
fn t_get_recursion_depth(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_recursion_depth", args, kw, 0, 0)?;
    Ok(int::from_usize(krait_runtime::ops::recursion_depth_used()))
}

/// A sys attribute, None when it is missing.
fn sys_attr(name: &str) -> Obj {
    sys::get_attr(name).unwrap_or_else(none::none)
}

/// A list copy of a sys list (the config keeps its own).
fn sys_list(name: &str) -> PyResult<Obj> {
    let v = sys_attr(name);
    if list::is_list(&v) {
        Ok(list::from_vec(list::items(&v).to_vec()))
    } else {
        Ok(list::new())
    }
}

/// get_config(): the configuration the interpreter started with, under
/// PyConfig's field names, for the fields krait has.
fn t_get_config(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_config", args, kw, 0, 0)?;
    let d = dict::new();
    let flag = |n: &str| sys::flag(n);
    let ints: [(&str, i64); 17] = [
        ("isolated", flag("isolated")),
        ("use_environment", (flag("ignore_environment") == 0) as i64),
        ("dev_mode", flag("dev_mode")),
        ("optimization_level", flag("optimize")),
        ("verbose", flag("verbose")),
        ("quiet", flag("quiet")),
        ("inspect", flag("inspect")),
        ("interactive", flag("interactive")),
        ("write_bytecode", (flag("dont_write_bytecode") == 0) as i64),
        ("site_import", (flag("no_site") == 0) as i64),
        ("user_site_directory", (flag("no_user_site") == 0) as i64),
        ("bytes_warning", flag("bytes_warning")),
        ("parser_debug", flag("debug")),
        ("safe_path", flag("safe_path")),
        ("warn_default_encoding", flag("warn_default_encoding")),
        ("code_debug_ranges", krait_runtime::types::code::debug_ranges() as i64),
        ("int_max_str_digits", flag("int_max_str_digits")),
    ];
    for (k, v) in ints {
        dict::set_item_str(&d, k, &int::from_i64(v))?;
    }
    for (k, attr) in [
        ("executable", "executable"),
        ("base_executable", "_base_executable"),
        ("prefix", "prefix"),
        ("base_prefix", "base_prefix"),
        ("exec_prefix", "exec_prefix"),
        ("base_exec_prefix", "base_exec_prefix"),
        ("platlibdir", "platlibdir"),
        ("pycache_prefix", "pycache_prefix"),
    ] {
        dict::set_item_str(&d, k, &sys_attr(attr))?;
    }
    dict::set_item_str(&d, "argv", &sys_list("argv")?)?;
    dict::set_item_str(&d, "orig_argv", &sys_list("orig_argv")?)?;
    dict::set_item_str(&d, "warnoptions", &sys_list("warnoptions")?)?;
    // -X options as given: "name" or "name=value".
    let mut xs = Vec::new();
    for x in sys::X_OPTIONS.lock().unwrap().iter() {
        xs.push(pystr::new(x));
    }
    dict::set_item_str(&d, "xoptions", &list::from_vec(xs))?;
    if let Some(sys_mod) = sys::sys_module() {
        for (k, f) in [("filesystem_encoding", "getfilesystemencoding"), ("filesystem_errors", "getfilesystemencodeerrors")] {
            dict::set_item_str(&d, k, &krait_runtime::ops::attr::call_method(&sys_mod, f, &[])?)?;
        }
    }
    Ok(d)
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_testinternalcapi")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &[method("get_recursion_depth", t_get_recursion_depth), method("get_config", t_get_config)])?;
    dict::set_item_str(&d, "SIZEOF_PYGC_HEAD", &int::from_usize(krait_runtime::object::alloc::GC_HEAD_SIZE))?;
    Ok(m)
}
