# The default sys.breakpointhook follows PYTHONBREAKPOINT: "0" disables
# it, a dotted name is imported and called, and an unimportable one warns.
import os, sys, warnings

calls = []
def recorder(*args, **kw):
    calls.append((args, kw))
    return "ret"

sys.modules["__main__"].recorder = recorder
os.environ["PYTHONBREAKPOINT"] = "__main__.recorder"
print(breakpoint(1, k=2), calls)
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
for bad in ["nosuchmodule.x", ".foo", "foo.", "nosuchbuiltin"]:
    os.environ["PYTHONBREAKPOINT"] = bad
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        print(breakpoint(), [str(x.message) for x in w], [x.category.__name__ for x in w])
os.environ["PYTHONBREAKPOINT"] = "int"
print(breakpoint("7"))
print(sys.__breakpointhook__ is sys.breakpointhook)
