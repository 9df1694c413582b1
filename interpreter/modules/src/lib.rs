//! Native standard-library modules, as CPython's `Modules/`: one file per
//! module, each with a `create()` that builds the module object. They live
//! outside krait-runtime so that changing a module rebuilds only this
//! crate; `register_all` hands them to the runtime's builtin-module table
//! before the interpreter starts.

pub mod array;
pub mod ast;
pub mod atexit;
pub mod audioop;
pub mod binascii;
pub mod abc;
pub mod bisect;
pub mod bz2;
pub mod lzma;
pub mod sqlite;
pub mod cjkcodecs;
pub mod cmath;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod crypt;
pub mod csv;
mod decompress_input;
pub mod errno;
pub mod faulthandler;
pub mod fcntl;
pub mod functools;
pub mod grp;
pub mod locale;
pub mod lsprof;
pub mod hashes;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod math;
pub mod mmap;
pub mod multiprocessing;
mod native;
pub mod operator;
pub mod posix;
pub mod opcode;
pub mod posixshmem;
pub mod posixsubprocess;
pub mod pwd;
pub mod pyexpat;
pub mod queue;
pub mod random;
pub mod resource;
pub mod select;
pub mod signal;
pub mod socket;
pub mod spwd;
pub mod sre;
pub mod struct_;
pub mod termios;
pub mod stat;
pub mod statistics;
pub mod syslog;
pub mod testcapi;
pub mod testinternalcapi;
pub mod xxsubtype;
pub mod thread;
pub mod time;
pub mod tokenize;
pub mod typing;
pub mod unicodedata;
pub mod uuid;
pub mod weakref;
pub mod zlib;

use krait_runtime::modules::register;
use krait_runtime::object::PyTypeObject;
use krait_runtime::types::{dict, str as pystr, tuple, type_};
use krait_runtime::{Obj, PyResult};

/// An object a module keeps for the life of the process (its exception
/// classes, caches), shared by all threads like CPython's module state.
pub(crate) struct Keep(std::sync::atomic::AtomicPtr<krait_runtime::object::PyObject>);

impl Keep {
    pub(crate) const fn new() -> Keep {
        Keep(std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()))
    }

    pub(crate) fn get(&self) -> Option<Obj> {
        let p = self.0.load(std::sync::atomic::Ordering::Acquire);
        if p.is_null() {
            None
        } else {
            Some(unsafe { Obj::from_borrowed(p) })
        }
    }

    /// The kept object, created by `init` the first time.
    pub(crate) fn get_or_init(&self, init: impl FnOnce() -> PyResult<Obj>) -> PyResult<Obj> {
        if let Some(o) = self.get() {
            return Ok(o);
        }
        let o = init()?;
        self.0.store(o.clone().into_raw(), std::sync::atomic::Ordering::Release);
        Ok(o)
    }
}

/// Argument Clinic's keyword parsing (`_PyArg_UnpackKeywords`), with its
/// checks in its order: too many arguments in all, too many positional,
/// too few positional-only, then each missing required parameter, then
/// duplicates and unknown keywords. `names` lists every parameter; the
/// first `posonly` are positional-only, the first `minpos` required, the
/// first `maxpos` may be given by position (the rest are keyword-only).
pub(crate) fn clinic_args(
    fname: &str,
    args: &[Obj],
    kwnames: Option<&Obj>,
    names: &[&str],
    posonly: usize,
    minpos: usize,
    maxpos: usize,
) -> PyResult<Vec<Option<Obj>>> {
    use krait_runtime::bail;
    let kw: Vec<String> = kwnames.map(|k| tuple::items(k).iter().map(pystr::to_string_lossy).collect()).unwrap_or_default();
    let nkw = kw.len();
    let nargs = args.len() - nkw;
    let maxargs = names.len();
    if nargs + nkw > maxargs {
        bail!(
            TypeError,
            "{}() takes at most {} {}argument{} ({} given)",
            fname,
            maxargs,
            if nargs == 0 { "keyword " } else { "" },
            if maxargs == 1 { "" } else { "s" },
            nargs + nkw
        );
    }
    if nargs > maxpos {
        if maxpos == 0 {
            bail!(TypeError, "{}() takes no positional arguments", fname);
        }
        bail!(
            TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            if minpos < maxpos { "at most" } else { "exactly" },
            maxpos,
            if maxpos == 1 { "" } else { "s" },
            nargs
        );
    }
    let minposonly = posonly.min(minpos);
    if nargs < minposonly {
        bail!(
            TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            if minpos < maxpos { "at least" } else { "exactly" },
            minposonly,
            if minposonly == 1 { "" } else { "s" },
            nargs
        );
    }
    let mut out: Vec<Option<Obj>> = vec![None; maxargs];
    for (i, a) in args[..nargs].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    let mut left = nkw;
    for i in nargs.max(posonly)..maxargs {
        let found = if left > 0 { kw.iter().position(|k| k == names[i]) } else { None };
        match found {
            Some(j) => {
                out[i] = Some(args[nargs + j].clone());
                left -= 1;
            }
            None if i < minpos => {
                bail!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1)
            }
            None => {}
        }
    }
    if left > 0 {
        for (i, name) in names.iter().enumerate().take(nargs).skip(posonly) {
            if kw.iter().any(|k| k == name) {
                bail!(TypeError, "argument for {}() given by name ('{}') and position ({})", fname, name, i + 1);
            }
        }
        for k in &kw {
            let known = names.iter().enumerate().any(|(i, n)| i >= posonly && n == k);
            if !known {
                bail!(TypeError, "'{}' is an invalid keyword argument for {}()", k, fname);
            }
        }
    }
    Ok(out)
}

/// A new exception class as `PyErr_NewException("module.Name", base)`:
/// named `Name`, with `__module__` set to `module`.
pub(crate) fn new_exception_type(dotted: &str, base: *mut PyTypeObject) -> PyResult<Obj> {
    let (module, name) = dotted.rsplit_once('.').expect("dotted exception name");
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", &pystr::new(module))?;
    let bases = tuple::new(&[type_::type_obj(base)]);
    let meta = type_::type_obj(type_::type_type());
    krait_runtime::ops::call::call(&meta, &[pystr::new(name), bases, ns], None)
}

/// Registers every module of this crate as a builtin module.
pub fn register_all() {
    register("errno", errno::create);
    register("atexit", atexit::create);
    register("_abc", abc::create);
    register("_bisect", bisect::create);
    register("_bz2", bz2::create);
    register("_lzma", lzma::create);
    register("_lsprof", lsprof::create);
    register("pyexpat", pyexpat::create);
    register("_sqlite3", sqlite::create);
    register("_posixshmem", posixshmem::create);
    register("opcode", opcode::create);
    register("_opcode", opcode::create_private);
    register("_heapq", heapq::create);
    register("_thread", thread::create);
    register("_weakref", weakref::create);
    register("math", math::create);
    register("_struct", struct_::create);
    register("_random", random::create);
    register("audioop", audioop::create);
    register("binascii", binascii::create);
    register("cmath", cmath::create);
    register("posix", posix::create);
    register("_io", io::create);
    register("_collections", collections::create);
    register("_functools", functools::create);
    register("_json", json::create);
    register("itertools", itertools::create);
    register("_operator", operator::create);
    register("_sre", sre::create);
    register("time", time::create);
    register("_tokenize", tokenize::create);
    register("_typing", typing::create);
    register("_signal", signal::create);
    register("select", select::create);
    register("fcntl", fcntl::create);
    register("termios", termios::create);
    register("faulthandler", faulthandler::create);
    register("_posixsubprocess", posixsubprocess::create);
    register("pwd", pwd::create);
    register("grp", grp::create);
    register("_locale", locale::create);
    register("resource", resource::create);
    register("_codecs", codecs::create);
    register("_contextvars", contextvars::create);
    register("_csv", csv::create);
    register("zlib", zlib::create);
    register("_md5", hashes::md5::create);
    register("_sha1", hashes::sha1::create);
    register("_sha256", hashes::sha2::create_sha256);
    register("_sha512", hashes::sha2::create_sha512);
    register("_sha3", hashes::sha3::create);
    register("_blake2", hashes::blake2::create);
    register("array", array::create);
    register("mmap", mmap::create);
    register("_socket", socket::create);
    register("unicodedata", unicodedata::create);
    krait_compiler::set_name_lookup(unicodedata::lookup_name);
    krait_runtime::codecs::set_name_hook(unicodedata::char_name);
    krait_runtime::traceback_print::set_wide_hook(unicodedata::is_wide);
    thread::on_thread_exit(contextvars::clear_current);
    register("_ast", ast::create);
    register("_testcapi", testcapi::create);
    register("_statistics", statistics::create);
    register("_stat", stat::create);
    register("syslog", syslog::create);
    register("_uuid", uuid::create);
    register("_crypt", crypt::create);
    register("spwd", spwd::create);
    register("_testinternalcapi", testinternalcapi::create);
    register("_multiprocessing", multiprocessing::create);
    register("xxsubtype", xxsubtype::create);
    register("_queue", queue::create);
    register("_multibytecodec", cjkcodecs::create_multibytecodec);
    register("_codecs_jp", cjkcodecs::create_jp);
    register("_codecs_kr", cjkcodecs::create_kr);
    register("_codecs_cn", cjkcodecs::create_cn);
    register("_codecs_tw", cjkcodecs::create_tw);
    register("_codecs_hk", cjkcodecs::create_hk);
    register("_codecs_iso2022", cjkcodecs::create_iso2022);
    ast::install_hooks();
    krait_runtime::codecs::set_registry_hooks(codecs::registry_encode, codecs::registry_decode);
}
