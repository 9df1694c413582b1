//! `_multibytecodec`, as CPython's Modules/cjkcodecs/multibytecodec.c: the
//! codec object `getcodec` returns (stateless encode/decode), the
//! incremental encoder and decoder and the stream reader and writer that
//! the `encodings` modules subclass (finding their codec in the subclass's
//! `codec` attribute), and the error handling they share: strict, ignore
//! and replace inline, any other name through the registered handler,
//! which may move the position.

use super::engine::{Codec, State, Stop};
use crate::native::{self, State as NativeState};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::ops::attr::{call_method, getattr_str};
use krait_runtime::ops::call::call;
use krait_runtime::types::buffer;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bytes, exceptions, int, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, errors, PyResult};
use num_bigint::BigInt;

static mut CODEC_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut IENC_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut IDEC_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut READER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut WRITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// Longest pending input an incremental encoder / decoder keeps.
const MAXENCPENDING: usize = 2;
const MAXDECPENDING: usize = 8;

/// An `errors` setting; the three CPython handles inline are matched by
/// name, any other is looked up only when an error happens.
#[derive(Clone)]
enum Errors {
    Strict,
    Ignore,
    Replace,
    Other(Obj),
}

impl Errors {
    fn from_name(name: Option<&Obj>) -> Errors {
        match name {
            None => Errors::Strict,
            Some(n) => match pystr::to_string_lossy(n).as_str() {
                "strict" => Errors::Strict,
                "ignore" => Errors::Ignore,
                "replace" => Errors::Replace,
                _ => Errors::Other(n.clone()),
            },
        }
    }

    fn to_obj(&self) -> Obj {
        match self {
            Errors::Strict => pystr::new("strict"),
            Errors::Ignore => pystr::new("ignore"),
            Errors::Replace => pystr::new("replace"),
            Errors::Other(o) => o.clone(),
        }
    }

    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        if let Errors::Other(o) = self {
            native::push(out, o);
        }
    }
}

/// An `errors=None` argument of the codec object's methods.
fn errors_arg(fname: &str, o: &Option<Obj>) -> PyResult<Errors> {
    match o {
        None => Ok(Errors::Strict),
        Some(o) if none::is_none(o) => Ok(Errors::Strict),
        Some(o) if pystr::is_str(o) => Ok(Errors::from_name(Some(o))),
        Some(o) => bail!(TypeError, "{}() argument 'errors' must be str or None, not {}", fname, o.ty().name()),
    }
}

fn set_exc_range(exc: &Obj, start: usize, end: usize, reason: &str) -> PyResult<()> {
    krait_runtime::ops::attr::setattr(exc, &pystr::new("start"), &int::from_usize(start))?;
    krait_runtime::ops::attr::setattr(exc, &pystr::new("end"), &int::from_usize(end))?;
    krait_runtime::ops::attr::setattr(exc, &pystr::new("reason"), &pystr::new(reason))
}

fn handler(name: &Obj) -> PyResult<Obj> {
    crate::codecs::lookup_error(&pystr::to_string_lossy(name))
}

fn new_pos(r: &Obj, len: usize) -> PyResult<usize> {
    let pos = int::index_isize(&tuple::items(r)[1]);
    let pos = match pos {
        Ok(p) if p < 0 => p + len as isize,
        Ok(p) => p,
        Err(_) => {
            errors::clear();
            -1
        }
    };
    if pos < 0 || pos as usize > len {
        bail!(IndexError, "position {} from error handler out of bounds", pos);
    }
    Ok(pos as usize)
}

// ---------------------------------------------------------------------------
// Encoding.

/// One encoding run (CPython's `multibytecodec_encode`): `text` is the str
/// the exceptions report, `cps` its characters; returns the bytes and sets
/// `inpos` to how far it got (short of the end only for pending input).
#[allow(clippy::too_many_arguments)]
fn encode_run(codec: &Codec, st: &mut State, text: &Obj, cps: &[u32], inpos: &mut usize, errs: &Errors, flush: bool, reset: bool) -> PyResult<Vec<u8>> {
    *inpos = 0;
    if cps.is_empty() && !reset {
        return Ok(vec![]);
    }
    let mut out = Vec::with_capacity(cps.len() * 2);
    let mut exc: Option<Obj> = None;
    let mut pos = 0;
    while pos < cps.len() {
        match codec.encode(st, cps, &mut pos, &mut out, flush) {
            Ok(()) => break,
            Err(Stop::TooFew) if !flush => break,
            Err(e) => {
                encode_error(codec, st, text, cps, &mut pos, &mut out, errs, e, &mut exc)?;
                if e == Stop::TooFew {
                    break;
                }
            }
        }
    }
    if reset {
        codec.encode_reset(st, &mut out);
    }
    *inpos = pos;
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn encode_error(
    codec: &Codec,
    st: &mut State,
    text: &Obj,
    cps: &[u32],
    pos: &mut usize,
    out: &mut Vec<u8>,
    errs: &Errors,
    e: Stop,
    exc: &mut Option<Obj>,
) -> PyResult<()> {
    let (reason, esize) = match e {
        Stop::Illegal(n) => ("illegal multibyte sequence", n),
        // CPython reports the position as the length here
        Stop::TooFew => ("incomplete multibyte sequence", *pos),
    };
    match errs {
        Errors::Ignore => {
            *pos += esize;
            return Ok(());
        }
        Errors::Replace => {
            let mut p = 0;
            let mut tmp = vec![];
            if codec.encode(st, &[b'?' as u32], &mut p, &mut tmp, false).is_ok() {
                out.extend(tmp);
            } else {
                out.push(b'?');
            }
            *pos += esize;
            return Ok(());
        }
        _ => {}
    }
    let (start, end) = (*pos, *pos + esize);
    let x = match exc {
        Some(x) => {
            set_exc_range(x, start, end, reason)?;
            x.clone()
        }
        None => {
            let x = call(
                &type_::type_obj(exceptions::UnicodeEncodeError()),
                &[pystr::new(codec.name), text.clone(), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
                None,
            )?;
            *exc = Some(x.clone());
            x
        }
    };
    let Errors::Other(name) = errs else {
        return Err(errors::restore(x));
    };
    let r = call(&handler(name)?, &[x], None)?;
    let ok = tuple::is_tuple(&r)
        && tuple::len(&r) == 2
        && (pystr::is_str(&tuple::items(&r)[0]) || bytes::is_bytes(&tuple::items(&r)[0]))
        && int::is_int(&tuple::items(&r)[1]);
    if !ok {
        bail!(TypeError, "encoding error handler must return (str, int) tuple");
    }
    let rep = tuple::items(&r)[0].clone();
    if pystr::is_str(&rep) {
        let rcps = pystr::code_points(&rep);
        let mut p = 0;
        out.extend(encode_run(codec, st, &rep, &rcps, &mut p, &Errors::Strict, true, false)?);
    } else {
        out.extend_from_slice(bytes::as_slice(&rep));
    }
    *pos = new_pos(&r, cps.len())?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Decoding.

/// Handles a decoding stop at `*pos` of `data` (the whole buffer the
/// exceptions report), CPython's `multibytecodec_decerror`.
#[allow(clippy::too_many_arguments)]
fn decode_error(codec: &Codec, data: &[u8], pos: &mut usize, out: &mut Vec<u32>, errs: &Errors, e: Stop, exc: &mut Option<Obj>) -> PyResult<()> {
    let (reason, esize) = match e {
        Stop::Illegal(n) => ("illegal multibyte sequence", n),
        Stop::TooFew => ("incomplete multibyte sequence", data.len() - *pos),
    };
    match errs {
        Errors::Ignore => {
            *pos += esize;
            return Ok(());
        }
        Errors::Replace => {
            out.push(0xFFFD);
            *pos += esize;
            return Ok(());
        }
        _ => {}
    }
    let (start, end) = (*pos, *pos + esize);
    let x = match exc {
        Some(x) => {
            set_exc_range(x, start, end, reason)?;
            x.clone()
        }
        None => {
            let x = call(
                &type_::type_obj(exceptions::UnicodeDecodeError()),
                &[pystr::new(codec.name), bytes::new(data), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
                None,
            )?;
            *exc = Some(x.clone());
            x
        }
    };
    let Errors::Other(name) = errs else {
        return Err(errors::restore(x));
    };
    let r = call(&handler(name)?, &[x], None)?;
    let ok = tuple::is_tuple(&r) && tuple::len(&r) == 2 && pystr::is_str(&tuple::items(&r)[0]) && int::is_int(&tuple::items(&r)[1]);
    if !ok {
        bail!(TypeError, "decoding error handler must return (str, int) tuple");
    }
    out.extend(pystr::code_points(&tuple::items(&r)[0]));
    *pos = new_pos(&r, data.len())?;
    Ok(())
}

/// Decodes as far as complete input goes (CPython's `decoder_feed_buffer`):
/// the position of the first undecoded (pending) byte.
fn feed(codec: &Codec, st: &mut State, data: &[u8], out: &mut Vec<u32>, errs: &Errors, exc: &mut Option<Obj>) -> PyResult<usize> {
    let mut pos = 0;
    while pos < data.len() {
        match codec.decode(st, data, &mut pos, out) {
            Ok(()) | Err(Stop::TooFew) => break,
            Err(e) => decode_error(codec, data, &mut pos, out, errs, e, exc)?,
        }
    }
    Ok(pos)
}

// ---------------------------------------------------------------------------
// MultibyteCodec.

struct CodecObj {
    codec: Codec,
}

impl NativeState for CodecObj {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

pub fn new_codec(codec: Codec) -> PyResult<Obj> {
    codec_type()?;
    native::alloc(&raw mut CODEC_TYPE, CodecObj { codec })
}

fn codec_of(o: &Obj) -> PyResult<Codec> {
    match native::state::<CodecObj>(o) {
        Some(c) => Ok(c.codec),
        None => bail!(RuntimeError, "codec was cleared"),
    }
}

/// `str(input)` for an encoder's input that is not a str.
fn to_str(o: &Obj, msg: &str) -> PyResult<Obj> {
    if pystr::is_str(o) {
        return Ok(o.clone());
    }
    let s = krait_runtime::ops::str_of(o)?;
    if !pystr::is_str(&s) {
        bail!(TypeError, "{}", msg);
    }
    Ok(s)
}

fn codec_encode(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("encode", args, kw, &["input", "errors"], 0, 1, 2)?;
    let codec = codec_of(o)?;
    let errs = errors_arg("encode", &a[1])?;
    let s = to_str(a[0].as_ref().unwrap(), "couldn't convert the object to unicode.")?;
    let cps = pystr::code_points(&s);
    let mut st = codec.encode_init();
    let mut p = 0;
    let out = encode_run(&codec, &mut st, &s, &cps, &mut p, &errs, true, true)?;
    Ok(tuple::new(&[bytes::new(&out), int::from_usize(cps.len())]))
}

fn codec_decode(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decode", args, kw, &["input", "errors"], 0, 1, 2)?;
    let codec = codec_of(o)?;
    let buf = buffer::bytes_like(a[0].as_ref().unwrap())?;
    let data = buf.as_slice().to_vec();
    drop(buf);
    let errs = errors_arg("decode", &a[1])?;
    if data.is_empty() {
        return Ok(tuple::new(&[pystr::new(""), int::from_usize(0)]));
    }
    let mut st = codec.decode_init();
    let mut out = Vec::with_capacity(data.len());
    let mut exc = None;
    let mut pos = 0;
    while pos < data.len() {
        match codec.decode(&mut st, &data, &mut pos, &mut out) {
            Ok(()) => break,
            Err(e) => decode_error(&codec, &data, &mut pos, &mut out, &errs, e, &mut exc)?,
        }
    }
    Ok(tuple::new(&[pystr::from_code_points(&out), int::from_usize(data.len())]))
}

fn codec_type() -> PyResult<Obj> {
    unsafe {
        let t = &raw mut CODEC_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            native::init_type::<CodecObj>(t, "MultibyteCodec", false);
            (*t).tp_methods = method_table(&[method("encode", codec_encode), method("decode", codec_decode)]);
            native::ready(t)?;
        }
        Ok(type_::type_obj(t))
    }
}

/// The codec a subclass names in its `codec` attribute.
fn class_codec(t: *mut PyTypeObject) -> PyResult<Codec> {
    let c = getattr_str(&type_::type_obj(t), "codec")?;
    if c.type_ptr() != &raw mut CODEC_TYPE {
        bail!(TypeError, "codec is unexpected type");
    }
    codec_of(&c)
}

/// The `errors` argument of the constructors (a str, or absent).
fn ctor_errors(fname: &str, o: &Option<Obj>, n: usize) -> PyResult<Errors> {
    match o {
        None => Ok(Errors::Strict),
        Some(e) if pystr::is_str(e) => Ok(Errors::from_name(Some(e))),
        Some(e) => bail!(TypeError, "{}() argument {} must be str, not {}", fname, n, if none::is_none(e) { "None" } else { e.ty().name() }),
    }
}

fn ctor_args(fname: &str, args: &Obj, kw: Option<&Obj>, names: &[&str], required: usize) -> PyResult<Vec<Option<Obj>>> {
    let (v, kwn) = krait_runtime::ops::call::kwargs_to_vector(&tuple::items(args).to_vec(), kw)?;
    crate::clinic_args(fname, &v, kwn.as_ref(), names, 0, required, names.len())
}

fn noop_init(_o: &Obj, _args: &Obj, _kw: Option<&Obj>) -> PyResult<()> {
    Ok(())
}
krait_runtime::init_slot!(noop_init_slot => noop_init);

fn get_errors_of(e: &Errors) -> Obj {
    e.to_obj()
}

fn set_errors_to(e: &mut Errors, v: Option<&Obj>) -> PyResult<()> {
    match v {
        None => bail!(AttributeError, "cannot delete attribute"),
        Some(v) if pystr::is_str(v) => {
            *e = Errors::from_name(Some(v));
            Ok(())
        }
        Some(_) => bail!(TypeError, "errors must be a string"),
    }
}

// ---------------------------------------------------------------------------
// Incremental encoder (and the encoder half of StreamWriter).

struct Encoder {
    codec: Codec,
    state: State,
    errors: Errors,
    pending: Vec<u32>,
    stream: Option<Obj>,
}

impl NativeState for Encoder {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        self.errors.refs(out);
        native::push_opt(out, &self.stream);
    }
}

fn encoder(o: &Obj) -> PyResult<&mut Encoder> {
    match native::state::<Encoder>(o) {
        Some(e) => Ok(e),
        None => bail!(RuntimeError, "encoder was cleared"),
    }
}

/// CPython's `encoder_encode_stateful`: pending input first; what stays
/// unencoded becomes the new pending input.
fn encode_stateful(o: &Obj, input: &Obj, fin: bool) -> PyResult<Vec<u8>> {
    let s = to_str(input, "couldn't convert the object to str.")?;
    let e = encoder(o)?;
    let (codec, errs) = (e.codec, e.errors.clone());
    let mut st = e.state;
    let orig = std::mem::take(&mut e.pending);
    let (text, cps) = if orig.is_empty() {
        (s.clone(), pystr::code_points(&s))
    } else {
        let mut all = orig.clone();
        all.extend(pystr::code_points(&s));
        (pystr::from_code_points(&all), all)
    };
    let mut inpos = 0;
    let r = encode_run(&codec, &mut st, &text, &cps, &mut inpos, &errs, fin, fin);
    let e = encoder(o)?;
    e.state = st;
    let out = match r {
        Ok(out) => out,
        Err(err) => {
            e.pending = orig;
            return Err(err);
        }
    };
    if inpos < cps.len() {
        if cps.len() - inpos > MAXENCPENDING {
            bail!(UnicodeError, "pending buffer overflow");
        }
        e.pending = cps[inpos..].to_vec();
    }
    Ok(out)
}

fn ienc_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = ctor_args("IncrementalEncoder", args, kw, &["errors"], 0)?;
    let errors = ctor_errors("IncrementalEncoder", &a[0], 1)?;
    let codec = class_codec(t)?;
    native::alloc(t, Encoder { codec, state: codec.encode_init(), errors, pending: vec![], stream: None })
}
krait_runtime::new_slot!(ienc_new_slot => ienc_new);

fn ienc_encode(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("encode", args, kw, &["input", "final"], 0, 1, 2)?;
    let fin = match &a[1] {
        Some(f) => int::index_isize(f)? != 0,
        None => false,
    };
    Ok(bytes::new(&encode_stateful(o, a[0].as_ref().unwrap(), fin)?))
}

fn ienc_getstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getstate", args, kw, 0, 0)?;
    let e = encoder(o)?;
    // 1 byte of pending length, the pending input in UTF-8, the 8 state bytes
    let pending: String = e.pending.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
    if pending.len() > MAXENCPENDING * 4 {
        bail!(UnicodeError, "pending buffer too large");
    }
    let mut b = vec![pending.len() as u8];
    b.extend_from_slice(pending.as_bytes());
    b.extend_from_slice(&e.state);
    Ok(int::from_bigint(&BigInt::from_bytes_le(num_bigint::Sign::Plus, &b)))
}

fn state_bytes(v: &Obj, n: usize) -> PyResult<Vec<u8>> {
    let big = int::to_bigint(v);
    if big.sign() == num_bigint::Sign::Minus {
        bail!(OverflowError, "can't convert negative int to unsigned");
    }
    let (_, mut b) = big.to_bytes_le();
    if b.len() > n {
        bail!(OverflowError, "int too big to convert");
    }
    b.resize(n, 0);
    Ok(b)
}

fn ienc_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("setstate", args, kw, &["state"], 1, 1, 1)?;
    let v = a[0].as_ref().unwrap();
    if !int::is_int(v) {
        bail!(TypeError, "setstate() argument must be int, not {}", v.ty().name());
    }
    let b = state_bytes(v, 1 + MAXENCPENDING * 4 + 8)?;
    let n = b[0] as usize;
    if n > MAXENCPENDING * 4 {
        bail!(UnicodeError, "pending buffer too large");
    }
    let pending = match std::str::from_utf8(&b[1..1 + n]) {
        Ok(s) => s.chars().map(|c| c as u32).collect(),
        Err(_) => {
            let obj = bytes::new(&b[1..1 + n]);
            call_method(&obj, "decode", &[pystr::new("utf-8")])?;
            vec![]
        }
    };
    let e = encoder(o)?;
    e.pending = pending;
    e.state.copy_from_slice(&b[1 + n..1 + n + 8]);
    Ok(none::none())
}

fn ienc_reset(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("reset", args, kw, 0, 0)?;
    let e = encoder(o)?;
    let mut sink = vec![];
    e.codec.encode_reset(&mut e.state, &mut sink);
    e.pending.clear();
    Ok(none::none())
}

fn enc_get_errors(o: &Obj) -> PyResult<Obj> {
    Ok(get_errors_of(&encoder(o)?.errors))
}

fn enc_set_errors(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    set_errors_to(&mut encoder(o)?.errors, v)
}

// ---------------------------------------------------------------------------
// Incremental decoder (and the decoder half of StreamReader).

struct Decoder {
    codec: Codec,
    state: State,
    errors: Errors,
    pending: Vec<u8>,
    stream: Option<Obj>,
}

impl NativeState for Decoder {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        self.errors.refs(out);
        native::push_opt(out, &self.stream);
    }
}

fn decoder(o: &Obj) -> PyResult<&mut Decoder> {
    match native::state::<Decoder>(o) {
        Some(d) => Ok(d),
        None => bail!(RuntimeError, "decoder was cleared"),
    }
}

fn append_pending(d: &mut Decoder, rest: &[u8]) -> PyResult<()> {
    if d.pending.len() + rest.len() > MAXDECPENDING {
        bail!(UnicodeError, "pending buffer overflow");
    }
    d.pending.extend_from_slice(rest);
    Ok(())
}

fn idec_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = ctor_args("IncrementalDecoder", args, kw, &["errors"], 0)?;
    let errors = ctor_errors("IncrementalDecoder", &a[0], 1)?;
    let codec = class_codec(t)?;
    native::alloc(t, Decoder { codec, state: codec.decode_init(), errors, pending: vec![], stream: None })
}
krait_runtime::new_slot!(idec_new_slot => idec_new);

fn idec_decode(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decode", args, kw, &["input", "final"], 0, 1, 2)?;
    let buf = buffer::bytes_like(a[0].as_ref().unwrap())?;
    let input = buf.as_slice().to_vec();
    drop(buf);
    let fin = match &a[1] {
        Some(f) => int::index_isize(f)? != 0,
        None => false,
    };
    let d = decoder(o)?;
    let (codec, errs) = (d.codec, d.errors.clone());
    let orig = std::mem::take(&mut d.pending);
    let mut data = orig.clone();
    data.extend_from_slice(&input);
    let mut st = d.state;
    let mut out = vec![];
    let mut exc = None;
    let r = feed(&codec, &mut st, &data, &mut out, &errs, &mut exc);
    decoder(o)?.state = st;
    let mut pos = r?;
    if fin && pos < data.len() {
        if let Err(e) = decode_error(&codec, &data, &mut pos, &mut out, &errs, Stop::TooFew, &mut exc) {
            decoder(o)?.pending = orig;
            return Err(e);
        }
    }
    if pos < data.len() {
        append_pending(decoder(o)?, &data[pos..])?;
    }
    Ok(pystr::from_code_points(&out))
}

fn idec_getstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getstate", args, kw, 0, 0)?;
    let d = decoder(o)?;
    let st = int::from_bigint(&BigInt::from_bytes_le(num_bigint::Sign::Plus, &d.state));
    Ok(tuple::new(&[bytes::new(&d.pending), st]))
}

fn idec_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("setstate", args, kw, &["state"], 1, 1, 1)?;
    let v = a[0].as_ref().unwrap();
    if !tuple::is_tuple(v) {
        bail!(TypeError, "setstate() argument must be tuple, not {}", v.ty().name());
    }
    let items = tuple::items(v);
    if items.len() != 2 || !bytes::is_bytes(&items[0]) || !int::is_int(&items[1]) {
        bail!(TypeError, "setstate(): illegal state argument");
    }
    let st = state_bytes(&items[1], 8)?;
    let buf = bytes::as_slice(&items[0]);
    if buf.len() > MAXDECPENDING {
        bail!(UnicodeError, "pending buffer too large");
    }
    let d = decoder(o)?;
    d.pending = buf.to_vec();
    d.state.copy_from_slice(&st);
    Ok(none::none())
}

fn idec_reset(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("reset", args, kw, 0, 0)?;
    let d = decoder(o)?;
    d.codec.decode_reset(&mut d.state);
    d.pending.clear();
    Ok(none::none())
}

fn dec_get_errors(o: &Obj) -> PyResult<Obj> {
    Ok(get_errors_of(&decoder(o)?.errors))
}

fn dec_set_errors(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    set_errors_to(&mut decoder(o)?.errors, v)
}

// ---------------------------------------------------------------------------
// StreamReader.

fn reader_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = ctor_args("StreamReader", args, kw, &["stream", "errors"], 1)?;
    let errors = ctor_errors("StreamReader", &a[1], 2)?;
    let codec = class_codec(t)?;
    native::alloc(t, Decoder { codec, state: codec.decode_init(), errors, pending: vec![], stream: a[0].clone() })
}
krait_runtime::new_slot!(reader_new_slot => reader_new);

/// CPython's `mbstreamreader_iread`: reads until some text comes out (one
/// more byte at a time once the first read gave only a partial sequence).
fn iread(o: &Obj, meth: &str, mut sizehint: isize) -> PyResult<Obj> {
    if sizehint == 0 {
        return Ok(pystr::new(""));
    }
    let mut out = vec![];
    loop {
        let stream = decoder(o)?.stream.clone().unwrap();
        let cres = if sizehint < 0 { call_method(&stream, meth, &[])? } else { call_method(&stream, meth, &[int::from_i64(sizehint as i64)])? };
        if !bytes::is_bytes(&cres) {
            bail!(TypeError, "stream function returned a non-bytes object ({})", cres.ty().name());
        }
        let got = bytes::as_slice(&cres);
        let eof = got.is_empty();
        let d = decoder(o)?;
        let (codec, errs) = (d.codec, d.errors.clone());
        let mut data = std::mem::take(&mut d.pending);
        data.extend_from_slice(got);
        let rsize = data.len();
        let mut st = d.state;
        let mut exc = None;
        let mut pos = 0;
        let r = if rsize > 0 { feed(&codec, &mut st, &data, &mut out, &errs, &mut exc) } else { Ok(0) };
        decoder(o)?.state = st;
        pos += r?;
        if (eof || sizehint < 0) && pos < data.len() {
            decode_error(&codec, &data, &mut pos, &mut out, &errs, Stop::TooFew, &mut exc)?;
        }
        if pos < data.len() {
            append_pending(decoder(o)?, &data[pos..])?;
        }
        if sizehint < 0 || !out.is_empty() || rsize == 0 {
            break;
        }
        sizehint = 1;
    }
    Ok(pystr::from_code_points(&out))
}

fn size_arg(o: &Option<Obj>) -> PyResult<isize> {
    match o {
        None => Ok(-1),
        Some(o) if none::is_none(o) => Ok(-1),
        Some(o) if int::is_int(o) => int::index_isize(o),
        Some(_) => bail!(TypeError, "arg 1 must be an integer"),
    }
}

fn reader_read(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("read", args, kw, &["sizeobj"], 1, 0, 1)?;
    iread(o, "read", size_arg(&a[0])?)
}

fn reader_readline(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("readline", args, kw, &["sizeobj"], 1, 0, 1)?;
    iread(o, "readline", size_arg(&a[0])?)
}

fn reader_readlines(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("readlines", args, kw, &["sizehintobj"], 1, 0, 1)?;
    let r = iread(o, "read", size_arg(&a[0])?)?;
    call_method(&r, "splitlines", &[krait_runtime::types::bool_::from_bool(true)])
}

fn reader_reset(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("reset", args, kw, 0, 0)?;
    let d = decoder(o)?;
    d.codec.decode_reset(&mut d.state);
    d.pending.clear();
    Ok(none::none())
}

fn reader_stream(o: &Obj) -> PyResult<Obj> {
    Ok(decoder(o)?.stream.clone().unwrap_or_else(none::none))
}

// ---------------------------------------------------------------------------
// StreamWriter.

fn writer_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = ctor_args("StreamWriter", args, kw, &["stream", "errors"], 1)?;
    let errors = ctor_errors("StreamWriter", &a[1], 2)?;
    let codec = class_codec(t)?;
    native::alloc(t, Encoder { codec, state: codec.encode_init(), errors, pending: vec![], stream: a[0].clone() })
}
krait_runtime::new_slot!(writer_new_slot => writer_new);

fn iwrite(o: &Obj, s: &Obj) -> PyResult<()> {
    let out = encode_stateful(o, s, false)?;
    let stream = encoder(o)?.stream.clone().unwrap();
    call_method(&stream, "write", &[bytes::new(&out)])?;
    Ok(())
}

fn writer_write(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("write", args, kw, &["strobj"], 1, 1, 1)?;
    iwrite(o, a[0].as_ref().unwrap())?;
    Ok(none::none())
}

fn writer_writelines(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("writelines", args, kw, &["lines"], 1, 1, 1)?;
    let it = krait_runtime::ops::iter(a[0].as_ref().unwrap())?;
    while let Some(line) = krait_runtime::ops::next(&it)? {
        iwrite(o, &line)?;
    }
    Ok(none::none())
}

fn writer_reset(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("reset", args, kw, 0, 0)?;
    let e = encoder(o)?;
    if e.pending.is_empty() {
        return Ok(none::none());
    }
    let (codec, errs) = (e.codec, e.errors.clone());
    let cps = std::mem::take(&mut e.pending);
    let mut st = e.state;
    let mut p = 0;
    let r = encode_run(&codec, &mut st, &pystr::from_code_points(&cps), &cps, &mut p, &errs, true, true);
    encoder(o)?.state = st;
    let out = r?;
    if !out.is_empty() {
        let stream = encoder(o)?.stream.clone().unwrap();
        call_method(&stream, "write", &[bytes::new(&out)])?;
    }
    Ok(none::none())
}

fn writer_stream(o: &Obj) -> PyResult<Obj> {
    Ok(encoder(o)?.stream.clone().unwrap_or_else(none::none))
}

// ---------------------------------------------------------------------------
// Types and the module.

unsafe fn base_type<T: NativeState>(t: *mut PyTypeObject, name: &str) {
    native::init_type::<T>(t, name, true);
    (*t).tp_init = Some(noop_init_slot);
    (*t).tp_dictoffset = native::dict_offset::<T>();
    (*t).tp_weaklistoffset = native::weaklist_offset::<T>();
}

fn types() -> PyResult<Vec<(&'static str, Obj)>> {
    unsafe {
        let t = &raw mut IENC_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            base_type::<Encoder>(t, "_multibytecodec.MultibyteIncrementalEncoder");
            (*t).tp_new = Some(ienc_new_slot);
            (*t).tp_methods = method_table(&[
                method("encode", ienc_encode),
                method("getstate", ienc_getstate),
                method("setstate", ienc_setstate),
                method("reset", ienc_reset),
            ]);
            (*t).tp_getset = getset_table(&[GetSetSpec::get_set("errors", enc_get_errors, enc_set_errors)]);
            native::ready(t)?;
        }
        let t = &raw mut IDEC_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            base_type::<Decoder>(t, "_multibytecodec.MultibyteIncrementalDecoder");
            (*t).tp_new = Some(idec_new_slot);
            (*t).tp_methods = method_table(&[
                method("decode", idec_decode),
                method("getstate", idec_getstate),
                method("setstate", idec_setstate),
                method("reset", idec_reset),
            ]);
            (*t).tp_getset = getset_table(&[GetSetSpec::get_set("errors", dec_get_errors, dec_set_errors)]);
            native::ready(t)?;
        }
        let t = &raw mut READER_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            base_type::<Decoder>(t, "_multibytecodec.MultibyteStreamReader");
            (*t).tp_new = Some(reader_new_slot);
            (*t).tp_methods = method_table(&[
                method("read", reader_read),
                method("readline", reader_readline),
                method("readlines", reader_readlines),
                method("reset", reader_reset),
            ]);
            (*t).tp_getset = getset_table(&[
                GetSetSpec::get_set("errors", dec_get_errors, dec_set_errors),
                GetSetSpec::get("stream", reader_stream),
            ]);
            native::ready(t)?;
        }
        let t = &raw mut WRITER_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            base_type::<Encoder>(t, "_multibytecodec.MultibyteStreamWriter");
            (*t).tp_new = Some(writer_new_slot);
            (*t).tp_methods = method_table(&[
                method("write", writer_write),
                method("writelines", writer_writelines),
                method("reset", writer_reset),
            ]);
            (*t).tp_getset = getset_table(&[
                GetSetSpec::get_set("errors", enc_get_errors, enc_set_errors),
                GetSetSpec::get("stream", writer_stream),
            ]);
            native::ready(t)?;
        }
        Ok(vec![
            ("MultibyteCodec", codec_type()?),
            ("MultibyteIncrementalEncoder", type_::type_obj(&raw mut IENC_TYPE)),
            ("MultibyteIncrementalDecoder", type_::type_obj(&raw mut IDEC_TYPE)),
            ("MultibyteStreamReader", type_::type_obj(&raw mut READER_TYPE)),
            ("MultibyteStreamWriter", type_::type_obj(&raw mut WRITER_TYPE)),
        ])
    }
}

/// `__create_codec(capsule)`: the codec modules hand out codec objects
/// themselves, so no capsule of krait's exists to pass here.
fn create_codec(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__create_codec", args, kw, 1, 1)?;
    bail!(ValueError, "argument type invalid")
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_multibytecodec")?;
    let d = module::dict_of(&m);
    let fs: Vec<MethodSpec> = vec![method("__create_codec", create_codec)];
    add_functions(&d, &m, &fs)?;
    for (name, t) in types()? {
        krait_runtime::types::dict::set_item_str(&d, name, &t)?;
    }
    Ok(m)
}
