# A `<program>._pth` file beside the interpreter replaces sys.path with its
# lines (relative to the file) and runs isolated, without site unless a line
# says `import site`.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    tmp = os.path.realpath(tmp)
    exe = os.path.join(tmp, os.path.basename(sys.executable))
    os.symlink(sys.executable, exe)
    stdlib = os.path.dirname(os.__file__)
    code = ("import sys; print([p.replace(%r, '<tmp>').replace(%r, '<lib>') for p in sys.path]);"
            "print(sys.flags.isolated, sys.flags.no_site, sys.flags.ignore_environment, sys.flags.safe_path, sys.flags.no_user_site)"
            % (tmp, stdlib))
    for lines in (["# comment", stdlib, ".", "..", "sub/dir", "  spaced  # trailing"],
                  [stdlib, "import site"]):
        with open(exe + "._pth", "w") as f:
            f.write("\n".join(lines) + "\n")
        out = subprocess.run([exe, "-c", code], capture_output=True, text=True,
                             env={"PYTHONPATH": "from-env"})
        print(out.stdout.replace(os.path.dirname(tmp), "<parent>"), out.returncode, out.stderr[-300:])
