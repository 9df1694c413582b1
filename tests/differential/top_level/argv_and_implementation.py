# sys.argv, sys.version_info, sys.implementation and sys.maxsize as a script sees them
import sys
print(sys.argv)
print(len(sys.argv), type(sys.argv[0]).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 11), sys.version_info < (3, 12))
print(type(sys.version_info).__name__, len(sys.version_info))
print(sys.version_info.releaselevel in ("alpha", "beta", "candidate", "final"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(type(sys.implementation.name).__name__, sys.implementation.version[:2] >= (0, 0))
print(callable(sys.exit), callable(sys.stdout.write), callable(sys.stderr.flush))
sys.argv.append("mutable")
print(sys.argv[-1], len(sys.argv))
