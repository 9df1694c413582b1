//! `sqlite3.Row`: a result row indexable by position, by slice and by
//! column name (ASCII case-insensitively), with `keys()`, equality and
//! hashing over the cursor's description and the values.

use crate::native::{self, State};
use krait_bytecode::CompareOp;
use krait_runtime::bail;
use krait_runtime::errors::PyResult;
use krait_runtime::object::{Obj, PyMappingMethods, PyObject, PySequenceMethods, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{method, method_table};
use krait_runtime::types::{bool_, int, list, none, slice, str as pystr, tuple, type_};

static mut ROW_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut ROW_SEQ: PySequenceMethods = PySequenceMethods::EMPTY;
static mut ROW_MAP: PyMappingMethods = PyMappingMethods::EMPTY;

pub fn row_type() -> Obj {
    type_::type_obj(&raw mut ROW_TYPE)
}

struct Row {
    data: Obj,
    description: Obj,
}

impl State for Row {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.data);
        native::push(out, &self.description);
    }
}

fn st(o: &Obj) -> &mut Row {
    match native::state::<Row>(o) {
        Some(s) => s,
        None => {
            // Emptied by the cycle collector: an empty row, never a crash.
            static mut DEAD: *mut Row = std::ptr::null_mut();
            // SAFETY: only reached with the GIL held; made once and never freed.
            unsafe {
                if DEAD.is_null() {
                    DEAD = Box::into_raw(Box::new(Row { data: tuple::new(&[]), description: none::none() }));
                }
                &mut *DEAD
            }
        }
    }
}

fn row_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    native::no_kw_dict("Row", kw)?;
    let a = tuple::items(args);
    if a.len() != 2 {
        bail!(TypeError, "Row expected 2 arguments, got {}", a.len());
    }
    if !super::cursor::is_cursor(&a[0]) {
        bail!(TypeError, "Row() argument 1 must be sqlite3.Cursor, not {}", super::arg_type_name(&a[0]));
    }
    if !tuple::is_tuple(&a[1]) {
        bail!(TypeError, "Row() argument 2 must be tuple, not {}", super::arg_type_name(&a[1]));
    }
    let description = ops::attr::getattr_str(&a[0], "description")?;
    native::alloc(t, Row { data: a[1].clone(), description })
}
krait_runtime::new_slot!(row_new_slot => row_new);

fn row_len(o: &Obj) -> PyResult<usize> {
    Ok(tuple::len(&st(o).data))
}
krait_runtime::len_slot!(row_len_slot => row_len);

fn column_names(o: &Obj) -> PyResult<Vec<Obj>> {
    let d = st(o).description.clone();
    if none::is_none(&d) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for c in ops::seq::to_vec(&d)? {
        out.push(ops::seq::getitem(&c, &int::from_i64(0))?);
    }
    Ok(out)
}

fn eq_ignore_ascii_case(a: &Obj, b: &Obj) -> bool {
    match (pystr::as_str(a), pystr::as_str(b)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

fn row_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let data = st(o).data.clone();
    if int::is_int(key) {
        let mut i = match int::as_i64(key) {
            Some(i) => i as isize,
            None => bail!(IndexError, "cannot fit 'int' into an index-sized integer"),
        };
        if i < 0 {
            i += tuple::len(&data) as isize;
        }
        if i < 0 || i as usize >= tuple::len(&data) {
            bail!(IndexError, "tuple index out of range");
        }
        return Ok(tuple::items(&data)[i as usize].clone());
    }
    if pystr::is_str(key) {
        for (i, name) in column_names(o)?.iter().enumerate() {
            if pystr::is_str(name) && eq_ignore_ascii_case(name, key) {
                return Ok(tuple::items(&data)[i].clone());
            }
        }
        bail!(IndexError, "No item with that key");
    }
    if slice::is_slice(key) {
        return ops::seq::getitem(&data, key);
    }
    bail!(IndexError, "Index must be int or string")
}
krait_runtime::binary_slot!(row_subscript_slot => row_subscript);

fn row_item(o: &Obj, i: isize) -> PyResult<Obj> {
    row_subscript(o, &int::from_i64(i as i64))
}

unsafe extern "C" fn row_sq_item(p: *mut PyObject, i: isize) -> *mut PyObject {
    krait_runtime::types::slots::ret(row_item(Obj::borrow_slot(&p), i))
}

fn row_keys(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::clinic_args("keys", args, kw, &[], 0, 0, 0)?;
    Ok(list::from_vec(column_names(o)?))
}

fn row_iter(o: &Obj) -> PyResult<Obj> {
    ops::iter(&st(o).data)
}
krait_runtime::unary_slot!(row_iter_slot => row_iter);

fn row_hash(o: &Obj) -> PyResult<isize> {
    let s = st(o);
    let (d, v) = (s.description.clone(), s.data.clone());
    Ok(ops::hash(&d)? ^ ops::hash(&v)?)
}
krait_runtime::hash_slot!(row_hash_slot => row_hash);

fn row_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !type_::is_subtype(b.type_ptr(), &raw mut ROW_TYPE) {
        return Ok(none::not_implemented());
    }
    let (sa, sb) = (st(a), st(b));
    let (da, va) = (sa.description.clone(), sa.data.clone());
    let (db, vb) = (sb.description.clone(), sb.data.clone());
    let eq = ops::eq(&da, &db)? && ops::eq(&va, &vb)?;
    Ok(bool_::from_bool(if matches!(op, CompareOp::Eq) { eq } else { !eq }))
}
krait_runtime::richcmp_slot!(row_richcompare_slot => row_richcompare);

pub fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut ROW_TYPE;
        if (*t).tp_flags & krait_runtime::object::tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Row>(t, "sqlite3.Row", true);
        (*t).tp_new = Some(row_new_slot);
        let sq = &raw mut ROW_SEQ;
        (*sq).sq_length = Some(row_len_slot);
        (*sq).sq_item = Some(row_sq_item);
        (*t).tp_as_sequence = sq;
        let mp = &raw mut ROW_MAP;
        (*mp).mp_length = Some(row_len_slot);
        (*mp).mp_subscript = Some(row_subscript_slot);
        (*t).tp_as_mapping = mp;
        (*t).tp_iter = Some(row_iter_slot);
        (*t).tp_hash = Some(row_hash_slot);
        (*t).tp_richcompare = Some(row_richcompare_slot);
        (*t).tp_methods = method_table(&[method("keys", row_keys)]);
        native::ready(t)?;
    }
    Ok(())
}
