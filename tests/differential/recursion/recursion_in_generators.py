# deep recursion of generators and exception propagation through many frames
import sys
sys.setrecursionlimit(100000)
def countdown(n):
    if n:
        yield n
        yield from countdown(n - 1)
print(sum(countdown(2000)))
def raise_deep(n):
    if n == 0:
        raise KeyError("bottom")
    raise_deep(n - 1)
try:
    raise_deep(50000)
except KeyError as e:
    print("caught from 50000 frames down:", e)
def finally_deep(n, log):
    try:
        if n == 0:
            raise ValueError("deep")
        finally_deep(n - 1, log)
    finally:
        log.append(n)
log = []
try:
    finally_deep(3000, log)
except ValueError:
    print(len(log), log[:3], log[-3:])
