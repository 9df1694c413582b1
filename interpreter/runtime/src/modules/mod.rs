//! Builtin modules written in Rust.

pub mod sys;
pub mod warnings;
