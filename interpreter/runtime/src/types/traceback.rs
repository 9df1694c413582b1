//! Traceback entries (CPython's PyTracebackObject: tb_next, tb_frame,
//! tb_lasti, tb_lineno).

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{int, none};
use std::ptr::null_mut;

#[repr(C)]
pub struct TracebackObject {
    pub ob_base: PyObject,
    pub tb_next: *mut PyObject,
    pub tb_frame: *mut PyObject,
    pub tb_lasti: i32,
    pub tb_lineno: i32,
}

const _: () = assert!(std::mem::size_of::<TracebackObject>() == 40);

#[no_mangle]
pub static mut PyTraceBack_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyTraceBack_Type
}

pub fn is_traceback(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

pub fn new(next: Option<Obj>, frame: &Obj, lasti: u32, lineno: u32) -> Obj {
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut TracebackObject;
        (*p).tb_next = crate::object::opt_into_raw(next);
        (*p).tb_frame = frame.clone().into_raw();
        // A byte offset, as CPython's (two per instruction word).
        (*p).tb_lasti = (lasti * 4 + 2) as i32; // as f_lasti: the opcode unit in co_code
        (*p).tb_lineno = lineno as i32;
        Obj::from_owned(p as *mut PyObject)
    }
}

pub fn tb(o: &Obj) -> &TracebackObject {
    unsafe { o.cast::<TracebackObject>() }
}

pub fn next_of(o: &Obj) -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(tb(o).tb_next) }
}

/// Relinks an entry (tb_next is writable, as in CPython).
pub fn relink(o: &Obj, next: Option<Obj>) {
    unsafe {
        let t = o.as_ptr() as *mut TracebackObject;
        let old = std::mem::replace(&mut (*t).tb_next, crate::object::opt_into_raw(next));
        crate::object::xdecref(old);
    }
}

pub fn frame_of(o: &Obj) -> Obj {
    unsafe { Obj::from_borrowed(tb(o).tb_frame) }
}

unsafe extern "C" fn tb_dealloc(p: *mut PyObject) {
    let t = &mut *(p as *mut TracebackObject);
    crate::object::xdecref(std::mem::replace(&mut t.tb_next, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut t.tb_frame, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn tb_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let t = &*(p as *const TracebackObject);
    for x in [t.tb_next, t.tb_frame] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn tb_clear(p: *mut PyObject) -> i32 {
    let t = &mut *(p as *mut TracebackObject);
    crate::object::xdecref(std::mem::replace(&mut t.tb_next, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut t.tb_frame, null_mut()));
    0
}

fn get_next(o: &Obj) -> PyResult<Obj> {
    Ok(next_of(o).unwrap_or_else(none::none))
}

fn set_next(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = match v {
        None => crate::bail!(TypeError, "can't delete tb_next attribute"),
        Some(v) if none::is_none(v) => None,
        Some(v) if is_traceback(v) => {
            // Refuse loops.
            let mut cur = Some(v.clone());
            while let Some(c) = cur {
                if c.is(o) {
                    crate::bail!(ValueError, "traceback loop detected");
                }
                cur = next_of(&c);
            }
            Some(v.clone())
        }
        Some(v) => crate::bail!(TypeError, "expected traceback object or None, got '{}'", v.ty().name()),
    };
    unsafe { crate::object::xsetref(&mut o.cast_mut::<TracebackObject>().tb_next, crate::object::opt_into_raw(v)) };
    Ok(())
}

fn get_frame(o: &Obj) -> PyResult<Obj> {
    Ok(frame_of(o))
}
fn get_lasti(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(tb(o).tb_lasti as i64))
}
fn get_lineno(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(tb(o).tb_lineno as i64))
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(_t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (v, kn) = crate::ops::call::kwargs_to_vector(crate::types::tuple::items(args), kw)?;
    let a = crate::types::builtin_func::parse_args("traceback", &v, kn.as_ref(), &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 4, 0)?;
    let next = a[0].clone().unwrap();
    let next = if crate::types::none::is_none(&next) {
        None
    } else if is_traceback(&next) {
        Some(next)
    } else {
        crate::bail!(TypeError, "expected traceback object or None, got '{}'", next.ty().name());
    };
    let frame = a[1].clone().unwrap();
    if !crate::eval::frame::is_frame(&frame) {
        crate::bail!(TypeError, "TracebackType() argument 'tb_frame' must be frame, not {}", frame.ty().name());
    }
    let c_int = |o: &Obj| -> PyResult<i32> {
        if !int::is_int(o) {
            crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name());
        }
        int::as_c_int(o)
    };
    let lasti = c_int(a[2].as_ref().unwrap())?;
    let lineno = c_int(a[3].as_ref().unwrap())?;
    let t = new(next, &frame, 0, 0);
    unsafe {
        let p = t.as_ptr() as *mut TracebackObject;
        (*p).tb_lasti = lasti;
        (*p).tb_lineno = lineno;
    }
    Ok(t)
}
crate::new_slot!(tb_new_slot => tb_new);

/// `traceback.__dir__`: as CPython's, only the four attributes.
fn tb_dir(_o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("__dir__", args, kw, 0, 0)?;
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"];
    Ok(crate::types::list::from_vec(names.iter().map(|n| crate::types::str::intern(n)).collect()))
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "traceback", std::mem::size_of::<TracebackObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(tb_dealloc);
        (*t).tp_traverse = Some(tb_traverse);
        (*t).tp_clear = Some(tb_clear);
        (*t).tp_new = Some(tb_new_slot);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__dir__", tb_dir)]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get_set("tb_next", get_next, set_next),
            GetSetSpec::get("tb_frame", get_frame),
            GetSetSpec::get("tb_lasti", get_lasti),
            GetSetSpec::get("tb_lineno", get_lineno),
        ]);
    }
}
