//! The `_tokenize` module under Lib/tokenize.py: `TokenizerIter(source)`,
//! an iterator over the tokens of CPython's C tokenizer as 7-tuples
//! `(string, type, lineno, end_lineno, col_offset, end_col_offset, line)`,
//! over krait-compiler's `CTokenizer`. Tokens are made one at a time, so
//! the tokens before an error come out before it is raised.

use crate::native::{self, State};
use krait_compiler::{CToken, CTokenError, CTokenStep, CTokenizer};
use krait_runtime::bail;
use krait_runtime::errors::{self, PyResult};
use krait_runtime::object::{tpflags, Obj, PyObject, PyTypeObject};
use krait_runtime::types::{dict, exceptions, int, module, str as pystr, tuple, type_};

static mut ITER_TYPE: PyTypeObject = PyTypeObject::EMPTY;

const FILENAME: &str = "<string>";

struct Iter {
    tok: CTokenizer,
}

impl State for Iter {
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

fn iter_new(t: *mut PyTypeObject, args: &Obj, kw: Option<&Obj>) -> PyResult<Obj> {
    let pos = tuple::items(args);
    let nkw = kw.map(dict::len).unwrap_or(0);
    if pos.len() + nkw > 1 {
        bail!(TypeError, "tokenizeriter() takes at most 1 argument ({} given)", pos.len() + nkw);
    }
    let source = match (pos.first(), kw) {
        (Some(s), _) => s.clone(),
        (None, Some(k)) => match dict::get_item_str(k, "source")? {
            Some(s) => s,
            None => bail!(TypeError, "tokenizeriter() missing required argument 'source' (pos 1)"),
        },
        (None, None) => bail!(TypeError, "tokenizeriter() missing required argument 'source' (pos 1)"),
    };
    if !pystr::is_str(&source) {
        bail!(TypeError, "tokenizeriter() argument 'source' must be str, not {}", source.ty().name());
    }
    // The C function takes a NUL-terminated UTF-8 string.
    let bytes = krait_runtime::codecs::encode(&source, "utf-8", None)?;
    if bytes.contains(&0) {
        bail!(ValueError, "embedded null character");
    }
    let text = String::from_utf8(bytes).unwrap_or_default();
    native::alloc(t, Iter { tok: CTokenizer::new(&text) })
}
krait_runtime::new_slot!(iter_new_slot => iter_new);

fn syntax_error(e: &CTokenError) -> errors::PyErr {
    let details = tuple::from_vec(vec![
        pystr::new(FILENAME),
        int::from_i64(e.lineno as i64),
        int::from_i64(e.offset),
        pystr::new(&e.text),
        int::from_i64(e.end_lineno as i64),
        int::from_i64(e.end_offset),
    ]);
    errors::raise_with(exceptions::SyntaxError(), &[pystr::new(&e.msg), details])
}

fn token_tuple(t: &CToken) -> Obj {
    tuple::from_vec(vec![
        pystr::new(&t.text),
        int::from_i64(t.kind as i64),
        int::from_i64(t.lineno as i64),
        int::from_i64(t.end_lineno as i64),
        int::from_i64(t.col),
        int::from_i64(t.end_col),
        pystr::new(&t.line),
    ])
}

fn iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    loop {
        let step = match native::state::<Iter>(o) {
            Some(it) => it.tok.next_step(),
            None => bail!(ValueError, "uninitialised _tokenize.TokenizerIter"),
        };
        match step {
            CTokenStep::Token(t) => return Ok(Some(token_tuple(&t))),
            CTokenStep::End => return Ok(None),
            CTokenStep::Error(e) => return Err(syntax_error(&e)),
            CTokenStep::DecodeError(bytes, start, end, reason) => {
                let args = [
                    pystr::new("utf-8"),
                    krait_runtime::types::bytes::new(&bytes),
                    int::from_i64(start as i64),
                    int::from_i64(end as i64),
                    pystr::new(reason),
                ];
                return Err(errors::raise_with(exceptions::UnicodeDecodeError(), &args));
            }
            CTokenStep::Warning(msg, lineno, as_error) => {
                // A SyntaxWarning filtered into an error becomes the SyntaxError it stands for.
                if let Err(e) = krait_runtime::modules::warnings::warn_explicit(exceptions::SyntaxWarning(), &msg, FILENAME, lineno as u32) {
                    if let Some(it) = native::state::<Iter>(o) {
                        it.tok.abort();
                    }
                    if errors::matches(exceptions::SyntaxWarning()) {
                        errors::clear();
                        return Err(syntax_error(&as_error));
                    }
                    return Err(e);
                }
            }
        }
    }
}
crate::iternext!(iter_next_slot => iter_next);

fn init_types() -> PyResult<()> {
    unsafe {
        let t = &raw mut ITER_TYPE;
        if (*t).tp_flags & tpflags::READY != 0 {
            return Ok(());
        }
        native::init_type::<Iter>(t, "_tokenize.TokenizerIter", false);
        (*t).tp_new = Some(iter_new_slot);
        (*t).tp_iter = Some(krait_runtime::types::iter::self_iter);
        (*t).tp_iternext = Some(iter_next_slot);
        native::ready(t)?;
    }
    Ok(())
}

pub fn create() -> PyResult<Obj> {
    init_types()?;
    let m = module::new("_tokenize")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "TokenizerIter", &type_::type_obj(&raw mut ITER_TYPE))?;
    Ok(m)
}
