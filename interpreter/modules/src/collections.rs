//! The `_collections` module: `deque` (bounded by maxlen; iterators that
//! detect mutation through a state counter bumped by every structural
//! change, as CPython's), `defaultdict` (a dict subtype with one extra
//! field), `_count_elements` and `_tuplegetter` (namedtuple's fields).
//! `OrderedDict` is left to collections/__init__.py's pure-Python class.

use crate::native::{self, State};
use krait_bytecode::CompareOp;
use krait_runtime::object::{tpflags, Obj, PyNumberMethods, PyObject, PySequenceMethods, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, classmethod, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{dict, int, list, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, PyResult};
use std::collections::VecDeque;
use std::os::raw::c_int;

static mut DEQUE_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DEQUE_ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DEQUE_REVITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DEFDICT_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut TUPLEGETTER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DEQUE_SEQ: PySequenceMethods = PySequenceMethods::EMPTY;
static mut DEFDICT_NUM: PyNumberMethods = PyNumberMethods::EMPTY;

// ---------------------------------------------------------------------------
// deque

struct Deque {
    items: VecDeque<Obj>,
    maxlen: Option<usize>,
    state: u64,
}

impl State for Deque {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for x in &self.items {
            native::push(out, x);
        }
    }
}

fn is_deque(o: &Obj) -> bool {
    type_::is_subtype(o.type_ptr(), &raw mut DEQUE_TYPE)
}

#[allow(clippy::mut_from_ref)]
fn dq(o: &Obj) -> PyResult<&mut Deque> {
    match native::state::<Deque>(o) {
        Some(d) => Ok(d),
        None => bail!(SystemError, "deque was cleared"),
    }
}

fn mutated() -> krait_runtime::PyErr {
    krait_runtime::raise!(RuntimeError, "deque mutated during iteration")
}

fn deque_new(t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    native::alloc(t, Deque { items: VecDeque::new(), maxlen: None, state: 0 })
}
krait_runtime::new_slot!(deque_new_slot => deque_new);

fn maxlen_arg(m: &Obj) -> PyResult<Option<usize>> {
    if none::is_none(m) {
        return Ok(None);
    }
    if !int::is_int(m) {
        bail!(TypeError, "an integer is required");
    }
    let v = int::as_isize_or_overflow(m)?;
    if v < 0 {
        bail!(ValueError, "maxlen must be non-negative");
    }
    Ok(Some(v as usize))
}

fn deque_init(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let a = crate::itertools::parse_pub("deque", args, kw, &["iterable", "maxlen"], 0)?;
    let maxlen = match &a[1] {
        Some(m) => maxlen_arg(m)?,
        None => None,
    };
    let d = dq(o)?;
    d.maxlen = maxlen;
    if !d.items.is_empty() {
        d.state += 1;
        let old = std::mem::take(&mut d.items);
        drop(old);
    }
    if let Some(it) = &a[0] {
        extend(o, it, false)?;
    }
    Ok(())
}
krait_runtime::init_slot!(deque_init_slot => deque_init);

fn push_back(o: &Obj, v: Obj) -> PyResult<()> {
    let d = dq(o)?;
    d.state += 1;
    if d.maxlen == Some(0) {
        return Ok(());
    }
    d.items.push_back(v);
    let excess = d.maxlen.map(|m| d.items.len() > m).unwrap_or(false);
    let dropped = if excess { d.items.pop_front() } else { None };
    drop(dropped);
    Ok(())
}

fn push_front(o: &Obj, v: Obj) -> PyResult<()> {
    let d = dq(o)?;
    d.state += 1;
    if d.maxlen == Some(0) {
        return Ok(());
    }
    d.items.push_front(v);
    let excess = d.maxlen.map(|m| d.items.len() > m).unwrap_or(false);
    let dropped = if excess { d.items.pop_back() } else { None };
    drop(dropped);
    Ok(())
}

fn extend(o: &Obj, iterable: &Obj, left: bool) -> PyResult<()> {
    // Extending by itself iterates over a snapshot.
    let src = if iterable.is(o) { list::from_vec(dq(o)?.items.iter().cloned().collect()) } else { iterable.clone() };
    let it = ops::iter(&src)?;
    while let Some(v) = ops::next(&it)? {
        if left {
            push_front(o, v)?;
        } else {
            push_back(o, v)?;
        }
    }
    Ok(())
}

fn d_append(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.append", args, kw, 1, 1)?;
    push_back(o, args[0].clone())?;
    Ok(none::none())
}

fn d_appendleft(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.appendleft", args, kw, 1, 1)?;
    push_front(o, args[0].clone())?;
    Ok(none::none())
}

fn d_pop(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.pop", args, kw, 0, 0)?;
    let d = dq(o)?;
    match d.items.pop_back() {
        Some(v) => {
            d.state += 1;
            Ok(v)
        }
        None => bail!(IndexError, "pop from an empty deque"),
    }
}

fn d_popleft(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.popleft", args, kw, 0, 0)?;
    let d = dq(o)?;
    match d.items.pop_front() {
        Some(v) => {
            d.state += 1;
            Ok(v)
        }
        None => bail!(IndexError, "pop from an empty deque"),
    }
}

fn d_extend(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.extend", args, kw, 1, 1)?;
    extend(o, &args[0], false)?;
    Ok(none::none())
}

fn d_extendleft(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.extendleft", args, kw, 1, 1)?;
    extend(o, &args[0], true)?;
    Ok(none::none())
}

fn clear(o: &Obj) -> PyResult<()> {
    let d = dq(o)?;
    d.state += 1;
    let old = std::mem::take(&mut d.items);
    drop(old);
    Ok(())
}

fn d_clear(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.clear", args, kw, 0, 0)?;
    clear(o)?;
    Ok(none::none())
}

fn rotate(o: &Obj, n: isize) -> PyResult<()> {
    let d = dq(o)?;
    let len = d.items.len();
    d.state += 1;
    if len <= 1 {
        return Ok(());
    }
    let k = n.rem_euclid(len as isize) as usize;
    d.items.rotate_right(k);
    Ok(())
}

fn d_rotate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("deque.rotate", kw)?;
    if args.len() > 1 {
        bail!(TypeError, "deque.rotate expected at most 1 argument, got {}", args.len());
    }
    let n = match args.first() {
        Some(a) => int::index_isize(a)?,
        None => 1,
    };
    rotate(o, n)?;
    Ok(none::none())
}

fn d_reverse(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.reverse", args, kw, 0, 0)?;
    let d = dq(o)?;
    d.items.make_contiguous().reverse();
    Ok(none::none())
}

/// The element at `i`, checking the deque did not change under a comparison.
fn item_at(o: &Obj, i: usize, state: u64) -> PyResult<Option<Obj>> {
    let d = dq(o)?;
    if d.state != state {
        return Err(mutated());
    }
    Ok(d.items.get(i).cloned())
}

fn d_count(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.count", args, kw, 1, 1)?;
    let state = dq(o)?.state;
    let mut n = 0i64;
    let mut i = 0;
    while let Some(x) = item_at(o, i, state)? {
        if ops::rich_compare_bool(&x, &args[0], CompareOp::Eq)? {
            n += 1;
        }
        if dq(o)?.state != state {
            return Err(mutated());
        }
        i += 1;
    }
    Ok(int::from_i64(n))
}

fn contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    let state = dq(o)?.state;
    let mut i = 0;
    while let Some(x) = item_at(o, i, state)? {
        let eq = ops::rich_compare_bool(&x, v, CompareOp::Eq)?;
        if dq(o)?.state != state {
            return Err(mutated());
        }
        if eq {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}
krait_runtime::contains_slot!(deque_contains_slot => contains);

/// _PyEval_SliceIndexNotNone.
fn slice_index(o: &Obj) -> PyResult<isize> {
    if !ops::number::has_index(o) {
        bail!(TypeError, "slice indices must be integers or have an __index__ method");
    }
    let v = int::index(o)?;
    Ok(match int::as_i64(&v) {
        Some(x) => x as isize,
        None => {
            if int::sign(&v) < 0 {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    })
}

fn d_index(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.index", args, kw, 1, 3)?;
    let n = dq(o)?.items.len() as isize;
    let mut start = match args.get(1) {
        Some(s) => slice_index(s)?,
        None => 0,
    };
    let mut stop = match args.get(2) {
        Some(s) => slice_index(s)?,
        None => isize::MAX,
    };
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    let stop = stop.min(n);
    let state = dq(o)?.state;
    let mut i = start;
    while i < stop {
        let Some(x) = item_at(o, i as usize, state)? else { break };
        let eq = ops::rich_compare_bool(&x, &args[0], CompareOp::Eq)?;
        if dq(o)?.state != state {
            return Err(mutated());
        }
        if eq {
            return Ok(int::from_i64(i as i64));
        }
        i += 1;
    }
    bail!(ValueError, "{} is not in deque", ops::repr_string(&args[0])?)
}

fn d_insert(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if kw.map(tuple::len).unwrap_or(0) > 0 {
        krait_runtime::types::builtin_func::no_kwargs("insert", kw)?;
    }
    if args.len() != 2 {
        bail!(TypeError, "insert() takes exactly 2 arguments ({} given)", args.len());
    }
    let mut i = int::index_isize(&args[0])?;
    let d = dq(o)?;
    let n = d.items.len() as isize;
    if d.maxlen == Some(n as usize) {
        bail!(IndexError, "deque already at its maximum size");
    }
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    d.state += 1;
    d.items.insert(i, args[1].clone());
    Ok(none::none())
}

fn d_remove(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.remove", args, kw, 1, 1)?;
    let state = dq(o)?.state;
    let mut i = 0;
    loop {
        let d = dq(o)?;
        let Some(x) = d.items.get(i).cloned() else { break };
        let eq = ops::rich_compare_bool(&x, &args[0], CompareOp::Eq)?;
        if dq(o)?.state != state {
            bail!(IndexError, "deque mutated during iteration");
        }
        if eq {
            let d = dq(o)?;
            d.state += 1;
            let removed = d.items.remove(i);
            drop(removed);
            return Ok(none::none());
        }
        i += 1;
    }
    bail!(ValueError, "{} is not in deque", ops::repr_string(&args[0])?)
}

fn deque_len(o: &Obj) -> PyResult<usize> {
    Ok(dq(o)?.items.len())
}
krait_runtime::len_slot!(deque_len_slot => deque_len);

/// sq_item's index: the caller has already added the length to a
/// negative index, so anything still negative is out of range.
fn norm_index(o: &Obj, i: isize) -> PyResult<usize> {
    let n = dq(o)?.items.len() as isize;
    let j = i;
    if j < 0 || j >= n {
        bail!(IndexError, "deque index out of range");
    }
    Ok(j as usize)
}

fn deque_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let j = norm_index(o, i)?;
    Ok(dq(o)?.items[j].clone())
}
krait_runtime::sq_item_slot!(deque_item_slot => deque_item);

unsafe extern "C" fn deque_ass_item_slot(a: *mut PyObject, i: isize, v: *mut PyObject) -> c_int {
    let o = Obj::borrow_slot(&a);
    let r = (|| -> PyResult<()> {
        let j = norm_index(o, i)?;
        let d = dq(o)?;
        if v.is_null() {
            d.state += 1;
            let removed = d.items.remove(j);
            drop(removed);
        } else {
            let old = std::mem::replace(&mut d.items[j], Obj::from_borrowed(v));
            drop(old);
        }
        Ok(())
    })();
    krait_runtime::types::slots::ret_status(r)
}

/// A new deque of the same type and maxlen with the same items
/// (subclasses are called as `type(d)(d, maxlen)`).
fn deque_copy(o: &Obj) -> PyResult<Obj> {
    let d = dq(o)?;
    let maxlen = d.maxlen;
    if o.type_ptr() == &raw mut DEQUE_TYPE {
        let items = d.items.clone();
        return native::alloc(&raw mut DEQUE_TYPE, Deque { items, maxlen, state: 0 });
    }
    let t = native::type_of(o);
    let r = match maxlen {
        None => ops::call::call(&t, &[o.clone()], None),
        Some(m) => ops::call::call(&t, &[o.clone(), int::from_usize(m)], None),
    }?;
    // The callers treat the result as a deque's state.
    if !is_deque(&r) {
        bail!(TypeError, "{}() must return a deque, not {}", o.ty().name(), r.ty().name());
    }
    Ok(r)
}

fn d_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.copy", args, kw, 0, 0)?;
    deque_copy(o)
}

fn d_copy_dunder(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.__copy__", args, kw, 0, 0)?;
    deque_copy(o)
}

fn deque_concat(o: &Obj, other: &Obj) -> PyResult<Obj> {
    if !is_deque(other) {
        bail!(TypeError, "can only concatenate deque (not \"{}\") to deque", other.ty().name());
    }
    let new = deque_copy(o)?;
    extend(&new, other, false)?;
    Ok(new)
}
krait_runtime::binary_slot!(deque_concat_slot => deque_concat);

fn deque_inplace_concat(o: &Obj, other: &Obj) -> PyResult<Obj> {
    extend(o, other, false)?;
    Ok(o.clone())
}
krait_runtime::binary_slot!(deque_inplace_concat_slot => deque_inplace_concat);

fn inplace_repeat(o: &Obj, n: isize) -> PyResult<Obj> {
    let d = dq(o)?;
    if n <= 0 || d.items.is_empty() {
        if !d.items.is_empty() {
            clear(o)?;
        }
        return Ok(o.clone());
    }
    if n == 1 {
        return Ok(o.clone());
    }
    let base: Vec<Obj> = d.items.iter().cloned().collect();
    let blen = base.len();
    let total = (blen as u128) * (n as u128);
    let keep = match d.maxlen {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / 8 {
        return Err(krait_runtime::errors::raise_empty(krait_runtime::types::exceptions::MemoryError()));
    }
    // The last `keep` items of the repetition (a bounded deque drops the
    // rest from the left).
    let first = total - keep;
    let items: VecDeque<Obj> = (first..total).map(|k| base[(k % blen as u128) as usize].clone()).collect();
    d.state += 1;
    let old = std::mem::replace(&mut d.items, items);
    drop(old);
    Ok(o.clone())
}

unsafe extern "C" fn deque_repeat_slot(a: *mut PyObject, n: isize) -> *mut PyObject {
    let o = Obj::borrow_slot(&a);
    krait_runtime::types::slots::ret(deque_copy(o).and_then(|c| inplace_repeat(&c, n)))
}

unsafe extern "C" fn deque_inplace_repeat_slot(a: *mut PyObject, n: isize) -> *mut PyObject {
    let o = Obj::borrow_slot(&a);
    krait_runtime::types::slots::ret(inplace_repeat(o, n))
}

fn deque_repr(o: &Obj) -> PyResult<Obj> {
    if ops::repr_enter(o) {
        return Ok(pystr::new("[...]"));
    }
    let r = (|| -> PyResult<String> {
        let d = dq(o)?;
        let maxlen = d.maxlen;
        let l = list::from_vec(d.items.iter().cloned().collect());
        let lr = ops::repr_string(&l)?;
        let name = native::type_name(o);
        Ok(match maxlen {
            Some(m) => format!("{}({}, maxlen={})", name, lr, m),
            None => format!("{}({})", name, lr),
        })
    })();
    ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
krait_runtime::unary_slot!(deque_repr_slot => deque_repr);

fn deque_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_deque(a) || !is_deque(b) {
        return Ok(none::not_implemented());
    }
    let x: Vec<Obj> = dq(a)?.items.iter().cloned().collect();
    let y: Vec<Obj> = dq(b)?.items.iter().cloned().collect();
    tuple::seq_richcompare(&x, &y, op)
}
krait_runtime::richcmp_slot!(deque_richcompare_slot => deque_richcompare);

fn d_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.__reduce__", args, kw, 0, 0)?;
    let maxlen = dq(o)?.maxlen;
    // As CPython's deque_reduce: the instance's __getstate__() (its
    // __dict__ and __slots__ values).
    let state = ops::attr::call_method(o, "__getstate__", &[])?;
    let args = match maxlen {
        Some(m) => tuple::new(&[tuple::new(&[]), int::from_usize(m)]),
        None => tuple::new(&[]),
    };
    let it = ops::iter(o)?;
    Ok(tuple::new(&[native::type_of(o), args, state, it]))
}

fn d_reversed(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.__reversed__", args, kw, 0, 0)?;
    new_iter(&raw mut DEQUE_REVITER_TYPE, o)
}

fn d_class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("deque.__class_getitem__", args, kw, 1, 1)?;
    krait_runtime::types::generic_alias::new(cls, &args[0])
}

fn get_maxlen(o: &Obj) -> PyResult<Obj> {
    Ok(match dq(o)?.maxlen {
        Some(m) => int::from_usize(m),
        None => none::none(),
    })
}

// ---------------------------------------------------------------------------
// deque iterators

struct DequeIter {
    deque: Obj,
    /// Position from the left (forward) or from the right (reverse).
    index: usize,
    counter: usize,
    state: u64,
}

impl State for DequeIter {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.deque);
    }
}

fn new_iter(t: *mut PyTypeObject, d: &Obj) -> PyResult<Obj> {
    let dd = dq(d)?;
    let (counter, state) = (dd.items.len(), dd.state);
    native::alloc(t, DequeIter { deque: d.clone(), index: 0, counter, state })
}

fn deque_iter(o: &Obj) -> PyResult<Obj> {
    new_iter(&raw mut DEQUE_ITER_TYPE, o)
}
krait_runtime::unary_slot!(deque_iter_slot => deque_iter);

fn iter_next(o: &Obj, reverse: bool) -> PyResult<Option<Obj>> {
    let Some(it) = native::state::<DequeIter>(o) else { return Ok(None) };
    let deque = it.deque.clone();
    let d = dq(&deque)?;
    if d.state != it.state {
        it.counter = 0;
        return Err(mutated());
    }
    if it.counter == 0 {
        return Ok(None);
    }
    let n = d.items.len();
    let pos = if reverse { n - 1 - it.index } else { it.index };
    let v = d.items[pos].clone();
    it.index += 1;
    it.counter -= 1;
    Ok(Some(v))
}

fn fwd_next(o: &Obj) -> PyResult<Option<Obj>> {
    iter_next(o, false)
}
fn rev_next(o: &Obj) -> PyResult<Option<Obj>> {
    iter_next(o, true)
}
crate::iternext!(fwd_next_slot => fwd_next);
crate::iternext!(rev_next_slot => rev_next);

fn iter_length_hint(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__length_hint__", args, kw, 0, 0)?;
    Ok(int::from_usize(native::state::<DequeIter>(o).map(|i| i.counter).unwrap_or(0)))
}

fn iter_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kw, 0, 0)?;
    let Some(it) = native::state::<DequeIter>(o) else { bail!(SystemError, "iterator was cleared") };
    let (deque, counter) = (it.deque.clone(), it.counter);
    let n = dq(&deque)?.items.len();
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[deque, int::from_usize(n.saturating_sub(counter))])]))
}

fn iter_new_common(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>, reverse: bool) -> PyResult<Obj> {
    let _ = kw;
    let a = tuple::items(args);
    if a.is_empty() || a.len() > 2 {
        if a.is_empty() {
            bail!(TypeError, "function takes at least 1 argument (0 given)");
        }
        bail!(TypeError, "function takes at most 2 arguments ({} given)", a.len());
    }
    if !is_deque(&a[0]) {
        bail!(TypeError, "argument 1 must be collections.deque, not {}", a[0].ty().name());
    }
    let index = match a.get(1) {
        Some(i) => int::index_isize(i)?,
        None => 0,
    };
    let it = new_iter(t, &a[0])?;
    for _ in 0..index.max(0) {
        let r = if reverse { rev_next(&it)? } else { fwd_next(&it)? };
        if r.is_none() {
            break;
        }
    }
    Ok(it)
}

fn fwd_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    iter_new_common(t, args, kw, false)
}
fn rev_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    iter_new_common(t, args, kw, true)
}
krait_runtime::new_slot!(fwd_new_slot => fwd_new);
krait_runtime::new_slot!(rev_new_slot => rev_new);

// ---------------------------------------------------------------------------
// defaultdict

#[repr(C)]
struct DefDictObject {
    dict: krait_runtime::types::dict::PyDictObject,
    default_factory: *mut PyObject,
}

fn factory(o: &Obj) -> Option<Obj> {
    unsafe { krait_runtime::object::opt_from_borrowed((*(o.as_ptr() as *mut DefDictObject)).default_factory) }
}

fn set_factory(o: &Obj, f: Option<Obj>) {
    unsafe {
        let p = o.as_ptr() as *mut DefDictObject;
        let old = std::mem::replace(&mut (*p).default_factory, krait_runtime::object::opt_into_raw(f));
        krait_runtime::object::xdecref(old);
    }
}

unsafe extern "C" fn defdict_dealloc(p: *mut PyObject) {
    let d = p as *mut DefDictObject;
    krait_runtime::object::xdecref(std::mem::replace(&mut (*d).default_factory, std::ptr::null_mut()));
    if let Some(f) = (*krait_runtime::types::dict::type_ptr()).tp_dealloc {
        f(p);
    }
}

unsafe extern "C" fn defdict_traverse(
    p: *mut PyObject,
    visit: krait_runtime::object::VisitProc,
    arg: *mut std::os::raw::c_void,
) -> c_int {
    let f = (*(p as *mut DefDictObject)).default_factory;
    if !f.is_null() {
        let r = visit(f, arg);
        if r != 0 {
            return r;
        }
    }
    match (*krait_runtime::types::dict::type_ptr()).tp_traverse {
        Some(t) => t(p, visit, arg),
        None => 0,
    }
}

unsafe extern "C" fn defdict_clear(p: *mut PyObject) -> c_int {
    krait_runtime::object::xdecref(std::mem::replace(&mut (*(p as *mut DefDictObject)).default_factory, std::ptr::null_mut()));
    match (*krait_runtime::types::dict::type_ptr()).tp_clear {
        Some(c) => c(p),
        None => 0,
    }
}

fn defdict_init(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let a = tuple::items(args);
    let mut rest = a;
    let mut newdefault = None;
    if let Some(f) = a.first() {
        if !none::is_none(f) && !krait_runtime::builtins::is_callable(f) {
            bail!(TypeError, "first argument must be callable or None");
        }
        newdefault = Some(f.clone());
        rest = &a[1..];
    }
    set_factory(o, newdefault);
    let newargs = tuple::new(rest);
    unsafe {
        let init = (*krait_runtime::types::dict::type_ptr()).tp_init.expect("dict has tp_init");
        let k = kw.map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut());
        krait_runtime::types::slots::from_status(init(o.as_ptr(), newargs.as_ptr(), k))?;
    }
    Ok(())
}
krait_runtime::init_slot!(defdict_init_slot => defdict_init);

fn defdict_missing(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("defaultdict.__missing__", args, kw, 1, 1)?;
    let key = &args[0];
    let f = factory(o).filter(|f| !none::is_none(f));
    let Some(f) = f else {
        return Err(krait_runtime::errors::raise_with(krait_runtime::types::exceptions::KeyError(), &[key.clone()]));
    };
    let v = ops::call::call(&f, &[], None)?;
    ops::seq::setitem(o, key, Some(&v))?;
    Ok(v)
}

fn new_defdict(o: &Obj, arg: &Obj) -> PyResult<Obj> {
    let f = factory(o).unwrap_or_else(none::none);
    ops::call::call(&native::type_of(o), &[f, arg.clone()], None)
}

fn defdict_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("defaultdict.copy", args, kw, 0, 0)?;
    new_defdict(o, o)
}

fn defdict_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("defaultdict.__reduce__", args, kw, 0, 0)?;
    let a = match factory(o).filter(|f| !none::is_none(f)) {
        Some(f) => tuple::new(&[f]),
        None => tuple::new(&[]),
    };
    let items = ops::attr::call_method(o, "items", &[])?;
    let it = ops::iter(&items)?;
    Ok(tuple::new(&[native::type_of(o), a, none::none(), none::none(), it]))
}

fn defdict_repr(o: &Obj) -> PyResult<Obj> {
    let base = unsafe {
        let r = (*krait_runtime::types::dict::type_ptr()).tp_repr.expect("dict has tp_repr");
        krait_runtime::types::slots::from_ret(r(o.as_ptr()))?
    };
    let defrepr = match factory(o) {
        None => "None".to_string(),
        Some(f) => {
            if ops::repr_enter(&f) {
                "...".to_string()
            } else {
                let r = ops::repr_string(&f);
                ops::repr_leave(&f);
                r?
            }
        }
    };
    Ok(pystr::new(&format!("{}({}, {})", native::type_name(o), defrepr, pystr::to_string_lossy(&base))))
}
krait_runtime::unary_slot!(defdict_repr_slot => defdict_repr);

fn defdict_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (slf, other) = if type_::is_subtype(a.type_ptr(), &raw mut DEFDICT_TYPE) { (a, b) } else { (b, a) };
    if !dict::is_dict(other) {
        return Ok(none::not_implemented());
    }
    let new = new_defdict(slf, a)?;
    dict::merge(&new, b, true)?;
    Ok(new)
}
krait_runtime::binary_slot!(defdict_or_slot => defdict_or);

fn get_factory(o: &Obj) -> PyResult<Obj> {
    Ok(factory(o).unwrap_or_else(none::none))
}

fn set_factory_attr(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    set_factory(o, v.cloned());
    Ok(())
}

// ---------------------------------------------------------------------------
// _count_elements(mapping, iterable)

fn f_count_elements(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_count_elements", args, kw, 2, 2)?;
    let (mapping, iterable) = (&args[0], &args[1]);
    let it = ops::iter(iterable)?;
    let one = int::from_i64(1);
    let zero = int::from_i64(0);
    if dict::is_exact_dict(mapping) {
        while let Some(k) = ops::next(&it)? {
            let new = match dict::get_item(mapping, &k)? {
                Some(old) => ops::number::binary_op(&old, &one, krait_bytecode::BinaryOp::Add)?,
                None => one.clone(),
            };
            dict::set_item(mapping, &k, &new)?;
        }
        return Ok(none::none());
    }
    let get = ops::attr::getattr_str(mapping, "get")?;
    while let Some(k) = ops::next(&it)? {
        let old = ops::call::call(&get, &[k.clone(), zero.clone()], None)?;
        let new = ops::number::binary_op(&old, &one, krait_bytecode::BinaryOp::Add)?;
        ops::seq::setitem(mapping, &k, Some(&new))?;
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// _tuplegetter(index, doc)

struct TupleGetter {
    index: isize,
    doc: Obj,
}

impl State for TupleGetter {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.doc);
    }
}

fn tg_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::itertools::positional_pub("_tuplegetter", t, &raw mut TUPLEGETTER_TYPE, args, kw, 2, 2)?;
    let index = int::index_isize(&a[0])?;
    native::alloc(t, TupleGetter { index, doc: a[1].clone() })
}
krait_runtime::new_slot!(tg_new_slot => tg_new);

fn tg(o: &Obj) -> PyResult<&mut TupleGetter> {
    match native::state::<TupleGetter>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "_tuplegetter was cleared"),
    }
}

fn tg_get(o: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    let index = tg(o)?.index;
    let Some(obj) = obj.filter(|x| !none::is_none(x)) else { return Ok(o.clone()) };
    if !tuple::is_tuple(obj) {
        bail!(
            TypeError,
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            index,
            obj.ty().name()
        );
    }
    let items = tuple::items(obj);
    if index < 0 || index as usize >= items.len() {
        bail!(IndexError, "tuple index out of range");
    }
    Ok(items[index as usize].clone())
}
krait_runtime::descr_get_slot!(tg_get_slot => tg_get);

fn tg_set(_o: &Obj, _obj: &Obj, v: Option<&Obj>) -> PyResult<()> {
    if v.is_some() {
        bail!(AttributeError, "can't set attribute");
    }
    bail!(AttributeError, "can't delete attribute")
}
krait_runtime::setter_slot!(tg_set_slot => tg_set);

fn tg_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_tuplegetter.__reduce__", args, kw, 0, 0)?;
    let s = tg(o)?;
    Ok(tuple::new(&[native::type_of(o), tuple::new(&[int::from_i64(s.index as i64), s.doc.clone()])]))
}

/// `_tuplegetter(index, doc)`, as CPython's repr.
fn tg_repr(o: &Obj) -> PyResult<Obj> {
    let (index, doc) = {
        let s = tg(o)?;
        (s.index, s.doc.clone())
    };
    let d = ops::repr(&doc)?;
    Ok(pystr::new(&format!("{}({}, {})", o.ty().name(), index, pystr::to_string_lossy(&d))))
}
krait_runtime::unary_slot!(tg_repr_slot => tg_repr);

fn tg_get_doc(o: &Obj) -> PyResult<Obj> {
    Ok(tg(o)?.doc.clone())
}

fn tg_set_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    tg(o)?.doc = v.cloned().unwrap_or_else(none::none);
    Ok(())
}

// ---------------------------------------------------------------------------

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut DEQUE_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Deque>(t, "collections.deque", true);
        (*t).tp_weaklistoffset = native::weaklist_offset::<Deque>();
        (*t).tp_flags |= tpflags::SEQUENCE;
        let sq = &raw mut DEQUE_SEQ;
        (*sq).sq_length = Some(deque_len_slot);
        (*sq).sq_concat = Some(deque_concat_slot);
        (*sq).sq_repeat = Some(deque_repeat_slot);
        (*sq).sq_item = Some(deque_item_slot);
        (*sq).sq_ass_item = Some(deque_ass_item_slot);
        (*sq).sq_contains = Some(deque_contains_slot);
        (*sq).sq_inplace_concat = Some(deque_inplace_concat_slot);
        (*sq).sq_inplace_repeat = Some(deque_inplace_repeat_slot);
        (*t).tp_as_sequence = sq;
        (*t).tp_new = Some(deque_new_slot);
        (*t).tp_init = Some(deque_init_slot);
        (*t).tp_repr = Some(deque_repr_slot);
        (*t).tp_richcompare = Some(deque_richcompare_slot);
        (*t).tp_iter = Some(deque_iter_slot);
        (*t).tp_hash = Some(krait_runtime::ops::object_hash_not_implemented);
        (*t).tp_methods = method_table(&[
            method("append", d_append),
            method("appendleft", d_appendleft),
            method("clear", d_clear),
            method("__copy__", d_copy_dunder),
            method("copy", d_copy),
            method("count", d_count),
            method("extend", d_extend),
            method("extendleft", d_extendleft),
            method("index", d_index),
            method("insert", d_insert),
            method("pop", d_pop),
            method("popleft", d_popleft),
            method("__reduce__", d_reduce),
            method("remove", d_remove),
            method("__reversed__", d_reversed),
            method("reverse", d_reverse),
            method("rotate", d_rotate),
            classmethod("__class_getitem__", d_class_getitem),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("maxlen", get_maxlen)]);
        native::ready(t)?;

        for (t, name, new, next) in [
            (&raw mut DEQUE_ITER_TYPE, "_collections._deque_iterator", fwd_new_slot as krait_runtime::object::NewFunc, fwd_next_slot as krait_runtime::object::IterNextFunc),
            (&raw mut DEQUE_REVITER_TYPE, "_collections._deque_reverse_iterator", rev_new_slot, rev_next_slot),
        ] {
            native::init_type::<DequeIter>(t, name, false);
            (*t).tp_new = Some(new);
            (*t).tp_iter = Some(krait_runtime::types::iter::self_iter);
            (*t).tp_iternext = Some(next);
            (*t).tp_methods = method_table(&[method("__length_hint__", iter_length_hint), method("__reduce__", iter_reduce)]);
            native::ready(t)?;
        }

        let t = &raw mut DEFDICT_TYPE;
        type_::init_static(t, "collections.defaultdict", std::mem::size_of::<DefDictObject>(), 0);
        (*t).tp_base = krait_runtime::types::dict::type_ptr();
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
        (*t).tp_dealloc = Some(defdict_dealloc);
        (*t).tp_traverse = Some(defdict_traverse);
        (*t).tp_clear = Some(defdict_clear);
        (*t).tp_init = Some(defdict_init_slot);
        (*t).tp_repr = Some(defdict_repr_slot);
        (*t).tp_alloc = Some(type_::generic_alloc);
        let nb = &raw mut DEFDICT_NUM;
        (*nb).nb_or = Some(defdict_or_slot);
        (*t).tp_as_number = nb;
        (*t).tp_methods = method_table(&[
            method("__missing__", defdict_missing),
            method("copy", defdict_copy),
            method("__copy__", defdict_copy),
            method("__reduce__", defdict_reduce),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get_set("default_factory", get_factory, set_factory_attr)]);
        native::ready(t)?;

        let t = &raw mut TUPLEGETTER_TYPE;
        native::init_type::<TupleGetter>(t, "_collections._tuplegetter", false);
        (*t).tp_new = Some(tg_new_slot);
        (*t).tp_descr_get = Some(tg_get_slot);
        (*t).tp_descr_set = Some(tg_set_slot);
        (*t).tp_repr = Some(tg_repr_slot);
        (*t).tp_methods = method_table(&[method("__reduce__", tg_reduce)]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get_set("__doc__", tg_get_doc, tg_set_doc)]);
        native::ready(t)?;
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![method("_count_elements", f_count_elements)]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_collections")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    for (name, t) in [
        ("deque", &raw mut DEQUE_TYPE),
        ("defaultdict", &raw mut DEFDICT_TYPE),
        ("_deque_iterator", &raw mut DEQUE_ITER_TYPE),
        ("_deque_reverse_iterator", &raw mut DEQUE_REVITER_TYPE),
        ("_tuplegetter", &raw mut TUPLEGETTER_TYPE),
    ] {
        dict::set_item_str(&d, name, &type_::type_obj(t))?;
    }
    Ok(m)
}
