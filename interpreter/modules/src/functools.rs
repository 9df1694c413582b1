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
    native::alloc(t, Partial { func, args: tuple::from_vec(pargs), kw: kwd })
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

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut PARTIAL_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Partial>(t, "functools.partial", true);
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
        ]);
        native::ready(t)?;
        let d = Obj::from_borrowed((*t).tp_dict);
        dict::set_item_str(&d, "__dict__", &krait_runtime::types::member::new_dict_descr(t))?;
        type_::modified(t);
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![method("reduce", f_reduce)]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_functools")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "partial", &type_::type_obj(&raw mut PARTIAL_TYPE))?;
    Ok(m)
}
