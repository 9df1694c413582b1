# uncaught exception whose class is nested: the exception line uses the qualified name
class Outer:
    class InnerError(Exception):
        pass
print("raising nested class exception")
raise Outer.InnerError("inner problem")
