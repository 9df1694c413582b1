# The _json accelerator: json uses its scanner, string escaping and encoder,
# with CPython 3.11's results, error messages and positions.
import json
import json.decoder, json.encoder, json.scanner

print(json.scanner.make_scanner.__module__, json.decoder.scanstring.__module__,
      json.encoder.c_make_encoder.__module__, json.encoder.encode_basestring_ascii.__module__)

docs = [
    '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\ud83d\\ude00"}}',
    '[1E+2, 0, -0, 1.0e-3, "\\n\\t\\"\\\\\\/\\b\\f\\r"]',
    '  [ ]  ', '{ }', '"\\ud800x"', '"\\udc00\\ud800"', '123456789012345678901234567890',
    '[NaN, Infinity, -Infinity]',
]
for d in docs:
    print(repr(json.loads(d)))

bad = ['[,', '{"spam":[}', '[42:', '[42,]', '{"spam":42,}', '["]', '{42', '[{"spam"]',
       '"\\x"', '"\\u12"', '"\\u12zz"', '"abc', '"a\x01"', '', '[', '{', '-', '01', '1.', '[1 2]',
       'nul', 'tru', '{"a" 1}']
for d in bad:
    try:
        json.loads(d)
    except json.JSONDecodeError as e:
        print(repr(d), e.msg, e.pos, e.lineno, e.colno)

print(json.loads('"a\x01"', strict=False) == "a\x01")
print(json.loads('{"x": 1.5, "y": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN]', parse_constant=lambda s: "const:" + s))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.decoder.scanstring('"hello" world', 1))
try:
    json.decoder.scanstring(b"x", 0)
except TypeError as e:
    print(type(e).__name__, e)

# Encoding
values = [
    {"a": [1, 2.5, None, True, False], "b": "é\u2603\U0001f600", "c": (1, 2)},
    [float("inf"), float("-inf")], "\x00\x1f\x7f", {1: "int", 2.5: "float", None: "none", True: "t"},
    [], {}, [[]], 10**30, -0.0, 1e100,
]
for v in values:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False), json.dumps(v, separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({"a": 1, (1, 2): 3}, skipkeys=True))
for v, kw in [({(1, 2): 3}, {}), ([float("nan")], {"allow_nan": False}), ({"a": 1, 1: 2}, {"sort_keys": True}),
              (object(), {})]:
    try:
        json.dumps(v, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(type(e).__name__, e)
print(json.dumps(object(), default=lambda o: ["default"]))
a = [object()] * 10
def shrink(o):
    del a[-1]
print(json.dumps(a, default=shrink))

class D(dict):
    def items(self):
        return [("x", 1), ("y", 2)]
print(json.dumps(D(q=0)))
print(json.dumps(json.loads('{"\\u00e9": "\\ud83d\\ude00"}')))
enc = json.encoder.c_make_encoder(None, str, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
print(enc({"k": [1, "two"]}, 0))
try:
    json.encoder.c_make_encoder(1, None, None, None, ": ", ", ", False, False, False)
except TypeError as e:
    print(e)
