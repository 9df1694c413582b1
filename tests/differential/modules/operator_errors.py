# _operator: argument errors, concat/iconcat, _compare_digest, length_hint, countOf/indexOf
import _operator as o
for f, a in [(o.neg, (1,2)), (o.neg, ()), (o.add, (1,)), (o.length_hint, ()), (o.length_hint, (1,2,3)), (o.truth, (1,2)), (o.index, ()), (o.call, ()), (o.not_, (1,2)), (o.is_, (1,)), (o.add, ()), (o._compare_digest, (1,))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
try: o.neg(a=1)
except Exception as e: print(type(e).__name__, e)
try: o.add(1, b=1)
except Exception as e: print(type(e).__name__, e)
for a in [([1],2),(1,[2]),('a',1),(1,1),((1,),[1])]:
    try: print(o.concat(*a))
    except Exception as e: print(type(e).__name__, e)
    try: print(o.iconcat(*a))
    except Exception as e: print(type(e).__name__, e)
for a in [('a','a'),(b'a','a'),('a',b'a'),(1,2),('é','é'),(b'ab', bytearray(b'ab')), (memoryview(b'x'), b'x')]:
    try: print(o._compare_digest(*a))
    except Exception as e: print(type(e).__name__, e)
for a in [([],), (iter([]),), (object(),), (object(), 'x'), (object(), -1), (range(3),)]:
    try: print(o.length_hint(*a))
    except Exception as e: print(type(e).__name__, e)
class B:
    def __length_hint__(self): return -1
class C:
    def __length_hint__(self): return 'x'
class D:
    def __length_hint__(self): return NotImplemented
class E:
    def __len__(self): raise ValueError('v')
for x in [B(), C(), D(), E()]:
    try: print(o.length_hint(x, 5))
    except Exception as e: print(type(e).__name__, e)
for a in [([1,2,1],1),([1],3),(3,1)]:
    for f in (o.countOf, o.indexOf):
        try: print(f(*a))
        except Exception as e: print(type(e).__name__, e)
