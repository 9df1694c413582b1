//! The codecs themselves, as CPython's cjkcodecs: each one an encoder and a
//! decoder over a small state (`State`, CPython's `MultibyteCodec_State`),
//! stepping through their input and stopping at the first error, which the
//! machinery in `multibyte.rs` hands to the error handler.
//!
//! The stateless codecs run over tables dumped from python3.11's own codecs
//! at build time (see `gen_tables.py` for the blob layout); HZ is a small
//! state machine over gb2312's table.

use super::iso2022;
use std::sync::OnceLock;

/// What a codec step reports besides success (CPython's MBERR_*): an
/// illegal sequence of `n` units, or input that ends too soon.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stop {
    Illegal(usize),
    TooFew,
}

/// CPython's `MultibyteCodec_State.c`: 8 bytes a stateful codec keeps
/// between calls (getstate/setstate expose them).
pub type State = [u8; 8];

macro_rules! blob {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/cjk_", $name, ".bin"))
    };
}

const NODE: u32 = 0x8000_0000;
const ERR: u32 = 0x4000_0000;
const MULTI: u32 = 0x2000_0000;
const GB4: u32 = 0x1000_0000;
const EUCKR8: u32 = 0x0800_0000;
const NONE: u32 = 0xFFFF_FFFF;

/// One codec's tables, read in place from its blob.
pub struct Table {
    w: &'static [u8],
    gb18030: bool,
    nodes: usize,
    multi: usize,
    runs: usize,
    n_runs: usize,
    index: usize,
    blocks: usize,
    pairs: usize,
    n_pairs: usize,
    special: usize,
}

impl Table {
    fn new(w: &'static [u8], gb18030: bool) -> Table {
        let h = |i: usize| u32::from_le_bytes(w[4 * i..4 * i + 4].try_into().unwrap()) as usize;
        let (n_nodes, n_multi, n_runs, n_blocks, n_pairs) = (h(0), h(1), h(2), h(3), h(4));
        let nodes = 6;
        let multi = nodes + n_nodes * 256;
        let runs = multi + 2 * n_multi;
        let index = runs + 2 * n_runs;
        let blocks = index + 0x300;
        let pairs = blocks + n_blocks * 256;
        let special = pairs + 3 * n_pairs;
        Table { w, gb18030, nodes, multi, runs, n_runs, index, blocks, pairs, n_pairs, special }
    }

    #[inline]
    fn word(&self, i: usize) -> u32 {
        u32::from_le_bytes(self.w[4 * i..4 * i + 4].try_into().unwrap())
    }

    /// Decodes one unit at `inp[0..]`: Ok(bytes consumed) with the output pushed.
    fn decode_one(&self, inp: &[u8], out: &mut Vec<u32>) -> Result<usize, Stop> {
        let mut node = 0usize;
        let mut k = 0usize;
        loop {
            let Some(&b) = inp.get(k) else { return Err(Stop::TooFew) };
            let e = self.word(self.nodes + node * 256 + b as usize);
            k += 1;
            if e < 0x110000 {
                out.push(e);
                return Ok(k);
            }
            if e & NODE != 0 {
                node = (e & !NODE) as usize;
            } else if e & ERR != 0 {
                return Err(Stop::Illegal((e & !ERR) as usize));
            } else if e & MULTI != 0 {
                let i = (e & !MULTI) as usize;
                out.push(self.word(self.multi + 2 * i));
                out.push(self.word(self.multi + 2 * i + 1));
                return Ok(k);
            } else if e == GB4 {
                return self.decode_gb4(inp, out);
            } else if e == EUCKR8 {
                return self.decode_makeup(inp, out);
            } else {
                unreachable!("bad CJK table entry {:#x}", e);
            }
        }
    }

    /// gb18030's four-byte form: a linear index into runs of characters.
    fn decode_gb4(&self, inp: &[u8], out: &mut Vec<u32>) -> Result<usize, Stop> {
        if inp.len() < 4 {
            return Err(Stop::TooFew);
        }
        let (b1, b2, b3, b4) = (inp[0] as u32, inp[1] as u32, inp[2] as u32, inp[3] as u32);
        if !(0x81..=0xFE).contains(&b3) || !(0x30..=0x39).contains(&b4) {
            return Err(Stop::Illegal(1));
        }
        let idx = (b1 - 0x81) * 12600 + (b2 - 0x30) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30);
        // the last run starting at or before idx
        let (mut lo, mut hi) = (0usize, self.n_runs);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if self.word(self.runs + 2 * mid) <= idx {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let start = self.word(self.runs + 2 * lo);
        let first = self.word(self.runs + 2 * lo + 1);
        if first == NONE {
            return Err(Stop::Illegal(1));
        }
        out.push(first + (idx - start));
        Ok(4)
    }

    /// euc_kr's KS X 1001:1998 Annex 3 make-up sequence: a syllable spelt
    /// as filler, initial, medial and final jamo.
    fn decode_makeup(&self, inp: &[u8], out: &mut Vec<u32>) -> Result<usize, Stop> {
        if inp.len() < 8 {
            return Err(Stop::TooFew);
        }
        if inp[2] != 0xA4 || inp[4] != 0xA4 || inp[6] != 0xA4 {
            return Err(Stop::Illegal(1));
        }
        let cho = match inp[3] {
            c @ 0xA1..=0xBE => self.word(self.special + (c - 0xA1) as usize),
            _ => NONE,
        };
        let jung = match inp[5] {
            c @ 0xBF..=0xD3 => (c - 0xBF) as u32,
            _ => NONE,
        };
        let jong = match inp[7] {
            0xD4 => 0,
            c @ 0xA1..=0xBE => self.word(self.special + 30 + (c - 0xA1) as usize),
            _ => NONE,
        };
        if cho == NONE || jung == NONE || jong == NONE {
            return Err(Stop::Illegal(1));
        }
        out.push(0xAC00 + cho * 588 + jung * 28 + jong);
        Ok(8)
    }

    /// The encoded value of one character (see gen_tables.py), 0 if none.
    fn single(&self, c: u32) -> u32 {
        if self.gb18030 && c >= 0x10000 {
            return if c <= 0x10FFFF { 0x8000_0000 | (189000 + c - 0x10000) } else { 0 };
        }
        if c >= 0x30000 {
            return 0;
        }
        let blk = self.word(self.index + (c >> 8) as usize);
        if blk == NONE {
            return 0;
        }
        self.word(self.blocks + blk as usize * 256 + (c & 0xFF) as usize)
    }

    /// The value of the pair (a, b), if it is one; `starts` asks only
    /// whether `a` begins some pair.
    fn pair(&self, a: u32, b: Option<u32>) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.n_pairs);
        let key = (a, b.unwrap_or(0));
        while lo < hi {
            let mid = (lo + hi) / 2;
            let k = (self.word(self.pairs + 3 * mid), self.word(self.pairs + 3 * mid + 1));
            if k < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo < self.n_pairs && self.word(self.pairs + 3 * lo) == a {
            match b {
                None => return Some(0),
                Some(b) if self.word(self.pairs + 3 * lo + 1) == b => return Some(self.word(self.pairs + 3 * lo + 2)),
                _ => {}
            }
        }
        None
    }

    fn emit(&self, c: u32, v: u32, out: &mut Vec<u8>) {
        if v & 0x8000_0000 != 0 {
            let idx = v & 0x7FFF_FFFF;
            out.extend_from_slice(&[
                (idx / 12600 + 0x81) as u8,
                (idx / 1260 % 10 + 0x30) as u8,
                (idx / 10 % 126 + 0x81) as u8,
                (idx % 10 + 0x30) as u8,
            ]);
        } else if v == 0x4000_0000 {
            // euc_kr make-up sequence: find the jamo bytes in `special`
            let s = c - 0xAC00;
            let (cho, jung, jong) = (s / 588, s % 588 / 28, s % 28);
            let find = |base: usize, want: u32| (0..30).find(|&i| self.word(self.special + base + i) == want).map(|i| 0xA1 + i as u8);
            let chob = find(0, cho).unwrap_or(0xD4);
            let jongb = if jong == 0 { 0xD4 } else { find(30, jong).unwrap_or(0xD4) };
            out.extend_from_slice(&[0xA4, 0xD4, 0xA4, chob, 0xA4, 0xBF + jung as u8, 0xA4, jongb]);
        } else {
            let n = v >> 24;
            for i in (0..n).rev() {
                out.push((v >> (8 * i)) as u8);
            }
        }
    }

    fn encode(&self, inp: &[u32], pos: &mut usize, out: &mut Vec<u8>, flush: bool) -> Result<(), Stop> {
        while *pos < inp.len() {
            let c = inp[*pos];
            if self.pair(c, None).is_some() {
                if let Some(&next) = inp.get(*pos + 1) {
                    // CPython looks the second character up truncated to 16 bits
                    if let Some(v) = self.pair(c, Some(next & 0xFFFF)) {
                        self.emit(c, v, out);
                        *pos += 2;
                        continue;
                    }
                } else if !flush {
                    return Err(Stop::TooFew);
                }
            }
            let v = self.single(c);
            if v == 0 {
                return Err(Stop::Illegal(1));
            }
            self.emit(c, v, out);
            *pos += 1;
        }
        Ok(())
    }

    fn decode(&self, inp: &[u8], pos: &mut usize, out: &mut Vec<u32>) -> Result<(), Stop> {
        while *pos < inp.len() {
            let n = self.decode_one(&inp[*pos..], out)?;
            *pos += n;
        }
        Ok(())
    }
}

/// Which codec, and how it keeps state.
#[derive(Clone, Copy)]
pub enum Kind {
    Table(&'static str),
    Hz,
    Iso(&'static str),
}

/// A codec as `_codecs_*.getcodec` hands it out.
#[derive(Clone, Copy)]
pub struct Codec {
    pub name: &'static str,
    pub kind: Kind,
}

/// A codec's tables, inflated on first use.
struct Lazy {
    name: &'static str,
    z: &'static [u8],
    t: OnceLock<Table>,
}

macro_rules! tables {
    ($($name:literal),*) => {
        static TABLES: [Lazy; [$($name),*].len()] = [$(Lazy { name: $name, z: blob!($name), t: OnceLock::new() }),*];
    };
}
tables!(
    "shift_jis", "cp932", "euc_jp", "shift_jis_2004", "euc_jis_2004", "euc_jisx0213", "shift_jisx0213", "euc_kr", "cp949",
    "johab", "gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs"
);

fn table(name: &str) -> &'static Table {
    let l = TABLES.iter().find(|l| l.name == name).expect("CJK table");
    l.t.get_or_init(|| Table::new(inflate(l.z), name == "gb18030"))
}

/// A blob from gen_tables.py: its length, then the zlib stream.
pub fn inflate(z: &'static [u8]) -> &'static [u8] {
    let n = u32::from_le_bytes(z[..4].try_into().unwrap()) as usize;
    let mut out = vec![0u8; n];
    let mut len = n as libz_sys::uLongf;
    // SAFETY: zlib writes at most `len` bytes into `out`, which has them.
    let r = unsafe { libz_sys::uncompress(out.as_mut_ptr(), &mut len, z[4..].as_ptr(), (z.len() - 4) as libz_sys::uLong) };
    assert!(r == libz_sys::Z_OK && len as usize == n, "corrupt CJK table");
    // kept for the life of the process, like CPython's static tables
    Box::leak(out.into_boxed_slice())
}

/// The codecs of each `_codecs_*` module, as CPython's codec lists.
pub const MODULES: &[(&str, &[&str])] = &[
    ("_codecs_jp", &["shift_jis", "cp932", "euc_jp", "shift_jis_2004", "euc_jis_2004", "euc_jisx0213", "shift_jisx0213"]),
    ("_codecs_kr", &["euc_kr", "cp949", "johab"]),
    ("_codecs_cn", &["gb2312", "gbk", "gb18030", "hz"]),
    ("_codecs_tw", &["big5", "cp950"]),
    ("_codecs_hk", &["big5hkscs"]),
    ("_codecs_iso2022", super::iso2022::NAMES),
];

pub fn find(module: &str, name: &str) -> Option<Codec> {
    let (_, names) = MODULES.iter().find(|(m, _)| *m == module)?;
    let name: &'static str = names.iter().find(|n| **n == name)?;
    let kind = if name == "hz" {
        Kind::Hz
    } else if module == "_codecs_iso2022" {
        Kind::Iso(name)
    } else {
        Kind::Table(name)
    };
    Some(Codec { name, kind })
}

impl Codec {
    /// Encodes from `*pos` until the end or the first error (CPython's
    /// `codec->encode`); `flush` says no more input follows.
    pub fn encode(&self, st: &mut State, inp: &[u32], pos: &mut usize, out: &mut Vec<u8>, flush: bool) -> Result<(), Stop> {
        match self.kind {
            Kind::Table(t) => table(t).encode(inp, pos, out, flush),
            Kind::Hz => hz_encode(st, inp, pos, out),
            Kind::Iso(t) => iso2022::table(t).encode(st, inp, pos, out, flush),
        }
    }

    /// A new encoder's state (CPython's `encinit`).
    pub fn encode_init(&self) -> State {
        let mut st = [0; 8];
        if let Kind::Iso(t) = self.kind {
            iso2022::table(t).encode_init(&mut st);
        }
        st
    }

    /// A new decoder's state (CPython's `decinit`).
    pub fn decode_init(&self) -> State {
        let mut st = [0; 8];
        if let Kind::Iso(t) = self.kind {
            iso2022::table(t).decode_init(&mut st);
        }
        st
    }

    /// Output that returns the encoder to its initial state.
    pub fn encode_reset(&self, st: &mut State, out: &mut Vec<u8>) {
        match self.kind {
            Kind::Hz if st[0] != 0 => {
                out.extend_from_slice(b"~}");
                st[0] = 0;
            }
            Kind::Iso(t) => iso2022::table(t).encode_reset(st, out),
            _ => {}
        }
    }

    pub fn decode(&self, st: &mut State, inp: &[u8], pos: &mut usize, out: &mut Vec<u32>) -> Result<(), Stop> {
        match self.kind {
            Kind::Table(t) => table(t).decode(inp, pos, out),
            Kind::Hz => hz_decode(st, inp, pos, out),
            Kind::Iso(t) => iso2022::table(t).decode(st, inp, pos, out),
        }
    }

    /// CPython's `decreset`.
    pub fn decode_reset(&self, st: &mut State) {
        match self.kind {
            Kind::Iso(t) => iso2022::table(t).decode_reset(st),
            _ => *st = [0; 8],
        }
    }
}

/// HZ (RFC 1843): ASCII, with `~{` ... `~}` around GB2312 in 7 bits;
/// state[0] is 1 inside GB mode.
fn hz_encode(st: &mut State, inp: &[u32], pos: &mut usize, out: &mut Vec<u8>) -> Result<(), Stop> {
    let gb = table("gb2312");
    while *pos < inp.len() {
        let c = inp[*pos];
        if c < 0x80 {
            if st[0] != 0 {
                out.extend_from_slice(b"~}");
                st[0] = 0;
            }
            out.push(c as u8);
            if c == b'~' as u32 {
                out.push(b'~');
            }
            *pos += 1;
            continue;
        }
        if c > 0xFFFF {
            return Err(Stop::Illegal(1));
        }
        let v = gb.single(c);
        if v >> 24 != 2 {
            return Err(Stop::Illegal(1));
        }
        if st[0] == 0 {
            out.extend_from_slice(b"~{");
            st[0] = 1;
        }
        out.push((v >> 8) as u8 & 0x7F);
        out.push(v as u8 & 0x7F);
        *pos += 1;
    }
    Ok(())
}

fn hz_decode(st: &mut State, inp: &[u8], pos: &mut usize, out: &mut Vec<u32>) -> Result<(), Stop> {
    let gb = table("gb2312");
    while *pos < inp.len() {
        let c = inp[*pos];
        if c == b'~' {
            let Some(&c2) = inp.get(*pos + 1) else { return Err(Stop::TooFew) };
            match (c2, st[0]) {
                (b'~', 0) => out.push(b'~' as u32),
                (b'{', 0) => st[0] = 1,
                (b'\n', 0) => {}
                (b'}', 1) => st[0] = 0,
                _ => return Err(Stop::Illegal(1)),
            }
            *pos += 2;
            continue;
        }
        if c & 0x80 != 0 {
            return Err(Stop::Illegal(1));
        }
        if st[0] == 0 {
            out.push(c as u32);
            *pos += 1;
        } else {
            let Some(&c2) = inp.get(*pos + 1) else { return Err(Stop::TooFew) };
            if c2 & 0x80 != 0 {
                return Err(Stop::Illegal(1));
            }
            let mut one = Vec::new();
            match gb.decode_one(&[c | 0x80, c2 | 0x80], &mut one) {
                Ok(2) => out.extend(one),
                _ => return Err(Stop::Illegal(1)),
            }
            *pos += 2;
        }
    }
    Ok(())
}
