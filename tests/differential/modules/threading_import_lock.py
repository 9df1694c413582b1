# Threads importing at once through a meta-path finder that needs the
# global import lock (as importlib calls finders under it): no deadlock,
# and the finder's calls are serialized.
import _imp
import sys
import threading
import time


class Finder:
    def __init__(self):
        self.numcalls = 0
        self.x = 0
        self.lock = threading.Lock()

    def find_spec(self, name, path=None, target=None):
        assert _imp.lock_held()
        with self.lock:
            self.numcalls += 1
        x = self.x
        time.sleep(0.002)
        self.x = x + 1


finder = Finder()
sys.meta_path.insert(0, finder)
errors = []


def task():
    try:
        import random
        import modulefinder
        random.randrange(1, 3)
    except Exception as e:
        errors.append(e)


for n in (5, 20):
    for name in ['random', 'modulefinder']:
        sys.modules.pop(name, None)
    threads = [threading.Thread(target=task) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(n, errors, finder.numcalls > 0, finder.numcalls == finder.x)
sys.meta_path.remove(finder)
