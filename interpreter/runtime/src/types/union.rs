//! `types.UnionType`: what `int | str` returns (PEP 604). Holds the flattened,
//! de-duplicated member types; `isinstance`/`issubclass` accept it like a
//! tuple of its members.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyNumberMethods, PyObject, PyTypeObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{bool_, generic_alias, none, str as pystr, tuple, type_};
use krait_bytecode::CompareOp;
use std::ptr::null_mut;

#[repr(C)]
pub struct UnionObject {
    pub ob_base: PyObject,
    pub args: *mut PyObject,
    pub parameters: *mut PyObject,
}

#[no_mangle]
pub static mut _PyUnion_Type: PyTypeObject = PyTypeObject::EMPTY;
static mut UNION_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;
static mut TYPE_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;
static mut UNION_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut _PyUnion_Type
}

pub fn is_union(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

/// The member types of a union, as a tuple.
pub fn args(o: &Obj) -> Obj {
    unsafe { Obj::from_borrowed(o.cast::<UnionObject>().args) }
}

/// What may stand on either side of `|` to make a union.
fn is_unionable(o: &Obj) -> bool {
    none::is_none(o) || type_::is_type(o) || generic_alias::is_generic_alias(o) || is_union(o)
}

/// Members of one operand: a union's members, None as NoneType, else itself.
fn members(o: &Obj, out: &mut Vec<Obj>) {
    if is_union(o) {
        out.extend(tuple::items(&args(o)).iter().cloned());
    } else if none::is_none(o) {
        out.push(type_::type_obj(&raw mut none::_PyNone_Type));
    } else {
        out.push(o.clone());
    }
}

/// `a | b` for types, generic aliases, None and unions; NotImplemented for
/// anything else.
pub fn union_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(none::not_implemented());
    }
    let mut all = Vec::new();
    members(a, &mut all);
    members(b, &mut all);
    // Types are compared by identity; generic aliases by equality.
    let mut unique: Vec<Obj> = Vec::new();
    for x in all {
        let mut dup = false;
        for u in &unique {
            let same = if generic_alias::is_generic_alias(&x) && generic_alias::is_generic_alias(u) {
                crate::ops::eq(&x, u)?
            } else {
                x.is(u)
            };
            if same {
                dup = true;
                break;
            }
        }
        if !dup {
            unique.push(x);
        }
    }
    if unique.len() == 1 {
        return Ok(unique.pop().unwrap());
    }
    let o = type_::alloc_instance(type_ptr(), 0)?;
    unsafe { o.cast_mut::<UnionObject>().args = tuple::new(&unique).into_raw() };
    Ok(o)
}
crate::binary_slot!(union_or_slot => union_or);

fn repr_item(o: &Obj) -> PyResult<String> {
    if o.as_ptr() == &raw mut none::_PyNone_Type as *mut PyObject {
        return Ok("None".into());
    }
    generic_alias::repr_item(o)
}

fn union_repr(o: &Obj) -> PyResult<Obj> {
    let parts: Vec<String> = tuple::items(&args(o)).iter().map(repr_item).collect::<PyResult<_>>()?;
    Ok(pystr::new(&parts.join(" | ")))
}
crate::unary_slot!(union_repr_slot => union_repr);

fn as_frozenset(o: &Obj) -> PyResult<Obj> {
    crate::types::set::new_frozenset(tuple::items(&args(o)).to_vec())
}

fn union_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_union(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = crate::ops::eq(&as_frozenset(a)?, &as_frozenset(b)?)?;
    Ok(bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
crate::richcmp_slot!(union_richcompare_slot => union_richcompare);

fn union_hash(o: &Obj) -> PyResult<isize> {
    crate::ops::hash(&as_frozenset(o)?)
}
crate::hash_slot!(union_hash_slot => union_hash);

fn get_args(o: &Obj) -> PyResult<Obj> {
    Ok(args(o))
}

/// The type variables of the members (see `generic_alias::make_parameters`).
fn get_parameters(o: &Obj) -> PyResult<Obj> {
    let u = unsafe { o.cast_mut::<UnionObject>() };
    if u.parameters.is_null() {
        u.parameters = generic_alias::make_parameters(&args(o))?.into_raw();
    }
    Ok(unsafe { Obj::from_borrowed(u.parameters) })
}

/// `(int | list[T])[str]`: the members with type variables substituted,
/// joined again with `|`.
fn union_getitem(o: &Obj, item: &Obj) -> PyResult<Obj> {
    let params = get_parameters(o)?;
    let newargs = generic_alias::subs_parameters(o, &args(o), &params, item)?;
    let items = tuple::items(&newargs);
    if items.is_empty() {
        let u = type_::alloc_instance(type_ptr(), 0)?;
        unsafe { u.cast_mut::<UnionObject>().args = newargs.clone().into_raw() };
        return Ok(u);
    }
    let mut res = items[0].clone();
    for a in &items[1..] {
        res = crate::ops::number::binary_op(&res, a, krait_bytecode::BinaryOp::Or)?;
    }
    Ok(res)
}
crate::binary_slot!(union_getitem_slot => union_getitem);

unsafe extern "C" fn union_dealloc(p: *mut PyObject) {
    let u = &mut *(p as *mut UnionObject);
    crate::object::xdecref(std::mem::replace(&mut u.args, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut u.parameters, null_mut()));
    crate::object::alloc::free_object(p);
}

unsafe extern "C" fn union_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let u = &*(p as *mut UnionObject);
    for f in [u.args, u.parameters] {
        if !f.is_null() {
            let r = visit(f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// `u.__module__` is the type's (typing reads it from unions), the rest
/// the usual lookup.
fn union_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    if pystr::eq_str(name, "__module__") {
        return crate::ops::attr::getattr(&o.get_type(), name);
    }
    type_::generic_getattr(o, name)
}
crate::binary_slot!(union_getattro_slot => union_getattro);

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        type_::init_static(t, "types.UnionType", std::mem::size_of::<UnionObject>(), 0);
        (*t).tp_getattro = Some(union_getattro_slot);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(union_dealloc);
        (*t).tp_traverse = Some(union_traverse);
        (*t).tp_repr = Some(union_repr_slot);
        (*t).tp_richcompare = Some(union_richcompare_slot);
        (*t).tp_hash = Some(union_hash_slot);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("__args__", get_args), GetSetSpec::get("__parameters__", get_parameters)]);
        let mp = &raw mut UNION_MAPPING;
        (*mp).mp_subscript = Some(union_getitem_slot);
        (*t).tp_as_mapping = mp;
        let nb = &raw mut UNION_NUMBER;
        (*nb).nb_or = Some(union_or_slot);
        (*t).tp_as_number = nb;
        // `int | str` is type.__or__; GenericAlias gets the same slot.
        let nb = &raw mut TYPE_NUMBER;
        (*nb).nb_or = Some(union_or_slot);
        (*type_::type_type()).tp_as_number = nb;
        (*generic_alias::type_ptr()).tp_as_number = nb;
    }
}
