# list slice assignment and deletion
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

L = list(range(10))
L[2:5] = ["a", "b"]
print(L)
L[:0] = [-1, -2]
print(L)
L[len(L):] = [99]
print(L)
L[::3] = [0] * len(L[::3])
print(L)
del L[1::2]
print(L)
L[1:1] = "xyz"
print(L)
L[-2:] = []
print(L)
del L[:]
print(L)
M = list(range(6))
M[5:1:-1] = "abcd"
print(M)
M[10:20] = [1]
print(M)
M[-100:1] = [None]
print(M)
def bad_ext():
    N = list(range(6))
    N[::2] = [1, 2]
t(bad_ext)
def bad_iter():
    N = [1]
    N[0:1] = 5
t(bad_iter)
def self_assign():
    N = [1, 2, 3]
    N[1:2] = N
    return N
t(self_assign)
t(lambda: list(range(10))[::-3])
t(lambda: list(range(10))[8:2:-2])
t(lambda: list(range(10))[2:8:-1])
t(lambda: [1, 2, 3][slice(1, None)])
t(lambda: [][::0])
def step0():
    N = [1]
    N[::0] = []
t(step0)
def delstep():
    N = list(range(10))
    del N[::-2]
    return N
t(delstep)
t(lambda: [1, 2, 3][1.5:])
