# split() gives each part its own copy of a sequence of notes (and none
# for a non-sequence); message and exceptions are read-only; generic alias.
import types

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
eg.add_note("note1")
match, rest = eg.split(TypeError)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__, rest.__notes__ is match.__notes__)
match.add_note("m")
print(eg.__notes__, match.__notes__)

eg.__notes__ = 123
match, rest = eg.split(TypeError)
print(hasattr(match, "__notes__"), hasattr(rest, "__notes__"))

for attr, value in (("message", "new"), ("exceptions", [OSError()])):
    try:
        setattr(eg, attr, value)
    except AttributeError as e:
        print("AttributeError:", e)

print(ExceptionGroup[ValueError], isinstance(BaseExceptionGroup[int], types.GenericAlias))
