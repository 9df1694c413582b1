//! `function` (CPython 3.11's PyFunctionObject layout), `staticmethod` and
//! `classmethod`. Calling a function binds the arguments into a new frame;
//! the evaluation loop does that inline for Python-to-Python calls.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject, VectorcallFunc};
use crate::types::code::{self, CodeObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{dict, none, str as pystr, tuple};
use std::ptr::null_mut;

#[repr(C)]
pub struct FunctionObject {
    pub ob_base: PyObject,
    pub func_globals: *mut PyObject,
    pub func_builtins: *mut PyObject,
    pub func_name: *mut PyObject,
    pub func_qualname: *mut PyObject,
    pub func_code: *mut PyObject,
    pub func_defaults: *mut PyObject,
    pub func_kwdefaults: *mut PyObject,
    pub func_closure: *mut PyObject,
    pub func_doc: *mut PyObject,
    pub func_dict: *mut PyObject,
    pub func_weakreflist: *mut PyObject,
    pub func_module: *mut PyObject,
    pub func_annotations: *mut PyObject,
    pub vectorcall: Option<VectorcallFunc>,
    pub func_version: u32,
}

const _: () = assert!(std::mem::size_of::<FunctionObject>() == 136);

#[no_mangle]
pub static mut PyFunction_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyStaticMethod_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyClassMethod_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyFunction_Type
}

#[inline]
pub fn is_function(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
pub fn func(o: &Obj) -> &mut FunctionObject {
    unsafe { o.cast_mut::<FunctionObject>() }
}

/// Replaces the function's closure (a tuple of cells).
pub fn set_closure(o: &Obj, closure: &Obj) {
    let old = std::mem::replace(&mut func(o).func_closure, closure.clone().into_raw());
    unsafe { crate::object::xdecref(old) };
}

/// The function's code object, borrowed.
#[inline]
pub fn code_of(o: &Obj) -> &Obj {
    unsafe { Obj::borrow_slot(&func(o).func_code) }
}

/// Creates a function from a code object (MAKE_FUNCTION).
pub fn new(code_obj: &Obj, globals: &Obj, qualname: Option<Obj>) -> PyResult<Obj> {
    let c = code::code(code_obj);
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut FunctionObject;
        let f = &mut *p;
        f.func_globals = globals.clone().into_raw();
        let builtins = crate::eval::builtins_of(globals)?;
        f.func_builtins = builtins.into_raw();
        f.func_name = Obj::from_borrowed(c.name).into_raw();
        f.func_qualname = qualname.unwrap_or_else(|| Obj::from_borrowed(c.qualname)).into_raw();
        f.func_code = code_obj.clone().into_raw();
        let consts = Obj::borrow_slot(&c.consts);
        f.func_doc = if code::data(code_obj).has_docstring && tuple::len(consts) > 0 {
            tuple::items(consts)[0].clone().into_raw()
        } else {
            none::none().into_raw()
        };
        f.func_module = dict::get_item_str(globals, "__name__")?.map(Obj::into_raw).unwrap_or(null_mut());
        f.vectorcall = Some(function_vectorcall);
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`,
/// with CPython's argument checks.
fn function_new(_t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = crate::types::builtin_func::parse_args(
        "function",
        &v,
        kn.as_ref(),
        &["code", "globals", "name", "argdefs", "closure"],
        2,
        0,
    )?;
    let code_obj = a[0].clone().unwrap();
    if !code::is_code(&code_obj) {
        crate::bail!(TypeError, "function() argument 'code' must be code, not {}", code_obj.ty().name());
    }
    let globals = a[1].clone().unwrap();
    if !dict::is_dict(&globals) {
        crate::bail!(TypeError, "function() argument 'globals' must be dict, not {}", globals.ty().name());
    }
    let given = |o: &Option<Obj>| o.clone().filter(|x| !none::is_none(x));
    let name = given(&a[2]);
    if name.as_ref().is_some_and(|n| !pystr::is_str(n)) {
        crate::bail!(TypeError, "arg 3 (name) must be None or string");
    }
    let defaults = given(&a[3]);
    if defaults.as_ref().is_some_and(|d| !tuple::is_tuple(d)) {
        crate::bail!(TypeError, "arg 4 (defaults) must be None or tuple");
    }
    let closure = given(&a[4]);
    let nfree = code::data(&code_obj).localsplus_kinds.iter().filter(|k| **k & krait_bytecode::fast::FREE != 0).count();
    match &closure {
        None if nfree > 0 => crate::bail!(TypeError, "arg 5 (closure) must be tuple"),
        Some(c) if !tuple::is_tuple(c) => crate::bail!(TypeError, "arg 5 (closure) must be None or tuple"),
        _ => {}
    }
    let nclosure = closure.as_ref().map(tuple::len).unwrap_or(0);
    if nfree != nclosure {
        let cname = unsafe { Obj::from_borrowed(code::code(&code_obj).name) };
        crate::bail!(
            ValueError,
            "{} requires closure of length {}, not {}",
            pystr::to_string_lossy(&cname),
            nfree,
            nclosure
        );
    }
    if let Some(c) = &closure {
        for item in tuple::items(c) {
            if !crate::types::cell::is_cell(item) {
                crate::bail!(TypeError, "arg 5 (closure) expected cell, found {}", item.ty().name());
            }
        }
    }
    let f = new(&code_obj, &globals, None)?;
    let fo = func(&f);
    unsafe {
        if let Some(n) = name {
            crate::object::xsetref(&mut fo.func_name, n.into_raw());
        }
        if let Some(d) = defaults {
            crate::object::xsetref(&mut fo.func_defaults, d.into_raw());
        }
        if let Some(c) = closure {
            crate::object::xsetref(&mut fo.func_closure, c.into_raw());
        }
    }
    Ok(f)
}
crate::new_slot!(function_new_slot => function_new);

unsafe extern "C" fn function_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f = Obj::borrow_slot(&callable);
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(Obj::borrow_slot(&kwnames)) };
    let npos = nargsf & !crate::types::builtin_func::VECTORCALL_ARGUMENTS_OFFSET;
    let all = Obj::borrow_slice(std::slice::from_raw_parts(args, npos + nkw));
    let kw = if kwnames.is_null() { None } else { Some(Obj::borrow_slot(&kwnames)) };
    crate::types::slots::ret(call(f, all, kw))
}

/// Calls a Python function from Rust (re-entering the evaluation loop).
pub fn call(f: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let frame = crate::eval::frame::new_for_call(f, args, kwnames)?;
    crate::eval::run_function_frame(f, frame)
}

unsafe extern "C" fn function_dealloc(p: *mut PyObject) {
    let f = &mut *(p as *mut FunctionObject);
    if !f.func_weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    function_clear(p);
    crate::object::xdecref(std::mem::replace(&mut f.func_code, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn function_clear(p: *mut PyObject) -> i32 {
    let f = &mut *(p as *mut FunctionObject);
    for slot in [
        &mut f.func_globals,
        &mut f.func_builtins,
        &mut f.func_name,
        &mut f.func_qualname,
        &mut f.func_defaults,
        &mut f.func_kwdefaults,
        &mut f.func_closure,
        &mut f.func_doc,
        &mut f.func_dict,
        &mut f.func_module,
        &mut f.func_annotations,
    ] {
        crate::object::xdecref(std::mem::replace(slot, null_mut()));
    }
    0
}

unsafe extern "C" fn function_traverse(
    p: *mut PyObject,
    visit: crate::object::VisitProc,
    arg: *mut std::os::raw::c_void,
) -> i32 {
    let f = &*(p as *const FunctionObject);
    for x in [
        f.func_globals,
        f.func_builtins,
        f.func_name,
        f.func_qualname,
        f.func_code,
        f.func_defaults,
        f.func_kwdefaults,
        f.func_closure,
        f.func_doc,
        f.func_dict,
        f.func_module,
        f.func_annotations,
    ] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

fn function_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&format!(
        "<function {} at {:#x}>",
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&func(o).func_qualname) }),
        o.as_ptr() as usize
    )))
}
crate::unary_slot!(function_repr_slot => function_repr);

crate::descr_get_slot!(function_descr_get => function_get);

fn function_get(f: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    match obj {
        None => Ok(f.clone()),
        Some(o) if none::is_none(o) && false => Ok(f.clone()),
        Some(o) => Ok(crate::types::method::new(f, o)),
    }
}

macro_rules! opt_field_getset {
    ($get:ident, $set:ident, $field:ident, $name:literal, $check:expr) => {
        fn $get(o: &Obj) -> PyResult<Obj> {
            Ok(unsafe { crate::object::opt_from_borrowed(func(o).$field) }.unwrap_or_else(none::none))
        }
        fn $set(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
            let v = match v {
                Some(v) if none::is_none(v) => None,
                Some(v) => {
                    let check: fn(&Obj) -> PyResult<()> = $check;
                    check(v)?;
                    Some(v.clone())
                }
                None => None,
            };
            unsafe { crate::object::xsetref(&mut func(o).$field, crate::object::opt_into_raw(v)) };
            Ok(())
        }
    };
}

opt_field_getset!(get_defaults, set_defaults, func_defaults, "__defaults__", |v| {
    if !tuple::is_tuple(v) {
        crate::bail!(TypeError, "__defaults__ must be set to a tuple object");
    }
    Ok(())
});
opt_field_getset!(get_kwdefaults, set_kwdefaults, func_kwdefaults, "__kwdefaults__", |v| {
    if !dict::is_dict(v) {
        crate::bail!(TypeError, "__kwdefaults__ must be set to a dict object");
    }
    Ok(())
});
opt_field_getset!(get_doc, set_doc, func_doc, "__doc__", |_| Ok(()));
opt_field_getset!(get_module, set_module, func_module, "__module__", |_| Ok(()));

fn get_code(o: &Obj) -> PyResult<Obj> {
    Ok(code_of(o).clone())
}

fn set_code(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) if code::is_code(v) => v,
        _ => crate::bail!(TypeError, "__code__ must be set to a code object"),
    };
    let nfree = code::code(v).nfree as usize;
    let nclosure = unsafe { crate::object::opt_from_borrowed(func(o).func_closure) }.map(|c| tuple::len(&c)).unwrap_or(0);
    if nfree != nclosure {
        crate::bail!(
            ValueError,
            "{}() requires a code object with {} free vars, not {}",
            pystr::to_string_lossy(unsafe { Obj::borrow_slot(&func(o).func_name) }),
            nclosure,
            nfree
        );
    }
    unsafe { crate::object::xsetref(&mut func(o).func_code, v.clone().into_raw()) };
    Ok(())
}

fn get_name(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(func(o).func_name) })
}

fn set_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if pystr::is_str(v) => {
            unsafe { crate::object::xsetref(&mut func(o).func_name, v.clone().into_raw()) };
            Ok(())
        }
        _ => crate::bail!(TypeError, "__name__ must be set to a string object"),
    }
}

fn get_qualname(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(func(o).func_qualname) })
}

fn set_qualname(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if pystr::is_str(v) => {
            unsafe { crate::object::xsetref(&mut func(o).func_qualname, v.clone().into_raw()) };
            Ok(())
        }
        _ => crate::bail!(TypeError, "__qualname__ must be set to a string object"),
    }
}

/// `__annotations__`: built lazily from the flat (name, value, ...) tuple
/// MAKE_FUNCTION stores.
fn get_annotations(o: &Obj) -> PyResult<Obj> {
    let f = func(o);
    unsafe {
        if f.func_annotations.is_null() {
            f.func_annotations = dict::new().into_raw();
        } else {
            let a = Obj::borrow_slot(&f.func_annotations);
            if tuple::is_tuple(a) {
                let d = dict::new();
                let items = tuple::items(a);
                for pair in items.chunks(2) {
                    if pair.len() == 2 {
                        dict::set_item(&d, &pair[0], &pair[1])?;
                    }
                }
                crate::object::xsetref(&mut f.func_annotations, d.into_raw());
            }
        }
        Ok(Obj::from_borrowed(f.func_annotations))
    }
}

fn set_annotations(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        Some(v) if none::is_none(v) => None,
        Some(v) if dict::is_dict(v) => Some(v.clone()),
        Some(_) => crate::bail!(TypeError, "__annotations__ must be set to a dict object"),
        None => None,
    };
    unsafe { crate::object::xsetref(&mut func(o).func_annotations, crate::object::opt_into_raw(v)) };
    Ok(())
}

fn get_dict(o: &Obj) -> PyResult<Obj> {
    let f = func(o);
    if f.func_dict.is_null() {
        f.func_dict = dict::new().into_raw();
    }
    Ok(unsafe { Obj::from_borrowed(f.func_dict) })
}

fn set_dict(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if dict::is_dict(v) => {
            unsafe { crate::object::xsetref(&mut func(o).func_dict, v.clone().into_raw()) };
            Ok(())
        }
        Some(_) => crate::bail!(TypeError, "__dict__ must be set to a dictionary, not a '{}'", v.unwrap().ty().name()),
        None => crate::bail!(TypeError, "cannot delete __dict__"),
    }
}

// ---------------------------------------------------------------------------
// staticmethod and classmethod: wrappers with a `__func__` and a __dict__.

#[repr(C)]
pub struct WrapperMethodObject {
    pub ob_base: PyObject,
    pub callable: *mut PyObject,
    pub dict: *mut PyObject,
}

fn wrapper_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let name = unsafe { (*t).name() };
    if kwargs.map(|k| dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "{}() takes no keyword arguments", name);
    }
    let a = tuple::items(args);
    if a.len() != 1 {
        crate::bail!(TypeError, "{} expected 1 argument, got {}", name, a.len());
    }
    let o = crate::types::type_::alloc_instance(t, 0)?;
    unsafe { o.cast_mut::<WrapperMethodObject>().callable = a[0].clone().into_raw() };
    copy_wrapped_attrs(&o, &a[0])?;
    Ok(o)
}
crate::new_slot!(wrapper_new_slot => wrapper_new);

/// 3.10+: staticmethod/classmethod copy __module__, __name__, __qualname__,
/// __doc__ and __annotations__ (functools.update_wrapper-like) into __dict__;
/// `__wrapped__` is a read-only member, not in the dict.
fn copy_wrapped_attrs(w: &Obj, f: &Obj) -> PyResult<()> {
    let d = dict::new();
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        if let Some(v) = crate::ops::attr::getattr_opt(f, &pystr::intern(name))? {
            dict::set_item_str(&d, name, &v)?;
        }
    }
    unsafe { crate::object::xsetref(&mut w.cast_mut::<WrapperMethodObject>().dict, d.into_raw()) };
    Ok(())
}

fn new_wrapper(t: *mut PyTypeObject, f: &Obj) -> Obj {
    unsafe {
        let p = alloc::alloc_object(t, 0) as *mut WrapperMethodObject;
        (*p).callable = f.clone().into_raw();
        let o = Obj::from_owned(p as *mut PyObject);
        let _ = copy_wrapped_attrs(&o, f).map_err(|_| crate::errors::clear());
        o
    }
}

pub fn new_staticmethod(f: &Obj) -> Obj {
    new_wrapper(&raw mut PyStaticMethod_Type, f)
}

/// A staticmethod made while the builtin types are being readied: no
/// attribute copying (attribute lookup is not available yet).
pub fn new_staticmethod_bare(f: &Obj) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyStaticMethod_Type, 0) as *mut WrapperMethodObject;
        (*p).callable = f.clone().into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

pub fn new_classmethod(f: &Obj) -> Obj {
    new_wrapper(&raw mut PyClassMethod_Type, f)
}

pub fn is_staticmethod(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), &raw mut PyStaticMethod_Type)
}

pub fn is_classmethod(o: &Obj) -> bool {
    crate::types::type_::is_subtype(o.type_ptr(), &raw mut PyClassMethod_Type)
}

/// The wrapped callable of a staticmethod/classmethod.
pub fn wrapped(o: &Obj) -> Obj {
    unsafe { Obj::from_borrowed(o.cast::<WrapperMethodObject>().callable) }
}

crate::descr_get_slot!(staticmethod_get => staticmethod_get_impl);
fn staticmethod_get_impl(sm: &Obj, _obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    Ok(wrapped(sm))
}

crate::descr_get_slot!(classmethod_get => classmethod_get_impl);
fn classmethod_get_impl(cm: &Obj, obj: Option<&Obj>, t: Option<&Obj>) -> PyResult<Obj> {
    let t = match t {
        Some(t) => t.clone(),
        None => obj.map(|o| o.get_type()).unwrap_or_else(none::none),
    };
    let f = wrapped(cm);
    // 3.9-3.12: chained descriptors (classmethod over property etc.),
    // bound as CPython binds them: __get__(type, type).
    if let Some(g) = f.ty().tp_descr_get {
        if !is_function(&f) {
            return unsafe { crate::types::slots::from_ret(g(f.as_ptr(), t.as_ptr(), t.as_ptr())) };
        }
    }
    Ok(crate::types::method::new(&f, &t))
}

fn staticmethod_call(sm: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    crate::ops::call::call(&wrapped(sm), &v, kn.as_ref())
}
crate::call_slot!(staticmethod_call_slot => staticmethod_call);

fn wrapper_init(_o: &Obj, _args: &Obj, _kw: Option<&Obj>) -> PyResult<()> {
    Ok(())
}
crate::init_slot!(wrapper_init_slot => wrapper_init);

fn get_func(o: &Obj) -> PyResult<Obj> {
    Ok(wrapped(o))
}

fn get_wrapper_dict(o: &Obj) -> PyResult<Obj> {
    match crate::types::type_::instance_dict(o) {
        Some(d) => Ok(d),
        None => crate::bail!(AttributeError, "This object has no __dict__"),
    }
}

fn set_wrapper_dict(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let slot = match crate::types::type_::dict_slot(o) {
        Some(s) => s,
        None => crate::bail!(AttributeError, "This object has no __dict__"),
    };
    match v {
        Some(v) if dict::is_dict(v) => unsafe { crate::object::xsetref(slot, v.clone().into_raw()) },
        Some(v) => crate::bail!(TypeError, "__dict__ must be set to a dictionary, not a '{}'", v.ty().name()),
        None => crate::bail!(TypeError, "cannot delete __dict__"),
    }
    Ok(())
}

fn get_isabstract(o: &Obj) -> PyResult<Obj> {
    let f = wrapped(o);
    let v = crate::ops::attr::getattr_opt(&f, &pystr::intern_static("__isabstractmethod__"))?;
    Ok(crate::types::bool_::from_bool(match v {
        Some(v) => crate::ops::truthy(&v)?,
        None => false,
    }))
}

fn wrapper_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&format!(
        "<{}({})>",
        o.ty().name(),
        crate::ops::repr_string(&wrapped(o))?
    )))
}
crate::unary_slot!(wrapper_repr_slot => wrapper_repr);

unsafe extern "C" fn wrapper_dealloc(p: *mut PyObject) {
    let w = &mut *(p as *mut WrapperMethodObject);
    crate::object::xdecref(std::mem::replace(&mut w.callable, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut w.dict, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn wrapper_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let w = &*(p as *const WrapperMethodObject);
    for x in [w.callable, w.dict] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn wrapper_clear(p: *mut PyObject) -> i32 {
    let w = &mut *(p as *mut WrapperMethodObject);
    crate::object::xdecref(std::mem::replace(&mut w.callable, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut w.dict, null_mut()));
    0
}

pub fn init_types() {
    use crate::types::type_::init_static;
    unsafe {
        let t = type_ptr();
        init_static(t, "function", std::mem::size_of::<FunctionObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::HAVE_VECTORCALL | tpflags::METHOD_DESCRIPTOR;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(function_dealloc);
        (*t).tp_traverse = Some(function_traverse);
        (*t).tp_clear = Some(function_clear);
        (*t).tp_vectorcall_offset = std::mem::offset_of!(FunctionObject, vectorcall) as isize;
        (*t).tp_call = Some(crate::ops::call::vectorcall_tp_call);
        (*t).tp_repr = Some(function_repr_slot);
        (*t).tp_new = Some(function_new_slot);
        (*t).tp_descr_get = Some(function_descr_get);
        (*t).tp_dictoffset = std::mem::offset_of!(FunctionObject, func_dict) as isize;
        (*t).tp_weaklistoffset = std::mem::offset_of!(FunctionObject, func_weakreflist) as isize;
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get_set("__defaults__", get_defaults, set_defaults),
            GetSetSpec::get_set("__kwdefaults__", get_kwdefaults, set_kwdefaults),
            GetSetSpec::get_set("__doc__", get_doc, set_doc),
            GetSetSpec::get_set("__module__", get_module, set_module),
            GetSetSpec::get_set("__code__", get_code, set_code),
            GetSetSpec::get_set("__name__", get_name, set_name),
            GetSetSpec::get_set("__qualname__", get_qualname, set_qualname),
            GetSetSpec::get_set("__annotations__", get_annotations, set_annotations),
            GetSetSpec::get_set("__dict__", get_dict, set_dict),
        ]);
        // Members, as CPython's (types.MemberDescriptorType is the type of
        // FunctionType.__globals__).
        (*t).tp_members = crate::types::member::readonly_members(&[
            ("__closure__", std::mem::offset_of!(FunctionObject, func_closure)),
            ("__globals__", std::mem::offset_of!(FunctionObject, func_globals)),
            ("__builtins__", std::mem::offset_of!(FunctionObject, func_builtins)),
        ]);

        for (t, name) in [(&raw mut PyStaticMethod_Type, "staticmethod"), (&raw mut PyClassMethod_Type, "classmethod")] {
            init_static(t, name, std::mem::size_of::<WrapperMethodObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
            (*t).tp_dealloc = Some(wrapper_dealloc);
            (*t).tp_traverse = Some(wrapper_traverse);
            (*t).tp_clear = Some(wrapper_clear);
            (*t).tp_new = Some(wrapper_new_slot);
            (*t).tp_init = Some(wrapper_init_slot);
            (*t).tp_alloc = Some(crate::types::type_::generic_alloc);
            (*t).tp_repr = Some(wrapper_repr_slot);
            (*t).tp_dictoffset = std::mem::offset_of!(WrapperMethodObject, dict) as isize;
            (*t).tp_getset = getset_table(&[
                GetSetSpec::get("__func__", get_func),
                GetSetSpec::get("__wrapped__", get_func),
                GetSetSpec::get("__isabstractmethod__", get_isabstract),
                GetSetSpec::get_set("__dict__", get_wrapper_dict, set_wrapper_dict),
            ]);
        }
        (*(&raw mut PyStaticMethod_Type)).tp_descr_get = Some(staticmethod_get);
        (*(&raw mut PyStaticMethod_Type)).tp_call = Some(staticmethod_call_slot);
        (*(&raw mut PyClassMethod_Type)).tp_descr_get = Some(classmethod_get);
    }
    let _ = std::mem::size_of::<CodeObject>();
}
