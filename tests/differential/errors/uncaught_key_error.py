# uncaught KeyError with a tuple key: the exception line shows the repr
d = {"a": 1}
print(d["a"])
print(d[("missing", 2)])
