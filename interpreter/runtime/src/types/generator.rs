//! Generators, coroutines and async generators. Each owns a suspended frame
//! and its own handled-exception state; `send` resumes the frame in the
//! evaluation loop until it yields or returns.

use crate::errors::PyResult;
use crate::eval::frame::{self, state};
use crate::eval::Exit;
use crate::object::{alloc, tpflags, Obj, PyObject, PyTypeObject};
use crate::threadstate::{tstate, ErrStackItem};
use crate::types::builtin_func::{check_nargs_named, method, method_table};
use crate::types::exceptions as exc;
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{bool_, none, str as pystr, tuple, type_};
use std::ptr::null_mut;

#[repr(C)]
pub struct GenObject {
    pub ob_base: PyObject,
    pub frame: *mut PyObject,
    pub name: *mut PyObject,
    pub qualname: *mut PyObject,
    pub weakreflist: *mut PyObject,
    /// Coroutines: `cr_origin` (where it was created, when tracking is on);
    /// async generators: the finalizer hook captured at first iteration.
    pub origin_or_finalizer: *mut PyObject,
    pub exc_state: ErrStackItem,
    pub running: u8,
    /// Coroutines only: whether it was ever awaited/started (for warnings).
    pub started: u8,
    /// Async generators: whether asend/athrow hooks ran.
    pub hooks_inited: u8,
    pub closed: u8,
}

#[no_mangle]
pub static mut PyGen_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyCoro_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut PyAsyncGen_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyCoroWrapper_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyAsyncGenWrappedValue_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyAsyncGenASend_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyAsyncGenAThrow_Type: PyTypeObject = PyTypeObject::EMPTY;

pub fn gen_type() -> *mut PyTypeObject {
    &raw mut PyGen_Type
}
pub fn coro_type() -> *mut PyTypeObject {
    &raw mut PyCoro_Type
}
pub fn asyncgen_type() -> *mut PyTypeObject {
    &raw mut PyAsyncGen_Type
}

pub fn is_gen(o: &Obj) -> bool {
    o.is_type(gen_type())
}
pub fn is_coro(o: &Obj) -> bool {
    o.is_type(coro_type())
}

fn g(o: &Obj) -> &mut GenObject {
    unsafe { o.cast_mut::<GenObject>() }
}

/// Creates the generator/coroutine/async generator of a called function.
pub fn new_from_frame(frame_obj: Obj, func: &Obj) -> PyResult<Obj> {
    let c = crate::types::code::code(crate::types::function::code_of(func));
    let t = if c.flags & krait_bytecode::flags::COROUTINE != 0 {
        coro_type()
    } else if c.flags & krait_bytecode::flags::ASYNC_GENERATOR != 0 {
        asyncgen_type()
    } else {
        gen_type()
    };
    unsafe {
        let p = alloc::alloc_object(t, 0) as *mut GenObject;
        let fo = crate::types::function::func(func);
        (*p).name = Obj::from_borrowed(fo.func_name).into_raw();
        (*p).qualname = Obj::from_borrowed(fo.func_qualname).into_raw();
        frame::frame_mut(&frame_obj).gen = p as *mut PyObject;
        (*p).frame = frame_obj.into_raw();
        let o = Obj::from_owned(p as *mut PyObject);
        let depth = tstate().coroutine_origin_depth;
        if t == coro_type() && depth > 0 {
            (*p).origin_or_finalizer = origin_of_caller(depth as usize).into_raw();
        }
        Ok(o)
    }
}

/// `cr_origin`: (filename, line, function) of the `depth` innermost frames
/// executing when the coroutine was created, innermost first.
fn origin_of_caller(depth: usize) -> Obj {
    let mut out = Vec::new();
    let mut f = crate::eval::current_frame();
    while let Some(fo) = f {
        if out.len() == depth {
            break;
        }
        let fr = frame::frame_mut(&fo);
        let c = crate::types::code::code(fr.code_obj());
        let entry = unsafe {
            tuple::from_vec(vec![
                Obj::from_borrowed(c.filename),
                crate::types::int::from_i64(frame::line_of(&fo) as i64),
                Obj::from_borrowed(c.name),
            ])
        };
        out.push(entry);
        f = unsafe { crate::object::opt_from_borrowed(fr.f_back) };
    }
    tuple::from_vec(out)
}

/// First iteration of an async generator (its first asend/athrow/aclose):
/// keeps the thread's finalizer hook and calls its firstiter hook, as
/// event loops use them to track and finally close async generators.
fn init_asyncgen_hooks(gen: &Obj) -> PyResult<()> {
    let gs = g(gen);
    if gs.hooks_inited != 0 {
        return Ok(());
    }
    gs.hooks_inited = 1;
    let ts = tstate();
    unsafe {
        if let Some(fin) = crate::object::opt_from_borrowed(ts.asyncgen_finalizer) {
            crate::object::xsetref(&mut gs.origin_or_finalizer, fin.into_raw());
        }
        if let Some(first) = crate::object::opt_from_borrowed(ts.asyncgen_firstiter) {
            crate::ops::call::call(&first, &[gen.clone()], None)?;
        }
    }
    Ok(())
}

fn kind_name(o: &Obj) -> &'static str {
    if is_coro(o) {
        "coroutine"
    } else if o.is_type(asyncgen_type()) {
        "async generator"
    } else {
        "generator"
    }
}

/// Result of resuming a generator-like object.
pub enum SendResult {
    Yielded(Obj),
    Returned(Obj),
}

/// Resumes `gen` with `value` (or with the pending exception when `throwing`).
pub fn resume(gen: &Obj, value: Option<Obj>, throwing: bool) -> PyResult<SendResult> {
    send_ex(gen, value, throwing, false)
}

fn frame_state(gs: &GenObject) -> u8 {
    if gs.frame.is_null() {
        state::COMPLETED
    } else {
        frame::frame_mut(unsafe { Obj::borrow_slot(&gs.frame) }).state
    }
}

/// One resumption, as CPython's `gen_send_ex2`: `value` is what `send`
/// passes (None for `__next__`); with `throwing` the pending exception is
/// raised at the suspension point, chained to the exception the generator
/// itself is handling. `closing` (from `close()`) keeps an exhausted
/// coroutine quiet.
fn send_ex(gen: &Obj, value: Option<Obj>, throwing: bool, closing: bool) -> PyResult<SendResult> {
    let gs = g(gen);
    let st = frame_state(gs);
    if st == state::CREATED {
        if let Some(v) = &value {
            if !none::is_none(v) && !throwing {
                crate::bail!(TypeError, "can't send non-None value to a just-started {}", kind_name(gen));
            }
        }
    }
    if gs.running != 0 || st == state::EXECUTING {
        crate::bail!(ValueError, "{} already executing", kind_name(gen));
    }
    if st == state::COMPLETED {
        if is_coro(gen) && !closing {
            // The pending exception of a throw() is replaced.
            crate::errors::clear();
            crate::bail!(RuntimeError, "cannot reuse already awaited coroutine");
        }
        if throwing {
            return Err(crate::errors::PyErr::already_set());
        }
        // An exhausted generator: send() returns None (→ StopIteration),
        // __next__ just stops.
        return Ok(SendResult::Returned(none::none()));
    }
    let fobj = unsafe { Obj::from_borrowed(gs.frame) };
    if st != state::CREATED && !throwing {
        crate::eval::push_value(&fobj, value.unwrap_or_else(none::none));
    }
    run_frame(gen, &fobj, throwing)
}

/// Runs the generator's frame from where it stands, its handled exception
/// the innermost of the thread's while it runs.
fn run_frame(gen: &Obj, fobj: &Obj, throwing: bool) -> PyResult<SendResult> {
    let gs = g(gen);
    let ts = tstate();
    gs.exc_state.previous_item = ts.py.exc_info;
    ts.py.exc_info = &mut gs.exc_state;
    if throwing {
        // The thrown exception's context is what the generator was handling.
        let own = gs.exc_state.exc_value;
        if !own.is_null() && own != none::none_ptr() {
            if let Some(e) = crate::errors::fetch() {
                crate::errors::chain_to_handled(&e);
                let _ = crate::errors::restore(e);
            }
        }
    }
    gs.running = 1;
    gs.started = 1;
    let r = crate::eval::execute(fobj, throwing);
    gs.running = 0;
    ts.py.exc_info = gs.exc_state.previous_item;
    gs.exc_state.previous_item = null_mut();
    match r {
        Ok(Exit::Yield(v)) => Ok(SendResult::Yielded(v)),
        Ok(Exit::Return(v)) => {
            finish(gen);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            finish(gen);
            Err(e)
        }
    }
}

fn finish(gen: &Obj) {
    let gs = g(gen);
    unsafe {
        crate::object::xdecref(std::mem::replace(&mut gs.exc_state.exc_value, null_mut()));
    }
}

/// `gen.send(v)`: the next yielded value, or StopIteration on return.
pub fn send(gen: &Obj, v: Obj) -> PyResult<Obj> {
    send_impl(gen, v)
}

/// `gen.send(v)` with StopIteration on return.
fn send_impl(gen: &Obj, v: Obj) -> PyResult<Obj> {
    match resume(gen, Some(v), false)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(stop_iteration(gen, r)),
    }
}

fn stop_iteration(gen: &Obj, r: Obj) -> crate::errors::PyErr {
    if gen.is_type(asyncgen_type()) {
        return crate::errors::raise_empty(exc::StopAsyncIteration());
    }
    if none::is_none(&r) {
        crate::errors::raise_empty(exc::StopIteration())
    } else {
        // StopIteration(value) — a tuple value must not be unpacked.
        crate::errors::raise_with(exc::StopIteration(), &[r])
    }
}

/// SEND: sends `v` into a sub-iterator (yield from / await).
pub fn send_to(receiver: &Obj, v: Obj) -> PyResult<SendResult> {
    if is_gen(receiver) || is_coro(receiver) {
        return resume(receiver, Some(v), false);
    }
    let r = next_or_send(receiver, v);
    if !r.is_null() {
        return Ok(SendResult::Yielded(unsafe { Obj::from_owned(r) }));
    }
    stop_value().map(SendResult::Returned)
}

/// One step of a sub-iterator that is not a generator: `__next__` for
/// None, else `send(v)`; null with the exception set when it raised.
fn next_or_send(receiver: &Obj, v: Obj) -> *mut PyObject {
    if none::is_none(&v) {
        match receiver.ty().tp_iternext {
            Some(f) => unsafe { f(receiver.as_ptr()) },
            None => {
                let _ = crate::raise!(TypeError, "'{}' object is not an iterator", receiver.ty().name());
                null_mut()
            }
        }
    } else {
        match crate::ops::attr::call_method(receiver, "send", &[v]) {
            Ok(o) => o.into_raw(),
            Err(_) => null_mut(),
        }
    }
}

/// SEND as CPython runs it while a trace function is set: the sub-iterator
/// is driven through `__next__`/`send`, so its exhaustion is a StopIteration
/// that `on_stop` (the tracer's 'exception' event) sees before it is taken.
pub fn send_to_traced(receiver: &Obj, v: Obj, on_stop: impl FnOnce() -> PyResult<()>) -> PyResult<SendResult> {
    if is_gen(receiver) || is_coro(receiver) {
        // A generator's __next__ raises StopIteration only for a value.
        let via_next = none::is_none(&v) && is_gen(receiver);
        return match resume(receiver, Some(v), false)? {
            SendResult::Returned(r) if !(via_next && none::is_none(&r)) => {
                let _ = stop_iteration(receiver, r);
                on_stop()?;
                stop_value().map(SendResult::Returned)
            }
            other => Ok(other),
        };
    }
    let r = next_or_send(receiver, v);
    if !r.is_null() {
        return Ok(SendResult::Yielded(unsafe { Obj::from_owned(r) }));
    }
    if crate::errors::matches(exc::StopIteration()) {
        on_stop()?;
    }
    stop_value().map(SendResult::Returned)
}

/// After an iterator signalled exhaustion: its return value (StopIteration's
/// value, or None), or the error if something else was raised.
fn stop_value() -> PyResult<Obj> {
    if !crate::errors::occurred() {
        return Ok(none::none());
    }
    if crate::errors::matches(exc::StopIteration()) {
        let e = crate::errors::fetch().unwrap();
        return Ok(exc::get_field(&e, "value").unwrap_or_else(none::none));
    }
    Err(crate::errors::PyErr::already_set())
}

fn gen_send(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.send", slf.ty().name()), args, kw, 1, 1)?;
    send_impl(slf, args[0].clone())
}

unsafe extern "C" fn gen_iternext(p: *mut PyObject) -> *mut PyObject {
    let gen = Obj::borrow_slot(&p);
    match resume(gen, None, false) {
        Ok(SendResult::Yielded(y)) => y.into_raw(),
        Ok(SendResult::Returned(r)) => {
            if !none::is_none(&r) {
                let _ = stop_iteration(gen, r);
            }
            null_mut()
        }
        Err(_) => null_mut(),
    }
}

/// `gen.throw(typ[, val[, tb]])`.
fn gen_throw(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.throw", slf.ty().name()), args, kw, 1, 3)?;
    throw_impl(slf, &args[0], args.get(1), args.get(2))
}

/// `throw()` of a generator, coroutine or their wrappers.
pub fn throw_impl(gen: &Obj, typ: &Obj, val: Option<&Obj>, tb: Option<&Obj>) -> PyResult<Obj> {
    let r = throw_ex(gen, true, typ, val, tb)?;
    returned_as_stop(gen, r)
}

fn returned_as_stop(gen: &Obj, r: SendResult) -> PyResult<Obj> {
    match r {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(stop_iteration(gen, r)),
    }
}

/// Does the exception `typ` (a class, an instance or a tuple of them) match
/// `tp`, as PyErr_GivenExceptionMatches?
fn given_matches(typ: &Obj, tp: *mut PyTypeObject) -> bool {
    if tuple::is_tuple(typ) {
        return tuple::items(typ).iter().any(|t| given_matches(t, tp));
    }
    if exc::is_exception_instance(typ) {
        return type_::is_subtype(typ.type_ptr(), tp);
    }
    exc::is_exception_class(typ) && type_::is_subtype(type_::as_type(typ), tp)
}

/// Runs `f` with `gen` marked as executing (gi_running), as while it
/// passes a throw() or close() on to the iterator it delegates to.
fn while_executing<T>(gen: &Obj, f: impl FnOnce() -> T) -> T {
    let gs = g(gen);
    let fobj = unsafe { Obj::from_borrowed(gs.frame) };
    let fr = frame::frame_mut(&fobj);
    let saved = fr.state;
    fr.state = state::EXECUTING;
    gs.running = 1;
    let r = f();
    let gs = g(gen);
    gs.running = 0;
    frame::frame_mut(&fobj).state = saved;
    r
}

/// CPython's `_gen_throw`: a throw into a generator that is delegating
/// (yield from / await) goes to the sub-iterator first; when that one
/// finishes, the generator continues with its result or its exception.
fn throw_ex(gen: &Obj, close_on_genexit: bool, typ: &Obj, val: Option<&Obj>, tb: Option<&Obj>) -> PyResult<SendResult> {
    if let Some(yf) = if g(gen).frame.is_null() { None } else { delegate_of(gen) } {
        if close_on_genexit && given_matches(typ, exc::GeneratorExit()) {
            // Closing: the sub-iterator is closed, then GeneratorExit is
            // raised here (or the sub-iterator's own error).
            let closed = while_executing(gen, || close_iter(&yf));
            if closed.is_err() {
                return send_ex(gen, Some(none::none()), true, false);
            }
            return throw_here(gen, typ, val, tb);
        }
        let ret = if is_gen(&yf) || is_coro(&yf) {
            // The generator's frame is on the stack while the sub-generator
            // runs, so tracebacks and sys._getframe() see it.
            let fobj = unsafe { Obj::from_borrowed(g(gen).frame) };
            let ts = tstate();
            let prev = ts.current_frame;
            unsafe {
                crate::object::xsetref(&mut frame::frame_mut(&fobj).f_back, crate::object::opt_into_raw(crate::object::opt_from_borrowed(prev)));
            }
            ts.current_frame = fobj.as_ptr();
            let r = while_executing(gen, || throw_ex(&yf, close_on_genexit, typ, val, tb).and_then(|r| returned_as_stop(&yf, r)));
            let ts = tstate();
            ts.current_frame = prev;
            unsafe {
                crate::object::xsetref(&mut frame::frame_mut(&fobj).f_back, null_mut());
            }
            r
        } else {
            match crate::ops::attr::getattr_opt(&yf, &pystr::intern_static("throw"))? {
                None => return throw_here(gen, typ, val, tb),
                Some(m) => {
                    let mut args = vec![typ.clone()];
                    if let Some(v) = val {
                        args.push(v.clone());
                        if let Some(t) = tb {
                            args.push(t.clone());
                        }
                    }
                    while_executing(gen, || crate::ops::call::call(&m, &args, None))
                }
            }
        };
        return match ret {
            Ok(y) => Ok(SendResult::Yielded(y)),
            Err(_) => {
                // The sub-iterator is done: pop it, continue at the SEND's
                // target with its value, or raise its error here.
                pop_delegate(gen);
                if crate::errors::matches(exc::StopIteration()) {
                    let v = stop_value()?;
                    send_ex(gen, Some(v), false, false)
                } else {
                    send_ex(gen, Some(none::none()), true, false)
                }
            }
        };
    }
    throw_here(gen, typ, val, tb)
}

/// The exception for `throw(typ, val, tb)`, raised inside the generator.
fn throw_here(gen: &Obj, typ: &Obj, val: Option<&Obj>, tb: Option<&Obj>) -> PyResult<SendResult> {
    let tb = tb.filter(|t| !none::is_none(t));
    if let Some(t) = tb {
        if !crate::types::traceback::is_traceback(t) {
            crate::bail!(TypeError, "throw() third argument must be a traceback object");
        }
    }
    let value = if exc::is_exception_class(typ) {
        // Instantiating the class may fail: that failure is what is thrown.
        match normalize(typ, val) {
            Ok(v) => v,
            Err(e) => crate::errors::take(e),
        }
    } else if exc::is_exception_instance(typ) {
        if val.map(|v| !none::is_none(v)).unwrap_or(false) {
            crate::bail!(TypeError, "instance exception may not have a separate value");
        }
        typ.clone()
    } else {
        crate::bail!(
            TypeError,
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.ty().name()
        );
    };
    if let Some(t) = tb {
        exc::set_traceback(&value, Some(t.clone()));
    }
    let _ = crate::errors::restore(value);
    send_ex(gen, Some(none::none()), true, false)
}

/// The instance for exception class `typ` and value `val`, as
/// PyErr_NormalizeException: `val` itself when it is an instance of `typ`,
/// else `typ()`, `typ(*val)` for a tuple, or `typ(val)`.
fn normalize(typ: &Obj, val: Option<&Obj>) -> PyResult<Obj> {
    let val = val.filter(|v| !none::is_none(v));
    if let Some(v) = val {
        if exc::is_exception_instance(v) && type_::is_subtype(v.type_ptr(), type_::as_type(typ)) {
            return Ok(v.clone());
        }
    }
    let args: Vec<Obj> = match val {
        None => vec![],
        Some(v) if tuple::is_tuple(v) => tuple::items(v).to_vec(),
        Some(v) => vec![v.clone()],
    };
    let e = crate::ops::call::call(typ, &args, None)?;
    if !exc::is_exception_instance(&e) {
        let r = crate::ops::repr(typ)?;
        crate::bail!(
            TypeError,
            "calling {} should have returned an instance of BaseException, not {}",
            pystr::to_string_lossy(&r),
            e.ty().name()
        );
    }
    Ok(e)
}

/// Pops the sub-iterator of a delegating generator and points its frame at
/// the SEND's target, where the sub-iterator's result is expected.
fn pop_delegate(gen: &Obj) {
    let gs = g(gen);
    let fobj = unsafe { Obj::from_borrowed(gs.frame) };
    let fr = frame::frame_mut(&fobj);
    unsafe {
        let sb = fr.stack_base();
        fr.sp -= 1;
        crate::object::xdecref(std::mem::replace(&mut *sb.add(fr.sp as usize), null_mut()));
    }
    // The frame is suspended at the YIELD_VALUE after SEND; the SEND's
    // argument is the continuation target.
    let code_obj = fr.code_obj().clone();
    let words = &crate::types::code::data(&code_obj).words;
    let mut i = fr.ip as usize;
    while i > 0 {
        i -= 1;
        let (op, arg) = krait_bytecode::decode(words[i]);
        if op == krait_bytecode::Opcode::SEND as u8 {
            fr.ip = arg;
            break;
        }
    }
}

/// The sub-iterator a suspended generator is delegating to (yield from /
/// await), i.e. the receiver under the SEND it is suspended at.
fn delegate_of(gen: &Obj) -> Option<Obj> {
    let gs = g(gen);
    let fobj = unsafe { Obj::from_borrowed(gs.frame) };
    let fr = frame::frame_mut(&fobj);
    if fr.state != state::SUSPENDED || fr.sp == 0 {
        return None;
    }
    let code_obj = fr.code_obj().clone();
    let words = &crate::types::code::data(&code_obj).words;
    // Suspended right after a YIELD_VALUE that follows a SEND?
    let y = fr.lasti as usize;
    let (op, _) = krait_bytecode::decode(words[y]);
    if op != krait_bytecode::Opcode::YIELD_VALUE as u8 {
        return None;
    }
    let mut i = y;
    while i > 0 {
        i -= 1;
        let (op, _) = krait_bytecode::decode(words[i]);
        if op == krait_bytecode::Opcode::SEND as u8 {
            let top = unsafe { *fr.stack_base().add(fr.sp as usize - 1) };
            return unsafe { crate::object::opt_from_borrowed(top) };
        }
        if op != krait_bytecode::Opcode::NOP as u8 && op != krait_bytecode::Opcode::RESUME as u8 {
            return None;
        }
    }
    None
}

/// Closes the iterator a generator delegates to: `close()` of a generator
/// or coroutine, else its `close` method if it has one.
fn close_iter(yf: &Obj) -> PyResult<()> {
    if is_gen(yf) || is_coro(yf) {
        return close(yf);
    }
    match crate::ops::attr::getattr_opt(yf, &pystr::intern_static("close")) {
        Ok(Some(m)) => crate::ops::call::call(&m, &[], None).map(|_| ()),
        Ok(None) => Ok(()),
        Err(e) => {
            crate::errors::write_unraisable(e, Some(yf));
            Ok(())
        }
    }
}

/// `gen.close()`: GeneratorExit raised at the suspension point (after the
/// delegated-to iterator is closed); the generator must not yield again.
pub fn close(gen: &Obj) -> PyResult<()> {
    let mut err = false;
    if !g(gen).frame.is_null() {
        if let Some(yf) = delegate_of(gen) {
            err = while_executing(gen, || close_iter(&yf)).is_err();
        }
    }
    if !err {
        let _ = crate::errors::raise_empty(exc::GeneratorExit());
    }
    match send_ex(gen, Some(none::none()), true, true) {
        Ok(SendResult::Yielded(_)) => {
            let msg = if gen.is_type(asyncgen_type()) {
                "async generator ignored GeneratorExit"
            } else if is_coro(gen) {
                "coroutine ignored GeneratorExit"
            } else {
                "generator ignored GeneratorExit"
            };
            crate::bail!(RuntimeError, "{}", msg);
        }
        Ok(SendResult::Returned(_)) => Ok(()),
        Err(e) => {
            if crate::errors::matches(exc::GeneratorExit()) || crate::errors::matches(exc::StopIteration()) {
                crate::errors::clear();
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn gen_close(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.close", slf.ty().name()), args, kw, 0, 0)?;
    close(slf)?;
    Ok(none::none())
}

/// GET_YIELD_FROM_ITER.
pub fn yield_from_iter(o: &Obj, flags: u32) -> PyResult<Obj> {
    if is_coro(o) {
        if flags & (krait_bytecode::flags::COROUTINE | krait_bytecode::flags::ITERABLE_COROUTINE) == 0 {
            crate::bail!(TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
        return Ok(o.clone());
    }
    if is_gen(o) {
        return Ok(o.clone());
    }
    crate::ops::iter(o)
}

/// GET_AWAITABLE: the iterator behind `await o`.
/// A generator whose code is marked CO_ITERABLE_COROUTINE
/// (`types.coroutine`): it may be awaited as a coroutine.
fn is_iterable_coroutine(o: &Obj) -> bool {
    if !is_gen(o) {
        return false;
    }
    let gs = g(o);
    if gs.frame.is_null() {
        return false;
    }
    let fr = frame::frame_mut(unsafe { Obj::borrow_slot(&gs.frame) });
    crate::types::code::code(fr.code_obj()).flags & krait_bytecode::flags::ITERABLE_COROUTINE != 0
}

pub fn get_awaitable(o: &Obj, where_: usize) -> PyResult<Obj> {
    if is_iterable_coroutine(o) {
        return Ok(o.clone());
    }
    if is_coro(o) {
        let gs = g(o);
        if let Some(sub) = if gs.frame.is_null() { None } else { delegate_of(o) } {
            let _ = sub;
            crate::bail!(RuntimeError, "coroutine is being awaited already");
        }
        return Ok(o.clone());
    }
    // A generator from a @types.coroutine function is awaitable as it is.
    if is_gen(o) && !g(o).frame.is_null() {
        let c = crate::types::code::code(frame::frame_mut(unsafe { Obj::borrow_slot(&g(o).frame) }).code_obj());
        if c.flags & krait_bytecode::flags::ITERABLE_COROUTINE != 0 {
            return Ok(o.clone());
        }
    }
    let t = o.ty();
    let f = unsafe { if t.tp_as_async.is_null() { None } else { (*t.tp_as_async).am_await } };
    match f {
        Some(f) => {
            let r = unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? };
            if is_coro(&r) {
                crate::bail!(TypeError, "__await__() returned a coroutine");
            }
            if r.ty().tp_iternext.is_none() {
                crate::bail!(TypeError, "__await__() returned non-iterator of type '{}'", r.ty().name());
            }
            Ok(r)
        }
        None => {
            let what = match where_ {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", t.name()),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", t.name()),
                _ => format!("object {} can't be used in 'await' expression", t.name()),
            };
            crate::bail!(TypeError, "{}", what)
        }
    }
}

pub fn get_aiter(o: &Obj) -> PyResult<Obj> {
    let t = o.ty();
    let f = unsafe { if t.tp_as_async.is_null() { None } else { (*t.tp_as_async).am_aiter } };
    match f {
        Some(f) => {
            let r = unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? };
            let rt = r.ty();
            let has_anext = unsafe { !rt.tp_as_async.is_null() && (*rt.tp_as_async).am_anext.is_some() };
            if !has_anext {
                crate::bail!(
                    TypeError,
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    rt.name()
                );
            }
            Ok(r)
        }
        None => crate::bail!(TypeError, "'async for' requires an object with __aiter__ method, got {}", t.name()),
    }
}

pub fn get_anext(o: &Obj) -> PyResult<Obj> {
    let t = o.ty();
    let f = unsafe { if t.tp_as_async.is_null() { None } else { (*t.tp_as_async).am_anext } };
    let r = match f {
        Some(f) => unsafe { crate::types::slots::from_ret(f(o.as_ptr()))? },
        None => crate::bail!(TypeError, "'async for' requires an iterator with __anext__ method, got {}", t.name()),
    };
    get_awaitable(&r, 0).map_err(|e| {
        // Whatever failed becomes the cause (and context) of the TypeError.
        let cause = crate::errors::take(e);
        let err = crate::raise!(TypeError, "'async for' received an invalid object from __anext__: {}", r.ty().name());
        if let Some(new) = crate::errors::fetch() {
            exc::set_cause(&new, Some(cause.clone()));
            exc::set_context(&new, Some(cause));
            let _ = err;
            return crate::errors::restore(new);
        }
        err
    })
}

/// Async generators: a value yielded by the body (not an await) is wrapped
/// so that `asend` can tell the two apart.
pub fn async_gen_wrap(v: Obj) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyAsyncGenWrappedValue_Type, 0) as *mut WrappedValue;
        (*p).value = v.into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

#[repr(C)]
pub struct WrappedValue {
    pub ob_base: PyObject,
    pub value: *mut PyObject,
}

/// The awaitables of an async generator: `asend`/`__anext__`
/// (async_generator_asend) and `athrow`/`aclose` (async_generator_athrow).
#[repr(C)]
pub struct ASendObject {
    pub ob_base: PyObject,
    pub gen: *mut PyObject,
    pub sendval: *mut PyObject,
    pub throw: *mut PyObject,
    pub state: u8,
    pub mode: u8,
}

const MODE_ASEND: u8 = 0;
const MODE_ATHROW: u8 = 1;
const MODE_ACLOSE: u8 = 2;

fn new_asend(gen: &Obj, v: Option<Obj>, throw: Option<Obj>, mode: u8) -> Obj {
    unsafe {
        let t = if mode == MODE_ASEND { &raw mut _PyAsyncGenASend_Type } else { &raw mut _PyAsyncGenAThrow_Type };
        let p = alloc::alloc_object(t, 0) as *mut ASendObject;
        (*p).gen = gen.clone().into_raw();
        (*p).sendval = crate::object::opt_into_raw(v);
        (*p).throw = crate::object::opt_into_raw(throw);
        (*p).mode = mode;
        Obj::from_owned(p as *mut PyObject)
    }
}

fn is_finished(gen: &Obj) -> bool {
    let gs = g(gen);
    gs.frame.is_null() || frame::frame_mut(unsafe { Obj::borrow_slot(&gs.frame) }).state == state::COMPLETED
}

/// One step of an asend/athrow awaitable: runs the async generator until it
/// yields a wrapped value (→ StopIteration(value), the asend result) or an
/// await (→ passed through to the event loop). `aclose()` completes with
/// StopIteration when the generator exits, and is a RuntimeError when it
/// yields a value instead.
fn asend_step(a: &Obj, v: Obj) -> PyResult<Obj> {
    let s = unsafe { a.cast_mut::<ASendObject>() };
    if s.state == 2 {
        if s.mode == MODE_ASEND {
            crate::bail!(RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        }
        crate::bail!(RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    }
    let gen = unsafe { Obj::from_borrowed(s.gen) };
    if s.mode != MODE_ASEND && is_finished(&gen) {
        s.state = 2;
        return Err(crate::errors::raise_empty(exc::StopIteration()));
    }
    let first = s.state == 0;
    s.state = 1;
    if first && s.mode == MODE_ACLOSE {
        // Closing: the finalizer hook must not be called for it any more.
        g(&gen).closed = 1;
    }
    let r = if first && !s.throw.is_null() {
        let t = unsafe { Obj::from_owned(std::mem::replace(&mut s.throw, null_mut())) };
        if s.mode == MODE_ATHROW {
            // athrow's (typ[, val[, tb]]) are checked and normalized now,
            // as gen.throw() does them.
            let a = tuple::items(&t);
            throw_ex(&gen, false, &a[0], a.get(1), a.get(2))
        } else {
            let _ = crate::errors::restore(t);
            resume(&gen, None, true)
        }
    } else {
        // The first step sends asend()'s value, unless a non-None value
        // is sent to the awaitable itself (as CPython's asend.send()).
        let stored = if first { unsafe { crate::object::opt_from_owned(std::mem::replace(&mut s.sendval, null_mut())) } } else { None };
        let sent = match stored {
            Some(sv) if none::is_none(&v) => sv,
            _ => v,
        };
        resume(&gen, Some(sent), false)
    };
    asend_outcome(s, r)
}

fn asend_outcome(s: &mut ASendObject, r: PyResult<SendResult>) -> PyResult<Obj> {
    let aclose = s.mode == MODE_ACLOSE;
    match r {
        Ok(SendResult::Yielded(y)) => {
            if y.is_type(&raw mut _PyAsyncGenWrappedValue_Type) {
                s.state = 2;
                if aclose {
                    crate::bail!(RuntimeError, "async generator ignored GeneratorExit");
                }
                let inner = unsafe { Obj::from_borrowed(y.cast::<WrappedValue>().value) };
                Err(crate::errors::raise_with(exc::StopIteration(), &[inner]))
            } else {
                Ok(y)
            }
        }
        Ok(SendResult::Returned(_)) => {
            s.state = 2;
            if aclose {
                return Err(crate::errors::raise_empty(exc::StopIteration()));
            }
            Err(crate::errors::raise_empty(exc::StopAsyncIteration()))
        }
        Err(e) => {
            s.state = 2;
            if aclose && (crate::errors::matches(exc::StopAsyncIteration()) || crate::errors::matches(exc::GeneratorExit())) {
                crate::errors::clear();
                return Err(crate::errors::raise_empty(exc::StopIteration()));
            }
            Err(e)
        }
    }
}

unsafe extern "C" fn asend_iternext(p: *mut PyObject) -> *mut PyObject {
    crate::types::slots::ret(asend_step(Obj::borrow_slot(&p), none::none()))
}

fn asend_send(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.send", slf.ty().name()), args, kw, 1, 1)?;
    asend_step(slf, args[0].clone())
}

fn asend_throw(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.throw", slf.ty().name()), args, kw, 1, 3)?;
    let s = unsafe { slf.cast_mut::<ASendObject>() };
    if s.state == 2 {
        crate::bail!(RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    }
    let gen = unsafe { Obj::from_borrowed(s.gen) };
    s.state = 1;
    let r = throw_impl(&gen, &args[0], args.get(1), args.get(2)).map(SendResult::Yielded);
    let r = match r {
        Err(e) if crate::errors::matches(exc::StopIteration()) => {
            crate::errors::clear();
            let _ = e;
            Ok(SendResult::Returned(none::none()))
        }
        other => other,
    };
    asend_outcome(s, r)
}

fn asend_close(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    unsafe { slf.cast_mut::<ASendObject>().state = 2 };
    Ok(none::none())
}

fn agen_anext(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.__anext__", slf.ty().name()), args, kw, 0, 0)?;
    init_asyncgen_hooks(slf)?;
    Ok(new_asend(slf, None, None, MODE_ASEND))
}

fn agen_asend(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.asend", slf.ty().name()), args, kw, 1, 1)?;
    init_asyncgen_hooks(slf)?;
    Ok(new_asend(slf, Some(args[0].clone()), None, MODE_ASEND))
}

fn agen_athrow(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.athrow", slf.ty().name()), args, kw, 1, 3)?;
    init_asyncgen_hooks(slf)?;
    Ok(new_asend(slf, None, Some(tuple::new(args)), MODE_ATHROW))
}

fn agen_aclose(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.aclose", slf.ty().name()), args, kw, 0, 0)?;
    init_asyncgen_hooks(slf)?;
    let ge = exc::new_exception(exc::GeneratorExit(), &[])?;
    Ok(new_asend(slf, None, Some(ge), MODE_ACLOSE))
}

fn agen_aiter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}
crate::unary_slot!(agen_aiter_slot => agen_aiter);

fn agen_anext_slot_impl(o: &Obj) -> PyResult<Obj> {
    init_asyncgen_hooks(o)?;
    Ok(new_asend(o, None, None, MODE_ASEND))
}
crate::unary_slot!(agen_anext_slot => agen_anext_slot_impl);

fn coro_await(o: &Obj) -> PyResult<Obj> {
    // A coroutine's __await__ iterator: a wrapper that forwards to it.
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyCoroWrapper_Type, 0) as *mut WrappedValue;
        (*p).value = o.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}
crate::unary_slot!(coro_await_slot => coro_await);

unsafe extern "C" fn coro_wrapper_next(p: *mut PyObject) -> *mut PyObject {
    let c = Obj::from_borrowed((*(p as *mut WrappedValue)).value);
    gen_iternext(c.as_ptr())
}

fn coro_wrapper_send(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.send", slf.ty().name()), args, kw, 1, 1)?;
    let c = unsafe { Obj::from_borrowed(slf.cast::<WrappedValue>().value) };
    send_impl(&c, args[0].clone())
}

fn coro_wrapper_throw(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.throw", slf.ty().name()), args, kw, 1, 3)?;
    let c = unsafe { Obj::from_borrowed(slf.cast::<WrappedValue>().value) };
    throw_impl(&c, &args[0], args.get(1), args.get(2))
}

fn coro_wrapper_close(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs_named(|| format!("{}.close", slf.ty().name()), args, kw, 0, 0)?;
    let c = unsafe { Obj::from_borrowed(slf.cast::<WrappedValue>().value) };
    close(&c)?;
    Ok(none::none())
}

fn gen_repr(o: &Obj) -> PyResult<Obj> {
    let gs = g(o);
    let kind = match kind_name(o) {
        "coroutine" => "coroutine",
        "async generator" => "async_generator",
        _ => "generator",
    };
    Ok(pystr::new(&format!(
        "<{} object {} at {:#x}>",
        kind,
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&gs.qualname) }),
        o.as_ptr() as usize
    )))
}
crate::unary_slot!(gen_repr_slot => gen_repr);

/// tp_finalize (once per object, PEP 442): an unfinished async generator
/// goes to its event loop's finalizer hook (which closes it asynchronously);
/// a coroutine that never ran is reported; a suspended generator gets
/// close() (runs its finally blocks).
unsafe extern "C" fn gen_finalize(p: *mut PyObject) {
    finalize(&Obj::from_borrowed(p));
}

/// The body of tp_finalize, also run by `frame.clear()` on a generator's
/// frame (CPython's `_PyGen_Finalize`).
pub fn finalize(o: &Obj) {
    // Safety: reads the generator's own fields; `o` keeps it alive.
    unsafe { finalize_impl(o) }
}

unsafe fn finalize_impl(o: &Obj) {
    let o = o.clone();
    let gs = g(&o);
    let st = if gs.frame.is_null() { state::COMPLETED } else { frame::frame_mut(Obj::borrow_slot(&gs.frame)).state };
    if st == state::COMPLETED {
        return;
    }
    let saved = crate::errors::fetch();
    let finalizer = if o.is_type(asyncgen_type()) && gs.closed == 0 {
        crate::object::opt_from_borrowed(gs.origin_or_finalizer)
    } else {
        None
    };
    if let Some(fin) = finalizer {
        if let Err(e) = crate::ops::call::call(&fin, &[o.clone()], None) {
            crate::errors::write_unraisable(e, Some(&o));
        }
    } else {
        if st == state::CREATED && is_coro(&o) {
            warn_unawaited(&o);
        }
        if st == state::SUSPENDED {
            if let Err(e) = close(&o) {
                crate::errors::write_unraisable(e, Some(&o));
            }
        }
    }
    if let Some(s) = saved {
        let _ = crate::errors::restore(s);
    }
}

unsafe extern "C" fn gen_dealloc(p: *mut PyObject) {
    let o = Obj::from_borrowed(p);
    let gs = g(&o);
    if !gs.weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&o);
    }
    crate::gc::call_finalizer(p);
    std::mem::forget(o);
    (*p).ob_refcnt -= 1;
    if (*p).ob_refcnt > 0 {
        return;
    }
    let gs = &mut *(p as *mut GenObject);
    if !gs.frame.is_null() {
        frame::frame_mut(Obj::borrow_slot(&gs.frame)).gen = null_mut();
    }
    for f in [&mut gs.frame, &mut gs.name, &mut gs.qualname, &mut gs.origin_or_finalizer, &mut gs.exc_state.exc_value] {
        crate::object::xdecref(std::mem::replace(f, null_mut()));
    }
    alloc::free_object(p);
}

unsafe extern "C" fn gen_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let gs = &*(p as *const GenObject);
    for x in [gs.frame, gs.name, gs.qualname, gs.origin_or_finalizer, gs.exc_state.exc_value] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn simple_dealloc(p: *mut PyObject) {
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut WrappedValue)).value, null_mut()));
    alloc::free_object(p);
}

unsafe extern "C" fn asend_dealloc(p: *mut PyObject) {
    let s = &mut *(p as *mut ASendObject);
    for f in [&mut s.gen, &mut s.sendval, &mut s.throw] {
        crate::object::xdecref(std::mem::replace(f, null_mut()));
    }
    alloc::free_object(p);
}

/// "coroutine ... was never awaited": through
/// `warnings._warn_unawaited_coroutine` once `warnings` is imported (it adds
/// the creation traceback from `cr_origin`), else a plain RuntimeWarning.
/// When that hook fails for another reason than the warning having been
/// turned into an error, the failure is reported as unraisable and the
/// plain warning is issued after all.
unsafe fn warn_unawaited(o: &Obj) {
    let mut warned = false;
    let hook = crate::modules::warnings::python_warnings("_warn_unawaited_coroutine").unwrap_or_else(|e| {
        crate::errors::write_unraisable(e, Some(o));
        None
    });
    if let Some(h) = hook {
        match crate::ops::call::call(&h, &[o.clone()], None) {
            Ok(_) => warned = true,
            Err(e) => {
                warned = crate::errors::matches(exc::RuntimeWarning());
                crate::errors::write_unraisable(e, Some(o));
            }
        }
    }
    if !warned {
        let r = crate::modules::warnings::warn(
            exc::RuntimeWarning(),
            &format!("coroutine '{}' was never awaited", pystr::to_string_lossy(Obj::borrow_slot(&g(o).qualname))),
            1,
        );
        if let Err(e) = r {
            crate::errors::write_unraisable(e, Some(o));
        }
    }
}

fn g_origin(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { crate::object::opt_from_borrowed(g(o).origin_or_finalizer) }.unwrap_or_else(none::none))
}

fn g_name(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(g(o).name) })
}
fn s_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if pystr::is_str(v) => {
            unsafe { crate::object::xsetref(&mut g(o).name, v.clone().into_raw()) };
            Ok(())
        }
        _ => crate::bail!(TypeError, "__name__ must be set to a string object"),
    }
}
fn g_qualname(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(g(o).qualname) })
}
fn s_qualname(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) if pystr::is_str(v) => {
            unsafe { crate::object::xsetref(&mut g(o).qualname, v.clone().into_raw()) };
            Ok(())
        }
        _ => crate::bail!(TypeError, "__qualname__ must be set to a string object"),
    }
}
fn g_frame(o: &Obj) -> PyResult<Obj> {
    let gs = g(o);
    if gs.frame.is_null() || frame::frame_mut(unsafe { Obj::borrow_slot(&gs.frame) }).state == state::COMPLETED {
        return Ok(none::none());
    }
    Ok(unsafe { Obj::from_borrowed(gs.frame) })
}
fn g_running(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(g(o).running != 0))
}
fn g_code(o: &Obj) -> PyResult<Obj> {
    let gs = g(o);
    Ok(frame::frame_mut(unsafe { Obj::borrow_slot(&gs.frame) }).code_obj().clone())
}
fn g_yieldfrom(o: &Obj) -> PyResult<Obj> {
    Ok(if g(o).frame.is_null() { None } else { delegate_of(o) }.unwrap_or_else(none::none))
}
fn g_suspended(o: &Obj) -> PyResult<Obj> {
    let gs = g(o);
    Ok(bool_::from_bool(!gs.frame.is_null() && frame::frame_mut(unsafe { Obj::borrow_slot(&gs.frame) }).state == state::SUSPENDED))
}

static mut CORO_ASYNC: crate::object::PyAsyncMethods = crate::object::PyAsyncMethods::EMPTY;
static mut AGEN_ASYNC: crate::object::PyAsyncMethods = crate::object::PyAsyncMethods::EMPTY;
static mut ASEND_ASYNC: crate::object::PyAsyncMethods = crate::object::PyAsyncMethods::EMPTY;

fn self_await(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}
crate::unary_slot!(self_await_slot => self_await);

pub fn init_types() {
    use crate::types::iter::self_iter;
    unsafe {
        for (t, name, prefix) in [(gen_type(), "generator", "gi"), (coro_type(), "coroutine", "cr"), (asyncgen_type(), "async_generator", "ag")] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<GenObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(gen_dealloc);
            (*t).tp_finalize = Some(gen_finalize);
            (*t).tp_traverse = Some(gen_traverse);
            (*t).tp_repr = Some(gen_repr_slot);
            (*t).tp_weaklistoffset = std::mem::offset_of!(GenObject, weakreflist) as isize;
            let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
            let what = match prefix {
                "gi" => "generator",
                "cr" => "coroutine",
                _ => "async generator",
            };
            let mut specs = vec![
                GetSetSpec::get_set("__name__", g_name, s_name).with_doc(leak(format!("name of the {}", what))),
                GetSetSpec::get_set("__qualname__", g_qualname, s_qualname).with_doc(leak(format!("qualified name of the {}", what))),
                GetSetSpec::get(leak(format!("{}_frame", prefix)), g_frame),
                GetSetSpec::get(leak(format!("{}_running", prefix)), g_running),
                GetSetSpec::get(leak(format!("{}_code", prefix)), g_code),
                GetSetSpec::get(leak(format!("{}_suspended", prefix)), g_suspended),
                if prefix == "gi" {
                    GetSetSpec::get("gi_yieldfrom", g_yieldfrom).with_doc("object being iterated by yield from, or None")
                } else {
                    GetSetSpec::get(if prefix == "cr" { "cr_await" } else { "ag_await" }, g_yieldfrom).with_doc("object being awaited on, or None")
                },
            ];
            if prefix == "cr" {
                specs.push(GetSetSpec::get("cr_origin", g_origin));
            }
            (*t).tp_getset = getset_table(&specs);
        }
        let t = gen_type();
        (*t).tp_iter = Some(self_iter);
        (*t).tp_iternext = Some(gen_iternext);
        (*t).tp_methods = method_table(&[
            method("send", gen_send).with_doc("send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
            method("throw", gen_throw).with_doc(
                "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
            ),
            method("close", gen_close).with_doc("close() -> raise GeneratorExit inside generator."),
        ]);

        let t = coro_type();
        (*(&raw mut CORO_ASYNC)).am_await = Some(coro_await_slot);
        (*t).tp_as_async = &raw mut CORO_ASYNC;
        (*t).tp_methods = method_table(&[
            method("send", gen_send).with_doc("send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."),
            method("throw", gen_throw).with_doc(
                "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.",
            ),
            method("close", gen_close).with_doc("close() -> raise GeneratorExit inside coroutine."),
        ]);

        let t = asyncgen_type();
        (*(&raw mut AGEN_ASYNC)).am_aiter = Some(agen_aiter_slot);
        (*(&raw mut AGEN_ASYNC)).am_anext = Some(agen_anext_slot);
        (*t).tp_as_async = &raw mut AGEN_ASYNC;
        (*t).tp_methods = method_table(&[
            method("asend", agen_asend).with_doc("asend(v) -> send 'v' in generator."),
            method("athrow", agen_athrow).with_doc("athrow(typ[,val[,tb]]) -> raise exception in generator."),
            method("aclose", agen_aclose).with_doc("aclose() -> raise GeneratorExit inside generator."),
            method("__anext__", agen_anext),
        ]);

        let t = &raw mut _PyCoroWrapper_Type;
        crate::types::type_::init_static(t, "coroutine_wrapper", std::mem::size_of::<WrappedValue>(), 0);
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(simple_dealloc);
        (*t).tp_iter = Some(self_iter);
        (*t).tp_iternext = Some(coro_wrapper_next);
        (*t).tp_methods = method_table(&[
            method("send", coro_wrapper_send),
            method("throw", coro_wrapper_throw),
            method("close", coro_wrapper_close),
        ]);

        let t = &raw mut _PyAsyncGenWrappedValue_Type;
        crate::types::type_::init_static(t, "async_generator_wrapped_value", std::mem::size_of::<WrappedValue>(), 0);
        (*t).tp_flags &= !tpflags::BASETYPE;
        (*t).tp_dealloc = Some(simple_dealloc);

        (*(&raw mut ASEND_ASYNC)).am_await = Some(self_await_slot);
        let methods = method_table(&[
            method("send", asend_send),
            method("throw", asend_throw),
            method("close", asend_close),
        ]);
        for (t, name) in [
            (&raw mut _PyAsyncGenASend_Type, "async_generator_asend"),
            (&raw mut _PyAsyncGenAThrow_Type, "async_generator_athrow"),
        ] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<ASendObject>(), 0);
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(asend_dealloc);
            (*t).tp_iter = Some(self_iter);
            (*t).tp_iternext = Some(asend_iternext);
            (*t).tp_as_async = &raw mut ASEND_ASYNC;
            (*t).tp_methods = methods;
        }
    }
}
