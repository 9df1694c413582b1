# print of lone surrogates: stdout's error handler follows the locale as CPython's
import sys
print(sys.stdout.errors, sys.stderr.errors)
if sys.stdout.errors == "surrogateescape":
    print("a\udcff\udc80b")
try:
    print("\ud800")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason)
