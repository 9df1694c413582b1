# single and multiple inheritance, overriding, isinstance
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
class Cat(Animal):
    sound = "meow"
    def __init__(self, name, indoor=True):
        super().__init__(name)
        self.indoor = indoor
for a in [Animal("thing"), Dog("rex"), Puppy("bit"), Cat("tom")]:
    print(a.speak(), a.kind(), isinstance(a, Dog), isinstance(a, Animal))
print(Cat("c").indoor, Cat("c", False).indoor)
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), Puppy.__bases__[0].__name__)
class Flying:
    def move(self):
        return "fly"
    def describe(self):
        return "Flying." + super().describe() if hasattr(super(), "describe") else "Flying"
class Swimming:
    def move(self):
        return "swim"
    def describe(self):
        return "Swimming"
class Duck(Flying, Swimming, Animal):
    sound = "quack"
d = Duck("donald")
print(d.move(), d.speak(), d.describe(), [c.__name__ for c in Duck.__mro__])
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
Base.hook = lambda self: "patched"
print(Base().template(), Derived().template())
