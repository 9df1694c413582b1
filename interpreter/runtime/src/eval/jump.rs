//! Assigning `frame.f_lineno` from a trace function (a debugger's "jump").

use crate::errors::PyResult;
use crate::object::Obj;

pub fn set_lineno(_o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    if v.is_none() {
        crate::bail!(AttributeError, "cannot delete f_lineno attribute");
    }
    crate::bail!(ValueError, "f_lineno can only be set by a trace function")
}
