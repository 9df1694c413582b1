# zipfile with ZIP_DEFLATED and ZIP_STORED through a temporary directory
# and in memory, streaming reads, CRC checks, shutil.make_archive("zip")
import zipfile, shutil, tempfile, os, io, zlib
data = b"".join(b"zip line %d\n" % i for i in range(5000))
d = tempfile.mkdtemp()
zp = os.path.join(d, "a.zip")
with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", data)
    z.writestr("b.txt", b"small", compress_type=zipfile.ZIP_STORED)
    z.writestr("c.txt", data[:1000], compresslevel=9)
    with z.open("d.bin", "w") as w:
        for i in range(0, len(data), 7000):
            w.write(data[i:i + 7000])
with zipfile.ZipFile(zp) as z:
    print(sorted(z.namelist()), z.testzip())
    for i in z.infolist():
        print(i.filename, i.compress_type, i.file_size, i.compress_size, i.CRC == zlib.crc32(z.read(i.filename)))
    print(z.read("a.txt") == data, z.read("b.txt"), z.read("d.bin") == data)
    with z.open("a.txt") as r:
        print(r.read(20), len(r.read(100000)), r.readline())
bio = io.BytesIO()
with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("m.txt", b"memory " * 100)
bio.seek(0)
with zipfile.ZipFile(bio) as z:
    print(z.read("m.txt")[:14], z.getinfo("m.txt").compress_size)
src = os.path.join(d, "src"); os.mkdir(src)
for n in ("one.txt", "two.txt"):
    with open(os.path.join(src, n), "wb") as f:
        f.write(n.encode() * 100)
a = shutil.make_archive(os.path.join(d, "arch"), "zip", src)
out = os.path.join(d, "out")
shutil.unpack_archive(a, out)
print(os.path.basename(a), sorted(os.listdir(out)))
bad = bytearray(open(zp, "rb").read())
off = bad.find(b"small")
bad[off] ^= 1
with zipfile.ZipFile(io.BytesIO(bytes(bad))) as z:
    try:
        z.read("b.txt")
    except zipfile.BadZipFile as x:
        print("BadZipFile", x)
shutil.rmtree(d)
