# a small complete program: a JSON-like serializer and parser written by hand
def dumps(obj, indent=0):
    pad = "  " * indent
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else ch)
            else:
                out.append(ch)
        return "".join(out) + '"'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        inner = ",\n".join(pad + "  " + dumps(v, indent + 1) for v in obj)
        return "[\n" + inner + "\n" + pad + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        inner = ",\n".join(pad + "  " + dumps(str(k)) + ": " + dumps(v, indent + 1) for k, v in obj.items())
        return "{\n" + inner + "\n" + pad + "}"
    raise TypeError("cannot serialize %s" % type(obj).__name__)
def loads(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        ws()
        ch = s[pos]
        if ch == "{":
            pos += 1
            out = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return out
            while True:
                k = value()
                ws()
                pos += 1
                out[k] = value()
                ws()
                sep = s[pos]
                pos += 1
                if sep == "}":
                    return out
        if ch == "[":
            pos += 1
            out = []
            ws()
            if s[pos] == "]":
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                sep = s[pos]
                pos += 1
                if sep == "]":
                    return out
        if ch == '"':
            pos += 1
            buf = []
            while s[pos] != '"':
                if s[pos] == "\\":
                    nxt = s[pos + 1]
                    if nxt == "u":
                        buf.append(chr(int(s[pos + 2:pos + 6], 16)))
                        pos += 6
                        continue
                    buf.append({"n": "\n"}.get(nxt, nxt))
                    pos += 2
                    continue
                buf.append(s[pos])
                pos += 1
            pos += 1
            return "".join(buf)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if s.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(s) and s[pos] in "+-0123456789.eE":
            pos += 1
        num = s[start:pos]
        return float(num) if any(c in num for c in ".eE") else int(num)
    return value()
doc = {"name": "krait", "version": [0, 1], "ok": True, "none": None, "ratio": 0.25,
       "text": 'quote " backslash \\ newline \n é', "nested": {"empty": [], "obj": {}, "list": [1, [2, [3]]]}}
text = dumps(doc)
print(text)
back = loads(text)
print(back == doc, back["text"] == doc["text"], back["nested"]["list"])
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError", e)
