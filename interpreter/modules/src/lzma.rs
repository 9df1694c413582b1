//! The `_lzma` module under `lzma.py`: `LZMACompressor` and
//! `LZMADecompressor` for the xz, lzma-alone and raw formats (raw ones over
//! a filter chain given as dicts), the filter-properties helpers, and
//! `LZMAError`, with CPython 3.11's argument rules and messages, over
//! liblzma through `liblzma-sys`.
//!
//! The decompressor keeps CPython's `max_length`/`needs_input`/`eof`/
//! `unused_data` rules: input it could not take because the output limit
//! was reached is kept for the next call.

use crate::decompress_input::DecompressInput;
use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, parse_args, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytes, dict, exceptions, int, module, str as pystr, tuple, type_};
use liblzma_sys as lz;
use std::os::raw::c_void;

/// Output grows by at least this much per step.
const CHUNK: usize = 32 * 1024;

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FORMAT_RAW: i64 = 3;
const CHECK_UNKNOWN: i64 = lz::LZMA_CHECK_ID_MAX as i64 + 1;

static mut COMPRESSOR_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DECOMPRESSOR_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static ERROR: crate::Keep = crate::Keep::new();

fn lzma_error(msg: impl AsRef<str>) -> PyErr {
    errors::raise(type_::as_type(&ERROR.get().expect("_lzma.LZMAError")), msg)
}

/// liblzma's return codes as CPython reports them; Ok for the codes that
/// are not failures.
fn check_ret(r: lz::lzma_ret) -> PyResult<()> {
    let msg = match r {
        lz::LZMA_OK | lz::LZMA_GET_CHECK | lz::LZMA_NO_CHECK | lz::LZMA_STREAM_END => return Ok(()),
        lz::LZMA_MEM_ERROR => return Err(errors::raise(exceptions::MemoryError(), "")),
        lz::LZMA_UNSUPPORTED_CHECK => "Unsupported integrity check".to_string(),
        lz::LZMA_MEMLIMIT_ERROR => "Memory usage limit exceeded".to_string(),
        lz::LZMA_FORMAT_ERROR => "Input format not supported by decoder".to_string(),
        lz::LZMA_OPTIONS_ERROR => "Invalid or unsupported options".to_string(),
        lz::LZMA_DATA_ERROR => "Corrupt input data".to_string(),
        lz::LZMA_BUF_ERROR => "Insufficient buffer space".to_string(),
        lz::LZMA_PROG_ERROR => "Internal error".to_string(),
        other => format!("Unrecognized error from liblzma: {}", other),
    };
    Err(lzma_error(msg))
}

fn data_arg(o: &Obj) -> PyResult<Vec<u8>> {
    Ok(Buffer::get(o, buffer::SIMPLE)?.as_slice().to_vec())
}

/// Objects that hold a C-level stream cannot be pickled.
fn no_pickle(o: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    bail!(TypeError, "cannot pickle '{}' object", o.ty().full_name())
}

// ---------------------------------------------------------------------------
// Integer conversions with CPython's messages.

/// PyLong_AsUnsignedLongLong: an int (no __index__), not negative, fits 64 bits.
fn as_u64(o: &Obj) -> PyResult<u64> {
    if !int::is_int(o) {
        bail!(TypeError, "an integer is required");
    }
    if int::sign(o) < 0 {
        bail!(OverflowError, "can't convert negative int to unsigned");
    }
    match int::as_u64(o) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "int too big to convert"),
    }
}

fn as_u32(o: &Obj) -> PyResult<u32> {
    match u32::try_from(as_u64(o)?) {
        Ok(v) => Ok(v),
        Err(_) => bail!(OverflowError, "Value too large for uint32_t type"),
    }
}

/// The "i" converter: anything with __index__ that fits a C int.
fn as_c_int(o: &Obj) -> PyResult<i32> {
    let v = int::index(o)?;
    match int::as_i64(&v) {
        Some(x) if x > i32::MAX as i64 => bail!(OverflowError, "signed integer is greater than maximum"),
        Some(x) if x < i32::MIN as i64 => bail!(OverflowError, "signed integer is less than minimum"),
        Some(x) => Ok(x as i32),
        None if int::sign(&v) < 0 => bail!(OverflowError, "signed integer is less than minimum"),
        None => bail!(OverflowError, "signed integer is greater than maximum"),
    }
}

// ---------------------------------------------------------------------------
// Filter chains: Python dicts to lzma_filter arrays and back.

/// One filter's options, boxed so the pointer handed to liblzma stays put.
enum Options {
    Lzma(Box<lz::lzma_options_lzma>),
    Delta(Box<lz::lzma_options_delta>),
    Bcj(Box<lz::lzma_options_bcj>),
}

impl Options {
    fn ptr(&mut self) -> *mut c_void {
        match self {
            Options::Lzma(b) => &mut **b as *mut _ as *mut c_void,
            Options::Delta(b) => &mut **b as *mut _ as *mut c_void,
            Options::Bcj(b) => &mut **b as *mut _ as *mut c_void,
        }
    }
}

/// A parsed chain; `filters` ends with the LZMA_VLI_UNKNOWN terminator
/// and points into `options`, which must outlive every use of it.
struct Chain {
    ids: Vec<u64>,
    options: Vec<Options>,
    filters: Vec<lz::lzma_filter>,
}

impl Chain {
    fn build(ids: Vec<u64>, mut options: Vec<Options>) -> Chain {
        let mut filters: Vec<lz::lzma_filter> =
            ids.iter().zip(options.iter_mut()).map(|(id, o)| lz::lzma_filter { id: *id, options: o.ptr() }).collect();
        filters.push(lz::lzma_filter { id: lz::LZMA_VLI_UNKNOWN, options: std::ptr::null_mut() });
        Chain { ids, options, filters }
    }
    fn as_ptr(&self) -> *const lz::lzma_filter {
        self.filters.as_ptr()
    }
}

/// PyMapping_Check: the type has mp_subscript.
fn is_mapping(o: &Obj) -> bool {
    let t = o.ty();
    // SAFETY: tp_as_mapping is null or points at the type's static mapping table.
    !t.tp_as_mapping.is_null() && unsafe { (*t.tp_as_mapping).mp_subscript.is_some() }
}

/// `spec[key]`, None when the key is missing (KeyError only).
fn spec_get(spec: &Obj, key: &str) -> PyResult<Option<Obj>> {
    if dict::is_dict(spec) {
        return dict::get_item_str(spec, key);
    }
    match krait_runtime::ops::seq::getitem(spec, &pystr::new(key)) {
        Ok(v) => Ok(Some(v)),
        Err(_) if errors::matches(exceptions::KeyError()) => {
            errors::clear();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The spec's options as keyword arguments: a dict whose keys are all in
/// `names`, each value through `as_u32`; None on any mismatch, which the
/// caller reports as CPython does, with one ValueError per filter kind.
fn spec_options(spec: &Obj, names: &[&str]) -> Option<Vec<(String, u32)>> {
    if !dict::is_dict(spec) {
        return None;
    }
    let mut out = Vec::new();
    for (k, v) in dict::items_vec(spec) {
        if !pystr::is_str(&k) {
            return None;
        }
        let k = pystr::to_string_lossy(&k);
        if !names.contains(&k.as_str()) {
            return None;
        }
        if k == "id" || k == "preset" {
            continue;
        }
        match as_u32(&v) {
            Ok(v) => out.push((k, v)),
            Err(_) => {
                errors::clear();
                return None;
            }
        }
    }
    Some(out)
}

fn parse_lzma_options(spec: &Obj) -> PyResult<Options> {
    let preset = match spec_get(spec, "preset")? {
        Some(p) => as_u32(&p)?,
        None => lz::LZMA_PRESET_DEFAULT,
    };
    // SAFETY: lzma_options_lzma is plain C data (ints and null pointers).
    let mut o: Box<lz::lzma_options_lzma> = Box::new(unsafe { std::mem::zeroed() });
    // SAFETY: `o` is a valid, writable options struct.
    if unsafe { lz::lzma_lzma_preset(&mut *o, preset) } != 0 {
        return Err(lzma_error(format!("Invalid compression preset: {}", preset)));
    }
    let names = ["id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"];
    let Some(opts) = spec_options(spec, &names) else {
        bail!(ValueError, "Invalid filter specifier for LZMA filter");
    };
    for (k, v) in opts {
        match k.as_str() {
            "dict_size" => o.dict_size = v,
            "lc" => o.lc = v,
            "lp" => o.lp = v,
            "pb" => o.pb = v,
            "mode" => o.mode = v as lz::lzma_mode,
            "nice_len" => o.nice_len = v,
            "mf" => o.mf = v as lz::lzma_match_finder,
            _ => o.depth = v,
        }
    }
    Ok(Options::Lzma(o))
}

fn parse_filter(spec: &Obj) -> PyResult<(u64, Options)> {
    if !is_mapping(spec) {
        bail!(TypeError, "Filter specifier must be a dict or dict-like object");
    }
    let Some(id) = spec_get(spec, "id")? else {
        bail!(ValueError, "Filter specifier must have an \"id\" entry");
    };
    let id = as_u64(&id)?;
    let opts = match id {
        lz::LZMA_FILTER_LZMA1 | lz::LZMA_FILTER_LZMA2 => parse_lzma_options(spec)?,
        lz::LZMA_FILTER_DELTA => {
            let Some(opts) = spec_options(spec, &["id", "dist"]) else {
                bail!(ValueError, "Invalid filter specifier for delta filter");
            };
            // SAFETY: plain C data; zero is a valid value for every field.
            let mut o: Box<lz::lzma_options_delta> = Box::new(unsafe { std::mem::zeroed() });
            o.type_ = lz::lzma_delta_type_LZMA_DELTA_TYPE_BYTE;
            o.dist = opts.first().map_or(1, |(_, v)| *v);
            Options::Delta(o)
        }
        lz::LZMA_FILTER_X86
        | lz::LZMA_FILTER_POWERPC
        | lz::LZMA_FILTER_IA64
        | lz::LZMA_FILTER_ARM
        | lz::LZMA_FILTER_ARMTHUMB
        | lz::LZMA_FILTER_SPARC => {
            let Some(opts) = spec_options(spec, &["id", "start_offset"]) else {
                bail!(ValueError, "Invalid filter specifier for BCJ filter");
            };
            Options::Bcj(Box::new(lz::lzma_options_bcj { start_offset: opts.first().map_or(0, |(_, v)| *v) }))
        }
        _ => bail!(ValueError, "Invalid filter ID: {}", id),
    };
    Ok((id, opts))
}

/// PySequence_Size: only the sequence protocol counts (a dict is refused).
fn sequence_len(o: &Obj) -> PyResult<usize> {
    let t = o.ty();
    // SAFETY: the slot tables are null or point at the type's static tables.
    let (sq_len, mp_len) = unsafe {
        (
            !t.tp_as_sequence.is_null() && (*t.tp_as_sequence).sq_length.is_some(),
            !t.tp_as_mapping.is_null() && (*t.tp_as_mapping).mp_length.is_some(),
        )
    };
    if !sq_len {
        if mp_len {
            bail!(TypeError, "{} is not a sequence", t.name());
        }
        bail!(TypeError, "object of type '{}' has no len()", t.name());
    }
    krait_runtime::ops::len(o)
}

fn parse_chain(specs: &Obj) -> PyResult<Chain> {
    let n = sequence_len(specs)?;
    if n > lz::LZMA_FILTERS_MAX as usize {
        bail!(ValueError, "Too many filters - liblzma supports a maximum of {}", lz::LZMA_FILTERS_MAX);
    }
    let (mut ids, mut options) = (Vec::new(), Vec::new());
    for i in 0..n {
        let spec = krait_runtime::ops::seq::sequence_getitem(specs, i as isize)?;
        let (id, o) = parse_filter(&spec)?;
        ids.push(id);
        options.push(o);
    }
    Ok(Chain::build(ids, options))
}

/// A filter's decoded properties as CPython's dict: the fields that
/// lzma_properties_decode fills in for its kind.
fn build_spec(f: &lz::lzma_filter) -> PyResult<Obj> {
    let d = dict::new();
    let add = |k: &str, v: u64| dict::set_item_str(&d, k, &int::from_u64(v));
    add("id", f.id)?;
    // SAFETY: liblzma allocated `options` with the struct of the filter's kind
    // (or left it null for a BCJ filter without properties).
    unsafe {
        match f.id {
            lz::LZMA_FILTER_LZMA1 => {
                let o = &*(f.options as *const lz::lzma_options_lzma);
                add("lc", o.lc as u64)?;
                add("lp", o.lp as u64)?;
                add("pb", o.pb as u64)?;
                add("dict_size", o.dict_size as u64)?;
            }
            lz::LZMA_FILTER_LZMA2 => {
                add("dict_size", (*(f.options as *const lz::lzma_options_lzma)).dict_size as u64)?;
            }
            lz::LZMA_FILTER_DELTA => {
                add("dist", (*(f.options as *const lz::lzma_options_delta)).dist as u64)?;
            }
            lz::LZMA_FILTER_X86
            | lz::LZMA_FILTER_POWERPC
            | lz::LZMA_FILTER_IA64
            | lz::LZMA_FILTER_ARM
            | lz::LZMA_FILTER_ARMTHUMB
            | lz::LZMA_FILTER_SPARC => {
                let p = f.options as *const lz::lzma_options_bcj;
                add("start_offset", if p.is_null() { 0 } else { (*p).start_offset as u64 })?;
            }
            _ => bail!(ValueError, "Invalid filter ID: {}", f.id),
        }
    }
    Ok(d)
}

// ---------------------------------------------------------------------------
// Streams.

/// An lzma_stream in a fixed place, ended on drop.
struct Stream(Box<lz::lzma_stream>);

impl Stream {
    fn new() -> Stream {
        // SAFETY: LZMA_STREAM_INIT is all zeros: null pointers and zero counts.
        Stream(Box::new(unsafe { std::mem::zeroed() }))
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        // SAFETY: the stream was zero-initialised and only set up by liblzma;
        // lzma_end accepts a stream that was never initialised.
        unsafe { lz::lzma_end(&mut *self.0) }
    }
}

/// One lzma_code call over `input` into the free tail of `out`; returns the
/// return code and how much input was taken.
fn code(s: &mut Stream, input: &[u8], out: &mut Vec<u8>, room: usize, action: lz::lzma_action) -> (lz::lzma_ret, usize) {
    let len = out.len();
    out.reserve(room);
    let st = &mut *s.0;
    st.next_in = input.as_ptr();
    st.avail_in = input.len();
    // SAFETY: `out` has capacity for `room` more bytes past `len`.
    st.next_out = unsafe { out.as_mut_ptr().add(len) };
    st.avail_out = room;
    // SAFETY: the stream is set up and its buffers are valid for the lengths given.
    let r = unsafe { lz::lzma_code(st, action) };
    let produced = room - st.avail_out;
    let taken = input.len() - st.avail_in;
    // SAFETY: liblzma wrote `produced` bytes starting at `len`.
    unsafe { out.set_len(len + produced) };
    st.next_in = std::ptr::null();
    st.next_out = std::ptr::null_mut();
    (r, taken)
}

// ---------------------------------------------------------------------------
// LZMACompressor.

struct Compressor {
    s: Stream,
    flushed: bool,
}

impl State for Compressor {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

fn compressor(o: &Obj) -> PyResult<&mut Compressor> {
    match native::state::<Compressor>(o) {
        Some(c) => Ok(c),
        None => bail!(ValueError, "uninitialised LZMACompressor"),
    }
}

fn compressor_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (v, kwnames) = krait_runtime::ops::call::kwargs_to_vector(&tuple::items(args), kw)?;
    let a = parse_args("LZMACompressor", &v, kwnames.as_ref(), &["format", "check", "preset", "filters"], 0, 0)?;
    let format = match &a[0] {
        Some(f) => as_c_int(f)? as i64,
        None => FORMAT_XZ,
    };
    let check = match &a[1] {
        Some(c) => as_c_int(c)? as i64,
        None => -1,
    };
    let preset_obj = a[2].clone().filter(|p| !p.is(&krait_runtime::types::none::none()));
    let filters = a[3].clone().filter(|f| !f.is(&krait_runtime::types::none::none()));
    if format != FORMAT_XZ && check != -1 && check != lz::LZMA_CHECK_NONE as i64 {
        bail!(ValueError, "Integrity checks are only supported by FORMAT_XZ");
    }
    if preset_obj.is_some() && filters.is_some() {
        bail!(ValueError, "Cannot specify both preset and filter chain");
    }
    let preset = match &preset_obj {
        Some(p) => as_u32(p)?,
        None => lz::LZMA_PRESET_DEFAULT,
    };
    let mut s = Stream::new();
    let r = match format {
        FORMAT_XZ => {
            let check = if check == -1 { lz::LZMA_CHECK_CRC64 as i64 } else { check };
            match &filters {
                // SAFETY: `s` is a fresh stream.
                None => unsafe { lz::lzma_easy_encoder(&mut *s.0, preset, check as lz::lzma_check) },
                Some(f) => {
                    let chain = parse_chain(f)?;
                    // SAFETY: `chain` is terminated and lives across the call.
                    unsafe { lz::lzma_stream_encoder(&mut *s.0, chain.as_ptr(), check as lz::lzma_check) }
                }
            }
        }
        FORMAT_ALONE => match &filters {
            None => {
                // SAFETY: plain C data, filled in by lzma_lzma_preset.
                let mut o: lz::lzma_options_lzma = unsafe { std::mem::zeroed() };
                // SAFETY: `o` is writable.
                if unsafe { lz::lzma_lzma_preset(&mut o, preset) } != 0 {
                    return Err(lzma_error(format!("Invalid compression preset: {}", preset)));
                }
                // SAFETY: `s` is fresh and `o` is a valid options struct.
                unsafe { lz::lzma_alone_encoder(&mut *s.0, &o) }
            }
            Some(f) => {
                let mut chain = parse_chain(f)?;
                if chain.ids.len() != 1 || chain.ids[0] != lz::LZMA_FILTER_LZMA1 {
                    bail!(ValueError, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
                }
                let p = chain.options[0].ptr() as *const lz::lzma_options_lzma;
                // SAFETY: an LZMA1 filter's options are an lzma_options_lzma.
                unsafe { lz::lzma_alone_encoder(&mut *s.0, p) }
            }
        },
        FORMAT_RAW => match &filters {
            None => bail!(ValueError, "Must specify filters for FORMAT_RAW"),
            Some(f) => {
                let chain = parse_chain(f)?;
                // SAFETY: `chain` is terminated and lives across the call.
                unsafe { lz::lzma_raw_encoder(&mut *s.0, chain.as_ptr()) }
            }
        },
        _ => bail!(ValueError, "Invalid container format: {}", format),
    };
    check_ret(r)?;
    native::alloc(t, Compressor { s, flushed: false })
}
krait_runtime::new_slot!(compressor_new_slot => compressor_new);

/// Runs `action` until all input is taken (RUN) or the stream ends (FINISH).
fn run_compress(s: &mut Stream, mut input: &[u8], action: lz::lzma_action) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        let room = CHUNK.max(out.len());
        let (mut r, taken) = code(s, input, &mut out, room, action);
        input = &input[taken..];
        let filled = s.0.avail_out == 0;
        // A buffer error with nothing to read and room left is no error.
        if r == lz::LZMA_BUF_ERROR && input.is_empty() && !filled {
            r = lz::LZMA_OK;
        }
        check_ret(r)?;
        if (action == lz::LZMA_RUN && input.is_empty()) || (action == lz::LZMA_FINISH && r == lz::LZMA_STREAM_END) {
            return Ok(out);
        }
    }
}

fn compressor_compress(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("LZMACompressor.compress", args, kw, 1, 1)?;
    let data = data_arg(&args[0])?;
    let s = compressor(o)?;
    if s.flushed {
        bail!(ValueError, "Compressor has been flushed");
    }
    let out = run_compress(&mut s.s, &data, lz::LZMA_RUN)?;
    Ok(bytes::new(&out))
}

fn compressor_flush(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("LZMACompressor.flush", args, kw, 0, 0)?;
    let s = compressor(o)?;
    if s.flushed {
        bail!(ValueError, "Repeated call to flush()");
    }
    s.flushed = true;
    let out = run_compress(&mut s.s, &[], lz::LZMA_FINISH)?;
    Ok(bytes::new(&out))
}

// ---------------------------------------------------------------------------
// LZMADecompressor.

struct Decompressor {
    s: Stream,
    check: i64,
    inp: DecompressInput,
}

impl State for Decompressor {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        self.inp.refs(out);
    }
}

fn decompressor(o: &Obj) -> PyResult<&mut Decompressor> {
    match native::state::<Decompressor>(o) {
        Some(d) => Ok(d),
        None => bail!(ValueError, "uninitialised LZMADecompressor"),
    }
}

fn decompressor_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let (v, kwnames) = krait_runtime::ops::call::kwargs_to_vector(&tuple::items(args), kw)?;
    let a = crate::clinic_args("LZMADecompressor", &v, kwnames.as_ref(), &["format", "memlimit", "filters"], 0, 0, 3)?;
    let format = match &a[0] {
        Some(f) => as_c_int(f)? as i64,
        None => FORMAT_AUTO,
    };
    let memlimit_obj = a[1].clone().filter(|p| !p.is(&krait_runtime::types::none::none()));
    let filters = a[2].clone().filter(|f| !f.is(&krait_runtime::types::none::none()));
    let mut memlimit = u64::MAX;
    if let Some(m) = &memlimit_obj {
        if format == FORMAT_RAW {
            bail!(ValueError, "Cannot specify memory limit with FORMAT_RAW");
        }
        memlimit = as_u64(m)?;
    }
    if format == FORMAT_RAW && filters.is_none() {
        bail!(ValueError, "Must specify filters for FORMAT_RAW");
    } else if format != FORMAT_RAW && filters.is_some() {
        bail!(ValueError, "Cannot specify filters except with FORMAT_RAW");
    }
    let flags = lz::LZMA_TELL_ANY_CHECK | lz::LZMA_TELL_NO_CHECK;
    let mut s = Stream::new();
    let mut check = CHECK_UNKNOWN;
    // SAFETY (each call): `s` is a fresh stream; a chain is terminated and
    // lives across the call.
    let r = match format {
        FORMAT_AUTO => unsafe { lz::lzma_auto_decoder(&mut *s.0, memlimit, flags) },
        FORMAT_XZ => unsafe { lz::lzma_stream_decoder(&mut *s.0, memlimit, flags) },
        FORMAT_ALONE => {
            check = lz::LZMA_CHECK_NONE as i64;
            unsafe { lz::lzma_alone_decoder(&mut *s.0, memlimit) }
        }
        FORMAT_RAW => {
            check = lz::LZMA_CHECK_NONE as i64;
            let chain = parse_chain(filters.as_ref().unwrap())?;
            unsafe { lz::lzma_raw_decoder(&mut *s.0, chain.as_ptr()) }
        }
        _ => bail!(ValueError, "Invalid container format: {}", format),
    };
    check_ret(r)?;
    let d = Decompressor { s, check, inp: DecompressInput::new() };
    native::alloc(t, d)
}
krait_runtime::new_slot!(decompressor_new_slot => decompressor_new);

fn decompressor_decompress(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decompress", args, kw, &["data", "max_length"], 0, 1, 2)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let max_length = match &a[1] {
        Some(m) => int::as_isize_or_overflow(&int::index(m)?)?,
        None => -1,
    };
    let s = decompressor(o)?;
    if s.inp.eof {
        bail!(EOFError, "Already at end of stream");
    }
    let input = s.inp.take(&data);
    let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0usize;
    let mut out_full;
    loop {
        let room = (limit - out.len()).min(CHUNK.max(out.len()));
        let (mut r, taken) = code(&mut s.s, &input[pos..], &mut out, room, lz::LZMA_RUN);
        pos += taken;
        out_full = s.s.0.avail_out == 0;
        if r == lz::LZMA_BUF_ERROR && pos == input.len() && !out_full {
            r = lz::LZMA_OK;
        }
        check_ret(r)?;
        if r == lz::LZMA_GET_CHECK || r == lz::LZMA_NO_CHECK {
            // SAFETY: the stream is set up.
            s.check = unsafe { lz::lzma_get_check(&*s.s.0) } as i64;
        }
        if r == lz::LZMA_STREAM_END {
            s.inp.eof = true;
            break;
        }
        if out_full {
            // The output may hold more; go on unless the limit is reached.
            if out.len() >= limit {
                break;
            }
        } else if pos == input.len() {
            break;
        }
    }
    // With the output full, liblzma may still hold output for the next call.
    s.inp.settle(&input, pos, out_full);
    Ok(bytes::new(&out))
}

/// The attributes are read-only, with CPython's message for its members.
fn readonly(_o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    bail!(AttributeError, "readonly attribute")
}

fn get_check(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(decompressor(o)?.check))
}
fn get_eof(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(decompressor(o)?.inp.eof))
}
fn get_needs_input(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(decompressor(o)?.inp.needs_input))
}
fn get_unused_data(o: &Obj) -> PyResult<Obj> {
    Ok(decompressor(o)?.inp.unused_data.clone())
}

// ---------------------------------------------------------------------------
// Module functions.

fn is_check_supported(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("is_check_supported", args, kw, 1, 1)?;
    let v = int::index(&args[0])?;
    let id = match int::as_i64(&v).and_then(|x| i32::try_from(x).ok()) {
        Some(x) => x,
        None => bail!(OverflowError, "Python int too large to convert to C int"),
    };
    // SAFETY: a pure lookup on the check ID.
    Ok(bool_::from_bool(unsafe { lz::lzma_check_is_supported(id as lz::lzma_check) } != 0))
}

fn encode_filter_properties(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_encode_filter_properties", args, kw, 1, 1)?;
    let (id, opts) = parse_filter(&args[0])?;
    let chain = Chain::build(vec![id], vec![opts]);
    let f = chain.as_ptr();
    let mut size: u32 = 0;
    // SAFETY: `f` points at a parsed filter whose options live in `chain`.
    check_ret(unsafe { lz::lzma_properties_size(&mut size, f) })?;
    let mut buf = vec![0u8; size as usize];
    // SAFETY: `buf` holds the `size` bytes liblzma asked for.
    check_ret(unsafe { lz::lzma_properties_encode(f, buf.as_mut_ptr()) })?;
    Ok(bytes::new(&buf))
}

fn decode_filter_properties(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_decode_filter_properties", args, kw, 2, 2)?;
    let id = as_u64(&args[0])?;
    let props = data_arg(&args[1])?;
    let mut f = lz::lzma_filter { id, options: std::ptr::null_mut() };
    // SAFETY: `props` is valid for its length; liblzma allocates `options`
    // with malloc (no allocator given), freed below.
    check_ret(unsafe { lz::lzma_properties_decode(&mut f, std::ptr::null(), props.as_ptr(), props.len()) })?;
    let r = build_spec(&f);
    // SAFETY: allocated by liblzma's default allocator (malloc), or null.
    unsafe { libc::free(f.options) };
    r
}

// ---------------------------------------------------------------------------
// Module.

const FUNCTIONS: &[MethodSpec] = &[
    method("is_check_supported", is_check_supported).with_doc(
        "is_check_supported($module, check_id, /)\n--\n\nWhether this build of liblzma supports the given integrity check.",
    ),
    method("_encode_filter_properties", encode_filter_properties).with_doc(
        "_encode_filter_properties($module, filter, /)\n--\n\nThe encoded properties (options) of a filter given as a dict, without its ID.",
    ),
    method("_decode_filter_properties", decode_filter_properties).with_doc(
        "_decode_filter_properties($module, filter_id, encoded_props, /)\n--\n\nA filter's dict built from its ID and its encoded properties.",
    ),
];

// Docstrings carry CPython's signatures, so inspect sees the same parameters
// (LZMACompressor's, like CPython's, has no `--` line and so no signature).
const COMPRESSOR_DOC: &str = "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)

An incremental compressor. format is FORMAT_XZ (the default), FORMAT_ALONE or
FORMAT_RAW; check is the integrity check (FORMAT_XZ only, CHECK_CRC64 by
default); preset is a level 0-9, optionally OR-ed with PRESET_EXTREME; filters
is a sequence of filter dicts, each with an \"id\" entry and the filter's
options. A preset and a filter chain cannot both be given, and FORMAT_RAW needs
a filter chain.";
const COMPRESS_DOC: &str = "compress($self, data, /)
--

Compress data; returns the compressed bytes ready so far, possibly b''.";
const FLUSH_DOC: &str = "flush($self, /)
--

End the stream and return what is left; the compressor is unusable after.";
const DECOMPRESSOR_DOC: &str = "LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)
--

An incremental decompressor. format is FORMAT_AUTO (the default: xz or
lzma-alone, detected), FORMAT_XZ, FORMAT_ALONE or FORMAT_RAW; memlimit bounds
the decoder's memory (not with FORMAT_RAW); filters is the filter chain that
FORMAT_RAW requires and the other formats refuse.";
const DECOMPRESS_DOC: &str = "decompress($self, /, data, max_length=-1)
--

Decompress data. With max_length >= 0, at most that many bytes are returned
and needs_input tells whether more input is wanted; input not yet consumed is
kept for the next call. Data after the end of the stream goes to unused_data.";

fn init_types() -> PyResult<()> {
    // SAFETY: the static type objects are set up once, under the GIL.
    unsafe {
        let t = &raw mut COMPRESSOR_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        // Not subclassable, as in CPython.
        native::init_type::<Compressor>(t, "_lzma.LZMACompressor", false);
        (*t).tp_new = Some(compressor_new_slot);
        (*t).tp_doc = krait_runtime::types::builtin_func::cstr(COMPRESSOR_DOC);
        (*t).tp_methods = method_table(&[
            method("compress", compressor_compress).with_doc(COMPRESS_DOC),
            method("flush", compressor_flush).with_doc(FLUSH_DOC),
            method("__getstate__", no_pickle),
        ]);
        native::ready(t)?;

        let t = &raw mut DECOMPRESSOR_TYPE;
        native::init_type::<Decompressor>(t, "_lzma.LZMADecompressor", false);
        (*t).tp_new = Some(decompressor_new_slot);
        (*t).tp_doc = krait_runtime::types::builtin_func::cstr(DECOMPRESSOR_DOC);
        (*t).tp_methods = method_table(&[
            method("decompress", decompressor_decompress).with_doc(DECOMPRESS_DOC),
            method("__getstate__", no_pickle),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get_set("check", get_check, readonly).with_doc("ID of the integrity check of the input stream."),
            GetSetSpec::get_set("eof", get_eof, readonly).with_doc("True once the end of the stream has been reached."),
            GetSetSpec::get_set("needs_input", get_needs_input, readonly)
                .with_doc("True if more input is needed before more output can be produced."),
            GetSetSpec::get_set("unused_data", get_unused_data, readonly)
                .with_doc("Data found after the end of the compressed stream."),
        ]);
        native::ready(t)?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_lzma")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    let err = ERROR.get_or_init(|| {
        let e = crate::new_exception_type("_lzma.LZMAError", exceptions::Exception())?;
        krait_runtime::ops::attr::setattr(&e, &pystr::new("__doc__"), &pystr::new("Call to liblzma failed."))?;
        Ok(e)
    })?;
    dict::set_item_str(&d, "LZMAError", &err)?;
    dict::set_item_str(&d, "LZMACompressor", &type_::type_obj(&raw mut COMPRESSOR_TYPE))?;
    dict::set_item_str(&d, "LZMADecompressor", &type_::type_obj(&raw mut DECOMPRESSOR_TYPE))?;
    let ints: &[(&str, u64)] = &[
        ("FORMAT_AUTO", FORMAT_AUTO as u64),
        ("FORMAT_XZ", FORMAT_XZ as u64),
        ("FORMAT_ALONE", FORMAT_ALONE as u64),
        ("FORMAT_RAW", FORMAT_RAW as u64),
        ("CHECK_NONE", lz::LZMA_CHECK_NONE as u64),
        ("CHECK_CRC32", lz::LZMA_CHECK_CRC32 as u64),
        ("CHECK_CRC64", lz::LZMA_CHECK_CRC64 as u64),
        ("CHECK_SHA256", lz::LZMA_CHECK_SHA256 as u64),
        ("CHECK_ID_MAX", lz::LZMA_CHECK_ID_MAX as u64),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN as u64),
        ("FILTER_LZMA1", lz::LZMA_FILTER_LZMA1),
        ("FILTER_LZMA2", lz::LZMA_FILTER_LZMA2),
        ("FILTER_DELTA", lz::LZMA_FILTER_DELTA),
        ("FILTER_X86", lz::LZMA_FILTER_X86),
        ("FILTER_IA64", lz::LZMA_FILTER_IA64),
        ("FILTER_ARM", lz::LZMA_FILTER_ARM),
        ("FILTER_ARMTHUMB", lz::LZMA_FILTER_ARMTHUMB),
        ("FILTER_SPARC", lz::LZMA_FILTER_SPARC),
        ("FILTER_POWERPC", lz::LZMA_FILTER_POWERPC),
        ("MF_HC3", lz::LZMA_MF_HC3 as u64),
        ("MF_HC4", lz::LZMA_MF_HC4 as u64),
        ("MF_BT2", lz::LZMA_MF_BT2 as u64),
        ("MF_BT3", lz::LZMA_MF_BT3 as u64),
        ("MF_BT4", lz::LZMA_MF_BT4 as u64),
        ("MODE_FAST", lz::LZMA_MODE_FAST as u64),
        ("MODE_NORMAL", lz::LZMA_MODE_NORMAL as u64),
        ("PRESET_DEFAULT", lz::LZMA_PRESET_DEFAULT as u64),
        ("PRESET_EXTREME", lz::LZMA_PRESET_EXTREME as u64),
    ];
    for (name, v) in ints {
        dict::set_item_str(&d, name, &int::from_u64(*v))?;
    }
    Ok(m)
}
