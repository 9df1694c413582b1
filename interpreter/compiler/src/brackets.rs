//! Source scans that reproduce what CPython's tokenizer and its
//! `invalid_expression` rule report, which ruff's errors do not carry:
//! mismatched and unmatched closing brackets, and the extent of
//! "Perhaps you forgot a comma?".

/// Index just past the string literal whose opening quote is at `i`.
pub(crate) fn skip_string(b: &[u8], mut i: usize) -> usize {
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

/// Where the next thing starts at or after `i`: past blanks and
/// backslash continuations.
pub(crate) fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c' | b'\r') {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'\\' && b[i + 1] == b'\n' {
            i += 2;
            continue;
        }
        return i;
    }
}

/// The length of the token starting at `i` (which is in `b`): a name, an
/// operator (the longest that matches), or else one byte.
pub(crate) fn token_len(b: &[u8], i: usize) -> usize {
    let name = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    if name(b[i]) {
        return b[i..].iter().take_while(|c| name(**c)).count();
    }
    const OPS: [&[u8]; 24] = [
        b"**=", b"//=", b">>=", b"<<=", b"...", b"->", b"**", b"//", b"<<", b">>", b"<=", b">=", b"==", b"!=", b":=", b"+=",
        b"-=", b"*=", b"/=", b"%=", b"&=", b"|=", b"^=", b"@=",
    ];
    OPS.iter().find(|op| b[i..].starts_with(op)).map_or(1, |op| op.len())
}

/// Where the comment of one line starts (a `#` outside string literals).
pub fn comment_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => return Some(i),
            b'\'' | b'"' => i = skip_string(b, i),
            _ => i += 1,
        }
    }
    None
}

fn line_at(b: &[u8], pos: usize) -> usize {
    b[..pos].iter().filter(|&&c| c == b'\n').count() + 1
}

/// The tokenizer's first bracket error: a closing bracket that matches no
/// opening one, or the wrong one. Returns its byte offset and message.
pub fn first_bracket_error(source: &str) -> Option<(usize, String)> {
    let b = source.as_bytes();
    let mut stack: Vec<(usize, u8)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(b, i);
                continue;
            }
            c @ (b'(' | b'[' | b'{') => stack.push((i, c)),
            c @ (b')' | b']' | b'}') => match stack.pop() {
                None => return Some((i, format!("unmatched '{}'", c as char))),
                Some((open_at, open)) => {
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != want {
                        let (l_open, l_close) = (line_at(b, open_at), line_at(b, i));
                        // CPython calls every bracket a parenthesis here.
                        let msg = if l_open == l_close {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, open as char, l_open
                            )
                        };
                        return Some((i, msg));
                    }
                }
            },
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// Where the expression that starts at `at` ends (a primary with its
/// trailers, then binary operators and operands).
fn expression_end(b: &[u8], mut i: usize) -> usize {
    let skip_ws = |mut i: usize| {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        i
    };
    let primary = |mut i: usize| -> Option<usize> {
        if i >= b.len() {
            return None;
        }
        let start = i;
        match b[i] {
            b'\'' | b'"' => i = skip_string(b, i),
            b'(' | b'[' | b'{' => i = skip_group(b, i),
            c if is_ident(c) => {
                while i < b.len() && (is_ident(b[i]) || (b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit())) {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'\'' || b[i] == b'"') {
                    i = skip_string(b, i); // a prefixed string
                }
            }
            _ => return None,
        }
        // Trailers: .name, (...), [...]
        loop {
            if i < b.len() && (b[i] == b'(' || b[i] == b'[') {
                i = skip_group(b, i);
            } else if i + 1 < b.len() && b[i] == b'.' && is_ident(b[i + 1]) {
                i += 1;
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
            } else {
                break;
            }
        }
        (i > start).then_some(i)
    };
    let Some(mut end) = primary(i) else { return i };
    loop {
        i = skip_ws(end);
        let op_len = match b.get(i..i + 2) {
            Some(b"**" | b"//" | b"<<" | b">>") => 2,
            _ => match b.get(i) {
                Some(b'+' | b'-' | b'*' | b'/' | b'%' | b'@' | b'&' | b'|' | b'^') if b.get(i + 1) != Some(&b'=') => 1,
                _ => 0,
            },
        };
        if op_len == 0 {
            return end;
        }
        match primary(skip_ws(i + op_len)) {
            Some(e) => end = e,
            None => return end,
        }
    }
}

/// Index just past the bracketed group opening at `i`.
fn skip_group(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'\'' | b'"' => {
                i = skip_string(b, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// CPython's "invalid syntax. Perhaps you forgot a comma?": the parser
/// stopped at `at`, the start of an expression that directly follows
/// another one inside brackets. Returns the range from the start of the
/// first expression to the end of the second, or None when the rule does
/// not apply (outside brackets, in a parameter list, after `for … in`,
/// `print`/`exec` legacy statements, a name glued to a string).
pub fn missing_comma_range(source: &str, at: usize) -> Option<(usize, usize)> {
    let b = source.as_bytes();
    if at >= b.len() || !(is_ident(b[at]) || matches!(b[at], b'\'' | b'"' | b'(' | b'[' | b'{' | b'.' | b'-' | b'+' | b'~')) {
        return None;
    }
    if b[at] == b'.' && !b.get(at + 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // Keywords that cannot start an expression.
    let word: String = source[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    const NOT_STARTS: [&str; 18] = [
        "for", "if", "else", "elif", "in", "is", "and", "or", "as", "from", "import", "def", "class", "return",
        "while", "with", "pass", "del",
    ];
    if NOT_STARTS.contains(&word.as_str()) {
        return None;
    }
    let (mut start, open_at) = expression_start(source, at)?;
    // Find the enclosing bracket when we stopped at a separator.
    let opener = if open_at != usize::MAX { Some(open_at) } else { enclosing_open(b, start) };
    let opener = opener?;
    // A parameter list: `def name(` or `lambda` … is not an expression.
    let before = source[..opener].trim_end();
    if b[opener] == b'(' {
        let word_start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map(|p| p + 1).unwrap_or(0);
        let head = before[..word_start].trim_end();
        if head.ends_with("def") && (head.len() == 3 || !is_ident(head.as_bytes()[head.len() - 4])) {
            return None;
        }
    }
    while start < at && matches!(b[start], b' ' | b'\t' | b'\n' | b'\r' | b'\\') {
        start += 1;
    }
    if start >= at {
        return None;
    }
    let first = &source[start..at];
    let first_word: String = first.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    // The legacy `print x` / `exec x` statements and soft keywords are excluded.
    if first.trim_end() == "print" || first.trim_end() == "exec" || ["match", "case", "_"].contains(&first_word.as_str()) && first_word.len() == first.trim_end().len() {
        return None;
    }
    if first.trim_end().chars().all(|c| c.is_alphanumeric() || c == '_') && matches!(b[at], b'\'' | b'"') {
        return None; // NAME STRING
    }
    Some((start, expression_end(b, at)))
}

/// Scans back from `at` over the expression that ends there, at bracket
/// depth 0, to a separator (an opening bracket, `,`, `=`, `:`, an
/// unpacking star, a keyword such as `if`/`else`/`lambda`, or the start of
/// the logical line). Returns the expression's start and the opening
/// bracket's offset when that is where the scan stopped (else usize::MAX);
/// None after a comprehension's `for … in`.
pub fn expression_start(source: &str, at: usize) -> Option<(usize, usize)> {
    let b = source.as_bytes();
    let in_brackets = enclosing_open(b, at).is_some();
    // Tokens of the logical line before `at`, scanning backwards at depth 0.
    let mut i = at;
    let mut start = at;
    let mut depth = 0i32;
    let open_at;
    loop {
        if i == 0 {
            return Some((start, usize::MAX));
        }
        i -= 1;
        let c = b[i];
        match c {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    open_at = i;
                    break;
                }
                depth -= 1;
            }
            b'\'' | b'"' if depth == 0 => {
                // Walk back over a string literal (and its prefix).
                let q = c;
                let mut j = i;
                while j > 0 && b[j - 1] != q {
                    j -= 1;
                }
                i = j.saturating_sub(1);
                while i > 0 && b[i - 1].is_ascii_alphabetic() {
                    i -= 1;
                }
                start = i;
                continue;
            }
            b',' | b';' if depth == 0 => {
                open_at = usize::MAX;
                break;
            }
            b'=' if depth == 0 && !matches!(b.get(i.wrapping_sub(1)), Some(b'=' | b'!' | b'<' | b'>')) && b.get(i + 1) != Some(&b'=') => {
                open_at = usize::MAX;
                break;
            }
            b':' if depth == 0 => {
                open_at = usize::MAX;
                break;
            }
            b'*' if depth == 0 => {
                // An unpacking star (after an opener, a comma or `=`) ends the scan.
                let mut j = i;
                while j > 0 && b[j - 1] == b'*' {
                    j -= 1;
                }
                let mut k = j;
                while k > 0 && (b[k - 1] == b' ' || b[k - 1] == b'\t') {
                    k -= 1;
                }
                if k == 0 || matches!(b[k - 1], b'(' | b'[' | b'{' | b',' | b'=') {
                    open_at = usize::MAX;
                    break;
                }
            }
            c if is_ident(c) && depth == 0 => {
                let mut j = i;
                while j > 0 && is_ident(b[j - 1]) {
                    j -= 1;
                }
                let word = &source[j..=i];
                match word {
                    "if" | "else" | "lambda" | "yield" | "return" | "for" | "async" => {
                        open_at = usize::MAX;
                        break;
                    }
                    "in" if comprehension_in(source, j) => {
                        // `for x in` (a comprehension's iterable) is not an expression.
                        return None;
                    }
                    _ => {}
                }
                i = j;
                start = j;
                continue;
            }
            b'\n' if !in_brackets => {
                open_at = usize::MAX;
                break;
            }
            b' ' | b'\t' | b'\\' | b'\n' | b'\r' => continue,
            _ => {}
        }
        if depth == 0 && !matches!(c, b' ' | b'\t') {
            start = i;
        }
    }
    Some((start, open_at))
}

/// The brackets still open at `pos`, outermost first (strings and
/// comments skipped).
pub(crate) fn open_brackets(b: &[u8], pos: usize) -> Vec<usize> {
    let mut stack = Vec::new();
    let mut i = 0;
    while i < pos.min(b.len()) {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(b, i);
                continue;
            }
            b'(' | b'[' | b'{' => stack.push(i),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// The innermost bracket still open at `pos`.
fn enclosing_open(b: &[u8], pos: usize) -> Option<usize> {
    open_brackets(b, pos).last().copied()
}

/// Whether the `in` at `pos` belongs to a `for` at the same bracket depth.
fn comprehension_in(source: &str, pos: usize) -> bool {
    let b = source.as_bytes();
    let mut depth = 0i32;
    let mut i = pos;
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            b',' if depth == 0 => return false,
            c if depth == 0 && is_ident(c) => {
                let mut j = i;
                while j > 0 && is_ident(b[j - 1]) {
                    j -= 1;
                }
                if &source[j..=i] == "for" {
                    return true;
                }
                i = j;
            }
            _ => {}
        }
    }
    false
}

/// CPython's invalid_comprehension: `[a, b for ...]` or `{a, for ...}`, a
/// `for` at `at` after a top-level comma in a list or set display. Returns
/// the range of the unparenthesized target (first element to the last
/// element, or to the trailing comma).
pub fn unparenthesized_comprehension_target(source: &str, at: usize) -> Option<(usize, usize)> {
    let b = source.as_bytes();
    let open = enclosing_open(b, at)?;
    if !matches!(b[open], b'[' | b'{') {
        return None;
    }
    let mut depth = 0i32;
    let mut comma = false;
    let mut i = open + 1;
    while i < at {
        match b[i] {
            b'\'' | b'"' => {
                i = skip_string(b, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => comma = true,
            // A dict display's `key: value` is not a target (`:=` is).
            b':' if depth == 0 && b.get(i + 1) != Some(&b'=') => return None,
            _ => {}
        }
        i += 1;
    }
    if !comma {
        return None;
    }
    let content = &source[open + 1..at];
    let start = open + 1 + (content.len() - content.trim_start().len());
    let end = open + 1 + content.trim_end().len();
    Some((start, end))
}
