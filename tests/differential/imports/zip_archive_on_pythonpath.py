# Modules and packages in a zip archive named by PYTHONPATH import (and run
# with -m), as the archive's entry is tried again once zipimport's hook is in.
import os
import subprocess
import sys
import tempfile
import zipfile

with tempfile.TemporaryDirectory() as tmp:
    archive = os.path.join(tmp, "bundle.zip")
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("plain_mod.py", "print('plain', __name__)\n")
        z.writestr("zpkg/__init__.py", "print('package', __name__)\n")
        z.writestr("zpkg/tool.py", "import sys\nprint('tool', __name__, __package__, sys.argv[1:])\n")
        z.writestr("zpkg/sub/__init__.py", "")
        z.writestr("zpkg/sub/deep.py", "print('deep', __name__, __spec__.name)\n")
    env = dict(os.environ, PYTHONPATH=archive)
    for args in (["-c", "import plain_mod, zpkg.sub.deep"], ["-m", "zpkg.tool", "a", "b"], ["-m", "zpkg.sub.deep"]):
        r = subprocess.run([sys.executable, *args], env=env, cwd=tmp, capture_output=True, text=True)
        print(args, r.returncode, r.stdout, r.stderr[-200:])
