# bytes method argument errors and messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b"hello"
t(lambda: b.replace("l", "L"))
t(lambda: b.count(256))
t(lambda: b.count(-1))
t(lambda: b.find([]))
t(lambda: b.join([1]))
t(lambda: b.center(10, "*"))
t(lambda: b.split(b""))
t(lambda: b.decode("utf-8", "strict", "extra"))
t(lambda: b.decode(encoding=5))
t(lambda: b.hex(5))
t(lambda: b.hex("::", 1))
t(lambda: b.startswith("h"))
t(lambda: b.strip(" "))
t(lambda: b.zfill("5"))
t(lambda: b.index(b"z"))
t(lambda: b.rindex(b"z"))
t(lambda: b.translate(b"short"))
t(lambda: bytes.maketrans(b"ab", b"c"))
t(lambda: b * "2")
t(lambda: b[1] + b)
