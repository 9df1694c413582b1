//! The `_bisect` module: binary search over any sequence (items fetched
//! with sequence indexing, compared with `<` only), `key=` applied to the
//! elements, and insertion through list's own insert for exact lists or
//! the object's `insert` method otherwise.

use krait_bytecode::CompareOp;
use krait_runtime::object::Obj;
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, method, parse_args, MethodSpec};
use krait_runtime::types::{int, module, none, tuple};
use krait_runtime::{bail, PyResult};

struct Args {
    a: Obj,
    x: Obj,
    lo: isize,
    hi: isize,
    key: Option<Obj>,
}

fn parse(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Args> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    if args.len() > 5 {
        bail!(TypeError, "{}() takes at most 5 {}arguments ({} given)", fname, if npos == 0 { "keyword " } else { "" }, args.len());
    }
    if npos > 4 {
        bail!(TypeError, "{}() takes at most 4 positional arguments ({} given)", fname, npos);
    }
    let p = parse_args(fname, args, kw, &["a", "x", "lo", "hi", "key"], 2, 0)?;
    let lo = match &p[2] {
        Some(l) => ssize(l)?,
        None => 0,
    };
    if lo < 0 {
        bail!(ValueError, "lo must be non-negative");
    }
    let hi = match &p[3] {
        Some(h) if !none::is_none(h) => {
            // The optional-ssize converter reports overflow its own way.
            let v = int::index(h)?;
            match int::as_i64(&v) {
                Some(x) => x as isize,
                None => bail!(OverflowError, "cannot fit 'int' into an index-sized integer"),
            }
        }
        _ => -1,
    };
    let a = p[0].clone().unwrap();
    let hi = if hi == -1 { ops::len(&a)? as isize } else { hi };
    Ok(Args { a, x: p[1].clone().unwrap(), lo, hi, key: p[4].clone().filter(|k| !none::is_none(k)) })
}

fn ssize(o: &Obj) -> PyResult<isize> {
    if !ops::number::has_index(o) {
        bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name());
    }
    int::index_isize(o)
}

fn item(a: &Obj, i: isize, key: &Option<Obj>) -> PyResult<Obj> {
    let v = ops::seq::getitem(a, &int::from_i64(i as i64))?;
    match key {
        Some(k) => ops::call::call(k, &[v], None),
        None => Ok(v),
    }
}

/// First index whose item is not below `x` (left) or is above it (right).
fn search(a: &Obj, x: &Obj, mut lo: isize, mut hi: isize, key: &Option<Obj>, right: bool) -> PyResult<isize> {
    while lo < hi {
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let v = item(a, mid, key)?;
        let go_left = if right {
            ops::rich_compare_bool(x, &v, CompareOp::Lt)?
        } else {
            !ops::rich_compare_bool(&v, x, CompareOp::Lt)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(fname: &str, args: &[Obj], kw: Option<&Obj>, right: bool) -> PyResult<Obj> {
    let p = parse(fname, args, kw)?;
    Ok(int::from_i64(search(&p.a, &p.x, p.lo, p.hi, &p.key, right)? as i64))
}

fn insort(fname: &str, args: &[Obj], kw: Option<&Obj>, right: bool) -> PyResult<Obj> {
    let p = parse(fname, args, kw)?;
    let kx = match &p.key {
        Some(k) => ops::call::call(k, &[p.x.clone()], None)?,
        None => p.x.clone(),
    };
    let i = search(&p.a, &kx, p.lo, p.hi, &p.key, right)?;
    let idx = int::from_i64(i as i64);
    if krait_runtime::types::list::is_exact_list(&p.a) {
        let ins = ops::attr::getattr_str(&krait_runtime::types::type_::type_obj(krait_runtime::types::list::type_ptr()), "insert")?;
        ops::call::call(&ins, &[p.a.clone(), idx, p.x.clone()], None)?;
    } else {
        ops::attr::call_method(&p.a, "insert", &[idx, p.x.clone()])?;
    }
    Ok(none::none())
}

fn b_bisect_left(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bisect("bisect_left", args, kw, false)
}
fn b_bisect_right(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    bisect("bisect_right", args, kw, true)
}
fn b_insort_left(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    insort("insort_left", args, kw, false)
}
fn b_insort_right(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    insort("insort_right", args, kw, true)
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("bisect_right", b_bisect_right),
        method("insort_right", b_insort_right),
        method("bisect_left", b_bisect_left),
        method("insort_left", b_insort_left),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_bisect")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    Ok(m)
}
