//! CPython's `invalid_named_expression` hints for a failed assignment
//! statement: "cannot assign to X here. Maybe you meant '==' instead of
//! '='?" and "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".
//!
//! CPython's parser only tries these at the start of the statement and at
//! each element of a top-level tuple (where a `named_expression` is parsed),
//! and only when the offending `=` is followed by an expression that is not
//! itself followed by another `=`. ruff reports every bad target alike, so
//! the same walk is redone here over ruff's tokens.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// What the hint says, over which source range.
pub enum Hint {
    /// "cannot assign to {desc} here. Maybe you meant '==' instead of '='?"
    /// for the target spanning the range.
    Here(TextRange),
    /// "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".
    NameEquals(TextRange),
}

fn significant(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .filter(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
        .cloned()
        .collect()
}

/// The index just past the bracketed group opening at `i`.
fn skip_group(t: &[Token], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < t.len() {
        match t[i].kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            TokenKind::Newline | TokenKind::EndOfFile => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// An atom with its trailers starting at `i`; the index after it.
fn primary(t: &[Token], mut i: usize) -> Option<usize> {
    let k = t.get(i)?.kind();
    i = match k {
        TokenKind::Name
        | TokenKind::Int
        | TokenKind::Float
        | TokenKind::Complex
        | TokenKind::Ellipsis
        | TokenKind::True
        | TokenKind::False
        | TokenKind::None => i + 1,
        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => skip_group(t, i),
        TokenKind::String | TokenKind::FStringStart => {
            // Adjacent string literals form one atom.
            while let Some(tok) = t.get(i) {
                match tok.kind() {
                    TokenKind::String => i += 1,
                    TokenKind::FStringStart => {
                        let mut depth = 0;
                        while let Some(x) = t.get(i) {
                            match x.kind() {
                                TokenKind::FStringStart => depth += 1,
                                TokenKind::FStringEnd => {
                                    depth -= 1;
                                    if depth == 0 {
                                        i += 1;
                                        break;
                                    }
                                }
                                _ => {}
                            }
                            i += 1;
                        }
                    }
                    _ => break,
                }
            }
            i
        }
        _ => return None,
    };
    loop {
        match t.get(i).map(|x| x.kind()) {
            Some(TokenKind::Lpar | TokenKind::Lsqb) => i = skip_group(t, i),
            Some(TokenKind::Dot) if t.get(i + 1).map(|x| x.kind()) == Some(TokenKind::Name) => i += 2,
            _ => return Some(i),
        }
    }
}

/// CPython's `bitwise_or` starting at `i` (unary operators, `await`,
/// binary arithmetic/bitwise operators); the index after it.
fn bitwise_or(t: &[Token], mut i: usize) -> Option<usize> {
    loop {
        while matches!(t.get(i).map(|x| x.kind()), Some(TokenKind::Minus | TokenKind::Plus | TokenKind::Tilde | TokenKind::Await)) {
            i += 1;
        }
        i = primary(t, i)?;
        match t.get(i).map(|x| x.kind()) {
            Some(
                TokenKind::Plus
                | TokenKind::Minus
                | TokenKind::Star
                | TokenKind::Slash
                | TokenKind::DoubleSlash
                | TokenKind::Percent
                | TokenKind::At
                | TokenKind::DoubleStar
                | TokenKind::LeftShift
                | TokenKind::RightShift
                | TokenKind::Amper
                | TokenKind::CircumFlex
                | TokenKind::Vbar,
            ) => i += 1,
            _ => return Some(i),
        }
    }
}

fn is_assign_like(t: &[Token], i: usize) -> bool {
    matches!(t.get(i).map(|x| x.kind()), Some(TokenKind::Equal | TokenKind::ColonEqual))
}

/// `invalid_named_expression` at token `e`.
fn at_element(t: &[Token], e: usize) -> Option<Hint> {
    // NAME '=' bitwise_or !('=' | ':=')
    if t.get(e).map(|x| x.kind()) == Some(TokenKind::Name) && t.get(e + 1).map(|x| x.kind()) == Some(TokenKind::Equal) {
        if let Some(k) = bitwise_or(t, e + 2) {
            if !is_assign_like(t, k) {
                return Some(Hint::NameEquals(TextRange::new(t[e].start(), t[k - 1].end())));
            }
        }
    }
    // !(list | tuple | genexp | True | None | False) bitwise_or '=' bitwise_or !('=' | ':=')
    let first = t.get(e)?.kind();
    if matches!(first, TokenKind::True | TokenKind::False | TokenKind::None) {
        return None;
    }
    if first == TokenKind::Lsqb && !group_has_top_level(t, e, TokenKind::For) {
        return None;
    }
    if first == TokenKind::Lpar && paren_is_tuple_or_genexp(t, e) {
        return None;
    }
    let k = bitwise_or(t, e)?;
    if t.get(k).map(|x| x.kind()) != Some(TokenKind::Equal) {
        return None;
    }
    let m = bitwise_or(t, k + 1)?;
    if is_assign_like(t, m) {
        return None;
    }
    Some(Hint::Here(TextRange::new(t[e].start(), t[k - 1].end())))
}

/// Whether the parenthesized group at `i` is a tuple or generator
/// expression (a comma or `for` at its top level, or empty).
fn paren_is_tuple_or_genexp(t: &[Token], i: usize) -> bool {
    let end = skip_group(t, i);
    if end == i + 2 {
        return true;
    }
    let mut depth = 0;
    for tok in &t[i + 1..end.saturating_sub(1)] {
        match tok.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            TokenKind::Comma | TokenKind::For if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Whether the bracketed group at `i` has `kind` at its top level.
fn group_has_top_level(t: &[Token], i: usize, kind: TokenKind) -> bool {
    let end = skip_group(t, i);
    let mut depth = 0;
    for tok in &t[i + 1..end.saturating_sub(1)] {
        match tok.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            k if k == kind && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Whether the logical line holding token `i` starts with a compound
/// statement's keyword.
fn starts_compound(t: &[Token], mut i: usize) -> bool {
    while i > 0 && !matches!(t[i - 1].kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) {
        i -= 1;
    }
    matches!(
        t[i].kind(),
        TokenKind::Def
            | TokenKind::Class
            | TokenKind::If
            | TokenKind::Elif
            | TokenKind::Else
            | TokenKind::While
            | TokenKind::For
            | TokenKind::With
            | TokenKind::Try
            | TokenKind::Except
            | TokenKind::Finally
            | TokenKind::Async
    )
}

/// The hint CPython would give for the statement containing `at`, if any.
pub fn for_statement(source: &str, at: TextSize) -> Option<Hint> {
    let parsed = parse_unchecked(source, ParseOptions::from(Mode::Module));
    let t = significant(parsed.tokens());
    let pos = t.iter().position(|x| x.end() > at)?;
    let mut s = pos;
    let mut depth = 0i32;
    while s > 0 && !matches!(t[s - 1].kind(), TokenKind::Newline | TokenKind::Semi | TokenKind::Indent | TokenKind::Dedent) {
        match t[s - 1].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth -= 1,
            // A simple statement on the line of a compound statement's
            // header (`def f(): x = 1`) starts after the header's colon.
            TokenKind::Colon if depth <= 0 && starts_compound(&t, s - 1) => break,
            _ => {}
        }
        s -= 1;
    }
    // The statement's first element, then each element of a top-level
    // tuple, as long as commas follow.
    let mut e = s;
    loop {
        if let Some(h) = at_element(&t, e) {
            return Some(h);
        }
        let mut i = e;
        if t.get(i).map(|x| x.kind()) == Some(TokenKind::Star) {
            i += 1;
        }
        let next = bitwise_or(&t, i)?;
        if t.get(next).map(|x| x.kind()) != Some(TokenKind::Comma) {
            return None;
        }
        e = next + 1;
    }
}
