# The import system: packages, submodules, relative imports, __spec__/__path__,
# namespace packages, sys.modules caching, reload-free re-import, import errors
import os, sys
root = "/tmp/krait_imp_%d" % os.getpid()
files = {
    "pkg/__init__.py": "X = 1\nfrom . import sub\nfrom .sub import f as g\n",
    "pkg/sub.py": "def f():\n    return __name__, __package__\n",
    "pkg/inner/__init__.py": "from .. import X as PX\nfrom ..sub import f\n",
    "pkg/inner/deep.py": "from ... import nothing\n",
    "pkg/inner/rel.py": "from . import missing_name\n",
    "ns/part/mod.py": "V = 'ns'\n",
    "circ_a.py": "import circ_b\nA = 1\n",
    "circ_b.py": "from circ_a import A\n",
    "bad_syntax.py": "def f(:\n",
    "raises.py": "raise ValueError('boom at import')\n",
    "plain.py": "counter = []\ncounter.append(1)\n",
}
for name, text in files.items():
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)
sys.path.insert(0, root)
try:
    import pkg
    print(pkg.X, pkg.sub.f(), pkg.g(), pkg.__name__, pkg.__package__)
    print(pkg.__spec__.name, pkg.__spec__.parent, pkg.__spec__.submodule_search_locations == pkg.__path__)
    print(os.path.relpath(pkg.__file__, root), [os.path.relpath(p, root) for p in pkg.__path__])
    import pkg.inner
    print(pkg.inner.PX, pkg.inner.f(), pkg.inner.__spec__.parent)
    import pkg.sub as s2
    print(s2 is pkg.sub, sys.modules["pkg.sub"] is s2, type(pkg.__loader__).__name__)
    from pkg import inner as i2
    print(i2 is pkg.inner)
    for mod in ["pkg.inner.deep", "pkg.inner.rel", "nonexistent_mod_xyz", "pkg.nope", "circ_a", "bad_syntax", "raises"]:
        try:
            __import__(mod)
            print(mod, "imported")
        except Exception as e:
            msg = str(e).replace(root, "ROOT")
            print(mod, type(e).__name__, msg, getattr(e, "name", None))
    print("raises" in sys.modules, "circ_a" in sys.modules)
    import ns.part.mod
    print(ns.part.mod.V, type(ns.__path__).__name__, ns.__file__ if hasattr(ns, "__file__") else "nofile", ns.__spec__.origin)
    import plain, plain as p2
    print(plain.counter, p2 is plain)
    del sys.modules["plain"]
    import plain as p3
    print(p3 is plain, p3.counter)
    import importlib
    m = importlib.import_module(".sub", "pkg")
    print(m is pkg.sub, importlib.import_module("pkg.inner") is pkg.inner)
    try:
        importlib.import_module(".x")
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        from pkg import does_not_exist
    except ImportError as e:
        print(str(e).replace(root, "ROOT"), e.name, e.path.replace(root, "ROOT"))
    try:
        __import__("")
    except ValueError as e:
        print(e)
    try:
        exec("from . import x", {"__name__": "top"})
    except ImportError as e:
        print(e)
    try:
        exec("from .. import x", {"__package__": "pkg"})
    except ImportError as e:
        print(e)
finally:
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for f in filenames:
            os.unlink(os.path.join(dirpath, f))
        for d in dirnames:
            os.rmdir(os.path.join(dirpath, d))
    os.rmdir(root)
