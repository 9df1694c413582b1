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
                None => Ok(hidden_item(o, i).unwrap_or_else(crate::types::none::none)),
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
    let names: Vec<Obj> = match info_of(o.type_ptr()) {
        Some(info) => info.names.iter().flatten().map(|n| pystr::new(n)).collect(),
        None => {
            let fields = dict::get_item_str(type_::type_dict(type_::as_type(&t)), "_fields")?;
            fields.map(|f| tuple::items(&f).to_vec()).unwrap_or_default()
        }
    };
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

/// Makes a struct sequence type uncallable from Python once its instances
/// exist (`sys.flags`, `sys.version_info`), as CPython's
/// Py_TPFLAGS_DISALLOW_INSTANTIATION.
pub fn disallow_instantiation(t: &Obj) {
    unsafe {
        let tp = type_::as_type(t);
        (*tp).tp_new = None;
        (*tp).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
    }
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

// ---------------------------------------------------------------------------
// Struct sequences with unnamed and invisible fields (`os.stat_result`):
// CPython's layout, where the tuple holds every field but its size counts
// only the visible ones; the rest sit after them in the same allocation.

/// Completes the values of a struct sequence being created (for example
/// `os.stat_result` copying the integer times into empty float fields).
pub type Fixup = fn(&mut [Obj]);

struct SeqInfo {
    /// One entry per field: its name, or None for an unnamed field.
    names: Vec<Option<&'static str>>,
    visible: usize,
    fixup: Option<Fixup>,
    full_name: String,
}

static INFO: std::sync::Mutex<Vec<(usize, &'static SeqInfo)>> = std::sync::Mutex::new(Vec::new());

fn info_of(t: *mut PyTypeObject) -> Option<&'static SeqInfo> {
    let mut t = t;
    let reg = INFO.lock().unwrap();
    while !t.is_null() {
        if let Some((_, i)) = reg.iter().find(|(p, _)| *p == t as usize) {
            return Some(i);
        }
        t = unsafe { (*t).tp_base };
    }
    None
}

/// Field `i` stored after the visible items of a struct sequence created
/// by `new_type_ext`.
fn hidden_item(o: &Obj, i: usize) -> Option<Obj> {
    let info = info_of(o.type_ptr())?;
    if i < info.visible || i >= info.names.len() {
        return None;
    }
    unsafe {
        let t = o.cast::<tuple::PyTupleObject>();
        let p = *t.ob_item.as_ptr().add(i);
        crate::object::opt_from_borrowed(p)
    }
}

unsafe extern "C" fn ext_dealloc(p: *mut PyObject) {
    let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
    if let Some(info) = info_of(o.type_ptr()) {
        let items = (*(p as *mut tuple::PyTupleObject)).ob_item.as_mut_ptr();
        for i in info.visible..info.names.len() {
            crate::object::xdecref(std::mem::replace(&mut *items.add(i), std::ptr::null_mut()));
        }
    }
    type_::subtype_dealloc(p)
}

fn ext_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let info = match info_of(t) {
        Some(i) => i,
        None => crate::bail!(SystemError, "struct sequence type without layout"),
    };
    let (all, kwnames) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let a = crate::types::builtin_func::parse_args(
        "structseq",
        &all,
        kwnames.as_ref(),
        &["sequence", "dict"],
        1,
        0,
    )?;
    let seq = crate::ops::seq::to_vec(a[0].as_ref().unwrap())?;
    // An explicit None is not "no dict": CPython's clinic default is NULL.
    let dict_arg = a[1].clone();
    if let Some(d) = &dict_arg {
        if !dict::is_dict(d) {
            crate::bail!(TypeError, "{}() takes a dict as second arg, if any", info.full_name);
        }
    }
    let total = info.names.len();
    let (n, vis) = (seq.len(), info.visible);
    if n < vis {
        if vis == total {
            crate::bail!(TypeError, "{}() takes a {}-sequence ({}-sequence given)", info.full_name, vis, n);
        }
        crate::bail!(TypeError, "{}() takes an at least {}-sequence ({}-sequence given)", info.full_name, vis, n);
    }
    if n > total {
        if vis == total {
            crate::bail!(TypeError, "{}() takes a {}-sequence ({}-sequence given)", info.full_name, vis, n);
        }
        crate::bail!(TypeError, "{}() takes an at most {}-sequence ({}-sequence given)", info.full_name, total, n);
    }
    let mut values = seq;
    for i in n..total {
        let v = match (&dict_arg, info.names[i]) {
            (Some(d), Some(name)) => dict::get_item_str(d, name)?,
            _ => None,
        };
        values.push(v.unwrap_or_else(crate::types::none::none));
    }
    if let Some(f) = info.fixup {
        f(&mut values);
    }
    Ok(build(t, values, vis))
}
crate::new_slot!(ext_new_slot => ext_new);

fn build(t: *mut PyTypeObject, values: Vec<Obj>, visible: usize) -> Obj {
    let o = tuple::new_uninit_of(t, values.len());
    for (i, v) in values.into_iter().enumerate() {
        unsafe { tuple::set_item_unchecked(&o, i, v) };
    }
    unsafe { (*(o.as_ptr() as *mut crate::object::PyVarObject)).ob_size = visible as isize };
    o
}

fn ext_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__reduce__", args, kw, 0, 0)?;
    let Some(info) = info_of(slf.type_ptr()) else { crate::bail!(TypeError, "not a struct sequence") };
    let d = dict::new();
    for i in info.visible..info.names.len() {
        if let Some(n) = info.names[i] {
            dict::set_item_str(&d, n, &hidden_item(slf, i).unwrap_or_else(crate::types::none::none))?;
        }
    }
    let visible = tuple::new(tuple::items(slf));
    Ok(tuple::new(&[slf.get_type(), tuple::new(&[visible, d])]))
}

/// Creates a struct sequence type `module.name` whose fields are `names`
/// (None: an unnamed field, reachable by index only), of which the first
/// `visible` are the tuple's items; the others are attributes only.
pub fn new_type_ext(module: &str, name: &str, names: &[Option<&'static str>], visible: usize, fixup: Option<Fixup>) -> PyResult<Obj> {
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", &pystr::new(module))?;
    dict::set_item_str(&ns, "__slots__", &tuple::new(&[]))?;
    for (i, f) in names.iter().enumerate() {
        let Some(f) = f else { continue };
        let d = unsafe {
            let p = alloc::alloc_object(&raw mut _PyKraitStructSeqField_Type, 0) as *mut FieldDescr;
            (*p).index = i as isize;
            Obj::from_owned(p as *mut PyObject)
        };
        dict::set_item_str(&ns, f, &d)?;
    }
    let unnamed = names.iter().filter(|n| n.is_none()).count();
    dict::set_item_str(&ns, "n_fields", &int::from_usize(names.len()))?;
    dict::set_item_str(&ns, "n_sequence_fields", &int::from_usize(visible))?;
    dict::set_item_str(&ns, "n_unnamed_fields", &int::from_usize(unnamed))?;
    let match_args: Vec<Obj> = names[..visible].iter().flatten().map(|n| pystr::new(n)).collect();
    dict::set_item_str(&ns, "__match_args__", &tuple::from_vec(match_args))?;
    let reduce = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__reduce__", ext_reduce)]);
    let t = crate::ops::call::call(
        &type_::type_obj(type_::type_type()),
        &[pystr::new(name), tuple::new(&[type_::type_obj(tuple::type_ptr())]), ns],
        None,
    )?;
    let tp = type_::as_type(&t);
    dict::set_item_str(type_::type_dict(tp), "__reduce__", &crate::types::builtin_func::new_method_descr(tp, reduce))?;
    let full_name = if module == "builtins" { name.to_owned() } else { format!("{}.{}", module, name) };
    let info: &'static SeqInfo = Box::leak(Box::new(SeqInfo { names: names.to_vec(), visible, fixup, full_name }));
    INFO.lock().unwrap().push((tp as usize, info));
    unsafe {
        (*tp).tp_repr = Some(structseq_repr_slot);
        (*tp).tp_flags &= !tpflags::BASETYPE;
        (*tp).tp_new = Some(ext_new_slot);
        (*tp).tp_dealloc = Some(ext_dealloc);
    }
    type_::modified(tp);
    Ok(t)
}

/// An instance of a type from `new_type_ext`: `values` holds every field
/// (visible ones first).
pub fn new_ext(t: &Obj, mut values: Vec<Obj>) -> PyResult<Obj> {
    let tp = type_::as_type(t);
    let Some(info) = info_of(tp) else { crate::bail!(SystemError, "struct sequence type without layout") };
    while values.len() < info.names.len() {
        values.push(crate::types::none::none());
    }
    Ok(build(tp, values, info.visible))
}
