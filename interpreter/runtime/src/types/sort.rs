//! list.sort: a stable merge sort (Rust's `sort_by`, a run-adaptive stable
//! merge sort in the Timsort family) with Python's comparison, key and
//! reverse semantics. A comparison that raises stops the sort and the list
//! keeps its original order, as CPython leaves it in some permutation.

use crate::errors::{PyErr, PyResult};
use crate::object::Obj;
use krait_bytecode::CompareOp;

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
    let mut error: Option<PyErr> = None;
    idx.sort_by(|&a, &b| {
        if error.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let lt = |x: &Obj, y: &Obj| -> PyResult<bool> { crate::ops::rich_compare_bool(x, y, CompareOp::Lt) };
        match lt(&keys[a], &keys[b]) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match lt(&keys[b], &keys[a]) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    error = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                error = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = error {
        return Err((items, e));
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}
