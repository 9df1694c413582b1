//! `_locale`: the C library's locale support for Lib/locale.py, as
//! CPython's Modules/_localemodule.c: setlocale, localeconv, strcoll and
//! strxfrm over wide strings, nl_langinfo, getencoding and the gettext
//! family of glibc.

use crate::posix::args;
use crate::Keep;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, exceptions, int, list, module, none, str as pystr};
use krait_runtime::{bail, Obj, PyResult};
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t) -> libc::size_t;
    fn gettext(msgid: *const c_char) -> *mut c_char;
    fn dgettext(domain: *const c_char, msgid: *const c_char) -> *mut c_char;
    fn dcgettext(domain: *const c_char, msgid: *const c_char, category: c_int) -> *mut c_char;
    fn textdomain(domain: *const c_char) -> *mut c_char;
    fn bindtextdomain(domain: *const c_char, dir: *const c_char) -> *mut c_char;
    fn bind_textdomain_codeset(domain: *const c_char, codeset: *const c_char) -> *mut c_char;
}

static ERROR: Keep = Keep::new();

fn error_type() -> PyResult<Obj> {
    ERROR.get_or_init(|| crate::new_exception_type("locale.Error", exceptions::Exception()))
}

fn locale_error(msg: &str) -> krait_runtime::PyErr {
    match error_type() {
        Ok(t) => match krait_runtime::ops::call::call(&t, &[pystr::new(msg)], None) {
            Ok(e) => krait_runtime::errors::raise_value(e),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// A C string from a text argument (embedded NULs refused).
fn c_string(o: &Obj, fname: &str, argno: usize) -> PyResult<CString> {
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() argument {} must be str, not {}", fname, argno, o.ty().name());
    }
    let b = krait_runtime::types::str_methods::encode(o, "utf-8", Some("surrogateescape"))?;
    match CString::new(b) {
        Ok(c) => Ok(c),
        Err(_) => bail!(ValueError, "embedded null character"),
    }
}

fn decode(p: *const c_char) -> PyResult<Obj> {
    if p.is_null() {
        return Ok(pystr::new(""));
    }
    args::fs_decode(unsafe { CStr::from_ptr(p) }.to_bytes())
}

/// A str as a NUL-terminated wide string (embedded NULs refused).
fn wide(o: &Obj, fname: &str, argno: usize) -> PyResult<Vec<libc::wchar_t>> {
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() argument {} must be str, not {}", fname, argno, o.ty().name());
    }
    let n = pystr::len(o);
    let mut v = Vec::with_capacity(n + 1);
    for i in 0..n {
        let c = pystr::char_at(o, i);
        if c == 0 {
            bail!(ValueError, "embedded null character");
        }
        v.push(c as libc::wchar_t);
    }
    v.push(0);
    Ok(v)
}

fn from_wide(w: &[libc::wchar_t]) -> PyResult<Obj> {
    let mut s = String::new();
    for &c in w {
        match char::from_u32(c as u32) {
            Some(ch) => s.push(ch),
            None => bail!(ValueError, "character U+{:x} is not in range [U+0000; U+10ffff]", c as u32),
        }
    }
    Ok(pystr::new(&s))
}

fn l_setlocale(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("setlocale", a, kw, &["category", "locale"], 2, 2, 1)?;
    let cat = int::as_c_int(v[0].as_ref().unwrap())?;
    let loc = v[1].clone().filter(|l| !none::is_none(l));
    let r = match loc {
        Some(l) => {
            let c = c_string(&l, "setlocale", 2)?;
            let r = unsafe { libc::setlocale(cat, c.as_ptr()) };
            if r.is_null() {
                return Err(locale_error("unsupported locale setting"));
            }
            r
        }
        None => {
            let r = unsafe { libc::setlocale(cat, std::ptr::null()) };
            if r.is_null() {
                return Err(locale_error("locale query failed"));
            }
            r
        }
    };
    decode(r)
}

/// A grouping string as CPython's list: the values up to and including the
/// terminating 0 or CHAR_MAX; empty for an empty string.
fn grouping(p: *const c_char) -> Obj {
    let b = if p.is_null() { &[][..] } else { unsafe { CStr::from_ptr(p) }.to_bytes() };
    if b.is_empty() {
        return list::new();
    }
    let mut v = Vec::new();
    for &c in b {
        v.push(int::from_i64(c as i8 as i64));
        if c as i8 as i32 == libc::c_char::MAX as i32 {
            return list::from_vec(v);
        }
    }
    v.push(int::from_i64(0));
    list::from_vec(v)
}

fn l_localeconv(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("localeconv", a, kw, 0, 0)?;
    let d = dict::new();
    let lc = unsafe { &*libc::localeconv() };
    let text = |k: &str, p: *const c_char| -> PyResult<()> { dict::set_item_str(&d, k, &decode(p)?) };
    let num = |k: &str, c: c_char| -> PyResult<()> { dict::set_item_str(&d, k, &int::from_i64(c as i8 as i64)) };
    // CPython's key order.
    text("int_curr_symbol", lc.int_curr_symbol)?;
    text("currency_symbol", lc.currency_symbol)?;
    text("mon_decimal_point", lc.mon_decimal_point)?;
    text("mon_thousands_sep", lc.mon_thousands_sep)?;
    dict::set_item_str(&d, "mon_grouping", &grouping(lc.mon_grouping))?;
    text("positive_sign", lc.positive_sign)?;
    text("negative_sign", lc.negative_sign)?;
    num("int_frac_digits", lc.int_frac_digits)?;
    num("frac_digits", lc.frac_digits)?;
    num("p_cs_precedes", lc.p_cs_precedes)?;
    num("p_sep_by_space", lc.p_sep_by_space)?;
    num("n_cs_precedes", lc.n_cs_precedes)?;
    num("n_sep_by_space", lc.n_sep_by_space)?;
    num("p_sign_posn", lc.p_sign_posn)?;
    num("n_sign_posn", lc.n_sign_posn)?;
    text("decimal_point", lc.decimal_point)?;
    text("thousands_sep", lc.thousands_sep)?;
    dict::set_item_str(&d, "grouping", &grouping(lc.grouping))?;
    Ok(d)
}

fn l_strcoll(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("strcoll", a, kw, &["os1", "os2"], 2, 2, 2)?;
    let x = wide(v[0].as_ref().unwrap(), "strcoll", 1)?;
    let y = wide(v[1].as_ref().unwrap(), "strcoll", 2)?;
    Ok(int::from_i64(unsafe { wcscoll(x.as_ptr(), y.as_ptr()) } as i64))
}

fn l_strxfrm(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("strxfrm", a, kw, &["string"], 1, 1, 1)?;
    let s = wide(v[0].as_ref().unwrap(), "strxfrm", 1)?;
    let mut n = unsafe { wcsxfrm(std::ptr::null_mut(), s.as_ptr(), 0) };
    loop {
        let mut buf: Vec<libc::wchar_t> = vec![0; n + 1];
        let m = unsafe { wcsxfrm(buf.as_mut_ptr(), s.as_ptr(), n + 1) };
        if m <= n {
            return from_wide(&buf[..m]);
        }
        n = m;
    }
}

const LANGINFO: &[(&str, libc::nl_item)] = &[
    ("RADIXCHAR", libc::RADIXCHAR),
    ("THOUSEP", libc::THOUSEP),
    ("CRNCYSTR", libc::CRNCYSTR),
    ("D_T_FMT", libc::D_T_FMT),
    ("D_FMT", libc::D_FMT),
    ("T_FMT", libc::T_FMT),
    ("AM_STR", libc::AM_STR),
    ("PM_STR", libc::PM_STR),
    ("CODESET", libc::CODESET),
    ("T_FMT_AMPM", libc::T_FMT_AMPM),
    ("ERA", libc::ERA),
    ("ERA_D_FMT", libc::ERA_D_FMT),
    ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
    ("ERA_T_FMT", libc::ERA_T_FMT),
    ("ALT_DIGITS", libc::ALT_DIGITS),
    ("YESEXPR", libc::YESEXPR),
    ("NOEXPR", libc::NOEXPR),
    ("DAY_1", libc::DAY_1),
    ("DAY_2", libc::DAY_2),
    ("DAY_3", libc::DAY_3),
    ("DAY_4", libc::DAY_4),
    ("DAY_5", libc::DAY_5),
    ("DAY_6", libc::DAY_6),
    ("DAY_7", libc::DAY_7),
    ("ABDAY_1", libc::ABDAY_1),
    ("ABDAY_2", libc::ABDAY_2),
    ("ABDAY_3", libc::ABDAY_3),
    ("ABDAY_4", libc::ABDAY_4),
    ("ABDAY_5", libc::ABDAY_5),
    ("ABDAY_6", libc::ABDAY_6),
    ("ABDAY_7", libc::ABDAY_7),
    ("MON_1", libc::MON_1),
    ("MON_2", libc::MON_2),
    ("MON_3", libc::MON_3),
    ("MON_4", libc::MON_4),
    ("MON_5", libc::MON_5),
    ("MON_6", libc::MON_6),
    ("MON_7", libc::MON_7),
    ("MON_8", libc::MON_8),
    ("MON_9", libc::MON_9),
    ("MON_10", libc::MON_10),
    ("MON_11", libc::MON_11),
    ("MON_12", libc::MON_12),
    ("ABMON_1", libc::ABMON_1),
    ("ABMON_2", libc::ABMON_2),
    ("ABMON_3", libc::ABMON_3),
    ("ABMON_4", libc::ABMON_4),
    ("ABMON_5", libc::ABMON_5),
    ("ABMON_6", libc::ABMON_6),
    ("ABMON_7", libc::ABMON_7),
    ("ABMON_8", libc::ABMON_8),
    ("ABMON_9", libc::ABMON_9),
    ("ABMON_10", libc::ABMON_10),
    ("ABMON_11", libc::ABMON_11),
    ("ABMON_12", libc::ABMON_12),
];

fn l_nl_langinfo(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("nl_langinfo", a, kw, &["key"], 1, 1, 1)?;
    let key = int::as_c_int(v[0].as_ref().unwrap())?;
    if !LANGINFO.iter().any(|(_, k)| *k as c_int == key) {
        bail!(ValueError, "unsupported langinfo constant");
    }
    decode(unsafe { libc::nl_langinfo(key as libc::nl_item) })
}

/// The current LC_CTYPE's encoding, as CPython's _Py_GetLocaleEncoding
/// ("UTF-8" when the C library names none).
fn l_getencoding(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("getencoding", a, kw, 0, 0)?;
    let p = unsafe { libc::nl_langinfo(libc::CODESET) };
    if p.is_null() || unsafe { *p } == 0 {
        return Ok(pystr::new("UTF-8"));
    }
    decode(p)
}

/// An optional text argument (None gives NULL).
fn opt_c_string(o: Option<&Obj>, fname: &str, argno: usize) -> PyResult<Option<CString>> {
    match o.filter(|o| !none::is_none(o)) {
        Some(o) => c_string(o, fname, argno).map(Some),
        None => Ok(None),
    }
}

fn ptr(c: &Option<CString>) -> *const c_char {
    c.as_ref().map(|c| c.as_ptr()).unwrap_or(std::ptr::null())
}

fn l_gettext(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("gettext", a, kw, &["msg"], 1, 1, 1)?;
    let msg = c_string(v[0].as_ref().unwrap(), "gettext", 1)?;
    decode(unsafe { gettext(msg.as_ptr()) })
}

fn l_dgettext(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("dgettext", a, kw, &["domain", "msg"], 2, 2, 2)?;
    let dom = opt_c_string(v[0].as_ref(), "dgettext", 1)?;
    let msg = c_string(v[1].as_ref().unwrap(), "dgettext", 2)?;
    decode(unsafe { dgettext(ptr(&dom), msg.as_ptr()) })
}

fn l_dcgettext(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("dcgettext", a, kw, &["domain", "msg", "category"], 3, 3, 3)?;
    let dom = opt_c_string(v[0].as_ref(), "dcgettext", 1)?;
    let msg = c_string(v[1].as_ref().unwrap(), "dcgettext", 2)?;
    let cat = int::as_c_int(v[2].as_ref().unwrap())?;
    decode(unsafe { dcgettext(ptr(&dom), msg.as_ptr(), cat) })
}

fn from_errno_if_null(p: *mut c_char) -> PyResult<Obj> {
    if p.is_null() {
        return Err(krait_runtime::types::os_error::from_io(&std::io::Error::last_os_error()));
    }
    decode(p)
}

fn l_textdomain(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("textdomain", a, kw, &["domain"], 1, 1, 1)?;
    let dom = opt_c_string(v[0].as_ref(), "textdomain", 1)?;
    from_errno_if_null(unsafe { textdomain(ptr(&dom)) })
}

fn l_bindtextdomain(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("bindtextdomain", a, kw, &["domain", "dir"], 2, 2, 2)?;
    let dom = c_string(v[0].as_ref().unwrap(), "bindtextdomain", 1)?;
    if dom.as_bytes().is_empty() {
        bail!(ValueError, "empty string");
    }
    let dir = match v[1].as_ref().filter(|d| !none::is_none(d)) {
        Some(d) => {
            let p = args::fspath(d)?;
            let b = if pystr::is_str(&p) { args::fs_encode(&p)? } else { krait_runtime::types::bytes::as_slice(&p).to_vec() };
            Some(CString::new(b).map_err(|_| krait_runtime::raise!(ValueError, "embedded null byte"))?)
        }
        None => None,
    };
    from_errno_if_null(unsafe { bindtextdomain(dom.as_ptr(), ptr(&dir)) })
}

fn l_bind_textdomain_codeset(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::clinic("bind_textdomain_codeset", a, kw, &["domain", "codeset"], 2, 2, 2)?;
    let dom = c_string(v[0].as_ref().unwrap(), "bind_textdomain_codeset", 1)?;
    let cs = opt_c_string(v[1].as_ref(), "bind_textdomain_codeset", 2)?;
    let r = unsafe { bind_textdomain_codeset(dom.as_ptr(), ptr(&cs)) };
    if r.is_null() {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error().unwrap_or(0) != 0 {
            return Err(krait_runtime::types::os_error::from_io(&e));
        }
        return Ok(none::none());
    }
    decode(r)
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("setlocale", l_setlocale),
        method("localeconv", l_localeconv),
        method("strcoll", l_strcoll),
        method("strxfrm", l_strxfrm),
        method("nl_langinfo", l_nl_langinfo),
        method("getencoding", l_getencoding),
        method("gettext", l_gettext),
        method("dgettext", l_dgettext),
        method("dcgettext", l_dcgettext),
        method("textdomain", l_textdomain),
        method("bindtextdomain", l_bindtextdomain),
        method("bind_textdomain_codeset", l_bind_textdomain_codeset),
    ]
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_locale")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    let consts = [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_TIME", libc::LC_TIME),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_ALL", libc::LC_ALL),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("CHAR_MAX", libc::c_char::MAX as c_int),
    ];
    for (k, v) in consts {
        dict::set_item_str(&d, k, &int::from_i64(v as i64))?;
    }
    for (k, v) in LANGINFO {
        dict::set_item_str(&d, k, &int::from_i64(*v as i64))?;
    }
    dict::set_item_str(&d, "Error", &error_type()?)?;
    dict::set_item_str(&d, "__doc__", &pystr::new("Support for POSIX locales."))?;
    Ok(m)
}
