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
    pub locations: Locations,
    pub exception_table: Vec<ExceptionEntry>,
    pub localsplus_kinds: Vec<u8>,
    /// For each cell slot that is also an argument: (slot) — MAKE_CELL keeps
    /// the argument's value in the new cell.
    pub has_docstring: bool,
}

/// A code object's locations, one per instruction word. Code loaded from a
/// .pyc keeps them packed until something asks (a traceback, a tracer,
/// `co_positions`): most code never does, and unpacked they take sixteen
/// bytes a word.
pub struct Locations {
    unpacked: std::cell::OnceCell<Vec<Location>>,
    /// The packed bytes and the first line they count from.
    packed: Option<(Box<[u8]>, u32)>,
    n: usize,
    /// Read from a CPython location table given to `code.replace`: a word
    /// without a line has none, where krait's compiler leaves the line
    /// to be inherited from the word before.
    exact: bool,
}

static DEBUG_RANGES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// `-X no_debug_ranges` / PYTHONNODEBUGRANGES: code objects keep lines but
/// no columns (so tracebacks show no `^^^` markers), as CPython's
/// `code_debug_ranges` config.
pub fn set_debug_ranges(on: bool) {
    DEBUG_RANGES.store(on, std::sync::atomic::Ordering::Relaxed)
}

pub fn debug_ranges() -> bool {
    DEBUG_RANGES.load(std::sync::atomic::Ordering::Relaxed)
}

/// `v` without its columns when debug ranges are off.
fn ranges_as_configured(mut v: Vec<Location>) -> Vec<Location> {
    if !debug_ranges() {
        for l in &mut v {
            *l = Location { line: l.line, end_line: l.line, col: Location::NO_COL, end_col: Location::NO_COL };
        }
    }
    v
}

impl Locations {
    pub fn unpacked(v: Vec<Location>) -> Locations {
        let v = ranges_as_configured(v);
        let n = v.len();
        Locations { unpacked: std::cell::OnceCell::from(v), packed: None, n, exact: false }
    }

    pub fn packed(bytes: Box<[u8]>, n: usize, firstlineno: u32) -> Locations {
        Locations { unpacked: std::cell::OnceCell::new(), packed: Some((bytes, firstlineno)), n, exact: false }
    }

    /// Locations from a CPython location table (see `exact`).
    pub fn exact(v: Vec<Location>) -> Locations {
        Locations { exact: true, ..Locations::unpacked(v) }
    }

    pub fn get(&self) -> &[Location] {
        self.unpacked.get_or_init(|| match &self.packed {
            Some((b, first)) => ranges_as_configured(krait_bytecode::locations::unpack(b, self.n, *first)),
            None => Vec::new(),
        })
    }

    /// The packed form of `nwords` locations counted from `firstlineno`.
    pub fn pack(&self, out: &mut Vec<u8>, nwords: usize, firstlineno: u32) {
        match &self.packed {
            Some((b, first)) if *first == firstlineno && self.n == nwords => out.extend_from_slice(b),
            _ => {
                let mut locs = self.get().to_vec();
                locs.resize(nwords, Location::default());
                krait_bytecode::locations::pack(out, &locs, firstlineno);
            }
        }
    }
}

impl Clone for Locations {
    fn clone(&self) -> Locations {
        match &self.packed {
            Some((b, first)) => Locations::packed(b.clone(), self.n, *first),
            None => Locations { exact: self.exact, ..Locations::unpacked(self.get().to_vec()) },
        }
    }
}

impl PartialEq for Locations {
    fn eq(&self, other: &Locations) -> bool {
        self.get() == other.get()
    }
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
    constant_in_file(c, None)
}

/// A constant of code compiled from `filename` (nested code objects share
/// that one filename object, as CPython's compiler gives them).
fn constant_in_file(c: &Constant, filename: Option<&Obj>) -> Obj {
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
            // Constants made of name characters are interned, as CPython does.
            if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                pystr::intern(s)
            } else {
                pystr::new(s)
            }
        }
        Constant::StrCodePoints(cps) => pystr::from_code_points(cps),
        Constant::Bytes(b) => crate::types::bytes::new(b),
        Constant::Tuple(items) => tuple::from_vec(items.iter().map(|c| constant_in_file(c, filename)).collect()),
        Constant::FrozenSet(items) => {
            crate::types::set::new_frozenset(items.iter().map(constant_to_object).collect())
                .expect("frozenset constant of hashable items")
        }
        Constant::Code(unit) => match filename {
            Some(f) if pystr::as_str(f) == Some(unit.filename.as_str()) => build(unit, f),
            _ => from_unit(unit),
        },
    }
}

/// Builds a code object from the compiler's output.
pub fn from_unit(u: &CodeUnit) -> Obj {
    build(u, &pystr::new(&u.filename))
}

fn build(u: &CodeUnit, filename: &Obj) -> Obj {
    let consts = tuple::from_vec(u.constants.iter().map(|c| constant_in_file(c, Some(filename))).collect());
    let names = tuple::from_vec(u.names.iter().map(|n| pystr::intern(n)).collect());
    let lpn = tuple::from_vec(u.localsplus_names.iter().map(|n| pystr::intern(n)).collect());
    let nlocals = u.localsplus_kinds.iter().filter(|k| **k & krait_bytecode::fast::LOCAL != 0).count();
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut CodeObject;
        (*p).data = Box::into_raw(Box::new(CodeData {
            words: u.code.clone(),
            locations: Locations::unpacked(u.locations.clone()),
            exception_table: u.exception_table.clone(),
            localsplus_kinds: u.localsplus_kinds.clone(),
            has_docstring: u.has_docstring,
        }));
        (*p).consts = consts.into_raw();
        (*p).names = names.into_raw();
        (*p).localsplusnames = lpn.into_raw();
        (*p).name = pystr::intern(&u.name).into_raw();
        (*p).qualname = pystr::new(&u.qualname).into_raw();
        (*p).filename = filename.clone().into_raw();
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

/// A code object's contents, as marshal reads them back.
pub struct CodeParts {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub firstlineno: u32,
    pub words: Vec<u32>,
    pub locations: Locations,
    pub exception_table: Vec<ExceptionEntry>,
    pub localsplus_kinds: Vec<u8>,
    pub has_docstring: bool,
    pub consts: Obj,
    pub names: Obj,
    pub localsplusnames: Obj,
    pub filename: Obj,
    pub name: Obj,
    pub qualname: Obj,
}

/// Builds a code object from already-made parts (marshal's loader).
pub fn from_parts(p: CodeParts) -> Obj {
    let nlocals = p.localsplus_kinds.iter().filter(|k| **k & krait_bytecode::fast::LOCAL != 0).count();
    let nfree = p.localsplus_kinds.iter().filter(|k| **k & krait_bytecode::fast::FREE != 0).count();
    unsafe {
        let o = alloc::alloc_object(type_ptr(), 0) as *mut CodeObject;
        (*o).nlocalsplus = p.localsplus_kinds.len() as u32;
        (*o).data = Box::into_raw(Box::new(CodeData {
            words: p.words,
            locations: p.locations,
            exception_table: p.exception_table,
            localsplus_kinds: p.localsplus_kinds,
            has_docstring: p.has_docstring,
        }));
        (*o).consts = p.consts.into_raw();
        (*o).names = p.names.into_raw();
        (*o).localsplusnames = p.localsplusnames.into_raw();
        (*o).name = p.name.into_raw();
        (*o).qualname = p.qualname.into_raw();
        (*o).filename = p.filename.into_raw();
        (*o).argcount = p.argcount;
        (*o).posonlyargcount = p.posonlyargcount;
        (*o).kwonlyargcount = p.kwonlyargcount;
        (*o).flags = p.flags;
        (*o).stacksize = p.stacksize;
        (*o).nlocals = nlocals as u32;
        (*o).nfree = nfree as u32;
        (*o).firstlineno = p.firstlineno;
        Obj::from_owned(o as *mut PyObject)
    }
}

/// Source location of the instruction at word index `i`.
pub fn location_at(o: &Obj, i: usize) -> Location {
    data(o).locations.get().get(i).copied().unwrap_or_default()
}

/// Line number of the instruction at word index `i` (or the first line);
/// 0 for none, only in code given a location table by `code.replace`.
pub fn line_at(o: &Obj, i: usize) -> u32 {
    let d = data(o);
    if d.locations.exact {
        return d.locations.get().get(i).map_or(0, |l| l.line);
    }
    // An instruction without a line of its own (a loop's jump back, an
    // implicit return) belongs to the line before it, as CPython's
    // compiler propagates them.
    let locs = data(o).locations.get();
    if i < locs.len() {
        for j in (0..=i).rev() {
            if locs[j].line != 0 {
                return locs[j].line;
            }
        }
    }
    code(o).firstlineno
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
    // CPython-shaped code units (krait_bytecode::pyview), so that the
    // stdlib's dis reads krait's instructions.
    Ok(crate::types::bytes::new(&krait_bytecode::pyview::code_units(&data(o).words)))
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
        let l = d.locations.get().get(i).copied().unwrap_or_default();
        let opt = |v: u32, valid: bool| if valid { int::from_i64(v as i64) } else { none::none() };
        let has = l.line != 0;
        let cols = has && l.has_cols();
        let (op, _) = krait_bytecode::decode(d.words[i]);
        let n = krait_bytecode::Opcode::from_u8(op).map(|o| o.cache_entries()).unwrap_or(0);
        // One entry per 2-byte code unit of co_code, as CPython's.
        for _ in 0..(1 + n) * krait_bytecode::pyview::UNITS_PER_WORD as usize {
            out.push(tuple::new(&[opt(l.line, has), opt(l.end_line, has), opt(l.col, cols), opt(l.end_col, cols)]));
        }
        i += 1 + n;
    }
    crate::ops::iter(&crate::types::list::from_vec(out))
}

/// (start, end, line) in co_code byte offsets (4 per krait instruction
/// word) for each run of instructions on one line; None for no line.
fn line_runs(d: &CodeData) -> Vec<(usize, usize, Option<u32>)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, u32)> = None;
    let line_of = |l: u32| (l != 0).then_some(l);
    for i in 0..d.words.len() {
        let l = d.locations.get().get(i).map(|l| l.line).unwrap_or(0);
        match run {
            Some((_, rl)) if rl == l => {}
            Some((start, rl)) => {
                out.push((start * 4, i * 4, line_of(rl)));
                run = Some((i, l));
            }
            None => run = Some((i, l)),
        }
    }
    if let Some((start, rl)) = run {
        out.push((start * 4, d.words.len() * 4, line_of(rl)));
    }
    out
}

/// `co_lines()`: the runs of `line_runs`.
fn co_lines(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("code.co_lines", a, k, 0, 0)?;
    let out: Vec<Obj> = line_runs(data(slf))
        .into_iter()
        .map(|(start, end, line)| {
            let line = line.map(|l| int::from_i64(l as i64)).unwrap_or_else(none::none);
            tuple::new(&[int::from_usize(start), int::from_usize(end), line])
        })
        .collect();
    crate::ops::iter(&crate::types::list::from_vec(out))
}

fn get_linetable(o: &Obj) -> PyResult<Obj> {
    let d = data(o);
    Ok(crate::types::bytes::new(&super::code_tables::linetable(d.locations.get(), d.words.len(), code(o).firstlineno)))
}

fn get_exceptiontable(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bytes::new(&super::code_tables::exceptiontable(&data(o).exception_table)))
}

fn get_lnotab(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bytes::new(&super::code_tables::lnotab(&line_runs(data(o)), code(o).firstlineno)))
}

/// `_varname_from_oparg(i)` (used by dis): the name of local slot `i`.
fn co_varname_from_oparg(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("code._varname_from_oparg", a, k, 1, 1)?;
    let i = crate::types::int::index_isize(&a[0])?;
    let names = unsafe { Obj::from_borrowed(code(slf).localsplusnames) };
    match usize::try_from(i).ok().and_then(|i| tuple::items(&names).get(i).cloned()) {
        Some(n) => Ok(n),
        None => crate::bail!(IndexError, "tuple index out of range"),
    }
}

/// `code.replace(**changes)`: a copy with some attributes changed. krait
/// runs only bytecode it compiled, so co_code and co_exceptiontable can
/// only be given their current value; a new co_linetable is read back into
/// krait's per-word locations.
fn co_replace(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let nkw = k.map(tuple::len).unwrap_or(0);
    if a.len() > nkw {
        crate::bail!(TypeError, "replace() takes no positional arguments");
    }
    let c = code(slf);
    let d = data(slf);
    let mut new_data = CodeData {
        words: d.words.clone(),
        locations: d.locations.clone(),
        exception_table: d.exception_table.clone(),
        localsplus_kinds: d.localsplus_kinds.clone(),
        has_docstring: d.has_docstring,
    };
    let borrowed = |p: *mut PyObject| unsafe { Obj::from_borrowed(p) };
    let (mut consts, mut names, mut lpn) = (borrowed(c.consts), borrowed(c.names), borrowed(c.localsplusnames));
    let (mut name, mut qualname, mut filename) = (borrowed(c.name), borrowed(c.qualname), borrowed(c.filename));
    let mut ints = [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.stacksize, c.firstlineno, c.nlocals];
    let int_names = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_flags", "co_stacksize", "co_firstlineno", "co_nlocals"];
    let kws = k.map(|k| tuple::items(k).to_vec()).unwrap_or_default();
    let mut new_linetable = None;
    for (i, key) in kws.iter().enumerate() {
        let key = pystr::to_string_lossy(key);
        let v = &a[a.len() - nkw + i];
        let need = |what: &str, ok: bool| -> PyResult<()> {
            if !ok {
                crate::bail!(TypeError, "replace() argument '{}' must be {}, not {}", key, what, v.ty().name());
            }
            Ok(())
        };
        let str_tuple = |v: &Obj| tuple::is_tuple(v) && tuple::items(v).iter().all(pystr::is_str);
        if let Some(j) = int_names.iter().position(|n| *n == key) {
            need("int", int::is_int(v))?;
            ints[j] = match int::as_i64(v).and_then(|x| u32::try_from(x).ok()) {
                Some(x) => x,
                None => crate::bail!(ValueError, "{} must be a non-negative int that fits in 32 bits", key),
            };
            continue;
        }
        match key.as_str() {
            "co_consts" => {
                need("tuple", tuple::is_tuple(v))?;
                consts = v.clone();
            }
            "co_names" => {
                need("tuple", tuple::is_tuple(v))?;
                if !str_tuple(v) {
                    crate::bail!(TypeError, "name tuples must contain only strings, not '{}'", "object");
                }
                names = v.clone();
            }
            "co_name" | "co_qualname" | "co_filename" => {
                need("str", pystr::is_str(v))?;
                match key.as_str() {
                    "co_name" => name = v.clone(),
                    "co_qualname" => qualname = v.clone(),
                    _ => filename = v.clone(),
                }
            }
            "co_varnames" | "co_cellvars" | "co_freevars" => {
                need("tuple", tuple::is_tuple(v))?;
                if !str_tuple(v) {
                    crate::bail!(TypeError, "name tuples must contain only strings, not '{}'", "object");
                }
                let kind = match key.as_str() {
                    "co_varnames" => krait_bytecode::fast::LOCAL,
                    "co_cellvars" => krait_bytecode::fast::CELL,
                    _ => krait_bytecode::fast::FREE,
                };
                // The frame layout is fixed by the compiled code: renaming
                // is possible, adding or removing slots is not.
                let slots: Vec<usize> = new_data.localsplus_kinds.iter().enumerate().filter(|(_, k)| **k & kind != 0).map(|(i, _)| i).collect();
                let given = tuple::items(v);
                if given.len() != slots.len() {
                    crate::bail!(ValueError, "code: {} must have {} names in krait's compiled layout", key, slots.len());
                }
                let mut all = tuple::items(&lpn).to_vec();
                for (slot, n) in slots.into_iter().zip(given) {
                    all[slot] = n.clone();
                }
                lpn = tuple::from_vec(all);
            }
            "co_linetable" => {
                need("bytes", crate::types::bytes::is_bytes(v))?;
                if !crate::ops::eq(&get_linetable(slf)?, v)? {
                    // Read once co_firstlineno, which it counts from, is known.
                    new_linetable = Some(v.clone());
                }
            }
            "co_code" | "co_exceptiontable" | "co_lnotab" => {
                let current = match key.as_str() {
                    "co_code" => get_code(slf)?,
                    "co_exceptiontable" => get_exceptiontable(slf)?,
                    _ => get_lnotab(slf)?,
                };
                let same = crate::ops::eq(&current, v)?;
                if !same {
                    crate::bail!(ValueError, "code.replace(): krait runs only bytecode it compiled itself; {} cannot be changed", key);
                }
            }
            _ => crate::bail!(TypeError, "'{}' is an invalid keyword argument for replace()", key),
        }
    }
    if let Some(t) = new_linetable {
        match super::code_tables::parse_linetable(crate::types::bytes::as_slice(&t), new_data.words.len(), ints[5]) {
            Ok(locs) => new_data.locations = Locations::exact(locs),
            Err(why) => crate::bail!(ValueError, "code.replace(): co_linetable: {}", why),
        }
    }
    // Arguments are bound into the compiled frame layout: the parameters
    // must still fit the local slots it has.
    let nlocal_slots = new_data.localsplus_kinds.iter().filter(|k| **k & krait_bytecode::fast::LOCAL != 0).count() as u32;
    let star = |flag: u32| u32::from(ints[3] & flag != 0);
    let nparams = ints[0] + ints[2] + star(krait_bytecode::flags::VARARGS) + star(krait_bytecode::flags::VARKEYWORDS);
    if ints[1] > ints[0] || nparams > nlocal_slots {
        crate::bail!(ValueError, "code: co_argcount/co_kwonlyargcount/co_flags describe more parameters than the code has locals");
    }
    if ints[6] != c.nlocals {
        crate::bail!(ValueError, "code: co_nlocals must match the compiled layout ({})", c.nlocals);
    }
    unsafe {
        let p = alloc::alloc_object(type_ptr(), 0) as *mut CodeObject;
        (*p).data = Box::into_raw(Box::new(new_data));
        (*p).consts = consts.into_raw();
        (*p).names = names.into_raw();
        (*p).localsplusnames = lpn.into_raw();
        (*p).name = name.into_raw();
        (*p).qualname = qualname.into_raw();
        (*p).filename = filename.into_raw();
        (*p).argcount = ints[0];
        (*p).posonlyargcount = ints[1];
        (*p).kwonlyargcount = ints[2];
        (*p).flags = ints[3];
        (*p).stacksize = c.stacksize.max(ints[4]);
        (*p).firstlineno = ints[5];
        (*p).nlocals = ints[6];
        (*p).nlocalsplus = c.nlocalsplus;
        (*p).nfree = c.nfree;
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

/// Constants compare as CPython's _PyCode_ConstantKey makes them: of the
/// same type, floats and complex numbers bit for bit (0.0 is not -0.0),
/// containers item by item.
fn same_const(a: &Obj, b: &Obj) -> crate::errors::PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.type_ptr() != b.type_ptr() {
        return Ok(false);
    }
    if crate::types::float::is_float(a) {
        return Ok(crate::types::float::value(a).to_bits() == crate::types::float::value(b).to_bits());
    }
    if crate::types::tuple::is_tuple(a) {
        let (x, y) = (crate::types::tuple::items(a), crate::types::tuple::items(b));
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !same_const(p, q)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if crate::types::complex::is_complex(a) {
        let (x, y) = (crate::types::complex::parts(a), crate::types::complex::parts(b));
        return Ok(x.0.to_bits() == y.0.to_bits() && x.1.to_bits() == y.1.to_bits());
    }
    crate::ops::eq(a, b)
}

/// Code objects are equal when they would run the same: names, counts,
/// flags, first line, instructions, positions, exception table and
/// constants (not the file name), as CPython 3.11's code_richcompare.
fn code_eq(a: &Obj, b: &Obj) -> crate::errors::PyResult<bool> {
    let (x, y) = (code(a), code(b));
    let (dx, dy) = (data(a), data(b));
    let same = |p: &*mut PyObject, q: &*mut PyObject| unsafe { crate::ops::eq(Obj::borrow_slot(p), Obj::borrow_slot(q)) };
    if x.argcount != y.argcount
        || x.posonlyargcount != y.posonlyargcount
        || x.kwonlyargcount != y.kwonlyargcount
        || x.flags != y.flags
        || x.firstlineno != y.firstlineno
        || dx.words != dy.words
        || dx.locations != dy.locations
        || dx.exception_table != dy.exception_table
        || dx.localsplus_kinds != dy.localsplus_kinds
    {
        return Ok(false);
    }
    if !same(&x.name, &y.name)? || !same(&x.names, &y.names)? || !same(&x.localsplusnames, &y.localsplusnames)? {
        return Ok(false);
    }
    unsafe { same_const(Obj::borrow_slot(&x.consts), Obj::borrow_slot(&y.consts)) }
}

fn code_richcompare(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> crate::errors::PyResult<Obj> {
    use krait_bytecode::CompareOp::{Eq, Ne};
    if !is_code(a) || !is_code(b) || !matches!(op, Eq | Ne) {
        return Ok(crate::types::none::not_implemented());
    }
    let eq = code_eq(a, b)?;
    Ok(crate::types::bool_::from_bool(if op == Eq { eq } else { !eq }))
}
crate::richcmp_slot!(code_richcompare_slot => code_richcompare);

/// Consistent with `code_eq`: the name, the counts, flags and instructions.
fn code_hash(o: &Obj) -> crate::errors::PyResult<isize> {
    use std::hash::{Hash, Hasher};
    let c = code(o);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.firstlineno).hash(&mut h);
    data(o).words.hash(&mut h);
    let name = crate::ops::hash(unsafe { Obj::borrow_slot(&c.name) })?;
    name.hash(&mut h);
    let v = h.finish() as isize;
    Ok(if v == -1 { -2 } else { v })
}
crate::hash_slot!(code_hash_slot => code_hash);

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "code", std::mem::size_of::<CodeObject>(), 0);
        (*t).tp_dealloc = Some(code_dealloc);
        (*t).tp_repr = Some(code_repr_slot);
        (*t).tp_weaklistoffset = std::mem::offset_of!(CodeObject, weakreflist) as isize;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_richcompare = Some(code_richcompare_slot);
        (*t).tp_hash = Some(code_hash_slot);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[
            crate::types::builtin_func::method("co_positions", co_positions),
            crate::types::builtin_func::method("co_lines", co_lines),
            crate::types::builtin_func::method("replace", co_replace),
            crate::types::builtin_func::method("_varname_from_oparg", co_varname_from_oparg),
        ]);
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
            GetSetSpec::get("co_linetable", get_linetable),
            GetSetSpec::get("co_exceptiontable", get_exceptiontable),
            GetSetSpec::get("co_lnotab", get_lnotab),
        ]);
    }
    let _ = null_mut::<PyObject>();
}
