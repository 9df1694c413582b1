# -m module and -m package (runpy): __name__, __spec__, sys.argv, sys.path[0], exit status
import os, sys
root = "/tmp/krait_runm_%d" % os.getpid()
os.makedirs(os.path.join(root, "app"))
files = {
    "app/__init__.py": "INIT = True\n",
    "app/__main__.py": "import sys\nfrom . import helper\nprint('main', __name__, __spec__.name, __package__, sys.argv[1:], sys.path[0] == __import__('os').getcwd(), helper.NAME)\n",
    "app/helper.py": "NAME = __name__\n",
    "tool.py": "import sys\nprint('tool', __name__, __spec__.name, sys.argv[1:], __file__.endswith('tool.py'))\nsys.exit(3)\n",
    "broken.py": "raise KeyError('k')\n",
}
for name, text in files.items():
    with open(os.path.join(root, name), "w") as fh:
        fh.write(text)
os.chdir(root)
exe = sys.executable
sys.stdout.flush()
for cmd in ["-m app x y", "-m tool --flag", "-m app.helper", "-m nothere", "-m broken", "-c 'import sys; print(repr(sys.path[0]))'"]:
    status = os.system("%s %s 2>/dev/null" % (exe, cmd))
    sys.stdout.flush()
    print(cmd, os.waitstatus_to_exitcode(status))
for dirpath, dirnames, filenames in os.walk(root, topdown=False):
    for f in filenames:
        os.unlink(os.path.join(dirpath, f))
    for d in dirnames:
        os.rmdir(os.path.join(dirpath, d))
os.rmdir(root)
