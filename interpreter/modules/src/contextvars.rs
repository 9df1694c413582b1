//! The `_contextvars` module: `Context` (an immutable mapping from
//! context variables to values, entered with `run`), `ContextVar` with
//! `get`/`set`/`reset`, `Token`, and `copy_context`. Each thread has a
//! current context, created empty on first use. A context's mapping is a
//! dict that is never changed once shared: `set` and `reset` replace it
//! with a modified copy, which gives CPython's snapshot semantics for
//! `copy()` and the views.

use crate::native::{self, State};
use krait_bytecode::CompareOp;
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{tpflags, Obj, PyMappingMethods, PyObject, PySequenceMethods, PyTypeObject};
use krait_runtime::ops::attr::call_method;
use krait_runtime::ops::call::call;
use krait_runtime::types::builtin_func::{add_functions, check_nargs, classmethod, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, dict, module, none, str as pystr, tuple, type_};

struct Context {
    vars: Obj,
    prev: Option<Obj>,
    entered: bool,
}

impl State for Context {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.vars);
        native::push_opt(out, &self.prev);
    }
}

struct Var {
    name: Obj,
    default: Option<Obj>,
}

impl State for Var {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.name);
        native::push_opt(out, &self.default);
    }
}

struct Token {
    ctx: Obj,
    var: Obj,
    old: Option<Obj>,
    used: bool,
}

impl State for Token {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.ctx);
        native::push(out, &self.var);
        native::push_opt(out, &self.old);
    }
}

struct Missing;

impl State for Missing {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

static mut CONTEXT_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut VAR_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut TOKEN_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut MISSING_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut CONTEXT_MAP: PyMappingMethods = PyMappingMethods::EMPTY;
static mut CONTEXT_SEQ: PySequenceMethods = PySequenceMethods::EMPTY;
static MISSING: crate::Keep = crate::Keep::new();

fn context_type() -> *mut PyTypeObject {
    &raw mut CONTEXT_TYPE
}
fn var_type() -> *mut PyTypeObject {
    &raw mut VAR_TYPE
}
fn token_type() -> *mut PyTypeObject {
    &raw mut TOKEN_TYPE
}

fn missing() -> PyResult<Obj> {
    MISSING.get_or_init(|| native::alloc(&raw mut MISSING_TYPE, Missing))
}

thread_local! {
    /// Each thread has its own current context, as in CPython.
    static CURRENT: std::cell::RefCell<Option<Obj>> = const { std::cell::RefCell::new(None) };
}

/// Drops the finishing thread's context while it still holds the GIL.
pub fn clear_current() {
    let old = CURRENT.with(|c| c.borrow_mut().take());
    drop(old);
}

fn ctx_state(o: &Obj) -> PyResult<&mut Context> {
    match native::state::<Context>(o) {
        Some(s) => Ok(s),
        None => bail!(RuntimeError, "context was cleared"),
    }
}

fn new_context(vars: Obj) -> PyResult<Obj> {
    native::alloc(context_type(), Context { vars, prev: None, entered: false })
}

/// The thread's current context, created empty the first time.
fn current() -> PyResult<Obj> {
    if let Some(c) = CURRENT.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let c = new_context(dict::new())?;
    CURRENT.with(|cur| *cur.borrow_mut() = Some(c.clone()));
    Ok(c)
}

fn repr_addr(o: &Obj) -> String {
    format!("{:#x}", o.as_ptr() as usize)
}

// --- Context ---------------------------------------------------------------

fn context_new(_t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    if tuple::len(args) != 0 || kw.is_some_and(|k| dict::len(k) != 0) {
        bail!(TypeError, "Context() does not accept any arguments");
    }
    new_context(dict::new())
}
krait_runtime::new_slot!(context_new_slot => context_new);

fn check_var_key(k: &Obj) -> PyResult<()> {
    if k.type_ptr() != var_type() {
        let r = krait_runtime::ops::repr(k)?;
        bail!(TypeError, "a ContextVar key was expected, got {}", pystr::to_string_lossy(&r));
    }
    Ok(())
}

fn vars_of(o: &Obj) -> PyResult<Obj> {
    Ok(ctx_state(o)?.vars.clone())
}

fn context_subscript(o: &Obj, k: &Obj) -> PyResult<Obj> {
    check_var_key(k)?;
    match dict::get_item(&vars_of(o)?, k)? {
        Some(v) => Ok(v),
        None => Err(krait_runtime::errors::raise_with(krait_runtime::types::exceptions::KeyError(), &[k.clone()])),
    }
}
krait_runtime::binary_slot!(context_subscript_slot => context_subscript);

fn context_len(o: &Obj) -> PyResult<usize> {
    Ok(dict::len(&vars_of(o)?))
}
krait_runtime::len_slot!(context_len_slot => context_len);

fn context_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    check_var_key(k)?;
    Ok(dict::get_item(&vars_of(o)?, k)?.is_some())
}
krait_runtime::contains_slot!(context_contains_slot => context_contains);

fn context_iter(o: &Obj) -> PyResult<Obj> {
    krait_runtime::ops::iter(&vars_of(o)?)
}
krait_runtime::unary_slot!(context_iter_slot => context_iter);

fn context_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if b.type_ptr() != context_type() || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = krait_runtime::ops::rich_compare_bool(&vars_of(a)?, &vars_of(b)?, CompareOp::Eq)?;
    Ok(bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
krait_runtime::richcmp_slot!(context_richcompare_slot => context_richcompare);

fn context_hash(_o: &Obj) -> PyResult<isize> {
    bail!(TypeError, "unhashable type: '_contextvars.Context'")
}
krait_runtime::hash_slot!(context_hash_slot => context_hash);

fn context_get(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("get", args, kw, &["key", "default"], 2, 1, 2)?;
    let k = a[0].as_ref().unwrap();
    check_var_key(k)?;
    match dict::get_item(&vars_of(slf)?, k)? {
        Some(v) => Ok(v),
        None => Ok(a[1].clone().unwrap_or_else(none::none)),
    }
}

fn context_keys(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("keys", args, kw, 0, 0)?;
    call_method(&vars_of(slf)?, "keys", &[])
}

fn context_values(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("values", args, kw, 0, 0)?;
    call_method(&vars_of(slf)?, "values", &[])
}

fn context_items(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("items", args, kw, 0, 0)?;
    call_method(&vars_of(slf)?, "items", &[])
}

fn context_copy(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("copy", args, kw, 0, 0)?;
    new_context(vars_of(slf)?)
}

fn context_run(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let nkw = kw.map(tuple::len).unwrap_or(0);
    if args.len() - nkw == 0 {
        bail!(TypeError, "run() missing 1 required positional argument");
    }
    let st = ctx_state(slf)?;
    if st.entered {
        let r = krait_runtime::ops::repr(slf)?;
        bail!(RuntimeError, "cannot enter context: {} is already entered", pystr::to_string_lossy(&r));
    }
    let prev = CURRENT.with(|c| c.borrow().clone());
    st.prev = prev.clone();
    st.entered = true;
    CURRENT.with(|c| *c.borrow_mut() = Some(slf.clone()));
    let r = call(&args[0], &args[1..], kw);
    if let Ok(st) = ctx_state(slf) {
        st.entered = false;
        st.prev = None;
    }
    CURRENT.with(|c| *c.borrow_mut() = prev);
    r
}

// --- ContextVar ------------------------------------------------------------

fn var_new(_t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    if tuple::len(args) > 1 {
        bail!(TypeError, "ContextVar() takes at most 1 positional argument ({} given)", tuple::len(args));
    }
    let (all, kwnames) = krait_runtime::ops::call::kwargs_to_vector(tuple::items(args), kw)?;
    let a = crate::clinic_args("ContextVar", &all, kwnames.as_ref(), &["name", "default"], 1, 1, 1)?;
    let name = a[0].clone().unwrap();
    if !pystr::is_str(&name) {
        bail!(TypeError, "context variable name must be a str");
    }
    native::alloc(var_type(), Var { name, default: a[1].clone() })
}
krait_runtime::new_slot!(var_new_slot => var_new);

fn var_state(o: &Obj) -> PyResult<&mut Var> {
    match native::state::<Var>(o) {
        Some(s) => Ok(s),
        None => bail!(RuntimeError, "context variable was cleared"),
    }
}

fn var_get(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("ContextVar.get", args, kw, 0, 1)?;
    let ctx = current()?;
    if let Some(v) = dict::get_item(&vars_of(&ctx)?, slf)? {
        return Ok(v);
    }
    if let Some(d) = args.first() {
        return Ok(d.clone());
    }
    if let Some(d) = var_state(slf)?.default.clone() {
        return Ok(d);
    }
    Err(krait_runtime::errors::raise_with(krait_runtime::types::exceptions::LookupError(), &[slf.clone()]))
}

fn var_set(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("ContextVar.set", args, kw, 1, 1)?;
    let ctx = current()?;
    let vars = vars_of(&ctx)?;
    let old = dict::get_item(&vars, slf)?;
    let new = dict::copy(&vars)?;
    dict::set_item(&new, slf, &args[0])?;
    ctx_state(&ctx)?.vars = new;
    native::alloc(token_type(), Token { ctx, var: slf.clone(), old, used: false })
}

fn token_repr_str(o: &Obj) -> PyResult<String> {
    let r = krait_runtime::ops::repr(o)?;
    Ok(pystr::to_string_lossy(&r))
}

fn var_reset(slf: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("ContextVar.reset", args, kw, 1, 1)?;
    let tok = &args[0];
    if tok.type_ptr() != token_type() {
        bail!(TypeError, "expected an instance of Token, got {}", token_repr_str(tok)?);
    }
    let (tctx, tvar, old, used) = {
        let t = native::state::<Token>(tok).expect("token state");
        (t.ctx.clone(), t.var.clone(), t.old.clone(), t.used)
    };
    if used {
        bail!(RuntimeError, "{} has already been used once", token_repr_str(tok)?);
    }
    if tvar.as_ptr() != slf.as_ptr() {
        bail!(ValueError, "{} was created by a different ContextVar", token_repr_str(tok)?);
    }
    let ctx = current()?;
    if tctx.as_ptr() != ctx.as_ptr() {
        bail!(ValueError, "{} was created in a different Context", token_repr_str(tok)?);
    }
    native::state::<Token>(tok).expect("token state").used = true;
    let new = dict::copy(&vars_of(&ctx)?)?;
    match old {
        Some(v) => dict::set_item(&new, slf, &v)?,
        None => {
            dict::del_item_opt(&new, slf)?;
        }
    }
    ctx_state(&ctx)?.vars = new;
    Ok(none::none())
}

fn var_name(o: &Obj) -> PyResult<Obj> {
    Ok(var_state(o)?.name.clone())
}

fn var_repr(o: &Obj) -> PyResult<Obj> {
    let (name, default) = {
        let s = var_state(o)?;
        (s.name.clone(), s.default.clone())
    };
    let mut out = format!("<ContextVar name={}", pystr::to_string_lossy(&krait_runtime::ops::repr(&name)?));
    if let Some(d) = default {
        out.push_str(&format!(" default={}", pystr::to_string_lossy(&krait_runtime::ops::repr(&d)?)));
    }
    out.push_str(&format!(" at {}>", repr_addr(o)));
    Ok(pystr::new(&out))
}
krait_runtime::unary_slot!(var_repr_slot => var_repr);

fn class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__class_getitem__", args, kw, 1, 1)?;
    krait_runtime::types::generic_alias::new(cls, &args[0])
}

// --- Token -----------------------------------------------------------------

fn token_new(_t: *mut PyTypeObject, _args: &Obj, _kw: Option<&Obj>) -> PyResult<Obj> {
    bail!(RuntimeError, "Tokens can only be created by ContextVars")
}
krait_runtime::new_slot!(token_new_slot => token_new);

fn token_var(o: &Obj) -> PyResult<Obj> {
    Ok(native::state::<Token>(o).expect("token state").var.clone())
}

fn token_old_value(o: &Obj) -> PyResult<Obj> {
    match native::state::<Token>(o).expect("token state").old.clone() {
        Some(v) => Ok(v),
        None => missing(),
    }
}

fn token_repr(o: &Obj) -> PyResult<Obj> {
    let (var, used) = {
        let t = native::state::<Token>(o).expect("token state");
        (t.var.clone(), t.used)
    };
    Ok(pystr::new(&format!(
        "<Token{} var={} at {}>",
        if used { " used" } else { "" },
        pystr::to_string_lossy(&krait_runtime::ops::repr(&var)?),
        repr_addr(o)
    )))
}
krait_runtime::unary_slot!(token_repr_slot => token_repr);

fn missing_repr(_o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new("<Token.MISSING>"))
}
krait_runtime::unary_slot!(missing_repr_slot => missing_repr);

// --- module ----------------------------------------------------------------

fn copy_context(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_contextvars.copy_context", args, kw, 0, 0)?;
    new_context(vars_of(&current()?)?)
}

fn init_types() -> PyResult<()> {
    unsafe {
        let t = context_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Context>(t, "_contextvars.Context", false);
        (*t).tp_new = Some(context_new_slot);
        (*t).tp_richcompare = Some(context_richcompare_slot);
        (*t).tp_hash = Some(context_hash_slot);
        (*t).tp_iter = Some(context_iter_slot);
        let mp = &raw mut CONTEXT_MAP;
        (*mp).mp_subscript = Some(context_subscript_slot);
        (*mp).mp_length = Some(context_len_slot);
        (*t).tp_as_mapping = mp;
        let sq = &raw mut CONTEXT_SEQ;
        (*sq).sq_contains = Some(context_contains_slot);
        (*t).tp_as_sequence = sq;
        (*t).tp_methods = method_table(&[
            method("run", context_run),
            method("copy", context_copy),
            method("get", context_get),
            method("keys", context_keys),
            method("values", context_values),
            method("items", context_items),
        ]);
        native::ready(t)?;

        let t = var_type();
        native::init_type::<Var>(t, "_contextvars.ContextVar", false);
        (*t).tp_new = Some(var_new_slot);
        (*t).tp_repr = Some(var_repr_slot);
        (*t).tp_methods = method_table(&[
            method("get", var_get),
            method("set", var_set),
            method("reset", var_reset),
            classmethod("__class_getitem__", class_getitem),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("name", var_name)]);
        native::ready(t)?;

        let t = &raw mut MISSING_TYPE;
        native::init_type::<Missing>(t, "Token.MISSING", false);
        (*t).tp_repr = Some(missing_repr_slot);
        native::ready(t)?;

        let t = token_type();
        native::init_type::<Token>(t, "_contextvars.Token", false);
        (*t).tp_new = Some(token_new_slot);
        (*t).tp_repr = Some(token_repr_slot);
        (*t).tp_methods = method_table(&[classmethod("__class_getitem__", class_getitem)]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("var", token_var), GetSetSpec::get("old_value", token_old_value)]);
        native::ready(t)?;
        let d = Obj::from_borrowed((*t).tp_dict);
        dict::set_item_str(&d, "MISSING", &missing()?)?;
        type_::modified(t);
    }
    Ok(())
}

const FUNCTIONS: &[MethodSpec] = &[method("copy_context", copy_context)];

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_contextvars")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    dict::set_item_str(&d, "Context", &type_::type_obj(context_type()))?;
    dict::set_item_str(&d, "ContextVar", &type_::type_obj(var_type()))?;
    dict::set_item_str(&d, "Token", &type_::type_obj(token_type()))?;
    Ok(m)
}
