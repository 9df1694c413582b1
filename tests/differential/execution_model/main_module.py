# __name__ == "__main__", module attributes and sys.argv in a script
import sys
print(__name__)
if __name__ == "__main__":
    print("running as main")
print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith("main_module.py"))
print(__doc__)
print(sorted(k for k in dir() if k.startswith("__") and k in ("__name__", "__doc__", "__builtins__", "__spec__", "__loader__")))
print(__spec__)
def where():
    return __name__
print(where())
class K:
    pass
print(K.__module__, where.__module__)
print(type(sys.modules["__main__"]).__name__)
print(sys.modules["__main__"].K is K)
