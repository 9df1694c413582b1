# functions stored on instances are not bound; functions on classes are
def free(*args):
    return len(args)
class A:
    method = free
a = A()
a.inst = free
print(a.method(), a.inst(), A.method(), A().method(1, 2))
class B:
    pass
B.added = lambda self, x: ("added", x)
b = B()
print(b.added(1))
b.__dict__["added"] = lambda x: ("instance", x)
print(b.added(2))
import sys
class C:
    write = sys.stdout.write
C().write("builtin methods stored on classes are not rebound\n")
class D:
    ln = len
print(D().ln("abc"))
