//! The `_sre` module (CPython 3.11's Modules/_sre/): `compile` turns the
//! code list of Lib/re/_compiler.py into a `re.Pattern`; `re.Match` and
//! `_sre.SRE_Scanner` sit on top of the matcher in `engine.rs`, with the
//! character predicates in `charset.rs`. Template replacements go through
//! `re._subx` / `re._expand` as in 3.11.

mod charset;
mod engine;

use crate::native::{self, push, State};
use engine::{Matcher, Text};
use krait_bytecode::CompareOp;
use krait_runtime::object::{tpflags, Obj, PyMappingMethods, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{buffer, bytes, dict, int, list, mappingproxy, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, PyResult};
use std::rc::Rc;

static mut PATTERN_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut MATCH_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SCANNER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut MATCH_AS_MAPPING: PyMappingMethods =
    PyMappingMethods { mp_length: None, mp_subscript: Some(match_getitem_slot), mp_ass_subscript: None };

const MAGIC: i64 = 20220615;
const MAXGROUPS: i64 = 1073741823;

// ---------------------------------------------------------------------------
// states

struct PatternS {
    pattern: Obj,
    flags: i64,
    code: Rc<Vec<u32>>,
    groups: usize,
    /// None when the pattern has no named groups.
    groupindex: Option<Obj>,
    indexgroup: Obj,
    /// None for a pattern given as None.
    isbytes: Option<bool>,
}

impl State for PatternS {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.pattern);
        crate::native::push_opt(out, &self.groupindex);
        push(out, &self.indexgroup);
    }
}

struct MatchS {
    string: Obj,
    re: Obj,
    /// The subject's source (Empty for a mutable one, read again on use).
    chars: Rc<Source>,
    isbytes: bool,
    pos: usize,
    endpos: usize,
    spans: Vec<Option<(usize, usize)>>,
    lastindex: isize,
}

impl State for MatchS {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.string);
        push(out, &self.re);
    }
}

struct ScannerS {
    pattern: Obj,
    string: Obj,
    /// Holds a mutable subject's buffer export while the scanner lives (as
    /// CPython's scanner state does): a bytearray being searched by
    /// `finditer` cannot be resized under it (BufferError).
    chars: Rc<Source>,
    isbytes: bool,
    pos: usize,
    endpos: usize,
    start: Option<usize>,
    must_advance: bool,
}

impl State for ScannerS {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.pattern);
        push(out, &self.string);
    }
}

fn pat(o: &Obj) -> PyResult<&mut PatternS> {
    match native::state::<PatternS>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "cleared pattern"),
    }
}

fn mat(o: &Obj) -> PyResult<&mut MatchS> {
    match native::state::<MatchS>(o) {
        Some(s) => Ok(s),
        None => bail!(SystemError, "cleared match"),
    }
}

// ---------------------------------------------------------------------------
// subjects

struct Subject {
    obj: Obj,
    chars: Rc<Source>,
    isbytes: bool,
}

/// Where a subject's characters are read from: in place, never copied.
enum Source {
    /// A str (exact or a subclass instance): its PEP 393 buffer.
    Str(Obj),
    /// An exact bytes object.
    Bytes(Obj),
    /// Any other bytes-like object, through a buffer export that lasts as
    /// long as this source (so a bytearray cannot be resized meanwhile).
    Buf(buffer::Buffer),
    /// Nothing: a match over a mutable subject reads it again when asked.
    Empty,
}

impl Source {
    fn text(&self) -> Text<'_> {
        match self {
            Source::Str(o) => match pystr::view(o) {
                pystr::View::U8(s) => Text::B(s),
                pystr::View::U16(s) => Text::W(s),
                pystr::View::U32(s) => Text::D(s),
            },
            Source::Bytes(o) => Text::B(bytes::as_slice(o)),
            Source::Buf(b) => Text::B(b.as_slice()),
            Source::Empty => Text::B(&[]),
        }
    }

    fn len(&self) -> usize {
        self.text().len()
    }

    fn is_mutable(&self) -> bool {
        matches!(self, Source::Buf(_))
    }
}

/// The source of a subject and whether it is bytes-like.
fn source(o: &Obj) -> PyResult<(Source, bool)> {
    if pystr::is_str(o) {
        return Ok((Source::Str(o.clone()), false));
    }
    if o.type_ptr() == bytes::type_ptr() {
        return Ok((Source::Bytes(o.clone()), true));
    }
    if buffer::has_buffer(o) {
        return Ok((Source::Buf(buffer::bytes_like(o)?), true));
    }
    bail!(TypeError, "expected string or bytes-like object, got '{}'", o.ty().name())
}

fn subject(p: &PatternS, o: &Obj) -> PyResult<Subject> {
    let (src, isbytes) = source(o)?;
    match p.isbytes {
        Some(false) if isbytes => bail!(TypeError, "cannot use a string pattern on a bytes-like object"),
        Some(true) if !isbytes => bail!(TypeError, "cannot use a bytes pattern on a string-like object"),
        _ => {}
    }
    Ok(Subject { obj: o.clone(), chars: Rc::new(src), isbytes })
}

fn slice(obj: &Obj, chars: &Source, isbytes: bool, a: usize, b: usize) -> Obj {
    let t = chars.text();
    if !isbytes {
        if pystr::is_exact_str(obj) {
            return pystr::substring(obj, a, b);
        }
        return pystr::from_code_points(&t.range(a, b));
    }
    if obj.type_ptr() == bytes::type_ptr() && a == 0 && b == t.len() {
        return obj.clone();
    }
    match t {
        Text::B(s) => bytes::new(&s[a..b.max(a)]),
        _ => bytes::new(&t.range(a, b).iter().map(|&c| c as u8).collect::<Vec<u8>>()),
    }
}

fn index_args(a: &[Option<Obj>]) -> PyResult<(Option<isize>, Option<isize>)> {
    let conv = |o: Option<&Obj>| o.map(int::index_isize).transpose();
    Ok((conv(a[1].as_ref())?, conv(a[2].as_ref())?))
}

fn clamp(v: Option<isize>, len: usize, default: usize) -> PyResult<usize> {
    let x = match v {
        Some(x) => x,
        None => return Ok(default.min(len)),
    };
    Ok(if x < 0 { 0 } else { (x as usize).min(len) })
}

fn spans_of(m: &Matcher, groups: usize, start: usize, end: usize) -> Vec<Option<(usize, usize)>> {
    let mut v = vec![Some((start, end))];
    for g in 0..groups {
        let a = m.marks.get(2 * g).copied().flatten();
        let b = m.marks.get(2 * g + 1).copied().flatten();
        v.push(match (a, b) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        });
    }
    v
}

fn new_match(re: &Obj, subj: &Subject, pos: usize, endpos: usize, m: &Matcher, groups: usize, s: usize, e: usize) -> PyResult<Obj> {
    let spans = spans_of(m, groups, s, e);
    native::alloc(
        &raw mut MATCH_TYPE,
        MatchS {
            string: subj.obj.clone(),
            re: re.clone(),
            chars: if subj.chars.is_mutable() { Rc::new(Source::Empty) } else { subj.chars.clone() },
            isbytes: subj.isbytes,
            pos,
            endpos,
            spans,
            lastindex: m.lastindex,
        },
    )
}

// ---------------------------------------------------------------------------
// Pattern

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn string_pos_endpos(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Vec<Option<Obj>>> {
    crate::clinic_args(fname, args, kw, &["string", "pos", "endpos"], 0, 1, 3)
}

fn run_one(o: &Obj, args: &[Obj], kw: Option<&Obj>, fname: &str, mode: Mode) -> PyResult<Obj> {
    let a = string_pos_endpos(fname, args, kw)?;
    let (pos_i, endpos_i) = index_args(&a)?;
    let p = pat(o)?;
    let subj = subject(p, a[0].as_ref().unwrap())?;
    let n = subj.chars.len();
    let pos = clamp(pos_i, n, 0)?;
    let endpos = clamp(endpos_i, n, usize::MAX)?;
    let code = p.code.clone();
    let groups = p.groups;
    let chars = subj.chars.clone();
    let mut m = Matcher::new(&code, chars.text(), endpos, groups);
    let r = match mode {
        Mode::Search => m.search(pos),
        _ => {
            m.match_all = mode == Mode::FullMatch;
            m.do_match(pos).map(|e| (pos, e))
        }
    };
    match r {
        Some((s, e)) => new_match(o, &subj, pos, endpos, &m, groups, s, e),
        None => Ok(none::none()),
    }
}

fn p_match(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    run_one(o, args, kw, "match", Mode::Match)
}
fn p_fullmatch(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    run_one(o, args, kw, "fullmatch", Mode::FullMatch)
}
fn p_search(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    run_one(o, args, kw, "search", Mode::Search)
}

/// Group `g` of the current state as findall/split report it.
fn group_value(subj: &Subject, m: &Matcher, g: usize, empty: bool) -> Obj {
    let a = m.marks.get(2 * g).copied().flatten();
    let b = m.marks.get(2 * g + 1).copied().flatten();
    match (a, b) {
        (Some(a), Some(b)) if a <= b => slice(&subj.obj, &subj.chars, subj.isbytes, a, b),
        _ => {
            if empty {
                slice(&subj.obj, &subj.chars, subj.isbytes, 0, 0)
            } else {
                none::none()
            }
        }
    }
}

fn p_findall(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = string_pos_endpos("findall", args, kw)?;
    let (pos_i, endpos_i) = index_args(&a)?;
    let p = pat(o)?;
    let subj = subject(p, a[0].as_ref().unwrap())?;
    let n = subj.chars.len();
    let mut start = clamp(pos_i, n, 0)?;
    let endpos = clamp(endpos_i, n, usize::MAX)?;
    let code = p.code.clone();
    let groups = p.groups;
    let chars = subj.chars.clone();
    let out = list::new();
    let mut m = Matcher::new(&code, chars.text(), endpos, groups);
    while start <= endpos {
        let Some((s, e)) = m.search(start) else { break };
        let item = match groups {
            0 => slice(&subj.obj, &chars, subj.isbytes, s, e),
            1 => group_value(&subj, &m, 0, true),
            _ => {
                let v: Vec<Obj> = (0..groups).map(|g| group_value(&subj, &m, g, true)).collect();
                tuple::new(&v)
            }
        };
        list::append(&out, item);
        m.must_advance = e == s;
        start = e;
    }
    Ok(out)
}

fn p_scanner(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = string_pos_endpos("scanner", args, kw)?;
    make_scanner(o, &a)
}

fn make_scanner(o: &Obj, a: &[Option<Obj>]) -> PyResult<Obj> {
    let (pos_i, endpos_i) = index_args(a)?;
    let p = pat(o)?;
    let subj = subject(p, a[0].as_ref().unwrap())?;
    let n = subj.chars.len();
    let pos = clamp(pos_i, n, 0)?;
    let endpos = clamp(endpos_i, n, usize::MAX)?;
    native::alloc(
        &raw mut SCANNER_TYPE,
        ScannerS {
            pattern: o.clone(),
            string: subj.obj,
            chars: subj.chars,
            isbytes: subj.isbytes,
            pos,
            endpos,
            start: Some(pos),
            must_advance: false,
        },
    )
}

fn p_finditer(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = string_pos_endpos("finditer", args, kw)?;
    let sc = make_scanner(o, &a)?;
    let search = ops::attr::getattr_str(&sc, "search")?;
    let builtins = krait_runtime::import::import_module_level(&pystr::new("builtins"), None, None, 0)?;
    let iter = ops::attr::getattr_str(&builtins, "iter")?;
    ops::call::call(&iter, &[search, none::none()], None)
}

fn is_literal_template(t: &Obj) -> PyResult<Option<bool>> {
    if pystr::is_str(t) {
        return Ok(Some(!pystr::chars(t).any(|c| c == '\\' as u32)));
    }
    if buffer::has_buffer(t) {
        let b = buffer::bytes_like(t)?;
        return Ok(Some(!b.as_slice().contains(&b'\\')));
    }
    Ok(None)
}

fn re_module_func(name: &str) -> PyResult<Obj> {
    let re = krait_runtime::import::import_module_level(&pystr::new("re"), None, None, 0)?;
    ops::attr::getattr_str(&re, name)
}

fn join(parts: Vec<Obj>, isbytes: bool) -> PyResult<Obj> {
    let joiner = if isbytes { bytes::new(b"") } else { pystr::empty() };
    if parts.is_empty() {
        return Ok(joiner);
    }
    ops::attr::call_method(&joiner, "join", &[list::from_vec(parts)])
}

fn subx(o: &Obj, repl: &Obj, string: &Obj, count: isize, want_n: bool) -> PyResult<Obj> {
    let (filter, callable) = if krait_runtime::builtins::is_callable(repl) {
        (repl.clone(), true)
    } else {
        match is_literal_template(repl)? {
            Some(true) => (repl.clone(), false),
            _ => {
                let f = ops::call::call(&re_module_func("_subx")?, &[o.clone(), repl.clone()], None)?;
                let c = krait_runtime::builtins::is_callable(&f);
                (f, c)
            }
        }
    };
    let p = pat(o)?;
    let subj = subject(p, string)?;
    let code = p.code.clone();
    let groups = p.groups;
    let chars = subj.chars.clone();
    let n = chars.len();
    let mut parts: Vec<Obj> = Vec::new();
    let mut m = Matcher::new(&code, chars.text(), n, groups);
    let (mut i, mut start, mut k) = (0usize, 0usize, 0isize);
    while count == 0 || k < count {
        if start > n {
            break;
        }
        let Some((s, e)) = m.search(start) else { break };
        if i < s {
            parts.push(slice(&subj.obj, &chars, subj.isbytes, i, s));
        }
        if callable {
            let mo = new_match(o, &subj, 0, n, &m, groups, s, e)?;
            let item = ops::call::call(&filter, &[mo], None)?;
            if !none::is_none(&item) {
                parts.push(item);
            }
        } else {
            parts.push(filter.clone());
        }
        i = e;
        k += 1;
        m.must_advance = e == s;
        start = e;
    }
    if i < n {
        parts.push(slice(&subj.obj, &chars, subj.isbytes, i, n));
    }
    let r = join(parts, subj.isbytes)?;
    if want_n {
        Ok(tuple::new(&[r, int::from_i64(k as i64)]))
    } else {
        Ok(r)
    }
}

fn p_sub(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("sub", args, kw, &["repl", "string", "count"], 0, 2, 3)?;
    let count = match &a[2] {
        Some(c) => int::index_isize(c)?,
        None => 0,
    };
    subx(o, a[0].as_ref().unwrap(), a[1].as_ref().unwrap(), count, false)
}

fn p_subn(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("subn", args, kw, &["repl", "string", "count"], 0, 2, 3)?;
    let count = match &a[2] {
        Some(c) => int::index_isize(c)?,
        None => 0,
    };
    subx(o, a[0].as_ref().unwrap(), a[1].as_ref().unwrap(), count, true)
}

fn p_split(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("split", args, kw, &["string", "maxsplit"], 0, 1, 2)?;
    let maxsplit = match &a[1] {
        Some(c) => int::index_isize(c)?,
        None => 0,
    };
    let p = pat(o)?;
    let subj = subject(p, a[0].as_ref().unwrap())?;
    let code = p.code.clone();
    let groups = p.groups;
    let chars = subj.chars.clone();
    let n = chars.len();
    let out = list::new();
    let mut m = Matcher::new(&code, chars.text(), n, groups);
    let (mut last, mut start, mut k) = (0usize, 0usize, 0isize);
    while maxsplit == 0 || k < maxsplit {
        if start > n {
            break;
        }
        let Some((s, e)) = m.search(start) else { break };
        list::append(&out, slice(&subj.obj, &chars, subj.isbytes, last, s));
        for g in 0..groups {
            list::append(&out, group_value(&subj, &m, g, false));
        }
        k += 1;
        m.must_advance = e == s;
        last = e;
        start = e;
    }
    list::append(&out, slice(&subj.obj, &chars, subj.isbytes, last, n));
    Ok(out)
}

fn p_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__copy__", args, kw, 0, 0)?;
    Ok(o.clone())
}

fn p_deepcopy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__deepcopy__", args, kw, 1, 1)?;
    Ok(o.clone())
}

fn class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__class_getitem__", args, kw, 1, 1)?;
    let types = krait_runtime::import::import_module_level(&pystr::new("types"), None, None, 0)?;
    let ga = ops::attr::getattr_str(&types, "GenericAlias")?;
    ops::call::call(&ga, &[cls.clone(), args[0].clone()], None)
}

fn p_get_pattern(o: &Obj) -> PyResult<Obj> {
    Ok(pat(o)?.pattern.clone())
}
fn p_get_flags(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(pat(o)?.flags))
}
fn p_get_groups(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(pat(o)?.groups))
}
fn p_get_groupindex(o: &Obj) -> PyResult<Obj> {
    match pat(o)?.groupindex.clone() {
        Some(d) => mappingproxy::new(&d),
        None => Ok(dict::new()),
    }
}

/// `%.NR`: the repr cut to N characters.
fn repr_trunc(o: &Obj, n: usize) -> PyResult<String> {
    let r = ops::repr(o)?;
    let cps = pystr::code_points(&r);
    Ok(pystr::to_string_lossy(&pystr::from_code_points(&cps[..cps.len().min(n)])))
}

fn p_repr(o: &Obj) -> PyResult<Obj> {
    let p = pat(o)?;
    let (pattern, mut flags, isbytes) = (p.pattern.clone(), p.flags, p.isbytes);
    let r = repr_trunc(&pattern, 200)?;
    if isbytes == Some(false) && (flags & (4 | 32 | 256)) == 32 {
        flags &= !32;
    }
    if flags == 0 {
        return Ok(pystr::new(&format!("re.compile({})", r)));
    }
    let names = [
        ("re.TEMPLATE", 1),
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    let mut parts = Vec::new();
    for (name, v) in names {
        if flags & v != 0 {
            parts.push(name.to_string());
            flags &= !v;
        }
    }
    if flags != 0 {
        parts.push(format!("0x{:x}", flags));
    }
    Ok(pystr::new(&format!("re.compile({}, {})", r, parts.join("|"))))
}
krait_runtime::unary_slot!(p_repr_slot => p_repr);

fn p_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || b.type_ptr() != &raw mut PATTERN_TYPE {
        return Ok(none::not_implemented());
    }
    let eq = if a.is(b) {
        true
    } else {
        let (x, y) = (pat(a)?, pat(b)?);
        let same = x.flags == y.flags && x.isbytes == y.isbytes && x.code == y.code;
        let (px, py) = (x.pattern.clone(), y.pattern.clone());
        same && ops::eq(&px, &py)?
    };
    Ok(krait_runtime::types::bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
krait_runtime::richcmp_slot!(p_richcompare_slot => p_richcompare);

fn p_hash(o: &Obj) -> PyResult<isize> {
    let p = pat(o)?;
    let (pattern, flags, isbytes) = (p.pattern.clone(), p.flags, p.isbytes);
    let code: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    let mut h = ops::hash(&pattern)?;
    h ^= ops::hash(&bytes::new(&code))?;
    h ^= flags as isize;
    h ^= isbytes.map_or(-1, |b| b as isize);
    if h == -1 {
        h = -2;
    }
    Ok(h)
}
krait_runtime::hash_slot!(p_hash_slot => p_hash);

// ---------------------------------------------------------------------------
// Match

fn match_index(o: &Obj, idx: &Obj) -> PyResult<usize> {
    let m = mat(o)?;
    let ngroups = m.spans.len();
    let re = m.re.clone();
    let i: isize = if int::is_int(idx) || has_index(idx) {
        int::index_isize(idx).unwrap_or(-1)
    } else {
        let gi = pat(&re)?.groupindex.clone();
        match gi {
            Some(d) => match dict::get_item(&d, idx)? {
                Some(v) if int::is_int(&v) => int::index_isize(&v).unwrap_or(-1),
                _ => -1,
            },
            None => -1,
        }
    };
    if i < 0 || i as usize >= ngroups {
        bail!(IndexError, "no such group");
    }
    Ok(i as usize)
}

fn has_index(o: &Obj) -> bool {
    unsafe {
        let nb = (*o.type_ptr()).tp_as_number;
        !nb.is_null() && (*nb).nb_index.is_some()
    }
}

fn group_at(o: &Obj, i: usize, default: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    Ok(match m.spans[i] {
        Some((a, b)) if !pystr::is_exact_str(&m.string) && m.string.type_ptr() != bytes::type_ptr() => {
            // A mutable subject (bytearray, memoryview...) is read again,
            // clipped to its current length, as CPython's match does.
            let (chars, isbytes) = source(&m.string)?;
            let n = chars.len();
            slice(&m.string, &chars, isbytes, a.min(n), b.min(n))
        }
        Some((a, b)) => slice(&m.string, &m.chars, m.isbytes, a, b),
        None => default.clone(),
    })
}

fn m_group(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if kw.map_or(false, |k| tuple::len(k) > 0) {
        bail!(TypeError, "group() takes no keyword arguments");
    }
    let nonev = none::none();
    match args.len() {
        0 => group_at(o, 0, &nonev),
        1 => {
            let i = match_index(o, &args[0])?;
            group_at(o, i, &nonev)
        }
        _ => {
            let mut v = Vec::new();
            for a in args {
                let i = match_index(o, a)?;
                v.push(group_at(o, i, &nonev)?);
            }
            Ok(tuple::new(&v))
        }
    }
}

fn match_getitem(o: &Obj, k: &Obj) -> PyResult<Obj> {
    let i = match_index(o, k)?;
    group_at(o, i, &none::none())
}
krait_runtime::binary_slot!(match_getitem_slot => match_getitem);

fn m_groups(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("groups", args, kw, &["default"], 0, 0, 1)?;
    let d = a[0].clone().unwrap_or_else(none::none);
    let n = mat(o)?.spans.len();
    let mut v = Vec::new();
    for i in 1..n {
        v.push(group_at(o, i, &d)?);
    }
    Ok(tuple::new(&v))
}

fn m_groupdict(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("groupdict", args, kw, &["default"], 0, 0, 1)?;
    let d = a[0].clone().unwrap_or_else(none::none);
    let out = dict::new();
    let re = mat(o)?.re.clone();
    if let Some(gi) = pat(&re)?.groupindex.clone() {
        let keys = ops::attr::call_method(&gi, "keys", &[])?;
        let it = ops::iter(&keys)?;
        while let Some(k) = ops::next(&it)? {
            let i = match_index(o, &k)?;
            dict::set_item(&out, &k, &group_at(o, i, &d)?)?;
        }
    }
    Ok(out)
}

fn span_of(o: &Obj, fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<(isize, isize)> {
    let a = crate::clinic_args(fname, args, kw, &["group"], 1, 0, 1)?;
    let i = match &a[0] {
        Some(g) => match_index(o, g)?,
        None => 0,
    };
    Ok(match mat(o)?.spans[i] {
        Some((a, b)) => (a as isize, b as isize),
        None => (-1, -1),
    })
}

fn m_start(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(int::from_i64(span_of(o, "start", args, kw)?.0 as i64))
}
fn m_end(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(int::from_i64(span_of(o, "end", args, kw)?.1 as i64))
}
fn m_span(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (a, b) = span_of(o, "span", args, kw)?;
    Ok(tuple::new(&[int::from_i64(a as i64), int::from_i64(b as i64)]))
}

fn m_expand(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("expand", args, kw, &["template"], 0, 1, 1)?;
    let re = mat(o)?.re.clone();
    ops::call::call(&re_module_func("_expand")?, &[re, o.clone(), a[0].clone().unwrap()], None)
}

fn m_get_string(o: &Obj) -> PyResult<Obj> {
    Ok(mat(o)?.string.clone())
}
fn m_get_re(o: &Obj) -> PyResult<Obj> {
    Ok(mat(o)?.re.clone())
}
fn m_get_pos(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(mat(o)?.pos))
}
fn m_get_endpos(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(mat(o)?.endpos))
}
fn m_get_lastindex(o: &Obj) -> PyResult<Obj> {
    let li = mat(o)?.lastindex;
    Ok(if li >= 0 { int::from_i64(li as i64) } else { none::none() })
}
fn m_get_lastgroup(o: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    let li = m.lastindex;
    let re = m.re.clone();
    if li < 0 {
        return Ok(none::none());
    }
    let ig = pat(&re)?.indexgroup.clone();
    let items = tuple::items(&ig);
    Ok(items.get(li as usize).cloned().unwrap_or_else(none::none))
}
fn m_get_regs(o: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    let v: Vec<Obj> = m
        .spans
        .iter()
        .map(|s| {
            let (a, b) = s.map_or((-1i64, -1i64), |(a, b)| (a as i64, b as i64));
            tuple::new(&[int::from_i64(a), int::from_i64(b)])
        })
        .collect();
    Ok(tuple::new(&v))
}

fn m_repr(o: &Obj) -> PyResult<Obj> {
    let (a, b) = mat(o)?.spans[0].unwrap();
    let g = group_at(o, 0, &none::none())?;
    let r = repr_trunc(&g, 50)?;
    Ok(pystr::new(&format!("<re.Match object; span=({}, {}), match={}>", a, b, r)))
}
krait_runtime::unary_slot!(m_repr_slot => m_repr);

// ---------------------------------------------------------------------------
// Scanner

fn scan(o: &Obj, args: &[Obj], kw: Option<&Obj>, fname: &str, search: bool) -> PyResult<Obj> {
    check_nargs(fname, args, kw, 0, 0)?;
    let Some(sc) = native::state::<ScannerS>(o) else { bail!(SystemError, "cleared scanner") };
    let Some(start) = sc.start else { return Ok(none::none()) };
    let pattern = sc.pattern.clone();
    let subj = Subject { obj: sc.string.clone(), chars: sc.chars.clone(), isbytes: sc.isbytes };
    let (pos, endpos, must_advance) = (sc.pos, sc.endpos, sc.must_advance);
    let p = pat(&pattern)?;
    let code = p.code.clone();
    let groups = p.groups;
    let chars = subj.chars.clone();
    let mut m = Matcher::new(&code, chars.text(), endpos, groups);
    m.must_advance = must_advance;
    let r = if start > endpos {
        None
    } else if search {
        m.search(start)
    } else {
        m.do_match(start).map(|e| (start, e))
    };
    let sc = native::state::<ScannerS>(o).unwrap();
    match r {
        Some((s, e)) => {
            sc.must_advance = e == s;
            sc.start = Some(e);
            new_match(&pattern, &subj, pos, endpos, &m, groups, s, e)
        }
        None => {
            sc.start = None;
            Ok(none::none())
        }
    }
}

fn s_match(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    scan(o, args, kw, "match", false)
}
fn s_search(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    scan(o, args, kw, "search", true)
}
fn s_get_pattern(o: &Obj) -> PyResult<Obj> {
    match native::state::<ScannerS>(o) {
        Some(s) => Ok(s.pattern.clone()),
        None => bail!(SystemError, "cleared scanner"),
    }
}

// ---------------------------------------------------------------------------
// module functions

fn f_compile(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args(
        "compile",
        args,
        kw,
        &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
        0,
        6,
        6,
    )?;
    let pattern = a[0].clone().unwrap();
    let flags = int::index_isize(a[1].as_ref().unwrap())? as i64;
    let code_list = a[2].clone().unwrap();
    if !list::is_list(&code_list) {
        bail!(TypeError, "compile() argument 'code' must be list, not {}", code_list.ty().name());
    }
    let mut code = Vec::new();
    for c in list::items(&code_list).iter() {
        if !int::is_int(c) {
            bail!(TypeError, "'{}' object cannot be interpreted as an integer", c.ty().name());
        }
        let v = int::as_u64(c).filter(|&v| v <= u32::MAX as u64);
        match v {
            Some(v) => code.push(v as u32),
            None => bail!(OverflowError, "regular expression code size limit exceeded"),
        }
    }
    let groups = int::index_isize(a[3].as_ref().unwrap())?.max(0) as usize;
    let gi = a[4].clone().unwrap();
    if !dict::is_dict(&gi) {
        bail!(TypeError, "compile() argument 'groupindex' must be dict, not {}", gi.ty().name());
    }
    let ig = a[5].clone().unwrap();
    if !tuple::is_tuple(&ig) {
        bail!(TypeError, "compile() argument 'indexgroup' must be tuple, not {}", ig.ty().name());
    }
    let groupindex = if dict::len(&gi) > 0 { Some(ops::attr::call_method(&gi, "copy", &[])?) } else { None };
    let isbytes = if none::is_none(&pattern) {
        None
    } else {
        Some(source(&pattern)?.1)
    };
    native::alloc(
        &raw mut PATTERN_TYPE,
        PatternS { pattern, flags, code: Rc::new(code), groups, groupindex, indexgroup: ig, isbytes },
    )
}

fn char_arg(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<u32> {
    let a = crate::clinic_args(fname, args, kw, &["character"], 0, 1, 1)?;
    let v = int::as_c_int(a[0].as_ref().unwrap())?;
    Ok(v as u32)
}

fn f_getcodesize(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getcodesize", args, kw, 0, 0)?;
    Ok(int::from_i64(4))
}
fn f_ascii_iscased(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let c = char_arg("ascii_iscased", args, kw)?;
    Ok(krait_runtime::types::bool_::from_bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}
fn f_unicode_iscased(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let c = char_arg("unicode_iscased", args, kw)?;
    Ok(krait_runtime::types::bool_::from_bool(
        c != charset::lower_unicode(c) || c != charset::upper_unicode(c),
    ))
}
fn f_ascii_tolower(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let c = char_arg("ascii_tolower", args, kw)?;
    Ok(int::from_i64(charset::lower_ascii(c) as i32 as i64))
}
fn f_unicode_tolower(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let c = char_arg("unicode_tolower", args, kw)?;
    Ok(int::from_i64(charset::lower_unicode(c) as i32 as i64))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("compile", f_compile),
        method("getcodesize", f_getcodesize),
        method("ascii_iscased", f_ascii_iscased),
        method("unicode_iscased", f_unicode_iscased),
        method("ascii_tolower", f_ascii_tolower),
        method("unicode_tolower", f_unicode_tolower),
    ]
}

static mut READY: bool = false;

unsafe fn init_types() -> PyResult<()> {
    use krait_runtime::types::builtin_func::classmethod;
    let t = &raw mut PATTERN_TYPE;
    native::init_type::<PatternS>(t, "re.Pattern", false);
    (*t).tp_weaklistoffset = native::weaklist_offset::<PatternS>();
    (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
    (*t).tp_repr = Some(p_repr_slot);
    (*t).tp_richcompare = Some(p_richcompare_slot);
    (*t).tp_hash = Some(p_hash_slot);
    (*t).tp_methods = method_table(&[
        method("match", p_match),
        method("fullmatch", p_fullmatch),
        method("search", p_search),
        method("sub", p_sub),
        method("subn", p_subn),
        method("findall", p_findall),
        method("split", p_split),
        method("finditer", p_finditer),
        method("scanner", p_scanner),
        method("__copy__", p_copy),
        method("__deepcopy__", p_deepcopy),
        classmethod("__class_getitem__", class_getitem),
    ]);
    (*t).tp_getset = getset_table(&[
        GetSetSpec::get("pattern", p_get_pattern),
        GetSetSpec::get("flags", p_get_flags),
        GetSetSpec::get("groups", p_get_groups),
        GetSetSpec::get("groupindex", p_get_groupindex),
    ]);
    native::ready(t)?;

    let t = &raw mut MATCH_TYPE;
    native::init_type::<MatchS>(t, "re.Match", false);
    (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
    (*t).tp_repr = Some(m_repr_slot);
    (*t).tp_as_mapping = &raw mut MATCH_AS_MAPPING;
    (*t).tp_methods = method_table(&[
        method("group", m_group),
        method("start", m_start),
        method("end", m_end),
        method("span", m_span),
        method("groups", m_groups),
        method("groupdict", m_groupdict),
        method("expand", m_expand),
        method("__copy__", p_copy),
        method("__deepcopy__", p_deepcopy),
        classmethod("__class_getitem__", class_getitem),
    ]);
    (*t).tp_getset = getset_table(&[
        GetSetSpec::get("lastindex", m_get_lastindex),
        GetSetSpec::get("lastgroup", m_get_lastgroup),
        GetSetSpec::get("regs", m_get_regs),
        GetSetSpec::get("string", m_get_string),
        GetSetSpec::get("re", m_get_re),
        GetSetSpec::get("pos", m_get_pos),
        GetSetSpec::get("endpos", m_get_endpos),
    ]);
    native::ready(t)?;

    let t = &raw mut SCANNER_TYPE;
    native::init_type::<ScannerS>(t, "_sre.SRE_Scanner", false);
    (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
    (*t).tp_methods = method_table(&[method("match", s_match), method("search", s_search)]);
    (*t).tp_getset = getset_table(&[GetSetSpec::get("pattern", s_get_pattern)]);
    native::ready(t)?;
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    unsafe {
        if !READY {
            init_types()?;
            READY = true;
        }
    }
    let m = module::new("_sre")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "MAGIC", &int::from_i64(MAGIC))?;
    dict::set_item_str(&d, "CODESIZE", &int::from_i64(4))?;
    dict::set_item_str(&d, "MAXREPEAT", &int::from_u64(engine::MAXREPEAT as u64))?;
    dict::set_item_str(&d, "MAXGROUPS", &int::from_i64(MAXGROUPS))?;
    dict::set_item_str(
        &d,
        "copyright",
        &pystr::new(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    )?;
    let _ = type_::type_obj(&raw mut PATTERN_TYPE);
    Ok(m)
}
