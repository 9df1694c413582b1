//! The `_ast` node classes: the native base `ast.AST` (instances are an
//! object header and a `__dict__`; `__init__` takes the `_fields`
//! positionally and any attribute by keyword; `__reduce__` for copy and
//! pickle) and the abstract and concrete node classes, made from `table.rs`
//! by calling `type` as CPython does, so they are ordinary heap classes.

use super::table::NODES;
use crate::native::{self, State};
use crate::Keep;
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::builtin_func::{method, method_table};
use krait_runtime::types::{dict, int, none, str as pystr, tuple, type_};
use krait_runtime::{bail, ops, PyResult};
use std::collections::HashMap;
use std::sync::OnceLock;

/// An ASDL field qualifier: exactly one, optional (`?`), or a sequence (`*`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Q {
    One,
    Opt,
    Seq,
}

/// One class of `_ast`: an abstract sum type (`expr`), one of its
/// constructors (`base` names the sum type), or a product type (`arguments`,
/// no base). Fields and attributes are (name, ASDL type, qualifier).
pub struct Node {
    pub name: &'static str,
    pub base: &'static str,
    pub abstract_: bool,
    pub fields: &'static [(&'static str, &'static str, Q)],
    pub attributes: &'static [(&'static str, &'static str, Q)],
}

/// The instance state of `ast.AST`: nothing but the `__dict__` the object
/// header carries.
struct Empty;

impl State for Empty {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

static mut AST_TYPE: PyTypeObject = PyTypeObject::EMPTY;

/// Every class of `NODES`, in order, as a tuple.
static CLASSES: Keep = Keep::new();

fn index() -> &'static HashMap<&'static str, usize> {
    static INDEX: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    INDEX.get_or_init(|| NODES.iter().enumerate().map(|(i, n)| (n.name, i)).collect())
}

/// The table entry of a class name, if it is one.
pub fn find(name: &str) -> Option<&'static Node> {
    index().get(name).map(|i| &NODES[*i])
}

/// The table entry of a class name.
pub fn node(name: &str) -> &'static Node {
    &NODES[index()[name]]
}

pub fn ast_type() -> *mut PyTypeObject {
    &raw mut AST_TYPE
}

/// The class `_ast.<name>`.
pub fn class(name: &str) -> PyResult<Obj> {
    let all = classes()?;
    Ok(tuple::items(&all)[index()[name]].clone())
}

fn qual_suffix(q: Q) -> &'static str {
    match q {
        Q::One => "",
        Q::Opt => "?",
        Q::Seq => "*",
    }
}

/// "Name(identifier id, expr_context ctx)", or just "Load".
fn signature(n: &Node) -> String {
    if n.fields.is_empty() {
        return n.name.to_string();
    }
    let parts: Vec<String> = n.fields.iter().map(|(f, t, q)| format!("{}{} {}", t, qual_suffix(*q), f)).collect();
    format!("{}({})", n.name, parts.join(", "))
}

/// The docstring CPython gives a class: its ASDL definition.
fn doc(n: &Node) -> String {
    if !n.abstract_ {
        return signature(n);
    }
    let ctors: Vec<String> = NODES.iter().filter(|c| c.base == n.name).map(signature).collect();
    let simple = NODES.iter().filter(|c| c.base == n.name).all(|c| c.fields.is_empty());
    if simple {
        return format!("{} = {}", n.name, ctors.join(" | "));
    }
    let sep = format!("\n{}| ", " ".repeat(n.name.len() + 1));
    format!("{} = {}", n.name, ctors.join(&sep))
}

fn names_tuple(names: &[(&'static str, &'static str, Q)]) -> Obj {
    tuple::from_vec(names.iter().map(|(f, _, _)| pystr::intern(f)).collect())
}

fn classes() -> PyResult<Obj> {
    CLASSES.get_or_init(|| {
        init_base()?;
        let meta = type_::type_obj(type_::type_type());
        let mut made: Vec<Obj> = Vec::with_capacity(NODES.len());
        for n in NODES {
            let base = if n.base.is_empty() { type_::type_obj(ast_type()) } else { made[index()[n.base]].clone() };
            let ns = dict::new();
            let fields = names_tuple(n.fields);
            dict::set_item_str(&ns, "_fields", &fields)?;
            dict::set_item_str(&ns, "__match_args__", &fields)?;
            dict::set_item_str(&ns, "__module__", &pystr::new("ast"))?;
            dict::set_item_str(&ns, "__doc__", &pystr::new(&doc(n)))?;
            let cls = ops::call::call(&meta, &[pystr::new(n.name), tuple::new(&[base]), ns], None)?;
            if n.base.is_empty() {
                ops::attr::setattr(&cls, &pystr::intern_static("_attributes"), &names_tuple(n.attributes))?;
            }
            // Optional fields and attributes default to None on the class.
            for (f, _, q) in n.fields.iter().chain(n.attributes.iter()) {
                if *q == Q::Opt {
                    ops::attr::setattr(&cls, &pystr::intern(f), &none::none())?;
                }
            }
            made.push(cls);
        }
        Ok(tuple::from_vec(made))
    })
}

// ---------------------------------------------------------------------------
// ast.AST

fn ast_init(slf: &Obj, args: &Obj, kw: Option<&Obj>) -> PyResult<()> {
    let fields = ops::attr::getattr_opt(&native::type_of(slf), &pystr::intern_static("_fields"))?;
    let fields = match fields {
        Some(f) => ops::seq::to_vec(&f)?,
        None => vec![],
    };
    let args = tuple::items(args);
    let tp_name = slf.ty().name().to_string();
    if args.len() > fields.len() {
        bail!(TypeError, "{} constructor takes at most {} positional argument{}", tp_name, fields.len(), if fields.len() == 1 { "" } else { "s" });
    }
    for (name, value) in fields.iter().zip(args) {
        ops::attr::setattr(slf, name, value)?;
    }
    if let Some(kw) = kw {
        for (k, v) in dict::items_vec(kw) {
            for f in &fields[..args.len()] {
                if ops::eq(f, &k)? {
                    bail!(TypeError, "{} got multiple values for argument '{}'", tp_name, pystr::to_string_lossy(&k));
                }
            }
            ops::attr::setattr(slf, &k, &v)?;
        }
    }
    Ok(())
}

krait_runtime::init_slot!(ast_init_slot => ast_init);

/// `__reduce__`: the class, no arguments, and the instance dict.
fn ast_reduce(slf: &Obj, _args: &[Obj], _kw: Option<&Obj>) -> PyResult<Obj> {
    let cls = native::type_of(slf);
    match ops::attr::getattr_opt(slf, &pystr::intern_static("__dict__"))? {
        Some(d) => Ok(tuple::new(&[cls, tuple::new(&[]), d])),
        None => Ok(tuple::new(&[cls, tuple::new(&[])])),
    }
}

fn init_base() -> PyResult<()> {
    unsafe {
        let t = ast_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Empty>(t, "ast.AST", true);
        // A heap type in CPython: its attributes can be set.
        (*t).tp_flags &= !tpflags::IMMUTABLETYPE;
        (*t).tp_dictoffset = native::dict_offset::<Empty>();
        (*t).tp_new = Some(type_::generic_new);
        (*t).tp_init = Some(ast_init_slot);
        (*t).tp_methods = method_table(&[method("__reduce__", ast_reduce)]);
        native::ready(t)?;
        let d = type_::type_dict(t);
        dict::set_item_str(d, "__dict__", &krait_runtime::types::member::new_dict_descr(t))?;
        dict::set_item_str(d, "__module__", &pystr::new("ast"))?;
        dict::set_item_str(d, "_fields", &tuple::new(&[]))?;
        dict::set_item_str(d, "__match_args__", &tuple::new(&[]))?;
        dict::set_item_str(d, "_attributes", &tuple::new(&[]))?;
        type_::modified(t);
    }
    Ok(())
}

/// Adds `AST`, every node class and the PyCF_* constants to a module dict.
pub fn add_to(d: &Obj) -> PyResult<()> {
    let all = classes()?;
    dict::set_item_str(d, "AST", &type_::type_obj(ast_type()))?;
    for (n, c) in NODES.iter().zip(tuple::items(&all)) {
        dict::set_item_str(d, n.name, c)?;
    }
    dict::set_item_str(d, "PyCF_ONLY_AST", &int::from_i64(1024))?;
    dict::set_item_str(d, "PyCF_TYPE_COMMENTS", &int::from_i64(4096))?;
    dict::set_item_str(d, "PyCF_ALLOW_TOP_LEVEL_AWAIT", &int::from_i64(8192))?;
    Ok(())
}

/// Is `o` an instance of `_ast.<name>` (or a subclass)?
pub fn is_instance(o: &Obj, name: &str) -> PyResult<bool> {
    let c = class(name)?;
    Ok(type_::is_subtype(o.type_ptr(), type_::as_type(&c)))
}
