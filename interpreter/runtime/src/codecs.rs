//! The native codecs str.encode/bytes.decode use: UTF-8, UTF-16 and UTF-32
//! (with and without byte order), ASCII and Latin-1, with the standard
//! error handlers and CPython's UnicodeEncodeError/UnicodeDecodeError
//! (a strict error covers the whole run of characters the codec cannot
//! encode, as CPython reports "characters in position 2-3").

use crate::errors::{PyErr, PyResult};
use crate::object::Obj;
use crate::types::{bytes, int, str as pystr};

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16 { big: bool, bom: bool },
    Utf32 { big: bool, bom: bool },
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 { bom: true, .. } => "utf-16",
            Codec::Utf16 { big: false, .. } => "utf-16-le",
            Codec::Utf16 { big: true, .. } => "utf-16-be",
            Codec::Utf32 { bom: true, .. } => "utf-32",
            Codec::Utf32 { big: false, .. } => "utf-32-le",
            Codec::Utf32 { big: true, .. } => "utf-32-be",
        }
    }
}

/// The codec for an encoding name, normalised as CPython's
/// encodings.normalize_encoding plus the common aliases.
fn lookup(encoding: &str) -> PyResult<Codec> {
    let n = encoding.to_ascii_lowercase().replace(['-', ' '], "_");
    Ok(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16 { big: false, bom: true },
        "utf_16_le" | "utf_16le" => Codec::Utf16 { big: false, bom: false },
        "utf_16_be" | "utf_16be" => Codec::Utf16 { big: true, bom: false },
        "utf_32" | "utf32" | "u32" => Codec::Utf32 { big: false, bom: true },
        "utf_32_le" | "utf_32le" => Codec::Utf32 { big: false, bom: false },
        "utf_32_be" | "utf_32be" => Codec::Utf32 { big: true, bom: false },
        _ => crate::bail!(LookupError, "unknown encoding: {}", encoding),
    })
}

fn unknown_handler(name: &str) -> PyErr {
    crate::raise!(LookupError, "unknown error handler name '{}'", name)
}

fn encode_error(enc: &str, s: &Obj, start: usize, end: usize, reason: &str) -> PyErr {
    crate::errors::raise_with(
        crate::types::exceptions::UnicodeEncodeError(),
        &[pystr::new(enc), s.clone(), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
    )
}

fn decode_error(enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    crate::errors::raise_with(
        crate::types::exceptions::UnicodeDecodeError(),
        &[pystr::new(enc), bytes::new(data), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
    )
}

fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

/// Appends one code point in `codec`'s own form (the caller has checked
/// the codec can encode it, or a handler asked for it as is).
fn put(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Utf8 => {
            if c < 0x80 {
                out.push(c as u8);
            } else if c < 0x800 {
                out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
            } else if c < 0x10000 {
                out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]);
            } else {
                out.extend_from_slice(&[
                    0xf0 | (c >> 18) as u8,
                    0x80 | ((c >> 12) & 0x3f) as u8,
                    0x80 | ((c >> 6) & 0x3f) as u8,
                    0x80 | (c & 0x3f) as u8,
                ]);
            }
        }
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Utf16 { big, .. } => {
            let mut unit = |u: u16| out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            if c >= 0x10000 {
                let v = c - 0x10000;
                unit(0xd800 | (v >> 10) as u16);
                unit(0xdc00 | (v & 0x3ff) as u16);
            } else {
                unit(c as u16);
            }
        }
        Codec::Utf32 { big, .. } => out.extend_from_slice(&if big { c.to_be_bytes() } else { c.to_le_bytes() }),
    }
}

fn can_encode(codec: Codec, c: u32) -> bool {
    match codec {
        Codec::Ascii => c < 0x80,
        Codec::Latin1 => c < 0x100,
        _ => !is_surrogate(c),
    }
}

/// Encoding through the codec registry (`_codecs`), for encodings the
/// native codecs do not know.
pub type EncodeHook = fn(&Obj, &str, Option<&str>) -> PyResult<Vec<u8>>;
/// Decoding through the codec registry.
pub type DecodeHook = fn(&[u8], &str, Option<&str>) -> PyResult<Obj>;

/// The error handlers the native codecs implement; others are Python
/// callables from the registry.
const NATIVE_HANDLERS: &[&str] =
    &["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass", "namereplace"];

static REGISTRY_HOOKS: std::sync::OnceLock<(EncodeHook, DecodeHook)> = std::sync::OnceLock::new();

/// The Unicode name of a character, for the namereplace handler (installed
/// by `unicodedata`, whose database it is).
static NAME_HOOK: std::sync::OnceLock<fn(u32) -> Option<String>> = std::sync::OnceLock::new();

pub fn set_name_hook(f: fn(u32) -> Option<String>) {
    let _ = NAME_HOOK.set(f);
}

/// Installs the registry fallback (done by the `_codecs` module).
pub fn set_registry_hooks(encode: EncodeHook, decode: DecodeHook) {
    let _ = REGISTRY_HOOKS.set((encode, decode));
}

/// In development mode (-X dev), CPython checks the encoding and the errors
/// handler of every str.encode/bytes.decode/str() even when no error occurs.
fn dev_mode_check(encoding: &str, errors: Option<&str>) -> PyResult<()> {
    if crate::modules::sys::flag("dev_mode") == 0 {
        return Ok(());
    }
    // Native codecs and handlers exist; only other names ask the registry.
    let native_codec = lookup(encoding).is_ok() || {
        crate::errors::clear();
        false
    };
    let foreign_errors = errors.filter(|e| !NATIVE_HANDLERS.contains(e));
    if native_codec && foreign_errors.is_none() {
        return Ok(());
    }
    let codecs = crate::import::import_module_level(&pystr::new("_codecs"), None, None, 0)?;
    if !native_codec {
        crate::ops::attr::call_method(&codecs, "lookup", &[pystr::new(encoding)])?;
    }
    if let Some(e) = foreign_errors {
        crate::ops::attr::call_method(&codecs, "lookup_error", &[pystr::new(e)])?;
    }
    Ok(())
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &Obj, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    dev_mode_check(encoding, errors)?;
    if let (Some(h), Some(e)) = (REGISTRY_HOOKS.get(), errors) {
        if !NATIVE_HANDLERS.contains(&e) {
            return (h.0)(s, encoding, errors);
        }
    }
    let codec = match (lookup(encoding), REGISTRY_HOOKS.get()) {
        (Ok(c), _) => c,
        (Err(_), Some(h)) => {
            crate::errors::clear();
            return (h.0)(s, encoding, errors);
        }
        (Err(e), None) => return Err(e),
    };
    let errors = errors.unwrap_or("strict");
    let cps = pystr::code_points(s);
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16 { bom: true, .. } => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32 { bom: true, .. } => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    };
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if can_encode(codec, c) {
            put(&mut out, codec, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && !can_encode(codec, cps[end]) {
            end += 1;
        }
        let run = &cps[i..end];
        match errors {
            "strict" => return Err(encode_error(codec.name(), s, i, end, reason)),
            "ignore" => {}
            "replace" => run.iter().for_each(|_| put(&mut out, codec, '?' as u32)),
            "backslashreplace" => {
                for &c in run {
                    let e = if c <= 0xff {
                        format!("\\x{:02x}", c)
                    } else if c <= 0xffff {
                        format!("\\u{:04x}", c)
                    } else {
                        format!("\\U{:08x}", c)
                    };
                    e.chars().for_each(|x| put(&mut out, codec, x as u32));
                }
            }
            "xmlcharrefreplace" => {
                for &c in run {
                    format!("&#{};", c).chars().for_each(|x| put(&mut out, codec, x as u32));
                }
            }
            "surrogateescape" => {
                if run.iter().any(|c| !(0xdc80..0xdd00).contains(c)) || !matches!(codec, Codec::Utf8 | Codec::Ascii | Codec::Latin1) {
                    let bad = run.iter().position(|c| !(0xdc80..0xdd00).contains(c)).unwrap_or(0);
                    return Err(encode_error(codec.name(), s, i + bad, end, reason));
                }
                out.extend(run.iter().map(|c| (c - 0xdc00) as u8));
            }
            "surrogatepass" => {
                if !matches!(codec, Codec::Utf8 | Codec::Utf16 { .. } | Codec::Utf32 { .. }) || run.iter().any(|c| !is_surrogate(*c)) {
                    return Err(encode_error(codec.name(), s, i, end, reason));
                }
                run.iter().for_each(|c| put(&mut out, codec, *c));
            }
            "namereplace" => {
                for &c in run {
                    let e = match NAME_HOOK.get().and_then(|f| f(c)) {
                        Some(n) => format!("\\N{{{}}}", n),
                        None if c <= 0xff => format!("\\x{:02x}", c),
                        None if c <= 0xffff => format!("\\u{:04x}", c),
                        None => format!("\\U{:08x}", c),
                    };
                    e.chars().for_each(|x| put(&mut out, codec, x as u32));
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i = end;
    }
    Ok(out)
}

/// What a decoding error handler substitutes for the bytes `bad`.
fn handle_decode(errors: &str, codec: Codec, data: &[u8], start: usize, end: usize, reason: &str, cps: &mut Vec<u32>) -> PyResult<()> {
    let bad = &data[start..end];
    match errors {
        "strict" => return Err(decode_error(codec.name(), data, start, end, reason)),
        "ignore" => {}
        "replace" => cps.push(0xfffd),
        "backslashreplace" => {
            for b in bad {
                cps.extend(format!("\\x{:02x}", b).chars().map(|c| c as u32));
            }
        }
        "surrogateescape" => {
            if bad.iter().any(|b| *b < 0x80) {
                return Err(decode_error(codec.name(), data, start, end, reason));
            }
            cps.extend(bad.iter().map(|b| 0xdc00 + *b as u32));
        }
        "surrogatepass" | "xmlcharrefreplace" | "namereplace" => {
            return Err(decode_error(codec.name(), data, start, end, reason));
        }
        other => return Err(unknown_handler(other)),
    }
    Ok(())
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: Option<&str>) -> PyResult<Obj> {
    dev_mode_check(encoding, errors)?;
    if let (Some(h), Some(e)) = (REGISTRY_HOOKS.get(), errors) {
        if !NATIVE_HANDLERS.contains(&e) {
            return (h.1)(data, encoding, errors);
        }
    }
    let codec = match (lookup(encoding), REGISTRY_HOOKS.get()) {
        (Ok(c), _) => c,
        (Err(_), Some(h)) => {
            crate::errors::clear();
            return (h.1)(data, encoding, errors);
        }
        (Err(e), None) => return Err(e),
    };
    let errors = errors.unwrap_or("strict");
    let mut cps: Vec<u32> = Vec::with_capacity(data.len());
    match codec {
        Codec::Utf8 => {
            let mut i = 0;
            while i < data.len() {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        cps.extend(s.chars().map(|c| c as u32));
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        cps.extend(std::str::from_utf8(&data[i..i + good]).unwrap().chars().map(|c| c as u32));
                        i += good;
                        // surrogatepass: an encoded surrogate (ED A0..BF xx).
                        if errors == "surrogatepass"
                            && data.len() >= i + 3
                            && data[i] == 0xed
                            && (0xa0..0xc0).contains(&data[i + 1])
                            && (0x80..0xc0).contains(&data[i + 2])
                        {
                            cps.push(0xd000 | ((data[i + 1] as u32 & 0x3f) << 6) | (data[i + 2] as u32 & 0x3f));
                            i += 3;
                            continue;
                        }
                        let bad = e.error_len().unwrap_or(data.len() - i);
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if (0x80..0xc2).contains(&data[i]) || data[i] > 0xf4 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        handle_decode(errors, codec, data, i, i + bad, reason, &mut cps)?;
                        i += bad;
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    cps.push(b as u32);
                } else {
                    handle_decode(errors, codec, data, i, i + 1, "ordinal not in range(128)", &mut cps)?;
                }
            }
        }
        Codec::Latin1 => cps.extend(data.iter().map(|b| *b as u32)),
        Codec::Utf16 { big, bom } => {
            let mut big = big;
            let mut i = 0;
            if bom && data.len() >= 2 {
                if data[..2] == [0xff, 0xfe] {
                    i = 2;
                } else if data[..2] == [0xfe, 0xff] {
                    big = true;
                    i = 2;
                }
            }
            let unit = |j: usize| -> u32 {
                let p = [data[j], data[j + 1]];
                (if big { u16::from_be_bytes(p) } else { u16::from_le_bytes(p) }) as u32
            };
            while i < data.len() {
                if i + 1 >= data.len() {
                    handle_decode(errors, codec, data, i, data.len(), "truncated data", &mut cps)?;
                    break;
                }
                let u = unit(i);
                if !is_surrogate(u) {
                    cps.push(u);
                    i += 2;
                } else if u >= 0xdc00 {
                    if errors == "surrogatepass" {
                        cps.push(u);
                    } else {
                        handle_decode(errors, codec, data, i, i + 2, "illegal encoding", &mut cps)?;
                    }
                    i += 2;
                } else if i + 3 >= data.len() && errors == "surrogatepass" && i + 2 == data.len() {
                    cps.push(u);
                    i += 2;
                } else if i + 3 >= data.len() {
                    handle_decode(errors, codec, data, i, data.len(), "unexpected end of data", &mut cps)?;
                    break;
                } else {
                    let v = unit(i + 2);
                    if (0xdc00..0xe000).contains(&v) {
                        cps.push(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
                        i += 4;
                    } else {
                        if errors == "surrogatepass" {
                            cps.push(u);
                        } else {
                            handle_decode(errors, codec, data, i, i + 2, "illegal UTF-16 surrogate", &mut cps)?;
                        }
                        i += 2;
                    }
                }
            }
        }
        Codec::Utf32 { big, bom } => {
            let mut big = big;
            let mut i = 0;
            if bom && data.len() >= 4 {
                if data[..4] == [0xff, 0xfe, 0, 0] {
                    i = 4;
                } else if data[..4] == [0, 0, 0xfe, 0xff] {
                    big = true;
                    i = 4;
                }
            }
            while i < data.len() {
                if i + 3 >= data.len() {
                    handle_decode(errors, codec, data, i, data.len(), "truncated data", &mut cps)?;
                    break;
                }
                let p = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let c = if big { u32::from_be_bytes(p) } else { u32::from_le_bytes(p) };
                if c > 0x10ffff {
                    handle_decode(errors, codec, data, i, i + 4, "code point not in range(0x110000)", &mut cps)?;
                } else if is_surrogate(c) && errors != "surrogatepass" {
                    handle_decode(errors, codec, data, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", &mut cps)?;
                } else {
                    cps.push(c);
                }
                i += 4;
            }
        }
    }
    Ok(pystr::from_code_points(&cps))
}
