//! `member_descriptor`: attributes stored at a fixed offset in the instance
//! (PyMemberDef; `__slots__` entries are object members), plus the `__dict__`
//! and `__weakref__` descriptors of classes.

use crate::errors::PyResult;
use crate::object::{alloc, tpflags, Obj, PyMemberDef, PyObject, PyTypeObject};
use crate::types::{dict, none, str as pystr};
use std::ptr::null_mut;

/// PyMemberDef type codes (structmember.h).
pub mod code {
    pub const SHORT: i32 = 0;
    pub const INT: i32 = 1;
    pub const LONG: i32 = 2;
    pub const FLOAT: i32 = 3;
    pub const DOUBLE: i32 = 4;
    pub const STRING: i32 = 5;
    pub const OBJECT: i32 = 6;
    pub const CHAR: i32 = 7;
    pub const BYTE: i32 = 8;
    pub const UBYTE: i32 = 9;
    pub const UINT: i32 = 10;
    pub const USHORT: i32 = 11;
    pub const ULONG: i32 = 12;
    pub const STRING_INPLACE: i32 = 13;
    pub const BOOL: i32 = 14;
    pub const OBJECT_EX: i32 = 16;
    pub const LONGLONG: i32 = 17;
    pub const ULONGLONG: i32 = 18;
    pub const PYSSIZET: i32 = 19;
    pub const NONE: i32 = 20;
}
pub const READONLY: i32 = 1;

#[repr(C)]
pub struct PyMemberDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
    pub d_member: *mut PyMemberDef,
}

#[no_mangle]
pub static mut PyMemberDescr_Type: PyTypeObject = PyTypeObject::EMPTY;
/// Krait's descriptor type for a class's `__dict__` and `__weakref__`.
#[no_mangle]
pub static mut _PyKraitDictDescr_Type: PyTypeObject = PyTypeObject::EMPTY;

/// Member table for a class's `__slots__` (OBJECT_EX members laid out from
/// `offset`), NULL-terminated, owned by the type (freed with it).
pub fn slot_members(names: &[Obj], offset: isize) -> *mut PyMemberDef {
    if names.is_empty() {
        return null_mut();
    }
    let mut v: Vec<PyMemberDef> = names
        .iter()
        .enumerate()
        .map(|(i, n)| PyMemberDef {
            name: crate::types::builtin_func::cstr(&pystr::to_string_lossy(n)),
            type_code: code::OBJECT_EX,
            offset: offset + 8 * i as isize,
            flags: 0,
            doc: std::ptr::null(),
        })
        .collect();
    v.push(PyMemberDef { name: std::ptr::null(), type_code: 0, offset: 0, flags: 0, doc: std::ptr::null() });
    let n = v.len();
    let b = v.into_boxed_slice();
    let p = Box::into_raw(b) as *mut PyMemberDef;
    TABLE_LENS.with(|t| t.borrow_mut().insert(p as usize, n));
    p
}

/// A static type's read-only object members (`range.start`, `slice.step`),
/// as CPython declares them: reading gives the field, writing "readonly
/// attribute". The table lives as long as the type (forever).
pub fn readonly_members(fields: &[(&str, usize)]) -> *mut PyMemberDef {
    let mut v: Vec<PyMemberDef> = fields
        .iter()
        .map(|(name, offset)| PyMemberDef {
            name: crate::types::builtin_func::cstr(name),
            type_code: code::OBJECT,
            offset: *offset as isize,
            flags: READONLY,
            doc: std::ptr::null(),
        })
        .collect();
    v.push(PyMemberDef { name: std::ptr::null(), type_code: 0, offset: 0, flags: 0, doc: std::ptr::null() });
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

/// A static type's member table from (name, type code, offset, flags, doc)
/// rows, as a C type's PyMemberDef array (`complex.real` is a read-only
/// DOUBLE member). The table lives as long as the type (forever).
pub fn static_members(fields: &[(&str, i32, usize, i32, &str)]) -> *mut PyMemberDef {
    let cstr = crate::types::builtin_func::cstr;
    let mut v: Vec<PyMemberDef> = fields
        .iter()
        .map(|&(name, type_code, offset, flags, doc)| PyMemberDef {
            name: cstr(name),
            type_code,
            offset: offset as isize,
            flags,
            doc: if doc.is_empty() { std::ptr::null() } else { cstr(doc) },
        })
        .collect();
    v.push(PyMemberDef { name: std::ptr::null(), type_code: 0, offset: 0, flags: 0, doc: std::ptr::null() });
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

static TABLE_LENS: crate::gil::GilCell<std::cell::RefCell<std::collections::BTreeMap<usize, usize>>> = crate::gil::GilCell::new(std::cell::RefCell::new(std::collections::BTreeMap::new()));

/// Frees a member table made by `slot_members` (tables from C stay theirs).
///
/// # Safety
/// `p` must be a table pointer stored in a heap type being deallocated.
pub unsafe fn free_member_table(p: *mut PyMemberDef) {
    if let Some(n) = TABLE_LENS.with(|t| t.borrow_mut().remove(&(p as usize))) {
        let b = Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n));
        for m in b.iter() {
            if !m.name.is_null() {
                drop(std::ffi::CString::from_raw(m.name as *mut std::os::raw::c_char));
            }
        }
    }
}

/// Releases the `__slots__` values a heap type `t` declares in instance `p`.
///
/// # Safety
/// `p` must be an instance of `t` (or a subclass) being deallocated.
pub unsafe fn clear_slots(t: *mut PyTypeObject, p: *mut PyObject) {
    let mut m = (*t).tp_members;
    if m.is_null() || (*t).tp_base.is_null() {
        return;
    }
    while !(*m).name.is_null() {
        if (*m).type_code == code::OBJECT_EX && (*m).flags & READONLY == 0 {
            let slot = (p as *mut u8).offset((*m).offset) as *mut *mut PyObject;
            crate::object::xdecref(std::mem::replace(&mut *slot, null_mut()));
        }
        m = m.add(1);
    }
}

pub fn add_members(t: *mut PyTypeObject, d: &Obj) -> PyResult<()> {
    unsafe {
        let mut m = (*t).tp_members;
        if m.is_null() {
            return Ok(());
        }
        while !(*m).name.is_null() {
            let name = std::ffi::CStr::from_ptr((*m).name).to_string_lossy().into_owned();
            if dict::get_item_str(d, &name)?.is_none() {
                let p = alloc::alloc_object(&raw mut PyMemberDescr_Type, 0) as *mut PyMemberDescrObject;
                (*p).d_type = t;
                crate::object::incref(t as *mut PyObject);
                (*p).d_name = pystr::intern(&name).into_raw();
                (*p).d_member = m;
                dict::set_item_str(d, &name, &Obj::from_owned(p as *mut PyObject))?;
            }
            m = m.add(1);
        }
    }
    Ok(())
}

fn descr<'a>(o: &'a Obj) -> &'a PyMemberDescrObject {
    unsafe { o.cast::<PyMemberDescrObject>() }
}

fn check_instance(d: &PyMemberDescrObject, obj: &Obj) -> PyResult<()> {
    if !crate::types::type_::is_subtype(obj.type_ptr(), d.d_type) {
        crate::bail!(
            TypeError,
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) }),
            unsafe { (*d.d_type).name() },
            obj.ty().name()
        );
    }
    Ok(())
}

crate::descr_get_slot!(member_get => member_get_impl);
fn member_get_impl(o: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    let d = descr(o);
    let obj = match obj {
        None => return Ok(o.clone()),
        Some(x) => x,
    };
    check_instance(d, obj)?;
    unsafe {
        let m = &*d.d_member;
        let addr = (obj.as_ptr() as *mut u8).offset(m.offset);
        use crate::types::int;
        Ok(match m.type_code {
            code::OBJECT => crate::object::opt_from_borrowed(*(addr as *mut *mut PyObject)).unwrap_or_else(none::none),
            code::OBJECT_EX => match crate::object::opt_from_borrowed(*(addr as *mut *mut PyObject)) {
                Some(v) => v,
                None => {
                    let name = pystr::to_string_lossy(Obj::borrow_slot(&d.d_name));
                    let e = crate::raise!(AttributeError, "'{}' object has no attribute '{}'", obj.ty().name(), name);
                    crate::types::exceptions::set_attribute_error_context(obj, Obj::borrow_slot(&d.d_name));
                    return Err(e);
                }
            },
            code::SHORT => int::from_i64(*(addr as *const i16) as i64),
            code::INT => int::from_i64(*(addr as *const i32) as i64),
            code::LONG | code::LONGLONG | code::PYSSIZET => int::from_i64(*(addr as *const i64)),
            code::ULONG | code::ULONGLONG => int::from_u64(*(addr as *const u64)),
            code::UINT => int::from_i64(*(addr as *const u32) as i64),
            code::USHORT => int::from_i64(*(addr as *const u16) as i64),
            code::BYTE => int::from_i64(*(addr as *const i8) as i64),
            code::UBYTE => int::from_i64(*addr as i64),
            code::CHAR => pystr::from_char(*addr as u32),
            code::BOOL => crate::types::bool_::from_bool(*addr != 0),
            code::FLOAT => crate::types::float::from_f64(*(addr as *const f32) as f64),
            code::DOUBLE => crate::types::float::from_f64(*(addr as *const f64)),
            code::STRING => {
                let p = *(addr as *const *const std::os::raw::c_char);
                if p.is_null() {
                    none::none()
                } else {
                    pystr::new(&std::ffi::CStr::from_ptr(p).to_string_lossy())
                }
            }
            code::STRING_INPLACE => pystr::new(&std::ffi::CStr::from_ptr(addr as *const std::os::raw::c_char).to_string_lossy()),
            code::NONE => none::none(),
            _ => crate::bail!(SystemError, "bad memberdescr type"),
        })
    }
}

crate::setter_slot!(member_set => member_set_impl);
fn member_set_impl(o: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = descr(o);
    check_instance(d, obj)?;
    unsafe {
        let m = &*d.d_member;
        let name = || pystr::to_string_lossy(Obj::borrow_slot(&d.d_name));
        if m.flags & READONLY != 0 {
            crate::bail!(AttributeError, "readonly attribute");
        }
        let addr = (obj.as_ptr() as *mut u8).offset(m.offset);
        match m.type_code {
            code::OBJECT | code::OBJECT_EX => {
                let slot = addr as *mut *mut PyObject;
                if value.is_none() && m.type_code == code::OBJECT_EX && (*slot).is_null() {
                    // CPython 3.11 names just the slot here.
                    crate::bail!(AttributeError, "{}", name());
                }
                crate::object::xsetref(slot, crate::object::opt_into_raw(value.cloned()));
                Ok(())
            }
            _ => {
                let v = match value {
                    Some(v) => v,
                    None => crate::bail!(TypeError, "can't delete numeric/char attribute"),
                };
                match m.type_code {
                    code::INT => *(addr as *mut i32) = crate::types::int::as_isize_or_overflow(&crate::types::int::index(v)?)? as i32,
                    code::LONG | code::LONGLONG | code::PYSSIZET => {
                        *(addr as *mut i64) = crate::types::int::as_isize_or_overflow(&crate::types::int::index(v)?)? as i64
                    }
                    code::BOOL => {
                        if !crate::types::bool_::is_bool(v) {
                            crate::bail!(TypeError, "attribute value type must be bool");
                        }
                        *addr = crate::types::bool_::is_true(v) as u8;
                    }
                    code::DOUBLE => *(addr as *mut f64) = crate::types::float::as_f64(v)?,
                    _ => crate::bail!(SystemError, "bad memberdescr type for {}", name()),
                }
                Ok(())
            }
        }
    }
}

fn member_repr(o: &Obj) -> PyResult<Obj> {
    let d = descr(o);
    Ok(pystr::new(&format!(
        "<member '{}' of '{}' objects>",
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) }),
        unsafe { (*d.d_type).full_name() }
    )))
}
crate::unary_slot!(member_repr_slot => member_repr);

unsafe extern "C" fn member_dealloc(p: *mut PyObject) {
    let d = &mut *(p as *mut PyMemberDescrObject);
    crate::object::xdecref(d.d_type as *mut PyObject);
    crate::object::xdecref(d.d_name);
    crate::object::xdecref(d.d_qualname);
    alloc::free_object(p);
}

/// The descriptor's class is its only reference that can lead back to it
/// (class -> dict -> descriptor -> class).
unsafe extern "C" fn member_traverse(p: *mut PyObject, visit: crate::object::VisitProc, arg: *mut std::os::raw::c_void) -> i32 {
    let t = (*(p as *mut PyMemberDescrObject)).d_type;
    if t.is_null() {
        0
    } else {
        visit(t as *mut PyObject, arg)
    }
}

fn member_name(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(descr(o).d_name) })
}

fn member_qualname(o: &Obj) -> PyResult<Obj> {
    let d = descr(o);
    crate::types::getset::descr_qualname(d.d_type, unsafe { Obj::borrow_slot(&d.d_name) })
}

/// The member's docstring (None without one; the `__dict__`/`__weakref__`
/// descriptors, which have no PyMemberDef, give CPython's texts).
fn member_doc(o: &Obj) -> PyResult<Obj> {
    let d = descr(o);
    unsafe {
        if d.d_member.is_null() {
            let text = match pystr::to_string_lossy(Obj::borrow_slot(&d.d_name)).as_str() {
                "__dict__" => "dictionary for instance variables (if defined)",
                "__weakref__" => "list of weak references to the object (if defined)",
                _ => return Ok(none::none()),
            };
            return Ok(pystr::new(text));
        }
        let doc = (*d.d_member).doc;
        if doc.is_null() {
            return Ok(none::none());
        }
        Ok(pystr::new(&std::ffi::CStr::from_ptr(doc).to_string_lossy()))
    }
}

fn member_objclass(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { Obj::from_borrowed(descr(o).d_type as *mut PyObject) })
}

// `__dict__` / `__weakref__` of classes: d_member is null and the name says which.

pub fn new_dict_descr(t: *mut PyTypeObject) -> Obj {
    new_special(t, "__dict__")
}

pub fn new_weakref_descr(t: *mut PyTypeObject) -> Obj {
    new_special(t, "__weakref__")
}

fn new_special(t: *mut PyTypeObject, name: &str) -> Obj {
    unsafe {
        let p = alloc::alloc_object(&raw mut _PyKraitDictDescr_Type, 0) as *mut PyMemberDescrObject;
        (*p).d_type = t;
        crate::object::incref(t as *mut PyObject);
        (*p).d_name = pystr::intern(name).into_raw();
        Obj::from_owned(p as *mut PyObject)
    }
}

crate::descr_get_slot!(special_get => special_get_impl);
fn special_get_impl(o: &Obj, obj: Option<&Obj>, _t: Option<&Obj>) -> PyResult<Obj> {
    let d = descr(o);
    let obj = match obj {
        None => return Ok(o.clone()),
        Some(x) => x,
    };
    check_instance(d, obj)?;
    if pystr::eq_str(unsafe { Obj::borrow_slot(&d.d_name) }, "__dict__") {
        if let Some(descr) = builtin_dict_descr(obj)? {
            return match descr.ty().tp_descr_get {
                Some(g) => unsafe { crate::types::slots::from_ret(g(descr.as_ptr(), obj.as_ptr(), obj.type_ptr() as *mut PyObject)) },
                None => Ok(descr),
            };
        }
        match crate::types::type_::instance_dict(obj) {
            Some(dd) => Ok(dd),
            None => crate::bail!(AttributeError, "This object has no __dict__"),
        }
    } else {
        Ok(crate::types::weakref::first_weakref(obj).unwrap_or_else(none::none))
    }
}

crate::setter_slot!(special_set => special_set_impl);
fn special_set_impl(o: &Obj, obj: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let d = descr(o);
    check_instance(d, obj)?;
    if !pystr::eq_str(unsafe { Obj::borrow_slot(&d.d_name) }, "__dict__") {
        crate::bail!(AttributeError, "attribute '__weakref__' of '{}' objects is not writable", unsafe { (*d.d_type).name() });
    }
    if let Some(descr) = builtin_dict_descr(obj)? {
        let v = value.map_or(null_mut(), |v| v.as_ptr());
        return match descr.ty().tp_descr_set {
            Some(f) => unsafe { crate::types::slots::from_status(f(descr.as_ptr(), obj.as_ptr(), v)).map(|_| ()) },
            None => crate::bail!(AttributeError, "attribute '__dict__' of '{}' objects is not writable", unsafe { (*builtin_base_with_dict(obj.type_ptr())).name() }),
        };
    }
    let slot = match crate::types::type_::dict_slot(obj) {
        Some(s) => s,
        None => crate::bail!(AttributeError, "This object has no __dict__"),
    };
    match value {
        Some(v) if dict::is_dict(v) => unsafe { crate::object::xsetref(slot, v.clone().into_raw()) },
        Some(v) => crate::bail!(TypeError, "__dict__ must be set to a dictionary, not a '{}'", v.ty().name()),
        None => unsafe { crate::object::xsetref(slot, null_mut()) },
    }
    Ok(())
}

/// The first builtin (static) type along the tp_base chain that keeps its
/// own instance dict, as `type` does for metaclasses.
fn builtin_base_with_dict(mut t: *mut PyTypeObject) -> *mut PyTypeObject {
    unsafe {
        while !(*t).tp_base.is_null() {
            if (*t).tp_dictoffset != 0 && !(*t).has_flag(crate::object::tpflags::HEAPTYPE) {
                return t;
            }
            t = (*t).tp_base;
        }
    }
    null_mut()
}

/// For instances of a class over such a builtin base, that base's own
/// `__dict__` descriptor governs the dict (so a class's namespace stays
/// read-only through a mixin's `__dict__`).
fn builtin_dict_descr(obj: &Obj) -> PyResult<Option<Obj>> {
    let base = builtin_base_with_dict(obj.type_ptr());
    if base.is_null() {
        return Ok(None);
    }
    match crate::types::type_::lookup_str(base, "__dict__") {
        // Builtin types made like classes use this very descriptor kind.
        Some(d) if d.is_type(&raw mut _PyKraitDictDescr_Type) => Ok(None),
        Some(d) if d.ty().tp_descr_set.is_some() || d.ty().tp_descr_get.is_some() => Ok(Some(d)),
        _ => crate::bail!(TypeError, "this __dict__ descriptor does not support '{}' objects", unsafe { (*base).name() }),
    }
}

fn special_repr(o: &Obj) -> PyResult<Obj> {
    let d = descr(o);
    Ok(pystr::new(&format!(
        "<attribute '{}' of '{}' objects>",
        pystr::to_string_lossy(unsafe { Obj::borrow_slot(&d.d_name) }),
        unsafe { (*d.d_type).full_name() }
    )))
}
crate::unary_slot!(special_repr_slot => special_repr);

pub fn init_types() {
    use crate::types::getset::{getset_table, GetSetSpec};
    unsafe {
        let t = &raw mut PyMemberDescr_Type;
        crate::types::type_::init_static(t, "member_descriptor", std::mem::size_of::<PyMemberDescrObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_dealloc = Some(member_dealloc);
        (*t).tp_traverse = Some(member_traverse);
        (*t).tp_descr_get = Some(member_get);
        (*t).tp_descr_set = Some(member_set);
        (*t).tp_repr = Some(member_repr_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__name__", member_name),
            GetSetSpec::get("__objclass__", member_objclass),
            GetSetSpec::get("__doc__", member_doc),
            GetSetSpec::get("__qualname__", member_qualname),
        ]);
        let t = &raw mut _PyKraitDictDescr_Type;
        crate::types::type_::init_static(t, "getset_descriptor", std::mem::size_of::<PyMemberDescrObject>(), 0);
        (*t).tp_flags |= tpflags::HAVE_GC;
        (*t).tp_dealloc = Some(member_dealloc);
        (*t).tp_traverse = Some(member_traverse);
        (*t).tp_descr_get = Some(special_get);
        (*t).tp_descr_set = Some(special_set);
        (*t).tp_repr = Some(special_repr_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("__name__", member_name),
            GetSetSpec::get("__objclass__", member_objclass),
            GetSetSpec::get("__doc__", member_doc),
            GetSetSpec::get("__qualname__", member_qualname),
        ]);
    }
}
