//! CPython 3.11's DeprecationWarning for invalid escape sequences ("invalid
//! escape sequence '\z'", and "invalid octal escape sequence '\777'" for an
//! octal escape above 0o377): one per string token (the first invalid escape
//! in it), and per literal piece of an f-string, which 3.11 decodes piece by
//! piece. The parser keeps such escapes as written, so the check is a scan of
//! the tokens' text.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::StringFlags;
use ruff_python_parser::{parse_unchecked, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// The message for the first invalid escape in the body of a non-raw
/// literal, if any.
pub fn first_invalid_escape(body: &str, is_bytes: bool) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(&c) = b.get(i + 1) else { return None };
        match c {
            b'\n' | b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' => i += 2,
            b'N' | b'u' | b'U' if !is_bytes => i += 2,
            b'0'..=b'7' => {
                let mut j = i + 1;
                let mut v = 0u32;
                while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                    v = v * 8 + (b[j] - b'0') as u32;
                    j += 1;
                }
                if v > 0o377 {
                    return Some(format!("invalid octal escape sequence '\\{}'", &body[i + 1..j]));
                }
                i = j;
            }
            // A backslash before a non-ASCII character stays a backslash.
            c if c >= 0x80 => i += 1,
            c => return Some(format!("invalid escape sequence '\\{}'", c as char)),
        }
    }
    None
}

/// A warning found: its message and the token it is reported at (the whole
/// string, or the whole f-string, as CPython's tokenizer sees it).
pub struct EscapeWarning {
    pub msg: String,
    pub token: TextRange,
}

/// The invalid-escape warnings of the literals that start before the first
/// parse error (CPython warns while parsing, so nothing after it).
pub fn scan(source: &str, mode: ruff_python_parser::Mode) -> Vec<EscapeWarning> {
    let mut out = vec![];
    if !source.contains('\\') {
        return out;
    }
    let parsed = parse_unchecked(source, ParseOptions::from(mode).with_target_version(ruff_python_ast::PythonVersion::PY311));
    let limit = parsed.errors().iter().map(|e| e.location.start()).min().unwrap_or(TextSize::of(source));
    // Each open f-string: its start and whether it is raw.
    let mut fstrings: Vec<(TextSize, bool)> = vec![];
    let tokens = parsed.tokens();
    for (k, t) in tokens.iter().enumerate() {
        if t.start() >= limit {
            break;
        }
        match t.kind() {
            TokenKind::String => {
                let flags = t.unwrap_string_flags();
                if flags.is_raw_string() || flags.is_unclosed() {
                    continue;
                }
                let text = &source[t.range()];
                let body_start = flags.opener_len().to_usize();
                let body_end = text.len().saturating_sub(flags.closer_len().to_usize()).max(body_start);
                let is_bytes = matches!(flags.prefix(), ruff_python_ast::str_prefix::AnyStringPrefix::Bytes(_));
                if let Some(msg) = first_invalid_escape(&text[body_start..body_end], is_bytes) {
                    out.push(EscapeWarning { msg, token: t.range() });
                }
            }
            TokenKind::FStringStart => fstrings.push((t.start(), t.unwrap_string_flags().is_raw_string())),
            TokenKind::FStringEnd => {
                fstrings.pop();
            }
            TokenKind::FStringMiddle => {
                let Some(&(start, raw)) = fstrings.last() else { continue };
                if raw {
                    continue;
                }
                // The f-string's whole extent: up to its end token.
                let mut depth = 0;
                let mut end = t.end();
                for u in &tokens[k + 1..] {
                    match u.kind() {
                        TokenKind::FStringStart => depth += 1,
                        TokenKind::FStringEnd if depth == 0 => {
                            end = u.end();
                            break;
                        }
                        TokenKind::FStringEnd => depth -= 1,
                        _ => {}
                    }
                }
                let whole = TextRange::new(start, end);
                let text = &source[t.range()];
                // `\{`: the brace starts a replacement field; the backslash
                // stays in the text (3.11 warns about it while scanning).
                let trailing = text.len() - text.trim_end_matches('\\').len();
                if trailing % 2 == 1 && source[t.end().to_usize()..].starts_with('{') {
                    out.push(EscapeWarning { msg: "invalid escape sequence '\\{'".into(), token: whole });
                }
                // 3.11 ends a literal piece at each doubled brace.
                for piece in split_doubled_braces(text) {
                    if let Some(msg) = first_invalid_escape(piece, false) {
                        out.push(EscapeWarning { msg, token: whole });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn split_doubled_braces(text: &str) -> Vec<&str> {
    let mut pieces = vec![];
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if (b[i] == b'{' || b[i] == b'}') && b[i + 1] == b[i] {
            pieces.push(&text[start..i + 1]);
            i += 2;
            start = i;
            continue;
        }
        i += 1;
    }
    pieces.push(&text[start..]);
    pieces
}

/// The `\N{...}` name lookup of the Unicode database CPython 3.11 uses
/// (14.0.0, with aliases), installed by the runtime's `unicodedata`; the
/// parser's own table follows a newer Unicode version.
static NAME_LOOKUP: std::sync::OnceLock<fn(&[u8]) -> Option<u32>> = std::sync::OnceLock::new();

pub fn set_name_lookup(f: fn(&[u8]) -> Option<u32>) {
    let _ = NAME_LOOKUP.set(f);
}

/// A `\N{...}` escape in a str literal: the token, and the escape's byte
/// span in the literal's body with the name.
pub struct NamedEscape {
    pub token: TextRange,
    pub start: usize,
    pub end: usize,
    pub name: String,
}

fn named_in_body(body: &str, token: TextRange, out: &mut Vec<NamedEscape>) {
    let b = body.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b[i + 1] == b'N' && b.get(i + 2) == Some(&b'{') {
            if let Some(close) = body[i + 3..].find('}').filter(|&c| c > 0) {
                let end = i + 3 + close + 1;
                out.push(NamedEscape { token, start: i, end, name: body[i + 3..end - 1].to_owned() });
                i = end;
                continue;
            }
        }
        i += 2;
    }
}

/// Every `\N{...}` escape of the str literals (not bytes, not raw) that
/// start before the first parse error.
pub fn named_escapes(source: &str, mode: ruff_python_parser::Mode) -> Vec<NamedEscape> {
    let mut out = vec![];
    if !source.contains("\\N{") {
        return out;
    }
    let parsed = parse_unchecked(source, ParseOptions::from(mode).with_target_version(ruff_python_ast::PythonVersion::PY311));
    let limit = parsed.errors().iter().map(|e| e.location.start()).min().unwrap_or(TextSize::of(source));
    let mut fstrings: Vec<bool> = vec![];
    for t in parsed.tokens().iter() {
        if t.start() >= limit {
            break;
        }
        match t.kind() {
            TokenKind::String => {
                let flags = t.unwrap_string_flags();
                let is_bytes = matches!(flags.prefix(), ruff_python_ast::str_prefix::AnyStringPrefix::Bytes(_));
                if flags.is_raw_string() || flags.is_unclosed() || is_bytes {
                    continue;
                }
                let text = &source[t.range()];
                let body_start = flags.opener_len().to_usize();
                let body_end = text.len().saturating_sub(flags.closer_len().to_usize()).max(body_start);
                named_in_body(&text[body_start..body_end], t.range(), &mut out);
            }
            TokenKind::FStringStart => fstrings.push(t.unwrap_string_flags().is_raw_string()),
            TokenKind::FStringEnd => {
                fstrings.pop();
            }
            TokenKind::FStringMiddle if fstrings.last() == Some(&false) => {
                named_in_body(&source[t.range()], t.range(), &mut out);
            }
            _ => {}
        }
    }
    out
}

/// The message for the first escape whose name Unicode 14.0.0 lacks.
pub fn unknown_name(escapes: &[NamedEscape]) -> Option<(String, TextRange)> {
    let lookup = NAME_LOOKUP.get()?;
    escapes.iter().find(|e| lookup(e.name.as_bytes()).is_none()).map(|e| {
        (
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: unknown Unicode character name",
                e.start,
                e.end - 1
            ),
            // CPython points just past the literal's token.
            TextRange::empty(e.token.end() - TextSize::from(1)),
        )
    })
}
