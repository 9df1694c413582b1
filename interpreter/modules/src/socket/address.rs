//! Socket addresses: Python address objects to `sockaddr` (AF_INET
//! `(host, port)`, AF_INET6 `(host, port, flowinfo, scope_id)`, AF_UNIX
//! paths including Linux's abstract namespace) and back, host names
//! resolved as CPython's setipaddr does, and the inet_* conversions.

use super::resolve::gai_error;
use crate::posix::args::{errno, os_error, positional};
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::Obj;
use krait_runtime::types::buffer;
use krait_runtime::types::{bytearray, bytes, int, str as pystr, tuple};

extern "C" {
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    fn inet_ntop(af: libc::c_int, src: *const libc::c_void, dst: *mut libc::c_char, size: libc::socklen_t) -> *const libc::c_char;
}

/// A `sockaddr_storage` with its used length.
pub struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub fn new() -> SockAddr {
        SockAddr {
            storage: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    pub fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const libc::sockaddr_storage as *const libc::sockaddr
    }
    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut libc::sockaddr_storage as *mut libc::sockaddr
    }
}

/// PyUnicode_FSConverter: str (filesystem-encoded) or bytes.
pub fn fs_converter(o: &Obj) -> PyResult<Vec<u8>> {
    if pystr::is_str(o) {
        return crate::posix::args::fs_encode(o);
    }
    if bytes::is_bytes(o) {
        return Ok(bytes::as_slice(o).to_vec());
    }
    bail!(TypeError, "expected str, bytes or os.PathLike object, not {}", o.ty().name())
}

/// A host name argument as CPython's idna_converter: ASCII str, str
/// encoded with the "idna" codec, bytes or bytearray.
pub fn host_bytes(o: &Obj) -> PyResult<Vec<u8>> {
    let v = if pystr::is_str(o) {
        if pystr::is_ascii(o) {
            pystr::to_string_lossy(o).into_bytes()
        } else {
            let r = krait_runtime::codecs::encode(o, "idna", None)?;
            r
        }
    } else if bytes::is_bytes(o) {
        bytes::as_slice(o).to_vec()
    } else if bytearray::is_bytearray(o) {
        bytearray::data(o).to_vec()
    } else {
        bail!(TypeError, "str, bytes or bytearray expected, not {}", o.ty().name());
    };
    if v.contains(&0) {
        bail!(TypeError, "host name must not contain null character");
    }
    Ok(v)
}

fn port_of(o: &Obj, caller: &str, tuple_msg: &str) -> PyResult<u16> {
    if krait_runtime::types::float::is_float(o) {
        bail!(TypeError, "integer argument expected, got float");
    }
    let i = match int::index_raw(o) {
        Ok(i) => i,
        Err(e) => {
            let _ = tuple_msg;
            return Err(e);
        }
    };
    match int::as_i64(&i) {
        Some(p) if (0..=0xffff).contains(&p) => Ok(p as u16),
        _ => bail!(OverflowError, "{}(): port must be 0-65535.", caller),
    }
}

/// Resolves `name` for `family` (AF_INET or AF_INET6) into `out`, as
/// CPython's setipaddr: "" is the wildcard address, "<broadcast>" the IPv4
/// broadcast address, numeric addresses are parsed directly, other names go
/// through getaddrinfo.
pub fn set_ipaddr(name: &[u8], family: i32, out: &mut SockAddr) -> PyResult<()> {
    let ask = |node: Option<&[u8]>, fam: i32, flags: i32, out: &mut SockAddr| -> PyResult<()> {
        let cnode = node.map(|n| std::ffi::CString::new(n).unwrap());
        let port0 = std::ffi::CString::new("0").unwrap();
        let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
        hints.ai_family = fam;
        hints.ai_socktype = libc::SOCK_DGRAM;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let np = cnode.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        let sp = if node.is_none() { port0.as_ptr() } else { std::ptr::null() };
        let (r, e) = krait_runtime::gil::allow_threads(|| {
            let r = unsafe { libc::getaddrinfo(np, sp, &hints, &mut res) };
            (r, errno())
        });
        if r != 0 {
            return Err(gai_error(r, e));
        }
        unsafe {
            let ai = &*res;
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, out.as_mut_ptr() as *mut u8, n);
            out.len = n as libc::socklen_t;
            libc::freeaddrinfo(res);
        }
        Ok(())
    };
    if name.is_empty() {
        ask(None, family, libc::AI_PASSIVE, out)?;
        let got = out.storage.ss_family as i32;
        if got != family && family != libc::AF_UNSPEC {
            bail!(OSError, "wildcard resolved to multiple address");
        }
        return Ok(());
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            bail!(OSError, "address family mismatched");
        }
        put_v4(out, u32::MAX.to_be());
        return Ok(());
    }
    let s = String::from_utf8_lossy(name).into_owned();
    if family == libc::AF_INET || family == libc::AF_UNSPEC {
        if let Ok(a) = s.parse::<std::net::Ipv4Addr>() {
            put_v4(out, u32::from(a).to_be());
            return Ok(());
        }
    }
    if family == libc::AF_INET6 || family == libc::AF_UNSPEC {
        if let Ok(a) = s.parse::<std::net::Ipv6Addr>() {
            let sin6 = out.as_mut_ptr() as *mut libc::sockaddr_in6;
            unsafe {
                (*sin6).sin6_family = libc::AF_INET6 as libc::sa_family_t;
                (*sin6).sin6_addr.s6_addr = a.octets();
            }
            out.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            return Ok(());
        }
    }
    ask(Some(name), family, 0, out)
}

fn put_v4(out: &mut SockAddr, be: u32) {
    let sin = out.as_mut_ptr() as *mut libc::sockaddr_in;
    unsafe {
        (*sin).sin_family = libc::AF_INET as libc::sa_family_t;
        (*sin).sin_addr.s_addr = be;
    }
    out.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
}

/// A Python address for `family` as a sockaddr (CPython's getsockaddrarg);
/// `caller` names the method in messages.
pub fn parse_sockaddr(family: i32, o: &Obj, caller: &str) -> PyResult<SockAddr> {
    let mut sa = SockAddr::new();
    match family {
        libc::AF_UNIX => {
            let data: Vec<u8> = if pystr::is_str(o) {
                crate::posix::args::fs_encode(o)?
            } else {
                buffer::bytes_like(o)?.as_slice().to_vec()
            };
            let cap = 108usize;
            let abstract_ = data.is_empty() || data[0] == 0;
            if (abstract_ && data.len() > cap) || (!abstract_ && data.len() >= cap) {
                bail!(OSError, "AF_UNIX path too long");
            }
            let un = sa.as_mut_ptr() as *mut libc::sockaddr_un;
            unsafe {
                (*un).sun_family = libc::AF_UNIX as libc::sa_family_t;
                for (i, b) in data.iter().enumerate() {
                    (*un).sun_path[i] = *b as libc::c_char;
                }
            }
            sa.len = (std::mem::size_of::<libc::sa_family_t>() + data.len()) as libc::socklen_t;
            Ok(sa)
        }
        libc::AF_INET => {
            if !tuple::is_tuple(o) {
                bail!(TypeError, "{}(): AF_INET address must be tuple, not {}", caller, o.ty().name());
            }
            let it = tuple::items(o);
            if it.len() != 2 {
                bail!(TypeError, "AF_INET address must be a pair (host, port)");
            }
            let host = host_bytes(&it[0])?;
            let port = port_of(&it[1], caller, "")?;
            set_ipaddr(&host, libc::AF_INET, &mut sa)?;
            let sin = sa.as_mut_ptr() as *mut libc::sockaddr_in;
            unsafe { (*sin).sin_port = port.to_be() };
            sa.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            Ok(sa)
        }
        libc::AF_INET6 => {
            if !tuple::is_tuple(o) {
                bail!(TypeError, "{}(): AF_INET6 address must be tuple, not {}", caller, o.ty().name());
            }
            let it = tuple::items(o);
            if it.len() < 2 || it.len() > 4 {
                bail!(TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            }
            let host = host_bytes(&it[0])?;
            let port = port_of(&it[1], caller, "")?;
            let flowinfo = match it.get(2) {
                Some(f) => uint_of(f)?,
                None => 0,
            };
            let scope = match it.get(3) {
                Some(f) => uint_of(f)?,
                None => 0,
            };
            if flowinfo > 0xfffff {
                bail!(OverflowError, "{}(): flowinfo must be 0-1048575.", caller);
            }
            set_ipaddr(&host, libc::AF_INET6, &mut sa)?;
            let sin6 = sa.as_mut_ptr() as *mut libc::sockaddr_in6;
            unsafe {
                (*sin6).sin6_port = port.to_be();
                (*sin6).sin6_flowinfo = flowinfo.to_be();
                (*sin6).sin6_scope_id = scope;
            }
            sa.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            Ok(sa)
        }
        _ => bail!(OSError, "{}(): bad family", caller),
    }
}

/// An unsigned int item ("I" format: no overflow check beyond the C type).
fn uint_of(o: &Obj) -> PyResult<u32> {
    if krait_runtime::types::float::is_float(o) {
        bail!(TypeError, "integer argument expected, got float");
    }
    let i = int::index_raw(o)?;
    let v = int::to_bigint(&i);
    let m: num_bigint::BigInt = v & num_bigint::BigInt::from(u32::MAX);
    Ok(u32::try_from(m).unwrap_or(0))
}

pub fn ipv4_str(be: u32) -> String {
    std::net::Ipv4Addr::from(u32::from_be(be)).to_string()
}

pub fn ipv6_str(b: [u8; 16]) -> String {
    let mut buf = [0 as libc::c_char; 64];
    unsafe {
        inet_ntop(libc::AF_INET6, b.as_ptr() as *const libc::c_void, buf.as_mut_ptr(), 64);
        std::ffi::CStr::from_ptr(buf.as_ptr()).to_string_lossy().into_owned()
    }
}

/// A sockaddr as the Python address for its family (CPython's
/// makesockaddr).
pub fn make_sockaddr(sa: &SockAddr, _family: i32) -> PyResult<Obj> {
    if sa.len == 0 {
        return Ok(krait_runtime::types::none::none());
    }
    let fam = sa.storage.ss_family as i32;
    match fam {
        libc::AF_INET => {
            let sin = sa.as_ptr() as *const libc::sockaddr_in;
            let (addr, port) = unsafe { ((*sin).sin_addr.s_addr, u16::from_be((*sin).sin_port)) };
            Ok(tuple::from_vec(vec![pystr::new(&ipv4_str(addr)), int::from_i64(port as i64)]))
        }
        libc::AF_INET6 => {
            let s6 = sa.as_ptr() as *const libc::sockaddr_in6;
            unsafe {
                Ok(tuple::from_vec(vec![
                    pystr::new(&ipv6_str((*s6).sin6_addr.s6_addr)),
                    int::from_i64(u16::from_be((*s6).sin6_port) as i64),
                    int::from_i64(u32::from_be((*s6).sin6_flowinfo) as i64),
                    int::from_i64((*s6).sin6_scope_id as i64),
                ]))
            }
        }
        libc::AF_UNIX => {
            let un = sa.as_ptr() as *const libc::sockaddr_un;
            let off = std::mem::size_of::<libc::sa_family_t>();
            let n = (sa.len as usize).saturating_sub(off).min(108);
            let path: &[u8] = unsafe { std::slice::from_raw_parts((*un).sun_path.as_ptr() as *const u8, n) };
            if n > 0 && path[0] == 0 {
                return Ok(bytes::new(path));
            }
            let end = path.iter().position(|&b| b == 0).unwrap_or(n);
            crate::posix::args::fs_decode(&path[..end])
        }
        _ => {
            // Unknown families: (family, raw address bytes) as CPython.
            let off = std::mem::size_of::<libc::sa_family_t>();
            let n = (sa.len as usize).saturating_sub(off).min(14);
            let data: &[u8] = unsafe { std::slice::from_raw_parts((sa.as_ptr() as *const u8).add(off), n) };
            Ok(tuple::from_vec(vec![int::from_i64(fam as i64), bytes::new(data)]))
        }
    }
}

// --- inet_* ------------------------------------------------------------------------

/// inet_aton's lenient IPv4 parsing (1-4 parts, octal and hex), as glibc's.
fn aton(s: &str) -> Option<u32> {
    let c = std::ffi::CString::new(s).ok()?;
    let mut a = libc::in_addr { s_addr: 0 };
    extern "C" {
        fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    }
    if unsafe { inet_aton(c.as_ptr(), &mut a) } != 0 {
        Some(a.s_addr)
    } else {
        None
    }
}

fn str_arg(fname: &str, argn: usize, o: &Obj) -> PyResult<String> {
    if !pystr::is_str(o) {
        bail!(TypeError, "{}() argument {} must be str, not {}", fname, argn, o.ty().name());
    }
    let s = pystr::to_string_lossy(o);
    if s.contains('\0') {
        bail!(ValueError, "embedded null character");
    }
    Ok(s)
}

pub fn f_inet_aton(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("inet_aton", a, kw, 1, 1)?;
    let s = str_arg("inet_aton", 1, &a[0])?;
    match aton(&s) {
        Some(v) => Ok(bytes::new(&v.to_ne_bytes())),
        None => bail!(OSError, "illegal IP address string passed to inet_aton"),
    }
}

pub fn f_inet_ntoa(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("inet_ntoa", a, kw, 1, 1)?;
    let b = buffer::bytes_like(&a[0])?;
    let d = b.as_slice();
    if d.len() != 4 {
        bail!(OSError, "packed IP wrong length for inet_ntoa");
    }
    Ok(pystr::new(&format!("{}.{}.{}.{}", d[0], d[1], d[2], d[3])))
}

pub fn f_inet_pton(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("inet_pton", a, kw, 2, 2)?;
    let af = crate::posix::args::to_int(&a[0])?;
    let s = str_arg("inet_pton", 2, &a[1])?;
    let c = std::ffi::CString::new(s).unwrap();
    let mut buf = [0u8; 16];
    let r = unsafe { inet_pton(af, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_void) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    if r == 0 {
        bail!(OSError, "illegal IP address string passed to inet_pton");
    }
    let n = if af == libc::AF_INET { 4 } else { 16 };
    Ok(bytes::new(&buf[..n]))
}

pub fn f_inet_ntop(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("inet_ntop", a, kw, 2, 2)?;
    let af = crate::posix::args::to_int(&a[0])?;
    let b = buffer::bytes_like(&a[1])?;
    let d = b.as_slice();
    let want = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => bail!(ValueError, "unknown address family {}", af),
    };
    if d.len() != want {
        bail!(ValueError, "invalid length of packed IP address string");
    }
    let mut out = [0 as libc::c_char; 64];
    let r = unsafe { inet_ntop(af, d.as_ptr() as *const libc::c_void, out.as_mut_ptr(), 64) };
    if r.is_null() {
        return Err(os_error(errno(), None, None));
    }
    Ok(pystr::new(&unsafe { std::ffi::CStr::from_ptr(out.as_ptr()) }.to_string_lossy()))
}
