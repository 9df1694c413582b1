//! Substring search over str's PEP 393 buffers without copying them: the
//! needle is converted to the haystack's width (a needle with a wider
//! character cannot occur), 1-byte haystacks use memchr's memmem, wider
//! ones a first-character scan. Positions are code point indices.

use crate::object::Obj;
use crate::types::str::{self as pystr, view, View};

/// The needle at width T, or None when a character does not fit (then it
/// cannot occur in a haystack of that width).
fn needle_as<T: TryFrom<u32>>(n: &Obj) -> Option<Vec<T>> {
    pystr::chars(n).map(|c| T::try_from(c).ok()).collect()
}

fn find_slice<T: Copy + PartialEq>(h: &[T], n: &[T]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    let last = h.len() - n.len();
    let first = n[0];
    let mut i = 0;
    while i <= last {
        let p = h[i..=last].iter().position(|&c| c == first)?;
        i += p;
        if h[i..i + n.len()] == *n {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn rfind_slice<T: Copy + PartialEq>(h: &[T], n: &[T]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0];
    let mut i = h.len() - n.len() + 1;
    while i > 0 {
        let p = h[..i].iter().rposition(|&c| c == first)?;
        if h[p..p + n.len()] == *n {
            return Some(p);
        }
        i = p;
    }
    None
}

/// The first occurrence of `n` in `h[start..end]` (absolute index).
pub fn find(h: &Obj, n: &Obj, start: usize, end: usize) -> Option<usize> {
    if start > end || end > pystr::len(h) {
        return None;
    }
    let r = match view(h) {
        View::U8(s) => memchr::memmem::find(&s[start..end], &needle_as::<u8>(n)?),
        View::U16(s) => find_slice(&s[start..end], &needle_as::<u16>(n)?),
        View::U32(s) => find_slice(&s[start..end], &needle_as::<u32>(n)?),
    };
    r.map(|i| i + start)
}

/// The last occurrence of `n` in `h[start..end]` (absolute index).
pub fn rfind(h: &Obj, n: &Obj, start: usize, end: usize) -> Option<usize> {
    if start > end || end > pystr::len(h) {
        return None;
    }
    let r = match view(h) {
        View::U8(s) => memchr::memmem::rfind(&s[start..end], &needle_as::<u8>(n)?),
        View::U16(s) => rfind_slice(&s[start..end], &needle_as::<u16>(n)?),
        View::U32(s) => rfind_slice(&s[start..end], &needle_as::<u32>(n)?),
    };
    r.map(|i| i + start)
}

/// Start positions of up to `max` non-overlapping occurrences of a
/// non-empty `n` in `h[start..end]`, left to right.
pub fn find_all(h: &Obj, n: &Obj, start: usize, end: usize, max: usize) -> Vec<usize> {
    let m = pystr::len(n);
    let mut out = Vec::new();
    if m == 0 || start > end || end > pystr::len(h) {
        return out;
    }
    fn scan<T: Copy + PartialEq>(s: &[T], n: &[T], base: usize, max: usize, out: &mut Vec<usize>) {
        let mut i = 0;
        while out.len() < max {
            match find_slice(&s[i..], n) {
                Some(p) => {
                    out.push(base + i + p);
                    i += p + n.len();
                }
                None => break,
            }
        }
    }
    match view(h) {
        View::U8(s) => {
            if let Some(nb) = needle_as::<u8>(n) {
                for p in memchr::memmem::find_iter(&s[start..end], &nb).take(max) {
                    out.push(start + p);
                }
            }
        }
        View::U16(s) => {
            if let Some(nv) = needle_as::<u16>(n) {
                scan(&s[start..end], &nv, start, max, &mut out);
            }
        }
        View::U32(s) => {
            if let Some(nv) = needle_as::<u32>(n) {
                scan(&s[start..end], &nv, start, max, &mut out);
            }
        }
    }
    out
}

/// Up to `max` non-overlapping occurrences of a non-empty `n` in `h`,
/// found right to left (rsplit's order), returned right to left.
pub fn rfind_all(h: &Obj, n: &Obj, max: usize) -> Vec<usize> {
    let m = pystr::len(n);
    let mut out = Vec::new();
    if m == 0 {
        return out;
    }
    let mut end = pystr::len(h);
    while out.len() < max {
        match rfind(h, n, 0, end) {
            Some(p) => {
                out.push(p);
                end = p;
            }
            None => break,
        }
    }
    out
}

/// Whether `n` occurs in `h` at position `at`.
pub fn matches_at(h: &Obj, n: &Obj, at: usize) -> bool {
    let m = pystr::len(n);
    if at + m > pystr::len(h) {
        return false;
    }
    // Same width: compare the raw buffers.
    match (view(h), view(n)) {
        (View::U8(a), View::U8(b)) => return &a[at..at + m] == b,
        (View::U16(a), View::U16(b)) => return &a[at..at + m] == b,
        (View::U32(a), View::U32(b)) => return &a[at..at + m] == b,
        _ => {}
    }
    (0..m).all(|i| pystr::char_at(h, at + i) == pystr::char_at(n, i))
}
