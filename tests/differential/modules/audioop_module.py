# audioop: the module surface — names, docstrings and signatures, the
# import-time DeprecationWarning (as an error too), re-import, and large
# and odd inputs (memoryview formats, bytearray, array)
import sys, warnings, inspect
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        import audioop
    except DeprecationWarning as e:
        print("raised:", e)
print("audioop" in sys.modules)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import audioop as A
print([(w.category.__name__, str(w.message), w.lineno, w.filename == __file__) for w in caught])
print(sorted(k for k in dir(A) if not k.startswith("__")))
for n in sorted(k for k in dir(A) if not k.startswith("_") and k != "error"):
    f = getattr(A, n)
    print(n, type(f).__name__, f.__module__, f.__text_signature__, f.__doc__, inspect.signature(f))
print(A.error, A.error.__doc__, issubclass(A.error, Exception))
import array
a = array.array("h", [1, -2, 3, -4, 32767, -32768])
print(A.max(a, 2), A.minmax(memoryview(a), 2), A.rms(bytearray(a.tobytes()), 2), A.avg(a, 2))
print(A.mul(a, 2, 1.5), A.reverse(memoryview(a), 2), A.lin2lin(a, 2, 3))
big = bytes(range(256)) * 400
for w in (1, 2, 4):
    print(w, A.max(big, w), A.minmax(big, w), A.avg(big, w), A.rms(big, w), A.avgpp(big, w), A.maxpp(big, w), A.cross(big, w))
print(A.findfit(big, big[1000:1400]), A.findmax(big, 300), A.findfactor(big, big[::-1]))
print(A.ratecv(big, 2, 2, 44100, 48000, None)[1], len(A.ratecv(big, 2, 2, 44100, 48000, None)[0]))
print(A.ratecv(big, 4, 1, 48000, 44100, None, 5, 3)[1])
