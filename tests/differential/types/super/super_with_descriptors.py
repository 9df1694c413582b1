# super() binds descriptors: properties, classmethods, staticmethods, class attributes
class Base:
    attr = "base attr"
    @property
    def prop(self):
        return "base prop of " + type(self).__name__
    @classmethod
    def cm(cls):
        return "base cm of " + cls.__name__
    @staticmethod
    def sm():
        return "base sm"
    def method(self):
        return "base method"
class Child(Base):
    attr = "child attr"
    @property
    def prop(self):
        return "child+" + super().prop
    @classmethod
    def cm(cls):
        return "child+" + super().cm()
    @staticmethod
    def sm():
        return "child sm"
    def check(self):
        return (super().attr, super().sm(), super().method(), super().cm())
c = Child()
print(c.prop, Child.cm(), c.cm(), c.check())
print(super(Child, c).prop, super(Child, Child).cm(), super(Child, c).method.__name__)
try:
    super(Child, c).prop = 5
except AttributeError as e:
    print("AttributeError", e)
print(type(super(Child, c).method).__name__, type(super(Child, Child).method).__name__)
