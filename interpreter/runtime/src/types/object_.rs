//! `object`: the root of every class — default construction, identity hash
//! and equality, repr, attribute access and `__class__`.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{self, classmethod, method};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::type_::{self, object_type};
use crate::types::{dict, none, str as pystr, tuple};
use krait_bytecode::CompareOp;

fn excess_args(args: &Obj, kwargs: Option<&Obj>) -> bool {
    tuple::len(args) > 0 || kwargs.map(|k| dict::len(k) > 0).unwrap_or(false)
}

fn object_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    unsafe {
        if excess_args(args, kwargs) {
            if (*t).tp_new != Some(object_new_slot) {
                crate::bail!(TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
            }
            if (*t).tp_init == Some(object_init_slot) {
                crate::bail!(TypeError, "{}() takes no arguments", (*t).name());
            }
        }
        if (*t).has_flag(tpflags::IS_ABSTRACT) {
            let tobj = type_::type_obj(t);
            let abstract_ = crate::ops::attr::getattr_str(&tobj, "__abstractmethods__")?;
            let mut names: Vec<String> = crate::ops::seq::to_vec(&abstract_)?
                .iter()
                .map(|n| crate::ops::str_of(n).map(|s| pystr::to_string_lossy(&s)))
                .collect::<PyResult<_>>()?;
            names.sort();
            crate::bail!(
                TypeError,
                "Can't instantiate abstract class {} with abstract method{} {}",
                (*t).name(),
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            );
        }
    }
    type_::alloc_instance(t, 0)
}
crate::new_slot!(object_new_slot => object_new);

fn object_init(slf: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let t = slf.ty();
    if excess_args(args, kwargs) {
        if t.tp_init != Some(object_init_slot) {
            crate::bail!(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        }
        if t.tp_new == Some(object_new_slot) {
            crate::bail!(TypeError, "{}.__init__() takes exactly one argument (the instance to initialize)", t.name());
        }
    }
    Ok(())
}
crate::init_slot!(object_init_slot => object_init);

/// `<module.Class object at 0x...>`.
pub fn object_repr(o: &Obj) -> PyResult<Obj> {
    let t = o.get_type();
    let q = type_::qualname(&t)?;
    let m = type_::module_name(&t).ok();
    let q = pystr::to_string_lossy(&q);
    let s = match m {
        Some(m) if pystr::is_str(&m) && !pystr::eq_str(&m, "builtins") => {
            format!("<{}.{} object at {:#x}>", pystr::to_string_lossy(&m), q, o.as_ptr() as usize)
        }
        _ => format!("<{} object at {:#x}>", q, o.as_ptr() as usize),
    };
    Ok(pystr::new(&s))
}
crate::unary_slot!(object_repr_slot => object_repr);

fn object_str(o: &Obj) -> PyResult<Obj> {
    crate::ops::repr(o)
}
crate::unary_slot!(object_str_slot => object_str);

fn object_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) { crate::types::bool_::from_bool(true) } else { none::not_implemented() }),
        CompareOp::Ne => {
            // Defer to __eq__ and invert, unless it is NotImplemented.
            let eq = match a.ty().tp_richcompare {
                Some(f) => unsafe { crate::types::slots::from_ret(f(a.as_ptr(), b.as_ptr(), CompareOp::Eq as i32))? },
                None => return Ok(none::not_implemented()),
            };
            if none::is_not_implemented(&eq) {
                return Ok(eq);
            }
            Ok(crate::types::bool_::from_bool(!crate::ops::truthy(&eq)?))
        }
        _ => Ok(none::not_implemented()),
    }
}
crate::richcmp_slot!(object_richcompare_slot => object_richcompare);

fn get_class(o: &Obj) -> PyResult<Obj> {
    Ok(o.get_type())
}

fn set_class(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) => v,
        None => crate::bail!(TypeError, "can't delete __class__ attribute"),
    };
    if !type_::is_type(v) {
        crate::bail!(TypeError, "__class__ must be set to a class, not '{}' object", v.ty().name());
    }
    crate::modules::sys::audit("object.__setattr__", &[o.clone(), crate::types::str::new("__class__"), v.clone()])?;
    let new = type_::as_type(v);
    let old = o.type_ptr();
    unsafe {
        // Instances of immutable types may be shared (interned), so only
        // mutable types take part, and modules (ModuleType is immutable).
        let modules = type_::is_subtype(new, crate::types::module::type_ptr()) && type_::is_subtype(old, crate::types::module::type_ptr());
        let mutable = !(*new).has_flag(tpflags::IMMUTABLETYPE) && !(*old).has_flag(tpflags::IMMUTABLETYPE);
        if !modules && !mutable {
            crate::bail!(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        type_::check_compatible_for_assignment(old, new, "__class__")?;
        crate::object::incref(new as *mut PyObject);
        (*o.as_ptr()).ob_type = new;
        crate::object::decref(old as *mut PyObject);
    }
    Ok(())
}

fn obj_dir(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    let d = dict::new();
    if let Ok(Some(own)) = crate::ops::attr::getattr_opt(slf, &pystr::intern_static("__dict__")) {
        if dict::is_dict(&own) {
            dict::update(&d, &own)?;
        }
    }
    if let Ok(Some(cls)) = crate::ops::attr::getattr_opt(slf, &pystr::intern_static("__class__")) {
        if type_::is_type(&cls) {
            for t in type_::mro(type_::as_type(&cls)).iter().rev() {
                dict::update(&d, type_::type_dict(type_::as_type(t)))?;
            }
        }
    }
    Ok(crate::types::list::from_vec(dict::keys_vec(&d)))
}

fn obj_format(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    builtin_func::check_nargs("object.__format__", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        crate::bail!(TypeError, "__format__() argument must be str, not {}", args[0].ty().name());
    }
    if pystr::len(&args[0]) > 0 {
        crate::bail!(
            TypeError,
            "unsupported format string passed to {}.__format__",
            slf.ty().name()
        );
    }
    crate::ops::str_of(slf)
}

fn obj_sizeof(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    let t = slf.ty();
    let mut size = t.tp_basicsize as usize;
    if t.tp_itemsize != 0 {
        let n = unsafe { (*(slf.as_ptr() as *mut crate::object::PyVarObject)).ob_size.unsigned_abs() };
        size += n * t.tp_itemsize as usize;
    }
    Ok(crate::types::int::from_usize(size))
}

fn obj_init_subclass(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if !args.is_empty() {
        let name = format!("{}.__init_subclass__", pystr::to_string_lossy(&crate::types::type_::qualname(slf)?));
        crate::types::builtin_func::check_nargs(&name, args, kw, 0, 0)?;
    }
    Ok(none::none())
}

fn obj_subclasshook(_slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(none::not_implemented())
}

pub fn init_types() {
    unsafe {
        let t = object_type();
        type_::init_static(t, "object", 16, 0);
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_base = std::ptr::null_mut();
        (*t).tp_dealloc = Some(object_dealloc);
        (*t).tp_new = Some(object_new_slot);
        (*t).tp_init = Some(object_init_slot);
        (*t).tp_repr = Some(object_repr_slot);
        (*t).tp_str = Some(object_str_slot);
        (*t).tp_hash = Some(crate::ops::object_hash_identity);
        (*t).tp_richcompare = Some(object_richcompare_slot);
        (*t).tp_getattro = Some(type_::generic_getattr_slot);
        (*t).tp_setattro = Some(type_::generic_setattr_slot);
        (*t).tp_alloc = Some(type_::generic_alloc);
        (*t).tp_free = Some(object_free);
        (*t).tp_doc = builtin_func::cstr("object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n");
        (*t).tp_methods = builtin_func::method_table(&[
            method("__dir__", obj_dir),
            method("__format__", obj_format),
            method("__sizeof__", obj_sizeof),
            method("__reduce__", crate::types::object_reduce::obj_reduce),
            method("__reduce_ex__", crate::types::object_reduce::obj_reduce_ex),
            method("__getstate__", crate::types::object_reduce::obj_getstate),
            classmethod("__init_subclass__", obj_init_subclass),
            classmethod("__subclasshook__", obj_subclasshook),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get_set("__class__", get_class, set_class)]);
    }
}

unsafe extern "C" fn object_dealloc(p: *mut PyObject) {
    alloc::free_object(p);
}

unsafe extern "C" fn object_free(p: *mut std::os::raw::c_void) {
    alloc::free_object(p as *mut PyObject);
}

/// A fresh `object()`: a unique sentinel value.
pub fn sentinel() -> Obj {
    type_::alloc_instance(object_type(), 0).expect("allocating a sentinel object")
}
