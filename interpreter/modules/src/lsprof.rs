//! `_lsprof`: the deterministic profiler behind Lib/cProfile.py, as
//! CPython's Modules/_lsprof.c. `Profiler.enable()` installs a native
//! profile hook (`trace::set_native_profile`), so `sys.getprofile()` is the
//! profiler and events reach it without a Python call.
//!
//! Each function seen gets an entry, keyed as CPython keys them: the code
//! object of a Python function, the PyMethodDef of a builtin (so every
//! bound `list.append` shares one). A stack of contexts holds the calls in
//! progress; a call's own time is its total minus its callees'. With
//! `subcalls`, each entry also keeps per-callee sub-entries. Recursive
//! calls count towards `reccallcount` and add their total time only at
//! the outermost level, so it is not counted twice.
//!
//! Times are integers in the timer's unit: nanoseconds of the monotonic
//! clock, or a custom timer's result (seconds as float, or integer ticks
//! when `timeunit` is given); `getstats` scales them to seconds. A timer
//! that fails is reported as unraisable and reads as 0.

use crate::native::{self, State};
use crate::Keep;
use krait_runtime::eval::frame::FrameObject;
use krait_runtime::eval::trace;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{self, add_functions, check_nargs, method, method_table, parse_args, MethodSpec, PyCFunctionObject};
use krait_runtime::types::{dict, float, int, list, module, none, str as pystr, structseq, tuple, type_};
use krait_runtime::{bail, errors, PyResult};
use std::collections::HashMap;
use std::os::raw::c_int;

static mut PROFILER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static ENTRY_TYPE: Keep = Keep::new();
static SUBENTRY_TYPE: Keep = Keep::new();

// CPython's PyTrace_* codes, as the native hook receives them.
const WHAT_CALL: c_int = 0;
const WHAT_RETURN: c_int = 3;
const WHAT_C_CALL: c_int = 4;
const WHAT_C_EXCEPTION: c_int = 5;
const WHAT_C_RETURN: c_int = 6;

/// Keys are addresses: a multiply-and-fold hash spreads them (their low
/// bits are alignment zeros) at a fraction of SipHash's cost per event.
#[derive(Default)]
struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        let x = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 29);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type AddrMap = HashMap<usize, usize, std::hash::BuildHasherDefault<AddrHasher>>;

#[derive(Default)]
struct Counts {
    tt: i64,
    it: i64,
    callcount: i64,
    reccallcount: i64,
    /// Calls of it in progress (recursion depth).
    level: i64,
}

impl Counts {
    /// A call of `tt` total and `it` own time ended.
    fn stop(&mut self, tt: i64, it: i64) {
        self.level -= 1;
        if self.level == 0 {
            self.tt += tt;
        } else {
            self.reccallcount += 1;
        }
        self.it += it;
        self.callcount += 1;
    }
}

struct Entry {
    /// The code object, or the builtin's descriptive string.
    user: Obj,
    counts: Counts,
    /// Callee entry index -> position in `calls`.
    sub_index: AddrMap,
    calls: Vec<(usize, Counts)>,
}

impl Entry {
    fn sub(&mut self, callee: usize) -> Option<&mut Counts> {
        let i = *self.sub_index.get(&callee)?;
        Some(&mut self.calls[i].1)
    }
}

struct Context {
    entry: usize,
    t0: i64,
    /// Time spent in the calls it made.
    subt: i64,
}

struct Profiler {
    timer: Option<Obj>,
    unit: f64,
    subcalls: bool,
    builtins: bool,
    enabled: bool,
    /// An entry could not be made (its name failed): the next
    /// `getstats`/`disable` raises MemoryError, as CPython's flag does.
    failed: bool,
    index: AddrMap,
    entries: Vec<Entry>,
    stack: Vec<Context>,
}

impl State for Profiler {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push_opt(out, &self.timer);
        for e in &self.entries {
            native::push(out, &e.user);
        }
    }
}

fn prof(o: &Obj) -> Option<&mut Profiler> {
    native::state::<Profiler>(o)
}

/// The monotonic clock in nanoseconds (CPython's perf counter).
fn clock_ns() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

/// PyLong_AsLongLong: an integer through `__index__`.
fn as_long_long(o: &Obj) -> PyResult<i64> {
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    }
}

/// A custom timer's result in the profiler's integer unit: an int of
/// ticks with a `timeunit`, else seconds floored to nanoseconds (CPython's
/// _PyTime conversions, with their messages).
fn timer_value(r: &Obj, unit: f64) -> PyResult<i64> {
    const TOO_LARGE: &str = "timestamp too large to convert to C _PyTime_t";
    if unit > 0.0 {
        if !int::is_int(r) {
            bail!(TypeError, "expect int, got {}", r.ty().name());
        }
        match int::as_i64(r) {
            Some(v) => return Ok(v),
            None => bail!(OverflowError, "{}", TOO_LARGE),
        }
    }
    if float::is_float(r) {
        let d = float::value(r);
        if d.is_nan() {
            bail!(ValueError, "Invalid value NaN (not a number)");
        }
        let ns = (d * 1e9).floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&ns) {
            bail!(OverflowError, "timestamp out of range for platform time_t");
        }
        return Ok(ns as i64);
    }
    let secs = match as_long_long(r) {
        Ok(v) => v,
        Err(e) => {
            if errors::matches(krait_runtime::types::exceptions::OverflowError()) {
                errors::clear();
                bail!(OverflowError, "{}", TOO_LARGE);
            }
            return Err(e);
        }
    };
    match secs.checked_mul(1_000_000_000) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "{}", TOO_LARGE),
    }
}

/// The current time; a failing custom timer is reported and reads as 0.
fn now(o: &Obj) -> i64 {
    let Some(p) = prof(o) else { return 0 };
    let Some(timer) = p.timer.clone() else { return clock_ns() };
    let unit = p.unit;
    let r = krait_runtime::ops::call::call(&timer, &[], None).and_then(|r| timer_value(&r, unit));
    match r {
        Ok(v) => v,
        Err(e) => {
            errors::write_unraisable(e, Some(&timer));
            0
        }
    }
}

/// The name a builtin is listed under: "<built-in method mod.name>" for a
/// module's function, the method descriptor's repr ("<method 'append' of
/// 'list' objects>") for a method of a type.
fn builtin_name(f: &Obj) -> PyResult<Obj> {
    // SAFETY: `f` is a PyCFunctionObject (checked by the caller); its
    // method definition outlives it.
    let (name, slf, modobj) = unsafe {
        let c = f.as_ptr() as *mut PyCFunctionObject;
        let ml = (*c).m_ml;
        let name = std::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned();
        let slf = krait_runtime::object::opt_from_borrowed((*c).m_self);
        let modobj = krait_runtime::object::opt_from_borrowed((*c).m_module);
        (name, slf, modobj)
    };
    match slf {
        None => {
            let modname = match &modobj {
                Some(m) if pystr::is_str(m) => Some(m.clone()),
                Some(m) if module::is_module(m) => match module::name_of(m) {
                    Ok(n) => Some(n),
                    Err(_) => {
                        errors::clear();
                        None
                    }
                },
                _ => None,
            };
            match modname {
                Some(m) if pystr::to_string_lossy(&m) != "builtins" => Ok(pystr::new(&format!("<{}.{}>", pystr::to_string_lossy(&m), name))),
                _ => Ok(pystr::new(&format!("<built-in method {}>", name))),
            }
        }
        Some(slf) => {
            if let Some(descr) = type_::lookup_str(slf.type_ptr(), &name) {
                if let Ok(r) = krait_runtime::ops::repr(&descr) {
                    return Ok(r);
                }
            }
            errors::clear();
            match &modobj {
                Some(m) if pystr::is_str(m) => Ok(pystr::new(&format!("<built-in method {}.{}>", pystr::to_string_lossy(m), name))),
                _ => Ok(pystr::new(&format!("<built-in method {}>", name))),
            }
        }
    }
}

/// A call of the function `key` starts; `user` is its code object or the
/// builtin itself.
fn enter(o: &Obj, key: usize, user: &Obj) {
    // A generator entered through throw() has its exception set: keep it.
    let saved = errors::fetch();
    enter_inner(o, key, user);
    if let Some(s) = saved {
        let _ = errors::restore(s);
    }
}

fn enter_inner(o: &Obj, key: usize, user: &Obj) {
    let Some(p) = prof(o) else { return };
    let idx = match p.index.get(&key) {
        Some(&i) => i,
        None => {
            let name = if builtin_func::is_cfunction(user) { builtin_name(user) } else { Ok(user.clone()) };
            let Some(p) = prof(o) else { return };
            match name {
                Ok(user) => {
                    p.entries.push(Entry { user, counts: Counts::default(), sub_index: AddrMap::default(), calls: Vec::new() });
                    p.index.insert(key, p.entries.len() - 1);
                    p.entries.len() - 1
                }
                Err(_) => {
                    errors::clear();
                    p.failed = true;
                    return;
                }
            }
        }
    };
    // Fetched again: making the name may have run Python code.
    let Some(p) = prof(o) else { return };
    let caller = p.stack.last().map(|c| c.entry);
    p.stack.push(Context { entry: idx, t0: 0, subt: 0 });
    p.entries[idx].counts.level += 1;
    if let (true, Some(caller)) = (p.subcalls, caller) {
        let e = &mut p.entries[caller];
        let i = match e.sub_index.get(&idx) {
            Some(&i) => i,
            None => {
                e.calls.push((idx, Counts::default()));
                e.sub_index.insert(idx, e.calls.len() - 1);
                e.calls.len() - 1
            }
        };
        e.calls[i].1.level += 1;
    }
    let depth = p.stack.len();
    // The clock is read last, so the profiler's own work is not charged
    // to the call; the timer may have changed the stack meanwhile.
    let t = now(o);
    if let Some(p) = prof(o) {
        if p.stack.len() == depth {
            p.stack[depth - 1].t0 = t;
        }
    }
}

/// Ends the innermost call in progress, charging it to entry `idx`.
fn stop(p: &mut Profiler, t: i64, idx: usize) {
    let Some(ctx) = p.stack.pop() else { return };
    let tt = t - ctx.t0;
    let it = tt - ctx.subt;
    if let Some(prev) = p.stack.last_mut() {
        prev.subt += tt;
    }
    p.entries[idx].counts.stop(tt, it);
    if let (true, Some(caller)) = (p.subcalls, p.stack.last().map(|c| c.entry)) {
        if let Some(s) = p.entries[caller].sub(idx) {
            s.stop(tt, it);
        }
    }
}

/// A call of the function `key` returns: the innermost context ends,
/// charged to that function's entry (as CPython, even when they differ).
fn leave(o: &Obj, key: usize) {
    let Some(p) = prof(o) else { return };
    if p.stack.is_empty() {
        return;
    }
    if !p.index.contains_key(&key) {
        p.stack.pop();
        return;
    }
    let t = now(o);
    let Some(p) = prof(o) else { return };
    if let Some(&idx) = p.index.get(&key) {
        stop(p, t, idx);
    } else {
        p.stack.pop();
    }
}

/// Closes the calls still in progress (the profiler is disabled or freed
/// with frames open), each charged to its own entry.
fn flush_unmatched(o: &Obj) {
    loop {
        match prof(o) {
            Some(p) if !p.stack.is_empty() => {}
            _ => return,
        }
        let t = now(o);
        let Some(p) = prof(o) else { return };
        let Some(idx) = p.stack.last().map(|c| c.entry) else { return };
        stop(p, t, idx);
    }
}

/// The profile hook (a Py_tracefunc): `obj` is the profiler.
unsafe extern "C" fn callback(obj: *mut PyObject, frame: *mut PyObject, what: c_int, arg: *mut PyObject) -> c_int {
    let o = Obj::borrow_slot(&obj);
    match what {
        WHAT_CALL | WHAT_RETURN => {
            if frame.is_null() {
                return 0;
            }
            // SAFETY: the runtime passes the live frame the event is for.
            let code = (*(frame as *mut FrameObject)).code_obj().clone();
            if what == WHAT_CALL {
                enter(o, code.as_ptr() as usize, &code);
            } else {
                leave(o, code.as_ptr() as usize);
            }
        }
        WHAT_C_CALL | WHAT_C_RETURN | WHAT_C_EXCEPTION => {
            if arg.is_null() {
                return 0;
            }
            let f = Obj::borrow_slot(&arg);
            let builtins = prof(o).is_some_and(|p| p.builtins);
            if !builtins || !builtin_func::is_cfunction(f) {
                return 0;
            }
            // SAFETY: checked to be a PyCFunctionObject above.
            let key = (*(f.as_ptr() as *mut PyCFunctionObject)).m_ml as usize;
            if what == WHAT_C_CALL {
                enter(o, key, f);
            } else {
                leave(o, key);
            }
        }
        _ => {}
    }
    0
}

fn pending_error(p: &mut Profiler) -> PyResult<()> {
    if std::mem::take(&mut p.failed) {
        bail!(MemoryError, "memory was exhausted while profiling");
    }
    Ok(())
}

fn profiler(o: &Obj) -> PyResult<&mut Profiler> {
    match prof(o) {
        Some(p) => Ok(p),
        None => bail!(RuntimeError, "the profiler was cleared"),
    }
}

/// getargs' "i": a C int through `__index__`.
fn int_arg(o: &Obj) -> PyResult<i32> {
    crate::posix::args::getargs_int(o)
}

/// Negative leaves a flag as it is (CPython's setSubcalls/setBuiltins).
fn set_flag(flag: &mut bool, v: i32) {
    if v == 0 {
        *flag = false;
    } else if v > 0 {
        *flag = true;
    }
}

fn p_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    native::alloc(
        t,
        Profiler {
            timer: None,
            unit: 0.0,
            subcalls: true,
            builtins: true,
            enabled: false,
            failed: false,
            index: AddrMap::default(),
            entries: Vec::new(),
            stack: Vec::new(),
        },
    )
}
krait_runtime::new_slot!(p_new_slot => p_new);

/// A call's (args tuple, kwargs dict) as vectorcall arguments.
fn flatten(args: &Obj, kwargs: Option<&Obj>) -> (Vec<Obj>, Option<Obj>) {
    let mut v: Vec<Obj> = tuple::items(args).to_vec();
    let mut names = Vec::new();
    if let Some(kw) = kwargs {
        for (k, val) in dict::items_vec(kw) {
            names.push(k);
            v.push(val);
        }
    }
    let kn = if names.is_empty() { None } else { Some(tuple::from_vec(names)) };
    (v, kn)
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn p_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let (v, kn) = flatten(args, kwargs);
    let a = parse_args("Profiler", &v, kn.as_ref(), &["timer", "timeunit", "subcalls", "builtins"], 0, 0)?;
    let unit = match &a[1] {
        Some(u) => float::as_f64(u)?,
        None => 0.0,
    };
    let subcalls = match &a[2] {
        Some(s) => int_arg(s)?,
        None => 1,
    };
    let builtins = match &a[3] {
        Some(b) => int_arg(b)?,
        None => 1,
    };
    let p = profiler(o)?;
    set_flag(&mut p.subcalls, subcalls);
    set_flag(&mut p.builtins, builtins);
    p.unit = unit;
    // An explicit None is kept as the timer, as CPython does.
    let old = std::mem::replace(&mut p.timer, a[0].clone());
    drop(old);
    Ok(())
}
krait_runtime::init_slot!(p_init_slot => p_init);

/// `enable(subcalls=True, builtins=True)`: omitted flags keep their value.
fn p_enable(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("enable", args, kw, &["subcalls", "builtins"], 0, 0)?;
    let subcalls = match &a[0] {
        Some(s) => int_arg(s)?,
        None => -1,
    };
    let builtins = match &a[1] {
        Some(b) => int_arg(b)?,
        None => -1,
    };
    let p = profiler(o)?;
    set_flag(&mut p.subcalls, subcalls);
    set_flag(&mut p.builtins, builtins);
    trace::set_native_profile(Some((callback, o.clone())))?;
    profiler(o)?.enabled = true;
    Ok(none::none())
}

/// `disable()`: removes the profile hook and closes the calls in progress.
fn p_disable(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Profiler.disable", args, kw, 0, 0)?;
    trace::set_native_profile(None)?;
    profiler(o)?.enabled = false;
    flush_unmatched(o);
    pending_error(profiler(o)?)?;
    Ok(none::none())
}

/// `clear()`: forgets everything collected, calls in progress included.
fn p_clear(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("Profiler.clear", args, kw, 0, 0)?;
    let p = profiler(o)?;
    let entries = std::mem::take(&mut p.entries);
    p.index.clear();
    p.stack.clear();
    // The names are released last: a code object's end may run Python.
    drop(entries);
    Ok(none::none())
}

fn entry_type() -> PyResult<Obj> {
    ENTRY_TYPE.get_or_init(|| structseq::new_type("_lsprof", "profiler_entry", &["code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"]))
}

fn subentry_type() -> PyResult<Obj> {
    SUBENTRY_TYPE.get_or_init(|| structseq::new_type("_lsprof", "profiler_subentry", &["code", "callcount", "reccallcount", "totaltime", "inlinetime"]))
}

/// `getstats()`: a `profiler_entry` per function called, times in seconds
/// (or in `timeunit`s of a custom timer), with its callees in `calls`.
fn p_getstats(o: &Obj, args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    if !args.is_empty() {
        bail!(TypeError, "getstats() takes no arguments");
    }
    let p = profiler(o)?;
    pending_error(p)?;
    let factor = if p.timer.is_none() || p.unit == 0.0 { 1e-9 } else { p.unit };
    // Copied out first: making the results may run Python code.
    type Row = (Obj, i64, i64, i64, i64);
    let rows: Vec<(Row, Option<Vec<Row>>)> = p
        .entries
        .iter()
        .filter(|e| e.counts.callcount != 0)
        .map(|e| {
            let c = &e.counts;
            let subs = if e.calls.is_empty() {
                None
            } else {
                Some(e.calls.iter().map(|(callee, s)| (p.entries[*callee].user.clone(), s.callcount, s.reccallcount, s.tt, s.it)).collect())
            };
            ((e.user.clone(), c.callcount, c.reccallcount, c.tt, c.it), subs)
        })
        .collect();
    let (et, st) = (entry_type()?, subentry_type()?);
    let make = |r: &Row| -> Vec<Obj> {
        vec![r.0.clone(), int::from_i64(r.1), int::from_i64(r.2), float::from_f64(factor * r.3 as f64), float::from_f64(factor * r.4 as f64)]
    };
    let out = list::new();
    for (row, subs) in rows {
        let calls = match subs {
            None => none::none(),
            Some(subs) => {
                let l = list::new();
                for s in &subs {
                    list::append(&l, structseq::new(&st, make(s))?);
                }
                l
            }
        };
        let mut v = make(&row);
        v.push(calls);
        list::append(&out, structseq::new(&et, v)?);
    }
    Ok(out)
}

/// Calls still in progress are closed (calling the timer) before the
/// state goes. The object is no longer installed anywhere: an installed
/// hook holds a reference to it.
unsafe extern "C" fn p_dealloc(p: *mut PyObject) {
    {
        let o = std::mem::ManuallyDrop::new(Obj::from_owned(p));
        if prof(&o).is_some_and(|s| !s.stack.is_empty()) {
            let saved = errors::fetch();
            flush_unmatched(&o);
            if let Some(s) = saved {
                let _ = errors::restore(s);
            }
        }
    }
    native::dealloc::<Profiler>(p)
}

fn profiler_type() -> PyResult<Obj> {
    unsafe {
        let t = &raw mut PROFILER_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            native::init_type::<Profiler>(t, "_lsprof.Profiler", true);
            (*t).tp_dealloc = Some(p_dealloc);
            (*t).tp_new = Some(p_new_slot);
            (*t).tp_init = Some(p_init_slot);
            (*t).tp_doc = builtin_func::cstr(
                "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n\
                 A deterministic profiler. `timer` replaces the built-in clock;\n\
                 when it returns integers, `timeunit` is the length of one in seconds.\n",
            );
            (*t).tp_methods =
                method_table(&[method("getstats", p_getstats), method("enable", p_enable), method("disable", p_disable), method("clear", p_clear)]);
            native::ready(t)?;
        }
        Ok(type_::type_obj(t))
    }
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_lsprof")?;
    let d = module::dict_of(&m);
    let fs: Vec<MethodSpec> = Vec::new();
    add_functions(&d, &m, &fs)?;
    dict::set_item_str(&d, "Profiler", &profiler_type()?)?;
    dict::set_item_str(&d, "profiler_entry", &entry_type()?)?;
    dict::set_item_str(&d, "profiler_subentry", &subentry_type()?)?;
    Ok(m)
}
