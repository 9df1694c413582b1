# Builtin functions carry text signatures that inspect.signature reads, and
# docstrings (their wording is krait's own: only their presence is compared).
import builtins
import inspect

for name in sorted(dir(builtins)):
    f = getattr(builtins, name)
    if type(f).__name__ != "builtin_function_or_method" or name == "open":
        continue
    try:
        sig = str(inspect.signature(f))
    except ValueError:
        sig = "no signature"
    print(name, repr(f.__text_signature__), sig, f.__doc__ is not None and len(f.__doc__) > 0)
print(max.__doc__.startswith("max("), iter.__doc__.startswith("iter("))
