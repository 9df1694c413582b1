# infinite recursion through __getattr__ / __getattribute__ / __setattr__
# (only the exception type is printed: CPython words the message differently per C call site)
class G:
    def __getattr__(self, name):
        return self.missing_too
try:
    G().anything
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class GA:
    def __getattribute__(self, name):
        return self.__dict__
try:
    GA().x
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class SA:
    def __setattr__(self, name, value):
        self.name = value
try:
    SA().x = 1
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class P:
    @property
    def p(self):
        return self.p
try:
    P().p
except RecursionError as e:
    print("RecursionError via property", type(e).__name__)
print(hasattr(P(), "x"))
try:
    hasattr(G(), "y")
except RecursionError as e:
    print("hasattr propagates RecursionError", type(e).__name__)
print("recovered")
