//! A code object's location table packed into bytes, as .pyc files hold it
//! and as the runtime keeps it until something asks for a location (most
//! code never raises or is traced, so most tables are never unpacked).
//!
//! One location per instruction word: a tag byte 0 repeats the previous
//! location, 1 starts a new one given by four zigzag varints (the line's
//! change, the end line's distance from it, the column + 1 and the end
//! column's distance from it; a missing column is `Location::NO_COL`), and
//! k >= 2 repeats the previous location k - 1 times. Most instructions
//! share their line with the one before, so a location takes a byte or a
//! few rather than the sixteen of a `Location`.

use crate::Location;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

fn start(firstlineno: u32) -> Location {
    Location { line: firstlineno, end_line: firstlineno, col: Location::NO_COL, end_col: Location::NO_COL }
}

/// Appends the packed form of `locs` to `out`.
pub fn pack(out: &mut Vec<u8>, locs: &[Location], firstlineno: u32) {
    let mut prev = start(firstlineno);
    let mut i = 0;
    while i < locs.len() {
        let l = locs[i];
        if l != prev {
            out.push(1);
            put_varint(out, zigzag(l.line as i64 - prev.line as i64));
            put_varint(out, zigzag(l.end_line as i64 - l.line as i64));
            put_varint(out, zigzag(l.col.wrapping_add(1) as i64));
            put_varint(out, zigzag(l.end_col.wrapping_add(1) as i64 - l.col.wrapping_add(1) as i64));
            prev = l;
            i += 1;
            continue;
        }
        let mut run = 1;
        while run < 254 && i + run < locs.len() && locs[i + run] == prev {
            run += 1;
        }
        out.push(if run == 1 { 0 } else { run as u8 + 1 });
        i += run;
    }
}

/// The `n` locations packed in `data`. Like CPython with a code object's
/// co_linetable, this never rejects the bytes: damaged or short data gives
/// wrong or missing (zero) locations, never an error.
pub fn unpack(data: &[u8], n: usize, firstlineno: u32) -> Vec<Location> {
    let mut out = Vec::with_capacity(n);
    let mut prev = start(firstlineno);
    let mut pos = 0;
    let varint = |pos: &mut usize| -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        while let Some(&b) = data.get(*pos) {
            *pos += 1;
            if shift < 64 {
                v |= ((b & 0x7f) as u64) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        v
    };
    while out.len() < n {
        let Some(&tag) = data.get(pos) else { break };
        pos += 1;
        if tag == 1 {
            let field = |base: u32, d: u64| (base as i64).wrapping_add(unzigzag(d)) as u32;
            let line = field(prev.line, varint(&mut pos));
            let end_line = field(line, varint(&mut pos));
            let col = field(0, varint(&mut pos)).wrapping_sub(1);
            let end_col = field(col.wrapping_add(1), varint(&mut pos)).wrapping_sub(1);
            prev = Location { line, end_line, col, end_col };
        }
        let run = if tag <= 1 { 1 } else { tag as usize - 1 };
        let run = run.min(n - out.len());
        out.extend(std::iter::repeat(prev).take(run));
    }
    out.resize(n, Location::default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let l = |line, end_line, col, end_col| Location { line, end_line, col, end_col };
        let locs = vec![
            l(3, 3, 0, 5),
            l(3, 3, 0, 5),
            l(4, 6, Location::NO_COL, Location::NO_COL),
            l(0, 0, Location::NO_COL, Location::NO_COL),
            l(2, 2, 7, 1),
        ];
        let mut locs2 = locs.clone();
        locs2.extend(std::iter::repeat(l(9, 9, 1, 2)).take(600));
        for ls in [locs, locs2] {
            let mut packed = Vec::new();
            pack(&mut packed, &ls, 3);
            assert_eq!(unpack(&packed, ls.len(), 3), ls);
            // Short data never panics; what is missing comes back as zero.
            let cut = unpack(&packed[..packed.len() / 2], ls.len(), 3);
            assert_eq!(cut.len(), ls.len());
        }
    }
}
