//! Name resolution for `_socket`: getaddrinfo/getnameinfo, the
//! gethostby* family (through glibc's reentrant calls), services and
//! protocols, host names, and the `herror`/`gaierror` exceptions.

use super::address::{host_bytes, ipv4_str, ipv6_str, make_sockaddr, set_ipaddr, SockAddr};
use crate::posix::args::{clinic, errno, os_error, positional};
use crate::Keep;
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::gil::allow_threads;
use krait_runtime::object::Obj;
use krait_runtime::types::{bytes, exceptions, int, list, none, str as pystr, tuple, type_};
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};

static HERROR: Keep = Keep::new();
static GAIERROR: Keep = Keep::new();

pub fn herror() -> PyResult<Obj> {
    HERROR.get_or_init(|| crate::new_exception_type("socket.herror", exceptions::OSError()))
}

pub fn gaierror() -> PyResult<Obj> {
    GAIERROR.get_or_init(|| crate::new_exception_type("socket.gaierror", exceptions::OSError()))
}

/// The error of a failed getaddrinfo/getnameinfo: `gaierror(code,
/// gai_strerror(code))`, or the OSError of errno for EAI_SYSTEM.
pub fn gai_error(code: i32, saved_errno: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return os_error(saved_errno, None, None);
    }
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    match gaierror() {
        Ok(t) => errors::raise_with(t.as_ptr() as *mut _, &[int::from_i64(code as i64), pystr::new(&msg)]),
        Err(e) => e,
    }
}

extern "C" {
    fn gethostbyname_r(
        name: *const c_char,
        ret: *mut libc::hostent,
        buf: *mut c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut c_int,
    ) -> c_int;
    fn gethostbyaddr_r(
        addr: *const c_void,
        len: libc::socklen_t,
        ty: c_int,
        ret: *mut libc::hostent,
        buf: *mut c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut c_int,
    ) -> c_int;
    fn hstrerror(err: c_int) -> *const c_char;
}

fn h_error(code: i32) -> PyErr {
    let msg = unsafe { CStr::from_ptr(hstrerror(code)) }.to_string_lossy().into_owned();
    match herror() {
        Ok(t) => errors::raise_with(t.as_ptr() as *mut _, &[int::from_i64(code as i64), pystr::new(&msg)]),
        Err(e) => e,
    }
}

fn cstr_vec(p: *mut *mut c_char) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if p.is_null() {
        return out;
    }
    unsafe {
        let mut q = p;
        while !(*q).is_null() {
            out.push(CStr::from_ptr(*q).to_bytes().to_vec());
            q = q.add(1);
        }
    }
    out
}

/// (name, aliases, addresses) of a hostent, as CPython's gethost_common.
fn host_triple(h: &libc::hostent) -> PyResult<Obj> {
    let name = unsafe { CStr::from_ptr(h.h_name) }.to_bytes().to_vec();
    let aliases: Vec<Obj> =
        cstr_vec(h.h_aliases).iter().map(|a| pystr::new(&String::from_utf8_lossy(a))).collect();
    let mut addrs = Vec::new();
    if !h.h_addr_list.is_null() {
        unsafe {
            let mut q = h.h_addr_list;
            while !(*q).is_null() {
                let p = *q as *const u8;
                if h.h_addrtype == libc::AF_INET {
                    let mut b = [0u8; 4];
                    std::ptr::copy_nonoverlapping(p, b.as_mut_ptr(), 4);
                    addrs.push(pystr::new(&ipv4_str(u32::from_ne_bytes(b))));
                } else if h.h_addrtype == libc::AF_INET6 {
                    let mut b = [0u8; 16];
                    std::ptr::copy_nonoverlapping(p, b.as_mut_ptr(), 16);
                    addrs.push(pystr::new(&ipv6_str(b)));
                }
                q = q.add(1);
            }
        }
    }
    Ok(tuple::from_vec(vec![
        pystr::new(&String::from_utf8_lossy(&name)),
        list::from_vec(aliases),
        list::from_vec(addrs),
    ]))
}

pub fn f_gethostbyname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("gethostbyname", a, kw, 1, 1)?;
    krait_runtime::modules::sys::audit("socket.gethostbyname", &[a[0].clone()])?;
    let name = host_bytes(&a[0])?;
    let mut sa = SockAddr::new();
    set_ipaddr(&name, libc::AF_INET, &mut sa)?;
    let sin = sa.as_ptr() as *const libc::sockaddr_in;
    Ok(pystr::new(&ipv4_str(unsafe { (*sin).sin_addr.s_addr })))
}

pub fn f_gethostbyname_ex(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("gethostbyname_ex", a, kw, 1, 1)?;
    let name = host_bytes(&a[0])?;
    let mut sa = SockAddr::new();
    set_ipaddr(&name, libc::AF_INET, &mut sa)?;
    let c = CString::new(name).unwrap();
    let mut he: libc::hostent = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as c_char; 16384];
    let mut res: *mut libc::hostent = std::ptr::null_mut();
    let mut herr: c_int = 0;
    let (hp, bp, rp, ep) = (&mut he as *mut _ as usize, buf.as_mut_ptr() as usize, &mut res as *mut _ as usize, &mut herr as *mut _ as usize);
    let blen = buf.len();
    allow_threads(|| unsafe {
        gethostbyname_r(c.as_ptr(), hp as *mut _, bp as *mut _, blen, rp as *mut _, ep as *mut _);
    });
    if res.is_null() {
        return Err(h_error(herr));
    }
    host_triple(unsafe { &*res })
}

pub fn f_gethostbyaddr(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("gethostbyaddr", a, kw, 1, 1)?;
    let name = host_bytes(&a[0])?;
    let mut sa = SockAddr::new();
    set_ipaddr(&name, libc::AF_UNSPEC, &mut sa)?;
    let fam = sa.storage.ss_family as i32;
    let (ap, alen): (*const c_void, libc::socklen_t) = unsafe {
        if fam == libc::AF_INET6 {
            let s6 = sa.as_ptr() as *const libc::sockaddr_in6;
            (&(*s6).sin6_addr as *const _ as *const c_void, 16)
        } else {
            let s4 = sa.as_ptr() as *const libc::sockaddr_in;
            (&(*s4).sin_addr as *const _ as *const c_void, 4)
        }
    };
    let mut he: libc::hostent = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as c_char; 16384];
    let mut res: *mut libc::hostent = std::ptr::null_mut();
    let mut herr: c_int = 0;
    let (app, hp, bp, rp, ep) = (ap as usize, &mut he as *mut _ as usize, buf.as_mut_ptr() as usize, &mut res as *mut _ as usize, &mut herr as *mut _ as usize);
    let blen = buf.len();
    allow_threads(|| unsafe {
        gethostbyaddr_r(app as *const c_void, alen, fam, hp as *mut _, bp as *mut _, blen, rp as *mut _, ep as *mut _);
    });
    if res.is_null() {
        return Err(h_error(herr));
    }
    host_triple(unsafe { &*res })
}

pub fn f_gethostname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("gethostname", a, kw, 0, 0)?;
    krait_runtime::modules::sys::audit("socket.gethostname", &[])?;
    let mut buf = [0 as c_char; 1024];
    let r = unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    crate::posix::args::fs_decode(unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes())
}

pub fn f_sethostname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("sethostname", a, kw, 1, 1)?;
    let name = super::address::fs_converter(&a[0])?;
    let r = unsafe { libc::sethostname(name.as_ptr() as *const c_char, name.len()) };
    if r < 0 {
        return Err(os_error(errno(), None, None));
    }
    Ok(none::none())
}

fn opt_cstring(o: Option<&Obj>, fname: &str) -> PyResult<Option<CString>> {
    match o {
        None => Ok(None),
        Some(x) if none::is_none(x) => Ok(None),
        Some(x) if pystr::is_str(x) => {
            let s = pystr::to_string_lossy(x);
            match CString::new(s) {
                Ok(c) => Ok(Some(c)),
                Err(_) => bail!(ValueError, "embedded null character"),
            }
        }
        Some(x) => bail!(TypeError, "{}() argument 2 must be str or None, not {}", fname, x.ty().name()),
    }
}

pub fn f_getservbyname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("getservbyname", a, kw, &["servicename", "protocolname"], 2, 2, 1)?;
    let name = v[0].as_ref().unwrap();
    if !pystr::is_str(name) {
        bail!(TypeError, "getservbyname() argument 1 must be str, not {}", name.ty().name());
    }
    let cn = CString::new(pystr::to_string_lossy(name)).map_err(|_| errors::raise(exceptions::ValueError(), "embedded null character"))?;
    let cp = opt_cstring(v[1].as_ref(), "getservbyname")?;
    let sp = unsafe { libc::getservbyname(cn.as_ptr(), cp.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if sp.is_null() {
        bail!(OSError, "service/proto not found");
    }
    Ok(int::from_i64(u16::from_be(unsafe { (*sp).s_port } as u16) as i64))
}

pub fn f_getservbyport(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("getservbyport", a, kw, &["port", "protocolname"], 2, 2, 1)?;
    let port = crate::posix::args::to_int(v[0].as_ref().unwrap())?;
    let cp = opt_cstring(v[1].as_ref(), "getservbyport")?;
    if !(0..=0xffff).contains(&port) {
        bail!(OverflowError, "getservbyport: port must be 0-65535.");
    }
    let sp = unsafe { libc::getservbyport((port as u16).to_be() as c_int, cp.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if sp.is_null() {
        bail!(OSError, "port/proto not found");
    }
    Ok(pystr::new(&unsafe { CStr::from_ptr((*sp).s_name) }.to_string_lossy()))
}

pub fn f_getprotobyname(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("getprotobyname", a, kw, 1, 1)?;
    if !pystr::is_str(&a[0]) {
        bail!(TypeError, "getprotobyname() argument must be str, not {}", a[0].ty().name());
    }
    let cn = CString::new(pystr::to_string_lossy(&a[0])).map_err(|_| errors::raise(exceptions::ValueError(), "embedded null character"))?;
    let pp = unsafe { libc::getprotobyname(cn.as_ptr()) };
    if pp.is_null() {
        bail!(OSError, "protocol not found");
    }
    Ok(int::from_i64(unsafe { (*pp).p_proto } as i64))
}

fn int_or_zero(o: &Option<Obj>) -> PyResult<i32> {
    match o {
        Some(x) => crate::posix::args::to_int(x),
        None => Ok(0),
    }
}

pub fn f_getaddrinfo(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = clinic("getaddrinfo", a, kw, &["host", "port", "family", "type", "proto", "flags"], 0, 6, 2)?;
    let host = v[0].as_ref().unwrap();
    let hb: Option<Vec<u8>> = if none::is_none(host) {
        None
    } else if pystr::is_str(host) || bytes::is_bytes(host) {
        Some(host_bytes(host)?)
    } else {
        bail!(TypeError, "getaddrinfo() argument 1 must be string or None");
    };
    let port = v[1].as_ref().unwrap();
    let pb: Option<Vec<u8>> = if int::is_int(port) {
        Some(krait_runtime::ops::str_of(port).map(|s| pystr::to_string_lossy(&s).into_bytes())?)
    } else if pystr::is_str(port) {
        Some(pystr::to_string_lossy(port).into_bytes())
    } else if bytes::is_bytes(port) {
        Some(bytes::as_slice(port).to_vec())
    } else if none::is_none(port) {
        None
    } else {
        bail!(OSError, "Int or String expected");
    };
    let family = int_or_zero(&v[2])?;
    let socktype = int_or_zero(&v[3])?;
    let proto = int_or_zero(&v[4])?;
    let flags = int_or_zero(&v[5])?;
    let ch = match hb.map(CString::new) {
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => bail!(ValueError, "embedded null character"),
        None => None,
    };
    let cp = match pb.map(CString::new) {
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => bail!(ValueError, "embedded null character"),
        None => None,
    };
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let hp = ch.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()) as usize;
    let pp = cp.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()) as usize;
    let (hints_p, res_p) = (&hints as *const _ as usize, &mut res as *mut _ as usize);
    let (r, e) = allow_threads(|| {
        let r = unsafe {
            libc::getaddrinfo(hp as *const c_char, pp as *const c_char, hints_p as *const libc::addrinfo, res_p as *mut *mut libc::addrinfo)
        };
        (r, errno())
    });
    if r != 0 {
        return Err(gai_error(r, e));
    }
    let mut out = Vec::new();
    let mut p = res;
    let r = (|| -> PyResult<()> {
        while !p.is_null() {
            let ai = unsafe { &*p };
            let mut sa = SockAddr::new();
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, sa.as_mut_ptr() as *mut u8, n) };
            sa.len = n as libc::socklen_t;
            let addr = make_sockaddr(&sa, ai.ai_family)?;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
            };
            out.push(tuple::from_vec(vec![
                int::from_i64(ai.ai_family as i64),
                int::from_i64(ai.ai_socktype as i64),
                int::from_i64(ai.ai_protocol as i64),
                pystr::new(&canon),
                addr,
            ]));
            p = ai.ai_next;
        }
        Ok(())
    })();
    unsafe { libc::freeaddrinfo(res) };
    r?;
    Ok(list::from_vec(out))
}

pub fn f_getnameinfo(_m: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    positional("getnameinfo", a, kw, 2, 2)?;
    let sa_o = &a[0];
    let flags = crate::posix::args::to_int(&a[1])?;
    if !tuple::is_tuple(sa_o) {
        bail!(TypeError, "getnameinfo() argument 1 must be a tuple");
    }
    let it = tuple::items(sa_o);
    if it.len() < 2 || it.len() > 4 || !pystr::is_str(&it[0]) {
        bail!(TypeError, "getnameinfo(): illegal sockaddr argument");
    }
    let host = pystr::to_string_lossy(&it[0]);
    let port = crate::posix::args::to_int(&it[1])?;
    let flowinfo = match it.get(2) {
        Some(x) => crate::posix::args::to_long(x)? as u32,
        None => 0,
    };
    let scope = match it.get(3) {
        Some(x) => crate::posix::args::to_long(x)? as u32,
        None => 0,
    };
    if flowinfo > 0xfffff {
        bail!(OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    }
    let ch = CString::new(host).map_err(|_| errors::raise(exceptions::ValueError(), "embedded null character"))?;
    let cp = CString::new(port.to_string()).unwrap();
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = libc::AF_UNSPEC;
    hints.ai_socktype = libc::SOCK_DGRAM;
    hints.ai_flags = libc::AI_NUMERICHOST;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let (r, e) = {
        let (hp, pp, hi, rp) = (ch.as_ptr() as usize, cp.as_ptr() as usize, &hints as *const _ as usize, &mut res as *mut _ as usize);
        allow_threads(|| {
            let r = unsafe { libc::getaddrinfo(hp as *const c_char, pp as *const c_char, hi as *const _, rp as *mut _) };
            (r, errno())
        })
    };
    if r != 0 {
        return Err(gai_error(r, e));
    }
    let mut sa = SockAddr::new();
    let multiple;
    unsafe {
        let ai = &*res;
        multiple = !ai.ai_next.is_null();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, sa.as_mut_ptr() as *mut u8, n);
        sa.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    if multiple {
        bail!(OSError, "sockaddr resolved to multiple addresses");
    }
    match sa.storage.ss_family as i32 {
        libc::AF_INET => {
            if it.len() != 2 {
                bail!(OSError, "IPv4 sockaddr must be 2 tuple");
            }
        }
        libc::AF_INET6 => {
            let s6 = sa.as_mut_ptr() as *mut libc::sockaddr_in6;
            unsafe {
                (*s6).sin6_flowinfo = flowinfo.to_be();
                (*s6).sin6_scope_id = scope;
            }
        }
        _ => {}
    }
    let mut hbuf = [0 as c_char; 1025];
    let mut sbuf = [0 as c_char; 32];
    let (sp, sl, hp, sp2) = (sa.as_ptr() as usize, sa.len, hbuf.as_mut_ptr() as usize, sbuf.as_mut_ptr() as usize);
    let (r, e) = allow_threads(|| {
        let r = unsafe {
            libc::getnameinfo(sp as *const libc::sockaddr, sl, hp as *mut c_char, 1025, sp2 as *mut c_char, 32, flags)
        };
        (r, errno())
    });
    if r != 0 {
        return Err(gai_error(r, e));
    }
    let h = unsafe { CStr::from_ptr(hbuf.as_ptr()) }.to_string_lossy().into_owned();
    let s = unsafe { CStr::from_ptr(sbuf.as_ptr()) }.to_string_lossy().into_owned();
    let _ = type_::type_obj;
    Ok(tuple::from_vec(vec![pystr::new(&h), pystr::new(&s)]))
}
