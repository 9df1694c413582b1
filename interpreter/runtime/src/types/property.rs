//! `property`: managed attributes with fget/fset/fdel and a doc string.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table, parse_args};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{none, str as pystr, tuple};
use std::ptr::null_mut;

#[repr(C)]
pub struct PropertyObject {
    pub ob_base: PyObject,
    pub fget: *mut PyObject,
    pub fset: *mut PyObject,
    pub fdel: *mut PyObject,
    pub doc: *mut PyObject,
    pub name: *mut PyObject,
    pub getter_doc: i32,
}

#[no_mangle]
pub static mut PyProperty_Type: PyTypeObject = PyTypeObject::EMPTY;

fn prop(o: &Obj) -> &mut PropertyObject {
    unsafe { o.cast_mut::<PropertyObject>() }
}

fn field(p: *mut PyObject) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(p) }.filter(|x| !none::is_none(x))
}

fn qual_desc(o: &Obj, what: &str, obj: &Obj) -> String {
    let p = prop(o);
    match field(p.name) {
        Some(n) => format!(
            "property {} of {} object {}",
            crate::ops::repr_string(&n).unwrap_or_default(),
            crate::ops::repr_string(&crate::types::type_::qualname(&obj.get_type()).unwrap_or_else(|_| pystr::empty())).unwrap_or_default(),
            what
        ),
        None => format!("property of {} object {}", crate::ops::repr_string(&crate::types::type_::qualname(&obj.get_type()).unwrap_or_else(|_| pystr::empty())).unwrap_or_default(), what),
    }
}

crate::descr_get_slot!(property_get => property_get_impl);
fn property_get_impl(o: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    let obj = match obj {
        None => return Ok(o.clone()),
        Some(x) if none::is_none(x) && false => return Ok(o.clone()),
        Some(x) => x,
    };
    match field(prop(o).fget) {
        Some(f) => crate::ops::call::call(&f, &[obj.clone()], None),
        None => crate::bail!(AttributeError, "{}", qual_desc(o, "has no getter", obj)),
    }
}

crate::setter_slot!(property_set => property_set_impl);
fn property_set_impl(o: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let p = prop(o);
    match value {
        Some(v) => match field(p.fset) {
            Some(f) => crate::ops::call::call(&f, &[obj.clone(), v.clone()], None).map(|_| ()),
            None => crate::bail!(AttributeError, "{}", qual_desc(o, "has no setter", obj)),
        },
        None => match field(p.fdel) {
            Some(f) => crate::ops::call::call(&f, &[obj.clone()], None).map(|_| ()),
            None => crate::bail!(AttributeError, "{}", qual_desc(o, "has no deleter", obj)),
        },
    }
}

fn property_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = parse_args("property", &v, kn.as_ref(), &["fget", "fset", "fdel", "doc"], 0, 0)?;
    let p = prop(o);
    let take = |x: &Option<Obj>| x.clone().filter(|y| !none::is_none(y));
    unsafe {
        crate::object::xsetref(&mut p.fget, crate::object::opt_into_raw(take(&a[0])));
        crate::object::xsetref(&mut p.fset, crate::object::opt_into_raw(take(&a[1])));
        crate::object::xsetref(&mut p.fdel, crate::object::opt_into_raw(take(&a[2])));
    }
    // 3.11: an explicit doc is kept as given; without one, the getter's
    // __doc__ (even None) is used and remembered as the getter's.
    let doc = take(&a[3]);
    unsafe { crate::object::xsetref(&mut p.doc, crate::object::opt_into_raw(doc.clone())) };
    p.getter_doc = 0;
    if doc.is_none() {
        if let Some(g) = field(p.fget) {
            let gd = match crate::ops::attr::getattr_opt(&g, &pystr::intern_static("__doc__"))? {
                Some(d) => d,
                None => return Ok(()),
            };
            if o.is_type(&raw mut PyProperty_Type) {
                unsafe { crate::object::xsetref(&mut p.doc, gd.into_raw()) };
            } else {
                // A subclass keeps it as an instance attribute, else the
                // class's own __doc__ would shadow it.
                crate::ops::attr::setattr(o, &pystr::intern_static("__doc__"), &gd)?;
            }
            p.getter_doc = 1;
        }
    }
    Ok(())
}
crate::init_slot!(property_init_slot => property_init);

/// property.getter/setter/deleter: a copy with one function replaced.
fn copy_with(o: &Obj, which: usize, f: &Obj) -> PyResult<Obj> {
    let p = prop(o);
    let mut fs = [field(p.fget), field(p.fset), field(p.fdel)];
    fs[which] = Some(f.clone()).filter(|x| !none::is_none(x));
    // The getter's doc is re-derived from the (new) getter.
    let doc = if p.getter_doc != 0 && fs[0].is_some() { none::none() } else { field(p.doc).unwrap_or_else(none::none) };
    let t = o.get_type();
    let new = crate::ops::call::call(
        &t,
        &[
            fs[0].clone().unwrap_or_else(none::none),
            fs[1].clone().unwrap_or_else(none::none),
            fs[2].clone().unwrap_or_else(none::none),
            doc,
        ],
        None,
    )?;
    if new.ty().tp_descr_get == Some(property_get) {
        let np = prop(&new);
        if np.name.is_null() && !p.name.is_null() {
            np.name = unsafe { Obj::from_borrowed(p.name) }.into_raw();
        }
    }
    Ok(new)
}

fn m_getter(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("property.getter", a, k, 1, 1)?;
    copy_with(o, 0, &a[0])
}
fn m_setter(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("property.setter", a, k, 1, 1)?;
    copy_with(o, 1, &a[0])
}
fn m_deleter(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("property.deleter", a, k, 1, 1)?;
    copy_with(o, 2, &a[0])
}
fn m_set_name(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    if k.map_or(false, |k| crate::types::dict::len(k) > 0) {
        crate::bail!(TypeError, "__set_name__() takes no keyword arguments");
    }
    if a.len() != 2 {
        crate::bail!(TypeError, "__set_name__() takes 2 positional arguments but {} were given", a.len());
    }
    unsafe { crate::object::xsetref(&mut prop(o).name, a[1].clone().into_raw()) };
    Ok(none::none())
}

fn g_doc(o: &Obj) -> PyResult<Obj> {
    Ok(field(prop(o).doc).unwrap_or_else(none::none))
}
fn s_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    unsafe { crate::object::xsetref(&mut prop(o).doc, crate::object::opt_into_raw(v.cloned())) };
    Ok(())
}
fn g_isabstract(o: &Obj) -> PyResult<Obj> {
    let p = prop(o);
    for f in [p.fget, p.fset, p.fdel] {
        if let Some(f) = field(f) {
            if let Some(v) = crate::ops::attr::getattr_opt(&f, &pystr::intern_static("__isabstractmethod__"))? {
                if crate::ops::truthy(&v)? {
                    return Ok(crate::types::bool_::from_bool(true));
                }
            }
        }
    }
    Ok(crate::types::bool_::from_bool(false))
}

unsafe extern "C" fn property_dealloc(p: *mut PyObject) {
    let o = &mut *(p as *mut PropertyObject);
    for f in [&mut o.fget, &mut o.fset, &mut o.fdel, &mut o.doc, &mut o.name] {
        crate::object::xdecref(std::mem::replace(f, null_mut()));
    }
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn property_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let o = &*(p as *const PropertyObject);
    for x in [o.fget, o.fset, o.fdel, o.doc, o.name] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub fn init_types() {
    unsafe {
        let t = &raw mut PyProperty_Type;
        crate::types::type_::init_static(t, "property", std::mem::size_of::<PropertyObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
        (*t).tp_dealloc = Some(property_dealloc);
        (*t).tp_traverse = Some(property_traverse);
        (*t).tp_descr_get = Some(property_get);
        (*t).tp_descr_set = Some(property_set);
        (*t).tp_init = Some(property_init_slot);
        (*t).tp_new = Some(crate::types::object_::object_new_slot);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        (*t).tp_methods = method_table(&[
            method("getter", m_getter),
            method("setter", m_setter),
            method("deleter", m_deleter),
            method("__set_name__", m_set_name),
        ]);
        // Read-only members, as CPython (so the error says "readonly attribute").
        (*t).tp_members = crate::types::member::readonly_members(&[
            ("fget", std::mem::offset_of!(PropertyObject, fget)),
            ("fset", std::mem::offset_of!(PropertyObject, fset)),
            ("fdel", std::mem::offset_of!(PropertyObject, fdel)),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get_set("__doc__", g_doc, s_doc),
            GetSetSpec::get("__isabstractmethod__", g_isabstract),
        ]);
    }
}
