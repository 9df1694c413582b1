//! CPython 3.11's own tokenizer (Parser/tokenizer.c) as `_tokenize.TokenizerIter`
//! exposes it: exact token types, byte columns, the physical line(s) of each
//! token, and the tokenizer's errors — some raised as SyntaxError, others
//! (bad dedents, tab/space mixes, EOF inside brackets or after a backslash)
//! only ending the stream, as the C iterator does. It works a byte at a time
//! over the source with CPython's newline translation, reading "lines" as
//! the string tokenizer does, because the reported lines and columns follow
//! from when each line is read.

const EOF: i32 = -1;
const TABSIZE: usize = 8;
const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;

pub const NAME: u8 = 1;
pub const NUMBER: u8 = 2;
pub const STRING: u8 = 3;
pub const NEWLINE: u8 = 4;
pub const INDENT: u8 = 5;
pub const DEDENT: u8 = 6;
pub const OP: u8 = 54;
pub const AWAIT: u8 = 55;
pub const ASYNC: u8 = 56;

/// One token, as the 7-tuple TokenizerIter yields.
#[derive(Debug, Clone, PartialEq)]
pub struct CToken {
    pub text: String,
    pub kind: u8,
    pub lineno: usize,
    pub end_lineno: usize,
    pub col: i64,
    pub end_col: i64,
    pub line: String,
}

/// A SyntaxError's arguments (the filename is the caller's).
#[derive(Debug, Clone, PartialEq)]
pub struct CTokenError {
    pub msg: String,
    pub lineno: usize,
    pub offset: i64,
    pub text: String,
    pub end_lineno: usize,
    pub end_offset: i64,
}

/// What one step of the tokenizer produced.
#[derive(Debug)]
pub enum Step {
    Token(CToken),
    /// A SyntaxWarning to issue (message, line); if the warning is turned
    /// into an error, the error to raise instead.
    Warning(String, usize, CTokenError),
    /// The stream ends (ENDMARKER, or an error CPython reports silently).
    End,
    Error(CTokenError),
    /// A name made of bytes that are not UTF-8 (only reachable after an
    /// earlier error stopped inside a character): UnicodeDecodeError's
    /// object, start, end and reason.
    DecodeError(Vec<u8>, usize, usize, &'static str),
}

pub struct CTokenizer {
    src: Vec<u8>,
    cur: usize,
    inp: usize,
    line_start: usize,
    /// Where the text reported as a token's `line` begins: reset only when a
    /// line is read outside any token, so continuation lines accumulate.
    buf: usize,
    lineno: usize,
    eof: bool,
    start: Option<usize>,
    atbol: bool,
    pendin: i64,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    parens: Vec<(u8, usize)>,
    first_lineno: usize,
    multi_line_start: usize,
    /// An error stopped the tokenizer: it goes on within the lines already
    /// read, but reads no more (CPython's `tok->done`).
    done: Done,
    pending: Vec<Step>,
    /// The line where indentation went past MAXINDENT levels (E_TOODEEP),
    /// which the iterator ends on silently but compile() reports.
    pub too_deep: Option<(usize, String)>,
}

/// CPython's `tok->done` as far as it matters here: after a raised error
/// a string stops silently at its first character read.
#[derive(Clone, Copy, PartialEq)]
enum Done {
    Ok,
    Error,
    /// A name was not UTF-8: a string then ends at its first character read.
    Decode,
    Other,
}

/// Why a step stopped: a raised error was already queued, or the stream ends silently.
struct Stop;

fn is_ident_start(c: i32) -> bool {
    c >= 128 || (c >= 0 && ((c as u8).is_ascii_alphabetic() || c == b'_' as i32))
}
fn is_ident_char(c: i32) -> bool {
    is_ident_start(c) || (c >= 0 && (c as u8).is_ascii_digit())
}
fn is_digit(c: i32) -> bool {
    c >= 0 && (c as u8).is_ascii_digit()
}

fn two_chars(a: u8, b: u8) -> Option<u8> {
    Some(match (a, b) {
        (b'!', b'=') => 28,
        (b'%', b'=') => 40,
        (b'&', b'=') => 41,
        (b'*', b'*') => 35,
        (b'*', b'=') => 38,
        (b'+', b'=') => 36,
        (b'-', b'=') => 37,
        (b'-', b'>') => 51,
        (b'/', b'/') => 47,
        (b'/', b'=') => 39,
        (b':', b'=') => 53,
        (b'<', b'<') => 33,
        (b'<', b'=') => 29,
        (b'<', b'>') => 28,
        (b'=', b'=') => 27,
        (b'>', b'=') => 30,
        (b'>', b'>') => 34,
        (b'@', b'=') => 50,
        (b'^', b'=') => 43,
        (b'|', b'=') => 42,
        _ => return None,
    })
}

fn three_chars(a: u8, b: u8, c: u8) -> Option<u8> {
    Some(match (a, b, c) {
        (b'*', b'*', b'=') => 46,
        (b'.', b'.', b'.') => 52,
        (b'/', b'/', b'=') => 48,
        (b'<', b'<', b'=') => 44,
        (b'>', b'>', b'=') => 45,
        _ => return None,
    })
}

fn one_char(c: u8) -> u8 {
    match c {
        b'(' => 7,
        b')' => 8,
        b'[' => 9,
        b']' => 10,
        b':' => 11,
        b',' => 12,
        b';' => 13,
        b'+' => 14,
        b'-' => 15,
        b'*' => 16,
        b'/' => 17,
        b'|' => 18,
        b'&' => 19,
        b'<' => 20,
        b'>' => 21,
        b'=' => 22,
        b'.' => 23,
        b'%' => 24,
        b'{' => 25,
        b'}' => 26,
        b'~' => 31,
        b'^' => 32,
        b'@' => 49,
        _ => OP,
    }
}

/// CPython's translate_newlines for exec input: CRLF and CR become LF, and a
/// final newline is added when missing.
fn translate(source: &str) -> Vec<u8> {
    let b = source.as_bytes();
    let mut out = Vec::with_capacity(b.len() + 1);
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push(b'\n');
            if i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    // CPython's loop stops on the LF of a final CRLF before remembering
    // the newline it wrote, so such a source gets an extra empty line.
    if out.last() != Some(&b'\n') || b.ends_with(b"\r\n") {
        out.push(b'\n');
    }
    out
}

impl CTokenizer {
    pub fn new(source: &str) -> CTokenizer {
        CTokenizer {
            src: translate(source),
            cur: 0,
            inp: 0,
            line_start: 0,
            buf: 0,
            lineno: 0,
            eof: false,
            start: None,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            parens: Vec::new(),
            first_lineno: 0,
            multi_line_start: 0,
            done: Done::Ok,
            pending: Vec::new(),
            too_deep: None,
        }
    }

    fn nextc(&mut self) -> i32 {
        loop {
            if self.cur != self.inp {
                let c = self.src[self.cur];
                self.cur += 1;
                return c as i32;
            }
            if self.done != Done::Ok || self.eof || self.inp >= self.src.len() {
                self.eof |= self.done == Done::Ok;
                self.cur = self.inp;
                return EOF;
            }
            if self.start.is_none() {
                self.buf = self.inp;
            }
            self.line_start = self.inp;
            self.lineno += 1;
            self.inp = match self.src[self.inp..].iter().position(|&b| b == b'\n') {
                Some(p) => self.inp + p + 1,
                None => self.src.len(),
            };
        }
    }

    fn backup(&mut self, c: i32) {
        if c != EOF {
            self.cur -= 1;
        }
    }

    fn chars(&self, from: usize, to: usize) -> i64 {
        String::from_utf8_lossy(&self.src[from..to]).chars().count() as i64
    }

    /// CPython's syntaxerror(): the column counts characters up to the cursor.
    fn error_range(&mut self, msg: String, col: Option<i64>, end_col: Option<i64>) -> Stop {
        let col = col.unwrap_or_else(|| self.chars(self.line_start, self.cur));
        let end_col = end_col.unwrap_or(col);
        let err = self.make_error(msg, col, end_col);
        self.pending.push(Step::Error(err));
        self.done = Done::Error;
        Stop
    }

    fn make_error(&self, msg: String, col: i64, end_col: i64) -> CTokenError {
        let rest = &self.src[self.line_start..];
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        CTokenError {
            msg,
            lineno: self.lineno,
            offset: col,
            text: String::from_utf8_lossy(&rest[..len]).into_owned(),
            end_lineno: self.lineno,
            end_offset: end_col,
        }
    }

    fn error(&mut self, msg: impl Into<String>) -> Stop {
        self.error_range(msg.into(), None, None)
    }

    /// Whether `test` comes next as a whole word; the cursor does not move.
    fn lookahead(&mut self, test: &[u8]) -> bool {
        let save = self.cur;
        let mut res = true;
        for &t in test {
            if self.nextc() != t as i32 {
                res = false;
                break;
            }
        }
        if res {
            let c = self.nextc();
            res = !is_ident_char(c);
        }
        // Only characters of the current line were read: rewinding is exact.
        self.cur = save;
        res
    }

    /// A number directly followed by a keyword that can follow one in valid
    /// code warns; followed by any other name character it is an error.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), Stop> {
        let r = match c as u8 {
            _ if c < 0 => false,
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => {
                let c2 = self.nextc();
                let r = c2 == b'f' as i32 || c2 == b'n' as i32 || c2 == b's' as i32;
                self.backup(c2);
                r
            }
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        if r {
            self.backup(c);
            let msg = format!("invalid {} literal", kind);
            let col = self.chars(self.line_start, self.cur);
            let err = self.make_error(msg.clone(), col, col);
            self.pending.push(Step::Warning(msg, self.lineno, err));
            self.nextc();
        } else if c < 128 && is_ident_char(c) {
            // A non-ASCII character after a number starts the next token.
            self.backup(c);
            return Err(self.error(format!("invalid {} literal", kind)));
        }
        Ok(())
    }

    /// Digits and single underscores between them; returns the next character.
    fn decimal_tail(&mut self) -> Result<i32, Stop> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    fn continuation_line(&mut self) -> Result<i32, Stop> {
        let c = self.nextc();
        if c != b'\n' as i32 {
            self.done = Done::Other;
            return Err(Stop);
        }
        let c = self.nextc();
        if c == EOF {
            self.done = Done::Other;
            self.cur = self.inp;
            return Err(Stop);
        }
        self.backup(c);
        Ok(c)
    }

    /// The next step. After `End` or `Error`, calling again goes on as
    /// CPython's tokenizer does: through the rest of the lines already read.
    pub fn next_step(&mut self) -> Step {
        if let Some(s) = self.pending.pop() {
            return s;
        }
        let r = self.get();
        // Warnings queued during this token come out before it.
        let mut out = std::mem::take(&mut self.pending);
        match r {
            Ok((kind, start, end)) => out.push(Step::Token(self.make_token(kind, start, end))),
            Err(Stop) => {
                if self.done == Done::Ok {
                    self.done = Done::Other;
                }
                match out.iter().position(|s| matches!(s, Step::Error(_) | Step::DecodeError(..))) {
                    Some(i) => out.truncate(i + 1),
                    None => out.push(Step::End),
                }
            }
        }
        // `pending` is popped from the back: store in reverse.
        out.reverse();
        self.pending = out;
        self.pending.pop().unwrap_or(Step::End)
    }

    /// A warning turned into an error: the token it came with is dropped
    /// and the tokenizer stops as after any error.
    pub fn abort(&mut self) {
        self.pending.clear();
        self.done = Done::Error;
    }

    fn make_token(&self, kind: u8, start: Option<usize>, end: Option<usize>) -> CToken {
        let line_start = if kind == STRING { self.multi_line_start } else { self.line_start };
        let text = match (start, end) {
            (Some(s), Some(e)) if e >= s => String::from_utf8_lossy(&self.src[s..e]).into_owned(),
            _ => String::new(),
        };
        CToken {
            text,
            kind,
            lineno: if kind == STRING { self.first_lineno } else { self.lineno },
            end_lineno: self.lineno,
            col: match start {
                Some(s) if s >= line_start => (s - line_start) as i64,
                _ => -1,
            },
            end_col: match end {
                Some(e) if e >= self.line_start => (e - self.line_start) as i64,
                _ => -1,
            },
            line: String::from_utf8_lossy(&self.src[self.buf..self.inp]).into_owned(),
        }
    }

    fn tok(&self, kind: u8) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        Ok((kind, self.start, Some(self.cur)))
    }

    fn get(&mut self) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        let mut blankline;
        'nextline: loop {
            self.start = None;
            blankline = false;
            if self.atbol {
                self.atbol = false;
                let (mut col, mut altcol, mut cont_line_col) = (0usize, 0usize, 0usize);
                let mut c;
                loop {
                    c = self.nextc();
                    if c == b' ' as i32 {
                        col += 1;
                        altcol += 1;
                    } else if c == b'\t' as i32 {
                        col = (col / TABSIZE + 1) * TABSIZE;
                        altcol += 1;
                    } else if c == 0x0c {
                        col = 0;
                        altcol = 0;
                    } else if c == b'\\' as i32 {
                        // The first backslash decides the indentation of what follows.
                        if cont_line_col == 0 {
                            cont_line_col = col;
                        }
                        self.continuation_line()?;
                    } else {
                        break;
                    }
                }
                self.backup(c);
                if c == b'#' as i32 || c == b'\n' as i32 {
                    blankline = true;
                }
                if !blankline && self.parens.is_empty() {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = *self.indstack.last().unwrap();
                    let alttop = *self.altindstack.last().unwrap();
                    if col == top {
                        if altcol != alttop {
                            return Err(self.indent_error());
                        }
                    } else if col > top {
                        if self.indstack.len() >= MAXINDENT {
                            let line = String::from_utf8_lossy(&self.src[self.line_start..self.inp]).into_owned();
                            self.too_deep = Some((self.lineno, line));
                            self.done = Done::Other;
                            self.cur = self.inp;
                            return Err(Stop);
                        }
                        if altcol <= alttop {
                            return Err(self.indent_error());
                        }
                        self.pendin += 1;
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                    } else {
                        while self.indstack.len() > 1 && col < *self.indstack.last().unwrap() {
                            self.pendin -= 1;
                            self.indstack.pop();
                            self.altindstack.pop();
                        }
                        if col != *self.indstack.last().unwrap() {
                            self.done = Done::Other;
                            self.cur = self.inp;
                            return Err(Stop);
                        }
                        if altcol != *self.altindstack.last().unwrap() {
                            return Err(self.indent_error());
                        }
                    }
                }
            }
            self.start = Some(self.cur);
            if self.pendin != 0 {
                let kind = if self.pendin < 0 {
                    self.pendin += 1;
                    DEDENT
                } else {
                    self.pendin -= 1;
                    INDENT
                };
                return Ok((kind, None, None));
            }
            'again: loop {
                self.start = None;
                let mut c;
                loop {
                    c = self.nextc();
                    if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                        break;
                    }
                }
                self.start = Some(if c == EOF { self.cur } else { self.cur - 1 });
                if c == b'#' as i32 {
                    while c != EOF && c != b'\n' as i32 {
                        c = self.nextc();
                    }
                }
                if c == EOF {
                    return Err(Stop);
                }
                if is_ident_start(c) {
                    let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
                    loop {
                        let ch = c as u8;
                        if !(saw_b || saw_u || saw_f) && (ch == b'b' || ch == b'B') {
                            saw_b = true;
                        } else if !(saw_b || saw_u || saw_r || saw_f) && (ch == b'u' || ch == b'U') {
                            saw_u = true;
                        } else if !(saw_r || saw_u) && (ch == b'r' || ch == b'R') {
                            saw_r = true;
                        } else if !(saw_f || saw_b || saw_u) && (ch == b'f' || ch == b'F') {
                            saw_f = true;
                        } else {
                            break;
                        }
                        c = self.nextc();
                        if c == b'"' as i32 || c == b'\'' as i32 {
                            return self.string(c);
                        }
                    }
                    let mut nonascii = false;
                    while is_ident_char(c) {
                        if c >= 128 {
                            nonascii = true;
                        }
                        c = self.nextc();
                    }
                    self.backup(c);
                    if nonascii {
                        self.verify_identifier()?;
                    }
                    // Without the 3.6 compatibility mode these two are always their own tokens.
                    let start = self.start.unwrap_or(self.cur);
                    return match &self.src[start..self.cur] {
                        b"async" => self.tok(ASYNC),
                        b"await" => self.tok(AWAIT),
                        _ => self.tok(NAME),
                    };
                }
                if c == b'\n' as i32 {
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        continue 'nextline;
                    }
                    return Ok((NEWLINE, self.start, Some(self.cur - 1)));
                }
                if c == b'.' as i32 {
                    c = self.nextc();
                    if is_digit(c) {
                        return self.number_fraction(c);
                    } else if c == b'.' as i32 {
                        c = self.nextc();
                        if c == b'.' as i32 {
                            return self.tok(52);
                        }
                        self.backup(c);
                        self.backup(b'.' as i32);
                    } else {
                        self.backup(c);
                    }
                    return self.tok(23);
                }
                if is_digit(c) {
                    return self.number(c);
                }
                if c == b'\'' as i32 || c == b'"' as i32 {
                    return self.string(c);
                }
                if c == b'\\' as i32 {
                    self.continuation_line()?;
                    continue 'again;
                }
                let ch = c as u8;
                let c2 = self.nextc();
                if let Some(t) = if c2 >= 0 { two_chars(ch, c2 as u8) } else { None } {
                    let c3 = self.nextc();
                    match if c3 >= 0 { three_chars(ch, c2 as u8, c3 as u8) } else { None } {
                        Some(t3) => return self.tok(t3),
                        None => {
                            self.backup(c3);
                            return self.tok(t);
                        }
                    }
                }
                self.backup(c2);
                match ch {
                    b'(' | b'[' | b'{' => {
                        if self.parens.len() >= MAXLEVEL {
                            return Err(self.error("too many nested parentheses"));
                        }
                        self.parens.push((ch, self.lineno));
                    }
                    b')' | b']' | b'}' => {
                        let Some((open, line)) = self.parens.pop() else {
                            return Err(self.error(format!("unmatched '{}'", ch as char)));
                        };
                        if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                            let msg = if line != self.lineno {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    ch as char, open as char, line
                                )
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", ch as char, open as char)
                            };
                            return Err(self.error(msg));
                        }
                    }
                    _ => {}
                }
                if !(0x20..0x7f).contains(&ch) {
                    return Err(self.error(format!("invalid non-printable character U+{:04X}", ch)));
                }
                return self.tok(one_char(ch));
            }
        }
    }

    /// Inconsistent tabs and spaces end the stream without an exception.
    fn indent_error(&mut self) -> Stop {
        self.done = Done::Other;
        self.cur = self.inp;
        Stop
    }

    fn verify_identifier(&mut self) -> Result<(), Stop> {
        let start = self.start.unwrap_or(self.cur);
        let bytes = &self.src[start..self.cur];
        let s = match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                let at = e.valid_up_to();
                let (end, reason) = match e.error_len() {
                    None => (bytes.len(), "unexpected end of data"),
                    Some(n) if matches!(bytes[at], 0x80..=0xC1 | 0xF5..=0xFF) => (at + n, "invalid start byte"),
                    Some(n) => (at + n, "invalid continuation byte"),
                };
                self.pending.push(Step::DecodeError(bytes.to_vec(), at, end, reason));
                self.done = Done::Decode;
                return Err(Stop);
            }
        };
        let chars: Vec<char> = s.chars().collect();
        let invalid = chars
            .iter()
            .enumerate()
            .position(|(i, &ch)| {
                !(if i == 0 { ch == '_' || unicode_ident::is_xid_start(ch) } else { unicode_ident::is_xid_continue(ch) })
            });
        let Some(invalid) = invalid else { return Ok(()) };
        let ch = chars[invalid];
        if invalid + 1 < chars.len() {
            let upto: usize = chars[..=invalid].iter().map(|c| c.len_utf8()).sum();
            self.cur = start + upto;
        }
        let msg = if crate::token_check::is_printable(ch) {
            format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(self.error(msg))
    }

    fn string(&mut self, quote: i32) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if self.done == Done::Error {
                return Err(Stop);
            }
            if self.done == Done::Decode {
                break;
            }
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                // Reported at the opening quote, on the string's first line.
                let detected = self.lineno;
                self.cur = self.start.unwrap_or(0) + 1;
                self.line_start = self.multi_line_start;
                self.lineno = self.first_lineno;
                let msg = if quote_size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {})", detected)
                } else {
                    format!("unterminated string literal (detected at line {})", detected)
                };
                let stop = self.error(msg);
                if c == EOF {
                    self.done = Done::Other;
                }
                return Err(stop);
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.nextc();
                }
            }
        }
        self.tok(STRING)
    }

    fn number(&mut self, first: i32) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        let mut c;
        if first == b'0' as i32 {
            c = self.nextc();
            let lower = if c >= 0 { (c as u8).to_ascii_lowercase() } else { 0 };
            if lower == b'x' {
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !(c >= 0 && (c as u8).is_ascii_hexdigit()) {
                        self.backup(c);
                        return Err(self.error("invalid hexadecimal literal"));
                    }
                    loop {
                        c = self.nextc();
                        if !(c >= 0 && (c as u8).is_ascii_hexdigit()) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                self.verify_end_of_number(c, "hexadecimal")?;
            } else if lower == b'o' || lower == b'b' {
                let (kind, max) = if lower == b'o' { ("octal", b'8') } else { ("binary", b'2') };
                let in_range = |c: i32| c >= b'0' as i32 && c < max as i32;
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !in_range(c) {
                        if is_digit(c) {
                            return Err(self.error(format!("invalid digit '{}' in {} literal", c as u8 as char, kind)));
                        }
                        self.backup(c);
                        return Err(self.error(format!("invalid {} literal", kind)));
                    }
                    loop {
                        c = self.nextc();
                        if !in_range(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if is_digit(c) {
                    return Err(self.error(format!("invalid digit '{}' in {} literal", c as u8 as char, kind)));
                }
                self.verify_end_of_number(c, kind)?;
            } else {
                // Zeros, then maybe a float; other digits after them are the old octal form.
                let mut nonzero = false;
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                        if !is_digit(c) {
                            self.backup(c);
                            return Err(self.error("invalid decimal literal"));
                        }
                    }
                    if c != b'0' as i32 {
                        break;
                    }
                    c = self.nextc();
                }
                let zeros_end = self.cur;
                if is_digit(c) {
                    nonzero = true;
                    c = self.decimal_tail()?;
                }
                if c == b'.' as i32 {
                    c = self.nextc();
                    return self.number_fraction(c);
                } else if c == b'e' as i32 || c == b'E' as i32 {
                    return self.number_exponent(c);
                } else if c == b'j' as i32 || c == b'J' as i32 {
                    return self.number_imaginary();
                } else if nonzero {
                    self.backup(c);
                    let start = self.start.unwrap_or(0);
                    let col = (start + 1 - self.line_start) as i64;
                    let end = (zeros_end - self.line_start) as i64;
                    return Err(self.error_range(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                        Some(col),
                        Some(end),
                    ));
                }
                self.verify_end_of_number(c, "decimal")?;
            }
        } else {
            c = self.decimal_tail()?;
            if c == b'.' as i32 {
                c = self.nextc();
                return self.number_fraction(c);
            }
            return self.number_after_fraction(c);
        }
        self.backup(c);
        self.tok(NUMBER)
    }

    /// After the point: `c` is the character following it.
    fn number_fraction(&mut self, mut c: i32) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.number_after_fraction(c)
    }

    fn number_after_fraction(&mut self, c: i32) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.number_exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        self.tok(NUMBER)
    }

    fn number_exponent(&mut self, e: i32) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        } else if !is_digit(c) {
            // `1e` followed by a keyword: the number ends before the `e`.
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return self.tok(NUMBER);
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        self.tok(NUMBER)
    }

    fn number_imaginary(&mut self) -> Result<(u8, Option<usize>, Option<usize>), Stop> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        self.tok(NUMBER)
    }
}

/// Where CPython's tokenizer gives up on too many indentation levels: the
/// line number and its text. Cheap for ordinary sources, which cannot
/// reach the limit without a line indented by at least MAXINDENT - 1 blanks.
pub fn indentation_too_deep(source: &str) -> Option<(usize, String)> {
    let deep = source.split('\n').any(|l| l.bytes().take_while(|b| matches!(b, b' ' | b'\t' | 0x0c)).count() >= MAXINDENT - 1);
    if !deep {
        return None;
    }
    let mut t = CTokenizer::new(source);
    while let Step::Token(_) | Step::Warning(..) = t.next_step() {}
    t.too_deep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(src: &str) -> Vec<String> {
        let mut t = CTokenizer::new(src);
        let mut out = Vec::new();
        loop {
            match t.next_step() {
                Step::Token(k) => out.push(format!("{:?} {} {}:{}-{}:{}", k.text, k.kind, k.lineno, k.col, k.end_lineno, k.end_col)),
                Step::Warning(m, l, _) => out.push(format!("warning {} {}", m, l)),
                Step::Error(e) => {
                    out.push(format!("error {} {}:{}", e.msg, e.lineno, e.offset));
                    break;
                }
                Step::DecodeError(..) => {
                    out.push("decode error".into());
                    break;
                }
                Step::End => break,
            }
        }
        out
    }

    #[test]
    fn newline_carries_comment_and_dedent_has_no_columns() {
        assert_eq!(
            steps("if x:\n    y # hi\nz"),
            [
                "\"if\" 1 1:0-1:2", "\"x\" 1 1:3-1:4", "\":\" 11 1:4-1:5", "\"\" 4 1:5-1:5", "\"\" 5 2:-1-2:-1", "\"y\" 1 2:4-2:5",
                "\"# hi\" 4 2:6-2:10", "\"\" 6 3:-1-3:-1", "\"z\" 1 3:0-3:1", "\"\" 4 3:1-3:1",
            ]
        );
    }

    #[test]
    fn errors_and_silent_stops() {
        assert_eq!(steps("0b12"), ["error invalid digit '2' in binary literal 1:4"]);
        assert_eq!(steps("x = 'a"), ["\"x\" 1 1:0-1:1", "\"=\" 22 1:2-1:3", "error unterminated string literal (detected at line 1) 1:5"]);
        assert_eq!(steps("(\n1,"), ["\"(\" 7 1:0-1:1", "\"1\" 2 2:0-2:1", "\",\" 12 2:1-2:2"]);
        assert_eq!(steps("1if x"), ["warning invalid decimal literal 1", "\"1\" 2 1:0-1:1", "\"if\" 1 1:1-1:3", "\"x\" 1 1:4-1:5", "\"\" 4 1:5-1:5"]);
    }

    #[test]
    fn indentation_limit() {
        let deep = |n: usize| (0..n).map(|x| format!("{}if True:\n", " ".repeat(x))).collect::<String>() + &" ".repeat(n) + "pass\n";
        assert_eq!(indentation_too_deep(&deep(99)), None);
        assert_eq!(indentation_too_deep(&deep(100)).map(|d| d.0), Some(101));
    }
}
