# objects resurrected in __del__, __del__ called once (PEP 442)
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)
p = Phoenix("bird")
del p
print("resurrected:", [s.name for s in saved])
saved.clear()
print("cleared without a second __del__")
class Counter:
    count = 0
    def __del__(self):
        Counter.count += 1
objs = [Counter() for _ in range(10)]
del objs
print("deleted count", Counter.count)
class Child:
    def __del__(self):
        print("child del")
class Parent:
    def __init__(self):
        self.child = Child()
    def __del__(self):
        print("parent del, child still attached:", hasattr(self, "child"))
pa = Parent()
del pa
print("end")
