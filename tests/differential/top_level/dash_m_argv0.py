# With -m, sys.argv[0] is "-m" while the module is being found and imported
# (its package's __init__ sees it), then the module's path.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    os.mkdir(os.path.join(tmp, "pk"))
    with open(os.path.join(tmp, "pk", "__init__.py"), "w") as f:
        f.write("import sys\nprint('init', sys.argv)\n")
    with open(os.path.join(tmp, "pk", "run.py"), "w") as f:
        f.write("import sys, os\nprint('run', [os.path.relpath(sys.argv[0])] + sys.argv[1:])\n")
    r = subprocess.run([sys.executable, "-m", "pk.run", "x", "y"], cwd=tmp, capture_output=True, text=True)
    print(r.returncode, r.stdout, r.stderr)
