//! Unicode normalization (UAX #15) as CPython's `unicodedata.normalize`
//! does it: full decomposition (canonical, or compatibility too), canonical
//! ordering by combining class, then canonical composition for NFC/NFKC.
//! Database 3.2.0 leaves characters it did not assign alone and applies the
//! corrections Unicode made to some 3.2 decompositions.

use super::db::{self, Version, L_BASE, L_COUNT, N_COUNT, S_BASE, S_COUNT, T_BASE, T_COUNT, V_BASE, V_COUNT};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    pub fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "NFC" => Form::Nfc,
            "NFD" => Form::Nfd,
            "NFKC" => Form::Nfkc,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
    fn compat(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }
    fn composes(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }
}

fn decompose_char(v: Version, c: u32, compat: bool, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&c) {
        let s = c - S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if s % T_COUNT != 0 {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    if c < 0xA0 {
        out.push(c); // nothing below U+00A0 decomposes
        return;
    }
    if v == Version::V3_2 {
        if let Some(r) = db::correction_3_2(c) {
            return decompose_char(v, r, compat, out);
        }
    }
    let rec = db::record(v, c);
    match rec.decomposition() {
        Some((tag, cps)) if compat || tag.is_empty() => {
            for d in cps {
                decompose_char(v, d, compat, out);
            }
        }
        _ => out.push(c),
    }
}

/// Canonical ordering: a stable sort of each run of non-starters by class.
fn reorder(s: &mut [u32]) {
    let mut i = 0;
    while i < s.len() {
        if db::combining(s[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && db::combining(s[i]) != 0 {
            i += 1;
        }
        if i - start > 1 {
            s[start..i].sort_by_key(|&c| db::combining(c));
        }
    }
}

fn compose(s: &mut Vec<u32>) {
    if s.is_empty() {
        return;
    }
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    // Index in `out` of the last starter, and the highest class seen since.
    let mut starter: Option<usize> = None;
    let mut last_class: i32 = -1;
    for &c in s.iter() {
        let cc = db::combining(c) as i32;
        if let Some(si) = starter {
            let st = out[si];
            // Blocked when something between has a class >= ours, or is a starter.
            let blocked = last_class != -1 && (last_class >= cc || last_class == 0);
            if !blocked {
                // Hangul LV and LVT.
                if (L_BASE..L_BASE + L_COUNT).contains(&st) && (V_BASE..V_BASE + V_COUNT).contains(&c) && si + 1 == out.len() {
                    out[si] = S_BASE + ((st - L_BASE) * V_COUNT + (c - V_BASE)) * T_COUNT;
                    continue;
                }
                if (S_BASE..S_BASE + S_COUNT).contains(&st)
                    && (st - S_BASE) % T_COUNT == 0
                    && (T_BASE + 1..T_BASE + T_COUNT).contains(&c)
                    && si + 1 == out.len()
                {
                    out[si] = st + (c - T_BASE);
                    continue;
                }
                if let Some(p) = db::compose(st, c) {
                    out[si] = p;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last_class = -1;
        } else if starter.is_some() {
            last_class = cc;
        }
        out.push(c);
    }
    *s = out;
}

/// UAX #15's quick check: Some(true) when `text` is certainly in normal
/// form `form`, Some(false) when certainly not, None when only normalizing
/// can tell. (Database 3.2.0 always answers None, as CPython's.)
pub fn quick_check(v: Version, form: Form, text: impl Iterator<Item = u32>) -> Option<bool> {
    if v == Version::V3_2 {
        return None;
    }
    let mut last_class = 0u8;
    let mut maybe = false;
    for c in text {
        if c < 0x300 && !form.compat() && !matches!(form, Form::Nfd) {
            last_class = 0; // nothing below U+0300 changes under NFC
            continue;
        }
        let rec = db::record(v, c);
        let class = rec.combining;
        if class != 0 && last_class > class {
            return Some(false);
        }
        last_class = class;
        let hangul = (S_BASE..S_BASE + S_COUNT).contains(&c);
        match (form, rec.decomposition()) {
            (Form::Nfd | Form::Nfkd, _) if hangul => return Some(false),
            (Form::Nfd, Some(("", _))) | (Form::Nfkd, Some(_)) => return Some(false),
            (Form::Nfkc, Some((tag, _))) if !tag.is_empty() => return Some(false),
            // A composite's parts may have compatibility mappings: only
            // normalizing tells.
            (Form::Nfkc, Some(("", _))) => maybe = true,
            (Form::Nfc, Some(("", mut d))) => {
                // Only a primary composite stays composed.
                let (a, b, rest) = (d.next(), d.next(), d.next());
                match (a, b, rest) {
                    (Some(a), Some(b), None) if db::compose(a, b) == Some(c) => {}
                    _ => return Some(false),
                }
            }
            _ => {}
        }
        if form.composes() && (db::is_second_of_pair(c) || (V_BASE..V_BASE + V_COUNT).contains(&c) || (T_BASE + 1..T_BASE + T_COUNT).contains(&c)) {
            maybe = true;
        }
    }
    if maybe {
        None
    } else {
        Some(true)
    }
}

/// `text` in normal form `form` of database `v`.
pub fn normalize(v: Version, form: Form, text: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out = Vec::new();
    for c in text {
        decompose_char(v, c, form.compat(), &mut out);
    }
    reorder(&mut out);
    if form.composes() {
        compose(&mut out);
    }
    out
}
