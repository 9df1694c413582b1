//! `TextIOWrapper` (decoding and encoding in Rust for UTF-8, UTF-16,
//! UTF-32, Latin-1 and ASCII, with their byte-order marks; any other
//! encoding through the codec registry's incremental decoder and encoder, as
//! CPython's textio does; universal newlines; tell/seek cookies as byte
//! positions) and `IncrementalNewlineDecoder`.

use super::{call_method, getattr, state, truthy, unsupported, State};
use crate::posix::args::{self, clinic};
use krait_runtime::types::builtin_func::{check_nargs, method, MethodSpec};
use krait_runtime::types::getset::GetSetSpec;
use krait_runtime::types::{bool_, bytes, int, none, str as pystr, tuple};
use krait_runtime::{Obj, PyResult};
use num_bigint::BigInt;

pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// The `newlines` value for a set of seen line endings.
pub fn newlines_obj(seen: u8) -> Obj {
    let s = |x: &str| pystr::new(x);
    match seen {
        0 => none::none(),
        1 => s("\r"),
        2 => s("\n"),
        3 => tuple::new(&[s("\r"), s("\n")]),
        4 => s("\r\n"),
        5 => tuple::new(&[s("\r"), s("\r\n")]),
        6 => tuple::new(&[s("\n"), s("\r\n")]),
        _ => tuple::new(&[s("\r"), s("\n"), s("\r\n")]),
    }
}

/// Universal-newline processing of decoded text: a trailing CR is held
/// back until more text (or the end) shows whether an LF follows. Widths
/// (source bytes per char) travel with the chars so positions stay known.
#[derive(Default, Clone)]
pub struct NlState {
    pub pendingcr: bool,
    pub pending_width: u32,
    pub seen: u8,
    pub translate: bool,
}

impl NlState {
    pub fn process(&mut self, chars: &mut Vec<u32>, widths: &mut Vec<u32>, final_: bool) {
        if self.pendingcr && (!chars.is_empty() || final_) {
            chars.insert(0, '\r' as u32);
            widths.insert(0, self.pending_width);
            self.pendingcr = false;
        }
        if !final_ && chars.last() == Some(&('\r' as u32)) {
            chars.pop();
            self.pending_width = widths.pop().unwrap_or(1);
            self.pendingcr = true;
        }
        let (cr, lf) = ('\r' as u32, '\n' as u32);
        // Without a CR nothing changes: only note an LF.
        if !chars.iter().any(|&c| c == cr) {
            if chars.iter().any(|&c| c == lf) {
                self.seen |= SEEN_LF;
            }
            return;
        }
        let mut out = Vec::with_capacity(chars.len());
        let mut ow = Vec::with_capacity(widths.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == cr {
                if i + 1 < chars.len() && chars[i + 1] == lf {
                    self.seen |= SEEN_CRLF;
                    if self.translate {
                        out.push(lf);
                        ow.push(widths[i] + widths[i + 1]);
                    } else {
                        out.push(cr);
                        out.push(lf);
                        ow.push(widths[i]);
                        ow.push(widths[i + 1]);
                    }
                    i += 2;
                    continue;
                }
                self.seen |= SEEN_CR;
                out.push(if self.translate { lf } else { cr });
                ow.push(widths[i]);
            } else {
                if c == lf {
                    self.seen |= SEEN_LF;
                }
                out.push(c);
                ow.push(widths[i]);
            }
            i += 1;
        }
        *chars = out;
        *widths = ow;
    }
}

/// Where the line starting at `start` ends (exclusive), if a complete line
/// is there. `nl`: None for universal (CR, LF, CRLF) else the terminator.
pub fn find_line_end(chars: &[u32], start: usize, universal: bool, nl: &[u32], eof: bool) -> Option<usize> {
    let (cr, lf) = ('\r' as u32, '\n' as u32);
    if universal {
        let mut i = start;
        while i < chars.len() {
            let c = chars[i];
            if c == lf {
                return Some(i + 1);
            }
            if c == cr {
                if i + 1 < chars.len() {
                    return Some(if chars[i + 1] == lf { i + 2 } else { i + 1 });
                }
                return if eof { Some(i + 1) } else { None };
            }
            i += 1;
        }
        return None;
    }
    if nl.len() == 1 {
        return chars[start..].iter().position(|&c| c == nl[0]).map(|p| start + p + 1);
    }
    let hay = &chars[start..];
    if hay.len() < nl.len() {
        return None;
    }
    hay.windows(nl.len()).position(|w| w == nl).map(|p| start + p + nl.len())
}

// ---------------------------------------------------------------------------
// Codecs handled natively.

#[derive(Clone, Copy, PartialEq)]
pub enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Utf16 { big: bool },
    Utf32 { big: bool },
    /// The codec registry's incremental decoder and encoder (`TextState::py`).
    Python,
}

/// The byte-order mark (signature) a codec reads past at the start of a
/// stream and writes first: utf-8-sig's, or utf-16's and utf-32's, which
/// also choose the byte order (little-endian, as this machine's, without one).
#[derive(Clone, Copy, PartialEq)]
pub enum Sig {
    Utf8,
    Utf16,
    Utf32,
}

impl Sig {
    fn bom(self) -> &'static [u8] {
        match self {
            Sig::Utf8 => b"\xef\xbb\xbf",
            Sig::Utf16 => b"\xff\xfe",
            Sig::Utf32 => b"\xff\xfe\x00\x00",
        }
    }
}

/// A chunk decoded by a registry codec: where its chars start in
/// `decoded`, the decoder's flags and a CR held back by newline handling
/// before it, and its input (the bytes the decoder held, then those read).
pub struct PyChunk {
    pub start: isize,
    pub flags: Obj,
    pub pendingcr: bool,
    pub input: Vec<u8>,
    pub raw_len: usize,
}

/// The registry codec of a non-native encoding: the CodecInfo's
/// incremental decoder and encoder, made with the stream's errors handler.
pub struct PyCodec {
    pub decoder: Option<Obj>,
    pub encoder: Option<Obj>,
}

fn norm_name(name: &str) -> String {
    name.to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect()
}

/// The native codec (and signature) of `name`, None when the registry must
/// provide it.
pub fn native_codec(name: &str) -> Option<(Codec, Option<Sig>)> {
    Some(match norm_name(name).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" => (Codec::Utf8, None),
        "utf_8_sig" | "utf8_sig" => (Codec::Utf8, Some(Sig::Utf8)),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => (Codec::Latin1, None),
        "ascii" | "us_ascii" | "646" | "us" => (Codec::Ascii, None),
        "utf_16" | "utf16" | "u16" => (Codec::Utf16 { big: false }, Some(Sig::Utf16)),
        "utf_16_le" | "utf_16le" => (Codec::Utf16 { big: false }, None),
        "utf_16_be" | "utf_16be" => (Codec::Utf16 { big: true }, None),
        "utf_32" | "utf32" | "u32" => (Codec::Utf32 { big: false }, Some(Sig::Utf32)),
        "utf_32_le" | "utf_32le" => (Codec::Utf32 { big: false }, None),
        "utf_32_be" | "utf_32be" => (Codec::Utf32 { big: true }, None),
        _ => return None,
    })
}

/// The registry's incremental codec for `name` (readable/writable say which
/// halves are needed), refusing codecs that are not text encodings.
pub fn registry_codec(name: &str, errors: &Obj, readable: bool, writable: bool) -> PyResult<PyCodec> {
    let info = crate::codecs::lookup_codec(name)?;
    if let Some(flag) = krait_runtime::ops::attr::getattr_opt(&info, &pystr::new("_is_text_encoding"))? {
        if !truthy(&flag)? {
            krait_runtime::bail!(LookupError, "'{}' is not a text encoding; use codecs.open() to handle arbitrary codecs", name);
        }
    }
    let decoder = if readable { Some(call_method(&info, "incrementaldecoder", &[errors.clone()])?) } else { None };
    let encoder = if writable { Some(call_method(&info, "incrementalencoder", &[errors.clone()])?) } else { None };
    Ok(PyCodec { decoder, encoder })
}

fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Latin1 => "latin-1",
        Codec::Ascii => "ascii",
        Codec::Utf16 { big: false } => "utf-16-le",
        Codec::Utf16 { big: true } => "utf-16-be",
        Codec::Utf32 { big: false } => "utf-32-le",
        Codec::Utf32 { big: true } => "utf-32-be",
        Codec::Python => "",
    }
}

/// Length of an incomplete UTF-8 sequence at the end of `d`.
fn utf8_incomplete_tail(d: &[u8]) -> usize {
    let n = d.len();
    for back in 1..=3.min(n) {
        let b = d[n - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = if (0xF0..=0xF4).contains(&b) {
            4
        } else if (0xE0..=0xEF).contains(&b) {
            3
        } else if (0xC2..0xE0).contains(&b) {
            2
        } else {
            return 0;
        };
        if back >= need {
            return 0;
        }
        // Only a prefix of a valid sequence waits for more: the decoder
        // reports an impossible second byte at once.
        if back >= 2 {
            let second = d[n - back + 1];
            let ok = match b {
                0xE0 => (0xA0..=0xBF).contains(&second),
                // ED A0..BF (a surrogate) still waits: an error handler
                // such as surrogatepass may accept it, as CPython's decoder.
                0xF0 => (0x90..=0xBF).contains(&second),
                0xF4 => (0x80..=0x8F).contains(&second),
                _ => true,
            };
            if !ok {
                return 0;
            }
        }
        return back;
    }
    0
}

/// `decode_chunk` into caller-owned buffers (cleared first), so the
/// common codecs decode without allocating per chunk.
fn decode_chunk_into(codec: Codec, errors: &str, data: &[u8], final_: bool, cps: &mut Vec<u32>, ws: &mut Vec<u32>) -> PyResult<Vec<u8>> {
    cps.clear();
    ws.clear();
    match codec {
        Codec::Latin1 => {
            cps.extend(data.iter().map(|&b| b as u32));
            ws.resize(data.len(), 1);
            return Ok(Vec::new());
        }
        Codec::Ascii if data.is_ascii() => {
            cps.extend(data.iter().map(|&b| b as u32));
            ws.resize(data.len(), 1);
            return Ok(Vec::new());
        }
        Codec::Utf8 => {
            let keep = if final_ { 0 } else { utf8_incomplete_tail(data) };
            let body = &data[..data.len() - keep];
            if body.is_ascii() {
                cps.extend(body.iter().map(|&b| b as u32));
                ws.resize(body.len(), 1);
                return Ok(data[data.len() - keep..].to_vec());
            }
            if let Ok(s) = std::str::from_utf8(body) {
                for c in s.chars() {
                    cps.push(c as u32);
                    ws.push(c.len_utf8() as u32);
                }
                return Ok(data[data.len() - keep..].to_vec());
            }
        }
        _ => {}
    }
    let (c, w, held) = decode_chunk(codec, errors, data, final_)?;
    *cps = c;
    *ws = w;
    Ok(held)
}

/// Decodes `data` (holding back an incomplete tail unless `final_`);
/// returns the chars, their widths and the bytes held back.
pub fn decode_chunk(codec: Codec, errors: &str, data: &[u8], final_: bool) -> PyResult<(Vec<u32>, Vec<u32>, Vec<u8>)> {
    match codec {
        Codec::Latin1 => Ok((data.iter().map(|&b| b as u32).collect(), vec![1; data.len()], Vec::new())),
        Codec::Ascii => {
            if data.iter().all(|&b| b < 0x80) {
                return Ok((data.iter().map(|&b| b as u32).collect(), vec![1; data.len()], Vec::new()));
            }
            let s = krait_runtime::codecs::decode(data, "ascii", Some(errors))?;
            let cps = pystr::code_points(&s);
            let w = vec![1; cps.len()];
            Ok((cps, w, Vec::new()))
        }
        Codec::Utf16 { big } => {
            let mut keep = if final_ { 0 } else { data.len() % 2 };
            // A high surrogate waits for its partner.
            if !final_ && data.len() >= keep + 2 {
                let u = &data[data.len() - keep - 2..data.len() - keep];
                let unit = if big { u16::from_be_bytes([u[0], u[1]]) } else { u16::from_le_bytes([u[0], u[1]]) };
                if (0xD800..0xDC00).contains(&unit) {
                    keep += 2;
                }
            }
            let body = &data[..data.len() - keep];
            let s = krait_runtime::codecs::decode(body, codec_name(codec), Some(errors))?;
            let cps = pystr::code_points(&s);
            let ws = cps.iter().map(|&c| if c > 0xFFFF { 4 } else { 2 }).collect();
            Ok((cps, ws, data[data.len() - keep..].to_vec()))
        }
        Codec::Utf32 { .. } => {
            let keep = if final_ { 0 } else { data.len() % 4 };
            let body = &data[..data.len() - keep];
            let s = krait_runtime::codecs::decode(body, codec_name(codec), Some(errors))?;
            let cps = pystr::code_points(&s);
            let ws = vec![4; cps.len()];
            Ok((cps, ws, data[data.len() - keep..].to_vec()))
        }
        Codec::Python => unreachable!("registry codecs decode through TextState::py_decode"),
        Codec::Utf8 => {
            let keep = if final_ { 0 } else { utf8_incomplete_tail(data) };
            let body = &data[..data.len() - keep];
            let held = data[data.len() - keep..].to_vec();
            if let Ok(s) = std::str::from_utf8(body) {
                let mut cps = Vec::with_capacity(body.len());
                let mut ws = Vec::with_capacity(body.len());
                for c in s.chars() {
                    cps.push(c as u32);
                    ws.push(c.len_utf8() as u32);
                }
                return Ok((cps, ws, held));
            }
            let s = krait_runtime::codecs::decode(body, "utf-8", Some(errors))?;
            let cps = pystr::code_points(&s);
            let ws = cps
                .iter()
                .map(|&c| match c {
                    0..=0x7f => 1,
                    0xdc80..=0xdcff => 1,
                    0x80..=0x7ff => 2,
                    0x800..=0xffff => 3,
                    _ => 4,
                })
                .collect();
            Ok((cps, ws, held))
        }
    }
}

fn encode(codec: Codec, errors: &str, s: &Obj) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 {
        if let Some(t) = pystr::as_str(s) {
            return Ok(t.as_bytes().to_vec());
        }
    }
    krait_runtime::codecs::encode(s, codec_name(codec), Some(errors))
}

// ---------------------------------------------------------------------------
// TextIOWrapper

pub struct TextState {
    pub buffer: Obj,
    pub encoding: Obj,
    pub codec: Codec,
    pub errors: Obj,
    pub errors_s: String,
    /// newline=None or '': any line ending ends a line.
    pub readuniversal: bool,
    /// The terminator when not universal.
    pub readnl: Vec<u32>,
    pub writetranslate: bool,
    pub writenl: String,
    pub line_buffering: bool,
    pub write_through: bool,
    pub readable: bool,
    pub writable: bool,
    pub seekable: bool,
    pub has_read1: bool,
    pub chunk_size: usize,
    /// Decoded (and newline-processed) chars not yet returned, from `dpos`.
    pub decoded: Vec<u32>,
    pub widths: Vec<u32>,
    pub dpos: usize,
    pub undecoded: Vec<u8>,
    pub nl: NlState,
    pub eof: bool,
    pub pending: Vec<u8>,
    pub detached: bool,
    pub newline: Obj,
    /// The codec's signature: skipped (and, for UTF-16/32, obeyed) at the
    /// start, written first.
    pub sig: Option<Sig>,
    /// A registry codec's incremental decoder and encoder.
    pub py: Option<PyCodec>,
    /// The chunks a registry decoder produced that still have unread chars.
    pub py_chunks: Vec<PyChunk>,
    pub sig_read: bool,
    pub sig_write: bool,
    /// False while iterating with next() (tell() is refused, as CPython).
    pub telling: bool,
    /// Set when the object is being finalized: close() then warns.
    pub finalizing: bool,
    /// Reused buffers for a chunk's decoded chars and their byte widths.
    pub scratch_cps: Vec<u32>,
    pub scratch_ws: Vec<u32>,
}

impl TextState {
    pub fn refs(&self) -> Vec<*mut krait_runtime::object::PyObject> {
        let mut v = vec![self.buffer.as_ptr()];
        if let Some(p) = &self.py {
            v.extend(p.decoder.iter().chain(p.encoder.iter()).map(|o| o.as_ptr()));
        }
        v
    }

    /// Decodes through the registry's incremental decoder. On a seekable
    /// stream each chunk is recorded with the decoder's state before it
    /// (CPython's snapshot), from which tell() rebuilds a position.
    fn py_decode(&mut self, input: &[u8], final_: bool) -> PyResult<(Vec<u32>, Vec<u32>)> {
        let dec = match self.py.as_ref().and_then(|p| p.decoder.clone()) {
            Some(d) => d,
            None => return Err(unsupported("not readable")),
        };
        if self.seekable {
            let st = checked_state(call_method(&dec, "getstate", &[])?)?;
            let items = tuple::items(&st);
            let mut all = bytes::as_slice(&items[0]).to_vec();
            all.extend_from_slice(input);
            self.py_chunks.push(PyChunk {
                start: self.decoded.len() as isize,
                flags: items[1].clone(),
                pendingcr: self.nl.pendingcr,
                input: all,
                raw_len: input.len(),
            });
        }
        let out = call_method(&dec, "decode", &[bytes::new(input), bool_::from_bool(final_)])?;
        if !pystr::is_str(&out) {
            krait_runtime::bail!(TypeError, "decoder should return a string result, not '{}'", out.ty().name());
        }
        let cps = pystr::code_points(&out);
        let n = cps.len();
        Ok((cps, vec![1; n]))
    }

    /// After `shift` chars left the front of `decoded`: chunk starts follow,
    /// and chunks wholly read are forgotten.
    fn shift_chunks(&mut self, shift: isize) {
        for c in self.py_chunks.iter_mut() {
            c.start -= shift;
        }
        while self.py_chunks.len() > 1 && self.py_chunks[1].start <= 0 {
            self.py_chunks.remove(0);
        }
    }

    fn avail(&self) -> usize {
        self.decoded.len() - self.dpos
    }

    fn reset_read(&mut self) {
        self.py_chunks.clear();
        self.decoded.clear();
        self.widths.clear();
        self.dpos = 0;
        self.undecoded.clear();
        self.nl.pendingcr = false;
        self.eof = false;
    }

    fn flush_pending(&mut self) -> PyResult<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.pending);
        call_method(&self.buffer, "write", &[bytes::new(&data)])?;
        Ok(())
    }

    fn compact(&mut self) {
        let shift = self.dpos as isize;
        if self.dpos > 0 && self.dpos == self.decoded.len() {
            self.decoded.clear();
            self.widths.clear();
            self.dpos = 0;
            self.shift_chunks(shift);
        } else if self.dpos > 65536 {
            self.decoded.drain(..self.dpos);
            self.widths.drain(..self.dpos);
            self.dpos = 0;
            self.shift_chunks(shift);
        }
    }

    /// Reads and decodes one chunk; false at end of stream.
    fn read_chunk(&mut self, size_hint: usize) -> PyResult<bool> {
        if self.eof {
            return Ok(false);
        }
        let n = self.chunk_size.max(size_hint);
        let data = call_method(&self.buffer, if self.has_read1 { "read1" } else { "read" }, &[int::from_usize(n)])?;
        if none::is_none(&data) {
            return Ok(false);
        }
        let copied;
        let raw: &[u8] = if bytes::is_bytes(&data) {
            bytes::as_slice(&data)
        } else {
            copied = match krait_runtime::types::buffer::copy_bytes(&data) {
                Some(b) => b?,
                None => krait_runtime::bail!(
                    TypeError,
                    "underlying {}() should have returned a bytes-like object, not '{}'",
                    if self.has_read1 { "read1" } else { "read" },
                    data.ty().name()
                ),
            };
            &copied
        };
        let final_ = raw.is_empty();
        self.feed(raw, final_)?;
        if final_ {
            self.eof = true;
        }
        Ok(!final_)
    }

    fn feed(&mut self, raw: &[u8], final_: bool) -> PyResult<()> {
        self.compact();
        if !self.sig_read && self.undecoded.is_empty() && self.codec != Codec::Python {
            return self.feed_native(raw, final_);
        }
        let mut input = std::mem::take(&mut self.undecoded);
        input.extend_from_slice(raw);
        if let (true, Some(sig)) = (self.sig_read, self.sig) {
            let boms: &[(&[u8], Codec)] = match sig {
                Sig::Utf8 => &[(b"\xef\xbb\xbf", Codec::Utf8)],
                Sig::Utf16 => &[(b"\xff\xfe", Codec::Utf16 { big: false }), (b"\xfe\xff", Codec::Utf16 { big: true })],
                Sig::Utf32 => &[(b"\xff\xfe\x00\x00", Codec::Utf32 { big: false }), (b"\x00\x00\xfe\xff", Codec::Utf32 { big: true })],
            };
            // utf-8-sig holds a partial BOM even at the end (and yields nothing).
            if (!final_ || sig == Sig::Utf8) && boms.iter().any(|(b, _)| input.len() < b.len() && b.starts_with(&input)) {
                self.undecoded = input;
                return Ok(());
            }
            self.sig_read = false;
            if let Some((b, c)) = boms.iter().find(|(b, _)| input.starts_with(b)) {
                input.drain(..b.len());
                self.codec = *c;
            } else if sig != Sig::Utf8 && input.len() >= boms[0].0.len() {
                // The registry's utf-16/utf-32 stream decoders insist on a BOM.
                let name = if sig == Sig::Utf16 { "UTF-16" } else { "UTF-32" };
                self.undecoded = input;
                self.sig_read = true;
                krait_runtime::bail!(UnicodeError, "{} stream does not start with BOM", name);
            }
        }
        let (mut cps, mut ws) = if self.codec == Codec::Python {
            self.py_decode(&input, final_)?
        } else {
            let (cps, ws, held) = decode_chunk(self.codec, &self.errors_s, &input, final_)?;
            self.undecoded = held;
            (cps, ws)
        };
        if self.readuniversal {
            self.nl.process(&mut cps, &mut ws, final_);
        }
        self.decoded.extend_from_slice(&cps);
        self.widths.extend_from_slice(&ws);
        Ok(())
    }

    /// `feed` for a native codec with nothing held over: decodes straight
    /// from `input` into the reused scratch buffers.
    fn feed_native(&mut self, input: &[u8], final_: bool) -> PyResult<()> {
        let mut cps = std::mem::take(&mut self.scratch_cps);
        let mut ws = std::mem::take(&mut self.scratch_ws);
        match decode_chunk_into(self.codec, &self.errors_s, input, final_, &mut cps, &mut ws) {
            Ok(held) => self.undecoded = held,
            Err(e) => {
                self.scratch_cps = cps;
                self.scratch_ws = ws;
                return Err(e);
            }
        }
        if self.readuniversal {
            self.nl.process(&mut cps, &mut ws, final_);
        }
        self.decoded.extend_from_slice(&cps);
        self.widths.extend_from_slice(&ws);
        self.scratch_cps = cps;
        self.scratch_ws = ws;
        Ok(())
    }

    fn take(&mut self, n: usize) -> Obj {
        let s = pystr::from_code_points(&self.decoded[self.dpos..self.dpos + n]);
        self.dpos += n;
        s
    }

    fn read_all(&mut self) -> PyResult<Obj> {
        let data = call_method(&self.buffer, "read", &[])?;
        let copied;
        let raw: &[u8] = if none::is_none(&data) {
            &[]
        } else if bytes::is_bytes(&data) {
            bytes::as_slice(&data)
        } else {
            copied = match krait_runtime::types::buffer::copy_bytes(&data) {
                Some(b) => b?,
                None => krait_runtime::bail!(TypeError, "underlying read() should have returned a bytes object, not '{}'", data.ty().name()),
            };
            &copied
        };
        // Fast path: nothing pending and plain UTF-8/ASCII without CR.
        if self.avail() == 0
            && !self.sig_read
            && self.undecoded.is_empty()
            && !self.nl.pendingcr
            && matches!(self.codec, Codec::Utf8 | Codec::Ascii)
            && !raw.contains(&b'\r')
            && (self.codec == Codec::Utf8 || raw.is_ascii())
        {
            if let Ok(text) = std::str::from_utf8(raw) {
                if self.readuniversal && raw.contains(&b'\n') {
                    self.nl.seen |= SEEN_LF;
                }
                let r = if raw.is_ascii() { pystr::from_ascii(raw) } else { pystr::new(text) };
                self.reset_read();
                return Ok(r);
            }
        }
        self.feed(raw, true)?;
        self.eof = true;
        let n = self.avail();
        let r = self.take(n);
        self.reset_read();
        Ok(r)
    }

    fn read_n(&mut self, n: usize) -> PyResult<Obj> {
        while self.avail() < n {
            if !self.read_chunk(0)? {
                break;
            }
        }
        let k = n.min(self.avail());
        Ok(self.take(k))
    }

    fn readline(&mut self, limit: isize) -> PyResult<Obj> {
        let universal = self.readuniversal && !self.nl.translate;
        let nl: Vec<u32> = if self.readuniversal { vec!['\n' as u32] } else { self.readnl.clone() };
        // Scanning resumes this far past `dpos` after each new chunk.
        let mut rel = 0usize;
        loop {
            if let Some(end) = find_line_end(&self.decoded, self.dpos + rel, universal, &nl, self.eof) {
                let mut k = end - self.dpos;
                if limit >= 0 {
                    k = k.min(limit as usize);
                }
                return Ok(self.take(k));
            }
            if limit >= 0 && self.avail() >= limit as usize {
                return Ok(self.take(limit as usize));
            }
            rel = self.avail().saturating_sub(nl.len());
            let more = if self.eof {
                false
            } else {
                match self.read_chunk(0) {
                    Ok(m) => m,
                    Err(e) => {
                        // CPython has already taken the partial line out
                        // of its decoded text: it is lost with the error.
                        self.dpos = self.decoded.len();
                        return Err(e);
                    }
                }
            };
            if !more {
                if let Some(end) = find_line_end(&self.decoded, self.dpos, universal, &nl, true) {
                    let mut k = end - self.dpos;
                    if limit >= 0 {
                        k = k.min(limit as usize);
                    }
                    return Ok(self.take(k));
                }
                let mut k = self.avail();
                if limit >= 0 {
                    k = k.min(limit as usize);
                }
                return Ok(self.take(k));
            }
        }
    }
}

fn text(o: &Obj) -> PyResult<&mut TextState> {
    match state(o) {
        Some(State::Text(t)) => {
            if t.detached {
                krait_runtime::bail!(ValueError, "underlying buffer has been detached");
            }
            Ok(t)
        }
        _ => Err(super::uninitialized()),
    }
}

fn check_closed(t: &TextState) -> PyResult<()> {
    if let Some(c) = super::bufferedio::fast_closed(&t.buffer) {
        if c {
            return Err(super::closed_error());
        }
        return Ok(());
    }
    if truthy(&getattr(&t.buffer, "closed")?)? {
        return Err(super::closed_error());
    }
    Ok(())
}

fn newline_arg(o: &Option<Obj>, fname: &str) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(v) if none::is_none(v) => Ok(None),
        Some(v) if pystr::is_str(v) => {
            let s = pystr::to_string_lossy(v);
            if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                krait_runtime::bail!(ValueError, "illegal newline value: {}", s);
            }
            Ok(Some(s))
        }
        Some(v) => krait_runtime::bail!(TypeError, "{}() argument 'newline' must be str or None, not {}", fname, v.ty().name()),
    }
}

fn apply_newline(t: &mut TextState, nl: Option<String>) {
    t.newline = match &nl {
        Some(s) => pystr::new(s),
        None => none::none(),
    };
    t.readuniversal = nl.as_deref().map_or(true, |s| s.is_empty());
    t.nl.translate = nl.is_none();
    t.readnl = nl.as_deref().unwrap_or("\n").chars().map(|c| c as u32).collect();
    t.writetranslate = nl.as_deref() != Some("");
    t.writenl = match nl.as_deref() {
        None | Some("") => "\n".to_owned(),
        Some(s) => s.to_owned(),
    };
}

fn init(slf: &Obj, a: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    // A failed re-initialisation leaves the object unusable, as CPython.
    super::clear_state(slf);
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic(
        "TextIOWrapper",
        &all,
        kwn.as_ref(),
        &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
        6,
        1,
    )?;
    let buffer = v[0].clone().unwrap();
    let encoding = match &v[1] {
        Some(e) if !none::is_none(e) => {
            if !pystr::is_str(e) {
                krait_runtime::bail!(TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not {}", e.ty().name());
            }
            // The name goes to the registry as UTF-8 (lone surrogates fail).
            krait_runtime::codecs::encode(e, "utf-8", None)?;
            let s = pystr::to_string_lossy(e);
            if s.contains('\0') {
                krait_runtime::bail!(ValueError, "embedded null character");
            }
            if s == "locale" {
                pystr::new("UTF-8")
            } else {
                e.clone()
            }
        }
        _ => {
            if krait_runtime::modules::sys::flag("utf8_mode") == 0 {
                super::warn_default_encoding()?;
            }
            pystr::new("UTF-8")
        }
    };
    let errors = match &v[2] {
        Some(e) if !none::is_none(e) => {
            if !pystr::is_str(e) {
                krait_runtime::bail!(TypeError, "TextIOWrapper() argument 'errors' must be str or None, not {}", e.ty().name());
            }
            // Checked as CPython's C implementation does.
            krait_runtime::codecs::encode(e, "utf-8", None)?;
            if pystr::chars(e).any(|c| c == 0) {
                krait_runtime::bail!(ValueError, "embedded null character");
            }
            // Development mode checks the handler exists up front.
            if krait_runtime::modules::sys::flag("dev_mode") != 0 {
                let codecs = krait_runtime::import::import_module_level(&pystr::new("_codecs"), None, None, 0)?;
                call_method(&codecs, "lookup_error", &[e.clone()])?;
            }
            e.clone()
        }
        _ => pystr::new("strict"),
    };
    let nl = newline_arg(&v[3], "TextIOWrapper")?;
    let line_buffering = args::to_bool(&v[4], false)?;
    let write_through = args::to_bool(&v[5], false)?;
    let readable = truthy(&call_method(&buffer, "readable", &[])?)?;
    let writable = truthy(&call_method(&buffer, "writable", &[])?)?;
    let (codec, sig, py) = match native_codec(&pystr::to_string_lossy(&encoding)) {
        Some((c, sig)) => (c, sig, None),
        None => (Codec::Python, None, Some(registry_codec(&pystr::to_string_lossy(&encoding), &errors, readable, writable)?)),
    };
    let seekable = truthy(&call_method(&buffer, "seekable", &[])?)?;
    let has_read1 = krait_runtime::ops::attr::getattr_opt(&buffer, &pystr::new("read1"))?.is_some();
    let mut t = TextState {
        buffer,
        encoding,
        codec,
        errors_s: pystr::to_string_lossy(&errors),
        errors,
        readuniversal: true,
        readnl: vec![],
        writetranslate: true,
        writenl: "\n".to_owned(),
        line_buffering,
        write_through,
        readable,
        writable,
        seekable,
        has_read1,
        chunk_size: 8192,
        decoded: Vec::new(),
        widths: Vec::new(),
        dpos: 0,
        undecoded: Vec::new(),
        nl: NlState::default(),
        eof: false,
        pending: Vec::new(),
        detached: false,
        newline: none::none(),
        sig,
        py,
        py_chunks: Vec::new(),
        sig_read: false,
        sig_write: false,
        telling: seekable,
        finalizing: false,
        scratch_cps: Vec::new(),
        scratch_ws: Vec::new(),
    };
    if t.sig.is_some() {
        t.sig_read = true;
        t.sig_write = true;
        if t.seekable && t.writable {
            let pos = call_method(&t.buffer, "tell", &[])?;
            if !int::is_zero(&int::index(&pos)?) {
                t.sig_write = false;
            }
        }
    }
    if let Some(enc) = t.py.as_ref().and_then(|p| p.encoder.clone()) {
        // Appending to a file: no signature (CPython's encoder.setstate(0)).
        if t.seekable && t.writable {
            let pos = call_method(&t.buffer, "tell", &[])?;
            if !int::is_zero(&int::index(&pos)?) {
                call_method(&enc, "setstate", &[int::from_i64(0)])?;
            }
        }
    }
    apply_newline(&mut t, nl);
    super::set_state(slf, State::Text(t));
    Ok(())
}
krait_runtime::init_slot!(init_slot => init);

fn m_read(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("read", a, k, &["size"], 1, 1, 0)?;
    let n = super::size_arg(v[0].as_ref())?;
    let t = text(s)?;
    check_closed(t)?;
    if !t.readable {
        return Err(unsupported("not readable"));
    }
    t.flush_pending()?;
    if n < 0 {
        return t.read_all();
    }
    t.read_n(n as usize)
}

fn m_readline(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("readline", a, k, &["size"], 1, 1, 0)?;
    let n = match v[0].as_ref() {
        Some(x) if !none::is_none(x) => args::to_ssize(x)?,
        _ => -1,
    };
    let t = text(s)?;
    check_closed(t)?;
    if !t.readable {
        return Err(unsupported("not readable"));
    }
    t.flush_pending()?;
    t.readline(n)
}

pub fn next_impl(s: &Obj) -> PyResult<Option<Obj>> {
    if !super::is_exact(s, &raw mut super::TEXTIOWRAPPER_TYPE) {
        return super::iobase::next_line(s);
    }
    let t = text(s)?;
    check_closed(t)?;
    if !t.readable {
        return Err(unsupported("not readable"));
    }
    t.flush_pending()?;
    t.telling = false;
    let line = t.readline(-1)?;
    if pystr::len(&line) == 0 {
        let t = text(s)?;
        t.telling = t.seekable;
        return Ok(None);
    }
    Ok(Some(line))
}

pub unsafe extern "C" fn iternext_slot(p: *mut krait_runtime::object::PyObject) -> *mut krait_runtime::object::PyObject {
    match next_impl(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        _ => std::ptr::null_mut(),
    }
}

fn m_write(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("write", a, k, 1, 1)?;
    if !pystr::is_str(&a[0]) {
        krait_runtime::bail!(TypeError, "write() argument must be str, not {}", a[0].ty().name());
    }
    let t = text(s)?;
    check_closed(t)?;
    if !t.writable {
        return Err(unsupported("not writable"));
    }
    let mut txt = a[0].clone();
    let n = pystr::len(&txt);
    let has_nl = match pystr::as_str(&txt) {
        Some(t) => t.bytes().any(|c| c == b'\n' || c == b'\r'),
        None => pystr::chars(&txt).any(|c| c == '\n' as u32 || c == '\r' as u32),
    };
    if t.writetranslate && t.writenl != "\n" && has_nl {
        let r = pystr::to_string_lossy(&txt);
        if pystr::as_str(&txt).is_some() {
            txt = pystr::new(&r.replace('\n', &t.writenl));
        } else {
            let cps: Vec<u32> = pystr::code_points(&txt)
                .into_iter()
                .flat_map(|c| if c == '\n' as u32 { t.writenl.chars().map(|x| x as u32).collect::<Vec<_>>() } else { vec![c] })
                .collect();
            txt = pystr::from_code_points(&cps);
        }
    }
    // Writing discards read-ahead state.
    if t.avail() > 0 || !t.undecoded.is_empty() {
        t.reset_read();
    }
    let mut out: Vec<u8> = Vec::new();
    if let (true, Some(sig)) = (t.sig_write, t.sig) {
        t.sig_write = false;
        out.extend_from_slice(sig.bom());
    }
    match pystr::as_str(&txt).filter(|_| t.codec == Codec::Utf8) {
        Some(u) => out.extend_from_slice(u.as_bytes()),
        None if t.codec == Codec::Python => {
            let enc = match t.py.as_ref().and_then(|p| p.encoder.clone()) {
                Some(e) => e,
                None => return Err(unsupported("not writable")),
            };
            let b = call_method(&enc, "encode", &[txt.clone()])?;
            if !bytes::is_bytes(&b) {
                krait_runtime::bail!(TypeError, "encoder should return a bytes object, not '{}'", b.ty().name());
            }
            out.extend_from_slice(bytes::as_slice(&b));
        }
        None => {
            let b = encode(t.codec, &t.errors_s, &txt)?;
            out.extend_from_slice(&b);
        }
    }
    let t = text(s)?;
    // The pending bytes never grow past the chunk size: what was pending
    // goes out first (bpo-43260).
    if !t.pending.is_empty() && t.pending.len() + out.len() > t.chunk_size {
        t.flush_pending()?;
    }
    let t = text(s)?;
    t.pending.extend_from_slice(&out);
    if t.write_through || (t.line_buffering && has_nl) || t.pending.len() >= t.chunk_size {
        t.flush_pending()?;
    }
    if t.line_buffering && has_nl {
        let buf = t.buffer.clone();
        call_method(&buf, "flush", &[])?;
    }
    Ok(int::from_usize(n))
}

fn m_flush(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("flush", a, k, 0, 0)?;
    let t = text(s)?;
    check_closed(t)?;
    t.flush_pending()?;
    let buf = t.buffer.clone();
    call_method(&buf, "flush", &[])
}

fn m_close(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("close", a, k, 0, 0)?;
    let t = text(s)?;
    let buf = t.buffer.clone();
    if truthy(&getattr(&buf, "closed")?)? {
        return Ok(none::none());
    }
    if t.finalizing && call_method(&buf, "_dealloc_warn", &[s.clone()]).is_err() {
        krait_runtime::errors::clear();
    }
    // As the buffered close: a flush failure is held while the buffer
    // closes, and chained under close()'s own failure.
    let flushed = call_method(s, "flush", &[]).map_err(krait_runtime::errors::take);
    let closed = call_method(&buf, "close", &[]);
    super::close_outcome(flushed.map(|_| ()), closed)
}

fn m_detach(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("detach", a, k, 0, 0)?;
    call_method(s, "flush", &[])?;
    let t = text(s)?;
    t.detached = true;
    Ok(t.buffer.clone())
}

fn m_tell(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("tell", a, k, 0, 0)?;
    let t = text(s)?;
    check_closed(t)?;
    if !t.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    if !t.telling {
        krait_runtime::bail!(OSError, "telling position disabled by next() call");
    }
    t.flush_pending()?;
    let buf = t.buffer.clone();
    call_method(&buf, "flush", &[])?;
    let t = text(s)?;
    if t.codec == Codec::Python {
        return py_tell(s);
    }
    let pos = args::to_long(&call_method(&t.buffer, "tell", &[])?)?;
    let unread: i64 = t.widths[t.dpos..].iter().map(|&w| w as i64).sum::<i64>()
        + t.undecoded.len() as i64
        + if t.nl.pendingcr { t.nl.pending_width as i64 } else { 0 };
    Ok(int::from_i64(pos - unread))
}

fn m_seek(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("seek", a, k, 1, 2)?;
    let whence = match a.get(1) {
        Some(w) => args::to_int(w)?,
        None => 0,
    };
    let t = text(s)?;
    check_closed(t)?;
    if !t.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let cookie = &a[0];
    match whence {
        1 => {
            if !krait_runtime::ops::eq(cookie, &int::from_i64(0))? {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            return m_tell(s, &[], None);
        }
        2 => {
            if !krait_runtime::ops::eq(cookie, &int::from_i64(0))? {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            call_method(s, "flush", &[])?;
            let t = text(s)?;
            t.reset_read();
            // The decoder is reset: newlines seen so far are forgotten.
            t.nl.seen = 0;
            t.sig_read = false;
            t.sig_write = false;
            let buf = t.buffer.clone();
            let r = call_method(&buf, "seek", &[int::from_i64(0), int::from_i64(2)])?;
            reset_py_codec(s, &r)?;
            return Ok(r);
        }
        0 => {}
        _ => krait_runtime::bail!(ValueError, "invalid whence ({}, should be 0, 1 or 2)", whence),
    }
    let c = int::index(cookie)?;
    if int::sign(&c) < 0 {
        krait_runtime::bail!(ValueError, "negative seek position {}", krait_runtime::ops::repr_string(cookie)?);
    }
    call_method(s, "flush", &[])?;
    let t = text(s)?;
    if int::is_zero(&c) {
        // Back to the start the decoder is reset, forgetting the newlines
        // seen (a nonzero cookie only restores its state).
        t.nl.seen = 0;
    }
    if t.codec == Codec::Python {
        return py_seek(s, c);
    }
    t.reset_read();
    let at_start = int::is_zero(&c);
    t.sig_read = t.sig.is_some() && at_start;
    t.sig_write = t.sig.is_some() && at_start;
    let buf = t.buffer.clone();
    call_method(&buf, "seek", &[c.clone()])?;
    reset_py_codec(s, &c)?;
    Ok(c)
}

// ---------------------------------------------------------------------------
// tell()/seek() over registry codecs, as CPython's textio: the cookie packs
// the byte position of a point where the decoder held nothing, the decoder
// flags there (shifted left, with a held-back CR in bit 0), how many bytes to
// feed from there, whether to signal the end, and how many chars to skip.

struct Cookie {
    start_pos: BigInt,
    flags: BigInt,
    bytes_to_feed: usize,
    need_eof: bool,
    chars_to_skip: usize,
}

fn pack_cookie(c: &Cookie) -> Obj {
    let v = &c.start_pos
        | (&c.flags << 64u32)
        | (BigInt::from(c.bytes_to_feed) << 128u32)
        | (BigInt::from(c.chars_to_skip) << 192u32)
        | (BigInt::from(c.need_eof as u8) << 256u32);
    int::from_bigint(&v)
}

fn unpack_cookie(o: &Obj) -> Cookie {
    let v = int::to_bigint(o);
    let mask = (BigInt::from(1u8) << 64u32) - 1u8;
    let field = |k: u32| -> BigInt { (&v >> (64 * k)) & &mask };
    let small = |b: BigInt| -> usize { usize::try_from(b).unwrap_or(usize::MAX) };
    Cookie {
        start_pos: field(0),
        flags: field(1),
        bytes_to_feed: small(field(2)),
        chars_to_skip: small(field(3)),
        need_eof: !num_traits::Zero::is_zero(&(&v >> 256u32)),
    }
}

/// Decodes `data` with the registry decoder `dec` and counts the chars
/// newline handling `nl` (when reading universally) lets through.
fn count_decoded(dec: &Obj, data: &[u8], fin: bool, nl: &mut Option<NlState>) -> PyResult<usize> {
    let out = call_method(dec, "decode", &[bytes::new(data), bool_::from_bool(fin)])?;
    if !pystr::is_str(&out) {
        krait_runtime::bail!(TypeError, "decoder should return a string result, not '{}'", out.ty().name());
    }
    match nl {
        None => Ok(pystr::len(&out)),
        Some(nl) => {
            let mut cps = pystr::code_points(&out);
            let mut ws = vec![1; cps.len()];
            nl.process(&mut cps, &mut ws, fin);
            Ok(cps.len())
        }
    }
}

fn dec_state(dec: &Obj) -> PyResult<(Vec<u8>, Obj)> {
    let st = checked_state(call_method(dec, "getstate", &[])?)?;
    let items = tuple::items(&st);
    Ok((bytes::as_slice(&items[0]).to_vec(), items[1].clone()))
}

fn set_dec_state(dec: &Obj, flags: &Obj) -> PyResult<()> {
    call_method(dec, "setstate", &[tuple::new(&[bytes::new(b""), flags.clone()])])?;
    Ok(())
}

fn packed_flags(flags: &Obj, pendingcr: bool) -> BigInt {
    (int::to_bigint(flags) << 1u32) | BigInt::from(pendingcr as u8)
}

fn py_tell(s: &Obj) -> PyResult<Obj> {
    let t = text(s)?;
    let pos = int::to_bigint(&int::index(&call_method(&t.buffer, "tell", &[])?)?);
    let t = text(s)?;
    let dec = match t.py.as_ref().and_then(|p| p.decoder.clone()) {
        Some(d) if !t.py_chunks.is_empty() => d,
        _ => return Ok(int::from_bigint(&pos)),
    };
    let dpos = t.dpos as isize;
    let r = t.py_chunks.iter().rposition(|c| c.start <= dpos).unwrap_or(0);
    let later: usize = t.py_chunks[r + 1..].iter().map(|c| c.raw_len).sum();
    let chunk = &t.py_chunks[r];
    let next_input = chunk.input.clone();
    let position = pos - BigInt::from(later + next_input.len());
    let mut chars_to_skip = (dpos - chunk.start).max(0) as usize;
    let chunk_chars = t.py_chunks.get(r + 1).map_or(t.decoded.len() as isize, |c| c.start) - chunk.start;
    let (flags, pendingcr) = (chunk.flags.clone(), chunk.pendingcr);
    let nl_proto = if t.readuniversal { Some(NlState { translate: t.nl.translate, ..Default::default() }) } else { None };
    if chars_to_skip == 0 {
        return Ok(pack_cookie(&Cookie { start_pos: position, flags: packed_flags(&flags, pendingcr), bytes_to_feed: 0, need_eof: false, chars_to_skip: 0 }));
    }
    let fresh_nl = |pcr: bool| nl_proto.clone().map(|mut n| {
        n.pendingcr = pcr;
        n
    });
    let saved = call_method(&dec, "getstate", &[])?;
    let result = (|| -> PyResult<Obj> {
        // A quick search back from an estimate for a point where the
        // decoder holds nothing.
        let ratio = next_input.len() as f64 / chunk_chars.max(1) as f64;
        let mut skip_bytes = ((ratio * chars_to_skip as f64) as usize).min(next_input.len());
        let mut skip_back = 1usize;
        let (mut start_flags, mut start_cr) = (flags.clone(), pendingcr);
        let mut nl = fresh_nl(pendingcr);
        let mut found = false;
        while skip_bytes > 0 {
            set_dec_state(&dec, &flags)?;
            nl = fresh_nl(pendingcr);
            let n = count_decoded(&dec, &next_input[..skip_bytes], false, &mut nl)?;
            if n <= chars_to_skip {
                let (b, d) = dec_state(&dec)?;
                if b.is_empty() {
                    start_flags = d;
                    start_cr = nl.as_ref().map_or(false, |n| n.pendingcr);
                    chars_to_skip -= n;
                    found = true;
                    break;
                }
                skip_bytes = skip_bytes.saturating_sub(b.len());
                skip_back = 1;
            } else {
                skip_bytes = skip_bytes.saturating_sub(skip_back);
                skip_back *= 2;
            }
        }
        if !found {
            skip_bytes = 0;
            set_dec_state(&dec, &flags)?;
            nl = fresh_nl(pendingcr);
        }
        let mut start_pos = &position + BigInt::from(skip_bytes);
        if chars_to_skip == 0 {
            return Ok(pack_cookie(&Cookie { start_pos, flags: packed_flags(&start_flags, start_cr), bytes_to_feed: 0, need_eof: false, chars_to_skip: 0 }));
        }
        // Feed a byte at a time, noting the last point before the position
        // where the decoder held nothing.
        let (mut bytes_fed, mut chars_decoded, mut need_eof) = (0usize, 0usize, false);
        let mut reached = false;
        for i in skip_bytes..next_input.len() {
            bytes_fed += 1;
            chars_decoded += count_decoded(&dec, &next_input[i..i + 1], false, &mut nl)?;
            let (b, d) = dec_state(&dec)?;
            let held_cr = nl.as_ref().map_or(false, |n| n.pendingcr);
            if b.is_empty() && chars_decoded <= chars_to_skip {
                start_pos += BigInt::from(bytes_fed);
                chars_to_skip -= chars_decoded;
                start_flags = d;
                start_cr = held_cr;
                bytes_fed = 0;
                chars_decoded = 0;
            }
            if chars_decoded >= chars_to_skip {
                reached = true;
                break;
            }
        }
        if !reached {
            chars_decoded += count_decoded(&dec, b"", true, &mut nl)?;
            need_eof = true;
            if chars_decoded < chars_to_skip {
                krait_runtime::bail!(OSError, "can't reconstruct logical file position");
            }
        }
        Ok(pack_cookie(&Cookie { start_pos, flags: packed_flags(&start_flags, start_cr), bytes_to_feed: bytes_fed, need_eof, chars_to_skip }))
    })();
    call_method(&dec, "setstate", &[saved])?;
    result
}

fn py_seek(s: &Obj, cookie_obj: Obj) -> PyResult<Obj> {
    let cookie = unpack_cookie(&cookie_obj);
    let t = text(s)?;
    t.reset_read();
    let buf = t.buffer.clone();
    call_method(&buf, "seek", &[int::from_bigint(&cookie.start_pos)])?;
    let t = text(s)?;
    let (dec, enc) = match &t.py {
        Some(p) => (p.decoder.clone(), p.encoder.clone()),
        None => (None, None),
    };
    let pendingcr = !num_traits::Zero::is_zero(&(&cookie.flags & BigInt::from(1u8)));
    let flags = int::from_bigint(&(&cookie.flags >> 1u32));
    let zero = int::is_zero(&cookie_obj);
    if let Some(d) = &dec {
        if zero {
            call_method(d, "reset", &[])?;
        } else {
            set_dec_state(d, &flags)?;
        }
    }
    let t = text(s)?;
    t.nl.pendingcr = pendingcr;
    t.nl.pending_width = 1;
    if cookie.chars_to_skip > 0 {
        let Some(d) = dec else { return Err(unsupported("not readable")) };
        let data = call_method(&buf, "read", &[int::from_usize(cookie.bytes_to_feed)])?;
        let data = match krait_runtime::types::buffer::copy_bytes(&data) {
            Some(b) => b?,
            None => Vec::new(),
        };
        let t = text(s)?;
        t.py_chunks.push(PyChunk { start: 0, flags: flags.clone(), pendingcr, input: data.clone(), raw_len: data.len() });
        let out = call_method(&d, "decode", &[bytes::new(&data), bool_::from_bool(cookie.need_eof)])?;
        let t = text(s)?;
        let mut cps = pystr::code_points(&out);
        let mut ws = vec![1; cps.len()];
        if t.readuniversal {
            t.nl.process(&mut cps, &mut ws, cookie.need_eof);
        }
        if cps.len() < cookie.chars_to_skip {
            krait_runtime::bail!(OSError, "can't restore logical file position");
        }
        t.decoded = cps;
        t.widths = ws;
        t.dpos = cookie.chars_to_skip;
        if cookie.need_eof {
            t.eof = true;
        }
    }
    if let Some(e) = enc {
        if zero {
            call_method(&e, "reset", &[])?;
        } else {
            call_method(&e, "setstate", &[int::from_i64(0)])?;
        }
    }
    Ok(cookie_obj)
}

/// A decoder's getstate() result, which must be (bytes, int).
fn checked_state(st: Obj) -> PyResult<Obj> {
    if !tuple::is_tuple(&st) {
        krait_runtime::bail!(TypeError, "illegal decoder state");
    }
    let items = tuple::items(&st);
    if items.len() != 2 || !bytes::is_bytes(&items[0]) || !int::is_int(&items[1]) {
        krait_runtime::bail!(TypeError, "illegal decoder state: the returned object is not a (bytes, int) pair");
    }
    Ok(st)
}

/// After a seek to `pos`: a registry codec starts afresh; its encoder
/// writes a signature only at the start of the stream.
fn reset_py_codec(s: &Obj, pos: &Obj) -> PyResult<()> {
    let t = text(s)?;
    let Some(p) = &t.py else { return Ok(()) };
    let (dec, enc) = (p.decoder.clone(), p.encoder.clone());
    if let Some(d) = dec {
        call_method(&d, "reset", &[])?;
    }
    if let Some(e) = enc {
        if int::is_zero(&int::index(pos)?) {
            call_method(&e, "reset", &[])?;
        } else {
            call_method(&e, "setstate", &[int::from_i64(0)])?;
        }
    }
    Ok(())
}

fn m_truncate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    args::positional("truncate", a, k, 0, 1)?;
    call_method(s, "flush", &[])?;
    let buf = text(s)?.buffer.clone();
    call_method(&buf, "truncate", &[a.first().cloned().unwrap_or_else(none::none)])
}

fn m_reconfigure(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("reconfigure", a, k, &["encoding", "errors", "newline", "line_buffering", "write_through"], 0, 0, 0)?;
    let t = text(s)?;
    let enc = v[0].clone().filter(|x| !none::is_none(x));
    let newline_given = v[2].is_some() && !v[2].as_ref().map_or(false, |x| x.is(&none::ellipsis()));
    if (enc.is_some() || newline_given) && t.avail() > 0 {
        return Err(unsupported("It is not possible to set the encoding or newline of stream after the first read"));
    }
    let nl = if newline_given { Some(newline_arg(&v[2], "reconfigure")?) } else { None };
    if let Some(e) = &enc {
        if !pystr::is_str(e) {
            krait_runtime::bail!(TypeError, "reconfigure() argument 'encoding' must be str or None, not {}", e.ty().name());
        }
        krait_runtime::codecs::encode(e, "utf-8", None)?;
    }
    let errs = v[1].clone().filter(|x| !none::is_none(x));
    // As CPython's C version, these are converted as C longs (through
    // __index__), both before anything changes.
    let as_flag = |o: &Option<Obj>| -> PyResult<Option<bool>> {
        match o.as_ref().filter(|x| !none::is_none(x)) {
            Some(x) => Ok(Some(args::to_long(x)? != 0)),
            None => Ok(None),
        }
    };
    let lb = as_flag(&v[3])?;
    let wt = as_flag(&v[4])?;
    call_method(s, "flush", &[])?;
    let t = text(s)?;
    let encoding_changed = enc.is_some();
    if let Some(e) = enc {
        let name = pystr::to_string_lossy(&e);
        let errors = match &errs {
            Some(x) => x.clone(),
            None => pystr::new("strict"),
        };
        match native_codec(&name) {
            Some((c, sig)) => {
                t.codec = c;
                t.sig = sig;
                t.py = None;
            }
            None => {
                let (r, w) = (t.readable, t.writable);
                let py = registry_codec(&name, &errors, r, w)?;
                let t = text(s)?;
                t.codec = Codec::Python;
                t.sig = None;
                t.py = Some(py);
            }
        }
        let t = text(s)?;
        t.encoding = if pystr::to_string_lossy(&e) == "locale" { pystr::new("UTF-8") } else { e };
        if errs.is_none() {
            t.errors = pystr::new("strict");
            t.errors_s = "strict".to_owned();
        }
    }
    if let Some(e) = errs {
        if !pystr::is_str(&e) {
            krait_runtime::bail!(TypeError, "reconfigure() argument 'errors' must be str or None, not {}", e.ty().name());
        }
        krait_runtime::codecs::encode(&e, "utf-8", None)?;
        if t.codec == Codec::Python && !encoding_changed {
            let (name, r, w) = (pystr::to_string_lossy(&t.encoding), t.readable, t.writable);
            let py = registry_codec(&name, &e, r, w)?;
            text(s)?.py = Some(py);
        }
        let t = text(s)?;
        t.errors_s = pystr::to_string_lossy(&e);
        t.errors = e;
    }
    if encoding_changed {
        // A new codec writes its signature unless the stream is past its start.
        let t = text(s)?;
        let mut at_start = true;
        if t.seekable && t.writable {
            let buf = t.buffer.clone();
            at_start = int::is_zero(&int::index(&call_method(&buf, "tell", &[])?)?);
        }
        let t = text(s)?;
        t.sig_write = t.sig.is_some() && at_start;
        t.sig_read = false;
        if let (false, Some(enc)) = (at_start, t.py.as_ref().and_then(|p| p.encoder.clone())) {
            call_method(&enc, "setstate", &[int::from_i64(0)])?;
        }
    }
    let t = text(s)?;
    if let Some(n) = nl {
        apply_newline(t, n);
    }
    if let Some(lb) = lb {
        t.line_buffering = lb;
    }
    if let Some(wt) = wt {
        t.write_through = wt;
    }
    Ok(none::none())
}

macro_rules! delegate {
    ($name:ident, $pyname:literal) => {
        fn $name(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
            check_nargs($pyname, a, k, 0, 0)?;
            let buf = text(s)?.buffer.clone();
            call_method(&buf, $pyname, &[])
        }
    };
}
delegate!(m_fileno, "fileno");
delegate!(m_isatty, "isatty");
delegate!(m_seekable, "seekable");
delegate!(m_readable, "readable");
delegate!(m_writable, "writable");

fn g_buffer(o: &Obj) -> PyResult<Obj> {
    Ok(text(o)?.buffer.clone())
}
/// The state for attributes that stay readable once the buffer is detached.
fn text_any(o: &Obj) -> PyResult<&mut TextState> {
    match state(o) {
        Some(State::Text(t)) => Ok(t),
        _ => text(o),
    }
}
fn g_encoding(o: &Obj) -> PyResult<Obj> {
    Ok(text_any(o)?.encoding.clone())
}
fn g_errors(o: &Obj) -> PyResult<Obj> {
    Ok(text_any(o)?.errors.clone())
}
fn g_line_buffering(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(text_any(o)?.line_buffering))
}
fn g_write_through(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(text_any(o)?.write_through))
}
fn g_newlines(o: &Obj) -> PyResult<Obj> {
    let t = text(o)?;
    if !t.readuniversal {
        return Ok(none::none());
    }
    Ok(newlines_obj(t.nl.seen))
}
fn g_closed(o: &Obj) -> PyResult<Obj> {
    let b = text(o)?.buffer.clone();
    getattr(&b, "closed")
}
fn g_name(o: &Obj) -> PyResult<Obj> {
    let b = text(o)?.buffer.clone();
    getattr(&b, "name")
}
fn g_chunk(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(text(o)?.chunk_size))
}
fn s_chunk(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { krait_runtime::bail!(AttributeError, "cannot delete attribute") };
    let n = args::to_ssize(v)?;
    if n <= 0 {
        krait_runtime::bail!(ValueError, "a strictly positive integer is required");
    }
    text(o)?.chunk_size = n as usize;
    Ok(())
}

fn repr(o: &Obj) -> PyResult<Obj> {
    let tname = o.ty().full_name().to_owned();
    if krait_runtime::ops::repr_enter(o) {
        krait_runtime::bail!(RuntimeError, "reentrant call inside {}.__repr__", tname);
    }
    let r = (|| -> PyResult<String> {
        let mut s = format!("<{}", tname);
        for attr in ["name", "mode"] {
            match krait_runtime::ops::attr::getattr_str(o, attr) {
                Ok(v) => s.push_str(&format!(" {}={}", attr, krait_runtime::ops::repr_string(&v)?)),
                Err(e) => {
                    if krait_runtime::errors::matches(krait_runtime::types::exceptions::Exception()) {
                        krait_runtime::errors::clear();
                    } else {
                        return Err(e);
                    }
                }
            }
        }
        let enc = match state(o) {
            Some(State::Text(t)) => t.encoding.clone(),
            _ => return Err(super::uninitialized()),
        };
        s.push_str(&format!(" encoding={}>", krait_runtime::ops::repr_string(&enc)?));
        Ok(s)
    })();
    krait_runtime::ops::repr_leave(o);
    Ok(pystr::new(&r?))
}
krait_runtime::unary_slot!(repr_slot => repr);

pub fn methods() -> Vec<MethodSpec> {
    vec![
        method("read", m_read),
        method("readline", m_readline),
        method("write", m_write),
        method("flush", m_flush),
        method("close", m_close),
        method("detach", m_detach),
        method("tell", m_tell),
        method("seek", m_seek),
        method("truncate", m_truncate),
        method("reconfigure", m_reconfigure),
        method("fileno", m_fileno),
        method("isatty", m_isatty),
        method("seekable", m_seekable),
        method("readable", m_readable),
        method("writable", m_writable),
    ]
}

pub fn getset() -> Vec<GetSetSpec> {
    vec![
        GetSetSpec::get("buffer", g_buffer),
        GetSetSpec::get("encoding", g_encoding),
        GetSetSpec::get("errors", g_errors),
        GetSetSpec::get("line_buffering", g_line_buffering),
        GetSetSpec::get("write_through", g_write_through),
        GetSetSpec::get("newlines", g_newlines),
        GetSetSpec::get("closed", g_closed),
        GetSetSpec::get("name", g_name),
        GetSetSpec::get_set("_CHUNK_SIZE", g_chunk, s_chunk),
    ]
}

// ---------------------------------------------------------------------------
// IncrementalNewlineDecoder

pub struct NlDecoder {
    pub decoder: Option<Obj>,
    pub state: NlState,
}

fn nld(o: &Obj) -> PyResult<&mut NlDecoder> {
    match state(o) {
        Some(State::NlDecoder(d)) => Ok(d),
        _ => krait_runtime::bail!(ValueError, "IncrementalNewlineDecoder.__init__() not called"),
    }
}

fn nl_init(slf: &Obj, a: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let (all, kwn) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(a), kw)?;
    let v = clinic("IncrementalNewlineDecoder", &all, kwn.as_ref(), &["decoder", "translate", "errors"], 0, 3, 2)?;
    let decoder = v[0].clone().filter(|d| !none::is_none(d));
    let translate = truthy(v[1].as_ref().unwrap())?;
    super::set_state(
        slf,
        State::NlDecoder(NlDecoder { decoder, state: NlState { translate, ..Default::default() } }),
    );
    Ok(())
}
krait_runtime::init_slot!(nl_init_slot => nl_init);

fn nl_decode(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("decode", a, k, &["input", "final"], 0, 2, 1)?;
    let final_ = args::to_bool(&v[1], false)?;
    let input = v[0].clone().unwrap();
    let dec = nld(s)?.decoder.clone();
    let output = match dec {
        Some(d) => krait_runtime::ops::call::call(
            &getattr(&d, "decode")?,
            &[input, bool_::from_bool(final_)],
            Some(&tuple::new(&[pystr::new("final")])),
        )?,
        None => input,
    };
    if !pystr::is_str(&output) {
        krait_runtime::bail!(TypeError, "decoder should return a string result, not '{}'", output.ty().name());
    }
    let mut cps = pystr::code_points(&output);
    let mut ws = vec![1u32; cps.len()];
    nld(s)?.state.process(&mut cps, &mut ws, final_);
    Ok(pystr::from_code_points(&cps))
}

fn nl_getstate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getstate", a, k, 0, 0)?;
    let d = nld(s)?;
    let pend = d.state.pendingcr as i64;
    match d.decoder.clone() {
        None => Ok(tuple::new(&[bytes::new(b""), int::from_i64(pend)])),
        Some(dec) => {
            let st = call_method(&dec, "getstate", &[])?;
            if !tuple::is_tuple(&st) || tuple::len(&st) != 2 {
                krait_runtime::bail!(TypeError, "illegal decoder state");
            }
            let it = tuple::items(&st);
            let flag = args::to_long(&it[1])?;
            Ok(tuple::new(&[it[0].clone(), int::from_i64((flag << 1) | pend)]))
        }
    }
}

fn nl_setstate(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("setstate", a, k, 1, 1)?;
    let st = &a[0];
    if !tuple::is_tuple(st) || tuple::len(st) != 2 {
        krait_runtime::bail!(TypeError, "state argument must be a tuple");
    }
    let it = tuple::items(st).to_vec();
    let flag = args::to_long(&it[1])?;
    let d = nld(s)?;
    d.state.pendingcr = flag & 1 != 0;
    if let Some(dec) = d.decoder.clone() {
        call_method(&dec, "setstate", &[tuple::new(&[it[0].clone(), int::from_i64(flag >> 1)])])?;
    }
    Ok(none::none())
}

fn nl_reset(s: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("reset", a, k, 0, 0)?;
    let d = nld(s)?;
    d.state.seen = 0;
    d.state.pendingcr = false;
    if let Some(dec) = d.decoder.clone() {
        call_method(&dec, "reset", &[])?;
    }
    Ok(none::none())
}

fn nl_newlines(o: &Obj) -> PyResult<Obj> {
    Ok(newlines_obj(nld(o)?.state.seen))
}

pub fn nl_methods() -> Vec<MethodSpec> {
    vec![
        method("decode", nl_decode),
        method("getstate", nl_getstate),
        method("setstate", nl_setstate),
        method("reset", nl_reset),
    ]
}

pub fn nl_getset() -> Vec<GetSetSpec> {
    vec![GetSetSpec::get("newlines", nl_newlines)]
}
