//! The `termios` module: the POSIX terminal calls (tcgetattr/tcsetattr,
//! tcsendbreak, tcdrain, tcflush, tcflow, tcgetwinsize/tcsetwinsize) with
//! CPython's argument checks, `termios.error(errno, strerror)` on failure,
//! and the platform's constants. tty, pty and getpass build on it.

mod consts;

use crate::posix::args::{fildes, strerror};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::Obj;
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{bytes, dict, exceptions, int, list, module, none, str as pystr, tuple, type_};

static ERROR: crate::Keep = crate::Keep::new();

/// termios.error(errno, strerror) for the last failed call.
fn last_error() -> PyErr {
    let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    let t = type_::as_type(&ERROR.get().expect("termios.error"));
    errors::raise_with(t, &[int::from_i64(e as i64), pystr::new(&strerror(e))])
}

fn c_int_arg(o: &Obj) -> PyResult<i32> {
    let v = int::index(o)?;
    match int::as_i64(&v).and_then(|v| i32::try_from(v).ok()) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "signed integer is greater than maximum"),
    }
}

fn get_attrs(fd: i32) -> PyResult<libc::termios> {
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut t) } == -1 {
        return Err(last_error());
    }
    Ok(t)
}

fn t_tcgetattr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("tcgetattr", args, kw, &["fd"], 1, 1, 1)?;
    let fd = fildes(a[0].as_ref().unwrap())?;
    let t = get_attrs(fd)?;
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let mut cc: Vec<Obj> = t.c_cc.iter().map(|&c| bytes::new(&[c])).collect();
    // In non-canonical mode VMIN and VTIME are counts, not characters.
    if t.c_lflag & libc::ICANON == 0 {
        cc[libc::VMIN] = int::from_i64(t.c_cc[libc::VMIN] as i64);
        cc[libc::VTIME] = int::from_i64(t.c_cc[libc::VTIME] as i64);
    }
    Ok(list::from_vec(vec![
        int::from_i64(t.c_iflag as i64),
        int::from_i64(t.c_oflag as i64),
        int::from_i64(t.c_cflag as i64),
        int::from_i64(t.c_lflag as i64),
        int::from_i64(ispeed as i64),
        int::from_i64(ospeed as i64),
        list::from_vec(cc),
    ]))
}

/// A C `long` from a flag or speed value (CPython's PyLong_AsLong).
fn long_arg(o: &Obj) -> PyResult<i64> {
    let v = int::index(o)?;
    match int::as_i64(&v) {
        Some(v) => Ok(v),
        None => bail!(OverflowError, "Python int too large to convert to C long"),
    }
}

fn t_tcsetattr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("tcsetattr", args, kw, &["fd", "when", "attributes"], 3, 3, 3)?;
    let fd = fildes(a[0].as_ref().unwrap())?;
    let when = c_int_arg(a[1].as_ref().unwrap())?;
    let attrs = a[2].as_ref().unwrap();
    if !list::is_list(attrs) || list::len(attrs) != 7 {
        bail!(TypeError, "tcsetattr, arg 3: must be 7 element list");
    }
    let items = list::items(attrs).to_vec();
    // Unchanged fields (c_line and the like) keep the terminal's values.
    let mut t = get_attrs(fd)?;
    t.c_iflag = long_arg(&items[0])? as libc::tcflag_t;
    t.c_oflag = long_arg(&items[1])? as libc::tcflag_t;
    t.c_cflag = long_arg(&items[2])? as libc::tcflag_t;
    t.c_lflag = long_arg(&items[3])? as libc::tcflag_t;
    let ispeed = long_arg(&items[4])? as libc::speed_t;
    let ospeed = long_arg(&items[5])? as libc::speed_t;
    let cc = &items[6];
    if !list::is_list(cc) || list::len(cc) != libc::NCCS {
        bail!(TypeError, "tcsetattr: attributes[6] must be {} element list", libc::NCCS);
    }
    for (i, v) in list::items(cc).to_vec().iter().enumerate() {
        t.c_cc[i] = if bytes::is_bytes(v) && bytes::as_slice(v).len() == 1 {
            bytes::as_slice(v)[0]
        } else if int::is_int(v) {
            long_arg(v)? as libc::cc_t
        } else {
            bail!(TypeError, "tcsetattr: elements of attributes must be characters or integers");
        };
    }
    unsafe {
        if libc::cfsetispeed(&mut t, ispeed) == -1 || libc::cfsetospeed(&mut t, ospeed) == -1 || libc::tcsetattr(fd, when, &t) == -1 {
            return Err(last_error());
        }
    }
    Ok(none::none())
}

/// The calls that take a descriptor and one int: tcsendbreak, tcflush, tcflow.
fn fd_and_int(name: &str, argname: &str, args: &[Obj], kw: Option<&Obj>, f: unsafe extern "C" fn(i32, i32) -> i32) -> PyResult<Obj> {
    let a = crate::clinic_args(name, args, kw, &["fd", argname], 2, 2, 2)?;
    let fd = fildes(a[0].as_ref().unwrap())?;
    let v = c_int_arg(a[1].as_ref().unwrap())?;
    if unsafe { f(fd, v) } == -1 {
        return Err(last_error());
    }
    Ok(none::none())
}

fn t_tcsendbreak(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    fd_and_int("tcsendbreak", "duration", args, kw, libc::tcsendbreak)
}

fn t_tcflush(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    fd_and_int("tcflush", "queue", args, kw, libc::tcflush)
}

fn t_tcflow(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    fd_and_int("tcflow", "action", args, kw, libc::tcflow)
}

fn t_tcdrain(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("tcdrain", args, kw, &["fd"], 1, 1, 1)?;
    let fd = fildes(a[0].as_ref().unwrap())?;
    // tcdrain waits for the output to be sent: without the GIL.
    let r = krait_runtime::gil::allow_threads(|| unsafe { libc::tcdrain(fd) });
    if r == -1 {
        return Err(last_error());
    }
    Ok(none::none())
}

/// PySequence_Check: not a dict, and indexable by position.
fn sequence_check(o: &Obj) -> bool {
    let sq = o.ty().tp_as_sequence;
    !dict::is_dict(o) && !sq.is_null() && unsafe { (*sq).sq_item.is_some() }
}

fn get_winsize(fd: i32) -> PyResult<libc::winsize> {
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } == -1 {
        return Err(last_error());
    }
    Ok(w)
}

fn t_tcgetwinsize(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("tcgetwinsize", args, kw, &["fd"], 1, 1, 1)?;
    let w = get_winsize(fildes(a[0].as_ref().unwrap())?)?;
    Ok(tuple::new(&[int::from_i64(w.ws_row as i64), int::from_i64(w.ws_col as i64)]))
}

fn t_tcsetwinsize(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("tcsetwinsize", args, kw, &["fd", "winsize"], 2, 2, 2)?;
    let fd = fildes(a[0].as_ref().unwrap())?;
    let ws = a[1].as_ref().unwrap();
    let is_pair = sequence_check(ws) && ops::len(ws).ok() == Some(2);
    if !is_pair {
        errors::clear();
        bail!(TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    }
    let rows = long_arg(&ops::seq::getitem(ws, &int::from_i64(0))?)?;
    let cols = long_arg(&ops::seq::getitem(ws, &int::from_i64(1))?)?;
    let mut w = get_winsize(fd)?;
    match (u16::try_from(rows), u16::try_from(cols)) {
        (Ok(r), Ok(c)) => {
            w.ws_row = r;
            w.ws_col = c;
        }
        _ => bail!(OverflowError, "winsize value(s) out of range."),
    }
    if unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) } == -1 {
        return Err(last_error());
    }
    Ok(none::none())
}

const FUNCTIONS: &[MethodSpec] = &[
    method("tcgetattr", t_tcgetattr),
    method("tcsetattr", t_tcsetattr),
    method("tcsendbreak", t_tcsendbreak),
    method("tcdrain", t_tcdrain),
    method("tcflush", t_tcflush),
    method("tcflow", t_tcflow),
    method("tcgetwinsize", t_tcgetwinsize),
    method("tcsetwinsize", t_tcsetwinsize),
];

const DOC: &str = "POSIX terminal control: reading and setting tty attributes (tcgetattr,
tcsetattr), line control (tcsendbreak, tcdrain, tcflush, tcflow) and the
window size (tcgetwinsize, tcsetwinsize). Each takes a file descriptor or
an object with a fileno() method; the constants name the flag bits, c_cc
indices, speeds and actions.";

pub fn create() -> PyResult<Obj> {
    let m = module::new("termios")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new(DOC))?;
    add_functions(&d, &m, FUNCTIONS)?;
    let err = ERROR.get_or_init(|| crate::new_exception_type("termios.error", exceptions::Exception()))?;
    dict::set_item_str(&d, "error", &err)?;
    for (name, v) in consts::CONSTANTS {
        dict::set_item_str(&d, name, &int::from_i64(*v))?;
    }
    Ok(m)
}
