//! String formatting: `str.format`/`format_map` (replacement fields with
//! auto/manual numbering, attribute and index lookups, conversions, nested
//! specs), `str.__format__`, and printf-style `%` formatting.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::numeric::format_spec;
use crate::types::str::{self as pystr, code_points};
use crate::types::{dict, float, int, none, tuple};

/// `format(s, spec)` for str.
pub fn format_str_spec(s: &Obj, spec: &Obj) -> PyResult<Obj> {
    let spec = pystr::to_string_lossy(spec);
    if spec.is_empty() {
        return crate::ops::str_of(s);
    }
    let parsed = match format_spec::parse(&spec, "str") {
        Ok(p) => p,
        Err(msg) => crate::bail!(ValueError, "{}", msg),
    };
    match format_spec::format_str(&pystr::to_string_lossy(s), &parsed) {
        Ok(r) => Ok(pystr::new(&r)),
        Err(e) => Err(int::format_error(e)),
    }
}

/// `template.format(*args, **kwargs)`.
pub fn format(template: &Obj, args: &[Obj], kwargs: &Obj) -> PyResult<Obj> {
    let mut auto = 0usize;
    let mut mode = 0u8; // 0 unknown, 1 auto, 2 manual
    let out = render(&code_points(template), args, kwargs, &mut auto, &mut mode, 2)?;
    Ok(pystr::from_code_points(&out))
}

fn render(t: &[u32], args: &[Obj], kwargs: &Obj, auto: &mut usize, mode: &mut u8, depth: u32) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(t.len());
    let mut i = 0;
    while i < t.len() {
        let c = t[i];
        if c == '{' as u32 {
            if i + 1 < t.len() && t[i + 1] == '{' as u32 {
                out.push(c);
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces in the spec).
            let mut level = 1;
            let mut j = i + 1;
            while j < t.len() {
                if t[j] == '{' as u32 {
                    level += 1;
                } else if t[j] == '}' as u32 {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= t.len() {
                crate::bail!(ValueError, "expected '}}' before end of string");
            }
            let field = &t[i + 1..j];
            let v = render_field(field, args, kwargs, auto, mode, depth)?;
            out.extend(v);
            i = j + 1;
        } else if c == '}' as u32 {
            if i + 1 < t.len() && t[i + 1] == '}' as u32 {
                out.push(c);
                i += 2;
                continue;
            }
            crate::bail!(ValueError, "Single '}}' encountered in format string");
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(field: &[u32], args: &[Obj], kwargs: &Obj, auto: &mut usize, mode: &mut u8, depth: u32) -> PyResult<Vec<u32>> {
    // field_name [! conversion] [: spec]
    let mut name_end = field.len();
    let mut bracket = false;
    for (k, &c) in field.iter().enumerate() {
        if c == '[' as u32 {
            bracket = true;
        } else if c == ']' as u32 {
            bracket = false;
        } else if !bracket && (c == '!' as u32 || c == ':' as u32) {
            name_end = k;
            break;
        }
    }
    let name: String = field[..name_end].iter().filter_map(|c| char::from_u32(*c)).collect();
    let mut conversion = None;
    let mut spec: &[u32] = &[];
    let mut rest = &field[name_end..];
    if rest.first() == Some(&('!' as u32)) {
        if rest.len() < 2 {
            crate::bail!(ValueError, "end of string while looking for conversion specifier");
        }
        conversion = Some(rest[1]);
        rest = &rest[2..];
        if !rest.is_empty() && rest[0] != ':' as u32 {
            crate::bail!(ValueError, "expected ':' after conversion specifier");
        }
    }
    if rest.first() == Some(&(':' as u32)) {
        spec = &rest[1..];
    }
    // First part of the name: index or keyword; then .attr / [key] parts.
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if *mode == 2 {
            crate::bail!(ValueError, "cannot switch from manual field specification to automatic field numbering");
        }
        *mode = 1;
        let k = *auto;
        *auto += 1;
        match args.get(k) {
            Some(a) => a.clone(),
            None => crate::bail!(IndexError, "Replacement index {} out of range for positional args tuple", k),
        }
    } else if first.bytes().all(|b| b.is_ascii_digit()) {
        if *mode == 1 {
            crate::bail!(ValueError, "cannot switch from automatic field numbering to manual field specification");
        }
        *mode = 2;
        let k: usize = first.parse().unwrap_or(usize::MAX);
        match args.get(k) {
            Some(a) => a.clone(),
            None => crate::bail!(IndexError, "Replacement index {} out of range for positional args tuple", k),
        }
    } else {
        let key = pystr::new(first);
        if dict::is_exact_dict(kwargs) {
            match dict::get_item(kwargs, &key)? {
                Some(v) => v,
                None => return Err(crate::errors::raise_with(crate::types::exceptions::KeyError(), &[key])),
            }
        } else {
            crate::ops::seq::getitem(kwargs, &key)?
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                crate::bail!(ValueError, "Empty attribute in format string");
            }
            obj = crate::ops::attr::getattr(&obj, &pystr::new(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = match r.find(']') {
                Some(e) => e,
                None => crate::bail!(ValueError, "Missing ']' in format string"),
            };
            let k = &r[..end];
            let key = if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) {
                int::from_i64(k.parse().unwrap_or(0))
            } else {
                pystr::new(k)
            };
            obj = crate::ops::seq::getitem(&obj, &key)?;
            rest = &r[end + 1..];
        } else {
            crate::bail!(ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    let obj = match conversion {
        None => obj,
        Some(c) if c == 'r' as u32 => crate::ops::repr(&obj)?,
        Some(c) if c == 's' as u32 => crate::ops::str_of(&obj)?,
        Some(c) if c == 'a' as u32 => crate::builtins::ascii_of(&obj)?,
        Some(c) => crate::bail!(
            ValueError,
            "Unknown conversion specifier {}",
            char::from_u32(c).map(|x| x.to_string()).unwrap_or_default()
        ),
    };
    let spec = if spec.iter().any(|c| *c == '{' as u32) {
        if depth == 0 {
            crate::bail!(ValueError, "Max string recursion exceeded");
        }
        render(spec, args, kwargs, auto, mode, depth - 1)?
    } else {
        spec.to_vec()
    };
    let r = crate::ops::format(&obj, &pystr::from_code_points(&spec))?;
    Ok(code_points(&r))
}

/// printf-style formatting: `template % values`.
pub fn percent_format(template: &Obj, values: &Obj) -> PyResult<Obj> {
    let t = code_points(template);
    let (items, mapping): (Vec<Obj>, Option<Obj>) = if tuple::is_tuple(values) {
        (tuple::items(values).to_vec(), None)
    } else if values.ty().tp_as_mapping.is_null() || pystr::is_str(values) || crate::types::bytes::is_bytes(values) {
        (vec![values.clone()], None)
    } else if unsafe { (*values.ty().tp_as_mapping).mp_subscript.is_some() } && !tuple::is_tuple(values) {
        (vec![values.clone()], Some(values.clone()))
    } else {
        (vec![values.clone()], None)
    };
    let mut out: Vec<u32> = Vec::with_capacity(t.len());
    let mut argi = 0;
    let mut used_mapping = false;
    let mut i = 0;
    let next_arg = |argi: &mut usize| -> PyResult<Obj> {
        match items.get(*argi) {
            Some(a) => {
                *argi += 1;
                Ok(a.clone())
            }
            None => crate::bail!(TypeError, "not enough arguments for format string"),
        }
    };
    while i < t.len() {
        if t[i] != '%' as u32 {
            out.push(t[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i >= t.len() {
            crate::bail!(ValueError, "incomplete format");
        }
        // Mapping key.
        let mut arg: Option<Obj> = None;
        if t[i] == '(' as u32 {
            let m = match &mapping {
                Some(m) => m.clone(),
                None => crate::bail!(TypeError, "format requires a mapping"),
            };
            let mut level = 1;
            let start = i + 1;
            i += 1;
            while i < t.len() && level > 0 {
                if t[i] == '(' as u32 {
                    level += 1;
                } else if t[i] == ')' as u32 {
                    level -= 1;
                }
                i += 1;
            }
            if level > 0 {
                crate::bail!(ValueError, "incomplete format key");
            }
            let key = pystr::from_code_points(&t[start..i - 1]);
            arg = Some(crate::ops::seq::getitem(&m, &key)?);
            used_mapping = true;
        }
        // Flags.
        let mut left = false;
        let mut plus = false;
        let mut space = false;
        let mut alt = false;
        let mut zero = false;
        while i < t.len() {
            match char::from_u32(t[i]) {
                Some('-') => left = true,
                Some('+') => plus = true,
                Some(' ') => space = true,
                Some('#') => alt = true,
                Some('0') => zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: Option<usize> = None;
        if i < t.len() && t[i] == '*' as u32 {
            let w = next_arg(&mut argi)?;
            if !int::is_int(&w) {
                crate::bail!(TypeError, "* wants int");
            }
            let wv = int::as_isize_or_overflow(&w)?;
            if wv < 0 {
                left = true;
            }
            width = Some(wv.unsigned_abs());
            i += 1;
        } else {
            let mut w = None;
            while i < t.len() && (t[i] as u8 as char).is_ascii_digit() && t[i] < 128 {
                w = Some(w.unwrap_or(0) * 10 + (t[i] - '0' as u32) as usize);
                i += 1;
            }
            width = w.or(width);
        }
        // Precision.
        let mut prec: Option<usize> = None;
        if i < t.len() && t[i] == '.' as u32 {
            i += 1;
            if i < t.len() && t[i] == '*' as u32 {
                let p = next_arg(&mut argi)?;
                if !int::is_int(&p) {
                    crate::bail!(TypeError, "* wants int");
                }
                prec = Some(int::as_isize_or_overflow(&p)?.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0;
                while i < t.len() && t[i] < 128 && (t[i] as u8 as char).is_ascii_digit() {
                    p = p * 10 + (t[i] - '0' as u32) as usize;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        while i < t.len() && matches!(char::from_u32(t[i]), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        if i >= t.len() {
            crate::bail!(ValueError, "incomplete format");
        }
        let conv = char::from_u32(t[i]).unwrap_or('?');
        i += 1;
        if conv == '%' {
            out.push('%' as u32);
            continue;
        }
        let v = match arg {
            Some(a) => a,
            None => next_arg(&mut argi)?,
        };
        let mut sign = String::new();
        let body: String = match conv {
            's' => pystr::to_string_lossy(&crate::ops::str_of(&v)?),
            'r' => crate::ops::repr_string(&v)?,
            'a' => pystr::to_string_lossy(&crate::builtins::ascii_of(&v)?),
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = if int::is_int(&v) {
                    v.clone()
                } else if float::is_float(&v) {
                    if !matches!(conv, 'd' | 'i' | 'u') {
                        crate::bail!(TypeError, "%{} format: an integer is required, not float", conv);
                    }
                    int::number_long(&v)?
                } else if crate::ops::number::has_index(&v) {
                    int::index(&v)?
                } else if matches!(conv, 'd' | 'i' | 'u') && !v.ty().tp_as_number.is_null() && unsafe { (*v.ty().tp_as_number).nb_int.is_some() } {
                    int::number_long(&v)?
                } else {
                    crate::bail!(
                        TypeError,
                        "%{} format: {} is required, not {}",
                        conv,
                        if matches!(conv, 'd' | 'i' | 'u') { "a real number" } else { "an integer" },
                        v.ty().name()
                    );
                };
                let b = int::to_bigint(&n);
                let neg = b.sign() == num_bigint::Sign::Minus;
                let mag = if neg { -b } else { b };
                let mut digits = match conv {
                    'x' => mag.to_str_radix(16),
                    'X' => mag.to_str_radix(16).to_uppercase(),
                    'o' => mag.to_str_radix(8),
                    _ => mag.to_string(),
                };
                if let Some(p) = prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                if alt {
                    match conv {
                        'x' => digits.insert_str(0, "0x"),
                        'X' => digits.insert_str(0, "0X"),
                        'o' => digits.insert_str(0, "0o"),
                        _ => {}
                    }
                }
                sign = if neg { "-".into() } else if plus { "+".into() } else if space { " ".into() } else { String::new() };
                digits
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match float::as_f64(&v) {
                    Ok(x) => x,
                    Err(e) => {
                        if crate::errors::matches(crate::types::exceptions::TypeError()) {
                            crate::errors::clear();
                            crate::bail!(TypeError, "must be real number, not {}", v.ty().name());
                        }
                        return Err(e);
                    }
                };
                let p = prec.unwrap_or(6);
                let mut spec = String::new();
                if alt {
                    spec.push('#');
                }
                spec.push_str(&format!(".{}{}", p, conv));
                let s = match format_spec::format_float_spec(x.abs(), &spec) {
                    Ok(s) => s,
                    Err(e) => return Err(int::format_error(e)),
                };
                sign = if x.is_sign_negative() && !(x.is_nan()) {
                    "-".into()
                } else if plus {
                    "+".into()
                } else if space {
                    " ".into()
                } else {
                    String::new()
                };
                s
            }
            'c' => {
                if pystr::is_str(&v) {
                    if pystr::len(&v) != 1 {
                        crate::bail!(TypeError, "%c requires int or char");
                    }
                    pystr::to_string_lossy(&v)
                } else if int::is_int(&v) {
                    let c = int::as_i64(&v).unwrap_or(-1);
                    match u32::try_from(c).ok().and_then(char::from_u32) {
                        Some(ch) => ch.to_string(),
                        None => crate::bail!(OverflowError, "%c arg not in range(0x110000)"),
                    }
                } else {
                    crate::bail!(TypeError, "%c requires int or char");
                }
            }
            other => crate::bail!(
                ValueError,
                "unsupported format character '{}' (0x{:x}) at index {}",
                other,
                other as u32,
                i - 1
            ),
        };
        let body = if conv == 's' || conv == 'r' || conv == 'a' {
            match prec {
                Some(p) => body.chars().take(p).collect(),
                None => body,
            }
        } else {
            body
        };
        let len = sign.chars().count() + body.chars().count();
        let w = width.unwrap_or(0);
        let numeric = !matches!(conv, 's' | 'r' | 'a' | 'c');
        let mut piece = String::new();
        if len >= w {
            piece.push_str(&sign);
            piece.push_str(&body);
        } else if left {
            piece.push_str(&sign);
            piece.push_str(&body);
            piece.push_str(&" ".repeat(w - len));
        } else if zero && numeric {
            piece.push_str(&sign);
            // Keep a 0x prefix before the zero padding.
            let (prefix, rest) = if alt && (body.starts_with("0x") || body.starts_with("0X") || body.starts_with("0o")) {
                body.split_at(2)
            } else {
                ("", body.as_str())
            };
            piece.push_str(prefix);
            piece.push_str(&"0".repeat(w - len));
            piece.push_str(rest);
        } else {
            piece.push_str(&" ".repeat(w - len));
            piece.push_str(&sign);
            piece.push_str(&body);
        }
        out.extend(piece.chars().map(|c| c as u32));
    }
    if argi < items.len() && !used_mapping && mapping.is_none() {
        crate::bail!(TypeError, "not all arguments converted during string formatting");
    }
    let _ = none::none;
    Ok(pystr::from_code_points(&out))
}
