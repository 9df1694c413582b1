//! `syslog`: the C library's system logger (openlog/syslog/closelog/
//! setlogmask) and its priority, facility and option constants.

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, method, parse_args, MethodSpec};
use krait_runtime::types::{dict, int, module, none, str as pystr};
use krait_runtime::{bail, PyResult};
use std::ffi::CString;
use std::sync::Mutex;

/// The ident given to openlog(): the C library keeps only the pointer, so
/// the string lives here until the next openlog() or closelog().
static IDENT: Mutex<Option<CString>> = Mutex::new(None);
static OPENED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn c_int(o: &Obj) -> PyResult<i32> {
    int::as_c_int(&int::index(o)?)
}

/// A str as the C string PyUnicode_AsUTF8 gives (strict: a lone surrogate
/// is an error; the C library sees it up to a NUL).
fn c_string(o: &Obj) -> PyResult<CString> {
    let b = krait_runtime::ops::attr::call_method(o, "encode", &[pystr::new("utf-8")])?;
    let bytes = krait_runtime::types::bytes::as_slice(&b);
    let end = bytes.iter().position(|&c| c == 0).unwrap_or(bytes.len());
    Ok(CString::new(&bytes[..end]).expect("no NUL before end"))
}

/// The default ident: the last part of sys.argv[0], when there is one.
fn default_ident() -> Option<CString> {
    // sys.argv may have been replaced by anything: only a list is read.
    let argv = krait_runtime::modules::sys::get_attr("argv").filter(krait_runtime::types::list::is_list)?;
    let first = krait_runtime::types::list::items(&argv).first().cloned().filter(|a| pystr::is_str(a))?;
    let s = pystr::to_string_lossy(&first);
    let base = s.rsplit('/').next().unwrap_or("");
    if base.is_empty() {
        return None;
    }
    CString::new(base).ok()
}

/// Raises the "syslog.openlog" audit event (with the ident actually used,
/// or None), then opens.
fn audited_open(ident: Option<CString>, option: i32, facility: i32) -> PyResult<()> {
    let ident_obj = ident.as_ref().map_or_else(none::none, |c| pystr::new(&c.to_string_lossy()));
    krait_runtime::modules::sys::audit("syslog.openlog", &[ident_obj, int::from_i64(option as i64), int::from_i64(facility as i64)])?;
    open(ident, option, facility);
    Ok(())
}

fn open(ident: Option<CString>, option: i32, facility: i32) {
    let mut slot = IDENT.lock().unwrap_or_else(|e| e.into_inner());
    *slot = ident;
    let p = slot.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: `p` is null or points into the CString kept in IDENT until
    // the next openlog()/closelog().
    unsafe { libc::openlog(p, option, facility) };
    OPENED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// openlog(ident=<argv[0]'s base name>, logoption=0, facility=LOG_USER)
fn f_openlog(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("openlog", args, kw, &["ident", "logoption", "facility"], 0, 0)?;
    let ident = match &a[0] {
        Some(o) if !pystr::is_str(o) => bail!(TypeError, "openlog() argument 1 must be str, not {}", o.ty().name()),
        Some(o) => Some(c_string(o)?),
        None => default_ident(),
    };
    let option = a[1].as_ref().map(c_int).transpose()?.unwrap_or(0);
    let facility = a[2].as_ref().map(c_int).transpose()?.unwrap_or(libc::LOG_USER);
    audited_open(ident, option, facility)?;
    Ok(none::none())
}

/// syslog([priority=LOG_INFO,] message): opens the log first if needed.
fn f_syslog(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if kw.is_some_and(|k| krait_runtime::types::tuple::len(k) > 0) {
        bail!(TypeError, "syslog() takes no keyword arguments");
    }
    let usage = || krait_runtime::raise!(TypeError, "[priority,] message string");
    let (priority, message) = match args {
        [m] => (libc::LOG_INFO, m),
        [p, m] if int::is_int(p) => (c_int(p)?, m),
        _ => return Err(usage()),
    };
    if !pystr::is_str(message) {
        return Err(usage());
    }
    let msg = c_string(message)?;
    krait_runtime::modules::sys::audit("syslog.syslog", &[int::from_i64(priority as i64), message.clone()])?;
    if !OPENED.load(std::sync::atomic::Ordering::Relaxed) {
        audited_open(default_ident(), 0, libc::LOG_USER)?;
    }
    krait_runtime::gil::allow_threads(|| {
        // SAFETY: a "%s" format with one NUL-terminated argument.
        unsafe { libc::syslog(priority, c"%s".as_ptr(), msg.as_ptr()) }
    });
    Ok(none::none())
}

/// closelog(): closes the log if this module opened it.
fn f_closelog(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("closelog", args, kw, 0, 0)?;
    krait_runtime::modules::sys::audit("syslog.closelog", &[])?;
    if OPENED.swap(false, std::sync::atomic::Ordering::Relaxed) {
        // SAFETY: plain libc call; the ident is dropped after it.
        unsafe { libc::closelog() };
        *IDENT.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
    Ok(none::none())
}

/// setlogmask(maskpri) -> the previous mask.
fn f_setlogmask(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("setlogmask", args, kw, 1, 1)?;
    let mask = c_int(&args[0])?;
    krait_runtime::modules::sys::audit("syslog.setlogmask", &[int::from_i64(mask as i64)])?;
    // SAFETY: plain libc call.
    Ok(int::from_i64(unsafe { libc::setlogmask(mask) } as i64))
}

/// LOG_MASK(pri): the mask bit of one priority.
fn f_log_mask(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("LOG_MASK", args, kw, 1, 1)?;
    let p = int::as_i64(&int::index(&args[0])?).unwrap_or(0);
    Ok(int::from_i64(1i64.wrapping_shl(p as u32) as i32 as i64))
}

/// LOG_UPTO(pri): the mask of all priorities up to `pri`.
fn f_log_upto(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("LOG_UPTO", args, kw, 1, 1)?;
    let p = int::as_i64(&int::index(&args[0])?).unwrap_or(0);
    Ok(int::from_i64((1i64.wrapping_shl(p as u32 + 1) - 1) as i32 as i64))
}

const FUNCTIONS: &[MethodSpec] = &[
    method("openlog", f_openlog),
    method("syslog", f_syslog),
    method("closelog", f_closelog),
    method("setlogmask", f_setlogmask),
    method("LOG_MASK", f_log_mask),
    method("LOG_UPTO", f_log_upto),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("syslog")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    let consts: [(&str, i32); 33] = [
        ("LOG_EMERG", libc::LOG_EMERG),
        ("LOG_ALERT", libc::LOG_ALERT),
        ("LOG_CRIT", libc::LOG_CRIT),
        ("LOG_ERR", libc::LOG_ERR),
        ("LOG_WARNING", libc::LOG_WARNING),
        ("LOG_NOTICE", libc::LOG_NOTICE),
        ("LOG_INFO", libc::LOG_INFO),
        ("LOG_DEBUG", libc::LOG_DEBUG),
        ("LOG_PID", libc::LOG_PID),
        ("LOG_CONS", libc::LOG_CONS),
        ("LOG_NDELAY", libc::LOG_NDELAY),
        ("LOG_ODELAY", libc::LOG_ODELAY),
        ("LOG_NOWAIT", libc::LOG_NOWAIT),
        ("LOG_PERROR", libc::LOG_PERROR),
        ("LOG_KERN", libc::LOG_KERN),
        ("LOG_USER", libc::LOG_USER),
        ("LOG_MAIL", libc::LOG_MAIL),
        ("LOG_DAEMON", libc::LOG_DAEMON),
        ("LOG_AUTH", libc::LOG_AUTH),
        ("LOG_LPR", libc::LOG_LPR),
        ("LOG_NEWS", libc::LOG_NEWS),
        ("LOG_UUCP", libc::LOG_UUCP),
        ("LOG_CRON", libc::LOG_CRON),
        ("LOG_SYSLOG", libc::LOG_SYSLOG),
        ("LOG_AUTHPRIV", libc::LOG_AUTHPRIV),
        ("LOG_LOCAL0", libc::LOG_LOCAL0),
        ("LOG_LOCAL1", libc::LOG_LOCAL1),
        ("LOG_LOCAL2", libc::LOG_LOCAL2),
        ("LOG_LOCAL3", libc::LOG_LOCAL3),
        ("LOG_LOCAL4", libc::LOG_LOCAL4),
        ("LOG_LOCAL5", libc::LOG_LOCAL5),
        ("LOG_LOCAL6", libc::LOG_LOCAL6),
        ("LOG_LOCAL7", libc::LOG_LOCAL7),
    ];
    for (name, v) in consts {
        dict::set_item_str(&d, name, &int::from_i64(v as i64))?;
    }
    Ok(m)
}
