//! `resource`: process resource limits and usage (getrlimit/setrlimit/
//! prlimit, getrusage), as CPython's Modules/resource.c on Linux.

use crate::posix::args;
use crate::Keep;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, exceptions, float, int, module, none, str as pystr, structseq, tuple, type_};
use krait_runtime::{Obj, PyResult};

static STRUCT_RUSAGE: Keep = Keep::new();

const RUSAGE_FIELDS: [&str; 16] = [
    "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock",
    "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
];

fn struct_rusage() -> PyResult<Obj> {
    STRUCT_RUSAGE.get_or_init(|| {
        let fields: Vec<Option<&'static str>> = RUSAGE_FIELDS.iter().map(|f| Some(*f)).collect();
        structseq::new_type_ext("resource", "struct_rusage", &fields, fields.len(), None)
    })
}

fn resource_arg(o: &Obj) -> PyResult<i32> {
    let r = args::to_int(o)?;
    if r < 0 || r >= libc::RLIM_NLIMITS as i32 {
        krait_runtime::bail!(ValueError, "invalid resource specified");
    }
    Ok(r)
}

/// rlim_t → int: RLIM_INFINITY reads as -1, as in CPython.
fn rlim_obj(v: libc::rlim_t) -> Obj {
    int::from_i64(v as i64)
}

fn limits_obj(r: &libc::rlimit) -> Obj {
    tuple::from_vec(vec![rlim_obj(r.rlim_cur), rlim_obj(r.rlim_max)])
}

/// A (soft, hard) pair from any 2-item sequence of integers.
fn limits_arg(o: &Obj) -> PyResult<libc::rlimit> {
    let t = krait_runtime::ops::call::call(&type_::type_obj(tuple::type_ptr()), &[o.clone()], None)?;
    if tuple::len(&t) != 2 {
        krait_runtime::bail!(ValueError, "expected a tuple of 2 integers");
    }
    let items = tuple::items(&t);
    let conv = |x: &Obj| -> PyResult<libc::rlim_t> {
        let i = int::index_raw(x)?;
        match int::as_i64(&i) {
            Some(v) => Ok(v as libc::rlim_t),
            None => krait_runtime::bail!(OverflowError, "Python int too large to convert to C long"),
        }
    };
    Ok(libc::rlimit { rlim_cur: conv(&items[0])?, rlim_max: conv(&items[1])? })
}

fn limit_error() -> krait_runtime::PyErr {
    match args::errno() {
        libc::EINVAL => krait_runtime::errors::raise_with(exceptions::ValueError(), &[pystr::new("current limit exceeds maximum limit")]),
        libc::EPERM => krait_runtime::errors::raise_with(exceptions::ValueError(), &[pystr::new("not allowed to raise maximum limit")]),
        _ => args::last_error(),
    }
}

fn r_getrlimit(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getrlimit", a, kw, 1, 1)?;
    let r = resource_arg(&a[0])?;
    let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    if unsafe { libc::getrlimit(r as _, &mut l) } < 0 {
        return Err(args::last_error());
    }
    Ok(limits_obj(&l))
}

fn r_setrlimit(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("setrlimit", a, kw, 2, 2)?;
    let r = resource_arg(&a[0])?;
    let l = limits_arg(&a[1])?;
    if unsafe { libc::setrlimit(r as _, &l) } < 0 {
        return Err(limit_error());
    }
    Ok(none::none())
}

fn r_prlimit(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("prlimit", a, kw, 2, 3)?;
    let pid = args::to_int(&a[0])?;
    let r = resource_arg(&a[1])?;
    let new = match a.get(2) {
        Some(o) if !none::is_none(o) => Some(limits_arg(o)?),
        _ => None,
    };
    let mut old = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    let np = new.as_ref().map_or(std::ptr::null(), |n| n as *const libc::rlimit);
    if unsafe { libc::prlimit(pid, r as _, np, &mut old) } < 0 {
        return Err(limit_error());
    }
    Ok(limits_obj(&old))
}

fn r_getrusage(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getrusage", a, kw, 1, 1)?;
    let who = args::to_int(&a[0])?;
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut u) } < 0 {
        if args::errno() == libc::EINVAL {
            krait_runtime::bail!(ValueError, "invalid who parameter");
        }
        return Err(args::last_error());
    }
    rusage_obj(&u)
}

/// A `struct_rusage` from a C rusage (also os.wait3/os.wait4's third item).
pub fn rusage_obj(u: &libc::rusage) -> PyResult<Obj> {
    let tv = |t: libc::timeval| float::from_f64(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6);
    let l = |v: libc::c_long| int::from_i64(v as i64);
    let v = vec![
        tv(u.ru_utime),
        tv(u.ru_stime),
        l(u.ru_maxrss),
        l(u.ru_ixrss),
        l(u.ru_idrss),
        l(u.ru_isrss),
        l(u.ru_minflt),
        l(u.ru_majflt),
        l(u.ru_nswap),
        l(u.ru_inblock),
        l(u.ru_oublock),
        l(u.ru_msgsnd),
        l(u.ru_msgrcv),
        l(u.ru_nsignals),
        l(u.ru_nvcsw),
        l(u.ru_nivcsw),
    ];
    structseq::new_ext(&struct_rusage()?, v)
}

fn r_getpagesize(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::positional("getpagesize", a, kw, 0, 0)?;
    Ok(int::from_i64(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("getrlimit", r_getrlimit),
        method("setrlimit", r_setrlimit),
        method("prlimit", r_prlimit),
        method("getrusage", r_getrusage),
        method("getpagesize", r_getpagesize),
    ]
}

const CONSTANTS: &[(&str, i64)] = &[
    ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
    ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
    ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
    ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
    ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
    ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_AS", libc::RLIMIT_AS as i64),
    ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
    ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
    ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
    ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
    ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
    ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
    ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
    ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
    ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
    ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
    ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
    ("RLIM_INFINITY", -1),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("resource")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    for (n, v) in CONSTANTS {
        dict::set_item_str(&d, n, &int::from_i64(*v))?;
    }
    dict::set_item_str(&d, "struct_rusage", &struct_rusage()?)?;
    dict::set_item_str(&d, "error", &type_::type_obj(exceptions::OSError()))?;
    Ok(m)
}
