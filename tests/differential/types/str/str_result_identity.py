# which str operations hand back the very same object (exact strs unchanged)
s = "abc def"
u = "ab€"
ops = {
 "strip": lambda x: x.strip(), "lstrip": lambda x: x.lstrip("z"), "center": lambda x: x.center(2), "ljust": lambda x: x.ljust(1),
 "zfill": lambda x: x.zfill(3), "expandtabs": lambda x: x.expandtabs(), "replace": lambda x: x.replace("q", "r"), "join1": lambda x: "".join([x]),
 "join1sep": lambda x: ",".join([x]), "slice": lambda x: x[:], "slice2": lambda x: x[0:100], "mul1": lambda x: x * 1, "add": lambda x: x + "",
 "radd": lambda x: "" + x, "format": lambda x: format(x), "format2": lambda x: format(x, ""), "str": lambda x: str(x), "removeprefix": lambda x: x.removeprefix("q"),
 "removesuffix": lambda x: x.removesuffix(""), "partition": lambda x: x.partition("q")[0], "rpartition": lambda x: x.rpartition("q")[2],
 "split": lambda x: x.split("q")[0], "rsplit": lambda x: x.rsplit(None)[0] if " " not in x else x, "splitlines": lambda x: x.splitlines()[0],
 "translate": lambda x: x.translate({}), "lower": lambda x: x.lower(), "casefold": lambda x: x.casefold(), "fstring": lambda x: f"{x}",
 "pct": lambda x: "%s" % x, "rstrip": lambda x: x.rstrip(), "title": lambda x: x.title(), "sub0": lambda x: x[::1],
}
for name, f in ops.items():
    print(name, f(s) is s, f(u) is u)
