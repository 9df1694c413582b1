# A slice can close a reference cycle; the collector frees it.
import gc
class Obj:
    def __del__(self):
        print("freed")
o = Obj()
o.s = slice(o)
o = None
print("collect")
gc.collect()
print("after")
s = slice(1, [2], {3: 4})
print(s, gc.is_tracked(s) == gc.is_tracked([]))
