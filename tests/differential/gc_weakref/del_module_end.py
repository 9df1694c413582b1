# objects still alive at interpreter exit: __del__ of globals runs at shutdown
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del at", self.name)
keep = T("shutdown")
temp = T("explicit")
del temp
print("after explicit del")
class Container:
    def __init__(self):
        # One item: the order among several objects of one garbage cycle
        # follows the collector's generation lists, which differ.
        self.items = [T("in-container")]
box = Container()
def make_and_drop():
    t = T("function-local")
    return "made"
print(make_and_drop())
lst = [T("list-global")]
lst = None
print("list global rebound")
print("script body finished; remaining globals are released at shutdown")
