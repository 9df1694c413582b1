# hashing and zlib from several threads (large updates run with the GIL
# released), and one hash object fed by four threads at once
import threading, hashlib, zlib
data = bytes(range(256)) * 4000
results = []
def work(i):
    h = hashlib.sha256()
    for _ in range(20):
        h.update(data)
    c = zlib.compress(data * 3, 6)
    results.append((h.hexdigest(), zlib.decompress(c) == data * 3))
ts = [threading.Thread(target=work, args=(i,)) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(len(results), len(set(results)), results[0][1])
shared = hashlib.md5()
def feed():
    for _ in range(50):
        shared.update(data)
ts = [threading.Thread(target=feed) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
ref = hashlib.md5(data * 200).hexdigest()
print(shared.hexdigest() == ref)
