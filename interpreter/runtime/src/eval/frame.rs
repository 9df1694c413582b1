//! Frame objects. Each Python call gets one: the first fields follow CPython
//! 3.11's PyFrameObject (f_back, f_frame, f_trace, f_lineno — Cython reads
//! and writes them), then krait's execution state, then the fast locals
//! ("localsplus": locals, cells, free variables) and the value stack inline.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::types::code::{self, CodeObject};
use crate::types::function::{self, FunctionObject};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{cell, dict, int, none, str as pystr, tuple};
use std::os::raw::c_void;
use std::ptr::null_mut;

#[repr(C)]
pub struct FrameObject {
    pub ob_base: PyObject,
    pub f_back: *mut PyObject,
    pub f_frame: *mut c_void,
    pub f_trace: *mut PyObject,
    pub f_lineno: i32,
    pub f_trace_lines: u8,
    pub f_trace_opcodes: u8,
    pub f_fast_as_locals: u8,
    pub state: u8,
    pub code: *mut PyObject,
    pub func: *mut PyObject,
    pub globals: *mut PyObject,
    pub builtins: *mut PyObject,
    pub locals: *mut PyObject,
    /// The generator/coroutine owning this frame (borrowed), or null.
    pub gen: *mut PyObject,
    /// Pending keyword names of the next CALL (borrowed from the constants).
    pub kw_names: *mut PyObject,
    /// The dict `locals()` returns for a function frame (CPython's
    /// f_locals): kept, so names exec() adds to it stay visible.
    pub locals_cache: *mut PyObject,
    /// Word index of the next instruction.
    pub ip: u32,
    /// Word index of the instruction being executed (for tracebacks).
    pub lasti: u32,
    /// Number of values on the stack.
    pub sp: u32,
    pub nlocalsplus: u32,
    pub stacksize: u32,
    /// Where a trace function's assignment to `f_lineno` sends the frame
    /// (u32::MAX: no jump requested).
    pub jump_to: u32,
    /// While traced: the line of the instruction last run (an instruction
    /// without a line inherits its predecessor's); -1 before the first.
    pub trace_line: i32,
    /// Set when this frame was entered from Rust: returning from it leaves
    /// the evaluation loop.
    pub is_entry: u8,
    _pad: [u8; 3],
    pub slots: [*mut PyObject; 0],
}

const _: () = {
    assert!(std::mem::offset_of!(FrameObject, f_back) == 16);
    assert!(std::mem::offset_of!(FrameObject, f_frame) == 24);
    assert!(std::mem::offset_of!(FrameObject, f_lineno) == 40);
};

pub mod state {
    pub const CREATED: u8 = 0;
    pub const EXECUTING: u8 = 1;
    pub const SUSPENDED: u8 = 2;
    pub const COMPLETED: u8 = 3;
}

#[no_mangle]
pub static mut PyFrame_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut PyFrame_Type
}

pub fn is_frame(o: &Obj) -> bool {
    o.is_type(type_ptr())
}

impl FrameObject {
    #[inline]
    pub fn localsplus(&mut self) -> *mut *mut PyObject {
        self.slots.as_mut_ptr()
    }

    #[inline]
    pub fn stack_base(&mut self) -> *mut *mut PyObject {
        unsafe { self.slots.as_mut_ptr().add(self.nlocalsplus as usize) }
    }

    #[inline]
    pub fn code_obj(&self) -> &Obj {
        unsafe { Obj::borrow_slot(&self.code) }
    }
}

/// A new frame for `code` with the given namespaces (locals only for
/// non-optimized code: modules, class bodies, exec).
pub fn new(code_obj: &Obj, globals: &Obj, builtins: &Obj, locals: Option<&Obj>, func: Option<&Obj>) -> Obj {
    let c = code::code(code_obj);
    let n = (c.nlocalsplus + c.stacksize) as isize;
    unsafe {
        let p = alloc::alloc_object(type_ptr(), n) as *mut FrameObject;
        assert!(!p.is_null(), "out of memory allocating a frame");
        let f = &mut *p;
        f.f_back = null_mut();
        f.f_frame = p as *mut c_void;
        f.code = code_obj.clone().into_raw();
        f.globals = globals.clone().into_raw();
        f.builtins = builtins.clone().into_raw();
        f.locals = locals.map(|l| l.clone().into_raw()).unwrap_or(null_mut());
        f.func = func.map(|x| x.clone().into_raw()).unwrap_or(null_mut());
        f.nlocalsplus = c.nlocalsplus;
        f.stacksize = c.stacksize;
        // f_lineno is only set while a trace function runs (CPython's rule):
        // otherwise the line comes from the current instruction.
        f.f_lineno = 0;
        f.f_trace_lines = 1;
        f.jump_to = u32::MAX;
        f.trace_line = -1;
        Obj::from_owned(p as *mut PyObject)
    }
}

#[inline]
pub fn frame_mut(o: &Obj) -> &mut FrameObject {
    unsafe { o.cast_mut::<FrameObject>() }
}

/// Creates the frame of a call to Python function `f`, binding arguments to
/// parameters with CPython's rules and error messages.
pub fn new_for_call(f: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let fo = function::func(f);
    let code_obj = function::code_of(f);
    let globals = unsafe { Obj::borrow_slot(&fo.func_globals) };
    // As CPython's function call: code that is not optimized (module code
    // made into a function with types.FunctionType) uses the globals as
    // its locals.
    let locals = if code::code(code_obj).flags & krait_bytecode::flags::OPTIMIZED == 0 { Some(globals) } else { None };
    let frame = new(code_obj, globals, unsafe { Obj::borrow_slot(&fo.func_builtins) }, locals, Some(f));
    bind_args(&frame, f, fo, code_obj, args, kwnames)?;
    Ok(frame)
}

fn bind_args(frame: &Obj, f: &Obj, fo: &FunctionObject, code_obj: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<()> {
    let c = code::code(code_obj);
    let fr = frame_mut(frame);
    let lp = fr.localsplus();
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let flags = c.flags;
    let has_varargs = flags & krait_bytecode::flags::VARARGS != 0;
    let has_varkw = flags & krait_bytecode::flags::VARKEYWORDS != 0;
    let nkw = kwnames.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let total = argcount + kwonly;
    let set = |i: usize, v: Obj| unsafe { crate::object::xsetref(lp.add(i), v.into_raw()) };

    // Fast path: exact positional call without defaults or specials.
    if nkw == 0 && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        for (i, a) in args.iter().enumerate() {
            unsafe { *lp.add(i) = a.clone().into_raw() };
        }
        return Ok(());
    }

    let names = unsafe { Obj::borrow_slot(&c.localsplusnames) };
    let names = tuple::items(names);
    let qual = || pystr::to_string_lossy(unsafe { Obj::borrow_slot(&fo.func_qualname) });

    let mut kwdict = None;
    if has_varkw {
        let d = dict::new();
        set(total + has_varargs as usize, d.clone());
        kwdict = Some(d);
    }
    let n = npos.min(argcount);
    for i in 0..n {
        set(i, args[i].clone());
    }
    if has_varargs {
        let rest = if npos > argcount { tuple::new(&args[argcount..npos]) } else { tuple::new(&[]) };
        set(total, rest);
    }
    // Keyword arguments.
    if let Some(kn) = kwnames {
        for (j, key) in tuple::items(kn).iter().enumerate() {
            let value = &args[npos + j];
            let posonly = c.posonlyargcount as usize;
            let mut found = None;
            for i in posonly..total {
                if names[i].is(key) || (pystr::is_str(key) && pystr::eq(&names[i], key)) {
                    found = Some(i);
                    break;
                }
            }
            match found {
                Some(i) => {
                    if unsafe { !(*lp.add(i)).is_null() } {
                        crate::bail!(TypeError, "{}() got multiple values for argument '{}'", qual(), pystr::to_string_lossy(key));
                    }
                    set(i, value.clone());
                }
                None => {
                    if let Some(d) = &kwdict {
                        dict::set_item(d, key, value)?;
                        continue;
                    }
                    // A positional-only name passed by keyword?
                    if (0..posonly).any(|i| pystr::eq(&names[i], key)) {
                        // CPython names every positional-only parameter given
                        // by keyword, in parameter order.
                        let given: Vec<String> = (0..posonly)
                            .filter(|&i| tuple::items(kn).iter().any(|k| pystr::is_str(k) && pystr::eq(&names[i], k)))
                            .map(|i| pystr::to_string_lossy(&names[i]))
                            .collect();
                        crate::bail!(
                            TypeError,
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            qual(),
                            given.join(", ")
                        );
                    }
                    crate::bail!(TypeError, "{}() got an unexpected keyword argument '{}'", qual(), pystr::to_string_lossy(key));
                }
            }
        }
    }
    if npos > argcount && !has_varargs {
        let defaults = unsafe { crate::object::opt_from_borrowed(fo.func_defaults) };
        let ndef = defaults.as_ref().map(tuple::len).unwrap_or(0);
        let kwgiven = (argcount..total).filter(|i| unsafe { !(*lp.add(*i)).is_null() }).count();
        let plural = if argcount == 1 { "" } else { "s" };
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argcount - ndef, argcount)
        } else {
            format!("{} positional argument{}", argcount, plural)
        };
        let given = if kwgiven > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kwgiven,
                if kwgiven == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        crate::bail!(TypeError, "{}() takes {} but {}", qual(), takes, given);
    }
    // Defaults and missing arguments.
    let defaults = unsafe { crate::object::opt_from_borrowed(fo.func_defaults) };
    let ndef = defaults.as_ref().map(tuple::len).unwrap_or(0);
    let mut missing = Vec::new();
    for i in npos.min(argcount)..argcount {
        if unsafe { (*lp.add(i)).is_null() } {
            if i + ndef >= argcount {
                let d = &tuple::items(defaults.as_ref().unwrap())[i + ndef - argcount];
                set(i, d.clone());
            } else {
                missing.push(pystr::to_string_lossy(&names[i]));
            }
        }
    }
    if !missing.is_empty() {
        crate::bail!(
            TypeError,
            "{}() missing {} required positional argument{}: {}",
            qual(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        );
    }
    if kwonly > 0 {
        let kwdefaults = unsafe { crate::object::opt_from_borrowed(fo.func_kwdefaults) };
        let mut missing = Vec::new();
        for i in argcount..total {
            if unsafe { (*lp.add(i)).is_null() } {
                let d = match &kwdefaults {
                    Some(kd) => dict::get_item(kd, &names[i])?,
                    None => None,
                };
                match d {
                    Some(d) => set(i, d),
                    None => missing.push(pystr::to_string_lossy(&names[i])),
                }
            }
        }
        if !missing.is_empty() {
            crate::bail!(
                TypeError,
                "{}() missing {} required keyword-only argument{}: {}",
                qual(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            );
        }
    }
    let _ = f;
    Ok(())
}

fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Releases the value stack of a frame that ends with an exception; its
/// locals stay while the traceback keeps the frame (CPython copies them into
/// the frame object then), and go with it.
pub fn clear_stack(fr: &mut FrameObject) {
    unsafe {
        let sb = fr.stack_base();
        for i in 0..fr.sp as usize {
            crate::object::xdecref(std::mem::replace(&mut *sb.add(i), null_mut()));
        }
        fr.sp = 0;
    }
}

/// Pops the top of a suspended (traced) frame's value stack.
pub fn pop_value(fr: &mut FrameObject) -> Option<Obj> {
    if fr.sp == 0 {
        return None;
    }
    fr.sp -= 1;
    unsafe {
        let p = std::mem::replace(&mut *fr.stack_base().add(fr.sp as usize), null_mut());
        crate::object::opt_from_owned(p)
    }
}

/// A returning frame lets go of its values unless something outside the
/// call still holds the frame (a traceback, `sys._getframe()`): then, as
/// in CPython, its locals stay readable through `f_locals`.
pub fn release_on_return(f: *mut PyObject, fr: &mut FrameObject) {
    // The running call's reference, and a generator's own one.
    let own = if fr.gen.is_null() { 1 } else { 2 };
    if unsafe { (*f).ob_refcnt } > own {
        clear_stack(fr);
    } else {
        clear_values(fr);
        if !fr.gen.is_null() {
            // A finished generator's frame no longer links to its last
            // caller (which would keep that frame and its locals alive).
            unsafe { crate::object::xsetref(&mut fr.f_back, null_mut()) };
        }
    }
}

/// Releases everything a finished frame holds except what tracebacks need
/// (code, globals), so that objects die on time.
pub fn clear_values(fr: &mut FrameObject) {
    unsafe {
        let n = fr.nlocalsplus as usize;
        let lp = fr.localsplus();
        for i in 0..n {
            crate::object::xdecref(std::mem::replace(&mut *lp.add(i), null_mut()));
        }
        let sb = fr.stack_base();
        for i in 0..fr.sp as usize {
            crate::object::xdecref(std::mem::replace(&mut *sb.add(i), null_mut()));
        }
        fr.sp = 0;
    }
}

unsafe extern "C" fn frame_dealloc(p: *mut PyObject) {
    let fr = &mut *(p as *mut FrameObject);
    clear_values(fr);
    for slot in [&mut fr.f_back, &mut fr.f_trace, &mut fr.code, &mut fr.func, &mut fr.globals, &mut fr.builtins, &mut fr.locals, &mut fr.locals_cache] {
        crate::object::xdecref(std::mem::replace(slot, null_mut()));
    }
    alloc::free_object(p);
}

unsafe extern "C" fn frame_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut c_void) -> i32 {
    let fr = &mut *(p as *mut FrameObject);
    for x in [fr.f_back, fr.f_trace, fr.code, fr.func, fr.globals, fr.builtins, fr.locals, fr.locals_cache] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    let n = (fr.nlocalsplus + fr.sp) as usize;
    let lp = fr.localsplus();
    for i in 0..n {
        let x = *lp.add(i);
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn frame_clear_slot(p: *mut PyObject) -> i32 {
    let fr = &mut *(p as *mut FrameObject);
    clear_values(fr);
    crate::object::xdecref(std::mem::replace(&mut fr.locals, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut fr.locals_cache, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut fr.f_back, null_mut()));
    0
}

/// `frame.f_locals`: the locals mapping (built from fast locals for functions).
pub fn locals_of(o: &Obj) -> PyResult<Obj> {
    let fr = frame_mut(o);
    if !fr.locals.is_null() {
        return Ok(unsafe { Obj::from_borrowed(fr.locals) });
    }
    let d = if fr.locals_cache.is_null() {
        let d = dict::new();
        fr.locals_cache = d.clone().into_raw();
        d
    } else {
        unsafe { Obj::from_borrowed(fr.locals_cache) }
    };
    let code_obj = fr.code_obj().clone();
    let c = code::code(&code_obj);
    let names = tuple::items(unsafe { Obj::borrow_slot(&c.localsplusnames) });
    let kinds = &code::data(&code_obj).localsplus_kinds;
    let lp = fr.localsplus();
    for (i, name) in names.iter().enumerate() {
        let v = unsafe { *lp.add(i) };
        let value = if v.is_null() {
            None
        } else {
            let v = unsafe { Obj::borrow_slot(&v) };
            let is_cell = kinds[i] & (krait_bytecode::fast::CELL | krait_bytecode::fast::FREE) != 0;
            if is_cell && cell::is_cell(v) {
                // A cell slot before MAKE_CELL ran holds the plain argument.
                cell::get(v)
            } else {
                Some(v.clone())
            }
        };
        match value {
            Some(x) => dict::set_item(&d, name, &x)?,
            // An unbound local leaves the snapshot, as FastToLocals does.
            None => {
                dict::del_item_opt(&d, name)?;
            }
        }
    }
    Ok(d)
}

/// Copies `f_locals` back into the fast locals after a trace function ran
/// (CPython's PyFrame_LocalsToFast): assignments and deletions it made to
/// the dict take effect. Free variables of class bodies stay as they are.
pub fn locals_to_fast(o: &Obj) {
    let fr = frame_mut(o);
    if !fr.locals.is_null() || fr.locals_cache.is_null() {
        return;
    }
    let d = unsafe { Obj::from_borrowed(fr.locals_cache) };
    let code_obj = fr.code_obj().clone();
    let c = code::code(&code_obj);
    let names = tuple::items(unsafe { Obj::borrow_slot(&c.localsplusnames) });
    let kinds = &code::data(&code_obj).localsplus_kinds;
    let lp = fr.localsplus();
    for (i, name) in names.iter().enumerate() {
        let value = match dict::get_item(&d, name) {
            Ok(v) => v,
            Err(_) => {
                crate::errors::clear();
                continue;
            }
        };
        let slot = unsafe { &mut *lp.add(i) };
        let is_cell = kinds[i] & (krait_bytecode::fast::CELL | krait_bytecode::fast::FREE) != 0;
        if is_cell && !slot.is_null() && cell::is_cell(unsafe { Obj::borrow_slot(slot) }) {
            let cl = unsafe { Obj::borrow_slot(slot) };
            let same = match (&value, cell::get(cl)) {
                (Some(a), Some(b)) => a.is(&b),
                (None, None) => true,
                _ => false,
            };
            if !same {
                cell::set(cl, value);
            }
        } else {
            let new = crate::object::opt_into_raw(value);
            let old = std::mem::replace(slot, new);
            unsafe { crate::object::xdecref(old) };
        }
    }
}

fn get_back(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(frame_mut(o).f_back) }.unwrap_or_else(none::none))
}
fn get_code(o: &Obj) -> PyResult<Obj> {
    Ok(frame_mut(o).code_obj().clone())
}
fn get_globals(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(frame_mut(o).globals) })
}
fn get_builtins(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(frame_mut(o).builtins) })
}
fn get_locals(o: &Obj) -> PyResult<Obj> {
    locals_of(o)
}
fn get_lineno(o: &Obj) -> PyResult<Obj> {
    let fl = frame_mut(o).f_lineno;
    let line = if fl != 0 { fl as i64 } else { line_of(o) as i64 };
    // Only code with a replaced location table has instructions without a line.
    Ok(if line == 0 { crate::types::none::none() } else { int::from_i64(line) })
}
fn set_lineno(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    super::jump::set_lineno(o, v)
}
fn get_trace_lines(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bool_::from_bool(frame_mut(o).f_trace_lines != 0))
}
fn set_trace_lines(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    frame_mut(o).f_trace_lines = trace_flag(v, "f_trace_lines")?;
    Ok(())
}
fn get_trace_opcodes(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bool_::from_bool(frame_mut(o).f_trace_opcodes != 0))
}
fn set_trace_opcodes(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    frame_mut(o).f_trace_opcodes = trace_flag(v, "f_trace_opcodes")?;
    Ok(())
}
fn trace_flag(v: Option<&Obj>, name: &str) -> PyResult<u8> {
    match v {
        Some(v) if crate::types::bool_::is_bool(v) => Ok(crate::ops::truthy(v)? as u8),
        _ => crate::bail!(TypeError, "attribute value type must be bool"),
    }
    .map_err(|e| {
        let _ = name;
        e
    })
}
fn get_lasti(o: &Obj) -> PyResult<Obj> {
    // The offset of the instruction's opcode unit in co_code (after its
    // EXTENDED_ARG prefix unit; 4 bytes per word), as dis marks it.
    Ok(int::from_i64(frame_mut(o).lasti as i64 * 4 + 2))
}
fn get_trace(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(frame_mut(o).f_trace) }.unwrap_or_else(none::none))
}
fn set_trace(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = v.filter(|v| !none::is_none(v)).cloned();
    unsafe { crate::object::xsetref(&mut frame_mut(o).f_trace, crate::object::opt_into_raw(v)) };
    Ok(())
}

/// The current line of a frame.
pub fn line_of(o: &Obj) -> u32 {
    let fr = frame_mut(o);
    if fr.state == state::CREATED {
        return code::code(fr.code_obj()).firstlineno;
    }
    code::line_at(fr.code_obj(), fr.lasti as usize)
}

fn frame_repr(o: &Obj) -> PyResult<Obj> {
    let fr = frame_mut(o);
    let c = code::code(fr.code_obj());
    Ok(pystr::new(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.as_ptr() as usize,
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.filename) }),
        line_of(o),
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.name) })
    )))
}
crate::unary_slot!(frame_repr_slot => frame_repr);

fn frame_clear_method(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    let fr = frame_mut(slf);
    if fr.state == state::EXECUTING {
        crate::bail!(RuntimeError, "cannot clear an executing frame");
    }
    if !fr.gen.is_null() {
        // A generator's frame: the generator is finalized as if it died
        // (closed, or warned about when a coroutine never ran).
        let gen = unsafe { Obj::from_borrowed(fr.gen) };
        crate::types::generator::finalize(&gen);
        return Ok(none::none());
    }
    clear_values(fr);
    Ok(none::none())
}

/// `frame.__sizeof__`: the frame and its trailing locals and stack slots
/// (a frame has no ob_size for object.__sizeof__ to read).
fn frame_sizeof(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    crate::types::builtin_func::check_nargs("frame.__sizeof__", a, k, 0, 0)?;
    let fr = unsafe { &*(slf.as_ptr() as *const FrameObject) };
    let slots = fr.nlocalsplus as usize + fr.stacksize as usize;
    Ok(crate::types::int::from_usize(std::mem::size_of::<FrameObject>() + slots * std::mem::size_of::<*mut PyObject>()))
}

pub fn init_types() {
    unsafe {
        let t = type_ptr();
        crate::types::type_::init_static(t, "frame", std::mem::size_of::<FrameObject>(), 8);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(frame_dealloc);
        (*t).tp_traverse = Some(frame_traverse);
        (*t).tp_clear = Some(frame_clear_slot);
        (*t).tp_repr = Some(frame_repr_slot);
        (*t).tp_methods = crate::types::builtin_func::method_table(&[
            crate::types::builtin_func::method("clear", frame_clear_method),
            crate::types::builtin_func::method("__sizeof__", frame_sizeof),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("f_back", get_back),
            GetSetSpec::get("f_code", get_code),
            GetSetSpec::get("f_globals", get_globals),
            GetSetSpec::get("f_builtins", get_builtins),
            GetSetSpec::get("f_locals", get_locals),
            GetSetSpec::get_set("f_lineno", get_lineno, set_lineno),
            GetSetSpec::get_set("f_trace_lines", get_trace_lines, set_trace_lines),
            GetSetSpec::get_set("f_trace_opcodes", get_trace_opcodes, set_trace_opcodes),
            GetSetSpec::get("f_lasti", get_lasti),
            GetSetSpec::get_set("f_trace", get_trace, set_trace),
        ]);
    }
    let _ = std::mem::size_of::<CodeObject>();
}
