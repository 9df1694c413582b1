//! The two directions between slots and dunder methods:
//! - builtin (slot-defined) types expose each slot as a `wrapper_descriptor`
//!   (`int.__add__`), bound as a `method-wrapper` (`(1).__add__`);
//! - classes defined in Python get slot functions that call their dunder
//!   methods (`fixup_slots`), updated when a dunder is assigned later.

use crate::errors::PyResult;
use crate::object::*;
use crate::types::slots::{from_ret, from_status, ret};
use crate::types::type_::{self, as_type, lookup, type_obj};
use crate::types::{bool_, dict, none, str as pystr, tuple};
use krait_bytecode::CompareOp;
use std::ptr::null_mut;

/// Which slot a dunder maps to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Slot {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    GetAttr,
    SetAttr,
    RichCmp(CompareOp),
    DescrGet,
    DescrSet,
    Init,
    Del,
    /// Binary number slot; `reflected` marks `__radd__` and friends.
    NbBinary(NbField, bool),
    NbTernaryPow(bool),
    NbUnary(NbUnaryField),
    NbBool,
    MpLength,
    MpSubscript,
    MpAssSubscript,
    SqContains,
    /// sq_concat / sq_inplace_concat (`__add__`, `__iadd__` of str, list...).
    SqConcat(bool),
    /// sq_repeat / sq_inplace_repeat (`__mul__`, `__rmul__`, `__imul__`).
    SqRepeat(bool),
    AmAwait,
    AmAiter,
    AmAnext,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NbField {
    Add, Sub, Mul, Mod, Divmod, Lshift, Rshift, And, Xor, Or, FloorDiv, TrueDiv, MatMul,
    IAdd, ISub, IMul, IMod, ILshift, IRshift, IAnd, IXor, IOr, IFloorDiv, ITrueDiv, IMatMul, IPow,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NbUnaryField {
    Neg, Pos, Abs, Invert, Int, Float, Index,
}

pub struct SlotDef {
    pub name: &'static str,
    pub slot: Slot,
}

macro_rules! sd { ($n:literal, $s:expr) => { SlotDef { name: $n, slot: $s } }; }

pub static SLOTDEFS: &[SlotDef] = {
    use NbField::*;
    use NbUnaryField::*;
    use Slot::*;
    &[
        sd!("__repr__", Repr),
        sd!("__str__", Str),
        sd!("__hash__", Hash),
        sd!("__call__", Call),
        sd!("__iter__", Iter),
        sd!("__next__", Next),
        sd!("__getattribute__", GetAttr),
        sd!("__getattr__", GetAttr),
        sd!("__setattr__", SetAttr),
        sd!("__delattr__", SetAttr),
        sd!("__lt__", RichCmp(CompareOp::Lt)),
        sd!("__le__", RichCmp(CompareOp::Le)),
        sd!("__eq__", RichCmp(CompareOp::Eq)),
        sd!("__ne__", RichCmp(CompareOp::Ne)),
        sd!("__gt__", RichCmp(CompareOp::Gt)),
        sd!("__ge__", RichCmp(CompareOp::Ge)),
        sd!("__get__", DescrGet),
        sd!("__set__", DescrSet),
        sd!("__delete__", DescrSet),
        sd!("__init__", Init),
        sd!("__del__", Del),
        sd!("__add__", NbBinary(Add, false)),
        sd!("__radd__", NbBinary(Add, true)),
        sd!("__sub__", NbBinary(Sub, false)),
        sd!("__rsub__", NbBinary(Sub, true)),
        sd!("__mul__", NbBinary(Mul, false)),
        sd!("__rmul__", NbBinary(Mul, true)),
        sd!("__mod__", NbBinary(Mod, false)),
        sd!("__rmod__", NbBinary(Mod, true)),
        sd!("__divmod__", NbBinary(Divmod, false)),
        sd!("__rdivmod__", NbBinary(Divmod, true)),
        sd!("__pow__", NbTernaryPow(false)),
        sd!("__rpow__", NbTernaryPow(true)),
        sd!("__neg__", NbUnary(Neg)),
        sd!("__pos__", NbUnary(Pos)),
        sd!("__abs__", NbUnary(Abs)),
        sd!("__bool__", NbBool),
        sd!("__invert__", NbUnary(Invert)),
        sd!("__lshift__", NbBinary(Lshift, false)),
        sd!("__rlshift__", NbBinary(Lshift, true)),
        sd!("__rshift__", NbBinary(Rshift, false)),
        sd!("__rrshift__", NbBinary(Rshift, true)),
        sd!("__and__", NbBinary(And, false)),
        sd!("__rand__", NbBinary(And, true)),
        sd!("__xor__", NbBinary(Xor, false)),
        sd!("__rxor__", NbBinary(Xor, true)),
        sd!("__or__", NbBinary(Or, false)),
        sd!("__ror__", NbBinary(Or, true)),
        sd!("__int__", NbUnary(Int)),
        sd!("__float__", NbUnary(Float)),
        sd!("__iadd__", NbBinary(IAdd, false)),
        sd!("__isub__", NbBinary(ISub, false)),
        sd!("__imul__", NbBinary(IMul, false)),
        sd!("__imod__", NbBinary(IMod, false)),
        sd!("__ipow__", NbBinary(IPow, false)),
        sd!("__ilshift__", NbBinary(ILshift, false)),
        sd!("__irshift__", NbBinary(IRshift, false)),
        sd!("__iand__", NbBinary(IAnd, false)),
        sd!("__ixor__", NbBinary(IXor, false)),
        sd!("__ior__", NbBinary(IOr, false)),
        sd!("__floordiv__", NbBinary(FloorDiv, false)),
        sd!("__rfloordiv__", NbBinary(FloorDiv, true)),
        sd!("__truediv__", NbBinary(TrueDiv, false)),
        sd!("__rtruediv__", NbBinary(TrueDiv, true)),
        sd!("__ifloordiv__", NbBinary(IFloorDiv, false)),
        sd!("__itruediv__", NbBinary(ITrueDiv, false)),
        sd!("__index__", NbUnary(Index)),
        sd!("__matmul__", NbBinary(MatMul, false)),
        sd!("__rmatmul__", NbBinary(MatMul, true)),
        sd!("__imatmul__", NbBinary(IMatMul, false)),
        sd!("__len__", MpLength),
        sd!("__getitem__", MpSubscript),
        sd!("__setitem__", MpAssSubscript),
        sd!("__delitem__", MpAssSubscript),
        sd!("__contains__", SqContains),
        sd!("__add__", SqConcat(false)),
        sd!("__mul__", SqRepeat(false)),
        sd!("__rmul__", SqRepeat(false)),
        sd!("__iadd__", SqConcat(true)),
        sd!("__imul__", SqRepeat(true)),
        sd!("__await__", AmAwait),
        sd!("__aiter__", AmAiter),
        sd!("__anext__", AmAnext),
    ]
};

// ---------------------------------------------------------------------------
// Reading and writing a slot generically.

/// The slot's function pointer as an opaque address (0 when unset).
unsafe fn slot_addr(t: *mut PyTypeObject, s: Slot) -> usize {
    macro_rules! a { ($e:expr) => { $e.map(|f| f as usize).unwrap_or(0) }; }
    let nb = (*t).tp_as_number;
    let mp = (*t).tp_as_mapping;
    let sq = (*t).tp_as_sequence;
    let am = (*t).tp_as_async;
    match s {
        Slot::Repr => a!((*t).tp_repr),
        Slot::Str => a!((*t).tp_str),
        Slot::Hash => a!((*t).tp_hash),
        Slot::Call => a!((*t).tp_call),
        Slot::Iter => a!((*t).tp_iter),
        Slot::Next => a!((*t).tp_iternext),
        Slot::GetAttr => a!((*t).tp_getattro),
        Slot::SetAttr => a!((*t).tp_setattro),
        Slot::RichCmp(_) => a!((*t).tp_richcompare),
        Slot::DescrGet => a!((*t).tp_descr_get),
        Slot::DescrSet => a!((*t).tp_descr_set),
        Slot::Init => a!((*t).tp_init),
        Slot::Del => a!((*t).tp_finalize),
        // nb_inplace_power is ternary: nb_binary_field has no field for it.
        Slot::NbBinary(NbField::IPow, _) => if nb.is_null() { 0 } else { a!((*nb).nb_inplace_power) },
        Slot::NbBinary(f, _) => if nb.is_null() { 0 } else { a!(*nb_binary_field(nb, f)) },
        Slot::NbTernaryPow(_) => if nb.is_null() { 0 } else { a!((*nb).nb_power) },
        Slot::NbUnary(f) => if nb.is_null() { 0 } else { a!(*nb_unary_field(nb, f)) },
        Slot::NbBool => if nb.is_null() { 0 } else { a!((*nb).nb_bool) },
        Slot::MpLength => {
            let m = if mp.is_null() { 0 } else { a!((*mp).mp_length) };
            if m != 0 { m } else if sq.is_null() { 0 } else { a!((*sq).sq_length) }
        }
        Slot::MpSubscript => {
            let m = if mp.is_null() { 0 } else { a!((*mp).mp_subscript) };
            if m != 0 { m } else if sq.is_null() { 0 } else { a!((*sq).sq_item) }
        }
        Slot::MpAssSubscript => {
            let m = if mp.is_null() { 0 } else { a!((*mp).mp_ass_subscript) };
            if m != 0 { m } else if sq.is_null() { 0 } else { a!((*sq).sq_ass_item) }
        }
        Slot::SqContains => if sq.is_null() { 0 } else { a!((*sq).sq_contains) },
        Slot::SqConcat(false) => if sq.is_null() { 0 } else { a!((*sq).sq_concat) },
        Slot::SqConcat(true) => if sq.is_null() { 0 } else { a!((*sq).sq_inplace_concat) },
        Slot::SqRepeat(false) => if sq.is_null() { 0 } else { a!((*sq).sq_repeat) },
        Slot::SqRepeat(true) => if sq.is_null() { 0 } else { a!((*sq).sq_inplace_repeat) },
        Slot::AmAwait => if am.is_null() { 0 } else { a!((*am).am_await) },
        Slot::AmAiter => if am.is_null() { 0 } else { a!((*am).am_aiter) },
        Slot::AmAnext => if am.is_null() { 0 } else { a!((*am).am_anext) },
    }
}

unsafe fn nb_binary_field(nb: *mut PyNumberMethods, f: NbField) -> *mut Option<BinaryFunc> {
    use NbField::*;
    match f {
        Add => &mut (*nb).nb_add,
        Sub => &mut (*nb).nb_subtract,
        Mul => &mut (*nb).nb_multiply,
        Mod => &mut (*nb).nb_remainder,
        Divmod => &mut (*nb).nb_divmod,
        Lshift => &mut (*nb).nb_lshift,
        Rshift => &mut (*nb).nb_rshift,
        And => &mut (*nb).nb_and,
        Xor => &mut (*nb).nb_xor,
        Or => &mut (*nb).nb_or,
        FloorDiv => &mut (*nb).nb_floor_divide,
        TrueDiv => &mut (*nb).nb_true_divide,
        MatMul => &mut (*nb).nb_matrix_multiply,
        IAdd => &mut (*nb).nb_inplace_add,
        ISub => &mut (*nb).nb_inplace_subtract,
        IMul => &mut (*nb).nb_inplace_multiply,
        IMod => &mut (*nb).nb_inplace_remainder,
        ILshift => &mut (*nb).nb_inplace_lshift,
        IRshift => &mut (*nb).nb_inplace_rshift,
        IAnd => &mut (*nb).nb_inplace_and,
        IXor => &mut (*nb).nb_inplace_xor,
        IOr => &mut (*nb).nb_inplace_or,
        IFloorDiv => &mut (*nb).nb_inplace_floor_divide,
        ITrueDiv => &mut (*nb).nb_inplace_true_divide,
        IMatMul => &mut (*nb).nb_inplace_matrix_multiply,
        // nb_inplace_power is ternary; handled by the caller.
        IPow => std::ptr::null_mut(),
    }
}

unsafe fn nb_unary_field(nb: *mut PyNumberMethods, f: NbUnaryField) -> *mut Option<UnaryFunc> {
    use NbUnaryField::*;
    match f {
        Neg => &mut (*nb).nb_negative,
        Pos => &mut (*nb).nb_positive,
        Abs => &mut (*nb).nb_absolute,
        Invert => &mut (*nb).nb_invert,
        Int => &mut (*nb).nb_int,
        Float => &mut (*nb).nb_float,
        Index => &mut (*nb).nb_index,
    }
}

// ---------------------------------------------------------------------------
// Builtin types: wrapper descriptors.

#[repr(C)]
pub struct WrapperDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
    pub d_base: *const SlotDef,
    pub d_wrapped: usize,
}

#[repr(C)]
pub struct MethodWrapperObject {
    pub ob_base: PyObject,
    pub descr: *mut PyObject,
    pub self_: *mut PyObject,
}

#[no_mangle]
pub static mut PyWrapperDescr_Type: PyTypeObject = PyTypeObject::EMPTY;
#[no_mangle]
pub static mut _PyMethodWrapper_Type: PyTypeObject = PyTypeObject::EMPTY;

/// Adds wrapper descriptors for the slots `t` defines itself (before it
/// inherits any), and `__new__` for its tp_new.
pub fn add_operators(t: *mut PyTypeObject, d: &Obj) -> PyResult<()> {
    unsafe {
        for sd in SLOTDEFS {
            if matches!(sd.slot, Slot::NbBinary(NbField::IPow, _)) {
                if (*t).tp_as_number.is_null() || (*(*t).tp_as_number).nb_inplace_power.is_none() {
                    continue;
                }
            } else if slot_addr(t, sd.slot) == 0 {
                continue;
            }
            // __getattr__ only exists for classes (dispatch), never as a wrapper.
            if sd.name == "__getattr__" {
                continue;
            }
            if sd.slot == Slot::Hash && (*t).tp_hash == Some(crate::ops::object_hash_not_implemented) {
                dict::set_item_str(d, "__hash__", &none::none())?;
                continue;
            }
            if dict::get_item_str(d, sd.name)?.is_some() {
                continue;
            }
            let p = alloc::alloc_object(&raw mut PyWrapperDescr_Type, 0) as *mut WrapperDescrObject;
            (*p).d_type = t;
            incref(t as *mut PyObject);
            (*p).d_name = pystr::intern_static(sd.name).into_raw();
            (*p).d_base = sd;
            (*p).d_wrapped = slot_addr(t, sd.slot);
            dict::set_item_str(d, sd.name, &Obj::from_owned(p as *mut PyObject))?;
        }
        if (*t).tp_new.is_some() && dict::get_item_str(d, "__new__")?.is_none() {
            let f = crate::types::builtin_func::new_cfunction(tp_new_wrapper_def(), Some(&type_obj(t)), None);
            dict::set_item_str(d, "__new__", &f)?;
        }
    }
    Ok(())
}

fn tp_new_wrapper_def() -> *mut PyMethodDef {
    static mut DEF: *mut PyMethodDef = null_mut();
    unsafe {
        if DEF.is_null() {
            DEF = crate::types::builtin_func::method_table(&[crate::types::builtin_func::method("__new__", tp_new_wrapper)]);
        }
        DEF
    }
}

/// `T.__new__(S, *args)`: checks S is a subtype of T whose layout T's tp_new
/// can build, then calls T's tp_new.
fn tp_new_wrapper(slf: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let t = as_type(slf);
    let tname = unsafe { (*t).name().to_owned() };
    let nkw = kwnames.map(tuple::len).unwrap_or(0);
    if args.len() - nkw < 1 {
        crate::bail!(TypeError, "{}.__new__(): not enough arguments", tname);
    }
    let sub = &args[0];
    if !type_::is_type(sub) {
        crate::bail!(TypeError, "{}.__new__(X): X is not a type object ({})", tname, sub.ty().name());
    }
    let st = as_type(sub);
    if !type_::is_subtype(st, t) {
        crate::bail!(
            TypeError,
            "{}.__new__({}): {} is not a subtype of {}",
            tname,
            unsafe { (*st).name() },
            unsafe { (*st).name() },
            tname
        );
    }
    // The most derived static base of S must use T's tp_new.
    unsafe {
        let mut staticbase = st;
        while !staticbase.is_null() && (*staticbase).tp_new == Some(slot_tp_new) {
            staticbase = (*staticbase).tp_base;
        }
        if !staticbase.is_null() && (*staticbase).tp_new != (*t).tp_new {
            crate::bail!(
                TypeError,
                "{}.__new__({}) is not safe, use {}.__new__()",
                tname,
                (*st).name(),
                (*staticbase).name()
            );
        }
        let (targs, kw) = crate::ops::call::vector_to_tuple_dict(&args[1..], kwnames)?;
        let new = (*t).tp_new.unwrap();
        from_ret(new(st, targs.as_ptr(), kw.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut())))
    }
}

/// Calls the wrapped slot of descriptor `d` for `slf` with `args`.
fn call_wrapper(d: &WrapperDescrObject, slf: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let sd = unsafe { &*d.d_base };
    let name = sd.name;
    if kwnames.map(|k| tuple::len(k) > 0).unwrap_or(false) && sd.slot != Slot::Call && sd.slot != Slot::Init {
        crate::bail!(TypeError, "wrapper {}() takes no keyword arguments", name);
    }
    let w = d.d_wrapped;
    let nargs = |n: usize| -> PyResult<()> {
        if args.len() != n {
            crate::bail!(TypeError, "expected {} argument{}, got {}", n, if n == 1 { "" } else { "s" }, args.len());
        }
        Ok(())
    };
    // Wrappers that CPython unpacks with PyArg_UnpackTuple(args, "", ...):
    // its messages start with the (empty) function name and a space.
    let unpack = |min: usize, max: usize| -> PyResult<()> {
        let n = args.len();
        if n < min || n > max {
            let (how, lim) = if min == max { ("", min) } else if n < min { ("at least ", min) } else { ("at most ", max) };
            crate::bail!(TypeError, " expected {}{} argument{}, got {}", how, lim, if lim == 1 { "" } else { "s" }, n);
        }
        Ok(())
    };
    unsafe {
        let s = slf.as_ptr();
        match sd.slot {
            Slot::Repr | Slot::Str | Slot::Iter | Slot::NbUnary(_) | Slot::AmAwait | Slot::AmAiter | Slot::AmAnext => {
                nargs(0)?;
                let f: UnaryFunc = std::mem::transmute(w);
                from_ret(f(s))
            }
            Slot::Next => {
                nargs(0)?;
                let f: IterNextFunc = std::mem::transmute(w);
                let r = f(s);
                if r.is_null() && !crate::errors::occurred() {
                    return Err(crate::errors::raise_empty(crate::types::exceptions::StopIteration()));
                }
                from_ret(r)
            }
            Slot::Hash => {
                nargs(0)?;
                let f: HashFunc = std::mem::transmute(w);
                let h = f(s);
                if h == -1 && crate::errors::occurred() {
                    return Err(crate::errors::PyErr::already_set());
                }
                Ok(crate::types::int::from_i64(h as i64))
            }
            Slot::Call => {
                let f: TernaryFunc = std::mem::transmute(w);
                let (t, kw) = crate::ops::call::vector_to_tuple_dict(args, kwnames)?;
                from_ret(f(s, t.as_ptr(), kw.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut())))
            }
            Slot::Init => {
                let f: InitProc = std::mem::transmute(w);
                let (t, kw) = crate::ops::call::vector_to_tuple_dict(args, kwnames)?;
                from_status(f(s, t.as_ptr(), kw.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut())))?;
                Ok(none::none())
            }
            Slot::GetAttr => {
                nargs(1)?;
                let f: GetAttroFunc = std::mem::transmute(w);
                from_ret(f(s, args[0].as_ptr()))
            }
            Slot::SetAttr => {
                let f: SetAttroFunc = std::mem::transmute(w);
                // CPython's "hackcheck": object.__setattr__(int, ...) must not
                // bypass type's own __setattr__ (the first static type in the
                // MRO of the instance's type decides).
                let mut t = slf.type_ptr();
                while !t.is_null() && (*t).has_flag(crate::object::tpflags::HEAPTYPE) {
                    t = (*t).tp_base;
                }
                if !t.is_null() && (*t).tp_setattro.map(|g| g as usize) != Some(w as usize) {
                    crate::bail!(TypeError, "can't apply this {} to {} object", name, (*t).name());
                }
                if name == "__setattr__" {
                    unpack(2, 2)?;
                    from_status(f(s, args[0].as_ptr(), args[1].as_ptr()))?;
                } else {
                    nargs(1)?;
                    from_status(f(s, args[0].as_ptr(), null_mut()))?;
                }
                Ok(none::none())
            }
            Slot::RichCmp(op) => {
                nargs(1)?;
                let f: RichCmpFunc = std::mem::transmute(w);
                from_ret(f(s, args[0].as_ptr(), op as i32))
            }
            Slot::DescrGet => {
                unpack(1, 2)?;
                let f: DescrGetFunc = std::mem::transmute(w);
                let obj = if none::is_none(&args[0]) { null_mut() } else { args[0].as_ptr() };
                let tp = match args.get(1) {
                    Some(t) if !none::is_none(t) => t.as_ptr(),
                    _ => null_mut(),
                };
                if obj.is_null() && tp.is_null() {
                    crate::bail!(TypeError, "__get__(None, None) is invalid");
                }
                from_ret(f(s, obj, tp))
            }
            Slot::DescrSet => {
                let f: DescrSetFunc = std::mem::transmute(w);
                if name == "__set__" {
                    unpack(2, 2)?;
                    from_status(f(s, args[0].as_ptr(), args[1].as_ptr()))?;
                } else {
                    nargs(1)?;
                    from_status(f(s, args[0].as_ptr(), null_mut()))?;
                }
                Ok(none::none())
            }
            Slot::Del => {
                nargs(0)?;
                let f: Destructor = std::mem::transmute(w);
                f(s);
                if crate::errors::occurred() {
                    return Err(crate::errors::PyErr::already_set());
                }
                Ok(none::none())
            }
            Slot::NbBinary(NbField::IPow, _) => {
                unpack(1, 2)?;
                let f: TernaryFunc = std::mem::transmute((*(*d.d_type).tp_as_number).nb_inplace_power.unwrap());
                let m = args.get(1).map(|a| a.as_ptr()).unwrap_or(none::none_ptr());
                from_ret(f(s, args[0].as_ptr(), m))
            }
            Slot::NbBinary(_, reflected) => {
                nargs(1)?;
                let f: BinaryFunc = std::mem::transmute(w);
                if reflected {
                    from_ret(f(args[0].as_ptr(), s))
                } else {
                    from_ret(f(s, args[0].as_ptr()))
                }
            }
            Slot::NbTernaryPow(reflected) => {
                unpack(1, 2)?;
                let f: TernaryFunc = std::mem::transmute(w);
                let m = args.get(1).map(|a| a.as_ptr()).unwrap_or(none::none_ptr());
                if reflected {
                    from_ret(f(args[0].as_ptr(), s, m))
                } else {
                    from_ret(f(s, args[0].as_ptr(), m))
                }
            }
            Slot::NbBool => {
                nargs(0)?;
                let f: Inquiry = std::mem::transmute(w);
                Ok(bool_::from_bool(from_status(f(s))? != 0))
            }
            Slot::MpLength => {
                nargs(0)?;
                let f: LenFunc = std::mem::transmute(w);
                let n = f(s);
                if n < 0 && crate::errors::occurred() {
                    return Err(crate::errors::PyErr::already_set());
                }
                Ok(crate::types::int::from_i64(n as i64))
            }
            Slot::MpSubscript => {
                nargs(1)?;
                let t = d.d_type;
                if !(*t).tp_as_mapping.is_null() && (*(*t).tp_as_mapping).mp_subscript.map(|f| f as usize) == Some(w) {
                    let f: BinaryFunc = std::mem::transmute(w);
                    from_ret(f(s, args[0].as_ptr()))
                } else {
                    let f: SsizeArgFunc = std::mem::transmute(w);
                    let i = crate::ops::seq::index_for_sq(slf, &args[0])?;
                    from_ret(f(s, i))
                }
            }
            Slot::MpAssSubscript => {
                let t = d.d_type;
                let is_mp = !(*t).tp_as_mapping.is_null()
                    && (*(*t).tp_as_mapping).mp_ass_subscript.map(|f| f as usize) == Some(w);
                let (key, value) = if name == "__setitem__" {
                    unpack(2, 2)?;
                    (&args[0], args[1].as_ptr())
                } else {
                    nargs(1)?;
                    (&args[0], null_mut())
                };
                if is_mp {
                    let f: ObjObjArgProc = std::mem::transmute(w);
                    from_status(f(s, key.as_ptr(), value))?;
                } else {
                    let f: SsizeObjArgProc = std::mem::transmute(w);
                    let i = crate::ops::seq::index_for_sq(slf, key)?;
                    from_status(f(s, i, value))?;
                }
                Ok(none::none())
            }
            Slot::SqContains => {
                nargs(1)?;
                let f: ObjObjProc = std::mem::transmute(w);
                Ok(bool_::from_bool(from_status(f(s, args[0].as_ptr()))? != 0))
            }
            Slot::SqConcat(_) => {
                nargs(1)?;
                let f: BinaryFunc = std::mem::transmute(w);
                from_ret(f(s, args[0].as_ptr()))
            }
            Slot::SqRepeat(_) => {
                unpack(1, 1)?;
                let f: SsizeArgFunc = std::mem::transmute(w);
                let n = crate::types::int::number_as_ssize(&args[0])?;
                from_ret(f(s, n))
            }
        }
    }
}

unsafe extern "C" fn wrapper_descr_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let d = &*(callable as *const WrapperDescrObject);
    let nkw = if kwnames.is_null() { 0 } else { tuple::len(Obj::borrow_slot(&kwnames)) };
    let npos = nargsf & !crate::types::builtin_func::VECTORCALL_ARGUMENTS_OFFSET;
    let all = Obj::borrow_slice(std::slice::from_raw_parts(args, npos + nkw));
    let kw = if kwnames.is_null() { None } else { Some(Obj::borrow_slot(&kwnames)) };
    let r = (|| {
        let name = (*d.d_base).name;
        if npos == 0 {
            crate::bail!(TypeError, "descriptor '{}' of '{}' object needs an argument", name, (*d.d_type).name());
        }
        let slf = &all[0];
        if !type_::is_subtype(slf.type_ptr(), d.d_type) {
            crate::bail!(
                TypeError,
                "descriptor '{}' requires a '{}' object but received a '{}'",
                name,
                (*d.d_type).name(),
                slf.ty().name()
            );
        }
        call_wrapper(d, slf, &all[1..], kw)
    })();
    ret(r)
}

crate::descr_get_slot!(wrapper_descr_get => wrapper_descr_get_impl);
fn wrapper_descr_get_impl(descr: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    let obj = match obj {
        None => return Ok(descr.clone()),
        Some(o) => o,
    };
    let d = unsafe { descr.cast::<WrapperDescrObject>() };
    if !type_::is_subtype(obj.type_ptr(), d.d_type) {
        crate::bail!(
            TypeError,
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            unsafe { (*d.d_base).name },
            unsafe { (*d.d_type).name() },
            obj.ty().name()
        );
    }
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyMethodWrapper_Type, 0) as *mut MethodWrapperObject;
        (*p).descr = descr.clone().into_raw();
        (*p).self_ = obj.clone().into_raw();
        Ok(Obj::from_owned(p as *mut PyObject))
    }
}

fn method_wrapper_call(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    let d = unsafe { Obj::borrow_slot(&mw.descr).cast::<WrapperDescrObject>() };
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    call_wrapper(d, unsafe { Obj::borrow_slot(&mw.self_) }, &v, kn.as_ref())
}
crate::call_slot!(method_wrapper_call_slot => method_wrapper_call);

fn wrapper_descr_repr(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<WrapperDescrObject>() };
    Ok(pystr::new(&format!("<slot wrapper '{}' of '{}' objects>", unsafe { (*d.d_base).name }, unsafe {
        (*d.d_type).full_name()
    })))
}
crate::unary_slot!(wrapper_descr_repr_slot => wrapper_descr_repr);

fn method_wrapper_repr(o: &Obj) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    let d = unsafe { Obj::borrow_slot(&mw.descr).cast::<WrapperDescrObject>() };
    let s = unsafe { Obj::borrow_slot(&mw.self_) };
    Ok(pystr::new(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        unsafe { (*d.d_base).name },
        s.ty().name(),
        s.as_ptr() as usize
    )))
}
crate::unary_slot!(method_wrapper_repr_slot => method_wrapper_repr);

fn wd_name(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(o.cast::<WrapperDescrObject>().d_name) })
}
/// The docstring CPython gives each slot's wrapper (its slotdefs table,
/// signatures left out as `__doc__` shows them).
fn slot_doc(d: &SlotDef) -> Option<String> {
    use NbField::*;
    let op = |f: NbField| match f {
        Add | IAdd => "+",
        Sub | ISub => "-",
        Mul | IMul => "*",
        Mod | IMod => "%",
        Lshift | ILshift => "<<",
        Rshift | IRshift => ">>",
        And | IAnd => "&",
        Xor | IXor => "^",
        Or | IOr => "|",
        FloorDiv | IFloorDiv => "//",
        TrueDiv | ITrueDiv => "/",
        MatMul | IMatMul => "@",
        IPow => "**",
        Divmod => "",
    };
    let fixed = match d.name {
        "__repr__" => "Return repr(self).",
        "__str__" => "Return str(self).",
        "__hash__" => "Return hash(self).",
        "__call__" => "Call self as a function.",
        "__iter__" => "Implement iter(self).",
        "__next__" => "Implement next(self).",
        "__getattribute__" => "Return getattr(self, name).",
        "__setattr__" => "Implement setattr(self, name, value).",
        "__delattr__" => "Implement delattr(self, name).",
        "__lt__" => "Return self<value.",
        "__le__" => "Return self<=value.",
        "__eq__" => "Return self==value.",
        "__ne__" => "Return self!=value.",
        "__gt__" => "Return self>value.",
        "__ge__" => "Return self>=value.",
        "__get__" => "Return an attribute of instance, which is of type owner.",
        "__set__" => "Set an attribute of instance to value.",
        "__delete__" => "Delete an attribute of instance.",
        "__init__" => "Initialize self.  See help(type(self)) for accurate signature.",
        "__divmod__" => "Return divmod(self, value).",
        "__rdivmod__" => "Return divmod(value, self).",
        "__pow__" => "Return pow(self, value, mod).",
        "__rpow__" => "Return pow(value, self, mod).",
        "__neg__" => "-self",
        "__pos__" => "+self",
        "__abs__" => "abs(self)",
        "__bool__" => "True if self else False",
        "__invert__" => "~self",
        "__int__" => "int(self)",
        "__float__" => "float(self)",
        "__index__" => "Return self converted to an integer, if self is suitable for use as an index into a list.",
        "__len__" => "Return len(self).",
        "__getitem__" => "Return self[key].",
        "__setitem__" => "Set self[key] to value.",
        "__delitem__" => "Delete self[key].",
        "__contains__" => "Return key in self.",
        "__await__" => "Return an iterator to be used in await expression.",
        "__aiter__" => "Return an awaitable, that resolves in asynchronous iterator.",
        "__anext__" => "Return a value or raise StopAsyncIteration.",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_owned());
    }
    let inplace = d.name.starts_with("__i");
    Some(match d.slot {
        Slot::NbBinary(f, _) if inplace => format!("Return self{}=value.", op(f)),
        Slot::NbBinary(f, true) => format!("Return value{}self.", op(f)),
        Slot::NbBinary(f, false) => format!("Return self{}value.", op(f)),
        Slot::SqConcat(true) => "Implement self+=value.".to_owned(),
        Slot::SqConcat(false) => "Return self+value.".to_owned(),
        Slot::SqRepeat(true) => "Implement self*=value.".to_owned(),
        Slot::SqRepeat(false) if d.name == "__rmul__" => "Return value*self.".to_owned(),
        Slot::SqRepeat(false) => "Return self*value.".to_owned(),
        _ => return None,
    })
}

fn wd_doc(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { &*o.cast::<WrapperDescrObject>().d_base };
    Ok(slot_doc(d).map(|s| pystr::new(&s)).unwrap_or_else(none::none))
}
fn mw_doc(o: &Obj) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    wd_doc(unsafe { Obj::borrow_slot(&mw.descr) })
}

fn wd_objclass(o: &Obj) -> PyResult<Obj> {
    Ok(type_obj(unsafe { o.cast::<WrapperDescrObject>().d_type }))
}
fn wd_qualname(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<WrapperDescrObject>() };
    Ok(pystr::new(&format!("{}.{}", unsafe { (*d.d_type).name() }, unsafe { (*d.d_base).name })))
}
fn mw_self(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(o.cast::<MethodWrapperObject>().self_) })
}
/// The signature inspect reads from a slot wrapper (`__text_signature__`),
/// by dunder name.
fn text_signature(name: &str) -> &'static str {
    match name {
        "__getattribute__" | "__getattr__" | "__delattr__" => "($self, name, /)",
        "__setattr__" => "($self, name, value, /)",
        "__get__" => "($self, instance, owner=None, /)",
        "__set__" => "($self, instance, value, /)",
        "__delete__" => "($self, instance, /)",
        "__init__" | "__call__" => "($self, /, *args, **kwargs)",
        "__pow__" | "__rpow__" => "($self, value, mod=None, /)",
        "__getitem__" | "__delitem__" | "__contains__" => "($self, key, /)",
        "__setitem__" => "($self, key, value, /)",
        "__repr__" | "__str__" | "__hash__" | "__iter__" | "__next__" | "__del__" | "__neg__" | "__pos__" | "__abs__"
        | "__bool__" | "__invert__" | "__int__" | "__float__" | "__index__" | "__len__" | "__await__" | "__aiter__"
        | "__anext__" => "($self, /)",
        _ => "($self, value, /)",
    }
}
fn wd_text_signature(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.cast::<WrapperDescrObject>() };
    Ok(pystr::new(text_signature(unsafe { (*d.d_base).name })))
}
fn mw_text_signature(o: &Obj) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    wd_text_signature(unsafe { Obj::borrow_slot(&mw.descr) })
}
fn mw_objclass(o: &Obj) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    wd_objclass(unsafe { Obj::borrow_slot(&mw.descr) })
}
fn mw_name(o: &Obj) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    wd_name(unsafe { Obj::borrow_slot(&mw.descr) })
}
fn mw_qualname(o: &Obj) -> PyResult<Obj> {
    let mw = unsafe { o.cast::<MethodWrapperObject>() };
    wd_qualname(unsafe { Obj::borrow_slot(&mw.descr) })
}

unsafe extern "C" fn wd_dealloc(p: *mut PyObject) {
    let d = &mut *(p as *mut WrapperDescrObject);
    xdecref(d.d_type as *mut PyObject);
    xdecref(d.d_name);
    xdecref(d.d_qualname);
    alloc::free_object(p);
}

unsafe extern "C" fn mw_dealloc(p: *mut PyObject) {
    let m = &mut *(p as *mut MethodWrapperObject);
    xdecref(m.descr);
    xdecref(m.self_);
    alloc::free_object(p);
}

fn mw_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !b.is_type(&raw mut _PyMethodWrapper_Type) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (x, y) = unsafe { (a.cast::<MethodWrapperObject>(), b.cast::<MethodWrapperObject>()) };
    let eq = x.descr == y.descr && x.self_ == y.self_;
    Ok(bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
crate::richcmp_slot!(mw_richcompare_slot => mw_richcompare);

fn mw_hash(o: &Obj) -> PyResult<isize> {
    let m = unsafe { o.cast::<MethodWrapperObject>() };
    let h = crate::ops::object_hash_ptr(m.self_) ^ crate::ops::object_hash_ptr(m.descr);
    Ok(if h == -1 { -2 } else { h })
}
crate::hash_slot!(mw_hash_slot => mw_hash);

pub fn init_types() {
    use crate::types::getset::{getset_table, GetSetSpec};
    unsafe {
        let t = &raw mut PyWrapperDescr_Type;
        type_::init_static(t, "wrapper_descriptor", std::mem::size_of::<WrapperDescrObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::HAVE_VECTORCALL | tpflags::METHOD_DESCRIPTOR;
        (*t).tp_dealloc = Some(wd_dealloc);
        (*t).tp_descr_get = Some(wrapper_descr_get);
        (*t).tp_repr = Some(wrapper_descr_repr_slot);
        (*t).tp_call = Some(crate::ops::call::vectorcall_tp_call);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__name__", wd_name),
            GetSetSpec::get("__qualname__", wd_qualname),
            GetSetSpec::get("__objclass__", wd_objclass),
            GetSetSpec::get("__doc__", wd_doc),
            GetSetSpec::get("__text_signature__", wd_text_signature),
        ]);
        // No vectorcall field in this layout: calls go through tp_call.
        (*t).tp_flags &= !tpflags::HAVE_VECTORCALL;
        (*t).tp_call = Some(wd_tp_call);

        let t = &raw mut _PyMethodWrapper_Type;
        type_::init_static(t, "method-wrapper", std::mem::size_of::<MethodWrapperObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_dealloc = Some(mw_dealloc);
        (*t).tp_call = Some(method_wrapper_call_slot);
        (*t).tp_repr = Some(method_wrapper_repr_slot);
        (*t).tp_richcompare = Some(mw_richcompare_slot);
        (*t).tp_hash = Some(mw_hash_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__self__", mw_self),
            GetSetSpec::get("__objclass__", mw_objclass),
            GetSetSpec::get("__text_signature__", mw_text_signature),
            GetSetSpec::get("__name__", mw_name),
            GetSetSpec::get("__qualname__", mw_qualname),
            GetSetSpec::get("__doc__", mw_doc),
        ]);
    }
}

unsafe extern "C" fn wd_tp_call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let a = Obj::borrow_slot(&args);
    let kw = if kwargs.is_null() { None } else { Some(Obj::borrow_slot(&kwargs)) };
    match crate::ops::call::kwargs_to_vector(tuple::items(a), kw) {
        Ok((v, kn)) => {
            let nkw = kn.as_ref().map(tuple::len).unwrap_or(0);
            wrapper_descr_vectorcall(
                callable,
                v.as_ptr() as *const *mut PyObject,
                v.len() - nkw,
                kn.as_ref().map(|k| k.as_ptr()).unwrap_or(null_mut()),
            )
        }
        Err(_) => null_mut(),
    }
}

// ---------------------------------------------------------------------------
// Classes: slots that call dunder methods.

/// Looks a dunder up on the instance's type and binds it (or returns None).
fn lookup_method(obj: &Obj, name: &'static str) -> PyResult<Option<Obj>> {
    let n = pystr::intern_static(name);
    match lookup(obj.type_ptr(), &n) {
        None => Ok(None),
        Some(f) => match f.ty().tp_descr_get {
            Some(g) if !crate::types::function::is_function(&f) || true => {
                let r = unsafe { from_ret(g(f.as_ptr(), obj.as_ptr(), obj.type_ptr() as *mut PyObject))? };
                Ok(Some(r))
            }
            _ => Ok(Some(f)),
        },
    }
}

/// Calls `type(obj).name(obj, *args)`; None when the type lacks it.
pub fn call_dunder(obj: &Obj, name: &'static str, args: &[Obj]) -> PyResult<Option<Obj>> {
    let n = pystr::intern_static(name);
    let f = match lookup(obj.type_ptr(), &n) {
        None => return Ok(None),
        Some(f) => f,
    };
    if crate::types::function::is_function(&f) {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        return crate::ops::call::call(&f, &all, None).map(Some);
    }
    let bound = match f.ty().tp_descr_get {
        Some(g) => unsafe { from_ret(g(f.as_ptr(), obj.as_ptr(), obj.type_ptr() as *mut PyObject))? },
        None => f,
    };
    crate::ops::call::call(&bound, args, None).map(Some)
}

fn call_required(obj: &Obj, name: &'static str, args: &[Obj]) -> PyResult<Obj> {
    match call_dunder(obj, name, args)? {
        Some(r) => Ok(r),
        None => Err(type_::attribute_error(obj, &pystr::intern_static(name))),
    }
}

fn slot_repr(o: &Obj) -> PyResult<Obj> {
    match call_dunder(o, "__repr__", &[])? {
        Some(r) => Ok(r),
        None => crate::types::object_::object_repr(o),
    }
}
crate::unary_slot!(slot_tp_repr => slot_repr);

fn slot_str(o: &Obj) -> PyResult<Obj> {
    call_required(o, "__str__", &[])
}
crate::unary_slot!(slot_tp_str => slot_str);

fn slot_hash(o: &Obj) -> PyResult<isize> {
    let f = lookup(o.type_ptr(), &pystr::intern_static("__hash__"));
    match f {
        Some(f) if none::is_none(&f) => crate::ops::object_hash_not_implemented_rs(o),
        None => crate::ops::object_hash_not_implemented_rs(o),
        Some(_) => {
            let r = call_required(o, "__hash__", &[])?;
            if !crate::types::int::is_int(&r) {
                crate::bail!(TypeError, "__hash__ method should return an integer");
            }
            // Large results are reduced like the hash of an int.
            let h = match crate::types::int::as_i64(&r) {
                Some(v) if v != -1 => v as isize,
                _ => crate::ops::hash(&r)?,
            };
            Ok(if h == -1 { -2 } else { h })
        }
    }
}
crate::hash_slot!(slot_tp_hash => slot_hash);

fn slot_call(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let f = match lookup_method(o, "__call__")? {
        Some(f) => f,
        None => crate::bail!(TypeError, "'{}' object is not callable", o.ty().name()),
    };
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    crate::ops::call::call(&f, &v, kn.as_ref())
}
crate::call_slot!(slot_tp_call => slot_call);

fn slot_iter(o: &Obj) -> PyResult<Obj> {
    let f = lookup(o.type_ptr(), &pystr::intern_static("__iter__"));
    match f {
        Some(f) if none::is_none(&f) => crate::bail!(TypeError, "'{}' object is not iterable", o.ty().name()),
        Some(_) => call_required(o, "__iter__", &[]),
        None => {
            // Sequence protocol fallback (__getitem__).
            if lookup(o.type_ptr(), &pystr::intern_static("__getitem__")).is_some() {
                return crate::types::iter::new_seq_iter(o);
            }
            crate::bail!(TypeError, "'{}' object is not iterable", o.ty().name())
        }
    }
}
crate::unary_slot!(slot_tp_iter => slot_iter);

fn slot_next(o: &Obj) -> PyResult<Obj> {
    call_required(o, "__next__", &[])
}
crate::unary_slot!(slot_tp_iternext => slot_next);

/// __getattribute__, then __getattr__ when it raised AttributeError.
fn slot_getattr_hook(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let t = o.type_ptr();
    let getattribute = lookup(t, &pystr::intern_static("__getattribute__"));
    let r = match &getattribute {
        // A slot wrapper's own getattro (object's generic one, or type's
        // for metaclasses) is called directly, as CPython does.
        Some(ga) if is_wrapper_of(ga, Slot::GetAttr) => unsafe {
            let f = std::mem::transmute::<usize, GetAttroFunc>((*ga.cast::<WrapperDescrObject>()).d_wrapped);
            from_ret(f(o.as_ptr(), name.as_ptr()))
        },
        Some(ga) => {
            let bound = bind(ga, o)?;
            crate::ops::call::call(&bound, &[name.clone()], None)
        }
        None => type_::generic_getattr(o, name),
    };
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            if !crate::errors::matches(crate::types::exceptions::AttributeError()) {
                return Err(e);
            }
            match lookup(t, &pystr::intern_static("__getattr__")) {
                Some(g) => {
                    crate::errors::clear();
                    let bound = bind(&g, o)?;
                    crate::ops::call::call(&bound, &[name.clone()], None)
                }
                None => Err(e),
            }
        }
    }
}
crate::binary_slot!(slot_tp_getattr_hook => slot_getattr_hook);

fn bind(f: &Obj, o: &Obj) -> PyResult<Obj> {
    match f.ty().tp_descr_get {
        Some(g) => unsafe { from_ret(g(f.as_ptr(), o.as_ptr(), o.type_ptr() as *mut PyObject)) },
        None => Ok(f.clone()),
    }
}

/// Whether the wrapper descriptor `f` belongs to `t` or one of its bases.
fn wrapper_applies(f: &Obj, t: *mut PyTypeObject) -> bool {
    crate::types::type_::is_subtype(t, unsafe { f.cast::<WrapperDescrObject>().d_type })
}

fn is_wrapper_of(f: &Obj, s: Slot) -> bool {
    f.is_type(&raw mut PyWrapperDescr_Type) && unsafe { (*f.cast::<WrapperDescrObject>().d_base).slot == s }
}

fn slot_setattr(o: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_required(o, "__setattr__", &[name.clone(), v.clone()]).map(|_| ()),
        None => call_required(o, "__delattr__", &[name.clone()]).map(|_| ()),
    }
}
crate::setter_slot!(slot_tp_setattro => slot_setattr);

fn slot_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let name = match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    };
    match lookup(a.type_ptr(), &pystr::intern_static(name)) {
        None => Ok(none::not_implemented()),
        Some(f) => {
            if is_wrapper_of(&f, Slot::RichCmp(op)) && !wrapper_applies(&f, a.type_ptr()) {
                // Called unbound, as CPython: the wrapper rejects `a`.
                return crate::ops::call::call(&f, &[a.clone(), b.clone()], None);
            }
            if is_wrapper_of(&f, Slot::RichCmp(op)) {
                let d = unsafe { f.cast::<WrapperDescrObject>() };
                let func: RichCmpFunc = unsafe { std::mem::transmute(d.d_wrapped) };
                return unsafe { from_ret(func(a.as_ptr(), b.as_ptr(), op as i32)) };
            }
            // As CPython: a method whose binding fails (a property raising)
            // counts as not implemented; a non-callable (None) is called
            // and fails.
            let bound = match bind(&f, a) {
                Ok(m) => m,
                Err(_) => {
                    crate::errors::clear();
                    return Ok(none::not_implemented());
                }
            };
            crate::ops::call::call(&bound, &[b.clone()], None)
        }
    }
}
crate::richcmp_slot!(slot_tp_richcompare => slot_richcompare);

fn slot_descr_get(d: &Obj, obj: Option<&Obj>, t: Option<&Obj>) -> PyResult<Obj> {
    let f = match lookup(d.type_ptr(), &pystr::intern_static("__get__")) {
        Some(f) => f,
        None => return Ok(d.clone()),
    };
    let obj = obj.cloned().unwrap_or_else(none::none);
    let t = t.cloned().unwrap_or_else(none::none);
    // Called with the descriptor as first argument, never bound: CPython's
    // slot_tp_descr_get does so, and a builtin function as `__get__` (which
    // binds to nothing) still gets all three.
    crate::ops::call::call(&f, &[d.clone(), obj, t], None)
}
crate::descr_get_slot!(slot_tp_descr_get => slot_descr_get);

fn slot_descr_set(d: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_required(d, "__set__", &[obj.clone(), v.clone()]).map(|_| ()),
        None => call_required(d, "__delete__", &[obj.clone()]).map(|_| ()),
    }
}
crate::setter_slot!(slot_tp_descr_set => slot_descr_set);

fn slot_init(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<()> {
    let f = match lookup_method(o, "__init__")? {
        Some(f) => f,
        None => return Ok(()),
    };
    let (v, kn) = crate::ops::call::kwargs_to_vector(tuple::items(args), kwargs)?;
    let r = crate::ops::call::call(&f, &v, kn.as_ref())?;
    if !none::is_none(&r) {
        crate::bail!(TypeError, "__init__() should return None, not '{}'", r.ty().name());
    }
    Ok(())
}
crate::init_slot!(slot_tp_init => slot_init);

/// tp_new of classes defining `__new__`: calls `cls.__new__(cls, *args)`.
pub unsafe extern "C" fn slot_tp_new(t: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let tobj = type_obj(t);
        let f = crate::ops::attr::getattr(&tobj, &pystr::intern_static("__new__"))?;
        let a = Obj::borrow_slot(&args);
        let kw = if kwargs.is_null() { None } else { Some(Obj::borrow_slot(&kwargs)) };
        let mut all = vec![tobj.clone()];
        all.extend_from_slice(tuple::items(a));
        let (v, kn) = crate::ops::call::kwargs_to_vector(&all, kw)?;
        crate::ops::call::call(&f, &v, kn.as_ref())
    })();
    ret(r)
}

unsafe extern "C" fn slot_tp_finalize(p: *mut PyObject) {
    let o = Obj::from_borrowed(p);
    // Keep any exception being propagated.
    let saved = crate::errors::fetch();
    if let Err(e) = call_dunder(&o, "__del__", &[]) {
        let f = lookup(o.type_ptr(), &pystr::intern_static("__del__"));
        crate::errors::write_unraisable_del(e, f.as_ref());
    }
    if let Some(s) = saved {
        let _ = crate::errors::restore(s);
    }
}

fn slot_bool(o: &Obj) -> PyResult<bool> {
    let t = o.type_ptr();
    if let Some(f) = lookup(t, &pystr::intern_static("__bool__")) {
        if none::is_none(&f) {
            crate::bail!(TypeError, "'NoneType' object is not callable");
        }
        let r = call_required(o, "__bool__", &[])?;
        if !bool_::is_bool(&r) {
            crate::bail!(TypeError, "__bool__ should return bool, returned {}", r.ty().name());
        }
        return Ok(bool_::is_true(&r));
    }
    if lookup(t, &pystr::intern_static("__len__")).is_some() {
        return Ok(slot_len(o)? != 0);
    }
    Ok(true)
}
crate::inquiry_slot!(slot_nb_bool => slot_bool);

fn slot_len(o: &Obj) -> PyResult<usize> {
    let r = call_required(o, "__len__", &[])?;
    let i = crate::types::int::index(&r).map_err(|e| {
        if crate::errors::matches(crate::types::exceptions::TypeError()) {
            crate::errors::clear();
            crate::raise!(TypeError, "'{}' object cannot be interpreted as an integer", r.ty().name())
        } else {
            e
        }
    })?;
    // As CPython: the sign is checked before the size.
    if crate::types::int::sign(&i) < 0 {
        crate::bail!(ValueError, "__len__() should return >= 0");
    }
    match crate::types::int::as_i64(&i) {
        Some(v) => Ok(v as usize),
        None => crate::bail!(OverflowError, "cannot fit 'int' into an index-sized integer"),
    }
}
crate::len_slot!(slot_mp_length => slot_len);

fn slot_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    call_required(o, "__getitem__", &[key.clone()])
}
crate::binary_slot!(slot_mp_subscript => slot_getitem);

fn slot_sq_item_impl(o: &Obj, i: isize) -> PyResult<Obj> {
    call_required(o, "__getitem__", &[crate::types::int::from_i64(i as i64)])
}
crate::sq_item_slot!(slot_sq_item => slot_sq_item_impl);

fn slot_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => call_required(o, "__setitem__", &[key.clone(), v.clone()]).map(|_| ()),
        None => call_required(o, "__delitem__", &[key.clone()]).map(|_| ()),
    }
}
crate::setter_slot!(slot_mp_ass_subscript => slot_setitem);

fn slot_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    match lookup(o.type_ptr(), &pystr::intern_static("__contains__")) {
        Some(f) if none::is_none(&f) => crate::bail!(TypeError, "'{}' object is not a container", o.ty().name()),
        Some(_) => crate::ops::truthy(&call_required(o, "__contains__", &[v.clone()])?),
        None => crate::ops::seq::contains_by_iteration(o, v),
    }
}
crate::contains_slot!(slot_sq_contains => slot_contains);

macro_rules! unary_dunder {
    ($fname:ident, $slotname:ident, $dunder:literal) => {
        fn $fname(o: &Obj) -> PyResult<Obj> {
            call_required(o, $dunder, &[])
        }
        crate::unary_slot!($slotname => $fname);
    };
}
unary_dunder!(slot_neg, slot_nb_negative, "__neg__");
unary_dunder!(slot_pos, slot_nb_positive, "__pos__");
unary_dunder!(slot_abs, slot_nb_absolute, "__abs__");
unary_dunder!(slot_invert, slot_nb_invert, "__invert__");
unary_dunder!(slot_int, slot_nb_int, "__int__");
unary_dunder!(slot_float, slot_nb_float, "__float__");
unary_dunder!(slot_index, slot_nb_index, "__index__");
unary_dunder!(slot_await, slot_am_await, "__await__");
unary_dunder!(slot_aiter, slot_am_aiter, "__aiter__");
unary_dunder!(slot_anext, slot_am_anext, "__anext__");

/// A binary number slot of a class, for `a OP b` where either side may be
/// an instance of the class: tries `a.__op__(b)` then `b.__rop__(a)`, the
/// reflected one first when b's type is a subclass overriding it.
fn binary_dispatch(a: &Obj, b: &Obj, name: &'static str, rname: &'static str, slot: usize) -> PyResult<Obj> {
    let ta = a.type_ptr();
    let tb = b.type_ptr();
    let own_slot = |t: *mut PyTypeObject| -> bool {
        unsafe {
            let nb = (*t).tp_as_number;
            !nb.is_null() && binary_slot_matches(nb, slot)
        }
    };
    let do_other = ta != tb && own_slot(tb) && !rname.is_empty() && lookup(tb, &pystr::intern_static(rname)).is_some();
    if own_slot(ta) && lookup(ta, &pystr::intern_static(name)).is_some() {
        if do_other && type_::is_subtype(tb, ta) && overrides(tb, ta, rname) {
            let r = call_dunder_ni(b, rname, a)?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
            let r = call_dunder_ni(a, name, b)?;
            return Ok(r);
        }
        let r = call_dunder_ni(a, name, b)?;
        if !none::is_not_implemented(&r) || ta == tb {
            return Ok(r);
        }
    }
    if do_other {
        return call_dunder_ni(b, rname, a);
    }
    Ok(none::not_implemented())
}

fn overrides(sub: *mut PyTypeObject, base: *mut PyTypeObject, name: &'static str) -> bool {
    let n = pystr::intern_static(name);
    match (lookup(sub, &n), lookup(base, &n)) {
        (Some(x), Some(y)) => !x.is(&y),
        (Some(_), None) => true,
        _ => false,
    }
}

/// Calls a binary dunder; a missing one gives NotImplemented, one set to
/// None is called as CPython does ("'NoneType' object is not callable").
fn call_dunder_ni(o: &Obj, name: &'static str, other: &Obj) -> PyResult<Obj> {
    match lookup(o.type_ptr(), &pystr::intern_static(name)) {
        None => Ok(none::not_implemented()),
        Some(f) => {
            let bound = bind(&f, o)?;
            crate::ops::call::call(&bound, &[other.clone()], None)
        }
    }
}

unsafe fn binary_slot_matches(nb: *mut PyNumberMethods, slot: usize) -> bool {
    // Compares the slot in `nb` with the dispatcher address `slot`.
    let fields: [Option<BinaryFunc>; 14] = [
        (*nb).nb_add,
        (*nb).nb_subtract,
        (*nb).nb_multiply,
        (*nb).nb_remainder,
        (*nb).nb_divmod,
        (*nb).nb_lshift,
        (*nb).nb_rshift,
        (*nb).nb_and,
        (*nb).nb_xor,
        (*nb).nb_or,
        (*nb).nb_floor_divide,
        (*nb).nb_true_divide,
        (*nb).nb_matrix_multiply,
        None,
    ];
    fields.iter().any(|f| f.map(|f| f as usize) == Some(slot))
}

macro_rules! binary_dunder {
    ($fname:ident, $slotname:ident, $dunder:literal, $rdunder:literal) => {
        fn $fname(a: &Obj, b: &Obj) -> PyResult<Obj> {
            binary_dispatch(a, b, $dunder, $rdunder, $slotname as *const () as usize)
        }
        crate::binary_slot!($slotname => $fname);
    };
}
binary_dunder!(slot_add, slot_nb_add, "__add__", "__radd__");
binary_dunder!(slot_sub, slot_nb_subtract, "__sub__", "__rsub__");
binary_dunder!(slot_mul, slot_nb_multiply, "__mul__", "__rmul__");
binary_dunder!(slot_mod, slot_nb_remainder, "__mod__", "__rmod__");
binary_dunder!(slot_divmod, slot_nb_divmod, "__divmod__", "__rdivmod__");
binary_dunder!(slot_lshift, slot_nb_lshift, "__lshift__", "__rlshift__");
binary_dunder!(slot_rshift, slot_nb_rshift, "__rshift__", "__rrshift__");
binary_dunder!(slot_and, slot_nb_and, "__and__", "__rand__");
binary_dunder!(slot_xor, slot_nb_xor, "__xor__", "__rxor__");
binary_dunder!(slot_or, slot_nb_or, "__or__", "__ror__");
binary_dunder!(slot_floordiv, slot_nb_floor_divide, "__floordiv__", "__rfloordiv__");
binary_dunder!(slot_truediv, slot_nb_true_divide, "__truediv__", "__rtruediv__");
binary_dunder!(slot_matmul, slot_nb_matrix_multiply, "__matmul__", "__rmatmul__");

fn slot_pow(a: &Obj, b: &Obj, m: Option<&Obj>) -> PyResult<Obj> {
    match m {
        Some(m) if !none::is_none(m) => {
            // Three-argument pow only calls __pow__ of the first operand.
            if lookup(a.type_ptr(), &pystr::intern_static("__pow__")).is_some() {
                return call_required(a, "__pow__", &[b.clone(), m.clone()]);
            }
            Ok(none::not_implemented())
        }
        _ => {
            let ta = a.type_ptr();
            let tb = b.type_ptr();
            let mine = |t: *mut PyTypeObject| unsafe {
                !(*t).tp_as_number.is_null() && (*(*t).tp_as_number).nb_power.map(|f| f as usize) == Some(slot_nb_power as *const () as usize)
            };
            let do_other = ta != tb && mine(tb) && lookup(tb, &pystr::intern_static("__rpow__")).is_some();
            if mine(ta) && lookup(ta, &pystr::intern_static("__pow__")).is_some() {
                if do_other && type_::is_subtype(tb, ta) && overrides(tb, ta, "__rpow__") {
                    let r = call_dunder_ni(b, "__rpow__", a)?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                let r = call_dunder_ni(a, "__pow__", b)?;
                if !none::is_not_implemented(&r) || ta == tb {
                    return Ok(r);
                }
            }
            if do_other {
                return call_dunder_ni(b, "__rpow__", a);
            }
            Ok(none::not_implemented())
        }
    }
}
crate::ternary_slot!(slot_nb_power => slot_pow);

macro_rules! inplace_dunder {
    ($fname:ident, $slotname:ident, $dunder:literal) => {
        fn $fname(a: &Obj, b: &Obj) -> PyResult<Obj> {
            call_dunder_ni(a, $dunder, b)
        }
        crate::binary_slot!($slotname => $fname);
    };
}
inplace_dunder!(slot_iadd, slot_nb_inplace_add, "__iadd__");
inplace_dunder!(slot_isub, slot_nb_inplace_subtract, "__isub__");
inplace_dunder!(slot_imul, slot_nb_inplace_multiply, "__imul__");
inplace_dunder!(slot_imod, slot_nb_inplace_remainder, "__imod__");
inplace_dunder!(slot_ilshift, slot_nb_inplace_lshift, "__ilshift__");
inplace_dunder!(slot_irshift, slot_nb_inplace_rshift, "__irshift__");
inplace_dunder!(slot_iand, slot_nb_inplace_and, "__iand__");
inplace_dunder!(slot_ixor, slot_nb_inplace_xor, "__ixor__");
inplace_dunder!(slot_ior, slot_nb_inplace_or, "__ior__");
inplace_dunder!(slot_ifloordiv, slot_nb_inplace_floor_divide, "__ifloordiv__");
inplace_dunder!(slot_itruediv, slot_nb_inplace_true_divide, "__itruediv__");
inplace_dunder!(slot_imatmul, slot_nb_inplace_matrix_multiply, "__imatmul__");

fn slot_ipow(a: &Obj, b: &Obj, _m: Option<&Obj>) -> PyResult<Obj> {
    call_dunder_ni(a, "__ipow__", b)
}
crate::ternary_slot!(slot_nb_inplace_power => slot_ipow);

/// Whether the dunder `name` is defined along `t`'s MRO by something other
/// than a wrapper of a builtin slot; returns the wrapper's slot address when
/// it is one (so the class can call the builtin slot directly).
enum Found {
    Missing,
    Wrapper(usize),
    Python,
}

fn find(t: *mut PyTypeObject, name: &'static str, slot: Slot) -> Found {
    match lookup(t, &pystr::intern_static(name)) {
        None => Found::Missing,
        // A builtin slot taken from an unrelated class is not called
        // directly: the dispatcher calls the wrapper, which rejects `self`.
        Some(f) if is_wrapper_of(&f, slot) && wrapper_applies(&f, t) => Found::Wrapper(unsafe { f.cast::<WrapperDescrObject>().d_wrapped }),
        Some(_) => Found::Python,
    }
}

/// Sets every slot of a class from its dunders (after `ready` inherited the
/// bases' slots): Python-level dunders get dispatchers, builtin ones keep
/// the builtin slot.
pub fn fixup_slots(t: *mut PyTypeObject) {
    for &i in distinct_slotdefs() {
        set_slot_from_dunders(t, &SLOTDEFS[i]);
    }
    fixup_new(t);
}

/// One SLOTDEFS entry per slot that `set_slot_from_dunders` derives: the
/// six comparisons share tp_richcompare, an operator and its reflection
/// share one nb slot, and __getattr__/__setattr__/__set__/__setitem__ pair
/// with another dunder; deriving each slot once saves class creation
/// dozens of lookups.
fn distinct_slotdefs() -> &'static [usize] {
    static DISTINCT: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    DISTINCT.get_or_init(|| {
        let key = |s: Slot| match s {
            Slot::RichCmp(_) => Slot::RichCmp(CompareOp::Lt),
            Slot::NbBinary(f, _) => Slot::NbBinary(f, false),
            Slot::NbTernaryPow(_) => Slot::NbTernaryPow(false),
            other => other,
        };
        let mut seen: Vec<Slot> = Vec::new();
        let mut out = Vec::new();
        for (i, sd) in SLOTDEFS.iter().enumerate() {
            if !seen.contains(&key(sd.slot)) {
                seen.push(key(sd.slot));
                out.push(i);
            }
        }
        out
    })
}

fn fixup_new(t: *mut PyTypeObject) {
    unsafe {
        match lookup(t, &pystr::intern_static("__new__")) {
            Some(f) if crate::types::builtin_func::is_cfunction(&f) => {
                // A static type's __new__: use its tp_new directly.
                let owner = crate::types::builtin_func::cfunction_self(&f);
                if let Some(o) = owner {
                    if type_::is_type(&o) {
                        (*t).tp_new = (*as_type(&o)).tp_new;
                    }
                }
            }
            Some(_) => (*t).tp_new = Some(slot_tp_new),
            None => {}
        }
    }
}

/// Re-derives the slot(s) a dunder assignment affects, for `t` and its subclasses.
pub fn update_slot(t: *mut PyTypeObject, name: &str) {
    if name == "__new__" {
        fixup_new(t);
    }
    for sd in SLOTDEFS.iter().filter(|s| s.name == name) {
        set_slot_from_dunders(t, sd);
        for sub in subclasses(t) {
            update_slot(as_type(&sub), name);
        }
    }
}

fn subclasses(t: *mut PyTypeObject) -> Vec<Obj> {
    let mut out = Vec::new();
    unsafe {
        if (*t).tp_subclasses.is_null() {
            return out;
        }
        let d = Obj::borrow_slot(&*(&(*t).tp_subclasses as *const _ as *const *mut PyObject));
        for (_, w) in dict::items_vec(d) {
            if let Some(s) = crate::types::weakref::get_referent(&w) {
                out.push(s);
            }
        }
    }
    out
}

fn set_slot_from_dunders(t: *mut PyTypeObject, sd: &SlotDef) {
    unsafe {
        if !(*t).has_flag(tpflags::HEAPTYPE) {
            return;
        }
        macro_rules! set {
            ($field:expr, $dispatch:expr, $names:expr) => {{
                let mut python = false;
                let mut wrapped: usize = 0;
                for n in $names {
                    match find(t, n, sd.slot) {
                        Found::Python => python = true,
                        Found::Wrapper(w) => if wrapped == 0 { wrapped = w },
                        Found::Missing => {}
                    }
                }
                if python {
                    $field = Some($dispatch);
                } else if wrapped != 0 {
                    $field = Some(std::mem::transmute::<usize, _>(wrapped));
                } else {
                    $field = None;
                }
            }};
        }
        let nb = (*t).tp_as_number;
        match sd.slot {
            Slot::Repr => set!((*t).tp_repr, slot_tp_repr, ["__repr__"]),
            Slot::Str => set!((*t).tp_str, slot_tp_str, ["__str__"]),
            Slot::Hash => {
                match lookup(t, &pystr::intern_static("__hash__")) {
                    Some(f) if none::is_none(&f) => (*t).tp_hash = Some(crate::ops::object_hash_not_implemented),
                    _ => set!((*t).tp_hash, slot_tp_hash, ["__hash__"]),
                }
            }
            Slot::Call => set!((*t).tp_call, slot_tp_call, ["__call__"]),
            Slot::Iter => set!((*t).tp_iter, slot_tp_iter, ["__iter__"]),
            Slot::Next => set!((*t).tp_iternext, slot_tp_iternext, ["__next__"]),
            Slot::GetAttr => {
                let has_getattr = lookup(t, &pystr::intern_static("__getattr__")).is_some();
                match find(t, "__getattribute__", Slot::GetAttr) {
                    Found::Python => (*t).tp_getattro = Some(slot_tp_getattr_hook),
                    Found::Wrapper(w) if !has_getattr => (*t).tp_getattro = Some(std::mem::transmute::<usize, GetAttroFunc>(w)),
                    _ if has_getattr => (*t).tp_getattro = Some(slot_tp_getattr_hook),
                    _ => (*t).tp_getattro = Some(type_::generic_getattr_slot),
                }
            }
            Slot::SetAttr => set!((*t).tp_setattro, slot_tp_setattro, ["__setattr__", "__delattr__"]),
            Slot::RichCmp(_) => set!((*t).tp_richcompare, slot_tp_richcompare, ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"]),
            Slot::DescrGet => set!((*t).tp_descr_get, slot_tp_descr_get, ["__get__"]),
            Slot::DescrSet => set!((*t).tp_descr_set, slot_tp_descr_set, ["__set__", "__delete__"]),
            Slot::Init => set!((*t).tp_init, slot_tp_init, ["__init__"]),
            Slot::Del => {
                if lookup(t, &pystr::intern_static("__del__")).is_some() {
                    (*t).tp_finalize = Some(slot_tp_finalize);
                }
            }
            Slot::NbBinary(NbField::IPow, _) => set!((*nb).nb_inplace_power, slot_nb_inplace_power, ["__ipow__"]),
            Slot::NbBinary(f, _) => {
                let (n, r) = binary_names(f);
                let field = nb_binary_field(nb, f);
                let dispatch: BinaryFunc = binary_dispatcher(f);
                if r.is_empty() {
                    set!(*field, dispatch, [n])
                } else {
                    set!(*field, dispatch, [n, r])
                }
            }
            Slot::NbTernaryPow(_) => set!((*nb).nb_power, slot_nb_power, ["__pow__", "__rpow__"]),
            Slot::NbUnary(f) => {
                let (n, d): (&str, UnaryFunc) = match f {
                    NbUnaryField::Neg => ("__neg__", slot_nb_negative),
                    NbUnaryField::Pos => ("__pos__", slot_nb_positive),
                    NbUnaryField::Abs => ("__abs__", slot_nb_absolute),
                    NbUnaryField::Invert => ("__invert__", slot_nb_invert),
                    NbUnaryField::Int => ("__int__", slot_nb_int),
                    NbUnaryField::Float => ("__float__", slot_nb_float),
                    NbUnaryField::Index => ("__index__", slot_nb_index),
                };
                set!(*nb_unary_field(nb, f), d, [n])
            }
            Slot::NbBool => set!((*nb).nb_bool, slot_nb_bool, ["__bool__", "__len__"]),
            Slot::MpLength => {
                let mp = (*t).tp_as_mapping;
                set!((*mp).mp_length, slot_mp_length, ["__len__"]);
                let sq = (*t).tp_as_sequence;
                if matches!(find(t, "__len__", sd.slot), Found::Python) {
                    (*sq).sq_length = Some(slot_mp_length);
                } else if (*sq).sq_length.map(|f| f as usize) == Some(slot_mp_length as usize) {
                    // __len__ was deleted: back to what the base provides.
                    (*sq).sq_length = inherited_sq(t).and_then(|b| (*b).sq_length);
                }
            }
            Slot::MpSubscript => {
                let mp = (*t).tp_as_mapping;
                set!((*mp).mp_subscript, slot_mp_subscript, ["__getitem__"]);
                if matches!(find(t, "__getitem__", sd.slot), Found::Python) {
                    (*(*t).tp_as_sequence).sq_item = Some(slot_sq_item);
                } else if (*(*t).tp_as_sequence).sq_item.map(|f| f as usize) == Some(slot_sq_item as usize) {
                    (*(*t).tp_as_sequence).sq_item = inherited_sq(t).and_then(|b| (*b).sq_item);
                }
            }
            Slot::MpAssSubscript => {
                let mp = (*t).tp_as_mapping;
                set!((*mp).mp_ass_subscript, slot_mp_ass_subscript, ["__setitem__", "__delitem__"]);
            }
            Slot::SqContains => {
                let sq = (*t).tp_as_sequence;
                set!((*sq).sq_contains, slot_sq_contains, ["__contains__"]);
            }
            // Classes reach these through nb_add/nb_multiply, as in CPython.
            Slot::SqConcat(_) | Slot::SqRepeat(_) => {}
            Slot::AmAwait => set!((*(*t).tp_as_async).am_await, slot_am_await, ["__await__"]),
            Slot::AmAiter => set!((*(*t).tp_as_async).am_aiter, slot_am_aiter, ["__aiter__"]),
            Slot::AmAnext => set!((*(*t).tp_as_async).am_anext, slot_am_anext, ["__anext__"]),
        }
    }
}

/// The sequence slots `t` inherits from its base, if it has one.
unsafe fn inherited_sq(t: *mut PyTypeObject) -> Option<*mut crate::object::PySequenceMethods> {
    let b = (*t).tp_base;
    if b.is_null() || (*b).tp_as_sequence.is_null() {
        return None;
    }
    Some((*b).tp_as_sequence)
}

fn binary_names(f: NbField) -> (&'static str, &'static str) {
    use NbField::*;
    match f {
        Add => ("__add__", "__radd__"),
        Sub => ("__sub__", "__rsub__"),
        Mul => ("__mul__", "__rmul__"),
        Mod => ("__mod__", "__rmod__"),
        Divmod => ("__divmod__", "__rdivmod__"),
        Lshift => ("__lshift__", "__rlshift__"),
        Rshift => ("__rshift__", "__rrshift__"),
        And => ("__and__", "__rand__"),
        Xor => ("__xor__", "__rxor__"),
        Or => ("__or__", "__ror__"),
        FloorDiv => ("__floordiv__", "__rfloordiv__"),
        TrueDiv => ("__truediv__", "__rtruediv__"),
        MatMul => ("__matmul__", "__rmatmul__"),
        IAdd => ("__iadd__", ""),
        ISub => ("__isub__", ""),
        IMul => ("__imul__", ""),
        IMod => ("__imod__", ""),
        ILshift => ("__ilshift__", ""),
        IRshift => ("__irshift__", ""),
        IAnd => ("__iand__", ""),
        IXor => ("__ixor__", ""),
        IOr => ("__ior__", ""),
        IFloorDiv => ("__ifloordiv__", ""),
        ITrueDiv => ("__itruediv__", ""),
        IMatMul => ("__imatmul__", ""),
        IPow => ("__ipow__", ""),
    }
}

fn binary_dispatcher(f: NbField) -> BinaryFunc {
    use NbField::*;
    match f {
        Add => slot_nb_add,
        Sub => slot_nb_subtract,
        Mul => slot_nb_multiply,
        Mod => slot_nb_remainder,
        Divmod => slot_nb_divmod,
        Lshift => slot_nb_lshift,
        Rshift => slot_nb_rshift,
        And => slot_nb_and,
        Xor => slot_nb_xor,
        Or => slot_nb_or,
        FloorDiv => slot_nb_floor_divide,
        TrueDiv => slot_nb_true_divide,
        MatMul => slot_nb_matrix_multiply,
        IAdd => slot_nb_inplace_add,
        ISub => slot_nb_inplace_subtract,
        IMul => slot_nb_inplace_multiply,
        IMod => slot_nb_inplace_remainder,
        ILshift => slot_nb_inplace_lshift,
        IRshift => slot_nb_inplace_rshift,
        IAnd => slot_nb_inplace_and,
        IXor => slot_nb_inplace_xor,
        IOr => slot_nb_inplace_or,
        IFloorDiv => slot_nb_inplace_floor_divide,
        ITrueDiv => slot_nb_inplace_true_divide,
        IMatMul => slot_nb_inplace_matrix_multiply,
        IPow => slot_nb_inplace_add,
    }
}

