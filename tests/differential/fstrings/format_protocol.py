# f-strings call format(value, spec): __format__ protocol and conversions
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __format__(self, spec):
        if spec == "":
            return "$%.2f" % self.amount
        if spec == "words":
            return "%d dollars" % self.amount
        return format(self.amount, spec)
m = Money(12.5)
print(f"{m}", f"{m:words}", f"{m:>10.3f}", format(m, ""), "{0:words}".format(m))
class StrSub(str):
    def __format__(self, spec):
        return "StrSub:" + spec
print(f"{StrSub('x'):abc}")
try:
    print(f"{StrSub('x')!s:abc}")
except ValueError as e:
    print("ValueError", e)
class Bad:
    def __format__(self, spec):
        return 123
try:
    f"{Bad()}"
except TypeError as e:
    print("TypeError", e)
class Raising:
    def __format__(self, spec):
        raise ValueError("cannot format with " + repr(spec))
try:
    f"{Raising():xyz}"
except ValueError as e:
    print("ValueError", e)
class NoFormat:
    def __str__(self):
        return "str used"
print(f"{NoFormat()}")
try:
    f"{NoFormat():>10}"
except TypeError as e:
    print("TypeError", e)
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
print(f"{ReprOnly()}", f"{ReprOnly()!a}")
print(f"{'ünï'!a}", f"{['ü']!a}")
