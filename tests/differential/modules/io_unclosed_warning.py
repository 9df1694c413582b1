# Unclosed files warn (ResourceWarning, the file as source) when collected,
# whichever layer is dropped; closefd=False does not warn.
import gc, io, os, tempfile, warnings

tmpdir = tempfile.mkdtemp()
path = os.path.join(tmpdir, "io_unclosed_warning.tmp")
def check(*args, **kw):
    f = open(*args, **kw)
    r = repr(f)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        f = None
        gc.collect()
    msgs = [str(x.message) for x in w if x.category is ResourceWarning]
    print(len(msgs), all(r in m for m in msgs), [m.split(" ")[0:2] for m in msgs])

try:
    check(path, "wb", buffering=0)
    check(path, "wb")
    check(path, "w", encoding="utf-8")
    r, w = os.pipe()
    check(r, "rb", closefd=False)
    os.close(w)
    os.close(r)
    # open() failing in TextIOWrapper closes what it opened, without warning.
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            open(path, "w", newline="invalid")
        except ValueError as e:
            print(e)
        gc.collect()
    print([x.category.__name__ for x in w])
    f = io.FileIO(path, "r")
    print(f._finalizing)
    f.close()
finally:
    os.unlink(path)
    os.rmdir(tmpdir)
