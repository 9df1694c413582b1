//! The character database behind `unicodedata`: per-code-point records of
//! Unicode 14.0.0 and of 3.2.0 (for `ucd_3_2_0`), decompositions, names
//! (both ways), aliases and named sequences. The tables come from build.rs
//! (see `gen_tables.py` for their source and shape).

#[allow(clippy::all, dead_code)]
mod gen {
    include!(concat!(env!("OUT_DIR"), "/unicodedata_tables.rs"));
}
pub use gen::{BIDI, CATEGORIES, EAW, NUMERIC, TAGS};

macro_rules! blob {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

static INDEX1_CUR: &[u8] = blob!("index1_cur.bin");
static INDEX2_CUR: &[u8] = blob!("index2_cur.bin");
static INDEX1_OLD: &[u8] = blob!("index1_old.bin");
static INDEX2_OLD: &[u8] = blob!("index2_old.bin");
static DECOMP: &[u8] = blob!("decomp.bin");
static COMPOSE_KEYS: &[u8] = blob!("compose_keys.bin");
static COMPOSE_VALS: &[u8] = blob!("compose_vals.bin");
static NORM32_KEYS: &[u8] = blob!("norm32_keys.bin");
static NORM32_VALS: &[u8] = blob!("norm32_vals.bin");
static WORDS: &[u8] = blob!("words.bin");
static WORD_OFFSETS: &[u8] = blob!("word_offsets.bin");
static PHRASE: &[u8] = blob!("phrase.bin");
static NAMED_CPS: &[u8] = blob!("named_cps.bin");
static NAME_STARTS: &[u8] = blob!("name_starts.bin");
static NAME_ORDER: &[u8] = blob!("name_order.bin");

// The blobs are little-endian arrays of u16/u32/u64.
#[inline]
fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[2 * i], b[2 * i + 1]])
}
#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[4 * i..4 * i + 4].try_into().unwrap())
}
#[inline]
fn u64_at(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[8 * i..8 * i + 8].try_into().unwrap())
}

/// Which database: today's (Unicode 14.0.0) or 3.2.0's (`ucd_3_2_0`, for
/// IDNA and stringprep).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Current,
    V3_2,
}

pub struct Record {
    pub category: u8,
    pub bidi: u8,
    pub combining: u8,
    pub eaw: u8,
    pub mirrored: bool,
    decomp: u32,
    numeric: u16,
}

pub fn record(v: Version, c: u32) -> Record {
    let (i1, i2) = match v {
        Version::Current => (INDEX1_CUR, INDEX2_CUR),
        Version::V3_2 => (INDEX1_OLD, INDEX2_OLD),
    };
    let c = c.min(0x10FFFF);
    let block = u16_at(i1, (c >> gen::SHIFT) as usize) as usize;
    let i = u16_at(i2, (block << gen::SHIFT) | (c & ((1 << gen::SHIFT) - 1)) as usize);
    let r = &gen::RECORDS[i as usize];
    Record { category: r.0, bidi: r.1, combining: r.2, eaw: r.3, mirrored: r.4 != 0, decomp: r.5, numeric: r.6 }
}

impl Record {
    pub fn category_name(&self) -> &'static str {
        CATEGORIES[self.category as usize]
    }
    /// (decimal, digit, numeric), each when the character has it.
    pub fn numeric(&self) -> (Option<u8>, Option<u8>, Option<f64>) {
        let (dec, dig, num) = NUMERIC[self.numeric as usize];
        (
            (dec >= 0).then_some(dec as u8),
            (dig >= 0).then_some(dig as u8),
            (!num.is_nan()).then_some(num),
        )
    }
    /// The decomposition mapping: its tag ("" when canonical) and code points.
    pub fn decomposition(&self) -> Option<(&'static str, impl Iterator<Item = u32>)> {
        if self.decomp == 0 {
            return None;
        }
        let head = u32_at(DECOMP, self.decomp as usize);
        let start = self.decomp as usize + 1;
        let n = (head & 0xFF) as usize;
        Some((TAGS[(head >> 8) as usize], (start..start + n).map(|i| u32_at(DECOMP, i))))
    }
}

/// Canonical combining class (the normalizer always uses today's).
#[inline]
pub fn combining(c: u32) -> u8 {
    if c < 0x300 {
        return 0;
    }
    record(Version::Current, c).combining
}

/// The primary composite of a canonical pair, if any (Hangul aside).
pub fn compose(a: u32, b: u32) -> Option<u32> {
    let key = ((a as u64) << 21) | b as u64;
    let n = COMPOSE_KEYS.len() / 8;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match u64_at(COMPOSE_KEYS, mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(u32_at(COMPOSE_VALS, mid)),
        }
    }
    None
}

/// Whether `c` is the second of a canonical pair that composes (so text
/// ending before it may compose with it).
pub fn is_second_of_pair(c: u32) -> bool {
    static SECONDS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let v = SECONDS.get_or_init(|| {
        let mut v: Vec<u32> = (0..COMPOSE_KEYS.len() / 8).map(|i| (u64_at(COMPOSE_KEYS, i) & 0x1F_FFFF) as u32).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    v.binary_search(&c).is_ok()
}

/// Unicode's corrections to 3.2.0 decompositions, which 3.2 normalization
/// applies (a handful of CJK compatibility ideographs).
pub fn correction_3_2(c: u32) -> Option<u32> {
    (0..NORM32_KEYS.len() / 4).find(|&i| u32_at(NORM32_KEYS, i) == c).map(|i| u32_at(NORM32_VALS, i))
}

// ---- names ----

pub const S_BASE: u32 = 0xAC00;
pub const L_BASE: u32 = 0x1100;
pub const V_BASE: u32 = 0x1161;
pub const T_BASE: u32 = 0x11A7;
pub const L_COUNT: u32 = 19;
pub const V_COUNT: u32 = 21;
pub const T_COUNT: u32 = 28;
pub const N_COUNT: u32 = V_COUNT * T_COUNT;
pub const S_COUNT: u32 = L_COUNT * N_COUNT;

// The jamo short names that spell Hangul syllable names (Unicode's Jamo.txt).
const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG",
    "J", "C", "K", "T", "P", "H",
];

fn is_unified_ideograph(c: u32) -> bool {
    gen::CJK_RANGES.iter().any(|&(a, b)| a <= c && c <= b)
}

fn named_count() -> usize {
    NAMED_CPS.len() / 4
}

/// The name of the `i`th named (non-algorithmic) character.
fn table_name(i: usize, out: &mut String) {
    let (start, end) = (u32_at(NAME_STARTS, i) as usize, u32_at(NAME_STARTS, i + 1) as usize);
    for t in start..end {
        let tok = u16_at(PHRASE, t);
        let w = (tok & 0x7FFF) as usize;
        let (ws, we) = (u32_at(WORD_OFFSETS, w) as usize, u32_at(WORD_OFFSETS, w + 1) as usize);
        out.push_str(std::str::from_utf8(&WORDS[ws..we]).unwrap_or(""));
        if t + 1 < end {
            out.push(if tok & 0x8000 != 0 { '-' } else { ' ' });
        }
    }
}

/// The character's name in database `v`, None when it has none.
pub fn name(v: Version, c: u32) -> Option<String> {
    if c > 0x10FFFF {
        return None;
    }
    if v == Version::V3_2 && record(v, c).category == 0 {
        return None; // not assigned in 3.2.0
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&c) {
        let s = c - S_BASE;
        let (l, vv, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
        return Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[l as usize], JAMO_V[vv as usize], JAMO_T[t as usize]));
    }
    if is_unified_ideograph(c) {
        return Some(format!("CJK UNIFIED IDEOGRAPH-{:X}", c));
    }
    let (mut lo, mut hi) = (0, named_count());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let m = u32_at(NAMED_CPS, mid);
        if m < c {
            lo = mid + 1;
        } else if m > c {
            hi = mid;
        } else {
            let mut s = String::new();
            table_name(mid, &mut s);
            return Some(s);
        }
    }
    None
}

/// The longest jamo short name of `table` that starts `s` (the empty one
/// when none does), and its index.
fn longest_jamo(s: &[u8], table: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, j) in table.iter().enumerate() {
        if s.starts_with(j.as_bytes()) && best.map_or(true, |(_, l)| j.len() > l) {
            best = Some((i, j.len()));
        }
    }
    best
}

pub enum Found {
    Char(u32),
    Sequence(&'static [u32]),
}

/// The character (or named sequence, when `sequences`) called `name`:
/// names and aliases match case-insensitively, the algorithmic
/// "HANGUL SYLLABLE " and "CJK UNIFIED IDEOGRAPH-" prefixes as written.
/// Database 3.2.0 knows neither aliases nor sequences, nor characters it
/// did not assign.
/// (The algorithmic names are not checked against 3.2.0's assignments,
/// as CPython does not.)
pub fn lookup(v: Version, name: &[u8], sequences: bool) -> Option<Found> {
    if let Some(rest) = name.strip_prefix(b"HANGUL SYLLABLE ") {
        let mut p = rest;
        let (l, n) = longest_jamo(p, &JAMO_L)?;
        p = &p[n..];
        let (vv, n) = longest_jamo(p, &JAMO_V)?;
        p = &p[n..];
        let (t, n) = longest_jamo(p, &JAMO_T)?;
        p = &p[n..];
        if !p.is_empty() {
            return None;
        }
        return Some(Found::Char(S_BASE + (l as u32 * V_COUNT + vv as u32) * T_COUNT + t as u32));
    }
    if let Some(hex) = name.strip_prefix(b"CJK UNIFIED IDEOGRAPH-") {
        if hex.len() != 4 && hex.len() != 5 {
            return None;
        }
        let mut c = 0u32;
        for &h in hex {
            c = c * 16
                + match h {
                    b'0'..=b'9' => (h - b'0') as u32,
                    b'A'..=b'F' => (h - b'A' + 10) as u32,
                    _ => return None,
                };
        }
        return is_unified_ideograph(c).then_some(Found::Char(c));
    }
    if !name.is_ascii() {
        return None;
    }
    let upper = std::str::from_utf8(name).ok()?.to_ascii_uppercase();
    // Table names, sorted: binary search over NAME_ORDER.
    let (mut lo, mut hi) = (0, named_count());
    let mut buf = String::new();
    while lo < hi {
        let mid = (lo + hi) / 2;
        let i = u32_at(NAME_ORDER, mid) as usize;
        buf.clear();
        table_name(i, &mut buf);
        match buf.as_str().cmp(upper.as_str()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let c = u32_at(NAMED_CPS, i);
                if v == Version::V3_2 && record(v, c).category == 0 {
                    return None; // not assigned in 3.2.0
                }
                return Some(Found::Char(c));
            }
        }
    }
    if v == Version::V3_2 {
        return None;
    }
    if let Ok(i) = gen::ALIASES.binary_search_by(|(n, _)| n.cmp(&upper.as_str())) {
        return Some(Found::Char(gen::ALIASES[i].1));
    }
    if sequences {
        if let Ok(i) = gen::NAMED_SEQUENCES.binary_search_by(|(n, _)| n.cmp(&upper.as_str())) {
            return Some(Found::Sequence(gen::NAMED_SEQUENCES[i].1));
        }
    }
    None
}
