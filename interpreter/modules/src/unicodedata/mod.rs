//! `unicodedata`: CPython 3.11's view of the Unicode Character Database,
//! version 14.0.0, and the `ucd_3_2_0` object (a `UCD` instance answering
//! from Unicode 3.2.0, which `encodings.idna` and `stringprep` use).
//!
//! Every function is written once and serves both: called on the module it
//! answers from 14.0.0, called as a method of the `UCD` instance from 3.2.0.
//! `db.rs` holds the tables (generated at build time from python3.11's own
//! database, see `gen_tables.py`), `normalize.rs` the normalization forms.

mod db;
mod normalize;

use crate::native::{self, State};
use db::{Found, Version};
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::buffer;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, dict, float, int, module, str as pystr, type_};
use normalize::Form;

static mut UCD_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn ucd_type() -> *mut PyTypeObject {
    &raw mut UCD_TYPE
}

/// A `UCD` instance holds nothing: its type says "Unicode 3.2.0".
struct Ucd;

impl State for Ucd {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

fn version_of(slf: &Obj) -> Version {
    if slf.type_ptr() == ucd_type() {
        Version::V3_2
    } else {
        Version::Current
    }
}

/// The qualified name CPython's one-argument check reports.
fn qualname(slf: &Obj, f: &str) -> String {
    match version_of(slf) {
        Version::Current => format!("unicodedata.{}", f),
        Version::V3_2 => format!("unicodedata.UCD.{}", f),
    }
}

/// The code point of a one-character str argument. `argno` is None for
/// the one-argument functions, whose message names no position.
fn one_char(f: &str, argno: Option<usize>, o: &Obj) -> PyResult<u32> {
    if pystr::is_str(o) && pystr::len(o) == 1 {
        return Ok(pystr::char_at(o, 0));
    }
    match argno {
        Some(n) => bail!(TypeError, "{}() argument {} must be a unicode character, not {}", f, n, o.ty().name()),
        None => bail!(TypeError, "{}() argument must be a unicode character, not {}", f, o.ty().name()),
    }
}

/// Argument handling of the one-argument property functions.
fn single(slf: &Obj, f: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<db::Record> {
    check_nargs(&qualname(slf, f), args, kw, 1, 1)?;
    let c = one_char(f, None, &args[0])?;
    Ok(db::record(version_of(slf), c))
}

fn u_category(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(pystr::new(single(slf, "category", args, kw)?.category_name()))
}

fn u_bidirectional(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(pystr::new(db::BIDI[single(slf, "bidirectional", args, kw)?.bidi as usize]))
}

fn u_combining(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(int::from_i64(single(slf, "combining", args, kw)?.combining as i64))
}

fn u_east_asian_width(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(pystr::new(db::EAW[single(slf, "east_asian_width", args, kw)?.eaw as usize]))
}

fn u_mirrored(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(int::from_i64(single(slf, "mirrored", args, kw)?.mirrored as i64))
}

fn u_decomposition(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = single(slf, "decomposition", args, kw)?;
    let mut s = String::new();
    if let Some((tag, cps)) = r.decomposition() {
        s.push_str(tag);
        for c in cps {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&format!("{:04X}", c));
        }
    }
    Ok(pystr::new(&s))
}

/// `f(chr, default=<none>, /)`: the character and the default, if given.
fn char_and_default(f: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<(u32, Option<Obj>)> {
    check_nargs(f, args, kw, 1, 2)?;
    Ok((one_char(f, Some(1), &args[0])?, args.get(1).cloned()))
}

fn numeric_value(
    slf: &Obj,
    f: &str,
    args: &[Obj],
    kw: Option<&Obj>,
    pick: fn((Option<u8>, Option<u8>, Option<f64>)) -> Option<Obj>,
    missing: &str,
) -> PyResult<Obj> {
    let (c, default) = char_and_default(f, args, kw)?;
    match pick(db::record(version_of(slf), c).numeric()) {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => bail!(ValueError, "{}", missing),
        },
    }
}

fn u_decimal(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    numeric_value(slf, "decimal", args, kw, |v| v.0.map(|d| int::from_i64(d as i64)), "not a decimal")
}

fn u_digit(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    numeric_value(slf, "digit", args, kw, |v| v.1.map(|d| int::from_i64(d as i64)), "not a digit")
}

fn u_numeric(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    numeric_value(slf, "numeric", args, kw, |v| v.2.map(float::from_f64), "not a numeric character")
}

fn u_name(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (c, default) = char_and_default("name", args, kw)?;
    match db::name(version_of(slf), c) {
        Some(n) => Ok(pystr::new(&n)),
        None => match default {
            Some(d) => Ok(d),
            None => bail!(ValueError, "no such name"),
        },
    }
}

/// Longest name the database accepts (CPython's NAME_MAXLEN).
const NAME_MAXLEN: usize = 256;

fn u_lookup(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs(&qualname(slf, "lookup"), args, kw, 1, 1)?;
    let name: Vec<u8> = if pystr::is_str(&args[0]) {
        // Encoded as CPython's "s#" does: strict UTF-8.
        let s = pystr::as_str(&args[0]).map(|s| s.as_bytes().to_vec());
        match s {
            Some(b) => b,
            None => krait_runtime::codecs::encode(&args[0], "utf-8", None)?,
        }
    } else {
        buffer::bytes_like(&args[0])?.as_slice().to_vec()
    };
    if name.len() > NAME_MAXLEN {
        bail!(KeyError, "name too long");
    }
    match db::lookup(version_of(slf), &name, true) {
        Some(Found::Char(c)) => Ok(pystr::from_char(c)),
        Some(Found::Sequence(cps)) => Ok(pystr::from_code_points(cps)),
        None => {
            // The message shows the name as a C string: up to a NUL.
            let shown = name.split(|&b| b == 0).next().unwrap_or(&[]);
            bail!(KeyError, "undefined character name '{}'", String::from_utf8_lossy(shown))
        }
    }
}

fn form_and_text(f: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<(Form, Obj)> {
    check_nargs(f, args, kw, 2, 2)?;
    for (i, a) in args.iter().enumerate() {
        if !pystr::is_str(a) {
            bail!(TypeError, "{}() argument {} must be str, not {}", f, i + 1, a.ty().name());
        }
    }
    let form = pystr::as_str(&args[0]).and_then(Form::parse);
    match form {
        Some(form) => Ok((form, args[1].clone())),
        None => bail!(ValueError, "invalid normalization form"),
    }
}

fn u_normalize(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (form, text) = form_and_text("normalize", args, kw)?;
    if pystr::is_ascii(&text) {
        return Ok(text); // ASCII is in every normal form
    }
    if normalize::quick_check(version_of(slf), form, pystr::chars(&text)) == Some(true) {
        return Ok(text);
    }
    let out = normalize::normalize(version_of(slf), form, pystr::chars(&text));
    if out.len() == pystr::len(&text) && out.iter().copied().eq(pystr::chars(&text)) {
        return Ok(text);
    }
    Ok(pystr::from_code_points(&out))
}

fn u_is_normalized(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (form, text) = form_and_text("is_normalized", args, kw)?;
    if pystr::is_ascii(&text) {
        return Ok(bool_::from_bool(true));
    }
    if let Some(answer) = normalize::quick_check(version_of(slf), form, pystr::chars(&text)) {
        return Ok(bool_::from_bool(answer));
    }
    let out = normalize::normalize(version_of(slf), form, pystr::chars(&text));
    Ok(bool_::from_bool(out.len() == pystr::len(&text) && out.iter().copied().eq(pystr::chars(&text))))
}

/// The character a `\\N{...}` escape names (a name or an alias, not a
/// named sequence), for the unicode_escape codec and the compiler.
pub fn lookup_name(name: &[u8]) -> Option<u32> {
    if name.len() > NAME_MAXLEN {
        return None;
    }
    match db::lookup(Version::Current, name, false) {
        Some(Found::Char(c)) => Some(c),
        _ => None,
    }
}

/// Whether a terminal shows `c` two columns wide (East Asian Wide or
/// Fullwidth), for the traceback printer's markers.
pub fn is_wide(c: char) -> bool {
    matches!(db::EAW[db::record(Version::Current, c as u32).eaw as usize], "W" | "F")
}

/// A character's name in Unicode 14.0.0 (for the namereplace handler).
pub fn char_name(c: u32) -> Option<String> {
    db::name(Version::Current, c)
}

const FUNCTIONS: &[MethodSpec] = &[
    method("decimal", u_decimal),
    method("digit", u_digit),
    method("numeric", u_numeric),
    method("category", u_category),
    method("bidirectional", u_bidirectional),
    method("combining", u_combining),
    method("mirrored", u_mirrored),
    method("east_asian_width", u_east_asian_width),
    method("decomposition", u_decomposition),
    method("name", u_name),
    method("lookup", u_lookup),
    method("is_normalized", u_is_normalized),
    method("normalize", u_normalize),
];

fn get_unidata_version(_o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new("3.2.0"))
}

const DOC: &str = "This module provides access to the Unicode Character Database which\n\
defines character properties for all Unicode characters. The data in\n\
this database is based on the UnicodeData.txt file version\n\
14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\
\n\
The module uses the same names and symbols as defined by the\n\
UnicodeData File Format 14.0.0.";

pub fn create() -> PyResult<Obj> {
    let t = ucd_type();
    let ty = unsafe {
        if (*t).tp_flags & tpflags::READY != 0 {
            type_::type_obj(t)
        } else {
            native::init_type::<Ucd>(t, "unicodedata.UCD", false);
            // Instances hold no references: nothing for the collector.
            (*t).tp_flags &= !tpflags::HAVE_GC;
            (*t).tp_traverse = None;
            (*t).tp_clear = None;
            (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
            (*t).tp_methods = method_table(FUNCTIONS);
            (*t).tp_getset = getset_table(&[GetSetSpec::get("unidata_version", get_unidata_version)]);
            native::ready(t)?
        }
    };
    let m = module::new("unicodedata")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "__doc__", &pystr::new(DOC))?;
    dict::set_item_str(&d, "unidata_version", &pystr::new("14.0.0"))?;
    dict::set_item_str(&d, "UCD", &ty)?;
    dict::set_item_str(&d, "ucd_3_2_0", &native::alloc(t, Ucd)?)?;
    Ok(m)
}
