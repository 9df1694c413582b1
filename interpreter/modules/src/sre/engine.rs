//! The matcher over the opcode list Lib/re/_compiler.py emits (CPython
//! 3.11's Modules/_sre/sre_lib.h semantics): a backtracking interpreter
//! where each construct tries its continuation (the code after it runs to
//! SUCCESS), so success returns straight up. Group marks are snapshotted
//! at every choice point and restored on failure.

use super::charset::{category, in_set, lower_ascii, lower_locale, lower_unicode, upper_locale};

pub const FAILURE: u32 = 0;
pub const SUCCESS: u32 = 1;
pub const ANY: u32 = 2;
pub const ANY_ALL: u32 = 3;
pub const ASSERT: u32 = 4;
pub const ASSERT_NOT: u32 = 5;
pub const AT: u32 = 6;
pub const BRANCH: u32 = 7;
pub const CATEGORY: u32 = 8;
pub const CHARSET: u32 = 9;
pub const BIGCHARSET: u32 = 10;
pub const GROUPREF: u32 = 11;
pub const GROUPREF_EXISTS: u32 = 12;
pub const IN: u32 = 13;
pub const INFO: u32 = 14;
pub const JUMP: u32 = 15;
pub const LITERAL: u32 = 16;
pub const MARK: u32 = 17;
pub const MAX_UNTIL: u32 = 18;
pub const MIN_UNTIL: u32 = 19;
pub const NOT_LITERAL: u32 = 20;
pub const NEGATE: u32 = 21;
pub const RANGE: u32 = 22;
pub const REPEAT: u32 = 23;
pub const REPEAT_ONE: u32 = 24;
pub const MIN_REPEAT_ONE: u32 = 26;
pub const ATOMIC_GROUP: u32 = 27;
pub const POSSESSIVE_REPEAT: u32 = 28;
pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const GROUPREF_IGNORE: u32 = 30;
pub const IN_IGNORE: u32 = 31;
pub const LITERAL_IGNORE: u32 = 32;
pub const NOT_LITERAL_IGNORE: u32 = 33;
pub const GROUPREF_LOC_IGNORE: u32 = 34;
pub const IN_LOC_IGNORE: u32 = 35;
pub const LITERAL_LOC_IGNORE: u32 = 36;
pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const GROUPREF_UNI_IGNORE: u32 = 38;
pub const IN_UNI_IGNORE: u32 = 39;
pub const LITERAL_UNI_IGNORE: u32 = 40;
pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const RANGE_UNI_IGNORE: u32 = 42;

pub const MAXREPEAT: u32 = u32::MAX;

struct Rep {
    count: isize,
    /// Index of the REPEAT opcode.
    pc: usize,
    last_ptr: Option<usize>,
    prev: Option<usize>,
}

/// The subject, read in place in its own storage: a str's 1-, 2- or 4-byte
/// code points (PEP 393) or a bytes-like object's bytes. Nothing is copied
/// per call, so searching a long string costs only what the match visits.
#[derive(Clone, Copy)]
pub enum Text<'a> {
    B(&'a [u8]),
    W(&'a [u16]),
    D(&'a [u32]),
}

impl<'a> Text<'a> {
    #[inline(always)]
    pub fn at(&self, i: usize) -> u32 {
        match self {
            Text::B(s) => s[i] as u32,
            Text::W(s) => s[i] as u32,
            Text::D(s) => s[i],
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Text::B(s) => s.len(),
            Text::W(s) => s.len(),
            Text::D(s) => s.len(),
        }
    }

    /// Code points `a..b` (empty when b < a).
    pub fn range(&self, a: usize, b: usize) -> Vec<u32> {
        (a..b.max(a)).map(|i| self.at(i)).collect()
    }
}

/// Marks (two per group, group 1 first) and lastindex, saved at choice points.
type Snap = (Vec<Option<usize>>, isize);

pub struct Matcher<'a> {
    code: &'a [u32],
    s: Text<'a>,
    /// endpos: where `$` and the subject end.
    end: usize,
    /// Where the current attempt started (state->start).
    start: usize,
    pub marks: Vec<Option<usize>>,
    pub lastindex: isize,
    reps: Vec<Rep>,
    cur: Option<usize>,
    pub match_all: bool,
    pub must_advance: bool,
    /// Recursion depth of `m`, and the limit past which the attempt is
    /// abandoned and rerun on a thread with a large stack.
    depth: usize,
    limit: usize,
    aborted: bool,
}

/// Depth `m` may reach on the interpreter's stack.
const INLINE_DEPTH: usize = 20_000;
/// Stack of the helper thread for deep matches (reserved, touched lazily).
const BIG_STACK: usize = 16 << 30;

impl<'a> Matcher<'a> {
    pub fn new(code: &'a [u32], s: Text<'a>, end: usize, groups: usize) -> Matcher<'a> {
        Matcher {
            code,
            s,
            end: end.min(s.len()),
            start: 0,
            marks: vec![None; 2 * groups],
            lastindex: -1,
            reps: Vec::new(),
            cur: None,
            match_all: false,
            must_advance: false,
            depth: 0,
            limit: INLINE_DEPTH,
            aborted: false,
        }
    }

    fn reset(&mut self) {
        for m in self.marks.iter_mut() {
            *m = None;
        }
        self.lastindex = -1;
        self.reps.clear();
        self.cur = None;
    }

    fn snap(&self) -> Snap {
        (self.marks.clone(), self.lastindex)
    }

    fn restore(&mut self, s: &Snap) {
        self.marks.clone_from(&s.0);
        self.lastindex = s.1;
    }

    /// A match anchored at `pos`: Some(end).
    fn do_match_inner(&mut self, pos: usize) -> Option<usize> {
        self.reset();
        if pos > self.end {
            return None;
        }
        self.start = pos;
        let r = self.m(0, pos, true);
        self.must_advance = false;
        r
    }

    /// The first match starting at or after `pos`: Some((start, end)).
    fn search_inner(&mut self, pos: usize) -> Option<(usize, usize)> {
        let mut p = pos;
        // A leading literal (after INFO) lets us skip positions.
        let mut first = 0;
        if self.code.first() == Some(&INFO) {
            first = 1 + self.code[1] as usize;
        }
        let lit = if self.code.get(first) == Some(&LITERAL) { Some(self.code[first + 1]) } else { None };
        // Anchored at the string's start (\A, ^ without MULTILINE): only
        // position 0 can match, so later starts are not tried.
        let anchored = self.code.get(first) == Some(&AT) && matches!(self.code.get(first + 1), Some(0) | Some(2));
        while p <= self.end {
            if anchored && p > 0 {
                return None;
            }
            if let Some(c) = lit {
                while p < self.end && self.s.at(p) != c {
                    p += 1;
                }
                if p >= self.end {
                    return None;
                }
            }
            self.reset();
            self.start = p;
            let r = self.m(0, p, true);
            if self.aborted {
                return None;
            }
            self.must_advance = false;
            if let Some(e) = r {
                return Some((p, e));
            }
            p += 1;
        }
        None
    }

    /// A match anchored at `pos`: Some(end).
    pub fn do_match(&mut self, pos: usize) -> Option<usize> {
        let must_advance = self.must_advance;
        let r = self.do_match_inner(pos);
        if !self.aborted {
            return r;
        }
        self.must_advance = must_advance;
        self.deep(|m| m.do_match_inner(pos))
    }

    /// The first match starting at or after `pos`: Some((start, end)).
    pub fn search(&mut self, pos: usize) -> Option<(usize, usize)> {
        let must_advance = self.must_advance;
        let r = self.search_inner(pos);
        if !self.aborted {
            return r;
        }
        self.must_advance = must_advance;
        self.deep(|m| m.search_inner(pos))
    }

    /// Reruns an attempt that went too deep for the interpreter's stack on
    /// a helper thread with a big stack and no depth limit.
    fn deep<R: Send>(&mut self, f: impl FnOnce(&mut Self) -> R + Send) -> R {
        self.aborted = false;
        self.limit = usize::MAX;
        let mut f = Some(f);
        let mut r = None;
        // A smaller stack when the system refuses to reserve the big one.
        for size in [BIG_STACK, BIG_STACK / 4, BIG_STACK / 16] {
            let this = &mut *self;
            let g = &mut f;
            let out = std::thread::scope(|sc| {
                let h = std::thread::Builder::new().stack_size(size).spawn_scoped(sc, move || (g.take().unwrap())(this));
                h.ok().map(|h| h.join().expect("sre thread"))
            });
            if out.is_some() {
                r = out;
                break;
            }
        }
        let r = r.expect("no thread for a deep regular expression match");
        self.limit = INLINE_DEPTH;
        r
    }

    fn at(&self, code: u32, p: usize) -> bool {
        let s = self.s;
        let end = self.end;
        let word = |i: usize, uni: bool| -> bool {
            let c = s.at(i);
            if uni {
                category(14, c)
            } else {
                category(4, c)
            }
        };
        match code {
            0 | 2 => p == 0,
            1 => p == 0 || s.at(p - 1) == '\n' as u32,
            5 => (p + 1 == end && s.at(p) == '\n' as u32) || p == end,
            6 => p == end || s.at(p) == '\n' as u32,
            7 => p == end,
            3 | 8 | 10 | 4 | 9 | 11 => {
                if end == 0 {
                    return false;
                }
                let uni = code == 10 || code == 11;
                let that = p > 0 && word(p - 1, uni);
                let this = p < end && word(p, uni);
                if code == 3 || code == 8 || code == 10 {
                    this != that
                } else {
                    this == that
                }
            }
            _ => false,
        }
    }

    /// One single-character item at `pc` against position `p`.
    fn one(&self, pc: usize, p: usize) -> Option<bool> {
        let c = self.code;
        if p >= self.end {
            return Some(false);
        }
        let ch = self.s.at(p);
        Some(match c[pc] {
            ANY => ch != '\n' as u32,
            ANY_ALL => true,
            LITERAL => ch == c[pc + 1],
            NOT_LITERAL => ch != c[pc + 1],
            LITERAL_IGNORE => lower_ascii(ch) == c[pc + 1],
            NOT_LITERAL_IGNORE => lower_ascii(ch) != c[pc + 1],
            LITERAL_UNI_IGNORE => lower_unicode(ch) == c[pc + 1],
            NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != c[pc + 1],
            LITERAL_LOC_IGNORE => loc_eq(c[pc + 1], ch),
            NOT_LITERAL_LOC_IGNORE => !loc_eq(c[pc + 1], ch),
            IN => in_set(c, pc + 2, ch),
            IN_IGNORE => in_set(c, pc + 2, lower_ascii(ch)),
            IN_UNI_IGNORE => in_set(c, pc + 2, lower_unicode(ch)),
            IN_LOC_IGNORE => {
                in_set(c, pc + 2, ch) || in_set(c, pc + 2, lower_locale(ch)) || in_set(c, pc + 2, upper_locale(ch))
            }
            _ => return None,
        })
    }

    /// How many times the item at `pc` matches from `p`, at most `max`.
    fn count(&mut self, pc: usize, p: usize, max: usize) -> usize {
        let mut n = 0;
        while n < max {
            match self.one(pc, p + n) {
                Some(true) => n += 1,
                Some(false) => break,
                None => {
                    let save = self.start;
                    match self.m(pc, p + n, false) {
                        Some(e) if e > p + n => n += e - (p + n),
                        _ => {
                            self.start = save;
                            break;
                        }
                    }
                    self.start = save;
                }
            }
        }
        n.min(max)
    }

    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        match (self.marks.get(2 * g).copied().flatten(), self.marks.get(2 * g + 1).copied().flatten()) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        }
    }

    /// Matches the code from `pc` at `p` through SUCCESS; Some(end).
    fn m(&mut self, pc: usize, p: usize, toplevel: bool) -> Option<usize> {
        if self.aborted {
            return None;
        }
        if self.depth >= self.limit {
            self.aborted = true;
            return None;
        }
        self.depth += 1;
        let r = self.m_body(pc, p, toplevel);
        self.depth -= 1;
        r
    }

    fn m_body(&mut self, mut pc: usize, mut p: usize, toplevel: bool) -> Option<usize> {
        let code = self.code;
        let s = self.s;
        loop {
            let op = code[pc];
            match op {
                FAILURE => return None,
                SUCCESS => {
                    if toplevel && ((self.match_all && p != self.end) || (self.must_advance && p == self.start)) {
                        return None;
                    }
                    return Some(p);
                }
                INFO => {
                    let min = code[pc + 3] as usize;
                    if min > 0 && self.end.saturating_sub(p) < min {
                        return None;
                    }
                    pc += 1 + code[pc + 1] as usize;
                }
                ANY | ANY_ALL | LITERAL | NOT_LITERAL | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE => {
                    if self.one(pc, p) != Some(true) {
                        return None;
                    }
                    p += 1;
                    pc += if op == ANY || op == ANY_ALL { 1 } else { 2 };
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if self.one(pc, p) != Some(true) {
                        return None;
                    }
                    p += 1;
                    pc += 1 + code[pc + 1] as usize;
                }
                AT => {
                    if !self.at(code[pc + 1], p) {
                        return None;
                    }
                    pc += 2;
                }
                CATEGORY => {
                    if p >= self.end || !category(code[pc + 1], s.at(p)) {
                        return None;
                    }
                    p += 1;
                    pc += 2;
                }
                JUMP => pc += 1 + code[pc + 1] as usize,
                MARK => {
                    let i = code[pc + 1] as usize;
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i >= self.marks.len() {
                        self.marks.resize(i + 1, None);
                    }
                    self.marks[i] = Some(p);
                    pc += 2;
                }
                BRANCH => {
                    let snap = self.snap();
                    let mut a = pc + 1;
                    while code[a] != 0 {
                        let body = a + 1;
                        let skip = match code[body] {
                            LITERAL => p >= self.end || s.at(p) != code[body + 1],
                            IN => self.one(body, p) != Some(true),
                            _ => false,
                        };
                        if !skip {
                            if let Some(e) = self.m(body, p, toplevel) {
                                return Some(e);
                            }
                            self.restore(&snap);
                        }
                        a += code[a] as usize;
                    }
                    return None;
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let min = code[pc + 2] as usize;
                    let max = code[pc + 3];
                    let item = pc + 4;
                    let tail = pc + 1 + code[pc + 1] as usize;
                    if p + min > self.end {
                        return None;
                    }
                    let lim = if max == MAXREPEAT { usize::MAX } else { max as usize };
                    if op == MIN_REPEAT_ONE {
                        let mut n = if min > 0 { self.count(item, p, min) } else { 0 };
                        if n < min {
                            return None;
                        }
                        let snap = self.snap();
                        loop {
                            if let Some(e) = self.m(tail, p + n, toplevel) {
                                return Some(e);
                            }
                            self.restore(&snap);
                            if n >= lim {
                                return None;
                            }
                            if self.count(item, p + n, 1) == 0 {
                                return None;
                            }
                            n += 1;
                        }
                    }
                    let mut n = self.count(item, p, lim);
                    if n < min {
                        return None;
                    }
                    if op == POSSESSIVE_REPEAT_ONE {
                        p += n;
                        pc = tail;
                        continue;
                    }
                    let snap = self.snap();
                    let next_lit = if code[tail] == LITERAL { Some(code[tail + 1]) } else { None };
                    loop {
                        let ok = match next_lit {
                            Some(c) => p + n < self.end && s.at(p + n) == c,
                            None => true,
                        };
                        if ok {
                            if let Some(e) = self.m(tail, p + n, toplevel) {
                                return Some(e);
                            }
                            self.restore(&snap);
                        }
                        if n <= min {
                            return None;
                        }
                        n -= 1;
                    }
                }
                REPEAT => {
                    let idx = self.reps.len();
                    self.reps.push(Rep { count: -1, pc, last_ptr: None, prev: self.cur });
                    let saved = self.cur;
                    self.cur = Some(idx);
                    let r = self.m(pc + 1 + code[pc + 1] as usize, p, toplevel);
                    self.cur = saved;
                    self.reps.truncate(idx);
                    return r;
                }
                MAX_UNTIL => {
                    let Some(ri) = self.cur else { return None };
                    let rpc = self.reps[ri].pc;
                    let min = code[rpc + 2] as isize;
                    let max = code[rpc + 3];
                    let count = self.reps[ri].count + 1;
                    let body = rpc + 4;
                    if count < min {
                        self.reps[ri].count = count;
                        if let Some(e) = self.m(body, p, toplevel) {
                            return Some(e);
                        }
                        self.reps[ri].count = count - 1;
                        return None;
                    }
                    if (max == MAXREPEAT || count < max as isize) && self.reps[ri].last_ptr != Some(p) {
                        self.reps[ri].count = count;
                        let snap = self.snap();
                        let lp = self.reps[ri].last_ptr;
                        self.reps[ri].last_ptr = Some(p);
                        let r = self.m(body, p, toplevel);
                        self.reps[ri].last_ptr = lp;
                        if r.is_some() {
                            return r;
                        }
                        self.restore(&snap);
                        self.reps[ri].count = count - 1;
                    }
                    self.cur = self.reps[ri].prev;
                    let r = self.m(pc + 1, p, toplevel);
                    self.cur = Some(ri);
                    return r;
                }
                MIN_UNTIL => {
                    let Some(ri) = self.cur else { return None };
                    let rpc = self.reps[ri].pc;
                    let min = code[rpc + 2] as isize;
                    let max = code[rpc + 3];
                    let count = self.reps[ri].count + 1;
                    let body = rpc + 4;
                    if count < min {
                        self.reps[ri].count = count;
                        if let Some(e) = self.m(body, p, toplevel) {
                            return Some(e);
                        }
                        self.reps[ri].count = count - 1;
                        return None;
                    }
                    let snap = self.snap();
                    self.cur = self.reps[ri].prev;
                    if let Some(e) = self.m(pc + 1, p, toplevel) {
                        return Some(e);
                    }
                    self.cur = Some(ri);
                    self.restore(&snap);
                    if (max != MAXREPEAT && count >= max as isize) || self.reps[ri].last_ptr == Some(p) {
                        return None;
                    }
                    self.reps[ri].count = count;
                    let lp = self.reps[ri].last_ptr;
                    self.reps[ri].last_ptr = Some(p);
                    let r = self.m(body, p, toplevel);
                    self.reps[ri].last_ptr = lp;
                    if r.is_some() {
                        return r;
                    }
                    self.reps[ri].count = count - 1;
                    return None;
                }
                POSSESSIVE_REPEAT => {
                    let min = code[pc + 2] as usize;
                    let max = code[pc + 3];
                    let body = pc + 4;
                    // skip reaches the body's SUCCESS; the tail follows it.
                    let tail = pc + 2 + code[pc + 1] as usize;
                    let saved = self.cur;
                    self.cur = None;
                    let mut n = 0usize;
                    let mut ok = true;
                    while n < min {
                        match self.m(body, p, false) {
                            Some(e) => {
                                p = e;
                                n += 1;
                            }
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        while max == MAXREPEAT || n < max as usize {
                            let snap = self.snap();
                            match self.m(body, p, false) {
                                Some(e) => {
                                    if e == p {
                                        break;
                                    }
                                    p = e;
                                    n += 1;
                                }
                                None => {
                                    self.restore(&snap);
                                    break;
                                }
                            }
                        }
                    }
                    self.cur = saved;
                    if !ok {
                        return None;
                    }
                    pc = tail;
                }
                ATOMIC_GROUP => {
                    let saved = self.cur;
                    self.cur = None;
                    let r = self.m(pc + 2, p, false);
                    self.cur = saved;
                    p = r?;
                    pc += 1 + code[pc + 1] as usize;
                }
                ASSERT => {
                    let back = code[pc + 2] as usize;
                    if back > p {
                        return None;
                    }
                    let saved = self.cur;
                    let save_start = self.start;
                    self.cur = None;
                    let r = self.m(pc + 3, p - back, false);
                    self.cur = saved;
                    self.start = save_start;
                    r?;
                    pc += 1 + code[pc + 1] as usize;
                }
                ASSERT_NOT => {
                    let back = code[pc + 2] as usize;
                    if back <= p {
                        let snap = self.snap();
                        let saved = self.cur;
                        self.cur = None;
                        let r = self.m(pc + 3, p - back, false);
                        self.cur = saved;
                        self.restore(&snap);
                        if r.is_some() {
                            return None;
                        }
                    }
                    pc += 1 + code[pc + 1] as usize;
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let g = code[pc + 1] as usize;
                    let (a, b) = self.group_span(g)?;
                    let n = b - a;
                    if p + n > self.end {
                        return None;
                    }
                    for k in 0..n {
                        let (x, y) = (s.at(a + k), s.at(p + k));
                        let eq = match op {
                            GROUPREF => x == y,
                            GROUPREF_IGNORE => lower_ascii(x) == lower_ascii(y),
                            GROUPREF_UNI_IGNORE => lower_unicode(x) == lower_unicode(y),
                            _ => lower_locale(x) == lower_locale(y),
                        };
                        if !eq {
                            return None;
                        }
                    }
                    p += n;
                    pc += 2;
                }
                GROUPREF_EXISTS => {
                    let g = code[pc + 1] as usize;
                    if self.group_span(g).is_some() {
                        pc += 3;
                    } else {
                        pc += 1 + code[pc + 2] as usize;
                    }
                }
                _ => return None,
            }
        }
    }
}

fn loc_eq(pat: u32, ch: u32) -> bool {
    ch == pat || lower_locale(ch) == pat || upper_locale(ch) == pat
}

