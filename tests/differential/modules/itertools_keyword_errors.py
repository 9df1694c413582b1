# keyword-count errors of the old-style and clinic parsers: 'takes at most N keyword arguments' across itertools, deque, lru_cache, cmp_to_key
import itertools as it
for k in [{'repeat': 2, 'x': 1}, {'x': 1, 'repeat': 2}, {'repeat': 2**70}]:
    try: print(list(it.product('ab', **k)))
    except Exception as e: print(type(e).__name__, e)
from _collections import deque
import _functools
for f, k in [(it.count, {'start': 1, 'step': 2, 'x': 3}), (it.repeat, {'object': 1, 'times': 2, 'x': 3}), (it.groupby, {'iterable': 'a', 'key': None, 'x': 1}), (deque, {'iterable': [], 'maxlen': 1, 'x': 1}), (it.combinations, {'iterable': 'a', 'r': 1, 'x': 1})]:
    try: print(f(**k))
    except Exception as e: print(type(e).__name__, e)
try: _functools._lru_cache_wrapper(user_function=len, maxsize=1, typed=0, cache_info_type=tuple, x=1)
except Exception as e: print(type(e).__name__, e)
try: _functools.cmp_to_key(mycmp=len, x=1)
except Exception as e: print(type(e).__name__, e)
try: _functools.cmp_to_key(len)(obj=1, x=1)
except Exception as e: print(type(e).__name__, e)
