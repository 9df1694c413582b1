//! product, permutations, combinations, combinations_with_replacement:
//! index vectors over a tuple pool, advanced as CPython's are so that the
//! __reduce__/__setstate__ states match.

use super::{int, iter_type, parse, ssize};
use crate::native::{self, push, push_opt, State};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{check_nargs, method};
use krait_runtime::types::{dict, none, tuple};
use krait_runtime::{bail, PyResult};

static mut PRODUCT_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut PERMUTATIONS_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut COMBINATIONS_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut CWR_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn pool_of(o: &Obj) -> PyResult<Obj> {
    if tuple::is_exact_tuple(o) {
        Ok(o.clone())
    } else {
        ops::seq::to_tuple(o)
    }
}

fn ints(v: &[usize]) -> Obj {
    tuple::from_vec(v.iter().map(|&i| int(i as isize)).collect())
}

/// Each state index as an isize (PyLong_AsSsize_t on the items).
fn state_indices(st: &Obj, n: usize) -> PyResult<Vec<isize>> {
    if !tuple::is_tuple(st) || tuple::len(st) != n {
        bail!(ValueError, "invalid arguments");
    }
    let mut v = Vec::with_capacity(n);
    for x in tuple::items(st) {
        if !krait_runtime::types::int::is_int(x) {
            bail!(TypeError, "an integer is required");
        }
        v.push(krait_runtime::types::int::as_isize_or_overflow(x)?);
    }
    Ok(v)
}

// ---------------------------------------------------------------------------
// product(*iterables, repeat=1)

struct Product {
    pools: Obj,
    indices: Vec<usize>,
    result: Option<Vec<Obj>>,
    /// The last result tuple, reused while nobody else holds it.
    out: Option<Obj>,
    stopped: bool,
}

impl State for Product {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.pools);
        push_opt(out, &self.out);
        if let Some(r) = &self.result {
            for x in r {
                push(out, x);
            }
        }
    }
}

fn product_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let mut repeat: isize = 1;
    if let Some(k) = kw {
        if dict::len(k) > 1 {
            bail!(TypeError, "product() takes at most 1 keyword argument ({} given)", dict::len(k));
        }
        if dict::len(k) > 0 {
            for (key, v) in dict::items_vec(k) {
                if !krait_runtime::types::str::eq_str(&key, "repeat") {
                    bail!(
                        TypeError,
                        "'{}' is an invalid keyword argument for product()",
                        krait_runtime::types::str::to_string_lossy(&key)
                    );
                }
                repeat = ssize(&v)?;
            }
            if repeat < 0 {
                bail!(ValueError, "repeat argument cannot be negative");
            }
        }
    }
    let a = tuple::items(args);
    if repeat > 0 && a.len() > isize::MAX as usize / 8 / repeat as usize {
        bail!(OverflowError, "repeat argument too large");
    }
    let mut base = Vec::with_capacity(a.len());
    for x in a {
        base.push(pool_of(x)?);
    }
    let mut pools = Vec::with_capacity(base.len() * repeat as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    native::alloc(t, Product { pools: tuple::from_vec(pools), indices: vec![0; n], result: None, out: None, stopped: false })
}
krait_runtime::new_slot!(product_new_slot => product_new);

fn product_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Product>(o) else { return Ok(None) };
    if s.stopped {
        return Ok(None);
    }
    let pools = s.pools.clone();
    let pools = tuple::items(&pools);
    match &mut s.result {
        None => {
            let mut r = Vec::with_capacity(pools.len());
            for p in pools {
                if tuple::len(p) == 0 {
                    s.stopped = true;
                    return Ok(None);
                }
                r.push(tuple::items(p)[0].clone());
            }
            s.result = Some(r);
        }
        Some(r) => {
            let mut i = pools.len() as isize - 1;
            while i >= 0 {
                let iu = i as usize;
                let p = tuple::items(&pools[iu]);
                s.indices[iu] += 1;
                if s.indices[iu] == p.len() {
                    s.indices[iu] = 0;
                    r[iu] = p[0].clone();
                } else {
                    r[iu] = p[s.indices[iu]].clone();
                    break;
                }
                i -= 1;
            }
            if i < 0 {
                s.stopped = true;
                return Ok(None);
            }
        }
    }
    let items = s.result.as_ref().unwrap().clone();
    Ok(Some(tuple::reuse(&mut s.out, items)))
}
crate::iternext!(product_next_slot => product_next);

fn product_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("product.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Product>(o) else { bail!(SystemError, "cleared product") };
    let t = native::type_of(o);
    if s.stopped {
        return Ok(tuple::new(&[t, tuple::new(&[tuple::new(&[])])]));
    }
    if s.result.is_none() {
        return Ok(tuple::new(&[t, s.pools.clone()]));
    }
    Ok(tuple::new(&[t, s.pools.clone(), ints(&s.indices)]))
}

fn product_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("product.__setstate__", args, kw, 1, 1)?;
    let Some(s) = native::state::<Product>(o) else { bail!(SystemError, "cleared product") };
    let pools = s.pools.clone();
    let pools = tuple::items(&pools);
    let idx = state_indices(&args[0], pools.len())?;
    let Some(s) = native::state::<Product>(o) else { bail!(SystemError, "cleared product") };
    let mut indices = Vec::with_capacity(pools.len());
    for (i, p) in pools.iter().enumerate() {
        let n = tuple::len(p) as isize;
        if n == 0 {
            s.stopped = true;
            return Ok(none::none());
        }
        indices.push(idx[i].clamp(0, n - 1) as usize);
    }
    let r = pools.iter().zip(&indices).map(|(p, &i)| tuple::items(p)[i].clone()).collect();
    s.indices = indices;
    s.result = Some(r);
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// combinations / combinations_with_replacement(iterable, r)

struct Comb {
    pool: Obj,
    r: usize,
    indices: Vec<usize>,
    result: Option<Vec<Obj>>,
    /// The last result tuple, reused while nobody else holds it.
    out: Option<Obj>,
    stopped: bool,
}

impl State for Comb {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.pool);
        push_opt(out, &self.out);
        if let Some(r) = &self.result {
            for x in r {
                push(out, x);
            }
        }
    }
}

fn comb_args(name: &str, args: &Obj, kw: Option<&Obj>) -> PyResult<(Obj, usize)> {
    let a = parse(name, args, kw, &["iterable", "r"], 2)?;
    let pool = pool_of(a[0].as_ref().unwrap())?;
    let r = ssize(a[1].as_ref().unwrap())?;
    if r < 0 {
        bail!(ValueError, "r must be non-negative");
    }
    Ok((pool, r as usize))
}

fn combinations_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (pool, r) = comb_args("combinations", args, kw)?;
    let n = tuple::len(&pool);
    native::alloc(t, Comb { pool, r, indices: (0..r).collect(), result: None, out: None, stopped: r > n })
}
krait_runtime::new_slot!(combinations_new_slot => combinations_new);

fn cwr_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (pool, r) = comb_args("combinations_with_replacement", args, kw)?;
    let n = tuple::len(&pool);
    native::alloc(t, Comb { pool, r, indices: vec![0; r], result: None, out: None, stopped: n == 0 && r > 0 })
}
krait_runtime::new_slot!(cwr_new_slot => cwr_new);

fn combinations_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Comb>(o) else { return Ok(None) };
    if s.stopped {
        return Ok(None);
    }
    let pool = s.pool.clone();
    let p = tuple::items(&pool);
    let (n, r) = (p.len(), s.r);
    match &mut s.result {
        None => {
            s.result = Some(s.indices.iter().map(|&i| p[i].clone()).collect());
        }
        Some(res) => {
            let mut i = r as isize - 1;
            while i >= 0 && s.indices[i as usize] == i as usize + n - r {
                i -= 1;
            }
            if i < 0 {
                s.stopped = true;
                return Ok(None);
            }
            let i = i as usize;
            s.indices[i] += 1;
            for j in i + 1..r {
                s.indices[j] = s.indices[j - 1] + 1;
            }
            for k in i..r {
                res[k] = p[s.indices[k]].clone();
            }
        }
    }
    let items = s.result.as_ref().unwrap().clone();
    Ok(Some(tuple::reuse(&mut s.out, items)))
}
crate::iternext!(combinations_next_slot => combinations_next);

fn cwr_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Comb>(o) else { return Ok(None) };
    if s.stopped {
        return Ok(None);
    }
    let pool = s.pool.clone();
    let p = tuple::items(&pool);
    let (n, r) = (p.len(), s.r);
    match &mut s.result {
        None => {
            s.result = Some(if r == 0 { Vec::new() } else { vec![p[0].clone(); r] });
        }
        Some(res) => {
            let mut i = r as isize - 1;
            while i >= 0 && s.indices[i as usize] == n - 1 {
                i -= 1;
            }
            if i < 0 {
                s.stopped = true;
                return Ok(None);
            }
            let i = i as usize;
            let index = s.indices[i] + 1;
            for k in i..r {
                s.indices[k] = index;
                res[k] = p[index].clone();
            }
        }
    }
    let items = s.result.as_ref().unwrap().clone();
    Ok(Some(tuple::reuse(&mut s.out, items)))
}
crate::iternext!(cwr_next_slot => cwr_next);

fn comb_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Comb>(o) else { bail!(SystemError, "cleared iterator") };
    let t = native::type_of(o);
    let r = int(s.r as isize);
    if s.result.is_none() {
        return Ok(tuple::new(&[t, tuple::new(&[s.pool.clone(), r])]));
    }
    if s.stopped {
        return Ok(tuple::new(&[t, tuple::new(&[tuple::new(&[]), r])]));
    }
    Ok(tuple::new(&[t, tuple::new(&[s.pool.clone(), r]), ints(&s.indices)]))
}

fn comb_setstate_with(o: &Obj, st: &Obj, replacement: bool) -> PyResult<Obj> {
    let Some(s) = native::state::<Comb>(o) else { bail!(SystemError, "cleared iterator") };
    let (pool, r) = (s.pool.clone(), s.r);
    let p = tuple::items(&pool);
    let n = p.len() as isize;
    let idx = state_indices(st, r)?;
    let mut indices = Vec::with_capacity(r);
    for (i, &x) in idx.iter().enumerate() {
        let max = if replacement { n - 1 } else { i as isize + n - r as isize };
        let mut v = x;
        if v > max {
            v = max;
        }
        if v < 0 {
            v = 0;
        }
        indices.push(v as usize);
    }
    let res: Vec<Obj> = indices.iter().map(|&i| p[i].clone()).collect();
    let Some(s) = native::state::<Comb>(o) else { bail!(SystemError, "cleared iterator") };
    s.indices = indices;
    s.result = Some(res);
    Ok(none::none())
}

fn combinations_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("combinations.__setstate__", args, kw, 1, 1)?;
    comb_setstate_with(o, &args[0], false)
}

fn cwr_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("combinations_with_replacement.__setstate__", args, kw, 1, 1)?;
    comb_setstate_with(o, &args[0], true)
}

// ---------------------------------------------------------------------------
// permutations(iterable, r=None)

struct Perm {
    pool: Obj,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    result: Option<Vec<Obj>>,
    /// The last result tuple, reused while nobody else holds it.
    out: Option<Obj>,
    stopped: bool,
}

impl State for Perm {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.pool);
        push_opt(out, &self.out);
        if let Some(r) = &self.result {
            for x in r {
                push(out, x);
            }
        }
    }
}

fn permutations_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse("permutations", args, kw, &["iterable", "r"], 1)?;
    let pool = pool_of(a[0].as_ref().unwrap())?;
    let n = tuple::len(&pool);
    let r = match &a[1] {
        Some(x) if !none::is_none(x) => {
            if !krait_runtime::types::int::is_int(x) {
                bail!(TypeError, "Expected int as r");
            }
            let r = krait_runtime::types::int::as_isize_or_overflow(x)?;
            if r < 0 {
                bail!(ValueError, "r must be non-negative");
            }
            r as usize
        }
        _ => n,
    };
    let cycles = if r <= n { (0..r).map(|i| n - i).collect() } else { Vec::new() };
    native::alloc(t, Perm { pool, r, indices: (0..n).collect(), cycles, result: None, out: None, stopped: r > n })
}
krait_runtime::new_slot!(permutations_new_slot => permutations_new);

fn permutations_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(s) = native::state::<Perm>(o) else { return Ok(None) };
    if s.stopped {
        return Ok(None);
    }
    let pool = s.pool.clone();
    let p = tuple::items(&pool);
    let (n, r) = (p.len(), s.r);
    match &mut s.result {
        None => {
            s.result = Some(s.indices[..r].iter().map(|&i| p[i].clone()).collect());
        }
        Some(res) => {
            if n == 0 {
                s.stopped = true;
                return Ok(None);
            }
            let mut i = r as isize - 1;
            while i >= 0 {
                let iu = i as usize;
                s.cycles[iu] -= 1;
                if s.cycles[iu] == 0 {
                    let index = s.indices[iu];
                    for j in iu..n - 1 {
                        s.indices[j] = s.indices[j + 1];
                    }
                    s.indices[n - 1] = index;
                    s.cycles[iu] = n - iu;
                } else {
                    let j = s.cycles[iu];
                    s.indices.swap(iu, n - j);
                    for k in iu..r {
                        res[k] = p[s.indices[k]].clone();
                    }
                    break;
                }
                i -= 1;
            }
            if i < 0 {
                s.stopped = true;
                return Ok(None);
            }
        }
    }
    let items = s.result.as_ref().unwrap().clone();
    Ok(Some(tuple::reuse(&mut s.out, items)))
}
crate::iternext!(permutations_next_slot => permutations_next);

fn permutations_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("permutations.__reduce__", args, kw, 0, 0)?;
    let Some(s) = native::state::<Perm>(o) else { bail!(SystemError, "cleared permutations") };
    let t = native::type_of(o);
    let r = int(s.r as isize);
    if s.result.is_none() {
        return Ok(tuple::new(&[t, tuple::new(&[s.pool.clone(), r])]));
    }
    if s.stopped {
        return Ok(tuple::new(&[t, tuple::new(&[tuple::new(&[]), r])]));
    }
    Ok(tuple::new(&[t, tuple::new(&[s.pool.clone(), r]), tuple::new(&[ints(&s.indices), ints(&s.cycles)])]))
}

fn permutations_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("permutations.__setstate__", args, kw, 1, 1)?;
    let st = &args[0];
    if !tuple::is_tuple(st) {
        bail!(TypeError, "state is not a tuple");
    }
    if tuple::len(st) != 2 {
        bail!(TypeError, "function takes exactly 2 arguments ({} given)", tuple::len(st));
    }
    let (ist, cst) = (&tuple::items(st)[0], &tuple::items(st)[1]);
    for (k, x) in [ist, cst].iter().enumerate() {
        if !tuple::is_tuple(x) {
            bail!(TypeError, "argument {} must be tuple, not {}", k + 1, x.ty().name());
        }
    }
    let Some(s) = native::state::<Perm>(o) else { bail!(SystemError, "cleared permutations") };
    let (pool, r) = (s.pool.clone(), s.r);
    let p = tuple::items(&pool);
    let n = p.len();
    if tuple::len(ist) != n || tuple::len(cst) != r {
        bail!(ValueError, "invalid arguments");
    }
    let iv = state_indices(ist, n)?;
    let cv = state_indices(cst, r)?;
    let indices: Vec<usize> = iv.iter().map(|&x| x.clamp(0, n as isize - 1).max(0) as usize).collect();
    let cycles: Vec<usize> = cv.iter().enumerate().map(|(i, &x)| x.clamp(1, (n - i) as isize) as usize).collect();
    let res: Vec<Obj> = indices[..r].iter().map(|&i| p[i].clone()).collect();
    let Some(s) = native::state::<Perm>(o) else { bail!(SystemError, "cleared permutations") };
    s.indices = indices;
    s.cycles = cycles;
    s.result = Some(res);
    Ok(none::none())
}

pub(super) unsafe fn init_types() -> PyResult<()> {
    let t = &raw mut PRODUCT_TYPE;
    iter_type::<Product>(
        t,
        "itertools.product",
        Some(product_new_slot),
        product_next_slot,
        &[method("__reduce__", product_reduce), method("__setstate__", product_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut PERMUTATIONS_TYPE;
    iter_type::<Perm>(
        t,
        "itertools.permutations",
        Some(permutations_new_slot),
        permutations_next_slot,
        &[method("__reduce__", permutations_reduce), method("__setstate__", permutations_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut COMBINATIONS_TYPE;
    iter_type::<Comb>(
        t,
        "itertools.combinations",
        Some(combinations_new_slot),
        combinations_next_slot,
        &[method("__reduce__", comb_reduce), method("__setstate__", combinations_setstate)],
        true,
    );
    native::ready(t)?;
    let t = &raw mut CWR_TYPE;
    iter_type::<Comb>(
        t,
        "itertools.combinations_with_replacement",
        Some(cwr_new_slot),
        cwr_next_slot,
        &[method("__reduce__", comb_reduce), method("__setstate__", cwr_setstate)],
        true,
    );
    native::ready(t)?;
    Ok(())
}

pub(super) fn types() -> Vec<(&'static str, *mut PyTypeObject)> {
    vec![
        ("product", &raw mut PRODUCT_TYPE),
        ("permutations", &raw mut PERMUTATIONS_TYPE),
        ("combinations", &raw mut COMBINATIONS_TYPE),
        ("combinations_with_replacement", &raw mut CWR_TYPE),
    ]
}
