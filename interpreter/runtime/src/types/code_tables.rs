//! A code object's `co_linetable`, `co_exceptiontable` and `co_lnotab` in
//! CPython 3.11's formats (Objects/locations.md, the exception table of
//! Python/compile.c), encoded from krait's own tables so that tools reading
//! them (dis, cloudpickle, coverage tools) see the same locations as
//! `co_positions()` and `co_lines()`. Offsets are in CPython's 2-byte code
//! units of krait's `co_code`, where an instruction word is 4 bytes, so
//! one word counts as two units.

use krait_bytecode::{ExceptionEntry, Location};

/// Code units per krait instruction word.
const UNITS_PER_WORD: usize = 2;

/// Unsigned varint of the location table: 6-bit groups, least significant
/// first, bit 6 meaning "more follows".
fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 64 {
        out.push(64 | (v & 63) as u8);
        v >>= 6;
    }
    out.push(v as u8);
}

/// Signed varint: the magnitude shifted left, the sign in the low bit.
fn svarint(out: &mut Vec<u8>, v: i64) {
    let m = v.unsigned_abs().min(u32::MAX as u64 >> 1) as u32;
    varint(out, if v < 0 { (m << 1) | 1 } else { m << 1 });
}

/// The location table: one entry per run of words with one location, at
/// most 8 code units each; the long form (code 14) for located code, the
/// no-column form (13) for a line without columns and 15 for no location.
pub fn linetable(locations: &[Location], nwords: usize, firstlineno: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev_line = firstlineno as i64;
    let mut i = 0;
    while i < nwords {
        let l = locations.get(i).copied().unwrap_or_default();
        let mut run = 1;
        while i + run < nwords && run * UNITS_PER_WORD < 8 && locations.get(i + run).copied().unwrap_or_default() == l {
            run += 1;
        }
        let units = (run * UNITS_PER_WORD) as u8;
        if l.line == 0 {
            out.push(0x80 | (15 << 3) | (units - 1));
        } else if !l.has_cols() {
            out.push(0x80 | (13 << 3) | (units - 1));
            svarint(&mut out, l.line as i64 - prev_line);
            prev_line = l.line as i64;
        } else {
            out.push(0x80 | (14 << 3) | (units - 1));
            svarint(&mut out, l.line as i64 - prev_line);
            varint(&mut out, l.end_line.saturating_sub(l.line));
            varint(&mut out, l.col.saturating_add(1));
            varint(&mut out, l.end_col.saturating_add(1));
            prev_line = l.line as i64;
        }
        i += run;
    }
    out
}

/// Reads a location table in CPython 3.11's format back into one location
/// per krait instruction word, for `code.replace(co_linetable=...)`: a word
/// takes the location of its first code unit; words past the end of the
/// table get none. Errors name what krait cannot represent.
pub fn parse_linetable(table: &[u8], nwords: usize, firstlineno: u32) -> Result<Vec<Location>, &'static str> {
    let mut pos = 0;
    let mut next = || -> Result<u8, &'static str> {
        let b = *table.get(pos).ok_or("truncated location table entry")?;
        pos += 1;
        Ok(b)
    };
    let mut units = Vec::with_capacity(nwords * UNITS_PER_WORD);
    let mut line = firstlineno as i64;
    while units.len() < nwords * UNITS_PER_WORD {
        let first = match next() {
            Ok(b) => b,
            Err(_) => break,
        };
        if first & 0x80 == 0 {
            return Err("location table entry does not start with bit 7 set");
        }
        let code = (first >> 3) & 15;
        let len = (first & 7) as usize + 1;
        let read_varint = |next: &mut dyn FnMut() -> Result<u8, &'static str>| -> Result<u32, &'static str> {
            let (mut v, mut shift) = (0u64, 0);
            loop {
                let b = next()?;
                v |= ((b & 63) as u64) << shift;
                if b & 64 == 0 || shift > 30 {
                    break;
                }
                shift += 6;
            }
            u32::try_from(v).map_err(|_| "location table value out of range")
        };
        let loc = match code {
            15 => Location::default(),
            13 | 14 => {
                let z = read_varint(&mut next)?;
                line += if z & 1 != 0 { -((z >> 1) as i64) } else { (z >> 1) as i64 };
                let l = u32::try_from(line).ok().filter(|&l| l > 0).ok_or("krait cannot represent line numbers below 1")?;
                if code == 13 {
                    Location { line: l, end_line: l, col: Location::NO_COL, end_col: Location::NO_COL }
                } else {
                    let end_line = l.saturating_add(read_varint(&mut next)?);
                    // Columns are stored plus one; zero means unknown.
                    let col = read_varint(&mut next)?.checked_sub(1).unwrap_or(Location::NO_COL);
                    let end_col = read_varint(&mut next)?.checked_sub(1).unwrap_or(Location::NO_COL);
                    Location { line: l, end_line, col, end_col }
                }
            }
            10..=12 => {
                line += (code - 10) as i64;
                let l = u32::try_from(line).ok().filter(|&l| l > 0).ok_or("krait cannot represent line numbers below 1")?;
                let (col, end_col) = (next()? as u32, next()? as u32);
                Location { line: l, end_line: l, col, end_col }
            }
            _ => {
                let l = u32::try_from(line).ok().filter(|&l| l > 0).ok_or("krait cannot represent line numbers below 1")?;
                let b = next()? as u32;
                let col = code as u32 * 8 + ((b >> 4) & 7);
                Location { line: l, end_line: l, col, end_col: col + (b & 15) }
            }
        };
        units.extend(std::iter::repeat(loc).take(len));
    }
    Ok((0..nwords).map(|i| units.get(i * UNITS_PER_WORD).copied().unwrap_or_default()).collect())
}

/// Varint of the exception table: 6-bit groups, most significant first,
/// bit 6 meaning "more follows"; bit 7 marks an entry's first byte.
fn exc_varint(out: &mut Vec<u8>, v: u32, first: bool) {
    let mut shift = 0;
    while shift + 6 < 32 && v >> (shift + 6) != 0 {
        shift += 6;
    }
    let mut mark = if first { 128 } else { 0 };
    loop {
        let more = if shift > 0 { 64 } else { 0 };
        out.push(mark | more | ((v >> shift) & 63) as u8);
        mark = 0;
        if shift == 0 {
            break;
        }
        shift -= 6;
    }
}

/// The exception table: per entry its start, length and target in code
/// units, then depth * 2 + lasti.
pub fn exceptiontable(entries: &[ExceptionEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        let units = UNITS_PER_WORD as u32;
        exc_varint(&mut out, e.start * units, true);
        exc_varint(&mut out, e.end.saturating_sub(e.start) * units, false);
        exc_varint(&mut out, e.target * units, false);
        exc_varint(&mut out, e.depth * 2 + e.push_lasti as u32, false);
    }
    out
}

/// The deprecated `co_lnotab`: (byte offset increment, line increment)
/// pairs from `co_lines()`' runs, increments split to fit a byte (the line
/// increment signed).
pub fn lnotab(lines: &[(usize, usize, Option<u32>)], firstlineno: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut prev_offset, mut prev_line) = (0usize, firstlineno as i64);
    for &(start, _, line) in lines {
        let Some(line) = line else { continue };
        let mut bdelta = start - prev_offset;
        let mut ldelta = line as i64 - prev_line;
        if bdelta == 0 && ldelta == 0 {
            continue;
        }
        while bdelta > 255 {
            out.extend_from_slice(&[255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend_from_slice(&[bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend_from_slice(&[bdelta as u8, (-128i8) as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend_from_slice(&[bdelta as u8, ldelta as i8 as u8]);
        prev_offset = start;
        prev_line = line as i64;
    }
    out
}
