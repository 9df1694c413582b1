//! The `krait` executable: CPython 3.11's command line.
//!
//! `krait [option] ... [-c cmd | -m mod | file | -] [arg] ...`
//! Exit status as CPython: 0, SystemExit's code, 1 for an uncaught
//! exception, 2 for command-line errors, 120 when flushing stdout fails.

// Our own C `main`: Rust's start-up would reopen closed fds 0-2 on
// /dev/null, and a program started without them must see sys.stdin/
// stdout/stderr as None, as under CPython. (SIGPIPE is ignored later, at
// the same point as CPython does.)
#![cfg_attr(not(test), no_main)]

use krait_runtime::{errors, interp, modules, Obj};
use krait_runtime::types::{dict, exceptions as exc, int, module, none, str as pystr};
use std::io::Read;

mod repl;

#[global_allocator]
static GLOBAL: krait_runtime::object::alloc::RustAllocator = krait_runtime::object::alloc::RustAllocator;

/// The interpreter runs on a thread with a large stack: Python-to-Python
/// calls do not use it, but native re-entries (__repr__, __eq__, ...) do,
/// and deep ones must end in RecursionError, not a crash.
const STACK_SIZE: usize = 1 << 30;

enum Source {
    Command(String),
    Module(String),
    /// A script, directory, zip archive or .pyc (its path as given).
    File(std::ffi::OsString),
    Stdin,
}

struct Options {
    source: Source,
    /// sys.argv, as the OS gave it (decoded with surrogateescape later).
    args: Vec<std::ffi::OsString>,
    optimize: u8,
    quiet: bool,
}


const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `krait -h' for more information.\n";

const HELP: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-B     : don't write .pyc files on import
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables
-h     : print this help message and exit (also -? or --help)
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-X opt : set implementation-specific option
--check-hash-based-pycs always|default|never:
         when hash-based .pyc files are checked against their source
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

const HELP_XOPTIONS: &str = "The -X options krait knows (-X name or -X name=value; others are only
recorded in sys._xoptions):
-X dev                  : development mode: more run-time checks, and warnings
                          shown by default; also PYTHONDEVMODE
-X faulthandler         : on a fatal signal, dump the Python traceback of every
                          thread; also PYTHONFAULTHANDLER
-X int_max_str_digits=N : the most digits an int <-> str conversion may have
                          (0: no limit); also PYTHONINTMAXSTRDIGITS
-X no_debug_ranges      : code objects keep line numbers but no column ranges,
                          so tracebacks show no markers; also PYTHONNODEBUGRANGES
-X pycache_prefix=PATH  : .pyc files go to a tree under PATH instead of
                          __pycache__ directories; also PYTHONPYCACHEPREFIX
-X utf8, -X utf8=0      : turn UTF-8 mode on or off
-X warn_default_encoding: an EncodingWarning whenever open() and friends fall
                          back to the locale's encoding
";

const HELP_ENV: &str = "Environment variables krait reads (none of them under -E or -I):
PYTHONPATH       : directories (separated by ':') searched for modules before
                   the standard library
PYTHONHOME       : the directory holding the standard library, instead of the
                   one recorded when krait was built
PYTHONSTARTUP    : a file run before the first prompt of an interactive session
PYTHONSAFEPATH   : as -P: no unsafe path (the script's directory, the current
                   directory) put first on sys.path
PYTHONOPTIMIZE   : as -O; a number N as N times -O
PYTHONDEBUG      : as -d; a number N as N times -d
PYTHONINSPECT    : as -i, read again when the program ends
PYTHONUNBUFFERED : as -u
PYTHONVERBOSE    : as -v; a number N as N times -v
PYTHONDONTWRITEBYTECODE: as -B
PYTHONNOUSERSITE : as -s
PYTHONHASHSEED   : 'random' (the default), or a number from 0 to 4294967295
                   fixing the hashes of str and bytes (0: no randomization)
PYTHONIOENCODING : ENCODING[:ERRORS] of sys.stdin, sys.stdout and sys.stderr
PYTHONWARNINGS   : as -W, several separated by ','
PYTHONBREAKPOINT : the callable breakpoint() calls ('0' turns it off)
PYTHONDEVMODE    : as -X dev
PYTHONFAULTHANDLER: as -X faulthandler
PYTHONINTMAXSTRDIGITS: as -X int_max_str_digits
PYTHONNODEBUGRANGES: as -X no_debug_ranges
PYTHONPYCACHEPREFIX: as -X pycache_prefix
";

fn parse_args() -> Result<Options, i32> {
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Options are matched on a lossy view; arguments go on as given.
    let argv: Vec<String> = raw.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut i = 1;
    let mut optimize = 0u8;
    let mut quiet = false;
    while i < argv.len() {
        let a = &argv[i];
        if a == "--version" {
            println!("Python 3.11.7");
            return Err(0);
        }
        if a == "--help" || a == "-h" || a == "-?" {
            print!("{}", HELP);
            return Err(0);
        }
        if a == "--help-env" || a == "--help-xoptions" || a == "--help-all" {
            match a.as_str() {
                "--help-env" => print!("{}", HELP_ENV),
                "--help-xoptions" => print!("{}", HELP_XOPTIONS),
                _ => print!("{}\n{}\n{}", HELP, HELP_XOPTIONS, HELP_ENV),
            }
            return Err(0);
        }
        if a == "-" || !a.starts_with('-') {
            break;
        }
        if a == "--" {
            i += 1;
            break;
        }
        if a == "--check-hash-based-pycs" {
            let mode = match argv.get(i + 1).map(String::as_str) {
                Some(m @ ("default" | "always" | "never")) => m,
                Some(_) => {
                    eprint!("--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n{}", USAGE);
                    return Err(2);
                }
                None => {
                    eprint!("Argument expected for the --check-hash-based-pycs options\n{}", USAGE);
                    return Err(2);
                }
            };
            let mode: &'static str = match mode {
                "always" => "always",
                "never" => "never",
                _ => "default",
            };
            let _ = krait_runtime::import::imp::CHECK_HASH_BASED_PYCS.set(mode);
            i += 2;
            continue;
        }
        if a.starts_with("--") {
            eprint!("unknown option {}\n{}", a, USAGE);
            return Err(2);
        }
        // A cluster of single-letter options; -c/-m/-W/-X take a value.
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            match c {
                'c' | 'm' | 'W' | 'X' => {
                    let rest: String = chars[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                eprint!("Argument expected for the -{} option\n{}", c, USAGE);
                                return Err(2);
                            }
                        }
                    };
                    match c {
                        'c' => {
                            let mut args = vec![std::ffi::OsString::from("-c")];
                            args.extend(raw[i + 1..].iter().cloned());
                            return Ok(Options { source: Source::Command(value), args, optimize, quiet });
                        }
                        'm' => {
                            // sys.argv[0] is "-m" until runpy has found the
                            // module and put its path there.
                            let mut args = vec![std::ffi::OsString::from("-m")];
                            args.extend(raw[i + 1..].iter().cloned());
                            return Ok(Options { source: Source::Module(value), args, optimize, quiet });
                        }
                        'W' => modules::sys::WARN_OPTIONS.lock().unwrap().push(value),
                        _ => modules::sys::X_OPTIONS.lock().unwrap().push(value),
                    }
                    j = chars.len();
                    continue;
                }
                'V' => {
                    println!("Python 3.11.7");
                    return Err(0);
                }
                'O' => optimize = optimize.saturating_add(1),
                'q' => {
                    quiet = true;
                    modules::sys::set_flag("quiet", 1)
                }
                'B' | 'd' | 'E' | 'i' | 'I' | 's' | 'S' | 'u' | 'v' | 'b' | 'R' | 'P' => set_letter_flag(c),
                _ => {
                    eprint!("Unknown option: -{}\n{}", c, USAGE);
                    return Err(2);
                }
            }
            j += 1;
        }
        i += 1;
    }
    match argv.get(i) {
        None => Ok(Options { source: Source::Stdin, args: vec![std::ffi::OsString::new()], optimize, quiet }),
        Some(a) if a == "-" => Ok(Options { source: Source::Stdin, args: raw[i..].to_vec(), optimize, quiet }),
        Some(_) => Ok(Options { source: Source::File(raw[i].clone()), args: raw[i..].to_vec(), optimize, quiet }),
    }
}

/// -R: str and bytes hashes are randomized whatever PYTHONHASHSEED says.
static RANDOM_HASH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The hash seed, before anything is hashed: random under -R or without
/// PYTHONHASHSEED (or with "random"), else the number it gives; anything
/// else stops start-up as in CPython. Sets sys.flags.hash_randomization.
fn configure_hash_seed() -> Result<(), i32> {
    let random = RANDOM_HASH.load(std::sync::atomic::Ordering::Relaxed);
    let env = std::env::var_os("PYTHONHASHSEED").filter(|v| !random && !v.is_empty() && modules::sys::flag("ignore_environment") == 0);
    let seed = match env {
        None => None,
        Some(v) if v == "random" => None,
        Some(v) => match v.to_str().and_then(|s| s.parse::<u64>().ok()).filter(|n| *n <= u32::MAX as u64) {
            Some(n) => Some(n as u32),
            None => {
                eprintln!("Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n");
                return Err(1);
            }
        },
    };
    krait_runtime::hash::configure_seed(seed);
    modules::sys::set_flag("hash_randomization", (seed != Some(0)) as i64);
    Ok(())
}

/// Records a single-letter option in `sys.flags`.
fn set_letter_flag(c: char) {
    use modules::sys::{flag, set_flag};
    match c {
        'B' => set_flag("dont_write_bytecode", 1),
        'd' => set_flag("debug", flag("debug") + 1),
        'E' => set_flag("ignore_environment", 1),
        'i' => {
            set_flag("inspect", 1);
            set_flag("interactive", 1)
        }
        'I' => {
            set_flag("isolated", 1);
            set_flag("ignore_environment", 1);
            set_flag("no_user_site", 1);
            set_flag("safe_path", 1)
        }
        's' => set_flag("no_user_site", 1),
        'S' => set_flag("no_site", 1),
        'v' => set_flag("verbose", flag("verbose") + 1),
        'b' => set_flag("bytes_warning", flag("bytes_warning") + 1),
        'P' => set_flag("safe_path", 1),
        'R' => RANDOM_HASH.store(true, std::sync::atomic::Ordering::Relaxed),
        'u' => krait_runtime::modules::stdio::set_unbuffered(true),
        _ => {}
    }
}

/// A `._pth` file beside the program: isolated mode, and no `site` unless
/// the file imports it (its paths become `sys.path` in the bootstrap).
fn apply_pth_file() {
    use modules::sys::set_flag;
    if let Some(pth) = modules::getpath::pth_file() {
        // As CPython, isolated without -I's no_user_site: with `import
        // site` the user site directory is used.
        set_flag("isolated", 1);
        set_flag("ignore_environment", 1);
        set_flag("safe_path", 1);
        set_flag("no_site", (!pth.import_site) as i64);
    }
}

/// PYTHON* variables that set flags (ignored under -E/-I).
fn apply_environment() {
    use modules::sys::{flag, set_flag};
    if flag("ignore_environment") != 0 {
        return;
    }
    let set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
    // A level variable as CPython reads it: a number, or 1 for any other
    // non-empty text.
    let level = |v: &str| std::env::var(v).ok().filter(|x| !x.is_empty()).map(|x| x.trim().parse::<i64>().unwrap_or(1).max(1));
    if let Some(n) = level("PYTHONDEBUG") {
        set_flag("debug", flag("debug").max(n));
    }
    if level("PYTHONINSPECT").is_some() {
        set_flag("inspect", 1);
    }
    if set("PYTHONDEVMODE") {
        set_flag("dev_mode", 1);
    }
    if set("PYTHONDONTWRITEBYTECODE") {
        set_flag("dont_write_bytecode", 1);
    }
    if set("PYTHONNOUSERSITE") {
        set_flag("no_user_site", 1);
    }
    if set("PYTHONUNBUFFERED") {
        krait_runtime::modules::stdio::set_unbuffered(true);
    }
    if set("PYTHONSAFEPATH") {
        set_flag("safe_path", 1);
    }
    if let Some(n) = level("PYTHONVERBOSE") {
        set_flag("verbose", flag("verbose").max(n));
    }
    if let Some(n) = level("PYTHONOPTIMIZE") {
        set_flag("optimize", flag("optimize").max(n));
    }
}

#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn main(_argc: std::os::raw::c_int, _argv: *const *const std::os::raw::c_char) -> std::os::raw::c_int {
    start()
}

fn start() -> ! {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(code) => std::process::exit(code),
    };
    if let Err(code) = configure_hash_seed() {
        std::process::exit(code);
    }
    // Signals go to the interpreter thread: this thread only waits for it,
    // so it blocks them (the new thread starts with the mask it had before).
    let mask = krait_runtime::signals::block_async_signals();
    let child = std::thread::Builder::new()
        .name("krait-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            krait_runtime::signals::restore_mask(&mask);
            run(opts)
        })
        .expect("cannot start the interpreter thread");
    let code = child.join().unwrap_or(1);
    exit(code);
}

fn run(opts: Options) -> i32 {
    krait_runtime::threadstate::init_thread(STACK_SIZE);
    krait_runtime::gil::init_main_thread();
    krait_modules::register_all();
    apply_pth_file();
    apply_environment();
    if let Err(code) = apply_x_flags() {
        return code;
    }
    // sys.flags counts every -O (as CPython); the compiler knows two levels.
    let optimize = opts.optimize.max(modules::sys::flag("optimize").clamp(0, 255) as u8);
    modules::sys::set_flag("optimize", optimize as i64);
    interp::set_optimize_level(optimize.min(2));
    let _ = opts.quiet;
    if let Err(e) = interp::initialize(opts.args.clone()) {
        let v = errors::take(e);
        eprintln!("Fatal Python error: init failed: {}", krait_runtime::traceback_print::format_exception(&v));
        return 1;
    }
    let use_env = modules::sys::flag("ignore_environment") == 0;
    if let Err(e) = krait_runtime::import::bootstrap::install(use_env) {
        let v = errors::take(e);
        eprintln!("Fatal Python error: init_importlib: {}", krait_runtime::traceback_print::format_exception(&v));
        return 1;
    }
    // As CPython's start-up: SIGPIPE and SIGXFSZ ignored, and `_signal`
    // imported, which makes SIGINT raise KeyboardInterrupt.
    krait_runtime::signals::ignore_startup_signals();
    if let Err(e) = krait_runtime::import::import_module_level(&pystr::new("_signal"), None, None, 0) {
        let v = errors::take(e);
        eprintln!("Fatal Python error: init_signals: {}", krait_runtime::traceback_print::format_exception(&v));
        return 1;
    }
    if let Err(e) = modules::stdio::init(use_env) {
        let v = errors::take(e);
        eprintln!("Fatal Python error: init_sys_streams: {}", krait_runtime::traceback_print::format_exception(&v));
        return 1;
    }
    if let Err(e) = apply_warn_and_x_options(use_env) {
        let v = errors::take(e);
        eprintln!("Fatal Python error: init_interp_main: {}", krait_runtime::traceback_print::format_exception(&v));
        return 1;
    }
    // CPython's stdin_is_interactive: a terminal, or -i.
    let interactive = unsafe { libc::isatty(0) } == 1 || modules::sys::flag("interactive") != 0;
    let run_code = !matches!(opts.source, Source::Stdin);
    let code = match import_site().and_then(|_| prepare_path(&opts.source)) {
        Err(e) => handle_exit(e),
        Ok(()) if !run_code && interactive => {
            print_banner(run_code, interactive);
            match main_module(None, None) {
                Ok(g) => {
                    run_startup_file(&g, use_env);
                    run_interactive_hook();
                    repl_exit_code(repl::run(&g))
                }
                Err(e) => handle_exit(e),
            }
        }
        Ok(()) => {
            print_banner(run_code, interactive);
            let result = run_main(&opts.source);
            // -i (or PYTHONINSPECT, read now so the program could set it):
            // the prompt follows the program, however it ended.
            let inspect = modules::sys::flag("inspect") != 0 || (use_env && std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty()));
            match result {
                Ok(()) if inspect && interactive && run_code => repl_after_program(),
                Err(e) if inspect && interactive && run_code => {
                    // Even SystemExit is only reported before the prompt.
                    if errors::matches(exc::SystemExit()) {
                        repl::report(errors::take(e));
                    } else {
                        handle_exit(e);
                    }
                    repl_after_program()
                }
                Ok(()) => 0,
                Err(e) => handle_exit(e),
            }
        }
    };
    // The standard streams are flushed after the atexit callbacks, before
    // the modules are torn down, and again at the very end, as CPython.
    let flush_failed = std::cell::Cell::new(false);
    interp::finalize(|| flush_failed.set(finish(0) != 0));
    let code = finish(code);
    if flush_failed.get() {
        120
    } else {
        code
    }
}

/// The version banner of an interactive session (on the standard error,
/// as CPython's pymain_header: not under -q, and only when no program was
/// given and the input is interactive, unless -v).
fn print_banner(run_code: bool, interactive: bool) {
    if modules::sys::flag("quiet") != 0 || (modules::sys::flag("verbose") == 0 && (run_code || !interactive)) {
        return;
    }
    let attr = |n: &str| modules::sys::get_attr(n).map(|v| pystr::to_string_lossy(&v)).unwrap_or_default();
    let mut text = format!("Python {} on {}\n", attr("version"), attr("platform"));
    if modules::sys::flag("no_site") == 0 {
        text.push_str("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
    }
    modules::sys::write_stderr(&text);
}

/// PYTHONSTARTUP: the file runs in __main__ before the first prompt; its
/// errors are reported and the session goes on.
fn run_startup_file(globals: &Obj, use_env: bool) {
    let Some(path) = std::env::var_os("PYTHONSTARTUP").filter(|p| use_env && !p.is_empty()) else { return };
    let run = || -> krait_runtime::PyResult<()> {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                modules::sys::write_stderr("Could not open PYTHONSTARTUP\n");
                return Err(krait_runtime::types::os_error::from_errno(e.raw_os_error().unwrap_or(libc::EIO), Some(&path.to_string_lossy())));
            }
        };
        let name = path.to_string_lossy().into_owned();
        let text = krait_runtime::compile::decode_source_file(&bytes, &name)?;
        let code = krait_runtime::compile::compile_source(&text, &name, krait_bytecode_mode::EXEC, 0, interp::optimize_level())?;
        krait_runtime::eval::run_code(&code, globals, globals).map(|_| ())
    };
    if let Err(e) = run() {
        repl::report(errors::take(e));
    }
}

/// `sys.__interactivehook__` (site's sets up readline when it can), called
/// once before the first prompt.
fn run_interactive_hook() {
    let Some(hook) = modules::sys::get_attr("__interactivehook__") else { return };
    if let Err(e) = krait_runtime::ops::call::call(&hook, &[], None) {
        modules::sys::write_stderr("Failed calling sys.__interactivehook__\n");
        repl::report(errors::take(e));
    }
}

/// The session after a program under -i, in the program's __main__.
fn repl_after_program() -> i32 {
    let main = dict::get_item_str(&interp::modules(), "__main__").ok().flatten();
    let g = match main.and_then(|m| krait_runtime::ops::attr::getattr(&m, &pystr::new("__dict__")).ok()) {
        Some(g) => g,
        None => {
            errors::clear();
            match main_module(None, None) {
                Ok(g) => g,
                Err(e) => return handle_exit(e),
            }
        }
    };
    run_interactive_hook();
    repl_exit_code(repl::run(&g))
}

/// The exit status a session ends with: 0 at the end of input, or the
/// status of the SystemExit a statement raised.
fn repl_exit_code(end: repl::End) -> i32 {
    match end {
        repl::End::Eof => 0,
        repl::End::Exit(e) => handle_exit(e),
    }
}

/// The sys.flags that -X options (and PYTHONINTMAXSTRDIGITS) set, before
/// sys.flags is built; an invalid digit limit stops start-up as in CPython.
fn apply_x_flags() -> Result<(), i32> {
    let mut digits: Option<(String, &str)> = None;
    if modules::sys::flag("ignore_environment") == 0 {
        if let Ok(v) = std::env::var("PYTHONINTMAXSTRDIGITS") {
            digits = Some((v, "PYTHONINTMAXSTRDIGITS"));
        }
    }
    if modules::sys::flag("ignore_environment") == 0 && std::env::var_os("PYTHONNODEBUGRANGES").is_some_and(|v| !v.is_empty()) {
        krait_runtime::types::code::set_debug_ranges(false);
    }
    for x in modules::sys::X_OPTIONS.lock().unwrap().iter() {
        let (k, v) = x.split_once('=').map_or((x.as_str(), None), |(k, v)| (k, Some(v)));
        match k {
            "dev" => modules::sys::set_flag("dev_mode", 1),
            "utf8" => modules::sys::set_flag("utf8_mode", if v == Some("0") { 0 } else { 1 }),
            "warn_default_encoding" => modules::sys::set_flag("warn_default_encoding", 1),
            "int_max_str_digits" => digits = Some((v.unwrap_or("").to_string(), "-X int_max_str_digits")),
            "no_debug_ranges" => krait_runtime::types::code::set_debug_ranges(false),
            _ => {}
        }
    }
    order_warn_options();
    if let Some((v, what)) = digits {
        match v.trim().parse::<usize>() {
            Ok(n) if n == 0 || n >= 640 => {
                modules::sys::set_flag("int_max_str_digits", n as i64);
                int::MAX_STR_DIGITS.store(n, std::sync::atomic::Ordering::Relaxed);
            }
            _ => {
                eprintln!(
                    "Fatal Python error: config_init_int_max_str_digits: {}: invalid limit; must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized",
                    what
                );
                return Err(1);
            }
        }
    }
    Ok(())
}

/// `sys.warnoptions` in CPython's order (lowest precedence first, as later
/// filters win): the dev-mode filter, PYTHONWARNINGS, the -W options, then
/// the -b filter; sys.create() publishes them with `sys._xoptions`.
fn order_warn_options() {
    use modules::sys::{flag, WARN_OPTIONS};
    let mut opts = Vec::new();
    if flag("dev_mode") != 0 {
        opts.push("default".to_owned());
    }
    if flag("ignore_environment") == 0 {
        if let Ok(v) = std::env::var("PYTHONWARNINGS") {
            opts.extend(v.split(',').filter(|w| !w.is_empty()).map(str::to_owned));
        }
    }
    let mut w = WARN_OPTIONS.lock().unwrap();
    opts.append(&mut w);
    match flag("bytes_warning") {
        0 => {}
        1 => opts.push("default::BytesWarning".to_owned()),
        _ => opts.push("error::BytesWarning".to_owned()),
    }
    *w = opts;
}

/// sys.warnoptions (PYTHONWARNINGS, then -W) and sys._xoptions (-X), and
/// what they switch on at start-up: the warnings module when there are
/// warning options, faulthandler under -X faulthandler/PYTHONFAULTHANDLER.
fn apply_warn_and_x_options(use_env: bool) -> krait_runtime::PyResult<()> {
    let sys = modules::sys::sys_module().expect("sys exists");
    let d = module::dict_of(&sys);
    let mut faulthandler = use_env && std::env::var_os("PYTHONFAULTHANDLER").is_some_and(|v| !v.is_empty());
    // -X pycache_prefix=PATH wins over PYTHONPYCACHEPREFIX; an empty or
    // missing PATH means none.
    let mut prefix = if use_env { std::env::var("PYTHONPYCACHEPREFIX").ok().filter(|p| !p.is_empty()) } else { None };
    for x in modules::sys::X_OPTIONS.lock().unwrap().iter() {
        if x == "faulthandler" || x.starts_with("faulthandler=") {
            faulthandler = true;
        }
        if x == "pycache_prefix" || x.starts_with("pycache_prefix=") {
            prefix = x.split_once('=').map(|(_, v)| v.to_string()).filter(|p| !p.is_empty());
        }
    }
    if let Some(p) = prefix {
        dict::set_item_str(&d, "pycache_prefix", &pystr::new(&p))?;
    }
    if !modules::sys::WARN_OPTIONS.lock().unwrap().is_empty() {
        krait_runtime::import::import_module_level(&pystr::new("warnings"), None, None, 0)?;
    }
    if faulthandler {
        let fh = krait_runtime::import::import_module_level(&pystr::new("faulthandler"), None, None, 0)?;
        krait_runtime::ops::attr::call_method(&fh, "enable", &[])?;
    }
    Ok(())
}

/// Flushes the streams; a failing stdout flush exits with 120 as CPython.
fn finish(code: i32) -> i32 {
    let mut code = code;
    if let Some(out) = modules::sys::get_attr("stdout").filter(|o| !none::is_none(o) && !is_closed(o)) {
        if krait_runtime::ops::attr::call_method(&out, "flush", &[]).is_err() {
            let v = errors::fetch();
            if let Some(v) = v {
                let text = krait_runtime::traceback_print::format_exception(&v);
                modules::sys::write_stderr(&format!(
                    "Exception ignored in: {}\n{}",
                    krait_runtime::ops::repr_string(&out).unwrap_or_default(),
                    text
                ));
            }
            code = 120;
        }
    }
    if let Some(err) = modules::sys::get_attr("stderr").filter(|o| !none::is_none(o) && !is_closed(o)) {
        if krait_runtime::ops::attr::call_method(&err, "flush", &[]).is_err() {
            errors::clear();
        }
    }
    code
}

/// A stream the program closed is not flushed at exit (CPython's
/// file_is_closed); an error asking counts as open.
fn is_closed(o: &Obj) -> bool {
    match krait_runtime::ops::attr::getattr_str(o, "closed") {
        Ok(c) => krait_runtime::ops::truthy(&c).unwrap_or(false),
        Err(_) => {
            errors::clear();
            false
        }
    }
}

/// sys.path[0] as CPython sets it: the script's directory, the current
/// directory for -m, '' for -c and stdin; nothing under -P.
fn prepare_path(source: &Source) -> krait_runtime::PyResult<()> {
    if let Source::File(f) = source {
        if has_importer(f)? {
            // A directory or zip file to run: it goes first on sys.path
            // (absolute, as CPython makes the file name) even with -P, and
            // its __main__ module runs (see run_main).
            let abs = std::path::absolute(f).map(|p| p.into_os_string()).unwrap_or_else(|_| f.clone());
            if let Some(path) = modules::sys::get_attr("path") {
                krait_runtime::ops::attr::call_method(&path, "insert", &[int::from_i64(0), pystr::from_os(&abs)?])?;
            }
            return Ok(());
        }
    }
    if modules::sys::flag("safe_path") != 0 {
        return Ok(());
    }
    let first = match source {
        Source::File(f) => {
            let p = std::path::Path::new(f);
            let real = std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or(p.to_path_buf()));
            real.parent().map(|d| d.as_os_str().to_owned()).unwrap_or_default()
        }
        Source::Module(_) => std::env::current_dir().map(|d| d.into_os_string()).unwrap_or_default(),
        Source::Command(_) | Source::Stdin => std::ffi::OsString::new(),
    };
    if let Some(path) = modules::sys::get_attr("path") {
        krait_runtime::ops::attr::call_method(&path, "insert", &[int::from_i64(0), pystr::from_os(&first)?])?;
    }
    Ok(())
}

/// Whether a path hook takes `path` (a directory, a zip archive), as
/// CPython's PyImport_GetImporter, which also caches what it finds in
/// sys.path_importer_cache. Only directories and files ending in a zip
/// directory record are offered to the hooks, so that running a plain
/// script asks nothing of them.
fn has_importer(path: &std::ffi::OsStr) -> krait_runtime::PyResult<bool> {
    if !std::path::Path::new(path).is_dir() && !ends_like_zip(path) {
        return Ok(false);
    }
    let key = pystr::from_os(path)?;
    let cache = modules::sys::get_attr("path_importer_cache").filter(|c| dict::is_dict(c));
    if let Some(c) = &cache {
        if let Some(i) = dict::get_item(c, &key)? {
            return Ok(!none::is_none(&i));
        }
    }
    let hooks = match modules::sys::get_attr("path_hooks") {
        Some(h) if !none::is_none(&h) => krait_runtime::ops::seq::to_vec(&h)?,
        _ => Vec::new(),
    };
    let mut importer = none::none();
    for hook in hooks {
        match krait_runtime::ops::call::call(&hook, &[key.clone()], None) {
            Ok(i) => {
                importer = i;
                break;
            }
            Err(_) if errors::matches(exc::ImportError()) => errors::clear(),
            Err(e) => return Err(e),
        }
    }
    if let Some(c) = &cache {
        dict::set_item(c, &key, &importer)?;
    }
    Ok(!none::is_none(&importer))
}

/// Whether the file's tail holds a zip end-of-central-directory record.
fn ends_like_zip(path: &std::ffi::OsStr) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    // The record is 22 bytes plus a comment of at most 65535.
    let start = len.saturating_sub(22 + 65535);
    let mut tail = Vec::new();
    if f.seek(SeekFrom::Start(start)).is_err() || f.read_to_end(&mut tail).is_err() {
        return false;
    }
    tail.windows(4).any(|w| w == b"PK\x05\x06")
}

/// `import site` unless -S (site-packages, .pth files, venvs).
fn import_site() -> krait_runtime::PyResult<()> {
    if modules::sys::flag("no_site") != 0 || std::env::var_os("KRAIT_NO_SITE").is_some() {
        return Ok(());
    }
    krait_runtime::import::import_module_level(&pystr::new("site"), None, None, 0).map(|_| ())
}

/// The __main__ module's namespace, as CPython's start-up makes it: an
/// empty `__annotations__`, `__loader__` BuiltinImporter unless the file
/// given is run through importlib's `loader` class (SourceFileLoader or
/// SourcelessFileLoader), and `__file__`/`__cached__` for a file.
fn main_module(file: Option<Obj>, loader: Option<&str>) -> krait_runtime::PyResult<Obj> {
    let m = module::new("__main__")?;
    let d = module::dict_of(&m);
    dict::set_item_str(&d, "__builtins__", &interp::builtins_module())?;
    dict::set_item_str(&d, "__annotations__", &dict::new())?;
    let modules = interp::modules();
    let from_importlib = |module: &str, name: &str| -> krait_runtime::PyResult<Option<Obj>> {
        match dict::get_item_str(&modules, module)? {
            Some(b) => krait_runtime::ops::attr::getattr_opt(&b, &pystr::new(name)),
            None => Ok(None),
        }
    };
    let loader_obj = match (loader, &file) {
        (Some(cls), Some(f)) => match from_importlib("_frozen_importlib_external", cls)? {
            Some(c) => Some(krait_runtime::ops::call::call(&c, &[pystr::new("__main__"), f.clone()], None)?),
            None => None,
        },
        _ => from_importlib("_frozen_importlib", "BuiltinImporter")?,
    };
    if let Some(l) = loader_obj {
        dict::set_item_str(&d, "__loader__", &l)?;
    }
    if let Some(f) = &file {
        dict::set_item_str(&d, "__file__", f)?;
        dict::set_item_str(&d, "__cached__", &none::none())?;
    }
    dict::set_item_str(&modules, "__main__", &m)?;
    Ok(d)
}

fn run_main(source: &Source) -> krait_runtime::PyResult<()> {
    use krait_bytecode_mode as mode;
    match source {
        Source::Command(cmd) => {
            let g = main_module(None, None)?;
            let code = krait_runtime::compile::compile_source(cmd, "<string>", mode::EXEC, 0, interp::optimize_level())?;
            krait_runtime::eval::run_code(&code, &g, &g)?;
        }
        Source::File(path) if has_importer(path)? => {
            // As CPython: the directory or zip file's __main__ module runs
            // as __main__, sys.argv[0] staying the path given.
            main_module(None, None)?;
            let runpy = krait_runtime::import::import_module_level(&pystr::new("runpy"), None, None, 0)?;
            krait_runtime::ops::attr::call_method(
                &runpy,
                "_run_module_as_main",
                &[pystr::new("__main__"), krait_runtime::types::bool_::from_bool(false)],
            )?;
        }
        Source::File(path) => {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    let abs = std::path::Path::new(path);
                    let shown = std::fs::canonicalize(abs).unwrap_or_else(|_| {
                        std::env::current_dir().map(|d| d.join(abs)).unwrap_or(abs.to_path_buf())
                    });
                    let shown = pystr::from_os(shown.as_os_str()).and_then(|s| krait_runtime::ops::repr_string(&s));
                    eprintln!(
                        "{}: can't open file {}: [Errno {}] {}",
                        std::env::args_os().next().map(|a| a.to_string_lossy().into_owned()).unwrap_or_else(|| "krait".into()),
                        shown.unwrap_or_default(),
                        e.raw_os_error().unwrap_or(0),
                        strerror(e.raw_os_error().unwrap_or(0))
                    );
                    return Err(errors::raise_with(exc::SystemExit(), &[int::from_i64(2)]));
                }
            };
            // As CPython 3.9+, the script's code and __file__ use its absolute path.
            let abs_os = std::path::absolute(path).map(|p| p.into_os_string()).unwrap_or_else(|_| path.clone());
            let file = pystr::from_os(&abs_os)?;
            // The compiler takes the name as text: a name that is not
            // UTF-8 reaches code objects lossily.
            let abs = abs_os.to_string_lossy().into_owned();
            let magic = krait_runtime::import::bootstrap::magic_number();
            if std::path::Path::new(path).extension().is_some_and(|e| e == "pyc") || bytes.starts_with(&magic) {
                // A compiled file, as CPython's run_pyc_file: krait's magic
                // number, a 16-byte header, then the marshalled code.
                if !bytes.starts_with(&magic) {
                    return Err(errors::raise_with(exc::RuntimeError(), &[pystr::new("Bad magic number in .pyc file")]));
                }
                let code = bytes.get(16..).map(krait_runtime::import::marshal::loads).transpose()?;
                let code = match code {
                    Some(c) if krait_runtime::types::code::is_code(&c) => c,
                    _ => return Err(errors::raise_with(exc::RuntimeError(), &[pystr::new("Bad code object in .pyc file")])),
                };
                let g = main_module(Some(file), Some("SourcelessFileLoader"))?;
                krait_runtime::eval::run_code(&code, &g, &g)?;
                return Ok(());
            }
            krait_runtime::compile::check_script_nul(&bytes, &abs)?;
            let text = krait_runtime::compile::decode_source_file(&bytes, &abs)?;
            let g = main_module(Some(file), Some("SourceFileLoader"))?;
            let code = krait_runtime::compile::compile_source(&text, &abs, mode::EXEC, 0, interp::optimize_level())?;
            krait_runtime::eval::run_code(&code, &g, &g)?;
        }
        Source::Stdin => {
            let mut bytes = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut bytes);
            let text = krait_runtime::compile::decode_source(&bytes, "<stdin>")?;
            let g = main_module(Some(pystr::new("<stdin>")), None)?;
            let code = krait_runtime::compile::compile_source(&text, "<stdin>", mode::EXEC, 0, interp::optimize_level())?;
            krait_runtime::eval::run_code(&code, &g, &g)?;
        }
        Source::Module(name) => {
            // As CPython: runpy finds the module (or package's __main__) and
            // runs it in the __main__ module that startup created.
            main_module(None, None)?;
            let runpy = krait_runtime::import::import_module_level(&pystr::new("runpy"), None, None, 0)?;
            krait_runtime::ops::attr::call_method(
                &runpy,
                "_run_module_as_main",
                &[pystr::new(name), krait_runtime::types::bool_::from_bool(true)],
            )?;
        }
    }
    Ok(())
}

mod krait_bytecode_mode {
    pub const EXEC: krait_runtime::compile::Mode = krait_runtime::compile::Mode::Exec;
}

fn strerror(code: i32) -> String {
    std::io::Error::from_raw_os_error(code).to_string().split(" (os error").next().unwrap_or("").to_owned()
}

/// SystemExit → its code; other exceptions → traceback and 1.
fn handle_exit(e: krait_runtime::PyErr) -> i32 {
    let v = errors::take(e);
    if krait_runtime::types::type_::is_subtype(v.type_ptr(), exc::SystemExit()) {
        let code = exc::get_field(&v, "code").unwrap_or_else(none::none);
        if none::is_none(&code) {
            return 0;
        }
        if int::is_int(&code) {
            return int::as_i64(&code).map(|c| c as i32).unwrap_or(-1);
        }
        // As CPython: str(code) written to sys.stderr as it is (its error
        // handler deals with surrogates), then a newline.
        let text = match krait_runtime::ops::str_of(&code) {
            Ok(s) => s,
            Err(_) => {
                errors::clear();
                pystr::new("")
            }
        };
        let written = match modules::sys::get_attr("stderr").filter(|e| !none::is_none(e)) {
            Some(err) => krait_runtime::ops::attr::call_method(&err, "write", &[text.clone()])
                .and_then(|_| krait_runtime::ops::attr::call_method(&err, "write", &[pystr::new("\n")]))
                .and_then(|_| krait_runtime::ops::attr::call_method(&err, "flush", &[]))
                .is_ok(),
            None => false,
        };
        if !written {
            errors::clear();
            modules::sys::write_stderr(&format!("{}\n", pystr::to_string_lossy(&text)));
        }
        return 1;
    }
    // sys.excepthook prints the traceback.
    let hook = modules::sys::get_attr("excepthook");
    let tb = exc::get_traceback(&v).unwrap_or_else(none::none);
    // The "sys.excepthook" audit event: a hook raising RuntimeError stops
    // the report; any other error is reported as unraisable, as CPython.
    let hook_or_none = hook.clone().unwrap_or_else(none::none);
    if let Err(e) = modules::sys::audit("sys.excepthook", &[hook_or_none, v.get_type(), v.clone(), tb.clone()]) {
        if errors::matches(exc::RuntimeError()) {
            errors::clear();
            return 1;
        }
        if let Some(ae) = errors::fetch() {
            let _ = e;
            krait_runtime::errors::write_unraisable_default(Some("Exception ignored in audit hook"), None, &ae);
        }
    }
    let printed = match hook {
        Some(h) => krait_runtime::ops::call::call(&h, &[v.get_type(), v.clone(), tb], None).is_ok(),
        None => false,
    };
    if !printed {
        errors::clear();
        modules::sys::write_stderr(&krait_runtime::traceback_print::format_exception(&v));
    }
    if krait_runtime::types::type_::is_subtype(v.type_ptr(), exc::KeyboardInterrupt()) {
        return EXIT_BY_SIGINT;
    }
    1
}

/// The status of an uncaught KeyboardInterrupt: like CPython, the process
/// ends by SIGINT, so a calling shell sees it was interrupted.
const EXIT_BY_SIGINT: i32 = -2;

fn exit(code: i32) -> ! {
    if code == EXIT_BY_SIGINT {
        // SAFETY: plain libc calls restoring the default action, then raising.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, libc::SIGINT);
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            libc::raise(libc::SIGINT);
        }
        std::process::exit(128 + libc::SIGINT);
    }
    std::process::exit(code)
}
