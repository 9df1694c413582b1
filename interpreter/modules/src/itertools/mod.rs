//! The `itertools` module (CPython 3.11's Modules/itertoolsmodule.c):
//! infinite iterators (`infinite.rs`), the iterators that end on the
//! shortest input (`filtering.rs`), `groupby` and `tee` (`grouping.rs`) and
//! the combinatoric iterators (`combinatoric.rs`). Pickling goes through
//! each type's __reduce__/__setstate__ with CPython's state shapes.

mod combinatoric;
mod filtering;
mod grouping;
mod infinite;

use crate::native::{self, State};
use krait_runtime::object::{Obj, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, method, method_table, MethodSpec};
use krait_runtime::types::{dict, module, tuple, type_};
use krait_runtime::{bail, PyResult};

/// Positional values and keyword names of a tp_new call as a vector call.
pub(crate) fn vector(args: &Obj, kw: Option<&Obj>) -> PyResult<(Vec<Obj>, Option<Obj>)> {
    krait_runtime::ops::call::kwargs_to_vector(tuple::items(args), kw)
}

/// CPython's old-style keyword parsing: "f() takes at most N arguments (M
/// given)" when too many positionals, else `parse_args`' errors.
pub(crate) fn parse(
    fname: &str,
    args: &Obj,
    kw: Option<&Obj>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Obj>>> {
    let (v, kn) = vector(args, kw)?;
    let total = tuple::len(args) + kw.map(dict::len).unwrap_or(0);
    if total > names.len() {
        bail!(
            TypeError,
            "{}() takes at most {} {}argument{} ({} given)",
            fname,
            names.len(),
            if tuple::len(args) == 0 { "keyword " } else { "" },
            if names.len() == 1 { "" } else { "s" },
            total
        );
    }
    krait_runtime::types::builtin_func::parse_args(fname, &v, kn.as_ref(), names, required, 0)
}

/// Argument-clinic positional-only check: keywords rejected for the exact
/// type and for subclasses that keep its __init__ (one overriding __init__
/// may take keywords), then "f expected N arguments, got M".
pub(crate) fn positional<'a>(
    fname: &str,
    t: *mut PyTypeObject,
    exact: *mut PyTypeObject,
    args: &'a Obj,
    kw: Option<&Obj>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    if keeps_init(t, exact) {
        native::no_kw_dict(fname, kw)?;
    }
    let a = tuple::items(args);
    if a.len() < min || a.len() > max {
        if min == max {
            bail!(TypeError, "{} expected {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, a.len());
        }
        if a.len() < min {
            bail!(TypeError, "{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, a.len());
        }
        bail!(TypeError, "{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, a.len());
    }
    Ok(a)
}

/// Clinic's `type == exact || type->tp_init == exact->tp_init`.
#[allow(unpredictable_function_pointer_comparisons)]
pub(crate) fn keeps_init(t: *mut PyTypeObject, exact: *mut PyTypeObject) -> bool {
    t == exact || unsafe { (*t).tp_init == (*exact).tp_init }
}

/// "state is not a tuple" check of __setstate__.
pub(crate) fn state_tuple(st: &Obj) -> PyResult<&[Obj]> {
    if !tuple::is_tuple(st) {
        bail!(TypeError, "state is not a tuple");
    }
    Ok(tuple::items(st))
}

/// An `isize` from an int-like (PyLong_AsSsize_t after __index__).
pub(crate) fn ssize(o: &Obj) -> PyResult<isize> {
    krait_runtime::types::int::index_isize(o)
}

pub(crate) fn int(v: isize) -> Obj {
    krait_runtime::types::int::from_i64(v as i64)
}

/// Prepares an iterator type with the crate's generic slots.
pub(crate) unsafe fn iter_type<T: State>(
    t: *mut PyTypeObject,
    name: &str,
    new: Option<krait_runtime::object::NewFunc>,
    next: krait_runtime::object::IterNextFunc,
    methods: &[MethodSpec],
    basetype: bool,
) {
    native::init_type::<T>(t, name, basetype);
    (*t).tp_new = new;
    if new.is_none() {
        (*t).tp_flags |= krait_runtime::object::tpflags::DISALLOW_INSTANTIATION;
    }
    (*t).tp_iter = Some(krait_runtime::types::iter::self_iter);
    (*t).tp_iternext = Some(next);
    if !methods.is_empty() {
        (*t).tp_methods = method_table(methods);
    }
}

/// The `tee(iterable, n=2)` function lives in grouping.rs.
fn functions() -> Vec<MethodSpec> {
    vec![method("tee", grouping::f_tee)]
}

static mut READY: bool = false;

pub fn create() -> PyResult<Obj> {
    let mut types: Vec<(&str, *mut PyTypeObject)> = Vec::new();
    unsafe {
        if !READY {
            infinite::init_types()?;
            filtering::init_types()?;
            grouping::init_types()?;
            combinatoric::init_types()?;
            READY = true;
        }
    }
    types.extend(infinite::types());
    types.extend(filtering::types());
    types.extend(grouping::types());
    types.extend(combinatoric::types());
    let m = module::new("itertools")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    for (name, t) in types {
        dict::set_item_str(&d, name, &type_::type_obj(t))?;
    }
    Ok(m)
}

/// `parse` for the crate's other modules.
pub(crate) fn parse_pub(fname: &str, args: &Obj, kw: Option<&Obj>, names: &[&str], required: usize) -> PyResult<Vec<Option<Obj>>> {
    parse(fname, args, kw, names, required)
}

/// `positional` for the crate's other modules.
pub(crate) fn positional_pub<'a>(
    fname: &str,
    t: *mut PyTypeObject,
    exact: *mut PyTypeObject,
    args: &'a Obj,
    kw: Option<&Obj>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    positional(fname, t, exact, args, kw, min, max)
}
