//! BaseExceptionGroup/ExceptionGroup (PEP 654): construction rules, `split`,
//! `subgroup`, `derive`, and the except* epilogue.

use crate::errors::PyResult;
use crate::object::{Obj, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, method_table};
use crate::types::exceptions as exc;
use crate::types::{list, none, str as pystr, tuple, type_};

/// `ExceptionGroup(msg, excs)` (BaseExceptionGroup when an item is not an Exception).
pub fn new_group(msg: &str, excs: &[Obj]) -> PyResult<Obj> {
    let t = type_::type_obj(exc::BaseExceptionGroup());
    crate::ops::call::call(&t, &[pystr::new(msg), list::from_vec(excs.to_vec())], None)
}

fn eg_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    if kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "{}() takes no keyword arguments", unsafe { (*t).name() });
    }
    let a = tuple::items(args);
    if a.len() != 2 {
        crate::bail!(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.len());
    }
    let (msg, excs) = (&a[0], &a[1]);
    if !pystr::is_str(msg) {
        crate::bail!(TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not {}", msg.ty().name());
    }
    let is_seq = excs.ty().has_flag(crate::object::tpflags::SEQUENCE) || tuple::is_tuple(excs) || list::is_list(excs);
    if !is_seq || crate::types::set::is_anyset(excs) || crate::types::dict::is_dict(excs) {
        crate::bail!(TypeError, "second argument (exceptions) must be a sequence");
    }
    let items = crate::ops::seq::to_vec(excs)?;
    if items.is_empty() {
        crate::bail!(ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if !exc::is_exception_instance(e) {
            crate::bail!(ValueError, "Item {} of second argument (exceptions) is not an exception", i);
        }
        if !type_::is_subtype(e.type_ptr(), exc::Exception()) {
            all_exceptions = false;
        }
    }
    let mut cls = t;
    if cls == exc::BaseExceptionGroup() {
        if all_exceptions {
            cls = exc::ExceptionGroup();
        }
    } else if cls == exc::ExceptionGroup() {
        if !all_exceptions {
            crate::bail!(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if !all_exceptions && !type_::is_subtype(cls, exc::Exception()) {
        // A user subclass of BaseExceptionGroup may hold anything.
    } else if !all_exceptions {
        crate::bail!(
            TypeError,
            "Cannot nest BaseExceptions in '{}'",
            unsafe { (*cls).name() }
        );
    }
    let o = type_::alloc_instance(cls, 0)?;
    unsafe {
        let e = o.cast_mut::<exc::PyBaseExceptionObject>();
        crate::object::xsetref(&mut e.args, args.clone().into_raw());
    }
    exc::set_field(&o, "message", Some(msg.clone()));
    exc::set_field(&o, "exceptions", Some(tuple::from_vec(items)));
    Ok(o)
}
crate::new_slot!(eg_new_slot => eg_new);

fn eg_init(_o: &Obj, _args: &Obj, _kw: Option<&Obj>) -> PyResult<()> {
    Ok(())
}
crate::init_slot!(eg_init_slot => eg_init);

fn excs_of(g: &Obj) -> Vec<Obj> {
    exc::get_field(g, "exceptions").map(|t| tuple::items(&t).to_vec()).unwrap_or_default()
}

fn eg_str(o: &Obj) -> PyResult<Obj> {
    let msg = exc::get_field(o, "message").unwrap_or_else(pystr::empty);
    let n = excs_of(o).len();
    Ok(pystr::new(&format!(
        "{} ({} sub-exception{})",
        pystr::to_string_lossy(&crate::ops::str_of(&msg)?),
        n,
        if n == 1 { "" } else { "s" }
    )))
}
crate::unary_slot!(eg_str_slot => eg_str);

fn derive(g: &Obj, excs: Vec<Obj>) -> PyResult<Obj> {
    let r = crate::ops::attr::call_method(g, "derive", &[list::from_vec(excs)])?;
    if !type_::is_subtype(r.type_ptr(), exc::BaseExceptionGroup()) {
        crate::bail!(TypeError, "derive must return an instance of BaseExceptionGroup");
    }
    // The new group keeps the original's traceback, context, cause and notes.
    if let Some(tb) = exc::get_traceback(g) {
        exc::set_traceback(&r, Some(tb));
    }
    exc::set_context(&r, exc::get_context(g));
    let cause = exc::get_cause(g);
    let suppress = exc::suppress_context(g);
    exc::set_cause(&r, cause);
    unsafe { r.cast_mut::<exc::PyBaseExceptionObject>().suppress_context = suppress as u8 };
    // Each part gets its own shallow copy of a sequence of notes; anything
    // else is not copied.
    if let Some(notes) = crate::ops::attr::getattr_opt(g, &pystr::intern_static("__notes__"))? {
        if crate::ops::seq::is_sequence(&notes) {
            let copy = list::from_vec(crate::ops::seq::to_vec(&notes)?);
            crate::ops::attr::setattr(&r, &pystr::intern_static("__notes__"), &copy)?;
        }
    }
    Ok(r)
}

enum Matcher {
    Types(Obj),
    Predicate(Obj),
    Instances(Vec<Obj>),
}

fn matcher(arg: &Obj) -> PyResult<Matcher> {
    if exc::is_exception_class(arg) {
        return Ok(Matcher::Types(arg.clone()));
    }
    if tuple::is_tuple(arg) && tuple::items(arg).iter().all(exc::is_exception_class) {
        return Ok(Matcher::Types(arg.clone()));
    }
    if crate::builtins::is_callable(arg) {
        return Ok(Matcher::Predicate(arg.clone()));
    }
    crate::bail!(TypeError, "expected a function, exception type or tuple of exception types")
}

fn matches(m: &Matcher, e: &Obj) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => crate::eval::unwind::exception_matches(e, t),
        Matcher::Predicate(f) => crate::ops::truthy(&crate::ops::call::call(f, &[e.clone()], None)?),
        Matcher::Instances(v) => Ok(v.iter().any(|x| x.is(e))),
    }
}

/// Splits `g` into (matching, rest); either may be None.
fn split_rec(g: &Obj, m: &Matcher, want_rest: bool) -> PyResult<(Option<Obj>, Option<Obj>)> {
    if matches(m, g)? {
        return Ok((Some(g.clone()), None));
    }
    if !type_::is_subtype(g.type_ptr(), exc::BaseExceptionGroup()) {
        return Ok((None, if want_rest { Some(g.clone()) } else { None }));
    }
    let mut yes = Vec::new();
    let mut no = Vec::new();
    for e in excs_of(g) {
        crate::ops::enter_recursive_call(" in split")?;
        let r = split_rec(&e, m, want_rest);
        crate::ops::leave_recursive_call();
        let (a, b) = r?;
        if let Some(a) = a {
            yes.push(a);
        }
        if let Some(b) = b {
            no.push(b);
        }
    }
    let yes = if yes.is_empty() { None } else { Some(derive(g, yes)?) };
    let no = if no.is_empty() || !want_rest { None } else { Some(derive(g, no)?) };
    Ok((yes, no))
}

fn eg_split(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("BaseExceptionGroup.split", args, kw, 1, 1)?;
    let m = matcher(&args[0])?;
    let (a, b) = split_rec(slf, &m, true)?;
    Ok(tuple::new(&[a.unwrap_or_else(none::none), b.unwrap_or_else(none::none)]))
}

fn eg_subgroup(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("BaseExceptionGroup.subgroup", args, kw, 1, 1)?;
    let m = matcher(&args[0])?;
    let (a, _) = split_rec(slf, &m, false)?;
    Ok(a.unwrap_or_else(none::none))
}

fn eg_derive(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("BaseExceptionGroup.derive", args, kw, 1, 1)?;
    let msg = exc::get_field(slf, "message").unwrap_or_else(pystr::empty);
    crate::ops::call::call(&type_::type_obj(exc::BaseExceptionGroup()), &[msg, args[0].clone()], None)
}

/// The except* epilogue: `excs` lists what the handlers raised (re-raised
/// originals included); returns the group to raise, or None.
pub fn prep_reraise_star(orig: &Obj, excs: &Obj) -> PyResult<Obj> {
    let items: Vec<Obj> = list::items(excs).iter().filter(|e| !none::is_none(e)).cloned().collect();
    if items.is_empty() {
        return Ok(none::none());
    }
    if !type_::is_subtype(orig.type_ptr(), exc::BaseExceptionGroup()) {
        // A naked exception was wrapped for except*; re-raise it as is.
        return Ok(items[0].clone());
    }
    // Re-raised leaves keep the original's structure; new exceptions go beside it.
    let leaves = leaf_ids(orig);
    let mut reraised = Vec::new();
    let mut raised = Vec::new();
    for e in items {
        if is_reraise(&e, &leaves) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut reraised_leaves = Vec::new();
    for e in &reraised {
        collect_leaves(e, &mut reraised_leaves);
    }
    let kept = if reraised_leaves.is_empty() {
        None
    } else {
        split_rec(orig, &Matcher::Instances(reraised_leaves), false)?.0
    };
    let mut out = raised;
    if let Some(k) = kept {
        out.push(k);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap());
    }
    new_group("", &out)
}

fn leaf_ids(g: &Obj) -> Vec<usize> {
    let mut v = Vec::new();
    let mut leaves = Vec::new();
    collect_leaves(g, &mut leaves);
    for l in leaves {
        v.push(l.as_ptr() as usize);
    }
    v
}

fn collect_leaves(e: &Obj, out: &mut Vec<Obj>) {
    if type_::is_subtype(e.type_ptr(), exc::BaseExceptionGroup()) {
        for x in excs_of(e) {
            collect_leaves(&x, out);
        }
    } else {
        out.push(e.clone());
    }
}

fn is_reraise(e: &Obj, leaves: &[usize]) -> bool {
    let mut mine = Vec::new();
    collect_leaves(e, &mut mine);
    !mine.is_empty() && mine.iter().all(|l| leaves.contains(&(l.as_ptr() as usize)))
}

pub fn init_types() {
    unsafe {
        let t = exc::BaseExceptionGroup();
        (*t).tp_new = Some(eg_new_slot);
        (*t).tp_init = Some(eg_init_slot);
        (*t).tp_str = Some(eg_str_slot);
        (*t).tp_methods = method_table(&[
            method("split", eg_split),
            method("subgroup", eg_subgroup),
            method("derive", eg_derive),
            crate::types::builtin_func::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
        ]);
    }
}
