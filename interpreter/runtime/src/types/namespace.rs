//! `types.SimpleNamespace` (CPython's _PyNamespace_Type): attribute access
//! over a `__dict__`, keyword construction, `namespace(a=1)` repr, equality
//! by contents. `sys.implementation` is one.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, PyTypeObject};
use crate::types::{bool_, dict, none, str as pystr, tuple, type_};
use krait_bytecode::CompareOp;

#[repr(C)]
pub struct NamespaceObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
}

#[no_mangle]
pub static mut _PyNamespace_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut _PyNamespace_Type
}

/// A namespace with the given attributes.
pub fn new(attrs: &[(&str, Obj)]) -> PyResult<Obj> {
    let o = type_::alloc_instance(type_ptr(), 0)?;
    let d = type_::instance_dict(&o).expect("namespace dict");
    for (k, v) in attrs {
        dict::set_item_str(&d, k, v)?;
    }
    Ok(o)
}

fn ns_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    if tuple::len(args) != 0 {
        crate::bail!(TypeError, "no positional arguments expected");
    }
    if let Some(k) = kwargs {
        let d = type_::instance_dict(o).expect("namespace dict");
        for (key, v) in dict::items_vec(k) {
            if !pystr::is_str(&key) {
                crate::bail!(TypeError, "keywords must be strings");
            }
            dict::set_item(&d, &key, &v)?;
        }
    }
    Ok(())
}
crate::init_slot!(ns_init_slot => ns_init);

/// The dict exists from the start: `__dict__` is a plain member.
fn ns_new(t: *mut PyTypeObject, _args: &Obj, _kwargs: Option<&Obj>) -> PyResult<Obj> {
    let o = type_::alloc_instance(t, 0)?;
    let _ = type_::instance_dict(&o);
    Ok(o)
}
crate::new_slot!(ns_new_slot => ns_new);

/// Pickles as `type(self)()` with the dict as its state.
fn ns_reduce(o: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__reduce__", a, k, 0, 0)?;
    let d = type_::instance_dict(o).expect("namespace dict");
    Ok(tuple::new(&[o.get_type(), tuple::new(&[]), d]))
}

fn ns_repr(o: &Obj) -> PyResult<Obj> {
    let name = if o.is_type(type_ptr()) { "namespace".to_owned() } else { pystr::to_string_lossy(&type_::name(&o.get_type())) };
    if crate::ops::repr_enter(o) {
        return Ok(pystr::new(&format!("{}(...)", name)));
    }
    let r = (|| {
        let d = type_::instance_dict(o).expect("namespace dict");
        let mut parts = Vec::new();
        for (k, v) in dict::items_vec(&d) {
            if pystr::is_str(&k) {
                parts.push(format!("{}={}", pystr::to_string_lossy(&k), crate::ops::repr_string(&v)?));
            }
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    })();
    crate::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
crate::unary_slot!(ns_repr_slot => ns_repr);

fn ns_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let is_ns = |x: &Obj| type_::is_subtype(x.type_ptr(), type_ptr());
    if !is_ns(a) || !is_ns(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (da, db) = (type_::instance_dict(a).unwrap(), type_::instance_dict(b).unwrap());
    let r = crate::ops::rich_compare(&da, &db, op)?;
    Ok(bool_::from_bool(crate::ops::truthy(&r)?))
}
crate::richcmp_slot!(ns_richcompare_slot => ns_richcompare);

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        type_::init_static(t, "types.SimpleNamespace", std::mem::size_of::<NamespaceObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
        (*t).tp_dictoffset = std::mem::offset_of!(NamespaceObject, dict) as isize;
        (*t).tp_traverse = Some(type_::subtype_traverse_dict_only);
        (*t).tp_dealloc = Some(ns_dealloc);
        (*t).tp_init = Some(ns_init_slot);
        (*t).tp_new = Some(ns_new_slot);
        (*t).tp_members = crate::types::member::readonly_members(&[("__dict__", std::mem::offset_of!(NamespaceObject, dict))]);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__reduce__", ns_reduce)]);
        (*t).tp_alloc = Some(type_::generic_alloc);
        (*t).tp_repr = Some(ns_repr_slot);
        (*t).tp_richcompare = Some(ns_richcompare_slot);
    }
}

unsafe extern "C" fn ns_dealloc(p: *mut PyObject) {
    let n = &mut *(p as *mut NamespaceObject);
    crate::object::xdecref(std::mem::replace(&mut n.dict, std::ptr::null_mut()));
    crate::types::type_::free_instance(p);
}
