# result types of divmod/pow across int/float/bool and with __index__ objects
def t(f):
    try:
        r = f()
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: divmod(True, 2))
t(lambda: divmod(5, 2.0))
t(lambda: divmod(5.0, True))
t(lambda: pow(True, True))
t(lambda: pow(2, True))
t(lambda: pow(2, -1))
t(lambda: pow(-2, 2))
t(lambda: pow(4, 0.5))
t(lambda: pow(-4, 0.5))
t(lambda: pow(0, 0.0))
t(lambda: pow(2.0, -1075))
t(lambda: pow(10, 20, 7.0))
t(lambda: pow(True, 5, 3))
t(lambda: pow(2, 3, True))
class I:
    def __index__(self):
        return 3
t(lambda: pow(2, I()))
t(lambda: pow(2, 3, I()))
t(lambda: divmod(I(), 2))
