# global declarations in nested functions, class bodies and exec
counter = 0
def outer():
    def inner():
        global counter
        counter += 10
    inner()
    return counter
print(outer(), counter)
def shadow():
    counter = "local"
    def inner():
        global counter
        return counter
    return inner(), counter
print(shadow())
class C:
    global from_class
    from_class = "set in class body"
    attr = "class attr"
print(from_class, "from_class" in C.__dict__)
ns = {}
exec("global g_exec\ng_exec = 1\nlocal_exec = 2", ns)
print(sorted(k for k in ns if k != "__builtins__"))
def creates_later():
    global created
    created = "now exists"
print("created" in globals())
creates_later()
print(created)
def reads_undefined_global():
    global never_created
    try:
        return never_created
    except NameError as e:
        return "NameError: " + str(e)
print(reads_undefined_global())
