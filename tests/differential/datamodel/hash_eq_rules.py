# __hash__ implicitly set to None when __eq__ is defined; inheritance rules
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError", e)
class EqAndHash:
    def __eq__(self, o):
        return True
    def __hash__(self):
        return 1
print(hash(EqAndHash()))
class Child(EqAndHash):
    def __eq__(self, o):
        return False
print(Child.__hash__)
class Child2(EqAndHash):
    pass
print(hash(Child2()))
class KeepHash:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print(type(hash(KeepHash())).__name__)
class NoHash:
    __hash__ = None
try:
    {NoHash()}
except TypeError as e:
    print("TypeError", e)
class SubOfNoHash(NoHash):
    def __hash__(self):
        return 5
print(hash(SubOfNoHash()))
class IntLike(int):
    def __eq__(self, o):
        return int(self) == o
try:
    hash(IntLike(3))
except TypeError as e:
    print("TypeError", e)
print(list.__hash__, dict.__hash__, tuple.__hash__ is not None)
class NeOnly:
    def __ne__(self, o):
        return False
print(NeOnly.__hash__ is object.__hash__)
print(NeOnly() == NeOnly())
