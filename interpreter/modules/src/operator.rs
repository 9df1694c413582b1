//! The `_operator` module: the operators as functions, `itemgetter`,
//! `attrgetter` (dotted names), `methodcaller`, `length_hint`,
//! `_compare_digest`. Argument errors follow CPython's (argument-clinic
//! wording for the two-argument functions, METH_O wording for the others).

use crate::native::{self, State};
use krait_bytecode::{BinaryOp, CompareOp};
use krait_runtime::object::{Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, MethodSpec};
use krait_runtime::types::{bool_, dict, exceptions, int, module, none, str as pystr, tuple};
use krait_runtime::{bail, PyResult};

fn one(name: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    check_nargs(&format!("_operator.{}", name), args, kw, 1, 1)
}

fn two(name: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    check_nargs(&format!("_operator.{}", name), args, kw, 2, 2)
}

macro_rules! unary_fn {
    ($fname:ident, $pyname:literal, $op:expr) => {
        fn $fname(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            one($pyname, args, kw)?;
            $op(&args[0])
        }
    };
}

macro_rules! binary_fn {
    ($fname:ident, $pyname:literal, $op:expr) => {
        fn $fname(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            two($pyname, args, kw)?;
            ops::number::binary_op(&args[0], &args[1], $op)
        }
    };
}

macro_rules! compare_fn {
    ($fname:ident, $pyname:literal, $op:expr) => {
        fn $fname(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
            two($pyname, args, kw)?;
            ops::rich_compare(&args[0], &args[1], $op)
        }
    };
}

unary_fn!(f_neg, "neg", ops::number::negative);
unary_fn!(f_pos, "pos", ops::number::positive);
unary_fn!(f_abs, "abs", ops::number::absolute);
unary_fn!(f_inv, "inv", ops::number::invert);
unary_fn!(f_invert, "invert", ops::number::invert);
unary_fn!(f_index, "index", int::index);
unary_fn!(f_truth, "truth", |a: &Obj| ops::truthy(a).map(bool_::from_bool));
unary_fn!(f_not, "not_", |a: &Obj| ops::truthy(a).map(|t| bool_::from_bool(!t)));

binary_fn!(f_add, "add", BinaryOp::Add);
binary_fn!(f_sub, "sub", BinaryOp::Subtract);
binary_fn!(f_mul, "mul", BinaryOp::Multiply);
binary_fn!(f_matmul, "matmul", BinaryOp::MatrixMultiply);
binary_fn!(f_floordiv, "floordiv", BinaryOp::FloorDivide);
binary_fn!(f_truediv, "truediv", BinaryOp::TrueDivide);
binary_fn!(f_mod, "mod", BinaryOp::Remainder);
binary_fn!(f_lshift, "lshift", BinaryOp::Lshift);
binary_fn!(f_rshift, "rshift", BinaryOp::Rshift);
binary_fn!(f_and, "and_", BinaryOp::And);
binary_fn!(f_xor, "xor", BinaryOp::Xor);
binary_fn!(f_or, "or_", BinaryOp::Or);
binary_fn!(f_iadd, "iadd", BinaryOp::InplaceAdd);
binary_fn!(f_isub, "isub", BinaryOp::InplaceSubtract);
binary_fn!(f_imul, "imul", BinaryOp::InplaceMultiply);
binary_fn!(f_imatmul, "imatmul", BinaryOp::InplaceMatrixMultiply);
binary_fn!(f_ifloordiv, "ifloordiv", BinaryOp::InplaceFloorDivide);
binary_fn!(f_itruediv, "itruediv", BinaryOp::InplaceTrueDivide);
binary_fn!(f_imod, "imod", BinaryOp::InplaceRemainder);
binary_fn!(f_ilshift, "ilshift", BinaryOp::InplaceLshift);
binary_fn!(f_irshift, "irshift", BinaryOp::InplaceRshift);
binary_fn!(f_iand, "iand", BinaryOp::InplaceAnd);
binary_fn!(f_ixor, "ixor", BinaryOp::InplaceXor);
binary_fn!(f_ior, "ior", BinaryOp::InplaceOr);

compare_fn!(f_lt, "lt", CompareOp::Lt);
compare_fn!(f_le, "le", CompareOp::Le);
compare_fn!(f_eq, "eq", CompareOp::Eq);
compare_fn!(f_ne, "ne", CompareOp::Ne);
compare_fn!(f_gt, "gt", CompareOp::Gt);
compare_fn!(f_ge, "ge", CompareOp::Ge);

fn f_pow(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("pow", args, kw)?;
    ops::number::power(&args[0], &args[1], &none::none(), false)
}

fn f_ipow(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("ipow", args, kw)?;
    ops::number::power(&args[0], &args[1], &none::none(), true)
}

fn f_is(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("is_", args, kw)?;
    Ok(bool_::from_bool(args[0].is(&args[1])))
}

fn f_is_not(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("is_not", args, kw)?;
    Ok(bool_::from_bool(!args[0].is(&args[1])))
}

fn f_contains(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("contains", args, kw)?;
    Ok(bool_::from_bool(ops::seq::contains(&args[0], &args[1])?))
}

fn f_getitem(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("getitem", args, kw)?;
    ops::seq::getitem(&args[0], &args[1])
}

fn f_setitem(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_operator.setitem", args, kw, 3, 3)?;
    ops::seq::setitem(&args[0], &args[1], Some(&args[2]))?;
    Ok(none::none())
}

fn f_delitem(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("delitem", args, kw)?;
    ops::seq::setitem(&args[0], &args[1], None)?;
    Ok(none::none())
}

/// PySequence_Check: an sq_item slot and not a dict.
fn is_sequence(o: &Obj) -> bool {
    ops::seq::has_sq_item(o) && !dict::is_dict(o)
}

fn concat_impl(a: &Obj, b: &Obj, inplace: bool) -> PyResult<Obj> {
    unsafe {
        let sq = (*a.type_ptr()).tp_as_sequence;
        if !sq.is_null() {
            let f = if inplace { (*sq).sq_inplace_concat.or((*sq).sq_concat) } else { (*sq).sq_concat };
            if let Some(f) = f {
                return krait_runtime::types::slots::from_ret(f(a.as_ptr(), b.as_ptr()));
            }
        }
    }
    if is_sequence(a) && is_sequence(b) {
        let op = if inplace { BinaryOp::InplaceAdd } else { BinaryOp::Add };
        return ops::number::binary_op(a, b, op);
    }
    bail!(TypeError, "'{}' object can't be concatenated", a.ty().name())
}

fn f_concat(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("concat", args, kw)?;
    concat_impl(&args[0], &args[1], false)
}

fn f_iconcat(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("iconcat", args, kw)?;
    concat_impl(&args[0], &args[1], true)
}

fn f_count_of(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("countOf", args, kw)?;
    let it = ops::iter(&args[0]).map_err(|e| not_iterable(&args[0], e))?;
    let mut n: i64 = 0;
    while let Some(x) = ops::next(&it)? {
        if x.is(&args[1]) || ops::eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

fn not_iterable(o: &Obj, e: krait_runtime::PyErr) -> krait_runtime::PyErr {
    if krait_runtime::errors::matches(exceptions::TypeError()) {
        krait_runtime::errors::clear();
        return krait_runtime::raise!(TypeError, "argument of type '{}' is not iterable", o.ty().name());
    }
    e
}

fn f_index_of(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("indexOf", args, kw)?;
    let it = ops::iter(&args[0]).map_err(|e| not_iterable(&args[0], e))?;
    let mut n: i64 = 0;
    while let Some(x) = ops::next(&it)? {
        if x.is(&args[1]) || ops::eq(&x, &args[1])? {
            return Ok(int::from_i64(n));
        }
        n += 1;
    }
    bail!(ValueError, "sequence.index(x): x not in sequence")
}

fn f_length_hint(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_operator.length_hint", args, kw, 1, 2)?;
    let default = match args.get(1) {
        Some(d) => {
            if !ops::number::has_index(d) {
                bail!(TypeError, "'{}' object cannot be interpreted as an integer", d.ty().name());
            }
            int::index_isize(d)?
        }
        None => 0,
    };
    Ok(int::from_i64(ops::seq::length_hint(&args[0], default)? as i64))
}

fn f_call(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    if args.len() - nkw < 1 {
        bail!(TypeError, "call expected at least 1 argument, got 0");
    }
    ops::call::call(&args[0], &args[1..], kw)
}

fn f_compare_digest(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    two("_compare_digest", args, kw)?;
    let (a, b) = (&args[0], &args[1]);
    if pystr::is_str(a) && pystr::is_str(b) {
        if !pystr::is_ascii(a) || !pystr::is_ascii(b) {
            bail!(TypeError, "comparing strings with non-ASCII characters is not supported");
        }
        let (x, y) = (pystr::to_string_lossy(a), pystr::to_string_lossy(b));
        return Ok(bool_::from_bool(constant_eq(x.as_bytes(), y.as_bytes())));
    }
    use krait_runtime::types::buffer;
    if !buffer::has_buffer(a) && !buffer::has_buffer(b) {
        bail!(
            TypeError,
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            a.ty().name(),
            b.ty().name()
        );
    }
    let x = buffer::bytes_like(a)?;
    let y = buffer::bytes_like(b)?;
    Ok(bool_::from_bool(constant_eq(x.as_slice(), y.as_slice())))
}

/// Compares without an early exit on the first difference.
fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    let (left, mut result) = if a.len() == b.len() { (a, 0u8) } else { (b, 1u8) };
    for (i, &y) in b.iter().enumerate() {
        result |= left[i] ^ y;
    }
    result == 0
}

// ---------------------------------------------------------------------------
// itemgetter, attrgetter, methodcaller

static mut ITEMGETTER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut ATTRGETTER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut METHODCALLER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

struct ItemGetter {
    items: Obj,
}

impl State for ItemGetter {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.items);
    }
}

/// `names`: the original arguments; `paths`: each split at dots.
struct AttrGetter {
    names: Obj,
    paths: Vec<Vec<Obj>>,
}

impl State for AttrGetter {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.names);
        for p in &self.paths {
            for x in p {
                native::push(out, x);
            }
        }
    }
}

struct MethodCaller {
    name: Obj,
    args: Obj,
    kwargs: Obj,
}

impl State for MethodCaller {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.name);
        native::push(out, &self.args);
        native::push(out, &self.kwargs);
    }
}

fn itemgetter_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    native::no_kw_dict("itemgetter", kw)?;
    if tuple::len(args) == 0 {
        bail!(TypeError, "itemgetter expected 1 argument, got 0");
    }
    native::alloc(t, ItemGetter { items: args.clone() })
}
krait_runtime::new_slot!(itemgetter_new_slot => itemgetter_new);

fn call_one_arg<'a>(name: &str, args: &'a Obj, kw: Option<&Obj>) -> PyResult<&'a Obj> {
    native::no_kw_dict(name, kw)?;
    let a = tuple::items(args);
    if a.len() != 1 {
        bail!(TypeError, "{} expected 1 argument, got {}", name, a.len());
    }
    Ok(&a[0])
}

fn cleared() -> krait_runtime::PyErr {
    krait_runtime::raise!(SystemError, "object was cleared by the garbage collector")
}

fn itemgetter_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let obj = call_one_arg("itemgetter", args, kw)?;
    let items = native::state::<ItemGetter>(slf).ok_or_else(cleared)?.items.clone();
    let it = tuple::items(&items);
    if it.len() == 1 {
        return ops::seq::getitem(obj, &it[0]);
    }
    let mut out = Vec::with_capacity(it.len());
    for k in it {
        out.push(ops::seq::getitem(obj, k)?);
    }
    Ok(tuple::from_vec(out))
}
krait_runtime::call_slot!(itemgetter_call_slot => itemgetter_call);

/// "operator.name(<inner>)" with CPython's "(...)" on recursion.
fn guarded_repr(slf: &Obj, inner: impl FnOnce() -> PyResult<String>) -> PyResult<Obj> {
    let tn = unsafe { std::ffi::CStr::from_ptr((*slf.type_ptr()).tp_name).to_string_lossy().into_owned() };
    if ops::repr_enter(slf) {
        return Ok(pystr::new(&format!("{}(...)", tn)));
    }
    let r = inner();
    ops::repr_leave(slf);
    Ok(pystr::new(&format!("{}({})", tn, r?)))
}

fn join_reprs(items: &[Obj]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for x in items {
        parts.push(ops::repr_string(x)?);
    }
    Ok(parts.join(", "))
}

fn itemgetter_repr(slf: &Obj) -> PyResult<Obj> {
    let items = native::state::<ItemGetter>(slf).ok_or_else(cleared)?.items.clone();
    guarded_repr(slf, || join_reprs(tuple::items(&items)))
}
krait_runtime::unary_slot!(itemgetter_repr_slot => itemgetter_repr);

fn itemgetter_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("itemgetter.__reduce__", args, kw, 0, 0)?;
    let items = native::state::<ItemGetter>(slf).ok_or_else(cleared)?.items.clone();
    Ok(tuple::new(&[native::type_of(slf), items]))
}

fn attrgetter_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    native::no_kw_dict("attrgetter", kw)?;
    let names = tuple::items(args);
    if names.is_empty() {
        bail!(TypeError, "attrgetter expected 1 argument, got 0");
    }
    let mut paths = Vec::with_capacity(names.len());
    for n in names {
        if !pystr::is_str(n) {
            bail!(TypeError, "attribute name must be a string");
        }
        let cps = pystr::code_points(n);
        let parts = cps
            .split(|&c| c == '.' as u32)
            .map(|p| pystr::intern_obj(&pystr::from_code_points(p)))
            .collect::<Vec<_>>();
        paths.push(parts);
    }
    native::alloc(t, AttrGetter { names: args.clone(), paths })
}
krait_runtime::new_slot!(attrgetter_new_slot => attrgetter_new);

fn attrgetter_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let obj = call_one_arg("attrgetter", args, kw)?;
    let paths = native::state::<AttrGetter>(slf).ok_or_else(cleared)?.paths.clone();
    let get = |path: &Vec<Obj>| -> PyResult<Obj> {
        let mut cur = obj.clone();
        for name in path {
            cur = ops::attr::getattr(&cur, name)?;
        }
        Ok(cur)
    };
    if paths.len() == 1 {
        return get(&paths[0]);
    }
    let mut out = Vec::with_capacity(paths.len());
    for p in &paths {
        out.push(get(p)?);
    }
    Ok(tuple::from_vec(out))
}
krait_runtime::call_slot!(attrgetter_call_slot => attrgetter_call);

fn attrgetter_repr(slf: &Obj) -> PyResult<Obj> {
    let names = native::state::<AttrGetter>(slf).ok_or_else(cleared)?.names.clone();
    guarded_repr(slf, || join_reprs(tuple::items(&names)))
}
krait_runtime::unary_slot!(attrgetter_repr_slot => attrgetter_repr);

fn attrgetter_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("attrgetter.__reduce__", args, kw, 0, 0)?;
    let names = native::state::<AttrGetter>(slf).ok_or_else(cleared)?.names.clone();
    Ok(tuple::new(&[native::type_of(slf), names]))
}

fn methodcaller_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let a = tuple::items(args);
    if a.is_empty() {
        bail!(TypeError, "methodcaller needs at least one argument, the method name");
    }
    if !pystr::is_str(&a[0]) {
        bail!(TypeError, "method name must be a string");
    }
    let name = pystr::intern_obj(&a[0]);
    let kwargs = match kw {
        Some(k) => dict::copy(k)?,
        None => dict::new(),
    };
    native::alloc(t, MethodCaller { name, args: tuple::new(&a[1..]), kwargs })
}
krait_runtime::new_slot!(methodcaller_new_slot => methodcaller_new);

fn methodcaller_call(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let obj = call_one_arg("methodcaller", args, kw)?;
    let (name, margs, kwargs) = {
        let s = native::state::<MethodCaller>(slf).ok_or_else(cleared)?;
        (s.name.clone(), s.args.clone(), s.kwargs.clone())
    };
    let m = ops::attr::getattr(obj, &name)?;
    ops::call::call_tuple_dict(&m, &margs, if dict::len(&kwargs) > 0 { Some(&kwargs) } else { None })
}
krait_runtime::call_slot!(methodcaller_call_slot => methodcaller_call);

fn methodcaller_repr(slf: &Obj) -> PyResult<Obj> {
    let (name, margs, kwargs) = {
        let s = native::state::<MethodCaller>(slf).ok_or_else(cleared)?;
        (s.name.clone(), s.args.clone(), s.kwargs.clone())
    };
    guarded_repr(slf, || {
        let mut parts = vec![ops::repr_string(&name)?];
        for x in tuple::items(&margs) {
            parts.push(ops::repr_string(x)?);
        }
        for (k, v) in dict::items_vec(&kwargs) {
            parts.push(format!("{}={}", pystr::to_string_lossy(&ops::str_of(&k)?), ops::repr_string(&v)?));
        }
        Ok(parts.join(", "))
    })
}
krait_runtime::unary_slot!(methodcaller_repr_slot => methodcaller_repr);

fn methodcaller_reduce(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("methodcaller.__reduce__", args, kw, 0, 0)?;
    let (name, margs, kwargs) = {
        let s = native::state::<MethodCaller>(slf).ok_or_else(cleared)?;
        (s.name.clone(), s.args.clone(), s.kwargs.clone())
    };
    let t = native::type_of(slf);
    if dict::len(&kwargs) == 0 {
        let mut v = vec![name];
        v.extend(tuple::items(&margs).iter().cloned());
        return Ok(tuple::new(&[t, tuple::from_vec(v)]));
    }
    // With keywords: partial(type, name, **kwargs) called with the args.
    let partial = crate::functools::new_partial(&t, &[name], Some(&kwargs))?;
    Ok(tuple::new(&[partial, margs]))
}

fn init_types() -> PyResult<()> {
    unsafe {
        if (*(&raw mut ITEMGETTER_TYPE)).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        let t = &raw mut ITEMGETTER_TYPE;
        native::init_type::<ItemGetter>(t, "operator.itemgetter", false);
        (*t).tp_new = Some(itemgetter_new_slot);
        (*t).tp_call = Some(itemgetter_call_slot);
        (*t).tp_repr = Some(itemgetter_repr_slot);
        (*t).tp_methods = method_table(&[method("__reduce__", itemgetter_reduce)]);
        native::ready(t)?;

        let t = &raw mut ATTRGETTER_TYPE;
        native::init_type::<AttrGetter>(t, "operator.attrgetter", false);
        (*t).tp_new = Some(attrgetter_new_slot);
        (*t).tp_call = Some(attrgetter_call_slot);
        (*t).tp_repr = Some(attrgetter_repr_slot);
        (*t).tp_methods = method_table(&[method("__reduce__", attrgetter_reduce)]);
        native::ready(t)?;

        let t = &raw mut METHODCALLER_TYPE;
        native::init_type::<MethodCaller>(t, "operator.methodcaller", false);
        (*t).tp_new = Some(methodcaller_new_slot);
        (*t).tp_call = Some(methodcaller_call_slot);
        (*t).tp_repr = Some(methodcaller_repr_slot);
        (*t).tp_methods = method_table(&[method("__reduce__", methodcaller_reduce)]);
        native::ready(t)?;
    }
    Ok(())
}

fn functions() -> Vec<MethodSpec> {
    vec![
        method("_compare_digest", f_compare_digest),
        method("abs", f_abs),
        method("add", f_add),
        method("and_", f_and),
        method("call", f_call),
        method("concat", f_concat),
        method("contains", f_contains),
        method("countOf", f_count_of),
        method("delitem", f_delitem),
        method("eq", f_eq),
        method("floordiv", f_floordiv),
        method("ge", f_ge),
        method("getitem", f_getitem),
        method("gt", f_gt),
        method("iadd", f_iadd),
        method("iand", f_iand),
        method("iconcat", f_iconcat),
        method("ifloordiv", f_ifloordiv),
        method("ilshift", f_ilshift),
        method("imatmul", f_imatmul),
        method("imod", f_imod),
        method("imul", f_imul),
        method("index", f_index),
        method("indexOf", f_index_of),
        method("inv", f_inv),
        method("invert", f_invert),
        method("ior", f_ior),
        method("ipow", f_ipow),
        method("irshift", f_irshift),
        method("is_", f_is),
        method("is_not", f_is_not),
        method("isub", f_isub),
        method("itruediv", f_itruediv),
        method("ixor", f_ixor),
        method("le", f_le),
        method("length_hint", f_length_hint),
        method("lshift", f_lshift),
        method("lt", f_lt),
        method("matmul", f_matmul),
        method("mod", f_mod),
        method("mul", f_mul),
        method("ne", f_ne),
        method("neg", f_neg),
        method("not_", f_not),
        method("or_", f_or),
        method("pos", f_pos),
        method("pow", f_pow),
        method("rshift", f_rshift),
        method("setitem", f_setitem),
        method("sub", f_sub),
        method("truediv", f_truediv),
        method("truth", f_truth),
        method("xor", f_xor),
    ]
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_operator")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    dict::set_item_str(&d, "itemgetter", &krait_runtime::types::type_::type_obj(&raw mut ITEMGETTER_TYPE))?;
    dict::set_item_str(&d, "attrgetter", &krait_runtime::types::type_::type_obj(&raw mut ATTRGETTER_TYPE))?;
    dict::set_item_str(&d, "methodcaller", &krait_runtime::types::type_::type_obj(&raw mut METHODCALLER_TYPE))?;
    Ok(m)
}
