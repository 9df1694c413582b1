# tarfile with gzip (file and stream modes, in memory) and
# shutil.make_archive/unpack_archive gztar, through temporary directories
import tarfile, shutil, tempfile, os, io
d = tempfile.mkdtemp()
src = os.path.join(d, "src"); os.mkdir(src)
for n in ("one.txt", "two.txt"):
    with open(os.path.join(src, n), "wb") as f: f.write(n.encode() * 100)
os.mkdir(os.path.join(src, "sub"))
with open(os.path.join(src, "sub", "three.bin"), "wb") as f: f.write(bytes(range(256)) * 10)
for mode in ("w:gz", "w:", "w|gz"):
    tp = os.path.join(d, "t.tar")
    with tarfile.open(tp, mode) as t:
        t.add(src, arcname="src")
    with tarfile.open(tp, "r:*") as t:
        print(mode, sorted(m.name for m in t.getmembers()), t.extractfile("src/one.txt").read()[:14])
        t.extractall(os.path.join(d, "x" + mode.replace(":", "").replace("|", "")))
a = shutil.make_archive(os.path.join(d, "arch"), "gztar", src)
out = os.path.join(d, "out")
shutil.unpack_archive(a, out)
print(os.path.basename(a), sorted(os.listdir(out)), open(os.path.join(out, "sub", "three.bin"), "rb").read() == bytes(range(256)) * 10)
bio = io.BytesIO()
with tarfile.open(fileobj=bio, mode="w:gz") as t:
    info = tarfile.TarInfo("mem.txt"); data = b"in memory" * 50; info.size = len(data)
    t.addfile(info, io.BytesIO(data))
bio.seek(0)
with tarfile.open(fileobj=bio, mode="r:gz") as t:
    print(t.getnames(), t.extractfile("mem.txt").read()[:9])
shutil.rmtree(d)
print(os.path.exists(d))
