# Text signatures in internal docstrings: object, type.mro, and a class
# whose docstring looks like one (kept whole as __doc__).
import inspect
print(repr(object.__doc__), object.__text_signature__, type.mro.__text_signature__, repr(type.mro.__doc__))
class C: pass
class D:
    "D(x)\n--\n\nhello"
print(C.__text_signature__, D.__text_signature__, repr(D.__doc__), int.__text_signature__)
print(inspect.signature(C), inspect.signature(type.mro), inspect.signature(object))
