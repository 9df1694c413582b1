//! groupby with its _grouper, and tee with _tee / _tee_dataobject (the
//! shared buffer: linked cells of up to LINKCELLS values read once from
//! the underlying iterator).

use super::{int, iter_type, parse, positional, state_tuple};
use crate::native::{self, push, push_opt, State};
use krait_bytecode::CompareOp;
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{check_nargs, method};
use krait_runtime::types::{list, none, tuple, type_};
use krait_runtime::{bail, PyResult};

static mut GROUPBY_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut GROUPER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut TEE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut TEEDATA_TYPE: PyTypeObject = PyTypeObject::EMPTY;

const LINKCELLS: usize = 57;

// ---------------------------------------------------------------------------
// groupby(iterable, key=None)

struct GroupBy {
    it: Obj,
    keyfunc: Option<Obj>,
    tgtkey: Option<Obj>,
    currkey: Option<Obj>,
    currvalue: Option<Obj>,
    /// Identity of the current _grouper (CPython keeps a borrowed pointer).
    currgrouper: usize,
}

impl State for GroupBy {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.it);
        push_opt(out, &self.keyfunc);
        push_opt(out, &self.tgtkey);
        push_opt(out, &self.currkey);
        push_opt(out, &self.currvalue);
    }
}

fn groupby_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse("groupby", args, kw, &["iterable", "key"], 1)?;
    let it = ops::iter(a[0].as_ref().unwrap())?;
    let keyfunc = a[1].clone().filter(|k| !none::is_none(k));
    native::alloc(t, GroupBy { it, keyfunc, tgtkey: None, currkey: None, currvalue: None, currgrouper: 0 })
}
krait_runtime::new_slot!(groupby_new_slot => groupby_new);

/// Reads the next value and its key; false at the end.
fn groupby_step(g: &Obj) -> PyResult<bool> {
    let Some(s) = native::state::<GroupBy>(g) else { return Ok(false) };
    let (it, keyfunc) = (s.it.clone(), s.keyfunc.clone());
    let Some(v) = ops::next(&it)? else { return Ok(false) };
    let key = match keyfunc {
        Some(f) => ops::call::call(&f, &[v.clone()], None)?,
        None => v.clone(),
    };
    if let Some(s) = native::state::<GroupBy>(g) {
        s.currvalue = Some(v);
        s.currkey = Some(key);
    }
    Ok(true)
}

fn groupby_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<GroupBy>(o) else { return Ok(None) };
    s.currgrouper = 0;
    loop {
        let Some(s) = native::state::<GroupBy>(o) else { return Ok(None) };
        match (&s.currkey, &s.tgtkey) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(c), Some(t)) => {
                let (c, t) = (c.clone(), t.clone());
                if !ops::rich_compare_bool(&t, &c, CompareOp::Eq)? {
                    break;
                }
            }
        }
        if !groupby_step(o)? {
            return Ok(None);
        }
    }
    let Some(s) = native::state::<GroupBy>(o) else { return Ok(None) };
    let key = s.currkey.clone().unwrap();
    s.tgtkey = Some(key.clone());
    let grouper = native::alloc(&raw mut GROUPER_TYPE, Grouper { parent: o.clone(), tgtkey: key.clone() })?;
    if let Some(s) = native::state::<GroupBy>(o) {
        s.currgrouper = grouper.as_ptr() as usize;
    }
    Ok(Some(tuple::new(&[key, grouper])))
}
crate::iternext!(groupby_next_slot => groupby_next);

fn groupby_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("groupby.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<GroupBy>(o) else { bail!(SystemError, "cleared groupby") };
    let t = native::type_of(o);
    let kf = s.keyfunc.clone().unwrap_or_else(none::none);
    let base = tuple::new(&[s.it.clone(), kf]);
    match (&s.tgtkey, &s.currkey, &s.currvalue) {
        (Some(t0), Some(k), Some(v)) => Ok(tuple::new(&[t, base, tuple::new(&[k.clone(), v.clone(), t0.clone()])])),
        _ => Ok(tuple::new(&[t, base])),
    }
}

fn groupby_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("groupby.__setstate__", args, kw, 1, 1)?;
    let st = state_tuple(&args[0])?;
    if st.len() != 3 {
        bail!(TypeError, "function takes exactly 3 arguments ({} given)", st.len());
    }
    if let Some(s) = native::state::<GroupBy>(o) {
        s.currkey = Some(st[0].clone());
        s.currvalue = Some(st[1].clone());
        s.tgtkey = Some(st[2].clone());
    }
    Ok(none::none())
}

struct Grouper {
    parent: Obj,
    tgtkey: Obj,
}

impl State for Grouper {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.parent);
        push(out, &self.tgtkey);
    }
}

fn grouper_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("_grouper", t, &raw mut GROUPER_TYPE, args, kw, 2, 2)?;
    if !type_::is_subtype(a[0].type_ptr(), &raw mut GROUPBY_TYPE) {
        bail!(TypeError, "_grouper() argument 1 must be itertools.groupby, not {}", a[0].ty().name());
    }
    let g = native::alloc(t, Grouper { parent: a[0].clone(), tgtkey: a[1].clone() })?;
    if let Some(s) = native::state::<GroupBy>(&a[0]) {
        s.currgrouper = g.as_ptr() as usize;
    }
    Ok(g)
}
krait_runtime::new_slot!(grouper_new_slot => grouper_new);

fn grouper_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Grouper>(o) else { return Ok(None) };
    let (parent, tgtkey) = (s.parent.clone(), s.tgtkey.clone());
    let Some(g) = native::state::<GroupBy>(&parent) else { return Ok(None) };
    if g.currgrouper != o.as_ptr() as usize {
        return Ok(None);
    }
    if g.currvalue.is_none() && !groupby_step(&parent)? {
        return Ok(None);
    }
    let Some(g) = native::state::<GroupBy>(&parent) else { return Ok(None) };
    let Some(ck) = g.currkey.clone() else { return Ok(None) };
    if !ops::rich_compare_bool(&tgtkey, &ck, CompareOp::Eq)? {
        return Ok(None);
    }
    let Some(g) = native::state::<GroupBy>(&parent) else { return Ok(None) };
    Ok(g.currvalue.take())
}
crate::iternext!(grouper_next_slot => grouper_next);

fn grouper_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_grouper.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Grouper>(o) else { bail!(SystemError, "cleared _grouper") };
    let (parent, tgtkey) = (s.parent.clone(), s.tgtkey.clone());
    let current = native::state::<GroupBy>(&parent).map(|g| g.currgrouper == o.as_ptr() as usize).unwrap_or(false);
    if !current {
        let iter = ops::attr::getattr_str(&krait_runtime::interp::builtins_module(), "iter")?;
        return Ok(tuple::new(&[iter, tuple::new(&[tuple::new(&[])])]));
    }
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[parent, tgtkey])]))
}

// ---------------------------------------------------------------------------
// _tee_dataobject(it, values, next)

struct TeeData {
    it: Obj,
    values: Vec<Obj>,
    next: Option<Obj>,
    running: bool,
}

impl State for TeeData {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.it);
        for v in &self.values {
            push(out, v);
        }
        push_opt(out, &self.next);
    }
}

fn new_teedata(it: Obj) -> PyResult<Obj> {
    native::alloc(&raw mut TEEDATA_TYPE, TeeData { it, values: Vec::new(), next: None, running: false })
}

fn teedata_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("teedataobject", t, &raw mut TEEDATA_TYPE, args, kw, 3, 3)?;
    if !list::is_list(&a[1]) {
        bail!(TypeError, "teedataobject() argument 2 must be list, not {}", a[1].ty().name());
    }
    let values = list::items(&a[1]).to_vec();
    let next = &a[2];
    let next = if values.len() < LINKCELLS {
        if !none::is_none(next) {
            bail!(ValueError, "Invalid arguments");
        }
        None
    } else if values.len() == LINKCELLS {
        if none::is_none(next) {
            None
        } else if next.type_ptr() == &raw mut TEEDATA_TYPE {
            Some(next.clone())
        } else {
            bail!(ValueError, "Invalid arguments");
        }
    } else {
        bail!(ValueError, "Invalid arguments");
    };
    native::alloc(t, TeeData { it: a[0].clone(), values, next, running: false })
}
krait_runtime::new_slot!(teedata_new_slot => teedata_new);

/// Value `i` of a cell, reading the underlying iterator when `i` is the
/// first unread position.
fn teedata_get(d: &Obj, i: usize) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<TeeData>(d) else { return Ok(None) };
    if i < s.values.len() {
        return Ok(Some(s.values[i].clone()));
    }
    if s.running {
        bail!(RuntimeError, "cannot re-enter the tee iterator");
    }
    s.running = true;
    let it = s.it.clone();
    let r = ops::next(&it);
    if let Some(s) = native::state::<TeeData>(d) {
        s.running = false;
    }
    let Some(v) = r? else { return Ok(None) };
    if let Some(s) = native::state::<TeeData>(d) {
        s.values.push(v.clone());
    }
    Ok(Some(v))
}

fn teedata_jump(d: &Obj) -> PyResult<Obj> {
    let Some(s) = native::state::<TeeData>(d) else { bail!(SystemError, "cleared _tee_dataobject") };
    if let Some(n) = &s.next {
        return Ok(n.clone());
    }
    let n = new_teedata(s.it.clone())?;
    if let Some(s) = native::state::<TeeData>(d) {
        s.next = Some(n.clone());
    }
    Ok(n)
}

fn teedata_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_tee_dataobject.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<TeeData>(o) else { bail!(SystemError, "cleared _tee_dataobject") };
    let values = list::from_vec(s.values.clone());
    let next = s.next.clone().unwrap_or_else(none::none);
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[s.it.clone(), values, next])]))
}

// ---------------------------------------------------------------------------
// _tee(iterable) and tee(iterable, n=2)

struct Tee {
    data: Obj,
    index: usize,
}

impl State for Tee {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.data);
    }
}

fn tee_copy_of(o: &Obj) -> PyResult<Obj> {
    let Some(s) = native::state::<Tee>(o) else { bail!(SystemError, "cleared _tee") };
    let (data, index) = (s.data.clone(), s.index);
    native::alloc(&raw mut TEE_TYPE, Tee { data, index })
}

fn tee_fromiterable(iterable: &Obj) -> PyResult<Obj> {
    let it = ops::iter(iterable)?;
    if it.type_ptr() == &raw mut TEE_TYPE {
        return tee_copy_of(&it);
    }
    let data = new_teedata(it)?;
    native::alloc(&raw mut TEE_TYPE, Tee { data, index: 0 })
}

fn tee_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("_tee", t, &raw mut TEE_TYPE, args, kw, 1, 1)?;
    tee_fromiterable(&a[0])
}
krait_runtime::new_slot!(tee_new_slot => tee_new);

fn tee_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Tee>(o) else { return Ok(None) };
    if s.index >= LINKCELLS {
        let d = s.data.clone();
        let link = teedata_jump(&d)?;
        if let Some(s) = native::state::<Tee>(o) {
            s.data = link;
            s.index = 0;
        }
    }
    let Some(s) = native::state::<Tee>(o) else { return Ok(None) };
    let (d, i) = (s.data.clone(), s.index);
    let v = teedata_get(&d, i)?;
    if v.is_some() {
        if let Some(s) = native::state::<Tee>(o) {
            s.index += 1;
        }
    }
    Ok(v)
}
crate::iternext!(tee_next_slot => tee_next);

fn tee_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_tee.__copy__", args, kw, 0, 0)?;
    tee_copy_of(o)
}

fn tee_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_tee.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Tee>(o) else { bail!(SystemError, "cleared _tee") };
    Ok(tuple::new(&[
        native::type_of(o),
        tuple::new(&[tuple::new(&[])]),
        tuple::new(&[s.data.clone(), int(s.index as isize)]),
    ]))
}

fn tee_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_tee.__setstate__", args, kw, 1, 1)?;
    let st = state_tuple(&args[0])?;
    if st.len() != 2 {
        bail!(TypeError, "function takes exactly 2 arguments ({} given)", st.len());
    }
    if st[0].type_ptr() != &raw mut TEEDATA_TYPE {
        bail!(TypeError, "argument 1 must be itertools._tee_dataobject, not {}", st[0].ty().name());
    }
    let index = krait_runtime::types::int::index_isize(&st[1])?;
    if index < 0 || index as usize > LINKCELLS {
        bail!(ValueError, "Index out of range");
    }
    if let Some(s) = native::state::<Tee>(o) {
        s.data = st[0].clone();
        s.index = index as usize;
    }
    Ok(none::none())
}

pub(super) fn f_tee(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("itertools.tee", args, kw, 1, 2)?;
    let n = match args.get(1) {
        Some(n) => krait_runtime::types::int::index_isize(n)?,
        None => 2,
    };
    if n < 0 {
        bail!(ValueError, "n must be >= 0");
    }
    if n == 0 {
        return Ok(tuple::new(&[]));
    }
    let it = ops::iter(&args[0])?;
    let (first, copy) = match ops::attr::getattr_opt(&it, &krait_runtime::types::str::intern_static("__copy__"))? {
        Some(c) => (it, c),
        None => {
            let t = tee_fromiterable(&it)?;
            let c = ops::attr::getattr_str(&t, "__copy__")?;
            (t, c)
        }
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(ops::call::call(&copy, &[], None)?);
    }
    Ok(tuple::from_vec(out))
}

pub(super) unsafe fn init_types() -> PyResult<()> {
    let t = &raw mut GROUPBY_TYPE;
    iter_type::<GroupBy>(
        t,
        "itertools.groupby",
        Some(groupby_new_slot),
        groupby_next_slot,
        &[method("__reduce__", groupby_reduce), method("__setstate__", groupby_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut GROUPER_TYPE;
    iter_type::<Grouper>(t, "itertools._grouper", Some(grouper_new_slot), grouper_next_slot, &[method("__reduce__", grouper_reduce)], false);
    native::ready(t)?;
    let t = &raw mut TEEDATA_TYPE;
    native::init_type::<TeeData>(t, "itertools._tee_dataobject", false);
    (*t).tp_new = Some(teedata_new_slot);
    (*t).tp_methods = krait_runtime::types::builtin_func::method_table(&[method("__reduce__", teedata_reduce)]);
    native::ready(t)?;
    let t = &raw mut TEE_TYPE;
    (*t).tp_weaklistoffset = native::weaklist_offset::<Tee>();
    iter_type::<Tee>(
        t,
        "itertools._tee",
        Some(tee_new_slot),
        tee_next_slot,
        &[method("__copy__", tee_copy), method("__reduce__", tee_reduce), method("__setstate__", tee_setstate)],
        false,
    );
    native::ready(t)?;
    Ok(())
}

pub(super) fn types() -> Vec<(&'static str, *mut PyTypeObject)> {
    vec![
        ("groupby", &raw mut GROUPBY_TYPE),
        ("_grouper", &raw mut GROUPER_TYPE),
        ("_tee", &raw mut TEE_TYPE),
        ("_tee_dataobject", &raw mut TEEDATA_TYPE),
    ]
}
