"""Module docstring of this script."""
# the first statement string literal becomes __doc__
print(__doc__)
print(__name__)
x = 1
"""a later string is not a docstring"""
print(__doc__ == "Module docstring of this script.")
ns = {}
exec('"""exec doc"""\nv = 1', ns)
print(ns.get("__doc__"))
ns2 = {}
exec('v = 1\n"""not doc"""', ns2)
print(ns2.get("__doc__", "absent"))
code = compile('"""compiled doc"""', "<m>", "exec")
print(code.co_consts[0] if code.co_consts else None)
