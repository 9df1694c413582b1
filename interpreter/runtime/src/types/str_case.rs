//! str's case conversions and case predicates with CPython 3.11's rules:
//! full mappings (special casing, case folding) from the Unicode database in
//! `str_unicode`, and the final-sigma context rule for lowercasing.

use crate::object::Obj;
use crate::types::str::{self as pystr, char_at, from_code_points, len};
use crate::types::str_unicode as ucd;

const CAPITAL_SIGMA: u32 = 0x3a3;

/// Lowercase of the capital sigma at `i`: final form when a cased letter
/// precedes it and none follows (case-ignorable characters skipped).
fn sigma_at(o: &Obj, i: usize) -> u32 {
    let n = len(o);
    let mut j = i;
    let mut before = None;
    while j > 0 {
        j -= 1;
        let c = char_at(o, j);
        if !ucd::is_case_ignorable(c) {
            before = Some(c);
            break;
        }
    }
    let mut final_sigma = before.is_some_and(ucd::is_cased);
    if final_sigma {
        let mut k = i + 1;
        while k < n && ucd::is_case_ignorable(char_at(o, k)) {
            k += 1;
        }
        final_sigma = k == n || !ucd::is_cased(char_at(o, k));
    }
    if final_sigma {
        0x3c2
    } else {
        0x3c3
    }
}

/// Lowercase of the character at `i`, sigma rule included.
fn lower_at(o: &Obj, i: usize, out: &mut Vec<u32>) {
    let c = char_at(o, i);
    if c == CAPITAL_SIGMA {
        out.push(sigma_at(o, i));
    } else {
        ucd::to_lower_full(c, out);
    }
}

/// ASCII strings map byte by byte.
fn ascii_map(o: &Obj, f: fn(u8) -> u8) -> Obj {
    let s = pystr::as_str(o).unwrap();
    let v: Vec<u8> = s.bytes().map(f).collect();
    pystr::new(std::str::from_utf8(&v).unwrap())
}

pub fn lower(o: &Obj) -> Obj {
    if pystr::is_ascii(o) {
        return ascii_map(o, |b| b.to_ascii_lowercase());
    }
    let mut out = Vec::with_capacity(len(o));
    for i in 0..len(o) {
        lower_at(o, i, &mut out);
    }
    from_code_points(&out)
}

pub fn upper(o: &Obj) -> Obj {
    if pystr::is_ascii(o) {
        return ascii_map(o, |b| b.to_ascii_uppercase());
    }
    let mut out = Vec::with_capacity(len(o));
    for c in pystr::chars(o) {
        ucd::to_upper_full(c, &mut out);
    }
    from_code_points(&out)
}

pub fn casefold(o: &Obj) -> Obj {
    if pystr::is_ascii(o) {
        return ascii_map(o, |b| b.to_ascii_lowercase());
    }
    let mut out = Vec::with_capacity(len(o));
    for c in pystr::chars(o) {
        ucd::to_fold_full(c, &mut out);
    }
    from_code_points(&out)
}

/// First character titlecased, the rest lowercased (3.8+ rule).
pub fn capitalize(o: &Obj) -> Obj {
    let mut out = Vec::with_capacity(len(o));
    for i in 0..len(o) {
        if i == 0 {
            ucd::to_title_full(char_at(o, 0), &mut out);
        } else {
            lower_at(o, i, &mut out);
        }
    }
    from_code_points(&out)
}

pub fn swapcase(o: &Obj) -> Obj {
    let mut out = Vec::with_capacity(len(o));
    for i in 0..len(o) {
        let c = char_at(o, i);
        if ucd::is_upper(c) {
            lower_at(o, i, &mut out);
        } else if ucd::is_lower(c) {
            ucd::to_upper_full(c, &mut out);
        } else {
            out.push(c);
        }
    }
    from_code_points(&out)
}

/// Titlecase after an uncased character, lowercase after a cased one.
pub fn title(o: &Obj) -> Obj {
    let mut out = Vec::with_capacity(len(o));
    let mut prev_cased = false;
    for i in 0..len(o) {
        let c = char_at(o, i);
        if prev_cased {
            lower_at(o, i, &mut out);
        } else {
            ucd::to_title_full(c, &mut out);
        }
        prev_cased = ucd::is_cased(c);
    }
    from_code_points(&out)
}

/// At least one cased character and no lowercase or titlecase one.
pub fn is_upper(o: &Obj) -> bool {
    let mut cased = false;
    for c in pystr::chars(o) {
        if ucd::is_lower(c) || ucd::is_title(c) {
            return false;
        }
        cased |= ucd::is_upper(c);
    }
    cased
}

/// At least one cased character and no uppercase or titlecase one.
pub fn is_lower(o: &Obj) -> bool {
    let mut cased = false;
    for c in pystr::chars(o) {
        if ucd::is_upper(c) || ucd::is_title(c) {
            return false;
        }
        cased |= ucd::is_lower(c);
    }
    cased
}

/// Uppercase/titlecase characters only after uncased ones, lowercase ones
/// only after cased ones, and at least one cased character.
pub fn is_title(o: &Obj) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in pystr::chars(o) {
        if ucd::is_upper(c) || ucd::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if ucd::is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}
