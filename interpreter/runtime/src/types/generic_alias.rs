//! `types.GenericAlias`: what `list[int]` returns (PEP 585): remembers the
//! origin and arguments, prints as `list[int]`, calls the origin, and
//! forwards other attributes to it. Its type variables (`__parameters__`)
//! can be substituted (`list[T][int]`); `types.UnionType` shares that
//! machinery (`make_parameters`, `subs_parameters`).

use crate::errors::PyResult;
use crate::object::{tpflags, Obj, PyObject, PyTypeObject};
use crate::types::builtin_func::{check_nargs, classmethod, method, method_table};
use crate::types::getset::{getset_table, GetSetSpec};
use crate::types::{bool_, none, str as pystr, tuple, type_};
use krait_bytecode::CompareOp;
use std::ptr::null_mut;

#[repr(C)]
pub struct GenericAliasObject {
    pub ob_base: PyObject,
    pub origin: *mut PyObject,
    pub args: *mut PyObject,
    /// `__parameters__`, computed on first use.
    pub parameters: *mut PyObject,
    /// Weak references to the alias (CPython's aliases are weakly referenceable).
    pub weakreflist: *mut PyObject,
    /// `*tuple[int]`: the alias unpacked by iteration (PEP 646).
    pub starred: bool,
}

#[repr(C)]
struct GaIterObject {
    ob_base: PyObject,
    /// The alias whose starred copy comes next; null once it came.
    obj: *mut PyObject,
}

static mut GA_ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// `iter(alias)`: one item, the alias starred.
unsafe extern "C" fn ga_iter(p: *mut PyObject) -> *mut PyObject {
    let o = Obj::borrow_slot(&p);
    match type_::alloc_instance(&raw mut GA_ITER_TYPE, 0) {
        Ok(it) => {
            it.cast_mut::<GaIterObject>().obj = o.clone().into_raw();
            it.into_raw()
        }
        Err(_) => null_mut(),
    }
}

unsafe extern "C" fn ga_iter_next(p: *mut PyObject) -> *mut PyObject {
    let it = &mut *(p as *mut GaIterObject);
    if it.obj.is_null() {
        return null_mut();
    }
    let alias = Obj::from_owned(std::mem::replace(&mut it.obj, null_mut()));
    let g = ga(&alias);
    match new(Obj::borrow_slot(&g.origin), Obj::borrow_slot(&g.args)) {
        Ok(r) => {
            r.cast_mut::<GenericAliasObject>().starred = true;
            r.into_raw()
        }
        Err(_) => null_mut(),
    }
}

unsafe extern "C" fn ga_iter_dealloc(p: *mut PyObject) {
    crate::object::xdecref(std::mem::replace(&mut (*(p as *mut GaIterObject)).obj, null_mut()));
    crate::object::alloc::free_object(p);
}

unsafe extern "C" fn ga_iter_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let o = (*(p as *mut GaIterObject)).obj;
    if o.is_null() {
        0
    } else {
        visit(o, arg)
    }
}

/// `(iter, (alias,))`, or `(iter, ((),))` once exhausted.
fn ga_iter_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", a, k, 0, 0)?;
    // Looked up first: the lookup can run code that exhausts this iterator.
    let iter = crate::types::iter::builtin("iter")?;
    let o = unsafe { slf.cast::<GaIterObject>().obj };
    let arg = if o.is_null() { tuple::new(&[]) } else { unsafe { Obj::from_borrowed(o) } };
    Ok(tuple::new(&[iter, tuple::new(&[arg])]))
}

static mut GA_MAPPING: crate::object::PyMappingMethods = crate::object::PyMappingMethods::EMPTY;

#[no_mangle]
pub static mut Py_GenericAliasType: PyTypeObject = PyTypeObject::EMPTY;

pub fn type_ptr() -> *mut PyTypeObject {
    &raw mut Py_GenericAliasType
}

fn ga(o: &Obj) -> &GenericAliasObject {
    unsafe { o.cast::<GenericAliasObject>() }
}

/// `origin[args]`.
pub fn new(origin: &Obj, args: &Obj) -> PyResult<Obj> {
    new_of_type(type_ptr(), origin, args)
}

/// Whether `o` is a GenericAlias or an instance of a subclass of it.
pub fn is_generic_alias(o: &Obj) -> bool {
    o.is_type(type_ptr()) || type_::is_subtype(o.type_ptr(), type_ptr())
}

/// `origin[args]` as an instance of `t` (GenericAlias or a subclass).
fn new_of_type(t: *mut PyTypeObject, origin: &Obj, args: &Obj) -> PyResult<Obj> {
    let args = if tuple::is_tuple(args) { args.clone() } else { tuple::new(&[args.clone()]) };
    let o = type_::alloc_instance(t, 0)?;
    unsafe {
        let p = o.cast_mut::<GenericAliasObject>();
        p.origin = origin.clone().into_raw();
        p.args = args.into_raw();
    }
    Ok(o)
}

/// `__class_getitem__` of the builtin generic classes.
pub fn class_getitem(cls: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("GenericAlias.__class_getitem__", args, kw, 1, 1)?;
    new(cls, &args[0])
}

pub fn repr_item(o: &Obj) -> PyResult<String> {
    if none::is_none(o) {
        return Ok("None".into());
    }
    if o.ty().tp_repr == unsafe { Py_GenericAliasType.tp_repr } {
        return ga_repr(o).map(|s| pystr::to_string_lossy(&s));
    }
    if type_::is_type(o) {
        let q = type_::qualname(o)?;
        let m = type_::module_name(o)?;
        let (q, m) = (pystr::to_string_lossy(&q), pystr::to_string_lossy(&m));
        return Ok(if m == "builtins" { q } else { format!("{}.{}", m, q) });
    }
    if crate::types::none::ellipsis().is(o) {
        return Ok("...".into());
    }
    crate::ops::repr_string(o)
}

fn ga_repr(o: &Obj) -> PyResult<Obj> {
    let g = ga(o);
    let origin = unsafe { Obj::borrow_slot(&g.origin) };
    let args = unsafe { Obj::borrow_slot(&g.args) };
    let items: Vec<String> = if tuple::len(args) == 0 {
        vec!["()".into()]
    } else {
        tuple::items(args).iter().map(repr_item).collect::<PyResult<_>>()?
    };
    let star = if g.starred { "*" } else { "" };
    Ok(pystr::new(&format!("{}{}[{}]", star, repr_item(origin)?, items.join(", "))))
}
crate::unary_slot!(ga_repr_slot => ga_repr);

fn ga_call(o: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let origin = unsafe { Obj::borrow_slot(&ga(o).origin) };
    let r = crate::ops::call::call_tuple_dict(origin, args, kwargs)?;
    // Record where the instance came from, as CPython does (ignoring failures).
    if crate::ops::attr::setattr(&r, &pystr::intern_static("__orig_class__"), o).is_err() {
        crate::errors::clear();
    }
    Ok(r)
}
crate::call_slot!(ga_call_slot => ga_call);

/// The attributes an alias answers itself; everything else is the origin's
/// (`list[int].append` is `list.append`).
const ATTR_EXCEPTIONS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// `dir(alias)`: the origin's names plus the alias's own.
fn m_dir(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__dir__", a, k, 0, 0)?;
    let dir = crate::types::iter::builtin("dir")?;
    let d = crate::ops::call::call(&dir, &[unsafe { Obj::from_borrowed(ga(slf).origin) }], None)?;
    for n in ATTR_EXCEPTIONS {
        let s = pystr::new(n);
        if !crate::ops::seq::contains(&d, &s)? {
            crate::ops::attr::call_method(&d, "append", &[s])?;
        }
    }
    Ok(d)
}

fn ga_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let n = pystr::to_string_lossy(name);
    if ATTR_EXCEPTIONS.contains(&n.as_str()) {
        return type_::generic_getattr(o, name);
    }
    crate::ops::attr::getattr(unsafe { Obj::borrow_slot(&ga(o).origin) }, name)
}
crate::binary_slot!(ga_getattro_slot => ga_getattro);

fn ga_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_generic_alias(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (x, y) = (ga(a), ga(b));
    if x.starred != y.starred {
        return Ok(bool_::from_bool(op == CompareOp::Ne));
    }
    let eq = crate::ops::eq(unsafe { Obj::borrow_slot(&x.origin) }, unsafe { Obj::borrow_slot(&y.origin) })?
        && crate::ops::eq(unsafe { Obj::borrow_slot(&x.args) }, unsafe { Obj::borrow_slot(&y.args) })?;
    Ok(bool_::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}
crate::richcmp_slot!(ga_richcompare_slot => ga_richcompare);

fn ga_hash(o: &Obj) -> PyResult<isize> {
    let g = ga(o);
    let h = crate::ops::hash(unsafe { Obj::borrow_slot(&g.origin) })? ^ crate::ops::hash(unsafe { Obj::borrow_slot(&g.args) })?;
    Ok(if h == -1 { -2 } else { h })
}
crate::hash_slot!(ga_hash_slot => ga_hash);

fn g_origin(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(ga(o).origin) })
}
fn g_args(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(ga(o).args) })
}
fn g_parameters(o: &Obj) -> PyResult<Obj> {
    let g = unsafe { o.cast_mut::<GenericAliasObject>() };
    if g.parameters.is_null() {
        g.parameters = make_parameters(unsafe { Obj::borrow_slot(&g.args) })?.into_raw();
    }
    Ok(unsafe { Obj::from_borrowed(g.parameters) })
}

fn g_unpacked(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(ga(o).starred))
}

/// The arguments of `*tuple[...]`; None for anything else.
fn g_unpacked_tuple_args(o: &Obj) -> PyResult<Obj> {
    let g = ga(o);
    if g.starred && g.origin == crate::types::tuple::type_ptr() as *mut PyObject {
        return Ok(unsafe { Obj::from_borrowed(g.args) });
    }
    Ok(none::none())
}

fn push_unique(v: &mut Vec<Obj>, x: &Obj) {
    if !v.iter().any(|y| y.is(x)) {
        v.push(x.clone());
    }
}

/// The type variables among `args`, in order, once each: those that can be
/// substituted (`__typing_subst__`) and those of arguments that have
/// `__parameters__` themselves (CPython's _Py_make_parameters).
pub fn make_parameters(args: &Obj) -> PyResult<Obj> {
    let mut params = Vec::new();
    for t in tuple::items(args) {
        // Not a bare class's own __parameters__ descriptor.
        if type_::is_type(t) {
            continue;
        }
        if crate::ops::attr::getattr_opt(t, &pystr::intern_static("__typing_subst__"))?.is_some() {
            push_unique(&mut params, t);
        } else if let Some(sub) = crate::ops::attr::getattr_opt(t, &pystr::intern_static("__parameters__"))? {
            if tuple::is_tuple(&sub) {
                for p in tuple::items(&sub) {
                    push_unique(&mut params, p);
                }
            }
        }
    }
    Ok(tuple::new(&params))
}

/// `*tuple[int, str]` and the like spread into the argument list.
fn unpack_args(item: &Obj) -> PyResult<Vec<Obj>> {
    let items = if tuple::is_tuple(item) { tuple::items(item).to_vec() } else { vec![item.clone()] };
    let mut out = Vec::new();
    for it in items {
        if !type_::is_type(&it) {
            if let Some(sub) = crate::ops::attr::getattr_opt(&it, &pystr::intern_static("__typing_unpacked_tuple_args__"))? {
                if tuple::is_tuple(&sub) {
                    let s = tuple::items(&sub);
                    if !(s.last().map_or(false, |l| l.is(&none::ellipsis()))) {
                        out.extend(s.iter().cloned());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

fn index_of(params: &[Obj], x: &Obj) -> usize {
    params.iter().position(|p| p.is(x)).unwrap_or(0)
}

/// `obj` with its own type variables replaced (`list[T]` -> `list[int]`).
fn subs_tvars(obj: &Obj, params: &[Obj], argitems: &[Obj]) -> PyResult<Obj> {
    let sub = match crate::ops::attr::getattr_opt(obj, &pystr::intern_static("__parameters__"))? {
        Some(s) if tuple::is_tuple(&s) && tuple::len(&s) > 0 => s,
        _ => return Ok(obj.clone()),
    };
    let mut subargs = Vec::new();
    for a in tuple::items(&sub) {
        let i = index_of(params, a);
        let (param, arg) = (&params[i], &argitems[i]);
        // A TypeVarTuple (iterable) takes a tuple of arguments spread out.
        if param.ty().tp_iter.is_some() && tuple::is_tuple(arg) {
            subargs.extend(tuple::items(arg).iter().cloned());
        } else {
            subargs.push(arg.clone());
        }
    }
    crate::ops::seq::getitem(obj, &tuple::new(&subargs))
}

/// The arguments of `slf` (whose arguments are `args` and type variables
/// `params`) after `slf[item]` (CPython's _Py_subs_parameters).
pub fn subs_parameters(slf: &Obj, args: &Obj, params: &Obj, item: &Obj) -> PyResult<Obj> {
    let params = tuple::items(params).to_vec();
    if params.is_empty() {
        crate::bail!(TypeError, "{} is not a generic class", crate::ops::repr_string(slf)?);
    }
    let mut item = tuple::new(&unpack_args(item)?);
    for p in &params {
        if let Some(prepare) = crate::ops::attr::getattr_opt(p, &pystr::intern_static("__typing_prepare_subst__"))? {
            item = crate::ops::call::call(&prepare, &[slf.clone(), item.clone()], None)?;
        }
    }
    let argitems = if tuple::is_tuple(&item) { tuple::items(&item).to_vec() } else { vec![item.clone()] };
    if argitems.len() != params.len() {
        crate::bail!(
            TypeError,
            "Too {} arguments for {}; actual {}, expected {}",
            if argitems.len() > params.len() { "many" } else { "few" },
            crate::ops::repr_string(slf)?,
            argitems.len(),
            params.len()
        );
    }
    let mut newargs = Vec::new();
    for arg in tuple::items(args) {
        if type_::is_type(arg) {
            newargs.push(arg.clone());
            continue;
        }
        let unpack = match crate::ops::attr::getattr_opt(arg, &pystr::intern_static("__typing_is_unpacked_typevartuple__"))? {
            Some(v) => crate::ops::truthy(&v)?,
            None => false,
        };
        let new = match crate::ops::attr::getattr_opt(arg, &pystr::intern_static("__typing_subst__"))? {
            Some(subst) => crate::ops::call::call(&subst, &[argitems[index_of(&params, arg)].clone()], None)?,
            None => subs_tvars(arg, &params, &argitems)?,
        };
        if unpack && tuple::is_tuple(&new) {
            newargs.extend(tuple::items(&new).iter().cloned());
        } else {
            newargs.push(new);
        }
    }
    Ok(tuple::new(&newargs))
}

fn ga_getitem(o: &Obj, item: &Obj) -> PyResult<Obj> {
    let params = g_parameters(o)?;
    let g = ga(o);
    let newargs = subs_parameters(o, unsafe { Obj::borrow_slot(&g.args) }, &params, item)?;
    let r = new(unsafe { Obj::borrow_slot(&g.origin) }, &newargs)?;
    unsafe { r.cast_mut::<GenericAliasObject>().starred = g.starred };
    Ok(r)
}
crate::binary_slot!(ga_getitem_slot => ga_getitem);

fn m_instancecheck(_slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    crate::bail!(TypeError, "isinstance() argument 2 cannot be a parameterized generic")
}

fn m_subclasscheck(_slf: &Obj, _a: &[Obj], _k: Option<&Obj>) -> PyResult<Obj> {
    crate::bail!(TypeError, "issubclass() argument 2 cannot be a parameterized generic")
}

fn m_mro_entries(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("GenericAlias.__mro_entries__", a, k, 1, 1)?;
    Ok(tuple::new(&[unsafe { Obj::from_borrowed(ga(slf).origin) }]))
}

fn m_reduce(slf: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("GenericAlias.__reduce__", a, k, 0, 0)?;
    let g = ga(slf);
    if g.starred {
        // next(iter(the alias unstarred)).
        let plain = new(unsafe { Obj::borrow_slot(&g.origin) }, unsafe { Obj::borrow_slot(&g.args) })?;
        let it = crate::ops::iter(&plain)?;
        return Ok(tuple::new(&[crate::types::iter::builtin("next")?, tuple::new(&[it])]));
    }
    Ok(tuple::new(&[
        type_::type_obj(slf.type_ptr()),
        tuple::new(&[unsafe { Obj::from_borrowed(g.origin) }, unsafe { Obj::from_borrowed(g.args) }]),
    ]))
}

fn ga_new(t: *mut PyTypeObject, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    if kwargs.map(|k| crate::types::dict::len(k) > 0).unwrap_or(false) {
        crate::bail!(TypeError, "GenericAlias() takes no keyword arguments");
    }
    let a = tuple::items(args);
    if a.len() != 2 {
        crate::bail!(TypeError, "GenericAlias expected 2 arguments, got {}", a.len());
    }
    new_of_type(t, &a[0], &a[1])
}
crate::new_slot!(ga_new_slot => ga_new);

unsafe extern "C" fn ga_dealloc(p: *mut PyObject) {
    if !(*(p as *mut GenericAliasObject)).weakreflist.is_null() {
        crate::types::weakref::clear_weakrefs(&std::mem::ManuallyDrop::new(Obj::from_owned(p)));
    }
    let g = &mut *(p as *mut GenericAliasObject);
    crate::object::xdecref(std::mem::replace(&mut g.origin, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut g.args, null_mut()));
    crate::object::xdecref(std::mem::replace(&mut g.parameters, null_mut()));
    crate::object::alloc::free_object(p);
}

unsafe extern "C" fn ga_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let g = &*(p as *const GenericAliasObject);
    for x in [g.origin, g.args, g.parameters] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// The iterator type behind `*alias`, for the type list `ready` walks.
pub fn iter_type_ptr() -> *mut PyTypeObject {
    &raw mut GA_ITER_TYPE
}

pub fn init_types() {
    unsafe {
        let it = iter_type_ptr();
        type_::init_static(it, "generic_alias_iterator", std::mem::size_of::<GaIterObject>(), 0);
        (*it).tp_flags |= tpflags::HAVE_GC;
        (*it).tp_flags &= !tpflags::BASETYPE;
        (*it).tp_dealloc = Some(ga_iter_dealloc);
        (*it).tp_traverse = Some(ga_iter_traverse);
        (*it).tp_iter = Some(crate::types::iter::self_iter);
        (*it).tp_iternext = Some(ga_iter_next);
        (*it).tp_methods = method_table(&[method("__reduce__", ga_iter_reduce)]);
        let t = type_ptr();
        type_::init_static(t, "types.GenericAlias", std::mem::size_of::<GenericAliasObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC | tpflags::BASETYPE;
        (*t).tp_dealloc = Some(ga_dealloc);
        (*t).tp_traverse = Some(ga_traverse);
        (*t).tp_weaklistoffset = std::mem::offset_of!(GenericAliasObject, weakreflist) as isize;
        (*t).tp_iter = Some(ga_iter);
        (*t).tp_repr = Some(ga_repr_slot);
        (*t).tp_call = Some(ga_call_slot);
        (*t).tp_getattro = Some(ga_getattro_slot);
        (*t).tp_richcompare = Some(ga_richcompare_slot);
        (*t).tp_hash = Some(ga_hash_slot);
        (*t).tp_new = Some(ga_new_slot);
        (*t).tp_methods = method_table(&[
            method("__mro_entries__", m_mro_entries),
            method("__dir__", m_dir),
            method("__reduce__", m_reduce),
            method("__instancecheck__", m_instancecheck),
            method("__subclasscheck__", m_subclasscheck),
        ]);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__origin__", g_origin),
            GetSetSpec::get("__args__", g_args),
            GetSetSpec::get("__parameters__", g_parameters),
            GetSetSpec::get("__unpacked__", g_unpacked),
            GetSetSpec::get("__typing_unpacked_tuple_args__", g_unpacked_tuple_args),
        ]);
        let mp = &raw mut GA_MAPPING;
        (*mp).mp_subscript = Some(ga_getitem_slot);
        (*t).tp_as_mapping = mp;
        // The builtin generic classes.
        for cls in [
            crate::types::list::type_ptr(),
            crate::types::tuple::type_ptr(),
            crate::types::dict::type_ptr(),
            crate::types::set::set_type(),
            crate::types::set::frozenset_type(),
        ] {
            add_class_getitem(cls);
        }
    }
}

/// `__class_getitem__` of builtin generic types set up after this one
/// (CPython's enumerate, async_generator and weakref.ref are generic too).
pub fn init_late_class_getitem() {
    unsafe {
        for cls in [
            &raw mut crate::builtins::iterators::PyEnum_Type,
            crate::types::generator::asyncgen_type(),
            crate::types::weakref::ref_type(),
        ] {
            add_class_getitem(cls);
        }
    }
}

/// Appends `__class_getitem__` to a builtin type's method table.
unsafe fn add_class_getitem(t: *mut PyTypeObject) {
    let mut specs = Vec::new();
    let mut ml = (*t).tp_methods;
    if !ml.is_null() {
        while !(*ml).ml_name.is_null() {
            let name: &'static str = Box::leak(std::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned().into_boxed_str());
            if (*ml).ml_flags & crate::object::meth::KRAIT != 0 {
                let f: crate::types::builtin_func::RustMethod = std::mem::transmute((*ml).ml_meth);
                specs.push(crate::types::builtin_func::MethodSpec { name, f, flags: (*ml).ml_flags & !crate::object::meth::KRAIT, doc: "" });
            }
            ml = ml.add(1);
        }
    }
    specs.push(classmethod("__class_getitem__", class_getitem));
    (*t).tp_methods = method_table(&specs);
}
