//! Number operators (PyNumber_*): the binary-op protocol with reflected
//! operands, in-place operators, and the sequence fallbacks of + and *.

use crate::errors::PyResult;
use crate::object::{BinaryFunc, Obj, PyNumberMethods, PyTypeObject};
use crate::types::{none, slots::from_ret};
use krait_bytecode::BinaryOp;

type Field = fn(&PyNumberMethods) -> Option<BinaryFunc>;

fn field(op: BinaryOp) -> Field {
    use BinaryOp::*;
    match op.base() {
        Add => |n| n.nb_add,
        And => |n| n.nb_and,
        FloorDivide => |n| n.nb_floor_divide,
        Lshift => |n| n.nb_lshift,
        MatrixMultiply => |n| n.nb_matrix_multiply,
        Multiply => |n| n.nb_multiply,
        Remainder => |n| n.nb_remainder,
        Or => |n| n.nb_or,
        Rshift => |n| n.nb_rshift,
        Subtract => |n| n.nb_subtract,
        TrueDivide => |n| n.nb_true_divide,
        Xor => |n| n.nb_xor,
        Power => |_| None,
        _ => unreachable!(),
    }
}

fn inplace_field(op: BinaryOp) -> Field {
    use BinaryOp::*;
    match op {
        InplaceAdd => |n| n.nb_inplace_add,
        InplaceAnd => |n| n.nb_inplace_and,
        InplaceFloorDivide => |n| n.nb_inplace_floor_divide,
        InplaceLshift => |n| n.nb_inplace_lshift,
        InplaceMatrixMultiply => |n| n.nb_inplace_matrix_multiply,
        InplaceMultiply => |n| n.nb_inplace_multiply,
        InplaceRemainder => |n| n.nb_inplace_remainder,
        InplaceOr => |n| n.nb_inplace_or,
        InplaceRshift => |n| n.nb_inplace_rshift,
        InplaceSubtract => |n| n.nb_inplace_subtract,
        InplaceTrueDivide => |n| n.nb_inplace_true_divide,
        InplaceXor => |n| n.nb_inplace_xor,
        _ => |_| None,
    }
}

fn slot_of(t: *mut PyTypeObject, f: Field) -> Option<BinaryFunc> {
    unsafe {
        let nb = (*t).tp_as_number;
        if nb.is_null() {
            None
        } else {
            f(&*nb)
        }
    }
}

/// Tries a's and b's slots (b's first when b's type is a subclass of a's).
fn binary_op1(a: &Obj, b: &Obj, f: Field) -> PyResult<Obj> {
    let ta = a.type_ptr();
    let tb = b.type_ptr();
    let slotv = slot_of(ta, f);
    let mut slotw = if ta != tb { slot_of(tb, f) } else { None };
    if slotw.map(|x| x as usize) == slotv.map(|x| x as usize) {
        slotw = None;
    }
    unsafe {
        if let Some(sv) = slotv {
            if let Some(sw) = slotw {
                if crate::types::type_::is_subtype(tb, ta) {
                    let r = from_ret(sw(a.as_ptr(), b.as_ptr()))?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = from_ret(sv(a.as_ptr(), b.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(sw) = slotw {
            let r = from_ret(sw(a.as_ptr(), b.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    Ok(none::not_implemented())
}

fn unsupported(a: &Obj, b: &Obj, op: BinaryOp) -> crate::errors::PyErr {
    if op.base() == BinaryOp::Rshift && crate::types::builtin_func::is_cfunction(a)
        && crate::types::builtin_func::cfunction_name(a) == "print"
    {
        return crate::raise!(
            TypeError,
            "unsupported operand type(s) for {}: '{}' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
            op.symbol(),
            a.ty().name(),
            b.ty().name()
        );
    }
    let sym = op.symbol();
    if op == BinaryOp::Power {
        return crate::raise!(
            TypeError,
            "unsupported operand type(s) for {} or pow(): '{}' and '{}'",
            sym,
            a.ty().name(),
            b.ty().name()
        );
    }
    crate::raise!(TypeError, "unsupported operand type(s) for {}: '{}' and '{}'", sym, a.ty().name(), b.ty().name())
}

/// `a OP b` for every BinaryOp, in-place ones included.
pub fn binary_op(a: &Obj, b: &Obj, op: BinaryOp) -> PyResult<Obj> {
    if op.base() == BinaryOp::Power {
        return power(a, b, &none::none(), op.is_inplace());
    }
    if op.is_inplace() {
        if let Some(f) = slot_of(a.type_ptr(), inplace_field(op)) {
            let r = unsafe { from_ret(f(a.as_ptr(), b.as_ptr()))? };
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    let r = binary_op1(a, b, field(op))?;
    if !none::is_not_implemented(&r) {
        return Ok(r);
    }
    // Sequence concatenation and repetition.
    unsafe {
        let ta = a.ty();
        let base = op.base();
        if base == BinaryOp::Add && !ta.tp_as_sequence.is_null() {
            let sq = &*ta.tp_as_sequence;
            let f = if op.is_inplace() { sq.sq_inplace_concat.or(sq.sq_concat) } else { sq.sq_concat };
            if let Some(f) = f {
                return from_ret(f(a.as_ptr(), b.as_ptr()));
            }
        }
        if base == BinaryOp::Multiply {
            if let Some(r) = sequence_repeat(a, b, op.is_inplace())? {
                return Ok(r);
            }
            if let Some(r) = sequence_repeat(b, a, false)? {
                return Ok(r);
            }
        }
    }
    Err(unsupported(a, b, op))
}

unsafe fn sequence_repeat(seq: &Obj, n: &Obj, inplace: bool) -> PyResult<Option<Obj>> {
    let t = seq.ty();
    if t.tp_as_sequence.is_null() {
        return Ok(None);
    }
    let sq = &*t.tp_as_sequence;
    let f = if inplace { sq.sq_inplace_repeat.or(sq.sq_repeat) } else { sq.sq_repeat };
    let f = match f {
        Some(f) => f,
        None => return Ok(None),
    };
    if !has_index(n) {
        crate::bail!(TypeError, "can't multiply sequence by non-int of type '{}'", n.ty().name());
    }
    let i = crate::types::int::index(n)?;
    let count = match crate::types::int::as_i64(&i) {
        Some(c) => c.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        // Out of range either way, as PyNumber_AsSsize_t(n, OverflowError).
        None => crate::bail!(OverflowError, "cannot fit 'int' into an index-sized integer"),
    };
    Ok(Some(from_ret(f(seq.as_ptr(), count))?))
}

pub fn has_index(o: &Obj) -> bool {
    let t = o.ty();
    !t.tp_as_number.is_null() && unsafe { (*t.tp_as_number).nb_index.is_some() }
}

/// `pow(a, b, m)` / `a ** b`.
pub fn power(a: &Obj, b: &Obj, m: &Obj, inplace: bool) -> PyResult<Obj> {
    let ta = a.type_ptr();
    let tb = b.type_ptr();
    unsafe {
        let get = |t: *mut PyTypeObject, ip: bool| {
            let nb = (*t).tp_as_number;
            if nb.is_null() {
                None
            } else if ip {
                (*nb).nb_inplace_power
            } else {
                (*nb).nb_power
            }
        };
        if inplace {
            if let Some(f) = get(ta, true) {
                let r = from_ret(f(a.as_ptr(), b.as_ptr(), m.as_ptr()))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        let slotv = get(ta, false);
        let mut slotw = if ta != tb { get(tb, false) } else { None };
        if slotw.map(|x| x as usize) == slotv.map(|x| x as usize) {
            slotw = None;
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw {
                if crate::types::type_::is_subtype(tb, ta) {
                    let r = from_ret(sw(a.as_ptr(), b.as_ptr(), m.as_ptr()))?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = from_ret(sv(a.as_ptr(), b.as_ptr(), m.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(sw) = slotw {
            let r = from_ret(sw(a.as_ptr(), b.as_ptr(), m.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !none::is_none(m) {
            let tm = m.type_ptr();
            if let Some(sz) = get(tm, false) {
                if Some(sz as usize) != slotv.map(|x| x as usize) && Some(sz as usize) != slotw.map(|x| x as usize) {
                    let r = from_ret(sz(a.as_ptr(), b.as_ptr(), m.as_ptr()))?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
            crate::bail!(
                TypeError,
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                a.ty().name(),
                b.ty().name(),
                m.ty().name()
            );
        }
    }
    Err(unsupported(a, b, if inplace { BinaryOp::InplacePower } else { BinaryOp::Power }))
}

macro_rules! unary {
    ($name:ident, $field:ident, $sym:literal) => {
        pub fn $name(o: &Obj) -> PyResult<Obj> {
            let t = o.ty();
            unsafe {
                if !t.tp_as_number.is_null() {
                    if let Some(f) = (*t.tp_as_number).$field {
                        return from_ret(f(o.as_ptr()));
                    }
                }
            }
            crate::bail!(TypeError, "bad operand type for {}: '{}'", $sym, t.name())
        }
    };
}
unary!(negative, nb_negative, "unary -");
unary!(positive, nb_positive, "unary +");
unary!(invert, nb_invert, "unary ~");
unary!(absolute, nb_absolute, "abs()");
