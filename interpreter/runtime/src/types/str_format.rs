//! String formatting: `str.format`/`format_map` (replacement fields with
//! auto/manual numbering, attribute and index lookups, conversions, nested
//! specs), `str.__format__`, and printf-style `%` formatting.

use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::numeric::format_spec;
use crate::types::str::{self as pystr, code_points};
use crate::types::int;

/// `format(s, spec)` for str: precision truncates, width pads (code
/// points throughout, so lone surrogates survive).
pub fn format_str_spec(s: &Obj, spec: &Obj) -> PyResult<Obj> {
    let spec = pystr::to_string_lossy(spec);
    if spec.is_empty() {
        return crate::ops::str_of(s);
    }
    let tname = s.ty().name().to_string();
    let parsed = match format_spec::parse(&spec, &tname, Some('s')) {
        Ok(p) => p,
        Err(msg) => crate::bail!(ValueError, "{}", msg),
    };
    format_spec::check_str_spec(&parsed, &tname).map_err(int::format_error)?;
    let (fill, align) = parsed.fill_align('<');
    let n = pystr::len(s);
    let body_len = parsed.precision.map_or(n, |p| p.min(n));
    let width = parsed.width.unwrap_or(0);
    if body_len >= width && body_len == n && pystr::is_exact_str(s) {
        return Ok(s.clone());
    }
    let pad = width.saturating_sub(body_len);
    let (left, right) = match align {
        '>' => (pad, 0),
        '^' => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    let mut out = Vec::with_capacity(body_len + pad);
    out.extend(std::iter::repeat(fill as u32).take(left));
    out.extend(pystr::chars(s).take(body_len));
    out.extend(std::iter::repeat(fill as u32).take(right));
    Ok(pystr::from_code_points(&out))
}

/// `template.format(*args, **kwargs)`; `args` is None for `format_map`
/// (positional fields are then an error), `kwargs` None when none were given.
pub fn format(template: &Obj, args: Option<&[Obj]>, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let mut auto = AutoNumber::Init;
    let t = code_points(template);
    // A template that is exactly one replacement field returns the field's
    // str object itself (CPython's writer keeps a sole str it is handed), so
    // a str subclass from __str__/__format__ survives, as does identity.
    // No braces at all: the template itself, as CPython's writer hands back.
    if !t.iter().any(|&c| c == '{' as u32 || c == '}' as u32) {
        return Ok(template.clone());
    }
    let mut it = MarkupIter::new(&t);
    if let Some(m) = it.next_markup()? {
        if m.literal.is_empty() && it.pos() == t.len() {
            if let Some(f) = m.field {
                return field_str(&f, args, kwargs, 2, &mut auto);
            }
        }
    }
    let mut out = Vec::with_capacity(t.len() + 16);
    build(&t, args, kwargs, 2, &mut auto, &mut out)?;
    Ok(pystr::from_code_points(&out))
}

/// Field numbering state: `{}` fields and `{0}` fields cannot be mixed.
#[derive(Clone, Copy, PartialEq)]
enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

const LBRACE: u32 = '{' as u32;
const RBRACE: u32 = '}' as u32;

/// One piece of a format string: literal text, then maybe a field.
pub struct Markup<'a> {
    pub literal: &'a [u32],
    pub field: Option<Field<'a>>,
}

/// A replacement field `{name!conversion:spec}`.
pub struct Field<'a> {
    pub name: &'a [u32],
    pub conversion: Option<u32>,
    pub spec: &'a [u32],
    /// The spec holds nested fields.
    pub spec_nested: bool,
}

/// Splits a format string into literal text and fields, with CPython's
/// errors at the point where its parser meets them.
pub struct MarkupIter<'a> {
    s: &'a [u32],
    pos: usize,
}

impl<'a> MarkupIter<'a> {
    pub fn new(s: &'a [u32]) -> Self {
        MarkupIter { s, pos: 0 }
    }

    /// Resumes parsing at `pos` (for iterators that keep only a position).
    pub fn at(s: &'a [u32], pos: usize) -> Self {
        MarkupIter { s, pos }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The next piece, None at the end.
    pub fn next_markup(&mut self) -> PyResult<Option<Markup<'a>>> {
        let s = self.s;
        if self.pos >= s.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = 0;
        let mut markup = false;
        while self.pos < s.len() {
            c = s[self.pos];
            self.pos += 1;
            if c == LBRACE || c == RBRACE {
                markup = true;
                break;
            }
        }
        let at_end = self.pos >= s.len();
        let mut lit_end = self.pos;
        if c == RBRACE && markup && (at_end || s[self.pos] != RBRACE) {
            crate::bail!(ValueError, "Single '}}' encountered in format string");
        }
        if at_end && markup && c == LBRACE {
            crate::bail!(ValueError, "Single '{{' encountered in format string");
        }
        if markup && !at_end {
            if s[self.pos] == c {
                // A doubled brace: the literal keeps one, no field follows.
                self.pos += 1;
                markup = false;
            } else {
                lit_end -= 1;
            }
        }
        let literal = &s[start..lit_end];
        if !markup {
            return Ok(Some(Markup { literal, field: None }));
        }
        let field = self.parse_field()?;
        Ok(Some(Markup { literal, field: Some(field) }))
    }

    /// After a `{`: the field name up to `!`, `:` or `}` (brackets may hold
    /// any of those), then the conversion and the spec with nested braces.
    fn parse_field(&mut self) -> PyResult<Field<'a>> {
        let s = self.s;
        let name_start = self.pos;
        let mut c = 0;
        let mut terminated = false;
        while self.pos < s.len() {
            c = s[self.pos];
            self.pos += 1;
            match char::from_u32(c) {
                Some('{') => crate::bail!(ValueError, "unexpected '{{' in field name"),
                Some('[') => {
                    while self.pos < s.len() && s[self.pos] != ']' as u32 {
                        self.pos += 1;
                    }
                }
                Some('}' | ':' | '!') => {
                    terminated = true;
                    break;
                }
                _ => {}
            }
        }
        let name = &s[name_start..self.pos.saturating_sub(1).max(name_start)];
        if !terminated {
            crate::bail!(ValueError, "expected '}}' before end of string");
        }
        if c == RBRACE {
            return Ok(Field { name, conversion: None, spec: &[], spec_nested: false });
        }
        let mut conversion = None;
        if c == '!' as u32 {
            if self.pos >= s.len() {
                crate::bail!(ValueError, "end of string while looking for conversion specifier");
            }
            conversion = Some(s[self.pos]);
            self.pos += 1;
            if self.pos < s.len() {
                let n = s[self.pos];
                self.pos += 1;
                if n == RBRACE {
                    return Ok(Field { name, conversion, spec: &[], spec_nested: false });
                }
                if n != ':' as u32 {
                    crate::bail!(ValueError, "expected ':' after conversion specifier");
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        let mut nested = false;
        while self.pos < s.len() {
            let c = s[self.pos];
            self.pos += 1;
            if c == LBRACE {
                nested = true;
                depth += 1;
            } else if c == RBRACE {
                depth -= 1;
                if depth == 0 {
                    return Ok(Field { name, conversion, spec: &s[spec_start..self.pos - 1], spec_nested: nested });
                }
            }
        }
        crate::bail!(ValueError, "unmatched '{{' in format spec")
    }
}

/// A field-name part's integer value: decimal digits (any script), None
/// when it has another character or is empty.
pub fn field_integer(part: &[u32]) -> PyResult<Option<usize>> {
    if part.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in part {
        let d = match crate::types::str_unicode::decimal(c) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        if acc > (isize::MAX as usize - d) / 10 {
            crate::bail!(ValueError, "Too many decimal digits in format string");
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// One `.attr` or `[key]` step after the first part of a field name.
pub enum FieldStep<'a> {
    Attr(&'a [u32]),
    Index(usize),
    Key(&'a [u32]),
}

/// The steps after a field name's first part, parsed one at a time so that
/// a malformed later step is reported only after earlier lookups ran.
pub struct FieldSteps<'a> {
    name: &'a [u32],
    i: usize,
}

impl<'a> FieldSteps<'a> {
    /// Resumes at index `i` of the whole field name.
    pub fn at(name: &'a [u32], i: usize) -> Self {
        FieldSteps { name, i }
    }

    pub fn pos(&self) -> usize {
        self.i
    }

    pub fn next_step(&mut self) -> PyResult<Option<FieldStep<'a>>> {
        let name = self.name;
        let mut i = self.i;
        if i >= name.len() {
            return Ok(None);
        }
        let c = name[i];
        i += 1;
        let step = if c == '.' as u32 {
            let start = i;
            while i < name.len() && name[i] != '.' as u32 && name[i] != '[' as u32 {
                i += 1;
            }
            FieldStep::Attr(&name[start..i])
        } else if c == '[' as u32 {
            let start = i;
            while i < name.len() && name[i] != ']' as u32 {
                i += 1;
            }
            if i >= name.len() {
                crate::bail!(ValueError, "Missing ']' in format string");
            }
            i += 1;
            let part = &name[start..i - 1];
            match field_integer(part)? {
                Some(n) => FieldStep::Index(n),
                None => FieldStep::Key(part),
            }
        } else {
            crate::bail!(ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        };
        self.i = i;
        if matches!(step, FieldStep::Attr(p) | FieldStep::Key(p) if p.is_empty()) {
            crate::bail!(ValueError, "Empty attribute in format string");
        }
        Ok(Some(step))
    }
}

/// Splits a field name into its first part and the steps after it.
pub fn split_field_name(name: &[u32]) -> (&[u32], FieldSteps<'_>) {
    let first_end = name.iter().position(|&c| c == '.' as u32 || c == '[' as u32).unwrap_or(name.len());
    (&name[..first_end], FieldSteps { name, i: first_end })
}

fn build(t: &[u32], args: Option<&[Obj]>, kwargs: Option<&Obj>, depth: u32, auto: &mut AutoNumber, out: &mut Vec<u32>) -> PyResult<()> {
    if depth == 0 {
        crate::bail!(ValueError, "Max string recursion exceeded");
    }
    let mut it = MarkupIter::new(t);
    while let Some(m) = it.next_markup()? {
        out.extend_from_slice(m.literal);
        if let Some(f) = m.field {
            render_field(&f, args, kwargs, depth, auto, out)?;
        }
    }
    Ok(())
}

/// The object a field name designates.
fn field_object(name: &[u32], args: Option<&[Obj]>, kwargs: Option<&Obj>, auto: &mut AutoNumber) -> PyResult<Obj> {
    let (first, mut steps) = split_field_name(name);
    let mut index = field_integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if *auto == AutoNumber::Init {
            *auto = if empty { AutoNumber::Auto(0) } else { AutoNumber::Manual };
        }
        match (*auto, empty) {
            (AutoNumber::Manual, true) => crate::bail!(
                ValueError,
                "cannot switch from manual field specification to automatic field numbering"
            ),
            (AutoNumber::Auto(_), false) => crate::bail!(
                ValueError,
                "cannot switch from automatic field numbering to manual field specification"
            ),
            (AutoNumber::Auto(n), true) => {
                index = Some(n);
                *auto = AutoNumber::Auto(n + 1);
            }
            _ => {}
        }
    }
    let mut obj = match index {
        None => {
            let key = pystr::from_code_points(first);
            match kwargs {
                None => return Err(crate::errors::raise_with(crate::types::exceptions::KeyError(), &[key])),
                Some(k) => crate::ops::seq::getitem(k, &key)?,
            }
        }
        Some(i) => match args {
            None => crate::bail!(ValueError, "Format string contains positional fields"),
            Some(a) => match a.get(i) {
                Some(v) => v.clone(),
                None => crate::bail!(IndexError, "Replacement index {} out of range for positional args tuple", i),
            },
        },
    };
    while let Some(step) = steps.next_step()? {
        obj = match step {
            FieldStep::Attr(a) => crate::ops::attr::getattr(&obj, &pystr::from_code_points(a))?,
            FieldStep::Key(k) => crate::ops::seq::getitem(&obj, &pystr::from_code_points(k))?,
            FieldStep::Index(i) => crate::ops::seq::getitem(&obj, &int::from_usize(i))?,
        };
    }
    Ok(obj)
}

fn render_field(f: &Field, args: Option<&[Obj]>, kwargs: Option<&Obj>, depth: u32, auto: &mut AutoNumber, out: &mut Vec<u32>) -> PyResult<()> {
    let r = field_str(f, args, kwargs, depth, auto)?;
    out.extend(pystr::chars(&r));
    Ok(())
}

/// A field's formatted value.
fn field_str(f: &Field, args: Option<&[Obj]>, kwargs: Option<&Obj>, depth: u32, auto: &mut AutoNumber) -> PyResult<Obj> {
    let obj = field_object(f.name, args, kwargs, auto)?;
    let obj = match f.conversion {
        None => obj,
        Some(c) if c == 'r' as u32 => crate::ops::repr(&obj)?,
        Some(c) if c == 's' as u32 => crate::ops::str_of(&obj)?,
        Some(c) if c == 'a' as u32 => crate::builtins::ascii_of(&obj)?,
        Some(c) if c > 32 && c < 127 => crate::bail!(ValueError, "Unknown conversion specifier {}", c as u8 as char),
        Some(c) => crate::bail!(ValueError, "Unknown conversion specifier \\x{:x}", c),
    };
    let spec = if f.spec_nested {
        let mut v = Vec::new();
        build(f.spec, args, kwargs, depth - 1, auto, &mut v)?;
        pystr::from_code_points(&v)
    } else {
        pystr::from_code_points(f.spec)
    };
    crate::ops::format(&obj, &spec)
}
