//! The `_abc` module: the native half of `abc.ABCMeta`. Each ABC carries an
//! `_abc_impl` object holding its registry of virtual subclasses and its
//! positive and negative `issubclass` caches, all of them weak (a class
//! registered with or tested against an ABC can still die). A global
//! invalidation counter, bumped by every `register`, retires the negative
//! caches. `_abc_init` also turns a class body's `__abc_tpflags__` into the
//! sequence/mapping type flags that `match` reads, and `register` passes
//! those flags down to the registered class and its subclasses.

use crate::native::{self, State};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bool_, dict, int, list, module, none, set, str as pystr, tuple, type_, weakref};
use krait_runtime::{bail, PyResult};
use std::collections::HashMap;
use std::os::raw::c_ulong;

const COLLECTION_FLAGS: c_ulong = tpflags::SEQUENCE | tpflags::MAPPING;

/// Bumped by every registration; negative caches older than it are stale.
static INVALIDATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn counter() -> u64 {
    INVALIDATION.load(std::sync::atomic::Ordering::Relaxed)
}

/// A set of classes held by weak references, keyed by address. An entry
/// whose class died is never taken for a live class at the same address:
/// membership also checks that the reference still reaches that object.
/// Dead entries are dropped on lookup and swept when the map grows.
#[derive(Default)]
struct WeakSet {
    map: HashMap<usize, Obj>,
    sweep_at: usize,
}

impl WeakSet {
    fn contains(&mut self, o: &Obj) -> bool {
        let k = o.as_ptr() as usize;
        match self.map.get(&k) {
            None => false,
            Some(w) => match weakref::get_referent(w) {
                Some(r) if r.is(o) => true,
                _ => {
                    self.map.remove(&k);
                    false
                }
            },
        }
    }

    fn add(&mut self, o: &Obj) -> PyResult<()> {
        if self.contains(o) {
            return Ok(());
        }
        let w = weakref::new_ref(o, None)?;
        self.map.insert(o.as_ptr() as usize, w);
        if self.map.len() > self.sweep_at {
            self.map.retain(|_, w| weakref::get_referent(w).is_some());
            self.sweep_at = (self.map.len() * 2).max(16);
        }
        Ok(())
    }

    fn clear(&mut self) {
        self.map.clear();
        self.sweep_at = 0;
    }

    /// The live classes, in no particular order.
    fn live(&self) -> Vec<Obj> {
        self.map.values().filter_map(weakref::get_referent).collect()
    }

    /// The weak references to the live classes (what `_get_dump` shows).
    fn refs(&self) -> Vec<Obj> {
        self.map.values().filter(|w| weakref::get_referent(w).is_some()).cloned().collect()
    }
}

struct AbcData {
    registry: WeakSet,
    cache: WeakSet,
    negative: WeakSet,
    negative_version: u64,
}

impl State for AbcData {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for s in [&self.registry, &self.cache, &self.negative] {
            for w in s.map.values() {
                native::push(out, w);
            }
        }
    }
}

static mut ABC_DATA_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn data_type() -> *mut PyTypeObject {
    &raw mut ABC_DATA_TYPE
}

/// `cls._abc_impl`, which must be an `_abc_data` made by `_abc_init`.
fn impl_of(cls: &Obj) -> PyResult<Obj> {
    let d = ops::attr::getattr_str(cls, "_abc_impl")?;
    if d.type_ptr() != data_type() {
        bail!(TypeError, "_abc_impl is set to a wrong type");
    }
    Ok(d)
}

/// The state behind an `_abc_data`. Callers take what they need and let go
/// before calling back into Python.
fn data(d: &Obj) -> PyResult<&mut AbcData> {
    match native::state::<AbcData>(d) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "_abc_data used after it was cleared"),
    }
}

/// `getattr(o, name, None)` truthiness of `__isabstractmethod__`.
fn is_abstract(o: &Obj) -> PyResult<bool> {
    match ops::attr::getattr_opt(o, &pystr::intern_static("__isabstractmethod__"))? {
        Some(v) => ops::truthy(&v),
        None => Ok(false),
    }
}

/// Sets `cls.__abstractmethods__`: the names abstract in the class body,
/// plus the inherited abstract names the class still resolves to an
/// abstract object.
fn compute_abstract_methods(cls: &Obj) -> PyResult<()> {
    let mut names: Vec<Obj> = Vec::new();
    let ns = ops::attr::getattr_str(cls, "__dict__")?;
    // A list of the items first: __isabstractmethod__ may change the dict.
    let items = ops::seq::to_vec(&ops::attr::call_method(&ns, "items", &[])?)?;
    for it in items {
        if !tuple::is_tuple(&it) || tuple::len(&it) != 2 {
            bail!(TypeError, "items() returned item which size is not 2");
        }
        let kv = tuple::items(&it);
        if is_abstract(&kv[1])? {
            names.push(kv[0].clone());
        }
    }
    let bases = ops::attr::getattr_str(cls, "__bases__")?;
    if !tuple::is_tuple(&bases) {
        bail!(TypeError, "__bases__ is not tuple");
    }
    for base in tuple::items(&bases).to_vec() {
        let Some(inherited) = ops::attr::getattr_opt(&base, &pystr::intern_static("__abstractmethods__"))? else {
            continue;
        };
        for name in ops::seq::to_vec(&inherited)? {
            let Some(v) = ops::attr::getattr_opt(cls, &name)? else {
                continue;
            };
            if is_abstract(&v)? {
                names.push(name);
            }
        }
    }
    let fs = set::new_frozenset(names)?;
    ops::attr::setattr(cls, &pystr::intern_static("__abstractmethods__"), &fs)
}

fn f_abc_init(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_abc_init", args, kw, 1, 1)?;
    let cls = &args[0];
    compute_abstract_methods(cls)?;
    let d = native::alloc(
        data_type(),
        AbcData { registry: WeakSet::default(), cache: WeakSet::default(), negative: WeakSet::default(), negative_version: counter() },
    )?;
    ops::attr::setattr(cls, &pystr::intern_static("_abc_impl"), &d)?;
    if type_::is_type(cls) {
        let t = type_::as_type(cls);
        let td = type_::type_dict(t);
        if let Some(flags) = dict::get_item_str(td, "__abc_tpflags__")? {
            if int::is_exact_int(&flags) {
                let val = match int::as_i64(&flags) {
                    Some(v) => v as c_ulong,
                    None => bail!(OverflowError, "Python int too large to convert to C long"),
                };
                if val & COLLECTION_FLAGS == COLLECTION_FLAGS {
                    bail!(TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                }
                // SAFETY: t is a live type object (cls holds it).
                unsafe { (*t).tp_flags |= val & COLLECTION_FLAGS };
            }
            dict::del_item_str(td, "__abc_tpflags__")?;
            type_::modified(t);
        }
    }
    Ok(none::none())
}

/// Gives `child` and the classes below it the sequence or mapping flag of
/// an ABC it was registered with, unless they are immutable or already
/// carry that flag.
fn set_collection_flag_recursive(child: &Obj, flag: c_ulong) {
    let t = type_::as_type(child);
    // SAFETY: t is a live type object (child holds it).
    unsafe {
        if (*t).tp_flags & tpflags::IMMUTABLETYPE != 0 || (*t).tp_flags & COLLECTION_FLAGS == flag {
            return;
        }
        (*t).tp_flags = ((*t).tp_flags & !COLLECTION_FLAGS) | flag;
    }
    for sub in type_::subclasses(t) {
        set_collection_flag_recursive(&sub, flag);
    }
}

fn f_abc_register(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_abc_register", args, kw, 2, 2)?;
    let (cls, sub) = (&args[0], &args[1]);
    if !type_::is_type(sub) {
        bail!(TypeError, "Can only register classes");
    }
    if ops::isinstance::issubclass(sub, cls)? {
        return Ok(sub.clone());
    }
    if ops::isinstance::issubclass(cls, sub)? {
        bail!(RuntimeError, "Refusing to create an inheritance cycle");
    }
    let d = impl_of(cls)?;
    data(&d)?.registry.add(sub)?;
    INVALIDATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if type_::is_type(cls) {
        let flag = type_::as_type(cls);
        // SAFETY: a live type object (cls holds it).
        let flag = unsafe { (*flag).tp_flags } & COLLECTION_FLAGS;
        if flag != 0 {
            set_collection_flag_recursive(sub, flag);
        }
    }
    Ok(sub.clone())
}

fn f_abc_instancecheck(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_abc_instancecheck", args, kw, 2, 2)?;
    let (cls, inst) = (&args[0], &args[1]);
    let d = impl_of(cls)?;
    let subclass = ops::attr::getattr_str(inst, "__class__")?;
    if data(&d)?.cache.contains(&subclass) {
        return Ok(bool_::from_bool(true));
    }
    let subtype = native::type_of(inst);
    if subtype.is(&subclass) {
        let s = data(&d)?;
        if s.negative_version == counter() && s.negative.contains(&subclass) {
            return Ok(bool_::from_bool(false));
        }
        // Fall back to the subclass check, which fills the caches.
        return ops::attr::call_method(cls, "__subclasscheck__", &[subclass]);
    }
    let r = ops::attr::call_method(cls, "__subclasscheck__", &[subclass])?;
    if ops::truthy(&r)? {
        return Ok(r);
    }
    ops::attr::call_method(cls, "__subclasscheck__", &[subtype])
}

fn f_abc_subclasscheck(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_abc_subclasscheck", args, kw, 2, 2)?;
    let (cls, sub) = (&args[0], &args[1]);
    if !type_::is_type(sub) {
        bail!(TypeError, "issubclass() arg 1 must be a class");
    }
    let d = impl_of(cls)?;
    {
        let s = data(&d)?;
        // 1. The positive cache.
        if s.cache.contains(sub) {
            return Ok(bool_::from_bool(true));
        }
        // 2. The negative cache, emptied when a registration happened since.
        let now = counter();
        if s.negative_version < now {
            s.negative.clear();
            s.negative_version = now;
        } else if s.negative.contains(sub) {
            return Ok(bool_::from_bool(false));
        }
    }
    let found = |d: &Obj| -> PyResult<Obj> {
        data(d)?.cache.add(sub)?;
        Ok(bool_::from_bool(true))
    };
    // 3. The class's own hook.
    let ok = ops::attr::call_method(cls, "__subclasshook__", &[sub.clone()])?;
    if bool_::is_true(&ok) {
        return found(&d);
    }
    if bool_::is_false(&ok) {
        data(&d)?.negative.add(sub)?;
        return Ok(bool_::from_bool(false));
    }
    if !none::is_not_implemented(&ok) {
        bail!(AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
    }
    // 4. A real subclass.
    if type_::mro(type_::as_type(sub)).iter().any(|c| c.is(cls)) {
        return found(&d);
    }
    // 5. A registered class (answered without caching, as CPython), or a
    // subclass of one.
    if data(&d)?.registry.contains(sub) {
        return Ok(bool_::from_bool(true));
    }
    let registered = data(&d)?.registry.live();
    for r in registered {
        if ops::isinstance::issubclass(sub, &r)? {
            return found(&d);
        }
    }
    // 6. A subclass of a subclass (recursively through their checks).
    let subs = ops::attr::call_method(cls, "__subclasses__", &[])?;
    if !list::is_list(&subs) {
        bail!(TypeError, "__subclasses__() must return a list");
    }
    for s in ops::seq::to_vec(&subs)? {
        if ops::isinstance::issubclass(sub, &s)? {
            return found(&d);
        }
    }
    // 7. None of these.
    data(&d)?.negative.add(sub)?;
    Ok(bool_::from_bool(false))
}

fn f_get_dump(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_get_dump", args, kw, 1, 1)?;
    let d = impl_of(&args[0])?;
    let (r, c, n, v) = {
        let s = data(&d)?;
        (s.registry.refs(), s.cache.refs(), s.negative.refs(), s.negative_version)
    };
    Ok(tuple::from_vec(vec![set::new_set(r)?, set::new_set(c)?, set::new_set(n)?, int::from_u64(v)]))
}

fn f_reset_registry(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_reset_registry", args, kw, 1, 1)?;
    let d = impl_of(&args[0])?;
    data(&d)?.registry.clear();
    Ok(none::none())
}

fn f_reset_caches(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_reset_caches", args, kw, 1, 1)?;
    let d = impl_of(&args[0])?;
    let s = data(&d)?;
    s.cache.clear();
    s.negative.clear();
    Ok(none::none())
}

fn f_get_cache_token(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("get_cache_token", args, kw, 0, 0)?;
    Ok(int::from_u64(counter()))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("get_cache_token", f_get_cache_token),
        method("_abc_init", f_abc_init),
        method("_reset_registry", f_reset_registry),
        method("_reset_caches", f_reset_caches),
        method("_get_dump", f_get_dump),
        method("_abc_register", f_abc_register),
        method("_abc_instancecheck", f_abc_instancecheck),
        method("_abc_subclasscheck", f_abc_subclasscheck),
    ]
}

pub fn create() -> PyResult<Obj> {
    // SAFETY: the type is set up once, before any instance exists.
    unsafe {
        let t = data_type();
        if (*t).tp_flags & tpflags::READY == 0 {
            native::init_type::<AbcData>(t, "_abc._abc_data", false);
            native::ready(t)?;
        }
    }
    let m = module::new("_abc")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    Ok(m)
}
