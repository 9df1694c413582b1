//! UTF-7 (RFC 2152) for `_codecs.utf_7_encode`/`utf_7_decode`, as CPython
//! writes and reads it: the RFC's direct characters and "optional direct"
//! set O plus tab/CR/LF/space go through as themselves, everything else in
//! '+'-introduced base-64 runs of UTF-16 units; a run ends at the first
//! non-base-64 byte ('-' is absorbed). Decoding keeps a run open across
//! calls by handing back its bytes as unconsumed.

use super::{bytes_input, final_arg, new_unicode_exc, pair, run_decode_handler, str_input};
use krait_runtime::object::Obj;
use krait_runtime::types::{bytes, exceptions, str as pystr};
use krait_runtime::PyResult;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn from_b64(b: u8) -> Option<u32> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Written as itself outside a base-64 run.
fn encode_direct(c: u32) -> bool {
    c < 128 && c > 0 && !matches!(c as u8, b'+' | b'\\' | b'~') && (c >= 0x20 && c != 0x7f || matches!(c, 9 | 10 | 13))
}

/// Read as itself outside a base-64 run.
fn decode_direct(b: u8) -> bool {
    b <= 127 && b != b'+'
}

pub fn encode(s: &Obj) -> Vec<u8> {
    let mut out = Vec::new();
    let mut in_shift = false;
    let (mut bits, mut buf) = (0u32, 0u64);
    let mut units: Vec<u32> = Vec::with_capacity(2);
    for c in pystr::chars(s) {
        if !in_shift {
            if c == '+' as u32 {
                out.extend_from_slice(b"+-");
                continue;
            }
            if encode_direct(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        } else if encode_direct(c) {
            if bits > 0 {
                out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
                bits = 0;
                buf = 0;
            }
            in_shift = false;
            // A base-64 character or '-' after the run needs the explicit end.
            if from_b64(c as u8).is_some() || c == '-' as u32 {
                out.push(b'-');
            }
            out.push(c as u8);
            continue;
        }
        units.clear();
        if c >= 0x10000 {
            units.push(0xD800 | ((c - 0x10000) >> 10));
            units.push(0xDC00 | ((c - 0x10000) & 0x3FF));
        } else {
            units.push(c);
        }
        for &u in &units {
            buf = (buf << 16) | u as u64;
            bits += 16;
            while bits >= 6 {
                out.push(B64[((buf >> (bits - 6)) & 0x3f) as usize]);
                bits -= 6;
            }
            buf &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// Decodes `data`; returns the text and the bytes consumed (all of them
/// when `fin`; otherwise an open run is left for the next call).
pub fn decode(input: &[u8], errors: &str, fin: bool) -> PyResult<(Obj, usize)> {
    let mut data = input.to_vec();
    let mut whole = bytes::new(input);
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut in_shift = false;
    let (mut bits, mut buf) = (0u32, 0u64);
    let mut surrogate: u32 = 0;
    let mut shift_start = 0usize; // position of the run's '+'
    let mut shift_out = 0usize; // output length when the run began
    let mut i = 0usize;
    loop {
        while i < data.len() {
            let b = data[i];
            let err: (usize, usize, &str);
            if in_shift {
                if let Some(v) = from_b64(b) {
                    buf = (buf << 6) | v as u64;
                    bits += 6;
                    i += 1;
                    if bits >= 16 {
                        let unit = ((buf >> (bits - 16)) & 0xffff) as u32;
                        bits -= 16;
                        buf &= (1 << bits) - 1;
                        if surrogate != 0 {
                            if (0xDC00..0xE000).contains(&unit) {
                                out.push(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                                surrogate = 0;
                                continue;
                            }
                            out.push(surrogate);
                            surrogate = 0;
                        }
                        if (0xD800..0xDC00).contains(&unit) {
                            surrogate = unit;
                        } else {
                            out.push(unit);
                        }
                    }
                    continue;
                }
                // The run ends here.
                in_shift = false;
                if bits >= 6 {
                    i += 1;
                    err = (shift_start, i, "partial character in shift sequence");
                } else if bits > 0 && buf != 0 {
                    i += 1;
                    err = (shift_start, i, "non-zero padding bits in shift sequence");
                } else {
                    if surrogate != 0 && decode_direct(b) {
                        out.push(surrogate);
                    }
                    surrogate = 0;
                    if b == b'-' {
                        i += 1;
                    }
                    continue;
                }
            } else if b == b'+' {
                let start = i;
                i += 1;
                if i < data.len() && data[i] == b'-' {
                    i += 1;
                    out.push('+' as u32);
                    continue;
                }
                if i < data.len() && from_b64(data[i]).is_none() {
                    i += 1;
                    err = (start, i, "ill-formed sequence");
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_start = start;
                    shift_out = out.len();
                    bits = 0;
                    buf = 0;
                    continue;
                }
            } else if decode_direct(b) {
                out.push(b as u32);
                i += 1;
                continue;
            } else {
                err = (i, i + 1, "unexpected special character");
                i += 1;
            }
            let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), "utf7", &whole, err.0, err.1, err.2)?;
            let (rep, pos) = run_decode_handler(errors, exc, &mut data, &mut whole)?;
            out.extend(pystr::chars(&rep));
            i = pos;
        }
        // End of input inside a run.
        if in_shift && fin {
            in_shift = false;
            if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
                let exc = new_unicode_exc(exceptions::UnicodeDecodeError(), "utf7", &whole, shift_start, data.len(), "unterminated shift sequence")?;
                let (rep, pos) = run_decode_handler(errors, exc, &mut data, &mut whole)?;
                out.extend(pystr::chars(&rep));
                i = pos;
                surrogate = 0;
                if i < data.len() {
                    continue;
                }
            }
        }
        break;
    }
    if in_shift && !fin {
        out.truncate(shift_out);
        return Ok((pystr::from_code_points(&out), shift_start));
    }
    Ok((pystr::from_code_points(&out), i))
}

pub fn utf_7_encode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (s, _errors, _) = str_input("utf_7_encode", args, kw, &[])?;
    Ok(pair(bytes::new(&encode(&s)), pystr::len(&s)))
}

pub fn utf_7_decode(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (data, errors, rest) = bytes_input("utf_7_decode", args, kw, &["final"])?;
    let (s, n) = decode(&data, &errors, final_arg(&rest[0])?)?;
    Ok(pair(s, n))
}
