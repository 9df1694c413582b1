//! The bytes `code.co_code` shows Python, and the facts the `opcode` module
//! gives `dis` to read them. CPython 3.11's `dis` walks 2-byte code units
//! (opcode byte, argument byte), takes higher argument bits from EXTENDED_ARG
//! prefixes and skips an instruction's inline caches by a per-opcode count.
//! A krait word is 4 bytes, i.e. two code units, so each word is shown as
//! exactly two units — `EXTENDED_ARG (arg >> 8)`, then `opcode (arg & 0xff)`
//! — and each inline cache word as two CACHE units. Offsets therefore stay
//! those of krait's words (4 bytes each), which co_linetable and
//! co_exceptiontable already use. Jump arguments (absolute word indices)
//! are shown as code-unit indices, which `dis` reads as absolute jumps.

use crate::opcode::{decode, Opcode};

/// Opcode byte of the argument-prefix unit. No krait opcode uses it.
pub const EXTENDED_ARG: u8 = 144;
/// Opcode byte of the units standing for inline cache words.
pub const CACHE: u8 = 255;
/// Opcodes below this ignore their argument (dis shows None for them).
pub const HAVE_ARGUMENT: u8 = 3;
/// Code units per krait word.
pub const UNITS_PER_WORD: u32 = 2;

/// Whether the instruction's argument is an absolute jump target.
pub fn is_jump(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        JUMP_FORWARD | JUMP_BACKWARD | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE
            | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP | FOR_ITER | SEND
    )
}

/// Whether the argument indexes co_consts.
pub fn has_const(op: Opcode) -> bool {
    matches!(op, Opcode::LOAD_CONST | Opcode::KW_NAMES)
}

/// Whether the argument indexes co_names (LOAD_GLOBAL's shifted by one).
pub fn has_name(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        LOAD_NAME | STORE_NAME | DELETE_NAME | LOAD_GLOBAL | STORE_GLOBAL | DELETE_GLOBAL | LOAD_ATTR | STORE_ATTR
            | DELETE_ATTR | LOAD_METHOD | IMPORT_NAME | IMPORT_FROM
    )
}

/// Whether the argument indexes the local variables (co_varnames part of
/// the fast locals).
pub fn has_local(op: Opcode) -> bool {
    matches!(op, Opcode::LOAD_FAST | Opcode::STORE_FAST | Opcode::DELETE_FAST)
}

/// Whether the argument indexes cell and free variables in the fast locals.
pub fn has_free(op: Opcode) -> bool {
    use Opcode::*;
    matches!(op, MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF)
}

/// The 2-byte code units of `words` as described above. An argument wider
/// than 16 bits (only 24-bit arguments, which no CPython-shaped prefix of
/// one unit can carry) keeps its low 16 bits.
pub fn code_units(words: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len() * 4);
    let mut i = 0;
    while i < words.len() {
        let (b, arg) = decode(words[i]);
        let Some(op) = Opcode::from_u8(b) else {
            out.extend_from_slice(&[EXTENDED_ARG, (arg >> 8) as u8, b, arg as u8]);
            i += 1;
            continue;
        };
        let arg = if is_jump(op) { arg * UNITS_PER_WORD } else { arg };
        out.extend_from_slice(&[EXTENDED_ARG, (arg >> 8) as u8, b, arg as u8]);
        for _ in 0..op.cache_entries() {
            out.extend_from_slice(&[CACHE, 0, CACHE, 0]);
        }
        i += 1 + op.cache_entries();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::encode;

    #[test]
    fn prefix_and_cache_bytes_are_free() {
        assert!(Opcode::from_u8(EXTENDED_ARG).is_none());
        assert!(Opcode::from_u8(CACHE).is_none());
    }

    #[test]
    fn words_become_two_units() {
        let w = [encode(Opcode::LOAD_CONST, 300), encode(Opcode::BINARY_OP, 0), 0, encode(Opcode::JUMP_BACKWARD, 0)];
        let u = code_units(&w);
        assert_eq!(u.len(), w.len() * 4);
        assert_eq!(&u[0..4], &[EXTENDED_ARG, 1, Opcode::LOAD_CONST as u8, 44]);
        assert_eq!(&u[8..12], &[CACHE, 0, CACHE, 0]);
        assert_eq!(&u[12..16], &[EXTENDED_ARG, 0, Opcode::JUMP_BACKWARD as u8, 0]);
    }
}
