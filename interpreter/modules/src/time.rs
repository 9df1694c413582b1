//! The `time` module: the clocks through `clock_gettime`, conversions
//! between timestamps and `struct_time` through the C library
//! (`gmtime_r`, `localtime_r`, `mktime`, `strftime`) with CPython 3.11's
//! argument checks, the time-zone variables computed from `tm_gmtoff` as
//! CPython does on glibc, and `strptime` handed to the pure-Python
//! `_strptime` module.

use crate::posix::args::{errno, last_error, os_error};
use crate::Keep;
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bool_, dict, float, int, module, namespace, none, str as pystr, structseq, tuple, type_};

static STRUCT_TIME: Keep = Keep::new();

const FIELDS: &[Option<&str>] = &[
    Some("tm_year"),
    Some("tm_mon"),
    Some("tm_mday"),
    Some("tm_hour"),
    Some("tm_min"),
    Some("tm_sec"),
    Some("tm_wday"),
    Some("tm_yday"),
    Some("tm_isdst"),
    Some("tm_zone"),
    Some("tm_gmtoff"),
];

fn struct_time_type() -> PyResult<Obj> {
    STRUCT_TIME.get_or_init(|| structseq::new_type_ext("time", "struct_time", FIELDS, 9, None))
}

fn clock_ns(clk: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(last_error());
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

/// `_PyTime_AsSecondsDouble`: whole seconds exactly, otherwise ns / 1e9.
fn ns_to_secs(ns: i128) -> f64 {
    if ns % 1_000_000_000 == 0 {
        (ns / 1_000_000_000) as f64
    } else {
        ns as f64 / 1e9
    }
}

macro_rules! clock_fns {
    ($float:ident, $ns:ident, $fname:literal, $fname_ns:literal, $clk:expr) => {
        fn $float(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            check_nargs($fname, args, kw, 0, 0)?;
            Ok(float::from_f64(ns_to_secs(clock_ns($clk)?)))
        }
        fn $ns(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            check_nargs($fname_ns, args, kw, 0, 0)?;
            Ok(int::from_i128(clock_ns($clk)?))
        }
    };
}

clock_fns!(time_time, time_time_ns, "time.time", "time.time_ns", libc::CLOCK_REALTIME);
clock_fns!(time_monotonic, time_monotonic_ns, "time.monotonic", "time.monotonic_ns", libc::CLOCK_MONOTONIC);
clock_fns!(time_perf_counter, time_perf_counter_ns, "time.perf_counter", "time.perf_counter_ns", libc::CLOCK_MONOTONIC);
clock_fns!(
    time_process_time,
    time_process_time_ns,
    "time.process_time",
    "time.process_time_ns",
    libc::CLOCK_PROCESS_CPUTIME_ID
);
clock_fns!(
    time_thread_time,
    time_thread_time_ns,
    "time.thread_time",
    "time.thread_time_ns",
    libc::CLOCK_THREAD_CPUTIME_ID
);

fn nan_error() -> krait_runtime::errors::PyErr {
    krait_runtime::raise!(ValueError, "Invalid value NaN (not a number)")
}

/// `_PyTime_FromSecondsObject` with the timeout rounding (away from zero
/// for positive fractions: ceiling).
pub(crate) fn seconds_to_ns(o: &Obj) -> PyResult<i128> {
    const MAX: f64 = i64::MAX as f64;
    if float::is_float(o) {
        let d = float::value(o);
        if d.is_nan() {
            return Err(nan_error());
        }
        let ns = (d * 1e9).ceil();
        if !(-MAX..MAX).contains(&ns) {
            bail!(OverflowError, "timestamp out of range for platform time_t");
        }
        return Ok(ns as i128);
    }
    let i = int::index_raw(o)?;
    match int::as_i64(&i).and_then(|v| v.checked_mul(1_000_000_000)) {
        Some(v) => Ok(v as i128),
        None => bail!(OverflowError, "timestamp too large to convert to C _PyTime_t"),
    }
}

fn time_sleep(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.sleep", args, kw, 1, 1)?;
    let ns = seconds_to_ns(&args[0])?;
    if ns < 0 {
        bail!(ValueError, "sleep length must be non-negative");
    }
    // PEP 475: a signal interrupts the wait, its handler runs (an exception
    // from it ends the sleep), then the sleep goes on until the deadline.
    let deadline = clock_ns(libc::CLOCK_MONOTONIC)? + ns;
    let end = libc::timespec {
        tv_sec: (deadline / 1_000_000_000) as libc::time_t,
        tv_nsec: (deadline % 1_000_000_000) as _,
    };
    loop {
        let r = krait_runtime::gil::allow_threads(|| unsafe {
            libc::clock_nanosleep(libc::CLOCK_MONOTONIC, libc::TIMER_ABSTIME, &end, std::ptr::null_mut())
        });
        if r == 0 {
            break;
        }
        if r != libc::EINTR {
            return Err(os_error(r, None, None));
        }
        krait_runtime::signals::check_signals()?;
    }
    Ok(none::none())
}

/// `_PyTime_ObjectToTime_t` rounding down.
fn object_to_time_t(o: &Obj) -> PyResult<libc::time_t> {
    if float::is_float(o) {
        let d = float::value(o);
        if d.is_nan() {
            return Err(nan_error());
        }
        let d = d.floor();
        if !(-(i64::MAX as f64)..(i64::MAX as f64)).contains(&d) {
            bail!(OverflowError, "timestamp out of range for platform time_t");
        }
        return Ok(d as libc::time_t);
    }
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(v) => Ok(v as libc::time_t),
        None => bail!(OverflowError, "timestamp out of range for platform time_t"),
    }
}

fn now_time_t() -> PyResult<libc::time_t> {
    Ok((clock_ns(libc::CLOCK_REALTIME)?.div_euclid(1_000_000_000)) as libc::time_t)
}

fn secs_arg(o: Option<&Obj>) -> PyResult<libc::time_t> {
    match o {
        None => now_time_t(),
        Some(o) if none::is_none(o) => now_time_t(),
        Some(o) => object_to_time_t(o),
    }
}

fn empty_tm() -> libc::tm {
    unsafe { std::mem::zeroed() }
}

fn tm_zone_str(tm: &libc::tm) -> PyResult<Obj> {
    if tm.tm_zone.is_null() {
        return Ok(none::none());
    }
    let b = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_bytes();
    crate::posix::args::fs_decode(b)
}

fn struct_time_from_tm(tm: &libc::tm) -> PyResult<Obj> {
    let i = |v: i32| int::from_i64(v as i64);
    let vals = vec![
        i(tm.tm_year + 1900),
        i(tm.tm_mon + 1),
        i(tm.tm_mday),
        i(tm.tm_hour),
        i(tm.tm_min),
        i(tm.tm_sec),
        i((tm.tm_wday + 6) % 7),
        i(tm.tm_yday + 1),
        i(tm.tm_isdst),
        tm_zone_str(tm)?,
        int::from_i64(tm.tm_gmtoff as i64),
    ];
    structseq::new_ext(&struct_time_type()?, vals)
}

fn localtime_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    unsafe { *libc::__errno_location() = 0 };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        let e = errno();
        return Err(os_error(if e == 0 { libc::EINVAL } else { e }, None, None));
    }
    Ok(tm)
}

fn time_gmtime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.gmtime", args, kw, 0, 1)?;
    let t = secs_arg(args.first())?;
    let mut tm = empty_tm();
    unsafe { *libc::__errno_location() = 0 };
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        let e = errno();
        return Err(os_error(if e == 0 { libc::EINVAL } else { e }, None, None));
    }
    struct_time_from_tm(&tm)
}

fn time_localtime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.localtime", args, kw, 0, 1)?;
    let t = secs_arg(args.first())?;
    struct_time_from_tm(&localtime_tm(t)?)
}

fn c_int_item(o: &Obj) -> PyResult<i32> {
    crate::posix::args::getargs_int(o)
}

/// `gettmarg`: a tuple of nine ints (a struct_time also brings its zone
/// and offset) into a `tm`, with the month, weekday and yearday shifted
/// to C's conventions. The zone string is kept alive in `zone`.
fn gettmarg(o: &Obj, fname: &str, zone: &mut Option<std::ffi::CString>) -> PyResult<libc::tm> {
    if !tuple::is_tuple(o) {
        bail!(TypeError, "Tuple or struct_time argument required");
    }
    let items = tuple::items(o);
    if items.len() != 9 {
        bail!(TypeError, "{}(): illegal time tuple argument", fname);
    }
    let mut v = [0i32; 9];
    for (k, it) in items.iter().enumerate() {
        v[k] = c_int_item(it)?;
    }
    let mut tm = empty_tm();
    tm.tm_year = v[0].wrapping_sub(1900);
    tm.tm_mon = v[1].wrapping_sub(1);
    tm.tm_mday = v[2];
    tm.tm_hour = v[3];
    tm.tm_min = v[4];
    tm.tm_sec = v[5];
    tm.tm_wday = (v[6].wrapping_add(1)) % 7;
    tm.tm_yday = v[7].wrapping_sub(1);
    tm.tm_isdst = v[8];
    if o.type_ptr() == type_::as_type(&struct_time_type()?) {
        let z = krait_runtime::ops::attr::getattr_str(o, "tm_zone")?;
        if !none::is_none(&z) {
            let b = crate::posix::args::fs_encode(&z)?;
            if let Ok(c) = std::ffi::CString::new(b) {
                tm.tm_zone = c.as_ptr();
                *zone = Some(c);
            }
        }
        let off = krait_runtime::ops::attr::getattr_str(o, "tm_gmtoff")?;
        if !none::is_none(&off) {
            tm.tm_gmtoff = crate::posix::args::to_long(&off)? as _;
        }
    }
    Ok(tm)
}

/// `checktm` for asctime.
fn checktm(tm: &libc::tm) -> PyResult<()> {
    if tm.tm_mon < 0 || tm.tm_mon > 11 {
        bail!(ValueError, "month out of range");
    }
    if tm.tm_mday < 1 || tm.tm_mday > 31 {
        bail!(ValueError, "day of month out of range");
    }
    if tm.tm_hour < 0 || tm.tm_hour > 23 {
        bail!(ValueError, "hour out of range");
    }
    if tm.tm_min < 0 || tm.tm_min > 59 {
        bail!(ValueError, "minute out of range");
    }
    if tm.tm_sec < 0 || tm.tm_sec > 61 {
        bail!(ValueError, "seconds out of range");
    }
    if tm.tm_wday < 0 || tm.tm_wday > 6 {
        bail!(ValueError, "day of week out of range");
    }
    if tm.tm_yday < 0 || tm.tm_yday > 365 {
        bail!(ValueError, "day of year out of range");
    }
    Ok(())
}

const WDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn format_asctime(tm: &libc::tm) -> Obj {
    pystr::new(&format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY[tm.tm_wday as usize],
        MON[tm.tm_mon as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    ))
}

fn time_asctime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.asctime", args, kw, 0, 1)?;
    let mut zone = None;
    let tm = match args.first() {
        None => localtime_tm(now_time_t()?)?,
        Some(o) => {
            let tm = gettmarg(o, "asctime", &mut zone)?;
            checktm(&tm)?;
            tm
        }
    };
    Ok(format_asctime(&tm))
}

fn time_ctime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.ctime", args, kw, 0, 1)?;
    let t = secs_arg(args.first())?;
    let tm = localtime_tm(t)?;
    Ok(format_asctime(&tm))
}

fn time_mktime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.mktime", args, kw, 1, 1)?;
    let mut zone = None;
    let mut tm = gettmarg(&args[0], "mktime", &mut zone)?;
    tm.tm_wday = -1;
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        bail!(OverflowError, "mktime argument out of range");
    }
    Ok(float::from_f64(t as f64))
}

fn time_strftime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("time.strftime", kw)?;
    if args.is_empty() {
        bail!(TypeError, "function takes at least 1 argument (0 given)");
    }
    if args.len() > 2 {
        bail!(TypeError, "function takes at most 2 arguments ({} given)", args.len());
    }
    if !pystr::is_str(&args[0]) {
        bail!(TypeError, "strftime() argument 1 must be str, not {}", args[0].ty().name());
    }
    let mut zone = None;
    let mut tm = match args.get(1) {
        None => localtime_tm(now_time_t()?)?,
        Some(o) => gettmarg(o, "strftime", &mut zone)?,
    };
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if tm.tm_mon < 0 || tm.tm_mon > 11 {
        bail!(ValueError, "month out of range");
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if tm.tm_mday < 0 || tm.tm_mday > 31 {
        bail!(ValueError, "day of month out of range");
    }
    if tm.tm_hour < 0 || tm.tm_hour > 23 {
        bail!(ValueError, "hour out of range");
    }
    if tm.tm_min < 0 || tm.tm_min > 59 {
        bail!(ValueError, "minute out of range");
    }
    if tm.tm_sec < 0 || tm.tm_sec > 61 {
        bail!(ValueError, "seconds out of range");
    }
    if tm.tm_wday < 0 {
        bail!(ValueError, "day of week out of range");
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if tm.tm_yday < 0 || tm.tm_yday > 365 {
        bail!(ValueError, "day of year out of range");
    }
    if tm.tm_isdst < -1 {
        tm.tm_isdst = -1;
    } else if tm.tm_isdst > 1 {
        tm.tm_isdst = 1;
    }
    let fmt = crate::posix::args::fs_encode(&args[0])?;
    if fmt.contains(&0) {
        bail!(ValueError, "embedded null character");
    }
    let cfmt = std::ffi::CString::new(fmt.clone()).unwrap();
    let fmtlen = fmt.len();
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &tm) };
        if n != 0 || size > 256 * fmtlen {
            buf.truncate(n);
            return crate::posix::args::fs_decode(&buf);
        }
        size += size;
    }
}

fn time_strptime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("time.strptime", kw)?;
    let m = krait_runtime::import::import_module_level(&pystr::new("_strptime"), None, None, 0)?;
    let f = krait_runtime::ops::attr::getattr_str(&m, "_strptime_time")?;
    krait_runtime::ops::call::call(&f, args, None)
}

/// The zone variables as CPython computes them on glibc: the offsets and
/// names in force near January 1 and July 1 of the current year.
fn init_timezone(d: &Obj) -> PyResult<()> {
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    let now = now_time_t()?;
    let mut t = (now / YEAR) * YEAR;
    let jan = localtime_tm(t)?;
    t += YEAR / 2;
    let jul = localtime_tm(t)?;
    let janzone = -(jan.tm_gmtoff as i64);
    let julzone = -(jul.tm_gmtoff as i64);
    let janname = tm_zone_str(&jan)?;
    let julname = tm_zone_str(&jul)?;
    let (tz, alt, names) = if janzone < julzone {
        (julzone, janzone, (julname, janname))
    } else {
        (janzone, julzone, (janname, julname))
    };
    dict::set_item_str(d, "timezone", &int::from_i64(tz))?;
    dict::set_item_str(d, "altzone", &int::from_i64(alt))?;
    dict::set_item_str(d, "daylight", &int::from_i64((janzone != julzone) as i64))?;
    dict::set_item_str(d, "tzname", &tuple::new(&[names.0, names.1]))?;
    Ok(())
}

extern "C" {
    fn tzset();
}

fn time_tzset(m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.tzset", args, kw, 0, 0)?;
    unsafe { tzset() };
    let d = module::dict_of(m);
    init_timezone(&d)?;
    Ok(none::none())
}

fn clock_id(o: &Obj) -> PyResult<libc::clockid_t> {
    crate::posix::args::to_int(o)
}

fn time_clock_gettime(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.clock_gettime", args, kw, 1, 1)?;
    let clk = clock_id(&args[0])?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(last_error());
    }
    Ok(float::from_f64(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn time_clock_gettime_ns(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.clock_gettime_ns", args, kw, 1, 1)?;
    let clk = clock_id(&args[0])?;
    Ok(int::from_i128(clock_ns(clk)?))
}

fn getres(clk: libc::clockid_t) -> PyResult<f64> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if unsafe { libc::clock_getres(clk, &mut ts) } != 0 {
        return Err(last_error());
    }
    Ok(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

fn time_clock_getres(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.clock_getres", args, kw, 1, 1)?;
    let clk = clock_id(&args[0])?;
    Ok(float::from_f64(getres(clk)?))
}

fn time_pthread_getcpuclockid(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.pthread_getcpuclockid", args, kw, 1, 1)?;
    let id = int::index_raw(&args[0])?;
    let Some(tid) = int::as_u64(&id) else {
        bail!(OverflowError, "Python int too large to convert to C unsigned long");
    };
    let mut clk: libc::clockid_t = 0;
    let r = unsafe { libc::pthread_getcpuclockid(tid as libc::pthread_t, &mut clk) };
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    Ok(int::from_i64(clk as i64))
}

fn time_get_clock_info(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("time.get_clock_info", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        bail!(TypeError, "get_clock_info() argument 1 must be str, not {}", args[0].ty().name());
    }
    let name = pystr::to_string_lossy(&args[0]);
    let (implementation, clk, mono, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", libc::CLOCK_REALTIME, false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", libc::CLOCK_MONOTONIC, true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", libc::CLOCK_PROCESS_CPUTIME_ID, true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", libc::CLOCK_THREAD_CPUTIME_ID, true, false),
        _ => bail!(ValueError, "unknown clock"),
    };
    namespace::new(&[
        ("implementation", pystr::new(implementation)),
        ("monotonic", bool_::from_bool(mono)),
        ("adjustable", bool_::from_bool(adjustable)),
        ("resolution", float::from_f64(getres(clk)?)),
    ])
}

const FUNCTIONS: &[MethodSpec] = &[
    method("time", time_time),
    method("time_ns", time_time_ns),
    method("monotonic", time_monotonic),
    method("monotonic_ns", time_monotonic_ns),
    method("perf_counter", time_perf_counter),
    method("perf_counter_ns", time_perf_counter_ns),
    method("process_time", time_process_time),
    method("process_time_ns", time_process_time_ns),
    method("thread_time", time_thread_time),
    method("thread_time_ns", time_thread_time_ns),
    method("sleep", time_sleep),
    method("gmtime", time_gmtime),
    method("localtime", time_localtime),
    method("asctime", time_asctime),
    method("ctime", time_ctime),
    method("mktime", time_mktime),
    method("strftime", time_strftime),
    method("strptime", time_strptime),
    method("tzset", time_tzset),
    method("clock_gettime", time_clock_gettime),
    method("clock_gettime_ns", time_clock_gettime_ns),
    method("clock_getres", time_clock_getres),
    method("pthread_getcpuclockid", time_pthread_getcpuclockid),
    method("get_clock_info", time_get_clock_info),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("time")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    for (name, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        dict::set_item_str(&d, name, &int::from_i64(v as i64))?;
    }
    unsafe { tzset() };
    init_timezone(&d)?;
    dict::set_item_str(&d, "_STRUCT_TM_ITEMS", &int::from_i64(11))?;
    dict::set_item_str(&d, "struct_time", &struct_time_type()?)?;
    Ok(m)
}
