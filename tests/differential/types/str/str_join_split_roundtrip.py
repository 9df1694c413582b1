# split/join round trips, splitlines keepends, rsplit with maxsplit, whitespace classes
texts = ["a b  c", "  lead and trail  ", "tabs\tand\nnewlines\r\nmixed", "", "single", "x\u3000y\u2003z", "\x1c\x1d\x1e\x1f|"]
for s in texts:
    parts = s.split()
    print(repr(s), parts, " ".join(parts), s.split(" "), s.rsplit(None, 1))
lines = "one\ntwo\r\nthree\rfour\n"
print(lines.splitlines(), lines.splitlines(True), "".join(lines.splitlines(True)) == lines)
csv = "a,b,,c,"
print(csv.split(","), ",".join(csv.split(",")) == csv, csv.split(",", 1), csv.rsplit(",", 1))
print("a-b-c".split("-", 0), "a-b-c".rsplit("-", 0), "a-b-c".split("-", -1))
print("--".join([""] * 3), "x".join(["only"]), "".join(["a", "", "b"]))
print("mississippi".partition("ss"), "mississippi".rpartition("ss"))
