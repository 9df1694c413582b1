//! The evaluation loop. Frames form a chain through `f_back`; a call from
//! Python to a Python function pushes a frame and continues in the same Rust
//! loop (no Rust recursion), a return pops it. Rust re-enters the loop only
//! when native code calls back into Python (slots, builtins, generators).
//! Exceptions use the code's exception table (zero cost when not raised).

mod cache;
pub mod frame;
mod jump;
pub mod trace;
pub mod unwind;

use crate::errors::{PyErr, PyResult};
use crate::object::{decref, incref, xdecref, Obj, PyObject};
use crate::threadstate::tstate;
use crate::types::code;
use crate::types::{bool_, dict, function, int, list, none, str as pystr, tuple};
use frame::{state, FrameObject};
use krait_bytecode::{decode, BinaryOp, CompareOp, Intrinsic, Opcode};
use std::ptr::null_mut;

/// How a run of frames ended.
pub enum Exit {
    Return(Obj),
    /// The entry frame (a generator's) yielded.
    Yield(Obj),
}

/// Runs a module-level or exec'd code object with the given namespaces.
pub fn run_code(code_obj: &Obj, globals: &Obj, locals: &Obj) -> PyResult<Obj> {
    if dict::get_item_str(globals, "__builtins__")?.is_none() {
        // As CPython's exec: the builtins dict (only __main__ holds the module).
        dict::set_item_str(globals, "__builtins__", &current_builtins())?;
    }
    let builtins = builtins_of(globals)?;
    let c = code::code(code_obj);
    if c.flags & (krait_bytecode::flags::GENERATOR | krait_bytecode::flags::COROUTINE | krait_bytecode::flags::ASYNC_GENERATOR) != 0 {
        // Top-level await (PyCF_ALLOW_TOP_LEVEL_AWAIT): as CPython, eval
        // and exec of such code return the coroutine.
        let func = function::new(code_obj, globals, None)?;
        let f = frame::new(code_obj, globals, &builtins, Some(locals), Some(&func));
        return crate::types::generator::new_from_frame(f, &func);
    }
    let f = frame::new(code_obj, globals, &builtins, Some(locals), None);
    match execute(&f, false)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => crate::bail!(SystemError, "yield outside of a generator"),
    }
}

/// Runs a code object with free variables (exec's `closure=`): as CPython,
/// through a function object holding the cells, which COPY_FREE_VARS reads.
pub fn run_code_with_closure(code_obj: &Obj, globals: &Obj, locals: &Obj, closure: &Obj) -> PyResult<Obj> {
    if dict::get_item_str(globals, "__builtins__")?.is_none() {
        // As CPython's exec: the builtins dict (only __main__ holds the module).
        dict::set_item_str(globals, "__builtins__", &current_builtins())?;
    }
    let builtins = builtins_of(globals)?;
    let func = function::new(code_obj, globals, None)?;
    function::set_closure(&func, closure);
    let f = frame::new(code_obj, globals, &builtins, Some(locals), Some(&func));
    match execute(&f, false)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => crate::bail!(SystemError, "yield outside of a generator"),
    }
}

/// The builtins namespace of code run with `globals`, as CPython's
/// _PyEval_BuiltinsFromGlobals: a module's dict, else whatever object
/// `__builtins__` holds (looked up with `[]` when it is no exact dict).
pub fn builtins_of(globals: &Obj) -> PyResult<Obj> {
    Ok(match dict::get_item_str(globals, "__builtins__")? {
        Some(b) if crate::types::module::is_module(&b) => crate::types::module::dict_of(&b),
        Some(b) => b,
        None => current_builtins(),
    })
}

/// PyEval_GetBuiltins: the running frame's builtins (the interpreter's
/// outside any frame), which globals without `__builtins__` inherit.
pub fn current_builtins() -> Obj {
    match current_frame() {
        Some(f) => {
            let b = frame::frame_mut(&f).builtins;
            unsafe { crate::object::opt_from_borrowed(b) }.unwrap_or_else(crate::interp::builtins_dict)
        }
        None => crate::interp::builtins_dict(),
    }
}

/// `ns[name]` for a namespace that may be any mapping: None when the key
/// is missing (KeyError), other errors propagate.
pub fn lookup_in(ns: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    if dict::is_exact_dict(ns) {
        return dict::get_item(ns, name);
    }
    match crate::ops::seq::getitem(ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if !crate::errors::matches(crate::types::exceptions::KeyError()) {
                return Err(e);
            }
            crate::errors::clear();
            Ok(None)
        }
    }
}

/// Runs a function's prepared frame from Rust: generators and coroutines
/// are created instead of run.
pub fn run_function_frame(f: &Obj, frame: Obj) -> PyResult<Obj> {
    let c = code::code(function::code_of(f));
    if c.flags & (krait_bytecode::flags::GENERATOR | krait_bytecode::flags::COROUTINE | krait_bytecode::flags::ASYNC_GENERATOR) != 0 {
        return crate::types::generator::new_from_frame(frame, f);
    }
    match execute(&frame, false)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => crate::bail!(SystemError, "unexpected yield"),
    }
}

/// The globals of the innermost executing Python frame.
pub fn current_globals() -> Option<Obj> {
    let f = tstate().current_frame;
    if f.is_null() {
        return None;
    }
    unsafe { Some(Obj::from_borrowed((*(f as *mut FrameObject)).globals)) }
}

/// The innermost executing frame.
pub fn current_frame() -> Option<Obj> {
    unsafe { crate::object::opt_from_borrowed(tstate().current_frame) }
}

#[inline]
unsafe fn fr<'a>(p: *mut PyObject) -> &'a mut FrameObject {
    &mut *(p as *mut FrameObject)
}

/// Raises RecursionError for a frame past the limit. Creating the
/// exception is itself a call: CPython's headroom lets it through. The
/// thread state is fetched afresh around the call, which reads the
/// headroom (a `&mut` parameter would let the compiler drop the update).
fn recursion_error() -> crate::errors::PyErr {
    tstate().py.recursion_headroom += 1;
    let e = crate::raise!(RecursionError, "maximum recursion depth exceeded");
    tstate().py.recursion_headroom -= 1;
    e
}

/// Runs `entry` (and the frames it calls) until it returns or yields.
/// With `throwing`, an exception is already set and is raised at the
/// frame's current instruction (generator.throw).
pub fn execute(entry: &Obj, throwing: bool) -> PyResult<Exit> {
    let ts = tstate();
    if ts.py.recursion_headroom == 0 && (ts.depth + ts.native_depth >= crate::threadstate::recursion_limit() || crate::threadstate::native_stack_exhausted()) {
        return Err(recursion_error());
    }
    let entry_p = entry.as_ptr();
    unsafe {
        let e = fr(entry_p);
        if e.state == state::EXECUTING {
            crate::bail!(ValueError, "frame already executing");
        }
        e.is_entry = 1;
        // Link the frame under the current one.
        crate::object::xsetref(&mut e.f_back, crate::object::opt_into_raw(crate::object::opt_from_borrowed(ts.current_frame)));
        ts.current_frame = entry_p;
        ts.depth += 1;
        let first = e.state == state::CREATED;
        e.state = state::EXECUTING;
        // The untraced and traced copies of the loop hand over to each other
        // when a trace or profile function is installed or removed.
        let mut at = entry_p;
        let mut pending = throwing;
        let mut entering = if first { Entering::Fresh } else { Entering::Resumed };
        let r = loop {
            let step = if trace::tracing_on(ts) {
                run::<true>(entry_p, at, pending, entering)
            } else {
                run::<false>(entry_p, at, pending, entering)
            };
            match step {
                Ok(Step::Done(x)) => break Ok(x),
                Ok(Step::Switch(f, p, en)) => {
                    at = f;
                    pending = p;
                    entering = en;
                }
                Err(e) => break Err(e),
            }
        };
        r
    }
}

/// Whether the frame at the top of the loop is just starting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Entering {
    No,
    /// Its first instruction comes next.
    Fresh,
    /// A generator resumes after a yield.
    Resumed,
}

/// How one copy of the loop stopped.
enum Step {
    Done(Exit),
    /// Tracing was switched on or off: continue frame `.0` (with a pending
    /// exception if `.1`) in the other copy.
    Switch(*mut PyObject, bool, Entering),
}

/// Pushes the value sent into a suspended generator frame.
pub fn push_value(frame: &Obj, v: Obj) {
    let f = frame::frame_mut(frame);
    unsafe {
        *f.stack_base().add(f.sp as usize) = v.into_raw();
    }
    f.sp += 1;
}

macro_rules! check_depth {
    () => {};
}

/// The loop proper. `f` is the executing frame; its `ip` is the next word.
/// `TRACE` selects the copy that reports to trace and profile functions.
unsafe fn run<const TRACE: bool>(entry: *mut PyObject, start: *mut PyObject, throwing: bool, entering: Entering) -> PyResult<Step> {
    let ts = tstate();
    let mut f: *mut PyObject = start;
    let mut pending_error = throwing;
    let mut entering = entering;
    // A failing 'call' or 'return' event ends the frame without further events.
    let mut exit_unwind = false;
    // The previous instruction the traced frame ran (-1 at its start).
    let mut trace_prev: isize = -1;
    check_depth!();

    'frame: loop {
        let frm = fr(f);
        if trace::tracing_on(ts) != TRACE {
            return Ok(Step::Switch(f, pending_error, entering));
        }
        if TRACE {
            match std::mem::replace(&mut entering, Entering::No) {
                Entering::No => {
                    trace_prev = frm.lasti as isize;
                    trace::resync(f);
                }
                en => {
                    trace_prev = if en == Entering::Fresh { -1 } else { frm.lasti as isize };
                    if en == Entering::Fresh {
                        trace::start(f);
                    } else {
                        trace::resync(f);
                    }
                    if trace::fn_entry(f, en == Entering::Fresh).is_err() {
                        pending_error = true;
                        exit_unwind = true;
                    }
                }
            }
        } else {
            entering = Entering::No;
        }
        let code_obj = frm.code_obj().clone();
        let cdata = code::data(&code_obj);
        let words = cdata.words.as_mut_ptr();
        let consts = tuple::items(Obj::borrow_slot(&code::code(&code_obj).consts)).as_ptr();
        let names = tuple::items(Obj::borrow_slot(&code::code(&code_obj).names)).as_ptr();
        let lp = frm.localsplus();
        let stack = frm.stack_base();
        let mut sp = frm.sp as usize;
        let mut ip = frm.ip as usize;

        macro_rules! push { ($v:expr) => {{ *stack.add(sp) = $v; sp += 1; }}; }
        macro_rules! pop { () => {{ sp -= 1; *stack.add(sp) }}; }
        macro_rules! top { () => { *stack.add(sp - 1) }; }
        macro_rules! peek { ($n:expr) => { *stack.add(sp - $n) }; }
        macro_rules! pop_obj { () => { Obj::from_owned(pop!()) }; }
        macro_rules! borrow { ($p:expr) => { Obj::borrow_slot(&*(&$p as *const *mut PyObject)) }; }
        macro_rules! save { () => {{ frm.sp = sp as u32; frm.ip = ip as u32; }}; }
        macro_rules! error { () => {{ save!(); pending_error = true; continue 'frame; }}; }
        macro_rules! tri { ($e:expr) => { match $e { Ok(v) => v, Err(_) => error!() } }; }
        macro_rules! jump { ($t:expr) => {{ ip = $t as usize; }}; }

        if pending_error {
            pending_error = false;
            // Unwind: record the traceback entry, look for a handler here.
            frm.sp = sp as u32;
            let from_reraise = unwind::take_reraise_flag();
            let restored_lasti = unwind::take_reraise_lasti();
            let handler = if std::mem::replace(&mut exit_unwind, false) {
                None
            } else {
                if !from_reraise {
                    unwind::add_traceback(f);
                    if TRACE {
                        // A failing trace function's exception replaces this one.
                        let _ = trace::exception(f);
                    }
                }
                let h = unwind::find_handler(&code_obj, frm.lasti);
                if let Some(l) = restored_lasti {
                    frm.lasti = l;
                }
                if TRACE && h.is_none() {
                    let _ = trace::fn_unwind(f);
                }
                h
            };
            match handler {
                Some(h) => {
                    while sp > h.depth as usize {
                        xdecref(pop!());
                    }
                    if h.push_lasti {
                        push!(int::from_i64(frm.lasti as i64).into_raw());
                    }
                    let exc = crate::errors::fetch().unwrap_or_else(none::none);
                    push!(exc.into_raw());
                    ip = h.target as usize;
                    frm.sp = sp as u32;
                    frm.ip = ip as u32;
                }
                None => {
                    // No handler: the frame ends with the exception.
                    frm.sp = sp as u32;
                    frame::clear_stack(frm);
                    frm.state = state::COMPLETED;
                    let back = frm.f_back;
                    ts.depth -= 1;
                    ts.current_frame = back;
                    if f == entry {
                        return Err(PyErr::already_set());
                    }
                    let caller = back;
                    let _ = PyErr::already_set;
                    // The callee frame's reference was held by the caller's call.
                    decref(f);
                    f = caller;
                    pending_error = true;
                    continue 'frame;
                }
            }
        }

        macro_rules! exit_unwind { () => {{ save!(); exit_unwind = true; pending_error = true; continue 'frame; }}; }
        loop {
            if TRACE {
                if !trace::tracing_on(ts) {
                    save!();
                    return Ok(Step::Switch(f, false, Entering::No));
                }
                let op: Opcode = std::mem::transmute::<u8, Opcode>(decode(*words.add(ip)).0);
                frm.lasti = ip as u32;
                save!();
                match trace::instruction(f, &mut trace_prev, ip, op) {
                    Ok(None) => {}
                    Ok(Some(target)) => {
                        // The trace function jumped (f_lineno): the stack
                        // was cut to the target's depth.
                        sp = frm.sp as usize;
                        ip = target;
                        frm.lasti = ip as u32;
                    }
                    Err(_) => error!(),
                }
            }
            let word = *words.add(ip);
            frm.lasti = ip as u32;
            ip += 1;
            let (opb, arg) = decode(word);
            let arg = arg as usize;
            let op: Opcode = std::mem::transmute::<u8, Opcode>(opb);
            match op {
                Opcode::NOP => {}
                Opcode::RESUME => {
                    // As CPython: pending signals and requests are handled on
                    // entering a frame or resuming after a plain yield, but
                    // not while resuming through a `yield from`/`await`
                    // chain, so they reach the innermost frame.
                    if arg < 2 && crate::interp::eval_breaker() {
                        save!();
                        tri!(crate::interp::handle_eval_breaker());
                        if !TRACE && trace::tracing_on(ts) {
                            return Ok(Step::Switch(f, false, Entering::No));
                        }
                    }
                }
                Opcode::POP_TOP => xdecref(pop!()),
                Opcode::PUSH_NULL => push!(null_mut()),
                Opcode::COPY => {
                    let v = peek!(arg);
                    crate::object::xincref(v);
                    push!(v);
                }
                Opcode::SWAP => {
                    let a = sp - 1;
                    let b = sp - arg;
                    std::ptr::swap(stack.add(a), stack.add(b));
                }
                Opcode::LOAD_CONST => {
                    let c = &*consts.add(arg);
                    incref(c.as_ptr());
                    push!(c.as_ptr());
                }
                Opcode::LOAD_FAST => {
                    let v = *lp.add(arg);
                    if v.is_null() {
                        save!();
                        let _ = unwind::unbound_local(&code_obj, arg);
                        error!();
                    }
                    incref(v);
                    push!(v);
                }
                Opcode::STORE_FAST => {
                    let v = pop!();
                    let old = std::mem::replace(&mut *lp.add(arg), v);
                    xdecref(old);
                }
                Opcode::DELETE_FAST => {
                    let old = std::mem::replace(&mut *lp.add(arg), null_mut());
                    if old.is_null() {
                        save!();
                        let _ = unwind::unbound_local(&code_obj, arg);
                        error!();
                    }
                    decref(old);
                }
                Opcode::MAKE_CELL => {
                    let old = std::mem::replace(&mut *lp.add(arg), null_mut());
                    let c = crate::types::cell::new(crate::object::opt_from_owned(old));
                    *lp.add(arg) = c.into_raw();
                }
                Opcode::COPY_FREE_VARS => {
                    let func = borrow!(frm.func);
                    let closure = borrow!(function::func(func).func_closure);
                    let n = frm.nlocalsplus as usize;
                    for (j, c) in tuple::items(closure).iter().enumerate().take(arg) {
                        *lp.add(n - arg + j) = c.clone().into_raw();
                    }
                }
                Opcode::LOAD_CLOSURE => {
                    let v = *lp.add(arg);
                    incref(v);
                    push!(v);
                }
                Opcode::LOAD_DEREF => {
                    let c = borrow!(*lp.add(arg));
                    match crate::types::cell::get(c) {
                        Some(v) => push!(v.into_raw()),
                        None => {
                            save!();
                            let _ = unwind::unbound_deref(&code_obj, arg);
                            error!();
                        }
                    }
                }
                Opcode::STORE_DEREF => {
                    let v = pop_obj!();
                    crate::types::cell::set(borrow!(*lp.add(arg)), Some(v));
                }
                Opcode::DELETE_DEREF => {
                    let c = borrow!(*lp.add(arg));
                    if crate::types::cell::get(c).is_none() {
                        save!();
                        let _ = unwind::unbound_deref(&code_obj, arg);
                        error!();
                    }
                    crate::types::cell::set(c, None);
                }
                Opcode::LOAD_CLASSDEREF => {
                    let name = &tuple::items(Obj::borrow_slot(&code::code(&code_obj).localsplusnames))[arg];
                    let locals = borrow!(frm.locals);
                    let found = if dict::is_exact_dict(locals) {
                        tri!(dict::get_item(locals, name))
                    } else {
                        match crate::ops::seq::getitem(locals, name) {
                            Ok(v) => Some(v),
                            Err(e) => {
                                if crate::errors::matches(crate::types::exceptions::KeyError()) {
                                    crate::errors::clear();
                                    None
                                } else {
                                    let _ = e;
                                    error!()
                                }
                            }
                        }
                    };
                    match found {
                        Some(v) => push!(v.into_raw()),
                        None => match crate::types::cell::get(borrow!(*lp.add(arg))) {
                            Some(v) => push!(v.into_raw()),
                            None => {
                                save!();
                                let _ = unwind::unbound_deref(&code_obj, arg);
                                error!();
                            }
                        },
                    }
                }
                Opcode::LOAD_NAME => {
                    let name = &*names.add(arg);
                    save!();
                    let v = tri!(load_name(frm, name));
                    push!(v.into_raw());
                }
                Opcode::STORE_NAME => {
                    let name = &*names.add(arg);
                    let v = pop_obj!();
                    if frm.locals.is_null() {
                        save!();
                        let _ = crate::raise!(SystemError, "no locals found when storing {}", crate::ops::repr_string(name).unwrap_or_default());
                        error!();
                    }
                    let locals = borrow!(frm.locals);
                    save!();
                    if dict::is_exact_dict(locals) {
                        tri!(dict::set_item(locals, name, &v));
                    } else {
                        tri!(crate::ops::seq::setitem(locals, name, Some(&v)));
                    }
                }
                Opcode::DELETE_NAME => {
                    let name = &*names.add(arg);
                    let locals = borrow!(frm.locals);
                    save!();
                    let r = if dict::is_exact_dict(locals) {
                        dict::del_item_opt(locals, name)
                    } else {
                        crate::ops::seq::setitem(locals, name, None).map(|_| true)
                    };
                    if !tri!(r) {
                        let _ = unwind::name_error(name);
                        error!();
                    }
                }
                Opcode::LOAD_GLOBAL => {
                    let name = &*names.add(arg >> 1);
                    if arg & 1 != 0 {
                        push!(null_mut());
                    }
                    let g = borrow!(frm.globals);
                    let b = borrow!(frm.builtins);
                    // Inline cache: while neither dict has changed (versions
                    // are unique across all dicts), the value found last time
                    // is still the one the lookup would find.
                    let cache = words.add(ip);
                    let cacheable = dict::is_exact_dict(g) && dict::is_exact_dict(b);
                    // Versions before the lookup: if it changed a dict, the
                    // next execution misses instead of trusting this result.
                    let (gv, bv) = if cacheable { (dict::version(g), dict::version(b)) } else { (0, 0) };
                    if cacheable {
                        if cache::read_u64(cache) == gv && cache::read_u64(cache.add(2)) == bv {
                            let v = cache::read_u64(cache.add(4)) as usize as *mut PyObject;
                            incref(v);
                            push!(v);
                            ip += Opcode::LOAD_GLOBAL.cache_entries();
                            continue;
                        }
                    }
                    if !cacheable {
                        // Slow path, as CPython's: subscription of either
                        // namespace when one is not an exact dict.
                        save!();
                        let found = match tri!(lookup_in(g, name)) {
                            Some(v) => Some(v),
                            None => tri!(lookup_in(b, name)),
                        };
                        match found {
                            Some(v) => push!(v.into_raw()),
                            None => {
                                let _ = unwind::name_error(name);
                                error!();
                            }
                        }
                        ip += Opcode::LOAD_GLOBAL.cache_entries();
                        continue;
                    }
                    let v = match dict::get_item_borrowed(g, name) {
                        Some(v) => v,
                        None => match dict::get_item_borrowed(borrow!(frm.builtins), name) {
                            Some(v) => v,
                            None => {
                                save!();
                                if crate::errors::occurred() {
                                    error!();
                                }
                                let _ = unwind::name_error(name);
                                error!();
                            }
                        },
                    };
                    if cacheable {
                        cache::write_u64(cache, gv);
                        cache::write_u64(cache.add(2), bv);
                        cache::write_u64(cache.add(4), v as usize as u64);
                    }
                    incref(v);
                    push!(v);
                    ip += Opcode::LOAD_GLOBAL.cache_entries();
                }
                Opcode::STORE_GLOBAL => {
                    let v = pop_obj!();
                    save!();
                    tri!(dict::set_item(borrow!(frm.globals), &*names.add(arg), &v));
                }
                Opcode::DELETE_GLOBAL => {
                    save!();
                    let name = &*names.add(arg);
                    if !tri!(dict::del_item_opt(borrow!(frm.globals), name)) {
                        let _ = unwind::name_error(name);
                        error!();
                    }
                }
                Opcode::LOAD_ATTR => {
                    let o = pop_obj!();
                    save!();
                    let v = tri!(crate::ops::attr::getattr(&o, &*names.add(arg)));
                    push!(v.into_raw());
                    ip += Opcode::LOAD_ATTR.cache_entries();
                }
                Opcode::LOAD_METHOD => {
                    let o = pop_obj!();
                    save!();
                    let (m, unbound) = tri!(crate::ops::attr::get_method(&o, &*names.add(arg)));
                    if unbound {
                        push!(m.into_raw());
                        push!(o.into_raw());
                    } else {
                        push!(null_mut());
                        push!(m.into_raw());
                    }
                    ip += Opcode::LOAD_METHOD.cache_entries();
                }
                Opcode::STORE_ATTR => {
                    let o = pop_obj!();
                    let v = pop_obj!();
                    save!();
                    tri!(crate::ops::attr::setattr(&o, &*names.add(arg), &v));
                    ip += Opcode::STORE_ATTR.cache_entries();
                }
                Opcode::DELETE_ATTR => {
                    let o = pop_obj!();
                    save!();
                    tri!(crate::ops::attr::delattr(&o, &*names.add(arg)));
                }
                Opcode::BINARY_OP => {
                    let b = pop_obj!();
                    let a = pop_obj!();
                    let bop = BinaryOp::from_u32(arg as u32).unwrap();
                    let fast = match bop {
                        BinaryOp::Add | BinaryOp::InplaceAdd => int::add_fast(&a, &b),
                        BinaryOp::Subtract | BinaryOp::InplaceSubtract => int::sub_fast(&a, &b),
                        BinaryOp::Multiply | BinaryOp::InplaceMultiply => int::mul_fast(&a, &b),
                        _ => None,
                    };
                    save!();
                    let r = match fast {
                        Some(r) => tri!(r),
                        None => {
                            if matches!(bop, BinaryOp::Add | BinaryOp::InplaceAdd) && pystr::is_exact_str(&a) && pystr::is_exact_str(&b) {
                                pystr::concat(&a, &b)
                            } else {
                                tri!(crate::ops::number::binary_op(&a, &b, bop))
                            }
                        }
                    };
                    push!(r.into_raw());
                    ip += Opcode::BINARY_OP.cache_entries();
                }
                Opcode::UNARY_POSITIVE => {
                    let a = pop_obj!();
                    save!();
                    push!(tri!(crate::ops::number::positive(&a)).into_raw());
                }
                Opcode::UNARY_NEGATIVE => {
                    let a = pop_obj!();
                    save!();
                    push!(tri!(crate::ops::number::negative(&a)).into_raw());
                }
                Opcode::UNARY_INVERT => {
                    let a = pop_obj!();
                    save!();
                    push!(tri!(crate::ops::number::invert(&a)).into_raw());
                }
                Opcode::UNARY_NOT => {
                    let a = pop_obj!();
                    save!();
                    let t = tri!(crate::ops::truthy(&a));
                    push!(bool_::from_bool(!t).into_raw());
                }
                Opcode::COMPARE_OP => {
                    let b = pop_obj!();
                    let a = pop_obj!();
                    let cop = CompareOp::from_u32(arg as u32).unwrap();
                    save!();
                    let r = match int::compare_fast(&a, &b, cop) {
                        Some(x) => bool_::from_bool(x),
                        None => tri!(crate::ops::rich_compare(&a, &b, cop)),
                    };
                    push!(r.into_raw());
                    ip += Opcode::COMPARE_OP.cache_entries();
                }
                Opcode::IS_OP => {
                    let b = pop_obj!();
                    let a = pop_obj!();
                    push!(bool_::from_bool(a.is(&b) != (arg == 1)).into_raw());
                }
                Opcode::CONTAINS_OP => {
                    let b = pop_obj!();
                    let a = pop_obj!();
                    save!();
                    let r = tri!(crate::ops::seq::contains(&b, &a));
                    push!(bool_::from_bool(r != (arg == 1)).into_raw());
                }
                Opcode::BINARY_SUBSCR => {
                    let k = pop_obj!();
                    let c = pop_obj!();
                    save!();
                    let r = tri!(crate::ops::seq::getitem(&c, &k));
                    push!(r.into_raw());
                    ip += Opcode::BINARY_SUBSCR.cache_entries();
                }
                Opcode::STORE_SUBSCR => {
                    let k = pop_obj!();
                    let c = pop_obj!();
                    let v = pop_obj!();
                    save!();
                    tri!(crate::ops::seq::setitem(&c, &k, Some(&v)));
                    ip += Opcode::STORE_SUBSCR.cache_entries();
                }
                Opcode::DELETE_SUBSCR => {
                    let k = pop_obj!();
                    let c = pop_obj!();
                    save!();
                    tri!(crate::ops::seq::setitem(&c, &k, None));
                }
                Opcode::BUILD_SLICE => {
                    let step = if arg == 3 { Some(pop_obj!()) } else { None };
                    let stop = pop_obj!();
                    let start = pop_obj!();
                    let s = crate::types::slice::new(&start, &stop, &step.unwrap_or_else(none::none));
                    push!(s.into_raw());
                }
                Opcode::BUILD_TUPLE => {
                    sp -= arg;
                    let items = Obj::borrow_slice(std::slice::from_raw_parts(stack.add(sp), arg));
                    let t = tuple::new(items);
                    for i in 0..arg {
                        decref(*stack.add(sp + i));
                    }
                    push!(t.into_raw());
                }
                Opcode::BUILD_LIST => {
                    sp -= arg;
                    let v: Vec<Obj> = (0..arg).map(|i| Obj::from_owned(*stack.add(sp + i))).collect();
                    push!(list::from_vec(v).into_raw());
                }
                Opcode::BUILD_SET => {
                    sp -= arg;
                    let v: Vec<Obj> = (0..arg).map(|i| Obj::from_owned(*stack.add(sp + i))).collect();
                    save!();
                    let s = tri!(crate::types::set::new_set(v));
                    push!(s.into_raw());
                }
                Opcode::BUILD_MAP => {
                    sp -= 2 * arg;
                    let v: Vec<Obj> = (0..2 * arg).map(|i| Obj::from_owned(*stack.add(sp + i))).collect();
                    let d = dict::new();
                    save!();
                    for pair in v.chunks(2) {
                        tri!(dict::set_item(&d, &pair[0], &pair[1]));
                    }
                    push!(d.into_raw());
                }
                Opcode::BUILD_CONST_KEY_MAP => {
                    let keys = pop_obj!();
                    sp -= arg;
                    let vals: Vec<Obj> = (0..arg).map(|i| Obj::from_owned(*stack.add(sp + i))).collect();
                    let d = dict::new();
                    save!();
                    for (k, v) in tuple::items(&keys).iter().zip(vals.iter()) {
                        tri!(dict::set_item(&d, k, v));
                    }
                    push!(d.into_raw());
                }
                Opcode::BUILD_STRING => {
                    sp -= arg;
                    let parts: Vec<Obj> = (0..arg).map(|i| Obj::from_owned(*stack.add(sp + i))).collect();
                    push!(crate::types::str_methods::join_strs(&parts).into_raw());
                }
                Opcode::LIST_APPEND => {
                    let v = pop_obj!();
                    list::append(borrow!(peek!(arg)), v);
                }
                Opcode::SET_ADD => {
                    let v = pop_obj!();
                    save!();
                    tri!(crate::types::set::add(borrow!(peek!(arg)), &v));
                }
                Opcode::MAP_ADD => {
                    let v = pop_obj!();
                    let k = pop_obj!();
                    save!();
                    tri!(dict::set_item(borrow!(peek!(arg)), &k, &v));
                }
                Opcode::LIST_EXTEND => {
                    let it = pop_obj!();
                    save!();
                    let l = borrow!(peek!(arg));
                    match crate::ops::seq::to_vec(&it) {
                        Ok(items) => {
                            for x in items {
                                list::append(l, x);
                            }
                        }
                        Err(_) => {
                            if crate::errors::matches(crate::types::exceptions::TypeError())
                                && it.ty().tp_iter.is_none()
                                && !crate::ops::seq::has_sq_item(&it)
                            {
                                crate::errors::clear();
                                let _ = crate::raise!(TypeError, "Value after * must be an iterable, not {}", it.ty().name());
                            }
                            error!();
                        }
                    }
                }
                Opcode::SET_UPDATE => {
                    let it = pop_obj!();
                    save!();
                    let s = borrow!(peek!(arg));
                    for x in tri!(crate::ops::seq::to_vec(&it)) {
                        tri!(crate::types::set::add(s, &x));
                    }
                }
                Opcode::DICT_UPDATE => {
                    let m = pop_obj!();
                    save!();
                    // PyDict_Update merges mappings only: no pairs fallback.
                    if !dict::is_dict(&m) && crate::types::type_::lookup_str(m.type_ptr(), "keys").is_none() {
                        let _ = crate::raise!(TypeError, "'{}' object is not a mapping", m.ty().name());
                        error!();
                    }
                    if let Err(_) = dict::update(borrow!(peek!(arg)), &m) {
                        if crate::errors::matches(crate::types::exceptions::AttributeError()) {
                            crate::errors::clear();
                            let _ = crate::raise!(TypeError, "'{}' object is not a mapping", m.ty().name());
                        }
                        error!();
                    }
                }
                Opcode::DICT_MERGE => {
                    let m = pop_obj!();
                    save!();
                    let callable = borrow!(peek!(arg + 2));
                    tri!(unwind::dict_merge(borrow!(peek!(arg)), &m, callable));
                }
                Opcode::LIST_TO_TUPLE => {
                    let l = pop_obj!();
                    push!(tuple::new(list::items(&l)).into_raw());
                }
                Opcode::UNPACK_SEQUENCE => {
                    let seq = pop_obj!();
                    save!();
                    let items: Vec<Obj> = if tuple::is_exact_tuple(&seq) && tuple::len(&seq) == arg {
                        tuple::items(&seq).to_vec()
                    } else if list::is_exact_list(&seq) && list::len(&seq) == arg {
                        list::items(&seq).to_vec()
                    } else {
                        tri!(unwind::unpack(&seq, arg, None))
                    };
                    for x in items.into_iter().rev() {
                        push!(x.into_raw());
                    }
                    ip += Opcode::UNPACK_SEQUENCE.cache_entries();
                }
                Opcode::UNPACK_EX => {
                    let seq = pop_obj!();
                    let before = arg & 0xff;
                    let after = arg >> 8;
                    save!();
                    let items = tri!(unwind::unpack(&seq, before, Some(after)));
                    // items: before..., list, after...
                    for x in items.into_iter().rev() {
                        push!(x.into_raw());
                    }
                }
                Opcode::FORMAT_VALUE => {
                    let spec = if arg & 4 != 0 { Some(pop_obj!()) } else { None };
                    let v = pop_obj!();
                    save!();
                    let v = match arg & 3 {
                        1 => tri!(crate::ops::str_of(&v)),
                        2 => tri!(crate::ops::repr(&v)),
                        3 => tri!(crate::builtins::ascii_of(&v)),
                        _ => v,
                    };
                    let spec = spec.unwrap_or_else(pystr::empty);
                    let r = if pystr::is_exact_str(&v) && pystr::len(&spec) == 0 { v } else { tri!(crate::ops::format(&v, &spec)) };
                    push!(r.into_raw());
                }
                Opcode::JUMP_FORWARD => jump!(arg),
                Opcode::JUMP_BACKWARD => {
                    jump!(arg);
                    // The jump back to the SEND of a `yield from`/`await`
                    // loop does not stop for signals (CPython's
                    // JUMP_BACKWARD_NO_INTERRUPT): they are handled in the
                    // innermost resumed frame.
                    if crate::interp::eval_breaker() && krait_bytecode::decode(*words.add(arg)).0 != Opcode::SEND as u8 {
                        save!();
                        tri!(crate::interp::handle_eval_breaker());
                        if !TRACE && trace::tracing_on(ts) {
                            return Ok(Step::Switch(f, false, Entering::No));
                        }
                    }
                }
                Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                    let v = pop!();
                    let t = if v == bool_::true_ptr() {
                        true
                    } else if v == bool_::false_ptr() {
                        false
                    } else {
                        let o = Obj::from_owned(v);
                        save!();
                        tri!(crate::ops::truthy(&o))
                    };
                    if v == bool_::true_ptr() || v == bool_::false_ptr() {
                        decref(v);
                    }
                    if t == (op == Opcode::POP_JUMP_IF_TRUE) {
                        jump!(arg);
                    }
                }
                Opcode::POP_JUMP_IF_NONE => {
                    let v = pop!();
                    let is_none = v == none::none_ptr();
                    decref(v);
                    if is_none {
                        jump!(arg);
                    }
                }
                Opcode::POP_JUMP_IF_NOT_NONE => {
                    let v = pop!();
                    let is_none = v == none::none_ptr();
                    decref(v);
                    if !is_none {
                        jump!(arg);
                    }
                }
                Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                    let v = borrow!(top!());
                    save!();
                    let t = tri!(crate::ops::truthy(v));
                    if t == (op == Opcode::JUMP_IF_TRUE_OR_POP) {
                        jump!(arg);
                    } else {
                        decref(pop!());
                    }
                }
                Opcode::GET_ITER => {
                    let o = pop_obj!();
                    save!();
                    push!(tri!(crate::ops::iter(&o)).into_raw());
                }
                Opcode::FOR_ITER => {
                    let it = borrow!(top!());
                    save!();
                    let next = match it.ty().tp_iternext {
                        Some(nf) => nf(it.as_ptr()),
                        None => {
                            let _ = crate::raise!(TypeError, "'{}' object is not an iterator", it.ty().name());
                            error!();
                        }
                    };
                    if next.is_null() {
                        if crate::errors::occurred() {
                            if !crate::errors::matches(crate::types::exceptions::StopIteration()) {
                                error!();
                            }
                            // The tracer sees an iterator's StopIteration.
                            if TRACE && trace::exception(f).is_err() {
                                error!();
                            }
                            crate::errors::clear();
                        }
                        decref(pop!());
                        jump!(arg);
                    } else {
                        push!(next);
                        ip += Opcode::FOR_ITER.cache_entries();
                    }
                }
                Opcode::RETURN_VALUE => {
                    let v = pop!();
                    frm.sp = sp as u32;
                    frm.ip = ip as u32;
                    if TRACE && trace::fn_exit(f, borrow!(v)).is_err() {
                        xdecref(v);
                        exit_unwind!();
                    }
                    frm.state = state::COMPLETED;
                    let back = frm.f_back;
                    ts.depth -= 1;
                    ts.current_frame = back;
                    frame::release_on_return(f, frm);
                    if f == entry {
                        return Ok(Step::Done(Exit::Return(Obj::from_owned(v))));
                    }
                    decref(f);
                    f = back;
                    let caller = fr(f);
                    *caller.stack_base().add(caller.sp as usize) = v;
                    caller.sp += 1;
                    continue 'frame;
                }
                Opcode::YIELD_VALUE => {
                    let v = pop!();
                    frm.sp = sp as u32;
                    frm.ip = ip as u32;
                    if TRACE && trace::fn_exit(f, borrow!(v)).is_err() {
                        xdecref(v);
                        exit_unwind!();
                    }
                    frm.state = state::SUSPENDED;
                    ts.depth -= 1;
                    ts.current_frame = frm.f_back;
                    crate::object::xsetref(&mut frm.f_back, null_mut());
                    debug_assert!(f == entry);
                    return Ok(Step::Done(Exit::Yield(Obj::from_owned(v))));
                }
                Opcode::RAISE_VARARGS => {
                    save!();
                    let cause = if arg == 2 { Some(pop_obj!()) } else { None };
                    let exc = if arg >= 1 { Some(pop_obj!()) } else { None };
                    save!();
                    let _ = unwind::do_raise(exc, cause);
                    if arg == 0 {
                        unwind::set_reraise_flag();
                    }
                    error!();
                }
                Opcode::RERAISE => {
                    // With arg, the saved offset sits `arg` items below the
                    // exception: the frame's lasti goes back to it once the
                    // handler search (from here) is done; the unwinding pops it.
                    if arg != 0 {
                        let saved = borrow!(peek!(arg as usize + 1));
                        if let Some(l) = int::as_i64(saved) {
                            unwind::set_reraise_lasti(l as u32);
                        }
                    }
                    let exc = pop_obj!();
                    save!();
                    let _ = crate::errors::restore(exc);
                    unwind::set_reraise_flag();
                    error!();
                }
                Opcode::PUSH_EXC_INFO => {
                    let v = pop!();
                    let info = ts.py.exc_info;
                    let prev = (*info).exc_value;
                    push!(if prev.is_null() { none::none().into_raw() } else { prev });
                    incref(v);
                    (*info).exc_value = v;
                    push!(v);
                }
                Opcode::POP_EXCEPT => {
                    let v = pop!();
                    let info = ts.py.exc_info;
                    let old = (*info).exc_value;
                    (*info).exc_value = if v == none::none_ptr() {
                        decref(v);
                        null_mut()
                    } else {
                        v
                    };
                    xdecref(old);
                }
                Opcode::CHECK_EXC_MATCH => {
                    let right = pop_obj!();
                    let left = borrow!(top!());
                    save!();
                    tri!(unwind::check_except_type_valid(&right));
                    let m = tri!(unwind::exception_matches(left, &right));
                    push!(bool_::from_bool(m).into_raw());
                }
                Opcode::CHECK_EG_MATCH => {
                    let match_type = pop_obj!();
                    let eg = pop_obj!();
                    save!();
                    tri!(unwind::check_except_star_type_valid(&match_type));
                    let (rest, matched) = tri!(unwind::exception_group_match(&eg, &match_type));
                    if !none::is_none(&matched) {
                        // The except* clause handles the matched part: it is
                        // the exception being handled (CPython's
                        // PyErr_SetExcInfo here), so errors raised in the
                        // clause get it as their context.
                        let info = ts.py.exc_info;
                        let old = std::mem::replace(&mut (*info).exc_value, matched.clone().into_raw());
                        xdecref(old);
                    }
                    push!(rest.into_raw());
                    push!(matched.into_raw());
                }
                Opcode::PREP_RERAISE_STAR => {
                    let excs = pop_obj!();
                    let orig = pop_obj!();
                    save!();
                    let r = tri!(unwind::prep_reraise_star(&orig, &excs));
                    push!(r.into_raw());
                }
                Opcode::WITH_EXCEPT_START => {
                    let val = borrow!(top!());
                    let exit = borrow!(peek!(4));
                    let tb = crate::types::exceptions::get_traceback(val).unwrap_or_else(none::none);
                    save!();
                    let r = tri!(crate::ops::call::call(exit, &[val.get_type(), val.clone(), tb], None));
                    push!(r.into_raw());
                }
                Opcode::BEFORE_WITH | Opcode::BEFORE_ASYNC_WITH => {
                    let mgr = pop_obj!();
                    save!();
                    let (enter_name, exit_name) = if op == Opcode::BEFORE_WITH {
                        ("__enter__", "__exit__")
                    } else {
                        ("__aenter__", "__aexit__")
                    };
                    let (enter, exit) = tri!(unwind::context_methods(&mgr, enter_name, exit_name, op == Opcode::BEFORE_ASYNC_WITH));
                    push!(exit.into_raw());
                    let r = tri!(crate::ops::call::call(&enter, &[], None));
                    push!(r.into_raw());
                    // `__enter__` may have installed a profile or trace
                    // function (`with cProfile.Profile():`): the block runs
                    // traced from its first instruction, as under CPython.
                    if !TRACE && trace::tracing_on(ts) {
                        save!();
                        return Ok(Step::Switch(f, false, Entering::No));
                    }
                }
                Opcode::LOAD_ASSERTION_ERROR => {
                    push!(crate::types::type_::type_obj(crate::types::exceptions::AssertionError()).into_raw());
                }
                Opcode::MAKE_FUNCTION => {
                    let codeo = pop_obj!();
                    let closure = if arg & 8 != 0 { Some(pop_obj!()) } else { None };
                    let annotations = if arg & 4 != 0 { Some(pop_obj!()) } else { None };
                    let kwdefaults = if arg & 2 != 0 { Some(pop_obj!()) } else { None };
                    let defaults = if arg & 1 != 0 { Some(pop_obj!()) } else { None };
                    save!();
                    let func = tri!(function::new(&codeo, borrow!(frm.globals), None));
                    let fo = function::func(&func);
                    fo.func_closure = crate::object::opt_into_raw(closure);
                    fo.func_annotations = crate::object::opt_into_raw(annotations);
                    fo.func_kwdefaults = crate::object::opt_into_raw(kwdefaults);
                    fo.func_defaults = crate::object::opt_into_raw(defaults);
                    push!(func.into_raw());
                }
                Opcode::LOAD_BUILD_CLASS => {
                    save!();
                    match tri!(lookup_in(borrow!(frm.builtins), &pystr::intern_static("__build_class__"))) {
                        Some(b) => push!(b.into_raw()),
                        None => {
                            let _ = crate::raise!(NameError, "__build_class__ not found");
                            error!();
                        }
                    }
                }
                Opcode::SETUP_ANNOTATIONS => {
                    save!();
                    let locals = borrow!(frm.locals);
                    if dict::is_exact_dict(locals) {
                        if tri!(dict::get_item_str(locals, "__annotations__")).is_none() {
                            tri!(dict::set_item_str(locals, "__annotations__", &dict::new()));
                        }
                    } else {
                        let key = pystr::intern_static("__annotations__");
                        if crate::ops::seq::getitem(locals, &key).is_err() {
                            if !crate::errors::matches(crate::types::exceptions::KeyError()) {
                                error!();
                            }
                            crate::errors::clear();
                            tri!(crate::ops::seq::setitem(locals, &key, Some(&dict::new())));
                        }
                    }
                }
                Opcode::IMPORT_NAME => {
                    let fromlist = pop_obj!();
                    let level = pop_obj!();
                    save!();
                    let m = tri!(crate::import::import_name(frm, &*names.add(arg), &fromlist, &level));
                    push!(m.into_raw());
                }
                Opcode::IMPORT_FROM => {
                    let m = borrow!(top!());
                    save!();
                    let v = tri!(crate::import::import_from(m, &*names.add(arg)));
                    push!(v.into_raw());
                }
                Opcode::IMPORT_STAR => {
                    let m = pop_obj!();
                    save!();
                    tri!(crate::import::import_star(frm, &m));
                }
                Opcode::SEND => {
                    let v = pop_obj!();
                    let receiver = borrow!(top!());
                    save!();
                    let sent = if TRACE {
                        crate::types::generator::send_to_traced(receiver, v, || trace::exception(f))
                    } else {
                        crate::types::generator::send_to(receiver, v)
                    };
                    match tri!(sent) {
                        crate::types::generator::SendResult::Yielded(y) => push!(y.into_raw()),
                        crate::types::generator::SendResult::Returned(r) => {
                            decref(pop!());
                            push!(r.into_raw());
                            jump!(arg);
                        }
                    }
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let o = borrow!(top!());
                    save!();
                    let it = tri!(crate::types::generator::yield_from_iter(o, code::code(&code_obj).flags));
                    let old = std::mem::replace(&mut *stack.add(sp - 1), it.into_raw());
                    decref(old);
                }
                Opcode::GET_AWAITABLE => {
                    let o = pop_obj!();
                    save!();
                    push!(tri!(crate::types::generator::get_awaitable(&o, arg)).into_raw());
                }
                Opcode::GET_AITER => {
                    let o = pop_obj!();
                    save!();
                    push!(tri!(crate::types::generator::get_aiter(&o)).into_raw());
                }
                Opcode::GET_ANEXT => {
                    let o = borrow!(top!());
                    save!();
                    push!(tri!(crate::types::generator::get_anext(o)).into_raw());
                }
                Opcode::END_ASYNC_FOR => {
                    let exc = pop_obj!();
                    save!();
                    if crate::types::type_::is_subtype(exc.type_ptr(), crate::types::exceptions::StopAsyncIteration()) {
                        decref(pop!());
                    } else {
                        let _ = crate::errors::restore(exc);
                        unwind::set_reraise_flag();
                        error!();
                    }
                }
                Opcode::ASYNC_GEN_WRAP => {
                    let v = pop_obj!();
                    push!(crate::types::generator::async_gen_wrap(v).into_raw());
                }
                Opcode::MATCH_CLASS => {
                    let kw = pop_obj!();
                    let cls = pop_obj!();
                    let subject = pop_obj!();
                    save!();
                    let r = tri!(crate::eval::unwind::match_class(&subject, &cls, arg, &kw));
                    push!(r.into_raw());
                }
                Opcode::MATCH_MAPPING => {
                    let s = borrow!(top!());
                    let m = s.ty().has_flag(crate::object::tpflags::MAPPING);
                    push!(bool_::from_bool(m).into_raw());
                }
                Opcode::MATCH_SEQUENCE => {
                    let s = borrow!(top!());
                    let m = s.ty().has_flag(crate::object::tpflags::SEQUENCE);
                    push!(bool_::from_bool(m).into_raw());
                }
                Opcode::MATCH_KEYS => {
                    let keys = borrow!(top!());
                    let subject = borrow!(peek!(2));
                    save!();
                    let r = tri!(unwind::match_keys(subject, keys));
                    push!(r.into_raw());
                }
                Opcode::GET_LEN => {
                    let o = borrow!(top!());
                    save!();
                    let n = tri!(crate::ops::len(o));
                    push!(int::from_usize(n).into_raw());
                }
                Opcode::PRINT_EXPR => {
                    let v = pop_obj!();
                    save!();
                    tri!(crate::modules::sys::displayhook_call(&v));
                }
                Opcode::KW_NAMES => {
                    frm.kw_names = (*consts.add(arg)).as_ptr();
                }
                Opcode::CALL => {
                    let kwnames = std::mem::replace(&mut frm.kw_names, null_mut());
                    let meth = *stack.add(sp - arg - 2);
                    let (callable, nargs, base) = if meth.is_null() {
                        (*stack.add(sp - arg - 1), arg, sp - arg)
                    } else {
                        (meth, arg + 1, sp - arg - 1)
                    };
                    let callable_o = borrow!(callable);
                    let args = Obj::borrow_slice(std::slice::from_raw_parts(stack.add(base), nargs));
                    let kw = if kwnames.is_null() { None } else { Some(borrow!(kwnames)) };
                    ip += Opcode::CALL.cache_entries();
                    save!();
                    // Python function: push a frame and continue here.
                    if function::is_function(callable_o) {
                        let c = code::code(function::code_of(callable_o));
                        let special = krait_bytecode::flags::GENERATOR | krait_bytecode::flags::COROUTINE | krait_bytecode::flags::ASYNC_GENERATOR;
                        if c.flags & special == 0 {
                            if ts.depth + ts.native_depth >= crate::threadstate::recursion_limit() {
                                let _ = recursion_error();
                                error!();
                            }
                            let newf = tri!(frame::new_for_call(callable_o, args, kw));
                            // Pop the call's operands from the caller.
                            for i in (sp - arg - 2)..sp {
                                xdecref(std::mem::replace(&mut *stack.add(i), null_mut()));
                            }
                            sp -= arg + 2;
                            frm.sp = sp as u32;
                            let np = newf.into_raw();
                            let nf = fr(np);
                            nf.f_back = f;
                            incref(f);
                            nf.state = state::EXECUTING;
                            ts.current_frame = np;
                            ts.depth += 1;
                            // The new frame's reference is dropped when it returns.
                            f = np;
                            entering = Entering::Fresh;
                            continue 'frame;
                        }
                    }
                    let r = if TRACE { trace::c_call(f, callable_o, args, kw) } else { crate::ops::call::call(callable_o, args, kw) };
                    for i in (sp - arg - 2)..sp {
                        xdecref(std::mem::replace(&mut *stack.add(i), null_mut()));
                    }
                    sp -= arg + 2;
                    let r = tri!(r);
                    push!(r.into_raw());
                    // As CPython after a call: signals the callee raised
                    // (os.kill, signal.raise_signal) are handled here; the
                    // callee may have installed a trace function.
                    if crate::interp::eval_breaker() || (!TRACE && trace::tracing_on(ts)) {
                        save!();
                        tri!(crate::interp::handle_eval_breaker());
                        if !TRACE && trace::tracing_on(ts) {
                            return Ok(Step::Switch(f, false, Entering::No));
                        }
                    }
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = if arg & 1 != 0 { Some(pop_obj!()) } else { None };
                    let cargs = pop_obj!();
                    let callable = pop_obj!();
                    xdecref(pop!());
                    save!();
                    let r = tri!(if TRACE { unwind::call_ex_traced(f, &callable, &cargs, kwargs.as_ref()) } else { unwind::call_ex(&callable, &cargs, kwargs.as_ref()) });
                    push!(r.into_raw());
                    if crate::interp::eval_breaker() || (!TRACE && trace::tracing_on(ts)) {
                        save!();
                        tri!(crate::interp::handle_eval_breaker());
                        if !TRACE && trace::tracing_on(ts) {
                            return Ok(Step::Switch(f, false, Entering::No));
                        }
                    }
                }
                Opcode::CALL_INTRINSIC_1 => {
                    let v = pop_obj!();
                    save!();
                    let r = match Intrinsic::from_u32(arg as u32) {
                        Some(Intrinsic::StopIterationError) => unwind::stop_iteration_error(&v, code::code(&code_obj).flags),
                        None => v,
                    };
                    push!(r.into_raw());
                }
            }
        }
    }
}

fn load_name(frm: &mut FrameObject, name: &Obj) -> PyResult<Obj> {
    unsafe {
        if !frm.locals.is_null() {
            let locals = Obj::borrow_slot(&frm.locals);
            if dict::is_exact_dict(locals) {
                if let Some(v) = dict::get_item(locals, name)? {
                    return Ok(v);
                }
            } else {
                match crate::ops::seq::getitem(locals, name) {
                    Ok(v) => return Ok(v),
                    Err(e) => {
                        if !crate::errors::matches(crate::types::exceptions::KeyError()) {
                            return Err(e);
                        }
                        crate::errors::clear();
                    }
                }
            }
        }
        if let Some(v) = dict::get_item(Obj::borrow_slot(&frm.globals), name)? {
            return Ok(v);
        }
        if let Some(v) = lookup_in(Obj::borrow_slot(&frm.builtins), name)? {
            return Ok(v);
        }
    }
    Err(unwind::name_error(name))
}
