//! The CJK codecs, as CPython's Modules/cjkcodecs: `_multibytecodec` (the
//! machinery, `multibyte.rs`) and the codec modules `_codecs_jp`, `_kr`,
//! `_cn`, `_tw`, `_hk` and `_iso2022`, each with `getcodec(name)`
//! (`engine.rs` has the table-driven codecs and HZ, `iso2022.rs` the
//! ISO-2022 ones; their tables are dumped from python3.11 by
//! `gen_tables.py` at build time).

mod engine;
mod iso2022;
mod multibyte;

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{module, str as pystr};
use krait_runtime::{bail, PyResult};

pub use multibyte::create as create_multibytecodec;

fn getcodec_in(module: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("getcodec", args, kw, 1, 1)?;
    let name = &args[0];
    if !pystr::is_str(name) {
        bail!(TypeError, "encoding name must be a string.");
    }
    match engine::find(module, &pystr::to_string_lossy(name)) {
        Some(c) => multibyte::new_codec(c),
        None => bail!(LookupError, "no such codec is supported."),
    }
}

macro_rules! codec_module {
    ($create:ident, $getcodec:ident, $name:literal) => {
        fn $getcodec(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            getcodec_in($name, args, kw)
        }
        pub fn $create() -> PyResult<Obj> {
            let m = module::new($name)?;
            let d = module::dict_of(&m);
            let fs: Vec<MethodSpec> = vec![method("getcodec", $getcodec)];
            add_functions(&d, &m, &fs)?;
            Ok(m)
        }
    };
}

codec_module!(create_jp, getcodec_jp, "_codecs_jp");
codec_module!(create_kr, getcodec_kr, "_codecs_kr");
codec_module!(create_cn, getcodec_cn, "_codecs_cn");
codec_module!(create_tw, getcodec_tw, "_codecs_tw");
codec_module!(create_hk, getcodec_hk, "_codecs_hk");
codec_module!(create_iso2022, getcodec_iso2022, "_codecs_iso2022");
