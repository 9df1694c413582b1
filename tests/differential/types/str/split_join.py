# split, rsplit, splitlines, partition, join
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "  a  b\tc\n d ".split())
t(lambda: "a,b,,c,".split(","))
t(lambda: "a,b,,c,".split(",", 2))
t(lambda: "a,b,,c,".rsplit(",", 2))
t(lambda: "  a b c  ".split(None, 1))
t(lambda: "  a b c  ".rsplit(None, 1))
t(lambda: "".split())
t(lambda: "".split(","))
t(lambda: "abc".split(""))
t(lambda: "a b".split(maxsplit=0))
t(lambda: "a\u2003b\u00a0c\x1fd".split())
t(lambda: "a::b::c".split("::"))
t(lambda: "line1\nline2\r\nline3\rline4\x0bl5\x1cl6\u2028l7\n".splitlines())
t(lambda: "a\nb\r\n".splitlines(True))
t(lambda: "".splitlines())
t(lambda: "\n".splitlines())
t(lambda: "a=b=c".partition("="))
t(lambda: "a=b=c".rpartition("="))
t(lambda: "abc".partition("x"))
t(lambda: "abc".rpartition("x"))
t(lambda: "abc".partition(""))
t(lambda: ",".join(["a", "b", "c"]))
t(lambda: "".join([]))
t(lambda: "-".join("xyz"))
t(lambda: "-".join(["a", 1]))
t(lambda: "-".join([b"a"]))
t(lambda: "-".join(x for x in "ab"))
t(lambda: ", ".join({"k": 1, "j": 2}))
t(lambda: "a".join(5))
class S(str):
    pass
t(lambda: type("".join([S("a")])).__name__)
