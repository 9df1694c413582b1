//! `_stat`: the native half of Lib/stat.py — the mode bits, the S_IS*
//! tests and `filemode` (which shows a mode with no known file type as
//! `?`, where stat.py's fallback shows `-`), and the flag and index
//! constants.

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bool_, dict, int, module, str as pystr};
use krait_runtime::{bail, PyResult};

const S_IFMT: u32 = 0o170000;
const S_IFSOCK: u32 = 0o140000;
const S_IFLNK: u32 = 0o120000;
const S_IFREG: u32 = 0o100000;
const S_IFBLK: u32 = 0o060000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFIFO: u32 = 0o010000;
const S_ISUID: u32 = 0o4000;
const S_ISGID: u32 = 0o2000;
const S_ISVTX: u32 = 0o1000;

/// A mode argument as CPython converts it: an int (no __index__) that
/// fits an unsigned long, then a mode_t.
fn mode_arg(o: &Obj) -> PyResult<u32> {
    if !int::is_int(o) {
        bail!(TypeError, "an integer is required");
    }
    if int::sign(o) < 0 {
        bail!(OverflowError, "can't convert negative value to unsigned int");
    }
    let Some(v) = int::as_u64(o) else { bail!(OverflowError, "Python int too large to convert to C unsigned long") };
    u32::try_from(v).map_err(|_| krait_runtime::raise!(OverflowError, "mode out of range"))
}

/// One S_IS* test: the file type bits equal `kind` (0: a type Linux has
/// not, never true).
fn is_type(fname: &str, args: &[Obj], kw: Option<&Obj>, kind: u32) -> PyResult<Obj> {
    check_nargs(fname, args, kw, 1, 1)?;
    let mode = mode_arg(&args[0])?;
    Ok(bool_::from_bool(kind != 0 && mode & S_IFMT == kind))
}

macro_rules! type_tests {
    ($($f:ident $name:literal $kind:expr;)*) => {
        $(fn $f(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> { is_type($name, a, k, $kind) })*
    };
}

type_tests! {
    s_isdir "_stat.S_ISDIR" S_IFDIR;
    s_ischr "_stat.S_ISCHR" S_IFCHR;
    s_isblk "_stat.S_ISBLK" S_IFBLK;
    s_isreg "_stat.S_ISREG" S_IFREG;
    s_isfifo "_stat.S_ISFIFO" S_IFIFO;
    s_islnk "_stat.S_ISLNK" S_IFLNK;
    s_issock "_stat.S_ISSOCK" S_IFSOCK;
    s_isdoor "_stat.S_ISDOOR" 0;
    s_isport "_stat.S_ISPORT" 0;
    s_iswht "_stat.S_ISWHT" 0;
}

fn s_imode(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_stat.S_IMODE", a, k, 1, 1)?;
    Ok(int::from_i64((mode_arg(&a[0])? & 0o7777) as i64))
}

fn s_ifmt(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_stat.S_IFMT", a, k, 1, 1)?;
    Ok(int::from_i64((mode_arg(&a[0])? & S_IFMT) as i64))
}

/// `ls -l`'s view of a mode: the type letter, then rwx for user, group
/// and others with the set-id and sticky bits folded into the x places.
fn filemode(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_stat.filemode", a, k, 1, 1)?;
    let mode = mode_arg(&a[0])?;
    let kind = match mode & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // (shift of the rwx triple, special bit, letter when executable, when not)
    for (shift, special, on, off) in [(6, S_ISUID, 's', 'S'), (3, S_ISGID, 's', 'S'), (0, S_ISVTX, 't', 'T')] {
        let bits = (mode >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        let x = bits & 1 != 0;
        s.push(match (mode & special != 0, x) {
            (true, true) => on,
            (true, false) => off,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    Ok(pystr::new(&s))
}

const FUNCTIONS: &[MethodSpec] = &[
    method("S_ISDIR", s_isdir).with_doc("S_ISDIR(mode) -> bool\n\nWhether the mode is a directory's."),
    method("S_ISCHR", s_ischr).with_doc("S_ISCHR(mode) -> bool\n\nWhether the mode is a character device's."),
    method("S_ISBLK", s_isblk).with_doc("S_ISBLK(mode) -> bool\n\nWhether the mode is a block device's."),
    method("S_ISREG", s_isreg).with_doc("S_ISREG(mode) -> bool\n\nWhether the mode is a regular file's."),
    method("S_ISFIFO", s_isfifo).with_doc("S_ISFIFO(mode) -> bool\n\nWhether the mode is a FIFO's (named pipe)."),
    method("S_ISLNK", s_islnk).with_doc("S_ISLNK(mode) -> bool\n\nWhether the mode is a symbolic link's."),
    method("S_ISSOCK", s_issock).with_doc("S_ISSOCK(mode) -> bool\n\nWhether the mode is a socket's."),
    method("S_ISDOOR", s_isdoor).with_doc("S_ISDOOR(mode) -> bool\n\nWhether the mode is a door's (a Solaris file type: never here)."),
    method("S_ISPORT", s_isport).with_doc("S_ISPORT(mode) -> bool\n\nWhether the mode is an event port's (a Solaris file type: never here)."),
    method("S_ISWHT", s_iswht).with_doc("S_ISWHT(mode) -> bool\n\nWhether the mode is a whiteout's (a BSD file type: never here)."),
    method("S_IMODE", s_imode).with_doc("The permission bits of the mode (those os.chmod() sets)."),
    method("S_IFMT", s_ifmt).with_doc("The file type bits of the mode."),
    method("filemode", filemode).with_doc("The mode as `ls -l` shows it, such as '-rw-r--r--'."),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_stat")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "__doc__", &pystr::new("File mode bits and the tests on them that Lib/stat.py builds on."))?;
    let consts: [(&str, u32); 51] = [
        ("S_IFDIR", S_IFDIR),
        ("S_IFCHR", S_IFCHR),
        ("S_IFBLK", S_IFBLK),
        ("S_IFREG", S_IFREG),
        ("S_IFIFO", S_IFIFO),
        ("S_IFLNK", S_IFLNK),
        ("S_IFSOCK", S_IFSOCK),
        ("S_IFDOOR", 0),
        ("S_IFPORT", 0),
        ("S_IFWHT", 0),
        ("S_ISUID", S_ISUID),
        ("S_ISGID", S_ISGID),
        ("S_ISVTX", S_ISVTX),
        ("S_ENFMT", S_ISGID),
        ("S_IREAD", 0o400),
        ("S_IWRITE", 0o200),
        ("S_IEXEC", 0o100),
        ("S_IRWXU", 0o700),
        ("S_IRUSR", 0o400),
        ("S_IWUSR", 0o200),
        ("S_IXUSR", 0o100),
        ("S_IRWXG", 0o070),
        ("S_IRGRP", 0o040),
        ("S_IWGRP", 0o020),
        ("S_IXGRP", 0o010),
        ("S_IRWXO", 0o007),
        ("S_IROTH", 0o004),
        ("S_IWOTH", 0o002),
        ("S_IXOTH", 0o001),
        // The BSD file flags (os.chflags), defined everywhere.
        ("UF_NODUMP", 0x1),
        ("UF_IMMUTABLE", 0x2),
        ("UF_APPEND", 0x4),
        ("UF_OPAQUE", 0x8),
        ("UF_NOUNLINK", 0x10),
        ("UF_COMPRESSED", 0x20),
        ("UF_HIDDEN", 0x8000),
        ("SF_ARCHIVED", 0x10000),
        ("SF_IMMUTABLE", 0x20000),
        ("SF_APPEND", 0x40000),
        ("SF_NOUNLINK", 0x100000),
        ("SF_SNAPSHOT", 0x200000),
        // Indices into os.stat()'s tuple.
        ("ST_MODE", 0),
        ("ST_INO", 1),
        ("ST_DEV", 2),
        ("ST_NLINK", 3),
        ("ST_UID", 4),
        ("ST_GID", 5),
        ("ST_SIZE", 6),
        ("ST_ATIME", 7),
        ("ST_MTIME", 8),
        ("ST_CTIME", 9),
    ];
    for (name, v) in consts {
        dict::set_item_str(&d, name, &int::from_i64(v as i64))?;
    }
    Ok(m)
}
