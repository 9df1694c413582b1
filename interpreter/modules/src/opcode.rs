//! `opcode` and `_opcode`: krait's instruction set as the stdlib's `dis`
//! (and modulefinder, inspect, ...) read it. A builtin `opcode` module
//! takes precedence over Lib/opcode.py, which describes CPython's
//! instructions; every table here is built from `krait_bytecode`'s opcode
//! table, and co_code shows krait's words in the shape these tables
//! describe (see `krait_bytecode::pyview`).

use krait_bytecode::pyview::{self, CACHE, EXTENDED_ARG, HAVE_ARGUMENT, UNITS_PER_WORD};
use krait_bytecode::{BinaryOp, CompareOp, Opcode};
use krait_runtime::types::builtin_func::{add_functions, method, parse_args, MethodSpec};
use krait_runtime::types::{dict, int, list, module, none, str as pystr, tuple};
use krait_runtime::{bail, Obj, PyResult};

/// The name of every byte the view can hold, `<n>` for unused ones.
fn name_of(b: u8) -> String {
    match b {
        EXTENDED_ARG => "EXTENDED_ARG".into(),
        CACHE => "CACHE".into(),
        _ => Opcode::from_u8(b).map(|o| o.name().to_string()).unwrap_or_else(|| format!("<{b}>")),
    }
}

fn int_list(v: impl IntoIterator<Item = u8>) -> Obj {
    list::from_vec(v.into_iter().map(|b| int::from_i64(b as i64)).collect())
}

fn ops_where(f: fn(Opcode) -> bool) -> Obj {
    int_list(Opcode::ALL.iter().copied().filter(|&o| f(o)).map(|o| o as u8))
}

/// `NB_*` name of a BINARY_OP operation (the variant name in CPython's spelling).
fn nb_name(op: BinaryOp) -> String {
    let mut s = String::from("NB");
    for c in format!("{op:?}").chars() {
        if c.is_ascii_uppercase() {
            s.push('_');
        }
        s.push(c.to_ascii_uppercase());
    }
    s
}

/// Inline-cache code units after an opcode byte's instruction unit.
fn cache_units(b: u8) -> u32 {
    Opcode::from_u8(b).map(|o| o.cache_entries() as u32 * UNITS_PER_WORD).unwrap_or(0)
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)` over the compiler's
/// own stack-effect table (the one its stack-depth analysis uses).
fn f_stack_effect(_m: &Obj, a: &[Obj], k: Option<&Obj>) -> PyResult<Obj> {
    let v = parse_args("stack_effect", a, k, &["opcode", "oparg", "jump"], 1, 2)?;
    let code = int::as_i64(v[0].as_ref().unwrap());
    let oparg = v[1].as_ref().filter(|o| !none::is_none(o));
    let Some(op) = code.and_then(|c| u8::try_from(c).ok()).and_then(Opcode::from_u8) else {
        bail!(ValueError, "invalid opcode or oparg");
    };
    let arg = match oparg {
        Some(o) if (op as u8) < HAVE_ARGUMENT => {
            let _ = o;
            bail!(ValueError, "stack_effect: opcode does not permit oparg but oparg was specified")
        }
        Some(o) => match int::as_i64(o) {
            Some(x) => x,
            None => bail!(TypeError, "'{}' object cannot be interpreted as an integer", o.ty().name()),
        },
        None if (op as u8) >= HAVE_ARGUMENT => {
            bail!(ValueError, "stack_effect: opcode requires oparg but oparg was not specified")
        }
        None => 0,
    };
    let Ok(arg) = u32::try_from(arg) else { bail!(ValueError, "invalid opcode or oparg") };
    let (fall, jump) = krait_compiler::stack_effect(op, arg);
    let r = match v[2].as_ref().filter(|o| !none::is_none(o)) {
        None => fall.max(jump),
        Some(j) if krait_runtime::ops::truthy(j)? => jump,
        Some(_) => fall,
    };
    Ok(int::from_i64(r as i64))
}

fn functions() -> Vec<MethodSpec> {
    vec![method("stack_effect", f_stack_effect)]
}

/// `_opcode`: stack_effect and the specialization statistics (krait keeps none).
pub fn create_private() -> PyResult<Obj> {
    let m = module::new("_opcode")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    Ok(m)
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("opcode")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &functions())?;
    let set = |k: &str, v: Obj| dict::set_item_str(&d, k, &v);
    let all = [
        "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree", "opname", "opmap",
        "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect",
    ];
    set("__all__", list::from_vec(all.iter().map(|s| pystr::new(s)).collect()))?;
    set("cmp_op", tuple::new(&(0..6).map(|i| pystr::new(CompareOp::from_u32(i).unwrap().symbol())).collect::<Vec<_>>()))?;
    let opname: Vec<Obj> = (0..=255u8).map(|b| pystr::new(&name_of(b))).collect();
    set("opname", list::from_vec(opname))?;
    let opmap = dict::new();
    for b in 0..=255u8 {
        let n = name_of(b);
        if !n.starts_with('<') {
            dict::set_item_str(&opmap, &n, &int::from_i64(b as i64))?;
        }
    }
    set("opmap", opmap)?;
    set("hasconst", ops_where(pyview::has_const))?;
    set("hasname", ops_where(pyview::has_name))?;
    // Krait's jumps are absolute: none is relative.
    set("hasjrel", int_list([]))?;
    set("hasjabs", ops_where(pyview::is_jump))?;
    set("haslocal", ops_where(pyview::has_local))?;
    set("hascompare", ops_where(|o| o == Opcode::COMPARE_OP))?;
    set("hasfree", ops_where(pyview::has_free))?;
    set("hasnargs", int_list([]))?;
    set("HAVE_ARGUMENT", int::from_i64(HAVE_ARGUMENT as i64))?;
    set("EXTENDED_ARG", int::from_i64(EXTENDED_ARG as i64))?;
    let nb: Vec<Obj> = (0..=25)
        .map(|i| {
            let op = BinaryOp::from_u32(i).unwrap();
            tuple::new(&[pystr::new(&nb_name(op)), pystr::new(op.symbol())])
        })
        .collect();
    set("_nb_ops", list::from_vec(nb))?;
    // Krait's co_code never shows specialized instructions.
    set("_specializations", dict::new())?;
    set("_specialized_instructions", list::new())?;
    let stats = ["success", "failure", "hit", "deferred", "miss", "deopt"];
    set("_specialization_stats", list::from_vec(stats.iter().map(|s| pystr::new(s)).collect()))?;
    set("_inline_cache_entries", list::from_vec((0..=255u8).map(|b| int::from_i64(cache_units(b) as i64)).collect()))?;
    let fmt = dict::new();
    for &o in Opcode::ALL {
        let n = cache_units(o as u8);
        if n > 0 {
            let f = dict::new();
            dict::set_item_str(&f, "cache", &int::from_i64(n as i64))?;
            dict::set_item_str(&fmt, o.name(), &f)?;
        }
    }
    set("_cache_format", fmt)?;
    Ok(m)
}
