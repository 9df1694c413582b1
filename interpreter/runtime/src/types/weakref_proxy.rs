//! `weakref.ProxyType` and `weakref.CallableProxyType`: weak references
//! that stand in for their referent. They share `WeakRefObject`'s layout
//! and its place in the referent's weak-reference list (so they die and
//! call back like refs); every operation is forwarded to the referent, and
//! a dead one raises ReferenceError.

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, PyTypeObject};
use crate::object::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use crate::types::weakref::{get_referent, new_ref_of_type, WeakRefObject};
use crate::types::{none, str as pystr};
use krait_bytecode::BinaryOp;

pub static mut PROXY_TYPE: PyTypeObject = PyTypeObject::EMPTY;
pub static mut CALLABLE_PROXY_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;
static mut SEQUENCE: PySequenceMethods = PySequenceMethods::EMPTY;
static mut MAPPING: PyMappingMethods = PyMappingMethods::EMPTY;

pub fn proxy_type() -> *mut PyTypeObject {
    &raw mut PROXY_TYPE
}

pub fn callable_proxy_type() -> *mut PyTypeObject {
    &raw mut CALLABLE_PROXY_TYPE
}

pub fn is_proxy(o: &Obj) -> bool {
    o.is_type(proxy_type()) || o.is_type(callable_proxy_type())
}

/// `weakref.proxy(obj, callback)`: callable objects get the callable kind.
pub fn new_proxy(obj: &Obj, callback: Option<&Obj>) -> PyResult<Obj> {
    let t = if crate::builtins::is_callable(obj) { callable_proxy_type() } else { proxy_type() };
    new_ref_of_type(t, obj, callback)
}

/// The referent of a proxy (ReferenceError if gone); other objects as they are.
fn unwrap(o: &Obj) -> PyResult<Obj> {
    if !is_proxy(o) {
        return Ok(o.clone());
    }
    match get_referent(o) {
        Some(r) => Ok(r),
        None => crate::bail!(ReferenceError, "weakly-referenced object no longer exists"),
    }
}

macro_rules! binop {
    ($($slot:ident, $f:ident, $op:ident);* $(;)?) => {$(
        fn $f(a: &Obj, b: &Obj) -> PyResult<Obj> {
            crate::ops::number::binary_op(&unwrap(a)?, &unwrap(b)?, BinaryOp::$op)
        }
        crate::binary_slot!($slot => $f);
    )*};
}
binop!(
    add_s, add_f, Add; sub_s, sub_f, Subtract; mul_s, mul_f, Multiply; mod_s, mod_f, Remainder;
    lshift_s, lshift_f, Lshift; rshift_s, rshift_f, Rshift; and_s, and_f, And; xor_s, xor_f, Xor;
    or_s, or_f, Or; floordiv_s, floordiv_f, FloorDivide; truediv_s, truediv_f, TrueDivide;
    matmul_s, matmul_f, MatrixMultiply;
    iadd_s, iadd_f, InplaceAdd; isub_s, isub_f, InplaceSubtract; imul_s, imul_f, InplaceMultiply;
    imod_s, imod_f, InplaceRemainder; ilshift_s, ilshift_f, InplaceLshift; irshift_s, irshift_f, InplaceRshift;
    iand_s, iand_f, InplaceAnd; ixor_s, ixor_f, InplaceXor; ior_s, ior_f, InplaceOr;
    ifloordiv_s, ifloordiv_f, InplaceFloorDivide; itruediv_s, itruediv_f, InplaceTrueDivide;
    imatmul_s, imatmul_f, InplaceMatrixMultiply;
);

fn divmod_f(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let f = builtin("divmod")?;
    crate::ops::call::call(&f, &[unwrap(a)?, unwrap(b)?], None)
}
crate::binary_slot!(divmod_s => divmod_f);

fn pow_with(a: &Obj, b: &Obj, c: Option<&Obj>, inplace: bool) -> PyResult<Obj> {
    let m = match c {
        Some(c) => unwrap(c)?,
        None => none::none(),
    };
    crate::ops::number::power(&unwrap(a)?, &unwrap(b)?, &m, inplace)
}
fn pow_f(a: &Obj, b: &Obj, c: Option<&Obj>) -> PyResult<Obj> {
    pow_with(a, b, c, false)
}
fn ipow_f(a: &Obj, b: &Obj, c: Option<&Obj>) -> PyResult<Obj> {
    pow_with(a, b, c, true)
}
crate::ternary_slot!(pow_s => pow_f);
crate::ternary_slot!(ipow_s => ipow_f);

macro_rules! unop {
    ($($slot:ident, $f:ident, $call:expr);* $(;)?) => {$(
        fn $f(a: &Obj) -> PyResult<Obj> {
            let r = unwrap(a)?;
            $call(&r)
        }
        crate::unary_slot!($slot => $f);
    )*};
}
unop!(
    neg_s, neg_f, crate::ops::number::negative;
    pos_s, pos_f, crate::ops::number::positive;
    abs_s, abs_f, crate::ops::number::absolute;
    inv_s, inv_f, crate::ops::number::invert;
    int_s, int_f, |r: &Obj| call_type("int", r);
    float_s, float_f, |r: &Obj| call_type("float", r);
    index_s, index_f, crate::types::int::index;
    str_s, str_f, crate::ops::str_of;
    iter_s, iter_f, crate::ops::iter;
);

fn builtin(name: &str) -> PyResult<Obj> {
    match crate::types::dict::get_item_str(&crate::interp::builtins_dict(), name)? {
        Some(f) => Ok(f),
        None => crate::bail!(NameError, "name '{}' is not defined", name),
    }
}

fn call_type(name: &str, r: &Obj) -> PyResult<Obj> {
    let t = builtin(name)?;
    crate::ops::call::call(&t, &[r.clone()], None)
}

fn bool_f(a: &Obj) -> PyResult<bool> {
    crate::ops::truthy(&unwrap(a)?)
}
crate::inquiry_slot!(bool_s => bool_f);

fn len_f(a: &Obj) -> PyResult<usize> {
    crate::ops::len(&unwrap(a)?)
}
crate::len_slot!(len_s => len_f);

fn contains_f(a: &Obj, v: &Obj) -> PyResult<bool> {
    crate::ops::seq::contains(&unwrap(a)?, v)
}
crate::contains_slot!(contains_s => contains_f);

fn getitem_f(a: &Obj, k: &Obj) -> PyResult<Obj> {
    crate::ops::seq::getitem(&unwrap(a)?, k)
}
crate::binary_slot!(getitem_s => getitem_f);

fn setitem_f(a: &Obj, k: &Obj, v: Option<&Obj>) -> PyResult<()> {
    crate::ops::seq::setitem(&unwrap(a)?, k, v)
}
crate::setter_slot!(setitem_s => setitem_f);

fn getattr_f(a: &Obj, name: &Obj) -> PyResult<Obj> {
    crate::ops::attr::getattr(&unwrap(a)?, name)
}
crate::binary_slot!(getattr_s => getattr_f);

fn setattr_f(a: &Obj, name: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let r = unwrap(a)?;
    match v {
        Some(v) => crate::ops::attr::setattr(&r, name, v),
        None => crate::ops::attr::delattr(&r, name),
    }
}
crate::setter_slot!(setattr_s => setattr_f);

fn richcmp_f(a: &Obj, b: &Obj, op: krait_bytecode::CompareOp) -> PyResult<Obj> {
    crate::ops::rich_compare(&unwrap(a)?, &unwrap(b)?, op)
}
crate::richcmp_slot!(richcmp_s => richcmp_f);

fn next_f(a: &Obj) -> PyResult<Option<Obj>> {
    let r = unwrap(a)?;
    if r.ty().tp_iternext.is_none() {
        crate::bail!(TypeError, "Weakref proxy referenced a non-iterator '{}' object", r.ty().name());
    }
    crate::ops::next(&r)
}
unsafe extern "C" fn next_s(p: *mut PyObject) -> *mut PyObject {
    match next_f(Obj::borrow_slot(&p)) {
        Ok(Some(v)) => v.into_raw(),
        Ok(None) | Err(_) => std::ptr::null_mut(),
    }
}

fn call_f(a: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    crate::ops::call::call_tuple_dict(&unwrap(a)?, args, kw)
}
crate::call_slot!(call_s => call_f);

fn repr_f(a: &Obj) -> PyResult<Obj> {
    let target = unsafe { a.cast::<WeakRefObject>() }.wr_object;
    let t = unsafe { Obj::from_borrowed(target) };
    Ok(pystr::new(&format!(
        "<weakproxy at {:#x}; to '{}' at {:#x}>",
        a.as_ptr() as usize,
        t.ty().name(),
        target as usize
    )))
}
crate::unary_slot!(repr_s => repr_f);

fn m_bytes(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    call_type("bytes", &unwrap(slf)?)
}

fn m_reversed(slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    call_type("reversed", &unwrap(slf)?)
}

pub fn init_types() {
    use crate::types::builtin_func::{method, method_table};
    unsafe {
        let nb = &raw mut NUMBER;
        (*nb).nb_add = Some(add_s);
        (*nb).nb_subtract = Some(sub_s);
        (*nb).nb_multiply = Some(mul_s);
        (*nb).nb_remainder = Some(mod_s);
        (*nb).nb_divmod = Some(divmod_s);
        (*nb).nb_power = Some(pow_s);
        (*nb).nb_negative = Some(neg_s);
        (*nb).nb_positive = Some(pos_s);
        (*nb).nb_absolute = Some(abs_s);
        (*nb).nb_bool = Some(bool_s);
        (*nb).nb_invert = Some(inv_s);
        (*nb).nb_lshift = Some(lshift_s);
        (*nb).nb_rshift = Some(rshift_s);
        (*nb).nb_and = Some(and_s);
        (*nb).nb_xor = Some(xor_s);
        (*nb).nb_or = Some(or_s);
        (*nb).nb_int = Some(int_s);
        (*nb).nb_float = Some(float_s);
        (*nb).nb_inplace_add = Some(iadd_s);
        (*nb).nb_inplace_subtract = Some(isub_s);
        (*nb).nb_inplace_multiply = Some(imul_s);
        (*nb).nb_inplace_remainder = Some(imod_s);
        (*nb).nb_inplace_power = Some(ipow_s);
        (*nb).nb_inplace_lshift = Some(ilshift_s);
        (*nb).nb_inplace_rshift = Some(irshift_s);
        (*nb).nb_inplace_and = Some(iand_s);
        (*nb).nb_inplace_xor = Some(ixor_s);
        (*nb).nb_inplace_or = Some(ior_s);
        (*nb).nb_floor_divide = Some(floordiv_s);
        (*nb).nb_true_divide = Some(truediv_s);
        (*nb).nb_inplace_floor_divide = Some(ifloordiv_s);
        (*nb).nb_inplace_true_divide = Some(itruediv_s);
        (*nb).nb_index = Some(index_s);
        (*nb).nb_matrix_multiply = Some(matmul_s);
        (*nb).nb_inplace_matrix_multiply = Some(imatmul_s);
        let sq = &raw mut SEQUENCE;
        (*sq).sq_contains = Some(contains_s);
        let mp = &raw mut MAPPING;
        (*mp).mp_length = Some(len_s);
        (*mp).mp_subscript = Some(getitem_s);
        (*mp).mp_ass_subscript = Some(setitem_s);
        for (t, name) in [(proxy_type(), "weakref.ProxyType"), (callable_proxy_type(), "weakref.CallableProxyType")] {
            crate::types::type_::init_static(t, name, std::mem::size_of::<WeakRefObject>(), 0);
            (*t).tp_flags |= tpflags::HAVE_GC;
            (*t).tp_flags &= !tpflags::BASETYPE;
            (*t).tp_dealloc = Some(crate::types::weakref::ref_dealloc);
            (*t).tp_traverse = Some(crate::types::weakref::ref_traverse);
            (*t).tp_clear = Some(crate::types::weakref::ref_clear);
            (*t).tp_repr = Some(repr_s);
            (*t).tp_str = Some(str_s);
            (*t).tp_hash = Some(crate::ops::object_hash_not_implemented);
            (*t).tp_getattro = Some(getattr_s);
            (*t).tp_setattro = Some(setattr_s);
            (*t).tp_richcompare = Some(richcmp_s);
            (*t).tp_iter = Some(iter_s);
            (*t).tp_iternext = Some(next_s);
            (*t).tp_as_number = nb;
            (*t).tp_as_sequence = sq;
            (*t).tp_as_mapping = mp;
            (*t).tp_methods = method_table(&[method("__bytes__", m_bytes), method("__reversed__", m_reversed)]);
        }
        (*callable_proxy_type()).tp_call = Some(call_s);
    }
}
