//! The `_csv` module under `csv.py`: the `Dialect` type that validates
//! formatting options, the `reader` (a character-at-a-time state machine
//! over the lines of any iterable of str) and the `writer` (fields joined,
//! quoted and escaped by the dialect, written with the file's `write`),
//! the dialect registry and the field size limit, all with CPython 3.11's
//! messages.
//!
//! Characters are handled as code points, so any str (NUL included, as in
//! 3.11) passes through unchanged.

use crate::native::{self, State};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyErr, PyResult};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::ops;
use krait_runtime::types::builtin_func::{add_functions, method, method_table, MethodSpec};
use krait_runtime::types::getset::{getset_table, GetSetSpec};
use krait_runtime::types::{bool_, complex, dict, exceptions, float, int, list, module, none, str as pystr, tuple, type_};
use std::sync::atomic::{AtomicI64, Ordering};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

static ERROR: crate::Keep = crate::Keep::new();
static DIALECTS: crate::Keep = crate::Keep::new();
/// The largest field the reader accepts (`field_size_limit`), 128 KiB by default.
static FIELD_LIMIT: AtomicI64 = AtomicI64::new(128 * 1024);

static mut DIALECT_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut READER_TYPE: PyTypeObject = PyTypeObject::EMPTY;
static mut WRITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

fn csv_error(msg: impl AsRef<str>) -> PyErr {
    errors::raise(type_::as_type(&ERROR.get().expect("_csv.Error")), msg)
}

fn dialects() -> PyResult<Obj> {
    DIALECTS.get_or_init(|| Ok(dict::new()))
}

// ---------------------------------------------------------------------------
// Dialect.

#[derive(Clone)]
struct Dialect {
    delimiter: u32,
    doublequote: bool,
    escapechar: Option<u32>,
    lineterminator: Obj,
    quotechar: Option<u32>,
    quoting: i64,
    skipinitialspace: bool,
    strict: bool,
}

impl State for Dialect {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.lineterminator);
    }
}

fn dialect_state(o: &Obj) -> PyResult<&mut Dialect> {
    match native::state::<Dialect>(o) {
        Some(d) => Ok(d),
        None => bail!(ValueError, "uninitialised _csv.Dialect"),
    }
}

const DIALECT_KWS: [&str; 9] =
    ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

fn set_bool(src: Option<&Obj>, dflt: bool) -> PyResult<bool> {
    match src {
        None => Ok(dflt),
        Some(o) => ops::truthy(o),
    }
}

/// A one-character option; `None` is allowed (meaning unset) unless the
/// option is the delimiter.
fn set_char(name: &str, src: Option<&Obj>, dflt: Option<u32>, none_ok: bool) -> PyResult<Option<u32>> {
    let Some(o) = src else { return Ok(dflt) };
    if none_ok && none::is_none(o) {
        return Ok(None);
    }
    if !pystr::is_str(o) {
        if none_ok {
            bail!(TypeError, "\"{}\" must be string or None, not {}", name, o.ty().name());
        }
        bail!(TypeError, "\"{}\" must be string, not {}", name, o.ty().name());
    }
    if pystr::len(o) != 1 {
        bail!(TypeError, "\"{}\" must be a 1-character string", name);
    }
    Ok(Some(pystr::char_at(o, 0)))
}

fn dialect_from_options(opts: &[Option<Obj>]) -> PyResult<Dialect> {
    let [_, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = opts else {
        unreachable!("nine dialect options")
    };
    let delimiter = set_char("delimiter", delimiter.as_ref(), Some(',' as u32), false)?;
    let doublequote = set_bool(doublequote.as_ref(), true)?;
    let escapechar = set_char("escapechar", escapechar.as_ref(), None, true)?;
    let lineterminator = match lineterminator {
        None => Some(pystr::new("\r\n")),
        Some(o) if none::is_none(o) => None,
        Some(o) if pystr::is_str(o) => Some(o.clone()),
        Some(_) => bail!(TypeError, "\"lineterminator\" must be a string"),
    };
    let quotechar_given_none = quotechar.as_ref().is_some_and(none::is_none);
    let quotechar = set_char("quotechar", quotechar.as_ref(), Some('"' as u32), true)?;
    let mut quoting_v = match quoting {
        None => QUOTE_MINIMAL,
        Some(o) => {
            if !int::is_exact_int(o) {
                bail!(TypeError, "\"quoting\" must be an integer");
            }
            match int::as_i64(o).filter(|v| i32::try_from(*v).is_ok()) {
                Some(v) => v,
                None => bail!(OverflowError, "Python int too large to convert to C int"),
            }
        }
    };
    let skipinitialspace = set_bool(skipinitialspace.as_ref(), false)?;
    let strict = set_bool(strict.as_ref(), false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting_v) {
        bail!(TypeError, "bad \"quoting\" value");
    }
    let Some(delimiter) = delimiter else { bail!(TypeError, "\"delimiter\" must be a 1-character string") };
    if quotechar_given_none && quoting.is_none() {
        quoting_v = QUOTE_NONE;
    }
    if quoting_v != QUOTE_NONE && quotechar.is_none() {
        bail!(TypeError, "quotechar must be set if quoting enabled");
    }
    let Some(lineterminator) = lineterminator else { bail!(TypeError, "lineterminator must be set") };
    Ok(Dialect { delimiter, doublequote, escapechar, lineterminator, quotechar, quoting: quoting_v, skipinitialspace, strict })
}

/// The nine options from a dialect argument and keyword overrides.
fn options(dialect: Option<Obj>, kw: &[(String, Obj)], npos: usize) -> PyResult<Vec<Option<Obj>>> {
    let mut opts: Vec<Option<Obj>> = vec![None; DIALECT_KWS.len()];
    opts[0] = dialect;
    for (name, v) in kw {
        match DIALECT_KWS.iter().position(|k| k == name) {
            Some(i) if opts[i].is_none() => opts[i] = Some(v.clone()),
            Some(i) => bail!(TypeError, "argument for function given by name ('{}') and position ({})", name, i.min(npos) + 1),
            None => bail!(TypeError, "'{}' is an invalid keyword argument for this function", name),
        }
    }
    Ok(opts)
}

/// `_csv.Dialect(dialect=None, **options)`: a registered name or any
/// object with the option attributes, overridden by the keywords. A
/// Dialect instance with no overrides is returned as it is.
fn make_dialect(t: *mut PyTypeObject, mut opts: Vec<Option<Obj>>) -> PyResult<Obj> {
    let mut base = opts[0].take();
    if let Some(d) = &base {
        if pystr::is_str(d) {
            base = Some(registered(d)?);
        }
    }
    if let Some(d) = &base {
        if type_::is_subtype(d.type_ptr(), &raw mut DIALECT_TYPE) && opts.iter().all(Option::is_none) {
            return Ok(d.clone());
        }
        for (i, name) in DIALECT_KWS.iter().enumerate().skip(1) {
            if opts[i].is_none() {
                // Missing attributes fall back to the defaults, as in CPython.
                opts[i] = ops::attr::getattr_str(d, name).ok();
            }
        }
        errors::clear();
    }
    let state = dialect_from_options(&opts)?;
    native::alloc(t, state)
}

fn registered(name: &Obj) -> PyResult<Obj> {
    match dict::get_item(&dialects()?, name)? {
        Some(d) => Ok(d),
        None => Err(csv_error("unknown dialect")),
    }
}

/// Splits vectorcall arguments into positionals and (name, value) keywords.
fn split_args(args: &[Obj], kwnames: Option<&Obj>) -> (Vec<Obj>, Vec<(String, Obj)>) {
    let names: Vec<String> = kwnames.map(|k| tuple::items(k).iter().map(pystr::to_string_lossy).collect()).unwrap_or_default();
    let npos = args.len() - names.len();
    let kw = names.into_iter().zip(args[npos..].iter().cloned()).collect();
    (args[..npos].to_vec(), kw)
}

fn dict_pairs(kw: Option<&Obj>) -> Vec<(String, Obj)> {
    match kw {
        Some(d) => dict::keys_vec(d)
            .into_iter()
            .filter_map(|k| dict::get_item(d, &k).ok().flatten().map(|v| (pystr::to_string_lossy(&k), v)))
            .collect(),
        None => Vec::new(),
    }
}

fn dialect_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let pos = tuple::items(args);
    let kws = dict_pairs(kw);
    if pos.len() + kws.len() > DIALECT_KWS.len() {
        bail!(TypeError, "function takes at most {} arguments ({} given)", DIALECT_KWS.len(), pos.len() + kws.len());
    }
    let mut opts = options(None, &kws, pos.len())?;
    for (i, v) in pos.iter().enumerate() {
        if opts[i].is_some() {
            bail!(TypeError, "argument for function given by name ('{}') and position ({})", DIALECT_KWS[i], i + 1);
        }
        opts[i] = Some(v.clone());
    }
    make_dialect(t, opts)
}
krait_runtime::new_slot!(dialect_new_slot => dialect_new);

fn char_or_none(c: Option<u32>) -> Obj {
    match c {
        Some(c) => pystr::from_char(c),
        None => none::none(),
    }
}

fn get_delimiter(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::from_char(dialect_state(o)?.delimiter))
}
fn get_escapechar(o: &Obj) -> PyResult<Obj> {
    Ok(char_or_none(dialect_state(o)?.escapechar))
}
fn get_quotechar(o: &Obj) -> PyResult<Obj> {
    Ok(char_or_none(dialect_state(o)?.quotechar))
}
fn get_lineterminator(o: &Obj) -> PyResult<Obj> {
    Ok(dialect_state(o)?.lineterminator.clone())
}
fn get_quoting(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(dialect_state(o)?.quoting))
}
fn get_doublequote(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(dialect_state(o)?.doublequote))
}
fn get_skipinitialspace(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(dialect_state(o)?.skipinitialspace))
}
fn get_strict(o: &Obj) -> PyResult<Obj> {
    Ok(bool_::from_bool(dialect_state(o)?.strict))
}

/// The options of a reader or writer: the Dialect object and a copy of its state.
fn resolve_dialect(dialect: Option<Obj>, kw: &[(String, Obj)]) -> PyResult<(Obj, Dialect)> {
    let d = make_dialect(&raw mut DIALECT_TYPE, options(dialect, kw, 1)?)?;
    let s = dialect_state(&d)?.clone();
    Ok((d, s))
}

// ---------------------------------------------------------------------------
// Reader.

#[derive(Clone, Copy, PartialEq)]
enum ParseState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct Reader {
    input: Obj,
    dialect_obj: Obj,
    d: Dialect,
    fields: Vec<Obj>,
    state: ParseState,
    field: Vec<u32>,
    numeric_field: bool,
    line_num: u64,
}

impl State for Reader {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.input);
        native::push(out, &self.dialect_obj);
        native::push(out, &self.d.lineterminator);
        for f in &self.fields {
            native::push(out, f);
        }
    }
}

/// The character fed to the parser at the end of each line.
const EOL: u32 = u32::MAX;
const LF: u32 = '\n' as u32;
const CR: u32 = '\r' as u32;

impl Reader {
    fn save_field(&mut self) -> PyResult<()> {
        let s = pystr::from_code_points(&self.field);
        self.field.clear();
        let v = if self.numeric_field {
            self.numeric_field = false;
            float::number_float(&s)?
        } else {
            s
        };
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, c: u32) -> PyResult<()> {
        let limit = FIELD_LIMIT.load(Ordering::Relaxed);
        if self.field.len() as i64 >= limit {
            return Err(csv_error(format!("field larger than field limit ({})", limit)));
        }
        self.field.push(c);
        Ok(())
    }

    fn is_quote(&self, c: u32) -> bool {
        self.d.quoting != QUOTE_NONE && Some(c) == self.d.quotechar
    }

    /// The end of a field at a line end or a newline character.
    fn end_line(&mut self, c: u32) -> PyResult<()> {
        self.save_field()?;
        self.state = if c == EOL { ParseState::StartRecord } else { ParseState::EatCrnl };
        Ok(())
    }

    fn process(&mut self, mut c: u32) -> PyResult<()> {
        use ParseState::*;
        let is_nl = c == LF || c == CR;
        match self.state {
            StartRecord => {
                if c == EOL {
                    // An empty line: the record is [].
                } else if is_nl {
                    self.state = EatCrnl;
                } else {
                    self.state = StartField;
                    return self.process(c);
                }
            }
            StartField => {
                if is_nl || c == EOL {
                    self.end_line(c)?;
                } else if self.is_quote(c) {
                    self.state = InQuotedField;
                } else if Some(c) == self.d.escapechar {
                    self.state = EscapedChar;
                } else if c == ' ' as u32 && self.d.skipinitialspace {
                    // Spaces at the start of a field are skipped.
                } else if c == self.d.delimiter {
                    self.save_field()?;
                } else {
                    if self.d.quoting == QUOTE_NONNUMERIC {
                        self.numeric_field = true;
                    }
                    self.add_char(c)?;
                    self.state = InField;
                }
            }
            EscapedChar => {
                if is_nl {
                    self.add_char(c)?;
                    self.state = AfterEscapedCrnl;
                } else {
                    if c == EOL {
                        c = LF;
                    }
                    self.add_char(c)?;
                    self.state = InField;
                }
            }
            AfterEscapedCrnl | InField => {
                if self.state == AfterEscapedCrnl && c == EOL {
                    return Ok(());
                }
                if is_nl || c == EOL {
                    self.end_line(c)?;
                } else if Some(c) == self.d.escapechar {
                    self.state = EscapedChar;
                } else if c == self.d.delimiter {
                    self.save_field()?;
                    self.state = StartField;
                } else {
                    self.add_char(c)?;
                    self.state = InField;
                }
            }
            InQuotedField => {
                if c == EOL {
                    // A quoted field goes on over the next line.
                } else if Some(c) == self.d.escapechar {
                    self.state = EscapeInQuotedField;
                } else if self.is_quote(c) {
                    self.state = if self.d.doublequote { QuoteInQuotedField } else { InField };
                } else {
                    self.add_char(c)?;
                }
            }
            EscapeInQuotedField => {
                if c == EOL {
                    c = LF;
                }
                self.add_char(c)?;
                self.state = InQuotedField;
            }
            QuoteInQuotedField => {
                if self.is_quote(c) {
                    self.add_char(c)?;
                    self.state = InQuotedField;
                } else if c == self.d.delimiter {
                    self.save_field()?;
                    self.state = StartField;
                } else if is_nl || c == EOL {
                    self.end_line(c)?;
                } else if !self.d.strict {
                    self.add_char(c)?;
                    self.state = InField;
                } else {
                    let q = self.d.quotechar.and_then(char::from_u32).unwrap_or('"');
                    let dl = char::from_u32(self.d.delimiter).unwrap_or(',');
                    return Err(csv_error(format!("'{}' expected after '{}'", dl, q)));
                }
            }
            EatCrnl => {
                if is_nl {
                } else if c == EOL {
                    self.state = StartRecord;
                } else {
                    return Err(csv_error(
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            }
        }
        Ok(())
    }
}

fn reader_state(o: &Obj) -> PyResult<&mut Reader> {
    match native::state::<Reader>(o) {
        Some(r) => Ok(r),
        None => bail!(ValueError, "uninitialised _csv.reader"),
    }
}

fn reader_next(o: &Obj) -> PyResult<Option<Obj>> {
    {
        let r = reader_state(o)?;
        r.fields.clear();
        r.field.clear();
        r.numeric_field = false;
        r.state = ParseState::StartRecord;
    }
    loop {
        let input = reader_state(o)?.input.clone();
        let Some(line) = ops::next(&input)? else {
            let r = reader_state(o)?;
            if !r.field.is_empty() || r.state == ParseState::InQuotedField {
                if r.d.strict {
                    return Err(csv_error("unexpected end of data"));
                }
                r.save_field()?;
                break;
            }
            return Ok(None);
        };
        if !pystr::is_str(&line) {
            return Err(csv_error(format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                line.ty().name()
            )));
        }
        let r = reader_state(o)?;
        r.line_num += 1;
        for c in pystr::chars(&line) {
            r.process(c)?;
        }
        r.process(EOL)?;
        if r.state == ParseState::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut reader_state(o)?.fields);
    Ok(Some(list::from_vec(fields)))
}
crate::iternext!(reader_next_slot => reader_next);

fn get_reader_dialect(o: &Obj) -> PyResult<Obj> {
    Ok(reader_state(o)?.dialect_obj.clone())
}
fn get_line_num(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(reader_state(o)?.line_num as i64))
}

/// `reader()` and `writer()` take one or two positionals, unpacked
/// without a function name as CPython's PyArg_UnpackTuple(args, "", 1, 2).
fn one_or_two(pos: &[Obj]) -> PyResult<(Obj, Option<Obj>)> {
    match pos {
        [] => bail!(TypeError, " expected at least 1 argument, got 0"),
        [a] => Ok((a.clone(), None)),
        [a, b] => Ok((a.clone(), Some(b.clone()))),
        _ => bail!(TypeError, " expected at most 2 arguments, got {}", pos.len()),
    }
}

fn csv_reader(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let (pos, kw) = split_args(args, kwnames);
    let (iterable, dialect) = one_or_two(&pos)?;
    let input = ops::iter(&iterable)?;
    let (dialect_obj, d) = resolve_dialect(dialect, &kw)?;
    let r = Reader {
        input,
        dialect_obj,
        d,
        fields: Vec::new(),
        state: ParseState::StartRecord,
        field: Vec::new(),
        numeric_field: false,
        line_num: 0,
    };
    native::alloc(&raw mut READER_TYPE, r)
}

// ---------------------------------------------------------------------------
// Writer.

struct Writer {
    write: Obj,
    dialect_obj: Obj,
    d: Dialect,
}

impl State for Writer {
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        native::push(out, &self.write);
        native::push(out, &self.dialect_obj);
        native::push(out, &self.d.lineterminator);
    }
}

fn writer_state(o: &Obj) -> PyResult<&mut Writer> {
    match native::state::<Writer>(o) {
        Some(w) => Ok(w),
        None => bail!(ValueError, "uninitialised _csv.writer"),
    }
}

/// PyNumber_Check: what QUOTE_NONNUMERIC leaves unquoted.
fn is_number(o: &Obj) -> bool {
    let nb = o.ty().tp_as_number;
    let slots = !nb.is_null() && unsafe { (*nb).nb_index.is_some() || (*nb).nb_int.is_some() || (*nb).nb_float.is_some() };
    slots || complex::is_complex(o)
}

/// Appends one field to `rec`, quoting it when the dialect asks or when a
/// special character forces it, escaping what must be escaped.
fn join_field(d: &Dialect, lineterm: &[u32], rec: &mut Vec<u32>, first: bool, field: &[u32], mut quoted: bool) -> PyResult<()> {
    let mut body: Vec<u32> = Vec::with_capacity(field.len() + 2);
    for &c in field {
        let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || lineterm.contains(&c);
        if special {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                match d.escapechar {
                    Some(e) => body.push(e),
                    None => return Err(csv_error("need to escape, but no escapechar set")),
                }
            }
        }
        body.push(c);
    }
    if !first {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.filter(|_| quoted);
    rec.extend(q);
    rec.extend_from_slice(&body);
    rec.extend(q);
    Ok(())
}

fn writer_writerow(o: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("writerow", args, kwnames, 1, 1)?;
    let row = &args[0];
    let it = match ops::iter(row) {
        Ok(it) => it,
        Err(e) => {
            if errors::matches(exceptions::TypeError()) {
                errors::clear();
                return Err(csv_error(format!("iterable expected, not {}", row.ty().name())));
            }
            return Err(e);
        }
    };
    let w = writer_state(o)?;
    let d = w.d.clone();
    let write = w.write.clone();
    let lineterm = pystr::code_points(&d.lineterminator);
    let mut rec: Vec<u32> = Vec::new();
    let mut nfields = 0usize;
    while let Some(field) = ops::next(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text: Vec<u32> = if pystr::is_str(&field) {
            pystr::code_points(&field)
        } else if none::is_none(&field) {
            Vec::new()
        } else {
            pystr::code_points(&ops::str_of(&field)?)
        };
        join_field(&d, &lineterm, &mut rec, nfields == 0, &text, quoted)?;
        nfields += 1;
    }
    if nfields == 1 && rec.is_empty() {
        // A lone empty field must be written quoted, or the line would read back as [].
        if d.quoting == QUOTE_NONE {
            return Err(csv_error("single empty field record must be quoted"));
        }
        join_field(&d, &lineterm, &mut rec, true, &[], true)?;
    }
    rec.extend_from_slice(&lineterm);
    ops::call::call(&write, &[pystr::from_code_points(&rec)], None)
}

fn writer_writerows(o: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("writerows", args, kwnames, 1, 1)?;
    let it = ops::iter(&args[0])?;
    while let Some(row) = ops::next(&it)? {
        writer_writerow(o, &[row], None)?;
    }
    Ok(none::none())
}

fn get_writer_dialect(o: &Obj) -> PyResult<Obj> {
    Ok(writer_state(o)?.dialect_obj.clone())
}

fn csv_writer(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let (pos, kw) = split_args(args, kwnames);
    let (file, dialect) = one_or_two(&pos)?;
    let write = match ops::attr::getattr_opt(&file, &pystr::intern_static("write"))? {
        Some(w) if krait_runtime::builtins::is_callable(&w) => w,
        _ => bail!(TypeError, "argument 1 must have a \"write\" method"),
    };
    let (dialect_obj, d) = resolve_dialect(dialect, &kw)?;
    native::alloc(&raw mut WRITER_TYPE, Writer { write, dialect_obj, d })
}

// ---------------------------------------------------------------------------
// Registry and limit.

fn csv_register_dialect(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let (pos, kw) = split_args(args, kwnames);
    let (name, dialect) = match pos.as_slice() {
        [] => bail!(TypeError, "register_dialect() expected at least 1 argument, got 0"),
        [n] => (n.clone(), None),
        [n, d] => (n.clone(), Some(d.clone())),
        _ => bail!(TypeError, "register_dialect() expected at most 2 arguments, got {}", pos.len()),
    };
    if !pystr::is_str(&name) {
        bail!(TypeError, "dialect name must be a string");
    }
    let d = make_dialect(&raw mut DIALECT_TYPE, options(dialect, &kw, 1)?)?;
    dict::set_item(&dialects()?, &name, &d)?;
    Ok(none::none())
}

fn csv_unregister_dialect(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("unregister_dialect", args, kwnames, &["name"], 0, 1, 1)?;
    let name = a[0].clone().unwrap();
    if !dict::del_item_opt(&dialects()?, &name)? {
        return Err(csv_error("unknown dialect"));
    }
    Ok(none::none())
}

fn csv_get_dialect(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let a = crate::clinic_args("get_dialect", args, kwnames, &["name"], 0, 1, 1)?;
    registered(a[0].as_ref().unwrap())
}

fn csv_list_dialects(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    krait_runtime::types::builtin_func::check_nargs("list_dialects", args, kwnames, 0, 0)?;
    Ok(list::from_vec(dict::keys_vec(&dialects()?)))
}

fn csv_field_size_limit(_m: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    if args.len() > 1 {
        bail!(TypeError, "field_size_limit() takes at most 1 argument ({} given)", args.len());
    }
    let a = crate::clinic_args("field_size_limit", args, kwnames, &["new_limit"], 0, 0, 1)?;
    let old = FIELD_LIMIT.load(Ordering::Relaxed);
    if let Some(v) = &a[0] {
        if !int::is_int(v) {
            bail!(TypeError, "limit must be an integer");
        }
        match int::as_i64(v) {
            Some(n) => FIELD_LIMIT.store(n, Ordering::Relaxed),
            None => bail!(OverflowError, "Python int too large to convert to C long"),
        }
    }
    Ok(int::from_i64(old))
}

// ---------------------------------------------------------------------------
// Module.

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut DIALECT_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Dialect>(t, "_csv.Dialect", true);
        (*t).tp_doc = krait_runtime::types::builtin_func::cstr(
            "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
        );
        (*t).tp_new = Some(dialect_new_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("delimiter", get_delimiter),
            GetSetSpec::get("escapechar", get_escapechar),
            GetSetSpec::get("lineterminator", get_lineterminator),
            GetSetSpec::get("quotechar", get_quotechar),
            GetSetSpec::get("quoting", get_quoting),
            GetSetSpec::get("doublequote", get_doublequote),
            GetSetSpec::get("skipinitialspace", get_skipinitialspace),
            GetSetSpec::get("strict", get_strict),
        ]);
        native::ready(t)?;

        let t = &raw mut READER_TYPE;
        native::init_type::<Reader>(t, "_csv.reader", true);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_iter = Some(krait_runtime::types::iter::self_iter);
        (*t).tp_iternext = Some(reader_next_slot);
        (*t).tp_getset = getset_table(&[
            GetSetSpec::get("dialect", get_reader_dialect),
            GetSetSpec::get("line_num", get_line_num),
        ]);
        native::ready(t)?;

        let t = &raw mut WRITER_TYPE;
        native::init_type::<Writer>(t, "_csv.writer", true);
        (*t).tp_flags |= tpflags::DISALLOW_INSTANTIATION;
        (*t).tp_methods = method_table(&[method("writerow", writer_writerow), method("writerows", writer_writerows)]);
        (*t).tp_getset = getset_table(&[GetSetSpec::get("dialect", get_writer_dialect)]);
        native::ready(t)?;
    }
    Ok(())
}

const FUNCTIONS: &[MethodSpec] = &[
    method("reader", csv_reader),
    method("writer", csv_writer),
    method("register_dialect", csv_register_dialect),
    method("unregister_dialect", csv_unregister_dialect),
    method("get_dialect", csv_get_dialect),
    method("list_dialects", csv_list_dialects),
    method("field_size_limit", csv_field_size_limit),
];

const DOC: &str = "Reading and writing of comma-separated values: the native half of the csv
module. reader() turns an iterable of lines into lists of fields, writer()
formats rows onto a file-like object's write(); both take a dialect (a
registered name, or an object with the formatting attributes) and keyword
overrides (delimiter, quotechar, escapechar, doublequote, skipinitialspace,
lineterminator, quoting, strict). The quoting constants are QUOTE_MINIMAL,
QUOTE_ALL, QUOTE_NONNUMERIC and QUOTE_NONE.
";

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_csv")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__doc__", &pystr::new(DOC))?;
    dict::set_item_str(&d, "__version__", &pystr::new("1.0"))?;
    add_functions(&d, &m, FUNCTIONS)?;
    let err = ERROR.get_or_init(|| crate::new_exception_type("_csv.Error", exceptions::Exception()))?;
    dict::set_item_str(&d, "Error", &err)?;
    dict::set_item_str(&d, "_dialects", &dialects()?)?;
    dict::set_item_str(&d, "Dialect", &type_::type_obj(&raw mut DIALECT_TYPE))?;
    dict::set_item_str(&d, "Reader", &type_::type_obj(&raw mut READER_TYPE))?;
    dict::set_item_str(&d, "Writer", &type_::type_obj(&raw mut WRITER_TYPE))?;
    for (name, v) in [("QUOTE_MINIMAL", QUOTE_MINIMAL), ("QUOTE_ALL", QUOTE_ALL), ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC), ("QUOTE_NONE", QUOTE_NONE)] {
        dict::set_item_str(&d, name, &int::from_i64(v))?;
    }
    Ok(m)
}
