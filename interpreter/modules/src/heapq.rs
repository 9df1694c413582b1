//! The `_heapq` module: heap operations on lists, with CPython's order of
//! comparisons (only `<`) and its "list changed size during iteration"
//! checks after each comparison; the `_max` variants back heapq.merge and
//! nlargest.

use krait_bytecode::CompareOp;
use krait_runtime::object::Obj;
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{int, list, module, none};
use krait_runtime::{bail, PyResult};

/// `a < b` for the min-heap, `b < a` for the max-heap.
fn less(a: &Obj, b: &Obj, max: bool) -> PyResult<bool> {
    if max {
        ops::rich_compare_bool(b, a, CompareOp::Lt)
    } else {
        ops::rich_compare_bool(a, b, CompareOp::Lt)
    }
}

fn changed() -> krait_runtime::PyErr {
    krait_runtime::raise!(RuntimeError, "list changed size during iteration")
}

fn swap(heap: &Obj, i: usize, j: usize) {
    let a = list::get(heap, i);
    let b = list::get(heap, j);
    list::set(heap, i, b);
    list::set(heap, j, a);
}

/// Moves the item at `pos` up towards `start` while it is smaller than
/// its parent.
fn siftdown(heap: &Obj, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = list::len(heap);
    if pos >= size {
        bail!(IndexError, "index out of range");
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let newitem = list::get(heap, pos);
        let parent = list::get(heap, parentpos);
        let lt = less(&newitem, &parent, max)?;
        if size != list::len(heap) {
            return Err(changed());
        }
        if !lt {
            break;
        }
        swap(heap, parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up until a leaf, then sifts the item back down.
fn siftup(heap: &Obj, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = list::len(heap);
    let start = pos;
    if pos >= endpos {
        bail!(IndexError, "index out of range");
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < endpos {
            let a = list::get(heap, child);
            let b = list::get(heap, child + 1);
            let lt = less(&a, &b, max)?;
            if !lt {
                child += 1;
            }
            if endpos != list::len(heap) {
                return Err(changed());
            }
        }
        swap(heap, child, pos);
        pos = child;
    }
    siftdown(heap, start, pos, max)
}

fn list_arg1(fname: &str, o: &Obj) -> PyResult<()> {
    if !list::is_list(o) {
        bail!(TypeError, "{}() argument 1 must be list, not {}", fname, o.ty().name());
    }
    Ok(())
}

fn list_arg(fname: &str, o: &Obj) -> PyResult<()> {
    if !list::is_list(o) {
        bail!(TypeError, "{}() argument must be list, not {}", fname, o.ty().name());
    }
    Ok(())
}

/// Removes and returns the last item with list's own deletion.
fn pop_last(heap: &Obj) -> PyResult<Obj> {
    let n = list::len(heap);
    let last = list::get(heap, n - 1);
    unsafe {
        let mp = (*list::type_ptr()).tp_as_mapping;
        let f = (*mp).mp_ass_subscript.expect("list supports item deletion");
        let idx = int::from_usize(n - 1);
        krait_runtime::types::slots::from_status(f(heap.as_ptr(), idx.as_ptr(), std::ptr::null_mut()))?;
    }
    Ok(last)
}

fn h_heappush(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq.heappush", args, kw, 2, 2)?;
    list_arg1("heappush", &args[0])?;
    list::append(&args[0], args[1].clone());
    siftdown(&args[0], 0, list::len(&args[0]) - 1, false)?;
    Ok(none::none())
}

fn heappop_impl(heap: &Obj, max: bool) -> PyResult<Obj> {
    let n = list::len(heap);
    if n == 0 {
        bail!(IndexError, "index out of range");
    }
    let last = pop_last(heap)?;
    if n - 1 == 0 {
        return Ok(last);
    }
    let ret = list::get(heap, 0);
    list::set(heap, 0, last);
    siftup(heap, 0, max)?;
    Ok(ret)
}

fn h_heappop(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq.heappop", args, kw, 1, 1)?;
    list_arg("heappop", &args[0])?;
    heappop_impl(&args[0], false)
}

fn h_heappop_max(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq._heappop_max", args, kw, 1, 1)?;
    list_arg("_heappop_max", &args[0])?;
    heappop_impl(&args[0], true)
}

fn heapreplace_impl(heap: &Obj, item: &Obj, max: bool) -> PyResult<Obj> {
    if list::len(heap) == 0 {
        bail!(IndexError, "index out of range");
    }
    let ret = list::get(heap, 0);
    list::set(heap, 0, item.clone());
    siftup(heap, 0, max)?;
    Ok(ret)
}

fn h_heapreplace(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq.heapreplace", args, kw, 2, 2)?;
    list_arg1("heapreplace", &args[0])?;
    heapreplace_impl(&args[0], &args[1], false)
}

fn h_heapreplace_max(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq._heapreplace_max", args, kw, 2, 2)?;
    list_arg1("_heapreplace_max", &args[0])?;
    heapreplace_impl(&args[0], &args[1], true)
}

fn h_heappushpop(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq.heappushpop", args, kw, 2, 2)?;
    let (heap, item) = (&args[0], &args[1]);
    list_arg1("heappushpop", heap)?;
    if list::len(heap) == 0 {
        return Ok(item.clone());
    }
    let top = list::get(heap, 0);
    if !ops::rich_compare_bool(&top, item, CompareOp::Lt)? {
        return Ok(item.clone());
    }
    if list::len(heap) == 0 {
        bail!(IndexError, "index out of range");
    }
    let ret = list::get(heap, 0);
    list::set(heap, 0, item.clone());
    siftup(heap, 0, false)?;
    Ok(ret)
}

fn heapify_impl(heap: &Obj, max: bool) -> PyResult<Obj> {
    let n = list::len(heap);
    for i in (0..n / 2).rev() {
        siftup(heap, i, max)?;
    }
    Ok(none::none())
}

fn h_heapify(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq.heapify", args, kw, 1, 1)?;
    list_arg("heapify", &args[0])?;
    heapify_impl(&args[0], false)
}

fn h_heapify_max(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_heapq._heapify_max", args, kw, 1, 1)?;
    list_arg("_heapify_max", &args[0])?;
    heapify_impl(&args[0], true)
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("heappush", h_heappush),
        method("heappushpop", h_heappushpop),
        method("heappop", h_heappop),
        method("heapreplace", h_heapreplace),
        method("heapify", h_heapify),
        method("_heappop_max", h_heappop_max),
        method("_heapify_max", h_heapify_max),
        method("_heapreplace_max", h_heapreplace_max),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_heapq")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    Ok(m)
}
