//! count, cycle, repeat.

use super::{int, iter_type, parse, positional, ssize, state_tuple};
use crate::native::{self, push, push_opt, State};
use krait_bytecode::BinaryOp;
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{check_nargs, method};
use krait_runtime::types::{bool_, complex, int as pyint, list, none, str as pystr, tuple};
use krait_runtime::{bail, PyResult};

static mut COUNT_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut CYCLE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut REPEAT_TYPE: PyTypeObject = PyTypeObject::EMPTY;

// ---------------------------------------------------------------------------
// count(start=0, step=1)

struct Count {
    cnt: Obj,
    step: Obj,
}

impl State for Count {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.cnt);
        push(out, &self.step);
    }
}

/// PyNumber_Check: __index__, __int__, __float__ or a complex.
fn is_number(o: &Obj) -> bool {
    unsafe {
        let nb = (*o.type_ptr()).tp_as_number;
        (!nb.is_null() && ((*nb).nb_index.is_some() || (*nb).nb_int.is_some() || (*nb).nb_float.is_some()))
            || krait_runtime::types::type_::is_subtype(o.type_ptr(), complex::type_ptr())
    }
}

fn count_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse("count", args, kw, &["start", "step"], 0)?;
    for x in a.iter().flatten() {
        if !is_number(x) {
            bail!(TypeError, "a number is required");
        }
    }
    let mut cnt = a[0].clone().unwrap_or_else(|| pyint::from_i64(0));
    let step = a[1].clone().unwrap_or_else(|| pyint::from_i64(1));
    // CPython counts in a machine integer while start is an int that fits
    // and step is 1, so an int subclass start reads back as a plain int.
    if pyint::is_int(&cnt) && step_is_one(&step) && pyint::as_i64(&cnt).is_some() {
        cnt = pyint::exact(&cnt);
    }
    native::alloc(t, Count { cnt, step })
}
krait_runtime::new_slot!(count_new_slot => count_new);

fn count_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Count>(o) else { return Ok(None) };
    let (cnt, step) = (s.cnt.clone(), s.step.clone());
    let next = ops::number::binary_op(&cnt, &step, BinaryOp::Add)?;
    if let Some(s) = native::state::<Count>(o) {
        s.cnt = next;
    }
    Ok(Some(cnt))
}
crate::iternext!(count_next_slot => count_next);

/// The step is left out of repr when it is an int equal to 1.
fn step_is_one(step: &Obj) -> bool {
    pyint::is_int(step) && pyint::as_i64(step) == Some(1)
}

/// CPython's fast mode (a machine-size counter below PY_SSIZE_T_MAX with
/// step 1), where __reduce__ leaves the step out.
fn fast_mode(cnt: &Obj, step: &Obj) -> bool {
    pyint::is_int(cnt) && step_is_one(step) && matches!(pyint::as_i64(cnt), Some(v) if v < i64::MAX)
}

fn count_repr(o: &Obj) -> PyResult<Obj> {
    let Some(s) = native::state::<Count>(o) else { bail!(SystemError, "cleared count") };
    let (cnt, step) = (s.cnt.clone(), s.step.clone());
    let name = native::type_name(o);
    if step_is_one(&step) {
        return Ok(pystr::new(&format!("{}({})", name, ops::repr_string(&cnt)?)));
    }
    Ok(pystr::new(&format!("{}({}, {})", name, ops::repr_string(&cnt)?, ops::repr_string(&step)?)))
}
krait_runtime::unary_slot!(count_repr_slot => count_repr);

fn count_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("count.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Count>(o) else { bail!(SystemError, "cleared count") };
    let (cnt, step) = (s.cnt.clone(), s.step.clone());
    let a = if fast_mode(&cnt, &step) { tuple::new(&[cnt]) } else { tuple::new(&[cnt, step]) };
    Ok(tuple::new(&[native::type_of(o), a]))
}

// ---------------------------------------------------------------------------
// cycle(iterable)

struct Cycle {
    it: Option<Obj>,
    saved: Obj,
    index: usize,
    firstpass: bool,
}

impl State for Cycle {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push_opt(out, &self.it);
        push(out, &self.saved);
    }
}

fn cycle_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("cycle", t, &raw mut CYCLE_TYPE, args, kw, 1, 1)?;
    let it = ops::iter(&a[0])?;
    native::alloc(t, Cycle { it: Some(it), saved: list::new(), index: 0, firstpass: false })
}
krait_runtime::new_slot!(cycle_new_slot => cycle_new);

fn cycle_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Cycle>(o) else { return Ok(None) };
    if let Some(it) = s.it.clone() {
        if let Some(v) = ops::next(&it)? {
            let Some(s) = native::state::<Cycle>(o) else { return Ok(None) };
            if !s.firstpass {
                list::append(&s.saved, v.clone());
            }
            return Ok(Some(v));
        }
        if let Some(s) = native::state::<Cycle>(o) {
            s.it = None;
        }
    }
    let Some(s) = native::state::<Cycle>(o) else { return Ok(None) };
    let n = list::len(&s.saved);
    if n == 0 {
        return Ok(None);
    }
    if s.index >= n {
        s.index = 0;
    }
    let v = list::get(&s.saved, s.index);
    s.index += 1;
    if s.index >= n {
        s.index = 0;
    }
    Ok(Some(v))
}
crate::iternext!(cycle_next_slot => cycle_next);

fn cycle_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cycle.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Cycle>(o) else { bail!(SystemError, "cleared cycle") };
    let (it, saved, index, firstpass) = (s.it.clone(), s.saved.clone(), s.index, s.firstpass);
    let t = native::type_of(o);
    match it {
        None => {
            let it = ops::iter(&saved)?;
            // Positions the fresh iterator at `index` (CPython sets the
            // list iterator's state to the same effect).
            for _ in 0..index {
                ops::next(&it)?;
            }
            Ok(tuple::new(&[t, tuple::new(&[it]), tuple::new(&[saved, bool_::from_bool(true)])]))
        }
        Some(it) => Ok(tuple::new(&[t, tuple::new(&[it]), tuple::new(&[saved, bool_::from_bool(firstpass)])])),
    }
}

fn cycle_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("cycle.__setstate__", args, kw, 1, 1)?;
    let st = state_tuple(&args[0])?;
    if st.len() != 2 {
        bail!(TypeError, "function takes exactly 2 arguments ({} given)", st.len());
    }
    if !list::is_list(&st[0]) {
        bail!(TypeError, "argument 1 must be list, not {}", st[0].ty().name());
    }
    if krait_runtime::types::float::is_float(&st[1]) {
        bail!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let first = pyint::index_isize(&st[1])? != 0;
    if let Some(s) = native::state::<Cycle>(o) {
        s.saved = st[0].clone();
        s.firstpass = first;
        s.index = 0;
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// repeat(object, times=None)

struct Repeat {
    el: Obj,
    cnt: isize,
}

impl State for Repeat {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.el);
    }
}

fn repeat_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse("repeat", args, kw, &["object", "times"], 1)?;
    let cnt = match &a[1] {
        Some(n) => ssize(n)?.max(0),
        None => -1,
    };
    native::alloc(t, Repeat { el: a[0].clone().unwrap(), cnt })
}
krait_runtime::new_slot!(repeat_new_slot => repeat_new);

fn repeat_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Repeat>(o) else { return Ok(None) };
    if s.cnt == 0 {
        return Ok(None);
    }
    if s.cnt > 0 {
        s.cnt -= 1;
    }
    Ok(Some(s.el.clone()))
}
crate::iternext!(repeat_next_slot => repeat_next);

fn repeat_repr(o: &Obj) -> PyResult<Obj> {
    let Some(s) = native::state::<Repeat>(o) else { bail!(SystemError, "cleared repeat") };
    let (el, cnt) = (s.el.clone(), s.cnt);
    let name = native::type_name(o);
    if cnt == -1 {
        return Ok(pystr::new(&format!("{}({})", name, ops::repr_string(&el)?)));
    }
    Ok(pystr::new(&format!("{}({}, {})", name, ops::repr_string(&el)?, cnt)))
}
krait_runtime::unary_slot!(repeat_repr_slot => repeat_repr);

fn repeat_length_hint(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("repeat.__length_hint__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Repeat>(o) else { return Ok(int(0)) };
    if s.cnt == -1 {
        bail!(TypeError, "len() of unsized object");
    }
    Ok(int(s.cnt))
}

fn repeat_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("repeat.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Repeat>(o) else { bail!(SystemError, "cleared repeat") };
    let a = if s.cnt >= 0 { tuple::new(&[s.el.clone(), int(s.cnt)]) } else { tuple::new(&[s.el.clone()]) };
    Ok(tuple::new(&[native::type_of(o), a]))
}

pub(super) unsafe fn init_types() -> PyResult<()> {
    let t = &raw mut COUNT_TYPE;
    iter_type::<Count>(t, "itertools.count", Some(count_new_slot), count_next_slot, &[method("__reduce__", count_reduce)], true);
    (*t).tp_repr = Some(count_repr_slot);
    native::ready(t)?;
    let t = &raw mut CYCLE_TYPE;
    iter_type::<Cycle>(
        t,
        "itertools.cycle",
        Some(cycle_new_slot),
        cycle_next_slot,
        &[method("__reduce__", cycle_reduce), method("__setstate__", cycle_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut REPEAT_TYPE;
    iter_type::<Repeat>(
        t,
        "itertools.repeat",
        Some(repeat_new_slot),
        repeat_next_slot,
        &[method("__length_hint__", repeat_length_hint), method("__reduce__", repeat_reduce)],
        true,
    );
    (*t).tp_repr = Some(repeat_repr_slot);
    native::ready(t)?;
    Ok(())
}

pub(super) fn types() -> Vec<(&'static str, *mut PyTypeObject)> {
    vec![("count", &raw mut COUNT_TYPE), ("cycle", &raw mut CYCLE_TYPE), ("repeat", &raw mut REPEAT_TYPE)]
}
