//! `_thread._local` (threading.local): an object whose attributes are
//! different in every thread.
//!
//! Each instance keeps one attribute dict per thread (by GIL thread serial,
//! which is never reused). Every attribute access first puts the calling
//! thread's dict into the object's `__dict__` slot, so the generic attribute
//! code then works on it; access happens under the GIL, so no other thread
//! can swap the slot in between. A thread's first access makes its dict
//! and calls `__init__` again with the constructor's arguments, as CPython
//! does. A finishing thread drops its dicts from every live instance (the
//! exit hook of `_thread`), so what it stored can be freed.

use super::on_thread_exit;
use crate::native::{self, State};
use krait_runtime::gil::{self, GilCell};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::{dict, str as pystr, tuple, type_};
use krait_runtime::{bail, PyResult};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

static mut LOCAL_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// Addresses of the live instances, for the thread-exit hook.
static LIVE: GilCell<RefCell<BTreeSet<usize>>> = GilCell::new(RefCell::new(BTreeSet::new()));

struct Local {
    args: Obj,
    kw: Option<Obj>,
    /// Attribute dicts by thread serial.
    dicts: HashMap<u64, Obj>,
}

impl State for Local {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.args);
        native::push_opt(out, &self.kw);
        for d in self.dicts.values() {
            native::push(out, d);
        }
    }
}

fn slot(o: &Obj) -> *mut *mut PyObject {
    unsafe { &raw mut (*(o.as_ptr() as *mut native::NativeObject<Local>)).dict }
}

/// Makes `d` the dict the generic attribute code sees.
fn install(o: &Obj, d: &Obj) {
    let s = slot(o);
    unsafe {
        if *s != d.as_ptr() {
            let old = std::mem::replace(&mut *s, d.clone().into_raw());
            krait_runtime::object::xdecref(old);
        }
    }
}

fn has_own_init(t: *mut PyTypeObject) -> bool {
    unsafe { (*t).tp_init != (*type_::object_type()).tp_init }
}

fn local_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let given = tuple::len(args) > 0 || kw.is_some_and(|k| dict::len(k) > 0);
    if given && !has_own_init(t) {
        bail!(TypeError, "Initialization arguments are not supported");
    }
    let mine = dict::new();
    let mut dicts = HashMap::new();
    dicts.insert(gil::thread_serial(), mine.clone());
    let o = native::alloc(t, Local { args: args.clone(), kw: kw.cloned(), dicts })?;
    install(&o, &mine);
    LIVE.with(|l| l.borrow_mut().insert(o.as_ptr() as usize));
    // type.__call__ runs __init__ for this thread.
    Ok(o)
}
krait_runtime::new_slot!(local_new_slot => local_new);

/// Puts the calling thread's dict in place, making it (and running
/// `__init__`) on the thread's first access.
fn enter(o: &Obj) -> PyResult<Obj> {
    let serial = gil::thread_serial();
    let Some(st) = native::state::<Local>(o) else {
        bail!(AttributeError, "'{}' object has no attribute '__dict__'", o.ty().name());
    };
    if let Some(d) = st.dicts.get(&serial).cloned() {
        install(o, &d);
        return Ok(d);
    }
    let d = dict::new();
    st.dicts.insert(serial, d.clone());
    let (args, kw) = (st.args.clone(), st.kw.clone());
    install(o, &d);
    if has_own_init(o.type_ptr()) {
        let init = krait_runtime::ops::attr::getattr(o, &pystr::intern_static("__init__"))?;
        if let Err(e) = krait_runtime::ops::call::call_tuple_dict(&init, &args, kw.as_ref()) {
            if let Some(st) = native::state::<Local>(o) {
                st.dicts.remove(&serial);
            }
            return Err(e);
        }
        // __init__ may have run code in other threads: put ours back.
        install(o, &d);
    }
    Ok(d)
}

fn is_dunder_dict(name: &Obj) -> bool {
    pystr::is_str(name) && pystr::to_string_lossy(name) == "__dict__"
}

fn local_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let d = enter(o)?;
    if is_dunder_dict(name) {
        return Ok(d);
    }
    type_::generic_getattr(o, name)
}
krait_runtime::binary_slot!(local_getattro_slot => local_getattro);

fn local_setattro(o: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if is_dunder_dict(name) {
        bail!(AttributeError, "'{}' object attribute '__dict__' is read-only", o.ty().full_name());
    }
    enter(o)?;
    type_::generic_setattr(o, name, value)
}
krait_runtime::setter_slot!(local_setattro_slot => local_setattro);

unsafe extern "C" fn local_dealloc(p: *mut PyObject) {
    LIVE.with(|l| l.borrow_mut().remove(&(p as usize)));
    native::dealloc::<Local>(p)
}

/// A thread ends: its dicts leave every instance (freed after the borrow
/// ends, since freeing can run `__del__`).
fn thread_exit() {
    let serial = gil::thread_serial();
    let live: Vec<usize> = LIVE.with(|l| l.borrow().iter().copied().collect());
    let mut dropped = Vec::new();
    for addr in live {
        let o = unsafe { Obj::from_borrowed(addr as *mut PyObject) };
        if let Some(st) = native::state::<Local>(&o) {
            if let Some(d) = st.dicts.remove(&serial) {
                let s = slot(&o);
                unsafe {
                    if *s == d.as_ptr() {
                        dropped.push(Obj::from_owned(std::mem::replace(&mut *s, std::ptr::null_mut())));
                    }
                }
                dropped.push(d);
            }
        }
        dropped.push(o);
    }
    drop(dropped);
}

pub fn local_type() -> PyResult<Obj> {
    unsafe {
        let t = &raw mut LOCAL_TYPE;
        if (*t).tp_flags & tpflags::READY == 0 {
            native::init_type::<Local>(t, "_thread._local", true);
            (*t).tp_dealloc = Some(local_dealloc);
            (*t).tp_dictoffset = native::dict_offset::<Local>();
            (*t).tp_weaklistoffset = native::weaklist_offset::<Local>();
            (*t).tp_new = Some(local_new_slot);
            (*t).tp_getattro = Some(local_getattro_slot);
            (*t).tp_setattro = Some(local_setattro_slot);
            (*t).tp_doc = c"Thread-local data".as_ptr();
            native::ready(t)?;
            on_thread_exit(thread_exit);
        }
        Ok(type_::type_obj(t))
    }
}
