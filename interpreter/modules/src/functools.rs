//! The `_functools` module: `reduce`, `partial` (flattening of nested
//! partials, repr, pickling through __reduce__/__setstate__).

use crate::native::{self, State};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, classmethod, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{dict, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, PyResult};

// ---------------------------------------------------------------------------
// reduce

fn f_reduce(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("reduce", args, kw, 2, 3)?;
    let func = &args[0];
    let it = match ops::iter(&args[1]) {
        Ok(it) => it,
        Err(e) => {
            if krait_runtime::errors::matches(krait_runtime::types::exceptions::TypeError()) {
                krait_runtime::errors::clear();
                bail!(TypeError, "reduce() arg 2 must support iteration");
            }
            return Err(e);
        }
    };
    let mut acc = args.get(2).cloned();
    while let Some(x) = ops::next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => ops::call::call(func, &[a, x], None)?,
        });
    }
    match acc {
        Some(a) => Ok(a),
        None => bail!(TypeError, "reduce() of empty iterable with no initial value"),
    }
}

// ---------------------------------------------------------------------------
// partial

static mut PARTIAL_TYPE: PyTypeObject = PyTypeObject::EMPTY;

pub struct Partial {
    func: Obj,
    args: Obj,
    kw: Obj,
}

impl State for Partial {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.func);
        native::push(out, &self.args);
        native::push(out, &self.kw);
    }
}

/// CPython flattens any object whose tp_call is partial's own (partial and
/// subclasses that do not override __call__).
#[allow(unpredictable_function_pointer_comparisons)]
fn is_partial(o: &Obj) -> bool {
    o.ty().tp_call == Some(partial_call_slot)
}

fn parts(o: &Obj) -> PyResult<(Obj, Obj, Obj)> {
    match native::state::<Partial>(o) {
        Some(p) => Ok((p.func.clone(), p.args.clone(), p.kw.clone())),
        None => bail!(SystemError, "partial object was cleared"),
    }
}

fn has_dict(o: &Obj) -> bool {
    unsafe { !(*(o.as_ptr() as *mut native::NativeObject<Partial>)).dict.is_null() }
}

fn make_partial(t: *mut PyTypeObject, func: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let mut func = func.clone();
    let mut pargs: Vec<Obj> = Vec::new();
    let mut pkw: Option<Obj> = None;
    if is_partial(&func) && !has_dict(&func) {
        let (f, a, k) = parts(&func)?;
        pargs.extend(tuple::items(&a).iter().cloned());
        pkw = Some(k);
        func = f;
    }
    pargs.extend(args.iter().cloned());
    let kwd = match pkw {
        Some(k) if dict::len(&k) > 0 => {
            let d = dict::copy(&k)?;
            if let Some(kw) = kw {
                dict::merge(&d, kw, true)?;
            }
            d
        }
        _ => match kw {
            Some(kw) => dict::copy(kw)?,
            None => dict::new(),
        },
    };
    let o = native::alloc(t, Partial { func, args: tuple::from_vec(pargs), kw: kwd })?;
    unsafe {
        (*(o.as_ptr() as *mut native::NativeObject<Partial>)).vectorcall = Some(partial_vectorcall);
    }
    Ok(o)
}

/// Vectorcall: the stored positionals are prepended to the call's
/// arguments without building a tuple; stored keywords (or a subclass,
/// whose __call__ may differ) go through tp_call.
unsafe extern "C" fn partial_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let slf = Obj::borrow_slot(&callable);
    let nargs = nargsf & !krait_runtime::types::builtin_func::VECTORCALL_ARGUMENTS_OFFSET;
    let kwn = if kwnames.is_null() { None } else { Some(Obj::from_borrowed(kwnames)) };
    let nkw = kwn.as_ref().map(tuple::len).unwrap_or(0);
    let given: Vec<Obj> = (0..nargs + nkw).map(|i| Obj::from_borrowed(*args.add(i))).collect();
    let r = (|| -> PyResult<Obj> {
        let (func, pargs, pkw) = parts(slf)?;
        if slf.type_ptr() != &raw mut PARTIAL_TYPE || dict::len(&pkw) > 0 {
            let (targs, kw) = ops::call::vector_to_tuple_dict(&given, kwn.as_ref())?;
            let call = (*slf.type_ptr()).tp_call.expect("partial is callable");
            let k = kw.as_ref().map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut());
            return krait_runtime::types::slots::from_ret(call(slf.as_ptr(), targs.as_ptr(), k));
        }
        let mut all: Vec<Obj> = tuple::items(&pargs).to_vec();
        all.extend(given.iter().cloned());
        ops::call::call(&func, &all, kwn.as_ref())
    })();
    krait_runtime::types::slots::ret(r)
}

/// `functools.partial(func, *args, **kwargs)` for other modules.
pub fn new_partial(func: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    init_types()?;
    make_partial(&raw mut PARTIAL_TYPE, func, args, kw)
}

fn partial_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = tuple::items(args);
    if a.is_empty() {
        bail!(TypeError, "type 'partial' takes at least one argument");
    }
    if !krait_runtime::builtins::is_callable(&a[0]) {
        bail!(TypeError, "the first argument must be callable");
    }
    make_partial(t, &a[0], &a[1..], kw)
}
krait_runtime::new_slot!(partial_new_slot => partial_new);

fn partial_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (func, pargs, pkw) = parts(slf)?;
    let mut all: Vec<Obj> = tuple::items(&pargs).to_vec();
    all.extend(tuple::items(args).iter().cloned());
    let kwd = if dict::len(&pkw) == 0 {
        kw.cloned()
    } else {
        let d = dict::copy(&pkw)?;
        if let Some(k) = kw {
            dict::merge(&d, k, true)?;
        }
        Some(d)
    };
    let kwd = kwd.filter(|d| dict::len(d) > 0);
    ops::call::call_tuple_dict(&func, &tuple::from_vec(all), kwd.as_ref())
}
krait_runtime::call_slot!(partial_call_slot => partial_call);

fn partial_repr(slf: &Obj) -> PyResult<Obj> {
    let name = unsafe { std::ffi::CStr::from_ptr((*slf.type_ptr()).tp_name).to_string_lossy().into_owned() };
    if ops::repr_enter(slf) {
        return Ok(pystr::new("..."));
    }
    let r = (|| -> PyResult<String> {
        let (func, args, kw) = parts(slf)?;
        let mut s = ops::repr_string(&func)?;
        for a in tuple::items(&args) {
            s.push_str(", ");
            s.push_str(&ops::repr_string(a)?);
        }
        for (k, v) in dict::items_vec(&kw) {
            s.push_str(", ");
            s.push_str(&pystr::to_string_lossy(&ops::str_of(&k)?));
            s.push('=');
            s.push_str(&ops::repr_string(&v)?);
        }
        Ok(s)
    })();
    ops::repr_leave(slf);
    Ok(pystr::new(&format!("{}({})", name, r?)))
}
krait_runtime::unary_slot!(partial_repr_slot => partial_repr);

fn partial_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("partial.__reduce__", args, kw, 0, 0)?;
    let (func, pargs, pkw) = parts(slf)?;
    let d = unsafe { krait_runtime::object::opt_from_borrowed((*(slf.as_ptr() as *mut native::NativeObject<Partial>)).dict) };
    Ok(tuple::new(&[
        native::type_of(slf),
        tuple::new(&[func.clone()]),
        tuple::new(&[func, pargs, pkw, d.unwrap_or_else(none::none)]),
    ]))
}

fn partial_setstate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("partial.__setstate__", args, kw, 1, 1)?;
    let st = &args[0];
    if !tuple::is_tuple(st) || tuple::len(st) != 4 {
        bail!(TypeError, "invalid partial state");
    }
    let s = tuple::items(st);
    let (func, fargs, fkw, fdict) = (&s[0], &s[1], &s[2], &s[3]);
    if !krait_runtime::builtins::is_callable(func)
        || !tuple::is_tuple(fargs)
        || (!none::is_none(fkw) && !dict::is_dict(fkw))
    {
        bail!(TypeError, "invalid partial state");
    }
    let fargs = if tuple::is_exact_tuple(fargs) { fargs.clone() } else { ops::seq::to_tuple(fargs)? };
    let fkw = if none::is_none(fkw) {
        dict::new()
    } else if dict::is_exact_dict(fkw) {
        fkw.clone()
    } else {
        dict::copy(fkw)?
    };
    let newdict = if none::is_none(fdict) { None } else { Some(fdict.clone()) };
    unsafe {
        let p = slf.as_ptr() as *mut native::NativeObject<Partial>;
        let old = std::mem::replace(&mut (*p).state, Box::into_raw(Box::new(Partial { func: func.clone(), args: fargs, kw: fkw })));
        let olddict = std::mem::replace(&mut (*p).dict, krait_runtime::object::opt_into_raw(newdict));
        if !old.is_null() {
            drop(Box::from_raw(old));
        }
        krait_runtime::object::xdecref(olddict);
    }
    Ok(none::none())
}

fn partial_class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("partial.__class_getitem__", args, kw, 1, 1)?;
    krait_runtime::types::generic_alias::new(cls, &args[0])
}

fn get_func(o: &Obj) -> PyResult<Obj> {
    Ok(parts(o)?.0)
}
fn get_args(o: &Obj) -> PyResult<Obj> {
    Ok(parts(o)?.1)
}
fn get_keywords(o: &Obj) -> PyResult<Obj> {
    Ok(parts(o)?.2)
}


// ---------------------------------------------------------------------------
// cmp_to_key(mycmp): a KeyWrapper without an object; calling it wraps one.

static mut KEYWRAPPER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

struct KeyWrapper {
    cmp: Obj,
    obj: Option<Obj>,
}

impl State for KeyWrapper {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.cmp);
        native::push_opt(out, &self.obj);
    }
}

fn kw_state(o: &Obj) -> PyResult<&mut KeyWrapper> {
    match native::state::<KeyWrapper>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "KeyWrapper was cleared"),
    }
}

fn f_cmp_to_key(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let npos = args.len() - kw.map(tuple::len).unwrap_or(0);
    if args.len() > 1 {
        bail!(TypeError, "cmp_to_key() takes at most 1 {}argument ({} given)", if npos == 0 { "keyword " } else { "" }, args.len());
    }
    let a = krait_runtime::types::builtin_func::parse_args("cmp_to_key", args, kw, &["mycmp"], 1, 0)?;
    native::alloc(&raw mut KEYWRAPPER_TYPE, KeyWrapper { cmp: a[0].clone().unwrap(), obj: None })
}

fn keywrapper_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::itertools::parse_pub("K", args, kw, &["obj"], 1)?;
    let cmp = kw_state(slf)?.cmp.clone();
    native::alloc(&raw mut KEYWRAPPER_TYPE, KeyWrapper { cmp, obj: a[0].clone() })
}
krait_runtime::call_slot!(keywrapper_call_slot => keywrapper_call);

fn keywrapper_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    if b.type_ptr() != a.type_ptr() {
        bail!(TypeError, "other argument must be K instance");
    }
    let (cmp, x) = {
        let s = kw_state(a)?;
        (s.cmp.clone(), s.obj.clone())
    };
    let y = kw_state(b)?.obj.clone();
    let (Some(x), Some(y)) = (x, y) else { bail!(AttributeError, "object") };
    let r = ops::call::call(&cmp, &[x, y], None)?;
    ops::rich_compare(&r, &krait_runtime::types::int::from_i64(0), op)
}
krait_runtime::richcmp_slot!(keywrapper_richcompare_slot => keywrapper_richcompare);

/// A partial's `__dict__` can be replaced by another dict but not deleted
/// (CPython's generic dict setter).
fn partial_get_dict(o: &Obj) -> PyResult<Obj> {
    match type_::instance_dict(o) {
        Some(d) => Ok(d),
        None => bail!(AttributeError, "This object has no __dict__"),
    }
}

fn partial_set_dict(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else {
        bail!(TypeError, "cannot delete __dict__");
    };
    if !dict::is_dict(v) {
        bail!(TypeError, "__dict__ must be set to a dictionary, not a '{}'", v.ty().name());
    }
    let Some(slot) = type_::dict_slot(o) else {
        bail!(AttributeError, "This object has no __dict__");
    };
    // SAFETY: slot is o's own dict slot; the old dict's reference is released.
    unsafe { krait_runtime::object::xsetref(slot, v.clone().into_raw()) };
    Ok(())
}

fn keywrapper_get_obj(o: &Obj) -> PyResult<Obj> {
    match kw_state(o)?.obj.clone() {
        Some(v) => Ok(v),
        None => bail!(AttributeError, "obj"),
    }
}

fn keywrapper_set_obj(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    kw_state(o)?.obj = v.cloned();
    Ok(())
}

// ---------------------------------------------------------------------------
// _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)

static mut LRU_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// `maxsize`: None unbounded, Some(0) no caching, Some(n) bounded. An
/// unbounded cache maps keys to results. A bounded one maps keys to slots
/// of `links`, a doubly linked recency list kept in Rust as CPython's C
/// version keeps its own: a hit only relinks, so the dict is not changed
/// (and no key compared again) while serving it.
struct Lru {
    func: Obj,
    maxsize: Option<usize>,
    typed: bool,
    info_type: Obj,
    cache: Obj,
    kwd_mark: Obj,
    hits: u64,
    misses: u64,
    links: Vec<Link>,
    /// Slot of the least recently used entry (the list's head), if any.
    oldest: Option<usize>,
    newest: Option<usize>,
    free: Vec<usize>,
}

struct Link {
    key: Option<Obj>,
    hash: isize,
    result: Option<Obj>,
    prev: Option<usize>,
    next: Option<usize>,
}

impl Lru {
    fn unlink(&mut self, i: usize) {
        let (p, n) = (self.links[i].prev, self.links[i].next);
        match p {
            Some(p) => self.links[p].next = n,
            None => self.oldest = n,
        }
        match n {
            Some(n) => self.links[n].prev = p,
            None => self.newest = p,
        }
        self.links[i].prev = None;
        self.links[i].next = None;
    }

    fn push_newest(&mut self, i: usize) {
        self.links[i].prev = self.newest;
        self.links[i].next = None;
        match self.newest {
            Some(n) => self.links[n].next = Some(i),
            None => self.oldest = Some(i),
        }
        self.newest = Some(i);
    }

    fn new_link(&mut self, key: Obj, hash: isize, result: Obj) -> usize {
        let l = Link { key: Some(key), hash, result: Some(result), prev: None, next: None };
        match self.free.pop() {
            Some(i) => {
                self.links[i] = l;
                i
            }
            None => {
                self.links.push(l);
                self.links.len() - 1
            }
        }
    }

    fn clear_links(&mut self) -> Vec<Link> {
        self.oldest = None;
        self.newest = None;
        self.free.clear();
        std::mem::take(&mut self.links)
    }
}

impl State for Lru {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.func);
        native::push(out, &self.info_type);
        native::push(out, &self.cache);
        native::push(out, &self.kwd_mark);
        for l in &self.links {
            native::push_opt(out, &l.key);
            native::push_opt(out, &l.result);
        }
    }
}

fn lru(o: &Obj) -> PyResult<&mut Lru> {
    match native::state::<Lru>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "lru cache wrapper was cleared"),
    }
}

fn lru_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::itertools::parse_pub("lru_cache", args, kw, &["user_function", "maxsize", "typed", "cache_info_type"], 4)?;
    let func = a[0].clone().unwrap();
    if !krait_runtime::builtins::is_callable(&func) {
        bail!(TypeError, "the first argument must be callable");
    }
    let m = a[1].clone().unwrap();
    let maxsize = if none::is_none(&m) {
        None
    } else if krait_runtime::types::int::is_int(&m) {
        let v = krait_runtime::types::int::as_isize_or_overflow(&m)?;
        Some(v.max(0) as usize)
    } else {
        bail!(TypeError, "maxsize should be integer or None");
    };
    let typed = ops::truthy(a[2].as_ref().unwrap())?;
    let kwd_mark = krait_runtime::ops::call::call(&type_::type_obj(type_::object_type()), &[], None)?;
    native::alloc(
        t,
        Lru {
            func,
            maxsize,
            typed,
            info_type: a[3].clone().unwrap(),
            cache: dict::new(),
            kwd_mark,
            hits: 0,
            misses: 0,
            links: Vec::new(),
            oldest: None,
            newest: None,
            free: Vec::new(),
        },
    )
}
krait_runtime::new_slot!(lru_new_slot => lru_new);

/// CPython's C _make_key: a lone str/int argument is its own key, other
/// untyped keyword-less calls use the args tuple; otherwise args, a mark,
/// the keyword items flattened, and (typed) the argument types.
fn make_key(args: &Obj, kw: Option<&Obj>, typed: bool, mark: &Obj) -> Obj {
    let kwn = kw.map(dict::len).unwrap_or(0);
    let a = tuple::items(args);
    if !typed && kwn == 0 {
        if a.len() == 1 && (pystr::is_exact_str(&a[0]) || krait_runtime::types::int::is_exact_int(&a[0])) {
            return a[0].clone();
        }
        return args.clone();
    }
    let mut v: Vec<Obj> = a.to_vec();
    let items = kw.map(dict::items_vec).unwrap_or_default();
    if kwn > 0 {
        v.push(mark.clone());
        for (k, val) in &items {
            v.push(k.clone());
            v.push(val.clone());
        }
    }
    if typed {
        for x in a {
            v.push(native::type_of(x));
        }
        for (_, val) in &items {
            v.push(native::type_of(val));
        }
    }
    tuple::from_vec(v)
}

fn lru_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (func, maxsize, typed, cache, mark) = {
        let s = lru(slf)?;
        (s.func.clone(), s.maxsize, s.typed, s.cache.clone(), s.kwd_mark.clone())
    };
    let kwd = kw.filter(|k| dict::len(k) > 0);
    if maxsize == Some(0) {
        lru(slf)?.misses += 1;
        return ops::call::call_tuple_dict(&func, args, kwd);
    }
    let key = make_key(args, kwd, typed, &mark);
    let h = ops::hash(&key)?;
    let Some(max) = maxsize else {
        if let Some(v) = dict::get_item_known_hash(&cache, &key, h)? {
            lru(slf)?.hits += 1;
            return Ok(v);
        }
        lru(slf)?.misses += 1;
        let result = ops::call::call_tuple_dict(&func, args, kwd)?;
        dict::set_item_known_hash(&cache, &key, h, &result)?;
        return Ok(result);
    };
    if let Some(slot) = dict::get_item_known_hash(&cache, &key, h)? {
        let i = krait_runtime::types::int::as_isize_or_overflow(&slot)? as usize;
        let s = lru(slf)?;
        if let Some(result) = s.links.get(i).and_then(|l| l.result.clone()) {
            s.unlink(i);
            s.push_newest(i);
            s.hits += 1;
            return Ok(result);
        }
    }
    lru(slf)?.misses += 1;
    let result = ops::call::call_tuple_dict(&func, args, kwd)?;
    if dict::get_item_known_hash(&cache, &key, h)?.is_some() {
        // Added during the call (a recursive call): keep that entry.
        return Ok(result);
    }
    if dict::len(&cache) >= max {
        // Full: evict the least recently used entry.
        let s = lru(slf)?;
        if let Some(old) = s.oldest {
            s.unlink(old);
            let (okey, ohash) = (s.links[old].key.take(), s.links[old].hash);
            let oresult = s.links[old].result.take();
            s.free.push(old);
            if let Some(k) = okey {
                dict::pop_known_hash(&cache, &k, ohash)?;
            }
            drop(oresult);
        }
    }
    let s = lru(slf)?;
    let i = s.new_link(key.clone(), h, result.clone());
    s.push_newest(i);
    if let Err(e) = dict::set_item_known_hash(&cache, &key, h, &krait_runtime::types::int::from_usize(i)) {
        let s = lru(slf)?;
        s.unlink(i);
        s.links[i].key = None;
        s.links[i].result = None;
        s.free.push(i);
        return Err(e);
    }
    Ok(result)
}
krait_runtime::call_slot!(lru_call_slot => lru_call);

fn lru_descr_get(slf: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    match obj {
        Some(o) if !none::is_none(o) => Ok(krait_runtime::types::method::new(slf, o)),
        _ => Ok(slf.clone()),
    }
}
krait_runtime::descr_get_slot!(lru_descr_get_slot => lru_descr_get);

fn lru_cache_info(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cache_info", args, kw, 0, 0)?;
    let s = lru(o)?;
    let (info, hits, misses, maxsize) = (s.info_type.clone(), s.hits, s.misses, s.maxsize);
    let cur = if maxsize == Some(0) { 0 } else { dict::len(&s.cache) };
    let ms = match maxsize {
        None => none::none(),
        Some(m) => krait_runtime::types::int::from_usize(m),
    };
    ops::call::call(
        &info,
        &[
            krait_runtime::types::int::from_u64(hits),
            krait_runtime::types::int::from_u64(misses),
            ms,
            krait_runtime::types::int::from_usize(cur),
        ],
        None,
    )
}

fn lru_cache_clear(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cache_clear", args, kw, 0, 0)?;
    let s = lru(o)?;
    s.hits = 0;
    s.misses = 0;
    let links = s.clear_links();
    let old = std::mem::replace(&mut s.cache, dict::new());
    dict::clear(&old);
    drop(links);
    Ok(none::none())
}

fn lru_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kw, 0, 0)?;
    ops::attr::getattr_str(o, "__qualname__")
}

fn lru_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__copy__", args, kw, 0, 0)?;
    Ok(o.clone())
}

fn lru_deepcopy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__deepcopy__", args, kw, 1, 1)?;
    Ok(o.clone())
}

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut PARTIAL_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Partial>(t, "functools.partial", true);
        (*t).tp_weaklistoffset = native::weaklist_offset::<Partial>();
        (*t).tp_vectorcall_offset = native::vectorcall_offset::<Partial>();
        (*t).tp_flags |= tpflags::HAVE_VECTORCALL;
        (*t).tp_dictoffset = native::dict_offset::<Partial>();
        (*t).tp_new = Some(partial_new_slot);
        (*t).tp_call = Some(partial_call_slot);
        (*t).tp_repr = Some(partial_repr_slot);
        (*t).tp_methods = method_table(&[
            method("__reduce__", partial_reduce),
            method("__setstate__", partial_setstate),
            classmethod("__class_getitem__", partial_class_getitem),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("func", get_func),
            GetSetSpec::get("args", get_args),
            GetSetSpec::get("keywords", get_keywords),
            GetSetSpec::get_set("__dict__", partial_get_dict, partial_set_dict),
        ]);
        native::ready(t)?;

        let t = &raw mut KEYWRAPPER_TYPE;
        native::init_type::<KeyWrapper>(t, "functools.KeyWrapper", false);
        // Only cmp_to_key makes these (bpo-43916).
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_call = Some(keywrapper_call_slot);
        (*t).tp_richcompare = Some(keywrapper_richcompare_slot);
        (*t).tp_hash = Some(krait_runtime::ops::object_hash_not_implemented);
        (*t).tp_getset = getset_table(&[GetSetSpec::get_set("obj", keywrapper_get_obj, keywrapper_set_obj)]);
        native::ready(t)?;

        let t = &raw mut LRU_TYPE;
        native::init_type::<Lru>(t, "functools._lru_cache_wrapper", false);
        (*t).tp_weaklistoffset = native::weaklist_offset::<Lru>();
        (*t).tp_dictoffset = native::dict_offset::<Lru>();
        (*t).tp_new = Some(lru_new_slot);
        (*t).tp_call = Some(lru_call_slot);
        (*t).tp_descr_get = Some(lru_descr_get_slot);
        (*t).tp_flags |= tpflags::METHOD_DESCRIPTOR;
        (*t).tp_methods = method_table(&[
            method("cache_info", lru_cache_info),
            method("cache_clear", lru_cache_clear),
            method("__reduce__", lru_reduce),
            method("__copy__", lru_copy),
            method("__deepcopy__", lru_deepcopy),
        ]);
        native::ready(t)?;
        let d = Obj::from_borrowed((*t).tp_dict);
        dict::set_item_str(&d, "__dict__", &krait_runtime::types::member::new_dict_descr(t))?;
        type_::modified(t);
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![method("cmp_to_key", f_cmp_to_key), method("reduce", f_reduce)]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_functools")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "partial", &type_::type_obj(&raw mut PARTIAL_TYPE))?;
    dict::set_item_str(&d, "_lru_cache_wrapper", &type_::type_obj(&raw mut LRU_TYPE))?;
    Ok(m)
}
