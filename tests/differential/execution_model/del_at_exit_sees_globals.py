# At exit, objects that die with __main__ run __del__ while its globals
# are still bound (the collection comes before globals are set to None).
import sys
class A:
    def __del__(self):
        print("del sees", type(sys).__name__, type(helper).__name__)
def helper():
    pass
a = A()
