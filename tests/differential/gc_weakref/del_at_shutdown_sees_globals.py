# At exit the garbage cycles are collected while module globals are intact:
# a __del__ of an object held by __main__ (whose functions make its dict a
# cycle) still sees the modules it imported.
import codecs
import io
import json

codecs.lookup('utf-8')


class C:
    def __init__(self):
        self.buf = io.BytesIO()

    def __del__(self):
        w = io.TextIOWrapper(self.buf, encoding='utf-8', errors='strict')
        w.write(json.dumps({"closing": True}))
        w.flush()
        print("del sees io:", self.buf.getvalue())


def helper():
    return "helper"


c = C()
print("end of script")
