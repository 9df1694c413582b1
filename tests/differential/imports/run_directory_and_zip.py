# `python DIR` and `python ARCHIVE.zip` run the __main__ module inside, with
# the directory or archive first on sys.path; zip archives import through
# zipimport's path hook.
import os
import subprocess
import sys
import tempfile
import zipfile

main_src = (
    "import sys, helper\n"
    "print('main', __name__, helper.X, sys.argv[1:])\n"
    "print('path0 is the target:', sys.path[0] == sys.argv[0] or sys.path[0].endswith(sys.argv[0]))\n"
)
with tempfile.TemporaryDirectory() as d:
    app = os.path.join(d, "app")
    os.mkdir(app)
    with open(os.path.join(app, "__main__.py"), "w") as f:
        f.write(main_src)
    with open(os.path.join(app, "helper.py"), "w") as f:
        f.write("X = 'helper'\n")
    archive = os.path.join(d, "app.pyz")
    with open(archive, "wb") as raw:
        raw.write(b"#!/usr/bin/env python3\n")
        with zipfile.ZipFile(raw, "w") as z:
            z.write(os.path.join(app, "__main__.py"), "__main__.py")
            z.write(os.path.join(app, "helper.py"), "helper.py")
    empty = os.path.join(d, "empty")
    os.mkdir(empty)
    for target in (app, archive, empty):
        r = subprocess.run([sys.executable, target, "x", "y"], capture_output=True, text=True, cwd=d)
        err = r.stderr.strip().splitlines()
        last = err[-1].split(": ", 1)[-1].replace(d, "TMP") if err else ""
        print(os.path.basename(target), r.returncode, r.stdout.strip().replace(d, "TMP"), last)
    # A zip archive on sys.path imports through zipimport.
    code = "import sys; sys.path.insert(0, %r); import helper; print(helper.X, type(helper.__loader__).__name__)" % archive
    print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip())
