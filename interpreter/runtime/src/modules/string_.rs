//! The `_string` module (what `string.Formatter` builds on): lazy iterators
//! over str.format's parse of a format string (`formatter_parser`) and of a
//! field name (`formatter_field_name_split`), sharing `str_format`'s parser
//! so both report CPython's errors at the same step.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, MethodSpec};
use crate::types::str as pystr;
use crate::types::str_format::{field_integer, split_field_name, FieldStep, FieldSteps, MarkupIter};
use crate::types::{bool_, dict, int, module, none, tuple};
use std::os::raw::c_void;
use std::ptr::null_mut;

/// Both iterators: the string, its code points, and where parsing resumes.
#[repr(C)]
struct ParseIterObject {
    ob_base: PyObject,
    text: *mut PyObject,
    cps: *mut Vec<u32>,
    pos: usize,
}

static mut FORMATTER_ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut FIELDNAME_ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn new_iter(tp: *mut PyTypeObject, s: &Obj, pos: usize) -> Obj {
    unsafe {
        let p = alloc::alloc_object(tp, 0) as *mut ParseIterObject;
        assert!(!p.is_null(), "out of memory allocating a format iterator");
        (*p).text = s.clone().into_raw();
        (*p).cps = Box::into_raw(Box::new(pystr::code_points(s)));
        (*p).pos = pos;
        Obj::from_owned(p as *mut PyObject)
    }
}

unsafe extern "C" fn dealloc(p: *mut PyObject) {
    let it = &mut *(p as *mut ParseIterObject);
    crate::object::xdecref(it.text);
    if !it.cps.is_null() {
        drop(Box::from_raw(it.cps));
    }
    alloc::free_object(p);
}

unsafe extern "C" fn traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let t = (*(p as *mut ParseIterObject)).text;
    if t.is_null() {
        0
    } else {
        visit(t, arg)
    }
}

/// Runs `step` on the iterator's state; None ends the iteration.
unsafe fn next_with(p: *mut PyObject, step: fn(&[u32], &mut usize) -> PyResult<Option<Obj>>) -> *mut PyObject {
    let it = &mut *(p as *mut ParseIterObject);
    match step(&*it.cps, &mut it.pos) {
        Ok(Some(v)) => v.into_raw(),
        Ok(None) | Err(_) => null_mut(),
    }
}

/// (literal, field_name, format_spec, conversion); the last three are None
/// when no field follows the literal, the spec '' when a field has none.
fn parser_step(cps: &[u32], pos: &mut usize) -> PyResult<Option<Obj>> {
    let mut m = MarkupIter::at(cps, *pos);
    let r = m.next_markup()?;
    *pos = m.pos();
    let Some(mk) = r else { return Ok(None) };
    let literal = pystr::from_code_points(mk.literal);
    let item = match mk.field {
        None => tuple::new(&[literal, none::none(), none::none(), none::none()]),
        Some(f) => tuple::new(&[
            literal,
            pystr::from_code_points(f.name),
            pystr::from_code_points(f.spec),
            match f.conversion {
                Some(c) => pystr::from_char(c),
                None => none::none(),
            },
        ]),
    };
    Ok(Some(item))
}

/// (is_attribute, name or index) for each `.attr` / `[key]` step.
fn field_step(cps: &[u32], pos: &mut usize) -> PyResult<Option<Obj>> {
    let mut steps = FieldSteps::at(cps, *pos);
    let r = steps.next_step()?;
    *pos = steps.pos();
    Ok(r.map(|s| match s {
        FieldStep::Attr(a) => tuple::new(&[bool_::from_bool(true), pystr::from_code_points(a)]),
        FieldStep::Key(k) => tuple::new(&[bool_::from_bool(false), pystr::from_code_points(k)]),
        FieldStep::Index(i) => tuple::new(&[bool_::from_bool(false), int::from_usize(i)]),
    }))
}

unsafe extern "C" fn formatter_iter_next(p: *mut PyObject) -> *mut PyObject {
    next_with(p, parser_step)
}

unsafe extern "C" fn fieldname_iter_next(p: *mut PyObject) -> *mut PyObject {
    next_with(p, field_step)
}

fn str_arg(o: &Obj) -> PyResult<&Obj> {
    if !pystr::is_str(o) {
        crate::bail!(TypeError, "expected str, got {}", o.ty().name());
    }
    Ok(o)
}

fn f_formatter_parser(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_string.formatter_parser", args, kw, 1, 1)?;
    Ok(new_iter(&raw mut FORMATTER_ITER_TYPE, str_arg(&args[0])?, 0))
}

/// (first, rest): `first` is an int when the first part is all digits.
fn f_formatter_field_name_split(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_string.formatter_field_name_split", args, kw, 1, 1)?;
    let s = str_arg(&args[0])?;
    let cps = pystr::code_points(s);
    let (first, steps) = split_field_name(&cps);
    let first_obj = match field_integer(first)? {
        Some(i) => int::from_usize(i),
        None => pystr::from_code_points(first),
    };
    let rest = new_iter(&raw mut FIELDNAME_ITER_TYPE, s, steps.pos());
    Ok(tuple::new(&[first_obj, rest]))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("formatter_parser", f_formatter_parser),
        method("formatter_field_name_split", f_formatter_field_name_split),
    ]
}

fn init_types() {
    unsafe {
        for (t, name, next) in [
            (&raw mut FORMATTER_ITER_TYPE, "formatteriterator", formatter_iter_next as crate::object::IterNextFunc),
            (&raw mut FIELDNAME_ITER_TYPE, "fieldnameiterator", fieldname_iter_next),
        ] {
            if (*t).tp_flags & tpflags::READY != 0 {
                continue;
            }
            crate::types::type_::init_static(t, name, std::mem::size_of::<ParseIterObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC | tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(dealloc);
            (*t).tp_traverse = Some(traverse);
            (*t).tp_iter = Some(crate::types::iter::self_iter);
            (*t).tp_iternext = Some(next);
            crate::types::type_::ready(t).expect("readying a _string iterator type");
        }
    }
}

pub fn create() -> PyResult<Obj> {
    init_types();
    let m = module::new("_string")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "__doc__", &pystr::new("string helper module"))?;
    Ok(m)
}
