//! accumulate, chain, compress, dropwhile, takewhile, filterfalse,
//! starmap, islice, zip_longest, pairwise.

use super::{int, iter_type, parse, positional, state_tuple};
use crate::native::{self, push, push_opt, State};
use krait_bytecode::BinaryOp;
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{check_nargs, classmethod, method};
use krait_runtime::types::{bool_, dict, int as pyint, list, none, tuple};
use krait_runtime::{bail, PyResult};

static mut ACCUMULATE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut CHAIN_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut COMPRESS_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DROPWHILE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut TAKEWHILE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut FILTERFALSE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut STARMAP_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut ISLICE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut ZIP_LONGEST_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut PAIRWISE_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn cleared() -> krait_runtime::PyErr {
    krait_runtime::raise!(SystemError, "iterator was cleared by the garbage collector")
}

fn opt_none(o: &Option<Obj>) -> Obj {
    o.clone().unwrap_or_else(none::none)
}

// ---------------------------------------------------------------------------
// accumulate(iterable, func=None, *, initial=None)

struct Accumulate {
    it: Obj,
    func: Option<Obj>,
    total: Option<Obj>,
    initial: Option<Obj>,
}

impl State for Accumulate {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.it);
        push_opt(out, &self.func);
        push_opt(out, &self.total);
        push_opt(out, &self.initial);
    }
}

fn accumulate_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let npos = tuple::len(args);
    if npos > 2 {
        bail!(TypeError, "accumulate() takes at most 2 positional arguments ({} given)", npos);
    }
    let a = parse("accumulate", args, kw, &["iterable", "func", "initial"], 1)?;
    let it = ops::iter(a[0].as_ref().unwrap())?;
    let func = a[1].clone().filter(|f| !none::is_none(f));
    let initial = a[2].clone().filter(|f| !none::is_none(f));
    native::alloc(t, Accumulate { it, func, total: None, initial })
}
krait_runtime::new_slot!(accumulate_new_slot => accumulate_new);

fn accumulate_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Accumulate>(o) else { return Ok(None) };
    if let Some(init) = s.initial.take() {
        s.total = Some(init.clone());
        return Ok(Some(init));
    }
    let (it, func, total) = (s.it.clone(), s.func.clone(), s.total.clone());
    let Some(v) = ops::next(&it)? else { return Ok(None) };
    let new = match total {
        None => v,
        Some(t) => match func {
            Some(f) => ops::call::call(&f, &[t, v], None)?,
            None => ops::number::binary_op(&t, &v, BinaryOp::Add)?,
        },
    };
    if let Some(s) = native::state::<Accumulate>(o) {
        s.total = Some(new.clone());
    }
    Ok(Some(new))
}
crate::iternext!(accumulate_next_slot => accumulate_next);

fn accumulate_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("accumulate.__reduce__", args, kw, 0, 0)?;
    let s = native::state::<Accumulate>(o).ok_or_else(cleared)?;
    let (it, func, total, initial) = (s.it.clone(), opt_none(&s.func), s.total.clone(), s.initial.clone());
    let t = native::type_of(o);
    if let Some(init) = initial {
        let ch = make_chain(&raw mut CHAIN_TYPE, &[tuple::new(&[init]), it])?;
        return Ok(tuple::new(&[t, tuple::new(&[ch, func]), none::none()]));
    }
    if let Some(tot) = &total {
        if none::is_none(tot) {
            // A running total of None would read back as "not started":
            // an accumulate over a chain that yields None first, sliced
            // past that None.
            let ch = make_chain(&raw mut CHAIN_TYPE, &[tuple::new(&[none::none()]), it])?;
            let acc = ops::call::call(&t, &[ch, func], None)?;
            let islice = krait_runtime::types::type_::type_obj(&raw mut ISLICE_TYPE);
            return Ok(tuple::new(&[islice, tuple::new(&[acc, int(1), none::none()])]));
        }
    }
    Ok(tuple::new(&[t, tuple::new(&[it, func]), opt_none(&total)]))
}

fn accumulate_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("accumulate.__setstate__", args, kw, 1, 1)?;
    if let Some(s) = native::state::<Accumulate>(o) {
        s.total = Some(args[0].clone()).filter(|t| !none::is_none(t));
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// chain(*iterables), chain.from_iterable(iterable)

struct Chain {
    source: Option<Obj>,
    active: Option<Obj>,
}

impl State for Chain {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push_opt(out, &self.source);
        push_opt(out, &self.active);
    }
}

fn make_chain(t: *mut PyTypeObject, its: &[Obj]) -> PyResult<Obj> {
    let source = ops::iter(&tuple::new(its))?;
    native::alloc(t, Chain { source: Some(source), active: None })
}

fn chain_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    if super::keeps_init(t, &raw mut CHAIN_TYPE) {
        native::no_kw_dict("chain", kw)?;
    }
    let source = ops::iter(args)?;
    native::alloc(t, Chain { source: Some(source), active: None })
}
krait_runtime::new_slot!(chain_new_slot => chain_new);

fn chain_from_iterable(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("chain.from_iterable", args, kw, 1, 1)?;
    let source = ops::iter(&args[0])?;
    native::alloc(cls.as_ptr() as *mut PyTypeObject, Chain { source: Some(source), active: None })
}

fn chain_next(o: &Obj) -> PyResult<Option<Obj>> {
    loop {
        let Some(s) = native::state::<Chain>(o) else { return Ok(None) };
        if let Some(active) = s.active.clone() {
            if let Some(v) = ops::next(&active)? {
                return Ok(Some(v));
            }
            if let Some(s) = native::state::<Chain>(o) {
                s.active = None;
            }
            continue;
        }
        let Some(source) = s.source.clone() else { return Ok(None) };
        // The source is dropped when it ends or fails, or when one of its
        // items is not iterable.
        let drop_source = |o: &Obj| {
            if let Some(s) = native::state::<Chain>(o) {
                s.source = None;
            }
        };
        let iterable = match ops::next(&source) {
            Ok(Some(x)) => x,
            Ok(None) => {
                drop_source(o);
                return Ok(None);
            }
            Err(e) => {
                drop_source(o);
                return Err(e);
            }
        };
        match ops::iter(&iterable) {
            Ok(a) => {
                if let Some(s) = native::state::<Chain>(o) {
                    s.active = Some(a);
                }
            }
            Err(e) => {
                drop_source(o);
                return Err(e);
            }
        }
    }
}
crate::iternext!(chain_next_slot => chain_next);

fn chain_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("chain.__reduce__", args, kw, 0, 0)?;
    let s = native::state::<Chain>(o).ok_or_else(cleared)?;
    let t = native::type_of(o);
    match (&s.source, &s.active) {
        (Some(src), Some(act)) => Ok(tuple::new(&[t, tuple::new(&[]), tuple::new(&[src.clone(), act.clone()])])),
        (Some(src), None) => Ok(tuple::new(&[t, tuple::new(&[]), tuple::new(&[src.clone()])])),
        _ => Ok(tuple::new(&[t, tuple::new(&[])])),
    }
}

fn is_iterator(o: &Obj) -> bool {
    o.ty().tp_iternext.is_some()
}

fn chain_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("chain.__setstate__", args, kw, 1, 1)?;
    let st = state_tuple(&args[0])?;
    if st.is_empty() || st.len() > 2 {
        if st.is_empty() {
            bail!(TypeError, "function takes at least 1 argument (0 given)");
        }
        bail!(TypeError, "function takes at most 2 arguments ({} given)", st.len());
    }
    if !is_iterator(&st[0]) || (st.len() == 2 && !is_iterator(&st[1])) {
        bail!(TypeError, "Arguments must be iterators.");
    }
    if let Some(s) = native::state::<Chain>(o) {
        s.source = Some(st[0].clone());
        s.active = st.get(1).cloned();
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// compress(data, selectors)

struct Compress {
    data: Obj,
    selectors: Obj,
}

impl State for Compress {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.data);
        push(out, &self.selectors);
    }
}

fn compress_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse("compress", args, kw, &["data", "selectors"], 2)?;
    let data = ops::iter(a[0].as_ref().unwrap())?;
    let selectors = ops::iter(a[1].as_ref().unwrap())?;
    native::alloc(t, Compress { data, selectors })
}
krait_runtime::new_slot!(compress_new_slot => compress_new);

fn compress_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Compress>(o) else { return Ok(None) };
    let (data, sel) = (s.data.clone(), s.selectors.clone());
    loop {
        let Some(d) = ops::next(&data)? else { return Ok(None) };
        let Some(x) = ops::next(&sel)? else { return Ok(None) };
        if ops::truthy(&x)? {
            return Ok(Some(d));
        }
    }
}
crate::iternext!(compress_next_slot => compress_next);

fn compress_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("compress.__reduce__", args, kw, 0, 0)?;
    let s = native::state::<Compress>(o).ok_or_else(cleared)?;
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[s.data.clone(), s.selectors.clone()])]))
}

// ---------------------------------------------------------------------------
// dropwhile / takewhile(predicate, iterable): `flag` is dropwhile's
// "started" and takewhile's "stopped".

struct While {
    func: Obj,
    it: Obj,
    flag: bool,
}

impl State for While {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.func);
        push(out, &self.it);
    }
}

fn dropwhile_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("dropwhile", t, &raw mut DROPWHILE_TYPE, args, kw, 2, 2)?;
    let it = ops::iter(&a[1])?;
    native::alloc(t, While { func: a[0].clone(), it, flag: false })
}
krait_runtime::new_slot!(dropwhile_new_slot => dropwhile_new);

fn takewhile_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("takewhile", t, &raw mut TAKEWHILE_TYPE, args, kw, 2, 2)?;
    let it = ops::iter(&a[1])?;
    native::alloc(t, While { func: a[0].clone(), it, flag: false })
}
krait_runtime::new_slot!(takewhile_new_slot => takewhile_new);

fn dropwhile_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<While>(o) else { return Ok(None) };
    let (func, it) = (s.func.clone(), s.it.clone());
    loop {
        let Some(v) = ops::next(&it)? else { return Ok(None) };
        if native::state::<While>(o).map(|s| s.flag).unwrap_or(true) {
            return Ok(Some(v));
        }
        let keep_dropping = ops::truthy(&ops::call::call(&func, &[v.clone()], None)?)?;
        if !keep_dropping {
            if let Some(s) = native::state::<While>(o) {
                s.flag = true;
            }
            return Ok(Some(v));
        }
    }
}
crate::iternext!(dropwhile_next_slot => dropwhile_next);

fn takewhile_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<While>(o) else { return Ok(None) };
    if s.flag {
        return Ok(None);
    }
    let (func, it) = (s.func.clone(), s.it.clone());
    let Some(v) = ops::next(&it)? else { return Ok(None) };
    if ops::truthy(&ops::call::call(&func, &[v.clone()], None)?)? {
        return Ok(Some(v));
    }
    if let Some(s) = native::state::<While>(o) {
        s.flag = true;
    }
    Ok(None)
}
crate::iternext!(takewhile_next_slot => takewhile_next);

fn while_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kw, 0, 0)?;
    let s = native::state::<While>(o).ok_or_else(cleared)?;
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[s.func.clone(), s.it.clone()]), int(s.flag as isize)]))
}

fn while_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", args, kw, 1, 1)?;
    let f = ops::truthy(&args[0])?;
    if let Some(s) = native::state::<While>(o) {
        s.flag = f;
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// filterfalse(function or None, iterable), starmap(function, iterable)

struct FuncIter {
    func: Obj,
    it: Obj,
}

impl State for FuncIter {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.func);
        push(out, &self.it);
    }
}

fn filterfalse_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("filterfalse", t, &raw mut FILTERFALSE_TYPE, args, kw, 2, 2)?;
    let it = ops::iter(&a[1])?;
    native::alloc(t, FuncIter { func: a[0].clone(), it })
}
krait_runtime::new_slot!(filterfalse_new_slot => filterfalse_new);

fn filterfalse_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<FuncIter>(o) else { return Ok(None) };
    let (func, it) = (s.func.clone(), s.it.clone());
    let plain = none::is_none(&func) || func.is(&krait_runtime::types::type_::type_obj(bool_::type_ptr()));
    loop {
        let Some(v) = ops::next(&it)? else { return Ok(None) };
        let ok = if plain { ops::truthy(&v)? } else { ops::truthy(&ops::call::call(&func, &[v.clone()], None)?)? };
        if !ok {
            return Ok(Some(v));
        }
    }
}
crate::iternext!(filterfalse_next_slot => filterfalse_next);

fn starmap_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("starmap", t, &raw mut STARMAP_TYPE, args, kw, 2, 2)?;
    let it = ops::iter(&a[1])?;
    native::alloc(t, FuncIter { func: a[0].clone(), it })
}
krait_runtime::new_slot!(starmap_new_slot => starmap_new);

fn starmap_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<FuncIter>(o) else { return Ok(None) };
    let (func, it) = (s.func.clone(), s.it.clone());
    let Some(v) = ops::next(&it)? else { return Ok(None) };
    let args = if tuple::is_exact_tuple(&v) { v } else { ops::seq::to_tuple(&v)? };
    Ok(Some(ops::call::call(&func, tuple::items(&args), None)?))
}
crate::iternext!(starmap_next_slot => starmap_next);

fn funciter_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kw, 0, 0)?;
    let s = native::state::<FuncIter>(o).ok_or_else(cleared)?;
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[s.func.clone(), s.it.clone()])]))
}

// ---------------------------------------------------------------------------
// islice(iterable, stop) / islice(iterable, start, stop[, step])

struct Islice {
    it: Option<Obj>,
    next: isize,
    stop: isize,
    step: isize,
    cnt: isize,
}

impl State for Islice {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push_opt(out, &self.it);
    }
}

const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// PyNumber_AsSsize_t with OverflowError folded into -1 (error cleared).
fn ssize_or_minus_one(o: &Obj) -> isize {
    match krait_runtime::types::int::index_isize(o) {
        Ok(v) => v,
        Err(_) => {
            krait_runtime::errors::clear();
            -1
        }
    }
}

fn islice_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("islice", t, &raw mut ISLICE_TYPE, args, kw, 2, 4)?;
    let (mut start, mut stop, mut step) = (0isize, -1isize, 1isize);
    if a.len() == 2 {
        if !none::is_none(&a[1]) {
            stop = ssize_or_minus_one(&a[1]);
            if stop == -1 {
                bail!(ValueError, "{}", STOP_MSG);
            }
        }
    } else {
        if !none::is_none(&a[1]) {
            start = ssize_or_minus_one(&a[1]);
        }
        if !none::is_none(&a[2]) {
            stop = ssize_or_minus_one(&a[2]);
            if stop == -1 {
                bail!(ValueError, "{}", STOP_MSG);
            }
        }
    }
    if start < 0 || stop < -1 {
        bail!(ValueError, "{}", INDEX_MSG);
    }
    if a.len() == 4 && !none::is_none(&a[3]) {
        step = ssize_or_minus_one(&a[3]);
    }
    if step < 1 {
        bail!(ValueError, "Step for islice() must be a positive integer or None.");
    }
    let it = ops::iter(&a[0])?;
    native::alloc(t, Islice { it: Some(it), next: start, stop, step, cnt: 0 })
}
krait_runtime::new_slot!(islice_new_slot => islice_new);

fn islice_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Islice>(o) else { return Ok(None) };
    let Some(it) = s.it.clone() else { return Ok(None) };
    let finish = |o: &Obj| {
        if let Some(s) = native::state::<Islice>(o) {
            s.it = None;
        }
    };
    loop {
        let Some(s) = native::state::<Islice>(o) else { return Ok(None) };
        if s.cnt >= s.next {
            break;
        }
        match ops::next(&it) {
            Ok(Some(_)) => {}
            Ok(None) => {
                finish(o);
                return Ok(None);
            }
            Err(e) => {
                finish(o);
                return Err(e);
            }
        }
        if let Some(s) = native::state::<Islice>(o) {
            s.cnt += 1;
        }
    }
    let Some(s) = native::state::<Islice>(o) else { return Ok(None) };
    if s.stop != -1 && s.cnt >= s.stop {
        finish(o);
        return Ok(None);
    }
    let v = match ops::next(&it) {
        Ok(Some(v)) => v,
        Ok(None) => {
            finish(o);
            return Ok(None);
        }
        Err(e) => {
            finish(o);
            return Err(e);
        }
    };
    let Some(s) = native::state::<Islice>(o) else { return Ok(Some(v)) };
    s.cnt += 1;
    let old = s.next;
    s.next = s.next.wrapping_add(s.step);
    if s.next < old || (s.stop != -1 && s.next > s.stop) {
        s.next = s.stop;
    }
    Ok(Some(v))
}
crate::iternext!(islice_next_slot => islice_next);

fn islice_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("islice.__reduce__", args, kw, 0, 0)?;
    let s = native::state::<Islice>(o).ok_or_else(cleared)?;
    let t = native::type_of(o);
    match &s.it {
        None => {
            let empty = ops::iter(&list::new())?;
            Ok(tuple::new(&[t, tuple::new(&[empty, int(0)]), int(0)]))
        }
        Some(it) => {
            let stop = if s.stop == -1 { none::none() } else { int(s.stop) };
            Ok(tuple::new(&[t, tuple::new(&[it.clone(), int(s.next), stop, int(s.step)]), int(s.cnt)]))
        }
    }
}

fn islice_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("islice.__setstate__", args, kw, 1, 1)?;
    let c = &args[0];
    if !pyint::is_int(c) {
        bail!(TypeError, "an integer is required");
    }
    let v = pyint::as_isize_or_overflow(c)?;
    if let Some(s) = native::state::<Islice>(o) {
        s.cnt = v;
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// zip_longest(*iterables, fillvalue=None)

struct ZipLongest {
    its: Vec<Option<Obj>>,
    active: usize,
    fill: Obj,
    /// The last result tuple, reused while nobody else holds it.
    out: Option<Obj>,
}

impl State for ZipLongest {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for i in &self.its {
            push_opt(out, i);
        }
        push(out, &self.fill);
        push_opt(out, &self.out);
    }
}

fn zip_longest_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let mut fill = none::none();
    if let Some(k) = kw {
        if dict::len(k) > 0 {
            match dict::get_item_str(k, "fillvalue")? {
                Some(f) if dict::len(k) == 1 => fill = f,
                _ => bail!(TypeError, "zip_longest() got an unexpected keyword argument"),
            }
        }
    }
    let mut its = Vec::new();
    for a in tuple::items(args) {
        its.push(Some(ops::iter(a)?));
    }
    let active = its.len();
    native::alloc(t, ZipLongest { its, active, fill, out: None })
}
krait_runtime::new_slot!(zip_longest_new_slot => zip_longest_new);

fn zip_longest_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<ZipLongest>(o) else { return Ok(None) };
    let n = s.its.len();
    if n == 0 || s.active == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Some(s) = native::state::<ZipLongest>(o) else { return Ok(None) };
        let fill = s.fill.clone();
        let Some(it) = s.its[i].clone() else {
            out.push(fill);
            continue;
        };
        match ops::next(&it) {
            Ok(Some(v)) => out.push(v),
            Ok(None) => {
                let Some(s) = native::state::<ZipLongest>(o) else { return Ok(None) };
                s.active -= 1;
                if s.active == 0 {
                    return Ok(None);
                }
                s.its[i] = None;
                out.push(fill);
            }
            Err(e) => {
                if let Some(s) = native::state::<ZipLongest>(o) {
                    s.active = 0;
                }
                return Err(e);
            }
        }
    }
    let Some(s) = native::state::<ZipLongest>(o) else { return Ok(Some(tuple::from_vec(out))) };
    Ok(Some(tuple::reuse(&mut s.out, out)))
}
crate::iternext!(zip_longest_next_slot => zip_longest_next);

fn zip_longest_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("zip_longest.__reduce__", args, kw, 0, 0)?;
    let s = native::state::<ZipLongest>(o).ok_or_else(cleared)?;
    let its = s.its.iter().map(|i| i.clone().unwrap_or_else(|| tuple::new(&[]))).collect();
    Ok(tuple::new(&[native::type_of(o), tuple::from_vec(its), s.fill.clone()]))
}

fn zip_longest_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("zip_longest.__setstate__", args, kw, 1, 1)?;
    if let Some(s) = native::state::<ZipLongest>(o) {
        s.fill = args[0].clone();
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// pairwise(iterable)

struct Pairwise {
    it: Option<Obj>,
    old: Option<Obj>,
}

impl State for Pairwise {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push_opt(out, &self.it);
        push_opt(out, &self.old);
    }
}

fn pairwise_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = positional("pairwise", t, &raw mut PAIRWISE_TYPE, args, kw, 1, 1)?;
    let it = ops::iter(&a[0])?;
    native::alloc(t, Pairwise { it: Some(it), old: None })
}
krait_runtime::new_slot!(pairwise_new_slot => pairwise_new);

fn pairwise_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Pairwise>(o) else { return Ok(None) };
    let Some(it) = s.it.clone() else { return Ok(None) };
    let old = match s.old.clone() {
        Some(v) => v,
        None => match ops::next(&it)? {
            Some(v) => {
                if let Some(s) = native::state::<Pairwise>(o) {
                    s.old = Some(v.clone());
                }
                v
            }
            None => {
                if let Some(s) = native::state::<Pairwise>(o) {
                    s.it = None;
                }
                return Ok(None);
            }
        },
    };
    match ops::next(&it)? {
        Some(new) => {
            if let Some(s) = native::state::<Pairwise>(o) {
                s.old = Some(new.clone());
            }
            Ok(Some(tuple::new(&[old, new])))
        }
        None => {
            if let Some(s) = native::state::<Pairwise>(o) {
                s.it = None;
                s.old = None;
            }
            Ok(None)
        }
    }
}
crate::iternext!(pairwise_next_slot => pairwise_next);

pub(super) unsafe fn init_types() -> PyResult<()> {
    let t = &raw mut ACCUMULATE_TYPE;
    iter_type::<Accumulate>(
        t,
        "itertools.accumulate",
        Some(accumulate_new_slot),
        accumulate_next_slot,
        &[method("__reduce__", accumulate_reduce), method("__setstate__", accumulate_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut CHAIN_TYPE;
    iter_type::<Chain>(
        t,
        "itertools.chain",
        Some(chain_new_slot),
        chain_next_slot,
        &[
            method("__reduce__", chain_reduce),
            method("__setstate__", chain_setstate),
            classmethod("from_iterable", chain_from_iterable),
            classmethod("__class_getitem__", class_getitem),
        ],
        true,
    );
    native::ready(t)?;
    let t = &raw mut COMPRESS_TYPE;
    iter_type::<Compress>(t, "itertools.compress", Some(compress_new_slot), compress_next_slot, &[method("__reduce__", compress_reduce)], true);
    native::ready(t)?;
    let ws = [method("__reduce__", while_reduce), method("__setstate__", while_setstate)];
    let t = &raw mut DROPWHILE_TYPE;
    iter_type::<While>(t, "itertools.dropwhile", Some(dropwhile_new_slot), dropwhile_next_slot, &ws, true);
    native::ready(t)?;
    let ws = [method("__reduce__", while_reduce), method("__setstate__", while_setstate)];
    let t = &raw mut TAKEWHILE_TYPE;
    iter_type::<While>(t, "itertools.takewhile", Some(takewhile_new_slot), takewhile_next_slot, &ws, true);
    native::ready(t)?;
    let t = &raw mut FILTERFALSE_TYPE;
    iter_type::<FuncIter>(t, "itertools.filterfalse", Some(filterfalse_new_slot), filterfalse_next_slot, &[method("__reduce__", funciter_reduce)], true);
    native::ready(t)?;
    let t = &raw mut STARMAP_TYPE;
    iter_type::<FuncIter>(t, "itertools.starmap", Some(starmap_new_slot), starmap_next_slot, &[method("__reduce__", funciter_reduce)], true);
    native::ready(t)?;
    let t = &raw mut ISLICE_TYPE;
    iter_type::<Islice>(
        t,
        "itertools.islice",
        Some(islice_new_slot),
        islice_next_slot,
        &[method("__reduce__", islice_reduce), method("__setstate__", islice_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut ZIP_LONGEST_TYPE;
    iter_type::<ZipLongest>(
        t,
        "itertools.zip_longest",
        Some(zip_longest_new_slot),
        zip_longest_next_slot,
        &[method("__reduce__", zip_longest_reduce), method("__setstate__", zip_longest_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut PAIRWISE_TYPE;
    iter_type::<Pairwise>(t, "itertools.pairwise", Some(pairwise_new_slot), pairwise_next_slot, &[], true);
    native::ready(t)?;
    Ok(())
}

fn class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("chain.__class_getitem__", args, kw, 1, 1)?;
    krait_runtime::types::generic_alias::new(cls, &args[0])
}

pub(super) fn types() -> Vec<(&'static str, *mut PyTypeObject)> {
    vec![
        ("accumulate", &raw mut ACCUMULATE_TYPE),
        ("chain", &raw mut CHAIN_TYPE),
        ("compress", &raw mut COMPRESS_TYPE),
        ("dropwhile", &raw mut DROPWHILE_TYPE),
        ("takewhile", &raw mut TAKEWHILE_TYPE),
        ("filterfalse", &raw mut FILTERFALSE_TYPE),
        ("starmap", &raw mut STARMAP_TYPE),
        ("islice", &raw mut ISLICE_TYPE),
        ("zip_longest", &raw mut ZIP_LONGEST_TYPE),
        ("pairwise", &raw mut PAIRWISE_TYPE),
    ]
}
