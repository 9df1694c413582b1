//! Maximum value-stack depth of a code body, by flow analysis over its
//! instructions and exception handlers.

use krait_bytecode::{decode, ExceptionEntry, Opcode};

/// (effect when falling through, effect when jumping) of an instruction.
pub fn effect(op: Opcode, arg: u32) -> (i32, i32) {
    use Opcode::*;
    let a = arg as i32;
    match op {
        NOP | RESUME | MAKE_CELL | COPY_FREE_VARS | KW_NAMES | JUMP_FORWARD | JUMP_BACKWARD | SWAP | UNARY_POSITIVE
        | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | GET_ITER | LOAD_ATTR | GET_YIELD_FROM_ITER | GET_AWAITABLE | GET_AITER
        | LIST_TO_TUPLE | CALL_INTRINSIC_1 | ASYNC_GEN_WRAP | SETUP_ANNOTATIONS | DELETE_FAST
        | DELETE_DEREF | DELETE_NAME | DELETE_GLOBAL => (0, 0),
        POP_TOP | STORE_FAST | STORE_DEREF | STORE_NAME | STORE_GLOBAL | DELETE_ATTR | LIST_APPEND | SET_ADD | LIST_EXTEND
        | SET_UPDATE | DICT_UPDATE | DICT_MERGE | IMPORT_STAR | PRINT_EXPR | POP_EXCEPT | BINARY_OP | COMPARE_OP | IS_OP
        | CONTAINS_OP | BINARY_SUBSCR | RETURN_VALUE => (-1, -1),
        PUSH_NULL | COPY | LOAD_CONST | LOAD_FAST | LOAD_CLOSURE | LOAD_DEREF | LOAD_CLASSDEREF | LOAD_NAME
        | LOAD_ASSERTION_ERROR | LOAD_BUILD_CLASS | GET_ANEXT | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS
        | IMPORT_FROM | BEFORE_WITH | BEFORE_ASYNC_WITH | WITH_EXCEPT_START | PUSH_EXC_INFO | LOAD_METHOD => (1, 1),
        LOAD_GLOBAL => (1 + (a & 1), 1 + (a & 1)),
        STORE_ATTR => (-2, -2),
        STORE_SUBSCR => (-3, -3),
        DELETE_SUBSCR => (-2, -2),
        BUILD_SLICE => (1 - a, 1 - a),
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => (1 - a, 1 - a),
        BUILD_MAP => (1 - 2 * a, 1 - 2 * a),
        BUILD_CONST_KEY_MAP => (-a, -a),
        MAP_ADD => (-2, -2),
        UNPACK_SEQUENCE => (a - 1, a - 1),
        UNPACK_EX => ((a & 0xff) + (a >> 8), (a & 0xff) + (a >> 8)),
        FORMAT_VALUE => (if a & 4 != 0 { -1 } else { 0 }, 0),
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => (-1, -1),
        JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => (-1, 0),
        FOR_ITER => (1, -1),
        RAISE_VARARGS => (-a, -a),
        RERAISE => (-1, -1),
        CHECK_EXC_MATCH => (0, 0),
        CHECK_EG_MATCH => (0, 0),
        PREP_RERAISE_STAR => (-1, -1),
        MAKE_FUNCTION => (-((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)), 0),
        IMPORT_NAME => (-1, -1),
        YIELD_VALUE => (0, 0),
        SEND => (0, -1),
        END_ASYNC_FOR => (-2, -2),
        MATCH_CLASS => (-2, -2),
        CALL => (-(a + 1), -(a + 1)),
        CALL_FUNCTION_EX => (-(2 + (a & 1)), 0),
    }
}

fn is_jump(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        JUMP_FORWARD | JUMP_BACKWARD | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE
            | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP | FOR_ITER | SEND
    )
}

fn ends_flow(op: Opcode) -> bool {
    use Opcode::*;
    matches!(op, JUMP_FORWARD | JUMP_BACKWARD | RETURN_VALUE | RAISE_VARARGS | RERAISE)
}

pub fn max_depth(code: &[u32], table: &[ExceptionEntry]) -> u32 {
    let n = code.len();
    let mut depth_at: Vec<i32> = vec![-1; n + 1];
    let mut work = vec![(0usize, 0i32)];
    for e in table {
        work.push((e.target as usize, e.depth as i32 + 1 + e.push_lasti as i32));
    }
    let mut max = 0i32;
    while let Some((mut i, mut d)) = work.pop() {
        loop {
            if i >= n || depth_at[i] >= d {
                break;
            }
            depth_at[i] = d;
            max = max.max(d);
            let (opb, arg) = decode(code[i]);
            let op = match Opcode::from_u8(opb) {
                Some(o) => o,
                None => break,
            };
            let (fall, jmp) = effect(op, arg);
            if is_jump(op) {
                let t = arg as usize;
                work.push((t, (d + jmp).max(0)));
                max = max.max(d + jmp);
            }
            if ends_flow(op) {
                break;
            }
            d = (d + fall).max(0);
            max = max.max(d);
            i += 1 + op.cache_entries();
        }
    }
    max as u32
}
