//! `code`: compiled bodies. The object holds the instruction words (mutable:
//! the interpreter rewrites instructions and fills inline caches), constants,
//! names, and the exception and location tables from the compiler.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{int, none, str as pystr, tuple};
use krait_bytecode::{CodeUnit, Constant, ExceptionEntry, Location};
use std::ptr::null_mut;

/// Rust-owned parts of a code object.
pub struct CodeData {
    pub words: Vec<u32>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub localsplus_kinds: Vec<u8>,
    /// For each cell slot that is also an argument: (slot) — MAKE_CELL keeps
    /// the argument's value in the new cell.
    pub has_docstring: bool,
}

#[repr(C)]
pub struct CodeObject {
    pub ob_base: PyObject,
    pub data: *mut CodeData,
    pub consts: *mut PyObject,
    pub names: *mut PyObject,
    pub localsplusnames: *mut PyObject,
    pub name: *mut PyObject,
    pub qualname: *mut PyObject,
    pub filename: *mut PyObject,
    pub weakreflist: *mut PyObject,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub nlocalsplus: u32,
    pub nlocals: u32,
    pub nfree: u32,
    pub firstlineno: u32,
}

#[no_mangle]
pub static mut PyCode_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyCode_Type
}

pub fn is_code(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

#[inline]
pub fn code(o: &Obj) -> &CodeObject {
    unsafe { o.cast::<CodeObject>() }
}

#[inline]
pub fn data(o: &Obj) -> &mut CodeData {
    unsafe { &mut *code(o).data }
}

/// Converts a compiler constant into a Python object.
pub fn constant_to_object(c: &Constant) -> Obj {
    match c {
        Constant::None => none::none(),
        Constant::True => crate::types::bool_::from_bool(true),
        Constant::False => crate::types::bool_::from_bool(false),
        Constant::Ellipsis => none::ellipsis(),
        Constant::Int(i) => int::from_i64(*i),
        Constant::BigInt(b) => int::from_bigint(b),
        Constant::Float(f) => crate::types::float::from_f64(*f),
        Constant::Complex { real, imag } => crate::types::complex::from_parts(*real, *imag),
        Constant::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.len() < 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                pystr::intern(s)
            } else {
                pystr::new(s)
            }
        }
        Constant::StrCodePoints(cps) => pystr::from_code_points(cps),
        Constant::Bytes(b) => crate::types::bytes::new(b),
        Constant::Tuple(items) => tuple::from_vec(items.iter().map(constant_to_object).collect()),
        Constant::FrozenSet(items) => {
            crate::types::set::new_frozenset(items.iter().map(constant_to_object).collect())
                .expect("frozenset constant of hashable items")
        }
        Constant::Code(unit) => from_unit(unit),
    }
}

/// Builds a code object from the compiler's output.
pub fn from_unit(u: &CodeUnit) -> Obj {
    let consts = tuple::from_vec(u.constants.iter().map(constant_to_object).collect());
    let names = tuple::from_vec(u.names.iter().map(|n| pystr::intern(n)).collect());
    let lpn = tuple::from_vec(u.localsplus_names.iter().map(|n| pystr::intern(n)).collect());
    let nlocals = u.localsplus_kinds.iter().filter(|k| **k & krait_bytecode::fast::LOCAL != 0).count();
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut CodeObject;
        (*p).data = Box::into_raw(Box::new(CodeData {
            words: u.code.clone(),
            locations: u.locations.clone(),
            exception_table: u.exception_table.clone(),
            localsplus_kinds: u.localsplus_kinds.clone(),
            has_docstring: u.has_docstring,
        }));
        (*p).consts = consts.into_raw();
        (*p).names = names.into_raw();
        (*p).localsplusnames = lpn.into_raw();
        (*p).name = pystr::intern(&u.name).into_raw();
        (*p).qualname = pystr::new(&u.qualname).into_raw();
        (*p).filename = pystr::new(&u.filename).into_raw();
        (*p).argcount = u.argcount;
        (*p).posonlyargcount = u.posonlyargcount;
        (*p).kwonlyargcount = u.kwonlyargcount;
        (*p).flags = u.flags;
        (*p).stacksize = u.stacksize;
        (*p).nlocalsplus = u.localsplus_names.len() as u32;
        (*p).nlocals = nlocals as u32;
        (*p).nfree = u.nfree() as u32;
        (*p).firstlineno = u.first_line;
        Obj::from_owned(p as *mut PyObject)
    }
}

/// Source location of the instruction at word index `i`.
pub fn location_at(o: &Obj, i: usize) -> Location {
    data(o).locations.get(i).copied().unwrap_or_default()
}

/// Line number of the instruction at word index `i` (or the first line).
pub fn line_at(o: &Obj, i: usize) -> u32 {
    let l = location_at(o, i).line;
    if l == 0 {
        code(o).firstlineno
    } else {
        l
    }
}

unsafe extern "C" fn code_dealloc(p: *mut PyObject) {
    let c = &mut *(p as *mut CodeObject);
    drop(Box::from_raw(c.data));
    for f in [c.consts, c.names, c.localsplusnames, c.name, c.qualname, c.filename] {
        crate::object::xdecref(f);
    }
    if !c.weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    alloc::free_object(p);
}

fn names_of_kind(o: &Obj, kind: u8) -> Obj {
    let c = code(o);
    let names = unsafe { Obj::borrow_slot(&c.localsplusnames) };
    let kinds = &data(o).localsplus_kinds;
    let v: Vec<Obj> = tuple::items(names)
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k & kind != 0)
        .map(|(n, _)| n.clone())
        .collect();
    tuple::from_vec(v)
}

fn get_varnames(o: &Obj) -> PyResult<Obj> {
    Ok(names_of_kind(o, krait_bytecode::fast::LOCAL))
}
fn get_cellvars(o: &Obj) -> PyResult<Obj> {
    Ok(names_of_kind(o, krait_bytecode::fast::CELL))
}
fn get_freevars(o: &Obj) -> PyResult<Obj> {
    Ok(names_of_kind(o, krait_bytecode::fast::FREE))
}
fn get_consts(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(code(o).consts) })
}
fn get_names(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(code(o).names) })
}
fn get_name(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(code(o).name) })
}
fn get_qualname(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(code(o).qualname) })
}
fn get_filename(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(code(o).filename) })
}
fn get_argcount(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).argcount as i64))
}
fn get_posonlyargcount(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).posonlyargcount as i64))
}
fn get_kwonlyargcount(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).kwonlyargcount as i64))
}
fn get_flags(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).flags as i64))
}
fn get_nlocals(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).nlocals as i64))
}
fn get_stacksize(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).stacksize as i64))
}
fn get_firstlineno(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(code(o).firstlineno as i64))
}
fn get_code(o: &Obj) -> PyResult<Obj> {
    let words = &data(o).words;
    let mut b = Vec::with_capacity(words.len() * 4);
    for w in words {
        b.extend_from_slice(&w.to_le_bytes());
    }
    Ok(crate::types::bytes::new(&b))
}

fn code_repr(o: &Obj) -> PyResult<Obj> {
    let c = code(o);
    Ok(pystr::new(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.name) }),
        o.as_ptr() as usize,
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.filename) }),
        c.firstlineno
    )))
}
crate::unary_slot!(code_repr_slot => code_repr);

fn co_positions(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let d = data(slf);
    let mut out = Vec::new();
    let mut i = 0;
    while i < d.words.len() {
        let l = d.locations.get(i).copied().unwrap_or_default();
        let opt = |v: u32, valid: bool| if valid { int::from_i64(v as i64) } else { none::none() };
        let has = l.line != 0;
        out.push(tuple::new(&[opt(l.line, has), opt(l.end_line, has), opt(l.col, has), opt(l.end_col, has)]));
        let (op, _) = krait_bytecode::decode(d.words[i]);
        let n = krait_bytecode::Opcode::from_u8(op).map(|o| o.cache_entries()).unwrap_or(0);
        for _ in 0..n {
            out.push(tuple::new(&[opt(l.line, has), opt(l.end_line, has), opt(l.col, has), opt(l.end_col, has)]));
        }
        i += 1 + n;
    }
    crate::ops::iter(&crate::types::list::from_vec(out))
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "code", std::mem::size_of::<CodeObject>(), 0);
        (*t).tp_dealloc = Some(code_dealloc);
        (*t).tp_repr = Some(code_repr_slot);
        (*t).tp_weaklistoffset = std::mem::offset_of!(CodeObject, weakreflist) as isize;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_methods = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method(
            "co_positions",
            co_positions,
        )]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("co_varnames", get_varnames),
            GetSetSpec::get("co_cellvars", get_cellvars),
            GetSetSpec::get("co_freevars", get_freevars),
            GetSetSpec::get("co_consts", get_consts),
            GetSetSpec::get("co_names", get_names),
            GetSetSpec::get("co_name", get_name),
            GetSetSpec::get("co_qualname", get_qualname),
            GetSetSpec::get("co_filename", get_filename),
            GetSetSpec::get("co_argcount", get_argcount),
            GetSetSpec::get("co_posonlyargcount", get_posonlyargcount),
            GetSetSpec::get("co_kwonlyargcount", get_kwonlyargcount),
            GetSetSpec::get("co_flags", get_flags),
            GetSetSpec::get("co_nlocals", get_nlocals),
            GetSetSpec::get("co_stacksize", get_stacksize),
            GetSetSpec::get("co_firstlineno", get_firstlineno),
            GetSetSpec::get("co_code", get_code),
        ]);
    }
    let _ = null_mut::<PyObject>();
}
