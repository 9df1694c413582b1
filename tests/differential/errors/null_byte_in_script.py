# A script file with a NUL byte is refused before it runs: the error names
# the line holding it, shown up to the NUL.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    for src in (b"print('before')\nx = '\0' nothing\n", b"\n'''\nmultiline\0\n'''\n"):
        path = os.path.join(tmp, "script.py")
        with open(path, "wb") as f:
            f.write(src)
        r = subprocess.run([sys.executable, path], capture_output=True)
        print(r.returncode, r.stdout, r.stderr.decode().replace(tmp, "<tmp>").splitlines())
