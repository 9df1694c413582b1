//! Source decoding: UTF-8 BOM and PEP 263 coding cookies, with CPython's errors.

use krait_bytecode::{CompileError, CompileErrorKind};

fn err(msg: String, filename: &str, lineno: u32) -> CompileError {
    CompileError { kind: CompileErrorKind::SyntaxError, msg, filename: filename.to_owned(), lineno, offset: 0, end_lineno: lineno, end_offset: 0, text: None }
}

/// An error of the decoding stage, which CPython reports with no place in
/// the source: line 0, offset -1, no end (`end_offset` -1 marks it, see
/// `is_unplaced`).
pub fn unplaced_error(msg: String, filename: &str) -> CompileError {
    CompileError { kind: CompileErrorKind::SyntaxError, msg, filename: filename.to_owned(), lineno: 0, offset: 0, end_lineno: 0, end_offset: -1, text: None }
}

/// Whether `e` is one of `unplaced_error`'s.
pub fn is_unplaced(e: &CompileError) -> bool {
    e.lineno == 0 && e.end_offset == -1
}

/// The message `decode_source` gives a coding cookie naming an encoding it
/// does not decode natively (a caller with a codec registry may try it).
pub const UNKNOWN_ENCODING: &str = "unknown encoding: ";

/// The coding cookie of a line, if it has one (`# -*- coding: latin-1 -*-`).
fn cookie(line: &[u8]) -> Option<String> {
    let l = String::from_utf8_lossy(line);
    let t = l.trim_start_matches([' ', '\t', '\x0c']);
    if !t.starts_with('#') {
        return None;
    }
    let p = t.find("coding")?;
    let rest = &t[p + 6..];
    let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
    let name: String = rest.trim_start_matches([' ', '\t']).chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.').collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

/// CPython's get_normal_name.
fn normal_name(name: &str) -> String {
    let n: String = name.chars().take(12).collect::<String>().to_ascii_lowercase().replace('_', "-");
    if n == "utf-8" || n.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for l in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if n == l || n.starts_with(&format!("{}-", l)) {
            return "iso-8859-1".into();
        }
    }
    name.to_owned()
}

fn is_blank_or_comment(line: &[u8]) -> bool {
    let t: Vec<u8> = line.iter().copied().skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c')).collect();
    t.is_empty() || t[0] == b'#' || t[0] == b'\r' || t[0] == b'\n'
}

/// The coding cookie of the first two lines (PEP 263) and its line.
fn find_cookie(bytes: &[u8]) -> Option<(String, u32)> {
    let mut lines = bytes.split_inclusive(|b| *b == b'\n');
    let l1 = lines.next()?;
    if let Some(c) = cookie(l1) {
        return Some((c, 1));
    }
    if is_blank_or_comment(l1) {
        if let Some(c) = lines.next().and_then(cookie) {
            return Some((c, 2));
        }
    }
    None
}

/// Whether the source declares its encoding (a PEP 263 cookie).
pub fn declares_encoding(bytes: &[u8]) -> bool {
    find_cookie(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).is_some()
}

/// Decodes source bytes as CPython's tokenizer does.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(b) => (true, b),
        None => (false, bytes),
    };
    let encoding = find_cookie(bytes);
    let enc = match &encoding {
        Some((name, line)) => {
            let n = normal_name(name);
            if bom && n != "utf-8" {
                return Err(unplaced_error(format!("encoding problem: {} with BOM", n), filename));
            }
            (n, *line)
        }
        None => ("utf-8".into(), 0),
    };
    let lower = enc.0.to_ascii_lowercase().replace('_', "-");
    match lower.as_str() {
        "utf-8" | "utf8" => String::from_utf8(bytes.to_vec()).or_else(|e| {
            let pos = e.utf8_error().valid_up_to();
            let (place, body_start, lit_end) = literal_place(bytes, pos);
            if place == Place::Comment {
                // CPython's tokenizer skips comments without decoding them.
                return Ok(String::from_utf8_lossy(bytes).into_owned());
            }
            let line = |at: usize| bytes[..at.min(bytes.len())].iter().filter(|b| **b == b'\n').count() as u32 + 1;
            if place == Place::Code {
                // The tokenizer's error at the byte itself, with no end; it
                // decodes the name-like run of bytes holding it on its own.
                let is_word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80;
                let tok_start = bytes[..pos].iter().rposition(|c| !is_word(c)).map(|p| p + 1).unwrap_or(0);
                let tok_end = bytes[pos..].iter().position(|c| !is_word(c)).map(|p| pos + p).unwrap_or(bytes.len());
                let mut e = err(format!("(unicode error) {}", utf8_message(&bytes[tok_start..tok_end], pos - tok_start, 0)), filename, line(pos));
                let (col, text) = column_and_line(bytes, pos);
                e.offset = col + 1;
                e.end_offset = -1;
                e.text = Some(text);
                return Err(e);
            }
            // A string literal is decoded on its own (positions count from
            // its body) when the parser has read the token after it (and
            // after any literals concatenated to it): the error is there.
            let body_end = if lit_end >= bytes.len() { bytes.len() } else { lit_end - closing_len(bytes, body_start) };
            let msg = format!("(unicode error) {}", utf8_message(&bytes[body_start..body_end.max(pos)], pos - body_start, 0));
            let (at, len) = token_after_strings(bytes, lit_end);
            let mut e = err(msg, filename, line(at));
            let (col, text) = column_and_line(bytes, at);
            let end_col = column_and_line(bytes, at + len).0;
            e.offset = col + 1;
            e.end_lineno = e.lineno;
            e.end_offset = end_col as i32 + 1;
            e.text = Some(text);
            Err(e)
        }),
        // latin_1 and its aliases (encodings.aliases).
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" | "l1" | "latin" | "iso-latin-1" | "iso8859" | "8859" | "cp819" | "iso-ir-100"
        | "csisolatin1" | "ibm819" | "iso-8859-1-1987" => Ok(bytes.iter().map(|b| *b as char).collect()),
        "ascii" | "us-ascii" | "646" => {
            if let Some(p) = bytes.iter().position(|b| *b >= 128) {
                return Err(unplaced_error(format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", bytes[p], p), filename));
            }
            Ok(String::from_utf8_lossy(bytes).into_owned())
        }
        "cp1252" | "windows-1252" => Ok(bytes.iter().map(|b| cp1252(*b)).collect()),
        "iso-8859-15" | "latin-9" | "latin9" | "iso8859-15" => Ok(bytes
            .iter()
            .map(|b| match b {
                0xa4 => '\u{20ac}',
                0xa6 => '\u{160}',
                0xa8 => '\u{161}',
                0xb4 => '\u{17d}',
                0xb8 => '\u{17e}',
                0xbc => '\u{152}',
                0xbd => '\u{153}',
                0xbe => '\u{178}',
                _ => *b as char,
            })
            .collect()),
        "koi8-r" => Ok(bytes.iter().map(|b| koi8_r(*b)).collect()),
        _ => Err(unplaced_error(format!("{}{}", UNKNOWN_ENCODING, enc.0), filename)),
    }
}

fn cp1252(b: u8) -> char {
    const HI: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
        0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    if (0x80..0xa0).contains(&b) {
        char::from_u32(HI[(b - 0x80) as usize] as u32).unwrap()
    } else {
        b as char
    }
}

fn koi8_r(b: u8) -> char {
    const HI: &str = "─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u{a0}⌡°²·÷═║╒ё╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡Ё╢╣╤╥╦╧╨╩╪╫╬©юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ";
    if b < 0x80 {
        b as char
    } else {
        HI.chars().nth((b - 0x80) as usize).unwrap_or('\u{fffd}')
    }
}

/// Python's message for the invalid UTF-8 at `pos` of `data` ("'utf-8'
/// codec can't decode byte 0x.. in position N: why"), N counted from
/// `base`.
fn utf8_message(data: &[u8], pos: usize, base: usize) -> String {
    let why = match std::str::from_utf8(&data[pos..]) {
        Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => "unexpected end of data",
        _ if data[pos] >= 0x80 && data[pos] < 0xc2 || data[pos] > 0xf4 => "invalid start byte",
        _ => "invalid continuation byte",
    };
    format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", data[pos], pos - base, why)
}

/// The length of the quotes closing the literal whose body starts at `body`.
fn closing_len(b: &[u8], body: usize) -> usize {
    if body >= 3 && b[body - 1] == b[body - 2] && b[body - 2] == b[body - 3] && matches!(b[body - 1], b'\'' | b'"') {
        3
    } else {
        1
    }
}

/// The column of byte `at` — in bytes: CPython does not convert it to
/// characters for these errors — and the text of its line as Python's
/// "replace" decoding shows it.
fn column_and_line(b: &[u8], at: usize) -> (u32, String) {
    let at = at.min(b.len());
    let start = b[..at].iter().rposition(|c| *c == b'\n').map(|p| p + 1).unwrap_or(0);
    let end = b[at..].iter().position(|c| *c == b'\n').map(|p| at + p + 1).unwrap_or(b.len());
    let col = (at - start) as u32;
    let mut text = String::from_utf8_lossy(&b[start..end]).into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    (col, text)
}

/// The token after the string literal ending at `from` and any literals
/// concatenated to it: its start and length (a NEWLINE token spans a
/// comment before it).
fn token_after_strings(b: &[u8], mut i: usize) -> (usize, usize) {
    let depth = crate::brackets::open_brackets(b, i).len();
    loop {
        i = crate::brackets::skip_blanks(b, i);
        if i < b.len() && b[i] == b'\n' && depth > 0 {
            i += 1;
            continue;
        }
        if i < b.len() && b[i] == b'#' && depth > 0 {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        // Another literal (with its prefix) continues the sequence.
        let mut q = i;
        while q < b.len() && q - i < 2 && b[q].is_ascii_alphabetic() {
            q += 1;
        }
        if q < b.len() && matches!(b[q], b'\'' | b'"') && b[i..q].iter().all(|c| b"rRbBuUfF".contains(c)) {
            i = crate::brackets::skip_string(b, q);
            continue;
        }
        break;
    }
    if i >= b.len() || b[i] == b'\n' {
        return (i, 0);
    }
    if b[i] == b'#' {
        let end = b[i..].iter().position(|c| *c == b'\n').map(|p| i + p).unwrap_or(b.len());
        return (i, end - i);
    }
    (i, crate::brackets::token_len(b, i))
}

#[derive(PartialEq)]
enum Place {
    Code,
    Comment,
    String,
}

/// Where byte `pos` lies: in code, a comment, or a string literal (with
/// the offset where that literal's body starts) — CPython decodes each
/// string literal on its own, so positions in its messages count from there.
fn literal_place(b: &[u8], pos: usize) -> (Place, usize, usize) {
    let mut i = 0;
    while i < pos {
        match b[i] {
            b'#' => {
                let end = b[i..].iter().position(|c| *c == b'\n').map(|p| i + p).unwrap_or(b.len());
                if pos < end {
                    return (Place::Comment, 0, 0);
                }
                i = end;
            }
            q @ (b'\'' | b'"') => {
                let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
                let body = if triple { i + 3 } else { i + 1 };
                let mut j = body;
                let end = loop {
                    if j >= b.len() {
                        break b.len();
                    }
                    if b[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && b[j] == b'\n' {
                        break j;
                    }
                    if b[j] == q && (!triple || (b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q)) {
                        break j;
                    }
                    j += 1;
                };
                if pos >= body && pos < end {
                    let close = if end >= b.len() { b.len() } else if triple { end + 3 } else { end + 1 };
                    return (Place::String, body, close);
                }
                i = if triple { end + 3 } else { end + 1 };
            }
            _ => i += 1,
        }
    }
    (Place::Code, 0, 0)
}
