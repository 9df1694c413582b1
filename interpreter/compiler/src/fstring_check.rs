//! Python 3.11's f-string rules, which ruff (parsing 3.12-style f-strings)
//! does not enforce: in 3.11 an f-string is one string token that ends at
//! its first matching quote, and its replacement fields are scanned
//! separately — no backslashes or `#` in expressions, one level of nested
//! fields in format specs, a conversion of `s`, `r` or `a` — with errors
//! reported at the token after the string, and errors inside an
//! expression reported as CPython's parser sees `(expr)`, prefixed with
//! "f-string: ".

use krait_bytecode::{CompileError, CompileErrorKind};
use ruff_text_size::{TextRange, TextSize};

struct FString {
    /// Offset of the string's content (after the opening quote).
    content: usize,
    /// Offset of the closing quote (or the end of the source).
    content_end: usize,
    raw: bool,
    /// Whether a closing quote ends it (else the tokenizer's "unterminated
    /// string" comes first).
    closed: bool,
}

struct Group {
    /// Offset of the first string's prefix.
    start: usize,
    fstrings: Vec<FString>,
    /// The token after the group: its range (zero width for a newline).
    next: (usize, usize),
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// Offset just past the string whose opening quote is at `i`, and the
/// closing quote's offset.
fn string_end(b: &[u8], mut i: usize) -> (usize, usize) {
    let q = b[i];
    let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q;
    let n = if triple { 3 } else { 1 };
    i += n;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == q && (!triple || (i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q)) => return (i + n, i),
            b'\n' if !triple => return (i, i),
            _ => i += 1,
        }
    }
    (b.len(), b.len())
}

/// The string prefix ending just before the quote at `q`, if valid.
fn prefix_before(b: &[u8], q: usize) -> Option<usize> {
    let mut s = q;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    if s > 0 && is_ident(b[s - 1]) || q - s > 2 {
        return None;
    }
    let p = std::str::from_utf8(&b[s..q]).ok()?.to_ascii_lowercase();
    matches!(p.as_str(), "" | "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf").then_some(s)
}

/// The range of the token starting at or after `i` (skipping blanks,
/// continuation lines and, inside brackets, newlines and comments).
fn next_token(b: &[u8], mut i: usize, in_brackets: bool) -> (usize, usize) {
    loop {
        i = crate::brackets::skip_blanks(b, i);
        if i < b.len() && b[i] == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            if !in_brackets {
                return (i, i);
            }
        }
        if in_brackets && i < b.len() && b[i] == b'\n' {
            i += 1;
            continue;
        }
        break;
    }
    if i >= b.len() || b[i] == b'\n' {
        return (i, i);
    }
    (i, i + crate::brackets::token_len(b, i))
}

/// Every group of adjacent string literals that holds an f-string.
fn groups(source: &str) -> Vec<Group> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut current: Option<Group> = None;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let start = prefix_before(b, i).unwrap_or(i);
                let prefix = source[start..i].to_ascii_lowercase();
                let (end, close) = string_end(b, i);
                let q = if i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c { 3 } else { 1 };
                let g = current.get_or_insert_with(|| Group { start, fstrings: Vec::new(), next: (0, 0) });
                if prefix.contains('f') {
                    g.fstrings.push(FString { content: (i + q).min(close), content_end: close, raw: prefix.contains('r'), closed: end > close });
                }
                i = end;
                // Does another string follow (implicit concatenation)?
                let (n, _) = next_token(b, i, depth > 0);
                let continues = n < b.len()
                    && (matches!(b[n], b'\'' | b'"')
                        || (b[n].is_ascii_alphabetic() && {
                            let mut k = n;
                            while k < b.len() && b[k].is_ascii_alphabetic() {
                                k += 1;
                            }
                            k < b.len() && matches!(b[k], b'\'' | b'"') && prefix_before(b, k) == Some(n)
                        }));
                if !continues {
                    let mut g = current.take().unwrap();
                    if !g.fstrings.is_empty() {
                        g.next = next_token(b, i, depth > 0);
                        out.push(g);
                    }
                }
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    out
}

/// A 3.11 f-string error: the message, and where it is reported.
enum Failure {
    /// Reported at the token after the string group.
    Scan(String),
    /// An error from parsing `(expr)`; `newlines` counts the lines of the
    /// string before the expression.
    Expr(CompileError, usize),
}

struct Scanner<'a> {
    s: &'a [u8],
    raw: bool,
    compile: bool,
    /// Newlines between the string's content start and the current field.
    base: usize,
}

impl Scanner<'_> {
    /// fstring_parse: literal text and fields until `}` at a nested level or
    /// the end.
    fn parse(&self, i: &mut usize, level: usize) -> Result<(), Failure> {
        let s = self.s;
        while *i < s.len() {
            // Literal part.
            while *i < s.len() {
                let c = s[*i];
                if !self.raw && c == b'\\' && *i + 1 < s.len() {
                    // `\{` and `\}`: the brace is still a brace (3.11 only
                    // warns about the escape).
                    if matches!(s[*i + 1], b'{' | b'}') {
                        *i += 1;
                        continue;
                    }
                    if s[*i + 1] == b'N' && *i + 2 < s.len() && s[*i + 2] == b'{' {
                        *i += 3;
                        while *i < s.len() && s[*i] != b'}' {
                            *i += 1;
                        }
                        *i += 1;
                        continue;
                    }
                    *i += 2;
                    continue;
                }
                if c == b'{' || c == b'}' {
                    if level == 0 && *i + 1 < s.len() && s[*i + 1] == c {
                        *i += 2;
                        continue;
                    }
                    if c == b'}' {
                        if level == 0 {
                            return Err(Failure::Scan("f-string: single '}' is not allowed".into()));
                        }
                        return Ok(());
                    }
                    break;
                }
                *i += 1;
            }
            if *i >= s.len() {
                return Ok(());
            }
            self.field(i, level)?;
        }
        Ok(())
    }

    /// fstring_find_expr: one `{…}` replacement field starting at `*i`.
    fn field(&self, i: &mut usize, level: usize) -> Result<(), Failure> {
        let s = self.s;
        if level >= 2 {
            return Err(Failure::Scan("f-string: expressions nested too deeply".into()));
        }
        *i += 1;
        let start = *i;
        let mut quote = 0u8;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *i < s.len() {
            let c = s[*i];
            if c == b'\\' {
                return Err(Failure::Scan("f-string expression part cannot include a backslash".into()));
            }
            if quote != 0 {
                if c == quote {
                    if !triple {
                        quote = 0;
                    } else if *i + 2 < s.len() && s[*i + 1] == c && s[*i + 2] == c {
                        *i += 2;
                        quote = 0;
                    }
                }
            } else if c == b'\'' || c == b'"' {
                triple = *i + 2 < s.len() && s[*i + 1] == c && s[*i + 2] == c;
                if triple {
                    *i += 2;
                }
                quote = c;
            } else if matches!(c, b'(' | b'[' | b'{') {
                if stack.len() >= 200 {
                    return Err(Failure::Scan("f-string: too many nested parenthesis".into()));
                }
                stack.push(c);
            } else if c == b'#' {
                return Err(Failure::Scan("f-string expression part cannot include '#'".into()));
            } else if stack.is_empty() && matches!(c, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if *i + 1 < s.len() {
                    let n = s[*i + 1];
                    if n == b'=' && matches!(c, b'!' | b'=' | b'<' | b'>') {
                        *i += 2;
                        continue;
                    }
                }
                // A lone `<` or `>` is a comparison, not the field's end.
                if c == b'<' || c == b'>' {
                    *i += 1;
                    continue;
                }
                break;
            } else if matches!(c, b')' | b']' | b'}') {
                let Some(open) = stack.pop() else {
                    return Err(Failure::Scan(format!("f-string: unmatched '{}'", c as char)));
                };
                let want = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != want {
                    return Err(Failure::Scan(format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, open as char
                    )));
                }
            }
            *i += 1;
        }
        if quote != 0 {
            return Err(Failure::Scan("f-string: unterminated string".into()));
        }
        if let Some(open) = stack.last() {
            return Err(Failure::Scan(format!("f-string: unmatched '{}'", *open as char)));
        }
        let expecting = || Failure::Scan("f-string: expecting '}'".into());
        if *i >= s.len() {
            return Err(expecting());
        }
        let expr = &s[start..*i];
        // (`\r` too: the tokenizer has turned `\r\n` into `\n` by then.)
        if expr.iter().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
            let term = s[*i];
            return Err(Failure::Scan(if term == b'}' {
                "f-string: empty expression not allowed".into()
            } else {
                format!("f-string: expression required before '{}'", term as char)
            }));
        }
        // A starred field parses (as a parenthesized starred expression)
        // even when the whole source did, so it is checked here too.
        let starred = expr.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'*');
        if self.compile || starred {
            let text = format!("({})", String::from_utf8_lossy(expr));
            if let Err(e) = crate::parse_fstring_expression(&text) {
                let before = s[..start].iter().filter(|&&c| c == b'\n').count();
                return Err(Failure::Expr(e, self.base + before));
            }
        }
        if s[*i] == b'=' {
            *i += 1;
            while *i < s.len() && s[*i].is_ascii_whitespace() {
                *i += 1;
            }
        }
        if *i < s.len() && s[*i] == b'!' {
            *i += 1;
            if *i >= s.len() {
                return Err(expecting());
            }
            let conv = s[*i];
            *i += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return Err(Failure::Scan("f-string: invalid conversion character: expected 's', 'r', or 'a'".into()));
            }
        }
        if *i >= s.len() {
            return Err(expecting());
        }
        if s[*i] == b':' {
            *i += 1;
            if *i >= s.len() {
                return Err(expecting());
            }
            self.parse(i, level + 1)?;
        }
        if *i >= s.len() || s[*i] != b'}' {
            return Err(expecting());
        }
        *i += 1;
        Ok(())
    }
}

/// The first 3.11 f-string error among the string groups that start
/// before `limit`. `compile` also parses each field's expression (when the
/// whole source failed to parse; otherwise ruff has already checked them).
pub fn check(source: &str, filename: &str, limit: usize, compile: bool) -> Option<CompileError> {
    if !source.contains(['f', 'F']) {
        return None;
    }
    for g in groups(source) {
        if g.start >= limit {
            break;
        }
        for f in &g.fstrings {
            if !f.closed {
                return None;
            }
            let sc = Scanner { s: &source.as_bytes()[f.content..f.content_end], raw: f.raw, compile, base: 0 };
            let mut i = 0;
            let failure = match sc.parse(&mut i, 0) {
                Ok(()) => continue,
                Err(e) => e,
            };
            return Some(match failure {
                Failure::Scan(msg) => {
                    let r = TextRange::new(TextSize::from(g.next.0 as u32), TextSize::from(g.next.1 as u32));
                    crate::errors::make_error(CompileErrorKind::SyntaxError, msg, source, filename, r)
                }
                Failure::Expr(mut e, newlines) => {
                    let line = source[..f.content].matches('\n').count() + 1 + newlines;
                    e.msg = format!("f-string: {}", e.msg);
                    e.lineno += line as u32 - 1;
                    e.end_lineno += line as u32 - 1;
                    e.filename = filename.to_owned();
                    e
                }
            });
        }
    }
    None
}
