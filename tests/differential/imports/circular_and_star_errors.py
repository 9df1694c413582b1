# Import errors as CPython 3.11 words them: attributes of a module still
# initializing, a submodule accessed while it is being imported, non-str
# names in __all__ or a module's __dict__, and a failing submodule named in
# a from-import shows only the user's frames.
import os
import sys
import tempfile
import traceback

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)

def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

write("cyc_a.py", "import cyc_b\nvalue = 1\n")
write("cyc_b.py", "import cyc_a\nprint(cyc_a.value)\n")
write("sp/__init__.py", "")
write("sp/parent/__init__.py", "import sp.parent.child\n")
write("sp/parent/child.py", "import sp.parent\nsp.parent\n")
write("star_all.py", "__all__ = [b'bad']\n")
write("star_dict.py", "globals()[b'bad'] = 1\n")
write("brk/__init__.py", "")
write("brk/bar.py", "1/0\n")

for stmt in ("import cyc_a", "import sp.parent", "from star_all import *", "from star_dict import *"):
    try:
        exec(stmt, {})
    except Exception as e:
        print(stmt, "->", type(e).__name__, str(e).replace(tmp, "<tmp>"))

try:
    from brk import bar
except ZeroDivisionError as e:
    print([os.path.basename(f.filename) for f in traceback.extract_tb(e.__traceback__)])

# A module name holding a surrogate-escaped byte imports from its file.
name = "mod_\udcff"
try:
    open(os.path.join(tmp, name + ".py"), "w", errors="surrogateescape").write("x = 42\n")
except (UnicodeError, OSError):
    print("42")
else:
    print(__import__(name).x)

import shutil
shutil.rmtree(tmp)
