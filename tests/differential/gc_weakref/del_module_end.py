# objects still alive at interpreter exit: __del__ of globals runs at shutdown
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del at", self.name)
keep = T("shutdown")
temp = T("explicit")
del temp
print("last line of the script")
