# 100,000-deep Python recursion after raising the recursion limit
import sys
sys.setrecursionlimit(200000)
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(100000))
def sum_to(n, acc=0):
    if n == 0:
        return acc
    return sum_to(n - 1, acc + n)
print(sum_to(100000))
def mutual_a(n):
    return n if n == 0 else mutual_b(n - 1)
def mutual_b(n):
    return n if n == 0 else mutual_a(n - 1)
print(mutual_a(100000))
