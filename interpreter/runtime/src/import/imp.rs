//! The `_imp` module: what importlib's bootstrap asks the runtime —
//! builtin modules, the global import lock, code-object fix-ups and the
//! source hash of hash-based .pyc files. Krait freezes no modules, and
//! loads no C extensions yet, so `extension_suffixes()` is empty and the
//! path finder never offers a `.so` file.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::builtin_func::{check_nargs, method, parse_args, MethodSpec};
use crate::types::{bool_, bytes, code, dict, int, list, module, none, str as pystr, tuple};
use std::sync::{Condvar, Mutex};

/// The global import lock: owner thread (serial), recursion depth and the
/// number of threads waiting (signalled only then: each signal is a system
/// call). It is re-entrant; another thread waits for it with the GIL released.
struct ImportLock {
    state: Mutex<(u64, u64, u32)>,
    freed: Condvar,
}

static SLOT: crate::gil::ForkResettable<ImportLock> =
    crate::gil::ForkResettable::new(ImportLock { state: Mutex::new((0, 0, 0)), freed: Condvar::new() });

fn lock() -> &'static ImportLock {
    SLOT.get()
}

fn me() -> u64 {
    crate::gil::thread_serial()
}

fn f_lock_held(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("lock_held", args, kw, 0, 0)?;
    Ok(bool_::from_bool(lock().state.lock().unwrap().1 > 0))
}

fn f_acquire_lock(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("acquire_lock", args, kw, 0, 0)?;
    acquire();
    Ok(none::none())
}

fn f_release_lock(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("release_lock", args, kw, 0, 0)?;
    if !release() {
        crate::bail!(RuntimeError, "not holding the import lock");
    }
    Ok(none::none())
}

/// Takes the import lock for this thread (re-entrantly), waiting with the
/// GIL released while another thread holds it.
fn acquire() {
    let me = me();
    let mut l = lock().state.lock().unwrap();
    if l.1 == 0 || l.0 == me {
        *l = (me, l.1 + 1, l.2);
        return;
    }
    drop(l);
    // The state's mutex is let go before the GIL is taken back: a holder
    // that has the GIL must be able to reach it to release the lock.
    crate::gil::allow_threads(move || {
        let mut l = lock().state.lock().unwrap();
        while l.1 > 0 {
            l.2 += 1;
            l = lock().freed.wait(l).unwrap();
            l.2 -= 1;
        }
        *l = (me, 1, l.2);
    });
}

/// Lets go of one level of this thread's hold; false when it holds none.
fn release() -> bool {
    let mut l = lock().state.lock().unwrap();
    let (owner, n, waiting) = *l;
    if n == 0 || owner != me() {
        return false;
    }
    *l = if n == 1 { (0, 0, waiting) } else { (owner, n - 1, waiting) };
    if n == 1 && waiting > 0 {
        lock().freed.notify_one();
    }
    true
}

/// PyOS_BeforeFork: the forking thread takes the import lock (waiting for
/// an import in another thread to finish), so the child never starts with
/// a module half imported.
pub fn acquire_for_fork() {
    acquire();
}

/// PyOS_AfterFork_Parent: the parent lets go of the hold taken for fork.
pub fn release_after_fork() {
    release();
}

/// In a forked child: a lock held by a thread that no longer exists is
/// freed; one the forking thread held before acquire_for_fork stays held.
pub fn after_fork_child() {
    // The mutex itself may have been held by a vanished thread: rebuild it.
    let (owner, n) = match lock().state.try_lock() {
        Ok(g) => (g.0, g.1),
        Err(_) => (0, 0),
    };
    // No other thread exists in the child, so none waits; the forking
    // thread's hold loses the level acquire_for_fork took.
    let kept = if owner == me() && n > 1 { (owner, n - 1, 0) } else { (0, 0, 0) };
    unsafe {
        SLOT.reset(ImportLock { state: Mutex::new(kept), freed: Condvar::new() });
    }
}

/// `--check-hash-based-pycs`: "default", "always" or "never", set by the
/// command line before `_imp` is made.
pub static CHECK_HASH_BASED_PYCS: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

fn name_arg(fname: &str, o: &Obj) -> PyResult<String> {
    if !pystr::is_str(o) {
        crate::bail!(TypeError, "{}() argument must be str, not {}", fname, o.ty().name());
    }
    Ok(pystr::to_string_lossy(o))
}

fn f_is_builtin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_builtin", args, kw, 1, 1)?;
    let name = name_arg("is_builtin", &args[0])?;
    // -1: a builtin that cannot be re-initialised (CPython's answer for sys and builtins).
    let v = if name == "sys" || name == "builtins" {
        -1
    } else if crate::modules::is_builtin(&name) {
        1
    } else {
        0
    };
    Ok(int::from_i64(v))
}

fn f_create_builtin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("create_builtin", args, kw, 1, 1)?;
    let name_obj = crate::ops::attr::getattr(&args[0], &pystr::intern_static("name"))?;
    let name = name_arg("create_builtin", &name_obj)?;
    if name == "sys" || name == "builtins" {
        if let Some(m) = dict::get_item_str(&crate::interp::modules(), &name)? {
            return Ok(m);
        }
        // Imported again after leaving sys.modules (at shutdown, say): as
        // CPython, a new module object holding the same contents.
        let original = if name == "sys" { crate::modules::sys::sys_module() } else { Some(crate::interp::builtins_module()) };
        if let Some(original) = original {
            let m = crate::types::module::new(&name)?;
            dict::update(&crate::types::module::dict_of(&m), &crate::types::module::dict_of(&original))?;
            return Ok(m);
        }
    }
    if !crate::modules::is_builtin(&name) {
        return Ok(none::none());
    }
    crate::modules::create_builtin(&name)
}

fn f_exec_builtin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("exec_builtin", args, kw, 1, 1)?;
    // Builtin modules are complete once created (single-phase init).
    Ok(int::from_i64(0))
}

fn f_is_frozen(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_frozen", args, kw, 1, 1)?;
    name_arg("is_frozen", &args[0])?;
    Ok(bool_::from_bool(false))
}

/// Tests force frozen modules on (1), off (-1) or back to the default (0).
/// Krait freezes no modules, so every setting finds the same empty table
/// and there is nothing to switch; the argument is still checked.
fn f_override_frozen(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_override_frozen_modules_for_tests", args, kw, 1, 1)?;
    int::index_isize(&args[0])?;
    Ok(none::none())
}

fn f_is_frozen_package(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_frozen_package", args, kw, 1, 1)?;
    let name = name_arg("is_frozen_package", &args[0])?;
    crate::bail!(ImportError, "No such frozen object named '{}'", name)
}

fn f_find_frozen(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("find_frozen", args, kw, &["name", "withdata"], 1, 1)?;
    name_arg("find_frozen", a[0].as_ref().unwrap())?;
    Ok(none::none())
}

fn f_get_frozen_object(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("get_frozen_object", args, kw, &["name", "data"], 1, 2)?;
    let name_obj = a[0].as_ref().unwrap();
    let name = name_arg("get_frozen_object", name_obj)?;
    let data = match a[1].as_ref().filter(|d| !none::is_none(d)) {
        Some(d) if crate::types::buffer::has_buffer(d) => crate::types::buffer::Buffer::get(d, crate::types::buffer::SIMPLE)?,
        Some(d) => crate::bail!(TypeError, "get_frozen_object() argument 2 must be bytes, not {}", d.ty().name()),
        // krait freezes no modules.
        None => crate::bail!(ImportError, "No such frozen object named '{}'", name),
    };
    // Given code: it must unmarshal (in krait's format) to a code object.
    let invalid = || {
        let e = crate::raise!(ImportError, "Frozen object named {} is invalid", crate::ops::repr_string(name_obj).unwrap_or_default());
        if let Some(v) = unsafe { crate::object::opt_from_borrowed(crate::errors::peek()) } {
            crate::types::exceptions::set_field(&v, "name", Some(name_obj.clone()));
        }
        e
    };
    if data.as_slice().is_empty() {
        return Err(invalid());
    }
    match super::marshal::loads(data.as_slice()) {
        Ok(c) if crate::types::code::is_code(&c) => Ok(c),
        Ok(_) => crate::bail!(TypeError, "frozen object {} is not a code object", crate::ops::repr_string(name_obj)?),
        Err(_) => {
            crate::errors::clear();
            Err(invalid())
        }
    }
}

fn f_init_frozen(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("init_frozen", args, kw, 1, 1)?;
    name_arg("init_frozen", &args[0])?;
    Ok(none::none())
}

fn f_frozen_module_names(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_frozen_module_names", args, kw, 0, 0)?;
    Ok(tuple::new(&[]))
}

fn f_extension_suffixes(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("extension_suffixes", args, kw, 0, 0)?;
    Ok(list::new())
}

fn f_create_dynamic(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("create_dynamic", args, kw, 1, 2)?;
    let name = crate::ops::attr::getattr(&args[0], &pystr::intern_static("name"))?;
    if !pystr::is_str(&name) {
        crate::bail!(TypeError, "name must be string, not {}", name.ty().name());
    }
    crate::bail!(ImportError, "extension modules are not supported yet: {}", pystr::to_string_lossy(&name))
}

/// Sets co_filename of `code` and every nested code object to `path`.
fn fix_filename(c: &Obj, old: &Obj, path: &Obj) -> PyResult<()> {
    let co = code::code(c);
    let cur = unsafe { Obj::borrow_slot(&co.filename) };
    if !crate::ops::eq(cur, old)? {
        return Ok(());
    }
    unsafe {
        let p = c.as_ptr() as *mut code::CodeObject;
        let prev = std::mem::replace(&mut (*p).filename, path.clone().into_raw());
        crate::object::xdecref(prev);
    }
    for k in tuple::items(unsafe { Obj::borrow_slot(&co.consts) }) {
        if code::is_code(k) {
            fix_filename(k, old, path)?;
        }
    }
    Ok(())
}

fn f_fix_co_filename(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_fix_co_filename", args, kw, 2, 2)?;
    if !code::is_code(&args[0]) {
        crate::bail!(TypeError, "_fix_co_filename() argument 1 must be code, not {}", args[0].ty().name());
    }
    let path = &args[1];
    if !pystr::is_str(path) {
        crate::bail!(TypeError, "_fix_co_filename() argument 2 must be str, not {}", path.ty().name());
    }
    let old = unsafe { Obj::borrow_slot(&code::code(&args[0]).filename) }.clone();
    if !crate::ops::eq(&old, path)? {
        fix_filename(&args[0], &old, path)?;
    }
    Ok(none::none())
}

fn f_source_hash(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("source_hash", args, kw, &["key", "source"], 2, 0)?;
    let key = int::index_raw(a[0].as_ref().unwrap())?;
    let key = match int::as_i64(&key) {
        Some(k) => k as u64,
        None => crate::bail!(OverflowError, "Python int too large to convert to C long"),
    };
    let src = crate::types::buffer::Buffer::get(a[1].as_ref().unwrap(), crate::types::buffer::SIMPLE)?;
    let h = crate::hash::keyed_hash(key, src.as_slice());
    Ok(bytes::new(&h.to_le_bytes()))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("lock_held", f_lock_held),
        method("acquire_lock", f_acquire_lock),
        method("release_lock", f_release_lock),
        method("is_builtin", f_is_builtin),
        method("create_builtin", f_create_builtin),
        method("exec_builtin", f_exec_builtin),
        method("is_frozen", f_is_frozen),
        method("is_frozen_package", f_is_frozen_package),
        method("find_frozen", f_find_frozen),
        method("get_frozen_object", f_get_frozen_object),
        method("init_frozen", f_init_frozen),
        method("_frozen_module_names", f_frozen_module_names),
        method("_override_frozen_modules_for_tests", f_override_frozen),
        method("extension_suffixes", f_extension_suffixes),
        method("create_dynamic", f_create_dynamic),
        method("exec_dynamic", f_exec_builtin),
        method("_fix_co_filename", f_fix_co_filename),
        method("source_hash", f_source_hash),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_imp")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    let mode = CHECK_HASH_BASED_PYCS.get().copied().unwrap_or("default");
    dict::set_item_str(&d, "check_hash_based_pycs", &pystr::new(mode))?;
    Ok(m)
}
