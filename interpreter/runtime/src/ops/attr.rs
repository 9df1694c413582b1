//! Attribute access through the type's tp_getattro/tp_setattro.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{str as pystr, type_};

/// `getattr(o, name)`.
pub fn getattr(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let t = o.ty();
    match t.tp_getattro {
        Some(f) if f as *const () as usize == type_::generic_getattr_slot as *const () as usize => type_::generic_getattr(o, name),
        Some(f) => unsafe {
            crate::types::slots::from_ret(f(o.as_ptr(), name.as_ptr())).inspect_err(|_| {
                // PyObject_GetAttr's set_attribute_error_context: an
                // AttributeError from a custom lookup learns what failed.
                crate::types::exceptions::set_attribute_error_context(o, name)
            })
        },
        None => match t.tp_getattr {
            Some(f) => {
                let c = std::ffi::CString::new(pystr::to_string_lossy(name)).unwrap_or_default();
                unsafe { crate::types::slots::from_ret(f(o.as_ptr(), c.as_ptr() as *mut _)) }
            }
            None => Err(type_::attribute_error(o, name)),
        },
    }
}

pub fn getattr_str(o: &Obj, name: &str) -> PyResult<Obj> {
    getattr(o, &pystr::intern(name))
}

/// `getattr(o, name, <missing>)`: None when the attribute does not exist
/// (AttributeError swallowed), without building the error for the common
/// generic case.
pub fn getattr_opt(o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    let t = o.ty();
    let r = match t.tp_getattro {
        Some(f) if f as *const () as usize == type_::generic_getattr_slot as *const () as usize => type_::generic_getattr_opt(o, name),
        Some(f) if f as *const () as usize == type_::type_getattro_slot as *const () as usize => type_::type_getattro_opt(o, name),
        _ => getattr(o, name).map(Some),
    };
    // AttributeError from anywhere (a descriptor's getter included) means "missing".
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            if crate::errors::matches(crate::types::exceptions::AttributeError()) {
                crate::errors::clear();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `setattr(o, name, value)`.
pub fn setattr(o: &Obj, name: &Obj, value: &Obj) -> PyResult<()> {
    set_or_del(o, name, Some(value))
}

/// `delattr(o, name)`.
pub fn delattr(o: &Obj, name: &Obj) -> PyResult<()> {
    set_or_del(o, name, None)
}

fn set_or_del(o: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "attribute name must be string, not '{}'", name.ty().name());
    }
    let name = pystr::intern_obj(name);
    let t = o.ty();
    match t.tp_setattro {
        Some(f) => {
            let v = value.map(|v| v.as_ptr()).unwrap_or(std::ptr::null_mut());
            crate::types::slots::from_status(unsafe { f(o.as_ptr(), name.as_ptr(), v) }).map(|_| ())
        }
        None => {
            if type_::lookup(o.type_ptr(), &name).is_some() || t.tp_getattro.is_some() {
                crate::bail!(
                    AttributeError,
                    "'{}' object attribute '{}' is read-only",
                    t.name(),
                    pystr::to_string_lossy(&name)
                );
            }
            crate::bail!(
                AttributeError,
                "'{}' object has no attribute '{}'",
                t.name(),
                pystr::to_string_lossy(&name)
            )
        }
    }
}

/// Looks a method up the way LOAD_METHOD does: returns (function, true) when
/// it is a plain method descriptor found on the type (call with `o` first),
/// or (bound attribute, false).
pub fn get_method(o: &Obj, name: &Obj) -> PyResult<(Obj, bool)> {
    let t = o.ty();
    if t.tp_getattro.map(|f| f as *const () as usize) == Some(type_::generic_getattr_slot as *const () as usize) {
        if let Some(d) = type_::lookup(o.type_ptr(), name) {
            if d.ty().has_flag(crate::object::tpflags::METHOD_DESCRIPTOR) {
                // An instance attribute of the same name shadows it.
                let shadowed = match type_::dict_slot(o) {
                    Some(slot) => unsafe {
                        !(*slot).is_null() && crate::types::dict::get_item(Obj::borrow_slot(&*slot), name)?.is_some()
                    },
                    None => false,
                };
                if !shadowed {
                    return Ok((d, true));
                }
            }
        }
    }
    Ok((getattr(o, name)?, false))
}

/// `type(o).name` bound to `o`, looked up on the type only, never through
/// the instance's `__getattribute__` (CPython's _PyObject_LookupSpecial).
pub fn lookup_special(o: &Obj, name: &str) -> PyResult<Option<Obj>> {
    let Some(f) = crate::types::type_::lookup_str(o.type_ptr(), name) else {
        return Ok(None);
    };
    match f.ty().tp_descr_get {
        Some(g) => unsafe { crate::types::slots::from_ret(g(f.as_ptr(), o.as_ptr(), o.type_ptr() as *mut _)).map(Some) },
        None => Ok(Some(f)),
    }
}

/// `o.name(*args)`.
pub fn call_method(o: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let (f, unbound) = get_method(o, &pystr::intern(name))?;
    if unbound {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(o.clone());
        all.extend_from_slice(args);
        super::call::call(&f, &all, None)
    } else {
        super::call::call(&f, args, None)
    }
}
