//! `_ast`: the node classes of Python's abstract syntax tree (`nodes.rs`,
//! with the class table generated into `table.rs`).

pub mod nodes;
mod table;

use krait_runtime::types::module;
use krait_runtime::{Obj, PyResult};

pub fn create() -> PyResult<Obj> {
    let m = module::new("_ast")?;
    nodes::add_to(&module::dict_of(&m))?;
    Ok(m)
}
