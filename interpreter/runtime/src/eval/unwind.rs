//! The slower parts of the evaluation loop, kept out of its body: raising,
//! exception matching and unwinding, tracebacks, unpacking, `with`, pattern
//! matching helpers and error messages.

use crate::errors::{PyErr, PyResult};
use crate::object::{Obj, PyObject};
use crate::types::code;
use crate::types::exceptions as exc;
use crate::types::{dict, list, none, str as pystr, tuple, type_};
use krait_bytecode::ExceptionEntry;
use std::cell::Cell;

thread_local! {
    static RERAISE: Cell<bool> = const { Cell::new(false) };
    static RERAISE_LASTI: Cell<Option<u32>> = const { Cell::new(None) };
}

/// RERAISE with an argument restores the offset its handler saved, as
/// CPython's does to `prev_instr`: the frame's line is again the raising
/// instruction's (the handler search still starts from the RERAISE).
pub fn set_reraise_lasti(lasti: u32) {
    RERAISE_LASTI.with(|r| r.set(Some(lasti)));
}

pub fn take_reraise_lasti() -> Option<u32> {
    RERAISE_LASTI.with(|r| r.take())
}

/// Marks the pending error as a re-raise: no new traceback entry for this frame.
pub fn set_reraise_flag() {
    RERAISE.with(|r| r.set(true));
}

pub fn take_reraise_flag() -> bool {
    RERAISE.with(|r| r.replace(false))
}

/// Prepends a traceback entry for frame `f` at its current instruction.
pub fn add_traceback(f: *mut PyObject) {
    let e = crate::errors::peek();
    if e.is_null() {
        return;
    }
    unsafe {
        let e = Obj::from_borrowed(e);
        let frame = Obj::from_borrowed(f);
        let fr = &*(f as *mut super::frame::FrameObject);
        let line = code::line_at(fr.code_obj(), fr.lasti as usize);
        let tb = crate::types::traceback::new(exc::get_traceback(&e), &frame, fr.lasti, line);
        exc::set_traceback(&e, Some(tb.clone()));
        let ts = crate::threadstate::tstate();
        crate::object::xsetref(&mut ts.py.curexc_traceback, tb.into_raw());
    }
}

/// The handler covering instruction `lasti`, if any.
pub fn find_handler(code_obj: &Obj, lasti: u32) -> Option<ExceptionEntry> {
    let table = &code::data(code_obj).exception_table;
    // Entries are sorted by start and do not overlap.
    let i = table.partition_point(|e| e.end <= lasti);
    table.get(i).filter(|e| e.start <= lasti && lasti < e.end).copied()
}

fn localsplus_name(code_obj: &Obj, i: usize) -> String {
    let names = unsafe { Obj::borrow_slot(&code::code(code_obj).localsplusnames) };
    pystr::to_string_lossy(&tuple::items(names)[i])
}

pub fn unbound_local(code_obj: &Obj, i: usize) -> PyErr {
    crate::raise!(
        UnboundLocalError,
        "cannot access local variable '{}' where it is not associated with a value",
        localsplus_name(code_obj, i)
    )
}

pub fn unbound_deref(code_obj: &Obj, i: usize) -> PyErr {
    let kinds = &code::data(code_obj).localsplus_kinds;
    let name = localsplus_name(code_obj, i);
    if kinds[i] & krait_bytecode::fast::FREE != 0 {
        crate::raise!(
            NameError,
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        )
    } else {
        crate::raise!(UnboundLocalError, "cannot access local variable '{}' where it is not associated with a value", name)
    }
}

pub fn name_error(name: &Obj) -> PyErr {
    let e = crate::raise!(NameError, "name '{}' is not defined", pystr::to_string_lossy(name));
    let v = crate::errors::peek();
    if !v.is_null() {
        let v = unsafe { Obj::from_borrowed(v) };
        exc::set_field(&v, "name", Some(name.clone()));
    }
    e
}

/// `{**a, **b}` in calls: duplicate keys are an error naming the callee.
pub fn dict_merge(target: &Obj, m: &Obj, callable: &Obj) -> PyResult<()> {
    if !dict::is_dict(m) && crate::ops::attr::getattr_opt(m, &pystr::intern_static("keys"))?.is_none() {
        crate::bail!(
            TypeError,
            "{} argument after ** must be a mapping, not {}",
            crate::ops::call::func_desc(callable),
            m.ty().name()
        );
    }
    let items: Vec<(Obj, Obj)> = if dict::is_dict(m) {
        dict::items_vec(m)
    } else {
        let keys = crate::ops::attr::call_method(m, "keys", &[])?;
        let mut v = Vec::new();
        for k in crate::ops::seq::to_vec(&keys)? {
            let val = crate::ops::seq::getitem(m, &k)?;
            v.push((k, val));
        }
        v
    };
    // Keys are merged as they are (the call checks they are strings, as
    // CPython's): a repeated one is reported first, by its str().
    for (k, v) in items {
        if dict::get_item(target, &k)?.is_some() {
            let shown = if pystr::is_str(&k) { k.clone() } else { crate::ops::str_of(&k)? };
            crate::bail!(
                TypeError,
                "{} got multiple values for keyword argument '{}'",
                crate::ops::call::func_desc(callable),
                pystr::to_string_lossy(&shown)
            );
        }
        dict::set_item(target, &k, &v)?;
    }
    Ok(())
}

/// Unpacks an iterable into `before` items (and, with `after`, a list of the
/// middle and `after` items), with CPython's messages.
pub fn unpack(seq: &Obj, before: usize, after: Option<usize>) -> PyResult<Vec<Obj>> {
    let it = match crate::ops::iter(seq) {
        Ok(it) => it,
        Err(e) => {
            if crate::errors::matches(exc::TypeError()) && seq.ty().tp_iter.is_none() && !crate::ops::seq::has_sq_item(seq) {
                crate::errors::clear();
                crate::bail!(TypeError, "cannot unpack non-iterable {} object", seq.ty().name());
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(before + 1);
    for i in 0..before {
        match crate::ops::next(&it)? {
            Some(x) => out.push(x),
            None => {
                if after.is_some() {
                    crate::bail!(
                        ValueError,
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after.unwrap(),
                        i
                    );
                }
                crate::bail!(ValueError, "not enough values to unpack (expected {}, got {})", before, i);
            }
        }
    }
    match after {
        None => {
            if crate::ops::next(&it)?.is_some() {
                crate::bail!(ValueError, "too many values to unpack (expected {})", before);
            }
            Ok(out)
        }
        Some(after) => {
            let mut rest = Vec::new();
            while let Some(x) = crate::ops::next(&it)? {
                rest.push(x);
            }
            if rest.len() < after {
                crate::bail!(
                    ValueError,
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    before + rest.len()
                );
            }
            let tail = rest.split_off(rest.len() - after);
            out.push(list::from_vec(rest));
            out.extend(tail);
            Ok(out)
        }
    }
}

/// `raise`, `raise exc`, `raise exc from cause`.
pub fn do_raise(exc_arg: Option<Obj>, cause: Option<Obj>) -> PyErr {
    let exc_arg = match exc_arg {
        None => {
            let v = crate::errors::topmost_handled();
            if v.is_null() {
                return crate::raise!(RuntimeError, "No active exception to reraise");
            }
            return crate::errors::restore(unsafe { Obj::from_borrowed(v) });
        }
        Some(e) => e,
    };
    let value = if exc::is_exception_class(&exc_arg) {
        match crate::ops::call::call(&exc_arg, &[], None) {
            Ok(v) => {
                if !exc::is_exception_instance(&v) {
                    return crate::raise!(
                        TypeError,
                        "calling {} should have returned an instance of BaseException, not {}",
                        crate::ops::repr_string(&exc_arg).unwrap_or_default(),
                        crate::ops::repr_string(&v.get_type()).unwrap_or_default()
                    );
                }
                v
            }
            Err(e) => return e,
        }
    } else if exc::is_exception_instance(&exc_arg) {
        exc_arg
    } else {
        return crate::raise!(TypeError, "exceptions must derive from BaseException");
    };
    if let Some(cause) = cause {
        let c = if none::is_none(&cause) {
            None
        } else if exc::is_exception_class(&cause) {
            match crate::ops::call::call(&cause, &[], None) {
                Ok(c) => Some(c),
                Err(e) => return e,
            }
        } else if exc::is_exception_instance(&cause) {
            Some(cause)
        } else {
            return crate::raise!(TypeError, "exception causes must derive from BaseException");
        };
        exc::set_cause(&value, c);
    }
    crate::errors::raise_value(value)
}

pub fn check_except_type_valid(right: &Obj) -> PyResult<()> {
    let ok = |t: &Obj| exc::is_exception_class(t);
    if tuple::is_tuple(right) {
        for t in tuple::items(right) {
            if !ok(t) {
                crate::bail!(TypeError, "catching classes that do not inherit from BaseException is not allowed");
            }
        }
    } else if !ok(right) {
        crate::bail!(TypeError, "catching classes that do not inherit from BaseException is not allowed");
    }
    Ok(())
}

pub fn check_except_star_type_valid(right: &Obj) -> PyResult<()> {
    check_except_type_valid(right)?;
    let is_group = |t: &Obj| type_::is_subtype(type_::as_type(t), exc::BaseExceptionGroup());
    let bad = if tuple::is_tuple(right) { tuple::items(right).iter().any(is_group) } else { is_group(right) };
    if bad {
        crate::bail!(TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
    Ok(())
}

/// PyErr_GivenExceptionMatches.
pub fn exception_matches(value: &Obj, right: &Obj) -> PyResult<bool> {
    if tuple::is_tuple(right) {
        for t in tuple::items(right) {
            if exception_matches(value, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let vt = if exc::is_exception_class(value) { type_::as_type(value) } else { value.type_ptr() };
    Ok(type_::is_subtype(vt, type_::as_type(right)))
}

/// except* matching: (rest, match) — match is None when nothing matched.
pub fn exception_group_match(eg: &Obj, match_type: &Obj) -> PyResult<(Obj, Obj)> {
    if none::is_none(eg) {
        return Ok((none::none(), none::none()));
    }
    if exception_matches(eg, match_type)? {
        // A naked exception matching the type is wrapped in a group.
        let is_group = type_::is_subtype(eg.type_ptr(), exc::BaseExceptionGroup());
        let matched = if is_group {
            eg.clone()
        } else {
            let g = crate::types::exception_group::new_group("", &[eg.clone()])?;
            if let Some(tb) = exc::get_traceback(eg) {
                exc::set_traceback(&g, Some(tb));
            }
            g
        };
        return Ok((none::none(), matched));
    }
    if type_::is_subtype(eg.type_ptr(), exc::BaseExceptionGroup()) {
        let pair = crate::ops::attr::call_method(eg, "split", &[match_type.clone()])?;
        let items = tuple::items(&pair);
        if !none::is_none(&items[0]) {
            return Ok((items[1].clone(), items[0].clone()));
        }
    }
    Ok((eg.clone(), none::none()))
}

/// except* epilogue: combines raised and unhandled exceptions.
pub fn prep_reraise_star(orig: &Obj, excs: &Obj) -> PyResult<Obj> {
    crate::types::exception_group::prep_reraise_star(orig, excs)
}

/// Bound `__enter__`/`__exit__` (or async variants) of a context manager.
pub fn context_methods(mgr: &Obj, enter: &str, exit: &str, is_async: bool) -> PyResult<(Obj, Obj)> {
    let t = mgr.type_ptr();
    let e = type_::lookup_str(t, enter);
    let x = type_::lookup_str(t, exit);
    let (e, x) = match (e, x) {
        (Some(e), Some(x)) => (e, x),
        (e, _) => {
            let proto = if is_async { "asynchronous context manager" } else { "context manager" };
            if e.is_none() {
                crate::bail!(TypeError, "'{}' object does not support the {} protocol", mgr.ty().name(), proto);
            }
            crate::bail!(
                TypeError,
                "'{}' object does not support the {} protocol (missed {} method)",
                mgr.ty().name(),
                proto,
                exit
            );
        }
    };
    let bind = |f: Obj| -> PyResult<Obj> {
        match f.ty().tp_descr_get {
            Some(g) => unsafe { crate::types::slots::from_ret(g(f.as_ptr(), mgr.as_ptr(), t as *mut PyObject)) },
            None => Ok(f),
        }
    };
    Ok((bind(e)?, bind(x)?))
}

/// MATCH_CLASS: the attributes of `subject` for a class pattern, or None.
pub fn match_class(subject: &Obj, cls: &Obj, npos: usize, kwnames: &Obj) -> PyResult<Obj> {
    if !type_::is_type(cls) {
        crate::bail!(TypeError, "called match pattern must be a type");
    }
    if !crate::ops::isinstance::isinstance(subject, cls)? {
        return Ok(none::none());
    }
    let mut out = Vec::new();
    let mut seen: Vec<Obj> = Vec::new();
    if npos > 0 {
        let match_args = crate::ops::attr::getattr_opt(cls, &pystr::intern_static("__match_args__"))?;
        match match_args {
            Some(ma) => {
                if !tuple::is_tuple(&ma) {
                    crate::bail!(TypeError, "{}.__match_args__ must be a tuple (got {})", cls_name(cls), ma.ty().name());
                }
                let names = tuple::items(&ma);
                if npos > names.len() {
                    crate::bail!(
                        TypeError,
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        cls_name(cls),
                        names.len(),
                        if names.len() == 1 { "" } else { "s" },
                        npos
                    );
                }
                for name in &names[..npos] {
                    if !pystr::is_str(name) {
                        crate::bail!(TypeError, "__match_args__ elements must be strings (got {})", name.ty().name());
                    }
                    // `__match_args__ = ("a", "a")` names one attribute twice.
                    if seen.iter().any(|s| pystr::eq(s, name)) {
                        crate::bail!(TypeError, "{}() got multiple sub-patterns for attribute {}", cls_name(cls), crate::ops::repr_string(name)?);
                    }
                    match crate::ops::attr::getattr_opt(subject, name)? {
                        Some(v) => out.push(v),
                        None => return Ok(none::none()),
                    }
                    seen.push(name.clone());
                }
            }
            None => {
                // Builtins like int/str match the subject itself for one pattern.
                let self_match = unsafe { (*type_::as_type(cls)).has_flag(crate::object::tpflags::MATCH_SELF) };
                if self_match && npos == 1 {
                    out.push(subject.clone());
                } else {
                    crate::bail!(
                        TypeError,
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        cls_name(cls),
                        if self_match { 1 } else { 0 },
                        if self_match { "" } else { "s" },
                        npos
                    );
                }
            }
        }
    }
    for name in tuple::items(kwnames) {
        if seen.iter().any(|s| pystr::eq(s, name)) {
            crate::bail!(TypeError, "{}() got multiple sub-patterns for attribute {}", cls_name(cls), crate::ops::repr_string(name)?);
        }
        match crate::ops::attr::getattr_opt(subject, name)? {
            Some(v) => out.push(v),
            None => return Ok(none::none()),
        }
        seen.push(name.clone());
    }
    Ok(tuple::from_vec(out))
}

fn cls_name(cls: &Obj) -> String {
    pystr::to_string_lossy(&type_::name(cls))
}

/// MATCH_KEYS: the values for `keys` in `subject`, or None if one is missing.
pub fn match_keys(subject: &Obj, keys: &Obj) -> PyResult<Obj> {
    let get = crate::ops::attr::getattr(subject, &pystr::intern_static("get"))?;
    let dummy = crate::types::object_::sentinel();
    let mut out = Vec::new();
    let mut seen: Vec<Obj> = Vec::new();
    for k in tuple::items(keys) {
        for s in &seen {
            if crate::ops::eq(s, k)? {
                crate::bail!(ValueError, "mapping pattern checks duplicate key ({})", crate::ops::repr_string(k)?);
            }
        }
        seen.push(k.clone());
        let v = crate::ops::call::call(&get, &[k.clone(), dummy.clone()], None)?;
        if v.is(&dummy) {
            return Ok(none::none());
        }
        out.push(v);
    }
    Ok(tuple::from_vec(out))
}

/// CALL_FUNCTION_EX: `f(*args, **kwargs)`.
pub fn call_ex(callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (args, kwargs) = call_ex_args(callable, args, kwargs)?;
    crate::ops::call::call_tuple_dict(callable, &args, kwargs.as_ref())
}

/// `call_ex` reporting native calls to the profile function.
pub fn call_ex_traced(f: *mut crate::object::PyObject, callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let (args, kwargs) = call_ex_args(callable, args, kwargs)?;
    super::trace::c_call_ex(f, callable, &args, kwargs.as_ref())
}

/// The positional tuple and keyword dict of `callable(*args, **kwargs)`.
fn call_ex_args(callable: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<(Obj, Option<Obj>)> {
    let args = if tuple::is_exact_tuple(args) {
        args.clone()
    } else {
        if args.ty().tp_iter.is_none() && !crate::ops::seq::has_sq_item(args) {
            crate::bail!(
                TypeError,
                "{} argument after * must be an iterable, not {}",
                crate::ops::call::func_desc(callable),
                args.ty().name()
            );
        }
        tuple::from_vec(crate::ops::seq::to_vec(args)?)
    };
    let kwargs = match kwargs {
        Some(k) if dict::is_exact_dict(k) => Some(k.clone()),
        Some(k) => {
            let d = dict::new();
            dict_merge(&d, k, callable)?;
            Some(d)
        }
        None => None,
    };
    Ok((args, kwargs))
}

/// PEP 479: a StopIteration escaping a generator becomes RuntimeError.
pub fn stop_iteration_error(e: &Obj, flags: u32) -> Obj {
    use krait_bytecode::flags as f;
    let kind = if flags & f::ASYNC_GENERATOR != 0 {
        "async generator"
    } else if flags & f::COROUTINE != 0 {
        "coroutine"
    } else {
        "generator"
    };
    let msg = if type_::is_subtype(e.type_ptr(), exc::StopIteration()) {
        format!("{} raised StopIteration", kind)
    } else if flags & f::ASYNC_GENERATOR != 0 && type_::is_subtype(e.type_ptr(), exc::StopAsyncIteration()) {
        format!("{} raised StopAsyncIteration", kind)
    } else {
        return e.clone();
    };
    match exc::new_exception(exc::RuntimeError(), &[pystr::new(&msg)]) {
        Ok(r) => {
            exc::set_cause(&r, Some(e.clone()));
            exc::set_context(&r, Some(e.clone()));
            r
        }
        Err(err) => crate::errors::take(err),
    }
}

