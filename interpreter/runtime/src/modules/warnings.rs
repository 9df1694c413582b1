//! Warnings issued from Rust, with CPython's default filters until the
//! `warnings`/`_warnings` modules land: DeprecationWarning,
//! PendingDeprecationWarning, ImportWarning and ResourceWarning are ignored
//! unless triggered in `__main__` (DeprecationWarning only); every other
//! warning prints once per (message, category, location).

use crate::errors::PyResult;
use crate::object::PyTypeObject;
use crate::types::exceptions as exc;
use crate::types::type_::is_subtype;
use std::collections::HashSet;
use std::sync::Mutex;

static SEEN: Mutex<Option<HashSet<(String, usize, String, u32)>>> = Mutex::new(None);

pub fn warn(category: *mut PyTypeObject, msg: &str, _stacklevel: usize) -> PyResult<()> {
    let (filename, lineno, module) = match crate::eval::current_frame() {
        Some(f) => {
            let fr = crate::eval::frame::frame_mut(&f);
            let c = crate::types::code::code(fr.code_obj());
            let filename = crate::types::str::to_string_lossy(unsafe { crate::object::Obj::borrow_slot(&c.filename) });
            let line = crate::eval::frame::line_of(&f);
            let g = unsafe { crate::object::Obj::borrow_slot(&fr.globals) };
            let module = crate::types::dict::get_item_str(g, "__name__")?
                .map(|n| crate::types::str::to_string_lossy(&n))
                .unwrap_or_default();
            (filename, line, module)
        }
        None => ("sys".to_owned(), 1, String::new()),
    };
    let ignored_always = [exc::PendingDeprecationWarning(), exc::ImportWarning(), exc::ResourceWarning()];
    if ignored_always.iter().any(|t| is_subtype(category, *t)) {
        return Ok(());
    }
    if is_subtype(category, exc::DeprecationWarning()) && module != "__main__" {
        return Ok(());
    }
    let key = (msg.to_owned(), category as usize, filename.clone(), lineno);
    {
        let mut g = SEEN.lock().unwrap();
        let set = g.get_or_insert_with(HashSet::new);
        if !set.insert(key) {
            return Ok(());
        }
    }
    let name = unsafe { (*category).name().to_owned() };
    crate::modules::sys::write_stderr(&format!("{}:{}: {}: {}\n", filename, lineno, name, msg));
    Ok(())
}
