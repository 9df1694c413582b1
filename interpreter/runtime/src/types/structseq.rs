//! Struct sequences (`sys.version_info`, `sys.flags`, `os.stat_result`...):
//! tuple subclasses whose items are also named attributes.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::{dict, int, str as pystr, tuple, type_};

/// Descriptor reading item `index` of the tuple.
#[repr(C)]
pub struct FieldDescr {
    pub ob_base: PyObject,
    pub index: isize,
}

#[no_mangle]
pub static mut _PyKraitStructSeqField_Type: PyTypeObject = PyTypeObject::EMPTY;

crate::descr_get_slot!(field_get => field_get_impl);
fn field_get_impl(d: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    match obj {
        None => Ok(d.clone()),
        Some(o) => {
            let i = unsafe { d.cast::<FieldDescr>().index } as usize;
            match tuple::items(o).get(i) {
                Some(v) => Ok(v.clone()),
                None => Ok(crate::types::none::none()),
            }
        }
    }
}

crate::setter_slot!(field_set => field_set_impl);
fn field_set_impl(_d: &Obj, _o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    crate::bail!(AttributeError, "readonly attribute")
}

fn structseq_repr(o: &Obj) -> PyResult<Obj> {
    let t = o.get_type();
    let fields = dict::get_item_str(type_::type_dict(type_::as_type(&t)), "_fields")?;
    let names: Vec<Obj> = fields.map(|f| tuple::items(&f).to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for (i, v) in tuple::items(o).iter().enumerate() {
        let n = names.get(i).map(pystr::to_string_lossy).unwrap_or_default();
        parts.push(format!("{}={}", n, crate::ops::repr_string(v)?));
    }
    let m = type_::module_name(&t).map(|m| pystr::to_string_lossy(&m)).unwrap_or_default();
    let name = pystr::to_string_lossy(&type_::name(&t));
    let full = if m.is_empty() || m == "builtins" { name } else { format!("{}.{}", m, name) };
    Ok(pystr::new(&format!("{}({})", full, parts.join(", "))))
}
crate::unary_slot!(structseq_repr_slot => structseq_repr);

/// Creates a struct sequence type `module.name` with the given fields.
pub fn new_type(module: &str, name: &str, fields: &[&str]) -> PyResult<Obj> {
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", &pystr::new(module))?;
    dict::set_item_str(&ns, "__slots__", &tuple::new(&[]))?;
    for (i, f) in fields.iter().enumerate() {
        let d = unsafe {
            let p = alloc::alloc_object(&raw mut _PyKraitStructSeqField_Type, 0) as *mut FieldDescr;
            (*p).index = i as isize;
            Obj::from_owned(p as *mut PyObject)
        };
        dict::set_item_str(&ns, f, &d)?;
    }
    dict::set_item_str(&ns, "_fields", &tuple::from_vec(fields.iter().map(|f| pystr::new(f)).collect()))?;
    dict::set_item_str(&ns, "n_fields", &int::from_usize(fields.len()))?;
    dict::set_item_str(&ns, "n_sequence_fields", &int::from_usize(fields.len()))?;
    let t = crate::ops::call::call(
        &type_::type_obj(type_::type_type()),
        &[pystr::new(name), tuple::new(&[type_::type_obj(tuple::type_ptr())]), ns],
        None,
    )?;
    unsafe {
        (*type_::as_type(&t)).tp_repr = Some(structseq_repr_slot);
        (*type_::as_type(&t)).tp_flags &= !tpflags::BASETYPE;
    }
    Ok(t)
}

/// An instance of a struct sequence type.
pub fn new(t: &Obj, values: Vec<Obj>) -> PyResult<Obj> {
    crate::ops::call::call(t, &[tuple::from_vec(values)], None)
}

pub fn init_types() {
    unsafe {
        let t = &raw mut _PyKraitStructSeqField_Type;
        type_::init_static(t, "member_descriptor", std::mem::size_of::<FieldDescr>(), 0);
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_descr_get = Some(field_get);
        (*t).tp_descr_set = Some(field_set);
    }
}
