//! `_posixsubprocess.fork_exec`, what `subprocess.Popen` starts children
//! with: every argument is converted in the parent, then the child (between
//! fork and exec) only makes async-signal-safe calls — unless a
//! `preexec_fn` is given, which runs Python code in the child as CPython
//! does. The child reports a failure to the parent through `errpipe_write`
//! as `OSError:<hex errno>:` (with `noexec` when it failed before reaching
//! exec, e.g. in chdir) or `SubprocessError:0:<message>`; Lib/subprocess.py
//! turns that into the exception.

use crate::posix::args::{errno, fs_encode, fspath, os_error, to_int};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{bytes, int, list, module, none, str as pystr, tuple};
use std::ffi::CString;
use std::ptr::null;

/// A NUL-terminated array of C strings (and the strings it points into).
struct CArray {
    _strings: Vec<CString>,
    ptrs: Vec<*const libc::c_char>,
}

impl CArray {
    fn new(strings: Vec<CString>) -> CArray {
        let mut ptrs: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
        ptrs.push(null());
        CArray { _strings: strings, ptrs }
    }
}

fn cstring(b: Vec<u8>) -> PyResult<CString> {
    match CString::new(b) {
        Ok(c) => Ok(c),
        Err(_) => bail!(ValueError, "embedded null byte"),
    }
}

/// `_PySequence_BytesToCharpArray`: a sequence of bytes objects.
fn bytes_array(o: &Obj) -> PyResult<CArray> {
    let n = krait_runtime::ops::len(o)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = krait_runtime::ops::seq::getitem(o, &int::from_usize(i))?;
        if !bytes::is_bytes(&item) {
            bail!(TypeError, "expected bytes, {} found", item.ty().name());
        }
        out.push(cstring(bytes::as_slice(&item).to_vec())?);
    }
    Ok(CArray::new(out))
}

/// `PyUnicode_FSConverter`: str, bytes or os.PathLike to bytes.
fn fs_bytes(o: &Obj) -> PyResult<Vec<u8>> {
    let p = fspath(o)?;
    if pystr::is_str(&p) {
        fs_encode(&p)
    } else {
        Ok(bytes::as_slice(&p).to_vec())
    }
}

/// `_Py_Uid_Converter`/`_Py_Gid_Converter`: an int, -1 meaning "unchanged".
fn id_of(o: &Obj, what: &str) -> PyResult<u32> {
    if !krait_runtime::ops::number::has_index(o) {
        bail!(TypeError, "{} should be integer, not {}", what, o.ty().name());
    }
    let i = int::index_raw(o)?;
    match int::as_i64(&i) {
        Some(-1) => Ok(u32::MAX),
        Some(v) if (0..=u32::MAX as i64 - 1).contains(&v) => Ok(v as u32),
        Some(v) if v < 0 => bail!(OverflowError, "{} is less than minimum", what),
        _ => bail!(OverflowError, "{} is greater than maximum", what),
    }
}

/// `fds_to_keep` must be a sorted tuple of distinct non-negative ints.
fn keep_fds(o: &Obj) -> PyResult<Vec<i32>> {
    let mut out: Vec<i32> = Vec::new();
    for item in tuple::items(o) {
        let v = if int::is_int(item) { int::as_i64(item) } else { None };
        match v {
            Some(v) if v >= 0 && v <= i32::MAX as i64 && out.last().is_none_or(|&p| (p as i64) < v) => out.push(v as i32),
            _ => bail!(ValueError, "bad value(s) in fds_to_keep"),
        }
    }
    Ok(out)
}

/// Everything the child needs, prepared in the parent.
struct Child<'a> {
    exec_array: &'a [*const libc::c_char],
    argv: *const *const libc::c_char,
    envp: Option<*const *const libc::c_char>,
    cwd: Option<*const libc::c_char>,
    close_fds: bool,
    keep: &'a [i32],
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    restore_signals: bool,
    call_setsid: bool,
    pgid: i32,
    groups: Option<&'a [libc::gid_t]>,
    gid: u32,
    uid: u32,
    umask: i32,
    preexec_fn: Option<&'a Obj>,
    max_fd: i32,
}

fn set_errno(e: i32) {
    unsafe { *libc::__errno_location() = e };
}

fn write_all(fd: i32, b: &[u8]) {
    let mut off = 0;
    while off < b.len() {
        let r = unsafe { libc::write(fd, b[off..].as_ptr() as *const libc::c_void, b.len() - off) };
        if r < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return;
        }
        off += r as usize;
    }
}

fn set_inheritable(fd: i32, inheritable: bool) -> bool {
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 {
            return false;
        }
        let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
        new == flags || libc::fcntl(fd, libc::F_SETFD, new) >= 0
    }
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
fn close_open_fds(keep: &[i32], max_fd: i32) {
    let close_range = |lo: u32, hi: u32| -> bool {
        if lo > hi {
            return true;
        }
        let r = unsafe { libc::syscall(libc::SYS_close_range, lo, hi, 0u32) };
        if r == 0 {
            return true;
        }
        // Without close_range: one close per possible descriptor.
        let top = (hi as i64).min(max_fd as i64);
        let mut fd = lo as i64;
        while fd <= top {
            unsafe { libc::close(fd as i32) };
            fd += 1;
        }
        true
    };
    let mut start: u32 = 3;
    for &k in keep {
        let k = k as u32;
        if k < start {
            continue;
        }
        if k > start {
            close_range(start, k - 1);
        }
        start = k + 1;
    }
    close_range(start, u32::MAX);
}

/// The child's work between fork and exec; never returns.
fn child_exec(c: &Child) -> ! {
    let mut reached_preexec = false;
    let mut err_msg: &[u8] = b"";
    macro_rules! check {
        ($e:expr) => {
            if ($e) < 0 {
                child_fail(c, reached_preexec, err_msg);
            }
        };
    }

    {
        // Descriptors to pass on must survive exec.
        for &fd in c.keep {
            if fd == c.errpipe_write {
                continue;
            }
            if !set_inheritable(fd, true) {
                child_fail(c, reached_preexec, err_msg);
            }
        }
        unsafe {
            if c.p2cwrite != -1 {
                check!(libc::close(c.p2cwrite));
            }
            if c.c2pread != -1 {
                check!(libc::close(c.c2pread));
            }
            if c.errread != -1 {
                check!(libc::close(c.errread));
            }
            check!(libc::close(c.errpipe_read));
        }
        // Descriptors about to be overwritten by the dup2 calls move away.
        let mut c2pwrite = c.c2pwrite;
        let mut errwrite = c.errwrite;
        unsafe {
            if c2pwrite == 0 {
                c2pwrite = libc::dup(c2pwrite);
                check!(c2pwrite);
                if !set_inheritable(c2pwrite, false) {
                    child_fail(c, reached_preexec, err_msg);
                }
            }
            while errwrite == 0 || errwrite == 1 {
                errwrite = libc::dup(errwrite);
                check!(errwrite);
                if !set_inheritable(errwrite, false) {
                    child_fail(c, reached_preexec, err_msg);
                }
            }
            for (fd, target) in [(c.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
                if fd == target {
                    if !set_inheritable(fd, true) {
                        child_fail(c, reached_preexec, err_msg);
                    }
                } else if fd != -1 {
                    check!(libc::dup2(fd, target));
                }
            }
            if let Some(cwd) = c.cwd {
                check!(libc::chdir(cwd));
            }
            if c.umask >= 0 {
                libc::umask(c.umask as libc::mode_t);
            }
            if c.restore_signals {
                libc::signal(libc::SIGPIPE, libc::SIG_DFL);
                libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            }
            if c.call_setsid {
                check!(libc::setsid());
            }
            if c.pgid >= 0 {
                check!(libc::setpgid(0, c.pgid));
            }
            if let Some(g) = c.groups {
                check!(libc::setgroups(g.len(), g.as_ptr()));
            }
            if c.gid != u32::MAX {
                check!(libc::setregid(c.gid, c.gid));
            }
            if c.uid != u32::MAX {
                check!(libc::setreuid(c.uid, c.uid));
            }
        }
        reached_preexec = true;
        if let Some(f) = c.preexec_fn {
            // The interpreter was handed to this child right after fork.
            if krait_runtime::ops::call::call(f, &[], None).is_err() {
                errors::clear();
                err_msg = b"Exception occurred in preexec_fn.";
                set_errno(0);
                child_fail(c, reached_preexec, err_msg);
            }
        }
        if c.close_fds {
            close_open_fds(c.keep, c.max_fd);
        }
        // The PATH search of os._execvpe: the first error other than
        // "not found" is the one reported.
        let mut saved = 0;
        for &exe in c.exec_array {
            if exe.is_null() {
                break;
            }
            unsafe {
                match c.envp {
                    Some(envp) => libc::execve(exe, c.argv, envp),
                    None => libc::execv(exe, c.argv),
                };
            }
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        if saved != 0 {
            set_errno(saved);
        }
        child_fail(c, reached_preexec, err_msg)
    }
}

/// Reports the failure (errno or `err_msg`) on the error pipe and exits.
fn child_fail(c: &Child, reached_preexec: bool, err_msg: &[u8]) -> ! {
    let mut e = errno();
    let fd = c.errpipe_write;
    if e != 0 {
        write_all(fd, b"OSError:");
        let mut buf = [0u8; 16];
        let mut i = buf.len();
        while e != 0 && i > 0 {
            i -= 1;
            buf[i] = b"0123456789abcdef"[(e % 16) as usize];
            e /= 16;
        }
        write_all(fd, &buf[i..]);
        write_all(fd, b":");
        if !reached_preexec {
            write_all(fd, b"noexec");
        }
    } else {
        write_all(fd, b"SubprocessError:0:");
        write_all(fd, err_msg);
    }
    unsafe { libc::_exit(255) }
}

fn fork_exec(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::no_kwargs("fork_exec", kw)?;
    if a.len() != 23 {
        bail!(TypeError, "fork_exec() takes exactly 23 arguments ({} given)", a.len());
    }
    let truth = krait_runtime::ops::truthy;
    let close_fds = truth(&a[2])?;
    if !tuple::is_tuple(&a[3]) {
        bail!(TypeError, "fork_exec() argument 4 must be tuple, not {}", a[3].ty().name());
    }
    let mut ints = [0i32; 8];
    for (k, slot) in ints.iter_mut().enumerate() {
        *slot = to_int(&a[6 + k])?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] = ints;
    let restore_signals = truth(&a[14])?;
    let call_setsid = truth(&a[15])?;
    let pgid = to_int(&a[16])?;
    let umask = to_int(&a[20])?;
    let allow_vfork = truth(&a[22])?;
    let _ = allow_vfork;
    if close_fds && errpipe_write < 3 {
        bail!(ValueError, "errpipe_write must be >= 3");
    }
    let keep = keep_fds(&a[3])?;

    let exec_array = bytes_array(&a[1])?;
    let argv = if none::is_none(&a[0]) {
        None
    } else {
        let items = if tuple::is_tuple(&a[0]) || list::is_list(&a[0]) {
            krait_runtime::ops::seq::to_vec(&a[0])?
        } else {
            match krait_runtime::ops::seq::to_vec(&a[0]) {
                Ok(v) => v,
                Err(e) => {
                    if errors::matches(krait_runtime::types::exceptions::TypeError()) {
                        errors::clear();
                        bail!(TypeError, "argv must be a tuple");
                    }
                    return Err(e);
                }
            }
        };
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            v.push(cstring(fs_bytes(it)?)?);
        }
        Some(CArray::new(v))
    };
    let envp = if none::is_none(&a[5]) { None } else { Some(bytes_array(&a[5])?) };
    let cwd = if none::is_none(&a[4]) { None } else { Some(cstring(fs_bytes(&a[4])?)?) };
    let groups = if none::is_none(&a[18]) {
        None
    } else {
        if !list::is_list(&a[18]) {
            bail!(TypeError, "setgroups argument must be a list");
        }
        let items = list::items(&a[18]).to_vec();
        let max = unsafe { libc::sysconf(libc::_SC_NGROUPS_MAX) };
        if max > 0 && items.len() as i64 > max {
            bail!(ValueError, "too many groups");
        }
        let mut g = Vec::with_capacity(items.len());
        for it in &items {
            match id_of(it, "gid") {
                Ok(v) => g.push(v as libc::gid_t),
                Err(_) => {
                    errors::clear();
                    bail!(TypeError, "groups must be integers");
                }
            }
        }
        Some(g)
    };
    let gid = if none::is_none(&a[17]) { u32::MAX } else { id_of(&a[17], "gid")? };
    let uid = if none::is_none(&a[19]) { u32::MAX } else { id_of(&a[19], "uid")? };
    let preexec_fn = if none::is_none(&a[21]) { None } else { Some(&a[21]) };
    let max_fd = {
        let n = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
        if n <= 0 || n > i32::MAX as i64 {
            256
        } else {
            n as i32
        }
    };
    let child = Child {
        exec_array: &exec_array.ptrs,
        argv: argv.as_ref().map_or(null(), |v| v.ptrs.as_ptr()),
        envp: envp.as_ref().map(|v| v.ptrs.as_ptr()),
        cwd: cwd.as_ref().map(|c| c.as_ptr()),
        close_fds,
        keep: &keep,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        restore_signals,
        call_setsid,
        pgid,
        groups: groups.as_deref(),
        gid,
        uid,
        umask,
        preexec_fn,
        max_fd,
    };
    if preexec_fn.is_some() {
        // Python code runs in the child: its buffered output must not be
        // written twice.
        krait_runtime::modules::sys::flush_std_streams();
        // Python code will run in the child: the fork hooks run as for
        // os.fork() (PyOS_BeforeFork / AfterFork_Child / AfterFork_Parent).
        crate::posix::process::run_before_fork_hooks();
    }
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        if preexec_fn.is_some() {
            // SAFETY: the freshly forked child, before other Python code.
            unsafe { crate::posix::process::after_fork_child_with_hooks() };
        }
        child_exec(&child);
    }
    if preexec_fn.is_some() {
        crate::posix::process::run_after_fork_parent_hooks();
    }
    if pid < 0 {
        return Err(os_error(errno(), None, None));
    }
    Ok(int::from_i64(pid as i64))
}

const FUNCTIONS: &[MethodSpec] = &[method("fork_exec", fork_exec)];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_posixsubprocess")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    Ok(m)
}
