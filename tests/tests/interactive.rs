//! The interactive loop (`-i`, and a bare interpreter reading a terminal),
//! against CPython 3.11: the same session piped to both gives the same
//! prompts, values, tracebacks and exit status. The first line (the
//! version banner) and object addresses are the only differences allowed.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `args` with `input` on stdin; stdout and stderr merged as the
/// child wrote them.
fn session(interp: &std::path::Path, args: &[&str], input: &str) -> (String, i32) {
    let (r, w) = pipe();
    let mut child = Command::new(interp)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONINSPECT")
        .stdin(Stdio::piped())
        .stdout(w.try_clone().expect("dup"))
        .stderr(w)
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let status = child.wait().expect("wait");
    let mut out = String::new();
    std::io::Read::read_to_string(&mut std::fs::File::from(r), &mut out).expect("read");
    (normalize(&out), status.code().unwrap_or(-1))
}

/// One pipe for both output streams, so their interleaving is kept.
fn pipe() -> (std::os::fd::OwnedFd, std::fs::File) {
    let mut fds = [0; 2];
    // SAFETY: pipe() fills the two descriptors, which we then own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    use std::os::fd::FromRawFd;
    unsafe { (std::os::fd::OwnedFd::from_raw_fd(fds[0]), std::fs::File::from_raw_fd(fds[1])) }
}

/// Without the banner's version line and with addresses blanked.
fn normalize(s: &str) -> String {
    let mut out = String::new();
    for piece in s.split_inclusive('\n') {
        let (line, newline) = match piece.strip_suffix('\n') {
            Some(l) => (l, "\n"),
            None => (piece, ""),
        };
        if line.starts_with("Python 3.11") && line.ends_with(" on linux") {
            continue;
        }
        let mut l = String::new();
        let mut rest = line;
        while let Some(i) = rest.find(" at 0x") {
            l.push_str(&rest[..i + 6]);
            rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
            l.push_str("ADDR");
        }
        l.push_str(rest);
        out.push_str(&l);
        out.push_str(newline);
    }
    out
}

fn check(args: &[&str], input: &str) {
    let krait = krait_tests::find_krait().unwrap_or_else(|e| panic!("{e}"));
    let cpython = krait_tests::find_cpython().unwrap_or_else(|e| panic!("{e}"));
    let expected = session(&cpython, args, input);
    let actual = session(&krait, args, input);
    assert_eq!(actual, expected, "\n--- CPython ---\n{}\n--- krait ---\n{}", expected.0, actual.0);
}

const SESSION: &str = r#"x = 6 * 7
x
_ + 1
if x:
    print("block")

for i in range(3):
    i

# a comment
1/0
import sys; sys.last_type.__name__
def f():
    print(0)
    return yield 42
"""two
lines"""
@staticmethod
def g(): pass

g.__func__.__name__
class C:
    def __repr__(self): return 'C()'

C()
ascii("\xe9")
print("end")
"#;

#[test]
fn session_with_dash_i() {
    check(&["-i"], SESSION);
}

#[test]
fn session_ends_with_system_exit() {
    check(&["-i"], "print('before')\nraise SystemExit(7)\nprint('never')\n");
}

#[test]
fn session_after_a_program() {
    check(&["-i", "-c", "x = 1; y = [x]"], "x, y\nprint(__name__)\n");
    check(&["-i", "-c", "import sys; sys.exit(3)"], "print('still here')\n");
    check(&["-i", "-c", "1/0"], "print('after the error')\n");
}

#[test]
fn input_ends_inside_a_statement() {
    check(&["-i"], "for i in range(2):\n    print(i)");
    check(&["-i"], "x = (1,\n");
}

#[test]
fn quiet_and_display_encoding() {
    check(&["-q", "-i"], "'\\udc80'\n'\u{e9}'\n");
}
