# cycles through the native module objects (deque, defaultdict, deque iterators, itertools iterators, partial, lru wrapper, getters) are found by the cycle collector
import gc, itertools, _functools, _operator
from _collections import deque, defaultdict
class Probe:
    def __init__(self, name): self.name = name
    def __del__(self): print('freed', self.name)
def cycle(name, make):
    p = Probe(name)
    holder = make(p)
    p.ref = holder
    del p, holder
    gc.collect()
cycle('deque', lambda p: deque([p]))
cycle('bounded deque', lambda p: deque([0, p], maxlen=2))
cycle('deque iterator', lambda p: iter(deque([p])))
cycle('defaultdict value', lambda p: defaultdict(None, {1: p}))
cycle('defaultdict factory', lambda p: defaultdict(lambda: p))
cycle('chain', lambda p: itertools.chain([p]))
cycle('cycle', lambda p: itertools.cycle([p]))
cycle('count', lambda p: itertools.count(0, p) if False else itertools.repeat(p))
cycle('tee', lambda p: itertools.tee([p, p])[0])
cycle('groupby', lambda p: itertools.groupby([p]))
cycle('product', lambda p: itertools.product([p]))
cycle('accumulate', lambda p: itertools.accumulate([p], lambda a, b: a))
cycle('partial', lambda p: _functools.partial(print, p))
cycle('lru', lambda p: _functools._lru_cache_wrapper(lambda: p, 2, False, tuple))
cycle('itemgetter', lambda p: _operator.itemgetter(p))
cycle('methodcaller', lambda p: _operator.methodcaller('m', p))
cycle('cmp_to_key', lambda p: _functools.cmp_to_key(lambda a, b: p))
d = deque(); d.append(d); del d
f = defaultdict(list); f['self'] = f; del f
print(gc.collect() > 0)
print('done')
