//! list.sort: a stable merge sort with Python's comparison, key and reverse
//! semantics. Only `<` is asked, as CPython does. The algorithm is written
//! for comparisons that may be inconsistent (a user `__lt__` can say
//! anything): it always ends with a permutation of its input and never
//! relies on a total order, so unlike `slice::sort_by` it cannot panic.
//! A comparison that raises stops the sort and the list keeps its original
//! order (CPython leaves it in some permutation).

use crate::errors::{PyErr, PyResult};
use crate::object::Obj;
use krait_bytecode::CompareOp;

/// Runs shorter than this are built by binary insertion before merging.
const MIN_RUN: usize = 32;

/// Sorts `items`; on error returns the original items and the error.
pub fn sort(items: Vec<Obj>, key: Option<&Obj>, reverse: bool) -> Result<Vec<Obj>, (Vec<Obj>, PyErr)> {
    let keys: Vec<Obj> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                match crate::ops::call::call(k, &[x.clone()], None) {
                    Ok(v) => ks.push(v),
                    Err(e) => return Err((items, e)),
                }
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // Reverse keeps stability: reverse, stable-sort, reverse back.
    if reverse {
        idx.reverse();
    }
    let lt = |a: usize, b: usize| -> PyResult<bool> { crate::ops::rich_compare_bool(&keys[a], &keys[b], CompareOp::Lt) };
    let r = merge_sort(&mut idx, &lt);
    // The keys go before the caller looks for mutation: their __del__ may
    // change the list.
    drop(keys);
    if let Err(e) = r {
        return Err((items, e));
    }
    if reverse {
        idx.reverse();
    }
    let mut slots: Vec<Option<Obj>> = items.into_iter().map(Some).collect();
    Ok(idx.into_iter().map(|i| slots[i].take().expect("sort index used twice")).collect())
}

/// Stable sort of `v` by `lt`: binary-insertion runs, then bottom-up merges.
fn merge_sort(v: &mut [usize], lt: &dyn Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + MIN_RUN).min(n);
        insertion_sort(&mut v[start..end], lt)?;
        start = end;
    }
    let mut buf: Vec<usize> = Vec::with_capacity(n / 2 + 1);
    let mut width = MIN_RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (mid + width).min(n);
            merge(&mut v[lo..hi], mid - lo, &mut buf, lt)?;
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Inserts each item after every earlier item it is not less than (stable).
fn insertion_sort(v: &mut [usize], lt: &dyn Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    for i in 1..v.len() {
        let x = v[i];
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lt(x, v[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v.copy_within(lo..i, lo + 1);
        v[lo] = x;
    }
    Ok(())
}

/// Merges the sorted halves `v[..mid]` and `v[mid..]`; ties take the left.
/// On error `v` still holds each index once.
fn merge(v: &mut [usize], mid: usize, buf: &mut Vec<usize>, lt: &dyn Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    // Already in order: the common case of sorted input costs one compare.
    if !lt(v[mid], v[mid - 1])? {
        return Ok(());
    }
    buf.clear();
    buf.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buf.len() && j < v.len() {
        match lt(v[j], buf[i]) {
            Ok(true) => {
                v[k] = v[j];
                j += 1;
            }
            Ok(false) => {
                v[k] = buf[i];
                i += 1;
            }
            Err(e) => {
                // Put the unmerged left items back so nothing is lost.
                let rest = buf.len() - i;
                v.copy_within(j.., k + rest);
                v[k..k + rest].copy_from_slice(&buf[i..]);
                return Err(e);
            }
        }
        k += 1;
    }
    let rest = buf.len() - i;
    v[k..k + rest].copy_from_slice(&buf[i..]);
    Ok(())
}
