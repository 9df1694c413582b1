# class body scopes: not visible to methods or comprehensions
x = "global x"
class A:
    x = "class x"
    def method(self):
        return x
    lst = [x for _ in range(1)]
    y = x
    try:
        comp_sees = [y for _ in range(1)]
    except NameError as e:
        comp_err = str(e)
print(A().method(), A.lst, A.y, A.comp_err)
def f():
    v = "function v"
    class B:
        v = "class v"
        def m(self):
            return v
        w = v
    return B().m(), B.w
print(f())
def g():
    v = "enclosing"
    class C:
        try:
            print("class body sees", v)
        except NameError as e:
            print("NameError", e)
        v = "rebound in class"
        print("after rebinding", v)
    return C.v
print(g())
def h():
    z = "from function"
    class D:
        nonlocal_read = z
    return D.nonlocal_read
print(h())
class E:
    a = 1
    b = a + 1
    def get_b(self):
        return self.b
    c = get_b
print(E.b, E().c())
class F:
    items = [1, 2, 3]
    total = sum(i for i in items)
print(F.total)
class G:
    n = 5
    try:
        doubled = [n * i for i in range(3)]
    except NameError as e:
        doubled = "NameError: " + str(e)
print(G.doubled)
