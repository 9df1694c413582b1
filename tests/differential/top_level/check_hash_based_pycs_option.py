# --check-hash-based-pycs sets _imp.check_hash_based_pycs (and so how
# importlib treats hash-based .pyc files); a bad or missing value is a usage
# error with exit status 2.
import subprocess
import sys

for args in (["always"], ["never"], ["default"], ["sometimes"], []):
    r = subprocess.run([sys.executable, "--check-hash-based-pycs", *args, "-c", "import _imp; print(_imp.check_hash_based_pycs)"],
                       capture_output=True, text=True)
    print(args, r.returncode, r.stdout.strip(), r.stderr.splitlines()[:1])
r = subprocess.run([sys.executable, "--check-hash-based-pycs"], capture_output=True, text=True)
print(r.returncode, r.stderr.splitlines()[:1])
