# getrecursionlimit/setrecursionlimit round trips and recursion near the limit
import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(4000))
try:
    depth(6000)
except RecursionError:
    print("RecursionError at 6000 with limit 5000")
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(10**20)
except OverflowError as e:
    print("OverflowError", e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print("TypeError", e)
