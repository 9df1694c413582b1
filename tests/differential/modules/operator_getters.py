# _operator: itemgetter/attrgetter/methodcaller reprs, calls, errors, __reduce__
import _operator as o
ig = o.itemgetter(1); print(ig, ig([5,6]), ig.__reduce__())
ig2 = o.itemgetter(1, 'a', (1,2)); print(ig2, ig2.__reduce__())
for a in [(), ]:
    try: o.itemgetter(*a)
    except Exception as e: print(type(e).__name__, e)
try: o.itemgetter(1, x=2)
except Exception as e: print(type(e).__name__, e)
try: ig()
except Exception as e: print(type(e).__name__, e)
try: ig(1, 2)
except Exception as e: print(type(e).__name__, e)
try: ig(x=1)
except Exception as e: print(type(e).__name__, e)
try: ig([])
except Exception as e: print(type(e).__name__, e)
ag = o.attrgetter('real'); print(ag, ag(3), ag.__reduce__())
ag = o.attrgetter('real.imag', 'imag'); print(ag, ag(3), ag.__reduce__())
for a in [(), (1,), ('a', 2)]:
    try: o.attrgetter(*a)
    except Exception as e: print(type(e).__name__, e)
try: o.attrgetter('x')(1)
except Exception as e: print(type(e).__name__, e)
try: o.attrgetter('')(1)
except Exception as e: print(type(e).__name__, e)
print(o.attrgetter('a..b'))
try: o.attrgetter('a..b')(1)
except Exception as e: print(type(e).__name__, e)
mc = o.methodcaller('split', ',', maxsplit=1); print(mc, mc('a,b,c'))
mc2 = o.methodcaller('upper'); print(mc2, mc2('a'), mc2.__reduce__())
mc3 = o.methodcaller('x', 1, 'y'); print(mc3.__reduce__())
for a, k in [((), {}), ((1,), {}), ((), {'name': 'x'})]:
    try: o.methodcaller(*a, **k)
    except Exception as e: print(type(e).__name__, e)
try: mc2()
except Exception as e: print(type(e).__name__, e)
try: mc2(1, 2)
except Exception as e: print(type(e).__name__, e)
try: mc2(a=2)
except Exception as e: print(type(e).__name__, e)
class L(list): pass
l = L(); 
ig = o.itemgetter(l); l.append(ig); print(ig)
print(type(ig).__name__, type(ig).__module__, type(ig).__qualname__)
try:
    class X(o.itemgetter): pass
except Exception as e: print(type(e).__name__, e)
print(o.methodcaller('f', o.methodcaller('g')))
print(o.call(len, [1]), o.call(dict, a=1))
mc = o.methodcaller('split', ',', maxsplit=1)
r = mc.__reduce__(); print(r[0], r[1], r[0](*r[1])('a,b,c'))
print(o.methodcaller('f', 1, 2, a=1, b='x'))
class A: pass
a = A(); a.b = A(); a.b.c = 5; a.d = 7
print(o.attrgetter('b.c', 'd')(a), o.attrgetter('b.c')(a))
print(o.itemgetter(slice(1, 3))([1, 2, 3, 4]), o.itemgetter('k', 'j')({'k': 1, 'j': 2}))
print(sorted([(1, 'b'), (0, 'a'), (1, 'a')], key=o.itemgetter(1, 0)))
