//! `super`: attribute lookup that starts after a class in an object's MRO.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, PyTypeObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{none, str as pystr, tuple, type_};
use std::ptr::null_mut;

#[repr(C)]
pub struct SuperObject {
    pub ob_base: PyObject,
    pub type_: *mut PyObject,
    pub obj: *mut PyObject,
    pub obj_type: *mut PyObject,
}

#[no_mangle]
pub static mut PySuper_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PySuper_Type
}

/// `super(t, obj)`.
pub fn new_super(t: &Obj, obj: Option<&Obj>, _hint: Option<&Obj>) -> PyResult<Obj> {
    let o = type_::alloc_instance(type_ptr(), 0)?;
    init_fields(&o, t, obj)?;
    Ok(o)
}

fn check_obj(t: &Obj, obj: &Obj) -> PyResult<Obj> {
    if type_::is_type(obj) && type_::is_subtype(type_::as_type(obj), type_::as_type(t)) {
        return Ok(obj.clone());
    }
    if type_::is_subtype(obj.type_ptr(), type_::as_type(t)) {
        return Ok(obj.get_type());
    }
    if let Some(c) = crate::ops::attr::getattr_opt(obj, &pystr::intern_static("__class__"))? {
        if type_::is_type(&c) && !c.is(&obj.get_type()) && type_::is_subtype(type_::as_type(&c), type_::as_type(t)) {
            return Ok(c);
        }
    }
    crate::bail!(TypeError, "super(type, obj): obj must be an instance or subtype of type")
}

fn init_fields(o: &Obj, t: &Obj, obj: Option<&Obj>) -> PyResult<()> {
    if !type_::is_type(t) {
        crate::bail!(TypeError, "super() argument 1 must be a type, not {}", t.ty().name());
    }
    let obj = obj.filter(|x| !none::is_none(x));
    let obj_type = match obj {
        Some(x) => Some(check_obj(t, x)?),
        None => None,
    };
    let s = unsafe { o.cast_mut::<SuperObject>() };
    unsafe {
        crate::object::xsetref(&mut s.type_, t.clone().into_raw());
        crate::object::xsetref(&mut s.obj, crate::object::opt_into_raw(obj.cloned()));
        crate::object::xsetref(&mut s.obj_type, crate::object::opt_into_raw(obj_type));
    }
    Ok(())
}

fn super_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    if kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "super() takes no keyword arguments");
    }
    let a = tuple::items(args);
    match a.len() {
        0 => {
            // Zero-argument form: __class__ cell and first argument of the caller.
            let (t, first) = zero_arg_super()?;
            init_fields(o, &t, Some(&first))
        }
        1 => init_fields(o, &a[0], None),
        2 => init_fields(o, &a[0], Some(&a[1])),
        n => crate::bail!(TypeError, "super() expected at most 2 arguments, got {}", n),
    }
}
crate::init_slot!(super_init_slot => super_init);

fn zero_arg_super() -> PyResult<(Obj, Obj)> {
    let f = match crate::eval::current_frame() {
        Some(f) => f,
        None => crate::bail!(RuntimeError, "super(): no current frame"),
    };
    let fr = crate::eval::frame::frame_mut(&f);
    let code_obj = fr.code_obj().clone();
    let c = crate::types::code::code(&code_obj);
    if c.argcount == 0 && c.flags & krait_bytecode::flags::VARARGS == 0 {
        crate::bail!(RuntimeError, "super(): no arguments");
    }
    let lp = fr.localsplus();
    let first = unsafe { *lp };
    if first.is_null() {
        crate::bail!(RuntimeError, "super(): arg[0] deleted");
    }
    let mut first = unsafe { Obj::from_borrowed(first) };
    let kinds = &crate::types::code::data(&code_obj).localsplus_kinds;
    if kinds[0] & krait_bytecode::fast::CELL != 0 && crate::types::cell::is_cell(&first) {
        first = match crate::types::cell::get(&first) {
            Some(v) => v,
            None => crate::bail!(RuntimeError, "super(): arg[0] deleted"),
        };
    }
    let names = tuple::items(unsafe { Obj::borrow_slot(&c.localsplusnames) });
    for (i, n) in names.iter().enumerate() {
        if kinds[i] & krait_bytecode::fast::FREE != 0 && pystr::eq_str(n, "__class__") {
            let cell = unsafe { *lp.add(i) };
            if cell.is_null() {
                crate::bail!(RuntimeError, "super(): bad __class__ cell");
            }
            let cell = unsafe { Obj::borrow_slot(&cell) };
            return match crate::types::cell::get(cell) {
                Some(t) if type_::is_type(&t) => Ok((t, first)),
                Some(_) => crate::bail!(RuntimeError, "super(): __class__ is not a type ({})", "?"),
                None => crate::bail!(RuntimeError, "super(): empty __class__ cell"),
            };
        }
    }
    crate::bail!(RuntimeError, "super(): __class__ cell not found")
}

fn super_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let s = unsafe { o.cast::<SuperObject>() };
    let skip = s.obj_type.is_null() || pystr::eq_str(name, "__class__");
    if !skip {
        let start = unsafe { Obj::borrow_slot(&s.type_) };
        let objt = unsafe { Obj::borrow_slot(&s.obj_type) };
        let mro = type_::mro(type_::as_type(objt));
        if let Some(i) = mro.iter().position(|t| t.is(start)) {
            for t in &mro[i + 1..] {
                let d = type_::type_dict(type_::as_type(t));
                if let Some(v) = crate::types::dict::get_item(d, name)? {
                    if let Some(g) = v.ty().tp_descr_get {
                        let obj = if s.obj == s.obj_type { null_mut() } else { s.obj };
                        return unsafe { crate::types::slots::from_ret(g(v.as_ptr(), obj, s.obj_type)) };
                    }
                    return Ok(v);
                }
            }
        }
    }
    type_::generic_getattr(o, name)
}
crate::binary_slot!(super_getattro_slot => super_getattro);

crate::descr_get_slot!(super_descr_get => super_get);
fn super_get(o: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    let s = unsafe { o.cast::<SuperObject>() };
    match obj {
        // A subclass of super binds by calling itself: type(self)(type, obj).
        Some(x) if s.obj.is_null() && !s.type_.is_null() && !none::is_none(x) && !o.is_type(type_ptr()) => {
            crate::ops::call::call(&o.get_type(), &[unsafe { Obj::from_borrowed(s.type_) }, x.clone()], None)
        }
        Some(x) if s.obj.is_null() && !none::is_none(x) => new_super(unsafe { Obj::borrow_slot(&s.type_) }, Some(x), None),
        _ => Ok(o.clone()),
    }
}

fn super_repr(o: &Obj) -> PyResult<Obj> {
    let s = unsafe { o.cast::<SuperObject>() };
    let tname = if s.type_.is_null() { "NULL".to_owned() } else { pystr::to_string_lossy(&type_::name(unsafe { Obj::borrow_slot(&s.type_) })) };
    Ok(pystr::new(&if s.obj_type.is_null() {
        format!("<super: <class '{}'>, NULL>", tname)
    } else {
        format!(
            "<super: <class '{}'>, <{} object>>",
            tname,
            pystr::to_string_lossy(&type_::name(unsafe { Obj::borrow_slot(&s.obj_type) }))
        )
    }))
}
crate::unary_slot!(super_repr_slot => super_repr);

unsafe extern "C" fn super_dealloc(p: *mut PyObject) {
    let s = &mut *(p as *mut SuperObject);
    for f in [&mut s.type_, &mut s.obj, &mut s.obj_type] {
        crate::object::xdecref(std::mem::replace(f, null_mut()));
    }
    crate::types::type_::free_instance(p);
}

unsafe extern "C" fn super_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let s = &*(p as *const SuperObject);
    for x in [s.type_, s.obj, s.obj_type] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

fn get_thisclass(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(o.cast::<SuperObject>().type_) }.unwrap_or_else(none::none))
}
fn get_self(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(o.cast::<SuperObject>().obj) }.unwrap_or_else(none::none))
}
fn get_self_class(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(o.cast::<SuperObject>().obj_type) }.unwrap_or_else(none::none))
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        type_::init_static(t, "super", std::mem::size_of::<SuperObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
        (*t).tp_dealloc = Some(super_dealloc);
        (*t).tp_traverse = Some(super_traverse);
        (*t).tp_getattro = Some(super_getattro_slot);
        (*t).tp_descr_get = Some(super_descr_get);
        (*t).tp_init = Some(super_init_slot);
        (*t).tp_new = Some(crate::types::object_::object_new_slot);
        (*t).tp_alloc = Some(type_::generic_alloc);
        (*t).tp_repr = Some(super_repr_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__thisclass__", get_thisclass),
            GetSetSpec::get("__self__", get_self),
            GetSetSpec::get("__self_class__", get_self_class),
        ]);
    }
}
