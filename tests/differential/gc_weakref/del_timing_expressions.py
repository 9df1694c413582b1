# temporaries die at the end of the expression/statement that uses them
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def value(self):
        return self.name.upper()
print("result:", T("temp1").value())
print("after temp1")
x = [T("in-list").value() for _ in range(1)]
print(x)
def consume(obj):
    print("consuming", obj.name)
    return len(obj.name)
n = consume(T("argument"))
print("argument done", n)
y = T("chain").value().lower()
print(y)
for i in range(2):
    t = T("loop%d" % i)
print("loop finished")
del t
print("loop variable deleted")
try:
    holder = T("in-try")
    raise ValueError("boom")
except ValueError:
    print("handling")
del holder
print("end")
