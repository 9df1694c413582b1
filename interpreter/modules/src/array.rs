//! The `array` module: `array.array`, a sequence of one C type per array
//! (typecodes b B u h H i I l L q Q f d, with the sizes of x86-64 Linux),
//! stored as raw native-endian bytes; the sequence and mapping protocols
//! with slices, the buffer protocol (no resizing while exported), the
//! methods, CPython's conversion messages per typecode, its iterator
//! (`array.arrayiterator`), and pickling through `_array_reconstructor`
//! with CPython's machine-format codes.

use crate::native::{self, State};
use krait_bytecode::CompareOp;
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::object::{tpflags, Obj, PyBuffer, PyBufferProcs, PyMappingMethods, PyObject, PySequenceMethods, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, bytearray, bytes, dict, float, int, list, module, none, slice, str as pystr, tuple, type_};
use std::os::raw::{c_char, c_int};

const TYPECODES: &str = "bBuhHiIlLqQfd";

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

struct Array {
    tc: u8,
    data: Vec<u8>,
    exports: usize,
    /// shape, strides and format handed to buffer consumers (stable: the
    /// state is boxed); 'u' arrays export format "w" as CPython's.
    shape: isize,
    stride: isize,
    format: [u8; 2],
}

impl State for Array {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

impl Array {
    fn new(tc: u8, data: Vec<u8>) -> Array {
        Array { tc, data, exports: 0, shape: 0, stride: itemsize(tc) as isize, format: [if tc == b'u' { b'w' } else { tc }, 0] }
    }
    fn size(&self) -> usize {
        itemsize(self.tc)
    }
    fn len(&self) -> usize {
        self.data.len() / self.size()
    }
    fn item_bytes(&self, i: usize) -> &[u8] {
        let n = self.size();
        &self.data[i * n..(i + 1) * n]
    }
    /// CPython refuses to change the length of an array with exported buffers.
    fn can_resize(&self, new_len: usize) -> PyResult<()> {
        if self.exports > 0 && new_len != self.len() {
            bail!(BufferError, "cannot resize an array that is exporting buffers");
        }
        Ok(())
    }
}

static mut ARRAY_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut ARRAY_SEQ: PySequenceMethods = PySequenceMethods::EMPTY;
static mut ARRAY_MAP: PyMappingMethods = PyMappingMethods::EMPTY;
static mut ARRAY_BUF: PyBufferProcs = PyBufferProcs { bf_getbuffer: None, bf_releasebuffer: None };
static RECONSTRUCTOR: crate::Keep = crate::Keep::new();

fn array_type() -> *mut PyTypeObject {
    &raw mut ARRAY_TYPE
}

fn is_array(o: &Obj) -> bool {
    type_::is_subtype(o.type_ptr(), array_type())
}

fn st(o: &Obj) -> &mut Array {
    native::state::<Array>(o).expect("array state")
}

fn new_array(t: *mut PyTypeObject, tc: u8, data: Vec<u8>) -> PyResult<Obj> {
    native::alloc(t, Array::new(tc, data))
}

// ---------------------------------------------------------------------------
// Item conversion.

fn overflow(msg: &str) -> errors::PyErr {
    errors::raise(krait_runtime::types::exceptions::OverflowError(), msg)
}

fn c_long(v: &Obj) -> PyResult<i64> {
    let i = int::index(v)?;
    int::as_i64(&i).ok_or_else(|| overflow("Python int too large to convert to C long"))
}

fn ranged(x: i64, lo: i64, hi: i64, what: &str) -> PyResult<i64> {
    if x < lo {
        return Err(overflow(&format!("{} is less than minimum", what)));
    }
    if x > hi {
        return Err(overflow(&format!("{} is greater than maximum", what)));
    }
    Ok(x)
}

/// `v` converted to typecode `tc`'s C type, as native-endian bytes.
fn encode(tc: u8, v: &Obj) -> PyResult<[u8; 8]> {
    let mut out = [0u8; 8];
    match tc {
        b'b' => {
            let x = ranged(c_long(v)?, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            let x = ranged(x, -128, 127, "signed char")?;
            out[0] = x as i8 as u8;
        }
        b'B' => {
            let x = ranged(c_long(v)?, 0, 255, "unsigned byte integer")?;
            out[0] = x as u8;
        }
        b'h' => {
            let x = ranged(c_long(v)?, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            out[..2].copy_from_slice(&(x as i16).to_ne_bytes());
        }
        b'H' => {
            let x = ranged(c_long(v)?, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            let x = ranged(x, 0, u16::MAX as i64, "unsigned short")?;
            out[..2].copy_from_slice(&(x as u16).to_ne_bytes());
        }
        b'i' => {
            let x = ranged(c_long(v)?, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            out[..4].copy_from_slice(&(x as i32).to_ne_bytes());
        }
        b'l' => out.copy_from_slice(&c_long(v)?.to_ne_bytes()),
        b'I' | b'L' => {
            let i = int::index(v)?;
            if int::sign(&i) < 0 {
                return Err(overflow("can't convert negative value to unsigned int"));
            }
            let x = int::as_u64(&i).ok_or_else(|| overflow("Python int too large to convert to C unsigned long"))?;
            if tc == b'I' {
                if x > u32::MAX as u64 {
                    return Err(overflow("unsigned int is greater than maximum"));
                }
                out[..4].copy_from_slice(&(x as u32).to_ne_bytes());
            } else {
                out.copy_from_slice(&x.to_ne_bytes());
            }
        }
        b'q' => {
            let i = int::index(v)?;
            let x = int::as_i64(&i).ok_or_else(|| overflow("int too big to convert"))?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
        b'Q' => {
            let i = int::index(v)?;
            if int::sign(&i) < 0 {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            let x = int::as_u64(&i).ok_or_else(|| overflow("int too big to convert"))?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
        b'f' | b'd' => {
            let x = real(v)?;
            if tc == b'f' {
                out[..4].copy_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.copy_from_slice(&x.to_ne_bytes());
            }
        }
        b'u' => {
            if !pystr::is_str(v) || pystr::len(v) != 1 {
                bail!(TypeError, "array item must be unicode character");
            }
            out[..4].copy_from_slice(&pystr::char_at(v, 0).to_ne_bytes());
        }
        _ => unreachable!(),
    }
    Ok(out)
}

/// PyArg_Parse's "d": any real number.
fn real(v: &Obj) -> PyResult<f64> {
    if float::is_float(v) {
        return float::as_f64(v);
    }
    let has_number = unsafe {
        let nb = v.ty().tp_as_number;
        !nb.is_null() && ((*nb).nb_float.is_some() || (*nb).nb_index.is_some())
    };
    if !has_number {
        bail!(TypeError, "must be real number, not {}", v.ty().name());
    }
    float::as_f64(v)
}

fn decode(tc: u8, b: &[u8]) -> PyResult<Obj> {
    let a2 = |b: &[u8]| [b[0], b[1]];
    let a4 = |b: &[u8]| [b[0], b[1], b[2], b[3]];
    let a8 = |b: &[u8]| [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]];
    Ok(match tc {
        b'b' => int::from_i64(b[0] as i8 as i64),
        b'B' => int::from_i64(b[0] as i64),
        b'h' => int::from_i64(i16::from_ne_bytes(a2(b)) as i64),
        b'H' => int::from_i64(u16::from_ne_bytes(a2(b)) as i64),
        b'i' => int::from_i64(i32::from_ne_bytes(a4(b)) as i64),
        b'I' => int::from_u64(u32::from_ne_bytes(a4(b)) as u64),
        b'l' | b'q' => int::from_i64(i64::from_ne_bytes(a8(b))),
        b'L' | b'Q' => int::from_u64(u64::from_ne_bytes(a8(b))),
        b'f' => float::from_f64(f32::from_ne_bytes(a4(b)) as f64),
        b'd' => float::from_f64(f64::from_ne_bytes(a8(b))),
        b'u' => {
            let c = u32::from_ne_bytes(a4(b));
            check_char(c)?;
            pystr::from_char(c)
        }
        _ => unreachable!(),
    })
}

fn check_char(c: u32) -> PyResult<()> {
    if c > 0x10ffff {
        bail!(ValueError, "character U+{:x} is not in range [U+0000; U+10ffff]", c);
    }
    Ok(())
}

fn get(o: &Obj, i: usize) -> PyResult<Obj> {
    let s = st(o);
    decode(s.tc, s.item_bytes(i))
}

fn items(o: &Obj) -> PyResult<Vec<Obj>> {
    let n = st(o).len();
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        v.push(get(o, i)?);
    }
    Ok(v)
}

fn append_value(o: &Obj, v: &Obj) -> PyResult<()> {
    let tc = st(o).tc;
    let b = encode(tc, v)?;
    let s = st(o);
    s.can_resize(s.len() + 1)?;
    let n = s.size();
    s.data.extend_from_slice(&b[..n]);
    Ok(())
}

/// Appends every item of an iterable (array_iter_extend).
fn extend_iter(o: &Obj, it: &Obj) -> PyResult<()> {
    let it = ops::iter(it)?;
    while let Some(v) = ops::next(&it)? {
        append_value(o, &v)?;
    }
    Ok(())
}

fn extend_from_array(o: &Obj, other: &Obj, msg_same_kind: bool) -> PyResult<()> {
    let (tc, data) = {
        let b = st(other);
        (b.tc, b.data.clone())
    };
    let s = st(o);
    if tc != s.tc {
        if msg_same_kind {
            bail!(TypeError, "can only extend with array of same kind");
        }
        bail!(TypeError, "bad argument type for built-in operation");
    }
    s.can_resize(s.len() + data.len() / s.size())?;
    s.data.extend_from_slice(&data);
    Ok(())
}

fn frombytes_impl(o: &Obj, b: &[u8]) -> PyResult<()> {
    let s = st(o);
    let n = s.size();
    if b.len() % n != 0 {
        bail!(ValueError, "bytes length not a multiple of item size");
    }
    s.can_resize(s.len() + b.len() / n)?;
    s.data.extend_from_slice(b);
    Ok(())
}

fn fromunicode_impl(o: &Obj, text: &Obj) -> PyResult<()> {
    let cps = pystr::code_points(text);
    let s = st(o);
    s.can_resize(s.len() + cps.len())?;
    for c in cps {
        s.data.extend_from_slice(&c.to_ne_bytes());
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Construction.

fn array_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    if t == array_type() && kw.is_some_and(|k| dict::len(k) > 0) {
        bail!(TypeError, "array.array() takes no keyword arguments");
    }
    let a = tuple::items(args);
    if a.is_empty() {
        bail!(TypeError, "array() takes at least 1 argument (0 given)");
    }
    if a.len() > 2 {
        bail!(TypeError, "array() takes at most 2 arguments ({} given)", a.len());
    }
    let code = &a[0];
    if !pystr::is_str(code) || pystr::len(code) != 1 {
        bail!(TypeError, "array() argument 1 must be a unicode character, not {}", code.ty().name());
    }
    let c = pystr::char_at(code, 0);
    if c > 127 || !TYPECODES.as_bytes().contains(&(c as u8)) {
        bail!(ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    let tc = c as u8;
    let init = a.get(1);
    if let Some(i) = init {
        if pystr::is_str(i) && tc != b'u' {
            bail!(TypeError, "cannot use a str to initialize an array with typecode '{}'", tc as char);
        }
        if is_array(i) && st(i).tc == b'u' && tc != b'u' {
            bail!(TypeError, "cannot use a unicode array to initialize an array with typecode '{}'", tc as char);
        }
    }
    let o = new_array(t, tc, Vec::new())?;
    if let Some(i) = init {
        if bytes::is_bytes(i) || bytearray::is_bytearray(i) {
            let b = Buffer::get(i, buffer::SIMPLE)?;
            let data = b.as_slice().to_vec();
            drop(b);
            frombytes_impl(&o, &data)?;
        } else if pystr::is_str(i) {
            fromunicode_impl(&o, i)?;
        } else if is_array(i) && st(i).tc == tc {
            let d = st(i).data.clone();
            st(&o).data = d;
        } else if list::is_list(i) {
            for v in list::items(i).to_vec() {
                append_value(&o, &v)?;
            }
        } else {
            extend_iter(&o, i)?;
        }
    }
    Ok(o)
}
krait_runtime::new_slot!(array_new_slot => array_new);

// ---------------------------------------------------------------------------
// Sequence and mapping slots.

fn array_len(o: &Obj) -> PyResult<usize> {
    Ok(st(o).len())
}
krait_runtime::len_slot!(array_len_slot => array_len);

fn array_item(o: &Obj, i: isize) -> PyResult<Obj> {
    let n = st(o).len() as isize;
    if i < 0 || i >= n {
        bail!(IndexError, "array index out of range");
    }
    get(o, i as usize)
}
krait_runtime::sq_item_slot!(array_item_slot => array_item);

fn array_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    let n = st(o).len();
    for i in 0..n {
        if i >= st(o).len() {
            break;
        }
        if ops::eq(&get(o, i)?, v)? {
            return Ok(true);
        }
    }
    Ok(false)
}
krait_runtime::contains_slot!(array_contains_slot => array_contains);

fn array_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_array(b) {
        bail!(TypeError, "can only append array (not \"{}\") to array", b.ty().name());
    }
    let (sa, sb) = (st(a), st(b));
    if sa.tc != sb.tc {
        bail!(TypeError, "bad argument type for built-in operation");
    }
    let mut d = sa.data.clone();
    d.extend_from_slice(&sb.data);
    new_array(array_type(), sa.tc, d)
}
krait_runtime::binary_slot!(array_concat_slot => array_concat);

fn repeat_data(d: &[u8], n: isize) -> PyResult<Vec<u8>> {
    if n <= 0 || d.is_empty() {
        return Ok(Vec::new());
    }
    let total = d.len().checked_mul(n as usize).filter(|t| *t <= isize::MAX as usize);
    match total {
        Some(_) => Ok(d.repeat(n as usize)),
        None => Err(errors::raise_empty(krait_runtime::types::exceptions::MemoryError())),
    }
}

fn array_repeat(a: &Obj, n: isize) -> PyResult<Obj> {
    let s = st(a);
    let d = repeat_data(&s.data, n)?;
    new_array(array_type(), s.tc, d)
}

unsafe extern "C" fn array_repeat_slot(a: *mut PyObject, n: isize) -> *mut PyObject {
    krait_runtime::types::slots::ret(array_repeat(Obj::borrow_slot(&a), n))
}

fn array_inplace_concat(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_array(b) {
        bail!(TypeError, "can only extend array with array (not \"{}\")", b.ty().name());
    }
    extend_from_array(a, b, true)?;
    Ok(a.clone())
}
krait_runtime::binary_slot!(array_inplace_concat_slot => array_inplace_concat);

fn array_inplace_repeat(a: &Obj, n: isize) -> PyResult<Obj> {
    let s = st(a);
    let d = repeat_data(&s.data, n)?;
    s.can_resize(d.len() / s.size())?;
    s.data = d;
    Ok(a.clone())
}

unsafe extern "C" fn array_inplace_repeat_slot(a: *mut PyObject, n: isize) -> *mut PyObject {
    krait_runtime::types::slots::ret(array_inplace_repeat(Obj::borrow_slot(&a), n))
}

fn set_item(o: &Obj, i: isize, v: Option<&Obj>) -> PyResult<()> {
    let n = st(o).len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        bail!(IndexError, "array assignment index out of range");
    }
    let i = i as usize;
    match v {
        Some(v) => {
            let tc = st(o).tc;
            let b = encode(tc, v)?;
            let s = st(o);
            if i < s.len() {
                let sz = s.size();
                s.data[i * sz..(i + 1) * sz].copy_from_slice(&b[..sz]);
            }
        }
        None => {
            let s = st(o);
            s.can_resize(s.len() - 1)?;
            let sz = s.size();
            s.data.drain(i * sz..(i + 1) * sz);
        }
    }
    Ok(())
}

unsafe extern "C" fn array_ass_item_slot(a: *mut PyObject, i: isize, v: *mut PyObject) -> c_int {
    let a = Obj::borrow_slot(&a);
    let v = if v.is_null() { None } else { Some(Obj::borrow_slot(&v)) };
    krait_runtime::types::slots::ret_status(set_item(a, i, v))
}

fn index_of(key: &Obj) -> PyResult<Option<isize>> {
    let has_index = unsafe {
        let nb = key.ty().tp_as_number;
        int::is_int(key) || (!nb.is_null() && (*nb).nb_index.is_some())
    };
    if !has_index {
        return Ok(None);
    }
    Ok(Some(int::number_as_ssize(key)?))
}

fn array_subscript(o: &Obj, key: &Obj) -> PyResult<Obj> {
    if let Some(i) = index_of(key)? {
        let n = st(o).len() as isize;
        return array_item(o, if i < 0 { i + n } else { i });
    }
    if slice::is_slice(key) {
        let s = st(o);
        let (start, _stop, step, len) = slice::unpack_indices(key, s.len())?;
        let sz = s.size();
        let mut d = Vec::with_capacity(len * sz);
        for k in 0..len {
            let i = (start + k as isize * step) as usize;
            d.extend_from_slice(&s.data[i * sz..(i + 1) * sz]);
        }
        return new_array(array_type(), s.tc, d);
    }
    bail!(TypeError, "array indices must be integers")
}
krait_runtime::binary_slot!(array_subscript_slot => array_subscript);

fn array_ass_subscript(o: &Obj, key: &Obj, v: Option<&Obj>) -> PyResult<()> {
    if let Some(i) = index_of(key)? {
        return set_item(o, i, v);
    }
    if !slice::is_slice(key) {
        bail!(TypeError, "array indices must be integers");
    }
    let n = st(o).len();
    let (start, stop, step, len) = slice::unpack_indices(key, n)?;
    let newdata: Vec<u8> = match v {
        None => Vec::new(),
        Some(v) => {
            if !is_array(v) {
                bail!(TypeError, "can only assign array (not \"{}\") to array slice", v.ty().name());
            }
            let b = st(v);
            if b.tc != st(o).tc {
                bail!(TypeError, "bad argument type for built-in operation");
            }
            b.data.clone()
        }
    };
    let s = st(o);
    let sz = s.size();
    let needed = newdata.len() / sz;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as isize)) as usize;
        s.can_resize(n - (stop - start) + needed)?;
        s.data.splice(start * sz..stop * sz, newdata);
        return Ok(());
    }
    if v.is_none() {
        // Delete an extended slice: keep the items not selected.
        s.can_resize(n - len)?;
        let mut drop_idx = vec![false; n];
        for k in 0..len {
            drop_idx[(start + k as isize * step) as usize] = true;
        }
        let mut d = Vec::with_capacity((n - len) * sz);
        for (i, gone) in drop_idx.iter().enumerate() {
            if !gone {
                d.extend_from_slice(&s.data[i * sz..(i + 1) * sz]);
            }
        }
        s.data = d;
        return Ok(());
    }
    if needed != len {
        bail!(ValueError, "attempt to assign array of size {} to extended slice of size {}", needed, len);
    }
    for k in 0..len {
        let i = (start + k as isize * step) as usize;
        s.data[i * sz..(i + 1) * sz].copy_from_slice(&newdata[k * sz..(k + 1) * sz]);
    }
    Ok(())
}
krait_runtime::setter_slot!(array_ass_subscript_slot => array_ass_subscript);

fn array_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_array(a) || !is_array(b) {
        return Ok(none::not_implemented());
    }
    let (na, nb) = (st(a).len(), st(b).len());
    if na != nb && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(bool_::from_bool(op == CompareOp::Ne));
    }
    let mut k = 0;
    while k < st(a).len() && k < st(b).len() {
        let (x, y) = (get(a, k)?, get(b, k)?);
        if !ops::eq(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(bool_::from_bool(false)),
                CompareOp::Ne => Ok(bool_::from_bool(true)),
                _ => ops::rich_compare(&x, &y, op),
            };
        }
        k += 1;
    }
    let (na, nb) = (st(a).len(), st(b).len());
    let r = match op {
        CompareOp::Lt => na < nb,
        CompareOp::Le => na <= nb,
        CompareOp::Eq => na == nb,
        CompareOp::Ne => na != nb,
        CompareOp::Gt => na > nb,
        CompareOp::Ge => na >= nb,
        #[allow(unreachable_patterns)]
        _ => return Ok(none::not_implemented()),
    };
    Ok(bool_::from_bool(r))
}
krait_runtime::richcmp_slot!(array_richcompare_slot => array_richcompare);

fn array_repr(o: &Obj) -> PyResult<Obj> {
    let tc = st(o).tc;
    let name = o.ty().name().to_string();
    if st(o).len() == 0 {
        return Ok(pystr::new(&format!("{}('{}')", name, tc as char)));
    }
    let inner = if tc == b'u' { ops::repr(&tounicode_impl(o)?)? } else { ops::repr(&list::from_vec(items(o)?))? };
    Ok(pystr::new(&format!("{}('{}', {})", name, tc as char, pystr::to_string_lossy(&inner))))
}
krait_runtime::unary_slot!(array_repr_slot => array_repr);

// ---------------------------------------------------------------------------
// Buffer protocol.

unsafe extern "C" fn array_getbuffer(o: *mut PyObject, view: *mut PyBuffer, flags: c_int) -> c_int {
    let obj = Obj::borrow_slot(&o);
    if view.is_null() {
        let _ = errors::raise(krait_runtime::types::exceptions::BufferError(), "array_buffer_getbuf: view==NULL argument is obsolete");
        return -1;
    }
    let s = st(obj);
    static mut EMPTY: u8 = 0;
    let p = if s.data.is_empty() { &raw mut EMPTY } else { s.data.as_mut_ptr() };
    if buffer::fill_info(view, obj, p, s.data.len() as isize, false, flags).is_err() {
        return -1;
    }
    s.shape = s.len() as isize;
    s.stride = s.size() as isize;
    let v = &mut *view;
    v.itemsize = s.size() as isize;
    v.shape = if flags & buffer::ND == buffer::ND { &mut s.shape } else { std::ptr::null_mut() };
    v.strides = if flags & buffer::STRIDES == buffer::STRIDES { &mut s.stride } else { std::ptr::null_mut() };
    v.format = if flags & buffer::FORMAT == buffer::FORMAT { s.format.as_mut_ptr() as *mut c_char } else { std::ptr::null_mut() };
    s.exports += 1;
    0
}

unsafe extern "C" fn array_releasebuffer(o: *mut PyObject, _view: *mut PyBuffer) {
    let obj = Obj::borrow_slot(&o);
    if let Some(s) = native::state::<Array>(obj) {
        s.exports = s.exports.saturating_sub(1);
    }
}

// ---------------------------------------------------------------------------
// Methods.

fn m_append(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.append", args, kw, 1, 1)?;
    append_value(o, &args[0])?;
    Ok(none::none())
}

fn m_buffer_info(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.buffer_info", args, kw, 0, 0)?;
    let s = st(o);
    let addr = if s.data.is_empty() { 0 } else { s.data.as_ptr() as u64 };
    Ok(tuple::new(&[int::from_u64(addr), int::from_usize(s.len())]))
}

fn m_byteswap(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.byteswap", args, kw, 0, 0)?;
    let s = st(o);
    let n = s.size();
    for chunk in s.data.chunks_mut(n) {
        chunk.reverse();
    }
    Ok(none::none())
}

fn m_count(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.count", args, kw, 1, 1)?;
    let mut c = 0;
    let mut i = 0;
    while i < st(o).len() {
        if ops::eq(&get(o, i)?, &args[0])? {
            c += 1;
        }
        i += 1;
    }
    Ok(int::from_usize(c))
}

fn m_extend(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.extend", args, kw, 1, 1)?;
    if is_array(&args[0]) {
        extend_from_array(o, &args[0], true)?;
    } else {
        extend_iter(o, &args[0])?;
    }
    Ok(none::none())
}

fn m_frombytes(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.frombytes", args, kw, 1, 1)?;
    let b = Buffer::get(&args[0], buffer::SIMPLE)?;
    let data = b.as_slice().to_vec();
    drop(b);
    frombytes_impl(o, &data)?;
    Ok(none::none())
}

fn m_fromfile(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.fromfile", args, kw, 2, 2)?;
    let n = int::index_isize(&args[1])?;
    if n < 0 {
        bail!(ValueError, "negative count");
    }
    let sz = st(o).size();
    let nbytes = match (n as usize).checked_mul(sz) {
        Some(v) if v <= isize::MAX as usize => v,
        _ => return Err(errors::raise_empty(krait_runtime::types::exceptions::MemoryError())),
    };
    let b = ops::attr::call_method(&args[0], "read", &[int::from_usize(nbytes)])?;
    if !bytes::is_bytes(&b) {
        bail!(TypeError, "read() didn't return bytes");
    }
    let data = bytes::as_slice(&b).to_vec();
    let whole = data.len() / sz * sz;
    frombytes_impl(o, &data[..whole])?;
    if data.len() != nbytes {
        bail!(EOFError, "read() didn't return enough bytes");
    }
    Ok(none::none())
}

fn m_fromlist(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.fromlist", args, kw, 1, 1)?;
    if !list::is_list(&args[0]) {
        bail!(TypeError, "arg must be list");
    }
    let old = st(o).data.len();
    for v in list::items(&args[0]).to_vec() {
        if let Err(e) = append_value(o, &v) {
            let s = st(o);
            if s.exports == 0 {
                s.data.truncate(old);
            }
            return Err(e);
        }
    }
    Ok(none::none())
}

fn m_fromunicode(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.fromunicode", args, kw, 1, 1)?;
    if !pystr::is_str(&args[0]) {
        bail!(TypeError, "fromunicode() argument must be str, not {}", args[0].ty().name());
    }
    if st(o).tc != b'u' {
        bail!(ValueError, "fromunicode() may only be called on unicode type arrays");
    }
    fromunicode_impl(o, &args[0])?;
    Ok(none::none())
}

fn m_index(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.index", args, kw, 1, 3)?;
    let n = st(o).len() as isize;
    let bound = |a: Option<&Obj>, default: isize| -> PyResult<isize> {
        let v = match a {
            Some(x) => int::number_as_ssize(x)?,
            None => default,
        };
        Ok(if v < 0 { (v + n).max(0) } else { v })
    };
    let start = bound(args.get(1), 0)?;
    let stop = bound(args.get(2), isize::MAX)?;
    let mut i = start;
    while i < stop && (i as usize) < st(o).len() {
        if ops::eq(&get(o, i as usize)?, &args[0])? {
            return Ok(int::from_i64(i as i64));
        }
        i += 1;
    }
    bail!(ValueError, "array.index(x): x not in array")
}

fn m_insert(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.insert", args, kw, 2, 2)?;
    let i = int::index_isize(&args[0])?;
    let tc = st(o).tc;
    let b = encode(tc, &args[1])?;
    let s = st(o);
    let n = s.len() as isize;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    s.can_resize(s.len() + 1)?;
    let sz = s.size();
    s.data.splice(i * sz..i * sz, b[..sz].iter().copied());
    Ok(none::none())
}

fn m_pop(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.pop", args, kw, 0, 1)?;
    let i = match args.first() {
        Some(a) => int::index_isize(a)?,
        None => -1,
    };
    let n = st(o).len() as isize;
    if n == 0 {
        bail!(IndexError, "pop from empty array");
    }
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        bail!(IndexError, "pop index out of range");
    }
    let v = get(o, i as usize)?;
    set_item(o, i, None)?;
    Ok(v)
}

fn m_remove(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.remove", args, kw, 1, 1)?;
    let mut i = 0;
    while i < st(o).len() {
        if ops::eq(&get(o, i)?, &args[0])? {
            set_item(o, i as isize, None)?;
            return Ok(none::none());
        }
        i += 1;
    }
    bail!(ValueError, "array.remove(x): x not in array")
}

fn m_reverse(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.reverse", args, kw, 0, 0)?;
    let s = st(o);
    let sz = s.size();
    let n = s.len();
    for k in 0..n / 2 {
        for j in 0..sz {
            s.data.swap(k * sz + j, (n - 1 - k) * sz + j);
        }
    }
    Ok(none::none())
}

fn m_tobytes(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.tobytes", args, kw, 0, 0)?;
    Ok(bytes::new(&st(o).data))
}

fn m_tofile(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.tofile", args, kw, 1, 1)?;
    const BLOCKSIZE: usize = 64 * 1024;
    let data = st(o).data.clone();
    for chunk in data.chunks(BLOCKSIZE) {
        ops::attr::call_method(&args[0], "write", &[bytes::new(chunk)])?;
    }
    Ok(none::none())
}

fn m_tolist(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.tolist", args, kw, 0, 0)?;
    Ok(list::from_vec(items(o)?))
}

fn tounicode_impl(o: &Obj) -> PyResult<Obj> {
    let s = st(o);
    let mut cps = Vec::with_capacity(s.len());
    for ch in s.data.chunks(4) {
        let c = u32::from_ne_bytes([ch[0], ch[1], ch[2], ch[3]]);
        check_char(c)?;
        cps.push(c);
    }
    Ok(pystr::from_code_points(&cps))
}

fn m_tounicode(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.tounicode", args, kw, 0, 0)?;
    if st(o).tc != b'u' {
        bail!(ValueError, "tounicode() may only be called on unicode type arrays");
    }
    tounicode_impl(o)
}

fn copy_of(o: &Obj) -> PyResult<Obj> {
    let s = st(o);
    new_array(array_type(), s.tc, s.data.clone())
}

fn m_copy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.__copy__", args, kw, 0, 0)?;
    copy_of(o)
}

fn m_deepcopy(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.__deepcopy__", args, kw, 1, 1)?;
    copy_of(o)
}

fn m_sizeof(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.__sizeof__", args, kw, 0, 0)?;
    let s = st(o);
    Ok(int::from_usize(unsafe { (*o.type_ptr()).tp_basicsize } as usize + s.data.capacity()))
}

/// CPython's machine-format code of each typecode on this platform
/// (little-endian x86-64 Linux, 4-byte wchar_t).
fn mformat_of(tc: u8) -> i64 {
    match tc {
        b'b' => 1,
        b'B' => 0,
        b'h' => 4,
        b'H' => 2,
        b'i' => 8,
        b'I' => 6,
        b'l' | b'q' => 12,
        b'L' | b'Q' => 10,
        b'f' => 14,
        b'd' => 16,
        _ => 20, // 'u': UTF-32-LE
    }
}

fn m_reduce_ex(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("array.__reduce_ex__", args, kw, 1, 1)?;
    let proto = int::as_c_int(&int::index(&args[0])?)?;
    let d = match ops::attr::getattr_opt(o, &pystr::new("__dict__"))? {
        Some(d) => d,
        None => none::none(),
    };
    let cls = native::type_of(o);
    let tc = st(o).tc;
    if proto < 3 {
        let l = list::from_vec(items(o)?);
        return Ok(tuple::new(&[cls, tuple::new(&[pystr::from_char(tc as u32), l]), d]));
    }
    let recon = RECONSTRUCTOR.get().expect("_array_reconstructor");
    let data = bytes::new(&st(o).data);
    Ok(tuple::new(&[recon, tuple::new(&[cls, pystr::from_char(tc as u32), int::from_i64(mformat_of(tc)), data]), d]))
}

fn get_typecode(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::from_char(st(o).tc as u32))
}

fn get_itemsize(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(st(o).size()))
}

// ---------------------------------------------------------------------------
// The iterator.

struct ArrayIter {
    arr: Obj,
    index: usize,
    /// Set once the iterator ran out: it then pickles as iter(()).
    done: bool,
}

impl State for ArrayIter {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.arr);
    }
}

fn array_iter(o: &Obj) -> PyResult<Obj> {
    native::alloc(&raw mut ITER_TYPE, ArrayIter { arr: o.clone(), index: 0, done: false })
}
krait_runtime::unary_slot!(array_iter_slot => array_iter);

fn iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(it) = native::state::<ArrayIter>(o) else { return Ok(None) };
    let arr = it.arr.clone();
    if it.done || it.index >= st(&arr).len() {
        it.done = true;
        return Ok(None);
    }
    let i = it.index;
    it.index += 1;
    get(&arr, i).map(Some)
}
crate::iternext!(iter_next_slot => iter_next);

fn iter_reduce(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__reduce__", args, kw, 0, 0)?;
    let it = native::state::<ArrayIter>(o).expect("iterator state");
    let iter_fn = dict::get_item_str(&krait_runtime::interp::builtins_dict(), "iter")?.expect("builtins.iter");
    if it.done {
        return Ok(tuple::new(&[iter_fn, tuple::new(&[tuple::new(&[])])]));
    }
    Ok(tuple::new(&[iter_fn, tuple::new(&[it.arr.clone()]), int::from_usize(it.index)]))
}

fn iter_setstate(o: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("__setstate__", args, kw, 1, 1)?;
    let v = int::number_as_ssize(&args[0])?;
    let it = native::state::<ArrayIter>(o).expect("iterator state");
    if !it.done {
        let n = st(&it.arr).len() as isize;
        it.index = v.clamp(0, n) as usize;
    }
    Ok(none::none())
}

// ---------------------------------------------------------------------------
// Unpickling.

/// (item size, signed, big-endian, kind) of a machine-format code; kind
/// 0 integer, 1 float, 2 UTF-16, 3 UTF-32.
fn mformat_descr(code: i64) -> Option<(usize, bool, bool, u8)> {
    Some(match code {
        0 => (1, false, false, 0),
        1 => (1, true, false, 0),
        2..=5 => (2, code >= 4, code % 2 == 1, 0),
        6..=9 => (4, code >= 8, code % 2 == 1, 0),
        10..=13 => (8, code >= 12, code % 2 == 1, 0),
        14 | 15 => (4, true, code == 15, 1),
        16 | 17 => (8, true, code == 17, 1),
        18 | 19 => (2, false, code == 19, 2),
        20 | 21 => (4, false, code == 21, 3),
        _ => return None,
    })
}

fn reconstructor(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    check_nargs("_array_reconstructor", args, kw, 4, 4)?;
    let (cls, code, mf, data) = (&args[0], &args[1], &args[2], &args[3]);
    if !type_::is_type(cls) {
        bail!(TypeError, "first argument must be a type object, not {}", cls.ty().name());
    }
    let t = type_::as_type(cls);
    if !type_::is_subtype(t, array_type()) {
        bail!(TypeError, "{} is not a subtype of array.array", unsafe { (*t).full_name() });
    }
    if !pystr::is_str(code) || pystr::len(code) != 1 {
        bail!(TypeError, "_array_reconstructor() argument 2 must be a unicode character, not {}", code.ty().name());
    }
    let c = pystr::char_at(code, 0);
    if c > 127 || !TYPECODES.as_bytes().contains(&(c as u8)) {
        bail!(ValueError, "second argument must be a valid type code");
    }
    let tc = c as u8;
    let mcode = int::as_c_int(&int::index(mf)?)? as i64;
    let Some((size, signed, big, kind)) = mformat_descr(mcode) else {
        bail!(ValueError, "third argument must be a valid machine format code.");
    };
    if !bytes::is_bytes(data) {
        bail!(TypeError, "fourth argument should be bytes, not {}", data.ty().name());
    }
    let raw = bytes::as_slice(data).to_vec();
    if mcode == mformat_of(tc) {
        let o = new_array(t, tc, Vec::new())?;
        frombytes_impl(&o, &raw)?;
        return Ok(o);
    }
    // CPython's descriptor table gives the UTF-16 codes 4 bytes and the
    // UTF-32 codes 8 for this check.
    let check = match kind {
        2 => 4,
        3 => 8,
        _ => size,
    };
    if raw.len() % check != 0 {
        bail!(ValueError, "string length not a multiple of item size");
    }
    let word = |ch: &[u8]| -> u64 {
        let mut v: u64 = 0;
        if big {
            for &b in ch {
                v = (v << 8) | b as u64;
            }
        } else {
            for &b in ch.iter().rev() {
                v = (v << 8) | b as u64;
            }
        }
        v
    };
    let values: Vec<Obj> = match kind {
        1 => raw
            .chunks(size)
            .map(|ch| {
                let w = word(ch);
                float::from_f64(if size == 4 { f32::from_bits(w as u32) as f64 } else { f64::from_bits(w) })
            })
            .collect(),
        2 | 3 => {
            let units: Vec<u64> = raw.chunks(size).map(word).collect();
            let text = if kind == 3 {
                let cps: Vec<u32> = units.iter().map(|&u| u as u32).collect();
                for &c in &cps {
                    check_char(c)?;
                }
                pystr::from_code_points(&cps)
            } else {
                let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
                let cps: Vec<u32> = char::decode_utf16(u16s.iter().copied())
                    .map(|r| r.map(|c| c as u32).unwrap_or_else(|e| e.unpaired_surrogate() as u32))
                    .collect();
                pystr::from_code_points(&cps)
            };
            let o = new_array(t, tc, Vec::new())?;
            if tc != b'u' {
                bail!(TypeError, "cannot use a str to initialize an array with typecode '{}'", tc as char);
            }
            fromunicode_impl(&o, &text)?;
            return Ok(o);
        }
        _ => raw
            .chunks(size)
            .map(|ch| {
                let w = word(ch);
                if signed {
                    let shift = 64 - 8 * size as u32;
                    int::from_i64(((w << shift) as i64) >> shift)
                } else {
                    int::from_u64(w)
                }
            })
            .collect(),
    };
    // Integers come back in the last native typecode (in b B h H i I l L
    // q Q order) of the format's size and signedness, as CPython chooses.
    let tc = if kind == 0 {
        b"bBhHiIlLqQ"
            .iter()
            .rev()
            .copied()
            .find(|&c| itemsize(c) == size && matches!(c, b'b' | b'h' | b'i' | b'l' | b'q') == signed)
            .unwrap_or(tc)
    } else {
        tc
    };
    let o = new_array(t, tc, Vec::new())?;
    for v in values {
        append_value(&o, &v)?;
    }
    Ok(o)
}

// ---------------------------------------------------------------------------
// Module.

fn init_types() -> PyResult<()> {
    unsafe {
        let t = array_type();
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Array>(t, "array.array", true);
        (*t).tp_flags |= tpflags::SEQUENCE;
        (*t).tp_flags &= !tpflags::HAVE_GC;
        (*t).tp_traverse = None;
        (*t).tp_clear = None;
        (*t).tp_weaklistoffset = native::weaklist_offset::<Array>();
        let sq = &raw mut ARRAY_SEQ;
        (*sq).sq_length = Some(array_len_slot);
        (*sq).sq_concat = Some(array_concat_slot);
        (*sq).sq_repeat = Some(array_repeat_slot);
        (*sq).sq_item = Some(array_item_slot);
        (*sq).sq_ass_item = Some(array_ass_item_slot);
        (*sq).sq_contains = Some(array_contains_slot);
        (*sq).sq_inplace_concat = Some(array_inplace_concat_slot);
        (*sq).sq_inplace_repeat = Some(array_inplace_repeat_slot);
        (*t).tp_as_sequence = sq;
        let mp = &raw mut ARRAY_MAP;
        (*mp).mp_length = Some(array_len_slot);
        (*mp).mp_subscript = Some(array_subscript_slot);
        (*mp).mp_ass_subscript = Some(array_ass_subscript_slot);
        (*t).tp_as_mapping = mp;
        let bf = &raw mut ARRAY_BUF;
        (*bf).bf_getbuffer = Some(array_getbuffer);
        (*bf).bf_releasebuffer = Some(array_releasebuffer);
        (*t).tp_as_buffer = bf;
        (*t).tp_new = Some(array_new_slot);
        (*t).tp_repr = Some(array_repr_slot);
        (*t).tp_richcompare = Some(array_richcompare_slot);
        (*t).tp_iter = Some(array_iter_slot);
        (*t).tp_hash = Some(krait_runtime::ops::object_hash_not_implemented);
        (*t).tp_methods = method_table(&[
            method("append", m_append),
            method("buffer_info", m_buffer_info),
            method("byteswap", m_byteswap),
            method("__copy__", m_copy),
            method("count", m_count),
            method("__deepcopy__", m_deepcopy),
            method("extend", m_extend),
            method("frombytes", m_frombytes),
            method("fromfile", m_fromfile),
            method("fromlist", m_fromlist),
            method("fromunicode", m_fromunicode),
            method("index", m_index),
            method("insert", m_insert),
            method("pop", m_pop),
            method("__reduce_ex__", m_reduce_ex),
            method("remove", m_remove),
            method("reverse", m_reverse),
            method("tofile", m_tofile),
            method("tolist", m_tolist),
            method("tobytes", m_tobytes),
            method("tounicode", m_tounicode),
            method("__sizeof__", m_sizeof),
        ]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("typecode", get_typecode), GetSetSpec::get("itemsize", get_itemsize)]);
        native::ready(t)?;

        let t = &raw mut ITER_TYPE;
        native::init_type::<ArrayIter>(t, "array.arrayiterator", false);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_iter = Some(krait_runtime::types::iter::self_iter);
        (*t).tp_iternext = Some(iter_next_slot);
        (*t).tp_methods = method_table(&[method("__reduce__", iter_reduce), method("__setstate__", iter_setstate)]);
        native::ready(t)?;
    }
    Ok(())
}

const FUNCTIONS: &[MethodSpec] = &[method("_array_reconstructor", reconstructor)];

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("array")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, FUNCTIONS)?;
    let recon = dict::get_item_str(&d, "_array_reconstructor")?.expect("_array_reconstructor");
    RECONSTRUCTOR.get_or_init(|| Ok(recon))?;
    let t = type_::type_obj(array_type());
    dict::set_item_str(&d, "array", &t)?;
    dict::set_item_str(&d, "ArrayType", &t)?;
    dict::set_item_str(&d, "typecodes", &pystr::new(TYPECODES))?;
    // Arrays are registered as mutable sequences, as CPython's module does.
    let abc = krait_runtime::import::import_module_level(
        &pystr::new("collections.abc"),
        None,
        Some(&tuple::new(&[pystr::new("MutableSequence")])),
        0,
    )?;
    let ms = ops::attr::getattr_str(&abc, "MutableSequence")?;
    ops::attr::call_method(&ms, "register", &[t])?;
    Ok(m)
}
