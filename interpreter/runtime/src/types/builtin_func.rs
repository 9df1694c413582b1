//! Functions and methods implemented in Rust or C: `builtin_function_or_method`
//! (CPython's PyCFunctionObject layout), `method_descriptor`,
//! `classmethod_descriptor`, and the argument-parsing helpers builtins use.
//!
//! Rust builtins use krait's own calling convention (`meth::KRAIT`): one
//! signature, vectorcall-style, so no tuple is built per call. C extensions'
//! PyMethodDefs use CPython's conventions, dispatched in `call_methoddef`.

use crate::errors::PyResult;
use crate::object::{alloc, meth, tpflags, Obj, PyMethodDef, PyObject, PyTypeObject, VectorcallFunc};
use crate::types::{dict, str as pystr, tuple};
use std::ffi::CString;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr::null_mut;

/// The signature of every Rust builtin: `slf` is the bound object (the module
/// for module functions, the instance for methods, the type for class
/// methods), `args` the positional then keyword values, `kwnames` the tuple of
/// keyword names (the last `len(kwnames)` args) or None.
pub type RustMethod = fn(slf: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj>;

/// A Rust builtin to put in a method table.
pub struct MethodSpec {
    pub name: &'static str,
    pub f: RustMethod,
    /// meth::CLASS or meth::STATIC, or 0.
    pub flags: c_int,
    pub doc: &'static str,
}

/// `method` for each (name, function), with the docstring `docs` gives a name.
pub fn methods_with_docs(methods: &[(&'static str, RustMethod)], docs: &[(&str, &'static str)]) -> Vec<MethodSpec> {
    methods
        .iter()
        .map(|(n, f)| match docs.iter().find(|(d, _)| d == n) {
            Some((_, doc)) => method(n, *f).with_doc(doc),
            None => method(n, *f),
        })
        .collect()
}

pub const fn method(name: &'static str, f: RustMethod) -> MethodSpec {
    MethodSpec { name, f, flags: 0, doc: "" }
}

impl MethodSpec {
    /// The same builtin with a docstring.
    pub const fn with_doc(self, doc: &'static str) -> MethodSpec {
        MethodSpec { doc, ..self }
    }
}

/// A method that stays in the type's dict beside the slot wrapper of the
/// same name (CPython's METH_COEXIST: `dict.__getitem__` is a method).
pub const fn coexist(name: &'static str, f: RustMethod) -> MethodSpec {
    MethodSpec { name, f, flags: meth::COEXIST, doc: "" }
}

pub const fn classmethod(name: &'static str, f: RustMethod) -> MethodSpec {
    MethodSpec { name, f, flags: meth::CLASS, doc: "" }
}

pub const fn staticmethod(name: &'static str, f: RustMethod) -> MethodSpec {
    MethodSpec { name, f, flags: meth::STATIC, doc: "" }
}

/// A leaked, NUL-terminated C string for definition tables (created once per
/// builtin at startup).
pub fn cstr(s: &str) -> *const c_char {
    CString::new(s).expect("NUL in builtin name").into_raw()
}

/// Builds a NULL-terminated PyMethodDef array (leaked: types live forever).
pub fn method_table(specs: &[MethodSpec]) -> *mut PyMethodDef {
    let mut v: Vec<PyMethodDef> = specs
        .iter()
        .map(|s| PyMethodDef {
            ml_name: cstr(s.name),
            ml_meth: s.f as *const c_void,
            ml_flags: meth::KRAIT | s.flags,
            ml_doc: if s.doc.is_empty() { std::ptr::null() } else { cstr(s.doc) },
        })
        .collect();
    v.push(PyMethodDef {
        ml_name: std::ptr::null(),
        ml_meth: std::ptr::null(),
        ml_flags: 0,
        ml_doc: std::ptr::null(),
    });
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

/// CPython's PyCFunctionObject (56 bytes; PyCMethodObject adds mm_class).
#[repr(C)]
pub struct PyCFunctionObject {
    pub ob_base: PyObject,
    pub m_ml: *mut PyMethodDef,
    pub m_self: *mut PyObject,
    pub m_module: *mut PyObject,
    pub m_weakreflist: *mut PyObject,
    pub vectorcall: Option<VectorcallFunc>,
}

#[no_mangle]
pub static mut PyCFunction_Type: PyTypeObject = PyTypeObject::EMPTY;

/// CPython's PyMethodDescrObject.
#[repr(C)]
pub struct PyMethodDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
    pub d_method: *mut PyMethodDef,
    pub vectorcall: Option<VectorcallFunc>,
}

#[no_mangle]
pub static mut PyMethodDescr_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyClassMethodDescr_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn cfunction_type() -> *mut PyTypeObject {
    &raw mut PyCFunction_Type
}

/// Calls the function of a method definition with `slf` bound.
pub fn call_methoddef(
    ml: *mut PyMethodDef,
    slf: &Obj,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    unsafe {
        let flags = (*ml).ml_flags;
        if flags & meth::KRAIT != 0 {
            let f: RustMethod = std::mem::transmute::<*const c_void, RustMethod>((*ml).ml_meth);
            return f(slf, args, kwnames);
        }
        // CPython 3.11 counts calls of NOARGS, O and VARARGS functions (not
        // the vectorcall-style FASTCALL ones) against the recursion limit.
        let counted = flags & meth::FASTCALL == 0;
        if counted {
            crate::ops::enter_recursive_call(" while calling a Python object")?;
        }
        let r = call_c_methoddef(ml, slf, args, kwnames);
        if counted {
            crate::ops::leave_recursive_call();
        }
        r
    }
}

/// Calls a C extension's method definition by its calling convention.
unsafe fn call_c_methoddef(ml: *mut PyMethodDef, slf: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    unsafe {
        let flags = (*ml).ml_flags;
        let name = || std::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned();
        let nkw = kwnames.map(tuple::len).unwrap_or(0);
        let npos = args.len() - nkw;
        let kind = flags & (meth::VARARGS | meth::FASTCALL | meth::NOARGS | meth::O | meth::KEYWORDS | meth::METHOD);
        let s = slf.as_ptr();
        match kind {
            k if k == meth::NOARGS => {
                if !args.is_empty() {
                    crate::bail!(TypeError, "{}() takes no arguments ({} given)", name(), args.len());
                }
                let f: crate::object::CFunction = std::mem::transmute((*ml).ml_meth);
                super::slots::from_ret(f(s, null_mut()))
            }
            k if k == meth::O => {
                if nkw != 0 {
                    crate::bail!(TypeError, "{}() takes no keyword arguments", name());
                }
                if args.len() != 1 {
                    crate::bail!(TypeError, "{}() takes exactly one argument ({} given)", name(), args.len());
                }
                let f: crate::object::CFunction = std::mem::transmute((*ml).ml_meth);
                super::slots::from_ret(f(s, args[0].as_ptr()))
            }
            k if k == meth::FASTCALL => {
                if nkw != 0 {
                    crate::bail!(TypeError, "{}() takes no keyword arguments", name());
                }
                let f: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize) -> *mut PyObject =
                    std::mem::transmute((*ml).ml_meth);
                super::slots::from_ret(f(s, args.as_ptr() as *const *mut PyObject, npos as isize))
            }
            k if k == meth::FASTCALL | meth::KEYWORDS => {
                let f: unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize, *mut PyObject) -> *mut PyObject =
                    std::mem::transmute((*ml).ml_meth);
                let kw = kwnames.map(|k| k.as_ptr()).unwrap_or(null_mut());
                super::slots::from_ret(f(s, args.as_ptr() as *const *mut PyObject, npos as isize, kw))
            }
            k if k == meth::VARARGS || k == meth::VARARGS | meth::KEYWORDS => {
                let t = tuple::new(&args[..npos]);
                let kwd = match kwnames {
                    Some(k) if nkw > 0 => {
                        if kind == meth::VARARGS {
                            crate::bail!(TypeError, "{}() takes no keyword arguments", name());
                        }
                        let d = dict::new();
                        for (i, key) in tuple::items(k).iter().enumerate() {
                            dict::set_item(&d, key, &args[npos + i])?;
                        }
                        Some(d)
                    }
                    _ => None,
                };
                if kind & meth::KEYWORDS != 0 {
                    let f: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject =
                        std::mem::transmute((*ml).ml_meth);
                    super::slots::from_ret(f(s, t.as_ptr(), kwd.as_ref().map(|d| d.as_ptr()).unwrap_or(null_mut())))
                } else {
                    let f: crate::object::CFunction = std::mem::transmute((*ml).ml_meth);
                    super::slots::from_ret(f(s, t.as_ptr()))
                }
            }
            _ => crate::bail!(SystemError, "{}() method: bad call flags", name()),
        }
    }
}

/// Creates a builtin function bound to `slf` (a module, an instance, or None).
pub fn new_cfunction(ml: *mut PyMethodDef, slf: Option<&Obj>, module: Option<&Obj>) -> Obj {
    unsafe {
        let p = alloc::alloc_object(cfunction_type(), 0) as *mut PyCFunctionObject;
        (*p).m_ml = ml;
        (*p).m_self = slf.map(|o| o.clone().into_raw()).unwrap_or(null_mut());
        (*p).m_module = module.map(|o| o.clone().into_raw()).unwrap_or(null_mut());
        (*p).vectorcall = Some(cfunction_vectorcall);
        Obj::from_owned(p as *mut PyObject)
    }
}

/// Creates module-level builtin functions from specs, bound to `module`.
pub fn add_functions(module_dict: &Obj, module: &Obj, specs: &[MethodSpec]) -> PyResult<()> {
    let table = method_table(specs);
    for i in 0..specs.len() {
        let ml = unsafe { table.add(i) };
        let f = new_cfunction(ml, Some(module), Some(&crate::types::module::name_of(module)?));
        dict::set_item_str(module_dict, specs[i].name, &f)?;
    }
    Ok(())
}

unsafe extern "C" fn cfunction_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f = &*(callable as *const PyCFunctionObject);
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(Obj::borrow_slot(&kwnames)) };
    let n = (nargsf & !VECTORCALL_ARGUMENTS_OFFSET) + nkw;
    let args = Obj::borrow_slice(std::slice::from_raw_parts(args, n));
    let none = crate::types::none::none();
    let slf = if called_self(f).is_null() { &none } else { Obj::borrow_slot(&f.m_self) };
    let kw = if kwnames.is_null() { None } else { Some(Obj::borrow_slot(&kwnames)) };
    super::slots::ret(call_methoddef(f.m_ml, slf, args, kw))
}

pub const VECTORCALL_ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

/// The name of a builtin function object.
pub fn cfunction_name(o: &Obj) -> String {
    unsafe {
        let f = o.cast::<PyCFunctionObject>();
        std::ffi::CStr::from_ptr((*f.m_ml).ml_name).to_string_lossy().into_owned()
    }
}

/// `__reduce__` of builtin functions: module-level functions pickle by
/// name, bound ones as `getattr(self, name)`, as CPython's.
fn cfunction_reduce(f: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kwnames, 0, 0)?;
    let name = pystr::new(&cfunction_name(f));
    match cfunction_self(f) {
        Some(s) if !crate::types::module::is_module(&s) => {
            let getattr = dict::get_item_str(&crate::interp::builtins_dict(), "getattr")?.expect("builtins.getattr");
            Ok(tuple::new(&[getattr, tuple::new(&[s, name])]))
        }
        _ => Ok(name),
    }
}

pub fn is_cfunction(o: &Obj) -> bool {
    o.is_type(cfunction_type())
}

/// A method descriptor of a builtin type (`list.append`).
pub fn is_method_descr(o: &Obj) -> bool {
    o.is_type(&raw mut PyMethodDescr_Type)
}

/// `descr.__get__(obj)`: the builtin method bound to `obj` (what profilers
/// are shown for a call through the descriptor).
pub fn bind_method_descr(descr: &Obj, obj: &Obj) -> PyResult<Obj> {
    method_descr_get_impl(descr, Some(obj), None)
}

/// A method descriptor for a type's tp_methods entry.
pub fn new_method_descr(tp: *mut PyTypeObject, ml: *mut PyMethodDef) -> Obj {
    unsafe {
        let flags = (*ml).ml_flags;
        let descr_type = if flags & meth::CLASS != 0 {
            &raw mut PyClassMethodDescr_Type
        } else {
            &raw mut PyMethodDescr_Type
        };
        let p = alloc::alloc_object(descr_type, 0) as *mut PyMethodDescrObject;
        (*p).d_type = tp;
        crate::object::incref(tp as *mut PyObject);
        let name = std::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy();
        (*p).d_name = pystr::intern(&name).into_raw();
        (*p).d_method = ml;
        (*p).vectorcall = Some(method_descr_vectorcall);
        Obj::from_owned(p as *mut PyObject)
    }
}

unsafe extern "C" fn method_descr_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let d = &*(callable as *const PyMethodDescrObject);
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(Obj::borrow_slot(&kwnames)) };
    let npos = nargsf & !VECTORCALL_ARGUMENTS_OFFSET;
    let all = Obj::borrow_slice(std::slice::from_raw_parts(args, npos + nkw));
    let kw = if kwnames.is_null() { None } else { Some(Obj::borrow_slot(&kwnames)) };
    super::slots::ret(method_descr_call(d, all, npos, kw))
}

fn method_descr_call(d: &PyMethodDescrObject, all: &[Obj], npos: usize, kw: Option<&Obj>) -> PyResult<Obj> {
    let name = unsafe { pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)) };
    let tname = unsafe { (*d.d_type).name().to_owned() };
    if npos == 0 {
        crate::bail!(TypeError, "unbound method {}.{}() needs an argument", tname, name);
    }
    let slf = &all[0];
    if !crate::types::type_::is_subtype(slf.type_ptr(), d.d_type) {
        crate::bail!(
            TypeError,
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name,
            tname,
            slf.ty().name()
        );
    }
    call_methoddef(d.d_method, slf, &all[1..], kw)
}

crate::descr_get_slot!(method_descr_get => method_descr_get_impl);

fn method_descr_get_impl(descr: &Obj, obj: Option<&Obj>, _tp: Option<&Obj>) -> PyResult<Obj> {
    let d = unsafe { descr.cast::<PyMethodDescrObject>() };
    match obj {
        None => Ok(descr.clone()),
        Some(o) if crate::types::none::is_none(o) && !crate::types::type_::is_subtype(o.type_ptr(), d.d_type) => {
            Ok(descr.clone())
        }
        Some(o) => {
            if !crate::types::type_::is_subtype(o.type_ptr(), d.d_type) {
                let name = unsafe { pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)) };
                crate::bail!(
                    TypeError,
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    name,
                    unsafe { (*d.d_type).name() },
                    o.ty().name()
                );
            }
            Ok(new_cfunction(d.d_method, Some(o), None))
        }
    }
}

crate::descr_get_slot!(classmethod_descr_get => classmethod_descr_get_impl);

fn classmethod_descr_get_impl(descr: &Obj, obj: Option<&Obj>, tp: Option<&Obj>) -> PyResult<Obj> {
    let d = unsafe { descr.cast::<PyMethodDescrObject>() };
    let name = unsafe { pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)) };
    let owner = unsafe { (*d.d_type).full_name() };
    // Class methods ignore the instance, but the class must fit.
    let tp = match tp {
        Some(t) => t.clone(),
        None => match obj {
            Some(o) => o.get_type(),
            None => crate::bail!(TypeError, "descriptor '{}' for type '{}' needs either an object or a type", name, owner),
        },
    };
    if !crate::types::type_::is_type(&tp) {
        crate::bail!(TypeError, "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2", name, owner, tp.ty().full_name());
    }
    if !crate::types::type_::is_subtype(crate::types::type_::as_type(&tp), d.d_type) {
        crate::bail!(
            TypeError,
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            name,
            owner,
            unsafe { (*crate::types::type_::as_type(&tp)).full_name() }
        );
    }
    Ok(new_cfunction(d.d_method, Some(&tp), None))
}

/// The class a class method was just bound to.
fn bound_self(f: &Obj) -> Obj {
    let f = unsafe { f.cast::<PyCFunctionObject>() };
    unsafe { Obj::from_borrowed(f.m_self) }
}

fn cfunction_repr(o: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    let name = cfunction_name(o);
    if f.m_self.is_null() || crate::types::module::is_module(unsafe { Obj::borrow_slot(&f.m_self) }) {
        return Ok(pystr::new(&format!("<built-in function {}>", name)));
    }
    let slf = unsafe { Obj::borrow_slot(&f.m_self) };
    if crate::types::none::is_none(slf) {
        return Ok(pystr::new(&format!("<built-in function {}>", name)));
    }
    Ok(pystr::new(&format!(
        "<built-in method {} of {} object at {:#x}>",
        name,
        slf.ty().name(),
        slf.as_ptr() as usize
    )))
}
crate::unary_slot!(cfunction_repr_slot => cfunction_repr);

fn method_descr_repr(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyMethodDescrObject>() };
    let name = unsafe { pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)) };
    let tname = unsafe { (*d.d_type).full_name() };
    Ok(pystr::new(&format!("<method '{}' of '{}' objects>", name, tname)))
}
crate::unary_slot!(method_descr_repr_slot => method_descr_repr);

unsafe extern "C" fn cfunction_dealloc(p: *mut PyObject) {
    let f = &mut *(p as *mut PyCFunctionObject);
    if !f.m_weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    crate::object::xdecref(f.m_self);
    crate::object::xdecref(f.m_module);
    alloc::free_object(p);
}

/// Visits m_self and m_module, so a module whose functions point back at it
/// (every native module) can be collected once nothing else holds it.
unsafe extern "C" fn cfunction_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let f = &*(p as *const PyCFunctionObject);
    for x in [f.m_self, f.m_module] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn method_descr_dealloc(p: *mut PyObject) {
    let d = &mut *(p as *mut PyMethodDescrObject);
    crate::object::xdecref(d.d_type as *mut PyObject);
    crate::object::xdecref(d.d_name);
    crate::object::xdecref(d.d_qualname);
    alloc::free_object(p);
}

fn cfunction_get_name(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&cfunction_name(o)))
}

/// CPython's PyCFunction_GET_SELF: a static method keeps its type in
/// `m_self` (for its qualname and repr) but is called without it.
fn called_self(f: &PyCFunctionObject) -> *mut PyObject {
    if unsafe { (*f.m_ml).ml_flags } & crate::object::meth::STATIC != 0 {
        null_mut()
    } else {
        f.m_self
    }
}

fn cfunction_get_self(o: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    Ok(unsafe { crate::object::opt_from_borrowed(called_self(f)) }.unwrap_or_else(crate::types::none::none))
}

fn cfunction_get_qualname(o: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    let name = cfunction_name(o);
    if f.m_self.is_null() {
        return Ok(pystr::new(&name));
    }
    let slf = unsafe { Obj::borrow_slot(&f.m_self) };
    if crate::types::module::is_module(slf) || crate::types::none::is_none(slf) {
        return Ok(pystr::new(&name));
    }
    let tname = if crate::types::type_::is_type(slf) {
        crate::types::type_::qualname(slf)?
    } else {
        crate::types::type_::qualname(&slf.get_type())?
    };
    Ok(pystr::new(&format!("{}.{}", pystr::to_string_lossy(&tname), name)))
}

fn cfunction_get_module(o: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    Ok(unsafe { crate::object::opt_from_borrowed(f.m_module) }.unwrap_or_else(crate::types::none::none))
}

fn descr_get_name(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyMethodDescrObject>() };
    Ok(unsafe { Obj::from_borrowed(d.d_name) })
}

fn descr_get_qualname(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyMethodDescrObject>() };
    let tq = crate::types::type_::qualname(&unsafe { Obj::from_borrowed(d.d_type as *mut PyObject) })?;
    Ok(pystr::new(&format!(
        "{}.{}",
        pystr::to_string_lossy(&tq),
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) })
    )))
}

fn descr_get_objclass(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyMethodDescrObject>() };
    Ok(unsafe { Obj::from_borrowed(d.d_type as *mut PyObject) })
}

/// A method definition's docstring split as CPython's: text starting
/// `name(...)` and ending that part with `)\n--\n\n` carries the
/// `__text_signature__` (from the parenthesis on); the rest is `__doc__`.
fn split_doc(ml: *mut PyMethodDef) -> (Option<String>, Option<String>) {
    // SAFETY: method definitions live as long as their functions; name and
    // doc are NUL-terminated strings or null.
    let (name, doc) = unsafe {
        if (*ml).ml_doc.is_null() {
            return (None, None);
        }
        (
            std::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned(),
            std::ffi::CStr::from_ptr((*ml).ml_doc).to_string_lossy().into_owned(),
        )
    };
    let (sig, body) = split_signature(&name, &doc);
    // Nothing after the signature: no docstring, as CPython.
    (sig.map(str::to_owned), Some(body.to_owned()).filter(|b| !b.is_empty() || sig.is_none()))
}

/// An internal docstring of `name` split into its text signature (from the
/// parenthesis on, when the text starts `name(` and that part ends with
/// `)\n--\n\n`) and the docstring proper.
pub fn split_signature<'a>(name: &str, doc: &'a str) -> (Option<&'a str>, &'a str) {
    if let Some(rest) = doc.strip_prefix(name) {
        if rest.starts_with('(') {
            if let Some(i) = rest.find(")\n--\n\n") {
                return (Some(&rest[..=i]), &rest[i + 6..]);
            }
        }
    }
    (None, doc)
}

fn opt_str(s: Option<String>) -> Obj {
    match s {
        Some(s) => pystr::new(&s),
        None => crate::types::none::none(),
    }
}

fn cfunction_doc(o: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    Ok(opt_str(split_doc(f.m_ml).1))
}

fn cfunction_text_signature(o: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    Ok(opt_str(split_doc(f.m_ml).0))
}

fn descr_doc(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyMethodDescrObject>() };
    Ok(opt_str(split_doc(d.d_method).1))
}

fn descr_text_signature(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyMethodDescrObject>() };
    Ok(opt_str(split_doc(d.d_method).0))
}

/// Two builtin methods are equal when they wrap the same definition bound to
/// the same object (identity, as CPython compares `__self__`).
fn cfunction_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    use krait_bytecode::CompareOp::*;
    if !is_cfunction(b) || !matches!(op, Eq | Ne) {
        return Ok(crate::types::none::not_implemented());
    }
    let (x, y) = unsafe { (a.cast::<PyCFunctionObject>(), b.cast::<PyCFunctionObject>()) };
    let eq = x.m_self == y.m_self && unsafe { (*x.m_ml).ml_meth == (*y.m_ml).ml_meth };
    Ok(crate::types::bool_::from_bool(if op == Eq { eq } else { !eq }))
}
crate::richcmp_slot!(cfunction_richcompare_slot => cfunction_richcompare);

fn cfunction_hash(o: &Obj) -> PyResult<isize> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    let a = crate::ops::object_hash_ptr(f.m_self);
    let b = crate::ops::object_hash_ptr(unsafe { (*f.m_ml).ml_meth } as *mut PyObject);
    let h = a ^ b;
    Ok(if h == -1 { -2 } else { h })
}
crate::hash_slot!(cfunction_hash_slot => cfunction_hash);

pub fn init_types() {
    use crate::types::getset::{getset_table, GetSetSpec};
    use crate::types::type_::init_static;
    unsafe {
        let t = &raw mut PyCFunction_Type;
        init_static(t, "builtin_function_or_method", std::mem::size_of::<PyCFunctionObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::HAVE_VECTORCALL;
        (*t).tp_dealloc = Some(cfunction_dealloc);
        (*t).tp_traverse = Some(cfunction_traverse);
        (*t).tp_vectorcall_offset = std::mem::offset_of!(PyCFunctionObject, vectorcall) as isize;
        (*t).tp_call = Some(crate::ops::call::vectorcall_tp_call);
        (*t).tp_repr = Some(cfunction_repr_slot);
        (*t).tp_richcompare = Some(cfunction_richcompare_slot);
        (*t).tp_hash = Some(cfunction_hash_slot);
        (*t).tp_weaklistoffset = std::mem::offset_of!(PyCFunctionObject, m_weakreflist) as isize;
        (*t).tp_methods = method_table(&[method("__reduce__", cfunction_reduce)]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__name__", cfunction_get_name),
            GetSetSpec::get("__qualname__", cfunction_get_qualname),
            GetSetSpec::get("__self__", cfunction_get_self),
            GetSetSpec::get("__module__", cfunction_get_module),
            GetSetSpec::get("__doc__", cfunction_doc),
            GetSetSpec::get("__text_signature__", cfunction_text_signature),
        ]);

        for (t, name) in [
            (&raw mut PyMethodDescr_Type, "method_descriptor"),
            (&raw mut PyClassMethodDescr_Type, "classmethod_descriptor"),
        ] {
            init_static(t, name, std::mem::size_of::<PyMethodDescrObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::HAVE_VECTORCALL | tpflags::METHOD_DESCRIPTOR;
            (*t).tp_dealloc = Some(method_descr_dealloc);
            (*t).tp_vectorcall_offset = std::mem::offset_of!(PyMethodDescrObject, vectorcall) as isize;
            (*t).tp_call = Some(crate::ops::call::vectorcall_tp_call);
            (*t).tp_repr = Some(method_descr_repr_slot);
            (*t).tp_getset = getset_table(&[
                GetSetSpec::get("__name__", descr_get_name),
                GetSetSpec::get("__qualname__", descr_get_qualname),
                GetSetSpec::get("__objclass__", descr_get_objclass),
                GetSetSpec::get("__doc__", descr_doc),
                GetSetSpec::get("__text_signature__", descr_text_signature),
            ]);
        }
        (*(&raw mut PyMethodDescr_Type)).tp_descr_get = Some(method_descr_get);
        let cm = &raw mut PyClassMethodDescr_Type;
        (*cm).tp_descr_get = Some(classmethod_descr_get);
        (*cm).tp_flags &= !tpflags::METHOD_DESCRIPTOR;
        (*cm).tp_vectorcall_offset = 0;
        (*cm).tp_flags &= !tpflags::HAVE_VECTORCALL;
        (*cm).tp_call = Some(classmethod_descr_call);
    }
}

crate::call_slot!(classmethod_descr_call => classmethod_descr_call_impl);

fn classmethod_descr_call_impl(descr: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let d = unsafe { descr.cast::<PyMethodDescrObject>() };
    let items = tuple::items(args);
    if items.is_empty() {
        crate::bail!(
            TypeError,
            "descriptor '{}' of '{}' object needs an argument",
            pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) }),
            unsafe { (*d.d_type).full_name() }
        );
    }
    // The first argument is the class, checked as `__get__(None, cls)` does.
    let bound = classmethod_descr_get_impl(descr, None, Some(&items[0]))?;
    let (all, kw) = crate::ops::call::kwargs_to_vector(&items[1..], kwargs)?;
    call_methoddef(d.d_method, &bound_self(&bound), &all, kw.as_ref())
}

// ---------------------------------------------------------------------------
// Argument parsing for Rust builtins.

/// Positional and keyword arguments of a call, split by name. `names` are the
/// parameter names in order; the first `npos_only` are positional-only.
/// Returns one slot per name (None when not given). Raises CPython's errors
/// for too many, duplicate, unexpected and missing (first `required`) args.
pub fn parse_args(
    fname: &str,
    args: &[Obj],
    kwnames: Option<&Obj>,
    names: &[&str],
    required: usize,
    npos_only: usize,
) -> PyResult<Vec<Option<Obj>>> {
    let nkw = kwnames.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut out: Vec<Option<Obj>> = vec![None; names.len()];
    if npos > names.len() {
        if names.len() == required {
            crate::bail!(
                TypeError,
                "{}() takes {} positional argument{} but {} were given",
                fname,
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                npos
            );
        }
        crate::bail!(
            TypeError,
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            npos
        );
    }
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    if let Some(kn) = kwnames {
        for (i, key) in tuple::items(kn).iter().enumerate() {
            let k = pystr::to_string_lossy(key);
            match names.iter().position(|n| *n == k) {
                Some(j) if j >= npos_only => {
                    if out[j].is_some() {
                        crate::bail!(TypeError, "argument for {}() given by name ('{}') and position ({})", fname, k, j + 1);
                    }
                    out[j] = Some(args[npos + i].clone());
                }
                Some(_) => crate::bail!(
                    TypeError,
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    fname,
                    k
                ),
                None => crate::bail!(TypeError, "'{}' is an invalid keyword argument for {}()", k, fname),
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            if i < npos_only {
                crate::bail!(
                    TypeError,
                    "{}() takes {} {} argument{} ({} given)",
                    fname,
                    if required == names.len() { "exactly" } else { "at least" },
                    required,
                    if required == 1 { "" } else { "s" },
                    npos
                );
            }
            crate::bail!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
        }
    }
    Ok(out)
}

/// Rejects keyword arguments: "f() takes no keyword arguments".
pub fn no_kwargs(fname: &str, kwnames: Option<&Obj>) -> PyResult<()> {
    if let Some(k) = kwnames {
        if tuple::len(k) > 0 {
            crate::bail!(TypeError, "{}() takes no keyword arguments", fname);
        }
    }
    Ok(())
}

/// Checks the positional count of a builtin that takes no keywords:
/// CPython's "f() takes exactly one argument (2 given)" family. `fname` is
/// the qualified name ("list.append", "sys.intern", "len"): CPython's call
/// dispatch names one- and no-argument functions that way, while its
/// argument-clinic checks ("get expected at most 2 arguments") use the bare
/// name.
pub fn check_nargs(fname: &str, args: &[Obj], kwnames: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max && kwnames.map_or(true, |k| tuple::len(k) == 0) {
        return Ok(());
    }
    nargs_error(fname, args, kwnames, min, max)
}

/// `check_nargs` for a name that must be computed (e.g. from the type of
/// `self`): the name is only built when the check fails.
pub fn check_nargs_named(
    fname: impl FnOnce() -> String,
    args: &[Obj],
    kwnames: Option<&Obj>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max && kwnames.map_or(true, |k| tuple::len(k) == 0) {
        return Ok(());
    }
    nargs_error(&fname(), args, kwnames, min, max)
}

#[cold]
fn nargs_error(fname: &str, args: &[Obj], kwnames: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    no_kwargs(fname, kwnames)?;
    if min == max && min <= 1 {
        if min == 0 {
            crate::bail!(TypeError, "{}() takes no arguments ({} given)", fname, n);
        }
        if min == 1 {
            crate::bail!(TypeError, "{}() takes exactly one argument ({} given)", fname, n);
        }
    }
    let fname = fname.rsplit('.').next().unwrap_or(fname);
    if min == max {
        crate::bail!(TypeError, "{} expected {} arguments, got {}", fname, min, n);
    }
    if n < min {
        crate::bail!(TypeError, "{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, n);
    }
    crate::bail!(TypeError, "{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, n)
}



/// The object a builtin function is bound to (its `__self__`), if any.
pub fn cfunction_self(o: &Obj) -> Option<Obj> {
    let f = unsafe { o.cast::<PyCFunctionObject>() };
    unsafe { crate::object::opt_from_borrowed(called_self(f)) }
}
