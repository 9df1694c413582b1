//! isinstance/issubclass with __instancecheck__/__subclasscheck__, tuples of
//! classes, and the `__bases__`/`__class__` protocol for non-type classes.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{str as pystr, tuple, type_};

pub fn isinstance(o: &Obj, cls: &Obj) -> PyResult<bool> {
    if type_::is_type(cls) && o.type_ptr() == type_::as_type(cls) {
        return Ok(true);
    }
    if type_::is_type(cls) && type_::as_type(&cls.get_type()) == type_::type_type() {
        return recursive_isinstance(o, cls);
    }
    if crate::types::union::is_union(cls) {
        return isinstance(o, &crate::types::union::args(cls));
    }
    if tuple::is_exact_tuple(cls) {
        crate::ops::enter_recursive_call(" in __instancecheck__")?;
        let r = (|| {
            for c in tuple::items(cls) {
                if isinstance(o, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        crate::ops::leave_recursive_call();
        return r;
    }
    if let Some(check) = type_::lookup(cls.type_ptr(), &pystr::intern_static("__instancecheck__")) {
        crate::ops::enter_recursive_call(" in __instancecheck__")?;
        let bound = bind(&check, cls);
        let r = bound.and_then(|b| crate::ops::call::call(&b, &[o.clone()], None)).and_then(|r| crate::ops::truthy(&r));
        crate::ops::leave_recursive_call();
        return r;
    }
    recursive_isinstance(o, cls)
}

fn bind(f: &Obj, o: &Obj) -> PyResult<Obj> {
    match f.ty().tp_descr_get {
        Some(g) => unsafe { crate::types::slots::from_ret(g(f.as_ptr(), o.as_ptr(), o.type_ptr() as *mut _)) },
        None => Ok(f.clone()),
    }
}

/// isinstance without __instancecheck__ of `cls`.
pub fn recursive_isinstance(o: &Obj, cls: &Obj) -> PyResult<bool> {
    if type_::is_type(cls) {
        if type_::is_subtype(o.type_ptr(), type_::as_type(cls)) {
            return Ok(true);
        }
        // obj.__class__ may differ from type(obj) (proxies).
        if let Some(c) = crate::ops::attr::getattr_opt(o, &pystr::intern_static("__class__"))? {
            if !c.is(&o.get_type()) && type_::is_type(&c) {
                return Ok(type_::is_subtype(type_::as_type(&c), type_::as_type(cls)));
            }
        }
        return Ok(false);
    }
    if !has_bases(cls)? {
        crate::bail!(TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    match crate::ops::attr::getattr_opt(o, &pystr::intern_static("__class__"))? {
        Some(c) => abstract_issubclass(&c, cls),
        None => Ok(false),
    }
}

pub fn issubclass(derived: &Obj, cls: &Obj) -> PyResult<bool> {
    if type_::is_type(cls) && type_::is_type(derived) && type_::as_type(&cls.get_type()) == type_::type_type() {
        return Ok(type_::is_subtype(type_::as_type(derived), type_::as_type(cls)));
    }
    if crate::types::union::is_union(cls) {
        return issubclass(derived, &crate::types::union::args(cls));
    }
    if tuple::is_exact_tuple(cls) {
        crate::ops::enter_recursive_call(" in __subclasscheck__")?;
        let r = (|| {
            for c in tuple::items(cls) {
                if issubclass(derived, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        crate::ops::leave_recursive_call();
        return r;
    }
    if let Some(check) = type_::lookup(cls.type_ptr(), &pystr::intern_static("__subclasscheck__")) {
        crate::ops::enter_recursive_call(" in __subclasscheck__")?;
        let r = bind(&check, cls)
            .and_then(|b| crate::ops::call::call(&b, &[derived.clone()], None))
            .and_then(|r| crate::ops::truthy(&r));
        crate::ops::leave_recursive_call();
        return r;
    }
    recursive_issubclass(derived, cls)
}

pub fn recursive_issubclass(derived: &Obj, cls: &Obj) -> PyResult<bool> {
    if type_::is_type(cls) && type_::is_type(derived) {
        return Ok(type_::is_subtype(type_::as_type(derived), type_::as_type(cls)));
    }
    if !has_bases(derived)? {
        crate::bail!(TypeError, "issubclass() arg 1 must be a class");
    }
    if !has_bases(cls)? {
        crate::bail!(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    abstract_issubclass(derived, cls)
}

fn has_bases(o: &Obj) -> PyResult<bool> {
    if type_::is_type(o) {
        return Ok(true);
    }
    Ok(matches!(crate::ops::attr::getattr_opt(o, &pystr::intern_static("__bases__"))?, Some(b) if tuple::is_tuple(&b)))
}

fn abstract_issubclass(derived: &Obj, cls: &Obj) -> PyResult<bool> {
    if derived.is(cls) {
        return Ok(true);
    }
    crate::ops::enter_recursive_call(" in __subclasscheck__")?;
    let r = (|| {
        let bases = match crate::ops::attr::getattr_opt(derived, &pystr::intern_static("__bases__"))? {
            Some(b) if tuple::is_tuple(&b) => b,
            _ => return Ok(false),
        };
        for b in tuple::items(&bases) {
            if abstract_issubclass(b, cls)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    crate::ops::leave_recursive_call();
    r
}
