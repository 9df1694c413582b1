//! Pickling support on `object`: `__reduce_ex__`, `__reduce__` and
//! `__getstate__` with CPython 3.11's rules. Protocols 2 and up build
//! `copyreg.__newobj__`/`__newobj_ex__` tuples here; older protocols and
//! slot-name discovery are delegated to the `copyreg` module, as CPython
//! does, so they need the import system.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::builtin_func::{check_nargs, parse_args};
use crate::types::slot_wrappers::call_dunder;
use crate::types::{dict, int, list, none, str as pystr, tuple, type_};

fn copyreg() -> PyResult<Obj> {
    crate::import::import_module_level(&pystr::new("copyreg"), None, None, 0)
}

/// `(args, kwargs)` from `__getnewargs_ex__` or `__getnewargs__`.
fn new_arguments(obj: &Obj) -> PyResult<(Option<Obj>, Option<Obj>)> {
    if let Some(r) = call_dunder(obj, "__getnewargs_ex__", &[])? {
        if !tuple::is_tuple(&r) {
            crate::bail!(TypeError, "__getnewargs_ex__ should return a tuple, not '{}'", r.ty().name());
        }
        if tuple::len(&r) != 2 {
            crate::bail!(TypeError, "__getnewargs_ex__ should return a tuple of length 2, not {}", tuple::len(&r));
        }
        let items = tuple::items(&r);
        if !tuple::is_tuple(&items[0]) {
            crate::bail!(
                TypeError,
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                items[0].ty().name()
            );
        }
        if !dict::is_dict(&items[1]) {
            crate::bail!(
                TypeError,
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                items[1].ty().name()
            );
        }
        return Ok((Some(items[0].clone()), Some(items[1].clone())));
    }
    if let Some(r) = call_dunder(obj, "__getnewargs__", &[])? {
        if !tuple::is_tuple(&r) {
            crate::bail!(TypeError, "__getnewargs__ should return a tuple, not '{}'", r.ty().name());
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// `copyreg._slotnames(cls)`: the names of the instance's slots.
fn slot_names(cls: &Obj) -> PyResult<Vec<Obj>> {
    let cached = type_::lookup_str(cls.as_ptr() as *mut crate::object::PyTypeObject, "__slotnames__");
    // Only the class's own cache counts (copyreg stores it per class).
    let own = crate::ops::attr::getattr(cls, &pystr::intern_static("__dict__"))
        .ok()
        .and_then(|d| crate::ops::seq::getitem(&d, &pystr::intern_static("__slotnames__")).ok());
    if crate::errors::occurred() {
        crate::errors::clear();
    }
    let names = match (own, cached) {
        (Some(n), _) => n,
        _ => crate::ops::attr::call_method(&copyreg()?, "_slotnames", &[cls.clone()])?,
    };
    if none::is_none(&names) {
        return Ok(Vec::new());
    }
    if !list::is_list(&names) {
        crate::bail!(TypeError, "copyreg._slotnames didn't return a list or None");
    }
    Ok(list::items(&names).to_vec())
}

/// The default `__getstate__`: the instance dict (or None) and, with
/// slots, `(dict_or_None, {slot: value})`. `required` refuses objects whose
/// C-level contents the state cannot carry.
pub fn default_state(obj: &Obj, required: bool) -> PyResult<Obj> {
    let t = obj.ty();
    if required && t.tp_itemsize != 0 {
        crate::bail!(TypeError, "cannot pickle '{}' object", t.full_name());
    }
    let mut state = match type_::dict_slot(obj).and_then(|p| unsafe { crate::object::opt_from_borrowed(*p) }) {
        Some(d) if dict::len(&d) > 0 => dict::copy(&d)?,
        _ => none::none(),
    };
    let cls = obj.get_type();
    let names = slot_names(&cls)?;
    if required {
        let ptr = std::mem::size_of::<usize>() as isize;
        let mut basic = 16isize;
        if t.tp_dictoffset != 0 {
            basic += ptr;
        }
        if t.tp_weaklistoffset != 0 {
            basic += ptr;
        }
        basic += ptr * names.len() as isize;
        if t.tp_basicsize > basic {
            crate::bail!(TypeError, "cannot pickle '{}' object", t.full_name());
        }
    }
    if !names.is_empty() {
        let slots = dict::new();
        for n in &names {
            if let Some(v) = crate::ops::attr::getattr_opt(obj, n)? {
                dict::set_item(&slots, n, &v)?;
            }
        }
        if dict::len(&slots) > 0 {
            state = tuple::new(&[state, slots]);
        }
    }
    Ok(state)
}

/// `__getstate__` as reduce calls it: an override is called, the default
/// computed directly (with `required`).
fn get_state(obj: &Obj, required: bool) -> PyResult<Obj> {
    let f = crate::ops::attr::getattr(obj, &pystr::intern_static("__getstate__"))?;
    let is_default = type_::lookup_str(obj.type_ptr(), "__getstate__")
        .is_some_and(|d| Some(d) == type_::lookup_str(type_::object_type(), "__getstate__"));
    if is_default {
        default_state(obj, required)
    } else {
        crate::ops::call::call(&f, &[], None)
    }
}

fn reduce_newobj(obj: &Obj) -> PyResult<Obj> {
    let t = obj.ty();
    if t.tp_new.is_none() {
        crate::bail!(TypeError, "cannot pickle '{}' object", t.full_name());
    }
    let (args, kwargs) = new_arguments(obj)?;
    let copyreg = copyreg()?;
    let cls = obj.get_type();
    let has_args = args.is_some();
    let (newobj, newargs) = match (&args, &kwargs) {
        (_, Some(k)) if dict::len(k) > 0 => (
            crate::ops::attr::getattr(&copyreg, &pystr::intern_static("__newobj_ex__"))?,
            tuple::new(&[cls, args.clone().unwrap_or_else(|| tuple::new(&[])), k.clone()]),
        ),
        _ => {
            let mut v = vec![cls];
            if let Some(a) = &args {
                v.extend_from_slice(tuple::items(a));
            }
            (crate::ops::attr::getattr(&copyreg, &pystr::intern_static("__newobj__"))?, tuple::from_vec(v))
        }
    };
    let required = !(has_args || list::is_list(obj) || dict::is_dict(obj));
    let state = get_state(obj, required)?;
    let listitems = if list::is_list(obj) { crate::ops::iter(obj)? } else { none::none() };
    let dictitems = if dict::is_dict(obj) {
        crate::ops::iter(&crate::ops::attr::call_method(obj, "items", &[])?)?
    } else {
        none::none()
    };
    Ok(tuple::new(&[newobj, newargs, state, listitems, dictitems]))
}

fn common_reduce(obj: &Obj, proto: i64) -> PyResult<Obj> {
    if proto >= 2 {
        return reduce_newobj(obj);
    }
    crate::ops::attr::call_method(&copyreg()?, "_reduce_ex", &[obj.clone(), int::from_i64(proto)])
}

pub fn obj_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("object.__reduce__", args, kw, 0, 0)?;
    common_reduce(slf, 0)
}

pub fn obj_reduce_ex(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("__reduce_ex__", args, kw, &["protocol"], 1, 1)?;
    let p = a[0].as_ref().unwrap();
    if !int::is_int(p) {
        crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", p.ty().name());
    }
    let proto = int::index_isize(p)? as i64;
    if let Some(reduce) = crate::ops::attr::getattr_opt(slf, &pystr::intern_static("__reduce__"))? {
        let cls = slf.get_type();
        let clsreduce = crate::ops::attr::getattr(&cls, &pystr::intern_static("__reduce__"))?;
        let objreduce = type_::lookup_str(type_::object_type(), "__reduce__");
        if Some(&clsreduce) != objreduce.as_ref() {
            return crate::ops::call::call(&reduce, &[], None);
        }
    }
    common_reduce(slf, proto)
}

pub fn obj_getstate(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("object.__getstate__", args, kw, 0, 0)?;
    default_state(slf, false)
}
