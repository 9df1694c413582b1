//! Formatting uncaught exceptions as CPython 3.11 prints them: chained
//! exceptions, "Traceback (most recent call last):", File/line/function
//! lines, the source line, `^^^^` markers under the failing expression, and
//! the final "Type: message" line.

use crate::object::Obj;
use crate::types::exceptions as exc;
use crate::types::{code, str as pystr, traceback, type_};
use std::collections::HashSet;

/// The complete text `sys.excepthook` prints for `value`.
pub fn format_exception(value: &Obj) -> String {
    format_exception_as(value, true)
}

/// What PyTraceBack_Print writes for `tb`: the header and its entries
/// (within sys.tracebacklimit), or nothing when the limit is not positive.
pub fn format_traceback(tb: &Obj) -> String {
    let mut out = String::new();
    if let Some(limit) = tb_limit() {
        out.push_str("Traceback (most recent call last):\n");
        format_tb(&skip_to_limit(tb.clone(), limit), &mut out);
    }
    out
}

/// The same text, with or without the "Did you mean" trailers (CPython's
/// report of an unraisable exception has none).
pub fn format_exception_as(value: &Obj, suggest: bool) -> String {
    let mut out = String::new();
    let mut ctx = PrintContext { depth: 0, need_close: false, seen: HashSet::new(), suggest };
    format_chain(value, true, &mut ctx, &mut out);
    out
}

/// Exception groups are drawn as nested boxes (CPython 3.11's format):
/// `depth` is the nesting, `need_close` whether the last box still needs
/// its closing line.
struct PrintContext {
    depth: usize,
    need_close: bool,
    seen: HashSet<usize>,
    suggest: bool,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text` with every line prefixed by the box margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn sub_exceptions(value: &Obj) -> Option<Vec<Obj>> {
    if !type_::is_subtype(value.type_ptr(), exc::BaseExceptionGroup()) {
        return None;
    }
    let excs = exc::get_field(value, "exceptions")?;
    crate::ops::seq::to_vec(&excs).ok()
}

fn format_chain(value: &Obj, chain: bool, ctx: &mut PrintContext, out: &mut String) {
    // The chain, innermost cause first.
    let mut chain_items: Vec<(Option<&str>, Obj)> = Vec::new();
    let mut cur = Some(value.clone());
    let mut msg: Option<&str> = None;
    while let Some(e) = cur {
        ctx.seen.insert(e.as_ptr() as usize);
        chain_items.push((msg, e.clone()));
        cur = None;
        msg = None;
        if !chain {
            break;
        }
        let next = if let Some(cause) = exc::get_cause(&e) {
            Some((cause, "\nThe above exception was the direct cause of the following exception:\n\n"))
        } else if !exc::suppress_context(&e) {
            exc::get_context(&e).map(|c| (c, "\nDuring handling of the above exception, another exception occurred:\n\n"))
        } else {
            None
        };
        if let Some((n, m)) = next {
            if exc::is_exception_instance(&n) && !ctx.seen.contains(&(n.as_ptr() as usize)) {
                cur = Some(n);
                msg = Some(m);
            }
        }
    }
    // Each entry's message introduces the exception printed before it.
    let mut pending: Option<&str> = None;
    for (m, e) in chain_items.into_iter().rev() {
        if let Some(p) = pending.take() {
            ctx.emit(out, p, '|');
        }
        format_one(&e, chain, ctx, out);
        pending = m;
    }
}

fn format_one(e: &Obj, chain: bool, ctx: &mut PrintContext, out: &mut String) {
    let subs = sub_exceptions(e);
    let Some(subs) = subs else {
        let mut text = String::new();
        if let Some(tb) = exc::get_traceback(e) {
            if let Some(limit) = tb_limit() {
                text.push_str("Traceback (most recent call last):\n");
                format_tb(&skip_to_limit(tb, limit), &mut text);
            }
        }
        format_exception_only(e, ctx.suggest, &mut text);
        ctx.emit(out, &text, '|');
        return;
    };
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(out, &format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH), '|');
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    if let (Some(tb), Some(limit)) = (exc::get_traceback(e), tb_limit()) {
        ctx.emit(out, "Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
        let mut text = String::new();
        format_tb(&skip_to_limit(tb, limit), &mut text);
        ctx.emit(out, &text, '|');
    }
    let mut text = String::new();
    format_exception_only(e, ctx.suggest, &mut text);
    ctx.emit(out, &text, '|');
    let n = subs.len().min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        out.push_str(&format!("{}{}+---------------- {} ----------------\n", ctx.indent(), if i == 0 { "+-" } else { "  " }, title));
        ctx.depth += 1;
        if truncated {
            let remaining = subs.len() - MAX_GROUP_WIDTH;
            ctx.emit(out, &format!("and {} more exception{}\n", remaining, if remaining > 1 { "s" } else { "" }), '|');
        } else {
            format_chain(&subs[i], chain, ctx, out);
        }
        if last && ctx.need_close {
            out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// How many traceback entries to print, from `sys.tracebacklimit` as
/// CPython's PyTraceBack_Print reads it: 1000 unless it is an int; None
/// (no traceback at all) when it is zero or negative.
fn tb_limit() -> Option<usize> {
    let v = match crate::modules::sys::get_attr("tracebacklimit") {
        Some(v) if crate::types::int::is_int(&v) => v,
        _ => return Some(1000),
    };
    if crate::types::int::sign(&v) <= 0 {
        return None;
    }
    Some(crate::types::int::as_i64(&v).map(|n| n as usize).unwrap_or(usize::MAX))
}

/// The traceback without its oldest entries beyond `limit`.
fn skip_to_limit(tb: Obj, limit: usize) -> Obj {
    let mut depth = 0usize;
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        depth += 1;
        cur = traceback::next_of(&t);
    }
    let mut tb = tb;
    while depth > limit {
        match traceback::next_of(&tb) {
            Some(n) => tb = n,
            None => break,
        }
        depth -= 1;
    }
    tb
}

fn format_tb(tb: &Obj, out: &mut String) {
    let mut cur = Some(tb.clone());
    let mut last: Option<(String, u32, String)> = None;
    let mut repeat = 0;
    while let Some(t) = cur {
        let f = traceback::frame_of(&t);
        let fr = crate::eval::frame::frame_mut(&f);
        let code_obj = fr.code_obj().clone();
        let c = code::code(&code_obj);
        let filename = pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.filename) });
        let name = pystr::to_string_lossy(unsafe { Obj::borrow_slot(&c.name) });
        let t_rec = traceback::tb(&t);
        let line = t_rec.tb_lineno as u32;
        let key = (filename.clone(), line, name.clone());
        if last.as_ref() == Some(&key) {
            repeat += 1;
        } else {
            flush_repeats(out, repeat);
            repeat = 0;
        }
        if repeat < 3 {
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", filename, line, name));
            let loc = code::location_at(&code_obj, (t_rec.tb_lasti / 4).max(0) as usize);
            if let Some(src) = source_line(&filename, line) {
                out.push_str(&format!("    {}\n", src.trim()));
                if let Some(markers) = carets(&src, loc, line) {
                    out.push_str(&markers);
                }
            }
        }
        last = Some(key);
        cur = traceback::next_of(&t);
    }
    flush_repeats(out, repeat);
}

fn flush_repeats(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}

static WIDE_HOOK: std::sync::OnceLock<fn(char) -> bool> = std::sync::OnceLock::new();

/// Installs the test for characters a terminal shows two columns wide
/// (East Asian Wide or Fullwidth; done by the unicodedata module).
pub fn set_wide_hook(f: fn(char) -> bool) {
    let _ = WIDE_HOOK.set(f);
}

/// The columns the first `n` characters of `s` take on a terminal.
fn display_width(s: &str, n: usize) -> usize {
    if s.is_ascii() {
        return n;
    }
    let wide = WIDE_HOOK.get();
    s.chars().take(n).map(|c| if wide.is_some_and(|w| w(c)) { 2 } else { 1 }).sum()
}

/// Characters in the first `b` bytes of `s` (a cut character counts as one).
fn byte_to_char(s: &str, b: usize) -> usize {
    String::from_utf8_lossy(&s.as_bytes()[..b.min(s.len())]).chars().count()
}

/// The marker line under a traceback's source line, as traceback.py's
/// format_frame_summary draws it: `~` around `^` at a binary operator or
/// a subscript's index, plain `^` otherwise, none when the range is the
/// whole line. `raw` is the source line without its newline.
fn carets(raw: &str, loc: krait_bytecode::Location, line: u32) -> Option<String> {
    if loc.line != line || loc.line == 0 || !loc.has_cols() {
        return None;
    }
    // linecache's line ends with a newline, which counts as stripped.
    let stripped = raw.trim();
    let stripped_len = stripped.chars().count();
    let stripped_characters = raw.chars().count() + 1 - stripped_len;
    let start = byte_to_char(raw, loc.col as usize);
    let mut end = byte_to_char(raw, loc.end_col as usize);
    let chars: Vec<char> = raw.chars().collect();
    let segment: String = chars[start.min(chars.len())..end.min(chars.len()).max(start.min(chars.len()))].iter().collect();
    let anchors = if loc.end_line == loc.line {
        krait_compiler::caret_anchors(&segment)
    } else {
        end = raw.trim_end().chars().count();
        None
    };
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    if !(end.saturating_sub(start) < stripped_len || anchored) {
        return None;
    }
    let dp_start = display_width(raw, start) + 1;
    let dp_end = display_width(raw, end) + 1;
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(dp_start.saturating_sub(stripped_characters)));
    match anchors {
        Some((l, r)) => {
            let dp_l = display_width(&segment, l);
            let dp_r = display_width(&segment, r);
            s.push_str(&"~".repeat(dp_l));
            s.push_str(&"^".repeat(dp_r.saturating_sub(dp_l)));
            s.push_str(&"~".repeat((dp_end - dp_start).saturating_sub(dp_r)));
        }
        None => s.push_str(&"^".repeat(dp_end.saturating_sub(dp_start))),
    }
    s.push('\n');
    Some(s)
}

/// Decoded source files by name, with the modification time and size they
/// had when read (a file rewritten since is read again, as CPython's
/// printer reads the file each time).
type SourceCache = std::collections::BTreeMap<String, (Option<std::time::SystemTime>, u64, Option<Vec<String>>)>;
static SOURCES: crate::gil::GilCell<std::cell::RefCell<SourceCache>> = crate::gil::GilCell::new(std::cell::RefCell::new(std::collections::BTreeMap::new()));

/// A line of a source file, as linecache gives it to traceback.py: none
/// for `<string>`, `<stdin>` and other names in angle brackets.
fn source_line(filename: &str, line: u32) -> Option<String> {
    if filename.starts_with('<') {
        return None;
    }
    let meta = std::fs::metadata(filename).ok()?;
    let stamp = (meta.modified().ok(), meta.len());
    SOURCES.with(|s| {
        let mut s = s.borrow_mut();
        let fresh = s.get(filename).is_some_and(|(m, l, _)| (*m, *l) == stamp);
        if !fresh {
            s.insert(filename.to_owned(), (stamp.0, stamp.1, read_source(filename)));
        }
        s.get(filename)?.2.as_ref()?.get(line.checked_sub(1)? as usize).cloned()
    })
}

/// A source file's lines, decoded as linecache does (BOM, coding cookie);
/// none for a file that cannot be read or decoded.
fn read_source(filename: &str) -> Option<Vec<String>> {
    let bytes = std::fs::read(filename).ok()?;
    match crate::compile::decode_source(&bytes, filename) {
        Ok(t) => Some(t.lines().map(|l| l.to_owned()).collect()),
        Err(_) => {
            crate::errors::clear();
            None
        }
    }
}

/// The final "Type: message" line(s), with SyntaxError's source display and notes.
/// The source line of a SyntaxError and its caret line, as CPython's
/// print_error_text: offsets are 1-based; the caret is not printed when it
/// would point left of the (left-stripped) text, and is clipped to its end.
fn push_error_text(out: &mut String, text: &str, get: &dyn Fn(&str) -> Option<Obj>) {
    let int_of = |n: &str| get(n).and_then(|v| crate::types::int::as_i64(&v));
    let line_size = text.chars().count() as i64;
    let lineno = int_of("lineno").unwrap_or(0);
    let mut end = int_of("end_offset").unwrap_or(-1);
    if int_of("end_lineno").unwrap_or(lineno) > lineno {
        end = line_size;
    }
    if end > line_size + 1 {
        end = line_size + 1;
    }
    let first = text.lines().next().unwrap_or("").trim_end_matches(['\n', '\r']);
    let stripped = first.trim_start_matches([' ', '\t', '\x0c']);
    let indent = (first.chars().count() - stripped.chars().count()) as i64;
    out.push_str(&format!("    {}\n", stripped));
    let Some(off) = int_of("offset") else { return };
    let reps = if end > 0 && end > off { (end - off) as usize } else { 1 };
    let col = (off - 1 - indent).min(stripped.chars().count() as i64);
    if col < 0 {
        return;
    }
    out.push_str(&format!("    {}{}\n", " ".repeat(col as usize), "^".repeat(reps)));
}

pub fn format_exception_only(value: &Obj, suggest: bool, out: &mut String) {
    let t = value.get_type();
    let mut name = pystr::to_string_lossy(&type_::qualname(&t).unwrap_or_else(|_| type_::name(&t)));
    match type_::module_name(&t) {
        Ok(m) if pystr::is_str(&m) => {
            let m = pystr::to_string_lossy(&m);
            if m != "builtins" && m != "__main__" {
                name = format!("{}.{}", m, name);
            }
        }
        Ok(_) => name = format!("<unknown>.{}", name),
        Err(_) => {
            crate::errors::clear();
            name = format!("<unknown>.{}", name);
        }
    }
    let get = |n: &str| exc::get_field(value, n).filter(|v| !crate::types::none::is_none(v));
    // A SyntaxError is shown with its place only when it has a line number
    // (else as any exception, whose str() names the file).
    let placed = type_::is_subtype(value.type_ptr(), exc::SyntaxError()) && get("lineno").is_some_and(|l| crate::types::int::is_int(&l));
    if placed {
        // As CPython: a filename that is no str (bytes) is shown as its str().
        let filename = get("filename")
            .map(|f| {
                if pystr::is_str(&f) {
                    pystr::to_string_lossy(&f)
                } else {
                    crate::ops::str_of(&f).map(|s| pystr::to_string_lossy(&s)).unwrap_or_else(|_| {
                        crate::errors::clear();
                        "<string>".into()
                    })
                }
            })
            .unwrap_or_else(|| "<string>".into());
        if let Some(l) = get("lineno").and_then(|l| crate::types::int::as_i64(&l)) {
            out.push_str(&format!("  File \"{}\", line {}\n", filename, l));
        }
        if let Some(text) = get("text").filter(|t| pystr::is_str(t)) {
            let text = pystr::to_string_lossy(&text);
            push_error_text(out, &text, &get);
        }
        let msg = get("msg").map(|m| crate::ops::str_of(&m).map(|s| pystr::to_string_lossy(&s)).unwrap_or_default()).unwrap_or_default();
        out.push_str(&format!("{}: {}\n", name, msg));
    } else {
        let msg = match crate::ops::str_of(value) {
            Ok(s) => pystr::to_string_lossy(&s),
            Err(_) => {
                crate::errors::clear();
                "<exception str() failed>".into()
            }
        };
        let trailer = if suggest { crate::suggestions::offer(value).unwrap_or_default() } else { String::new() };
        if msg.is_empty() {
            out.push_str(&format!("{}{}\n", name, trailer));
        } else {
            out.push_str(&format!("{}: {}{}\n", name, msg, trailer));
        }
    }
    if let Ok(Some(notes)) = crate::ops::attr::getattr_opt(value, &pystr::intern_static("__notes__")) {
        push_notes(&notes, out);
    } else {
        crate::errors::clear();
    }
}

/// The notes after the message, as CPython 3.11's C printer writes them:
/// each item's str() (or "<note str() failed>") and a newline; notes that
/// are no sequence are shown as their repr(), with no newline after it.
fn push_notes(notes: &Obj, out: &mut String) {
    // PySequence_Check, as 3.11's printer: a str's characters are notes.
    if !crate::ops::seq::is_sequence(notes) {
        match crate::ops::repr_string(notes) {
            Ok(s) => out.push_str(&s),
            Err(_) => {
                crate::errors::clear();
                out.push_str("<__notes__ repr() failed>");
            }
        }
        return;
    }
    let items = match crate::ops::seq::to_vec(notes) {
        Ok(v) => v,
        Err(_) => {
            crate::errors::clear();
            return;
        }
    };
    for n in items {
        match crate::ops::str_of(&n) {
            Ok(s) => out.push_str(&pystr::to_string_lossy(&s)),
            Err(_) => {
                crate::errors::clear();
                out.push_str("<note str() failed>");
            }
        }
        out.push('\n');
    }
}
