//! `xxsubtype`: CPython's example of native subtypes of builtin types, which
//! test_descr exercises: `spamlist` (a list with an int `state`, a getset,
//! and a class method and a static method that report how they were
//! called), `spamdict` (a dict with an int `state` member) and `bench`,
//! which times repeated attribute lookups.

use krait_runtime::object::{tpflags, Obj, PyTypeObject};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, classmethod, method, method_table, staticmethod, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::member::{code, static_members, READONLY};
use krait_runtime::types::{dict, float, int, module, none, str as pystr, tuple, type_};
use krait_runtime::{bail, PyResult};
use std::os::raw::c_int;

#[repr(C)]
struct SpamList {
    list: krait_runtime::types::list::PyListObject,
    state: c_int,
}

#[repr(C)]
struct SpamDict {
    dict: krait_runtime::types::dict::PyDictObject,
    state: c_int,
}

static mut SPAMLIST_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut SPAMDICT_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// The `state` field of a spamlist or spamdict (or of a subclass instance:
/// the field stays at the same offset).
fn state_ptr(o: &Obj) -> *mut c_int {
    unsafe {
        if type_::is_subtype(o.type_ptr(), &raw mut SPAMLIST_TYPE) {
            &raw mut (*(o.as_ptr() as *mut SpamList)).state
        } else {
            &raw mut (*(o.as_ptr() as *mut SpamDict)).state
        }
    }
}

fn get_state(o: &Obj) -> c_int {
    // SAFETY: the methods are only called on instances of the two types
    // (method descriptors check the type of `self`).
    unsafe { *state_ptr(o) }
}

fn set_state(o: &Obj, v: c_int) {
    // SAFETY: as get_state.
    unsafe { *state_ptr(o) = v }
}

/// A C int from an integer argument, as PyArg_ParseTuple's "i".
fn c_int_arg(v: &Obj) -> PyResult<c_int> {
    let n = int::as_isize_or_overflow(&int::index(v)?)?;
    if n > c_int::MAX as isize {
        bail!(OverflowError, "signed integer is greater than maximum");
    }
    if n < c_int::MIN as isize {
        bail!(OverflowError, "signed integer is less than minimum");
    }
    Ok(n as c_int)
}

fn m_getstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("getstate", args, kw, 0, 0)?;
    Ok(int::from_i64(get_state(o) as i64))
}

fn m_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("setstate", args, kw, 1, 1)?;
    set_state(o, c_int_arg(&args[0])?);
    Ok(none::none())
}

/// (self or None, positional args, keyword dict or None): how a
/// METH_VARARGS|METH_KEYWORDS function sees its call.
fn report_call(slf: Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(|k| tuple::items(k).len()).unwrap_or(0);
    let (pos, kwvals) = args.split_at(args.len() - nkw);
    let kwd = match kw {
        Some(names) if nkw > 0 => {
            let d = dict::new();
            for (k, v) in tuple::items(names).iter().zip(kwvals) {
                dict::set_item(&d, k, v)?;
            }
            d
        }
        _ => none::none(),
    };
    Ok(tuple::new(&[slf, tuple::new(pos), kwd]))
}

fn m_classmeth(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    report_call(cls.clone(), args, kw)
}

fn m_staticmeth(_t: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    // A static method gets no self; CPython's reports the NULL as None.
    report_call(none::none(), args, kw)
}

fn g_state(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(get_state(o) as i64))
}

/// list.__init__, then the state starts at 0.
fn spamlist_init(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    base_init(krait_runtime::types::list::type_ptr(), o, args, kw)?;
    set_state(o, 0);
    Ok(())
}
krait_runtime::init_slot!(spamlist_init_slot => spamlist_init);

/// dict.__init__, then the state starts at 0.
fn spamdict_init(o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    base_init(krait_runtime::types::dict::type_ptr(), o, args, kw)?;
    set_state(o, 0);
    Ok(())
}
krait_runtime::init_slot!(spamdict_init_slot => spamdict_init);

fn base_init(base: *mut PyTypeObject, o: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    unsafe {
        let init = (*base).tp_init.expect("list and dict have tp_init");
        let k = kw.map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut());
        krait_runtime::types::slots::from_status(init(o.as_ptr(), args.as_ptr(), k))?;
    }
    Ok(())
}

/// bench(obj, name, n=1000): processor seconds for n lookups of obj.name.
fn f_bench(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("bench", args, kw, 2, 3)?;
    if !pystr::is_str(&args[1]) {
        bail!(TypeError, "bench() argument 2 must be str, not {}", args[1].ty().name());
    }
    let mut n = match args.get(2) {
        Some(v) => c_int_arg(v)?,
        None => 1000,
    };
    let t0 = cpu_seconds();
    while n > 0 {
        n -= 1;
        krait_runtime::ops::attr::getattr(&args[0], &args[1])?;
    }
    Ok(float::from_f64(cpu_seconds() - t0))
}

/// The process's processor time in seconds (what C's clock() measures).
fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes only into `ts`.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn init_types() -> PyResult<()> {
    // SAFETY: the statics are set up once, before any use, under the GIL.
    unsafe {
        let t = &raw mut SPAMLIST_TYPE;
        if !(*t).tp_dict.is_null() {
            return Ok(());
        }
        type_::init_static(t, "xxsubtype.spamlist", std::mem::size_of::<SpamList>(), 0);
        (*t).tp_base = krait_runtime::types::list::type_ptr();
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_init = Some(spamlist_init_slot);
        (*t).tp_methods = method_table(&[
            method("getstate", m_getstate).with_doc("getstate() -> state"),
            method("setstate", m_setstate).with_doc("setstate(state)"),
            classmethod("classmeth", m_classmeth).with_doc("classmeth(*args, **kw)"),
            staticmethod("staticmeth", m_staticmeth).with_doc("staticmeth(*args, **kw)"),
        ]);
        (*t).tp_getset =
            getset_table(&[GetSetSpec::get("state", g_state).with_doc("an int variable for demonstration purposes")]);
        type_::ready(t)?;

        let t = &raw mut SPAMDICT_TYPE;
        type_::init_static(t, "xxsubtype.spamdict", std::mem::size_of::<SpamDict>(), 0);
        (*t).tp_base = krait_runtime::types::dict::type_ptr();
        (*t).tp_flags |= tpflags::BASETYPE;
        (*t).tp_init = Some(spamdict_init_slot);
        (*t).tp_methods = method_table(&[
            method("getstate", m_getstate).with_doc("getstate() -> state"),
            method("setstate", m_setstate).with_doc("setstate(state)"),
        ]);
        (*t).tp_members = static_members(&[(
            "state",
            code::INT,
            std::mem::offset_of!(SpamDict, state),
            READONLY,
            "an int variable for demonstration purposes",
        )]);
        type_::ready(t)?;
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![method("bench", f_bench)]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("xxsubtype")?;
    let d = module::dict_of(&m);
    dict::set_item_str(
        &d,
        "__doc__",
        &pystr::new(
            "Native subtypes of builtin types, as examples (spamlist of list,
\
             spamdict of dict); test_descr uses them.",
        ),
    )?;
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "spamlist", &type_::type_obj(&raw mut SPAMLIST_TYPE))?;
    dict::set_item_str(&d, "spamdict", &type_::type_obj(&raw mut SPAMDICT_TYPE))?;
    Ok(m)
}
