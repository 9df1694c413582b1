# `python -m venv` makes an environment whose interpreter knows it: the
# prefix is the environment, the base prefix and _base_executable are the
# interpreter it was made from, and its site-packages is on sys.path.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    env = os.path.join(tmp, "env")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", env], check=True)
    print(sorted(os.listdir(env)))
    cfg = open(os.path.join(env, "pyvenv.cfg")).read()
    print([line.split(" = ")[0] for line in cfg.splitlines()])
    names = sorted(n for n in os.listdir(os.path.join(env, "bin")) if n.startswith("python"))
    print(names)
    py = os.path.join(env, "bin", "python")
    code = (
        "import sys, os, sysconfig;"
        "print(sys.prefix == sys.exec_prefix == os.environ['ENV']);"
        "print(sys.base_prefix != sys.prefix);"
        "print(sys.executable == os.path.join(os.environ['ENV'], 'bin', 'python'));"
        "print(os.path.realpath(sys._base_executable) == os.path.realpath(os.environ['BASE']));"
        "print(any(p.startswith(os.environ['ENV']) and p.endswith('site-packages') for p in sys.path));"
        "print(sysconfig.get_path('purelib').startswith(os.environ['ENV']))"
    )
    out = subprocess.run([py, "-c", code], env={"ENV": env, "BASE": sys.executable},
                         capture_output=True, text=True)
    print(out.stdout, out.returncode, out.stderr[-300:])
