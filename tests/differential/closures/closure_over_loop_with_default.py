# common closure idioms: callbacks registry, binding loop values, accumulating handlers
callbacks = {}
def on(event):
    def register(fn):
        callbacks.setdefault(event, []).append(fn)
        return fn
    return register
for name in ["start", "stop"]:
    @on(name)
    def handler(evt=name):
        return "handled " + evt
@on("start")
def second_start():
    return "second start handler"
for evt in sorted(callbacks):
    print(evt, [cb() for cb in callbacks[evt]])
def make_multipliers():
    result = []
    for factor in range(1, 4):
        result.append(lambda x, f=factor: x * f)
    return result
print([m(10) for m in make_multipliers()])
def make_late():
    return [lambda x: x * factor for factor in range(1, 4)]
print([m(10) for m in make_late()])
