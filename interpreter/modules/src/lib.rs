//! Native standard-library modules, as CPython's `Modules/`: one file per
//! module, each with a `create()` that builds the module object. They live
//! outside krait-runtime so that changing a module rebuilds only this
//! crate; `register_all` hands them to the runtime's builtin-module table
//! before the interpreter starts.

pub mod binascii;
pub mod cmath;
pub mod errno;
pub mod math;
pub mod random;
pub mod struct_;

use krait_runtime::modules::register;
use krait_runtime::object::PyTypeObject;
use krait_runtime::types::{dict, str as pystr, tuple, type_};
use krait_runtime::{Obj, PyResult};

/// An object a module keeps for the life of the process (its exception
/// classes, caches), shared by all threads like CPython's module state.
pub(crate) struct Keep(std::sync::atomic::AtomicPtr<krait_runtime::object::PyObject>);

impl Keep {
    pub(crate) const fn new() -> Keep {
        Keep(std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()))
    }

    pub(crate) fn get(&self) -> Option<Obj> {
        let p = self.0.load(std::sync::atomic::Ordering::Acquire);
        if p.is_null() {
            None
        } else {
            Some(unsafe { Obj::from_borrowed(p) })
        }
    }

    /// The kept object, created by `init` the first time.
    pub(crate) fn get_or_init(&self, init: impl FnOnce() -> PyResult<Obj>) -> PyResult<Obj> {
        if let Some(o) = self.get() {
            return Ok(o);
        }
        let o = init()?;
        self.0.store(o.clone().into_raw(), std::sync::atomic::Ordering::Release);
        Ok(o)
    }
}

/// A new exception class as `PyErr_NewException("module.Name", base)`:
/// named `Name`, with `__module__` set to `module`.
pub(crate) fn new_exception_type(dotted: &str, base: *mut PyTypeObject) -> PyResult<Obj> {
    let (module, name) = dotted.rsplit_once('.').expect("dotted exception name");
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", &pystr::new(module))?;
    let bases = tuple::new(&[type_::type_obj(base)]);
    let meta = type_::type_obj(type_::type_type());
    krait_runtime::ops::call::call(&meta, &[pystr::new(name), bases, ns], None)
}

/// Registers every module of this crate as a builtin module.
pub fn register_all() {
    register("errno", errno::create);
    register("math", math::create);
    register("_struct", struct_::create);
    register("_random", random::create);
    register("binascii", binascii::create);
    register("cmath", cmath::create);
}
