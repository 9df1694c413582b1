//! The `audioop` module (deprecated in 3.11, still present): operations on
//! fragments of signed native-endian (little-endian here) PCM samples of
//! width 1, 2, 3 or 4 bytes, G.711 µ-law/A-law and IMA (Intel/DVI) ADPCM
//! coding, rate conversion. The arithmetic follows CPython's C code exactly:
//! which sums are done in doubles, where values are truncated or clamped,
//! and how out-of-range doubles convert to C ints on x86-64.

use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::Obj;
use krait_runtime::types::buffer::{self, Buffer};
use krait_runtime::types::builtin_func::{add_functions, check_nargs, method, MethodSpec};
use krait_runtime::types::{bytes, dict, exceptions, float, int, module, none, tuple, type_};
use krait_runtime::bail;

static ERROR: crate::Keep = crate::Keep::new();

fn error(msg: &str) -> PyErr {
    errors::raise(type_::as_type(&ERROR.get().expect("audioop.error")), msg)
}

fn no_memory() -> PyErr {
    errors::raise(exceptions::MemoryError(), "not enough memory for output buffer")
}

/// A zeroed buffer; an allocation failure is a MemoryError, as
/// PyBytes_FromStringAndSize's and PyMem_Malloc's, not an abort.
fn zeroed<T: Clone + Default>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(errors::raise_empty(exceptions::MemoryError()));
    }
    v.resize(n, T::default());
    Ok(v)
}

// ---------------------------------------------------------------------------
// Argument conversions (argument clinic's, all positional-only).

fn args_n(fname: &str, args: &[Obj], kw: Option<&Obj>, min: usize, max: usize) -> PyResult<()> {
    check_nargs(&format!("audioop.{fname}"), args, kw, min, max)
}

/// A `Py_buffer` argument, held for the duration of the call.
fn buf(o: &Obj) -> PyResult<Buffer> {
    Buffer::get(o, buffer::SIMPLE)
}

/// Clinic's `int`: `__index__`, then a C int or OverflowError.
fn c_int(o: &Obj) -> PyResult<i32> {
    int::as_c_int(&int::index(o)?)
}

/// PyArg_ParseTuple's "i" (used for the state tuples): a C long first, then
/// its own range messages.
fn parse_i(o: &Obj) -> PyResult<i32> {
    crate::posix::args::getargs_int(o)
}

/// A C `(int)` cast of a double as x86-64 does it (cvttsd2si): truncation,
/// and INT_MIN for NaN or anything out of range.
fn to_c_int(v: f64) -> i32 {
    if v.is_nan() || v >= 2147483648.0 || v <= -2147483649.0 {
        i32::MIN
    } else {
        v as i32
    }
}

/// `(unsigned int)` of a double on x86-64: through a 64-bit conversion,
/// keeping the low 32 bits.
fn to_c_uint(v: f64) -> u32 {
    if v.is_nan() || v >= 9.223372036854775807e18 || v < -9.223372036854775808e18 {
        0
    } else {
        (v as i64) as u32
    }
}

// ---------------------------------------------------------------------------
// Samples.

const MAXVALS: [i32; 5] = [0, 0x7F, 0x7FFF, 0x7FFFFF, 0x7FFFFFFF];
const MINVALS: [i32; 5] = [0, -0x80, -0x8000, -0x800000, i32::MIN];

fn check_size(width: i32) -> PyResult<usize> {
    if !(1..=4).contains(&width) {
        return Err(error("Size should be 1, 2, 3 or 4"));
    }
    Ok(width as usize)
}

fn check_params(len: usize, width: i32) -> PyResult<usize> {
    let w = check_size(width)?;
    if len % w != 0 {
        return Err(error("not a whole number of frames"));
    }
    Ok(w)
}

/// The sample at byte offset `i`, sign-extended.
fn get_raw(w: usize, cp: &[u8], i: usize) -> i32 {
    match w {
        1 => cp[i] as i8 as i32,
        2 => i16::from_le_bytes([cp[i], cp[i + 1]]) as i32,
        3 => (cp[i] as i32) | ((cp[i + 1] as i32) << 8) | ((cp[i + 2] as i8 as i32) << 16),
        _ => i32::from_le_bytes([cp[i], cp[i + 1], cp[i + 2], cp[i + 3]]),
    }
}

/// Stores the low `w` bytes of `val` at byte offset `i`.
fn set_raw(w: usize, cp: &mut [u8], i: usize, val: i32) {
    cp[i..i + w].copy_from_slice(&val.to_le_bytes()[..w]);
}

/// The sample scaled to 32 bits (its bits in the high end).
fn get32(w: usize, cp: &[u8], i: usize) -> i32 {
    get_raw(w, cp, i).wrapping_shl(32 - 8 * w as u32)
}

fn set32(w: usize, cp: &mut [u8], i: usize, val: i32) {
    set_raw(w, cp, i, val >> (32 - 8 * w as u32));
}

/// Clamps to the width's range; the caller floors and converts. A value
/// just above the minimum is taken as the minimum, as CPython's fbound does.
fn fbound(val: f64, minval: f64, maxval: f64) -> f64 {
    if val > maxval {
        maxval
    } else if val < minval + 1.0 {
        minval
    } else {
        val
    }
}

/// `(int)floor(fbound(...))`.
fn clamp_floor(val: f64, minval: f64, maxval: f64) -> i32 {
    to_c_int(fbound(val, minval, maxval).floor())
}

fn samples(w: usize, cp: &[u8]) -> impl Iterator<Item = i32> + '_ {
    (0..cp.len()).step_by(w).map(move |i| get_raw(w, cp, i))
}

// ---------------------------------------------------------------------------
// G.711 and IMA ADPCM tables.

/// µ-law byte to 16-bit linear (G.711 expansion).
fn ulaw2linear16(u: u8) -> i16 {
    let u = !u;
    let exponent = (u >> 4) & 7;
    let mantissa = (u & 0x0F) as i32;
    let t = ((mantissa << 3) + 0x84) << exponent;
    (if u & 0x80 != 0 { 0x84 - t } else { t - 0x84 }) as i16
}

/// A-law byte to 16-bit linear (G.711 expansion).
fn alaw2linear16(a: u8) -> i16 {
    let a = a ^ 0x55;
    let mut t = ((a & 0x0F) as i32) << 4;
    let seg = (a & 0x70) >> 4;
    match seg {
        0 => t += 8,
        1 => t += 0x108,
        _ => t = (t + 0x108) << (seg - 1),
    }
    (if a & 0x80 != 0 { t } else { -t }) as i16
}

/// Index of the first segment end `val` does not exceed (8 if none).
fn segment(val: i16, ends: &[i16; 8]) -> usize {
    ends.iter().position(|&e| val <= e).unwrap_or(8)
}

/// A 14-bit linear sample to µ-law.
fn linear14_to_ulaw(pcm: i16) -> u8 {
    const ENDS: [i16; 8] = [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF];
    let (mut v, mask) = if pcm < 0 { (-pcm, 0x7Fu8) } else { (pcm, 0xFFu8) };
    // The 16-bit clip level; a 14-bit magnitude never reaches it.
    if v > 32635 {
        v = 32635;
    }
    v += 0x84 >> 2;
    let seg = segment(v, &ENDS);
    if seg >= 8 {
        return 0x7F ^ mask;
    }
    (((seg as u8) << 4) | ((v >> (seg + 1)) & 0xF) as u8) ^ mask
}

/// A 13-bit linear sample to A-law (even bits inverted).
fn linear13_to_alaw(pcm: i16) -> u8 {
    const ENDS: [i16; 8] = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF];
    let (v, mask) = if pcm >= 0 { (pcm, 0xD5u8) } else { (-pcm - 1, 0x55u8) };
    let seg = segment(v, &ENDS);
    if seg >= 8 {
        return 0x7F ^ mask;
    }
    let q = if seg < 2 { (v >> 1) & 0xF } else { (v >> seg) & 0xF };
    (((seg as u8) << 4) | q as u8) ^ mask
}

const INDEX_TABLE: [i32; 16] = [-1, -1, -1, -1, 2, 4, 6, 8, -1, -1, -1, -1, 2, 4, 6, 8];

const STEPSIZE_TABLE: [i32; 89] = [
    7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66, 73, 80, 88, 97, 107, 118,
    130, 143, 157, 173, 190, 209, 230, 253, 279, 307, 337, 371, 408, 449, 494, 544, 598, 658, 724, 796, 876, 963, 1060,
    1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749, 3024, 3327, 3660, 4026, 4428, 4871, 5358, 5894, 6484,
    7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767,
];

// ---------------------------------------------------------------------------
// Measurements.

fn a_getsample(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("getsample", args, kw, 3, 3)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let index = int::index_isize(&args[2])?;
    let cp = b.as_slice();
    let w = check_params(cp.len(), width)?;
    if index < 0 || index as usize >= cp.len() / w {
        return Err(error("Index out of range"));
    }
    Ok(int::from_i64(get_raw(w, cp, index as usize * w) as i64))
}

/// A call's fragment and width, checked.
fn frag_width(fname: &str, args: &[Obj], kw: Option<&Obj>, n: usize) -> PyResult<(Buffer, usize)> {
    args_n(fname, args, kw, n, n)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let w = check_params(b.len(), width)?;
    Ok((b, w))
}

fn a_max(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("max", args, kw, 2)?;
    let max = samples(w, b.as_slice()).map(|v| v.unsigned_abs()).max().unwrap_or(0);
    Ok(int::from_u64(max as u64))
}

fn a_minmax(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("minmax", args, kw, 2)?;
    let (mut min, mut max) = (i32::MAX, i32::MIN);
    for v in samples(w, b.as_slice()) {
        max = max.max(v);
        min = min.min(v);
    }
    Ok(tuple::new(&[int::from_i64(min as i64), int::from_i64(max as i64)]))
}

fn a_avg(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("avg", args, kw, 2)?;
    let cp = b.as_slice();
    // Summed in a double, in order, as CPython does.
    let sum: f64 = samples(w, cp).fold(0.0, |s, v| s + v as f64);
    let avg = if cp.is_empty() { 0 } else { to_c_int((sum / (cp.len() / w) as f64).floor()) };
    Ok(int::from_i64(avg as i64))
}

fn a_rms(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("rms", args, kw, 2)?;
    let cp = b.as_slice();
    let sum: f64 = samples(w, cp).fold(0.0, |s, v| s + (v as f64) * (v as f64));
    let res = if cp.is_empty() { 0 } else { to_c_uint((sum / (cp.len() / w) as f64).sqrt()) };
    Ok(int::from_u64(res as u64))
}

/// Walks the extremes of a fragment (where the derivative changes sign),
/// calling `f` with each distance between consecutive extremes.
fn peak_peak(w: usize, cp: &[u8], mut f: impl FnMut(u32)) {
    let mut it = samples(w, cp);
    let Some(mut prevval) = it.next() else { return };
    let mut prevextreme = 0i32;
    let mut prevextremevalid = false;
    // Neither "rising" nor "falling" before the first change.
    let mut prevdiff: Option<bool> = None;
    for val in it {
        if val != prevval {
            let diff = val < prevval;
            if prevdiff == Some(!diff) {
                if prevextremevalid {
                    // Differences in unsigned arithmetic, as CPython's.
                    let d = if prevval < prevextreme {
                        (prevextreme as u32).wrapping_sub(prevval as u32)
                    } else {
                        (prevval as u32).wrapping_sub(prevextreme as u32)
                    };
                    f(d);
                }
                prevextremevalid = true;
                prevextreme = prevval;
            }
            prevval = val;
            prevdiff = Some(diff);
        }
    }
}

fn a_avgpp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("avgpp", args, kw, 2)?;
    let cp = b.as_slice();
    if cp.len() <= w {
        return Ok(int::from_i64(0));
    }
    let mut sum = 0.0f64;
    let mut n = 0i32;
    peak_peak(w, cp, |d| {
        sum += d as f64;
        n = n.wrapping_add(1);
    });
    let avg = if n == 0 { 0 } else { to_c_uint(sum / n as f64) };
    Ok(int::from_u64(avg as u64))
}

fn a_maxpp(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("maxpp", args, kw, 2)?;
    let cp = b.as_slice();
    if cp.len() <= w {
        return Ok(int::from_i64(0));
    }
    let mut max = 0u32;
    peak_peak(w, cp, |d| max = max.max(d));
    Ok(int::from_u64(max as u64))
}

fn a_cross(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("cross", args, kw, 2)?;
    let mut ncross: i64 = -1;
    let mut prev: Option<bool> = None;
    for v in samples(w, b.as_slice()) {
        let neg = v < 0;
        if prev != Some(neg) {
            ncross += 1;
        }
        prev = Some(neg);
    }
    Ok(int::from_i64(ncross))
}

// ---------------------------------------------------------------------------
// 16-bit correlation: findfit, findfactor, findmax.

fn shorts(cp: &[u8]) -> Vec<f64> {
    cp.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]]) as f64).collect()
}

fn sum2(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |s, (x, y)| s + x * y)
}

fn two_buffers(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<(Buffer, Buffer)> {
    args_n(fname, args, kw, 2, 2)?;
    let f = buf(&args[0])?;
    let r = buf(&args[1])?;
    if f.len() & 1 != 0 || r.len() & 1 != 0 {
        return Err(error("Strings should be even-sized"));
    }
    Ok((f, r))
}

fn a_findfit(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (f, r) = two_buffers("findfit", args, kw)?;
    let a = shorts(f.as_slice());
    let rf = shorts(r.as_slice());
    let (len1, len2) = (a.len(), rf.len());
    if len1 < len2 {
        return Err(error("First sample should be longer"));
    }
    let sum_ri_2 = sum2(&rf, &rf);
    let mut sum_aij_2 = sum2(&a[..len2], &a[..len2]);
    let sum_aij_ri = sum2(&a[..len2], &rf);
    let mut best_result = (sum_ri_2 * sum_aij_2 - sum_aij_ri * sum_aij_ri) / sum_aij_2;
    let mut best_j = 0usize;
    for j in 1..=(len1 - len2) {
        let aj_m1 = a[j - 1];
        let aj_lm1 = a[j + len2 - 1];
        sum_aij_2 = sum_aij_2 + aj_lm1 * aj_lm1 - aj_m1 * aj_m1;
        let sum_aij_ri = sum2(&a[j..j + len2], &rf);
        let result = (sum_ri_2 * sum_aij_2 - sum_aij_ri * sum_aij_ri) / sum_aij_2;
        if result < best_result {
            best_result = result;
            best_j = j;
        }
    }
    let factor = sum2(&a[best_j..best_j + len2], &rf) / sum_ri_2;
    Ok(tuple::new(&[int::from_i64(best_j as i64), float::from_f64(factor)]))
}

fn a_findfactor(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (f, r) = two_buffers("findfactor", args, kw)?;
    if f.len() != r.len() {
        return Err(error("Samples should be same size"));
    }
    let a = shorts(f.as_slice());
    let rf = shorts(r.as_slice());
    Ok(float::from_f64(sum2(&a, &rf) / sum2(&rf, &rf)))
}

fn a_findmax(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("findmax", args, kw, 2, 2)?;
    let f = buf(&args[0])?;
    let length = int::index_isize(&args[1])?;
    if f.len() & 1 != 0 {
        return Err(error("Strings should be even-sized"));
    }
    let a = shorts(f.as_slice());
    if length < 0 || a.len() < length as usize {
        return Err(error("Input sample should be longer"));
    }
    let length = length as usize;
    let mut result = sum2(&a[..length], &a[..length]);
    let mut best_result = result;
    let mut best_j = 0usize;
    for j in 1..=(a.len() - length) {
        let aj_m1 = a[j - 1];
        let aj_lm1 = a[j + length - 1];
        result = result + aj_lm1 * aj_lm1 - aj_m1 * aj_m1;
        if result > best_result {
            best_result = result;
            best_j = j;
        }
    }
    Ok(int::from_i64(best_j as i64))
}

// ---------------------------------------------------------------------------
// Transformations.

fn a_mul(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("mul", args, kw, 3, 3)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let factor = float::as_f64(&args[2])?;
    let cp = b.as_slice();
    let w = check_params(cp.len(), width)?;
    let (maxval, minval) = (MAXVALS[w] as f64, MINVALS[w] as f64);
    let mut out = zeroed(cp.len())?;
    for i in (0..cp.len()).step_by(w) {
        let v = get_raw(w, cp, i) as f64 * factor;
        set_raw(w, &mut out, i, clamp_floor(v, minval, maxval));
    }
    Ok(bytes::new(&out))
}

fn frag_width_factors(fname: &str, args: &[Obj], kw: Option<&Obj>) -> PyResult<(Buffer, i32, f64, f64)> {
    args_n(fname, args, kw, 4, 4)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let l = float::as_f64(&args[2])?;
    let r = float::as_f64(&args[3])?;
    Ok((b, width, l, r))
}

fn a_tomono(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, width, lf, rf) = frag_width_factors("tomono", args, kw)?;
    let cp = b.as_slice();
    let w = check_params(cp.len(), width)?;
    if (cp.len() / w) & 1 != 0 {
        return Err(error("not a whole number of frames"));
    }
    let (maxval, minval) = (MAXVALS[w] as f64, MINVALS[w] as f64);
    let mut out = zeroed(cp.len() / 2)?;
    for i in (0..cp.len()).step_by(2 * w) {
        let v1 = get_raw(w, cp, i) as f64;
        let v2 = get_raw(w, cp, i + w) as f64;
        set_raw(w, &mut out, i / 2, clamp_floor(v1 * lf + v2 * rf, minval, maxval));
    }
    Ok(bytes::new(&out))
}

fn a_tostereo(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, width, lf, rf) = frag_width_factors("tostereo", args, kw)?;
    let cp = b.as_slice();
    let w = check_params(cp.len(), width)?;
    let (maxval, minval) = (MAXVALS[w] as f64, MINVALS[w] as f64);
    if cp.len() > isize::MAX as usize / 2 {
        return Err(no_memory());
    }
    let mut out = zeroed(cp.len() * 2)?;
    for i in (0..cp.len()).step_by(w) {
        let v = get_raw(w, cp, i) as f64;
        set_raw(w, &mut out, i * 2, clamp_floor(v * lf, minval, maxval));
        set_raw(w, &mut out, i * 2 + w, clamp_floor(v * rf, minval, maxval));
    }
    Ok(bytes::new(&out))
}

fn a_add(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("add", args, kw, 3, 3)?;
    let b1 = buf(&args[0])?;
    let b2 = buf(&args[1])?;
    let width = c_int(&args[2])?;
    let (c1, c2) = (b1.as_slice(), b2.as_slice());
    let w = check_params(c1.len(), width)?;
    if c1.len() != c2.len() {
        return Err(error("Lengths should be the same"));
    }
    let (maxval, minval) = (MAXVALS[w], MINVALS[w]);
    let mut out = zeroed(c1.len())?;
    for i in (0..c1.len()).step_by(w) {
        let (v1, v2) = (get_raw(w, c1, i), get_raw(w, c2, i));
        let v = if w < 4 {
            (v1 + v2).clamp(minval, maxval)
        } else {
            clamp_floor(v1 as f64 + v2 as f64, minval as f64, maxval as f64)
        };
        set_raw(w, &mut out, i, v);
    }
    Ok(bytes::new(&out))
}

fn a_bias(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("bias", args, kw, 3, 3)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let bias = c_int(&args[2])?;
    let cp = b.as_slice();
    let w = check_params(cp.len(), width)?;
    let mut out = zeroed(cp.len())?;
    for i in (0..cp.len()).step_by(w) {
        // Unsigned addition that wraps within the width.
        let v = (get_raw(w, cp, i) as u32).wrapping_add(bias as u32);
        set_raw(w, &mut out, i, v as i32);
    }
    Ok(bytes::new(&out))
}

fn a_reverse(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("reverse", args, kw, 2)?;
    let cp = b.as_slice();
    let mut out = Vec::with_capacity(cp.len());
    for s in cp.chunks_exact(w).rev() {
        out.extend_from_slice(s);
    }
    Ok(bytes::new(&out))
}

fn a_byteswap(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("byteswap", args, kw, 2)?;
    let cp = b.as_slice();
    let mut out = Vec::with_capacity(cp.len());
    for s in cp.chunks_exact(w) {
        out.extend(s.iter().rev());
    }
    Ok(bytes::new(&out))
}

fn a_lin2lin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("lin2lin", args, kw, 3, 3)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let newwidth = c_int(&args[2])?;
    let cp = b.as_slice();
    let w = check_params(cp.len(), width)?;
    let nw = check_size(newwidth)?;
    let n = cp.len() / w;
    if n > isize::MAX as usize / nw {
        return Err(no_memory());
    }
    let mut out = zeroed(n * nw)?;
    for k in 0..n {
        set32(nw, &mut out, k * nw, get32(w, cp, k * w));
    }
    Ok(bytes::new(&out))
}

fn gcd(mut a: i32, mut b: i32) -> i32 {
    while b > 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// ratecv's `(d, ((prev, cur), ...))` state, with CPython 3.11's checks.
fn ratecv_state(state: &Obj, nchannels: usize) -> PyResult<(i32, Vec<i32>, Vec<i32>)> {
    const ILLEGAL: &str = "ratecv(): illegal state argument";
    if !tuple::is_tuple(state) {
        bail!(TypeError, "state must be a tuple or None");
    }
    let items = tuple::items(state);
    if items.len() != 2 {
        bail!(TypeError, "{}", ILLEGAL);
    }
    let d = parse_i(&items[0])?;
    if !tuple::is_tuple(&items[1]) {
        bail!(TypeError, "{}", ILLEGAL);
    }
    let samps = tuple::items(&items[1]);
    if samps.len() != nchannels {
        return Err(error("illegal state argument"));
    }
    let mut prev = Vec::with_capacity(nchannels);
    let mut cur = Vec::with_capacity(nchannels);
    for ch in samps {
        if !tuple::is_tuple(ch) || tuple::len(ch) != 2 {
            bail!(TypeError, "{}", ILLEGAL);
        }
        let pair = tuple::items(ch);
        prev.push(parse_i(&pair[0])?);
        cur.push(parse_i(&pair[1])?);
    }
    Ok((d, prev, cur))
}

fn a_ratecv(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("ratecv", args, kw, 6, 8)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let nchannels = c_int(&args[2])?;
    let inrate = c_int(&args[3])?;
    let outrate = c_int(&args[4])?;
    let state = &args[5];
    let weight_a = match args.get(6) {
        Some(o) => c_int(o)?,
        None => 1,
    };
    let weight_b = match args.get(7) {
        Some(o) => c_int(o)?,
        None => 0,
    };
    let w = check_size(width)?;
    if nchannels < 1 {
        return Err(error("# of channels should be >= 1"));
    }
    if width > i32::MAX / nchannels {
        bail!(OverflowError, "width * nchannels too big for a C int");
    }
    let bytes_per_frame = (width * nchannels) as usize;
    if weight_a < 1 || weight_b < 0 {
        return Err(error("weightA should be >= 1, weightB should be >= 0"));
    }
    let cp = b.as_slice();
    if cp.len() % bytes_per_frame != 0 {
        return Err(error("not a whole number of frames"));
    }
    if inrate <= 0 || outrate <= 0 {
        return Err(error("sampling rate not > 0"));
    }
    let g = gcd(inrate, outrate);
    let (inrate, outrate) = (inrate / g, outrate / g);
    let g = gcd(weight_a, weight_b);
    let (weight_a, weight_b) = ((weight_a / g) as f64, (weight_b / g) as f64);
    let nch = nchannels as usize;
    let mut len = cp.len() / bytes_per_frame;
    let (mut d, mut prev_i, mut cur_i) = if none::is_none(state) {
        (-outrate, zeroed(nch)?, zeroed(nch)?)
    } else {
        ratecv_state(state, nch)?
    };
    // CPython sizes its buffer as ceil(len/inrate)*outrate frames and
    // refuses when that overflows.
    let mut out = Vec::new();
    if len > 0 {
        let q = 1 + (len - 1) / inrate as usize;
        if outrate as usize > isize::MAX as usize / q / bytes_per_frame {
            return Err(no_memory());
        }
        out.reserve((q * outrate as usize * bytes_per_frame).min(1 << 24));
    }
    let mut pos = 0usize;
    let mut frame: Vec<u8> = zeroed(bytes_per_frame)?;
    loop {
        while d < 0 {
            if len == 0 {
                let samps: Vec<Obj> = prev_i
                    .iter()
                    .zip(&cur_i)
                    .map(|(&p, &c)| tuple::new(&[int::from_i64(p as i64), int::from_i64(c as i64)]))
                    .collect();
                let st = tuple::new(&[int::from_i64(d as i64), tuple::new(&samps)]);
                return Ok(tuple::new(&[bytes::new(&out), st]));
            }
            for ch in 0..nch {
                prev_i[ch] = cur_i[ch];
                let s = get32(w, cp, pos) as f64;
                pos += w;
                // The simple low-pass filter of the weights.
                cur_i[ch] = to_c_int((weight_a * s + weight_b * prev_i[ch] as f64) / (weight_a + weight_b));
            }
            len -= 1;
            d = d.wrapping_add(outrate);
        }
        while d >= 0 {
            for ch in 0..nch {
                let o = to_c_int(
                    (prev_i[ch] as f64 * d as f64 + cur_i[ch] as f64 * (outrate as f64 - d as f64)) / outrate as f64,
                );
                set32(w, &mut frame, ch * w, o);
            }
            // A state's large `d` can ask for far more than CPython's
            // estimate; running out of memory is a MemoryError.
            if out.try_reserve(frame.len()).is_err() {
                return Err(errors::raise_empty(exceptions::MemoryError()));
            }
            out.extend_from_slice(&frame);
            d = d.wrapping_sub(inrate);
        }
    }
}

// ---------------------------------------------------------------------------
// µ-law, A-law.

fn a_lin2ulaw(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("lin2ulaw", args, kw, 2)?;
    let cp = b.as_slice();
    let out: Vec<u8> = (0..cp.len()).step_by(w).map(|i| linear14_to_ulaw((get32(w, cp, i) >> 18) as i16)).collect();
    Ok(bytes::new(&out))
}

fn a_lin2alaw(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("lin2alaw", args, kw, 2)?;
    let cp = b.as_slice();
    let out: Vec<u8> = (0..cp.len()).step_by(w).map(|i| linear13_to_alaw((get32(w, cp, i) >> 19) as i16)).collect();
    Ok(bytes::new(&out))
}

fn law2lin(fname: &str, args: &[Obj], kw: Option<&Obj>, decode: fn(u8) -> i16) -> PyResult<Obj> {
    args_n(fname, args, kw, 2, 2)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let w = check_size(width)?;
    let cp = b.as_slice();
    if cp.len() > isize::MAX as usize / w {
        return Err(no_memory());
    }
    let mut out = zeroed(cp.len() * w)?;
    for (k, &c) in cp.iter().enumerate() {
        set32(w, &mut out, k * w, (decode(c) as i32) << 16);
    }
    Ok(bytes::new(&out))
}

fn a_ulaw2lin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    law2lin("ulaw2lin", args, kw, ulaw2linear16)
}

fn a_alaw2lin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    law2lin("alaw2lin", args, kw, alaw2linear16)
}

// ---------------------------------------------------------------------------
// IMA ADPCM.

/// The `(valpred, index)` state of the ADPCM coder.
fn adpcm_state(fname: &str, state: &Obj) -> PyResult<(i32, usize)> {
    if none::is_none(state) {
        return Ok((0, 0));
    }
    if !tuple::is_tuple(state) {
        bail!(TypeError, "state must be a tuple or None");
    }
    let items = tuple::items(state);
    if items.len() != 2 {
        bail!(TypeError, "{}(): illegal state argument", fname);
    }
    let valpred = parse_i(&items[0])?;
    let index = parse_i(&items[1])?;
    if !(-0x8000..0x8000).contains(&valpred) || !(0..STEPSIZE_TABLE.len() as i32).contains(&index) {
        bail!(ValueError, "bad state");
    }
    Ok((valpred, index as usize))
}

fn adpcm_result(out: &[u8], valpred: i32, index: usize) -> Obj {
    tuple::new(&[bytes::new(out), tuple::new(&[int::from_i64(valpred as i64), int::from_i64(index as i64)])])
}

fn a_lin2adpcm(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (b, w) = frag_width("lin2adpcm", args, kw, 3)?;
    let (mut valpred, index) = adpcm_state("lin2adpcm", &args[2])?;
    let cp = b.as_slice();
    let mut index = index as i32;
    let mut step = STEPSIZE_TABLE[index as usize];
    // Two 4-bit codes a byte, the first in the high nibble; an odd last
    // sample's code is dropped.
    let mut out = Vec::with_capacity(cp.len() / (w * 2));
    let mut high: Option<u8> = None;
    for i in (0..cp.len()).step_by(w) {
        let val = get32(w, cp, i) >> 16;
        let (mut diff, sign) = if val < valpred { (valpred - val, 8) } else { (val - valpred, 0) };
        // Successive approximation of diff*4/step, as the IMA coder does.
        let mut delta = 0;
        let mut vpdiff = step >> 3;
        if diff >= step {
            delta = 4;
            diff -= step;
            vpdiff += step;
        }
        step >>= 1;
        if diff >= step {
            delta |= 2;
            diff -= step;
            vpdiff += step;
        }
        step >>= 1;
        if diff >= step {
            delta |= 1;
            vpdiff += step;
        }
        valpred = if sign != 0 { valpred - vpdiff } else { valpred + vpdiff }.clamp(-32768, 32767);
        delta |= sign;
        index = (index + INDEX_TABLE[delta as usize]).clamp(0, 88);
        step = STEPSIZE_TABLE[index as usize];
        match high.take() {
            None => high = Some(((delta << 4) & 0xF0) as u8),
            Some(h) => out.push((delta & 0x0F) as u8 | h),
        }
    }
    Ok(adpcm_result(&out, valpred, index as usize))
}

fn a_adpcm2lin(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args_n("adpcm2lin", args, kw, 3, 3)?;
    let b = buf(&args[0])?;
    let width = c_int(&args[1])?;
    let w = check_size(width)?;
    let (mut valpred, index) = adpcm_state("adpcm2lin", &args[2])?;
    let cp = b.as_slice();
    if cp.len() > (isize::MAX as usize / 2) / w {
        return Err(no_memory());
    }
    let mut index = index as i32;
    let mut step = STEPSIZE_TABLE[index as usize];
    let mut out = zeroed(cp.len() * w * 2)?;
    let mut pos = 0;
    for &byte in cp {
        for code in [byte >> 4, byte & 0x0F] {
            index = (index + INDEX_TABLE[code as usize]).clamp(0, 88);
            let sign = code & 8;
            let delta = code & 7;
            let mut vpdiff = step >> 3;
            if delta & 4 != 0 {
                vpdiff += step;
            }
            if delta & 2 != 0 {
                vpdiff += step >> 1;
            }
            if delta & 1 != 0 {
                vpdiff += step >> 2;
            }
            valpred = if sign != 0 { valpred - vpdiff } else { valpred + vpdiff }.clamp(-32768, 32767);
            step = STEPSIZE_TABLE[index as usize];
            set32(w, &mut out, pos, valpred << 16);
            pos += w;
        }
    }
    Ok(adpcm_result(&out, valpred, index as usize))
}

// ---------------------------------------------------------------------------

fn functions() -> Vec<MethodSpec> {
    vec![
        method("max", a_max)
            .with_doc("max($module, fragment, width, /)\n--\n\nReturn the maximum of the absolute value of all samples in a fragment."),
        method("minmax", a_minmax)
            .with_doc("minmax($module, fragment, width, /)\n--\n\nReturn the minimum and maximum values of all samples in the sound fragment."),
        method("avg", a_avg)
            .with_doc("avg($module, fragment, width, /)\n--\n\nReturn the average over all samples in the fragment."),
        method("maxpp", a_maxpp)
            .with_doc("maxpp($module, fragment, width, /)\n--\n\nReturn the maximum peak-peak value in the sound fragment."),
        method("avgpp", a_avgpp)
            .with_doc("avgpp($module, fragment, width, /)\n--\n\nReturn the average peak-peak value over all samples in the fragment."),
        method("rms", a_rms)
            .with_doc("rms($module, fragment, width, /)\n--\n\nReturn the root-mean-square of the fragment, i.e. sqrt(sum(S_i^2)/n)."),
        method("findfit", a_findfit)
            .with_doc("findfit($module, fragment, reference, /)\n--\n\nTry to match reference as well as possible to a portion of fragment."),
        method("findmax", a_findmax)
            .with_doc("findmax($module, fragment, length, /)\n--\n\nSearch fragment for a slice of specified number of samples with maximum energy."),
        method("findfactor", a_findfactor)
            .with_doc("findfactor($module, fragment, reference, /)\n--\n\nReturn a factor F such that rms(add(fragment, mul(reference, -F))) is minimal."),
        method("cross", a_cross)
            .with_doc("cross($module, fragment, width, /)\n--\n\nReturn the number of zero crossings in the fragment passed as an argument."),
        method("mul", a_mul)
            .with_doc("mul($module, fragment, width, factor, /)\n--\n\nReturn a fragment that has all samples in the original fragment multiplied by the floating-point value factor."),
        method("add", a_add)
            .with_doc("add($module, fragment1, fragment2, width, /)\n--\n\nReturn a fragment which is the addition of the two samples passed as parameters."),
        method("bias", a_bias)
            .with_doc("bias($module, fragment, width, bias, /)\n--\n\nReturn a fragment that is the original fragment with a bias added to each sample."),
        method("ulaw2lin", a_ulaw2lin)
            .with_doc("ulaw2lin($module, fragment, width, /)\n--\n\nConvert sound fragments in u-LAW encoding to linearly encoded sound fragments."),
        method("lin2ulaw", a_lin2ulaw)
            .with_doc("lin2ulaw($module, fragment, width, /)\n--\n\nConvert samples in the audio fragment to u-LAW encoding."),
        method("alaw2lin", a_alaw2lin)
            .with_doc("alaw2lin($module, fragment, width, /)\n--\n\nConvert sound fragments in a-LAW encoding to linearly encoded sound fragments."),
        method("lin2alaw", a_lin2alaw)
            .with_doc("lin2alaw($module, fragment, width, /)\n--\n\nConvert samples in the audio fragment to a-LAW encoding."),
        method("lin2lin", a_lin2lin)
            .with_doc("lin2lin($module, fragment, width, newwidth, /)\n--\n\nConvert samples between 1-, 2-, 3- and 4-byte formats."),
        method("adpcm2lin", a_adpcm2lin)
            .with_doc("adpcm2lin($module, fragment, width, state, /)\n--\n\nDecode an Intel/DVI ADPCM coded fragment to a linear fragment."),
        method("lin2adpcm", a_lin2adpcm)
            .with_doc("lin2adpcm($module, fragment, width, state, /)\n--\n\nConvert samples to 4 bit Intel/DVI ADPCM encoding."),
        method("tomono", a_tomono)
            .with_doc("tomono($module, fragment, width, lfactor, rfactor, /)\n--\n\nConvert a stereo fragment to a mono fragment."),
        method("tostereo", a_tostereo)
            .with_doc("tostereo($module, fragment, width, lfactor, rfactor, /)\n--\n\nGenerate a stereo fragment from a mono fragment."),
        method("getsample", a_getsample)
            .with_doc("getsample($module, fragment, width, index, /)\n--\n\nReturn the value of sample index from the fragment."),
        method("reverse", a_reverse)
            .with_doc("reverse($module, fragment, width, /)\n--\n\nReverse the samples in a fragment and returns the modified fragment."),
        method("byteswap", a_byteswap)
            .with_doc("byteswap($module, fragment, width, /)\n--\n\nConvert big-endian samples to little-endian and vice versa."),
        method("ratecv", a_ratecv)
            .with_doc("ratecv($module, fragment, width, nchannels, inrate, outrate, state,\n       weightA=1, weightB=0, /)\n--\n\nConvert the frame rate of the input fragment."),
    ]
}

pub fn create() -> PyResult<Obj> {
    // CPython warns from its init function, stacklevel 7 reaching past the
    // import machinery's frames to the importing code.
    krait_runtime::modules::warnings::warn(
        exceptions::DeprecationWarning(),
        "'audioop' is deprecated and slated for removal in Python 3.13",
        7,
    )?;
    let m = module::new("audioop")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &none::none())?;
    add_functions(&d, &m, &functions())?;
    let err = ERROR.get_or_init(|| crate::new_exception_type("audioop.error", exceptions::Exception()))?;
    dict::set_item_str(&d, "error", &err)?;
    Ok(m)
}
