//! Compile errors with CPython 3.11's wording: parse errors from ruff mapped
//! onto CPython's messages for the common mistakes, and the positions
//! CPython reports (1-based lines, 1-based character columns).

use krait_bytecode::{CompileError, CompileErrorKind};
use ruff_python_ast::Expr;
use ruff_python_parser::{LexicalErrorType, ParseErrorType};
use ruff_source_file::LineIndex;
use ruff_text_size::{TextRange, TextSize};

/// CPython's _PyPegen_get_expr_name.
pub fn describe_expr(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

pub fn make_error(kind: CompileErrorKind, msg: String, source: &str, filename: &str, range: TextRange) -> CompileError {
    let index = LineIndex::from_source_text(source);
    let end = range.end().min(TextSize::of(source));
    let start = range.start().min(end);
    let s = index.line_column(start, source);
    let e = index.line_column(end, source);
    let line_text = source.split_inclusive('\n').nth(s.line.get() - 1).map(|l| {
        let l = l.trim_end_matches(['\n', '\r']);
        format!("{}\n", l)
    });
    let mut end_offset = e.column.get() as i32;
    if e.line != s.line {
        // CPython converts the end column (a byte offset in the end line)
        // to characters against the start line, clamped one past its end.
        let end_line_start = index.line_start(e.line, source);
        let end_byte = (end - end_line_start).to_usize() + 1;
        let text = line_text.as_deref().unwrap_or("").trim_end_matches('\n');
        end_offset = if end_byte > text.len() {
            text.chars().count() as i32 + 1
        } else {
            String::from_utf8_lossy(&text.as_bytes()[..end_byte]).chars().count() as i32
        };
    }
    CompileError {
        kind,
        msg,
        filename: filename.to_owned(),
        lineno: s.line.get() as u32,
        offset: s.column.get() as u32,
        end_lineno: e.line.get() as u32,
        end_offset,
        text: line_text,
    }
}

fn line_of(source: &str, at: TextSize) -> usize {
    source[..at.to_usize().min(source.len())].matches('\n').count() + 1
}

/// Finds an unclosed bracket before `at`, as CPython's tokenizer reports it.
fn unclosed_bracket(source: &str, at: usize) -> Option<(usize, char)> {
    open_brackets(source, at).first().copied()
}

/// The brackets open at `at`, outermost first.
fn open_brackets(source: &str, at: usize) -> Vec<(usize, char)> {
    let mut stack: Vec<(usize, char)> = vec![];
    let b = source.as_bytes();
    let mut i = 0;
    while i < at.min(b.len()) {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                i += q;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c)) {
                        i += q;
                        break;
                    }
                    if !triple && b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((i, c as char)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// Maps a ruff parse error onto CPython's exception type and message.
pub fn parse_error(err: &ruff_python_parser::ParseError, source: &str, filename: &str) -> CompileError {
    use CompileErrorKind::*;
    let raw = err.error.to_string();
    if std::env::var_os("KRAIT_DEBUG_PARSE").is_some() {
        eprintln!("ruff: {:?} at {:?}", err.error, err.location);
    }
    let mut range = err.location;
    let se = |msg: &str| (SyntaxError, msg.to_owned());
    // The tokenizer reports its errors as soon as the parser reaches them;
    // and when the parser fails on its own (not on a tokenizer error or an
    // indentation token), CPython tokenizes the rest of the source and a
    // tokenizer error found there takes precedence.
    if let Some(t) = first_tokenizer_error(source) {
        let parser_own = !matches!(err.error, ParseErrorType::Lexical(_) | ParseErrorType::UnexpectedIndentation);
        if range.start().to_usize() >= t.token_start || parser_own {
            let r = TextRange::new(TextSize::from(t.range.0 as u32), TextSize::from(t.range.1 as u32));
            return make_error(SyntaxError, t.msg, source, filename, r);
        }
    }
    if let Some(e) = augmented_target_error(source, filename, range.start().to_usize()) {
        return e;
    }
    let mut end_offset_zero = false;
    // Errors found at the end of input sit at the end of the last line,
    // with CPython's end column of -1.
    let mut at_eof = false;
    // CPython's E_EOF: the innermost bracket still open, else a bare EOF.
    macro_rules! eof_error {
        () => {
            match unclosed_bracket_innermost(source, source.len()) {
                Some((pos, c)) => {
                    range = TextRange::new(TextSize::from(pos as u32), TextSize::from(pos as u32));
                    end_offset_zero = true;
                    (SyntaxError, format!("'{}' was never closed", c))
                }
                None => {
                    at_eof = true;
                    se("unexpected EOF while parsing")
                }
            }
        };
    }
    let (kind, msg) = match &err.error {
        ParseErrorType::Lexical(l) => match l {
            LexicalErrorType::IndentationError => {
                if tabs_inconsistent(source, range.start()) {
                    (TabError, "inconsistent use of tabs and spaces in indentation".to_owned())
                } else {
                    // The tokenizer reports it at the end of the offending line.
                    let at = range.start().to_usize().min(source.len());
                    let eol = source[at..].find('\n').map(|p| at + p).unwrap_or(source.len());
                    let eol = TextSize::from(source[..eol].trim_end_matches('\r').len() as u32);
                    range = TextRange::new(eol, eol);
                    (IndentationError, "unindent does not match any outer indentation level".to_owned())
                }
            }
            LexicalErrorType::OtherError(m) if m.contains("Invalid decimal integer literal") => {
                se("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
            }
            LexicalErrorType::OtherError(m) if m.contains("ParseIntError") || m.contains("Invalid") => {
                let t = source[range].to_ascii_lowercase();
                if t.starts_with("0x") {
                    se("invalid hexadecimal literal")
                } else if t.starts_with("0o") {
                    se("invalid octal literal")
                } else if t.starts_with("0b") {
                    se("invalid binary literal")
                } else {
                    se("invalid decimal literal")
                }
            }
            LexicalErrorType::FStringError(f) if format!("{:?}", f) == "SingleRbrace" => se("f-string: single '}' is not allowed"),
            LexicalErrorType::UnclosedStringError => {
                let line = line_of(source, range.start());
                let start_line = source[..range.start().to_usize()].rfind('\n').map(|p| p + 1).unwrap_or(0);
                let rest = &source[range.start().to_usize()..];
                let triple = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("\"\"\"")
                    || rest.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("'''");
                let _ = start_line;
                if triple {
                    let last = source.lines().count().max(1);
                    (SyntaxError, format!("unterminated triple-quoted string literal (detected at line {})", last))
                } else {
                    (SyntaxError, format!("unterminated string literal (detected at line {})", line))
                }
            }
            // A continuation line at the end of input is E_EOF too.
            LexicalErrorType::Eof => eof_error!(),
            LexicalErrorType::LineContinuationError => {
                // The tokenizer: a backslash must end its line (the source
                // gets a final newline), and a line must follow it.
                let at = range.start().to_usize().min(source.len());
                let rest = source[at..].strip_prefix('\\').unwrap_or(&source[at..]);
                let after_newline = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')).or_else(|| rest.strip_prefix('\r'));
                let eof = matches!(after_newline, Some(tail) if tail.is_empty()) || after_newline.is_none() && rest.is_empty();
                match after_newline {
                    // The input ends in the continuation: CPython's E_EOF,
                    // reported as the innermost bracket still open, if any.
                    _ if eof => eof_error!(),
                    _ => {
                        // Reported at the character after the backslash.
                        let next = TextSize::from((at + 1).min(source.len()) as u32);
                        range = TextRange::new(next, next);
                        end_offset_zero = true;
                        se("unexpected character after line continuation character")
                    }
                }
            }
            // A literal is decoded when its statement is parsed, which needs
            // the next token: a continuation ending the input fails first.
            LexicalErrorType::UnicodeError if ends_in_continuation(&source[range.end().to_usize().min(source.len())..]) => {
                at_eof = true;
                se("unexpected EOF while parsing")
            }
            LexicalErrorType::UnicodeError => escape_error(source, range.start().to_usize(), range.end().to_usize()),
            LexicalErrorType::MissingUnicodeLbrace | LexicalErrorType::MissingUnicodeRbrace => {
                escape_error(source, range.start().to_usize(), range.end().to_usize())
            }
            LexicalErrorType::InvalidByteLiteral => se("bytes can only contain ASCII literal characters"),
            _ => se("invalid syntax"),
        },
        ParseErrorType::UnexpectedIndentation => {
            if tabs_inconsistent(source, range.start()) {
                (TabError, "inconsistent use of tabs and spaces in indentation".to_owned())
            } else {
                (IndentationError, "unexpected indent".to_owned())
            }
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            let exp = format!("{}", expected);
            let found = format!("{:?}", found);
            let line_start = source[..range.start().to_usize()].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let head = source[line_start..].trim_start();
            let bracket = unclosed_bracket(source, range.start().to_usize());
            // As CPython's full-source tokenizer pass: a bracket is only
            // reported as never closed when brackets are still open at the
            // end of the input.
            let open_at_eof = !open_brackets(source, source.len()).is_empty();
            if let Some((pos, c)) = bracket.filter(|(pos, _)| open_at_eof && line_of(source, TextSize::from(*pos as u32)) < line_of(source, range.start())) {
                range = TextRange::new(TextSize::from(pos as u32), TextSize::from(pos as u32));
                {
                    end_offset_zero = true;
                    (SyntaxError, format!("'{}' was never closed", c))
                }
            } else if let Some((a, b)) = (found == "For").then(|| crate::brackets::unparenthesized_comprehension_target(source, range.start().to_usize())).flatten() {
                range = TextRange::new(TextSize::from(a as u32), TextSize::from(b as u32));
                se("did you forget parentheses around the comprehension target?")
            } else if let Some(r) = (found == "Equal" && !exp.contains(':')).then(|| name_equals_in_display(source, range.start().to_usize())).flatten() {
                // `(x, y=3)`: CPython's invalid_named_expression.
                range = r;
                se("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            } else if let Some((m, r, z)) = (found == "Equal").then(|| display_target_equals(source, range.start().to_usize())).flatten() {
                range = r;
                end_offset_zero = z;
                (SyntaxError, m)
            } else if let Some(r) = (found == "For").then(|| kwarg_before_for(source, range.start().to_usize())).flatten() {
                // `f(a=x for x in y)`: CPython's invalid_kwarg.
                range = r;
                se("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            } else if exp.contains(':') && found == "Equal" && (head.starts_with("if ") || head.starts_with("elif ") || head.starts_with("while ")) {
                // CPython's invalid_named_expression: a name gets the walrus
                // hint, any other target "cannot assign to X here".
                let at = range.start().to_usize();
                let kw_end = line_start + (source[line_start..].len() - head.len()) + head.find(' ').unwrap_or(0);
                let target = source[kw_end..at].trim();
                let t_start = kw_end + source[kw_end..at].find(target).unwrap_or(0);
                let parsed = ruff_python_parser::parse_expression(target).ok();
                match parsed.as_ref().map(|p| p.expr()) {
                    Some(Expr::Name(_)) => {
                        // From the name to the end of the value (before the colon).
                        let value = &source[at + 1..];
                        let end = at + 1 + value.find(':').map(|c| value[..c].trim_end().len()).unwrap_or(0);
                        if end > at + 1 {
                            range = TextRange::new(TextSize::from(t_start as u32), TextSize::from(end as u32));
                        }
                        se("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
                    }
                    None => se("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
                    Some(Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)) => se("invalid syntax"),
                    Some(e) => {
                        range = TextRange::new(TextSize::from(t_start as u32), TextSize::from((t_start + target.len()) as u32));
                        (SyntaxError, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", describe_expr(e)))
                    }
                }
            } else if found == "Lpar" && exp.contains('(') == false && (head.starts_with("def ") || head.starts_with("async def ")) && unclosed_bracket(source, range.start().to_usize()).is_some() {
                range = paren_group(source, range.start().to_usize()).unwrap_or(range);
                se("Function parameters cannot be parenthesized")
            } else if found == "Lpar" && source[..range.start().to_usize()].rfind("lambda").is_some_and(|p| !source[p..range.start().to_usize()].contains(':')) {
                range = paren_group(source, range.start().to_usize()).unwrap_or(range);
                se("Lambda expression parameters cannot be parenthesized")
            } else if exp.contains('(') && (head.starts_with("def ") || head.starts_with("async def ")) && source[line_start..range.start().to_usize()].matches('(').count() == 0 {
                se("expected '('")
            } else if found == "Star" && source[..range.start().to_usize()].trim_end().ends_with('/') {
                se("expected comma between / and *")
            } else if exp.contains(':') && found == "Rbrace" || exp.contains(':') && found == "Comma" && bracket.map(|b| b.1 == '{').unwrap_or(false) {
                // CPython points at the key's last character.
                let key_end = source[..range.start().to_usize()].trim_end().len();
                let at = TextSize::from(key_end.saturating_sub(1) as u32);
                range = TextRange::new(at, at + TextSize::from(1));
                end_offset_zero = true; // CPython's end column is -1 + 1 here
                se("':' expected after dictionary key")
            } else if exp.to_lowercase().contains("else") && !source[range.start().to_usize()..].starts_with(':') {
                // (CPython's rule requires the `if` expression not to be
                // followed by `:` or `else`.)
                // From the start of the value before `if` to the end of the condition.
                let at = range.start().to_usize();
                let cond_end = source[..at].trim_end().len();
                if let Some(if_at) = source[..cond_end].rfind(" if ").map(|p| p + 1) {
                    if let Some((start, _)) = crate::brackets::expression_start(source, if_at) {
                        let start = start + (source[start..].len() - source[start..].trim_start().len());
                        range = TextRange::new(TextSize::from(start as u32), TextSize::from(cond_end as u32));
                    }
                }
                se("expected 'else' after 'if' expression")
            } else if let Some((a, b)) = crate::brackets::missing_comma_range(source, range.start().to_usize()) {
                range = TextRange::new(TextSize::from(a as u32), TextSize::from(b as u32));
                se("invalid syntax. Perhaps you forgot a comma?")
            } else if exp.contains(':') && forced_colon(head) {
                // `def`, `try`, `finally` and `else` demand their colon (`&&':'`).
                if matches!(found.as_str(), "Newline" | "EndOfFile") {
                    range = TextRange::new(range.start(), range.start());
                }
                se("expected ':'")
            } else if exp.contains(':') && matches!(found.as_str(), "Newline" | "EndOfFile") {
                range = TextRange::new(range.start(), range.start());
                se("expected ':'")
            } else if exp.contains(':') {
                se("invalid syntax")
            } else if exp.to_lowercase().contains("indent") {
                // The block header starts the previous logical line.
                let line = line_of(source, range.start());
                let prev = source.lines().take(line.saturating_sub(1)).enumerate().collect::<Vec<_>>().into_iter().rev().find(|(_, l)| l.trim_end().ends_with(':'));
                match prev {
                    Some((i, l)) => {
                        let word = l.trim_start().split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("");
                        let what = match word {
                            "if" => "'if' statement",
                            "elif" => "'elif' statement",
                            "else" => "'else' statement",
                            "for" => "'for' statement",
                            "while" => "'while' statement",
                            "with" => "'with' statement",
                            "try" => "'try' statement",
                            "except" => "'except' statement",
                            "finally" => "'finally' statement",
                            "def" => "function definition",
                            "class" => "class definition",
                            "match" => "'match' statement",
                            "case" => "'case' statement",
                            _ => "",
                        };
                        if what.is_empty() {
                            (IndentationError, "expected an indented block".to_owned())
                        } else {
                            (IndentationError, format!("expected an indented block after {} on line {}", what, i + 1))
                        }
                    }
                    None => (IndentationError, "expected an indented block".to_owned()),
                }
            } else if let Some((pos, c)) = bracket.filter(|_| range.start().to_usize() >= source.trim_end().len()) {
                range = TextRange::new(TextSize::from(pos as u32), TextSize::from(pos as u32));
                {
                    end_offset_zero = true;
                    (SyntaxError, format!("'{}' was never closed", c))
                }
            } else {
                se("invalid syntax")
            }
        }
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidAnnotatedAssignmentTarget | ParseErrorType::InvalidNamedAssignmentTarget => {
            let text = &source[range];
            let describe = |text: &str| {
                let desc = ruff_python_parser::parse_expression(text).ok().map(|p| describe_expr(p.expr()));
                desc.unwrap_or(if text.trim_start_matches('(').starts_with("yield") { "yield expression" } else if text.starts_with('*') { "starred" } else { "expression" })
            };
            let desc = describe(text);
            let after = source[range.end().to_usize()..].trim_start_matches([' ', '\t']);
            let hint = if let ParseErrorType::InvalidAssignmentTarget = err.error {
                crate::assign_hint::for_statement(source, range.start())
            } else {
                None
            };
            let head = source[source[..range.start().to_usize()].rfind('\n').map(|p| p + 1).unwrap_or(0)..].trim_start();
            let for_target = head.starts_with("for ") || head.starts_with("async for ");
            if let ParseErrorType::InvalidNamedAssignmentTarget = err.error {
                (SyntaxError, format!("cannot use assignment expressions with {}", desc))
            } else if let Some(crate::assign_hint::Hint::NameEquals(r)) = hint {
                range = r;
                se("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            } else if let Some(crate::assign_hint::Hint::Here(r)) = hint {
                // CPython names the target without its parentheses.
                let inner = source[r].trim();
                let stripped = inner.trim_start_matches('(').trim_end_matches(')');
                let paren = inner.len() > stripped.len()
                    && (stripped.starts_with("yield") || ruff_python_parser::parse_expression(stripped).is_ok());
                range = if paren {
                    let off = source[r].find(stripped).unwrap_or(0) as u32;
                    TextRange::at(r.start() + TextSize::from(off), TextSize::from(stripped.len() as u32))
                } else {
                    r
                };
                (SyntaxError, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", describe(&source[r])))
            } else if desc == "comparison" && for_target && !source[range].contains(" in ") {
                // CPython names a for target only through a leading `in`
                // test; otherwise it stops at the comparison operator.
                let text = &source[range];
                if let Some(op) = text.find(['<', '>', '=', '!']) {
                    let len = if text[op + 1..].starts_with('=') { 2 } else { 1 };
                    let at = range.start() + TextSize::from(op as u32);
                    range = TextRange::at(at, TextSize::from(len));
                }
                se("invalid syntax")
            } else if desc == "yield expression" && after.starts_with('=') && !after.starts_with("==") && !text.starts_with('(') {
                se("assignment to yield expression not possible")
            } else {
                (SyntaxError, format!("cannot assign to {}", desc))
            }
        }
        ParseErrorType::InvalidDeleteTarget if source[range].starts_with('*') => se("cannot delete starred"),
        ParseErrorType::InvalidDeleteTarget => {
            // The range may leave out the parentheses a walrus needs.
            let text = &source[range];
            let desc = ruff_python_parser::parse_expression(text)
                .or_else(|_| ruff_python_parser::parse_expression(&format!("({})", text)))
                .ok()
                .map(|p| describe_expr(p.expr()))
                .unwrap_or("expression");
            (SyntaxError, format!("cannot delete {}", desc))
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let text = &source[range];
            let desc = ruff_python_parser::parse_expression(text).ok().map(|p| describe_expr(p.expr())).unwrap_or(
                if text.trim_start_matches('(').starts_with("yield") { "yield expression" } else { "expression" },
            );
            (SyntaxError, format!("'{}' is an illegal expression for augmented assignment", desc))
        }
        ParseErrorType::PositionalAfterKeywordArgument => se("positional argument follows keyword argument"),
        ParseErrorType::PositionalAfterKeywordUnpacking => se("positional argument follows keyword argument unpacking"),
        ParseErrorType::InvalidArgumentUnpackingOrder => se("iterable argument unpacking follows keyword argument unpacking"),
        ParseErrorType::NonDefaultParamAfterDefaultParam => se("non-default argument follows default argument"),
        ParseErrorType::IterableUnpackingInComprehension => se("iterable unpacking cannot be used in comprehension"),
        ParseErrorType::VarParameterWithDefault => {
            // `**b=3` as well as `*b=3`: the stars before the name tell which.
            let at = range.start().to_usize();
            let param_start = source[..at].rfind([',', '(']).map(|p| p + 1).unwrap_or(0);
            let param = &source[param_start..at];
            let star = param.find('*').map(|p| param_start + p);
            let starred_annotation = param.split_once(':').is_some_and(|(_, a)| a.trim_start().starts_with('*'));
            if param.find('*').is_some_and(|p| param[p..].starts_with("**")) {
                se("var-keyword argument cannot have default value")
            } else if starred_annotation {
                // CPython's rule for the message takes no `*` annotation.
                se("invalid syntax")
            } else if let Some(first) = star.filter(|s| earlier_single_star(source, *s)) {
                // A second `*` parameter: no rule of CPython's matches it
                // with a default; the error is at that star.
                let p = TextSize::from(first as u32);
                range = TextRange::new(p, p + TextSize::from(1));
                se("invalid syntax")
            } else {
                se("var-positional argument cannot have default value")
            }
        }
        ParseErrorType::ExpectedKeywordParam => {
            // A bare `*` then `)` or `,` needs named arguments; anything else
            // after the star (`*None`) is a plain syntax error there.
            // The bare star: the last lone `*` up to the error.
            let b = source.as_bytes();
            let upto = (range.end().to_usize()).min(b.len());
            let star = (0..upto).rev().find(|&p| b[p] == b'*' && (p == 0 || b[p - 1] != b'*') && b.get(p + 1) != Some(&b'*'));
            let after_star = star.map(|p| p + 1).unwrap_or(range.start().to_usize());
            let rest = &source[after_star.min(source.len())..];
            let next = after_star + (rest.len() - rest.trim_start().len());
            if rest.trim_start().is_empty() || rest.trim_start().starts_with([')', ',', ':']) {
                se("named arguments must follow bare *")
            } else {
                let end = next + source[next..].find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(source.len() - next).max(1);
                range = TextRange::new(TextSize::from(next as u32), TextSize::from(end as u32));
                se("invalid syntax")
            }
        }
        ParseErrorType::FStringError(f) => {
            let m = format!("{:?}", f);
            match m.as_str() {
                "InvalidConversionFlag" => se("f-string: invalid conversion character: expected 's', 'r', or 'a'"),
                "UnclosedLbrace" => se("f-string: expecting '}'"),
                "SingleRbrace" => se("f-string: single '}' is not allowed"),
                _ => (SyntaxError, format!("f-string: {}", raw.trim_start_matches("f-string: ").to_lowercase())),
            }
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            if source[..range.start().to_usize()].trim_end().ends_with('(') && source[..range.start().to_usize()].trim_start().starts_with("class ") {
                se("invalid syntax")
            } else {
                se("Generator expression must be parenthesized")
            }
        }
        ParseErrorType::InvalidStarredExpressionUsage
            if source[..range.start().to_usize()].trim_end().ends_with(':') && unclosed_bracket_innermost(source, range.start().to_usize()).is_some_and(|(_, c)| c == '{') =>
        {
            se("cannot use a starred expression in a dictionary value")
        }
        ParseErrorType::InvalidStarredExpressionUsage => {
            let (a, b) = (range.start().to_usize(), range.end().to_usize().min(source.len()));
            if source[..a].trim_end().ends_with('(') && source[b..].trim_start().starts_with(')') {
                se("cannot use starred expression here")
            } else {
                range = TextRange::new(range.start(), range.start() + TextSize::from(1));
                se("invalid syntax")
            }
        }
        ParseErrorType::InvalidMatchPatternTarget if source[..range.start().to_usize()].trim_end().ends_with("**") => se("invalid syntax"),
        ParseErrorType::InvalidMatchPatternTarget => se("cannot use '_' as a target"),
        ParseErrorType::ExpectedImaginaryNumber => se("imaginary number required in complex literal"),
        ParseErrorType::ExpectedRealNumber => {
            let before = source[..range.start().to_usize()].trim_end();
            if before.ends_with(['+', '-']) && before[..before.len() - 1].trim_end().ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
                // `1+2j+3`: the complex literal ended; the operator after it is the error.
                let rest = &source[range.end().to_usize()..];
                let off = rest.len() - rest.trim_start().len();
                let at = range.end() + TextSize::from(off as u32);
                range = TextRange::at(at, TextSize::from(1));
                se("invalid syntax")
            } else {
                let text = &source[range];
                let skip = text.len() - text.trim_start_matches(['-', ' ']).len();
                range = TextRange::new(range.start() + TextSize::from(skip as u32), range.end());
                se("real number required in complex literal")
            }
        }
        ParseErrorType::ParamAfterVarKeywordParam => se("arguments cannot follow var-keyword argument"),
        ParseErrorType::ExpectedExpression => {
            let at = range.start().to_usize();
            let prev = source[..at].chars().last();
            let cur = source[at..].chars().next();
            let prev_tok = source[..at].trim_end().chars().last();
            let in_dict = unclosed_bracket(source, at).is_some_and(|(_, c)| c == '{');
            match (prev, cur) {
                // CPython's invalid_group: `(**a)`.
                _ if prev_tok == Some('(') && source[at..].starts_with("**") => se("cannot use double starred expression here"),
                // `def f(a, d=, c)` / `lambda a, d=, c: 0`
                _ if prev_tok == Some('=') && in_parameters(source, at) => {
                    // At the `=`.
                    let eq = source[..at].trim_end().len() - 1;
                    range = TextRange::new(TextSize::from(eq as u32), TextSize::from(eq as u32 + 1));
                    se("expected default value expression")
                }
                // `f(**x, *)`
                _ if prev_tok == Some('*') && !source[..at].trim_end().ends_with("**") && unclosed_bracket_innermost(source, at).is_some_and(|(p, c)| c == '(' && source[p..at].contains("**")) => {
                    let star = source[..at].trim_end().len() - 1;
                    range = TextRange::new(TextSize::from(star as u32), TextSize::from(star as u32 + 1));
                    se("iterable argument unpacking follows keyword argument unpacking")
                }
                _ if prev_tok == Some(':') && in_dict && matches!(cur, Some('}' | ',')) => {
                    let colon = source[..at].trim_end().len() - 1;
                    range = TextRange::new(TextSize::from(colon as u32), TextSize::from(colon as u32 + 1));
                    se("expression expected after dictionary key and ':'")
                }
                (Some('{'), Some('}')) => se("f-string: empty expression not allowed"),
                (Some('{'), Some('\'' | '"')) => se("f-string: expecting '}'"),
                _ => se("invalid syntax"),
            }
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            // CPython's invalid_legacy_expression: `print`/`exec` followed by
            // what parses as expressions, wherever an expression may stand;
            // the statement ends at `;`, a comment or the line's end.
            let at = range.start().to_usize();
            let before = source[..at].trim_end();
            let word = ["print", "exec"].iter().find(|w| {
                before.ends_with(**w)
                    && !before[..before.len() - w.len()].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
            });
            let mut quote: Option<char> = None;
            let mut end = source.len();
            for (k, c) in source[at..].char_indices() {
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == '\'' || c == '"' => quote = Some(c),
                    None if matches!(c, ';' | '#' | '\n' | '\r') => {
                        end = at + k;
                        break;
                    }
                    None => {}
                }
            }
            let rest = source[at..end].trim_end();
            let parses = !rest.is_empty() && ruff_python_parser::parse_expression(&format!("({}\n)", rest)).is_ok();
            match word {
                Some(w) if parses => {
                    let start = before.len() - w.len();
                    range = TextRange::new(TextSize::from(start as u32), TextSize::from((at + rest.len()) as u32));
                    (SyntaxError, format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", w, w))
                }
                _ => se("invalid syntax"),
            }
        }
        ParseErrorType::OtherError(m) => {
            let m = m.as_str();
            if let Some(what) = m.strip_prefix("Expected an indented block after ") {
                at_eof = at_end_of_source(source, range);
                expected_indented_block(source, &mut range, what)
            } else if let Some(r) = m.starts_with("Expected an expression or a").then(|| name_equals_in_display(source, range.start().to_usize())).flatten() {
                // `[z=3]`, `(x, y=1)`: CPython's invalid_named_expression.
                range = r;
                se("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            } else if let Some((m, r, z)) = m.starts_with("Expected an expression or a").then(|| display_target_equals(source, range.start().to_usize())).flatten() {
                range = r;
                end_offset_zero = z;
                (SyntaxError, m)
            } else if m.starts_with("Multiple exception types must be parenthesized") {
                // Through `as NAME` up to the clause's colon.
                let rest = &source[range.start().to_usize()..];
                if let Some(colon) = rest.find(':') {
                    range = TextRange::at(range.start(), TextSize::from(rest[..colon].trim_end().len() as u32));
                }
                se("multiple exception types must be parenthesized")
            } else if m == "Expected one or more exception types" {
                se("expected one or more exception types")
            } else if m == "Only one '*' parameter allowed" {
                se("* argument may appear only once")
            } else if m == "Position-only parameter separator not allowed as first parameter"
                && source[range.end().to_usize()..].trim_start().starts_with(',')
            {
                se("at least one argument must precede /")
            } else if m == "'/' parameter must appear before '*' parameter" {
                se("/ must be ahead of *")
            } else if m == "Positional patterns cannot follow keyword patterns" {
                se("positional patterns follow keyword patterns")
            } else if (m == "Expected an identifier" || m.starts_with("Expected an identifier, but found a keyword")) && source[..range.start().to_usize()].trim_end().ends_with(" as") && in_case_pattern(source, range.start().to_usize()) {
                // `case x as 1:` / `case x as (a):` — CPython points at the
                // target expression without its parentheses.
                let rest = &source[range.start().to_usize()..];
                let end = rest.find(':').unwrap_or(rest.len());
                let target = rest[..end].trim_end();
                let inner = target.trim_start_matches('(').trim_end_matches(')').trim();
                let off = rest.find(inner).unwrap_or(0);
                range = TextRange::at(range.start() + TextSize::from(off as u32), TextSize::from(inner.len() as u32));
                se("invalid pattern target")
            } else if m == "Cannot have both 'except' and 'except*' on the same 'try'" {
                // CPython marks the offending `except` / `except*` keyword.
                let text = &source[range.start().to_usize()..];
                let after = &text[6.min(text.len())..];
                let len = if after.trim_start().starts_with('*') { 6 + after.find('*').unwrap_or(0) + 1 } else { 6 };
                range = TextRange::at(range.start(), TextSize::from(len as u32));
                se("cannot have both 'except' and 'except*' on the same 'try'")
            } else if m == "Bytes literal cannot be mixed with non-bytes literals" {
                se("cannot mix bytes and nonbytes literals")
            } else if m == "Only one '/' separator allowed" {
                se("/ may appear only once")
            } else if m.starts_with("Expected `except` or `finally`") {
                at_eof = at_end_of_source(source, range);
                se("expected 'except' or 'finally' block")
            } else if m.starts_with("Only single target") {
                (SyntaxError, format!("o{}", &m[1..]))
            } else if let Some(eq) = (m == "Expected a parameter name").then(|| keyword_equals_after(source, range.end().to_usize())).flatten() {
                // `f(None=1)`, `f(x.y=1)`, `f(a + b = 1)`: a keyword argument
                // that is not a name; CPython marks it up to the `=`.
                let name = &source[range];
                range = TextRange::new(range.start(), TextSize::from(eq as u32 + 1));
                if matches!(name, "None" | "True" | "False") {
                    (SyntaxError, format!("cannot assign to {}", name))
                } else {
                    se("expression cannot contain assignment, perhaps you meant \"==\"?")
                }
            } else if m == "Conditional expression cannot be used here" {
                // CPython stops at the `if`.
                let text = &source[range.start().to_usize()..range.end().to_usize().min(source.len())];
                if let Some(p) = text.find(" if ") {
                    let at = range.start() + TextSize::from(p as u32 + 1);
                    range = TextRange::new(at, at + TextSize::from(2));
                }
                se("invalid syntax")
            } else if m == "Trailing comma not allowed" {
                se("trailing comma not allowed without surrounding parentheses")
            } else if m == "Expected a statement" {
                match source[range.start().to_usize()..].chars().next() {
                    Some(c @ (')' | ']' | '}')) => (SyntaxError, format!("unmatched '{}'", c)),
                    _ => se("invalid syntax"),
                }
            } else {
                se("invalid syntax")
            }
        }
        _ => se("invalid syntax"),
    };
    if !at_eof && msg == "invalid syntax" {
        // At the end of a line the parser stands on its NEWLINE token, which
        // starts at a trailing comment if there is one.
        let at = range.start().to_usize().min(source.len());
        let line_end = source[at..].find('\n').map(|p| at + p).unwrap_or(source.len());
        let rest = source[at..line_end].trim_start_matches([' ', '\t', '\x0c', '\r']);
        let line_start = source[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let comment = crate::brackets::comment_start(&source[line_start..line_end]).map(|c| line_start + c);
        let rest = match comment {
            Some(c) if c <= at => &source[c..line_end],
            _ => rest,
        };
        if rest.is_empty() || rest.starts_with('#') {
            let start = if rest.starts_with('#') { line_end - rest.len() } else { at };
            let end = if rest.starts_with('#') { source[..line_end].trim_end_matches('\r').len() } else { at };
            range = TextRange::new(TextSize::from(start as u32), TextSize::from(end as u32));
        }
    }
    if !at_eof && msg == "invalid syntax" {
        // CPython's generic error covers the one token it stopped at: for
        // a name or keyword there, not the whole expression it starts.
        let (at, end) = (range.start().to_usize(), range.end().to_usize());
        if at < end && end <= source.len() && matches!(source.as_bytes()[at], b'a'..=b'z' | b'A'..=b'Z' | b'_') {
            let n = crate::brackets::token_len(source.as_bytes(), at);
            if at + n < end {
                range = TextRange::new(range.start(), TextSize::from((at + n) as u32));
            }
        }
    }
    if at_eof {
        let end = TextSize::from(source.trim_end_matches([' ', '\t', '\x0c', '\r', '\n']).len() as u32);
        let line_end = source[end.to_usize()..].find('\n').map(|p| end.to_usize() + p).unwrap_or(source.len());
        let at = TextSize::from(source[..line_end].trim_end_matches('\r').len() as u32);
        range = TextRange::new(at, at);
    }
    // CPython's tokenizer reads `<>` as one token (NOTEQUAL, refused unless
    // Barry is BDFL): the error is at its `<`.
    let at = range.start().to_usize();
    if msg == "invalid syntax" && at > 0 && source.as_bytes().get(at) == Some(&b'>') && source.as_bytes()[at - 1] == b'<' {
        range = TextRange::new(TextSize::from(at as u32 - 1), TextSize::from(at as u32 + 1));
    }
    let mut e = make_error(kind, msg, source, filename, range);
    if end_offset_zero {
        e.end_offset = 0;
    }
    if at_eof {
        e.end_offset = -1;
    }
    e
}

/// Under the barry_as_FLUFL future flag (compile()'s, or inherited from
/// code that imported it): `<>` is the inequality operator and `!=` an
/// error. The source with each `<>`
/// spelled `!=` (same length, so positions hold), None when nothing
/// changes, or the error for a `!=`.
pub fn barry_as_bdfl(source: &str, filename: &str, flag: bool) -> Result<Option<String>, CompileError> {
    // Only the compile flag counts: 3.11's parser does not switch on the
    // import in the text it is parsing.
    if !flag {
        return Ok(None);
    }
    use ruff_python_ast::token::TokenKind;
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_unchecked(source, ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module));
    let tokens: Vec<_> = parsed.tokens().iter().collect();
    let mut out: Option<String> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind() {
            TokenKind::NotEqual => {
                return Err(make_error(CompileErrorKind::SyntaxError, "with Barry as BDFL, use '<>' instead of '!='".into(), source, filename, t.range()));
            }
            TokenKind::Less if tokens.get(i + 1).is_some_and(|n| n.kind() == TokenKind::Greater && n.start() == t.end()) => {
                let s = out.get_or_insert_with(|| source.to_owned());
                let a = t.start().to_usize();
                s.replace_range(a..a + 2, "!=");
            }
            _ => {}
        }
    }
    Ok(out)
}

/// `a, b += 1`: the parser stopped at an augmented assignment operator
/// whose target is an expression that cannot be assigned to.
fn augmented_target_error(source: &str, filename: &str, at: usize) -> Option<CompileError> {
    const OPS: [&str; 13] = ["**=", "//=", ">>=", "<<=", "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^="];
    let rest = source.get(at..)?;
    OPS.iter().find(|op| rest.starts_with(**op))?;
    let line_start = source[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let text = source[line_start..at].trim();
    let start = line_start + (source[line_start..].len() - source[line_start..].trim_start().len());
    let desc = match ruff_python_parser::parse_expression(text).ok()?.expr() {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => return None,
        e => describe_expr(e),
    };
    let range = TextRange::new(TextSize::from(start as u32), TextSize::from((start + text.len()) as u32));
    Some(make_error(
        CompileErrorKind::SyntaxError,
        format!("'{}' is an illegal expression for augmented assignment", desc),
        source,
        filename,
        range,
    ))
}

/// `NAME = value` as an element of a display, the `=` at `at`: the range
/// from the name to the end of the value.
fn name_equals_in_display(source: &str, at: usize) -> Option<TextRange> {
    let b = source.as_bytes();
    if b.get(at) != Some(&b'=') || b.get(at + 1) == Some(&b'=') {
        return None;
    }
    let before = source[..at].trim_end();
    let name_start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map(|p| p + 1).unwrap_or(0);
    if name_start == before.len() || before[name_start..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Keywords spelled like names are no targets for this hint.
    if matches!(&before[name_start..], "True" | "False" | "None") {
        return None;
    }
    if !before[..name_start].trim_end().ends_with(['(', '[', '{', ',']) {
        return None;
    }
    // The value: up to a separator at depth 0.
    let mut depth = 0i32;
    let mut end = source.len();
    for (i, c) in source[at + 1..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                end = at + 1 + i;
                break;
            }
            ')' | ']' | '}' => depth -= 1,
            ',' | '\n' if depth == 0 => {
                end = at + 1 + i;
                break;
            }
            _ => {}
        }
    }
    let value_end = source[..end].trim_end().len();
    (value_end > at + 1).then(|| TextRange::new(TextSize::from(name_start as u32), TextSize::from(value_end as u32)))
}

/// `X = value` as an element of a display where X is no name, the `=` at
/// `at` (CPython's invalid_named_expression and invalid_kvpair): "cannot
/// assign to X here" over X, or, in a dict after a `key: value` pair,
/// "':' expected after dictionary key" at X's last character (with an end
/// column of -1). The message, the range, and whether the end is CPython's
/// -1.
fn display_target_equals(source: &str, at: usize) -> Option<(String, TextRange, bool)> {
    let b = source.as_bytes();
    if b.get(at) != Some(&b'=') || matches!(b.get(at + 1), Some(b'=')) {
        return None;
    }
    // Back to the separator before the target, then on to the display's
    // opening bracket (noting a `:` at its level: a dict).
    let mut depth = 0i32;
    let mut i = at;
    let mut sep = None;
    let mut dict = false;
    while i > 0 {
        i -= 1;
        match b[i] {
            q @ (b'\'' | b'"') => {
                while i > 0 {
                    i -= 1;
                    if b[i] == q {
                        break;
                    }
                }
            }
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            c @ (b'(' | b'[' | b'{') => {
                if sep.is_none() {
                    sep = Some(i);
                }
                if c == b'(' {
                    // A call's arguments are another rule (invalid_kwarg).
                    let before = source[..i].trim_end();
                    if before.ends_with(|ch: char| ch.is_alphanumeric() || ch == '_' || ch == ')' || ch == ']') {
                        return None;
                    }
                }
                dict &= c == b'{';
                break;
            }
            b',' if depth == 0 && sep.is_none() => sep = Some(i),
            b':' if depth == 0 && sep.is_some() => dict = true,
            b'\n' if depth == 0 => return None,
            _ => {}
        }
    }
    let sep = sep?;
    let raw = &source[sep + 1..at];
    let target = raw.trim();
    if target.is_empty() {
        return None;
    }
    let start = sep + 1 + (raw.len() - raw.trim_start().len());
    let end = start + target.len();
    let r = TextRange::new(TextSize::from(start as u32), TextSize::from(end as u32));
    let parsed = ruff_python_parser::parse_expression(target).ok()?;
    let e = parsed.expr();
    if dict {
        let last = TextSize::from((end - 1) as u32);
        return Some(("':' expected after dictionary key".to_owned(), TextRange::new(last, last), true));
    }
    // CPython's rule skips names (another hint), lists, tuples,
    // generators, True/None/False, and anything looser than `|`.
    match e {
        Expr::Name(_) | Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => return None,
        Expr::Compare(_) | Expr::BoolOp(_) | Expr::UnaryOp(ruff_python_ast::ExprUnaryOp { op: ruff_python_ast::UnaryOp::Not, .. }) | Expr::Lambda(_) | Expr::If(_) | Expr::Named(_) | Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_) => return None,
        _ => {}
    }
    if target.starts_with('(') && matches!(e, Expr::Tuple(_) | Expr::Generator(_)) {
        return None;
    }
    // The value must be an expression not itself followed by `=` / `:=`.
    let rest = &source[at + 1..];
    let mut d = 0i32;
    let mut value_end = rest.len();
    for (j, c) in rest.char_indices() {
        match c {
            '(' | '[' | '{' => d += 1,
            ')' | ']' | '}' if d == 0 => {
                value_end = j;
                break;
            }
            ')' | ']' | '}' => d -= 1,
            ',' | '\n' if d == 0 => {
                value_end = j;
                break;
            }
            '=' if d == 0 => {
                // Part of `==`, `<=`, `>=`, `!=` is fine; a lone one is not.
                let prev = rest[..j].chars().next_back();
                let next = rest[j + 1..].chars().next();
                if !(next == Some('=') || matches!(prev, Some('=' | '<' | '>' | '!'))) {
                    return None;
                }
            }
            _ => {}
        }
    }
    if rest[..value_end].trim().is_empty() {
        return None;
    }
    Some((format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", describe_expr(e)), r, false))
}

/// Whether the parameter list holding the `*` at `star` has a `*` or
/// `*name` parameter before it (the list starts at its `(` or `lambda`).
fn earlier_single_star(source: &str, star: usize) -> bool {
    let b = source.as_bytes();
    let mut depth = 0i32;
    let mut i = star;
    let mut start = 0;
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' => {
                start = i + 1;
                break;
            }
            _ if depth == 0 && source[..=i].ends_with("lambda") => {
                start = i + 1;
                break;
            }
            _ => {}
        }
    }
    let mut depth = 0i32;
    let mut at_param_start = true;
    for (j, &c) in b.iter().enumerate().take(star).skip(start) {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                at_param_start = true;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\\' => continue,
            b'*' if depth == 0 && at_param_start && b.get(j + 1) != Some(&b'*') => return true,
            _ => {}
        }
        at_param_start = false;
    }
    false
}

/// The parenthesized group opening at `at`: up to its closing parenthesis.
fn paren_group(source: &str, at: usize) -> Option<TextRange> {
    let b = source.as_bytes();
    let mut depth = 0;
    for (i, &c) in b.iter().enumerate().skip(at) {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(TextRange::new(TextSize::from(at as u32), TextSize::from(i as u32 + 1)));
                }
            }
            _ => {}
        }
    }
    None
}

/// The innermost bracket open at `at` (strings and comments skipped).
fn unclosed_bracket_innermost(source: &str, at: usize) -> Option<(usize, char)> {
    open_brackets(source, at).last().copied()
}

/// Whether `at` lies in the parameter list of a `def` (its parentheses) or
/// of a `lambda` (before its colon).
fn in_parameters(source: &str, at: usize) -> bool {
    let line_start = source[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let head = source[line_start..].trim_start();
    if (head.starts_with("def ") || head.starts_with("async def ")) && unclosed_bracket(source, at).is_some() {
        return true;
    }
    source[..at].rfind("lambda").is_some_and(|p| !source[p..at].contains(':'))
}

/// The `=` of a keyword argument after an expression ending at `at`
/// (past the expression's closing parentheses and blanks).
fn keyword_equals_after(source: &str, at: usize) -> Option<usize> {
    let rest = &source[at..];
    let skip = rest.len() - rest.trim_start_matches([' ', '\t', ')']).len();
    let rest = &rest[skip..];
    (rest.starts_with('=') && !rest.starts_with("==")).then_some(at + skip)
}

/// The first error of CPython's tokenizer: brackets, numbers, characters.
pub fn first_tokenizer_error(source: &str) -> Option<crate::token_check::TokenError> {
    let brackets = crate::brackets::first_bracket_error(source)
        .map(|(pos, msg)| crate::token_check::TokenError { token_start: pos, range: (pos, pos), msg });
    let tokens = crate::token_check::first_token_error(source);
    match (brackets, tokens) {
        (Some(a), Some(b)) => Some(if a.token_start <= b.token_start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Statements whose colon CPython's grammar forces (`&&':'`): any other
/// token where the colon belongs is "expected ':'".
fn forced_colon(head: &str) -> bool {
    let head = head.strip_prefix("async ").unwrap_or(head).trim_start();
    ["def", "try", "finally", "else"].iter().any(|k| {
        head.strip_prefix(k).is_some_and(|rest| rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    })
}


/// CPython's TabError: the offending line's indentation and the previous
/// indented line's disagree about tabs.
fn tabs_inconsistent(source: &str, at: TextSize) -> bool {
    let line = line_of(source, at);
    let lines: Vec<&str> = source.lines().collect();
    let indent = |l: &str| -> String { l.chars().take_while(|c| *c == ' ' || *c == '\t').collect() };
    let Some(cur) = lines.get(line - 1).map(|l| indent(l)) else { return false };
    let prev = lines[..line - 1].iter().rev().find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).map(|l| indent(l)).unwrap_or_default();
    if cur.is_empty() || prev.is_empty() {
        return false;
    }
    // Compare indentation measured with tab size 8 and tab size 1, as the tokenizer does.
    let width = |s: &str, tab: usize| s.chars().fold(0, |w, c| if c == '\t' { (w / tab + 1) * tab } else { w + 1 });
    let (a8, b8, a1, b1) = (width(&cur, 8), width(&prev, 8), width(&cur, 1), width(&prev, 1));
    a8.cmp(&b8) != a1.cmp(&b1)
}

/// A first line of only blanks and a backslash: the tokenizer counts its
/// indentation, so the continued line is an unexpected indent.
pub fn indented_continuation(source: &str, filename: &str, eval_mode: bool) -> Option<CompileError> {
    let first = source.split_inclusive('\n').next()?;
    let body = first.trim_start_matches([' ', '\t', '\x0c']);
    if body.trim_end_matches(['\r', '\n']) != "\\" {
        return None;
    }
    let second = source[first.len()..].split_inclusive('\n').next().unwrap_or("");
    let indent = second.len() - second.trim_start_matches([' ', '\t', '\x0c']).len();
    if indent == 0 && body.len() == first.len() {
        return None; // no indentation on either line
    }
    let mut text = second.to_owned();
    if !eval_mode && !text.ends_with('\n') {
        text.push('\n');
    }
    Some(CompileError {
        kind: CompileErrorKind::IndentationError,
        msg: "unexpected indent".into(),
        filename: filename.to_owned(),
        lineno: 2,
        offset: indent as u32,
        end_lineno: 2,
        end_offset: -1,
        text: Some(text),
    })
}

/// Eval input has no statements, so an indented line (one that starts a
/// logical line, outside brackets, strings and continuations) is the
/// tokenizer's INDENT, which eval input never accepts: "unexpected indent"
/// when that line starts before the parser's error at `limit`.
pub fn eval_indented_line(source: &str, filename: &str, limit: usize) -> Option<CompileError> {
    let b = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut line = 1u32;
    let mut at_line_start = true;
    while i < b.len() && i <= limit {
        if at_line_start {
            at_line_start = false;
            let start = i;
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
                i += 1;
            }
            let rest = b.get(i).copied();
            let blank = matches!(rest, None | Some(b'\n' | b'\r' | b'#'));
            if depth == 0 && i > start && !blank && start <= limit {
                let end = source[start..].find('\n').map(|n| start + n).unwrap_or(source.len());
                let indent = source[start..i].chars().count() as u32;
                return Some(CompileError {
                    kind: CompileErrorKind::IndentationError,
                    msg: "unexpected indent".into(),
                    filename: filename.to_owned(),
                    lineno: line,
                    offset: indent,
                    end_lineno: line,
                    end_offset: -1,
                    text: Some(source[start..end].to_owned()),
                });
            }
            continue;
        }
        match b[i] {
            b'\n' => {
                line += 1;
                at_line_start = true;
            }
            b'\\' => {
                // A continuation: the next line does not start a logical line.
                if b.get(i + 1) == Some(&b'\n') {
                    line += 1;
                }
                i += 2;
                continue;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            q @ (b'\'' | b'"') => {
                let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        if b.get(i + 1) == Some(&b'\n') {
                            line += 1;
                        }
                        i += 2;
                        continue;
                    }
                    if b[i] == b'\n' {
                        if !triple {
                            break;
                        }
                        line += 1;
                    }
                    if b[i] == q && (!triple || (b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q)) {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Eval input whose last line holds only blanks (no newline after it):
/// the tokenizer reads that as an indented line.
pub fn trailing_indented_blank(source: &str, filename: &str) -> Option<CompileError> {
    let nl = source.rfind('\n')?;
    let last = &source[nl + 1..];
    if last.is_empty() || !last.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    Some(CompileError {
        kind: CompileErrorKind::IndentationError,
        msg: "unexpected indent".into(),
        filename: filename.to_owned(),
        lineno: (source.matches('\n').count() + 1) as u32,
        offset: last.chars().count() as u32,
        end_lineno: (source.matches('\n').count() + 1) as u32,
        end_offset: -1,
        text: Some(last.to_owned()),
    })
}

/// Eval input has no implicit final NEWLINE: an error at the end of the
/// input sits on the ENDMARKER (column 0 of the last line, or line 0 for
/// empty input), and the reported text is the line as written.
pub fn adjust_for_eval_input(e: &mut CompileError, source: &str) {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    if source.trim_start_matches([' ', '\t', '\x0c']).is_empty() && !source.is_empty() {
        // Only blanks: the tokenizer sees an indented empty line.
        *e = CompileError {
            kind: CompileErrorKind::IndentationError,
            msg: "unexpected indent".into(),
            filename: e.filename.clone(),
            lineno: 1,
            offset: source.chars().count() as u32,
            end_lineno: 1,
            end_offset: -1,
            text: Some(source.to_owned()),
        };
        return;
    }
    let rest_is_blank = |line: usize, col: usize| -> bool {
        // From 1-based (line, col) to the end: only blanks and comments, no newline.
        let Some(l) = lines.get(line.wrapping_sub(1)) else { return true };
        let tail: String = l.chars().skip(col.saturating_sub(1)).collect();
        let tail = tail.trim_start_matches([' ', '\t', '\x0c']);
        line == lines.len() && (tail.is_empty() || tail.starts_with('#') && !tail.contains('\n'))
    };
    let ends_without_newline = !source.ends_with('\n');
    if source.is_empty() {
        e.lineno = 0;
        e.offset = 0;
        e.end_lineno = 0;
        e.end_offset = 0;
        e.text = Some(String::new());
        return;
    }
    let generic = e.kind == CompileErrorKind::SyntaxError && e.msg == "invalid syntax";
    if generic && (ends_without_newline && rest_is_blank(e.lineno as usize, e.offset as usize) || source.trim().is_empty() || source.trim_start().starts_with('#') && lines.len() == 1) {
        e.lineno = lines.len() as u32;
        e.end_lineno = e.lineno;
        e.offset = 0;
        e.end_offset = 0;
    }
    if let Some(l) = lines.get((e.lineno as usize).wrapping_sub(1)) {
        e.text = Some((*l).to_owned());
    }
}

/// Whether only blanks and comments follow the error's start.
fn at_end_of_source(source: &str, range: TextRange) -> bool {
    source[range.start().to_usize().min(source.len())..]
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// IndentationError "expected an indented block after X on line N".
fn expected_indented_block(source: &str, range: &mut TextRange, what: &str) -> (CompileErrorKind, String) {
    let what = what.replace('`', "'");
    let (kw, desc) = if what.contains("function definition") {
        ("def", "function definition".to_owned())
    } else if what.contains("class") {
        ("class", "class definition".to_owned())
    } else {
        let kw = what.split('\'').nth(1).unwrap_or("").to_owned();
        let desc = format!("'{}' statement", kw);
        return finish_block(source, range, &kw, desc);
    };
    finish_block(source, range, kw, desc)
}

fn finish_block(source: &str, range: &mut TextRange, kw: &str, desc: String) -> (CompileErrorKind, String) {
    let mut line = line_of(source, range.start());
    let at = range.start().to_usize().min(source.len());
    let line_rest = source[at..].split('\n').next().unwrap_or("");
    if at_end_of_source(source, *range) {
        line += 1; // the header may be the error's own line
    } else if line_rest.trim().is_empty() || line_rest.trim_start().starts_with('#') {
        // Reported at the end of the header line itself: the header is
        // that line, and CPython points at the next line's first token.
        line += 1;
        let next = at + line_rest.len() + 1;
        if let Some(off) = source.get(next..).and_then(|r| {
            let mut pos = 0;
            for l in r.split_inclusive('\n') {
                let t = l.trim_start();
                if !t.trim().is_empty() && !t.starts_with('#') {
                    return Some(pos + (l.len() - t.len()));
                }
                pos += l.len();
            }
            None
        }) {
            let p = TextSize::from((next + off) as u32);
            *range = TextRange::new(p, p);
        }
    }
    let lines: Vec<&str> = source.lines().collect();
    let header = lines[..(line - 1).min(lines.len())].iter().enumerate().rev().find(|(_, l)| {
        let t = l.trim_start();
        let t = t.strip_prefix("async ").unwrap_or(t);
        t.starts_with(kw) && t[kw.len()..].starts_with(|c: char| !c.is_alphanumeric() && c != '_')
    });
    match header {
        Some((i, l)) => {
            // `except*` clauses are named as such.
            let star = kw == "except" && l.trim_start()[6..].trim_start().starts_with('*');
            let desc = if star { "'except*' statement".to_owned() } else { desc };
            (CompileErrorKind::IndentationError, format!("expected an indented block after {} on line {}", desc, i + 1))
        }
        None => (CompileErrorKind::IndentationError, "expected an indented block".to_owned()),
    }
}

/// Whether `at` lies in the pattern of a `case` clause (the logical line
/// starts with the soft keyword `case`).
fn in_case_pattern(source: &str, at: usize) -> bool {
    let line_start = source[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
    source[line_start..].trim_start().starts_with("case ")
}

/// For a `for` inside call parentheses, the range `NAME=` of a keyword
/// argument it follows (`f(a=x for x in y)`).
fn kwarg_before_for(source: &str, at: usize) -> Option<TextRange> {
    let (open, c) = unclosed_bracket(source, at)?;
    if c != '(' {
        return None;
    }
    let b = source.as_bytes();
    let mut depth = 0i32;
    let mut start = open + 1;
    for i in open + 1..at {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => start = i + 1,
            _ => {}
        }
    }
    let arg = &source[start..at];
    let lead = arg.len() - arg.trim_start().len();
    let name_len = arg[lead..].find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))?;
    if name_len == 0 || arg[lead..].starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    let after = &arg[lead + name_len..];
    let gap = after.len() - after.trim_start().len();
    if !after.trim_start().starts_with('=') || after.trim_start().starts_with("==") {
        return None;
    }
    let s = start + lead;
    let e = start + lead + name_len + gap + 1;
    Some(TextRange::new(TextSize::from(s as u32), TextSize::from(e as u32)))
}

/// Whether `rest` (the input after an error) is the rest of the last line
/// and the input ends in a backslash (no newline after it).
pub(crate) fn ends_in_continuation(rest: &str) -> bool {
    rest.strip_suffix('\\').is_some_and(|before| !before.contains(['\n', '\r']))
}

/// A bad escape in a string or bytes literal ending at `at`: CPython's
/// decoder messages with the escape's byte position in the literal body.
fn escape_error(source: &str, at: usize, end: usize) -> (CompileErrorKind, String) {
    let at = at.min(source.len());
    let Some(bs) = source[..at].rfind('\\') else {
        return (CompileErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape".into());
    };
    // The body starts after the nearest opening quote(s) before the escape.
    let before = &source[..bs];
    let q = before.rfind(['\'', '"']).unwrap_or(0);
    let qc = before.as_bytes().get(q).copied().unwrap_or(b'"');
    let triple = q >= 2 && before.as_bytes()[q - 2] == qc && before.as_bytes()[q - 1] == qc;
    let qstart = if triple { q - 2 } else { q };
    let prefix_start = before[..qstart].rfind(|c: char| !c.is_ascii_alphabetic()).map(|p| p + 1).unwrap_or(0);
    let is_bytes = before[prefix_start..qstart].to_ascii_lowercase().contains('b');
    let pos = bs - (q + 1);
    let kind = source[bs + 1..].chars().next().unwrap_or(' ');
    let esc_end = pos + (at - bs);
    let msg = match kind {
        'x' if is_bytes => format!("(value error) invalid \\x escape at position {}", pos),
        'x' => format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\xXX escape", pos, esc_end.saturating_sub(1).max(pos + 1)),
        'u' => format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\uXXXX escape", pos, esc_end.saturating_sub(1).max(pos + 1)),
        'U' if source[bs + 2..].chars().take(8).filter(|c| c.is_ascii_hexdigit()).count() == 8 => {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character", pos, pos + 9)
        }
        'U' => format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\UXXXXXXXX escape", pos, esc_end.saturating_sub(1).max(pos + 1)),
        'N' => {
            let after = &source[bs + 2..];
            let unicode = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
            if !after.starts_with('{') {
                format!("{} {}-{}: malformed \\N character escape", unicode, pos, pos + 1)
            } else if source.as_bytes().get(end) == Some(&b'}') && end > bs + 3 {
                format!("{} {}-{}: unknown Unicode character name", unicode, pos, pos + (end - bs))
            } else if source.as_bytes().get(end) == Some(&b'}') {
                format!("{} {}-{}: malformed \\N character escape", unicode, pos, pos + 2)
            } else {
                // No closing brace: the escape runs to the end of the literal.
                format!("{} {}-{}: malformed \\N character escape", unicode, pos, pos + (at.max(end) - 1 - bs))
            }
        }
        _ => "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape".into(),
    };
    (CompileErrorKind::SyntaxError, msg)
}
