//! `cell`: a variable shared between a function and the functions nested in it.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::str as pystr;
use std::ptr::null_mut;

#[repr(C)]
pub struct CellObject {
    pub ob_base: PyObject,
    pub ob_ref: *mut PyObject,
}

#[no_mangle]
pub static mut PyCell_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyCell_Type
}

pub fn is_cell(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

pub fn new(v: Option<Obj>) -> Obj {
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut CellObject;
        (*p).ob_ref = crate::object::opt_into_raw(v);
        Obj::from_owned(p as *mut PyObject)
    }
}

#[inline]
pub fn get(c: &Obj) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(c.cast::<CellObject>().ob_ref) }
}

#[inline]
pub fn set(c: &Obj, v: Option<Obj>) {
    unsafe { crate::object::xsetref(&mut c.cast_mut::<CellObject>().ob_ref, crate::object::opt_into_raw(v)) }
}

unsafe extern "C" fn cell_dealloc(p: *mut PyObject) {
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut CellObject)).ob_ref, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn cell_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let r = (*(p as *mut CellObject)).ob_ref;
    if r.is_null() {
        0
    } else {
        visit(r, arg)
    }
}

unsafe extern "C" fn cell_clear(p: *mut PyObject) -> i32 {
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut CellObject)).ob_ref, null_mut()));
    0
}

fn get_contents(o: &Obj) -> PyResult<Obj> {
    match get(o) {
        Some(v) => Ok(v),
        None => crate::bail!(ValueError, "Cell is empty"),
    }
}

fn set_contents(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    set(o, v.cloned());
    Ok(())
}

fn cell_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&match get(o) {
        None => format!("<cell at {:#x}: empty>", o.as_ptr() as usize),
        Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", o.as_ptr() as usize, v.ty().name(), v.as_ptr() as usize),
    }))
}
crate::unary_slot!(cell_repr_slot => cell_repr);

/// Cells compare by contents; an empty cell is less than a full one.
fn cell_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    use krait_bytecode::CompareOp::*;
    if !a.type_ptr().eq(&type_ptr()) || !b.type_ptr().eq(&type_ptr()) {
        return Ok(crate::types::none::not_implemented());
    }
    let (x, y) = (get(a), get(b));
    if let (Some(x), Some(y)) = (&x, &y) {
        return crate::ops::rich_compare(x, y, op);
    }
    let (x, y) = (x.is_some(), y.is_some());
    let r = match op {
        Lt => x < y,
        Le => x <= y,
        Eq => x == y,
        Ne => x != y,
        Gt => x > y,
        Ge => x >= y,
    };
    Ok(crate::types::bool_::from_bool(r))
}
crate::richcmp_slot!(cell_richcompare_slot => cell_richcompare);

fn cell_new(_t: *mut PyTypeObject, args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::types::tuple::items(args);
    if a.len() > 1 {
        crate::bail!(TypeError, "cell expected at most 1 argument, got {}", a.len());
    }
    Ok(new(a.first().cloned()))
}
crate::new_slot!(cell_new_slot => cell_new);

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "cell", std::mem::size_of::<CellObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(cell_dealloc);
        (*t).tp_traverse = Some(cell_traverse);
        (*t).tp_clear = Some(cell_clear);
        (*t).tp_repr = Some(cell_repr_slot);
        (*t).tp_richcompare = Some(cell_richcompare_slot);
        (*t).tp_new = Some(cell_new_slot);
        (*t).tp_getset = getset_table(&[GetSetSpec::get_set("cell_contents", get_contents, set_contents)]);
    }
}
