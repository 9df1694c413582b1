# issubclass over deeply nested tuples of classes ends in RecursionError.
import sys
t = (str,)
try:
    for i in range(sys.getrecursionlimit() + 100):
        t = (t,)
        issubclass(str, t)
    print("no error")
except RecursionError as e:
    print("RecursionError", e)
print(issubclass(int, ((float,), (int,))))
