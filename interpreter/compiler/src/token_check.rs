//! Errors CPython 3.11's tokenizer raises on its own, with its messages and
//! positions: malformed number literals and characters that cannot start
//! or continue a token. ruff reports these as generic parse errors; when
//! its error lies at or after such a token, CPython's tokenizer error wins.

/// A tokenizer error: the offending token's start (to compare with the
/// parser's error position), the reported byte range, and the message.
pub struct TokenError {
    pub token_start: usize,
    pub range: (usize, usize),
    pub msg: String,
}

fn is_ident_ascii(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The first tokenizer error in `source` (skipping strings and comments).
pub fn first_token_error(source: &str) -> Option<TokenError> {
    scan(source, &mut vec![])
}

/// The tokenizer's SyntaxWarnings before its first error: a number glued to
/// a keyword that may follow it (`0xfor x`, `1if x else y`) is "invalid ...
/// literal" in 3.11, but only a warning.
pub fn number_warnings(source: &str) -> Vec<TokenError> {
    let mut w = vec![];
    scan(source, &mut w);
    w
}

fn scan(source: &str, warnings: &mut Vec<TokenError>) -> Option<TokenError> {
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                if let Some(e) = unterminated_at(source, i, false) {
                    return Some(e);
                }
                i = skip_string(b, i)
            }
            b'0'..=b'9' => match number(b, i, warnings) {
                Ok(end) => i = end,
                Err(e) => return Some(e),
            },
            b'.' if i + 1 < b.len() && b[i + 1].is_ascii_digit() => match number(b, i, warnings) {
                Ok(end) => i = end,
                Err(e) => return Some(e),
            },
            _ if is_ident_ascii(c) || c >= 0x80 => {
                // An identifier (or a string prefix): every character must
                // be XID_Start first and XID_Continue after.
                let start = i;
                let mut first = true;
                while i < b.len() && (is_ident_ascii(b[i]) || b[i] >= 0x80) {
                    let ch = source[i..].chars().next().unwrap();
                    let ok = if first {
                        ch == '_' || unicode_ident::is_xid_start(ch)
                    } else {
                        unicode_ident::is_xid_continue(ch)
                    };
                    if !ok {
                        return Some(invalid_character(ch, i));
                    }
                    first = false;
                    i += ch.len_utf8();
                }
                if i == start {
                    i += 1;
                }
            }
            // Control characters other than the tokenizer's blanks.
            0x01..=0x08 | 0x0b | 0x0e..=0x1f | 0x7f => return Some(invalid_character(c as char, i)),
            _ => i += 1,
        }
    }
    None
}

/// The tokenizer's error for the string (of any kind, or only f-strings)
/// whose quote is at `q`, if it is not closed: the token starts at its
/// prefix.
fn unterminated_at(source: &str, q: usize, fstring_only: bool) -> Option<TokenError> {
    let b = source.as_bytes();
    let mut start = q;
    while start > 0 && b[start - 1].is_ascii_alphabetic() && q - start < 2 {
        start -= 1;
    }
    let glued = start > 0 && is_ident_ascii(b[start - 1]);
    if fstring_only && (glued || !source[start..q].to_ascii_lowercase().contains('f')) {
        return None;
    }
    if glued {
        // Not a prefix: the string token starts at the quote.
        start = q;
    }
    let c = b[q];
    let triple = q + 2 < b.len() && b[q + 1] == c && b[q + 2] == c;
    let n = if triple { 3 } else { 1 };
    let mut i = q + n;
    let end = loop {
        if i >= b.len() {
            break b.len();
        }
        match b[i] {
            b'\\' => i += 2,
            x if x == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c)) => return None,
            b'\n' if !triple => break i,
            _ => i += 1,
        }
    };
    let line = |at: usize| source[..at.min(source.len())].matches('\n').count() + 1;
    let msg = if triple {
        format!("unterminated triple-quoted string literal (detected at line {})", source.lines().count().max(1))
    } else {
        format!("unterminated string literal (detected at line {})", line(end))
    };
    Some(TokenError { token_start: start, range: (start, start), msg })
}

/// The first f-string that is not closed on its line (or at all).
pub fn unterminated_fstring(source: &str) -> Option<TokenError> {
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                if let Some(e) = unterminated_at(source, i, false) {
                    return Some(e);
                }
                i = skip_string(b, i);
            }
            _ => i += 1,
        }
    }
    None
}

fn invalid_character(ch: char, at: usize) -> TokenError {
    let msg = if is_printable(ch) {
        format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", ch as u32)
    };
    TokenError { token_start: at, range: (at, at), msg }
}

/// An approximation of str.isprintable() for one character: separators,
/// controls and format characters are not printable.
pub(crate) fn is_printable(ch: char) -> bool {
    !(ch.is_control()
        || (ch.is_whitespace() && ch != ' ')
        || matches!(ch as u32, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF))
}

fn skip_string(b: &[u8], mut i: usize) -> usize {
    let q = b[i];
    let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q;
    let n = if triple { 3 } else { 1 };
    i += n;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == q && (!triple || (i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q)) => return i + n,
            b'\n' if !triple => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// The tokenizer's cursor over one number literal.
struct Cursor<'a> {
    b: &'a [u8],
    cur: usize,
    start: usize,
    warnings: &'a mut Vec<TokenError>,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<u8> {
        let c = self.b.get(self.cur).copied();
        if c.is_some() {
            self.cur += 1;
        }
        c
    }
    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.cur -= 1;
        }
    }
    /// An error reported where the cursor stands (CPython's offset is the
    /// cursor's 0-based index, so the range sits on the character before).
    fn error(&self, msg: impl Into<String>) -> TokenError {
        let at = self.cur.saturating_sub(1);
        TokenError { token_start: self.start, range: (at, at), msg: msg.into() }
    }
    /// Digits with single underscores between them; returns the character after.
    fn decimal_tail(&mut self) -> Result<Option<u8>, TokenError> {
        loop {
            let mut c;
            loop {
                c = self.next();
                if !c.is_some_and(|c| c.is_ascii_digit()) {
                    break;
                }
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            let d = self.next();
            if !d.is_some_and(|c| c.is_ascii_digit()) {
                self.backup(d);
                return Err(self.error("invalid decimal literal"));
            }
        }
    }
    /// A keyword glued to a number (`1if`) is only a warning in 3.11.
    fn keyword_follows(&self, c: u8) -> bool {
        let rest = &self.b[self.cur..];
        match c {
            b'a' => rest.starts_with(b"nd"),
            b'e' => rest.starts_with(b"lse"),
            b'f' => rest.starts_with(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'n' => rest.starts_with(b"ot"),
            b'o' => rest.starts_with(b"r"),
            _ => false,
        }
    }
    fn verify_end(&mut self, c: Option<u8>, kind: &str) -> Result<usize, TokenError> {
        if let Some(ch) = c {
            if self.keyword_follows(ch) {
                self.backup(c);
                let w = self.error_here(format!("invalid {} literal", kind));
                self.warnings.push(w);
                return Ok(self.cur);
            }
            // Only ASCII: a non-ASCII character after a number is the next
            // token's problem (an invalid character, or just a name).
            if is_ident_ascii(ch) {
                self.backup(c);
                return Err(self.error_here(format!("invalid {} literal", kind)));
            }
        }
        self.backup(c);
        Ok(self.cur)
    }
    /// The position right at the cursor (for verify_end's reports).
    fn error_here(&self, msg: String) -> TokenError {
        let at = self.cur.saturating_sub(1);
        TokenError { token_start: self.start, range: (at, at), msg }
    }
}

/// Checks the number literal starting at `start`; returns where it ends.
fn number(b: &[u8], start: usize, warnings: &mut Vec<TokenError>) -> Result<usize, TokenError> {
    let mut t = Cursor { b, cur: start, start, warnings };
    let mut c = t.next();
    if c == Some(b'.') {
        // A fraction without an integer part.
        c = t.decimal_tail()?;
        return exponent_and_suffix(&mut t, c);
    }
    if c == Some(b'0') {
        c = t.next();
        let radix = match c {
            Some(b'x' | b'X') => Some((16u32, "hexadecimal")),
            Some(b'o' | b'O') => Some((8, "octal")),
            Some(b'b' | b'B') => Some((2, "binary")),
            _ => None,
        };
        if let Some((radix, kind)) = radix {
            let is_digit = |c: Option<u8>| c.is_some_and(|c| (c as char).is_digit(radix));
            c = t.next();
            loop {
                if c == Some(b'_') {
                    c = t.next();
                }
                if !is_digit(c) {
                    if radix != 16 && c.is_some_and(|c| c.is_ascii_digit()) {
                        return Err(t.error(format!("invalid digit '{}' in {} literal", c.unwrap() as char, kind)));
                    }
                    t.backup(c);
                    return Err(t.error(format!("invalid {} literal", kind)));
                }
                loop {
                    c = t.next();
                    if !is_digit(c) {
                        break;
                    }
                }
                if c != Some(b'_') {
                    break;
                }
            }
            if radix != 16 && c.is_some_and(|c| c.is_ascii_digit()) {
                return Err(t.error(format!("invalid digit '{}' in {} literal", c.unwrap() as char, kind)));
            }
            return t.verify_end(c, kind);
        }
        // Leading zeros, possibly followed by other digits.
        let mut nonzero = false;
        while c == Some(b'0') || c == Some(b'_') {
            if c == Some(b'_') {
                let d = t.next();
                if !d.is_some_and(|c| c.is_ascii_digit()) {
                    t.backup(d);
                    return Err(t.error("invalid decimal literal"));
                }
                c = d;
                continue;
            }
            c = t.next();
        }
        let zeros_end = t.cur - usize::from(c.is_some());
        if c.is_some_and(|c| c.is_ascii_digit()) {
            nonzero = true;
            t.backup(c);
            c = t.decimal_tail()?;
        }
        match c {
            Some(b'.') => {
                let d = t.next();
                let c = if d.is_some_and(|d| d.is_ascii_digit()) {
                    t.backup(d);
                    t.decimal_tail()?
                } else {
                    d
                };
                exponent_and_suffix(&mut t, c)
            }
            Some(b'e' | b'E' | b'j' | b'J') => exponent_and_suffix(&mut t, c),
            _ if nonzero => Err(TokenError {
                token_start: start,
                range: (start, zeros_end),
                msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                    .into(),
            }),
            _ => t.verify_end(c, "decimal"),
        }
    } else {
        t.backup(c);
        let c = t.decimal_tail()?;
        if c == Some(b'.') {
            let d = t.next();
            let c = if d.is_some_and(|d| d.is_ascii_digit()) {
                t.backup(d);
                t.decimal_tail()?
            } else {
                d
            };
            return exponent_and_suffix(&mut t, c);
        }
        exponent_and_suffix(&mut t, c)
    }
}

/// The optional exponent and imaginary suffix after the digits; `c` is the
/// character after them.
fn exponent_and_suffix(t: &mut Cursor, mut c: Option<u8>) -> Result<usize, TokenError> {
    if matches!(c, Some(b'e' | b'E')) {
        let e = c;
        c = t.next();
        if matches!(c, Some(b'+' | b'-')) {
            c = t.next();
            if !c.is_some_and(|c| c.is_ascii_digit()) {
                t.backup(c);
                return Err(t.error("invalid decimal literal"));
            }
        } else if !c.is_some_and(|c| c.is_ascii_digit()) {
            t.backup(c);
            return t.verify_end(e, "decimal");
        }
        t.backup(c);
        c = t.decimal_tail()?;
    }
    if matches!(c, Some(b'j' | b'J')) {
        c = t.next();
        return t.verify_end(c, "imaginary");
    }
    t.verify_end(c, "decimal")
}
