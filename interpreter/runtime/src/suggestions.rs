//! The "Did you mean: 'x'?" trailer CPython 3.11 prints after the message
//! of an uncaught AttributeError or NameError (exactly those types, not
//! subclasses): the closest name among the object's `dir()` (AttributeError)
//! or among the failing frame's local variable names, then its globals, then
//! its builtins (NameError).
//!
//! Closeness is an edit distance over the names' UTF-8 bytes where inserting
//! or deleting a byte costs 2, replacing one costs 2, and replacing it by
//! the same ASCII letter in the other case costs 1. A candidate counts only
//! if at most about a third of the characters involved change; lists of 750
//! or more names, and names over 40 bytes (after their common prefix and
//! suffix are set aside), are not searched — CPython's limits.

use crate::object::Obj;
use crate::types::exceptions as exc;
use crate::types::{list, str as pystr, traceback};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The cost of turning byte `a` into byte `b`.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b`, or anything above `max_cost` once
/// it is certain to exceed it.
fn edit_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // `short` indexes the row kept; `long` is walked one byte per row.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (long.len() - short.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i]: the cost of turning long[..j] into short[..i + 1].
    let mut row: Vec<usize> = (1..=short.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &lc) in long.iter().enumerate() {
        // The row's left edge: CPython starts it at the cost of long[..j]
        // (not long[..j + 1]); kept so the same names win.
        let mut diagonal = j * MOVE_COST;
        result = diagonal;
        let mut row_min = usize::MAX;
        for (i, &sc) in short.iter().enumerate() {
            let above = row[i];
            let cell = (diagonal + substitution_cost(lc, sc)).min(above.min(result) + MOVE_COST);
            diagonal = above;
            row[i] = cell;
            result = cell;
            row_min = row_min.min(cell);
        }
        if row_min > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if one is close enough. None also when
/// a candidate is no str or cannot be encoded (CPython gives up then too).
fn closest(candidates: &[Obj], name: &Obj) -> Option<Obj> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let name_s = pystr::as_str(name)?;
    let mut best: Option<(Obj, usize)> = None;
    for item in candidates {
        if !pystr::is_str(item) {
            return None;
        }
        let item_s = pystr::as_str(item)?;
        if item_s == name_s {
            continue;
        }
        let mut max_distance = (name_s.len() + item_s.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = &best {
            max_distance = max_distance.min(d.saturating_sub(1));
            if *d == 0 {
                continue;
            }
        }
        let d = edit_distance(name_s.as_bytes(), item_s.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.as_ref().map_or(true, |(_, bd)| d < *bd) {
            best = Some((item.clone(), d));
        }
    }
    best.map(|(o, _)| o)
}

fn attribute_error_suggestion(e: &Obj) -> Option<Obj> {
    let name = exc::get_field(e, "name")?;
    let obj = exc::get_field(e, "obj")?;
    if !pystr::is_exact_str(&name) {
        return None;
    }
    let dir = crate::builtins::dir_of(&obj).ok()?;
    closest(&list::items(&dir).to_vec(), &name)
}

fn name_error_suggestion(e: &Obj) -> Option<Obj> {
    let name = exc::get_field(e, "name")?;
    if !pystr::is_exact_str(&name) {
        return None;
    }
    let mut tb = exc::get_traceback(e).filter(traceback::is_traceback)?;
    while let Some(next) = traceback::next_of(&tb).filter(traceback::is_traceback) {
        tb = next;
    }
    let frame = traceback::frame_of(&tb);
    let f = crate::eval::frame::frame_mut(&frame);
    let varnames = crate::ops::attr::getattr_str(f.code_obj(), "co_varnames").ok()?;
    let locals = crate::ops::seq::to_vec(&varnames).ok()?;
    if let Some(s) = closest(&locals, &name) {
        return Some(s);
    }
    for ns in [f.globals, f.builtins] {
        if ns.is_null() {
            continue;
        }
        let keys = crate::ops::seq::to_vec(unsafe { Obj::borrow_slot(&ns) }).ok()?;
        if let Some(s) = closest(&keys, &name) {
            return Some(s);
        }
    }
    None
}

/// The trailer for `e` (". Did you mean: 'x'?"), or None. Errors met on the
/// way are swallowed: printing the exception must go on.
pub fn offer(e: &Obj) -> Option<String> {
    let t = e.type_ptr();
    let found = if t == exc::AttributeError() {
        attribute_error_suggestion(e)
    } else if t == exc::NameError() {
        name_error_suggestion(e)
    } else {
        None
    };
    if crate::errors::occurred() {
        crate::errors::clear();
    }
    let s = found?;
    let r = crate::ops::repr_string(&s).ok();
    if r.is_none() {
        crate::errors::clear();
    }
    Some(format!(". Did you mean: {}?", r?))
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn distances() {
        assert_eq!(edit_distance(b"bluch", b"blech", 100), 2);
        assert_eq!(edit_distance(b"bluch", b"blch", 100), 2);
        assert_eq!(edit_distance(b"bluch", b"bluchin", 100), 4);
        assert_eq!(edit_distance(b"abc", b"ABC", 100), 3);
        assert_eq!(edit_distance(b"", b"abc", 100), 6);
        assert!(edit_distance(b"a", b"bbbbbbbb", 3) > 3);
    }
}
