//! Docstrings of the builtin functions, krait's own wording. A leading
//! `name(signature)\n--\n\n` is the function's `__text_signature__` (the
//! same parameters as CPython's, so `inspect.signature` agrees); the rest
//! is its `__doc__`. Functions whose parameters no signature can spell
//! (`max`, `iter`, ...) start their text with a usage line instead.

pub const DOCS: &[(&str, &str)] = &[
    ("__build_class__", "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nBuild a class: run func, the body of a class statement, in a fresh\nnamespace, then create the class from it with the chosen metaclass.\nUsed by the class statement."),
    ("__import__", "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)\n--\n\nImport a module (the function behind the import statement).\n\nglobals supplies the package context of relative imports; locals is\nunused. With a non-empty fromlist the named module itself is returned,\notherwise its top-level package. level 0 makes the import absolute; a\npositive level counts the parent packages to climb for a relative import.\nimportlib.import_module() is the better tool for importing by name."),
    ("abs", "abs($module, x, /)\n--\n\nReturn the absolute value of x."),
    ("aiter", "aiter($module, async_iterable, /)\n--\n\nReturn the asynchronous iterator of an asynchronous iterable."),
    ("all", "all($module, iterable, /)\n--\n\nReturn True when every item of the iterable is true (True when it is empty)."),
    ("anext", "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\nasync anext(aiterator[, default])\n\nAwaitable giving the next item of an asynchronous iterator; when it is\nexhausted, default is given if supplied, else StopAsyncIteration is raised."),
    ("any", "any($module, iterable, /)\n--\n\nReturn True when some item of the iterable is true (False when it is empty)."),
    ("ascii", "ascii($module, obj, /)\n--\n\nReturn repr(obj) with every non-ASCII character escaped (\\x, \\u or \\U)."),
    ("breakpoint", "breakpoint(*args, **kws)\n\nEnter the debugger through sys.breakpointhook(*args, **kws), which by\ndefault starts pdb (see PYTHONBREAKPOINT)."),
    ("callable", "callable($module, obj, /)\n--\n\nReturn whether obj can be called. Classes are callable; instances are\nwhen their class defines __call__()."),
    ("chr", "chr($module, i, /)\n--\n\nReturn the one-character string of code point i (0 <= i <= 0x10ffff)."),
    ("delattr", "delattr($module, obj, name, /)\n--\n\nDelete the attribute called name from obj: delattr(x, 'y') is del x.y."),
    ("dir", "dir([object]) -> list of strings\n\nWithout an argument, the names of the current local scope. With one,\nits __dir__() if it has one, else the names reachable from it: a module's\nattributes, a class's attributes and those of its bases, an instance's\nattributes with its class's. The list comes back sorted."),
    ("divmod", "divmod($module, x, y, /)\n--\n\nReturn the pair (x//y, x%y), so that div*y + mod == x."),
    ("format", "format($module, value, format_spec='', /)\n--\n\nReturn value.__format__(format_spec): value formatted as the format\nspecification mini-language (or its type's own) describes; see\nhelp('FORMATTING'). An empty spec mostly gives str(value)."),
    ("getattr", "getattr(object, name[, default]) -> value\n\nRead the attribute called name: getattr(x, 'y') is x.y. When it is\nmissing and default is given, default is returned instead of raising\nAttributeError."),
    ("globals", "globals($module, /)\n--\n\nReturn the dictionary of the current module's global names. Changing it\nchanges those names."),
    ("hasattr", "hasattr($module, obj, name, /)\n--\n\nReturn whether obj has an attribute called name (getattr() is tried and\nan AttributeError means no)."),
    ("hash", "hash($module, obj, /)\n--\n\nReturn obj's hash value. Objects that compare equal have the same hash;\nthe converse need not hold."),
    ("id", "id($module, obj, /)\n--\n\nReturn an integer that identifies obj among the objects alive at the\nsame time (its memory address)."),
    ("input", "input($module, prompt='', /)\n--\n\nRead one line from standard input, without its trailing newline.\n\nThe prompt, when given, is written to standard output first. EOFError is\nraised at end of input. With the readline module loaded, line editing\nand history are available."),
    ("isinstance", "isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether obj is an instance of the class (or of a subclass).\n\nA tuple such as (A, B, ...) or a union A | B means any of them, as in\nisinstance(x, A) or isinstance(x, B) or ..."),
    ("issubclass", "issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether cls is the class or derives from it.\n\nA tuple such as (A, B, ...) or a union A | B means any of them, as in\nissubclass(x, A) or issubclass(x, B) or ..."),
    ("iter", "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nWith one argument, the iterator of a collection or sequence. With two,\nan iterator that calls callable with no arguments until it returns\nsentinel."),
    ("len", "len($module, obj, /)\n--\n\nReturn how many items a container holds."),
    ("locals", "locals($module, /)\n--\n\nReturn a dictionary of the current scope's local names.\n\nWhether changing it affects the local variables depends on the scope\nand the implementation; do not rely on it."),
    ("max", "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith one iterable argument, return its largest item; default is what an\nempty iterable gives (else ValueError). With two or more arguments,\nreturn the largest of them. key, if given, maps each item to the value\ncompared."),
    ("min", "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith one iterable argument, return its smallest item; default is what an\nempty iterable gives (else ValueError). With two or more arguments,\nreturn the smallest of them. key, if given, maps each item to the value\ncompared."),
    ("next", "next(iterator[, default])\n\nReturn the iterator's next item. When it is exhausted, default is\nreturned if given, else StopIteration is raised."),
    ("ord", "ord($module, c, /)\n--\n\nReturn the code point of a one-character string (or the value of a\none-byte bytes or bytearray)."),
    ("pow", "pow($module, /, base, exp, mod=None)\n--\n\nbase**exp with two arguments, base**exp % mod with three.\n\nSome types, int among them, compute the three-argument form faster than\nthe two operations would."),
    ("print", "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nWrite the arguments to a stream (sys.stdout by default).\n\n  sep\n    text put between the values, a space by default.\n  end\n    text written after the last value, a newline by default.\n  file\n    a file-like object (stream); sys.stdout by default.\n  flush\n    whether to flush the stream afterwards."),
    ("repr", "repr($module, obj, /)\n--\n\nReturn the canonical text form of obj; for many types eval(repr(obj))\n== obj."),
    ("round", "round($module, /, number, ndigits=None)\n--\n\nRound number to ndigits decimal digits (halves go to the even neighbour).\n\nWithout ndigits (or with None) the result is an int; otherwise it has\nnumber's type. ndigits may be negative."),
    ("setattr", "setattr($module, obj, name, value, /)\n--\n\nSet the attribute called name on obj: setattr(x, 'y', v) is x.y = v."),
    ("sorted", "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list of the iterable's items in ascending order.\n\nkey, a function of one argument, gives the values compared; reverse\nasks for descending order. The sort is stable."),
    ("sum", "sum($module, iterable, /, start=0)\n--\n\nReturn start (0 by default) plus the sum of the iterable's numbers.\n\nAn empty iterable gives start. Meant for numbers: str values are\nrefused (join them with ''.join(seq) instead)."),
    ("vars", "vars([object]) -> dictionary\n\nWithout an argument, the same as locals(); with one, object.__dict__."),
    ("compile", "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\nCompile source into a code object for exec() or eval().\n\nsource is a str, bytes or an AST object. filename names where the code\ncame from (for tracebacks). mode is 'exec' for a module, 'single' for\none interactive statement and 'eval' for an expression. flags selects\nfuture features and compile options; unless dont_inherit is true, the\nfuture features in effect where compile() is called apply too. optimize\nis the optimization level (-1: the interpreter's)."),
    ("exec", "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\nRun source (a string or a code object) with the given namespaces.\n\nglobals must be a dict, locals any mapping; both default to the\ncaller's. With only globals, it serves as both. closure, a tuple of\ncells, supplies the free variables of a code object that has them."),
    ("eval", "eval($module, source, globals=None, locals=None, /)\n--\n\nEvaluate source (an expression string or a code object) and return its\nvalue.\n\nglobals must be a dict, locals any mapping; both default to the\ncaller's. With only globals, it serves as both."),
    ("bin", "bin($module, number, /)\n--\n\nReturn the binary text of an integer (or of an object with __index__),\nprefixed with '0b'.\n\n   >>> bin(10)\n   '0b1010'\n   >>> bin(-3)\n   '-0b11'"),
    ("oct", "oct($module, number, /)\n--\n\nReturn the octal text of an integer (or of an object with __index__),\nprefixed with '0o'.\n\n   >>> oct(64)\n   '0o100'\n   >>> oct(-9)\n   '-0o11'"),
    ("hex", "hex($module, number, /)\n--\n\nReturn the hexadecimal text of an integer (or of an object with\n__index__), prefixed with '0x'.\n\n   >>> hex(255)\n   '0xff'\n   >>> hex(-4096)\n   '-0x1000'"),
];

/// The docstring for builtin `name` ("" when it has none).
pub fn doc(name: &str) -> &'static str {
    DOCS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d).unwrap_or("")
}
