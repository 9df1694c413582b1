# The import system's own frames are cut from tracebacks, as CPython does:
# all of them for ImportError, those up to the module's code otherwise.
import os, sys, tempfile, traceback

d = tempfile.mkdtemp()
sys.path.insert(0, d)
with open(os.path.join(d, "raises_in_body.py"), "w") as f:
    f.write("x = 1\nraise ValueError('in module body')\n")
with open(os.path.join(d, "imports_missing.py"), "w") as f:
    f.write("import no_such_module_here\n")

def show(stmt):
    try:
        exec(stmt, {})
    except BaseException:
        text = traceback.format_exc().replace(d, "<tmp>")
        print(text)

show("import raises_in_body")
show("import no_such_module_here")
show("import imports_missing")
show("from os import no_such_name")
show("import importlib; importlib.import_module('raises_in_body')")
