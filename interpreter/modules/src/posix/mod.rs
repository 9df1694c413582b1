//! The `posix` module (what `os` is built on), as CPython 3.11's
//! Modules/posixmodule.c on Linux: paths are str (UTF-8 with
//! surrogateescape), bytes or os.PathLike; errors are the OSError subclass
//! of the errno with the filename(s) attached.
//!
//! `args.rs` converts arguments, `stat.rs` has stat_result and the stat
//! family, `scandir.rs` listdir/scandir/DirEntry, `fileops.rs` the other
//! file and descriptor calls, `process.rs` processes and system
//! information, `linux.rs` the Linux-only calls (getrandom, eventfd,
//! memfd_create, copy_file_range, splice, xattrs, openpty), `environ.rs` the environment, `names.rs` the
//! sysconf/confstr/pathconf name tables.

pub mod args;
pub mod environ;
pub mod fileops;
pub mod linux;
pub mod names;
pub mod process;
pub mod scandir;
pub mod stat;

use krait_runtime::types::builtin_func::{add_functions, method, MethodSpec};
use krait_runtime::types::{dict, exceptions, int, list, module, str as pystr, type_};
use krait_runtime::{Obj, PyResult};

fn functions() -> Vec<MethodSpec> {
    use fileops::*;
    use process::*;
    vec![
        method("stat", stat::p_stat),
        method("lstat", stat::p_lstat),
        method("fstat", stat::p_fstat),
        method("statvfs", stat::p_statvfs),
        method("fstatvfs", stat::p_fstatvfs),
        method("listdir", scandir::p_listdir),
        method("scandir", scandir::p_scandir),
        method("getcwd", p_getcwd),
        method("getcwdb", p_getcwdb),
        method("fspath", p_fspath),
        method("_path_normpath", p_path_normpath),
        method("mkdir", p_mkdir),
        method("rmdir", p_rmdir),
        method("rename", p_rename),
        method("replace", p_replace),
        method("unlink", p_unlink),
        method("remove", p_remove),
        method("open", p_open),
        method("close", p_close),
        method("closerange", p_closerange),
        method("read", p_read),
        method("write", p_write),
        method("lseek", p_lseek),
        method("access", p_access),
        method("chdir", p_chdir),
        method("fchdir", p_fchdir),
        method("chmod", p_chmod),
        method("fchmod", p_fchmod),
        method("chown", p_chown),
        method("lchown", p_lchown),
        method("fchown", p_fchown),
        method("symlink", p_symlink),
        method("link", p_link),
        method("readlink", p_readlink),
        method("utime", p_utime),
        method("truncate", p_truncate),
        method("ftruncate", p_ftruncate),
        method("fsync", p_fsync),
        method("fdatasync", p_fdatasync),
        method("sync", p_sync),
        method("mkfifo", p_mkfifo),
        method("dup", p_dup),
        method("dup2", p_dup2),
        method("pipe", p_pipe),
        method("pipe2", p_pipe2),
        method("get_inheritable", p_get_inheritable),
        method("set_inheritable", p_set_inheritable),
        method("get_blocking", p_get_blocking),
        method("set_blocking", p_set_blocking),
        method("isatty", p_isatty),
        method("device_encoding", p_device_encoding),
        method("get_terminal_size", p_get_terminal_size),
        method("umask", p_umask),
        method("strerror", p_strerror),
        method("urandom", p_urandom),
        method("putenv", environ::p_putenv),
        method("unsetenv", environ::p_unsetenv),
        method("getpid", p_getpid),
        method("getppid", p_getppid),
        method("getuid", p_getuid),
        method("geteuid", p_geteuid),
        method("getgid", p_getgid),
        method("getegid", p_getegid),
        method("getpgrp", p_getpgrp),
        method("getpgid", p_getpgid),
        method("setpgid", p_setpgid),
        method("setpgrp", p_setpgrp),
        method("getsid", p_getsid),
        method("setsid", p_setsid),
        method("getgroups", p_getgroups),
        method("setgroups", p_setgroups),
        method("getlogin", p_getlogin),
        method("kill", p_kill),
        method("killpg", p_killpg),
        method("_exit", p_exit),
        method("abort", p_abort),
        method("waitpid", p_waitpid),
        method("wait", p_wait),
        method("waitstatus_to_exitcode", p_waitstatus_to_exitcode),
        method("WIFEXITED", p_wifexited),
        method("WEXITSTATUS", p_wexitstatus),
        method("WIFSIGNALED", p_wifsignaled),
        method("WTERMSIG", p_wtermsig),
        method("WIFSTOPPED", p_wifstopped),
        method("WSTOPSIG", p_wstopsig),
        method("WIFCONTINUED", p_wifcontinued),
        method("WCOREDUMP", p_wcoredump),
        method("register_at_fork", p_register_at_fork),
        method("fork", p_fork),
        method("execv", p_execv),
        method("execve", p_execve),
        method("system", p_system),
        method("times", p_times),
        method("uname", p_uname),
        method("cpu_count", p_cpu_count),
        method("sched_getaffinity", p_sched_getaffinity),
        method("getloadavg", p_getloadavg),
        method("sysconf", p_sysconf),
        method("confstr", p_confstr),
        method("pathconf", p_pathconf),
        method("fpathconf", p_fpathconf),
        method("pread", p_pread),
        method("pwrite", p_pwrite),
        method("sendfile", p_sendfile),
        method("readv", p_readv),
        method("writev", p_writev),
        method("posix_fallocate", p_posix_fallocate),
        method("major", p_major),
        method("minor", p_minor),
        method("makedev", p_makedev),
        method("ttyname", p_ttyname),
        method("nice", p_nice),
        method("getpriority", p_getpriority),
        method("setpriority", p_setpriority),
        method("getresuid", p_getresuid),
        method("getresgid", p_getresgid),
        method("setuid", p_setuid),
        method("setgid", p_setgid),
        method("seteuid", p_seteuid),
        method("setegid", p_setegid),
        method("sched_yield", p_sched_yield),
        method("getrandom", linux::p_getrandom),
        method("eventfd", linux::p_eventfd),
        method("eventfd_read", linux::p_eventfd_read),
        method("eventfd_write", linux::p_eventfd_write),
        method("memfd_create", linux::p_memfd_create),
        method("copy_file_range", linux::p_copy_file_range),
        method("splice", linux::p_splice),
        method("setreuid", linux::p_setreuid),
        method("setregid", linux::p_setregid),
        method("tcgetpgrp", linux::p_tcgetpgrp),
        method("tcsetpgrp", linux::p_tcsetpgrp),
        method("openpty", linux::p_openpty),
        method("getxattr", linux::p_getxattr),
        method("setxattr", linux::p_setxattr),
        method("removexattr", linux::p_removexattr),
        method("listxattr", linux::p_listxattr),
    ]
}

/// The HAVE_* names of `_have_functions` for what this module implements
/// (os.py derives supports_fd / supports_dir_fd / supports_follow_symlinks
/// from them).
const HAVE: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FEXECVE",
    "HAVE_FDOPENDIR",
    "HAVE_FPATHCONF",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LINKAT",
    "HAVE_LCHOWN",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("ST_RDONLY", 1),
    ("ST_NOSUID", 2),
    ("ST_NODEV", 4),
    ("ST_NOEXEC", 8),
    ("ST_SYNCHRONOUS", 16),
    ("ST_MANDLOCK", 64),
    ("ST_WRITE", 128),
    ("ST_APPEND", 256),
    ("ST_NOATIME", 1024),
    ("ST_NODIRATIME", 2048),
    ("ST_RELATIME", 4096),
    ("P_PID", 1),
    ("P_PGID", 2),
    ("P_ALL", 0),
    ("P_PIDFD", 3),
    ("CLD_EXITED", libc::CLD_EXITED as i64),
    ("CLD_KILLED", libc::CLD_KILLED as i64),
    ("CLD_DUMPED", libc::CLD_DUMPED as i64),
    ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
    ("CLD_STOPPED", libc::CLD_STOPPED as i64),
    ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("SCHED_OTHER", libc::SCHED_OTHER as i64),
    ("SCHED_FIFO", libc::SCHED_FIFO as i64),
    ("SCHED_RR", libc::SCHED_RR as i64),
    ("SCHED_BATCH", libc::SCHED_BATCH as i64),
    ("SCHED_IDLE", libc::SCHED_IDLE as i64),
    ("SCHED_RESET_ON_FORK", libc::SCHED_RESET_ON_FORK as i64),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("posix")?;
    let d = module::dict_of(&m);
    dict::set_item_str(
        &d,
        "__doc__",
        &pystr::new("This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls."),
    )?;
    add_functions(&d, &m, &functions())?;
    for (n, v) in CONSTANTS.iter().chain(linux::CONSTANTS) {
        dict::set_item_str(&d, n, &int::from_i64(*v))?;
    }
    dict::set_item_str(&d, "environ", &environ::environ_dict()?)?;
    dict::set_item_str(&d, "error", &type_::type_obj(exceptions::OSError()))?;
    dict::set_item_str(&d, "stat_result", &stat::stat_result_type()?)?;
    dict::set_item_str(&d, "statvfs_result", &stat::statvfs_result_type()?)?;
    dict::set_item_str(&d, "terminal_size", &fileops::terminal_size_type()?)?;
    dict::set_item_str(&d, "times_result", &process::times_result_type()?)?;
    dict::set_item_str(&d, "uname_result", &process::uname_result_type()?)?;
    dict::set_item_str(&d, "DirEntry", &scandir::init_types()?)?;
    dict::set_item_str(&d, "sysconf_names", &process::names_dict(names::SYSCONF_NAMES)?)?;
    dict::set_item_str(&d, "confstr_names", &process::names_dict(names::CONFSTR_NAMES)?)?;
    dict::set_item_str(&d, "pathconf_names", &process::names_dict(names::PATHCONF_NAMES)?)?;
    let have = list::from_vec(HAVE.iter().map(|n| pystr::new(n)).collect());
    dict::set_item_str(&d, "_have_functions", &have)?;
    Ok(m)
}
