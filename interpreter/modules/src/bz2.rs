//! The `_bz2` module under `bz2.py`: `BZ2Compressor` (compress, then one
//! flush that ends the stream) and `BZ2Decompressor` (one stream, with
//! `max_length`, `needs_input`, `eof` and `unused_data` as CPython 3.11
//! keeps them), over the `bzip2` crate's raw streams.

use crate::decompress_input::DecompressInput;
use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{method, method_table};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytes, dict, exceptions, int, module, tuple};
use bzip2::{Action, Compress, Compression, Decompress, Status};

/// Output grows by at least this much per step.
const CHUNK: usize = 32 * 1024;

static mut COMPRESSOR_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut DECOMPRESSOR_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn bz_error(e: bzip2::Error) -> PyErr {
    use exceptions as x;
    match e {
        bzip2::Error::Data | bzip2::Error::DataMagic => errors::raise(x::OSError(), "Invalid data stream"),
        bzip2::Error::Param => errors::raise(x::ValueError(), "Internal error - invalid parameters passed to libbzip2"),
        bzip2::Error::Sequence => errors::raise(x::RuntimeError(), "Internal error - Invalid sequence of commands sent to libbzip2"),
    }
}

fn data_arg(o: &Obj) -> PyResult<Vec<u8>> {
    Ok(Buffer::get(o, buffer::SIMPLE)?.as_slice().to_vec())
}

fn no_kwargs(name: &str, kw: Option<&Obj>) -> PyResult<()> {
    if kw.is_some_and(|k| dict::len(k) > 0) {
        bail!(TypeError, "{}() takes no keyword arguments", name);
    }
    Ok(())
}

/// Objects that hold a C-level stream cannot be pickled.
fn no_pickle(o: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    bail!(TypeError, "cannot pickle '{}' object", o.ty().full_name())
}

// ---------------------------------------------------------------------------
// BZ2Compressor.

struct Compressor {
    c: Compress,
    flushed: bool,
}

impl State for Compressor {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

fn compressor(o: &Obj) -> PyResult<&mut Compressor> {
    match native::state::<Compressor>(o) {
        Some(c) => Ok(c),
        None => bail!(ValueError, "uninitialised BZ2Compressor"),
    }
}

fn compressor_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    no_kwargs("BZ2Compressor", kw)?;
    let a = tuple::items(args);
    if a.len() > 1 {
        bail!(TypeError, "BZ2Compressor expected at most 1 argument, got {}", a.len());
    }
    let level = match a.first() {
        Some(l) => {
            if krait_runtime::types::float::is_float(l) {
                bail!(TypeError, "'float' object cannot be interpreted as an integer");
            }
            int::as_i64(&int::index(l)?).unwrap_or(0)
        }
        None => 9,
    };
    if !(1..=9).contains(&level) {
        bail!(ValueError, "compresslevel must be between 1 and 9");
    }
    native::alloc(t, Compressor { c: Compress::new(Compression::new(level as u32), 0), flushed: false })
}
krait_runtime::new_slot!(compressor_new_slot => compressor_new);

/// Runs `action` over `input` until the stream has taken all of it (Run)
/// or has ended (Finish).
fn run_compress(c: &mut Compress, mut input: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        if action == Action::Run && input.is_empty() {
            return Ok(out);
        }
        if out.len() == out.capacity() {
            out.reserve(CHUNK.max(out.len()));
        }
        let before = c.total_in();
        let st = c.compress_vec(input, &mut out, action).map_err(bz_error)?;
        input = &input[(c.total_in() - before) as usize..];
        match st {
            Status::StreamEnd => return Ok(out),
            Status::MemNeeded => return Err(errors::raise(exceptions::MemoryError(), "")),
            _ => {}
        }
    }
}

fn compressor_compress(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("compress", args, kw, &["data"], 1, 1, 1)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let s = compressor(o)?;
    if s.flushed {
        bail!(ValueError, "Compressor has been flushed");
    }
    let out = run_compress(&mut s.c, &data, Action::Run)?;
    Ok(bytes::new(&out))
}

fn compressor_flush(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("flush", args, kw, &[], 0, 0, 0)?;
    let s = compressor(o)?;
    if s.flushed {
        bail!(ValueError, "Repeated call to flush()");
    }
    s.flushed = true;
    let out = run_compress(&mut s.c, &[], Action::Finish)?;
    Ok(bytes::new(&out))
}

// ---------------------------------------------------------------------------
// BZ2Decompressor.

struct Decompressor {
    d: Decompress,
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
        None => bail!(ValueError, "uninitialised BZ2Decompressor"),
    }
}

fn decompressor_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    if tuple::len(args) > 0 {
        bail!(TypeError, "BZ2Decompressor() takes no positional arguments");
    }
    no_kwargs("BZ2Decompressor", kw)?;
    let d = Decompressor { d: Decompress::new(false), inp: DecompressInput::new() };
    native::alloc(t, d)
}
krait_runtime::new_slot!(decompressor_new_slot => decompressor_new);

fn decompressor_decompress(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("decompress", args, kw, &["data", "max_length"], 0, 1, 2)?;
    let data = data_arg(a[0].as_ref().unwrap())?;
    let max_length = match &a[1] {
        Some(m) => int::as_i64(&int::index(m)?).unwrap_or(i64::MAX),
        None => -1,
    };
    let s = decompressor(o)?;
    if s.inp.eof {
        bail!(EOFError, "End of stream already reached");
    }
    let input = s.inp.take(&data);
    let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0usize;
    let mut room_buf: Vec<u8> = Vec::new();
    loop {
        if out.len() >= limit {
            break;
        }
        let room = (limit - out.len()).min(CHUNK.max(out.len()));
        room_buf.resize(room, 0);
        let (bi, bo) = (s.d.total_in(), s.d.total_out());
        let st = s.d.decompress(&input[pos..], &mut room_buf).map_err(bz_error)?;
        pos += (s.d.total_in() - bi) as usize;
        let produced = (s.d.total_out() - bo) as usize;
        out.extend_from_slice(&room_buf[..produced]);
        if st == Status::StreamEnd {
            s.inp.eof = true;
            break;
        }
        if st == Status::MemNeeded {
            return Err(errors::raise(exceptions::MemoryError(), ""));
        }
        // More only while input remains and the output space was filled.
        if pos == input.len() || produced < room {
            break;
        }
    }
    s.inp.settle(&input, pos, false);
    Ok(bytes::new(&out))
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
// Module.

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut COMPRESSOR_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Compressor>(t, "_bz2.BZ2Compressor", true);
        (*t).tp_new = Some(compressor_new_slot);
        (*t).tp_methods = method_table(&[
            method("compress", compressor_compress),
            method("flush", compressor_flush),
            method("__getstate__", no_pickle),
        ]);
        native::ready(t)?;

        let t = &raw mut DECOMPRESSOR_TYPE;
        native::init_type::<Decompressor>(t, "_bz2.BZ2Decompressor", true);
        (*t).tp_new = Some(decompressor_new_slot);
        (*t).tp_methods = method_table(&[method("decompress", decompressor_decompress), method("__getstate__", no_pickle)]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("eof", get_eof),
            GetSetSpec::get("needs_input", get_needs_input),
            GetSetSpec::get("unused_data", get_unused_data),
        ]);
        native::ready(t)?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_bz2")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "BZ2Compressor", &krait_runtime::types::type_::type_obj(&raw mut COMPRESSOR_TYPE))?;
    dict::set_item_str(&d, "BZ2Decompressor", &krait_runtime::types::type_::type_obj(&raw mut DECOMPRESSOR_TYPE))?;
    Ok(m)
}
