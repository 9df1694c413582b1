//! Character predicates of `_sre`: the CHCODES categories, case mappings
//! for the IGNORECASE opcodes (ASCII, C locale, Unicode) and set membership
//! over IN's LITERAL/RANGE/CHARSET/BIGCHARSET/CATEGORY/NEGATE items.

use super::engine::{BIGCHARSET, CATEGORY, CHARSET, FAILURE, LITERAL, NEGATE, RANGE, RANGE_UNI_IGNORE};
use krait_runtime::types::str_unicode as ucd;

fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

fn is_ascii_space(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d)
}

fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

fn is_uni_word(c: u32) -> bool {
    ucd::is_alnum(c) || c == b'_' as u32
}

/// A CHCODES category test.
pub fn category(code: u32, c: u32) -> bool {
    match code {
        0 => is_ascii_digit(c),
        1 => !is_ascii_digit(c),
        2 => is_ascii_space(c),
        3 => !is_ascii_space(c),
        4 => is_ascii_word(c),
        5 => !is_ascii_word(c),
        6 => c == '\n' as u32,
        7 => c != '\n' as u32,
        // The C locale: its word characters are ASCII's.
        8 => is_ascii_word(c),
        9 => !is_ascii_word(c),
        10 => ucd::is_decimal(c),
        11 => !ucd::is_decimal(c),
        12 => ucd::is_space(c),
        13 => !ucd::is_space(c),
        14 => is_uni_word(c),
        15 => !is_uni_word(c),
        16 => ucd::is_linebreak(c),
        17 => !ucd::is_linebreak(c),
        _ => false,
    }
}

pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

pub fn upper_ascii(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// tolower() of the C locale for characters below 256.
pub fn lower_locale(c: u32) -> u32 {
    lower_ascii(c)
}

pub fn upper_locale(c: u32) -> u32 {
    upper_ascii(c)
}

pub fn lower_unicode(c: u32) -> u32 {
    ucd::to_lower_simple(c)
}

pub fn upper_unicode(c: u32) -> u32 {
    ucd::to_upper_simple(c)
}

/// Is `ch` in the set starting at `p` (ends with FAILURE)?
pub fn in_set(code: &[u32], mut p: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        match code[p] {
            FAILURE => return !ok,
            LITERAL => {
                if ch == code[p + 1] {
                    return ok;
                }
                p += 2;
            }
            CATEGORY => {
                if category(code[p + 1], ch) {
                    return ok;
                }
                p += 2;
            }
            CHARSET => {
                if ch < 256 && code[p + 1 + (ch >> 5) as usize] & (1 << (ch & 31)) != 0 {
                    return ok;
                }
                p += 1 + 8;
            }
            RANGE => {
                if code[p + 1] <= ch && ch <= code[p + 2] {
                    return ok;
                }
                p += 3;
            }
            RANGE_UNI_IGNORE => {
                if code[p + 1] <= ch && ch <= code[p + 2] {
                    return ok;
                }
                let u = upper_unicode(ch);
                if code[p + 1] <= u && u <= code[p + 2] {
                    return ok;
                }
                p += 3;
            }
            NEGATE => {
                ok = !ok;
                p += 1;
            }
            BIGCHARSET => {
                let count = code[p + 1] as usize;
                let table = p + 2;
                if ch < 65536 {
                    let k = (ch >> 8) as usize;
                    let block = (code[table + k / 4] >> (8 * (k % 4))) & 0xff;
                    let words = table + 64 + block as usize * 8;
                    let c = ch & 255;
                    if code[words + (c >> 5) as usize] & (1 << (c & 31)) != 0 {
                        return ok;
                    }
                }
                p = table + 64 + count * 8;
            }
            _ => return false,
        }
    }
}
