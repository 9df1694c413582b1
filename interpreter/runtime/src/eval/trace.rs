//! `sys.settrace` / `sys.setprofile`: CPython 3.11's per-thread trace and
//! profile hooks. While a thread has neither, the evaluation loop runs its
//! untraced copy (`run::<false>`), which only looks at the flag when a frame
//! starts or returns and after native calls; with a hook set it switches to
//! the traced copy (`run::<true>`), which calls into this file: 'call',
//! 'line', 'opcode', 'exception' and 'return' events for the tracer (the
//! global function for 'call', then the frame's `f_trace`), 'call',
//! 'return', 'c_call', 'c_return' and 'c_exception' for the profiler.
//!
//! The profile slot holds either a Python callable (`sys.setprofile`) or a
//! native hook (`set_native_profile`, CPython's PyEval_SetProfile with a C
//! function, as `_lsprof` uses): a function with C's Py_tracefunc
//! signature kept in the thread state's `c_profilefunc` (where Cython's
//! tracing code also finds it), called per event with the object installed
//! with it — the one `sys.getprofile()` reports — and no Python call in
//! between.

use super::frame::{self, FrameObject};
use crate::errors::PyResult;
use crate::object::{Obj, PyObject};
use crate::threadstate::{tstate, ThreadState};
use crate::types::{code, none, str as pystr, tuple};
use krait_bytecode::Opcode;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Call,
    Exception,
    Line,
    Return,
    CCall,
    CException,
    CReturn,
    Opcode,
}

/// CPython's PyTrace_* codes, kept in the thread state's `tracing_what`
/// while a hook runs (an `f_lineno` assignment checks it).
pub const WHAT_CALL: i32 = 0;
pub const WHAT_LINE: i32 = 2;

impl Event {
    /// CPython's PyTrace_* code.
    pub fn code(self) -> i32 {
        match self {
            Event::Call => 0,
            Event::Exception => 1,
            Event::Line => 2,
            Event::Return => 3,
            Event::CCall => 4,
            Event::CException => 5,
            Event::CReturn => 6,
            Event::Opcode => 7,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Exception => "exception",
            Event::Line => "line",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CException => "c_exception",
            Event::CReturn => "c_return",
            Event::Opcode => "opcode",
        }
    }
}

/// True while the thread has a trace or profile function (and is not inside
/// one): the loop runs its traced copy.
#[inline]
pub fn tracing_on(ts: &ThreadState) -> bool {
    ts.py.root_cframe.use_tracing != 0
}

/// Recomputes the flag the loop tests (CPython keeps it in the C frame,
/// where Cython's tracing macros read it too).
fn update_flag(ts: &mut ThreadState) {
    let on = ts.py.tracing == 0 && (!ts.py.c_traceobj.is_null() || !ts.py.c_profileobj.is_null());
    ts.py.root_cframe.use_tracing = if on { 255 } else { 0 };
}

thread_local! {
    /// Set while a hook is being replaced: the old one's `__del__` may not
    /// install another (CPython's reentrancy guard).
    static INSTALLING_TRACE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static INSTALLING_PROFILE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A native profile hook, CPython's Py_tracefunc: (the object installed
/// with it, the frame, the PyTrace_* code, its argument) -> 0, or -1 with
/// an exception set. It runs with hooks paused, as a Python one does.
pub type NativeProfile = unsafe extern "C" fn(obj: *mut PyObject, frame: *mut PyObject, what: std::os::raw::c_int, arg: *mut PyObject) -> std::os::raw::c_int;

/// Swaps one of the thread's hook slots: the old hook is released first
/// (its `__del__` runs then), then the new one is installed.
fn install(profile: bool, func: Option<Obj>) -> PyResult<()> {
    install_with(profile, func, None)
}

fn install_with(profile: bool, func: Option<Obj>, native: Option<NativeProfile>) -> PyResult<()> {
    let guard = if profile { &INSTALLING_PROFILE } else { &INSTALLING_TRACE };
    if guard.with(|g| g.replace(true)) {
        let what = if profile { "profile" } else { "trace" };
        crate::bail!(RuntimeError, "Cannot install a {} function while another {} function is being installed", what, what);
    }
    let ts = tstate();
    let slot = if profile { &mut ts.py.c_profileobj } else { &mut ts.py.c_traceobj };
    let old = std::mem::replace(slot, std::ptr::null_mut());
    if profile {
        ts.py.c_profilefunc = std::ptr::null_mut();
    }
    update_flag(ts);
    unsafe { crate::object::xdecref(old) };
    let ts = tstate();
    let slot = if profile { &mut ts.py.c_profileobj } else { &mut ts.py.c_traceobj };
    unsafe { crate::object::xsetref(slot, crate::object::opt_into_raw(func)) };
    if profile && !ts.py.c_profileobj.is_null() {
        ts.py.c_profilefunc = native.map_or(std::ptr::null_mut(), |f| f as *mut std::ffi::c_void);
    }
    update_flag(ts);
    guard.with(|g| g.set(false));
    // Running untraced loops notice at their next breaker poll.
    crate::interp::trip_breaker();
    Ok(())
}

/// Installs (or with None removes) this thread's trace function.
pub fn set_trace(func: Option<Obj>) -> PyResult<()> {
    install(false, func)
}

/// Installs (or with None removes) this thread's profile function.
pub fn set_profile(func: Option<Obj>) -> PyResult<()> {
    install(true, func)
}

/// Installs a native profile hook with the object it reports to (or with
/// None removes the profile hook, whatever it is).
pub fn set_native_profile(hook: Option<(NativeProfile, Obj)>) -> PyResult<()> {
    match hook {
        Some((f, obj)) => install_with(true, Some(obj), Some(f)),
        None => install(true, None),
    }
}

/// Removes a hook that raised; a failure to do so is reported, not raised
/// (the hook's own exception is the one propagating).
fn remove_failed(profile: bool) {
    let saved = crate::errors::fetch();
    if let Err(e) = install(profile, None) {
        crate::errors::write_unraisable(e, None);
    }
    if let Some(s) = saved {
        let _ = crate::errors::restore(s);
    }
}

pub fn get_trace() -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(tstate().py.c_traceobj) }
}

pub fn get_profile() -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(tstate().py.c_profileobj) }
}

/// `sys.call_tracing`: calls `func(*args)` with tracing enabled even from
/// inside a trace function (pdb's `debug` command).
pub fn call_tracing(func: &Obj, args: &Obj) -> PyResult<Obj> {
    let ts = tstate();
    let saved = ts.py.tracing;
    ts.py.tracing = 0;
    update_flag(ts);
    let r = crate::ops::call::call(func, tuple::items(args), None);
    let ts = tstate();
    ts.py.tracing = saved;
    update_flag(ts);
    r
}

/// Frees the thread's hooks at its end.
pub fn clear_thread(ts: &mut ThreadState) {
    ts.py.c_profilefunc = std::ptr::null_mut();
    for p in [&mut ts.py.c_traceobj, &mut ts.py.c_profileobj] {
        let o = std::mem::replace(p, std::ptr::null_mut());
        unsafe { crate::object::xdecref(o) };
    }
    update_flag(ts);
}

#[inline]
fn fr<'a>(f: *mut PyObject) -> &'a mut FrameObject {
    unsafe { &mut *(f as *mut FrameObject) }
}

/// Runs `f` with the thread's trace and profile hooks paused (an audit
/// hook without a true `__cantrace__` runs so).
pub fn without_tracing<R>(f: impl FnOnce() -> R) -> R {
    let ts = tstate();
    ts.py.tracing += 1;
    update_flag(ts);
    let r = f();
    let ts = tstate();
    ts.py.tracing -= 1;
    update_flag(ts);
    r
}

/// One call of a hook (CPython's call_trace + call_trampoline): never
/// nested, with the frame's line in `f_lineno` and its fast locals visible
/// (and writable) through `f_locals`.
fn call_hook(func: &Obj, f: *mut PyObject, what: Event, arg: &Obj, line: i32) -> PyResult<Obj> {
    let ts = tstate();
    ts.py.tracing += 1;
    ts.py.tracing_what = what.code();
    update_flag(ts);
    let frame = unsafe { Obj::from_borrowed(f) };
    fr(f).f_lineno = line;
    let r = (|| {
        frame::locals_of(&frame)?;
        let r = crate::ops::call::call(func, &[frame.clone(), pystr::intern(what.name()), arg.clone()], None);
        frame::locals_to_fast(&frame);
        r
    })();
    fr(f).f_lineno = 0;
    let ts = tstate();
    ts.py.tracing -= 1;
    update_flag(ts);
    r
}

/// One call of a native profile hook: hooks paused and `f_lineno` set as
/// for a Python one, but no locals synchronisation (the hook gets the frame
/// itself). Its error propagates as a Python hook's would.
fn call_native(hook: NativeProfile, obj: &Obj, f: *mut PyObject, what: Event, arg: &Obj, line: i32) -> PyResult<()> {
    let ts = tstate();
    ts.py.tracing += 1;
    ts.py.tracing_what = what.code();
    update_flag(ts);
    fr(f).f_lineno = line;
    // SAFETY: a Py_tracefunc given borrowed, live references.
    let rc = unsafe { hook(obj.as_ptr(), f, what.code(), arg.as_ptr()) };
    let r = if rc == 0 { Ok(()) } else { Err(crate::errors::PyErr::already_set()) };
    fr(f).f_lineno = 0;
    let ts = tstate();
    ts.py.tracing -= 1;
    update_flag(ts);
    if r.is_err() {
        remove_failed(true);
    }
    r
}

/// The line shown while a hook runs: the code's first line before the frame
/// has run an instruction, else the line of the current instruction.
fn current_line(f: *mut PyObject, fresh: bool) -> i32 {
    let frm = fr(f);
    if fresh {
        code::code(frm.code_obj()).firstlineno as i32
    } else if frm.trace_line > 0 {
        frm.trace_line
    } else {
        code::line_at(frm.code_obj(), frm.lasti as usize) as i32
    }
}

/// The traced loop continues a frame that ran untraced or called out: its
/// line so far is that of its current instruction.
pub fn resync(f: *mut PyObject) {
    let frm = fr(f);
    frm.trace_line = code::line_at(frm.code_obj(), frm.lasti as usize) as i32;
}

/// A traced frame starts: no line yet.
pub fn start(f: *mut PyObject) {
    fr(f).trace_line = -1;
}

/// Delivers a tracer event: 'call' goes to the global function, the others
/// to the frame's `f_trace`; what they return becomes the frame's `f_trace`.
fn trace_event(f: *mut PyObject, what: Event, arg: &Obj, line: i32) -> PyResult<()> {
    let ts = tstate();
    if ts.py.tracing != 0 || ts.py.c_traceobj.is_null() {
        return Ok(());
    }
    let callback = if what == Event::Call { ts.py.c_traceobj } else { fr(f).f_trace };
    let Some(callback) = (unsafe { crate::object::opt_from_borrowed(callback) }) else {
        return Ok(());
    };
    match call_hook(&callback, f, what, arg, line) {
        Ok(r) => {
            if !none::is_none(&r) {
                unsafe { crate::object::xsetref(&mut fr(f).f_trace, r.into_raw()) };
            }
            Ok(())
        }
        Err(e) => {
            // A failing trace function is removed, as CPython does.
            remove_failed(false);
            unsafe { crate::object::xsetref(&mut fr(f).f_trace, std::ptr::null_mut()) };
            Err(e)
        }
    }
}

fn profile_event(f: *mut PyObject, what: Event, arg: &Obj, line: i32) -> PyResult<()> {
    let ts = tstate();
    if ts.py.tracing != 0 || ts.py.c_profileobj.is_null() {
        return Ok(());
    }
    let func = unsafe { Obj::from_borrowed(ts.py.c_profileobj) };
    if !ts.py.c_profilefunc.is_null() {
        // SAFETY: only `install_with` stores this, from a `NativeProfile`.
        let hook: NativeProfile = unsafe { std::mem::transmute(ts.py.c_profilefunc) };
        return call_native(hook, &func, f, what, arg, line);
    }
    match call_hook(&func, f, what, arg, line) {
        Ok(_) => Ok(()),
        Err(e) => {
            remove_failed(true);
            Err(e)
        }
    }
}

/// Runs `deliver` keeping the exception being raised, unless the hook
/// itself raises (its exception replaces it), as call_trace_protected.
fn protected(deliver: impl FnOnce() -> PyResult<()>) -> PyResult<()> {
    let saved = crate::errors::fetch();
    match deliver() {
        Ok(()) => {
            if let Some(e) = saved {
                let _ = crate::errors::restore(e);
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The frame starts (`fresh`) or a generator resumes: 'call' to the
/// profiler, then to the tracer.
pub fn fn_entry(f: *mut PyObject, fresh: bool) -> PyResult<()> {
    let line = current_line(f, fresh);
    let none = none::none();
    profile_event(f, Event::Call, &none, line)?;
    trace_event(f, Event::Call, &none, line)
}

/// The frame returns or yields `value`: 'return' to the tracer, then to the
/// profiler.
pub fn fn_exit(f: *mut PyObject, value: &Obj) -> PyResult<()> {
    let line = current_line(f, false);
    trace_event(f, Event::Return, value, line)?;
    profile_event(f, Event::Return, value, line)
}

/// The frame ends with the current exception: 'return' with None.
pub fn fn_unwind(f: *mut PyObject) -> PyResult<()> {
    let line = current_line(f, false);
    let none = none::none();
    protected(|| {
        trace_event(f, Event::Return, &none, line)?;
        profile_event(f, Event::Return, &none, line)
    })
}

/// An exception was raised in (or propagated into) the frame: the tracer
/// sees (type, value, traceback); if it raises, that replaces it.
pub fn exception(f: *mut PyObject) -> PyResult<()> {
    let ts = tstate();
    if ts.py.tracing != 0 || ts.py.c_traceobj.is_null() || fr(f).f_trace.is_null() {
        return Ok(());
    }
    let Some(exc) = crate::errors::fetch() else { return Ok(()) };
    let tb = crate::types::exceptions::get_traceback(&exc).unwrap_or_else(none::none);
    let arg = tuple::from_vec(vec![exc.get_type(), exc.clone(), tb]);
    let _ = crate::errors::restore(exc.clone());
    let line = current_line(f, false);
    let r = trace_event(f, Event::Exception, &arg, line);
    if r.is_ok() {
        let _ = crate::errors::restore(exc);
    }
    r
}

/// Before each instruction of a traced frame: a 'line' event when a new
/// line starts or a jump went backwards, an 'opcode' event with
/// `f_trace_opcodes`. `prev` is the previous instruction executed in the
/// frame (-1 at its start). Returns the instruction to run instead when the
/// trace function assigned `f_lineno`.
pub fn instruction(f: *mut PyObject, prev: &mut isize, cur: usize, op: Opcode) -> PyResult<Option<usize>> {
    // The prologue (cells, free variables) runs before the first line.
    if matches!(op, Opcode::MAKE_CELL | Opcode::COPY_FREE_VARS) {
        return Ok(None);
    }
    let instr_prev = std::mem::replace(prev, cur as isize);
    let frm = fr(f);
    let code_obj = frm.code_obj().clone();
    // 0: an instruction without a line (it reports none, and inherits).
    let line = code::location_at(&code_obj, cur).line as i32;
    if op == Opcode::RESUME {
        // The start was reported as 'call'; after a yield the frame is back
        // on the yield's line.
        if instr_prev >= 0 && line != 0 {
            frm.trace_line = line;
        }
        return Ok(None);
    }
    let last = frm.trace_line;
    if line != 0 {
        frm.trace_line = line;
    }
    let ts = tstate();
    if ts.py.tracing != 0 || ts.py.c_traceobj.is_null() || frm.f_trace.is_null() {
        return Ok(None);
    }
    let none = none::none();
    if line != 0 && frm.f_trace_lines != 0 {
        let backward = (cur as isize) < instr_prev && op != Opcode::SEND;
        if line != last || backward {
            frm.jump_to = u32::MAX;
            trace_event(f, Event::Line, &none, line)?;
            let frm = fr(f);
            if frm.jump_to != u32::MAX {
                let t = std::mem::replace(&mut frm.jump_to, u32::MAX) as usize;
                *prev = t as isize;
                return Ok(Some(t));
            }
        }
    }
    let frm = fr(f);
    if frm.f_trace_opcodes != 0 && !frm.f_trace.is_null() {
        trace_event(f, Event::Opcode, &none, current_line(f, false))?;
    }
    Ok(None)
}

/// A profiled call of a native function: 'c_call', the call, then
/// 'c_return' or 'c_exception', each with the function called.
pub fn c_call(f: *mut PyObject, callable: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    profiled(f, callable, args.first(), || crate::ops::call::call(callable, args, kw))
}

/// As `c_call` for `callable(*args, **kwargs)` (CALL_FUNCTION_EX).
pub fn c_call_ex(f: *mut PyObject, callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    profiled(f, callable, tuple::items(args).first(), || crate::ops::call::call_tuple_dict(callable, args, kwargs))
}

fn profiled(f: *mut PyObject, callable: &Obj, first: Option<&Obj>, call: impl FnOnce() -> PyResult<Obj>) -> PyResult<Obj> {
    let ts = tstate();
    if ts.py.tracing != 0 || ts.py.c_profileobj.is_null() {
        return call();
    }
    // A method descriptor is reported as the method bound to its first argument.
    let func = if crate::types::builtin_func::is_cfunction(callable) {
        callable.clone()
    } else if let (true, Some(slf)) = (crate::types::builtin_func::is_method_descr(callable), first) {
        match crate::types::builtin_func::bind_method_descr(callable, slf) {
            Ok(m) => m,
            Err(_) => {
                crate::errors::clear();
                return call();
            }
        }
    } else {
        return call();
    };
    let line = current_line(f, false);
    profile_event(f, Event::CCall, &func, line)?;
    let r = call();
    if tstate().py.c_profileobj.is_null() {
        return r;
    }
    match r {
        Ok(v) => {
            profile_event(f, Event::CReturn, &func, line)?;
            Ok(v)
        }
        Err(e) => {
            protected(|| profile_event(f, Event::CException, &func, line))?;
            Err(e)
        }
    }
}
