//! Assigning `frame.f_lineno` from a trace function (a debugger's "jump"),
//! with CPython 3.11's rules: only from a 'line' event, to a line that
//! starts some instruction, and only where the value stack is compatible.
//! Each instruction's stack is described by the kinds of its entries
//! (iterator, exception, object, null, saved offset), found by flow
//! analysis; a jump may drop entries, never conjure them.

use super::frame::{self, state};
use crate::errors::PyResult;
use crate::object::Obj;
use crate::types::{code, int};
use krait_bytecode::{decode, Opcode};

const ITERATOR: u64 = 1;
const EXCEPT: u64 = 2;
const OBJECT: u64 = 3;
const NULL: u64 = 4;
const LASTI: u64 = 5;
const BITS: u32 = 3;
const MAX_DEPTH: u32 = 64 / BITS - 1;

/// A stack as CPython encodes it: kinds packed 3 bits each, top lowest.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Stack {
    /// The instruction is never reached from the start (handlers' code
    /// before their entry is found, dead code).
    Uninitialized,
    Overflowed,
    Kinds(u64),
}

fn depth(mut s: u64) -> u32 {
    let mut d = 0;
    while s != 0 {
        s >>= BITS;
        d += 1;
    }
    d
}

fn push(s: Stack, kind: u64) -> Stack {
    match s {
        Stack::Kinds(k) if depth(k) < MAX_DEPTH => Stack::Kinds((k << BITS) | kind),
        Stack::Kinds(_) | Stack::Overflowed => Stack::Overflowed,
        Stack::Uninitialized => Stack::Uninitialized,
    }
}

fn pop(s: Stack) -> Stack {
    match s {
        Stack::Kinds(k) => Stack::Kinds(k >> BITS),
        other => other,
    }
}

fn top(k: u64) -> u64 {
    k & ((1 << BITS) - 1)
}

fn peek(k: u64, n: u32) -> u64 {
    top(k >> (BITS * (n - 1)))
}

fn swap(s: Stack, n: u32) -> Stack {
    match s {
        Stack::Kinds(k) if n >= 2 => {
            let a = top(k);
            let b = peek(k, n);
            let shift = BITS * (n - 1);
            let mask: u64 = (1 << BITS) - 1;
            let k = (k & !mask & !(mask << shift)) | b | (a << shift);
            Stack::Kinds(k)
        }
        other => other,
    }
}

/// The stack before each instruction word of the code.
fn mark_stacks(code_obj: &Obj) -> Vec<Stack> {
    let data = code::data(code_obj);
    let words = &data.words;
    let n = words.len();
    let mut stacks = vec![Stack::Uninitialized; n + 1];
    stacks[0] = Stack::Kinds(0);
    let mut todo = true;
    while todo {
        todo = false;
        let mut i = 0;
        while i < n {
            let (opb, arg) = decode(words[i]);
            let Some(op) = Opcode::from_u8(opb) else { break };
            let next = i + 1 + op.cache_entries();
            let s = stacks[i];
            if s == Stack::Uninitialized {
                i = next;
                continue;
            }
            let set = |j: usize, v: Stack, stacks: &mut Vec<Stack>, todo: &mut bool| {
                if j < stacks.len() {
                    if stacks[j] == Stack::Uninitialized && j < i {
                        *todo = true;
                    }
                    stacks[j] = v;
                }
            };
            let a = arg as usize;
            use Opcode::*;
            match op {
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                    let after = pop(s);
                    set(a, after, &mut stacks, &mut todo);
                    set(next, after, &mut stacks, &mut todo);
                }
                JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                    set(a, s, &mut stacks, &mut todo);
                    set(next, pop(s), &mut stacks, &mut todo);
                }
                JUMP_FORWARD | JUMP_BACKWARD => set(a, s, &mut stacks, &mut todo),
                GET_ITER | GET_AITER => set(next, push(pop(s), ITERATOR), &mut stacks, &mut todo),
                FOR_ITER => {
                    set(next, push(s, OBJECT), &mut stacks, &mut todo);
                    set(a, pop(s), &mut stacks, &mut todo);
                }
                SEND => {
                    set(next, s, &mut stacks, &mut todo);
                    set(a, pop(s), &mut stacks, &mut todo);
                }
                END_ASYNC_FOR => set(next, pop(pop(s)), &mut stacks, &mut todo),
                RETURN_VALUE | RAISE_VARARGS | RERAISE => {}
                PUSH_NULL => set(next, push(s, NULL), &mut stacks, &mut todo),
                // An except body holds the saved and the current exception:
                // no jump may enter it, leaving it restores the saved one.
                PUSH_EXC_INFO => set(next, push(push(pop(s), EXCEPT), EXCEPT), &mut stacks, &mut todo),
                LOAD_GLOBAL => {
                    let mut t = s;
                    if arg & 1 != 0 {
                        t = push(t, NULL);
                    }
                    set(next, push(t, OBJECT), &mut stacks, &mut todo);
                }
                LOAD_METHOD => set(next, push(push(pop(s), NULL), OBJECT), &mut stacks, &mut todo),
                CALL => {
                    let mut t = s;
                    for _ in 0..a + 2 {
                        t = pop(t);
                    }
                    set(next, push(t, OBJECT), &mut stacks, &mut todo);
                }
                SWAP => set(next, swap(s, arg), &mut stacks, &mut todo),
                COPY => {
                    let t = match s {
                        Stack::Kinds(k) if arg >= 1 => push(s, peek(k, arg)),
                        other => other,
                    };
                    set(next, t, &mut stacks, &mut todo);
                }
                _ => {
                    let (d, _) = krait_compiler::stack_effect(op, arg);
                    let mut t = s;
                    for _ in d..0 {
                        t = pop(t);
                    }
                    for _ in 0..d.max(0) {
                        t = push(t, OBJECT);
                    }
                    set(next, t, &mut stacks, &mut todo);
                }
            }
            i = next;
        }
        // Handlers: the stack of their protected range cut to their depth,
        // then the saved offset and the exception.
        for e in &data.exception_table {
            let start = e.start as usize;
            let target = e.target as usize;
            if start < n && target < n {
                if let Stack::Kinds(k) = stacks[start] {
                    if stacks[target] == Stack::Uninitialized {
                        todo = true;
                        let mut k = k;
                        while depth(k) > e.depth {
                            k >>= BITS;
                        }
                        let mut t = Stack::Kinds(k);
                        if e.push_lasti {
                            t = push(t, LASTI);
                        }
                        stacks[target] = push(t, EXCEPT);
                    }
                }
            }
        }
    }
    stacks
}

fn compatible_kind(from: u64, to: u64) -> bool {
    if to == 0 {
        return false;
    }
    if to == OBJECT {
        return from != NULL;
    }
    if to == NULL {
        return true;
    }
    from == to
}

fn compatible_stack(from: Stack, to: Stack) -> bool {
    let (Stack::Kinds(mut f), Stack::Kinds(mut t)) = (from, to) else { return false };
    while depth(f) > depth(t) {
        f >>= BITS;
    }
    while f != 0 {
        if !compatible_kind(top(f), top(t)) {
            return false;
        }
        f >>= BITS;
        t >>= BITS;
    }
    t == 0
}

fn explain_incompatible(to: Stack) -> &'static str {
    match to {
        Stack::Overflowed => "stack is too deep to analyze",
        Stack::Uninitialized => "can't jump into an exception handler, or code may be unreachable",
        Stack::Kinds(k) => match top(k) {
            EXCEPT => "can't jump into an 'except' block as there's no exception",
            LASTI => "can't jump into a re-raising block as there's no location",
            ITERATOR => "can't jump into the body of a for loop",
            _ => "incompatible stacks",
        },
    }
}

/// The line starting at each instruction word (0 where none starts).
fn line_starts(code_obj: &Obj) -> Vec<u32> {
    let data = code::data(code_obj);
    let mut out = vec![0; data.words.len()];
    let mut last = 0;
    let mut i = 0;
    while i < data.words.len() {
        let line = data.locations.get().get(i).map(|l| l.line).unwrap_or(0);
        if line != 0 && line != last {
            out[i] = line;
            last = line;
        }
        let op = Opcode::from_u8(decode(data.words[i]).0);
        i += 1 + op.map(|o| o.cache_entries()).unwrap_or(0);
    }
    out
}

pub fn set_lineno(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else {
        crate::bail!(AttributeError, "cannot delete f_lineno attribute");
    };
    if !int::is_exact_int(v) {
        crate::bail!(ValueError, "lineno must be an integer");
    }
    let fr = frame::frame_mut(o);
    match crate::threadstate::tstate().py.tracing_what {
        super::trace::WHAT_LINE => {}
        super::trace::WHAT_CALL => crate::bail!(ValueError, "can't jump from the 'call' trace event of a new frame"),
        _ => crate::bail!(ValueError, "can only jump from a 'line' trace event"),
    }
    if fr.f_trace.is_null() || fr.state != state::EXECUTING {
        crate::bail!(ValueError, "f_lineno can only be set by a trace function");
    }
    let new_line = match int::as_i64(v) {
        Some(l) if l >= i32::MIN as i64 && l <= i32::MAX as i64 => l,
        _ => crate::bail!(ValueError, "lineno out of range"),
    };
    let code_obj = fr.code_obj().clone();
    let first = code::code(&code_obj).firstlineno as i64;
    if new_line < first {
        crate::bail!(ValueError, "line {} comes before the current code block", new_line);
    }
    let lines = line_starts(&code_obj);
    let target_line = lines.iter().filter(|&&l| l as i64 >= new_line).min().copied();
    let Some(target_line) = target_line else {
        crate::bail!(ValueError, "line {} comes after the current code block", new_line);
    };
    let stacks = mark_stacks(&code_obj);
    let start = stacks[fr.lasti as usize];
    let mut best: Option<(Stack, usize)> = None;
    let mut err: Option<&'static str> = Some("cannot find bytecode for specified line");
    let mut explained = false;
    for (i, &l) in lines.iter().enumerate() {
        if l != target_line {
            continue;
        }
        let target = stacks[i];
        if compatible_stack(start, target) {
            err = None;
            if best.map(|(b, _)| target > b).unwrap_or(true) {
                best = Some((target, i));
            }
        } else if err.is_some() && !explained {
            err = Some(match start {
                Stack::Overflowed => "stack to deep to analyze",
                Stack::Uninitialized => "can't jump from unreachable code",
                _ => {
                    explained = true;
                    explain_incompatible(target)
                }
            });
        }
    }
    if let Some(msg) = err {
        crate::bail!(ValueError, "{}", msg);
    }
    let (best_stack, addr) = best.unwrap();
    let (Stack::Kinds(mut from), Stack::Kinds(to)) = (start, best_stack) else {
        crate::bail!(ValueError, "cannot find bytecode for specified line");
    };
    // Drop what the target does not have; an exception slot restores the
    // handled exception it saved.
    let ts = crate::threadstate::tstate();
    while depth(from) > depth(to) {
        let kind = top(from);
        let v = frame::pop_value(fr);
        if kind == EXCEPT {
            unsafe {
                let info = ts.py.exc_info;
                let old = std::mem::replace(&mut (*info).exc_value, crate::object::opt_into_raw(v.filter(|x| !crate::types::none::is_none(x))));
                crate::object::xdecref(old);
            }
        }
        from >>= BITS;
    }
    fr.jump_to = addr as u32;
    fr.f_lineno = 0;
    Ok(())
}
