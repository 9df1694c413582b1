//! The ISO-2022 codecs (`_codecs_iso2022`), as CPython's: escape sequences
//! designate character sets into G0/G1 (G2 for ISO-2022-JP-2's single
//! shifts), SO/SI shift between G0 and G1. The sets' mappings and which
//! set each character is encoded in come from the blobs `gen_tables.py`
//! dumps from python3.11's own iso2022 codecs; the escape handling is here.
//!
//! State bytes (CPython's layout, seen through getstate): 0-2 the sets in
//! G0-G2 (final byte, | 0x80 for two-byte sets), 4 the flags.

use super::engine::{State, Stop};
use std::sync::OnceLock;

const ESC: u8 = 0x1B;
const SO: u8 = 0x0E;
const SI: u8 = 0x0F;
const ASCII: u8 = b'B';
const JISX0208: u8 = b'B' | 0x80;
const F_SHIFTED: u8 = 0x01;
const F_ESCTHROUGHOUT: u8 = 0x02;
const BAD: u32 = 0xFFFF_FFFF;

pub const NAMES: &[&str] = &["iso2022_kr", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext"];

macro_rules! blob {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/cjk_", $name, ".bin"))
    };
}

pub struct IsoTable {
    w: &'static [u8],
    /// (mark, width, offset of its 96 or 96*96 entries)
    sets: Vec<(u8, usize, usize)>,
    decpairs: usize,
    g2: usize,
    index: usize,
    blocks: usize,
    encpairs: usize,
    n_encpairs: usize,
    /// ISO-2022-KR: G1 with SO/SI; the others designate into G0 only
    shift: bool,
    use_g2: bool,
    jisx0208_ext: bool,
}

fn load(name: &str, w: &'static [u8]) -> IsoTable {
    let h = |i: usize| u32::from_le_bytes(w[4 * i..4 * i + 4].try_into().unwrap()) as usize;
    let (n_sets, n_decpairs, n_blocks, n_encpairs) = (h(0), h(1), h(2), h(3));
    let mut off = 4;
    let mut sets = vec![];
    for _ in 0..n_sets {
        let (mark, width) = (h(off) as u8, h(off + 1));
        off += 2;
        sets.push((mark, width, off));
        off += if width == 1 { 96 } else { 96 * 96 };
    }
    let decpairs = off;
    let g2 = decpairs + 2 * n_decpairs;
    let index = g2 + 256;
    let blocks = index + 0x300;
    let encpairs = blocks + 256 * n_blocks;
    let kr = name == "iso2022_kr";
    IsoTable {
        w,
        sets,
        decpairs,
        g2,
        index,
        blocks,
        encpairs,
        n_encpairs,
        shift: kr,
        use_g2: name == "iso2022_jp_2",
        jisx0208_ext: !kr,
    }
}

struct Lazy {
    name: &'static str,
    z: &'static [u8],
    t: OnceLock<IsoTable>,
}

static TABLES: [Lazy; 7] = [
    Lazy { name: "iso2022_kr", z: blob!("iso2022_kr"), t: OnceLock::new() },
    Lazy { name: "iso2022_jp", z: blob!("iso2022_jp"), t: OnceLock::new() },
    Lazy { name: "iso2022_jp_1", z: blob!("iso2022_jp_1"), t: OnceLock::new() },
    Lazy { name: "iso2022_jp_2", z: blob!("iso2022_jp_2"), t: OnceLock::new() },
    Lazy { name: "iso2022_jp_2004", z: blob!("iso2022_jp_2004"), t: OnceLock::new() },
    Lazy { name: "iso2022_jp_3", z: blob!("iso2022_jp_3"), t: OnceLock::new() },
    Lazy { name: "iso2022_jp_ext", z: blob!("iso2022_jp_ext"), t: OnceLock::new() },
];

/// A codec's tables, inflated on first use.
pub fn table(name: &str) -> &'static IsoTable {
    let l = TABLES.iter().find(|l| l.name == name).expect("ISO-2022 table");
    l.t.get_or_init(|| load(name, super::engine::inflate(l.z)))
}

fn is_escend(c: u8) -> bool {
    c.is_ascii_uppercase() || c == b'@'
}

impl IsoTable {
    #[inline]
    fn word(&self, i: usize) -> u32 {
        u32::from_le_bytes(self.w[4 * i..4 * i + 4].try_into().unwrap())
    }

    pub fn encode_init(&self, st: &mut State) {
        st[4] = 0;
        st[0] = ASCII;
        st[1] = ASCII;
    }

    pub fn decode_init(&self, st: &mut State) {
        st[4] = 0;
        st[0] = ASCII;
        st[1] = ASCII;
        st[2] = ASCII;
    }

    pub fn decode_reset(&self, st: &mut State) {
        st[0] = ASCII;
        st[4] &= !F_SHIFTED;
    }

    pub fn encode_reset(&self, st: &mut State, out: &mut Vec<u8>) {
        if st[4] & F_SHIFTED != 0 {
            out.push(SI);
            st[4] &= !F_SHIFTED;
        }
        if st[0] != ASCII {
            out.extend_from_slice(&[ESC, b'(', b'B']);
            st[0] = ASCII;
        }
    }

    fn single(&self, c: u32) -> u32 {
        if c >= 0x30000 {
            return 0;
        }
        let blk = self.word(self.index + (c >> 8) as usize);
        if blk == BAD {
            return 0;
        }
        self.word(self.blocks + blk as usize * 256 + (c & 0xFF) as usize)
    }

    /// The pair (a, b)'s value; with b None, whether `a` starts a pair.
    fn pair(&self, a: u32, b: Option<u32>) -> Option<u32> {
        (0..self.n_encpairs).find_map(|i| {
            let (x, y) = (self.word(self.encpairs + 3 * i), self.word(self.encpairs + 3 * i + 1));
            match b {
                None if x == a => Some(0),
                Some(b) if x == a && y == b => Some(self.word(self.encpairs + 3 * i + 2)),
                _ => None,
            }
        })
    }

    pub fn encode(&self, st: &mut State, inp: &[u32], pos: &mut usize, out: &mut Vec<u8>, flush: bool) -> Result<(), Stop> {
        while *pos < inp.len() {
            let c = inp[*pos];
            if c < 0x80 {
                if st[0] != ASCII {
                    out.extend_from_slice(&[ESC, b'(', b'B']);
                    st[0] = ASCII;
                }
                if st[4] & F_SHIFTED != 0 {
                    out.push(SI);
                    st[4] &= !F_SHIFTED;
                }
                out.push(c as u8);
                *pos += 1;
                continue;
            }
            let mut found = None;
            if self.n_encpairs > 0 && self.pair(c, None).is_some() {
                match inp.get(*pos + 1) {
                    // CPython looks the second character up truncated to 16 bits
                    Some(&next) => found = self.pair(c, Some(next & 0xFFFF)).map(|v| (v, 2)),
                    None if !flush => return Err(Stop::TooFew),
                    None => {}
                }
            }
            let (v, insize) = match found {
                Some(f) => f,
                None => match self.single(c) {
                    0 => return Err(Stop::Illegal(1)),
                    v => (v, 1),
                },
            };
            let mark = (v >> 16) as u8;
            let wide = mark & 0x80 != 0;
            if !self.shift {
                if st[4] & F_SHIFTED != 0 {
                    out.push(SI);
                    st[4] &= !F_SHIFTED;
                }
                if st[0] != mark {
                    if !wide {
                        out.extend_from_slice(&[ESC, b'(', mark]);
                    } else if mark == JISX0208 {
                        out.extend_from_slice(&[ESC, b'$', mark & 0x7F]);
                    } else {
                        out.extend_from_slice(&[ESC, b'$', b'(', mark & 0x7F]);
                    }
                    st[0] = mark;
                }
            } else {
                if st[1] != mark {
                    if !wide {
                        out.extend_from_slice(&[ESC, b')', mark]);
                    } else {
                        out.extend_from_slice(&[ESC, b'$', b')', mark & 0x7F]);
                    }
                    st[1] = mark;
                }
                if st[4] & F_SHIFTED == 0 {
                    out.push(SO);
                    st[4] |= F_SHIFTED;
                }
            }
            if wide {
                out.push((v >> 8) as u8);
            }
            out.push(v as u8);
            *pos += insize;
        }
        Ok(())
    }

    fn set(&self, mark: u8) -> Option<&(u8, usize, usize)> {
        self.sets.iter().find(|s| s.0 == mark)
    }

    /// An escape sequence at rest[0]: Ok(its length) once it designated.
    fn process_esc(&self, st: &mut State, rest: &[u8]) -> Result<usize, Stop> {
        let mut esclen = 0;
        let mut i = 1;
        while i < 16 {
            if i >= rest.len() {
                return Err(Stop::TooFew);
            }
            if is_escend(rest[i]) {
                esclen = i + 1;
                break;
            } else if self.jisx0208_ext && i + 1 < rest.len() && rest[i] == b'&' && rest[i + 1] == b'@' {
                i += 2;
            }
            i += 1;
        }
        let (charset, desig) = match esclen {
            0 => return Err(Stop::Illegal(1)),
            3 => {
                if rest[1] == b'$' {
                    (rest[2] | 0x80, 0)
                } else {
                    let d = match rest[1] {
                        b'(' => 0,
                        b')' => 1,
                        b'.' if self.use_g2 => 2,
                        _ => return Err(Stop::Illegal(3)),
                    };
                    (rest[2], d)
                }
            }
            4 => {
                if rest[1] != b'$' {
                    return Err(Stop::Illegal(4));
                }
                let d = match rest[2] {
                    b'(' => 0,
                    b')' => 1,
                    _ => return Err(Stop::Illegal(4)),
                };
                (rest[3] | 0x80, d)
            }
            6 => {
                if self.jisx0208_ext && rest[3] == ESC && rest[4] == b'$' && rest[5] == b'B' {
                    (JISX0208, 0)
                } else {
                    return Err(Stop::Illegal(6));
                }
            }
            n => return Err(Stop::Illegal(n)),
        };
        if charset != ASCII && self.set(charset).is_none() {
            return Err(Stop::Illegal(esclen));
        }
        st[desig] = charset;
        Ok(esclen)
    }

    /// ESC N <byte>: one character from the G2 set.
    fn single_shift2(&self, st: &State, b: u8, out: &mut Vec<u32>) -> Result<(), Stop> {
        match st[2] {
            b'A' if b < 0x80 => out.push(b as u32 + 0x80),
            b'F' => match self.word(self.g2 + b as usize) {
                BAD => return Err(Stop::Illegal(3)),
                c => out.push(c),
            },
            ASCII if b & 0x80 == 0 => out.push(b as u32),
            _ => return Err(Stop::Illegal(3)),
        }
        Ok(())
    }

    pub fn decode(&self, st: &mut State, inp: &[u8], pos: &mut usize, out: &mut Vec<u32>) -> Result<(), Stop> {
        while *pos < inp.len() {
            let c = inp[*pos];
            if st[4] & F_ESCTHROUGHOUT != 0 {
                // an escape sequence ISO-2022 does not know: passed through
                out.push(c as u32);
                *pos += 1;
                if is_escend(c) {
                    st[4] &= !F_ESCTHROUGHOUT;
                }
                continue;
            }
            let bypass = match c {
                ESC => {
                    let rest = &inp[*pos..];
                    if rest.len() < 2 {
                        return Err(Stop::TooFew);
                    }
                    if matches!(rest[1], b'(' | b')' | b'$' | b'.' | b'&') {
                        *pos += self.process_esc(st, rest)?;
                    } else if self.use_g2 && rest[1] == b'N' {
                        if rest.len() < 3 {
                            return Err(Stop::TooFew);
                        }
                        self.single_shift2(st, rest[2], out)?;
                        *pos += 3;
                    } else {
                        out.push(ESC as u32);
                        st[4] |= F_ESCTHROUGHOUT;
                        *pos += 1;
                    }
                    false
                }
                SI | SO if !self.shift => true,
                SI => {
                    st[4] &= !F_SHIFTED;
                    *pos += 1;
                    false
                }
                SO => {
                    st[4] |= F_SHIFTED;
                    *pos += 1;
                    false
                }
                b'\n' => {
                    st[4] &= !F_SHIFTED;
                    out.push(c as u32);
                    *pos += 1;
                    false
                }
                _ if c < 0x20 => true,
                _ if c >= 0x80 => return Err(Stop::Illegal(1)),
                _ => {
                    let charset = if st[4] & F_SHIFTED != 0 { st[1] } else { st[0] };
                    if charset == ASCII {
                        true
                    } else {
                        let Some(&(_, width, off)) = self.set(charset) else { return Err(Stop::Illegal(1)) };
                        if inp.len() - *pos < width {
                            return Err(Stop::TooFew);
                        }
                        let e = if width == 1 {
                            self.word(off + (c - 0x20) as usize)
                        } else {
                            let c2 = inp[*pos + 1];
                            if !(0x20..0x80).contains(&c2) {
                                BAD
                            } else {
                                self.word(off + (c - 0x20) as usize * 96 + (c2 - 0x20) as usize)
                            }
                        };
                        if e == BAD {
                            return Err(Stop::Illegal(width));
                        }
                        if e & 0x8000_0000 != 0 {
                            let i = (e & 0x7FFF_FFFF) as usize;
                            out.push(self.word(self.decpairs + 2 * i));
                            out.push(self.word(self.decpairs + 2 * i + 1));
                        } else {
                            out.push(e);
                        }
                        *pos += width;
                        false
                    }
                }
            };
            if bypass {
                out.push(c as u32);
                *pos += 1;
            }
        }
        Ok(())
    }
}
