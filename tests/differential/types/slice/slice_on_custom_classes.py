# user classes receiving slices; slice attributes of any type; extended slicing syntax
class Show:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", tuple(self[k] if isinstance(k, slice) else k for k in key))
        return ("key", key)
s = Show()
print(s[1:2], s[:], s[::], s[::2], s[-1:], s[:"z"], s["a":"b":"c"])
print(s[1:2, 3], s[1:2, ::3], s[..., 1:])
print(s[None:None:None], s[1.5:2.5])
class SetSlice:
    def __setitem__(self, key, value):
        print("setitem", key, value)
    def __delitem__(self, key):
        print("delitem", key)
ss = SetSlice()
ss[1:3] = "x"
ss[::2] = [1]
del ss[5:]
del ss[:, 1]
