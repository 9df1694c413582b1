//! `getset_descriptor` and `member_descriptor`: attributes computed by Rust
//! (or C) getters/setters, and attributes stored at a fixed offset.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyGetSetDef, PyObject, PyTypeObject};
use crate::types::str as pystr;
use std::os::raw::c_void;
use std::ptr::null_mut;

pub type RustGetter = fn(&Obj) -> PyResult<Obj>;
pub type RustSetter = fn(&Obj, Option<&Obj>) -> PyResult<()>;

/// A Rust getter/setter pair for a type's tp_getset table.
pub struct GetSetSpec {
    pub name: &'static str,
    pub get: RustGetter,
    pub set: Option<RustSetter>,
    /// The descriptor's `__doc__` ("" for None).
    pub doc: &'static str,
}

impl GetSetSpec {
    pub const fn get(name: &'static str, get: RustGetter) -> GetSetSpec {
        GetSetSpec { name, get, set: None, doc: "" }
    }
    pub const fn get_set(name: &'static str, get: RustGetter, set: RustSetter) -> GetSetSpec {
        GetSetSpec { name, get, set: Some(set), doc: "" }
    }
    /// The same attribute with a docstring.
    pub const fn with_doc(self, doc: &'static str) -> GetSetSpec {
        GetSetSpec { doc, ..self }
    }
}

/// Per-entry closure of a Rust getset: the Rust functions, reached through
/// the C `closure` pointer so that C callers of `get`/`set` work too.
struct RustGetSet {
    get: RustGetter,
    set: Option<RustSetter>,
    name: &'static str,
}

unsafe extern "C" fn rust_get(o: *mut PyObject, closure: *mut c_void) -> *mut PyObject {
    let c = &*(closure as *const RustGetSet);
    crate::types::slots::ret((c.get)(Obj::borrow_slot(&o)))
}

unsafe extern "C" fn rust_set(o: *mut PyObject, v: *mut PyObject, closure: *mut c_void) -> i32 {
    let c = &*(closure as *const RustGetSet);
    let v = if v.is_null() { None } else { Some(Obj::borrow_slot(&v)) };
    match c.set {
        Some(s) => crate::types::slots::ret_status(s(Obj::borrow_slot(&o), v)),
        None => {
            let _ = crate::raise!(AttributeError, "attribute '{}' is read-only", c.name);
            -1
        }
    }
}

/// Builds a NULL-terminated PyGetSetDef array (leaked: types live forever).
pub fn getset_table(specs: &[GetSetSpec]) -> *mut PyGetSetDef {
    let mut v: Vec<PyGetSetDef> = specs
        .iter()
        .map(|s| PyGetSetDef {
            name: crate::types::builtin_func::cstr(s.name),
            get: Some(rust_get),
            set: if s.set.is_some() { Some(rust_set) } else { None },
            doc: if s.doc.is_empty() { std::ptr::null() } else { crate::types::builtin_func::cstr(s.doc) },
            closure: Box::into_raw(Box::new(RustGetSet { get: s.get, set: s.set, name: s.name })) as *mut c_void,
        })
        .collect();
    v.push(PyGetSetDef { name: std::ptr::null(), get: None, set: None, doc: std::ptr::null(), closure: null_mut() });
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

#[repr(C)]
pub struct PyGetSetDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
    pub d_getset: *mut PyGetSetDef,
}

#[no_mangle]
pub static mut PyGetSetDescr_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn new_getset_descr(tp: *mut PyTypeObject, gs: *mut PyGetSetDef) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut PyGetSetDescr_Type, 0) as *mut PyGetSetDescrObject;
        (*p).d_type = tp;
        crate::object::incref(tp as *mut PyObject);
        (*p).d_name = pystr::intern(&std::ffi::CStr::from_ptr((*gs).name).to_string_lossy()).into_raw();
        (*p).d_getset = gs;
        Obj::from_owned(p as *mut PyObject)
    }
}

fn descr_check<'a>(d: &'a PyGetSetDescrObject, obj: &Obj) -> PyResult<()> {
    if !crate::types::type_::is_subtype(obj.type_ptr(), d.d_type) {
        crate::bail!(
            TypeError,
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) }),
            unsafe { (*d.d_type).name() },
            obj.ty().name()
        );
    }
    Ok(())
}

crate::descr_get_slot!(getset_get => getset_get_impl);

fn getset_get_impl(descr: &Obj, obj: Option<&Obj>, _tp: Option<&Obj>) -> PyResult<Obj> {
    let d = unsafe { descr.cast::<PyGetSetDescrObject>() };
    let obj = match obj {
        None => return Ok(descr.clone()),
        Some(o) => o,
    };
    descr_check(d, obj)?;
    unsafe {
        match (*d.d_getset).get {
            Some(g) => crate::types::slots::from_ret(g(obj.as_ptr(), (*d.d_getset).closure)),
            None => crate::bail!(
                AttributeError,
                "attribute '{}' of '{}' objects is not readable",
                pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)),
                (*d.d_type).name()
            ),
        }
    }
}

crate::setter_slot!(getset_set => getset_set_impl);

fn getset_set_impl(descr: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = unsafe { descr.cast::<PyGetSetDescrObject>() };
    descr_check(d, obj)?;
    unsafe {
        match (*d.d_getset).set {
            Some(s) => {
                let v = value.map(|v| v.as_ptr()).unwrap_or(null_mut());
                crate::types::slots::from_status(s(obj.as_ptr(), v, (*d.d_getset).closure)).map(|_| ())
            }
            None => crate::bail!(
                AttributeError,
                "attribute '{}' of '{}' objects is not writable",
                pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)),
                (*d.d_type).name()
            ),
        }
    }
}

fn getset_repr(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyGetSetDescrObject>() };
    Ok(pystr::new(&format!(
        "<attribute '{}' of '{}' objects>",
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) }),
        unsafe { (*d.d_type).full_name() }
    )))
}
crate::unary_slot!(getset_repr_slot => getset_repr);

unsafe extern "C" fn getset_dealloc(p: *mut PyObject) {
    let d = &mut *(p as *mut PyGetSetDescrObject);
    crate::object::xdecref(d.d_type as *mut PyObject);
    crate::object::xdecref(d.d_name);
    crate::object::xdecref(d.d_qualname);
    alloc::free_object(p);
}

fn getset_name(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyGetSetDescrObject>() };
    Ok(unsafe { Obj::from_borrowed(d.d_name) })
}

fn getset_doc(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyGetSetDescrObject>() };
    unsafe {
        let doc = (*d.d_getset).doc;
        if doc.is_null() {
            return Ok(crate::types::none::none());
        }
        Ok(pystr::new(&std::ffi::CStr::from_ptr(doc).to_string_lossy()))
    }
}

/// `Type.attr`, from the owning type's qualified name (CPython's
/// `descr_get_qualname`, computed on each request).
fn getset_qualname(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyGetSetDescrObject>() };
    descr_qualname(d.d_type, unsafe { Obj::borrow_slot(&d.d_name) })
}

/// The `__qualname__` of a descriptor named `name` defined on `t`.
pub fn descr_qualname(t: *mut PyTypeObject, name: &Obj) -> PyResult<Obj> {
    let tq = crate::types::type_::qualname(&unsafe { Obj::from_borrowed(t as *mut PyObject) })?;
    if !pystr::is_str(&tq) {
        crate::bail!(TypeError, "<descriptor>.__objclass__.__qualname__ is not a unicode object");
    }
    Ok(pystr::new(&format!("{}.{}", pystr::to_string_lossy(&tq), pystr::to_string_lossy(name))))
}

fn getset_objclass(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<PyGetSetDescrObject>() };
    Ok(unsafe { Obj::from_borrowed(d.d_type as *mut PyObject) })
}

pub fn init_types() {
    unsafe {
        let t = &raw mut PyGetSetDescr_Type;
        crate::types::type_::init_static(t, "getset_descriptor", std::mem::size_of::<PyGetSetDescrObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_dealloc = Some(getset_dealloc);
        (*t).tp_descr_get = Some(getset_get);
        (*t).tp_descr_set = Some(getset_set);
        (*t).tp_repr = Some(getset_repr_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__name__", getset_name),
            GetSetSpec::get("__objclass__", getset_objclass),
            GetSetSpec::get("__doc__", getset_doc),
            GetSetSpec::get("__qualname__", getset_qualname),
        ]);
    }
}
