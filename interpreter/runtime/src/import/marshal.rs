//! The `marshal` module: CPython 3.11's serialization format (versions 0
//! to 4) for data objects, byte-for-byte, and krait's own record for code
//! objects (type code 'c', but krait's fields: krait's bytecode is its own,
//! DESIGN §3). `.pyc` files are written with this, under krait's own
//! magic number, so CPython's caches and krait's never mix.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::builtin_func::{check_nargs, method, MethodSpec};
use crate::types::{
    bool_, bytes, code, complex, dict, float, int, list, module, none, set, str as pystr, tuple,
};
use krait_bytecode::{ExceptionEntry, Opcode};
use num_bigint::{BigInt, Sign};

pub const VERSION: i64 = 4;
/// Bumped whenever krait's instruction set, code record or compiler output
/// changes (4: `not (a is b)` folded into IS_OP); part of
/// the code record and of krait's .pyc magic number.
pub const CODE_FORMAT: u32 = 4;
const MAX_DEPTH: usize = 2000;
const FLAG_REF: u8 = 0x80;

/// How many inline-cache words follow the instruction word `w`, of the
/// `left` words after it (not written to .pyc files: they start zeroed).
fn cache_words(w: u32, left: usize) -> usize {
    (Opcode::CACHE_BY_BYTE[(w & 0xff) as usize] as usize).min(left)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

// ---------------------------------------------------------------------------
// Writing.

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Objects written with FLAG_REF, by address, with their index; the
    /// objects are kept alive so addresses stay unique.
    refs: rustc_hash::FxHashMap<usize, (u32, Obj)>,
    depth: usize,
    /// References this writer itself holds to the object being written
    /// (copies of dict/set items), discounted in the refcount test.
    extra: isize,
}

impl Writer {
    fn varint(&mut self, v: u64) {
        put_varint(&mut self.out, v);
    }
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn size(&mut self, n: usize) -> PyResult<()> {
        if n > i32::MAX as usize {
            crate::bail!(ValueError, "unmarshallable object");
        }
        self.long(n as i32);
        Ok(())
    }
    fn pstring(&mut self, b: &[u8]) -> PyResult<()> {
        self.size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }
    fn float_text(&mut self, v: f64) {
        let mut s = crate::types::numeric::float_repr::format_abs(v.abs(), 'g', 17, false, false);
        if v.is_sign_negative() && !v.is_nan() {
            s.insert(0, '-');
        }
        self.byte(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    /// CPython's w_ref: objects with other references are written once and
    /// then referred to by index (version 3 and later). Returns the index
    /// of an object already written; otherwise records `o` and flags its
    /// type byte at `code_at` (when it has other references).
    fn seen_before(&mut self, o: &Obj, code_at: usize) -> Option<i32> {
        if self.version < 3 || o.refcnt() - self.extra == 1 {
            return None;
        }
        let key = o.as_ptr() as usize;
        if let Some((idx, _)) = self.refs.get(&key) {
            return Some(*idx as i32);
        }
        let idx = self.refs.len() as u32;
        self.refs.insert(key, (idx, o.clone()));
        self.out[code_at] |= FLAG_REF;
        None
    }

    /// Writes `o`, of which the writer holds `extra` references itself.
    fn object_held(&mut self, o: &Obj, extra: isize) -> PyResult<()> {
        let saved = std::mem::replace(&mut self.extra, extra);
        let r = self.object(o);
        self.extra = saved;
        r
    }

    fn object(&mut self, o: &Obj) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            crate::bail!(ValueError, "object too deeply nested to marshal");
        }
        let r = self.object_inner(o);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, o: &Obj) -> PyResult<()> {
        if none::is_none(o) {
            self.byte(b'N');
            return Ok(());
        }
        if o.as_ptr() == none::ellipsis().as_ptr() {
            self.byte(b'.');
            return Ok(());
        }
        if o.as_ptr() == unsafe { crate::types::exceptions::StopIteration() } as *mut crate::object::PyObject {
            self.byte(b'S');
            return Ok(());
        }
        if bool_::is_bool(o) {
            self.byte(if bool_::is_true(o) { b'T' } else { b'F' });
            return Ok(());
        }
        let at = self.out.len();
        let extra = std::mem::replace(&mut self.extra, 0);
        // The type byte goes first so FLAG_REF can be set on it.
        macro_rules! typed {
            ($c:expr) => {{
                self.byte($c);
                self.extra = extra;
                let seen = self.seen_before(o, at);
                self.extra = 0;
                if let Some(idx) = seen {
                    self.out.truncate(at);
                    self.byte(b'r');
                    self.long(idx);
                    return Ok(());
                }
            }};
        }
        if int::is_exact_int(o) {
            match int::as_i64(o).filter(|v| *v >= i32::MIN as i64 && *v <= i32::MAX as i64) {
                Some(v) => {
                    typed!(b'i');
                    self.long(v as i32);
                }
                None => {
                    typed!(b'l');
                    let big = int::to_bigint(o);
                    let (sign, mag) = big.to_u32_digits();
                    let mut digits: Vec<u16> = Vec::new();
                    let mut acc: u64 = 0;
                    let mut bits = 0;
                    for d in mag {
                        acc |= (d as u64) << bits;
                        bits += 32;
                        while bits >= 15 {
                            digits.push((acc & 0x7fff) as u16);
                            acc >>= 15;
                            bits -= 15;
                        }
                    }
                    if bits > 0 {
                        digits.push(acc as u16);
                    }
                    while digits.last() == Some(&0) {
                        digits.pop();
                    }
                    let n = digits.len() as i32;
                    self.long(if sign == Sign::Minus { -n } else { n });
                    for d in digits {
                        self.out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            }
        } else if o.is_type(float::type_ptr()) {
            let v = float::value(o);
            if self.version > 1 {
                typed!(b'g');
                self.out.extend_from_slice(&v.to_le_bytes());
            } else {
                typed!(b'f');
                self.float_text(v);
            }
        } else if o.is_type(complex::type_ptr()) {
            let (re, im) = complex::parts(o);
            if self.version > 1 {
                typed!(b'y');
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            } else {
                typed!(b'x');
                self.float_text(re);
                self.float_text(im);
            }
        } else if o.is_type(bytes::type_ptr()) {
            typed!(b's');
            self.pstring(bytes::as_slice(o))?;
        } else if pystr::is_exact_str(o) {
            let interned = self.version >= 3 && pystr::is_interned(o);
            if self.version >= 4 && pystr::is_ascii(o) {
                let data = pystr::to_string_lossy(o);
                if data.len() < 256 {
                    typed!(if interned { b'Z' } else { b'z' });
                    self.byte(data.len() as u8);
                    self.out.extend_from_slice(data.as_bytes());
                } else {
                    typed!(if interned { b'A' } else { b'a' });
                    self.pstring(data.as_bytes())?;
                }
            } else {
                let utf8 = crate::codecs::encode(o, "utf-8", Some("surrogatepass"))?;
                typed!(if interned { b't' } else { b'u' });
                self.pstring(&utf8)?;
            }
        } else if tuple::is_exact_tuple(o) {
            let items = tuple::items(o);
            if self.version >= 4 && items.len() < 256 {
                typed!(b')');
                self.byte(items.len() as u8);
            } else {
                typed!(b'(');
                self.size(items.len())?;
            }
            for it in items {
                self.object(it)?;
            }
        } else if list::is_exact_list(o) {
            typed!(b'[');
            let items = list::items(o);
            self.size(items.len())?;
            for it in items {
                self.object(it)?;
            }
        } else if dict::is_exact_dict(o) {
            typed!(b'{');
            for (k, v) in dict::items_vec(o) {
                self.object_held(&k, 1)?;
                self.object_held(&v, 1)?;
            }
            self.byte(b'0');
        } else if o.is_type(set::set_type()) || o.is_type(set::frozenset_type()) {
            typed!(if o.is_type(set::set_type()) { b'<' } else { b'>' });
            let items = set::items_vec(o);
            self.size(items.len())?;
            // Sorted by their own marshal data, as CPython 3.11, so the
            // output does not depend on hash randomization.
            let mut keyed = Vec::with_capacity(items.len());
            for it in items {
                keyed.push((dumps(&it, self.version)?, it));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            // CPython writes them from (dump, item) pairs, which hold a
            // reference just as `keyed` does here.
            for (_, it) in keyed {
                self.object(&it)?;
            }
        } else if code::is_code(o) {
            typed!(b'c');
            self.code(o)?;
        } else if crate::types::buffer::has_buffer(o) {
            typed!(b's');
            let b = crate::types::buffer::Buffer::get(o, crate::types::buffer::SIMPLE)?;
            self.pstring(b.as_slice())?;
        } else {
            crate::bail!(ValueError, "unmarshallable object");
        }
        Ok(())
    }

    /// Krait's code record.
    fn code(&mut self, o: &Obj) -> PyResult<()> {
        let c = code::code(o);
        let d = code::data(o);
        self.long(CODE_FORMAT as i32);
        for v in [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.stacksize, c.firstlineno] {
            self.long(v as i32);
        }
        // Instruction words; their inline caches are not written (they
        // start zeroed), nor are most locations (see `write_locations`).
        self.size(d.words.len())?;
        let mut i = 0;
        while i < d.words.len() {
            let w = d.words[i];
            self.out.extend_from_slice(&w.to_le_bytes());
            i += 1 + cache_words(w, d.words.len() - i - 1);
        }
        // One location per word (krait_bytecode::locations), after their
        // length so that the reader can keep them packed.
        let mut locs = Vec::new();
        d.locations.pack(&mut locs, d.words.len(), c.firstlineno);
        self.pstring(&locs)?;
        self.varint(d.exception_table.len() as u64);
        for e in &d.exception_table {
            for v in [e.start, e.end, e.target, e.depth] {
                self.varint(v as u64);
            }
            self.byte(e.push_lasti as u8);
        }
        self.pstring(&d.localsplus_kinds)?;
        self.byte(d.has_docstring as u8);
        for p in [c.consts, c.names, c.localsplusnames, c.filename, c.name, c.qualname] {
            self.object(unsafe { Obj::borrow_slot(&p) })?;
        }
        Ok(())
    }
}

/// `marshal.dumps(value, version)`.
pub fn dumps(o: &Obj, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, refs: Default::default(), depth: 0, extra: 0 };
    w.object(o)?;
    Ok(w.out)
}

// ---------------------------------------------------------------------------
// Reading.

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// marshal.load's file: each item's bytes come from its readinto(),
    /// no more than the item needs (the rest of a pipe stays unread).
    file: Option<&'a Obj>,
    buf: Vec<u8>,
    refs: Vec<Option<Obj>>,
    depth: usize,
}

fn bad(what: &str) -> crate::errors::PyErr {
    crate::raise!(ValueError, "bad marshal data ({})", what)
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> PyResult<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("varint"))
    }

    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        if let Some(f) = self.file {
            return self.take_from_file(f, n);
        }
        if self.data.len() - self.pos < n {
            crate::bail!(EOFError, "marshal data too short");
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    /// `n` bytes read from `f` through readinto(), as CPython's r_string.
    fn take_from_file(&mut self, f: &Obj, n: usize) -> PyResult<&[u8]> {
        self.buf.clear();
        if n > 0 {
            let ba = crate::types::bytearray::new(&vec![0u8; n]);
            let view = crate::types::memoryview::from_object(&ba)?;
            let r = crate::ops::attr::call_method(f, "readinto", &[view.clone()]);
            let _ = crate::ops::attr::call_method(&view, "release", &[]).map_err(|_| crate::errors::clear());
            let read = crate::types::int::index_isize(&r?)?;
            if read != n as isize {
                if read > n as isize {
                    crate::bail!(ValueError, "read() returned too much data: {} bytes requested, {} returned", n, read);
                }
                crate::bail!(EOFError, "EOF read where not expected");
            }
            self.buf.extend_from_slice(crate::types::bytearray::data(&ba));
        }
        self.pos += n;
        Ok(&self.buf)
    }
    fn byte(&mut self) -> PyResult<u8> {
        Ok(self.take(1)?[0])
    }
    fn long(&mut self) -> PyResult<i32> {
        Ok(i32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn size(&mut self) -> PyResult<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(bad("size out of range"));
        }
        Ok(n as usize)
    }
    fn f64(&mut self) -> PyResult<f64> {
        Ok(f64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn float_text(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let s = self.take(n)?;
        let text = std::str::from_utf8(s).map_err(|_| bad("float"))?;
        match crate::types::numeric::parse::parse_float(text) {
            Some(v) => Ok(v),
            None => Err(crate::raise!(ValueError, "could not convert string to float: '{}'", text)),
        }
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }

    fn set_ref(&mut self, slot: Option<usize>, o: &Obj) {
        if let Some(i) = slot {
            self.refs[i] = Some(o.clone());
        }
    }

    /// An object, or None for TYPE_NULL (dict terminators).
    fn object_or_null(&mut self) -> PyResult<Option<Obj>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            crate::bail!(ValueError, "recursion limit exceeded");
        }
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn object(&mut self) -> PyResult<Obj> {
        self.object_in("object")
    }

    /// An object that must not be NULL; `what` names the container for
    /// CPython's "NULL object in marshal data for <what>".
    fn object_in(&mut self, what: &str) -> PyResult<Obj> {
        match self.object_or_null()? {
            Some(o) => Ok(o),
            None => crate::bail!(TypeError, "NULL object in marshal data for {}", what),
        }
    }

    fn object_inner(&mut self) -> PyResult<Option<Obj>> {
        let code = match self.take(1) {
            Ok(b) => b[0],
            Err(_) => {
                crate::errors::clear();
                crate::bail!(EOFError, "EOF read where object expected");
            }
        };
        let flag = code & FLAG_REF != 0;
        let t = code & !FLAG_REF;
        let o = match t {
            b'0' => return Ok(None),
            b'N' => none::none(),
            b'F' => bool_::from_bool(false),
            b'T' => bool_::from_bool(true),
            b'.' => none::ellipsis(),
            b'S' => unsafe { Obj::from_borrowed(crate::types::exceptions::StopIteration() as *mut crate::object::PyObject) },
            b'r' => {
                let n = self.long()?;
                return match self.refs.get(n as usize) {
                    Some(Some(o)) if n >= 0 => Ok(Some(o.clone())),
                    _ => Err(bad("invalid reference")),
                };
            }
            b'i' => {
                let v = self.long()?;
                let o = int::from_i64(v as i64);
                self.set_ref_new(flag, &o);
                o
            }
            b'I' => {
                let v = i64::from_le_bytes(self.take(8)?.try_into().unwrap());
                let o = int::from_i64(v);
                self.set_ref_new(flag, &o);
                o
            }
            b'l' => {
                let n = self.long()?;
                if n == i32::MIN {
                    return Err(bad("long size out of range"));
                }
                let count = n.unsigned_abs() as usize;
                let mut mag = BigInt::from(0);
                let mut digits = Vec::with_capacity(count);
                for _ in 0..count {
                    let d = u16::from_le_bytes(self.take(2)?.try_into().unwrap());
                    if d >= 1 << 15 {
                        return Err(bad("digit out of range in long"));
                    }
                    digits.push(d);
                }
                if digits.last() == Some(&0) {
                    return Err(bad("unnormalized long data"));
                }
                for d in digits.iter().rev() {
                    mag = (mag << 15) + BigInt::from(*d);
                }
                if n < 0 {
                    mag = -mag;
                }
                let o = int::from_bigint(&mag);
                self.set_ref_new(flag, &o);
                o
            }
            b'f' => {
                let v = self.float_text()?;
                let o = float::from_f64(v);
                self.set_ref_new(flag, &o);
                o
            }
            b'g' => {
                let o = float::from_f64(self.f64()?);
                self.set_ref_new(flag, &o);
                o
            }
            b'x' => {
                let re = self.float_text()?;
                let im = self.float_text()?;
                let o = complex::from_parts(re, im);
                self.set_ref_new(flag, &o);
                o
            }
            b'y' => {
                let re = self.f64()?;
                let im = self.f64()?;
                let o = complex::from_parts(re, im);
                self.set_ref_new(flag, &o);
                o
            }
            b's' => {
                let n = self.size()?;
                let o = bytes::new(self.take(n)?);
                self.set_ref_new(flag, &o);
                o
            }
            b'u' | b't' => {
                let n = self.size()?;
                let raw = self.take(n)?;
                let mut o = crate::codecs::decode(raw, "utf-8", Some("surrogatepass"))?;
                if t == b't' {
                    o = pystr::intern_obj(&o);
                }
                self.set_ref_new(flag, &o);
                o
            }
            b'a' | b'A' | b'z' | b'Z' => {
                let n = if t == b'z' || t == b'Z' { self.byte()? as usize } else { self.size()? };
                let raw = self.take(n)?;
                let interned = t == b'A' || t == b'Z';
                let o = if !raw.is_ascii() {
                    // Not what marshal writes, but CPython reads these bytes
                    // as Latin-1.
                    let cps: Vec<u32> = raw.iter().map(|b| *b as u32).collect();
                    let o = pystr::from_code_points(&cps);
                    if interned { pystr::intern_obj(&o) } else { o }
                } else if interned {
                    pystr::intern_ascii(raw)
                } else {
                    pystr::from_ascii(raw)
                };
                self.set_ref_new(flag, &o);
                o
            }
            b'(' | b')' => {
                let n = if t == b')' { self.byte()? as usize } else { self.size()? };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object_in("tuple")?);
                }
                let o = tuple::from_vec(items);
                self.set_ref(slot, &o);
                o
            }
            b'[' => {
                let n = self.size()?;
                let o = list::new();
                let slot = self.reserve(flag);
                self.set_ref(slot, &o);
                for _ in 0..n {
                    let it = self.object_in("list")?;
                    list::append(&o, it);
                }
                o
            }
            b'{' => {
                let o = dict::new();
                let slot = self.reserve(flag);
                self.set_ref(slot, &o);
                loop {
                    let Some(k) = self.object_or_null()? else { break };
                    let v = match self.object_or_null()? {
                        Some(v) => v,
                        None => break,
                    };
                    dict::set_item(&o, &k, &v)?;
                }
                o
            }
            b'<' | b'>' => {
                let n = self.size()?;
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object_in("set")?);
                }
                let o = if t == b'<' { set::new_set(items)? } else { set::new_frozenset(items)? };
                self.set_ref(slot, &o);
                o
            }
            b'c' => {
                let slot = self.reserve(flag);
                let o = self.code()?;
                self.set_ref(slot, &o);
                o
            }
            _ => return Err(bad("unknown type code")),
        };
        Ok(Some(o))
    }

    fn set_ref_new(&mut self, flag: bool, o: &Obj) {
        if flag {
            self.refs.push(Some(o.clone()));
        }
    }

    fn code(&mut self) -> PyResult<Obj> {
        let fmt = self.long()? as u32;
        if fmt != CODE_FORMAT {
            return Err(bad(&format!("krait code format {}, expected {}", fmt, CODE_FORMAT)));
        }
        let mut h = [0u32; 6];
        for v in h.iter_mut() {
            *v = self.long()? as u32;
        }
        let nwords = self.size()?;
        if self.file.is_none() && nwords > (self.data.len() - self.pos) / 4 * (1 + Opcode::MAX_CACHE_ENTRIES) {
            // Each instruction word (not its inline caches) takes four bytes.
            crate::bail!(EOFError, "marshal data too short");
        }
        // Inline caches start zeroed: only the instruction words are read.
        let mut words: Vec<u32> = vec![0; nwords];
        let mut i = 0;
        while i < nwords {
            let w = u32::from_le_bytes(self.take(4)?.try_into().unwrap());
            words[i] = w;
            i += 1 + cache_words(w, nwords - i - 1);
        }
        let nloc = self.size()?;
        let locations = code::Locations::packed(self.take(nloc)?.into(), nwords, h[5]);
        let nexc = self.varint()? as usize;
        let mut exception_table = Vec::with_capacity(nexc.min(1 << 20));
        for _ in 0..nexc {
            let mut f = [0u32; 4];
            for v in f.iter_mut() {
                *v = u32::try_from(self.varint()?).map_err(|_| bad("exception table"))?;
            }
            let push_lasti = self.byte()? != 0;
            exception_table.push(ExceptionEntry { start: f[0], end: f[1], target: f[2], depth: f[3], push_lasti });
        }
        let nk = self.size()?;
        let kinds = self.take(nk)?.to_vec();
        let has_docstring = self.byte()? != 0;
        let consts = self.object()?;
        let names = self.object()?;
        let lpn = self.object()?;
        let filename = self.object()?;
        let name = self.object()?;
        let qualname = self.object()?;
        let ok = tuple::is_tuple(&consts)
            && tuple::is_tuple(&names)
            && tuple::is_tuple(&lpn)
            && tuple::len(&lpn) == kinds.len()
            && [&filename, &name, &qualname].iter().all(|s| pystr::is_str(s))
            && tuple::items(&names).iter().chain(tuple::items(&lpn).iter()).all(pystr::is_str);
        if !ok {
            return Err(bad("inconsistent code object"));
        }
        let parts = code::CodeParts {
            argcount: h[0],
            posonlyargcount: h[1],
            kwonlyargcount: h[2],
            flags: h[3],
            stacksize: h[4],
            firstlineno: h[5],
            words,
            locations,
            exception_table,
            localsplus_kinds: kinds,
            has_docstring,
            consts,
            names,
            localsplusnames: lpn,
            filename,
            name,
            qualname,
        };
        Ok(code::from_parts(parts))
    }
}

/// The first object in `data` and how many bytes it took.
pub fn loads_prefix(data: &[u8]) -> PyResult<(Obj, usize)> {
    let mut r = Reader { data, pos: 0, file: None, buf: Vec::new(), refs: Vec::new(), depth: 0 };
    let o = r.object()?;
    Ok((o, r.pos))
}

/// `marshal.loads(data)`.
pub fn loads(data: &[u8]) -> PyResult<Obj> {
    let mut r = Reader { data, pos: 0, file: None, buf: Vec::new(), refs: Vec::new(), depth: 0 };
    r.object()
}

fn version_arg(fname: &str, a: Option<&Obj>) -> PyResult<i64> {
    match a {
        None => Ok(VERSION),
        Some(v) => {
            if !int::is_int(v) {
                crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", v.ty().name());
            }
            let _ = fname;
            match int::as_i64(v) {
                Some(x) if x >= i32::MIN as i64 && x <= i32::MAX as i64 => Ok(x),
                Some(_) | None => crate::bail!(OverflowError, "Python int too large to convert to C int"),
            }
        }
    }
}

fn m_dumps(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dumps", args, kw, 1, 2)?;
    let v = version_arg("dumps", args.get(1))?;
    crate::modules::sys::audit("marshal.dumps", &[args[0].clone(), int::from_i64(v)])?;
    Ok(bytes::new(&dumps(&args[0], v)?))
}

fn m_loads(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("loads", args, kw, 1, 1)?;
    let b = crate::types::buffer::Buffer::get(&args[0], crate::types::buffer::SIMPLE)?;
    if crate::modules::sys::audit_active() {
        crate::modules::sys::audit("marshal.loads", &[bytes::new(b.as_slice())])?;
    }
    loads(b.as_slice())
}

fn m_dump(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dump", args, kw, 2, 3)?;
    let v = version_arg("dump", args.get(2))?;
    crate::modules::sys::audit("marshal.dumps", &[args[0].clone(), int::from_i64(v)])?;
    let data = bytes::new(&dumps(&args[0], v)?);
    crate::ops::attr::call_method(&args[1], "write", &[data])?;
    Ok(none::none())
}

/// `marshal.load(file)`: one object, its bytes read from the file as it
/// needs them (CPython's readinto() protocol).
fn m_load(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("load", args, kw, 1, 1)?;
    let f = &args[0];
    // As CPython: a read of nothing checks that the file gives bytes.
    let data = crate::ops::attr::call_method(f, "read", &[int::from_i64(0)])?;
    if !bytes::is_bytes(&data) {
        crate::bail!(TypeError, "file.read() returned not bytes but {}", data.ty().name());
    }
    crate::modules::sys::audit("marshal.load", &[])?;
    let mut r = Reader { data: &[], pos: 0, file: Some(f), buf: Vec::new(), refs: Vec::new(), depth: 0 };
    r.object()
}

fn functions() -> Vec<MethodSpec> {
    vec![method("dumps", m_dumps), method("loads", m_loads), method("dump", m_dump), method("load", m_load)]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("marshal")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "version", &int::from_i64(VERSION))?;
    Ok(m)
}
