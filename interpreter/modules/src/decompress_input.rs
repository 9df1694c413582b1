//! The input bookkeeping `_bz2` and `_lzma` decompressors share, as
//! CPython 3.11's: input a `max_length`-limited call could not consume is
//! kept for the next call, data past the end of the stream becomes
//! `unused_data`, and `needs_input` says whether more input is wanted.

use krait_runtime::object::{Obj, PyObject};
use krait_runtime::types::bytes;

pub struct DecompressInput {
    pub eof: bool,
    pub needs_input: bool,
    pub unused_data: Obj,
    /// Input taken but not yet consumed (when output was limited).
    pending: Vec<u8>,
}

impl DecompressInput {
    pub fn new() -> Self {
        DecompressInput { eof: false, needs_input: true, unused_data: bytes::new(&[]), pending: Vec::new() }
    }

    /// The input of this call: what an earlier call left, then `data`.
    pub fn take(&mut self, data: &[u8]) -> Vec<u8> {
        let mut input = std::mem::take(&mut self.pending);
        input.extend_from_slice(data);
        input
    }

    /// After a call that consumed `input[..pos]` (and set `eof` if the
    /// stream ended): the rest is unused data or pending input.
    /// `more_output` is true when the decoder may still hold output without
    /// further input.
    pub fn settle(&mut self, input: &[u8], pos: usize, more_output: bool) {
        if self.eof {
            self.needs_input = false;
            if pos < input.len() {
                self.unused_data = bytes::new(&input[pos..]);
            }
        } else if pos == input.len() {
            self.needs_input = !more_output;
        } else {
            self.needs_input = false;
            self.pending = input[pos..].to_vec();
        }
    }

    /// The object the collector must see.
    pub fn refs(&self, out: &mut Vec<*mut PyObject>) {
        crate::native::push(out, &self.unused_data);
    }
}
