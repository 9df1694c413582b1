//! The `builtins` module.

pub mod async_iter;
mod docs;
pub mod iterators;

use crate::errors::PyResult;
use crate::object::{Obj, PyTypeObject};
use crate::types::builtin_func::{check_nargs, method, parse_args, MethodSpec};
use crate::types::exceptions as exc;
use crate::types::{bool_, dict, int, list, none, str as pystr, tuple, type_};
use krait_bytecode::CompareOp;

pub fn is_callable(o: &Obj) -> bool {
    o.ty().tp_call.is_some()
}

/// `ascii(o)`: repr with non-ASCII characters escaped.
pub fn ascii_of(o: &Obj) -> PyResult<Obj> {
    let r = crate::ops::repr(o)?;
    if pystr::is_ascii(&r) {
        return Ok(r);
    }
    let mut s = String::new();
    for c in pystr::chars(&r) {
        if c < 128 {
            s.push(c as u8 as char);
        } else if c <= 0xff {
            s.push_str(&format!("\\x{:02x}", c));
        } else if c <= 0xffff {
            s.push_str(&format!("\\u{:04x}", c));
        } else {
            s.push_str(&format!("\\U{:08x}", c));
        }
    }
    Ok(pystr::new(&s))
}

fn b_print(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut sep = None;
    let mut end = None;
    let mut file = None;
    let mut flush = false;
    if let Some(k) = kw {
        for (i, key) in tuple::items(k).iter().enumerate() {
            let v = &args[npos + i];
            match pystr::to_string_lossy(key).as_str() {
                "sep" => sep = Some(v.clone()),
                "end" => end = Some(v.clone()),
                "file" => file = Some(v.clone()),
                "flush" => flush = crate::ops::truthy(v)?,
                other => crate::bail!(TypeError, "'{}' is an invalid keyword argument for print()", other),
            }
        }
    }
    let check = |name: &str, v: &Option<Obj>| -> PyResult<Option<Obj>> {
        match v {
            Some(x) if none::is_none(x) => Ok(None),
            Some(x) if pystr::is_str(x) => Ok(Some(x.clone())),
            Some(x) => crate::bail!(TypeError, "{} must be None or a string, not {}", name, x.ty().name()),
            None => Ok(None),
        }
    };
    let sep = check("sep", &sep)?.unwrap_or_else(|| pystr::intern_static(" "));
    let end = check("end", &end)?.unwrap_or_else(|| pystr::intern_static("\n"));
    let file = match file.filter(|f| !none::is_none(f)) {
        Some(f) => f,
        None => match crate::modules::sys::get_attr("stdout") {
            Some(f) if !none::is_none(&f) => f,
            _ => return Ok(none::none()),
        },
    };
    let write = crate::ops::attr::getattr(&file, &pystr::intern_static("write"))?;
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            crate::ops::call::call(&write, &[sep.clone()], None)?;
        }
        crate::ops::call::call(&write, &[crate::ops::str_of(a)?], None)?;
    }
    crate::ops::call::call(&write, &[end], None)?;
    if flush {
        crate::ops::attr::call_method(&file, "flush", &[])?;
    }
    Ok(none::none())
}


fn b_len(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("len", args, kw, 1, 1)?;
    Ok(int::from_usize(crate::ops::len(&args[0])?))
}

fn b_repr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("repr", args, kw, 1, 1)?;
    crate::ops::repr(&args[0])
}

fn b_ascii(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("ascii", args, kw, 1, 1)?;
    ascii_of(&args[0])
}

fn b_isinstance(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("isinstance", args, kw, 2, 2)?;
    Ok(bool_::from_bool(crate::ops::isinstance::isinstance(&args[0], &args[1])?))
}

fn b_issubclass(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("issubclass", args, kw, 2, 2)?;
    Ok(bool_::from_bool(crate::ops::isinstance::issubclass(&args[0], &args[1])?))
}

fn attr_name<'a>(o: &'a Obj) -> PyResult<&'a Obj> {
    if !pystr::is_str(o) {
        crate::bail!(TypeError, "attribute name must be string, not '{}'", o.ty().name());
    }
    Ok(o)
}

fn b_getattr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getattr", args, kw, 2, 3)?;
    let name = attr_name(&args[1])?;
    if args.len() == 3 {
        return Ok(crate::ops::attr::getattr_opt(&args[0], name)?.unwrap_or_else(|| args[2].clone()));
    }
    crate::ops::attr::getattr(&args[0], name)
}

fn b_setattr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("setattr", args, kw, 3, 3)?;
    crate::ops::attr::setattr(&args[0], attr_name(&args[1])?, &args[2])?;
    Ok(none::none())
}

fn b_delattr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("delattr", args, kw, 2, 2)?;
    crate::ops::attr::delattr(&args[0], attr_name(&args[1])?)?;
    Ok(none::none())
}

fn b_hasattr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("hasattr", args, kw, 2, 2)?;
    let name = attr_name(&args[1])?;
    Ok(bool_::from_bool(crate::ops::attr::getattr_opt(&args[0], name)?.is_some()))
}

fn b_hash(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("hash", args, kw, 1, 1)?;
    Ok(int::from_i64(crate::ops::hash(&args[0])? as i64))
}

fn b_id(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("id", args, kw, 1, 1)?;
    Ok(int::from_usize(args[0].as_ptr() as usize))
}

fn b_callable(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("callable", args, kw, 1, 1)?;
    Ok(bool_::from_bool(is_callable(&args[0])))
}

fn b_iter(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("iter", args, kw, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(&args[0]) {
            crate::bail!(TypeError, "iter(v, w): v must be callable");
        }
        return Ok(crate::types::iter::new_call_iter(&args[0], &args[1]));
    }
    crate::ops::iter(&args[0])
}

fn b_next(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("next", args, kw, 1, 2)?;
    let it = &args[0];
    let f = match it.ty().tp_iternext {
        Some(f) => f,
        None => crate::bail!(TypeError, "'{}' object is not an iterator", it.ty().name()),
    };
    let r = unsafe { f(it.as_ptr()) };
    if !r.is_null() {
        return Ok(unsafe { Obj::from_owned(r) });
    }
    if crate::errors::occurred() {
        if args.len() == 2 && crate::errors::matches(exc::StopIteration()) {
            crate::errors::clear();
            return Ok(args[1].clone());
        }
        return Err(crate::errors::PyErr::already_set());
    }
    if args.len() == 2 {
        return Ok(args[1].clone());
    }
    Err(crate::errors::raise_empty(exc::StopIteration()))
}

fn b_abs(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("abs", args, kw, 1, 1)?;
    crate::ops::number::absolute(&args[0])
}

fn b_all(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("all", args, kw, 1, 1)?;
    let it = crate::ops::iter(&args[0])?;
    while let Some(x) = crate::ops::next(&it)? {
        if !crate::ops::truthy(&x)? {
            return Ok(bool_::from_bool(false));
        }
    }
    Ok(bool_::from_bool(true))
}

fn b_any(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("any", args, kw, 1, 1)?;
    let it = crate::ops::iter(&args[0])?;
    while let Some(x) = crate::ops::next(&it)? {
        if crate::ops::truthy(&x)? {
            return Ok(bool_::from_bool(true));
        }
    }
    Ok(bool_::from_bool(false))
}

fn radix(args: &[Obj], kw: Option<&Obj>, name: &str, prefix: &str, r: u32) -> PyResult<Obj> {
    check_nargs(name, args, kw, 1, 1)?;
    let i = int::index(&args[0])?;
    let b = int::to_bigint(&i);
    let neg = b.sign() == num_bigint::Sign::Minus;
    let mag = if neg { -b } else { b };
    Ok(pystr::new(&format!("{}{}{}", if neg { "-" } else { "" }, prefix, mag.to_str_radix(r))))
}
fn b_bin(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    radix(a, k, "bin", "0b", 2)
}
fn b_oct(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    radix(a, k, "oct", "0o", 8)
}
fn b_hex(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    radix(a, k, "hex", "0x", 16)
}

fn b_chr(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("chr", args, kw, 1, 1)?;
    if !int::is_int(&args[0]) && !crate::ops::number::has_index(&args[0]) {
        crate::bail!(TypeError, "'{}' object cannot be interpreted as an integer", args[0].ty().name());
    }
    let i = int::index(&args[0])?;
    match int::as_c_int(&i)? {
        v if (0..=0x10ffff).contains(&v) => Ok(pystr::from_char(v as u32)),
        _ => crate::bail!(ValueError, "chr() arg not in range(0x110000)"),
    }
}

fn b_ord(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("ord", args, kw, 1, 1)?;
    let a = &args[0];
    if pystr::is_str(a) {
        if pystr::len(a) != 1 {
            crate::bail!(TypeError, "ord() expected a character, but string of length {} found", pystr::len(a));
        }
        return Ok(int::from_i64(pystr::char_at(a, 0) as i64));
    }
    if let Some(b) = crate::types::bytes::as_slice_opt(a) {
        if b.len() != 1 {
            crate::bail!(TypeError, "ord() expected a character, but string of length {} found", b.len());
        }
        return Ok(int::from_i64(b[0] as i64));
    }
    if crate::types::bytearray::is_bytearray(a) {
        let b = crate::types::bytearray::data(a);
        if b.len() != 1 {
            crate::bail!(TypeError, "ord() expected a character, but string of length {} found", b.len());
        }
        return Ok(int::from_i64(b[0] as i64));
    }
    crate::bail!(TypeError, "ord() expected string of length 1, but {} found", a.ty().name())
}

fn b_divmod(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("divmod", args, kw, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let ta = a.type_ptr();
    let tb = b.type_ptr();
    unsafe {
        let get = |t: *mut PyTypeObject| if (*t).tp_as_number.is_null() { None } else { (*(*t).tp_as_number).nb_divmod };
        let sv = get(ta);
        let sw = if ta != tb { get(tb) } else { None };
        for f in [sv, sw].into_iter().flatten() {
            let r = crate::types::slots::from_ret(f(a.as_ptr(), b.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    crate::bail!(TypeError, "unsupported operand type(s) for divmod(): '{}' and '{}'", a.ty().name(), b.ty().name())
}

fn b_pow(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("pow", args, kw, &["base", "exp", "mod"], 2, 0)?;
    let m = a[2].clone().unwrap_or_else(none::none);
    crate::ops::number::power(a[0].as_ref().unwrap(), a[1].as_ref().unwrap(), &m, false)
}

fn b_round(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("round", args, kw, &["number", "ndigits"], 1, 0)?;
    let x = a[0].as_ref().unwrap();
    let f = match type_::lookup_str(x.type_ptr(), "__round__") {
        Some(f) => f,
        None => crate::bail!(TypeError, "type {} doesn't define __round__ method", x.ty().name()),
    };
    let bound = match f.ty().tp_descr_get {
        Some(g) => unsafe { crate::types::slots::from_ret(g(f.as_ptr(), x.as_ptr(), x.type_ptr() as *mut _))? },
        None => f,
    };
    match &a[1] {
        Some(n) if !none::is_none(n) => crate::ops::call::call(&bound, &[n.clone()], None),
        _ => crate::ops::call::call(&bound, &[], None),
    }
}

fn b_sum(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("sum", args, kw, &["iterable", "start"], 1, 1)?;
    let mut acc = a[1].clone().unwrap_or_else(|| int::from_i64(0));
    if pystr::is_str(&acc) {
        crate::bail!(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if crate::types::bytes::is_bytes(&acc) {
        crate::bail!(TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if crate::types::bytearray::is_bytearray(&acc) {
        crate::bail!(TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    let it = crate::ops::iter(a[0].as_ref().unwrap())?;
    while let Some(x) = crate::ops::next(&it)? {
        acc = match int::add_fast(&acc, &x) {
            Some(r) => r?,
            None => crate::ops::number::binary_op(&acc, &x, krait_bytecode::BinaryOp::Add)?,
        };
    }
    Ok(acc)
}

fn minmax(args: &[Obj], kw: Option<&Obj>, name: &str, op: CompareOp) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut key = None;
    let mut default = None;
    if let Some(k) = kw {
        for (i, kname) in tuple::items(k).iter().enumerate() {
            match pystr::to_string_lossy(kname).as_str() {
                "key" => key = Some(args[npos + i].clone()).filter(|x| !none::is_none(x)),
                "default" => default = Some(args[npos + i].clone()),
                other => crate::bail!(TypeError, "'{}' is an invalid keyword argument for {}()", other, name),
            }
        }
    }
    let items: Vec<Obj> = match npos {
        0 => crate::bail!(TypeError, "{} expected at least 1 argument, got 0", name),
        1 => crate::ops::seq::to_vec(&args[0])?,
        _ => {
            if default.is_some() {
                crate::bail!(TypeError, "Cannot specify a default for {}() with multiple positional arguments", name);
            }
            args[..npos].to_vec()
        }
    };
    let mut best: Option<(Obj, Obj)> = None;
    for it in items {
        let k = match &key {
            Some(f) => crate::ops::call::call(f, &[it.clone()], None)?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                if crate::ops::rich_compare_bool(&k, &bk, op)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => crate::bail!(ValueError, "{}() arg is an empty sequence", name),
        },
    }
}
fn b_min(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    minmax(a, k, "min", CompareOp::Lt)
}
fn b_max(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    minmax(a, k, "max", CompareOp::Gt)
}

fn b_sorted(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    if args.len() - nkw != 1 {
        crate::bail!(TypeError, "sorted expected 1 argument, got {}", args.len() - nkw);
    }
    let l = list::from_vec(crate::ops::seq::to_vec(&args[0])?);
    let sort = crate::ops::attr::getattr(&l, &pystr::intern_static("sort"))?;
    crate::ops::call::call(&sort, &args[1..], kw)?;
    Ok(l)
}

fn b_format(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("format", args, kw, 1, 2)?;
    let spec = args.get(1).cloned().unwrap_or_else(pystr::empty);
    if !pystr::is_str(&spec) {
        crate::bail!(TypeError, "format() argument 2 must be str, not {}", spec.ty().name());
    }
    crate::ops::format(&args[0], &spec)
}

fn b_globals(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("globals", args, kw, 0, 0)?;
    Ok(crate::eval::current_globals().unwrap_or_else(dict::new))
}

fn b_locals(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("locals", args, kw, 0, 0)?;
    match crate::eval::current_frame() {
        Some(f) => crate::eval::frame::locals_of(&f),
        None => Ok(dict::new()),
    }
}

fn b_vars(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("vars", args, kw, 0, 1)?;
    if args.is_empty() {
        return b_locals(_m, &[], None);
    }
    match crate::ops::attr::getattr_opt(&args[0], &pystr::intern_static("__dict__"))? {
        Some(d) => Ok(d),
        None => crate::bail!(TypeError, "vars() argument must have __dict__ attribute"),
    }
}

fn b_dir(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("dir", args, kw, 0, 1)?;
    if args.is_empty() {
        let l = b_locals(_m, &[], None)?;
        let l = list::from_vec(crate::ops::seq::to_vec(&crate::ops::attr::call_method(&l, "keys", &[])?)?);
        crate::ops::attr::call_method(&l, "sort", &[])?;
        return Ok(l);
    }
    dir_of(&args[0])
}

/// `dir(obj)` (PyObject_Dir): the sorted list of what `obj.__dir__()` gives.
pub fn dir_of(obj: &Obj) -> PyResult<Obj> {
    let f = match type_::lookup_str(obj.type_ptr(), "__dir__") {
        Some(f) => f,
        None => crate::bail!(TypeError, "object does not provide __dir__"),
    };
    let bound = match f.ty().tp_descr_get {
        Some(g) => unsafe { crate::types::slots::from_ret(g(f.as_ptr(), obj.as_ptr(), obj.type_ptr() as *mut _))? },
        None => f,
    };
    let l = list::from_vec(crate::ops::seq::to_vec(&crate::ops::call::call(&bound, &[], None)?)?);
    crate::ops::attr::call_method(&l, "sort", &[])?;
    Ok(l)
}

fn b_input(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("input", args, kw, 0, 1)?;
    let std = |name: &str| match crate::modules::sys::get_attr(name) {
        Some(s) if !none::is_none(&s) => Ok(s),
        _ => Err(crate::raise!(RuntimeError, "input(): lost sys.{}", name)),
    };
    let (stdin, stdout, stderr) = (std("stdin")?, std("stdout")?, std("stderr")?);
    let prompt = args.first().cloned().unwrap_or_else(none::none);
    crate::modules::sys::audit("builtins.input", &[prompt])?;
    // As CPython: flush failures are ignored.
    if crate::ops::attr::call_method(&stderr, "flush", &[]).is_err() {
        crate::errors::clear();
    }
    if let Some(p) = args.first() {
        crate::ops::attr::call_method(&stdout, "write", &[crate::ops::str_of(p)?])?;
    }
    if crate::ops::attr::call_method(&stdout, "flush", &[]).is_err() {
        crate::errors::clear();
    }
    let line = crate::ops::attr::call_method(&stdin, "readline", &[])?;
    if !pystr::is_str(&line) {
        crate::bail!(TypeError, "object.readline() returned non-string");
    }
    let n = pystr::len(&line);
    if n == 0 {
        crate::bail!(EOFError, "EOF when reading a line");
    }
    if pystr::char_at(&line, n - 1) == '\n' as u32 {
        return Ok(pystr::substring(&line, 0, n - 1));
    }
    Ok(line)
}

fn b_breakpoint(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    match crate::modules::sys::get_attr("breakpointhook") {
        Some(h) => crate::ops::call::call(&h, args, kw),
        None => crate::bail!(RuntimeError, "lost sys.breakpointhook"),
    }
}

fn b_import(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = parse_args("__import__", args, kw, &["name", "globals", "locals", "fromlist", "level"], 1, 0)?;
    let level = match &a[4] {
        Some(l) => int::as_isize_or_overflow(&int::index(l)?)? as i64,
        None => 0,
    };
    crate::import::import_module_level(a[0].as_ref().unwrap(), a[1].as_ref(), a[3].as_ref(), level)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn b_build_class(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos < 2 {
        crate::bail!(TypeError, "__build_class__: not enough arguments");
    }
    let func = &args[0];
    if !crate::types::function::is_function(func) {
        crate::bail!(TypeError, "__build_class__: func must be a function");
    }
    let name = &args[1];
    if !pystr::is_str(name) {
        crate::bail!(TypeError, "__build_class__: name is not a string");
    }
    let orig_bases = args[2..npos].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in &orig_bases {
        if type_::is_type(b) {
            bases.push(b.clone());
            continue;
        }
        match crate::ops::attr::getattr_opt(b, &pystr::intern_static("__mro_entries__"))? {
            Some(me) => {
                let r = crate::ops::call::call(&me, &[tuple::new(&orig_bases)], None)?;
                if !tuple::is_tuple(&r) {
                    crate::bail!(TypeError, "__mro_entries__ must return a tuple");
                }
                bases.extend_from_slice(tuple::items(&r));
                changed = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let bases_t = tuple::from_vec(bases);
    let mut meta: Option<Obj> = None;
    let kwd = dict::new();
    if let Some(k) = kw {
        for (i, key) in tuple::items(k).iter().enumerate() {
            if pystr::eq_str(key, "metaclass") {
                meta = Some(args[npos + i].clone());
            } else {
                dict::set_item(&kwd, key, &args[npos + i])?;
            }
        }
    }
    let is_class = meta.as_ref().map(type_::is_type).unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match tuple::items(&bases_t).first() {
            Some(b) => b.get_type(),
            None => type_::type_obj(type_::type_type()),
        },
    };
    if is_class {
        meta = type_::type_obj(type_::calculate_metaclass(type_::as_type(&meta), &bases_t)?);
    }
    let ns = match crate::ops::attr::getattr_opt(&meta, &pystr::intern_static("__prepare__"))? {
        Some(p) => {
            let (v, kn) = crate::ops::call::kwargs_to_vector(&[name.clone(), bases_t.clone()], Some(&kwd))?;
            crate::ops::call::call(&p, &v, kn.as_ref())?
        }
        None => dict::new(),
    };
    if ns.ty().tp_as_mapping.is_null() || unsafe { (*ns.ty().tp_as_mapping).mp_subscript.is_none() } {
        crate::bail!(
            TypeError,
            "{}.__prepare__() must return a mapping, not {}",
            if is_class { pystr::to_string_lossy(&type_::name(&meta)) } else { "<metaclass>".into() },
            ns.ty().name()
        );
    }
    // Run the class body with the namespace as its locals.
    let fo = crate::types::function::func(func);
    let code_obj = crate::types::function::code_of(func).clone();
    let frame = crate::eval::frame::new(
        &code_obj,
        unsafe { Obj::borrow_slot(&fo.func_globals) },
        unsafe { Obj::borrow_slot(&fo.func_builtins) },
        Some(&ns),
        Some(func),
    );
    let cell = match crate::eval::execute(&frame, false)? {
        crate::eval::Exit::Return(v) => v,
        crate::eval::Exit::Yield(_) => crate::bail!(SystemError, "class body yielded"),
    };
    if changed {
        crate::ops::seq::setitem(&ns, &pystr::intern_static("__orig_bases__"), Some(&tuple::from_vec(orig_bases)))?;
    }
    let (v, kn) = crate::ops::call::kwargs_to_vector(&[name.clone(), bases_t, ns], Some(&kwd))?;
    let cls = crate::ops::call::call(&meta, &v, kn.as_ref())?;
    if crate::types::cell::is_cell(&cell) {
        let inner = crate::types::cell::get(&cell);
        match inner {
            Some(c) if c.is(&cls) => {}
            _ => {
                if type_::is_type(&cls) {
                    if inner.is_none() {
                        crate::bail!(
                            RuntimeError,
                            "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                            crate::ops::repr_string(name)?,
                            crate::ops::repr_string(&cls)?
                        );
                    }
                    crate::bail!(
                        TypeError,
                        "__class__ set to {} defining {} as {}",
                        inner.map(|c| crate::ops::repr_string(&c).unwrap_or_default()).unwrap_or_else(|| "<NULL>".into()),
                        crate::ops::repr_string(name)?,
                        crate::ops::repr_string(&cls)?
                    );
                }
            }
        }
    }
    Ok(cls)
}

/// The functions of the builtins module.
fn functions() -> Vec<MethodSpec> {
    vec![
        method("print", b_print),
        method("len", b_len),
        method("repr", b_repr),
        method("ascii", b_ascii),
        method("isinstance", b_isinstance),
        method("issubclass", b_issubclass),
        method("getattr", b_getattr),
        method("setattr", b_setattr),
        method("delattr", b_delattr),
        method("hasattr", b_hasattr),
        method("hash", b_hash),
        method("id", b_id),
        method("callable", b_callable),
        method("iter", b_iter),
        method("next", b_next),
        method("aiter", async_iter::b_aiter),
        method("anext", async_iter::b_anext),
        method("abs", b_abs),
        method("all", b_all),
        method("any", b_any),
        method("bin", b_bin),
        method("oct", b_oct),
        method("hex", b_hex),
        method("chr", b_chr),
        method("ord", b_ord),
        method("divmod", b_divmod),
        method("pow", b_pow),
        method("round", b_round),
        method("sum", b_sum),
        method("min", b_min),
        method("max", b_max),
        method("sorted", b_sorted),
        method("format", b_format),
        method("globals", b_globals),
        method("locals", b_locals),
        method("vars", b_vars),
        method("dir", b_dir),
        method("input", b_input),
        method("breakpoint", b_breakpoint),
        method("__import__", b_import),
        method("__build_class__", b_build_class),
    ]
    .into_iter()
    .map(|m| {
        let d = docs::doc(m.name);
        m.with_doc(d)
    })
    .collect()
}

/// The docstring of builtin function `name`, for those defined elsewhere.
pub fn builtin_doc(name: &str) -> &'static str {
    docs::doc(name)
}

/// Creates the builtins module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("builtins")?;
    let d = module::dict_of(&m);
    crate::types::builtin_func::add_functions(&d, &m, &functions())?;
    crate::builtins_exec::add(&d, &m)?;
    let t = |p: *mut PyTypeObject| type_::type_obj(p);
    use crate::types::*;
    let types: Vec<(&str, Obj)> = vec![
        ("object", t(type_::object_type())),
        ("type", t(type_::type_type())),
        ("int", t(int::type_ptr())),
        ("bool", t(bool_::type_ptr())),
        ("float", t(float::type_ptr())),
        ("complex", t(complex::type_ptr())),
        ("str", t(pystr::type_ptr())),
        ("bytes", t(bytes::type_ptr())),
        ("bytearray", t(crate::types::bytearray::type_ptr())),
        ("memoryview", t(crate::types::memoryview::type_ptr())),
        ("tuple", t(tuple::type_ptr())),
        ("list", t(list::type_ptr())),
        ("dict", t(dict::type_ptr())),
        ("set", t(set::set_type())),
        ("frozenset", t(set::frozenset_type())),
        ("range", t(range::type_ptr())),
        ("slice", t(slice::type_ptr())),
        ("property", t(&raw mut property::PyProperty_Type)),
        ("staticmethod", t(&raw mut function::PyStaticMethod_Type)),
        ("classmethod", t(&raw mut function::PyClassMethod_Type)),
        ("super", t(super_::type_ptr())),
        ("enumerate", t(&raw mut iterators::PyEnum_Type)),
        ("filter", t(&raw mut iterators::PyFilter_Type)),
        ("map", t(&raw mut iterators::PyMap_Type)),
        ("zip", t(&raw mut iterators::PyZip_Type)),
        ("reversed", t(&raw mut iterators::PyReversed_Type)),
    ];
    for (name, v) in types {
        dict::set_item_str(&d, name, &v)?;
    }
    dict::set_item_str(&d, "None", &none::none())?;
    dict::set_item_str(&d, "Ellipsis", &none::ellipsis())?;
    dict::set_item_str(&d, "NotImplemented", &none::not_implemented())?;
    dict::set_item_str(&d, "True", &bool_::from_bool(true))?;
    dict::set_item_str(&d, "False", &bool_::from_bool(false))?;
    dict::set_item_str(&d, "__debug__", &bool_::from_bool(true))?;
    for (tp, _, _, name, _) in exc::table() {
        dict::set_item_str(&d, name, &t(tp))?;
    }
    dict::set_item_str(&d, "ExceptionGroup", &t(exc::ExceptionGroup()))?;
    dict::set_item_str(&d, "EnvironmentError", &t(exc::OSError()))?;
    dict::set_item_str(&d, "IOError", &t(exc::OSError()))?;
    Ok(m)
}
