//! `module` objects (CPython's PyModuleObject layout: md_dict, md_def,
//! md_state, md_weaklist, md_name).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::{dict, none, str as pystr, tuple};
use std::os::raw::c_void;
use std::ptr::null_mut;

#[repr(C)]
pub struct ModuleObject {
    pub ob_base: PyObject,
    pub md_dict: *mut PyObject,
    pub md_def: *mut c_void,
    pub md_state: *mut c_void,
    pub md_weaklist: *mut PyObject,
    pub md_name: *mut PyObject,
}

const _: () = assert!(std::mem::size_of::<ModuleObject>() == 56);

#[no_mangle]
pub static mut PyModule_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyModule_Type
}

pub fn is_module(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), type_ptr())
}

/// A new module named `name` with `__name__`, `__doc__` (None), `__package__`,
/// `__loader__` and `__spec__` set as CPython's module_init_dict does.
pub fn new(name: &str) -> PyResult<Obj> {
    let o = crate::types::type_::alloc_instance(type_ptr(), 0)?;
    init_dict(&o, &pystr::new(name), None)?;
    Ok(o)
}

fn init_dict(o: &Obj, name: &Obj, doc: Option<&Obj>) -> PyResult<()> {
    let m = unsafe { o.cast_mut::<ModuleObject>() };
    if m.md_dict.is_null() {
        m.md_dict = dict::new().into_raw();
    }
    let d = unsafe { Obj::borrow_slot(&m.md_dict) };
    dict::set_item_str(d, "__name__", name)?;
    dict::set_item_str(d, "__doc__", &doc.cloned().unwrap_or_else(none::none))?;
    dict::set_item_str(d, "__package__", &none::none())?;
    dict::set_item_str(d, "__loader__", &none::none())?;
    dict::set_item_str(d, "__spec__", &none::none())?;
    unsafe { crate::object::xsetref(&mut m.md_name, name.clone().into_raw()) };
    Ok(())
}

pub fn dict_of(o: &Obj) -> Obj {
    let m = unsafe { o.cast_mut::<ModuleObject>() };
    if m.md_dict.is_null() {
        m.md_dict = dict::new().into_raw();
    }
    unsafe { Obj::from_borrowed(m.md_dict) }
}

pub fn name_of(o: &Obj) -> PyResult<Obj> {
    match dict::get_item_str(&dict_of(o), "__name__")? {
        Some(n) if pystr::is_str(&n) => Ok(n),
        _ => crate::bail!(SystemError, "nameless module"),
    }
}

fn module_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    if let Some(v) = crate::types::type_::generic_getattr_opt(o, name)? {
        return Ok(v);
    }
    let d = dict_of(o);
    if let Some(ga) = dict::get_item_str(&d, "__getattr__")? {
        return crate::ops::call::call(&ga, &[name.clone()], None);
    }
    let mname = dict::get_item_str(&d, "__name__")?;
    match mname {
        Some(n) if pystr::is_str(&n) => {
            let (mn, an) = (pystr::to_string_lossy(&n), pystr::to_string_lossy(name));
            // As CPython 3.11, the message tells a circular import apart:
            // the module still running, or the name a submodule importlib
            // is importing right now.
            let spec = dict::get_item_str(&d, "__spec__")?.filter(|s| !none::is_none(s));
            let e = if spec.as_ref().is_some_and(spec_is_initializing) {
                crate::raise!(
                    AttributeError,
                    "partially initialized module '{}' has no attribute '{}' (most likely due to a circular import)",
                    mn,
                    an
                )
            } else if spec.as_ref().is_some_and(|s| spec_has_uninitialized_submodule(s, name)) {
                crate::raise!(AttributeError, "cannot access submodule '{}' of module '{}' (most likely due to a circular import)", an, mn)
            } else {
                crate::raise!(AttributeError, "module '{}' has no attribute '{}'", mn, an)
            };
            crate::types::exceptions::set_attribute_error_context(o, name);
            Err(e)
        }
        _ => crate::bail!(AttributeError, "module has no attribute '{}'", pystr::to_string_lossy(name)),
    }
}
crate::binary_slot!(module_getattro_slot => module_getattro);

/// `spec._initializing` is true (a failed lookup counts as false).
fn spec_is_initializing(spec: &Obj) -> bool {
    match crate::ops::attr::getattr(spec, &pystr::intern_static("_initializing")).and_then(|v| crate::ops::truthy(&v)) {
        Ok(b) => b,
        Err(_) => {
            crate::errors::clear();
            false
        }
    }
}

/// `name in spec._uninitialized_submodules` (a failed lookup counts as
/// false).
fn spec_has_uninitialized_submodule(spec: &Obj, name: &Obj) -> bool {
    let r = crate::ops::attr::getattr(spec, &pystr::intern_static("_uninitialized_submodules"))
        .and_then(|subs| crate::ops::seq::contains(&subs, name));
    match r {
        Ok(b) => b,
        Err(_) => {
            crate::errors::clear();
            false
        }
    }
}

fn module_repr(o: &Obj) -> PyResult<Obj> {
    let d = dict_of(o);
    let name = match dict::get_item_str(&d, "__name__")? {
        Some(n) => crate::ops::repr_string(&n)?,
        None => "'?'".to_owned(),
    };
    if let Some(f) = dict::get_item_str(&d, "__file__")? {
        if pystr::is_str(&f) {
            return Ok(pystr::new(&format!("<module {} from {}>", name, crate::ops::repr_string(&f)?)));
        }
    }
    if let Some(spec) = dict::get_item_str(&d, "__spec__")? {
        if !none::is_none(&spec) {
            if let Ok(Some(origin)) = crate::ops::attr::getattr_opt(&spec, &pystr::intern_static("origin")) {
                if pystr::is_str(&origin) && pystr::eq_str(&origin, "built-in") {
                    return Ok(pystr::new(&format!("<module {} (built-in)>", name)));
                }
            }
        }
    }
    if let Some(l) = dict::get_item_str(&d, "__loader__")? {
        if !none::is_none(&l) {
            return Ok(pystr::new(&format!("<module {} ({})>", name, crate::ops::repr_string(&l)?)));
        }
    }
    Ok(pystr::new(&format!("<module {}>", name)))
}
crate::unary_slot!(module_repr_slot => module_repr);

fn module_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let (a, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let p = crate::types::builtin_func::parse_args("module", &a, kn.as_ref(), &["name", "doc"], 1, 0)?;
    let name = p[0].clone().unwrap();
    if !pystr::is_str(&name) {
        crate::bail!(TypeError, "module.__init__() argument 'name' must be str, not {}", name.ty().name());
    }
    init_dict(o, &name, p[1].as_ref())
}
crate::init_slot!(module_init_slot => module_init);

fn module_dir(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    // As CPython: `__dict__` is looked up as an attribute (a subclass may
    // override it) and must be a dict.
    let d = module_dict_checked(slf)?;
    if let Some(f) = dict::get_item_str(&d, "__dir__")? {
        return crate::ops::call::call(&f, &[], None);
    }
    Ok(crate::types::list::from_vec(dict::keys_vec(&d)))
}

/// `module.__annotations__`: the module's own `__annotations__` entry, an
/// empty dict stored there on first use (CPython 3.10+).
fn module_dict_checked(o: &Obj) -> PyResult<Obj> {
    let d = crate::ops::attr::getattr(o, &pystr::intern_static("__dict__"))?;
    if !dict::is_dict(&d) {
        crate::bail!(TypeError, "<module>.__dict__ is not a dictionary");
    }
    Ok(d)
}

fn get_annotations(o: &Obj) -> PyResult<Obj> {
    let d = module_dict_checked(o)?;
    if let Some(a) = dict::get_item_str(&d, "__annotations__")? {
        return Ok(a);
    }
    let a = dict::new();
    dict::set_item_str(&d, "__annotations__", &a)?;
    Ok(a)
}

fn set_annotations(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let d = module_dict_checked(o)?;
    match v {
        Some(v) => dict::set_item_str(&d, "__annotations__", v),
        None => {
            if !dict::del_item_opt(&d, &pystr::intern_static("__annotations__"))? {
                crate::bail!(AttributeError, "__annotations__");
            }
            Ok(())
        }
    }
}

unsafe extern "C" fn module_dealloc(p: *mut PyObject) {
    let m = &mut *(p as *mut ModuleObject);
    if !m.md_weaklist.is_null() {
        crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    crate::object::xdecref(std::mem::replace(&mut m.md_dict, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut m.md_name, null_mut()));
    if !m.md_state.is_null() {
        alloc::raw_free(m.md_state);
    }
    let tp = (*p).ob_type;
    alloc::free_object(p);
    if (*tp).has_flag(tpflags::HEAPTYPE) {
        crate::object::decref(tp as *mut PyObject);
    }
}

unsafe extern "C" fn module_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let m = &*(p as *const ModuleObject);
    if !m.md_dict.is_null() {
        return visit(m.md_dict, arg);
    }
    0
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "module", std::mem::size_of::<ModuleObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
        (*t).tp_dealloc = Some(module_dealloc);
        (*t).tp_traverse = Some(module_traverse);
        (*t).tp_getattro = Some(module_getattro_slot);
        (*t).tp_setattro = Some(crate::types::type_::generic_setattr_slot);
        (*t).tp_repr = Some(module_repr_slot);
        (*t).tp_init = Some(module_init_slot);
        (*t).tp_new = Some(crate::types::object_::object_new_slot);
        (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
        (*t).tp_dictoffset = std::mem::offset_of!(ModuleObject, md_dict) as isize;
        (*t).tp_weaklistoffset = std::mem::offset_of!(ModuleObject, md_weaklist) as isize;
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__dir__", module_dir)]);
        (*t).tp_members = crate::types::member::readonly_members(&[("__dict__", std::mem::offset_of!(ModuleObject, md_dict))]);
        (*t).tp_getset = crate::types::getset::getset_table(&[crate::types::getset::GetSetSpec::get_set("__annotations__", get_annotations, set_annotations)]);
    }
}
