# computed attributes with properties: validation, caching, inheritance of properties
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero: %r" % v)
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 32
print(t.celsius)
try:
    Temperature(-300)
except ValueError as e:
    print("ValueError", e)
try:
    t.kelvin = 5
    print("new attribute allowed", t.kelvin)
except AttributeError as e:
    print("AttributeError", e)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        if "_value" not in self.__dict__:
            self.computed += 1
            self._value = 42
        return self._value
l = Lazy()
print(l.value, l.value, l.computed)
class ReadOnly:
    @property
    def const(self):
        return "fixed"
class SubRO(ReadOnly):
    @ReadOnly.const.setter
    def const(self, v):
        self._set = v
r = ReadOnly()
try:
    r.const = 1
except AttributeError as e:
    print("AttributeError", e)
s = SubRO()
s.const = "stored"
print(s.const, s._set)
